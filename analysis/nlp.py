"""spaCy pipelines: one per language, built on `spacy.blank(lang)`, no trained model needed.

Each pipeline tokenises, then two components of this module run:
- `briefing_segmenter`: paragraphs are non-empty lines; sentences never cross them; a line
  without sentence-final punctuation (headline, dateline, byline, caption) is one sentence;
  inside a paragraph the rule is the orthographic one (., ? or ! then space then an uppercase
  letter, opening quote or bracket), with each language's abbreviations and initials as
  exceptions, and a one-word leftover ("… he added. Yoshioka.") kept with its sentence.
- `briefing_actors`: gazetteer phrase matches (spaCy PhraseMatcher), per paragraph language,
  resolved by `analysis.actors.resolve` into `doc._.mentions` (plain tuples; `doc._.actors`
  gives them as spaCy spans).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from functools import cache, lru_cache
from os.path import commonprefix

import numpy as np
import spacy
from spacy.attrs import (
    IDX,
    IS_ALPHA,
    IS_TITLE,
    IS_UPPER,
    LENGTH,
    LOWER,
    SENT_START,
)
from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.strings import hash_string
from spacy.tokenizer import Tokenizer
from spacy.tokens import Doc, Span

from analysis import config
from analysis.actors import (
    Actor,
    Candidate,
    Context,
    Entry,
    Places,
    given_names,
    load_gazetteer,
    resolve,
)
from analysis.languages import (
    LETTERS_RE,
    language_data,
    paragraph_language,
    profiles,
    with_english,
)
from analysis.metadata import (
    MAX_TITLE_WORDS,
    WIRE_DATELINE_RE,
    YEARLESS_DATELINE_RE,
    classify_line,
    is_byline,
    is_dated_writer_line,
    is_headline_like,
    is_writer_place_line,
)
from analysis.officials import introduced, references, title_words

UNKNOWN = config.UNKNOWN_LANGUAGE
#: How much of a capital's line after it is read for a place's particle ("東京に到着") or
#: the word its possessive leads to ("in Tokyo's calculations")
PLACE_SUFFIX_CHARS = 24

BOUNDARY_RE = re.compile(r"[.?!…]+[”’\"»)\]“‘]*(?=\s)")  # “ ‘ close a German quote
#: A newline between two characters that are no space or newline (the look-behind after the
#: newline, so that the search skips from newline to newline)
LONE_NEWLINE_RE = re.compile(r"\n(?<![ \n]\n)(?![ \n])")
NEWLINE_RE = re.compile("\n")
OPENERS = "“„‚\"‘'«(["  # „ ‚: German opening quotes
WORD_RE = re.compile(r"[^\W\d_]")
#: A news agency's tag before a wire dateline's place: "(ANSA) - ROMA, 12 FEB -"
AGENCY_RE = re.compile(r"\s*\([^()\n]{1,30}\)\s*[-–—]?\s*")
#: Places joined by slashes before another at a line's start ("Seoul/" in "Seoul/Moskau").
JOINT_PLACES_RE = re.compile(r"(?:[^\W\d_][\w'’.-]*/)+")
#: The same in capitals, a place of more than one word allowed ("UNITED NATIONS/" before "KYIV")
CAPS_PLACES_RE = re.compile(r"(?:[A-ZÀ-Ý][A-ZÀ-Ý'’.-]*(?:[ \t][A-ZÀ-Ý][A-ZÀ-Ý'’.-]*)*/)+")
#: A wire dateline's hyphen between spaces after its place: "MOSCOW - The Kremlin said …"
DATELINE_HYPHEN = "- "
#: What follows the place of an agency's dateline without a date: maybe more places, the
#: agency, a dash ("Brüssel (AFP) - …", "Seoul/Moskau (dpa) - …").
AGENCY_DATELINE_RE = re.compile(r"(?:/[^\W\d_][\w'’.-]*)*\s*\([^()\n]{1,30}\)\s*[-–—]\s")
#: A writer's name and a comma before a capital that ends its line: "Lukas Wyss, Peking",
#: where the correspondent writes from
_WRITER_NAME = r"(?:[A-ZÀ-Ý][\w'’.-]+[ \t]+){1,3}[A-ZÀ-Ý][\w'’-]+"
WRITER_PLACE_RE = re.compile(rf"{_WRITER_NAME},[ \t]*")


@cache
def _writer_place_re(lang: str) -> re.Pattern:
    """WRITER_PLACE_RE, or the name and a correspondent's title ("ÁLVARO SANZ MEDINA
    Corresponsal Washington")."""
    titles = with_english(lang, "correspondent_words")
    if not titles:
        return WRITER_PLACE_RE
    return re.compile(rf"{_WRITER_NAME}(?:,[ \t]*|[ \t]+(?i:{titles})[ \t]+)")


@cache
def _correspondent_after_re(lang: str) -> re.Pattern | None:
    """A correspondent's title alone after a place on its line ("Bruselas. Corresponsal")."""
    titles = with_english(lang, "correspondent_words")
    return re.compile(rf"[.,:]?[ \t]*(?i:{titles})[.:]?[ \t]*") if titles else None


#: A hyphenated word after a name ("Dakar-based"); the language's place_compounds say which
COMPOUND_RE = re.compile(r"[-‐]([^\W\d_]+)")
#: The first half of a hyphenated compound, right before its second ("franco-" in
#: "franco-japonaise")
COMPOUND_FIRST_RE = re.compile(r"(?<![\w-])[^\W\d_]+[-‐‑]$")
#: What follows a combining form (the gazetteer's `prefix` type): a hyphen and a word
#: ("franco-algérienne", "Sino-Japanese")
COMBINED_RE = re.compile(r"[-‐‑][^\W\d_]")
#: What follows a first name that opens its line when the line is only a person's name: a
#: capitalised surname, then maybe bracketed notes ("Jordan Hale (Tamar Valley) (Lab)", a
#: speaker's label; "Jordan Pierce", a quoted account's name)
PERSON_LINE_REST_RE = re.compile(r"[ \t]+[A-Z][\w'’-]+(?:[ \t]*\([^()\n]{1,40}\))*[ \t]*")
#: A given name written before a surname the way Korean names are romanised ("Soo-yeon Kim")
HYPHENATED_GIVEN_RE = re.compile(r"(?:^|\s)[A-Z][a-z]+-[a-z]+\s+$")
#: Words of four letters or more, to tell a title-case line ("Moscow Warns Kyiv Over Strikes")
LONG_WORD_RE = re.compile(r"[^\W\d_]{4,}")
#: The most long words a headline has
TITLE_WORDS = 20
#: A sentence's end inside a line, before the next one: no headline has one
SENTENCE_BREAK_RE = re.compile(r"[a-z][.!?][ \t]+[A-Z]")


def _title_case_line(text: str, line_start: int) -> bool:
    """Whether the line starting at `line_start` is a headline in title case: most of its
    long words capitalised, and not so many that it is a paragraph full of names; no line
    that ends with a full stop (a German sentence capitalises its nouns)."""
    end = text.find("\n", line_start)
    end = end if end >= 0 else len(text)
    words = LONG_WORD_RE.findall(text, line_start, end)
    return (
        0 < len(words) <= TITLE_WORDS
        and not text[line_start:end].rstrip().endswith(".")
        and sum(w[0].isupper() for w in words) >= 0.75 * len(words)
        and not SENTENCE_BREAK_RE.search(text, line_start, end)
    )


