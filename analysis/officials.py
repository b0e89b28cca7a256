"""People an article introduces by their office, where the gazetteer does not know them.

News names far more officials than any list holds: "Russian Deputy Foreign Minister Andrei
Rudenko", "Japan's ambassador to the UN, Kazuyuki Yamazaki,", "il viceministro degli Esteri
russo Andrei Rudenko", "el embajador de Rusia en Tokio, Nikolái Nozdriov", "Nikolai Nozdrev,
the Russian ambassador to Japan,". A name joined to an office (`[offices]` in the language's
file) that a state or organisation the article names holds is that actor's official, as the
guideline counts named officials; so is the same person's surname alone later in the article
("Rudenko added", "ha aggiunto Rudenko").

The state holding the office is the first state or organisation in the words before its title
("Russian UN ambassador", "Japan's chief cabinet secretary"), or else one linked to the
title after it ("the Foreign Minister of Japan", "l'ambasciatore russo", "el embajador de
Rusia"); a place the post is in or accredited to is not ("Japan's ambassador to Russia").
Between them stand only the office's own words, so "Tokyo summoned ambassador X" and
"Russian Railways president X" name no official. Not officials either: a former holder
("former ambassador", "l'ex ministro"), and anyone whose title is no office ("a Russian
analyst", "un pescatore giapponese").
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from functools import cache, lru_cache
from typing import NamedTuple

from analysis import config
from analysis.actors import Actor
from analysis.languages import LanguageData, Offices, language_data

#: the most words a name has ("Kim Son Gyong", "María Elena Gutiérrez Ruiz")
NAME_WORDS = 4
#: the most words a post's place takes after its preposition ("to the United Nations")
POST_WORDS = 4
#: how far around a title its office, its holder and its person are read, in characters
WINDOW = 160
#: a word, with the apostrophe of an elided article or preposition ("all'Onu": "all'")
WORD_RE = re.compile(r"[^\W\d_]+(?:[-'’.][^\W\d_]+)*['’]?")
TOKEN_RE = re.compile(rf"({WORD_RE.pattern})|\S")
#: an elided article or preposition glued to a word ("l'ambasciatore", "dell'Onu")
ELIDED_RE = re.compile(r"^(?:[^\W\d_]{1,4}['’])")
POSSESSIVE_RE = re.compile(r"['’]s?(?!\w)")
#: what may stand right before a later reference: an honorific with its dot ("Mr. Rudenko",
#: "Gen. Gerasimov"), read from the language's abbreviations
WORD_BEFORE_RE = re.compile(r"([^\W\d_][\w'’-]*)(\.?)[ \t]*$")
WORD_AFTER_RE = re.compile(r"[ \t]+([^\W\d_][\w'’-]*)")


class Token(NamedTuple):
    start: int
    end: int
    text: str
    kind: str  # "word", "owner" (a mention), "place" (a capital that is no mention), "punct"
    actor: Actor | None = None


def offices(lang: str) -> Offices | None:
    """The language's `[offices]`, or None where its file has none."""
    return language_data(lang).offices


@cache
def family_first() -> frozenset[str]:
    """States whose people are named family name first ("Lin Jian", "Kim Son Gyong")."""
    path = config.GAZETTEER_DIR / "family_name_first.txt"
    if not path.exists():
        return frozenset()
    lines = path.read_text(encoding="utf-8").splitlines()
    return frozenset(s.split("#")[0].strip() for s in lines if s.split("#")[0].strip())


@cache
def _title_re(lang: str) -> re.Pattern | None:
    """Any of the language's titles, as a word or (compounds) a word's end."""
    found = offices(lang)
    if found is None or not found.titles:
        return None
    alternatives = "|".join(sorted(map(re.escape, found.titles), key=len, reverse=True))
    head = r"(?<![\w])" if not found.compounds else ""
    return re.compile(rf"{head}(?:{alternatives})(?![\w])", re.IGNORECASE)


