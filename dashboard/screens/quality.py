"""Chất lượng dữ liệu / Data quality: conflicts, unverified bodies, coverage gaps, quarantined documents."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from dashboard import data, frame, state
from dashboard.state import t


def table(df: pd.DataFrame, name: str) -> None:
    if df.empty:
        st.caption(t("none_found"))
        return
    st.dataframe(df, hide_index=True, key=f"tbl_{name}")
    frame.downloads(df, name, name)


def main() -> None:
    summary = frame.opening("page_quality")
    if summary is None:
        return
    lo, hi = state.year_range(int(summary["first_year"]), int(summary["last_year"]))
    tabs = st.tabs([t("conflicts"), t("unverified"), t("coverage_gaps"), t("quarantined")])
    with tabs[0]:
        table(data.frame("conflicts"), "conflicts")
    with tabs[1]:
        table(data.frame("unverified_bodies"), "unverified-bodies")
    with tabs[2]:
        table(data.frame("coverage_gaps", lo, hi, state.get("level") or "province"), "coverage-gaps")
    with tabs[3]:
        table(data.frame("quarantined_documents"), "quarantined")


with frame.guard():
    main()
