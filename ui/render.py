"""Rendering helpers; article text is always shown as text, never as markup."""

from __future__ import annotations

import html
import re

import streamlit as st

from analysis.charts import figure_config, published_strip
from analysis.corpus import Problem
from analysis.overview import counted

# Characters that Markdown (and Streamlit's :color[...] directives) would interpret.
_MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|<>~$:&])")


def plain(text: object) -> str:
    """Escape text for st.markdown/st.error/st.caption so it shows literally, inert."""
    return _MARKDOWN_SPECIAL.sub(r"\\\1", str(text))


def problems(items: list, *, expanded: bool = False) -> None:
    """List input problems: one line each naming the file and what is wrong."""
    if not items:
        return
    errors = [p for p in items if isinstance(p, Problem) and p.level == "error"]
    label = (
        f"{len(errors)} file(s) could not be read"
        if errors
        else f"{len(items)} note(s) about the input"
    )
    with st.expander(label, expanded=expanded or bool(errors)):
        for p in items:
            show, icon = (
                (st.error, ":material/error:")
                if p.level == "error"
                else (st.warning, ":material/warning:")
            )
            show(plain(p), icon=icon)


def view_params() -> dict[str, str]:
    """The sidebar filters and the uploads, as the address holds them: what every link to
    another view of this briefing carries."""
    from analysis.filters import FILTER_PARAMS
    from ui.data import UPLOAD_PARAM

    return {k: v for k in (*FILTER_PARAMS, UPLOAD_PARAM) if (v := st.query_params.get(k))}


def reader_link(article_id: str, paragraph_no: int | None = None) -> str:
    """Relative URL of the reader page opened on an article (and a paragraph), with the
    current sidebar filters and uploads (the link opens a new session, which starts from its
    URL)."""
    from urllib.parse import urlencode

    params = {"left": article_id}
    if paragraph_no is not None:
        params["para"] = str(paragraph_no)
    return "reader?" + urlencode(params | view_params())


def marked(text: str, spans, colour: str = "#ffd166") -> str:
    """Sentence text, escaped, with the (start, end) spans highlighted."""
    out, at = [], 0
    for start, end in sorted(spans):
        if start < at:
            continue
        out.append(html.escape(text[at:start]))
        out.append(f'<mark style="background:{colour}">{html.escape(text[start:end])}</mark>')
        at = end
    out.append(html.escape(text[at:]))
    return "".join(out)


def publication_strip(articles, key: str) -> None:
    """The articles' publication dates by source, and how many are undated (not on it)."""
    dated = articles["published"].fillna("").ne("")
    if dated.any():
        st.plotly_chart(
            published_strip(articles),
            width="stretch",
            key=key,
            config=figure_config("published"),
        )
    if n := int((~dated).sum()):
        st.caption(
            f"{counted(n, 'article')} {'has' if n == 1 else 'have'} no publication date and "
            f"{'is' if n == 1 else 'are'} not on this strip."
        )


def csv_download(label: str, table, file_name: str, key: str, *, where=st, index=False) -> None:
    """A button that downloads the table behind a figure as CSV (no rerun on click)."""
    where.download_button(
        label,
        table.to_csv(index=index).encode(),
        key=key,
        file_name=file_name,
        mime="text/csv",
        on_click="ignore",
    )
