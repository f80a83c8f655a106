"""Sections by meaning: what a heading says its section holds, at any level.

A heading that *is* a label (发展目标, 基本原则, 重点任务, 实现五大目标 …) says what its items are;
background, guiding-thought and safeguard headings (发展基础, 指导思想, 保障措施, 组织实施 …) hold no items;
a container (总体要求, 主要内容 …) holds labelled sub-sections; a 解读's question heading
(《规划》的主要目标有哪些？ → goals, 出台的背景是什么？ → none) says what its answer holds. A counted
heading (实现五大目标) also states how many items follow.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Literal

from plankg.loaders.structure.numerals import CN_ORD, ordinal_value
from plankg.loaders.structure.punctuation import COLON_RE, EDGE_PUNCT, QUOTES_SPACES_RE, SPACES_RE

Kind = Literal["goal", "direction", "task"]
Label = Literal["goal", "direction", "task", "skip", "container"]


# Background, guiding-thought and safeguard headings: the heading starts or ends with one of these words
# (发展基础与面临形势, 保障措施, 充分认识…的重要意义); a heading that only mentions one on the way
# (鉴于…面临的形势和…, 进一步做好已出台…的衔接) or in a cited title (《…趋势…》) is work to do.
_SKIP_WORDS = (
    "背景|发展基础|发展环境|现实基础|工作基础|基础与形势|基础和形势|面临形势|形势|趋势|发展现状|现状|回顾|成就|机遇|挑战|"
    # 2024年国民经济和社会发展计划执行情况: how the last plan was carried out, a record
    "执行情况|"
    # “十三五”期间发展成果, 主要成效: what the last period achieved (提升治理成效 is work to do)
    "(?:发展|主要|建设|工作)成果|(?:发展|主要|建设|工作|取得的?)成效|"
    "指导思想|总体思路|指导方针|编制依据|规划依据|保障措施|保障机制|实施保障|组织保障|政策保障|要素保障|"
    "强化保障|保障体系|组织实施|规划实施|实施机制|组织领导|监测评估|评估考核|考核评估|附则|名词解释|"
    "重大意义|重要意义|财政支持|资金支持|起草说明|起草过程|起草情况|出台背景|出台过程|必要性|主要依据|适用范围|"
    "总则|职责分工|部门职责|工作职责|任务分工|管控流程|工作流程|审批流程|管理流程|工作程序"
)
_SKIP_RE = re.compile(f"^(?:{_SKIP_WORDS})|(?:{_SKIP_WORDS})(?:工作)?$")  # 做好改革组织实施工作
_CITATION_RE = re.compile(r"《[^》]*》")
_LABEL_VERBS = (
    "实现|锁定|完成|明确|聚焦|突出|围绕|推进|实施|落实|把握|坚持|确立|提出|部署|抓好|开展|推动|打造|强化"
)
_LABEL_MODIFIERS = (
    "主要|重点|重大|总体|具体|发展|近期|中期|远期|远景|核心|关键|基本|战略|工作|主攻|专项|规划|预期性|约束性|"
    "年度|阶段性|分阶段|量化|主要发展|重点发展|建设|改革|行动|攻坚|提升|优先|试点|预期|整体|治理|监管"
)
LABEL_WORDS = {
    "目标": "goal",
    "目标指标": "goal",  # 关于主要目标指标: the targets and their indicators
    "指标": "goal",
    "愿景": "goal",
    "发展目标": "goal",
    "方向": "direction",
    "原则": "skip",  # principles orient the work but are not directions the document names
    "定位": "skip",
    "路径": "task",
    "任务": "task",
    "工程": "task",
    "行动": "task",
    "举措": "task",
    "措施": "task",
    "工作": "task",
    "领域": "task",
    "重点": "task",
    "项目": "task",
    "计划": "task",
}
_LABEL_RE = re.compile(
    rf"^(?:关于)?(?:{_LABEL_VERBS})?(?:到?\d{{4}}年|“?十[一二三四五]五”?|今年|明年)?(?:[{CN_ORD}\d]+(?:大|个|项|方面|类|条|方面的)?)?"
    rf"(?:{_LABEL_MODIFIERS})*"
    r"(目标指标|目标|指标|愿景|方向|原则|定位|路径|任务|工程|行动|举措|措施|工作|领域|重点|项目|计划)"
    r"(?:体系|清单|表|和要求|与要求|[和与及](?:主要)?指标)?$"  # 发展目标和主要指标
)
_CONTAINER_RE = re.compile(
    "总体要求|试点要求|总体框架|主要内容|解读|要点|总体部署|总体安排|基本要求|主要做法"
)
_CONTENT_KEYWORDS = (
    ("goal", re.compile("目标|指标")),
    ("direction", re.compile("方向")),
    ("task", re.compile("任务|重点工程|重大工程|专项行动|主要举措|重点举措")),
)
# 目标任务 as the object of an action (全面完成…目标任务), not a label (（一）目标任务。)
_WORK_SET_RE = re.compile(r"(?:完成|落实|实现|推进)[^，,。]{0,20}目标任务")
COUNT_RE = re.compile(
    rf"([{CN_ORD}\d]+)(?:大|个方面的?|方面的?|个|项|类|条)(?:重点|主要|核心|发展|战略|关键|重大)*"
    r"(目标|指标|方向|原则|任务|工程|行动|举措|领域)"
)


def main_title(title: str) -> str:
    """The part of a heading before its subtitle ("实现五大目标：互联网用户数超千万" → "实现五大目标");
    a question's "问：" is not the heading."""
    title = _ANSWER_PREFIX_RE.sub("", _ASK_PREFIX_RE.sub("", title))
    head = COLON_RE.split(title, maxsplit=1)[0].strip(EDGE_PUNCT)
    head = _COPULA_TAIL_RE.sub("", head) or head  # 主要目标是：… is labelled as 主要目标：…
    return head or title.strip(EDGE_PUNCT)