@lru_cache(maxsize=4096)
def _parts(word: str) -> tuple[str, ...]:
    """A word's forms for the lists, without an elided article: whole, then each part
    between hyphens ("porte-parole", "vice-ministre": "vice", "ministre")."""
    word = ELIDED_RE.sub("", word.casefold()) or word.casefold().rstrip("'’")
    if word.endswith(("'s", "’s")):
        word = word[:-2]
    parts = tuple(p for p in re.split(r"[-‐]", word) if p)
    return parts if len(parts) < 2 else (word, *parts)


class Line:
    """One line's words and mentions, read against the language's words of office."""

    def __init__(
        self,
        tokens: list[Token],
        found: Offices,
        data: LanguageData,
        cut: tuple[bool, bool] = (False, False),
    ):
        self.tokens = tokens
        self.found = found
        self.data = data
        self.vocabulary = found.words | found.titles
        #: whether the words read start after the line's start, and end before its end
        self.cut, self.cut_end = cut

    def is_title(self, i: int) -> bool:
        """A word that heads an office ("minister", "L'ambasciatore", "Vizeaußenminister")."""
        t = self.tokens[i]
        if t.kind != "word":
            return False
        parts = _parts(t.text)
        titles = self.found.titles
        if any(p in titles for p in parts):
            return True
        return self.found.compounds and any(
            p.endswith(title) for p in parts[-1:] for title in titles if len(title) >= 4
        )

    def is_office_word(self, i: int) -> bool:
        """A title, or another word of an office's name ("Deputy", "Foreign", "Esteri")."""
        t = self.tokens[i]
        if t.kind != "word":
            return False
        parts = _parts(t.text)
        vocabulary = self.vocabulary
        return self.is_title(i) or parts[0] in vocabulary or all(p in vocabulary for p in parts)

    def lower(self, i: int) -> str:
        """A word as the lists hold it (its last part), "" for anything else."""
        return _parts(self.tokens[i].text)[-1] if self.tokens[i].kind == "word" else ""

    def is_link(self, i: int) -> bool:
        """An article or a link inside an office's name ("the", "degli", "all'")."""
        t = self.tokens[i]
        return t.kind == "word" and (
            t.text.casefold() in self.found.links or ELIDED_RE.match(t.text.casefold()) is not None
        )

    def is_small_word(self, i: int) -> bool:
        """A function word, link or post: what a place's name follows, not a person's ("and"
        may join either)."""
        t = self.tokens[i]
        if t.kind != "word":
            return False
        folded = t.text.casefold()
        return folded not in self.data.conjunctions and (
            folded in self.data.function_words
            or folded in self.found.links
            or folded in self.found.posts
            or folded in self.data.locatives
        )

    def is_name_word(self, i: int) -> bool:
        """A capitalised word that may be part of a person's name."""
        t = self.tokens[i]
        if t.kind != "word" or not t.text[0].isupper() or t.text.isupper() and len(t.text) > 1:
            return False
        folded = t.text.casefold()
        data = self.data
        return not (
            self.is_office_word(i)
            or folded in data.function_words
            or folded in self.found.links
            or folded in self.found.posts
            or folded in self.found.former
            or folded in data.months
            or folded in data.clock_followers
            or t.text in data.abbreviations
        )

    def name_run(self, i: int) -> int:
        """The end of the run of name words starting at i (i itself where none starts)."""
        j = i
        while j < len(self.tokens) and self.is_name_word(j):
            j += 1
        return j

    def owner_before(self, head: int) -> tuple[Actor | None, int]:
        """The office's holder among the words before its title run ("Russian Deputy Foreign
        Minister", "Japan's UN ambassador"): the first mention of a run of mentions and office
        words right before it; and where that run starts."""
        i = head
        while i > 0 and (self.tokens[i - 1].kind == "owner" or self.is_office_word(i - 1)):
            i -= 1
        owners = [t.actor for t in self.tokens[i:head] if t.kind == "owner"]
        return (owners[0] if owners else None), i

    def office_after(self, head: int) -> tuple[Actor | None, int]:
        """After the title: its other words, links and a holder linked to it or agreeing with
        it ("degli Esteri russo", "de Rusia", "of Japan"); returns the holder (or None) and
        the index after the office."""
        i, owner = head + 1, None
        tokens = self.tokens
        while i < len(tokens):
            t = tokens[i]
            if t.kind == "owner" and owner is None:
                linked = i > head + 1 and self.is_link(i - 1)
                if not (linked or t.text.islower()):  # "de Rusia", "russo", "russe"
                    break
                owner = t.actor
            elif not (self.is_office_word(i) or self.is_link(i)):
                break
            i += 1
        while i > head + 1 and self.is_link(i - 1):  # "the" of "to the UN" belongs to the post
            i -= 1
        return owner, i

    def post_after(self, i: int) -> int:
        """Past a post's place after an office ("to Japan", "a Tokyo", "ante la ONU"): one
        mention, or a run of name words where a comma follows (the person comes after it)."""
        tokens = self.tokens
        if i >= len(tokens) or tokens[i].kind != "word" or self.lower(i) not in self.found.posts:
            return i
        j = i + 1
        while j < len(tokens) and j - i <= POST_WORDS and self.is_link(j):
            j += 1
        if j < len(tokens) and tokens[j].kind == "owner":
            return j + 1
        end = self.name_run(j)
        if end > j and end < len(tokens) and tokens[end].text == ",":
            return end
        return i  # no post's place: "in" may be where the person spoke

    def former_before(self, start: int, head: int) -> bool:
        """A former holder: "former Russian ambassador", "l'ex ministro", "ex-ambassador"."""
        return any(
            self.tokens[k].kind == "word"
            and any(p in self.found.former for p in _parts(self.tokens[k].text))
            for k in range(max(0, start - 2), head + 1)
        )


