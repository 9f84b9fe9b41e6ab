"""The named queries of warehouse/queries.py that page over precomputed tables: the conflict list (its order,
pages, count and full download) and the evidence table (its order, pages and filters), against hand-computed
figures on real DuckDB files."""

from __future__ import annotations

import csv
import io
from datetime import date
from pathlib import Path

import pytest

from tests.warehouse.conftest import write_facts
from warehouse import queries
from warehouse.materialize import refresh
from warehouse.publish import write_session

H1_2023 = ("2023-01-01", "2023-06-30")
Y2023 = ("2023-01-01", "2023-12-31")
Y2022 = ("2022-01-01", "2022-12-31")
BODIES = [
    {"body_id": "tan-chau", "name": "Đảng bộ huyện Tân Châu", "level": "district", "verified": True},
    {"body_id": "go-dau", "name": "Đảng bộ huyện Gò Dầu", "level": "district", "verified": True},
    {"body_id": "an-binh", "name": "Đảng bộ xã An Bình", "level": "commune", "verified": True},
    {"body_id": "hoa-thanh", "name": "Đảng bộ thị xã Hòa Thành", "level": "district", "verified": True},
]
COLUMNS = ["metric_id", "body_id", "body", "period_start", "period_end", "n_values", "chosen_value", "all_values",
           "fact_ids"]


@pytest.fixture
def wh(db_path: Path) -> Path:
    """Four conflicts and one figure two documents agree on. Fact ids follow the order written: 1–4 in a,
    5–9 in b, 10–11 in the spreadsheet c."""
    return write_facts(db_path, [
        {"doc_id": "a", "published": "2023-07-10", "facts": [
            ("tan-chau", "members_admitted", *H1_2023, 120),
            ("go-dau", "houses_built", *Y2023, 7),
            ("an-binh", "houses_built", *Y2023, 2),
            ("hoa-thanh", "members_admitted", *Y2022, 40),
        ]},
        {"doc_id": "b", "published": "2023-08-01", "facts": [
            ("tan-chau", "members_admitted", *H1_2023, 125),
            ("go-dau", "houses_built", *Y2023, 9),
            ("an-binh", "houses_built", *Y2023, 3),
            ("hoa-thanh", "members_admitted", *Y2022, 45),
            ("tan-chau", "funds_donated", *Y2022, 500_000_000),
        ]},
        {"doc_id": "c", "kind": "spreadsheet", "published": "2023-07-05", "facts": [
            ("tan-chau", "members_admitted", *H1_2023, 130),
            ("tan-chau", "funds_donated", *Y2022, 500_000_000),
        ]},
    ], BODIES)


# By hand: the three values of Tân Châu's first half first; then the two full years 2023, by body name ("Đảng bộ
# huyện Gò Dầu" sorts before "Đảng bộ xã An Bình"); then Hòa Thành's 2022. The spreadsheet wins Tân Châu's
# slot (a structured report), the later article (b) the others. The agreed 500,000,000 is no conflict.
EXPECTED = [
    ("members_admitted", "tan-chau", "Đảng bộ huyện Tân Châu", "2023-06-30", 3, 130, "[120, 125, 130]", {1, 5, 10}),
    ("houses_built", "go-dau", "Đảng bộ huyện Gò Dầu", "2023-12-31", 2, 9, "[7, 9]", {2, 6}),
    ("houses_built", "an-binh", "Đảng bộ xã An Bình", "2023-12-31", 2, 3, "[2, 3]", {3, 7}),
    ("members_admitted", "hoa-thanh", "Đảng bộ thị xã Hòa Thành", "2022-12-31", 2, 45, "[40, 45]", {4, 8}),
]


def _ids(text: str) -> set[int]:
    return {int(x) for x in text.strip("[]").split(",")}


def _rows(records: list[dict[str, object]]) -> list[tuple[object, ...]]:
    return [(r["metric_id"], r["body_id"], r["body"], str(r["period_end"])[:10], int(str(r["n_values"])),
             int(str(r["chosen_value"])), r["all_values"], _ids(str(r["fact_ids"]))) for r in records]


def test_conflicts_in_the_page_order(wh: Path) -> None:
    df = queries.conflicts(wh)
    assert list(df.columns) == COLUMNS
    assert _rows(df.to_dict("records")) == EXPECTED
    assert queries.conflicts_count(wh) == 4


