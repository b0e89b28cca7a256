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


def test_fake_quantized_activation_is_dynamic_quantize_linear_of_each_token():
    graph = dynamic_quantized()
    rng = np.random.default_rng(1)
    x = rng.normal(size=(2, 4, 9)).astype(np.float32) * 3
    x[0, 1] *= 30  # a wide token beside narrow ones
    x[1, 2] = np.abs(x[1, 2]) + 1  # all positive: its range from 0
    ours = ts.fake_quantized_activation(torch.from_numpy(x)).numpy()
    for row in np.ndindex(x.shape[:2]):
        (alone,) = run_onnx(graph, {"x": x[row][None]})
        np.testing.assert_allclose(ours[row], alone[0], rtol=0, atol=1e-6)
    assert np.abs(ours - x).max() > 1e-4  # it does round
    whole = ts.fake_quantized_activation(torch.from_numpy(x).flatten(0, 1)[None]).numpy()
    assert np.array_equal(whole.reshape(x.shape), ours)  # no token widens another's range


def test_quantization_aware_linear_is_the_exported_int8_linear(tmp_path):
    """What training sees inside `quantization_aware` is what the app's int8 graph computes
    (`quantize.quantized`: weights per output unit, activations per token)."""
    import quantize
    from onnx import TensorProto, helper, numpy_helper

    torch.manual_seed(3)
    model = Tiny()
    linear = model.encoder.encoder[0]
    weight, bias = linear.weight.detach().numpy(), linear.bias.detach().numpy()
    graph = helper.make_model(
        helper.make_graph(
            [
                helper.make_node("MatMul", ["x", "w"], ["m"]),
                helper.make_node("Add", ["m", "layer.bias"], ["y"]),
            ],
            "one",
            [helper.make_tensor_value_info("x", TensorProto.FLOAT, ["b", "t", 8])],
            [helper.make_tensor_value_info("y", TensorProto.FLOAT, ["b", "t", 4])],
            [
                numpy_helper.from_array(weight.T.copy(), "w"),
                numpy_helper.from_array(bias, "layer.bias"),
            ],
        ),
        opset_imports=[helper.make_opsetid("", 18)],
    )
    onnx.save(graph, tmp_path / "f.onnx")
    quantize.quantized(tmp_path / "f.onnx", tmp_path / "q.onnx")
    x = torch.randn(2, 5, 8)
    x[0, 2] *= 20
    with ts.quantization_aware(model), torch.no_grad():
        trained = model(x, None, None).numpy()
    (exported,) = run_onnx(onnx.load(tmp_path / "q.onnx"), {"x": x.numpy()})
    np.testing.assert_allclose(trained, exported, rtol=1e-4, atol=1e-4)
    assert np.abs(trained - model(x, None, None).detach().numpy()).max() > 1e-4


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
        ts.fake_quantized_activation(x), ts.FakeQuantizedWeight()(linear.weight), linear.bias
    )
    assert torch.allclose(inside, expected)
    assert linear.weight.grad is not None and linear.weight.grad.abs().sum() > 0
    after = model.state_dict()
    assert after.keys() == before.keys()  # no parametrization left behind
    assert all(torch.equal(after[k], before[k]) for k in before)
    assert torch.equal(model(x, mask, None), plain)
