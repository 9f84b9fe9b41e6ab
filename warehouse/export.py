"""`partybuild export --parquet DIR`: the warehouse as Hive-partitioned Parquet that Spark, Trino or DuckDB
elsewhere read as it is.

    DIR/facts/metric_id=members_admitted/year=2017/part-0.parquet   every mention (the facts table + year)
    DIR/figures/metric_id=…/year=…/part-0.parquet                   v_facts: one row per fact, deduplicated
    DIR/yearly/metric_id=…/part-0.parquet                           v_yearly
    DIR/bodies.parquet, metrics.parquet, documents.parquet, body_aliases.parquet   the dimensions

Rows stream from DuckDB as Arrow record batches into pyarrow's dataset writer: the directory never reaches
SQL text, and memory stays bounded on a 10-million-fact warehouse.
"""

from __future__ import annotations

import shutil
from dataclasses import dataclass, field
from pathlib import Path

import pyarrow as pa
import pyarrow.dataset as ds
import pyarrow.parquet as pq

from warehouse.db import read_only

PARTITIONED: dict[str, tuple[str, list[str]]] = {
    "facts": ("SELECT f.*, year(f.period_start)::INTEGER AS year FROM facts f ORDER BY metric_id, year",
              ["metric_id", "year"]),
    "figures": ("SELECT v.*, year(v.period_start)::INTEGER AS year FROM v_facts v ORDER BY metric_id, year",
                ["metric_id", "year"]),
    "yearly": ("SELECT * FROM v_yearly ORDER BY metric_id, year", ["metric_id"]),
}
DIMENSIONS: dict[str, str] = {
    "bodies": "SELECT * FROM v_bodies ORDER BY body_id",
    "metrics": "SELECT * FROM metrics ORDER BY metric_id",
    "documents": "SELECT * FROM documents ORDER BY doc_id",
    "body_aliases": "SELECT * FROM body_aliases ORDER BY body_id, alias",
}
BATCH_ROWS = 500_000


@dataclass
class ExportReport:
    directory: Path
    rows: dict[str, int] = field(default_factory=dict)


def export_parquet(db: Path, directory: Path, *, replace: bool = False) -> ExportReport:
    """Write the facts and dimensions of `db` under `directory`; refuses a non-empty directory unless replace."""
    if directory.exists() and any(directory.iterdir()):
        if not replace:
            from etl.errors import PartybuildError

            raise PartybuildError(f"{directory} is not empty; choose an empty directory or pass --replace")
        for name in [*PARTITIONED, *(f"{n}.parquet" for n in DIMENSIONS)]:
            target = directory / name
            if target.is_dir():
                shutil.rmtree(target)
            elif target.exists():
                target.unlink()
    directory.mkdir(parents=True, exist_ok=True)
    report = ExportReport(directory=directory)
    with read_only(db) as con:
        for name, (sql, keys) in PARTITIONED.items():
            reader: pa.RecordBatchReader = con.sql(sql).to_arrow_reader(BATCH_ROWS)
            counted = _Counting(reader)
            ds.write_dataset(
                counted.batches(), directory / name, schema=reader.schema, format="parquet",
                partitioning=ds.partitioning(pa.schema([reader.schema.field(k) for k in keys]), flavor="hive"),
                existing_data_behavior="overwrite_or_ignore", basename_template="part-{i}.parquet",
                max_rows_per_file=5_000_000,
            )
            report.rows[name] = counted.rows
        for name, sql in DIMENSIONS.items():
            table: pa.Table = con.sql(sql).to_arrow_table()
            pq.write_table(table, directory / f"{name}.parquet")
            report.rows[name] = table.num_rows
    return report


class _Counting:
    def __init__(self, reader: pa.RecordBatchReader) -> None:
        self.reader = reader
        self.rows = 0

    def batches(self):  # type: ignore[no-untyped-def]
        for batch in self.reader:
            self.rows += batch.num_rows
            yield batch
