from datetime import date

import pytest

from analysis.metadata import (
    classify_line,
    find_published,
    find_source,
    guess_title,
    is_brand,
    is_dated_writer_line,
    is_masthead,
    parse_date,
    timestamps,
    without_wire_tag,
)


def kinds(lines, language="en"):
    return [classify_line(line, language, i) for i, line in enumerate(lines)]


def test_line_kinds():
    lines = [
        "Japan Expresses Concerns Over Russia-North Korea Military Cooperation",
        "By Hana Sato",
        "26 | 12 | 2023",
        "Japan has expressed serious concerns. It said so on Monday.",
        "Leave a Reply",
        "(From The Yomiuri Shimbun, Jan. 16, 2024)",
        "Original Source: www.straitstimes.com",
    ]
    assert kinds(lines) == ["headline", "byline", "dateline", "body", "heading", "credit", "credit"]


def test_dates_in_three_languages_keep_their_precision():
    assert parse_date("26 | 12 | 2023") == ("2023-12-26", "day")
    assert parse_date("Jan. 16, 2024") == ("2024-01-16", "day")
    assert parse_date("16 gennaio 2024", "it") == ("2024-01-16", "day")
    assert parse_date("16 de enero de 2024", "es") == ("2024-01-16", "day")
    assert parse_date("June 2024") == ("2024-06", "month")
    assert parse_date("2024-06") == ("2024-06", "month")
    assert parse_date("yesterday") is None and parse_date("six-year term") is None


def test_an_article_in_no_configured_language_still_gets_its_dated_line():
    assert parse_date("12 maart 2025", "xx") == ("2025-03-12", "day")  # Dutch
    assert parse_date("12 marca 2025", "xx") == ("2025-03-12", "day")  # Polish
    lines = ["Rusland en Noord-Korea", "Den Haag, 12 maart 2025 - Het kabinet sprak."]
    assert find_published(lines, kinds(lines, "xx"), "xx").value == "2025-03-12"


def test_published_from_dateline_footer_or_cue():
    lines = ["Title", "Body sentence here.", "(From The Yomiuri Shimbun, Jan. 16, 2024)"]
    found = find_published(lines, kinds(lines), "en")
    assert (found.value, found.precision) == ("2024-01-16", "day")
    assert find_source(lines, kinds(lines), "en") == ("The Yomiuri Shimbun", "credit line")
    lines = ["Titolo", "Pubblicato il 20 giugno 2024", "Testo dell'articolo."]
    assert find_published(lines, kinds(lines, "it"), "it").value == "2024-06-20"
    lines = ["Just a body sentence with no date at all."]
    assert find_published(lines, kinds(lines), "en") is None


@pytest.mark.parametrize(
    ("lang", "line", "value"),
    [
        ("en", "Manila, April 29, 2025", "2025-04-29"),  # a statement's place and date
        ("en", "Washington, D.C., April 11, 2024", "2024-04-11"),
        ("fr", "Paris, le 3 mars 2025", "2025-03-03"),
        ("pt", "Brasília, 5 de março de 2025", "2025-03-05"),
        ("en", "Delivered on August 15, 2025, at Gwanghwamun Square, Seoul", "2025-08-15"),
        ("it", "ROMA, 02 marzo 2025, 13:42", "2025-03-02"),  # an agency's, with its time
        # the time first, with its zone ("Updated 8:42 PM GMT+9, April 2" in translation)
        ("it", "Aggiornato alle 20:42 GMT+9 del 2 aprile 2027", "2027-04-02"),
        ("es", "Actualizado a las 10:32 CET del 2 de abril de 2027", "2027-04-02"),
        ("en", "Updated 08:15 GMT on 2 April 2027", "2027-04-02"),
    ],
)
def test_published_from_a_place_and_date_line_or_a_speech_header(lang, line, value):
    lines = ["Joint Statement of the Leaders", line, "1. We, the leaders, met today."]
    assert kinds(lines, lang)[1] == "dateline"
    assert find_published(lines, kinds(lines, lang), lang).value == value
    # a heading with a place and no day is not one
    lines = ["Title", "Seoul, June 2024", "Body text of the article."]
    assert find_published(lines, kinds(lines), "en") is None


def test_title_from_headline_or_opening_words():
    lines = ["Kim meets Putin", "Body."]
    assert guess_title(lines, kinds(lines)) == ("Kim meets Putin", "first line")
    lines = [
        "Group of Seven nations are expressing growing concern over intensifying "
        "cooperation between Russia and North Korea."
    ]
    title, where = guess_title(lines, kinds(lines))
    assert title.endswith("…") and len(title.split()) == 12 and where == "opening words"


def test_wire_dateline_opening_the_first_paragraph():
    lines = [
        "Drills begin",
        "SEOUL, March 12, 2024 — South Korea and the United States began "
        "their annual exercises on Monday.",
        "More text.",
    ]
    found = find_published(lines, kinds(lines), "en")
    assert (found.value, found.precision) == ("2024-03-12", "day")
    lines = ["Titolo", "ROMA, 12 marzo 2024 - Il governo ha deciso di rinviare il voto."]
    assert find_published(lines, kinds(lines, "it"), "it").value == "2024-03-12"
    lines = ["Title", "WASHINGTON — Officials said on Monday that talks would resume."]
    assert find_published(lines, kinds(lines), "en") is None  # no date, none invented


def test_a_dateline_whose_place_is_written_in_small_letters():
    lines = [
        "Irán y Rusia firman un acuerdo",
        "Teherán, 17 de enero de 2025 — El presidente iraní y el ruso firmaron el viernes un "
        "tratado de asociación estratégica.",
    ]
    assert find_published(lines, kinds(lines, "es"), "es").value == "2025-01-17"
    lines = ["Titolo", "Roma, 12 febbraio 2025 – Le Filippine hanno accusato la Cina di tutto."]
    assert find_published(lines, kinds(lines, "it"), "it").value == "2025-02-12"
    lines = ["Title", "Ciudad de México, 3 de marzo de 2025 — El gobierno anunció un plan nuevo."]
    assert find_published(lines, kinds(lines, "es"), "es").value == "2025-03-03"
    lines = ["Title", "However, in 2024 - the alliance said it would expand its exercises."]
    assert find_published(lines, kinds(lines), "en") is None  # a year in a clause is no dateline


def test_a_timestamp_line_or_a_closing_credit_gives_the_date():
    lines = [
        "China and Philippines trade blame after water cannon",
        "Updated 9:42 PM GMT+8, December 11, 2023",
        "MANILA (AP) —",
        "Chinese coast guard ships fired water cannons on Sunday.",
    ]
    assert find_published(lines, kinds(lines), "en").value == "2023-12-11"
    lines = [
        "G20 leaders meet in Johannesburg",
        "Leaders gathered on Saturday.",
        "(Reporting by Thando Nkosi; Editing by Daniel Forbes; published 22 November 2025)",
    ]
    assert find_published(lines, kinds(lines), "en").value == "2025-11-22"
    lines = [
        "Title",
        "Body.",
        "Published reports say the deal was signed on March 3, 2024, in Doha by both sides.",
    ]
    assert find_published(lines, kinds(lines), "en") is None  # a sentence, not a credit
    # a closing sentence saying when it came out, or an agency credit with the date
    body = ["Talks stall", "The two sides met on Friday."]
    closing = "This story was first published on Nov. 14, 2025."
    assert find_published([*body, closing], kinds([*body, closing]), "en").value == "2025-11-14"
    closing = "Esta noticia se publicó originalmente el 14 de noviembre de 2025."
    lines = ["Título", "Las dos partes se reunieron.", closing]
    assert find_published(lines, kinds(lines, "es"), "es").value == "2025-11-14"
    lines = ["Titolo", "Le due parti si sono incontrate.", "(ANSA, 28 ottobre 2025)"]
    assert find_published(lines, kinds(lines, "it"), "it").value == "2025-10-28"
    lines = ["Titel", "Brüssel (dpa) - Die Nato warnte.", "dpa xy/ab 071530 Nov 24"]
    assert find_published(lines, kinds(lines, "de"), "de").value == "2024-11-07"
    # the stamp on a line of its own under the desk codes
    lines = ["Titel", "Berlin (dpa) - Die Nato warnte.", "dpa mk/lk yyzz a3 dt", "061800 Dez 26"]
    assert find_published(lines, kinds(lines, "de"), "de").value == "2026-12-06"
    # another agency's slug, its month in capitals, wins over the yearless dateline
    lines = [
        "Titolo",
        "(AGI) - Tokyo, 20 nov. - Il governo ha deciso.",
        "(AGI)Red/Gav 201530 NOV 24",
    ]
    assert find_published(lines, kinds(lines, "it"), "it").value == "2024-11-20"
    # ... but not a report published at another time, nor a closing line's other dates
    lines = [*body, "The report, published in March 2023, said the talks had failed."]
    assert find_published(lines, kinds(lines), "en") is None


def published(lines, language="en", today=date(2026, 11, 22)):
    """The publication date found in `lines`, as of `today`."""
    found = find_published(lines, kinds(lines, language), language, today)
    return found and found.value


