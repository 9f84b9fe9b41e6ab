"""Party bodies named in a document, and which one acts in a given sentence.

A :class:`Mention` is a stretch of text naming a body ("Huyện ủy Đơn Dương"), a place acting as one
("toàn huyện Trảng Bàng"), a short form pointing back ("Đảng ủy Khối", "toàn Đảng bộ") or a state
body ("Văn phòng UBND"), whose figures are not Party figures. :class:`BodyResolver` turns them into
canonical :class:`Body` values using the registry (warehouse/reference/bodies.csv and aliases).
"""

from __future__ import annotations

import re
from datetime import date
from typing import NamedTuple

from etl.extract.lookback import clause_start, word_then_clause, word_then_space
from etl.extract.phrases import trie_pattern
from etl.extract.registry import REGISTRY, Registry, load_body_rows, slug
from etl.text.normalize import LOWER, UPPER, fold, match_form

__all__ = ["Body", "BodyResolver", "Mention", "find_mentions", "load_body_rows"]


class Body(NamedTuple):
    """A canonical body: ``name`` includes the province where the name alone does not say it."""

    name: str
    body_id: str
    province: str | None
    verified: bool
    level: str


class Mention(NamedTuple):
    """A body named in the text. ``kind``: party, place, anaphor, state, delegation."""

    start: int
    end: int
    kind: str
    unit: str  # tỉnh, thành phố, huyện, quận, thị xã, xã, phường, thị trấn, khối, chi bộ, org, any…
    name: str  # the proper name ("Đơn Dương"), or the whole label for organisations
    province: str | None
    weak: bool


_W = f"[{UPPER}{LOWER}0-9]"
_CAP = f"[{UPPER}]{_W}*"
_NAME = rf"{_CAP}(?:[ ](?:{_CAP}|\d+))*(?:\s?-\s?{_CAP}(?:[ ]{_CAP})*)?"
_UNIT = r"tỉnh|thành phố|tp\.?|huyện|quận|thị xã|xã|phường|thị trấn"


def _prov_alt(reg: Registry) -> str:
    spellings = {k for k in reg.provinces}
    names = set(reg.provinces.values())
    raw = sorted(names | {v for vs in _VARIANT_SPELLINGS for v in vs}, key=len, reverse=True)
    del spellings
    return "|".join(re.escape(x) for x in raw)


_VARIANT_SPELLINGS = [["TP.HCM", "TPHCM", "TP HCM", "TP. HCM", "TP.Hồ Chí Minh", "TP. Hồ Chí Minh", "TP Hồ Chí Minh",
                       "Thành phố Hồ Chí Minh", "Sài Gòn"], ["TT-Huế", "Thừa Thiên - Huế", "Thừa Thiên-Huế"],
                      ["BR-VT", "Bà Rịa-Vũng Tàu"], ["Đăk Lắk", "Đăk Nông", "Kontum"]]


def _build(reg: Registry) -> re.Pattern[str]:
    prov = _prov_alt(reg)
    parts = {
        "bloc": rf"(?i:(?:ban thường vụ |btv |ban chấp hành |bch )?đảng (?:ủy|bộ) khối)\s+(?i:các\s+)?"
                rf"(?P<bloc_kind>(?i:cơ quan(?:\s*(?:và|-)\s*doanh nghiệp)?|doanh nghiệp))"
                rf"(?:\s+(?P<bloc_unit>(?i:tỉnh|thành phố|tp\.?))(?:\s+(?P<bloc_prov>{prov}))?"
                rf"|\s+(?P<bloc_tw>(?i:trung ương|tw|t\.ư|tư|t\.w)))?",
        "bloc_short": r"(?i:đảng (?:ủy|bộ) khối)|\bĐUK\b",
        "typed": rf"(?i:(?:ban thường vụ |ban chấp hành |bch )?đảng (?:ủy|bộ))\s+(?P<t_unit>(?i:{_UNIT}))"
                 rf"(?:\s+(?P<t_name>{prov}|{_NAME}))?",
        "prov_cmte": rf"(?i:(?:ban thường vụ |btv |thường trực )?)(?P<pc>(?i:tỉnh ủy|thành ủy))(?:\s+(?P<pc_name>{prov}|{_NAME}))?",
        "dist_cmte": rf"(?P<dc>(?i:huyện ủy|quận ủy|thị ủy))(?:\s+(?P<dc_name>{_NAME}))?",
        "doan": rf"Đảng đoàn\s+(?P<doan_name>Quốc hội|Mặt trận Tổ quốc Việt Nam|MTTQ Việt Nam|{_NAME})",
        "named": rf"(?i:đảng (?:ủy|bộ))\s+(?P<n_name>{_NAME})",
        "chibo": rf"Chi bộ(?:\s+(?P<cb_name>{_NAME}))?",
        "deleg": rf"(?i:đoàn (?:đại biểu|công tác))(?:\s+(?:của\s+)?(?:(?i:tỉnh|thành phố)\s+)?(?P<dl_prov>{prov}))?",
        "toan": rf"(?i:toàn\s+(?P<toan_unit>đảng bộ|huyện|tỉnh|thành phố|quận|thị xã))\b(?!\s+(?:{_CAP}))",
        "place": rf"(?P<pl_toan>(?i:toàn)\s+)?(?P<pl_unit>(?i:{_UNIT}))(?:\s+(?i:miền núi|vùng cao|biên giới|đảo|ven biển))?"
                 rf"\s+(?P<pl_name>{prov}|{_NAME})",
        "state": r"(?:Văn phòng\s+)?(?:Đoàn (?:Đại biểu|đại biểu|ĐBQH)(?: Quốc hội)?|HĐND|UBND|Ủy ban nhân dân|Hội đồng nhân dân)",
        "paren": rf"\(\s*(?i:(?:tỉnh|thành phố|tp\.?)\s*)?(?P<paren_prov>{prov})\s*\)",
    }
    return re.compile("|".join(f"(?P<{k}>{v})" for k, v in parts.items()))


