"""Cross-filtering: clicking bars, a treemap cell, map markers or table rows selects values (body ids, provinces,
years) that filter the other charts and tables of the same page — never the one clicked, which keeps showing
everything with the selection highlighted.

The selection is part of the URL (`pickfrom` = the element it was made on, `pick` = the values; see state.py),
so a shared link opens with it, and it stays on its page: the sidebar's links do not carry it. Each selectable
element reports the user's selection through a callback, which runs before the rerun it triggers, so every
element of that rerun sees the new selection; a selection is only ever changed by the user, never by a chart
that was redrawn. A visible bar names the selection and clears it.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import pandas as pd
import plotly.graph_objects as go
import streamlit as st

from dashboard import plot, state
from dashboard.evidence_text import as_markdown_text
from dashboard.state import t

_GEN = "pb_pick_gen_"  # + element: bumped when the element's own selection must be dropped from its widget
ROOT = "__root__"  # the treemap's root cell (charts.treemap): clicking it selects nothing


@dataclass(frozen=True)
class Pick:
    origin: str  # the element the selection was made on; '' when nothing is selected
    values: tuple[str, ...]

    def on(self, element: str) -> list[str]:
        """The values that filter `element`: none for the element the selection was made on."""
        return [] if self.origin == element else list(self.values)

    def mine(self, element: str) -> list[str]:
        """The values `element` should highlight as its own selection."""
        return list(self.values) if self.origin == element else []


def current() -> Pick:
    origin, values = state.pick()
    return Pick(origin, tuple(values))


def key(element: str, *salt: object) -> str:
    """The widget key of a selectable element. It changes when the element loses the selection (cleared, or
    made on another element), so the widget drops its own highlight, and with `salt` (a table's row order) so
    that a table whose rows moved does not keep highlighting positions."""
    gen = st.session_state.get(_GEN + element, 0)
    digest = f"_{hashlib.sha1(repr(salt).encode()).hexdigest()[:10]}" if salt else ""
    return f"pick_{element}_{gen}{digest}"


def _renew(element: str) -> None:
    st.session_state[_GEN + element] = st.session_state.get(_GEN + element, 0) + 1


def clear() -> None:
    """Callback of the clear button (and of a selection emptied on its own element)."""
    origin, _values = state.pick()
    if origin:
        _renew(origin)
    state.clear_pick()


def _selection(event: Any) -> Mapping[str, Any]:
    try:
        selection = event["selection"]
    except (KeyError, TypeError):
        return {}
    return selection if isinstance(selection, Mapping) else {}


def chart_values(event: Any, field: str = "customdata") -> list[str]:
    """The distinct values of `field` over the selected points of a Plotly selection event (bars and markers
    carry ids in customdata; a treemap click reports the cell's id)."""
    out: list[str] = []
    for point in _selection(event).get("points", []) or []:
        value = point.get(field) if isinstance(point, Mapping) else None
        if isinstance(value, list):
            value = value[0] if value else None
        text = "" if value is None else str(value)
        if text and text != ROOT and text not in out:
            out.append(text)
    return out


def row_values(ids: Sequence[str]) -> Callable[[Any], list[str]]:
    """For a table showing one row per id: the ids of the selected rows."""
    frozen = list(ids)

    def values(event: Any) -> list[str]:
        rows = _selection(event).get("rows", []) or []
        return [frozen[r] for r in rows if isinstance(r, int) and 0 <= r < len(frozen)]

    return values


def on_select(element: str, widget_key: str, values_of: Callable[[Any], list[str]], *,
              toggle: bool = False) -> Callable[[], None]:
    """The callback of a selectable element: its selection becomes the page's (an empty one clears it when it
    was this element's). With `toggle`, one clicked value is added to or removed from this element's selection,
    so bodies can be picked one click at a time."""
    def callback() -> None:
        values = values_of(st.session_state.get(widget_key))
        origin, before = state.pick()
        if toggle and origin == element and len(values) == 1:
            value = values[0]
            values = [v for v in before if v != value] if value in before else [*before, value]
        if values:
            if origin and origin != element:
                _renew(origin)
            state.put_pick(element, values)
        elif origin == element:
            clear()

    return callback


def _text(value: Any) -> str:
    """A point's value as chart_values reports it (a year drawn as 2015.0 is picked as '2015')."""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return "" if value is None else str(value)


def highlight(fig: go.Figure, chosen: Sequence[str], field: str = "customdata") -> go.Figure:
    """Mark the points whose `field` is chosen as Plotly's selected points (the others are drawn faded), as a
    chart shows its own selection. Traces of other types (a treemap) and traces with no chosen point keep
    every point drawn plainly."""
    wanted = set(chosen)
    if not wanted:
        return fig
    for trace in fig.data:
        if trace.type not in ("scatter", "bar"):
            continue
        values = trace[field] if field in ("x", "y", "customdata") else None
        picked = [i for i, v in enumerate(values or []) if _text(v) in wanted]
        if picked:
            trace.selectedpoints = picked
    return fig


def chart(fig: go.Figure, element: str, *, field: str = "customdata", toggle: bool = False,
          modes: Sequence[str] = ("points",)) -> None:
    """A Plotly chart whose clicked points select values of `field` for the page; the points it selected are
    highlighted (the figure is drawn from the URL's selection, never from what the browser kept)."""
    highlight(fig, current().mine(element), field)
    widget_key = key(element)
    plot.show(fig, widget_key, modes=modes,
              on_click=on_select(element, widget_key, lambda e: chart_values(e, field), toggle=toggle))


def table(df: pd.DataFrame, element: str, ids: Sequence[str], **kwargs: Any) -> None:
    """A table, one row per id, whose selected rows select those ids for the page."""
    pick = current()
    mine = set(pick.mine(element))
    # The widget keeps selected row positions; when this table holds the selection and its rows change, a new
    # key lets it start again from the selection (remounting a table costs a few hundred ms: only then).
    widget_key = key(element, tuple(ids)) if mine else key(element)
    rows = [i for i, v in enumerate(ids) if v in mine]
    st.dataframe(df, key=widget_key, hide_index=True, selection_mode="multi-row",
                 on_select=on_select(element, widget_key, row_values(ids)),
                 selection_default={"selection": {"rows": rows}} if rows else None, **kwargs)


def bar(label: Callable[[str], str], extra: Callable[[Pick], None] | None = None) -> Pick:
    """The selection, named, with a button that clears it (nothing when nothing is selected)."""
    pick = current()
    if pick.origin:
        names = ", ".join(as_markdown_text(label(v)) for v in pick.values[:8]) + (" …" if len(pick.values) > 8 else "")
        cols = st.columns([6, 2, 2] if extra else [8, 2], vertical_alignment="center")
        cols[0].info(t("pick_shown", what=names), icon=":material/filter_alt:")
        cols[-1].button(t("pick_clear"), key="pick_clear", icon=":material/close:", on_click=clear,
                        width="stretch")
        if extra:
            with cols[1]:
                extra(pick)
    return pick