def test_a_wire_dateline_without_a_year_takes_one_from_the_text():
    # "published today": the lede's weekday with its day and month, in the latest year it fits
    lede = "Ce lundi 14 avril, le ministre a confirmé l'expulsion, un an après la crise de 2024."
    lines = ["Titre", "Publié aujourd’hui à 06h00, modifié à 11h32", lede]
    assert published(lines, "fr") == "2025-04-14"
    lede = "Le ministre a confirmé l'expulsion, un an après la crise de 2024."
    assert published(["Titre", "Publié aujourd’hui à 06h00", lede], "fr") is None

    # Jan 29 fell on a Wednesday in 2025, not in 2024, the latest year the text names
    lede = "Mali and Niger left the bloc on Wednesday, a year after announcing it in January 2024."
    assert published(["Juntas quit bloc", "BAMAKO, Jan 29 (Reuters) -", lede]) == "2025-01-29"
    # a weekday of last week is no day of the dateline's: Oct 18 was a Friday in 2024
    lede = "SEOUL, Oct. 18 (Yonhap) -- The North has sent troops, the spy agency said Friday."
    more = "Ships carried them to Vladivostok between Tuesday and Sunday last week."
    assert published(["Troops sent", lede, more]) == "2024-10-18"
    # no weekday in the lede: the latest year the text names
    lede = "Mali and Niger left the bloc, a year after announcing it in January 2024."
    assert published(["Juntas quit bloc", "BAMAKO, Jan 29 (Reuters) -", lede]) == "2024-01-29"
    # no year anywhere: the latest year whose Nov 5 is a Tuesday, before today
    lede = "South Korea said on Tuesday that troops had begun fighting."
    assert published(["Troops", "SEOUL, Nov 5 (Reuters) -", lede]) == "2024-11-05"
    lines = ["Titolo", "(ANSA) - ROMA, 12 FEB - Il governo lo ha deciso lunedì, dopo il 2023."]
    assert published(lines, "it") == "2024-02-12"
    lines = ["Título", "CARACAS, 3 dic (EFE).- Los venezolanos votaron este domingo en 2023."]
    assert published(lines, "es") == "2023-12-03"
    # nothing to go on: no date is invented
    assert published(["Troops", "SEOUL, Nov 5 (Reuters) -", "South Korea said so."]) is None
    # a year named only as a start is one the text was written after: the latest year up to
    # today in which the date has come (not the start's own)
    lines = ["Título", "Pekín, 18 sep (EFE).- El diálogo, congelado desde 2023, se reanuda."]
    assert published(lines, "es") == "2026-09-18"
    assert published(lines, "es", today=date(2026, 9, 1)) == "2025-09-18"
    lines = ["Title", "TOKYO, Dec 3 (Reuters) - Trade, frozen since 2023, resumed."]
    assert published(lines) == "2025-12-03"  # 22 November: not yet this year's
    # named elsewhere too, or another year as late: the latest year the text names, as before
    lines = ["Título", "Pekín, 18 sep (EFE).- Congelado desde 2023, se reanudó en mayo de 2023."]
    assert published(lines, "es") == "2023-09-18"
    lines = ["Titel", "PEKING, 18. September (dpa) - Seit 2022 eingefroren; 2024 gab es Gespräche."]
    assert published(lines, "de") == "2024-09-18"
    # under a wrap-up's headline, bullet points, "(Adds …)" line and byline: 14 March 2026
    # was a Saturday
    lines = ["WRAPUP 2-Grid hit", "* Strikes leave homes dark", "* Moscow answers raids"]
    lines += ["* Envoys to meet again", "(Adds Kremlin comment)", "By Olena Hrytsenko"]
    lines += ["UNITED NATIONS/KYIV, March 14 (Meridian) - Russia struck early on Saturday."]
    assert published(lines) == "2026-03-14"


def test_date_lines_with_times_parts_and_bylines():
    def published(lines, language="en"):
        found = find_published(lines, kinds(lines, language), language)
        return found and found.value

    it = "Pubblicato il 14 marzo 2025 alle 10:32 | Ultimo aggiornamento alle 12:47"
    assert published(["Titolo", it, "Il governo ha deciso."], "it") == "2025-03-14"
    fr = "Publié le 3 février 2025 à 18h12, modifié le 4 février 2025 à 07h45"
    assert published(["Titre", fr, "Le gouvernement a décidé."], "fr") == "2025-02-03"
    # numbers are day first outside English ("06/12/2024" is 6 December)...
    assert published(["Título", "Publicado em 06/12/2024 - 17:48", "O governo."], "pt") == (
        "2024-12-06"
    )
    assert published(["Titel", "Stand: 27.01.2025 14:05 Uhr", "Die Regierung."], "de") == (
        "2025-01-27"
    )
    # ... and month first in English
    assert parse_date("12/06/2024") == ("2024-12-06", "day")
    byline = "By Clara Whitmore | March 4, 2025"
    assert published(["Why the push matters", byline, "Officials hoped."]) == "2025-03-04"
    # a long published line whose first part is the date; a date line's first part
    fr = "Publié le 16 mai 2024 à 10h12 – Mis à jour le 16 mai 2024 à 20h47"
    assert published(["Titre", "Le Monde avec AFP", fr, "Le gouvernement a dit."], "fr") == (
        "2024-05-16"
    )
    assert published(["Everybody's Syria", "Jun 5th 2025 | ISTANBUL", "Turkey wants."]) == (
        "2025-06-05"
    )
    assert kinds(["Ukraine war | Russia attacks"])[0] == "headline"
    # a byline with the place and the date as parts
    lines = ["Título", "Por Lucía Ortega | Seúl | 3 dic 2024 - 23:05 CET", "El Norte calla."]
    assert published(lines, "es") == "2024-12-03"
    # a date after the place: "Washington, DC | July 1, 2025"
    lines = ["Joint Statement", "Washington, DC | July 1, 2025", "The ministers met."]
    assert published(lines) == "2025-07-01"
    # a wire dateline whose agency follows the date, after a byline
    lines = ["Deal signed", "By Ann Lee in Goma", "DOHA, July 19, 2025 (AFP) - The sides met."]
    assert published(lines) == "2025-07-19"


def test_a_date_line_without_a_year_and_a_lede_about_yesterday():
    # its own line, a caption before the lede; 27 January was a Monday in 2025
    lines = [
        "Sabotageverdacht in der Ostsee",
        "27. Januar, 14:05 Uhr | dpa",
        "Foto: Ein Frachter vor Karlskrona (dpa)",
        "Die Behörden haben am Montag einen Frachter festgesetzt, wie im November 2024.",
    ]
    assert published(lines, "de") == "2025-01-27"
    # "yesterday ... on Monday": the dateline's day is a Tuesday (12 August 2025)
    lines = [
        "Collisione nel Mar Cinese",
        "(ANSA) - PECHINO, 12 AGO - La Cina ha accusato oggi Manila per l'incidente di ieri.",
        "L'incidente è avvenuto lunedì mattina, come nel 2026 previsto.",
    ]
    assert published(lines, "it") == "2025-08-12"


def test_a_one_word_kicker_is_not_the_title():
    lines = ["ANALYSIS", "Why Trump's Greenland push is testing Denmark", "By Clara Whitmore"]
    assert guess_title(lines, kinds(lines))[0] == "Why Trump's Greenland push is testing Denmark"
    lines = ["Kosovo, torna la tensione al nord", "Una granata contro la polizia a Leposavić"]
    assert guess_title(lines, kinds(lines, "it"))[0] == "Kosovo, torna la tensione al nord"


def test_a_signed_documents_closing_formula_and_a_datelines_region():
    body = "1. Los ministros reafirmaron su compromiso con la integración regional."
    signed = ["Hecho en Montevideo, el 6 de diciembre de 2024.", "Por la República Argentina"]
    lines = ["Comunicado conjunto", body, *signed, "Gerardo Werthein"]
    assert published(lines, "es") == "2024-12-06"
    lines = ["Joint statement", "The ministers met.", "Done at Brussels on 3 March 2025."]
    assert published(lines) == "2025-03-03"
    # no formula, no date
    assert published(["Comunicado conjunto", body, "Por la República Argentina"], "es") is None
    # the state after the place of a wire dateline: Nov 4 was a Tuesday in 2025
    lede = "AMMAN, Jordan, Nov 4 (AFP) - Jordan hosted ministers on Tuesday."
    assert published(["Jordan courts Gulf money", lede]) == "2025-11-04"


def test_an_e_mail_gives_its_date_subject_and_sender():
    lines = [
        "From: The Tokyo Security Brief <brief@example.jp>",
        "To: reader@example.com",
        "Subject: Nakatani's record budget and Seoul's dilemma",
        "Date: Tue, 19 Nov 2024 06:30:12 +0900",
        "Good morning.",
        "Japan's defence budget request stands at a record.",
    ]
    found = find_published(lines, kinds(lines), "en")
    assert (found.value, found.precision) == ("2024-11-19", "day")  # the sender's own day
    assert guess_title(lines, kinds(lines)) == (
        "Nakatani's record budget and Seoul's dilemma",
        "e-mail subject",
    )
    assert find_source(lines, kinds(lines), "en") == ("The Tokyo Security Brief", "e-mail sender")
    # one "Date:" line alone is no e-mail
    lines = ["Talks stall", "Date: the talks have no date yet.", "Japan said so."]
    assert guess_title(lines, kinds(lines))[1] != "e-mail subject"


def test_a_yearless_datelines_weekday_beside_yesterday_and_a_deadline():
    # Nov 14 is a Thursday in 2024; "yesterday" and "until Friday" name no day of the dateline
    lede = (
        "A spokesperson issued the following statement on Thursday: the drills began"
        " yesterday and will be staged until Friday, the worst this year 2024."
    )
    assert published(["Statement", "Pyongyang, November 14 (KCNA) -- " + lede]) == "2024-11-14"


