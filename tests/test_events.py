"""Temporal expressions: finding, normalising and resolving them in en/it/es news text."""

import re

import pytest

from analysis import config
from analysis import events as E

SEED_DIR = config.PROJECT_ROOT / "data" / "articles"


def extract(*sentences: str, lang: str = "en", published: str = "", others=()) -> list[tuple]:
    """(expression, date, date_end, precision, resolved) of each event in one article made of
    `sentences` (joined by a space; each is one sentence)."""
    text, spans = "", []
    for sentence in sentences:
        start = len(text) + (1 if text else 0)
        text = f"{text} {sentence}" if text else sentence
        spans.append((start, len(text)))
    found = E.extract(text, spans, lang, published, others)
    for e in found:
        assert e.expression == text[e.start_char : e.end_char]
    return [(e.expression, e.date, e.date_end, e.precision, e.resolved) for e in found]


def extract_lines(lines: list[str], lang: str, published: str) -> list[E.Event]:
    """The events of a text whose lines are its sentences (joined by line breaks)."""
    text = "\n".join(lines)
    spans, start = [], 0
    for line in lines:
        spans.append((start, start + len(line)))
        start += len(line) + 1
    return E.extract(text, spans, lang, published)


def dates(*sentences: str, **kwargs) -> list[tuple[str, str]]:
    return [(expr, date) for expr, date, *_ in extract(*sentences, **kwargs)]


@pytest.mark.parametrize(
    ("lang", "sentence", "expression", "date"),
    [
        ("en", "North Korea was created on September 9, 1948 with Soviet backing.",
         "September 9, 1948", "1948-09-09"),
        ("en", "(From The Yomiuri Shimbun, Jan. 16, 2024)", "Jan. 16, 2024", "2024-01-16"),
        ("en", "The war began on Thursday, 24 February 2022.", "Thursday, 24 February 2022",
         "2022-02-24"),
        ("it", "La Corea del Nord è stata fondata il 9 settembre 1948.", "9 settembre 1948",
         "1948-09-09"),
        ("es", "El informe se publicó el 16 de enero de 2024.", "16 de enero de 2024",
         "2024-01-16"),
        ("en", "26 | 12 | 2023", "26 | 12 | 2023", "2023-12-26"),
        ("es", "Publicado el 26/12/2023 en Madrid.", "26/12/2023", "2023-12-26"),
        ("en", "The file is dated 2024-01-16.", "2024-01-16", "2024-01-16"),
    ],
)  # fmt: skip
def test_full_dates_are_explicit_days(lang, sentence, expression, date):
    assert extract(sentence, lang=lang) == [(expression, date, "", "day", "explicit")]


def test_month_and_year():
    assert dates("Shoigu met Kim in July 2023.") == [("July 2023", "2023-07")]
    assert dates("Shoigu ha incontrato Kim nel luglio 2023.", lang="it") == [
        ("luglio 2023", "2023-07")
    ]
    assert dates("Shoigu se reunió con Kim en julio de 2023.", lang="es") == [
        ("julio de 2023", "2023-07")
    ]


def test_bare_years_leave_out_the_locating_preposition():
    assert extract("In 2018, Trump and Kim held a summit.") == [
        ("2018", "2018", "", "year", "explicit")
    ]
    assert dates("Nel 2018 Trump e Kim hanno tenuto un vertice.", lang="it") == [("2018", "2018")]
    assert dates("Japan's 2025 Diplomatic Bluebook is a draft.") == [("2025", "2025")]


def test_meaningful_prepositions_stay_in_the_expression():
    assert dates("The missiles are to be deployed by 2026.") == [("by 2026", "2026")]
    assert dates("It would be his first visit since July 2000.") == [("since July 2000", "2000-07")]
    assert dates("Sarebbe la prima visita dal luglio 2000.", lang="it") == [
        ("dal luglio 2000", "2000-07")
    ]
    assert dates("Sería su primera visita desde julio de 2000.", lang="es") == [
        ("desde julio de 2000", "2000-07")
    ]
    assert dates("I missili saranno schierati entro il 2026.", lang="it") == [
        ("entro il 2026", "2026")
    ]
    # In English an article after the preposition goes with a noun, not with the year.
    assert dates("Democrats held control after the 2008 election.") == [("2008", "2008")]


@pytest.mark.parametrize(
    ("lang", "sentence"),
    [
        ("en", "The plan includes the purchase of 1,500 missiles and 2000 drones."),
        ("en", "The budget will rise to 2% of GDP."),
        ("en", "Russia is one of five veto-wielding permanent members."),
        ("en", "G7 leaders met at 10:30 in Apulia."),
        ("en", "Article 9 of the Constitution limits the army."),
        ("en", "Putin was sworn in for a new six-year term."),
        ("en", "They marked the 75th anniversary of their relations."),
        ("en", "Resolution 2094 tightened the sanctions."),
        ("en", "About 2020 people were evacuated from 1899 homes."),
        ("en", "Theresa May said she may resign."),
        ("en", "Lately, expectations are high that he will visit at an early date."),
        ("en", "They spent the two years before their arrest in Alaska."),
        ("it", "Al fine di evitare la guerra, sei paesi hanno firmato con 2500 soldati."),
        ("it", "La Russia è uno dei cinque membri permanenti del Consiglio."),
        ("es", "Las Madres de Plaza de Mayo marcharon con 2000 personas."),
        ("es", "El presupuesto subirá al 2% del PIB y a 1.500 misiles."),
    ],
)
def test_false_positives(lang, sentence):
    assert extract(sentence, lang=lang, published="2024-06") == []


@pytest.mark.parametrize(
    ("lang", "starts", "skipped"),
    [
        (
            "en",
            [" the following", " a week", " that day", " may the", " since 1991"],
            [" the russian", " a delegation", " that decision", " as usual"],
        ),
        (
            "it",
            [" scorso anno", " prossima settimana", " maggio scorso"],
            [" prossima riunione", " dieci navi", " quella proposta"],
        ),
    ],
)
def test_the_guard_skips_words_that_start_an_expression_only_before_its_vocabulary(
    lang, starts, skipped
):
    """Articles and other words that start an expression only before another of its words
    ("the following year") are skipped before any other word, so the grammar's templates are
    not tried there; a word that can be an expression alone ("May") never is."""
    grammar = E.grammar(lang)
    guard = grammar.pattern.pattern[: grammar.pattern.pattern.index("(?:(?P<kept>")]
    at_word = re.compile(guard)
    assert all(at_word.match(text) for text in starts)
    assert not any(at_word.match(text) for text in skipped)


def test_ranges():
    assert extract("Japan colonized the peninsula between 1910-1945.") == [
        ("between 1910-1945", "1910", "1945", "range", "explicit")
    ]
    assert extract("During his four-year term beginning in 2017, Trump met Kim.") == [
        ("four-year term beginning in 2017", "2017", "2021", "range", "explicit")
    ]
    assert extract("Durante il suo mandato quadriennale iniziato nel 2017 Trump.", lang="it") == [
        ("mandato quadriennale iniziato nel 2017", "2017", "2021", "range", "explicit")
    ]
    assert extract("Japón colonizó Corea entre 1910 y 1945.", lang="es") == [
        ("entre 1910 y 1945", "1910", "1945", "range", "explicit")
    ]
    assert extract("The 1998-99 season.")[0][1:3] == ("1998", "1999")


@pytest.mark.parametrize(
    ("lang", "sentence", "expected"),
    [
        ("en", "Talks were held on May 10-12, 2024 in Geneva.",
         ("May 10-12, 2024", "2024-05-10", "2024-05-12", "range", "explicit")),
        ("en", "The drills ran from 3 to 5 March 2025.",
         ("from 3 to 5 March 2025", "2025-03-03", "2025-03-05", "range", "explicit")),
        # to come: written in April, the next March
        ("it", "Il vertice si terrà dal 3 al 5 marzo.",
         ("dal 3 al 5 marzo", "2026-03-03", "2026-03-05", "range", "relative")),
        ("es", "La misión estuvo en el país del 2 al 22 de abril.",
         ("del 2 al 22 de abril", "2025-04-02", "2025-04-22", "range", "relative")),
        ("fr", "Le sommet a eu lieu du 3 au 5 mars.",
         ("du 3 au 5 mars", "2025-03-03", "2025-03-05", "range", "relative")),
        ("fr", "Le sommet aura lieu du 3 au 5 mars.",
         ("du 3 au 5 mars", "2026-03-03", "2026-03-05", "range", "relative")),
        ("de", "Die Übung dauerte vom 3. bis 5. Februar.",
         ("vom 3. bis 5. Februar", "2025-02-03", "2025-02-05", "range", "relative")),
        ("es", "La cumbre fue el 2 y 3 de abril de 2025.",
         ("2 y 3 de abril de 2025", "2025-04-02", "2025-04-03", "range", "explicit")),
        ("de", "Der Rat tagte am 5. und 6. April.",
         ("5. und 6. April", "2025-04-05", "2025-04-06", "range", "relative")),
        ("pt", "A cimeira decorre de 6 a 7 de julho de 2025.",
         ("de 6 a 7 de julho de 2025", "2025-07-06", "2025-07-07", "range", "explicit")),
    ],
)  # fmt: skip
def test_day_ranges(lang, sentence, expected):
    assert extract(sentence, lang=lang, published="2025-04-20") == [expected]
    # a backwards or impossible span is no range
    assert not any(e[3] == "range" for e in extract("On June 5-3 or 31-33 June.", published="2025"))


@pytest.mark.parametrize(
    ("lang", "sentence", "published", "expected"),
    [
        ("en", "Protesters were detained between October 30 and November 3.", "2025-11-10",
         ("between October 30 and November 3", "2025-10-30", "2025-11-03")),
        ("en", "The truce held Oct. 30–Nov. 3.", "2025-11-10",
         ("Oct. 30–Nov. 3", "2025-10-30", "2025-11-03")),
        # over the new year: the end is in the year after the start, a given year the end's
        ("en", "Talks will run from December 28 to January 3.", "2025-12-20",
         ("from December 28 to January 3", "2025-12-28", "2026-01-03")),
        ("en", "Talks ran from 28 December to 3 January 2025.", "2025-03-01",
         ("from 28 December to 3 January 2025", "2024-12-28", "2025-01-03")),
        ("it", "Dal 28 dicembre al 3 gennaio le delegazioni si sono incontrate.", "2026-01-10",
         ("Dal 28 dicembre al 3 gennaio", "2025-12-28", "2026-01-03")),
        ("es", "Del 28 de octubre al 3 de noviembre hubo reuniones.", "2025-11-20",
         ("Del 28 de octubre al 3 de noviembre", "2025-10-28", "2025-11-03")),
        ("fr", "La nuit du 31 mars au 1er avril, des frappes ont visé Kiev.", "2025-04-05",
         ("du 31 mars au 1er avril", "2025-03-31", "2025-04-01")),
        ("de", "Vom 28. Oktober bis 3. November tagte die Kommission.", "2025-11-20",
         ("Vom 28. Oktober bis 3. November", "2025-10-28", "2025-11-03")),
        ("pt", "De 28 de outubro a 3 de novembro houve reuniões.", "2025-11-20",
         ("De 28 de outubro a 3 de novembro", "2025-10-28", "2025-11-03")),
    ],
)  # fmt: skip
def test_a_span_of_days_over_two_months_is_one_range(lang, sentence, published, expected):
    assert [e[:3] for e in extract(sentence, lang=lang, published=published)] == [expected]
    # an impossible end is no range
    assert not any(
        e[3] == "range" for e in extract("From March 3 to April 31.", published="2025-05-01")
    )


def test_decades():
    assert extract("In the 1970s and 1980s, 17 Japanese were abducted.") == [
        ("the 1970s and 1980s", "1970", "1989", "decade", "explicit")
    ]
    assert extract("Negli anni Settanta e Ottanta furono rapiti.", lang="it") == [
        ("anni Settanta e Ottanta", "1970", "1989", "decade", "explicit")
    ]
    assert extract("En los años 70 fueron secuestrados.", lang="es") == [
        ("los años 70", "1970", "1979", "decade", "explicit")
    ]
    assert extract(
        "In the first decade of this century, Japan faced the program.", published="2023-12-26"
    ) == [("the first decade of this century", "2000", "2009", "decade", "relative")]


def test_relative_to_the_publication_date():
    found = extract(
        "Russia used those missiles late last year and early this year.",
        "Russia has received shells since last year.",
        "At a Security Council meeting last week, Japan protested.",
        published="2024-01-16",
    )
    assert found == [
        ("late last year", "2023-12", "", "month", "relative"),
        ("early this year", "2024-01", "", "month", "relative"),
        ("since last year", "2023", "", "year", "relative"),
        ("last week", "2024-01-08", "2024-01-14", "range", "relative"),
    ]
    # "This year" in a month-precise article: that month of the year.
    assert dates("At this year's summit in Italy.", published="2024-06") == [
        ("this year", "2024-06")
    ]
    assert dates("Two years ago, the talks failed.", published="2024-06") == [
        ("Two years ago", "2022")
    ]


@pytest.mark.parametrize(
    ("lang", "sentence", "expected"),
    [
        # to come: the next one, a month earlier in the year than the publication
        ("en", "The next meeting will be held in Washington in January.", ("January", "2026-01")),
        ("en", "Spending will reach 2% by March.", ("by March", "2026-03")),
        ("es", "Anunció que la reunión se celebrará en enero.", ("enero", "2026-01")),
        ("it", "La spesa salirà al 2% entro marzo.", ("entro marzo", "2026-03")),
        # past: a story's deadline, a reporting verb, or the month's own name ("May")
        ("en", "By March, the troops had left.", ("By March", "2025-03")),
        ("en", "He said in March that he would run.", ("March", "2025-03")),
        ("en", "Putin was sworn in for a new term in May.", ("May", "2025-05")),
        ("en", "Some 300 had been killed by mid-January.", ("by mid-January", "2025-01")),
        # a future seen from the past, a clause of its own between the cue and the date
        (
            "es",
            "Había anunciado que impondría aranceles el 20 de enero.",
            ("20 de enero", "2025-01-20"),
        ),
        ("en", "Tehran will return to the talks that started in April.", ("April", "2025-04")),
        # a cue after an "and" that joins a verb of its own
        (
            "en",
            "The bank cut its rate in October and is expected to hold it.",
            ("October", "2025-10"),
        ),
        (
            "es",
            "El banco recortó los tipos en octubre y se espera que los mantenga.",
            ("octubre", "2025-10"),
        ),
    ],
)
def test_a_month_to_come_earlier_in_the_year_is_next_years(lang, sentence, expected):
    assert dates(sentence, lang=lang, published="2025-11-19") == [expected]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # a deadline after a reported verb that governs an infinitive: the promised act's
        (
            "Anutin, who has promised to dissolve parliament by the end of January, waits.",
            ("by the end of January", "2026-01"),
        ),
        # the reported verb tells the date's time: the past one
        ("He said by January the troops had left.", ("by January", "2025-01")),
        ("He announced in January that he would run.", ("January", "2025-01")),
    ],
)
def test_the_month_after_a_december_publication_and_a_promised_deadline(sentence, expected):
    assert dates(sentence, published="2025-12-05") == [expected]


@pytest.mark.parametrize(
    ("sentence", "language", "expected"),
    [
        # a date, or a list of dates, that opens its sentence dates the main clause's future
        (
            "In March and April, the navies will hold joint drills.",
            "en",
            [("March", "2026-03"), ("April", "2026-04")],
        ),
        (
            "In January and February the talks will resume.",
            "en",
            [
                ("January", "2026-01"),
                ("February", "2026-02"),
            ],
        ),
        ("In March, the ministry will hold talks.", "en", [("March", "2026-03")]),
        (
            "A marzo e aprile, il governo terrà colloqui.",
            "it",
            [
                ("marzo", "2026-03"),
                ("aprile", "2026-04"),
            ],
        ),
        # not when what was said holds the cue, a clause of its own does, or a conditional
        ("In March, officials said talks will resume.", "en", [("March", "2025-03")]),
        ("In March, the ministry held talks that will continue.", "en", [("March", "2025-03")]),
        ("In March the ministry held talks and will meet again.", "en", [("March", "2025-03")]),
        ("In March the ministry would hold talks if asked.", "en", [("March", "2025-03")]),
    ],
)
def test_a_fronted_month_dates_its_main_clause(sentence, language, expected):
    assert dates(sentence, lang=language, published="2025-12-05") == expected


def test_a_date_that_names_a_deadline_is_to_come():
    written = {"published": "2026-01-12"}
    assert dates("Kyiv must meet the March 31 deadline.", **written) == [("March 31", "2026-03-31")]
    assert dates("The June deadline looms.", **written) == [("June", "2026-06")]
    # another noun leaves a later month to the past, as before
    assert dates("The June talks failed.", **written) == [("June", "2025-06")]


