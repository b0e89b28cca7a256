"""Sentiment toward states: targets, the lexicon method, aggregation, the table, the CLI."""

import json
import subprocess
import sys

import numpy as np
import pandas as pd
import pytest

from analysis import sentiment as S
from analysis.schema import Tables
from tests.conftest import ROOT


def target(sentence: str, language: str, mine: list[str], others: list[str] = ()) -> S.Target:
    def spans(words):
        return tuple((sentence.index(w), sentence.index(w) + len(w)) for w in words)

    return S.Target("a", 0, 0, "X", sentence, language, spans(mine), spans(others))


def test_targets_group_mentions_by_state_and_skip_unscorable_languages():
    sentences = [
        (0, 0, 0, "Putin said Russia would answer.", "en"),
        (1, 0, 32, "Japan met.", "en"),
        (2, 1, 43, "Ruusia ja Japani.", "fi"),  # no method for Finnish
    ]
    mentions = [(0, 0, 5, "RUS"), (0, 11, 17, "RUS"), (1, 32, 37, "JPN"), (2, 43, 49, "RUS")]
    found = S.targets_of("a", sentences, mentions)
    assert [(t.sent_no, t.state_id, t.spans) for t in found] == [
        (0, "RUS", ((0, 5), (11, 17))),
        (1, "JPN", ((0, 5),)),
    ]


def spans_of(sentence: str, *words: str) -> list[tuple[int, int]]:
    return [(sentence.index(w), sentence.index(w) + len(w)) for w in words]


def test_conjuncts_are_the_mentions_of_one_list():
    text = "Japan fears that Russia and North Korea, not China, will deal, Seoul said."
    spans = spans_of(text, "Japan", "Russia", "North Korea", "China", "Seoul")
    assert S.conjuncts(text, spans) == [[1, 2]]  # the list ends at its "and"
    text = "The United States, Japan, and South Korea warned Russia and Iran or Syria."
    spans = spans_of(text, "United States", "Japan", "South Korea", "Russia", "Iran", "Syria")
    assert S.conjuncts(text, spans) == [[0, 1, 2], [3, 4]]
    text = "Parts reached Russia, U.S. officials said."  # commas alone make no list
    assert S.conjuncts(text, spans_of(text, "Russia", "U.S.")) == []
    text = "Russia's war and North Korea's shells"  # words between: no list
    assert S.conjuncts(text, spans_of(text, "Russia", "North Korea")) == []


class FixedModel:
    """Gives each marked mention the reading of its surface."""

    def __init__(self, readings: dict[str, tuple[float, float, float]]):
        self.readings = readings

    def predict(self, items):
        return np.array(
            [
                self.readings[item.sentence[s:e]]
                for item in items
                for target in item.targets
                for s, e in target
            ],
            dtype=np.float32,
        )


def test_coordinated_mentions_share_the_most_polar_reading(monkeypatch):
    text = "Cooperation between Moscow and Pyongyang worries Japan, Russia says."
    readings = {
        "Moscow": (0.9, 0.1, 0.0),
        "Pyongyang": (0.2, 0.8, 0.0),
        "Japan": (0.0, 1.0, 0.0),
        "Russia": (0.0, 0.2, 0.8),
    }
    monkeypatch.setattr(S.tsc, "shared_model", lambda: FixedModel(readings))
    sentences = [(0, 0, 0, text, "en")]
    mentions = [
        (0, *span, state)
        for span, state in zip(
            spans_of(text, "Moscow", "Pyongyang", "Japan", "Russia"),
            ["RUS", "PRK", "JPN", "RUS"],
            strict=True,
        )
    ]
    probs, methods, read_with = S.score_targets(S.targets_of("a", sentences, mentions))
    # North Korea reads as Moscow does; Russia is the mean of "Moscow" and "Russia"
    assert methods == ["model"] * 3
    np.testing.assert_allclose(probs, [[0.45, 0.15, 0.4], [0.9, 0.1, 0.0], [0, 1, 0]], atol=1e-6)
    assert read_with == ["", "RUS", ""]  # the evidence says whose reading North Korea took


