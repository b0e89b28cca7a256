"""The whole pipeline on the seeds and on a corpus full of bad input."""

import os
import shutil

import pandas as pd
import pytest

from analysis import build, schema
from analysis import pipeline as P
from tests.conftest import FIXTURES, ROOT, page_paragraphs

FINNISH = (
    "Suomen hallitus on huolissaan Venäjän ja Pohjois-Korean sotilaallisesta "
    "yhteistyöstä, kertoi ulkoministeri tiistaina Helsingissä pidetyssä "
    "tiedotustilaisuudessa. Ministerin mukaan tilanne on vakava.\n"
)
BASQUE = (
    "Errusiako presidenteak asteazkenean Ipar Korearekin itun bat berretsi zuen, eta "
    "Japoniak kezka adierazi zuen bi herrialdeen arteko lankidetzagatik.\n"
)
ITALIAN = (
    "Mosca e Pyongyang stanno cercando di sviluppare relazioni più strette, ha "
    "affermato un esperto giapponese. La Corea del Nord è stata fondata nel 1948.\n"
)


def test_every_table_has_the_contract_columns(seed_tables):
    for name, df in seed_tables.items():
        assert list(df.columns)[: len(schema.COLUMNS[name])] == list(schema.COLUMNS[name])
    assert len(seed_tables.articles) == 5
    for filled in ("sentiment", "article_sentiment"):
        assert not getattr(seed_tables, filled).empty
    events = seed_tables.events
    assert len(events) > 40 and events.event_id.notna().all()
    texts = dict(zip(seed_tables.articles.article_id, seed_tables.articles.text, strict=True))
    for row in events.itertuples():  # offsets index the text, and dates are ISO prefixes
        assert texts[row.article_id][row.start_char : row.end_char] == row.expression
        assert row.date == "" or row.date[:4].isdigit()
    pairs = set(
        zip(
            seed_tables.alignments.article_a.str[:3],
            seed_tables.alignments.article_b.str[:3],
            strict=True,
        )
    )
    assert pairs == {("000", "002")}  # the translation, found by alignment


def test_offsets_index_the_analysed_text(seed_tables):
    texts = dict(zip(seed_tables.articles.article_id, seed_tables.articles.text, strict=True))
    for table in ("paragraphs", "sentences"):
        for row in getattr(seed_tables, table).itertuples():
            assert texts[row.article_id][row.start_char : row.end_char] == row.text
    for row in seed_tables.mentions.itertuples():
        assert texts[row.article_id][row.start_char : row.end_char] == row.surface


def test_sentences_stay_inside_their_paragraph(seed_tables):
    p = seed_tables.paragraphs.set_index(["article_id", "paragraph_no"])
    for s in seed_tables.sentences.itertuples():
        para = p.loc[(s.article_id, s.paragraph_no)]
        assert para.start_char <= s.start_char and s.end_char <= para.end_char
    assert (
        seed_tables.sentences.groupby("article_id")
        .sent_no.apply(lambda x: list(x) == list(range(len(x))))
        .all()
    )


def test_seed_metadata_and_languages(seed_tables):
    a = seed_tables.articles.set_index(seed_tables.articles.article_id.str[:3])
    assert a.language.to_dict() == {"000": "en", "001": "en", "002": "it", "003": "en", "004": "en"}
    assert (a.detected_language == a.language).all()
    assert a.loc["002", "translation_of"] == a.loc["000", "article_id"]
    p = seed_tables.paragraphs
    headline = p[p.article_id.str.startswith("003") & (p.paragraph_no == 0)].iloc[0]
    assert (headline.kind, headline.language) == ("headline", "es")


def test_without_manifest_metadata_comes_from_the_text(corpus):
    corpus.add_seeds("001", "003")
    result = build(corpus.path)
    a = result.tables.articles.set_index(result.tables.articles.article_id.str[:3])
    assert (
        a.loc["001", "published"] == "2024-01-16"
        and a.loc["001", "source"] == "The Yomiuri Shimbun"
    )
    assert a.loc["003", "published"] == "2023-12-26"
    assert a.loc["003", "title"] == "El acercamiento entre Kim Jong-un y Putin preocupa a Japón"
    assert a.loc["001", "title"].startswith("Russia-North Korea Cooperation")