# 答：《规划》设置了4个方面的主要目标：: an answer's words after its mark are the heading
_ANSWER_PREFIX_RE = re.compile(r"^\s*答\s*[：:]\s*")
_COPULA_TAIL_RE = re.compile(r"(?<=目标|任务|方向|重点)(?:是|为)$")
_ASK_PREFIX_RE = re.compile(r"^\s*(?:[一二三四五六七八九十\d]+\s*[、.．]?\s*)?(?:问|提问|Q|记者)\s*[：:]\s*")
_QUESTION_RE = re.compile(r"[？?]$|哪些|什么|如何|怎样|怎么|为何|为什么|是否|几个方面|哪几")
# What a question heading asks about, in order: the first that fits says what its answer holds.
_QUESTION_KINDS: tuple[tuple[Label, re.Pattern[str]], ...] = (
    (
        "skip",
        re.compile(
            "背景|意义|必要|依据|过程|历程|起草|编制|出台|保障|落实(?![^？?]{0,24}任务)|落地|组织实施|如何实施|推进机制|组织领导|"
            "考核|评估|资金|适用|对象|申报|亮点|特点|原则|定位|思路"
        ),
    ),
    ("goal", re.compile("目标|指标")),
    ("direction", re.compile("方向")),
    ("task", re.compile("任务|举措|措施|工程|行动|重点|内容|工作")),
)


def _question_label(compact: str) -> Label | None:
    asked = re.sub(r"《[^》]*》", "", compact)
    if re.search("目标|指标", asked):
        # 主要思路是什么？在总体目标设定上有哪些考虑？: the goals are in the answer; 提出了哪些目标任务？
        # asks for both: its answer is read as running text
        return None if re.search("任务|举措|措施|部署", asked) else "goal"
    if _CIRCUMSTANCES_RE.search(asked) and not re.search("任务|举措|措施|部署|重点|要求|工作", asked):
        return "skip"  # 面临哪些新形势？: the answer tells the circumstances, not what the plan sets
    if _WILL_DO_RE.search(asked):
        return None  # …部将如何抓好落实？: what someone will do, read from the answer's running text
    for kind, pattern in _QUESTION_KINDS:
        if pattern.search(asked):
            return kind
    return None


_WILL_DO_RE = re.compile("将如何|将[^，,。？?]{0,6}哪些")


_CIRCUMSTANCES_RE = re.compile("形势|现状|成效|成绩|成就")


@lru_cache(maxsize=8192)  # a paragraph's title is classified by several shapes
def classify_title(title: str) -> Label | None:
    """What a heading says its section holds; None for an unlabelled heading."""
    main = main_title(title)
    main_compact = QUOTES_SPACES_RE.sub("", main)
    label = _LABEL_RE.match(main_compact)
    if label:
        word = label.group(1)
        if word == "措施" and "保障" in main_compact:
            return "skip"
        if word == "指标" and main_compact.endswith("体系"):
            return None  # an 指标体系 says what is measured, not the targets to reach
        return LABEL_WORDS[word]  # type: ignore[return-value]
    if _QUESTION_RE.search(main_compact):
        return _question_label(main_compact)
    content_kinds = [kind for kind, pattern in _CONTENT_KEYWORDS if pattern.search(main_compact)]
    if _WORK_SET_RE.search(main_compact):  # 全面完成88条…复苏目标任务: the work to finish, no goals
        content_kinds = [kind for kind in content_kinds if kind != "goal"]
    short = len(main_compact) <= 12 or main_compact.endswith(("解读", "要求"))
    if (short and _CONTAINER_RE.search(main_compact)) or len(content_kinds) >= 2:
        return "container"
    if _SKIP_RE.search(_CITATION_RE.sub("", main_compact)):
        return "container" if content_kinds else "skip"  # 指导思想和发展目标
    return None


def fallback_kind(title: str) -> Kind | None:
    """The content kind a container heading names when it has no sub-sections (总体要求与目标 → goal)."""
    main = QUOTES_SPACES_RE.sub("", main_title(title))
    found = [(pattern.search(main), kind) for kind, pattern in _CONTENT_KEYWORDS]
    hits = sorted((m.start(), kind) for m, kind in found if m)
    return hits[0][1] if hits else None  # type: ignore[return-value]


def heading_count(title: str) -> tuple[int, Kind] | None:
    """实现五大目标 → (5, "goal"); None when the heading states no count."""
    match = COUNT_RE.search(SPACES_RE.sub("", main_title(title)))
    if not match:
        return None
    count = ordinal_value(match.group(1))
    kind = LABEL_WORDS.get(match.group(2))
    if count is None or kind not in ("goal", "direction", "task"):
        return None
    return count, kind  # type: ignore[return-value]


def is_question(heading: str) -> bool:
    """A 解读's question heading line (问：…？, 4.如何增强职业教育认可度？): it asks, it names no item."""
    return _ASK_PREFIX_RE.match(heading) is not None or heading.rstrip().endswith(("？", "?"))


def is_pure_label(title: str) -> bool:
    """A heading that is nothing but a label (重点任务, 实现五大目标), not an item named with one."""
    return _LABEL_RE.match(QUOTES_SPACES_RE.sub("", main_title(title))) is not None
