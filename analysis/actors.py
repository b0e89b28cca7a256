"""The actor gazetteer (resources/gazetteer) and the rules that turn name matches into mentions.

Data, not code: `actors.csv` lists every actor (states by ISO 3166-1 alpha-3, organisations by
short id, persons as `PERSON:Full Name` tied to their state), and `names/<lang>.csv` lists the
surfaces each language uses for them (`names/any.csv`: surfaces valid in every language).
Adding a language is adding `names/<lang>.csv` (and `languages/<lang>.toml`).

Resolution rules, applied per article to the phrase matches:
1. longest match wins; `block` entries ("Korean peninsula") win and are then dropped;
2. a capital in a dateline or a byline ("SEOUL, March 12 —", "By Ann Lee, Seoul"), or right
   after a locative preposition of its language ("in Tokyo"; but not after
   a word for those who govern: "officials in Bamako"), or after a name link that follows a
   capitalised word ("Università di Tokyo", "University of Tokyo"), or inside a longer name
   ("the Minsk Group", "a Dakar-based institute"), is a place, not a government, and is
   dropped, and so is a capital joined to such a place by a conjunction ("in Dakar and
   Abidjan"); so is a name that is also a first name (`@given`) when a capitalised word
   follows it ("Jordan Kessler"), and so is a shared surname (`@self`) next to a given name
   that is not its person's ("Kim Hyun-woo", "Soo-yeon Kim");
3. entries that `require` other actors count only if one of them is mentioned in the article
   ("the North" needs one of the Koreas);
4. `@self` entries (an ambiguous surname such as "Kim") resolve to the person of that surname
   introduced most recently before them; before any introduction (a headline, a link), to
   the one person of that surname the article introduces later; else they are dropped;
5. `@present` entries (a name shared by several actors, such as a bare "Korea") resolve to
   the one candidate the article names unambiguously elsewhere; when it names several, to
   the one it names `PRESENT_MAJORITY` times as often as any other, and to nobody
   otherwise; never inside a longer name ("Korea Aerospace Industries", "Bank of Korea").
"""

from __future__ import annotations

import csv
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from functools import cache, cached_property
from pathlib import Path
from typing import NamedTuple

from analysis import config
from analysis.languages import language_data, spelled

ACTOR_KINDS = ("state", "organization", "person")
ENTRY_TYPES = (
    "name",
    "formal",
    "short",
    "capital",
    "seat",
    "demonym",
    "prefix",  # a combining form, only before a hyphen: "franco-algérien", "Sino-Japanese"
    "acronym",
    "person",
    "surname",
    "alias",
    "block",
)
BLOCK = "-"
SELF = "@self"
PRESENT = "@present"
#: a name shared by several actors the article names resolves to the one it names (itself or
#: its people) this many times as often as any other ("Korea" in a Seoul daily that
#: mentions the North in passing)
PRESENT_MAJORITY = 1.5
GIVEN = "@given"  # also a first name: not a mention when a capitalised word follows


class GazetteerError(ValueError):
    """A gazetteer data file is malformed; the message names the file and row."""


@dataclass(frozen=True)
class Actor:
    actor_id: str
    kind: str
    state_id: str
    name: str
    description: str = ""


@dataclass(frozen=True)
class Entry:
    """One surface form of one actor in one language."""

    actor_id: str
    surface: str
    type: str
    requires: tuple[str, ...] = ()  # actor ids, or (SELF,)
    given_name: bool = False  # "Jordan", "Chad": also a first name (GIVEN)

    # Read for every match of every article: worked out once per entry.
    @cached_property
    def is_block(self) -> bool:
        return self.actor_id == BLOCK

    @cached_property
    def needs_intro(self) -> bool:
        return self.requires == (SELF,)

    @cached_property
    def needs_presence(self) -> bool:
        return self.requires == (PRESENT,)

    @cached_property
    def case_sensitive(self) -> bool:
        return self.surface != self.surface.lower()


