"""Generated sample data: news-style articles with their truth, a template spreadsheet, warehouse-scale facts.

Everything generated carries a visible "Dữ liệu mẫu" (sample data) mark and is deterministic for a seed.
"""
