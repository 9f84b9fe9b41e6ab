"""What every page shares: the page list, the sidebar (navigation that keeps the URL's filters, language
switch, last refresh, copy link), the common filters and the guard that turns errors into sentences.
"""

from __future__ import annotations

import io
import logging
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlencode

import pandas as pd
import streamlit as st

from dashboard import auth, data, state
from dashboard.i18n import format_datetime, format_number
from dashboard.state import t
from etl.errors import PartybuildError

log = logging.getLogger(__name__)

# (file under dashboard/, url path, title key, icon). The url paths are the file stems: Streamlit routes
# the first request by the pages/ folder before st.navigation runs, so other names land on 'page not found'.
PAGES = [
    ("screens/overview.py", "overview", "page_overview", ":material/dashboard:"),
    ("screens/by_body.py", "bodies", "page_by_body", ":material/account_tree:"),
    ("screens/by_period.py", "periods", "page_by_period", ":material/timeline:"),
    ("screens/map.py", "map", "page_map", ":material/map:"),
    ("screens/evidence.py", "evidence", "page_evidence", ":material/fact_check:"),
    ("screens/quality.py", "quality", "page_quality", ":material/rule:"),
    ("screens/sql.py", "sql", "page_sql", ":material/terminal:"),
    ("screens/etl.py", "etl", "page_etl", ":material/history:"),
]


def pages() -> list[st.Page]:
    return [st.Page(path, title=t(key), icon=icon, url_path=url, default=i == 0)
            for i, (path, url, key, icon) in enumerate(PAGES)]


def page_for(url_path: str) -> str:
    return next(path for path, url, _key, _icon in PAGES if url == url_path)


def sidebar(all_pages: list[st.Page]) -> None:
    state.ensure_defaults()
    params = state.shared()
    with st.sidebar:
        st.markdown(f"### {t('app_title')}")
        for page in all_pages:
            st.page_link(page, query_params=params)
        st.divider()
        lang_key = f"w_lang_{state.lang()}"  # keyed on the URL's language, so the URL always wins

        def switch_language() -> None:
            choice = st.session_state.get(lang_key)
            if choice:
                state.put("lang", choice)

        st.segmented_control(t("language"), ["vi", "en"], default=state.lang(), key=lang_key,
                             on_change=switch_language,
                             format_func=lambda c: "Tiếng Việt" if c == "vi" else "English")
        status, summary, _error = data.warehouse_state()
        if summary and summary.get("last_refresh") is not None:
            st.caption(t("last_refresh", when=format_datetime(summary["last_refresh"])))
        elif status == "missing":
            st.caption(t("no_warehouse_short"))
        auth.sidebar_sign_in()
        with st.popover(t("copy_link"), icon=":material/link:"):
            base = (st.context.url or "").split("?")[0]
            st.code(f"{base}?{urlencode(dict(st.query_params))}", language=None, wrap_lines=True)
            st.caption(t("copy_link_help"))


def empty_state() -> dict[str, Any] | None:
    """The summary when the warehouse has facts; else show a friendly message and return None."""
    status, summary, error = data.warehouse_state()
    if status == "ok":
        return summary
    if status == "missing":
        st.info(t("no_warehouse", path=str(data.db_path())), icon=":material/database_off:")
    elif status == "empty":
        st.info(t("empty_warehouse"), icon=":material/inbox:")
    else:
        st.error(t("warehouse_error", error=error or ""))
    return None


@contextmanager
def guard() -> Iterator[None]:
    """No raw tracebacks: a warehouse problem or a bug becomes a sentence (the details go to the log)."""
    try:
        yield
    except PartybuildError as exc:
        st.error(t("warehouse_error", error=str(exc)))
    except Exception:
        log.exception("dashboard page failed")
        st.error(t("unexpected_error"))


@dataclass
class Filters:
    metric: str
    unit: str
    level: str
    bodies: list[str]
    first: int
    last: int
    metric_names: dict[str, str]
    units: dict[str, str]


def metric_label(row: pd.Series, lang: str) -> str:
    return str(row["name_vi"] if lang == "vi" else row["name_en"])


def filters(summary: dict[str, Any], *, bodies: bool = True, level: bool = True, key: str = "") -> Filters:
    """Metric, level, bodies and years, read from and written to the URL."""
    lang = state.lang()
    key = f"{key}_{lang}"  # a language switch makes fresh widgets; their values come from the URL
    metrics = data.frame("metrics")
    names = {str(r["metric_id"]): metric_label(r, lang) for _, r in metrics.iterrows()}
    units = {str(r["metric_id"]): str(r["unit"]) for _, r in metrics.iterrows()}
    ids = list(names)
    first_all, last_all = int(summary["first_year"]), int(summary["last_year"])
    cols = st.columns([3, 2, 4, 3] if bodies else [3, 2, 3])
    current = state.get("metric")
    metric = cols[0].selectbox(t("metric"), ids, index=ids.index(current) if current in ids else 0,
                               format_func=lambda m: names.get(m, m), key=f"w_metric{key}")
    state.put("metric", metric)
    levels = ["", "centre", "central_bloc", "province", "provincial_bloc", "district", "grassroots"]
    chosen_level = state.get("level") if state.get("level") in levels else ""
    if level:
        chosen_level = cols[1].selectbox(t("level"), levels, index=levels.index(chosen_level),
                                         format_func=lambda lv: t(f"level_{lv or 'all'}"), key=f"w_level{key}")
        state.put("level", chosen_level)
    chosen: list[str] = []
    if bodies:
        registry = data.frame("bodies")
        if chosen_level:
            registry = registry[registry["level"] == chosen_level]
        options = registry["body_id"].tolist()
        labels = dict(zip(registry["body_id"], registry["name"], strict=True))
        wanted = [b for b in state.get_list("bodies") if b in labels]
        chosen = cols[2].multiselect(t("bodies"), options, default=wanted, format_func=lambda b: labels.get(b, b),
                                     placeholder=t("all_bodies"), key=f"w_bodies{key}")
        state.put_list("bodies", chosen)
    lo, hi = state.year_range(first_all, last_all)
    if first_all < last_all:
        lo, hi = cols[-1].slider(t("years"), first_all, last_all, (lo, hi), key=f"w_years{key}")
    state.put("from", str(lo))
    state.put("to", str(hi))
    return Filters(metric, units.get(metric, ""), chosen_level, chosen, lo, hi, names, units)


def downloads(df: pd.DataFrame, name: str, key: str) -> None:
    """CSV and XLSX buttons for a table (built only when clicked)."""
    def csv() -> bytes:
        return df.to_csv(index=False).encode("utf-8-sig")

    def xlsx() -> bytes:
        out = io.BytesIO()
        frame = df.copy()
        for col in frame.columns:  # Excel cannot hold time zones or lists
            if frame[col].dtype == object:
                frame[col] = frame[col].map(lambda v: v if v is None or isinstance(v, (str, int, float)) else str(v))
        frame.to_excel(out, index=False)
        return out.getvalue()

    c1, c2, _ = st.columns([1, 1, 6])
    c1.download_button("CSV", csv, file_name=f"{name}.csv", mime="text/csv", key=f"csv_{key}",
                       icon=":material/download:", on_click="ignore")
    c2.download_button("XLSX", xlsx, file_name=f"{name}.xlsx", key=f"xlsx_{key}", icon=":material/download:",
                       mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", on_click="ignore")


def n(value: float | int | None) -> str:
    return format_number(value, state.lang())
