"""Inside a paragraph: its clauses (split on ；; 。), its inline enumerations (一是…；二是… / 第一，… /
（一）…), and the sentence cues that tell a goal sentence (到2025年，…), a report's lead (《规划》提出，…),
a principle (坚持…) or a guiding-thought sentence (以…为指导) apart."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from plankg.loaders.structure.headings import Kind
from plankg.loaders.structure.numerals import CN_ORD, ordinal_value
from plankg.loaders.structure.punctuation import CLAUSE_END, find_sentence_end, is_cjk, trim

if TYPE_CHECKING:
    from plankg.loaders.structure.paragraphs import Paragraph

_ENUM_RE = re.compile(
    rf"(?:(?<=^)|(?<=[，。；;：:,]))[\s\u3000]*(?:([{CN_ORD}]+)是|第([{CN_ORD}]+)[，,、]|"
    rf"[（(]([{CN_ORD}]+)[）)])"
)
PRINCIPLE_RE = re.compile(r"坚持(?!以习近平|以马克思)")
IDEOLOGY_RE = re.compile(r"为指导|^(?:坚持|全面贯彻|深入贯彻|认真贯彻|高举|牢固树立|以习近平|深入学习)")
TIME_LEAD_RE = re.compile(
    r"^(?:到|至|经过|再用|力争|通过|用)[^，,]{0,16}(?:年|末|时间|期|底)[^，,]{0,4}[，,]"
)
INLINE_KIND_RE: tuple[tuple[Kind, re.Pattern[str]], ...] = (
    ("goal", re.compile("目标")),
    ("direction", re.compile("方向")),
    ("task", re.compile("任务|举措|工程|行动|重点工作")),
)
SUMMARY_ENDINGS = ("任务", "目标", "方向", "原则", "如下", "：", ":", "方面")
REPORTING_LEAD_RE = re.compile(
    r"^(?:答[：:])?(?:《[^》]{1,30}》|[^，,。]{0,8}(?:规划|方案|意见|文件))(?:明确)?(?:提出|指出|明确|要求|强调)"
    r"(?:了)?[，,：:]?"
)
_RESPONSIBLE_RE = re.compile(r"^[（(][^（）()]*(?:负责|牵头|参与|配合)[^（）()]*[）)]$")


def clauses(text: str, start: int, end: int, terminals: str = CLAUSE_END) -> list[tuple[int, int]]:
    """The clauses of text[start:end] (split on ；; 。 by default), without a (…负责) note or a fragment."""
    spans = []
    cursor = start
    while cursor < end:
        stop = find_sentence_end(text, cursor, terminals, end)
        stop = end if stop == -1 else stop
        s, e = trim(text, cursor, stop)
        piece = text[s:e]
        if e - s >= 2 and not _RESPONSIBLE_RE.match(piece) and sum(map(is_cjk, piece)) >= 2:
            spans.append((s, e))
        cursor = stop + 1
    return spans


def enumerations(text: str, par: Paragraph) -> list[tuple[int, int, int]]:
    """Inline 一是…二是… / 第一，…第二，… items of a paragraph: (marker start, content start, end)."""
    start = par.body_start if par.body_start is not None else par.content_start
    segment = text[start : par.end]
    hits = []
    expected = 1
    for match in _ENUM_RE.finditer(segment):
        numeral = match.group(1) or match.group(2) or match.group(3)
        if ordinal_value(numeral) != expected:
            continue
        hits.append((start + match.start(), start + match.end()))
        expected += 1
    if len(hits) < 2:
        return []
    out = []
    for i, (marker_start, content_start) in enumerate(hits):
        end = hits[i + 1][0] if i + 1 < len(hits) else par.end
        out.append((marker_start, content_start, end))
    return out
