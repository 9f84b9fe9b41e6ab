"""The metric catalogue (warehouse/reference/metrics.toml) and the rules that find figures in a sentence.

A figure is a number followed by one of the metric's classifiers ("175 quần chúng", "600 triệu đồng"),
with a trigger phrase before it in the same clause and no other number in between ("kết nạp 175"), and
no look-alike phrase (targets, totals, awards…) in the part of the clause that leads to it.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import NamedTuple

from etl.extract.numbers import LAST_CHARS, NumberMention, find_numbers
from etl.extract.phrases import trie_pattern

CATALOGUE = Path(__file__).resolve().parents[2] / "warehouse" / "reference" / "metrics.toml"


def phrase_regex(phrases: list[str], anchor: str = "", tail: str = "") -> re.Pattern[str] | None:
    """One regex for a list of phrases: whole words, any white space between words, longest first."""
    alts = {p.strip().lower() for p in phrases if p.strip()}
    if not alts:
        return None
    return re.compile(anchor + trie_pattern(alts, not_after=r"[\w/]") + r"(?![\w])" + tail)


@dataclass(frozen=True)
class MetricSpec:
    """One metric of the catalogue with its compiled phrase lists."""

    id: str
    unit: str
    kind: str
    period_preference: str
    classifiers: re.Pattern[str]
    triggers: re.Pattern[str] | None
    triggers_after: re.Pattern[str] | None
    household: re.Pattern[str] | None
    negatives_before: re.Pattern[str] | None
    negatives_after: re.Pattern[str] | None
    negatives_sentence: re.Pattern[str] | None
    triggers_bare: re.Pattern[str] | None = None
    # "3 tỷ đồng do Ban Thường vụ Đảng ủy Khối vận động": the giver and its verb after the figure
    giver_after: re.Pattern[str] | None = None
    giver_words: re.Pattern[str] | None = None


@dataclass(frozen=True)
class Catalogue:
    metrics: tuple[MetricSpec, ...]
    lookalike_before: re.Pattern[str] | None
    lookalike_after: re.Pattern[str] | None
    any_trigger: re.Pattern[str]
    # Cheap tests that only rule out (each finds a superset of what the metrics' rules accept): a classifier
    # (or "hộ") right after a number's end; and, searched in a sentence, one after the last character of a
    # number and white space.
    any_classifier: re.Pattern[str]
    figure_hint: re.Pattern[str]
    lookalike_clause: re.Pattern[str] | None = None
    lookalike_adjacent: re.Pattern[str] | None = None
    any_bare: re.Pattern[str] | None = None  # a bare trigger of any metric ("kết nạp mới:")


@lru_cache(maxsize=4)
def load_catalogue(path: Path = CATALOGUE) -> Catalogue:
    """Reads and compiles metrics.toml."""
    with open(path, "rb") as fh:
        data = tomllib.load(fh)
    specs = []
    all_triggers: list[str] = []
    all_classifiers: list[str] = []
    all_bare: list[str] = []
    for m in data.get("metric", []):
        classifiers = [c.lower() for c in m.get("classifiers", [])]
        all_classifiers += classifiers
        cls = phrase_regex(classifiers, r"\s*")  # matched right after the number
        assert cls is not None, f"metric {m['id']} has no classifiers"
        all_triggers += m.get("triggers", []) + m.get("triggers_after", []) + m.get("household_patterns", []) + \
            m.get("giver_verbs_after", [])
        verbs = phrase_regex(m.get("giver_verbs_after", []))
        giver_after = re.compile(rf"\s*(?:do|từ)\s+(?P<giver>[^,;.:()\d]{{2,80}}?)\s+(?:đã\s+)?(?:{verbs.pattern})") \
            if verbs is not None else None
        specs.append(MetricSpec(
            id=m["id"], unit=m["unit"], kind=m["kind"], period_preference=m.get("period_preference", "report"),
            classifiers=cls,
            triggers=phrase_regex(m.get("triggers", [])),
            triggers_after=phrase_regex(m.get("triggers_after", []), r"\s*"),
            household=phrase_regex(m.get("household_patterns", [])),
            negatives_before=phrase_regex(m.get("negatives_before", [])),
            negatives_after=phrase_regex(m.get("negatives_after", []), r"\s*"),
            negatives_sentence=phrase_regex(m.get("negatives_sentence", [])),
            triggers_bare=phrase_regex(m.get("triggers_bare", [])),
            giver_after=giver_after, giver_words=phrase_regex(m.get("giver_words", [])),
        ))
        all_bare += m.get("triggers_bare", [])
    before: list[str] = []
    after: list[str] = []
    clause: list[str] = []
    adjacent: list[str] = []
    for look in data.get("lookalike", []):
        {"after": after, "clause": clause, "adjacent": adjacent}.get(look.get("scope", ""), before).extend(
            look.get("phrases", []))
    any_trigger = phrase_regex(all_triggers)
    assert any_trigger is not None
    counters = trie_pattern([*all_classifiers, _HOUSEHOLD_WORD]) + r"(?!\w)"
    # a number without a counting word counts only after a bare trigger, where it ends its clause
    bare_hint = rf"|{trie_pattern(all_bare)}\s*\d" if all_bare else ""
    return Catalogue(tuple(specs), phrase_regex(before), phrase_regex(after, r"\s*"), any_trigger,
                     any_classifier=re.compile(r"\s*" + counters),
                     figure_hint=re.compile(rf"\s(?<=[{LAST_CHARS}]\s)\s*" + counters + bare_hint),
                     lookalike_clause=phrase_regex(clause),
                     lookalike_adjacent=phrase_regex(adjacent, "", r"\s*$"), any_bare=phrase_regex(all_bare))


class Candidate(NamedTuple):
    """A figure found in a sentence: ``start``/``end`` delimit the evidence, ``number`` the value."""

    metric: str
    unit: str
    number: NumberMention
    start: int
    end: int
    target_pct: float | None
    confidence: float
    giver: bool = False  # the body that gave it is named after the figure ("… do Đảng ủy xã X vận động")


_BARE_END = re.compile(r"\s*(?:[,;.)]|$)")
_HOUSEHOLD_WORD = "hộ"  # the counter of the household patterns ("xây nhà cho 17 hộ")
_HOUSEHOLD = re.compile(rf"\s*{_HOUSEHOLD_WORD}(?!\w)")
_TARGET = re.compile(r"[^;.\d]{0,40}?(?:đạt|bằng|vượt)\s+(\d+(?:,\d+)?)\s*%")
_YEARLIKE = re.compile(r"^(?:19|20)\d\d(?:\s*[-–]\s*(?:19|20)\d\d)?$")  # a year, or a term: "2020 - 2025"
_MONEY_WORD = re.compile(r"tỷ|tỉ|triệu|nghìn|ngàn")
# "mỗi" as a word in the sentence before a sum ("mỗi hộ 50 triệu đồng": each, not a total). A search of the
# sentence's slice, written as one of the text: at the sentence's start the word stands whatever is before it.
_EACH = re.compile(r"m(?<!\w.)ỗi(?!\w)")
_EACH_AT = re.compile(r"mỗi(?!\w)")
_MONEY_FIGURE = re.compile(r"\d(?:[\d.,]*\d)?\s*(?:tỷ|tỉ|triệu|nghìn|ngàn)?\s*(?:đồng|vnđ|vnd|đ)(?!\w)")
_BREAKDOWN = re.compile(r"trong đó|trong số|bao gồm|gồm")


def _released(low: str, lo: int, hi: int) -> bool:
    """Whether "mỗi" before ``lo`` governed a sum between it and ``hi`` instead: "mỗi suất 1 triệu đồng, và trao
    1 Mái ấm trị giá 60 triệu đồng" — unless the later sum is part of it ("mỗi căn 80 triệu đồng, trong đó đơn
    vị hỗ trợ 50 triệu đồng")."""
    figures = list(_MONEY_FIGURE.finditer(low, lo, hi))
    return bool(figures) and not _BREAKDOWN.search(low, figures[-1].end(), hi)


