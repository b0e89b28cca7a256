"""The table contract: names, columns and types of every table the pipeline produces.

The required columns are those of the project's CONTRACT (pages, notebooks, exports and the
evaluation read them); the extra columns after them are the pipeline's own additions.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, fields
from pathlib import Path

import pandas as pd
import pyarrow as pa

#: Column types: Arrow-backed strings and nullable integers, the same in pandas 2.2 and 3.
STR, INT, FLOAT, BOOL = "string[pyarrow]", "Int64", "float64", "boolean"
ARROW_TYPES = {STR: pa.string(), INT: pa.int64(), FLOAT: pa.float64(), BOOL: pa.bool_()}
_PANDAS_TYPES = {
    pa.string(): pd.StringDtype("pyarrow"),
    pa.large_string(): pd.StringDtype("pyarrow"),
    pa.int64(): pd.Int64Dtype(),
    pa.bool_(): pd.BooleanDtype(),
}

#: table name -> {column: dtype}, contract columns first.
COLUMNS: dict[str, dict[str, str]] = {
    "articles": {
        "article_id": STR,
        "title": STR,
        "source": STR,
        "url": STR,
        "published": STR,
        "language": STR,
        "translation_of": STR,
        "text": STR,
        "published_precision": STR,
        "published_from": STR,
        "title_from": STR,
        "source_from": STR,
        "detected_language": STR,
        "language_flag": STR,
        "file": STR,
        "format": STR,
        "encoding": STR,
        "notes": STR,
        "n_paragraphs": INT,
        "n_sentences": INT,
        "n_words": INT,
        "content_hash": STR,
        "anchors": STR,
    },
    "paragraphs": {
        "article_id": STR,
        "paragraph_no": INT,
        "start_char": INT,
        "end_char": INT,
        "text": STR,
        "kind": STR,
        "language": STR,
    },
    "sentences": {
        "article_id": STR,
        "sent_no": INT,
        "paragraph_no": INT,
        "start_char": INT,
        "end_char": INT,
        "text": STR,
        "kind": STR,
        "language": STR,
    },
    "mentions": {
        "article_id": STR,
        "sent_no": INT,
        "start_char": INT,
        "end_char": INT,
        "surface": STR,
        "actor_id": STR,
        "actor_kind": STR,
        "state_id": STR,
        "paragraph_no": INT,
        "match_type": STR,
        "actor_name": STR,
    },
    "comentions": {
        "article_id": STR,
        "actor_a": STR,
        "actor_b": STR,
        "n_sentences": INT,
    },
    "events": {
        "article_id": STR,
        "sent_no": INT,
        "start_char": INT,
        "end_char": INT,
        "expression": STR,
        "date": STR,
        "precision": STR,
        "resolved": STR,
        "actors": STR,
        "event_id": STR,
        "date_end": STR,
        "paragraph_no": INT,
        "label": STR,
        "n_sources": INT,
    },
    "sentiment": {
        "article_id": STR,
        "sent_no": INT,
        "actor_id": STR,
        "label": STR,
        "score": FLOAT,
        "paragraph_no": INT,
        "method": STR,
        "p_neg": FLOAT,
        "p_neu": FLOAT,
        "p_pos": FLOAT,
        "spans": STR,
        "language": STR,
        "via": STR,
        "read_with": STR,
    },
    "article_sentiment": {
        "article_id": STR,
        "actor_id": STR,
        "n_sentences": INT,
        "score": FLOAT,
        "label": STR,
        "low": FLOAT,
        "high": FLOAT,
        "n_neg": INT,
        "n_neu": INT,
        "n_pos": INT,
        "method": STR,
    },
    "alignments": {
        "article_a": STR,
        "paragraph_a": INT,
        "article_b": STR,
        "paragraph_b": INT,
        "score": FLOAT,
        "link": STR,
        "relation": STR,
        "pair_share": FLOAT,
    },
}

TABLE_NAMES: tuple[str, ...] = tuple(COLUMNS)
#: Tables computed per article by the pipeline (and cached per article).
ARTICLE_TABLES: tuple[str, ...] = (
    "articles",
    "paragraphs",
    "sentences",
    "mentions",
    "comentions",
    "events",
    "sentiment",
)


def empty(name: str) -> pd.DataFrame:
    """An empty table with the contract's columns and types."""
    return pd.DataFrame({c: pd.Series(dtype=t) for c, t in COLUMNS[name].items()})


