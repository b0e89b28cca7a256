"""Resolution rules on hand-made candidates, and recognition on tiny real sentences."""

import pytest

from analysis.actors import (
    Actor,
    Candidate,
    Context,
    Entry,
    load_gazetteer,
    longest_first,
    resolve,
)
from analysis.nlp import get_pipeline
from tests.conftest import FIXTURES

ACTORS = {
    a.actor_id: a
    for a in [
        Actor("PRK", "state", "PRK", "North Korea"),
        Actor("KOR", "state", "KOR", "South Korea"),
        Actor("JPN", "state", "JPN", "Japan"),
        Actor("PERSON:Kim Jong Un", "person", "PRK", "Kim Jong Un"),
        Actor("PERSON:Kim Yo Jong", "person", "PRK", "Kim Yo Jong"),
    ]
}


def cand(start, end, actor, surface, kind="name", requires=(), lang="en"):
    return Candidate(start, end, start * 10, end * 10, Entry(actor, surface, kind, requires), lang)


def test_longest_match_wins_and_blocks_suppress():
    kept = longest_first(
        [
            cand(0, 2, "PRK", "North Korea"),
            cand(1, 2, "KOR", "Korea"),
            cand(5, 7, "-", "Korean peninsula", "block"),
            cand(5, 6, "KOR", "Korean", "demonym"),
        ]
    )
    assert [(c.entry.actor_id, c.start) for c in kept] == [("PRK", 0), ("-", 5)]


def test_a_block_suppresses_entries_on_its_own_span_when_spans_are_pre_filtered():
    # the pipeline hands resolve() every entry of each kept span (nested=False)
    same_span = [cand(3, 4, "JPN", "Japan", "name"), cand(3, 4, "-", "Japan", "block")]
    assert resolve(same_span, ACTORS, {}, {}, nested=False) == []
    assert resolve(same_span[:1], ACTORS, {}, {}, nested=False) != []


def test_capital_after_locative_or_name_link_is_a_place():
    tokyo = [cand(i, i + 1, "JPN", "Tokyo", "capital", lang="it") for i in (3, 8, 13, 18)]
    contexts = {
        3: Context("in"),
        8: Context("disse"),
        13: Context("di", after_name=True),
        18: Context("di", after_name=False),
    }
    places = {"it": (frozenset({"in"}), frozenset({"di"}), frozenset({"e"}))}
    assert [c.start for c, _ in resolve(tokyo, ACTORS, contexts, places)] == [8, 18]


def test_a_capital_joined_to_a_place_is_a_place_too():
    # "in Tokyo e Tokyo ... Tokyo e Tokyo": only the pair after "in" is two places
    tokyo = [cand(i, i + 1, "JPN", "Tokyo", "capital", lang="it") for i in (3, 5, 9, 11)]
    contexts = {
        3: Context("in"),
        5: Context("e", before_word=3),
        9: Context("disse"),
        11: Context("e", before_word=9),
    }
    places = {"it": (frozenset({"in"}), frozenset({"di"}), frozenset({"e"}))}
    assert [c.start for c, _ in resolve(tokyo, ACTORS, contexts, places)] == [9, 11]


def test_shared_name_resolves_to_the_one_actor_present():
    korea = [
        cand(20, 21, "PRK", "Korea", "short", ("@present",)),
        cand(20, 21, "KOR", "Korea", "short", ("@present",)),
    ]
    assert resolve(korea, ACTORS, {}, {}) == []
    north = [cand(0, 2, "PRK", "North Korea")]
    assert [a.actor_id for _, a in resolve(north + korea, ACTORS, {}, {})] == ["PRK", "PRK"]
    both = north + [cand(5, 7, "KOR", "South Korea")]
    assert [a.actor_id for _, a in resolve(both + korea, ACTORS, {}, {})] == ["PRK", "KOR"]


def test_a_shared_name_goes_to_the_actor_named_far_more_often():
    text = (
        "Seoul and Tokyo met. South Korea and Japan agreed. Lee Jae-myung thanked Japan.\n"
        "North Korea fired a missile.\nKorea and Japan will meet again, and Korea hosts APEC."
    )
    found = mentions(text)
    assert found.count(("Korea", "KOR")) == 2
    # in English a bare "Korea" is the South wherever the South is named (the North is
    # always qualified), however often the North is; the North alone leaves it nobody's
    even = "South Korea met North Korea.\nNorth Korea left.\nKorea and Japan will meet again."
    assert ("Korea", "KOR") in mentions(even) and ("Korea", "PRK") not in mentions(even)
    north = "North Korea fired.\nKorea watchers were surprised."
    assert [m for m in mentions(north) if m[0] == "Korea"] == []
    # in Italian either Korea may go bare: the one named far more often, else nobody
    even = "La Corea del Sud ha incontrato la Corea del Nord.\nLa Corea e il Giappone si vedranno."
    assert [m for m in mentions(even, "it") if m[0] == "Corea"] == []
    inside = (
        "Seoul and South Korea rose. Seoul gained. North Korea fell.\n"
        "Shares of Korea Aerospace rose, the Bank of Korea said."
    )
    assert [m for m in mentions(inside) if m[0] == "Korea"] == []


def test_required_context_and_surname_introduction():
    north = cand(9, 11, "PRK", "the North", "alias", ("PRK", "KOR"))
    assert resolve([north], ACTORS, {}, {}) == []
    found = resolve([cand(0, 2, "KOR", "South Korea"), north], ACTORS, {}, {})
    assert [a.actor_id for _, a in found] == ["KOR", "PRK"]

    kim = [
        cand(20, 21, "PERSON:Kim Jong Un", "Kim", "surname", ("@self",)),
        cand(20, 21, "PERSON:Kim Yo Jong", "Kim", "surname", ("@self",)),
    ]
    assert resolve(kim, ACTORS, {}, {}) == []  # nobody introduced: no guess
    intro = [
        cand(0, 3, "PERSON:Kim Jong Un", "Kim Jong Un", "person"),
        cand(10, 13, "PERSON:Kim Yo Jong", "Kim Yo Jong", "person"),
    ]
    found = resolve(intro + kim, ACTORS, {}, {})
    assert found[-1][1].actor_id == "PERSON:Kim Yo Jong"  # the most recent Kim


def test_fixture_gazetteer_loads_and_validates(tmp_path):
    gaz = load_gazetteer(str(FIXTURES / "gazetteer"))
    assert gaz.actors["UNSC"].state_id == "UN"
    assert {e.surface for e in gaz.entries_for("it")} >= {"Corea del Nord", "Kim"}
    bad = tmp_path / "g"
    (bad / "names").mkdir(parents=True)
    (bad / "actors.csv").write_text("actor_id,kind,state_id,name,description\nX,planet,X,X,\n")
    with pytest.raises(ValueError, match="line 2: unknown kind 'planet'"):
        load_gazetteer(str(bad))


def mentions(text: str, lang: str = "en") -> list[tuple[str, str]]:
    doc = get_pipeline(lang)(text)
    return [(s.text, s.label_) for s in doc._.actors]


def test_case_and_ambiguity_in_english():
    assert mentions("The US warned us about it.") == [("US", "USA")]
    assert mentions("Tensions on the Korean peninsula rose.") == []
    assert mentions("Scholars at a Canon Institute in Tokyo said Tokyo must act.") == [
        ("Tokyo", "JPN")
    ]
    assert mentions("Seoul and the Washington Post disagree.") == [("Seoul", "KOR")]
    assert mentions("Talks in Tokyo and Seoul ended; Tokyo and Seoul then agreed.") == [
        ("Tokyo", "JPN"),
        ("Seoul", "KOR"),
    ]
    assert mentions("Envoys in Tokyo said Seoul and Tokyo agreed.") == [
        ("Seoul", "KOR"),
        ("Tokyo", "JPN"),
    ]
    assert mentions("SEOUL, March 12, 2024 — Seoul protested.") == [("Seoul", "KOR")]
    # a dateline's place in small letters, and a place named after an acronym
    assert mentions("Talks\nTokyo, March 12, 2024 — the IISS of Tokyo said Tokyo erred.") == [
        ("Tokyo", "JPN")
    ]
    # the dateline opens the article's second line (a lone newline before it)
    assert mentions("Drills begin\nSEOUL, March 12, 2024 — Seoul protested.") == [("Seoul", "KOR")]
    assert mentions("Kim visited.") == []
    found = mentions("North Korean leader Kim Jong Un met Putin. Kim returned home.")
    assert found == [
        ("North Korean", "PRK"),
        ("Kim Jong Un", "PERSON:Kim Jong Un"),
        ("Putin", "PERSON:Vladimir Putin"),
        ("Kim", "PERSON:Kim Jong Un"),
    ]
    assert ("U.S.", "USA") in mentions("The U.S.-South Korea-Japan alliance held.")


def test_a_capital_inside_a_longer_name_or_a_first_name_is_no_mention():
    assert mentions("Talks by the Minsk Group stalled; Minsk denied it.") == [("Minsk", "BLR")]
    assert mentions("Mariam Ouedraogo of a Dakar-based think tank said Dakar agreed.") == [
        ("Dakar", "SEN")
    ]
    assert mentions("Georgetown University experts said Georgetown must respond.") == [
        ("Georgetown", "GUY")
    ]
    # ... but a headline in title case keeps its capitals
    assert mentions("Moscow Warns Kyiv over Strikes") == [("Moscow", "RUS"), ("Kyiv", "UKR")]
    found = mentions("Jordan Kessler and Chad Morrow said Jordan and Chad would object.")
    assert found == [("Jordan", "JOR"), ("Chad", "TCD")]
    assert found == mentions("Jordan and Chad would object.")


