"""The sentiment training data in the repository: well-formed, and dev kept apart from train."""

import json
from pathlib import Path

import pytest

DATA = Path(__file__).resolve().parents[1] / "training" / "data"
FILES = sorted(DATA.glob("*/*.jsonl"))


def rows(path: Path) -> list[dict]:
    with open(path, encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def test_the_training_sets_are_there():
    assert {f"{p.parent.name}/{p.stem}" for p in FILES} >= {
        "newsmtsc/train",
        "newsmtsc/dev_rw",
        "newsmtsc/dev_mt",
        "indomain/train",
        "indomain/dev",
        "indomain/dev_genres",
    }


@pytest.mark.parametrize("path", FILES, ids=lambda p: f"{p.parent.name}/{p.stem}")
def test_every_row_marks_its_mention_and_has_a_polarity(path):
    found = rows(path)
    assert found
    for row in found:
        assert row["sentence"][row["from"] : row["to"]] == row["mention"], row["id"]
        assert row["polarity"] in (-1, 0, 1), row["id"]
    assert len({row["id"] for row in found}) == len(found)


@pytest.mark.parametrize("dev", ["dev", "dev_genres"])
def test_in_domain_dev_sentences_never_appear_in_train(dev):
    train = {row["sentence"] for row in rows(DATA / "indomain" / "train.jsonl")}
    held_out = {row["sentence"] for row in rows(DATA / "indomain" / f"{dev}.jsonl")}
    assert held_out and not train & held_out


def test_no_newsmtsc_test_split_is_in_the_repository():
    assert not list(DATA.glob("newsmtsc/test*"))
