"""Term frequencies and distinctive terms over a set of sentences (word clouds, keyword in
context, "Fightin' Words" comparisons).

Terms come from the project's spaCy tokenizer, never from a regular expression: each
sentence is tokenised with its own language's pipeline, stop words are dropped *before*
lemmatising (spaCy's Italian lookup table maps "dei" to "dio"), elided articles and clitics
("l'", "dell'", "'s") are dropped, numbers are dropped, and the rest is lemmatised with the
lookup tables of `spacy-lookups-data` (the lowercase form where the table has no entry); a
word the text writes with a capital inside its sentences more often than without is shown so
("Kamoshita", "September").
Actor mentions (the `mentions` table) become one term each, written as in the text
("Security Council", "Kim Jong Un"), so multi-word names stay whole; `exclude_actors` drops
them (and their words) altogether.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_left
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache

import numpy as np
import pandas as pd

from analysis import config
from analysis.languages import language_data
from analysis.nlp import get_pipeline
from analysis.overview import actor_names, article_labels, top_actors
from analysis.schema import Tables

CORPUS, ARTICLE, LANGUAGE, SOURCE, ACTOR = "corpus", "article", "language", "source", "actor"
SCOPE_KINDS = (CORPUS, ARTICLE, LANGUAGE, SOURCE, ACTOR)

#: Columns of `term_occurrences` (offsets index articles.text, like the other tables).
OCCURRENCE_COLUMNS = [
    "article_id",
    "sent_no",
    "paragraph_no",
    "start_char",
    "end_char",
    "term",
    "is_actor",
]
#: Languages whose elided articles and prepositions end in an apostrophe (l'Ucraina).
ELIDING = frozenset({"it", "fr", "pt", "ca"})
#: An elided head is short ("dell'", "qu'", "nell'"); longer ones are words ("aujourd'hui").
MAX_ELIDED = 5
APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "`": "'", "´": "'", "ʼ": "'"})
#: Default prior size α0 of the informative Dirichlet prior (Monroe et al. 2008, §3.5).
ALPHA0 = 500.0


@dataclass(frozen=True)
class Scope:
    """Which sentences to count: the whole (filtered) corpus, one article, one language, one
    source, or the sentences that mention one actor (a state_id or an actor_id).

    Its string form ("corpus", "article:ID", "language:it", "source:NAME", "actor:JPN") is
    what the app keeps in the URL."""

    kind: str = CORPUS
    value: str = ""

    def __str__(self) -> str:
        return CORPUS if self.kind == CORPUS else f"{self.kind}:{self.value}"

    @classmethod
    def parse(cls, text: str) -> Scope:
        """Inverse of `str`; "" is the whole corpus. Raises ValueError for an unknown kind."""
        text = (text or "").strip()
        if text in ("", CORPUS):
            return cls()
        kind, sep, value = text.partition(":")
        if not sep or kind not in SCOPE_KINDS or kind == CORPUS or not value:
            raise ValueError(f"not a scope: {text!r}")
        return cls(kind, value)


def _sentence_languages(tables: Tables) -> pd.Series:
    """Each sentence's language: its own, else its article's, else the unknown language."""
    s = tables.sentences
    a = tables.articles
    by_article = dict(zip(a["article_id"], a["language"].astype(object).fillna(""), strict=True))
    lang = s["language"].astype(object).fillna("")
    lang = lang.where(lang != "", s["article_id"].astype(object).map(by_article).fillna(""))
    return lang.where(lang != "", config.UNKNOWN_LANGUAGE).astype(str)


def scope_sentences(tables: Tables, scope: Scope) -> pd.DataFrame:
    """The sentences (rows of `tables.sentences`) that `scope` covers, in table order."""
    s = tables.sentences
    if scope.kind == CORPUS:
        keep = pd.Series(True, index=s.index)
    elif scope.kind == ARTICLE:
        keep = s["article_id"] == scope.value
    elif scope.kind == LANGUAGE:
        keep = _sentence_languages(tables) == scope.value
    elif scope.kind == SOURCE:
        a = tables.articles
        keep = s["article_id"].isin(a.loc[a["source"] == scope.value, "article_id"])
    elif scope.kind == ACTOR:
        m = tables.mentions
        hit = m[(m["state_id"] == scope.value) | (m["actor_id"] == scope.value)]
        units = pd.MultiIndex.from_frame(hit[["article_id", "sent_no"]].astype(object))
        keep = pd.MultiIndex.from_frame(s[["article_id", "sent_no"]].astype(object)).isin(units)
        keep = pd.Series(keep, index=s.index)
    else:
        raise ValueError(f"unknown scope kind: {scope.kind!r}")
    return s[keep.fillna(False).astype(bool)].reset_index(drop=True)


def scope_options(tables: Tables, *, n_actors: int = 20, n_people: int = 10) -> list[Scope]:
    """Every scope worth offering for these tables: the corpus, each article, each language,
    each source, the most mentioned states and organisations, then the most mentioned
    people."""
    a = tables.articles
    options = [Scope()]
    options += [Scope(ARTICLE, i) for i in a["article_id"]]
    options += [Scope(LANGUAGE, c) for c in sorted(set(_sentence_languages(tables)))]
    options += [Scope(SOURCE, s) for s in sorted({s for s in a["source"].dropna() if s})]
    states = top_actors(tables, n_actors)
    options += [Scope(ACTOR, i) for i in states["actor_id"]]
    people = top_actors(tables, 10 * n_people, fold_persons=False)
    people = people[people["kind"] == "person"].head(n_people)
    options += [Scope(ACTOR, i) for i in people["actor_id"] if Scope(ACTOR, i) not in options]
    return options


def describe(scope: Scope, tables: Tables) -> str:
    """A label for people: 'Whole corpus', 'Article: title', 'Sentences mentioning Japan'."""
    if scope.kind == CORPUS:
        return "Whole corpus"
    if scope.kind == ARTICLE:
        label = article_labels(tables.articles, 60).get(scope.value, scope.value)
        return f"Article {label}"
    if scope.kind == LANGUAGE:
        return f"Language: {language_data(scope.value).name} ({scope.value})"
    if scope.kind == SOURCE:
        return f"Source: {scope.value}"
    name = actor_names(tables.mentions).get(scope.value, scope.value)
    return f"Sentences mentioning {name}"


def scope_labels(tables: Tables) -> dict[str, str]:
    """Every scope `scope_options` offers (as its string) with its label (`describe`), the
    articles' labels made once for all of them rather than once per article."""
    articles = article_labels(tables.articles, 60)
    return {
        str(s): f"Article {articles[s.value]}" if s.kind == ARTICLE else describe(s, tables)
        for s in scope_options(tables)
    }


