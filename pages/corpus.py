"""Corpus: every article's metadata and where it came from, input problems, uploads."""

import streamlit as st

from analysis import Source, build, export
from analysis.overview import counted
from ui import data, render
from ui.page import setup

page = setup()
result, view = page.result, page.view

st.title("Corpus")
st.caption(
    "Each article's metadata, and where each value came from: the manifest, the page's "
    "own metadata, or the text itself (a dateline, a credit line, the first line)."
)
meta = view.articles[
    [
        "article_id",
        "title",
        "title_from",
        "source",
        "source_from",
        "url",
        "published",
        "published_precision",
        "published_from",
        "language",
        "detected_language",
        "language_flag",
        "translation_of",
        "file",
        "format",
        "encoding",
        "n_paragraphs",
        "n_sentences",
        "n_words",
    ]
]
st.dataframe(
    meta,
    hide_index=True,
    width="stretch",
    key="corpus_table",
    column_config={"url": st.column_config.LinkColumn("url")},
)
d1, d2 = st.columns(2)
render.csv_download(
    "Download this table (CSV)",
    meta,
    "articles.csv",
    "corpus_csv",
    where=d1,
)
d2.download_button(
    "Download every table of the corpus (Parquet, zip)",
    lambda: export.tables_zip(result.tables),
    file_name="briefing_tables.zip",
    mime="application/zip",
    key="corpus_tables_zip",
    on_click="ignore",
    help="articles, paragraphs, sentences, mentions, co-mentions, events, sentiment and "
    "alignments of the whole corpus (uploads included, filters not applied): one Parquet "
    "file per table, the columns of the project's table contract.",
)

messages = st.session_state.pop("upload_messages", [])
refused = sum(level == "error" for level, _ in messages)
st.subheader("Input problems")
if result.problems:
    render.problems(result.problems, expanded=True)
else:
    st.caption(
        "Every article of this briefing was read without a problem"
        + (
            f"; {counted(refused, 'uploaded file')} could not be added (see below)."
            if refused
            else "."
        )
    )

with st.expander("Add your own articles (.txt, .md, .html)", expanded=bool(messages)):
    for level, message in messages:
        (st.error if level == "error" else st.success)(message)
    files = st.file_uploader(
        "Article files",
        type=["txt", "md", "markdown", "html", "htm"],
        accept_multiple_files=True,
        # a new key after each addition empties the uploader (its files are read or refused)
        key=f"upload_files_{st.session_state.get('upload_round', 0)}",
    )
    if st.button("Add to this briefing", disabled=not files, key="upload_go"):
        store = dict(st.session_state.get(data.UPLOADS, {}))
        new = {f.name: f.getvalue() for f in files}
        bar = st.progress(0.0, text="Reading…")

        def step(done: int, total: int, name: str) -> None:
            bar.progress(done / max(total, 1), text=f"{done}/{total} · {name}")

        trial = build(
            data.corpus_from_argv(),
            workers=1,
            progress=step,
            uploads=[Source(n, b) for n, b in {**store, **new}.items()],
        )
        failed = {p.file for p in trial.problems if p.level == "error"}
        messages = [
            ("error", render.plain(p))
            for p in trial.problems
            if p.level == "error" and p.file in new
        ]
        added = [n for n in new if n not in failed]
        store.update({n: new[n] for n in added})
        data.set_uploads(store)
        if added:
            messages.append(
                (
                    "success",
                    f"Added {counted(len(added), 'article')}: "
                    f"{render.plain(', '.join(added))}. Every page now includes them.",
                )
            )
        st.session_state["upload_messages"] = messages
        st.session_state["upload_round"] = st.session_state.get("upload_round", 0) + 1
        st.rerun()
