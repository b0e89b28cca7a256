"""Dutch and Swedish as full languages (resources/languages/nl.toml, sv.toml and
gazetteer/names/nl.csv, sv.csv): identification, segmentation, mentions, dates,
publication-date and byline cues, on tiny sentences written for these tests."""

import pytest

from analysis import build, config
from analysis import events as E
from analysis.languages import identify, language_data, profiles
from analysis.metadata import classify_line, find_published, find_source
from analysis.nlp import analyse_text, get_pipeline

NL = (
    "De Russische president heeft woensdag een verdrag met Noord-Korea geratificeerd. Japan "
    "en Zuid-Korea uitten hun bezorgdheid over de samenwerking tussen Moskou en Pyongyang."
)
SV = (
    "Rysslands president undertecknade på onsdagen ett avtal med Nordkorea. Japan och "
    "Sydkorea uttryckte oro över samarbetet mellan Moskva och Pyongyang, enligt regeringen."
)


def mentions(text: str, lang: str) -> list[tuple[str, str]]:
    doc = get_pipeline(lang)(text)
    return [(s.text, s.label_) for s in doc._.actors]


def sentences(text: str, lang: str) -> list[str]:
    doc = analyse_text(get_pipeline(lang), text)
    return [text[a:b] for a, b in doc._.sentences]


def dates(lang: str, published: str, *sentences: str) -> list[tuple[str, str, str]]:
    """(expression, date, date_end) of each event of an article made of `sentences`."""
    text, spans = "", []
    for sentence in sentences:
        start = len(text) + (1 if text else 0)
        text = f"{text} {sentence}" if text else sentence
        spans.append((start, len(text)))
    return [(e.expression, e.date, e.date_end) for e in E.extract(text, spans, lang, published)]


def kinds(lines: list[str], lang: str) -> list[str]:
    return [classify_line(line, lang, i) for i, line in enumerate(lines)]


# -- languages --------------------------------------------------------------------------------


def test_dutch_and_swedish_are_configured_languages_with_resources():
    assert {"nl", "sv"} <= set(config.DEFAULT_LANGUAGES)
    assert {"nl", "sv"} <= config.resource_languages()
    assert not {"nl", "sv"} & set(profiles())  # their profiles gave way to the files


def test_dutch_and_swedish_are_named_and_their_neighbours_keep_their_own():
    assert identify(NL).language == "nl"
    assert identify(SV).language == "sv"
    # Swedish leaves the words it writes as Danish and Norwegian do to them, Dutch those it
    # writes as Afrikaans does: a configured language's word counts for it alone
    da = (
        "Ruslands præsident underskrev onsdag en aftale med Nordkorea. Japan og Sydkorea "
        "udtrykte bekymring over samarbejdet mellem Moskva og Pyongyang, ifølge regeringen."
    )
    nb = (
        "Russlands president signerte onsdag en avtale med Nord-Korea. Japan og Sør-Korea "
        "uttrykte bekymring over samarbeidet mellom Moskva og Pyongyang, ifølge regjeringen."
    )
    af = (
        "Die Russiese president het Woensdag 'n verdrag met Noord-Korea bekragtig. Japan en "
        "Suid-Korea het hulle kommer uitgespreek oor die samewerking tussen Moskou en "
        "Pjongjang, volgens die regering."
    )
    assert identify(da).language == "da"
    assert identify(nb).language == "nb"
    assert identify(af).language == "af"


def test_dutch_is_named_when_it_is_not_configured():
    """Afrikaans's list leaves out the words it shares with Dutch, so with Dutch outside the
    configured set its function words made Dutch text Afrikaans: lingua decides, as it does
    when Dutch is configured."""
    nl = (
        "Nederland en de andere landen van het team roepen Rusland op de wapenleveranties te "
        "stoppen. Het kabinet steunt nieuwe sancties van de Europese Unie en wil dat de "
        "Veiligheidsraad het rapport bespreekt. Ook Japan en Zuid-Korea zijn bezorgd over de "
        "samenwerking, die volgens de minister een bedreiging is voor de veiligheid in Europa."
    )
    assert identify(nl, ("en", "it", "es")).language == "nl"
    assert identify(SV, ("en", "it", "es")).language == "sv"