for _name in ("paragraphs", "sentences", "text", "mentions", "token_array"):
    if not Doc.has_extension(_name):
        Doc.set_extension(_name, default=None)

#: The token attributes the components read, as the columns of `token_array`
TOKEN_ATTRS = (IDX, LENGTH, LOWER, IS_ALPHA, IS_TITLE, IS_UPPER)
COL_IDX, COL_LENGTH, COL_LOWER, COL_ALPHA, COL_TITLE, COL_UPPER = range(len(TOKEN_ATTRS))


def token_array(doc: Doc) -> np.ndarray:
    """`doc.to_array(TOKEN_ATTRS)`, made once per doc and kept in doc._.token_array: the
    segmenter, the actor matcher and the word count all read it (spaCy's `to_array` costs
    ~20 µs per attribute of an article, most of it whatever the number of attributes)."""
    if doc._.token_array is None:
        doc._.token_array = doc.to_array(list(TOKEN_ATTRS))
    return doc._.token_array


def _actor_spans(doc: Doc) -> list[Span]:
    """The mentions as spaCy spans (label = actor_id, id_ = match type), made on demand."""
    spans = []
    for *_, actor, match_type, start, end in doc._.mentions or ():
        span = Span(doc, start, end, label=actor.actor_id)
        span.id_ = match_type
        spans.append(span)
    return spans


if not Doc.has_extension("actors"):
    Doc.set_extension("actors", getter=_actor_spans)


@dataclass(frozen=True)
class Paragraph:
    start: int
    end: int
    language: str


def paragraph_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of every non-empty line, whitespace-trimmed."""
    spans, pos = [], 0
    for line in text.split("\n"):
        stripped = line.strip()
        if stripped:
            lead = len(line) - len(line.lstrip())
            spans.append((pos + lead, pos + lead + len(stripped)))
        pos += len(line) + 1
    return spans


def sentence_spans(
    text: str,
    start: int,
    end: int,
    abbreviations: frozenset[str],
    ordinal_followers: frozenset[str] = frozenset(),
    day_part_marks: frozenset[str] = frozenset(),
    clock_followers: frozenset[str] = frozenset(),
) -> list[tuple[int, int]]:
    """Sentence (start, end) offsets inside one paragraph text[start:end]. A number's dot
    before one of `ordinal_followers` marks an ordinal, not an end ("am 27. Januar"); the dot
    of one of `day_part_marks` before a bracket or one of `clock_followers` goes on with the
    time ("at 3 p.m. Monday")."""
    para = text[start:end]
    if is_headline_like(para) and para.count(" ") < MAX_TITLE_WORDS:
        return [(start, end)]  # a title, caption or dateline line is never split
    cuts = [0]
    for m in BOUNDARY_RE.finditer(para):
        nxt = m.end()
        while nxt < len(para) and para[nxt].isspace():
            nxt += 1
        if nxt >= len(para):
            continue
        follower = para[nxt]
        if not (follower.isupper() or follower in OPENERS):
            continue
        before = para[cuts[-1] : m.start()].rsplit(None, 1)
        word = before[-1].lstrip(OPENERS) if before else ""
        initial = word.rsplit("-", 1)[-1]  # "Russia-N. Korea": an initial after a hyphen
        if para[m.start()] == "." and (
            word in abbreviations
            or (len(initial) == 1 and initial.isupper())
            or (word.isdigit() and _next_word(para, nxt) in ordinal_followers)
            or (
                word.lower() in day_part_marks
                and (follower == "(" or _next_word(para, nxt) in clock_followers)
            )
        ):
            continue
        cuts.append(nxt)
    if len(cuts) == 1:
        return [(start, end)]
    pieces = [(cuts[i], cuts[i + 1] if i + 1 < len(cuts) else len(para)) for i in range(len(cuts))]
    merged: list[list[int]] = []
    for a, b in pieces:
        short = b - a < 40  # only a short piece can be a one-word fragment
        words = len([w for w in para[a:b].split() if WORD_RE.search(w)]) if short else 2
        if merged and words < 2:
            merged[-1][1] = b  # a stray one-word fragment stays with its sentence
        else:
            merged.append([a, b])
    return [(start + a, start + len(para[:b].rstrip())) for a, b in merged]


def _next_word(text: str, at: int) -> str:
    """The word starting at `at`, lowercased, without trailing punctuation."""
    m = LETTERS_RE.match(text, at)
    return m.group().lower() if m else ""


@Language.factory("briefing_segmenter", default_config={"languages": None, "lang": None})
def make_segmenter(nlp: Language, name: str, languages: list[str] | None, lang: str | None):
    return Segmenter(lang or nlp.lang, tuple(languages or config.configured_languages()))


@cache
def _function_word_table(languages: tuple[str, ...]) -> tuple[np.ndarray, np.ndarray]:
    """Sorted hashes of every language's function words, and a (word, language) 0/1 matrix
    (the last row is all zeros, for tokens that are no function word)."""
    words = sorted({w for code in languages for w in language_data(code).function_words})
    hashes = np.array([hash_string(w) for w in words], dtype=np.uint64)
    order = np.argsort(hashes)
    member = np.zeros((len(words) + 1, len(languages)), dtype=np.int32)
    for j, code in enumerate(languages):
        fw = language_data(code).function_words
        for i, w in enumerate(words):
            member[i, j] = w in fw
    return hashes[order], member[np.append(order, len(words))]


def _function_word_hits(lower: np.ndarray, languages: tuple[str, ...]) -> np.ndarray:
    """Per token and language, 1 where the token is one of that language's function words."""
    hashes, member = _function_word_table(languages)
    pos = np.searchsorted(hashes, lower).clip(0, len(hashes) - 1)
    pos = np.where(hashes[pos] == lower, pos, len(hashes))
    return member[pos]