@dataclass(frozen=True)
class Gazetteer:
    actors: dict[str, Actor]
    entries: dict[str, tuple[Entry, ...]]  # language code (or "any") -> entries
    #: language code -> the CLDR's state names in a language without a names file
    fallback: dict[str, tuple[Entry, ...]] = field(default_factory=dict)

    def entries_for(self, language: str) -> tuple[Entry, ...]:
        """Surfaces used on text in `language`: its own list plus the language-free one.

        A language without a names file (or unknown text) gets the English list, whose
        proper names are the likeliest to appear untranslated, and the CLDR's names of the
        states in that language where it has them (`fallback`).
        """
        own = self.entries.get(language)
        if own is None:
            own = self.entries.get("en", ()) + self.fallback.get(language, ())
        return self.entries.get("any", ()) + own

    def languages(self) -> tuple[str, ...]:
        return tuple(sorted(k for k in self.entries if k != "any"))


def _rows(path) -> Iterable[tuple[int, dict[str, str]]]:
    with open(path, encoding="utf-8", newline="") as handle:
        for line_no, row in enumerate(csv.DictReader(handle), start=2):
            yield line_no, {k.strip(): (v or "").strip() for k, v in row.items() if k}


@cache
def load_gazetteer(folder: str | None = None) -> Gazetteer:
    """Read and validate the gazetteer; raises GazetteerError naming the bad file and row."""
    root = config.GAZETTEER_DIR if folder is None else config.Path(folder)
    actors: dict[str, Actor] = {}
    path = root / "actors.csv"
    for line, row in _rows(path):
        actor = Actor(
            row["actor_id"], row["kind"], row["state_id"], row["name"], row.get("description", "")
        )
        if actor.kind not in ACTOR_KINDS:
            raise GazetteerError(f"{path.name} line {line}: unknown kind {actor.kind!r}")
        if actor.actor_id in actors:
            raise GazetteerError(f"{path.name} line {line}: duplicate actor {actor.actor_id!r}")
        actors[actor.actor_id] = actor
    for actor in actors.values():
        if actor.state_id not in actors:
            raise GazetteerError(
                f"actors.csv: {actor.actor_id} counts toward unknown {actor.state_id!r}"
            )
    entries = {
        p.stem: _spelled(_entries(p, actors), language_data(p.stem).spelling_variants)
        for p in sorted((root / "names").glob("*.csv"))
    }
    for language in entries:
        entries[language] += _genitives(entries.get("any", ()), entries[language], language)
    # Languages without a names file: the CLDR's names (generated) and the forms news
    # writes where those are formal ones (kept by hand), once each.
    fallback: dict[str, tuple[Entry, ...]] = {}
    for folder in ("cldr", "common"):
        for path in sorted((root / "names" / folder).glob("*.csv")):
            if path.stem not in entries:
                found = fallback.get(path.stem, ()) + _entries(path, actors)
                fallback[path.stem] = tuple(dict.fromkeys(found))
    return Gazetteer(actors, entries, fallback)


@cache
def given_names(folder: str | None = None) -> frozenset[str]:
    """The first names of `given_names.txt` (casefolded), less any that is a surface of the
    gazetteer in some language ("Georgia", "Sofia"): a state's name or demonym right after
    one is a surname ("Ellen Jordan", "Marco Russo")."""
    root = config.GAZETTEER_DIR if folder is None else config.Path(folder)
    path = root / "given_names.txt"
    if not path.exists():
        return frozenset()
    names = {
        line.strip().casefold()
        for line in path.read_text(encoding="utf-8").splitlines()
        if line.strip() and not line.startswith("#")
    }
    # as it is loaded elsewhere: `load_gazetteer(None)` would be a second copy in the cache
    gazetteer = load_gazetteer() if folder is None else load_gazetteer(folder)
    # one surface at a time: a set of every language's surfaces would hold ~30 MB at once
    taken = {
        surface
        for entries in gazetteer.entries.values()
        for e in entries
        if (surface := e.surface.casefold()) in names
    }
    return frozenset(names - taken)


