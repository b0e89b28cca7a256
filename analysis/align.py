"""Aligning two articles paragraph by paragraph (and sentence by sentence), without machine
translation.

What survives translation anchors the alignment: numbers and years, actors (from the
`mentions` table, so "Mosca" and "Moscow" are the same anchor), proper names that the
gazetteer does not know ("Kamoshita", "Vostochny") and quotations; for two articles in the
same language, shared content words count too. A monotone dynamic programme in the spirit of
Gale & Church (1993) then chooses 1-1, 1-2 and 2-1 links, or leaves a paragraph unmatched
("only this source says it"), maximising the summed similarity above a threshold; a length
ratio far from what the two languages make likely lowers a link's score. Between two links of
a translation, the one or two paragraphs left over on each side are the same paragraphs
when their lengths fit (`fill_gaps`: short lines carry no anchors). Two articles
that are neither are only *related* where paragraphs share several anchors other than the
states they are about (`related_articles`).

    links = align.align_articles(tables, "000_…", "002_…")   # Link records
    found = align.find_pairs(tables)                           # translations and rewrites
    table = align.alignments(tables)                           # the contract's table
"""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass
from functools import cache
from itertools import combinations

import numpy as np
import pandas as pd

from analysis.languages import language_data
from analysis.schema import Tables, frame

NUMBER_RE = re.compile(r"\d+(?:[.,]\d+)*")
#: A capitalised word not inside another (the look-behind after the capital, so that the
#: search skips to capitals instead of testing the look-behind at every character)
NAME_RE = re.compile(r"([A-ZÀ-Ý](?<![\w’'][A-ZÀ-Ý])[\w’'-]{3,})")
CONTENT_RE = re.compile(r"[^\W\d_]{4,}")
QUOTE_RE = re.compile(r"[“\"«]")

#: weight of each kind of anchor in the similarity
WEIGHTS = {"N": 3.0, "A": 1.0, "W": 2.0, "Q": 0.5, "C": 0.7}
#: a link must score above this to beat leaving both sides unmatched
THRESHOLD = 0.18
#: unmatched paragraphs of both sides this similar are the same paragraph, moved
MOVED_THRESHOLD = 0.45
#: extra cost of a 1-2 or 2-1 link (a 1-1 link wins a tie)
MERGE_COST = 0.04
#: two articles are a translation or a rewrite when this share of one of them aligns with
#: links scoring at least PAIR_THRESHOLD (different articles on one story share actors and
#: reach ~0.5 at most on the seeds; an article and its translation 0.98)
PAIR_SHARE = 0.7
PAIR_THRESHOLD = 0.4
#: a translation whose paragraphs share few names and numbers scores lower link by link,
#: but its alignment still runs down the whole of both texts: articles in two languages
#: whose strong links reach TRANSLATION_SHARE and whose ordinary links take in
#: TRANSLATION_COVERAGE of the paragraphs of each are a translation (measured over the 26
#: written sets and the seeds in one corpus: the 17 translations cover 0.82-1.00, no other
#: pair more than 0.71)
TRANSLATION_SHARE = 0.5
TRANSLATION_COVERAGE = 0.8
#: and a pair in two languages is a translation only when its links (gaps filled) take in
#: this share of each side's body paragraphs: a translation renders its original paragraph
#: by paragraph, where two stories written in two languages from one set of facts (a week's
#: previews, two agencies' reports) each tell some of them their own way. Over the seeds and
#: the 35 written sets with translations: the 38 translations 0.86-1.00, the nine other
#: pairs that the shares above took for translations (written46, written47) 0.53-0.75
TRANSLATION_BODY = 0.8
#: between two links of a translation, the one or two paragraphs left unmatched on each side
#: are the same paragraphs (`fill_gaps`) unless their lengths are this unlikely for a
#: translation (`_length_chance`; Gale & Church's variance of the length difference per
#: character). In the 38 translations of the seeds and the 35 written sets with some, the 24
#: such gaps (25 paragraphs a side) all are; the least likely lengths: "What comes after" /
#: "E dopo" (0.16)
GAP_MAX = 2
GAP_LENGTH_CHANCE = 0.05
LENGTH_VARIANCE = 6.8
#: two articles that are not a translation or rewrite of each other (two stories on one
#: topic) are only related paragraph by paragraph, where a 1-1 link scores at least
#: RELATED_THRESHOLD on anchors other than the states they are about and shares at least
#: RELATED_ANCHORS of them: the states, or one shared date or name, are the topic itself.
#: Over the 2,244 pairs of other articles in the seeds and the 35 written sets with
#: translations: 125 links in 100 pairs, 21 of a sample of 24 telling the same fact (from 0.4
#: to 0.5 two in three, below 0.4 under half); run on the 38 translations, every such link
#: is one of their alignment's
RELATED_THRESHOLD = 0.5
RELATED_ANCHORS = 3
#: the paragraphs that can be related: what the writers wrote, not the date lines, bylines
#: and page residue that two pages of one day share
RELATED_KINDS = frozenset({"body", "headline"})
#: candidate pairs share at least this many rare anchors (numbers, names)
MIN_SHARED_ANCHORS = 3
#: anchors found in more articles than this are too common to suggest a pair
MAX_ANCHOR_ARTICLES = 50


