"""A sample spreadsheet in the template's format (`partybuild sample --spreadsheet FILE [--rows N]`).

Without --rows: the curated sample of samples/bao-cao-mau.{csv,xlsx}, about thirty bodies (central blocs,
provinces, provincial blocs, districts) over 2015–2025 with yearly, nine-month and quarterly figures. With
--rows N: N rows over the whole sample catalogue, for load benchmarks. Values are written as people write
them ("1.250", "1,2 tỷ", "850 triệu"); the note column marks every row as sample data.
"""

from __future__ import annotations

import csv
import random
from collections.abc import Iterator
from datetime import date
from pathlib import Path

from etl.errors import ConfigError
from etl.sample.catalogue import SampleBody, by_level, catalogue
from etl.sample.numbers import group
from etl.sample.phrases import SAMPLE_NOTE

COLUMNS = ("body", "metric", "period", "value", "unit", "source", "note")
UNITS = {"members_admitted": "người", "funds_donated": "đồng", "houses_built": "căn",
         "confidence_vote_subjects": "người"}
# A full year's figure per level: members, houses, funds (millions of VND), confidence-vote subjects.
_YEARLY = {
    "central_bloc": ((1_200, 4_000), (10, 120), (800, 6_000), (10, 30)),
    "province": ((600, 4_500), (20, 250), (500, 9_000), (15, 60)),
    "provincial_bloc": ((25, 300), (2, 30), (100, 2_500), (9, 25)),
    "district": ((30, 300), (3, 50), (100, 2_000), (9, 40)),
    "grassroots": ((1, 25), (1, 8), (10, 300), (3, 15)),
}


def _money_text(rng: random.Random, millions: int) -> str:
    """ "1,2 tỷ", "3 tỷ", "850 triệu" or all digits "1.500.000.000"."""
    if rng.random() < 0.15:
        return group(millions * 1_000_000)
    if millions >= 1000:
        whole, frac = divmod(round(millions / 100), 10)
        return f"{whole} tỷ" if frac == 0 else f"{whole},{frac} tỷ"
    return f"{millions} triệu"


def _row(rng: random.Random, body: SampleBody, metric: str, period: str, fraction: float) -> dict[str, str]:
    members, houses, funds, votes = _YEARLY.get(body.level, _YEARLY["district"])
    if metric == "members_admitted":
        value = group(max(1, round(rng.randint(*members) * fraction)))
    elif metric == "houses_built":
        value = str(max(1, round(rng.randint(*houses) * fraction)))
    elif metric == "funds_donated":
        millions = max(10, round(rng.randint(*funds) * fraction / 10) * 10)
        value = _money_text(rng, millions)
    else:
        value = str(rng.randint(*votes))
    year = period[:4] if period[:4].isdigit() else period[-4:]
    # Provinces also go by their committee ("Tỉnh ủy Tây Ninh"), a name the registry lists as an alias.
    name = rng.choice([body.name, body.name, body.short]) if body.level == "province" else body.name
    return {"body": name, "metric": metric, "period": period,
            "value": value, "unit": UNITS[metric],
            "source": f"Báo cáo công tác xây dựng Đảng năm {year} của {body.short} (mẫu)", "note": SAMPLE_NOTE}


def _curated_bodies(rng: random.Random) -> list[SampleBody]:
    levels = by_level()
    provinces = rng.sample(levels["province"], 12)
    blocs = rng.sample(levels["provincial_bloc"], 8)
    districts = rng.sample(levels["district"], 8)
    central = [b for b in levels["central_bloc"] if b.valid_until <= date(2025, 1, 1)]
    return [*central, *provinces, *blocs, *districts]


def _periods(body: SampleBody, rng: random.Random, first: int = 2015) -> Iterator[tuple[str, str, float]]:
    """(metric, period, fraction of a year) rows for one body, 2015 to its last year in the sample range."""
    last_full = body.valid_until.year if body.valid_until >= date(body.valid_until.year, 12, 31) \
        else body.valid_until.year - 1
    for year in range(first, min(last_full, 2024) + 1):
        yield "members_admitted", str(year), 1.0
        if rng.random() < 0.3:
            yield "members_admitted", f"9T/{year}", 0.75
        if rng.random() < 0.6:
            yield "funds_donated", str(year), 1.0
        if rng.random() < 0.5:
            yield "houses_built", str(year), 1.0
        if rng.random() < 0.2:
            q = rng.randint(1, 4)
            yield "houses_built", f"{year}-Q{q}", 0.25
        if year in (2017, 2023) and rng.random() < 0.7:
            yield "confidence_vote_subjects", f"{year}-{rng.randint(6, 11):02d}-{rng.randint(1, 28):02d}", 1.0
    if body.valid_until >= date(2025, 6, 30):
        yield "members_admitted", "2025-Q1", 0.25
        yield "members_admitted", "2025-Q2", 0.25
        if rng.random() < 0.5:
            yield "funds_donated", "2025-H1", 0.5


def sample_rows(seed: int = 0) -> list[dict[str, str]]:
    rng = random.Random(f"partybuild-sheet:{seed}")
    return [_row(rng, body, metric, period, frac)
            for body in _curated_bodies(rng) for metric, period, frac in _periods(body, rng)]


def bulk_rows(n: int, seed: int = 0) -> list[dict[str, str]]:
    """n rows over every sample body below the centre: yearly, then quarterly, then monthly figures."""
    rng = random.Random(f"partybuild-sheet-bulk:{seed}")
    bodies = [b for b in catalogue() if b.level != "centre" and b.valid_until >= date(2015, 12, 31)]
    metrics = list(UNITS)
    rows: list[dict[str, str]] = []
    shapes: list[tuple[str, float]] = [("{y}", 1.0)] + [(f"{{y}}-Q{q}", 0.25) for q in range(1, 5)] + \
        [(f"{{y}}-{m:02d}", 0.09) for m in range(1, 13)]
    for shape, frac in shapes:
        for year in range(2015, 2025):
            for body in bodies:
                if body.valid_until < date(year, 12, 31):
                    continue
                for metric in metrics:
                    rows.append(_row(rng, body, metric, shape.format(y=year), frac))
                    if len(rows) >= n:
                        return rows
    return rows


def write_spreadsheet(path: Path, rows: int | None = None, seed: int = 0) -> int:
    """Write the sample (or `rows` bulk rows) to path, .csv (UTF-8) or .xlsx; returns the number of rows."""
    suffix = path.suffix.lower()
    if suffix not in (".csv", ".xlsx"):
        raise ConfigError(f"--spreadsheet {path}: the file must end in .csv or .xlsx")
    if rows is not None and rows < 1:
        raise ConfigError(f"--rows must be at least 1, not {rows}")
    data = sample_rows(seed) if rows is None else bulk_rows(rows, seed)
    path.parent.mkdir(parents=True, exist_ok=True)
    if suffix == ".csv":
        with open(path, "w", encoding="utf-8", newline="") as fh:
            writer = csv.DictWriter(fh, fieldnames=COLUMNS)
            writer.writeheader()
            writer.writerows(data)
        return len(data)
    import openpyxl  # only the .xlsx form needs it

    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "bao-cao"
    sheet.append(list(COLUMNS))
    for row in data:
        sheet.append([row[c] for c in COLUMNS])
    for column, width in zip("ABCDEFG", (44, 26, 12, 16, 8, 60, 26), strict=True):
        sheet.column_dimensions[column].width = width
    sheet.freeze_panes = "A2"
    book.save(path)
    return len(data)
