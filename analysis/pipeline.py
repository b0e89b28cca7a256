"""The preprocessing pipeline: a corpus folder (and uploads) in, the contract's tables out.

    tables, problems = build(corpus_dir)

Per article: read and clean the file, identify its language (and each paragraph's), run the
language's spaCy pipeline, and emit rows for articles, paragraphs, sentences, mentions and
comentions. Results are cached per article (see `analysis.cache`), so rebuilding an unchanged
corpus reads the cache and adding one article processes only that article.
"""

from __future__ import annotations

import ctypes
import gc
import multiprocessing
import multiprocessing.pool
import sys
from bisect import bisect_right
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from functools import cache
from itertools import combinations
from pathlib import Path

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from analysis import align, config, events, schema, sentiment, timeline, tsc
from analysis.cache import SegmentStore
from analysis.corpus import (
    Discovery,
    ManifestRow,
    Problem,
    Source,
    assign_ids,
    content_key,
    discover,
    safe_url,
)
from analysis.languages import identify, language_name
from analysis.metadata import (
    DATED_KINDS,
    FoundDate,
    classify_line,
    find_published,
    find_source,
    guess_title,
    normalise_date_value,
    parse_date,
    timestamps,
    without_wire_tag,
)
from analysis.nlp import COL_ALPHA, analyse_text, get_pipeline, pipeline_language, token_array
from analysis.reading import BadInput, check_size, extract

Progress = Callable[[int, int, str], None]
#: Row order inside each article, per table (whichever columns the table has).
SORT_KEYS = ("paragraph_no", "sent_no", "start_char", "actor_a", "actor_b")


@dataclass(frozen=True)
class Job:
    """One article to analyse: its bytes, id, manifest row and cache key."""

    source: Source
    article_id: str
    row: ManifestRow | None
    key: str


@dataclass
class BuildResult:
    tables: schema.Tables
    problems: list[Problem] = field(default_factory=list)
    n_cached: int = 0
    n_processed: int = 0

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.level == "error"]


class Rows:
    """Column-wise row buffers for the per-article tables, turned into Arrow tables per batch
    (compact to keep, cheap to pickle between processes, one concatenation at the end)."""

    def __init__(self) -> None:
        self.data: dict[str, dict[str, list]] = {
            name: {c: [] for c in [*schema.COLUMNS[name], "cache_key"]}
            for name in schema.ARTICLE_TABLES
        }
        self._targets = {
            name: [(c, t) for c, t in cols.items() if c != "cache_key"]
            for name, cols in self.data.items()
        }

    def add(self, table: str, key: str, **values) -> None:
        self.data[table]["cache_key"].append(key)
        get = values.get
        for column, target in self._targets[table]:
            target.append(get(column))

    def add_many(self, table: str, key: str, n: int, **columns) -> None:
        """Add n rows at once: each column a list of n values, or one value for all."""
        self.data[table]["cache_key"].extend([key] * n)
        for column, target in self._targets[table]:
            values = columns.get(column)
            target.extend(values if isinstance(values, list) else [values] * n)

    def mark(self) -> dict[str, int]:
        """How many rows each table has now (`rollback` returns to it)."""
        return {name: len(cols["cache_key"]) for name, cols in self.data.items()}

    def rollback(self, mark: dict[str, int]) -> None:
        """Drop the rows added since `mark` (an article whose analysis failed half-way)."""
        for name, cols in self.data.items():
            for values in cols.values():
                del values[mark[name] :]

    def arrow(self) -> dict[str, pa.Table]:
        return {
            name: schema.to_arrow(name, cols, cache_key=True) for name, cols in self.data.items()
        }

    def __len__(self) -> int:
        return len(self.data["articles"]["article_id"])


def _language(text: str, row: ManifestRow | None, hint: str) -> tuple[str, str, str]:
    """(language used, detected language, flag). The manifest wins; a conflict is flagged."""
    languages = config.configured_languages()
    guess = identify(text, languages)
    detected = guess.language
    flag = ""
    if row and row.language:
        chosen = row.language
        if detected not in (chosen, config.UNKNOWN_LANGUAGE):
            flag = f"manifest says {chosen}, text looks {detected}"
        if chosen not in languages:
            flag = flag or fallback_note(chosen)
        return chosen, detected, flag
    if detected == config.UNKNOWN_LANGUAGE:
        hinted = hint if hint in languages else ""
        if hinted:
            return hinted, detected, "language from the page's lang attribute"
        return detected, detected, "unknown language: multilingual fallback"
    if detected not in languages:
        return detected, detected, fallback_note(detected)
    return detected, detected, flag