@dataclass(frozen=True)
class Link:
    """Paragraphs `a` of article A linked to paragraphs `b` of article B (one side may be
    empty: unmatched), with the similarity that justified it."""

    a: tuple[int, ...]
    b: tuple[int, ...]
    score: float
    moved: bool = False  # B's paragraph sits elsewhere in its article (a rewrite's reordering)
    filled: bool = False  # linked by its place between two links, not by anchors (`fill_gaps`)

    @property
    def kind(self) -> str:
        return f"{len(self.a)}-{len(self.b)}"


@cache
def _stop_words(language: str) -> frozenset[str]:
    try:
        import spacy

        return frozenset(spacy.blank(language).Defaults.stop_words)
    except Exception:  # no such language in spaCy: fall back to our function words
        return language_data(language).function_words


def features(
    text: str,
    actors: list[str],
    language: str,
    *,
    content: bool,
    spans: list[tuple[int, int]] = (),
) -> Counter:
    """Anchors of one paragraph: numbers, actors, unknown proper names, quotes and (for a
    same-language comparison) content words. `spans` (offsets in `text`) are the actor
    mentions: their words count as the actor, not again as names or words."""
    out: Counter = Counter()
    for start, end in spans:
        text = text[:start] + " " * (end - start) + text[end:]
    for number in NUMBER_RE.findall(text):
        out["N:" + re.sub(r"[.,]", "", number)] += 1
    for actor in actors:
        out["A:" + actor] += 1
    stop = _stop_words(language)
    for i, match in enumerate(NAME_RE.finditer(text)):
        word = match.group(1).lower()
        if word not in stop and (i > 0 or match.start() > 0):
            out["W:" + word] += 1
    out["Q:"] += len(QUOTE_RE.findall(text))
    if content:
        for word in CONTENT_RE.findall(text.lower()):
            if word not in stop:
                out["C:" + word] += 1
    return out


def _norm(f: Counter) -> float:
    return math.sqrt(sum((WEIGHTS[k[0]] * v) ** 2 for k, v in f.items()))


def _cosine(fa: Counter, na: float, fb: Counter, nb: float) -> float:
    """`similarity` with both norms known."""
    if not fa or not fb or not na or not nb:
        return 0.0
    dot = sum(WEIGHTS[k[0]] ** 2 * min(fa[k], fb[k]) * max(fa[k], fb[k]) for k in fa.keys() & fb)
    return dot / (na * nb)


def similarity(fa: Counter, fb: Counter) -> float:
    """Weighted cosine of two anchor multisets, in [0, 1]."""
    if not fa or not fb:
        return 0.0
    return _cosine(fa, _norm(fa), fb, _norm(fb))


