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
# a heading that names an end state to reach, not an action (高质量发展取得显著成效, 社会文明程度明显提升,
# 国家安全屏障更加巩固, 美丽中国建设取得新的重大进展)
END_STATE_TITLE_RE = re.compile(
    r"(?:取得|实现|迈出|迈上)[^，。；]{0,6}(?:成效|突破|进展|步伐|台阶)|"
    r"(?:大幅|明显|显著|不断|持续|稳步|进一步|全面)(?:提高|提升|增强|改善|优化|巩固|完善)|"
    r"更加[^，。；]{1,4}|(?:基本|全面|初步)(?:建成|形成|实现)[^，。；]{0,10}$"
)
# a sentence that closes on the aim it names (…，实现水安全韧性增强、水环境质量提升的目标。)
AIM_END_RE = re.compile(r"(?:实现|达到|完成)[^。；;]{2,80}?(?:的|等)?(?:总体|发展|工作)?目标[。；;]?$")
# a clause that only sets the scope or purpose of the next (针对国家重大战略等需求，提出…) or marks a part
# of a pair (一方面，…): it names no action of its own
SCOPE_ONLY_RE = re.compile(r"[\s\u3000]*(?:关于|对于|针对|着眼|围绕|面向|为了|一方面|另一方面)")
# the words that report an action rather than name it: 提出推进… / 要加快… / 明确…
REPORTED_ACTION_RE = re.compile(
    r"(?:还要|也要|要|还将|将|(?:分类|明确|还|也|并)?提出|明确)了?(?=[^，,。；;]{4})"  # 明确了强化…
)


def dated_parts(text: str, start: int, end: int, opens_dated: re.Pattern[str]) -> list[tuple[int, int]]:
    """text[start:end] (one sentence) cut where a ；-clause opens with a new time cue, as `opens_dated`
    matches it at the clause's start (到2027年，…；到2035年，…: two aims)."""
    cuts = [start] + [cs for cs, ce in clauses(text, start, end, "；;")[1:] if opens_dated.match(text[cs:ce])]
    return list(zip(cuts, [*cuts[1:], end], strict=True))


def action_name(text: str, start: int, end: int) -> tuple[int, int]:
    """A sub-task's name: its action, past a leading scope clause and the words reporting it
    (着眼促进岗位资源共享，提出建设一批…就业市场 → 建设一批…就业市场)."""
    if SCOPE_ONLY_RE.match(text, start):
        comma = find_sentence_end(text, start, "，,", end)
        if comma != -1 and end - comma > 4:
            start = comma + 1
    reported = REPORTED_ACTION_RE.match(text, start, end)
    if reported is not None:
        start = reported.end()
    return trim(text, start, end)


