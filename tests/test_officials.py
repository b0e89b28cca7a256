"""Officials the gazetteer does not know, found by their office, on tiny real sentences."""

from analysis import config
from analysis.nlp import get_pipeline
from analysis.officials import family_first, offices


def officials(text: str, lang: str = "en") -> list[tuple[str, str, str]]:
    """(surface, state, match type) of each mention of a person found by their office."""
    doc = get_pipeline(lang)(text)
    return [
        (text[m[0] : m[1]], m[2].state_id, m[3])
        for m in doc._.mentions
        if m[2].description == "official"
    ]


def states_by_sentence(text: str, lang: str = "en") -> list[set[str]]:
    doc = get_pipeline(lang)(text)
    out = []
    for a, b in doc._.sentences:
        out.append({m[2].state_id for m in doc._.mentions if a <= m[0] < b})
    return out


def test_an_office_and_its_state_make_an_official_and_the_surname_counts_later():
    text = (
        "Russian Deputy Foreign Minister Andrei Rudenko said the drills were routine.\n"
        "Rudenko added that Tokyo had no reason to worry."
    )
    assert officials(text) == [
        ("Andrei Rudenko", "RUS", "person"),
        ("Rudenko", "RUS", "surname"),
    ]
    assert states_by_sentence(text) == [{"RUS"}, {"RUS", "JPN"}]


def test_the_holder_is_the_state_before_the_title_not_the_post():
    text = (
        "Japan's ambassador to the UN, Kazuyuki Yamazaki, rejected the claim. "
        "Yamazaki called the drills provocative."
    )
    assert officials(text) == [
        ("Kazuyuki Yamazaki", "JPN", "person"),
        ("Yamazaki", "JPN", "surname"),
    ]
    # a state's UN ambassador: the first of the names before the title holds it
    assert officials("Russian UN ambassador Pavel Orlov objected.")[0][1] == "RUS"


def test_the_name_before_its_office():
    text = (
        "Nikolai Nozdrev, the Russian ambassador to Japan, was summoned. "
        "Mr. Nozdrev declined to comment."
    )
    assert officials(text) == [
        ("Nikolai Nozdrev", "RUS", "person"),
        ("Nozdrev", "RUS", "surname"),
    ]


def test_family_name_first():
    assert {"CHN", "PRK", "KOR"} <= family_first()
    text = (
        "Chinese foreign ministry spokesperson Guo Meilan urged calm. "
        "Guo said Beijing opposed any provocation."
    )
    assert officials(text)[1] == ("Guo", "CHN", "surname")
    # a shared surname goes to the person named last before it
    text = (
        "North Korean Vice Foreign Minister Kim Son Gyong spoke first. "
        "Then South Korean Vice Unification Minister Kim Nam-jun replied. "
        "Kim said talks must go on."
    )
    assert officials(text)[-1] == ("Kim", "KOR", "surname")


def test_italian_and_spanish_offices():
    text = (
        "Il viceministro degli Esteri russo Andrei Rudenko ha parlato martedì.\n"
        "L'ambasciatore russo a Tokyo, Nikolai Nozdrev, è stato convocato. "
        "Nozdrev non ha commentato."
    )
    assert officials(text, "it") == [
        ("Andrei Rudenko", "RUS", "person"),
        ("Nikolai Nozdrev", "RUS", "person"),
        ("Nozdrev", "RUS", "surname"),
    ]
    text = (
        "El embajador de Rusia en Tokio, Nikolái Nozdriov, fue convocado. "
        "Nozdriov no hizo comentarios."
    )
    assert officials(text, "es") == [
        ("Nikolái Nozdriov", "RUS", "person"),
        ("Nozdriov", "RUS", "surname"),
    ]
    assert officials("La portavoz de la Cancillería rusa, Yelena Markova, habló.", "es") == [
        ("Yelena Markova", "RUS", "person")
    ]
    # a post after an elided preposition ("all'Onu")
    text = "L'ambasciatore giapponese all'Onu, Kenji Sato, ha parlato. Sato ha aggiunto altro."
    assert officials(text, "it") == [("Kenji Sato", "JPN", "person"), ("Sato", "JPN", "surname")]


def test_an_office_no_one_holds_in_the_text_is_the_opening_places():
    text = (
        "In Seoul, First Vice Foreign Minister Park Yoon-joo told reporters the talks failed. "
        "Park added that Seoul would wait."
    )
    assert officials(text) == [("Park Yoon-joo", "KOR", "person"), ("Park", "KOR", "surname")]
    # not a name of one word, nor anywhere else than right after the opening place
    assert officials("In Seoul, General Motors said it would cut jobs.") == []
    assert officials("In Seoul, reporters asked Vice Minister Park Yoon-joo.") == []
    assert officials("TOKYO (AP) — Vice Minister Taro Kono spoke on Monday.") == []


def test_offices_in_other_languages():
    cases = {
        "fr": "Le porte-parole du ministère chinois des Affaires étrangères, Guo Meilan, a "
        "appelé au calme. Guo a ajouté que Pékin s'y opposait.",
        "pt": "O vice-ministro russo das Relações Exteriores, Pavel Orlov, falou na terça. "
        "Orlov disse que Tóquio nada tinha a temer.",
        "de": "Der russische Vizeaußenminister Pavel Orlow sprach am Dienstag. Orlow sagte, "
        "Tokio habe nichts zu befürchten.",
        "nl": "De Russische onderminister van Buitenlandse Zaken Pavel Orlov sprak dinsdag. "
        "Orlov zei dat Tokio niets te vrezen had.",
        "sv": "Rysslands biträdande utrikesminister Pavel Orlov talade i tisdags. Orlov sade att "
        "Tokyo inte hade något att frukta.",
    }
    for lang, text in cases.items():
        found = officials(text, lang)
        assert [kind for _, _, kind in found] == ["person", "surname"], lang
        assert {state for _, state, _ in found} == ({"CHN"} if lang == "fr" else {"RUS"}), lang


def test_no_official_without_an_office_a_holder_or_a_person():
    # not an office
    assert officials("Russian analyst Dmitri Trenin disagreed, and Trenin said so.") == []
    # a former holder
    assert officials("Former Japanese ambassador Kenji Sato called for talks. Sato agreed.") == []
    assert (
        officials("L'ex ambasciatore russo Ivan Petrov ha parlato. Petrov ha detto no.", "it") == []
    )
    # no state holds the office
    assert officials("Tokyo summoned ambassador Ivan Petrov on Monday.") == []
    # a company's office, not the state's
    assert officials("Russian Railways president Oleg Belov resigned.") == []
    # no person: an opening word, a news agency, a place
    assert officials("Meanwhile, the Russian ambassador to Japan said nothing.") == []
    assert officials("The Russian ambassador, Reuters reported, left Tokyo.") == []
    assert officials("En Puerto Príncipe, el primer ministro haitiano, habló ayer.", "es") == []


def test_later_references_need_the_name_alone():
    text = (
        "Russian Deputy Foreign Minister Andrei Rudenko spoke. "
        "Maria Rudenko, a pianist, played. The Rudenko Foundation paid."
    )
    assert [o[2] for o in officials(text)] == ["person"]
    # a surname that is also a plain word of the article
    text = "Japanese Vice Minister Taro Field spoke. Field said the field was open."
    assert [o[2] for o in officials(text)] == ["person"]


def test_every_language_file_has_offices():
    for lang in sorted(config.resource_languages()):
        found = offices(lang)
        assert found is not None and found.titles and found.posts, lang
