import codecs

import pytest

from analysis import config
from analysis.reading import BadInput, _Reader, check_size, decode, extract
from tests.conftest import FIXTURES, page_paragraphs

TEXT = "Il Giappone è invitato a guidare gli sforzi del G7.\n\nLa Russia e la Corea del Nord.\n"


def test_utf8_and_bom():
    assert decode(TEXT.encode())[0] == TEXT
    assert decode(codecs.BOM_UTF8 + TEXT.encode())[0] == TEXT


def test_latin1_is_recognised():
    text, encoding = decode(TEXT.encode("latin-1"))
    assert "Il Giappone è invitato" in text
    assert encoding.lower().replace("_", "-") != "utf-8"


@pytest.mark.parametrize(
    "text, codec",
    [
        # short Western text: the detector's Central European fit is noise ("č" for "è")
        (
            "Roma, 21 giugno - Il Giappone è preoccupato: la Cina chiede calma. Città e perché.",
            "cp1252",
        ),
        (
            "Rusko a Severní Korea podepsaly v červnu smlouvu o vzájemné pomoci. Japonsko je "
            "znepokojeno a Čína vyzývá ke klidu. Příliš žluťoučký kůň úpěl ďábelské ódy.",
            "cp1250",
        ),
        (
            "Rosja i Korea Północna podpisały w czerwcu układ o wzajemnej pomocy, co zaniepokoiło "
            "Japonię i Koreę Południową. Zażółć gęślą jaźń.",
            "cp1250",
        ),
    ],
)
def test_a_code_page_is_read_back_whole_and_the_guess_is_said(text, codec):
    decoded, encoding = decode(text.encode(codec))
    assert decoded == text
    extracted = extract("article.txt", text.encode(codec))
    assert any("not UTF-8; it was read as" in w for w in extracted.warnings)
    assert not extract("article.txt", text.encode()).warnings


@pytest.mark.parametrize("codec", ["utf-16", "utf-16-le", "utf-16-be"])
def test_utf16_with_and_without_bom(codec):
    assert decode(TEXT.encode(codec))[0] == TEXT


@pytest.mark.parametrize(
    "data, words",
    [
        (b"", "empty"),
        (b"  \n\n\t ", "empty"),
        (b"%PDF-1.7\n%\xe2\xe3", "PDF"),
        (b"\x89PNG\r\n\x1a\n\x00\x00", "PNG"),
        (bytes(range(256)) * 40, "binary"),
    ],
)
def test_bad_bytes_get_a_plain_reason(data, words):
    with pytest.raises(BadInput, match=words):
        decode(data)


def test_oversized_file_is_refused_before_reading():
    with pytest.raises(BadInput, match=r"50\.0 MB, more than"):
        check_size(50_000_000)
    check_size(config.MAX_ARTICLE_BYTES)  # at the limit is fine


def test_hostile_html_keeps_text_drops_code():
    html = b"""<html lang="en"><head><title>Talks in Seoul</title>
    <meta property="article:published_time" content="2024-03-05T08:00:00Z">
    <script>alert('x')</script><style>p{color:red}</style></head>
    <body><h1>Talks in Seoul</h1>
    <p onclick="steal()">South Korea and Japan met on Tuesday to discuss North Korea.</p>
    <img src=x onerror="alert(1)"><a href="javascript:alert(2)">a link</a>
    <p>The <b>ministers</b> agreed to meet again.</p></body></html>"""
    doc = extract("talks.html", html)
    assert "South Korea and Japan met on Tuesday" in doc.text
    assert "alert" not in doc.text and "steal" not in doc.text and "color:red" not in doc.text
    assert doc.title == "Talks in Seoul"
    assert doc.published.startswith("2024-03-05")
    assert doc.language == "en"


