"""Scheduled refreshes: `--every 30m` or `--cron "0 2 * * *"`, in the foreground, never overlapping.

The cron matcher is ours (five fields: minute hour day-of-month month day-of-week, each `*`, a number, a
list `1,15`, a range `1-5`, a step `*/10` or `8-18/2`; Sunday is 0 or 7). As in cron, when both day fields
are restricted a day matches if either does.
"""

from __future__ import annotations

import re
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta

from etl.errors import ConfigError

_FIELDS = (("minute", 0, 59), ("hour", 0, 23), ("day of month", 1, 31), ("month", 1, 12),
           ("day of week", 0, 7))


def _parse_field(text: str, name: str, low: int, high: int) -> frozenset[int]:
    values: set[int] = set()
    for part in text.split(","):
        m = re.fullmatch(r"(\*|\d+(?:-\d+)?)(?:/(\d+))?", part.strip())
        if not m:
            raise ConfigError(f"cron {name} field '{text}' is not understood; use *, 5, 1-5, 1,15 or */10")
        span, step_text = m.group(1), m.group(2)
        if span == "*":
            start, end = low, high
        elif "-" in span:
            start, end = (int(x) for x in span.split("-"))
        else:
            start = end = int(span)
            if step_text:
                end = high
        step = int(step_text) if step_text else 1
        if step < 1 or start > end or start < low or end > high:
            raise ConfigError(f"cron {name} field '{text}' is out of range {low}-{high}")
        values.update(range(start, end + 1, step))
    return frozenset(values)


@dataclass(frozen=True)
class CronSchedule:
    minutes: frozenset[int]
    hours: frozenset[int]
    days: frozenset[int]
    months: frozenset[int]
    weekdays: frozenset[int]      # 0 = Sunday … 6 = Saturday
    day_restricted: bool
    weekday_restricted: bool

    @classmethod
    def parse(cls, expression: str) -> CronSchedule:
        """Ví dụ: ``CronSchedule.parse("0 2 * * *")`` — every day at 02:00."""
        parts = expression.split()
        if len(parts) != 5:
            raise ConfigError(f"cron expression '{expression}' needs 5 fields: minute hour day month weekday, "
                              "e.g. \"0 2 * * *\" for 02:00 every day")
        sets = [_parse_field(p, name, lo, hi) for p, (name, lo, hi) in zip(parts, _FIELDS, strict=True)]
        weekdays = frozenset(d % 7 for d in sets[4])
        return cls(sets[0], sets[1], sets[2], sets[3], weekdays,
                   day_restricted=parts[2] != "*", weekday_restricted=parts[4] != "*")

    def day_matches(self, when: datetime) -> bool:
        if when.month not in self.months:
            return False
        day_ok = when.day in self.days
        weekday_ok = (when.isoweekday() % 7) in self.weekdays
        if self.day_restricted and self.weekday_restricted:
            return day_ok or weekday_ok
        return day_ok and weekday_ok

    def matches(self, when: datetime) -> bool:
        return when.minute in self.minutes and when.hour in self.hours and self.day_matches(when)

    def next_after(self, when: datetime) -> datetime:
        """The first matching minute strictly after `when` (searches up to five years ahead)."""
        t = when.replace(second=0, microsecond=0) + timedelta(minutes=1)
        limit = t + timedelta(days=366 * 5)
        while t < limit:
            if not self.day_matches(t):
                t = t.replace(hour=0, minute=0) + timedelta(days=1)
            elif t.hour not in self.hours:
                t = t.replace(minute=0) + timedelta(hours=1)
            elif t.minute not in self.minutes:
                t += timedelta(minutes=1)
            else:
                return t
        raise ConfigError("the cron expression never matches (e.g. 31 February); check the day and month")


def parse_every(text: str) -> timedelta:
    """`30m`, `2h`, `1d`, `45s` or `90` (minutes) → a period."""
    m = re.fullmatch(r"\s*(\d+)\s*([smhd]?)\s*", text.lower())
    if not m or int(m.group(1)) == 0:
        raise ConfigError(f"--every '{text}' is not a period; write e.g. 30m, 2h or 1d")
    unit = m.group(2) or "m"
    return timedelta(**{{"s": "seconds", "m": "minutes", "h": "hours", "d": "days"}[unit]: int(m.group(1))})


def run_forever(
    refresh: Callable[[], object], *, every: timedelta | None = None, cron: CronSchedule | None = None,
    log: Callable[[str], None] = print, now: Callable[[], datetime] = datetime.now,
    sleep: Callable[[float], None] = time.sleep, max_runs: int | None = None,
) -> int:
    """Call `refresh` on the schedule until interrupted (or `max_runs`); returns how many ran.

    Refreshes run one after another in this process, so they cannot overlap; a refresh that takes longer
    than the period makes the next one start when it ends (missed slots are skipped, not queued). Another
    process's run is refused by the warehouse lock, logged, and tried again at the next slot.
    """
    if (every is None) == (cron is None):
        raise ConfigError("give either --every or --cron")
    runs = 0
    next_at = now() if every else cron.next_after(now())  # type: ignore[union-attr]
    try:
        while max_runs is None or runs < max_runs:
            wait = (next_at - now()).total_seconds()
            if wait > 0:
                log(f"next refresh at {next_at:%Y-%m-%d %H:%M:%S}")
                sleep(wait)
            started = now()
            log(f"refresh started at {started:%Y-%m-%d %H:%M:%S}")
            try:
                refresh()
            except Exception as exc:  # a failed refresh is logged; the schedule goes on
                log(f"refresh failed: {exc}")
            runs += 1
            finished = now()
            if every:
                next_at = started + every
                while next_at <= finished:
                    next_at += every
            else:
                next_at = cron.next_after(finished)  # type: ignore[union-attr]
    except KeyboardInterrupt:
        log("stopped")
    return runs
