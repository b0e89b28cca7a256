"""Shared fixtures: an isolated cache per test session, the repo's paths, tiny corpora."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "data" / "articles"
FIXTURES = Path(__file__).parent / "fixtures"


def page_paragraphs(sentence: str, n: int = 6) -> str:
    """A page's body: `n` paragraphs of one sentence, numbered ("<p>Paragraph 0: …</p>")."""
    return "".join(f"<p>Paragraph {i}: {sentence}</p>" for i in range(n))


@pytest.fixture(autouse=True)
def _isolated_cache(tmp_path_factory, monkeypatch):
    """Every test writes its cache under a temporary folder, never in ~/.cache."""
    monkeypatch.setenv("BRIEFING_CACHE", str(tmp_path_factory.getbasetemp() / "cache"))


@pytest.fixture(scope="session")
def seed_tables(tmp_path_factory):
    """The tables of the embedded five-article corpus, built once."""
    from analysis import build

    result = build(ROOT / "data", cache=tmp_path_factory.mktemp("seed-cache"))
    assert not result.errors, result.errors
    return result.tables


@pytest.fixture
def corpus(tmp_path):
    """A writable corpus folder; `corpus.add(name, text_or_bytes)` adds a file."""

    class Corpus:
        path = tmp_path / "corpus"

        def add(self, name: str, content: str | bytes) -> Path:
            target = self.path / name
            target.parent.mkdir(parents=True, exist_ok=True)
            if isinstance(content, str):
                target.write_text(content, encoding="utf-8")
            else:
                target.write_bytes(content)
            return target

        def add_seeds(self, *prefixes: str) -> None:
            for path in sorted(SEEDS.glob("*.txt")):
                if not prefixes or path.name.startswith(prefixes):
                    shutil.copy(path, self.path / path.name)

    Corpus.path.mkdir()
    return Corpus()
