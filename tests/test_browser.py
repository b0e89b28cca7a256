"""End to end: the real app in headless Chromium (Debian's), driven by Playwright.

Skipped when no Chromium is installed, unless BRIEFING_REQUIRE_BROWSER=1 (CI sets it).
"""

from __future__ import annotations

import os
import re
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
import zipfile
from urllib.parse import parse_qs, urlsplit

import pytest
from playwright.sync_api import expect

from analysis import TABLE_NAMES, export
from analysis.findings import key_findings
from tests.conftest import ROOT

pytestmark = pytest.mark.browser
CHROMIUM = os.environ.get("BRIEFING_CHROMIUM") or shutil.which("chromium") or "/usr/bin/chromium"
ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
# A page URL first: a fresh server must still route through the app's navigation.
PAGES = ["corpus", "", "timeline", "actors", "sentiment", "reader", "words"]
CHARTS = {"": 2, "timeline": 2, "actors": 1, "sentiment": 2, "corpus": 0, "reader": 0, "words": 1}


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def app_url(tmp_path_factory):
    if not os.path.exists(CHROMIUM):
        if os.environ.get("BRIEFING_REQUIRE_BROWSER") == "1":
            pytest.fail(f"no Chromium at {CHROMIUM} (install Debian's 'chromium')")
        pytest.skip("no Chromium installed")
    port = _free_port()
    env = dict(os.environ, BRIEFING_CACHE=str(tmp_path_factory.mktemp("app-cache")))
    # The server's output goes to a file, not a pipe nobody reads: a full pipe blocked its
    # logging, and with it the file watcher's lock and the whole server. Nor does it watch
    # the source tree while the suite writes beside it.
    log_path = tmp_path_factory.mktemp("app-log") / "streamlit.log"
    log = open(log_path, "wb")  # noqa: SIM115 (closed when the server stops)
    server = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "streamlit",
            "run",
            str(ROOT / "streamlit_app.py"),
            "--server.headless",
            "true",
            "--server.port",
            str(port),
            "--server.address",
            "127.0.0.1",
            "--browser.gatherUsageStats",
            "false",
            "--server.fileWatcherType",
            "none",
        ],
        cwd=ROOT,
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    url = f"http://127.0.0.1:{port}"
    deadline = time.time() + 60
    while time.time() < deadline:
        try:
            urllib.request.urlopen(f"{url}/_stcore/health", timeout=2)
            break
        except OSError:
            time.sleep(0.5)
    else:
        server.kill()
        log.close()
        pytest.fail("the app did not start: " + log_path.read_text(errors="replace")[-2000:])
    yield url
    server.terminate()
    try:
        server.wait(timeout=20)
    finally:
        if server.poll() is None:
            server.kill()
        log.close()


@pytest.fixture(scope="module")
def browser(app_url):
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield b
        b.close()


def settle(page, charts: int = 0) -> None:
    """Wait until the script finished (and plotly drew `charts` charts), then check errors."""
    page.wait_for_selector(
        '[data-testid="stApp"][data-test-script-state="notRunning"]', timeout=90_000
    )
    if charts:
        page.wait_for_function(
            f"document.querySelectorAll('.js-plotly-plot').length >= {charts}", timeout=30_000
        )
    page.wait_for_timeout(300)
    assert page.locator('[data-testid="stException"]').count() == 0
    assert page.locator('[data-testid="stAlertContentError"]').count() == 0
    assert page.locator('[data-testid="stErrorCodeBlock"]').count() == 0


def view_when_drawn(page, view_of, view, seconds: float = 15) -> tuple:
    """The page's view once it equals `view`, or as it stands after `seconds`: the script may
    have finished before the browser drew what it sent (a slow machine), so wait on the
    result, not on a fixed time."""
    for _ in range(int(seconds * 2)):
        now = view_of(page)
        if now == view:
            return now
        page.wait_for_timeout(500)
    return view_of(page)


def choose(page, label: str, text: str) -> None:
    """Pick the option containing `text` in the selectbox labelled `label`, and wait for it."""
    box = page.locator('[data-testid="stSelectbox"]').filter(has_text=label)
    box.click()
    page.keyboard.type(text)
    option = page.get_by_role("option").filter(has_text=text).first
    option.wait_for(timeout=15_000)
    option.click()
    expect(box.get_by_role("combobox")).to_have_value(re.compile(re.escape(text)), timeout=15_000)
    settle(page)