def test_a_pages_headline_is_read_with_its_body():
    body = page_paragraphs(
        "North Korea sent more troops to Russia, officials in Seoul said on "
        "Monday, and Japan called the move a grave threat to the region."
    )
    page = (
        "<html><head><title>North Korea admits troops fought for Russia | The Daily</title>"
        "</head><body><nav><a href='/'>World</a></nav><header>"
        f"<h1>North Korea admits troops fought for Russia</h1></header><article>{body}</article>"
        "</body></html>"
    )
    doc = extract("page.html", page.encode())
    assert doc.text.startswith("North Korea admits troops fought for Russia\n")
    # an h1 the title does not confirm (the site's name in the page header) is no headline
    other = page.replace("<h1>North Korea admits troops fought for Russia</h1>", "")
    other = other.replace("<nav>", "<header><h1>The Daily</h1></header><nav>")
    assert "The Daily" not in extract("page.html", other.encode()).text
    # a title shortened for search still confirms the longer h1 it opens
    longer = page.replace(
        "fought for Russia</h1>", "fought for Russia, says Seoul will respond</h1>"
    )
    doc = extract("page.html", longer.encode())
    assert doc.text.startswith("North Korea admits troops fought for Russia, says Seoul")


def test_markdown_blocks_become_lines():
    md = (
        "---\ntitle: Summit\ndate: 2024-06-14\n---\n# Leaders meet in Apulia\n\n"
        "The *G7* leaders met in [Italy](http://x.y).\nThey talked.\n\n- one point\n"
    )
    doc = extract("a.md", md.encode())
    assert doc.text.splitlines() == [
        "Leaders meet in Apulia",
        "",
        "The G7 leaders met in Italy. They talked.",
        "",
        "one point",
    ]
    assert doc.title == "Summit" and doc.published == "2024-06-14"


def test_markdown_drops_inline_scripts_with_their_code():
    md = (
        "# Pact <script>alert('x')</script>signed\n\n"
        '<img src=x onerror="alert(1)">Russia and North Korea signed a pact. '
        "<style>p {color: red}</style>Japan <b>protested</b>.\n"
    )
    doc = extract("a.md", md.encode())
    assert doc.text.splitlines() == [
        "Pact signed",
        "",
        "Russia and North Korea signed a pact. Japan protested.",
    ]
    assert doc.title == "Pact signed" and "alert" not in doc.text and "color" not in doc.text


def test_a_front_matter_title_opens_a_markdown_text_without_a_heading():
    md = '---\ntitle: "Timeline: how Finland joined NATO"\n---\nFinland applied in 2022.\n'
    assert extract("a.md", md.encode()).text.split("\n\n")[0] == (
        "Timeline: how Finland joined NATO"
    )
    headed = "---\ntitle: Summit\n---\n# Leaders meet in Apulia\n\nThey talked.\n"
    assert extract("a.md", headed.encode()).text.startswith("Leaders meet in Apulia\n")


def test_a_web_clippers_source_is_the_address_and_its_site_the_publisher():
    md = (
        '---\ntitle: "Missile live"\nsite: "The Daily Ledger"\n'
        'source: "https://www.dailyledger.co.uk/world/live/2026/oct/16/missile"\n---\n'
        "# Missile live\n\nIt flew for 80 minutes.\n"
    )
    doc = extract("a.md", md.encode())
    assert doc.source == "The Daily Ledger"
    assert doc.url == "https://www.dailyledger.co.uk/world/live/2026/oct/16/missile"
    named = extract("b.md", b"---\nsource: Reuters\nsite: Example\n---\nText.\n")
    assert (named.source, named.url) == ("Reuters", "")


def test_a_clipped_pages_title_drops_the_site_name_its_site_field_gives():
    md = (
        '---\ntitle: "Kim and Putin sail together | The Daily Ledger"\n'
        'site: "The Daily Ledger"\n---\n# Kim and Putin sail together\n\nThe drills began.\n'
    )
    assert extract("a.md", md.encode()).title == "Kim and Putin sail together"
    # a title whose last part is no site name keeps it
    other = md.replace('site: "The Daily Ledger"', 'site: "Ledger Online"')
    assert extract("b.md", other.encode()).title == (
        "Kim and Putin sail together | The Daily Ledger"
    )


def test_a_markdown_table_is_one_line_per_row():
    md = (
        "Key dates:\n\n| Date | Event |\n|:---|---|\n"
        "| **March 7, 2024** | Sweden joins NATO. |\n| | An undated note. |\n"
    )
    assert extract("a.md", md.encode()).text.strip().split("\n\n") == [
        "Key dates:",
        "Date | Event",
        "March 7, 2024 | Sweden joins NATO.",
        "An undated note.",
    ]


