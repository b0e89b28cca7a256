"""Consolidating events across articles, and the spans drawn on the timeline."""

import pandas as pd

from analysis import timeline as T
from analysis.schema import Tables, frame


def tables_with(events: list[dict], *, translation: tuple[str, str] | None = None) -> Tables:
    ids = sorted({e["article_id"] for e in events})
    articles = pd.DataFrame(
        {
            "article_id": ids,
            "title": ids,
            "text": ids,
            "translation_of": [
                translation[0] if translation and a == translation[1] else "" for a in ids
            ],
        }
    )
    alignments = pd.DataFrame(
        [
            {
                "article_a": translation[0],
                "paragraph_a": 0,
                "article_b": translation[1],
                "paragraph_b": 0,
                "score": 0.9,
                "relation": "translation",
            }
        ]
        if translation
        else [],
        columns=["article_a", "paragraph_a", "article_b", "paragraph_b", "score", "relation"],
    )
    base = {
        "sent_no": 0,
        "paragraph_no": 0,
        "start_char": 0,
        "end_char": 4,
        "expression": "x",
        "precision": "month",
        "resolved": "explicit",
        "date_end": "",
        "label": "l",
    }
    return Tables(
        articles=frame("articles", articles),
        alignments=frame("alignments", alignments),
        events=frame("events", pd.DataFrame([{**base, **e} for e in events])),
    )


def test_same_date_and_actors_across_articles_is_one_event_with_independent_sources():
    t = tables_with(
        [
            {"article_id": "en", "date": "2023-09", "actors": "PRK;RUS"},
            {"article_id": "it", "date": "2023-09", "actors": "PRK;RUS"},  # translation of en
            {"article_id": "es", "date": "2023-09", "actors": "PRK;RUS", "start_char": 10},
            {"article_id": "es", "date": "2023-09", "actors": "PRK", "start_char": 50},
            {"article_id": "en", "date": "2022-02", "actors": "RUS;UKR", "start_char": 90},
        ],
        translation=("en", "it"),
    )
    ev = T.consolidate(t)
    meeting = ev[ev.actors == "PRK;RUS"]
    assert meeting.event_id.nunique() == 1
    assert set(meeting.n_sources) == {2}  # en and its translation count once, plus es
    assert ev.event_id.nunique() == 3
    assert t.events.event_id.isna().all()  # input not modified


def test_translation_counterparts_share_an_id_even_with_other_actors():
    t = tables_with(
        [
            {"article_id": "en", "date": "2024-05", "actors": "RUS"},
            {"article_id": "it", "date": "2024-05", "actors": ""},
        ],
        translation=("en", "it"),
    )
    assert T.consolidate(t).event_id.nunique() == 1


def test_spans_follow_the_precision():
    start, end = T.span("2023-09", "", "month")
    assert (start, end.date().isoformat()) == (pd.Timestamp("2023-09-01"), "2023-09-30")
    start, end = T.span("1970", "1989", "decade")
    assert start.year == 1970 and end.year == 1989
    start, end = T.span("2024-01-08", "2024-01-14", "range")
    assert (end - start).days == 6
    start, end = T.span("2018", "", "year")
    assert (start.month, end.month) == (1, 12)
    # every span ends on the last minute of its last day
    for args in (("2023-09", "", "month"), ("2018", "", "year"), ("2024-01-08", "", "day")):
        assert T.span(*args)[1].strftime("%H:%M") == "23:59", args


def test_view_and_densest_window():
    t = tables_with(
        [
            {"article_id": "a", "date": d, "actors": "PRK", "start_char": i, "precision": "year"}
            for i, d in enumerate(["1948", "2022", "2023", "2023", "2024"])
        ]
    )
    view = T.events_view(t.__class__(**{**t.__dict__, "events": T.consolidate(t)}))
    assert list(view.date) == ["1948", "2022", "2023", "2024"]
    lo, hi = T.densest_window(view)
    assert lo.year >= 2021 and hi.year <= 2026


def test_the_window_keeps_the_events_it_shows_and_none_else():
    t = tables_with(
        [
            {"article_id": "a", "date": d, "actors": a, "start_char": i, "precision": "year"}
            for i, (d, a) in enumerate(
                [("1950", "NOR"), ("2022", "JPN"), ("2023", "JPN;KOR"), ("2024", "KOR")]
            )
        ]
    )
    view = T.events_view(t.__class__(**{**t.__dict__, "events": T.consolidate(t)}))
    window = T.densest_window(view)
    shown = T.within(view, window)
    assert list(shown.date) == ["2022", "2023", "2024"]  # Norway's 1950 would be a lane alone
    assert shown["mid"].between(*window).all()
    assert T.within(view, None) is view and len(view) == 4  # the long history: all of them


def test_a_timeline_draws_the_best_reported_events_in_time_order():
    import pandas as pd

    from analysis.timeline import best_reported

    view = pd.DataFrame(
        {
            "event_id": ["a", "b", "c", "d"],
            "start": pd.to_datetime(["2024-01-01", "2024-02-01", "2024-03-01", "2024-04-01"]),
            "n_sources": [1, 3, 2, 3],
            "n_mentions": [9, 1, 5, 2],
        }
    )
    assert list(best_reported(view, 2)["event_id"]) == ["b", "d"]
    assert list(best_reported(view, 3)["event_id"]) == ["b", "c", "d"]
    assert best_reported(view, 10) is view


def test_the_pages_date_lines_are_left_out_of_the_timeline_unless_asked(seed_tables):
    stamps = T.stamp_rows(seed_tables)
    ev = seed_tables.events[stamps]
    # "(From The Yomiuri Shimbun, Jan. 16, 2024)" and "26 | 12 | 2023" date their pages
    assert sorted(ev["date"]) == ["2023-12-26", "2024-01-16"]
    shown = T.events_view(seed_tables)
    every = T.events_view(seed_tables, stamps=True)
    assert len(every) == len(shown) + 2
    assert not set(shown["event_id"]) & set(ev["event_id"])


def test_the_download_gives_each_events_first_and_last_day(seed_tables):
    table = T.download_table(T.events_view(seed_tables))
    assert "mid" not in table
    month = table[table["precision"] == "month"].iloc[0]
    assert month["start"].endswith("-01") and len(month["end"]) == 10
    assert pd.Timestamp(month["end"]).is_month_end
