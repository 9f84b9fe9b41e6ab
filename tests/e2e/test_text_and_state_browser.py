"""In Chromium, the issue's cross-page promises: a name with markup in it is shown as written (in Plotly's labels
and in Streamlit's Markdown), the view's state (defaults included) follows a page switch and is what "copy link"
gives, tables download as CSV and XLSX, and the SQL console answers."""

from __future__ import annotations

import csv
import io
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

import duckdb
import pytest
from openpyxl import load_workbook

from dashboard.state import DEFAULTS
from etl.cli import main

pytestmark = pytest.mark.browser

# Written for this test (not real figures): a body whose name, as a document might spell it, holds markup.
ODD = "Chi bộ <b>Thử</b> *nghiệm* [xem](http://a.vn)"
SHEET = (
    "body,metric,period,value,unit,source\n"
    f"{ODD},members_admitted,2023,90.000,người,Báo cáo của chi bộ (mẫu)\n"
    "Đảng bộ tỉnh Long An,members_admitted,2023,1.180,người,Báo cáo tổng kết năm 2023 (mẫu)\n"
    "Đảng bộ tỉnh Long An,funds_donated,2023,2.500.000.000,đồng,Báo cáo tổng kết năm 2023 (mẫu)\n"
)


@pytest.fixture(scope="module")
def e2e_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Overrides conftest's warehouse for this module's server."""
    folder = tmp_path_factory.mktemp("e2e-text")
    (folder / "bao-cao.csv").write_text(SHEET, encoding="utf-8")
    db = folder / "partybuild.duckdb"
    assert main(["etl", "run", str(folder / "bao-cao.csv"), "--db", str(db)]) == 0
    return db


def no_error(page: Any) -> None:
    assert page.locator("[data-testid='stException']").count() == 0
    assert page.locator("[data-testid='stAlertContentError']").count() == 0


def test_markup_in_a_name_is_shown_as_written(server: Any, page: Any, ready: Any, e2e_db: Path,
                                              tmp_path: Path) -> None:
    page.goto(f"{server.url}/bodies?from=2023&to=2023")
    ticks = page.locator("[class*='st-key-pick_ranking_'] .ytick text")
    ticks.first.wait_for(timeout=30_000)
    ready(page)
    no_error(page)
    assert ODD in [t.text_content() for t in ticks.all()]
    cells = page.locator("[class*='st-key-pick_treemap_'] g.slice text")
    assert any(ODD in (c.text_content() or "") for c in cells.all())
    # Plotly read no tag in it: no link, no bold run of text in any chart.
    assert page.locator(".js-plotly-plot a").count() == 0
    assert page.locator(".js-plotly-plot tspan[style*='bold']").count() == 0
    page.screenshot(path=str(tmp_path / "markup-in-charts.png"), full_page=True)

    with duckdb.connect(str(e2e_db), read_only=True) as con:
        body_id = con.execute("SELECT body_id FROM bodies WHERE name = ?", [ODD]).fetchone()[0]
    page.goto(f"{server.url}/evidence?fbody={body_id}&fmetric=members_admitted&from=2023&to=2023")
    ready(page)
    no_error(page)
    alert = page.locator("[data-testid='stAlert']").filter(has_text="Đang lọc theo biểu đồ")
    assert ODD in alert.inner_text().replace("\u2060", "")  # (a word joiner keeps the address from linking)
    assert alert.locator("a, b, strong, em").count() == 0
    page.screenshot(path=str(tmp_path / "markup-in-markdown.png"), full_page=True)


def _query(url: str) -> dict[str, list[str]]:
    return parse_qs(urlsplit(url).query, keep_blank_values=True)


def test_the_view_follows_a_page_switch_and_the_copy_link(server: Any, page: Any, ready: Any) -> None:
    page.goto(f"{server.url}/map")
    ready(page)
    assert set(DEFAULTS) <= set(_query(page.url))  # the defaults are in the address too
    page.locator("[data-testid='stMain'] [data-testid='stSelectbox']").first.click()
    page.get_by_role("option", name="Kinh phí ủng hộ, hỗ trợ").click()
    page.wait_for_url("**metric=funds_donated**", timeout=30_000)
    ready(page)
    page.locator("[data-testid='stSidebar'] a").filter(has_text="Theo đơn vị").click()
    page.wait_for_url("**/bodies?**", timeout=30_000)
    ready(page)
    no_error(page)
    query = _query(page.url)
    assert query["metric"] == ["funds_donated"] and set(DEFAULTS) <= set(query)
    page.locator("[data-testid='stSidebar'] [data-testid='stPopover'] button").click()
    code = page.locator("[data-testid='stPopoverBody'] [data-testid='stCode']").first
    code.wait_for(timeout=30_000)
    link = code.inner_text().strip()
    assert urlsplit(link).path == "/bodies" and _query(link) == query


def _download(page: Any, label: str) -> bytes:
    with page.expect_download(timeout=60_000) as info:
        page.locator("[data-testid='stDownloadButton'] button").filter(has_text=label).first.click()
    return Path(info.value.path()).read_bytes()


def test_tables_download_as_csv_and_xlsx(server: Any, page: Any, ready: Any) -> None:
    page.goto(f"{server.url}/evidence?metric=members_admitted&level=&from=2023&to=2023")
    ready(page)
    rows = list(csv.DictReader(io.StringIO(_download(page, "Tải toàn bộ (CSV)").decode("utf-8-sig"))))
    assert sorted(r["body"] for r in rows) == sorted([ODD, "Đảng bộ tỉnh Long An"])
    sheet = load_workbook(io.BytesIO(_download(page, "XLSX"))).active
    table = list(sheet.iter_rows(values_only=True))
    header = list(table[0])
    assert len(table) == 3 and {"body", "value", "period_end", "evidence"} <= set(header)
    values = {r[header.index("body")]: r[header.index("value")] for r in table[1:]}
    assert values == {ODD: 90000, "Đảng bộ tỉnh Long An": 1180}  # numbers stay numbers


def test_the_sql_console_answers_in_the_browser(server: Any, page: Any, ready: Any, tmp_path: Path) -> None:
    page.goto(f"{server.url}/sql")
    ready(page)
    page.locator("[data-testid='stTextArea'] textarea").fill(
        "SELECT metric_id, count(*) AS facts FROM v_facts GROUP BY 1 ORDER BY 1")
    page.get_by_role("button", name="Chạy").click()
    page.locator("[data-testid='stDataFrame']").first.wait_for(timeout=30_000)
    page.locator(".js-plotly-plot .main-svg").first.wait_for(timeout=60_000)  # the quick chart
    ready(page)
    no_error(page)
    assert page.get_by_text("2 dòng").count() >= 1
    rows = list(csv.DictReader(io.StringIO(_download(page, "CSV").decode("utf-8-sig"))))
    assert rows == [{"metric_id": "funds_donated", "facts": "1"}, {"metric_id": "members_admitted", "facts": "2"}]
    page.screenshot(path=str(tmp_path / "sql.png"), full_page=True)