TABLE_PAGE = """<html><head><title>La crisis entre México y Ecuador | Diario</title></head>
<body><nav><a href="/">Inicio</a></nav><article><h1>La crisis entre México y Ecuador</h1>
<p>La policía ecuatoriana entró en la embajada de México en Quito el 5 de abril, y el gobierno
mexicano rompió relaciones con Ecuador al día siguiente, en medio de duras críticas.</p>
<h2>Cronología</h2><table><thead><tr><th>Fecha</th><th>Hecho</th></tr></thead><tbody>
<tr><td>5 de abril de 2024</td><td>La policía de Ecuador entra en la embajada de México.</td></tr>
<tr><td>6 de abril de 2024</td><td>México rompe relaciones con Ecuador.</td></tr>
</tbody></table><p>La OEA convocó una sesión extraordinaria del Consejo Permanente para
discutir la situación en los próximos días, según fuentes diplomáticas.</p></article></body>
</html>"""


def test_an_html_table_is_kept_one_line_per_row():
    rows = ["Fecha | Hecho", "6 de abril de 2024 | México rompe relaciones con Ecuador."]
    lines = extract("crisis.html", TABLE_PAGE.encode()).text.splitlines()
    assert all(row in lines for row in rows)
    assert not any("|---" in line or line.startswith("|") for line in lines)
    # the plain reader (a page the extractor cannot read) separates the cells the same way
    reader = _Reader()
    reader.feed(TABLE_PAGE)
    reader.close()
    assert all(row in reader.lines for row in rows)


def test_text_is_cleaned():
    doc = extract("a.txt", b"Line one.\r\nLine\x07 two.   \r\n")
    assert doc.text == "Line one.\nLine two.\n"


def test_a_pages_header_blocks_are_read_in_their_places():
    body = page_paragraphs(
        "the Russian navy sailed north again, officials in Oslo said on "
        "Monday, and Norway called the move a test of the Arctic's calm."
    )
    dek = "As the ice retreats, Russia digs in and China edges closer."
    page = (
        "<html><head><title>Cold Front: The Scramble for the Arctic | Review</title></head>"
        "<body><header><nav><a href='/'>Home</a></nav></header><main><article>"
        "<header><p class='kicker'>Geopolitics</p><h1>Cold Front: The Scramble for the Arctic</h1>"
        f"<p class='dek'>{dek}</p><p class='byline'>By Ingrid Halvorsen</p>"
        "<p><time datetime='2025-04-08'>April 8</time></p></header>"
        "<figure><img src='a.jpg'><figcaption>A ship at sea. <span>Photo: AFP</span></figcaption>"
        f"</figure><div class='article-body'>{body}</div></article></main></body></html>"
    )
    text = extract("page.html", page.encode()).text
    # kicker, headline, standfirst, byline, date line and caption, as the page prints them
    assert text.startswith(
        f"Geopolitics\nCold Front: The Scramble for the Arctic\n{dek}\nBy Ingrid Halvorsen\n"
        "April 8\nA ship at sea. Photo: AFP\nParagraph 0"
    )
    assert "Home" not in text  # the menu is no part of it


def test_a_pages_header_keeps_the_date_line_the_extractor_dropped():
    page = (FIXTURES / "page_dated_by_its_byline.html").read_bytes()
    found = extract("page.html", page)
    assert found.published == ""  # no date metadata
    assert "By Helen Marsh | March 2025 issue" in found.text.splitlines()[:3]


