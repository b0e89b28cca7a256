from analysis import build
from analysis.cache import SegmentStore


def test_rebuild_reads_the_cache_and_adding_one_processes_one(corpus, tmp_path):
    corpus.add_seeds()
    cache = tmp_path / "cache"
    first = build(corpus.path, cache=cache)
    assert (first.n_cached, first.n_processed) == (0, 5)
    again = build(corpus.path, cache=cache)
    assert (again.n_cached, again.n_processed) == (5, 0)
    for name, df in first.tables.items():
        assert df.equals(again.tables.items()[[n for n, _ in again.tables.items()].index(name)][1])
    corpus.add("new.txt", "Japan and South Korea agreed to share missile warning data.\n")
    more = build(corpus.path, cache=cache)
    assert (more.n_cached, more.n_processed) == (5, 1)
    assert "new" in set(more.tables.articles.article_id)
    (corpus.path / "new.txt").write_text("Japan changed its mind.\n")
    changed = build(corpus.path, cache=cache)
    assert (changed.n_cached, changed.n_processed) == (5, 1)


def test_writes_are_atomic_and_compaction_keeps_rows(corpus, tmp_path, monkeypatch):
    import analysis.cache as cache_module

    monkeypatch.setattr(cache_module, "MAX_SEGMENTS", 2)
    cache = tmp_path / "cache"
    for i in range(4):
        corpus.add(f"a{i}.txt", f"Russia and North Korea met for the {i + 1}th time.\n")
        build(corpus.path, cache=cache)
    store = SegmentStore(cache)
    segments = [p.name for p in store.root.iterdir()]
    assert not [s for s in segments if s.startswith(".tmp")]
    assert len(segments) <= 2
    final = build(corpus.path, cache=cache)
    assert final.n_processed == 0 and len(final.tables.articles) == 4
