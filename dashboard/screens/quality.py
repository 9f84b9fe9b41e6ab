"""Chất lượng dữ liệu / Data quality: conflicts, unverified bodies, coverage gaps, quarantined documents.

Each table is shown in the chosen language's formats and downloads as CSV or XLSX with its raw values. The
conflicts are many on a large warehouse: the page shows the first tables.FIRST_ROWS of them, and two more buttons
fetch the whole list when clicked."""

from __future__ import annotations

from collections.abc import Callable

import pandas as pd
import streamlit as st

from dashboard import data, frame, state, tables
from dashboard.state import t


def table(raw: pd.DataFrame, shown: Callable[[pd.DataFrame], pd.DataFrame], name: str,
          everything: Callable[[], pd.DataFrame] | None = None) -> None:
    if raw.empty:
        st.caption(t("none_found"))
        return
    st.dataframe(shown(raw), hide_index=True, key=f"tbl_{name}")
    frame.downloads(raw, name, name, everything=everything)


def conflicts_shown(df: pd.DataFrame, names: dict[str, str], units: dict[str, str]) -> pd.DataFrame:
    unit = [units.get(m, "") for m in df["metric_id"]]
    return tables.readable({
        "col_metric": [names.get(m, m) for m in df["metric_id"]],
        "col_body": tables.each(df["body"], tables.text),
        "col_period": [tables.period(a, b) for a, b in zip(df["period_start"], df["period_end"], strict=True)],
        "col_n_values": tables.each(df["n_values"], tables.number),
        "col_chosen": [tables.value(v, u) for v, u in zip(df["chosen_value"], unit, strict=True)],
        "col_all_values": [tables.values_list(v, u) for v, u in zip(df["all_values"], unit, strict=True)],
        "col_fact_ids": tables.each(df["fact_ids"], tables.ids_list),
    })


@st.cache_data(max_entries=16, show_spinner=False)
def conflicts_table(version: str, lang: str, first: int) -> tuple[pd.DataFrame, pd.DataFrame]:
    """(raw, shown) first conflicts: formatting a thousand of them (each with its values) costs a few hundred ms,
    so it is done once per warehouse version and language (`version` and `lang` are the cache key)."""
    df = data.frame("conflicts", limit=first)
    names, units = frame.metric_names()
    return df, conflicts_shown(df, names, units)


def conflicts() -> None:
    first = tables.FIRST_ROWS
    df, shown = conflicts_table(data.version(), state.lang(), first)
    if len(df) >= first:
        st.caption(t("conflicts_first", n=tables.number(first), total=tables.number(data.call("conflicts_count"))))

    def everything() -> pd.DataFrame:  # every conflict, read when a whole-list button is clicked (not cached)
        return data.fresh("conflicts", limit=2**62)

    table(df, lambda _d: shown, "conflicts", everything=everything if len(df) >= first else None)


def main() -> None:
    summary = frame.opening("page_quality")
    if summary is None:
        return
    lo, hi = state.year_range(int(summary["first_year"]), int(summary["last_year"]))
    names = frame.metric_names()[0]
    tabs = st.tabs([t("conflicts"), t("unverified"), t("coverage_gaps"), t("quarantined")])
    with tabs[0]:
        conflicts()
    with tabs[1]:
        table(data.frame("unverified_bodies"), lambda d: tables.readable({
            "col_body": tables.each(d["name"], tables.text),
            "col_level": tables.each(d["level"], tables.level),
            "col_province": tables.each(d["province"], tables.text),
            "col_facts": tables.each(d["facts"], tables.number),
        }), "unverified-bodies")
    with tabs[2]:
        table(data.frame("coverage_gaps", lo, hi, state.get("level") or "province"), lambda d: tables.readable({
            "col_body": tables.each(d["body"], tables.text),
            "col_metric": [names.get(m, m) for m in d["metric_id"]],
            "col_missing_years": tables.each(d["missing_years"], tables.number),
            "col_years_list": tables.each(d["years"], tables.text),
        }), "coverage-gaps")
    with tabs[3]:
        table(data.frame("quarantined_documents"), lambda d: tables.readable({
            "col_run": tables.each(d["run_id"], tables.text),
            "col_path": tables.each(d["path"], tables.text),
            "col_stage": tables.each(d["stage"], tables.text),
            "col_message": tables.each(d["message"], tables.text),
        }), "quarantined")


with frame.guard():
    main()
