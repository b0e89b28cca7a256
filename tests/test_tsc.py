"""The target-dependent sentiment model: the shared encoding and the shipped ONNX model."""

import numpy as np
import pytest

from analysis import tsc


def test_mark_wraps_every_span_and_moves_offsets():
    sentence = "Moscow denied that Russia helped Pyongyang."
    text, spans = tsc.mark(sentence, [(19, 25), (0, 6)])
    assert text == "[ Moscow ] denied that [ Russia ] helped Pyongyang."
    assert [text[a:b] for a, b in spans] == ["Moscow", "Russia"]


@pytest.fixture(scope="module")
def model():
    return tsc.shared_model()


def test_encode_masks_the_target_tokens_only(model):
    item = tsc.Item("Japan criticised North Korea on Tuesday.", ((17, 28),))
    ids, attention, target = tsc.encode(model.tokenizer, [item])
    tokens = [model.tokenizer.id_to_token(int(i)) for i in ids[0]]
    chosen = [t for t, m in zip(tokens, target[0], strict=True) if m]
    assert chosen == ["north", "korea"]
    assert attention.sum() == len(tokens) and tokens[0] == "[CLS]" and tokens[-1] == "[SEP]"


def test_encode_keeps_a_far_target_inside_the_window(model):
    filler = "The committee met again and talked about many unrelated matters. " * 20
    sentence = filler + "Russia attacked the port."
    start = sentence.index("Russia")
    ids, _, target = tsc.encode(model.tokenizer, [tsc.Item(sentence, ((start, start + 6),))])
    assert ids.shape[1] == tsc.MAX_TOKENS
    assert target.sum() == 1 and model.tokenizer.id_to_token(int(ids[0][target[0] > 0][0])) == (
        "russia"
    )


def test_batches_pad_to_the_longest_and_keep_order(model):
    items = [
        tsc.Item("Russia attacked.", ((0, 6),)),
        tsc.Item("The long report said Japan welcomed the agreement warmly.", ((21, 26),)),
    ]
    ids, attention, _ = tsc.encode(model.tokenizer, items)
    assert ids.shape[0] == 2 and attention[0].sum() < attention[1].sum() == ids.shape[1]
    probs = model.predict(items)
    reversed_probs = model.predict(items[::-1])
    assert np.allclose(probs, reversed_probs[::-1], atol=1e-5)
    assert np.allclose(probs.sum(axis=1), 1.0, atol=1e-4)


def test_the_model_tells_who_is_criticised_from_who_is_praised(model):
    s1 = "Critics accused Russia of war crimes and brutal attacks on civilians."
    s2 = "Observers praised Japan for its generous and successful humanitarian aid."
    s3 = "The meeting between the delegations took place in Geneva on Monday."
    items = [
        tsc.Item(s1, ((s1.index("Russia"), s1.index("Russia") + 6),)),
        tsc.Item(s2, ((s2.index("Japan"), s2.index("Japan") + 5),)),
        tsc.Item(s3, ((s3.index("Geneva"), s3.index("Geneva") + 6),)),
    ]
    labels = [tsc.LABELS[i] for i in model.predict(items).argmax(axis=1)]
    assert labels == ["neg", "pos", "neu"]
