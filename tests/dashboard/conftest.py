"""Warehouses for the dashboard tests, built once per session through the real CLI (`partybuild sample`,
`partybuild etl run`), and an AppTest factory pointed at one of them through $PARTYBUILD_DB."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from etl.cli import main

APP = Path(__file__).resolve().parents[2] / "dashboard" / "app.py"


@pytest.fixture(scope="session")
def sample_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Generated facts over the registry's hierarchy plus the curated template sheet (prose-like evidence)."""
    folder = tmp_path_factory.mktemp("dash")
    db = folder / "partybuild.duckdb"
    assert main(["sample", "--facts", "3000", "--db", str(db)]) == 0
    sheet = folder / "bao-cao-mau.csv"
    assert main(["sample", "--spreadsheet", str(sheet)]) == 0
    assert main(["etl", "run", str(sheet), "--db", str(db)]) in (0, 2)
    return db


@pytest.fixture(scope="session")
def empty_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A migrated warehouse with no facts (a run over an empty folder)."""
    folder = tmp_path_factory.mktemp("empty")
    (folder / "in").mkdir()
    db = folder / "partybuild.duckdb"
    main(["etl", "run", str(folder / "in"), "--db", str(db)])
    assert db.exists()
    return db


@pytest.fixture
def app(monkeypatch: pytest.MonkeyPatch) -> Iterator[Callable[..., AppTest]]:
    """app(db, page="pages/x.py", **query_params) → an AppTest that has run that page."""
    def make(db: Path, page: str | None = None, **params: str) -> AppTest:
        monkeypatch.setenv("PARTYBUILD_DB", str(db))
        at = AppTest.from_file(str(APP), default_timeout=60)
        at.run()  # st.navigation registers the pages on the first run; only then can the test switch
        if page:
            at.switch_page(page)
        at.query_params.clear()
        at.query_params.update(params)  # as if the address carried them
        return at.run()
    yield make


def _no_errors(at: AppTest) -> None:
    assert not at.exception, [e.value for e in at.exception]
    assert not at.error, [e.value for e in at.error]


@pytest.fixture
def no_errors() -> Callable[[AppTest], None]:
    """no_errors(at): no exception and no error element on the page."""
    return _no_errors