# 坚持以人为本理念，…，形成“内外联动、错时共享”的停车资源共享利用格局，…: a principle that goes on to the
# state it brings about, under a goal heading, states an aim
PRINCIPLE_TO_AIM_RE = re.compile(r"^坚持[^。；;]{2,80}?[，,][^。；;]*?(?:形成|实现|建成|构建)[^。；;]{2,}")
IDEOLOGY_RE = re.compile(r"为指导|^(?:坚持|全面贯彻|深入贯彻|认真贯彻|高举|牢固树立|以习近平|深入学习)")
TIME_LEAD_RE = re.compile(
    r"^(?:(?:第[一二三四五六七八九十]+阶段|近期|中期|远期)[，,：:])?"  # 第一阶段，到2027年，…
    r"(?:到|至|经过|再用|力争|通过|用)[^，,]{0,16}(?:年|末|时间|期|底)[^，,]{0,4}[，,]"
)
INLINE_KIND_RE: tuple[tuple[Kind, re.Pattern[str]], ...] = (
    ("goal", re.compile("目标")),
    ("direction", re.compile("方向")),
    ("task", re.compile("任务|举措|工程|行动|重点工作")),
)
SUMMARY_ENDINGS = ("任务", "目标", "方向", "原则", "如下", "：", ":", "方面")
# “1”是依托…打造… / “6”是横向围绕…: a part of the figure an aim names (搭建“156”就业公共服务体系)
FIGURE_PART_RE = re.compile(r"\s*[“\"‘]\d+[”\"’]是")
# 到2035年建成健康中国是中共中央作出的一项战略决策: what an aim is, said of it (no aim stated)
AIM_IS_A_DECISION_RE = re.compile(r"是[^，,。；;]{0,16}(?:决策|部署|任务|要求|使命|目标)")
REPORTING_LEAD_RE = re.compile(
    r"^(?:答[：:])?(?:《[^》]{1,30}》|[^，,。]{0,8}(?:规划|方案|意见|文件))(?:明确)?(?:提出|指出|明确|要求|强调)"
    r"(?:了)?[，,：:]?"
)
# An instruction: a modal before an action (要加强…, 应切实抓好…), or a clause that opens with one (推进…).
_INSTRUCTION_VERBS = (
    "推进|加快|推动|完善|着力|加强|实施|建设|培育|优化|深化|强化|提升|提高|健全|建立|构建|打造|发展|促进|扩大|"
    "支持|鼓励|引导|开展|探索|落实|拓展|增强|营造|统筹|规范|保障|推广|巩固|发挥|加大|确保|抓好|做好|严格|组织|制定|进行|采取|实行|执行|办理|处理|查处|安排|纳入|列入|提供|给予|开通|设立|出台|监督|检查|审查|审核|协调|指导|配合|会同|协商|负责"
)
_DIRECTIVE_OPENERS = (
    "加速|推动|推进|加快|加强|完善|健全|建立|构建|打造|培育|实施|深化|强化|优化|鼓励|支持|引导|探索|着力|开展|"
    "提升|提高|扩大|促进|增强|夯实|拓展|营造|统筹|落实|严格|做好|抓好"
)
_NUMBERING = r"[（(]?[一二三四五六七八九十\d]{1,3}[）)、.．]?[\s\u3000]*"
# a heading that names an action (发展居家养老服务, 进一步加强…)
ACTION_TITLE_RE = re.compile(
    rf"^(?:关于)?(?:进一步|加快|大力|全面|积极|切实|着力|持续)?(?:{_INSTRUCTION_VERBS})(?=[^，,。]{{2}})"
)  # the verb has an object: 持续发展 alone names a quality, not an action
INSTRUCTION_RE = re.compile(
    rf"(?:要|应|应当|须|必须|需|需要|将|务必)[^，,。；;：:]{{0,8}}?(?:{_INSTRUCTION_VERBS})"
    rf"|(?:^|(?<=[，,。；;：:\n]))[\s\u3000]*(?:{_NUMBERING})?(?:{_DIRECTIVE_OPENERS})"
    # a disposition or a ban a rule lays down
    r"|予以|给予|责令|不得|严禁|禁止|优先(?:安排|支持|列入|考虑|保障)"
    r"|由[^，,。；;]{1,20}?(?:负责|牵头|组织|根据|按照|对)"  # who carries it out
    # 对…的(省)，…: a rule for whom a condition holds
    r"|(?:^|(?<=[。；;\n]))[\s\u3000]*(?:[一二三四五六七八九十]+、)?对[^。；;]{2,80}?的[^，,。；;]{0,12}[，,]"
    r"|[（(][^（）()]{1,40}(?:负责|牵头)[）)]",  # a measure with the department responsible for it
    re.M,
)
# A measure applied to the cases it lists (对存在下列问题的社会团体要进行整改：1.未依照章程开展业务活动的；…):
# the listed cases say to whom it applies, they are not sub-tasks.
CASES_LEAD_RE = re.compile(
    r"(?:下列|以下|如下)[^。；：:，,]{0,4}?(?:问题|情形|情况|条件|要求|标准|行为|情节)"
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
