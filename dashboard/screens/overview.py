"""Tổng quan / Overview: a card per core metric for the chosen year with the change against the year before,
and small multiples of every metric over time.

Cross-filtering: clicking a point of a small multiple selects its year, and the cards show that year (else the
last year of the range)."""

from __future__ import annotations

from typing import Any

import streamlit as st

from dashboard import charts, crossfilter, data, frame, state
from dashboard.i18n import format_pct, format_value
from dashboard.state import t


def picked_year(values: list[str], first: int, last: int) -> int:
    """The last selected year inside the range, else the range's last year."""
    years = []
    for v in values:
        try:
            years.append(int(float(v)))
        except ValueError:
            continue
    years = [y for y in years if first <= y <= last]
    return years[-1] if years else last


@frame.view
def view(summary: dict[str, Any]) -> None:
    lang = state.lang()
    f = frame.filters(summary, bodies=False, key="_overview")
    df = data.frame("metric_years", f.level, [], f.first - 1, f.last)
    pick = crossfilter.bar(str)
    year = picked_year(pick.on("cards"), f.first, f.last)
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
    st.caption(t("multiples_help"))
    crossfilter.chart(charts.small_multiples(shown, names=f.metric_names, units=f.units, lang=lang), "multiples",
                      field="x")


def main() -> None:
    summary = frame.opening("page_overview")
    if summary is not None:
        view(summary)


with frame.guard():
    main()
