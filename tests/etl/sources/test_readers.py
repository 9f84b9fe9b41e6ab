"""Each reader on files the test writes: same signature, text in NFC, metadata where the format has it."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
from source_fixtures import SECOND, SENTENCE, article_html, cp1258, legacy, pdf_bytes, write_docx, write_xlsx

from etl.errors import InputError
from etl.sources import READERS, discover, reader_for
from etl.sources.base import SourceDocument


def test_every_extension_has_a_reader_with_the_same_signature() -> None:
    assert {".txt", ".md", ".html", ".htm", ".docx", ".pdf", ".csv", ".xlsx", ".jsonl"} <= set(READERS)
    for reader in READERS.values():
        assert reader.__name__ == "read"


def test_html_keeps_the_article_and_drops_menus_related_links_comments_and_scripts(tmp_path: Path) -> None:
    page = tmp_path / "bai.html"
    page.write_text(article_html(), encoding="utf-8")
    doc = READERS[".html"](page)
    assert doc.kind == "html"
    assert SENTENCE in (doc.text or "") and SECOND in (doc.text or "")
    for unwanted in ("Trang chủ", "Thời sự", "menu", "Chia sẻ", "Tin liên quan", "Bình luận", "Ý kiến",
                     "Bản quyền", "bên lề", "document.write", "alert", "color"):
        assert unwanted not in (doc.text or ""), unwanted
    assert doc.title == "Hướng Hóa kết nạp 215 đảng viên mới"
    assert doc.outlet == "Báo Quảng Trị"
    assert doc.published == date(2024, 12, 30)
    assert doc.encoding == "utf-8"


def test_html_without_og_tags_falls_back_to_title_and_whole_body(tmp_path: Path) -> None:
    page = tmp_path / "cu.htm"
    page.write_bytes(cp1258(
        "<html><head><meta http-equiv='Content-Type' content='text/html; charset=windows-1258'>"
        f"<title>Tin cũ</title><meta name='pubdate' content='05/03/2009'></head><body>"
        f"<div class='content'><p>{SENTENCE}</p></div><div class='sidebar'>Quảng cáo</div></body></html>"
    ))
    doc = READERS[".htm"](page)
    assert doc.text == SENTENCE
    assert doc.title == "Tin cũ" and doc.published == date(2009, 3, 5) and doc.outlet is None
    assert doc.encoding == "windows-1258"


def test_html_in_a_tcvn3_font_is_converted(tmp_path: Path) -> None:
    page = tmp_path / "abc.html"
    page.write_bytes(b"<html><body><p><font face='.VnTime'>" + legacy(SENTENCE, "tcvn3") + b"</font></p></body></html>")
    doc = READERS[".html"](page)
    assert doc.text == SENTENCE and doc.encoding == "tcvn3"


def test_docx_paragraphs_tables_and_title(tmp_path: Path) -> None:
    path = write_docx(tmp_path / "bao-cao.docx", [SENTENCE, SECOND],
                      table=[["Chỉ tiêu", "Số lượng"], ["Kết nạp đảng viên", "215"]], title="Báo cáo năm 2024")
    doc = READERS[".docx"](path)
    assert doc.kind == "docx" and doc.title == "Báo cáo năm 2024"
    assert doc.text == f"{SENTENCE}\n{SECOND}\nChỉ tiêu | Số lượng\nKết nạp đảng viên | 215"


@pytest.mark.parametrize(("font", "name"), [(".VnTime", "tcvn3"), ("VNI-Times", "vni")])
def test_docx_in_a_legacy_font_is_converted_by_its_font_name(tmp_path: Path, font: str, name: str) -> None:
    glyphs = legacy(SENTENCE, name).decode("latin-1")
    path = write_docx(tmp_path / "cu.docx", [glyphs], font=font)
    doc = READERS[".docx"](path)
    assert doc.text == SENTENCE
    assert doc.encoding is not None and doc.encoding.startswith(name)


def test_pdf_text_layer(tmp_path: Path) -> None:
    path = tmp_path / "nghi-quyet.pdf"
    path.write_bytes(pdf_bytes([SENTENCE[:60], SECOND[:50]]))
    doc = READERS[".pdf"](path)
    assert doc.kind == "pdf"
    assert doc.text is not None
    assert SENTENCE[:60] in doc.text and SECOND[:50] in doc.text


def test_xlsx_and_csv_templates_give_the_same_rows(tmp_path: Path) -> None:
    rows: list[list[object]] = [["body", "metric", "period", "value"],
                                ["Đảng bộ huyện Hướng Hóa", "members_admitted", "2024", 215]]
    xlsx = READERS[".xlsx"](write_xlsx(tmp_path / "bang.xlsx", rows))
    csv_path = tmp_path / "bang.csv"
    csv_path.write_bytes(cp1258("body;metric;period;value\nĐảng bộ huyện Hướng Hóa;members_admitted;2024;215\n"))
    csv = READERS[".csv"](csv_path)
    assert xlsx.rows is not None and csv.rows is not None
    assert [r.cells for r in xlsx.rows] == [r.cells for r in csv.rows]
    assert csv.encoding == "windows-1258" and xlsx.encoding == "xlsx"


def test_jsonl_facts_become_rows_and_bad_lines_are_marked(tmp_path: Path) -> None:
    path = tmp_path / "facts.jsonl"
    good = {"metric": "members_admitted", "value": 215, "body": "Đảng bộ huyện Hướng Hóa",
            "period_start": "2024-01-01", "period_end": "2024-12-31"}
    path.write_text(json.dumps(good, ensure_ascii=False) + "\n{not json\n[1, 2]\n", encoding="utf-8")
    doc = READERS[".jsonl"](path)
    assert doc.kind == "jsonl" and doc.rows is not None
    assert doc.rows[0].cells["value"] == "215" and doc.rows[0].cells["body"] == "Đảng bộ huyện Hướng Hóa"
    assert [r.row_no for r in doc.rows if "_error" in r.cells] == [2, 3]


def test_discover_walks_folders_and_reports_unknown_extensions(tmp_path: Path) -> None:
    (tmp_path / "a" / "b").mkdir(parents=True)
    (tmp_path / "a" / "b" / "sau.md").write_text(SENTENCE, encoding="utf-8")
    (tmp_path / "a" / "truoc.txt").write_text(SECOND, encoding="utf-8")
    (tmp_path / "a" / "anh.png").write_bytes(b"\x89PNG")
    (tmp_path / "a" / ".an.txt").write_text("ẩn", encoding="utf-8")
    files, skipped = discover([tmp_path / "a", tmp_path / "khong-co"])
    assert [Path(f).name for f in files] == ["sau.md", "truoc.txt"]
    reasons = {p.name: r for p, r in skipped}
    assert "unknown file type '.png'" in reasons["anh.png"]
    assert reasons["khong-co"] == "no such file or folder"
    assert reader_for(Path("X.HTML")) is READERS[".html"]


BAD_INPUTS: dict[str, tuple[str, bytes, str]] = {
    "empty text": ("trong.txt", b"", "empty"),
    "whitespace only": ("trang.md", b" \n\t\n", "empty"),
    "binary as text": ("anh.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00", "binary"),
    "undecodable text": ("loi.txt", bytes(range(0x80, 0x100)) * 20, "UTF-8"),
    "truncated pdf": ("cut.pdf", pdf_bytes(["Đảng bộ"])[:120], "PDF"),
    "pdf that is not a pdf": ("gia.pdf", "Đây là văn bản".encode(), "not a PDF"),
    "docx that is text": ("gia.docx", "Đây là văn bản".encode(), "not a .docx"),
    "truncated docx": ("cut.docx", b"PK\x03\x04" + b"\x00" * 40, "docx"),
    "xlsx that is csv": ("gia.xlsx", b"body,metric,period,value\n", "xlsx"),
    "csv with wrong columns": ("sai.csv", "tên,số\nA,1\n".encode(), "lacks the column"),
    "html without text": ("rong.html", b"<html><script>alert(1)</script><nav>menu</nav></html>", "no article text"),
    "jsonl with no object": ("sai.jsonl", b"[1]\n2\n", "no line is a JSON object"),
}


@pytest.mark.parametrize("case", BAD_INPUTS)
def test_bad_inputs_raise_an_input_error_naming_the_file(case: str, tmp_path: Path) -> None:
    name, data, reason = BAD_INPUTS[case]
    path = tmp_path / name
    path.write_bytes(data)
    reader = reader_for(path)
    assert reader is not None
    with pytest.raises(InputError, match=reason) as info:
        reader(path)
    assert info.value.path == str(path)


def test_files_over_the_size_limit_are_refused_before_reading(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PARTYBUILD_MAX_INPUT_MB", "0.001")
    path = tmp_path / "lon.txt"
    path.write_text(SENTENCE * 20, encoding="utf-8")
    with pytest.raises(InputError, match="MB limit"):
        READERS[".txt"](path)


def test_a_reader_returns_a_source_document(tmp_path: Path) -> None:
    path = tmp_path / "x.md"
    path.write_text(f"# {SENTENCE}\n\n{SECOND}", encoding="utf-8")
    doc = READERS[".md"](path)
    assert isinstance(doc, SourceDocument) and doc.title == SENTENCE


def test_a_package_that_inflates_far_past_the_limit_is_refused(tmp_path: Path,
                                                               monkeypatch: pytest.MonkeyPatch) -> None:
    import zipfile

    path = write_docx(tmp_path / "bom.docx", [SENTENCE])
    with zipfile.ZipFile(path, "a", compression=zipfile.ZIP_DEFLATED) as package:
        package.writestr("word/media/zeros.bin", b"\0" * 2_000_000)
    monkeypatch.setenv("PARTYBUILD_MAX_INPUT_MB", "0.1")
    with pytest.raises(InputError, match="too large to read safely"):
        READERS[".docx"](path)
