"""In a real server and Chromium: changing a filter on a page reruns that page's fragment only, not the whole page
(AppTest cannot show this: it reruns the whole script for any widget). The server prints one timing line per run
($PARTYBUILD_DASHBOARD_TIMING, dashboard/frame.py `timed`), naming the page and whether it was a full run or a
fragment."""

from __future__ import annotations

import os
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.e2e.conftest import Server, require_chromium

pytestmark = pytest.mark.browser

# url path → (the page's file, which selectbox of the page is changed)
PAGES = {"": ("overview", 1), "bodies": ("by_body", 0), "periods": ("by_period", 0), "map": ("map", 0),
         "evidence": ("evidence", 0)}


@pytest.fixture(scope="module")
def server(e2e_db: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    """conftest's server, with the timing lines on."""
    require_chromium()
    before = os.environ.get("PARTYBUILD_DASHBOARD_TIMING")
    os.environ["PARTYBUILD_DASHBOARD_TIMING"] = "1"
    try:
        srv = Server(e2e_db, tmp_path_factory.mktemp("server") / "dashboard.log")
    finally:
        if before is None:
            os.environ.pop("PARTYBUILD_DASHBOARD_TIMING")
        else:
            os.environ["PARTYBUILD_DASHBOARD_TIMING"] = before
    try:
        srv.wait()
        yield srv
    finally:
        srv.stop()


def timing_lines(server: Server) -> list[str]:
    return [line for line in server.log.read_text().splitlines() if line.startswith("partybuild-timing ")]


@pytest.mark.parametrize("path", list(PAGES))
def test_a_filter_change_reruns_the_pages_fragment_only(server: Server, page: Any, ready: Any, path: str) -> None:
    stem, box = PAGES[path]
    page.goto(f"{server.url}/{path}?level=province")
    ready(page)
    before = len(timing_lines(server))
    title = page.locator("[data-testid='stMain'] h1").first.inner_text()
    page.locator("[data-testid='stMain'] [data-testid='stSelectbox']").nth(box).click()
    page.locator("[role='option']").nth(2).click()
    ready(page)
    deadline = time.monotonic() + 10
    while len(timing_lines(server)) == before and time.monotonic() < deadline:
        time.sleep(0.1)
    runs = timing_lines(server)[before:]
    assert runs and all(f"page={stem} scope=fragment" in line for line in runs), runs
    assert page.locator("[data-testid='stMain'] h1").first.inner_text() == title
    assert page.locator("[data-testid='stException']").count() == 0
    assert page.locator("[data-testid='stAlertContentError']").count() == 0