_PATTERN: re.Pattern[str] | None = None
# Whether the words before a mention make it a recipient or a person's title rather than the body that acts
# ("… trao cho Huyện ủy", "Bí thư Tỉnh ủy"), or a place a recipient ("hỗ trợ các xã …") unless a clause starts
# there. (Tests on how the text ends, run backwards: see etl/extract/lookback.py.)
_GIVEN_TO = ("của", "cho", "tặng", "thăm", "chúc tết", "chúc mừng", "với", "gửi", "tới", "đến")
_TITLES = ("bí thư", "ủy viên", "trưởng ban", "phó trưởng ban", "chủ tịch", "chủ nhiệm", "chánh văn phòng", "giám đốc",
           "trưởng", "phó")
_RECIPIENT = ("cho", "tặng", "tại", "ở", "thăm", "giúp", "hỗ trợ", "đến", "về", "tới", "của", "người dân", "bà con", "hộ",
              "khó khăn", "trên địa bàn", "các", "và", "với")
_after_giving = word_then_space(_GIVEN_TO)
_after_title = word_then_clause(_TITLES, 30)
_after_recipient = word_then_clause(_RECIPIENT, 40)


def _weak_party(before: str) -> bool:
    return _after_giving(before) or _after_title(before)


def _weak_place(before: str) -> bool:
    return _after_recipient(before) and not clause_start(before)


def _pattern() -> re.Pattern[str]:
    global _PATTERN
    if _PATTERN is None:
        _PATTERN = _build(REGISTRY())
    return _PATTERN


_SURNAMES = {"Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô",
             "Dương", "Lý", "Đinh", "Trương", "Lâm", "Mai", "Tô", "Hà", "Lương", "Đoàn", "Trịnh", "Cao", "Văn", "Chu",
             "Thái", "Tạ", "Kiều", "Triệu", "Quách", "Lưu", "Thào", "Giàng", "Y"}


def _person(name: str | None) -> bool:
    """True for a person's name ("Trần Xuân Thọ") caught after a committee: surname + two or more syllables."""
    if not name:
        return False
    words = name.split()
    return len(words) >= 3 and words[0] in _SURNAMES and REGISTRY().province_of(name) is None


def _unit(word: str) -> str:
    w = word.lower().rstrip(".")
    return "thành phố" if w == "tp" else w


# Every mention starts with one of these words (in any case) or a bracket, not inside a word.
ANCHOR_WORDS = ("đảng", "ban", "btv", "bch", "thường", "tỉnh", "thành", "tp", "huyện", "quận", "thị", "xã", "phường", "chi",
                "đoàn", "toàn", "văn", "hđnd", "ubnd", "ủy", "hội", "đuk")