def test_conflict_pages(wh: Path) -> None:
    assert _rows(queries.conflicts(wh, limit=2).to_dict("records")) == EXPECTED[:2]
    assert _rows(queries.conflicts(wh, limit=2, offset=1).to_dict("records")) == EXPECTED[1:3]
    assert _rows(queries.conflicts(wh, limit=10, offset=3).to_dict("records")) == EXPECTED[3:]
    assert queries.conflicts(wh, limit=10, offset=4).empty


def test_the_page_and_v_conflicts_list_the_same_conflicts(wh: Path) -> None:
    import duckdb

    con = duckdb.connect(str(wh), read_only=True)
    try:
        view = con.execute("SELECT metric_id, body_id, n_values, chosen_value, \"values\" FROM v_conflicts "
                           "ORDER BY n_values DESC, period_end DESC, body").fetchall()
    finally:
        con.close()
    assert view == [(m, b, n, c, [int(v) for v in vals.strip("[]").split(", ")])
                    for m, b, _, _, n, c, vals, _ in EXPECTED]


def test_the_csv_download_holds_every_conflict_as_the_page_shows_it(wh: Path) -> None:
    data = queries.conflicts_csv(wh)
    assert data.startswith(b"\xef\xbb\xbf")
    rows = list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"))))
    assert list(rows[0]) == COLUMNS
    assert _rows(rows) == EXPECTED  # type: ignore[arg-type]
    assert [r["period_start"] for r in rows] == ["2023-01-01", "2023-01-01", "2023-01-01", "2022-01-01"]


def test_the_csv_download_is_not_cut_at_the_page_size(db_path: Path) -> None:
    """1,203 communes whose two articles disagree (1 house, then 2): more conflicts than the page's 1,000, all
    in the download, in order of the communes' names."""
    write_facts(db_path, [{"doc_id": "bao-a", "published": "2024-01-15", "facts": []},
                          {"doc_id": "bao-b", "published": "2024-02-15", "facts": []}])
    with write_session(db_path) as con:   # in bulk: 2,406 facts one by one would make a slow test
        con.execute("INSERT INTO bodies (body_id, name, level, verified) SELECT printf('xa-%04d', i), "
                    "printf('Đảng bộ xã Số %04d', i), 'commune', TRUE FROM range(1203) t(i)")
        con.execute("INSERT INTO facts (fact_id, doc_id, metric_id, body_id, period_start, period_end, value, "
                    "evidence, extractor) SELECT nextval('fact_id_seq'), d.doc_id, 'houses_built', "
                    "printf('xa-%04d', i), DATE '2023-01-01', DATE '2023-12-31', d.v, 'xây ' || d.v || ' căn', "
                    "'prose-1' FROM range(1203) t(i), (VALUES ('bao-a', 1), ('bao-b', 2)) d(doc_id, v)")
        refresh(con)
    assert len(queries.conflicts(db_path)) == 1000
    assert queries.conflicts_count(db_path) == 1203
    rows = list(csv.DictReader(io.StringIO(queries.conflicts_csv(db_path).decode("utf-8-sig"))))
    assert [r["body_id"] for r in rows] == [f"xa-{i:04d}" for i in range(1203)]
    assert {(r["all_values"], r["chosen_value"], r["n_values"]) for r in rows} == {("[1, 2]", "2", "2")}
    rest = queries.conflicts(db_path, limit=1000, offset=1000)["body_id"].tolist()
    assert len(rest) == 203 and rest[0] == "xa-1000" and rest[-1] == "xa-1202"


# --- The evidence page's table ---------------------------------------------------------------------------------

@pytest.fixture
def evidence(db_path: Path) -> Path:
    """Seven figures of three bodies (fact ids in the order written: 1–4 in the article, 5–7 in the report)."""
    return write_facts(db_path, [
        {"doc_id": "bao-tay-ninh", "published": "2024-02-01", "facts": [
            ("tan-chau", "members_admitted", *Y2023, 310),                    # 1
            ("go-dau", "members_admitted", *Y2023, 205),                      # 2
            ("an-binh", "members_admitted", *H1_2023, 12),                    # 3
            ("tan-chau", "houses_built", "2023-09-02", "2023-09-02", 5),      # 4
        ]},
        {"doc_id": "bao-cao-quy", "kind": "spreadsheet", "published": "2023-10-05", "facts": [
            ("tan-chau", "members_admitted", "2023-01-01", "2023-09-30", 240),  # 5
            ("hoa-thanh", "members_admitted", *Y2022, 150),                   # 6
            ("go-dau", "members_admitted", *Y2023, 205),                      # 7: the same figure as 2
        ]},
    ], BODIES)