def _weighted(feats_a: list[Counter], feats_b: list[Counter]) -> tuple[np.ndarray, np.ndarray]:
    """Both sides' features as rows of weighted counts over their shared vocabulary."""
    vocab = {k: i for i, k in enumerate(sorted(set().union(*feats_a, *feats_b)))}
    weights = np.array([WEIGHTS[k[0]] for k in vocab])

    def rows(feats: list[Counter]) -> np.ndarray:
        out = np.zeros((len(feats), len(vocab)))
        for i, f in enumerate(feats):
            if f:
                keys, counts = zip(*f.items(), strict=True)
                out[i, [vocab[k] for k in keys]] = counts
        return out * weights

    return rows(feats_a), rows(feats_b)


def _length_factor(len_a, len_b, ratio: float):
    """1 when the lengths fit the languages' usual ratio, falling off as they diverge (0
    for an empty side); numbers or arrays."""
    with np.errstate(divide="ignore", invalid="ignore"):
        off = np.log((len_b / np.asarray(len_a, dtype=float)) / ratio)
        return np.where((len_a > 0) & (len_b > 0), np.exp(-(off**2) / (2 * 0.35**2)), 0.0)


def _link_scores(
    feats_a: list[Counter],
    feats_b: list[Counter],
    lengths_a: list[int],
    lengths_b: list[int],
    ratio: float,
    min_shared: int = 0,
) -> dict[tuple[int, int], np.ndarray]:
    """Every link's score, one table per link kind: `scores[(da, db)][i, j]` links `da`
    units of A from i with `db` units of B from j (a group's features are their sum): the
    weighted cosine times a length factor (computed at once, not cell by cell); 0 where the
    two sides share fewer than `min_shared` distinct anchors."""
    va, vb = _weighted(feats_a, feats_b)
    la, lb = np.asarray(lengths_a, dtype=float), np.asarray(lengths_b, dtype=float)

    def grouped(v: np.ndarray, lengths: np.ndarray, size: int) -> tuple[np.ndarray, ...]:
        if size == 2:
            v, lengths = v[:-1] + v[1:], lengths[:-1] + lengths[1:]
        return v, np.sqrt((v**2).sum(axis=1)), lengths

    out = {}
    for da, db in ((1, 1), (1, 2), (2, 1)):
        ga, na, sa = grouped(va, la, da)
        gb, nb, sb = grouped(vb, lb, db)
        if not len(ga) or not len(gb):
            out[(da, db)] = np.zeros((len(ga), len(gb)))
            continue
        norms = np.outer(na, nb)
        with np.errstate(divide="ignore", invalid="ignore"):
            cosine = np.where(norms > 0, (ga @ gb.T) / norms, 0.0)
        factor = _length_factor(sa[:, None], sb[None, :], ratio)
        if min_shared:
            cosine = np.where(
                (ga > 0).astype(int) @ (gb > 0).T.astype(int) >= min_shared, cosine, 0.0
            )
        # rounded so that equal links tie exactly, as the programme's order then decides
        out[(da, db)] = np.round(cosine * (0.5 + 0.5 * factor), 9)
    return out