#: Lemma tables of `spacy-lookups-data`, most trusted first: where a language has a table of
#: nouns (Italian), a noun reading wins over the mixed table, which maps e.g. "armi" (weapons)
#: to the verb "armare" and "esercito" (army) to "esercitare".
LEMMA_TABLES = ("lemma_lookup_noun", "lemma_lookup")


@cache
def _lemmas(lang: str) -> tuple[dict, ...]:
    """The lemma lookup tables of `spacy-lookups-data` for `lang` (none where it has none),
    loaded from the installed package: no network. Read as plain dicts: spaCy's `Table`
    hashes every key on loading, which took 8.7 s for the six languages of a mixed corpus
    (the Words page's first load), against 1.4 s for the dicts."""
    from spacy.util import load_language_data, registry

    try:
        data = registry.lookups.get(lang)
    except ValueError:  # no entry point for this language (catalogue's RegistryError)
        return ()
    return tuple(load_language_data(data[name]) for name in LEMMA_TABLES if name in data)


def lemma(word: str, lang: str) -> str:
    """`word`'s lemma, lowercase; the lowercase word where no table knows it."""
    lower = word.lower()
    for table in _lemmas(lang):
        found = table.get(word) or table.get(lower)
        if isinstance(found, list | tuple):  # some tables list several lemmas: take the first
            found = found[0] if found else None
        if isinstance(found, str) and found:
            return found.lower()
    return lower


