"""SQL: the sandboxed console (warehouse.sandbox) with example queries, results, a quick chart and CSV."""

from __future__ import annotations

import streamlit as st

from dashboard import charts, data, frame, plot, state
from dashboard.evidence_text import as_markdown_text
from dashboard.i18n import format_number
from dashboard.state import t
from etl.errors import PartybuildError
from warehouse.sandbox import run_query

EXAMPLES = {
    "Số liệu theo chỉ tiêu / Facts per metric":
        "SELECT metric_id, count(*) AS facts, sum(value) AS total FROM v_facts GROUP BY 1 ORDER BY 2 DESC",
    "Kết nạp đảng viên theo năm / Members admitted by year":
        "SELECT year, sum(value) AS value FROM v_yearly WHERE metric_id = 'members_admitted' "
        "AND body_level = 'province' GROUP BY 1 ORDER BY 1",
    "Số liệu độ tin cậy thấp / Low-confidence facts":
        "SELECT body, period_label, value, confidence, evidence FROM v_facts WHERE confidence < 0.7 "
        "ORDER BY confidence LIMIT 100",
    "Các bảng và view / Tables and views": "SHOW TABLES",
}


@frame.view
def console() -> None:
    """The console as a fragment: running a query reruns only the console."""
    lang = state.lang()
    example = st.selectbox(t("sql_examples"), list(EXAMPLES), key="w_example")
    with st.form("sql_form"):
        sql = st.text_area(t("sql_query"), EXAMPLES[example], height=120, key=f"w_sql_{example}")
        submitted = st.form_submit_button(t("sql_run"), icon=":material/play_arrow:")
    if not submitted and "sql_last" not in st.session_state:
        return
    if submitted:
        st.session_state["sql_last"] = sql
    data.release()
    try:
        result = run_query(data.db_path(), st.session_state["sql_last"])
    except PartybuildError as exc:
        st.warning(t("sql_refused", error=as_markdown_text(exc)))
        return
    st.caption(t("sql_rows", rows=format_number(len(result.frame), lang),
                 secs=format_number(result.elapsed_s, lang, 2)))
    if result.truncated:
        st.warning(t("sql_truncated"))
    frame_ = result.frame.copy()
    for col in frame_.columns:  # lists, structs and the like shown as text
        if frame_[col].dtype == object:
            frame_[col] = frame_[col].map(lambda v: v if v is None or isinstance(v, str) else str(v))
    st.dataframe(frame_, hide_index=True, key="sql_result")
    frame.downloads(frame_, "query", "sql")
    fig = charts.quick_chart(frame_, lang)
    if fig is not None:
        with st.expander(t("sql_chart"), expanded=True):
            plot.show(fig, "sql_chart")


def main() -> None:
    st.title(t("page_sql"))
    st.caption(t("sql_intro"))
    if not data.db_path().exists():
        frame.empty_state()
        return
    console()


with frame.guard():
    main()
