"""The view's state lives in the URL: every filter, the drill path, the grain and the language, defaults
included, so a view can be shared, bookmarked and kept across page switches. A cross-filter selection (what was
clicked on a chart or table) lives there too, but only on its own page: switching pages drops it.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import streamlit as st

from dashboard import i18n

DEFAULTS: dict[str, str] = {
    "lang": i18n.DEFAULT_LANGUAGE,
    "metric": "members_admitted",
    "level": "province",
    "bodies": "",
    "from": "",
    "to": "",
    "grain": "year",
    "mode": "period",
    "drill": "",
    "era": "post",
    "conf": "1.0",
}
# Per-view keys that travel only with the page they belong to (the evidence page's chart-click filter).
LOCAL_KEYS = ("fstart", "fend", "fbody", "fmetric")
# The cross-filter selection of a page: `pickfrom` names the chart or table it was made on, `pick` the values
# (body ids, province names, years). Page-local like LOCAL_KEYS; absent means nothing is selected.
PICK, PICK_FROM = "pick", "pickfrom"


def get(key: str) -> str:
    value = st.query_params.get(key)
    return value if value is not None else DEFAULTS.get(key, "")


def put(key: str, value: str) -> None:
    if st.query_params.get(key) != value:
        st.query_params[key] = value


def ensure_defaults() -> None:
    """Write the defaults of missing keys into the URL, so the address always names the whole view."""
    missing = {k: v for k, v in DEFAULTS.items() if k not in st.query_params}
    if missing:
        st.query_params.update(missing)


def shared() -> dict[str, str]:
    """The parameters carried to another page (everything but the page-local keys)."""
    return {k: get(k) for k in DEFAULTS}


def get_list(key: str) -> list[str]:
    return [v for v in get(key).split(",") if v]


def put_list(key: str, values: Sequence[str]) -> None:
    put(key, ",".join(values))


def pick() -> tuple[str, list[str]]:
    """(the element the selection was made on, the selected values); ('', []) when nothing is selected."""
    values = get_list(PICK)
    origin = get(PICK_FROM)
    return (origin, values) if origin and values else ("", [])


def put_pick(origin: str, values: Sequence[str]) -> None:
    if not values:
        clear_pick()
        return
    put(PICK_FROM, origin)
    put_list(PICK, values)


def clear_pick() -> None:
    for key in (PICK, PICK_FROM):
        if key in st.query_params:
            del st.query_params[key]


def lang() -> str:
    value = get("lang")
    return value if value in i18n.LANGUAGES else i18n.DEFAULT_LANGUAGE


def t(key: str, **kwargs: Any) -> str:
    return i18n.translate(lang(), key, **kwargs)


def year_range(first: int, last: int) -> tuple[int, int]:
    """The chosen years, clamped to the warehouse's years (defaults: the whole range)."""
    def parse(text: str, default: int) -> int:
        try:
            return min(max(int(text), first), last)
        except ValueError:
            return default
    lo, hi = parse(get("from"), first), parse(get("to"), last)
    return (lo, hi) if lo <= hi else (hi, lo)
