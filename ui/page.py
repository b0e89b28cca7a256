"""What every page does first: load the corpus, draw the shared sidebar, apply the filters."""

from __future__ import annotations

from dataclasses import dataclass

import streamlit as st

from analysis import filters as flt
from analysis.pipeline import BuildResult
from analysis.schema import Tables
from ui import data, render, share, state


@dataclass(frozen=True)
class PageData:
    result: BuildResult  # everything built, with the input problems
    view: Tables  # the tables restricted by the sidebar filters
    filters: flt.Filters
    key: str  # names the data and the filters: for st.cache_data of derived results


def _leave_legacy_routing() -> None:
    """Streamlit treats a `pages/` folder as its old multipage mode until the entry script
    calls st.navigation; a server whose first request is a page URL (a shared link) would run
    that page alone and show the folder's file list as navigation. Switch to the entry
    script's navigation and rerun once."""
    try:
        from streamlit.runtime.pages_manager import PagesManager
    except ImportError:  # internal module moved: nothing to correct
        return
    if PagesManager.uses_pages_directory:
        PagesManager.uses_pages_directory = False
        st.rerun()


NAV_PAGES = "nav_pages"  # session_state key: the app's pages, in the sidebar's order


def navigate(pages: list, current) -> None:
    """Note the app's pages and the one shown (called by the entry script on every run)."""
    st.session_state[NAV_PAGES] = pages
    st.session_state[state.CURRENT_PAGE] = current.url_path


def _links(where, shared: dict[str, str]) -> None:
    """The sidebar's links to every page, each with the view in its address: the filters and
    uploads (`shared`) and that page's own settings as it was left (`state.page_params`). A
    link that carries them makes a page switch one step of the browser's history; without,
    the switch was one step and the page writing its view into the address another."""
    for target in st.session_state.get(NAV_PAGES, ()):
        where.page_link(target, query_params=shared | state.page_params(target.url_path))
    where.divider()


def setup() -> PageData:
    """Call at the top of every page (Streamlit reruns only the page's script on a widget
    change, so the shared sidebar must be drawn by the page itself)."""
    _leave_legacy_routing()
    nav = st.sidebar.container()  # first in the sidebar, filled once the view is known
    state.keep_page_state()
    result, data_key = data.load()
    data.sync_url()
    if st.session_state.pop(data.LOST, False):
        st.warning(
            "This link names articles that were uploaded to this server, which no longer "
            "holds them (it restarted since): the briefing shows the corpus without them. "
            "Upload them again on the Corpus page.",
            icon=":material/warning:",
        )
    if result.tables.articles.empty:
        st.error(
            "No article could be read from the corpus folder "
            f"{render.plain(data.corpus_from_argv())}."
        )
        render.problems(result.problems, expanded=True)
        _links(nav, render.view_params())
        st.stop()
    filters = state.sidebar_filters(result.tables, data_key)  # writes the filters' address
    _links(nav, render.view_params())
    view = flt.apply(result.tables, filters)
    share.sidebar(view, filters)
    return PageData(result, view, filters, data.view_key(data_key, filters.to_params()))
