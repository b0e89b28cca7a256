"""Temporal expressions in news text: find them, normalise them, resolve the relative ones.

A language is data: the `[temporal]` table of `resources/languages/<code>.toml` holds its
vocabulary (number words, units, relative and anaphoric phrases, modifiers, prepositions that
stay in the expression, count words that make a number no year) and, for each kind of
expression, templates: regular expressions in which `{name}` stands for a vocabulary class.
What a kind means (how "offset" or "relative" is resolved) is code; how it is written is data.

All of a language's templates are compiled into one regular expression whose alternatives are
tried in `KINDS` order, so at any position the most specific kind wins ("September 9, 1948"
before "September 9" before "September"). Two things keep it fast (well under a millisecond
for an 800-word article): the pattern starts with a character class, which the regex engine
scans for in C, and a lookahead on the first word rejects every word no template starts with,
and words such as "the" or "a" unless the grammar's own vocabulary follows them.

Dates are never invented: an expression whose reference is missing (no publication date, no
earlier date in the text) is returned with an empty date and `resolved="unresolved"`.
"""

from __future__ import annotations

import calendar
import importlib
import re
import tomllib
from bisect import bisect_right
from collections.abc import Collection, Iterable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from functools import cache

from dateutil.easter import easter

from analysis import config
from analysis.languages import LETTERS_RE, profiles

EXPLICIT, RELATIVE, ANCHORED, UNRESOLVED = "explicit", "relative", "anchored", "unresolved"

#: Kinds in the order they are tried at one position (most specific first).
KINDS = (
    "wire_stamp",  # 271045 NOV 25, 12-GEN-26 14:35, 19-05-26 08:41: an agency's closing stamp
    "iso_date",  # 2024-01-16
    "numeric_date",  # 26 | 12 | 2023, 16/01/2024
    "term",  # four-year term beginning in 2017 -> 2017/2021
    "offset",  # two months later, about two months after Kim returned (anchored)
    "ago_day",  # eighty years ago today (relative, to the day)
    "ago",  # two years ago (relative)
    "hence",  # tra un mese, dentro de dos semanas (relative, to come)
    "century_decade",  # the first decade of this century
    "year_part",  # the first eight months of this year, the second half of 2024
    "period",  # the past two years, los últimos doce meses, within four months (relative)
    "day_range",  # 3-5 March 2025, dal 3 al 5 marzo
    "month_range",  # July–December 2024, from July to December 2024
    "date",  # September 9, 1948
    "month_year",  # July 2023
    "year_range",  # between 1910-1945
    "decade",  # the 1970s and 1980s
    "relative",  # last year, quest'anno
    "anaphoric_month",  # that July, the following April (anchored)
    "anaphoric",  # the following year (anchored)
    "modified",  # the end of the year, fine del mese (a modifier required)
    "holiday",  # Christmas, Ferragosto, Neujahr (a feast on a fixed day)
    "historic",  # the end of World War II, la caída del Muro de Berlín (a year in history)
    "day_month",  # June 19
    "day_of_month",  # on the 12th, no dia 10 (the month of a date just before, or this one)
    "month",  # May
    "season",  # in the spring, im Herbst, entro la primavera (its year)
    "weekday",  # Tuesday
    "clock",  # 10:03 a.m., 14h32, um 15 Uhr (the day the context gives)
    "year",  # 2018
)
#: Kinds that take no kept preposition ("since July 2000") or modifier ("late April").
UNPREFIXED = frozenset({"term", "offset", "ago", "ago_day", "hence", "period"})
#: Kinds that are an expression only after a modifier ("the end of the year").
MODIFIED_ONLY = frozenset({"modified"})
#: Kinds that take the article right before them ("the 1970s", "the following year"); so does
#: any expression that starts with a modifier ("the end of last year").
ARTICLE_KINDS = frozenset(
    {"decade", "century_decade", "year_part", "relative", "anaphoric", "season", "historic"}
)
#: Kinds that take an approximation right before them ("about two months after").
APPROX_KINDS = frozenset({"offset", "ago", "ago_day", "hence"})
#: Precisions a later expression may count from ("two months later").
ANCHOR_PRECISIONS = frozenset({"day", "month", "year"})
#: Kinds resolved against the publication date that still name a day or month of the
#: calendar, so a later expression may count from them ("on September 13 ... two days later").
NAMED_KINDS = frozenset({"month", "day_month", "weekday"})

#: "The new year" written after this month is the coming one, up to it the current one
NEW_YEAR_AHEAD_FROM = 6

#: Templates every language has (numbers only).
COMMON_TEMPLATES = {
    "wire_stamp": [
        "{stamp_day}{hhmm} {month} {yy}",
        # day, month and two-digit year, then the clock time: only a transmission stamp has
        # that time, so "19-05-26" is no year-first date here
        "{stamp_day}-{month}-{yy} {clock}",
        "{stamp_day}-{mm}-{yy} {clock}",
    ],
    # and year first with dots or slashes, as East Asian papers write it ("2026.12.28")
    "iso_date": ["{year}-{mm}-{dd}", r"{year_lead}\.{mm}\.{dd}", "{year_lead}/{mm}/{dd}"],
    "numeric_date": ["{n1} ?[./|-] ?{n2} ?[./|-] ?{year_plain}"],
    # a time of day with a colon, maybe with its zone, or a wire diary's "0100 GMT"; a language
    # adds its own ways ("10 a.m.", "14h32", "15.30 Uhr") before these
    "clock": [
        "{hh_mm}(?: (?:gmt|utc|bst|cest|cet|jst|kst|msk|edt|pdt))?",
        "{hhmm_gmt} (?:gmt|utc)",
    ],
}
#: Templates of a language whose file has none (its month names are enough for these).
DEFAULT_TEMPLATES = {
    "date": ["{day} {month} {year}", "{month} {day},? {year}"],
    "month_year": ["{month} {year}"],
    "year_range": ["{year} ?[-–—] ?{year2}"],
    "year": ["{year}"],
}
#: Templates of a language read with dateparser's month, weekday and relative names (no file of
#: its own, see `_locale_data`); "{locative}" is the profile's locatives, before a bare month
#: ("в сентябре", "v lednu"): without one a month's name may be a word ("aralık", a gap);
#: "{pertain}" its optional words linking a day to its month, a month to its year ("5 de
#: novembre de 2024")
LOCALE_TEMPLATES = {
    "date": [r"{day}\.? {pertain}{month} {pertain}{year}", "{month} {day},? {year}"],
    "month_year": ["{month} {pertain}{year}"],
    "year_range": ["{year} ?[-–—] ?{year2}"],
    "relative": ["{relative}"],
    "day_range": [r"{day}\.? ?[-–] ?{day2}\.? {pertain}{month}(?: {pertain}{year})?"],
    "day_month": [r"{day}\.? {pertain}{month}"],
    "month": ["{locative} {month_full}"],
    "weekday": ["{weekday}"],
    "year": ["{year}"],
}
#: The same for Chinese, Japanese and Korean: "{Y}" is the year's sign (年, 년); a day carries its
#: own (日, 일) as a suffix ("31日" alone is a day of the month named before)
COMPACT_TEMPLATES = {
    "date": ["{year}{Y} ?{month} ?{day}"],
    "month_year": ["{year}{Y} ?{month}"],
    "relative": ["{relative}"],
    "day_month": ["{month} ?{day}"],
    "day_of_month": ["{day_nth}(?![間间간])"],  # not a span of days ("3日間", "3일간")
    "month": ["{month_full}"],
    "weekday": ["{weekday}"],
    "year": ["{year}"],
}
#: Scripts of languages written with a year's, a month's and a day's sign after the number
COMPACT_SCRIPTS = frozenset({"Han", "Kana", "Hangul"})
#: Their shortest name of a month or weekday ("1月", "周三")
COMPACT_MIN_LETTERS = 2
#: dateparser's relative phrases read ("1 day ago", "in 2 week"), by unit
LOCALE_RELATIVE_RE = re.compile(
    r"^(?:(?P<ago>\d) (?P<unit>day|week|month|year) ago"
    r"|in (?P<hence>\d) (?P<unit2>day|week|month|year))$"
)
#: The shortest name of a month or weekday taken from dateparser ("май"; "ср" is an abbreviation)
LOCALE_MIN_LETTERS = 3
WEEKDAY_KEYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
MONTH_KEYS = tuple(calendar.month_name[k].lower() for k in range(1, 13))
#: Template placeholders filled from a list or table of the language's [temporal] data.
VOCABULARY_CLASSES = {
    "unit": "units",
    "approx": "approx",
    "direction": "directions",
    "term": "term",
    "begin": "begin",
    "duration": "durations",
    "relative": "relative",
    "anaphoric": "anaphoric",
    "month_anaphora": "month_anaphora",
    "modified": "modified",
    "this": "this",
    "weekday": "weekdays",
    "edge": "year_edges",
    "part": "year_parts",
    "holiday": "holidays",
    "historic": "historic",
    "day_time": "day_times",
    "season": "seasons",
    "side": "period_sides",
}
#: Prepositions that link the words of a name ("Plaza de Mayo", "Cinco de Julho"): before a
#: capitalised month they make it part of one
NAME_LINKS = frozenset({"de", "del", "di", "da", "do", "dos", "das", "du", "des", "d'", "della"})
#: How far before a clause mark a cue that closes the clause is looked for (characters).
CUE_REACH = 40
#: Which month a modifier points at when it modifies a year ("late last year" -> December).
MODIFIER_MONTH = {"start": 1, "middle": 6, "end": 12}
#: Bare years outside this range are amounts or identifiers.
BARE_YEARS = (1900, 2099)

YEAR = r"(?:1[5-9]\d\d|20\d\d)"
#: A year right after a season ("since the summer of 2024", "seit dem Herbst 2024")
SEASON_YEAR_RE = re.compile(rf"\s*(?:\w{{1,3}}\s+)?{YEAR}(?!\d)")
#: A century in Roman numerals ("il XX secolo"), read lowercased.
ROMAN_RE = r"[xvi]{1,5}"
#: A word no language's grammar has, to test what a template needs after its first word.
OUTSIDE_WORD = "qzxj"
#: what may not follow a year: more digits, a decimal or a percent sign; a full stop and one or
#: two digits before a space may be a footnote's number (see FOOTNOTE_AFTER_RE)
YEAR_END = r"(?!\d|[.,:]\d(?!\d?\s)|%)"
#: A footnote's number after a date's full stop, before the next sentence ("… in the first half
#: of 2024.1 The calm …"); before a lower-case word it is a decimal ("2024.5 tonnes").
FOOTNOTE_AFTER_RE = re.compile(r"\.\d\d?\s+[A-ZÀ-Ý\"“]")
DECIMAL_AFTER_RE = re.compile(r"[.,:]\d")
#: No number, amount or date goes on right before a year
YEAR_START = r"(?<![\d.,:/$€£#])(?<!\d-)"
DIGIT_CLASSES = {
    "year": rf"{YEAR_START}{YEAR}{YEAR_END}",
    "year_plain": rf"{YEAR}{YEAR_END}",
    "year_lead": rf"{YEAR_START}{YEAR}",  # what follows is the template's ("2026.12.28")
    "year2": rf"(?:{YEAR}|\d\d){YEAR_END}",
    "mm": r"(?:0[1-9]|1[0-2])",
    "dd": r"(?:0[1-9]|[12]\d|3[01])(?!\d)",
    "n1": r"(?<![\d.,:/|-])(?:3[01]|[12]\d|0?[1-9])",
    "n2": r"(?:3[01]|[12]\d|0?[1-9])",
    "decade_short": r"\d0",
    "stamp_day": r"(?<![\w.,:/|-])(?:0[1-9]|[12]\d|3[01])",
    "hhmm": r"(?:[01]\d|2[0-3])[0-5]\d",
    "hhmm_gmt": r"(?<![\d.,:/])(?:[01]\d|2[0-3])[0-5]\d",  # a wire diary's "0100 GMT"
    "yy": r"\d\d(?![\w.,:/|-])",
    "clock": r"(?:[01]?\d|2[0-3])[:.][0-5]\d(?![\d.,:])",
    "hh_mm": r"(?<![\d.,:/])(?:[01]?\d|2[0-3]):[0-5]\d(?!\d|[.,:]\d)",
    "hour": r"(?<![\d.,:/])(?:[01]?\d|2[0-3])(?!\d)",
    "hour12": r"(?<![\d.,:/])(?:1[0-2]|0?[1-9])(?!\d)",
    "minutes": r"[0-5]\d(?!\d|[.,:]\d)",
}
PLACEHOLDER_RE = re.compile(r"\{(\w+)\}")
PREVIOUS_WORD_RE = re.compile(r"([^\W\d_]+['’]?)\W*$")
NEXT_WORD_RE = re.compile(r"[^\w\n]*([^\W\d_]+)")
#: How far after a weekday (characters) "last week" makes it a day of the week before
LAST_WEEK_WINDOW = 40
#: A day of the month in brackets after a weekday, as Brazilian news has it ("segunda (7)").
DAY_NUMBER_AFTER_RE = re.compile(r"\s*\((\d{1,2})\)")
#: A day of the month right after a weekday, as Spanish and Italian news write it ("el jueves
#: 17", "giovedì 17 e venerdì 18 dicembre"): it counts only if that day is such a weekday.
DAY_NUMBER_BARE_RE = re.compile(r"[ \t]+(\d{1,2})(?![\d.,:/]?\d)")
#: How many days around the publication a weekday with its day of the month is looked for
NUMBERED_DAYS = 14
#: A capitalised word right after, on the same line: what continues a name
NAME_AFTER_RE = re.compile(r"[ -][A-ZÀ-Ý]")
PUBLISHED_RE = re.compile(r"(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?")
CLAUSE_END_RE = re.compile(r"[,;:.!?()\[\]\"“”«»]")
#: A clause this short holds only a fronted date, so the next clause says what happens then.
FRONTED_WORDS = 4
#: A month this many months or fewer before the date its year comes from is in that year;
#: further back, it is in the next ("28 December 2023 – … talks resume on Jan. 3")
MONTHS_NEARER = 6
#: the words after a weekday in which a future cue still speaks of it ("Sunday's vote will")
WORDS_AFTER_RE = re.compile(r"(?:\W*\w+){0,4}")
CLAUSE_MARK_RE = re.compile(r"[,;:()\[\]—–]")  # what separates the clauses of a sentence
ROMAN = {"i": 1, "v": 5, "x": 10, "l": 50, "c": 100}
#: A possessive after a weekday: "by Sunday's vote" is no deadline, "for Monday's attack" no plan.
POSSESSIVE_RE = re.compile(r"['’]s\b")
#: How many words before a date are read for a past verb that it dates ("told reporters on")
REPORTED_WORDS = 4
WORD_RE = re.compile(r"[^\W\d_]+")
#: An offset runs on over the clause it opens only if the clause is at most this many words.
MAX_CLAUSE_WORDS = 8
#: How many characters before and after a match the cue checks look at.
CUE_WINDOW = 30
#: A day and month without a year at most this many days after the publication is to come.
SOON_DAYS = 31
#: How many months after the publication's an event set ahead is looked for (`_scheduled`),
#: and how many words before the month its noun may come
SCHEDULED_MONTHS = 3
SCHEDULED_WORDS = 4
#: The same for a feast ("before Christmas", "arrivare a Natale" written in October)
HOLIDAY_SOON_DAYS = 92
#: A date's clause of at most this many words is set off from the clause before it, over at
#: most this many such clauses ("…, à margem da reunião, em Bruxelas, no início de dezembro")
SET_OFF_WORDS = 4
SET_OFF_HOPS = 3
#: How many characters around a weekday an "at the latest" may be ("spätestens am ")
LATEST_WINDOW = 16
#: A year whose Easter falls in April, its usual month (2001: 15 April)
USUAL_EASTER_YEAR = 2001
#: a month lends its year to a bare month at most this many words after it
LEND_WORDS = 20
#: A date that opens its line and is followed by one of these is a chronology's entry
#: ("27 juillet : …", "23 GIUGNO - …", "March 3 | …")
ENTRY_DATE_RE = re.compile(r"[ \t]*[:–—|-]")
#: What may open a list item's line before its date: a bullet, spaces
LIST_MARKS = " \t-–•*·"
#: What may follow a date that is its line's heading ("**Wednesday, Dec. 9**", "7 DICEMBRE:")
HEADING_MARKS = " \t*_:.,;–—-|#"
#: How many sentences back a day the text gave dates a time of day ("The missile was fired on
#: Tuesday. … It fell at 7:48 a.m."); with none, a time is the publication's (or its entry's).
CLOCK_SENTENCES = 2
#: A text looks ahead when at least this many of the days it names are to come, and this many
#: times as many as those past (see `looks_ahead`).
AHEAD_DAYS = 3
AHEAD_RATIO = 3
#: The shortest word whose ending may mark a past tense ("apelou"; not "sou", "vou")
PAST_ENDING_LETTERS = 5
#: How near the publication (days) a day given in an earlier sentence must be to date a time
#: of day: a time dates the news of the moment, not "the last launch, on Oct. 31, 2024".
CLOCK_NEAR_DAYS = 7
#: The parts of a time of day's template that start the expression.
CLOCK_NUMBERS = ("hh_mm", "hhmm_gmt", "hour", "hour12", "number", "day_time")
#: What may come between a day and its time of day, which join in one expression ("Oct 25,
#: 2024 at 18:45", "17 septembre 2026 à 14h05", "5 p.m. yesterday").
CLOCK_JOIN_RE = re.compile(r"[\s,]*(?:[^\W\d_]{1,3}\.?|[-–—|·])?[\s,]*")
#: What may separate a weekday and the week it falls in: spaces and a short word or two
#: ("Wednesday of last week", "el lunes de la semana pasada", "lunedì della settimana scorsa")
WEEK_JOIN_RE = re.compile(r" +(?:[^\W\d_]{1,5} +){0,2}")


