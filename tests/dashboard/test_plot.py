"""The chart element (dashboard/plot.py): the Plotly bundle it loads is there, holds every trace type the
charts draw, and is addressed under the server's base path. The drawing itself is tested in Chromium
(tests/e2e)."""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

import pandas as pd
import streamlit as st

from dashboard import charts, plot

ROOT = Path(__file__).resolve().parents[2]
BUNDLE = ROOT / "dashboard" / "static" / plot.BUNDLE
ENTRY = ROOT / "tools" / "plotly-bundle" / "entry.js"


def _bundled_traces() -> set[str]:
    """The traces tools/plotly-bundle/entry.js registers, and scatter, which plotly.js's core carries."""
    return {"scatter", *re.findall(r"require\('plotly\.js/lib/(\w+)'\)", ENTRY.read_text(encoding="utf-8"))} - {"core"}


def test_the_bundle_is_shipped_as_an_es_module_of_plotly() -> None:
    text = BUNDLE.read_text(encoding="utf-8")
    assert text.startswith("/*! plotly.js v") and "MIT License" in text.splitlines()[0]
    assert text.rstrip().endswith(";") and "export default" in text[-300:]  # import(src).then(m => m.default)
    assert 0.5e6 < len(text) < 2e6  # a partial build (the full plotly.js is 4.8 MB)


def test_every_chart_draws_only_traces_the_bundle_holds() -> None:
    years = pd.DataFrame({"metric_id": ["m1", "m1"], "year": [2022, 2023], "value": [5.0, 7.0],
                          "partial": [False, True], "body": ["A", "A"]})
    bodies = pd.DataFrame({"body_id": ["a", "b"], "body": ["A", "B"], "value": [3.0, 4.0], "parent_id": [None, "a"],
                           "partial": [False, False]})
    places = pd.DataFrame({"province": ["Huế"], "lat": [16.46], "lon": [107.59], "value": [3.0]})
    figures = [
        charts.time_series(years, x="year", y="value", unit="persons", lang="vi"),
        charts.time_series(years, x="year", y="value", unit="VND", lang="en", kind="bar", group="body"),
        charts.bar_by_body(bodies, unit="houses", lang="vi"),
        charts.small_multiples(years, names={"m1": "Một"}, units={}, lang="vi"),
        charts.treemap(bodies, root_label="Toàn quốc", unit="persons", lang="vi"),
        charts.province_map(places, unit="persons", lang="vi"),
        charts.quick_chart(bodies[["body", "value"]], "en"),
    ]
    drawn = {trace.type for fig in figures if fig is not None for trace in fig.data}
    assert drawn == {"scatter", "bar", "treemap"}
    assert drawn <= _bundled_traces()


def test_the_bundle_address_follows_the_base_path_and_the_bundle() -> None:
    digest = hashlib.sha256(BUNDLE.read_bytes()).hexdigest()[:12]
    assert plot.bundle_url() == f"/app/static/{plot.BUNDLE}?v={digest}"
    st.config.set_option("server.baseUrlPath", "/partybuild/")
    try:
        assert plot.bundle_url() == f"/partybuild/app/static/{plot.BUNDLE}?v={digest}"
    finally:
        st.config.set_option("server.baseUrlPath", "")


def test_only_a_click_event_counts_as_points() -> None:
    assert plot.clicked_points({"selection": {"points": [{"x": 2020}, "noise"]}}) == [{"x": 2020}]
    assert plot.clicked_points({"selection": None}) == []
    assert plot.clicked_points(None) == []
