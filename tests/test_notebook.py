"""notebooks/briefing.ipynb runs top to bottom on the embedded corpus and shows the tables
and figures it promises (its code cells are executed in order, without Jupyter)."""

import json

import pytest

from tests.conftest import ROOT

NOTEBOOK = ROOT / "notebooks" / "briefing.ipynb"


def code_cells() -> list[str]:
    notebook = json.loads(NOTEBOOK.read_text(encoding="utf-8"))
    assert notebook["nbformat"] == 4
    return ["".join(c["source"]) for c in notebook["cells"] if c["cell_type"] == "code"]


def test_the_notebook_is_stored_without_outputs():
    notebook = json.loads(NOTEBOOK.read_text(encoding="utf-8"))
    for cell in notebook["cells"]:
        if cell["cell_type"] == "code":
            assert cell["outputs"] == [] and cell["execution_count"] is None


@pytest.fixture(scope="module")
def namespace(tmp_path_factory):
    """The notebook's variables after running every code cell, from the notebooks folder, on
    the embedded corpus, with a fresh cache."""
    with pytest.MonkeyPatch.context() as patch:
        patch.delenv("BRIEFING_CORPUS", raising=False)
        patch.setenv("BRIEFING_CACHE", str(tmp_path_factory.mktemp("notebook-cache")))
        patch.chdir(NOTEBOOK.parent)
        ns: dict = {"__name__": "__main__"}
        for n, source in enumerate(code_cells()):
            exec(compile(source, f"{NOTEBOOK.name} cell {n}", "exec"), ns)
    return ns


def test_the_notebook_builds_the_embedded_corpus(namespace):
    tables = namespace["tables"]
    assert len(tables.articles) == 5 and not namespace["result"].errors
    sizes = namespace["sizes"]
    assert sizes["articles"] == 5 and sizes["mentions"] > 400 and sizes["events"] > 20


def test_the_notebook_draws_the_pages_figures(namespace):
    bars = namespace["fig_actors"].to_dict()["data"][0]
    assert list(bars["y"])[-3:] == ["Japan", "Russia", "North Korea"]  # most mentioned on top
    matrix = namespace["fig_matrix"].to_dict()["data"]
    assert len(matrix) == 2 and "Japan" in set(matrix[0]["x"])
    long = namespace["matrix"]
    assert len(long) == 12 * 12
    assert long.loc[long["actor_a"] != long["actor_b"], "value"].between(-1, 1).all()
    timeline = namespace["fig_timeline"].to_dict()["data"][1]
    assert len(timeline["x"]) >= 20
    assert namespace["cloud"].size == (900, 500)


def test_the_notebook_lists_findings_and_evidence(namespace):
    headlines = [f.headline for f in namespace["findings"]]
    assert headlines[0].startswith("North Korea and Russia are mentioned together")
    assert any(h.startswith("2023-09: reported by 2 independent sources") for h in headlines)
    behind = namespace["behind"]
    assert len(behind) == 29 and behind["text"].str.contains("Japan|Giappone|Japón").all()
