"""Pipeline benchmark on a synthetic corpus made from the seed articles.

    python bench/bench.py --articles 5000

Builds N distinct articles by varying the seeds (paragraph order and selection, numbers,
dates and actor names swapped), then measures in one run:
- spaCy's bare tokenizer over the same texts (one process): the baseline;
- a cold build of the whole corpus (the pipeline as shipped: process pool on >1 core);
- a warm rebuild of the unchanged corpus (all from the cache);
- adding one article to the built corpus and rebuilding (incremental_add_s);
and ends with one JSON line: articles_per_s, words_per_s, ratio_to_tokenizer,
incremental_add_s, warm_rebuild_s, events_share_of_build (date extraction alone, one process,
over the cold build's wall time), peak_rss_mb (the most this process and its worker processes
held at once, sampled every 20 ms; peak_rss_main_mb and peak_rss_worker_mb are each one's own
peak; a forked worker's resident pages include those it still shares with this process, so the
sum counts them twice: peak_pss_mb, sampled every 100 ms on Linux, counts each shared page
once, split among the processes that share it). The build runs with BRIEFING_SENTIMENT=off; the
sentiment stage is timed alone on 300 articles, one article at a time as the build runs it,
after one untimed pass over them, in the build's worker processes: sentiment_sentences_per_s
(all their sentences), sentiment_scored_sentences_per_s (those naming a state) and
sentiment_targets_per_s; and in one process, as a build under 400 articles runs it:
sentiment_one_process_sentences_per_s.
"""

from __future__ import annotations

import argparse
import gc
import glob
import json
import os
import random
import re
import resource
import shutil
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

SWAPS = {
    "Russia": ["Belarus", "Iran", "Russia"],
    "Japan": ["Japan", "South Korea", "Australia"],
    "Putin": ["Putin", "Lukashenko"],
    "China": ["China", "India"],
    "Moscow": ["Moscow", "Minsk"],
    "Pyongyang": ["Pyongyang"],
    "Ukraine": ["Ukraine", "Georgia", "Moldova"],
}
NUMBER_RE = re.compile(r"\b(19|20)\d\d\b")


def make_corpus(folder: Path, n: int, seed: int = 7) -> list[tuple[str, str]]:
    """Write n varied articles; returns (language, text) for the tokenizer baseline."""
    rng = random.Random(seed)
    seeds = sorted((ROOT / "data" / "articles").glob("*.txt"))
    texts = [(p.name[:3], p.read_text(encoding="utf-8")) for p in seeds]
    langs = {"002": "it"}
    out = []
    folder.mkdir(parents=True, exist_ok=True)
    for i in range(n):
        prefix, text = texts[i % len(texts)]
        lines = [line for line in text.split("\n") if line.strip()]
        separator = "\n\n" if "\n\n" in text.strip() else "\n"  # keep the seed's layout
        head, body = lines[:1], lines[1:]
        rng.shuffle(body)
        body = body[: max(3, int(len(body) * rng.uniform(0.7, 1.0)))]
        varied = separator.join(head + body)
        for name, options in SWAPS.items():
            varied = varied.replace(name, rng.choice(options))
        varied = NUMBER_RE.sub(lambda m: str(rng.randint(1990, 2025)), varied)
        varied += f"{separator}Reference {i}: item {rng.randint(0, 10**9)}.\n"
        (folder / f"{i:05d}_{prefix}.txt").write_text(varied, encoding="utf-8")
        out.append((langs.get(prefix, "en"), varied))
    return out