# -- segmentation ------------------------------------------------------------------------------


def test_dutch_abbreviations_do_not_end_sentences():
    text = (
        "Volgens dhr. Jansen en prof. dr. De Vries zei o.a. minister Brekelmans dat de top "
        "doorgaat. Daarna volgt overleg met de VS. Dat is bijv. zo."
    )
    assert sentences(text, "nl") == [
        "Volgens dhr. Jansen en prof. dr. De Vries zei o.a. minister Brekelmans dat de top "
        "doorgaat.",
        "Daarna volgt overleg met de VS.",
        "Dat is bijv. zo.",
    ]


def test_swedish_abbreviations_do_not_end_sentences():
    text = (
        "Enligt bl.a. FN och t.ex. prof. Svensson hålls mötet kl. 10.30 i Genève. Därefter "
        "väntas beslut. Mötet leds av ca. 20 personer, dvs. få."
    )
    assert sentences(text, "sv") == [
        "Enligt bl.a. FN och t.ex. prof. Svensson hålls mötet kl. 10.30 i Genève.",
        "Därefter väntas beslut.",
        "Mötet leds av ca. 20 personer, dvs. få.",
    ]


# -- mentions ----------------------------------------------------------------------------------


def test_dutch_demonyms_in_every_inflection():
    text = (
        "De Russische president sprak met Russen en een Rus over het Russisch beleid; "
        "Noord-Koreaanse militairen en een Noord-Koreaan vechten mee."
    )
    assert mentions(text, "nl") == [
        ("Russische", "RUS"),
        ("Russen", "RUS"),
        ("Rus", "RUS"),
        ("Russisch", "RUS"),
        ("Noord-Koreaanse", "PRK"),
        ("Noord-Koreaan", "PRK"),
    ]


def test_dutch_capitals_and_seats_as_governments_and_as_places():
    text = "Het Kremlin en Moskou zwijgen, Pyongyang en Tokio reageren, Den Haag en Brussel ook."
    assert mentions(text, "nl") == [
        ("Kremlin", "RUS"),
        ("Moskou", "RUS"),
        ("Pyongyang", "PRK"),
        ("Tokio", "JPN"),
        ("Den Haag", "NLD"),
        ("Brussel", "EU"),  # the Union, not Belgium
    ]
    # a place after a locative, a court's city, a delegation's destination
    text = (
        "Er werd gedemonstreerd in Moskou. Het gerechtshof Amsterdam oordeelde. Een "
        "delegatie reist naar Peking."
    )
    assert mentions(text, "nl") == []


def test_dutch_traps():
    # a sea, the language, a field of expertise in one word, a first name
    text = "In de Japanse Zee, in het Russisch, zegt Korea-deskundige Noor Bakker."
    assert mentions(text, "nl") == []
    assert mentions("Frans Bakker sprak met Franse diplomaten.", "nl") == [("Franse", "FRA")]
    # "Koreaans" is no state; a bare "Korea" is the one the text names
    assert mentions("Korea en Zuid-Korea, de Koreaanse taal.", "nl") == [
        ("Korea", "KOR"),
        ("Zuid-Korea", "KOR"),
    ]


def test_a_field_of_expertise_follows_a_name_after_a_space_or_a_hyphen():
    # "China-onderzoeker" is one token today; where the tokenizer splits it, "China" is the
    # field, no mention (nlp._in_other_name reads these after a name)
    fields = language_data("nl").field_nouns
    assert [bool(fields.match(after)) for after in ("-onderzoeker", " deskundige", "-top")] == [
        True,
        True,
        False,
    ]


def test_dutch_genitives_compounds_and_bodies():
    text = "Ruslands oorlog en China's rol; de VN-Veiligheidsraad, de NAVO-top en de EU-landen."
    assert mentions(text, "nl") == [
        ("Ruslands", "RUS"),
        ("China's", "CHN"),
        ("VN-Veiligheidsraad", "UNSC"),
        ("NAVO-top", "NATO"),
        ("EU-landen", "EU"),
    ]
    # "VS." is one token before a full stop; the Security Council needs the UN named
    assert mentions("Minister Karremans steunt de VS.", "nl") == [
        ("Karremans", "PERSON:Vincent Karremans"),
        ("VS.", "USA"),
    ]
    assert mentions("De Veiligheidsraad vergaderde.", "nl") == []
    assert mentions("De Veiligheidsraad van de VN vergaderde.", "nl") == [
        ("Veiligheidsraad van de VN", "UNSC")
    ]


