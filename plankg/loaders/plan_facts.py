"""Plan metadata that makes plans comparable: 文号, issue date, topic, edition rank, the keys that
join a plan to the citations naming it (title_key) and to the other editions of its series
(series_key). Title, region, period, issuer and edition come from metadata.py; this reads the rest.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from plankg.loaders.metadata import EDITION_PERIODS
from plankg.loaders.regions import Division, leading_division

_EDITION_NUMERALS = {"一": 1, "二": 2, "三": 3, "四": 4, "五": 5}
_EDITION_RE = re.compile(r"十([一二三四五])五")
# 国发〔2019〕4号, 国办发〔2018〕121号, 鲁政发[2021]5号, 青政办字（2016）88号
_DOC_NUMBER_RE = re.compile(
    r"[\u4e00-\u9fff]{1,12}[〔\[［(（【]\s*(\d{4})\s*[〕\]］)）】]\s*第?\s*(\d{1,4})\s*号"
)
_DATE_LINE_RE = re.compile(r"^\s*(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日\s*$", re.M)
_DATE_RE = re.compile(r"(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日")
_PERIOD_PAREN_RE = re.compile(r"[（(]\s*\d{4}\s*[-—–~～至到]+\s*\d{4}\s*年?\s*[）)]")
_QUOTES_RE = re.compile(r"[\s“”\"'‘’「」『』《》〈〉·•、，,。.:：;；!！?？]")
_NOTICE_WRAPPER_RE = re.compile(r"^(?:[\u4e00-\u9fff]{0,20}?)关于印发(.+?)的通知$")
_HEAD_SCAN = 3000  # 文号 and date stand at the head of a notice


@dataclass(frozen=True)
class PlanFacts:
    doc_number: str | None
    doc_number_span: tuple[int, int] | None
    issue_date: str | None  # YYYY-MM-DD
    topic: str
    edition_rank: int | None
    title_key: str
    series_key: str | None  # None when neither region nor issuer is known: no series to join


def edition_rank(edition: str | None, period: tuple[int | None, int | None]) -> int | None:
    """十三五 → 13; without an edition, a five-year period that is one (2021-2025 → 14)."""
    if edition:
        match = _EDITION_RE.search(edition)
        if match:
            return 10 + _EDITION_NUMERALS[match.group(1)]
    start, end = period
    if start is not None and end == start + 4 and (start - 1951) % 5 == 0:
        return (start - 1951) // 5 + 1
    return None


def title_key(title: str) -> str:
    """The normalised title a citation and a plan are matched on: no spaces, quotes, punctuation or
    period, and a 关于印发X的通知 wrapper read as X."""
    key = _QUOTES_RE.sub("", _PERIOD_PAREN_RE.sub("", title))
    wrapped = _NOTICE_WRAPPER_RE.match(key)
    return wrapped.group(1) if wrapped else key


def topic_of(title: str) -> str:
    """What a plan is about: the title key without its leading division and edition (青岛市信息化
    “十三五”发展规划（2016-2020年） → 信息化发展规划)."""
    key = _EDITION_RE.sub("", title_key(title))
    while (head := leading_division(key)) is not None:
        key = key[len(head) :]
    if "关于" in key:  # 国务院办公厅关于加快…的指导意见: the issuer goes with 关于
        key = key.split("关于", 1)[1]
    return key or title_key(title)


def doc_number(text: str) -> tuple[str, tuple[int, int]] | None:
    """The document's own 文号 (the first at its head), normalised to 〔YYYY〕N号, with its span."""
    match = _DOC_NUMBER_RE.search(text, 0, _HEAD_SCAN)
    if match is None:
        return None
    prefix = re.split(r"[〔\[［(（【]", match.group(0), maxsplit=1)[0].strip()
    return f"{prefix}〔{match.group(1)}〕{int(match.group(2))}号", match.span()


def issue_date(text: str) -> str | None:
    """The date the document was issued: the first date standing on its own line (the signature of a
    notice, or of an opinion at its end), else the first date at the head."""
    match = _DATE_LINE_RE.search(text) or _DATE_RE.search(text, 0, _HEAD_SCAN)
    if match is None:
        return None
    year, month, day = (int(g) for g in match.groups())
    if not (1 <= month <= 12 and 1 <= day <= 31):
        return None
    return f"{year:04d}-{month:02d}-{day:02d}"


def issue_year(text: str) -> int | None:
    """The year of the document's 文号, else of its issue date; None when it gives neither."""
    number = doc_number(text)
    if number is not None:
        return int(number[0].split("〔")[1][:4])
    date = issue_date(text)
    return int(date[:4]) if date else None


def ended_editions(text: str) -> frozenset[str]:
    """The five-year editions over before the document was issued (十四五 in a 2026 report): what a text
    says of them is a record, not an aim. Empty when the document gives no year of its own."""
    year = issue_year(text)
    if year is None:
        return frozenset()
    return frozenset(edition for edition, (_, last) in EDITION_PERIODS.items() if last < year)


def plan_facts(
    text: str,
    title: str,
    *,
    edition: str | None,
    period: tuple[int | None, int | None],
    division: Division | None,
    issuer: str | None,
) -> PlanFacts:
    number = doc_number(text)
    topic = topic_of(title)
    owner = division.code if division is not None else (issuer or "")
    return PlanFacts(
        doc_number=number[0] if number else None,
        doc_number_span=number[1] if number else None,
        issue_date=issue_date(text),
        topic=topic,
        edition_rank=edition_rank(edition, period),
        title_key=title_key(title),
        series_key=f"{owner}|{topic}" if owner else None,
    )
