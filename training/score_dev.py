"""Score a sentiment model on the dev sets as the app reads them.

    python training/score_dev.py [MODEL_DIR]

Reads every sentence of each dev set (NewsMTSC dev_rw and dev_mt, the in-domain dev set of
wire-news stories, and the in-domain dev set of other genres: editorials, summaries of
official documents, explainers, analyses of military cooperation) with the shipped ONNX model
or the one in MODEL_DIR: one pass per sentence with all its annotated targets marked,
coordinated mentions sharing the most polar reading, as `analysis.sentiment` does in a build.
Prints one JSON line: accuracy and macro-F1 per set. Needs only the app's dependencies.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from sentiment_sets import DATA, read, summary  # noqa: E402

from analysis import sentiment, tsc  # noqa: E402

SETS = {
    "newsmtsc_dev_rw": DATA / "newsmtsc" / "dev_rw.jsonl",
    "newsmtsc_dev_mt": DATA / "newsmtsc" / "dev_mt.jsonl",
    "indomain_dev": DATA / "indomain" / "dev.jsonl",
    "indomain_dev_genres": DATA / "indomain" / "dev_genres.jsonl",
}


def score(model: tsc.TargetModel, path: Path) -> dict[str, float]:
    items, labels = read(path)
    predicted = sentiment.model_reading(items, model)[0].argmax(axis=1)
    return summary(np.concatenate(labels), predicted)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("model", nargs="?", type=Path, default=None)
    args = parser.parse_args(argv)
    model = tsc.TargetModel(args.model, threads=2)
    report = {"model": str(args.model or "shipped")}
    report.update({name: score(model, path) for name, path in SETS.items()})
    print(json.dumps(report))


if __name__ == "__main__":
    main()
