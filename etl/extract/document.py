"""One document → its facts: dateline, outlet, periods, bodies and figures put together."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date
from typing import NamedTuple

from etl.extract.bodies import Body, BodyResolver, Mention, find_mentions
from etl.extract.metrics import Candidate, candidates_in, find_candidates, load_catalogue
from etl.extract.periods import EVENT, WEAK, Period, PeriodContext, PeriodScanner, label_for, resolve_period
from etl.extract.registry import REGISTRY
from etl.text.datelines import find_dateline, parse_dateline
from etl.text.normalize import fold, forms, nfc
from etl.text.sentences import Span, paragraphs, split

# A year not inside a number, a date or a range. (The look-behind stands after the first digit so that `re`
# can jump from one 1 or 2 to the next: four times faster than (?<![\d/.,-])((?:19|20)\d\d)….)
_YEAR = re.compile(r"((?:1(?<![\d/.,-].)9|2(?<![\d/.,-].)0)\d\d)(?![\d])(?!\s*[-–]\s*(?:19|20)\d\d)")
_YEAR_IN_RANGE = re.compile(r"(?:19|20)\d\d\s*[-–]\s*$")
_CAPTION = re.compile(r"^\s*(?:ảnh|video|nguồn|tin liên quan|tin, ảnh)\s*:", re.IGNORECASE)
_REPUBLISHED = re.compile(r"(?:^|\n)\s*(?:theo\s+[^\n]{0,60}(?:ttxvn|vietnam\+|vnexpress|báo|nhân dân|vov)|"
                          r"\(?ttxvn(?:/vietnam\+)?\)?\s*$)", re.IGNORECASE | re.MULTILINE)
# The same without its line start, tried only at line starts: (?:^|\n) opens no jump for re, so a search
# tries every position of the tail, while a match from a "\n" is one from the line start after it.
_REPUBLISHED_AT = re.compile(_REPUBLISHED.pattern.removeprefix(r"(?:^|\n)"), re.IGNORECASE | re.MULTILINE)


def _republished(tail: str) -> bool:
    """``bool(_REPUBLISHED.search(tail))``: a line of the tail says where the article comes from."""
    at = 0
    while at >= 0:
        if _REPUBLISHED_AT.match(tail, at):
            return True
        at = tail.find("\n", at)
        at = at + 1 if at >= 0 else -1
    return False
_OUTLET_TAG = re.compile(r"(?:^|\n)\s*\(?([A-ZĐ][A-Za-zĐđ.]{1,11})\)?\s*\.?[-–]")


def _outlet_tags(head: str) -> Iterator[re.Match[str]]:
    """``_OUTLET_TAG.finditer(head)``, trying only where a match can begin (the start and each newline):
    (?:^|\n) opens no jump for re, so finditer tries every position of the head."""
    at = 0
    while 0 <= at <= len(head):
        m = _OUTLET_TAG.match(head, at)
        if m is not None:
            yield m
            at = m.end()
        else:
            at += 1
        at = head.find("\n", at) if at > 0 else at  # ^ stands only at 0 here (no MULTILINE)

_NAMED_TAG = re.compile(r"(?:^|\n)\s*\(([^()\n]{4,40})\)\s*[-–]")
# A headline that opens with a province and a colon says whose news it is: "Hà Tĩnh: Năm 2024 kết nạp …"
_HEADLINE_PLACE = re.compile(r"\s*([^\W\d_][^:\n]{1,24}?)\s*:\s")
_DOMAIN = re.compile(r"\b([a-z0-9-]+(?:\.[a-z0-9-]+)*\.(?:vn|com|net|org))\b", re.IGNORECASE)
LEAD_PARAGRAPHS = 3


@dataclass(frozen=True)
class DocumentContext:
    """What a document says about itself: publication date, outlet province, periods, main body."""

    published: date | None
    outlet_province: str | None
    report: Period | None
    event: Period | None
    ctx: PeriodContext


def doc_year(low: str, published: date | None) -> int:
    """The year the document speaks of: the publication year, else the most cited year."""
    if published:
        return published.year
    years = Counter(int(m.group(1)) for m in _YEAR.finditer(low)
                    if not _YEAR_IN_RANGE.search(low, max(0, m.start() - 8), m.start()))
    if not years:
        return date.today().year
    top = max(years.values())
    return max(y for y, n in years.items() if n == top)


def detect_outlet(text: str, outlet: str | None = None) -> tuple[str | None, bool]:
    """(province of the outlet or None, known): from ``outlet`` if given, else a byline tag ("BTNO -",
    "(GLO)-"), an outlet name or a domain in the text. A republished article ("Theo TTXVN") gives None."""
    reg = REGISTRY()
    if outlet:
        key = fold(outlet)
        if key in reg.outlets:
            return reg.outlets[key], True
        prov = reg.province_of(outlet)
        return prov, prov is not None
    if _republished(text[-400:]):
        return None, True
    head = _head(text, 12)
    for m in _outlet_tags(head):
        key = fold(m.group(1).strip("()."))
        if key in reg.outlets:
            return reg.outlets[key], True
    for m in re.finditer(r"\(([A-Za-zĐđ.]{2,15})\)", head):
        key = fold(m.group(1))
        if key in reg.outlets:
            return reg.outlets[key], True
    for m in _NAMED_TAG.finditer(head):  # the outlet's full name as the lead's byline: "(Báo Hà Tĩnh) - Sáng 8/1, …"
        key = fold(m.group(1))
        if key in reg.outlets:
            return reg.outlets[key], True
    for line in head.split("\n")[:HEADER_PARAGRAPHS]:  # the outlet's name alone on a header line: "Báo Lâm Đồng Online"
        key = fold(line)
        if key in reg.outlets:
            return reg.outlets[key], True
    if _TLD.search(text):  # the domain regex is slow to fail over a whole article; this one is not
        for m in _DOMAIN.finditer(text):
            key = fold(m.group(1)).removeprefix("www.")
            if key in reg.outlets:
                return reg.outlets[key], True
    tail = fold(text[-300:])
    if "bao " in tail:
        for key, prov in reg.outlets.items():
            if key.startswith("bao ") and key in tail:
                return prov, True
    last = tail.rstrip().rsplit("\n", 1)[-1].strip()  # an outlet's name alone on the last line: "Kinh tế & Đô thị"
    if last in reg.outlets:
        return reg.outlets[last], True
    return None, False


def _head(text: str, lines: int) -> str:
    """``"\\n".join(text.split("\\n")[:lines])`` without splitting the whole text."""
    if lines <= 0:
        return ""
    end = -1
    for _ in range(lines):
        end = text.find("\n", end + 1)
        if end < 0:
            return text
    return text[:end]


_TLD = re.compile(r"\.(?:vn|com|net|org)\b", re.IGNORECASE)


def _is_caption(p: Span) -> bool:
    return bool(_CAPTION.match(p.text))


def _lead(paras: list[Span], title: Span) -> list[Span]:
    body = [p for p in paras[title.para + 1:] if len(p.text) > 80 and not _is_caption(p)]
    return body[:LEAD_PARAGRAPHS]


# Page furniture printed above a headline: a menu or breadcrumb ("Trang chủ | Thời sự | Xây dựng Đảng",
# "TRANG CHỦ  CHÍNH TRỊ  XÃ HỘI"), the outlet's name, a dateline ("Thứ Hai, 13/10/2025 15:42", "Ngọc Lan
# 04/11/2022 07:46"), a note in square brackets; and under one of those, a section's name ("Xây dựng Đảng").
_MENU_START = re.compile(r"(?:trang chủ|home)\b", re.IGNORECASE)
_MENU_MARK = re.compile(r"\s[|>»›]\s|\S {2,}(?=\S)")
_WORD = re.compile(r"[^\W\d_]+")
HEADER_PARAGRAPHS = 6
SECTION_WORDS = 3
DATELINE_WORDS = 6


def _furniture(line: str) -> bool:
    if (line.startswith("[") and line.endswith("]")) or _MENU_START.match(line):
        return True
    if len(_MENU_MARK.findall(line)) >= 2 or fold(line) in REGISTRY().outlets:
        return True
    return parse_dateline(line) is not None and len(_WORD.findall(line)) <= DATELINE_WORDS


def _title(paras: list[Span]) -> Span:
    """The headline: the first paragraph that is not page furniture (:func:`_furniture`), else the first."""
    after_furniture = False
    for p in paras[:HEADER_PARAGRAPHS]:
        if _furniture(p.text):
            after_furniture = True
        elif after_furniture and len(p.text.split()) <= SECTION_WORDS and not any(c.isdigit() for c in p.text):
            after_furniture = False  # a section's name under the menu or the outlet's name
        else:
            return p
    return paras[0]


class _PeriodFinder:
    """find_periods over one document, remembered: the title, the lead and the whole text are asked for
    several times (event period, report period, every sentence), often with the same context. A stretch is
    scanned once whatever the context, and an expression is resolved only when asked for."""

    def __init__(self, low: str) -> None:
        self.low = low
        self.scanner = PeriodScanner(low)
        self.scans: dict[tuple[int, int | None], list[re.Match[str]]] = {}
        self.resolved: dict[tuple[PeriodContext, int, int, str | None], Period | None] = {}

    def _scan(self, start: int, end: int | None) -> list[re.Match[str]]:
        key = (start, end)
        if key not in self.scans:
            self.scans[key] = self.scanner.scan(start, end)
        return self.scans[key]

    def _resolve(self, ctx: PeriodContext, m: re.Match[str]) -> Period | None:
        key = (ctx, m.start(), m.end(), m.lastgroup)
        if key not in self.resolved:
            self.resolved[key] = resolve_period(m, self.low, ctx)
        return self.resolved[key]

    def __call__(self, ctx: PeriodContext, start: int = 0, end: int | None = None) -> Iterator[Period]:
        """``find_periods(low, ctx, start, end)``, resolved as they are taken (callers want the first that
        fits)."""
        for m in self._scan(start, end):
            if (p := self._resolve(ctx, m)) is not None:
                yield p

    def within(self, ctx: PeriodContext, lo: int, hi: int) -> list[Period]:
        """The periods of the whole text (``self(ctx)``) that lie inside ``lo:hi``."""
        return [p for m in self.scanner.within(lo, hi) if (p := self._resolve(ctx, m)) is not None]

    def first(self, ctx: PeriodContext, wanted: Callable[[Period], bool]) -> Period | None:
        """The first period of the whole text (``self(ctx)``) that is ``wanted``."""
        for m in self.scanner.whole():
            p = self._resolve(ctx, m)
            if p is not None and wanted(p):
                return p
        return None


def _report_period(title: Span | None, lead: list[Span], periods: _PeriodFinder, ctx: PeriodContext) -> Period | None:
    def usable(p: Period) -> bool:
        return (p.kind not in (EVENT, WEAK) or _past_year(p)) and "cuối" not in p.label
    spans = ([title] if title else []) + lead[:2]
    for span in spans:
        found = list(periods(ctx, span.start, span.end))
        for p in found:
            if usable(p):
                return p
        if span is not title and any(p.kind == EVENT for p in found):
            if _REVIEW.search(span.text.lower()):
                # a review conference whose lead names no period ("tổ chức hội nghị tổng kết công tác xây
                # dựng Đảng"): what it reviews is the first year or part of a year the article gives
                return periods.first(ctx, lambda p: usable(p) and (p.last - p.first).days < 732)
            # a lead that opens on the day of a handover or a visit: a year in the next paragraph is that
            # paragraph's background ("Năm 2023, toàn huyện đã …"), not what the article reports
            break
    if not _FIRST_PART.search(periods.low):  # what such a period says; most documents never say it
        return None
    return periods.first(ctx, lambda p: p.kind == "part" and "đầu" in p.label)


_FIRST_PART = re.compile(r"(?:tháng|nửa)\s+đầu\s+năm")
_REVIEW = re.compile(r"tổng kết|sơ kết")


def _event_period(title: Span | None, lead: list[Span], periods: _PeriodFinder, ctx: PeriodContext) -> Period | None:
    for span in ([title] if title else []) + lead:
        for p in periods(ctx, span.start, span.end):
            if p.kind == EVENT:
                return p
    return None


def _home_province(mentions: list[Mention], outlet_prov: str | None, lead_end: int) -> str | None:
    for i, m in enumerate(mentions):
        if m.kind == "paren" and m.name and m.start < lead_end and not _locates_recipient(mentions, i):
            return m.name
    if outlet_prov:
        return outlet_prov
    for m in mentions:
        if m.start < lead_end and m.kind in ("party", "delegation") and m.province and not m.weak:
            return m.province
    for m in mentions:
        if m.kind == "paren" and m.name:
            return m.name
    for m in mentions:  # last: a province the lead names ("… của tỉnh Quảng Nam"), when nothing else tells
        if m.start < lead_end and m.kind == "place" and m.unit == "province":
            return m.province
    return None


def _headline_province(title: str) -> str | None:
    """The province a headline opens with ("Hà Tĩnh: …", "TP.HCM: …"), or None."""
    m = _HEADLINE_PLACE.match(title)
    return REGISTRY().province_of(m.group(1)) if m else None


def _locates_recipient(mentions: list[Mention], i: int) -> bool:
    """True when the bracket ``mentions[i]`` follows a place that receives ("… cho hộ nghèo huyện Mường Chà (tỉnh
    Điện Biên)"): it says where the recipient is, not where the document's bodies are."""
    prev = mentions[i - 1] if i else None
    return prev is not None and prev.kind == "place" and prev.weak and mentions[i].start - prev.end <= 2