def normalise(text: str) -> str:
    """NFKC, straight apostrophes, single spaces."""
    return " ".join(unicodedata.normalize("NFKC", text).translate(APOSTROPHES).split())


def word_term(text: str, lang: str, *, like_num: bool = False) -> str | None:
    """The term one token counts as, or None: stop words, punctuation, numbers, single
    letters, elided articles (l', dell') and clitics ('s, n't) are dropped; the rest is
    lemmatised (lowercase where the lookup table has no entry)."""
    s = normalise(text)
    if like_num or not s or s.startswith("'") or s.endswith("'"):
        return None  # a number word, a clitic ('s) or an elided word (l', dell')
    if "'" in s:  # an elision or a possessive the tokenizer left joined
        head, _, tail = s.rpartition("'")
        if lang in ELIDING and head.isalpha() and len(head) <= MAX_ELIDED:
            s = tail
        elif len(tail) <= 2:
            s = head
    if any(c.isdigit() for c in s) or sum(c.isalpha() for c in s) < 2:
        return None
    if INITIALISM_RE.fullmatch(s):
        return None  # "a.m.", "p.m.", "e.g.", "i.e.": letters and dots, no word
    s = s.strip("-.'")
    stops = get_pipeline(lang).Defaults.stop_words
    lower = s.lower()
    if lower in stops or text.lower() in stops:
        return None
    base = lemma(s, lang)
    return None if base in stops else base


#: Single letters joined by dots ("a.m.", "p.m.", "e.g.", "i.e."): time marks and Latin
#: abbreviations, no content word (a state written so, "U.S.", is counted as its mention)
INITIALISM_RE = re.compile(r"(?:[^\W\d_]\.){1,3}[^\W\d_]?\.?")


def mention_term(surface: str) -> str:
    """The term an actor mention counts as: its surface text normalised ('North Korea')."""
    s = normalise(surface)
    for suffix in ("'s", "'"):
        if s.endswith(suffix) and len(s) > len(suffix) + 1:
            s = s[: -len(suffix)]
    return s


def _name_key(term: str) -> str:
    """Spellings of one name that count as one term: case and hyphens ('Kim Jong-un')."""
    return " ".join(term.casefold().replace("-", " ").split())


def _languages(sentences: pd.DataFrame) -> pd.Series:
    """Each sentence's language as terms are read in it (none known: the fallback's)."""
    lang = sentences.get("language", pd.Series("", index=sentences.index)).astype(object)
    return lang.fillna("").replace("", config.UNKNOWN_LANGUAGE)


def term_languages(sentences: pd.DataFrame) -> list[str]:
    """The languages `term_occurrences` reads `sentences` in."""
    return sorted(set(_languages(sentences)))


def prepare(languages: Iterable[str]) -> None:
    """Load what counting terms in `languages` needs (spaCy's tokenizer, stop words and the
    lemma tables): ~3 s for a six-language corpus, French's tokenizer exceptions most of it.
    Done ahead, in the background, it spares the first word cloud that wait."""
    for lang in languages:
        nlp = get_pipeline(lang)
        _lemmas(nlp.lang)


