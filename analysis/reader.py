"""The side-by-side reader: two articles as rows of corresponding paragraphs, what only one
side says, and the spans to highlight (actors, dates). Rendering lives in the page.

Only a translation or a rewrite (a pair of the `alignments` table) is aligned paragraph by
paragraph; two other articles, however close their topic, are only *related* where their
paragraphs report the same thing (`align.related_articles`)."""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from itertools import zip_longest

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
    filled: bool = False  # linked by its place between two aligned rows (no shared anchors)
    related: bool = False  # the two articles are not a translation or rewrite: same facts only
    apart: bool = False  # side by side in reading order only, not corresponding (`side_by_side`)

    @property
    def status(self) -> str:
        if self.a and self.b:
            return "aligned"
        return "only_a" if self.a else "only_b"


def relation(tables: Tables, article_a: str, article_b: str) -> str:
    """What the `alignments` table says the two articles are to each other ("translation"
    or "rewrite"), in either order; "" when neither."""
    al = tables.alignments
    hit = ((al["article_a"] == article_a) & (al["article_b"] == article_b)) | (
        (al["article_a"] == article_b) & (al["article_b"] == article_a)
    )
    return str(al.loc[hit, "relation"].iloc[0]) if hit.any() else ""


def rows(tables: Tables, article_a: str, article_b: str) -> list[Row]:
    """The reader's rows for any two articles (paragraph alignment on demand): a translation
    or rewrite aligned paragraph by paragraph, two other articles related where they report
    the same thing."""
    kind = relation(tables, article_a, article_b)
    if kind:
        links = align.align_articles(tables, article_a, article_b, fill=kind == "translation")
        return [Row(k.a, k.b, k.score, k.moved, k.filled) for k in links]
    links = align.related_articles(tables, article_a, article_b)
    return [Row(k.a, k.b, k.score, k.moved, related=bool(k.a and k.b)) for k in links]


def side_by_side(reader_rows: list[Row]) -> list[Row]:
    """The rows of two articles that are not a translation or rewrite of each other, for
    reading them side by side: between two related rows, each article's unmatched paragraphs
    run down its own column, the i-th of the left beside the i-th of the right (`apart`:
    no correspondence is claimed), instead of one article's paragraphs after the other's."""
    out: list[Row] = []
    left: list[Row] = []
    right: list[Row] = []

    def flush() -> None:
        for a, b in zip_longest(left, right):
            out.append(Row(a.a, b.b, 0.0, apart=True) if a and b else (a or b))
        left.clear()
        right.clear()

    for row in reader_rows:
        if row.a and row.b:
            flush()
            out.append(row)
        else:
            (left if row.a else right).append(row)
    flush()
    return out


def best_pair(tables: Tables) -> tuple[str, str] | None:
    """The pair with the most aligned content (a translation or rewrite), if any."""
    al = tables.alignments
    if al.empty:
        return None
    top = al.sort_values(["pair_share", "article_a"], ascending=[False, True]).iloc[0]
    return str(top["article_a"]), str(top["article_b"])


def best_partner(tables: Tables, article_id: str) -> str | None:
    """The article that `article_id` is a translation or rewrite of (or that is one of it)
    with the most aligned content, in either column of the `alignments` table; None when it
    has none."""
    al = tables.alignments
    mine = al[(al["article_a"] == article_id) | (al["article_b"] == article_id)]
    if mine.empty:
        return None
    other = mine["article_b"].where(mine["article_a"] == article_id, mine["article_a"])
    ranked = pd.DataFrame({"other": other, "share": mine["pair_share"]}).sort_values(
        ["share", "other"], ascending=[False, True]
    )
    return str(ranked["other"].iloc[0])


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
    """What the reader's header says about a pair: the share of text in aligned rows (0 for
    two articles that are not a translation or rewrite, whose rows are only related), the
    share in related rows, the paragraphs only one side has, and each side's repeats."""

    aligned_share: float
    only_a: list[int]
    only_b: list[int]
    repeats_a: dict[int, int]
    repeats_b: dict[int, int]
    related_share: float = 0.0
    relation: str = ""  # "translation", "rewrite", or "" (neither: rows are related only)


def summarise(tables: Tables, article_a: str, article_b: str, reader_rows: list[Row]) -> Summary:
    """The header of the reader for two articles and their `rows`."""
    pa = tables.paragraphs
    len_a = pa.loc[pa["article_id"] == article_a, "text"].str.len().tolist()
    len_b = pa.loc[pa["article_id"] == article_b, "text"].str.len().tolist()

    def share(related: bool) -> float:
        links = [align.Link(r.a, r.b, r.score) for r in reader_rows if r.related == related]
        return align.aligned_share(links, len_a, len_b)

    return Summary(
        aligned_share=share(related=False),
        only_a=[p for r in reader_rows if r.status == "only_a" for p in r.a],
        only_b=[p for r in reader_rows if r.status == "only_b" for p in r.b],
        repeats_a=repeats(tables, article_a),
        repeats_b=repeats(tables, article_b),
        related_share=share(related=True),
        relation=relation(tables, article_a, article_b),
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
