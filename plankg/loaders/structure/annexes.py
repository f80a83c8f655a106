"""Annexes that explain indicators (附件 三级公立医院绩效考核指标: 指标说明, 计算方法：…, 指标来源：…) or
lay down technical requirements (附件2 白玉兰栽植和养护技术要求: 苗木要求, 栽植要求 …).

An annex defining how each indicator is computed and where its data come from sets no goal, task or
target: its numbered indicator names are not tasks and its formulas (…×100%) are not values. Nor does a
technical standard: its numbered requirements (栽植穴底面距离地下水位≥50 cm) are how work is done, not
measures or targets of the plan. Such an annex runs from its marker line (附件, 附件2, 附：), or from a line
repeating a title the cover notice lists after 附件：, to the next marker or the end of the text; it is
one when at least three of its paragraphs open with a definition label, or when its title (the line after
the marker, or that repeated title) names technical requirements. Its paragraphs get form "annex".
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from plankg.loaders.structure.paragraphs import Paragraph

# A line that opens an annex: 附件, 附件2, 附件：, 附：, 附表1 (an annex title may follow on the same line).
_ANNEX_MARKER_RE = re.compile(r"^附(?:件|表)?\s*[\d一二三四五六七八九十]*\s*[：:]?\s*$")
# A line that opens an annex, with its title or alone (附件：…重点任务分解表, 附件2, 附表1 …); not a cover
# notice's list of annexes (附件：1.…), which stands before the text it lists
ANNEX_OPENING_RE = re.compile(
    r"^附(?:件|表)\s*[\d一二三四五六七八九十]*\s*(?:[：:]\s*(?!\d{1,2}\s*[.．、])|$)"
    r"|^附(?:件|表)\s*[\d一二三四五六七八九十]+\s+\S"
)
_DEFINITION_RE = re.compile(
    r"^(?:\d{1,3}\s*[.．、]\s*)?(?:计算方法|计算公式|指标来源|数据来源|指标解释|指标定义|指标说明|指标含义|统计口径|"
    r"评价方法|考核方法|评分标准)\s*[：:]"
)
_MIN_DEFINITIONS = 3
# the title of a technical annex: 白玉兰栽植和养护技术要求, 建设技术导则, 操作规程, 评分细则表(试行)
_TECHNICAL_TITLE_RE = re.compile(
    r"(?:技术要求|技术规范|技术导则|技术标准|技术指南|技术规程|操作规程|操作指南|评分细则|评分标准|验收标准|建设标准)"
    r"表?\s*(?:[（(](?:试行|暂行)[）)])?$"
)
# A cover notice's list of its annexes (附件：1.…实施方案 / 2.…考核评分细则表(试行)): a later line repeating
# a listed title opens that annex even with no 附件 marker above it.
_ANNEX_LIST_RE = re.compile(r"^(?:附件\s*[：:]\s*)?(?:\d{1,2}\s*[.．、]\s*)(.{4,60})$")
_ANNEX_LIST_HEAD_RE = re.compile(r"^附件\s*[：:]")


def _listed_annexes(paragraphs: list[Paragraph]) -> tuple[set[str], int, int]:
    """The titles a cover notice lists after 附件：, and the indices of the list's first paragraph (its 附件：
    line) and of the paragraph after it."""
    for i, par in enumerate(paragraphs):
        if _ANNEX_LIST_HEAD_RE.match(par.text.strip()):
            # (附件： alone on its line, the numbered titles on the lines after it)
            titles, j = set(), i + 1 if _ANNEX_MARKER_RE.match(par.text) else i
            while j < len(paragraphs) and (listed := _ANNEX_LIST_RE.match(paragraphs[j].text.strip())):
                titles.add(listed.group(1).strip())
                j += 1
            return titles, i, j
    return set(), 0, 0


def mark_definition_annexes(paragraphs: list[Paragraph]) -> None:
    """Give form "annex" to the paragraphs of every annex that defines indicators or sets technical
    requirements (module docstring)."""
    titles, list_start, after_list = _listed_annexes(paragraphs)
    if titles:  # the list names the annexes; its lines are neither measures nor targets
        for par in paragraphs[list_start:after_list]:
            par.form = "annex"
    markers = [
        i
        for i, par in enumerate(paragraphs)
        if _ANNEX_MARKER_RE.match(par.text) or (i >= after_list and par.text.strip() in titles)
    ]
    for at, start in enumerate(markers):
        end = markers[at + 1] if at + 1 < len(markers) else len(paragraphs)
        block = paragraphs[start:end]
        titled = not _ANNEX_MARKER_RE.match(block[0].text)  # the listed title is the block's first line
        title = block[0].text.strip() if titled else block[1].text.strip() if len(block) > 1 else ""
        technical = _TECHNICAL_TITLE_RE.search(title) is not None and len(title) <= 40
        if technical or sum(1 for par in block if _DEFINITION_RE.match(par.text)) >= _MIN_DEFINITIONS:
            for par in block:
                par.form = "annex"
