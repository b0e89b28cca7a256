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

import pytest
from playwright.sync_api import expect

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
PAGES = ["corpus", "", "timeline", "actors", "reader", "words"]
CHARTS = {"": 2, "timeline": 2, "actors": 1, "corpus": 0, "reader": 0, "words": 1}


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
        ],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
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
        pytest.fail("the app did not start: " + server.stdout.read().decode()[-2000:])
    yield url
    server.terminate()
    server.wait(timeout=20)


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
    nav = page.locator('[data-testid="stSidebarNav"]').inner_text()
    assert "Overview" in nav and "Corpus" in nav and "streamlit app" not in nav.lower()
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
    # …and in the reader, side by side with another article.
    go(page, "Reader", "reader")
    choose(page, "Right article", "hos")
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