class Found(NamedTuple):
    """A figure with its attribution, before it becomes a public ExtractedFact (a tuple: a document makes one
    per figure, and a frozen dataclass costs several times more to make)."""

    cand: Candidate
    body: Body
    period: Period
    sentence: Span
    in_title: bool


def analyse(text: str, *, published: date | None = None, outlet: str | None = None,
            title: str | None = None) -> list[Found]:
    """The figures of a document with their bodies and periods (see :func:`etl.extract.extract_document`)."""
    doc = nfc(text)
    low, uni = forms(doc)
    paras = paragraphs(doc)
    if not paras:
        return []
    cat = load_catalogue()
    title_span = _title(paras)
    if title:
        pos = doc.find(nfc(title).strip())
        if pos >= 0:
            title_span = Span(pos, pos + len(nfc(title).strip()), nfc(title).strip(), 0)
    # The figures first: a document without any (most of a real crawl) needs no dates, bodies or outlet.
    # Only paragraphs with a trigger phrase are split into sentences; the look-back for a figure's body and
    # period stays within its paragraph, so the others are never needed.
    figures: list[tuple[list[Span], Span, bool, list[Candidate]]] = []
    for p in paras:
        if not cat.figure_hint.search(low, p.start, p.end) or not cat.any_trigger.search(low, p.start, p.end) or (
                _is_caption(p) and p.para != title_span.para):
            continue
        in_para = split(p)
        for k, s in enumerate(in_para):
            # a sentence that is its paragraph has passed find_candidates' first tests already
            whole = s.start == p.start and s.end == p.end
            cands = (candidates_in if whole else find_candidates)(low, s.start, s.end, cat, uni)
            if cands:
                figures.append((in_para[:k], s, s.start >= title_span.start and s.end <= title_span.end, cands))
    if not figures:
        return []
    lead = _lead(paras, title_span)
    dateline = find_dateline(doc)
    year = doc_year(low, published or (dateline.date if dateline else None))
    pub = published or (dateline.date if dateline else None)
    ctx = PeriodContext(pub, year)
    periods = _PeriodFinder(low)
    event = _event_period(title_span, lead, periods, ctx)
    if pub is None and event is not None:
        pub = event.first
        ctx = PeriodContext(pub, year)
    report = _report_period(title_span, lead, periods, ctx)
    outlet_prov, _known = detect_outlet(doc, outlet)
    mentions = find_mentions(uni, low)
    lead_end = lead[-1].end if lead else title_span.end
    home = _home_province(mentions, outlet_prov or _headline_province(title_span.text), lead_end)
    resolver = BodyResolver(mentions, home, pub)
    main = resolver.main = _main_body(resolver, mentions, title_span, lead)

    def periods_in(lo: int, hi: int) -> list[Period]:
        return periods.within(ctx, lo, hi)  # the document is scanned once; sentences take their slice

    found: list[Found] = []
    for before, s, in_title, cands in figures:
        for cand in cands:
            spec = next(m for m in cat.metrics if m.id == cand.metric)
            if in_title and spec.negatives_sentence is not None and spec.negatives_sentence.search(low):
                continue  # a title figure the article itself qualifies away (a state vote, …)
            period = _period_for(cand, s, before, periods_in, report, event, spec.period_preference, pub, year)
            body = _body_for(resolver, mentions, cand, s, before, main, period.last)
            if body is None:
                continue
            found.append(Found(cand, body, period, s, in_title))
    return _dedupe(found)