_PER_UNIT = re.compile(r"\s*(?:đồng|đ|vnđ|vnd)?\s*/")  # "50.000 đồng/người": a rate


def _in_name(low: str, orig: str | None, hit: re.Match[str], at: int, s_start: int) -> bool:
    """True when a one-word look-alike is capitalised inside a sentence and another capitalised word follows:
    part of a name ("Thành ủy Cần Thơ" is no "cần", a need). Longer ones ("Huy hiệu Đảng") stay look-alikes."""
    return orig is not None and " " not in hit.group() and orig[at].isupper() and at > s_start + 1 and \
        bool(_NAME_NEXT.match(orig, at + len(hit.group()))) and not re.search(r"[,;:.(•+-]\s*$", low[max(s_start, at - 3):at])


def _breakdown(orig: str | None, hit: re.Match[str], offset: int, trig_start: int) -> bool:
    """True for "trong đó" / "trong số" followed by a body before the trigger: a sub-body's own figure ("…, trong
    đó Đảng ủy Khối kết nạp 74 đảng viên"), not a part of the count before it ("trong đó có 12 đảng viên nữ")."""
    return orig is not None and hit.group() in ("trong đó", "trong số") and \
        bool(re.search(r"\s[A-ZĐ]", orig[offset + hit.end():trig_start]))