def test_a_first_name_in_a_long_line_or_in_capitals_is_a_person():
    # a long line full of names is no title-case headline; a speaker's label in capitals
    line = (
        "Welcome to the show, it's Monday, March 3rd. With me are Georgia Whitfield, who "
        "covers Europe, and Samuel Adeyemi, who follows Africa for The Herald."
    )
    assert mentions(line) == []
    assert mentions("[00:00:14] GEORGIA WHITFIELD: Thanks, Dana, it is good to be back.") == []
    # a country in capitals stays one: a headline in capitals, a dateline
    assert mentions("GEORGIA PASSES FOREIGN AGENTS LAW") == [("GEORGIA", "GEO")]
    assert ("GEORGIA", "GEO") in mentions("TBILISI, GEORGIA — Protests went on.")


def test_a_shared_surname_beside_another_given_name_is_another_person():
    intro = "North Korean leader Kim Jong Un met Putin. "
    assert mentions(intro + "Kim Hyun-woo, an analyst, said Kim would wait.")[-1:] == [
        ("Kim", "PERSON:Kim Jong Un")
    ]
    assert [m for m in mentions(intro + "By Soo-yeon Kim in Seoul.") if m[0] == "Kim"] == []
    # titles before the surname keep it: "President Kim", "Machthaber Kim"
    assert mentions(intro + "Chairman Kim left.")[-1] == ("Kim", "PERSON:Kim Jong Un")
    assert mentions("Machthaber Kim Jong Un reiste ab. Machthaber Kim kehrte zurück.", "de") == [
        ("Kim Jong Un", "PERSON:Kim Jong Un"),
        ("Kim", "PERSON:Kim Jong Un"),
    ]


def test_regional_bodies_seats_and_the_mexican_eu():
    assert mentions("Mozambique thanked the SADC and the Pacific Islands Forum.") == [
        ("Mozambique", "MOZ"),
        ("SADC", "SADC"),
        ("Pacific Islands Forum", "PIF"),
    ]
    assert mentions("South Block has acknowledged the request.") == [("South Block", "IND")]
    assert mentions("His Majesty’s Government and HM Government replied.") == [
        ("His Majesty’s Government", "GBR"),
        ("HM Government", "GBR"),
    ]
    # in Mexican Spanish "EU" is the United States (the European Union is "UE")
    assert mentions("México y EU firmaron; Palacio Nacional respondió.", "es") == [
        ("México", "MEX"),
        ("EU", "USA"),
        ("Palacio Nacional", "MEX"),
    ]
    assert mentions("El Palacio Nacional de Guatemala abrió.", "es") == [("Guatemala", "GTM")]


def test_a_german_capital_before_a_capitalised_noun_is_still_the_government():
    text = "Die Nato bestätigte, wonach Pjöngjang Soldaten nach Russland geschickt hat."
    assert ("Pjöngjang", "PRK") in mentions(text, "de")
    # ... while in English a capitalised word after it makes a longer name
    assert mentions("Talks under the Minsk Group format were stalled for years.") == []


def test_a_german_capital_after_von_and_a_noun_is_the_government_unless_a_place_noun():
    # every German noun is capitalised: "Abhängigkeit von" is no name's place
    text = "Die Kommission kritisiert die Abhängigkeit Ungarns von Moskau."
    assert ("Moskau", "RUS") in mentions(text, "de")
    assert mentions("Die Straßen von Kiew waren am Morgen leer.", "de") == []


def test_a_chair_a_field_of_study_and_a_route_named_after_a_state():
    text = "Ana Ruiz holds the Japan Chair and Li Wei the Freeman Chair in China Studies."
    assert mentions(text) == []
    assert mentions("Russia studies the plan.") == [("Russia", "RUS")]


def test_a_capital_a_journey_leads_to_is_a_place():
    text = "Lavrov, who accompanied Putin to Pyongyang, said Pyongyang was ready."
    assert [m for m in mentions(text) if m[0] == "Pyongyang"] == [("Pyongyang", "PRK")]
    assert mentions("Blinken visited Tokyo; Tokyo welcomed it.")[1:] == [("Tokyo", "JPN")]
    assert mentions("Wang Yi no ha viajado a Pionyang.", "es")[1:] == []
    # what is sent to a capital goes to its government; "in return" is no journey
    assert mentions("Moscow shipped technology to Pyongyang.") == [
        ("Moscow", "RUS"),
        ("Pyongyang", "PRK"),
    ]
    assert mentions("In return, Moscow offered help.") == [("Moscow", "RUS")]


def test_a_capital_in_a_byline_is_the_writers_place():
    text = "Deal stalls\nBy Anirban Ghosh, New Delhi\nNew Delhi rejected the request."
    assert mentions(text) == [("New Delhi", "IND")]
    text = "Titre\nPar Karim Amrani (Alger, correspondance)\nA Alger, Alger a réagi."
    assert mentions(text, "fr") == [("Alger", "DZA")]
    assert mentions("By the time Moscow answered, it was late.") == [("Moscow", "RUS")]


def test_a_first_name_in_a_byline_or_credit_is_a_person():
    text = "Drones over Poland\nBy Anna Wlodarczyk and Jordan Pike\nJordan protested."
    assert mentions(text) == [("Poland", "POL"), ("Jordan", "JOR")]
    credit = "(Reporting by Anna Wlodarczyk and Jordan Pike; Editing by Gareth Holm)"
    assert mentions("Jordan protested.\n" + credit) == [("Jordan", "JOR")]
    studio = "Titel\nEin Kommentar von Jörn Albrecht, Studio Riga\nRiga protestierte."
    assert mentions(studio, "de") == [("Riga", "LVA")]


def test_names_inside_places_bylines_and_dashed_compounds():
    assert mentions("Crowds filled Kim Il Sung Square as Kim Jong Un spoke.") == [
        ("Kim Jong Un", "PERSON:Kim Jong Un")
    ]
    assert mentions("N. Korean troops in Russia") == [("N. Korean", "PRK"), ("Russia", "RUS")]
    byline = "Title\nBy Georgia Whitlock and Kenji Arai, Halvorsen Institute for Maritime Security"
    assert mentions(byline + "\nGeorgia protested.") == [("Georgia", "GEO")]
    assert mentions(
        "Titre\nPar Hélène Marchetti, avec France Delorme à Séoul\nLa France proteste.", "fr"
    ) == [("France", "FRA")]
    assert (
        mentions("Según explicó ayer la politóloga Argentina Salcedo en una entrevista.", "es")
        == []
    )
    assert mentions("Die Achse Moskau–Peking wächst.", "de") == [
        ("Moskau", "RUS"),
        ("Peking", "CHN"),
    ]
    assert mentions("Il Ministero degli Esteri in Seul ha protestato.", "it") == [("Seul", "KOR")]
    assert mentions("Prima di volare verso Hanoi, Putin ha firmato.", "it") == [
        ("Putin", "PERSON:Vladimir Putin")
    ]


def test_one_word_partisan_adjectives_and_hyphenated_portuguese():
    assert mentions("La alianza prorrusa ganó.", "es") == [("prorrusa", "RUS")]
    assert mentions("I partiti filorussi hanno perso.", "it") == [("filorussi", "RUS")]
    assert mentions("Ein prorussischer Kandidat verlor.", "de") == [("prorussischer", "RUS")]
    assert mentions("Um ato pró-Palestina em Nova York.", "pt") == [("Palestina", "PSE")]
    assert mentions("I mediatori qatarini e turchi.", "it") == [
        ("qatarini", "QAT"),
        ("turchi", "TUR"),
    ]
    assert mentions("Drohnen im Finnischen Meerbusen.", "de") == []


def test_a_time_zone_is_no_mention():
    assert mentions("The call began at 8:00 a.m. (Japan time), Japan said.") == [("Japan", "JPN")]
    assert mentions("It launched at 7:12 a.m. Korea Standard Time.") == []
    assert mentions("Pyongyang a tiré à 7h12, heure de Séoul.", "fr") == [("Pyongyang", "PRK")]
    assert mentions("Às 19h12, horário de Brasília, o Japão protestou.", "pt") == [("Japão", "JPN")]
    assert mentions("Um 7.12 Uhr Moskauer Zeit startete Nordkorea die Rakete.", "de") == [
        ("Nordkorea", "PRK")
    ]
    assert mentions("The Japan Times reported that Japan protested.") == [("Japan", "JPN")]


def test_a_state_inside_another_bodys_name_is_no_mention():
    assert mentions("Qatar Airways resumed flights after Qatar reopened its airspace.") == [
        ("Qatar", "QAT")
    ]
    assert mentions("The Bank of Thailand and Air India warned Thailand.") == [("Thailand", "THA")]
    assert mentions("Air China volerà da Pechino, ha detto Pechino.", "it")[-1] == (
        "Pechino",
        "CHN",
    )
    assert mentions("The Pakistan Stock Exchange fell as Pakistan and India traded fire.") == [
        ("Pakistan", "PAK"),
        ("India", "IND"),
    ]
    assert mentions("the organisers of the Indian Premier League met Japanese officials.") == [
        ("Japanese", "JPN")
    ]
    # a headline in title case keeps the state ("Open" is a head only inside a name)
    assert mentions("Russia Open to Talks, Kremlin Says") == [("Russia", "RUS"), ("Kremlin", "RUS")]
    assert mentions(
        "Tropas birmanas dispararon contra un convoy de la Cruz Roja China; China protestó.", "es"
    ) == [("birmanas", "MMR"), ("China", "CHN")]
    assert mentions("Repórter da Agência Brasil em São Paulo, onde o Brasil votou.", "pt") == [
        ("Brasil", "BRA")
    ]


