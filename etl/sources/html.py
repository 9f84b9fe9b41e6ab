"""Web pages: the article's main text (no menus, related links, comment boxes, scripts) and its metadata.

Parsed with the standard library's `html.parser`: nothing in the page is executed or fetched. Title,
publication date and outlet come from `og:title`, `article:published_time` and `og:site_name` (falling back
to `<title>`, other common date tags and the first `<h1>`).
"""

from __future__ import annotations

import re
from datetime import date
from html.parser import HTMLParser
from pathlib import Path

from etl.errors import InputError
from etl.sources.base import SourceDocument, read_input, sha256_text
from etl.sources.encoding import UndecodableError, decode

EXTENSIONS = (".html", ".htm")

# Whole elements whose text is never article text.
_DROP_TAGS = {"script", "style", "nav", "aside", "footer", "header", "form", "noscript", "iframe", "svg",
              "template", "button", "select", "textarea", "object", "embed", "canvas", "menu", "dialog"}
# Elements dropped when their class or id mentions one of these.
_DROP_MARKS = re.compile(r"menu|related|comment|share|sidebar|breadcrumb|banner|advert|social|tag-list|navbar",
                         re.IGNORECASE)
_VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source",
         "track", "wbr"}
_BLOCK = {"p", "div", "br", "h1", "h2", "h3", "h4", "h5", "h6", "li", "tr", "section", "article", "main",
          "blockquote", "table", "ul", "ol", "dd", "dt", "figcaption", "pre", "hr"}
_DATE_KEYS = ("article:published_time", "og:published_time", "datepublished", "pubdate", "publishdate",
              "date", "dc.date", "dc.date.issued", "article:modified_time")
_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.IGNORECASE)


class _ArticleParser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[tuple[str, bool, bool]] = []   # (tag, dropped here, opens an article/main)
        self.dropped = 0
        self.in_article = 0
        self.in_title = False
        self.page_title = ""
        self.h1 = ""
        self.in_h1 = False
        self.meta: dict[str, str] = {}
        self.all_parts: list[str] = []
        self.article_parts: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k.lower(): (v or "") for k, v in attrs}
        if tag == "meta":
            key = (a.get("property") or a.get("name") or a.get("itemprop") or "").strip().lower()
            if key and a.get("content") and key not in self.meta:
                self.meta[key] = a["content"].strip()
            return
        if tag == "time" and a.get("datetime") and "time:datetime" not in self.meta:
            self.meta["time:datetime"] = a["datetime"]
        if tag in _VOID:
            if tag in _BLOCK:
                self._emit("\n")
            return
        marks = f"{a.get('class', '')} {a.get('id', '')}"
        drop = tag in _DROP_TAGS or bool(_DROP_MARKS.search(marks))
        article = tag in ("article", "main") or "articlebody" in a.get("itemprop", "").lower()
        self.stack.append((tag, drop, article))
        self.dropped += drop
        self.in_article += article
        if tag == "title":
            self.in_title = True
        if tag == "h1" and not self.h1:
            self.in_h1 = True
        if tag in _BLOCK:
            self._emit("\n")

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)
        if tag not in _VOID:
            self.handle_endtag(tag)

    def handle_endtag(self, tag: str) -> None:
        if tag == "title":
            self.in_title = False
        if tag == "h1":
            self.in_h1 = False
        if not any(t == tag for t, _, _ in self.stack):
            return  # a stray end tag: ignore it rather than unbalance the stack
        while self.stack:
            t, drop, article = self.stack.pop()
            self.dropped -= drop
            self.in_article -= article
            if t == tag:
                break
        if tag in _BLOCK:
            self._emit("\n")

    def handle_data(self, data: str) -> None:
        if self.in_title:
            self.page_title += data
            return
        if self.dropped:
            return
        if self.in_h1:
            self.h1 += data
        self._emit(data)

    def _emit(self, text: str) -> None:
        if self.dropped:
            return
        self.all_parts.append(text)
        if self.in_article:
            self.article_parts.append(text)


def _clean(parts: list[str]) -> str:
    lines = (" ".join(line.split()) for line in "".join(parts).split("\n"))
    return "\n".join(line for line in lines if line)


def parse_date(raw: str | None) -> date | None:
    """ISO (2024-05-12T08:00:00+07:00) or Vietnamese day-first (12/5/2024) dates; None when unreadable."""
    if not raw:
        return None
    m = re.search(r"(\d{4})-(\d{1,2})-(\d{1,2})", raw)
    parts = (int(m.group(1)), int(m.group(2)), int(m.group(3))) if m else None
    if parts is None:
        m = re.search(r"(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})", raw)
        parts = (int(m.group(3)), int(m.group(2)), int(m.group(1))) if m else None
    if parts is None:
        return None
    try:
        return date(*parts)
    except ValueError:
        return None


def read(path: Path) -> SourceDocument:
    data = read_input(path)
    head = data[:4096]
    m = _CHARSET.search(head)
    try:
        decoded = decode(data, declared=m.group(1).decode("ascii") if m else None)
    except UndecodableError as exc:
        raise InputError(str(path), str(exc)) from exc
    if "<" not in decoded.text[:65536]:
        raise InputError(str(path), "has no HTML markup; rename it to .txt if it is plain text")
    parser = _ArticleParser()
    parser.feed(decoded.text)
    parser.close()
    text = _clean(parser.article_parts) or _clean(parser.all_parts)
    if not text.strip():
        raise InputError(str(path), "the page has no article text (only menus, scripts or empty markup)")
    meta = parser.meta
    title = (meta.get("og:title") or " ".join(parser.page_title.split()) or " ".join(parser.h1.split())
             or None)
    published = next((d for d in (parse_date(meta.get(k)) for k in (*_DATE_KEYS, "time:datetime")) if d), None)
    outlet = meta.get("og:site_name") or meta.get("application-name") or None
    return SourceDocument(
        path=path, kind="html", content_hash=sha256_text(text), size_bytes=len(data), text=text,
        title=title, outlet=outlet, published=published, encoding=decoded.encoding,
    )