def test_the_model_reads_both_partners_of_a_deal_alike():
    text = "Japan voiced concern over arms deals between Russia and North Korea."
    sentences = [(0, 0, 0, text, "en")]
    spans = spans_of(text, "Japan", "Russia", "North Korea")
    mentions = [(0, *span, s) for span, s in zip(spans, ["JPN", "RUS", "PRK"], strict=True)]
    probs, _, _ = S.score_targets(S.targets_of("a", sentences, mentions))
    labels = probs.argmax(axis=1)
    assert labels[1] == labels[2] == 0  # both negative
    assert labels[0] == 1  # the one voicing concern is not


def test_lexicon_blames_the_condemned_not_the_one_condemning():
    s = "Il G7 ha condannato duramente la Corea del Nord per i lanci di missili."
    assert S.lexicon_score(target(s, "it", ["Corea del Nord"], ["G7"])) < -S.LEXICON_THRESHOLD
    assert S.lexicon_score(target(s, "it", ["G7"], ["Corea del Nord"])) == 0.0


def test_lexicon_blames_what_worries_not_the_one_worried():
    cases = [  # (language, sentence, the cause, the one worried)
        ("es", "El acercamiento entre Rusia y Corea del Norte preocupa a Japón", "Rusia", "Japón"),
        ("it", "Il riarmo della Cina preoccupa il Giappone.", "Cina", "Giappone"),
        ("fr", "Les ambitions de l'Éthiopie inquiètent l'Égypte.", "Éthiopie", "Égypte"),
        # reflexive: the one worried is the subject, the worry is about what follows
        ("es", "Japón se preocupa por el programa de Corea del Norte.", "Corea del Norte", "Japón"),
        ("pt", "O Japão preocupa-se com o plano da Coreia do Norte.", "Coreia do Norte", "Japão"),
        ("fr", "L'Égypte s'inquiète des ambitions de l'Éthiopie.", "Éthiopie", "Égypte"),
    ]
    for language, s, cause, worried in cases:
        assert S.lexicon_score(target(s, language, [cause], [worried])) < 0, s
        assert S.lexicon_score(target(s, language, [worried], [cause])) == 0.0, s


def test_lexicon_does_not_blame_whom_an_act_is_against():
    s = "L'aggressione della Russia contro l'Ucraina continua."
    assert S.lexicon_score(target(s, "it", ["Russia"], ["Ucraina"])) < 0
    assert S.lexicon_score(target(s, "it", ["Ucraina"], ["Russia"])) == 0.0
    s = "Los ataques contra el Líbano siguieron."
    assert S.lexicon_score(target(s, "es", ["Líbano"])) == 0.0
    # a stance toward what follows still counts for it: the sanctioned are blamed
    s = "Die EU prüft neue Sanktionen gegen Russland."
    assert S.lexicon_score(target(s, "de", ["Russland"], ["EU"])) < 0


def test_lexicon_negation_flips_and_names_do_not_count():
    s = "España no condena el acuerdo de paz con Marruecos."
    assert S.lexicon_score(target(s, "es", ["Marruecos"], ["España"])) > 0
    united = "The United Nations met on Monday."
    assert S.lexicon_score(target(united, "en", ["United Nations"])) == 0.0


def test_lexicon_terms_are_found_after_an_elision():
    s = "La Russia ha avviato l'invasione dell'Ucraina nel 2022."
    assert S.lexicon_score(target(s, "it", ["Russia"], ["Ucraina"])) < -S.LEXICON_THRESHOLD
    s = "La Russie poursuit l'invasion de l'Ukraine."
    assert S.lexicon_score(target(s, "fr", ["Russie"], ["Ukraine"])) < -S.LEXICON_THRESHOLD


def test_lexicons_read_coups_interference_and_mediation():
    s = "La injerencia de México en Perú continúa."
    assert S.lexicon_score(target(s, "es", ["México"], ["Perú"])) < -S.LEXICON_THRESHOLD
    s = "Militares da Guiné-Bissau consumaram um golpe."
    assert S.lexicon_score(target(s, "pt", ["Guiné-Bissau"])) < -S.LEXICON_THRESHOLD
    s = "Katar übernahm die Vermittlung zwischen den Parteien."
    assert S.lexicon_score(target(s, "de", ["Katar"])) > S.LEXICON_THRESHOLD
    # a document's annex is no annexation
    s = "La France publie le texte en annexe."
    assert S.lexicon_score(target(s, "fr", ["France"])) == 0.0