def test_a_past_year_is_not_lent_to_a_date_to_come():
    found = dates(
        "The junta, which seized power in February 2021, has stepped up strikes ahead of an "
        "election it has scheduled for Dec 28, a vote dismissed as a sham.",
        published="2025-10-27",
    )
    assert found == [("February 2021", "2021-02"), ("Dec 28", "2025-12-28")]


def test_relative_in_italian_and_spanish():
    assert dates(
        "Al vertice di quest’anno in Italia.",
        "Due tentativi falliti all’inizio dello scorso anno.",
        "Il gruppo ha terminato le sue attività alla fine di aprile.",
        lang="it",
        published="2024-06",
    ) == [
        ("quest’anno", "2024-06"),
        ("inizio dello scorso anno", "2023-01"),
        ("fine di aprile", "2024-04"),
    ]
    assert dates(
        "El año pasado Rusia recibió proyectiles.",
        "Hubo ataques a finales del año pasado y la semana pasada.",
        lang="es",
        published="2024-01-16",
    ) == [
        ("El año pasado", "2023"),
        ("finales del año pasado", "2023-12"),
        ("la semana pasada", "2024-01-08"),
    ]


def test_last_night_in_spanish():
    assert dates("Anoche el Norte disparó un misil.", lang="es", published="2024-11-05") == [
        ("Anoche", "2024-11-04")
    ]


def test_today_and_day_numbers_written_as_words():
    assert dates("Hoje, os ministros assinaram o acordo.", lang="pt", published="2024-12-06") == [
        ("Hoje", "2024-12-06")
    ]
    assert dates("Der Gipfel beginnt heute in Berlin.", lang="de", published="2025-01-27") == [
        ("heute", "2025-01-27")
    ]
    # a day unknown to the publication date gives no date rather than a guess
    assert dates("The talks opened today.", published="2024-05") == [("today", "")]
    assert dates(
        "La tregua scadrà il primo novembre.",
        "Il primo ministro ha parlato ieri.",
        lang="it",
        published="2024-10-14",
    ) == [("primo novembre", "2024-11-01"), ("ieri", "2024-10-13")]
    assert dates("Le texte entre en vigueur le premier mars 2025.", lang="fr") == [
        ("premier mars 2025", "2025-03-01")
    ]


def test_a_wire_datelines_abbreviated_month_after_a_day():
    assert dates(
        "MADRID, 4 abr (EUROPA PRESS) - El Gobierno habló.", lang="es", published="2025-04-04"
    ) == [("4 abr", "2025-04-04")]
    assert dates(
        "(ANSA) - ROMA, 12 FEB - Il governo ha deciso.", lang="it", published="2025-02-12"
    ) == [("12 FEB", "2025-02-12")]
    # without a day an abbreviation that is also a word stays a word ("il mar Rosso")
    assert dates("Le navi nel mar 2025 Rosso.", lang="it", published="2025-02-12") == [
        ("2025", "2025")
    ]


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        ("en", "We will be back at the end of the year. The year was hard.",
         [("the end of the year", "2025-12")]),
        ("it", "Firmeranno entro fine anno, o entro la fine del mese. Ogni anno.",
         [("entro fine anno", "2025-12"), ("entro la fine del mese", "2025-07")]),
        ("de", "Bis Mitte des Monats soll ein Plan vorliegen. Das Jahr war schwer.",
         [("Bis Mitte des Monats", "2025-07")]),
        ("fr", "D'ici la fin de l'année, un accord. L'année fut dure.",
         [("D'ici la fin de l'année", "2025-12")]),
        ("es", "A fin de año habrá elecciones. El año fue duro.", [("fin de año", "2025-12")]),
        ("pt", "Até ao final do ano haverá acordo. O ano foi difícil.",
         [("Até ao final do ano", "2025-12")]),
    ],
)  # fmt: skip
def test_the_year_and_the_month_are_dates_only_with_a_modifier(lang, text, expected):
    assert dates(*text.split(". "), lang=lang, published="2025-07-19") == expected


def test_a_deadline_or_a_fronted_date_before_a_future_clause_is_to_come():
    published = "2025-07-19"
    assert dates("Both sides must reach a deal by August 18.", published=published) == [
        ("by August 18", "2025-08-18")
    ]
    assert dates(
        "Polen kontrolliert zunächst bis zum 5. August.", lang="de", published=published
    ) == [("bis zum 5. August", "2025-08-05")]
    assert dates(
        "Antes, a fines de julio, una misión viajará a Darwin.", lang="es", published="2025-06-20"
    ) == [("fines de julio", "2025-07")]
    # a fronted date's clause runs on over short asides to its verb
    assert dates(
        "Da settembre, intanto, Air China raddoppierà i voli.", lang="it", published="2024-07-30"
    ) == [("Da settembre", "2024-09")]
    # "prepares to", "look forward to", "are expected", "envisagée" speak of the future
    assert dates(
        "Its leaders are expected again at the summit in June.", published="2025-01-12"
    ) == [("June", "2025-06")]
    assert dates(
        "We look forward to the Leaders Meeting in September.", published="2025-07-01"
    ) == [("September", "2025-09")]
    assert dates(
        "La visite du ministre, envisagée en mai, semble compromise.",
        lang="fr",
        published="2025-04-14",
    ) == [("mai", "2025-05")]
    # without a deadline or a future the later month is last year's
    assert dates("Russia signed the pact in August.", published=published) == [
        ("August", "2024-08")
    ]


def test_the_weekend_is_a_saturday_to_sunday_range():
    friday = "2025-04-11"
    assert extract(
        "John Lee said over the weekend that firms must be protected.", published=friday
    ) == [("the weekend", "2025-04-05", "2025-04-06", "range", "relative")]
    assert dates("Talks will resume this weekend in Doha.", published=friday) == [
        ("this weekend", "2025-04-12")
    ]
    sunday = "2025-04-13"
    assert dates("They met last weekend.", published=sunday) == [("last weekend", "2025-04-05")]
    assert dates("Am Wochenende kam es zu Zwischenfällen.", lang="de", published=sunday) == [
        ("Wochenende", "2025-04-12")
    ]
    assert dates("El próximo fin de semana habrá elecciones.", lang="es", published=friday) == [
        ("El próximo fin de semana", "2025-04-12")
    ]


def test_bare_months():
    published = "2024-06"
    assert extract("Putin was sworn in for a new term in May.", published=published) == [
        ("May", "2024-05", "", "month", "relative")
    ]
    assert extract("In late April, the expert panel ended.", published=published) == [
        ("late April", "2024-04", "", "month", "relative")
    ]
    # A month after the publication keeps the publication's year (an election to come).
    assert dates("Trump may win the elections in November.", published=published) == [
        ("November", "2024-11")
    ]
    assert dates(
        "Trump potrebbe vincere le elezioni di novembre.", lang="it", published=published
    ) == [("novembre", "2024-11")]
    # ... but in a sentence about the past it is the month before the publication.
    assert dates("Xi met Marcos in November in Lima.", published="2025-02") == [
        ("November", "2024-11")
    ]
    assert dates("Xi will meet Marcos in November.", published="2025-02") == [
        ("November", "2025-11")
    ]
    assert dates(
        "Xi Jinping aveva incontrato Marcos a novembre a Lima.", lang="it", published="2025-02"
    ) == [("novembre", "2024-11")]
    assert dates(
        "Los dos gobiernos firmarán el acuerdo en noviembre.", lang="es", published="2025-02"
    ) == [("noviembre", "2025-11")]
    # An explicit year in the same or the previous sentence wins over the publication's.
    assert extract(
        "In January 2023, Kishida prepared the G7 summit to be held in May in Hiroshima.",
        published="2023-12-26",
    ) == [
        ("January 2023", "2023-01", "", "month", "explicit"),
        ("May", "2023-05", "", "month", "anchored"),
    ]
    assert dates("In 2018 they met.", "In June, they met again.", published=published) == [
        ("2018", "2018"),
        ("June", "2018-06"),
    ]
    # Two sentences back is too far.
    assert dates("In 2018 they met.", "Nothing.", "In June they met.", published=published)[-1] == (
        "June",
        "2024-06",
    )
    # A year qualifying a noun dates that thing only ("the 2015 deal").
    assert dates(
        "Paris warned that the 2015 nuclear deal will expire in October.", published="2025-06-12"
    ) == [("2015", "2015"), ("October", "2025-10")]
    # a later year alone lends nothing to a day of the coming weeks
    assert dates(
        "The cabinet will approve the budget for fiscal 2027 around December 25.",
        published="2026-12-08",
    ) == [("2027", "2027"), ("December 25", "2026-12-25")]
    # …nor a later month to a day of the weeks just past, unless it is said to come
    request = "The request for the fiscal year that opens in April 2027, {} on 31 August, {}."
    assert dates(
        request.format("filed by the ministry", "amounts to 9.1 trillion yen"),
        published="2026-09-17",
    ) == [("April 2027", "2027-04"), ("31 August", "2026-08-31")]
    assert dates(
        request.format("which the ministry will file", "will amount to more"),
        published="2026-09-17",
    ) == [("April 2027", "2027-04"), ("31 August", "2027-08-31")]
    # A future cue counts in the month's own clause only.
    assert dates(
        "Chad ended its defence pact in November, and the last soldiers are due to leave.",
        published="2025-01-29",
    ) == [("November", "2024-11")]


def test_which_earlier_date_lends_a_bare_month_its_year():
    published = "2025-03-14"
    # A year alone lends its year from the start of the sentence before...
    assert dates("In 2018 they met.", "In June, they met again.", published=published)[1] == (
        "June",
        "2018-06",
    )
    # A month lends its year only to a month soon after it, not one a long story later.
    published = "2025-11-14"
    long = (
        "Beijing eased its curbs in June, two years after imposing a ban in August 2023 over "
        "the release of treated water from the coastal nuclear power plant damaged by the "
        "tsunami, and the first frozen shipments finally arrived at its ports in early November."
    )
    assert dates(long, published=published)[-1] == ("early November", "2025-11")
    near = "A ban was imposed in August 2023 and lifted in November."
    assert dates(near, published=published)[-1] == ("November", "2023-11")
    published = "2025-03-14"
    # ... not from inside it, nor from another clause of the same sentence.
    assert dates(
        "Saudi Arabia, which hosted the failed talks in 2023, wants a new round.",
        "In January, Washington imposed sanctions.",
        published=published,
    )[1] == ("January", "2025-01")
    assert dates(
        "Le contrat, signé en 2019, a expiré le 31 décembre.", lang="fr", published=published
    )[1] == ("31 décembre", "2024-12-31")
    # A year that dates a thing ("il trattato del 1951") lends its year to nothing.
    assert dates(
        "Il trattato del 1951 impegna Washington, come ha ribadito Trump a fine luglio.",
        lang="it",
        published="2025-08-12",
    )[1] == ("fine luglio", "2025-07")
    # A month goes on from the month just given, not back before it...
    assert dates(
        "L'accordo di Bruxelles del febbraio 2023 è fermo.",
        "Sørensen, nominato a gennaio, ha incontrato le parti.",
        lang="it",
        published=published,
    )[1] == ("gennaio", "2025-01")
    assert dates("In March 2019 the talks began.", "In May, they stalled.", published=published)[
        1
    ] == ("May", "2019-05")
    # ... unless a word says it is the one before.
    assert dates(
        "Dall'attacco del 24 settembre 2023 agli scontri del maggio precedente.",
        lang="it",
        published=published,
    )[1] == ("maggio", "2023-05")


def test_same_day_expressions_and_weekdays_to_come():
    assert dates(
        "Kim arrived on Wednesday.",
        "Later in the day, a missile flew.",
        "Within hours, Seoul responded.",
        published="2025-06-12",
    ) == [
        ("Wednesday", "2025-06-11"),
        ("Later in the day", "2025-06-11"),
        ("Within hours", "2025-06-11"),
    ]
    assert dates(
        "Kim arrived on Wednesday.", "Hours later, a missile flew.", published="2025-06-12"
    ) == [
        ("Wednesday", "2025-06-11"),
        ("Hours later", "2025-06-11"),
    ]
    assert dates(
        "Gli Houthi hanno colpito sabato 3 febbraio.",
        "Il giorno prima avevano lanciato droni.",
        lang="it",
        published="2024-02-12",
    ) == [("sabato 3 febbraio", "2024-02-03"), ("Il giorno prima", "2024-02-02")]
    assert dates(
        "El ataque fue el 3 de marzo.",
        "Horas después, Kiev respondió.",
        lang="es",
        published="2025-03-04",
    ) == [("3 de marzo", "2025-03-03"), ("Horas después", "2025-03-03")]
    # published on a Thursday: a Sunday to come, a Sunday past
    assert dates("Talks are scheduled for Sunday in Muscat.", published="2025-06-12") == [
        ("Sunday", "2025-06-15")
    ]
    assert dates("Talks were held on Sunday in Muscat.", published="2025-06-12") == [
        ("Sunday", "2025-06-08")
    ]
    assert dates("Leaders meet at a summit scheduled for June.", published="2025-01-29") == [
        ("June", "2025-06")
    ]
    # a future cue speaks of a weekday before it or just after it, or after a fronted date...
    published = "2024-06-21"  # a Friday
    assert dates("The vote on Sunday will decide it.", published=published) == [
        ("Sunday", "2024-06-23")
    ]
    assert dates("On Sunday, the leaders will meet.", published=published) == [
        ("Sunday", "2024-06-23")
    ]
    # ... not in a reported clause further on
    said = "Seoul summoned Russia's ambassador on Thursday and said it would reconsider its aid."
    assert dates(said, published=published) == [("Thursday", "2024-06-20")]


@pytest.mark.parametrize(
    ("lang", "sentence", "expected"),
    [
        ("en", "By Sunday morning the guns fell silent.", ("By Sunday morning", "2025-05-11")),
        ("it", "L'incidente è avvenuto lunedì mattina.", ("lunedì mattina", "2025-05-12")),
        ("es", "El ataque ocurrió el martes por la noche.", ("martes por la noche", "2025-05-06")),
        ("fr", "Les frappes ont eu lieu mardi soir.", ("mardi soir", "2025-05-06")),
        ("pt", "O acordo saiu na terça-feira à noite.", ("terça-feira à noite", "2025-05-06")),
        ("de", "Am Sonntagabend trafen sie sich.", ("Sonntagabend", "2025-05-11")),
    ],
)  # fmt: skip
def test_a_weekdays_part_of_the_day_belongs_to_it(lang, sentence, expected):
    assert dates(sentence, lang=lang, published="2025-05-12") == [expected]


def test_a_new_paragraph_does_not_take_the_previous_ones_year():
    text = "The army seized power in July 2023.\nIn November, Moscow and Bamako signed a deal."
    found = E.extract(text, [(0, 35), (36, len(text))], "en", "2025-01-29")
    assert [(e.expression, e.date) for e in found] == [
        ("July 2023", "2023-07"),
        ("November", "2024-11"),
    ]
    joined = text.replace("\n", " ")  # the same sentences in one paragraph
    found = E.extract(joined, [(0, 35), (36, len(text))], "en", "2025-01-29")
    assert [e.date for e in found] == ["2023-07", "2023-11"]


def test_anchored_offsets():
    assert extract(
        "Kim visited the Vostochny Cosmodrome in September 2023.",
        "In fact, about two months after Kim returned to Pyongyang, North Korea launched a "
        "satellite.",
    ) == [
        ("September 2023", "2023-09", "", "month", "explicit"),
        ("about two months after Kim returned to Pyongyang", "2023-11", "", "month", "anchored"),
    ]
    assert dates(
        "Kim ha visitato il cosmodromo nel settembre 2023.",
        "Infatti, circa due mesi dopo il ritorno di Kim a Pyongyang, la Corea del Nord annunciò.",
        lang="it",
    ) == [
        ("settembre 2023", "2023-09"),
        ("circa due mesi dopo il ritorno di Kim a Pyongyang", "2023-11"),
    ]
    assert dates(
        "In September 2023 it amended its Constitution.",
        "Two months later, it launched a spy satellite.",
        "The following year, talks resumed.",
    ) == [
        ("September 2023", "2023-09"),
        ("Two months later", "2023-11"),
        ("The following year", "2024"),
    ]
    # After the sentence's own date, a trailing "N after <clause>" dates the clause's event.
    assert dates(
        "Negotiators returned to Cairo on Tuesday, two weeks after the first round collapsed.",
        published="2025-10-14",
    ) == [("Tuesday", "2025-10-14"), ("two weeks after the first round collapsed", "2025-09-30")]
    # A clause told in a past tense is not dated after the publication: the date before it,
    # in an earlier sentence, is the later one.
    assert dates(
        "SEOUL, December 16, 2026 - Russia and North Korea signed a bridge deal.",
        "The deal comes two months after North Korea test-launched a new missile.",
        published="2026-12-16",
    ) == [
        ("December 16, 2026", "2026-12-16"),
        ("two months after North Korea test-launched a new missile", "2026-10"),
    ]
    # "the following day" counts from the latest day given, not from a later bare year
    assert dates(
        "Takaichi spoke on Nov. 7 about a law enacted in 2015.",
        "The consul responded the following day.",
        published="2025-11-14",
    ) == [("Nov. 7", "2025-11-07"), ("2015", "2015"), ("the following day", "2025-11-08")]
    # The clause can give its own date.
    assert dates("Three years after the 2014 annexation, sanctions grew.") == [
        ("Three years after the 2014 annexation", "2017")
    ]


