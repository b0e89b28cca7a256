import numpy as np
import spacy

from analysis import nlp as nlp_module
from analysis.languages import language_data, profiles
from analysis.nlp import (
    _previous_words,
    _twin_tokenizer,
    analyse_text,
    get_pipeline,
    paragraph_spans,
    pipeline_language,
    sentence_spans,
)

EN = language_data("en").abbreviations


def split(text: str) -> list[str]:
    en = language_data("en")
    spans = sentence_spans(
        text, 0, len(text), EN, en.ordinal_followers, en.day_part_marks, en.clock_followers
    )
    return [text[a:b] for a, b in spans]


def test_paragraphs_are_non_empty_lines():
    text = "Title\n\n  First para.  \nSecond para.\n\n\n"
    assert [text[a:b] for a, b in paragraph_spans(text)] == ["Title", "First para.", "Second para."]


def test_orthographic_rule_with_abbreviations_and_initials():
    assert split(
        "The U.S. Navy sailed. Japan watched. “It is serious,” he said. (Later) more."
    ) == ["The U.S. Navy sailed.", "Japan watched.", "“It is serious,” he said.", "(Later) more."]
    assert split("Talks began on Jan. 16 in Seoul. Russia-N. Korea ties grew.") == [
        "Talks began on Jan. 16 in Seoul.",
        "Russia-N. Korea ties grew.",
    ]


def test_lowercase_start_and_one_word_fragments_stay():
    assert split("It faced a threat. . Experts agree.") == [
        "It faced a threat. .",
        "Experts agree.",
    ]
    assert split("The talks were useful, he added. Yoshioka.") == [
        "The talks were useful, he added. Yoshioka."
    ]


def test_a_german_ordinal_dot_before_a_month_or_ordinal_noun_is_no_sentence_end():
    de = language_data("de")
    text = (
        "Die Gespräche begannen am 27. Januar in Berlin. Am 3. März folgte die 2. Runde. "
        "Die Zahl stieg auf 27. Danach kam nichts."
    )
    spans = sentence_spans(text, 0, len(text), de.abbreviations, de.ordinal_followers)
    assert [text[a:b] for a, b in spans] == [
        "Die Gespräche begannen am 27. Januar in Berlin.",
        "Am 3. März folgte die 2. Runde.",
        "Die Zahl stieg auf 27.",
        "Danach kam nichts.",
    ]
    # German quotes open with „ and close with “
    text = "Das sagte Tusk in Warschau. „Polen wird nicht warten.“ Danach ging er."
    spans = sentence_spans(text, 0, len(text), de.abbreviations, de.ordinal_followers)
    assert [text[a:b] for a, b in spans] == [
        "Das sagte Tusk in Warschau.",
        "„Polen wird nicht warten.“",
        "Danach ging er.",
    ]
    # English has no ordinal dot: a year ending a sentence before a month still ends it
    assert split("Talks ended in 2024. March brought new ones.") == [
        "Talks ended in 2024.",
        "March brought new ones.",
    ]


def test_a_time_of_day_goes_on_before_its_weekday_zone_or_bracket():
    assert split(
        "The council is due to meet at 3 p.m. Monday, or 4 a.m. Tuesday in Japan. "
        "It fired at 9 a.m. (0000 GMT) on Friday, and at 6:52 a.m. KST again. "
        "The talks ended at 5 p.m. The council then adjourned."
    ) == [
        "The council is due to meet at 3 p.m. Monday, or 4 a.m. Tuesday in Japan.",
        "It fired at 9 a.m. (0000 GMT) on Friday, and at 6:52 a.m. KST again.",
        "The talks ended at 5 p.m.",
        "The council then adjourned.",
    ]


def test_headline_is_never_split():
    line = (
        "Il Giappone è invitato a guidare gli sforzi del G7 tra Russia e Nord. Legami con la Corea"
    )
    assert split(line) == [line]


def test_sentences_never_cross_paragraphs():
    nlp = get_pipeline("en")
    doc = nlp("A headline without a stop\nFirst sentence. Second one.\nThird sentence.\n")
    assert [s.text.strip() for s in doc.sents] == [
        "A headline without a stop",
        "First sentence.",
        "Second one.",
        "Third sentence.",
    ]
    assert doc._.sentences[1:3] == [(26, 41), (42, 53)]


