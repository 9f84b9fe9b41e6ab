"""Evidence sentences as safe HTML with the figure highlighted. Document text is always escaped: a document
cannot inject markup or script into the page."""

from __future__ import annotations

import html


def highlight(evidence: str | None, raw_value: str | None) -> str:
    """'Đã kết nạp 1.234 đảng viên' with raw '1.234' → 'Đã kết nạp <mark>1.234</mark> đảng viên' (escaped)."""
    text = evidence or ""
    needle = (raw_value or "").strip()
    at = text.find(needle) if needle else -1
    if at < 0:
        return html.escape(text)
    return (html.escape(text[:at]) + "<mark>" + html.escape(needle) + "</mark>"
            + html.escape(text[at + len(needle):]))