def test_comentions_count_sentences_per_pair(seed_tables):
    m = seed_tables.mentions
    first = m.article_id.iloc[0]
    sets: dict[int, set] = {}
    for row in m[m.article_id == first].itertuples():
        sets.setdefault(row.sent_no, set()).add(row.state_id)
    expected = sum(1 for s in sets.values() if {"PRK", "RUS"} <= s)
    c = seed_tables.comentions
    row = c[(c.article_id == first) & (c.actor_a == "PRK") & (c.actor_b == "RUS")]
    assert row.n_sentences.item() == expected > 0
    assert (c.actor_a < c.actor_b).all()


def test_bad_input_is_reported_and_costs_nothing_else(corpus):
    corpus.add_seeds("000")
    corpus.add("empty.txt", "")
    corpus.add("photo.txt", b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 8)
    corpus.add("huge.txt", b"a" * 50_000_000)
    corpus.add("latin1.txt", ITALIAN.encode("latin-1"))
    corpus.add("utf16.txt", ITALIAN.encode("utf-16"))
    corpus.add(
        "hostile.html",
        "<html><body><script>alert(1)</script><p>Japan and China "
        "met.</p><img src=x onerror=alert(2)></body></html>",
    )
    corpus.add("dup.txt", "Russia and Japan met on Tuesday in a long meeting.\n")
    corpus.add("dup.md", "# Dup\n\nRussia and Japan met again on Wednesday.\n")
    corpus.add("finnish.txt", FINNISH)
    corpus.add("basque.txt", BASQUE)
    corpus.add(
        "manifest.csv",
        "file,article_id,published,language\n"
        "latin1.txt,it-latin,2024-13-45,it\n"
        "ghost.txt,ghost,2024-01-01,en\n"
        '"unterminated,x\n',
    )
    result = build(corpus.path)
    messages = "\n".join(map(str, result.problems))
    assert "empty.txt: the file is empty" in messages
    assert "photo.txt: this is a PNG image" in messages
    assert "huge.txt: the file is 50.0 MB" in messages
    assert "'ghost.txt', which is not in the corpus folder" in messages
    assert "published '2024-13-45'" in messages
    assert "dup.txt" in messages and "'dup-2'" in messages or "'dup-2'" in messages
    a = result.tables.articles.set_index("article_id")
    assert {
        "000_466074d7abe5a936",
        "it-latin",
        "utf16",
        "hostile",
        "dup",
        "dup-2",
        "finnish",
        "basque",
    } <= set(a.index)
    assert "più strette" in a.loc["it-latin", "text"] and "più strette" in a.loc["utf16", "text"]
    # a guessed encoding is said, on this build and on a rebuild from the cache
    guess = "latin1.txt: the file is not UTF-8; it was read as Windows-1252"
    assert guess in messages and "utf16.txt" not in messages
    assert guess in "\n".join(map(str, build(corpus.path).problems))
    assert a.loc["it-latin", "language"] == "it"
    assert "alert" not in a.loc["hostile", "text"]
    # a language without resources is named, flagged and read with the fallback
    assert a.loc["finnish", "language"] == "fi"
    assert "Finnish (fi) is not a configured language" in a.loc["finnish", "language_flag"]
    assert len(result.tables.sentences[result.tables.sentences.article_id == "finnish"]) == 2
    assert a.loc["basque", "language"] == "xx" and "unknown" in a.loc["basque", "language_flag"]