def test_unresolvable_expressions_get_no_date():
    unresolved = ("", "", "", "unresolved")
    found = extract(
        "Last year the economy grew.",
        "In May, prices rose.",
        "Two months later, they fell.",
        "At a meeting last week, Japan protested.",
    )
    assert [e[0] for e in found] == ["Last year", "May", "Two months later", "last week"]
    assert all(e[1:] == unresolved for e in found)
    # "Last week" needs the publication day, not just its month.
    assert extract("At a meeting last week.", published="2024-01")[0][1:] == unresolved


def test_expressions_never_cross_sentences():
    assert dates("They met in September", "2023 saw more talks.", published="2024-06") == [
        ("September", "2023-09"),
        ("2023", "2023"),
    ]
    assert dates("They met in September 2023 again.") == [("September 2023", "2023-09")]


def test_paragraphs_in_another_language_use_their_own_vocabulary():
    text = "El acercamiento preocupa a Japón desde el año pasado"
    assert dates(text, published="2024-06") == []
    assert dates(text, published="2024-06", others=[(0, len(text), "es")]) == [
        ("desde el año pasado", "2023")
    ]


def test_events_are_sorted_and_inside_the_text():
    text = (SEED_DIR / "000_466074d7abe5a936.txt").read_text(encoding="utf-8")
    spans = [(m.start(), m.end()) for m in re.finditer(r"[^\n]+", text)]
    found = E.extract(text, spans, "en", "2024-06")
    assert found == sorted(found, key=lambda e: e.start_char)
    assert len(found) >= 10
    for e in found:
        assert any(a <= e.start_char < e.end_char <= b for a, b in spans)
        assert (e.date == "") == (e.resolved == "unresolved")


def test_a_language_is_data(tmp_path, monkeypatch):
    """A new language needs only a resource file: month names and a [temporal] table."""
    (tmp_path / "nl.toml").write_text(
        """code = "nl"
[months]
mei = 5
[temporal]
kept = ["sinds"]
[temporal.relative]
"vorig jaar" = "year -1"
[temporal.templates]
date = ['{day} {month} {year}']
relative = ['{relative}']
year = ['{year}']
""",
        encoding="utf-8",
    )
    monkeypatch.setattr(config, "LANGUAGES_DIR", tmp_path)
    E.grammar.cache_clear()
    try:
        assert dates("Sinds vorig jaar, en op 9 mei 2023.", lang="nl", published="2024-06") == [
            ("Sinds vorig jaar", "2023"),
            ("9 mei 2023", "2023-05-09"),
        ]
    finally:
        E.grammar.cache_clear()


def test_expressions_at_the_very_start_of_the_text():
    assert dates("2018 was the year of the first summit.") == [("2018", "2018")]
    # A rejected candidate at position 0 must not stop (or stall) the scan.
    assert dates("May said so in 2019.", published="2024-06") == [("2019", "2019")]
    assert dates("2000 troops arrived in 2019.") == [("2019", "2019")]


# -- French, German and Portuguese -----------------------------------------------------------

FR_DE_PT_PUBLISHED = "2024-06-14"  # a Friday


@pytest.mark.parametrize(
    ("lang", "sentences", "expected"),
    [
        # French: weekdays, day suffixes, bare months after a cue, modifiers.
        ("fr", ["Le sommet s'est ouvert vendredi à Bruxelles."], [("vendredi", "2024-06-14")]),
        ("fr", ["Les ministres se sont réunis lundi 3 juin 2024 à Paris."],
         [("lundi 3 juin 2024", "2024-06-03")]),
        ("fr", ["Le cessez-le-feu est entré en vigueur le 1er juin."],
         [("1er juin", "2024-06-01")]),
        ("fr", ["Les négociations ont repris en juin."], [("juin", "2024-06")]),
        ("fr", ["Le joli mai parisien a inspiré un film."], []),
        ("fr", ["Les élections législatives auront lieu en novembre."],
         [("novembre", "2024-11")]),
        ("fr", ["Les élections ont eu lieu en novembre."], [("novembre", "2023-11")]),
        ("fr", ["Le retrait des troupes a eu lieu en novembre."], [("novembre", "2023-11")]),
        ("fr", ["Le traité a été signé fin janvier."], [("fin janvier", "2024-01")]),
        ("fr", ["La récolte a commencé mi-mai."], [("mi-mai", "2024-05")]),
        ("fr", ["La dette a augmenté fin 2023 et début 2024."],
         [("fin 2023", "2023-12"), ("début 2024", "2024-01")]),
        ("fr", ["L'accord doit être conclu d'ici à juillet."], [("d'ici à juillet", "2024-07")]),
        # French: relative, ago, decades, offsets, anaphoric, century decades, terms.
        ("fr", ["Le rapport sera publié le mois prochain."], [("le mois prochain", "2024-07")]),
        ("fr", ["Les prix ont baissé le mois dernier."], [("le mois dernier", "2024-05")]),
        ("fr", ["La croissance a ralenti à la fin de l'année dernière."],
         [("la fin de l'année dernière", "2023-12")]),
        ("fr", ["Il y a deux semaines, Kiev a lancé une offensive."],
         [("Il y a deux semaines", "2024-05-31")]),
        ("fr", ["Dans les années 1960, la France a quitté le commandement de l'OTAN."],
         [("les années 1960", "1960")]),
        ("fr", ["Au début des années 2020, la croissance a ralenti."],
         [("début des années 2020", "2020")]),
        ("fr", ["L'attaque a eu lieu le 13 septembre 2023.",
                "Deux jours plus tard, l'armée a riposté."],
         [("13 septembre 2023", "2023-09-13"), ("Deux jours plus tard", "2023-09-15")]),
        ("fr", ["Le scrutin s'est tenu le 7 juillet 2024.",
                "Une quinzaine de jours plus tard, le gouvernement a démissionné."],
         [("7 juillet 2024", "2024-07-07"), ("Une quinzaine de jours plus tard", "2024-07-22")]),
        ("fr", ["L'accord a été signé le 3 mars 2022.", "Le lendemain, les combats ont repris."],
         [("3 mars 2022", "2022-03-03"), ("Le lendemain", "2022-03-04")]),
        ("fr", ["L'accord a été signé le 3 mars 2022.",
                "À la veille du scrutin, l'armée a frappé."],
         [("3 mars 2022", "2022-03-03")]),
        ("fr", ["Le mur est tombé en 1989.", "Cette année-là, l'Europe a changé."],
         [("1989", "1989"), ("Cette année-là", "1989")]),
        ("fr", ["La première décennie du XXIe siècle a vu la crise financière."],
         [("La première décennie du XXIe siècle", "2000")]),
        ("fr", ["Son quinquennat entamé en 2017 a été marqué par les crises."],
         [("quinquennat entamé en 2017", "2017")]),
        # German: capitalised weekdays and months, "6. Mai", modifiers, cues.
        ("de", ["Die Außenminister trafen sich am Mittwoch in Brüssel."],
         [("Mittwoch", "2024-06-12")]),
        ("de", ["In der Nacht zum Sonntag griffen Drohnen Kiew an."],
         [("Nacht zum Sonntag", "2024-06-09")]),
        ("de", ["Am Donnerstagabend kam es zu Protesten."], [("Donnerstagabend", "2024-06-13")]),
        ("de", ["Die Verhandlungen begannen am 6. Mai in Genf."], [("6. Mai", "2024-05-06")]),
        ("de", ["Der Waffenstillstand gilt seit dem 6. Mai."], [("seit dem 6. Mai", "2024-05-06")]),
        ("de", ["Die Gespräche wurden im Juni fortgesetzt."], [("Juni", "2024-06")]),
        ("de", ["Bilder von August Macke hängen im Museum."], []),
        ("de", ["Mai Thi Nguyen-Kim moderiert die Sendung."], []),
        ("de", ["Die Wahl wird im November stattfinden."], [("November", "2024-11")]),
        ("de", ["Die Wahl fand im November statt."], [("November", "2023-11")]),
        ("de", ["Die Ernte begann Mitte Mai."], [("Mitte Mai", "2024-05")]),
        ("de", ["Die Truppen bleiben bis Ende Juni."], [("bis Ende Juni", "2024-06")]),
        ("de", ["Der Vertrag wurde Anfang 2023 unterzeichnet."], [("Anfang 2023", "2023-01")]),
        ("de", ["Deutschland will bis zum Jahr 2030 klimaneutral sein."],
         [("bis zum Jahr 2030", "2030")]),
        ("de", ["Die 2015 geschlossene Vereinbarung wird im Oktober auslaufen."],
         [("2015", "2015"), ("Oktober", "2024-10")]),
        # German: relative, ago, decades, offsets, anaphoric, century decades, terms.
        ("de", ["Der Bericht erscheint nächsten Monat."], [("nächsten Monat", "2024-07")]),
        ("de", ["Die Inflation sank letzten Monat."], [("letzten Monat", "2024-05")]),
        ("de", ["Vergangene Woche griff die Armee an."], [("Vergangene Woche", "2024-06-03")]),
        ("de", ["Die Preise stiegen Ende vergangenen Jahres."],
         [("Ende vergangenen Jahres", "2023-12")]),
        ("de", ["Die Abstimmung findet morgen statt."], [("morgen", "2024-06-15")]),
        ("de", ["Am Morgen griffen Drohnen die Stadt an."], []),
        ("de", ["Vor zwei Wochen begann die Offensive."], [("Vor zwei Wochen", "2024-05-31")]),
        ("de", ["In den 1990er Jahren wuchs die Wirtschaft kräftig."],
         [("den 1990er Jahren", "1990")]),
        ("de", ["Die achtziger Jahre waren unruhig."], [("Die achtziger Jahre", "1980")]),
        ("de", ["Die Kanzlerin trat am 8. Dezember 2021 zurück.",
                "Zwei Tage später wurde ihr Nachfolger vereidigt."],
         [("8. Dezember 2021", "2021-12-08"), ("Zwei Tage später", "2021-12-10")]),
        ("de", ["Der Vertrag wurde im März 2022 unterzeichnet.",
                "Im folgenden Jahr begannen die Kämpfe erneut."],
         [("März 2022", "2022-03"), ("folgenden Jahr", "2023")]),
        ("de", ["Im ersten Jahrzehnt dieses Jahrhunderts wuchs China rasant."],
         [("ersten Jahrzehnt dieses Jahrhunderts", "2000")]),
        ("de", ["Während seiner vierjährigen Amtszeit ab 2017 traf Trump dreimal Kim."],
         [("vierjährigen Amtszeit ab 2017", "2017")]),
        # Portuguese: full weekday names only, "1º", bare months after a cue, modifiers.
        ("pt", ["Os ministros reuniram-se na sexta-feira em Brasília."],
         [("sexta-feira", "2024-06-14")]),
        ("pt", ["Na segunda volta, Lula venceu por pouco."], []),
        ("pt", ["A cimeira decorreu em Santo Domingo."], []),
        ("pt", ["O cessar-fogo entrou em vigor no dia 1º de junho."],
         [("1º de junho", "2024-06-01")]),
        ("pt", ["As negociações foram retomadas em junho."], [("junho", "2024-06")]),
        ("pt", ["As eleições serão realizadas em novembro."], [("novembro", "2024-11")]),
        ("pt", ["As eleições foram realizadas em novembro."], [("novembro", "2023-11")]),
        ("pt", ["Os números do Pará foram divulgados em novembro."], [("novembro", "2023-11")]),
        ("pt", ["O parlamento aprovou no passado mês de novembro a lei que entrará em vigor."],
         [("novembro", "2023-11")]),
        ("pt", ["A colheita começou em meados de maio."], [("meados de maio", "2024-05")]),
        ("pt", ["O tratado foi assinado no fim de janeiro."], [("fim de janeiro", "2024-01")]),
        # Portuguese: relative, ago, decades, offsets, anaphoric, century decades, terms.
        ("pt", ["A inflação caiu no mês passado."], [("mês passado", "2024-05")]),
        ("pt", ["O relatório será publicado no próximo mês."], [("próximo mês", "2024-07")]),
        ("pt", ["A inflação caiu no início do ano passado."],
         [("início do ano passado", "2023-01")]),
        ("pt", ["Há duas semanas, o exército lançou uma ofensiva."],
         [("Há duas semanas", "2024-05-31")]),
        ("pt", ["Nos anos 1990, a economia cresceu."], [("anos 1990", "1990")]),
        ("pt", ["Na década de 1980, o país redemocratizou-se."], [("década de 1980", "1980")]),
        ("pt", ["O ataque ocorreu em 13 de setembro de 2023.",
                "Dois dias depois, o exército respondeu."],
         [("13 de setembro de 2023", "2023-09-13"), ("Dois dias depois", "2023-09-15")]),
        ("pt", ["O acordo foi assinado em março de 2022.",
                "No ano seguinte, os combates recomeçaram."],
         [("março de 2022", "2022-03"), ("ano seguinte", "2023")]),
        ("pt", ["O acordo foi assinado em 3 de março de 2022.",
                "Na véspera da votação, houve protestos."],
         [("3 de março de 2022", "2022-03-03")]),
        ("pt", ["A primeira década deste século foi marcada pela crise."],
         [("A primeira década deste século", "2000")]),
        ("pt", ["Durante o seu mandato de quatro anos iniciado em 2017, Trump encontrou Kim."],
         [("mandato de quatro anos iniciado em 2017", "2017")]),
    ],
)  # fmt: skip
def test_french_german_and_portuguese(lang, sentences, expected):
    assert dates(*sentences, lang=lang, published=FR_DE_PT_PUBLISHED) == expected


def test_next_and_last_weekdays_and_a_day_number_in_brackets():
    # on a Tuesday, "next Tuesday" is a week away, "last Tuesday" a week ago, "Tuesday" today
    pub = "2025-10-14"
    assert dates("Talks resume next Tuesday.", published=pub) == [("Tuesday", "2025-10-21")]
    assert dates("Talks resumed last Tuesday.", published=pub) == [("Tuesday", "2025-10-07")]
    assert dates("Talks resumed on Tuesday.", published=pub) == [("Tuesday", "2025-10-14")]
    found = dates("I colloqui riprenderanno martedì prossimo.", lang="it", published=pub)
    assert found == [("martedì", "2025-10-21")]
    found = dates("Se reunió el pasado martes con Biden.", lang="es", published=pub)
    assert found == [("martes", "2025-10-07")]
    # Brazilian news gives the day of the month after the weekday: it says which one
    pub = "2025-07-06"
    found = dates("A cúpula termina nesta segunda-feira (7).", lang="pt", published=pub)
    assert found == [("segunda-feira", "2025-07-07")]
    found = dates("Os líderes chegaram na sexta-feira (4).", lang="pt", published=pub)
    assert found == [("sexta-feira", "2025-07-04")]
    # its short weekdays ("nesta quarta"), never an ordinal ("na quarta posição")
    found = dates("O ministro falou nesta quarta (12), e o voto será na sexta.", lang="pt",
                  published="2025-11-13")  # fmt: skip
    assert found == [("quarta", "2025-11-12"), ("sexta", "2025-11-14")]
    assert dates("Na segunda volta, o Brasil ficou na quinta posição.", lang="pt") == []
    # Spanish and Italian news write the day of the month after the weekday, with no month:
    # it says which, where that day is such a weekday (not a count: "Friday 13 people")
    pub = "2026-12-06"
    found = dates("La Dieta cierra su sesión el jueves 17 y el Gobierno decide.", lang="es",
                  published=pub)  # fmt: skip
    assert found == [("jueves", "2026-12-17")]
    found = dates("I leader si riuniranno giovedì 17 e venerdì 18 dicembre.", lang="it",
                  published=pub)  # fmt: skip
    assert found == [("giovedì", "2026-12-17"), ("venerdì 18 dicembre", "2026-12-18")]
    assert dates("On Friday 13 people died.", published=pub) == [("Friday", "2026-12-04")]
    found = dates("The attack earlier in the month killed 26.", published="2025-05-12")
    assert found == [("earlier in the month", "2025-05")]


