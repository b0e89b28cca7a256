"""Sentiment toward each state, sentence by sentence, and per article.

A sentence's target for a state is every mention in it that counts toward that state (its
name, capital, demonym, leaders). Two methods, and every row names the one that produced it:

* ``model``: English text, the fine-tuned target-dependent transformer of `analysis.tsc`
  (every state mention of a sentence is marked, one pass per sentence reads each mention as
  its own target, coordinated mentions ("Russia and North Korea") are read as the most
  polar of them, and a state's probabilities are the mean over its mentions).
* ``lexicon``: other languages with a lexicon (resources/sentiment/lexicons/<code>.csv):
  polar terms weighted by their distance to the target, negation flips the next term, a
  term inside another actor's name does not count.

Languages with neither get no rows, and `coverage` says so, rather than a silent "neutral".
Per (article, state): the mean score with a 95% interval; a label only with enough evidence.
"""

from __future__ import annotations

import csv
import math
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import cache

import numpy as np
import pandas as pd

from analysis import config, tsc
from analysis.languages import LETTERS_RE, language_name
from analysis.overview import by_name, named_sources
from analysis.schema import Tables

MODEL_LANGUAGES = frozenset({"en"})
#: fewer sentences than this: the article's stance toward a state gets no label
MIN_SENTENCES = 3
#: lexicon scores at or beyond this are polar
LEXICON_THRESHOLD = 0.25
#: tokens of distance at which a term's weight halves
LEXICON_HALF_DISTANCE = 6
#: another actor this many tokens closer to a term takes it ("Russia and North Korea" share)
LEXICON_CLOSER_BY = 4


@dataclass(frozen=True)
class Target:
    """One (sentence, state) pair to score; spans are offsets inside the sentence."""

    article_id: str
    sent_no: int
    paragraph_no: int
    state_id: str
    sentence: str
    language: str
    spans: tuple[tuple[int, int], ...]
    others: tuple[tuple[int, int], ...]  # mentions of other actors in the sentence


@dataclass(frozen=True)
class Lexicon:
    """Polar terms: (weight, scope); scope "after" marks a stance someone voices toward what
    follows ("condemned", "concern over"), which says nothing against the one voicing it;
    scope "before" a verb whose cause comes first and whose object only feels it ("X
    preocupa a Japón": X worries Japan), read as "after" behind a reflexive pronoun ("Japón
    se preocupa por X")."""

    exact: dict[str, tuple[float, str]]
    prefixes: tuple[tuple[str, float, str], ...]
    negators: frozenset[str]
    reflexives: frozenset[str] = frozenset()
    #: "against", "contra", "gegen": who follows one is the target of what precedes it
    against: frozenset[str] = frozenset()

    def weight(self, word: str) -> tuple[float, str]:
        if word in self.exact:
            return self.exact[word]
        for prefix, value, scope in self.prefixes:
            if word.startswith(prefix):
                return value, scope
        return 0.0, ""


@cache
def lexicon(language: str) -> Lexicon | None:
    """The language's lexicon: `term,weight[,scope]` rows; `term*` matches a prefix; weight
    `negator` marks a negation word, `reflexive` a reflexive pronoun; scope `after` limits a
    term to targets after it, `before` to targets before it."""
    path = config.SENTIMENT_MODEL_DIR / "lexicons" / f"{language}.csv"
    if not path.exists():
        return None
    exact: dict[str, tuple[float, str]] = {}
    prefixes: list[tuple[str, float, str]] = []
    negators: set[str] = set()
    reflexives: set[str] = set()
    against: set[str] = set()
    with open(path, encoding="utf-8", newline="") as f:
        for row in csv.DictReader(row for row in f if not row.startswith("#")):
            term, weight = row["term"].strip().lower(), row["weight"].strip()
            scope = (row.get("scope") or "").strip()
            if weight == "negator":
                negators.add(term)
            elif weight == "reflexive":
                reflexives.add(term)
            elif weight == "against":
                against.add(term)
            elif term.endswith("*"):
                prefixes.append((term[:-1], float(weight), scope))
            else:
                exact[term] = (float(weight), scope)
    prefixes.sort(key=lambda p: -len(p[0]))  # the longest prefix wins
    return Lexicon(
        exact, tuple(prefixes), frozenset(negators), frozenset(reflexives), frozenset(against)
    )