def term_occurrences(
    sentences: pd.DataFrame, mentions: pd.DataFrame, *, exclude_actors: bool = False
) -> pd.DataFrame:
    """Every term occurrence in `sentences`: article_id, sent_no, paragraph_no, start_char,
    end_char (offsets in articles.text), term, is_actor.

    A mention inside a sentence is one term (its words are not counted on their own); with
    `exclude_actors` mentions and their words are left out. Spellings of one name that
    differ only in case or hyphens share the most frequent spelling."""
    if sentences.empty:
        return pd.DataFrame({c: pd.Series(dtype=object) for c in OCCURRENCE_COLUMNS})
    spans: dict[str, tuple[list[int], list[int], list[str]]] = {}
    articles = set(sentences["article_id"])
    m = mentions[mentions["article_id"].isin(articles)].sort_values(["article_id", "start_char"])
    for aid, group in m.groupby("article_id", sort=False):
        spans[aid] = (
            group["start_char"].astype(int).tolist(),
            group["end_char"].astype(int).tolist(),
            group["surface"].astype(str).tolist(),
        )
    rows: list[tuple] = []
    cased: dict[str, list[int]] = {}  # term -> inside-sentence counts: lower, Title, UPPER
    frame = sentences.assign(_lang=_languages(sentences))
    for lang, group in frame.groupby("_lang", sort=True):
        nlp = get_pipeline(lang)
        tokenizer_lang = nlp.lang
        #: where every noun is capitalised (German), capitals do not mark a name
        joins_no_names = language_data(lang).capitalised_nouns
        memo: dict[tuple[str, bool], tuple[str | None, int]] = {}  # term, case (`_case_of`)
        docs = nlp.tokenizer.pipe(group["text"].astype(str).tolist(), batch_size=256)
        for row, doc in zip(group.itertuples(index=False), docs, strict=True):
            aid, base = row.article_id, int(row.start_char)
            sent_no, para = int(row.sent_no), int(row.paragraph_no)
            starts, ends, surfaces = spans.get(aid, ((), (), ()))
            lo = bisect_left(starts, base)
            hi = bisect_left(starts, base + len(row.text))
            if not exclude_actors:
                for i in range(lo, hi):
                    rows.append(
                        (aid, sent_no, para, starts[i], ends[i], mention_term(surfaces[i]), True)
                    )
            in_sentence = False
            words: list[tuple[int, int, str, int]] = []  # start, end, term, case
            for tok in doc:
                start = base + tok.idx
                end = start + len(tok.text)
                j = bisect_left(starts, end, lo, hi) - 1
                if j >= lo and ends[j] > start:
                    words.append((start, end, "", -1))  # inside an actor mention: no name
                    continue
                key = (tok.text, tok.like_num)
                if key not in memo:
                    term = word_term(tok.text, tokenizer_lang, like_num=tok.like_num)
                    memo[key] = (term, _case_of(tok.text) if tok.is_alpha or term else -1)
                term, case = memo[key]
                words.append((start, end, term or "", case))
                if term and in_sentence:  # past the first word: is it written with a capital?
                    cased.setdefault(term, [0, 0, 0])[case] += 1
                if tok.is_alpha:  # a word ("L'" and quotes before the first one are not)
                    in_sentence = True
            names = [] if joins_no_names else _names(words, row.text, base)
            for start, end, term, _ in words:
                if term and not any(a <= start < b for a, b, _ in names):
                    rows.append((aid, sent_no, para, start, end, term, False))
            rows.extend((aid, sent_no, para, a, b, name, False) for a, b, name in names)
    out = pd.DataFrame(rows, columns=OCCURRENCE_COLUMNS)
    proper = {t: _capitalised(t, n) for t, n in cased.items() if n[1] + n[2] > n[0]}
    if proper:
        words = ~out["is_actor"]
        out.loc[words, "term"] = out.loc[words, "term"].map(lambda t: proper.get(t, t))
    names = out["is_actor"]
    if names.any():
        spelling = _spellings(mentions)
        out.loc[names, "term"] = out.loc[names, "term"].map(lambda t: spelling.get(_name_key(t), t))
    return out.sort_values(["article_id", "start_char"], kind="stable").reset_index(drop=True)


#: A sentence is in title case (a headline: its capitals mark no names) when most of its
#: stop words past the first word are capitalised ("Of", "From"), or, with none, when at
#: most this share of its other words is in lower case.
TITLE_CASE_LOWER = 0.2
#: The most words one name joins ("Kamala Devi Harris", "Wall Street Journal")
NAME_WORDS = 4


