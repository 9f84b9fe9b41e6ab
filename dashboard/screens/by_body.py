"""Theo đơn vị / By body: ranking, the hierarchy as a treemap with drill-down and a breadcrumb back up
(centre → province → bloc/district → grassroots), and the bodies clicked in the ranking compared side by side.
Clicking a bar filters the comparison (not the ranking itself)."""

from __future__ import annotations

import streamlit as st

from dashboard import charts, data, frame, state
from dashboard.state import t


def breadcrumb(path: list[str], names: dict[str, str]) -> None:
    cols = st.columns(len(path) + 1)
    if cols[0].button(t("breadcrumb_root"), key="crumb_root", icon=":material/home:", type="tertiary"):
        state.put_list("drill", [])
        st.rerun()
    for i, body_id in enumerate(path):
        if cols[i + 1].button(f"› {names.get(body_id, body_id)}", key=f"crumb_{i}", type="tertiary"):
            state.put_list("drill", path[: i + 1])
            st.rerun()


def main() -> None:
    lang = state.lang()
    st.title(t("page_by_body"))
    summary = frame.empty_state()
    if summary is None:
        return
    f = frame.filters(summary, bodies=False, level=False, key="_by_body")
    registry = data.frame("bodies")
    names = dict(zip(registry["body_id"], registry["name"], strict=True))
    path = [b for b in state.get_list("drill") if b in names]
    node = path[-1] if path else None
    breadcrumb(path, names)
    ranked = data.frame("ranking", f.metric, f.first, f.last, parent_id=node or "", limit=40)
    if ranked.empty:
        st.info(t("no_children") if node else t("no_data_for_filters"))
        return
    selected = [b for b in state.get_list("bodies") if b in set(ranked["body_id"])]
    left, right = st.columns(2)
    with left:
        st.subheader(t("ranking"))
        st.caption(t("compare_help"))
        event = st.plotly_chart(charts.bar_by_body(ranked, unit=f.unit, lang=lang, selected=selected),
                                key="ranking", on_select="rerun", selection_mode=("points", "box"))
        clicked = [p.get("customdata") for p in (event.selection.points if event else [])]
        clicked_ids = [c[0] if isinstance(c, list) else c for c in clicked if c]
        if clicked_ids and sorted(clicked_ids) != sorted(selected):
            state.put_list("bodies", clicked_ids)
            selected = clicked_ids
    with right:
        st.subheader(t("hierarchy"))
        tree = data.frame("hierarchy", f.metric, f.first, f.last, node, 2)
        root = names.get(node, t("breadcrumb_root")) if node else t("breadcrumb_root")
        st.plotly_chart(charts.treemap(tree, root_label=root, unit=f.unit, lang=lang), key="treemap")
        children = ranked[ranked["has_children"]]
        if not children.empty:
            ids = ["", *children["body_id"]]
            pick = st.selectbox(t("drill_into"), ids, key=f"w_drill_{node}",
                                format_func=lambda b: names.get(b, b) if b else t("drill_pick"))
            if pick:
                state.put_list("drill", [*path, pick])
                st.rerun()
    st.subheader(t("compare"))
    compare = selected or ranked["body_id"].head(5).tolist()
    if selected:
        st.caption(t("selected_bodies", names=", ".join(names.get(b, b) for b in selected)))
        if st.button(t("clear_selection"), key="clear_sel"):
            state.put_list("bodies", [])
            st.rerun()
    series = data.frame("yearly_series", f.metric, "", compare, f.first, f.last, True)
    if series.empty:
        st.info(t("no_data_for_filters"))
        return
    st.plotly_chart(charts.time_series(series, x="year", y="value", unit=f.unit, lang=lang, group="body",
                                       kind="bar", x_is_year=True), key="compare")


with frame.guard():
    main()