def align(
    feats_a: list[Counter],
    feats_b: list[Counter],
    lengths_a: list[int],
    lengths_b: list[int],
    *,
    ratio: float = 1.0,
    threshold: float = THRESHOLD,
    min_shared: int = 0,
    moved_threshold: float = MOVED_THRESHOLD,
    merges: bool = True,
) -> list[Link]:
    """Monotone alignment of two sequences of paragraphs (or sentences). Returns every
    paragraph of both sides exactly once, in order: links and unmatched ones. A link shares
    at least `min_shared` distinct anchors, and is 1-1 only unless `merges`; paragraphs left
    unmatched on both sides are paired out of order when they score `moved_threshold` (see
    `_moved`)."""
    n, m = len(feats_a), len(feats_b)
    neg = -1e9
    best = [[neg] * (m + 1) for _ in range(n + 1)]
    back: list[list[tuple[int, int, float] | None]] = [[None] * (m + 1) for _ in range(n + 1)]
    best[0][0] = 0.0
    scores = _link_scores(feats_a, feats_b, lengths_a, lengths_b, ratio, min_shared)
    # the links worth more than leaving both sides unmatched, by the cell they start from
    moves_from: dict[tuple[int, int], list[tuple[int, int, float, float]]] = {}
    for (da, db), table in scores.items():
        if da + db == 3 and not merges:
            continue
        gains = table - threshold - (MERGE_COST if da + db == 3 else 0.0)
        for i, j in zip(*np.nonzero(gains > 0), strict=True):
            i, j = int(i), int(j)
            moves_from.setdefault((i, j), []).append(
                (da, db, float(gains[i, j]), float(table[i, j]))
            )

    for i in range(n + 1):
        for j in range(m + 1):
            here = best[i][j]
            if here == neg:
                continue
            moves = [(1, 0, 0.0, None), (0, 1, 0.0, None), *moves_from.get((i, j), ())]
            for da, db, gain, s in moves:
                ni, nj = i + da, j + db
                if ni <= n and nj <= m and here + gain > best[ni][nj]:
                    best[ni][nj] = here + gain
                    back[ni][nj] = (da, db, s if s is not None else 0.0)
    links: list[Link] = []
    i, j = n, m
    while i or j:
        da, db, s = back[i][j]
        links.append(Link(tuple(range(i - da, i)), tuple(range(j - db, j)), round(s, 4)))
        i, j = i - da, j - db
    return _moved(links[::-1], scores[(1, 1)], moved_threshold)


def _moved(links: list[Link], single: np.ndarray, threshold: float = MOVED_THRESHOLD) -> list[Link]:
    """Second pass for rewrites, which reorder: pair paragraphs left unmatched on both sides
    when they are clearly the same (greedy, best first, scoring at least `threshold`), shown
    at the first side's place. `single[i, j]` is the score of linking A's unit i with B's
    unit j."""
    lone_a = [k.a[0] for k in links if k.a and not k.b]
    lone_b = [k.b[0] for k in links if k.b and not k.a]
    scored = sorted(
        ((float(single[i, j]), i, j) for i in lone_a for j in lone_b),
        reverse=True,
    )
    paired: dict[int, tuple[int, float]] = {}
    used_b: set[int] = set()
    for score, i, j in scored:
        if score < threshold:
            break
        if i not in paired and j not in used_b:
            paired[i] = (j, score)
            used_b.add(j)
    if not paired:
        return links
    out = []
    for k in links:
        if k.a and not k.b and k.a[0] in paired:
            j, score = paired[k.a[0]]
            out.append(Link(k.a, (j,), round(score, 4), moved=True))
        elif k.b and not k.a and k.b[0] in used_b:
            continue
        else:
            out.append(k)
    return out


def _length_chance(len_a: int, len_b: int, ratio: float) -> float:
    """Gale & Church's (1993) chance that paragraphs of these lengths (characters) translate
    each other: the two-sided tail of their length difference, whose variance grows with the
    length, so that short lines may differ more in proportion than long ones."""
    mean = (len_a + len_b / ratio) / 2
    if mean <= 0:
        return 0.0
    delta = (len_b - len_a * ratio) / math.sqrt(LENGTH_VARIANCE * mean)
    return math.erfc(abs(delta) / math.sqrt(2))