def test_swedish_demonyms_in_every_inflection():
    text = (
        "Ryska och nordkoreanska fartyg, ett ryskt flygplan, ryssarna och en sydkoreansk "
        "diplomat mötte nordkoreanerna."
    )
    assert mentions(text, "sv") == [
        ("Ryska", "RUS"),
        ("nordkoreanska", "PRK"),
        ("ryskt", "RUS"),
        ("ryssarna", "RUS"),
        ("sydkoreansk", "KOR"),
        ("nordkoreanerna", "PRK"),
    ]


def test_swedish_genitives_seats_and_bodies():
    text = "Rysslands och USA:s ministrar kritiserade FN:s sanktioner och Kremls linje."
    assert mentions(text, "sv") == [
        ("Rysslands", "RUS"),
        ("USA:s", "USA"),
        ("FN:s", "UN"),
        ("Kremls", "RUS"),
    ]
    text = "Kreml teg, Bryssel och Washington svarade. Det hände i Moskva."
    assert mentions(text, "sv") == [("Kreml", "RUS"), ("Bryssel", "EU"), ("Washington", "USA")]
    assert mentions("Vid Natotoppmötet talade Natos chef och EU:s ledare.", "sv") == [
        ("Natotoppmötet", "NATO"),
        ("Natos", "NATO"),
        ("EU:s", "EU"),
    ]
    assert mentions("Säkerhetsrådet möts i dag. FN kräver svar.", "sv") == [
        ("Säkerhetsrådet", "UNSC"),
        ("FN", "UN"),
    ]
    assert mentions("Kustbevakningens fartyg och riksdagen.", "sv") == [
        ("Kustbevakningens", "SWE"),
        ("riksdagen", "SWE"),
    ]


def test_swedish_traps():
    text = "Fartyget låg i Japanska havet och rapporten skrevs på ryska, enligt Svenska Dagbladet."
    assert mentions(text, "sv") == []
    assert mentions("Korea och Sydkorea samt koreanska företag.", "sv") == [
        ("Korea", "KOR"),
        ("Sydkorea", "KOR"),
    ]


# -- dates -------------------------------------------------------------------------------------

THURSDAY = "2025-03-06"


def test_dutch_absolute_and_relative_dates():
    assert dates(
        "nl",
        THURSDAY,
        "Het verdrag werd op 13 januari 2027 getekend.",
        "Vorige week en afgelopen dinsdag spraken de ministers.",
        "Eind februari kwam er een akkoord, volgend jaar volgt een top.",
        "Gisteren zei de minister dat twee weken geleden al overleg was.",
    ) == [
        ("13 januari 2027", "2027-01-13", ""),
        ("Vorige week", "2025-02-24", "2025-03-02"),
        ("dinsdag", "2025-03-04", ""),
        ("Eind februari", "2025-02", ""),
        ("volgend jaar", "2026", ""),
        ("Gisteren", "2025-03-05", ""),
        ("twee weken geleden", "2025-02-20", ""),
    ]


def test_dutch_ranges_months_and_parts_of_days():
    assert dates(
        "nl",
        THURSDAY,
        "De NAVO-top is van 9 tot en met 11 juli.",
        "Kim bezocht Poetin in september vorig jaar.",
        "In de jaren negentig was dat anders.",
        "Poetin reisde woensdagavond door.",
        "In december sloten ze een akkoord.",
    ) == [
        ("van 9 tot en met 11 juli", "2024-07-09", "2024-07-11"),
        ("september", "2024-09", ""),
        ("vorig jaar", "2024", ""),
        ("de jaren negentig", "1990", "1999"),
        ("woensdagavond", "2025-03-05", ""),
        ("december", "2024-12", ""),
    ]
    # "morgen" is tomorrow, not "de morgen" (the morning)
    assert dates(
        "nl",
        THURSDAY,
        "De morgen was koud, maar morgen wordt het warm.",
        "Begin dit jaar en half april.",
        "Sinds juli 2000 en tot november 2026.",
    ) == [
        ("morgen", "2025-03-07", ""),
        ("Begin dit jaar", "2025-01", ""),
        ("half april", "2025-04", ""),
        ("Sinds juli 2000", "2000-07", ""),
        ("tot november 2026", "2026-11", ""),
    ]