def _genitives(shared: tuple[Entry, ...], own: tuple[Entry, ...], language: str):
    """The genitive of every person's name and surname, in a language that writes one
    ("Wadephuls Reise" for "Wadephul"), where its own list has no such surface."""
    data = language_data(language)
    if not data.genitive_suffix:
        return ()
    known = {e.surface for e in shared + own}
    out = []
    for entry in shared + own:
        surface = entry.surface
        if entry.type not in ("person", "surname") or surface.endswith(data.genitive_bare_after):
            continue
        form = surface + data.genitive_suffix
        if form not in known:
            known.add(form)
            out.append(replace(entry, surface=form))
    return tuple(out)


def _spelled(entries: tuple[Entry, ...], variants) -> tuple[Entry, ...]:
    """The entries and their names' other spellings ("Grossbritannien" beside
    "Großbritannien" where the language writes "ss" for "ß" too)."""
    if not variants:
        return entries
    out = []
    for entry in entries:
        out += [replace(entry, surface=form) for form in spelled(entry.surface, variants)]
    return tuple(dict.fromkeys(out))


def _entries(names: Path, actors: dict[str, Actor]) -> tuple[Entry, ...]:
    """The rows of one names file, validated against the actors."""
    found = []
    label = names.name if names.parent.name == "names" else f"{names.parent.name}/{names.name}"
    for line, row in _rows(names):
        requires = tuple(r for r in row.get("requires", "").split(";") if r)
        given = GIVEN in requires
        requires = tuple(r for r in requires if r != GIVEN)
        entry = Entry(row["actor_id"], row["surface"], row["type"], requires, given)
        where = f"names/{label} line {line}"
        if entry.type not in ENTRY_TYPES:
            raise GazetteerError(f"{where}: unknown type {entry.type!r}")
        if entry.actor_id != BLOCK and entry.actor_id not in actors:  # (is_block, uncached)
            raise GazetteerError(f"{where}: unknown actor {entry.actor_id!r}")
        if not entry.surface:
            raise GazetteerError(f"{where}: empty surface")
        if any(r not in (SELF, PRESENT) and r not in actors for r in requires):
            raise GazetteerError(f"{where}: requires an unknown actor")
        found.append(entry)
    return tuple(found)


class Candidate(NamedTuple):
    """A phrase match before resolution: token and character span plus the entry. (A named
    tuple: an article makes about a hundred, and a frozen dataclass is slow to build.)"""

    start: int  # token index
    end: int
    start_char: int
    end_char: int
    entry: Entry
    language: str


def longest_first(candidates: Sequence[Candidate]) -> list[Candidate]:
    """Keep non-overlapping spans, longest first, then leftmost; ties on one span all stay
    (several actors may share a surname), and block entries win their span."""
    by_span: dict[tuple[int, int], list[Candidate]] = {}
    for c in candidates:
        by_span.setdefault((c.start, c.end), []).append(c)
    taken: set[int] = set()
    kept: list[Candidate] = []
    for (start, end), group in sorted(
        by_span.items(), key=lambda kv: (kv[0][0] - kv[0][1], kv[0][0])
    ):
        if any(i in taken for i in range(start, end)):
            continue
        taken.update(range(start, end))
        blocks = [c for c in group if c.entry.is_block]
        kept.extend(blocks[:1] or group)
    return sorted(kept, key=lambda c: (c.start, c.entry.actor_id))


