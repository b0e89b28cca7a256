"""Article metadata found in the text itself: dates, datelines, credit lines, titles.

Used when no manifest row (or page metadata) gives them. Candidates are found with cheap,
language-data-driven patterns on whole lines; `dateparser` normalises each candidate string.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from email.utils import parseaddr, parsedate_to_datetime
from functools import cache, lru_cache
from itertools import islice

from analysis import config
from analysis.events import grammar
from analysis.languages import LETTERS_RE, language_data, with_english

YEAR_RE = re.compile(r"(?<!\d)(1[89]\d\d|20\d\d|21\d\d)(?!\d)")
ISO_RE = re.compile(r"^\s*(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?(?:[T ][\d:.+\-Z]*)?\s*$")
#: A numeric date, maybe with its time ("03.02.2025 09.15", "12/11/2025, 14:32 Uhr")
NUMERIC_RE = re.compile(
    r"^\s*(\d{1,2})\s*([|/.\-])\s*(\d{1,2})\s*\2\s*(\d{4})"
    r"(?:,?\s+\d{1,2}[:.h]\d\d(?:\s*[^\W\d]{1,4})?)?\s*$"
)
TERMINAL = '.?!…"”’»)'
#: A line without final punctuation and at most this many words is a title, not prose.
MAX_TITLE_WORDS = 30
#: How many opening lines may hold a date line whose date is followed by a comma and more.
TOP_LINES = 10
#: The most words of a line linking an e-mail to its web version
WEB_VIEW_WORDS = 12
#: The longest part of a date line or byline read for its date.
MAX_DATE_PART = 200
#: Kinds of line that state a text's date.
DATED_KINDS = ("dateline", "byline")


@dataclass(frozen=True)
class FoundDate:
    value: str  # YYYY, YYYY-MM or YYYY-MM-DD
    precision: str  # "year", "month" or "day"
    evidence: str  # where it came from, for the articles table


def _iso(year: int, month: int | None = None, day: int | None = None) -> tuple[str, str] | None:
    try:
        if day is not None and month is not None:
            return date(year, month, day).isoformat(), "day"
    except ValueError:
        return None
    if month is not None:
        return (f"{year:04d}-{month:02d}", "month") if 1 <= month <= 12 else None
    return f"{year:04d}", "year"


def normalise_date_value(value: str) -> tuple[str, str] | None:
    """A manifest-style date (YYYY, YYYY-MM, YYYY-MM-DD, ISO timestamps) to (value, precision)."""
    m = ISO_RE.match(value or "")
    if not m:
        return None
    year, month, day = (int(g) if g else None for g in m.groups())
    return _iso(year, month, day)


#: A clock time closing a date ("18 Nov, 2025, 11:05", "March 4, 2025 at 2:17 PM EDT"), or
#: the half of the day ("Friday, October 16, 2026 (AM)": a press conference's): left out
#: before the date is read, or dateparser dates a year and a time to today's day
CLOCK_TAIL_RE = re.compile(
    r",?\s(?:(?:at|às|as|à|a las|alle|um|le)\s)?\d{1,2}\s?[:h]\s?\d{2}"
    r"(?:\s?(?:[ap]\.?\s?m\.?|uhr|h|[a-z]{2,4}(?:[+-]\d{1,2})?))?$"
    r"|\s\([ap]\.?m\.?\)$",
    re.IGNORECASE,
)


@lru_cache(maxsize=4096)
def parse_date(text: str, language: str = "en") -> tuple[str, str] | None:
    """One date string in any configured language to (value, precision), or None.

    Only absolute dates count (a four-digit year is required): a publication date is never
    inferred from "yesterday". ISO and day|month|year forms are read directly; everything else
    goes through dateparser, whose `period` gives the precision.
    """
    text = text.strip()
    if not YEAR_RE.search(text) or len(text) > 60:
        return None
    text = CLOCK_TAIL_RE.sub("", text)  # "2025, 11:05" is a year, not today
    iso = normalise_date_value(text)
    if iso:
        return iso
    m = NUMERIC_RE.match(text)
    if m:  # "26 | 12 | 2023", "06/12/2024": day first, but for "12/06/2024" in English
        first, second, year = int(m.group(1)), int(m.group(3)), int(m.group(4))
        if language == "en" and m.group(2) != "|" and first <= 12:
            return _iso(year, first, second)
        return _iso(year, second, first)

    if language not in config.configured_languages():  # dateparser's own ("12 maart 2025")
        languages = (language,) if language in _dateparser_languages() else None
    else:
        languages = (language,) if language in ("en",) else (language, "en")
    try:
        parser = _date_parser(languages)
        data = parser.get_date_data(text)
    except Exception:  # dateparser raises on some odd inputs; a non-date is simply not a date
        return None
    if data is None or data.date_obj is None:
        return None
    d = data.date_obj
    period = data.period or "day"
    if period == "year":
        return _iso(d.year)
    if period == "month":
        return _iso(d.year, d.month)
    return _iso(d.year, d.month, d.day)


@lru_cache(maxsize=1)
def _dateparser_languages() -> frozenset[str]:
    """The languages dateparser reads (its locale data ships with it)."""
    from dateparser.data.languages_info import language_order

    return frozenset(language_order)


@lru_cache(maxsize=16)
def _date_parser(languages: tuple[str, ...] | None):
    from dateparser.date import DateDataParser

    return DateDataParser(
        languages=list(languages) if languages else None,
        settings={
            "PREFER_DAY_OF_MONTH": "first",
            "REQUIRE_PARTS": ["year"],
            "RETURN_TIME_AS_PERIOD": False,
            "STRICT_PARSING": False,
        },
    )


def _alternatives(cues: tuple[str, ...]) -> str:
    """The cues as one regex alternation, longest first."""
    return "|".join(re.escape(c) for c in sorted(cues, key=len, reverse=True))


def _cue_pattern(cues: tuple[str, ...]) -> re.Pattern | None:
    if not cues:
        return None
    return re.compile(rf"^\(?\s*(?:{_alternatives(cues)})\b\s*:?\s*(?P<rest>.*?\S)(?:\s*\))?\s*$")


@lru_cache(maxsize=1)
def _phrase_credits() -> tuple[str, ...]:
    """The credit cues of several words in every language with a file ("Fuente original",
    "Articolo pubblicato originariamente su"): a page in one language may carry another's
    credit line (a Spanish portal's "Fuente original:" under an English text)."""
    codes = sorted(config.resource_languages())
    return tuple(c for code in codes for c in language_data(code).credit_cues if " " in c)


@lru_cache(maxsize=32)
def _patterns(language: str) -> tuple[re.Pattern | None, re.Pattern | None, re.Pattern | None]:
    data = language_data(language)
    english = language_data("en")
    credit = _cue_pattern(
        tuple(dict.fromkeys(data.credit_cues + english.credit_cues + _phrase_credits()))
    )
    published = _cue_pattern(data.published_cues + english.published_cues)
    byline = _cue_pattern(data.byline_prefixes + english.byline_prefixes)
    return credit, published, byline


@lru_cache(maxsize=32)
def _credit_inside(language: str) -> re.Pattern | None:
    """Where a credit with its colon begins inside a line, after a date: "21. November 2025,
    7:12 Uhr Quelle: ZEIT ONLINE, dpa, AFP, nk"."""
    cues = language_data(language).credit_cues + language_data("en").credit_cues
    return re.compile(rf"\s(?=(?:{_alternatives(cues)})\s*:)") if cues else None


def split_credit(text: str, language: str) -> tuple[str, str]:
    """A line's date and the credit after it ("21. November 2025, 7:12 Uhr", "Quelle: ZEIT
    ONLINE, dpa, AFP, nk"), or (text, "") when no credit follows a date."""
    inside = _credit_inside(language)
    m = inside.search(text) if inside and len(text) <= MAX_DATE_PART else None
    if not m or not FIRST_DIGIT_RE.search(text, 0, m.start()):
        return text, ""
    return text[: m.start()].strip(), text[m.end() :].strip()


#: A header line of an e-mail pasted or saved as text ("From: …", "Subject: …", "Date: …").
EMAIL_HEADER_RE = re.compile(r"^(from|to|cc|subject|date|sent)[ \t]*:[ \t]*(?P<value>\S.*)$", re.I)
#: How many opening lines are read for e-mail headers.
EMAIL_HEADER_LINES = 8


def email_headers(lines: list[str]) -> dict[str, str]:
    """The header fields (lower-cased names) of a text that opens as an e-mail: at least two
    header lines among its first few, one of them From or Subject; else nothing."""
    fields: dict[str, str] = {}
    for line in lines[:EMAIL_HEADER_LINES]:
        m = EMAIL_HEADER_RE.match(line.strip())
        if m:
            fields.setdefault(m.group(1).lower(), m.group("value").strip())
    return fields if len(fields) >= 2 and ("from" in fields or "subject" in fields) else {}


def _email_date(value: str, language: str) -> tuple[str, str] | None:
    """An e-mail's Date header: RFC 2822 ("Tue, 19 Nov 2024 06:30:12 +0900"), the day as the
    sender's clock had it; else read as any date ("Sent: Tuesday, 19 November 2024 06:30")."""
    try:
        return parsedate_to_datetime(value).date().isoformat(), "day"
    except (TypeError, ValueError, IndexError):
        return _first_date(value, language)


def email_sender(lines: list[str]) -> str:
    """The display name (else the address) of an e-mail's From header, or ""."""
    name, address = parseaddr(email_headers(lines).get("from", ""))
    return name or address


#: What separates the parts of a date line: "… | Ultimo aggiornamento …", "06/12/2024 - 17:48",
#: "RTP 18 Nov, 2025, 11:05 / atualizado em …".
PARTS_RE = re.compile(r"(?<!\s)\s*[|·•;]\s*|(?<!\s)\s+[-–—/]\s+")
#: An outlet's acronym printed before the date of its date line: "RTP 18 Nov, 2025, 11:05",
#: "ANSA 12.11.2025"
OUTLET_HEAD_RE = re.compile(r"^[A-ZÀ-ÝА-ЯЁ][A-ZÀ-ÝА-ЯЁ0-9&]{1,7}\s+(?=\d)")


#: An outlet's name before a slash and the byline: "OLJ / Par Sarah Haddad, le 21 novembre"
OUTLET_BYLINE_RE = re.compile(
    r"^(?P<outlet>[A-ZÀ-Ý][\w.&'’-]*(?:\s[A-ZÀ-Ý][\w.&'’-]*){0,2})\s+/\s+(?P<byline>\S.*)$"
)
#: Each role of a long wire credit ("Additional reporting by …") is at most this long
CREDIT_ROLE_WORDS = 14


def is_byline(line: str, language: str) -> bool:
    """A short line naming the writer: "By Anirban Ghosh, New Delhi", "Par Karim Amrani
    (Alger, correspondance)", "Von Katharina Lembke, Berlin", a wire's credit "(Reporting by
    Anna Wlodarczyk and Jordan Pike; Editing by Gareth Holm)": the names before the first
    comma or semicolon are counted, not the place or affiliation after them."""
    byline = _patterns(language)[2]
    text = line.strip()
    if outlet := OUTLET_BYLINE_RE.match(text):  # "OLJ / Par Sarah Haddad, le 21 novembre …"
        text = outlet.group("byline")
    m = byline.match(text) if byline else None
    if not m or not m.group("rest")[:1].isupper() or text[-1:] in ".?!":
        return False
    names = re.split(r"[;,]", text)[0]  # the writers, before their place or affiliation
    # a wire's credit names each role after a semicolon, and may run long: "Reporting by Chad
    # Mortensen in Nuuk and …; Additional reporting by …; Editing by …"
    roles = text.split(";")
    credit = len(roles) > 1 and all(len(role.split()) <= CREDIT_ROLE_WORDS for role in roles)
    most = CREDIT_ROLE_WORDS if credit else 10
    return len(PARTS_RE.sub(" ", names).split()) <= most and (len(text.split()) <= 20 or credit)


#: What separates a writer's name from their column and date: "Jordan Villanueva | Commentary |
#: 15 September 2025", "Ana Ruiz · 3 March 2025"; or a sender's name from its postal address
LINE_PARTS_RE = re.compile(r"\s+[|·•]\s+")
#: A capitalised word of a writer's name
_NAME_WORD = r"[A-ZÀ-Ý][\w'’.-]+"
#: A writer's name: two or three capitalised words
WRITER_NAME_RE = re.compile(rf"{_NAME_WORD}(?:\s+{_NAME_WORD}){{1,2}}")


#: A numeric date to the day ("14.11.2025", "14/11/2025")
_NUMERIC_DAY = r"\d{1,2}[./]\d{1,2}[./]\d{4}"
NUMERIC_DAY_RE = re.compile(rf"\b{_NUMERIC_DAY}\b")
#: After a writer's name and a comma, their place and a numeric date, maybe a time after it
#: ("Bern 14.11.2025, 05.30 Uhr")
PLACE_THEN_DATE_RE = re.compile(
    rf"^[A-ZÀ-Ý][\w'’.-]*(?:\s[A-ZÀ-Ý][\w'’.-]*){{0,2}}\s+(?P<date>{_NUMERIC_DAY})\b"
)


def _writer_line_date(line: str, language: str) -> tuple[str, str] | None:
    """The date of a writer's line without a "By": their name, then labels and a date between
    bars ("Jordan Villanueva | Commentary | 15 September 2025"), or a comma, their place and
    a numeric date ("Nicole Anliker, Bern 14.11.2025, 05.30 Uhr")."""
    text = line.strip()
    # (split only a line with a bar: most lines read here are prose)
    first, *rest = LINE_PARTS_RE.split(text) if any(b in text for b in "|·•") else [text]
    if rest and WRITER_NAME_RE.fullmatch(first):
        return next((found for part in rest if (found := parse_date(part, language))), None)
    name, comma, after = text.partition(",")
    m = PLACE_THEN_DATE_RE.match(after.strip()) if comma else None
    if m and WRITER_NAME_RE.fullmatch(name):
        return parse_date(m.group("date"), language)
    return None


def is_dated_writer_line(line: str, language: str) -> bool:
    """A writer's line without a "By" (see `_writer_line_date`)."""
    return _writer_line_date(line, language) is not None


#: A writer's name in capitals, a bar and their place in small letters, as Spanish dailies
#: print it under the headline: "ELENA MARTÍN RÍOS | Madrid" (not a rubric, "WORLD | EUROPE")
CAPS_WRITER_PLACE_RE = re.compile(
    r"^[A-ZÀ-Ý][A-ZÀ-Ý'’.-]+(?:\s+[A-ZÀ-Ý][A-ZÀ-Ý'’.-]+){1,3}\s+\|\s+"
    r"[A-ZÀ-Ý][a-zß-ÿ'’.-]+(?:\s[A-ZÀ-Ý][a-zß-ÿ'’.-]+)?$"
)


def is_writer_place_line(line: str) -> bool:
    """A writer's name in capitals and their place after a bar (`CAPS_WRITER_PLACE_RE`)."""
    return CAPS_WRITER_PLACE_RE.match(line.strip()) is not None


def is_headline_like(line: str) -> bool:
    """No sentence-final punctuation at the end: a title, caption, dateline or page residue."""
    stripped = line.rstrip()
    return bool(stripped) and stripped[-1] not in TERMINAL


FIRST_DIGIT_RE = re.compile(r"\d")


def _label_date(text: str, language: str) -> tuple[str, str] | None:
    """A language without resources has no cue words: a label, then a date to the day
    ("Opdateret 8. januar 2025 kl. 10.12", "ČTK 27.02.2025", "송고시간2024-10-18 15:02")."""
    if language in config.configured_languages():
        return None
    first_digit = FIRST_DIGIT_RE.search(text)
    if not first_digit or not first_digit.start():
        return None
    found = parse_date(text[first_digit.start() :], language)
    return found if found and found[1] == "day" else None


#: The most words of a label before a colon and a date ("Volume 775: debated on …")
COLON_LABEL_WORDS = 3


#: A date printed twice and glued, as a page's two date elements paste ("9 Nov 20259 Nov 2025")
DOUBLED_DATE_RE = re.compile(r"^(?P<before>.*?)(?P<date>\d.{3,30}?(?:19|20)\d\d)(?P=date)$")


def _undoubled(text: str) -> str:
    """`text` with a date printed twice and glued printed once ("On 9 Nov 20259 Nov 2025":
    "On 9 Nov 2025")."""
    m = DOUBLED_DATE_RE.match(text)
    return m.group("before") + m.group("date") if m else text


def _after_label(text: str, language: str) -> tuple[str, str] | None:
    """The date to the day after a short label and a colon, maybe after up to two lower-case
    words ("Volume 775: debated on Tuesday 25 November 2025")."""
    label, colon, rest = text.partition(":")
    if not colon or len(label.split()) > COLON_LABEL_WORDS or not rest.strip():
        return None
    found = _words_then_date(rest.strip(), language)
    return found if found and found[1] == "day" else None


def _within_year(text: str, language: str) -> bool:
    """Whether a text is a date to the month or the day, maybe after an outlet's acronym."""
    found = parse_date(OUTLET_HEAD_RE.sub("", text.strip()), language)
    return found is not None and found[1] != "year"


#: Each part of a line of stamps ("RTP 18 Nov, 2025, 11:05 / atualizado em …") is this short
STAMP_WORDS = 8


def _short_parts(text: str) -> bool:
    """A line of three or four short parts between separators: a newsletter's masthead with its
    issue and date ("The Caucasus Dispatch — Issue 112 — 6 December 2024"); or of two or three
    parts that each end in a clock time, a publication's stamp and its update's ("RTP 18 Nov,
    2025, 11:05 / atualizado em 18 Nov, 2025, 13:20")."""
    parts = PARTS_RE.split(text)
    if 3 <= len(parts) <= 4 and all(len(p.split()) <= 4 for p in parts):
        return True
    return 2 <= len(parts) <= 3 and all(
        len(p.split()) <= STAMP_WORDS and CLOCK_TAIL_RE.search(p.strip()) for p in parts
    )


#: A document's number after its kind: "Press Release (2025) 147", "Comunicato n. 12"
DOCUMENT_NUMBER_RE = re.compile(r"(?:\s+(?:no\.|n\.|nr\.|n°|nº|#)?\s*\(?\d[\d/.-]*\)?)+$")


def _is_document_label(line: str, language: str) -> bool:
    """A document's kind printed alone above its headline ("Press release", "Nota de
    prensa", "Communiqué de presse")."""
    text = DOCUMENT_NUMBER_RE.sub("", " ".join(line.split()).casefold().rstrip(":"))
    english = language_data("en").document_labels
    return text in language_data(language).document_labels or text in english


#: The most words of a relative timestamp line ("Updated about 3 hours ago")
TIMESTAMP_WORDS = 8


def _is_timestamp(line: str, language: str) -> bool:
    """A short line that a publication cue opens and a number follows, though no date a
    line class reads: "Updated about 3 hours ago", "Aggiornato 2 ore fa"."""
    published = _patterns(language)[1]
    return bool(
        published
        and _words(line) <= TIMESTAMP_WORDS
        and (m := published.match(line.strip()))
        and FIRST_DIGIT_RE.search(m.group("rest"))
    )


def is_web_view_line(line: str, language: str) -> bool:
    """An e-mail's link to its web version ("View this email in your browser")."""
    text = " ".join(line.split()).casefold()
    cues = language_data(language).web_view_lines + language_data("en").web_view_lines
    return len(text.split()) <= WEB_VIEW_WORDS and text.startswith(cues)


#: The most words of the name a credit's phrase gives without a colon
CREDIT_NAME_WORDS = 5


def _names_after_phrase(text: str, m: re.Match) -> bool:
    """Whether a credit of several words gives a short capitalised name and nothing else:
    "Articolo pubblicato originariamente in inglese su The Japan Times." (not "From the start
    …", whose cue is one word)."""
    cue, name = text[: m.start("rest")].split(), m.group("rest").rstrip(".")
    return (
        len(cue) >= 2
        and name[:1].isupper()
        and len(name.split()) <= CREDIT_NAME_WORDS
        and not any(c in name for c in ",;:")
    )


def classify_line(line: str, language: str, index: int) -> str:
    """Kind of one paragraph: headline, heading, dateline, byline, credit or body."""
    text = line.strip()
    words = len(text.split())
    credit, published, byline = _patterns(language)
    # A date line's parts count: "Jun 5th 2025 | ISTANBUL", "Publié le 16 mai 2024 à 10h12 –
    # Mis à jour le 16 mai 2024 à 20h47".
    # Or a part after a place: "Washington, DC | July 1, 2025".
    # (Parts are split only where they can matter: most lines are long body paragraphs.)
    # A year alone is no date line: a chronology's heading ("2024") or a table's row ("2023 |
    # 1.0–1.5 | fewer than 10").
    head, credited = split_credit(text, language)
    if credited and len(head.split()) <= 8 and _within_year(head, language):
        return "dateline"  # "21. November 2025, 7:12 Uhr Quelle: ZEIT ONLINE, dpa, AFP, nk"
    short = words <= 8 or (words <= 20 and _short_parts(text) and not is_byline(text, language))
    if short and YEAR_RE.search(text):
        parts = PARTS_RE.split(text, maxsplit=2)
        timeless = TIME_RE.sub("", text)  # "12.nov.2025 às 14h10"
        if (
            _within_year(text, language)
            or (len(parts) > 1 and any(_within_year(part, language) for part in parts))
            or (timeless != text and _within_year(TRAILING_WORDS_RE.sub("", timeless), language))
        ):
            return "dateline"
        # a full date before a comma and what the sitting or issue was: "martedì 10 dicembre
        # 2024, seduta n. 402" (only near the top, only a day: "June 2024, a turning point"
        # is a heading)
        if index < TOP_LINES and _day_head(text, language):
            return "dateline"
        # a place, then a date to the day: "Manila, April 29, 2025", "ROMA, 02 marzo 2027,
        # 13:42" (only near the top)
        place_date = index < TOP_LINES and (
            _place_date(text) or _place_date(timeless.rstrip(" ,;|–-"))
        )
        if place_date and (found := parse_date(place_date, language)) and found[1] == "day":
            return "dateline"
        if _label_date(text, language) or _after_label(text, language):
            return "dateline"
    if (
        published
        and published.match(text)
        and YEAR_RE.search(text)
        and len(PARTS_RE.split(text, maxsplit=1)[0].split()) <= 14
    ):
        return "dateline"
    if (
        credit
        and words <= 16
        and (m := credit.match(text))
        and (
            text.startswith("(")
            or ":" in text[:30]
            or YEAR_RE.search(text)
            or _names_after_phrase(text, m)
        )
    ):
        return "credit"
    if is_byline(text, language) and (  # "Por … | Seúl | 3 dic …"
        words <= 8 or len(PARTS_RE.split(text, maxsplit=1)) > 1
    ):
        return "byline"
    if is_writer_place_line(text):  # "ELENA MARTÍN RÍOS | Madrid"
        return "byline"
    if words <= 8 and NUMERIC_DAY_RE.search(text) and is_dated_writer_line(text, language):
        return "byline"  # "Nicole Anliker, Bern 14.11.2025, 05.30 Uhr"
    if is_headline_like(text) and words <= MAX_TITLE_WORDS:
        return "headline" if index == 0 else "heading"
    return "body"


#: Capital letters of the Latin, Cyrillic and Greek alphabets ("SEOUL", "ПХЕНЬЯН", "ΑΘΗΝΑ")
_UPPER = "A-ZÀ-ÝА-ЯЁЄІЇЎҐΑ-Ω"
#: The place of a dateline: in capitals ("SEOUL", "NEW YORK") or as a capitalised name of up to
#: five words, small linking words allowed ("Teherán", "Ciudad de México", "Roma").
_PLACE = (
    rf"(?:[{_UPPER}][{_UPPER} .'’/-]{{1,40}}"  # "NUUK/COPENHAGEN": a dateline of two places
    rf"|[{_UPPER}][\w'’./-]*(?:\s(?:[{_UPPER}][\w'’.-]*|de|del|di|da|la|el|do|upon|am|an)){{0,4}})"
)
#: The state or region a wire dateline may add after its place ("AMMAN, Jordan, Nov 4 (AFP)").
_REGION = r"(?:,\s+[A-ZÀ-Ý][\w'’.-]*(?:\s[A-ZÀ-Ý][\w'’.-]*){0,2})?"
#: A wire-service dateline opening the first paragraph: "SEOUL, March 12, 2024 — …",
#: "ROMA, 12 marzo 2024 - …", "MADRID (EFE), 13 de marzo de 2024. –", "Roma, 12 febbraio 2025 –",
#: "DOHA, July 19, 2025 (AFP) - …", a release's "(Nairobi, November 4, 2025) – …".
WIRE_DATELINE_RE = re.compile(
    rf"^(?P<paren>\()?{_PLACE}(?:\s*\([^)]{{1,30}}\))?{_REGION},\s+"
    r"(?P<date>[0-9A-ZÀ-Ý][^—–\n]{5,31}?)(?(paren)\))"  # "(Nairobi, November 4, 2025) –"
    r"(?:\s*\([^()\n]{1,30}\))?\.?\s*[—–-]\s"  # the agency may follow the date: "(AFP) -"
)


#: A place and a date, alone on a line: "Manila, April 29, 2025".
PLACE_DATE_RE = re.compile(rf"^{_PLACE}{_REGION},\s+(?P<date>\w[^,]{{2,24}}(?:,\s*\d{{4}})?)\.?$")


#: A wire dateline without a year: "BAMAKO, Jan 29 (Reuters) -", "CARACAS, 3 dic (EFE).-",
#: "(ANSA) - ROMA, 12 FEB -", "PARIS, 5 mars (AFP) -", "MOSCOW, June 20. /TASS/.", "La Habana,
#: 12 nov (Prensa Latina) El …", "Lima, nov. 21 (ANDINA). A un año …".
YEARLESS_DATELINE_RE = re.compile(
    rf"^(?:\([^()\n]{{1,30}}\)\s*[-–—]\s*)?{_PLACE}(?:\s*\([^()\n]{{1,30}}\))?{_REGION},\s+"
    # a time may follow: "Roma, 15 ott 11:20 - (Agenzia Nova) -"
    r"(?P<a>[^\W_]{1,12})\.?\s+(?P<b>[^\W_]{1,12})\.?\s*(?:\d{1,2}[:.h]\d\d\s*)?"
    r"(?:(?:\([^()\n]{1,30}\))?\s*\.?\s*[-–—]|/[^\W\d_][^/\n]{0,20}/\.?(?:\s|$)"
    r"|\([^()\n]{1,30}\)\.?\s+(?=[^\W\d_]))"  # "La Habana, 12 nov (Prensa Latina) El …"
)
#: The same without a place, as a factbox or a timeline opens: "Nov 25 (Reuters) - …"
PLACELESS_DATELINE_RE = re.compile(
    r"^(?P<a>[^\W_]{1,12})\.?\s+(?P<b>[^\W_]{1,12})\.?\s*\([^()\n]{1,30}\)\s*[-–—]\s"
)
#: A short line that is a day and a month without a year, maybe a time and a credit after it:
#: "27. Januar, 14:05 Uhr | dpa", "Jan 29 | 09:12".
YEARLESS_DATE_LINE_RE = re.compile(
    r"^(?P<a>[^\W_]{1,12})\.?\s+(?P<b>[^\W_]{1,12})\.?\s*(?:$|[,|·•]|[-–—]\s)"
)
#: How far after a weekday (characters) a "last week" makes it last week's
LAST_WEEK_WINDOW = 40
#: How many years back a dateline's weekday is looked for when the text names no year.
WEEKDAY_YEARS = 7
#: How many lines with text a dateline without a year may come after (a wire's headline,
#: bullet points, "(Adds …)" line and byline)
DATELINE_LINES = 8


def _relative_phrases(g, unit: str, n: int) -> set[str]:
    """The language's relative phrases for `n` units from the publication ("yesterday": day
    -1, "last week": week -1)."""
    return {phrase for phrase, shift in g.relative.items() if shift == (unit, n)}


def _month_day(a: str, b: str, language: str) -> tuple[int, int] | None:
    """(month, day) from a dateline's two words, in either order ("Jan 29", "3 dic", and in
    a language without a file of its own its locale's names: "19 июня")."""
    months = language_data("en").months | grammar(language).months
    for month, day in ((a, b), (b, a)):
        number = months.get(month.lower())
        if number and day.isdigit() and 1 <= int(day) <= 31:
            return number, int(day)
    return None


def _named_weekdays(lede: str, language: str) -> tuple[set[int], set[int]]:
    """The weekdays a lede names that may be its dateline's day (ISO numbers), and the days
    after them when it also says "yesterday" ("the clash of yesterday … on Monday":
    Tuesday). Not a weekday of last week ("between Tuesday and Sunday last week") nor one
    after a deadline cue ("until Friday": to come)."""
    g = grammar(language)
    lower = lede.lower()
    words = list(LETTERS_RE.finditer(lower))
    last_week = _relative_phrases(g, "week", -1)
    named = {
        g.weekdays[m.group()]
        for i, m in enumerate(words)
        if m.group() in g.weekdays
        and not any(p in lower[m.end() : m.end() + LAST_WEEK_WINDOW] for p in last_week)
        and not (i and words[i - 1].group() in g.deadline_cues)
    }
    yesterday = _relative_phrases(g, "day", -1) & {m.group() for m in words}
    return named, ({w % 7 + 1 for w in named} if yesterday else set())


def _years_named(text: str, language: str, today: date) -> tuple[list[int], list[int]]:
    """The years up to `today`'s a text names, and those it names only as a start ("since
    2023", "desde 2023", "seit 2023": the language's `past_kept` words right before)."""
    cues = grammar(language).past_kept
    lower = text.lower()
    named, starts = [], []
    for m in YEAR_RE.finditer(text):
        year = int(m.group())
        if year > today.year:
            continue
        before = lower[max(0, m.start() - 16) : m.start()].rstrip()
        since = any(before.endswith(c) and not before[: -len(c)][-1:].isalpha() for c in cues)
        (starts if since else named).append(year)
    return named, starts


def _year_of_dateline(
    month: int, day: int, text: str, lede: str, language: str, today: date
) -> tuple[int, str] | None:
    """The year of a dateline that gives none. When its lede names a weekday ("said on
    Wednesday"): the latest year, from the year before the latest the text names up to
    `today`, in which the date falls on that weekday (one it names before the day after one
    it names beside "yesterday"); else the latest year the text names. A year named only as
    a start ("frozen since 2023") is one the text was written after: when it is the latest,
    the latest year is the last in which the date was not after `today`."""
    named, after_yesterday = _named_weekdays(lede, language)
    years, starts = _years_named(text, language, today)
    latest, how = max(years, default=None), "the latest year the text names"
    first = latest - 1 if latest else today.year - WEEKDAY_YEARS
    start = max(starts, default=None)
    if start is not None and (latest is None or latest < start):  # written after its start
        first = max(start, today.year - WEEKDAY_YEARS)
        latest = today.year - (
            _iso(today.year, month, day) is None or (month, day) > (today.month, today.day)
        )
        how = f"the latest up to today, the text naming {start} as a start"
    for weekdays in (named, after_yesterday):
        for year in range(today.year, first - 1, -1) if weekdays else ():
            when = _iso(year, month, day) and date(year, month, day)  # None: no such day
            if when and when <= today and when.isoweekday() in weekdays:
                return year, f"{year}, the latest year in which it falls on its lede's weekday"
    if latest and _iso(latest, month, day):
        return latest, f"{latest}, {how}"
    return None


#: A wire service's transmission stamp closing its copy, day-month-year and a clock time:
#: "12-GEN-26 14:35 NNNN", "19-05-26 08:41" (ANSA). Its two-digit year is the dateline's when
#: their days agree.
WIRE_STAMP_RE = re.compile(r"^(\d{1,2})-([^\W\d_]{3,9}|\d{1,2})-(\d{2})\s+\d{1,2}[:.]\d{2}\b")
#: The routing line above that stamp: the desk's and the service's codes ("KAN/ S0B QBXB")
WIRE_ROUTING_RE = re.compile(r"^[A-Z0-9]{2,5}/\s?[A-Z0-9]{2,5}(?:\s+[A-Z0-9/]{2,6}){0,3}$")
#: How many of the last non-empty lines may hold that stamp.
WIRE_STAMP_LINES = 4


def _stamp_month_day(day: str, month: str, language: str) -> tuple[int, int] | None:
    """(month, day) of a transmission stamp's day and month, the month a name or a number."""
    if month.isdigit():
        return (int(month), int(day)) if 1 <= int(month) <= 12 and 1 <= int(day) <= 31 else None
    return _month_day(day, month, language)


def _stamp_year(lines: list[str], month: int, day: int, language: str) -> tuple[int, str] | None:
    """The year of a closing transmission stamp that gives the dateline's day and month."""
    for line in _closing(lines, WIRE_STAMP_LINES):
        m = WIRE_STAMP_RE.match(line)
        if m and _stamp_month_day(m.group(1), m.group(2), language) == (month, day):
            year = 2000 + int(m.group(3))
            return year, f"{year}, from the closing transmission stamp '{line[:20]}'"
    return None


def _yearless_dateline(lines: list[str], language: str, today: date) -> FoundDate | None:
    """A wire dateline with a day and a month but no year, in the first lines that are not
    blank (under a wire's headline, bullet points and byline), its year inferred (see
    _year_of_dateline)."""
    filled = [i for i, line in enumerate(lines) if line.strip()][:DATELINE_LINES]
    for i, line in ((i, lines[i]) for i in filled):
        m = YEARLESS_DATELINE_RE.match(line.strip()) or PLACELESS_DATELINE_RE.match(line.strip())
        own_line = m is None and len(line.split()) <= 8 and not YEAR_RE.search(line)
        if own_line:
            m = YEARLESS_DATE_LINE_RE.match(line.strip())  # "27. Januar, 14:05 Uhr | dpa"
        found = m and _month_day(m.group("a"), m.group("b"), language)
        if not found:
            continue
        # The lede: the rest of a wire dateline's paragraph and the next one; after a date
        # line of its own, the next two (a caption may come first).
        rest = [] if own_line else [line.strip()[m.end() :]]
        after = (later for later in lines[i + 1 :] if later.strip())
        lede = "\n".join([*rest, *islice(after, 2 - len(rest))])
        year = _stamp_year(lines, *found, language) or _year_of_dateline(
            *found, "\n".join(lines), lede, language, today
        )
        if year is None:
            return None
        where = f"dateline '{line.strip()[:40]}' (no year: {year[1]})"
        return FoundDate(*_iso(year[0], *found), evidence=where)
    return None


#: How many words after a lede's weekday its day and month may come ("lundi 14 avril",
#: "Monday, April 14", "Montag, dem 14. April").
WEEKDAY_DATE_WORDS = 4


def _weekday_date(line: str, language: str) -> tuple[int, int] | None:
    """(month, day) of the first weekday written with its day and month and no year in
    `line` ("Ce lundi 14 avril", "on Monday, April 14")."""
    g = grammar(language)
    words = re.findall(r"[^\W_]+", line.lower())
    for i, word in enumerate(words):
        if word not in g.weekdays:
            continue
        after = words[i + 1 : i + 1 + WEEKDAY_DATE_WORDS]
        for a, b in zip(after, after[1:], strict=False):
            if found := _month_day(a, b, language):
                return found
    return None


def _published_today(lines: list[str], language: str, today: date) -> FoundDate | None:
    """A 'published' line that says only "today" ("Publié aujourd'hui à 06h00"): the date
    of the lede's weekday, when the lede writes it with its day and month ("Ce lundi 14
    avril"), in the latest year in which that day falls on that weekday."""
    _, published, _ = _patterns(language)
    g = grammar(language)
    today_words = _relative_phrases(g, "day", 0)
    for i, line in enumerate(lines[:8]):
        text = line.strip()
        if not (published and len(text.split()) <= 12 and published.match(text)):
            continue
        lower = text.lower().replace("’", "'")
        if not any(re.search(rf"(?<!\w){re.escape(w)}(?!\w)", lower) for w in today_words):
            continue
        for later in [x for x in lines[i + 1 :] if x.strip()][:2]:
            found = _weekday_date(later, language)
            year = found and _year_of_dateline(*found, "\n".join(lines), later, language, today)
            if year:
                where = f"'{text[:40]}' and the lede's '{later.strip()[:30]}…' ({year[1]})"
                return FoundDate(*_iso(year[0], *found), evidence=where)
    return None


#: A clock time: "10:32", "18h12", "05.30"
CLOCK = r"\b\d{1,2}\s?[:h.]\s?\d{2}\b"
#: A clock time and what follows it: "alle 10:32", "à 18h12, modifié le …", "14:05 Uhr".
TIME_RE = re.compile(rf"(?<!\s)\s*{CLOCK}.*$", re.IGNORECASE)
#: Short lower-case words left before a time once it is cut ("alle", "à", "at", "a las").
TRAILING_WORDS_RE = re.compile(r"(?:\s+[^\W\d]{1,5}){1,2}\s*$")


def _first_date(text: str, language: str) -> tuple[str, str] | None:
    """The first date of a dateline or byline: its parts in order, each read without a
    clock time after its date ("Pubblicato il 14 marzo 2025 alle 10:32 | Ultimo
    aggiornamento alle 12:47", "Publié le 3 février 2025 à 18h12, modifié le 4 février",
    "By Clara Whitmore | March 4, 2025")."""
    if NUMERIC_RE.match(text):  # "26 | 12 | 2023" is one date, not three parts
        return parse_date(text, language)
    for part in PARTS_RE.split(text):
        if len(part) > MAX_DATE_PART:  # prose, not a date (and kept from slow patterns)
            continue
        part = OUTLET_HEAD_RE.sub("", part.strip())  # "RTP 18 Nov, 2025, 11:05"
        head = TIME_RE.sub("", part)
        found = head != part and (
            parse_date(head, language) or parse_date(TRAILING_WORDS_RE.sub("", head), language)
        )
        found = (
            found
            or _date_tail(part, language)
            or parse_date(TRAILING_WORDS_RE.sub("", part), language)  # "March 2025 issue"
            or _day_head(part, language)  # "martedì 10 dicembre 2024, seduta n. 402"
            or _after_time(part, language)  # "alle 20:42 GMT+9 del 2 aprile 2027"
        )
        if found:
            return found
    return None


def timestamps(lines: list[str], kinds: list[str], language: str) -> list[tuple[int, str]]:
    """(line number, day) of the date lines with a clock time that open the entries of a
    text of several (a channel's posts, a thread's messages: "Oct 23, 2024 at 14:05"), when
    they name at least two days; else none (one date line is the article's own)."""
    stamps = []
    for i, (line, kind) in enumerate(zip(lines, kinds, strict=True)):
        if kind == "dateline" and len(line) <= MAX_DATE_PART and TIME_RE.search(line):
            found = _first_date(line, language)
            if found and found[1] == "day":
                stamps.append((i, found[0]))
    if len({day for _, day in stamps}) >= 2:
        return stamps
    return _delivered(lines, language)


def _delivered(lines: list[str], language: str) -> list[tuple[int, str]]:
    """(line number, day) of the line after a speech's "Delivered on: 18 November 2025" in
    its opening lines: what follows speaks from the day it was delivered, not published."""
    cues = language_data(language).delivered_cues
    for i, line in enumerate(lines[:OPENING_LINES]):
        text = line.strip().casefold()
        cue = next((c for c in cues if text.startswith(c)), None)
        if cue and i + 1 < len(lines):
            rest = line.strip()[len(cue) :].lstrip(" :").split("(")[0]  # "(Transcript …)"
            found = _first_date(rest.strip(), language)
            if found and found[1] == "day":
                return [(i + 1, found[0])]
    return []


#: An ISO date that opens a line's part, words after it ("2025-11-23 Hit 512": a board's date
#: and view count)
ISO_HEAD_RE = re.compile(r"^(\d{4}-\d\d-\d\d)\s+\D")
#: A full date with its year at the head of a date line, maybe after a short preposition, and
#: other words after it: "on 9 April 2026 by authority of the House", "am 3. März 2026 in Berlin"
DATE_HEAD_RE = re.compile(
    r"^(?:[^\W\d_]{1,3}\s+)?(?P<date>\d{1,2}\.?\s+[^\W\d_]{3,12}\.?\s+\d{4}"
    r"|[^\W\d_]{3,12}\.?\s+\d{1,2},?\s+\d{4})(?=\s+[^\W\d_])"
)


def _day_head(text: str, language: str) -> tuple[str, str] | None:
    """The full date before one of a line's first commas, if it is one to the day
    ("martedì 10 dicembre 2024, seduta n. 402"; "on August 15, 2025, at Gwanghwamun
    Square"), or a full or ISO date before other words ("on 9 April 2026 by authority of the
    House", "Date 2025-11-23 Hit 512")."""
    if m := ISO_HEAD_RE.match(text):
        return normalise_date_value(m.group(1))
    if (m := DATE_HEAD_RE.match(text)) and (found := parse_date(m.group("date"), language)):
        return found
    parts = text.split(",", 3)
    for i in range(1, len(parts)):
        found = parse_date(",".join(parts[:i]), language)
        if found and found[1] == "day":
            return found
    return None


def _place_date(text: str) -> str:
    """The date after a place and a comma on a line of its own ("Manila, April 29, 2025",
    "Washington, D.C., April 11, 2024"), or ""."""
    m = PLACE_DATE_RE.match(text)
    return m.group("date") if m else ""


#: A clock time with its zone, and the short words after it, before a date: "alle 20:42
#: GMT+9 del 2 aprile 2027", "à 18h12 (CET) le 3 février 2025", "08:15 UTC on 2 April 2027"
TIME_FIRST_RE = re.compile(
    rf"(?<![\d.,/]){CLOCK}(?![.,/]\d)(?:\s?[ap]\.?m\.?)?"
    r"(?:\s*\(?(?:GMT|UTC|[A-Z]{2,4}T)(?:\s?[+−-]\s?\d{1,2}(?::?\d{2})?)?\)?)?"
    r"[\s,]*(?:[^\W\d]{1,5}\s+){0,2}",
    re.IGNORECASE,
)


def _after_time(text: str, language: str) -> tuple[str, str] | None:
    """The date to the day right after a clock time that opens a stamp ("Aggiornato alle
    20:42 GMT+9 del 2 aprile 2027")."""
    m = TIME_FIRST_RE.search(text)
    if not m or not text[m.end() :].strip() or any(c.isdigit() for c in text[: m.start()]):
        return None  # no time, nothing after it, or a date before it
    found = parse_date(text[m.end() :].strip(), language)
    return found if found and found[1] == "day" else None


def _date_tail(text: str, language: str) -> tuple[str, str] | None:
    """The date `text` is, or the longest comma-separated tail of it that is one
    ("9:42 PM GMT+8, December 11, 2023"; "The Yomiuri Shimbun, Jan. 16, 2024")."""
    parts = text.split(",")
    for i in range(len(parts)):
        found = parse_date(",".join(parts[i:]), language)
        if found:
            return found
    return None


@lru_cache(maxsize=32)
def _closing_cue(language: str) -> re.Pattern | None:
    """A 'published' cue inside a closing credit, in any case ("(Reporting by …; published
    22 November 2025)")."""
    cues = language_data(language).published_cues + language_data("en").published_cues
    if not cues:
        return None
    return re.compile(rf"^(?:{_alternatives(cues)})\b\s*:?\s*(?P<rest>.*?\S)\s*$", re.IGNORECASE)


@lru_cache(maxsize=32)
def _published_words(language: str) -> re.Pattern | None:
    """A closing sentence's words for coming out, and what follows them ("This story was
    first published on Nov. 14, 2025.", "Esta noticia se publicó originalmente el …")."""
    words = language_data(language).published_words + language_data("en").published_words
    if not words:
        return None
    return re.compile(
        rf"\b(?:{_alternatives(words)})\b\s*(?P<rest>.*?[^\s.])[\s.]*$", re.IGNORECASE
    )


#: The most words a closing line that dates the article may have.
CLOSING_WORDS = 16
#: Up to two lower-case words before a date ("originalmente el 14 de noviembre de 2025").
LEADING_WORDS_RE = re.compile(r"^(?:[^\W\d\sA-ZÀ-Ý][^\W\d]*\s+){1,2}")
#: A closing agency credit with the date: "(ANSA, 28 ottobre 2025)", "(AFP, March 3, 2025)".
AGENCY_CREDIT_RE = re.compile(r"^\((?P<name>[^,()\n]{2,40}),\s*(?P<date>[^()\n]{6,40})\)\.?$")


#: A wire slug closing an agency's story: agency, desk codes, day and time (DDHHMM), month,
#: year ("dpa xy/ab 071530 Nov 24", "(AGI)Red/Gav 201530 NOV 25"); the stamp may have a line
#: of its own under the codes ("dpa mk/lk yyzz a3 dt" / "061800 Dez 26").
WIRE_SLUG_RE = re.compile(
    r"^(?:(?:dpa\b|\([A-Z][\w.]{1,10}\))[^\n]{0,30}?\b)?(?P<day>\d{2})\d{4}\s+"
    r"(?P<month>[A-Z][a-z]{2}|[A-Z]{3})\s+(?P<year>\d{2})$"
)
#: A wire slug closing an APA story: the story's code, its date and time
#: ("APA0123    2025-01-02/11:45").
ISO_SLUG_RE = re.compile(r"^[A-Z]{2,6}\d{2,6}\s+(?P<date>\d{4}-\d\d-\d\d)(?:[/ T]\d\d?:\d\d)?$")


def _closing_date(line: str, language: str) -> tuple[str, str] | None:
    """The date a closing line gives for the article: an agency credit "(ANSA, 28 ottobre
    2025)", a dpa or APA wire slug ("dpa xy/ab 071530 Nov 24", "APA0123 2025-01-02/11:45"),
    or a short sentence saying when it was published (the date right after the words, maybe
    after a preposition or an adverb)."""
    text = line.strip()
    m = AGENCY_CREDIT_RE.match(text)
    if m:
        return parse_date(m.group("date"), language)
    m = WIRE_SLUG_RE.match(text)
    found = m and _month_day(m.group("month"), m.group("day"), language)
    if found:
        return _iso(2000 + int(m.group("year")), *found)
    m = ISO_SLUG_RE.match(text)
    if m:
        return parse_date(m.group("date"), language)
    words = _published_words(language)
    m = words.search(text) if words and len(text.split()) <= CLOSING_WORDS else None
    return _words_then_date(m.group("rest"), language) if m else None


def _words_then_date(text: str, language: str) -> tuple[str, str] | None:
    """The date `text` is, maybe after up to two lower-case words ("originalmente el 14 de
    noviembre de 2025", "el 6 de diciembre de 2024")."""
    return parse_date(text, language) or parse_date(LEADING_WORDS_RE.sub("", text), language)


#: How many closing lines are searched for a signed document's formula (signatures follow it).
SIGNED_LINES = 16


@lru_cache(maxsize=32)
def _signed_formula(language: str) -> re.Pattern | None:
    """The formula closing a signed document, and its place and date after it."""
    words = language_data(language).signed_words
    if not words:
        return None
    return re.compile(rf"^(?:{_alternatives(words)})\s+(?P<rest>.*?[^\s.])[\s.]*$")


def _signed_date(lines: list[str], language: str) -> tuple[str, str] | None:
    """The date a signed document gives where it closes, before its signatures: "Hecho en
    Montevideo, el 6 de diciembre de 2024.", "Done at Brussels on 3 March 2025"."""
    formula = _signed_formula(language)
    if formula is None:
        return None
    for line in reversed(_closing(lines, SIGNED_LINES)):
        m = formula.match(line) if len(line.split()) <= CLOSING_WORDS else None
        if not m:
            continue
        place, _, rest = m.group("rest").partition(",")
        for tail in (rest, place.partition(" on ")[2]):  # "Done at Brussels on 3 March 2025"
            if tail.strip() and (found := _words_then_date(tail.strip(), language)):
                return found
    return None


def find_published(
    lines: list[str], kinds: list[str], language: str, today: date | None = None
) -> FoundDate | None:
    """The publication date stated in the text: an e-mail's Date header, a dateline, a
    'Published' line, a wire dateline opening the first paragraph, a credit footer such as
    "(From The Yomiuri Shimbun, Jan. 16, 2024)", a 'published' part of a closing credit
    ("(Reporting by …; published 22 November 2025)"), or a closing line: an agency credit
    with the date ("(ANSA, 28 ottobre 2025)") or a sentence saying when it was published
    ("This story was first published on Nov. 14, 2025."). First found wins, in that order.
    Last, a wire dateline without a year ("BAMAKO, Jan 29 (Reuters) -") with its year
    inferred (never after `today`)."""
    credit, published, _ = _patterns(language)
    headers = email_headers(lines)
    sent = headers.get("date") or headers.get("sent")
    if sent and (found := _email_date(sent, language)):
        return FoundDate(*found, evidence=f"e-mail header '{sent[:60]}'")
    for line, kind in zip(lines, kinds, strict=True):
        text = line.strip()
        if kind in DATED_KINDS:
            m = published.match(text) if published else None
            candidate = _undoubled(m.group("rest") if m else text)
            found = (
                _first_date(candidate, language)
                or _label_date(candidate, language)
                or _after_label(candidate, language)
                or (kind == "byline" and _writer_line_date(candidate, language))
            )
            if found:
                return FoundDate(*found, evidence=f"{kind} '{text[:60]}'")
    for line, kind in list(zip(lines, kinds, strict=True))[:6]:
        m = WIRE_DATELINE_RE.match(line.strip()) if kind == "body" else None
        if m and (found := parse_date(m.group("date"), language)):
            return FoundDate(*found, evidence=f"dateline '{line.strip()[:40]}…'")
    for line, kind in zip(lines, kinds, strict=True):
        if kind != "credit" or credit is None:
            continue
        m = credit.match(line.strip())
        rest = m.group("rest").split(",", 1) if m else []
        found = _date_tail(rest[1], language) if len(rest) == 2 else None  # after the name
        if found:
            return FoundDate(*found, evidence=f"credit line '{line.strip()[:60]}'")
    closing = _closing_cue(language)
    for line in lines[-3:] if closing else ():
        for part in re.split(r"[;()\[\]]", line):
            m = closing.match(part.strip()) if len(part.split()) <= 8 else None
            if m and (found := _date_tail(m.group("rest"), language)):
                return FoundDate(*found, evidence=f"credit line '{line.strip()[-60:]}'")
    for line in _closing(lines, 2):
        if found := _closing_date(line, language):
            return FoundDate(*found, evidence=f"closing line '{line[-60:]}'")
    if found := _signed_date(lines, language):
        return FoundDate(*found, evidence="the signed document's closing formula")
    today = today or date.today()
    return (
        _yearless_dateline(lines, language, today)
        or _published_today(lines, language, today)
        or _copyright_year(lines, today)
    )


#: The year right after a copyright mark: "© 2025 The Northern Ledger", "Copyright (c) 2024"
COPYRIGHT_YEAR_RE = re.compile(r"(?:19|20)\d\d\b")
#: How far after the mark a range's last year may come: "© 2019–2025"
COPYRIGHT_YEARS_CHARS = 12


def _filled(lines: list[str]) -> list[str]:
    """The lines that are not blank, stripped."""
    return [line.strip() for line in lines if line.strip()]


def _closing(lines: list[str], n: int) -> list[str]:
    """The last `n` lines that are not blank, stripped (read from the end: an article has
    tens of lines, and this is asked for its last two to four several times)."""
    if n <= 0:
        return _filled(lines)[-n:]
    found: list[str] = []
    for line in reversed(lines):
        if stripped := line.strip():
            found.append(stripped)
            if len(found) == n:
                break
    return found[::-1]


def _copyright_year(lines: list[str], today: date) -> FoundDate | None:
    """The year a closing copyright line gives ("© 2025 The Northern Ledger"), as the year of
    publication, where nothing else dates the text (a range's last year: "© 2019–2025"; none
    after `today`)."""
    for line in _closing(lines, COPYRIGHT_LINES):
        for m in COPYRIGHT_RE.finditer(line):
            if not COPYRIGHT_YEAR_RE.match(line, m.end()):
                continue
            window = line[m.end() : m.end() + COPYRIGHT_YEARS_CHARS]
            past = [int(y) for y in YEAR_RE.findall(window) if int(y) <= today.year]
            if past:
                return FoundDate(str(max(past)), "year", f"copyright line '{line[:40]}'")
    return None


def find_source(lines: list[str], kinds: list[str], language: str) -> tuple[str, str]:
    """(publisher, where from) as the text names it: a credit line ("(From The Yomiuri
    Shimbun, …)", "Source: site.com"), a copyright line at the end ("© 2025 Europa Press."), a
    wire agency's tag in the dateline ("SEOUL, Oct. 18 (Yonhap) --"), a masthead above the
    headline ("The Continental Post") or the publisher a byline names after its writer; for an
    e-mail, its sender ("From: The Tokyo Security Brief <brief@…>"). ("", "") when it names
    none."""
    if sender := email_sender(lines):  # a newsletter: who sent it
        return sender, "e-mail sender"
    for find, where in (
        (lambda: _credited(lines, kinds, language), "credit line"),
        (lambda: _name_over_section_line(lines, kinds, language), "masthead"),
        (lambda: _wire_agency(lines), "wire dateline"),
        (lambda: _closing_agency(lines, language), "closing sign-off"),
        (lambda: _copyright(lines, language), "copyright line"),
        (lambda: masthead(lines, kinds, language), "masthead"),
        (lambda: _dated_masthead(lines, kinds, language), "masthead"),
        (lambda: _byline_publisher(lines, kinds, language), "byline"),
        (lambda: _release_speaker(lines, kinds), "release dateline"),
        (lambda: _with_agencies(lines), "publisher and agencies line"),
        (lambda: _postal_footer(lines, language), "address footer"),
        (lambda: _promoted(lines, language), "promotion"),
    ):
        if name := find():
            if where == "wire dateline":  # "(Yonhap)" and "(C) Yonhap News Agency": the whole
                name = _in_full(name, _copyright(lines, language))
            return name, where
    return "", ""


#: How many closing lines may hold a newsletter's postal footer
FOOTER_LINES = 4


def _postal_footer(lines: list[str], language: str) -> str:
    """The sender a newsletter's closing postal address names: an institution's name, then
    its address with a number ("Harbour Institute for Strategic Studies · 20 Collyer Quay,
    Singapore 049319"), as mailing lists must print it."""
    for line in _closing(lines, FOOTER_LINES):
        name, *rest = LINE_PARTS_RE.split(line.strip())
        if (
            rest
            and any(FIRST_DIGIT_RE.search(part) for part in rest)
            and is_masthead(name, language)
        ):
            return name
    return ""


#: How many closing lines may hold a publisher's promotion of itself
PROMOTION_LINES = 6
#: A name's words in a promotion: capitalised ones, joined by short small words ("Corriere
#: della Sera", "EL PAÍS América"), or a brand ("derStandard")
_PROMOTED_NAME = (
    r"(?:[A-ZÀ-Ý][\w’'-]*|\w*[a-zà-ÿ][A-ZÀ-Ý]\w*)"
    r"(?:\s+(?:[a-zà-ÿ]{1,5}\s+)?(?:[A-ZÀ-Ý][\w’'-]*|\w*[a-zà-ÿ][A-ZÀ-Ý]\w*)){0,5}"
)


@cache
def _promotion_re(language: str) -> re.Pattern | None:
    """A promotion's words, a newsletter's own name in quotes and the small word after it
    ("newsletter «Il Punto» del"), an article, and the publisher's name."""
    words = with_english(language, "promotion_words")
    if not words:
        return None
    articles = "|".join(map(re.escape, sorted(language_data(language).articles, key=len)[::-1]))
    article = rf"(?:(?P<article>{articles})\s+)?" if articles else ""
    # the words' first letters first: one test where no promotion starts, most places
    firsts = {w[0] for code in (language, "en") for w in language_data(code).promotion_words}
    return re.compile(
        rf"(?=(?i:[{''.join(map(re.escape, sorted(firsts)))}]))"
        rf"(?i:{words})\s+(?:[«\"“„][^»\"”“]{{1,60}}[»\"”“]\s+[a-zà-ÿ']{{1,5}}\s+)?"
        rf"{article}(?P<name>{_PROMOTED_NAME})"
    )


def _promoted(lines: list[str], language: str) -> str:
    """The publisher a page's promotion of itself names, at the top or the end ("Why you can
    trust SCMP", "Consider supporting the Kyiv Independent.", "Suscríbase a la newsletter de
    EL PAÍS América y …"): the article is the name's where it is capitalised ("become a
    member of The Kyiv Independent")."""
    promotion = _promotion_re(language)
    if promotion is None:
        return ""
    for line in [*lines[:TOP_LINES], *_closing(lines, PROMOTION_LINES)]:
        m = promotion.search(line)
        # a state or body the story speaks of is no publisher ("consider supporting Ukraine")
        if m and (name := m.group("name")).casefold() not in _actor_names(language):
            article = m.groupdict().get("article") or ""
            return f"{article} {name}" if article[:1].isupper() else name
    return ""


@cache
def _actor_names(language: str) -> frozenset[str]:
    """The gazetteer's names of actors in `language`, case-folded (not the names it blocks,
    many of them publishers': "Kyiv Independent")."""
    from analysis.actors import load_gazetteer

    entries = load_gazetteer().entries_for(language)
    return frozenset(e.surface.casefold() for e in entries if not e.is_block)


def _in_full(name: str, full: str) -> str:
    """The agency's full name where the copyright line's name opens with its tag ("Yonhap
    News Agency"), else its tag (writers name "EFE" beside a closing "Agencia EFE")."""
    words = re.findall(r"[\w'’.-]+", full)
    if words and words[0].casefold() == name.casefold() and len(words) <= MASTHEAD_WORDS:
        return full
    return name


#: Who a release's opening paragraph says speaks "today": "…, Human Rights Watch said today."
RELEASE_SPEAKER_RE = re.compile(
    r"[,.;]\s+(?P<name>(?:[A-Z][\w&'’.-]*\s){0,5}[A-Z][\w&'’.-]*)\s+(?:said|says)\s+today\b"
)


def _release_speaker(lines: list[str], kinds: list[str]) -> str:
    """The organisation that issues a release whose first paragraph opens with its place and
    date in brackets, as it names itself there ("(Nairobi, November 4, 2025) – …, Human
    Rights Watch said today.")."""
    for line, kind in list(zip(lines, kinds, strict=True))[:WIRE_LINES]:
        m = WIRE_DATELINE_RE.match(line.strip()) if kind == "body" else None
        if m and m.group("paren"):
            said = RELEASE_SPEAKER_RE.search(line)
            return said.group("name") if said else ""
    return ""


#: A name that ends in initials, whose last full stop is its own ("F.A.Z.", "U.S.")
INITIALS_END_RE = re.compile(r"(?:^|[.\s])[A-Z]\.[A-Z]\.$")
#: Where a credit's institution ends before the people it also credits: " and The Rt Hon …"
CREDIT_AND_RE = re.compile(r"\s+and\s+(?=[A-Z])")


def _credited(lines: list[str], kinds: list[str], language: str) -> str:
    """The name a credit line gives: "(From The Yomiuri Shimbun, Jan. 16, 2024)", and a
    closing "Published in Dawn, November 12th, 2025" (a date line too)."""
    credit, _, _ = _patterns(language)
    if credit is None:
        return ""
    for line, kind in zip(lines, kinds, strict=True):
        if kind not in ("credit", "dateline"):
            continue
        m = credit.match(line.strip()) or credit.match(split_credit(line.strip(), language)[1])
        if not m:
            continue
        name = m.group("rest").split(",")[0].strip()
        name = name if INITIALS_END_RE.search(name) else name.rstrip(".")  # "F.A.Z."
        # an institution whose name has commas, before its ministers ("From: Foreign,
        # Commonwealth & Development Office and The Rt Hon …")
        whole = CREDIT_AND_RE.split(m.group("rest"))[0].strip().rstrip(".")
        if whole != name and is_masthead(whole, language):
            name = whole
        if (
            parse_date(name, language)
            or ":" in name  # "Published in sections: News"
            or (kind == "dateline" and not name[:1].isupper())
        ):
            continue
        name = re.sub(r"^(?:https?://)?(?:www\.)?", "", name).rstrip("/")
        name = WITH_AGENCIES_RE.sub("", name)  # "Al Jazeera and news agencies"
        name = EDITOR_INITIALS_RE.sub("", name)  # "Source: CNA/rt(ml)"
        if 1 <= len(name.split()) <= 8:
            return name
    return ""


#: The initials of the editors a credit signs after its source, after a slash: "CNA/rt(ml)",
#: "Reuters/ec"
EDITOR_INITIALS_RE = re.compile(r"/[a-z]{1,4}(?:\([a-z]{1,4}\)?)?$")  # its ")" may be cut
#: The agencies a publisher credits beside itself: "Al Jazeera and news agencies", "Le Monde
#: avec AFP", "El País con agencias", "ORF.at/Agenturen"
_AGENCIES = r"AFP|Reuters|AP|dpa|EFE|ANSA|Lusa|ATS|SDA|APA"
WITH_AGENCIES_RE = re.compile(
    r"(?:\s+(?:and|with|avec|con|com|mit|e|y)\s+|\s*/\s*)"
    r"(?:(?i:(?:news\s+)?agencies|agences|agencias|agenzie|agências|Agenturen)"
    rf"|(?:l')?(?:{_AGENCIES}))\.?$"
)
#: A line under the headline that credits one agency alone: "with AFP", "avec l'AFP"
AGENCY_ALONE_RE = re.compile(rf"^(?i:with|avec|con|com|mit)\s+(?:l')?(?P<name>{_AGENCIES})\.?$")
#: How many lines that are not blank open a text, for the lines read near its top
OPENING_LINES = 12
#: A publisher's line crediting agencies beside it, near the top or at the end, maybe after
#: the newsroom's mark: "Le Monde avec AFP", "red, ORF.at/Agenturen"
PUBLISHER_WITH_AGENCIES_RE = re.compile(
    # a name of capitalised words, or a site's ("wien.at/Agenturen")
    r"^(?:red\.?,\s*)?(?P<name>[A-ZÀ-Ý][\w'’.-]*(?:\s[A-ZÀ-Ý][\w'’.-]*){0,3}"
    r"|[a-z][\w-]*\.[a-z]{2,})" + WITH_AGENCIES_RE.pattern
)


def _with_agencies(lines: list[str]) -> str:
    """The publisher a line near the top or a closing one names beside the agencies it
    credits ("Le Monde avec AFP", "red, ORF.at/Agenturen"), or the agency an opening or a
    closing line credits alone ("with AFP", "Com Lusa")."""
    for line in _filled(lines)[:OPENING_LINES] + _closing(lines, SIGN_OFF_LINES):
        if m := PUBLISHER_WITH_AGENCIES_RE.match(line):
            return m.group("name")
    for line in _filled(lines)[:OPENING_LINES] + _closing(lines, SIGN_OFF_LINES):
        if m := AGENCY_ALONE_RE.match(line.strip()):
            return m.group("name")
    return ""


#: The opening of a copyright line and what follows the mark: "© 2025 Europa Press.",
#: "RIPRODUZIONE RISERVATA © Copyright ANSA", "© 2025 by the Center for … Studies."
COPYRIGHT_RE = re.compile(r"(?:©|\(c\)|\bcopyright\b)\s*", re.I)
#: What a copyright line puts around the owner's name: the mark again, years (with a full
#: stop: "Copyright (c) 2025. RFE/RL, Inc."), "by (the)"
COPYRIGHT_NOISE_RE = re.compile(
    r"^(?:(?:©|\(c\)|copyright|\d{4}(?:\s*[-–]\s*\d{4})?\.?|by(?:\s+the)?|:)\s*)+", re.I
)
#: Where the owner's name ends: a full stop, a dash or comma before more, a year after it
COPYRIGHT_END_RE = re.compile(r"\.(?:\s|$)|\s[-–—|]\s|,|;|\s\d{4}\b")
#: The company's legal form after an owner's name: "Nikkei Inc.", "Media Ltd", "Medien GmbH"
LEGAL_FORM_RE = re.compile(
    r",?\s+(?:Inc|(?:Pty\.?\s+)?(?:Ltd|Limited)|LLC|GmbH|plc|PLC|AG|S\.A|S\.p\.A|SpA)\.?$"
)
#: A copyright line is among this many closing lines
COPYRIGHT_LINES = 3
#: An owner's name is at most this long
MAX_SOURCE_WORDS = 8


def _copyright(lines: list[str], language: str) -> str:
    """The owner a closing copyright line names, without the reserved-rights formula that
    may be all it says ("© Riproduzione riservata")."""
    reserved = language_data(language).rights_reserved | language_data("en").rights_reserved
    for line in _closing(lines, COPYRIGHT_LINES):
        for m in COPYRIGHT_RE.finditer(line):
            rest = COPYRIGHT_NOISE_RE.sub("", line[m.end() :].strip())
            name = LEGAL_FORM_RE.sub("", COPYRIGHT_END_RE.split(rest, maxsplit=1)[0].strip())
            if any(formula in name.casefold() for formula in reserved):
                continue
            if name[:1].isupper() and 1 <= len(name.split()) <= MAX_SOURCE_WORDS:
                return name
    return ""


#: A wire agency's tag after a dateline's place (and date), before the dash: "JERUSALEM (AP)
#: —", "SEOUL, Oct. 18 (Yonhap) --", "MADRID, 4 abr (EUROPA PRESS) -", "(ANSA) - ROMA",
#: "(Bloomberg) --"; or between slashes: "MOSCOW, June 20. /TASS/."
AGENCY_RE = re.compile(
    r"\((?P<paren>[^\W\d_][\w&.'’ -]{0,30}?)\)\s*(?:--|\.-|\.?\s*[-–—](?:\s|$))"
    r"|\((?P<bare>[^\W\d_][\w&.'’ -]{0,30}?)\)\.?\s+(?=[A-ZÀ-Ý])"
    r"|\s/(?P<slash>[^\W\d_][\w&. -]{0,20}?)/\.?(?:\s|$)"
)
#: What comes before an agency's tag: a place and date, at most this many words
WIRE_PLACE_WORDS = 8
#: How many opening lines may hold a wire dateline
WIRE_LINES = 8
#: An agency's name is at most this many words
AGENCY_WORDS = 4


def _wire_agency(lines: list[str]) -> str:
    """The agency a wire dateline names in its opening lines; a tag not followed by a dash
    ("New Delhi, Oct 21 (PTI) India …") only after a date."""
    for line in [line for line in lines if line.strip()][:WIRE_LINES]:
        text = line.strip()
        m = AGENCY_RE.search(text[:120])
        if not m:
            continue
        before = text[: m.start()].strip()
        if len(before.split()) > WIRE_PLACE_WORDS or (before and not before[0].isupper()):
            continue
        if m.group("bare") and not FIRST_DIGIT_RE.search(before):
            continue
        name = (m.group("paren") or m.group("bare") or m.group("slash")).strip()
        if len(name.split()) <= AGENCY_WORDS and not FIRST_DIGIT_RE.search(name):
            return name
    return ""


#: An agency's closing sign-off on a line of its own, alone or before the date and time it
#: was filed: "(ANSA).", "(AMS) 24-AGO-23 11:42"
SIGN_OFF_RE = re.compile(r"^\((?P<name>[^\W\d_][\w&.'’ -]{0,30}?)\)\.?(?:\s+\d[^\n]{0,30})?$")
#: How many closing lines may hold the sign-off
SIGN_OFF_LINES = 3


#: An agency's sign-off after the last sentence of the last paragraph: "… il nostro popolo".
#: (ANSA)." (after a sentence's end, so "… Agency (IAEA)." is no sign-off)
TRAILING_SIGN_OFF_RE = re.compile(r"""[.!?"'»”’]\s*\((?P<name>[A-Z][A-Z&.' -]{1,30}?)\)\.?$""")


#: A closing credit of agencies and the editor's initials between slashes, in small letters
#: as Swiss and French newsrooms sign: "ats/afp/jfe", "sda/dpa/jb"
SLASHED_CREDIT_RE = re.compile(r"^[a-z]{2,4}(?:/[a-z]{2,4}){1,4}$")


def _slashed_agencies(line: str) -> str:
    """The agencies of a closing credit between slashes, as written ("ats/afp/jfe":
    "ats/afp"); "" when it names none."""
    if not SLASHED_CREDIT_RE.match(line):
        return ""
    return "/".join(w for w in line.split("/") if re.fullmatch(_AGENCIES, w, re.IGNORECASE))


def _closing_agency(lines: list[str], language: str) -> str:
    """The agency a closing line signs with: "(ANSA, 28 ottobre 2025)", "(ANSA).", "(AMS)
    24-AGO-23 11:42"; a name of capitalised words only, so "(Reporting by Jane Doe)" is none,
    and without a date one in capitals, so a transcript's "(Applause)" is none either. Also
    one in capitals after the last sentence ("… popolo". (ANSA)."), and the agencies of a
    Swiss credit ("ats/afp/jfe")."""
    # (the routing codes and the transmission stamp under the copy are not its last line)
    filled = _filled(lines)
    while filled and (WIRE_STAMP_RE.match(filled[-1]) or WIRE_ROUTING_RE.match(filled[-1])):
        filled = filled[:-1]
    closing = filled[-SIGN_OFF_LINES:]
    m = TRAILING_SIGN_OFF_RE.search(closing[-1]) if closing else None
    if m and len(m.group("name").split()) <= AGENCY_WORDS:
        return m.group("name").strip()
    if closing and (slashed := _slashed_agencies(closing[-1])):
        return slashed
    for line in closing:
        m = AGENCY_CREDIT_RE.match(line)
        dated = bool(m and parse_date(m.group("date"), language))
        if not dated:
            m = SIGN_OFF_RE.match(line)
        if not m:
            continue
        words = m.group("name").split()
        if (
            len(words) <= AGENCY_WORDS
            and all(w[0].isupper() for w in words)
            and (dated or m.group("name").isupper())
            and not _writer_named_above(" ".join(words), lines)
        ):
            return " ".join(words)
    return ""


def _writer_named_above(name: str, lines: list[str]) -> bool:
    """Whether the opening lines name `name` on a line of its own or in a byline: then a
    closing "(Florian Hechtl, 12.10.2025)" is the writer's signature, not an agency's."""
    filled = _filled(lines)
    top = filled[: max(0, min(OPENING_LINES, len(filled) - SIGN_OFF_LINES))]  # not the closing
    return any(line == name or (name in line and len(line.split()) <= 8) for line in top)


#: Separators of a section path or rubric: "World › Asia", "ESTERI · L'ANALISI",
#: "International | Analyse", "Home > Foreign Policy > Asia", "Politik / Ausland"
LABEL_SEPARATOR_RE = re.compile(r"\s+[|›»>·•/]\s+")
#: Each part of a section path is at most this long
LABEL_PART_WORDS = 4
#: A line in capitals of at most this many words above the headline is a rubric or masthead
CAPS_LABEL_WORDS = 6
#: The most words of a label that opens with an ordinal number ("10,004th Meeting (AM)")
NUMBERED_LABEL_WORDS = 4
#: A masthead or letterhead is at most this long
MASTHEAD_WORDS = 8
#: ... or this long when it is an institution's name, its noun first ("Ministry of Foreign
#: Affairs of the People's Republic of China")
INSTITUTION_WORDS = 12
#: Above a headline of this many words at most (and at least twice its own, at least 4), a
#: line of two to `KICKER_WORDS` words is a kicker ("Rassegna esteri" over "Il punto del
#: mattino", "Peace and Security" over a UN story's headline, a column's "The week in
#: review"); above a longer line (a dek) it is the headline itself ("Everybody's Syria")
HEADLINE_WORDS = 16
#: The most words of such a kicker
KICKER_WORDS = 4
#: A title has at least this many words, for a line above it to be a kicker
MIN_HEADLINE_WORDS = 4
#: A German topic line (Dachzeile) has at most this many words
TOPIC_LINE_WORDS = 5
#: The opening may hold this many lines read as prose that are shaped as headings
HEAD_LINES = 6
#: What separates a masthead's name from its edition or tagline
MASTHEAD_PARTS_RE = re.compile(r"\s+[–—|·]\s+")
#: An elided article or preposition before a name: "l'", "d'", "dell'"
ELISION_RE = re.compile(r"^\w{1,4}['’](?=\w)")
#: Punctuation around a word of a publisher's name ("Post,", "(Centre)")
NAME_PUNCT = ".,:;()[]\"'“”«»"


def _is_section_path(line: str) -> bool:
    """A section path or rubric: short parts between separators ("World › Europe › NATO")."""
    parts = LABEL_SEPARATOR_RE.split(line)
    return len(parts) > 1 and all(_words(p) <= LABEL_PART_WORDS for p in parts)


def _in_capitals(line: str) -> bool:
    cased = [c for c in line if c.isupper() or c.islower()]
    return len(cased) >= 2 and all(c.isupper() for c in cased)


#: The fewest letters of a masthead's name in capitals after its article ("DER SPIEGEL")
MASTHEAD_NAME_LETTERS = 4
#: An acronym in capitals, two to five letters ("ABC", "NHK")
ACRONYM_RE = re.compile(r"[A-Z]{2,5}")


@cache
def _all_articles() -> frozenset[str]:
    """The definite articles of every language with a resource file."""
    return frozenset().union(*(language_data(c).articles for c in config.resource_languages()))


#: A brand written as one word: capitals after lower case inside it ("derStandard",
#: "RaiNews"), digits with a lower-case letter or two letters ("g1", "TG1", "3sat"; not the
#: groupings "G7", "G20"), or a site's domain
BRAND_WORD_RE = re.compile(
    r"[^\W\d_]*[a-zà-ÿ][A-ZÀ-Ý][\w.]*"
    r"|(?=\w*\d)(?=\w*(?:[a-zà-ÿ]|[^\W\d_]{2}))\w{2,6}"
    r"|[^\W\d_][\w-]*\.(?:com|net|org|info|[a-z]{2})"  # a site's domain: "Kompas.com"
)
#: The fewest letters of a brand written in lower case ("tagesschau", "franceinfo")
LOWER_BRAND_LETTERS = 5


def is_brand(word: str, lines: list[str]) -> bool:
    """Whether `word` is a brand written as one word ("derStandard", "RaiNews", "g1"), or in
    lower case where another line of the text writes it so too ("franceinfo" over the
    headline and in "Article rédigé par …, franceinfo"): a word no language prints as a
    section's name."""
    if BRAND_WORD_RE.fullmatch(word):
        return True
    if not (word.isalpha() and word.islower() and len(word) >= LOWER_BRAND_LETTERS):
        return False
    pattern = re.compile(rf"(?<!\w){re.escape(word)}(?!\w)")
    return sum(1 for line in lines if pattern.search(line)) > 1


def is_masthead(line: str, language: str) -> bool:
    """A publisher's or institution's name: a short line of capitalised words whose noun is
    one of the language's (or English) publisher words, last ("The Continental Post", "Coral
    Sea Policy Centre") or first after at most an article, alone or before a linking word
    ("Diario Altiplano", "Ministry of Foreign Affairs of Japan", "Corriere della Sera"); not a
    headline in title case ("Treasury Department Targets Houthi Network")."""
    # the name before its edition or tagline ("NOTICIERO CONTINENTAL – EDICIÓN NOCTURNA");
    # an elided article is no word of its own ("Le Courrier de l'Atlantique")
    name, *rest = MASTHEAD_PARTS_RE.split(line.strip())
    words = [w for w in (ELISION_RE.sub("", w.strip(NAME_PUNCT)) for w in name.split()) if w]
    if not words or len(words) > INSTITUTION_WORDS:
        return False
    data, english = language_data(language), language_data("en")
    # a short name before its edition: "TG1 – Edizione delle 20:00"
    editions = data.edition_words | english.edition_words
    if rest and len(words) <= NAME_OVER_SECTION_WORDS and _opens_with(rest[0], editions):
        return all(w[:1].isupper() or w[:1].isdigit() for w in words)
    keys = [w.casefold() for w in words]
    small = data.function_words | data.name_links | english.function_words
    # a name's words are capitalised, not a sentence's ("Institute welcomes Sweden's accession")
    if not all(
        w[:1].isupper() or k in small or len(w) < 4 for w, k in zip(words, keys, strict=True)
    ):
        return False
    names = data.publisher_words | english.publisher_words
    if len(words) > MASTHEAD_WORDS:
        # an institution's full name, its noun first and a link after it ("Ministry of
        # Foreign Affairs of the People's Republic of China")
        first = 1 if keys[0] in _all_articles() else 0
        links = data.name_links | english.name_links
        return (
            len(words) > first + 1
            and keys[first] in names
            and keys[first + 1] in links
            and not FIRST_DIGIT_RE.search(name)
        )
    if keys[-1] in names:
        return True
    # a title in capitals after its article, maybe with its edition ("DER SPIEGEL", "DER
    # SPIEGEL International")
    editions = data.acronym_publisher_words | english.acronym_publisher_words
    if (
        len(words) in (2, 3)
        and keys[0] in _all_articles()  # a title keeps its language ("DER SPIEGEL International")
        and words[0].isupper()
        and words[1].isupper()
        and len(words[1]) >= MASTHEAD_NAME_LETTERS
        and (len(words) == 2 or keys[2] in editions)
    ):
        return True
    # a broadcaster's acronym and its service, maybe with its edition ("ABC News", "NHK
    # World", "BBC News Mundo")
    if len(words) in (2, 3) and ACRONYM_RE.fullmatch(words[0]) and keys[1] in editions:
        return True
    return any(
        keys[k] in names and (len(words) == k + 2 or keys[k + 1] in small)
        for k in range(min(2, len(words) - 1))
    )


def _opens_with(text: str, phrases: frozenset[str]) -> bool:
    """Whether `text` opens with one of `phrases` (case-folded), a whole word or words."""
    folded = text.casefold()
    return any(folded.startswith(p) and not folded[len(p) : len(p) + 1].isalnum() for p in phrases)


def _kicker_over(words: int, n_next: int) -> bool:
    """Whether a line of `words` words is a kicker over a line of `n_next` words: two to
    `KICKER_WORDS` over a headline at least twice as long and at most `HEADLINE_WORDS`."""
    return (
        2 <= words <= KICKER_WORDS
        and max(2 * words, MIN_HEADLINE_WORDS) <= n_next <= HEADLINE_WORDS
    )


def _is_label(line: str, following: str | None, language: str, after: str | None = None) -> bool:
    """A line above the headline that is not the title: a one-word kicker ("ANALYSIS"), a
    section path, a rubric or masthead in capitals, a publisher's name, a kicker of two to
    four words over a headline-length line at least twice as long, a short kicker over a
    headline over a dek (`after`: "Verso il voto del 28 settembre" / "Moldova, la sfida di
    Sandu …" / a 22-word summary), or a German topic line over a longer headline."""
    words = _words(line)
    n_next = _words(following) if following else 0
    return (
        words <= 1
        or _numbered(line)
        or _is_section_path(line)
        or (words <= CAPS_LABEL_WORDS and _in_capitals(line))
        or is_masthead(line, language)
        or _kicker_over(words, n_next)
        or (
            words <= TOPIC_LINE_WORDS
            and max(words + 1, MIN_HEADLINE_WORDS) <= n_next <= HEADLINE_WORDS
            and after is not None
            and _words(after) > HEADLINE_WORDS
        )
        or (
            language_data(language).topic_line_first
            and words <= TOPIC_LINE_WORDS
            and n_next > words
        )
    )


#: A line that opens with an ordinal number: a sitting or issue ("10,004th Meeting (AM)",
#: "112e numéro", "10. Sitzung")
ORDINAL_OPENING_RE = re.compile(r"^\d[\d,.]*(?:st|nd|rd|th|e|er|ème|º|ª|°|\.)\s+\w")


def _numbered(line: str) -> bool:
    """A short line that opens with an ordinal number: a sitting's or issue's label."""
    return _words(line) <= NUMBERED_LABEL_WORDS and bool(ORDINAL_OPENING_RE.match(line.strip()))


def _headline_shaped(line: str) -> bool:
    """A line of the opening that the line classes read as prose but that reads as a heading:
    a short line in capitals ("9876TH MEETING (AM)"), or one sentence ending in a question, a
    quotation or a bracket ("Trump tensa la cuerda en el Caribe: ¿presión sobre Maduro …?",
    "Meloni da Xi: «Pronti a una nuova fase»", "Outcome of the Talks (Statement by the
    Foreign Minister)")."""
    text = line.strip()
    if len(text.split()) <= CAPS_LABEL_WORDS and (_in_capitals(text) or _numbered(text)):
        return True  # short first: cheap
    inner = text.rstrip('"”’»)')
    return (
        (text.endswith("?") or (inner != text and inner[-1:] not in TERMINAL))
        and len(text.split()) <= MAX_TITLE_WORDS
        and (
            not re.search(r"[.?!…]\s", text)
            or bool(ATTRIBUTED_QUOTE_RE.search(text))
            or bool(SPEAKER_QUOTE_RE.match(text))
        )
    )


#: A quotation a heading ends with, after its speaker and a colon: "… Meloni: «Serve una base
#: giuridica solida»" (a headline of two sentences may end so)
ATTRIBUTED_QUOTE_RE = re.compile(r"[^\W\d_][\w'’.-]*:\s*[«“\"„][^«»“”\"„.?!]+[»”\"“]$")
#: A headline that is a speaker's name and a quotation of two sentences: "Tajani: «Sulla Libia
#: l'Europa parli con una voce sola. Con gli Usa dialogo, non ritorsioni»"
SPEAKER_QUOTE_RE = re.compile(
    r"^(?:[A-ZÀ-Ý][\w'’.-]*\s){0,2}[A-ZÀ-Ý][\w'’.-]*:\s*[«“\"„].+[»”\"“]$"
)


def _words(line: str) -> int:
    """Words with a letter ("Speeches & Remarks" has two)."""
    return sum(1 for w in line.split() if LETTERS_RE.search(w))


#: The most words of a line above a document's label that names its issuer
ISSUER_WORDS = 3


def _head(
    lines: list[str], kinds: list[str], language: str
) -> tuple[tuple[tuple[int, str], ...], int]:
    """The headline-like lines above the first paragraph of prose ((line number, text)), and
    which of them is the title (-1 when none): the first that is no kicker, rubric or masthead,
    or the first of all when no title-length line follows it."""
    return _head_of(tuple(lines), tuple(kinds), language)


@lru_cache(maxsize=4)  # the title and source finders all read one article's opening
def _head_of(
    lines: tuple[str, ...], kinds: tuple[str, ...], language: str
) -> tuple[tuple[tuple[int, str], ...], int]:
    """`_head` of one article, read once for all its callers."""
    head: list[tuple[int, str]] = []
    issuer = 0  # the lines above a document's label name its issuer ("United Nations")
    for n, (line, kind) in enumerate(zip(lines, kinds, strict=True)):
        text = line.strip()
        if not text:
            continue
        if is_web_view_line(text, language):  # an e-mail's first line, above its masthead
            continue
        if HANDLE_RE.match(text) or _above_handle(lines, n):  # a post's author, not a title
            continue
        if _is_document_label(text, language):  # "Press release" above the headline
            # the short lines above it name who issues it ("United Nations", "La Moncloa");
            # a longer one is the title ("Sanctioning Those …" / "Press Statement")
            if all(_words(x) <= ISSUER_WORDS for _, x in head):
                issuer = len(head)
            continue
        if _is_timestamp(text, language):  # "Updated about 3 hours ago"
            continue
        # ":" opens what follows, as a salutation's "," does ("Dear readers,")
        prose = kind == "body" or text.endswith((":", ","))
        if prose and not (len(head) < HEAD_LINES and _headline_shaped(text)):
            break
        if prose or kind in ("headline", "heading"):
            head.append((n, text))
    for i, (_, line) in enumerate(head):
        if i < issuer or (i == 0 and _name_over_section(head, lines)):
            continue
        following, after = (head[j][1] if j < len(head) else None for j in (i + 1, i + 2))
        if not _is_label(line, following, language, after) and not _tagline(head, i, language):
            return tuple(head), i
        # a one-word kicker ("EDITORIAL") gives way to a short headline ("Afghan impasse")
        one_word = _words(line) <= 1
        if not any(
            (one_word or _words(text) >= MIN_HEADLINE_WORDS) and not _is_label(text, None, language)
            for _, text in head[i + 1 :]
        ):
            return tuple(head), i
    return tuple(head), -1


#: A social network's account handle on a line of its own ("@hibamansour", "@name@server.org")
HANDLE_RE = re.compile(r"^@[A-Za-z0-9_.]{2,30}(?:@[\w.-]+)?$")


def _above_handle(lines: list[str], n: int) -> bool:
    """Whether line `n` is an account's display name: the next line that is not blank is its
    handle ("Hiba Mansour" over "@hibamansour", as a pasted post or thread opens)."""
    after = next((line.strip() for line in lines[n + 1 :] if line.strip()), "")
    return bool(HANDLE_RE.match(after))


#: The most words of a publisher's name over a one-word section line ("Le Devoir" / "Politique")
NAME_OVER_SECTION_WORDS = 3
#: a year in a line: no publisher's name over its section
YEAR_IN_NAME_RE = re.compile(r"(?<!\d)(?:1[89]|2[01])\d\d(?!\d)")


#: The most letters of a small word inside a name: "of", "de", "del"
LINK_LETTERS = 3


def _name_over_section(head: Sequence[tuple[int, str]], lines: list[str]) -> bool:
    """Whether the opening's first line is a publisher's name printed right over a one-word
    section or programme line or a section path, a headline under both ("Le Devoir" /
    "Politique", "EL PAÍS English" / "International", "Deutschlandfunk" / "Presseschau",
    "L'Horizon" / "International › Asie-Pacifique", "derStandard" / "International",
    "L'Eco del Tirreno" / "Editoriale"): one to three capitalised words (after an article, and
    but for a name's small words after an elided one) or a brand (`is_brand`), no digit, no
    closing punctuation."""
    if len(head) < 3 or head[0][0] != 0 or head[1][0] != 1:  # the text's first two lines
        return False
    name, section = head[0][1], head[1][1]
    words = name.split()
    # a name's small words do not count ("Prime Minister of Canada" / "Home > News >
    # Readouts", "la Repubblica" / "ESTERI"); "War in Ukraine" / "Analysis" is a topic
    small = [w for w in words if not (w.islower() and len(w) <= LINK_LETTERS)]
    if _is_section_path(section) or (small and words[0].islower()):
        words = small
    elif len(words) > 1 and len(words[0]) <= LINK_LETTERS:
        words = words[1:]  # an article opening it ("Il Sole 24 Ore", "The New York Times")
    elif ELISION_RE.match(words[0]):  # an elided article opening it: "L'Eco del Tirreno"
        words = small
    # or over a column's kicker over its headline: "The Meridian" / "Letter from Tokyo" / …
    kicker = _kicker_over(_words(section), _words(head[2][1]))
    return (
        len(words) <= NAME_OVER_SECTION_WORDS
        and (
            all(w[:1].isupper() or w.isdigit() for w in words)
            or (len(words) == 1 and is_brand(name, lines))
        )
        # a number inside a name ("Il Sole 24 Ore", "France 24"), not opening it, not a
        # year, not in a code ("ZCZC4417/SXA")
        and not (name[:1].isdigit() or YEAR_IN_NAME_RE.search(name))
        and all(w.isdigit() or not FIRST_DIGIT_RE.search(w) for w in name.split())
        and name[-1].isalnum()
        and (len(section.split()) == 1 or kicker or _is_section_path(section))
        and section[:1].isupper()
        and section[-1].isalpha()
    )


def _name_over_section_line(lines: list[str], kinds: list[str], language: str) -> str:
    """The publisher's name printed over a section line (`_name_over_section`), or over its
    tagline and a section path, and a headline under them. It names the paper that runs a
    wire's story, before the wire's tag in a dateline under it ("LA CRÓNICA HISPANA" /
    "Internacional > Asia" / … / "TOKIO, 3 jul (Northline) -")."""
    head, title = _head(lines, kinds, language)
    if title <= 0 or head[0][0] != 0:
        return ""
    # "ASIA IN TRADUZIONE" / "La stampa del mondo sull'Asia, in italiano" / "Home › Esteri"
    if _name_over_section(head, lines) or _tagline(head, 1, language):
        return _as_written(head[0][1], lines)
    return ""


def _as_written(name: str, lines: list[str]) -> str:
    """A name a masthead prints in capitals, as another line writes it in mixed case ("THE
    NORTHERN LEDGER" and "© 2025 The Northern Ledger"), else as printed."""
    if not name.isupper():
        return name
    pattern = re.compile(rf"(?<!\w){re.escape(name)}(?!\w)", re.IGNORECASE)
    for line in lines:
        for m in pattern.finditer(line):
            words = m.group().split()
            if not m.group().isupper() and all(w[:1].isupper() for w in words if len(w) > 3):
                return m.group()  # a name's words capitalised, not "el país" (the country)
    return name


def _tagline(head: Sequence[tuple[int, str]], i: int, language: str) -> bool:
    """Whether line `i` of the opening is a masthead's tagline: between the publisher's name
    and a section path ("The Baltic Courier" / "Independent news from Tallinn to Gdańsk" /
    "World › Europe")."""
    if not 0 < i < len(head) - 1 or not _is_section_path(head[i + 1][1]):
        return False
    above = head[i - 1][1]
    return is_masthead(above, language) or _in_capitals(above)


#: The fewest words of an institution's name printed right under the headline
INSTITUTION_NAME_WORDS = 3


def masthead(lines: list[str], kinds: list[str], language: str) -> str:
    """The publisher's name printed above the headline ("The Continental Post", "SOUTH ASIA
    LEDGER", "NOTICIERO CONTINENTAL – EDICIÓN NOCTURNA" gives its first part). A name over
    its section line or tagline is `_name_over_section_line`'s, which `find_source` reads
    first."""
    head, title = _head(lines, kinds, language)
    # the lines above the title; or the first line, when a masthead is all the opening holds
    # ("TG1 – Edizione delle 20:00" over a transcript)
    for n, line in head[:title] if title > 0 else head[:1]:
        if is_masthead(line, language):
            return MASTHEAD_PARTS_RE.split(line)[0]
        if n == 0 and title > 0 and is_brand(line.strip(), lines):
            return line.strip()  # a brand alone over the headline ("RaiNews")
    # or under it, right above the date line ("Redacción" / "BBC News Mundo" / "23 noviembre
    # 2025"), or right under it when it is an institution's name (a policy note's "Halden
    # Institute for International Affairs" over its series and author)
    for i, (n, line) in enumerate(head[title + 1 :] if title >= 0 else ()):
        following = zip(kinds[n + 1 :], lines[n + 1 :], strict=True)
        after = next((k for k, x in following if x.strip()), None)
        under = i == 0 and _words(line) >= INSTITUTION_NAME_WORDS
        if (after == "dateline" or under) and is_masthead(line, language):
            return MASTHEAD_PARTS_RE.split(line)[0]
    return ""


def _dated_masthead(lines: list[str], kinds: list[str], language: str) -> str:
    """The publisher's name that opens a date line near the top ("The Caucasus Dispatch —
    Issue 112 — 6 December 2024", "KYODO NEWS - Nov 25, 2025 - 14:02 | World, All")."""
    for line, kind in zip(lines[:TOP_LINES], kinds[:TOP_LINES], strict=True):
        if kind != "dateline":
            continue
        name = PARTS_RE.split(MASTHEAD_PARTS_RE.split(line.strip())[0])[0]
        if name != line.strip() and (is_masthead(name, language) or is_brand(name, lines)):
            return name
    return ""


#: Separators of a byline's parts: the writers, their post, their publisher
BYLINE_PARTS_RE = re.compile(r"\s*[,;|·]\s*")


#: Lower-case words after a publisher's name in a byline: "By The Northern Ledger explainer
#: desk", "By The Meridian Review staff"
TRAILING_LOWER_RE = re.compile(r"(?:\s+[^\W\d_A-ZÀ-Ý][\w-]*)+$")


def _byline_publisher(lines: list[str], kinds: list[str], language: str) -> str:
    """The publisher a byline names before its writers ("OLJ / Par Sarah Haddad, le 21
    novembre 2025"), after them ("By Kaisa Lindqvist, The Northern Ledger · March 8, 2024") or
    their role ("Por NOME - Repórter da Agência Brasil"), or as
    its writer, maybe with its desk ("By The Northern Ledger explainer desk | October 6,
    2025")."""
    byline = _patterns(language)[2]
    for line, kind in islice(zip(lines, kinds, strict=True), TOP_LINES):
        if kind == "byline":
            outlet = OUTLET_BYLINE_RE.match(line.strip())
            if outlet and is_byline(outlet.group("byline"), language):
                return outlet.group("outlet")  # "OLJ / Par Sarah Haddad, le 21 novembre …"
            first, *parts = BYLINE_PARTS_RE.split(line.strip())
            m = byline.match(first) if byline else None
            if m and is_masthead(name := TRAILING_LOWER_RE.sub("", m.group("rest")), language):
                return name
            if m and (name := _writer_role_publisher(m.group("rest"), language)):
                return name  # "Por Luciana Macedo - Repórter da Agência Brasil"
            if m and ACRONYM_RE.fullmatch(name := _unfollowed(m.group("rest"), language)):
                return name  # the publisher signs it: "By AFP", "Par :RFI Suivre"
            for part in parts:
                if is_masthead(part, language):
                    return part
                if name := _part_publisher(part, lines, language):
                    return name  # "Por Ana Moura, g1 — Brasília", "Von …, ARD-Studio Tokio"
        elif kind != "body" and (
            name := _writer_role_publisher(line, language)
            or _staff_publisher(line, language)
            or _newsroom_publisher(line, language)
        ):
            return name  # "… – Repórter da Agência Brasil", "…, Nikkei staff writer"
    return ""


def _unfollowed(byline: str, language: str) -> str:
    """A byline's names without the follow button a copied page leaves after them ("RFI
    Suivre")."""
    words = byline.split()
    follow = language_data(language).follow_words + language_data("en").follow_words
    return " ".join(words[:-1] if words and words[-1] in follow else words)


@cache
def _bureau_re(language: str) -> re.Pattern | None:
    """A publisher's name joined to its bureau: "ARD-Studio"."""
    bureaus = with_english(language, "bureau_words")
    return re.compile(rf"^(?P<publisher>[^\W\d_][\w.]*)-(?:{bureaus})\b") if bureaus else None


def _part_publisher(part: str, lines: list[str], language: str) -> str:
    """The publisher a byline's part after its writer names: a brand before the place ("g1 —
    Brasília"), or the publisher its bureau is joined to ("ARD-Studio Tokio")."""
    name = MASTHEAD_PARTS_RE.split(part)[0].strip()
    if is_brand(name, lines):
        return name
    bureau = _bureau_re(language)
    m = bureau.match(part) if bureau else None
    return m.group("publisher") if m else ""


#: The fewest words of a publisher's name after a newsroom's word, unless it reads as a
#: masthead: one would be its desk ("Redacción Internacional")
NEWSROOM_NAME_WORDS = 2


@cache
def _newsroom_re(language: str) -> re.Pattern | None:
    """A newsroom's word and the name after it: "Redacción La Crónica Andina | Lima"."""
    words = with_english(language, "newsroom_words")
    return re.compile(rf"(?:{words})\s+(?P<name>\S.*)$") if words else None


def _newsroom_publisher(line: str, language: str) -> str:
    """The publisher a newsroom's line names, before its place ("Redacción La Crónica Andina
    | Lima")."""
    newsroom = _newsroom_re(language)
    m = newsroom.match(line.strip()) if newsroom else None
    if not m:
        return ""
    name = BYLINE_PARTS_RE.split(m.group("name"))[0].strip()
    capitalised = all(w[:1].isupper() or len(w) < 4 for w in name.split())
    if is_masthead(name, language) or (capitalised and _words(name) >= NEWSROOM_NAME_WORDS):
        return name
    return ""


@cache
def _staff_re(language: str) -> re.Pattern | None:
    posts = with_english(language, "staff_words")
    if not posts:
        return None
    return re.compile(
        rf"^{_NAME_WORD}(?:\s+{_NAME_WORD}){{1,3}},\s+"
        rf"(?P<publisher>{_NAME_WORD}(?:\s+{_NAME_WORD}){{0,3}})\s+(?:{posts})$"
    )


def _staff_publisher(line: str, language: str) -> str:
    """The publisher a writer's line names before the writer's post ("HARUKA MIYOSHI, Nikkei
    staff writer")."""
    pattern = _staff_re(language)
    m = pattern.match(line.strip()) if pattern else None
    return m.group("publisher") if m else ""


#: Marks that point a byline to a note below ("Repórter da Agência Brasil*")
NOTE_MARKS = "*†‡ "


#: A writer's line with a dash: "Pedro Alves Moreira – Repórter da Agência Brasil"
WRITER_ROLE_RE = re.compile(
    rf"^(?P<writer>{_NAME_WORD}(?:\s+{_NAME_WORD}){{1,3}})\s+[-–—]\s+"
    r"(?P<role>[^\W\d_][\w-]*)\s+(?P<link>\w+)\s+(?P<publisher>.+?)\s*$"
)


def _writer_role_publisher(line: str, language: str) -> str:
    """The publisher a writer's line names after their role and a name link ("Pedro Alves
    Moreira – Repórter da Agência Brasil"), before the place the line may add and without a
    note's mark ("Repórter da Agência Brasil* - Brasília")."""
    m = WRITER_ROLE_RE.match(line.strip())
    if not m or m.group("link").lower() not in language_data(language).name_links:
        return ""
    publisher = PARTS_RE.split(m.group("publisher"))[0].rstrip(NOTE_MARKS)
    return publisher if is_masthead(publisher, language) else ""


#: A wire story's status tag before its headline, no part of the title: "(LEAD)", "(2nd LD)",
#: "(URGENT)", "(UPDATE 2)", "(News Focus)", "(Yonhap Interview)"
WIRE_TAG_RE = re.compile(
    r"^\((?:[A-Z]{3,}(?:\s[A-Z]{2,})*(?:\s\d+)?|\d+(?:st|nd|rd|th)\s+LD(?:\s[A-Z]+)?"
    r"|[A-Z][a-z]+\s(?:Focus|Interview|Feature|Analysis))\)\s+(?=\S)"
)


def without_wire_tag(title: str) -> str:
    """The headline without a wire story's status tag ("(LEAD) N. Korea fires …")."""
    return WIRE_TAG_RE.sub("", title, count=1)


def guess_title(
    lines: list[str], kinds: list[str], language: str = "en", max_words: int = 12
) -> tuple[str, str]:
    """(title, where from): the headline, the first headline-like line above the prose that is
    no kicker, section path, rubric or masthead ("ANALYSIS", "World › Asia", "THE LANTERN
    REVIEW" over "Ottawa Has Bet Its Credibility"), else the opening words; for an e-mail, its
    Subject header."""
    subject = email_headers(lines).get("subject")
    if subject:
        return subject, "e-mail subject"
    head, title = _head(lines, kinds, language)
    if title >= 0:
        n, line = head[title]
        if title:
            return line, f"line {n + 1} (the lines above it are a kicker, rubric or masthead)"
        return line, "first line" if n == 0 else f"line {n + 1} (the first headline-like line)"
    for line, kind in zip(lines, kinds, strict=True):
        if kind == "body":
            words = line.split()
            short = " ".join(words[:max_words])
            return (short + ("…" if len(words) > max_words else "")), "opening words"
    return (lines[0].strip() if lines else ""), "first line"
