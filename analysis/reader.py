"""The side-by-side reader: two articles as rows of corresponding paragraphs, what only one
side says, and the spans to highlight (actors, dates). Rendering lives in the page."""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass

import pandas as pd

from analysis import align, charts
from analysis.languages import language_data
from analysis.schema import Tables

#: A qualitative palette (colour-blind safe first eight of Okabe–Ito and Tableau); an actor
#: keeps its colour on every page because it is chosen from its id, not from its rank.
PALETTE = (
    "#E69F00",
    "#56B4E9",
    "#009E73",
    "#F0E442",
    "#0072B2",
    "#D55E00",
    "#CC79A7",
    "#9ecae1",
    "#fdae6b",
    "#a1d99b",
    "#bcbddc",
    "#fdd0a2",
    "#c7e9c0",
    "#dadaeb",
)
#: a paragraph that repeats an earlier one of its own article at least this much
REPEAT_SIMILARITY = 0.6


def actor_colour(actor_id: str) -> str:
    """The colour of an actor, the same everywhere (derived from its id)."""
    digest = hashlib.blake2b(actor_id.encode(), digest_size=2).digest()
    return PALETTE[int.from_bytes(digest, "big") % len(PALETTE)]


def highlight_style(colour: str) -> str:
    """Inline CSS for a highlight in `colour`, with the ink that reads on it."""
    return f"background:{colour};color:{charts.ink_on(colour)}"


def actor_style(actor_id: str) -> str:
    """Inline CSS for an actor's highlight (its colour, see `actor_colour`)."""
    return highlight_style(actor_colour(actor_id))


@dataclass(frozen=True)
class Row:
    """One row of the reader: paragraphs of A and of B that correspond (either may be
    empty: only one source says it), with the link's score."""

    a: tuple[int, ...]
    b: tuple[int, ...]
    score: float
    moved: bool = False  # the right side's paragraph comes from elsewhere in its article

    @property
    def status(self) -> str:
        if self.a and self.b:
            return "aligned"
        return "only_a" if self.a else "only_b"


def rows(tables: Tables, article_a: str, article_b: str) -> list[Row]:
    """The reader's rows for any two articles (paragraph alignment on demand)."""
    return [
        Row(k.a, k.b, k.score, k.moved) for k in align.align_articles(tables, article_a, article_b)
    ]


def best_pair(tables: Tables) -> tuple[str, str] | None:
    """The pair with the most aligned content (a translation or rewrite), if any."""
    al = tables.alignments
    if al.empty:
        return None
    top = al.sort_values(["pair_share", "article_a"], ascending=[False, True]).iloc[0]
    return str(top["article_a"]), str(top["article_b"])


def repeats(tables: Tables, article_id: str) -> dict[int, int]:
    """Paragraphs that repeat an earlier paragraph of the same article: {later: earlier}."""
    feats, _, _ = align.article_units(tables, article_id, content=True)
    found = {}
    for i, fi in enumerate(feats):
        for j in range(i):
            if sum(fi.values()) >= 5 and align.similarity(fi, feats[j]) >= REPEAT_SIMILARITY:
                found[i] = j
                break
    return found


@dataclass(frozen=True)
class Summary:
    aligned_share: float
    only_a: list[int]
    only_b: list[int]
    repeats_a: dict[int, int]
    repeats_b: dict[int, int]


def summarise(tables: Tables, article_a: str, article_b: str, reader_rows: list[Row]) -> Summary:
    pa = tables.paragraphs
    len_a = pa.loc[pa["article_id"] == article_a, "text"].str.len().tolist()
    len_b = pa.loc[pa["article_id"] == article_b, "text"].str.len().tolist()
    links = [align.Link(r.a, r.b, r.score) for r in reader_rows]
    return Summary(
        aligned_share=align.aligned_share(links, len_a, len_b),
        only_a=[p for r in reader_rows if r.status == "only_a" for p in r.a],
        only_b=[p for r in reader_rows if r.status == "only_b" for p in r.b],
        repeats_a=repeats(tables, article_a),
        repeats_b=repeats(tables, article_b),
    )


def _date_pattern(language: str) -> re.Pattern:
    months = sorted(language_data(language).months, key=len, reverse=True)
    month = "|".join(re.escape(m) for m in months) or "(?!)"
    return re.compile(
        rf"(?i)\b(?:\d{{1,2}}\s+(?:{month})\.?(?:\s+\d{{4}})?|(?:{month})\.?\s+\d{{1,2}},\s+"
        rf"\d{{4}}|(?:{month})\.?\s+\d{{4}}|(?:1[89]|20)\d\d(?:s)?(?:\s*[-–]\s*(?:1[89]|20)\d\d)?"
        rf"|\d{{1,2}}\s*\|\s*\d{{1,2}}\s*\|\s*\d{{4}})\b"
    )


def highlights(tables: Tables, article_id: str) -> pd.DataFrame:
    """Spans to highlight in each paragraph (offsets relative to the paragraph): actor
    mentions (with their state and colour) and dates. Columns: paragraph_no, start, end,
    kind ("actor" or "date"), actor, colour."""
    p = tables.paragraphs[tables.paragraphs["article_id"] == article_id]
    starts = dict(zip(p["paragraph_no"].astype(int), p["start_char"].astype(int), strict=True))
    m = tables.mentions[tables.mentions["article_id"] == article_id]
    out = [
        (
            int(no),
            int(s) - starts[int(no)],
            int(e) - starts[int(no)],
            "actor",
            sid,
            actor_colour(sid),
        )
        for no, s, e, sid in zip(
            m["paragraph_no"], m["start_char"], m["end_char"], m["state_id"], strict=True
        )
    ]
    for no, text, lang in zip(p["paragraph_no"], p["text"], p["language"], strict=True):
        for match in _date_pattern(str(lang)).finditer(text):
            out.append((int(no), match.start(), match.end(), "date", "", ""))
    return pd.DataFrame(out, columns=["paragraph_no", "start", "end", "kind", "actor", "colour"])
