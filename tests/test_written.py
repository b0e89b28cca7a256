"""The pipeline on the annotated articles of bench/written … bench/written5
(bench/score_written.py): what it measured when those articles' fixes landed stays true."""

import importlib.util

from analysis import config


def score(name: str) -> dict:
    path = config.PROJECT_ROOT / "bench" / "score_written.py"
    spec = importlib.util.spec_from_file_location("score_written", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.score(manifest=False, details=False, name=name)


def test_written_articles_keep_their_scores():
    report = score("written")
    assert report["sentences_not_located"] == 0 and report["language_accuracy"] == 1.0
    assert report["published_accuracy"] == 1.0
    assert report["mention_precision"] >= 0.98 and report["mention_recall"] >= 0.99
    assert report["event_recall"] >= 0.95
    assert report["sentiment_accuracy"] >= 0.70


def test_second_written_set_keeps_its_scores():
    report = score("written2")
    assert report["language_accuracy"] == 1.0 and report["published_accuracy"] == 1.0
    assert report["mention_precision"] >= 0.96 and report["mention_recall"] >= 0.94
    assert report["event_recall"] >= 0.93
    assert report["sentiment_accuracy"] >= 0.62


def test_third_written_set_keeps_its_scores():
    report = score("written3")
    assert report["language_accuracy"] == 1.0 and report["published_accuracy"] >= 0.91
    assert report["mention_precision"] >= 0.96 and report["mention_recall"] >= 0.93
    assert report["event_recall"] >= 0.87
    assert report["sentiment_accuracy"] >= 0.58


def test_fourth_written_set_keeps_its_scores():
    report = score("written4")
    assert report["language_accuracy"] == 1.0 and report["published_accuracy"] >= 0.91
    assert report["mention_precision"] >= 0.96 and report["mention_recall"] >= 0.95
    assert report["event_recall"] >= 0.93
    assert report["sentiment_accuracy"] >= 0.66
    # its Spanish translation of an English article is found, and reads like it
    assert report["translations_found"] == 1.0 and report["translation_sentiment_gap"] <= 0.05


def test_fifth_written_set_keeps_its_scores():
    report = score("written5")
    assert report["language_accuracy"] == 1.0 and report["published_accuracy"] >= 0.91
    assert report["mention_precision"] >= 0.98 and report["mention_recall"] >= 0.97
    assert report["event_recall"] >= 0.91
    assert report["sentiment_accuracy"] >= 0.67
    # its Italian translation of an English article is found, and reads like it
    assert report["translations_found"] == 1.0 and report["translation_sentiment_gap"] <= 0.05
