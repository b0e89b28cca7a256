"""How much a sentiment model's reading depends on which states a sentence names.

    python training/entity_sensitivity.py [MODEL_DIR] [--copies 5]

Reads the in-domain dev sentences as they are and with their states swapped for other
states (training/entity_swap.py; the labels still hold), with the shipped ONNX model or the
one in MODEL_DIR, and prints one JSON line: accuracy on the sentences as written and on the
swapped copies, and over the targets whose state was swapped, how often the label changes
and the mean change of the score. A model that reads the sentence, not the name, changes
little. Needs only the app's dependencies.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))

import entity_swap  # noqa: E402
from sentiment_sets import DATA, read  # noqa: E402

from analysis import tsc  # noqa: E402

DEV = DATA / "indomain" / "dev.jsonl"


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("model", nargs="?", type=Path, default=None)
    parser.add_argument("--copies", type=int, default=5, help="swapped copies (seeds 0..N-1)")
    args = parser.parse_args(argv)
    items, labels = read(DEV)
    gold = np.concatenate(labels)
    model = tsc.TargetModel(args.model, threads=1)
    base = model.predict(items)
    accuracy, flips, change = [], [], []
    for seed in range(args.copies):
        rng = random.Random(seed)
        swapped = [entity_swap.swap(item, rng) for item in items]
        probs = model.predict(swapped)
        moved = np.array(
            [
                new.sentence[s:e] != old.sentence[a:b]
                for old, new in zip(items, swapped, strict=True)
                for ((a, b), *_), ((s, e), *_) in zip(old.targets, new.targets, strict=True)
            ]
        )
        accuracy.append((probs.argmax(1) == gold).mean())
        flips.append((probs.argmax(1) != base.argmax(1))[moved].mean())
        score, before = probs[:, 2] - probs[:, 0], base[:, 2] - base[:, 0]
        change.append(np.abs(score - before)[moved].mean())
    print(
        json.dumps(
            {
                "model": str(args.model or "shipped"),
                "targets": len(gold),
                "accuracy": round(float((base.argmax(1) == gold).mean()), 3),
                "accuracy_swapped": round(float(np.mean(accuracy)), 3),
                "label_changed": round(float(np.mean(flips)), 3),
                "mean_score_change": round(float(np.mean(change)), 3),
            }
        )
    )


if __name__ == "__main__":
    main()