def test_hyphenated_pairs_institutions_and_streets():
    # Italian, Spanish and Portuguese keep "Ue-Tunisia" whole in the tokenizer: split it
    assert mentions("Il memorandum Ue-Tunisia e la guerra Russia-Ucraina dividono.", "it") == [
        ("Ue", "EU"),
        ("Tunisia", "TUN"),
        ("Russia", "RUS"),
        ("Ucraina", "UKR"),
    ]
    assert mentions("El pacto UE-Mercosur divide a la Unión.", "es")[:2] == [
        ("UE", "EU"),
        ("Mercosur", "MERCOSUR"),
    ]
    assert mentions("Die Bundesregierung verteidigt den Kurs der Bundeswehr.", "de") == [
        ("Bundesregierung", "DEU"),
        ("Bundeswehr", "DEU"),
    ]
    # allies in a capital are its government; a street named after a state is no mention
    assert mentions("The gambit rattles allies in Washington, far from Mexico Street.") == [
        ("Washington", "USA")
    ]
    assert mentions("Fecharam a Avenida Brasil, disse o Presidente brasileiro.", "pt") == [
        ("brasileiro", "BRA")
    ]


def test_those_who_govern_in_a_capital_are_its_government():
    assert mentions("Officials in Bamako said the decision was final.") == [("Bamako", "MLI")]
    assert mentions("A summit was held in Bamako.") == []
    assert mentions("Le autorità in Bamako hanno respinto la proposta.", "it") == [
        ("Bamako", "MLI")
    ]
    # a ministry in a capital is its government too
    assert mentions("Das Außenministerium in Peking erklärte das.", "de") == [("Peking", "CHN")]
    assert mentions("The foreign ministry in Beijing said so.") == [("Beijing", "CHN")]


def test_japanese_officials_in_either_name_order():
    found = mentions("Subject: Nakatani's budget\nDefence Minister Nakatani Gen said so.")
    assert found == [("Nakatani", "PERSON:Gen Nakatani"), ("Nakatani Gen", "PERSON:Gen Nakatani")]


def test_a_wire_dateline_after_the_agency_tag_is_a_place():
    assert mentions("(ANSA) - ROMA, 12 FEB - Il governo di Roma ha deciso.", "it") == [
        ("Roma", "ITA")
    ]


def test_italian_and_spanish_forms():
    assert {
        a for _, a in mentions("Il ministro russo ha incontrato i nordcoreani a Mosca.", "it")
    } == {"RUS", "PRK"}
    assert {
        a
        for _, a in mentions(
            "El acercamiento entre Rusia y Corea del Norte preocupa a Japón y a EE.UU.", "es"
        )
    } == {"RUS", "PRK", "JPN", "USA"}
    assert ("Unione Europea", "EU") in mentions("Il G7 e l’Unione Europea hanno condannato.", "it")
    assert mentions(
        "Un professore dell’Università di Tokyo critica il governo di Tokyo.", "it"
    ) == [("Tokyo", "JPN")]


def test_places_named_by_their_surroundings():
    # a fronted Italian "a" is a place; elsewhere it is a dative and the capital governs
    assert mentions("A Tokyo la Borsa ha chiuso in rialzo.", "it") == []
    assert mentions("Iran, a Mascate riprendono i colloqui.", "it") == [("Iran", "IRN")]
    assert mentions("Pyongyang ha fornito armi a Mosca.", "it") == [
        ("Pyongyang", "PRK"),
        ("Mosca", "RUS"),
    ]
    # a part of a city linked to it ("the city of", "el oeste de") is a place
    assert mentions("In the northern Lebanese city of Tripoli, shops closed.") == [
        ("Lebanese", "LBN")
    ]
    assert mentions("Miles marcharon en el oeste de Caracas.", "es") == []
    # so is a meeting or the text it agreed, named after its venue; the capital elsewhere
    # still governs
    assert mentions("Kiev ricorda il memorandum di Budapest del 1994.", "it") == [("Kiev", "UKR")]
    assert mentions("Los acuerdos de Minsk fracasaron y Minsk calló.", "es") == [("Minsk", "BLR")]
    assert mentions("Les pourparlers de Doha ont repris.", "fr") == []
    assert mentions("The treaty of Rome was signed; Rome said it would act.") == [("Rome", "ITA")]
    # German puts the travel verb last: "nach Peking reisen" is a journey
    assert mentions("Im Herbst will der Kanzler nach Peking reisen.", "de") == []
    assert mentions("Berlin schickt Signale nach Peking.", "de") == [
        ("Berlin", "DEU"),
        ("Peking", "CHN"),
    ]
    # shuttling between two capitals is a journey to both
    found = mentions("The envoy shuttled between New Delhi and Islamabad on Monday.")
    assert found == []
    # a line that is only the place (and its date) is no mention; nor is a name on the next
    # line a longer name ("… et Pékin" then "Face à …")
    assert mentions("Washington, DC\nWashington said it would act.") == [("Washington", "USA")]
    assert mentions("Berlin · 07.07.2025, 06:00 Uhr\nBerlin handelt.", "de") == [("Berlin", "DEU")]
    text = "La France entre Washington et Pékin\nFace à la Chine"
    assert [m[1] for m in mentions(text, "fr")] == ["FRA", "USA", "CHN", "CHN"]


def test_other_bodies_named_after_a_state():
    text = (
        "A student who studies at American University said that the Qatar Foundation would"
        " fund the scholarship, and that executives from Korea Aerospace Industries agreed."
    )
    assert mentions(text) == []
    assert mentions("Hizo escala en la avenida Colombia.", "es") == []
    # Port Sudan, the government's seat since 2023, is a capital: a place after "in"
    assert mentions("The Government, now based in Port Sudan, rejected it.") == []
    assert mentions("Port Sudan severed relations.") == [("Port Sudan", "SDN")]
    assert mentions("The Emirates pledged aid; the Arctic Council met.") == [
        ("The Emirates", "ARE"),
        ("Arctic Council", "ARCTIC_COUNCIL"),
    ]
    # "l'Unione" is the EU once the EU is named
    found = mentions("L'Unione europea tratta; la Serbia è candidata all'Unione.", "it")
    assert [m[1] for m in found] == ["EU", "SRB", "EU"]
    assert mentions("La Serbia è candidata all'Unione.", "it") == [("Serbia", "SRB")]


def test_names_found_around_footnotes_headlines_and_institutes():
    # a footnote marker glued to its word keeps the word whole
    assert mentions("It alarmed officials in Seoul and Tokyo.[6] Next.") == [
        ("Seoul", "KOR"),
        ("Tokyo", "JPN"),
    ]
    # a bare surname before the article introduces its person (a headline, a link)
    found = mentions("Putin and Kim pledge help\nNorth Korean leader Kim Jong Un agreed.")
    assert found[1] == ("Kim", "PERSON:Kim Jong Un")
    assert mentions("Kim Hyun-woo and Kim met.") == []  # no one introduced: nobody
    # Italian "a" after a name is where that person is; not at a route's end
    assert mentions("Ne ha parlato con Joe Biden a Lima.", "it") == [
        ("Joe Biden", "PERSON:Joe Biden")
    ]
    assert mentions("Armi da Pyongyang a Mosca.", "it") == [
        ("Pyongyang", "PRK"),
        ("Mosca", "RUS"),
    ]
    # institutes, universities and companies named after a state or its capital
    assert mentions("Tiago, do Instituto Português de Relações Internacionais.", "pt") == []
    assert mentions("Lukas Brenner von der Freien Universität Berlin sagt das.", "de") == []
    assert mentions("Shares of Japan Steel Works, an arms maker, rose in early trading.") == []
    assert mentions("Shoigu tinha visitado Pyongyang.", "pt") == [
        ("Shoigu", "PERSON:Sergei Shoigu")
    ]


def test_first_names_agency_datelines_and_invitations():
    # a state's name as a first name is no mention, nor a demonym ("libia")
    found = mentions("Vamos con nuestra corresponsal, Libia Castañeda. La costa libia.", "es")
    assert found == [("libia", "LBY")]
    assert mentions("Para el analista Israel Pérez, es claro.", "es") == []
    assert mentions("Segundo a Otan, as tropas chegaram.", "pt") == [("Otan", "NATO")]
    # an agency's dateline without a date names places; "nach Brüssel eingeladen" too
    text = "Seoul/Moskau (dpa) - Der Rat hat gebilligt.\nBrüssel (AFP) - Rutte warnte."
    assert mentions(text, "de") == [("Rutte", "PERSON:Mark Rutte")]
    assert mentions("Vertreter wurden nach Brüssel eingeladen.", "de") == []