def method_for(language: str) -> str:
    """Which method scores text of `language` ("" when none does)."""
    if language in MODEL_LANGUAGES:
        return "model"
    return "lexicon" if lexicon(language) is not None else ""


def _overlaps(s: int, e: int, spans) -> bool:
    return any(a < e and s < b for a, b in spans)


def lexicon_score(target: Target) -> float:
    """A score in [-1, 1]: each polar term counts for the actor mention nearest to it (a
    term between two actors belongs to the closer), its weight decaying with distance; a
    stance term ("after") counts only for actors after it, a cause-first verb ("before") only
    for actors before it; a negator flips the next term."""
    lex = lexicon(target.language)
    if lex is None:
        return 0.0
    words = [(m.start(), m.end(), m.group().lower()) for m in LETTERS_RE.finditer(target.sentence)]
    mine = [k for k, (s, e, _) in enumerate(words) if _overlaps(s, e, target.spans)]
    theirs = [k for k, (s, e, _) in enumerate(words) if _overlaps(s, e, target.others)]
    if not mine:
        return 0.0
    against_at = [k for k, (_, _, word) in enumerate(words) if word in lex.against]
    total = 0.0
    for k, (s, e, word) in enumerate(words):
        if _overlaps(s, e, target.spans + target.others):
            continue  # part of an actor's name ("United", "Unite")
        value, scope = lex.weight(word)
        if not value:
            continue
        if any(words[j][2] in lex.negators for j in range(max(0, k - 3), k)):
            value = -value
        beside = {words[j][2] for j in (k - 1, k + 1) if 0 <= j < len(words)}
        if scope == "before" and not beside & lex.reflexives:  # "preocupa-se": reflexive too
            mine_k = [j for j in mine if j < k]
            theirs_k = [j for j in theirs if j < k]
        elif scope in ("after", "before"):
            mine_k = [j for j in mine if j > k]
            theirs_k = [j for j in theirs if j > k]
        else:
            mine_k, theirs_k = mine, theirs
        if against_at and scope != "after":
            # "attacchi contro il Libano": what is done against someone is not theirs (but
            # a stance toward what follows still is: "sanzioni contro la Russia")
            def done_to(j: int, k: int = k) -> bool:
                return j > k and any(k < a < j for a in against_at)

            mine_k = [j for j in mine_k if not done_to(j)]
            theirs_k = [j for j in theirs_k if not done_to(j)]
        if not mine_k:
            continue
        distance = min(abs(k - j) for j in mine_k)
        nearest_other = min((abs(k - j) for j in theirs_k), default=len(words))
        if nearest_other + LEXICON_CLOSER_BY <= distance:
            continue  # the term belongs to a clearly closer actor
        total += value * LEXICON_HALF_DISTANCE / (LEXICON_HALF_DISTANCE + distance)
    return math.tanh(total / 2)


def lexicon_scores(targets: Sequence[Target]) -> np.ndarray:
    """Probability-like rows (neg, neu, pos) from the lexicon method."""
    out = np.zeros((len(targets), 3), dtype=np.float32)
    for i, t in enumerate(targets):
        score = lexicon_score(t)
        if abs(score) < LEXICON_THRESHOLD:
            out[i] = (max(0.0, -score), 1 - abs(score), max(0.0, score))
        else:
            strength = 0.5 + abs(score) / 2
            out[i] = (strength, 1 - strength, 0.0) if score < 0 else (0.0, 1 - strength, strength)
    return out


def targets_of(
    article_id: str,
    sentences: Sequence[tuple[int, int, int, str, str]],
    mentions: Sequence[tuple[int, int, int, str]],
) -> list[Target]:
    """(sentence, state) pairs of one article.

    sentences: (sent_no, paragraph_no, start_char, text, language);
    mentions: (sent_no, start_char, end_char, state_id).
    """
    by_sentence: dict[int, list[tuple[int, int, str]]] = {}
    for sent_no, start, end, state in mentions:
        if state:
            by_sentence.setdefault(sent_no, []).append((start, end, state))
    out = []
    for sent_no, paragraph_no, offset, text, language in sentences:
        found = by_sentence.get(sent_no)
        if not found or not method_for(language):
            continue
        for state in dict.fromkeys(s for _, _, s in found):
            spans = tuple((a - offset, b - offset) for a, b, s in found if s == state)
            others = tuple((a - offset, b - offset) for a, b, s in found if s != state)
            out.append(
                Target(article_id, sent_no, paragraph_no, state, text, language, spans, others)
            )
    return out


