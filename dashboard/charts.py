"""Pure functions: an aggregated DataFrame in, a Plotly figure out. No Streamlit here, so they are tested alone.

Colours: the Okabe-Ito palette, readable for the common forms of colour blindness; partial periods are marked
by shape (hollow markers, hatched bars), never by colour alone.
"""

from __future__ import annotations

from collections.abc import Mapping

import pandas as pd
import plotly.graph_objects as go

from dashboard.i18n import format_value, translate

OKABE_ITO = ["#0072B2", "#E69F00", "#009E73", "#D55E00", "#CC79A7", "#56B4E9", "#F0E442", "#000000"]
MAX_POINTS = 5000


def _layout(fig: go.Figure, lang: str, title: str | None = None, height: int = 380) -> go.Figure:
    fig.update_layout(
        title=title, height=height, margin={"l": 10, "r": 10, "t": 40 if title else 10, "b": 10},
        separators=",." if lang == "vi" else ".,", colorway=OKABE_ITO, legend={"orientation": "h", "y": -0.15},
        hoverlabel={"namelength": -1},
    )
    return fig


def _hover(values: pd.Series, unit: str, lang: str) -> list[str]:
    return [format_value(v, unit, lang) for v in values]


def time_series(df: pd.DataFrame, *, x: str, y: str, unit: str, lang: str, title: str | None = None,
                group: str | None = None, kind: str = "line", x_is_year: bool = False) -> go.Figure:
    """A series over time; rows with partial = True drawn hollow and named in the legend as partial."""
    df = df.head(MAX_POINTS)
    fig = go.Figure()
    groups = [(None, df)] if group is None or group not in df else list(df.groupby(group, sort=False))
    partial_name = translate(lang, "partial_period")
    for i, (name, part) in enumerate(groups):
        colour = OKABE_ITO[i % len(OKABE_ITO)]
        label = str(name) if name is not None else translate(lang, "total")
        text = _hover(part[y], unit, lang)
        partial = part["partial"].fillna(False).astype(bool) if "partial" in part else pd.Series(False, part.index)
        custom = part[group].astype(str).tolist() if group else [""] * len(part)
        if kind == "bar":
            fig.add_bar(x=part[x], y=part[y], name=label, marker_color=colour, hovertext=text,
                        hoverinfo="x+text+name", customdata=custom,
                        marker_pattern_shape=["/" if p else "" for p in partial])
        else:
            fig.add_scatter(x=part[x], y=part[y], name=label, mode="lines+markers", line_color=colour,
                            hovertext=text, hoverinfo="x+text+name", customdata=custom,
                            marker={"symbol": ["circle-open" if p else "circle" for p in partial], "size": 9})
    if "partial" in df and df["partial"].fillna(False).astype(bool).any():
        # A legend entry that explains the hollow marks / hatching.
        fig.add_scatter(x=[None], y=[None], mode="markers", name=partial_name,
                        marker={"symbol": "circle-open", "size": 9, "color": "#555"})
    if x_is_year:
        fig.update_xaxes(dtick=1, tickformat="d")
    fig.update_yaxes(rangemode="tozero", tickformat=",.0f")
    return _layout(fig, lang, title)


def bar_by_body(df: pd.DataFrame, *, unit: str, lang: str, title: str | None = None,
                selected: list[str] | None = None, top: int = 30) -> go.Figure:
    """Horizontal ranking, biggest on top; customdata carries the body id for click-through."""
    df = df.head(top).iloc[::-1]
    chosen = set(selected or [])
    colours = [OKABE_ITO[1] if b in chosen else OKABE_ITO[0] for b in df["body_id"]]
    partial = df["partial"].fillna(False).astype(bool) if "partial" in df else pd.Series(False, df.index)
    fig = go.Figure(go.Bar(
        x=df["value"], y=df["body"], orientation="h", customdata=df["body_id"], marker_color=colours,
        marker_pattern_shape=["/" if p else "" for p in partial], hovertext=_hover(df["value"], unit, lang),
        hoverinfo="y+text",
    ))
    fig.update_yaxes(automargin=True)
    fig.update_xaxes(tickformat=",.0f")  # grouped as the language groups them (1.234.567), not 1.2M
    return _layout(fig, lang, title, height=max(300, 24 * len(df) + 80))