def go(page, name: str, path: str, charts: int = 0) -> None:
    """Follow the sidebar link `name` and wait until its page has drawn."""
    page.get_by_role("link", name=name).click()
    page.wait_for_url(f"**/{path}**")
    settle(page, charts=charts)


def showing(page) -> str:
    return page.get_by_text("Showing ").first.inner_text()


@pytest.mark.parametrize("path", PAGES)
def test_every_page_opens_without_error(browser, app_url, path):
    page = browser.new_page()
    page.goto(f"{app_url}/{path}")
    settle(page, charts=CHARTS[path])
    assert "Showing 5 of 5 articles" in showing(page)
    # the app's own links to its pages, not Streamlit's list of the folder's files (drawn
    # after the page's first elements on a busy machine: waited for, not read at once)
    sidebar = page.locator('[data-testid="stSidebar"]')
    expect(sidebar).to_contain_text("Overview", timeout=30_000)
    nav = sidebar.inner_text()
    assert "Corpus" in nav and "streamlit app" not in nav.lower()
    assert page.locator('[data-testid="stSidebarNav"]').count() == 0
    page.close()


def test_share_url_survives_page_switch_and_fresh_browser(browser, app_url):
    context = browser.new_context()
    page = context.new_page()
    page.goto(f"{app_url}/?lang=it&actors=JPN")
    settle(page, charts=1)
    assert "Showing 1 of 5 articles" in showing(page)
    page.get_by_role("link", name="Corpus").click()
    page.wait_for_url("**/corpus?**")
    settle(page)
    assert "lang=it" in page.url and "actors=JPN" in page.url
    assert "Showing 1 of 5 articles" in showing(page)
    shared = page.url
    context.close()
    fresh = browser.new_context()
    page = fresh.new_page()
    page.goto(shared)
    settle(page)
    assert "Showing 1 of 5 articles" in showing(page)
    fresh.close()


HOSTILE = b"""<html><head><title><img src=x onerror="window.__pwned=1">Evil title</title>
<script>window.__pwned = 2; alert('script ran')</script></head>
<body><h1 onmouseover="window.__pwned=3">Talks &lt;img src=x onerror="window.__pwned=6"&gt;
in **Seoul** [link](javascript:window.__pwned=7)</h1>
<p>South Korea and Japan met on Tuesday to discuss North Korea's missile launches, officials
said, and agreed to share radar data in real time. <img src=x onerror="window.__pwned=4"></p>
<p><a href="javascript:window.__pwned=5">Read more</a> about the talks in **Seoul**.</p>
</body></html>"""


def test_uploads_report_bad_files_and_hostile_html_stays_inert(browser, app_url):
    page = browser.new_page()
    dialogs: list[str] = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    page.goto(f"{app_url}/corpus")
    settle(page)
    page.get_by_text("Add your own articles").click()
    page.locator('[data-testid="stFileUploaderDropzoneInput"]').set_input_files(
        [
            {"name": "empty.txt", "mimeType": "text/plain", "buffer": b""},
            {"name": "hostile.html", "mimeType": "text/html", "buffer": HOSTILE},
        ]
    )
    page.wait_for_timeout(500)
    page.get_by_role("button", name="Add to this briefing").click()
    page.wait_for_timeout(500)
    settle_ok = page.wait_for_selector('[data-testid="stAlertContentError"]', timeout=60_000)
    assert "empty.txt" in settle_ok.inner_text() and "empty" in settle_ok.inner_text()
    page.wait_for_selector('[data-testid="stApp"][data-test-script-state="notRunning"]')
    assert "Showing 6 of 6 articles" in showing(page)
    # the page does not call the refused file read, and the uploader is emptied
    assert "1 uploaded file could not be added" in page.locator("body").inner_text()
    assert page.locator('[data-testid="stFileUploaderFile"]').count() == 0
    go(page, "Overview", "", charts=2)
    assert "Showing 6 of 6 articles" in showing(page)
    # The hostile title is shown (as text) in the evidence of the actors page.
    go(page, "Actors", "actors", charts=1)
    choose(page, "Row actor", "Japan")
    choose(page, "Column actor", "South Korea")
    evidence = page.locator("ol.evidence")
    # the escaped title is visible as text, inert
    expect(evidence).to_contain_text('<img src=x onerror="window.__pwned=6">', timeout=15_000)
    assert "**Seoul**" in evidence.inner_text()
    # …and in the reader, side by side with another article: its "read in context" link opens
    # a new session, which finds the upload again by the token in its URL.
    item = evidence.locator("li").filter(has_text="South Korea and Japan met")
    item.get_by_text("read in context").first.click()
    page.wait_for_url("**/reader?**uploads=**")
    settle(page)
    assert "Showing 6 of 6 articles" in showing(page)
    assert "hostile" in selected(page, "Left article")
    table = page.locator("table.reader")
    expect(table).to_contain_text("South Korea and Japan", timeout=15_000)
    assert '<img src=x onerror="window.__pwned=6">' in table.inner_text()
    page.mouse.move(300, 300)
    page.wait_for_timeout(500)
    assert page.evaluate("window.__pwned") is None
    assert dialogs == []
    assert page.locator("img[src='x']").count() == 0
    page.close()