def test_cli_build_writes_tables(tmp_path):
    import subprocess
    import sys

    out = tmp_path / "out"
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "analysis",
            "build",
            "--corpus",
            str(ROOT / "data"),
            "--out",
            str(out),
            "--format",
            "csv",
        ],
        capture_output=True,
        text=True,
        cwd=ROOT,
    )
    assert done.returncode == 0, done.stderr
    assert sorted(p.name for p in out.iterdir()) == sorted(f"{n}.csv" for n in schema.TABLE_NAMES)
    assert len(pd.read_csv(out / "articles.csv")) == 5
    empty = tmp_path / "empty"
    empty.mkdir()
    (empty / "a.txt").write_text("")
    done = subprocess.run(
        [sys.executable, "-m", "analysis", "build", "--corpus", str(empty), "--out", str(out)],
        capture_output=True,
        text=True,
        cwd=ROOT,
    )
    assert done.returncode == 1
    assert "a.txt: the file is empty" in done.stderr and "Traceback" not in done.stderr


def test_a_page_without_date_metadata_is_dated_by_its_byline(tmp_path):
    shutil.copy(FIXTURES / "page_dated_by_its_byline.html", tmp_path / "longread.html")
    article = build(tmp_path, cache=tmp_path / "cache").tables.articles.iloc[0]
    assert (article.published, article.published_precision) == ("2025-03", "month")
    assert article.published_from == "byline 'By Helen Marsh | March 2025 issue'"


def test_a_page_named_only_by_its_logo_is_published_by_it(tmp_path):
    body = page_paragraphs(
        "North Korean troops kept arriving in Russia, officials in Seoul said on Monday, and "
        "Japan called the transfers a grave threat."
    )
    page = (
        "<html><head><title>Asia Briefing</title></head><body><table><tr><td>"
        "<img src='https://cdn.example.com/logo-dispatch.png' alt='The Asia Dispatch'>"
        f"</td></tr><tr><td>{body}</td></tr></table></body></html>"
    )
    (tmp_path / "briefing.html").write_text(page, encoding="utf-8")
    article = build(tmp_path, cache=tmp_path / "cache").tables.articles.iloc[0]
    assert (article.source, article.source_from) == ("The Asia Dispatch", "the page's logo")


def test_each_post_of_a_channel_dates_its_own_today(tmp_path):
    posts = (
        "Nov 5, 2024 at 21:40\nNorth Korea fired a missile today, Seoul said.\n\n"
        "Oct 23, 2024 at 14:05\nKyiv said today that North Korean troops reached Kursk.\n"
    )
    (tmp_path / "channel.txt").write_text(posts, encoding="utf-8")
    tables = build(tmp_path, cache=tmp_path / "cache").tables
    assert tables.articles.iloc[0].published == "2024-11-05"  # the newest post
    assert list(tables.events.query("expression == 'today'").date) == ["2024-11-05", "2024-10-23"]


def test_lines_with_long_runs_of_spaces_are_read_in_linear_time(corpus):
    # each line matches a cue pattern (byline, published, e-mail header, date line) and then
    # runs on: patterns that backtracked over the spaces took minutes on such a file
    gap = " " * 20_000
    text = f"By Anna{gap}Lee\nPublished 2024{gap}x\nFrom: A{gap}B\nSubject: S{gap}T\nJapan spoke."
    corpus.add("spaces.txt", text)
    result = build(corpus.path, cache=corpus.path.parent / "cache")
    assert list(result.tables.articles.file) == ["spaces.txt"]
    assert "JPN" in set(result.tables.mentions.actor_id)


def test_an_article_that_fails_is_reported_and_the_others_stay(corpus, monkeypatch):
    from analysis import pipeline

    real = pipeline.find_published

    def fails_on_one(lines, kinds, language, *args, **kwargs):
        if any("Faulty" in line for line in lines):
            raise RuntimeError("boom")
        return real(lines, kinds, language, *args, **kwargs)

    monkeypatch.setattr(pipeline, "find_published", fails_on_one)
    corpus.add("good.txt", "Japan and China met on Tuesday.\n")
    corpus.add("faulty.txt", "Faulty\nRussia and Japan met on Tuesday.\n")
    result = build(corpus.path, cache=corpus.path.parent / "cache")
    assert [(p.file, "RuntimeError: boom" in p.message) for p in result.problems] == [
        ("faulty.txt", True)
    ]
    t = result.tables
    assert list(t.articles.article_id) == ["good"]
    for name in ("paragraphs", "sentences", "mentions"):  # nothing of the failed one is left
        assert set(getattr(t, name).article_id) == {"good"}


