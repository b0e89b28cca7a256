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
        "written/train",
    }


@pytest.mark.parametrize("path", FILES, ids=lambda p: f"{p.parent.name}/{p.stem}")
def test_every_row_marks_its_mention_and_has_a_polarity(path):
    found = rows(path)
    assert found
    for row in found:
        assert row["sentence"][row["from"] : row["to"]] == row["mention"], row["id"]
        # a written row may be a mention marked in its sentence but not labelled (None)
        allowed = (-1, 0, 1, None) if path.parent.name == "written" else (-1, 0, 1)
        assert row["polarity"] in allowed, row["id"]
    assert any(row["polarity"] is not None for row in found)
    assert len({row["id"] for row in found}) == len(found)


def test_written_rows_come_from_the_bench_sets_they_name():
    found = rows(DATA / "written" / "train.jsonl")
    bench = DATA.parents[1] / "bench"
    names = {row["set"] for row in found}
    for name in names:
        assert (bench / name / "annotations.json").is_file(), name
    assert not names & {
        "written37",
        "written38",
        "written39",
        "written40",
        "written41",
        "written42",
        "written43",
        "written44",
        "written45",
        "written46",
        "written47",
        "written48",
        "written49",
        "written50",
        "written51",
        "written52",
        "written53",
    }  # held out, to measure the head on unseen articles
    checked = 0
    for row in found[:: max(1, len(found) // 200)]:  # the mention is in the file it names
        raw = (bench / row["set"] / "corpus" / row["file"]).read_bytes()
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError:  # a set's deliberately mis-encoded file
            continue
        assert row["mention"] in text, row["id"]
        checked += 1
    assert checked > 150


def test_no_sentence_of_the_embedded_articles_is_trained_on():
    corpus = DATA.parents[1] / "data"
    texts = [p.read_text(encoding="utf-8") for p in corpus.rglob("*") if p.is_file()]
    assert texts
    for path in FILES:
        if "dev" in path.stem:
            continue
        for sentence in {row["sentence"] for row in rows(path)}:
            if len(sentence) > 40:
                assert not any(sentence in text for text in texts), (path.name, sentence)


@pytest.mark.parametrize("dev", ["dev", "dev_genres"])
def test_in_domain_dev_sentences_never_appear_in_train(dev):
    train = {row["sentence"] for row in rows(DATA / "indomain" / "train.jsonl")}
    held_out = {row["sentence"] for row in rows(DATA / "indomain" / f"{dev}.jsonl")}
    assert held_out and not train & held_out


def test_no_newsmtsc_test_split_is_in_the_repository():
    assert not list(DATA.glob("newsmtsc/test*"))
