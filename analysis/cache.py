"""On-disk cache of per-article results, in Parquet, keyed by content.

Each article's rows carry its cache key (a hash of the file's bytes, its manifest metadata,
its id and the pipeline version, so any change invalidates it). Rows are stored in segments:
one folder per build step holding one Parquet file per table (LZ4: faster to read back than
Snappy here, and smaller) plus the list of its keys.
Writing thousands of tiny Parquet files would cost more than analysing the articles, so a
build writes the articles it processed as one segment; a rebuild reads only segments that
hold wanted keys. A segment is written into a temporary folder and renamed into place, so a
reader never sees half a segment (atomic on one filesystem). When segments pile up, all but
the largest are merged into one, so adding articles one at a time never rewrites the
corpus's big segment; a build reads its cached rows before it writes (a write may compact
the segments it would read).
A build marks the segments it reads as used; each write removes segments that no build has
read or written for `EXPIRE_DAYS`, in this pipeline version's folder and in the other
versions' folders beside it, so rows of deleted articles and of earlier releases do not pile
up on disk for ever.
"""

from __future__ import annotations

import contextlib
import json
import os
import re
import shutil
import time
import uuid
from collections.abc import Iterable
from pathlib import Path

import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq

from analysis import config, schema

KEYS_FILE = "keys.txt"
#: alignment results per pair of articles (see `align.find_pairs`), beside the segments
PAIRS_FILE = "alignment_pairs.json"
MAX_SEGMENTS = 24
#: segments that no build has read or written for this many days are removed
EXPIRE_DAYS = 30
#: the name of a pipeline version's folder (`config.pipeline_version`)
VERSION_RE = re.compile(r"[0-9a-f]{16}")


class SegmentStore:
    """A folder of segments for one pipeline version."""

    def __init__(self, root: Path):
        self.root = Path(root) / config.pipeline_version()

    def _segments(self) -> list[Path]:
        if not self.root.exists():
            return []
        return sorted(p for p in self.root.iterdir() if p.is_dir() and not p.name.startswith("."))

    @staticmethod
    def _keys(segment: Path) -> set[str]:
        try:
            return set((segment / KEYS_FILE).read_text().split())
        except OSError:
            return set()

    def lookup(self, keys: Iterable[str]) -> dict[str, str]:
        """Which wanted keys are cached, and in which segment."""
        wanted = set(keys)
        found: dict[str, str] = {}
        for segment in self._segments():
            try:
                stored = (segment / KEYS_FILE).read_text().split()
            except OSError:
                continue
            for key in stored:
                if key in wanted:
                    found[key] = segment.name
        now = time.time()
        for name in set(found.values()):  # mark as used, so that expiry spares them
            with contextlib.suppress(OSError):
                os.utime(self.root / name / KEYS_FILE, (now, now))
        return found

    def load(self, hits: dict[str, str]) -> tuple[dict[str, pa.Table], set[str]]:
        """Rows of the cached keys, per table; plus keys whose segment could not be read."""
        by_segment: dict[str, list[str]] = {}
        for key, segment in hits.items():
            by_segment.setdefault(segment, []).append(key)
        parts: dict[str, list[pa.Table]] = {name: [] for name in schema.ARTICLE_TABLES}
        missing: set[str] = set()
        for segment, keys in by_segment.items():
            folder = self.root / segment
            try:
                tables = {n: pq.read_table(folder / f"{n}.parquet") for n in parts}
            except (OSError, pa.ArrowException):
                missing.update(keys)
                continue
            whole = self._keys(folder) == set(keys)  # the usual case: nothing to filter
            key_set = pa.array(keys)
            for name, table in tables.items():
                if table.num_rows and not whole:
                    table = table.filter(pc.is_in(table["cache_key"], value_set=key_set))
                parts[name].append(table)
        out = {}
        for name, tables in parts.items():
            tables = [t for t in tables if t.num_rows]
            schema_ = schema.arrow_schema(name, cache_key=True)
            out[name] = (
                pa.concat_tables([t.select(schema_.names).cast(schema_) for t in tables])
                if tables
                else schema_.empty_table()
            )
        return out, missing

    def write(self, tables: dict[str, pa.Table], *, compact: bool = True) -> str | None:
        """Store rows (each with a cache_key column) as one new segment; returns its name."""
        keys = tables["articles"]["cache_key"].to_pylist()
        if not keys:
            return None
        self.root.mkdir(parents=True, exist_ok=True)
        segment = f"{time.strftime('%Y%m%dT%H%M%S')}-{uuid.uuid4().hex[:12]}"
        tmp = self.root / f".tmp-{segment}"
        tmp.mkdir()
        try:
            for table_name, table in tables.items():
                pq.write_table(table, tmp / f"{table_name}.parquet", compression="lz4")
            (tmp / KEYS_FILE).write_text("\n".join(keys) + "\n")
            os.replace(tmp, self.root / segment)
        except BaseException:
            shutil.rmtree(tmp, ignore_errors=True)
            raise
        if compact:
            self._compact()
            self._expire()
        return segment

    def read_pairs(self) -> dict:
        """The stored pair alignments; empty when missing or unreadable (then recomputed)."""
        try:
            pairs = json.loads((self.root / PAIRS_FILE).read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return {}
        return pairs if isinstance(pairs, dict) else {}

    def write_pairs(self, pairs: dict) -> None:
        """Replace the stored pair alignments (written aside, then renamed into place)."""
        self.root.mkdir(parents=True, exist_ok=True)
        tmp = self.root / f".{PAIRS_FILE}.{uuid.uuid4().hex[:12]}"
        try:
            tmp.write_text(json.dumps(pairs), encoding="utf-8")
            os.replace(tmp, self.root / PAIRS_FILE)
        except BaseException:
            tmp.unlink(missing_ok=True)
            raise

    def _compact(self) -> None:
        """Merge every segment but the largest into one (written first, then the old ones
        removed): adding articles one at a time piles up small segments, and rewriting the
        corpus's big one with them would cost as much as reading the whole cache."""
        segments = self._segments()
        if len(segments) <= MAX_SEGMENTS:
            return
        sizes = {segment: len(self._keys(segment)) for segment in segments}
        segments.remove(max(segments, key=sizes.__getitem__))
        hits: dict[str, str] = {}
        for segment in segments:
            try:
                for key in (segment / KEYS_FILE).read_text().split():
                    hits[key] = segment.name
            except OSError:
                continue
        tables, _ = self.load(hits)
        self.write(tables, compact=False)
        for segment in segments:
            shutil.rmtree(segment, ignore_errors=True)

    def _expire(self) -> None:
        """Remove segments unused for `EXPIRE_DAYS` (their keys file's time: written or last
        read), here and in other pipeline versions' folders, and those folders once empty."""
        cutoff = time.time() - EXPIRE_DAYS * 86400
        try:
            versions = [p for p in self.root.parent.iterdir() if VERSION_RE.fullmatch(p.name)]
        except OSError:
            return
        for version in versions:
            try:
                entries = list(version.iterdir())
            except OSError:
                continue
            for entry in entries:
                if not entry.is_dir():
                    continue
                keys = entry / KEYS_FILE
                try:  # a half-written folder left by a crash has no keys file: its own time
                    used = (keys if keys.exists() else entry).stat().st_mtime
                except OSError:
                    continue
                if used < cutoff:
                    shutil.rmtree(entry, ignore_errors=True)
            with contextlib.suppress(OSError):  # another process may be at it too
                if version != self.root and not any(p.is_dir() for p in version.iterdir()):
                    shutil.rmtree(version, ignore_errors=True)  # with its pair alignments
