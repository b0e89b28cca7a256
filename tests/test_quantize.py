"""training/quantize.py: the int8 export reads every token with its own range, exactly as a
numpy reference rounds it, so that a sentence reads the same in any batch."""

import sys
from pathlib import Path

import numpy as np
import pytest

onnx = pytest.importorskip("onnx")
ort = pytest.importorskip("onnxruntime")

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "training"))

import quantize  # noqa: E402

K, N = 16, 6


def linear_pair(rng) -> tuple:
    """A float graph of two linear layers reading one input (as a transformer's query, key
    and value read one layer norm), inputs batch × tokens × K."""
    from onnx import TensorProto, helper, numpy_helper

    w1, w2 = (rng.normal(size=(K, N)).astype(np.float32) for _ in range(2))
    b1, b2 = (rng.normal(size=N).astype(np.float32) for _ in range(2))
    graph = helper.make_graph(
        [
            helper.make_node("MatMul", ["x", "w1"], ["m1"]),
            helper.make_node("Add", ["m1", "b1.bias"], ["y1"]),
            helper.make_node("MatMul", ["x", "w2"], ["m2"]),
            helper.make_node("Add", ["m2", "b2.bias"], ["y2"]),
        ],
        "two",
        [helper.make_tensor_value_info("x", TensorProto.FLOAT, ["b", "t", K])],
        [
            helper.make_tensor_value_info("y1", TensorProto.FLOAT, ["b", "t", N]),
            helper.make_tensor_value_info("y2", TensorProto.FLOAT, ["b", "t", N]),
        ],
        [
            numpy_helper.from_array(w1, "w1"),
            numpy_helper.from_array(w2, "w2"),
            numpy_helper.from_array(b1, "b1.bias"),
            numpy_helper.from_array(b2, "b2.bias"),
        ],
    )
    return helper.make_model(graph, opset_imports=[helper.make_opsetid("", 18)]), (w1, w2), (b1, b2)


def per_token_reference(x: np.ndarray, w: np.ndarray, b: np.ndarray) -> np.ndarray:
    """What the export should compute: each token quantized to uint8 with its own range (0
    inside it), the weight to int8 per output unit, in plain numpy."""
    low = np.minimum(x.min(-1, keepdims=True), 0)
    high = np.maximum(x.max(-1, keepdims=True), 0)
    scale = np.maximum((high - low) / 255, 1e-8)
    zero = np.round(-low / scale)
    xq = (np.clip(np.round(x / scale) + zero, 0, 255) - zero) * scale
    w_scale = np.abs(w).max(0) / 127
    wq = np.clip(np.round(w / w_scale), -127, 127) * w_scale
    return xq @ wq + b


@pytest.fixture
def exported(tmp_path):
    rng = np.random.default_rng(0)
    model, weights, biases = linear_pair(rng)
    onnx.save(model, tmp_path / "f.onnx")
    quantize.quantized(tmp_path / "f.onnx", tmp_path / "q.onnx")
    return tmp_path / "q.onnx", weights, biases


def session(path: Path) -> "ort.InferenceSession":
    return ort.InferenceSession(str(path), providers=["CPUExecutionProvider"])


def batch(rng) -> np.ndarray:
    """Sentences of tokens with very different ranges: a wide token beside narrow ones, an
    all-positive token (its range starts at 0) and an all-negative one."""
    x = rng.normal(size=(3, 5, K)).astype(np.float32)
    x[0, 1] *= 40
    x[1, 2] = np.abs(x[1, 2]) + 2
    x[2, 0] = -np.abs(x[2, 0]) - 1
    return x


def test_every_token_is_quantized_with_its_own_range(exported):
    path, weights, biases = exported
    x = batch(np.random.default_rng(1))
    outputs = session(path).run(None, {"x": x})
    for y, w, b in zip(outputs, weights, biases, strict=True):
        np.testing.assert_allclose(y, per_token_reference(x, w, b), rtol=1e-4, atol=1e-4)


def test_a_sentence_reads_the_same_alone_and_in_any_batch(exported):
    path, _, _ = exported
    x = batch(np.random.default_rng(2))
    run = session(path)
    together = run.run(None, {"x": x})[0]
    for row in range(len(x)):
        alone = run.run(None, {"x": x[row : row + 1]})[0]
        np.testing.assert_array_equal(together[row : row + 1], alone)


def test_per_token_beats_one_range_per_tensor(tmp_path, exported):
    """The plain dynamic quantisation (one range for the whole input) loses the narrow tokens
    beside a wide one; the export does not."""
    from onnxruntime.quantization import QuantType, quantize_dynamic

    path, weights, biases = exported
    quantize_dynamic(
        tmp_path / "f.onnx", tmp_path / "plain.onnx", weight_type=QuantType.QInt8, per_channel=True
    )
    x = batch(np.random.default_rng(3))
    exact = x @ weights[0] + biases[0]
    narrow = np.ones(x.shape[:2], dtype=bool)
    narrow[0, 1] = False
    ours = np.abs(session(path).run(None, {"x": x})[0] - exact)[narrow].mean()
    plain = np.abs(session(tmp_path / "plain.onnx").run(None, {"x": x})[0] - exact)[narrow].mean()
    assert ours * 5 < plain


def test_a_graph_of_another_shape_is_refused():
    from onnx import TensorProto, helper

    graph = helper.make_graph(
        [
            helper.make_node("DynamicQuantizeLinear", ["x"], ["q", "s", "z"]),
            helper.make_node("DequantizeLinear", ["q", "s", "z"], ["y"]),
        ],
        "odd",
        [helper.make_tensor_value_info("x", TensorProto.FLOAT, ["a", K])],
        [helper.make_tensor_value_info("y", TensorProto.FLOAT, ["a", K])],
    )
    model = helper.make_model(graph, opset_imports=[helper.make_opsetid("", 18)])
    with pytest.raises(ValueError, match="zero point"):
        quantize.per_token_activations(model)
