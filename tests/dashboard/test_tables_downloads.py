"""Every table: shown in the chosen language's formats, downloadable as CSV and XLSX holding the raw values."""

from __future__ import annotations

import io
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import duckdb
import numpy as np
import pandas as pd
import pytest
from openpyxl import load_workbook

from dashboard import exports


def test_csv_is_utf8_with_a_bom_so_excel_reads_vietnamese() -> None:
    df = pd.DataFrame({"body": ["Đảng bộ tỉnh Hà Giang"], "value": [1234]})
    data = exports.csv_bytes(df)
    assert data.startswith(b"\xef\xbb\xbf")
    assert data.decode("utf-8-sig").splitlines() == ["body,value", "Đảng bộ tỉnh Hà Giang,1234"]


def test_xlsx_keeps_numbers_and_dates_and_turns_the_rest_into_cells() -> None:
    df = pd.DataFrame({
        "body": ["Chi bộ thôn Bản Phố", "Đảng ủy xã Tả Van"],
        "value": [np.int64(1_500_000_000), float("nan")],
        "period_end": [date(2023, 12, 31), None],
        "loaded_at": [datetime(2024, 1, 5, 8, 30, tzinfo=UTC), pd.NaT],
        "duration": [pd.Timedelta(seconds=12.5), timedelta(minutes=1)],
        "sources": [["bao-cao-1.xlsx", "bai-bao.txt"], None],
        "rows_rejected": pd.array([3, pd.NA], dtype="Int64"),
    })
    sheet = load_workbook(io.BytesIO(exports.xlsx_bytes(df))).active
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0] == ("body", "value", "period_end", "loaded_at", "duration", "sources", "rows_rejected")
    assert rows[1][:2] == ("Chi bộ thôn Bản Phố", 1_500_000_000)
    assert rows[1][2].date() == date(2023, 12, 31) and rows[1][3] == datetime(2024, 1, 5, 8, 30)
    assert rows[1][4] == 12.5 and rows[1][5] == "['bao-cao-1.xlsx', 'bai-bao.txt']" and rows[1][6] == 3
    assert rows[2] == ("Đảng ủy xã Tả Van", None, None, None, 60.0, None, None)