def _table(db: Path, *args: object, **kwargs: object) -> list[tuple[object, ...]]:
    df = queries.facts_table(db, *args, **kwargs)  # type: ignore[arg-type]
    return [(r["fact_id"], r["body_id"], str(r["period_end"])[:10], r["value"]) for r in df.to_dict("records")]


def test_the_evidence_table_newest_first_then_by_body_name(evidence: Path) -> None:
    # By hand: 31 Dec 2023 has Gò Dầu and Tân Châu ("huyện Gò Dầu" < "huyện Tân Châu"); Gò Dầu's 205 is one figure
    # shown by its best source, the spreadsheet (fact 7); then 30 Sep, 30 Jun (An Bình) and 2022 (Hòa Thành).
    everything = [(7, "go-dau", "2023-12-31", 205), (1, "tan-chau", "2023-12-31", 310),
                  (5, "tan-chau", "2023-09-30", 240), (3, "an-binh", "2023-06-30", 12),
                  (6, "hoa-thanh", "2022-12-31", 150)]
    assert _table(evidence, "members_admitted", [], 2022, 2023) == everything
    assert queries.facts_count(evidence, "members_admitted", [], 2022, 2023) == 5
    assert _table(evidence, "members_admitted", [], 2022, 2023, limit=2, offset=2) == everything[2:4]
    assert _table(evidence, "members_admitted", [], 2023, 2023) == everything[:4]
    row = queries.facts_table(evidence, "members_admitted", [], 2022, 2023, limit=1).iloc[0]
    assert (row["body"], row["unit"], row["source_path"], str(row["source_published"])[:10]) == (
        "Đảng bộ huyện Gò Dầu", "persons", "/docs/bao-cao-quy", "2023-10-05")
    assert list(queries.facts_table(evidence, "members_admitted", [], 2022, 2023).columns) == [
        "fact_id", "metric_id", "body_id", "body", "period_label", "period_start", "period_end", "value", "unit",
        "qualifier", "raw_value", "evidence", "source_path", "source_title", "source_published", "confidence",
        "source_count"]


def test_the_evidence_table_filters(evidence: Path) -> None:
    assert _table(evidence, "members_admitted", ["tan-chau", "an-binh"], 2022, 2023) == [
        (1, "tan-chau", "2023-12-31", 310), (5, "tan-chau", "2023-09-30", 240), (3, "an-binh", "2023-06-30", 12)]
    assert _table(evidence, "members_admitted", [], 2022, 2023, level="commune") == [
        (3, "an-binh", "2023-06-30", 12)]
    assert queries.facts_count(evidence, "members_admitted", [], 2022, 2023, level="commune") == 1
    # a chart click: the facts inside one period
    assert _table(evidence, "members_admitted", [], 2022, 2023, start=date(2023, 1, 1),
                  end=date(2023, 9, 30)) == [(5, "tan-chau", "2023-09-30", 240), (3, "an-binh", "2023-06-30", 12)]
    # every metric: Tân Châu's one-day handover of houses sits between September and June
    assert [r[0] for r in _table(evidence, "", [], 2023, 2023)] == [7, 1, 5, 4, 3]
    assert queries.facts_count(evidence, "", ["tan-chau"], 2023, 2023) == 3
    assert _table(evidence, "members_admitted", [], 2022, 2023, max_confidence=0.5) == []
    assert queries.facts_count(evidence, "members_admitted", ["no-such-body"], 2022, 2023) == 0


def test_v_facts_shows_the_document_of_each_figure(evidence: Path) -> None:
    """The source fields copied into mat_figures at refresh are those of the figure's document (doc_id)."""
    import duckdb

    con = duckdb.connect(str(evidence), read_only=True)
    try:
        mismatched = con.execute(
            "SELECT f.fact_id FROM v_facts f LEFT JOIN documents d ON d.doc_id = f.doc_id "
            "WHERE f.source_path IS DISTINCT FROM d.path OR f.source_kind IS DISTINCT FROM d.kind "
            "OR f.source_title IS DISTINCT FROM d.title OR f.source_outlet IS DISTINCT FROM d.outlet "
            "OR f.source_published IS DISTINCT FROM d.published").fetchall()
        kinds = con.execute("SELECT fact_id, source_kind, source_published FROM v_facts WHERE body_id = 'go-dau'"
                            ).fetchall()
    finally:
        con.close()
    assert mismatched == []
    assert kinds == [(7, "spreadsheet", date(2023, 10, 5))]   # the report outranks the article for Gò Dầu's 205
