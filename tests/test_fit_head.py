"""training/fit_head.py: the head refitted on frozen features, and put back into the graph."""

import json
import sys
from pathlib import Path

import numpy as np
import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "training"))

import fit_head  # noqa: E402

from analysis import config, tsc  # noqa: E402

onnx = pytest.importorskip("onnx")

SENTENCE = "Russia shelled the port, and Japan sent aid to Ukraine."


@pytest.fixture(scope="module")
def shipped():
    return onnx.load(config.SENTIMENT_MODEL_DIR / "model.onnx")


@pytest.fixture(scope="module")
def features(shipped):
    return fit_head.Features(shipped, config.SENTIMENT_MODEL_DIR / "tokenizer.json")


def item() -> tsc.Item:
    words = ("Russia", "Japan", "Ukraine")
    spans = [(SENTENCE.index(w), SENTENCE.index(w) + len(w)) for w in words]
    return tsc.Item(SENTENCE, tuple((s,) for s in spans))


def head_of(model) -> tuple[np.ndarray, np.ndarray]:
    from onnx import numpy_helper

    weights = {i.name: numpy_helper.to_array(i) for i in model.graph.initializer}
    return weights[fit_head.HEAD_WEIGHT], weights[fit_head.HEAD_BIAS]


def test_features_are_the_vector_the_head_reads(shipped, features):
    (f,) = features([item()])
    assert f.shape == (3, 768)
    weight, bias = head_of(shipped)
    shipped_probs = tsc.TargetModel(threads=1).predict([item()])
    assert np.allclose(tsc.softmax(f @ weight + bias), shipped_probs, atol=1e-4)


def test_a_new_head_replaces_the_old_one(shipped, features, tmp_path):
    (f,) = features([item()])
    weight = np.zeros((768, 3), dtype=np.float32)
    bias = np.array([0.0, 0.0, 2.0], dtype=np.float32)  # every target positive
    model = fit_head.with_head(shipped, weight, bias)
    onnx.save(model, tmp_path / "model.onnx")
    (tmp_path / "tokenizer.json").write_bytes(
        (config.SENTIMENT_MODEL_DIR / "tokenizer.json").read_bytes()
    )
    probs = tsc.TargetModel(tmp_path, threads=1).predict([item()])
    assert np.allclose(probs, tsc.softmax(f @ weight + bias), atol=1e-5)
    assert (probs.argmax(axis=1) == 2).all()
    # nothing of the old head is left over
    names = {i.name for i in model.graph.initializer}
    assert len(names) == len(model.graph.initializer)
    assert sum(node.op_type == "MatMul" and "head" in node.name for node in model.graph.node) == 1


def test_fit_separates_what_the_labels_separate():
    rng = np.random.default_rng(0)
    centres = np.eye(3, 8) * 4
    y = np.repeat([0, 1, 2], 50)
    x = centres[y] + rng.normal(size=(150, 8))
    weight, bias = fit_head.fit(x, y, np.ones(150), l2=1e-3)
    assert ((x @ weight + bias).argmax(axis=1) == y).mean() > 0.95
    # a heavier penalty shrinks the weights
    strong, _ = fit_head.fit(x, y, np.ones(150), l2=1.0)
    assert np.abs(strong).sum() < np.abs(weight).sum()
    # weights count: the same points labelled twice over follow the heavier label
    both = np.concatenate([x[:50], x[:50]])
    labels = np.concatenate([np.zeros(50, int), np.full(50, 2)])
    w = np.concatenate([np.full(50, 3.0), np.ones(50)])
    weight, bias = fit_head.fit(both, labels, w, l2=1e-3)
    assert ((x[:50] @ weight + bias).argmax(axis=1) == 0).all()


def test_written_rows_are_read_per_sentence_and_scored_per_state(tmp_path):
    labelled = [("Russia", "RUS", -1), ("Japan", "JPN", None), ("Ukraine", "UKR", 0)]
    rows = [
        {
            "sentence": SENTENCE,
            "from": SENTENCE.index(m),
            "to": SENTENCE.index(m) + len(m),
            "mention": m,
            "state": state,
            "polarity": polarity,
            "set": "w1",
            "file": "a.txt",
            "id": f"w1_{k}",
        }
        for k, (m, state, polarity) in enumerate(labelled)
    ]
    path = tmp_path / "train.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    read, items, labels, members, sets = fit_head.read_written(path)
    assert len(items) == 1 and sets == ["w1"]
    assert [SENTENCE[s:e] for ((s, e),) in items[0].targets] == ["Russia", "Japan", "Ukraine"]
    assert labels[0].tolist() == [0, -1, 1]  # Japan is marked, not labelled
    probs = [np.array([[0.8, 0.1, 0.1], [0.1, 0.1, 0.8], [0.2, 0.7, 0.1]])]
    gold, predicted = fit_head.written_pairs(read, members, probs)
    assert gold.tolist() == [0, 1] and predicted.tolist() == [0, 1]