#: what joins two conjuncts: a comma, "and" or "or" (a list needs an "and" or "or" somewhere)
CONJUNCTION_RE = re.compile(r",\s*|,?\s+(and|or)\s+")


def conjuncts(sentence: str, spans: Sequence[tuple[int, int]]) -> list[list[int]]:
    """Groups (indices into `spans`) of mentions coordinated in a list: "between Russia and
    North Korea", "the United States, Japan and South Korea". Conjuncts fill one role in
    their clause, and annotators give them one label (251 of the 253 such pairs of the
    in-domain training set), where the model may read one of them weakly (North Korea beside
    Russia): a group is read as its most polar mention reads it. Commas alone make no list
    ("to Russia, U.S. officials said"), and a list ends at its "and"."""
    order = sorted(range(len(spans)), key=lambda k: spans[k])
    groups, chain, joined = [], order[:1], False
    for a, b in zip(order, order[1:], strict=False):
        link = None
        if not joined and spans[a][1] <= spans[b][0]:  # the list ends at its "and"
            link = CONJUNCTION_RE.fullmatch(sentence, spans[a][1], spans[b][0])
        if link:
            chain.append(b)
            joined = link.group(1) is not None
            continue
        if joined:
            groups.append(chain)
        chain, joined = [b], False
    if joined:
        groups.append(chain)
    return groups


def model_reading(
    items: Sequence[tsc.Item], model: tsc.TargetModel | None = None
) -> tuple[np.ndarray, np.ndarray]:
    """The model's probabilities for every target of these sentences, one pass per sentence,
    coordinated mentions reading as the most polar of them reads (`conjuncts`); and for each
    target, the index of the target whose reading it carries (its own, or a list partner's)."""
    per_mention = (model or tsc.shared_model()).predict(items)
    source = np.arange(len(per_mention))
    first = 0
    for item in items:
        end = first + len(item.targets)
        source[first:end] = first + share_lists(item, per_mention[first:end])
        first = end
    return per_mention, source


def share_lists(item: tsc.Item, probs: np.ndarray) -> np.ndarray:
    """Give the mentions of each list of `item` (`conjuncts`) the most polar reading among
    them, in place in `probs` (one row per target); for each target, the target whose
    reading it now carries."""
    source = np.arange(len(probs))
    for group in conjuncts(item.sentence, [target[0] for target in item.targets]):
        polarity = np.abs(probs[group, 2] - probs[group, 0])
        chosen = group[int(polarity.argmax())]
        probs[group] = probs[chosen]
        source[group] = chosen
    return source


def score_targets(targets: Sequence[Target]) -> tuple[np.ndarray, list[str], list[str]]:
    """Class probabilities (neg, neu, pos), the method of each target, and the states whose
    reading it shares as their list partner ("PRK;CHN", "" when none)."""
    probs = np.zeros((len(targets), 3), dtype=np.float32)
    methods = [method_for(t.language) for t in targets]
    partners: dict[int, dict[str, None]] = {}
    by_model = [i for i, m in enumerate(methods) if m == "model"]
    if by_model:
        # One input per sentence with every state mention marked, one target per mention (as
        # the model was trained: each annotated mention its own target); coordinated mentions
        # share the most polar reading, and a state's probabilities are the mean over its
        # mentions in the sentence.
        sentences: dict[tuple[str, int], list[int]] = {}
        for i in by_model:
            sentences.setdefault((targets[i].article_id, targets[i].sent_no), []).append(i)
        items, owner = [], []
        for members in sentences.values():
            spans = []
            for i in members:
                for span in dict.fromkeys(targets[i].spans):
                    spans.append((span,))
                    owner.append(i)
            items.append(tsc.Item(targets[members[0]].sentence, tuple(spans)))
        per_mention, source = model_reading(items)
        for row, i in enumerate(owner):
            other = owner[source[row]]
            if other != i:
                partners.setdefault(i, {})[targets[other].state_id] = None
        sums = np.zeros_like(probs)
        counts = np.zeros(len(targets), dtype=np.float32)
        np.add.at(sums, owner, per_mention)
        np.add.at(counts, owner, 1.0)
        probs[by_model] = sums[by_model] / counts[by_model, None]
    by_lexicon = [i for i, m in enumerate(methods) if m == "lexicon"]
    if by_lexicon:
        probs[by_lexicon] = lexicon_scores([targets[i] for i in by_lexicon])
    return probs, methods, [";".join(partners.get(i, ())) for i in range(len(targets))]


