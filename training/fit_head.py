"""Refit the sentiment model's classifier head on NewsMTSC, the in-domain set and the written sets.

    pip install -e '.[train]'           # onnx (no torch needed here)
    python training/written_targets.py  # training/data/written/train.jsonl, from bench/
    python training/fit_head.py         # rewrites analysis/resources/sentiment/model.onnx

The encoder stays as `train_sentiment.py` exported it. Its features for each target (the mean
of the sentence's tokens beside the mean of the target's, the vector the head reads) are
computed with onnxruntime for every target of NewsMTSC train, the in-domain train set (weight
`--indomain-weight`, as its two copies in training) and the written sets' labelled mentions
(weight `--written-weight`); a multinomial logistic regression with an L2 penalty (`--l2`) is
fitted on them with scipy (deterministic: the same data give the same head), and replaces the
model's head as a float layer. The old head is not read, so refitting a refitted model gives
the same model. Before the final fit, `--folds` rounds of cross-validation leave a fifth of the
written sets out each (whole sets, so no story is on both sides) and score them as the app
reads them, beside the head the model came with: the written sets are training data now, and
this is the measure of how the head carries to articles it has not seen. Prints and records
(meta.json's "head") the dev sets as `score_dev.py` reads them. CPU only, about 3 minutes.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections.abc import Sequence
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from sentiment_sets import DATA, WRITTEN, fold, read, read_rows, summary  # noqa: E402

from analysis import sentiment, tsc  # noqa: E402

HEAD_WEIGHT, HEAD_BIAS = "head.weight", "head.bias"
#: the dev sets, read as `score_dev.py` reads them, recorded beside the fit
DEV = {
    "newsmtsc_dev_rw": DATA / "newsmtsc" / "dev_rw.jsonl",
    "newsmtsc_dev_mt": DATA / "newsmtsc" / "dev_mt.jsonl",
    "indomain_dev": DATA / "indomain" / "dev.jsonl",
    "indomain_dev_genres": DATA / "indomain" / "dev_genres.jsonl",
}


def features_name(graph) -> str:
    """The tensor the head reads: the output of the graph's last Concat (sentence mean beside
    target mean, per target)."""
    concat = [node for node in graph.node if node.op_type == "Concat"]
    return concat[-1].output[0]


def without_head(model):
    """A copy of the ONNX model with every node that reads the features, directly or not,
    removed, and the initializers no node uses any more; its output is the features."""
    import onnx

    model = onnx.ModelProto.FromString(model.SerializeToString())
    graph = model.graph
    name = features_name(graph)
    tainted, kept = {name}, []
    for node in graph.node:
        if tainted.intersection(node.input):
            tainted.update(node.output)
        else:
            kept.append(node)
    del graph.node[:]
    graph.node.extend(kept)
    used = {i for node in kept for i in node.input}
    initializers = [i for i in graph.initializer if i.name in used]
    del graph.initializer[:]
    graph.initializer.extend(initializers)
    del graph.output[:]
    graph.output.append(
        onnx.helper.make_tensor_value_info(
            name, onnx.TensorProto.FLOAT, ["batch", "targets", "features"]
        )
    )
    del graph.value_info[:]
    return model


def with_head(model, weight: np.ndarray, bias: np.ndarray):
    """The model with a float linear head (features × weight + bias) giving its logits."""
    import onnx
    from onnx import helper, numpy_helper

    model = without_head(model)
    graph = model.graph
    name = graph.output[0].name
    graph.node.extend(
        [
            helper.make_node("MatMul", [name, HEAD_WEIGHT], ["head_matmul"], name="head_matmul"),
            helper.make_node("Add", ["head_matmul", HEAD_BIAS], ["logits"], name="head_add"),
        ]
    )
    graph.initializer.extend(
        [
            numpy_helper.from_array(weight.astype(np.float32), HEAD_WEIGHT),
            numpy_helper.from_array(bias.astype(np.float32), HEAD_BIAS),
        ]
    )
    del graph.output[:]
    graph.output.append(
        helper.make_tensor_value_info(
            "logits", onnx.TensorProto.FLOAT, ["batch", "targets", len(tsc.LABELS)]
        )
    )
    onnx.checker.check_model(model)
    return model


def float_weights(model) -> dict[str, np.ndarray]:
    """The network's weights by their torch names (`train_sentiment.TargetClassifier`), int8
    ones dequantized, so that training can go on from an exported model. A quantised matmul's
    weight is named after the bias its output is added to; the head after `with_head`'s names
    or, for a model as `train_sentiment.py` exported it, after its own bias."""
    from onnx import numpy_helper

    graph = model.graph
    values = {i.name: numpy_helper.to_array(i) for i in graph.initializer}
    readers: dict[str, list] = {}
    for node in graph.node:
        for name in node.input:
            readers.setdefault(name, []).append(node)

    def dequantized(quantized: str, scale: str, zero_point: str) -> np.ndarray:
        q = values[quantized].astype(np.float32)
        return (q - values[zero_point].astype(np.float32)) * values[scale]

    weights = {k: v for k, v in values.items() if k.endswith((".bias", "LayerNorm.weight"))}
    for node in graph.node:
        if node.op_type == "DequantizeLinear" and node.input[1].endswith(".weight_scale"):
            # an embedding table: its rows are gathered quantised, then dequantized
            name = node.input[1].removesuffix("_scale")
            weights[name] = dequantized(f"{name}_quantized", *node.input[1:])
        elif node.op_type == "MatMulInteger":
            stem = node.input[1].removesuffix("_quantized")
            out, bias = node.output[0], None
            while bias is None and readers.get(out):
                after = readers[out][0]
                bias = next((i for i in after.input if i.endswith(".bias")), None)
                out = after.output[0]
            if bias is None:
                raise ValueError(f"no bias after the matmul of {stem}")
            weight = dequantized(node.input[1], f"{stem}_scale", f"{stem}_zero_point")
            weights[bias.removesuffix(".bias") + ".weight"] = weight.T
    if HEAD_WEIGHT in values:  # a refitted head: features × classes, torch's is the transpose
        weights[HEAD_WEIGHT] = values[HEAD_WEIGHT].T
    return weights


class Features:
    """Per-target features of sentences, one pass per sentence as the app runs the model."""

    def __init__(self, model, tokenizer_path: Path) -> None:
        import onnxruntime as ort

        options = ort.SessionOptions()
        options.intra_op_num_threads = 2
        options.log_severity_level = 3
        self.session = ort.InferenceSession(
            without_head(model).SerializeToString(), options, providers=["CPUExecutionProvider"]
        )
        self.tokenizer = tsc.load_tokenizer(tokenizer_path)

    def __call__(self, items: Sequence[tsc.Item]) -> list[np.ndarray]:
        out = []
        for item in items:
            ids, attention, target = tsc.encode(self.tokenizer, [item])
            (cat,) = self.session.run(
                None, {"input_ids": ids, "attention_mask": attention, "target_mask": target}
            )
            out.append(cat[0, : len(item.targets)])
        return out


def fit(x: np.ndarray, y: np.ndarray, w: np.ndarray, l2: float) -> tuple[np.ndarray, np.ndarray]:
    """Multinomial logistic regression: weight (features × classes) and bias minimising the
    weighted mean cross-entropy plus l2 × the squared weights (the bias unpenalised)."""
    from scipy.optimize import minimize

    x = x.astype(np.float64)
    w = w / w.sum()
    onehot = np.eye(len(tsc.LABELS))[y]
    d, k = x.shape[1], len(tsc.LABELS)

    def loss(theta: np.ndarray) -> tuple[float, np.ndarray]:
        weight, bias = theta[: d * k].reshape(d, k), theta[d * k :]
        z = x @ weight + bias
        z -= z.max(axis=1, keepdims=True)
        log_p = z - np.log(np.exp(z).sum(axis=1, keepdims=True))
        value = -(w * log_p[np.arange(len(y)), y]).sum() + l2 * (weight**2).sum()
        g = (np.exp(log_p) - onehot) * w[:, None]
        grad = np.concatenate([(x.T @ g + 2 * l2 * weight).ravel(), g.sum(axis=0)])
        return value, grad

    done = minimize(
        loss, np.zeros(d * k + k), jac=True, method="L-BFGS-B", options={"maxiter": 1000}
    )
    return done.x[: d * k].reshape(d, k), done.x[d * k :]


def labelled(feats: list[np.ndarray], labels: list[np.ndarray]) -> tuple[np.ndarray, np.ndarray]:
    """The rows of the labelled targets (label ≥ 0), stacked."""
    x, y = np.concatenate(feats), np.concatenate(labels)
    return x[y >= 0], y[y >= 0]


def read_as_app(items, feats, weight, bias) -> list[np.ndarray]:
    """Per-target probabilities as `sentiment.model_reading` gives them: coordinated mentions
    share the most polar reading."""
    out = []
    for item, f in zip(items, feats, strict=True):
        probs = tsc.softmax(f @ weight + bias)
        sentiment.share_lists(item, probs)
        out.append(probs)
    return out


def written_pairs(rows, members, probabilities) -> tuple[np.ndarray, np.ndarray]:
    """(gold, predicted) per labelled written (sentence, state) pair, read as the app reads it
    (probabilities: `read_as_app`'s): a state's probabilities are the mean over its mentions."""
    gold, predicted = [], []
    for probs, rows_here in zip(probabilities, members, strict=True):
        by_state: dict[str, list[int]] = {}
        for k, i in enumerate(rows_here):
            if rows[i]["polarity"] is not None:
                by_state.setdefault(rows[i]["state"], []).append(k)
        for ks in by_state.values():
            gold.append(rows[rows_here[ks[0]]]["polarity"] + 1)
            predicted.append(int(probs[ks].mean(axis=0).argmax()))
    return np.array(gold), np.array(predicted)


def read_written(path: Path):
    """The written rows, and per (file, sentence): one item with all its mentions as targets,
    their labels (-1: marked, not labelled), the row indices of its targets, and its set."""
    rows = read_rows(path)
    grouped: dict[tuple[str, str, str], list[int]] = {}
    for i, row in enumerate(rows):
        grouped.setdefault((row["set"], row["file"], row["sentence"]), []).append(i)
    items, labels, members, sets = [], [], [], []
    for (name, _, sentence), here in grouped.items():
        items.append(tsc.Item(sentence, tuple(((rows[i]["from"], rows[i]["to"]),) for i in here)))
        polarity = [rows[i]["polarity"] for i in here]
        labels.append(np.array([-1 if p is None else p + 1 for p in polarity]))
        members.append(here)
        sets.append(name)
    return rows, items, labels, members, sets


def main(argv: list[str] | None = None) -> None:
    import onnx

    from analysis import config

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--model", type=Path, default=config.SENTIMENT_MODEL_DIR)
    parser.add_argument("--out", type=Path, default=None, help="default: --model")
    parser.add_argument("--l2", type=float, default=3e-3)
    parser.add_argument("--indomain-weight", type=float, default=2.0)
    parser.add_argument("--written-weight", type=float, default=1.0)
    parser.add_argument("--folds", type=int, default=5, help="0: no cross-validation")
    args = parser.parse_args(argv)
    out = args.out or args.model
    began = time.time()

    model = onnx.load(args.model / "model.onnx")
    featurise = Features(model, args.model / "tokenizer.json")
    fixed = []  # (features, labels, weight) of NewsMTSC train and the in-domain train set
    for folder, weight in (("newsmtsc", 1.0), ("indomain", args.indomain_weight)):
        items, labels = read(DATA / folder / "train.jsonl")
        fixed.append((*labelled(featurise(items), labels), weight))
    rows, items, labels, members, sets = read_written(WRITTEN)
    feats = featurise(items)

    def fitted(keep: set[str]) -> tuple[np.ndarray, np.ndarray]:
        chosen = [k for k, name in enumerate(sets) if name in keep]
        written = (
            *labelled([feats[k] for k in chosen], [labels[k] for k in chosen]),
            args.written_weight,
        )
        parts = [*fixed, written]
        x = np.concatenate([p[0] for p in parts])
        y = np.concatenate([p[1] for p in parts])
        w = np.concatenate([np.full(len(p[1]), p[2]) for p in parts])
        return fit(x, y, w, args.l2)

    names = list(dict.fromkeys(sets))
    report: dict = {
        "l2": args.l2,
        "indomain_weight": args.indomain_weight,
        "written_weight": args.written_weight,
        "targets": {
            "newsmtsc_train": int(len(fixed[0][1])),
            "indomain_train": int(len(fixed[1][1])),
            "written": int(sum((lab >= 0).sum() for lab in labels)),
        },
        "written_sets": len(names),
    }
    if args.folds:
        loaded = tsc.TargetModel(args.model, threads=2)
        before, after = ([], []), ([], [])
        for k in range(args.folds):
            held = set(fold(names, k, args.folds))
            weight, bias = fitted(set(names) - held)
            chosen = [i for i, name in enumerate(sets) if name in held]
            pick = ([items[i] for i in chosen], [members[i] for i in chosen])
            new = read_as_app(pick[0], [feats[i] for i in chosen], weight, bias)
            ends = np.cumsum([len(item.targets) for item in pick[0]])[:-1]
            old = np.split(sentiment.model_reading(pick[0], loaded)[0], ends)
            for sink, probs in ((after, new), (before, old)):
                gold, predicted = written_pairs(rows, pick[1], probs)
                sink[0].append(gold)
                sink[1].append(predicted)
        report["written_cross_validation"] = {
            "folds": args.folds,
            "head_as_loaded": summary(np.concatenate(before[0]), np.concatenate(before[1])),
            "refitted": summary(np.concatenate(after[0]), np.concatenate(after[1])),
        }
        print(json.dumps(report["written_cross_validation"]), flush=True)

    weight, bias = fitted(set(names))
    report["dev"] = {}
    for name, path in DEV.items():
        dev_items, dev_labels = read(path)
        probs = read_as_app(dev_items, featurise(dev_items), weight, bias)
        report["dev"][name] = summary(
            np.concatenate(dev_labels), np.concatenate([p.argmax(axis=1) for p in probs])
        )
    report["minutes"] = round((time.time() - began) / 60, 1)

    out.mkdir(parents=True, exist_ok=True)
    onnx.save(with_head(model, weight, bias), out / "model.onnx")
    if out != args.model:
        for name in ("tokenizer.json", "meta.json"):
            if (args.model / name).exists():
                (out / name).write_bytes((args.model / name).read_bytes())
    meta_path = out / "meta.json"
    meta = json.loads(meta_path.read_text(encoding="utf-8")) if meta_path.exists() else {}
    meta["head"] = report
    meta_path.write_text(json.dumps(meta, indent=2) + "\n", encoding="utf-8")
    print(json.dumps(report))


if __name__ == "__main__":
    main()