def _names(words: list[tuple[int, int, str, int]], text: str, base: int) -> list:
    """Runs of two or more capitalised words of a sentence, one space apart, that are no
    actor mention ("New York", "Hong Kong", "Wall Street Journal", "Ankit Panda"), as
    (start, end, name as written): one term each, not one per word. `words` are the
    sentence's tokens as (start, end, term, case), term "" for a token that counts for
    nothing alone (a stop word; case -1: a mention, punctuation)."""
    content = [w for w in words if w[2]]
    stops = [w[3] for w in words[1:] if not w[2] and w[3] >= 0]
    if stops:
        if sum(c > 0 for c in stops) * 2 > len(stops):
            return []
    elif len(content) >= 4 and sum(not w[3] for w in content) <= TITLE_CASE_LOWER * len(content):
        return []
    names = []
    run: list[tuple[int, int, str, int]] = []
    for word in [*words, (-1, -1, "", 0)]:
        if word[2] and word[3] > 0 and run and word[0] == run[-1][1] + 1 and len(run) < NAME_WORDS:
            run.append(word)
            continue
        if len(run) >= 2:
            first, last = run[0][0], run[-1][1]
            names.append((first, last, normalise(text[first - base : last - base])))
        run = [word] if word[2] and word[3] > 0 else []
    return names


def _case_of(word: str) -> int:
    """0 lowercase, 1 capitalised ("Kamoshita"), 2 all capitals ("ICBM"); an elided head
    ("dell'") does not count."""
    word = normalise(word).rpartition("'")[2] or word
    if word.isupper() and sum(c.isalpha() for c in word) > 1:
        return 2
    return 1 if word[:1].isupper() else 0


def _capitalised(term: str, counts: list[int]) -> str:
    """A term the text writes with capitals inside sentences, as it writes it: a name
    ("Kamoshita", "September", "Korean") or an acronym ("ICBM")."""
    return term.upper() if counts[2] > counts[1] else term[:1].upper() + term[1:]


def _spellings(mentions: pd.DataFrame) -> dict[str, str]:
    """One spelling per name key, chosen over the whole `mentions` table (not one
    selection's), so that two selections count a name under the same term: the actor's
    canonical name where it is the same name ('Kim Jong-un' -> 'Kim Jong Un'), else the most
    frequent spelling (ties: alphabetical)."""
    terms = mentions["surface"].astype(str).map(mention_term)
    keys = terms.map(_name_key)
    frame = pd.DataFrame({"key": keys, "term": terms})
    common = (
        frame.value_counts()
        .reset_index()
        .sort_values(["key", "count", "term"], ascending=[True, False, True])
        .drop_duplicates("key")
    )
    spelling = dict(zip(common["key"], common["term"], strict=True))
    if "actor_name" in mentions:
        for name in mentions["actor_name"].dropna().astype(str).unique():
            if _name_key(name) in spelling:
                spelling[_name_key(name)] = mention_term(name)
    return spelling


def tally(occurrences: pd.DataFrame) -> pd.DataFrame:
    """Term counts from `term_occurrences`: term, count, is_actor; most frequent first, ties
    alphabetical."""
    if occurrences.empty:
        return pd.DataFrame(
            {"term": pd.Series(dtype=object), "count": pd.Series(dtype=int), "is_actor": False}
        )
    out = (
        occurrences.groupby("term", sort=False)
        .agg(count=("term", "size"), is_actor=("is_actor", "any"))
        .reset_index()
    )
    out["count"] = out["count"].astype(int)
    return out.sort_values(["count", "term"], ascending=[False, True]).reset_index(drop=True)


def count_terms(
    sentences: pd.DataFrame, mentions: pd.DataFrame, *, exclude_actors: bool = False
) -> pd.DataFrame:
    """Term counts in a set of sentences: term, count, is_actor (see `term_occurrences`)."""
    return tally(term_occurrences(sentences, mentions, exclude_actors=exclude_actors))