def test_a_pages_own_blocks_are_put_back_and_its_furniture_kept_out():
    para = (
        "<p>{}: North Korean troops kept arriving in Russia, officials in Seoul said on "
        "Monday, and Japan called the transfers a grave threat to the whole region.</p>"
    )
    page = (
        "<html><head><title>Seoul warns of troops | Daily</title></head><body>"
        "<div style='display:none'>Preheader: today in Asia, read it first</div>"
        "<div class='story'><h1>Seoul warns of troops</h1>"
        + para.format("First")
        + "<div class='share-bar'>Share this article</div>"
        + para.format("Second")
        + "<h2>What Moscow gives back</h2>"
        + "<aside class='related'><h3>Read more</h3><p>Japan’s budget grows again</p></aside>"
        + para.format("Third")
        + "<figure><figcaption>Troops on parade in Pyongyang.</figcaption></figure>"
        + "<div class='tags'>Topics: Japan · Russia</div>"
        + "<p><time>14h32</time></p>"
        + "".join(para.format(f"Paragraph {i}") for i in range(4))
        + "</div><footer>© Daily</footer></body></html>"
    )
    lines = extract("page.html", page.encode()).text.splitlines()
    third = next(i for i, line in enumerate(lines) if line.startswith("Third"))
    assert lines[third - 1] == "What Moscow gives back"  # a sub-heading, in its place
    assert lines[third + 1 : third + 3] == ["Troops on parade in Pyongyang.", "14h32"]
    for furniture in ("Preheader", "Share this", "Read more", "budget grows", "Topics", "©"):
        assert not any(furniture in line for line in lines), furniture


def test_a_site_name_before_the_story_is_the_source_and_no_headline():
    body = page_paragraphs(
        "the Japanese government asked for a record defence budget on "
        "Monday, and the prime minister named Russia and North Korea as the threat."
    )
    page = (
        "<html><head><title>PressLingua :: Japan asks for a record defence budget</title></head>"
        "<body><table><tr><td class='masthead'><h1>PressLingua</h1></td></tr><tr><td>"
        "<table><tr><td><h2 class='headline'>Japan asks for a record defence budget</h2>"
        "<p class='posted'>Posted: 17/09/2026</p></td></tr></table>"
        f"<div class='articletext'>{body}</div></td></tr></table></body></html>"
    )
    doc = extract("page.html", page.encode())
    assert (doc.title, doc.source) == ("Japan asks for a record defence budget", "PressLingua")
    assert doc.text.splitlines()[:2] == [
        "Japan asks for a record defence budget",
        "Posted: 17/09/2026",
    ]


def test_a_pages_publisher_and_logo_name_it_where_its_site_name_is_a_section():
    body = page_paragraphs(
        "Brazil called for dialogue after the missile test on Wednesday, "
        "while Japan and South Korea pressed Brasília to condemn Pyongyang."
    )
    ld = (
        '{"@type": "NewsArticle", "articleSection": "Mundo", '
        '"publisher": {"@type": "Organization", "name": "j1"}}'
    )
    page = (
        "<html><head><title>Brasil evita condenar | Mundo | j1</title>"
        "<meta property='og:site_name' content='Mundo'>"
        f"<script type='application/ld+json'>{ld}</script></head>"
        f"<body><h1>Brasil evita condenar</h1><article>{body}</article></body></html>"
    )
    assert extract("page.html", page.encode()).source == "j1"
    # no metadata at all: the alt text of the site's logo
    bare = (
        "<html><head><title>Kims Soldaten | DIE WARTE – Druckversion</title></head><body>"
        "<img src='/img/logo-warte.png' alt='DIE WARTE'>"
        f"<h1>Kims Soldaten</h1><article>{body}</article></body></html>"
    )
    assert extract("page.html", bare.encode()).source == "DIE WARTE"
    # a logo alone is a last resort, after what the text says (the pipeline's)
    alone = extract("page.html", bare.replace(" | DIE WARTE – Druckversion", "").encode())
    assert (alone.source, alone.logo) == ("", "DIE WARTE")


def test_a_site_name_that_is_the_sites_address_reads_as_the_publishers_name():
    body = page_paragraphs(
        "Germany pledged more air defence to Poland on Tuesday, and Moscow called it a "
        "provocation while Warsaw thanked Berlin."
    )

    def page(site: str, publisher: str) -> bytes:
        org = f'{{"@type": "Organization", "name": "{publisher}"}}'
        ld = f'{{"@type": "NewsArticle", "publisher": {org}}}'
        return (
            f"<html><head><title>Mehr Patriot-Systeme</title><meta property='og:site_name' "
            f"content='{site}'><script type='application/ld+json'>{ld}</script></head>"
            f"<body><h1>Mehr Patriot-Systeme</h1><article>{body}</article></body></html>"
        ).encode()

    # the publisher whose initials the address spells; the name written before a domain
    assert extract("a.html", page("FAZ.NET", "Frankfurter Allgemeine Zeitung")).source == (
        "Frankfurter Allgemeine Zeitung"
    )
    assert extract("a.html", page("dw.com", "Deutsche Welle")).source == "Deutsche Welle"
    assert extract("a.html", page("Le Monde.fr", "Société éditrice")).source == "Le Monde"
    # a brand's own address stays, and a company that is not spelt by it is not taken
    assert extract("a.html", page("RaiNews.it", "Rai Com")).source == "RaiNews.it"
    assert extract("a.html", page("Nordkurier", "Kurierverlag GmbH")).source == "Nordkurier"


