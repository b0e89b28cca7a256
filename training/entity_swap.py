"""Counterfactual copies of training sentences with their states swapped for other states.

The in-domain sentences come from a handful of stories, so some states are mostly the
aggressors there ("Russia", "Iran": about four in five of their targets are negative) and
others never appear (North Korea): a network trained on them learns who is usually blamed
rather than how the sentence portrays its target. A swapped copy keeps the sentence and its
labels and names other states ("Moscow's shells hit Kharkiv" → "Lima's shells hit Kharkiv"),
so the label can only come from what the sentence says (counterfactual data augmentation, a
common remedy for entity bias in classifiers).

A state is swapped only where each of its targets in the sentence is its name, capital or
demonym (singular or plural) in the English gazetteer. States also named by a leader, an
acronym ("U.S.") or an alias, and organisations, stay as they are. Every mention of one state
maps to the same new state, and no two states of a sentence to one.
"""

from __future__ import annotations

import random
import re
from dataclasses import dataclass
from functools import cache

from analysis import tsc

#: the gazetteer's entry types a swap rewrites, and the form each becomes in the new state
FORMS = {"name": "name", "short": "name", "capital": "capital", "demonym": "demonym"}
ARTICLE = ("the ", "The ")
ARTICLED_RE = re.compile(
    r"^(United|Czech|Dominican|Central African)\b|\b(of|and|Islands)\b"
    r"|(lands|ines|amas|ives|oros|elles)$"
)


@dataclass(frozen=True)
class State:
    name: str
    capital: str
    demonym: str
    demonyms: str  # the plural ("Russians")

    def form(self, kind: str) -> str:
        return getattr(self, kind)


@dataclass(frozen=True)
class Table:
    owner: dict[str, str]  # English surface -> the one state it names (leaders: their state)
    form: dict[str, str]  # swappable surface -> its form (name, capital, demonym, demonyms)
    states: dict[str, State]  # states a swap can bring in
    articled: set[str]  # states English names with "the"


@cache
def table() -> Table:
    from analysis.nlp import load_gazetteer  # here, so that training without swaps needs no spaCy

    gazetteer = load_gazetteer()
    entries = list(gazetteer.entries_for("en"))
    owners: dict[str, set[str]] = {}
    for entry in entries:
        actor = gazetteer.actors.get(entry.actor_id)
        if actor is not None and actor.kind in ("state", "person") and actor.state_id:
            owners.setdefault(entry.surface, set()).add(actor.state_id)
    # a surface of several states ("Georgia" is no problem; "Congo" is two) is left alone
    owner = {surface: next(iter(s)) for surface, s in owners.items() if len(s) == 1}
    form: dict[str, str] = {}
    by_state: dict[str, dict[str, list[str]]] = {}
    for entry in entries:
        actor = gazetteer.actors.get(entry.actor_id)
        if (
            actor is None
            or actor.kind != "state"
            or entry.requires
            or entry.type not in FORMS
            or owner.get(entry.surface) != actor.actor_id
        ):
            continue
        kind = FORMS[entry.type]
        if kind == "demonym" and entry.surface.endswith("s") and entry.surface[:-1] in owner:
            kind = "demonyms"
        form[entry.surface] = kind
        by_state.setdefault(actor.actor_id, {}).setdefault(kind, []).append(entry.surface)
    states, articled = {}, set()
    for actor_id, kinds in by_state.items():
        official = gazetteer.actors[actor_id].name
        if takes_article(official):
            articled.add(actor_id)
        if not all(kinds.get(k) for k in ("name", "capital", "demonym", "demonyms")):
            continue
        name = official if official in kinds["name"] else kinds["name"][0]

        def usual(d: str, name: str = name) -> tuple[bool, int]:  # "Australian", "Turkish"
            return (not d.startswith(name[:3]), -len(d))

        singular = sorted(kinds["demonym"], key=usual)[0]
        plural = singular + "s" if singular + "s" in kinds["demonyms"] else kinds["demonyms"][0]
        if not takes_article(name) and len(name.split()) <= 2:
            states[actor_id] = State(name, kinds["capital"][0], singular, plural)
    return Table(owner, form, states, articled)


def takes_article(name: str) -> bool:
    """Whether English names the state with "the" ("the United States", "the Philippines")."""
    return bool(ARTICLED_RE.search(name))


def _bare(surface: str) -> str:
    return surface[4:] if surface.startswith(ARTICLE) else surface


def swap(item: tsc.Item, rng: random.Random) -> tsc.Item:
    """`item` with its swappable states replaced by others (its targets in the same order,
    so its labels still hold); `item` itself where no state can be swapped."""
    t = table()
    spans = sorted({span for target in item.targets for span in target})
    if any(a[1] > b[0] for a, b in zip(spans, spans[1:], strict=False)):
        return item  # overlapping targets: left as they are
    named: dict[tsc.Span, tuple[str, str]] = {}  # span -> its state, its surface without "the"
    states, blocked = set(), set()
    for start, end in spans:
        bare = _bare(item.sentence[start:end])
        state = t.owner.get(bare)
        if state is None:
            continue
        named[(start, end)] = (state, bare)
        states.add(state)
        if bare not in t.form:
            blocked.add(state)  # also named by a leader, an acronym or an alias
    choices = sorted(set(t.states) - states)
    mapping = {}
    for state in sorted(states - blocked):
        if choices:
            mapping[state] = t.states[choices.pop(rng.randrange(len(choices)))]
    if not mapping:
        return item
    text, out, moved, last = item.sentence, [], {}, 0
    for start, end in spans:
        surface = text[start:end]
        state, bare = named.get((start, end), ("", ""))
        new = mapping.get(state)
        before = text[last:start]
        if new is None:
            out.append(before)
            at = sum(map(len, out))
            out.append(surface)
        else:
            capital = surface.startswith("The ")
            kind = t.form[bare]
            if (
                kind == "name"
                and state in t.articled
                and not surface.startswith(ARTICLE)
                and before.endswith(ARTICLE)
                and (len(before) == 4 or not before[-5].isalnum())
            ):  # "the United States" -> "Peru"
                capital = before.endswith("The ")
                before = before[:-4]
            word = new.form(kind)
            before = _indefinite(before, word)
            out.append(before)
            at = sum(map(len, out))
            out.append(word[0].upper() + word[1:] if capital else word)
        moved[(start, end)] = (at, at + len(out[-1]))
        last = end
    out.append(text[last:])
    targets = tuple(tuple(moved[span] for span in target) for target in item.targets)
    return tsc.Item("".join(out), targets)


def _indefinite(before: str, word: str) -> str:
    """ "a"/"an" before the new word as its first letter asks ("an Iranian" -> "a Peruvian")."""
    vowel = word[:1].lower() in "aeiou"
    pairs = ((" a ", " an "), (" A ", " An ")) if vowel else ((" an ", " a "), (" An ", " A "))
    for old, new in pairs:
        if (" " + before).endswith(old):
            return before[: len(before) - len(old) + 1] + new[1:]
    return before
