"""Term frequencies, scopes, distinctive terms (log-odds) and their charts."""

import math

import pandas as pd
import pytest

from analysis import build
from analysis import terms as T
from analysis.charts import distinctive_terms_bar, top_terms_bar, word_cloud_png

NO_MENTIONS = pd.DataFrame(
    {c: pd.Series(dtype=object) for c in ("article_id", "sent_no", "start_char", "end_char")}
).assign(surface=pd.Series(dtype=object))


def sentences(*texts: str, lang: str = "en") -> pd.DataFrame:
    """One article whose paragraphs are `texts`, one sentence each."""
    rows, pos = [], 0
    for i, text in enumerate(texts):
        rows.append(
            dict(
                article_id="a",
                sent_no=i,
                paragraph_no=i,
                start_char=pos,
                end_char=pos + len(text),
                text=text,
                language=lang,
            )
        )
        pos += len(text) + 1
    return pd.DataFrame(rows)


def mentions(sents: pd.DataFrame, *surfaces: str) -> pd.DataFrame:
    """A mention for every occurrence of each surface in the sentences (as the pipeline
    would write them: offsets into the article text)."""
    rows = []
    for s in sents.itertuples():
        for surface in surfaces:
            at = s.text.find(surface)
            while at >= 0:
                start = s.start_char + at
                rows.append((s.article_id, s.sent_no, start, start + len(surface), surface))
                at = s.text.find(surface, at + len(surface))
    return pd.DataFrame(
        rows, columns=["article_id", "sent_no", "start_char", "end_char", "surface"]
    )


def counts(sents, found=NO_MENTIONS, **kw) -> dict[str, int]:
    c = T.count_terms(sents, found, **kw)
    return dict(zip(c["term"], c["count"], strict=True))


def test_english_stop_words_numbers_clitics_and_lemmas():
    s = sentences(
        "The missiles were launched in 2023, and three more missiles are launching.",
        "Russia's forces' 12,000 troops.",
    )
    assert counts(s) == {"missile": 2, "launch": 2, "russia": 1, "force": 1, "troop": 1}


def test_words_written_with_capitals_inside_sentences_keep_them():
    s = sentences(
        "Officials met Kamoshita in September.",
        "Missiles flew after Kamoshita spoke; the missiles fell in September.",
        "The regime tested an ICBM, its third ICBM this year.",
    )
    got = counts(s)
    assert got["Kamoshita"] == 2 and got["September"] == 2 and got["ICBM"] == 2
    assert got["missile"] == 2  # capitalised only where it opens a sentence
    assert not {"kamoshita", "september", "icbm", "Missile"} & set(got)


def test_names_of_several_capitalised_words_are_one_term():
    s = sentences(
        "Officials in New York and Hong Kong met Ankit Panda of the Carnegie Endowment.",
        "New York Times reporters said the talks in New York failed.",
    )
    c = counts(s)
    assert c["New York"] == 2 and c["Hong Kong"] == 1 and c["New York Times"] == 1
    assert c["Ankit Panda"] == 1 and c["Carnegie Endowment"] == 1
    assert "York" not in c and "new" not in c and "Kong" not in c
    # an actor mention in between ends a name: "Japan" is not part of one
    m = mentions(s, "Hong Kong")
    assert "Hong Kong" in counts(s, m) and counts(s, m)["New York"] == 2


def test_title_case_and_capitalised_nouns_make_no_names():
    headline = counts(sentences("Tokyo Warns Of Growing Threat From The North"))
    assert "Growing Threat" not in headline and "Threat" in headline
    german = counts(sentences("Die Regierung kritisierte die Raketentests scharf.", lang="de"))
    assert "Regierung" in german and not any(" " in t for t in german)
    lower = counts(sentences("The minister spoke in new york about trade."))
    assert "york" in lower and "new york" not in lower


def test_italian_elisions_split_and_stop_words_dropped_before_lemmas():
    s = sentences(
        "L'invasione dell'Ucraina e l’esercito dei russi, nell'anno degli accordi: "
        "due armi all'Onu.",
        lang="it",
    )
    got = counts(s)
    # "dei" is a stop word: it must not become "dio" (the lookup table's lemma for it);
    # "armi" is the noun "arma", not the verb "armare"; no "l", "dell", "nell" fragments.
    assert got == {
        "invasione": 1,
        "Ucraina": 1,
        "esercito": 1,
        "russo": 1,
        "accordo": 1,
        "arma": 1,
        "Onu": 1,
    }