@pytest.mark.parametrize(
    ("lang", "sentence", "expected"),
    [
        # a past verb that the weekday dates: the weekday is past, whatever the clause says next
        ("en", "The ministry announced Monday it would fund the plan.", "2025-03-10"),
        ("en", "Seoul told reporters on Tuesday that it will send a team.", "2025-03-11"),
        ("en", "The Kremlin said Thursday it would respond.", "2025-03-06"),
        ("it", "Il governo ha annunciato lunedì che l'Italia sarà presente.", "2025-03-10"),
        ("es", "El ministro anunció el lunes que viajará a Tokio.", "2025-03-10"),
        # a future cue before the date, or "for" between, keeps it to come
        ("en", "The results will be announced Monday.", "2025-03-17"),
        ("en", "Officials said talks would resume Monday.", "2025-03-17"),
        ("en", "The summit announced for Friday will open the year.", "2025-03-14"),
        ("it", "Il vertice annunciato per venerdì sarà decisivo.", "2025-03-14"),
        ("it", "Il G20 di Johannesburg, in programma venerdì, si apre con dubbi.", "2025-03-14"),
    ],
)  # fmt: skip
def test_a_weekday_dating_a_past_verb_is_past(lang, sentence, expected):
    # published on Wednesday 12 March 2025
    assert [d for _, d in dates(sentence, lang=lang, published="2025-03-12")] == [expected]


def test_a_month_dating_a_past_verb_is_past():
    pub = "2025-02-10"
    found = dates("The Kremlin said in November it would withdraw.", published=pub)
    assert found == [("November", "2024-11")]
    assert dates("Ministers will meet in November.", published=pub) == [("November", "2025-11")]


@pytest.mark.parametrize(
    ("lang", "sentence", "expected"),
    [
        # published on Thursday 24 October 2024
        ("en", "We'll be back on Saturday with more.", "2024-10-26"),  # a clitic future
        ("en", "They’ll meet on Monday.", "2024-10-28"),
        ("en", "Units could reach the front by Sunday, Kyiv said.", "2024-10-27"),  # a deadline
        ("en", "The drill, to be staged until Friday, is a rehearsal.", "2024-10-25"),
        ("en", "He was arrested for Sunday's attack.", "2024-10-20"),  # no plan: a possessive
        ("de", "Für Mittwoch ist ein Manöver geplant.", "2024-10-30"),  # a plan, fronted
        ("pt", "O Parlamento vota esta quarta-feira o tratado.", "2024-10-23"),  # this week's
        ("en", "This Monday the ministry said so.", "2024-10-21"),
    ],
)  # fmt: skip
def test_deadlines_plans_clitics_and_this_weeks_weekdays(lang, sentence, expected):
    assert [d for _, d in dates(sentence, lang=lang, published="2024-10-24")] == [expected]


def test_listed_weekdays_share_their_clauses_tense():
    found = dates("Lunedì e martedì se ne parlerà al G20.", lang="it", published="2024-11-16")
    assert found == [("Lunedì", "2024-11-18"), ("martedì", "2024-11-19")]


@pytest.mark.parametrize(
    ("lang", "sentence", "expected"),
    [
        # a weekday listed after another is the first such day after it, whichever way the
        # first was read (published on Friday 2025-11-21)
        ("it", "Il G20, in programma sabato e domenica, si apre senza Washington.",
         [("sabato", "2025-11-22"), ("domenica", "2025-11-23")]),
        ("pt", "Luanda recebe, na próxima segunda e terça-feira, a cimeira.",
         [("segunda", "2025-11-24"), ("terça-feira", "2025-11-25")]),
        ("en", "The ministers met on Thursday and Friday in Geneva.",
         [("Thursday", "2025-11-20"), ("Friday", "2025-11-21")]),
        ("en", "Talks are set to run from Monday to Wednesday.",
         [("from Monday", "2025-11-24"), ("Wednesday", "2025-11-26")]),
        # "last week" after the weekdays, in their clause, puts them in the week before
        ("en", "They met on Thursday and Friday last week.",
         [("Thursday", "2025-11-13"), ("Friday last week", "2025-11-14")]),
        ("it", "Si sono incontrati giovedì della settimana scorsa.",
         [("giovedì della settimana scorsa", "2025-11-13")]),
        ("nl", "Het rapport verscheen vorige week donderdag.",
         [("vorige week donderdag", "2025-11-13")]),
        ("de", "Am Mittwoch der kommenden Woche reist er nach Tokio.",
         [("Mittwoch der kommenden Woche", "2025-11-26")]),
        # a list word or a possessive keeps the two apart
        ("sv", "Mötet hölls förra veckan och i fredags.",
         [("förra veckan", "2025-11-10"), ("fredags", "2025-11-14")]),
        ("en", "He said on Monday last week's talks had failed.",
         [("Monday", "2025-11-17"), ("last week", "2025-11-10")]),
        ("en", "They met on Thursday, and last week they fought.",
         [("Thursday", "2025-11-20"), ("last week", "2025-11-10")]),
        # "última" is the last one, never today
        ("pt", "Na última sexta-feira houve protestos em Luanda.", [("sexta-feira", "2025-11-14")]),
        # an ordinal is still no weekday
        ("pt", "A próxima segunda volta será disputada em dezembro.", [("dezembro", "2025-12")]),
    ],
)  # fmt: skip
def test_a_listed_weekday_follows_the_one_before(lang, sentence, expected):
    assert dates(sentence, lang=lang, published="2025-11-21") == expected


@pytest.mark.parametrize(
    ("lang", "sentence", "expected"),
    [
        # a meeting that opens or closes on a weekday, in the present tense: the coming one
        # (published on Friday 2025-11-21)
        ("en", "Talks are due before the summit closes on Sunday afternoon.", "2025-11-23"),
        ("fr", "Le sommet du G20, qui s'ouvre samedi à Johannesburg, sera décisif.", "2025-11-22"),
        ("it", "Il vertice si apre sabato a Johannesburg.", "2025-11-22"),
        ("es", "La cumbre concluye el domingo en Johannesburgo.", "2025-11-23"),
        ("de", "Der Gipfel endet am Sonntag.", "2025-11-23"),
        ("en", "The summit closed on Sunday.", "2025-11-16"),
        ("fr", "Le sommet s'est ouvert samedi.", "2025-11-15"),
        # a fronted weekday dates the past verb that reports the future, not the future
        ("en", "On Monday, officials said talks will resume.", "2025-11-17"),
        ("es", "El jueves, la embajada difundió un comunicado en el que sostuvo que ningún "
         "país debería dictar con quién comercia otro.", "2025-11-20"),
        ("es", "El lunes, el ministro viajará a Lima.", "2025-11-24"),
        ("en", "On Thursday, the envoy presented Kyiv with a plan to end the war.", "2025-11-20"),
        # an abbreviated month before its day, as some Spanish-language agencies write it
        ("es", "Lima, nov. 21 (ANDINA). El canciller habló.", "2025-11-21"),
        ("es", "El acuerdo se firmó en mayo. 21 personas murieron.", "2025-05"),
    ],
)  # fmt: skip
def test_opening_and_closing_verbs_reported_futures_and_month_first_days(lang, sentence, expected):
    assert dates(sentence, lang=lang, published="2025-11-21")[0][1] == expected


@pytest.mark.parametrize(
    ("lang", "sentence", "month"),
    [
        ("en", "In September of last year Kim visited Vostochny.", "September"),
        ("it", "A settembre dell’anno scorso Kim aveva visitato il cosmodromo.", "settembre"),
        ("es", "En septiembre del año pasado Kim visitó el cosmódromo.", "septiembre"),
        ("fr", "En septembre de l'année dernière, Kim a visité le cosmodrome.", "septembre"),
        ("de", "Im September vergangenen Jahres besuchte Kim das Kosmodrom.", "September"),
        ("pt", "Em setembro do ano passado, Kim visitou o cosmódromo.", "setembro"),
    ],
)  # fmt: skip
def test_a_month_of_a_relative_year(lang, sentence, month):
    found = dict(dates(sentence, lang=lang, published="2024-11-16"))
    assert found[month] == "2023-09"


def test_an_offset_after_a_conjunction_counts_from_the_date_before():
    # "and two days after Kim signed": after the 9th, not two days before the signing
    found = dates(
        "Putin signed it on November 9, and two days after Kim signed a decree.",
        published="2024-11-23",
    )
    assert found == [("November 9", "2024-11-09"), ("two days after", "2024-11-11")]
    found = dates("They met on Tuesday, two weeks after the first round collapsed.",
                  published="2024-11-23")  # fmt: skip
    assert found[1] == ("two weeks after the first round collapsed", "2024-11-05")


def test_a_day_of_the_next_weeks_is_to_come():
    # written on 28 October: 5 November is next week's, not last year's
    found = dates(
        "El tema irrumpe a ocho días de las elecciones del 5 de noviembre.",
        lang="es",
        published="2024-10-28",
    )
    assert found == [("5 de noviembre", "2024-11-05")]
    # unless a past verb, "last" or "of last year" says otherwise
    assert dates("He said on November 5 that it was over.", published="2024-10-28") == [
        ("November 5", "2023-11-05")
    ]
    found = dates("El 5 de noviembre del año pasado votaron.", lang="es", published="2024-10-28")
    assert found[0] == ("5 de noviembre", "2023-11-05")


def test_timestamps_date_what_follows_them():
    text = "Missile fired today.\nTroops moved today."
    sentences = [(0, 20), (21, len(text))]
    found = E.extract(text, sentences, "en", "2024-11-05", stamps=[(21, "2024-10-23")])
    assert [(e.expression, e.date) for e in found] == [
        ("today", "2024-11-05"),
        ("today", "2024-10-23"),
    ]


def test_an_undated_texts_days_take_the_year_of_its_own_dates():
    # an encyclopedia's page: no publication date, so "15 January" is of the last year it
    # gave, even paragraphs before
    text = (
        "On 3 January 2024, two bombings killed more than 90 people.\n"
        "Background\n"
        "On 15 January, the IRGC launched missiles; the same day, Iraq protested."
    )
    spans = [(0, 59), (60, 70), (71, len(text))]
    found = [(e.expression, e.date) for e in E.extract(text, spans, "en")]
    assert found == [
        ("3 January 2024", "2024-01-03"),
        ("15 January", "2024-01-15"),
        ("the same day", "2024-01-15"),
    ]
    assert dates("On 15 January, the IRGC launched missiles.") == [("15 January", "")]
    # a month to come is not of a year decades older than the latest the text names
    # ("founded in 1948", an aside after the summit of 2023), but of the last it named
    # when that is recent (a surcharge "due in April 2026", after plans "by March 2028")
    assert dates(
        "Kim and Putin met in September 2023.",
        "North Korea was created on September 9, 1948.",
        "He may return if he wins the upcoming presidential elections in November.",
    ) == [
        ("September 2023", "2023-09"),
        ("September 9, 1948", "1948-09-09"),
        ("November", "2023-11"),
    ]
    assert dates(
        "The ministry wants the network in place by March 2028.",
        "A surcharge is due to take effect in April 2026.",
        "Parliament is expected to pass the budget by the end of March.",
    )[-1] == ("by the end of March", "2026-03")


def test_an_offset_set_off_by_commas_dates_its_clause_before_the_sentences_date():
    sentence = (
        "He visited Islamabad on 29 January, two days after gunmen killed nine workers, and "
        "the two ministers agreed to cooperate."
    )
    assert dates(sentence, published="2024-02-01")[1] == (
        "two days after gunmen killed nine workers",
        "2024-01-27",
    )


def test_a_footnotes_number_after_a_year_and_a_decimal():
    assert dates("It defined the first half of 2024.1 The calm held.") == [
        ("the first half of 2024", "2024-01")
    ]
    assert dates("It defined 2024.1 The calm held.") == [("2024", "2024")]
    assert dates("Output grew 2024.5 tonnes.") == []


def test_since_puts_a_month_in_the_past_whatever_the_clause_says():
    sentence = "This brief reviews the record since July and asks what may change."
    assert dates(sentence, published="2025-01-14") == [("since July", "2024-07")]
    assert dates("Die Waffenruhe hält seit Juli.", lang="de", published="2025-01-14") == [
        ("seit Juli", "2024-07")
    ]
    # a deadline is still to come
    assert dates("It will end by July.", published="2025-01-14") == [("by July", "2025-07")]
    # in a clause that looks ahead too: "devolverá a los tripulantes retenidos desde …"
    sentence = "Pionyang devolverá a los seis tripulantes retenidos desde finales de octubre."
    assert dates(sentence, lang="es", published="2026-11-06") == [
        ("desde finales de octubre", "2026-10")
    ]
    sentence = "O navio será devolvido, retido desde outubro."
    assert dates(sentence, lang="pt", published="2026-11-06") == [("desde outubro", "2026-10")]
    sentence = "La flotta tornerà in porto, dove manca sin dal giugno."
    assert dates(sentence, lang="it", published="2026-11-06")[0][1] == "2026-06"


def test_phrases_that_cue_a_month_or_a_year():
    sentence = "Engineers had been seen at Sohae as recently as August."
    assert dates(sentence, published="2026-10-15") == [("August", "2026-08")]
    # a count's words after such a phrase still leave a year a year
    sentence = "Technicians had been present there since at least 2024."
    assert dates(sentence, published="2026-10-20") == [("2024", "2024")]
    assert dates("At least 2024 soldiers were sent.", published="2026-10-20") == []
    # Italian "per" before a month
    sentence = "Ha annunciato per novembre una missione di imprese italiane."
    assert dates(sentence, lang="it", published="2026-10-28") == [("novembre", "2026-11")]


@pytest.mark.parametrize(
    ("lang", "sentence", "expression", "start", "end"),
    [
        ("en", "Missions tracked July–December 2024.", "July–December 2024", "2024-07", "2024-12"),
        ("en", "from July to December 2024", "from July to December 2024", "2024-07", "2024-12"),
        ("en", "It rained November-February 2024.", "November-February 2024", "2023-11",
         "2024-02"),
        ("en", "It rained Nov.–Feb. 2024.", "Nov.–Feb. 2024", "2023-11", "2024-02"),
        ("it", "tra luglio e dicembre 2024", "tra luglio e dicembre 2024", "2024-07", "2024-12"),
        ("es", "de julio a diciembre de 2024", "de julio a diciembre de 2024", "2024-07",
         "2024-12"),
        ("fr", "d'avril à juin 2023", "d'avril à juin 2023", "2023-04", "2023-06"),
        ("de", "von Juli bis Dezember 2024", "von Juli bis Dezember 2024", "2024-07", "2024-12"),
        ("pt", "entre março e maio de 2023", "entre março e maio de 2023", "2023-03", "2023-05"),
    ],
)  # fmt: skip
def test_a_span_of_months_is_a_range(lang, sentence, expression, start, end):
    assert extract(sentence, lang=lang) == [(expression, start, end, "range", "explicit")]


@pytest.mark.parametrize(
    ("lang", "sentence", "expected"),
    [
        ("en", "Arrivals fell in the first eight months of this year.",
         ("the first eight months of this year", "2025-01", "2025-08", "relative")),
        ("en", "Exports grew in the second half of 2024.",
         ("the second half of 2024", "2024-07", "2024-12", "explicit")),
        ("en", "Sales will rise in the last two months of the year.",
         ("the last two months of the year", "2025-11", "2025-12", "relative")),
        ("it", "Nei primi nove mesi del 2025 gli sbarchi sono calati.",
         ("primi nove mesi del 2025", "2025-01", "2025-09", "explicit")),
        ("it", "Nel terzo trimestre dell'anno scorso il PIL è sceso.",
         ("terzo trimestre dell'anno scorso", "2024-07", "2024-09", "relative")),
        ("es", "En el primer semestre de 2025 crecieron las ventas.",
         ("el primer semestre de 2025", "2025-01", "2025-06", "explicit")),
        ("fr", "Les trois derniers mois de l'année dernière ont été calmes.",
         ("Les trois derniers mois de l'année dernière", "2024-10", "2024-12", "relative")),
        ("de", "In den ersten acht Monaten des Jahres kamen weniger Gäste.",
         ("den ersten acht Monaten des Jahres", "2025-01", "2025-08", "relative")),
        ("pt", "Nos primeiros seis meses deste ano as vendas subiram.",
         ("primeiros seis meses deste ano", "2025-01", "2025-06", "relative")),
    ],
)  # fmt: skip
def test_a_part_of_a_year_is_a_range_of_its_months(lang, sentence, expected):
    found = extract(sentence, lang=lang, published="2025-11-12")
    assert [(e[0], e[1], e[2], e[4]) for e in found] == [expected]
    assert found[0][3] == "range"


