from analysis.filters import Filters, apply, selected_articles


def test_url_round_trip_and_garbage():
    f = Filters(("a", "b"), ("en",), "2024-01", "2024-06-30", ("JPN",))
    assert Filters.from_params(f.to_params()) == f
    assert Filters().to_params() == {}
    junk = Filters.from_params({"from": "last tuesday", "articles": ",,a,,a", "to": ["2024"]})
    assert junk == Filters(articles=("a",), date_to="2024")


def test_filters_restrict_every_table(seed_tables):
    ids = seed_tables.articles.article_id.tolist()
    only_it = apply(seed_tables, Filters(languages=("it",)))
    assert only_it.articles.article_id.tolist() == [ids[2]]
    assert set(only_it.mentions.article_id) == {ids[2]}
    assert selected_articles(seed_tables, Filters(date_from="2024-06", date_to="2024-06")) == [
        ids[0],
        ids[2],
    ]
    assert selected_articles(seed_tables, Filters(date_from="2025")) == [ids[4]]
    assert selected_articles(seed_tables, Filters(actors=("TWN",))) == [ids[3], ids[4]]
    assert apply(seed_tables, Filters()) is seed_tables


def test_unknown_values_are_dropped(seed_tables):
    f = Filters(articles=("nope",), languages=("en", "zz"), actors=("RUS", "MARS"))
    assert f.valid_for(seed_tables) == Filters(languages=("en",), actors=("RUS",))


def test_a_url_date_that_is_no_real_day_is_dropped_not_raised():
    for value in ("2024-13-45", "2024-02-30", "2024-13", "2025-02-29"):
        assert Filters.from_params({"from": value, "to": value}).date_from == ""
    assert Filters.from_params({"from": "2024-02-29"}).date_from == "2024-02-29"


def test_what_a_link_names_and_the_corpus_cannot_apply_is_listed(seed_tables):
    params = {
        "articles": "nowhere,000_466074d7abe5a936",
        "lang": ["it", "xx"],
        "from": "2024-13-45",
        "to": "2024-06",
        "actors": "RUS,ATLANTIS",
    }
    assert Filters.ignored(params, seed_tables) == {
        "articles": "nowhere",
        "lang": "xx",
        "from": "2024-13-45",
        "actors": "ATLANTIS",
    }
    assert Filters.ignored({"lang": "it", "actors": "PRK"}, seed_tables) == {}


def test_an_events_sources_are_counted_among_the_articles_shown(seed_tables):
    ev = seed_tables.events
    shared = ev[ev["n_sources"] > 1]
    assert not shared.empty  # the seeds report some events in two independent sources
    event = shared.iloc[0]
    view = apply(seed_tables, Filters(articles=(event["article_id"],)))
    mine = view.events[view.events["event_id"] == event["event_id"]]
    assert mine["n_sources"].tolist() == [1] * len(mine)
    # an article and its translation are one source: 000 and 002 alone count once
    ids = seed_tables.articles.article_id.tolist()
    pair = apply(seed_tables, Filters(articles=(ids[0], ids[2])))
    assert pair.events["n_sources"].max() == 1
    assert seed_tables.events["n_sources"].max() > 1  # the input is not modified


def test_a_repeated_parameter_gives_all_its_values(seed_tables):
    params = {"lang": ["en", "it"], "articles": ["000_466074d7abe5a936,001_81f3559a72cf03aa"]}
    f = Filters.from_params(params)
    assert f.languages == ("en", "it") and len(f.articles) == 2
    assert Filters.ignored(params, seed_tables) == {}
    assert Filters.ignored({"lang": ["en", "xx"]}, seed_tables) == {"lang": "xx"}
