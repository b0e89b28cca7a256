"""Paragraph alignment: a translation, a rewrite, and the pairs found without a manifest."""

from collections import Counter
from pathlib import Path

from analysis import align, build
from analysis.reader import actor_colour, best_pair, highlights, repeats, rows, summarise

ORIGINAL = """Leaders meet in Seoul
South Korea and Japan agreed on Tuesday to share missile warning data in real time, \
officials said, after North Korea fired 12 missiles in March 2024.
Prime Minister Fumio Kishida called the deal "a turning point" for the two neighbours.
The United States welcomed the agreement, which follows a summit at Camp David in August 2023.
Critics in Seoul said the deal ignores the history of Japanese colonial rule between 1910 and 1945.
Comment on this story
"""

REWRITE = """Seoul and Tokyo to share missile data
Japan and South Korea will exchange missile warning data in real time, officials \
announced on Tuesday, after North Korea launched 12 missiles in March 2024.
The arrangement builds on the Camp David summit with the United States in August 2023.
Washington praised the step.
Prime Minister Fumio Kishida described it as "a turning point" for relations.
"""


def test_a_rewrite_is_aligned_and_what_only_one_side_says_is_reported(corpus):
    corpus.add("original.txt", ORIGINAL)
    corpus.add("rewrite.txt", REWRITE)
    corpus.add(
        "other.txt",
        "Brazil and Argentina discussed soybean tariffs in Buenos Aires on "
        "Friday, with no agreement in sight.\n",
    )
    tables = build(corpus.path).tables
    found = align.find_pairs(tables)
    assert list(zip(found.article_a, found.article_b, found.relation, strict=True)) == [
        ("original", "rewrite", "rewrite")
    ]
    links = {(k.a, k.b) for k in align.align_articles(tables, "original", "rewrite")}
    assert ((1,), (1,)) in links  # the missile-data paragraph
    assert ((3,), (2,)) in links  # Camp David, August 2023
    assert ((4,), ()) in links and ((5,), ()) in links  # colonial history, comment residue
    assert ((), (3,)) in links  # "Washington praised the step" only in the rewrite
    assert ((2,), (4,)) in links  # Kishida's quote, moved to the end by the rewrite
    summary = summarise(tables, "original", "rewrite", rows(tables, "original", "rewrite"))
    assert 4 in summary.only_a and 3 in summary.only_b
    table = tables.alignments
    assert set(table.article_a) == {"original"} and set(table.relation) == {"rewrite"}
    assert (table.score > 0).all()


def test_translation_found_without_manifest_with_one_to_two_links(corpus):
    corpus.add_seeds("000", "002", "003")
    tables = build(corpus.path).tables
    found = align.find_pairs(tables)
    assert len(found) == 1 and found.relation.iloc[0] == "translation"
    a, b = found.article_a.iloc[0], found.article_b.iloc[0]
    assert (a[:3], b[:3]) == ("000", "002") and best_pair(tables) == (a, b)
    kinds = {k.kind for k in found.links.iloc[0]}
    assert {"1-1", "1-2", "1-0", "0-1"} <= kinds
    assert found.share.iloc[0] > 0.9


def test_a_translation_sharing_few_names_is_found_by_how_much_of_it_aligns(corpus):
    # DW's page and its German translation: most paragraphs share few names and numbers, so
    # strong links cover only 0.6 of the text, but the alignment runs down both texts
    bench = Path(__file__).parents[1] / "bench"
    for path in (
        bench / "written26/corpus/en_dw.txt",
        bench / "written26/corpus/de_dw_uebersetzung.txt",
    ):
        corpus.add(path.name, path.read_text(encoding="utf-8"))
    # two articles on one story in two languages, not a translation: 0.64 in strong links,
    # two thirds of the paragraphs in ordinary ones
    for path in (
        bench / "written5/corpus/en_guardian.html",
        bench / "written7/corpus/es_pagina.html",
    ):
        corpus.add(path.name, path.read_text(encoding="utf-8"))
    tables = build(corpus.path).tables
    found = align.find_pairs(tables)
    pairs = {
        (a[:5], b[:5], r)
        for a, b, r in zip(found.article_a, found.article_b, found.relation, strict=True)
    }
    assert pairs == {("de_dw", "en_dw", "translation")}
    assert 0.5 <= found.share.iloc[0] < align.PAIR_SHARE


def test_sentences_align_inside_paragraphs(seed_tables):
    a, b = best_pair(seed_tables)
    links = align.align_sentences(seed_tables, a, (10,), b, (10, 11))
    matched = [(sa, sb) for sa, sb, _ in links if sa and sb]
    assert len(matched) >= 2 and all(len(sa) >= 1 and len(sb) >= 1 for sa, sb in matched)


def test_repeats_highlights_and_stable_colours(seed_tables):
    a, _ = best_pair(seed_tables)
    assert 15 in repeats(seed_tables, a)  # the article repeats its paragraph 2
    marks = highlights(seed_tables, a)
    assert {"actor", "date"} <= set(marks.kind)
    p3 = seed_tables.paragraphs
    text = p3[(p3.article_id == a) & (p3.paragraph_no == 3)].text.iloc[0]
    dates = marks[(marks.kind == "date") & (marks.paragraph_no == 3)]
    assert "July 2023" in {text[s:e] for s, e in zip(dates.start, dates.end, strict=True)}
    assert actor_colour("RUS") == actor_colour("RUS") and actor_colour("RUS").startswith("#")


def test_similarity_uses_anchors_not_words_across_languages():
    en = align.features("Kamoshita said 12 missiles flew in 2024.", ["PRK"], "en", content=False)
    it = align.features(
        "Kamoshita ha detto che 12 missili hanno volato nel 2024.", ["PRK"], "it", content=False
    )
    other = align.features("Brazil exported soybeans.", ["BRA"], "en", content=False)
    assert align.similarity(en, it) > 0.8 > align.similarity(en, other)


def test_each_link_scores_the_paragraphs_it_joins(seed_tables):
    """A link's score is the similarity of its paragraphs taken together (merged for a 1-2
    or 2-1 link), weighted by how well their lengths fit the two languages."""
    a, b = best_pair(seed_tables)
    feats_a, lengths_a, lang_a = align.article_units(seed_tables, a, content=False)
    feats_b, lengths_b, lang_b = align.article_units(seed_tables, b, content=False)
    ratio = align._expansion(lang_a, lang_b)
    links = align.align(feats_a, feats_b, lengths_a, lengths_b, ratio=ratio)
    joined = [k for k in links if k.a and k.b and not k.moved]
    assert {"1-1", "1-2"} <= {k.kind for k in joined}
    for k in joined:
        fa = sum((feats_a[i] for i in k.a), Counter())
        fb = sum((feats_b[j] for j in k.b), Counter())
        fit = align._length_factor(
            sum(lengths_a[i] for i in k.a), sum(lengths_b[j] for j in k.b), ratio
        )
        assert k.score == round(align.similarity(fa, fb) * (0.5 + 0.5 * fit), 4) > 0


def test_every_actor_highlight_is_legible_on_its_colour():
    from analysis import charts
    from analysis.reader import PALETTE, actor_style

    for actor in ("RUS", "PRK", "JPN", "CHN", "USA", "EU", "UN", "FRA", "KOR", "UKR"):
        background, ink = (part.split(":")[1] for part in actor_style(actor).split(";"))
        assert background == actor_colour(actor)
        assert charts.contrast(ink, background) >= 4.5  # WCAG AA for normal text
    assert {charts.ink_on(c) for c in PALETTE} == {charts.DARK_INK, charts.LIGHT_INK}
