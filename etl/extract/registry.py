"""The body registry as data: bodies.csv, body_aliases.csv, outlets.csv in warehouse/reference/.

:func:`load_body_rows` is what the warehouse migration loads into its ``bodies`` table.
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from pathlib import Path

from etl.text.normalize import fold, tidy

REFERENCE = Path(__file__).resolve().parents[2] / "warehouse" / "reference"
BODY_COLUMNS = ("body_id", "name", "level", "parent_id", "province", "valid_from", "valid_until", "successor_id")
LEVELS = ("centre", "central_bloc", "province", "provincial_bloc", "district", "grassroots", "agency")
# spellings of province names that are not the registry's ("TP.HCM", "BR-VT", "Đăk Lắk"…)
PROVINCE_VARIANTS = {
    "Hồ Chí Minh": ["TP.HCM", "TPHCM", "TP HCM", "TP. HCM", "TP.Hồ Chí Minh", "TP. Hồ Chí Minh", "TP Hồ Chí Minh",
                    "Thành phố Hồ Chí Minh", "thành phố Hồ Chí Minh", "Sài Gòn", "HCM"],
    "Thừa Thiên Huế": ["TT-Huế", "TT - Huế", "Thừa Thiên - Huế", "Thừa Thiên-Huế"],
    "Bà Rịa - Vũng Tàu": ["BR-VT", "Bà Rịa-Vũng Tàu", "Bà Rịa Vũng Tàu"],
    "Đắk Lắk": ["Đăk Lắk", "Đắc Lắc"], "Đắk Nông": ["Đăk Nông"], "Kon Tum": ["Kontum"],
}


def load_body_rows(path: Path | None = None) -> list[dict[str, str]]:
    """The rows of bodies.csv, one dict per body with the columns of :data:`BODY_COLUMNS`."""
    with open(path or REFERENCE / "bodies.csv", encoding="utf-8", newline="") as fh:
        return [{k: (row.get(k) or "").strip() for k in BODY_COLUMNS} for row in csv.DictReader(fh)]


def _read(path: Path) -> list[dict[str, str]]:
    with open(path, encoding="utf-8", newline="") as fh:
        return [{k: (v or "").strip() for k, v in row.items()} for row in csv.DictReader(fh)]


def _day(text: str) -> date | None:
    return date.fromisoformat(text) if text else None


@dataclass
class Registry:
    """Bodies by id, names and aliases by folded key, provinces and outlets."""

    bodies: dict[str, dict[str, str]]
    by_name: dict[str, list[str]]
    provinces: dict[str, str]  # folded spelling → registry province name
    outlets: dict[str, str | None]  # folded outlet name, abbreviation or domain → province (None: national)
    province_kind: dict[str, str] = field(default_factory=dict)  # province → "tỉnh" | "thành phố"

    def lookup(self, name: str, when: date | None = None) -> str | None:
        """The id of the body called ``name`` (or an alias of it) valid at ``when``.

        >>> REGISTRY().lookup("Tỉnh uỷ Tây Ninh", date(2018, 1, 1))
        'tinh-tay-ninh'
        """
        ids = self.by_name.get(fold(name))
        if not ids:
            return None
        if when is None:
            return ids[0]
        same = [b for i in ids for b in self.by_name.get(fold(self.bodies[i]["name"]), [])]
        for bid in dict.fromkeys([*ids, *same]):
            row = self.bodies[bid]
            start, end = _day(row["valid_from"]), _day(row["valid_until"])
            if (start is None or start <= when) and (end is None or when <= end):
                return bid
        return ids[0]

    def province_of(self, text: str) -> str | None:
        """The registry name of a province written any usual way, or None.

        >>> REGISTRY().province_of("TP.HCM")
        'Hồ Chí Minh'
        """
        return self.provinces.get(fold(text))


@lru_cache(maxsize=4)
def load_registry(reference: Path = REFERENCE) -> Registry:
    """Reads the three registry files once."""
    rows = load_body_rows(reference / "bodies.csv")
    bodies = {r["body_id"]: r for r in rows}
    by_name: dict[str, list[str]] = {}
    for r in rows:
        by_name.setdefault(fold(r["name"]), []).append(r["body_id"])
    for a in _read(reference / "body_aliases.csv"):
        ids = by_name.setdefault(fold(a["alias"]), [])
        if a["body_id"] in bodies and a["body_id"] not in ids:
            ids.append(a["body_id"])
    provinces: dict[str, str] = {}
    kinds: dict[str, str] = {}
    for r in rows:
        if r["level"] == "province":
            provinces[fold(r["province"])] = r["province"]
            kinds[r["province"]] = "thành phố" if r["name"].startswith("Đảng bộ thành phố") else "tỉnh"
    for canon, variants in PROVINCE_VARIANTS.items():
        for v in variants:
            provinces[fold(v)] = canon
    provinces[fold("Thanh Hoá")] = "Thanh Hóa"
    outlets: dict[str, str | None] = {}
    for o in _read(reference / "outlets.csv"):
        prov = o["province"] or None
        for key in (o["outlet"], o["domain"]):
            if key:
                outlets[fold(key)] = prov
    return Registry(bodies, by_name, provinces, outlets, kinds)


def REGISTRY() -> Registry:
    """The registry shipped in warehouse/reference/."""
    return load_registry()


def slug(text: str) -> str:
    """An ASCII id: "Đảng bộ huyện Đơn Dương" → "dang-bo-huyen-don-duong"."""
    return re.sub(r"[^a-z0-9]+", "-", fold(text)).strip("-")


__all__ = ["BODY_COLUMNS", "LEVELS", "REFERENCE", "Registry", "load_body_rows", "load_registry", "slug", "tidy"]