def test_french_combining_forms_name_their_state():
    found = mentions("La guerre russo-ukrainienne et l'alliance nippo-américaine durent.", "fr")
    assert [m[1] for m in found] == ["RUS", "UKR", "JPN", "USA"]
    # spaCy's French tokenizer keeps "franco-…" and "sino-…" whole: split for the forms
    found = mentions("La relation franco-algérienne et le dialogue sino-indien reprennent.", "fr")
    assert [m[1] for m in found] == ["FRA", "DZA", "CHN", "IND"]
    # inside an institute's name they name no state
    assert mentions("Elle enseigne à la Maison franco-japonaise de Tokyo depuis 2019.", "fr") == []


def test_a_combining_form_counts_only_before_a_hyphen():
    assert [m[1] for m in mentions("Sino-Japanese ties and Franco-German plans.")] == [
        "CHN",
        "JPN",
        "FRA",
        "DEU",
    ]
    assert mentions("Il progetto franco-tedesco è fermo.", "it") == [
        ("franco", "FRA"),
        ("tedesco", "DEU"),
    ]
    # alone it is another word: a dictator, a free port, "but rather"
    assert mentions("General Franco ruled for decades.") == []
    assert mentions("Il porto franco di Trieste resta aperto.", "it") == []
    assert mentions("No fue un error, sino una decisión.", "es") == []


def test_a_capitalised_demonym_inside_a_romance_sentence_is_a_surname():
    # Italian, Spanish and Portuguese write demonyms in lower case: "Russo" is a surname
    assert mentions("Lo ha detto Mario Russo, analista dell'Ispi.", "it") == []
    assert mentions("Il ministro Russo e Anna Tedesco hanno parlato.", "it") == []
    assert mentions("La pausa no basta, advirtió Rodrigo Alemán.", "es") == []
    # …but not at a sentence's start, nor in a body's name after an article
    assert mentions("Russi e cinesi hanno firmato.", "it") == [("Russi", "RUS"), ("cinesi", "CHN")]
    found = mentions("Agradecieron el apoyo de la República Portuguesa.", "es")
    assert found == [("Portuguesa", "PRT")]
    assert mentions("I piloti dell'Aeronautica Militare Russa.", "it") == [("Russa", "RUS")]
    # French capitalises the nouns of nationality: "les Russes" are Russia's
    assert mentions("Les Russes ont signé.", "fr") == [("Russes", "RUS")]


def test_a_state_after_a_first_name_is_a_surname():
    # given_names.txt: a state's name or demonym right after a first name is a surname
    assert mentions("Host Ellen Jordan talks to Kenji Arai.") == []
    assert mentions("di Marco Russo", "it") == []  # a byline, in title case
    assert mentions("resume Ana Francia, investigadora.", "es") == []
    assert mentions("Por Lucía Alemán", "es") == []
    assert mentions("Íñigo Portugal, almirante en la reserva.", "es") == []
    # the country named after that person is still the country
    assert mentions("Ellen Jordan asked about Jordan.") == [("Jordan", "JOR")]
    # words that open a sentence or name a month are no first names
    assert mentions("Will Russia respond?") == [("Russia", "RUS")]
    assert mentions("In May Japan said it would.") == [("Japan", "JPN")]
    found = mentions("Per Russia e Cina è un problema.", "it")
    assert found == [("Russia", "RUS"), ("Cina", "CHN")]
    # a speaker's label of that surname is the speaker, a sentence naming the state is not
    text = "Host Ellen Jordan talks to Kenji Arai.\n\nJORDAN: Welcome.\n\nARAI: Jordan is far."
    assert mentions(text) == [("Jordan", "JOR")]


def test_a_capital_or_a_shared_surname_after_a_first_name_is_a_surname():
    # a capital, there and alone later in the article (a capital as a place is none anyway)
    text = "L'analista Giulia Praga ha parlato. «Non basta», ha detto Praga. Mosca tace."
    assert mentions(text, "it") == [("Mosca", "RUS")]
    assert mentions("Por Hannah Berlin y Takashi Mori") == []
    # a shared surname: someone else than the Kim the article names
    text = "Kim Jong Un met Putin.\nBy Daniel Kim, Seoul\nKim praised Russia."
    found = [m for m in mentions(text) if m[0] == "Kim"]
    assert found == [("Kim", "PERSON:Kim Jong Un")]
    assert mentions("By Hannah Okafor and Daniel Cho, Northeast Asia Program") == []


def test_sway_over_a_capital_is_its_government_and_nk_is_north_korea():
    found = mentions("Washington should press Beijing to use its influence in Pyongyang.")
    assert ("Pyongyang", "PRK") in found
    assert mentions("Officials met in Pyongyang.") == []  # a place
    assert mentions("China blocks UN statement on NK satellite") == [
        ("China", "CHN"),
        ("UN", "UN"),
        ("NK", "PRK"),
    ]
    assert mentions("NK News reported the launch.") == []  # a publication


def test_russian_roulette_and_the_korean_war_name_no_state():
    assert mentions("Japan will not play Russian roulette with North Korea.") == [
        ("Japan", "JPN"),
        ("North Korea", "PRK"),
    ]
    # a bare "Corea" is the Korea the text names, but not in the war's name
    found = mentions("La Corea del Nord ricorda la guerra di Corea e la roulette russa.", "it")
    assert found == [("Corea del Nord", "PRK")]
    assert mentions("Corea del Norte y la guerra de Corea.", "es") == [("Corea del Norte", "PRK")]


def test_an_italian_post_abroad_puts_the_capital_after_a_in_its_place():
    found = mentions("Tokyo protesta a Pyongyang attraverso la sua ambasciata a Pechino.", "it")
    assert found == [("Tokyo", "JPN"), ("Pyongyang", "PRK")]
    found = mentions("L'ambasciatore italiano a Mosca è stato convocato.", "it")
    assert found == [("italiano", "ITA")]
    # "a" after no such noun is still a dative: who receives is the government
    assert mentions("Roma ha inviato armi a Kiev.", "it") == [("Roma", "ITA"), ("Kiev", "UKR")]


def test_reactions_voiced_in_a_capital_and_dashed_datelines():
    assert mentions("The visit drew a sharp response in Washington.") == [("Washington", "USA")]
    assert mentions("Die Entscheidung stieß auf Kritik in Brüssel.", "de") == [("Brüssel", "EU")]
    assert mentions("The visit drew crowds in Washington.") == []
    # a place in capitals before a dash opens a press release: the writer's place
    assert mentions("WASHINGTON — Today, the Treasury acted against Iran.") == [("Iran", "IRN")]
    assert mentions("WASHINGTON —\nToday, OFAC acted.") == [("OFAC", "USA")]


def test_companies_universities_and_regional_bodies():
    assert mentions("Yemen Gulf Logistics Co. handled the fuel.") == []
    assert mentions("A lecturer at the University of Ghana said so.") == []
    found = mentions("L'Igad et l'UA ont appelé au calme, comme le FOCAC.", "fr")
    assert [m[1] for m in found] == ["IGAD", "AU", "FOCAC"]
    found = mentions("Ha vinto il Dpp, ma nello Yuan legislativo non ha la maggioranza.", "it")
    assert found == [("Yuan legislativo", "TWN")]
    assert mentions("The Taiwan Affairs Office said so.") == [("Taiwan Affairs Office", "CHN")]


def test_a_paragraph_read_as_another_language_keeps_the_articles_names():
    # "como", "de" and "e" make this Portuguese headline read as Spanish, whose names say
    # "Guinea-Bisáu": the article's own Portuguese names still find the state
    text = (
        "Guiné-Bissau: Militares suspendem processo eleitoral e empossam general como "
        "Presidente de transição\nOs militares tomaram o poder na Guiné-Bissau na quarta-feira."
    )
    assert mentions(text, "pt") == [("Guiné-Bissau", "GNB"), ("Guiné-Bissau", "GNB")]


def test_a_place_and_date_line_routes_and_credit_lines_are_places():
    assert mentions("Madrid, 14 de noviembre de 2025\nMadrid criticó a Caracas.", "es") == [
        ("Madrid", "ESP"),
        ("Caracas", "VEN"),
    ]
    assert mentions("Manila, April 29, 2025") == []
    assert mentions("Of the 67 people on the flight from Baku to Grozny, 38 died.") == []
    assert mentions("Lindqvist reported from Tallinn.") == []
    assert mentions("A message from Moscow reached Kyiv.") == [("Moscow", "RUS"), ("Kyiv", "UKR")]


def test_a_headlines_bare_surname_is_the_first_person_introduced_after_it():
    text = (
        "Kim joins Xi at Beijing parade\n"
        "North Korean leader Kim Jong Un stood beside Xi Jinping, as his grandfather Kim Il "
        "Sung did in 1954."
    )
    doc = get_pipeline("en")(text)
    first = doc._.actors[0]
    assert (first.text, first.label_) == ("Kim", "PERSON:Kim Jong Un")


def test_sahel_alliance_lusophone_community_gulfs_and_german_regions():
    found = mentions("Le Mali et ses partenaires de l'Alliance des Etats du Sahel (AES).", "fr")
    assert found == [("Mali", "MLI"), ("Alliance des Etats du Sahel", "AES"), ("AES", "AES")]
    found = mentions("A Comunidade dos Países de Língua Portuguesa (CPLP) reagiu.", "pt")
    assert [m[1] for m in found] == ["CPLP", "CPLP"]
    assert mentions("Drills in the Gulf of Oman went ahead.") == []
    assert mentions("Der Konflikt im Ostkongo dauert an.", "de") == [("Ostkongo", "COD")]
    assert mentions("Der von der AU ernannte Vermittler reiste ab.", "de") == [("AU", "AU")]


