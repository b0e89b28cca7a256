"""The sentiment training and dev sets (NewsMTSC-style JSON lines), read as the model runs.

Torch-free, so that `entity_sensitivity.py` and `score_dev.py` read the sets exactly as
`train_sentiment.py` does, with only the app's dependencies.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterable
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from analysis import tsc  # noqa: E402  (the encoding shared with run time)

DATA = ROOT / "training" / "data"
#: the written sets' labelled mentions (training/written_targets.py)
WRITTEN = DATA / "written" / "train.jsonl"
LABEL_OF_POLARITY = {-1: 0, 0: 1, 1: 2, None: -1}  # tsc.LABELS order; -1: marked, no label


def read(path: Path) -> tuple[list[tsc.Item], list[np.ndarray]]:
    """NewsMTSC-style rows grouped by sentence: one item per sentence with all its annotated
    targets (as the model runs: one pass per sentence, every target marked), and their labels
    (-1 for a target whose polarity is null: marked in the sentence, but not labelled)."""
    return grouped(read_rows(path))


def read_rows(path: Path) -> list[dict]:
    """A set's rows, one JSON object a line."""
    with open(path, encoding="utf-8") as f:
        return [json.loads(line) for line in f]


def grouped(rows: Iterable[dict]) -> tuple[list[tsc.Item], list[np.ndarray]]:
    """`read`'s items and labels, from rows already read."""
    grouped: dict[str, dict[tsc.Span, int]] = {}
    for row in rows:
        targets = grouped.setdefault(row["sentence"], {})
        targets.setdefault((row["from"], row["to"]), LABEL_OF_POLARITY[row["polarity"]])
    items = [tsc.Item(sentence, tuple((s,) for s in t)) for sentence, t in grouped.items()]
    return items, [np.array(list(t.values())) for t in grouped.values()]


def fold(names: list[str], k: int, folds: int) -> list[str]:
    """The k-th of `folds` cross-validation folds of whole written sets: every `folds`-th
    name from the k-th, in the order the sets first appear."""
    return names[k::folds]


def written_training(
    path: Path = WRITTEN, hold_out: int = 0
) -> tuple[list[tsc.Item], list[np.ndarray], list[str]]:
    """`read`'s items and labels of the written rows, but those of the sets of the first of
    `hold_out` folds (`fold`), kept out to measure on: their names are the third value."""
    written = read_rows(path)
    names = list(dict.fromkeys(row["set"] for row in written))
    held = fold(names, 0, hold_out) if hold_out else []
    return (*grouped(row for row in written if row["set"] not in held), held)


def macro_f1(gold: np.ndarray, pred: np.ndarray) -> float:
    """Mean F1 over the classes (neg, neu, pos), from class indices."""
    scores = []
    for c in range(len(tsc.LABELS)):
        tp = int(((pred == c) & (gold == c)).sum())
        p = tp / max(1, int((pred == c).sum()))
        r = tp / max(1, int((gold == c).sum()))
        scores.append(2 * p * r / (p + r) if p + r else 0.0)
    return float(np.mean(scores))


def summary(gold: np.ndarray, predicted: np.ndarray) -> dict[str, float]:
    """Targets, accuracy and macro-F1 of the labelled targets (gold ≥ 0)."""
    keep = gold >= 0
    gold, predicted = gold[keep], predicted[keep]
    return {
        "targets": int(len(gold)),
        "accuracy": round(float(np.mean(gold == predicted)), 3),
        "macro_f1": round(macro_f1(gold, predicted), 3),
    }
