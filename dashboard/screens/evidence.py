"""Nguồn / Evidence: every figure traceable — the facts with body, period, value, evidence (figure highlighted),
source document and confidence; low-confidence filter; charts open this page filtered to what was clicked."""

from __future__ import annotations

from datetime import date

import streamlit as st

from dashboard import data, frame, state
from dashboard.evidence_text import highlight
from dashboard.i18n import format_date, format_number, format_value
from dashboard.state import t

PAGE_SIZE = 500
MAX_SENT = 10_000
LOW = 0.7


def _date(text: str) -> date | None:
    try:
        return date.fromisoformat(text)
    except ValueError:
        return None


def main() -> None:
    lang = state.lang()
    st.title(t("page_evidence"))
    summary = frame.empty_state()
    if summary is None:
        return
    f = frame.filters(summary, key="_evidence")
    start, end = _date(state.get("fstart")), _date(state.get("fend"))
    body = state.get("fbody")
    metric = state.get("fmetric") or f.metric
    bodies = [body] if body else f.bodies
    if start or end or body:
        what = " · ".join(x for x in [body, format_date(start) if start else "", format_date(end) if end else ""] if x)
        c1, c2 = st.columns([4, 1])
        c1.info(t("evidence_filter", what=what), icon=":material/filter_alt:")
        if c2.button(t("evidence_clear"), key="clear_chart_filter"):
            for key in state.LOCAL_KEYS:
                st.query_params.pop(key, None)
            st.rerun()
    low = st.toggle(t("low_conf_only"), value=state.get("conf") != "1.0", key="w_lowconf")
    state.put("conf", str(LOW) if low else "1.0")
    max_conf = LOW - 1e-9 if low else 1.0
    args = (metric, bodies, f.first, f.last)
    opts = {"max_confidence": max_conf, "start": start, "end": end}
    total = data.call("facts_count", *args, **opts)
    pages = max(1, min(MAX_SENT, total) // PAGE_SIZE + (1 if min(MAX_SENT, total) % PAGE_SIZE else 0))
    page_no = st.number_input(t("page_no"), 1, pages, 1, key="w_page") if pages > 1 else 1
    df = data.frame("facts_table", *args, limit=PAGE_SIZE, offset=(int(page_no) - 1) * PAGE_SIZE, **opts)
    st.caption(t("facts_shown", shown=format_number(len(df), lang), total=format_number(total, lang)))
    if df.empty:
        st.info(t("no_data_for_filters"))
        return
    shown = df.assign(
        value_text=[format_value(v, u, lang) for v, u in zip(df["value"], df["unit"], strict=True)],
        period_end_text=[format_date(d) for d in df["period_end"]],
    )[["body", "period_label", "period_end_text", "value_text", "evidence", "source_path", "confidence"]]
    shown.columns = [t("col_body"), t("col_period"), "", t("col_value"), t("col_evidence"), t("col_source"),
                     t("col_confidence")]
    event = st.dataframe(shown, hide_index=True, on_select="rerun", selection_mode="single-row", key="facts",
                         column_config={t("col_confidence"): st.column_config.ProgressColumn(
                             t("col_confidence"), min_value=0.0, max_value=1.0, format="%.2f")})

    def full() -> bytes:
        everything = data.frame("facts_table", *args, limit=2_000_000, **opts)
        return everything.to_csv(index=False).encode("utf-8-sig")

    frame.downloads(df, "facts-page", "facts_page")
    st.download_button(t("download_all"), full, file_name="facts.csv", mime="text/csv", key="csv_facts",
                       icon=":material/download:", on_click="ignore")
    st.subheader(t("detail"))
    rows = event.selection.rows if event else []
    if not rows:
        st.caption(t("detail_pick"))
        return
    row = df.iloc[rows[0]]
    st.html(f"<blockquote style='font-size:1.1rem'>{highlight(row['evidence'], row['raw_value'])}</blockquote>")
    st.text(f"{t('source')}: {row['source_title'] or ''} — {row['source_path']}")
    st.text(f"{t('confidence')}: {format_number(row['confidence'], lang, 2)} · fact_id {row['fact_id']}")


with frame.guard():
    main()
