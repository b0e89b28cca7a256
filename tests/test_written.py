"""The pipeline on the annotated articles of bench/written (bench/score_written.py): what it
measured when those articles' fixes landed stays true."""

import importlib.util

from analysis import config


def test_written_articles_keep_their_scores():
    path = config.PROJECT_ROOT / "bench" / "score_written.py"
    spec = importlib.util.spec_from_file_location("score_written", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    report = module.score(manifest=False, details=False)
    assert report["sentences_not_located"] == 0 and report["language_accuracy"] == 1.0
    assert report["published_accuracy"] >= 11 / 12  # one article states no date
    assert report["mention_precision"] >= 0.98 and report["mention_recall"] >= 0.99
    assert report["event_recall"] >= 0.87
    assert report["sentiment_accuracy"] >= 0.70
