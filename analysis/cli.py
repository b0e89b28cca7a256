"""Command line: `briefing build …` (also `python -m analysis build …`)."""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from analysis import config


def _build(args: argparse.Namespace) -> int:
    from analysis.pipeline import build

    started = time.perf_counter()
    corpus = config.corpus_dir(args.corpus)
    result = build(corpus, cache=args.cache, use_cache=not args.no_cache, workers=args.workers)
    for problem in result.problems:
        print(f"{problem.level}: {problem}", file=sys.stderr)
    n = len(result.tables.articles)
    if n == 0:
        print(f"error: no article could be built from {corpus}", file=sys.stderr)
        return 1
    written = result.tables.save(Path(args.out), args.format)
    if not args.quiet:
        print(
            f"built {n} articles ({result.n_cached} from cache, {result.n_processed} analysed)"
            f" from {corpus} in {time.perf_counter() - started:.2f} s; wrote "
            f"{len(written)} tables to {args.out}"
        )
    return 0


def parser() -> argparse.ArgumentParser:
    top = argparse.ArgumentParser(prog="briefing", description=__doc__)
    commands = top.add_subparsers(dest="command", required=True)
    b = commands.add_parser("build", help="build the tables of a corpus folder")
    b.add_argument("--corpus", help=f"corpus folder (default: ${config.CORPUS_ENV} or data/)")
    b.add_argument("--out", required=True, help="folder to write one file per table into")
    b.add_argument("--format", choices=("parquet", "csv"), default="parquet")
    b.add_argument("--cache", help=f"cache folder (default: ${config.CACHE_ENV} or ~/.cache)")
    b.add_argument("--no-cache", action="store_true", help="analyse every article afresh")
    b.add_argument("--workers", type=int, default=None, help="worker processes (default: auto)")
    b.add_argument("--quiet", action="store_true")
    b.set_defaults(run=_build)
    return top


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    try:
        return args.run(args)
    except KeyboardInterrupt:
        return 130
