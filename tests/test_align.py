"""Paragraph alignment: a translation, a rewrite, the pairs found without a manifest, and two
stories on one topic, which are only related."""

from collections import Counter
from pathlib import Path

from analysis import align, build
from analysis.reader import (
    actor_colour,
    best_pair,
    best_partner,
    highlights,
    repeats,
    rows,
    summarise,
)

BENCH = Path(__file__).parents[1] / "bench"

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

#: two stories on one topic: the same states everywhere, one fact told by both (paragraph 1
#: of the news, 2 of the editorial: Kihara, the Hwasong-19, 86 minutes, October 31)
NEWS = """Japan protests North Korean missile launch
North Korea fired a Hwasong-19 missile on October 31, and Defense Minister Minoru Kihara \
said it flew for 86 minutes before falling into the sea.
Japan and South Korea condemned the launch, and Tokyo lodged a protest through its embassy in \
Beijing.
Russia and China blocked a statement at the Security Council, diplomats in New York said.
"""

EDITORIAL = """The world must not tolerate Russia's arms deals with North Korea
Russia has received artillery shells and ballistic missiles from North Korea since last year, \
and uses them against Ukraine.
The Hwasong-19 flew for 86 minutes on October 31, Minoru Kihara told reporters, a sign of how \
fast the North is learning.
China and Russia keep shielding Pyongyang at the Security Council, and Japan should press its \
partners to enforce sanctions.
"""

#: a translation whose third line carries no anchor at all
PREVIEW = """What to watch as Kim heads to Russia
North Korean leader Kim Jong Un will travel to Vladivostok on December 9, officials in Seoul \
said, on his first trip to Russia since September 2023.
Here are four things to watch.
Pyongyang wants air-defence systems and help with its Chollima satellites, Sejong Institute \
analysts said on Monday.
Japan's Foreign Minister Toshimitsu Motegi is due in Seoul on December 10 for talks with Cho Hyun.
"""