_NAME_NEXT = re.compile(r" [^\W\d_][^\W\d_A-ZĐ]")  # a space, then a capitalised word (not "XIII", not "4")


def _subclause_start(low: str, lo: int, pos: int) -> int:
    """Start of the comma-delimited part of ``low[lo:pos]`` that contains ``pos``."""
    cut = max(low.rfind(",", lo, pos), low.rfind(":", lo, pos))
    return lo if cut < 0 else cut + 1


def find_candidates(low: str, start: int, end: int, cat: Catalogue | None = None,
                    orig: str | None = None) -> list[Candidate]:
    """Figures of every metric in the sentence ``low[start:end]`` (``low`` in match form).

    >>> [(c.metric, c.number.value) for c in find_candidates("huyện đã kết nạp 45 đảng viên mới.", 0, 34)]
    [('members_admitted', 45.0)]
    """
    cat = cat or load_catalogue()
    if not cat.figure_hint.search(low, start, end) or not cat.any_trigger.search(low, start, end):
        return []
    return candidates_in(low, start, end, cat, orig)


def candidates_in(low: str, start: int, end: int, cat: Catalogue, orig: str | None = None) -> list[Candidate]:
    """:func:`find_candidates` for a sentence known to hold a trigger phrase and a number before a counter
    (what its first two tests ask)."""
    out: list[Candidate] = []
    numbers = find_numbers(low, start, end)
    bare = cat.any_bare is not None and cat.any_bare.search(low, start, end) is not None
    for i, num in enumerate(numbers):
        if not cat.any_classifier.match(low, num.end, end) and not (bare and _BARE_END.match(low, num.end, end)):
            continue  # no metric counts it
        clause_lo = max(low.rfind(";", start, num.start) + 1, start)
        opened = low.rfind("(", clause_lo, num.start)
        if opened >= 0 and low.rfind(")", opened, num.start) < 0:
            clause_lo = opened + 1  # a number in brackets only counts with a trigger of its own
        prev_end = max((n.end for n in numbers[:i] if n.end <= num.start and n.start >= clause_lo
                        and not _YEARLIKE.match(n.raw)), default=clause_lo)
        for spec in cat.metrics:
            cand = _match(low, start, end, num, clause_lo, prev_end, spec, cat, orig)
            if cand is not None:
                out.append(cand)
                break
    return out