def rows(targets: Sequence[Target]) -> dict[str, list]:
    """The sentiment table's columns for these targets."""
    probs, methods, read_with = score_targets(targets)
    labels = [tsc.LABELS[k] for k in probs.argmax(axis=1)] if len(targets) else []
    return {
        "article_id": [t.article_id for t in targets],
        "sent_no": [t.sent_no for t in targets],
        "actor_id": [t.state_id for t in targets],
        "label": labels,
        "score": [round(float(p[2] - p[0]), 4) for p in probs],
        "paragraph_no": [t.paragraph_no for t in targets],
        "method": methods,
        "p_neg": [round(float(p[0]), 4) for p in probs],
        "p_neu": [round(float(p[1]), 4) for p in probs],
        "p_pos": [round(float(p[2]), 4) for p in probs],
        "spans": [";".join(f"{a}:{b}" for a, b in t.spans) for t in targets],
        "language": [t.language for t in targets],
        "via": [""] * len(targets),
        "read_with": read_with,
    }


def interval(scores: np.ndarray) -> tuple[float, float, float]:
    """Mean and a 95% interval (normal approximation; a single sentence spans the scale)."""
    n = len(scores)
    mean = float(scores.mean()) if n else 0.0
    if n < 2:
        return mean, -1.0, 1.0
    half = 1.96 * float(scores.std(ddof=1)) / math.sqrt(n)
    return mean, max(-1.0, mean - half), min(1.0, mean + half)


def stance(mean: float, low: float, high: float, n: int, n_neg: int, n_pos: int) -> str:
    """neg/pos when the scores' interval excludes 0 and so does the interval of the
    sentences' labels read as -1/0/+1 (a lean of neutral sentences' scores is no stance, nor
    is one positive sentence among six), neu when the interval is narrow or no sentence is
    polar, else ''."""
    if n < MIN_SENTENCES:
        return ""
    balance = (n_pos - n_neg) / n
    spread = math.sqrt(max((n_pos + n_neg) / n - balance**2, 0.0) * n / (n - 1))
    half = 1.96 * spread / math.sqrt(n)
    if high < 0 and balance + half < 0:
        return "neg"
    if low > 0 and balance - half > 0:
        return "pos"
    return "neu" if high - low <= 0.6 or n_neg == n_pos == 0 else ""


def article_sentiment(sentiment: pd.DataFrame) -> pd.DataFrame:
    """One row per (article, state): n_sentences, mean score, its 95% interval, label."""
    out: dict[str, list] = {
        k: []
        for k in (
            "article_id",
            "actor_id",
            "n_sentences",
            "score",
            "label",
            "low",
            "high",
            "n_neg",
            "n_neu",
            "n_pos",
            "method",
        )
    }
    if sentiment.empty:
        return pd.DataFrame(out)
    for (article, actor), group in sentiment.groupby(["article_id", "actor_id"], sort=True):
        scores = group["score"].to_numpy(dtype=float)
        mean, low, high = interval(scores)
        counts = group["label"].value_counts()
        n_neg, n_pos = int(counts.get("neg", 0)), int(counts.get("pos", 0))
        out["article_id"].append(article)
        out["actor_id"].append(actor)
        out["n_sentences"].append(len(group))
        out["score"].append(round(mean, 4))
        out["label"].append(stance(mean, low, high, len(group), n_neg, n_pos))
        out["low"].append(round(low, 4))
        out["high"].append(round(high, 4))
        for label in tsc.LABELS:
            out[f"n_{label}"].append(int(counts.get(label, 0)))
        out["method"].append("+".join(sorted(set(group["method"]))))
    return pd.DataFrame(out)