class Segmenter:
    """Sets paragraphs (doc._.paragraphs) with their languages, sentence spans
    (doc._.sentences) and sentence starts. Paragraph languages are counted from the
    token arrays (function words per language), not from Python loops over tokens."""

    def __init__(self, lang: str, languages: tuple[str, ...]):
        self.lang = lang
        self.languages = languages

    def __call__(self, doc: Doc) -> Doc:
        text = doc._.text or doc.text
        doc._.text = text
        lang = self.lang if self.lang in self.languages or self.lang in profiles() else UNKNOWN
        arr = token_array(doc)
        idx = arr[:, COL_IDX].astype(np.int64)
        spans = paragraph_spans(text)
        bounds = np.searchsorted(idx, np.array(spans, dtype=np.int64).reshape(-1)).reshape(-1, 2)
        alpha = np.concatenate([[0], np.cumsum(arr[:, COL_ALPHA])])
        p_langs = [lang] * len(spans)
        if lang in self.languages and spans:
            # Function-word counts of every paragraph and language at once; only paragraphs
            # where another language leads are looked at one by one.
            matrix = _function_word_hits(arr[:, COL_LOWER], self.languages)
            cum = np.vstack(
                [np.zeros((1, len(self.languages)), dtype=np.int64), np.cumsum(matrix, axis=0)]
            )
            counts = cum[bounds[:, 1]] - cum[bounds[:, 0]]
            words = alpha[bounds[:, 1]] - alpha[bounds[:, 0]]
            own = self.languages.index(lang)
            other = (counts.argmax(axis=1) != own) & (counts.max(axis=1) > 0)
            for i in np.flatnonzero(other).tolist():
                p_langs[i] = paragraph_language(
                    dict(zip(self.languages, counts[i].tolist(), strict=True)), int(words[i]), lang
                )
        paragraphs, sentences = [], []
        for (start, end), p_lang in zip(spans, p_langs, strict=True):
            paragraphs.append(Paragraph(start, end, p_lang))
            data = language_data(p_lang)
            sentences.extend(
                sentence_spans(
                    text,
                    start,
                    end,
                    data.abbreviations,
                    data.ordinal_followers,
                    data.day_part_marks,
                    data.clock_followers,
                )
            )
        if len(doc):
            flags = np.full(len(doc), -1, dtype=np.int32)
            flags[np.searchsorted(idx, [s for s, _ in sentences] or [0]).clip(0, len(doc) - 1)] = 1
            flags[0] = 1
            doc.from_array([SENT_START], flags.astype(np.uint64).reshape(-1, 1))
        doc._.paragraphs = paragraphs
        doc._.sentences = sentences  # (start_char, end_char), trimmed, in text order
        return doc


@cache
def _matchers(
    pipeline_lang: str, names_lang: str
) -> tuple[tuple[PhraseMatcher, PhraseMatcher], dict[int, tuple[Entry, ...]]]:
    """Phrase matchers for one names language, tokenised by the pipeline's tokenizer.

    One match key per surface (and case mode), mapping to every entry that shares it
    ("Kim" is the surname of many people): one match per mention, not one per entry.
    """
    nlp = get_pipeline(pipeline_lang)
    tokenize = _twin_tokenizer(nlp)
    by_surface: dict[tuple[str, bool], list[Entry]] = {}
    inflected = _inflected_names(names_lang)[0] is not None
    skip = set(load_gazetteer().fallback.get(names_lang, ())) if inflected else set()
    for entry in load_gazetteer().entries_for(names_lang):
        if entry in skip:  # matched by `_inflected_names` instead
            continue
        by_surface.setdefault((entry.surface, entry.case_sensitive), []).append(entry)
    matcher = PhraseMatcher(nlp.vocab, attr="ORTH")
    lower = PhraseMatcher(nlp.vocab, attr="LOWER")
    keys: dict[int, tuple[Entry, ...]] = {}
    for i, ((surface, case_sensitive), entries) in enumerate(by_surface.items()):
        key = f"{names_lang}:{i}"
        keys[nlp.vocab.strings.add(key)] = tuple(entries)
        if case_sensitive:
            matcher.add(key, [tokenize(f) for f in {surface, surface.upper()}])
        else:
            lower.add(key, [tokenize(surface)])
    return (matcher, lower), keys


@cache  # one per pipeline: the names every language shares are tokenised once
def _twin_tokenizer(nlp: Language) -> Tokenizer:
    """A tokenizer that splits as `nlp`'s does, into the same vocabulary, with its own cache.

    A names language's ~5,000 gazetteer surfaces (and their capitals) are tokenised with it
    so that they do not fill the pipeline tokenizer's cache: spaCy caches at most 10,000
    chunks (`max_cache_size`), and once the surfaces had taken those places no chunk of any
    article was cached, which made tokenising an article ~5x slower.
    """
    t = nlp.tokenizer
    if not hasattr(t, "rules"):  # Chinese characters: no rules, no cache to spare
        return t
    return Tokenizer(
        nlp.vocab,
        rules=t.rules,
        prefix_search=t.prefix_search,
        suffix_search=t.suffix_search,
        infix_finditer=t.infix_finditer,
        token_match=t.token_match,
        url_match=t.url_match,
        faster_heuristics=t.faster_heuristics,
    )


@Language.factory("briefing_actors", default_config={"lang": None})
def make_actor_matcher(nlp: Language, name: str, lang: str | None):
    return ActorMatcher(lang or nlp.lang)


#: Letters a name may lose before its case ending or particle ("Rosja" -> "Rosji"), at most two
FINAL_VOWELS = frozenset("aeiouyáéíóúàèìòùäöüåæøõâêîôûăąęėįųūěůýıëаеёиоуыэюяіїєαεηιουωάέήίόύώ")


@cache
def _inflected_names(names_lang: str) -> tuple[re.Pattern | None, dict[str, tuple[Entry, ...]]]:
    """One pattern matching the CLDR names of a language that inflects them, each word as its
    stem plus up to the profile's `name_suffix` letters ("Северной Кореей" for "Северная
    Корея", "러시아에" for "러시아"), and the entries by group name. Where two names share
    their stems ("Нигерия" and "Нигер" are both "Нигер" + an ending), a group names the
    entries of all of them, and `_closest_name` picks the one a match was written from."""
    profile = profiles().get(names_lang)
    entries = load_gazetteer().fallback.get(names_lang, ())
    if profile is None or not profile.name_suffix or not entries:
        return None, {}

    def stem_of(w: str) -> str:
        stem = w
        for _ in range(2):  # "Северная" -> "Северн" (-ой, -ую), "Корея" -> "Коре" (-и, -ей)
            if stem[-1].lower() in FINAL_VOWELS and len(stem) > profile.min_stem:
                stem = stem[:-1]
        return stem

    def word(w: str) -> str:
        stem = stem_of(w)
        if len(stem) >= profile.min_stem and w.isalpha():
            # the letters taken off may come back, and the suffix after them ("Italië" is
            # "Itali" + "ë", "Italiës" one more)
            return re.escape(stem) + rf"[\w'’]{{0,{profile.name_suffix + len(w) - len(stem)}}}"
        return re.escape(w) + r"(?:['’]\w{1,5})?"  # "Çin'in", "AB'nin"

    by_surface: dict[str, list[Entry]] = {}
    for entry in entries:
        by_surface.setdefault(entry.surface, []).append(entry)
    stems = {surface: tuple(stem_of(w) for w in surface.split()) for surface in by_surface}
    rivals: dict[tuple[str, ...], list[Entry]] = {}  # the entries of all surfaces of one stem
    for surface, found in by_surface.items():
        rivals.setdefault(stems[surface], []).extend(found)
    groups, parts = {}, []
    for i, surface in enumerate(sorted(by_surface, key=lambda s: -len(s))):
        groups[f"n{i}"] = tuple(rivals[stems[surface]])
        words = r"\s+".join(word(w) for w in surface.split())
        if surface.islower():  # matched in any case, as the phrase matchers match it
            words = f"(?i:{words})"
        parts.append(f"(?P<n{i}>{words})")
    return re.compile(r"(?<!\w)(?:" + "|".join(parts) + r")(?![\w])"), groups


