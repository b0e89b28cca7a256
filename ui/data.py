"""Loading the corpus tables for the app: caching lives here, in the UI layer only."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

import streamlit as st

from analysis import Source, build, config
from analysis.pipeline import BuildResult

UPLOADS = "uploads"  # session_state key: {file name: bytes} added in this session


def corpus_from_argv(argv: list[str] | None = None) -> Path:
    """`streamlit run streamlit_app.py -- --corpus DIR`, else $BRIEFING_CORPUS, else data/."""
    parser = argparse.ArgumentParser(add_help=False)
    parser.add_argument("--corpus")
    known, _ = parser.parse_known_args(sys.argv[1:] if argv is None else argv)
    return config.corpus_dir(known.corpus)


def signature(corpus: Path) -> tuple:
    """Cheap fingerprint of the corpus folder (names, sizes, mtimes): edits invalidate."""
    if not corpus.exists():
        return ()
    out = []
    for root, dirs, files in os.walk(corpus):
        dirs[:] = [d for d in dirs if not d.startswith(".")]
        for name in files:
            try:
                stat = os.stat(os.path.join(root, name))
            except OSError:
                continue
            out.append((os.path.join(root, name), stat.st_size, stat.st_mtime_ns))
    return tuple(sorted(out))


@st.cache_data(show_spinner="Analysing the articles…", max_entries=8)
def _load(corpus: str, signature: tuple, uploads: tuple[tuple[str, bytes], ...]) -> BuildResult:
    """Cached per corpus folder state and upload set (st.cache_data hashes the arguments)."""
    sources = [Source(name, data) for name, data in uploads]
    return build(corpus, uploads=sources, workers=1)


def uploads() -> tuple[tuple[str, bytes], ...]:
    return tuple(st.session_state.get(UPLOADS, {}).items())


def load() -> BuildResult:
    """Tables of the session's corpus: the corpus folder plus this session's uploads."""
    corpus = corpus_from_argv()
    return _load(str(corpus), signature(corpus), uploads())
