from analysis.languages import identify, identify_paragraph

EN = (
    "Group of Seven nations are expressing growing concern over intensifying cooperation "
    "between Russia and North Korea, as Pyongyang has reportedly received military "
    "technologies from Moscow in exchange for transferring missiles."
)
IT = (
    "I paesi del Gruppo dei Sette esprimono crescente preoccupazione per l'intensificazione "
    "della cooperazione tra Russia e Corea del Nord, dopo le notizie secondo cui Pyongyang "
    "avrebbe ricevuto tecnologie militari da Mosca."
)
ES = (
    "Japón ha expresado su preocupación por la creciente cooperación militar entre Rusia y "
    "Corea del Norte, según un borrador de su libro azul diplomático que se publicará este año."
)
FI = (
    "Suomen hallitus on huolissaan Venäjän ja Pohjois-Korean sotilaallisesta yhteistyöstä, "
    "kertoi ulkoministeri tiistaina Helsingissä pidetyssä tiedotustilaisuudessa."
)


def test_articles_in_three_languages():
    assert identify(EN).language == "en"
    assert identify(IT).language == "it"
    assert identify(ES).language == "es"


def test_language_outside_the_configured_set_is_unknown():
    assert identify(FI, ("en", "it", "es")).language == "xx"
    assert identify("北朝鮮とロシアの軍事協力が進んでいる。").language == "xx"


def test_paragraph_language_only_differs_on_clear_evidence():
    langs = ("en", "it", "es")
    headline = "El acercamiento entre Kim Jong-un y Putin preocupa a Japón"
    assert identify_paragraph(headline, "en", langs) == "es"
    assert identify_paragraph("Kim Jong-un-Putin rapprochement worries Japan", "en", langs) == "en"
    assert identify_paragraph("Texto", "en", langs) == "en"
    assert identify_paragraph("26 | 12 | 2023", "en", langs) == "en"