def test_lexicons_read_blocking_bans_rescue_solidarity_and_success():
    cases = [  # (language, sentence, the state read, its sign)
        ("es", "Hungría bloqueó el paquete de sanciones de la Unión Europea.", "Hungría", -1),
        ("it", "Pechino ha imposto un divieto sulle esportazioni verso Tokyo.", "Pechino", -1),
        ("de", "Berlin begrüßte Warschaus Einigung mit Vilnius.", "Warschau", 1),
        ("it", "La Guardia costiera italiana ha soccorso 47 persone.", "italiana", 1),
        ("pt", "Portugal manifestou solidariedade com Moçambique.", "Portugal", 1),
        ("fr", "La Hongrie a bloqué le vote.", "Hongrie", -1),
        # negated success: "no logró"
        ("es", "Venezuela no logró frenar la crisis.", "Venezuela", -1),
    ]
    for language, s, state, sign in cases:
        score = S.lexicon_score(target(s, language, [state]))
        assert score * sign > S.LEXICON_THRESHOLD, (s, score)


def test_lexicons_praise_what_is_welcomed_not_who_welcomes_it_and_read_shells():
    # welcoming is a stance toward what follows: the one who welcomes is not praised
    s = "Tokio celebró la decisión de Pekín como un paso positivo."
    assert S.lexicon_score(target(s, "es", ["Pekín"], ["Tokio"])) > S.LEXICON_THRESHOLD
    assert S.lexicon_score(target(s, "es", ["Tokio"], ["Pekín"])) == 0.0
    s = "Berlin begrüßte die Einigung mit Warschau."
    assert S.lexicon_score(target(s, "de", ["Berlin"], ["Warschau"])) == 0.0
    # "celebrar maniobras" is holding drills, no praise for who holds them
    s = "Rusia y Corea del Norte celebraron maniobras navales conjuntas."
    assert S.lexicon_score(target(s, "es", ["Corea del Norte"], ["Rusia"])) <= 0
    # shells and projectiles sent are arms transfers
    s = "Corea del Norte enviaba obuses."
    assert S.lexicon_score(target(s, "es", ["Corea del Norte"])) < -S.LEXICON_THRESHOLD
    s = "La Corea del Nord inviava proiettili."
    assert S.lexicon_score(target(s, "it", ["Corea del Nord"])) < -S.LEXICON_THRESHOLD


def test_lexicon_exceptions_keep_a_prefix_from_catching_other_words():
    s = "Il rappresentante della Russia ha parlato il giorno successivo."
    assert S.lexicon_score(target(s, "it", ["Russia"])) == 0.0
    s = "El representante de Rusia habló ayer."
    assert S.lexicon_score(target(s, "es", ["Rusia"])) == 0.0
    s = "Die Reise Russlands erfolgt im Mai."
    assert S.lexicon_score(target(s, "de", ["Russlands"])) == 0.0
    assert S.lexicon("es").weight("represión")[0] < 0  # the prefix still counts


def test_lexicon_rows_are_probabilities():
    items = [
        target("La Russia minaccia e attacca l'Ucraina.", "it", ["Russia"], ["Ucraina"]),
        target("La Russia ha votato.", "it", ["Russia"]),
    ]
    probs = S.lexicon_scores(items)
    assert np.allclose(probs.sum(axis=1), 1.0)
    assert probs[0].argmax() == 0 and probs[1].argmax() == 1


def test_article_sentiment_mean_interval_and_stance():
    rows = pd.DataFrame(
        {
            "article_id": ["a"] * 4 + ["b"] * 2,
            "actor_id": ["RUS"] * 4 + ["JPN"] * 2,
            "score": [-0.8, -0.6, -0.9, -0.7, 0.9, 0.8],
            "label": ["neg"] * 4 + ["pos"] * 2,
            "method": ["model"] * 6,
        }
    )
    out = S.article_sentiment(rows).set_index("actor_id")
    sd = np.std([-0.8, -0.6, -0.9, -0.7], ddof=1)
    assert out.at["RUS", "score"] == pytest.approx(-0.75)
    assert out.at["RUS", "high"] == pytest.approx(-0.75 + 1.96 * sd / 2, abs=1e-4)
    assert out.at["RUS", "label"] == "neg" and out.at["RUS", "n_neg"] == 4
    assert out.at["JPN", "label"] == ""  # two sentences: too little evidence
    assert S.stance(0.02, -0.1, 0.14, 5, 1, 1) == "neu"
    assert S.stance(0.1, -0.5, 0.7, 5, 1, 2) == ""


