"""Score the pipeline on the annotated articles in bench/written, written2 … written17 and
openings (see their READMEs).

    python bench/score_written.py [--set written|written2|…|written17|openings] [--manifest]
                                  [--details]

Builds bench/<set>/corpus in a temporary cache and compares its tables with
bench/<set>/annotations.json (the set defaults to bench/written): title and source found in
the text, publication dates found in the text, language, mentions (sentence, actor) pairs,
dated expressions (recall: the expression found in its sentence with the annotated value, to
its precision) and (sentence, actor) sentiment labels; each only where the set annotates
it. An article annotated as the `translation_of` another is scored for the pair being found
(the alignments table pairs them) and for the gap between the two articles' sentiment
accuracy. `--manifest` gives the pipeline the annotated publication dates (as a user's
manifest would), so that date resolution is scored apart from finding the publication
date. Prints a table and one JSON line.
"""

from __future__ import annotations

import argparse
import csv
import json
import re
import shutil
import sys
import tempfile
import unicodedata
from collections import Counter
from pathlib import Path

import pandas as pd

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
SETS = (
    "written",
    "written2",
    "written3",
    "written4",
    "written5",
    "written6",
    "written7",
    "written8",
    "written9",
    "written10",
    "written11",
    "written12",
    "written13",
    "written14",
    "written15",
    "written16",
    "written17",
    "written18",
    "written19",
    "written20",
    "written21",
    "written22",
    "written23",
    "written24",
    "written25",
    "written26",
    "written27",
    "written28",
    "written29",
    "written30",
    "written31",
    "written32",
    "written33",
    "written34",
    "written35",
    "written36",
    "written37",
    "written38",
    "written39",
    "written40",
    "written41",
    "written42",
    "written43",
    "written44",
    "written45",
    "written46",
    "written47",
    "written48",
    "written49",
    "written50",
    "written51",
    "written52",
    "written53",
    "openings",
)


#: Ids that writers gave the same body under another convention, read as the gazetteer's:
#: the League of Arab States as "LAS" (written23) or "ARAB_LEAGUE" (written3, written6); the
#: Pacific Alliance as "PA" (written26)
SAME_BODY = {"LAS": "ARAB_LEAGUE", "PA": "PACIFIC_ALLIANCE"}


#: Markdown an annotator kept in a sentence, which the text read from the file has not:
#: heading marks, emphasis, a list item's number or bullet
MARKDOWN_RE = re.compile(r"^#+\s+|\*\*|__|^\d+\.\s+|^[-*+]\s+|^\*(?=\S)|(?<=\S)\*$")


#: A Markdown table row as an annotator copied it, bars and all
TABLE_ROW_RE = re.compile(r"\|(.*)\|")


def located(text: str, sentence: str, cursor: int) -> tuple[int, int] | None:
    """Span of an annotated sentence in the article's text, searching on from `cursor` (its
    Markdown marks left out when the text has none, no-break spaces as spaces, and its hard
    line breaks joined when the text's were: "coop-\\neration" as "cooperation" or
    "coop-eration"; a table row's cells as the reader joins them)."""
    forms = [sentence, MARKDOWN_RE.sub("", sentence)]
    if row := TABLE_ROW_RE.fullmatch(sentence.strip()):  # "| a | b |", read as "a | b"
        forms.append(" | ".join(c.strip() for c in row.group(1).split("|") if c.strip()))
    if "\xa0" in sentence:  # a no-break space the reader turns into a space
        forms += [f.replace("\xa0", " ") for f in forms]
    if "\n" in sentence:
        for hyphen in ("", "-"):
            forms.append(re.sub(r"\s*\n\s*", " ", re.sub(r"-\n(?=[a-z])", hyphen, sentence)))
    for form in forms:
        i = text.find(form, cursor)
        if i < 0:
            i = text.find(form)
        if i >= 0:
            return i, i + len(form)
    return None


#: Quotation marks, which a title may print in any style
QUOTES_RE = re.compile(r"[\"'“”„«»‘’`]")


def _same_text(predicted: str, annotated: str) -> bool:
    """Equal but for case, spacing, Unicode forms and quotation marks."""

    def norm(text: str) -> str:
        text = QUOTES_RE.sub("", unicodedata.normalize("NFKC", text or ""))
        return " ".join(text.split()).casefold()

    return norm(predicted) == norm(annotated)


