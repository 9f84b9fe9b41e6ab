"""Theo đơn vị / By body: ranking, the hierarchy as a treemap with drill-down and a breadcrumb back up
(centre → province → bloc/district → grassroots), and bodies compared side by side.

Cross-filtering: clicking bars of the ranking (one at a time, or a box around several) or a cell of the treemap
selects bodies. The other charts follow: the ranking then shows only the selected bodies, the treemap only them
and their subordinates, and the comparison compares them (else the top five)."""

from __future__ import annotations

import streamlit as st

from dashboard import charts, crossfilter, data, frame, plot, state
from dashboard.evidence_text import as_markdown_text
from dashboard.state import t

TOP = 40
TREE_CELLS = 100  # the treemap: the biggest bodies of the two levels under the node (more cells, slower drawing)


def drill_to(path: list[str]) -> None:
    """Callback: a new drill path; a selection made at the old level goes with it."""
    state.put_list("drill", path)
    state.clear_pick()


def breadcrumb(path: list[str], names: dict[str, str]) -> None:
    cols = st.columns(len(path) + 1)
    cols[0].button(t("breadcrumb_root"), key="crumb_root", icon=":material/home:", type="tertiary",
                   on_click=drill_to, args=([],))
    for i, body_id in enumerate(path):
        cols[i + 1].button(f"› {as_markdown_text(names.get(body_id, body_id))}", key=f"crumb_{i}", type="tertiary",
                           on_click=drill_to, args=(path[: i + 1],))


@frame.view
def view(summary: dict[str, object]) -> None:
    lang = state.lang()
    f = frame.filters(summary, bodies=False, level=False, key="_by_body")
    registry = data.frame("bodies")
    names = dict(zip(registry["body_id"], registry["name"], strict=True))
    path = [b for b in state.get_list("drill") if b in names]
    node = path[-1] if path else None
    breadcrumb(path, names)
    pick = crossfilter.bar(lambda b: names.get(b, b))
    ranked = data.frame("ranking", f.metric, f.first, f.last, parent_id=node or "", limit=TOP)
    ranked = ranked[ranked["body_level"] != "centre"]  # the top is the bodies under the centre, not the centre
    if ranked.empty:
        st.info(t("no_children") if node else t("no_data_for_filters"))
        return
    left, right = st.columns(2)
    with left:
        st.subheader(t("ranking"))
        st.caption(t("ranking_help"))
        wanted = pick.on("ranking")
        shown = data.frame("ranking", f.metric, f.first, f.last, body_ids=wanted, limit=TOP) if wanted else ranked
        if shown.empty:
            st.info(t("no_data_for_filters"))
        else:
            crossfilter.chart(charts.bar_by_body(shown, unit=f.unit, lang=lang, selected=pick.mine("ranking")),
                              "ranking", toggle=True, modes=("points", "box"))
    with right:
        st.subheader(t("hierarchy"))
        st.caption(t("treemap_help"))
        tree = data.frame("hierarchy", f.metric, f.first, f.last, node, 2, TREE_CELLS)
        wanted = pick.on("treemap")
        if wanted:
            tree = tree[tree["body_id"].isin(wanted) | tree["parent_id"].isin(wanted)]
        if tree.empty:
            st.info(t("no_data_for_filters"))
        else:
            root = names.get(node, t("breadcrumb_root")) if node else t("breadcrumb_root")
            crossfilter.chart(charts.treemap(tree, root_label=root, unit=f.unit, lang=lang), "treemap", field="id")
        children = ranked[ranked["has_children"]]
        if not children.empty:
            ids = ["", *children["body_id"]]
            drill_key = f"w_drill_{node}"

            def drill_into() -> None:
                chosen = st.session_state.get(drill_key)
                if chosen:
                    drill_to([*path, chosen])

            st.selectbox(t("drill_into"), ids, key=drill_key, on_change=drill_into,
                         format_func=lambda b: names.get(b, b) if b else t("drill_pick"))
    st.subheader(t("compare"))
    compare = list(pick.values) or ranked["body_id"].head(5).tolist()
    series = data.frame("yearly_series", f.metric, "", compare, f.first, f.last, True)
    if series.empty:
        st.info(t("no_data_for_filters"))
        return
    plot.show(charts.time_series(series, x="year", y="value", unit=f.unit, lang=lang, group="body", kind="bar",
                                 x_is_year=True), "compare")


def main() -> None:
    summary = frame.opening("page_by_body")
    if summary is not None:
        view(summary)


with frame.guard():
    main()