def fill_gaps(
    links: list[Link],
    feats_a: list[Counter],
    feats_b: list[Counter],
    lengths_a: list[int],
    lengths_b: list[int],
    *,
    ratio: float = 1.0,
) -> list[Link]:
    """Link, in order, the paragraphs left unmatched between two links that follow each other
    on both sides when each side has the same few of them (`GAP_MAX`): in a translation they
    are the same paragraphs, though too short to carry anchors ("Here are four things to
    watch."), unless a pair's lengths are unlikely for a translation (`GAP_LENGTH_CHANCE`).
    Only for a known translation: in one language, shared words would have linked them."""

    def filled(i: int, j: int) -> Link:  # scored as `_link_scores` scores a 1-1 link
        fit = float(_length_factor(lengths_a[i], lengths_b[j], ratio))
        score = similarity(feats_a[i], feats_b[j]) * (0.5 + 0.5 * fit)
        return Link((i,), (j,), round(score, 4), filled=True)

    joined = [n for n, k in enumerate(links) if k.a and k.b and not k.moved]
    fills: dict[int, list[Link]] = {}  # the gap's first entry -> the links that replace it
    for before, after in zip(joined, joined[1:], strict=False):
        run_a = range(links[before].a[-1] + 1, links[after].a[0])
        run_b = range(links[before].b[-1] + 1, links[after].b[0])
        gap = links[before + 1 : after]
        lone_a = [i for k in gap if not k.b for i in k.a]
        lone_b = [j for k in gap if not k.a for j in k.b]
        if not 0 < len(run_a) == len(run_b) <= GAP_MAX or len(gap) != 2 * len(run_a):
            continue
        if lone_a != list(run_a) or lone_b != list(run_b):
            continue  # a paragraph moved in or out: not the same place on both sides
        pairs = list(zip(run_a, run_b, strict=True))
        if all(
            _length_chance(lengths_a[i], lengths_b[j], ratio) >= GAP_LENGTH_CHANCE for i, j in pairs
        ):
            fills[before + 1] = [filled(i, j) for i, j in pairs]
    out: list[Link] = []
    skip = 0
    for n, k in enumerate(links):
        if n in fills:
            out.extend(fills[n])
            skip = 2 * len(fills[n])
        if skip:
            skip -= 1
        else:
            out.append(k)
    return out


def _paragraph_actors(
    tables: Tables, article_id: str, starts: dict[int, int], *, states: bool = True
) -> tuple[dict[int, list[str]], dict[int, list[tuple[int, int]]]]:
    """Per paragraph: the actors mentioned (without the states a person or body belongs to,
    and without states named as such, when `states` is False), and the mention spans
    relative to it."""
    m = tables.mentions[tables.mentions["article_id"] == article_id]
    actors: dict[int, list[str]] = {}
    spans: dict[int, list[tuple[int, int]]] = {}
    for p, state, actor, start, end in zip(
        m["paragraph_no"],
        m["state_id"],
        m["actor_id"],
        m["start_char"],
        m["end_char"],
        strict=True,
    ):
        p = int(p)
        actors.setdefault(p, [])
        if states:
            actors[p].append(state)
        if actor != state:
            actors[p].append(actor)
        base = starts.get(p, 0)
        spans.setdefault(p, []).append((int(start) - base, int(end) - base))
    return actors, spans


def _expansion(language_a: str, language_b: str) -> float:
    """Typical length ratio B/A: Romance languages run ~12% longer than English."""
    longer = {"it": 1.12, "es": 1.12, "fr": 1.15, "pt": 1.1, "de": 1.1}
    return longer.get(language_b, 1.0) / longer.get(language_a, 1.0)


def article_units(
    tables: Tables, article_id: str, *, content: bool, topic: bool = True
) -> tuple[list[Counter], list[int], str]:
    """Anchor features and lengths of an article's paragraphs, and its language. Without
    `topic`, the anchors that only say what the story is about (the states, quotation marks)
    are left out."""
    p = tables.paragraphs[tables.paragraphs["article_id"] == article_id]
    lang = str(tables.articles.set_index("article_id").at[article_id, "language"])
    starts = dict(zip(p["paragraph_no"].astype(int), p["start_char"].astype(int), strict=True))
    actors, spans = _paragraph_actors(tables, article_id, starts, states=topic)
    feats = [
        features(text, actors.get(int(no), []), lang, content=content, spans=spans.get(int(no), []))
        for no, text in zip(p["paragraph_no"], p["text"], strict=True)
    ]
    if not topic:
        for f in feats:
            del f["Q:"]
    return feats, [len(t) for t in p["text"]], lang


def _languages(tables: Tables, article_a: str, article_b: str) -> tuple[str, str]:
    """The languages of two articles of the tables."""
    language = tables.articles.set_index("article_id")["language"]
    return str(language.at[article_a]), str(language.at[article_b])