def test_no_part_of_a_year_without_a_year():
    # a century's half, a span of decades and a month that is no week's are no part of a year
    assert dates("In the first half of the 20th century.", published="2025-11-12") == []
    assert dates("The first visit in two decades.", published="2025-11-12") == []
    assert dates("In the first 13 months of 2024.", published="2025-11-12") == [("2024", "2024")]


@pytest.mark.parametrize(
    ("lang", "sentence", "published", "expected"),
    [
        # a feast within a quarter ahead is the coming one; a past verb keeps it past
        ("it", "«Non possiamo arrivare a Natale senza una risposta», dice.", "2025-10-18",
         [("Natale", "2025-12-25")]),
        ("fr", "On espère une solution avant Noël.", "2025-12-03", [("avant Noël", "2025-12-25")]),
        ("de", "Am ersten Weihnachtstag hatte der Tanker das Kabel beschädigt.", "2025-01-27",
         [("ersten Weihnachtstag", "2024-12-25")]),
        ("de", "Seit Neujahr fließt kein Gas mehr.", "2025-01-02",
         [("Seit Neujahr", "2025-01-01")]),
        ("de", "Bis Weihnachten Klarheit zu schaffen, sei das Ziel.", "2025-11-20",
         [("Bis Weihnachten", "2025-12-25")]),
        ("en", "The cable was cut on Christmas Day.", "2025-01-20",
         [("Christmas Day", "2024-12-25")]),
        ("es", "Se reunieron en Nochebuena.", "2025-01-10", [("Nochebuena", "2024-12-24")]),
        ("pt", "O acordo chegou na véspera de Natal.", "2025-01-10",
         [("véspera de Natal", "2024-12-24")]),
        # a word in lower case, or a feast's name inside a name, is no feast
        ("it", "È tornato nella sua città natale.", "2025-10-18", []),
        ("fr", "Selon Jean-Noël Barrot, la France est prête.", "2025-10-18", []),
        ("fr", "Noël Mamère l'a dit hier.", "2025-10-18", [("hier", "2025-10-17")]),
        ("en", "Flights to Christmas Island resumed.", "2025-10-18", []),
        # movable feasts: counted from Easter, or the nth weekday of a month
        ("en", "Witkoff wants a deal by Thanksgiving.", "2025-11-20",
         [("by Thanksgiving", "2025-11-27")]),
        ("en", "The strikes went on over Easter.", "2025-06-02", [("Easter", "2025-04-20")]),
        ("en", "They met on Good Friday.", "2024-06-02", [("Good Friday", "2024-03-29")]),
        ("de", "Bis Ostern soll das Gesetz stehen.", "2026-02-10", [("Bis Ostern", "2026-04-05")]),
        ("it", "Si vedranno a Pasquetta.", "2025-03-30", [("Pasquetta", "2025-04-21")]),
        ("en", "He flew to Easter Island.", "2025-06-02", []),
    ],
)  # fmt: skip
def test_feasts(lang, sentence, published, expected):
    assert dates(sentence, lang=lang, published=published) == expected


def test_this_afternoon_and_last_night():
    found = dates("After this afternoon's signing, he said so last night.", published="2024-07-08")
    assert found == [("After this afternoon", "2024-07-08"), ("last night", "2024-07-07")]


def test_years_ago_today_is_a_day_and_large_numbers_are_read():
    assert dates(
        "Eighty years ago today, our people greeted liberation.", published="2025-08-15"
    ) == [("Eighty years ago today", "1945-08-15")]
    assert dates("It happened ninety years ago.", published="2025-08-15") == [
        ("ninety years ago", "1935")
    ]
    assert dates("Hace ochenta años, todo cambió.", lang="es", published="2025-08-15") == [
        ("Hace ochenta años", "1945")
    ]


def test_a_day_without_its_month_takes_the_month_of_the_date_before_it():
    assert dates(
        "On Aug. 4, the ministry summoned the envoy; on the 12th, border guards met.",
        published="2025-08-18",
    ) == [("Aug. 4", "2025-08-04"), ("the 12th", "2025-08-12")]
    assert dates("The 12th amendment passed.", published="2025-08-18") == []
    assert dates(
        "Nesta terça-feira (4), entraram em vigor as tarifas.",
        "A partir do dia 12, passa a valer a tarifa.",
        lang="pt",
        published="2025-03-05",
    ) == [("terça-feira", "2025-03-04"), ("A partir do dia 12", "2025-03-12")]
    # "próximo": the next such day after the publication, whatever came before
    assert dates(
        "O acordo foi assinado em outubro.",
        "A cúpula será no próximo dia 3.",
        lang="pt",
        published="2025-10-20",
    ) == [("outubro", "2025-10"), ("dia 3", "2025-11-03")]
    assert dates("O dia 5 de março foi feriado.", lang="pt", published="2025-03-08") == [
        ("5 de março", "2025-03-05")
    ]


@pytest.mark.parametrize(
    ("lang", "sentences", "expected"),
    [
        ("en", ["We will meet again this autumn."], [("this autumn", "2025")]),
        (
            "it",
            ["La tregua è entrata in vigore questa mattina."],
            [("questa mattina", "2025-07-27")],
        ),
        ("it", ["Ieri sera il governo ha approvato."], [("Ieri sera", "2025-07-26")]),
        (
            "de",
            ["Am 24. Juli griff Thailand an.", "Noch am selben Tag schlug Kambodscha zurück."],
            [("24. Juli", "2025-07-24"), ("selben Tag", "2025-07-24")],
        ),
        (
            "pt",
            ["Na terça-feira (22), as tarifas entraram em vigor.", "Pequim reagiu no mesmo dia."],
            [("terça-feira", "2025-07-22"), ("mesmo dia", "2025-07-22")],
        ),
        # a month set off at the end of a clause with a future cue before it
        (
            "pt",
            ["O Brasil vai sediar a cúpula no Rio de Janeiro, em setembro."],
            [("setembro", "2025-09")],
        ),
        (
            "pt",
            ["O Brasil sediou a cúpula no Rio de Janeiro, em setembro."],
            [("setembro", "2024-09")],
        ),
    ],
)
def test_times_of_day_same_day_seasons_and_trailing_months(lang, sentences, expected):
    assert dates(*sentences, lang=lang, published="2025-07-27") == expected


def test_this_weekend_is_the_publication_weeks_once_the_week_is_under_way():
    sentence = "Leaders meet at the summit this weekend."
    assert dates(sentence, published="2025-11-20") == [("this weekend", "2025-11-22")]  # Thu
    assert dates(sentence, published="2025-11-22") == [("this weekend", "2025-11-22")]  # Sat
    assert dates(sentence, published="2025-11-17") == [("this weekend", "2025-11-15")]  # Mon
    assert dates("La cumbre de este fin de semana.", lang="es", published="2025-11-20") == [
        ("este fin de semana", "2025-11-22")
    ]


def test_a_span_from_now_and_this_month():
    assert dates("Tra un mese se ne riparlerà.", lang="it", published="2025-08-17") == [
        ("Tra un mese", "2025-09")
    ]
    assert dates("Dentro de dos semanas habrá elecciones.", lang="es", published="2025-08-17") == [
        ("Dentro de dos semanas", "2025-08-31")
    ]
    assert dates("Il vertice di questo agosto.", lang="it", published="2025-08-17") == [
        ("agosto", "2025-08")
    ]
    # "tra" between two things is no span
    assert dates("Il confine tra i due paesi.", lang="it", published="2025-08-17") == []


def test_a_clause_a_future_cue_introduces_speaks_of_the_future():
    sentence = "Trump kündigte an, Tshisekedi und Kagame im Juli ins Weiße Haus einzuladen."
    assert dates(sentence, lang="de", published="2025-06-28") == [("Juli", "2025-07")]
    # (July two months after publication: the month right after it is to come, see
    # test_the_next_month_listed_months_a_plans_start_and_an_agencys_stamp)
    sentence = "Er sagte, im Juli sei ein Gipfel gewesen."
    assert dates(sentence, lang="de", published="2025-05-28") == [("Juli", "2024-07")]


def test_last_and_next_seasons_are_years():
    # "last autumn" is this year's once it is over, "next spring" this year's until it begins
    assert dates("Troops arrived last autumn.", published="2025-07-14") == [("last autumn", "2024")]
    assert dates("Troops arrived last autumn.", published="2025-12-02") == [("last autumn", "2025")]
    assert dates("Talks resume next spring.", published="2025-02-10") == [("next spring", "2025")]
    assert dates("Talks resume next spring.", published="2025-07-14") == [("next spring", "2026")]
    assert dates(
        "Dall'autunno scorso Mosca ha inviato truppe.", lang="it", published="2025-07-12"
    ) == [("Dall'autunno scorso", "2024")]
    assert dates(
        "Im vergangenen Herbst gab es Zwischenfälle.", lang="de", published="2025-09-20"
    ) == [("vergangenen Herbst", "2024")]
    assert dates("Depuis l'été dernier, Le Caire proteste.", lang="fr", published="2025-09-10") == [
        ("Depuis l'été dernier", "2025")  # the summer just over
    ]
    assert dates("Troops arrived last autumn.", published="2025") == [("last autumn", "")]


def test_a_weekday_after_begins_or_starts_is_the_coming_one():
    published = "2025-09-10"  # a Wednesday
    assert dates("Drills with Moscow begin on Friday.", published=published) == [
        ("Friday", "2025-09-12")
    ]
    assert dates("The drills began on Friday.", published=published) == [("Friday", "2025-09-05")]
    assert dates("Sus maniobras inician el viernes.", lang="es", published=published) == [
        ("viernes", "2025-09-12")
    ]
    assert dates("Am Freitag beginnt das Manöver.", lang="de", published=published) == [
        ("Freitag", "2025-09-12")
    ]
    assert dates("Anfang kommender Woche trifft sich der Rat.", lang="de", published=published)[0][
        1
    ].startswith("2025-09-15")


@pytest.mark.parametrize(
    ("lang", "sentence", "expression"),
    [
        ("en", "The Security Council meets on Friday in New York.", "Friday"),
        ("en", "Foreign ministers are meeting on Friday.", "Friday"),
        ("de", "Die Außenminister tagen bereits am Freitag in Brüssel.", "Freitag"),
        ("de", "Am Freitag trifft sich der Rat in Luxemburg.", "Freitag"),
        ("it", "Il Consiglio si riunisce venerdì a Bruxelles.", "venerdì"),
        ("fr", "Les ministres se réunissent vendredi à Luxembourg.", "vendredi"),
        ("es", "El Consejo se reúne el viernes en Bruselas.", "viernes"),
        ("pt", "O Conselho reúne-se na sexta-feira em Bruxelas.", "sexta-feira"),
        ("en", "EU leaders gather in Brussels on Friday.", "Friday"),
    ],
)
def test_a_meeting_in_the_present_tense_on_a_weekday_is_the_coming_one(lang, sentence, expression):
    # the present of a scheduled meeting speaks of what is to come; its past does not
    assert dates(sentence, lang=lang, published="2025-09-10") == [(expression, "2025-09-12")]


def test_a_past_meeting_on_a_weekday_stays_past():
    published = "2025-09-10"
    assert dates("The Security Council met on Friday.", published=published) == [
        ("Friday", "2025-09-05")
    ]
    assert dates("Die Minister haben am Freitag getagt.", lang="de", published=published) == [
        ("Freitag", "2025-09-05")
    ]
    # "to meet" after a month is a purpose, not a meeting to come
    assert dates("He travelled to Bamako in May to meet the general.", published="2026-03-02") == [
        ("May", "2025-05")
    ]


def test_a_weekday_says_the_year_and_a_listed_month_shares_its_year():
    text = "Shells came in October and November 2024. The report was out on Thursday, May 29."
    sentences = [(0, 41), (42, len(text))]
    found = [(e.expression, e.date) for e in E.extract(text, sentences, "en", "")]
    assert found == [
        ("October", "2024-10"),
        ("November 2024", "2024-11"),
        ("Thursday, May 29", "2025-05-29"),
    ]
    # with a publication whose year the weekday contradicts: the nearest year that fits
    assert dates("It came out on Thursday, May 29.", published="2026-03-01") == [
        ("Thursday, May 29", "2025-05-29")
    ]


def test_a_numeric_date_that_is_the_publication_day_reads_as_it():
    assert dates("04 | 11 | 2024", published="2024-11-04") == [("04 | 11 | 2024", "2024-11-04")]
    assert dates("On 04/11/2024 it rained.", published="2024-05-01") == [
        ("04/11/2024", "2024-04-11")
    ]


def test_the_imperfect_of_verbs_in_rer_is_no_conditional():
    published = "2024-10-25"  # a Friday
    assert dates(
        "Lundi, Pékin assurait encore ne rien savoir.", lang="fr", published=published
    ) == [("Lundi", "2024-10-21")]
    assert dates(
        "Lundi, Paris pourrait annoncer des sanctions.", lang="fr", published=published
    ) == [("Lundi", "2024-10-28")]


def test_a_chronologys_entries_take_the_year_their_list_has_reached():
    lines = [
        "Repères : un an de crise au Niger",
        "26 juillet 2023 : des militaires renversent le président Bazoum.",
        "27 juillet : l'armée se rallie aux putschistes.",
        "2 août : la CEDEAO menace d'intervenir.",
        "Janvier 2024",
        "28 janvier : le Niger quitte la CEDEAO.",
        "Le 30 juillet, la junte a encore parlé.",
    ]
    found = {e.expression: e.date for e in extract_lines(lines, "fr", "2024-07-26")}
    assert found["27 juillet"] == "2023-07-27"  # the entry before gave 2023, not publication's
    assert found["2 août"] == "2023-08-02"
    assert found["28 janvier"] == "2024-01-28"  # the heading moved the list on
    # a date inside a sentence, not opening an entry, follows the publication as before
    assert found["30 juillet"] == "2024-07-30"


def test_the_same_day_in_five_languages_and_after_a_coarser_date_of_its_sentence():
    assert dates(
        "Le 24 octobre 2024, Séoul a convoqué l'ambassadeur.",
        "Le même jour, Tokyo a protesté.",
        "Quelques heures plus tard, Pyongyang a répondu.",
        lang="fr",
    ) == [
        ("24 octobre 2024", "2024-10-24"),
        ("Le même jour", "2024-10-24"),
        ("heures plus tard", "2024-10-24"),
    ]
    assert dates(
        "Am 24. Oktober 2024 bestellte Seoul den Botschafter ein.",
        "Stunden später reagierte Pjöngjang.",
        lang="de",
    ) == [("24. Oktober 2024", "2024-10-24"), ("Stunden später", "2024-10-24")]
    # "hours later" after a month of its own sentence is that month, not the day given last
    assert dates(
        "The election is on May 31, 2026.",
        "In January 2025, Bogotá barred the flights and backed down hours later.",
    ) == [
        ("May 31, 2026", "2026-05-31"),
        ("January 2025", "2025-01"),
        ("hours later", "2025-01"),
    ]


@pytest.mark.parametrize(
    ("lang", "published", "sentence", "expected"),
    [
        ("en", "2025-08-09", "The next round is due next June.", [("June", "2026-06")]),
        ("en", "2025-08-09", "The next round is due next October.", [("October", "2025-10")]),
        ("en", "2024-12-06", "Protests first broke out last December.", [("December", "2023-12")]),
        ("en", "2024-12-06", "Protests broke out in December.", [("December", "2024-12")]),
        ("es", "2025-08-09", "La cumbre será el próximo junio.", [("junio", "2026-06")]),
        ("es", "2025-08-09", "Votarán el próximo 15 de agosto.", [("15 de agosto", "2025-08-15")]),
        ("it", "2025-08-09", "Il vertice si terrà a luglio prossimo.", [("luglio", "2026-07")]),
        ("fr", "2025-08-09", "Le sommet aura lieu en mai prochain.", [("mai", "2026-05")]),
        ("pt", "2025-08-09", "A cimeira será em março que vem.", [("março", "2026-03")]),
        ("de", "2025-08-09", "Der Gipfel folgt im kommenden Februar.", [("Februar", "2026-02")]),
        (
            "de",
            "2025-06-25",
            "Für das laufende Jahr plant Berlin mehr.",
            [("das laufende Jahr", "2025-06")],
        ),
    ],
)
def test_next_and_last_before_or_after_a_month_name_the_year(lang, published, sentence, expected):
    assert dates(sentence, lang=lang, published=published) == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Mañana se cumplen dos años de la guerra.", [("Mañana", "2025-04-15")]),
        ("Se reunirán mañana en Ginebra.", [("mañana", "2025-04-15")]),
        ("A partir de mañana rige la tregua.", [("A partir de mañana", "2025-04-15")]),
        ("Llegó por la mañana.", []),
        ("Cada mañana sale a correr.", []),
        ("Esa misma mañana, el ejército atacó.", []),
        ("La mañana del lunes hubo ataques.", [("lunes", "2025-04-14")]),
    ],
)
def test_spanish_manana_is_tomorrow_only_without_an_article_or_determiner(sentence, expected):
    assert dates(sentence, lang="es", published="2025-04-14") == expected