def test_more_date_lines_notes_transcripts_sittings_and_issues():
    lines = ["# Running notes", "Created: 2025-02-03 08:47", "Tags: #DPRK", "- Kim met Putin."]
    assert published(lines) == "2025-02-03"
    lines = ["NOTICIERO", "Emisión del 28 de octubre de 2024", "PRESENTADORA: Buenas noches."]
    assert published(lines, "es") == "2024-10-28"
    lines = [
        "Atto Camera",
        "Interrogazione a risposta scritta 4-01234",
        "martedì 10 dicembre 2024, seduta n. 402",
        "Al Ministro degli affari esteri. — Per sapere:",
    ]
    assert published(lines, "it") == "2024-12-10"
    lines = ["Shells for Satellites", "By Helen Marsh | March 2025 issue", "On a grey morning."]
    assert published(lines) == "2025-03"
    # only a full date before a comma makes a date line: a month is a heading's
    assert kinds(["Title", "June 2024, a turning point"])[1] == "heading"


def test_timestamps_open_the_entries_of_a_text_of_several():
    lines = ["Nov 5, 2024 at 21:40", "Missile launched.", "Oct 23, 2024 at 14:05", "Troops moved."]
    assert timestamps(lines, kinds(lines), "en") == [(0, "2024-11-05"), (2, "2024-10-23")]
    lines = ["Nov 5, 2024 at 21:40", "Missile launched."]  # one date line: the article's own
    assert timestamps(lines, kinds(lines), "en") == []
    # a speech speaks from the day it was delivered, not the day its page was published
    lines = [
        "Speech title here",
        "Published 19 November 2025",
        "Delivered on: 18 November 2025 (Transcript of the speech, exactly as it was delivered)",
        "Good evening, and thank you for hosting us tonight.",
    ]
    assert timestamps(lines, kinds(lines), "en") == [(3, "2025-11-18")]
    assert published(lines) == "2025-11-19"
    lines = ["Titre ici", "Discours prononcé le 4 mars 2025 à Paris", "Aujourd'hui, je parle."]
    assert timestamps(lines, kinds(lines, "fr"), "fr") == [(2, "2025-03-04")]


def test_a_state_agencys_dateline_between_slashes():
    # "MOSCOW, June 20. /TASS/.": June 20 was a Thursday in 2024
    lede = "MOSCOW, June 20. /TASS/. Putin held talks in Hanoi on Thursday with To Lam."
    assert published(["Putin and To Lam agree", lede]) == "2024-06-20"


def test_a_labelled_date_line_in_a_language_without_resources():
    for line, language, value in (
        ("Opdateret 8. januar 2025 kl. 10.12", "da", "2025-01-08"),
        ("ČTK 27.02.2025", "cs", "2025-02-27"),
        ("송고시간2024-10-18 15:02", "ko", "2024-10-18"),
    ):
        kind = classify_line(line, language, 2)
        assert kind == "dateline", line
        assert find_published([line], [kind], language).value == value
    # configured languages keep their cue words: an unknown label is no date line there
    assert classify_line("Opdateret 8. januar 2025 kl. 10.12", "en", 2) != "dateline"


@pytest.mark.parametrize(
    ("lang", "lines", "title"),
    [
        # a masthead in capitals and a section path above the headline
        (
            "en",
            [
                "THE LANTERN REVIEW",
                "South Asia | Interview",
                '"Ottawa Has Bet Its Credibility":'
                " Why the Nijjar Affair Will Outlast the Headlines",
                "Body text. More of it.",
            ],
            '"Ottawa Has Bet Its Credibility": Why the Nijjar Affair Will Outlast the Headlines',
        ),
        # a publisher's name in title case
        (
            "en",
            [
                "The Continental Post",
                "Live updates: Iran launches drones and missiles at Israel",
                "By Hannah Kerr",
                "Iran launched more than 300 drones and missiles overnight.",
            ],
            "Live updates: Iran launches drones and missiles at Israel",
        ),
        # a masthead, its tagline, a breadcrumb, then the headline
        (
            "en",
            [
                "The Baltic Courier",
                "Independent news from Tallinn to Gdańsk · Wednesday edition",
                "World › Europe › NATO",
                "Allies Offer Kyiv a Seat at the Table, but No Date",
                "By Kristiina Vahtra",
                "The summit ended on Wednesday.",
            ],
            "Allies Offer Kyiv a Seat at the Table, but No Date",
        ),
        # a date line, then a rubric, then a headline ending in a question
        (
            "es",
            [
                "Publicado el 14/11/2025 - 09:15",
                "ANÁLISIS",
                "Trump tensa la cuerda: ¿presión sobre Maduro o antesala de una guerra?",
                "Por Lucía Ortega",
                "El pasado 2 de septiembre, un misil hundió una lancha.",
            ],
            "Trump tensa la cuerda: ¿presión sobre Maduro o antesala de una guerra?",
        ),
        # a headline ending in a quotation, under the date
        (
            "it",
            [
                "30 luglio 2024",
                "Meloni da Xi, il disgelo: «Pronti a una nuova fase»",
                "PECHINO — Strette di mano lunghe e sorrisi misurati. Xi ha ricevuto Meloni.",
            ],
            "Meloni da Xi, il disgelo: «Pronti a una nuova fase»",
        ),
        # a German topic line over the headline
        (
            "de",
            [
                "Militärbündnis mit Moskau",
                "Nordkorea ratifiziert Beistandspakt mit Russland",
                "Von Martin Falkner",
                "Nordkorea hat den Vertrag ratifiziert.",
            ],
            "Nordkorea ratifiziert Beistandspakt mit Russland",
        ),
        # an occhiello: a short line over a headline over a long summary
        (
            "it",
            [
                "Dopo il vertice di Bruxelles",
                "Serbia, Vucic promette elezioni e accusa l'Occidente",
                "Il presidente annuncia il voto anticipato mentre gli studenti tornano in piazza "
                "e Mosca parla di una rivoluzione colorata pagata dall'estero",
                "di Marco Rinaldi",
                "Il presidente serbo ha parlato ieri sera alla televisione di Stato.",
            ],
            "Serbia, Vucic promette elezioni e accusa l'Occidente",
        ),
        # an occhiello of a few words over a longer headline, with no summary under it
        (
            "it",
            [
                "Esercitazioni nel Mar del Giappone",
                "Missili da crociera e bombardieri vicino al Giappone, Tokyo fa decollare i caccia",
                "Il ministero della Difesa giapponese ha registrato ieri il passaggio di sei "
                "bombardieri.",
            ],
            "Missili da crociera e bombardieri vicino al Giappone, Tokyo fa decollare i caccia",
        ),
        # a topic label of three words over a headline at least twice as long, a date under it
        (
            "en",
            [
                "Climate and Environment",
                "General Assembly backs a fund for small island states hit by rising seas",
                "12 March 2025",
                "The General Assembly on Tuesday adopted a resolution.",
            ],
            "General Assembly backs a fund for small island states hit by rising seas",
        ),
        # not kickers: a three-word title over a shorter tagline, a two-word headline over its
        # dek, a sentence with an institution's word, a document's own heading with nothing
        # like a headline under it
        (
            "en",
            [
                "2024 Valparaíso forest fires",
                "From Wikipedia, the free encyclopedia",
                "The 2024 Chile wildfires were a series of fires in Valparaíso.",
            ],
            "2024 Valparaíso forest fires",
        ),
        (
            "en",
            [
                "Everybody's Syria",
                "Six months after Bashar al-Assad's fall, Turkey, Israel, "
                "Russia and the Gulf are jostling over what comes next and who pays",
                "When Assad fled, few neighbours had a plan.",
            ],
            "Everybody's Syria",
        ),
        (
            "en",
            [
                "PRESS RELEASE",
                "Institute welcomes Sweden's accession as NATO's 32nd member",
                "Stockholm, 7 March 2024 — The institute welcomes the news.",
            ],
            "Institute welcomes Sweden's accession as NATO's 32nd member",
        ),
        (
            "en",
            [
                "Department Press Briefing",
                "Tammy Bruce, Department Spokesperson",
                "Washington, DC",
                "February 20, 2025",
                "MS BRUCE: Good afternoon, everyone.",
            ],
            "Department Press Briefing",
        ),
        # a headline in title case with an institution's word is no masthead
        (
            "en",
            [
                "Treasury Department Targets Houthi Network",
                "Six firms moved Iranian oil for the Houthis, officials said on Tuesday",
                "WASHINGTON — Today, the Treasury sanctioned six entities.",
            ],
            "Treasury Department Targets Houthi Network",
        ),
    ],
)
def test_the_title_is_the_headline_under_kickers_rubrics_and_mastheads(lang, lines, title):
    assert guess_title(lines, kinds(lines, lang), lang)[0] == title