def _naming_a_state(tables: Tables) -> pd.DataFrame:
    """The sentences that name a state (the ones a sentiment method would score)."""
    states = tables.mentions[tables.mentions["state_id"].fillna("") != ""]
    named = states[["article_id", "sent_no"]].drop_duplicates()
    return tables.sentences.merge(named, on=["article_id", "sent_no"])


def coverage(tables: Tables) -> pd.DataFrame:
    """Per language of the corpus: its method and how many sentences with a state it has."""
    counts = _naming_a_state(tables).groupby("language").size()
    return pd.DataFrame(
        {
            "language": counts.index,
            "sentences_with_a_state": counts.to_numpy(),
            "method": [method_for(lang) or "none" for lang in counts.index],
        }
    )


def unscored(tables: Tables) -> pd.DataFrame:
    """Articles that name a state in a language no method scores: article_id, language,
    sentences_with_a_state (their sentences get no sentiment rows, never a silent neutral)."""
    sentences = _naming_a_state(tables)
    language = sentences["language"].fillna("")
    methods = {lang: method_for(lang) for lang in language.unique()}
    sentences = sentences[language.map(methods).eq("").to_numpy()]
    counts = sentences.groupby(["article_id", "language"]).size()
    return counts.rename("sentences_with_a_state").reset_index()


def source_names(articles: pd.DataFrame) -> pd.Series:
    """Each article's source (outlet) by article_id, UNKNOWN_SOURCE when it has none."""
    return named_sources(articles.set_index("article_id")["source"])


def by_source(tables: Tables, actor: str) -> pd.DataFrame:
    """Per source (outlet), the mean sentence score toward `actor`, translations counted
    once (the original stands for its translations)."""
    from analysis.comention import duplicate_articles

    arts = tables.articles
    keep = set(arts["article_id"]) - duplicate_articles(tables)
    s = tables.sentiment
    s = s[(s["actor_id"] == actor) & s["article_id"].isin(keep)]
    if s.empty:
        return pd.DataFrame(columns=["source", "score", "low", "high", "n_sentences", "articles"])
    s = s.assign(source=s["article_id"].map(source_names(arts)))
    out = []
    for source, group in s.groupby("source", sort=False):
        mean, low, high = interval(group["score"].to_numpy(dtype=float))
        out.append((source, round(mean, 4), low, high, len(group), group["article_id"].nunique()))
    frame = pd.DataFrame(out, columns=["source", "score", "low", "high", "n_sentences", "articles"])
    return frame.sort_values("score", kind="stable").reset_index(drop=True)


ROW_ORDERS = ("published", "negative", "title", "source")
COLUMN_ORDERS = ("sentences", "negative", "alphabetical")


def order_rows(cells: pd.DataFrame, articles: pd.DataFrame, how: str = "published") -> list[str]:
    """Article ids of the heatmap's rows: by publication date, most negative first, title or
    source (ties by id)."""
    arts = articles.set_index("article_id")
    ids = sorted(set(cells["article_id"]))
    if how == "negative":
        mean = cells.groupby("article_id")["score"].mean()
        return sorted(ids, key=lambda a: (float(mean.get(a, 0.0)), a))
    if how in ("title", "source"):
        return sorted(ids, key=lambda a: (str(arts.at[a, how] or "").lower(), a))
    return sorted(ids, key=lambda a: (str(arts.at[a, "published"] or "9999"), a))


def order_columns(
    cells: pd.DataFrame,
    how: str = "sentences",
    top: int = 12,
    names: Mapping[str, str] | None = None,
) -> list[str]:
    """The `top` states with the most scored sentences, ordered by that count, by mean score
    (most negative first) or alphabetically (by the `names` shown, else by id)."""
    counts = cells.groupby("actor_id")["n_sentences"].sum().sort_values(ascending=False)
    chosen = list(counts.index[:top])
    if how == "negative":
        weighted = (cells["score"] * cells["n_sentences"]).groupby(cells["actor_id"]).sum()
        return sorted(chosen, key=lambda a: (float(weighted[a] / counts[a]), a))
    if how == "alphabetical":
        return by_name(chosen, names)
    return chosen


