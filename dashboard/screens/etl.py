"""ETL: run history and errors (the last refresh also shows in the sidebar on every page)."""

from __future__ import annotations

import streamlit as st

from dashboard import data, frame
from dashboard.state import t


def main() -> None:
    st.title(t("page_etl"))
    if not data.db_path().exists():
        frame.empty_state()
        return
    st.subheader(t("etl_runs"))
    runs = data.frame("run_history", 200)
    runs["duration"] = runs["duration"].astype(str)
    st.dataframe(runs, hide_index=True, key="runs")
    frame.downloads(runs, "etl-runs", "runs")
    st.subheader(t("etl_errors"))
    errors = data.frame("run_errors", 10_000)
    if errors.empty:
        st.caption(t("none_found"))
    else:
        st.dataframe(errors, hide_index=True, key="errors")
        frame.downloads(errors, "etl-errors", "errors")


with frame.guard():
    main()
