"""Every path and tunable of the project, in one place.

Paths are anchored on this file, never on the working directory. Environment variables
override the defaults so the CLI, the app, notebooks and tests agree on one corpus and cache.
"""

from __future__ import annotations

import hashlib
import os
from functools import cache
from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parent
PROJECT_ROOT = PACKAGE_DIR.parent
RESOURCES_DIR = PACKAGE_DIR / "resources"
LANGUAGES_DIR = RESOURCES_DIR / "languages"
#: Languages recognised without resources of their own, read with the multilingual fallback.
LANGUAGE_PROFILES = RESOURCES_DIR / "language_profiles.toml"
SENTIMENT_MODEL_DIR = RESOURCES_DIR / "sentiment"
#: The actor gazetteer; $BRIEFING_GAZETTEER points at a folder of the same layout instead.
GAZETTEER_DIR = Path(os.environ.get("BRIEFING_GAZETTEER") or RESOURCES_DIR / "gazetteer")

#: The embedded corpus: the five seed articles and their manifest.
DEFAULT_CORPUS = PROJECT_ROOT / "data"
CORPUS_ENV = "BRIEFING_CORPUS"
CACHE_ENV = "BRIEFING_CACHE"
LANGUAGES_ENV = "BRIEFING_LANGUAGES"
#: "off" skips the sentiment stage (benchmarks of the rest of the pipeline)
SENTIMENT_ENV = "BRIEFING_SENTIMENT"

#: File types read as articles, by suffix.
TEXT_SUFFIXES = (".txt", ".text")
MARKDOWN_SUFFIXES = (".md", ".markdown")
HTML_SUFFIXES = (".html", ".htm")
ARTICLE_SUFFIXES = TEXT_SUFFIXES + MARKDOWN_SUFFIXES + HTML_SUFFIXES
MANIFEST_NAMES = ("manifest.csv",)

#: One article larger than this is refused with a message (a news article is a few KB).
MAX_ARTICLE_BYTES = int(os.environ.get("BRIEFING_MAX_ARTICLE_BYTES", 5_000_000))

#: Languages the identifier chooses among (ISO 639-1); each needs resources/languages/<code>.toml.
DEFAULT_LANGUAGES = ("en", "it", "es", "fr", "de", "pt", "nl", "sv")
#: Language code of the multilingual fallback pipeline for text in no configured language.
UNKNOWN_LANGUAGE = "xx"

#: Builds with at least this many uncached articles use a process pool (two cores measured
#: faster with two plain worker processes than with spaCy's n_process).
PARALLEL_MIN_ARTICLES = 400
PARALLEL_WORKERS = max(1, min(2, os.cpu_count() or 1))
BATCH_SIZE = 100

#: Bump when the code changes what the tables contain; resource files are hashed in as well.
PIPELINE_CODE_VERSION = "102"


def corpus_dir(value: str | os.PathLike | None = None) -> Path:
    """The corpus folder: the argument, else $BRIEFING_CORPUS, else the embedded `data/`."""
    chosen = value or os.environ.get(CORPUS_ENV) or DEFAULT_CORPUS
    return Path(chosen).expanduser().resolve()


def cache_dir(value: str | os.PathLike | None = None) -> Path:
    """Where per-article results are cached: argument, $BRIEFING_CACHE, else the user cache."""
    chosen = value or os.environ.get(CACHE_ENV)
    if chosen:
        return Path(chosen).expanduser().resolve()
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "briefing"


@cache
def configured_languages() -> tuple[str, ...]:
    """The configured language set, restricted to languages that have a resource file
    (read once per process; call `configured_languages.cache_clear()` after changing it)."""
    raw = os.environ.get(LANGUAGES_ENV)
    wanted = [c.strip().lower() for c in raw.split(",")] if raw else list(DEFAULT_LANGUAGES)
    known = resource_languages()
    return tuple(c for c in dict.fromkeys(wanted) if c in known) or ("en",)


@cache
def resource_languages() -> frozenset[str]:
    """The languages with a resource file (resources/languages/<code>.toml)."""
    return frozenset(p.stem for p in LANGUAGES_DIR.glob("*.toml"))


@cache
def pipeline_version() -> str:
    """Code version plus a hash of every linguistic resource: editing data invalidates caches."""
    digest = hashlib.blake2b(PIPELINE_CODE_VERSION.encode(), digest_size=8)
    for folder in dict.fromkeys((RESOURCES_DIR, GAZETTEER_DIR)):
        for path in sorted(folder.rglob("*")):
            if path.is_file():  # where the repository lives does not matter, its files do
                digest.update(path.relative_to(folder).as_posix().encode())
                digest.update(path.read_bytes())
    digest.update(",".join(configured_languages()).encode())
    digest.update(str(sentiment_enabled()).encode())
    return digest.hexdigest()


def sentiment_enabled() -> bool:
    """Whether the pipeline scores sentiment (on unless $BRIEFING_SENTIMENT is "off")."""
    return os.environ.get(SENTIMENT_ENV, "").strip().lower() != "off"