def evidence(tables: Tables, article_id: str, actor_id: str) -> pd.DataFrame:
    """The sentences behind one cell: text, spans of the target (offsets in the sentence),
    label, score, method, paragraph_no (for the reader), via (the translation a projected
    reading came through) and read_with (list partners whose reading the state shares)."""
    s = tables.sentiment
    s = s[(s["article_id"] == article_id) & (s["actor_id"] == actor_id)]
    sentences = tables.sentences[["article_id", "sent_no", "text"]]
    out = s.merge(sentences, on=["article_id", "sent_no"], how="left")
    columns = ["article_id", "sent_no", "paragraph_no", "text", "label", "score", "method"]
    columns += ["p_neg", "p_neu", "p_pos", "spans", "via", "read_with"]
    return out[columns].sort_values("sent_no", kind="stable").reset_index(drop=True)


def parse_spans(value: str) -> list[tuple[int, int]]:
    """'3:9;20:26' → [(3, 9), (20, 26)]."""
    return [(int(a), int(b)) for a, b in (p.split(":") for p in str(value or "").split(";") if p)]


def report() -> dict:
    """What the shipped methods scored (resources/sentiment/report.json, written from the
    evaluation runs); empty when the file is missing."""
    import json

    path = config.SENTIMENT_MODEL_DIR / "report.json"
    return json.loads(path.read_text(encoding="utf-8")) if path.exists() else {}


def lexicon_languages() -> list[str]:
    """The languages a lexicon reads (those the model reads aside), in the order the README
    gives the configured ones, then by code."""
    codes = [p.stem for p in (config.SENTIMENT_MODEL_DIR / "lexicons").glob("*.csv")]
    order = {c: i for i, c in enumerate(config.DEFAULT_LANGUAGES)}
    return sorted(
        (c for c in codes if c not in MODEL_LANGUAGES), key=lambda c: (order.get(c, 99), c)
    )


def method_notes() -> str:
    """Markdown for the page's "How this is measured"."""
    measured = report()
    lines = [
        "**Sentence level.** Each sentence that names a state is scored toward that state: "
        "the state's mentions (its name, capital, demonym, leaders) are the target.",
        "",
        "- *model* (English): the first 4 layers of all-MiniLM-L6-v2, fine-tuned for "
        "target-dependent sentiment on NewsMTSC (political news) and on geopolitical sentences "
        "written and labelled for this project (none from the embedded articles), distilled "
        "from the full 6-layer model, int8 ONNX. One pass per sentence reads "
        'every mention; mentions in one list ("Russia and North Korea") share the most polar '
        "reading among them; a state's reading is the mean over its mentions; "
        "score = P(positive) − P(negative).",
        f"- *lexicon* ({', '.join(language_name(c) for c in lexicon_languages())}): a domain "
        "lexicon kept as "
        "data; each polar term counts for the actor nearest to it, decaying with distance; "
        'stance words ("condemned", "concern over") count for what follows them; negation '
        "flips. Languages with neither get no rows (listed below), never a silent neutral.",
        "",
        "**Article level.** Mean sentence score, its 95% interval, and a stance label only "
        f"with at least {MIN_SENTENCES} sentences and an interval clear of zero.",
    ]
    if measured:
        lines += ["", "**Measured accuracy** (macro-F1 = mean F1 over neg, neu, pos):", ""]
        lines += ["| yardstick | method | result |", "|---|---|---|"]
        for row in measured.get("results", []):
            lines.append(f"| {row['yardstick']} | {row['method']} | {row['result']} |")
        if measured.get("note"):
            lines += ["", measured["note"]]
    return "\n".join(lines)


