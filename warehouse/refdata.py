"""Loads the reference data analysts extend (reference/*.toml, *.csv) into the warehouse on every write that finds
them changed.

Reference rows are upserted, never deleted: a body first met in a document (verified = false) stays, and a
body that the registry later learns becomes verified.

The body registry is bodies.csv (the extraction side's list of bodies) completed by body_hierarchy.csv (same
columns): a row of body_hierarchy.csv fills the empty fields of the bodies.csv row with the same body_id
(parent, level, validity, successor) and adds the bodies bodies.csv lacks. bodies.csv wins where both say
something.
"""

from __future__ import annotations

import csv
import tomllib
from importlib import resources
from pathlib import Path
from typing import Any

import duckdb
import pandas as pd

from warehouse import build_state
from warehouse.names import fold, tidy

REFERENCE = Path(str(resources.files("warehouse") / "reference"))
METRIC_KEYS = ("id", "name_vi", "name_en", "unit", "unit_vi", "unit_en", "kind")
BODY_COLUMNS = ("body_id", "name", "level", "parent_id", "province", "valid_from", "valid_until", "successor_id")


def load_metric_catalogue(path: Path | None = None) -> list[dict[str, Any]]:
    """The [[metric]] tables of metrics.toml, each checked for the keys the warehouse needs."""
    path = path or REFERENCE / "metrics.toml"
    with open(path, "rb") as fh:
        data = tomllib.load(fh)
    metrics = data.get("metric", [])
    for i, m in enumerate(metrics, 1):
        missing = [k for k in METRIC_KEYS if not m.get(k)]
        if missing:
            raise ValueError(f"{path}: metric #{i} lacks {', '.join(missing)}")
        if m["kind"] not in ("event", "cumulative"):
            raise ValueError(f"{path}: metric {m['id']}: kind must be 'event' or 'cumulative', not {m['kind']!r}")
    return metrics


def _read_csv(path: Path) -> list[dict[str, str]]:
    if not path.exists():
        return []
    with open(path, encoding="utf-8", newline="") as fh:
        return [{k: (v or "").strip() for k, v in row.items()} for row in csv.DictReader(fh)]


def load_bodies(path: Path | None = None) -> pd.DataFrame:
    rows = _read_csv(path or REFERENCE / "bodies.csv")
    frame = pd.DataFrame(rows, columns=list(BODY_COLUMNS))
    frame["name"] = frame["name"].map(tidy)
    for col in ("valid_from", "valid_until"):
        frame[col] = pd.to_datetime(frame[col].replace("", None), errors="coerce").dt.date
    for col in ("level", "parent_id", "province", "successor_id"):
        frame[col] = frame[col].replace("", None)
    return frame


def load_registry(bodies_path: Path | None = None, hierarchy_path: Path | None = None) -> pd.DataFrame:
    """bodies.csv completed by body_hierarchy.csv: one row per body_id, BODY_COLUMNS."""
    base = load_bodies(bodies_path)
    extra = load_bodies(hierarchy_path or REFERENCE / "body_hierarchy.csv")
    if extra.empty:
        return base.drop_duplicates("body_id", keep="last").reset_index(drop=True)
    if base.empty:
        return extra.drop_duplicates("body_id", keep="last").reset_index(drop=True)
    base = base.drop_duplicates("body_id", keep="last").set_index("body_id")
    extra = extra.drop_duplicates("body_id", keep="last").set_index("body_id")
    merged = base.combine_first(extra)[list(BODY_COLUMNS[1:])]
    return merged.reset_index()[list(BODY_COLUMNS)]


def load_aliases(path: Path | None = None) -> pd.DataFrame:
    rows = _read_csv(path or REFERENCE / "body_aliases.csv")
    frame = pd.DataFrame(rows, columns=["alias", "body_id"])
    frame["alias"] = frame["alias"].map(fold)
    return frame


def reference_digest() -> str:
    """Of the reference files and of this module's code (a new sync rule must run even on the same files)."""
    return build_state.files_digest(
        [REFERENCE / "metrics.toml", REFERENCE / "bodies.csv", REFERENCE / "body_hierarchy.csv",
         REFERENCE / "body_aliases.csv"], Path(__file__).read_text(encoding="utf-8"))


def sync_reference(con: duckdb.DuckDBPyConnection, *, force: bool = False) -> bool:
    """Upsert the catalogue and the registry, unless these very files were synced already; True when it ran."""
    digest = reference_digest()
    if not force and build_state.get(con, "reference") == digest:
        return False
    _sync(con)
    build_state.put(con, "reference", digest)
    return True


def _sync(con: duckdb.DuckDBPyConnection) -> None:
    metrics = pd.DataFrame(
        [{k: m[k] for k in METRIC_KEYS} for m in load_metric_catalogue()], columns=list(METRIC_KEYS)
    ).rename(columns={"id": "metric_id"})
    con.register("ref_metrics", metrics)
    con.execute(
        "INSERT OR REPLACE INTO metrics (metric_id, name_vi, name_en, unit, unit_vi, unit_en, kind) "
        "SELECT metric_id, name_vi, name_en, unit, unit_vi, unit_en, kind FROM ref_metrics"
    )
    con.unregister("ref_metrics")

    bodies = load_registry()
    if len(bodies):
        con.register("ref_bodies", bodies)
        con.execute(
            "INSERT OR REPLACE INTO bodies (body_id, name, level, parent_id, province, valid_from, valid_until, "
            "successor_id, verified) SELECT body_id, name, level, parent_id, province, "
            "CAST(valid_from AS DATE), CAST(valid_until AS DATE), successor_id, TRUE FROM ref_bodies"
        )
        con.unregister("ref_bodies")
    aliases = load_aliases()
    names = bodies[["name", "body_id"]].rename(columns={"name": "alias"})
    names["alias"] = names["alias"].map(fold)
    all_aliases = pd.concat([aliases, names]).drop_duplicates()
    con.execute("DELETE FROM body_aliases WHERE body_id IN (SELECT body_id FROM bodies WHERE verified)")
    if len(all_aliases):
        con.register("ref_aliases", all_aliases)
        con.execute("INSERT INTO body_aliases SELECT alias, body_id FROM ref_aliases")
        con.unregister("ref_aliases")
