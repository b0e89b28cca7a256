"""The sentiment training and dev sets (NewsMTSC-style JSON lines), read as the model runs.

Torch-free, so that `entity_sensitivity.py` and `score_dev.py` read the sets exactly as
`train_sentiment.py` does, with only the app's dependencies.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from analysis import tsc  # noqa: E402  (the encoding shared with run time)

DATA = ROOT / "training" / "data"
LABEL_OF_POLARITY = {-1: 0, 0: 1, 1: 2, None: -1}  # tsc.LABELS order; -1: marked, no label


def read(path: Path) -> tuple[list[tsc.Item], list[np.ndarray]]:
    """NewsMTSC-style rows grouped by sentence: one item per sentence with all its annotated
    targets (as the model runs: one pass per sentence, every target marked), and their labels
    (-1 for a target whose polarity is null: marked in the sentence, but not labelled)."""
    grouped: dict[str, dict[tsc.Span, int]] = {}
    with open(path, encoding="utf-8") as f:
        for line in f:
            row = json.loads(line)
            targets = grouped.setdefault(row["sentence"], {})
            targets.setdefault((row["from"], row["to"]), LABEL_OF_POLARITY[row["polarity"]])
    items = [tsc.Item(sentence, tuple((s,) for s in t)) for sentence, t in grouped.items()]
    return items, [np.array(list(t.values())) for t in grouped.values()]


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