_ANCHOR = re.compile(trie_pattern(ANCHOR_WORDS, not_after=r"\w", free=["("]))
_UNITS = ("tỉnh ", "thành phố ", "tp ", "tp. ", "huyện ", "quận ", "thị xã ", "xã ", "phường ", "thị trấn ")
_STATE = ("đoàn đại biểu", "đoàn đbqh", "hđnd", "ubnd", "ủy ban nhân dân", "hội đồng nhân dân")
# How each branch of the mention pattern begins, in lower case: a mention starts where one of these does (the
# words of the pattern before its first name or optional part). Most places where an anchor word stands begin
# none ("Đảng viên", "hội nghị", "chi tiết", "văn hóa"), and trying the whole pattern there is what cost most.
MENTION_STARTS = (
    *[f"{head}đảng {c}" for head in ("", "ban thường vụ ", "btv ", "ban chấp hành ", "bch ") for c in ("ủy", "bộ")],
    *[f"{head}{c} ủy" for head in ("", "ban thường vụ ", "btv ", "thường trực ") for c in ("tỉnh", "thành")],
    "huyện ủy", "quận ủy", "thị ủy", "đảng đoàn", "đuk", "chi bộ", "đoàn đại biểu", "đoàn công tác",
    *[f"toàn {u}" for u in ("đảng bộ", "huyện", "tỉnh", "thành phố", "quận", "thị xã")],
    *_UNITS, *[f"toàn {u}" for u in _UNITS],
    *_STATE, *[f"văn phòng {s}" for s in _STATE],
)
# Characters of the text as written that the pattern takes for a letter of a start while the match form holds
# another there: "Ð" (U+00D0) is "đ" once unified but "ð" in lower case; "ı" is an "i" to a case-blind match.
# (The first word keeps its letters: where it does not stand in the match form, no anchor word does either.)
_VARIANTS = {"đ": "đð", "i": "iı"}


def _spellings(start: str) -> list[str]:
    """``start`` with every letter after its first word in each of its :data:`_VARIANTS`."""
    head, sep, rest = start.partition(" ")
    out = [head + sep]
    for ch in rest:
        out = [o + v for o in out for v in _VARIANTS.get(ch, ch)]
    return out


_MENTION_START = re.compile(trie_pattern([s for start in MENTION_STARTS for s in _spellings(start)], not_after=r"\w",
                                         free=["("]))


def _scan(uni: str, low: str) -> list[re.Match[str]]:
    """The mentions in ``uni``: the pattern tried where a mention can start, from left to right, a match's end
    being where the next one is looked for (as trying it wherever an anchor word stands, only faster)."""
    pattern = _pattern()
    out = []
    pos = 0
    while (a := _MENTION_START.search(low, pos)) is not None:
        m = pattern.match(uni, a.start())
        if m is not None and m.end() > m.start():
            out.append(m)
            pos = m.end()
        else:
            pos = a.start() + 1
    return out


def _scan_anchored(uni: str, low: str) -> list[re.Match[str]]:
    """:func:`_scan` as it was, trying the pattern wherever an anchor word stands (the reference its tests
    compare with)."""
    pattern = _pattern()
    out = []
    pos = 0
    while (a := _ANCHOR.search(low, pos)) is not None:
        m = pattern.match(uni, a.start())
        if m is not None and m.end() > m.start():
            out.append(m)
            pos = m.end()
        else:
            pos = a.end()
    return out


def find_mentions(uni: str, low: str | None = None) -> list[Mention]:
    """Every body mention in ``uni`` (NFC text with unified tone marks, case kept), in text order;
    ``low`` is its match form, when the caller has it already.

    >>> [(m.kind, m.unit, m.name) for m in find_mentions("Huyện ủy Đơn Dương (Lâm Đồng) họp.")]
    [('party', 'huyện', 'Đơn Dương'), ('paren', 'tỉnh', 'Lâm Đồng')]
    """
    reg = REGISTRY()
    out: list[Mention] = []
    for m in _scan(uni, match_form(uni) if low is None else low):
        mention = _mention(m, uni, reg)
        if mention is not None:
            out.append(mention)
    return out