@pytest.mark.parametrize(
    ("lang", "lines", "found"),
    [
        # a wire agency's tag in the dateline
        ("en", ["Troops sent", "SEOUL, Oct. 18 (Yonhap) -- North Korea sent troops."], "Yonhap"),
        (
            "en",
            ["Kursk fighting", "SEOUL, Nov 5 (Reuters) -", "Troops joined the fighting."],
            "Reuters",
        ),
        ("de", ["Titel", "Brüssel (dpa) - Die Nato warnte vor Nordkorea."], "dpa"),
        ("en", ["Talks in Hanoi", "MOSCOW, June 20. /TASS/. Putin held talks in Hanoi."], "TASS"),
        ("en", ["Patrol deal", "New Delhi, Oct 21 (PTI) India and China agreed."], "PTI"),
        ("it", ["Collisione", "(ANSA) - PECHINO, 12 AGO - La Cina ha accusato Manila."], "ANSA"),
        # a release that names itself as the one speaking "today" after its bracketed dateline
        (
            "en",
            [
                "Title",
                "(Geneva, March 3, 2025) – Police held dozens, Amnesty International said today.",
            ],
            "Amnesty International",
        ),
        ("en", ["Title", "Police held dozens, Amnesty International said today."], ""),
        # a court's letterhead above its release
        (
            "en",
            ["INTERNATIONAL COURT OF JUSTICE", "The Court rejects the request", "THE HAGUE."],
            "INTERNATIONAL COURT OF JUSTICE",
        ),
        # not tags: a label in the headline, a party after a name
        ("en", ["(LEAD) N. Korea sends troops", "SEOUL — North Korea sent troops."], ""),
        ("de", ["Titel", "Kanzler Friedrich Merz (CDU) empfing den Präsidenten."], ""),
        # a closing copyright line, not its reserved-rights formula
        (
            "es",
            [
                "Título",
                "El plan fue aprobado.",
                "© 2025 Europa Press. Está prohibida la redistribución.",
            ],
            "Europa Press",
        ),
        (
            "it",
            ["Titolo", "Il piano è stato approvato.", "RIPRODUZIONE RISERVATA © Copyright ANSA"],
            "ANSA",
        ),
        ("it", ["Titolo", "Il piano è stato approvato.", "© Riproduzione riservata"], ""),
        # an agency's closing sign-off, with or without the date it was filed
        ("it", ["Titolo", "Il piano è stato approvato.", "(ANSA, 28 ottobre 2025)"], "ANSA"),
        ("it", ["Titolo", "Il piano è stato approvato.", "(AMS) 24-AGO-23 11:42"], "AMS"),
        ("es", ["Título", "El plan fue aprobado.", "(EFE)."], "EFE"),
        # not sign-offs: a transcript's reaction, a reporting credit
        ("en", ["Remarks", "We will stand together.", "(Applause.)"], ""),
        ("en", ["Title", "The plan passed.", "(Reporting by Jane Doe)"], ""),
        # a masthead above the headline, not a rubric
        (
            "en",
            [
                "The Continental Post",
                "Live updates: Iran launches drones at Israel",
                "Iran launched drones overnight.",
            ],
            "The Continental Post",
        ),
        (
            "en",
            [
                "ANALYSIS",
                "Why Trump's Greenland push is testing Denmark",
                "Greenland is back in the news.",
            ],
            "",
        ),
        # the publisher a byline names after its writer
        (
            "en",
            [
                "Timeline: how Finland and Sweden joined NATO",
                "By Kaisa Lindqvist, The Northern Ledger · March 8, 2024",
                "Finland joined first.",
            ],
            "The Northern Ledger",
        ),
        # an agency's sign-off after the last sentence, not an organ's acronym
        ("it", ["Titolo", 'Vucic ha detto che "non userà mai la forza". (ANSA).'], "ANSA"),
        ("en", ["Title", "Tehran answered the International Atomic Energy Agency (IAEA)."], ""),
        # a desk's byline, a writer's line naming their role at the publisher
        (
            "en",
            ["Bombers off Alaska", "By The Northern Ledger explainer desk | October 6, 2025"],
            "The Northern Ledger",
        ),
        (
            "pt",
            [
                "Mercosul e UE concluem acordo",
                "Pedro Alves Moreira – Repórter da Agência Brasil",
                "Brasília, 6 de dezembro de 2024 – O Mercosul anunciou o acordo.",
            ],
            "Agência Brasil",
        ),
        ("en", ["Title", "Anna Ruiz – Professor of History", "The plan passed."], ""),
        # a credit signed with its editors' initials; an owner's legal form
        ("en", ["Title", "The talks failed.", "Source: CNA/rt(ml)"], "CNA"),
        (
            "en",
            ["Title", "The plan passed.", "Copyright The Financial Times Limited 2025"],
            "The Financial Times",
        ),
        (
            "en",
            ["Title", "The plan passed.", "© 2025 Sky News Australia Pty Ltd"],
            "Sky News Australia",
        ),
    ],
)
def test_the_source_a_text_names(lang, lines, found):
    assert find_source(lines, kinds(lines, lang), lang)[0] == found


def test_a_yearless_dateline_of_two_places_and_a_copyright_year():
    lines = [
        "Frederiksen tells Trump: 'You cannot annex another country'",
        "NUUK/COPENHAGEN, April 3 (Reuters) - Frederiksen told Trump on Thursday that he could"
        " not take Greenland.",
    ]
    found = find_published(lines, kinds(lines), "en", today=date(2026, 1, 1))
    assert found.value == "2025-04-03"  # the latest Thursday April 3 up to today
    # where nothing else dates the text, a closing copyright line gives its year
    lines = ["Cut the cables", "The Baltic is no Russian lake.", "© 2025 The Northern Ledger"]
    found = find_published(lines, kinds(lines), "en", today=date(2026, 1, 1))
    assert (found.value, found.precision) == ("2025", "year")
    lines = ["Cut the cables", "The Baltic is no Russian lake.", "© 2019–2025 The Ledger"]
    assert find_published(lines, kinds(lines), "en", today=date(2026, 1, 1)).value == "2025"
    lines = ["Cut the cables", "The Baltic is no Russian lake.", "© 2030 The Ledger"]
    assert find_published(lines, kinds(lines), "en", today=date(2026, 1, 1)) is None


def test_a_writers_line_between_bars_with_a_date():
    assert is_dated_writer_line("Jordan Villanueva | Commentary | 15 September 2025", "en")
    assert is_dated_writer_line("Ana Ruiz · 3 de marzo de 2025", "es")
    assert not is_dated_writer_line("Jordan Villanueva | Commentary", "en")  # no date
    assert not is_dated_writer_line("World | Asia | 15 September 2025", "en")  # one word
    assert not is_dated_writer_line("Jordan Rejects Israeli Plan | 15 September 2025", "en")


def test_a_pasted_newsletter_without_headers_gives_its_masthead_and_issue_date():
    lines = [
        "View this email in your browser",
        "The Baltic Ledger — No. 48 — 14 March 2025",
        "Dear subscribers,",
        "It was a long week in Vilnius for the government and for us.",
        "Unsubscribe | Update preferences",
    ]
    found = find_published(lines, kinds(lines), "en")
    assert (found.value, found.precision) == ("2025-03-14", "day")
    assert find_source(lines, kinds(lines), "en") == ("The Baltic Ledger", "masthead")
    # neither the web-view link nor the salutation is the title: the text has none
    assert guess_title(lines, kinds(lines))[1] == "opening words"
    lines = ["Visualizza questa email nel browser", "Il voto in Moldova", "Il testo."]
    assert guess_title(lines, kinds(lines, "it"), "it")[0] == "Il voto in Moldova"


def test_a_meeting_coverage_release_under_its_symbol_date_organ_and_sitting():
    lines = [
        "SC/15933",
        "4 JUNE 2025",
        "Security Council",
        "9921st Meeting (PM)",
        "Council Extends Mandate of Sanctions Panel on Libya after Recorded Vote",
        "The Security Council today extended the panel's mandate by a year.",
    ]
    assert guess_title(lines, kinds(lines))[0] == lines[4]
    assert find_source(lines, kinds(lines), "en") == ("Security Council", "masthead")
    # a short headline that merely starts with a number is still the title
    lines = ["100 Days of Tariffs", "The first hundred days brought new duties.", "Body."]
    assert guess_title(lines, kinds(lines))[0] == "100 Days of Tariffs"