@dataclass(frozen=True)
class Event:
    """One temporal expression, normalised at its precision."""

    start_char: int  # offsets into the text
    end_char: int
    expression: str  # text[start_char:end_char]
    date: str  # "YYYY", "YYYY-MM" or "YYYY-MM-DD"; a range's or decade's start; "" if unresolved
    date_end: str  # a range's or decade's end, else ""
    precision: str  # "day", "month", "year", "decade", "range", or "" if unresolved
    resolved: str  # "explicit", "relative", "anchored" or "unresolved"


#: In an undated text, a month to come takes the last year named before it, unless that year
#: is more than this many years older than the latest the text names (a historical aside)
ASIDE_YEARS = 10


@dataclass(frozen=True)
class When:
    """A point in time at year, month or day precision."""

    year: int
    month: int | None = None
    day: int | None = None

    @property
    def precision(self) -> str:
        return "day" if self.day else "month" if self.month else "year"

    def as_date(self) -> date:
        """The calendar day (a When at day precision)."""
        return date(self.year, self.month, self.day)

    @classmethod
    def of(cls, day: date) -> When:
        """A calendar day as a When at day precision."""
        return cls(day.year, day.month, day.day)

    def iso(self) -> str:
        if self.day:
            return f"{self.year:04d}-{self.month:02d}-{self.day:02d}"
        if self.month:
            return f"{self.year:04d}-{self.month:02d}"
        return f"{self.year:04d}"

    @classmethod
    def parse(cls, iso: str) -> When | None:
        """Publication dates ("2024-06", "2024-01-16", anything after the date ignored)."""
        m = PUBLISHED_RE.match(iso.strip()) if iso else None
        if not m:
            return None
        year, month, day = (int(g) if g else None for g in m.groups())
        if month is None or not 1 <= month <= 12:
            return cls(year)
        if day is None or not _valid_day(year, month, day):
            return cls(year, month)
        return cls(year, month, day)


# -- the grammar ---------------------------------------------------------------------------


def _norm(phrase: str) -> str:
    return " ".join(phrase.replace("’", "'").lower().split())


def _alternation(phrases: Iterable[str]) -> str:
    """Phrases as one regular expression factored into a trie: a failing branch costs one
    character test, and a longer phrase is tried before its prefix. A space in a phrase
    matches any whitespace, an apostrophe either apostrophe."""
    tree: dict = {}
    for phrase in {_norm(p) for p in phrases if p.strip()}:
        node = tree
        for ch in phrase:
            node = node.setdefault(ch, {})
        node[""] = {}
    token = {" ": r"\s+", "'": "['’]"}

    def emit(node: dict) -> str:
        alts = [token.get(c, re.escape(c)) + emit(child) for c, child in sorted(node.items()) if c]
        if not alts:
            return ""
        if "" in node:
            return "(?:" + "|".join(alts) + ")?"
        return alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"

    return emit(tree) if tree else "(?!)"


@cache
def _listed_year_re(months: frozenset[str], cues: frozenset[str]) -> re.Pattern:
    """After a month: a conjunction, another month and its year ("October and November
    2024", "octubre y noviembre de 2024"), whose year the first month shares."""
    return re.compile(
        rf"\s*,?\s*(?:{_alternation(cues)}|[-–])\s+(?:{_alternation(months)})\.?"
        rf"\s+(?:(?:de|del|of)\s+)?(\d{{4}})\b"
    )


def _ending(phrases: Sequence[str]) -> re.Pattern | None:
    """A pattern for one of `phrases` that ends where a search's end position is."""
    if not phrases:
        return None
    return re.compile(rf"(?<!\w){_alternation(phrases)}(?:\s+|(?<=['’]))$")


def _anywhere(
    phrases: Sequence[str],
    endings: Sequence[str] = (),
    articles: Sequence[str] = (),
    perfect: Sequence[str] = (),
) -> re.Pattern | None:
    """A pattern for one of `phrases` as whole words (a clitic such as "'ll" right after its
    word: "We'll"), or a word with one of `endings` (a future tense's: "sarà", "firmarán")
    that no article precedes (a noun: "la cancillería"), anywhere in a search's range; neither
    before one of the `perfect` words, the participle that makes a conditional a past one
    ("sarebbe stato prelevato domenica", "aurait été tué", "habría sido detenido")."""
    words = [p for p in phrases if not _norm(p).startswith("'")]
    clitics = [p for p in phrases if _norm(p).startswith("'")]
    past = rf"(?!\s+{_alternation(perfect)}(?!\w))" if perfect else ""
    nouns = "".join(
        rf"(?<!{re.escape(a)})" if a.endswith("'") else rf"(?<!\b{re.escape(a)} )" for a in articles
    )
    parts = [rf"(?<!\w){_alternation(words)}(?!\w){past}"] if words else []
    parts += [rf"(?<=\w){_alternation(clitics)}(?!\w)"] if clitics else []
    if endings:
        ending = "|".join(map(re.escape, endings))
        parts += [rf"(?<!\w){nouns}\w{{2,}}(?:{ending})(?!\w){past}"]
    return re.compile("|".join(parts)) if parts else None


def _year_after(
    links: Sequence[str], relative: dict[str, tuple[str, int]], articles: Sequence[str] = ()
) -> re.Pattern | None:
    """A relative year (its phrase in group "year") right after a month, maybe after one of
    `links` and one of `articles`: "September last year", "settembre dell'anno scorso",
    "March of the following year"."""
    years = [p for p, (unit, _) in relative.items() if unit == "year" and " in " not in p]
    if not years:
        return None
    link = rf"(?:(?:{_alternation(links)})\s*)?" if links else ""
    article = rf"(?:(?:{_alternation(articles)})\s+)?" if articles else ""
    return re.compile(rf"\s+{link}{article}(?P<year>{_alternation(years)})(?!\w)")


def _starting(phrases: Sequence[str]) -> re.Pattern | None:
    """A pattern for one of `phrases` right at a search's start position."""
    if not phrases:
        return None
    return re.compile(rf"\s*{_alternation(phrases)}(?!\w)")


def _template_regex(template: str, index: int, classes: dict[str, str]) -> tuple[str, list[str]]:
    """A template as a regular expression with its placeholders as named groups
    (`g<index>_<name>`): a space is whitespace, " ?" optional whitespace, ' either apostrophe."""

    def literal(text: str) -> str:
        text = text.replace("’", "'").replace(" ?", "\0").replace(" ", r"\s+")
        return text.replace("\0", r"\s*").replace("'", "['’]")

    names, out, pos = [], [], 0
    for m in PLACEHOLDER_RE.finditer(template):
        out.append(literal(template[pos : m.start()]))
        names.append(m.group(1))
        out.append(f"(?P<g{index}_{m.group(1)}>{classes[m.group(1)]})")
        pos = m.end()
    out.append(literal(template[pos:]))
    return "".join(out), names


def _strings(value: object) -> Iterator[str]:
    """Every string in a TOML value: keys, values, list items."""
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for key, item in value.items():
            yield key
            yield from _strings(item)
    elif isinstance(value, list):
        for item in value:
            yield from _strings(item)


def _first_words(phrases: Iterable[str]) -> set[str]:
    return {
        LETTERS_RE.match(_norm(p)).group() if LETTERS_RE.match(_norm(p)) else "'" for p in phrases
    }


def _heads(template: str, class_heads: dict[str, set[str] | None]) -> set[str] | None:
    """The words a template can start with ("0" for a digit, "'" for an apostrophe), or None
    when its start is too intricate to tell (then no word is skipped)."""
    heads, nullable, _ = _sequence_heads(template, 0, class_heads)
    return None if heads is None or nullable else heads


def _sequence_heads(t: str, i: int, ch: dict) -> tuple[set[str] | None, bool, int]:
    """(first words, whether it can be empty, where it ends) of the template sequence at t[i]:
    words, placeholders and (?:...) groups, each optionally followed by "?"."""
    out: set[str] = set()
    while i < len(t) and t[i] not in "|)":
        if t[i] == " ":
            i += 1
            continue
        if t.startswith("(?:", i):
            heads, nullable, i = _sequence_heads(t, i + 3, ch)
            while i < len(t) and t[i] == "|":
                more, more_nullable, i = _sequence_heads(t, i + 1, ch)
                heads = None if heads is None or more is None else heads | more
                nullable = nullable or more_nullable
            i += 1  # the closing parenthesis
        elif t[i] == "{":
            end = t.index("}", i)
            heads, nullable, i = ch.get(t[i + 1 : end]), False, end + 1
        elif m := LETTERS_RE.match(t, i):
            heads, nullable, i = {m.group().lower()}, False, m.end()
        elif t[i] in "'’":
            heads, nullable, i = {"'"}, False, i + 1
        else:
            return None, False, i
        if i < len(t) and t[i] == "?":
            nullable, i = True, i + 1
        if heads is None:
            return None, False, i
        out |= heads
        if not nullable:
            return out, False, _sequence_end(t, i)
    return out, True, i


def _sequence_end(t: str, i: int) -> int:
    """Index of the "|" or ")" that ends the sequence t[i] is in (or len(t))."""
    depth = 0
    while i < len(t):
        if t[i] == "\\":
            i += 1
        elif t[i] == "(":
            depth += 1
        elif t[i] == ")" or (t[i] == "|" and depth == 0):
            if depth == 0:
                return i
            depth -= 1
        i += 1
    return i


def _cue_regex(phrases: Iterable[str], *, before: bool) -> re.Pattern | None:
    """A pattern for a cue right before (searched up to the match) or right after a number."""
    parts = []
    for phrase in sorted({_norm(p) for p in phrases}, key=len, reverse=True):
        body = r"\s+".join(re.escape(w) for w in phrase.split(" "))
        if before:
            parts.append((r"\b" if phrase[0].isalnum() else "") + body)
        else:
            parts.append(body + (r"(?!\w)" if phrase[-1].isalnum() else ""))
    if not parts:
        return None
    alt = "|".join(parts)
    return re.compile(rf"(?:{alt})\s*$" if before else rf"^\s*(?:{alt})", re.IGNORECASE)


def _shifts(table: dict[str, str]) -> dict[str, tuple[str, int]]:
    """Values "unit offset" ("year -1") as (unit, offset); a third word, the part of it a
    phrase names, is read by `_parts_named`."""
    out = {}
    for phrase, value in table.items():
        unit, offset, *_ = value.split()
        out[_norm(phrase)] = (unit, int(offset))
    return out


def _parts_named(table: dict[str, str]) -> dict[str, str]:
    """The part of its unit a phrase names by itself ("Jahresende" = "year 0 end"), by phrase."""
    return {_norm(p): v.split()[2] for p, v in table.items() if len(v.split()) == 3}


def _table(table: dict) -> dict:
    return {_norm(k): v for k, v in table.items()}


@dataclass(frozen=True)
class Feast:
    """A feast's day in a given year: a fixed one ("Christmas": month and day), one a number
    of days after Easter Sunday ("Good Friday": `easter` -2) or the `nth` `weekday` of a
    month ("Thanksgiving": the fourth Thursday of November; nth -1 the last one)."""

    month: int = 0
    day: int = 0
    easter: int | None = None
    weekday: int = 0  # ISO, Monday 1
    nth: int = 0

    @classmethod
    def read(cls, value: object) -> Feast:
        """From a language file: `[12, 25]`, `{easter = -2}` or `{month = 11, weekday = 4,
        nth = 4}`."""
        if isinstance(value, dict):
            return cls(**{k: int(v) for k, v in value.items()})
        month, day = value
        return cls(int(month), int(day))

    def on(self, year: int) -> tuple[int, int]:
        """Its month and day in `year`."""
        if self.easter is not None:
            when = easter(year) + timedelta(days=self.easter)
            return when.month, when.day
        if self.nth:
            days = [
                d
                for d in range(1, calendar.monthrange(year, self.month)[1] + 1)
                if date(year, self.month, d).isoweekday() == self.weekday
            ]
            return self.month, days[self.nth - 1 if self.nth > 0 else self.nth]
        return self.month, self.day


@dataclass(frozen=True)
class Alternative:
    """One compiled template: its kind and the placeholders it names."""

    kind: str
    names: tuple[str, ...]


@dataclass(frozen=True)
class Grammar:
    """One language's compiled templates and the tables that give a match its value."""

    code: str
    pattern: re.Pattern  # matches the character before the expression too
    pattern_at_start: re.Pattern  # for an expression at the very start of the text
    alternatives: tuple[Alternative, ...]
    months: dict[str, int]
    abbreviations: frozenset[str]
    capitalized: bool = False
    capitalised_nouns: bool = False  # German: a capital after a word starts no name
    #: written without spaces: the last character of a match may precede the next ("昨年12月")
    compact: bool = False
    year_articles: bool = False
    numeric_order: str = "dmy"
    numbers: dict[str, int] = field(default_factory=dict)
    durations: dict[str, int] = field(default_factory=dict)
    units: dict[str, str] = field(default_factory=dict)
    directions: dict[str, int] = field(default_factory=dict)
    modifiers: dict[str, str] = field(default_factory=dict)
    relative: dict[str, tuple[str, int]] = field(default_factory=dict)
    relative_parts: dict[str, str] = field(default_factory=dict)  # "jahresende": "end"
    anaphoric: dict[str, tuple[str, int]] = field(default_factory=dict)
    #: "that" (0), "the following" (+1) before a month: which such month after the last
    #: date the text gave
    month_anaphora: dict[str, int] = field(default_factory=dict)
    ordinals: dict[str, int] = field(default_factory=dict)
    day_words: dict[str, int] = field(default_factory=dict)  # "primo maggio"
    #: the first (1) or last (-1) months of a year; a named part's first and last month
    year_edges: dict[str, int] = field(default_factory=dict)
    year_parts: dict[str, tuple[int, int]] = field(default_factory=dict)
    holidays: dict[str, Feast] = field(default_factory=dict)
    #: a turning point of history that news names as a time ("the end of World War II",
    #: "la caída del Muro de Berlín"), with its year
    historic: dict[str, int] = field(default_factory=dict)
    weekdays: dict[str, int] = field(default_factory=dict)
    #: a word right before or after a weekday that makes it the coming one, or the one
    #: before, never the publication's own day ("next Tuesday", "martedì prossimo")
    weekday_next: frozenset[str] = frozenset()
    weekday_last: frozenset[str] = frozenset()
    #: forms of a weekday that name the last such day themselves, never the publication's
    #: own day (Swedish "i fredags": last Friday)
    weekday_last_forms: frozenset[str] = frozenset()
    #: a word right before a weekday that makes it the one of the publication's week, Monday
    #: to Sunday ("this Wednesday", "esta quarta-feira")
    weekday_this: frozenset[str] = frozenset()
    #: a past verb a few words before a weekday or month makes it past ("said Monday it
    #: would"), unless a word of `scheduled_for` comes between ("announced for Monday")
    reported_past: frozenset[str] = frozenset()
    #: words that open a clause of their own between a future cue and a date ("that started")
    clause_openers: frozenset[str] = frozenset()
    #: "that", "che", "dass": a date right after one opens the clause it introduces ("ha
    #: annunciato che giovedì un gruppo … arriverà"), not the reporting verb's
    complementizers: frozenset[str] = frozenset()
    #: "and", "or": after a date, one joins another verb of its own ("cut rates in October and
    #: is expected to hold them"), unless a date follows it ("in January and February")
    conjunctions: frozenset[str] = frozenset()
    scheduled_for: frozenset[str] = frozenset()
    #: "then", "puis": with a conjunction, what leads from a date to come on to a later month
    then_words: frozenset[str] = frozenset()
    #: events held on a date set ahead ("summit", "elections"): a month a few months after the
    #: publication's that one names is the coming one ("the G7 summit in June" written in
    #: April), not the one before
    scheduled_nouns: frozenset[str] = frozenset()
    #: the endings of a verb in the past ("inspected") and the words that make such a form a
    #: present passive ("is expected")
    past_suffixes: tuple[str, ...] = ()
    present_auxiliaries: frozenset[str] = frozenset()
    #: a deadline's cue (`deadline_cues`) or a plan's (`scheduled_for`) ending right before a
    #: weekday ("must leave by Sunday", "für Mittwoch")
    deadline_re: re.Pattern | None = None
    #: a past verb of lasting before a deadline's cue makes it a past span's end ("stayed …
    #: until Monday")
    lasted_re: re.Pattern | None = None
    #: a deadline's "at the latest" right before or after a weekday makes it the coming one,
    #: fronted or not ("By Thursday at the latest, … it will", "Spätestens am Donnerstag")
    latest_re: re.Pattern | None = None
    #: words after a clause direction that make it open a clause, where it needs one ("después
    #: de", "depois de"); none: it always may ("a day after Sharif told troops")
    clause_links_re: re.Pattern | None = None
    scheduled_re: re.Pattern | None = None
    #: a relative year right after a month, maybe after a link ("September of last year")
    year_after_re: re.Pattern | None = None
    #: the same for an anaphoric year: "March of that year", "marzo de ese año"
    anaphoric_year_after_re: re.Pattern | None = None
    decades: dict[str, int] = field(default_factory=dict)
    #: the words that place a number of units before the publication (-1: "the past two
    #: years"), after it (+1: "the next six months") or as a limit to come (0: "within four
    #: months")
    period_sides: dict[str, int] = field(default_factory=dict)
    #: a season's name and its months, first and last ("spring": 3, 5; "winter": 12, 2), and
    #: the words right before it (maybe with an article between) that make it a date ("in
    #: the spring", "im Herbst"; not "the spring offensive")
    seasons: dict[str, tuple[int, int]] = field(default_factory=dict)
    season_cues: frozenset[str] = frozenset()
    #: nouns a season's name may qualify ("in winter storms", "the spring session"): before
    #: one it names no time of the story
    season_nouns: frozenset[str] = frozenset()
    month_cues: frozenset[str] = frozenset()
    month_list_cues: frozenset[str] = frozenset()
    clause_directions: frozenset[str] = frozenset()
    deadline_cues: frozenset[str] = frozenset()
    #: the word that opens an infinitive after a verb ("promised to dissolve"): a deadline
    #: after it is the promised act's, not the time of the promise
    infinitive_markers: frozenset[str] = frozenset()
    #: nouns right after a date that make it a deadline ("the June 30 deadline"): to come
    deadline_nouns: frozenset[str] = frozenset()
    #: a word joining a deadline noun to the date after it: "a deadline of 30 June"
    deadline_links: frozenset[str] = frozenset()
    #: nouns of time given before a deadline's cue ("tempo fino a febbraio"): it is to come
    grant_nouns: frozenset[str] = frozenset()
    past_kept: frozenset[str] = frozenset()  # "since July": only ever a past one
    #: phrases ending right before a bare month or a year that make it a date as a cue does,
    #: and keep a year a year after a count's word ("as recently as August", "since at
    #: least 2024")
    phrase_cue_re: re.Pattern | None = None
    modified: dict[str, tuple[str, int]] = field(default_factory=dict)  # "the end of the year"
    past_month_re: re.Pattern | None = None
    next_month_re: re.Pattern | None = None  # "next June": the first June after publication
    next_month_after_re: re.Pattern | None = None  # "juin prochain", "junho que vem"
    past_month_after_re: re.Pattern | None = None  # "mars dernier", "marzo scorso"
    # relative phrases that are a date only without one of these words right before them
    # ("mañana" is tomorrow, "la mañana" the morning)
    ambiguous_relative: frozenset[str] = frozenset()
    ambiguous_before_re: re.Pattern | None = None
    future_re: re.Pattern | None = None
    #: participles among the future cues ("geplant", "angekündigt") and the past auxiliaries
    #: that, earlier in their clause, make them a past plan ("war im Oktober geplant",
    #: "hatte am 9. Oktober angekündigt")
    participle_cues: frozenset[str] = frozenset()
    past_auxiliaries_re: re.Pattern | None = None
    conditional_re: re.Pattern | None = None
    article_re: re.Pattern | None = None
    #: the same articles as words ("el", "the"): one between a future cue and a past
    #: participle puts the participle in a noun phrase of its own ("espera cerrar el acuerdo
    #: anunciado en noviembre")
    article_words: frozenset[str] = frozenset()
    approx_re: re.Pattern | None = None
    duration_re: re.Pattern | None = None
    not_year_before: re.Pattern | None = None
    attributive_year_before: re.Pattern | None = None
    earlier_month_re: re.Pattern | None = None  # "maggio precedente": the one before
    not_year_after: re.Pattern | None = None
    #: the words for a time of day ("midnight", "Mitternacht") as the language writes them: in
    #: another case they are part of a name ("Operation Midnight Hammer", "il Mezzogiorno")
    day_times: frozenset[str] = frozenset()
    day_time_re: re.Pattern | None = None  # the words before one that make it a time ("at")
    #: words of a past tense ("said", "hatte", "ha") and the endings of its verbs, for words in
    #: lower case of at least PAST_ENDING_LETTERS ("joined", "apelou", "anunció"): the reported
    #: verbs, past auxiliaries and past suffixes of the language file with its `past_words`
    #: and `past_endings`
    past_words: frozenset[str] = frozenset()
    past_endings: tuple[str, ...] = ()


