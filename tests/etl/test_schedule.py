"""The cron matcher, --every periods, and the foreground loop that never overlaps refreshes."""

from __future__ import annotations

import json
import subprocess
import sys
import time
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from etl.errors import ConfigError
from etl.schedule import CronSchedule, parse_every, run_forever

REPO = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize(("expr", "when", "expected"), [
    ("0 2 * * *", datetime(2025, 3, 4, 2, 0), True),
    ("0 2 * * *", datetime(2025, 3, 4, 2, 1), False),
    ("*/15 * * * *", datetime(2025, 3, 4, 7, 45), True),
    ("*/15 * * * *", datetime(2025, 3, 4, 7, 46), False),
    ("0 8-18/2 * * 1-5", datetime(2025, 3, 4, 10, 0), True),     # a Tuesday
    ("0 8-18/2 * * 1-5", datetime(2025, 3, 4, 11, 0), False),
    ("0 8-18/2 * * 1-5", datetime(2025, 3, 8, 10, 0), False),    # a Saturday
    ("30 6 1,15 * *", datetime(2025, 5, 15, 6, 30), True),
    ("30 6 1,15 * *", datetime(2025, 5, 16, 6, 30), False),
    ("0 0 * * 0", datetime(2025, 3, 9, 0, 0), True),             # Sunday as 0
    ("0 0 * * 7", datetime(2025, 3, 9, 0, 0), True),             # … and as 7
    ("0 0 1 * 1", datetime(2025, 3, 3, 0, 0), True),             # day OR weekday when both restricted
    ("0 0 1 * 1", datetime(2025, 3, 1, 0, 0), True),
    ("0 0 1 * 1", datetime(2025, 3, 4, 0, 0), False),
    ("5 4 * 2 *", datetime(2025, 2, 10, 4, 5), True),
    ("5 4 * 2 *", datetime(2025, 3, 10, 4, 5), False),
])
def test_cron_matches(expr: str, when: datetime, expected: bool) -> None:
    assert CronSchedule.parse(expr).matches(when) is expected


def test_next_after() -> None:
    cron = CronSchedule.parse("0 2 * * *")
    assert cron.next_after(datetime(2025, 3, 4, 2, 0)) == datetime(2025, 3, 5, 2, 0)
    assert cron.next_after(datetime(2025, 3, 4, 1, 59, 30)) == datetime(2025, 3, 4, 2, 0)
    assert CronSchedule.parse("0 0 29 2 *").next_after(datetime(2025, 1, 1)) == datetime(2028, 2, 29)
    assert CronSchedule.parse("*/10 * * * *").next_after(datetime(2025, 12, 31, 23, 55)) == datetime(2026, 1, 1)


@pytest.mark.parametrize("bad", ["", "* * * *", "60 * * * *", "* 24 * * *", "* * 0 * *", "*/0 * * * *",
                                 "a * * * *", "5-1 * * * *"])
def test_bad_cron_expressions_say_what_is_wrong(bad: str) -> None:
    with pytest.raises(ConfigError, match="cron"):
        CronSchedule.parse(bad)


def test_impossible_dates_are_reported() -> None:
    with pytest.raises(ConfigError, match="never matches"):
        CronSchedule.parse("0 0 31 2 *").next_after(datetime(2025, 1, 1))


def test_parse_every() -> None:
    assert parse_every("30m") == timedelta(minutes=30)
    assert parse_every("2h") == timedelta(hours=2)
    assert parse_every("1d") == timedelta(days=1)
    assert parse_every("45") == timedelta(minutes=45)
    for bad in ("0m", "half an hour", "-5m"):
        with pytest.raises(ConfigError):
            parse_every(bad)


class FakeClock:
    def __init__(self) -> None:
        self.t = datetime(2025, 3, 4, 1, 0)
        self.slept: list[float] = []

    def now(self) -> datetime:
        return self.t

    def sleep(self, seconds: float) -> None:
        self.slept.append(seconds)
        self.t += timedelta(seconds=seconds)


def test_every_runs_back_to_back_without_overlap_and_skips_missed_slots() -> None:
    clock = FakeClock()
    starts: list[datetime] = []

    def refresh() -> None:
        starts.append(clock.t)
        clock.t += timedelta(minutes=45 if len(starts) == 2 else 1)  # the second refresh is slow

    logs: list[str] = []
    runs = run_forever(refresh, every=timedelta(minutes=30), now=clock.now, sleep=clock.sleep,
                       log=logs.append, max_runs=4)
    assert runs == 4
    assert [s.strftime("%H:%M") for s in starts] == ["01:00", "01:30", "02:30", "03:00"]
    assert any("refresh started" in line for line in logs)


def test_cron_loop_waits_for_its_minute_and_survives_a_failed_refresh() -> None:
    clock = FakeClock()
    starts: list[datetime] = []

    def refresh() -> None:
        starts.append(clock.t)
        if len(starts) == 1:
            raise RuntimeError("ổ đĩa đầy")

    logs: list[str] = []
    run_forever(refresh, cron=CronSchedule.parse("0 2 * * *"), now=clock.now, sleep=clock.sleep,
                log=logs.append, max_runs=2)
    assert starts == [datetime(2025, 3, 4, 2, 0), datetime(2025, 3, 5, 2, 0)]
    assert any("refresh failed: ổ đĩa đầy" in line for line in logs)


def test_schedule_command_refreshes_in_the_foreground_until_stopped(tmp_path: Path) -> None:
    src = tmp_path / "in"
    src.mkdir()
    (src / "f.jsonl").write_text(json.dumps({"metric": "members_admitted", "value": 4, "body": "Chi bộ A",
                                             "period_start": "2024-01-01"}) + "\n", encoding="utf-8")
    db = tmp_path / "w.duckdb"
    proc = subprocess.Popen([sys.executable, "-m", "etl.cli", "etl", "schedule", str(src), "--db", str(db),
                             "--every", "1s"], cwd=REPO, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                            text=True)
    try:
        deadline = time.monotonic() + 60
        seen: list[str] = []
        assert proc.stdout is not None
        while time.monotonic() < deadline and sum("run " in line for line in seen) < 2:
            seen.append(proc.stdout.readline())
    finally:
        proc.send_signal(2)  # Ctrl-C
        out, _ = proc.communicate(timeout=60)
    lines = "".join(seen) + out
    assert "run 1: ok" in lines and "run 2: ok" in lines
    assert "0 new" in lines.split("run 2:")[1]
    assert proc.returncode == 0