def _main_body(resolver: BodyResolver, mentions: list[Mention], title: Span, lead: list[Span]) -> Body | None:
    zones = [(title.start, title.end)] + [(p.start, p.end) for p in lead]
    for weak_ok in (False, True):
        for lo, hi in zones:
            for m in mentions:
                if lo <= m.start < hi and m.kind in ("party", "place", "delegation", "anaphor") and (weak_ok or not m.weak):
                    body = resolver.resolve(m, m.start, hi)
                    if body is not None:
                        return body
    for m in mentions:
        if m.kind in ("party", "place", "delegation") and not m.weak:
            return resolver.body(m)
    return None


def _body_for(resolver: BodyResolver, mentions: list[Mention], cand: Candidate, s: Span, before: list[Span],
              main: Body | None, when: date) -> Body | None:
    pos = cand.number.start
    if cand.giver:  # "3 tỷ đồng do Ban Thường vụ Đảng ủy xã X vận động": the giver's body, when it is one
        for m in mentions:
            if cand.number.end <= m.start < cand.end and m.kind in ("party", "anaphor") and not m.weak:
                body = resolver.resolve(m, m.start, s.end, when)
                if body is not None:
                    return body
    in_sentence = [m for m in mentions if s.start <= m.start < pos and m.kind not in ("paren",) and not m.weak]
    for m in reversed(in_sentence):
        if m.kind == "state":
            return None
        body = resolver.resolve(m, m.start, s.end, when)
        if body is not None:
            return body
    for prev in reversed([p for p in before if p.para == s.para]):
        cands = [m for m in mentions if prev.start <= m.start < prev.end and m.kind != "paren" and not m.weak]
        for m in reversed(cands):
            if m.kind == "state":
                return None
            body = resolver.resolve(m, m.start, prev.end, when)
            if body is not None:
                return body
    return main


