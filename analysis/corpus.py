"""Finding a corpus's article files, reading its manifest, and assigning article ids.

Every problem is collected as a `Problem` naming the file (and manifest line) and what is
wrong; none of them stops the other articles from loading.
"""

from __future__ import annotations

import csv
import hashlib
import io
import os
import re
from dataclasses import dataclass, field, replace
from pathlib import Path

from analysis import config
from analysis.metadata import normalise_date_value

MANIFEST_COLUMNS = (
    "file",
    "article_id",
    "title",
    "source",
    "url",
    "published",
    "language",
    "translation_of",
    "notes",
)
ID_RE = re.compile(r"^[\w.\-]+$")


@dataclass(frozen=True)
class Problem:
    """One thing wrong with the input, said so that a user can fix it."""

    file: str
    message: str
    level: str = "error"  # "error": the file was skipped; "warning": loaded, with a caveat

    def __str__(self) -> str:
        return f"{self.file}: {self.message}"


@dataclass(frozen=True)
class Source:
    """One article file's name (relative to the corpus, or the upload's name) and bytes."""

    name: str
    data: bytes
    size: int = -1  # bytes on disk, known before reading; -1 when `data` is all there is

    @property
    def stem(self) -> str:
        base = self.name.rsplit("/", 1)[-1]
        return base.rsplit(".", 1)[0] if "." in base.lstrip(".") else base


@dataclass(frozen=True)
class ManifestRow:
    file: str
    line: int
    article_id: str = ""
    title: str = ""
    source: str = ""
    url: str = ""
    published: str = ""
    language: str = ""
    translation_of: str = ""


@dataclass
class Discovery:
    sources: list[Source] = field(default_factory=list)
    manifest: dict[str, ManifestRow] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)


def _too_big(size: int) -> bool:
    return size > config.MAX_ARTICLE_BYTES


def _walk(corpus: Path) -> list[tuple[str, str, str]]:
    """(folder relative to the corpus, name relative to it, absolute path) of every file,
    sorted, hidden files and folders skipped (os.walk: much faster than pathlib here)."""
    if corpus.is_file():
        return [("", corpus.name, str(corpus))]
    out = []
    for root, dirs, files in os.walk(corpus):
        dirs[:] = [d for d in dirs if not d.startswith(".")]
        rel = os.path.relpath(root, corpus).replace(os.sep, "/")
        folder = "" if rel == "." else rel
        for file in files:
            if not file.startswith("."):
                out.append(
                    (folder, f"{folder}/{file}" if folder else file, os.path.join(root, file))
                )
    return sorted(out, key=lambda item: item[1])


def discover(corpus: Path) -> Discovery:
    """Every article file under `corpus` (recursively; hidden folders skipped) and manifests.

    A file larger than the article limit is not read into memory: only its size is kept,
    and reading reports it.
    """
    found = Discovery()
    if not corpus.exists():
        found.problems.append(Problem(str(corpus), "the corpus folder does not exist"))
        return found
    for folder, name, path in _walk(corpus):
        lower = name.rsplit("/", 1)[-1].lower()
        if lower in config.MANIFEST_NAMES:
            with open(path, "rb") as handle:
                rows, problems = read_manifest(handle.read(), name)
            for row in rows:
                key = row.file if not folder else f"{folder}/{row.file}"
                found.manifest[key] = row
            found.problems.extend(problems)
            continue
        if not lower.endswith(config.ARTICLE_SUFFIXES):
            continue
        size = os.path.getsize(path)
        if _too_big(size):
            data = b""
        else:
            with open(path, "rb") as handle:
                data = handle.read()
        found.sources.append(Source(name, data, size))
    unknown = set(found.manifest) - {s.name for s in found.sources}
    for name in sorted(unknown):
        row = found.manifest[name]
        found.problems.append(
            Problem(
                f"manifest.csv line {row.line}",
                f"names {name!r}, which is not in the corpus folder",
                "warning",
            )
        )
    return found


