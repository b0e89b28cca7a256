"""training/entity_swap.py: swapped copies of training sentences keep their targets and labels."""

import random
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "training"))

import entity_swap  # noqa: E402

from analysis import tsc  # noqa: E402


def item(sentence: str, *mentions: str) -> tsc.Item:
    """An item whose targets are the given mentions, each at its first place after the last."""
    targets, at = [], 0
    for mention in mentions:
        start = sentence.index(mention, at)
        targets.append(((start, start + len(mention)),))
        at = start + len(mention)
    return tsc.Item(sentence, tuple(targets))


def surfaces(it: tsc.Item) -> list[str]:
    return [it.sentence[s:e] for target in it.targets for s, e in target]


@pytest.mark.parametrize("seed", range(5))
def test_every_form_of_one_state_becomes_the_same_other_state(seed):
    table = entity_swap.table()
    before = item(
        "Russia said Russian troops would stay, and Moscow denied the report.",
        "Russia",
        "Russian",
        "Moscow",
    )
    after = entity_swap.swap(before, random.Random(seed))
    name, demonym, capital = surfaces(after)
    new = next(s for s in table.states.values() if s.name == name)
    assert (demonym, capital) == (new.demonym, new.capital)
    assert new.name != "Russia"
    assert after.sentence == (
        f"{name} said {demonym} troops would stay, and {capital} denied the report."
    )


def test_states_named_by_a_leader_an_acronym_or_an_alias_and_bodies_stay():
    before = item(
        "Putin told Russia's allies that U.S. and UN envoys were welcome in Japan.",
        "Putin",
        "Russia",
        "U.S.",
        "UN",
        "Japan",
    )
    after = entity_swap.swap(before, random.Random(1))
    putin, russia, us, un, japan = surfaces(after)
    assert (putin, russia, us, un) == ("Putin", "Russia", "U.S.", "UN")
    assert japan != "Japan" and japan in {s.name for s in entity_swap.table().states.values()}


def test_two_states_of_a_sentence_never_become_one():
    before = item("Iran sold drones to Russia and Belarus.", "Iran", "Russia", "Belarus")
    for seed in range(20):
        names = surfaces(entity_swap.swap(before, random.Random(seed)))
        assert len(set(names)) == 3
        assert not {"Iran", "Russia", "Belarus"} & set(names)


def test_the_article_of_a_name_that_takes_one_goes_and_a_or_an_follows_the_new_word():
    table = entity_swap.table()
    vowel = next(i for i, s in table.states.items() if s.demonym[0] in "AEIOU")
    consonant = next(i for i, s in table.states.items() if s.demonym[0] not in "AEIOU")
    rng = random.Random(0)
    for _ in range(40):
        after = entity_swap.swap(
            item("The United States fined a Chinese firm.", "United States", "Chinese"), rng
        )
        name, demonym = surfaces(after)
        assert after.sentence.startswith(name)  # "The" went with "the United States"
        article = "an" if demonym[0] in "AEIOU" else "a"
        assert f" {article} {demonym} firm" in after.sentence
    assert vowel and consonant  # both kinds of demonym are among the states drawn


def test_a_sentence_with_nothing_to_swap_is_returned_as_it_is():
    before = item("NATO and the EU met in Brussels.", "NATO", "EU")
    assert entity_swap.swap(before, random.Random(0)) is before


def test_the_same_seed_gives_the_same_copy():
    before = item("Chinese ships circled Taiwan.", "Chinese", "Taiwan")
    assert entity_swap.swap(before, random.Random(3)) == entity_swap.swap(before, random.Random(3))
