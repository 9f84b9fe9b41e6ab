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

from etl.extract.capitals import capitals_name, in_capitals, known_names
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
# A capitalised word; Central Highlands names keep an apostrophe inside a word: "Cư M'gar", "Ea H'leo", "M'Đrắk"
_CAP = f"[{UPPER}]{_W}*(?:['’]{_W}+)*"
# Words of organisation names usually written with a lower-case second syllable ("Công ty", "Chính phủ").
_ORG = r"(?:Tổng [Cc]ông ty|Cà phê|Dầu khí|Bưu chính|Viễn thông|Hàng không|Đường sắt|Lương thực|Dệt may|Cấp nước|" \
       r"Công ty(?: cổ phần| trách nhiệm hữu hạn)?|Cổ phần|Cao su|Công an|Quân sự|Chính phủ|Quốc hội|Văn phòng|Xi măng|" \
       r"Điện lực|Ngân hàng|Bệnh viện|Biên phòng|Bộ đội|Tài chính|Tập đoàn|Đại học|Cao đẳng|Học viện|Trung tâm|" \
       r"Tổng cục|Quân khu|Quân đoàn|Quân chủng|Binh đoàn|Sư đoàn|Lữ đoàn|Trung đoàn|Chỉ huy)"
_NAME = rf"(?:{_ORG}|{_CAP})(?:[ ](?:{_ORG}|{_CAP}|\d+))*(?:\s?-\s?{_CAP}(?:[ ]{_CAP})*)?"
_UNIT = r"tỉnh|thành phố|tp\.?|huyện|quận|thị xã|xã|phường|thị trấn"
_NUMBERED = r"(?:(?<=[Pp]hường )|(?<=[Qq]uận ))\d{1,2}(?![\w%-]|[/.,]\d)"  # "Phường 7", "Quận 10"


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
                rf"(?P<bloc_kind>(?i:cơ quan(?:\s*(?:và|-)\s*doanh nghiệp)?|doanh nghiệp)|{_CAP}(?:\s?-\s?{_CAP})+)"
                rf"(?:\s+(?P<bloc_prov2>{prov})|\s+(?P<bloc_unit>(?i:tỉnh|thành phố|tp\.?))(?:\s+(?P<bloc_prov>{prov}))?"
                rf"|\s+(?P<bloc_tw>(?i:trung ương|tw|t\.ư|tư|t\.w)))?",
        "bloc_short": r"(?i:đảng (?:ủy|bộ) khối)|\bĐUK\b",
        # the committees that replaced the blocs in 2025: "Đảng ủy các cơ quan Đảng tỉnh", "Đảng bộ UBND tỉnh X"
        "agencies": rf"(?i:(?:ban thường vụ |ban chấp hành |bch )?đảng (?:ủy|bộ))\s+"
                    rf"(?P<ag_kind>(?i:các\s+cơ quan\s+đảng|ủy ban nhân dân|ubnd))(?:\s+(?P<ag_unit>(?i:tỉnh|thành phố|tp\.?))"
                    rf"(?:\s+(?P<ag_prov>{prov}))?|\s+(?P<ag_tw>(?i:trung ương|tw|t\.ư|tư|t\.w)))?",
        "typed": rf"(?i:(?:ban thường vụ |ban chấp hành |bch )?đảng (?:ủy|bộ))\s+(?P<t_unit>(?i:{_UNIT}))"
                 rf"(?:\s+(?P<t_name>{prov}|{_NAME}|{_NUMBERED}))?",
        "prov_cmte": rf"(?i:(?:ban thường vụ |btv |thường trực )?)(?P<pc>(?i:tỉnh ủy|thành ủy))(?:\s+(?P<pc_name>{prov}|{_NAME}))?",
        "dist_cmte": rf"(?P<dc>(?i:huyện ủy|quận ủy|thị ủy))(?:\s+(?P<dc_name>{_NAME}))?",
        # the centre: "Ban Chấp hành Trung ương Đảng", "Bộ Chính trị", "Đảng Cộng sản Việt Nam", "toàn Đảng"
        "centre": r"(?:Ban Chấp hành|BCH) (?:Trung ương|TW|T\.Ư|TƯ)(?: Đảng)?|"
                  r"Bộ Chính trị|Ban Bí thư|Đảng Cộng sản Việt Nam|(?i:toàn Đảng)(?!\s+(?i:bộ|viên|ủy))",
        "doan": rf"Đảng đoàn\s+(?P<doan_name>Quốc hội|Mặt trận Tổ quốc Việt Nam|MTTQ Việt Nam|{_NAME})",
        "named": rf"(?i:đảng (?:ủy|bộ))\s+(?P<n_name>{_NAME}(?:\s+(?i:tỉnh|thành phố)(?:\s+(?P<n_prov>{prov}))?(?!\s+{_CAP}))?)",
        # "Tại Trường THPT Hùng Vương, … chi bộ nhà trường kết nạp …": the school's chi bộ, named before it
        "chibo_school": r"(?i:chi bộ\s+(?:của\s+)?(?:nhà\s+)?trường)(?!\s*[A-ZĐ\d])(?!\s+học\b)",
        "chibo": rf"Chi bộ(?:\s+(?P<cb_name>{_NAME}))?",
        "deleg": rf"(?i:đoàn (?:đại biểu|công tác))(?:\s+(?:của\s+)?(?:(?i:tỉnh|thành phố)\s+)?(?P<dl_prov>{prov}))?",
        "toan": rf"(?i:toàn\s+(?P<toan_unit>đảng bộ(?:\s+(?:xã|phường|thị trấn|huyện|quận|thị xã|tỉnh|thành phố))?|huyện|"
                rf"tỉnh|thành phố|quận|thị xã))\b(?!\s+(?:{_CAP}))",
        "place": rf"(?P<pl_toan>(?i:toàn)\s+)?(?P<pl_unit>(?i:{_UNIT}))(?:\s+(?i:miền núi|vùng cao|biên giới|đảo|ven biển))?"
                 rf"\s+(?P<pl_name>{prov}|{_NAME}|{_NUMBERED})",
        "state": r"(?:Văn phòng\s+)?(?:Đoàn (?:Đại biểu|đại biểu|ĐBQH)(?: Quốc hội)?|HĐND|UBND|Ủy ban nhân dân|Hội đồng nhân dân)",
        # firms and mass organisations give too, but their gifts are not a Party body's
        "firm": rf"(?:Tập đoàn|Tổng [Cc]ông ty|Công ty|Ngân hàng|Hội|Công đoàn)\s+{_NAME}",
        "paren": rf"\(\s*(?i:(?:tỉnh|thành phố|tp\.?)\s*)?(?P<paren_prov>{prov})\s*\)",
    }
    return re.compile("|".join(f"(?P<{k}>{v})" for k, v in parts.items()))


