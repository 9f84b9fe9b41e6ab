"""End to end in a real Chromium: `partybuild dashboard` serves a warehouse; the pages draw Plotly charts (with the
partial plotly.js of dashboard/plot.py)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

pytestmark = pytest.mark.browser


def test_by_period_page_draws_a_plotly_chart(server: Any, page: Any, ready: Any, tmp_path: Path) -> None:
    page.goto(f"{server.url}/periods")
    page.wait_for_selector(".js-plotly-plot", timeout=30_000)
    ready(page)
    assert page.locator(".js-plotly-plot").count() >= 2
    assert page.get_by_text("Theo thời gian").first.is_visible()
    assert page.locator("[data-testid='stException']").count() == 0
    assert page.locator("[data-testid='stAlertContentError']").count() == 0
    page.screenshot(path=str(tmp_path / "by_period.png"), full_page=True)
    # The defaults are in the address, so the view can be shared.
    assert "metric=members_admitted" in page.url


def test_the_charts_load_the_partial_plotly_and_never_streamlits(server: Any, page: Any, ready: Any) -> None:
    """What keeps a chart page's first render fast (dashboard/plot.py): one request for our 1.25 MB bundle,
    none for Streamlit's 4.7 MB PlotlyChart chunk, on every page that draws a chart."""
    scripts: list[str] = []
    page.on("request", lambda request: scripts.append(request.url) if request.resource_type == "script" else None)
    for path, charts in [("", 1), ("bodies", 3), ("map", 2)]:
        page.goto(f"{server.url}/{path}")
        page.wait_for_function(f"() => document.querySelectorAll('.js-plotly-plot .main-svg').length >= {charts}",
                               timeout=30_000)
        ready(page)
    ours = [u for u in scripts if "/app/static/plotly-partybuild.min.js?v=" in u]
    assert ours, scripts
    assert not [u for u in scripts if "PlotlyChart" in u]
    version = page.evaluate("() => import('/app/static/plotly-partybuild.min.js').then((m) => m.default.version)")
    assert version.startswith("4.")


PAGES = ["", "bodies", "periods", "map", "evidence", "quality", "sql", "etl"]


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_every_page_in_both_languages(server: Any, page: Any, ready: Any, tmp_path: Path, lang: str) -> None:
    for path in PAGES:
        page.goto(f"{server.url}/{path}?lang={lang}")
        ready(page)
        assert page.locator("[data-testid='stException']").count() == 0, path
        assert page.locator("[data-testid='stAlertContentError']").count() == 0, path
        assert f"lang={lang}" in page.url
        refresh = "Cập nhật lần cuối: " if lang == "vi" else "Last refresh: "
        assert page.locator("[data-testid='stSidebar']").get_by_text(refresh).count() == 1, path  # every page
        page.screenshot(path=str(tmp_path / f"{path or 'overview'}-{lang}.png"), full_page=True)


def test_clicking_a_point_opens_its_evidence(server: Any, page: Any, ready: Any, tmp_path: Path) -> None:
    page.goto(f"{server.url}/periods")
    page.wait_for_selector(".js-plotly-plot .scatterlayer .point", timeout=30_000)
    ready(page)
    page.locator(".js-plotly-plot .scatterlayer .point").nth(3).click(force=True)
    page.wait_for_url("**/evidence**", timeout=30_000)
    ready(page)
    assert "fstart=" in page.url and "fmetric=members_admitted" in page.url
    assert page.locator("[data-testid='stAlertContentError']").count() == 0
    page.screenshot(path=str(tmp_path / "evidence-from-click.png"), full_page=True)


def _count(page: Any, selector: str) -> int:
    return int(page.locator(selector).count())


def test_a_treemap_cell_filters_the_other_charts(server: Any, page: Any, ready: Any, tmp_path: Path) -> None:
    page.goto(f"{server.url}/bodies")
    ranking = "[class*='st-key-pick_ranking_'] .js-plotly-plot .bars .point"
    cells = "[class*='st-key-pick_treemap_'] .js-plotly-plot g.slice"
    page.wait_for_selector(cells, timeout=30_000)
    ready(page)
    ids = "() => document.querySelector(\"[class*='st-key-pick_treemap_'] .js-plotly-plot\").data[0].ids.length"
    bars_before, cells_before = _count(page, ranking), page.evaluate(ids)
    assert bars_before > 1
    page.locator(cells).nth(2).click(force=True)  # [0] is the root, [1] its label bar: a body's cell
    page.wait_for_url("**pickfrom=treemap**", timeout=30_000)
    ready(page)
    page.wait_for_function(f"() => document.querySelectorAll({ranking!r}).length === 1", timeout=30_000)
    assert page.evaluate(ids) == cells_before  # the clicked treemap keeps its cells
    assert page.get_by_text("Đang lọc theo lựa chọn").first.is_visible()
    page.screenshot(path=str(tmp_path / "treemap-click.png"), full_page=True)
    page.locator("[class*='st-key-pick_clear'] button").click()
    page.wait_for_function(f"() => document.querySelectorAll({ranking!r}).length === {bars_before}", timeout=30_000)
    assert "pick=" not in page.url


def test_a_table_row_filters_the_map_and_the_years(server: Any, page: Any, ready: Any, tmp_path: Path) -> None:
    page.goto(f"{server.url}/map?lang=en")
    page.wait_for_selector(".js-plotly-plot", timeout=30_000)
    ready(page)
    page.get_by_text("Figures by province").click()  # the table is drawn once its expander is open
    table = page.locator("[class*='st-key-pick_table_'] [data-testid='stDataFrame']")
    table.wait_for(timeout=30_000)
    ready(page)
    heading = page.get_by_text("By year: every province")
    assert heading.is_visible()
    box = table.bounding_box()
    assert box is not None
    page.mouse.click(box["x"] + 12, box["y"] + 35 + 17)  # the first row's selection cell, under the header
    page.wait_for_url("**pickfrom=table**", timeout=30_000)
    ready(page)
    heading.wait_for(state="detached", timeout=30_000)  # the yearly chart now sums the chosen province
    assert page.get_by_text("By year: ").first.is_visible()
    faded = page.evaluate("() => [...document.querySelectorAll('[class*=\"st-key-pick_map_\"] .scatterlayer "
                          ".point')].filter(p => parseFloat(getComputedStyle(p).opacity) < 0.5).length")
    assert faded > 0  # the map fades the other provinces
    page.screenshot(path=str(tmp_path / "table-row.png"), full_page=True)
