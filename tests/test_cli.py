"""The CLI's status and query commands on a real warehouse file."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from etl.cli import main

SHEET = (
    "body,metric,period,value\n"
    "Đảng bộ huyện Tân Châu,members_admitted,2017,125\n"
    "Đảng bộ huyện Tân Châu,houses_built,2017,4\n"
    "Đảng bộ huyện Gò Dầu,houses_built,2018,6\n"
)


@pytest.fixture
def loaded(tmp_path: Path, db_path: Path) -> Path:
    sheet = tmp_path / "s.csv"
    sheet.write_text(SHEET, encoding="utf-8")
    assert main(["etl", "run", str(sheet), "--db", str(db_path)]) == 0
    return db_path


def test_status_json(loaded: Path, capsys: pytest.CaptureFixture[str]) -> None:
    capsys.readouterr()
    assert main(["status", "--db", str(loaded), "--json"]) == 0
    info = json.loads(capsys.readouterr().out)
    assert {"documents", "bodies", "facts", "facts_by_metric", "last_run", "schema_version"} <= set(info)
    assert info["documents"] == 1 and info["facts"] == 3
    assert info["facts_by_metric"]["houses_built"] == 2
    assert info["facts_by_metric"]["members_admitted"] == 1
    assert info["last_run"]["status"] == "ok" and info["last_run"]["facts_added"] == 3
    assert info["schema_version"] >= 1


def test_db_from_environment(loaded: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setenv("PARTYBUILD_DB", str(loaded))
    capsys.readouterr()
    assert main(["status", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["facts"] == 3


def test_query_formats(loaded: Path, capsys: pytest.CaptureFixture[str]) -> None:
    capsys.readouterr()
    sql = "SELECT body, value FROM v_facts WHERE metric_id = 'houses_built' ORDER BY value"
    assert main(["query", "--db", str(loaded), "--format", "json", sql]) == 0
    assert json.loads(capsys.readouterr().out) == [
        {"body": "Đảng bộ huyện Tân Châu", "value": 4}, {"body": "Đảng bộ huyện Gò Dầu", "value": 6},
    ]
    assert main(["query", "--db", str(loaded), "--format", "csv", sql]) == 0
    assert capsys.readouterr().out.splitlines() == ["body,value", "Đảng bộ huyện Tân Châu,4", "Đảng bộ huyện Gò Dầu,6"]
    assert main(["query", "--db", str(loaded), "SELECT * FROM v_facts LIMIT 5"]) == 0
    assert "Tân Châu" in capsys.readouterr().out


def test_query_refuses_writes(loaded: Path, capsys: pytest.CaptureFixture[str]) -> None:
    capsys.readouterr()
    assert main(["query", "--db", str(loaded), "DELETE FROM facts"]) == 1
    assert "not allowed" in capsys.readouterr().err
    assert main(["status", "--db", str(loaded), "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["facts"] == 3


def test_status_without_warehouse_says_what_to_do(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["status", "--db", str(tmp_path / "none.duckdb")]) == 1
    assert "partybuild etl run" in capsys.readouterr().err


def test_every_subcommand_has_help(capsys: pytest.CaptureFixture[str]) -> None:
    for command in (["etl", "run"], ["etl", "runs"], ["status"], ["query"], ["dashboard"]):
        with pytest.raises(SystemExit) as exit_info:
            main([*command, "--help"])
        assert exit_info.value.code == 0
        assert "usage: partybuild" in capsys.readouterr().out


def test_dashboard_refuses_a_users_file_that_is_not_there(tmp_path: Path,
                                                          capsys: pytest.CaptureFixture[str]) -> None:
    missing = tmp_path / "khong-co.toml"
    assert main(["dashboard", "--db", str(tmp_path / "w.duckdb"), "--users", str(missing)]) == 1
    assert f"no users file at {missing}" in capsys.readouterr().err