def _match(low: str, s_start: int, s_end: int, num: NumberMention, clause_lo: int, prev_end: int,
           spec: MetricSpec, cat: Catalogue, orig: str | None = None) -> Candidate | None:
    cls = spec.classifiers.match(low, num.end, s_end)
    household = None
    if spec.household is not None:
        household = _HOUSEHOLD.match(low, num.end, s_end)
    bare = None
    if cls is None and household is None and spec.triggers_bare is not None and _BARE_END.match(low, num.end, s_end) \
            and not _YEARLIKE.match(num.raw):
        bare = next((b for b in spec.triggers_bare.finditer(low, max(s_start, num.start - 60), num.start)
                     if not low[b.end():num.start].strip()), None)  # "kết nạp mới: 14"
    if cls is None and household is None and bare is None:
        return None
    if spec.unit == "VND" and (cls is None or not (_MONEY_WORD.search(num.raw) or num.value >= 1000)):
        return None
    if spec.unit != "VND" and (num.value != int(num.value) or _MONEY_WORD.search(num.raw)):
        return None
    after_cls = cls.end() if cls is not None else num.end
    trig_start = None
    if cls is not None and spec.triggers is not None:
        pos = prev_end
        while (t := spec.triggers.search(low, pos, num.start)) is not None:
            pos = t.start() + 1
            if orig is not None and orig[t.start()].isupper() and t.start() > s_start + 1 and \
                    not re.search(r"[,;:.(•+-]\s*$", low[max(s_start, t.start() - 3):t.start()]):
                continue  # inside a name: "Ngân hàng Nông nghiệp và Phát triển nông thôn"
            trig_start = t.start()
    if household is not None and (cls is None or trig_start is None):
        seg = low[max(prev_end, num.start - 40):num.start]
        hm = list(spec.household.finditer(seg)) if spec.household else []
        if not hm or seg[hm[-1].end():].strip():
            if cls is None:
                return None
        else:
            trig_start = max(prev_end, num.start - 40) + hm[-1].start()
            after_cls = household.end()
    if trig_start is None and spec.triggers_after is not None:
        ta = spec.triggers_after.match(low, after_cls, s_end)
        if ta is None and orig is not None and orig[after_cls:after_cls + 2].strip()[:1].isupper():
            # after a title in apposition: "7 đồng chí Ủy viên Ban Thường vụ Đảng ủy VPCP thuộc diện lấy phiếu"
            ta = next((a for a in spec.triggers_after.finditer(low, after_cls, min(s_end, after_cls + 60))
                       if not re.search(r"[,;:.\d]", low[after_cls:a.start()])), None)
        if ta is not None:
            trig_start = num.start
            after_cls = ta.end()
    giver_end = None
    if trig_start is None and cls is not None and spec.giver_after is not None and spec.giver_words is not None:
        given = spec.giver_after.match(low, cls.end(), s_end)
        if given is not None and spec.giver_words.search(given.group("giver")):
            trig_start = num.start  # a Party body gave it; a firm or a donor named there is not one
            giver_end = given.end()  # the evidence runs to the giver's verb
    if trig_start is None and bare is not None:
        trig_start = bare.start()
    if trig_start is None:
        return None
    sub_lo = max(min(_subclause_start(low, clause_lo, trig_start), trig_start), min(prev_end, trig_start))
    window = low[sub_lo:num.start]
    for neg in (spec.negatives_before, cat.lookalike_before):
        if neg is not None and any(not _in_name(low, orig, h, sub_lo + h.start(), s_start)
                                   and not _breakdown(orig, h, sub_lo, trig_start) for h in neg.finditer(window)):
            return None
    tail = low[after_cls if household is not None and cls is None else (cls.end() if cls else num.end):
               min(s_end, after_cls + 30)]
    if cat.lookalike_adjacent is not None and cat.lookalike_adjacent.search(low, max(s_start, num.start - 20), num.start):
        return None  # "lần thứ 15", "khóa 12": an ordinal, not a count
    if cat.lookalike_clause is not None:  # a plan governs every figure of its clause part: "phấn đấu kết nạp 150 …
        part = _subclause_start(low, clause_lo, num.start)  # … và xây mới 20 ngôi nhà"
        if cat.lookalike_clause.match(low, s_start):
            part = s_start  # and of its sentence when it opens it: "Dự kiến quý IV, Huyện ủy kết nạp thêm 20 …"
        if any(not _in_name(low, orig, h, part + h.start(), s_start)
               for h in cat.lookalike_clause.finditer(low[part:num.start])):
            return None
    for neg in (spec.negatives_after, cat.lookalike_after):
        if neg is not None and neg.match(tail):
            return None
    if spec.negatives_sentence is not None and spec.negatives_sentence.search(low, s_start, s_end):
        return None
    if spec.unit == "VND":
        per = _EACH_AT.match(low, s_start, num.start) or _EACH.search(low, s_start, num.start)
        if per and "tổng" not in low[max(per.end(), prev_end):num.start] \
                and not _released(low, per.end(), num.start):  # "…, tổng cộng 100 triệu"
            return None
        if _PER_UNIT.match(low, num.end, s_end):
            return None
    target = _TARGET.match(low, after_cls, s_end)
    pct = float(target.group(1).replace(",", ".")) if target else None
    conf = 0.9 if num.start - trig_start < 40 else 0.75
    ev_end = cls.end() if cls is not None else after_cls
    if household is not None and cls is None:
        ev_end = household.end()
    if giver_end is not None:
        ev_end = giver_end
    return Candidate(spec.id, spec.unit, num, trig_start, ev_end, pct, conf, giver_end is not None)
