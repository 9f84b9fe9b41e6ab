"""Numbers and dates written the way Vietnamese news writes them: "1.250", "1,5 tỷ đồng", "Thứ Hai, 30/12/2019"."""

from __future__ import annotations

import random
from datetime import date, timedelta

from etl.sample.phrases import WEEKDAYS

QUALIFIER_WORDS = {
    "exact": [""],
    "more_than": ["hơn ", "trên "],
    "about": ["khoảng ", "gần ", "xấp xỉ "],
    "at_least": ["ít nhất ", "không dưới "],
}


def group(n: int) -> str:
    """Thousands grouped with dots: 5300 → "5.300"."""
    return f"{n:,}".replace(",", ".")


def count_text(rng: random.Random, n: int) -> str:
    """A count as printed: "1.250", sometimes a zero-padded small number ("04")."""
    if n < 10 and rng.random() < 0.3:
        return f"{n:02d}"
    return group(n)


def qualifier(rng: random.Random, allow: bool = True) -> tuple[str, str]:
    """(label, the word before the number): ("more_than", "hơn ")."""
    if not allow:
        return "exact", ""
    label = rng.choices(["exact", "more_than", "about", "at_least"], weights=(70, 16, 10, 4))[0]
    return label, rng.choice(QUALIFIER_WORDS[label])


def money(rng: random.Random, low: int, high: int) -> tuple[int, str]:
    """A VND amount between low and high with its text in one of the usual shapes:
    (1500000000, "1,5 tỷ đồng"), (850000000, "850 triệu đồng"), (1250000000, "1 tỷ 250 triệu đồng")."""
    millions = max(1, rng.randint(low // 1_000_000, max(low, high) // 1_000_000))
    if millions < 1000:
        shape = rng.choice(["trieu", "trieu", "digits"])
        millions = millions if millions < 100 else millions // 10 * 10
    else:
        shape = rng.choice(["ty_decimal", "ty_decimal", "ty_whole", "ty_trieu", "digits"])
    if shape == "trieu":
        return millions * 1_000_000, f"{group(millions)} triệu đồng"
    if shape == "digits":
        return millions * 1_000_000, f"{group(millions * 1_000_000)} đồng"
    if shape == "ty_whole":
        billions = max(1, round(millions / 1000))
        return billions * 1_000_000_000, f"{billions} tỷ đồng"
    if shape == "ty_trieu":
        billions, rest = divmod(millions // 10 * 10, 1000)
        if rest == 0:
            return billions * 1_000_000_000, f"{billions} tỷ đồng"
        return billions * 1_000_000_000 + rest * 1_000_000, f"{billions} tỷ {rest} triệu đồng"
    tenths = max(10, round(millions / 100))  # "1,5 tỷ" = 15 tenths of a billion
    whole, frac = divmod(tenths, 10)
    text = f"{whole} tỷ đồng" if frac == 0 else f"{whole},{frac} tỷ đồng"
    return tenths * 100_000_000, text


def day_month(rng: random.Random, d: date, dots: bool = False) -> str:
    """The day and month of an event, year left to the dateline: "20/7", "20-7", "20.7"."""
    sep = "." if dots else rng.choice(["/", "/", "-"])
    return f"{d.day}{sep}{d.month}"


def dateline(rng: random.Random, published: date, author: str) -> str:
    """A timestamp line in one of the shapes news sites print."""
    hour, minute = rng.randint(6, 22), rng.randint(0, 59)
    weekday = WEEKDAYS[published.weekday()]
    dmy = f"{published:%d/%m/%Y}"
    shape = rng.randrange(9)
    if shape == 0:
        return f"Cập nhật ngày: {dmy} - {hour:02d}:{minute:02d}"
    if shape == 1:
        return f"{weekday}, {dmy}"
    if shape == 2:
        return f"{weekday}, {dmy}, {hour:02d}:{minute:02d} [GMT+7]"
    if shape == 3:
        h12 = hour % 12 or 12
        return f"{h12}:{minute:02d} {'PM' if hour >= 12 else 'AM'}, {dmy}"
    if shape == 4:
        return f"{hour:02d}:{minute:02d}, {dmy}"
    if shape == 5:
        return f"{dmy} {hour:02d}:{minute:02d}"
    if shape == 6:
        return f"{author} {dmy} {hour:02d}:{minute:02d}"
    if shape == 7:
        return f"{hour:02d}:{minute:02d} | {dmy}"
    return f"Ngày đăng: {published:%d-%m-%Y}"


def random_day(rng: random.Random, first: date, last: date) -> date:
    return first + timedelta(days=rng.randint(0, max(0, (last - first).days)))
