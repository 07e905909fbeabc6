from __future__ import annotations

from datetime import date

from text2sql_agent.ui.charts import chart_spec, plotly_figure


def test_category_and_number_make_bars() -> None:
    assert chart_spec(["dept", "n"], [["a", 1], ["b", 2]]) == {"kind": "bar", "x": "dept", "y": "n"}


def test_dates_and_numbers_make_a_line_in_time_order() -> None:
    rows = [["2024-03", 3.0], ["2024-01", 1.0], ["2024-02", 2.0]]
    assert chart_spec(["month", "total"], rows) == {"kind": "line", "x": "month", "y": "total"}
    figure = plotly_figure(["day", "total"], [[date(2024, 1, 2), 5], [date(2024, 1, 1), 4]])
    assert figure.data[0].type == "scatter" and list(figure.data[0].y) == [4, 5]


def test_no_chart_where_it_would_mislead() -> None:
    assert chart_spec(["name", "city"], [["a", "x"], ["b", "y"]]) is None  # no number
    assert chart_spec(["n"], [[1], [2]]) is None  # one column
    assert chart_spec(["dept", "n"], [["a", 1]]) is None  # one row
    assert chart_spec(["dept", "n"], [["a", 1], ["a", 2]]) is None  # repeated categories
    assert chart_spec(["id", "n"], [[i, i] for i in range(600)]) is None  # too many points