def align_articles(
    tables: Tables, article_a: str, article_b: str, *, fill: bool = False
) -> list[Link]:
    """Paragraph alignment of any two articles of the tables; `fill` (for a known
    translation) links the lone paragraphs between two links (`fill_gaps`)."""
    lang_a, lang_b = _languages(tables, article_a, article_b)
    same, ratio = lang_a == lang_b, _expansion(lang_a, lang_b)
    fa, la, _ = article_units(tables, article_a, content=same)
    fb, lb, _ = article_units(tables, article_b, content=same)
    links = align(fa, fb, la, lb, ratio=ratio)
    return fill_gaps(links, fa, fb, la, lb, ratio=ratio) if fill else links


def related_articles(tables: Tables, article_a: str, article_b: str) -> list[Link]:
    """The paragraphs of two articles that are not a translation or rewrite of each other
    which report the same thing: 1-1 links of their body paragraphs and headlines
    (`RELATED_KINDS`), in either order, scoring `RELATED_THRESHOLD` on anchors other than the
    states (which two stories on one topic share everywhere) and sharing `RELATED_ANCHORS` of
    them; every other paragraph is unmatched."""
    lang_a, lang_b = _languages(tables, article_a, article_b)
    same = lang_a == lang_b
    paragraphs = tables.paragraphs

    def units(article: str) -> tuple[list[Counter], list[int]]:
        feats, lengths, _ = article_units(tables, article, content=same, topic=False)
        kinds = paragraphs.loc[paragraphs["article_id"] == article, "kind"]
        feats = [f if k in RELATED_KINDS else Counter() for f, k in zip(feats, kinds, strict=True)]
        return feats, lengths

    (fa, la), (fb, lb) = units(article_a), units(article_b)
    return align(
        fa,
        fb,
        la,
        lb,
        ratio=_expansion(lang_a, lang_b),
        threshold=RELATED_THRESHOLD,
        min_shared=RELATED_ANCHORS,
        moved_threshold=RELATED_THRESHOLD,
        merges=False,
    )


def align_sentences(
    tables: Tables, article_a: str, pars_a, article_b: str, pars_b
) -> list[tuple[tuple[int, ...], tuple[int, ...], float]]:
    """Sentence links (sent_no tuples) inside aligned paragraphs, where the two sides split
    their sentences differently."""
    s = tables.sentences
    langs = tables.articles.set_index("article_id")["language"]
    m = tables.mentions

    def side(article, pars):
        rows = s[(s["article_id"] == article) & s["paragraph_no"].isin(list(pars))]
        mm = m[m["article_id"] == article]
        feats = [
            features(
                text,
                list(mm.loc[mm["sent_no"] == no, "state_id"]),
                str(langs[article]),
                content=langs[article_a] == langs[article_b],
            )
            for no, text in zip(rows["sent_no"], rows["text"], strict=True)
        ]
        return list(rows["sent_no"]), feats, [len(t) for t in rows["text"]]

    na, fa, la = side(article_a, pars_a)
    nb, fb, lb = side(article_b, pars_b)
    links = align(
        fa,
        fb,
        la,
        lb,
        ratio=_expansion(str(langs[article_a]), str(langs[article_b])),
        threshold=THRESHOLD / 2,
    )
    return [(tuple(na[i] for i in k.a), tuple(nb[j] for j in k.b), k.score) for k in links]


def body_coverage(links: list[Link], body_a: list[int], body_b: list[int]) -> float:
    """The smaller of the two shares of body paragraphs (positions `body_*`, not headlines,
    bylines or page residue, which a translation may drop or add) that `links` join to the
    other side; 1 for a side without body paragraphs."""
    in_a = {i for k in links if k.a and k.b for i in k.a}
    in_b = {j for k in links if k.a and k.b for j in k.b}
    share_a = len(in_a.intersection(body_a)) / len(body_a) if body_a else 1.0
    share_b = len(in_b.intersection(body_b)) / len(body_b) if body_b else 1.0
    return min(share_a, share_b)


