"""Charts as pure functions, Vietnamese formats, the locales, safe evidence text, province coordinates."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pandas as pd
import pytest

from dashboard import charts
from dashboard.evidence_text import highlight
from dashboard.i18n import format_date, format_number, format_value

DASH = Path(__file__).resolve().parents[2] / "dashboard"


@pytest.mark.parametrize(("value", "unit", "lang", "expected"), [
    (1234567, "persons", "vi", "1.234.567 người"),
    (8_500_000_000, "VND", "vi", "8,5 tỷ đồng"),
    (890_000_000, "VND", "vi", "890 triệu đồng"),
    (8_500_000_000, "VND", "en", "8.5 billion VND"),
    (1234567, "houses", "en", "1,234,567 houses"),
    (None, "VND", "vi", "–"),
])
def test_format_value(value: float | None, unit: str, lang: str, expected: str) -> None:
    assert format_value(value, unit, lang) == expected


def test_format_number_and_date() -> None:
    assert format_number(1234567) == "1.234.567"
    assert format_number(-1234.5, "vi", 1) == "-1.234,5"
    assert format_date(date(2023, 7, 20)) == "20/07/2023"


def test_locales_have_the_same_keys() -> None:
    vi = json.loads((DASH / "locales" / "vi.json").read_text(encoding="utf-8"))
    en = json.loads((DASH / "locales" / "en.json").read_text(encoding="utf-8"))
    assert set(vi) == set(en)
    assert all(vi.values()) and all(en.values())


def test_evidence_is_escaped_and_highlighted() -> None:
    out = highlight("Đã kết nạp 1.234 đảng viên <script>alert(1)</script>", "1.234")
    assert "<mark>1.234</mark>" in out
    assert "<script>" not in out and "&lt;script&gt;" in out
    assert highlight("<img src=x onerror=alert(1)>", "9") == "&lt;img src=x onerror=alert(1)&gt;"


def test_time_series_marks_partial_periods() -> None:
    df = pd.DataFrame({"year": [2022, 2023], "value": [10.0, 5.0], "partial": [False, True]})
    fig = charts.time_series(df, x="year", y="value", unit="persons", lang="vi", x_is_year=True)
    assert list(fig.data[0].marker.symbol) == ["circle", "circle-open"]
    assert fig.data[-1].name == "Kỳ chưa đủ số liệu"
    assert fig.layout.separators == ",."


@pytest.mark.parametrize(("lang", "suffix", "drawn"), [("vi", " tỷ", [2.5, 12.0]), ("en", " billion", [2.5, 12.0])])
def test_money_axes_read_in_billions_and_hovers_keep_the_figure(lang: str, suffix: str, drawn: list[float]) -> None:
    df = pd.DataFrame({"year": [2022, 2023], "value": [2_500_000_000.0, 12_000_000_000.0]})
    fig = charts.time_series(df, x="year", y="value", unit="VND", lang=lang, x_is_year=True)
    assert list(fig.data[0].y) == drawn and fig.layout.yaxis.ticksuffix == suffix
    assert fig.layout.yaxis.tickformat == ",~f"  # grouped with the layout's separators: 1.500 tỷ, not 1.5k
    assert list(fig.data[0].hovertext) == [format_value(v, "VND", lang) for v in df["value"]]


def test_counted_axes_are_not_scaled() -> None:
    df = pd.DataFrame({"metric_id": ["m"] * 2, "year": [2022, 2023], "value": [150_000.0, 180_000.0]})
    fig = charts.small_multiples(df, names={"m": "Kết nạp"}, units={"m": "persons"}, lang="vi")
    assert list(fig.data[0].y) == [150_000.0, 180_000.0]  # drawn as 150.000, not Plotly's 150k
    assert fig.layout.yaxis.tickformat == ",~f" and not fig.layout.yaxis.ticksuffix


def test_bar_by_body_carries_ids_and_caps_points() -> None:
    df = pd.DataFrame({"body_id": [f"b{i}" for i in range(100)], "body": [f"B {i}" for i in range(100)],
                       "value": range(100, 0, -1), "partial": False})
    fig = charts.bar_by_body(df, unit="houses", lang="en", top=30)
    assert len(fig.data[0].y) == 30
    assert fig.data[0].customdata[-1] == "b0"  # biggest on top


def test_province_coordinates_cover_both_eras() -> None:
    coords = pd.read_csv(DASH / "province_coords.csv")
    assert (coords["era"] == "pre").sum() == 63 and (coords["era"] == "post").sum() == 34
    post = set(coords[coords["era"] == "post"]["name"])
    assert set(coords["merged_into"]) <= post
    assert coords["lat"].between(8, 24).all() and coords["lon"].between(102, 110).all()


def test_every_chart_is_a_valid_plotly_figure(monkeypatch: pytest.MonkeyPatch) -> None:
    """The dashboard builds figures unchecked (charts.VALIDATE): here Plotly checks every property."""
    monkeypatch.setattr(charts, "VALIDATE", True)
    years = pd.DataFrame({"year": [2022, 2023, 2022, 2023], "value": [10.0, 5.0, 3.0, float("nan")],
                          "partial": [False, True, False, False], "body": ["A", "A", "B", "B"],
                          "metric_id": ["m1", "m1", "m2", "m2"]})
    quarters = pd.DataFrame({"period": pd.to_datetime(["2023-01-01", "2023-04-01"]), "value": [1.0, 2.0],
                             "partial": [False, True]})
    bodies = pd.DataFrame({"body_id": ["a", "b"], "body": ["Đảng bộ A", "Đảng bộ B"], "value": [5.0, 3.0],
                           "partial": [False, True], "parent_id": [None, "a"], "depth": [1, 2]})
    places = pd.DataFrame({"province": ["Hà Nội", "Huế"], "lat": [21.0, 16.4], "lon": [105.8, 107.6],
                           "value": [7.0, 2.0]})
    figures = [
        charts.time_series(years, x="year", y="value", unit="persons", lang="vi", group="body", kind="bar",
                           x_is_year=True, title="T"),
        charts.time_series(quarters, x="period", y="value", unit="VND", lang="en"),
        charts.bar_by_body(bodies, unit="houses", lang="vi", selected=["a"]),
        charts.small_multiples(years, names={"m1": "Một", "m2": "Hai", "m3": "Ba"}, units={"m1": "persons"},
                               lang="vi"),
        charts.treemap(bodies, root_label="Toàn quốc", unit="persons", lang="vi"),
        charts.province_map(places, unit="persons", lang="vi", highlight=["Huế"]),
        charts.quick_chart(bodies[["body", "value"]], "en"),
    ]
    for fig in figures:
        assert fig is not None and fig.data
        fig.to_json()
    assert figures[3].layout.annotations[2].text == "Ba" and figures[3].data[2].xaxis == "x3"
    assert list(figures[5].data[0].marker.opacity) == [0.2, 1.0]


def test_text_from_documents_is_escaped_for_markdown() -> None:
    from dashboard.evidence_text import as_markdown_text

    assert as_markdown_text("Chi bộ *số 1* [xem](http://x.vn) $a$ <b>") == (
        "Chi bộ \\*số 1\\* \\[xem\\]\\(http\\:\u2060//x\\.vn\\) \\$a\\$ \\<b\\>")  # no bare link either
    assert as_markdown_text("www.dangcongsan.vn") == "www\u2060\\.dangcongsan\\.vn"
    assert as_markdown_text("Đảng bộ tỉnh Bà Rịa - Vũng Tàu") == "Đảng bộ tỉnh Bà Rịa \\- Vũng Tàu"
    assert as_markdown_text("dòng 1\ndòng 2") == "dòng 1 dòng 2"


def test_chart_labels_escape_the_tags_plotly_would_read() -> None:
    bodies = pd.DataFrame({"body_id": ["x", "y"], "body": ["Chi bộ <b>Bản Phố</b>", "Đảng ủy A & B"],
                           "value": [5.0, 3.0], "partial": [False, False], "parent_id": [None, "x"], "depth": [1, 2]})
    ranking = charts.bar_by_body(bodies, unit="persons", lang="vi")
    assert list(ranking.data[0].y) == ["Đảng ủy A &amp; B", "Chi bộ &lt;b&gt;Bản Phố&lt;/b&gt;"]
    assert list(ranking.data[0].customdata) == ["y", "x"]  # the ids a click reports stay as they are
    tree = charts.treemap(bodies, root_label="<i>Toàn quốc</i>", unit="persons", lang="vi")
    assert list(tree.data[0].labels) == ["&lt;i&gt;Toàn quốc&lt;/i&gt;", "Chi bộ &lt;b&gt;Bản Phố&lt;/b&gt;",
                                         "Đảng ủy A &amp; B"]
    years = pd.DataFrame({"year": [2023], "value": [1.0], "partial": [False], "body": ["<a href='x'>A</a>"]})
    series = charts.time_series(years, x="year", y="value", unit="persons", lang="vi", group="body")
    assert series.data[0].name == "&lt;a href='x'&gt;A&lt;/a&gt;"


def test_every_colour_is_colour_blind_safe() -> None:
    """Series and highlights use the Okabe-Ito palette, scales use Cividis (both readable with the common forms of
    colour blindness); the only other colours are greys."""
    years = pd.DataFrame({"year": [2022, 2023] * 9, "value": range(18), "partial": [False, True] * 9,
                          "body": [f"B{i // 2}" for i in range(18)], "metric_id": ["m1", "m2"] * 9})
    bodies = pd.DataFrame({"body_id": ["a", "b"], "body": ["A", "B"], "value": [5.0, 3.0], "partial": [False, True],
                           "parent_id": [None, "a"], "depth": [1, 2]})
    places = pd.DataFrame({"province": ["Hà Nội"], "lat": [21.0], "lon": [105.8], "value": [7.0]})
    figures = [
        charts.time_series(years, x="year", y="value", unit="persons", lang="vi", group="body", kind="bar"),
        charts.time_series(years, x="year", y="value", unit="persons", lang="vi", group="body"),
        charts.bar_by_body(bodies, unit="houses", lang="vi", selected=["a"]),
        charts.small_multiples(years, names={"m1": "Một", "m2": "Hai"}, units={}, lang="vi"),
        charts.treemap(bodies, root_label="Toàn quốc", unit="persons", lang="vi"),
        charts.province_map(places, unit="persons", lang="vi"),
    ]
    allowed = {c.lower() for c in charts.OKABE_ITO} | {"#555", "#333"}
    found: set[str] = set()
    for fig in figures:
        spec = fig.to_plotly_json()
        assert [c.lower() for c in spec["layout"]["colorway"]] == [c.lower() for c in charts.OKABE_ITO]
        for trace in spec["data"]:
            marker, line = trace.get("marker", {}), trace.get("line", {})
            for colour in [marker.get("color"), line.get("color"), (marker.get("line") or {}).get("color")]:
                for c in colour if isinstance(colour, list) else [colour]:
                    if isinstance(c, str):
                        found.add(c.lower())
            if "colorscale" in marker:
                assert marker["colorscale"] == "Cividis"
    assert found and found <= allowed, found - allowed
