from analysis.languages import language_data
from analysis.nlp import get_pipeline, paragraph_spans, sentence_spans

EN = language_data("en").abbreviations


def split(text: str) -> list[str]:
    return [text[a:b] for a, b in sentence_spans(text, 0, len(text), EN)]


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