def small_multiples(df: pd.DataFrame, *, names: Mapping[str, str], units: Mapping[str, str],
                    lang: str) -> go.Figure:
    """One small line chart per metric (rows metric_id, year, value, partial), each with its own y axis."""
    from plotly.subplots import make_subplots

    metric_ids = list(names)
    cols = 2
    rows = max(1, (len(metric_ids) + 1) // cols)
    fig = make_subplots(rows=rows, cols=cols, subplot_titles=[names[m] for m in metric_ids],
                        vertical_spacing=0.18)
    for i, metric in enumerate(metric_ids):
        part = df[df["metric_id"] == metric]
        partial = part["partial"].fillna(False).astype(bool)
        fig.add_scatter(x=part["year"], y=part["value"], mode="lines+markers", name=names[metric],
                        line_color=OKABE_ITO[i % len(OKABE_ITO)], showlegend=False,
                        hovertext=_hover(part["value"], units.get(metric, ""), lang), hoverinfo="x+text",
                        marker={"symbol": ["circle-open" if p else "circle" for p in partial], "size": 8},
                        row=i // cols + 1, col=i % cols + 1)
    fig.update_xaxes(dtick=2, tickformat="d")
    return _layout(fig, lang, None, height=260 * rows)


def treemap(df: pd.DataFrame, *, root_label: str, unit: str, lang: str) -> go.Figure:
    """The hierarchy under the current node (rows body_id, body, parent_id, value, depth). One level is drawn
    at a time (drawing hundreds of labelled cells is what makes a treemap slow in the browser); clicking a cell
    opens the level under it. Cell ids are body ids (a click reports its cell's id)."""
    ids = set(df["body_id"])
    parents = [p if p in ids else "__root__" for p in df["parent_id"].fillna("")]
    fig = go.Figure(go.Treemap(
        ids=["__root__", *df["body_id"]], labels=[root_label, *df["body"]], parents=["", *parents],
        values=[0, *df["value"].clip(lower=0)], branchvalues="remainder", customdata=["", *df["body_id"]],
        hovertext=["", *_hover(df["value"], unit, lang)], hoverinfo="label+text", maxdepth=2,
        marker={"colorscale": "Cividis", "colors": [0, *df["value"]]},
    ))
    return _layout(fig, lang, None, height=420)


def province_map(df: pd.DataFrame, *, unit: str, lang: str, highlight: list[str] | None = None) -> go.Figure:
    """Sized markers at province coordinates (rows province, lat, lon, value). Plain lon/lat axes, so it
    needs no map tiles or network. With `highlight`, the other provinces are faded and unlabelled."""
    df = df.dropna(subset=["lat", "lon"])
    top = df["value"].max() if len(df) else 1
    sizes = [8 + 40 * (v / top) ** 0.5 if top else 8 for v in df["value"]]
    shown = set(highlight or df["province"])
    fig = go.Figure(go.Scatter(
        x=df["lon"], y=df["lat"], mode="markers+text", textposition="middle right",
        text=[p if p in shown else "" for p in df["province"]], textfont={"size": 9}, customdata=df["province"],
        marker={"size": sizes, "color": df["value"], "colorscale": "Cividis", "showscale": True,
                "colorbar": {"tickformat": ",.0f"},
                "opacity": [1.0 if p in shown else 0.2 for p in df["province"]],
                "line": {"width": 1, "color": "#333"}},
        hovertext=[f"{p}: {format_value(v, unit, lang)}" for p, v in zip(df["province"], df["value"], strict=True)],
        hoverinfo="text",
    ))
    fig.update_xaxes(visible=False, range=[101.5, 110.5])
    fig.update_yaxes(visible=False, range=[8, 23.8], scaleanchor="x", scaleratio=1)
    return _layout(fig, lang, None, height=720)


def quick_chart(df: pd.DataFrame, lang: str) -> go.Figure | None:
    """A bar chart of the first text column against the first numeric one, when there are both."""
    numeric = [c for c in df.columns if pd.api.types.is_numeric_dtype(df[c]) and not pd.api.types.is_bool_dtype(df[c])]
    other = [c for c in df.columns if c not in numeric]
    if not numeric or df.empty:
        return None
    x = other[0] if other else df.index
    fig = go.Figure(go.Bar(x=df[x].astype(str) if other else x, y=df[numeric[0]]))
    fig.update_layout(yaxis_title=numeric[0], xaxis_title=other[0] if other else "")
    return _layout(fig, lang, None)