def distinctive_terms(
    counts_a: pd.DataFrame,
    counts_b: pd.DataFrame,
    *,
    alpha0: float = ALPHA0,
    min_count: int = 1,
) -> pd.DataFrame:
    """Terms that tell selection A from selection B: the weighted log-odds ratio with an
    informative Dirichlet prior (Monroe, Colaresi & Quinn 2008, "Fightin' Words", §3.5).

    The prior is the two selections together: α_w = α0 · y_w / n. Then
    δ_w = log((y_wa + α_w) / (n_a + α0 − y_wa − α_w)) − log((y_wb + α_w) / (n_b + α0 − y_wb − α_w)),
    var(δ_w) ≈ 1/(y_wa + α_w) + 1/(y_wb + α_w), z = δ_w / √var. Positive z: more typical of A.
    Returns term, count_a, count_b, log_odds, z, by z descending (ties by term); terms seen
    fewer than `min_count` times in both together are left out."""
    a = counts_a.set_index("term")["count"] if len(counts_a) else pd.Series(dtype=float)
    b = counts_b.set_index("term")["count"] if len(counts_b) else pd.Series(dtype=float)
    df = pd.concat([a.rename("count_a"), b.rename("count_b")], axis=1).fillna(0)
    columns = ["term", "count_a", "count_b", "log_odds", "z"]
    if df.empty:
        return pd.DataFrame({c: pd.Series(dtype=object if c == "term" else float) for c in columns})
    ya, yb = df["count_a"].to_numpy(float), df["count_b"].to_numpy(float)
    na, nb = ya.sum(), yb.sum()
    y = ya + yb
    alpha = alpha0 * y / y.sum()
    with np.errstate(divide="ignore", invalid="ignore"):
        delta = np.log((ya + alpha) / (na + alpha0 - ya - alpha)) - np.log(
            (yb + alpha) / (nb + alpha0 - yb - alpha)
        )
        z = delta / np.sqrt(1.0 / (ya + alpha) + 1.0 / (yb + alpha))
    out = pd.DataFrame(
        {
            "term": df.index.astype(str),
            "count_a": ya.astype(int),
            "count_b": yb.astype(int),
            "log_odds": np.where(np.isfinite(delta), delta, 0.0),
            "z": np.where(np.isfinite(z), z, 0.0),
        }
    )
    out = out[out["count_a"] + out["count_b"] >= min_count]
    return out.sort_values(["z", "term"], ascending=[False, True]).reset_index(drop=True)


def keyword_in_context(
    occurrences: pd.DataFrame, sentences: pd.DataFrame, term: str, *, width: int = 70
) -> pd.DataFrame:
    """Each occurrence of `term` with its context inside its sentence: article_id, sent_no,
    paragraph_no, start_char, end_char, left, match (the words as written), right. Contexts
    are cut to `width` characters at a word boundary ('…' marks a cut)."""
    columns = [*OCCURRENCE_COLUMNS[:5], "left", "match", "right"]
    hits = occurrences[occurrences["term"] == term]
    if hits.empty:
        return pd.DataFrame({c: pd.Series(dtype=object) for c in columns})
    s = sentences[["article_id", "sent_no", "start_char", "text"]].rename(
        columns={"start_char": "sent_start"}
    )
    rows = hits.merge(s, on=["article_id", "sent_no"], how="left")
    out = []
    for r in rows.itertuples(index=False):
        text = "" if pd.isna(r.text) else str(r.text)
        a, b = int(r.start_char) - int(r.sent_start), int(r.end_char) - int(r.sent_start)
        out.append((*r[:5], _cut_left(text[:a], width), text[a:b], _cut_right(text[b:], width)))
    return pd.DataFrame(out, columns=columns)


def _cut_left(text: str, width: int) -> str:
    if len(text) <= width:
        return text
    cut = text[-width:]
    space = cut.find(" ")
    return "…" + (cut[space + 1 :] if 0 <= space < width // 2 else cut)


def _cut_right(text: str, width: int) -> str:
    if len(text) <= width:
        return text
    cut = text[:width]
    space = cut.rfind(" ")
    return (cut[:space] if space > width // 2 else cut) + "…"
