"""Briefing: the app's entry point. It only configures and routes; each page draws the shared
sidebar through `ui.page.setup()`.

    streamlit run streamlit_app.py -- --corpus DIR     (default: $BRIEFING_CORPUS or data/)
"""

from pathlib import Path

import streamlit as st

from ui.page import navigate

HERE = Path(__file__).parent

# a local image: a Material icon as the favicon is fetched from Google's font server, which an
# offline or firewalled host cannot reach (a console error on every page, and no icon)
st.set_page_config(page_title="Briefing", page_icon=HERE / "ui" / "favicon.png", layout="wide")
PAGES = [
    st.Page(
        HERE / "pages" / "overview.py", title="Overview", icon=":material/dashboard:", default=True
    ),
    st.Page(HERE / "pages" / "timeline.py", title="Timeline", icon=":material/timeline:"),
    st.Page(HERE / "pages" / "actors.py", title="Actors", icon=":material/hub:"),
    st.Page(HERE / "pages" / "sentiment.py", title="Sentiment", icon=":material/thermostat:"),
    st.Page(HERE / "pages" / "reader.py", title="Reader", icon=":material/menu_book:"),
    st.Page(HERE / "pages" / "words.py", title="Words", icon=":material/cloud:"),
    st.Page(HERE / "pages" / "corpus.py", title="Corpus", icon=":material/library_books:"),
]
# The sidebar's links to the pages are drawn by each page (`ui.page.setup`), each carrying the
# view in its address, so that a page switch is one step of the browser's history.
current = st.navigation(PAGES, position="hidden")
navigate(PAGES, current)
current.run()