def test_actor_heatmap_cell_click_shows_evidence_and_survives_a_fresh_browser(browser, app_url):
    context = browser.new_context(viewport={"width": 1400, "height": 1600})
    page = context.new_page()
    page.goto(f"{app_url}/actors?measure=jaccard")
    settle(page, charts=1)
    cells = page.locator(".js-plotly-plot .scatterlayer .trace").first.locator(".point")
    assert cells.count() == 15 * 14  # every pair of the top 15, diagonal drawn apart
    cells.nth(0).click(force=True)
    page.wait_for_url("**cell=*")
    settle(page, charts=1)
    header = page.locator("h3").filter(has_text=" × ").first.inner_text()
    assert page.locator("ol.evidence li").count() > 0 or "0 sentences" in page.content()
    shared = page.url
    context.close()
    fresh = browser.new_context(viewport={"width": 1400, "height": 1600})
    page = fresh.new_page()
    page.goto(shared)
    settle(page, charts=1)
    assert page.locator("h3").filter(has_text=" × ").first.inner_text() == header
    assert "measure=jaccard" in page.url
    fresh.close()


def test_timeline_shows_events_and_words_shows_clouds(browser, app_url):
    page = browser.new_page(viewport={"width": 1400, "height": 1600})
    page.goto(f"{app_url}/timeline")
    settle(page, charts=2)
    markers = page.locator(".js-plotly-plot").first.locator(".scatterlayer .trace .point")
    assert markers.count() >= 20  # dated events, one marker per event and actor lane
    page.goto(f"{app_url}/words")
    settle(page, charts=1)
    clouds = page.locator('[data-testid="stImage"] img')
    assert clouds.count() >= 1
    assert clouds.first.evaluate("img => img.naturalWidth") > 200
    page.close()


def test_sentiment_heatmap_cell_click_lists_its_sentences(browser, app_url):
    context = browser.new_context(viewport={"width": 1400, "height": 1600})
    page = context.new_page()
    page.goto(f"{app_url}/sentiment")
    settle(page, charts=2)
    cells = page.locator(".js-plotly-plot").first.locator(".scatterlayer .trace .point")
    assert cells.count() >= 10  # articles × states with scored sentences
    cells.nth(0).click(force=True)
    page.wait_for_url("**cell=*")
    settle(page, charts=2)
    evidence = page.locator("ol.evidence li")
    expect(evidence.first).to_be_visible(timeout=15_000)
    assert page.locator("ol.evidence mark").count() >= evidence.count()
    context.close()


# Sharing: every page's view in its link, the static briefing offline, the downloads.


def selected(page, label: str) -> str:
    """The option shown by the selectbox labelled `label`."""
    box = page.locator('[data-testid="stSelectbox"]').filter(has_text=label)
    return box.get_by_role("combobox").input_value()


def checked(page, label: str) -> str:
    """The chosen option of the radio group labelled `label`."""
    group = page.locator('[data-testid="stRadio"]').filter(has_text=label)
    return group.locator("label").filter(has=page.locator("input:checked")).inner_text()


def subheading(page, text: str) -> str:
    heading = page.locator("h3").filter(has_text=text)
    expect(heading.first).to_be_visible(timeout=15_000)
    return heading.first.inner_text()


def caption(page, text: str) -> str:
    found = page.locator('[data-testid="stCaptionContainer"]').filter(has_text=text)
    expect(found.first).to_be_visible(timeout=15_000)
    return found.first.inner_text()