def _usable(found: list[Period]) -> list[Period]:
    """The periods a figure can take: those other than weak ones, else the past years (:func:`_past_year`)."""
    return [p for p in found if p.kind != WEAK] or [p for p in found if _past_year(p)]


def _period_for(cand: Candidate, s: Span, before: list[Span], periods_in: Callable[[int, int], list[Period]],
                report: Period | None, event: Period | None, preference: str, pub: date | None, year: int) -> Period:
    """The period of a figure: the nearest before it in its sentence (weak ones aside), else the last of the
    nearest sentence before it in its paragraph that has one, else the document's event or report period."""
    own = _usable(periods_in(s.start, s.end))
    ahead = [p for p in own if p.end <= cand.number.start]
    if ahead:  # the nearest before the figure ("Tại hội nghị ngày 19/11, … đến hết ngày 15/11, … kết nạp 7.512"),
        near = ahead[-1]  # or an earlier one inside it ("Ngày 19/5/2022, … Tháng Công nhân năm 2022, … kết nạp")
        return next((p for p in ahead if p is not near and near.first <= p.first and p.last <= near.last), near)
    if own:
        return own[0]
    for prev in reversed([p for p in before if p.para == s.para]):
        got = _usable(periods_in(prev.start, prev.end))
        if got:
            return got[-1]
    order = (event, report) if preference == "event" else (report, event)
    if _OCCASION.match(s.text):
        order = (event, report)  # "Dịp này, Huyện ủy trao …": the occasion the article reports, not its year
    for p in order:
        if p is not None:
            return p
    if pub:
        return Period(pub, pub, label_for(pub, pub), EVENT)
    return Period(date(year, 1, 1), date(year, 12, 31), f"năm {year}", "year")