def test_spanish_and_french():
    es = sentences(
        "Los misiles de Rusia y los misiles del país fueron lanzados en 2023.", lang="es"
    )
    assert counts(es) == {"misil": 2, "Rusia": 1, "país": 1, "lanzar": 1}
    fr = sentences("L'État d'Ukraine envoie des missiles qu'il fabrique.", lang="fr")
    got = counts(fr)
    assert {"état", "Ukraine", "envoyer", "missile"} <= set(got)  # "L'État" opens it
    assert not {"l", "d", "qu", "des", "il"} & set(got)


def test_word_term_rules():
    assert T.word_term("dell'Ucraina", "it") == "ucraina"  # an elision the tokenizer kept
    assert T.word_term("Russia’s", "en") == "russia"  # a possessive the tokenizer kept
    assert T.word_term("aujourd'hui", "fr") == "aujourd'hui"  # not an elision
    for token, lang in [("l'", "it"), ("nell’", "it"), ("’s", "en"), ("n't", "en")]:
        assert T.word_term(token, lang) is None, token  # elided words and clitics
    for token in ("2023", "1990s", "12,000", "—", "x", "The", "because"):
        assert T.word_term(token, "en") is None, token
    assert T.word_term("seven", "en", like_num=True) is None
    for token in ("a.m.", "p.m", "e.g.", "i.e."):  # time marks and Latin abbreviations
        assert T.word_term(token, "en") is None, token
    assert T.word_term("Mrs.", "en") != "mrs." and T.word_term("war.", "en") == "war"


def test_mentions_are_whole_terms_and_can_be_left_out():
    s = sentences(
        "Kim Jong-un met Kim Jong Un's envoy at the UN Security Council.",
        "The Security Council met again.",
    )
    found = mentions(s, "Kim Jong-un", "Kim Jong Un", "UN Security Council", "Security Council")
    # "Security Council" inside "UN Security Council" is one mention, not two.
    found = found[~((found["surface"] == "Security Council") & (found["sent_no"] == 0))]
    # Spellings that differ in case or hyphens are one name (ties: alphabetical spelling).
    assert counts(s, found) == {
        "Kim Jong Un": 2,
        "Security Council": 1,
        "UN Security Council": 1,
        "meet": 2,
        "envoy": 1,
    }
    assert counts(s, found, exclude_actors=True) == {"meet": 2, "envoy": 1}
    occ = T.term_occurrences(s, found)
    names = occ[occ["is_actor"]]
    assert s["text"].iloc[0][names["start_char"].iloc[0] : names["end_char"].iloc[0]] == (
        "Kim Jong-un"
    )


def test_a_name_is_one_term_in_every_selection():
    s = sentences("Kim Jong-un spoke.", "KIM JONG UN SPOKE", "Kim Jong Un left. Kim Jong Un won.")
    found = mentions(s, "Kim Jong-un", "KIM JONG UN", "Kim Jong Un")
    each = [counts(s[s["sent_no"] == i], found) for i in range(3)]
    assert [c.get("Kim Jong Un") for c in each] == [1, 1, 2]  # the most frequent spelling
    # Where the mentions carry the actor's canonical name, that is the spelling.
    named = found.assign(actor_name="Kim Jong-un")
    assert counts(s[s["sent_no"] == 2], named)["Kim Jong-un"] == 2


def test_real_pipeline_keeps_gazetteer_names_whole(corpus, tmp_path):
    corpus.add(
        "a.txt",
        "North Korea fires missiles as the UN Security Council meets\n\n"
        "Kim Jong Un watched North Korea's newest missiles launch on Monday, while the "
        "Security Council met in New York. Russia's envoy said the sanctions were failing.\n",
    )
    tables = build(corpus.path, cache=tmp_path / "cache").tables
    c = T.count_terms(tables.sentences, tables.mentions)
    got = dict(zip(c["term"], c["count"], strict=True))
    assert got["North Korea"] == 2 and got["Kim Jong Un"] == 1
    assert "Security Council" in got and got["missile"] == 2
    assert not {"north", "korea", "kim", "jong", "security", "s", "'s"} & set(got)
    assert set(c.loc[c["is_actor"], "term"]) == {
        T.mention_term(m) for m in tables.mentions["surface"]
    }
    without = T.count_terms(tables.sentences, tables.mentions, exclude_actors=True)
    assert not without["is_actor"].any()
    words = c[~c["is_actor"]].reset_index(drop=True)
    pd.testing.assert_frame_equal(without, words, check_dtype=False)


def test_empty_selection():
    empty = sentences()
    assert T.count_terms(empty, NO_MENTIONS).empty
    assert list(T.count_terms(empty, NO_MENTIONS).columns) == ["term", "count", "is_actor"]
    with pytest.raises(ValueError):
        word_cloud_png(T.count_terms(empty, NO_MENTIONS))


