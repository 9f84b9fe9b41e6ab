"""partybuild ETL: documents and spreadsheets → figures → the DuckDB warehouse."""

__version__ = "0.1.0"