@dataclass(frozen=True)
class Official:
    start: int  # the name's span where the article introduces the person
    end: int
    name: str
    actor: Actor


def _tokens(
    text: str,
    start: int,
    end: int,
    owners: Sequence[tuple[int, int, Actor]],
    places: Sequence[tuple[int, int, Actor]] = (),
) -> list[Token]:
    """The words, punctuation and mentions of text[start:end] (a mention is one token; a
    possessive ending after it goes with it); `places`, no mentions, are one token each too."""
    out: list[Token] = []
    pos = start
    spans = sorted(
        [(s, e, actor, "owner") for s, e, actor in owners]
        + [(s, e, actor, "place") for s, e, actor in places]
    )
    for s, e, actor, kind in spans:
        if e <= start or s >= end or s < pos:
            continue
        out.extend(_plain(text, pos, s))
        possessive = POSSESSIVE_RE.match(text, e)
        stop = possessive.end() if possessive and kind == "owner" else e
        out.append(Token(s, e, text[s:e], kind, actor))
        pos = max(stop, e)
    out.extend(_plain(text, pos, end))
    return out


def _plain(text: str, start: int, end: int) -> list[Token]:
    """Words, and every other character but spaces alone."""
    return [
        Token(m.start(), m.end(), m.group(), "word" if m.lastindex else "punct")
        for m in TOKEN_RE.finditer(text, start, end)
    ]


def _opens_sentence(line: Line, i: int) -> bool:
    if i == 0:
        return not line.cut
    return line.tokens[i - 1].text in '.!?:;"“”«»—–-'


def title_words(lang: str) -> frozenset[str]:
    """The words that may be (part of) a title, for a caller that finds them in its own
    tokens: the titles, and the parts of hyphenated ones ("porta-voz" read as three tokens).
    Empty where titles end compounds (German "Vizeaußenminister"): `introduced` searches the
    text itself there."""
    found = offices(lang)
    if found is None or found.compounds:
        return frozenset()
    parts = {p for title in found.titles for p in re.split(r"[-‐]", title) if p}
    return found.titles | parts


