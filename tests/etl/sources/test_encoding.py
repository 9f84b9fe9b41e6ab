"""Each encoding Vietnamese files arrive in is detected, recorded and normalised to NFC."""

from __future__ import annotations

import codecs
import os
import unicodedata
from collections.abc import Callable
from pathlib import Path

import pytest
from source_fixtures import SECOND, SENTENCE, cp1258, legacy

from etl.sources import text as text_reader
from etl.sources.encoding import UndecodableError, decode, decode_str

TEXT = SENTENCE + "\n" + SECOND + "\n"

ENCODINGS: dict[str, tuple[Callable[[str], bytes], str]] = {
    "utf-8": (lambda s: s.encode("utf-8"), "utf-8"),
    "utf-8 with BOM": (lambda s: codecs.BOM_UTF8 + s.encode("utf-8"), "utf-8-sig"),
    "utf-16 with BOM": (lambda s: s.encode("utf-16"), "utf-16"),
    "utf-16-be with BOM": (lambda s: codecs.BOM_UTF16_BE + s.encode("utf-16-be"), "utf-16"),
    "utf-16-le without BOM": (lambda s: s.encode("utf-16-le"), "utf-16"),
    "decomposed (NFD) utf-8": (lambda s: unicodedata.normalize("NFD", s).encode("utf-8"), "utf-8+nfd"),
    "windows-1258": (cp1258, "windows-1258"),
    "tcvn3": (lambda s: legacy(s, "tcvn3"), "tcvn3"),
    "vni": (lambda s: legacy(s, "vni"), "vni"),
    "crlf line ends": (lambda s: s.replace("\n", "\r\n").encode("utf-8"), "utf-8"),
}


@pytest.mark.parametrize("name", ENCODINGS)
def test_each_encoding_decodes_to_the_same_nfc_text(name: str) -> None:
    encode, label = ENCODINGS[name]
    decoded = decode(encode(TEXT))
    assert decoded.text == TEXT
    assert unicodedata.is_normalized("NFC", decoded.text)
    assert decoded.encoding == label


@pytest.mark.parametrize("name", ENCODINGS)
def test_the_text_reader_records_the_encoding_and_hashes_the_normalised_text(name: str, tmp_path: Path) -> None:
    encode, label = ENCODINGS[name]
    path = tmp_path / "bai.txt"
    path.write_bytes(encode(TEXT))
    doc = text_reader.read(path)
    assert doc.encoding == label
    assert doc.text == TEXT
    reference = tmp_path / "goc.txt"
    reference.write_bytes(TEXT.encode("utf-8"))
    assert doc.content_hash == text_reader.read(reference).content_hash  # same words, same document


def test_windows_1258_is_recomposed_not_left_as_combining_marks() -> None:
    decoded = decode(cp1258("Hướng Hóa kết nạp đảng viên mới ở cơ sở, củng cố chi bộ"))
    assert "\u0301" not in decoded.text and "Hóa" in decoded.text


def test_tcvn3_text_that_went_through_a_utf8_file_is_converted_by_content() -> None:
    # An old .VnTime page re-saved as UTF-8: the glyph bytes are now Latin-1 letters in UTF-8.
    mojibake = legacy(TEXT, "tcvn3").decode("latin-1")
    decoded = decode(mojibake.encode("utf-8"))
    assert decoded.text == TEXT
    assert decoded.encoding.startswith("tcvn3")


def test_plain_unicode_with_latin_letters_is_left_alone() -> None:
    text = "Hội thảo ở Paris với đại biểu Pháp: café, déjà vu, naïve. " + SENTENCE
    assert decode_str(text, "docx").text == text


def test_binary_and_undecodable_bytes_are_refused_with_advice() -> None:
    with pytest.raises(UndecodableError, match="binary"):
        decode(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    noise = bytes(b % 0x7F + 0x80 for b in os.urandom(4000))
    with pytest.raises(UndecodableError, match="UTF-8"):
        decode(noise)


def test_utf16_bom_with_odd_bytes_is_refused() -> None:
    with pytest.raises(UndecodableError):
        decode(codecs.BOM_UTF16_LE + b"\x00\xd8\x41")
