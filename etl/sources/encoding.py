"""Bytes → NFC text, with the encoding detected and named so each document records what it was.

Handled: UTF-8 (with or without BOM), UTF-16 (with BOM, or without one when the NUL pattern shows it),
Windows-1258 (letters plus combining tone marks, hence NFC after decoding), the legacy 8-bit font
encodings TCVN3 (ABC, `.VnTime`) and VNI (`VNI-Times`) that old Word files and web pages carry, and
decomposed Unicode (NFD, as macOS and some editors write it). TCVN3 and VNI are converted by viparse,
whose tables were checked against real documents; we only choose among the candidates.

Detection for bytes that are not UTF-8: each candidate decoding is scored by how Vietnamese its
characters look (viparse's frequency model) and the best wins if it clears a floor. Bytes that read as
none of them are refused with a message saying how to re-save the file.
"""

from __future__ import annotations

import codecs
import itertools
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass

# viparse is imported where a legacy encoding is considered, not here: most files are plain Unicode, and
# every run and worker process would otherwise pay for its import.


class UndecodableError(ValueError):
    """The bytes are not text in any encoding we know."""


@dataclass(frozen=True)
class Decoded:
    text: str          # NFC, newlines as \n
    encoding: str      # utf-8 | utf-8-sig | utf-16 | windows-1258 | tcvn3 | vni (+ "+nfd" when decomposed)


# A legacy decoding must read at least this Vietnamese (mean log-probability per character); clean
# Vietnamese prose scores about -3.5, a short template CSV about -4.7, random bytes below -5.9.
_SCORE_FLOOR = -5.4
# A UTF-8 text that is plain ASCII/Latin may still be TCVN3 or VNI typed in a `.Vn` font; convert
# only when the gain is this clear.
_LEGACY_GAIN = 0.2


# Letters past Latin-1 that Vietnamese uses (Latin Extended-A/B: đ ơ ư ĩ ũ; Latin Extended Additional: ạ ả ố …),
# and the Latin-1 upper half where TCVN3/VNI glyphs surface. Regexes, because a per-character Python loop
# cost a tenth of a full run.
_BEYOND_LATIN1 = re.compile("[\u0100-\u024f\u1e00-\u1eff]")
_LATIN1_UPPER = re.compile("[\u00a0-\u00ff]")


def _tidy(text: str) -> str:
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    return unicodedata.normalize("NFC", text).lstrip("\ufeff")


def _more_than(pattern: re.Pattern[str], text: str, limit: int) -> bool:
    """Whether `pattern` occurs more than `limit` times in `text`, stopping at the first match past it."""
    return next(itertools.islice(pattern.finditer(text), limit, None), None) is not None


def _looks_utf16(data: bytes) -> str | None:
    """UTF-16 without a BOM: Vietnamese text in UTF-16 has a NUL in most ASCII positions."""
    sample = data[:4096]
    if len(sample) < 4 or len(sample) % 2 or b"\x00" not in sample:  # no NUL at all: not UTF-16
        return None
    even, odd = sample[0::2], sample[1::2]
    if odd.count(0) > 0.3 * len(odd) and even.count(0) < 0.05 * len(even):
        return "utf-16-le"
    if even.count(0) > 0.3 * len(even) and odd.count(0) < 0.05 * len(odd):
        return "utf-16-be"
    return None


def _legacy_candidates(data: bytes) -> dict[str, str]:
    from viparse.normalize.encodings import CHARMAPS
    from viparse.normalize.tables import convert

    # TCVN3/VNI glyphs surface as Latin-1 characters (viparse's tables are keyed that way).
    surface = data.decode("latin-1")
    out = {name: convert(surface, CHARMAPS[name]) for name in ("tcvn3", "vni")}
    out["windows-1258"] = unicodedata.normalize("NFC", data.decode("cp1258", errors="replace"))
    return out


def _score(text: str) -> float:
    from viparse.normalize.frequency import vietnamese_score

    sample = text[:20000]
    if "\ufffd" in sample:
        return -99.0
    return vietnamese_score(sample)


