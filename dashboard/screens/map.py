"""Bản đồ / Map: province figures as sized markers at province coordinates, before or after the 2025 merger
(63 → 34 provinces: figures of merged provinces are added into the province they joined), the chosen provinces
year by year, and the provinces as a table (drawn when opened).

Cross-filtering: clicking markers (or drawing a box or lasso around them) or selecting rows of the table selects
provinces. The other views follow: the table then lists only those provinces, the map fades the others, and the
yearly chart sums them (else every province)."""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any

import pandas as pd
import streamlit as st

from dashboard import charts, crossfilter, data, frame, plot, state
from dashboard.evidence_text import as_markdown_text
from dashboard.i18n import format_value
from dashboard.state import t

COORDS = Path(__file__).resolve().parents[1] / "province_coords.csv"


@cache
def coords() -> pd.DataFrame:
    return pd.read_csv(COORDS)


def place(values: pd.DataFrame, era: str) -> tuple[pd.DataFrame, list[str]]:
    """Province values joined to coordinates of `era` ('pre' | 'post'); names that found no place."""
    ref = coords()
    if era == "post":
        merge = dict(zip(ref["name"], ref["merged_into"], strict=True))
        values = values.assign(province=values["province"].map(lambda p: merge.get(p, p)))
        values = values.groupby("province", as_index=False).agg(value=("value", "sum"), partial=("partial", "any"))
    places = ref[ref["era"] == era][["name", "lat", "lon"]].rename(columns={"name": "province"})
    if era == "pre":  # provinces formed in 2025 have no pre-merger place: use the new one's
        extra = ref[(ref["era"] == "post") & ~ref["name"].isin(places["province"])][["name", "lat", "lon"]]
        places = pd.concat([places, extra.rename(columns={"name": "province"})])
    merged = values.merge(places, on="province", how="left")
    missing = merged[merged["lat"].isna()]["province"].tolist()
    return merged, missing


def province_bodies(provinces: list[str], era: str) -> list[str]:
    """The province-level bodies whose province (in `era`'s boundaries) is one of `provinces`."""
    registry = data.frame("bodies")
    registry = registry[registry["level"] == "province"]
    merge = dict(zip(coords()["name"], coords()["merged_into"], strict=True)) if era == "post" else {}
    wanted = set(provinces)
    return [b for b, p in zip(registry["body_id"], registry["province"], strict=True)
            if isinstance(p, str) and merge.get(p, p) in wanted]


def era_choice() -> str:
    current = state.get("era") if state.get("era") in ("pre", "post") else "post"
    era = st.segmented_control(t("era"), ["pre", "post"], default=current, format_func=lambda e: t(f"era_{e}"),
                               key="w_era", on_change=crossfilter.clear) or current  # other names, other picks
    state.put("era", era)
    return era


@frame.view
def view(summary: dict[str, Any]) -> None:
    lang = state.lang()
    f = frame.filters(summary, bodies=False, level=False, key="_map")
    era = era_choice()
    values = data.frame("province_values", f.metric, f.first, f.last)
    if values.empty:
        st.info(t("no_data_for_filters"))
        return
    placed, missing = place(values, era)
    pick = crossfilter.bar(str)
    left, right = st.columns([3, 2])
    with left:
        st.caption(t("map_help"))
        crossfilter.chart(charts.province_map(placed, unit=f.unit, lang=lang, highlight=pick.on("map")), "map",
                          modes=("points", "box", "lasso"))
        if missing:
            st.caption(t("map_unplaced", names=", ".join(as_markdown_text(m) for m in missing)))
    with right:
        years(f, lang, era, list(pick.values))
        # Drawn only while open: a table costs 0.1–0.4 s to draw, on every filter change too.
        panel = st.expander(t("map_table"), key="w_provinces_open", on_change="rerun")
        with panel:
            if panel.open:
                provinces(placed, pick, f.unit, lang)


def years(f: frame.Filters, lang: str, era: str, chosen: list[str]) -> None:
    """The chosen provinces (else every province) year by year."""
    what = ", ".join(as_markdown_text(c) for c in chosen) if chosen else t("map_all_provinces")
    st.subheader(t("map_years", what=what))
    ids = province_bodies(chosen, era) if chosen else []
    series = data.frame("yearly_series", f.metric, "province", ids, f.first, f.last)
    if series.empty or (chosen and not ids):
        st.info(t("no_data_for_filters"))
        return
    plot.show(charts.time_series(series, x="year", y="value", unit=f.unit, lang=lang, kind="bar", x_is_year=True),
              "map_years")


def provinces(placed: pd.DataFrame, pick: crossfilter.Pick, unit: str, lang: str) -> None:
    """The provinces by value; selecting rows selects those provinces."""
    ranked = placed.sort_values("value", ascending=False)
    wanted = pick.on("table")
    if wanted:
        ranked = ranked[ranked["province"].isin(wanted)]
    table = pd.DataFrame({t("col_province"): ranked["province"],
                          t("col_value"): [format_value(v, unit, lang) for v in ranked["value"]]})
    crossfilter.table(table, "table", ranked["province"].tolist(), height=min(36 * len(table) + 40, 420))
    frame.downloads(ranked[["province", "value", "partial"]], "provinces", "provinces")


def main() -> None:
    summary = frame.opening("page_map")
    if summary is not None:
        view(summary)


with frame.guard():
    main()