def introduced(
    text: str,
    lang: str,
    owners: Sequence[tuple[int, int, Actor]],
    skip_line: Callable[[int], bool] = lambda _: False,
    places: Sequence[tuple[int, int, Actor]] = (),
    titles_at: Sequence[int] | None = None,
) -> list[Official]:
    """The officials the article introduces by their office, in text order.

    `owners` are the article's mentions of states, organisations and known people (char
    start, end, actor), in text order; `skip_line(line_start)` says a line is not to be read
    (a headline in title case, whose every word is capitalised). `places` are capitals that
    open their sentence after a locative, no mentions (char start, end, actor): an office
    whose holder goes unsaid right after one is that state's ("In Seoul, First Vice Foreign
    Minister Park Yoon-joo said"). `titles_at` are where the words of `title_words` start,
    if the caller found them; else the text is searched.

    Only the words around a title are read (`WINDOW`), and only where a holder may be among
    them.
    """
    found = offices(lang)
    if found is None or not (owners or places):
        return []
    found_by_caller = titles_at is not None
    if titles_at is None:
        pattern = _title_re(lang)
        titles_at = [m.start() for m in pattern.finditer(text)] if pattern else []
    if not titles_at:
        return []
    data = language_data(lang)
    holders = sorted([s for s, _, _ in owners] + [s for s, _, _ in places])
    windows: list[list[int]] = []  # [line start, line end, start, end], merged where they meet
    for at in titles_at:
        line_start = text.rfind("\n", 0, at) + 1
        line_end = text.find("\n", at)
        line_end = len(text) if line_end < 0 else line_end
        start, end = max(line_start, at - WINDOW), min(line_end, at + WINDOW)
        k = bisect_left(holders, start)
        if k == len(holders) or holders[k] >= end:
            continue  # no one near to hold the office
        if windows and windows[-1][0] == line_start and start <= windows[-1][3]:
            windows[-1][3] = max(windows[-1][3], end)
        else:
            windows.append([line_start, line_end, start, end])
    out: list[Official] = []
    for line_start, line_end, start, end in windows:
        if skip_line(line_start):
            continue
        if start > line_start:  # from a word's start
            start = text.find(" ", start, end) + 1 or start
        if end < line_end:  # to a word's end
            end = max(start, text.rfind(" ", start, end))
        tokens = _tokens(text, start, end, owners, places)
        line = Line(tokens, found, data, cut=(start > line_start, end < line_end))
        # the words holding a title ("L'ambasciatore" holds the tokenizer's "ambasciatore")
        heads = [
            i
            for i, t in enumerate(tokens)
            if (k := bisect_left(titles_at, t.start)) < len(titles_at) and titles_at[k] < t.end
        ]
        out.extend(_officials_in(line, heads if found_by_caller else range(len(tokens))))
    return sorted(out, key=lambda o: o.start)


