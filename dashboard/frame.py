"""What every page shares: the page list, the sidebar (navigation that keeps the URL's filters, language
switch, last refresh, sign-in, copy link), the page opening, the fragment a page's filters and charts run in,
the common filters, cross-filtering (crossfilter.py) and the guard that turns errors into sentences.
"""

from __future__ import annotations

import functools
import logging
import os
import sys
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any, ParamSpec
from urllib.parse import urlencode

import pandas as pd
import streamlit as st

from dashboard import auth, data, exports, state
from dashboard.evidence_text import as_markdown_text
from dashboard.i18n import format_datetime, format_number
from dashboard.state import t
from etl.errors import PartybuildError

log = logging.getLogger(__name__)
P = ParamSpec("P")

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


@dataclass
class Shell:
    """The sidebar's parts that follow the URL: the page links (which carry the filters to the next page) and
    the copy-link box. A fragment rerun redraws them, so they never lag behind a filter changed in it."""
    pages: list[Any]
    nav: Any
    share: Any


_run = threading.local()  # .shell: this run's Shell; .linked: whether this run has drawn the links yet


def sidebar(all_pages: list[st.Page]) -> None:
    state.ensure_defaults()
    with st.sidebar:
        st.markdown(f"### {t('app_title')}")
        nav = st.container()
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
        share = st.container()
    _run.shell = Shell(all_pages, nav, share)
    _run.linked = False


def links(shell: Shell | None = None) -> None:
    """Draw the page links and the copy-link box from the URL as it is now (after the page set its filters)."""
    shell = shell or getattr(_run, "shell", None)
    if shell is None:
        return
    params = state.shared()
    with shell.nav:
        for page in shell.pages:
            st.page_link(page, query_params=params)
    with shell.share, st.popover(t("copy_link"), icon=":material/link:"):
        base = (st.context.url or "").split("?")[0]
        st.code(f"{base}?{urlencode(dict(st.query_params))}", language=None, wrap_lines=True)
        st.caption(t("copy_link_help"))
    _run.linked = True


def finish() -> None:
    """End of a full run: the links, unless the page's fragment has drawn them."""
    if not getattr(_run, "linked", True):
        links()


TIMING_ENV = "PARTYBUILD_DASHBOARD_TIMING"


@contextmanager
def timed(page: str, scope: str) -> Iterator[None]:
    """With $PARTYBUILD_DASHBOARD_TIMING set, print how long a run or a fragment rerun took on the server and how
    much of it went to (uncached) queries: one line per run on stderr, read by bench/bench_dashboard.py."""
    if not os.environ.get(TIMING_ENV) or getattr(_run, "timing", False):
        yield
        return
    _run.timing = True
    data.reset_spent()
    began = time.perf_counter()
    try:
        yield
    finally:
        _run.timing = False
        queries, seconds = data.spent()
        print(f"partybuild-timing page={page} scope={scope} server_ms={(time.perf_counter() - began) * 1000:.1f} "
              f"queries={queries} query_ms={seconds * 1000:.1f}", file=sys.stderr, flush=True)


def view(func: Callable[P, None]) -> Callable[P, None]:
    """A page's filters and charts as one fragment: changing a filter or clicking a chart reruns only this part
    (not the sidebar or the title), with its own read-only connection, and redraws the sidebar's links."""
    page = Path(func.__code__.co_filename).stem  # pages run as __main__: their file names tell them apart

    def body(shell: Shell | None, *args: P.args, **kwargs: P.kwargs) -> None:
        with timed(page, "fragment"), data.session():
            with guard():
                func(*args, **kwargs)
            links(shell)

    # Streamlit tells fragments apart by module and name: give each page's its own.
    body.__module__, body.__qualname__ = f"dashboard.screens.{page}", f"{func.__qualname__}.view"
    fragment = st.fragment(body)

    @functools.wraps(func)
    def call(*args: P.args, **kwargs: P.kwargs) -> None:
        fragment(getattr(_run, "shell", None), *args, **kwargs)

    return call


def opening(title_key: str) -> dict[str, Any] | None:
    """A page's title, then the warehouse summary; when there are no facts, a friendly message and None."""
    st.title(t(title_key))
    return empty_state()


def empty_state() -> dict[str, Any] | None:
    """The summary when the warehouse has facts; else show a friendly message and return None."""
    status, summary, error = data.warehouse_state()
    if status == "ok":
        return summary
    if status == "missing":
        st.info(t("no_warehouse", path=as_markdown_text(data.db_path())), icon=":material/database_off:")
    elif status == "empty":
        st.info(t("empty_warehouse"), icon=":material/inbox:")
    else:
        st.error(t("warehouse_error", error=as_markdown_text(error or "")))
    return None


@contextmanager
def guard() -> Iterator[None]:
    """No raw tracebacks: a warehouse problem or a bug becomes a sentence (the details go to the log)."""
    try:
        yield
    except PartybuildError as exc:
        st.error(t("warehouse_error", error=as_markdown_text(exc)))
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


def metric_names() -> tuple[dict[str, str], dict[str, str]]:
    """(metric id → its name in the chosen language, metric id → its unit)."""
    lang = state.lang()
    metrics = data.frame("metrics")
    names = {str(r["metric_id"]): metric_label(r, lang) for _, r in metrics.iterrows()}
    units = {str(r["metric_id"]): str(r["unit"]) for _, r in metrics.iterrows()}
    return names, units


def filters(summary: dict[str, Any], *, bodies: bool = True, level: bool = True, key: str = "") -> Filters:
    """Metric, level, bodies and years, read from and written to the URL."""
    key = f"{key}_{state.lang()}"  # a language switch makes fresh widgets; their values come from the URL
    names, units = metric_names()
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


def downloads(df: pd.DataFrame, name: str, key: str,
              everything: Callable[[], pd.DataFrame] | None = None) -> None:
    """CSV and XLSX buttons for a table, built only when clicked. With `everything`, two more that fetch the whole
    list (not just the rows shown) when clicked."""
    row = st.container(horizontal=True)
    _buttons(row, lambda: df, name, key, "CSV", "XLSX")
    if everything is not None:
        _buttons(row, everything, f"{name}-all", f"{key}_all", t("download_all_csv"), t("download_all_xlsx"))


def _buttons(row: Any, table: Callable[[], pd.DataFrame], name: str, key: str, csv_label: str,
             xlsx_label: str) -> None:
    row.download_button(csv_label, lambda: exports.csv_bytes(table()), file_name=f"{name}.csv", mime="text/csv",
                        key=f"csv_{key}", icon=":material/download:", on_click="ignore")
    row.download_button(xlsx_label, lambda: exports.xlsx_bytes(table()), file_name=f"{name}.xlsx",
                        key=f"xlsx_{key}", icon=":material/download:", on_click="ignore",
                        mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")


def n(value: float | int | None) -> str:
    return format_number(value, state.lang())