_OCCASION = re.compile(r"(?:nhân |cũng |ngay )?(?:dịp này|cùng dịp|cùng ngày|tại buổi lễ|tại lễ|tại buổi)\b",
                       re.IGNORECASE)


def _past_year(p: Period) -> bool:
    """ "năm qua", "năm trước", "năm ngoái": a weak period, but the figure's own when nothing stronger is near
    (an annual review in January: "Năm qua, … kết nạp 2.316 đảng viên"). "năm nay" stays weak."""
    return p.kind == WEAK and "nay" not in p.label


def _dedupe(found: list[Found]) -> list[Found]:
    """A figure repeated in one document is one fact; the mention outside the title wins."""
    kept: list[Found] = []
    for f in found:
        twin = next((k for k in kept if (k.cand.metric, k.cand.number.value) == (f.cand.metric, f.cand.number.value)
                     and k.sentence != f.sentence), None)  # in one sentence, equal values are distinct gifts
        if twin is None:
            kept.append(f)
        elif twin.in_title and not f.in_title:
            kept[kept.index(twin)] = f
    # a headline rounds the figure the text gives: "gần 900 đảng viên" over "kết nạp 893 đảng viên"
    return [k for k in kept if not (k.in_title and k.cand.number.qualifier != "exact" and any(
        o is not k and not o.in_title and o.cand.metric == k.cand.metric
        and abs(o.cand.number.value - k.cand.number.value) <= 0.1 * k.cand.number.value for o in kept))]
