"""Cross-filtering: a click on a bar, a treemap cell, a map marker or table rows filters the other charts of the
page and not the one clicked; the selection is in the URL, stays on its page and is cleared by a button.

AppTest has no way to click inside a chart or a table, so `select` sends what the browser sends: the chart's
click (a trigger) or the table's selection state with the next run (its callback then fires as in the browser).
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs

import pandas as pd
import pytest
from streamlit.proto.WidgetStates_pb2 import WidgetState
from streamlit.testing.v1 import AppTest

from dashboard import charts, crossfilter, state
from tests.dashboard.elements import figure, plots


def element(at: AppTest, prefix: str) -> Any:
    found = [e for e in [*plots(at), *at.dataframe] if (getattr(e, "key", None) or "").startswith(prefix)]
    assert len(found) == 1, [getattr(e, "key", None) for e in [*plots(at), *at.dataframe]]
    return found[0]


def spec(at: AppTest, prefix: str) -> dict[str, Any]:
    return figure(element(at, prefix))


def select(at: AppTest, prefix: str, **selection: Any) -> AppTest:
    """As if the user clicked points (`points=[...]`, or drew a box over them) in the chart keyed `prefix…`, or
    selected rows (`rows=[...]`) of the table keyed so: what the browser sends with the next run."""
    states = at._tree.get_widget_states()
    target = element(at, prefix)
    if "points" in selection:  # the chart's trigger (dashboard/plot.py), as the component's frontend sends it
        event = [{"event": "selection", "value": {"points": selection["points"]}}]
        states.widgets.append(WidgetState(id=f"$$STREAMLIT_INTERNAL_KEY_{target.proto.id}__events",
                                          json_trigger_value=json.dumps(event)))
    else:
        full = {"rows": [], "columns": [], "cells": [], **selection}
        states.widgets.append(WidgetState(id=target.proto.id, string_value=json.dumps({"selection": full})))
    return at._run(states)


def bars(at: AppTest, prefix: str) -> list[str]:
    """The ids a bar chart carries, top bar first."""
    return list(reversed(spec(at, prefix)["data"][0]["customdata"]))


def info_texts(at: AppTest) -> list[str]:
    return [i.value for i in at.info]


@pytest.fixture
def by_body(app: Callable[..., AppTest], sample_db: Path) -> AppTest:
    return app(sample_db, "screens/by_body.py")


def test_a_bar_filters_the_other_charts_not_its_own(by_body: AppTest, no_errors: Callable[[AppTest], None]) -> None:
    at = by_body
    ranked = bars(at, "pick_ranking")
    cells_before = spec(at, "pick_treemap")["data"][0]["ids"]
    chosen = ranked[2]
    select(at, "pick_ranking", points=[{"customdata": chosen, "x": 1, "y": "b"}])
    no_errors(at)
    assert at.query_params["pickfrom"] == "ranking" and at.query_params["pick"] == chosen
    assert bars(at, "pick_ranking") == ranked  # the clicked chart still shows every body…
    colours = list(reversed(spec(at, "pick_ranking")["data"][0]["marker"]["color"]))
    assert colours[2] != colours[0] and len(set(colours)) == 2  # …with the chosen one highlighted
    cells = spec(at, "pick_treemap")["data"][0]["ids"]
    assert chosen in cells and len(cells) < len(cells_before)  # the treemap: the chosen body and its subordinates
    ranking = spec(at, "pick_ranking")["data"][0]
    name = ranking["y"][ranking["customdata"].index(chosen)]
    assert [trace["name"] for trace in spec(at, "compare")["data"]] == [name]  # the comparison: the chosen body
    assert any("Đang lọc theo lựa chọn" in text for text in info_texts(at))


def test_bars_add_up_one_click_at_a_time_and_a_second_click_removes(by_body: AppTest) -> None:
    at = by_body
    ranked = bars(at, "pick_ranking")
    select(at, "pick_ranking", points=[{"customdata": ranked[0]}])
    select(at, "pick_ranking", points=[{"customdata": ranked[1]}])
    assert at.query_params["pick"] == f"{ranked[0]},{ranked[1]}"
    select(at, "pick_ranking", points=[{"customdata": ranked[0]}])
    assert at.query_params["pick"] == ranked[1]
    select(at, "pick_ranking", points=[{"customdata": c} for c in ranked[3:6]])  # a box: replaces
    assert at.query_params["pick"] == ",".join(ranked[3:6])


def test_a_treemap_cell_filters_the_ranking(by_body: AppTest, no_errors: Callable[[AppTest], None]) -> None:
    at = by_body
    tree = spec(at, "pick_treemap")["data"][0]
    cell = tree["ids"][1]
    select(at, "pick_treemap", points=[{"id": cell, "parent": "__root__", "label": "x"}])
    no_errors(at)
    assert at.query_params["pickfrom"] == "treemap" and at.query_params["pick"] == cell
    assert bars(at, "pick_ranking") == [cell]
    assert spec(at, "pick_treemap")["data"][0]["ids"] == tree["ids"]  # the clicked treemap is not filtered
    select(at, "pick_treemap", points=[{"id": "__root__", "parent": "", "label": "Toàn quốc"}])
    assert "pick" not in at.query_params  # back to the root: nothing selected


def test_clearing_the_selection(by_body: AppTest, no_errors: Callable[[AppTest], None]) -> None:
    at = by_body
    ranked = bars(at, "pick_ranking")
    first_key = element(at, "pick_ranking").key
    select(at, "pick_ranking", points=[{"customdata": ranked[1]}])
    at.button(key="pick_clear").click().run()
    no_errors(at)
    assert "pick" not in at.query_params and "pickfrom" not in at.query_params
    assert not any("Đang lọc theo lựa chọn" in text for text in info_texts(at))
    assert element(at, "pick_ranking").key != first_key  # a fresh widget: the chart's own highlight is gone too
    assert len(set(spec(at, "pick_ranking")["data"][0]["marker"]["color"])) == 1


def test_a_selection_from_the_url(app: Callable[..., AppTest], sample_db: Path,
                                  no_errors: Callable[[AppTest], None]) -> None:
    plain = app(sample_db, "screens/by_body.py")
    chosen = bars(plain, "pick_ranking")[:2]
    at = app(sample_db, "screens/by_body.py", pickfrom="treemap", pick=",".join(chosen), lang="en")
    no_errors(at)
    assert sorted(bars(at, "pick_ranking")) == sorted(chosen)
    assert any("Filtered by the selection" in text for text in info_texts(at))


def test_the_selection_stays_on_its_page(by_body: AppTest) -> None:
    at = by_body
    select(at, "pick_ranking", points=[{"customdata": bars(at, "pick_ranking")[0]}])
    links = [parse_qs(link.proto.query_string) for link in at.get("page_link")]
    assert links and all("pick" not in q and "pickfrom" not in q and q["metric"] for q in links)
    assert "pick" in at.query_params  # …while the copy link (the whole address) keeps it
    assert "pick" not in state.DEFAULTS


def test_a_drill_drops_the_selection(by_body: AppTest) -> None:
    at = by_body
    select(at, "pick_ranking", points=[{"customdata": bars(at, "pick_ranking")[0]}])
    drillable = [o for o in at.selectbox(key="w_drill_None").options if o]
    assert drillable
    at.selectbox(key="w_drill_None").set_value(at.selectbox(key="w_drill_None").options[1]).run()
    assert "pick" not in at.query_params and at.query_params["drill"]


def test_map_table_rows_filter_the_map_and_the_years(app: Callable[..., AppTest], sample_db: Path,
                                                    no_errors: Callable[[AppTest], None]) -> None:
    at = app(sample_db, "screens/map.py")
    assert not at.dataframe  # the table is drawn once its expander is opened
    at.session_state["w_provinces_open"] = True
    at.run()
    table = element(at, "pick_table").value
    provinces = table.iloc[:, 0].tolist()
    years_before = spec(at, "map_years")["data"][0]["y"]
    select(at, "pick_table", rows=[0, 2])
    no_errors(at)
    assert at.query_params["pickfrom"] == "table"
    assert at.query_params["pick"] == f"{provinces[0]},{provinces[2]}"
    assert element(at, "pick_table").value.iloc[:, 0].tolist() == provinces  # the table keeps every row
    marker = spec(at, "pick_map")["data"][0]
    faded = {p for p, o in zip(marker["customdata"], marker["marker"]["opacity"], strict=True) if o < 1}
    assert faded and provinces[0] not in faded and provinces[1] in faded
    assert spec(at, "map_years")["data"][0]["y"] != years_before  # the yearly chart sums the two provinces
    assert any(h.value.endswith(f"{provinces[0]}, {provinces[2]}") for h in at.subheader)
    # A click on the map moves the selection there: now the table lists only the clicked province.
    select(at, "pick_map", points=[{"customdata": provinces[3]}])
    assert at.query_params["pickfrom"] == "map"
    assert element(at, "pick_table").value.iloc[:, 0].tolist() == [provinces[3]]


def test_by_period_bars_filter_the_series_and_rows_filter_the_bars(
        app: Callable[..., AppTest], sample_db: Path, no_errors: Callable[[AppTest], None]) -> None:
    at = app(sample_db, "screens/by_period.py")
    series_before = spec(at, "series_chart")["data"][0]["y"]
    ranked = bars(at, "pick_bodies")
    select(at, "pick_bodies", points=[{"customdata": ranked[0]}])
    no_errors(at)
    assert at.query_params["pick"] == ranked[0]
    assert spec(at, "series_chart")["data"][0]["y"] != series_before  # one body's series
    assert bars(at, "pick_bodies") == ranked  # the clicked chart is not filtered
    assert [link for link in at.get("page_link") if "fbody" in parse_qs(link.proto.query_string)]  # its facts
    at.button(key="pick_clear").click().run()
    assert not [e for e in at.dataframe if (e.key or "").startswith("pick_periods")]  # closed: not drawn
    at.session_state["w_periods_open"] = True  # the user opens "Số liệu theo kỳ"
    at.run()
    periods = element(at, "pick_periods").value
    select(at, "pick_periods", rows=[len(periods) - 1])
    no_errors(at)
    year = at.query_params["pick"]
    assert at.query_params["pickfrom"] == "periods" and year == str(periods.iloc[-1, 0])
    assert bars(at, "pick_bodies") != ranked  # ranked over that year only
    assert spec(at, "series_chart")["data"][0]["y"] == series_before
    at.segmented_control(key="w_grain").set_value("quarter").run()  # periods of another grain: dropped
    assert "pick" not in at.query_params


def test_overview_point_picks_the_cards_year(app: Callable[..., AppTest], sample_db: Path,
                                             no_errors: Callable[[AppTest], None]) -> None:
    at = app(sample_db, "screens/overview.py")
    last = at.query_params["to"]
    assert at.subheader[0].value.endswith(last)
    select(at, "pick_multiples", points=[{"x": 2015, "y": 10}])
    no_errors(at)
    assert at.subheader[0].value.endswith("2015")
    for trace in spec(at, "pick_multiples")["data"]:  # the clicked year highlighted in every small chart
        assert [trace["x"][i] for i in trace["selectedpoints"]] == [2015]


def test_a_chart_highlights_only_its_own_selection() -> None:
    fig = charts.time_series(pd.DataFrame({"year": [2014, 2015, 2016], "value": [1.0, 2.0, 3.0]}), x="year",
                             y="value", unit="persons", lang="vi")
    assert list(crossfilter.highlight(fig, ["2015", "2030"], "x").data[0].selectedpoints) == [1]
    untouched = charts.treemap(pd.DataFrame({"body_id": ["a"], "body": ["A"], "parent_id": [None], "value": [1.0]}),
                               root_label="Toàn quốc", unit="persons", lang="vi")
    assert "selectedpoints" not in crossfilter.highlight(untouched, ["a"]).to_plotly_json()["data"][0]


def test_values_of_selection_events() -> None:
    event = {"selection": {"points": [{"customdata": ["b1"]}, {"customdata": "b2"}, {"customdata": "b1"},
                                      {"id": "__root__"}]}}
    assert crossfilter.chart_values(event) == ["b1", "b2"]
    assert crossfilter.chart_values({"selection": {"points": [{"id": "__root__"}, {"id": "t"}]}}, "id") == ["t"]
    assert crossfilter.chart_values(None) == [] and crossfilter.chart_values({}) == []
    assert crossfilter.row_values(["a", "b", "c"])({"selection": {"rows": [2, 0, 9]}}) == ["c", "a"]
