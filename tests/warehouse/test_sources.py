"""Many sources: one fact with several evidences; conflicts kept, listed and resolved by source priority."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pandas as pd

from tests.warehouse.conftest import load_sheets, write_facts

Query = Callable[..., pd.DataFrame]
Y2022 = ("2022-01-01", "2022-12-31")


def test_same_figure_from_two_documents_is_one_fact(tmp_path: Path, db_path: Path, query: Query) -> None:
    load_sheets(tmp_path, db_path,
                "Đảng bộ huyện Tân Châu,houses_built,2017,4",
                "Đảng bộ huyện Tân Châu,houses_built,2017,4\nĐảng bộ huyện Tân Châu,members_admitted,2017,9")
    facts = query("SELECT value, source_count, mentions, len(sources) AS n, in_conflict FROM v_facts "
                  "WHERE metric_id = 'houses_built'")
    assert facts.to_dict("records") == [{"value": 4, "source_count": 2, "mentions": 2, "n": 2, "in_conflict": False}]
    assert len(query("SELECT * FROM v_evidence WHERE metric_id = 'houses_built'")) == 2
    yearly = query("SELECT value, source_count FROM v_yearly WHERE metric_id = 'houses_built'")
    assert yearly.to_dict("records") == [{"value": 4, "source_count": 2}]
    assert query("SELECT count(*) AS n FROM v_conflicts")["n"][0] == 0


def test_different_values_are_a_conflict_kept_and_listed(tmp_path: Path, db_path: Path, query: Query) -> None:
    write_facts(db_path, [
        {"doc_id": "a", "published": "2023-01-10", "facts": [("x", "members_admitted", *Y2022, 120)]},
        {"doc_id": "b", "published": "2023-02-10", "facts": [("x", "members_admitted", *Y2022, 125)]},
        {"doc_id": "c", "published": "2023-01-20", "facts": [("x", "members_admitted", *Y2022, 120)]},
    ])
    c = query("SELECT * FROM v_conflicts").iloc[0]
    assert c["n_values"] == 2 and list(c["values"]) == [120, 125]
    assert len(c["fact_ids"]) == 3
    # No structured report: the later publication (b, 10 Feb) wins, although two documents say 120.
    assert c["chosen_value"] == 125
    assert query("SELECT value FROM v_yearly")["value"].tolist() == [125]
    assert sorted(query("SELECT value FROM v_facts")["value"]) == [120, 125]       # both kept
    assert query("SELECT bool_and(in_conflict) AS b FROM v_facts")["b"][0]


def test_a_structured_official_report_beats_a_later_article(tmp_path: Path, db_path: Path, query: Query) -> None:
    write_facts(db_path, [
        {"doc_id": "sheet", "kind": "spreadsheet", "published": "2023-01-05",
         "facts": [("x", "members_admitted", *Y2022, 118)]},
        {"doc_id": "news", "published": "2023-03-01", "facts": [("x", "members_admitted", *Y2022, 125)]},
    ])
    assert query("SELECT chosen_value FROM v_conflicts")["chosen_value"].tolist() == [118]
    assert query("SELECT value, has_conflict FROM v_yearly").to_dict("records") == [
        {"value": 118, "has_conflict": True}]
    chosen = query("SELECT value FROM v_facts WHERE chosen")["value"].tolist()
    assert chosen == [118]


def test_a_conflict_on_one_period_does_not_double_the_year(tmp_path: Path, db_path: Path, query: Query) -> None:
    write_facts(db_path, [
        {"doc_id": "a", "published": "2022-10-01", "facts": [("x", "houses_built", "2022-01-01", "2022-09-30", 30)]},
        {"doc_id": "b", "published": "2022-10-03", "facts": [("x", "houses_built", "2022-01-01", "2022-09-30", 32),
                                                            ("x", "houses_built", "2022-10-15", "2022-10-15", 5)]},
    ])
    assert query("SELECT value FROM v_yearly")["value"].tolist() == [37]


def test_reloading_a_document_does_not_add_sources(tmp_path: Path, db_path: Path, query: Query) -> None:
    db = load_sheets(tmp_path, db_path, "Đảng bộ huyện Tân Châu,houses_built,2017,4")
    sheet = next(tmp_path.glob("sheet*.csv"))
    from etl.cli import main
    from tests.warehouse.conftest import ensure_fresh

    assert main(["etl", "run", str(sheet), "--db", str(db)]) == 0
    ensure_fresh(db)
    assert query("SELECT source_count FROM v_facts")["source_count"].tolist() == [1]