def _closest_name(written: str, entries: tuple[Entry, ...]) -> tuple[Entry, ...]:
    """Of names sharing their stems, the entries of the one `written` comes from: the one it
    shares the longest beginning with, and of equals the one it spells whole ("Нигерии" is
    "Нигерия"; "Нигера" and "Нигер" are "Нигер")."""
    if len({e.surface for e in entries}) < 2:
        return entries
    text = written.casefold()

    def fit(surface: str) -> tuple[int, bool]:
        name = surface.casefold()
        return len(commonprefix([text, name])), text.startswith(name)

    best = max(fit(e.surface) for e in entries)
    return tuple(e for e in entries if fit(e.surface) == best)


class ActorMatcher:
    """Finds actor mentions; writes them to doc._.mentions (doc._.actors as spans)."""

    def __init__(self, lang: str):
        self.lang = lang

    def __call__(self, doc: Doc) -> Doc:
        gazetteer = load_gazetteer()
        text = doc._.text or doc.text
        paragraphs = doc._.paragraphs or [Paragraph(0, len(text), self.lang)]
        arr = token_array(doc)
        idx, lowers = arr[:, COL_IDX], arr[:, COL_LOWER]
        starts, lengths = idx.tolist(), arr[:, COL_LENGTH].tolist()  # Python ints: cheap to index
        # One matcher pass per paragraph language over the whole doc (usually just one),
        # keeping the matches that fall in paragraphs of that language. A paragraph of
        # another language also keeps the article language's names where its own find
        # nothing: a short paragraph's language is a guess from a few function words (a
        # Portuguese headline with "como", "de" and "e" reads as Spanish), and a name
        # written as the article's language writes it is that language's anyway.
        matches: dict[tuple[int, int], tuple[tuple[Entry, ...], str]] = {}
        fallback: dict[tuple[int, int], tuple[tuple[Entry, ...], str]] = {}
        para_starts = [p.start for p in paragraphs]
        names_langs = list(dict.fromkeys(p.language for p in paragraphs))
        for names_lang in names_langs:
            (exact, lower), keys = _matchers(self.lang, names_lang)
            for matcher in (exact, lower):
                for key, s, e in matcher(doc):
                    if len(names_langs) == 1 or (
                        paragraphs[max(0, bisect_right(para_starts, starts[s]) - 1)].language
                        == names_lang
                    ):
                        found_entries = matches.get((s, e), ((), ""))[0] + keys[key]
                        matches[(s, e)] = (found_entries, names_lang)
                    elif names_lang == self.lang:
                        found_entries = fallback.get((s, e), ((), ""))[0] + keys[key]
                        fallback[(s, e)] = (found_entries, names_lang)
            pattern, groups = _inflected_names(names_lang)
            for m in pattern.finditer(text) if pattern else ():
                span = doc.char_span(m.start(), m.end(), alignment_mode="expand")
                if span is not None and (span.start, span.end) not in matches:
                    found = _closest_name(m.group(), groups[m.lastgroup])
                    matches[(span.start, span.end)] = (found, names_lang)
        own = list(matches)
        for (s, e), found in fallback.items():
            # where the paragraph's own names found nothing, or only names inside this
            # longer one ("Bissau" in "Guiné-Bissau": longest match first, as always)
            if all(s <= a and b <= e and b - a < e - s for a, b in own if a < e and s < b):
                matches[(s, e)] = found
        # Spans nested in a longer match cannot win (longest match first): drop them before
        # making one candidate per entry ("Korea" inside "North Korea").
        taken = bytearray(len(doc) + 1)
        candidates: list[Candidate] = []
        for (s, e), (entries, names_lang) in sorted(
            matches.items(), key=lambda kv: (kv[0][0] - kv[0][1], kv[0][0])
        ):
            if any(taken[s:e]):
                continue
            taken[s:e] = b"\x01" * (e - s)
            end = starts[e - 1] + lengths[e - 1]
            candidates.extend(
                Candidate(s, e, starts[s], end, entry, names_lang) for entry in entries
            )
        inside: dict[int, bool] = {}  # per span: its entries share the words around it

        def in_other_name(c: Candidate) -> bool:
            if c.start not in inside:
                inside[c.start] = _in_other_name(text, c)
            return inside[c.start]

        givens = given_names()
        surnames = {c.start for c in candidates if _after_given_name(text, c, givens)}
        if surnames:  # and a speaker's label of that surname ("JORDAN: Let's start")
            called = {
                text[c.start_char : c.end_char].casefold()
                for c in candidates
                if c.start in surnames
            }
            surnames |= {c.start for c in candidates if _speaker_label(text, c, called)}
            # a capital that is someone's surname is that person alone later too ("Giulia
            # Praga" … "ha detto Praga"), as a capital in a place's sense is no mention anyway
            capitals = {
                text[c.start_char : c.end_char]
                for c in candidates
                if c.start in surnames and c.entry.type == "capital"
            }
            surnames |= {
                c.start
                for c in candidates
                if c.entry.type == "capital" and text[c.start_char : c.end_char] in capitals
            }
        candidates = [
            c
            for c in candidates
            if (c.entry.type in NOT_IN_NAMES or not in_other_name(c))
            and not _surname_demonym(text, c)
            and c.start not in surnames
            and (c.entry.type != "prefix" or COMBINED_RE.match(text, c.end_char))
        ]
        contexts = {}
        if any(_needs_context(c) or _opens_in_capitals(text, c) for c in candidates):
            actors = gazetteer.actors
            # the state of the actor each candidate names, by where it ends ("Russian
            # officials in Abu Dhabi")
            named_before = {
                c.end: actors[c.entry.actor_id].state_id for c in candidates if not c.entry.is_block
            }
            strings = doc.vocab.strings
            previous = _previous_words(text, idx, arr[:, COL_ALPHA])
            lower, title, upper = arr[:, COL_LOWER], arr[:, COL_TITLE], arr[:, COL_UPPER]

            def before(j: int) -> int:
                """Index of the alphabetic token before j on the same line, or -1."""
                return int(previous[j])

            def earlier(k: int, n: int = 3) -> list[int]:
                """Up to n alphabetic tokens before token k on its line, nearest first."""
                out = []
                while k >= 0 and len(out) < n:
                    k = before(k)
                    if k >= 0:
                        out.append(k)
                return out

            # The entries of one span share its context: read it once, for the span's last
            # candidate (as when each wrote over the one before).
            for c in reversed(candidates):
                if c.start in contexts:
                    continue
                # a body's name in capitals may be the place of a wire dateline ("UNITED
                # NATIONS, March 14 (Reuters) -")
                if not _needs_context(c) and not _opens_in_capitals(text, c):
                    continue
                data = language_data(c.language)
                j = before(c.start)
                if c.start and strings[lower[c.start - 1]] in data.name_links:
                    j = c.start - 1  # an elided link glued to the name: "l'aéroport d'Alger"
                k = before(j) if j >= 0 else -1
                if k >= 2 and _compound_second_half(doc, k):
                    k = before(k - 2)  # "la Maison franco-japonaise de Tokyo": "Maison"
                surface = text[c.start_char : c.end_char]
                after = text[c.end_char : c.end_char + 3].lstrip()
                line_start = text.rfind("\n", 0, c.start_char) + 1
                opens_line = (
                    j < 0
                    or AGENCY_RE.fullmatch(text[line_start : c.start_char])
                    # after other places of a joint dateline: "UNITED NATIONS/KYIV, March 14"
                    or (
                        surface.isupper()
                        and CAPS_PLACES_RE.fullmatch(text, line_start, c.start_char)
                    )
                )
                line_end = text.find("\n", c.end_char)
                line_end = len(text) if line_end < 0 else line_end
                follows = (
                    c.end < len(doc)
                    and bool(title[c.end])
                    and doc[c.end - 1].whitespace_
                    and starts[c.end] <= line_end  # on the same line
                    and not (c.entry.type == "capital" and data.capitalised_nouns)
                )
                linked = (  # "la Comisión de Asuntos Exteriores"
                    c.end + 1 < len(doc)
                    and strings[lower[c.end]] in data.name_links
                    and bool(title[c.end + 1])
                    and starts[c.end + 1] <= line_end
                )
                compound = COMPOUND_RE.match(text, c.end_char)
                after_words = (
                    _following(doc, arr, strings, c.end, line_end)
                    if data.travel_after or data.venue_nouns
                    else ()
                )
                # the writer's line: "By Anirban Ghosh, New Delhi", "By Ana Ruiz and Jordan Pike"
                writer_line = text[line_start:line_end]
                byline = (
                    is_byline(writer_line, c.language)
                    or is_dated_writer_line(writer_line, c.language)
                    or is_writer_place_line(writer_line)
                )
                # the previous word opens its clause ("A Tokyo …", "Iran, a Mascate …")
                fronted = j >= 0 and (
                    k < 0 or CLAUSE_BREAK_RE.search(text, starts[k], starts[j]) is not None
                )
                impersonal = _impersonal_re(c.language)
                contexts[c.start] = Context(
                    strings[lower[j]] if j >= 0 else "",
                    # "University of", "APEC di"; not any German noun ("Abhängigkeit von")
                    bool(k >= 0 and ((title[k] and not data.capitalised_nouns) or upper[k])),
                    dateline=(
                        bool(opens_line)
                        and after.startswith((",", "("))
                        and (
                            surface.isupper()
                            or WIRE_DATELINE_RE.match(text[c.start_char : c.start_char + 120])
                            is not None
                            # without a year: "Lima, nov. 21 (ANDINA). A un año …"
                            or YEARLESS_DATELINE_RE.match(text[c.start_char : c.start_char + 120])
                            is not None
                        )
                    )
                    # a place in capitals and a dash: "WASHINGTON — Today, the Treasury …",
                    # "MOSCOW - The Kremlin said …"
                    or (
                        bool(opens_line)
                        and surface.isupper()
                        and after.startswith((*DASHES, DATELINE_HYPHEN))
                    )
                    # an agency's dateline without a date: "Brüssel (AFP) -", "Seoul/Moskau (dpa) -"
                    or (
                        AGENCY_DATELINE_RE.match(text, c.end_char) is not None
                        and bool(
                            opens_line or JOINT_PLACES_RE.fullmatch(text, line_start, c.start_char)
                        )
                    )
                    # a line that is only the place, maybe its region and a date after a
                    # bar: "Washington, DC", "Berlin · 07.07.2025, 06:00 Uhr"
                    or (
                        j < 0
                        and PLACE_LINE_REST_RE.fullmatch(text, c.end_char, line_end) is not None
                    )
                    # a correspondent's post after it: "Bruselas. Corresponsal"
                    or (
                        j < 0
                        and (post := _correspondent_after_re(c.language)) is not None
                        and post.fullmatch(text, c.end_char, line_end) is not None
                    )
                    # the writer's place in a byline: "By Anirban Ghosh, New Delhi",
                    # "Lukas Wyss, Peking"
                    or byline
                    or (
                        c.entry.type == "capital"
                        and _writer_place_re(c.language).fullmatch(text, line_start, c.start_char)
                        is not None
                        and not text[c.end_char : line_end].strip(" .")
                    )
                    # a date line's place: "Ciudad de México - 21 nov 2025 - 05:30 CET",
                    # "Published on November 21, 2025, at 5:00 pm (Paris)"
                    or (
                        c.entry.type == "capital"
                        and _date_line(text[line_start:line_end], c.language)
                    ),
                    # the dated place of a wire dateline, in capitals: any name there is a place
                    wire_place=(
                        bool(opens_line)
                        and surface.isupper()
                        and (
                            WIRE_DATELINE_RE.match(text[line_start : line_start + 120]) is not None
                            or YEARLESS_DATELINE_RE.match(text[line_start : line_start + 120])
                            is not None
                        )
                    ),
                    before_word=k,
                    earlier=tuple(strings[lower[e]] for e in earlier(k)),
                    adjacent=j >= 0 and j == c.start - 1 and bool(doc[j].whitespace_),
                    comma_after=(
                        j
                        if j >= 0
                        and j == c.start - 2
                        and doc[j + 1].text == ","
                        and _list_tail_re(c.language).match(text, c.end_char, line_end)
                        else -1
                    ),
                    fronted=fronted,
                    following=after_words if data.travel_after else (),
                    next_word=_venue_word(after_words, data) if data.venue_nouns else "",
                    surface=surface,
                    after=text[c.end_char : min(line_end, c.end_char + PLACE_SUFFIX_CHARS)],
                    given_before=bool(
                        HYPHENATED_GIVEN_RE.search(
                            text, max(line_start, c.start_char - 30), c.start_char
                        )
                    ),
                    before=strings[lower[k]] if k >= 0 else "",
                    qualifier_state=named_before.get(k, "") if k >= 0 else "",
                    name_follows=follows,
                    impersonal_after=bool(
                        impersonal and impersonal.match(text, c.end_char, line_end)
                    ),
                    linked_name_follows=linked,
                    in_name=bool(
                        (
                            follows
                            and (
                                not (_title_case_line(text, line_start) and not byline)
                                or (
                                    c.start_char == line_start
                                    and PERSON_LINE_REST_RE.fullmatch(text, c.end_char, line_end)
                                    is not None
                                )
                            )
                        )
                        # a name in capitals in a line that is not: "GEORGIA WHITFIELD: I mean"
                        or (
                            c.end < len(doc)
                            and upper[c.end]
                            and surface.isupper()
                            and doc[c.end - 1].whitespace_
                            and starts[c.end] <= line_end
                            and not text[line_start:line_end].isupper()
                        )
                        or (compound and compound.group(1).lower() in data.place_compounds)
                    ),
                )
        places = {lang: _places(lang) for lang in {c.language for c in candidates}}
        found = resolve(candidates, gazetteer.actors, contexts, places, nested=False)
        mentions = [
            (c.start_char, c.end_char, actor, c.entry.type, c.start, c.end)
            for c, actor in _without_shouted_words(text, found)
        ]  # (start_char, end_char, Actor, match type, token start, token end), in text order
        kept = {(c.start, c.end) for c, _ in found}
        # capitals opening their sentence after a locative ("In Seoul, First Vice Foreign
        # Minister Park Yoon-joo said"): an office whose holder goes unsaid there is theirs
        hosts = [
            (c.start_char, c.end_char, gazetteer.actors[c.entry.actor_id])
            for c in candidates
            if c.entry.type == "capital"
            and (c.start, c.end) not in kept
            and (context := contexts.get(c.start)) is not None
            and context.fronted
            and context.word in language_data(c.language).locatives
        ]
        people = _officials(doc, text, self.lang, mentions, hosts, (idx, lowers))
        doc._.mentions = sorted(mentions + people, key=lambda m: m[0]) if people else mentions
        return doc