def aligned_share(links: list[Link], lengths_a: list[int], lengths_b: list[int]) -> float:
    """Share of the shorter article's text (characters) that sits in links."""
    in_a = sum(lengths_a[i] for k in links if k.a and k.b for i in k.a)
    in_b = sum(lengths_b[j] for k in links if k.a and k.b for j in k.b)
    total_a, total_b = sum(lengths_a) or 1, sum(lengths_b) or 1
    return max(in_a / total_a, in_b / total_b) if min(total_a, total_b) else 0.0


def linked_coverage(links: list[Link], count_a: int, count_b: int) -> float:
    """The smaller of the two shares of paragraphs (by number, not length) that `links`
    join to the other side."""
    in_a = sum(len(k.a) for k in links if k.a and k.b)
    in_b = sum(len(k.b) for k in links if k.a and k.b)
    return min(in_a / count_a, in_b / count_b) if count_a and count_b else 0.0


def article_anchors(text: str) -> str:
    """An article's numbers and capitalised words, space-separated: what a translation or a
    rewrite shares with it (stored in the articles table, computed once per article)."""
    anchors = {"N:" + re.sub(r"[.,]", "", n) for n in NUMBER_RE.findall(text) if len(n) >= 2}
    anchors |= {"W:" + w.lower() for w in NAME_RE.findall(text)}
    return " ".join(sorted(anchors))


def candidate_pairs(tables: Tables) -> list[tuple[str, str]]:
    """Article pairs sharing several rare anchors (numbers, names), found through an
    inverted index so that large corpora are not compared pair by pair (Arrow kernels do
    the splitting and counting)."""
    import pyarrow as pa
    import pyarrow.compute as pc

    articles = tables.articles
    stored = (
        articles["anchors"]
        if "anchors" in articles
        else articles["text"].map(lambda t: article_anchors(t or ""))
    )
    lists = pc.split_pattern(pa.array(stored.fillna(""), type=pa.string()), " ")
    lengths = pc.list_value_length(lists).to_numpy(zero_copy_only=False)
    flat = pc.list_flatten(lists)
    owner = np.repeat(np.arange(len(articles)), lengths)
    counts = pc.value_counts(flat)
    values, freq = counts.field("values"), counts.field("counts")
    rare = pc.filter(
        values, pc.and_(pc.greater_equal(freq, 2), pc.less_equal(freq, MAX_ANCHOR_ARTICLES))
    )
    keep = pc.is_in(flat, value_set=rare).to_numpy(zero_copy_only=False)
    if not keep.any():
        return []
    frame_ = pd.DataFrame(
        {
            "anchor": flat.filter(pa.array(keep)).to_numpy(zero_copy_only=False),
            "article": owner[keep],
        }
    ).drop_duplicates()
    ids = list(articles["article_id"])
    shared: Counter = Counter()
    for members in frame_.groupby("anchor")["article"].agg(list):
        shared.update(combinations(sorted(members), 2))
    return [(ids[a], ids[b]) for (a, b), n in shared.items() if n >= MIN_SHARED_ANCHORS]