def test_venues_credits_agreements_and_provinces_are_no_mentions():
    # a capital before a meeting's noun is its venue; two capitals joined are its parties
    assert mentions("On the eve of the Vilnius summit, Turkey agreed.") == [("Turkey", "TUR")]
    assert mentions("The Washington–Tehran talks resumed.") == [
        ("Washington", "USA"),
        ("Tehran", "IRN"),
    ]
    assert mentions("Sirens sounded across Jerusalem as Iran fired drones.") == [("Iran", "IRN")]
    # a photo credit names a person, even in a line of capitalised words
    assert mentions("Canada expelled a diplomat.\n(Photo: Jordan Reyes)") == [("Canada", "CAN")]
    assert mentions("Maduro ganó.\nFoto: Argentina Salcedo", "es") == [
        ("Maduro", "PERSON:Nicolás Maduro")
    ]
    # an agreement, a broadcaster and a province named after a place
    assert mentions("Con el Acuerdo de Barbados, Venezuela se comprometió.", "es") == [
        ("Venezuela", "VEN")
    ]
    assert mentions("Radio New Zealand reported that Nijjar lived in British Columbia.") == []
    assert mentions("En Itamaraty y en Miraflores, Venezuela preocupa.", "es") == [
        ("Itamaraty", "BRA"),
        ("Miraflores", "VEN"),
        ("Venezuela", "VEN"),
    ]


def test_an_acronym_that_is_a_word_in_a_line_in_capitals_needs_its_actor_named_elsewhere():
    # "who" and "us" shouted in a headline are no World Health Organization or United States
    assert mentions("WHO ELSE WANTS IN?\n\nJapan asked to join.") == [("Japan", "JPN")]
    assert mentions("LET US SEE\n\nJapan asked to join.") == [("Japan", "JPN")]
    assert mentions("EU NÃO SEI\n\nA Rússia falou.", "pt") == [("Rússia", "RUS")]
    # named otherwise in the article, the acronym in capitals stays its actor
    assert mentions("US, JAPAN AGREE ON MISSILES\n\nWashington and Tokyo agreed.") == [
        ("US", "USA"),
        ("JAPAN", "JPN"),
        ("Washington", "USA"),
        ("Tokyo", "JPN"),
    ]
    assert mentions("WHO WARNS OF OUTBREAK\n\nThe World Health Organization said so.") == [
        ("WHO", "WHO"),
        ("World Health Organization", "WHO"),
    ]
    # outside a line in capitals nothing changes
    assert mentions("Who said the WHO erred?") == [("WHO", "WHO")]


def test_security_services_count_for_their_state_and_the_five_eyes_is_a_body():
    assert mentions("Russia's FSB and the CIA traded charges; MI6 stayed silent.") == [
        ("Russia", "RUS"),
        ("FSB", "RUS"),
        ("CIA", "USA"),
        ("MI6", "GBR"),
    ]
    assert mentions("Five Eyes partners shared intelligence.") == [("Five Eyes", "FVEY")]
    assert mentions("L'FSB apre un'inchiesta.", "it") == [("FSB", "RUS")]


def test_names_of_one_stem_go_to_the_name_they_are_written_from():
    # Russian and Bulgarian read their names as stem + ending: "Нигер" is also the stem of
    # "Нигерия", so each inflected form goes to the name it shares the longest beginning with
    assert mentions("Президент Нигерии встретился с послом Нигера.", "ru") == [
        ("Нигерии", "NGA"),
        ("Нигера", "NER"),
    ]
    assert mentions("Властите в Нигерия и Нигер подписаха споразумение.", "bg") == [
        ("Нигерия", "NGA"),
        ("Нигер", "NER"),
    ]


def test_korean_means_is_no_sudan():
    # 수단 is Sudan and "means": the collocations of the second are blocked
    means = "정부는 외교적 수단을 총동원하겠다고 밝혔다. 모든 수단과 방법을 쓴다."
    assert mentions(means, "ko") == []
    assert mentions("수단 내전은 계속되고 있다.", "ko") == [("수단", "SDN")]


def test_missions_predecessors_straits_and_long_wire_credits():
    # UN missions and NATO's force count for their body; the European Community for the EU
    assert mentions("The AU and MONUSCO met in Goma.") == [("AU", "AU"), ("MONUSCO", "MONUSCO")]
    assert mentions("93 militari della Kfor sono stati feriti.", "it") == [("Kfor", "KFOR")]
    assert mentions("Die damalige Europäische Gemeinschaft verhandelte.", "de") == [
        ("Europäische Gemeinschaft", "EU")
    ]
    # a strait named after a state is a place
    assert mentions("Every tanker passing through the Danish straits was checked.") == []
    # expected in a capital: a destination, not its government
    assert mentions("L'inviato dell'Ue è atteso la prossima settimana a Belgrado.", "it") == [
        ("Ue", "EU")
    ]
    # a long wire credit with a role per semicolon is a byline: "Chad" is a first name there
    credit = (
        "Reporting by Chad Mortensen in Nuuk and Louise Kjær in Copenhagen; Additional"
        " reporting by Anna Ruiz in Washington; Editing by Tom Hogue"
    )
    assert mentions(f"Greenland is not for sale.\n{credit}") == []


def test_a_first_name_in_a_writers_line_with_a_date_is_a_person():
    line = "Jordan Villanueva | Commentary | 15 September 2025"
    assert mentions(f"Why the RAA matters\n{line}\nJapan signed a pact.") == [("Japan", "JPN")]
    # a headline between bars stays a headline: its country is named
    headline = "Jordan Rejects Israeli Plan | Analysis | 15 September 2025"
    assert mentions(f"{headline}\nAmman said no.")[:2] == [("Jordan", "JOR"), ("Israeli", "ISR")]


def test_the_council_after_the_security_council_and_where_people_live():
    # "the Council" is the Security Council only where the article names it
    text = "The Security Council met. Several Council members urged the Council to act."
    assert [a for _, a in mentions(text)] == ["UNSC", "UNSC", "UNSC"]
    assert mentions("The Council of the district met. The Council agreed.") == []
    text = "The Security Council met. The EU, whose Council agreed, acted."
    assert [a for _, a in mentions(text)] == ["UNSC", "EU"]
    # "Foreign Office" is the British ministry only where the article names the United Kingdom
    assert mentions("Pakistan's Foreign Office protested.") == [("Pakistan", "PAK")]
    # the residents of a capital are in a place, not its government
    assert mentions("Residents of Kyiv sheltered.") == []
    assert mentions("Los vecinos de Jartum temen una base naval en Port Sudán.", "es") == []
    assert mentions("Les habitants de Kyiv ont fui.", "fr") == []
    assert mentions("The East African Community (EAC) met.") == [
        ("East African Community", "EAC"),
        ("EAC", "EAC"),
    ]


def test_a_speakers_label_the_court_and_a_capital_after_a_locative():
    # a line that is only a person's name, maybe with notes in brackets, is no mention
    lines = ["Jordan Hale (Tamar Valley) (Lab)", "Help?", "Jordan Pierce", "Jordan Hosts Talks"]
    assert mentions("\n".join(lines)) == [("Jordan", "JOR")]
    # "the Court" is the court the article names
    text = "The International Court of Justice ruled. The Court said it lacked jurisdiction."
    assert [a for _, a in mentions(text)] == ["ICJ", "ICJ"]
    text = "The International Criminal Court issued a warrant. The Court said so."
    assert [a for _, a in mentions(text)] == ["ICC", "ICC"]
    assert mentions("The Court of Appeal ruled.") == []
    # PNG, and La Paz after a locative is a place, not Rodrigo Paz
    assert mentions("PNG signed the treaty.") == [("PNG", "PNG")]
    assert mentions("Rodrigo Paz juró en La Paz.", "es") == [("Rodrigo Paz", "PERSON:Rodrigo Paz")]
    # "Bundesregierung" is the government of the state the article names, Austria's or Germany's
    text = "Österreich ist laut Bundesregierung vorbereitet."
    assert [a for _, a in mentions(text, "de")] == ["AUT", "AUT"]
    text = "Deutschland liefert. Die Bundesregierung verurteilte den Angriff."
    assert [a for _, a in mentions(text, "de")] == ["DEU", "DEU"]
    # Italian acronyms in lower case after their first letter
    assert [a for _, a in mentions("L'Ua e la Sadc hanno sospeso il Paese.", "it")] == [
        "AU",
        "SADC",
    ]


def test_the_eu_court_swiss_and_portuguese_institutions_and_names_inside_names():
    text = "Sono state le sentenze dei giudici di Lussemburgo."
    assert mentions(text, "it") == [("giudici di Lussemburgo", "CJEU")]
    assert mentions("Per Fratelli d'Italia le critiche sono propaganda.", "it") == []
    text = "Der Bundesrat will das Mandat verabschieden. Die Schweiz zahlt."
    assert [a for _, a in mentions(text, "de")] == ["CHE", "CHE"]
    text = "Em Portugal, a Assembleia da República aprovou a resolução."
    assert [a for _, a in mentions(text, "pt")] == ["PRT", "PRT"]
    text = "El ministro de Asuntos Exteriores, Unión Europea y Cooperación habló."
    assert mentions(text, "es") == []
    assert mentions("Supporters called a sit-in on Avenida Chile in Bogotá.") == []


