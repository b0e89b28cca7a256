"""training/score_dev.py: dev sets scored as the app reads them (one pass per sentence, lists
sharing a reading), with the shipped model."""

import json
import sys
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "training"))

import score_dev  # noqa: E402
import sentiment_sets  # noqa: E402

from analysis import tsc  # noqa: E402

SENTENCE = (
    "Iran has shipped hundreds of attack drones to Russia for its war, "
    "U.S. intelligence officials said on Tuesday."
)


def write(path: Path, polarities: dict[str, int]) -> Path:
    with open(path, "w", encoding="utf-8") as f:
        for n, (mention, polarity) in enumerate(polarities.items()):
            start = SENTENCE.index(mention)
            row = {"mention": mention, "polarity": polarity, "from": start}
            row.update(to=start + len(mention), sentence=SENTENCE, id=f"t_{n}")
            f.write(json.dumps(row) + "\n")
    return path


def test_scores_follow_the_labels(tmp_path):
    model = tsc.TargetModel(threads=1)
    right = write(tmp_path / "right.jsonl", {"Iran": -1, "Russia": -1, "U.S.": 0})
    wrong = write(tmp_path / "wrong.jsonl", {"Iran": 1, "Russia": 1, "U.S.": -1})
    good, bad = score_dev.score(model, right), score_dev.score(model, wrong)
    assert good["targets"] == bad["targets"] == 3
    assert good["accuracy"] > bad["accuracy"]
    assert good["macro_f1"] > bad["macro_f1"]


def test_macro_f1_is_the_mean_over_the_three_classes():
    gold = np.array([0, 0, 1, 1, 2, 2])
    assert sentiment_sets.macro_f1(gold, gold) == 1.0
    # neg: P 1, R 0.5; neu: P 0.67, R 1; pos: P 1, R 1
    predicted = np.array([0, 1, 1, 1, 2, 2])
    assert abs(sentiment_sets.macro_f1(gold, predicted) - (2 / 3 + 0.8 + 1) / 3) < 1e-9


def test_every_dev_set_is_in_the_repository():
    assert all(path.exists() for path in score_dev.SETS.values())