@cache
def _title_hashes(lang: str) -> np.ndarray:
    """The lower-case hashes of the language's title words (`officials.title_words`)."""
    return np.array(sorted(hash_string(w) for w in title_words(lang)), dtype=np.uint64)


def _officials(
    doc: Doc,
    text: str,
    lang: str,
    mentions: list[tuple],
    hosts: list[tuple],
    tokens: tuple[np.ndarray, np.ndarray],
) -> list[tuple]:
    """Mentions of the officials the article introduces by their office and the gazetteer
    does not know (`analysis.officials`): where it names them, and their surname later.
    `hosts` are capitals that open their sentence after a locative, no mentions; `tokens`
    the doc's token offsets and lower-case hashes."""
    words = _title_hashes(lang)
    titles_at = None  # where the tokens are titles: faster than searching the text for them
    if len(words):
        idx, lowers = tokens
        at = np.minimum(np.searchsorted(words, lowers), len(words) - 1)
        titles_at = idx[words[at] == lowers].tolist()
    people = introduced(
        text,
        lang,
        [(m[0], m[1], m[2]) for m in mentions],
        skip_line=lambda start: _title_case_line(text, start),
        places=hosts,
        titles_at=titles_at,
    )
    if not people:
        return []
    taken = bytearray(len(text) + 1)
    for m in mentions:
        taken[m[0] : m[1]] = b"\x01" * (m[1] - m[0])
    spans = [(p.start, p.end, p.actor, "person") for p in people]
    spans += [(s, e, p.actor, "surname") for s, e, p in references(text, lang, people)]
    out = []
    for start, end, actor, kind in spans:
        if any(taken[start:end]):
            continue  # a known name, or a person's name already taken
        span = doc.char_span(start, end, alignment_mode="expand")
        if span is not None:
            taken[start:end] = b"\x01" * (end - start)
            out.append((start, end, actor, kind, span.start, span.end))
    return out


