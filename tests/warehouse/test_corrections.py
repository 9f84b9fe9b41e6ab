"""Corrections: kept apart, applied by every view, surviving re-runs and --reprocess, orphans listed."""

from __future__ import annotations

import json
from pathlib import Path

import duckdb
import pytest

from etl.cli import main
from etl.pipeline import run
from warehouse.corrections import (
    Change,
    CorrectionError,
    add_fact,
    export_csv,
    history,
    import_csv,
    orphans,
    review,
)

SHEET = (
    "body,metric,period,value,source\n"
    "Đảng bộ huyện Tân Châu,members_admitted,2021,125,báo cáo năm\n"
    "Đảng bộ huyện Tân Châu,houses_built,2021,4,báo cáo năm\n"
    "Đảng bộ huyện Gò Dầu,houses_built,2021,6,báo cáo năm\n"
)


def one(db: Path, sql: str, params: list | None = None) -> object:
    with duckdb.connect(str(db), read_only=True) as con:
        row = con.execute(sql, params or []).fetchone()
    return row[0] if row else None


def fact_id(db: Path, body_like: str, metric: str) -> int:
    value = one(db, "SELECT fact_id FROM v_facts WHERE body LIKE ? AND metric_id = ?", [f"%{body_like}%", metric])
    assert isinstance(value, int)
    return value


@pytest.fixture
def loaded(tmp_path: Path, db_path: Path) -> Path:
    sheet = tmp_path / "bao-cao.csv"
    sheet.write_text(SHEET, encoding="utf-8")
    assert run([sheet], db_path).exit_code == 0
    return db_path


def test_rejected_fact_vanishes_from_every_view(loaded: Path) -> None:
    target = fact_id(loaded, "Gò Dầu", "houses_built")
    review(loaded, target, "reject", by="Nguyễn Văn An", reason="số liệu kế hoạch, không phải kết quả")
    assert one(loaded, "SELECT count(*) FROM v_facts WHERE fact_id = ?", [target]) == 0
    assert one(loaded, "SELECT count(*) FROM v_evidence WHERE fact_id = ?", [target]) == 0
    assert one(loaded, "SELECT count(*) FROM v_yearly WHERE body LIKE '%Gò Dầu%'") == 0
    assert one(loaded, "SELECT count(*) FROM v_series WHERE body_id = (SELECT body_id FROM bodies "
                       "WHERE name LIKE '%Gò Dầu%')") == 0
    assert one(loaded, "SELECT count(*) FROM facts") == 3  # the extracted row stays underneath


def test_correction_survives_reprocess_and_changes_every_view(tmp_path: Path, loaded: Path) -> None:
    target = fact_id(loaded, "Tân Châu", "members_admitted")
    review(loaded, target, "correct", by="Trần Thị Bình", reason="báo cáo bổ sung ghi 135",
           change=Change(value="135"))
    assert one(loaded, "SELECT value FROM v_yearly WHERE metric_id = 'members_admitted'") == 135
    assert run([tmp_path / "bao-cao.csv"], loaded, reprocess=True).exit_code == 0
    assert one(loaded, "SELECT value FROM v_facts WHERE metric_id = 'members_admitted'") == 135
    assert one(loaded, "SELECT value FROM v_yearly WHERE metric_id = 'members_admitted'") == 135
    audit = one(loaded, "SELECT before_json FROM v_corrections WHERE action = 'correct'")
    assert json.loads(str(audit))["value"] == 125


def test_correcting_body_and_period(loaded: Path) -> None:
    target = fact_id(loaded, "Tân Châu", "houses_built")
    review(loaded, target, "correct", by="An", reason="nhầm đơn vị và kỳ",
           change=Change(body="Đảng bộ huyện Gò Dầu", period="2021-Q4"))
    assert one(loaded, "SELECT body FROM v_facts WHERE period_label = 'quý 4/2021'") == "Đảng bộ huyện Gò Dầu"


def test_orphaned_correction_is_listed(tmp_path: Path, loaded: Path) -> None:
    target = fact_id(loaded, "Gò Dầu", "houses_built")
    review(loaded, target, "confirm", by="An", reason="đã đối chiếu")
    sheet = tmp_path / "bao-cao.csv"
    sheet.write_text("\n".join(SHEET.splitlines()[:3]) + "\n", encoding="utf-8")  # the Gò Dầu row is gone
    assert run([sheet], loaded).exit_code == 0
    found = orphans(loaded)
    assert list(found["action"]) == ["confirm"]


def test_added_fact_appears_with_its_source(loaded: Path) -> None:
    add_fact(loaded, Change(metric="funds_donated", body="Đảng bộ huyện Gò Dầu", period="2021-12-20",
                            value="1,2 tỷ"), source="Báo Tây Ninh, 21/12/2021", by="An", reason="bài báo bị sót")
    assert one(loaded, "SELECT value FROM v_facts WHERE metric_id = 'funds_donated'") == 1_200_000_000
    assert one(loaded, "SELECT evidence FROM v_facts WHERE metric_id = 'funds_donated'") == "Báo Tây Ninh, 21/12/2021"


