"""The body hierarchy: successors after the 2025 reorganisation, the roll-up into today's bodies, bodies met in
documents placed under their province, and the shipped registry files well formed."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pandas as pd

from tests.warehouse.conftest import write_facts
from warehouse import refdata

Query = Callable[..., pd.DataFrame]

MERGER = [
    {"body_id": "t-tay-ninh-cu", "name": "Đảng bộ tỉnh Tây Ninh (đến 2025)", "level": "province",
     "province": "Tây Ninh", "valid_until": "2025-06-30", "successor_id": "t-tay-ninh", "verified": True},
    {"body_id": "t-long-an", "name": "Đảng bộ tỉnh Long An", "level": "province", "province": "Long An",
     "valid_until": "2025-06-30", "successor_id": "t-tay-ninh", "verified": True},
    {"body_id": "t-tay-ninh", "name": "Đảng bộ tỉnh Tây Ninh", "level": "province", "province": "Tây Ninh",
     "valid_from": "2025-07-01", "verified": True},
    {"body_id": "h-tan-chau", "name": "Đảng bộ huyện Tân Châu", "level": "district", "province": "Tây Ninh",
     "parent_id": "t-tay-ninh-cu", "valid_until": "2025-06-30", "verified": True},
]


def year(y: int, value: int, body: str, metric: str = "houses_built") -> tuple:
    return (body, metric, f"{y}-01-01", f"{y}-12-31", value)


def test_successor_links_and_current_body(db_path: Path, query: Query) -> None:
    write_facts(db_path, [], MERGER)
    b = query("SELECT body_id, successor_name, current_id FROM v_bodies ORDER BY body_id").set_index("body_id")
    assert b.loc["t-long-an", "current_id"] == "t-tay-ninh"
    assert b.loc["t-long-an", "successor_name"] == "Đảng bộ tỉnh Tây Ninh"
    assert b.loc["t-tay-ninh", "current_id"] == "t-tay-ninh"
    assert b.loc["h-tan-chau", "current_id"] == "h-tan-chau"      # a district has no successor body


def test_history_rolls_into_the_merged_province_only_when_asked(db_path: Path, query: Query) -> None:
    write_facts(db_path, [{"doc_id": "r", "published": "2025-01-10", "facts": [
        year(2024, 40, "t-tay-ninh-cu"), year(2024, 25, "t-long-an"),
        ("t-tay-ninh-cu", "houses_built", "2025-01-01", "2025-06-30", 10),
        ("t-long-an", "houses_built", "2025-01-01", "2025-06-30", 6),
        ("t-tay-ninh", "houses_built", "2025-07-01", "2025-12-31", 9),
    ]}], MERGER)
    own = query("SELECT body_id, year, value FROM v_yearly ORDER BY body_id, year")
    assert len(own) == 5                                           # v_yearly keeps every body apart
    cur = query("SELECT year, value, bodies, partial FROM v_yearly_current WHERE body_id = 't-tay-ninh' ORDER BY year")
    assert cur["value"].tolist() == [65, 25]                       # 40 + 25; 10 + 6 + 9
    assert cur["bodies"].tolist() == [2, 3]


def test_roll_up_does_not_add_predecessors_already_counted(db_path: Path, query: Query) -> None:
    write_facts(db_path, [{"doc_id": "r", "published": "2026-01-10", "facts": [
        ("t-tay-ninh-cu", "members_admitted", "2025-01-01", "2025-06-30", 100),
        ("t-long-an", "members_admitted", "2025-01-01", "2025-06-30", 80),
        # the new province reports from 1 January, its predecessors' months included
        year(2025, 400, "t-tay-ninh", "members_admitted"),
    ]}], MERGER)
    cur = query("SELECT value, bodies FROM v_yearly_current WHERE body_id = 't-tay-ninh'")
    assert cur.to_dict("records") == [{"value": 400, "bodies": 1}]


def test_unknown_body_goes_under_its_province(db_path: Path, query: Query) -> None:
    write_facts(db_path, [], [*MERGER, {"body_id": "xa-moi", "name": "Đảng bộ xã Mới", "level": "grassroots",
                                         "province": "Long An", "verified": False}])
    row = query("SELECT parent_id, verified FROM v_bodies WHERE body_id = 'xa-moi'").iloc[0]
    assert row["parent_id"] == "t-long-an" and not row["verified"]


def test_body_met_in_a_sheet_is_unverified(tmp_path: Path, db_path: Path, query: Query) -> None:
    from tests.warehouse.conftest import load_sheets

    load_sheets(tmp_path, db_path, "Đảng bộ xã Không Có Thật,houses_built,2017,4")
    row = query("SELECT verified FROM v_bodies WHERE name = 'Đảng bộ xã Không Có Thật'")
    assert row["verified"].tolist() == [False]


def test_registry_is_well_formed() -> None:
    bodies = refdata.load_registry()
    assert len(bodies) >= 63 + 34, "the registry must hold at least every province before and after 2025"
    ids = set(bodies["body_id"])
    levels = {"centre", "central_bloc", "province", "provincial_bloc", "district", "grassroots", "agency"}
    assert set(bodies["level"]) <= levels
    assert bodies["body_id"].is_unique
    assert bodies["name"].ne("").all()
    for col in ("parent_id", "successor_id"):
        refs = set(bodies[col].dropna()) - ids
        assert not refs, f"{col} points at bodies not in the registry: {sorted(refs)[:10]}"
    dated = bodies.dropna(subset=["valid_from", "valid_until"])
    assert (dated["valid_from"] <= dated["valid_until"]).all()
    ended = bodies[bodies["successor_id"].notna()]
    assert ended["valid_until"].notna().all(), "a body with a successor must say when it ended"
    aliases = refdata.load_aliases()
    assert set(aliases["body_id"]) <= ids


def test_hierarchy_file_completes_the_registry(tmp_path: Path) -> None:
    cols = "body_id,name,level,parent_id,province,valid_from,valid_until,successor_id\n"
    (tmp_path / "bodies.csv").write_text(cols + "a,Đảng bộ tỉnh A,province,,A,,,\n", encoding="utf-8")
    (tmp_path / "h.csv").write_text(
        cols + "a,ignored name,,,,,2025-06-30,b\nb,Đảng bộ tỉnh B,province,,B,2025-07-01,,\n", encoding="utf-8")
    reg = refdata.load_registry(tmp_path / "bodies.csv", tmp_path / "h.csv").set_index("body_id")
    assert reg.loc["a", "name"] == "Đảng bộ tỉnh A"                 # bodies.csv wins
    assert reg.loc["a", "successor_id"] == "b" and str(reg.loc["a", "valid_until"]) == "2025-06-30"
    assert reg.loc["b", "level"] == "province"
