"""The period rules (README, "Periods"), each against figures computed by hand."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pandas as pd
import pytest

from tests.warehouse.conftest import load_sheets

Query = Callable[..., pd.DataFrame]
BODY = "dang-bo-huyen-tan-chau"


def yearly(query: Query, metric: str, year: int, body: str = BODY) -> dict:
    rows = query("SELECT * FROM v_yearly WHERE body_id = ? AND metric_id = ? AND year = ?", [body, metric, year])
    assert len(rows) == 1, rows
    return rows.iloc[0].to_dict()


def test_full_year_figure_wins_over_running_counts(tmp_path: Path, db_path: Path, query: Query) -> None:
    load_sheets(tmp_path, db_path, """
Đảng bộ huyện Tân Châu,members_admitted,2017-H1,200
Đảng bộ huyện Tân Châu,members_admitted,9T/2017,300
Đảng bộ huyện Tân Châu,members_admitted,2017-Q3,100
Đảng bộ huyện Tân Châu,members_admitted,2017,410
""")
    row = yearly(query, "members_admitted", 2017)
    assert (row["value"], row["partial"], row["facts"]) == (410, False, 1)


def test_without_full_year_the_latest_running_count_is_partial(tmp_path: Path, db_path: Path, query: Query) -> None:
    load_sheets(tmp_path, db_path, """
Đảng bộ huyện Tân Châu,members_admitted,2017-H1,200
Đảng bộ huyện Tân Châu,members_admitted,9T/2017,300
Đảng bộ huyện Tân Châu,members_admitted,2017-09,40
""")
    row = yearly(query, "members_admitted", 2017)
    # 200 + 300 + 40 would count H1 and September twice: only the 9-month running count stands.
    assert (row["value"], row["partial"]) == (300, True)
    assert str(row["period_end"])[:10] == "2017-09-30"


def test_one_off_events_are_summed(tmp_path: Path, db_path: Path, query: Query) -> None:
    load_sheets(tmp_path, db_path, """
Đảng bộ huyện Tân Châu,houses_built,2019-03-05,2
Đảng bộ huyện Tân Châu,houses_built,2019-07-10,3
Đảng bộ huyện Tân Châu,houses_built,2019-12-30,4
""")
    row = yearly(query, "houses_built", 2019)
    assert (row["value"], row["partial"], row["facts"]) == (9, True, 3)


def test_events_inside_a_full_year_figure_are_not_added(tmp_path: Path, db_path: Path, query: Query) -> None:
    load_sheets(tmp_path, db_path, """
Đảng bộ huyện Tân Châu,houses_built,2019,50
Đảng bộ huyện Tân Châu,houses_built,2019-03-05,2
Đảng bộ huyện Tân Châu,houses_built,2019-Q3,12
""")
    row = yearly(query, "houses_built", 2019)
    assert (row["value"], row["partial"]) == (50, False)


def test_non_overlapping_periods_add_up_to_a_whole_year(tmp_path: Path, db_path: Path, query: Query) -> None:
    load_sheets(tmp_path, db_path, """
Đảng bộ huyện Tân Châu,funds_donated,9T/2018,40 triệu đồng
Đảng bộ huyện Tân Châu,funds_donated,2018-Q4,10 triệu đồng
Đảng bộ huyện Tân Châu,funds_donated,2018-09,5 triệu đồng
""")
    row = yearly(query, "funds_donated", 2018)
    assert (row["value"], row["partial"]) == (50_000_000, False)


def test_partly_overlapping_figures_are_never_summed(tmp_path: Path, db_path: Path, query: Query) -> None:
    load_sheets(tmp_path, db_path, """
Đảng bộ huyện Tân Châu,houses_built,2020-01-01/2020-06-30,10
Đảng bộ huyện Tân Châu,houses_built,2020-04-01/2020-09-30,7
""")
    row = yearly(query, "houses_built", 2020)
    assert (row["value"], row["partial"]) == (10, True)


def test_a_figure_spanning_two_years_is_not_in_any_year(tmp_path: Path, db_path: Path, query: Query) -> None:
    load_sheets(tmp_path, db_path, """
Đảng bộ huyện Tân Châu,houses_built,2020-11-01/2021-02-28,8
Đảng bộ huyện Tân Châu,houses_built,2021-Q2,3
""")
    assert query("SELECT year FROM v_yearly WHERE body_id = ?", [BODY])["year"].tolist() == [2021]
    assert yearly(query, "houses_built", 2021)["value"] == 3
    assert len(query("SELECT * FROM v_facts WHERE body_id = ?", [BODY])) == 2


def test_series_derives_increments_from_running_counts(tmp_path: Path, db_path: Path, query: Query) -> None:
    load_sheets(tmp_path, db_path, """
