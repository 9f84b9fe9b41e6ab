"""The bodies sample data speaks about: canonical names at every level, with the years each existed.

Names follow the registry's conventions ("Đảng bộ tỉnh Tây Ninh", "Đảng bộ Khối các cơ quan tỉnh Tây Ninh",
"Đảng bộ huyện Tân Châu") so that loaded samples resolve to registry bodies when the registry knows them.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import date
from functools import cache

from etl.sample.phrases import COMMON_PLACE_NAMES, COMMUNE_NAMES, DISTRICTS, PROVINCES

LEVELS = ("centre", "central_bloc", "province", "provincial_bloc", "district", "grassroots")
FIRST_DAY = date(2010, 1, 1)
LAST_DAY = date(2025, 12, 31)
# Pre-merger provinces, their blocs, districts and communes ended with the 2025 reorganisation.
MERGER_END = date(2025, 6, 30)


@dataclass(frozen=True)
class SampleBody:
    name: str                       # canonical: "Đảng bộ huyện Tân Châu"
    level: str
    province: str | None
    short: str                      # what news calls its committee: "Huyện ủy Tân Châu"
    abbrev: str                     # a later, shorter reference: "Huyện ủy"
    valid_from: date = FIRST_DAY
    valid_until: date = LAST_DAY
    parent: str | None = None       # canonical name of the body above
    extra: tuple[str, ...] = field(default=())

    def years(self) -> range:
        return range(max(self.valid_from, FIRST_DAY).year, min(self.valid_until, LAST_DAY).year + 1)


def _province_bodies(name: str, is_city: bool) -> list[SampleBody]:
    until = date(2024, 12, 31) if name == "Thừa Thiên Huế" else MERGER_END
    kind = "thành phố" if is_city else "tỉnh"
    committee = "Thành ủy" if is_city else "Tỉnh ủy"
    top = SampleBody(f"Đảng bộ {kind} {name}", "province", name, f"{committee} {name}", committee,
                     valid_until=until)
    bodies = [top]
    if not is_city:
        bodies.append(SampleBody(f"Đảng bộ Khối các cơ quan tỉnh {name}", "provincial_bloc", name,
                                 f"Đảng ủy Khối các cơ quan tỉnh {name}", "Đảng ủy Khối",
                                 valid_until=until, parent=top.name))
        bodies.append(SampleBody(f"Đảng bộ Khối doanh nghiệp tỉnh {name}", "provincial_bloc", name,
                                 f"Đảng ủy Khối doanh nghiệp tỉnh {name}", "Đảng ủy Khối",
                                 valid_until=until, parent=top.name))
    districts = DISTRICTS.get(name)
    if districts is None:
        # Stable per province, independent of any run's seed.
        districts = random.Random(f"districts:{name}").sample(COMMON_PLACE_NAMES, 4)
    for i, district in enumerate(districts):
        dbody = SampleBody(f"Đảng bộ huyện {district}", "district", name, f"Huyện ủy {district}", "Huyện ủy",
                           valid_until=until, parent=top.name)
        bodies.append(dbody)
        communes = random.Random(f"communes:{name}:{district}").sample(COMMUNE_NAMES, 2 + i % 2)
        for commune in communes:
            bodies.append(SampleBody(f"Đảng bộ xã {commune}", "grassroots", name, f"Đảng ủy xã {commune}",
                                     "Đảng ủy xã", valid_until=until, parent=dbody.name,
                                     extra=(f"huyện {district}",)))
    return bodies


@cache
def catalogue() -> tuple[SampleBody, ...]:
    """Every sample body, in a fixed order (the generators index into it with their own random draws)."""
    bodies = [
        SampleBody("Đảng Cộng sản Việt Nam", "centre", None, "Ban Chấp hành Trung ương Đảng", "toàn Đảng"),
        SampleBody("Đảng bộ Khối các cơ quan Trung ương", "central_bloc", None,
                   "Đảng ủy Khối các cơ quan Trung ương", "Đảng ủy Khối", valid_until=date(2024, 12, 31)),
        SampleBody("Đảng bộ Khối doanh nghiệp Trung ương", "central_bloc", None,
                   "Đảng ủy Khối doanh nghiệp Trung ương", "Đảng ủy Khối", valid_until=date(2024, 12, 31)),
        SampleBody("Đảng bộ Chính phủ", "central_bloc", None, "Đảng ủy Chính phủ", "Đảng ủy Chính phủ",
                   valid_from=date(2025, 2, 3)),
        SampleBody("Đảng bộ các cơ quan Đảng Trung ương", "central_bloc", None,
                   "Đảng ủy các cơ quan Đảng Trung ương", "Đảng ủy", valid_from=date(2025, 2, 3)),
    ]
    for name, is_city, _outlet, _prefix in PROVINCES:
        bodies.extend(_province_bodies(name, is_city))
    return tuple(bodies)


@cache
def by_level() -> dict[str, tuple[SampleBody, ...]]:
    return {level: tuple(b for b in catalogue() if b.level == level) for level in LEVELS}


def children(body: SampleBody) -> list[SampleBody]:
    return [b for b in catalogue() if b.parent == body.name and b.province == body.province]


def pick(rng: random.Random, level: str | None = None) -> SampleBody:
    """A body of `level` (any level, weighted towards provinces and districts, if None)."""
    if level is None:
        level = rng.choices(LEVELS, weights=(1, 2, 5, 3, 5, 3))[0]
    return rng.choice(by_level()[level])