def test_the_council_and_commission_of_the_eu_austrias_parliament_and_streets():
    text = "The Council of the EU met. The Council today adopted a package."
    assert [a for _, a in mentions(text)] == ["EU_COUNCIL", "EU_COUNCIL"]
    text = "La Commission européenne doit présenter. À la Commission, on veut croire."
    assert [a for _, a in mentions(text, "fr")] == ["EC", "EC"]
    assert mentions("La Commission électorale a publié les résultats.", "fr") == []
    text = "Österreich zögert. Der Nationalrat stimmt ab. Ministerin Klaudia Tanner will handeln."
    assert [a for _, a in mentions(text, "de")] == ["AUT", "AUT", "PERSON:Klaudia Tanner"]
    assert mentions("Houve um desfile na Avenida de Portugal.", "pt") == []
    assert mentions("Un presidio in piazza Albania a Roma.", "it") == []


def test_a_short_form_followed_by_a_linked_name_starts_another_body():
    text = "The European Commission acted. The Commission of Inquiry on Syria said so."
    assert mentions(text) == [("European Commission", "EC"), ("Syria", "SYR")]
    text = (
        "La Comisión Europea habló con los ministros. La Comisión de Asuntos Exteriores del "
        "Congreso no respondió. La Comisión siguió con su plan."
    )
    assert [m for m in mentions(text, "es") if m[1] == "EC"] == [
        ("La Comisión Europea", "EC"),
        ("La Comisión", "EC"),
    ]


def test_korean_intelligence_and_a_commission_named_after_the_eu():
    # "NIS" is Seoul's intelligence service only where the text is about the Koreas
    text = "NIS says N. Korea sent more workers to Russia."
    assert ("NIS", "KOR") in mentions(text)
    assert mentions("NIS says the refinery in Pančevo will close.") == []
    # a bare "Commission" counts for the EU where the EU, not only its Commission, is named
    text = "EU ministers met. Officials said the Commission is preparing countermeasures."
    assert ("the Commission", "EC") in mentions(text)
    text = "Die EU zögert, sagt ein hoher Beamter der Kommission."
    assert ("der Kommission", "EC") in mentions(text, "de")
    assert mentions("The Commission is preparing countermeasures.") == []


def test_the_twenty_seven_are_the_eu():
    assert mentions("Les Vingt-Sept doivent trancher, vingt-sept voix.", "fr") == [
        ("Les Vingt-Sept", "EU")
    ]
    assert mentions("Los Veintisiete no lograron un acuerdo.", "es") == [("Los Veintisiete", "EU")]


def test_a_capital_after_an_elided_link_or_a_hospital_is_a_place():
    # French "d'" links a capital to the place noun before it, as "de" does
    assert mentions("Il a été arrêté à l'aéroport d'Alger en novembre.", "fr") == []
    assert mentions("Les rues d’Alger étaient calmes.", "fr") == []
    assert mentions("Les autorités d'Alger ont protesté.", "fr") == [("Alger", "DZA")]
    assert mentions("Il a passé la nuit dans un hôpital de Berlin.", "fr") == []
    assert mentions("Ricoverato in un ospedale di Mosca, è stato dimesso.", "it") == []
    assert mentions("Los vecinos de un barrio de Kiev huyeron.", "es") == []


def test_a_states_named_armed_services_count_for_it():
    assert mentions("A Royal Navy frigate, supported by an RAF P-8, tracked it.") == [
        ("Royal Navy", "GBR"),
        ("RAF", "GBR"),
    ]


def test_a_state_in_a_french_street_name_is_no_mention():
    text = "Ils logent avenue de France, près de la Place de Russie, et la Chine proteste."
    assert mentions(text, "fr") == [("Chine", "CHN")]
    # "à la place de" is "instead of": the state is named
    assert mentions("Le Japon a parlé à la place de la Chine.", "fr") == [
        ("Japon", "JPN"),
        ("Chine", "CHN"),
    ]


def test_those_a_capital_opening_its_sentence_hosts_are_its_government():
    # an impersonal subject after the capital: the people who decide there
    assert mentions("À Téhéran, on suit le dossier de près.", "fr") == [("Téhéran", "IRN")]
    assert mentions("In Berlin beobachtet man die Eskalation.", "de") == [("Berlin", "DEU")]
    # others there, or an impersonal subject in another clause: a place
    assert mentions("À Téhéran, les manifestants ont défilé.", "fr") == []
    assert mentions("Er wohnt in Berlin, man sieht ihn oft.", "de") == []
    # a square named after a state, in an English text
    assert mentions("Crowds gathered on Place du Luxembourg in Brussels.") == []


def test_a_capital_near_or_outside_which_something_happens_is_a_place():
    assert mentions("Fighting raged near Kyiv as a drone fell outside Moscow.") == []
    assert mentions("Moscow sent technicians near the front.") == [("Moscow", "RUS")]


def test_seouls_parliament_and_joint_chiefs_where_korea_is_named():
    text = "South Korea protested. The National Assembly voted. The JCS said so."
    assert [m[1] for m in mentions(text)] == ["KOR", "KOR", "KOR"]
    # elsewhere a National Assembly is another state's, and "JCS" nobody's
    assert mentions("Vietnam's National Assembly met. The JCS chairman spoke.") == [
        ("Vietnam", "VNM")
    ]
    assert mentions("Erdogan sent it to the Grand National Assembly.") == [
        ("Erdogan", "PERSON:Recep Tayyip Erdogan"),
        ("Grand National Assembly", "TUR"),
    ]


def test_the_quad_is_the_indo_pacific_one_only_beside_its_members():
    sudan = "The Quad of the United States, Saudi Arabia, the UAE and Egypt drafted it."
    assert [m[1] for m in mentions(sudan)] == ["USA", "SAU", "ARE", "EGY"]
    assert [m[1] for m in mentions("Japan hosted the Quad foreign ministers.")] == ["JPN", "QUAD"]


def test_a_capital_on_a_date_line_and_names_around_a_compound_are_no_mentions():
    text = "Título\nCiudad de México - 21 nov 2025 - 05:30 CET\nMéxico respondió."
    assert mentions(text, "es") == [("México", "MEX")]
    text = "Title\nPublished on November 21, 2025, at 5:00 pm (Paris)\nFrance replied."
    assert mentions(text) == [("France", "FRA")]
    text = "sagt er vom Japanisch-Deutschen Zentrum."
    assert mentions(text, "de") == []
    assert mentions("She is a fellow at the German Marshall Fund of the United States.") == []


def test_a_state_naming_a_field_of_expertise_is_no_mention():
    text = "South Korea said so, said a Korea specialist at the forum. China experts agreed."
    assert mentions(text) == [("South Korea", "KOR")]
    # a body's experts and a state's people are theirs
    assert [m[1] for m in mentions("UN experts and Chinese experts disagreed.")] == ["UN", "CHN"]
    # a verb after the name is no field ("Kenya hands over", "Sweden hand in their bids")
    assert mentions("Kenya hands over in Haiti.") == [("Kenya", "KEN"), ("Haiti", "HTI")]


def test_swiss_spellings_a_correspondents_place_and_an_institution_of_a_state():
    # Swiss German writes "ss" for "ß": the names and the word lists read both spellings
    text = "Das Aussenministerium in Peking protestierte, Grossbritannien schwieg."
    assert mentions(text, "de") == [("Peking", "CHN"), ("Grossbritannien", "GBR")]
    assert mentions("Das Außenministerium in Peking protestierte.", "de") == [("Peking", "CHN")]
    # a writer's name and the capital where the correspondent writes from, alone on a line
    assert mentions("Titel\nLukas Wyss, Peking\nPeking protestierte.", "de") == [("Peking", "CHN")]
    assert [m[1] for m in mentions("Headline\nJane Smith, Beijing bureau chief\nText.")] == ["CHN"]
    # an institution's name that ends in a state's name is not the state
    text = "Selon une chercheuse de la Fondation Asie Pacifique du Canada, Pékin hésite."
    assert mentions(text, "fr") == [("Pékin", "CHN")]
    assert mentions("A fellow at the Asia Pacific Foundation of Canada spoke.") == []
    assert mentions("El Instituto Nacional de Estadística de España informó.", "es") == [
        ("España", "ESP")
    ]


def test_a_list_of_places_after_a_locative_and_a_fronted_place_before_governments():
    # places listed with commas after a locative inside the clause are all places
    assert mentions("The firm opened offices in Beijing, Seoul and Tokyo.") == []
    text = "Abrirá oficinas comerciales en Pekín, Seúl y Tokio."
    assert mentions(text, "es") == []
    # after a locative that opens the clause, the names that follow are its subjects
    text = "In Beijing, Seoul and Tokyo are seen as rivals."
    assert mentions(text) == [("Seoul", "KOR"), ("Tokyo", "JPN")]
    assert mentions("In Washington, Tokyo's envoy said so.") == [("Tokyo", "JPN")]
    # nor after a place that ends a fronted phrase: the names go on to their verb
    text = "In a declaration signed in Washington, Baku and Yerevan endorsed the text."
    assert mentions(text) == [("Baku", "AZE"), ("Yerevan", "ARM")]
    # a dateline without a year is the place of writing
    text = "Lima, nov. 21 (ANDINA). El Perú crece."
    assert mentions(text, "es") == [("Perú", "PER")]