DASHES = ("—", "–", "--")

#: What may follow a place on a line of its own: its region, a date after a bar ("Washington,
#: DC", "Berlin · 07.07.2025, 06:00 Uhr"), a comma or a space.
PLACE_LINE_REST_RE = re.compile(
    r"(?:,[ \t]*[A-Z][\w.]*(?:[ \t][A-Z][\w.]*)?)?[ \t]*(?:[·|•][ \t]*\d[^\n]*)?"
    # or a date after a comma: "Madrid, 14 de noviembre de 2025", "Manila, April 29, 2025"
    r"|,[ \t]*(?:\d{1,2}\.?[ \t]|[^\W\d_]+\.?[ \t]+\d)[^\n]{0,30}\b(?:19|20)\d\d\.?[ \t]*"
    # or a numeric date after a space, maybe a time after it: "Madrid 21.11.2025 | 10:15 h."
    r"|[ \t]+\d{1,2}[./]\d{1,2}[./](?:19|20)\d\d\b[^\n]{0,20}"
)
#: What ends a clause between two words: a comma, a colon, a sentence's end.
CLAUSE_BREAK_RE = re.compile(r"[,;:.!?]")

#: How many words after a capital are read for a travel word ("nach Peking reisen").
FOLLOWING_WORDS = 3


def _venue_word(after_words: tuple[str, ...], data) -> str:
    """The word after a match that may make it a venue: the next one, or the one after a
    second name joined to it ("the Washington and Doha processes")."""
    if not after_words:
        return ""
    listed = len(after_words) > 2 and after_words[0] in data.conjunctions
    return after_words[2] if listed and after_words[2] in data.venue_nouns else after_words[0]


def _following(doc: Doc, arr: np.ndarray, strings, end: int, line_end: int) -> tuple[str, ...]:
    """Up to FOLLOWING_WORDS words from token `end` on, lower-cased, stopping at the end of
    the clause or of the line (character offset `line_end`): "nach Peking reisen"."""
    out: list[str] = []
    for t in range(end, min(len(doc), end + 2 * FOLLOWING_WORDS)):
        if doc[t].idx >= line_end or doc[t].is_punct:
            break
        if arr[t, COL_ALPHA]:
            out.append(strings[arr[t, COL_LOWER]])
            if len(out) == FOLLOWING_WORDS:
                break
    return tuple(out)


def _previous_words(text: str, idx: np.ndarray, alpha: np.ndarray) -> np.ndarray:
    """Per token, the index of the alphabetic token before it on the same line, or -1, for
    all tokens at once. (A lone newline reaches the tokenizer as a space, so lines are told
    by the text's newlines.)"""
    n = len(idx)
    last = np.maximum.accumulate(np.where(alpha.astype(bool), np.arange(n), -1))
    previous = np.concatenate([[-1], last[:-1]]) if n else last
    newlines = np.array([m.start() for m in NEWLINE_RE.finditer(text)], dtype=np.int64)
    line = np.searchsorted(newlines, idx.astype(np.int64))  # newlines before each token
    same_line = (previous >= 0) & (line[previous.clip(0)] == line)
    return np.where(same_line, previous, -1)


@cache
def _list_tail_re(lang: str) -> re.Pattern:
    """The rest of a list of names that ends its clause: more names after commas or the
    language's conjunctions, then a clause mark or the line's end (", Seoul and Tokyo."; not
    ", Baku and Yerevan endorsed")."""
    links = "|".join(re.escape(w) for w in sorted(language_data(lang).conjunctions)) or "and"
    name = r"[A-ZÀ-Ý][\w'’-]*(?:[ \t]+[A-ZÀ-Ý][\w'’-]*)*"
    return re.compile(
        rf"(?:[ \t]*(?:,|(?<!\w)(?:{links})(?!\w))[ \t]*{name})+[ \t]*(?:[.;:!?)»”\"]|$)",
        re.M,
    )


@lru_cache(maxsize=4096)
def _date_line(line: str, language: str) -> bool:
    """Whether a line is a date line (a capital on it is where the text was written or
    whose clock its time is)."""
    return classify_line(line, language, 0) == "dateline"


def _compound_second_half(doc: Doc, k: int) -> bool:
    """Whether token `k` follows a word and a hyphen glued to it ("japonaise" in
    "franco-japonaise"): the words before a capital's link are read from before the compound,
    as where the tokenizer keeps it whole."""
    hyphen, first = doc[k - 1], doc[k - 2]
    return hyphen.text in HYPHENS and not hyphen.whitespace_ and not first.whitespace_