ANTEPRIMA = """Cosa osservare mentre Kim va in Russia
Il leader nordcoreano Kim Jong Un si recherà a Vladivostok il 9 dicembre, hanno detto \
funzionari a Seul, nel suo primo viaggio in Russia dal settembre 2023.
Ecco quattro cose da osservare.
Pyongyang vuole sistemi di difesa aerea e aiuto per i suoi satelliti Chollima, hanno detto \
lunedì gli analisti del Sejong Institute.
Il ministro degli Esteri giapponese Toshimitsu Motegi è atteso a Seul il 10 dicembre per \
colloqui con Cho Hyun.
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


def test_two_stories_on_one_topic_are_related_where_they_tell_one_fact_not_aligned(corpus):
    corpus.add("news.txt", NEWS)
    corpus.add("editorial.txt", EDITORIAL)
    tables = build(corpus.path).tables
    assert align.find_pairs(tables).empty and tables.alignments.empty
    reader_rows = rows(tables, "news", "editorial")
    # the states (and the Security Council) in every paragraph are the topic, not a link
    assert [(r.a, r.b) for r in reader_rows if r.a and r.b] == [((1,), (2,))]
    assert all(r.related for r in reader_rows if r.a and r.b)
    summary = summarise(tables, "news", "editorial", reader_rows)
    assert summary.relation == "" and summary.aligned_share == 0.0  # was 0.73
    assert 0.3 < summary.related_share < 0.5
    assert summary.only_a == [0, 2, 3] and summary.only_b == [0, 1, 3]
    assert best_partner(tables, "news") is None


def test_the_seeds_claim_no_alignment_between_different_stories(seed_tables):
    ids = {a[:3]: a for a in seed_tables.articles.article_id}
    for left, right in (("001", "002"), ("000", "001"), ("001", "003"), ("002", "003")):
        summary = summarise(
            seed_tables, ids[left], ids[right], rows(seed_tables, ids[left], ids[right])
        )
        assert (summary.relation, summary.aligned_share) == ("", 0.0), (left, right)
    translation = rows(seed_tables, ids["002"], ids["000"])  # either order
    summary = summarise(seed_tables, ids["002"], ids["000"], translation)
    assert summary.relation == "translation" and summary.aligned_share > 0.95
    assert not any(r.related for r in translation)
    assert best_partner(seed_tables, ids["002"]) == ids["000"]
    assert best_partner(seed_tables, ids["000"]) == ids["002"]
    assert best_partner(seed_tables, ids["001"]) is None


def test_a_line_without_anchors_between_two_links_of_a_translation_is_linked(corpus):
    corpus.add("preview.txt", PREVIEW)
    corpus.add("anteprima.txt", ANTEPRIMA)
    tables = build(corpus.path).tables
    found = align.find_pairs(tables)
    assert list(found.relation) == ["translation"]
    links = found.links.iloc[0]
    assert [(k.a, k.b) for k in links] == [((i,), (i,)) for i in range(5)]
    assert [k.filled for k in links] == [False, False, True, False, False]
    al = tables.alignments
    assert set(zip(al.paragraph_a, al.paragraph_b, strict=True)) == {(i, i) for i in range(5)}
    reader_rows = rows(tables, "preview", "anteprima")
    assert [r.filled for r in reader_rows] == [False, False, True, False, False]
    summary = summarise(tables, "preview", "anteprima", reader_rows)
    assert summary.only_a == summary.only_b == [] and summary.aligned_share == 1.0


def test_only_gaps_of_the_same_few_paragraphs_at_one_place_whose_lengths_fit_are_filled():
    def link(a, b, score=0.9, moved=False):
        return align.Link(tuple(a), tuple(b), score, moved)

    feats = [Counter({"N:1": 1})] * 6
    one = [link([0], [0]), link([1], []), link([], [1]), link([2], [2])]
    # "Here are four things to watch." / "Ecco quattro cose da osservare."
    filled = align.fill_gaps(one, feats, feats, [90, 30, 90], [100, 31, 100], ratio=1.12)
    assert [(k.a, k.b, k.filled) for k in filled] == [
        ((0,), (0,), False),
        ((1,), (1,), True),
        ((2,), (2,), False),
    ]
    # a "Read more" line against a translator's note of 150 characters
    assert align.fill_gaps(one, feats, feats, [90, 9, 90], [100, 150, 100], ratio=1.12) == one
    uneven = [link([0], [0]), link([1], []), link([], [1]), link([], [2]), link([2], [3])]
    assert align.fill_gaps(uneven, feats, feats, [90] * 3, [90] * 4) == uneven
    # B's paragraph 2 was moved up: its neighbour in the gap is not at the same place
    moved = [
        link([0], [0]),
        link([1], [2], moved=True),
        link([2], []),
        link([], [1]),
        link([3], [3]),
    ]
    assert align.fill_gaps(moved, feats, feats, [90] * 4, [90] * 4) == moved
    two = [
        link([0], [0]),
        link([1], []),
        link([2], []),
        link([], [1]),
        link([], [2]),
        link([3], [3]),
    ]
    assert [k.filled for k in align.fill_gaps(two, feats, feats, [90] * 4, [90] * 4)] == [
        False,
        True,
        True,
        False,
    ]


def test_a_translations_short_line_is_linked_and_its_partner_found_from_either_side(corpus):
    # written46's analysis and its Italian translation: "Here are four things to watch." has
    # no anchor, and the Italian article is the `article_b` of the pair
    for name in ("en_analysis.txt", "it_analisi.txt"):
        corpus.add(name, (BENCH / "written46/corpus" / name).read_text(encoding="utf-8"))
    tables = build(corpus.path).tables
    found = align.find_pairs(tables)
    assert list(zip(found.article_a, found.article_b, strict=True)) == [
        ("en_analysis", "it_analisi")
    ]
    assert best_partner(tables, "it_analisi") == "en_analysis"
    p = tables.paragraphs.set_index(["article_id", "paragraph_no"])["text"]
    assert [(k.a, k.b) for k in found.links.iloc[0] if k.filled] == [((8,), (8,)), ((17,), (17,))]
    assert (p["en_analysis", 8], p["it_analisi", 8]) == (
        "Here are four things to watch.",
        "Ecco quattro cose da osservare.",
    )
    assert (p["en_analysis", 17], p["it_analisi", 17]) == ("What comes after", "E dopo")
    summary = summarise(
        tables, "en_analysis", "it_analisi", rows(tables, "en_analysis", "it_analisi")
    )
    assert 8 not in summary.only_a and 8 not in summary.only_b


def test_stories_written_in_two_languages_from_one_set_of_facts_are_not_translations(corpus):
    # written46: a week's previews by different writers from the same facts, and one real
    # translation (en_analysis -> it_analisi); the previews align 0.77-0.94 of their text in
    # strong links, but leave a quarter of their body paragraphs or more unlinked
    for name in ("en_analysis.txt", "it_analisi.txt", "es_claves.html", "fr_semaine.html"):
        corpus.add(name, (BENCH / "written46/corpus" / name).read_text(encoding="utf-8"))
    tables = build(corpus.path).tables
    found = align.find_pairs(tables)
    assert list(zip(found.article_a, found.article_b, strict=True)) == [
        ("en_analysis", "it_analisi")
    ]
    assert best_partner(tables, "fr_semaine") is None
    assert best_partner(tables, "it_analisi") == "en_analysis"
    p = tables.paragraphs.set_index(["article_id", "paragraph_no"])["text"]
    filled = [(k.a, k.b) for k in found.links.iloc[0] if k.filled]
    assert ((8,), (8,)) in filled
    assert (p["en_analysis", 8], p["it_analisi", 8]) == (
        "Here are four things to watch.",
        "Ecco quattro cose da osservare.",
    )
    summary = summarise(tables, "es_claves", "fr_semaine", rows(tables, "es_claves", "fr_semaine"))
    assert summary.aligned_share == 0.0 and 0 < summary.related_share < 0.3  # was 0.95


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


def test_two_different_stories_read_side_by_side_not_one_after_the_other():
    from analysis.reader import Row, side_by_side

    rows = [
        Row((0,), (), 0.0),
        Row((1,), (), 0.0),
        Row((), (0,), 0.0),
        Row((2,), (1,), 0.6, related=True),
        Row((), (2,), 0.0),
        Row((), (3,), 0.0),
        Row((3,), (), 0.0),
    ]
    shown = [(r.a, r.b, r.apart, r.related) for r in side_by_side(rows)]
    assert shown == [
        ((0,), (0,), True, False),  # beside each other, no correspondence claimed
        ((1,), (), False, False),
        ((2,), (1,), False, True),  # the related row stays where it is
        ((3,), (2,), True, False),
        ((), (3,), False, False),
    ]