def test_unpunctuated_line_is_one_sentence_only_when_title_sized():
    assert split("Kim meets Putin. Talks go on") == ["Kim meets Putin. Talks go on"]
    long_line = "Talks began today. " + "The ministers met again and again " * 6 + "without end"
    assert len(split(long_line)) == 2


def test_german_compounds_are_split_at_hyphens_between_letters():
    words = [
        t.text for t in get_pipeline("de").make_doc("Nach dem Japan-Besuch des US-Präsidenten")
    ]
    assert words == ["Nach", "dem", "Japan", "-", "Besuch", "des", "US", "-", "Präsidenten"]
    # English keeps its own rules; a hyphen after an abbreviation's period is split there too
    assert "U.S." in [t.text for t in get_pipeline("en").make_doc("the U.S.-South Korea alliance")]


def test_the_twin_tokenizer_splits_as_the_pipeline_does():
    samples = {
        "en": ["the U.S.-South Korea alliance", "Kim Jong Un's envoy", "Côte d'Ivoire"],
        "de": ["des US-Präsidenten", "Nordkorea-Besuch", "Wladimir Putin"],
        "it": ["l'Ue-Tunisia", "Corea del Nord", "dell'Onu"],
    }
    for lang, texts in samples.items():
        nlp = get_pipeline(lang)
        twin = _twin_tokenizer(nlp)
        assert twin.vocab is nlp.vocab
        for text in texts:
            assert [t.text for t in twin(text)] == [t.text for t in nlp.tokenizer(text)]


class CountingTokenizer:
    """Wraps a tokenizer and counts the texts it is given."""

    def __init__(self, tokenizer):
        self.tokenizer, self.calls = tokenizer, 0

    def __call__(self, text):
        self.calls += 1
        return self.tokenizer(text)

    def __getattr__(self, name):
        return getattr(self.tokenizer, name)


def test_gazetteer_surfaces_never_go_through_the_pipeline_tokenizer(monkeypatch):
    # spaCy caches at most 10,000 chunks: the gazetteer's surfaces would take every place
    # and leave none for the articles' words.
    nlp = spacy.blank("en")
    nlp_module._tokenizer_infixes(nlp)
    nlp.add_pipe("briefing_segmenter")
    nlp.add_pipe("briefing_actors")
    counting = CountingTokenizer(nlp.tokenizer)
    nlp.tokenizer = counting
    monkeypatch.setattr(nlp_module, "get_pipeline", lambda lang: nlp)
    matchers = nlp_module._matchers.__wrapped__("en", "en")
    assert counting.calls == 0
    (exact, lower), keys = matchers
    doc = counting.tokenizer("Putin met Kim Jong Un in Pyongyang.")
    found = {doc[s:e].text for _, s, e in [*exact(doc), *lower(doc)]}
    assert {"Putin", "Kim Jong Un", "Pyongyang"} <= found


def test_previous_word_skips_punctuation_and_never_crosses_a_line():
    text = "SEOUL\nIn return, Moscow - and Beijing"
    doc = analyse_text(get_pipeline("en"), text)
    words = [t.text for t in doc]
    alpha = np.array([t.is_alpha for t in doc])
    idx = np.array([t.idx for t in doc])
    previous = _previous_words(text, idx, alpha)
    named = {words[i]: (words[j] if j >= 0 else None) for i, j in enumerate(previous)}
    assert named["In"] is None  # "SEOUL" is on the line before
    assert named["Moscow"] == "return"  # the comma is skipped
    assert named["Beijing"] == "and"
    assert named["SEOUL"] is None


def test_every_language_gets_a_pipeline_that_finds_a_name():
    # the tokenizers differ (Chinese characters have no token_match, French keeps compounds
    # whole): each builds, and a sentence naming NATO yields its mention (any language reads
    # NATO, whatever the words around it)
    for lang in ["en", "fr", "ja", "zh", "ko", "th", "vi", "ar"]:  # tokenizers of every kind
        assert lang in profiles() or lang in ("en", "fr")
        doc = analyse_text(get_pipeline(pipeline_language(lang)), "Zveza NATO je rekla.")
        assert [m[2].actor_id for m in doc._.mentions] == ["NATO"], lang