#: The hyphens that join a compound's halves
HYPHENS = frozenset("-‐‑")


@cache
def _impersonal_re(lang: str) -> re.Pattern | None:
    """An impersonal subject within the two words after a match, maybe after a comma ("À
    Téhéran, on suit", "In Berlin beobachtet man", "A Roma si teme")."""
    words = language_data(lang).impersonal
    if not words:
        return None
    alternatives = "|".join(sorted(map(re.escape, words)))
    return re.compile(rf",?[ \t]+(?:[^\W\d_]+[ \t]+)?(?:{alternatives})\b", re.IGNORECASE)


@cache
def _places(lang: str) -> Places:
    """The words of `lang` that make a capital a place (built once per language, not once
    per article)."""
    if lang in profiles():  # a language without resources: its profile's words and endings
        profile = profiles()[lang]
        return Places(profile.locatives, place_suffixes=profile.place_suffixes)
    data = language_data(lang)
    return Places(
        data.locatives,
        data.name_links,
        data.conjunctions,
        data.governing,
        data.destinations,
        data.travel_words,
        data.fronted_locatives,
        data.place_nouns,
        data.route_from,
        data.venue_nouns,
        data.venue_determiners,
        recipients=data.recipients,
        seat_nouns=data.seat_nouns,
        topic_words=data.topic_words,
    )


def _opens_in_capitals(text: str, c: Candidate) -> bool:
    """Whether a match in capitals opens its line, maybe after other places and a slash, as
    a wire dateline's place does ("UNITED NATIONS/KYIV, March 14 (Reuters) -")."""
    if not text[c.start_char : c.end_char].isupper():
        return False
    line_start = text.rfind("\n", 0, c.start_char) + 1
    return (
        line_start == c.start_char
        or CAPS_PLACES_RE.fullmatch(text, line_start, c.start_char) is not None
    )


def _needs_context(c: Candidate) -> bool:
    """Whether resolving a match reads what surrounds it: a capital (a place?), a name that
    is also a first name, a surname shared by many ("Kim"), a name shared by several actors
    (a bare "Korea": inside "Korea Aerospace Industries"?), a short form ("the Commission":
    of Inquiry?)."""
    return c.entry.type == "capital" or c.entry.given_name or bool(c.entry.requires)


#: Entry types that are no state's or body's own name, so never part of another body's name.
NOT_IN_NAMES = frozenset({"person", "surname", "block"})


def _in_other_name(text: str, c: Candidate) -> bool:
    """Whether a match is part of another body's name ("Qatar Airways", "Australian Open",
    "Cruz Roja China"): the language's name heads around it, on its own line. After the
    name, only outside title-case lines ("Russia Open to Talks" is a headline)."""
    if c.entry.type in NOT_IN_NAMES:
        return False
    data = language_data(c.language)
    line_start = text.rfind("\n", 0, c.start_char) + 1
    # the second half of a compound is inside the name its first half is in ("la Maison
    # franco-japonaise")
    first = (  # only after a hyphen: most names are not a compound's second half
        COMPOUND_FIRST_RE.search(text, max(line_start, c.start_char - 20), c.start_char)
        if text[c.start_char - 1 : c.start_char] in HYPHENS
        else None
    )
    start = first.start() if first else c.start_char
    if data.name_heads_before and data.name_heads_before.search(
        text, max(line_start, start - 40), start
    ):
        return True
    fields = data.field_nouns
    if c.entry.type in ("name", "short") and fields and fields.match(text, c.end_char):
        return True  # "a Korea specialist"
    # so is the first half of one whose second half is ("das Japanisch-Deutsche Zentrum")
    second = COMPOUND_RE.match(text, c.end_char)
    return bool(
        data.name_heads_after
        and (
            data.name_heads_after.match(text, c.end_char)
            or (second and data.name_heads_after.match(text, second.end()))
        )
        and not _title_case_line(text, line_start)
    )


#: What ends the text before a sentence's first word: nothing on its line, or a sentence's
#: end, a colon, an opening quote or bracket, a dash
SENTENCE_OPENS_RE = re.compile(r"(?:^|[.!?:;«\"“”'‘’(\[—–-])[ \t]*$", re.M)


#: The capitalised words right before a match, and the word before them
NAME_BEFORE_RE = re.compile(
    r"(?:^|([^\W\d_]+)(?:['’][ \t]*|[ \t]+))((?:[A-ZÀ-ÖØ-Þ][\w-]*[ \t]+){1,3})$"
)


@cache
def _stop_words(lang: str) -> frozenset[str]:
    """spaCy's stop words for `lang` (none for a language spaCy lacks)."""
    try:
        return frozenset(spacy.util.get_lang_class(lang).Defaults.stop_words)
    except (ImportError, KeyError, ValueError):  # catalogue's RegistryError is a ValueError
        return frozenset()


def _shouted_word(text: str, c: Candidate) -> bool:
    """An acronym that is also a common word of its language, in a line written all in
    capitals: "WHO ELSE WANTS IN?", "LET US SEE", Portuguese "EU NÃO SEI"."""
    if c.entry.type != "acronym" or c.end - c.start != 1:
        return False
    if text[c.start_char : c.end_char].lower() not in _stop_words(c.language):
        return False
    line_start = text.rfind("\n", 0, c.start_char) + 1
    line_end = text.find("\n", c.end_char)
    return text[line_start : line_end if line_end >= 0 else len(text)].isupper()


def _without_shouted_words(text: str, found: list[tuple[Candidate, Actor]]):
    """`found` without the acronyms read in a line in capitals that may be a plain word
    (`_shouted_word`), unless the article names their actor (or its state) otherwise:
    "US, JAPAN AGREE …" over a report on Washington stays the United States."""
    shouted = [_shouted_word(text, c) for c, _ in found]
    if not any(shouted):
        return found
    named = set()
    for (_, actor), word in zip(found, shouted, strict=True):
        if not word:
            named |= {actor.actor_id, actor.state_id}
    return [
        (c, actor)
        for (c, actor), word in zip(found, shouted, strict=True)
        if not word or actor.actor_id in named or actor.state_id in named
    ]


#: Entry types a given name before makes a surname ("Ellen Jordan", "Marco Russo", "Giulia
#: Praga", "Luca Kim": not the Kim the article names)
SURNAME_TYPES = frozenset({"name", "short", "demonym", "capital", "surname"})
#: The characters of the word before a match ("Jean-Marc", "O'Neill"), read backwards
WORD_CHARS_RE = re.compile(r"[\w'’-]*")
#: Where that word starts: at its first letter
FIRST_LETTER_RE = re.compile(r"[^\W\d_]")
#: A speaker's label: a name alone at the start of a line, then a colon
LABEL_AFTER_RE = re.compile(r"[ \t]*:")