def title_matches(article, annotated: str) -> bool:
    """The headline as printed; a text annotated as having none is matched by its opening
    words."""
    if not annotated:
        return article.title_from == "opening words"
    return _same_text(str(article.title or ""), annotated)


def value_matches(predicted: str, annotated: str) -> bool:
    """A predicted date matches an annotated value at the annotation's precision: "2025-06"
    matches "2025-06-12"; a decade "199X" matches "1990"; a range is read by its start."""
    start = annotated.split("/")[0].replace("X", "")
    return bool(predicted) and (predicted.startswith(start) or start.startswith(predicted))


def score(manifest: bool, details: bool, name: str = "written") -> dict:
    from analysis import build

    here = ROOT / "bench" / name
    annotations = json.loads((here / "annotations.json").read_text(encoding="utf-8"))
    work = Path(tempfile.mkdtemp(prefix="briefing-written-"))
    corpus = work / "corpus"
    shutil.copytree(here / "corpus", corpus)
    if manifest:
        with open(corpus / "manifest.csv", "w", newline="", encoding="utf-8") as f:
            writer = csv.writer(f)
            writer.writerow(["file", "published"])
            writer.writerows([a["file"], a.get("published", "")] for a in annotations)
    tables = build(corpus, cache=work / "cache").tables
    shutil.rmtree(work, ignore_errors=True)

    articles = tables.articles.set_index("article_id")
    counts: Counter = Counter()
    sentiment_pairs: list[tuple[str, str]] = []
    by_article: dict[str, list[bool]] = {}
    for a in annotations:
        aid = Path(a["file"]).stem
        article = articles.loc[aid]
        counts["articles"] += 1
        if "published" in a:
            counts["dated"] += 1
            counts["published_ok"] += str(article.published or "") == a["published"]
        if "language" in a:
            counts["languages"] += 1
            counts["language_ok"] += article.language == a["language"]
        if "title" in a:
            counts["titled"] += 1
            counts["title_ok"] += title_matches(article, a["title"])
            counts["source_ok"] += _same_text(str(article.source or ""), a["source"])
            if details and not title_matches(article, a["title"]):
                print(f"  title {aid}: {article.title!r}, annotated {a['title']!r}")
            if details and not _same_text(str(article.source or ""), a["source"]):
                print(f"  source {aid}: {article.source!r}, annotated {a['source']!r}")
        mentions = tables.mentions[tables.mentions.article_id == aid]
        events = tables.events[tables.events.article_id == aid]
        sentences = tables.sentences[tables.sentences.article_id == aid]
        sentiment = tables.sentiment[tables.sentiment.article_id == aid]
        cursor = 0
        for s in a.get("sentences", ()):
            span = located(article.text, s["text"], cursor)
            if span is None:
                counts["not_located"] += 1
                continue
            start, end = span
            cursor = start
            inside = mentions[(mentions.start_char >= start) & (mentions.end_char <= end)]
            predicted = set(inside.state_id.dropna())
            gold = {SAME_BODY.get(actor, actor) for actor in s.get("actors", ())}
            counts["mention_tp"] += len(predicted & gold)
            counts["mention_fp"] += len(predicted - gold)
            counts["mention_fn"] += len(gold - predicted)
            if details and predicted != gold:
                print(
                    f"  mentions {aid}: missed {sorted(gold - predicted)}, extra "
                    f"{sorted(predicted - gold)} | {s['text'][:90]}"
                )
            near = events[(events.start_char < end) & (events.end_char > start)]
            for ev in s.get("events", ()):
                expression = re.sub(r"\s*\n\s*", " ", ev["expression"])  # a wrapped line
                inside_it = [x in expression or expression in x for x in near.expression]
                hit = near.loc[pd.Series(inside_it, index=near.index, dtype=bool)]
                ok = any(value_matches(str(d), ev["value"]) for d in hit.date)
                counts["event_found"] += ok
                counts["events"] += 1
                if details and not ok:
                    got = list(zip(hit.expression, hit.date, strict=True))
                    print(f"  event {aid}: {ev['expression']!r} = {ev['value']}, got {got}")
            numbers = sentences[(sentences.start_char < end) & (sentences.end_char > start)]
            rows = sentiment[sentiment.sent_no.isin(numbers.sent_no)]
            for actor, label in s.get("sentiment", {}).items():
                found = rows[rows.actor_id == SAME_BODY.get(actor, actor)].label
                sentiment_pairs.append((label, found.iloc[0] if len(found) else "missing"))
                by_article.setdefault(aid, []).append(
                    sentiment_pairs[-1][0] == sentiment_pairs[-1][1]
                )

    aligned = set(zip(tables.alignments.article_a, tables.alignments.article_b, strict=True))
    translations, gaps = [], []
    for a in annotations:
        if a.get("translation_of"):
            pair = (Path(a["file"]).stem, Path(a["translation_of"]).stem)
            translations.append(pair in aligned or pair[::-1] in aligned)
            accuracy = [
                sum(by_article.get(x, [])) / max(len(by_article.get(x, [])), 1) for x in pair
            ]
            gaps.append(abs(accuracy[0] - accuracy[1]))
            if details:
                print(f"  translation {pair}: found {translations[-1]}, accuracy {accuracy}")

    tp, fp, fn = counts["mention_tp"], counts["mention_fp"], counts["mention_fn"]
    precision, recall = tp / max(tp + fp, 1), tp / max(tp + fn, 1)
    labels = ("neg", "neu", "pos")
    f1s = []
    for label in labels:
        hit = sum(g == p == label for g, p in sentiment_pairs)
        n_pred = sum(p == label for _, p in sentiment_pairs)
        n_gold = sum(g == label for g, _ in sentiment_pairs)
        p, r = hit / max(n_pred, 1), hit / max(n_gold, 1)
        f1s.append(2 * p * r / (p + r) if p + r else 0.0)
    report = {
        "articles": counts["articles"],
        "manifest": manifest,
        "title_accuracy": round(counts["title_ok"] / max(counts["titled"], 1), 3),
        "source_accuracy": round(counts["source_ok"] / max(counts["titled"], 1), 3),
        "published_accuracy": round(counts["published_ok"] / max(counts["dated"], 1), 3),
        "language_accuracy": round(counts["language_ok"] / max(counts["languages"], 1), 3),
        "mention_precision": round(precision, 3),
        "mention_recall": round(recall, 3),
        "mention_f1": round(2 * precision * recall / max(precision + recall, 1e-9), 3),
        "event_recall": round(counts["event_found"] / max(counts["events"], 1), 3),
        "events": counts["events"],
        "sentiment_accuracy": round(
            sum(g == p for g, p in sentiment_pairs) / max(len(sentiment_pairs), 1), 3
        ),
        "sentiment_macro_f1": round(sum(f1s) / 3, 3),
        "sentiment_pairs": len(sentiment_pairs),
        "sentences_not_located": counts["not_located"],
        **(
            {
                "translations_found": round(sum(translations) / len(translations), 3),
                "translation_sentiment_gap": round(max(gaps), 3),
            }
            if translations
            else {}
        ),
    }
    # only what the set annotates: a set of openings has titles and sources, not sentences
    annotated = {
        "title_accuracy": counts["titled"],
        "published_accuracy": counts["dated"],
        "language_accuracy": counts["languages"],
        "mention_precision": tp + fp + fn,
    }
    unmeasured = {key for key, n in annotated.items() if not n}
    if "title_accuracy" in unmeasured:
        unmeasured.add("source_accuracy")
    if "mention_precision" in unmeasured:  # no sentences: none of the sentence measures
        unmeasured |= {k for k in report if k.startswith(("mention", "event", "sentiment"))}
        unmeasured.add("sentences_not_located")
    return {key: value for key, value in report.items() if key not in unmeasured}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--set", choices=SETS, default="written", help="which set of bench/")
    parser.add_argument("--manifest", action="store_true", help="give the annotated dates")
    parser.add_argument("--details", action="store_true", help="list each difference")
    args = parser.parse_args()
    report = score(args.manifest, args.details, args.set)
    for key, value in report.items():
        print(f"  {key:28} {value}")
    print(json.dumps(report))


if __name__ == "__main__":
    main()
