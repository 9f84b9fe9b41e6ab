"""The Streamlit dashboard: one module per page, charts apart from data."""