def test_xlsx_stops_at_excels_row_limit(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(exports, "XLSX_MAX_ROWS", 5)
    sheet = load_workbook(io.BytesIO(exports.xlsx_bytes(pd.DataFrame({"n": range(12)})))).active
    assert sheet.max_row == 6  # the header and the first five rows


RUN = "Chạy"  # the console's submit button


def _labels(at) -> list[str]:
    return [b.proto.label for b in at.get("download_button")]


# page → what opens its tables (state set before the run) and how many tables it then shows at least
TABLE_PAGES = {
    "quality": ({}, 2),  # conflicts and coverage gaps (no unverified bodies, nothing quarantined in the sample)
    "etl": ({}, 1),
    "evidence": ({}, 1),
    "map": ({"w_provinces_open": True}, 1),
    "by_period": ({"w_periods_open": True}, 1),
}


@pytest.mark.parametrize("name", list(TABLE_PAGES))
def test_every_table_downloads_as_csv_and_xlsx(app, no_errors, sample_db: Path, name: str) -> None:
    opened, tables = TABLE_PAGES[name]
    at = app(sample_db, f"screens/{name}.py")
    for key, value in opened.items():
        at.session_state[key] = value
    at.run()
    no_errors(at)
    assert len(at.dataframe) >= tables
    labels = _labels(at)
    assert labels.count("CSV") == labels.count("XLSX") == len(at.dataframe), labels


def test_the_sql_result_downloads_as_csv_and_xlsx(app, no_errors, sample_db: Path) -> None:
    at = app(sample_db, "screens/sql.py")
    at.text_area[0].set_value("SELECT metric_id, count(*) AS facts FROM v_facts GROUP BY 1 ORDER BY 1")
    next(b for b in at.button if b.label == RUN).click().run()
    no_errors(at)
    assert len(at.dataframe) == 1 and len(at.dataframe[0].value) == 4
    assert _labels(at) == ["CSV", "XLSX"]


def test_the_evidence_table_also_offers_every_fact(app, no_errors, sample_db: Path) -> None:
    at = app(sample_db, "screens/evidence.py", level="")
    no_errors(at)
    assert _labels(at) == ["CSV", "XLSX", "Tải toàn bộ (CSV)", "Tải toàn bộ (XLSX)"]
    at = app(sample_db, "screens/evidence.py", level="", lang="en")
    assert _labels(at)[2:] == ["Download all (CSV)", "Download all (XLSX)"]


def test_quality_tables_read_in_vietnamese_formats(app, no_errors, sample_db: Path) -> None:
    at = app(sample_db, "screens/quality.py")
    no_errors(at)
    conflicts = at.dataframe[0].value
    assert list(conflicts.columns) == ["Chỉ tiêu", "Tổ chức", "Kỳ", "Số giá trị", "Giá trị được dùng", "Các giá trị",
                                       "Mã số liệu"]
    with duckdb.connect(str(sample_db), read_only=True) as con:
        body, start, end, chosen, unit, metric = con.execute(
            "SELECT c.body, c.period_start, c.period_end, c.chosen_value, m.unit, m.name_vi FROM v_conflicts c "
            "JOIN metrics m USING (metric_id) ORDER BY n_values DESC, period_end DESC, body, metric_id LIMIT 1"
        ).fetchone()
    first = conflicts.iloc[0]
    assert first["Tổ chức"] == body and first["Chỉ tiêu"] == metric
    assert first["Kỳ"] == f"{start:%d/%m/%Y}–{end:%d/%m/%Y}"
    words = {"persons": "người", "houses": "căn", "VND": "đồng"}
    assert first["Giá trị được dùng"].endswith(words[unit])
    if unit != "VND" and chosen >= 1000:
        assert "." in first["Giá trị được dùng"]  # 1.234 người
    gaps = at.dataframe[1].value
    assert list(gaps.columns) == ["Tổ chức", "Chỉ tiêu", "Số năm thiếu", "Các năm"]


def test_etl_runs_read_in_vietnamese_formats(app, no_errors, sample_db: Path) -> None:
    at = app(sample_db, "screens/etl.py")
    no_errors(at)
    runs = at.dataframe[0].value
    assert runs.columns[:4].tolist() == ["Lần chạy", "Bắt đầu", "Thời gian chạy", "Trạng thái"]
    with duckdb.connect(str(sample_db), read_only=True) as con:
        started, seconds = con.execute("SELECT started_at, epoch(finished_at - started_at) FROM etl_runs "
                                       "ORDER BY run_id DESC LIMIT 1").fetchone()
    assert runs.iloc[0]["Bắt đầu"] == f"{started:%d/%m/%Y %H:%M}"
    assert runs.iloc[0]["Thời gian chạy"] == f"{seconds:.1f} s".replace(".", ",")


def test_conflicts_show_their_first_rows_and_download_the_whole_list(app, no_errors, sample_db: Path,
                                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    from dashboard import data, tables

    with duckdb.connect(str(sample_db), read_only=True) as con:
        total = con.execute("SELECT count(*) FROM v_conflicts").fetchone()[0]
    assert total > 3
    monkeypatch.setattr(tables, "FIRST_ROWS", 3)
    at = app(sample_db, "screens/quality.py")
    no_errors(at)
    assert len(at.dataframe[0].value) == 3
    assert any(c.value.startswith(f"Đang hiện 3 trường hợp mâu thuẫn đầu tiên trong tổng số {total:,}".replace(",", "."))
               for c in at.caption)
    assert _labels(at)[:4] == ["CSV", "XLSX", "Tải toàn bộ (CSV)", "Tải toàn bộ (XLSX)"]
    # What the whole-list buttons fetch when clicked: every conflict, not the first rows.
    monkeypatch.setenv("PARTYBUILD_DB", str(sample_db))
    assert len(data.fresh("conflicts", limit=2**62)) == total