def test_the_un_secretary_general_alone_an_institute_of_two_words_and_an_accords_venue():
    # "the Secretary-General" alone is the UN's where the UN is named, not a body's
    # Secretary-General before a name
    text = "The UN met. The Secretary-General reiterates his call. OCHA agreed."
    assert [m[1] for m in mentions(text)] == ["UN", "UN", "OCHA"]
    assert mentions("The Secretary-General reiterates his call.") == []
    text = "The UN met, and Secretary-General Mark Rutte spoke for NATO."
    assert [m[1] for m in mentions(text)] == ["UN", "PERSON:Mark Rutte", "NATO"]
    # up to two capitalised words between a demonym and an institution's head
    text = "Chad Whitby, an analyst at the Australian Strategic Policy Institute, said so."
    assert mentions(text) == []
    # a capital before an accord names where it was made
    assert mentions("A key step under the Kuala Lumpur accord.") == []


def test_the_eu_as_its_member_count_a_ministrys_demonym_and_a_council_named_for_a_state():
    # "Vinte e Sete" after a contracted article ("pelos") is still the Twenty-Seven
    text = "O fundo foi aprovado pelos Vinte e Sete em Maio."
    assert mentions(text, "pt") == [("Vinte e Sete", "EU")]
    # a demonym's Foreign Office is that state's, not the UK's; a council named for a state
    # is none of its mentions
    text = "Nobody at the German Foreign Office knew, said his counterpart from Britain."
    assert mentions(text) == [("German Foreign Office", "DEU"), ("Britain", "GBR")]
    assert mentions("says Georgia Sommer of the German Council on Foreign Relations.") == []
    # a first name that is a state's name, in a full name the gazetteer knows
    text = "La vicepresidenta Francia Márquez pidió calma."
    assert [m[0] for m in mentions(text, "es")] == ["Francia Márquez"]
    assert mentions("Mosca verrebbe riammessa nel G8.", "it") == [("Mosca", "RUS"), ("G8", "G8")]


def test_a_correspondents_capital_flights_and_a_belgian_government():
    # the capital a correspondent writes from, and a flight's destination, are places
    assert mentions("ÁLVARO SANZ MEDINA Corresponsal Washington", "es") == []
    assert mentions("Las aerolíneas suspendieron sus vuelos a Caracas.", "es") == []
    assert mentions("Washington presiona a Caracas.", "es") == [
        ("Washington", "USA"),
        ("Caracas", "VEN"),
    ]
    # Brussels' government is Belgium's, Brussels alone the EU's
    text = "Il governo di Bruxelles teme le contromisure, Bruxelles tace."
    assert [m[1] for m in mentions(text, "it")] == ["BEL", "EU"]
    # a surname shared with others counts only after its full name
    assert mentions("said Jordan Mattis, a senior fellow in Tokyo.") == []


def test_a_commander_the_twenty_seven_a_navy_a_gulf_a_university_and_a_trip():
    text = "Il generale Khalifa Haftar ha parlato. E dovrebbe dire a Haftar di no."
    assert [m[0] for m in mentions(text, "it")] == ["Khalifa Haftar", "Haftar"]
    text = "The interior ministers of the Twenty-Seven met."
    assert mentions(text) == [("the Twenty-Seven", "EU")]
    text = "La Marine nationale a arraisonné le pétrolier dans le golfe de Finlande."
    assert mentions(text, "fr") == [("Marine nationale", "FRA")]
    assert mentions("Es investigadora de la Universidad de Chile.", "es") == []
    assert mentions("Will the Secretary go to Brussels for the meeting?") == []


def test_a_shared_name_before_another_states_name_is_no_longer_name():
    # German capitalises its nouns: "Bundesregierung Polen" is the government and its object
    text = "Deutschland hilft. Nun will die Bundesregierung Polen unterstützen."
    assert [m[1] for m in mentions(text, "de")] == ["DEU", "DEU", "POL"]
    # a capitalised word that starts no actor still makes a longer name
    assert mentions("South Korea grew. Korea Aerospace Industries said so.") == [
        ("South Korea", "KOR")
    ]


def test_chiles_capital_alone_and_a_ministrys_palace():
    # "Santiago" alone is Chile's capital, not before a name nor inside a longer place's name
    assert mentions("Santiago respalda el reclamo.", "es") == [("Santiago", "CHL")]
    assert mentions("Santiago Peña visitó Santiago de Compostela.", "es") == [
        ("Santiago Peña", "PERSON:Santiago Peña")
    ]
    text = "Por ahora, en el Palacio San Martín prefieren la cautela."
    assert mentions(text, "es") == [("Palacio San Martín", "ARG")]


def test_the_hague_in_italian_after_an_elided_article():
    text = "Il governo tedesco aveva chiesto all'Aia e a Pechino un compromesso."
    assert mentions(text, "it") == [("tedesco", "DEU"), ("Aia", "NLD"), ("Pechino", "CHN")]


def test_office_holders_bodies_and_a_swiss_metonym():
    text = "Deputy Secretary of State Christopher Landau arrived. Landau met ministers."
    assert [a for _, a in mentions(text)] == ["PERSON:Christopher Landau"] * 2
    assert mentions("Landau is a town in the Palatinate.") == []  # the surname needs the name
    text = "Innenminister Vladislav Kondratovič sprach von einem Angriff."
    assert mentions(text, "de") == [("Vladislav Kondratovič", "PERSON:Vladislav Kondratovič")]
    text = "Mercosur firmó con la Asociación Europea de Libre Comercio (AELC)."
    assert [a for _, a in mentions(text, "es")] == ["MERCOSUR", "EFTA", "EFTA"]
    # Italy's air force in Italian, not another state's
    text = "L'Aeronautica Militare assumerà la guida della missione."
    assert mentions(text, "it") == [("Aeronautica Militare", "ITA")]
    # "la Confédération" is Switzerland where the text names it, not a union
    text = "Rubio a remercié la Confédération. La Suisse a offert ses bons offices."
    assert [a for _, a in mentions(text, "fr")] == ["PERSON:Marco Rubio", "CHE", "CHE"]
    assert mentions("Rubio a remercié la Confédération.", "fr") == [("Rubio", "PERSON:Marco Rubio")]


def test_more_capitals_that_are_places_venues_or_the_reading_there():
    # how a thing is read in a capital is its government's reading
    text = "Rubio's absence will be read in Moscow as a sign of weakness."
    assert [a for _, a in mentions(text)] == ["PERSON:Marco Rubio", "RUS"]
    # two venues before one noun, airports and areas of a capital, a mission's name
    assert mentions("France said the Washington and Doha processes must go on.") == [
        ("France", "FRA")
    ]
    assert mentions("In September the airports of Copenhagen and Oslo closed.") == []
    assert mentions("A gennaio gli aeroporti di Copenaghen e Oslo hanno chiuso.", "it") == []
    assert mentions("It was launched from the Sunan area of Pyongyang.") == []
    text = "The Stabilization Mission in the Democratic Republic of the Congo (MONUSCO) said so."
    assert [a for _, a in mentions(text)] == ["MONUSCO"]
    # German: "near" a capital, a broadcaster's studio there
    assert mentions("Soldaten werden in Rūdninkai bei Vilnius stationiert.", "de") == []
    assert mentions("Mit Informationen von Jana Reinholz, ARD-Studio Moskau", "de") == []


def test_a_german_genitive_more_office_holders_and_bodies():
    # a person's name in the German genitive, generated from the names (none after an "s")
    text = "Wadephuls zweiter Anlauf. Ganz oben auf Johann Wadephuls Liste steht China."
    assert [a for _, a in mentions(text, "de")] == ["PERSON:Johann Wadephul"] * 2 + ["CHN"]
    assert mentions("Hans Weber und Hanna reisten ab.", "de") == []  # no "Han" + "s"
    text = "The E3 met Wang Wentao. Asset freezes are enforced by HM Treasury."
    assert [a for _, a in mentions(text)] == ["E3", "PERSON:Wang Wentao", "GBR"]
    assert mentions("They are listed on the UK Sanctions List.") == []
    # "the People's Republic" is China's where the text names China
    text = "China curbed exports. The People's Republic controls the processing."
    assert [a for _, a in mentions(text)] == ["CHN", "CHN"]
    assert mentions("The People's Republic controls the processing.") == []


def test_a_capital_one_goes_to_or_will_be_in_and_a_stadiums_name():
    assert mentions("Paulo Rangel vai a Maputo na próxima semana.", "pt") == [
        ("Paulo Rangel", "PERSON:Paulo Rangel")
    ]
    assert mentions("Il commissario sarà a Roma lunedì.", "it") == []
    assert mentions("La inauguración será en el Estadio Ciudad de México.", "es") == []


def test_another_states_officials_in_a_capital_are_there_as_visitors():
    text = "Dan Driscoll met Russian officials in Abu Dhabi. Chinese officials in Beijing said no."
    assert [a for _, a in mentions(text)] == ["PERSON:Dan Driscoll", "RUS", "CHN", "CHN"]
    assert mentions("Officials in Tokyo agreed.") == [("Tokyo", "JPN")]