@dataclass(frozen=True)
class Context:
    """What precedes a match: the previous word (lower-cased; punctuation skipped, never
    across a line) and whether the word before that is capitalised; and whether the match
    opens its line in capitals before a comma, as the place of a wire dateline does
    ("SEOUL, March 12 —"), or stands in a byline ("By Anirban Ghosh, New Delhi")."""

    word: str = ""
    after_name: bool = False
    dateline: bool = False
    #: whether the match, in capitals, is (one of) the place(s) that open a wire dateline
    #: with a date ("UNITED NATIONS/KYIV, March 14 (Reuters) -"): a place whatever it names
    wire_place: bool = False
    #: token index of the word before the previous word (-1: none on this line)
    before_word: int = -1
    #: that word, lower-cased ("officials" in "officials in Bamako")
    before: str = ""
    #: a capitalised word follows, in a line that is not in title case ("Minsk Group",
    #: "Jordan Kessler"), or a compound of place ("Dakar-based")
    in_name: bool = False
    #: a capitalised word follows on the same line, whatever the line's case ("Korea Watch")
    name_follows: bool = False
    #: a name link and a capitalised word follow on the same line ("la Comisión de Asuntos
    #: Exteriores"): the match starts a longer name
    linked_name_follows: bool = False
    #: a hyphenated given name comes right before ("Soo-yeon Kim")
    given_before: bool = False
    #: up to three more words before `before`, nearest first, lower-cased
    earlier: tuple[str, ...] = ()
    #: only spaces separate the match from the previous word ("visited Tokyo", not "In
    #: return, Moscow")
    adjacent: bool = False
    #: the previous word opens its clause: nothing but punctuation before it on its line
    #: since the last word ("A Tokyo la Borsa …", "Iran, a Mascate …")
    fronted: bool = False
    #: an impersonal subject follows within two words ("À Téhéran, on suit …", "In Berlin
    #: beobachtet man …")
    impersonal_after: bool = False
    #: the first words after the match, in its clause, lower-cased ("nach Peking reisen"),
    #: read in languages that put the travel verb last
    following: tuple[str, ...] = ()
    #: the word right after the match, in its clause, lower-cased ("the Vilnius summit"),
    #: read in languages with venue nouns
    next_word: str = ""
    #: the match as written, and the few characters after it on its line ("Moskova'da",
    #: "東京で")
    surface: str = ""
    after: str = ""
    #: the previous word's token when only a comma comes between and more names end the
    #: clause after the match (", Seúl y Tokio."), else -1
    comma_after: int = -1
    #: the state of an actor named right before `before` ("Russian" in "Russian officials
    #: in Abu Dhabi"), else ""
    qualifier_state: str = ""


#: The context of a match nothing was looked up for (one shared instance: it is immutable).
NO_CONTEXT = Context()


class Places(NamedTuple):
    """A language's words that make a capital a place (see the module's rule 2)."""

    locatives: frozenset[str] = frozenset()
    name_links: frozenset[str] = frozenset()
    conjunctions: frozenset[str] = frozenset()
    #: those who govern: "officials in Bamako" is the government, not the city
    governing: frozenset[str] = frozenset()
    #: "to", "nach", "a": a destination after a travel word ("accompanied Putin to Pyongyang")
    destinations: frozenset[str] = frozenset()
    travel: frozenset[str] = frozenset()
    #: "a" in Italian: a place where it opens a clause ("A Tokyo la Borsa …") or follows a
    #: name ("Joe Biden a Lima")
    fronted_locatives: frozenset[str] = frozenset()
    #: "city", "ciudad": linked to a capital they make it a place ("the city of Tripoli")
    place_nouns: frozenset[str] = frozenset()
    #: "da" in Italian: a route's start, so "da Pyongyang a Mosca" is no name's place
    route_from: frozenset[str] = frozenset()
    #: "summit", "talks": after the capital, they make it a venue ("the Vilnius summit")
    venue_nouns: frozenset[str] = frozenset()
    venue_determiners: frozenset[str] = frozenset()
    #: endings or particles that make a capital a place in a language without resources
    #: ("Moskova'da", "東京で", "서울에서")
    place_suffixes: tuple[str, ...] = ()
    #: verbs whose locative names who receives ("fournirait à Pyongyang"): the government
    recipients: frozenset[str] = frozenset()
    #: "ambasciata": right before a fronted locative, the capital is the post's place
    seat_nouns: frozenset[str] = frozenset()
    #: "quanto": right before a locative, the capital after it is the topic ("Quanto a
    #: Pyongyang, ha restituito …"), no place
    topic_words: frozenset[str] = frozenset()


#: The place words of a language that has none listed.
NO_PLACES = Places()


#: A possessive after a match and the word it leads to
POSSESSIVE_AFTER_RE = re.compile(r"['’]s\s+([^\W\d_]+)")


def _owner(context: Context, places: Places) -> bool:
    """Whether a capital after a locative owns what follows it, which is no place ("in
    Tokyo's calculations", "in Moscow's war"): a possessive and a word in small letters that
    is not a place noun (but "in Tokyo's Ginza district", "in Moscow's outskirts")."""
    m = POSSESSIVE_AFTER_RE.match(context.after)
    return bool(m and m.group(1).islower() and m.group(1) not in places.place_nouns)