def read_manifest(
    data: bytes, name: str = "manifest.csv"
) -> tuple[list[ManifestRow], list[Problem]]:
    """Parse a manifest; bad rows are reported and skipped, good rows kept."""
    problems: list[Problem] = []
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return [], [Problem(name, "the manifest is not UTF-8 text; it was ignored")]
    try:
        reader = csv.DictReader(io.StringIO(text))
        header = [h.strip().lower() for h in (reader.fieldnames or [])]
    except csv.Error as err:
        return [], [Problem(name, f"the manifest is not valid CSV ({err}); it was ignored")]
    if "file" not in header:
        return [], [
            Problem(
                name,
                "the manifest has no 'file' column; it was ignored "
                f"(expected columns: {', '.join(MANIFEST_COLUMNS)})",
            )
        ]
    extra = sorted(set(header) - set(MANIFEST_COLUMNS))
    if extra:
        problems.append(
            Problem(name, f"unknown manifest columns ignored: {', '.join(extra)}", "warning")
        )
    rows: list[ManifestRow] = []
    seen: set[str] = set()
    try:
        records = list(reader)
    except csv.Error as err:
        return [], [Problem(name, f"the manifest is not valid CSV ({err}); it was ignored")]
    for line, raw in enumerate(records, start=2):
        where = f"{name} line {line}"
        if None in raw:
            problems.append(Problem(where, "more fields than columns; row skipped"))
            continue
        row = {k.strip().lower(): (v or "").strip() for k, v in raw.items() if k}
        if not any(row.values()):
            continue
        file = row.get("file", "")
        if not file:
            problems.append(Problem(where, "no file name; row skipped"))
            continue
        if file in seen:
            problems.append(Problem(where, f"{file!r} is listed twice; the first row is used"))
            continue
        seen.add(file)
        published = row.get("published", "")
        if published and normalise_date_value(published) is None:
            problems.append(
                Problem(
                    where,
                    f"published {published!r} is not YYYY, YYYY-MM or "
                    "YYYY-MM-DD; the date is looked for in the text",
                    "warning",
                )
            )
            published = ""
        language = row.get("language", "").lower()
        if language and not re.fullmatch(r"[a-z]{2}", language):
            problems.append(
                Problem(
                    where,
                    f"language {language!r} is not a two-letter ISO 639-1"
                    " code; it is detected instead",
                    "warning",
                )
            )
            language = ""
        article_id = row.get("article_id", "")
        if article_id and not ID_RE.match(article_id):
            problems.append(
                Problem(
                    where,
                    f"article_id {article_id!r} may only use letters, "
                    "digits, '.', '_' and '-'; the file name is used",
                    "warning",
                )
            )
            article_id = ""
        rows.append(
            ManifestRow(
                file=file,
                line=line,
                article_id=article_id,
                title=row.get("title", ""),
                source=row.get("source", ""),
                url=row.get("url", ""),
                published=published,
                language=language,
                translation_of=row.get("translation_of", ""),
            )
        )
    return rows, problems


def assign_ids(
    sources: list[Source], manifest: dict[str, ManifestRow]
) -> tuple[dict[str, str], list[Problem]]:
    """Article id per source name: the manifest's, else the file stem; duplicates renamed."""
    ids: dict[str, str] = {}
    used: dict[str, str] = {}
    problems: list[Problem] = []
    for source in sources:
        row = manifest.get(source.name)
        wanted = (row.article_id if row and row.article_id else source.stem) or "article"
        wanted = re.sub(r"[^\w.\-]", "_", wanted)
        chosen, n = wanted, 2
        while chosen in used:
            chosen, n = f"{wanted}-{n}", n + 1
        if chosen != wanted:
            problems.append(
                Problem(
                    source.name,
                    f"article id {wanted!r} is already used by "
                    f"{used[wanted]}; this one is {chosen!r}",
                    "warning",
                )
            )
        used[chosen] = source.name
        ids[source.name] = chosen
    return ids, problems


def content_key(source: Source, article_id: str, row: ManifestRow | None, version: str) -> str:
    """Cache key: the file's bytes, its manifest metadata, its id and the pipeline version."""
    digest = hashlib.blake2b(source.data, digest_size=16)
    meta = replace(row, line=0) if row else None  # moving a row in the manifest changes nothing
    digest.update(f"\0{source.name}\0{article_id}\0{meta!r}\0{version}".encode())
    return digest.hexdigest()


def safe_url(url: str) -> str:
    """Only http(s) links are kept: a `javascript:` or `data:` URL must never become a link."""
    url = (url or "").strip()
    return url if re.match(r"^https?://[^\s<>\"']+$", url, re.I) else ""
