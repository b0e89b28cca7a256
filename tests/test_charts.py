"""Figures: what they draw must stay readable and lead back to their rows."""

import pandas as pd

from analysis import charts


def test_counts_on_the_scales_dark_ends_are_written_in_light_ink():
    inks = charts.ink_for([-1.0, -0.9, 0.0, 0.2, 0.95], charts.DIVERGING, -1.0, 1.0)
    assert inks == [
        charts.LIGHT_INK,
        charts.LIGHT_INK,
        charts.DARK_INK,
        charts.DARK_INK,
        charts.LIGHT_INK,
    ]


def test_every_count_contrasts_with_its_cell_at_least_as_much_as_the_other_ink_would():
    values = [v / 20 for v in range(-20, 21)]
    colours = __import__("plotly").colors.sample_colorscale(
        charts.DIVERGING, [(v + 1) / 2 for v in values]
    )
    for colour, ink in zip(colours, charts.ink_for(values, charts.DIVERGING, -1, 1), strict=True):
        other = charts.LIGHT_INK if ink == charts.DARK_INK else charts.DARK_INK
        assert charts.contrast(ink, colour) >= charts.contrast(other, colour)
        assert charts.contrast(ink, colour) >= 4.5  # WCAG AA for normal text


def test_the_sentiment_heatmap_gives_each_cell_its_own_ink_and_keys():
    cells = pd.DataFrame(
        {
            "article_id": ["a1", "a1", "a2"],
            "actor_id": ["RUS", "JPN", "RUS"],
            "n_sentences": [7, 3, 4],
            "score": [-0.95, 0.1, -0.2],
            "low": [-1.0, -0.2, -0.5],
            "high": [-0.8, 0.4, 0.1],
            "label": ["neg", "", "neu"],
            "n_neg": [7, 0, 1],
            "n_neu": [0, 3, 3],
            "n_pos": [0, 0, 0],
        }
    )
    fig = charts.sentiment_heatmap(
        cells,
        ["a1", "a2"],
        ["RUS", "JPN"],
        {"a1": "One", "a2": "Two"},
        {"RUS": "Russia", "JPN": "Japan"},
    )
    trace = fig.data[0]
    assert list(trace.text) == ["7", "3", "4"]
    assert list(trace.textfont.color) == [charts.LIGHT_INK, charts.DARK_INK, charts.DARK_INK]
    assert [tuple(row[:2]) for row in trace.customdata] == [
        ("a1", "RUS"),
        ("a1", "JPN"),
        ("a2", "RUS"),
    ]
