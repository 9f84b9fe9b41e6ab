"""Generated news-style articles with their true figures (`partybuild sample --docs N --out DIR`).

Each article is plain text with the furniture of a news page (menu, dateline, byline, captions, related
links), one to four figures and several look-alike numbers that are not figures. `truth.jsonl` lists every
figure with its evidence, an exact substring of the article. Article i depends only on (seed, i).
"""

from __future__ import annotations

import calendar
import json
import random
import re
from dataclasses import asdict, dataclass
from datetime import date, timedelta
from pathlib import Path

from etl.sample import distractors, prose
from etl.sample.catalogue import LAST_DAY, SampleBody, children, pick
from etl.sample.numbers import count_text, dateline, day_month, money, qualifier, random_day
from etl.sample.phrases import (
    AUTHORS,
    CAPTIONS,
    FILLERS,
    MENUS,
    NATIONAL_OUTLETS,
    OFFICIAL_NAMES,
    OFFICIAL_TITLES,
    PROVINCES,
    RELATED_HEADLINES,
    SAMPLE_MARK,
)

METRICS = ("members_admitted", "funds_donated", "houses_built", "confidence_vote_subjects")
_OUTLETS = {name: (outlet, prefix) for name, _city, outlet, prefix in PROVINCES}
_DOT_DATES = {"BHG -", "BTNO -"}
_DAY_MONTH = re.compile(r"\b(\d{1,2})[/-](\d{1,2})\b")


@dataclass(frozen=True)
class Truth:
    doc: str
    metric: str
    value: int
    qualifier: str
    body: str
    province: str | None
    period_start: str
    period_end: str
    evidence: str


@dataclass(frozen=True)
class Period:
    start: date
    end: date
    phrase: str          # "6 tháng đầu năm 2018"


