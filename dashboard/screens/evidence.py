"""Nguồn / Evidence: every figure traceable — the facts with body, period, value, evidence (figure highlighted),
source document and confidence; low-confidence filter; charts open this page filtered to what was clicked.

A signed-in editor or admin also gets, for the selected fact, confirm / reject / correct, and a form to add a
fact the extractor missed. Each edit goes through dashboard.auth, whose calls are checked on the server
(warehouse.corrections.review_as / add_fact_as): viewers and anonymous users see no controls, and an edit
that reaches the server from one of them anyway is refused. Everyone sees a fact's correction history."""

from __future__ import annotations

import json
import logging
from collections.abc import Callable
from datetime import date
from typing import Any

import duckdb
import pandas as pd
import streamlit as st

from dashboard import auth, data, frame, state
from dashboard.evidence_text import as_markdown_text, highlight
from dashboard.i18n import format_date, format_datetime, format_number, format_value
from dashboard.state import t
from etl.errors import PartybuildError
from warehouse.access import AccessError
from warehouse.corrections import Change, history

log = logging.getLogger(__name__)

PAGE_SIZE = 500
MAX_SENT = 10_000
LOW = 0.7
TABLE_KEY = "facts"
FLASH_KEY = "pb_evidence_flash"  # the message of the last edit, shown after the rerun it triggers
SELECT_KEY = "pb_evidence_select"  # the fact to select after an edit (row positions move when facts change)
RESET_KEY = "pb_evidence_reset"  # the inputs of the last edit, emptied before they are drawn again


def _date(text: str) -> date | None:
    try:
        return date.fromisoformat(text)
    except ValueError:
        return None


def clear_chart_filter() -> None:
    """Callback: drop the chart-click filter (body, period, metric) that came with the address."""
    for key in state.LOCAL_KEYS:
        st.query_params.pop(key, None)


def main() -> None:
    st.title(t("page_evidence"))
    summary = frame.empty_state()
    if summary is not None:
        view(summary)


@frame.view
def view(summary: dict[str, Any]) -> None:
    """The filters, the facts and the selected fact's detail (and, for an editor, its editing controls) as one
    fragment: a filter, a page or a row chosen reruns this part only."""
    lang = state.lang()
    for key, empty in st.session_state.pop(RESET_KEY, {}).items():
        st.session_state[key] = empty
    flash = st.session_state.pop(FLASH_KEY, None)
    if flash:
        st.success(flash, icon=":material/check_circle:")
    f = frame.filters(summary, key="_evidence")
    start, end = _date(state.get("fstart")), _date(state.get("fend"))
    body = state.get("fbody")
    metric = state.get("fmetric") or f.metric
    bodies = [body] if body else f.bodies
    if start or end or body:
        names = _bodies()[1] if body else {}
        shown = [names.get(body, body), format_date(start) if start else "", format_date(end) if end else ""]
        c1, c2 = st.columns([4, 1])
        c1.info(t("evidence_filter", what=" · ".join(as_markdown_text(x) for x in shown if x)),
                icon=":material/filter_alt:")
        c2.button(t("evidence_clear"), key="clear_chart_filter", on_click=clear_chart_filter)
    low = st.toggle(t("low_conf_only"), value=state.get("conf") != "1.0", key="w_lowconf")
    state.put("conf", str(LOW) if low else "1.0")
    max_conf = LOW - 1e-9 if low else 1.0
    args = (metric, bodies, f.first, f.last)
    # A chart click names its body; the level filter would only hide it.
    opts = {"max_confidence": max_conf, "start": start, "end": end, "level": "" if body else f.level}
    editor = auth.can_edit()
    _facts(args, opts, f, lang, editing=editor is not None)
    if editor is not None:
        _add_form(f)


