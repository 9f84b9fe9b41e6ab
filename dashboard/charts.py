"""Pure functions: an aggregated DataFrame in, a Plotly figure out. No Streamlit here, so they are tested alone.

Colours: the Okabe-Ito palette, readable for the common forms of colour blindness; partial periods are marked
by shape (hollow markers, hatched bars), never by colour alone. Names from the warehouse (bodies, provinces, a
query's values) are escaped for Plotly, which would otherwise read tags in them (evidence_text.as_chart_text).
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from typing import Any

import pandas as pd
import plotly.graph_objects as go

from dashboard.evidence_text import as_chart_text
from dashboard.i18n import format_value, translate, value_scale

OKABE_ITO = ["#0072B2", "#E69F00", "#009E73", "#D55E00", "#CC79A7", "#56B4E9", "#F0E442", "#000000"]
MAX_POINTS = 5000
FONT = '"Source Sans", "Source Sans Pro", sans-serif'  # the page's own font (Streamlit's)
# The look st.plotly_chart gave the charts (Streamlit's light theme), as a Plotly template: a figure's own
# layout still wins over it. dashboard/plot.py draws the figures, so nothing else themes them.
_GREY, _INK, _GRID = "#808495", "#2F2D2B", "#E6EAF1"
THEME: dict[str, Any] = {"layout": {
    "font": {"family": FONT, "size": 12, "color": _GREY},
    "title": {"font": {"size": 16, "color": _INK, "weight": 700}, "x": 0, "xanchor": "left", "pad": {"l": 4}},
    "xaxis": {"showgrid": False, "gridcolor": _GRID, "zerolinecolor": _GRID},
    "yaxis": {"gridcolor": _GRID, "zerolinecolor": _GRID},
    "hoverlabel": {"bgcolor": "#FFFFFF", "bordercolor": "#DCD8D4", "font": {"family": FONT, "size": 12, "color": _INK}},
    "paper_bgcolor": "#FFFFFF", "plot_bgcolor": "#FFFFFF",
}}
# Plotly checks every property as a figure is built, which costs ~10 ms a chart on every rerun. The figures
# here are built from plain dicts and not checked; the tests build each one with VALIDATE on, so a misspelt
# property still fails there.
VALIDATE = False


def _figure(data: list[dict[str, Any]], layout: dict[str, Any], lang: str, title: str | None = None,
            height: int = 380) -> go.Figure:
    base: dict[str, Any] = {
        "title": {"text": title} if title else None, "height": height,
        "margin": {"l": 10, "r": 10, "t": 40 if title else 10, "b": 10},
        "separators": ",." if lang == "vi" else ".,", "colorway": OKABE_ITO,
        "legend": {"orientation": "h", "y": -0.15}, "hoverlabel": {"namelength": -1},
        "template": THEME,
    }
    merged = {**base, **layout, "margin": {**base["margin"], **layout.get("margin", {})}}
    for axis in {"xaxis", "yaxis", *(k for k in merged if k.startswith(("xaxis", "yaxis")))}:
        # Room for the tick labels (the small margins above would cut them); bar_by_body sets its own.
        merged[axis] = {"automargin": True, **merged.get(axis, {})}
    return go.Figure(data=data, layout={k: v for k, v in merged.items() if v is not None}, _validate=VALIDATE)


def _hover(values: pd.Series, unit: str, lang: str) -> list[str]:
    return [format_value(v, unit, lang) for v in values]


def _values(column: pd.Series) -> list[Any]:
    """Plain Python values (NaN as None), so a figure built unchecked still serialises like a checked one."""
    return [None if isinstance(v, float) and math.isnan(v) else v for v in column.tolist()]


def _value_axis(column: pd.Series, unit: str, lang: str) -> tuple[list[Any], dict[str, Any]]:
    """A value axis whose ticks read as Vietnamese figures (1.234.567; money as "350 tỷ" rather than Plotly's
    "350B"): the values to draw, scaled for money, and the axis's tick properties. Hover texts keep the exact
    figure."""
    largest = column.abs().max() if len(column) else None
    scale, word = value_scale(None if pd.isna(largest) else float(largest), unit, lang)
    values = _values(column if scale == 1 else column / scale)
    return values, {"tickformat": ",~f", **({"ticksuffix": f" {word}"} if word else {})}


def _names(column: pd.Series) -> list[str]:
    return [as_chart_text(v) for v in column.tolist()]


def _partial(df: pd.DataFrame) -> list[bool]:
    return df["partial"].fillna(False).astype(bool).tolist() if "partial" in df else [False] * len(df)


def time_series(df: pd.DataFrame, *, x: str, y: str, unit: str, lang: str, title: str | None = None,
                group: str | None = None, kind: str = "line", x_is_year: bool = False) -> go.Figure:
    """A series over time; rows with partial = True drawn hollow and named in the legend as partial."""
    df = df.head(MAX_POINTS)
    scaled, axis = _value_axis(df[y], unit, lang)
    df = df.assign(_drawn=scaled)
    groups = [(None, df)] if group is None or group not in df else list(df.groupby(group, sort=False))
    data: list[dict[str, Any]] = []
    for i, (name, part) in enumerate(groups):
        colour = OKABE_ITO[i % len(OKABE_ITO)]
        partial = _partial(part)
        trace: dict[str, Any] = {
            "x": _values(part[x]), "y": _values(part["_drawn"]), "hovertext": _hover(part[y], unit, lang),
            "name": as_chart_text(name) if name is not None else translate(lang, "total"), "hoverinfo": "x+text+name",
            "customdata": part[group].astype(str).tolist() if group else [""] * len(part),
        }
        if kind == "bar":
            trace.update(type="bar", marker={"color": colour, "pattern": {"shape": ["/" if p else "" for p in partial]}})
        else:
            trace.update(type="scatter", mode="lines+markers", line={"color": colour},
                         marker={"symbol": ["circle-open" if p else "circle" for p in partial], "size": 9})
        data.append(trace)
    if any(_partial(df)):
        # A legend entry that explains the hollow marks / hatching.
        data.append({"type": "scatter", "x": [None], "y": [None], "mode": "markers",
                     "name": translate(lang, "partial_period"),
                     "marker": {"symbol": "circle-open", "size": 9, "color": "#555"}})
    layout: dict[str, Any] = {"yaxis": {"rangemode": "tozero", **axis}}
    if x_is_year:
        layout["xaxis"] = {"dtick": 1, "tickformat": "d"}
    return _figure(data, layout, lang, title)


def bar_by_body(df: pd.DataFrame, *, unit: str, lang: str, title: str | None = None,
                selected: list[str] | None = None, top: int = 30) -> go.Figure:
    """Horizontal ranking, biggest on top; customdata carries the body id for click-through."""
    df = df.head(top).iloc[::-1]
    chosen = set(selected or [])
    names = _names(df["body"])
    drawn, axis = _value_axis(df["value"], unit, lang)
    data = [{
        "type": "bar", "orientation": "h", "x": drawn, "y": names,
        "customdata": df["body_id"].tolist(), "hovertext": _hover(df["value"], unit, lang), "hoverinfo": "y+text",
        "marker": {"color": [OKABE_ITO[1] if b in chosen else OKABE_ITO[0] for b in df["body_id"]],
                   "pattern": {"shape": ["/" if p else "" for p in _partial(df)]}},
    }]
    # A left margin sized to the longest name rather than Plotly's automargin, which draws the chart twice.
    left = min(300, 16 + 6 * max((len(n) for n in names), default=0))
    layout = {"yaxis": {"automargin": False}, "xaxis": axis,
              "margin": {"l": left}}
    return _figure(data, layout, lang, title, height=max(300, 24 * len(df) + 80))


def small_multiples(df: pd.DataFrame, *, names: Mapping[str, str], units: Mapping[str, str],
                    lang: str) -> go.Figure:
    """One small line chart per metric (rows metric_id, year, value, partial), each with its own y axis, two to
    a row."""
    metric_ids = list(names)
    cols, gap_x, gap_y = 2, 0.1, 0.18
    rows = max(1, (len(metric_ids) + 1) // cols)
    row_height = (1 - gap_y * (rows - 1)) / rows
    data: list[dict[str, Any]] = []
    layout: dict[str, Any] = {"annotations": []}
    for i, metric in enumerate(metric_ids):
        row, col = divmod(i, cols)
        suffix = "" if i == 0 else str(i + 1)
        x0 = col * (1 + gap_x) / cols
        x_domain = [round(x0, 6), min(1.0, round(x0 + (1 - gap_x) / cols, 6))]
        top = 1 - row * (row_height + gap_y)
        part = df[df["metric_id"] == metric]
        drawn, axis = _value_axis(part["value"], units.get(metric, ""), lang)
        data.append({"type": "scatter", "x": _values(part["year"]), "y": drawn,
                     "mode": "lines+markers", "name": names[metric], "showlegend": False,
                     "line": {"color": OKABE_ITO[i % len(OKABE_ITO)]}, "hoverinfo": "x+text",
                     "hovertext": _hover(part["value"], units.get(metric, ""), lang),
                     "marker": {"symbol": ["circle-open" if p else "circle" for p in _partial(part)], "size": 8},
                     "xaxis": f"x{suffix}", "yaxis": f"y{suffix}"})
        layout[f"xaxis{suffix}"] = {"domain": x_domain, "anchor": f"y{suffix}", "dtick": 2, "tickformat": "d"}
        layout[f"yaxis{suffix}"] = {**axis, "domain": [max(0.0, round(top - row_height, 6)), round(top, 6)],
                                    "anchor": f"x{suffix}"}
        layout["annotations"].append({"text": names[metric], "x": sum(x_domain) / 2, "y": top, "xref": "paper",
                                      "yref": "paper", "xanchor": "center", "yanchor": "bottom",
                                      "showarrow": False, "font": {"size": 16}})
    layout["margin"] = {"t": 30}  # room for the titles above the top row
    return _figure(data, layout, lang, None, height=260 * rows)


def treemap(df: pd.DataFrame, *, root_label: str, unit: str, lang: str) -> go.Figure:
    """The hierarchy under the current node (rows body_id, body, parent_id, value, depth). One level is drawn
    at a time (drawing hundreds of labelled cells is what makes a treemap slow in the browser); clicking a cell
    opens the level under it. Cell ids are body ids (a click reports its cell's id)."""
    ids = set(df["body_id"])
    parents = [p if p in ids else "__root__" for p in df["parent_id"].fillna("")]
    data = [{
        "type": "treemap", "ids": ["__root__", *df["body_id"]], "labels": [as_chart_text(root_label), *_names(df["body"])],
        "parents": ["", *parents], "values": [0, *_values(df["value"].clip(lower=0))], "branchvalues": "remainder",
        "customdata": ["", *df["body_id"]], "hovertext": ["", *_hover(df["value"], unit, lang)],
        "hoverinfo": "label+text", "maxdepth": 2,
        "marker": {"colorscale": "Cividis", "colors": [0, *_values(df["value"])]},
    }]
    return _figure(data, {}, lang, None, height=420)


def province_map(df: pd.DataFrame, *, unit: str, lang: str, highlight: list[str] | None = None) -> go.Figure:
    """Sized markers at province coordinates (rows province, lat, lon, value). Plain lon/lat axes, so it
    needs no map tiles or network. With `highlight`, the other provinces are faded and unlabelled."""
    df = df.dropna(subset=["lat", "lon"])
    top = df["value"].max() if len(df) else 1
    shown = set(highlight or df["province"])
    provinces = df["province"].tolist()
    colours, axis = _value_axis(df["value"], unit, lang)
    data = [{
        "type": "scatter", "x": _values(df["lon"]), "y": _values(df["lat"]), "mode": "markers+text",
        "textposition": "middle right", "text": [as_chart_text(p) if p in shown else "" for p in provinces],
        "textfont": {"size": 9}, "customdata": provinces, "hoverinfo": "text",
        "hovertext": [f"{as_chart_text(p)}: {format_value(v, unit, lang)}"
                      for p, v in zip(provinces, df["value"], strict=True)],
        "marker": {"size": [8 + 40 * (v / top) ** 0.5 if top else 8 for v in df["value"]],
                   "color": colours, "colorscale": "Cividis", "showscale": True, "colorbar": axis, "opacity": [1.0 if p in shown else 0.2 for p in provinces],
                   "line": {"width": 1, "color": "#333"}},
    }]
    layout = {"xaxis": {"visible": False, "range": [101.5, 110.5]},
              "yaxis": {"visible": False, "range": [8, 23.8], "scaleanchor": "x", "scaleratio": 1}}
    return _figure(data, layout, lang, None, height=720)


def quick_chart(df: pd.DataFrame, lang: str) -> go.Figure | None:
    """A bar chart of the first text column against the first numeric one, when there are both."""
    numeric = [c for c in df.columns if pd.api.types.is_numeric_dtype(df[c]) and not pd.api.types.is_bool_dtype(df[c])]
    other = [c for c in df.columns if c not in numeric]
    if not numeric or df.empty:
        return None
    x = _names(df[other[0]].astype(str)) if other else df.index.tolist()
    drawn, axis = _value_axis(df[numeric[0]], "", lang)
    data = [{"type": "bar", "x": x, "y": drawn}]
    layout = {"yaxis": {"title": {"text": as_chart_text(numeric[0])}, **axis},
              "xaxis": {"title": {"text": as_chart_text(other[0]) if other else ""}}}
    return _figure(data, layout, lang, None)