def _sentence_pairs(tables: Tables, a: str, b: str, links: pd.DataFrame) -> dict[int, set[int]]:
    """For each sentence of article b, the sentences of a it corresponds to: inside each group
    of aligned paragraphs (one paragraph, or the two that a 1-2 or 2-1 link joins, read as
    one), sentences are matched by their relative position in the group's text."""
    sents = tables.sentences
    by_par = {
        aid: {
            p: list(zip(g["sent_no"], g["start_char"], g["end_char"], strict=True))
            for p, g in sents[sents["article_id"] == aid].groupby("paragraph_no")
        }
        for aid in (a, b)
    }
    # paragraphs linked to each other, directly or through a shared paragraph
    groups: list[tuple[set[int], set[int]]] = []
    linked = zip(links["paragraph_a"].astype(int), links["paragraph_b"].astype(int), strict=True)
    for pa, pb in linked:
        joined = [g for g in groups if pa in g[0] or pb in g[1]]
        merged = ({pa}, {pb})
        for g in joined:
            merged[0].update(g[0])
            merged[1].update(g[1])
            groups.remove(g)
        groups.append(merged)
    out: dict[int, set[int]] = {}
    for pas, pbs in groups:
        sa = _spans_along([by_par[a].get(p, []) for p in sorted(pas)])
        sb = _spans_along([by_par[b].get(p, []) for p in sorted(pbs)])
        for no_b, lo, hi in sb:
            for no_a, alo, ahi in sa:
                if min(hi, ahi) - max(lo, alo) > 0.25 * min(hi - lo, ahi - alo):
                    out.setdefault(int(no_b), set()).add(int(no_a))
    return out


def _spans_along(paragraphs: list[list[tuple[int, int, int]]]) -> list[tuple[int, float, float]]:
    """(sentence, start, end) as shares of the paragraphs' joined length, in order (each
    paragraph from its first sentence's start to its last one's end)."""
    lengths = [max(1, p[-1][2] - p[0][1]) if p else 0 for p in paragraphs]
    total = max(1, sum(lengths))
    out, done = [], 0
    for sentences, length in zip(paragraphs, lengths, strict=True):
        for no, start, end in sentences:
            lo = sentences[0][1]
            out.append((no, (done + start - lo) / total, (done + end - lo) / total))
        done += length
    return out


def project(tables: Tables) -> pd.DataFrame:
    """The sentiment table with translations read through their original: a sentence of an
    article scored by the lexicon whose aligned sentence in its translation counterpart was
    scored by the model toward the same state takes the model's reading (method
    `projected`), so an article and its translation tell the same story. Other rows stay."""
    s = tables.sentiment
    if s.empty or tables.alignments.empty:
        return s
    al = tables.alignments
    al = al[al["relation"] == "translation"]
    methods = s.groupby("article_id")["method"].agg(lambda m: set(m))
    out = s.copy()
    out["via"] = out["via"].astype(object)
    out["read_with"] = out["read_with"].astype(object)
    for (a, b), links in al.groupby(["article_a", "article_b"], sort=False):
        if "model" in methods.get(b, set()) and "lexicon" in methods.get(a, set()):
            a, b = b, a
            links = links.rename(
                columns={"paragraph_a": "paragraph_b", "paragraph_b": "paragraph_a"}
            )
        if "model" not in methods.get(a, set()) or "lexicon" not in methods.get(b, set()):
            continue
        pairs = _sentence_pairs(tables, a, b, links)
        source = s[(s["article_id"] == a) & (s["method"] == "model")]
        reading = {
            (int(n), actor): (pn, pu, pp)
            for n, actor, pn, pu, pp in zip(
                source["sent_no"],
                source["actor_id"],
                source["p_neg"],
                source["p_neu"],
                source["p_pos"],
                strict=True,
            )
        }
        rows = out.index[(out["article_id"] == b) & (out["method"] == "lexicon")]
        for i in rows:
            found = [
                reading[(n, out.at[i, "actor_id"])]
                for n in sorted(pairs.get(int(out.at[i, "sent_no"]), ()))
                if (n, out.at[i, "actor_id"]) in reading
            ]
            if not found:
                continue
            p = np.mean(np.array(found, dtype=float), axis=0)
            out.loc[i, ["p_neg", "p_neu", "p_pos"]] = np.round(p, 4)
            out.at[i, "score"] = round(float(p[2] - p[0]), 4)
            out.at[i, "label"] = tsc.LABELS[int(p.argmax())]
            out.at[i, "method"] = "projected"
            out.at[i, "via"] = a
            out.at[i, "read_with"] = ""
    return out