def test_swedish_absolute_and_relative_dates():
    assert dates(
        "sv",
        THURSDAY,
        "Avtalet undertecknades den 13 januari 2027.",
        "I förra veckan och i fredags möttes ministrarna.",
        "I slutet av februari kom ett avtal, och nästa år väntas ett toppmöte.",
        "I går sade ministern att samtal hölls för två veckor sedan.",
    ) == [
        ("13 januari 2027", "2027-01-13", ""),
        ("förra veckan", "2025-02-24", "2025-03-02"),
        ("fredags", "2025-02-28", ""),  # "i fredags": last Friday
        ("I slutet av februari", "2025-02", ""),
        ("nästa år", "2026", ""),
        ("I går", "2025-03-05", ""),
        ("för två veckor sedan", "2025-02-20", ""),
    ]


def test_swedish_weekday_forms_ranges_and_anchored_offsets():
    assert dates(
        "sv",
        THURSDAY,
        "Toppmötet hölls 24–25 juni.",
        "På lördagskvällen bordades fartyget.",
        "Övningen pågår till och med onsdag.",
        "På 1990-talet var det annorlunda.",
        "Den 7 mars 2024 lämnade han över dokumenten, och fyra dagar senare hissades flaggan.",
        "Före årsskiftet ska beslutet tas.",
    ) == [
        ("24–25 juni", "2024-06-24", "2024-06-25"),
        ("lördagskvällen", "2025-03-01", ""),
        ("till och med onsdag", "2025-03-12", ""),
        ("1990-talet", "1990", "1999"),
        ("7 mars 2024", "2024-03-07", ""),
        ("fyra dagar senare", "2024-03-11", ""),
        ("Före årsskiftet", "2025-12", ""),
    ]


# -- publication dates, bylines and sources ---------------------------------------------------


def test_a_dutch_broadcasters_page():
    lines = [
        "NOS Nieuws",
        "Buitenland",
        "Japanse premier noemt oefening 'onaanvaardbare escalatie'",
        "woensdag 13 januari 2027, 10:42",
        "Aangepast woensdag 13 januari 2027, 13:15",
        "De Japanse premier heeft de oefening veroordeeld.",
    ]
    k = kinds(lines, "nl")
    assert k == ["headline", "heading", "heading", "dateline", "dateline", "body"]
    assert find_published(lines, k, "nl").value == "2027-01-13"
    assert find_source(lines, k, "nl") == ("NOS Nieuws", "masthead")


def test_dutch_publication_cues_bylines_and_credits():
    lines = [
        "Poetin en Kim sluiten militair pact",
        "Door Sanne de Waard",
        "Gepubliceerd op 20 juni 2024, 14:12",
        "Rusland en Noord-Korea beloven elkaar steun.",
        "Lees ook: Wat staat er in het verdrag?",
    ]
    k = kinds(lines, "nl")
    assert k == ["headline", "byline", "dateline", "body", "body"]
    assert find_published(lines, k, "nl").value == "2024-06-20"
    lines = ["Kabinet schort ingreep op", "Het kabinet zet een stap terug.", "Bron: ANP"]
    k = kinds(lines, "nl")
    assert k == ["headline", "body", "credit"]
    assert find_source(lines, k, "nl") == ("ANP", "credit line")
    lines = ["Kabinet schort ingreep op", "DEN HAAG (ANP) - Het kabinet zet een stap terug."]
    assert find_source(lines, kinds(lines, "nl"), "nl") == ("ANP", "wire dateline")