def is_place(candidate: Candidate, context: Context, places: Places) -> bool:
    """A capital used as a location: "in Tokyo", "Canon Institute … di Tokyo", "SEOUL, …",
    "the Minsk Group", "the city of Tripoli", a destination ("visited Tokyo", "a trip to
    Moscow", "nach Peking reisen"), a venue ("the Vilnius summit"), a place by its ending
    or particle ("Moskova'da", "東京で")."""
    if candidate.entry.type != "capital":
        return False
    if context.before in places.topic_words and not (context.dateline or context.in_name):
        return False  # "Quanto a Pyongyang": the topic, not a place
    return (
        context.dateline
        or context.in_name
        or (
            context.word in places.locatives
            and (
                context.before not in places.governing
                # another state's officials there: "Russian officials in Abu Dhabi"
                or context.qualifier_state not in ("", candidate.entry.actor_id)
            )
            and not (context.fronted and context.impersonal_after)  # "À Téhéran, on suit …"
            and not _owner(context, places)  # "a factor in Tokyo's calculations"
            and context.before not in places.recipients  # "Moscou fournirait à Pyongyang"
        )
        or (  # "Universidad de Tokio", but not "el Gobierno de Tokio"
            context.word in places.name_links
            and context.after_name
            and context.before not in places.governing
        )
        or (context.word in places.name_links and context.before in places.place_nouns)
        or (
            context.word in places.fronted_locatives
            and (
                (context.fronted and not context.impersonal_after)
                or (context.after_name and not set(context.earlier[:1]) & places.route_from)
                # "l'ambasciata a Pechino", "l'ambasciatore italiano a Mosca"
                or bool({context.before, *context.earlier[:1]} & places.seat_nouns)
            )
        )
        or (context.word in places.travel and context.adjacent)  # "visited Tokyo"
        or any(
            context.surface.endswith(s) or context.after.startswith(s)
            for s in places.place_suffixes
        )
        or (  # "the Vilnius summit", but not "the Washington–Tehran talks"
            context.word in places.venue_determiners
            and context.adjacent
            and context.next_word in places.venue_nouns
        )
        or (  # "a visit to Moscow", "accompanied Putin to Pyongyang", "nach Peking reisen"
            context.word in places.destinations
            and any(
                w in places.travel for w in (context.before, *context.earlier, *context.following)
            )
        )
    )