@pytest.mark.parametrize(
    ("lang", "sentence", "expected"),
    [
        # a language without a file of its own reads dateparser's month, weekday and relative
        # names: "19 июня" in its genitive, "среду" in its accusative, "в прошлом году"
        (
            "ru",
            "Визит состоялся 19 июня, в среду.",
            [("19 июня", "2024-06-19"), ("среду", "2024-06-19")],
        ),
        ("ru", "Договор подписали в прошлом году.", [("в прошлом году", "2023")]),
        (
            "cs",
            "Vláda v lednu jednala, minulý týden a dnes.",
            [("v lednu", "2024-01"), ("minulý týden", "2024-06-10"), ("dnes", "2024-06-19")],
        ),
        (
            "tr",
            "Bakan 3 Mart'ta geldi, geçen yıl da gelmişti.",
            [("3 Mart", "2024-03-03"), ("geçen yıl", "2023")],
        ),
        ("sv", "Toppmötet hölls 24–25 juni.", [("24–25 juni", "2024-06-24")]),
        # the locative case of a month, from the profile's month_locatives
        ("ru", "В сентябре Путин посетил Пхеньян.", [("В сентябре", "2023-09")]),
        ("uk", "У червні Зеленський відвідав Вашингтон.", [("У червні", "2024-06")]),
        # a word for a part of the month before it, from the profile's month_parts
        (
            "nl",
            "Peking had begin oktober de export verboden, nadat Washington eind mei de regels"
            " uitbreidde.",
            [("begin oktober", "2023-10"), ("eind mei", "2024-05")],
        ),
        ("da", "Aftalen blev indgået ultimo maj.", [("ultimo maj", "2024-05")]),
        # words linking a day to its month and a month to its year (dateparser's "pertain")
        (
            "ca",
            "Les eleccions del 5 de novembre de 2024 i la visita al setembre.",
            [("5 de novembre de 2024", "2024-11-05"), ("al setembre", "2023-09")],
        ),
        # its abbreviations are no names ("ср", "сент"), and a bare month needs a locative
        ("ru", "Сент ср и сентябрь.", []),
        ("tr", "Aralık verildi.", []),
        # Chinese, Japanese and Korean: the signs of year, month and day, no word boundaries
        ("ja", "北朝鮮は2024年6月18日、発射した。", [("2024年6月18日", "2024-06-18")]),
        ("ja", "昨年12月にも発射した。", [("昨年", "2023"), ("12月", "2023-12")]),
        ("ja", "防衛省によると、18日に発射し、3日間続いた。", [("18日", "2024-06-18")]),
        ("ko", "국정원은 6월 18일 발표했다.", [("6월 18일", "2024-06-18")]),
        (
            "zh",
            "朝鲜6月18日发射导弹，去年也发射过。",
            [("6月18日", "2024-06-18"), ("去年", "2023")],
        ),
    ],
)
def test_a_language_without_a_file_reads_its_locales_names(lang, sentence, expected):
    assert dates(sentence, lang=lang, published="2024-06-19") == expected


def test_a_conditional_past_and_a_noun_with_a_future_ending_speak_of_no_future():
    # published on a Wednesday
    assert dates("La cancillería respondió el domingo.", lang="es", published="2025-11-12") == [
        ("domingo", "2025-11-09")
    ]
    assert dates("El acuerdo se firmará el domingo.", lang="es", published="2025-11-12") == [
        ("domingo", "2025-11-16")
    ]
    assert dates("Sarebbe stato arrestato domenica.", lang="it", published="2025-11-12") == [
        ("domenica", "2025-11-09")
    ]
    assert dates("L'accordo sarà firmato domenica.", lang="it", published="2025-11-12") == [
        ("domenica", "2025-11-16")
    ]
    assert dates("Il aurait été tué dimanche.", lang="fr", published="2025-11-12") == [
        ("dimanche", "2025-11-09")
    ]


def test_dotted_dates_austrian_months_and_spanish_next_week():
    assert dates("Em 3.mar.2024 houve reunião.", lang="pt") == [("3.mar.2024", "2024-03-03")]
    assert dates("Bis Anfang Feber reicht das Gas.", lang="de", published="2025-01-02") == [
        ("Bis Anfang Feber", "2025-02")
    ]
    assert extract("Viajará la semana próxima.", lang="es", published="2025-11-10") == [
        ("la semana próxima", "2025-11-17", "2025-11-23", "range", "relative")
    ]


def test_a_month_soon_after_the_publication_that_an_event_set_ahead_names_is_to_come():
    published = "2027-04-06"
    for lang, sentence, expression in (
        ("en", "The leaders discussed the G7 summit in June.", "June"),
        ("it", "Hanno fatto il punto sul vertice del G7 di giugno.", "giugno"),
        ("es", "Hablaron de la cumbre del G7 de junio.", "junio"),
    ):
        assert dates(sentence, lang=lang, published=published) == [(expression, "2027-06")]
    # no such noun, a month further off, or "last": the one before
    assert dates("The ministers met in June.", published=published) == [("June", "2026-06")]
    assert dates("At the summit in November, they agreed.", published=published) == [
        ("November", "2026-11")
    ]
    assert dates("At the summit last June, they agreed.", published=published) == [
        ("June", "2026-06")
    ]


def test_a_weekday_and_its_week_in_an_undated_text_stay_unresolved():
    assert extract("He died on Monday last week.", lang="en", published="") == [
        ("Monday", "", "", "", "unresolved"),
        ("last week", "", "", "", "unresolved"),
    ]


def test_a_past_verb_of_lasting_makes_until_the_end_of_a_past_span():
    published = "2025-11-04"  # a Tuesday
    assert dates("The curfew stayed in force until Monday.", published=published) == [
        ("until Monday", "2025-11-03")
    ]
    assert dates("The curfew will stay until Monday.", published=published) == [
        ("until Monday", "2025-11-10")
    ]
    # the same in the other languages' own words (their files' `lasted`)
    for lang, sentence, expression in (
        ("es", "Las maniobras se prolongaron hasta el domingo.", "hasta el domingo"),
        ("it", "Le manovre sono durate fino a domenica.", "fino a domenica"),
        ("de", "Das Manöver dauerte bis Sonntag.", "bis Sonntag"),
        ("pt", "As manobras duraram até domingo.", "até domingo"),
    ):
        assert dates(sentence, lang=lang, published=published) == [(expression, "2025-11-02")]
    assert dates("Le manovre dureranno fino a domenica.", lang="it", published=published) == [
        ("fino a domenica", "2025-11-09")
    ]


def test_plans_from_a_weekday_this_afternoon_and_capitalised_months_after_a_cue():
    assert dates(
        "A embaixada abre a partir de segunda-feira.", lang="pt", published="2025-09-21"
    ) == [("a partir de segunda-feira", "2025-09-22")]
    assert dates("Sánchez hablará esta tarde.", lang="es", published="2025-09-22") == [
        ("esta tarde", "2025-09-22")
    ]
    # a paper that capitalises months: after a cue, not inside a name
    assert dates("A decisão foi anunciada em Julho.", lang="pt", published="2025-09-21") == [
        ("Julho", "2025-07")
    ]
    assert (
        dates("Na Avenida Cinco de Julho houve protestos.", lang="pt", published="2025-09-21") == []
    )
    assert dates("Marcharon a la Plaza de Mayo.", lang="es", published="2025-09-21") == []


def test_an_offset_ending_its_sentence_counts_on_from_the_date_before_it():
    sentence = "Spain took the step on 28 May 2024, and Slovenia joined a week after."
    assert dates(sentence, published="2025-09-22") == [
        ("28 May 2024", "2024-05-28"),
        ("a week after", "2024-06-04"),
    ]
    sentence = "Eslovenia se sumó el 28 de mayo de 2024 y Noruega una semana después."
    assert dates(sentence, lang="es", published="2025-09-22")[-1] == (
        "una semana después",
        "2024-06-04",
    )
    # in Spanish "después" opens a clause only with "de" or "que"
    sentence = "Dio ese paso el 28 de mayo de 2024, una semana después de que Irlanda lo anunciara."
    assert dates(sentence, lang="es", published="2025-09-22")[-1][1] == "2024-05-21"
    # an offset opening a clause at the end still dates the clause's event, before the date
    sentence = "They met on Tuesday, September 16, two weeks after the first round collapsed."
    assert dates(sentence, published="2025-09-22")[-1][1] == "2025-09-02"


@pytest.mark.parametrize(
    ("lang", "sentences", "expected"),
    [
        ("en", ["Russia vetoed the panel in March 2024.", "Since then, no one has checked."],
         [("March 2024", "2024-03"), ("Since then", "2024-03")]),
        ("de", ["Der Vertrag wurde im Juni 2024 unterzeichnet.", "Seither liefert Pjöngjang."],
         [("Juni 2024", "2024-06"), ("Seither", "2024-06")]),
        ("es", ["Desde entonces, el 9 de mayo de 2025 marca el paso."],
         [("9 de mayo de 2025", "2025-05-09")]),
        # the latest date of the sentence before
        ("es", ["Los militares derrocaron al Gobierno el 1 de febrero de 2021, poniendo fin a "
                "una década iniciada en 2011.", "Desde entonces, millones huyeron."],
         [("1 de febrero de 2021", "2021-02-01"), ("2011", "2011"),
          ("Desde entonces", "2021-02-01")]),
        # no date in its sentence or the one before: no expression
        ("it", ["Il trattato è del 2024.", "Le armi arrivano.", "Da allora nulla è cambiato."],
         [("2024", "2024")]),
    ],
)  # fmt: skip
def test_since_then_is_the_last_date_given(lang, sentences, expected):
    assert dates(*sentences, lang=lang, published="2026-12-06") == expected


def test_an_intention_speaks_of_the_future():
    sentence = "The Commission intends to present its proposal in early June."
    assert dates(sentence, published="2025-05-20") == [("early June", "2025-06")]
    sentence = "The Commission presented its proposal in early June."
    assert dates(sentence, published="2025-05-20") == [("early June", "2024-06")]
    # an expectation or a likelihood looks ahead too
    sentence = "We expect state media to report the test early on Saturday."
    assert dates(sentence, published="2026-10-16") == [("Saturday", "2026-10-17")]
    sentence = "Die Minister dürften am Samstag in Seoul zusammenkommen."
    assert dates(sentence, lang="de", published="2026-10-16") == [("Samstag", "2026-10-17")]


def test_a_month_before_a_noun_after_the():
    sentence = "Trump threatened tariffs to force the July ceasefire."
    assert dates(sentence, published="2025-10-28") == [("July", "2025-07")]
    assert dates("Theresa May spoke.", published="2025-10-28") == []


def test_a_word_opening_a_clause_after_a_weekday_keeps_its_cue_out():
    # "would" belongs to the question asked on Tuesday, not to Tuesday (7 Nov 2025: a Friday)
    found = dates("Asked on Tuesday how Japan would respond, she declined.", published="2025-11-07")
    assert found == [("Tuesday", "2025-11-04")]
    assert dates("The vote on Sunday will decide it.", published="2025-11-07") == [
        ("Sunday", "2025-11-09")
    ]


def test_german_compounds_naming_a_part_of_the_year_and_a_month_after_vom():
    found = dates(
        "Seit Jahresbeginn fließt kein Gas, und noch vor Jahresende soll ein Verbot folgen.",
        lang="de",
        published="2025-11-12",
    )
    assert found == [("Seit Jahresbeginn", "2025-01"), ("noch vor Jahresende", "2025-12")]
    assert dates("Die Kontrollen vom April gelten weiter.", lang="de", published="2025-11-12") == [
        ("April", "2025-04")
    ]
    trip = "Er hatte die für Oktober geplante Reise abgesagt."
    assert dates(trip, lang="de", published="2025-11-12") == [("Oktober", "2025-10")]


@pytest.mark.parametrize(
    ("lang", "sentence", "expected"),
    [
        # time given until a month earlier in the year than the publication: the coming one
        ("it", "Washington ha concesso a Mosca tempo fino a febbraio per vendere.", "2026-02"),
        ("it", "Il governo ha dato tempo fino al 13 febbraio.", "2026-02-13"),
        ("en", "Washington granted the firm an extension until February.", "2026-02"),
        ("es", "Bruselas les dio un plazo hasta marzo.", "2026-03"),
        ("de", "Die Regierung setzte eine Frist bis Februar.", "2026-02"),
        # without a noun of time given, a past span's end stays in the past
        ("it", "Le truppe sono rimaste fino a febbraio.", "2025-02"),
        ("en", "The ceasefire held until February.", "2025-02"),
    ],
)
def test_time_given_until_a_month_runs_to_the_coming_one(lang, sentence, expected):
    assert [d for _, d in dates(sentence, lang=lang, published="2025-11-19")] == [expected]


@pytest.mark.parametrize(
    ("lang", "sentence", "expected"),
    [
        # "at the latest" before or after a weekday: a deadline to come, fronted or not
        ("en", "By Thursday at the latest, when the deadline expires, it will become clear.",
         [("By Thursday", "2025-11-27")]),
        ("de", "Spätestens am Donnerstag, wenn die Frist abläuft, wird sich zeigen, ob es klappt.",
         [("Donnerstag", "2025-11-27")]),
        # a day set for something ("fissato a giovedì", "fixé à jeudi")
        ("it", "La Casa Bianca ha fissato a giovedì il termine per una risposta.",
         [("giovedì", "2025-11-27")]),
        ("fr", "Washington a fixé à jeudi la date limite.", [("jeudi", "2025-11-27")]),
        ("en", "By Thursday morning the guns fell silent.",
         [("By Thursday morning", "2025-11-20")]),
        # "may" speaks of the future, "may have" does not, and the month May is no verb
        ("en", "Kim may travel to Moscow in May.", [("May", "2026-05")]),
        ("en", "He may have met Putin in May.", [("May", "2025-05")]),
        ("en", "From May 2024 until late October, the forces encircled the city.",
         [("From May 2024", "2024-05"), ("until late October", "2025-10")]),
        # a span that ends, in the present tense: the coming end
        ("en", "Spending rises in the current fiscal year, which ends in March.",
         [("March", "2026-03")]),
    ],
)  # fmt: skip
def test_deadlines_at_the_latest_and_may(lang, sentence, expected):
    # published on Sunday 23 November 2025
    assert dates(sentence, lang=lang, published="2025-11-23") == expected


@pytest.mark.parametrize(
    ("lang", "sentence", "expected"),
    [
        # a participle cue after a past auxiliary is a past plan, its month the one before
        ("de", "Die Reise war ursprünglich schon im Oktober geplant, wurde aber verschoben.",
         [("Oktober", "2025-10")]),
        ("de", "Peking hatte am 9. Oktober angekündigt, die Ausfuhr zu beschränken.",
         [("9. Oktober", "2025-10-09")]),
        ("de", "Ein Treffen im Januar wird erwartet.", [("Januar", "2026-01")]),
        # an invitation's visit is to come
        ("en", "Trump said he had accepted Xi's invitation to visit China in April.",
         [("April", "2026-04")]),
        # "a deadline of" a weekday: the coming one
        ("en", "Trump set a deadline of Thursday for Kyiv to accept it.",
         [("Thursday", "2025-11-27")]),
    ],
)  # fmt: skip
def test_a_past_plan_and_a_deadline_of_a_weekday(lang, sentence, expected):
    # published on Tuesday 25 November 2025
    assert dates(sentence, lang=lang, published="2025-11-25") == expected


@pytest.mark.parametrize(
    ("lang", "sentence", "expected"),
    [
        # a deadline's own cue that looks ahead ("entro"): the coming month
        ("it", "Fonti europee parlano di un'intesa entro giugno.", [("entro giugno", "2026-06")]),
        # a weekday opening its sentence dates the clause it opens
        ("it", "Lunedì i ministri discuteranno il dossier.", [("Lunedì", "2025-12-01")]),
        ("it", "Lunedì il ministro ha detto che la riunione si terrà presto.",
         [("Lunedì", "2025-11-24")]),
        # a date set off after short asides belongs to the clause before them
        ("pt", "O ministro deverá discutir o tema com Rubio, à margem da reunião, em Bruxelas, "
         "no início de dezembro.", [("início de dezembro", "2025-12")]),
    ],
)  # fmt: skip
def test_a_deadline_that_looks_ahead_a_sentences_weekday_and_short_asides(lang, sentence, expected):
    # published on Tuesday 25 November 2025
    assert dates(sentence, lang=lang, published="2025-11-25") == expected