def _mention(m: re.Match[str], uni: str, reg: Registry) -> Mention | None:
    """The mention one match of the pattern makes, if any. ``m.lastgroup`` is the branch that matched (each
    branch is one named group around its own), so only that branch's groups are read."""
    kind = m.lastgroup
    group = m.group
    start, end = m.start(), m.end()
    before = uni[max(0, start - 60):start]
    if kind == "bloc":
        bk = fold(group("bloc_kind"))
        unit = "khối dn" if bk.startswith("doanh") else ("khối cq-dn" if "doanh" in bk else "khối cq")
        prov = reg.province_of(group("bloc_prov")) if group("bloc_prov") else None
        scope = "tw" if group("bloc_tw") else ("tỉnh" if group("bloc_unit") else "")
        if not scope:
            return Mention(start, end, "anaphor", "khối", unit, None, _weak_party(before))
        return Mention(start, end, "party", unit, scope, prov, _weak_party(before))
    if kind == "bloc_short":
        return Mention(start, end, "anaphor", "khối", "", None, _weak_party(before))
    if kind == "typed":
        unit = _unit(group("t_unit"))
        name = _not_person(group("t_name"))
        if name:
            return _place_or_prov(m, unit, name, "party", _weak_party(before), reg)
        return Mention(start, end, "anaphor", unit, "", None, _weak_party(before))
    if kind == "prov_cmte":
        unit = "tỉnh" if group("pc").lower().startswith("tỉnh") else "thành phố"
        name = _not_person(group("pc_name"))
        if name:
            return _place_or_prov(m, unit, name, "party", _weak_party(before), reg)
        return Mention(start, end, "anaphor", unit, "", None, _weak_party(before))
    if kind == "dist_cmte":
        unit = {"huyện": "huyện", "quận": "quận", "thị": "thị xã"}[group("dc").split()[0].lower()]
        name = _not_person(group("dc_name"))
        if name:
            return Mention(start, end, "party", unit, name, None, _weak_party(before))
        return Mention(start, end, "anaphor", unit, "", None, _weak_party(before))
    if kind == "doan":
        return Mention(start, end, "party", "đảng đoàn", group("doan_name"), None, _weak_party(before))
    if kind == "named":
        name = group("n_name")
        return Mention(start, end, "party", "org", name, reg.province_of(name), _weak_party(before))
    if kind == "chibo":
        if group("cb_name"):
            return Mention(start, end, "party", "chi bộ", group("cb_name"), None, _weak_party(before))
        return Mention(start, end, "anaphor", "chi bộ", "", None, _weak_party(before))
    if kind == "deleg":
        prov = reg.province_of(group("dl_prov")) if group("dl_prov") else None
        return Mention(start, end, "delegation" if prov else "anaphor", "delegation", prov or "", prov, False)
    if kind == "toan":
        unit = _unit(group("toan_unit"))
        return Mention(start, end, "anaphor", "any" if unit == "đảng bộ" else unit, "", None, False)
    if kind == "place":
        name = _not_person(group("pl_name"))
        if not name:
            return None
        strong = bool(group("pl_toan")) or not _weak_place(before)
        return _place_or_prov(m, _unit(group("pl_unit")), name, "place", not strong, reg)
    if kind == "state":
        joint = re.search(r"(?:ủy|Đảng)\s*[-–]\s*(?:\S+\s*[-–]\s*)?$", before)
        if not joint and not re.match(r"\s*[-–]\s*(?i:huyện ủy|tỉnh ủy|thành ủy)", uni[end:end + 15]):
            return Mention(start, end, "state", "state", m.group(0), None, False)
        return None
    assert kind == "paren", kind
    return Mention(start, end, "paren", "tỉnh", reg.province_of(group("paren_prov")) or "", None, True)


def _not_person(name: str | None) -> str | None:
    """``name``, or None for a person's name caught after a committee (see :func:`_person`)."""
    return None if _person(name) else name


def _place_or_prov(m: re.Match[str], unit: str, name: str, kind: str, weak: bool, reg: Registry) -> Mention:
    prov = reg.province_of(name)
    if prov and unit in ("tỉnh", "thành phố"):
        return Mention(m.start(), m.end(), kind, "province", prov, prov, weak)
    return Mention(m.start(), m.end(), kind, unit, name, None, weak)


_EXPAND = {"KCX": "Khu chế xuất", "KCN": "Khu công nghiệp", "VPCP": "Văn phòng Chính phủ", "UBND": "Ủy ban nhân dân"}
_DISTRICT_UNITS = ("huyện", "quận", "thị xã", "thành phố")