def arrow_schema(name: str, *, cache_key: bool = False) -> pa.Schema:
    """The Arrow schema of a table (plus the cache's key column when asked)."""
    fields_ = [pa.field(c, ARROW_TYPES[t]) for c, t in COLUMNS[name].items()]
    if cache_key:
        fields_.append(pa.field("cache_key", pa.string()))
    return pa.schema(fields_)


def to_arrow(name: str, columns: Mapping[str, list], *, cache_key: bool = False) -> pa.Table:
    """Column lists to an Arrow table with the table's schema (built in C, no pandas)."""
    schema = arrow_schema(name, cache_key=cache_key)
    n = len(next(iter(columns.values()), []))
    return pa.table(
        [pa.array(columns.get(f.name, [None] * n), type=f.type) for f in schema], schema=schema
    )


def to_pandas(name: str, table: pa.Table) -> pd.DataFrame:
    """An Arrow table to the contract's DataFrame (contract columns, in order)."""
    schema = arrow_schema(name)
    arrays = []
    for f in schema:
        if f.name in table.column_names:
            arrays.append(table[f.name].cast(f.type))
        else:
            arrays.append(pa.nulls(table.num_rows, f.type))
    return pa.Table.from_arrays(arrays, schema=schema).to_pandas(
        types_mapper=_PANDAS_TYPES.get, self_destruct=True
    )


def frame(name: str, data: Mapping[str, Iterable] | pd.DataFrame) -> pd.DataFrame:
    """Columns in contract order and types; missing extra columns are filled with NA."""
    df = pd.DataFrame(data) if not isinstance(data, pd.DataFrame) else data
    n = len(df)
    out = {}
    for column, dtype in COLUMNS[name].items():
        values = df[column] if column in df else pd.Series([None] * n, index=df.index, dtype=dtype)
        out[column] = values.astype(dtype)
    return pd.DataFrame(out, index=pd.RangeIndex(n))


@dataclass
class Tables:
    """All tables of one corpus; each a DataFrame with the contract's columns."""

    articles: pd.DataFrame = field(default_factory=lambda: empty("articles"))
    paragraphs: pd.DataFrame = field(default_factory=lambda: empty("paragraphs"))
    sentences: pd.DataFrame = field(default_factory=lambda: empty("sentences"))
    mentions: pd.DataFrame = field(default_factory=lambda: empty("mentions"))
    comentions: pd.DataFrame = field(default_factory=lambda: empty("comentions"))
    events: pd.DataFrame = field(default_factory=lambda: empty("events"))
    sentiment: pd.DataFrame = field(default_factory=lambda: empty("sentiment"))
    article_sentiment: pd.DataFrame = field(default_factory=lambda: empty("article_sentiment"))
    alignments: pd.DataFrame = field(default_factory=lambda: empty("alignments"))

    def items(self) -> list[tuple[str, pd.DataFrame]]:
        return [(f.name, getattr(self, f.name)) for f in fields(self)]

    def save(self, out: Path, fmt: str = "parquet") -> list[Path]:
        """Write one file per table into `out` (created if needed); returns the paths."""
        out.mkdir(parents=True, exist_ok=True)
        written = []
        for name, df in self.items():
            path = out / f"{name}.{fmt}"
            tmp = path.with_name(f".{path.name}.tmp")
            if fmt == "parquet":
                df.to_parquet(tmp, index=False)
            elif fmt == "csv":
                df.to_csv(tmp, index=False)
            else:
                raise ValueError(f"unknown table format {fmt!r} (parquet or csv)")
            tmp.replace(path)
            written.append(path)
        return written

    @classmethod
    def load(cls, folder: Path) -> Tables:
        """Read tables written by `save` (Parquet or CSV); missing ones come back empty."""
        kwargs = {}
        for name in TABLE_NAMES:
            parquet, csv = folder / f"{name}.parquet", folder / f"{name}.csv"
            if parquet.exists():
                kwargs[name] = frame(name, pd.read_parquet(parquet))
            elif csv.exists():
                kwargs[name] = frame(name, pd.read_csv(csv, dtype=str, keep_default_na=False))
        return cls(**kwargs)
