"""training/sentiment_sets.py: the written sets as training rows, a fold of them kept out."""

import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "training"))

import sentiment_sets  # noqa: E402

SENTENCE = "Russia shelled the port, and Japan sent aid."


def row(name: str, mention: str, polarity) -> dict:
    start = SENTENCE.index(mention)
    return {
        "sentence": f"{SENTENCE} ({name})",
        "from": start,
        "to": start + len(mention),
        "mention": mention,
        "polarity": polarity,
        "set": name,
    }


def test_a_fold_is_every_nth_set_in_order():
    names = [f"w{i}" for i in range(7)]
    assert sentiment_sets.fold(names, 0, 5) == ["w0", "w5"]
    assert sentiment_sets.fold(names, 1, 5) == ["w1", "w6"]


def test_written_training_keeps_the_first_fold_out(tmp_path):
    rows = [r for n in ("w0", "w1", "w2") for r in (row(n, "Russia", -1), row(n, "Japan", None))]
    path = tmp_path / "train.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    items, labels, held = sentiment_sets.written_training(path, hold_out=2)
    assert held == ["w0", "w2"]
    assert [item.sentence for item in items] == [f"{SENTENCE} (w1)"]
    assert labels[0].tolist() == [0, -1]  # Japan marked, not labelled
    items, _, held = sentiment_sets.written_training(path)
    assert held == [] and len(items) == 3


def test_the_shipped_training_rows_split_as_the_model_was_trained():
    items, labels, held = sentiment_sets.written_training(hold_out=5)
    assert held[0] == "written" and "written37" not in held and len(held) == 7
    everything, _, _ = sentiment_sets.written_training()
    assert 0.7 * len(everything) < len(items) < 0.9 * len(everything)
    assert sum(int((lab >= 0).sum()) for lab in labels) > 8000