def fallback_note(code: str) -> str:
    """The flag of an article in a language without configured resources."""
    return (
        f"{language_name(code)} ({code}) is not a configured language: multilingual fallback "
        "(state names only, no dates beyond numeric ones, no sentiment)"
    )


def event_label(sentence: str, start: int, end: int, width: int = 110) -> str:
    """A short label for an event: its sentence, cut to about `width` characters around the
    temporal expression."""
    if len(sentence) <= width:
        return sentence
    lo = max(0, min(start - width // 2, len(sentence) - width))
    hi = min(len(sentence), lo + width)
    lo = sentence.rfind(" ", 0, lo) + 1 if lo else 0
    return ("…" if lo else "") + sentence[lo:hi].strip() + ("…" if hi < len(sentence) else "")


def _header_date(header: Sequence[str], language: str) -> FoundDate | None:
    """The date a page prints in the header blocks its extractor dropped ("By Helen Marsh |
    March 2025 issue"): their date line or byline only."""
    kinds = [classify_line(line, language, i + 1) for i, line in enumerate(header)]
    dated = [(line, kind) for line, kind in zip(header, kinds, strict=True) if kind in DATED_KINDS]
    found = find_published([x for x, _ in dated], [k for _, k in dated], language)
    return found and FoundDate(found.value, found.precision, f"page header: {found.evidence}")


def _pick(manifest: str, metadata: str, fmt: str, from_text: Callable[[], tuple[str, str]]):
    """(value, where it came from): the manifest, else the file's own metadata, else the
    text itself."""
    if manifest:
        return manifest, "manifest"
    if metadata:
        return metadata, f"{fmt} metadata"
    return from_text()


def analyse(job: Job, rows: Rows) -> Problem | None:
    """Analyse one article into `rows`; a file that cannot be read becomes a Problem."""
    source, row, key, aid = job.source, job.row, job.key, job.article_id
    try:
        check_size(source.size)
        doc_in = extract(source.name, source.data)
    except BadInput as err:
        return Problem(source.name, str(err))
    text = doc_in.text
    language, detected, flag = _language(text, row, doc_in.language)
    nlp = get_pipeline(pipeline_language(language))
    doc = analyse_text(nlp, text)
    paragraphs = doc._.paragraphs
    lines = [text[p.start : p.end] for p in paragraphs]
    kinds = [
        classify_line(line, p.language, i)
        for i, (line, p) in enumerate(zip(lines, paragraphs, strict=True))
    ]
    rows.add_many(
        "paragraphs",
        key,
        len(paragraphs),
        article_id=aid,
        paragraph_no=list(range(len(paragraphs))),
        start_char=[p.start for p in paragraphs],
        end_char=[p.end for p in paragraphs],
        text=lines,
        kind=kinds,
        language=[p.language for p in paragraphs],
    )

    # Sentences: the segmenter's spans (the same boundaries as doc.sents, trimmed).
    para_starts = [p.start for p in paragraphs] or [0]
    spans = doc._.sentences
    sent_starts = [start for start, _ in spans]
    p_nos = [bisect_right(para_starts, start) - 1 for start in sent_starts]
    rows.add_many(
        "sentences",
        key,
        len(spans),
        article_id=aid,
        sent_no=list(range(len(spans))),
        paragraph_no=p_nos,
        start_char=sent_starts,
        end_char=[end for _, end in spans],
        text=[text[start:end] for start, end in spans],
        kind=[
            kinds[p] if (paragraphs[p].start, paragraphs[p].end) == span else "body"
            for p, span in zip(p_nos, spans, strict=True)
        ],
        language=[paragraphs[p].language for p in p_nos],
    )
    starts = sent_starts or [0]

    by_sentence: dict[int, set[str]] = {}
    found = doc._.mentions
    sent_nos = [bisect_right(starts, m[0]) - 1 for m in found]
    for sent_no, m in zip(sent_nos, found, strict=True):
        by_sentence.setdefault(sent_no, set()).add(m[2].state_id)
    rows.add_many(  # column-wise: the most numerous rows of an article
        "mentions",
        key,
        len(found),
        article_id=aid,
        sent_no=sent_nos,
        start_char=[m[0] for m in found],
        end_char=[m[1] for m in found],
        surface=[text[m[0] : m[1]] for m in found],
        actor_id=[m[2].actor_id for m in found],
        actor_kind=[m[2].kind for m in found],
        state_id=[m[2].state_id for m in found],
        paragraph_no=[bisect_right(para_starts, m[0]) - 1 for m in found],
        match_type=[m[3] for m in found],
        actor_name=[m[2].name for m in found],
    )
    if config.sentiment_enabled():  # toward each state a sentence names
        targets = sentiment.targets_of(
            aid,
            [
                (i, p_nos[i], start, text[start:end], paragraphs[p_nos[i]].language)
                for i, (start, end) in enumerate(spans)
            ],
            [(n, m[0], m[1], m[2].state_id) for n, m in zip(sent_nos, found, strict=True)],
        )
        rows.add_many("sentiment", key, len(targets), **sentiment.rows(targets))
    pair_counts: dict[tuple[str, str], int] = {}
    for states in by_sentence.values():
        for pair in combinations(sorted(states), 2):
            pair_counts[pair] = pair_counts.get(pair, 0) + 1
    pairs = sorted(pair_counts)
    rows.add_many(
        "comentions",
        key,
        len(pairs),
        article_id=aid,
        actor_a=[a for a, _ in pairs],
        actor_b=[b for _, b in pairs],
        n_sentences=[pair_counts[pair] for pair in pairs],
    )

    # Metadata: manifest, then the format's own metadata, then what the text says.
    lang_for_dates = paragraphs[0].language if paragraphs else language
    title, title_from = _pick(
        row.title if row else "",
        doc_in.title,
        doc_in.format,
        lambda: guess_title(lines, kinds, language),
    )
    if title_from != "manifest":  # what an editor typed stays as typed
        title = without_wire_tag(title)
    published, precision, published_from = "", "", ""
    if row and row.published:
        published, precision = normalise_date_value(row.published)
        published_from = "manifest"
    elif doc_in.published and (found := parse_date(doc_in.published, lang_for_dates)):
        published, precision = found
        published_from = f"{doc_in.format} metadata"
    elif found_in_text := find_published(lines, kinds, language) or _header_date(
        doc_in.header, language
    ):
        published, precision, published_from = (
            found_in_text.value,
            found_in_text.precision,
            found_in_text.evidence,
        )
    source_name, source_from = _pick(
        row.source if row else "",
        doc_in.source,
        doc_in.format,
        lambda: find_source(lines, kinds, language),
    )
    if not source_name and doc_in.logo:  # a page's logo, where nothing else names its site
        source_name, source_from = doc_in.logo, "the page's logo"
    # Dated events: temporal expressions, resolved against the publication date.
    other_languages = [(p.start, p.end, p.language) for p in paragraphs if p.language != language]
    stamps = [(paragraphs[i].start, day) for i, day in timestamps(lines, kinds, language)]
    for event in events.extract(
        text, doc._.sentences, language, published, other_languages, stamps
    ):
        sent_no = bisect_right(starts, event.start_char) - 1
        s_start, s_end = doc._.sentences[sent_no] if sent_no >= 0 else (0, len(text))
        rows.add(
            "events",
            key,
            article_id=aid,
            sent_no=sent_no,
            start_char=event.start_char,
            end_char=event.end_char,
            expression=event.expression,
            date=event.date,
            precision=event.precision,
            resolved=event.resolved,
            actors=";".join(sorted(by_sentence.get(sent_no, ()))),
            event_id="",
            date_end=event.date_end,
            paragraph_no=bisect_right(para_starts, s_start) - 1,
            label=event_label(
                text[s_start:s_end], event.start_char - s_start, event.end_char - s_start
            ),
        )
    rows.add(
        "articles",
        key,
        article_id=aid,
        title=title,
        source=source_name,
        url=safe_url(row.url if row and row.url else doc_in.url),
        published=published,
        language=language,
        translation_of=row.translation_of if row else "",
        text=text,
        published_precision=precision,
        published_from=published_from,
        title_from=title_from,
        source_from=source_from if source_name else "",
        detected_language=detected,
        language_flag=flag,
        file=source.name,
        format=doc_in.format,
        encoding=doc_in.encoding,
        notes="\n".join(doc_in.warnings),
        n_paragraphs=len(paragraphs),
        n_sentences=len(sent_starts),
        n_words=int(token_array(doc)[:, COL_ALPHA].sum()) if len(doc) else 0,
        content_hash=key,
        anchors=align.article_anchors(text),
    )
    return None


Batch = tuple[dict[str, pa.Table], list[Problem]]


def analyse_many(jobs: Sequence[Job]) -> Batch:
    """Analyse a batch of articles (in a worker process or here) into Arrow tables."""
    rows, problems = Rows(), []
    for job in jobs:
        mark = rows.mark()
        try:
            problem = analyse(job, rows)
        except Exception as err:  # a fault of ours costs this article, never the others
            rows.rollback(mark)
            problem = Problem(
                job.source.name,
                f"could not be analysed ({type(err).__name__}: {err}); please report it",
            )
        if problem:
            problems.append(problem)
    return rows.arrow(), problems


def _chunks(items: Sequence, size: int) -> Iterable[Sequence]:
    for i in range(0, len(items), size):
        yield items[i : i + size]


def _warm_up() -> None:
    """Build the default pipeline before forking, so workers inherit it instead of each
    building their own (and this process has it for later incremental builds)."""
    language = config.configured_languages()[0]
    analyse_text(get_pipeline(language), "Warm-up.")
    events.extract("Warm-up in May 2024.", [(0, 20)], language)


def worker_pool(workers: int) -> multiprocessing.pool.Pool:
    """The build's worker processes (forked where the platform allows, so they inherit the
    warmed-up pipelines), each with its own one-thread sentiment model.

    What this process holds when it forks (pipelines, gazetteer, grammars) is frozen out of
    the garbage collector's view for the fork: a worker's full collections then walk only
    the objects it made itself, not the ~200,000 it inherited (each such walk cost ~0.1 s),
    and leave the inherited pages unwritten, so shared."""
    method = "fork" if sys.platform.startswith("linux") else "spawn"
    gc.freeze()
    try:
        return multiprocessing.get_context(method).Pool(workers, initializer=tsc.reset_for_worker)
    finally:
        gc.unfreeze()  # here they are collectable again


def _run(jobs: list[Job], workers: int, progress: Progress | None) -> Batch:
    parts: list[dict[str, pa.Table]] = []
    problems: list[Problem] = []
    total, done = len(jobs), 0
    batches = list(_chunks(jobs, config.BATCH_SIZE))
    parallel = workers > 1 and len(jobs) >= config.PARALLEL_MIN_ARTICLES
    if parallel:
        _warm_up()
        pool = worker_pool(workers)
        results = pool.imap(analyse_many, batches)  # in order: progress reports stay true
    else:
        pool, results = None, map(analyse_many, _chunks(jobs, 1))
        batches = [[job] for job in jobs]
    try:
        for batch, (part, issues) in zip(batches, results, strict=True):
            parts.append(part)
            problems.extend(issues)
            done += len(batch)
            if progress:
                progress(done, total, batch[-1].source.name)
    finally:
        if pool is not None:
            pool.close()
            pool.join()
    return _concat(parts), problems


def _concat(parts: Sequence[dict[str, pa.Table]]) -> dict[str, pa.Table]:
    """One Arrow table per table name from several batches (zero-copy)."""
    out = {}
    for name in schema.ARTICLE_TABLES:
        tables = [p[name] for p in parts if name in p]
        out[name] = (
            pa.concat_tables(tables)
            if tables
            else schema.arrow_schema(name, cache_key=True).empty_table()
        )
    return out


def _reorder(table: pa.Table, order: pa.Array, max_runs: int = 64) -> pa.Table:
    """`table.take(order)`, but as zero-copy slices when the order is a few runs of
    consecutive rows (a rebuild that adds a few articles to cached ones): the conversion to
    pandas that follows copies the rows once, not twice."""
    index = order.to_numpy()
    starts = np.flatnonzero(np.diff(index) != 1) + 1
    if len(starts) >= max_runs:
        return table.take(order)
    bounds = [0, *starts.tolist(), len(index)]
    return pa.concat_tables(
        table.slice(int(index[a]), b - a) for a, b in zip(bounds, bounds[1:], strict=False)
    )


def plan(discovery: Discovery, extra: Sequence[Source] = ()) -> tuple[list[Job], list[Problem]]:
    """Ids and cache keys for every source (corpus files first, then uploads)."""
    sources = list(discovery.sources) + list(extra)
    ids, problems = assign_ids(sources, discovery.manifest)
    version = config.pipeline_version()
    jobs = []
    for source in sources:
        row = discovery.manifest.get(source.name)
        jobs.append(
            Job(source, ids[source.name], row, content_key(source, ids[source.name], row, version))
        )
    return jobs, problems


def build(
    corpus: str | Path | None = None,
    *,
    uploads: Sequence[Source] = (),
    cache: str | Path | None = None,
    use_cache: bool = True,
    workers: int | None = None,
    progress: Progress | None = None,
) -> BuildResult:
    """Build every table for a corpus folder plus uploaded files.

    Bad files become `Problem`s (their message names the file) and never stop the others.
    """
    _trim_heap()  # what earlier builds' dropped tables left in the heap
    discovery = discover(config.corpus_dir(corpus))
    jobs, problems = plan(discovery, uploads)
    problems = discovery.problems + problems
    store = SegmentStore(config.cache_dir(cache)) if use_cache else None
    hits = store.lookup([j.key for j in jobs]) if store else {}
    todo = [j for j in jobs if j.key not in hits]
    workers = config.PARALLEL_WORKERS if workers is None else workers
    new, issues = _run(todo, workers, progress)
    problems.extend(issues)
    parts = [new]
    if store and hits:  # read before writing: a write may compact the segments read here
        cached, missing = store.load(hits)
        parts.append(cached)
        if missing:  # a segment vanished (another process compacted it): recompute
            redo, more_issues = _run([j for j in jobs if j.key in missing], workers, None)
            problems.extend(more_issues)
            parts.append(redo)
    if store:
        fresh = _concat(parts[:1] + parts[2:])
        if fresh["articles"].num_rows:
            store.write(fresh)
    combined = _concat(parts)
    ranks = pa.array(sorted(j.article_id for j in jobs), type=pa.string())
    tables = {}
    for name in list(combined):
        table = combined.pop(name)  # freed as soon as it is converted
        keys = [k for k in SORT_KEYS if k in table.column_names]
        if table.num_rows:
            rank = pc.index_in(table["article_id"], value_set=ranks)
            table = table.append_column("_rank", rank)
            order = pc.sort_indices(
                table, sort_keys=[("_rank", "ascending")] + [(k, "ascending") for k in keys]
            )
            table = _reorder(table, order)
        tables[name] = schema.to_pandas(name, table)
        del table
    pa.default_memory_pool().release_unused()  # hand Arrow's freed buffers back to the OS
    _trim_heap()
    built = schema.Tables(**tables)
    pairs = store.read_pairs() if store else None
    stored = dict(pairs) if pairs is not None else None
    built.alignments = align.alignments(built, pairs)
    if store and pairs != stored:  # new or changed pairs: keep them for the next build
        store.write_pairs(pairs)
    built.events = schema.frame("events", timeline.consolidate(built))
    built.sentiment = schema.frame("sentiment", sentiment.project(built))
    built.article_sentiment = schema.frame(
        "article_sentiment", sentiment.article_sentiment(built.sentiment)
    )
    result = BuildResult(built, problems, n_cached=len(hits), n_processed=len(todo))
    _report_notes(result)
    _check_translations(result)
    return result


@cache
def _malloc_trim() -> Callable[[int], int] | None:
    """glibc's `malloc_trim` (the process's own C library), or None where it has none (macOS,
    musl, Windows)."""
    if not sys.platform.startswith("linux"):
        return None
    try:
        return ctypes.CDLL(None).malloc_trim
    except (OSError, AttributeError):
        return None


def _trim_heap() -> None:
    """Hand the C heap's free pages back to the OS. Converting the Arrow tables to pandas
    frees as much as the frames hold, and glibc keeps it: without this, a process that
    builds again (the app after an upload, a rebuild from the cache) holds both (measured:
    a process at 516 MB after a 5,000-article build and its tables dropped held 302 MB once
    trimmed)."""
    trim = _malloc_trim()
    if trim is not None:
        trim(0)


def _report_notes(result: BuildResult) -> None:
    """What reading an article noted (a guessed encoding, HTML that did not fully parse) is
    reported on every build, from the table, so that an article read from the cache says it
    too."""
    articles = result.tables.articles
    for file, notes in zip(articles["file"], articles["notes"].fillna(""), strict=True):
        for note in filter(None, notes.split("\n")):
            result.problems.append(Problem(file, note, "warning"))


def _check_translations(result: BuildResult) -> None:
    """A manifest `translation_of` naming no article of the corpus is reported and cleared."""
    articles = result.tables.articles
    named = articles["translation_of"].notna() & (articles["translation_of"] != "")
    if not named.any():  # most corpora: no manifest names a translation
        return
    bad = named & ~articles["translation_of"].isin(set(articles["article_id"]))
    for _, row in articles[bad].iterrows():
        result.problems.append(
            Problem(
                row["file"],
                f"translation_of names "
                f"{row['translation_of']!r}, which is not an"
                " article of this corpus; ignored",
                "warning",
            )
        )
    if bad.any():
        articles.loc[bad, "translation_of"] = ""