_PATTERN: re.Pattern[str] | None = None
# State agencies named after their province or district: the place in "Công an tỉnh X", "Bộ Chỉ huy Quân sự tỉnh X"
# is part of the name (their Party bodies are "Đảng bộ Công an tỉnh X", …)
_AGENCY_BEFORE = re.compile(r"(?i:công an|quân sự|biên phòng|điện lực|kho bạc(?: nhà nước)?|viện kiểm sát nhân dân|"
                            r"tòa án nhân dân|cục thuế|bảo hiểm xã hội|hải quan|ngân hàng chính sách xã hội)\s+$")
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


# What stands between a body and a place that says where it is: a comma, or an opening bracket ("Đảng ủy xã Diễn
# Kỷ (huyện Diễn Châu) bàn giao …")
_LOCATES = re.compile(r"\s*[,(]\s*")
# An outlet's name ("Báo điện tử Đảng Cộng sản Việt Nam", "Cổng Thông tin điện tử Đảng bộ tỉnh …") is no body: a
# page header or a credit names it, and the centre or a province would act for every figure without one.
_OUTLET_BEFORE = re.compile(r"(?:^|[^\w])(?:Báo|Tạp chí|Cổng [Tt]hông tin|Trang [Tt]hông tin|Trang tin)"
                            r"(?: [Đđ]iện tử)?[ \t]+$")
