"""Theo thời gian / By period: the chosen metric over time (grain, per period or cumulative), partial periods
marked, the periods as a table, and the bodies compared; clicking a point of the series opens the facts behind it.

Cross-filtering: clicking bars of the body chart selects bodies, and the series and the table show those bodies
only; selecting rows of the table selects periods, and the body chart ranks the bodies over those periods. The
selection bar links to the facts behind the selection on the Evidence page."""

from __future__ import annotations

import re
from typing import Any

import pandas as pd
import streamlit as st

from dashboard import charts, crossfilter, data, frame, plot, state
from dashboard.i18n import format_value
from dashboard.state import t

GRAINS = ["year", "half", "quarter", "month"]
_PERIOD_KEY = {"year": re.compile(r"\d{4}"), "half": re.compile(r"\d{4}-\d\d-01"),
               "quarter": re.compile(r"\d{4}-\d\d-01"), "month": re.compile(r"\d{4}-\d\d-01")}


def period_key(period: Any, grain: str) -> str:
    """What a selected period is called in the URL: '2023' for a year, else its first day '2023-04-01'."""
    if grain == "year":
        return str(int(period))
    return pd.Timestamp(period).date().isoformat()


def period_label(key: str, grain: str) -> str:
    """'2023-04-01' (quarter) → 'Quý 2/2023' / 'Q2 2023'; '2023-07-01' (half) → '6 tháng cuối năm 2023'."""
    if grain == "year" or not _PERIOD_KEY[grain].fullmatch(key):
        return key
    start = pd.Timestamp(key)
    if grain == "half":
        return t(f"period_half_{(start.month - 1) // 6 + 1}", year=start.year)
    number = (start.month - 1) // 3 + 1 if grain == "quarter" else start.month
    return t(f"period_{grain}", n=number, year=start.year)


def period_bounds(period: str, grain: str) -> tuple[str, str]:
    """'2023' (year) → 2023-01-01..2023-12-31; '2023-04-01' (quarter) → 2023-04-01..2023-06-30."""
    if grain == "year":
        year = int(float(period[:4]))
        return f"{year}-01-01", f"{year}-12-31"
    start = pd.Timestamp(period[:10])
    months = {"half": 6, "quarter": 3, "month": 1}[grain]
    end = start + pd.DateOffset(months=months) - pd.Timedelta(days=1)
    return start.date().isoformat(), end.date().isoformat()


def open_evidence(f: frame.Filters, *, period: str, grain: str, body: str = "") -> None:
    """From a chart click to the facts behind it: the evidence page filtered to that period (and body)."""
    start, end = period_bounds(period, grain)
    params = {**state.shared(), "fstart": start, "fend": end, "fmetric": f.metric}
    if body:
        params["fbody"] = body
    st.switch_page(frame.page_for("evidence"), query_params=params)


def evidence_link(pick: crossfilter.Pick, f: frame.Filters, grain: str) -> None:
    """The facts behind the selection: its bodies, or its periods, on the Evidence page."""
    params = {**state.shared(), "fmetric": f.metric}
    if pick.origin == "bodies":
        if len(pick.values) == 1:
            params.update(fstart=f"{f.first}-01-01", fend=f"{f.last}-12-31", fbody=pick.values[0])
        else:
            params["bodies"] = ",".join(pick.values)
    else:
        bounds = [period_bounds(p, grain) for p in pick.values]
        params.update(fstart=min(b[0] for b in bounds), fend=max(b[1] for b in bounds))
    st.page_link(frame.page_for("evidence"), label=t("pick_evidence"), icon=":material/fact_check:",
                 query_params=params)


def _no_callback() -> None:
    """The series' click is read where the chart is drawn (it leaves the page for the evidence)."""