def _officials_in(line: Line, heads: Iterable[int]) -> list[Official]:
    """The officials `line` introduces, reading the titles among `heads` (token indices)."""
    tokens = line.tokens
    out = []
    for head in heads:
        if not line.is_title(head):
            continue
        # one office, read from its first title: "Chief Cabinet Secretary", "Secretary General"
        k = head - 1
        while k >= 0 and line.is_office_word(k) and not line.is_title(k):
            k -= 1
        if k >= 0 and line.is_title(k):
            continue
        last = head
        while last + 1 < len(tokens) and line.is_office_word(last + 1):
            last += 1
        owner, run_start = line.owner_before(head)
        after_owner, end = line.office_after(last)
        owner = owner or after_owner
        hosted = owner is None  # the holder unsaid: the sentence's opening place's?
        if hosted:
            k = run_start
            while k > 0 and line.is_link(k - 1):
                k -= 1
            if k >= 2 and tokens[k - 1].text == "," and tokens[k - 2].kind == "place":
                owner = tokens[k - 2].actor  # "In Seoul, First Vice Foreign Minister …"

        if owner is None or line.former_before(run_start, last):
            continue
        # title, then the person: "… Minister Andrei Rudenko", "… to the UN, Kazuyuki Yamazaki"
        i = line.post_after(end)
        comma = i < len(tokens) and tokens[i].text == ","
        i += comma
        stop = line.name_run(i)
        # after a comma, a name of one word may be anyone's ("the Russian ambassador, Reuters
        # reported"), and so it may be after an office no one holds in the text ("General
        # Motors"): two at least
        if i + (comma or hosted) < stop <= i + NAME_WORDS:
            if not (stop == len(tokens) and line.cut_end):  # a name cut off: more may follow
                out.append(_official(line, i, stop, owner))
            continue
        # the person, then the title: "Andrei Rudenko, Russia's deputy foreign minister,"
        k = run_start
        while k > 0 and line.is_link(k - 1):
            k -= 1
        if k >= 2 and tokens[k - 1].text == ",":
            stop = k - 1
            begin = stop
            while begin > 0 and line.is_name_word(begin - 1):
                begin -= 1
            if not (0 < stop - begin <= NAME_WORDS) or (begin == 0 and line.cut):
                continue
            if stop - begin < 2 and _opens_sentence(line, begin):
                continue  # "Meanwhile, the Russian ambassador …"
            if begin > 0 and line.is_small_word(begin - 1):
                continue  # a place: "En Puerto Príncipe, el primer ministro …"
            if hosted and stop - begin < 2:
                continue
            close = line.post_after(end)
            # the office ends its clause, or a verb follows it: "…, said", not a name
            ends = (
                not line.cut_end
                if close >= len(tokens)
                else tokens[close].kind == "punct" or not tokens[close].text[0].isupper()
            )
            if ends:
                out.append(_official(line, begin, stop, owner))
    return out


def _official(line: Line, i: int, stop: int, owner: Actor) -> Official:
    start, end = line.tokens[i].start, line.tokens[stop - 1].end
    name = " ".join(t.text for t in line.tokens[i:stop])
    state = owner.state_id
    return Official(start, end, name, Actor(f"PERSON:{name}", "person", state, name, "official"))


def references(text: str, lang: str, people: Sequence[Official]) -> list[tuple[int, int, Official]]:
    """Where the article names the people it introduced again: their whole name, or alone
    the name they go by (the last word; the first for states that put the family name first),
    not inside a longer name ("Maria Rudenko", "Rudenko Street"); a shared one goes to the
    person named most recently before it (or, before any, the first named after it)."""
    if not people:
        return []
    data = language_data(lang)
    found = offices(lang)
    titles = found.titles | found.words if found else frozenset()
    order = family_first()
    forms: dict[str, list[Official]] = {}
    for person in people:
        words = person.name.split()
        called = {person.name}
        if len(words) > 1:
            if person.actor.state_id in order and "-" not in words[0]:
                called.add(words[0])
            else:
                called.add(words[-1])
        for form in called:
            forms.setdefault(form, []).append(person)
    lower_words = {w for w in WORD_RE.findall(text) if w.islower()}
    out = []
    pattern = re.compile(
        r"(?<![\w'’-])(?:"
        + "|".join(sorted(map(re.escape, forms), key=len, reverse=True))
        + r")(?![\w-])"
    )
    for m in pattern.finditer(text):
        form = m.group()
        if form.casefold() in lower_words:
            continue  # also a plain word of the article
        line_start = text.rfind("\n", 0, m.start()) + 1
        before = WORD_BEFORE_RE.search(text, line_start, m.start())
        if before and before.group(1)[0].isupper():
            word = before.group(1)
            if not (
                word in data.abbreviations
                or word.casefold() in data.function_words
                or word.casefold() in titles
                or before.group(2)
            ):
                continue
        after = WORD_AFTER_RE.match(text, m.end())
        if after and after.group(1)[0].isupper() and after.group(1).casefold() not in titles:
            continue
        candidates = forms[form]
        earlier = [p for p in candidates if p.start <= m.start()]
        person = (
            max(earlier, key=lambda p: p.start)
            if earlier
            else min(candidates, key=lambda p: p.start)
        )
        out.append((m.start(), m.end(), person))
    return out