def _whole_forms(forms: Iterable[str], shortest: int = LOCALE_MIN_LETTERS) -> list[str]:
    """The forms of a name that are no abbreviation of another ("сентября", not "сент"), one
    word each of at least `shortest` characters, lower case."""
    lowered = {_norm(f) for f in forms if " " not in f.strip() and not f.endswith(".")}
    return sorted(
        f
        for f in lowered
        if len(f) >= shortest and not any(g != f and g.startswith(f) for g in lowered)
    )


@cache
def _locale_data(code: str) -> dict:
    """A grammar's raw data for a language with no file of its own, from the locale data
    dateparser ships: its months, weekdays (in the cases it lists: "среду", "Środę") and the
    relative phrases of days, weeks, months and years ("вчера", "в прошлом году"), with the
    templates of `LOCALE_TEMPLATES`; Chinese, Japanese and Korean with their year, month and
    day signs ("2024年11月1日", "10월 18일", "31日") and no word boundaries (`compact`). {}
    where dateparser has no such locale, and for Thai."""
    profile = profiles().get(code)
    if profile is None or profile.script == "Thai":
        return {}
    try:
        module = importlib.import_module(f"dateparser.data.date_translation_data.{code}")
    except ImportError:
        return {}
    info = module.info
    compact = profile.script in COMPACT_SCRIPTS
    shortest = COMPACT_MIN_LETTERS if compact else LOCALE_MIN_LETTERS
    months = {
        f: k
        for k, key in enumerate(MONTH_KEYS, 1)
        for f in _whole_forms(info.get(key, ()), shortest)
    }
    months |= {f: k for k, f in enumerate(profile.month_locatives, 1)}
    weekdays = {
        f: k
        for k, key in enumerate(WEEKDAY_KEYS, 1)
        for f in _whole_forms(info.get(key, ()), shortest)
    }
    relative = {}
    for key, phrases in info.get("relative-type", {}).items():
        if m := LOCALE_RELATIVE_RE.match(key):
            unit = m.group("unit") or m.group("unit2")
            shift = -int(m.group("ago")) if m.group("ago") else int(m.group("hence"))
            words = [p.lower().split() for p in phrases]
            for phrase in words:  # not one with an abbreviated word ("в пр г")
                if not any(
                    w != v and v.startswith(w) for w in phrase for other in words for v in other
                ):
                    relative[" ".join(phrase)] = f"{unit} {shift:+d}" if shift else f"{unit} 0"
    temporal = {"weekdays": weekdays, "relative": relative}
    if compact:
        year, day = info.get("year", ["年"])[0], info.get("day", ["日"])[0]
        temporal |= {
            "compact": True,
            "day_suffixes": [day],
            "templates": {
                kind: [t.replace("{Y}", year) for t in ts] for kind, ts in COMPACT_TEMPLATES.items()
            },
        }
    else:
        # a bare month after a locative ("in januari") or a word for a part of it ("eind
        # september", "ultimo oktober")
        cues = profile.locatives | profile.month_parts
        locatives = "(?:" + "|".join(sorted(map(re.escape, cues))) + ")"
        links = info.get("pertain") or ()
        pertain = f"(?:(?:{'|'.join(sorted(map(re.escape, links)))}) )?" if links else ""
        temporal["templates"] = {
            kind: [t.replace("{locative}", locatives).replace("{pertain}", pertain) for t in ts]
            for kind, ts in LOCALE_TEMPLATES.items()
            if cues or kind != "month"
        }
    return {"months": months, "temporal": temporal}


def _abbreviations(months: dict[str, int]) -> frozenset[str]:
    """Month names that are a prefix of another name of the same month ("sept", "jan", and
    "may" in Spanish, beside "mayo")."""
    return frozenset(
        a
        for a, n in months.items()
        if any(b != a and b.startswith(a) and months[b] == n for b in months)
    )


def _guard(pattern: str, heads: set[str] | None, data: object) -> str:
    """A lookahead that rejects, at a word, most of the places no expression starts: words no
    template starts with, and words such as "the", "a" or "that" that start one only before
    another word of the grammar ("the following year", "a week later", "that day"), when the
    word after them is none. At most positions this replaces trying every template with one
    test of a trie, and the matches are the same: a head word counts as needing a next word
    only if the whole pattern matches nothing after it and a word outside the grammar.
    """
    if heads is None:
        return ""
    compiled = re.compile(pattern)
    words = {h for h in heads if h not in ("0", "'")}
    needy = {h for h in words if not compiled.match(f"{h} {OUTSIDE_WORD}")}
    vocabulary = {w for s in _strings(data) for w in WORD_RE.findall(_norm(s))}
    followed = (
        rf"{_alternation(needy)}(?!\w)"
        rf"(?!\s+(?!{_alternation(vocabulary)}(?!\w)|{ROMAN_RE})[^\W\d_])"
    )
    return rf"(?=\d|['’]|{_alternation(words - needy)}(?!\w)|{followed})"


@cache
def grammar(code: str) -> Grammar:
    """The compiled grammar of language `code` (without a [temporal] table: dates made of
    numbers and month names only)."""
    path = config.LANGUAGES_DIR / f"{code}.toml"
    raw = tomllib.loads(path.read_text(encoding="utf-8")) if path.exists() else _locale_data(code)
    data = raw.get("temporal", {})
    # Written without spaces between words ("政府は31日、"), an expression starts after any
    # character but a digit and ends before one (or after a sign: "昨年12月")
    compact = bool(data.get("compact", False))
    word_end = "" if compact else r"(?!\w)"
    months = _table(raw.get("months", {}))
    abbreviations = _abbreviations(months)
    full = [n for n in months if n not in abbreviations]
    suffixes = data.get("day_suffixes", [])
    suffix = rf"(?:{_alternation(suffixes)})?" if suffixes else ""
    modifiers = data.get("modifiers", {})
    numbers, ordinals = _table(data.get("numbers", {})), _table(data.get("ordinals", {}))
    decades = _table(data.get("decades", {}))
    day_words = _table(data.get("day_words", {}))
    number_words = rf"(?<!-){_alternation(numbers)}(?:-{_alternation(numbers)})?"  # twenty-seven

    day = rf"(?<![\d.,:])(?:3[01]|[12]\d|0?[1-9]){suffix}(?!\d)"
    any_month = rf"(?:{_alternation(full)}|{_alternation(abbreviations)}\.?)"
    vocabulary: dict[str, tuple[str, Iterable[str] | None]] = {  # (regex, words it starts with)
        "month": (any_month, months),
        "month_full": (_alternation(full), full),
        "month2": (any_month, months),  # the end of a span of months
        "day": (rf"(?:{day}|{_alternation(day_words)})" if day_words else day, [*day_words, "0"]),
        "day2": (day, ["0"]),  # the end of a span of days
        # a day with its ordinal suffix ("the 12th"; never in a language without suffixes)
        "day_nth": (
            rf"(?<![\d.,:])(?:3[01]|[12]\d|0?[1-9]){suffix[:-1]}{word_end}" if suffixes else "(?!)",
            ["0"],
        ),
        "number": (rf"(?:(?<![\d/.,-])\d{{1,2}}(?!\d)|{number_words})", [*numbers, "0"]),
        "ordinal": (rf"(?:\d{{1,2}}{suffix}|{_alternation(ordinals)})", [*ordinals, "0"]),
        "century": (rf"(?:\d{{1,2}}{suffix}|{ROMAN_RE}|{_alternation(ordinals)})", None),
        "decade": (rf"(?:(?:1[5-9]|20)\d0|{_alternation(decades)})", [*decades, "0"]),
        "decade2": (rf"(?:(?:1[5-9]|20)\d0|\d0|{_alternation(decades)})", [*decades, "0"]),
    }
    for name, key in VOCABULARY_CLASSES.items():
        vocabulary[name] = (_alternation(data.get(key, [])), data.get(key, []))
    vocabulary |= {name: (regex, ["0"]) for name, regex in DIGIT_CLASSES.items()}
    classes = {name: regex for name, (regex, _) in vocabulary.items()}
    class_heads = {
        name: ({"0"} if words == ["0"] else _first_words(words)) if words is not None else None
        for name, (_, words) in vocabulary.items()
    }

    kept_words = data.get("kept", [])
    mod_words = [m for key in MODIFIER_MONTH for m in modifiers.get(key, [])]
    heads: set[str] | None = _first_words(kept_words) | _first_words(mod_words)
    templates = dict(data.get("templates") or DEFAULT_TEMPLATES)
    for kind, common in COMMON_TEMPLATES.items():  # a language's own come first
        templates[kind] = [*templates.get(kind, []), *common]
    boundary = r"(?:(?<!\d)|(?!\d))" if compact else r"(?!\w)"
    alternatives: list[Alternative] = []
    bodies: list[str] = []
    for kind in KINDS:
        for template in templates.get(kind, []):
            regex, names = _template_regex(template, len(alternatives), classes)
            bodies.append(rf"(?P<k{len(alternatives)}>{regex}){boundary}")
            alternatives.append(Alternative(kind, tuple(names)))
            if kind in MODIFIED_ONLY:
                continue  # it starts no expression: its modifier does, and that is a head
            first = _heads(template, class_heads)
            heads = None if heads is None or first is None else heads | first
    sep = r"(?:\s*-\s*|\s+|(?<=['’]))"
    links = modifiers.get("links", [])
    link = rf"(?:\s+{_alternation(links)})?" if links else ""
    # The prefixes are lazy so that a template starting with the same word wins ("dal 2017 al
    # 2021" is a range; "dal luglio 2000" is a kept preposition and a month).
    unguarded = (
        rf"(?:(?P<kept>{_alternation(kept_words)}){sep}"
        rf"(?:(?P<article>{_alternation(data.get('articles', []))}){sep})?)??"
        rf"(?:(?P<mod>{_alternation(mod_words)}){link}{sep})??(?:{'|'.join(bodies)})"
    )
    guard = "" if compact else _guard(unguarded, heads, [data, raw.get("months", {}), templates])
    core = guard + unguarded
    return Grammar(
        code=code,
        pattern=re.compile(rf"[^\d]{core}" if compact else rf"[^\w]{core}"),
        pattern_at_start=re.compile(core),
        alternatives=tuple(alternatives),
        months=months,
        abbreviations=abbreviations,
        capitalized=bool(data.get("capitalized", False)),
        capitalised_nouns=bool(raw.get("capitalised_nouns", False)),
        compact=compact,
        year_articles=bool(data.get("year_articles", False)),
        numeric_order=data.get("numeric_order", "dmy"),
        numbers=numbers,
        durations=_table(data.get("durations", {})),
        units=_table(data.get("units", {})),
        directions=_table(data.get("directions", {})),
        modifiers={_norm(m): key for key in MODIFIER_MONTH for m in modifiers.get(key, [])},
        relative=_shifts(data.get("relative", {})),
        relative_parts=_parts_named(data.get("relative", {})),
        anaphoric=_shifts(data.get("anaphoric", {})),
        month_anaphora={_norm(k): int(v) for k, v in data.get("month_anaphora", {}).items()},
        ordinals=ordinals,
        day_words=day_words,
        year_edges=_table(data.get("year_edges", {})),
        year_parts={k: tuple(v) for k, v in _table(data.get("year_parts", {})).items()},
        holidays={k: Feast.read(v) for k, v in _table(data.get("holidays", {})).items()},
        historic={k: int(v) for k, v in _table(data.get("historic", {})).items()},
        weekdays=_table(data.get("weekdays", {})),
        weekday_next=frozenset(_norm(w) for w in data.get("weekday_next", [])),
        weekday_last=frozenset(_norm(w) for w in data.get("weekday_last", [])),
        weekday_last_forms=frozenset(_norm(w) for w in data.get("weekday_last_forms", [])),
        weekday_this=frozenset(_norm(w) for w in data.get("weekday_this", [])),
        reported_past=frozenset(_norm(w) for w in data.get("reported_past", [])),
        clause_openers=frozenset(_norm(w) for w in data.get("clause_openers", [])),
        complementizers=frozenset(_norm(w) for w in data.get("complementizers", [])),
        conjunctions=frozenset(_norm(w) for w in raw.get("conjunctions", [])),
        scheduled_for=frozenset(_norm(w) for w in data.get("scheduled_for", [])),
        then_words=frozenset(_norm(w) for w in data.get("then_words", [])),
        scheduled_nouns=frozenset(_norm(w) for w in data.get("scheduled_nouns", [])),
        past_suffixes=tuple(data.get("past_suffixes", [])),
        present_auxiliaries=frozenset(_norm(w) for w in data.get("present_auxiliaries", [])),
        deadline_re=_ending(data.get("deadline_cues", [])),
        lasted_re=_anywhere(data.get("lasted", [])),
        latest_re=_anywhere(data.get("latest_cues", [])),
        clause_links_re=_starting(data.get("clause_links", [])),
        scheduled_re=_ending(data.get("scheduled_for", [])),
        year_after_re=_year_after(data.get("year_links", []), _shifts(data.get("relative", {}))),
        anaphoric_year_after_re=_year_after(
            data.get("year_links", []), _shifts(data.get("anaphoric", {})), data.get("articles", [])
        ),
        decades=decades,
        period_sides=_table(data.get("period_sides", {})),
        seasons={k: tuple(v) for k, v in _table(data.get("seasons", {})).items()},
        season_cues=frozenset(_norm(c) for c in data.get("season_cues", [])),
        season_nouns=frozenset(_norm(c) for c in data.get("season_nouns", [])),
        month_cues=frozenset(_norm(c) for c in data.get("month_cues", [])),
        month_list_cues=frozenset(_norm(c) for c in data.get("month_list_cues", [])),
        clause_directions=frozenset(_norm(c) for c in data.get("clause_directions", [])),
        deadline_cues=frozenset(_norm(c) for c in data.get("deadline_cues", [])),
        infinitive_markers=frozenset(_norm(w) for w in data.get("infinitive_markers", [])),
        deadline_nouns=frozenset(_norm(w) for w in data.get("deadline_nouns", [])),
        deadline_links=frozenset(_norm(w) for w in data.get("deadline_links", [])),
        grant_nouns=frozenset(_norm(c) for c in data.get("grant_nouns", [])),
        past_kept=frozenset(_norm(c) for c in data.get("past_kept", [])),
        phrase_cue_re=_ending(data.get("phrase_cues", [])),
        modified=_shifts(data.get("modified", {})),
        past_month_re=_ending(data.get("past_month_cues", [])),
        next_month_re=_ending(data.get("next_month_cues", [])),
        next_month_after_re=_starting(data.get("next_month_after", [])),
        past_month_after_re=_starting(data.get("past_month_after", [])),
        ambiguous_relative=frozenset(_norm(w) for w in data.get("ambiguous_relative", [])),
        ambiguous_before_re=_ending(data.get("ambiguous_before", [])),
        future_re=_anywhere(
            data.get("future_cues", []),
            data.get("future_endings", []),
            data.get("articles", []),
            data.get("perfect_auxiliaries", []),
        ),
        conditional_re=_anywhere(
            data.get("conditional_cues", []), data.get("conditional_endings", [])
        ),
        participle_cues=frozenset(_norm(w) for w in data.get("participle_cues", [])),
        past_auxiliaries_re=_anywhere(data.get("past_auxiliaries", [])),
        article_re=_ending(data.get("articles", [])),
        article_words=frozenset(_norm(w) for w in data.get("articles", [])),
        approx_re=_ending(data.get("approx", [])),
        duration_re=_ending(data.get("duration_cues", [])),
        not_year_before=_cue_regex(data.get("not_year_before", []), before=True),
        attributive_year_before=_cue_regex(data.get("attributive_year_cues", []), before=True),
        earlier_month_re=_cue_regex(data.get("earlier_month_cues", []), before=False),
        not_year_after=_cue_regex(data.get("not_year_after", []), before=False),
        day_times=frozenset(data.get("day_times", [])),
        day_time_re=_ending(data.get("day_time_cues", [])),
        past_endings=tuple(
            _norm(e) for key in ("past_suffixes", "past_endings") for e in data.get(key, [])
        ),
        past_words=frozenset(
            _norm(w)
            for key in ("reported_past", "past_auxiliaries", "past_words")
            for w in data.get(key, [])
        ),
    )