def _after_given_name(text: str, c: Candidate, givens: frozenset[str]) -> bool:
    """Whether a state's name, demonym or capital, or a shared surname, comes right after a
    capitalised first name, so is someone's surname: "Host Ellen Jordan", "di Marco Russo",
    "resume Ana Francia", "Íñigo Portugal", "l'analista Giulia Praga", "di Luca Kim" (the
    names of `given_names.txt`)."""
    if c.entry.type not in SURNAME_TYPES or not givens:
        return False
    word = _word_before(text, c.start_char)
    return word[:1].isupper() and word.casefold() in givens


def _word_before(text: str, end: int, reach: int = 40) -> str:
    """The word right before `end`, one space before it (or a space and the line's end),
    starting at its first letter, within `reach` characters: what
    `re.search(r"([^\\W\\d_][\\w'’-]*) $", text[end - reach : end])` finds, but read
    backwards starting at the space instead of tried at every character before it (4x
    faster)."""
    if text[end - 1 : end] == " ":
        space = end - 1
    elif text[end - 2 : end] == " \n":
        space = end - 2
    else:
        return ""
    lo = max(0, end - reach)
    if space <= lo:
        return ""
    chars = WORD_CHARS_RE.match(text[lo:space][::-1]).end()
    first = FIRST_LETTER_RE.search(text, space - chars, space)
    return text[first.start() : space] if first else ""


def _speaker_label(text: str, c: Candidate, surnames: set[str]) -> bool:
    """Whether a match opens its line as a speaker's label ("JORDAN: Let's start") and is
    the surname of someone the text names with a first name."""
    line_start = text.rfind("\n", 0, c.start_char) + 1
    return (
        not text[line_start : c.start_char].strip()
        and text[c.start_char : c.end_char].casefold() in surnames
        and LABEL_AFTER_RE.match(text, c.end_char) is not None
    )


def _surname_demonym(text: str, c: Candidate) -> bool:
    """Whether a demonym, in a language that writes them in lower case, is capitalised inside
    a sentence, so a surname: "ha detto Mario Russo", "il ministro Russo", "advirtió Rodrigo
    Alemán"; not in a line of capitals or in title case, nor in a body's name after an
    article ("la República Portuguesa", "de la Fuerza Aeroespacial Colombiana")."""
    if c.entry.type != "demonym" or not text[c.start_char].isupper():
        return False
    data = language_data(c.language)
    if not data.lowercase_demonyms:
        return False
    line_start = text.rfind("\n", 0, c.start_char) + 1
    if SENTENCE_OPENS_RE.search(text, line_start, c.start_char):
        return False
    name = NAME_BEFORE_RE.search(text, max(line_start, c.start_char - 60), c.start_char)
    if name and name.group(1) and name.group(1).lower() in data.name_articles:
        return False
    line_end = text.find("\n", c.end_char)
    line = text[line_start : line_end if line_end >= 0 else len(text)]
    return not line.isupper() and not _title_case_line(text, line_start)


#: Languages whose tokenizer keeps a hyphenated compound whole ("US-Präsident", "Ue-Tunisia",
#: "Rusia-Ucrania"), in which a hyphen between letters is split so that the names inside are
#: found ("US", "Präsident").
SPLIT_COMPOUNDS = frozenset({"de", "it", "es", "pt", "nl", "sv"})
#: spaCy's Portuguese infix that keeps a hyphenated word whole ("pró-Rússia", "EUA-China")
KEEP_HYPHENATED = r"(\w+-\w+(-\w+)*)"


def _tokenizer_infixes(nlp: Language) -> None:
    """Split a hyphen after an abbreviation's period ("U.S.-South Korea"), a word and the
    footnote marker glued to it ("Tokyo.[6]"), and where the tokenizer keeps compounds whole
    a hyphen between letters ("Russland-Besuch")."""
    # Portuguese's own rule keeps every hyphenated word whole, which no split can undo
    infixes = [
        i for i in nlp.Defaults.infixes if nlp.lang not in SPLIT_COMPOUNDS or i != KEEP_HYPHENATED
    ]
    infixes += [
        r"(?<=[A-Z]\.)-(?=[A-Za-z])",
        # a footnote marker glued to its word: "Tokyo.[6]", "said[12]"
        r"(?<=[^\W\d_A-Z]{2})\.(?=\[\d)",
        r"(?<=[^\s\[])\[(?=\d)",
    ]
    if nlp.lang in SPLIT_COMPOUNDS:
        infixes.append(r"(?<=[^\W\d_])[-–](?=[^\W\d_])")  # "Moskau–Peking–Pjöngjang" too
    nlp.tokenizer.infix_finditer = spacy.util.compile_infix_regex(infixes).finditer


def _combining_forms_split(nlp: Language, lang: str) -> None:
    """Keep the gazetteer's combining forms (`prefix` entries) tokens of their own where the
    tokenizer's token_match keeps a compound with them whole: spaCy's French one keeps
    "franco-algérienne" and "sino-japonaises" one word, so neither state would be found."""
    keep_whole = getattr(nlp.tokenizer, "token_match", None)  # none in a Chinese-character one
    forms = {e.surface for e in load_gazetteer().entries_for(lang) if e.type == "prefix"}
    if keep_whole is None or not forms:
        return
    alternatives = "|".join(sorted(map(re.escape, forms), key=len, reverse=True))
    combined = re.compile(rf"(?:{alternatives}){COMBINED_RE.pattern}", re.IGNORECASE)

    def token_match(word: str):
        return None if combined.match(word) else keep_whole(word)

    nlp.tokenizer.token_match = token_match


def pipeline_language(language: str) -> str:
    """The pipeline an article in `language` is read with: its own for a configured or
    recognised language (`languages.profiles`), else the multilingual fallback's."""
    if language in config.configured_languages() or language in profiles():
        return language
    return UNKNOWN


@cache
def get_pipeline(lang: str) -> Language:
    """The pipeline for `lang` (ISO 639-1): spaCy's tokenizer for it (or the one its profile
    names), else spaCy's multilingual 'xx' one."""
    profile = profiles().get(lang)
    try:
        nlp = spacy.blank(profile.tokenizer if profile and profile.tokenizer else lang)
    except Exception:  # spaCy has no such language offline: use its multilingual tokenizer
        nlp = spacy.blank(UNKNOWN)
    _tokenizer_infixes(nlp)
    _combining_forms_split(nlp, lang)
    nlp.add_pipe("briefing_segmenter", config={"lang": lang})
    nlp.add_pipe("briefing_actors", config={"lang": lang})
    return nlp


def analyse_text(nlp: Language, text: str) -> Doc:
    """Run `nlp` on `text`.

    The tokenizer sees a lone newline between two words as a space: offsets are unchanged
    (one character for one) and paragraphs come from the text's lines anyway, but spaCy's
    tokenizer cache skips chunks that hold a newline, which made articles whose paragraphs
    are separated by single newlines ~10x slower to tokenise (measured on the seeds: 1.9 ms
    -> 0.2 ms). Runs of whitespace are left alone (as spaces they would be as slow). The
    components get the real text in `doc._.text` (`doc.text` rebuilds it token by token).
    """
    doc = nlp.make_doc(LONE_NEWLINE_RE.sub(" ", text))
    doc._.text = text
    for _, component in nlp.pipeline:
        doc = component(doc)
    return doc