def test_a_swedish_broadcasters_page():
    lines = [
        "SVT Nyheter",
        "Utrikes",
        "Ryssland och Nordkorea sköt robotar – Tokyo protesterar",
        "Erik Sandberg",
        "Publicerad 12 januari 2027 kl 09.32",
        "Uppdaterad 12 januari 2027 kl 15.48",
        "Ryska fartyg sköt robotar.",
        "Källor: Reuters, AFP, TT",
    ]
    k = kinds(lines, "sv")
    assert k[4:6] == ["dateline", "dateline"]
    assert find_published(lines, k, "sv").value == "2027-01-12"
    # the fact box's sources are not the publisher
    assert find_source(lines, k, "sv") == ("SVT Nyheter", "masthead")


def test_swedish_bylines_photo_credits_and_credits():
    lines = ["Ett år i Nato", "Av Karin Lindqvist, utrikeskommentator", "Foto: Karl Melander/TT"]
    assert kinds(lines, "sv") == ["headline", "byline", "byline"]
    lines = ["Världen", "Sverige bordade fartyg", "30 nov. 2025 kl. 07.00"]
    assert find_published(lines, kinds(lines, "sv"), "sv").value == "2025-11-30"
    lines = ["Regeringen kritiserar Ryssland", "Regeringen kritiserar Ryssland.", "Källa: TT"]
    assert find_source(lines, kinds(lines, "sv"), "sv") == ("TT", "credit line")


# -- a whole build ------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def tables(tmp_path_factory):
    folder = tmp_path_factory.mktemp("nlsv")
    (folder / "nl.txt").write_text(
        "NOS Nieuws\nJapan protesteert tegen Russisch-Chinese oefening\n"
        "Gepubliceerd op 20 juni 2024, 14:12\n"
        "Japan diende gisteren protest in bij Moskou. De Russische marine oefende in de "
        "Japanse Zee, zei regeringswoordvoerder Hayashi in Tokio.\n",
        encoding="utf-8",
    )
    (folder / "sv.txt").write_text(
        "SVT Nyheter\nJapan protesterar mot rysk övning\n"
        "Publicerad 12 januari 2027 kl 09.32\n"
        "Japan protesterade i går mot Rysslands övning. Kreml avfärdade kritiken, men "
        "säkerhetsrådet i FN ska diskutera saken nästa vecka.\n",
        encoding="utf-8",
    )
    result = build(folder, cache=folder / "cache")
    assert not result.errors, result.errors
    return result.tables


def test_dutch_and_swedish_articles_are_read_with_their_own_resources(tables):
    a = tables.articles.set_index("article_id")
    assert a.language.to_dict() == {"nl": "nl", "sv": "sv"}
    assert a.language_flag.to_dict() == {"nl": "", "sv": ""}
    assert a.published.to_dict() == {"nl": "2024-06-20", "sv": "2027-01-12"}
    assert a.source.to_dict() == {"nl": "NOS Nieuws", "sv": "SVT Nyheter"}
    found = tables.mentions.groupby("article_id").state_id.apply(sorted).to_dict()
    # "in Tokio" is a place, "Japanse Zee" a sea, "Hayashi" a surname never introduced;
    # "Russisch-Chinese" names both (a hyphenated compound is split, as in German)
    assert found["nl"] == ["CHN", "JPN", "JPN", "RUS", "RUS", "RUS"]
    assert found["sv"] == ["JPN", "JPN", "RUS", "RUS", "RUS", "UN", "UN"]
    events = tables.events.groupby("article_id")[["expression", "date"]].apply(
        lambda e: list(e.itertuples(index=False, name=None))
    )
    assert events["nl"] == [("20 juni 2024", "2024-06-20"), ("gisteren", "2024-06-19")]
    assert events["sv"] == [
        ("12 januari 2027", "2027-01-12"),
        ("i går", "2027-01-11"),
        ("nästa vecka", "2027-01-18"),
    ]
    # their lexicons read their sentiment
    assert set(tables.sentiment.method) == {"lexicon"}


def test_the_dutch_acronym_of_north_korea_is_a_mention():
    assert mentions("Rusland leverde de DVK raketten.", "nl") == [
        ("Rusland", "RUS"),
        ("DVK", "PRK"),
    ]