def test_neutral_sentences_leaning_one_way_are_no_stance():
    """Eight neutral readings whose scores lean negative (an interval that excludes 0) do
    not make the article negative toward the state: no sentence says so."""
    scores = [-0.02, -0.05, -0.15, -0.18, 0.0, -0.16, -0.13, -0.01]
    rows = pd.DataFrame(
        {
            "article_id": ["a"] * 8,
            "actor_id": ["G7"] * 8,
            "score": scores,
            "label": ["neu"] * 8,
            "method": ["model"] * 8,
        }
    )
    out = S.article_sentiment(rows).iloc[0]
    assert out["high"] < 0 and out["label"] == "neu"
    # nor does one positive sentence among five neutral ones leaning positive
    assert S.stance(0.22, 0.03, 0.41, 6, 0, 1) == "neu"
    # three negative sentences of three, or two of three beside a neutral one, are a stance
    assert S.stance(-0.8, -0.9, -0.7, 3, 3, 0) == "neg"
    assert S.stance(-0.6, -0.9, -0.2, 3, 2, 0) == "neg"
    assert S.stance(0.6, 0.2, 0.9, 4, 0, 3) == "pos"


def test_seed_tables_have_sentiment_from_both_methods(seed_tables):
    s = seed_tables.sentiment
    assert set(s["method"]) == {"model", "lexicon", "projected"}
    arts = seed_tables.articles.set_index("article_id")["language"]
    english = s["language"] == "en"
    assert (s.loc[english, "method"] == "model").all()
    assert set(s.loc[~english, "method"]) == {"lexicon", "projected"}
    # the Italian translation reads its projected rows through its English original
    projected = s[s["method"] == "projected"]
    assert set(projected["via"]) == {arts.index[arts.index.str.startswith("000")][0]}
    assert s["score"].between(-1, 1).all() and set(s["label"]) <= {"neg", "neu", "pos"}
    assert set(s["article_id"]) == set(arts.index)
    # every row's spans point at a mention of its state in that sentence
    row = s.iloc[0]
    text = seed_tables.sentences.set_index(["article_id", "sent_no"]).at[
        (row["article_id"], row["sent_no"]), "text"
    ]
    mentions = seed_tables.mentions
    surfaces = set(
        mentions[
            (mentions["article_id"] == row["article_id"])
            & (mentions["sent_no"] == row["sent_no"])
            & (mentions["state_id"] == row["actor_id"])
        ]["surface"]
    )
    assert {text[a:b] for a, b in S.parse_spans(row["spans"])} <= surfaces
    cells = seed_tables.article_sentiment
    counts = s.groupby(["article_id", "actor_id"]).size()
    for c in cells.itertuples():
        assert c.n_sentences == counts[(c.article_id, c.actor_id)]


def test_by_source_counts_a_translation_once(seed_tables):
    tables = Tables(**dict(seed_tables.items()))
    frame = S.by_source(tables, "RUS")
    assert frame["score"].is_monotonic_increasing
    italian = tables.articles[tables.articles["language"] == "it"]["article_id"].tolist()
    used = set(tables.sentiment[tables.sentiment["actor_id"] == "RUS"]["article_id"]) - set(italian)
    assert frame["articles"].sum() == len(used)


def test_sentiment_predict_cli(tmp_path):
    src = tmp_path / "in.jsonl"
    rows = [
        {"sentence": "Critics accused Russia of war crimes.", "from": 16, "to": 22},
        {"sentence": "Observers praised Japan warmly.", "from": 18, "to": 23, "id": "x"},
    ]
    src.write_text("\n".join(json.dumps(r) for r in rows) + "\n", encoding="utf-8")
    out = tmp_path / "out.jsonl"
    cmd = [sys.executable, "-m", "analysis", "sentiment-predict", str(src), str(out)]
    done = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    got = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [g["predicted"] for g in got] == [-1, 1] and got[1]["id"] == "x"
    src.write_text('{"sentence": "Short.", "from": 3, "to": 99}\n', encoding="utf-8")
    bad = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True)
    assert bad.returncode == 1 and "line 1" in bad.stderr and "Traceback" not in bad.stderr