def test_a_releases_parenthesised_dateline_a_sittings_label_and_date_lines_with_times():
    # a release opens its first paragraph with its place and date in brackets
    lede = "(Geneva, March 3, 2025) – Police detained dozens of protesters, the group said today."
    assert published(["Rights group urges inquiry", lede]) == "2025-03-03"
    # "(Geneva, March 3, 2025" without its bracket closed is no dateline
    lede = "(Geneva, March 3, 2025 – Police detained dozens of protesters."
    assert published(["Rights group urges inquiry", lede]) is None
    # a label, a colon and a date after a verb: a parliament's sitting
    lines = [
        "Hansard",
        "Gaza: Humanitarian Situation",
        "Volume 761: debated on Monday 8 April 2024",
    ]
    assert kinds(lines)[2] == "dateline"
    assert published([*lines, "The Minister said the crossings must open."]) == "2024-04-08"
    assert published(["Title", "Note: a statement on 8 April 2024 was read out."]) is None
    # a date written with dots between its parts and a time after it
    lines = ["Mundo", "Lula cobra países ricos", "3.mar.2024 às 9h05", "O presidente falou."]
    assert kinds(lines, "pt")[2] == "dateline"
    assert published(lines, "pt") == "2024-03-03"
    lines = ["Título", "Actualizado al 04/03/2024 09:12", "El presidente habló."]
    assert published(lines, "es") == "2024-03-04"
    # an outlet's credit, a slash and a byline with the date
    lines = ["Titre", "OLJ / Par Sarah Haddad, le 21 novembre 2025 à 00h00", "Le texte."]
    assert kinds(lines, "fr")[1] == "byline"
    assert published(lines, "fr") == "2025-11-21"
    # a date and time, then the credit on the same line
    lines = ["Ukraine-Krieg", "Ein Plan für die Ukraine liegt vor", "Der Teaser.", "x"]
    lines[3] = "21. November 2025, 7:12 Uhr Quelle: ZEIT ONLINE, dpa, AFP, nk"
    assert kinds(lines, "de")[3] == "dateline"
    assert published([*lines, "Der Text."], "de") == "2025-11-21"
    assert find_source(lines, kinds(lines, "de"), "de")[0] == "ZEIT ONLINE"
    # a release's "Issued on" line
    assert published(["Title", "Issued on 20 Nov. 2025", "The Council met."]) == "2025-11-20"
    # a broadcaster's acronym before its stamp, and its update's stamp after a slash
    stamp = "RTP 3 Mar, 2024, 09:05 / atualizado em 4 Mar, 2024, 13:20"
    lines = ["Lula cobra países ricos", stamp, "O presidente falou."]
    assert kinds(lines, "pt")[1] == "dateline"
    assert published(lines, "pt") == "2024-03-03"
    assert published(["Notizie", "ANSA 12.11.2024", "Il governo ha deciso."], "it") == "2024-11-12"
    # a slash between a section and its subsection is no date line, and an acronym before a
    # year alone no date
    assert kinds(["Título", "Mundo / Ásia", "G20 2024 no Rio de Janeiro"], "pt")[1:] == [
        "heading",
        "heading",
    ]


def test_an_agency_slug_a_yearless_dateline_with_a_time_and_one_in_cyrillic():
    lines = [
        "Titel",
        "Wien (APA) - Die Regierung beriet am Montag.",
        "(Schluss) xy/ab",
        "APA0456    2024-03-04/10:15",
    ]
    assert published(lines, "de") == "2024-03-04"
    # "15 ott" with a clock time after it, the year from the text
    lede = "Roma, 15 ott 11:20 - (Agenzia Nova) - Il governo ha deciso, come nel 2024."
    assert published(["Titolo", lede], "it") == "2024-10-15"
    # a Cyrillic place: June 20 was a Thursday in 2024
    lede = "МОСКВА, 20 июня. /ТАСС/. Президент провел переговоры в четверг."
    assert published(["Заголовок", lede], "ru") == "2024-06-20"


def test_a_pasted_posts_author_and_handle_are_no_title():
    lines = [
        "Lena Ortiz",
        "@lenaortiz",
        "1/5 The border crossing has closed.",
        "9:14 PM · Oct 28, 2025",
    ]
    title, where = guess_title(lines, kinds(lines), "en")
    assert (title, where) == ("1/5 The border crossing has closed.", "opening words")
    # a headline over a byline that is no handle stays the title
    lines = ["Border crossing closes", "Lena Ortiz", "The crossing has closed."]
    assert guess_title(lines, kinds(lines), "en")[0] == "Border crossing closes"


def test_a_writers_line_with_place_and_date_a_doubled_date_and_credited_agencies():
    lines = [
        "Zollstreit",
        "Bern senkt die Zölle",
        "Anna Keller, Bern 14.11.2025, 05.30 Uhr",
        "Der Text.",
    ]
    assert kinds(lines, "de")[2] == "byline"
    assert published(lines, "de") == "2025-11-14"
    # a page's two date elements pasted glued together
    lines = [
        "Strikes kill three",
        "Published On 9 Nov 20259 Nov 2025",
        "Israeli strikes killed three.",
    ]
    assert published(lines) == "2025-11-09"
    # a publisher credited beside the agencies, in a credit, a copyright line or near the top
    for language, lines, found in (
        ("en", ["Title", "Body.", "Source: Al Jazeera and news agencies"], "Al Jazeera"),
        ("en", ["Title", "Body.", "Copyright: Project Syndicate, 2025."], "Project Syndicate"),
        (
            "fr",
            ["Titre", "Le Monde avec AFP", "Publié le 5 novembre 2025", "Le texte."],
            "Le Monde",
        ),
        # a closing publisher-and-agency line with its full stop
        ("fr", ["Titre", "Le texte.", "Ouest-France avec AFP."], "Ouest-France"),
        # an agency credited alone under the headline; "with agencies" names none
        ("en", ["Title", "with AFP", "Updated 19/11/2025 - 10:15", "The text."], "AFP"),
        ("fr", ["Titre", "avec l'AFP", "Le texte."], "AFP"),
        ("en", ["Title", "with agencies", "The text."], ""),
        # the agencies credited in capitals, a company's legal form after its name
        ("es", ["Título", "RTVE.es / AGENCIAS", "El texto."], "RTVE.es"),
        (
            "en",
            ["Title", "The text.", "Copyright © 2025 Nikkei Inc. All rights reserved."],
            "Nikkei",
        ),
        ("en", ["Title", "The text.", "© 2024 Daily Meridian Media Ltd"], "Daily Meridian Media"),
        # an outlet before a slash and its byline
        (
            "fr",
            ["Titre", "OLJ / Par Sarah Haddad, le 21 novembre 2025 à 00h00", "Le texte."],
            "OLJ",
        ),
        # a Swiss credit: agencies, then the editor's initials
        ("fr", ["Titre", "Le texte.", "ats/afp/jfe"], "ats/afp"),
        ("fr", ["Titre", "Le texte.", "jfe/mb"], ""),
    ):
        assert find_source(lines, kinds(lines, language), language)[0] == found


def test_a_document_label_an_institution_with_commas_and_a_writers_closing_signature():
    # "Press release" above the headline is the document's kind, not its title
    lines = ["Council of the EU", "Press release", "20 May 2025 12:30", "EU adopts new sanctions"]
    assert guess_title([*lines, "The Council adopted."], kinds(lines + ["x."]), "en")[0] == lines[3]
    # ... with its number too
    lines = ["Press Release (2025) 147", "Issued on 20 Nov. 2025", "Council meets on drones"]
    assert guess_title([*lines, "The Council met."], kinds(lines + ["x."]), "en")[0] == lines[2]
    # a ministry's section, date, author and number lines above the heading
    lines = [
        "Press Releases",
        "Date 2025-11-21",
        "Author Northeast Asian Affairs Division",
        "No. 1125",
        "Outcome of the Foreign Ministers' Meeting",
    ]
    assert kinds(lines)[2] == "byline"
    assert (
        guess_title([*lines, "1. The ministers met."], kinds([*lines, "x."]), "en")[0] == lines[4]
    )
    lines = ["Nota de prensa", "El Gobierno aprueba el plan", "El Consejo aprobó el plan."]
    assert guess_title(lines, kinds(lines, "es"), "es")[0] == "El Gobierno aprueba el plan"
    # a credit naming an institution whose name has commas, then its minister
    line = "From: Foreign, Commonwealth & Development Office and The Rt Hon Jane Doe MP"
    lines = ["UK sanctions shadow fleet", line, "Published 12 March 2025", "The UK acted."]
    assert find_source(lines, kinds(lines), "en")[0] == "Foreign, Commonwealth & Development Office"
    # a closing "(Name, date)" is the writer's signature when the opening names the writer
    body = [f"Satz {n}." for n in range(6)]
    lines = [
        "Titel",
        "Florian Berger",
        "12. Oktober 2025, 14:05",
        *body,
        "(Florian Berger, 12.10.2025)",
    ]
    assert find_source(lines, kinds(lines, "de"), "de")[0] == ""
    lines = ["Titel", *body, "(ANSA, 12.10.2025)"]
    assert find_source(lines, kinds(lines, "de"), "de")[0] == "ANSA"


def test_a_closing_published_in_credit_a_timestamp_line_and_a_one_word_kicker():
    lines = [
        "OPINION",
        "Border deadlock",
        "Published March 4, 2025",
        "Updated about 5 hours ago",
        "The talks collapsed again on Monday, and neither side blinked.",
        "Published in The Daily Courier, March 4th, 2025",
    ]
    # the timestamp is no title, the one-word kicker gives way to a two-word headline
    assert guess_title(lines, kinds(lines))[0] == "Border deadlock"
    assert find_source(lines, kinds(lines), "en") == ("The Daily Courier", "credit line")
    # a site's "Published in sections: …" names no publisher
    lines = ["A meeting", "The leaders met.", "Published in sections: News, Transcripts"]
    assert find_source(lines, kinds(lines), "en") == ("", "")


def test_lower_case_bylines_an_update_line_and_a_headline_ending_in_a_quotation():
    lines = [
        "Il vertice di giovedì",
        "Dazi, l'Italia frena sul pacchetto. Tajani: «Serve prudenza»",
        "Giovedì i leader a Bruxelles. Parigi chiede tempi rapidi sul pacchetto, l'Aia frena "
        "ancora. Berlino: «Decidere subito»",
        "di Anna Neri",
        "Ultimo aggiornamento 3 marzo 2025 | 08:15",
        "BRUXELLES — Mancano tre giorni al vertice e la trattativa resta aperta.",
    ]
    assert kinds(lines, "it")[3:5] == ["byline", "dateline"]
    assert guess_title(lines, kinds(lines, "it"), "it")[0] == lines[1]
    assert published(lines, "it") == "2025-03-03"
    assert kinds(["Headline here", "by Jane Doe", "Body text."])[1] == "byline"