# "Báo cáo … của Huyện ủy Anh Sơn (Nghệ An) cho biết": the committee whose report gives the figures acts
_REPORTS = re.compile(r"(?:\s*\([^()\n]{0,30}\))?,?\s+cho biết")
# A person's name after a committee ("Bí thư Huyện ủy Trần Văn Nam") comes after their title (_after_title);
# without one, a name shaped like a person's is a place ("Huyện ủy Dương Minh Châu").


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
                "đoàn", "toàn", "văn", "hđnd", "ubnd", "ủy", "hội", "đuk", "tập đoàn", "tổng công ty", "công ty",
                "công đoàn", "ngân hàng", "bộ chính trị")
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
    # the centre, and firms and mass organisations (whose gifts are not a Party body's)
    *[f"{head} {c}" for head in ("ban chấp hành", "bch") for c in ("trung ương", "tw", "t.ư", "tư")],
    "bộ chính trị", "ban bí thư", "đảng cộng sản việt nam", "toàn đảng",
    "tập đoàn ", "tổng công ty ", "công ty ", "ngân hàng ", "hội ", "công đoàn ",
)
# Characters of the text as written that the pattern takes for a letter of a start while the match form holds
# another there: "Ð" (U+00D0) is "đ" once unified but "ð" in lower case; "ı" and "ſ" are an "i" and an "s" to a
# case-blind match.
# (The first word keeps its letters: where it does not stand in the match form, no anchor word does either.)
_VARIANTS = {"đ": "đð", "i": "iı", "s": "sſ"}


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
            pos = a.start() + 1  # not past the anchor: a start may stand inside it ("Công đoàn đại biểu")
    return out


# The groups holding a mention's proper name, and the group of the unit word before it (None: an organisation)
_UNIT_KEYS = {"t_name": "t_unit", "pc_name": "pc", "dc_name": "dc", "pl_name": "pl_unit", "n_name": None}
_NAME_KEYS = tuple(_UNIT_KEYS)


_SCHOOL = re.compile(rf"Trường\s+(?:THPT|THCS|TH|PTDTNT|PTDTBT|Tiểu học|Mầm non|Mẫu giáo|Phổ thông|Trung học"
                     rf"(?: cơ sở| phổ thông)?|Đại học|Cao đẳng|Trung cấp|Chính trị)\s+{_NAME}")


def _school_before(uni: str, pos: int) -> str | None:
    """The last school named in the paragraph before ``pos``: the one "chi bộ nhà trường" belongs to."""
    lo = uni.rfind("\n", 0, pos) + 1
    found = list(_SCHOOL.finditer(uni, lo, pos))
    return found[-1].group() if found else None