@pytest.mark.parametrize(
    ("lang", "sentence", "expected"),
    [
        # the month right after the publication's is the coming one without a future cue
        ("es", "El Consejo la ratificará antes de la cumbre del 18 y 19 de diciembre.",
         [("18 y 19 de diciembre", "2025-12-18")]),
        ("en", "A travel agency said its bookings for December had been canceled.",
         [("December", "2025-12")]),
        # unless a word says it is past; two months on, the past stays the default
        ("en", "Talks collapsed last December.", [("December", "2024-12")]),
        # a month listed after another is the first such month after it
        ("en", "Its bookings for December and January were canceled.",
         [("December", "2025-12"), ("January", "2026-01")]),
        ("it", "Le prenotazioni di dicembre e gennaio sono crollate.",
         [("dicembre", "2025-12"), ("gennaio", "2026-01")]),
        # "ab", "à partir de": a plan's start, the coming day
        ("de", "Tusk kündigte an, den Übergang ab Samstag erneut zu sperren.",
         [("ab Samstag", "2025-11-29")]),
        ("fr", "Le poste sera fermé à partir de samedi, a annoncé le ministre.",
         [("à partir de samedi", "2025-11-29")]),
        # an Italian agency's closing stamp: day, hour and minute, month, year
        ("it", "(AGI)RED/MAU 271045 NOV 25", [("271045 NOV 25", "2025-11-27")]),
        ("en", "(AGI)RED/MAU 271045 NOV 25", [("271045 NOV 25", "2025-11-27")]),
        ("de", "dpa fs yyzz n1 ah 071530 Nov 24", [("071530 Nov 24", "2024-11-07")]),
        # an Italian past in "-rò" is no future ("incontrò", not "incontrerò")
        ("it", "Zuppi incontrò a giugno le autorità ucraine.", [("giugno", "2025-06")]),
        # before the year is out: its end
        ("es", "Viajará a Rabat antes de que termine el año.",
         [("antes de que termine el año", "2025-12")]),
    ],
)  # fmt: skip
def test_the_next_month_listed_months_a_plans_start_and_an_agencys_stamp(lang, sentence, expected):
    # published on Thursday 27 November 2025
    assert dates(sentence, lang=lang, published="2025-11-27") == expected


@pytest.mark.parametrize(
    ("lang", "sentence", "expected"),
    [
        # the month after December is next year's January, as the month after any other
        ("en", "The Philippines takes over the ASEAN chair on Jan 1.", [("Jan 1", "2026-01-01")]),
        ("en", "The tax rises from 20 to 22 per cent from January 1.",
         [("from January 1", "2026-01-01")]),
        ("es", "La presidencia pasará a Chipre en enero.", [("enero", "2026-01")]),
        # unless a word says it is past
        ("en", "Talks collapsed last January.", [("January", "2025-01")]),
        ("en", "The talks began in January this year.", [("January", "2025-01")]),
        # nor in a span whose other end is this year's
        ("en", "Exports rose from January to November this year.", [("from January", "2025-01")]),
        # and two months on, the past stays the default
        ("en", "Exports fell in February.", [("February", "2025-02")]),
    ],
)  # fmt: skip
def test_the_month_after_december_is_next_years_january(lang, sentence, expected):
    # published on Friday 5 December 2025
    found = dates(sentence, lang=lang, published="2025-12-05")
    assert found[: len(expected)] == expected


def test_the_month_may_is_no_future_cue_for_its_own_date():
    # written in March: "began on May 7" is last May's; "may resume" still speaks of the future
    written = {"published": "2026-03-02"}
    assert dates("That four-day war began on May 7.", **written) == [("May 7", "2025-05-07")]
    assert dates("The talks collapsed in May.", **written) == [("May", "2025-05")]
    assert dates("Talks will resume on May 7.", **written) == [("May 7", "2026-05-07")]
    assert dates("The talks may resume in June.", **written) == [("June", "2026-06")]


def test_an_offset_from_a_day_counts_from_that_day():
    assert dates(
        "The meeting comes a week after 24 February, the fourth anniversary of the invasion.",
        published="2026-03-03",
    ) == [("a week after 24 February", "2026-03-03")]
    # the day's year is that of the sentence's own date, not the publication's
    assert dates(
        "July 5, 2022: A week after the Madrid deal of June 28, the allies sign the protocols.",
        published="2023-08-01",
    )[1] == ("A week after the Madrid deal of June 28", "2022-07-05")


def test_an_italian_offset_without_a_clause_means_later():
    # "un anno dopo firmarono": a year later, counted from the date before it; "un anno dopo
    # l'invasione" opens a clause of its own
    found = dates(
        "Il programma era stato annunciato il 9 dicembre 2022 da Roma, Londra e Tokyo, che un "
        "anno dopo firmarono il trattato istitutivo.",
        lang="it",
        published="2026-03-03",
    )
    assert found == [("9 dicembre 2022", "2022-12-09"), ("un anno dopo", "2023")]
    assert dates(
        "Si sono incontrati il 9 dicembre 2022, due settimane dopo la firma dell'accordo.",
        lang="it",
        published="2026-03-03",
    )[1] == ("due settimane dopo la firma dell'accordo", "2022-11-25")


@pytest.mark.parametrize(
    ("sentence", "language", "expected"),
    [
        (
            "Koizumi ha annunciato che giovedì un gruppo di tecnici giapponesi arriverà a Torino.",
            "it",
            "2026-03-05",
        ),
        (
            "Officials said that on Thursday the ministers will meet in Brussels.",
            "en",
            "2026-03-05",
        ),
        # the reporting verb's own day, and a past clause, stay past
        ("Officials said on Thursday that the ministers will meet.", "en", "2026-02-26"),
        ("Ha detto che giovedì il gruppo è arrivato a Torino.", "it", "2026-02-26"),
    ],
)
def test_a_weekday_opening_a_reported_clause_dates_that_clause(sentence, language, expected):
    assert [d for _, d in dates(sentence, lang=language, published="2026-03-03")] == [expected]


def test_a_date_after_a_colon_opens_what_follows():
    assert dates(
        "O Planalto também calcula o efeito interno: em outubro, Lula deve disputar a reeleição.",
        lang="pt",
        published="2026-03-03",
    ) == [("outubro", "2026-10")]


def test_a_part_of_the_day_a_deadline_running_out_and_a_closed_quotation():
    written = {"published": "2026-03-15"}
    # "the afternoon of" belongs to the date, which still fronts its clause
    assert dates(
        "On the afternoon of 11 June, Mexico and South Africa will walk out to open the cup.",
        **written,
    ) == [("the afternoon of 11 June", "2026-06-11")]
    assert dates("The attack came on the night of 12 March.", **written) == [
        ("the night of 12 March", "2026-03-12")
    ]
    assert dates("On the evening of 16 January 2024, the talks collapsed.", **written) == [
        ("the evening of 16 January 2024", "2024-01-16")
    ]
    # a reprieve "expiring on 30 May" runs out in the coming May
    assert dates("Ebrard won a 90-day reprieve, expiring on 30 May.", **written) == [
        ("30 May", "2026-05-30")
    ]
    # a cue inside a quotation that closes before the date says nothing of it
    sentence = (
        'He said Moscow was "preparing for the next winter" and urged allies to speed up '
        "deliveries promised in January."
    )
    assert dates(sentence, **written) == [("January", "2026-01")]
    assert dates("The leaders will hold “talks” in January.", **written) == [("January", "2027-01")]


@pytest.mark.parametrize(
    ("lang", "sentence", "expression", "date"),
    [
        # a deadline noun before the date, with its link
        ("en", "Washington has set a deadline of 30 June for a deal.", "30 June", "2026-06-30"),
        # "coming" is a cue only as "the coming" or "this coming": not "stopped coming"
        ("en", "Tourists stopped coming in November.", "November", "2025-11"),
        ("en", "In the coming weeks, talks resume in June.", "June", "2026-06"),
        # entering into force, in the present, is to come
        ("en", "The pact enters into force on 1 February.", "1 February", "2027-02-01"),
        ("it", "Il 12 giugno entra in vigore il nuovo Patto.", "12 giugno", "2026-06-12"),
        ("es", "El acuerdo entra en vigor el 1 de julio.", "1 de julio", "2026-07-01"),
        # Italian "vuole": a plan
        ("it", "Trump vuole imporre dazi dal primo luglio.", "dal primo luglio", "2026-07-01"),
        # Portuguese "marcada para": scheduled for
        ("pt", "A cimeira está marcada para 17 de julho.", "17 de julho", "2026-07-17"),
        # a past participle in a noun phrase of its own, after a future cue and an article
        (
            "es",
            "Espera cerrar el acuerdo arancelario anunciado en noviembre.",
            "noviembre",
            "2025-11",
        ),
        ("es", "El acuerdo será anunciado en noviembre.", "noviembre", "2026-11"),
    ],
)
def test_deadlines_entry_into_force_plans_and_participles(lang, sentence, expression, date):
    assert (expression, date) in dates(sentence, lang=lang, published="2026-04-09")


def test_a_full_date_opening_its_sentence_lends_its_year_as_a_chronology_entry_does():
    written = {"published": "2025-03-02"}
    sentence = "9 November 2023 – Putin signs the law, and the pact enters into force on Dec. 4."
    assert dates(sentence, **written)[1] == ("Dec. 4", "2023-12-04")
    sentence = "28 December 2023 – The parties agree, and talks resume on Jan. 3."
    assert dates(sentence, **written)[1] == ("Jan. 3", "2024-01-03")


@pytest.mark.parametrize(
    ("lang", "sentences", "expression", "date"),
    [
        # an agency's closing stamp, its month a name or a number, before its clock time
        ("it", ["12-GEN-26 14:35"], "12-GEN-26 14:35", "2026-01-12"),
        ("it", ["19-05-26 08:41"], "19-05-26 08:41", "2026-05-19"),
        # a month after a date to come and a conjunction or "then" is to come too
        (
            "en",
            ["It is to feature at the summit from June 14 to 16, and at NATO's in July."],
            "July",
            "2026-07",
        ),
        ("fr", ["Au sommet du 14 au 16 juin, puis à Ankara, en juillet."], "juillet", "2026-07"),
        # a month in a clause of its own whose verb is in the past, after a future cue
        (
            "en",
            ["Pyongyang may be receiving help with a submarine that Kim inspected in December."],
            "December",
            "2025-12",
        ),
        ("en", ["The talks that started in June were tense."], "June", "2025-06"),
        # a word after the month that puts it in the past, even after a deadline's cue
        ("it", ["Ha portato la spesa al 2% entro il marzo scorso."], "entro il marzo", "2026-03"),
        ("fr", ["Il a signé en mai dernier."], "mai", "2025-05"),
        # a month of an anaphoric year, and a month named after the last date the text gave
        (
            "en",
            ["The treaty was signed in June 2024.", "It ended at the end of April that year."],
            "the end of April",
            "2024-04",
        ),
        ("es", ["Se firmó en 2022.", "En marzo de ese año hubo protestas."], "marzo", "2022-03"),
        (
            "en",
            ["The talks met last in December 2008, and Pyongyang quit the following April."],
            "the following April",
            "2009-04",
        ),
        (
            "en",
            ["They signed it in June 2024, and a paper that July said so."],
            "that July",
            "2024-07",
        ),
    ],
)
def test_stamps_months_led_on_past_clauses_and_anaphoric_months(lang, sentences, expression, date):
    assert (expression, date) in dates(*sentences, lang=lang, published="2026-05-19")


@pytest.mark.parametrize(
    ("lang", "sentences", "expression", "date"),
    [
        # no conjunction leads on: the default reading stays (last December)
        (
            "en",
            ["The summit runs from June 14 to 16, after talks in December."],
            "December",
            "2025-12",
        ),
        # a clause with a cue of its own, and a present passive, stay to come
        (
            "en",
            ["Ministers will attend the talks that will resume in December."],
            "December",
            "2026-12",
        ),
        (
            "en",
            ["Ministers will review the report that is expected in December."],
            "December",
            "2026-12",
        ),
        ("it", ["Lo firmerà entro marzo."], "entro marzo", "2027-03"),
        # a past verb with an infinitive after it tells of a plan; one between leads off
        (
            "en",
            ["A summit that Tokyo had hoped to host in December looks unlikely before next year."],
            "December",
            "2026-12",
        ),
        (
            "en",
            ["Dar is due in Dhaka next weekend, and shipping resumed in November."],
            "November",
            "2025-11",
        ),
        # a conjunction between two names leads nowhere
        (
            "pt",
            [
                "A posse, marcada para 22 de maio, muda a relação entre Brasília e Caracas desde a "
                "eleição de julho."
            ],
            "julho",
            "2025-07",
        ),
        # the anaphoric year after a month is that month's year, not one after it
        (
            "en",
            ["In 2008 they met.", "In March of the following year they quarrelled."],
            "the following year",
            "2009",
        ),
    ],
)
def test_what_those_readings_leave_alone(lang, sentences, expression, date):
    assert (expression, date) in dates(*sentences, lang=lang, published="2026-05-19")


def test_a_chronology_entrys_date_sets_its_other_sentences_and_the_nearest_year_wins():
    written = {"published": "2026-07-03"}
    entry = (
        "March 28, 2024 — Russia vetoes the renewal of the panel that had monitored sanctions "
        "on North Korea since 2009; China abstains."
    )
    then = "The panel's mandate runs out on April 30, leaving no body to track violations."
    assert ("April 30", "2024-04-30") in dates(entry, then, **written)
    # an earlier month in the entry is in the entry's year when that is nearer
    entry = "July 2, 2026 — The agency says that several thousand workers left in June."
    assert ("June", "2026-06") in dates(entry, **written)
    entry = "28 December 2023 – The parties agree, and talks resume on Jan. 3."
    assert ("Jan. 3", "2024-01-03") in dates(entry, **written)
    # "este mismo mes": this same month
    assert ("este mismo mes", "2026-07") in dates(
        "El equipo publicará su informe este mismo mes.", lang="es", **written
    )


@pytest.mark.parametrize(
    ("lang", "sentences", "expected"),
    [
        # no date around: the publication's day, whatever the language writes; the words that
        # lead to a time ("alle", "a las", "vers") stay out of it
        ("en", ["The meeting began at 10:03 a.m. and ended at 1:12 p.m."],
         [("10:03 a.m.", "2026-09-17"), ("1:12 p.m.", "2026-09-17")]),
        ("en", ["Sirens sounded at 7am in Seoul."], [("7am", "2026-09-17")]),
        ("fr", ["14h32", "Les délégations sont ressorties vers 23 heures."],
         [("14h32", "2026-09-17"), ("23 heures", "2026-09-17")]),
        ("fr", ["Des F-35 en ont abattu une dizaine vers 2 h 40 du matin."],
         [("2 h 40", "2026-09-17")]),
        ("de", ["Die Sitzung beginnt um 15.30 Uhr in Berlin."], [("15.30 Uhr", "2026-09-17")]),
        ("it", ["Il vertice è iniziato alle 15.30 a Roma."], [("15.30", "2026-09-17")]),
        ("es", ["La cumbre arrancó a las 10.00 horas en Madrid."],
         [("10.00 horas", "2026-09-17")]),
        ("pt", ["A reunião começou às 6h00 em Brasília."], [("6h00", "2026-09-17")]),
        ("nl", ["Aangepast: 09:10"], [("09:10", "2026-09-17")]),
        # a day given in the sentence or just before: that day
        ("en", ["North Korea fired a missile on Tuesday.", "It fell at 7:48 a.m. near Japan."],
         [("Tuesday", "2026-09-15"), ("7:48 a.m.", "2026-09-15")]),
        ("en", ["At 5 p.m. the talks, set for Friday, open."],
         [("5 p.m.", "2026-09-18"), ("Friday", "2026-09-18")]),
        # a day to come, only for a sentence that speaks of the future
        ("en", ["Replies are due on September 30.", "The meeting began at 10:03 a.m."],
         [("September 30", "2026-09-30"), ("10:03 a.m.", "2026-09-17")]),
        ("es", ["La cumbre será el 4 de diciembre.", "Arrancará a las 10.00 horas."],
         [("4 de diciembre", "2026-12-04"), ("10.00 horas", "2026-12-04")]),
        # a past day two sentences before only near the publication
        ("en", ["The last launch was on Oct. 31, 2024.", "The council met at 8 a.m."],
         [("Oct. 31, 2024", "2024-10-31"), ("8 a.m.", "2026-09-17")]),
        # right next to its day it is part of that day's expression, which dates the sentence
        ("en", ["Posted Sat 22 Nov 2025 at 5:03am"], [("22 Nov 2025", "2025-11-22")]),
        ("en", ["Talks resumed at 5 p.m. yesterday."], [("yesterday", "2026-09-16")]),
        ("fr", ["Le 17 septembre 2026 à 14h05, il a parlé."],
         [("17 septembre 2026", "2026-09-17")]),
        # a time of day in words, after the words that lead to one
        ("en", ["The talks broke up shortly after midnight."], [("midnight", "2026-09-17")]),
        ("en", ["The council will meet on Friday.", "A vote is due by noon."],
         [("Friday", "2026-09-18"), ("noon", "2026-09-18")]),
        ("de", ["Die Frist läuft um Mitternacht ab."], [("Mitternacht", "2026-09-17")]),
        ("it", ["Il vertice si è chiuso a mezzanotte."], [("mezzanotte", "2026-09-17")]),
        ("fr", ["Les ministres se sont retrouvés à midi."], [("midi", "2026-09-17")]),
        ("es", ["La tregua expiró a medianoche."], [("medianoche", "2026-09-17")]),
        ("pt", ["O prazo terminou à meia-noite."], [("meia-noite", "2026-09-17")]),
        # an hour in words, with the part of the day
        ("es", ["Se reunieron a las cuatro de la tarde."], [("cuatro de la tarde", "2026-09-17")]),
        ("it", ["Il vertice è iniziato alle tre del pomeriggio."],
         [("tre del pomeriggio", "2026-09-17")]),
        ("pt", ["A reunião começou às 4 da tarde."], [("4 da tarde", "2026-09-17")]),
    ],
)  # fmt: skip
def test_a_time_of_day_is_on_the_day_its_context_gives(lang, sentences, expected):
    assert dates(*sentences, lang=lang, published="2026-09-17") == expected


