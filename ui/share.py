"""Sharing from the app: a "copy link" control and the static briefing as a download.

The page address holds the whole view (the sidebar filters and the page's own settings, see
`ui.state`), so the link to share is the browser's address at the moment of the click. The
server cannot know it (`st.context.url` drops the query string, and the page publishes its
settings while it runs), so the control is a small button that reads it in the browser.
"""

from __future__ import annotations

import streamlit as st

from analysis import export
from analysis.filters import Filters
from analysis.schema import Tables

# A tiny page in an iframe (Streamlit's iframes are same-origin and may write to the
# clipboard): it copies the app's address with the Clipboard API, else through a selected
# textarea (plain http outside localhost has no Clipboard API), else shows it to copy by hand.
COPY_LINK = """<!DOCTYPE html><html><head><meta charset="utf-8"><style>
body{margin:0;font-family:"Source Sans Pro","Source Sans 3",system-ui,sans-serif;
font-size:14px;color:#31333f}
button{font:inherit;padding:.3rem .8rem;border-radius:.5rem;cursor:pointer;color:inherit;
border:1px solid rgba(49,51,63,.2);background:#fff}
button:hover{border-color:#B22234;color:#B22234}
small{display:block;margin-top:.3rem;opacity:.75;word-break:break-all}
</style></head><body>
<button type="button" id="copy" title="The address of this view: filters, settings and
selection"><svg aria-hidden="true" width="14"
height="14" viewBox="0 0 24 24" fill="none" stroke="currentColor" stroke-width="2"
stroke-linecap="round" stroke-linejoin="round" style="vertical-align:-2px;margin-right:.35rem">
<path d="M10 13a5 5 0 0 0 7.07 0l3-3a5 5 0 0 0-7.07-7.07l-1.5 1.5"/>
<path d="M14 11a5 5 0 0 0-7.07 0l-3 3a5 5 0 0 0 7.07 7.07l1.5-1.5"/></svg>
Copy link to this view</button>
<small id="status" aria-live="polite"></small>
<script>
function address() {
  try { return window.top.location.href; } catch (error) { return window.parent.location.href; }
}
document.getElementById("copy").addEventListener("click", async (event) => {
  const button = event.currentTarget;  // the button, not the icon inside it
  const url = address();
  let copied = false;
  try {
    await navigator.clipboard.writeText(url);
    copied = true;
  } catch (error) {
    const area = document.createElement("textarea");
    area.value = url;
    document.body.appendChild(area);
    area.select();
    try { copied = document.execCommand("copy"); } catch (error2) { copied = false; }
    area.remove();
  }
  button.dataset.copied = url;
  document.getElementById("status").textContent =
    copied ? "Link copied." : "Copy this address: " + url;
});
</script></body></html>"""


def copy_link() -> None:
    """The "copy link" button (in the current container)."""
    st.iframe(COPY_LINK, height=64, alt="Copy link to this view")


def briefing_download(view: Tables, filters: Filters, *, key: str = "share_briefing") -> None:
    """A button that downloads the static briefing of the tables shown (made on click)."""
    restricted = ", ".join(f"{k}={v}" for k, v in filters.to_params().items())
    n = len(view.articles)
    note = f"{n} article{'s' if n != 1 else ''}"
    if restricted:
        note += f" (filters: {restricted})"

    def document() -> bytes:
        return export.render(view, note=note).encode("utf-8")

    st.download_button(
        "Download the briefing (HTML)",
        document,
        icon=":material/download:",
        file_name="briefing.html",
        mime="text/html",
        key=key,
        on_click="ignore",
        help="One self-contained HTML file of the articles shown: overview, key findings, "
        "timeline, co-mentions and word clouds. It opens without a network connection.",
    )


def sidebar(view: Tables, filters: Filters) -> None:
    """The sidebar's share block: copy the link, download the briefing."""
    with st.sidebar:
        st.subheader("Share")
        copy_link()
        briefing_download(view, filters)