def find_mentions(uni: str, low: str | None = None) -> list[Mention]:
    """Every body mention in ``uni`` (NFC text with unified tone marks, case kept), in text order;
    ``low`` is its match form, when the caller has it already.

    >>> [(m.kind, m.unit, m.name) for m in find_mentions("Huyện ủy Đơn Dương (Lâm Đồng) họp.")]
    [('party', 'huyện', 'Đơn Dương'), ('paren', 'tỉnh', 'Lâm Đồng')]
    """
    reg = REGISTRY()
    out: list[Mention] = []
    matches = _scan(uni, match_form(uni) if low is None else low)
    known: dict[str, str] | None = None
    for m in matches:
        kind = m.lastgroup
        end = m.end()
        before = uni[max(0, m.start() - 60):m.start()]
        weak_party = _weak_party(before) and not _REPORTS.match(uni, end)
        if _OUTLET_BEFORE.search(before):
            continue
        g = dict(m.groupdict())
        for key in ("pc_name", "dc_name", "t_name", "pl_name"):
            if _person(g.get(key)) and _after_title(before):
                g[key] = None
        name_key = next((k for k in _NAME_KEYS if g[k]), None)
        if name_key is not None and in_capitals(m.group()):  # a headline or a menu: read as far as known
            if known is None:
                known = known_names(mm.group(k) for mm in matches for k in _NAME_KEYS)
            unit_key = _UNIT_KEYS[name_key]
            unit_word = _unit(m.group(unit_key)) if unit_key else "org"
            if unit_key in ("pc", "dc"):  # "TỈNH ỦY", "THỊ ỦY": the unit of the committee
                unit_word = {"thành": "thành phố", "thị": "thị xã"}.get(unit_word.split()[0], unit_word.split()[0])
            read = capitals_name(g[name_key], unit_word, known, reg)
            if read is None:
                continue
            g[name_key] = read[0]
            end = m.start(name_key) + read[1]
        if g["place"] and not g["pl_name"]:
            continue
        if g["bloc"]:
            bk = fold(g["bloc_kind"])
            unit = "khối dn" if bk.startswith("doanh") else ("khối cq-dn" if "doanh" in bk else "khối cq")
            if not bk.startswith(("co quan", "doanh")):
                unit = "khối:" + g["bloc_kind"]  # a bloc of its own name: "Đảng ủy Khối Dân - Chính - Đảng"
            prov = reg.province_of(g["bloc_prov"] or g["bloc_prov2"] or "") or None
            scope = "tw" if g["bloc_tw"] else ("tỉnh" if g["bloc_unit"] or g["bloc_prov2"] else "")
            if not scope:
                out.append(Mention(m.start(), end, "anaphor", "khối", unit, None, weak_party))
            else:
                out.append(Mention(m.start(), end, "party", unit, scope, prov, weak_party))
        elif g["bloc_short"]:
            out.append(Mention(m.start(), end, "anaphor", "khối", "", None, weak_party))
        elif g["agencies"]:
            unit = "cq đảng" if fold(g["ag_kind"]).startswith("cac") else "ubnd"
            prov = reg.province_of(g["ag_prov"]) if g["ag_prov"] else None
            out.append(Mention(m.start(), end, "party", unit, "tw" if g["ag_tw"] else "tỉnh", prov, weak_party))
        elif g["typed"]:
            unit = _unit(g["t_unit"])
            name = g["t_name"]
            if name:
                out.append(_place_or_prov(m.start(), end, unit, name, "party", weak_party, reg))
            else:
                out.append(Mention(m.start(), end, "anaphor", unit, "", None, weak_party))
        elif g["prov_cmte"]:
            unit = "tỉnh" if g["pc"].lower().startswith("tỉnh") else "thành phố"
            if g["pc_name"]:
                out.append(_place_or_prov(m.start(), end, unit, g["pc_name"], "party", weak_party, reg))
            else:
                out.append(Mention(m.start(), end, "anaphor", unit, "", None, weak_party))
        elif g["dist_cmte"]:
            unit = {"huyện": "huyện", "quận": "quận", "thị": "thị xã"}[g["dc"].split()[0].lower()]
            if g["dc_name"]:
                name = re.sub(r"^(?:Quận|Huyện) (?=\d)", "", g["dc_name"])  # "Quận ủy Quận 10"
                out.append(Mention(m.start(), end, "party", unit, name, None, weak_party))
            else:
                out.append(Mention(m.start(), end, "anaphor", unit, "", None, weak_party))
        elif g["centre"]:
            out.append(Mention(m.start(), end, "party", "centre", "", None, weak_party))
        elif g["doan"]:
            out.append(Mention(m.start(), end, "party", "đảng đoàn", g["doan_name"], None, weak_party))
        elif g["named"]:
            prov = reg.province_of(g["n_prov"] or g["n_name"])  # "Đảng ủy Công an tỉnh Thanh Hóa"
            out.append(Mention(m.start(), end, "party", "org", g["n_name"], prov, weak_party))
        elif g["chibo_school"]:
            school = _school_before(uni, m.start())
            if school:
                out.append(Mention(m.start(), end, "party", "chi bộ", school, None, weak_party))
            else:
                out.append(Mention(m.start(), end, "anaphor", "chi bộ", "", None, weak_party))
        elif g["chibo"]:
            if g["cb_name"]:
                out.append(Mention(m.start(), end, "party", "chi bộ", g["cb_name"], None, weak_party))
            else:
                out.append(Mention(m.start(), end, "anaphor", "chi bộ", "", None, weak_party))
        elif g["deleg"]:
            prov = reg.province_of(g["dl_prov"]) if g["dl_prov"] else None
            out.append(Mention(m.start(), end, "delegation" if prov else "anaphor",
                               "delegation", prov or "", prov, False))
        elif g["toan"]:
            unit = _unit(re.sub(r"(?i)^đảng bộ\s+(?=\S)", "", g["toan_unit"]))  # "toàn Đảng bộ xã": a xã
            out.append(Mention(m.start(), end, "anaphor", "any" if unit == "đảng bộ" else unit, "", None, False))
        elif g["place"]:
            unit = _unit(g["pl_unit"])
            strong = bool(g["pl_toan"]) or not _after_recipient(before) or clause_start(before)
            if _AGENCY_BEFORE.search(before):
                strong = False  # the scope of an agency's name ("Công an tỉnh Nghệ An đại hội Đảng bộ"), not a place
            if out and out[-1].kind in ("party", "anaphor", "place") and _LOCATES.fullmatch(uni, out[-1].end, m.start()):
                # where the body or place just named is: "Đảng ủy phường Cái Khế, quận Ninh Kiều", "Đảng ủy xã Diễn
                # Kỷ (huyện Diễn Châu)", "Đảng ủy xã Thuận Lợi, huyện Đông Sơn, tỉnh Phú Yên"
                strong = False
            out.append(_place_or_prov(m.start(), end, unit, g["pl_name"], "place", not strong, reg))
        elif g["state"]:
            joint = re.search(r"(?:ủy|Đảng)\s*[-–]\s*(?:\S+\s*[-–]\s*)?$", before)
            # beside a Party committee that acts: "Thường trực Huyện ủy cùng lãnh đạo UBND huyện trao …"
            joint = joint or re.search(r"(?:ủy|Đảng (?:bộ|ủy))\b[^,;.()]{0,30}\b(?:cùng(?: với)?|phối hợp với|và)\s+"
                                       r"(?:lãnh đạo\s+|đại diện\s+)?$", before)
            if not joint and not re.match(r"\s*[-–]\s*(?i:huyện ủy|tỉnh ủy|thành ủy)", uni[end:end + 15]):
                out.append(Mention(m.start(), end, "state", "state", m.group(0), None, False))
        elif g["firm"]:
            out.append(Mention(m.start(), end, "state", "firm", m.group(0), None,
                               weak_party or _after_recipient(before)))  # not a recipient or a title
        elif g["paren"]:
            out.append(Mention(m.start(), end, "paren", "tỉnh", reg.province_of(g["paren_prov"]) or "", None, True))
        del kind
    return out