# -- values --------------------------------------------------------------------------------


def _valid_day(year: int | None, month: int, day: int) -> bool:
    return 1 <= day <= calendar.monthrange(year or 2000, month)[1]  # 2000 allows 29 February


def _roman(text: str) -> int | None:
    values = [ROMAN.get(c) for c in text.lower()]
    if not values or None in values:
        return None
    return sum(-v if i + 1 < len(values) and values[i + 1] > v else v for i, v in enumerate(values))


def _shift(when: When | None, unit: str, n: int) -> When | None:
    """`when` moved by n units, at the unit's precision; None when `when` is too coarse."""
    if when is None:
        return None
    if unit == "decade":
        unit, n = "year", 10 * n
    if unit == "year":
        return When(when.year + n)
    if unit == "month":
        if when.month is None:
            return None
        year, month = divmod(when.year * 12 + when.month - 1 + n, 12)
        return When(year, month + 1)
    if unit in ("week", "day") and when.day is not None:
        days = n * (7 if unit == "week" else 1)
        moved = when.as_date() + timedelta(days=days)
        return When.of(moved)
    return None


Resolution = tuple[str, str, str, str]  # date, date_end, precision, resolved
NOT_RESOLVED: Resolution = ("", "", "", UNRESOLVED)


def _point(when: When | None, how: str) -> Resolution:
    return (when.iso(), "", when.precision, how) if when else NOT_RESOLVED


def _span(start: When | None, end: When | None, precision: str, how: str) -> Resolution:
    return (start.iso(), end.iso(), precision, how) if start and end else NOT_RESOLVED


def _days(first: date, last: date, how: str) -> Resolution:
    """The range of calendar days from `first` to `last`."""
    return _span(
        When.of(first),
        When.of(last),
        "range",
        how,
    )


def _week(day: date, how: str) -> Resolution:
    """The Monday-Sunday week of `day`."""
    monday = day - timedelta(days=day.weekday())
    return _days(monday, monday + timedelta(days=6), how)


@dataclass
class Match:
    """One template match: its kind, span and the text and span of each named part."""

    kind: str
    start: int
    end: int
    parts: dict[str, tuple[str, int, int]]

    def get(self, name: str) -> str | None:
        part = self.parts.get(name)
        return part[0] if part else None


#: The word after a day, or the one after that ("dia 5 de março", "the 21st of August").
MONTH_AFTER_RE = re.compile(r"\s+(?:\w+\s+)?(\w+\.?)")

#: what an anchor must give for a shift by this unit ("the following day" needs a day)
UNIT_PRECISION = {"day": "day", "week": "day", "month": "month"}


@dataclass(frozen=True)
class Anchor:
    """A date the text gives, for expressions that count from it ("two months later")."""

    start: int
    sentence: int
    when: When
    year_given: bool  # the text gives the year (explicitly or through an earlier date)
    opens: bool = False  # it opens its sentence ("In 2018, ..."): the sentence is set then
    #: it opens a chronology's entry ("March 28, 2024 — …"): the whole entry is set then
    entry: bool = False
    #: it fills its line (a diary's or an agenda's heading: "MONDAY, DECEMBER 7"): the lines
    #: under it are set then
    heading: bool = False
    clock: bool = False  # a time of day's, which takes its day from another


def _lower(text: str) -> str:
    """`text` in lower case, character for character (so that offsets stay valid)."""
    lower = text.lower()
    if len(lower) == len(text):
        return lower
    return "".join(c.lower() if len(c.lower()) == 1 else c for c in text)


