"""Document text shown as text: evidence sentences as safe HTML with the figure highlighted, and names, paths and
messages escaped for the Markdown of Streamlit's titles, captions and alerts and for Plotly's labels. Document
text is always escaped: a document cannot inject markup, links or script into the page."""

from __future__ import annotations

import html
import re


def highlight(evidence: str | None, raw_value: str | None) -> str:
    """'Đã kết nạp 1.234 đảng viên' with raw '1.234' → 'Đã kết nạp <mark>1.234</mark> đảng viên' (escaped)."""
    text = evidence or ""
    needle = (raw_value or "").strip()
    at = text.find(needle) if needle else -1
    if at < 0:
        return html.escape(text)
    return (html.escape(text[:at]) + "<mark>" + html.escape(needle) + "</mark>"
            + html.escape(text[at + len(needle):]))


# Streamlit renders titles, captions, alerts and button labels as Markdown: a body name, a province, a path or an
# error that came from a document (or from the address) must not turn into a link, an image, a heading, maths or
# emphasis there. Each ASCII punctuation mark that Markdown gives a meaning is escaped with a backslash.
_MARKDOWN = set("\\`*_{}[]<>()#+-.!|~$:=&\"'")


_AUTOLINK = re.compile(r"(?i)(?<=:)(?=//)|(?<=\bwww)(?=\.)")  # where Markdown would start a bare link


def as_markdown_text(text: object) -> str:
    """'Chi bộ *số* 1 [xem](http://x)' → 'Chi bộ \\*số\\* 1 \\[xem\\]\\(http\\:\\u2060//x\\)' (shown as written). A bare
    address ('http://…', 'www.…') gets an invisible word joiner (U+2060), which keeps it from becoming a link."""
    escaped = "".join("\\" + c if c in _MARKDOWN else c for c in _AUTOLINK.sub("\u2060", str(text)))
    return escaped.replace("\n", " ")


def as_chart_text(text: object) -> str:
    """Plotly reads a few HTML tags in labels (<b>, <i>, <a href>, <br>): 'Đảng bộ <b>A</b>' is escaped to
    'Đảng bộ &lt;b&gt;A&lt;/b&gt;', which Plotly shows as written."""
    return html.escape(str(text), quote=False)
