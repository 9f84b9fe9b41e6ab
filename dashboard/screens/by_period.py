"""Theo thời gian / By period: the chosen metric over time (grain, per period or cumulative), partial periods
marked, and the bodies compared; clicking a point or bar opens the facts behind it."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from dashboard import charts, data, frame, state
from dashboard.state import t

GRAINS = ["year", "half", "quarter", "month"]


@st.fragment
def series_panel(f: frame.Filters, lang: str) -> None:
    """Grain and mode only rerun this fragment."""
    c1, c2 = st.columns([3, 2])
    current = state.get("grain") if state.get("grain") in GRAINS else "year"
    grain = c1.segmented_control(t("grain"), GRAINS, default=current, format_func=lambda g: t(f"grain_{g}"),
                                 key="w_grain") or current
    mode = c2.segmented_control(t("mode"), ["period", "cumulative"], default=state.get("mode"),
                                format_func=lambda m: t(f"mode_{m}"), key="w_mode") or "period"
    state.put("grain", grain)
    state.put("mode", mode)
    if grain == "year":
        df = data.frame("yearly_series", f.metric, f.level, f.bodies, f.first, f.last)
        df["period"] = df["year"]
        df["cumulative_value"] = df["value"].cumsum()
    else:
        df = data.frame("period_series", f.metric, grain, f.level, f.bodies, f.first, f.last)
        df["period"] = pd.to_datetime(df["period_start"])
    if df.empty:
        st.info(t("no_data_for_filters"))
        return
    y = "cumulative_value" if mode == "cumulative" else "value"
    fig = charts.time_series(df, x="period", y=y, unit=f.unit, lang=lang, x_is_year=grain == "year",
                             title=f"{f.metric_names[f.metric]} — {t('grain_' + grain)}")
    event = st.plotly_chart(fig, key="series_chart", on_select="rerun", selection_mode="points")
    st.caption(t("partial_note"))
    points = list(event.selection.points) if event else []
    if points:
        x = points[0].get("x")
        open_evidence(f, period=str(x), grain=grain)


def open_evidence(f: frame.Filters, *, period: str, grain: str, body: str = "") -> None:
    """From a chart click to the facts behind it: the evidence page filtered to that period (and body)."""
    start, end = period_bounds(period, grain)
    params = {**state.shared(), "fstart": start, "fend": end, "fmetric": f.metric}
    if body:
        params["fbody"] = body
    st.switch_page(frame.page_for("evidence"), query_params=params)


def period_bounds(period: str, grain: str) -> tuple[str, str]:
    """'2023' (year) → 2023-01-01..2023-12-31; '2023-04-01' (quarter) → 2023-04-01..2023-06-30."""
    if grain == "year":
        year = int(float(period[:4]))
        return f"{year}-01-01", f"{year}-12-31"
    start = pd.Timestamp(period[:10])
    months = {"half": 6, "quarter": 3, "month": 1}[grain]
    end = start + pd.DateOffset(months=months) - pd.Timedelta(days=1)
    return start.date().isoformat(), end.date().isoformat()


def body_panel(f: frame.Filters, lang: str) -> None:
    ranked = data.frame("ranking", f.metric, f.first, f.last, level=f.level, body_ids=f.bodies, limit=30)
    st.subheader(t("by_body_title"))
    if ranked.empty:
        st.info(t("no_data_for_filters"))
        return
    fig = charts.bar_by_body(ranked, unit=f.unit, lang=lang, selected=f.bodies)
    event = st.plotly_chart(fig, key="body_bar", on_select="rerun", selection_mode="points")
    points = list(event.selection.points) if event else []
    if points:
        body = points[0].get("customdata")
        body_id = body[0] if isinstance(body, list) else body
        start, end = f"{f.first}-01-01", f"{f.last}-12-31"
        st.switch_page(frame.page_for("evidence"),
                       query_params={**state.shared(), "fstart": start, "fend": end, "fmetric": f.metric,
                                     "fbody": str(body_id)})


def main() -> None:
    lang = state.lang()
    st.title(t("page_by_period"))
    summary = frame.empty_state()
    if summary is None:
        return
    f = frame.filters(summary, key="_by_period")
    series_panel(f, lang)
    body_panel(f, lang)


with frame.guard():
    main()