def numpy_features(weights: dict[str, np.ndarray], item: tsc.Item) -> np.ndarray:
    """The encoder and pooling of `train_sentiment.TargetClassifier` in numpy (BERT: 12 heads,
    erf GELU, layer norm eps 1e-12), from `float_weights`' names: what the graph computes if
    those weights are the graph's."""
    from scipy.special import erf

    ids, attention, target = tsc.encode(
        tsc.load_tokenizer(config.SENTIMENT_MODEL_DIR / "tokenizer.json"), [item]
    )
    ids, attention, target = ids[0], attention[0].astype(np.float32), target[0]

    def norm(x, name):
        x = (x - x.mean(-1, keepdims=True)) / np.sqrt(x.var(-1, keepdims=True) + 1e-12)
        return x * weights[f"{name}.weight"] + weights[f"{name}.bias"]

    def linear(x, name):
        return x @ weights[f"{name}.weight"].T + weights[f"{name}.bias"]

    emb = "encoder.embeddings"
    x = (
        weights[f"{emb}.word_embeddings.weight"][ids]
        + weights[f"{emb}.position_embeddings.weight"][: len(ids)]
        + weights[f"{emb}.token_type_embeddings.weight"][0]
    )
    x = norm(x, f"{emb}.LayerNorm")
    layers = len({k.split(".")[3] for k in weights if k.startswith("encoder.encoder.layer.")})
    for n in range(layers):
        p = f"encoder.encoder.layer.{n}"
        q, k, v = (
            linear(x, f"{p}.attention.self.{w}").reshape(len(ids), 12, -1).transpose(1, 0, 2)
            for w in ("query", "key", "value")
        )
        scores = q @ k.transpose(0, 2, 1) / np.sqrt(q.shape[-1]) + (attention - 1) * 1e9
        context = (tsc.softmax(scores) @ v).transpose(1, 0, 2).reshape(len(ids), -1)
        x = norm(
            x + linear(context, f"{p}.attention.output.dense"), f"{p}.attention.output.LayerNorm"
        )
        h = linear(x, f"{p}.intermediate.dense")
        h = 0.5 * h * (1 + erf(h / np.sqrt(2)))
        x = norm(x + linear(h, f"{p}.output.dense"), f"{p}.output.LayerNorm")
    pooled = (x * attention[:, None]).sum(0) / attention.sum()
    targets = target @ x / target.sum(-1, keepdims=True)
    return np.concatenate([np.broadcast_to(pooled, targets.shape), targets], axis=1)


def test_float_weights_are_the_network_the_graph_runs(shipped, features):
    weights = fit_head.float_weights(shipped)
    assert weights["encoder.encoder.layer.0.intermediate.dense.weight"].shape == (1536, 384)
    assert weights["encoder.encoder.layer.3.output.dense.weight"].shape == (384, 1536)
    query, key = (
        weights[f"encoder.encoder.layer.2.attention.self.{w}.weight"] for w in ("query", "key")
    )
    assert not np.allclose(query, key)
    (expected,) = features([item()])
    got = numpy_features(weights, item())
    cosine = (
        (got * expected).sum(1) / np.linalg.norm(got, axis=1) / np.linalg.norm(expected, axis=1)
    )
    # the graph quantises activations too (0.986 here); a swapped pair of weights gives < 0.75
    assert cosine.min() > 0.97
    weight, bias = head_of(shipped)
    assert np.array_equal(weights["head.weight"], weight.T)
    assert np.array_equal(weights["head.bias"], bias)
    probs = tsc.softmax(got @ weights["head.weight"].T + weights["head.bias"])
    assert np.array_equal(probs.argmax(1), tsc.TargetModel(threads=1).predict([item()]).argmax(1))
