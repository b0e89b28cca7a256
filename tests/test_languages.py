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


NL = (
    "De Russische president heeft woensdag een verdrag met Noord-Korea geratificeerd. Japan "
    "en Zuid-Korea uitten hun bezorgdheid over de samenwerking tussen Moskou en Pyongyang."
)
CA = (
    "El president rus va ratificar dimecres un tractat amb Corea del Nord. El Japó i Corea "
    "del Sud van expressar la seva preocupació per la cooperació entre Moscou i Pyongyang."
)
TR = (
    "Rusya Devlet Başkanı çarşamba günü Kuzey Kore ile bir anlaşmayı onayladı. Japonya ve "
    "Güney Kore, Moskova ile Pyongyang arasındaki işbirliğinden duydukları endişeyi dile "
    "getirdi. ABD ve NATO bu adımı kınadı."
)
RU = (
    "Президент России в среду ратифицировал договор с Северной Кореей. "
    "Япония выразила обеспокоенность."
)
UK = (
    "Президент Росії в середу ратифікував договір з Північною Кореєю. "
    "Японія висловила занепокоєння."
)


def test_language_without_resources_is_named_not_mistaken_for_a_configured_one():
    # Dutch and Catalan share "de", "en", "la", "el" with Spanish: they used to read as Spanish
    assert identify(NL).language == "nl"
    assert identify(CA).language == "ca"
    assert identify(TR).language == "tr"
    assert identify(RU).language == "ru"
    assert identify(UK).language == "uk"
    assert identify("北朝鮮とロシアの軍事協力が進んでいる。").language == "ja"
    assert identify("朝鲜与俄罗斯的军事合作正在推进。").language == "zh"
    assert identify("북한과 러시아의 군사 협력이 강화되고 있다.").language == "ko"
    # a configured language outside the set given is named too, and read with the fallback
    fi = (
        "Suomen hallitus on huolissaan Venäjän ja Pohjois-Korean yhteistyöstä, ja myös "
        "Ruotsi on sitä mieltä, että tilanne on vakava. Ulkoministerin mukaan se oli odotettua."
    )
    assert identify(fi, ("en", "it", "es")).language == "fi"
    assert identify(ES, ("en", "it")).language == "es"


def test_configured_languages_keep_their_verdicts():
    for text, code in ((EN, "en"), (IT, "it"), (ES, "es")):
        guess = identify(text)
        assert (guess.language, guess.method) == (code, "function-words")


def test_text_in_no_known_language_is_unknown():
    basque = (
        "Errusiako presidenteak asteazkenean Ipar Korearekin itun bat berretsi zuen, eta "
        "Japoniak kezka adierazi zuen bi herrialdeen arteko lankidetzagatik."
    )
    assert identify(basque).language == "xx"
    assert identify("ელჩი თბილისში ჩავიდა და შეხვედრა გამართა.").language == "ka"
    assert identify("1234 5678 !!!").language == "xx"


def test_paragraph_language_only_differs_on_clear_evidence():
    langs = ("en", "it", "es")
    headline = "El acercamiento entre Kim Jong-un y Putin preocupa a Japón"
    assert identify_paragraph(headline, "en", langs) == "es"
    assert identify_paragraph("Kim Jong-un-Putin rapprochement worries Japan", "en", langs) == "en"
    assert identify_paragraph("Texto", "en", langs) == "en"
    assert identify_paragraph("26 | 12 | 2023", "en", langs) == "en"


def test_a_portuguese_paragraph_naming_a_spanish_organisation_stays_portuguese():
    # "o", "e" and "de" are Portuguese words too: a Spanish name inside does not outweigh them
    langs = ("en", "it", "es", "pt", "fr", "de")
    paragraph = (
        "No sábado, o ministro de Estado anunciou que o Cartel de los Soles, que Caracas nega, "
        "será designado organização terrorista e punido a partir de segunda-feira, 24 de novembro."
    )
    assert identify_paragraph(paragraph, "pt", langs) == "pt"
    spanish = "El ministro anunció que el cártel será designado organización terrorista."
    assert identify_paragraph(spanish, "pt", langs) == "es"
