"""The target-dependent sentiment model: the shared encoding and the shipped ONNX model."""

import numpy as np
import pytest

from analysis import tsc


def test_mark_wraps_every_span_and_says_where_each_moved():
    sentence = "Moscow denied that Russia helped Pyongyang."
    text, moved = tsc.mark(sentence, [(19, 25), (0, 6)])
    assert text == "[ Moscow ] denied that [ Russia ] helped Pyongyang."
    assert {sentence[a:b]: text[c:d] for (a, b), (c, d) in moved.items()} == {
        "Moscow": "Moscow",
        "Russia": "Russia",
    }


def test_mark_maps_an_overlapping_span_to_the_marked_one():
    sentence = "North Korea's leader spoke."
    text, moved = tsc.mark(sentence, [(0, 11), (6, 11)])
    assert text == "[ North Korea ]'s leader spoke."
    assert moved[(6, 11)] == moved[(0, 11)] == (2, 13)


@pytest.fixture(scope="module")
def model():
    return tsc.shared_model()


def tokens_of(model, ids, mask):
    return [model.tokenizer.id_to_token(int(i)) for i, m in zip(ids, mask, strict=True) if m]


def test_encode_gives_each_target_its_own_token_mask(model):
    sentence = "Japan criticised North Korea on Tuesday."
    item = tsc.Item(sentence, (((17, 28),), ((0, 5),)))
    ids, attention, target = tsc.encode(model.tokenizer, [item])
    assert target.shape == (1, 2, ids.shape[1])
    assert tokens_of(model, ids[0], target[0, 0]) == ["north", "korea"]
    assert tokens_of(model, ids[0], target[0, 1]) == ["japan"]
    tokens = [model.tokenizer.id_to_token(int(i)) for i in ids[0]]
    assert attention.sum() == len(tokens) and tokens[0] == "[CLS]" and tokens[-1] == "[SEP]"
    assert tokens.count("[") == 2 and tokens.count("]") == 2  # both targets marked once


def test_encode_keeps_a_far_target_inside_the_window(model):
    filler = "The committee met again and talked about many unrelated matters. " * 20
    sentence = filler + "Russia attacked the port."
    start = sentence.index("Russia")
    ids, _, target = tsc.encode(model.tokenizer, [tsc.Item(sentence, (((start, start + 6),),))])
    assert ids.shape[1] == tsc.MAX_TOKENS
    assert tokens_of(model, ids[0], target[0, 0]) == ["russia"]


def test_batches_pad_sentences_and_targets_and_keep_order(model):
    items = [
        tsc.Item("Russia attacked.", (((0, 6),),)),
        tsc.Item(
            "The long report said Japan welcomed the Chinese agreement warmly.",
            (((21, 26),), ((40, 47),)),
        ),
    ]
    ids, attention, target = tsc.encode(model.tokenizer, items)
    assert ids.shape[0] == 2 and attention[0].sum() < attention[1].sum() == ids.shape[1]
    assert target.shape[1] == 2 and not target[0, 1].any()  # the padding target masks nothing
    probs = model.predict(items)
    assert probs.shape == (3, 3)  # one row per target
    reversed_probs = model.predict(items[::-1])
    assert np.allclose(probs, reversed_probs[[2, 0, 1]], atol=1e-5)
    assert np.allclose(probs.sum(axis=1), 1.0, atol=1e-4)


def test_a_sentence_reads_the_same_alone_and_in_a_batch(model):
    """The shipped int8 model quantises each token's activations with their own range, so a
    sentence beside longer, louder ones reads as it does alone (with one range per pass,
    2.3% of labels changed between batchings)."""
    sentences = [
        "Russia attacked.",
        "North Korea fired 17 ballistic missiles at 3,000 kilometres an hour, Seoul said.",
        "Japan welcomed the agreement.",
        "The G7 condemned the transfer of North Korean arms to Russia in the strongest terms.",
    ]
    items = [tsc.Item(s, (((0, s.index(" ")),),)) for s in sentences]
    alone = model.predict(items, batch_size=1)
    together = model.predict(items, batch_size=len(items))
    np.testing.assert_allclose(together, alone, rtol=0, atol=1e-5)


def test_the_model_tells_who_is_criticised_from_who_is_praised(model):
    s1 = "Critics accused Russia of war crimes and brutal attacks on civilians."
    s2 = "Observers praised Japan for its generous and successful humanitarian aid."
    s3 = "The meeting between the delegations took place in Geneva on Monday."
    items = [
        tsc.Item(s, (((s.index(w), s.index(w) + len(w)),),))
        for s, w in ((s1, "Russia"), (s2, "Japan"), (s3, "Geneva"))
    ]
    labels = [tsc.LABELS[i] for i in model.predict(items).argmax(axis=1)]
    assert labels == ["neg", "pos", "neu"]


def test_one_pass_reads_two_targets_of_a_sentence_apart(model):
    sentence = "Canada praised Chile for its generous aid, while it condemned Iran for the attacks."
    item = tsc.Item(
        sentence,
        tuple(((sentence.index(w), sentence.index(w) + len(w)),) for w in ("Chile", "Iran")),
    )
    labels = [tsc.LABELS[i] for i in model.predict([item]).argmax(axis=1)]
    assert labels == ["pos", "neg"]


def test_a_sentence_reads_the_same_whatever_is_scored_with_it(model):
    """int8 activations are quantised per forward pass, so the shipped setting scores one
    sentence per pass: a wire sentence repeated in two articles gets one reading."""
    s = "Officials said the drones Iran shipped to Russia were used against Ukrainian cities."
    alone = tsc.Item(s, tuple(((s.index(w), s.index(w) + len(w)),) for w in ("Iran", "Russia")))
    long = "Ministers from Brazil met for hours behind closed doors, " * 4 + "then left."
    others = [tsc.Item(long, (((15, 21),),)), tsc.Item("Japan protested.", (((0, 5),),))]
    first = model.predict([alone])
    mixed = model.predict([others[0], alone, others[1]])
    assert np.array_equal(first, mixed[1:3])