@pytest.mark.parametrize(
    ("change", "message"),
    [(Change(metric="số cuộc họp"), "unknown metric"), (Change(body="Đảng bộ không tồn tại"), "unknown body"),
     (Change(period="năm ngoái"), "period"), (Change(value="-3"), "negative"), (Change(), "at least one")],
)
def test_bad_corrections_say_why(loaded: Path, change: Change, message: str) -> None:
    target = fact_id(loaded, "Tân Châu", "houses_built")
    with pytest.raises(CorrectionError, match=message):
        review(loaded, target, "correct", by="An", reason="thử", change=change)
    assert one(loaded, "SELECT count(*) FROM corrections") == 0


def test_csv_round_trip(tmp_path: Path, loaded: Path, db_path: Path) -> None:
    review(loaded, fact_id(loaded, "Gò Dầu", "houses_built"), "reject", by="An", reason="trùng")
    out = tmp_path / "hieu-chinh.csv"
    assert export_csv(loaded, out) == 1
    other = tmp_path / "other.duckdb"
    assert run([tmp_path / "bao-cao.csv"], other).exit_code == 0
    imported, problems = import_csv(other, out)
    assert (imported, problems) == (1, [])
    assert one(other, "SELECT count(*) FROM v_facts WHERE body LIKE '%Gò Dầu%'") == 0


def test_review_cli(loaded: Path, capsys: pytest.CaptureFixture[str]) -> None:
    target = fact_id(loaded, "Tân Châu", "houses_built")
    assert main(["review", "correct", str(target), "--value", "5", "--reason", "sai số", "--by", "An",
                 "--db", str(loaded)]) == 0
    assert main(["review", "list", "--audit", "--json", "--db", str(loaded)]) == 0
    audit = json.loads(capsys.readouterr().out.splitlines()[-1])
    assert audit[0]["made_by"] == "An" and audit[0]["reason"] == "sai số"
    assert main(["review", "reject", "999999", "--reason", "x", "--db", str(loaded)]) == 1
    assert "no fact 999999" in capsys.readouterr().err


def test_a_viewers_edit_is_refused_on_the_server(loaded: Path) -> None:
    from warehouse.access import AccessError, User
    from warehouse.corrections import add_fact_as, review_as

    target = fact_id(loaded, "Gò Dầu", "houses_built")
    with pytest.raises(AccessError, match="viewer"):
        review_as(User("binh", "viewer"), loaded, target, "reject", reason="giả mạo")
    with pytest.raises(AccessError, match="sign in"):
        add_fact_as(None, loaded, Change("houses_built", "Đảng bộ huyện Gò Dầu", "2021", "3"), source="x", reason="y")
    assert one(loaded, "SELECT count(*) FROM corrections") == 0
    review_as(User("an", "editor"), loaded, target, "reject", reason="trùng lặp")
    assert one(loaded, "SELECT made_by FROM v_corrections") == "an"


def test_a_later_correction_keeps_what_an_earlier_one_set(loaded: Path) -> None:
    """Correcting the period of a fact whose value was corrected keeps the corrected value; so does a confirm."""
    target = fact_id(loaded, "Gò Dầu", "houses_built")
    review(loaded, target, "correct", by="An", reason="giá trị", change=Change(value="9"))
    review(loaded, fact_id(loaded, "Gò Dầu", "houses_built"), "correct", by="An", reason="kỳ",
           change=Change(period="9T/2021"))
    review(loaded, fact_id(loaded, "Gò Dầu", "houses_built"), "confirm", by="Bình", reason="đã đối chiếu")
    assert one(loaded, "SELECT value || ' ' || period_label FROM v_facts WHERE body LIKE '%Gò Dầu%'") == \
        "9 9 tháng đầu năm 2021"


def added(db: Path) -> int:
    add_fact(db, Change(metric="funds_donated", body="Đảng bộ huyện Gò Dầu", period="2021-12-20", value="1,2 tỷ"),
             source="Báo Tây Ninh, 21/12/2021", by="An", reason="bài báo bị sót")
    return fact_id(db, "Gò Dầu", "funds_donated")


def test_an_added_fact_can_be_corrected_confirmed_and_rejected(loaded: Path) -> None:
    first = added(loaded)
    review(loaded, first, "correct", by="Bình", reason="gõ nhầm", change=Change(value="1,5 tỷ"))
    assert one(loaded, "SELECT count(*) FROM v_facts WHERE metric_id = 'funds_donated'") == 1
    second = fact_id(loaded, "Gò Dầu", "funds_donated")
    assert one(loaded, "SELECT value || ' ' || evidence FROM v_facts WHERE fact_id = ?", [second]) == \
        "1500000000 Báo Tây Ninh, 21/12/2021"
    review(loaded, second, "confirm", by="Cường", reason="đã xem bài báo")
    assert one(loaded, "SELECT value FROM v_facts WHERE fact_id = ?", [second]) == 1_500_000_000
    assert history(loaded, second)["action"].tolist() == ["confirm", "add", "add"]
    review(loaded, second, "reject", by="Cường", reason="trùng với báo cáo")
    assert one(loaded, "SELECT count(*) FROM v_facts WHERE metric_id = 'funds_donated'") == 0
    # Every step stays in the audit trail, the replaced additions included.
    assert one(loaded, "SELECT list(action ORDER BY correction_id)::VARCHAR FROM v_corrections") == \
        "[add, add, confirm, reject]"
    assert one(loaded, "SELECT list(action) FROM v_corrections WHERE live") == ["reject"]