def grain_and_mode() -> tuple[str, str]:
    c1, c2 = st.columns([3, 2])
    current = state.get("grain") if state.get("grain") in GRAINS else "year"

    def grain_changed() -> None:
        if state.pick()[0] == "periods":  # periods of the old grain mean nothing in the new one
            crossfilter.clear()

    grain = c1.segmented_control(t("grain"), GRAINS, default=current, format_func=lambda g: t(f"grain_{g}"),
                                 key="w_grain", on_change=grain_changed) or current
    mode = c2.segmented_control(t("mode"), ["period", "cumulative"], default=state.get("mode"),
                                format_func=lambda m: t(f"mode_{m}"), key="w_mode") or "period"
    state.put("grain", grain)
    state.put("mode", mode)
    return grain, mode


def series_panel(f: frame.Filters, lang: str, grain: str, mode: str, bodies: list[str]) -> None:
    if grain == "year":
        df = data.frame("yearly_series", f.metric, f.level, bodies, f.first, f.last)
        df["period"] = df["year"]
        df["cumulative_value"] = df["value"].cumsum()
    else:
        df = data.frame("period_series", f.metric, grain, f.level, bodies, f.first, f.last)
        df["period"] = pd.to_datetime(df["period_start"])
    if df.empty:
        st.info(t("no_data_for_filters"))
        return
    y = "cumulative_value" if mode == "cumulative" else "value"
    fig = charts.time_series(df, x="period", y=y, unit=f.unit, lang=lang, x_is_year=grain == "year",
                             title=f"{f.metric_names[f.metric]} — {t('grain_' + grain)}")
    points = plot.clicked_points(plot.show(fig, "series_chart", on_click=_no_callback))
    st.caption(t("partial_note"))
    if points:
        open_evidence(f, period=str(points[0].get("x")), grain=grain)
    # Drawn only while open: a table costs 0.1–0.4 s to draw, on every filter change too.
    panel = st.expander(t("periods_table"), key="w_periods_open", on_change="rerun")
    with panel:
        if not panel.open:
            return
        st.caption(t("periods_help"))
        keys = [period_key(p, grain) for p in df["period"]]
        table = pd.DataFrame({
            t("col_period"): [period_label(k, grain) for k in keys],
            t("col_value"): [format_value(v, f.unit, lang) for v in df[y]],
            t("partial_period"): ["✓" if p else "" for p in df["partial"].fillna(False).astype(bool)],
        })
        crossfilter.table(table, "periods", keys, height=min(36 * len(table) + 40, 300))
        frame.downloads(df[["period", "value", "cumulative_value", "partial"]], f"series-{grain}", "series")


def body_panel(f: frame.Filters, lang: str, pick: crossfilter.Pick, grain: str) -> None:
    st.subheader(t("by_body_title"))
    periods = [p for p in pick.on("bodies") if _PERIOD_KEY[grain].fullmatch(p)] if pick.origin == "periods" else []
    if periods:
        ranked = data.frame("ranking_in_periods", f.metric, grain, periods, f.level, f.bodies, 30)
    else:
        ranked = data.frame("ranking", f.metric, f.first, f.last, level=f.level, body_ids=f.bodies, limit=30)
    st.caption(t("by_body_help"))
    if ranked.empty:
        st.info(t("no_data_for_filters"))
        return
    fig = charts.bar_by_body(ranked, unit=f.unit, lang=lang, selected=pick.mine("bodies"))
    crossfilter.chart(fig, "bodies", toggle=True, modes=("points", "box"))


@frame.view
def view(summary: dict[str, Any]) -> None:
    lang = state.lang()
    f = frame.filters(summary, key="_by_period")
    grain, mode = grain_and_mode()
    registry = data.frame("bodies")
    names = dict(zip(registry["body_id"], registry["name"], strict=True))
    origin = state.pick()[0]
    pick = crossfilter.bar(lambda v: names.get(v, v) if origin == "bodies" else period_label(v, grain),
                           extra=lambda p: evidence_link(p, f, grain))
    bodies = pick.on("periods") if pick.origin == "bodies" else f.bodies
    series_panel(f, lang, grain, mode, bodies)
    body_panel(f, lang, pick, grain)


def main() -> None:
    summary = frame.opening("page_by_period")
    if summary is not None:
        view(summary)


with frame.guard():
    main()