def _month_end(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


def choose_period(rng: random.Random, body: SampleBody) -> Period:
    """A reporting period inside the body's lifetime: a year, half, quarter, month or the first nine months."""
    for _ in range(20):
        year = rng.choice(body.years())
        kind = rng.choices(["year", "half", "quarter", "month", "nine"], weights=(40, 18, 16, 10, 16))[0]
        if kind == "year":
            p = Period(date(year, 1, 1), date(year, 12, 31), f"năm {year}")
        elif kind == "half":
            p = Period(date(year, 1, 1), date(year, 6, 30), f"6 tháng đầu năm {year}")
        elif kind == "nine":
            p = Period(date(year, 1, 1), date(year, 9, 30), f"9 tháng đầu năm {year}")
        elif kind == "quarter":
            q = rng.randint(1, 4)
            roman = ["I", "II", "III", "IV"][q - 1]
            label = rng.choice([f"quý {roman}/{year}", f"quý {q}/{year}", f"quý {roman} năm {year}"])
            p = Period(date(year, 3 * q - 2, 1), _month_end(year, 3 * q), label)
        else:
            m = rng.randint(1, 12)
            p = Period(date(year, m, 1), _month_end(year, m), rng.choice([f"tháng {m}/{year}", f"tháng {m} năm {year}"]))
        if body.valid_from <= p.start and p.end <= body.valid_until:
            return p
    y = body.years()[0]
    return Period(date(y, 1, 1), date(y, 3, 31), f"quý I/{y}")


def _published_after(rng: random.Random, end: date) -> date:
    later = end + timedelta(days=rng.randint(2, 40))
    return later if later <= LAST_DAY else end - timedelta(days=rng.randint(5, 20))


def _ref(body: SampleBody, outlet_province: str | None, rng: random.Random) -> str:
    """The first mention of a body; communes carry their district (and province, in a national paper)."""
    if body.level == "grassroots":
        where = body.extra[0] if body.extra else ""
        if outlet_province != body.province:
            where = f"{where}, tỉnh {body.province}" if where else f"tỉnh {body.province}"
        return f"{body.short} ({where})" if rng.random() < 0.5 else f"{body.short}, {where},"
    if body.level == "district" and outlet_province != body.province:
        return f"{body.short} (tỉnh {body.province})"
    return rng.choice([body.short, body.short, body.name])


_VERBS = ("kết", "tiến", "xây", "khánh", "hỗ", "bàn", "trao", "ủng", "vận", "lấy", "nâng", "tổng", "kinh")


def clause(phrase: str) -> str:
    """A figure's phrase made fit to follow "đã": "447 quần chúng … được kết nạp" → "có 447 quần chúng …"."""
    return phrase if phrase.split(" ", 1)[0] in _VERBS else f"có {phrase}"


class _Writer:
    """Collects paragraphs and figures for one article."""

    def __init__(self, rng: random.Random, doc: str) -> None:
        self.rng = rng
        self.doc = doc
        self.paragraphs: list[str] = []
        self.truth: list[Truth] = []

    def figure(self, metric: str, body: SampleBody, start: date, end: date, value: int, qual: str,
               evidence: str) -> str:
        self.truth.append(Truth(self.doc, metric, value, qual, body.name, body.province, start.isoformat(),
                                end.isoformat(), evidence))
        return evidence

    def members(self, body: SampleBody, p: Period, scale: float = 1.0) -> str:
        low, high = {"centre": (150_000, 220_000), "central_bloc": (1_200, 4_000), "province": (600, 5_000),
                     "provincial_bloc": (25, 400), "district": (30, 350), "grassroots": (1, 25)}[body.level]
        frac = (p.end - p.start).days / 365
        value = max(1, int(self.rng.randint(low, high) * min(1.0, max(frac, 0.08)) * scale))
        qual, word = qualifier(self.rng, allow=value >= 20)
        n = count_text(self.rng, value)
        phrase = self.rng.choice([
            f"kết nạp {word}{n} đảng viên mới", f"kết nạp {word}{n} quần chúng ưu tú vào Đảng",
            f"kết nạp được {word}{n} đảng viên", f"{word}{n} quần chúng ưu tú được kết nạp vào Đảng",
            f"kết nạp mới {word}{n} đảng viên",
        ])
        return self.figure("members_admitted", body, p.start, p.end, value, qual, phrase)

    def houses(self, body: SampleBody, start: date, end: date) -> str:
        low, high = {"centre": (200, 900), "central_bloc": (10, 150), "province": (20, 400),
                     "provincial_bloc": (2, 40), "district": (3, 60), "grassroots": (1, 8)}[body.level]
        value = self.rng.randint(low, high)
        qual, word = qualifier(self.rng, allow=value >= 20)
        n = count_text(self.rng, value)
        phrase = self.rng.choice([
            f"xây dựng và bàn giao {word}{n} căn nhà đại đoàn kết",
            f"khánh thành, trao tặng {word}{n} ngôi nhà tình nghĩa",
            f"hỗ trợ xây mới {word}{n} căn nhà cho hộ nghèo",
            f"bàn giao {word}{n} căn nhà tình thương cho các hộ khó khăn về nhà ở",
            f"trao {word}{n} nhà nhân ái cho gia đình chính sách",
        ])
        return self.figure("houses_built", body, start, end, value, qual, phrase)

    def funds(self, body: SampleBody, start: date, end: date, template: str | None = None,
              span: tuple[int, int] | None = None) -> str:
        low, high = span or {"centre": (10_000_000_000, 90_000_000_000), "central_bloc": (500_000_000, 8_000_000_000),
                     "province": (500_000_000, 12_000_000_000), "provincial_bloc": (100_000_000, 3_000_000_000),
                     "district": (100_000_000, 3_000_000_000), "grassroots": (10_000_000, 300_000_000)}[body.level]
        value, text = money(self.rng, low, high)
        qual, word = qualifier(self.rng)
        phrase = template.format(f"{word}{text}") if template else self.rng.choice([
            f"ủng hộ Quỹ Vì người nghèo {word}{text}", f"trao tặng {word}{text} cho các hộ có hoàn cảnh khó khăn",
            f"vận động cán bộ, đảng viên đóng góp {word}{text}", f"hỗ trợ kinh phí {word}{text}",
            f"nâng tổng số tiền ủng hộ lên {word}{text}",
        ])
        return self.figure("funds_donated", body, start, end, value, qual, phrase)

    def votes(self, body: SampleBody, day: date) -> str:
        low, high = {"centre": (150, 200), "central_bloc": (10, 30), "province": (15, 60),
                     "provincial_bloc": (9, 25), "district": (9, 40), "grassroots": (3, 15)}[body.level]
        value = self.rng.randint(low, high)
        n = count_text(self.rng, value)
        phrase = self.rng.choice([
            f"tiến hành lấy phiếu tín nhiệm với {n} đồng chí trong Ban Thường vụ",
            f"{n} đồng chí được lấy phiếu tín nhiệm", f"lấy phiếu tín nhiệm {n} chức danh",
            f"{n} đồng chí thuộc diện lấy phiếu tín nhiệm",
        ])
        return self.figure("confidence_vote_subjects", body, day, day, value, "exact", phrase)


def _review(w: _Writer, body: SampleBody, outlet_province: str | None) -> tuple[str, date, str, str]:
    rng = w.rng
    p = choose_period(rng, body)
    published = _published_after(rng, p.end)
    ref = _ref(body, outlet_province, rng)
    when = p.phrase
    if p.phrase == f"năm {p.start.year}" and published.year == p.start.year + 1 and rng.random() < 0.4:
        when = "năm qua"  # an annual review published early the next year
    lead = f"{rng.choice(['Sáng', 'Chiều', 'Ngày'])} {day_month(rng, published)}, {ref} tổ chức hội nghị sơ kết, tổng kết công tác xây dựng Đảng {when}."
    w.paragraphs.append(lead)
    sentence = rng.choice([f"Trong {when}, toàn Đảng bộ đã {{}}.", f"Theo báo cáo, {when} {body.abbrev} đã {{}}.",
                           f"Tính đến hết {when}, các tổ chức cơ sở đảng đã {{}}."])
    w.paragraphs.append(sentence.format(clause(w.members(body, p))))
    subs = [c for c in children(body) if c.level in ("provincial_bloc", "district")]
    if subs and rng.random() < 0.5:
        parts = []
        for c in rng.sample(subs, min(len(subs), 2)):
            phrase = w.members(c, p, scale=0.25)
            parts.append(f"{c.short} đã {phrase}" if phrase.startswith("kết nạp") else f"tại {c.short} có {phrase}")
        w.paragraphs.append(f"Trong đó, {'; '.join(parts)}.")
    if body.level != "centre" and rng.random() < 0.45:
        w.paragraphs.append(f"Cùng với đó, các cấp ủy đã {w.houses(body, p.start, p.end)} trong {when}.")
    if rng.random() < 0.35:
        w.paragraphs.append(f"Hưởng ứng phong trào thi đua, cán bộ, đảng viên trong {when} đã {w.funds(body, p.start, p.end)}.")
    title = rng.choice([f"{body.short}: Nâng cao chất lượng công tác phát triển đảng viên",
                        f"Nhìn lại {p.phrase}: {body.short} với nhiều dấu ấn trong xây dựng Đảng",
                        f"Kết quả nổi bật trong công tác tổ chức xây dựng Đảng {p.phrase}"])
    return title, published, "members", ref


def _houses_event(w: _Writer, body: SampleBody, outlet_province: str | None) -> tuple[str, date, str, str]:
    rng = w.rng
    day = random_day(rng, body.valid_from, min(body.valid_until, LAST_DAY - timedelta(days=2)))
    ref = _ref(body, outlet_province, rng)
    w.paragraphs.append(f"{rng.choice(['Sáng', 'Chiều'])} {day_month(rng, day)}, {ref} đã {w.houses(body, day, day)}.")
    if rng.random() < 0.6:
        houses = w.truth[-1].value
        evidence = w.funds(body, day, day, rng.choice(["tổng kinh phí xây dựng là {}", "kinh phí hỗ trợ {}"]),
                           span=(houses * 40_000_000, houses * 90_000_000))
        w.paragraphs.append(f"Theo {body.abbrev}, {evidence}, do cán bộ, đảng viên và doanh nghiệp đóng góp.")
    title = rng.choice([f"{body.short} bàn giao nhà cho hộ nghèo", "Trao nhà, trao niềm vui cho gia đình chính sách",
                        f"Niềm vui nhà mới ở {body.province or 'vùng khó khăn'}"])
    return title, day + timedelta(days=rng.randint(0, 1)), "houses", ref


def _vote(w: _Writer, body: SampleBody, outlet_province: str | None) -> tuple[str, date, str, str]:
    rng = w.rng
    day = random_day(rng, body.valid_from, min(body.valid_until, LAST_DAY - timedelta(days=2)))
    ref = _ref(body, outlet_province, rng)
    w.paragraphs.append(f"{rng.choice(['Sáng', 'Chiều'])} {day_month(rng, day)}, Ban Chấp hành {ref} tổ chức hội nghị "
                        f"lấy phiếu tín nhiệm giữa nhiệm kỳ.")
    said = clause(w.votes(body, day))
    w.paragraphs.append(f"Tại hội nghị, {said}." if said.startswith("có ") else f"Tại hội nghị, Ban Chấp hành đã {said}.")
    return f"{body.short} lấy phiếu tín nhiệm giữa nhiệm kỳ", day, "votes", ref


def _donation(w: _Writer, body: SampleBody, outlet_province: str | None) -> tuple[str, date, str, str]:
    rng = w.rng
    day = random_day(rng, body.valid_from, min(body.valid_until, LAST_DAY - timedelta(days=2)))
    ref = _ref(body, outlet_province, rng)
    occasion = {1: "Nhân dịp Tết Nguyên đán", 2: "Nhân dịp Tết Nguyên đán", 7: "Nhân dịp kỷ niệm Ngày Thương binh – Liệt sĩ",
                10: "Hưởng ứng Tháng cao điểm Vì người nghèo", 11: "Hưởng ứng Tháng cao điểm Vì người nghèo"}.get(
                    day.month, "Trong chuyến công tác tại cơ sở")
    w.paragraphs.append(f"{occasion}, ngày {day_month(rng, day)}, đoàn công tác của {ref} đã {w.funds(body, day, day)}.")
    return f"{body.short} thăm, tặng quà gia đình chính sách", day, "funds", ref


def _no_figures(w: _Writer, body: SampleBody, outlet_province: str | None) -> tuple[str, date, str, str]:
    rng = w.rng
    day = random_day(rng, body.valid_from, min(body.valid_until, LAST_DAY - timedelta(days=2)))
    ref = _ref(body, outlet_province, rng)
    w.paragraphs.append(f"Ngày {day_month(rng, day)}, {ref} tổ chức hội nghị quán triệt các văn bản mới của Trung ương.")
    return f"{body.short} quán triệt nghị quyết, chỉ thị mới", day, "none", ref


_KINDS = [(_review, 45), (_houses_event, 20), (_vote, 12), (_donation, 13), (_no_figures, 10)]


LENGTHS = ("short", "full")


def article(seed: int, index: int, length: str = "short") -> tuple[str, str, list[Truth]]:
    """(file name, text, figures) of article `index`: "mau-00042.txt", the article, its true figures.

    ``length="full"`` adds background paragraphs (:mod:`etl.sample.prose`) to the same article, drawn from a
    random stream of their own, so that it has the length of a real one (4–10 KB) and the same figures.
    """
    rng = random.Random(f"partybuild-sample:{seed}:{index}")
    doc = f"mau-{index:05d}.txt"
    kind = rng.choices([k for k, _ in _KINDS], weights=[wt for _, wt in _KINDS])[0]
    body = pick(rng, "province" if kind is _donation and rng.random() < 0.5 else None)
    if kind is _vote and body.level == "centre":
        body = pick(rng, "province")
    national = body.province is None or rng.random() < 0.2
    outlet, prefix = rng.choice(NATIONAL_OUTLETS) if national else _OUTLETS[body.province or ""]
    outlet_province = None if national else body.province
    w = _Writer(rng, doc)
    title, published, topic, _ref_used = kind(w, body, outlet_province)
    author = rng.choice(AUTHORS)
    ctx = distractors.Context(ref=body.short, year=published.year)
    noise = distractors.sentences(rng, topic, ctx, rng.randint(2, 4))
    fillers = rng.sample(FILLERS, rng.randint(1, 3))
    middle = w.paragraphs[1:] + noise + fillers
    rng.shuffle(middle)
    lead = w.paragraphs[0]
    if prefix in _DOT_DATES:  # these papers print "Sáng 19.1"
        lead = _DAY_MONTH.sub(r"\1.\2", lead, count=1)
    official = f"{rng.choice(OFFICIAL_TITLES)} {body.short} {rng.choice(OFFICIAL_NAMES)}"
    if length == "full":
        extra = random.Random(f"partybuild-sample:{seed}:{index}:full")
        for para in prose.paragraphs(extra, ctx, official, extra.randint(4, 10)):
            middle.insert(extra.randint(1, len(middle)), para)
    lines: list[str] = []
    if rng.random() < 0.6:
        lines.append(rng.choice(MENUS))
    if rng.random() < 0.4:
        lines.append(outlet)
    head = [title.upper() if rng.random() < 0.2 else title, dateline(rng, published, author)]
    if rng.random() < 0.3:
        head.reverse()
    lines += [*head, SAMPLE_MARK, "", f"{prefix} {lead}", ""]
    for i, para in enumerate(middle):
        lines += [para, ""]
        if i == 0 and rng.random() < 0.6:
            caption = rng.choice(CAPTIONS).format(short=body.short, official=official)
            lines += [f"{caption} Ảnh: {rng.choice(AUTHORS)}", ""]
    if rng.random() < 0.5:
        lines += [f"Phát biểu tại hội nghị, đồng chí {official} ghi nhận kết quả đạt được.", ""]
    lines.append(rng.choice([author.upper(), author, f"Theo {rng.choice(NATIONAL_OUTLETS)[0]}", f"{author} (TTXVN)"]))
    if rng.random() < 0.6:
        lines += ["", "Tin liên quan:", *(f"- {h}" for h in rng.sample(RELATED_HEADLINES, rng.randint(2, 4)))]
    text = "\n".join(lines) + "\n"
    for t in w.truth:
        assert t.evidence in text, (doc, t.evidence)
    return doc, text, w.truth


def write_articles(n: int, out: Path, seed: int = 0, length: str = "short") -> tuple[int, int]:
    """Write n articles (``length``: "short" or "full", see :func:`article`) and truth.jsonl into out;
    returns (articles, figures)."""
    out.mkdir(parents=True, exist_ok=True)
    figures = 0
    with open(out / "truth.jsonl", "w", encoding="utf-8") as truth:
        for i in range(1, n + 1):
            name, text, facts = article(seed, i, length)
            (out / name).write_text(text, encoding="utf-8")
            for t in facts:
                truth.write(json.dumps(asdict(t), ensure_ascii=False) + "\n")
            figures += len(facts)
    return n, figures