class BodyResolver:
    """Resolves the mentions of one document to canonical bodies."""

    def __init__(self, mentions: list[Mention], home_province: str | None, when: date | None) -> None:
        self.reg = REGISTRY()
        self.mentions = mentions
        self.home = home_province
        self.when = when
        self.places = {fold(m.name): m for m in mentions if m.kind in ("party", "place") and m.unit in
                       ("huyện", "quận", "thị xã", "thành phố", "xã", "phường", "thị trấn")}
        self.bloc_province = next((m.province for m in mentions if m.unit.startswith("khối") and m.province), None)

    # -- canonical bodies -------------------------------------------------------------------------
    def body(self, m: Mention, when: date | None = None) -> Body | None:
        """The canonical body of a concrete (non-anaphor) mention."""
        when = when or self.when
        reg = self.reg
        if m.kind == "state" or m.kind == "paren":
            return None
        if m.unit == "province" or m.kind == "delegation":
            prov = m.province or m.name
            kind = reg.province_kind.get(prov, "tỉnh")
            return self._make(f"Đảng bộ {kind} {prov}", prov, "province", when)
        if m.unit.startswith("khối"):
            if m.name == "tw":
                label = {"khối dn": "Đảng bộ Khối doanh nghiệp Trung ương"}.get(m.unit, "Đảng bộ Khối các cơ quan Trung ương")
                return self._make(label, None, "central_bloc", when)
            bloc_prov = m.province or self.bloc_province or self.home
            what = {"khối dn": "Khối doanh nghiệp", "khối cq-dn": "Khối các cơ quan và doanh nghiệp"}.get(m.unit, "Khối các cơ quan")
            prov_kind = reg.province_kind.get(bloc_prov or "", "tỉnh")
            return self._make(f"Đảng bộ {what} {prov_kind} {bloc_prov}" if bloc_prov else f"Đảng bộ {what} tỉnh",
                              bloc_prov,
                              "provincial_bloc", when)
        if m.unit == "org":
            place = self.places.get(fold(m.name))
            if place is not None and place is not m:
                return self.body(place, when)
            name = " ".join(_EXPAND.get(w, w) for w in m.name.split())
            reg_id = reg.lookup(f"Đảng bộ {name}", when)
            if reg_id:
                row = reg.bodies[reg_id]
                return Body(row["name"], reg_id, row["province"] or None, True, row["level"])
            return self._make(f"Đảng bộ {name}", None if m.name in _EXPAND else self.home, "grassroots", when)
        if m.unit == "đảng đoàn":
            return self._make(f"Đảng đoàn {m.name}", None, "agency", when)
        if m.unit == "chi bộ":
            return self._make(f"Chi bộ {m.name}", self.home, "grassroots", when)
        unit = m.unit
        level = "district" if unit in _DISTRICT_UNITS else "grassroots"
        return self._make(f"Đảng bộ {unit} {m.name}", self.home, level, when)

    def _make(self, label: str, province: str | None, level: str, when: date | None) -> Body:
        reg_id = self.reg.lookup(label, when)
        if reg_id:
            row = self.reg.bodies[reg_id]
            return Body(row["name"], reg_id, row["province"] or province, True, row["level"])
        name = label
        if province and level in ("district", "grassroots") and fold(province) not in fold(label):
            kind = self.reg.province_kind.get(province, "tỉnh")
            name = f"{label}, {kind} {province}"
        return Body(name, slug(name), province, False, level)

    # -- who acts --------------------------------------------------------------------------------
    def resolve(self, m: Mention, pos: int, sent_end: int, when: date | None = None) -> Body | None:
        """The body a mention stands for at ``pos`` (anaphors look back, then forward in the sentence)."""
        if m.kind != "anaphor":
            return self.body(m, when)
        target = self._antecedent(m, pos, sent_end)
        if target is not None:
            return self.body(target, when)
        city_ok = m.unit != "thành phố" or self.reg.province_kind.get(self.home or "") == "thành phố"
        if m.unit in ("tỉnh", "any", "thành phố") and self.home and city_ok:
            return self.body(Mention(0, 0, "party", "province", self.home, self.home, False), when)
        if m.unit == "khối" and m.name:
            return self.body(Mention(0, 0, "party", m.name, "tỉnh", None, False), when)
        return None

    def _fits(self, anaphor: Mention, c: Mention) -> bool:
        if c.kind not in ("party", "place", "delegation"):
            return False
        u = anaphor.unit
        if u == "any":
            return True
        if u == "khối":
            return c.unit.startswith("khối") and (not anaphor.name or c.unit == anaphor.name)
        if u == "tỉnh":
            return c.unit == "province"
        if u == "thành phố":
            return c.unit in ("province", "thành phố")
        if u == "delegation":
            return c.kind == "delegation"
        return c.unit == u

    def _antecedent(self, anaphor: Mention, pos: int, sent_end: int) -> Mention | None:
        best = None
        for c in self.mentions:
            if c.start >= pos:
                break
            if self._fits(anaphor, c):
                best = c
        if best is None:
            for c in self.mentions:
                if pos <= c.start < sent_end and self._fits(anaphor, c):
                    return c
        return best