def test_scopes_pick_their_sentences(seed_tables):
    t = seed_tables
    options = T.scope_options(t)
    assert options[0] == T.Scope() and T.Scope.parse("") == T.Scope()
    assert all(T.Scope.parse(str(s)) == s for s in options)
    with pytest.raises(ValueError):
        T.Scope.parse("colour:blue")
    assert len(T.scope_sentences(t, T.Scope())) == len(t.sentences)
    first = t.articles["article_id"].iloc[0]
    got = T.scope_sentences(t, T.Scope(T.ARTICLE, first))
    assert set(got["article_id"]) == {first}
    assert len(got) == (t.sentences["article_id"] == first).sum()
    it = T.scope_sentences(t, T.Scope(T.LANGUAGE, "it"))
    assert len(it) == (t.sentences["language"] == "it").sum() > 0
    source = "The Yomiuri Shimbun"
    ids = set(t.articles.loc[t.articles["source"] == source, "article_id"])
    assert set(T.scope_sentences(t, T.Scope(T.SOURCE, source))["article_id"]) == ids
    m = t.mentions
    for actor in ("JPN", "PERSON:Kim Jong Un"):
        hit = m[(m["state_id"] == actor) | (m["actor_id"] == actor)]
        want = set(zip(hit["article_id"], hit["sent_no"], strict=True))
        got = T.scope_sentences(t, T.Scope(T.ACTOR, actor))
        assert set(zip(got["article_id"], got["sent_no"], strict=True)) == want
        assert len(got) == len(want)


def test_log_odds_on_a_hand_computed_example():
    a = pd.DataFrame({"term": ["x", "y"], "count": [3, 1]})
    b = pd.DataFrame({"term": ["x", "y"], "count": [1, 3]})
    # α0 = 4, both selections together: x 4, y 4 of 8, so α_x = α_y = 4·4/8 = 2; n_a = n_b = 4.
    # δ_x = log((3+2)/(4+4−3−2)) − log((1+2)/(4+4−1−2)) = log(5/3) − log(3/5) = 2·log(5/3)
    # var = 1/(3+2) + 1/(1+2) = 8/15
    got = T.distinctive_terms(a, b, alpha0=4)
    assert got["term"].tolist() == ["x", "y"]
    assert got["count_a"].tolist() == [3, 1] and got["count_b"].tolist() == [1, 3]
    assert got["log_odds"].tolist() == pytest.approx([2 * math.log(5 / 3), -2 * math.log(5 / 3)])
    assert got["z"].iloc[0] == pytest.approx(2 * math.log(5 / 3) / math.sqrt(8 / 15))
    assert got["z"].iloc[0] == pytest.approx(1.39895, abs=1e-5)


def test_log_odds_prior_follows_the_combined_counts():
    a = pd.DataFrame({"term": ["x", "y"], "count": [2, 2]})
    b = pd.DataFrame({"term": ["x"], "count": [4]})
    # α0 = 8, together x 6, y 2 of 8: α_x = 6, α_y = 2; n_a = n_b = 4.
    # δ_x = log((2+6)/(4+8−2−6)) − log((4+6)/(4+8−4−6)) = log 2 − log 5 = −0.916291
    # var_x = 1/8 + 1/10 → z_x = −1.931710
    # δ_y = log((2+2)/(4+8−2−2)) − log((0+2)/(4+8−0−2)) = log(1/2) − log(1/5) = 0.916291
    # var_y = 1/4 + 1/2 → z_y = 1.058041
    got = T.distinctive_terms(a, b, alpha0=8).set_index("term")
    assert got.loc["x", "log_odds"] == pytest.approx(-0.916291, abs=1e-6)
    assert got.loc["y", "log_odds"] == pytest.approx(0.916291, abs=1e-6)
    assert got.loc["x", "z"] == pytest.approx(-1.931710, abs=1e-6)
    assert got.loc["y", "z"] == pytest.approx(1.058041, abs=1e-6)
    assert got.index.tolist() == ["y", "x"]  # by z, A's terms first


def test_log_odds_with_a_term_on_one_side_only():
    a = pd.DataFrame({"term": ["x"], "count": [2]})
    b = pd.DataFrame({"term": ["y"], "count": [2]})
    # α0 = 2: α_x = α_y = 2·2/4 = 1; n_a = n_b = 2.
    # δ_x = log((2+1)/(2+2−2−1)) − log((0+1)/(2+2−0−1)) = log 3 − log(1/3) = 2·log 3
    # var = 1/3 + 1/1 = 4/3
    got = T.distinctive_terms(a, b, alpha0=2).set_index("term")
    assert got.loc["x", "log_odds"] == pytest.approx(2 * math.log(3))
    assert got.loc["x", "z"] == pytest.approx(2 * math.log(3) / math.sqrt(4 / 3))
    assert got.loc["y", "z"] == pytest.approx(-got.loc["x", "z"])
    assert (got.loc["x", "count_a"], got.loc["x", "count_b"]) == (2, 0)
    assert T.distinctive_terms(a.iloc[:0], b.iloc[:0]).empty