def decode(data: bytes, *, declared: str | None = None) -> Decoded:
    """Decode a document's bytes; `declared` is a charset a web page or header named, tried first.

    Ví dụ: ``decode("Đảng bộ".encode("utf-16"))`` → Decoded("Đảng bộ", "utf-16").
    """
    if data.startswith(codecs.BOM_UTF8):
        return _unicode(data[3:].decode("utf-8", errors="strict"), "utf-8-sig")
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return _unicode(data.decode("utf-16"), "utf-16")
        except UnicodeDecodeError as exc:
            raise UndecodableError(f"starts with a UTF-16 mark but is not valid UTF-16 (byte {exc.start})") from exc
    utf16 = _looks_utf16(data)
    if utf16:
        try:
            return _unicode(data.decode(utf16), "utf-16")
        except UnicodeDecodeError:
            pass
    if b"\x00" in data[:8192]:
        raise UndecodableError("looks binary (it contains NUL bytes), not text")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        return _legacy(data, declared)
    return _unicode(text, "utf-8")


def _unicode(text: str, encoding: str) -> Decoded:
    label = encoding
    if not unicodedata.is_normalized("NFC", text):
        label += "+nfd"
    tidy = _tidy(text)
    # Legacy fonts store TCVN3/VNI letters as Latin-1 code points; a UTF-8 page or a .docx may carry
    # them re-encoded. Convert only when clearly better Vietnamese.
    sample = tidy[:20000]
    # Mojibake of a legacy font is all Latin-1: a text with Vietnamese letters beyond it (more than one in a
    # thousand characters) is Unicode already.
    if not _more_than(_BEYOND_LATIN1, sample, len(sample) // 1000) and _LATIN1_UPPER.search(sample):
        from viparse.normalize.encodings import CHARMAPS
        from viparse.normalize.tables import convert

        base = _score(tidy)
        best_name, best_text, best = "", tidy, base
        for name in ("tcvn3", "vni"):
            converted = convert(tidy, CHARMAPS[name])
            score = _score(converted)
            if score > best:
                best_name, best_text, best = name, converted, score
        if best_name and best - base > _LEGACY_GAIN:
            return Decoded(best_text, f"{best_name} (in {encoding})")
    return Decoded(tidy, label)


def _legacy(data: bytes, declared: str | None) -> Decoded:
    candidates = _legacy_candidates(data)
    scores = {name: _score(text) for name, text in candidates.items()}
    if declared:
        key = _DECLARED.get(declared.lower().replace("_", "-"))
        if key and scores.get(key, -99.0) > _SCORE_FLOOR:
            return Decoded(_tidy(candidates[key]), key)
    name = max(scores, key=lambda n: scores[n])
    if scores[name] < _SCORE_FLOOR:
        raise UndecodableError(
            "is not valid UTF-8 and does not read as Vietnamese in Windows-1258, TCVN3 or VNI; "
            "open it in a word processor and save it as UTF-8 text"
        )
    return Decoded(_tidy(candidates[name]), name)


_DECLARED = {"windows-1258": "windows-1258", "cp1258": "windows-1258", "tcvn3": "tcvn3", "tcvn": "tcvn3",
             "vni": "vni"}


def decode_str(text: str, container: str) -> Decoded:
    """Text a container format (docx, pdf) already decoded: NFC, and legacy-font text converted by content."""
    return _unicode(text, container)


def convert_legacy(text: str, fonts: Iterable[str]) -> Decoded | None:
    """Convert text whose font names say TCVN3 (`.VnTime`) or VNI (`VNI-Times`); None when they do not."""
    from viparse.normalize.detector import detect_encoding
    from viparse.normalize.encodings import CHARMAPS
    from viparse.normalize.tables import convert

    found = detect_encoding(list(fonts))
    name = found.encoding
    if name not in ("tcvn3", "vni"):
        return None
    return Decoded(_tidy(convert(text, CHARMAPS[name])), f"{name} (font {found.font})")
