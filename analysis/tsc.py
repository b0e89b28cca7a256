"""Target-dependent sentiment classification (TSC): how one sentence portrays one target.

The model is a small English transformer (all-MiniLM-L6-v2) fine-tuned on NewsMTSC by
`training/train_sentiment.py`, exported to ONNX and quantised to int8; it runs here with
onnxruntime and tokenizers, without torch. The target's mentions are wrapped in markers in the
text, and the classifier reads the mean of all tokens beside the mean of the target's tokens.

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

Span = tuple[int, int]


@dataclass(frozen=True)
class Item:
    """A sentence and the character spans of one target's mentions in it."""

    sentence: str
    spans: tuple[Span, ...]


def mark(sentence: str, spans: Sequence[Span]) -> tuple[str, list[Span]]:
    """The sentence with every target span wrapped in markers, and the spans' new offsets."""
    out, moved, last, shift = [], [], 0, 0
    for start, end in sorted(set(spans)):
        if start < last:  # overlapping spans: keep the first
            continue
        out += [sentence[last:start], f"{OPEN} ", sentence[start:end], f" {CLOSE}"]
        shift += len(OPEN) + 1
        moved.append((start + shift, end + shift))
        shift += len(CLOSE) + 1
        last = end
    out.append(sentence[last:])
    return "".join(out), moved


def encode(
    tokenizer, items: Sequence[Item], max_tokens: int = MAX_TOKENS
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """input_ids, attention_mask and target_mask (int64, int64, float32), padded to the longest.

    A sentence longer than `max_tokens` keeps a window of tokens centred on its target.
    """
    marked = [mark(item.sentence, item.spans) for item in items]
    encodings = tokenizer.encode_batch([text for text, _ in marked])
    rows = []
    for enc, (_, spans) in zip(encodings, marked, strict=True):
        ids = enc.ids
        target = [
            float(any(s < e_tok and s_tok < e for s, e in spans) and e_tok > s_tok)
            for s_tok, e_tok in enc.offsets
        ]
        if not any(target):  # a target lost to normalisation: read the whole sentence
            target = [1.0] * len(ids)
            target[0] = target[-1] = 0.0
        if len(ids) > max_tokens:
            first = target.index(1.0)
            body = max_tokens - 2
            lo = max(1, min(first - body // 4, len(ids) - 1 - body))
            ids = [ids[0], *ids[lo : lo + body], ids[-1]]
            target = [0.0, *target[lo : lo + body], 0.0]
        rows.append((ids, target))
    width = max(len(ids) for ids, _ in rows)
    input_ids = np.zeros((len(rows), width), dtype=np.int64)
    attention = np.zeros((len(rows), width), dtype=np.int64)
    target_mask = np.zeros((len(rows), width), dtype=np.float32)
    for i, (ids, target) in enumerate(rows):
        input_ids[i, : len(ids)] = ids
        attention[i, : len(ids)] = 1
        target_mask[i, : len(ids)] = target
    return input_ids, attention, target_mask


def load_tokenizer(path: Path):
    from tokenizers import Tokenizer

    tokenizer = Tokenizer.from_file(str(path))
    tokenizer.no_padding()
    tokenizer.no_truncation()
    return tokenizer


def softmax(logits: np.ndarray) -> np.ndarray:
    z = np.exp(logits - logits.max(axis=1, keepdims=True))
    return z / z.sum(axis=1, keepdims=True)


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

    def predict(self, items: Sequence[Item], batch_size: int = 32) -> np.ndarray:
        """Probabilities, one row per item, in the items' order (batched by length)."""
        out = np.zeros((len(items), len(LABELS)), dtype=np.float32)
        if not items:
            return out
        order = sorted(range(len(items)), key=lambda i: len(items[i].sentence))
        for lo in range(0, len(order), batch_size):
            chosen = order[lo : lo + batch_size]
            ids, attention, target = encode(self.tokenizer, [items[i] for i in chosen])
            (logits,) = self.session.run(
                None, {"input_ids": ids, "attention_mask": attention, "target_mask": target}
            )
            out[chosen] = softmax(logits)
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
