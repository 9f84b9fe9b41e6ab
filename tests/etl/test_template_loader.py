"""`partybuild etl run` on template spreadsheets: good rows load, each bad row is named, nothing is lost."""

from __future__ import annotations

import json
from pathlib import Path

import duckdb
import openpyxl
import pytest

from etl.cli import main

HEADER = "body,metric,period,value,unit,source,note\n"
GOOD = (
    "Đảng bộ huyện Tân Châu,members_admitted,2017,1.250,,báo cáo tổng kết,\n"
    "Đảng bộ huyện Tân Châu,Kết nạp đảng viên mới,9T/2018,90,người,,\n"
    "Đảng bộ huyện Tân Châu,funds_donated,2018-Q3,\"1,5 tỷ\",,,\n"
    "Đảng bộ huyện Tân Châu,funds_donated,2019,600,triệu đồng,,\n"
    "Đảng bộ huyện Tân Châu,houses_built,2019-H2,12,căn,,\n"
)
BAD = (
    "Đảng bộ huyện Tân Châu,số hội nghị,2019,6,,,\n"       # row 7: unknown metric
    ",houses_built,2019,6,,,\n"                              # row 8: no body
    "Đảng bộ huyện Tân Châu,houses_built,năm ngoái,6,,,\n"  # row 9: unreadable period
    "Đảng bộ huyện Tân Châu,houses_built,2019,-6,,,\n"       # row 10: negative
    "Đảng bộ huyện Tân Châu,members_admitted,2019,mười hai,,,\n"  # row 11: not numeric
)


def facts(db: Path) -> list[tuple]:
    with duckdb.connect(str(db), read_only=True) as con:
        return con.execute(
            "SELECT body, metric_id, period_start::VARCHAR, period_end::VARCHAR, value, source_row "
            "FROM v_facts ORDER BY source_row"
        ).fetchall()


def test_good_rows_load_with_their_values(tmp_path: Path, db_path: Path) -> None:
    sheet = tmp_path / "bao-cao.csv"
    sheet.write_text(HEADER + GOOD, encoding="utf-8")
    assert main(["etl", "run", str(sheet), "--db", str(db_path)]) == 0
    assert facts(db_path) == [
        ("Đảng bộ huyện Tân Châu", "members_admitted", "2017-01-01", "2017-12-31", 1250, 2),
        ("Đảng bộ huyện Tân Châu", "members_admitted", "2018-01-01", "2018-09-30", 90, 3),
        ("Đảng bộ huyện Tân Châu", "funds_donated", "2018-07-01", "2018-09-30", 1_500_000_000, 4),
        ("Đảng bộ huyện Tân Châu", "funds_donated", "2019-01-01", "2019-12-31", 600_000_000, 5),
        ("Đảng bộ huyện Tân Châu", "houses_built", "2019-07-01", "2019-12-31", 12, 6),
    ]


def test_each_bad_row_is_named_and_good_rows_still_load(
    tmp_path: Path, db_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    sheet = tmp_path / "bao-cao.csv"
    sheet.write_text(HEADER + GOOD + BAD, encoding="utf-8")
    assert main(["etl", "run", str(sheet), "--db", str(db_path), "--json"]) == 2
    report = json.loads(capsys.readouterr().out)
    errors = {e["row_no"]: e["message"] for e in report["errors"]}
    assert set(errors) == {7, 8, 9, 10, 11}
    assert "unknown metric 'số hội nghị'" in errors[7]
    assert "body is empty" in errors[8]
    assert "cannot read the period 'năm ngoái'" in errors[9]
    assert "negative" in errors[10]
    assert "'mười hai' is not a number" in errors[11]
    assert all(e["path"] == str(sheet) for e in report["errors"])
    assert report["facts_added"] == 5 and report["rows_rejected"] == 5
    assert len(facts(db_path)) == 5
    with duckdb.connect(str(db_path), read_only=True) as con:
        assert con.execute("SELECT count(*) FROM etl_errors").fetchone() == (5,)


def test_a_bad_file_loses_nothing_already_loaded(tmp_path: Path, db_path: Path) -> None:
    good = tmp_path / "good.csv"
    good.write_text(HEADER + GOOD, encoding="utf-8")
    assert main(["etl", "run", str(good), "--db", str(db_path)]) == 0
    wrong_columns = tmp_path / "wrong.csv"
    wrong_columns.write_text("đơn vị,chỉ tiêu,giá trị\nA,B,1\n", encoding="utf-8")
    all_bad = tmp_path / "all-bad.csv"
    all_bad.write_text(HEADER + BAD, encoding="utf-8")
    assert main(["etl", "run", str(wrong_columns), str(all_bad), "--db", str(db_path)]) == 1
    assert len(facts(db_path)) == 5


def test_xlsx_template(tmp_path: Path, db_path: Path) -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["Body", "Metric", "Period", "Value", "Unit"])
    sheet.append(["Đảng bộ huyện Tân Châu", "houses_built", "2020", 7, "căn"])
    sheet.append(["Đảng bộ huyện Tân Châu", "funds_donated", "2020-Q4", 1500000000.0, "đồng"])
    sheet.append(["Đảng bộ huyện Tân Châu", "funds_donated", "2021", "8 tỷ", None])
    path = tmp_path / "bao-cao.xlsx"
    book.save(path)
    assert main(["etl", "run", str(path), "--db", str(db_path)]) == 0
    assert [(m, v) for _, m, _, _, v, _ in facts(db_path)] == [
        ("houses_built", 7), ("funds_donated", 1_500_000_000), ("funds_donated", 8_000_000_000),
    ]


def test_unchanged_file_adds_nothing_and_changed_file_replaces(tmp_path: Path, db_path: Path) -> None:
    sheet = tmp_path / "bao-cao.csv"
    sheet.write_text(HEADER + GOOD, encoding="utf-8")
    assert main(["etl", "run", str(sheet), "--db", str(db_path)]) == 0
    assert main(["etl", "run", str(sheet), "--db", str(db_path)]) == 0
    assert len(facts(db_path)) == 5
    sheet.write_text(HEADER + GOOD.splitlines(keepends=True)[0], encoding="utf-8")
    assert main(["etl", "run", str(sheet), "--db", str(db_path)]) == 0
    assert len(facts(db_path)) == 1


def test_missing_input_is_reported(tmp_path: Path, db_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["etl", "run", str(tmp_path / "khong-co.csv"), "--db", str(db_path)]) == 1
    assert "no such file or folder" in capsys.readouterr().err