def test_a_broadcasters_acronym_and_service_above_the_headline_is_its_masthead():
    lines = ["ABC News", "Chinese warships spotted off Queensland as Marles watches", "By Jo Lee"]
    lines += ["Posted Sat 22 Nov 2025 at 5:03am", "A task group is sailing south."]
    assert find_source(lines, kinds(lines), "en") == ("ABC News", "masthead")
    assert guess_title(lines, kinds(lines), "en")[0] == lines[1]
    lines = ["Breaking News", "Chinese warships spotted off Queensland as Marles watches"]
    lines += ["A task group is sailing south."]
    assert find_source(lines, kinds(lines), "en")[0] == ""


def test_a_yearless_dateline_with_its_agency_in_brackets_and_no_dash():
    # 12 November was a Wednesday in 2025
    lede = "La Habana, 12 nov (Prensa Latina) El canciller denunció este miércoles el bloqueo."
    assert published(["Titular", lede, "Ya en 2025 la situación empeoró."], "es") == "2025-11-12"
    # the month before the day, abbreviated, and a full stop after the agency's brackets
    lines = ["Titular aquí", "Lima, nov. 19 (AGENCIA SUR). A un año de la cumbre, el Perú crece."]
    lines += ["En 2025 el comercio creció."]
    assert find_source(lines, kinds(lines, "es"), "es")[0] == "AGENCIA SUR"
    assert published(lines, "es") == "2025-11-19"


def test_a_copyright_year_with_a_full_stop_a_closing_newsroom_credit_and_a_reporters_role():
    body = [f"Sentence {n}." for n in range(4)]
    lines = [
        "Headline here",
        *body,
        "With reporting by AP",
        "Copyright (c) 2024. Baltic Wire, Inc.",
    ]
    assert find_source(lines, kinds(lines), "en") == ("Baltic Wire", "copyright line")
    # the newsroom's mark and the agencies beside the publisher, on the closing line
    lines = ["Überschrift hier", "Publiziert am 03.02.2025 09.15", *body, "red, wien.at/Agenturen"]
    assert published(lines, "de") == "2025-02-03"
    assert find_source(lines, kinds(lines, "de"), "de")[0] == "wien.at"
    lines = ["Fremdes Wort", *body, "red, Tiroler Blatt/Agenturen"]
    assert find_source(lines, kinds(lines, "de"), "de")[0] == "Tiroler Blatt"
    # a byline naming the writer's role at the publisher
    lines = ["Título aqui", "Por Ana Souza - Repórter da Agência Sul", "Brasília", *body]
    assert find_source(lines, kinds(lines, "pt"), "pt")[0] == "Agência Sul"
    # ... before the place the line adds, and with the mark of a note below
    lines = ["Título aqui", "Por Ana Souza - Repórter da Agência Sul* - Brasília", *body]
    assert find_source(lines, kinds(lines, "pt"), "pt")[0] == "Agência Sul"


def test_a_credit_ending_in_initials_keeps_its_last_full_stop():
    lines = ["Titel hier", "Der Text.", "Mehr Text.", "Quelle: F.A.Z."]
    assert find_source(lines, kinds(lines, "de"), "de")[0] == "F.A.Z."
    lines = ["Title here", "The text.", "Source: Reuters."]
    assert find_source(lines, kinds(lines), "en")[0] == "Reuters"


def test_a_year_and_a_clock_time_are_no_day():
    # dateparser reads "2025, 11:05" as today's day of 2025; the time is left out first
    assert parse_date("2025, 11:05", "pt") == ("2025", "year")
    assert parse_date("18 Nov, 2025, 11:05", "pt") == ("2025-11-18", "day")
    assert parse_date("March 4, 2025 at 2:17 PM EDT") == ("2025-03-04", "day")
    # a press conference's half of the day after its date
    assert parse_date("Friday, October 16, 2026 (AM)") == ("2026-10-16", "day")
    assert classify_line("Friday, October 16, 2026 (PM)", "en", 3) == "dateline"


def test_a_masthead_under_the_headline_a_title_in_capitals_and_an_agency_credited_at_the_end():
    # the service's name between the newsroom's byline and the date line
    lines = ["Qué implica la designación del Cartel de los Soles y cómo responde Venezuela"]
    lines += ["Redacción", "BBC News Mundo", "23 noviembre 2025", "La designación entra en vigor."]
    assert find_source(lines, kinds(lines, "es"), "es") == ("BBC News Mundo", "masthead")
    # a name in capitals after its article, maybe with its edition, in any language's article
    for masthead in ("DER SPIEGEL", "DER SPIEGEL International"):
        lines = [masthead, "Ukraine Peace Plan", "Europe Fights for Its Place at the Table"]
        lines += ["By Anna Lehmkuhl", "November 23, 2025, 06:00 a.m.", "When the plan emerged."]
        assert find_source(lines, kinds(lines), "en") == (masthead, "masthead")
        assert guess_title(lines, kinds(lines), "en")[0] == lines[2]
    # no article, more words, or a short word: a label ("THE BRIEF" would pass: none of the
    # 356 written texts has such a label)
    for label in ("IN GAZA TODAY", "THE WAR IN UKRAINE", "THE UN"):
        lines = [label, "Europe Fights for Its Place at the Table", "When the plan emerged."]
        assert find_source(lines, kinds(lines), "en")[0] == ""
    # "Com Lusa" closing a page that names no outlet
    lines = ["Portugal pede 5,8 mil milhões", "O Governo entregou o pedido.", "Com Lusa"]
    assert find_source(lines, kinds(lines, "pt"), "pt")[0] == "Lusa"


def test_a_wire_tag_takes_the_agencys_full_name_from_the_copyright_line_it_opens():
    lines = ["N. Korea sent more troops to Russia: NIS", "By Kim Soo-yeon"]
    lines += ["SEOUL, Nov. 24 (Yonhap) -- North Korea has sent more troops.", "(END)"]
    full = lines + ["(C) Yonhap News Agency. All Rights Reserved"]
    assert find_source(full, kinds(full), "en") == ("Yonhap News Agency", "wire dateline")
    # "(EFE)" stays "EFE" beside "(c) Agencia EFE", as writers name it
    lines = ["Titular de la nota", "Bogotá, 22 nov (EFE).- Colombia respondió.", "(c) Agencia EFE"]
    assert find_source(lines, kinds(lines, "es"), "es")[0] == "EFE"


def test_an_iso_date_before_a_boards_view_count():
    lines = ["Press Releases", "Outcome of the Ministers' Meeting", "Date 2025-11-23 Hit 512"]
    lines += ["1. The three ministers met in Honolulu on November 22."]
    assert published(lines) == "2025-11-23"


def test_an_agencys_name_before_dashes_on_its_date_line_and_a_sites_section_label():
    lines = ["China steps up pressure on Japan as Takaichi stands by Taiwan remarks"]
    lines += ["KYODO NEWS - Nov 25, 2025 - 14:02 | World, All", "TOKYO - China stepped up."]
    assert find_source(lines, kinds(lines), "en") == ("KYODO NEWS", "masthead")
    lines = ["Briefings & Statements", "Fact Sheet: President Donald J. Trump Secures a Deal"]
    lines += ["November 24, 2025", "The agreement was signed in Tokyo."]
    assert guess_title(lines, kinds(lines), "en")[0] == lines[1]


def test_a_timelines_dateline_without_a_place_or_a_year():
    lines = ["TIMELINE-Russia and North Korea's deepening military ties"]
    lines += ["Nov 25 (Reuters) - Russia and North Korea have drawn closer since 2022.", "2025"]
    lines += ["June 17: Russia's security chief visited Pyongyang."]
    assert published(lines) == "2025-11-25"
    # a day and a month with no agency after them is no dateline
    assert published(["Headline here", "Nov 25 - Russia and North Korea drew closer."]) is None


def test_a_writers_post_after_the_publisher_and_an_issuer_above_a_documents_label():
    lines = ["Politics", "China's curbs deepen rift with Japan"]
    lines += ["HARUKA MIYOSHI, Nikkei staff writer", "TOKYO -- China halted imports."]
    assert find_source(lines, kinds(lines), "en")[0] == "Nikkei"
    # the short lines above a document's label name its issuer; the title comes after
    lines = ["United Nations", "Meetings Coverage and Press Releases", "SC/16251"]
    lines += ["Civilians in Eastern Congo Still Bear Brunt of Violence, Council Told"]
    lines += ["Fighting continues to uproot civilians, the peacekeeping chief said today."]
    assert guess_title(lines, kinds(lines), "en")[0] == lines[3]
    # a longer line above the label is the title ("Press Statement" under it)
    lines = ["Sanctioning Those Responsible for Atrocities in El Fasher", "Press Statement"]
    lines += ["MARCO RUBIO, SECRETARY OF STATE", "November 14, 2025"]
    lines += ["The United States is sanctioning two commanders today."]
    assert guess_title(lines, kinds(lines), "en")[0] == lines[0]


