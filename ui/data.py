"""Loading the corpus tables for the app: caching lives here, in the UI layer only."""

from __future__ import annotations

import argparse
import hashlib
import os
import sys
import threading
from collections import OrderedDict
from pathlib import Path

import streamlit as st

from analysis import Source, build, config
from analysis import terms as T
from analysis.pipeline import BuildResult

UPLOADS = "uploads"  # session_state key: {file name: bytes} added in this session
#: URL parameter naming the session's uploads on this server, so that a link (a reader link
#: opens a new session, a copied link another browser) brings them back
UPLOAD_PARAM = "uploads"
LOST = "uploads_lost"  # session_state key: a link named uploads this server no longer holds
TOKEN = "uploads_token"  # session_state key: the token of the session's uploads
#: The most bytes of uploads kept for links (the least recently used sets are let go)
KEPT_BYTES = 512_000_000


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


def token(files: dict[str, bytes]) -> str:
    """A name for one set of uploads: unguessable, and the same for the same files."""
    digest = hashlib.blake2b(digest_size=16)
    for name in sorted(files):
        digest.update(name.encode() + b"\0" + hashlib.blake2b(files[name]).digest())
    return digest.hexdigest()


class UploadStore:
    """Sets of uploaded files by token, in this server's memory, the least recently used let
    go beyond `limit` bytes (a server restart forgets them all)."""

    def __init__(self, limit: int = KEPT_BYTES) -> None:
        self.limit = limit
        self._sets: OrderedDict[str, dict[str, bytes]] = OrderedDict()
        self._lock = threading.Lock()

    def put(self, files: dict[str, bytes], key: str | None = None) -> str:
        """Keep `files` under their token (`key`, when the caller knows it); return it."""
        key = key or token(files)
        with self._lock:
            self._sets[key] = dict(files)
            self._sets.move_to_end(key)
            total = sum(len(b) for s in self._sets.values() for b in s.values())
            while total > self.limit and len(self._sets) > 1:
                _, dropped = self._sets.popitem(last=False)
                total -= sum(len(b) for b in dropped.values())
        return key

    def __contains__(self, key: str) -> bool:
        with self._lock:
            return key in self._sets

    def get(self, key: str) -> dict[str, bytes] | None:
        with self._lock:
            if key not in self._sets:
                return None
            self._sets.move_to_end(key)
            return dict(self._sets[key])


@st.cache_resource
def upload_store() -> UploadStore:
    """The one store of this server, shared by its sessions."""
    return UploadStore()


def uploads() -> tuple[tuple[str, bytes], ...]:
    """This session's uploads; a new session opened by a link takes those its URL names."""
    if UPLOADS not in st.session_state:
        files: dict[str, bytes] = {}
        if key := st.query_params.get(UPLOAD_PARAM):
            kept = upload_store().get(key)
            if kept is None:
                st.session_state[LOST] = True
            else:
                files, st.session_state[TOKEN] = kept, key
        st.session_state[UPLOADS] = files
    return tuple(st.session_state[UPLOADS].items())


def set_uploads(files: dict[str, bytes]) -> None:
    """Make `files` the session's uploads (`sync_url` keeps them for links to this view)."""
    st.session_state[UPLOADS] = dict(files)
    st.session_state.pop(TOKEN, None)


def sync_url() -> None:
    """Name the session's uploads in the URL (Streamlit clears it on a page change), and keep
    them on the server while the session lives (the store may have let them go)."""
    files = st.session_state.get(UPLOADS) or {}
    if not files:
        if UPLOAD_PARAM in st.query_params:
            del st.query_params[UPLOAD_PARAM]
        return
    key = st.session_state[TOKEN] = st.session_state.get(TOKEN) or token(files)
    if key not in upload_store():
        upload_store().put(files, key)
    if st.query_params.get(UPLOAD_PARAM) != key:
        st.query_params[UPLOAD_PARAM] = key


@st.cache_resource(show_spinner=False, max_entries=8)
def _prepare_terms(key: str, _result: BuildResult) -> threading.Thread:
    """Load, once per corpus state (`key`) and in the background, what the Words page needs
    for the corpus's languages: a build served from the cache loads no tokenizer, and the
    first word cloud waited 2.5–6 s for them."""
    languages = T.term_languages(_result.tables.sentences)
    thread = threading.Thread(
        target=T.prepare, args=(languages,), name="briefing-prepare-terms", daemon=True
    )
    thread.start()
    return thread


def load() -> tuple[BuildResult, str]:
    """Tables of the session's corpus (the folder plus this session's uploads), and the
    fingerprint that names them."""
    corpus = corpus_from_argv()
    added = uploads()
    key = fingerprint(corpus, added)
    result = _load(str(corpus), key, added)
    _prepare_terms(key, result)
    return result, key


def view_key(data_key: str, filters_params: dict[str, str]) -> str:
    """A short string naming the data and the filters, to cache derived results with
    st.cache_data without hashing whole tables."""
    return hashlib.blake2b(
        repr((data_key, sorted(filters_params.items()))).encode(), digest_size=12
    ).hexdigest()