Đảng bộ huyện Tân Châu,members_admitted,2017-Q1,90
Đảng bộ huyện Tân Châu,members_admitted,2017-H1,200
Đảng bộ huyện Tân Châu,members_admitted,9T/2017,300
Đảng bộ huyện Tân Châu,members_admitted,2017,410
""")
    series = query(
        "SELECT grain, strftime(period_start, '%m') AS m, value, cumulative_value, partial, derived FROM v_series "
        "WHERE body_id = ? AND metric_id = 'members_admitted' ORDER BY grain, period_start", [BODY])
    quarters = series[series.grain == "quarter"].set_index("m")
    assert quarters["value"].tolist() == [90, 110, 100, 110]           # Q2 = 200-90, Q3 = 300-200, Q4 = 410-300
    assert quarters["cumulative_value"].tolist() == [90, 200, 300, 410]
    assert not quarters["partial"].any()
    assert quarters["derived"].tolist() == [False, True, True, True]
    halves = series[series.grain == "half"]
    assert halves["value"].tolist() == [200, 210] and not halves["partial"].any()
    year = series[series.grain == "year"].iloc[0]
    assert (year["value"], year["partial"]) == (410, False)
    # Months: March, June, September and December have a running count, but no month value can be derived
    # (nothing is known at the end of February, May, August or November).
    months = series[series.grain == "month"]
    assert months["m"].tolist() == ["03", "06", "09", "12"]
    assert months["cumulative_value"].tolist() == [90, 200, 300, 410]
    assert months["value"].isna().all() and months["partial"].all()


def test_series_of_events_sums_inside_each_period(tmp_path: Path, db_path: Path, query: Query) -> None:
    load_sheets(tmp_path, db_path, """
Đảng bộ huyện Tân Châu,houses_built,2019-03-05,2
Đảng bộ huyện Tân Châu,houses_built,2019-03-20,1
Đảng bộ huyện Tân Châu,houses_built,2019-07-10,3
""")
    q = query("SELECT period_start, value, cumulative_value, partial FROM v_series WHERE body_id = ? "
              "AND grain = 'quarter' ORDER BY period_start", [BODY])
    assert [str(x)[:10] for x in q["period_start"]] == ["2019-01-01", "2019-07-01"]
    assert q["value"].tolist() == [3, 3]
    assert q["partial"].all()


def test_own_figure_and_sum_of_subordinates_are_separate(tmp_path: Path, db_path: Path, query: Query) -> None:
    from tests.warehouse.conftest import write_facts

    bodies = [
        {"body_id": "tinh", "name": "Đảng bộ tỉnh A", "level": "province", "verified": True},
        {"body_id": "khoi", "name": "Đảng bộ Khối các cơ quan tỉnh A", "level": "provincial_bloc",
         "parent_id": "tinh", "verified": True},
        {"body_id": "tp", "name": "Đảng bộ thành phố A", "level": "district", "parent_id": "tinh",
         "verified": True},
        {"body_id": "xa", "name": "Đảng bộ xã B", "level": "grassroots", "parent_id": "tp", "verified": True},
    ]
    y = ("2023-01-01", "2023-12-31")
    write_facts(db_path, [{"doc_id": "bao-cao", "kind": "html", "published": "2024-01-05", "facts": [
        ("tinh", "members_admitted", *y, 310), ("khoi", "members_admitted", *y, 74),
        ("tp", "members_admitted", *y, 60), ("xa", "members_admitted", *y, 12)]}], bodies)
    own = query("SELECT value FROM v_yearly WHERE body_id = 'tinh'")["value"].tolist()
    subs = query("SELECT value, subordinates FROM v_yearly_subordinates WHERE body_id = 'tinh'")
    assert own == [310]
    assert subs["value"].tolist() == [134] and subs["subordinates"].tolist() == [2]   # not 310+134, not +12


@pytest.mark.parametrize("view,key", [
    ("v_yearly", "body_id, metric_id, year"),
    ("v_series", "grain, body_id, metric_id, period_start"),
    ("v_coverage", "body_id, metric_id, year"),
    ("v_conflicts", "metric_id, body_id, period_start, period_end"),
    ("v_facts", "fact_id"),
    ("v_bodies", "body_id"),
])
def test_grain_is_unique_and_keys_not_null(tmp_path: Path, db_path: Path, query: Query, view: str, key: str) -> None:
    load_sheets(tmp_path, db_path, """
Đảng bộ huyện Tân Châu,members_admitted,2017-H1,200
Đảng bộ huyện Tân Châu,members_admitted,9T/2017,300
Đảng bộ huyện Gò Dầu,houses_built,2019-03-05,2
Đảng bộ huyện Gò Dầu,houses_built,2019,7
""", """
Đảng bộ huyện Tân Châu,members_admitted,9T/2017,305
Đảng bộ huyện Gò Dầu,houses_built,2019,7
""")
    dupes = query(f"SELECT {key}, count(*) AS n FROM {view} GROUP BY ALL HAVING count(*) > 1")
    assert dupes.empty, dupes
    nulls = " OR ".join(f"{k.strip()} IS NULL" for k in key.split(","))
    assert query(f"SELECT count(*) AS n FROM {view} WHERE {nulls}")["n"][0] == 0
    assert query(f"SELECT count(*) AS n FROM {view}")["n"][0] > 0
