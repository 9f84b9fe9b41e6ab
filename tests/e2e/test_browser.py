"""End to end in a real Chromium: `partybuild dashboard` serves a warehouse; the pages draw Plotly charts."""

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


PAGES = ["", "bodies", "periods", "map", "evidence", "quality", "sql", "etl"]


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_every_page_in_both_languages(server: Any, page: Any, ready: Any, tmp_path: Path, lang: str) -> None:
    for path in PAGES:
        page.goto(f"{server.url}/{path}?lang={lang}")
        ready(page)
        assert page.locator("[data-testid='stException']").count() == 0, path
        assert page.locator("[data-testid='stAlertContentError']").count() == 0, path
        assert f"lang={lang}" in page.url
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