@pytest.mark.parametrize(
    ("title", "clean"),
    [
        ("(LEAD) N. Korea fires ballistic missile", "N. Korea fires ballistic missile"),
        ("(2nd LD) Yoon lifts martial law", "Yoon lifts martial law"),
        ("(URGENT) N. Korea fires missile", "N. Korea fires missile"),
        ("(UPDATE 2) Talks resume in Geneva", "Talks resume in Geneva"),
        ("(News Focus) Why Seoul worries", "Why Seoul worries"),
        # not a wire tag: a headline that opens with a bracket of its own
        ("(Not) the end of the alliance", "(Not) the end of the alliance"),
        ("N. Korea fires missile (LEAD)", "N. Korea fires missile (LEAD)"),
    ],
)
def test_a_wire_storys_status_tag_is_no_part_of_its_title(title, clean):
    assert without_wire_tag(title) == clean


def test_a_yearless_dateline_takes_its_year_from_the_closing_transmission_stamp():
    lines = [
        "Migranti: intesa a Tripoli sui rimpatri",
        "(ANSA) - ROMA, 12 GEN - Il ministro ha firmato un'intesa entro il 2028.",
        "Il vertice era stato preparato nel 2025. (ANSA).",
        "YJB-BOM",
        "12-GEN-26 14:35 NNNN",
    ]
    found = find_published(lines, kinds(lines), "it", today=date(2026, 11, 1))
    assert found.value == "2026-01-12"
    # a stamp of another day says nothing of the dateline's year
    lines[-1] = "13-GEN-26 09:10 NNNN"
    assert find_published(lines, kinds(lines), "it", today=date(2026, 11, 1)).value == "2025-01-12"


def test_a_newspapers_name_a_ministrys_full_name_and_a_newsletters_postal_footer_name_the_source():
    lines = [
        "The Guardian",
        "Europe live",
        "Ukraine war live: Kremlin rejects European ceasefire monitoring plan",
        "Jakub Krupa",
        "Tue 3 Mar 2026 14:52 GMT",
        "The Kremlin said Moscow would never accept troops from Nato countries on Ukrainian soil.",
    ]
    assert find_source(lines, kinds(lines), "en") == ("The Guardian", "masthead")
    assert guess_title(lines, kinds(lines))[0].startswith("Ukraine war live")
    lines = [
        "Ministry of Foreign Affairs of the People's Republic of China",
        "Foreign Ministry Spokesperson Mao Ning's Regular Press Conference on March 3, 2026",
        "Updated: March 03, 2026 19:30",
        "Mao Ning: Foreign Minister Cho Hyun will visit China from March 5 to 7.",
    ]
    assert find_source(lines, kinds(lines), "en")[0] == lines[0]
    assert guess_title(lines, kinds(lines))[0] == lines[1]
    lines = [
        "# The Week in Asia Security",
        "Canberra kept its nerve on submarines this week, and Manila held its drills.",
        "You are receiving this email because you signed up at harbourinstitute.org.",
        "Harbour Institute for Strategic Studies · 20 Collyer Quay, #09-01, Singapore 049319",
    ]
    assert find_source(lines, kinds(lines), "en") == (
        "Harbour Institute for Strategic Studies",
        "address footer",
    )
    # a closing line of parts without an address names nobody
    lines[-1] = "Unsubscribe · Manage preferences"
    assert find_source(lines, kinds(lines), "en")[0] == ""


def test_a_short_name_over_a_one_word_section_line_is_the_masthead():
    lines = ["Le Devoir", "Politique", "Guerre commerciale"]
    lines += ["Carney se tourne vers le Mexique face aux menaces tarifaires de Trump"]
    lines += ["Jean-Philippe Ouellet", "15 mars 2026", "Le premier ministre a parlé vendredi."]
    assert find_source(lines, kinds(lines, "fr"), "fr") == ("Le Devoir", "masthead")
    assert guess_title(lines, kinds(lines, "fr"), "fr")[0] == lines[3]
    lines = ["EL PAÍS English", "International", "Albares travels to Algiers to seal a deal"]
    lines += ["Madrid - Mar 15, 2026 - 09:41 CET", "The minister landed on Friday."]
    assert find_source(lines, kinds(lines), "en")[0] == "EL PAÍS English"
    assert guess_title(lines, kinds(lines), "en")[0] == lines[2]
    # a column's name in lower case over a day's heading is no masthead
    lines = ["The week in review", "Monday", "European Union foreign ministers argued all day."]
    assert find_source(lines, kinds(lines), "en")[0] == ""
    # a name opening with an article, in lower case or not, or holding a number
    for name, section in (("la Repubblica", "ESTERI"), ("Il Sole 24 Ore", "Mondo")):
        lines = [name, section, "Corea, Pyongyang restituisce i sei pescatori: Seul ringrazia"]
        lines += ["di Luca Bianchi", "11 novembre 2026", "I pescatori sono tornati a casa oggi."]
        assert find_source(lines, kinds(lines, "it"), "it")[0] == name
        assert guess_title(lines, kinds(lines, "it"), "it")[0] == lines[2]
    # a year is no part of a name, nor is a wire's code
    lines = ["Rapporto 2026", "Sintesi", "La Corea del Nord e la Russia", "Il testo comincia qui."]
    assert find_source(lines, kinds(lines, "it"), "it")[0] == ""
    lines[:2] = ["ZCZC4417/SXA", "XPP26072004417_SXA_QBXB"]
    assert find_source(lines, kinds(lines, "it"), "it")[0] == ""


def test_a_name_before_its_edition_is_a_masthead_even_when_nothing_else_heads_the_text():
    assert is_masthead("TG1 – Edizione delle 20:00", "it")
    assert is_masthead("BBC News – Evening Edition", "en")
    assert not is_masthead("Talks stall – edition two of the summit", "en")
    # a transcript under its programme's name and date: that name is the source
    lines = ["TG1 – Edizione delle 20:00", "Sabato 14 marzo 2026", "Trascrizione"]
    lines += ["CONDUTTRICE: Buonasera. Apriamo con il Mediterraneo centrale."]
    assert find_source(lines, kinds(lines, "it"), "it")[0] == "TG1"
    # a channel's name alone over its posts
    lines = ["Eastern Front Monitor", "channel · 48,312 subscribers", "Nov 5, 2024 at 21:40"]
    lines += ["Ukraine's Defence Minister says the first clash has taken place."]
    assert find_source(lines, kinds(lines), "en")[0] == "Eastern Front Monitor"


def test_a_kicker_of_four_words_over_a_headline_twice_as_long():
    lines = ["The week in review"]
    lines += ['Sanctions by a whisker, a "framework for a framework" and a handshake in Muscat']
    lines += ["By Helen Marsh, Diplomatic Editor", "Ministers argued all day in Brussels."]
    assert guess_title(lines, kinds(lines), "en")[0] == lines[1]
    lines = ["Global perspective Human stories"]
    lines += ["Haiti: UN envoy urges swift deployment of a force as the Kenyan-led mission ends"]
    lines += ["The envoy spoke to the Council on Monday."]
    assert guess_title(lines, kinds(lines), "en")[0] == lines[1]
    # over a line less than twice as long it is the headline, the line under it a dek
    lines = ["Moldova votes under pressure", "The pro-European party faces its test"]
    lines += ["Voters went to the polls on Sunday."]
    assert guess_title(lines, kinds(lines), "en")[0] == lines[0]


def test_a_committee_report_a_column_under_its_name_and_a_quoted_speaker_headline():
    lines = ["House of Commons", "Foreign Affairs Committee"]
    lines += ["Engagement without illusions: the UK’s approach to China and the Indo-Pacific"]
    lines += ["Sixth Report of Session 2024–26", "HC 1047"]
    lines += ["Published on 9 April 2026 by authority of the House", "Conclusions"]
    lines += ["1. The Government has no strategy."]
    assert guess_title(lines, kinds(lines), "en")[0] == lines[2]
    assert published(lines) == "2026-04-09"
    # a magazine's name over its column's kicker over the headline
    lines = ["The Meridian", "Letter from Tokyo", "Japan Learns to Live With Beijing’s Displeasure"]
    lines += ["By Hannah Kessler", "April 9, 2026", "The cherry trees were at their best."]
    assert guess_title(lines, kinds(lines), "en")[0] == lines[2]
    assert find_source(lines, kinds(lines), "en") == ("The Meridian", "masthead")
    # a rubric under the page's date line is no masthead
    lines = ["ABC MARTES, 3 DE MARZO DE 2026", "OPINIÓN", "TRIBUNA ABIERTA"]
    lines += ["El Estrecho no espera a Bruselas", "ISABEL GARCÍA", "La cooperación funciona."]
    assert find_source(lines, kinds(lines, "es"), "es")[0] != "OPINIÓN"
    # a speaker's name and a quotation of two sentences is a headline, under its rubric
    lines = ["Primo Piano"]
    lines += ["Tajani: «Sulla Libia l'Europa parli con una voce sola. Con gli Usa dialogo»"]
    lines += ["Il titolare della Farnesina dopo la missione a Tripoli e Bengasi spiega la linea"]
    lines += ["di Chiara Bellini", "9 aprile 2026", "Antonio Tajani è rientrato a Roma martedì."]
    assert guess_title(lines, kinds(lines, "it"), "it")[0] == lines[1]