class _Scanner:
    """Finds and resolves the expressions of one article, sentence by sentence, keeping the
    dates found so far as anchors for the expressions that refer back."""

    def __init__(self, text: str, published: When | None):
        self.text = text
        self.lower = _lower(text)
        self.published = published
        self.anchors: list[Anchor] = []
        self.sentence = 0
        self.sentence_start, self.sentence_end = 0, len(text)
        self.last_end = -1  # end of the last expression found
        #: the end and the day of the last weekday resolved ("sabato e domenica")
        self.last_weekday: tuple[int, date] | None = None
        #: how many days the text named to come and past (weekdays only where a word placed
        #: them), and how many weekdays no word placed; with `ahead`, these take the coming
        #: day (see `extract`)
        self.days_to_come = self.days_past = self.weekdays_unplaced = 0
        self.ahead = False
        #: the year a month took from the anaphoric year after it, by where that phrase starts
        #: ("March of the following year": the phrase is that year, not one after March's)
        self.years_lent: dict[int, int] = {}
        #: the end and the date of the last expression of this sentence that is to come
        self.last_future: tuple[int, When] | None = None
        #: the end and the month of the last month named alone ("December and January")
        self.last_month: tuple[int, When] | None = None

    # -- finding ---------------------------------------------------------------------------

    def scan(self, g: Grammar, sentence: int, start: int, end: int) -> list[Event]:
        self.sentence, self.sentence_start, self.sentence_end = sentence, start, end
        self.last_future = None
        found: list[Event] = []
        clocks: list[int] = []  # which of `found` are times of day
        weekdays: list[int] = []  # which of `found` are weekdays
        for m, (value, value_end, precision, how) in self.candidates(g, start, end):
            if m.kind == "clock":
                clocks.append(len(found))
            elif m.kind == "weekday":
                weekdays.append(len(found))
            found.append(
                Event(m.start, m.end, self.text[m.start : m.end], value, value_end, precision, how)
            )
            self.last_end = m.end
            today = self.published.iso() if self.published else ""
            if today and value and value[:10] > today:
                self.last_future = (m.end, When.parse(value))
            if today and m.kind not in ("weekday", "clock") and precision == "day":
                # a day the text names, to come or past: how far the text looks ahead
                if value[:10] > today:
                    self.days_to_come += 1
                elif value[:10] < today:
                    self.days_past += 1
            # "By 2026" bounds a happening rather than dating it; "this year" is a guess, but
            # "yesterday" names its day ("ieri … Poche ore prima").
            countable = (
                how in (EXPLICIT, ANCHORED)
                or (how == RELATIVE and m.kind in NAMED_KINDS)
                or (how == RELATIVE and m.kind == "relative" and precision == "day")
            )
            if (
                countable
                and precision in ANCHOR_PRECISIONS
                and "kept" not in m.parts
                and not self.attributive(g, m)
            ):
                # The text gives the year: written, or taken from such a date (not computed).
                year_given = how == EXPLICIT or (how == ANCHORED and m.kind in NAMED_KINDS)
                opens = len(self.text[start : m.start].split()) <= 2
                self.anchors.append(
                    Anchor(
                        m.start,
                        sentence,
                        When.parse(value),
                        year_given,
                        opens,
                        self._entry_date(m),
                        self._fills_line(m.start, m.end),
                        m.kind == "clock",
                    )
                )
        if weekdays:
            found, clocks = self._join_weeks(g, found, weekdays, clocks)
        return self._join_clocks(found, clocks) if clocks else found

    def _join_weeks(
        self, g: Grammar, found: list[Event], weekdays: list[int], clocks: list[int]
    ) -> tuple[list[Event], list[int]]:
        """A weekday right before or after a week ("Monday last week", "vorige week
        donderdag", "Mittwoch der kommenden Woche", "el lunes de la semana pasada") is one
        expression: that day of that week. Returns the events and the new indices of
        `clocks`."""
        joined: dict[int, Event] = {}  # index of the weekday -> the expression of both
        gone: set[int] = set()  # the weeks taken into a weekday
        for i in weekdays:
            day = found[i]
            if len(day.date) != 10:  # not resolved: nothing to place in a week
                continue
            for j in (i - 1, i + 1):
                if not 0 <= j < len(found) or j in gone or j in joined:
                    continue
                week = found[j]
                if not self._a_week(week) or not self._next_to(g, day, week):
                    continue
                monday = date.fromisoformat(week.date)
                weekday = date.fromisoformat(day.date).isoweekday()
                first, last = sorted((day, week), key=lambda e: e.start_char)
                joined[i] = Event(
                    first.start_char,
                    last.end_char,
                    self.text[first.start_char : last.end_char],
                    (monday + timedelta(days=weekday - 1)).isoformat(),
                    "",
                    "day",
                    week.resolved,
                )
                gone.add(j)
                break
        if not joined:
            return found, clocks
        kept = [k for k in range(len(found)) if k not in gone]
        return [joined.get(k, found[k]) for k in kept], [kept.index(k) for k in clocks]

    @staticmethod
    def _a_week(event: Event) -> bool:
        """Whether an event is one whole calendar week, Monday to Sunday ("last week")."""
        if event.precision != "range" or len(event.date) != 10 or len(event.date_end) != 10:
            return False
        first, last = date.fromisoformat(event.date), date.fromisoformat(event.date_end)
        return first.isoweekday() == 1 and (last - first).days == 6

    def _next_to(self, g: Grammar, day: Event, week: Event) -> bool:
        """Whether nothing but spaces and a short word or two ("of", "de la", "della")
        separate a weekday and a week, none of them a list word ("last week and on Friday"),
        and the later one is no possessive ("Monday last week's talks")."""
        first, last = sorted((day, week), key=lambda e: e.start_char)
        gap = self.text[first.end_char : last.start_char]
        if POSSESSIVE_RE.match(self.text, last.end_char) or not WEEK_JOIN_RE.fullmatch(gap):
            return False
        return not any(_norm(w) in g.month_list_cues for w in gap.lower().split())

    def _join_clocks(self, found: list[Event], clocks: list[int]) -> list[Event]:
        """A time of day right before or after a day of the same sentence is part of that
        day's expression, which dates the sentence already ("Oct 25, 2024 at 18:45", "5 p.m.
        yesterday"): it goes. One before a day further on in the sentence takes that day ("at
        5 p.m. on Friday, the talks …")."""
        days = [e for i, e in enumerate(found) if i not in clocks and e.precision == "day"]
        out = []
        for i, event in enumerate(found):
            if i in clocks:
                if any(self._joined(event, day) for day in days):
                    continue
                later = next((d for d in days if d.start_char > event.start_char), None)
                if event.resolved == RELATIVE and later and not self._opens_line(event.start_char):
                    event = replace(event, date=later.date, resolved=ANCHORED)
            out.append(event)
        return out

    def _joined(self, a: Event, b: Event) -> bool:
        """Whether only a comma, a dash or a short word ("at", "à", "um") separates them."""
        first, last = sorted((a, b), key=lambda e: e.start_char)
        gap = self.text[first.end_char : last.start_char]
        return "\n" not in gap and CLOCK_JOIN_RE.fullmatch(gap) is not None

    def candidates(self, g: Grammar, start: int, end: int) -> Iterator[tuple[Match, Resolution]]:
        """Matches between `start` and `end`, left to right, with their values; a match that
        fails a check gives way to whatever matches from the next word on."""
        pos = max(start - 1, 0)  # the character before the sentence may precede a match
        while pos < end:
            at_start = pos == start == 0 and (m := g.pattern_at_start.match(self.lower, 0, end))
            if not at_start:
                m = g.pattern.search(self.lower, pos, end)
            if m is None:
                return
            found = self.read(g, m, bool(at_start))
            resolved = self.resolve(g, found) if self.acceptable(g, found, start) else None
            if resolved is None:
                pos = m.start() + 1  # past the rejected match's first character
                continue
            yield found, resolved
            pos = found.end - g.compact

    def read(self, g: Grammar, m: re.Match, at_start: bool) -> Match:
        i = m.lastgroup[1:]
        alt = g.alternatives[int(i)]
        groups = [(f"g{i}_{name}", name) for name in alt.names]
        if alt.kind not in UNPREFIXED:
            groups += [("kept", "kept"), ("article", "article"), ("mod", "mod")]
        parts = {
            name: (m.group(group), m.start(group), m.end(group))
            for group, name in groups
            if m.group(group) is not None
        }
        begin = m.start(m.lastgroup) if alt.kind in UNPREFIXED else m.start() + (not at_start)
        if (
            "article" in parts
            and "mod" not in parts
            and alt.kind not in ARTICLE_KINDS
            and not g.year_articles
        ):  # "after the 2008 election": "after" goes with "election", not with the year
            begin = m.start(m.lastgroup)
            del parts["kept"], parts["article"]
        if alt.kind == "clock":  # "alle 15.30", "à 14h": the words that lead to a time stay out
            begin = min(parts[n][1] for n in CLOCK_NUMBERS if n in parts)
        # An article or an approximation right before belongs to some kinds of expression.
        if alt.kind in APPROX_KINDS:
            begin = self.lead(g.approx_re, begin)
        if alt.kind in ARTICLE_KINDS or ("mod" in parts and "kept" not in parts):
            begin = self.lead(g.article_re, begin)
        return Match(alt.kind, begin, m.end(), parts)

    def attributive(self, g: Grammar, m: Match) -> bool:
        """Whether a year qualifies a noun ("the 2015 nuclear deal", "il trattato del 1951",
        "der Vertrag von 1951"): it dates that thing, not the story told around it, so nothing
        else takes its year."""
        if m.kind != "year":
            return False
        if not g.year_articles and self.lead(g.article_re, m.start) != m.start:
            return True
        return self.lead(g.attributive_year_before, m.start) != m.start

    def future_cue(self, g: Grammar, start: int, end: int) -> re.Match | None:
        """The first future cue between `start` and `end` that is no past plan: a participle
        cue after a past auxiliary in its clause ("Die Reise war im Oktober geplant")."""
        for c in g.future_re.finditer(self.lower, start, end):
            if not self.past_participle(g, c) and not self._month_named(g, c):
                return c
        return None

    def past_participle(self, g: Grammar, cue: re.Match) -> bool:
        """Whether a future cue is a participle that a past auxiliary earlier in its clause
        puts in the past ("hatte am 9. Oktober angekündigt")."""
        if g.past_auxiliaries_re is None or _norm(cue.group()) not in g.participle_cues:
            return False
        start = self.clause_start(cue.start())
        return g.past_auxiliaries_re.search(self.lower, start, cue.start()) is not None

    def speaks_of_future(
        self, g: Grammar, position: int, end: int | None = None, span: int | None = None
    ) -> bool:
        """Whether the clause around `position` has a future cue ("will", "next", "sarà",
        "firmarán"); a clause runs between punctuation marks ("ended its pact in November,
        and the last soldiers are due to leave": November is past).

        With the expression's `end` (a weekday), a cue counts only before it or in the next
        few words ("the vote on Sunday will"; not "summoned the envoy on Thursday and said
        it would …"), unless the date is fronted alone ("On Sunday, the leaders will …").
        With `span`, the end of an expression without a weekday, the expression counts as one
        word of the clause it may front ("On the afternoon of 11 June, Mexico will …")."""
        if g.future_re is None:
            return False
        start = self.clause_start(position)
        marks = CLAUSE_MARK_RE.finditer(self.text, position, self.sentence_end)
        ends = [m.start() for m in marks] + [self.sentence_end]
        if end is not None:
            own = self.text[start:position] + " " + self.text[end : ends[0]]
            # a weekday that opens its sentence dates the clause it opens ("Lunedì i
            # ministri … discuteranno"), read as a fronted one is
            opens = (
                start == self.sentence_start and not self.text[start:position].strip()
            ) or self._after_complementizer(g, position)
            if (len(own.split()) > 1 or len(ends) == 1) and not opens:  # not fronted alone
                return bool(self.future_cue(g, start, self.words_after(g, end, ends[0])))
        # A date set off at the end of its clause belongs to the clause before it: "vai
        # sediar a cúpula no Rio de Janeiro, em julho"; at the end of its sentence, over
        # short asides: "deverá discutir o tema …, à margem da reunião, em Bruxelas, no
        # início de dezembro."
        hops = 0
        # (not after a colon, which opens what follows: "calcula o efeito interno: em outubro,
        # Lula deve disputar a reeleição")
        if (
            start > self.sentence_start
            and self.text[start - 1] != ":"
            and len(self.text[start : ends[0]].split()) <= 3
        ):
            start, hops = self.clause_start(start - 1), 1
        if len(ends) == 1:  # and over short asides before it: "…, Pedro Sánchez, en abril."
            for _ in range(SET_OFF_HOPS - hops):
                if start <= self.sentence_start:
                    break
                if len(self.text[start : self._clause_end(start)].split()) > SET_OFF_WORDS:
                    break
                start = self.clause_start(start - 1)
        # A clause that a future cue introduces, closing the one before it: "Trump kündigte
        # an, … im Juli … einzuladen".
        if start > self.sentence_start and self.cue_closes(g, start - 1):
            return True
        # A fronted date's clause runs on, over short asides: "Antes, a fines de julio, …
        # viajará", "Da settembre, intanto, Air China raddoppierà".
        segment, i = start, 0
        inside = len(self.text[position:span].split()) - 1 if span and span <= ends[0] else 0
        while len(self.text[segment : ends[i]].split()) - (
            inside if i == 0 else 0
        ) <= FRONTED_WORDS and i + 1 < len(ends):
            segment, i = ends[i] + 1, i + 1
        cue = self.future_cue(g, start, ends[i])
        return cue is not None and not self.reports(g, position, cue.start())

    def reports(self, g: Grammar, position: int, cue: int) -> bool:
        """Whether a verb in a past tense comes between a date at `position` and a future
        cue after it at `cue`: the cue is in what was said, not in what the date tells the
        time of ("El jueves, la embajada difundió un comunicado en el que sostuvo que …
        debería", "On Monday, officials said talks will resume")."""
        words = WORD_RE.finditer(self.lower, position, cue)
        return any(w.group() in g.reported_past for w in words)

    def words_after(self, g: Grammar, end: int, limit: int) -> int:
        """Where the few words after an expression that may still hold its clause's cue end:
        before `limit` and before a word that opens a clause of its own ("asked on Tuesday
        how Japan would respond", "said on Thursday that it would") or a conjunction that
        joins another verb ("cut rates in October and is expected to")."""
        after = WORDS_AFTER_RE.match(self.text, end, limit)
        return self._clause_words_end(g, end, after.end() if after else end, limit)

    def _clause_words_end(self, g: Grammar, start: int, stop: int, limit: int) -> int:
        """Where the words from `start` stop belonging to one clause: before a word that
        opens a clause of its own or a conjunction that joins another verb (the word after a
        conjunction is read up to `limit`), else `stop`."""
        for w in WORD_RE.finditer(self.lower, start, stop):
            if w.group() in g.clause_openers:
                return w.start()
            if w.group() in g.conjunctions:  # "in October and is expected to hold"
                following = WORD_RE.search(self.lower, w.end(), limit)
                word = following.group() if following else ""
                named = following is not None and self.text[following.start()].isupper()
                # not "January and February", nor a subject of two names ("a giugno Mosca e
                # Pyongyang festeggeranno")
                if not (word in g.months or word[:1].isdigit() or named):
                    return w.start()
        return stop

    def cue_closes(self, g: Grammar, mark: int) -> bool:
        """Whether the clause ending at the clause mark `mark` ends with a future cue."""
        before = max(self.clause_start(mark), mark - CUE_REACH)
        return any(
            not self.text[c.end() : mark].strip()
            for c in g.future_re.finditer(self.lower, before, mark)
        )

    def _clause_end(self, position: int) -> int:
        """Where the clause holding `position` ends: at the next clause mark, else at the
        sentence's end."""
        mark = CLAUSE_MARK_RE.search(self.text, position, self.sentence_end)
        return mark.start() if mark else self.sentence_end

    def clause_start(self, position: int) -> int:
        """Where the clause holding `position` starts: after the last clause mark before it
        in the sentence, else at the sentence's start."""
        marks = [
            m.start() for m in CLAUSE_MARK_RE.finditer(self.text, self.sentence_start, position)
        ]
        return marks[-1] + 1 if marks else self.sentence_start

    def words_before(self, start: int, position: int) -> list[re.Match]:
        """The few words (`REPORTED_WORDS`) before `position`, none before `start` (its
        clause's start), where a reported verb may be what a date at `position` tells of."""
        return list(WORD_RE.finditer(self.lower, start, position))[-REPORTED_WORDS:]

    def reported_before(self, g: Grammar, position: int) -> bool:
        """Whether a verb in a past tense, among the few words of its clause before
        `position`, is what the date there tells the time of: "said Monday it would",
        "told reporters on Tuesday that …", "ha annunciato lunedì che …". Not with a future
        cue earlier in the clause ("will be announced Monday") or a word like "for" between
        ("announced for Monday")."""
        if not g.reported_past or self._after_complementizer(g, position):
            return False
        start = self.clause_start(position)
        words = self.words_before(start, position)
        for i in range(len(words) - 1, -1, -1):
            if words[i].group() in g.reported_past:
                between = {w.group() for w in words[i + 1 :]}
                # a cue before the verb with an article between governs another noun
                # phrase: "espera cerrar el acuerdo anunciado en noviembre"
                return not (between & g.scheduled_for) and not (
                    g.future_re
                    and any(
                        c.start() > words[i].start()
                        or not self._article_between(g, c.end(), words[i].start())
                        for c in g.future_re.finditer(self.lower, start, position)
                    )
                )
        return False

    def _article_between(self, g: Grammar, start: int, end: int) -> bool:
        """Whether one of the language's articles stands between `start` and `end`."""
        return any(
            _norm(w.group()) in g.article_words for w in WORD_RE.finditer(self.lower, start, end)
        )

    def _previous_words(self, position: int) -> list[str]:
        """The few words of the sentence before `position`, normalised."""
        return [_norm(w.group()) for w in self.words_before(self.sentence_start, position)]

    def _after_complementizer(self, g: Grammar, position: int) -> bool:
        """Whether a complementizer comes right before `position`, or before a short word
        such as a preposition ("announced that on Thursday the team will arrive", "ha
        annunciato che giovedì …"): the date opens the clause it introduces."""
        words = self._previous_words(position)
        if words and words[-1] in g.complementizers:
            return True
        return len(words) > 1 and len(words[-1]) <= 3 and words[-2] in g.complementizers

    def _deadline(self, g: Grammar, m: Match) -> bool:
        """Whether a plan's cue ("Für Mittwoch ist … geplant") or a deadline's comes right
        before a weekday; a deadline's after other words of its clause ("must leave by
        Sunday", "to be staged until Friday"): fronted, it tells a story's time ("By Sunday
        morning the guns fell silent")."""
        if POSSESSIVE_RE.match(self.text, m.end):  # "for Monday's attack"
            return False
        if self.lead(g.scheduled_re, m.start) != m.start:
            return True
        if _norm(m.get("kept") or "") in g.scheduled_for:  # "a partir de segunda-feira"
            return True
        if g.latest_re is not None and g.latest_re.search(
            self.lower, max(self.sentence_start, m.start - LATEST_WINDOW), m.end + LATEST_WINDOW
        ):
            return True  # "By Thursday at the latest", "spätestens am Donnerstag"
        kept = _norm(m.get("kept") or "") in g.deadline_cues  # the expression holds its cue
        cue = m.start if kept else self.lead(g.deadline_re, m.start)
        if cue == m.start and not kept:
            return False
        clause = self.clause_start(m.start)
        if g.lasted_re is not None and g.lasted_re.search(self.lower, clause, cue):
            return False  # "a curfew that stayed in force until Monday": how long it lasted
        return WORD_RE.search(self.lower, clause, cue) is not None

    def _listed_end(self, g: Grammar, end: int, names: Collection[str] | None = None) -> int:
        """The end of the list of weekdays (or of `names`, such as months) an expression
        opens ("Lunedì e martedì se ne parlerà": a future cue after the list speaks of
        each)."""
        names = g.weekdays if names is None else names
        while (link := NEXT_WORD_RE.match(self.lower, end, self.sentence_end)) and _norm(
            link.group(1)
        ) in g.month_list_cues:
            day = NEXT_WORD_RE.match(self.lower, link.end(), self.sentence_end)
            if not day or _norm(day.group(1)) not in names:
                break
            end = day.end()
        return end

    def _holiday_in_name(self, g: Grammar, start: int, end: int) -> bool:
        """Whether a feast's name is no feast: one without a capital ("la sua città natale" is
        a hometown; "am ersten Weihnachtstag" has one), joined to a name ("Jean-Noël") or
        followed by one, where nouns are written in lower case ("Christmas Island", "Noël
        Mamère")."""
        if self.text[start:end].islower() or self.text[start - 1 : start] == "-":
            return True
        after = NAME_AFTER_RE.match(self.text, end)
        return bool(after) and not g.capitalised_nouns

    def lead(self, pattern: re.Pattern | None, begin: int) -> int:
        """`begin` moved back over a match of `pattern` that ends right there (in the
        sentence)."""
        lowest = max(self.sentence_start, begin - CUE_WINDOW)
        found = pattern and pattern.search(self.lower, lowest, begin)
        return found.start() if found else begin

    def acceptable(self, g: Grammar, m: Match, sentence_start: int) -> bool:
        """The checks a template cannot express: case, cues before a bare month, count and
        identifier words around a number."""
        for name in ("month", "month_full", "month2", "weekday"):
            if g.capitalized and name in m.parts and not self.text[m.parts[name][1]].isupper():
                return False
        if DECIMAL_AFTER_RE.match(self.text, m.end) and not FOOTNOTE_AFTER_RE.match(
            self.text, m.end
        ):
            return False
        if m.kind == "holiday" and self._holiday_in_name(g, *m.parts["holiday"][1:]):
            return False
        if m.kind in MODIFIED_ONLY and "mod" not in m.parts:
            return False  # "the year" alone is no date; "the end of the year" is
        # Where month names are written in lower case, a capitalised one on its own is part of
        # a name ("Plaza de Mayo"), unless a cue that links no name comes right before it (a
        # paper that capitalises months: "em Julho", "até Setembro").
        before = self.lower[max(sentence_start, m.start - CUE_WINDOW) : m.start]
        name = m.parts.get("month_full") or m.parts.get("month")
        if m.kind == "month" and name and not g.capitalized and self.text[name[1]].isupper():
            word = PREVIOUS_WORD_RE.search(self.lower, sentence_start, name[1])
            cue = _norm(word.group(1)) if word else ""
            if cue not in g.month_cues or cue in NAME_LINKS:
                return False
        if (
            m.kind == "relative"
            and g.relative.get(_norm(m.get("relative") or ""), ("",))[0] == "season_begun"
            and SEASON_YEAR_RE.match(self.text, m.end)
        ):
            return False  # "seit dem Herbst 2024": that year's, which the year gives
        if m.kind == "relative" and _norm(m.get("relative") or "") in g.ambiguous_relative:
            at = m.parts["relative"][1]  # the word before the phrase, in the match or not
            if self.lead(g.ambiguous_before_re, at) != at:
                return False  # "por la mañana", "cada mañana": the morning
        qualified = "kept" in m.parts or "mod" in m.parts
        month = m.get("month")
        if (  # "mar 2023" is the sea, "mar. 2023" and "4 abr" (a wire dateline) March, April
            month
            and m.kind not in ("date", "wire_stamp")
            and not m.get("day")
            and not g.capitalized
            and not month.endswith(".")
            and _norm(month) in g.abbreviations
        ):
            return False
        # a bare month ("in May", not "Theresa May"), and an ordinal day ("on the 12th", not
        # "the 12th amendment"), only after a cue
        if (m.kind == "month" or "day_nth" in m.parts) and g.month_cues and not qualified:
            word = PREVIOUS_WORD_RE.search(before)
            cue = _norm(word.group(1)) if word else ""
            # "April and May": a list word counts right after another expression.
            listed = cue in g.month_list_cues and self.last_end >= sentence_start
            if listed:
                listed = _norm(self.lower[self.last_end : m.start].strip(" ,")) == cue
            if cue not in g.month_cues and not listed and not self._phrase_cued(g, m):
                return False
        if m.kind == "season" and not self._season_cued(g, m, sentence_start):
            return False
        if m.kind in APPROX_KINDS and self.lead(g.duration_re, m.start) != m.start:
            return False  # "for four years before that" is a length of time
        if m.kind in ("year", "year_range"):
            if m.kind == "year" and not BARE_YEARS[0] <= int(m.get("year")) <= BARE_YEARS[1]:
                return False
            after = self.lower[m.end : m.end + CUE_WINDOW]
            if g.not_year_after and g.not_year_after.search(after):
                return False
            if (
                not qualified
                and g.not_year_before
                and g.not_year_before.search(before)
                and not self._phrase_cued(g, m)
            ):
                return False
        return True

    def _season_cued(self, g: Grammar, m: Match, sentence_start: int) -> bool:
        """Whether a season's name is a date: after a word of `season_cues`, maybe with an
        article between ("in the spring", "im Herbst", "en primavera"), or a deadline's cue
        ("by the spring"); in lower case where the language writes it so ("the Arab Spring",
        "the Spring Festival" are names); with no year right after it ("spring 2025",
        "the summer of 2023": that year is the date), nor a noun it qualifies ("in winter
        storms")."""
        at = m.parts["season"][1]
        if not g.capitalised_nouns and self.text[at].isupper():
            return False
        if SEASON_YEAR_RE.match(self.text, m.end):
            return False
        after = NEXT_WORD_RE.match(self.lower, m.end, self.sentence_end)
        if after and after.start(1) - m.end <= 1 and _norm(after.group(1)) in g.season_nouns:
            return False
        if "kept" in m.parts:
            return True
        # the word before it, past an article ("in the spring")
        word = PREVIOUS_WORD_RE.search(self.lower, sentence_start, self.lead(g.article_re, at))
        return bool(word) and _norm(word.group(1)) in g.season_cues

    def _phrase_cued(self, g: Grammar, m: Match) -> bool:
        return self.lead(g.phrase_cue_re, m.start) != m.start

    # -- resolving -------------------------------------------------------------------------

    def resolve(self, g: Grammar, m: Match) -> Resolution | None:
        """(date, date_end, precision, resolved), or None when the match is no date after all."""
        return getattr(self, f"_{m.kind}")(g, m)

    def anchor_before(
        self,
        start: int,
        first_sentence: int = 0,
        *,
        year_given: bool = False,
        precision: str | None = None,
        opens_line: bool = False,
        clocks: bool = True,
    ) -> Anchor | None:
        """The nearest date the text gave before `start`, in `first_sentence` or later (and,
        with `year_given`, only one whose year the text gives; with `precision` ("day",
        "month"), only one that precise; with `opens_line`, only one that opens its line;
        without `clocks`, none a time of day gave)."""
        for anchor in reversed(self.anchors):
            if precision and getattr(anchor.when, precision) is None:
                continue
            if opens_line and not self._opens_line(anchor.start):
                continue
            if anchor.clock and not clocks:
                continue
            if anchor.start < start and (anchor.year_given or not year_given):
                return anchor if anchor.sentence >= first_sentence else None
        return None

    @staticmethod
    def _day(g: Grammar, text: str) -> int:
        digits = re.match(r"\d+", text)
        return int(digits.group()) if digits else g.day_words[_norm(text)]

    @staticmethod
    def _month_of(g: Grammar, m: Match, slot: str = "month") -> int:
        """The month a match names in `slot` ("month2": the end of a span), maybe abbreviated
        with a dot ("Nov.")."""
        return g.months[_norm(m.get(slot) or m.get("month_full")).rstrip(".")]

    @staticmethod
    def _number(g: Grammar, text: str) -> int | None:
        """A number in digits or words ("two", "twenty-seven")."""
        if text.isdigit():
            return int(text)
        values = [g.numbers.get(_norm(w)) for w in text.split("-")]
        if None in values or (len(values) == 2 and not values[0] > 10 > values[1]):
            return None
        return sum(values)

    @staticmethod
    def _modifier(g: Grammar, m: Match) -> str | None:
        return g.modifiers.get(_norm(m.get("mod"))) if m.get("mod") else None

    def _wire_stamp(self, g: Grammar, m: Match) -> Resolution | None:
        month = int(m.get("mm")) if m.get("mm") else self._month_of(g, m)
        year, day = 2000 + int(m.get("yy")), int(m.get("stamp_day"))
        return _point(When(year, month, day), EXPLICIT) if _valid_day(year, month, day) else None

    def _iso_date(self, g: Grammar, m: Match) -> Resolution | None:
        year = int(m.get("year") or m.get("year_lead"))
        month, day = int(m.get("mm")), int(m.get("dd"))
        return _point(When(year, month, day), EXPLICIT) if _valid_day(year, month, day) else None

    def _numeric_date(self, g: Grammar, m: Match) -> Resolution | None:
        a, b, year = int(m.get("n1")), int(m.get("n2")), int(m.get("year_plain"))
        day, month = (a, b) if g.numeric_order == "dmy" else (b, a)
        pub = self.published
        if month > 12 or (  # "04 | 11 | 2024" on a page dated 4 November: read as that day
            pub is not None
            and pub.day is not None
            and (year, day, month) == (pub.year, pub.month, pub.day)
        ):
            day, month = month, day
        if month > 12 or not _valid_day(year, month, day):
            return None
        return _point(When(year, month, day), EXPLICIT)

    def _date(self, g: Grammar, m: Match) -> Resolution | None:
        year = int(m.get("year") or m.get("year_plain"))  # "12.nov.2025": a year after a dot
        month, day = self._month_of(g, m), self._day(g, m.get("day"))
        return _point(When(year, month, day), EXPLICIT) if _valid_day(year, month, day) else None

    def _day_range(self, g: Grammar, m: Match) -> Resolution | None:
        """A span of days of one month ("3-5 March") or two ("from October 30 to November
        3"); one that runs over the new year ends in the year after its start ("from December
        28 to January 3", whose year, when given, is its end's)."""
        month = self._month_of(g, m)
        end_month = self._month_of(g, m, "month2") if m.get("month2") else month
        first, last = self._day(g, m.get("day")), self._day(g, m.get("day2"))
        if (end_month == month and not first < last) or not (
            _valid_day(None, month, first) and _valid_day(None, end_month, last)
        ):
            return None
        over = month > end_month
        if m.get("year"):
            year, how = int(m.get("year")) - over, EXPLICIT
        else:
            year, how = self._year_of_month(g, m, month)
            if year is None:
                return NOT_RESOLVED
        if not (_valid_day(year, month, first) and _valid_day(year + over, end_month, last)):
            return None
        return _span(When(year, month, first), When(year + over, end_month, last), "range", how)

    def _month_range(self, g: Grammar, m: Match) -> Resolution | None:
        """A span of months of one year ("July–December 2024"); one that runs over the new
        year starts in the year before ("November–February 2024")."""
        first, last = self._month_of(g, m), self._month_of(g, m, "month2")
        if first == last:
            return None
        year = int(m.get("year"))
        return _span(When(year - (first > last), first), When(year, last), "range", EXPLICIT)

    def _month_year(self, g: Grammar, m: Match) -> Resolution:
        return _point(When(int(m.get("year")), self._month_of(g, m)), EXPLICIT)

    def _year(self, g: Grammar, m: Match) -> Resolution:
        modifier = self._modifier(g, m)
        return _point(When(int(m.get("year")), MODIFIER_MONTH.get(modifier)), EXPLICIT)

    def _year_range(self, g: Grammar, m: Match) -> Resolution | None:
        first, last = int(m.get("year")), m.get("year2")
        end = int(last) if len(last) == 4 else first // 100 * 100 + int(last)
        if not first < end <= first + 100:
            return None
        return _span(When(first), When(end), "range", EXPLICIT)

    def _decade_start(self, g: Grammar, text: str | None) -> int | None:
        text = _norm(text or "").strip("'")
        value = int(text) if text.isdigit() else g.decades.get(text)
        if value is None:
            return None
        return 1900 + value if value < 100 else value  # "the '70s", "gli anni Settanta"

    def _decade(self, g: Grammar, m: Match) -> Resolution | None:
        first = self._decade_start(g, m.get("decade") or m.get("decade_short"))
        second = self._decade_start(g, m.get("decade2")) if m.get("decade2") else first
        if first is None or second is None:
            return None
        first, second = min(first, second), max(first, second)
        return _span(When(first), When(second + 9), "decade", EXPLICIT)

    def _century_decade(self, g: Grammar, m: Match) -> Resolution | None:
        ordinal = m.get("ordinal")
        digits = re.match(r"\d+", ordinal)
        n = int(digits.group()) if digits else g.ordinals.get(_norm(ordinal))
        if not n or n > 10:
            return None
        if m.get("this"):
            if self.published is None:
                return NOT_RESOLVED
            century_start, how = self.published.year // 100 * 100, RELATIVE
        else:
            text = m.get("century")
            digits = re.match(r"\d+", text)
            number = int(digits.group()) if digits else g.ordinals.get(_norm(text)) or _roman(text)
            if not number:
                return None
            century_start, how = (number - 1) * 100, EXPLICIT
        start = century_start + (n - 1) * 10
        return _span(When(start), When(start + 9), "decade", how)

    def _year_part(self, g: Grammar, m: Match) -> Resolution | None:
        """Months of one year: its first or last ones ("the first eight months of this year",
        "gli ultimi due mesi del 2025") or a named half or quarter ("the first half of 2025",
        "il terzo trimestre del 2024"); "this year" or "the year" is the publication's."""
        if m.get("part"):
            first, last = g.year_parts[_norm(m.get("part"))]
        else:
            n = self._number(g, m.get("number"))
            if not n or n > 11:
                return None
            first, last = (1, n) if g.year_edges[_norm(m.get("edge"))] > 0 else (13 - n, 12)
        if m.get("year"):
            year, how = int(m.get("year")), EXPLICIT
        else:
            unit, n = g.relative[_norm(m.get("relative"))] if m.get("relative") else ("year", 0)
            if unit != "year":
                return None
            if self.published is None:
                return NOT_RESOLVED
            year, how = self.published.year + n, RELATIVE
        return _span(When(year, first), When(year, last), "range", how)

    def _term(self, g: Grammar, m: Match) -> Resolution | None:
        length = m.get("number")
        n = self._number(g, length) if length else g.durations.get(_norm(m.get("duration")))
        if not n:
            return None
        year = int(m.get("year"))
        return _span(When(year), When(year + n), "range", EXPLICIT)

    def _relative(self, g: Grammar, m: Match) -> Resolution:
        unit, n = g.relative[_norm(m.get("relative"))]
        if unit == "weekend":
            return self._weekend(g, m, n)
        if unit == "this_weekend":  # the publication week's, once that week is under way
            day = self.published
            weekday = day.as_date().isoweekday() if day and day.day else 0
            return self._weekend(g, m, 1 if 2 <= weekday <= 5 else 0)
        modifier = self._modifier(g, m) or g.relative_parts.get(_norm(m.get("relative")))
        return self._moved(self.published, unit, n, modifier, RELATIVE)

    def _weekend(self, g: Grammar, m: Match, n: int) -> Resolution:
        """A Saturday-Sunday range: the latest on or before the publication day ("over the
        weekend"; the coming one when the clause speaks of the future), the one before a
        weekend's day (n = -1: "last weekend"), or the coming one (n = +1)."""
        pub = self.published
        if pub is None or pub.day is None:
            return NOT_RESOLVED
        day = pub.as_date()
        saturday = day - timedelta(days=(day.isoweekday() - 6) % 7)  # on or before `day`
        during = day - saturday <= timedelta(days=1)
        if n > 0 or (n == 0 and not during and self.speaks_of_future(g, m.start)):
            saturday += timedelta(weeks=1)
        elif n < 0 and during:
            saturday -= timedelta(weeks=1)
        return _days(saturday, saturday + timedelta(days=1), RELATIVE)

    def _modified(self, g: Grammar, m: Match) -> Resolution:
        unit, n = g.modified[_norm(m.get("modified"))]
        return self._moved(self.published, unit, n, self._modifier(g, m), RELATIVE)

    def _clock(self, g: Grammar, m: Match) -> Resolution:
        """A time of day. One that opens its line (a live blog's stamp, a chronology's entry)
        is on the day of the last line that opened with a day (a day's heading: "Thursday 15
        October"), else on the publication's or its entry's. Another is on the last day its
        sentence or the two before it gave (a past day of an earlier sentence only near the
        publication; a day to come only if the sentence speaks of the future), else on the
        publication's (or the entry's) day. Without a day, none: a time alone dates nothing."""
        day = self.published
        word = m.parts.get("day_time")
        if word and (
            self.text[word[1] : word[2]] not in g.day_times  # "Operation Midnight Hammer"
            or self.lead(g.day_time_re, m.start) == m.start  # no "at", "à", "um" before
        ):
            return None
        if self._opens_line(m.start):
            heading = self.anchor_before(m.start, precision="day", opens_line=True)
            return _point(heading.when if heading else day, ANCHORED if heading else RELATIVE)
        last = self.anchor_before(m.start, precision="day", clocks=False)
        if last and last.heading:  # a diary's entry under its day's heading, however far
            return _point(last.when, ANCHORED)
        anchor = self.anchor_before(m.start, self.sentence - CLOCK_SENTENCES, precision="day")
        if anchor and day and day.day and anchor.when.iso() > day.iso():
            # a day to come dates only a sentence that speaks of the future ("The summit opens
            # on December 4. … It will start at 10.00", not "by March 31. … It began at 10:03")
            if not self.future_cue(g, self.sentence_start, self.sentence_end):
                anchor = None
        elif anchor and anchor.sentence < self.sentence and not self._near(anchor.when, day):
            anchor = None
        if anchor:
            return _point(anchor.when, ANCHORED)
        return _point(day, RELATIVE) if day is not None and day.day else None  # no date

    @staticmethod
    def _near(when: When, day: When | None) -> bool:
        """Whether `when` (a day) is within CLOCK_NEAR_DAYS of `day` (a day, or unknown)."""
        if day is None or day.day is None:
            return True
        gap = when.as_date() - day.as_date()
        return abs(gap.days) <= CLOCK_NEAR_DAYS

    def _anaphoric(self, g: Grammar, m: Match) -> Resolution:
        lent = [y for at, y in self.years_lent.items() if m.start <= at < m.end]
        if lent:  # the year a month before it took from it ("March of the following year")
            return _point(When(lent[0]), ANCHORED)
        unit, n = g.anaphoric[_norm(m.get("anaphoric"))]
        if unit == "then":  # "since then": from the latest date of this sentence or the one
            # before ("… derrocaron al Gobierno el 1 de febrero de 2021, poniendo fin a una
            # década iniciada en 2011. Desde entonces …" is since 2021)
            near = [
                a.when
                for a in self.anchors
                if a.sentence >= self.sentence - 1 and a.start < m.start and not a.clock
            ]
            return _point(max(near, key=When.iso), ANCHORED) if near else None  # none: none
        # "the following day" counts from the latest day the text gave, not a later year
        # ("on Nov. 7 … legislation enacted in 2015. … responded the following day")
        precision = UNIT_PRECISION.get(unit)
        nearest = self.anchor_before(m.start)
        if (
            n == 0
            and precision
            and nearest is not None
            and nearest.sentence == self.sentence
            and getattr(nearest.when, precision) is None
        ):
            # "the same day", "hours later" after a coarser date of its own sentence ("In
            # January, Bogotá barred the flights and backed down hours later"): that date, as
            # precise as it is, not the last day an earlier sentence gave
            return _point(nearest.when, ANCHORED)
        anchor = self.anchor_before(m.start, precision=precision)
        return self._moved(anchor and anchor.when, unit, n, self._modifier(g, m), ANCHORED)

    def _moved(
        self, base: When | None, unit: str, n: int, modifier: str | None, how: str
    ) -> Resolution:
        """`base` moved by n units; a modifier picks a month of a year, a week is a range."""
        if base is None:
            return NOT_RESOLVED
        if unit == "season":  # "this autumn": its year, no month to claim
            return _point(When(base.year + n), how)
        if unit in ("season_last", "season_next", "season_begun", "new_year"):
            # "last autumn" (n: the season's last month) is this year's once it is over,
            # "next spring" (n: its first month) this year's until it begins, "since the
            # summer" (n: its first month) this year's once it has begun; "the new year" is
            # the coming one in a year's second half, this one in its first
            if base.month is None:
                return NOT_RESOLVED
            if unit == "season_last":
                return _point(When(base.year if base.month > n else base.year - 1), how)
            if unit == "season_begun":
                return _point(When(base.year if base.month >= n else base.year - 1), how)
            if unit == "new_year":
                return _point(When(base.year + (base.month > NEW_YEAR_AHEAD_FROM)), how)
            return _point(When(base.year if base.month < n else base.year + 1), how)
        if unit == "decade":  # "this decade": the publication's, 2020 to 2029
            first = base.year // 10 * 10 + 10 * n
            return _span(When(first), When(first + 9), "decade", how)
        if unit == "year":
            year = base.year + n
            if modifier:
                return _point(When(year, MODIFIER_MONTH[modifier]), how)
            # "This year" in an article of June 2024 most likely means a recent month of it.
            if how == RELATIVE and n == 0 and base.month:
                return _point(When(year, base.month), how)
            return _point(When(year), how)
        if unit == "week":
            moved = _shift(base, "week", n)
            return _week(moved.as_date(), how) if moved else NOT_RESOLVED
        return _point(_shift(base, unit, n), how)

    def _offset(self, g: Grammar, m: Match) -> Resolution | None:
        n, unit = self._number(g, m.get("number")), g.units.get(_norm(m.get("unit")))
        if not n or unit is None or n > 100:
            return None
        direction = m.get("direction")
        sign = g.directions.get(_norm(direction), 1) if direction else 1
        base = None
        anchor = self.anchor_before(m.start)
        opens_clause = direction and _norm(direction) in g.clause_directions
        if opens_clause and g.clause_links_re is not None and m.parts["direction"][2] == m.end:
            # "una semana después de …" opens a clause; "una semana después." or "… después la
            # Fuerza Aérea salió" says "later"
            opens_clause = g.clause_links_re.match(self.lower, m.end) is not None
        before = PREVIOUS_WORD_RE.search(self.lower, self.sentence_start, m.start)
        if before and _norm(before.group(1)) in g.month_list_cues:
            # "… on 9 November, and two days after Kim signed": after a conjunction the
            # offset opens a clause of its own, counted from the date before it
            opens_clause = False
        if opens_clause and m.parts["direction"][2] == m.end:
            said = not self.ends(m.end)  # a clause follows ("a week after." says "later")
            m.end, base, year_given = self._clause(g, m.end)
            aside = self.text[self.sentence_start : m.start].rstrip().endswith(",")
            if (
                base is None
                and said
                and anchor
                and anchor.sentence == self.sentence
                and (self.ends(m.end) or aside)
            ):
                # "They met on Tuesday, two weeks after the first round collapsed" (or "…, two
                # weeks after it collapsed, and …"): the sentence's own date is the later
                # one; the offset dates the clause's event.
                return _point(_shift(anchor.when, unit, -sign * n), ANCHORED)
            if (
                base is None
                and said
                and anchor
                and self._told_before_now(g, anchor, m, unit, sign * n)
            ):
                # "The deal, signed in Moscow, comes two months after North Korea test-launched
                # a missile": a clause told in a past tense cannot fall after the publication;
                # the date before it is the later one.
                return _point(_shift(anchor.when, unit, -sign * n), ANCHORED)
            if base and not year_given and anchor and anchor.sentence == self.sentence:
                # "July 5, 2022: A week after the Madrid deal of June 28": the day named
                # without a year is the last one on or before the sentence's own date
                later = (base.month, base.day) > (anchor.when.month or 12, anchor.when.day or 31)
                base = When(anchor.when.year - later, base.month, base.day)
        if base is None:
            base = anchor.when if anchor else None
        return _point(_shift(base, unit, sign * n), ANCHORED) if base else NOT_RESOLVED

    def _told_before_now(
        self, g: Grammar, anchor: Anchor, m: Match, unit: str, offset: int
    ) -> bool:
        """Whether an offset's clause ("… after North Korea test-launched a missile"), told in
        a past tense, would be dated after the publication when counted on `offset` `unit`s
        from `anchor`."""
        later = _shift(anchor.when, unit, offset) if offset > 0 else None
        published = self.published
        if later is None or published is None:
            return False
        precision = min(len(later.iso()), len(published.iso()))
        return later.iso()[:precision] > published.iso()[:precision] and self._past_words(
            g, m.parts["direction"][2], m.end
        )

    def ends(self, position: int) -> bool:
        """Whether only closing punctuation follows `position` in the current sentence."""
        return not self.text[position : self.sentence_end].strip(" .;:!?\"'”’)]")

    def _clause(self, g: Grammar, start: int) -> tuple[int, When | None, bool]:
        """Where the clause an offset opens ends ("after Kim returned to Pyongyang"), and the
        date it gives, if any ("after the 2014 annexation", "a week after 24 February": a day
        whose year the text or its publication gives), and whether the clause gives its year."""
        stop = CLAUSE_END_RE.search(self.text, start, self.sentence_end)
        stop_at = stop.start() if stop else self.sentence_end
        clause = self.text[start:stop_at]
        if not clause.strip() or len(clause.split()) > MAX_CLAUSE_WORDS:
            return start, None, False
        end = start + len(clause.rstrip())
        for m, (value, _, _, how) in self.candidates(g, start, stop_at):
            if how == EXPLICIT and m.kind in ("date", "month_year", "year", "iso_date"):
                return end, When.parse(value), True
            if how in (RELATIVE, ANCHORED) and m.kind == "day_month":
                return end, When.parse(value), False
        return end, None, False

    def _ago(self, g: Grammar, m: Match) -> Resolution | None:
        return self._from_publication(g, m, -1)

    def _hence(self, g: Grammar, m: Match) -> Resolution | None:
        """ "Tra un mese", "dentro de dos semanas": that long after the publication."""
        return self._from_publication(g, m, 1)

    def _from_publication(self, g: Grammar, m: Match, sign: int) -> Resolution | None:
        """A span counted from the publication: back (sign -1, "two years ago") or on (+1)."""
        n, unit = self._number(g, m.get("number")), g.units.get(_norm(m.get("unit")))
        if not n or unit is None or n > 100:
            return None
        return _point(_shift(self.published, unit, sign * n), RELATIVE)

    def _period(self, g: Grammar, m: Match) -> Resolution | None:
        """A number of units up to the publication ("the past two years": 2023 to 2025 in
        2025, "los últimos doce meses") or from it ("over the next six months"), at the
        unit's precision; a limit to come ("within four months", "binnen 90 Tagen") is its
        end, unless its sentence is in the past (then it counts from a date of the story:
        "Within two years, the treaty had collapsed")."""
        n, unit = self._number(g, m.get("number")), g.units.get(_norm(m.get("unit")))
        side = g.period_sides.get(_norm(m.get("side") or ""))
        if not n or unit is None or side is None or n > 100:
            return None
        if side == 0:
            if self._past_words(g, self.sentence_start, self.sentence_end):
                return None
            return _point(_shift(self.published, unit, n), RELATIVE)
        now = _shift(self.published, unit, 0)
        other = _shift(self.published, unit, side * n)
        first, last = (other, now) if side < 0 else (now, other)
        return _span(first, last, "range", RELATIVE)

    def _ago_day(self, g: Grammar, m: Match) -> Resolution | None:
        """ "Eighty years ago today": the publication's day, that many years (or months)
        before."""
        n, unit = self._number(g, m.get("number")), g.units.get(_norm(m.get("unit")))
        p = self.published
        if not n or unit not in ("year", "month") or n > 100 or not (p and p.day):
            return None
        year, month = divmod(p.year * 12 + p.month - 1 - n * (12 if unit == "year" else 1), 12)
        day = min(p.day, calendar.monthrange(year, month + 1)[1])
        return _point(When(year, month + 1, day), RELATIVE)

    def _year_of_month(self, g: Grammar, m: Match, month: int) -> tuple[int | None, str]:
        """The year of a month named without one: that of a date the text gave earlier in the
        same or the previous sentence of its paragraph (see _lent_year), else the
        publication's (in an undated text, that of the last date before it whose year the
        text gives). A month later in the year than the publication is the one before it
        ("last May", or "met in November" written in February), unless its clause speaks of
        the future ("will meet in November")."""
        named = g.year_after_re and g.year_after_re.match(self.lower, m.end)
        if named:  # "September last year"
            if self.published is None:
                return None, UNRESOLVED
            return self.published.year + g.relative[_norm(named.group("year"))][1], RELATIVE
        that_year = g.anaphoric_year_after_re and g.anaphoric_year_after_re.match(self.lower, m.end)
        if that_year:  # "March of that year": the year of the last date the text gave
            anchor = self.anchor_before(m.start)
            if anchor is None:
                return None, UNRESOLVED
            year = anchor.when.year + g.anaphoric[_norm(that_year.group("year"))][1]
            self.years_lent[that_year.start("year")] = year
            return year, ANCHORED
        if g.month_list_cues and m.kind == "month":
            listed = _listed_year_re(frozenset(g.months), g.month_list_cues).match(
                self.lower, m.end, self.sentence_end
            )
            if listed:  # "October and November 2024"
                return int(listed.group(1)), EXPLICIT
        if self._entry_date(m):  # a chronology's entry: the year its list has reached
            # the date of an earlier entry or heading, not one an entry mentions in passing
            anchor = self.anchor_before(m.start, year_given=True, opens_line=True)
            if anchor and "\n" in self.text[anchor.start : m.start]:
                year = anchor.when.year + (
                    anchor.when.month is not None and month < anchor.when.month
                )
                if self.published is None or year <= self.published.year:  # not past its date
                    return year, ANCHORED
        listed = self._listed_month(g, m, month)
        if listed:  # "December and January" written in November: this December, next January
            return listed, RELATIVE
        if self.published is None and self.future_around(g, m):
            # an undated text's "upcoming elections in November" is not of a year decades
            # older than the latest it names (the country's founding in 1948, told in an
            # aside): of that latest year
            last = self.anchor_before(m.start, year_given=True)
            named = [a.when.year for a in self.anchors if a.start < m.start and a.year_given]
            if last and max(named) - last.when.year > ASIDE_YEARS:
                return max(named), ANCHORED
        anchor = self.anchor_before(m.start, self.sentence - 1, year_given=True)
        lent = anchor and self._lent_year(g, m, month, anchor)
        if lent:
            return lent, ANCHORED
        if self.published is None:  # an undated text (an encyclopedia's page): its own dates
            anchor = self.anchor_before(m.start, year_given=True)
            return (anchor.when.year, ANCHORED) if anchor else (None, UNRESOLVED)
        year = self.published.year
        # "next June", "juin prochain"; the month of publication itself only named alone
        # ("el próximo 15 de junio" written on 10 June is this June)
        if self.published.month and self.next_cued(g, m):
            this_month = month == self.published.month and m.kind == "month"
            return year + (month < self.published.month or this_month), RELATIVE
        if (  # "last December" written in December
            m.kind == "month"
            and self.published.month == month
            and (self.lead(g.past_month_re, m.start) != m.start or self._past_after(g, m))
        ):
            return year - 1, RELATIVE
        # the month after the publication's is the coming one unless a word says otherwise:
        # "the summit of 18 and 19 December" written on 27 November (last December, eleven
        # months back, would have its year or a "last"); after December, next year's January
        # ("on Jan 1" written on 5 December)
        following = bool(self.published.month) and month == self.published.month % 12 + 1
        if (
            following
            and month < self.published.month  # round the year
            and not (
                self.past_cued(g, m)
                or (self.reported_before(g, m.start) and not self._promised_by(g, m))
            )
            and not self._month_follows(g, m)  # "from January to November this year"
        ):
            return year + 1, RELATIVE
        later = self.published.month and month > self.published.month
        deadline = (  # "by August 18", "the June 30 deadline": to come
            _norm(m.get("kept") or "") in g.deadline_cues or self._deadline_named(g, m)
        )
        if (
            later
            and not deadline
            and (
                self.past_cued(g, m)
                or (
                    not following
                    and not self.speaks_of_future(g, m.start, span=m.end)
                    and not self._led_on(g, m, month, year)
                    and not self._scheduled(g, m, month)
                )
                or self.reported_before(g, m.start)  # "announced in November it would"
                or self._past_relative(g, m)
            )
        ):
            year -= 1
        elif (
            self.published.month
            and month < self.published.month
            and not self._past_after(g, m)  # not "entro il marzo scorso"
            and (self._ahead(g, m) or self._granted(g, m) or self._kept_ahead(g, m))
        ):
            year += 1  # "will meet in January", "by March", written in November
        return year, RELATIVE

    def _past_relative(self, g: Grammar, m: Match) -> bool:
        """Whether the month ends a clause of its own, opened after any future cue of its
        clause by a word of `clause_openers`, whose verb is in the past ("may be receiving
        help with the submarine that Kim inspected in December": last December); not one
        with a cue of its own ("the talks that will resume in December") or an infinitive
        after its verb ("the summit that Tokyo had hoped to host in December")."""
        if not g.clause_openers:
            return False
        words = list(WORD_RE.finditer(self.lower, self.clause_start(m.start), m.start))
        opened = [i for i, w in enumerate(words) if w.group() in g.clause_openers]
        if not opened:
            return False
        if g.future_re and g.future_re.search(self.lower, words[opened[-1]].end(), m.start):
            return False
        return self._past_verb(g, words[opened[-1] + 1 :])

    def _past_verb(self, g: Grammar, words: list[re.Match]) -> bool:
        """Whether these words, which run up to a date, hold a verb in the past that the date
        tells the time of: a reporting verb ("signed") or a form with a past ending
        ("inspected", not "is expected"), with no infinitive after it ("hoped to host")."""
        for i in range(len(words) - 1, -1, -1):
            word = words[i].group()
            if _norm(word) in g.infinitive_markers:
                return False
            if word in g.reported_past or (
                len(word) > 4
                and bool(g.past_suffixes)
                and word.endswith(g.past_suffixes)
                and (i == 0 or words[i - 1].group() not in g.present_auxiliaries)
            ):
                return True
        return False

    def _scheduled(self, g: Grammar, m: Match, month: int) -> bool:
        """Whether the month, at most `SCHEDULED_MONTHS` after the publication's, is when an
        event set ahead is held, a noun of `scheduled_nouns` just before it in its clause or
        right after it ("the G7 summit in June", "il vertice del G7 di giugno", "the June
        summit"): the nearer June, not one ten months back."""
        if not g.scheduled_nouns or month - self.published.month > SCHEDULED_MONTHS:
            return False
        begin = self.clause_start(m.start)
        before = list(WORD_RE.finditer(self.lower, begin, m.start))[-SCHEDULED_WORDS:]
        after = NEXT_WORD_RE.match(self.lower, m.end, self.sentence_end)
        nouns = [w.end() for w in before if _norm(w.group()) in g.scheduled_nouns]
        if after and _norm(after.group(1)) in g.scheduled_nouns:
            nouns.append(after.end(1))
        if not nouns:
            return False
        # a past verb of its own after the noun tells of one held ("Toppmötet hölls 24–25
        # juni"); one before it is another's ("discussed the G7 summit in June")
        mark = CLAUSE_MARK_RE.search(self.text, m.end, self.sentence_end)
        return not self._past_words(g, nouns[0], mark.start() if mark else self.sentence_end)

    def _led_on(self, g: Grammar, m: Match, month: int, year: int) -> bool:
        """Whether a date to come earlier in the sentence, in `year` and not after `month`,
        leads on to this month through a conjunction or a word like "then" ("at the G7
        summit from June 14 to 16, and at NATO's in July"; "du 14 au 16 juin, puis … en
        juillet"): the sentence goes on forward in time, so the month is to come too."""
        if self.last_future is None:
            return False
        end, when = self.last_future
        if when is None or when.year != year or (when.month or 13) > month:
            return False
        words = list(WORD_RE.finditer(self.lower, end, m.start))
        # a conjunction after a comma joins the clause on ("…16, and at NATO's"), not one
        # between two names ("entre Brasília e Caracas"); nor over a verb in the past ("is
        # due next weekend, and shipping resumed in November")
        led = any(
            _norm(w.group()) in g.then_words
            or (
                _norm(w.group()) in g.conjunctions
                and self.text[end : w.start()].rstrip().endswith(",")
            )
            for w in words
        )
        return led and not self._past_verb(g, words)

    def _deadline_named(self, g: Grammar, m: Match) -> bool:
        """Whether a noun of `deadline_nouns` follows the date ("the June 30 deadline") or
        comes right before it with a link of `deadline_links` ("a deadline of 30 June")."""
        after = NEXT_WORD_RE.match(self.lower, m.end, self.sentence_end)
        if after and _norm(after.group(1)) in g.deadline_nouns:
            return True
        words = self._previous_words(m.start)
        return len(words) > 1 and words[-1] in g.deadline_links and words[-2] in g.deadline_nouns

    def _promised_by(self, g: Grammar, m: Match) -> bool:
        """Whether a deadline ("by the end of January") follows a reported verb that governs
        an infinitive among the few words before it ("has promised to dissolve parliament by
        the end of January"): the deadline is the promised act's, not the promise's time."""
        if not g.infinitive_markers or _norm(m.get("kept") or "") not in g.deadline_cues:
            return False
        words = [w.group() for w in self.words_before(self.clause_start(m.start), m.start)]
        return any(
            w in g.reported_past and nxt in g.infinitive_markers
            for w, nxt in zip(words, words[1:], strict=False)
        )

    def _month_follows(self, g: Grammar, m: Match) -> bool:
        """Whether another month is named in the few words after the expression ("January to
        November"): a span or list whose other end decides the year."""
        stop = self.words_after(g, m.end, self.sentence_end)
        return any(w.group() in g.months for w in WORD_RE.finditer(self.lower, m.end, stop))

    def _listed_month(self, g: Grammar, m: Match, month: int) -> int | None:
        """The year of a month named right after another month and a list word ("December
        and January", "novembre o dicembre"): the first such month after the other, whichever
        way the first was read."""
        if self.last_month is None or m.kind != "month":
            return None
        end, previous = self.last_month
        if previous.year is None or not self._listed_after(g, end, m.start):
            return None
        return previous.year + (month <= (previous.month or 0))

    def _listed_after(self, g: Grammar, end: int, start: int) -> bool:
        """Whether only a list word ("and", "e", "to") joins an expression ending at `end`
        in this sentence to the one starting at `start`."""
        if not self.sentence_start <= end <= start:
            return False
        return _norm(self.lower[end:start].strip(" ,")) in g.month_list_cues

    def _kept_ahead(self, g: Grammar, m: Match) -> bool:
        """Whether the expression's own deadline cue looks ahead, as the language's future
        cues list it ("un'intesa entro giugno" written in November: the coming June), with no
        past cue or reporting verb before it."""
        kept = m.get("kept") or ""
        if not kept or g.future_re is None or not g.future_re.fullmatch(kept.lower()):
            return False
        if self.anchor_before(m.start, self.sentence):  # a deadline set on an earlier date
            return False  # ("10 GIUGNO - … ordina di firmare entro il primo luglio")
        return not (self.past_cued(g, m) or self.reported_before(g, m.start))

    def _granted(self, g: Grammar, m: Match) -> bool:
        """Whether a deadline's cue before the month follows a noun of time given ("ha
        concesso a Mosca tempo fino a febbraio", "un plazo hasta marzo", "eine Frist bis
        Februar"): the time given runs to the coming one."""
        if not g.grant_nouns:
            return False
        kept = _norm(m.get("kept") or "") in g.deadline_cues  # the expression holds its cue
        cue = m.start if kept else self.lead(g.deadline_re, m.start)
        if cue == m.start and not kept:
            return False
        word = PREVIOUS_WORD_RE.search(self.lower, self.sentence_start, cue)
        return bool(word) and _norm(word.group(1)) in g.grant_nouns

    def _ahead(self, g: Grammar, m: Match) -> bool:
        """Whether a month earlier in the year than the publication is the coming one: its
        clause's future cue, no conditional, comes before it or right after it ("will meet in
        January", "se celebrará en enero", "will reach 2% by March"), with no past cue ("since
        March") or reporting verb before it ("said in March that he will"), nor a clause
        between ("will return to the talks that started in April"). Not "said it would impose
        them on 20 January" (a future seen from the past), nor a deadline alone ("had been
        killed by mid-January")."""
        if self.past_cued(g, m) or self.reported_before(g, m.start):
            return False
        return self.future_around(g, m)

    def future_around(self, g: Grammar, m: Match) -> bool:
        """Whether a future cue other than the expression itself ("May") and no conditional
        comes in its clause before it, with no word of `clause_openers` between ("that
        started in April"), or in the few words after it ("en enero se reunirán")."""
        if g.future_re is None:
            return False
        start = self.clause_start(m.start)
        end = self._clause_end(m.end)
        for c in g.future_re.finditer(self.lower, start, self.words_after(g, m.end, end)):
            if m.start < c.end() and c.start() < m.end:
                continue  # the expression itself
            if not self._plain_cue(g, c) or self._quote_closes(c.end(), m.start):
                continue
            between = {w.group() for w in WORD_RE.finditer(self.lower, c.end(), m.start)}
            if not between & g.clause_openers:
                return True
        return self.fronted_future(g, m)

    def _quote_closes(self, start: int, end: int) -> bool:
        """Whether a quotation open at `start` closes before `end`: a cue inside it speaks
        of what is quoted, not of a date after it ("was 'not preparing … for the next
        winter' and urged allies to speed up deliveries promised in January")."""
        before = self.text[self.sentence_start : start]
        curly = before.count("“") + before.count("«") > before.count("”") + before.count("»")
        straight = before.count('"') % 2 == 1
        between = self.text[start:end]
        return (curly and ("”" in between or "»" in between)) or (straight and '"' in between)

    def fronted_future(self, g: Grammar, m: Match) -> bool:
        """Whether a date that opens its sentence, alone or in a list and set off or not,
        dates a main clause with a future cue ("In March and April, the navies will hold
        drills", written in December: the coming spring); not one a reporting verb or a
        clause of its own puts in what was said ("In March, officials said talks will
        resume")."""
        lead = list(WORD_RE.finditer(self.lower, self.sentence_start, m.start))
        if len(lead) > 1 or (lead and _norm(lead[0].group()) in g.months):
            return False  # a preposition at most before it: "In", "By", "Entro"
        end = self._listed_end(g, m.end, g.months)
        mark = self._clause_end(end)
        if not self.text[end:mark].strip() and mark < self.sentence_end:  # "In March, …"
            end = mark + 1
            mark = self._clause_end(end)
        stop = self._clause_words_end(g, end, mark, mark)
        return any(
            self._plain_cue(g, c) and not self.reports(g, m.start, c.start())
            for c in g.future_re.finditer(self.lower, end, stop)
        )

    def _plain_cue(self, g: Grammar, c: re.Match) -> bool:
        """Whether a future cue speaks of what is to come: no conditional ("would"), no
        participle a past auxiliary governs ("hatte am 9. Oktober angekündigt"), not the
        month "May"."""
        return not (
            (g.conditional_re and g.conditional_re.fullmatch(c.group()))
            or self.past_participle(g, c)
            or self._month_named(g, c)
        )

    def _month_named(self, g: Grammar, c: re.Match) -> bool:
        """Whether a future cue is a month's capitalised name: "May", not "may"."""
        return self.text[c.start()].isupper() and _norm(c.group()) in g.months

    def _entry_date(self, m: Match) -> bool:
        """Whether a date opens its line before a colon, dash or bar: an entry of a
        chronology, whose dates without a year follow the years of the entries and headings
        before them ("2023" … "26 juillet 2023 : …" … "27 juillet : …"), not the
        publication's."""
        return self._opens_line(m.start) and ENTRY_DATE_RE.match(self.text, m.end) is not None

    def _fills_line(self, start: int, end: int) -> bool:
        """Whether text[start:end] is its line's only text but for bullets and marks."""
        line_end = self.text.find("\n", end)
        rest = self.text[end : len(self.text) if line_end < 0 else line_end]
        return self._opens_line(start) and not rest.strip(HEADING_MARKS)

    def _opens_line(self, start: int) -> bool:
        """Whether only a list item's bullet, if anything, comes before `start` on its line."""
        return not self.text[self.text.rfind("\n", 0, start) + 1 : start].strip(LIST_MARKS)

    def next_cued(self, g: Grammar, m: Match) -> bool:
        """Whether a word before or after a month names the next one: "next June", "el próximo
        junio", "juin prochain"."""
        after = g.next_month_after_re and g.next_month_after_re.match(self.lower, m.end)
        return bool(after) or self.lead(g.next_month_re, m.start) != m.start

    def past_cued(self, g: Grammar, m: Match) -> bool:
        """Whether a word before a date, or right after a month, puts it in the past: "last
        May", "since July", "mars dernier"."""
        past_kept = _norm(m.get("kept") or "") in g.past_kept
        return past_kept or self.lead(g.past_month_re, m.start) != m.start or self._past_after(g, m)

    def _past_after(self, g: Grammar, m: Match) -> bool:
        """Whether a word right after a bare month puts it in the past ("marzo scorso")."""
        return bool(
            m.kind == "month"
            and g.past_month_after_re
            and g.past_month_after_re.match(self.lower, m.end)
        )

    def _lent_year(self, g: Grammar, m: Match, month: int, anchor: Anchor) -> int | None:
        """The year an earlier date of the same paragraph lends to a month named without one,
        if it lends one. A year alone lends it from the start of its sentence or the one
        before ("In 2018 they met. In June …", not "talks held in 2023. In January …") or
        within its clause ("signed in 2019, expired on 31 December" is not 2019); a month
        only to the same or a later month ("accord of February 2023 … appointed in January"
        is not January 2023), or, followed by a cue like "precedente", to the one before it
        ("September 2023 … il maggio precedente")."""
        between = self.text[anchor.start : m.start]
        if "\n" in between:
            return None
        # a cue after the month names the one before the anchor's: "… del maggio precedente"
        earlier = g.earlier_month_re and g.earlier_month_re.search(
            self.lower[m.end : m.end + CUE_WINDOW]
        )
        # else a full date that opens the sentence sets its time, as a chronology's entry
        # does for all its sentences: its months name that year, or the next when that is
        # nearer ("9 November 2024 – Putin signs …, and the pact enters into force on Dec. 4";
        # "28 December 2023 – … talks resume on Jan. 3"; but "July 2, 2026 — … in June")
        if (
            anchor.opens
            and (anchor.entry or (anchor.sentence == self.sentence and anchor.when.day))
            and anchor.when.month
            and not earlier
        ):
            return anchor.when.year + (anchor.when.month - month > MONTHS_NEARER)
        # a year before the publication's is not lent to a date set for the future: "a
        # coup in February 2021 … an election it has scheduled for Dec 28"
        if self.published and anchor.when.year < self.published.year and self.future_around(g, m):
            return None
        # nor a later year alone to a day of the coming weeks: "the budget for fiscal 2027,
        # due around December 25" written on December 8 is this December's
        if self._in_coming_weeks(g, m, month) and anchor.when.year > self.published.year:
            return None
        # nor to a day of the weeks just past, unless the clause speaks of the future: "the
        # request for the fiscal year that opens in April 2027, filed on 31 August" written
        # on 17 September is this August's
        if (
            self._in_past_weeks(g, m, month)
            and anchor.when.year > self.published.year
            and not self.future_around(g, m)
        ):
            return None
        if anchor.when.month is None:
            same_clause = anchor.sentence == self.sentence and not CLAUSE_MARK_RE.search(between)
            return anchor.when.year if anchor.opens or same_clause else None
        if earlier:
            return anchor.when.year - (month >= anchor.when.month)
        if len(between.split()) > LEND_WORDS:  # "in August 2023 over …, and … in early November"
            return None
        return anchor.when.year if month >= anchor.when.month else None

    def _in_coming_weeks(self, g: Grammar, m: Match, month: int) -> bool:
        """Whether a day and month without a year fall, in the publication's year, within
        SOON_DAYS after the publication."""
        day = m.get("day")
        ahead = self._days_after_publication(month, self._day(g, day)) if day else None
        return ahead is not None and 0 <= ahead <= SOON_DAYS

    def _in_past_weeks(self, g: Grammar, m: Match, month: int) -> bool:
        """Whether a day and month without a year fall, in the publication's year, within
        SOON_DAYS before the publication."""
        day = m.get("day")
        ahead = self._days_after_publication(month, self._day(g, day)) if day else None
        return ahead is not None and -SOON_DAYS <= ahead < 0

    def _days_after_publication(self, month: int, day: int) -> int | None:
        """How many days after the publication (a day) that day and month fall in its year;
        None without a publication day or for no such day."""
        pub = self.published
        if pub is None or pub.day is None or not _valid_day(pub.year, month, day):
            return None
        return (date(pub.year, month, day) - pub.as_date()).days

    def _anaphoric_month(self, g: Grammar, m: Match) -> Resolution:
        """A month named after the last date whose year the text gave: "that July" (the same
        year), "the following April" (the first after that date), "the previous May"."""
        month = self._month_of(g, m, "month_full")
        anchor = self.anchor_before(m.start, year_given=True)
        if anchor is None:
            return NOT_RESOLVED
        shift, year = g.month_anaphora[_norm(m.get("month_anaphora"))], anchor.when.year
        if shift > 0 and (anchor.when.month or 12) >= month:
            year += 1
        elif shift < 0 and (anchor.when.month or 1) <= month:
            year -= 1
        return _point(When(year, month), ANCHORED)

    def _month(self, g: Grammar, m: Match) -> Resolution:
        month = self._month_of(g, m)
        year, how = self._year_of_month(g, m, month)
        if year:
            self.last_month = (m.end, When(year, month))
        return _point(When(year, month), how) if year else NOT_RESOLVED

    def _season(self, g: Grammar, m: Match) -> Resolution:
        """A season named alone ("in the spring", "im Herbst"): its year (seasons straddle
        months), which is that of its first month named as a bare month would be (the last
        one over, or the coming one where its clause speaks of the future or sets a
        deadline, as a deadline's own cue does in a clause not in the past: "by spring"
        written in December), or the one the publication falls in ("in the summer" written
        in July)."""
        first, last = g.seasons[_norm(m.get("season") or "")]
        year, how = self._year_of_month(g, m, first)
        pub = self.published
        if how == RELATIVE and pub is not None and pub.month:
            inside = (first <= pub.month <= last) if first <= last else not last < pub.month < first
            if inside:
                year = pub.year - (pub.month < first)
            elif (  # "by spring", "bis zum Frühjahr" written in the autumn: the coming one
                first < pub.month
                and year == pub.year
                and _norm(m.get("kept") or "") in g.deadline_cues
                and not (self.past_cued(g, m) or self.reported_before(g, m.start))
                and not self._past_clause(g, m.start, m.end)  # "had to end by spring"
            ):
                year += 1
        return _point(When(year), how) if year else NOT_RESOLVED

    def _day_month(self, g: Grammar, m: Match) -> Resolution | None:
        month, day = self._month_of(g, m), self._day(g, m.get("day"))
        if not _valid_day(None, month, day):
            return None
        year, how = self._year_of_month(g, m, month)
        weekday = g.weekdays[_norm(m.get("weekday"))] if m.get("weekday") else None
        if year is None and weekday:  # no publication: the year the text last gave
            anchor = self.anchor_before(m.start, year_given=True)
            year, how = (anchor.when.year, ANCHORED) if anchor else (None, how)
        if year is None:
            return NOT_RESOLVED
        if self._soon(g, m, year, month, day, how):  # "the elections of 5 November"
            year += 1
        if (
            weekday
            and _valid_day(year, month, day)
            and date(year, month, day).isoweekday() != weekday
        ):
            # "Thursday, May 29": the weekday says which year, the nearest that fits
            fits = [
                year + k
                for k in (-1, 1, -2, 2, -3, 3, -4, 4, -5, 5, -6, 6)
                if _valid_day(year + k, month, day)
                and date(year + k, month, day).isoweekday() == weekday
            ]
            year = fits[0] if fits else year
        return _point(When(year, month, day), how) if _valid_day(year, month, day) else None

    def _holiday(self, g: Grammar, m: Match) -> Resolution | None:
        """A feast ("Christmas", "Ferragosto", "Ostern", "Thanksgiving"): its day in the year a
        month named alone would have (the month it falls in in the publication's year), or
        the coming one when it is at most a quarter away ("a solution before Christmas" written
        in October, "by Thanksgiving" written a week before)."""
        feast = g.holidays[_norm(m.get("holiday"))]
        # its month in the publication's year (a movable feast's month is that year's; with no
        # publication, that of a year with Easter in April, the usual month)
        month, _ = feast.on(self.published.year if self.published else USUAL_EASTER_YEAR)
        year, how = self._year_of_month(g, m, month)
        if year is None:
            return NOT_RESOLVED
        month, day = feast.on(year)
        if self._soon(g, m, year, month, day, how, HOLIDAY_SOON_DAYS):
            year += 1
            month, day = feast.on(year)
        return _point(When(year, month, day), how) if _valid_day(year, month, day) else None

    def _historic(self, g: Grammar, m: Match) -> Resolution:
        """A turning point of history ("since the end of World War II"): its year, which the
        language's data gives."""
        return _point(When(g.historic[_norm(m.get("historic") or "")]), EXPLICIT)

    def _day_of_month(self, g: Grammar, m: Match) -> Resolution | None:
        """A day named without its month ("on the 12th", "no dia 10"): in the month of a date
        given in the same or the previous sentence, else in the publication's month ("o
        próximo dia 12" written on the 20th: the next month's)."""
        day = self._day(g, m.get("day") or m.get("day_nth"))
        after = MONTH_AFTER_RE.match(self.lower, m.end, self.sentence_end)
        if after and _norm(after.group(1)).rstrip(".") in g.months:
            return None  # "dia 5 de março": the date starts at the day
        before = PREVIOUS_WORD_RE.search(self.lower, self.sentence_start, m.start)
        coming = bool(before) and _norm(before.group(1)) in g.weekday_next  # "próximo dia 11"
        anchor = not coming and self.anchor_before(m.start, self.sentence - 1, precision="month")
        if anchor:
            year, month, how = anchor.when.year, anchor.when.month, ANCHORED
        elif self.published and self.published.day:
            year, month, how = self.published.year, self.published.month, RELATIVE
            if coming and day <= self.published.day:
                year, month = divmod(year * 12 + month, 12)
                month += 1
        else:
            return NOT_RESOLVED
        return _point(When(year, month, day), how) if _valid_day(year, month, day) else None

    def _soon(
        self, g: Grammar, m: Match, year: int, month: int, day: int, how: str, days: int = SOON_DAYS
    ) -> bool:
        """Whether a day put in the year before the publication's is rather one of the next
        `days`: "a ocho días de las elecciones del 5 de noviembre", written on 28 October,
        is not a day of eleven months ago (unless "last", a past verb or "of last year" says
        so)."""
        pub = self.published
        if how != RELATIVE or pub is None or pub.day is None or year != pub.year - 1:
            return False
        ahead = self._days_after_publication(month, day)
        return (
            ahead is not None
            and 0 < ahead <= days
            and not self.past_cued(g, m)
            and not self.reported_before(g, m.start)
            and not (g.year_after_re and g.year_after_re.match(self.lower, m.end))
        )

    def _weekday(self, g: Grammar, m: Match) -> Resolution:
        weekday, pub = g.weekdays[_norm(m.get("weekday"))], self.published
        if pub is None or pub.day is None:
            return NOT_RESOLVED
        day = self._listed_weekday(g, m, weekday) or self._weekday_day(g, m, weekday, pub)
        self.last_weekday = (m.end, day)
        return _point(When.of(day), RELATIVE)

    def _last_week_after(self, g: Grammar, end: int) -> bool:
        """Whether "last week" (the language's phrase for the week before) follows a weekday
        in its clause, within a few words ("between Tuesday and Sunday last week")."""
        limit = min(self.sentence_end, end + LAST_WEEK_WINDOW)
        mark = CLAUSE_MARK_RE.search(self.text, end, limit)
        window = self.lower[end : mark.start() if mark else limit]
        return any(
            re.search(rf"(?<!\w){re.escape(p)}(?!\w|['’]s\b)", window)  # not "last week's"
            for p, shift in g.relative.items()
            if shift == ("week", -1)
        )

    def _listed_weekday(self, g: Grammar, m: Match, weekday: int) -> date | None:
        """The day a weekday names right after another and a list word: the first such day
        after the other ("sabato e domenica", "from Monday to Wednesday", "próxima segunda e
        terça-feira"), whichever way the first was read."""
        if self.last_weekday is None:
            return None
        end, previous = self.last_weekday
        if not self._listed_after(g, end, m.start):
            return None
        return previous + timedelta(days=(weekday - previous.isoweekday() - 1) % 7 + 1)

    def _weekday_day(self, g: Grammar, m: Match, weekday: int, pub: When) -> date:
        day = pub.as_date()
        numbered = DAY_NUMBER_AFTER_RE.match(self.text, m.end, self.sentence_end)
        bare = DAY_NUMBER_BARE_RE.match(self.text, m.end, self.sentence_end)
        if numbered or bare:  # "nesta segunda-feira (7)": the day of the month says which
            near = [day + timedelta(days=k) for k in range(-NUMBERED_DAYS, NUMBERED_DAYS + 1)]
            fits = [d for d in near if d.day == int((numbered or bare).group(1))]
            best = [d for d in fits if d.isoweekday() == weekday]
            if best or (numbered and fits):  # a bare number only where the weekday fits
                return (best or fits)[0]
        before = PREVIOUS_WORD_RE.search(self.lower, self.sentence_start, m.start)
        after = NEXT_WORD_RE.match(self.lower, m.end, self.sentence_end)
        near_words = {_norm(x.group(1)) for x in (before, after) if x}
        previous = {_norm(before.group(1))} if before else set()
        if self._last_week_after(g, m.end):  # "on Thursday and Friday last week"
            self.days_past += 1
            monday = day - timedelta(days=day.isoweekday() - 1)
            return monday - timedelta(days=7 - (weekday - 1))
        if near_words & g.weekday_next:  # "next Tuesday", "martedì prossimo": never today
            self.days_to_come += 1
            day += timedelta(days=(weekday - day.isoweekday() - 1) % 7 + 1)
        elif near_words & g.weekday_last or _norm(m.get("weekday")) in g.weekday_last_forms:
            # "last Tuesday", "domenica scorsa", "i fredags"
            self.days_past += 1
            day -= timedelta(days=(day.isoweekday() - weekday - 1) % 7 + 1)
        elif previous & g.weekday_this:  # "esta quarta-feira": the publication's week
            day += timedelta(days=weekday - day.isoweekday())
        elif self.reported_before(g, m.start):  # "said Sunday it would"
            self.days_past += 1
            day -= timedelta(days=(day.isoweekday() - weekday) % 7)
        elif (
            self._deadline(g, m)  # "by Sunday", "bis zum Freitag", "für Mittwoch"
            or self.speaks_of_future(g, m.start, self._listed_end(g, m.end))
        ):  # "talks are scheduled for Sunday"
            self.days_to_come += 1
            day += timedelta(days=(weekday - day.isoweekday()) % 7)  # the next, on or after
        elif self.ahead and not self._past_clause(g, m.start, m.end):  # a text looking ahead
            day += timedelta(days=(weekday - day.isoweekday()) % 7)
        else:  # the latest, on or before
            self.weekdays_unplaced += 1
            day -= timedelta(days=(day.isoweekday() - weekday) % 7)
        return day

    def _past_clause(self, g: Grammar, start: int, end: int) -> bool:
        """Whether the clause of text[start:end] has a word of a past tense: a reported verb
        ("sagte Sprecher Dmitri Peskow am Freitag"), an auxiliary ("hatte am Dienstag
        gefordert") or a word with a past tense's ending ("apelou no domingo")."""
        begin = self.clause_start(start)
        mark = CLAUSE_MARK_RE.search(self.text, end, self.sentence_end)
        return self._past_words(g, begin, mark.start() if mark else self.sentence_end)

    def _past_words(self, g: Grammar, begin: int, finish: int) -> bool:
        """Whether text[begin:finish] has a word of a past tense (see `_past_clause`)."""
        for w in WORD_RE.finditer(self.text, begin, finish):
            word = _norm(w.group())
            if word in g.past_words or (
                len(word) >= PAST_ENDING_LETTERS
                and w.group().islower()
                and word.endswith(g.past_endings)
            ):
                return True
        return False

    def tells_ahead(self, spans: Sequence[tuple[int, int, Grammar]]) -> bool:
        """Whether no more of the text's sentences speak of the past alone than of the future
        alone (by their words: "will", "dovrebbe"; "said", "hatte", "apelou"): a week's review
        names days to come too, but tells of the past."""
        ahead = behind = 0
        for start, end, g in spans:
            future = bool(g.future_re and g.future_re.search(self.lower, start, end))
            past = self._past_words(g, start, end)
            ahead += future and not past
            behind += past and not future
        return ahead >= behind

    def looks_ahead(self) -> bool:
        """Whether the days the text names (weekdays a word places) are mostly to come (a
        preview, an agenda, a diary): then a weekday no word places is one to come too
        ("Motegi returns to Tokyo on Friday evening", "Mercoledì arriva a Seul anche Motegi",
        a headline's "giovedì l'Onu sulla Corea del Nord")."""
        return (
            self.weekdays_unplaced > 0
            and self.days_to_come >= AHEAD_DAYS
            and self.days_to_come >= AHEAD_RATIO * self.days_past
        )