def test_distinctive_terms_on_real_text_and_swap_symmetry():
    japan = sentences("Japan urges sanctions. Japan urges sanctions on missiles.")
    russia = sentences("Russia sends missiles and shells, more shells and drones.")
    ca, cb = T.count_terms(japan, NO_MENTIONS), T.count_terms(russia, NO_MENTIONS)
    ab = T.distinctive_terms(ca, cb).set_index("term")
    ba = T.distinctive_terms(cb, ca).set_index("term")
    assert ab.loc["sanction", "z"] > 0 > ab.loc["shell", "z"]
    assert ab["z"].sort_index().to_numpy() == pytest.approx(-ba["z"].sort_index().to_numpy())
    # A term used as often on both sides, relative to their sizes, is not distinctive.
    assert abs(ab.loc["missile", "z"]) < abs(ab.loc["sanction", "z"])


def test_keyword_in_context_shows_the_words_as_written():
    s = sentences("Two missiles flew.", "The Missile hit a ship near missiles.")
    occ = T.term_occurrences(s, NO_MENTIONS)
    kwic = T.keyword_in_context(occ, s, "missile")
    assert kwic["match"].tolist() == ["missiles", "Missile", "missiles"]
    assert kwic["paragraph_no"].tolist() == [0, 1, 1]
    for row in kwic.itertuples():
        assert row.left + row.match + row.right == s.loc[row.sent_no, "text"]
    long = sentences("word " * 40 + "missiles " + "word " * 40)
    cut = T.keyword_in_context(T.term_occurrences(long, NO_MENTIONS), long, "missile", width=30)
    assert cut["left"].iloc[0].startswith("…") and cut["right"].iloc[0].endswith("…")
    assert len(cut["left"].iloc[0]) <= 31 and len(cut["right"].iloc[0]) <= 31


def test_charts_carry_the_terms():
    terms = pd.DataFrame(
        {
            "term": ["a", "b", "c", "d"],
            "count_a": [5, 3, 1, 0],
            "count_b": [0, 1, 3, 6],
            "log_odds": [2.0, 0.5, -0.5, -2.0],
            "z": [2.5, 0.8, -0.7, -3.0],
        }
    )
    fig = distinctive_terms_bar(terms, n=1)
    data = fig.to_dict()["data"]
    assert [list(d["y"]) for d in data] == [["a"], ["d"]]
    assert fig.data[0].x[0] == 2.5 and fig.data[1].x[0] == -3.0  # A right, B left
    assert [d["customdata"][0][0] for d in data] == ["a", "d"]
    counts_df = pd.DataFrame({"term": ["x", "y"], "count": [4, 2], "is_actor": [True, False]})
    bar = top_terms_bar(counts_df).to_dict()["data"][0]
    assert list(bar["y"]) == ["y", "x"] and [c[0] for c in bar["customdata"]] == ["y", "x"]


def test_word_cloud_is_a_deterministic_png():
    c = pd.DataFrame(
        {"term": ["missile", "North Korea", "sanction"], "count": [5, 3, 1], "is_actor": [0, 1, 0]}
    )
    first = word_cloud_png(c, width=300, height=200)
    assert first.startswith(b"\x89PNG\r\n\x1a\n")
    assert word_cloud_png(c, width=300, height=200) == first
    assert word_cloud_png(c, width=300, height=200, random_state=1) != first


def test_scope_labels_are_each_scopes_description(seed_tables):
    labels = T.scope_labels(seed_tables)
    scopes = T.scope_options(seed_tables)
    assert list(labels) == [str(s) for s in scopes]
    assert labels == {str(s): T.describe(s, seed_tables) for s in scopes}
    assert labels["article:000_466074d7abe5a936"].startswith("Article 000 · ")


def test_prepare_loads_what_counting_terms_in_the_corpus_languages_needs():
    frame = pd.concat([sentences("Una frase.", lang="it"), sentences("A line.", lang="")])
    assert T.term_languages(frame) == sorted(["it", T.config.UNKNOWN_LANGUAGE])
    assert T.term_languages(frame.iloc[:0]) == []
    T.prepare(T.term_languages(frame))
    loaded = T.get_pipeline.cache_info().misses
    T.get_pipeline("it")
    T.get_pipeline(T.config.UNKNOWN_LANGUAGE)
    assert T.get_pipeline.cache_info().misses == loaded  # both were loaded already
    before = T._lemmas.cache_info().misses
    T.lemma("armi", "it")
    assert T._lemmas.cache_info().misses == before
