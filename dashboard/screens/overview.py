"""Tổng quan / Overview: a card per core metric for the chosen year with the change against the year before,
and small multiples of every metric over time."""

from __future__ import annotations

import streamlit as st

from dashboard import charts, data, frame, state
from dashboard.i18n import format_pct, format_value
from dashboard.state import t


def main() -> None:
    lang = state.lang()
    st.title(t("page_overview"))
    summary = frame.empty_state()
    if summary is None:
        return
    f = frame.filters(summary, bodies=False, key="_overview")
    df = data.frame("metric_years", f.level, [], f.first - 1, f.last)
    year = f.last
    st.subheader(f"{t('card_year')} {year}")
    cols = st.columns(len(f.metric_names))
    for col, (metric, name) in zip(cols, f.metric_names.items(), strict=True):
        rows = df[df["metric_id"] == metric].set_index("year")
        now = rows["value"].get(year)
        before = rows["value"].get(year - 1)
        delta = None
        if now is not None and before:
            delta = f"{format_pct((now - before) / before * 100, lang)} {t('card_change', year=year - 1)}"
        partial = bool(rows["partial"].get(year, False))
        col.metric(name, format_value(now, f.units[metric], lang), delta=delta, border=True,
                   help=t("card_partial") if partial else None)
    st.subheader(t("overview_multiples"))
    shown = df[df["year"] >= f.first]
    if shown.empty:
        st.info(t("no_data_for_filters"))
        return
    st.plotly_chart(charts.small_multiples(shown, names=f.metric_names, units=f.units, lang=lang), key="multiples")


with frame.guard():
    main()