PDF_TEXT = """QUIET AT AYUNGIN

January 14, 2025

Six months after Manila and Beijing agreed on a provisional understanding for the
resupply of the grounded ship, the arrangement has held. Five missions have reached
the outpost without the water cannon, ramming and boarding that defined the first
half of 2024.1 The calm has not spread, however: coast guard vessels pressed coop-
erative partners elsewhere, and a well-known analyst called it a well-
known pattern.

1 AMTI tracking of rotation and resupply missions, July–December 2024.
2 Armed Forces of the Philippines, press briefing, June 19, 2024.
"""


def test_hard_wrapped_text_is_joined_back_into_paragraphs():
    text = extract("brief.txt", PDF_TEXT.encode()).text
    paragraphs = text.strip().split("\n\n")
    assert paragraphs[:2] == ["QUIET AT AYUNGIN", "January 14, 2025"]
    assert paragraphs[2].startswith("Six months after Manila and Beijing agreed on a provisional")
    assert "the first half of 2024.1 The calm" in paragraphs[2]
    # a word split at a line's end is one word again, with its hyphen where the text has one
    assert "cooperative partners" in paragraphs[2] and "a well-known pattern." in paragraphs[2]
    assert "\n" not in paragraphs[2]
    # notes after a full stop stay one a line
    assert paragraphs[3].split("\n") == [
        "1 AMTI tracking of rotation and resupply missions, July–December 2024.",
        "2 Armed Forces of the Philippines, press briefing, June 19, 2024.",
    ]


def test_text_with_one_paragraph_a_line_is_not_rewrapped():
    lines = [
        f"Paragraph {i}: the ministry said on Monday that talks would resume in Geneva soon."
        for i in range(8)
    ]
    text = "\n".join(lines) + "\n"
    assert extract("wire.txt", text.encode()).text == text


def test_rewrapping_a_hostile_text_takes_linear_time():
    # a word of a million letters split at a line's end: looking for its hyphenated form
    # elsewhere from every letter of it would never finish
    lines = ["The ministry said on Monday that the talks on the border would resume and"] * 8
    text = "\n".join([*lines, "x" * 1_000_000 + "-", "ation of the talks.", ""])
    out = extract("long.txt", text.encode()).text
    assert out.count("\n") == 1 and out.endswith("x" * 1000 + "ation of the talks.\n")


def test_a_pages_title_is_its_printed_headline_and_its_site_name_the_source():
    body = page_paragraphs(
        "the border fighting killed soldiers and civilians on both sides, "
        "officials in Bangkok and Phnom Penh said, as neighbours called for calm."
    )
    page = (
        "<html><head><title>Thailand-Cambodia clashes explained: what we know | Southeast"
        " Herald</title><meta property='og:title' content='Thailand-Cambodia clashes explained:"
        " what we know'></head><body><h1>Thailand-Cambodia border clashes: What we know about"
        f" the deadliest fighting in a decade</h1><article>{body}</article></body></html>"
    )
    doc = extract("page.html", page.encode())
    # the social title is shortened: the page prints the longer headline
    assert doc.title.startswith("Thailand-Cambodia border clashes: What we know about")
    assert doc.source == "Southeast Herald"  # no og:site_name: the title's suffix names it
    # a site's logo in the h1 is no headline, and a title alone names no site
    logo = page.replace(
        "<h1>Thailand-Cambodia border clashes: What we know about the deadliest fighting in a"
        " decade</h1>",
        "<h1>Southeast Herald</h1>",
    ).replace(" | Southeast Herald</title>", "</title>")
    doc = extract("page.html", logo.encode())
    assert doc.title == "Thailand-Cambodia clashes explained: what we know"
    assert doc.source == ""
