from analysis import build, config
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
    entries = list(store.root.iterdir())
    assert not [p for p in entries if p.name.startswith(".")]  # no half-written segment or file
    assert len([p for p in entries if p.is_dir()]) <= 2
    final = build(corpus.path, cache=cache)
    assert final.n_processed == 0 and len(final.tables.articles) == 4


def test_a_build_that_compacts_the_cache_still_analyses_only_the_new_article(
    corpus, tmp_path, monkeypatch
):
    import analysis.cache as cache_module
    import analysis.pipeline as pipeline_module

    monkeypatch.setattr(cache_module, "MAX_SEGMENTS", 2)
    analysed = []
    real = pipeline_module.analyse
    monkeypatch.setattr(
        pipeline_module,
        "analyse",
        lambda job, rows: analysed.append(job.source.name) or real(job, rows),
    )
    cache = tmp_path / "cache"
    corpus.add_seeds()
    build(corpus.path, cache=cache, workers=1)
    largest = {p.name for p in SegmentStore(cache).root.iterdir() if p.is_dir()}
    for i in range(4):  # the third and fourth builds compact
        analysed.clear()
        corpus.add(f"a{i}.txt", f"Japan and China held their {i + 1}th round of talks.\n")
        result = build(corpus.path, cache=cache, workers=1)
        assert analysed == [f"a{i}.txt"]
        assert len(result.tables.articles) == 6 + i
    segments = {p.name for p in SegmentStore(cache).root.iterdir() if p.is_dir()}
    assert largest <= segments and len(segments) <= 2  # the seeds' segment was not rewritten


def test_pair_alignments_are_cached_and_a_damaged_file_is_recomputed(corpus, tmp_path, monkeypatch):
    import analysis.align as align_module

    corpus.add_seeds("000", "002")
    cache = tmp_path / "cache"
    first = build(corpus.path, cache=cache)
    assert len(first.tables.alignments) > 10
    calls = []
    real = align_module.align
    monkeypatch.setattr(align_module, "align", lambda *a, **k: calls.append(1) or real(*a, **k))
    again = build(corpus.path, cache=cache)
    assert calls == [] and again.tables.alignments.equals(first.tables.alignments)
    pairs_file = SegmentStore(cache).root / "alignment_pairs.json"
    pairs_file.write_text('{"x": [1, [["a"]]], ', encoding="utf-8")  # cut short
    damaged = build(corpus.path, cache=cache)
    assert calls and damaged.tables.alignments.equals(first.tables.alignments)


def test_the_cache_key_follows_the_resources_not_where_they_live(tmp_path, monkeypatch):
    def resources(folder):
        for name, text in {"languages/en.toml": "a = 1", "gazetteer/actors.csv": "x"}.items():
            (folder / name).parent.mkdir(parents=True, exist_ok=True)
            (folder / name).write_text(text, encoding="utf-8")
        return folder

    def version_at(folder):
        monkeypatch.setattr(config, "RESOURCES_DIR", folder)
        monkeypatch.setattr(config, "GAZETTEER_DIR", folder / "gazetteer")
        config.pipeline_version.cache_clear()
        return config.pipeline_version()

    try:
        here = version_at(resources(tmp_path / "clone" / "resources"))
        elsewhere = resources(tmp_path / "elsewhere" / "resources")
        assert version_at(elsewhere) == here  # the same files in another checkout
        (elsewhere / "gazetteer" / "actors.csv").write_text("y", encoding="utf-8")
        assert version_at(elsewhere) != here  # an edited resource is a new version
    finally:
        config.pipeline_version.cache_clear()


def test_segments_unused_for_a_month_are_removed_in_every_version(corpus, tmp_path):
    import os
    import time

    import analysis.cache as cache_module

    cache = tmp_path / "cache"
    corpus.add("a.txt", "Russia and North Korea signed a treaty.\n")
    build(corpus.path, cache=cache)
    store = SegmentStore(cache)
    (live,) = [p for p in store.root.iterdir() if p.is_dir()]
    old = time.time() - (cache_module.EXPIRE_DAYS + 5) * 86400
    # an earlier release's folder, one unused segment of this release, one half-written folder
    stale_version = cache / "0123456789abcdef"
    (stale_version / "seg").mkdir(parents=True)
    (stale_version / "seg" / cache_module.KEYS_FILE).write_text("k\n")
    (stale_version / cache_module.PAIRS_FILE).write_text("{}")
    unused = store.root / "20240101T000000-unused"
    unused.mkdir()
    (unused / cache_module.KEYS_FILE).write_text("gone\n")
    crashed = store.root / ".tmp-20240101T000000-crashed"
    crashed.mkdir()
    not_ours = cache / "notes"  # not a version folder: never touched
    not_ours.mkdir()
    for path in (
        stale_version / "seg" / cache_module.KEYS_FILE,
        unused / cache_module.KEYS_FILE,
        crashed,
        live / cache_module.KEYS_FILE,
    ):
        os.utime(path, (old, old))
    recent_version = cache / "fedcba9876543210"  # another install still in use
    (recent_version / "seg").mkdir(parents=True)
    (recent_version / "seg" / cache_module.KEYS_FILE).write_text("k\n")

    corpus.add("b.txt", "Japan protested to China.\n")
    again = build(corpus.path, cache=cache)  # reads `live` (so it is used) and writes b
    assert (again.n_cached, again.n_processed) == (1, 1)
    assert live.exists() and not unused.exists() and not crashed.exists()
    assert not stale_version.exists()
    assert (recent_version / "seg").exists() and not_ours.exists()
    assert build(corpus.path, cache=cache).n_processed == 0
