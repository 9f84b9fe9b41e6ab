"""The DuckDB warehouse: schema migrations, the SQL surface (views), named queries and the sandbox."""