def _overview(page) -> None:
    choose(page, "Evidence for", "Taiwan")


def _timeline(page) -> None:
    page.locator('[data-testid="stRadio"]').get_by_text("by article").click()
    settle(page, charts=2)
    choose(page, "Event", "2023-09")


def _actors(page) -> None:
    choose(page, "Measure", "Normalised PMI")
    choose(page, "Row actor", "Japan")
    choose(page, "Column actor", "North Korea")


def _sentiment(page) -> None:
    choose(page, "Rows (articles)", "Most negative first")
    settle(page, charts=2)
    choose(page, "Sentences of article", "001")
    choose(page, "Toward state", "Russia")
    settle(page, charts=2)


def _reader(page) -> None:
    choose(page, "Right article", "004")
    choose(page, "Only paragraphs mentioning", "Japan")


def _words(page) -> None:
    choose(page, "Compare with", "Italiano")
    settle(page, charts=1)
    choose(page, "Term", "Giappone")


def _corpus(page) -> None:
    box = page.locator('[data-testid="stMultiSelect"]').filter(has_text="Languages")
    box.click()
    page.get_by_role("option", name="it", exact=True).click()
    page.keyboard.press("Escape")
    expect(page.get_by_text("Showing 1 of 5 articles")).to_be_visible(timeout=30_000)
    settle(page)


# page path: (its link's name, charts, how to set a view, what shows the view)
VIEWS = {
    "": (
        "Overview",
        2,
        _overview,
        lambda p: (selected(p, "Evidence for"), caption(p, "sentences mention")),
    ),
    "timeline": (
        "Timeline",
        2,
        _timeline,
        lambda p: (checked(p, "Lanes"), selected(p, "Event"), subheading(p, "2023-09")),
    ),
    "actors": (
        "Actors",
        1,
        _actors,
        lambda p: (
            selected(p, "Measure"),
            selected(p, "Row actor"),
            selected(p, "Column actor"),
            subheading(p, " × "),
            caption(p, "Normalised PMI: "),
        ),
    ),
    "sentiment": (
        "Sentiment",
        2,
        _sentiment,
        lambda p: (
            selected(p, "Rows (articles)"),
            selected(p, "Sentences of article"),
            subheading(p, "Russia in "),
            p.locator("ol.evidence li").count(),
        ),
    ),
    "reader": (
        "Reader",
        0,
        _reader,
        lambda p: (
            selected(p, "Left article"),
            selected(p, "Right article"),
            selected(p, "Only paragraphs mentioning"),
            p.locator("table.reader tbody tr").count(),
        ),
    ),
    "words": (
        "Words",
        1,
        _words,
        lambda p: (
            selected(p, "Selection A"),
            selected(p, "Compare with"),
            selected(p, "Term"),
            p.locator(".kwic-head").first.inner_text(),
        ),
    ),
    "corpus": (
        "Corpus",
        0,
        _corpus,
        lambda p: (
            showing(p),
            p.locator('[data-testid="stMultiSelect"]').filter(has_text="Languages").inner_text(),
        ),
    ),
}
EXPECTED = {
    "": ("Taiwan",),
    "timeline": ("by article",),
    "actors": ("Normalised PMI", "Japan", "North Korea", "Japan × North Korea"),
    "sentiment": ("Most negative first", "001", "Russia in 001"),
    "reader": ("004", "Japan"),
    "words": ("Whole corpus", "Language: Italiano (it)", "Giappone"),
    "corpus": ("Showing 1 of 5 articles",),
}


def copy_link(page) -> str:
    """Click the sidebar's copy-link control and return what it put on the clipboard."""
    control = page.frame_locator('iframe[title="Copy link to this view"]')
    control.get_by_role("button", name="Copy link to this view").click()
    expect(control.locator("#status")).to_have_text("Link copied.", timeout=10_000)
    return page.evaluate("navigator.clipboard.readText()")


