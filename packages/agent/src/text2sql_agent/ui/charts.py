"""A chart when the result suits one, chosen from the data by code — never LLM-written code executed.

A category and a number → bars; a date or time and a number → a line. Anything else: no chart."""

from __future__ import annotations

import re
from datetime import date, datetime
from typing import Any

__all__ = ["chart_spec", "plotly_figure"]

MAX_POINTS = 500
MAX_BARS = 50
_DATE_TEXT = re.compile(r"^\d{4}-\d{2}(-\d{2}([ T]\d{2}:\d{2}(:\d{2})?.*)?)?$")


def _is_number(value: Any) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)


def _is_temporal(value: Any) -> bool:
    if isinstance(value, date | datetime):
        return True
    if isinstance(value, str) and _DATE_TEXT.match(value):
        try:  # "2024-03" (a month) is a date too
            datetime.fromisoformat(value[:19] if len(value) > 7 else value + "-01")
            return True
        except ValueError:
            return False
    return False


def _column_kind(values: list[Any]) -> str:
    present = [v for v in values if v is not None]
    if not present:
        return "empty"
    if all(_is_number(v) for v in present):
        return "number"
    if all(_is_temporal(v) for v in present):
        return "time"
    return "category"


def chart_spec(columns: list[str], rows: list[list[Any]]) -> dict[str, Any] | None:
    """{"kind": "bar"|"line", "x": column, "y": column}, or None."""
    if len(rows) < 2 or len(columns) < 2 or len(rows) > MAX_POINTS:
        return None
    kinds = [_column_kind([row[i] for row in rows]) for i in range(len(columns))]
    numbers = [i for i, k in enumerate(kinds) if k == "number"]
    if not numbers:
        return None
    y = numbers[-1]  # the measure is usually last: "dept, count", "month, total"
    for i, kind in enumerate(kinds):
        if kind == "time":
            return {"kind": "line", "x": columns[i], "y": columns[y]}
    for i, kind in enumerate(kinds):
        if kind == "category" and len(rows) <= MAX_BARS and len({row[i] for row in rows}) == len(rows):
            return {"kind": "bar", "x": columns[i], "y": columns[y]}
    return None


def plotly_figure(columns: list[str], rows: list[list[Any]]) -> Any | None:
    spec = chart_spec(columns, rows)
    if spec is None:
        return None
    import plotly.graph_objects as go

    x_index, y_index = columns.index(spec["x"]), columns.index(spec["y"])
    pairs = [(row[x_index], row[y_index]) for row in rows]
    if spec["kind"] == "line":
        pairs.sort(key=lambda p: str(p[0]))
        trace = go.Scatter(x=[p[0] for p in pairs], y=[p[1] for p in pairs], mode="lines+markers")
    else:
        trace = go.Bar(x=[str(p[0]) for p in pairs], y=[p[1] for p in pairs])
    figure = go.Figure(trace)
    figure.update_layout(xaxis_title=spec["x"], yaxis_title=spec["y"], margin={"l": 40, "r": 10, "t": 10, "b": 40},
                         height=320)
    return figure