def test_articles_in_languages_without_resources(corpus):
    corpus.add(
        "ru.txt",
        "Россия и КНДР укрепляют сотрудничество\n"
        "Президент России подписал договор с Северной Кореей. США и НАТО осудили этот шаг.\n",
    )
    corpus.add(
        "da.txt",
        "Opdateret 8. januar 2025 kl. 10.12\n"
        "Danmark og Grønland svarer USA: Rusland og Kina er aktive i Arktis, siger Nato.\n",
    )
    corpus.add("ko.txt", "북한이 러시아에 병력을 보냈다고 한국 정부가 밝혔다.\n")
    t = build(corpus.path, cache=corpus.path.parent / "cache").tables
    a = t.articles.set_index("article_id")
    assert a.language.to_dict() == {"da": "da", "ko": "ko", "ru": "ru"}
    assert a.loc["da", "published"] == "2025-01-08"
    found = t.mentions.groupby("article_id").state_id.apply(lambda s: sorted(set(s))).to_dict()
    assert found["ru"] == ["NATO", "PRK", "RUS", "USA"]  # "России", "Северной Кореей"
    assert found["da"] == ["CHN", "DNK", "NATO", "RUS", "USA"]
    assert found["ko"] == ["KOR", "PRK", "RUS"]  # particles: "북한이", "러시아에"
    surfaces = set(t.mentions.surface)
    assert {"России", "Северной Кореей", "러시아에"} <= surfaces
    # no method reads Russian or Korean sentiment: said so, not guessed; Danish has a lexicon
    assert t.sentiment[t.sentiment.article_id.isin(["ru", "ko"])].empty
    assert set(t.sentiment[t.sentiment.article_id == "da"].method) == {"lexicon"}


def test_capitals_in_languages_without_resources_are_governments_not_places(corpus):
    """The CLDR's exemplar cities give the capitals; a locative word before one ("в Москве")
    or a locative ending or particle after it ("Moskova'da", "東京で") makes it a place."""
    corpus.add(
        "ru.txt",
        "Москва заявила о готовности к переговорам, сообщили в министерстве.\n"
        "Переговоры между делегациями прошли в Москве во вторник.\n",
    )
    corpus.add(
        "tr.txt",
        "Moskova yeni yaptırımları kınadı ve kararın gerilimi artıracağını söyledi.\n"
        "Görüşmeler Moskova'da yapıldı ve taraflar ortak bir bildiri yayımladı.\n",
    )
    corpus.add("ja.txt", "平壌は新たな制裁に強く反発した。\n首脳会談は東京で行われた。\n")
    t = build(corpus.path, cache=corpus.path.parent / "cache").tables
    rows = zip(t.mentions.article_id, t.mentions.sent_no, t.mentions.surface, strict=True)
    found = sorted(rows)
    assert found == [("ja", 0, "平壌"), ("ru", 0, "Москва"), ("tr", 0, "Moskova")]


@pytest.mark.skipif(P._malloc_trim() is None, reason="no glibc malloc_trim here")
def test_a_build_hands_the_freed_heap_back():
    def rss_mb() -> float:
        with open("/proc/self/statm") as handle:
            return int(handle.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20

    blocks = [bytes(1000) + bytes([i % 256]) for i in range(120_000)]  # ~120 MB on the heap
    kept = blocks[::60]  # a few left in place: the heap cannot shrink from its top
    del blocks
    held = rss_mb()
    P._trim_heap()
    assert held - rss_mb() > 50
    assert len(kept) == 2000
