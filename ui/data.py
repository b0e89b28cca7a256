"""Loading the corpus tables for the app: caching lives here, in the UI layer only."""

from __future__ import annotations

import argparse
import hashlib
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


def fingerprint(corpus: Path, uploads: tuple[tuple[str, bytes], ...]) -> str:
    """Names, sizes and modification times of the corpus files, plus the uploads' digests:
    cheap (no file is read), and any edit changes it."""
    digest = hashlib.blake2b(str(corpus).encode(), digest_size=16)
    if corpus.exists():
        for root, dirs, files in sorted(os.walk(corpus)):
            dirs[:] = [d for d in dirs if not d.startswith(".")]
            for name in sorted(files):
                try:
                    stat = os.stat(os.path.join(root, name))
                except OSError:
                    continue
                digest.update(f"{root}/{name}\0{stat.st_size}\0{stat.st_mtime_ns}\n".encode())
    for name, blob in uploads:
        digest.update(name.encode() + hashlib.blake2b(blob, digest_size=16).digest())
    return digest.hexdigest()


# cache_resource, not cache_data: the tables are large and never modified (analysis functions
# do not mutate their inputs), and cache_data would unpickle a fresh copy on every rerun.
@st.cache_resource(show_spinner="Analysing the articles…", max_entries=4)
def _load(corpus: str, key: str, _uploads: tuple[tuple[str, bytes], ...]) -> BuildResult:
    """Tables for one corpus state (`key` is its fingerprint, uploads included)."""
    sources = [Source(name, data) for name, data in _uploads]
    return build(corpus, uploads=sources, workers=1)


def uploads() -> tuple[tuple[str, bytes], ...]:
    return tuple(st.session_state.get(UPLOADS, {}).items())


def load() -> tuple[BuildResult, str]:
    """Tables of the session's corpus (the folder plus this session's uploads), and the
    fingerprint that names them."""
    corpus = corpus_from_argv()
    added = uploads()
    key = fingerprint(corpus, added)
    return _load(str(corpus), key, added), key


def view_key(data_key: str, filters_params: dict[str, str]) -> str:
    """A short string naming the data and the filters, to cache derived results with
    st.cache_data without hashing whole tables."""
    return hashlib.blake2b(
        repr((data_key, sorted(filters_params.items()))).encode(), digest_size=12
    ).hexdigest()