class TreeMemory(threading.Thread):
    """Samples the resident memory of this process and its children (the worker pool) every
    20 ms: the peak of their sum bounds what the machine had to hold at once. Every fifth
    sample also sums their proportional set sizes (a page shared by n processes counts 1/n in
    each: the forked workers share the pipelines they inherited), what it did hold."""

    #: samples between two readings of the proportional sizes (each walks the page tables)
    PSS_EVERY = 5

    def __init__(self) -> None:
        super().__init__(daemon=True)
        self.peak_mb = 0.0
        self.peak_pss_mb = 0.0
        self.running = True

    @staticmethod
    def _rss_mb(pid: int | str) -> float:
        try:
            with open(f"/proc/{pid}/statm") as handle:
                return int(handle.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20
        except (OSError, ValueError, IndexError):
            return 0.0

    @staticmethod
    def _pss_mb(pid: int | str) -> float:
        try:
            with open(f"/proc/{pid}/smaps_rollup") as handle:
                for line in handle:
                    if line.startswith("Pss:"):
                        return int(line.split()[1]) / 1024
        except (OSError, ValueError, IndexError):
            pass
        return 0.0

    def _children(self) -> list[str]:
        found = []
        for task in glob.glob(f"/proc/{os.getpid()}/task/*/children"):
            try:
                with open(task) as handle:
                    found.extend(handle.read().split())
            except OSError:
                continue
        return found

    def run(self) -> None:
        sample = 0
        while self.running:
            children = self._children()
            total = self._rss_mb("self") + sum(self._rss_mb(pid) for pid in children)
            self.peak_mb = max(self.peak_mb, total)
            if sample % self.PSS_EVERY == 0:
                pss = self._pss_mb("self") + sum(self._pss_mb(pid) for pid in children)
                self.peak_pss_mb = max(self.peak_pss_mb, pss)
            sample += 1
            time.sleep(0.02)


def events_seconds(tables) -> float:
    """Time of the date extraction alone over the whole corpus, in this one process (the
    build ran it in two): its share of the build's wall time overstates its real cost."""
    from analysis import events

    spans: dict[str, list[tuple[int, int]]] = {}
    for aid, start, end in zip(
        tables.sentences["article_id"],
        tables.sentences["start_char"],
        tables.sentences["end_char"],
        strict=True,
    ):
        spans.setdefault(aid, []).append((int(start), int(end)))
    rows = list(
        zip(
            tables.articles["article_id"],
            tables.articles["text"],
            tables.articles["language"],
            tables.articles["published"].fillna(""),
            strict=True,
        )
    )
    start = time.perf_counter()
    for aid, text, language, published in rows:
        events.extract(text, spans.get(aid, []), language, published)
    return time.perf_counter() - start


def sentiment_sample(tables, n_articles: int = 300) -> tuple[list, int]:
    """The (sentence, state) targets of the first `n_articles` articles, and how many
    sentences those articles have."""
    from analysis import sentiment

    chosen = list(tables.articles["article_id"][:n_articles])
    sents = tables.sentences[tables.sentences["article_id"].isin(chosen)]
    ments = tables.mentions[tables.mentions["article_id"].isin(chosen)]
    targets = []
    for aid, group in sents.groupby("article_id", sort=False):
        m = ments[ments["article_id"] == aid]
        targets += sentiment.targets_of(
            aid,
            list(
                zip(
                    group["sent_no"],
                    group["paragraph_no"],
                    group["start_char"],
                    group["text"],
                    group["language"],
                    strict=True,
                )
            ),
            list(zip(m["sent_no"], m["start_char"], m["end_char"], m["state_id"], strict=True)),
        )
    return targets, len(sents)


def _score_article(article_targets: list) -> int:
    from analysis import sentiment

    sentiment.rows(article_targets)
    return len(article_targets)


def _wait(seconds: float) -> None:
    time.sleep(seconds)


def sentiment_rates(targets: list, n_sentences: int, workers: int) -> dict[str, float]:
    """The sentiment stage alone, one article at a time as the build runs it: all the
    sample's sentences, those naming a state, and (sentence, state) targets per second. Timed
    twice: in the build's worker processes, one model thread each, as a build of
    PARALLEL_MIN_ARTICLES or more runs it (sentiment_*), and in this one process with the
    model's own threads, as a smaller build runs it (sentiment_one_process_*). Each after one
    untimed pass, so that loading the model and onnxruntime's first-run allocations are not
    counted; run after the memory figures are read, so that the model does not count toward
    the pipeline's peak."""
    from analysis import sentiment
    from analysis.pipeline import worker_pool

    by_article: dict[str, list] = {}
    for target in targets:
        by_article.setdefault(target.article_id, []).append(target)
    groups = list(by_article.values())
    scored = len({(t.article_id, t.sent_no) for t in targets})

    sentiment.rows(targets)
    start = time.perf_counter()
    for article_targets in groups:
        sentiment.rows(article_targets)
    one_process = time.perf_counter() - start

    with worker_pool(workers) as pool:
        pool.map(_wait, [0.2] * workers, chunksize=1)  # every worker started
        pool.map(_score_article, groups, chunksize=4)
        start = time.perf_counter()
        pool.map(_score_article, groups, chunksize=4)
        in_workers = time.perf_counter() - start
    return {
        "sentiment_sentences_per_s": round(n_sentences / in_workers, 1),
        "sentiment_scored_sentences_per_s": round(scored / in_workers, 1),
        "sentiment_targets_per_s": round(len(targets) / in_workers, 1),
        "sentiment_workers": workers,
        "sentiment_one_process_sentences_per_s": round(n_sentences / one_process, 1),
        "sentiment_one_process_scored_sentences_per_s": round(scored / one_process, 1),
        "sentiment_targets": len(targets),
    }


def tokenizer_seconds(texts: list[tuple[str, str]]) -> float:
    import spacy

    tokenizers = {lang: spacy.blank(lang).tokenizer for lang in {lang for lang, _ in texts}}
    start = time.perf_counter()
    for lang in tokenizers:
        for _ in tokenizers[lang].pipe([t for la, t in texts if la == lang], batch_size=256):
            pass
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=5000)
    parser.add_argument("--workers", type=int, default=None, help="default: the shipped setting")
    parser.add_argument("--keep", type=Path, help="keep the synthetic corpus here")
    args = parser.parse_args()

    # The pipeline's numbers are without the sentiment stage, measured on its own below.
    os.environ["BRIEFING_SENTIMENT"] = "off"
    from analysis import build, config

    work = Path(tempfile.mkdtemp(prefix="briefing-bench-"))
    corpus, cache = (args.keep or work / "corpus"), work / "cache"
    texts = make_corpus(corpus, args.articles)
    words = sum(len(t.split()) for _, t in texts)

    memory = TreeMemory()
    if sys.platform.startswith("linux"):
        memory.start()
    tok_s = tokenizer_seconds(texts)
    new_text = texts[0][1].replace("Reference 0", "Reference new")
    del texts  # measure the pipeline's memory, not the benchmark's own copy of the corpus
    gc.collect()

    start = time.perf_counter()
    cold = build(corpus, cache=cache, workers=args.workers)
    cold_s = time.perf_counter() - start
    assert len(cold.tables.articles) == args.articles, cold.problems[:3]
    n_sentences, n_mentions = len(cold.tables.sentences), len(cold.tables.mentions)
    events_s = events_seconds(cold.tables)
    sample = sentiment_sample(cold.tables)
    del cold  # each step's tables are dropped before the next, as a session would
    gc.collect()

    start = time.perf_counter()
    warm = build(corpus, cache=cache, workers=args.workers)
    warm_s = time.perf_counter() - start
    assert warm.n_processed == 0
    del warm
    gc.collect()

    (corpus / "zz_new.txt").write_text(new_text, encoding="utf-8")
    start = time.perf_counter()
    added = build(corpus, cache=cache, workers=args.workers)
    add_s = time.perf_counter() - start
    assert added.n_processed == 1 and len(added.tables.articles) == args.articles + 1

    memory.running = False
    self_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    child_mb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    sentiment_report = sentiment_rates(
        *sample, config.PARALLEL_WORKERS if args.workers is None else args.workers
    )
    report = {
        "articles": args.articles,
        "words": words,
        "seconds_cold": round(cold_s, 2),
        "articles_per_s": round(args.articles / cold_s, 1),
        "words_per_s": round(words / cold_s),
        "tokenizer_s": round(tok_s, 2),
        "ratio_to_tokenizer": round(cold_s / tok_s, 2),
        "warm_rebuild_s": round(warm_s, 2),
        "incremental_add_s": round(add_s, 3),
        "peak_rss_mb": round(max(memory.peak_mb, self_mb), 1),
        "peak_pss_mb": round(memory.peak_pss_mb, 1) if memory.peak_pss_mb else None,
        "peak_rss_main_mb": round(self_mb, 1),
        "peak_rss_worker_mb": round(child_mb, 1),
        "events_extraction_s": round(events_s, 2),
        "events_share_of_build": round(events_s / cold_s, 3),
        "sentences": n_sentences,
        "mentions": n_mentions,
        **sentiment_report,
    }
    shutil.rmtree(work, ignore_errors=True)
    print(json.dumps(report))


if __name__ == "__main__":
    main()