def _place_or_prov(start: int, end: int, unit: str, name: str, kind: str, weak: bool, reg: Registry) -> Mention:
    prov = reg.province_of(name)
    if prov and (unit == "tỉnh" or (unit == "thành phố" and reg.province_kind.get(prov) != "tỉnh")):
        return Mention(start, end, kind, "province", prov, prov, weak)
    # "Thành ủy Hà Tĩnh": the capital of the province named alike, a city under it
    return Mention(start, end, kind, unit, name, prov if unit == "thành phố" else None, weak)


_EXPAND = {"KCX": "Khu chế xuất", "KCN": "Khu công nghiệp", "VPCP": "Văn phòng Chính phủ", "UBND": "Ủy ban nhân dân"}
_DISTRICT_UNITS = ("huyện", "quận", "thị xã", "thành phố")


def _renamed_before(reg: Registry, prov: str | None, when: date | None) -> str | None:
    """The province that a province first valid after ``when`` was then part of, under another name ("Huế" before
    2025 → "Thừa Thiên Huế"); None when ``prov`` existed at ``when`` under its own name."""
    if not prov or when is None:
        return None
    since, old = _province_history(reg, prov)
    return old if since is not None and when < since else None


_HISTORY: dict[tuple[int, str], tuple[date | None, str | None]] = {}


def _province_history(reg: Registry, prov: str) -> tuple[date | None, str | None]:
    """(the first day of ``prov`` under that name or None if it always had it, its predecessor's name), once."""
    key = (id(reg), prov)
    if key not in _HISTORY:
        rows = [r for r in reg.bodies.values() if r["level"] == "province" and r["province"] == prov]
        since = None if not rows or any(not r["valid_from"] for r in rows) else min(
            date.fromisoformat(r["valid_from"]) for r in rows)
        ids = {r["body_id"] for r in rows}
        old = next((r["province"] for r in reg.bodies.values() if r["level"] == "province" and r["successor_id"] in ids
                    and r["province"] != prov), None)
        _HISTORY[key] = (since, old)
    return _HISTORY[key]


