"""ETL: run history and errors (the last refresh also shows in the sidebar on every page). Shown in the chosen
language's formats; the downloads keep the raw values."""

from __future__ import annotations

import streamlit as st

from dashboard import data, frame, tables
from dashboard.state import t

COUNTS = [("documents_seen", "col_docs_seen"), ("documents_new", "col_docs_new"),
          ("documents_changed", "col_docs_changed"), ("documents_unchanged", "col_docs_unchanged"),
          ("documents_rejected", "col_docs_rejected"), ("documents_removed", "col_docs_removed"),
          ("rows_rejected", "col_rows_rejected"), ("facts_added", "col_facts_added"),
          ("facts_removed", "col_facts_removed")]


def main() -> None:
    st.title(t("page_etl"))
    if not data.db_path().exists():
        frame.empty_state()
        return
    st.subheader(t("etl_runs"))
    runs = data.frame("run_history", 200)
    if runs.empty:
        st.caption(t("none_found"))
    else:
        st.dataframe(tables.readable({
            "col_run": tables.each(runs["run_id"], tables.text),
            "col_started": tables.each(runs["started_at"], tables.moment),
            "col_duration": tables.each(runs["duration"], tables.seconds),
            "col_status": tables.each(runs["status"], tables.text),
            **{label: tables.each(runs[col], tables.number) for col, label in COUNTS},
            "col_failure": tables.each(runs["failure"], tables.text),
        }), hide_index=True, key="runs")
        frame.downloads(runs, "etl-runs", "runs")
    st.subheader(t("etl_errors"))
    errors = data.frame("run_errors", 10_000)
    if errors.empty:
        st.caption(t("none_found"))
    else:
        st.dataframe(tables.readable({
            "col_run": tables.each(errors["run_id"], tables.text),
            "col_path": tables.each(errors["path"], tables.text),
            "col_row": tables.each(errors["row_no"], tables.number),
            "col_stage": tables.each(errors["stage"], tables.text),
            "col_message": tables.each(errors["message"], tables.text),
        }), hide_index=True, key="errors")
        frame.downloads(errors, "etl-errors", "errors")


with frame.guard():
    main()