def test_a_numeric_transmission_stamp_and_an_agency_signing_above_its_routing_codes():
    lines = [
        "Giappone protesta con Mosca per manovre vicino a Hokkaido",
        "TOKYO, 19 MAG - Il Giappone ha presentato una protesta formale alla Russia.",
        "Il monitoraggio è affidato a undici Paesi. (ANSA).",
        "KAN/ S0B QBXB",
        "19-05-26 08:41",
    ]
    found = find_published(lines, kinds(lines, "it"), "it", today=date(2026, 11, 1))
    assert found.value == "2026-05-19"
    assert find_source(lines, kinds(lines, "it"), "it")[0] == "ANSA"
    lines[-1] = "20-05-26 08:41"  # another day's stamp says nothing of the year
    found = find_published(lines, kinds(lines, "it"), "it", today=date(2026, 11, 1))
    assert found is None or found.value != "2026-05-19"


def test_a_name_over_a_section_path_and_credits_of_several_words_name_the_source():
    lines = ["L'Horizon", "International › Asie-Pacifique", "Analyse"]
    lines += ["Ce que Kim Jong-un gagne à son alliance avec Moscou", "Par Claire Vasseur"]
    lines += ["Le ministre russe a été accueilli avec les honneurs militaires, lundi."]
    assert find_source(lines, kinds(lines, "fr"), "fr") == ("L'Horizon", "masthead")
    lines = ["Esperti divisi sul G7", "Di Kenta Morioka", "Il Giappone esita ancora, dicono."]
    lines += ["Articolo pubblicato originariamente in inglese su The Japan Times."]
    assert find_source(lines, kinds(lines, "it"), "it")[0] == "The Japan Times"
    # another language's credit under an English text
    lines = ["Japón y Corea del Norte", "By Haruka Nishida", "Tokyo has tried pressure."]
    lines += ["Fuente original: The Diplomat"]
    assert find_source(lines, kinds(lines, "en"), "en")[0] == "The Diplomat"
    # a cue of one word without a colon names nothing ("Da Nang …")
    lines = ["Talks in Vietnam", "Officials met on Monday.", "Da Nang Port"]
    assert find_source(lines, kinds(lines, "en"), "en")[0] != "Nang Port"


def test_a_writers_name_in_capitals_and_their_place_after_a_bar_is_a_byline():
    assert classify_line("ELENA MARTÍN RÍOS | Madrid", "es", 4) == "byline"
    assert classify_line("JUAN PÉREZ | Nueva York", "es", 4) == "byline"
    # a rubric in capitals on both sides, or a name in small letters, is none
    assert classify_line("WORLD | EUROPE", "en", 1) != "byline"
    assert classify_line("INTERNACIONAL | Asia", "es", 1) != "byline"
    lines = ["DIARIO HORIZONTE", "Internacional", "«Corea del Norte cobra su ayuda»"]
    lines += ["ELENA MARTÍN RÍOS | Madrid", "3 de julio de 2026", "El exembajador habla."]
    assert guess_title(lines, kinds(lines, "es"), "es")[0] == lines[2]


def test_an_organisations_name_over_its_press_release_is_the_source():
    lines = ["United Nations", "Meetings Coverage and Press Releases", "SC/16300"]
    lines += ["10 December 2026", "Security Council", "10300th Meeting (AM)"]
    lines += ["Speakers Urge Restraint as Tensions Rise on the Korean Peninsula"]
    lines += ["The Security Council met this morning to discuss the situation."]
    assert find_source(lines, kinds(lines), "en") == ("United Nations", "masthead")


def test_a_papers_name_over_its_section_comes_before_the_wire_tag_of_the_story_it_runs():
    lines = ["EL HERALDO AUSTRAL", "Internacional > Asia"]
    lines += ["Japón y Corea del Sur estrechan lazos de defensa", "Por Aiko Tanabe"]
    lines += ["TOKIO, 3 jul (Kyodo) - Japón y Corea del Sur acordaron este viernes un plan."]
    assert find_source(lines, kinds(lines, "es"), "es") == ("EL HERALDO AUSTRAL", "masthead")
    # as another line writes it in mixed case; a sentence's lower-case words are not that
    lines += ["El heraldo austral de la región lo dijo.", "© 2026 El Heraldo Austral"]
    assert find_source(lines, kinds(lines, "es"), "es")[0] == "El Heraldo Austral"
    # the wire's own copy, with no paper's name over it, is the wire's
    assert find_source(lines[2:5], kinds(lines[2:5], "es"), "es")[0] == "Kyodo"


def test_a_brand_written_as_one_word():
    lines = ["franceinfo", "Monde", "Article rédigé par Paul Roux, franceinfo"]
    assert is_brand("derStandard", []) and is_brand("RaiNews", []) and is_brand("g1", [])
    assert is_brand("Kompas.com", []) and is_brand("TG1", [])
    assert not is_brand("G7", []) and not is_brand("G20", []) and not is_brand("Monde", lines)
    # in lower case, only where another line writes it so too
    assert is_brand("franceinfo", lines) and not is_brand("franceinfo", lines[:2])
    assert not is_brand("mondo", ["mondo", "Il vertice di Mosca"])


@pytest.mark.parametrize(
    ("lang", "lines", "found"),
    [
        # a brand over a one-word section, or alone over the headline
        (
            "de",
            ["derStandard", "International", "Orbán holt sich Gas-Zusagen im Kreml"]
            + ["Ungarns Premier wirbt in Moskau um billiges Gas."],
            "derStandard",
        ),
        ("it", ["RaiNews", "Kim a Vladivostok, firmato l'accordo con Putin"], "RaiNews"),
        ("it", ["Esteri", "Kim a Vladivostok, firmato l'accordo con Putin"], ""),
        # a byline's brand before its place, a broadcaster's studio, a newsroom's name
        (
            "pt",
            ["Lula fala com Putin", "Por Ana Moura, g1 — Brasília", "O presidente ligou."],
            "g1",
        ),
        ("de", ["Kim bei Putin", "Von Jana Roth, ARD-Studio Tokio", "Kim ist angekommen."], "ARD"),
        ("de", ["Kim bei Putin", "Von Jana Roth, Tokio", "Kim ist angekommen."], ""),
        (
            "es",
            ["Perú rompe con México", "Redacción La Voz Andina | Lima", "El Gobierno anunció."],
            "La Voz Andina",
        ),
        ("es", ["Perú rompe con México", "Redacción Internacional", "El Gobierno anunció."], ""),
        # a site's domain opening the date line
        (
            "en",
            ["Kim arrives in Vladivostok", "Kompas.com - 14/12/2026, 08:15 WIB", "Kim arrived."],
            "Kompas.com",
        ),
    ],
)
def test_a_brand_a_bureau_and_a_newsroom_name_the_source(lang, lines, found):
    assert find_source(lines, kinds(lines, lang), lang)[0] == found


def test_a_name_in_capitals_over_its_tagline_and_a_section_path_is_the_masthead():
    lines = ["LA GAZZETTA DEL PORTO", "Notizie dal mondo, in italiano", "Home › Esteri › Asia"]
    lines += ["Kim e Putin firmano un patto militare a Vladivostok"]
    lines += [
        "Il leader nordcoreano è ripartito in treno.",
        "Traduzione per La Gazzetta del Porto.",
    ]
    assert find_source(lines, kinds(lines, "it"), "it") == ("La Gazzetta del Porto", "masthead")


@pytest.mark.parametrize(
    "lang, closing, found",
    [
        # a page's promotion of itself: the article is the name's where it is capitalised
        ("en", "Support us and become a member of The Harbour Ledger.", "The Harbour Ledger"),
        ("en", "Consider supporting the Harbour Ledger.", "Harbour Ledger"),
        ("en", "Why you can trust NWP", "NWP"),
        (
            "es",
            "Suscríbase a la newsletter de LA VOZ Andina y reciba las claves.",
            "LA VOZ Andina",
        ),
        (
            "it",
            "Iscriviti alla newsletter «Il Mondo» del Giornale della Sera",
            "Giornale della Sera",
        ),
        ("it", "Grazie per aver letto Levante! Se ti è piaciuta, inoltrala.", "Levante"),
        # a promotion of our newsletter names no one; a state the story speaks of is no publisher
        ("en", "Subscribe to our newsletter.", ""),
        ("en", "Allies should consider supporting Ukraine before the winter.", ""),
    ],
)
def test_a_publishers_promotion_of_itself_names_the_source(lang, closing, found):
    lines = ["Kim and Putin sign a pact", "The two leaders met on Tuesday.", closing]
    assert find_source(lines, kinds(lines, lang), lang)[0] == found


def test_a_names_small_words_count_over_a_section_path_only():
    lines = ["Prime Minister of Canada", "Home > News > Readouts"]
    lines += ["Prime Minister speaks with the President of Korea", "The leaders spoke today."]
    assert find_source(lines, kinds(lines), "en") == ("Prime Minister of Canada", "masthead")
    # a topic over a one-word section is no publisher
    lines = ["War in Ukraine", "Analysis", "Why Kyiv fears the winter", "The war goes on."]
    assert find_source(lines, kinds(lines), "en")[0] == ""


@pytest.mark.parametrize(
    "lang, byline, found",
    [
        ("fr", "Par :RFI Suivre", "RFI"),  # the follow button the copied page leaves
        ("fr", "Par : Léa Dubreuil", ""),
        ("en", "By AFP", "AFP"),
        ("en", "By JOHN SMITH", ""),
    ],
)
def test_a_byline_that_names_only_an_acronym_names_the_publisher(lang, byline, found):
    lines = ["Kim et Poutine signent un pacte", byline, "Les deux dirigeants se sont vus mardi."]
    assert find_source(lines, kinds(lines, lang), lang)[0] == found