@pytest.mark.parametrize("path", list(VIEWS))
def test_a_page_view_survives_a_page_switch_and_its_copied_link_opens_it(browser, app_url, path):
    name, charts, set_view, view_of = VIEWS[path]
    context = browser.new_context(viewport={"width": 1400, "height": 1600})
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=app_url)
    page = context.new_page()
    page.goto(f"{app_url}/{path}")
    settle(page, charts=charts)
    set_view(page)
    settle(page, charts=charts)
    view = view_of(page)
    # every figure keeps plotly's "download plot as a PNG" button, and none uploads
    assert page.locator('.modebar-btn[data-title="Download plot as a PNG"]').count() == charts
    assert page.locator('.modebar-btn[data-title="Share chart..."]').count() == 0
    # not the default view: each of these shows in it
    assert all(any(want in str(v) for v in view) for want in EXPECTED[path]), view
    address = page.url
    # to another page and back: the view and its address come back
    other, other_path = ("Overview", "") if path == "corpus" else ("Corpus", "corpus")
    go(page, other, other_path)
    go(page, name, path, charts=charts)
    assert view_when_drawn(page, view_of, view) == view
    assert parse_qs(urlsplit(page.url).query) == parse_qs(urlsplit(address).query)
    link = copy_link(page)
    assert link == page.url and urlsplit(link).query
    context.close()
    # a fresh browser opening the copied link shows the same view
    fresh = browser.new_context(viewport={"width": 1400, "height": 1600})
    page = fresh.new_page()
    page.goto(link)
    settle(page, charts=charts)
    assert view_when_drawn(page, view_of, view) == view
    fresh.close()


def test_the_exported_briefing_opens_offline_and_draws_every_chart(browser, seed_tables, tmp_path):
    document = export.render(seed_tables, title="Offline briefing")
    path = export.write(document, tmp_path / "briefing.html")
    expected = export.count_charts(document)
    assert expected >= 4  # published dates, top actors, timeline, co-mentions (sentiment…)
    context = browser.new_context(offline=True, viewport={"width": 1400, "height": 1200})
    attempted: list[str] = []

    def refuse(route) -> None:
        if route.request.url.startswith("file:"):
            route.continue_()
        else:
            attempted.append(route.request.url)
            route.abort()

    context.route("**/*", refuse)
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.on("requestfailed", lambda request: attempted.append(request.url))
    page.goto(path.as_uri())
    page.wait_for_function(
        f"document.querySelectorAll('.js-plotly-plot .main-svg').length >= {expected}",
        timeout=60_000,
    )
    assert page.locator(".js-plotly-plot").count() == expected
    assert page.locator(".briefing-chart .js-plotly-plot").count() == expected
    # every chart keeps plotly's "download plot as a PNG" button, and none uploads
    download = page.locator('.modebar-btn[data-title="Download plot as a PNG"]')
    assert download.count() == expected
    assert page.locator('.modebar-btn[data-title="Share chart..."]').count() == 0
    clouds = page.locator("figure.cloud img")
    assert clouds.count() == 3
    assert all(w > 200 for w in clouds.evaluate_all("imgs => imgs.map(i => i.naturalWidth)"))
    assert page.locator("h1").inner_text() == "Offline briefing"
    expect(page.locator("ol.findings > li")).to_have_count(len(key_findings(seed_tables)))
    assert attempted == [] and errors == []
    context.close()


def test_the_app_downloads_the_briefing_and_every_table(browser, app_url):
    context = browser.new_context(viewport={"width": 1400, "height": 1600})
    page = context.new_page()
    page.goto(f"{app_url}/corpus?lang=it")
    settle(page)
    with page.expect_download(timeout=180_000) as download:
        page.get_by_role("button", name="Download the briefing (HTML)").click()
    document = download.value.path().read_text(encoding="utf-8")
    assert download.value.suggested_filename == "briefing.html"
    assert document.startswith("<!DOCTYPE html>") and "1 article (filters: lang=it)" in document
    assert export.count_charts(document) >= 3
    with page.expect_download(timeout=60_000) as download:
        page.get_by_role("button", name="Download every table of the corpus").click()
    with zipfile.ZipFile(download.value.path()) as archive:
        assert archive.namelist() == [f"{name}.parquet" for name in TABLE_NAMES]
    context.close()


def test_a_reader_link_scrolls_to_its_paragraph(browser, app_url):
    page = browser.new_page(viewport={"width": 1400, "height": 900})
    page.goto(f"{app_url}/reader?left=000_466074d7abe5a936&para=20")
    settle(page)
    target = page.locator("#p-000_466074d7abe5a936-20")
    expect(target).to_be_in_viewport(timeout=10_000)
    assert "focus" in target.get_attribute("class")
    page.close()
