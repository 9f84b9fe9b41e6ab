"""The 'Theo thời gian / By period' page (issue 2: metric, bodies, years; a series by year; bars by body)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.dashboard.elements import plots

PAGE = "screens/by_period.py"


def test_with_data_shows_filters_and_two_charts(app, no_errors, sample_db: Path) -> None:
    at = app(sample_db, PAGE)
    no_errors(at)
    assert at.title[0].value == "Theo thời gian"
    assert [s.label for s in at.selectbox] == ["Chỉ tiêu", "Cấp"]
    assert at.multiselect[0].label == "Tổ chức đảng"
    assert at.slider[0].label == "Giai đoạn (năm)"
    assert len(plots(at)) == 2
    # Defaults are written into the URL so the view can be shared.
    assert at.query_params["metric"] == "members_admitted"
    assert at.query_params["grain"] == "year"


def test_filter_change_is_kept_in_the_url(app, no_errors, sample_db: Path) -> None:
    at = app(sample_db, PAGE)
    at.selectbox[0].set_value("funds_donated").run()
    no_errors(at)
    assert at.query_params["metric"] == "funds_donated"
    at.slider[0].set_value((2018, 2022)).run()
    assert at.query_params["from"] == "2018" and at.query_params["to"] == "2022"
    assert len(plots(at)) == 2


@pytest.mark.parametrize("grain", ["half", "quarter", "month"])
def test_grains_from_the_url(app, no_errors, sample_db: Path, grain: str) -> None:
    at = app(sample_db, PAGE, grain=grain, mode="cumulative")
    no_errors(at)
    assert len(plots(at)) == 2


def test_english(app, no_errors, sample_db: Path) -> None:
    at = app(sample_db, PAGE, lang="en")
    no_errors(at)
    assert at.title[0].value == "By period"
    assert at.selectbox[0].label == "Metric"


def test_missing_warehouse_is_a_friendly_message(app, no_errors, tmp_path: Path) -> None:
    at = app(tmp_path / "nowhere.duckdb", PAGE)
    no_errors(at)
    assert "Chưa có kho dữ liệu" in at.info[0].value
    assert not plots(at)


def test_empty_warehouse_is_a_friendly_message(app, no_errors, empty_db: Path) -> None:
    at = app(empty_db, PAGE)
    no_errors(at)
    assert "chưa có số liệu" in at.info[0].value
