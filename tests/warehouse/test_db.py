"""Read-only connections (warehouse.db): each file version opened once and kept, a refresh seen at the next
connection, one version per thread while a connection is open, and no clash with other connections."""

from __future__ import annotations

import threading
from pathlib import Path

import duckdb
import pytest

from tests.warehouse.conftest import load_sheets
from warehouse import db
from warehouse.db import read_only
from warehouse.publish import write_session


@pytest.fixture
def wh(tmp_path: Path) -> Path:
    return load_sheets(tmp_path, tmp_path / "kho.duckdb", "Đảng bộ huyện Tân Châu,houses_built,2017,4")


def _facts(con: duckdb.DuckDBPyConnection) -> int:
    row = con.execute("SELECT count(*) FROM v_facts").fetchone()
    return int(row[0]) if row else -1


def _add_fact(wh: Path, value: int) -> None:
    """A refresh: one more figure published through the write session (a new file swapped in)."""
    with write_session(wh) as con:
        con.execute("INSERT INTO facts (fact_id, doc_id, metric_id, body_id, period_start, period_end, value, "
                    "evidence, extractor) SELECT nextval('fact_id_seq'), doc_id, metric_id, body_id, "
                    "DATE '2018-01-01', DATE '2018-12-31', ?, 'năm 2018 xây ' || ? || ' căn', extractor "
                    "FROM facts LIMIT 1", [value, value])


def test_the_file_is_opened_once_per_version(wh: Path) -> None:
    with read_only(wh) as con:
        assert _facts(con) == 1
    kept = db._KEPT[str(wh.absolute())]
    with read_only(wh) as con:
        assert _facts(con) == 1
    assert db._KEPT[str(wh.absolute())] is kept
    _add_fact(wh, 6)
    with read_only(wh) as con:
        assert _facts(con) == 2
        assert con.execute("SELECT value FROM v_facts WHERE year(period_end) = 2018").fetchone() == (6,)
    assert db._KEPT[str(wh.absolute())] is not kept and kept.closed


def test_an_open_connection_keeps_its_version_and_so_does_its_thread(wh: Path) -> None:
    with read_only(wh) as outer:
        _add_fact(wh, 6)
        assert _facts(outer) == 1
        with read_only(wh) as inner:      # the same run: the same version
            assert _facts(inner) == 1
        seen: list[int] = []

        def other_thread() -> None:
            with read_only(wh) as con:
                seen.append(_facts(con))

        worker = threading.Thread(target=other_thread)
        worker.start()
        worker.join(30)
        assert seen == [2]                # another reader: the file as it is now
        assert _facts(outer) == 1
    with read_only(wh) as con:
        assert _facts(con) == 2


def test_many_threads_share_the_kept_file(wh: Path) -> None:
    counts: list[int] = []
    lock = threading.Lock()

    def reader() -> None:
        for _ in range(5):
            with read_only(wh) as con:
                n = _facts(con)
            with lock:
                counts.append(n)

    workers = [threading.Thread(target=reader) for _ in range(4)]
    for w in workers:
        w.start()
    for w in workers:
        w.join(60)
    assert counts == [1] * 20
    assert db._KEPT[str(wh.absolute())].users == 0


def test_plain_connections_beside_the_kept_one(wh: Path) -> None:
    """Other code in the process may open the file itself, with its own settings, and sees it as it is now."""
    with read_only(wh) as con:
        assert _facts(con) == 1
    _add_fact(wh, 6)
    with duckdb.connect(str(wh), read_only=True, config={"threads": 1}) as plain:
        assert _facts(plain) == 2
    with read_only(wh) as con:
        assert _facts(con) == 2


def test_forget_lets_the_process_write_the_file(wh: Path) -> None:
    with read_only(wh) as con:
        assert _facts(con) == 1
    with pytest.raises(duckdb.Error, match="already attached"):
        duckdb.connect(str(wh)).close()
    db.forget(wh)
    with duckdb.connect(str(wh)) as rw:   # DuckDB refuses this while the file is attached in the process
        assert _facts(rw) == 1
    with read_only(wh) as con:
        assert _facts(con) == 1


def test_a_missing_or_unreadable_file_is_a_sentence(tmp_path: Path) -> None:
    from etl.errors import WarehouseError

    with pytest.raises(WarehouseError, match="no warehouse at"), read_only(tmp_path / "none.duckdb"):
        pass
    bad = tmp_path / "hong.duckdb"
    bad.write_bytes(b"khong phai co so du lieu " * 400)
    with pytest.raises(WarehouseError), read_only(bad):
        pass
    assert str(bad.absolute()) not in db._KEPT
