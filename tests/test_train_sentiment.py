"""training/train_sentiment.py's quantization-aware training: its fake quantization is the
rounding onnxruntime applies to the exported model. Needs torch (the `[train]` extra); skipped
where it is not installed, as in CI."""

import sys
from pathlib import Path

import numpy as np
import pytest

torch = pytest.importorskip("torch")
onnx = pytest.importorskip("onnx")

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "training"))

import train_sentiment as ts  # noqa: E402


def run_onnx(graph, feeds: dict) -> list[np.ndarray]:
    import onnxruntime as ort

    session = ort.InferenceSession(graph.SerializeToString(), providers=["CPUExecutionProvider"])
    return session.run(None, feeds)


def dynamic_quantized():
    """A graph of onnxruntime's run-time activation rounding: DynamicQuantizeLinear, then back."""
    from onnx import TensorProto, helper

    return helper.make_model(
        helper.make_graph(
            [
                helper.make_node("DynamicQuantizeLinear", ["x"], ["q", "s", "z"]),
                helper.make_node("DequantizeLinear", ["q", "s", "z"], ["y"]),
            ],
            "one",
            [helper.make_tensor_value_info("x", TensorProto.FLOAT, ["a", "b"])],
            [helper.make_tensor_value_info("y", TensorProto.FLOAT, ["a", "b"])],
        ),
        opset_imports=[helper.make_opsetid("", 18)],
    )


def test_fake_quantized_weight_is_what_quantize_dynamic_stores(tmp_path):
    from onnx import TensorProto, helper, numpy_helper
    from onnxruntime.quantization import QuantType, quantize_dynamic

    rng = np.random.default_rng(0)
    weight = (rng.normal(size=(6, 5)) * rng.uniform(0.01, 3, size=(6, 1))).astype(np.float32)
    graph = helper.make_model(
        helper.make_graph(
            [helper.make_node("MatMul", ["x", "w"], ["y"])],
            "one",
            [helper.make_tensor_value_info("x", TensorProto.FLOAT, ["n", 5])],
            [helper.make_tensor_value_info("y", TensorProto.FLOAT, ["n", 6])],
            [numpy_helper.from_array(weight.T.copy(), "w")],  # in × out, as exported
        ),
        opset_imports=[helper.make_opsetid("", 18)],
    )
    onnx.save(graph, tmp_path / "f.onnx")
    quantize_dynamic(
        tmp_path / "f.onnx", tmp_path / "q.onnx", weight_type=QuantType.QInt8, per_channel=True
    )
    stored = {
        i.name: numpy_helper.to_array(i) for i in onnx.load(tmp_path / "q.onnx").graph.initializer
    }
    zero = stored["w_zero_point"].astype(np.float32)
    int8 = (stored["w_quantized"].astype(np.float32) - zero) * stored["w_scale"]  # in × out

    ours = ts.FakeQuantizedWeight()(torch.from_numpy(weight)).numpy().T
    np.testing.assert_allclose(ours, int8, rtol=0, atol=1e-6)
    assert np.abs(ours - weight.T).max() > 1e-4  # it does round


def test_fake_quantized_activation_is_dynamic_quantize_linear():
    graph = dynamic_quantized()
    rng = np.random.default_rng(1)
    for x in (
        rng.normal(size=(7, 9)).astype(np.float32) * 3,
        np.abs(rng.normal(size=(4, 4))).astype(np.float32) + 1,  # all positive: range from 0
    ):
        (expected,) = run_onnx(graph, {"x": x})
        ours = ts.fake_quantized_activation(torch.from_numpy(x)).numpy()
        np.testing.assert_allclose(ours, expected, rtol=0, atol=1e-6)
        assert np.abs(ours - x).max() > 1e-4


def test_fake_quantized_activation_per_sentence_is_each_sentence_on_its_own():
    """Masked, a batch reads as the app's one-sentence passes: each row's real tokens
    quantized with their own range, the padding not widening it."""
    graph = dynamic_quantized()
    rng = np.random.default_rng(2)
    x = rng.normal(size=(3, 5, 4)).astype(np.float32)
    x[1] *= 10  # a wide sentence beside narrow ones
    x[0, 3:] = 100.0  # padding with wild values
    mask = np.array([[1, 1, 1, 0, 0], [1, 1, 1, 1, 1], [1, 1, 1, 1, 0]])
    ours = ts.fake_quantized_activation(torch.from_numpy(x), torch.from_numpy(mask)).numpy()
    whole = ts.fake_quantized_activation(torch.from_numpy(x)).numpy()
    for row, m in enumerate(mask):
        real = x[row, m.astype(bool)]
        (alone,) = run_onnx(graph, {"x": real})
        np.testing.assert_allclose(ours[row, m.astype(bool)], alone, rtol=0, atol=1e-6)
    assert np.abs(whole[0, :3] - x[0, :3]).max() > 10 * np.abs(ours[0, :3] - x[0, :3]).max()


class Tiny(torch.nn.Module):
    """A classifier's shape: forward(ids, attention_mask, target), encoder.encoder layers."""

    def __init__(self):
        super().__init__()
        self.encoder = torch.nn.Module()
        self.encoder.encoder = torch.nn.Sequential(torch.nn.Linear(8, 4))

    def forward(self, states, attention_mask, target):
        return self.encoder.encoder(states)


def test_quantization_aware_rounds_inside_and_leaves_plain_trainable_floats():
    torch.manual_seed(0)
    model = Tiny()
    linear = model.encoder.encoder[0]
    before = {k: v.clone() for k, v in model.state_dict().items()}
    x = torch.randn(2, 3, 8)
    mask = torch.tensor([[1, 1, 0], [1, 1, 1]])
    plain = model(x, mask, None)
    with ts.quantization_aware(model):
        inside = model(x, mask, None)
        inside.sum().backward()
    assert not torch.allclose(inside, plain)
    expected = torch.nn.functional.linear(
        ts.fake_quantized_activation(x, mask), ts.FakeQuantizedWeight()(linear.weight), linear.bias
    )
    assert torch.allclose(inside, expected)
    assert linear.weight.grad is not None and linear.weight.grad.abs().sum() > 0
    after = model.state_dict()
    assert after.keys() == before.keys()  # no parametrization left behind
    assert all(torch.equal(after[k], before[k]) for k in before)
    assert torch.equal(model(x, mask, None), plain)