def test_projection_reads_a_translation_through_its_original(seed_tables):
    tables = Tables(**dict(seed_tables.items()))
    s = tables.sentiment
    original = s[s["method"] == "model"]
    for row in s[s["method"] == "projected"].head(20).itertuples():
        source = original[
            (original["article_id"] == row.via) & (original["actor_id"] == row.actor_id)
        ]
        assert len(source)  # the state is scored in the original too
        assert row.label in set(source["label"])
    # with no alignment, nothing is projected: every Italian row is the lexicon's
    bare = Tables(**{**dict(seed_tables.items()), "alignments": tables.alignments.iloc[0:0]})
    lexicon_only = S.project(
        Tables(
            **{
                **dict(bare.items()),
                "sentiment": s.assign(
                    method=s["language"].map(lambda x: "model" if x == "en" else "lexicon"),
                    via="",
                ),
            }
        )
    )
    assert set(lexicon_only["method"]) == {"model", "lexicon"}


def test_a_paragraph_split_in_two_by_its_translation_pairs_sentence_by_sentence():
    # original "a": one paragraph of two sentences; translation "b": two paragraphs of one
    # sentence each, linked 1-2 to it: each translated sentence reads its own original
    from types import SimpleNamespace

    rows = [
        ("a", 0, 0, 0, 100),
        ("a", 1, 0, 101, 150),
        ("b", 0, 0, 0, 110),
        ("b", 1, 1, 112, 170),
    ]
    sentences = pd.DataFrame(
        rows, columns=["article_id", "sent_no", "paragraph_no", "start_char", "end_char"]
    )
    links = pd.DataFrame({"paragraph_a": [0, 0], "paragraph_b": [0, 1]})
    pairs = S._sentence_pairs(SimpleNamespace(sentences=sentences), "a", "b", links)
    assert pairs == {0: {0}, 1: {1}}
    # one paragraph each, linked 1-1: by relative position as before
    links = pd.DataFrame({"paragraph_a": [0], "paragraph_b": [0]})
    assert S._sentence_pairs(SimpleNamespace(sentences=sentences), "a", "b", links) == {0: {0, 1}}


@pytest.mark.parametrize(
    "language, sentence, blamed, other",
    [
        ("nl", "Japan veroordeelt Rusland.", "Rusland", "Japan"),
        ("sv", "Japan fördömer Ryssland.", "Ryssland", "Japan"),
    ],
)
def test_dutch_and_swedish_have_a_lexicon(language, sentence, blamed, other):
    assert S.method_for(language) == "lexicon"
    assert S.lexicon_score(target(sentence, language, [blamed], [other])) < 0
    assert S.lexicon_score(target(sentence, language, [other], [blamed])) == 0.0


@pytest.mark.parametrize("language", ["da", "nb"])
def test_danish_and_norwegian_have_a_lexicon(language):
    assert S.method_for(language) == "lexicon"


def test_danish_and_norwegian_lexicons_blame_the_condemned_and_the_cause():
    cases = [  # (language, sentence, blamed, not blamed)
        ("da", "Japan fordømmer Rusland.", "Rusland", "Japan"),
        ("nb", "Japan fordømmer Russland.", "Russland", "Japan"),
        # what worries is blamed, not the one worried
        ("da", "Ruslands planer bekymrer Japan.", "Ruslands", "Japan"),
        ("nb", "Russlands planer bekymrer Japan.", "Russlands", "Japan"),
        # reflexive: the one worried is the subject, the worry is about what follows
        ("da", "Japan bekymrer sig over Nordkoreas program.", "Nordkoreas", "Japan"),
        ("nb", "Japan bekymrer seg over Nord-Koreas program.", "Nord-Koreas", "Japan"),
        # "mod", "mot": an attack against a state does not blame it
        ("da", "Ruslands angreb mod Ukraine fortsætter.", "Ruslands", "Ukraine"),
        ("nb", "Russlands angrep mot Ukraina fortsetter.", "Russlands", "Ukraina"),
    ]
    for language, s, blamed, other in cases:
        assert S.lexicon_score(target(s, language, [blamed], [other])) < -S.LEXICON_THRESHOLD, s
        assert S.lexicon_score(target(s, language, [other], [blamed])) == 0.0, s


