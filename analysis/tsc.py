"""Target-dependent sentiment classification (TSC): how one sentence portrays each of its targets.

The model is a small English transformer (the first 4 of all-MiniLM-L6-v2's 6 layers)
fine-tuned on NewsMTSC and in-domain sentences, and distilled from the 6-layer network, by
`training/train_sentiment.py`; it is exported to ONNX and quantised to int8 (weights per output
unit, activations per token: `training/quantize.py`); it runs here with onnxruntime and
tokenizers, without torch. Every target mention in a sentence is wrapped in
markers, the sentence goes through the encoder once, and the classifier reads, for each target,
the mean of all tokens beside the mean of that target's tokens: one forward pass serves all the
targets of a sentence.

The encoding below is the one the training script uses, so training and run time cannot drift.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import numpy as np

from analysis import config

#: Class order of the model's outputs.
LABELS = ("neg", "neu", "pos")
POLARITY = {"neg": -1, "neu": 0, "pos": 1}
OPEN, CLOSE = "[", "]"
MAX_TOKENS = 128
#: Sentences per forward pass. One: on 2 cores it is the fastest (measured 396 sentences/s a
#: thread against 280 for eight sentences a pass, by length). The int8 model quantises each
#: token's activations with their own range, so a sentence reads the same in any batch.
BATCH = 1

Span = tuple[int, int]


@dataclass(frozen=True)
class Item:
    """A sentence and its targets, each target the character spans of its mentions."""

    sentence: str
    targets: tuple[tuple[Span, ...], ...]


def mark(sentence: str, spans: Sequence[Span]) -> tuple[str, dict[Span, Span]]:
    """The sentence with every span wrapped in markers, and where each span moved to.

    Of overlapping spans the first is marked; a later one maps to the marked one's place.
    """
    out, moved, last, shift = [], {}, 0, 0
    kept: Span | None = None
    for start, end in sorted(set(spans)):
        if kept is not None and start < last:  # overlaps the span marked last
            moved[(start, end)] = kept
            continue
        out += [sentence[last:start], f"{OPEN} ", sentence[start:end], f" {CLOSE}"]
        shift += len(OPEN) + 1
        kept = moved[(start, end)] = (start + shift, end + shift)
        shift += len(CLOSE) + 1
        last = end
    out.append(sentence[last:])
    return "".join(out), moved


def encode(
    tokenizer, items: Sequence[Item], max_tokens: int = MAX_TOKENS
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """input_ids and attention_mask (batch × tokens, int64) and target_mask (batch × targets ×
    tokens, float32), padded to the longest sentence and to the most targets.

    A sentence longer than `max_tokens` keeps a window of tokens around its first target.
    """
    marked = [mark(item.sentence, [s for t in item.targets for s in t]) for item in items]
    encodings = tokenizer.encode_batch([text for text, _ in marked])
    rows = []
    for item, enc, (_, moved) in zip(items, encodings, marked, strict=True):
        ids = enc.ids
        offsets = np.array(enc.offsets, dtype=np.int64).reshape(-1, 2)
        real = offsets[:, 1] > offsets[:, 0]  # not [CLS], [SEP] or an empty piece
        masks = np.zeros((len(item.targets), len(ids)), dtype=bool)
        for k, target in enumerate(item.targets):
            for span in target:
                s, e = moved[span]
                masks[k] |= real & (offsets[:, 0] < e) & (offsets[:, 1] > s)
            if not masks[k].any():  # a target lost to normalisation: read the whole sentence
                masks[k, 1:-1] = True
        if len(ids) > max_tokens:
            hit = np.flatnonzero(masks.any(axis=0))
            first = int(hit[0]) if len(hit) else 1
            body = max_tokens - 2
            lo = max(1, min(first - body // 4, len(ids) - 1 - body))
            ids = [ids[0], *ids[lo : lo + body], ids[-1]]
            edge = np.zeros((len(masks), 1), dtype=bool)
            masks = np.concatenate([edge, masks[:, lo : lo + body], edge], axis=1)
        rows.append((ids, masks))
    width = max(len(ids) for ids, _ in rows)
    most = max(1, max(len(masks) for _, masks in rows))
    input_ids = np.zeros((len(rows), width), dtype=np.int64)
    attention = np.zeros((len(rows), width), dtype=np.int64)
    target_mask = np.zeros((len(rows), most, width), dtype=np.float32)
    for i, (ids, masks) in enumerate(rows):
        input_ids[i, : len(ids)] = ids
        attention[i, : len(ids)] = 1
        target_mask[i, : len(masks), : len(ids)] = masks
    return input_ids, attention, target_mask


def load_tokenizer(path: Path):
    from tokenizers import Tokenizer

    tokenizer = Tokenizer.from_file(str(path))
    tokenizer.no_padding()
    tokenizer.no_truncation()
    return tokenizer


def softmax(logits: np.ndarray) -> np.ndarray:
    z = np.exp(logits - logits.max(axis=-1, keepdims=True))
    return z / z.sum(axis=-1, keepdims=True)


class TargetModel:
    """The shipped ONNX model: `predict(items)` gives class probabilities (neg, neu, pos)."""

    def __init__(self, folder: Path | None = None, threads: int | None = None) -> None:
        import onnxruntime as ort

        folder = folder or config.SENTIMENT_MODEL_DIR
        self.tokenizer = load_tokenizer(folder / "tokenizer.json")
        options = ort.SessionOptions()
        options.intra_op_num_threads = threads or min(4, os.cpu_count() or 1)
        options.inter_op_num_threads = 1
        options.log_severity_level = 3
        self.session = ort.InferenceSession(
            str(folder / "model.onnx"), options, providers=["CPUExecutionProvider"]
        )

    def predict(self, items: Sequence[Item], batch_size: int = BATCH) -> np.ndarray:
        """Probabilities, one row per target, items and their targets in order (one forward
        pass per sentence; several sentences per pass, by length, if batch_size > 1)."""
        starts = np.cumsum([0] + [len(item.targets) for item in items])
        out = np.zeros((int(starts[-1]), len(LABELS)), dtype=np.float32)
        order = sorted(range(len(items)), key=lambda i: len(items[i].sentence))
        for lo in range(0, len(order), batch_size):
            chosen = order[lo : lo + batch_size]
            ids, attention, target = encode(self.tokenizer, [items[i] for i in chosen])
            (logits,) = self.session.run(
                None, {"input_ids": ids, "attention_mask": attention, "target_mask": target}
            )
            probs = softmax(logits)
            for row, i in enumerate(chosen):
                n = starts[i + 1] - starts[i]
                out[starts[i] : starts[i + 1]] = probs[row, :n]
        return out


#: threads of each process's model (worker processes of a parallel build use one each)
THREADS: int | None = None


@cache
def shared_model() -> TargetModel:
    """One model per process (worker processes load their own after the fork)."""
    return TargetModel(threads=THREADS)


def reset_for_worker() -> None:
    """In a forked worker: forget the parent's session (onnxruntime's thread pools do not
    survive a fork) and use one thread, the pool's processes being the parallelism."""
    global THREADS
    THREADS = 1
    shared_model.cache_clear()
