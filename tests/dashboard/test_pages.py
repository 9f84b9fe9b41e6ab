"""Every page, with data and without, in both languages: no exception, no error element, the expected parts."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.dashboard.elements import plots

# page module → (Vietnamese title, English title, Plotly charts expected with data)
PAGES = {
    "overview": ("Tổng quan", "Overview", 1),
    "by_body": ("Theo đơn vị", "By body", 3),
    "by_period": ("Theo thời gian", "By period", 2),
    "map": ("Bản đồ", "Map", 2),
    "evidence": ("Nguồn", "Evidence", 0),
    "quality": ("Chất lượng dữ liệu", "Data quality", 0),
    "sql": ("SQL", "SQL", 0),
    "etl": ("ETL", "ETL", 0),
}


@pytest.mark.parametrize("lang", ["vi", "en"])
@pytest.mark.parametrize("name", list(PAGES))
def test_page_with_data(app, no_errors, sample_db: Path, name: str, lang: str) -> None:
    at = app(sample_db, f"screens/{name}.py", lang=lang)
    no_errors(at)
    vi, en, charts = PAGES[name]
    assert at.title[0].value == (vi if lang == "vi" else en)
    assert len(plots(at)) >= charts
    assert at.query_params["lang"] == lang
    links = at.get("page_link")  # drawn once, by the page's fragment or after the page
    assert len(links) == len(PAGES) and all(f"lang={lang}" in link.proto.query_string for link in links)
    refresh = "Cập nhật lần cuối: " if lang == "vi" else "Last refresh: "
    assert [c.value for c in at.sidebar.caption if c.value.startswith(refresh)], "no last refresh in the sidebar"


@pytest.mark.parametrize("name", list(PAGES))
def test_page_with_missing_warehouse(app, no_errors, tmp_path: Path, name: str) -> None:
    at = app(tmp_path / "none.duckdb", f"screens/{name}.py")
    no_errors(at)
    assert any("Chưa có kho dữ liệu" in i.value for i in at.info)


@pytest.mark.parametrize("name", ["overview", "by_body", "by_period", "map", "evidence", "quality"])
def test_page_with_empty_warehouse(app, no_errors, empty_db: Path, name: str) -> None:
    at = app(empty_db, f"screens/{name}.py")
    no_errors(at)
    assert any("chưa có số liệu" in i.value for i in at.info)


@pytest.mark.parametrize("name", ["sql", "etl"])
def test_console_and_run_history_with_empty_warehouse(app, no_errors, empty_db: Path, name: str) -> None:
    at = app(empty_db, f"screens/{name}.py")
    no_errors(at)
    assert at.title[0].value == PAGES[name][0]


@pytest.mark.parametrize("name", list(PAGES))
def test_a_broken_warehouse_file_is_a_sentence_not_a_traceback(app, tmp_path: Path, name: str) -> None:
    broken = tmp_path / "partybuild.duckdb"
    broken.write_bytes(b"not a DuckDB file \x00\x01" * 512)
    at = app(broken, f"screens/{name}.py")
    if name == "sql":
        _run_sql(at, "SELECT 1")
    assert not at.exception, [e.value for e in at.exception]
    shown = [e.value for e in [*at.error, *at.warning]]
    assert shown and all(("kho dữ liệu" in v or "Không chạy được" in v) and "Traceback" not in v for v in shown), shown


def test_evidence_filtered_from_a_chart_click(app, no_errors, sample_db: Path) -> None:
    at = app(sample_db, "screens/evidence.py", fstart="2015-01-01", fend="2015-12-31", fmetric="members_admitted")
    no_errors(at)
    assert any("Đang lọc theo biểu đồ" in i.value for i in at.info)
    assert at.dataframe


def test_evidence_low_confidence_and_row_detail(app, no_errors, sample_db: Path) -> None:
    at = app(sample_db, "screens/evidence.py", conf="0.7", **{"from": "2010"})
    no_errors(at)
    assert at.toggle[0].value is True


def test_by_body_drill_path_from_the_url(app, no_errors, sample_db: Path) -> None:
    import duckdb

    with duckdb.connect(str(sample_db), read_only=True) as con:
        row = con.execute("SELECT body_id FROM bodies WHERE level = 'province' AND province = 'Hà Nội' "
                          "ORDER BY body_id LIMIT 1").fetchone()
    assert row is not None
    at = app(sample_db, "screens/by_body.py", drill=row[0])
    no_errors(at)
    labels = [b.label for b in at.button]
    assert any("Hà Nội" in label for label in labels)  # the breadcrumb
    at.button(key="crumb_root").click().run()
    assert at.query_params["drill"] == ""


def _run_sql(at, sql: str):
    at.text_area[0].set_value(sql)
    return next(b for b in at.button if b.label == "Chạy").click().run()


def test_sql_console_runs_and_refuses(app, no_errors, sample_db: Path) -> None:
    at = _run_sql(app(sample_db, "screens/sql.py"), "SELECT metric_id, count(*) AS n FROM v_facts GROUP BY 1 ORDER BY 1")
    no_errors(at)
    assert at.dataframe[0].value["metric_id"].tolist() == sorted(at.dataframe[0].value["metric_id"])
    assert len(at.dataframe[0].value) == 4 and not at.warning
    at = _run_sql(at, "DELETE FROM facts")
    no_errors(at)
    assert any(w.value.startswith("Không chạy") and "DELETE" in w.value for w in at.warning)
    assert not at.dataframe


def test_sql_console_runs_while_another_connection_holds_the_file(app, no_errors, sample_db: Path) -> None:
    """Another session's run holding its read-only connection (default settings) must not break the console."""
    import duckdb

    at = app(sample_db, "screens/sql.py")
    with duckdb.connect(str(sample_db), read_only=True) as held:
        held.execute("SELECT count(*) FROM facts").fetchone()
        at = _run_sql(at, "SELECT count(*) AS n FROM v_facts")
    no_errors(at)
    assert not at.warning, [w.value for w in at.warning]
    assert at.dataframe and int(at.dataframe[0].value["n"][0]) > 0