def test_danish_and_norwegian_lexicons_flip_negation_and_read_the_families():
    for language, s in [
        ("da", "Danmark har {}fordømt Marokko."),
        ("nb", "Norge har {}fordømt Marokko."),
    ]:
        assert S.lexicon_score(target(s.format(""), language, ["Marokko"])) < 0
        assert S.lexicon_score(target(s.format("ikke "), language, ["Marokko"])) > 0
    cases = [  # (language, sentence, the state read, its sign)
        ("da", "Qatar leder mæglingen mellem parterne.", "Qatar", 1),
        ("nb", "Norge leder meklingen mellom partene.", "Norge", 1),
        ("da", "Japan undskyldte overfor Sydkorea.", "Japan", 1),
        ("nb", "Japan unnskyldte seg overfor Sør-Korea.", "Japan", 1),
        ("da", "Militæret i Niger gennemførte et kup.", "Niger", -1),
        ("nb", "Militæret i Niger gjennomførte et kupp.", "Niger", -1),
        ("nb", "Norge uttrykte solidaritet med Ukraina.", "Norge", 1),
    ]
    for language, s, state, sign in cases:
        score = S.lexicon_score(target(s, language, [state]))
        assert score * sign > S.LEXICON_THRESHOLD, (s, score)


def test_danish_and_norwegian_short_stems_catch_no_names_or_common_words():
    # "fred*" would catch Frederiksen and fredag, "tru*" Trump, "seier*" Seierstad, "vold*"
    # volde (to cause) and voldgift (arbitration): those stems are listed as exact forms
    cases = [
        ("da", "Frederiksen og Trump talte om Danmark fredag.", "Danmark"),
        ("nb", "Åsne Seierstad skrev om Norge fredag.", "Norge"),
        ("da", "Sagen volder Danmark problemer ved voldgiftsretten.", "Danmark"),
        ("nb", "Saken volder Norge problemer i voldgiftsretten.", "Norge"),
    ]
    for language, s, state in cases:
        assert S.lexicon_score(target(s, language, [state])) == 0.0, s
    assert S.lexicon("da").weight("volden")[0] < 0  # the violence still counts
    assert S.lexicon("nb").weight("truer")[0] < 0


def test_alphabetical_columns_follow_the_state_names_shown():
    cells = pd.DataFrame(
        {
            "actor_id": ["DEU", "EU", "PRK", "KOR"],
            "n_sentences": [4, 3, 2, 1],
            "score": [0.0, 0.0, -0.5, 0.1],
        }
    )
    names = {"DEU": "Germany", "EU": "European Union", "PRK": "North Korea", "KOR": "South Korea"}
    assert S.order_columns(cells, "alphabetical", 4, names) == ["EU", "DEU", "PRK", "KOR"]
    assert S.order_columns(cells, "sentences", 2, names) == ["DEU", "EU"]


def test_articles_in_a_language_no_method_reads_are_listed(corpus):
    from analysis import build

    corpus.add(
        "pl.txt",
        "Rosja i Korea Północna\n\nRosja dostarczyła Korei Północnej rakiety, a Japonia "
        "wyraziła zaniepokojenie. Rząd w Warszawie potępił współpracę Rosji z Koreą Północną.\n",
    )
    corpus.add_seeds("000")
    t = build(corpus.path).tables
    missing = S.unscored(t)
    assert missing["article_id"].tolist() == ["pl"]
    assert missing["language"].tolist() == ["pl"] and missing["sentences_with_a_state"].iloc[0] >= 2
    assert not (t.sentiment["article_id"] == "pl").any()  # no silent neutral


def test_how_this_is_measured_names_every_lexicon_language():
    codes = S.lexicon_languages()
    assert "en" not in codes and {"it", "nl", "sv", "da"} <= set(codes)
    lexicon_line = next(line for line in S.method_notes().splitlines() if "*lexicon*" in line)
    assert all(S.language_name(c) in lexicon_line for c in codes)
