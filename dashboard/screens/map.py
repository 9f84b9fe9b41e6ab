"""Bản đồ / Map: province figures as sized markers at province coordinates, before or after the 2025 merger
(63 → 34 provinces: figures of merged provinces are added into the province they joined)."""

from __future__ import annotations

from functools import cache
from pathlib import Path

import pandas as pd
import streamlit as st

from dashboard import charts, data, frame, state
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


def main() -> None:
    lang = state.lang()
    st.title(t("page_map"))
    summary = frame.empty_state()
    if summary is None:
        return
    f = frame.filters(summary, bodies=False, level=False, key="_map")
    current = state.get("era") if state.get("era") in ("pre", "post") else "post"
    era = st.segmented_control(t("era"), ["pre", "post"], default=current, format_func=lambda e: t(f"era_{e}"),
                               key="w_era") or current
    state.put("era", era)
    values = data.frame("province_values", f.metric, f.first, f.last)
    if values.empty:
        st.info(t("no_data_for_filters"))
        return
    placed, missing = place(values, era)
    st.plotly_chart(charts.province_map(placed, unit=f.unit, lang=lang), key="map")
    if missing:
        st.caption(t("map_unplaced", names=", ".join(missing)))
    with st.expander(t("map_table")):
        table = placed.sort_values("value", ascending=False)[["province", "value"]]
        table = table.assign(value=[format_value(v, f.unit, lang) for v in table["value"]])
        table.columns = [t("col_province"), t("col_value")]
        st.dataframe(table, hide_index=True, key="map_table")
        frame.downloads(placed[["province", "value", "partial"]], "provinces", "provinces")


with frame.guard():
    main()
