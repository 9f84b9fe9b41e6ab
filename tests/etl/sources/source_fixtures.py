"""Fixture builders: Vietnamese sentences encoded the ways real files carry them, and files of each format.

The sentences are written for these tests. Legacy encoders invert viparse's decoding tables (TCVN3, VNI) or
follow the Windows-1258 layout (base letter + combining tone mark).
"""

from __future__ import annotations

import unicodedata
import zlib
from pathlib import Path

from viparse.normalize.encodings import CHARMAPS

SENTENCE = ("Trong năm 2024, Đảng bộ huyện Hướng Hóa đã kết nạp 215 đảng viên mới, "
            "củng cố những chi bộ yếu kém và vận động nhân dân ủng hộ xây nhà tình nghĩa.")
SECOND = "Các đồng chí ở cơ sở tiếp tục học tập, làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh."
TONES = "\u0300\u0301\u0303\u0309\u0323"


def legacy(text: str, name: str) -> bytes:
    """`text` in TCVN3 or VNI, as the bytes an old `.VnTime` / `VNI-Times` file holds."""
    reverse: dict[str, str] = {}
    for source, target in CHARMAPS[name].pairs:
        reverse.setdefault(unicodedata.normalize("NFC", target), source)
    return "".join(reverse.get(ch, ch) for ch in unicodedata.normalize("NFC", text)).encode("latin-1")


def cp1258(text: str) -> bytes:
    """`text` in Windows-1258: precomposed where the code page has the letter, else base + tone mark."""
    out = bytearray()
    for ch in unicodedata.normalize("NFC", text):
        try:
            out += ch.encode("cp1258")
        except UnicodeEncodeError:
            parts = unicodedata.normalize("NFD", ch)
            tone = "".join(c for c in parts if c in TONES)
            base = unicodedata.normalize("NFC", "".join(c for c in parts if c not in TONES))
            out += base.encode("cp1258") + tone.encode("cp1258")
    return bytes(out)


def write_docx(path: Path, paragraphs: list[str], *, font: str | None = None, table: list[list[str]] | None = None,
               title: str | None = None) -> Path:
    import docx

    document = docx.Document()
    if title:
        document.core_properties.title = title
    for text in paragraphs:
        run = document.add_paragraph().add_run(text)
        if font:
            run.font.name = font
    if table:
        grid = document.add_table(rows=len(table), cols=len(table[0]))
        for r, row in enumerate(table):
            for c, value in enumerate(row):
                grid.cell(r, c).text = value
    document.save(str(path))
    return path


def pdf_bytes(lines: list[str]) -> bytes:
    """A minimal valid one-page PDF whose text layer holds `lines` (Unicode through a ToUnicode CMap)."""
    chars = sorted({ch for line in lines for ch in line})
    if len(chars) > 250:
        raise ValueError("too many distinct characters for a one-byte font")
    code = {ch: i + 1 for i, ch in enumerate(chars)}
    cmap_lines = [f"<{code[ch]:02X}> <{ord(ch):04X}>" for ch in chars]
    cmap = (
        "/CIDInit /ProcSet findresource begin 12 dict begin begincmap\n"
        "/CMapName /Custom def /CMapType 2 def\n"
        "1 begincodespacerange <00> <FF> endcodespacerange\n"
        f"{len(cmap_lines)} beginbfchar\n" + "\n".join(cmap_lines) + "\nendbfchar\n"
        "endcmap CMapName currentdict /CMap defineresource pop end end\n"
    ).encode("ascii")
    body = ["BT /F1 12 Tf 50 780 Td 14 TL"]
    for line in lines:
        body.append("<" + "".join(f"{code[ch]:02X}" for ch in line) + "> Tj T*")
    body.append("ET")
    content = zlib.compress("\n".join(body).encode("ascii"))
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(content) + content + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /ToUnicode 6 0 R >>",
        b"<< /Length %d >>\nstream\n" % len(cmap) + cmap + b"\nendstream",
    ]
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, obj in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + obj + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    for offset in offsets:
        out += b"%010d 00000 n \n" % offset
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(out)


def write_xlsx(path: Path, rows: list[list[object]]) -> Path:
    import openpyxl

    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    for row in rows:
        sheet.append(row)
    book.save(path)
    return path


ARTICLE_HTML = """<!doctype html>
<html lang="vi"><head>
<meta charset="{charset}">
<title>Hướng Hóa kết nạp đảng viên | Báo Quảng Trị</title>
<meta property="og:title" content="Hướng Hóa kết nạp 215 đảng viên mới">
<meta property="og:site_name" content="Báo Quảng Trị">
<meta property="article:published_time" content="2024-12-30T07:15:00+07:00">
<script>document.write("không được đọc"); alert(1)</script>
<style>.menu {{ color: red }}</style>
</head><body>
<header><a href="/">Trang chủ</a></header>
<nav class="main-nav"><ul><li>Thời sự</li><li>Xây dựng Đảng</li></ul></nav>
<div id="top-menu">Chuyên mục menu</div>
<article>
<h1>Hướng Hóa kết nạp 215 đảng viên mới</h1>
<p>{first}</p>
<p>{second}<br>Dòng thứ hai.</p>
<div class="share-buttons">Chia sẻ Facebook</div>
</article>
<aside><p>Tin nổi bật bên lề</p></aside>
<div class="related-news"><a href="/x">Tin liên quan: Đảng bộ khác</a></div>
<div id="comment-box"><form><textarea>Bình luận của bạn</textarea></form><p>Ý kiến bạn đọc</p></div>
<footer>Bản quyền</footer>
</body></html>
"""


def article_html(charset: str = "utf-8") -> str:
    return ARTICLE_HTML.format(charset=charset, first=SENTENCE, second=SECOND)