def _sentence_languages(
    sentences: Sequence[tuple[int, int]],
    language: str,
    paragraph_languages: Iterable[tuple[int, int, str]],
) -> list[str]:
    spans = sorted(paragraph_languages)
    out = []
    for start, _ in sentences:
        out.append(next((lang for a, b, lang in spans if a <= start < b), language))
    return out


def extract(
    text: str,
    sentences: list[tuple[int, int]],
    language: str,
    published: str = "",
    paragraph_languages: Sequence[tuple[int, int, str]] = (),
    stamps: Sequence[tuple[int, str]] = (),
) -> list[Event]:
    """The temporal expressions of `text`, sorted by position.

    `sentences`: (start, end) offsets of the sentences in `text` (expressions never cross
    them); `language`: the article's ISO 639-1 code; `published`: the publication date at its
    precision ("2024-06", "2024-01-16", "" if unknown); `paragraph_languages`: optional
    (start, end, language) spans whose language differs from the article's; `stamps`:
    optional (offset, day) of the timestamps opening the entries of a text of several (posts,
    messages), in text order: what follows one is dated from its day, not the publication's.
    """
    base = When.parse(published)
    languages = _sentence_languages(sentences, language, paragraph_languages)
    starts, days = [s for s, _ in stamps], [When.parse(d) for _, d in stamps]

    def scan(ahead: bool) -> tuple[_Scanner, list[Event]]:
        scanner, events = _Scanner(text, base), []
        scanner.ahead = ahead
        for i, ((start, end), lang) in enumerate(zip(sentences, languages, strict=True)):
            k = bisect_right(starts, start) - 1
            scanner.published = days[k] if k >= 0 else base
            events.extend(scanner.scan(grammar(lang), i, start, end))
        return scanner, events

    scanner, events = scan(ahead=False)
    if scanner.looks_ahead() and scanner.tells_ahead(
        [(a, b, grammar(lang)) for (a, b), lang in zip(sentences, languages, strict=True)]
    ):
        _, events = scan(ahead=True)  # read again, the weekdays no word places to come
    return sorted(events, key=lambda e: (e.start_char, e.end_char))
