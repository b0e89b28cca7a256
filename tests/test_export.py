"""The static briefing: one self-contained, escaped HTML file; the tables as a zip of Parquet;
the `export-html` command."""

import base64
import io
import json
import re
import subprocess
import sys
import zipfile
from dataclasses import replace
from types import SimpleNamespace

import pandas as pd
import pytest
from plotly.offline import get_plotlyjs

from analysis import TABLE_NAMES, build, charts, export, schema
from analysis.cli import main
from tests.conftest import ROOT, SEEDS


@pytest.fixture(scope="module")
def document(seed_tables):
    return export.render(seed_tables, title="Russia & North Korea", note="five seeds")


@pytest.fixture(scope="module")
def sentiment(seed_tables) -> export.Section | None:
    """The sentiment section of the seeds (None while the build scores no sentiment)."""
    return export.sentiment_section(export.Briefing.of(seed_tables))


def body(document: str) -> str:
    """The document after its head (where plotly.js is inlined)."""
    return document.split("</head>", 1)[1]


def figures(document: str) -> dict[str, dict]:
    """Each chart's figure as plotly.js receives it ({"data": …, "layout": …}), by div id."""
    decoder, comma = json.JSONDecoder(), re.compile(r"\s*,\s*")
    out = {}
    for call in re.finditer(r"Plotly\.newPlot\(\s*", document):
        div, at = decoder.raw_decode(document, call.end())
        data, at = decoder.raw_decode(document, comma.match(document, at).end())
        layout, _ = decoder.raw_decode(document, comma.match(document, at).end())
        out[div] = {"data": data, "layout": layout}
    return out


def test_plotly_js_is_inlined_once_and_nothing_is_fetched(document):
    plotly_js = get_plotlyjs()
    assert document.count(plotly_js) == 1
    assert document.count("<script") == 1 + export.count_charts(document)
    # no resource from elsewhere: no src/href but data URIs and in-page anchors (links to the
    # articles' own pages are followed only when clicked)
    sources = re.findall(r"""\bsrc=["']([^"']*)""", body(document))
    assert sources and all(s.startswith("data:image/png;base64,") for s in sources)
    assert "<link" not in body(document) and "@import" not in document
    assert "url(" not in export.STYLE


def test_the_briefing_has_every_section_and_its_charts(document, sentiment):
    sections = re.findall(r'<section id="([^"]+)"><h2>', document)
    scored = ["sentiment"] if sentiment else []
    assert sections == ["overview", "findings", "timeline", "actors", *scored, "words"]
    # published dates, top actors, timeline, co-mention matrix (and sentiment's own)
    own = export.count_charts(sentiment.body) if sentiment else 0
    assert export.count_charts(document) == 4 + own
    assert "<title>Russia &amp; North Korea</title>" in document
    assert "five seeds" in document
    for needle in ("North Korea and Russia are mentioned together in", "2023-09: reported by 2"):
        assert needle in document
    assert "<mark>September 2023</mark>" in document and "<mark>settembre 2023</mark>" in document


def test_word_clouds_are_embedded_png_images(document):
    images = re.findall(r'src="data:image/png;base64,([^"]+)"', body(document))
    # the whole corpus, English, Italian
    assert len(images) == 3
    for data in images:
        png = base64.b64decode(data)
        assert png[:8] == b"\x89PNG\r\n\x1a\n" and len(png) > 10_000
    assert 'alt="Word cloud: Language: Italiano (it)"' in document


def test_every_figure_keeps_the_image_download_and_no_cloud_upload(document):
    configs = re.findall(r'"displaylogo": false, "showSendToCloud": false', document)
    assert len(configs) == export.count_charts(document)
    assert '"toImageButtonOptions": {"format": "png", "filename": "timeline"' in document
    assert charts.figure_config("x") == {
        "displaylogo": False,
        "showSendToCloud": False,
        "toImageButtonOptions": {"format": "png", "filename": "x", "scale": 2},
    }


def test_every_figure_keeps_its_labels_whole_whatever_the_default_template(
    seed_tables, monkeypatch
):
    """Inside Streamlit (the app's "download the briefing") plotly's default template is
    Streamlit's: placeholder colours, no automargin, and labels were cut at the 10 px margin."""
    import plotly.io as pio

    monkeypatch.setattr(pio.templates, "default", pio.templates.default)  # restored after
    import streamlit.elements.plotly_chart  # noqa: F401 (makes its template the default)

    pio.templates.default = "streamlit"
    document = export.render(seed_tables)
    found = figures(document)
    assert len(found) == export.count_charts(document)
    for div, fig in found.items():
        layout = fig["layout"]
        assert layout["template"]["layout"]["colorway"][0] == "#636efa", div  # plotly_white
        axes = [k for k in layout if re.fullmatch(r"[xy]axis\d*", k)]
        assert axes and all(layout[k]["automargin"] is True for k in axes), div
    assert "#000001" not in document  # none of Streamlit's placeholder colours


YEARS_APART = """Japan and South Korea meet again

Japan and South Korea met on 12 March 2024 to discuss North Korea.

Japan and South Korea met again on 3 May 2024 in Seoul.

In 1950 Norway sent a hospital ship to the region.
"""