def _facts(args: tuple[Any, ...], opts: dict[str, Any], f: frame.Filters, lang: str, *, editing: bool) -> None:
    total = data.call("facts_count", *args, **opts)
    pages = max(1, min(MAX_SENT, total) // PAGE_SIZE + (1 if min(MAX_SENT, total) % PAGE_SIZE else 0))
    page_no = st.number_input(t("page_no"), 1, pages, 1, key="w_page") if pages > 1 else 1
    df = data.frame("facts_table", *args, limit=PAGE_SIZE, offset=(int(page_no) - 1) * PAGE_SIZE, **opts)
    st.caption(t("facts_shown", shown=format_number(len(df), lang), total=format_number(total, lang)))
    if df.empty:
        st.info(t("no_data_for_filters"))
        return
    wanted = st.session_state.pop(SELECT_KEY, None)
    if wanted is not None:  # after an edit: keep the edited fact selected if it is still listed
        rows = [int(i) for i in df.index[df["fact_id"] == wanted]][:1]
        st.session_state[TABLE_KEY] = {"selection": {"rows": rows, "columns": []}}
    shown = df.assign(
        value_text=[format_value(v, u, lang) for v, u in zip(df["value"], df["unit"], strict=True)],
        period_end_text=[format_date(d) for d in df["period_end"]],
    )[["body", "period_label", "period_end_text", "value_text", "evidence", "source_path", "confidence"]]
    shown.columns = [t("col_body"), t("col_period"), "", t("col_value"), t("col_evidence"), t("col_source"),
                     t("col_confidence")]
    event = st.dataframe(shown, hide_index=True, on_select="rerun", selection_mode="single-row", key=TABLE_KEY,
                         column_config={t("col_confidence"): st.column_config.ProgressColumn(
                             t("col_confidence"), min_value=0.0, max_value=1.0, format="%.2f")})

    def everything() -> pd.DataFrame:  # every fact the filters select, fetched when a button is clicked
        return data.frame("facts_table", *args, limit=max(total, 1), **opts)

    frame.downloads(df, "facts-page", "facts_page", everything=everything)
    st.subheader(t("detail"))
    rows = event.selection.rows if event else []
    if not rows or rows[0] >= len(df):
        st.caption(t("detail_pick"))
        return
    row = df.iloc[rows[0]]
    st.html(f"<blockquote style='font-size:1.1rem'>{highlight(row['evidence'], row['raw_value'])}</blockquote>")
    st.text(f"{row['body']} · {row['period_label']} · {format_value(row['value'], row['unit'], lang)}")
    st.text(f"{t('source')}: {row['source_title'] or ''} — {row['source_path'] or row['evidence'] or ''}")
    st.text(f"{t('confidence')}: {format_number(row['confidence'], lang, 2)} · fact_id {row['fact_id']}")
    if editing:
        _edit_controls(row, f)
    _history(int(row["fact_id"]), f, lang)


# --- Editing (editors and admins only) ------------------------------------------------------------------------

def _submit(call: Callable[[], Any], select: Callable[[Any], int], message: str,
            reset: dict[str, Any]) -> None:
    """Run one edit; on success say what was done, select the edited fact and empty the form's inputs (a
    refused edit keeps them, to fix and send again), then redraw with fresh data."""
    try:
        result = call()
    except AccessError:
        st.error(t("edit_refused"), icon=":material/block:")
        return
    except PartybuildError as exc:  # a correction that cannot be made as asked, or a run holding the lock
        st.error(t("edit_failed", error=as_markdown_text(exc)))
        return
    st.session_state[SELECT_KEY] = select(result)
    st.session_state[FLASH_KEY] = message
    st.session_state[RESET_KEY] = reset
    st.rerun()


def _bodies() -> tuple[list[str], dict[str, str]]:
    registry = data.frame("bodies")
    return registry["body_id"].tolist(), dict(zip(registry["body_id"], registry["name"], strict=True))


def _edit_controls(row: pd.Series, f: frame.Filters) -> None:
    fid = int(row["fact_id"])
    st.markdown(f"#### {t('edit_title')}")
    if fid < 0:  # an added fact: a correction or rejection replaces the addition (kept in the history)
        st.caption(t("edit_added_fact"))
    correct, confirm, reject = st.tabs([t("edit_correct"), t("edit_confirm"), t("edit_reject")])
    with correct, st.form(f"edit_correct_{fid}", border=False):
        ids, labels = _bodies()
        metrics = list(f.metric_names)
        c1, c2 = st.columns(2)
        value = c1.text_input(t("edit_value"), key=f"value_{fid}", placeholder=format_number(row["value"], "vi"),
                              help=t("edit_value_help"))
        period = c2.text_input(t("edit_period"), key=f"period_{fid}", placeholder=str(row["period_label"]),
                               help=t("edit_period_help"))
        body = c1.selectbox(t("col_body"), ids, index=ids.index(row["body_id"]) if row["body_id"] in ids else None,
                            format_func=lambda b: labels.get(b, b), key=f"body_{fid}")
        metric = c2.selectbox(t("col_metric"), metrics,
                              index=metrics.index(row["metric_id"]) if row["metric_id"] in metrics else None,
                              format_func=lambda m: f.metric_names.get(m, m), key=f"metric_{fid}")
        reason = st.text_input(t("edit_reason"), key=f"reason_correct_{fid}")
        save = st.form_submit_button(t("edit_save"), key=f"save_correct_{fid}", type="primary",
                                     icon=":material/edit:")
    if save:
        change = Change(metric=metric if metric and metric != row["metric_id"] else None,
                        body=body if body and body != row["body_id"] else None,
                        period=period.strip() or None, value=value.strip() or None)
        if change == Change():
            st.warning(t("edit_nothing_changed"))
        elif not reason.strip():
            st.warning(t("edit_reason_required"))
        else:
            _submit(lambda: auth.review(auth.current_user(), fid, "correct", reason=reason, change=change),
                    lambda _: fid, t("edit_saved_correct", fact=fid),
                    {f"value_{fid}": "", f"period_{fid}": "", f"reason_correct_{fid}": ""})
    with confirm, st.form(f"edit_confirm_{fid}", border=False):
        st.caption(t("edit_confirm_help"))
        reason = st.text_input(t("edit_reason"), key=f"reason_confirm_{fid}",
                               placeholder=t("edit_confirm_default"))
        save = st.form_submit_button(t("edit_confirm"), key=f"save_confirm_{fid}", icon=":material/check:")
    if save:
        why = reason.strip() or t("edit_confirm_default")
        _submit(lambda: auth.review(auth.current_user(), fid, "confirm", reason=why),
                lambda _: fid, t("edit_saved_confirm", fact=fid), {f"reason_confirm_{fid}": ""})
    with reject, st.form(f"edit_reject_{fid}", border=False):
        st.caption(t("edit_reject_help"))
        reason = st.text_input(t("edit_reason"), key=f"reason_reject_{fid}")
        save = st.form_submit_button(t("edit_reject"), key=f"save_reject_{fid}", icon=":material/delete:")
    if save:
        if not reason.strip():
            st.warning(t("edit_reason_required"))
        else:
            _submit(lambda: auth.review(auth.current_user(), fid, "reject", reason=reason),
                    lambda _: fid, t("edit_saved_reject", fact=fid), {f"reason_reject_{fid}": ""})


def _add_form(f: frame.Filters) -> None:
    ids, labels = _bodies()
    metrics = list(f.metric_names)
    with st.expander(t("add_title"), icon=":material/add_circle:"), st.form("add_fact"):
        c1, c2 = st.columns(2)
        body = c1.selectbox(t("col_body"), ids, index=None, format_func=lambda b: labels.get(b, b),
                            placeholder=t("add_pick_body"), key="add_body")
        metric = c2.selectbox(t("col_metric"), metrics, index=metrics.index(f.metric) if f.metric in metrics else 0,
                              format_func=lambda m: f.metric_names.get(m, m), key="add_metric")
        period = c1.text_input(t("col_period"), key="add_period", help=t("edit_period_help"))
        value = c2.text_input(t("col_value"), key="add_value", help=t("edit_value_help"))
        source = st.text_input(t("add_source"), key="add_source")
        reason = st.text_input(t("edit_reason"), key="add_reason")
        save = st.form_submit_button(t("add_save"), key="save_add", type="primary", icon=":material/add:")
    if not save:
        return
    if not (body and metric and period.strip() and value.strip() and source.strip() and reason.strip()):
        st.warning(t("add_missing"))
        return
    change = Change(metric=metric, body=body, period=period.strip(), value=value.strip())
    _submit(lambda: auth.add_fact(auth.current_user(), change, source=source, reason=reason),
            lambda new_id: -int(new_id), t("edit_saved_add"),
            {"add_body": None, "add_period": "", "add_value": "", "add_source": "", "add_reason": ""})


# --- History (everyone) ---------------------------------------------------------------------------------------

def _describe(fact: dict[str, Any], f: frame.Filters, bodies: dict[str, str], lang: str) -> dict[str, str]:
    """A correction's before/after JSON as readable fields (added facts use new_* names)."""
    def get(key: str) -> Any:
        return fact.get(key, fact.get(f"new_{key}"))

    metric = get("metric_id")
    out: dict[str, str] = {}
    if metric:
        out["col_metric"] = f.metric_names.get(metric, metric)
    if get("body_id"):
        out["col_body"] = bodies.get(get("body_id"), get("body_id"))
    if get("period_start"):
        first, last = (_date(str(get(k))[:10]) for k in ("period_start", "period_end"))
        out["col_period"] = f"{format_date(first)}–{format_date(last)}"
    if get("value") is not None:
        out["col_value"] = format_value(get("value"), f.units.get(metric or "", ""), lang)
    return out


def change_text(action: str, before_json: str | None, after_json: str | None, f: frame.Filters,
                bodies: dict[str, str], lang: str) -> str:
    """'Giá trị: 125 người → 135 người' for a correction; the whole fact for an addition or a rejection."""
    before = _describe(json.loads(before_json or "{}"), f, bodies, lang)
    after = _describe(json.loads(after_json or "{}"), f, bodies, lang)
    if action == "add":
        return " · ".join(after.values())
    if action == "reject":
        return f"{' · '.join(before.values())} → ✕"
    changed = [f"{t(k)}: {before.get(k, '–')} → {after[k]}" for k in after if before.get(k) != after[k]]
    return "; ".join(changed) or after.get("col_value", "")


def _history(fid: int, f: frame.Filters, lang: str) -> None:
    st.markdown(f"#### {t('audit_title')}")
    try:
        trail = history(data.db_path(), fid)
    except (duckdb.Error, PartybuildError):  # a warehouse from before corrections: no history to show
        log.exception("cannot read the correction history of fact %s", fid)
        st.caption(t("audit_none"))
        return
    if trail.empty:
        st.caption(t("audit_none"))
        return
    _, bodies = _bodies()
    table = pd.DataFrame({
        t("audit_when"): [format_datetime(w) for w in trail["made_at"]],
        t("audit_who"): trail["made_by"],
        t("audit_action"): [t(f"action_{a}") + ("" if live else f" {t('audit_replaced')}")
                            for a, live in zip(trail["action"], trail["live"], strict=True)],
        t("audit_change"): [change_text(a, b, c, f, bodies, lang) for a, b, c in
                            zip(trail["action"], trail["before_json"], trail["after_json"], strict=True)],
        t("audit_reason"): trail["reason"],
    })
    st.dataframe(table, hide_index=True, key=f"history_{fid}")
    frame.downloads(trail, f"history-{fid}", f"history_{fid}")


with frame.guard():
    main()
