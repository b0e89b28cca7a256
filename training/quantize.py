"""Int8 export of the sentiment network: onnxruntime's dynamic quantisation, its activations
read with one range per token instead of one per tensor.

`quantize_dynamic` stores each linear layer's weight as int8 (one scale per output unit) and
quantises the layer's input at run time with `DynamicQuantizeLinear`: uint8, one scale and zero
point for the whole tensor. A transformer's hidden states have a few large values, so one range
for a whole sentence leaves most tokens a handful of levels (on the network of 2026-11-25's
step 4: dev sets 0.795 in int8 against 0.819 in float; 0.812 simulated with one range per
token), and in a batch a sentence's reading depended on the other sentences of its batch.

`per_token_activations` gives every token (every row of the last axis) its own uint8 range:
scale s_t and zero point z_t. onnxruntime's `MatMulInteger` takes one zero point for its input,
so the product is taken with zero point 0 and corrected exactly, in int32:

    sum_k (x_tk - z_t) q_kn = sum_k x_tk q_kn - z_t sum_k q_kn

(the column sums of the int8 weight q are constants of the graph). The rest is
`quantize_dynamic`'s graph: the product cast to float times s_t w_n (the scales' product now
broadcasting per token), plus the bias. onnxruntime no longer fuses these into one kernel, and
the per-token arithmetic is some 200 small operators more per pass: the model runs about a
quarter slower (measured in the README). A sentence reads the same alone or in any batch.

Needs onnx and onnxruntime (no torch), so its tests run everywhere.
"""

from __future__ import annotations

from collections import defaultdict
from pathlib import Path

import numpy as np


def quantized(fp32: Path, out: Path) -> None:
    """The float ONNX model at `fp32`, int8 at `out`: weights per output unit
    (`quantize_dynamic(weight_type=QInt8, per_channel=True)`), activations per token."""
    import tempfile

    import onnx
    from onnxruntime.quantization import QuantType, quantize_dynamic

    graph = onnx.load(str(fp32))
    del graph.graph.value_info[:]  # stale shapes break the quantiser's shape inference
    with tempfile.TemporaryDirectory() as tmp:
        cleared = Path(tmp) / "cleared.onnx"
        onnx.save(graph, str(cleared))
        quantize_dynamic(str(cleared), str(out), weight_type=QuantType.QInt8, per_channel=True)
    onnx.save(per_token_activations(onnx.load(str(out))), str(out))


def per_token_activations(model):
    """`model` (as `quantize_dynamic` writes it) with every `DynamicQuantizeLinear` replaced by
    a per-token uint8 quantisation of the same input (its range stretched to include 0, as
    DynamicQuantizeLinear does), and every product that reads it corrected for the tokens'
    zero points (the module's docstring). Returns a new model; raises ValueError on a graph of
    another shape."""
    import onnx
    from onnx import TensorProto, helper, numpy_helper

    model = onnx.ModelProto.FromString(model.SerializeToString())
    graph = model.graph
    weights = {init.name: init for init in graph.initializer}
    consumers = defaultdict(list)
    for n in graph.node:
        for name in n.input:
            consumers[name].append(n)

    constants = {
        "ptq_axes": np.array([-1], dtype=np.int64),
        "ptq_zero": np.array(0.0, dtype=np.float32),
        "ptq_levels": np.array(255.0, dtype=np.float32),
        "ptq_tiny": np.array(1e-8, dtype=np.float32),
        "ptq_zero_u8": np.array(0, dtype=np.uint8),
    }
    graph.initializer.extend(numpy_helper.from_array(v, k) for k, v in constants.items())

    def node(op, inputs, output, **attrs):
        return helper.make_node(op, inputs, [output], name=output, **attrs)

    after: dict[int, list] = defaultdict(list)  # nodes to insert after a node (by id)
    for dq in [n for n in graph.node if n.op_type == "DynamicQuantizeLinear"]:
        x, (x_q, x_scale, x_zero) = dq.input[0], dq.output
        p = f"{x}_ptq"
        users = consumers[x_zero]
        if not users or any(u.op_type != "MatMulInteger" or u.input[2] != x_zero for u in users):
            raise ValueError(f"{dq.name}: its zero point feeds other than MatMulInteger")
        width = weights[users[0].input[1]].dims[0]  # the input's last axis: one block per token
        # the scale keeps its name, so the scales' product downstream (x_scale * w_scale)
        # broadcasts to one scale per token and output unit
        after[id(dq)] = [
            node("ReduceMin", [x, "ptq_axes"], f"{p}_min"),
            node("Min", [f"{p}_min", "ptq_zero"], f"{p}_low"),
            node("ReduceMax", [x, "ptq_axes"], f"{p}_max"),
            node("Max", [f"{p}_max", "ptq_zero"], f"{p}_high"),
            node("Sub", [f"{p}_high", f"{p}_low"], f"{p}_range"),
            node("Div", [f"{p}_range", "ptq_levels"], f"{p}_step"),
            node("Max", [f"{p}_step", "ptq_tiny"], x_scale),
            node("Div", [f"{p}_low", x_scale], f"{p}_low_steps"),
            node("Neg", [f"{p}_low_steps"], f"{p}_zero_unrounded"),
            node("Round", [f"{p}_zero_unrounded"], f"{p}_zero"),
            node("Cast", [f"{p}_zero"], f"{p}_zero_u8", to=TensorProto.UINT8),
            node("Cast", [f"{p}_zero"], f"{p}_zero_i32", to=TensorProto.INT32),
            node("QuantizeLinear", [x, x_scale, f"{p}_zero_u8"], x_q, axis=-1, block_size=width),
        ]
        for user in users:
            user.input[2] = "ptq_zero_u8"
            product = user.output[0]
            w = numpy_helper.to_array(weights[user.input[1]]).astype(np.int64)
            if len(user.input) > 3 and user.input[3]:
                w = w - numpy_helper.to_array(weights[user.input[3]]).astype(np.int64)
            sums = f"{product}_ptq_sums"
            graph.initializer.append(numpy_helper.from_array(w.sum(axis=0).astype(np.int32), sums))
            for reader in consumers[product]:
                reader.input[:] = [f"{product}_ptq" if i == product else i for i in reader.input]
            after[id(user)] += [
                node("Mul", [f"{p}_zero_i32", sums], f"{product}_ptq_offset"),
                node("Sub", [product, f"{product}_ptq_offset"], f"{product}_ptq"),
            ]
    nodes = []
    for n in graph.node:  # each DynamicQuantizeLinear gives way to the nodes that replace it
        if n.op_type != "DynamicQuantizeLinear":
            nodes.append(n)
        nodes += after.get(id(n), [])
    del graph.node[:]
    graph.node.extend(nodes)
    for opset in model.opset_import:
        if opset.domain in ("", "ai.onnx"):
            opset.version = max(opset.version, 21)  # QuantizeLinear with block_size
    onnx.checker.check_model(model)
    return model
