"""The titles a plan names (《…》), each with its evidence span and whether the plan says it carries
that document out (贯彻落实《…》, 根据《…》, 按照《…》部署) or only cites it. The store resolves them to
CITES / IMPLEMENTS links to the plans of those titles, whichever is loaded first.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from plankg.loaders.plan_facts import title_key

_QUOTED_RE = re.compile(r"《([^《》\n]{2,100})》")
_IMPLEMENTS_BEFORE_RE = re.compile(
    r"(?:贯彻落实|贯彻|落实|根据|依据|按照|遵照|为实施|实施)[^。；;，,《》\n]{0,12}$"
)
_BACK_REFERENCES = {
    "规划",
    "方案",
    "意见",
    "纲要",
    "计划",
    "通知",
    "办法",
    "决定",
    "汇报",
    "报告",
    "总体规划",
    "实施方案",
    "实施意见",
    "行动计划",
    "指导意见",
    "细则",
    "条例",
    "规定",
}
_IMPLEMENTS_WINDOW = 16

CITES = "cites"
IMPLEMENTS = "implements"


@dataclass(frozen=True)
class CitedTitle:
    title: str  # as written between 《》
    key: str  # title_key(title)
    kind: str  # cites or implements
    span: tuple[int, int]  # the 《…》 and, for implements, the verb before it


def cited_titles(text: str, own_title_key: str) -> list[CitedTitle]:
    """One entry per distinct (title, kind), at its first place; the plan's own title and generic
    back-references (《规划》, 《方案》) are left out."""
    found: dict[tuple[str, str], CitedTitle] = {}
    for match in _QUOTED_RE.finditer(text):
        title = match.group(1).strip()
        key = title_key(title)
        if len(key) < 4 or key in _BACK_REFERENCES or key == own_title_key:
            continue
        before = text[max(0, match.start() - _IMPLEMENTS_WINDOW) : match.start()]
        verb = _IMPLEMENTS_BEFORE_RE.search(before)
        kind = IMPLEMENTS if verb else CITES
        start = match.start() - (len(before) - verb.start()) if verb else match.start()
        found.setdefault((key, kind), CitedTitle(title, key, kind, (start, match.end())))
    return list(found.values())