def find_pairs(tables: Tables, memo: dict | None = None) -> pd.DataFrame:
    """Pairs of articles that tell the same text: article_a, article_b, share, relation
    (translation when their languages differ or the manifest says so, else rewrite), and
    their links (a translation's gaps filled, `fill_gaps`). A pair in two languages that the
    manifest does not declare must also link `TRANSLATION_BODY` of its body paragraphs.

    `memo` (optional) holds earlier results by the pair's content hashes, which cover the
    articles' text, metadata and the pipeline version: a pair found there is not aligned
    again. It is left holding this corpus's pairs only."""
    rows = []
    arts = tables.articles.set_index("article_id")
    declared = {
        tuple(sorted((a, t)))
        for a, t in zip(
            tables.articles["article_id"], tables.articles["translation_of"], strict=True
        )
        if isinstance(t, str) and t
    }
    units: dict[tuple[str, bool], tuple] = {}  # an article takes part in many pairs

    def unit(article: str, content: bool) -> tuple:
        if (article, content) not in units:
            units[(article, content)] = article_units(tables, article, content=content)
        return units[(article, content)]

    kinds = tables.paragraphs.groupby("article_id", sort=False)["kind"].agg(list)

    def body(article: str) -> list[int]:  # positions, as in `article_units`
        return [n for n, kind in enumerate(kinds.get(article, [])) if kind == "body"]

    known, fresh = memo or {}, {}
    hashes = arts.get("content_hash")
    for a, b in candidate_pairs(tables):
        lang_a, lang_b = str(arts.at[a, "language"]), str(arts.at[b, "language"])
        same = lang_a == lang_b
        key = f"{hashes[a]} {hashes[b]}" if hashes is not None else ""
        found = _unpack(known.get(key)) if key else None
        if found is None:
            fa, la, _ = unit(a, same)
            fb, lb, _ = unit(b, same)
            ratio = _expansion(lang_a, lang_b)
            strict = align(fa, fb, la, lb, ratio=ratio, threshold=PAIR_THRESHOLD)
            share = aligned_share(strict, la, lb)
            links = None
            if share >= PAIR_SHARE or (a, b) in declared:
                links = align(fa, fb, la, lb, ratio=ratio)
            elif not same and share >= TRANSLATION_SHARE:
                loose = align(fa, fb, la, lb, ratio=ratio)
                if linked_coverage(loose, len(la), len(lb)) >= TRANSLATION_COVERAGE:
                    links = loose
            if links is not None and (not same or (a, b) in declared):  # a translation
                links = fill_gaps(links, fa, fb, la, lb, ratio=ratio)
                undeclared = (a, b) not in declared  # so in two languages
                if undeclared and body_coverage(links, body(a), body(b)) < TRANSLATION_BODY:
                    links = None  # two stories told from one set of facts
            found = (share, links)
        if key:
            fresh[key] = _pack(*found)
        share, links = found
        if links is not None:
            translation = not same or (a, b) in declared
            rows.append((a, b, round(share, 3), "translation" if translation else "rewrite", links))
    if memo is not None:  # this corpus's pairs only
        memo.clear()
        memo.update(fresh)
    return pd.DataFrame(rows, columns=["article_a", "article_b", "share", "relation", "links"])


def _pack(share: float, links: list[Link] | None) -> list:
    """A pair's result as JSON-ready lists (links None: not a translation or rewrite)."""
    if links is None:
        return [share, None]
    return [share, [[list(k.a), list(k.b), k.score, k.moved, k.filled] for k in links]]


def _unpack(value) -> tuple[float, list[Link] | None] | None:
    """The inverse of `_pack`; None when the stored value is not what `_pack` writes (as
    one stored before links could be `filled`: it is aligned again)."""
    try:
        share, links = value
        if links is None:
            return float(share), None
        return float(share), [
            Link(
                tuple(int(i) for i in a),
                tuple(int(j) for j in b),
                float(score),
                bool(moved),
                bool(filled),
            )
            for a, b, score, moved, filled in links
        ]
    except (TypeError, ValueError):
        return None


def alignments(tables: Tables, memo: dict | None = None) -> pd.DataFrame:
    """The contract's `alignments` table: one row per aligned paragraph pair of the articles
    found to be translations or rewrites of each other (a 1-2 link gives two rows); `memo` as
    in `find_pairs`."""
    rows = []
    for pair in find_pairs(tables, memo).itertuples():
        for link in pair.links:
            for pa in link.a:
                for pb in link.b:
                    rows.append(
                        {
                            "article_a": pair.article_a,
                            "paragraph_a": pa,
                            "article_b": pair.article_b,
                            "paragraph_b": pb,
                            "score": link.score,
                            "link": link.kind,
                            "relation": pair.relation,
                            "pair_share": pair.share,
                        }
                    )
    return frame(
        "alignments",
        pd.DataFrame(
            rows,
            columns=[
                "article_a",
                "paragraph_a",
                "article_b",
                "paragraph_b",
                "score",
                "link",
                "relation",
                "pair_share",
            ],
        ),
    )