def resolve(
    candidates: Sequence[Candidate],
    actors: dict[str, Actor],
    contexts: dict[int, Context],
    places: dict[str, Places | tuple[frozenset[str], ...]],
    *,
    nested: bool = True,
) -> list[tuple[Candidate, Actor]]:
    """Apply the module's rules to one article's candidates; returns (match, actor) pairs.

    `contexts[token_index]` describes what precedes that token; `places[language]` holds the
    language's locative prepositions and name links. `nested=False` says the caller already
    removed spans nested in longer ones.
    """
    ranked = longest_first(candidates) if nested else candidates
    # A block wins its span: every entry matched on exactly that span goes with it.
    blocked = {(c.start, c.end) for c in ranked if c.entry.is_block}
    kept = [c for c in ranked if (c.start, c.end) not in blocked]
    located: set[int] = set()  # last token of each capital dropped as a place
    fronted: set[int] = set()  # those of them after a locative opening the clause ("In X,")
    words_of = {language: Places(*words) for language, words in places.items()}
    dropped: set[int] = set()
    # where a state's name or the like starts: a capitalised word that starts one is no part
    # of a longer name ("die Bundesregierung Polen … unterstützen", where nouns are capitalised)
    starts = {c.start for c in kept if not c.entry.is_block}
    for i, c in enumerate(kept):  # in text order
        context = contexts.get(c.start, NO_CONTEXT)
        if (c.entry.given_name or c.entry.needs_intro) and context.in_name:
            dropped.add(i)  # "Jordan Kessler", "Kim Hyun-woo"
        if c.entry.needs_intro and context.given_before:
            dropped.add(i)  # "Soo-yeon Kim"
        if c.entry.requires and not c.entry.needs_intro and context.linked_name_follows:
            dropped.add(i)  # "la Comisión de Asuntos Exteriores del Congreso"
        if c.entry.needs_presence and (
            (context.name_follows and c.end not in starts)
            or (
                context.word in words_of.get(c.language, NO_PLACES).name_links
                and context.after_name
            )
        ):
            dropped.add(i)  # "Korea Aerospace Industries", "the Bank of Korea"
        if context.wire_place and c.entry.type != "capital":
            dropped.add(i)  # "UNITED NATIONS, March 14 (Reuters) -": where it was written
        if c.entry.type != "capital":
            continue
        words = words_of.get(c.language, NO_PLACES)
        if (
            is_place(c, context, words)
            or (context.before_word in located and context.word in words.conjunctions)
            # a list of places after a locative that does not open the clause ("offices in
            # Beijing, Seoul and Tokyo"; not "In Beijing, Seoul and Tokyo are rivals")
            or context.comma_after in located - fronted
        ):
            located.add(c.end - 1)
            if context.fronted:
                fronted.add(c.end - 1)
            dropped.add(i)
    # a first name is no demonym either ("Libia Castañeda": not the feminine "libia")
    first_names = {
        (c.start, c.end) for i, c in enumerate(kept) if i in dropped and c.entry.given_name
    }
    kept = [
        c for i, c in enumerate(kept) if i not in dropped and (c.start, c.end) not in first_names
    ]
    plain = [c for c in kept if not c.entry.requires]
    # How often each actor is named unambiguously, counting its people for it.
    named: dict[str, int] = {}
    for c in plain:
        for key in {c.entry.actor_id, actors[c.entry.actor_id].state_id}:
            named[key] = named.get(key, 0) + 1
    present = named.keys()
    # Introductions of each person: char offsets of their unconditional mentions.
    intro: dict[str, list[int]] = {}
    for c in plain:
        intro.setdefault(c.entry.actor_id, []).append(c.start_char)

    out: list[tuple[Candidate, Actor]] = []
    by_span: dict[tuple[int, int], list[Candidate]] = {}
    for c in kept:
        by_span.setdefault((c.start, c.end), []).append(c)
    for group in by_span.values():
        unconditional = [c for c in group if not c.entry.requires]
        if unconditional:
            out.append((unconditional[0], actors[unconditional[0].entry.actor_id]))
            continue
        present_ones = [
            c
            for c in group
            if c.entry.needs_presence
            and (c.entry.actor_id in present or actors[c.entry.actor_id].state_id in present)
        ]
        if len({c.entry.actor_id for c in present_ones}) == 1:
            out.append((present_ones[0], actors[present_ones[0].entry.actor_id]))
            continue
        if present_ones:  # both named: the one the article names far more often
            ranked = sorted(present_ones, key=lambda c: -named.get(c.entry.actor_id, 0))
            top, runner_up = (named.get(c.entry.actor_id, 0) for c in ranked[:2])
            if top >= PRESENT_MAJORITY * runner_up:
                out.append((ranked[0], actors[ranked[0].entry.actor_id]))
                continue
        best: tuple[int, Candidate] | None = None
        later: set[str] = set()
        for c in group:
            if c.entry.needs_presence:
                continue
            if c.entry.needs_intro:
                earlier = [s for s in intro.get(c.entry.actor_id, ()) if s < c.start_char]
                if earlier and (best is None or max(earlier) > best[0]):
                    best = (max(earlier), c)
                elif not earlier and c.entry.actor_id in intro:
                    later.add(c.entry.actor_id)
            elif any(r in present for r in c.entry.requires) and best is None:
                best = (-1, c)
        if best is None and later:
            # named before the article introduces them, as a headline or a link does
            # ("Putin and Kim pledge …" above "Kim Jong Un"): the person introduced first
            # after it (the story's, not "his grandfather Kim Il Sung" further down)
            first = min(later, key=lambda a: min(intro[a]))
            best = (-1, next(c for c in group if c.entry.actor_id == first))
        if best is not None:
            out.append((best[1], actors[best[1].entry.actor_id]))
    return sorted(out, key=lambda pair: pair[0].start_char)
