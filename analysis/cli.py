"""Command line: `briefing build|sentiment-predict|export-html …` (also `python -m analysis …`)."""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from analysis import config


def _built(corpus: Path, args: argparse.Namespace, *, use_cache: bool = True):
    """Build the corpus, report its problems on stderr; None when no article was built."""
    from analysis.pipeline import build

    result = build(corpus, cache=args.cache, use_cache=use_cache, workers=args.workers)
    for problem in result.problems:
        print(f"{problem.level}: {problem}", file=sys.stderr)
    if result.tables.articles.empty:
        print(f"error: no article could be built from {corpus}", file=sys.stderr)
        return None
    return result


def _build(args: argparse.Namespace) -> int:
    started = time.perf_counter()
    corpus = config.corpus_dir(args.corpus)
    result = _built(corpus, args, use_cache=not args.no_cache)
    if result is None:
        return 1
    n = len(result.tables.articles)
    written = result.tables.save(Path(args.out), args.format)
    if not args.quiet:
        print(
            f"built {n} articles ({result.n_cached} from cache, {result.n_processed} analysed)"
            f" from {corpus} in {time.perf_counter() - started:.2f} s; wrote "
            f"{len(written)} tables to {args.out}"
        )
    return 0


def _sentiment_predict(args: argparse.Namespace) -> int:
    """NewsMTSC-style JSON lines in, the same rows with `predicted` (-1, 0, 1) out."""
    import json

    from analysis import sentiment, tsc

    rows, items = [], []
    try:
        with open(args.input, encoding="utf-8") as f:
            for n, line in enumerate(f, 1):
                if not line.strip():
                    continue
                try:
                    row = json.loads(line)
                    sentence, start, end = row["sentence"], int(row["from"]), int(row["to"])
                    if not (0 <= start < end <= len(sentence)):
                        raise ValueError(f"span {start}:{end} outside the sentence")
                except (ValueError, KeyError, TypeError) as err:
                    print(f"error: {args.input} line {n}: {err}", file=sys.stderr)
                    return 1
                rows.append(row)
                items.append(tsc.Item(sentence, (((start, end),),)))
    except (OSError, UnicodeDecodeError) as err:
        print(f"error: cannot read {args.input}: {err}", file=sys.stderr)
        return 1
    if args.method == "model":
        probs = tsc.shared_model().predict(items)  # each row on its own: only its target marked
    else:
        probs = sentiment.lexicon_scores(
            [
                sentiment.Target("", 0, 0, "", i.sentence, args.language, i.targets[0], ())
                for i in items
            ]
        )
    with open(args.output, "w", encoding="utf-8") as out:
        for row, p in zip(rows, probs, strict=True):
            row["predicted"] = tsc.POLARITY[tsc.LABELS[int(p.argmax())]]
            out.write(json.dumps(row, ensure_ascii=False) + "\n")
    return 0


def _export_html(args: argparse.Namespace) -> int:
    """Build the corpus and write the static, self-contained briefing."""
    from analysis import export

    corpus = config.corpus_dir(args.corpus)
    out = Path(args.out)
    if not corpus.is_dir():
        reason = "is not a folder" if corpus.exists() else "the corpus folder does not exist"
        print(f"error: {corpus}: {reason}", file=sys.stderr)
        return 1
    if out.is_dir():
        print(f"error: {out} is a folder; give the name of the HTML file to write", file=sys.stderr)
        return 1
    result = _built(corpus, args)
    if result is None:
        return 1
    n = len(result.tables.articles)
    document = export.render(result.tables, title=args.title, note=f"{n} articles from {corpus}")
    try:
        export.write(document, out)
    except OSError as err:
        print(f"error: cannot write {out}: {err.strerror or err}", file=sys.stderr)
        return 1
    if not args.quiet:
        print(
            f"wrote {out}: {n} articles, {export.count_charts(document)} charts, "
            f"{len(document.encode()) / 1e6:.1f} MB"
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
    s = commands.add_parser(
        "sentiment-predict", help="target sentiment for NewsMTSC-style JSON lines"
    )
    s.add_argument("input", help="JSON lines with sentence, from, to")
    s.add_argument("output", help="the same rows with `predicted` (-1, 0 or 1)")
    s.add_argument("--method", choices=("model", "lexicon"), default="model")
    s.add_argument("--language", default="en", help="lexicon language (with --method lexicon)")
    s.set_defaults(run=_sentiment_predict)
    e = commands.add_parser("export-html", help="write the static, self-contained briefing")
    e.add_argument("--corpus", help=f"corpus folder (default: ${config.CORPUS_ENV} or data/)")
    e.add_argument("--out", required=True, help="the HTML file to write")
    e.add_argument("--title", default="Briefing", help="the briefing's title")
    e.add_argument("--cache", help=f"cache folder (default: ${config.CACHE_ENV} or ~/.cache)")
    e.add_argument("--workers", type=int, default=None, help="worker processes (default: auto)")
    e.add_argument("--quiet", action="store_true")
    e.set_defaults(run=_export_html)
    return top


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    try:
        return args.run(args)
    except KeyboardInterrupt:
        return 130