def test_map_before_the_merger(app, no_errors, sample_db: Path) -> None:
    at = app(sample_db, "screens/map.py", era="pre")
    no_errors(at)
    assert len(plots(at)) == 2  # the map and the chosen provinces by year


def test_page_links_carry_the_filters_just_changed(app, no_errors, sample_db: Path) -> None:
    at = app(sample_db, "screens/map.py")
    at.selectbox[0].set_value("funds_donated").run()
    no_errors(at)
    links = at.get("page_link")
    assert len(links) == len(PAGES) and all("metric=funds_donated" in link.proto.query_string for link in links)


def test_names_from_the_address_are_shown_as_written(app, no_errors, sample_db: Path) -> None:
    at = app(sample_db, "screens/evidence.py", fbody="*x* [y](http://z.vn)", fmetric="members_admitted")
    no_errors(at)
    assert any("\\*x\\* \\[y\\]\\(http\\:\u2060//z\\.vn\\)" in i.value for i in at.info)
    at = app(sample_db, "screens/map.py", pickfrom="map", pick="**Hà Nội**")
    no_errors(at)
    assert any("\\*\\*Hà Nội\\*\\*" in i.value for i in at.info)  # the selection bar
    assert any("\\*\\*Hà Nội\\*\\*" in h.value for h in at.subheader)  # the yearly chart's heading


def test_evidence_filter_changed_in_its_fragment_reaches_the_links(app, no_errors, sample_db: Path) -> None:
    # (AppTest reruns the whole page for any widget; tests/e2e/test_fragments_browser.py checks in a real server
    # that a filter change reruns the fragment only.)
    at = app(sample_db, "screens/evidence.py", level="")
    at.toggle(key="w_lowconf").set_value(True).run()
    no_errors(at)
    assert at.query_params["conf"] == "0.7"
    links = at.get("page_link")  # the sidebar's links follow the filter changed in the fragment
    assert len(links) == len(PAGES) and all("conf=0.7" in link.proto.query_string for link in links)


def test_evidence_chart_filter_is_cleared_in_the_fragment(app, no_errors, sample_db: Path) -> None:
    import duckdb

    with duckdb.connect(str(sample_db), read_only=True) as con:
        body_id, name = con.execute("SELECT body_id, name FROM bodies WHERE level = 'province' ORDER BY body_id "
                                    "LIMIT 1").fetchone()
    at = app(sample_db, "screens/evidence.py", fbody=body_id, fstart="2010-01-01", fend="2025-12-31",
             fmetric="members_admitted")
    no_errors(at)
    assert any(name in i.value and "Đang lọc theo biểu đồ" in i.value for i in at.info)  # the body's name, not its id
    at.button(key="clear_chart_filter").click().run()
    no_errors(at)
    assert not any("Đang lọc theo biểu đồ" in i.value for i in at.info)
    assert not {"fbody", "fstart", "fend", "fmetric"} & set(at.query_params)
    assert at.dataframe