def test_the_timeline_draws_no_lane_without_a_marker_in_its_window(corpus):
    corpus.add("a.txt", YEARS_APART)
    document = export.render(build(corpus.path).tables)
    (fig,) = (f for div, f in figures(document).items() if div.endswith("-timeline"))
    low, high = (pd.Timestamp(x) for x in fig["layout"]["xaxis"]["range"])
    markers = fig["data"][1]
    shown = {
        y for x, y in zip(markers["x"], markers["y"], strict=True) if low <= pd.Timestamp(x) <= high
    }
    lanes = {y for trace in fig["data"] for y in trace["y"] if y}
    lanes |= set(fig["layout"]["yaxis"].get("categoryarray", ()))
    assert lanes == shown
    assert "Norway" not in lanes and "South Korea" in lanes
    # the 1950 event is still in the table of every event, and the note says so
    assert "<td>1950</td>" in document and "the table below lists all 3" in document


HOSTILE = """Talks <img src=x onerror="alert(1)"> in **Seoul** & <b>Tokyo</b>
South Korea and Japan met on 12 March 2024 to discuss North Korea. <script>alert(2)</script>
Japan and South Korea agreed to share radar data. </script><script>alert(3)</script>
"""


def test_article_text_is_escaped_everywhere(corpus):
    corpus.add("hostile.txt", HOSTILE)
    tables = build(corpus.path).tables
    document = export.render(tables)
    page = body(document)
    assert "<img src=x" not in page and "<script>alert" not in page
    assert "<b>Tokyo</b>" not in page
    # the title (the first line) shows as text in the articles table…
    assert "Talks &lt;img src=x onerror=&quot;alert(1)&quot;&gt; in **Seoul** &amp;" in page
    # …and the evidence sentences of the findings are escaped too
    assert "&lt;script&gt;alert(2)&lt;/script&gt;" in page
    # inside the figures' JSON, "<" is written \u003c (no early end of a <script>)
    assert "\\u003cimg src=x" in page or "&lt;img src=x" in page
    # the script blocks are plotly.js and one per chart, nothing else
    assert page.count("<script") == export.count_charts(document)


def test_the_sentiment_section_is_left_out_without_sentiment_and_shown_with_it(seed_tables):
    unscored = replace(seed_tables, article_sentiment=schema.empty("article_sentiment"))
    assert export.sentiment_section(export.Briefing.of(unscored)) is None
    no_table = SimpleNamespace(articles=seed_tables.articles)  # tables without the attribute
    assert export.sentiment_section(export.Briefing(no_table)) is None
    section = export.sentiment_section(export.Briefing.of(seed_tables))
    assert section is not None and section.anchor == "sentiment"
    assert export.count_charts(section.body) == 1  # the articles × states heatmap
    from analysis import sentiment as S

    top = S.order_columns(seed_tables.article_sentiment, "sentences", 12)[0]
    worst = S.by_source(seed_tables, top).iloc[0]
    name = export.Briefing.of(seed_tables).names[top]
    row = (
        f"<tr><td>{name}</td><td>{worst.source}</td><td>{worst.score:+.2f}</td>"
        f"<td>{int(worst.n_sentences)}</td></tr>"
    )
    assert row in section.body


def test_a_section_returning_none_is_left_out_of_the_contents(seed_tables):
    document = export.render(seed_tables, sections=(export.overview_section, lambda b: None))
    assert re.findall(r'<section id="([^"]+)">', document) == ["overview"]
    assert '<a href="#overview">Overview</a>' in document
    assert export.count_charts(document) == 2


def test_tables_zip_holds_every_table_as_parquet(seed_tables):
    data = export.tables_zip(seed_tables)
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        assert archive.namelist() == [f"{name}.parquet" for name in TABLE_NAMES]
        articles = pd.read_parquet(io.BytesIO(archive.read("articles.parquet")))
        mentions = pd.read_parquet(io.BytesIO(archive.read("mentions.parquet")))
    pd.testing.assert_frame_equal(articles, seed_tables.articles)
    assert len(mentions) == len(seed_tables.mentions)


def test_export_html_command_writes_the_briefing(tmp_path, capsys):
    out = tmp_path / "site" / "briefing.html"
    assert main(["export-html", "--corpus", str(SEEDS.parent), "--out", str(out)]) == 0
    document = out.read_text(encoding="utf-8")
    charts = export.count_charts(document)
    assert charts >= 4 and document.startswith("<!DOCTYPE html>")
    assert capsys.readouterr().out.strip() == (
        f"wrote {out}: 5 articles, {charts} charts, {len(document.encode()) / 1e6:.1f} MB"
    )
    assert not list(out.parent.glob(".*.tmp"))  # written through a temporary file


@pytest.mark.parametrize("case", ["missing", "empty", "a file", "out is a folder"])
def test_export_html_on_bad_input_says_so_in_one_line(tmp_path, case):
    corpus, out = tmp_path / "corpus", tmp_path / "b.html"
    if case == "empty":
        corpus.mkdir()
    elif case == "a file":
        corpus.write_text("not a folder")
    elif case == "out is a folder":
        corpus, out = SEEDS.parent, tmp_path
    run = subprocess.run(
        [sys.executable, "-m", "analysis", "export-html", "--corpus", str(corpus)]
        + ["--out", str(out)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert run.returncode == 1
    lines = run.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: "), run.stderr
    assert "Traceback" not in run.stderr and run.stdout == ""
    assert not (tmp_path / "b.html").exists()