@pytest.mark.parametrize(
    ("lang", "sentence"),
    [
        ("en", "The vote was 13:2 in favour, after a 2:05:31 finish and 12:345 units."),
        ("en", "He said he am sure 10 of them signed in 2:3 proportions."),
        ("fr", "Il a négocié pendant 8 heures, puis 24h plus tard."),
        ("it", "Ha scritto alle 15 regioni e a 12.500 soldati."),
        ("es", "Llegaron 13.000 soldados en las 24 horas."),
        # a word for a time of day in a name, or with no word that leads to a time
        ("en", "The strikes came after Midnight Hammer, as noon prayers ended."),
        ("it", "I fondi vanno a Mezzogiorno e Nord."),
        ("fr", "Il est arrivé à Midi-Pyrénées et vers le Midi."),
        ("de", "Er aß zu Mittag."),
    ],
)
def test_what_is_no_time_of_day(lang, sentence):
    assert extract(sentence, lang=lang, published="2026-09-17") == []


def test_a_stamp_opening_its_line_is_on_the_day_of_the_last_heading_of_a_day():
    lines = [
        "Key events: Seoul says the missile was fired on Monday, 14 September.",
        "10:05 GMT",
        "Japan protested.",
        "Wednesday 16 September",
        "23:40 GMT",
        "- **6:52 a.m.** — The council met on Monday, 14 September.",
    ]
    found = {(e.expression, e.date) for e in extract_lines(lines, "en", "2026-09-17")}
    # no heading yet: the publication's day; after one, that heading's day, whatever the
    # entry itself says
    assert {("10:05 GMT", "2026-09-17"), ("23:40 GMT", "2026-09-16")} <= found
    assert ("6:52 a.m.", "2026-09-16") in found


PREVIEW = [
    "Kim is expected to arrive in Vladivostok on Wednesday.",
    "The Security Council will meet on Thursday.",
    "EU leaders gather in Brussels on December 17.",
]


def test_a_text_that_looks_ahead_puts_its_unplaced_weekdays_to_come():
    # published on Sunday 6 December 2026: a preview's weekday that no word places is the
    # coming one; in a report, the last one
    pub = "2026-12-06"
    unplaced = "Motegi returns to Tokyo on Friday evening."
    assert ("Friday evening", "2026-12-11") in dates(*PREVIEW, unplaced, published=pub)
    assert dates(unplaced, published=pub) == [("Friday evening", "2026-12-04")]
    # a past verb keeps its weekday in the past, even there
    said = "Kremlin spokesman Dmitry Peskov said on Friday that dates were not set."
    assert ("Friday", "2026-12-04") in dates(*PREVIEW, said, published=pub)
    apelou = "Pequim apelou no domingo à contenção de todas as partes."
    preview = [
        "O líder deverá chegar na quarta-feira a Vladivostok.",
        "O Conselho de Segurança vai reunir-se na quinta-feira.",
        "A cimeira está prevista para 17 de dezembro.",
        "Motegi inicia na sexta-feira uma visita.",
    ]
    found = dates(*preview, apelou, lang="pt", published="2026-12-07")
    assert ("domingo", "2026-12-06") in found and ("sexta-feira", "2026-12-11") in found


def test_a_review_naming_days_to_come_still_tells_of_the_past():
    # a week's review names deadlines and meetings to come, but its sentences are past: its
    # unplaced weekdays stay past
    review = [
        "Ministers spent most of Monday arguing over the annex.",
        "The talks on Tuesday were tense, and officials complained privately.",
        "The rules lapsed, as officials had warned.",
        *PREVIEW,
    ]
    assert ("Monday", "2026-11-30") in dates(*review, published="2026-12-06")


def test_a_diarys_times_take_the_day_of_their_heading():
    lines = [
        "DIARY - Political and general news events from December 7",
        "Published Friday, December 4, 2026",
        "MONDAY, DECEMBER 7",
        "TOKYO, Japan - Prime Minister answers questions at budget committee - 0000 GMT.",
        "TOKYO, Japan - Chief Cabinet Secretary holds news conference - 0200 GMT.",
        "TUESDAY, DECEMBER 8",
        "SEOUL, South Korea - President chairs cabinet meeting - 0100 GMT.",
    ]
    found = {(e.expression, e.date) for e in extract_lines(lines, "en", "2026-12-04")}
    assert {("0000 GMT", "2026-12-07"), ("0200 GMT", "2026-12-07")} <= found
    assert ("0100 GMT", "2026-12-08") in found
    # a year without its zone is no such time, nor six digits of a wire's stamp
    assert dates("It runs to 2030 and 160745 GMT.", published="2026-12-04") == [("2030", "2030")]


def test_a_scheduled_time_after_its_day_to_come():
    sentences = [
        "Am Donnerstag berät der UN-Sicherheitsrat über Nordkorea.",
        "Die Sitzung ist für 16.00 Uhr MEZ angesetzt.",
    ]
    found = dates(*sentences, lang="de", published="2026-12-06")
    assert found == [("Donnerstag", "2026-12-10"), ("16.00 Uhr", "2026-12-10")]


def test_a_weekday_of_a_thing_is_past():
    # "die Rakete vom Freitag": the missile of Friday, whatever the clause says after it
    sentence = "Die Rakete vom Freitag dürfte eine russische Handschrift tragen."
    assert dates(sentence, lang="de", published="2026-10-18") == [("Freitag", "2026-10-16")]


def test_seasons_begun_and_the_new_year():
    # the last season to have begun, unless a year follows
    assert dates("Relations have warmed since the summer.", published="2026-12-20") == [
        ("since the summer", "2026")
    ]
    assert dates("Ties have cooled since the winter.", published="2026-02-10") == [
        ("since the winter", "2025")
    ]
    found = dates("Seit dem Herbst 2024 ist es ruhig.", lang="de", published="2026-12-30")
    assert found == [("2024", "2024")]
    # the new year: the coming one late in a year, this one early in it
    assert dates("Talks resume in the new year.", published="2026-12-20") == [
        ("the new year", "2027")
    ]
    assert dates("Talks resumed in the new year.", published="2027-01-10") == [
        ("the new year", "2027")
    ]
    found = dates("Il dialogo è fermo dall'estate.", lang="it", published="2026-12-30")
    assert found == [("dall'estate", "2026")]


def test_the_first_or_last_days_of_a_month_and_dates_year_first_with_dots():
    sentence = "Talks are due in the first week of January."
    assert dates(sentence, published="2026-12-20") == [("the first week of January", "2027-01")]
    sentence = "La reunión será la primera semana de diciembre."
    assert dates(sentence, lang="es", published="2025-11-20") == [
        ("la primera semana de diciembre", "2025-12")
    ]
    sentence = "Photo taken on 2026.12.28 in Tokyo, filed 2026/12/29; version 2024.1.1."
    assert dates(sentence, published="2027-01-04") == [
        ("2026.12.28", "2026-12-28"),
        ("2026/12/29", "2026-12-29"),
    ]


def test_the_eve_of_the_new_year():
    assert dates("Am Silvesterabend sprach Kim.", lang="de", published="2027-01-01") == [
        ("Silvesterabend", "2026-12-31")
    ]
    sentence = "La veille du Nouvel An, les marins ont été libérés."
    assert dates(sentence, lang="fr", published="2026-12-31") == [
        ("veille du Nouvel An", "2026-12-31")
    ]
    sentence = "La vigilia di Capodanno i marinai sono stati liberati."
    assert dates(sentence, lang="it", published="2027-01-02") == [
        ("vigilia di Capodanno", "2026-12-31")
    ]


def test_a_future_verb_after_the_subject_of_two_names_makes_an_earlier_month_the_coming_one():
    sentence = "A giugno Mosca e Pyongyang festeggeranno il terzo anniversario del trattato."
    assert dates(sentence, lang="it", published="2026-12-30") == [("giugno", "2027-06")]
    sentence = "En junio Rusia y Corea del Norte firmarán un acuerdo."
    assert dates(sentence, lang="es", published="2026-12-30") == [("junio", "2027-06")]
    # a conjunction before a clause of its own still ends the clause
    sentence = "Talks ended in June and will resume soon."
    assert dates(sentence, published="2026-12-30") == [("June", "2026-06")]


@pytest.mark.parametrize(
    ("lang", "sentence", "published", "expected"),
    [
        # the last one over, or the coming one where the clause looks ahead
        ("en", "Talks began in the spring.", "2025-01-10", [("the spring", "2024")]),
        ("en", "Kim will visit in the autumn.", "2025-02-03", [("the autumn", "2025")]),
        ("de", "Im Frühjahr kam es zu Gesprächen.", "2025-07-07", [("Frühjahr", "2025")]),
        ("de", "Im Herbst sollen die Gespräche beginnen.", "2025-07-07", [("Herbst", "2025")]),
        ("es", "En verano, las tropas llegaron.", "2026-01-12", [("verano", "2025")]),
        ("fr", "Au printemps, Paris a proposé un plan.", "2025-11-21", [("printemps", "2025")]),
        # the one the publication falls in; winter is the year of its December
        ("en", "The drills resumed in the summer.", "2025-07-20", [("the summer", "2025")]),
        ("en", "Prices rose over the winter.", "2025-02-03", [("the winter", "2024")]),
        # a deadline's cue: the coming one, unless its clause is in the past
        (
            "en",
            "If Xi meets Lee by spring, that would matter.",
            "2026-12-08",
            [("by spring", "2027")],
        ),
        (
            "en",
            "Talks had to end by spring, but they dragged on.",
            "2026-12-08",
            [("by spring", "2026")],
        ),
        (
            "it",
            "L'accordo sarà firmato entro la primavera.",
            "2025-11-25",
            [("entro la primavera", "2026")],
        ),
        (
            "de",
            "Wenn bis zum Frühjahr keine Lösung da ist, stehen die Bänder still.",
            "2025-11-21",
            [("bis zum Frühjahr", "2026")],
        ),
        ("es", "Lo harán antes del verano.", "2026-01-12", [("antes del verano", "2026")]),
        # no date: a name, a noun it qualifies, no cue, or a year that is the date
        ("en", "During the Spring Festival, trade rose.", "2025-02-03", []),
        ("en", "The Arab Spring changed the region.", "2025-02-03", []),
        ("en", "Anchors do drag in winter storms.", "2025-02-03", []),
        ("en", "The spring offensive failed.", "2025-02-03", []),
        ("fr", "Il a été reçu par le ministre.", "2025-11-21", []),
        ("en", "It happened in the summer of 2023.", "2025-02-03", [("2023", "2023")]),
        ("de", "Im Frühjahr 2024 kam es zu Gesprächen.", "2025-07-07", [("2024", "2024")]),
    ],
)
def test_a_season_named_alone_is_its_year(lang, sentence, published, expected):
    assert dates(sentence, lang=lang, published=published) == expected


@pytest.mark.parametrize(
    ("lang", "sentence", "published", "expected"),
    [
        # a number of units up to the publication, or on from it, at the unit's precision
        (
            "en",
            "Trade grew over the past two years.",
            "2025-04-08",
            [("the past two years", "2023", "2025", "range", "relative")],
        ),
        (
            "en",
            "Talks will be held over the next six months.",
            "2025-02-11",
            [("the next six months", "2025-02", "2025-08", "range", "relative")],
        ),
        (
            "it",
            "Negli ultimi dodici mesi il commercio è cresciuto.",
            "2025-02-10",
            [("ultimi dodici mesi", "2024-02", "2025-02", "range", "relative")],
        ),
        (
            "es",
            "En los últimos doce meses creció.",
            "2027-01-10",
            [("últimos doce meses", "2026-01", "2027-01", "range", "relative")],
        ),
        (
            "fr",
            "Le commerce a doublé au cours des trois dernières années.",
            "2025-06-28",
            [("trois dernières années", "2022", "2025", "range", "relative")],
        ),
        (
            "de",
            "In den letzten zwei Jahren stieg der Handel.",
            "2025-06-28",
            [("letzten zwei Jahren", "2023", "2025", "range", "relative")],
        ),
        # a limit to come is its end, unless the sentence tells the past
        (
            "en",
            "It must be done within four months.",
            "2025-02-19",
            [("within four months", "2025-06", "", "month", "relative")],
        ),
        (
            "de",
            "Die Antwort muss binnen 90 Tagen kommen.",
            "2025-06-28",
            [("binnen 90 Tagen", "2025-09-26", "", "day", "relative")],
        ),
        ("en", "Within two years, the treaty had collapsed.", "2025-04-08", []),
        # no period: part of a year named after it, or counted from another date
        ("en", "It happened in the last two weeks of June.", "2025-04-08", []),
        ("en", "In the last two years before the war, trade fell.", "2025-04-08", []),
        # this decade: the publication's
        (
            "en",
            "It is the worst crisis this decade.",
            "2026-12-20",
            [("this decade", "2020", "2029", "decade", "relative")],
        ),
    ],
)
def test_periods_up_to_or_on_from_the_publication(lang, sentence, published, expected):
    assert extract(sentence, lang=lang, published=published) == expected


@pytest.mark.parametrize(
    "lang, sentence, expected",
    [
        (
            "en",
            "No peace treaty has been signed since the end of World War II.",
            [("since the end of World War II", "1945", "", "year", "explicit")],
        ),
        (
            "en",
            "Trade collapsed after the breakup of the Soviet Union.",
            [("after the breakup of the Soviet Union", "1991", "", "year", "explicit")],
        ),
        (
            "es",
            "No hay tratado desde el final de la Segunda Guerra Mundial.",
            [("desde el final de la Segunda Guerra Mundial", "1945", "", "year", "explicit")],
        ),
        (
            "it",
            "Non c'è un trattato dalla fine della seconda guerra mondiale.",
            [("dalla fine della seconda guerra mondiale", "1945", "", "year", "explicit")],
        ),
        (
            "fr",
            "Les liens datent de l'effondrement de l'URSS.",
            [("l'effondrement de l'URSS", "1991", "", "year", "explicit")],
        ),
        (
            "de",
            "Seit dem Ende des Zweiten Weltkriegs gibt es keinen Vertrag.",
            [("Seit dem Ende des Zweiten Weltkriegs", "1945", "", "year", "explicit")],
        ),
        (
            "sv",
            "Sedan andra världskrigets slut finns inget fredsavtal.",
            [("Sedan andra världskrigets slut", "1945", "", "year", "explicit")],
        ),
        # a war named alone is a period, not a date
        ("en", "It is the worst crisis since World War II.", []),
        ("es", "Es la peor crisis desde la Segunda Guerra Mundial.", []),
    ],
)
def test_turning_points_of_history_are_their_year(lang, sentence, expected):
    assert extract(sentence, lang=lang, published="2026-05-04") == expected