def test_the_pope_migration_a_swiss_agency_and_names_of_offices_and_associations():
    assert mentions("Il Pontefice ne ha parlato ieri.", "it") == [("Pontefice", "VAT")]
    text = "Peter Shanel Agovaka said the Solomons would decide. Agovaka left."
    assert [a for _, a in mentions(text)] == ["PERSON:Peter Shanel Agovaka", "SLB"] + [
        "PERSON:Peter Shanel Agovaka"
    ]
    text = "Según la Organización Internacional para las Migraciones (OIM), huyeron miles."
    assert [a for _, a in mentions(text, "es")] == ["IOM", "IOM"]
    text = "Beim Staatssekretariat für Wirtschaft (Seco) verfolgt man die Lage."
    assert [a for _, a in mentions(text, "de")] == ["CHE", "CHE"]
    # a body's name with a state's in it, a news site's and a photo credit's
    assert mentions("Laut dem Verband der Schweizerischen Uhrenindustrie sanken sie.", "de") == []
    assert mentions("The Federation of the Swiss Watch Industry said so.") == []
    assert mentions("UN News") == []
    assert mentions("UN Photo/Giles Clarke") == []
    # a capital one heads to, a correspondent's place
    assert mentions("Wong heads to Honiara today.") == []
    assert mentions("Bruselas. Corresponsal", "es") == []


def test_hand_kept_names_of_languages_without_resources():
    assert mentions("Alger protesta, segons el ministeri algerià.", "ca") == [
        ("Alger", "DZA"),
        ("algerià", "DZA"),
    ]
    assert mentions("Potrivit MApN, dronele au fost detectate.", "ro") == [("MApN", "ROU")]


def test_more_office_holders_a_seat_a_ministry_and_a_partys_long_name():
    text = "Egypt's minister met Massad Boulos in Cairo. Boulos said talks would go on."
    assert [a for _, a in mentions(text)] == ["EGY"] + ["PERSON:Massad Boulos"] * 2
    assert mentions("The Ministry of External Affairs did not respond.") == [
        ("Ministry of External Affairs", "IND")
    ]
    text = "La Commission n'a pas convaincu le 16 rue de la Loi."
    assert mentions(text, "fr") == [("16 rue de la Loi", "BEL")]
    # a party named for its country is no mention of it (nor "União" the EU's)
    text = "A UNITA (União Nacional para a Independência Total de Angola) acusa."
    assert mentions(text, "pt") == []
    text = "Inom ett dygn hade Kustbevakningen och Försvarsmakten pekat ut ett fartyg."
    assert [a for _, a in mentions(text, "sv")] == ["SWE", "SWE"]


def test_the_islamic_republic_a_company_and_a_university_named_with_a_state():
    assert mentions("According to a report, the Islamic Republic still holds 440 kilograms.") == [
        ("Islamic Republic", "IRN")
    ]
    # another Islamic republic by its full name stays itself
    assert mentions("The Islamic Republic of Mauritania voted.") == [
        ("Islamic Republic of Mauritania", "MRT")
    ]
    assert mentions("la République islamique détiendrait encore 440 kilos.", "fr") == [
        ("République islamique", "IRN")
    ]
    assert mentions("Saudi Aramco weighs a stake in a refinery in India.") == [("India", "IND")]
    assert mentions(
        "Para o investigador Miguel Anjos, da Universidade Católica Portuguesa, Angola cedeu.", "pt"
    ) == [("Angola", "AGO")]


def test_the_places_of_a_wire_dateline_are_no_mentions_whatever_they_name():
    # a hyphen between spaces after a place in capitals, as a wrap-up's later datelines have
    assert mentions("MOSCOW - The Kremlin said on Saturday.") == [("Kremlin", "RUS")]
    assert mentions("Kyiv hit\nMOSCOW-based analysts doubt it.") == [("Kyiv", "UKR")]
    # a joint dateline: the organisation's seat, then a capital, then the date
    text = "Grid hit\nUNITED NATIONS/KYIV, March 14 (Reuters) - Russia pounded the grid."
    assert mentions(text) == [("Russia", "RUS")]
    text = "Vote\nSINGAPORE, March 3 (Reuters) - Singapore said it would abstain."
    assert mentions(text) == [("Singapore", "SGP")]
    # not a body's name in capitals that opens its sentence
    assert mentions("NATO, to its credit, moved quickly.") == [("NATO", "NATO")]
    assert mentions("Tokyo reacts\n(Reporting by Jo Lee and the Moscow bureau)") == [
        ("Tokyo", "JPN")
    ]


def test_societies_parties_agencies_and_facing_a_capital():
    assert mentions("In retirement he chaired the Japan Society in London.") == []
    text = "Soddisfazione è stata espressa da Fratelli d'Italia e da Forza Italia."
    assert mentions(text, "it") == []
    assert mentions("Photo: Adrian Wyld La Presse canadienne", "fr") == []
    text = "« Le Canada n’a jamais été aussi faible face à Washington », a-t-il dit."
    assert mentions(text, "fr") == [("Canada", "CAN"), ("Washington", "USA")]
    assert mentions("Il vit à Washington depuis 2010.", "fr") == []


def test_a_mission_a_correspondent_and_a_parliament_shared_by_two_states():
    assert mentions("Greer will lead a trade mission to Beijing in May.") == []
    text = "Trump prepara una misión comercial a Buenos Aires."
    assert mentions(text, "es") == [("Trump", "PERSON:Donald Trump")]
    assert mentions("She is the Tokyo correspondent of The Meridian.") == []
    # the House of Commons is the one of Britain's or Canada's the article names
    text = "The UK must act. The House of Commons voted."
    assert mentions(text) == [("UK", "GBR"), ("House of Commons", "GBR")]
    text = "Canada must act. The House of Commons voted."
    assert mentions(text) == [("Canada", "CAN"), ("House of Commons", "CAN")]
    assert mentions("Im Bendlerblock hält das kaum jemand für realistisch.", "de") == [
        ("Bendlerblock", "DEU")
    ]


def test_a_governments_capital_an_owner_after_in_and_new_names():
    # a government named by its capital after a name link is that state, not a place
    text = "Es la pregunta que se hacen los Gobiernos de Seúl, Tokio y Washington."
    assert {a for _, a in mentions(text, "es")} == {"KOR", "JPN", "USA"}
    assert mentions("Estudió en la Universidad de Tokio.", "es") == []
    # a capital that owns what follows is no place, even after "in"
    text = "Russia was a secondary factor in Tokyo’s calculations."
    assert ("Tokyo", "JPN") in mentions(text)
    assert mentions("The rally took place in Tokyo's Ginza district.") == []
    assert mentions("They met in Moscow's northern suburbs.") == []
    # a former prime minister, an army in Spanish
    text = "Prime Minister Junichiro Koizumi flew to Pyongyang. Koizumi met Kim."
    assert [a for _, a in mentions(text)][:2] == [
        "PERSON:Junichiro Koizumi",
        "PERSON:Junichiro Koizumi",
    ]
    text = "Unidades del Ejército Popular de Corea están en Kursk."
    assert mentions(text, "es") == [("Ejército Popular de Corea", "PRK")]


def test_a_recipient_the_euphonic_ad_a_concern_there_a_publication_and_the_msmt():
    # French "à" after a verb of giving names who receives
    text = "En échange, Moscou fournirait à Pyongyang une aide."
    assert ("Pyongyang", "PRK") in mentions(text, "fr")
    assert mentions("Il vit à Pyongyang.", "fr") == []
    # Italian "ad" is "a" before a vowel: a place after a name
    assert mentions("Il vertice dell'Alleanza ad Ankara.", "it") == []
    # what worries there is the government's worry
    text = "Lo que más preocupa en Tokio y en Seúl es el satélite."
    assert {a for _, a in mentions(text, "es")} >= {"JPN"}
    # the white paper's title names no state; the sanctions monitoring team is a body
    assert mentions("DEFENSE OF JAPAN 2026 (Digest)") == []
    assert ("Japan", "JPN") in mentions("Washington's commitment to the defense of Japan.")
    text = "Japan would work with the Multilateral Sanctions Monitoring Team (MSMT)."
    assert ("Multilateral Sanctions Monitoring Team", "MSMT") in mentions(text)
    # the writer's place after a bar, under a Spanish headline
    assert mentions("ELENA MARTÍN RÍOS | Madrid", "es") == []
    # a federal ministry is the government of whichever federal state the article names
    text = "Deutschland zögert. Das heißt es im Bundesverteidigungsministerium."
    assert mentions(text, "de")[-1] == ("Bundesverteidigungsministerium", "DEU")
    text = "Österreich zögert. Das heißt es im Bundesverteidigungsministerium."
    assert mentions(text, "de")[-1] == ("Bundesverteidigungsministerium", "AUT")


def test_a_capital_after_as_for_is_the_topic_and_the_north_after_a_preposition():
    # "quanto a", "quant à": the capital is what the clause is about, not a place
    text = "Quanto a Pyongyang, ha restituito sei pescatori. A Tokyo la Borsa sale."
    assert mentions(text, "it") == [("Pyongyang", "PRK")]
    text = "Quant à Pékin, il a promis son aide."
    assert mentions(text, "fr") == [("Pékin", "CHN")]
    # "al Nord", "dal Nord": the North where Korea is named, not otherwise
    text = "La Corea del Sud chiede il ritorno dei cittadini detenuti al Nord."
    assert mentions(text, "it") == [("Corea del Sud", "KOR"), ("al Nord", "PRK")]
    assert mentions("Le imprese investono al Nord.", "it") == []