class BodyResolver:
    """Resolves the mentions of one document to canonical bodies."""

    def __init__(self, mentions: list[Mention], home_province: str | None, when: date | None) -> None:
        self.reg = REGISTRY()
        self.mentions = mentions
        self.home = _renamed_before(self.reg, home_province, when) or home_province
        self.when = when
        self.places = {fold(m.name): m for m in mentions if m.kind in ("party", "place") and m.unit in
                       ("huyện", "quận", "thị xã", "thành phố", "xã", "phường", "thị trấn")}
        self.bloc_province = next((m.province for m in mentions if m.unit.startswith("khối") and m.province), None)
        # the body the document is about (set once known): what "toàn Đảng bộ" stands for, rather than the last
        # body named ("Huyện ủy A kết nạp 34 …; Huyện ủy B kết nạp 37 … Trong năm, toàn Đảng bộ kết nạp 3.382 …")
        self.main: Body | None = None

    # -- canonical bodies -------------------------------------------------------------------------
    def body(self, m: Mention, when: date | None = None) -> Body | None:
        """The canonical body of a concrete (non-anaphor) mention."""
        when = when or self.when
        reg = self.reg
        if m.kind == "state" or m.kind == "paren":
            return None
        if m.unit == "province" or m.kind == "delegation":
            prov = m.province or m.name
            old = _renamed_before(reg, prov, when)
            if old:  # "Thành ủy Huế" in 2024: the capital of Thừa Thiên Huế, not yet a province
                return Body(f"Đảng bộ thành phố {prov}", slug(f"Đảng bộ thành phố {prov} {old}"), old, False, "district")
            kind = reg.province_kind.get(prov, "tỉnh")
            return self._make(f"Đảng bộ {kind} {prov}", prov, "province", when)
        if m.unit in ("cq đảng", "ubnd"):
            if m.name == "tw":
                return self._make("Đảng bộ các cơ quan Đảng Trung ương", None, "central_bloc", when)
            ag_prov = m.province or self.home
            what = "các cơ quan Đảng" if m.unit == "cq đảng" else "Ủy ban nhân dân"
            kind = reg.province_kind.get(ag_prov or "", "tỉnh")
            return self._make(f"Đảng bộ {what} {kind} {ag_prov}" if ag_prov else f"Đảng bộ {what} tỉnh", ag_prov,
                              "provincial_bloc", when)
        if m.unit.startswith("khối"):
            if m.name == "tw":
                label = {"khối dn": "Đảng bộ Khối doanh nghiệp Trung ương"}.get(m.unit, "Đảng bộ Khối các cơ quan Trung ương")
                return self._make(label, None, "central_bloc", when)
            bloc_prov = m.province or self.bloc_province or self.home
            what = {"khối dn": "Khối doanh nghiệp", "khối cq-dn": "Khối các cơ quan và doanh nghiệp"}.get(m.unit, "Khối các cơ quan")
            if m.unit.startswith("khối:"):
                what = "Khối " + m.unit.removeprefix("khối:")
            prov_kind = reg.province_kind.get(bloc_prov or "", "tỉnh")
            return self._make(f"Đảng bộ {what} {prov_kind} {bloc_prov}" if bloc_prov else f"Đảng bộ {what} tỉnh",
                              bloc_prov,
                              "provincial_bloc", when)
        if m.unit == "org":
            place = self.places.get(fold(m.name))
            if place is not None and place is not m:
                return self.body(place, when)
            longer = next((c for c in self.mentions if c.unit == "org" and c.name.startswith(m.name + " ")), None)
            if longer is not None:  # "Đảng bộ Công ty" after "Đảng bộ Công ty Cổ phần Cao su Tân Biên"
                return self.body(longer, when)
            name = " ".join(_EXPAND.get(w, w) for w in m.name.split())
            reg_id = reg.lookup(f"Đảng bộ {name}", when)
            if reg_id:
                row = reg.bodies[reg_id]
                return Body(row["name"], reg_id, row["province"] or None, True, row["level"])
            if self.home and re.search(r"(?:tỉnh|thành phố)$", name):
                name = f"{name} {self.home}"  # "Đảng ủy Quân sự tỉnh": the province of the document
            return self._make(f"Đảng bộ {name}", None if m.name in _EXPAND else m.province or self.home, "grassroots", when)
        if m.unit == "centre":
            return self._make("Đảng Cộng sản Việt Nam", None, "centre", when)
        if m.unit == "đảng đoàn":
            return self._make(f"Đảng đoàn {m.name}", None, "agency", when)
        if m.unit == "chi bộ":  # with the organisation it belongs to, when the document names one
            orgs = [c for c in self.mentions if (c.kind == "party" and c.unit == "org") or (c.unit == "firm" and "ông ty" in c.name)]
            parent = next((c.name for c in orgs if c.start < m.start), None) or next(
                (c.name for c in orgs if c.kind == "party"), None)  # named before it, else a Party one after
            return self._make(f"Chi bộ {m.name}" + (f", Đảng bộ {parent}" if parent else ""), self.home, "grassroots", when)
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
        if m.unit == "any" and self.main is not None:
            return self.main
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
            if self._fits(anaphor, c) and (not c.weak or best is None or best.weak):
                best = c  # the last one that fits, a weak one (a recipient: "cho các xã …") only if no other
        if best is None:
            for c in self.mentions:
                if pos <= c.start < sent_end and self._fits(anaphor, c):
                    return c
        return best
