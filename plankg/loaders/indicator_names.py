"""The name of an indicator: what is measured, cut from the words around its number.

Without time and scope leads (到2025年, 全市, 累计, 力争 …), without the action before it
(各地在继续巩固落实好X → X; 接入部门业务系统 → 部门业务系统), hedges and bracketed explanations
inside it; "X占Y" is "X占Y比例"; a count's name is what it counts (5个…互联网工业平台 → 互联网工业平台).
"""

from __future__ import annotations

import re

CLAUSE_BREAK = "，,；;。：:！？!?\n"
_NAME_LEAD_RE = re.compile(
    r"^(?:(?:提出|明确|要求|为)?(?:到|至|在|截至|力争|预计)?\s*(?:\d{4}\s*年?\s*[-—–~～至到]\s*)?\d{4}\s*年(?:底|末|前|内)?|"
    r"全年|年内|今年|明年|当年|计划(?=新增|新建|建设|完成|实施|推进|改造|培育|打造)|到[“\"]?十[一二三四五]五[”\"]?(?:末|期末|时期)?|"
    r"[（(]?\d{1,2}[）)]|"  # （4）完成… / 4）完成…: an item's number
    # (三)县道… / 三、 / 1.
    r"[（(]?[一二三四五六七八九十]{1,3}[）)]|[一二三四五六七八九十]{1,3}、|\d{1,2}[.．、](?!\d)|"
    # 通知要求项目…: the document speaking, not what is measured
    r"(?:通知|方案|意见|规划|计划|措施|政策)(?:还|也)?(?:要求|明确|提出)|"
    r"未来[一二三四五六七八九十\d]{1,2}年(?:内)?|原则上|"
    r"[一二三四五六七八九十]是|力争|努力|全市|全省|全区|全县|全国|我市|我省|我区|基本(?=[实建形完达覆消普满具])|"
    r"初步|累计|着力|进一步|"
    r"全面|大力|积极|每年|要|将|确保|使(?!用)|让(?!利)|共(?!享|建|同|青|有)|总计|合计|其中|并(?!网|购)|和(?!谐)|"
    r"及(?!时)|与(?!会)|以及|或|同时|再(?!生|制造|就业)|实现|推动|推进|加快|持续|继续|稳步|逐步|不断|"
    r"的|[、，,\s\u3000])+"
)
_NAME_TAIL_RE = re.compile(
    # 能 a modal, not the end of a noun (粮食产能, 储能, 动能)
    r"(?:一般|原则上|基本|将|要|每年|力争|努力|确保|均|总|达|应|需|可|(?<![产效功动节储性技职赋热光风核电体智算势])能"
    r"|预计|总体|分别|逐步|逐年|稳步|持续|进一步"
    r"|大幅|明显|显著|不得|不应|不宜|必须|须|应当"
    r"|的?(?:指标|目标)?设定为)+$"  # 每万人口高价值发明专利的指标设定为大于22件
)

_ACTION_CHAIN_RE = re.compile(
    r"^.*(?:落实好|落实|巩固|确保|保持|推动|推进|促进|实现|力争|努力|争取|加快|着力|持续|继续|进一步)"
    r"(?=[^，,；;。]{4,}$)"
)
# Action verbs a measured noun phrase does not start with (接入部门业务系统 → 部门业务系统).
# (新建 and 建设 stay: 新建大型数据中心PUE值, 建设用地规模 are names.)
_LEADING_ACTION_RE = re.compile(r"^(?:接入|建成|培育|打造|完成|开展|实施|改造|培养|培训|引进|新增|部署)+")
# Hedges and scope adverbs inside a name (实践性教学课时原则上占总课时).
_INNER_HEDGE_RE = re.compile(r"原则上|一般应|一般|力争|努力|基本上|总体上|至少")
_LONG_ASIDE_RE = re.compile(r"[（(][^（）()]{4,}[）)]")  # an explanation in brackets, not 专业（群）
# A reference in brackets (（见附表）, (见表1)) is no part of a name.
_REFERENCE_ASIDE_RE = re.compile(r"[（(]\s*(?:详)?见[^（）()]{0,12}[）)]")


def clean_name(name: str) -> str:
    """What is measured: the noun phrase before the comparator, without time and scope leads
    (到2020年, 全市, 累计, 力争 …), action verbs before it, hedges and bracketed explanations in it.
    "X占Y" shares are named "X占Y比例"."""
    name = _LONG_ASIDE_RE.sub("", _REFERENCE_ASIDE_RE.sub("", name))
    name = name.strip(" \t\u3000，,、；;。：:（(")
    if name.startswith(("“", '"')) and not any(quote in name[1:] for quote in '”"'):
        name = name[1:]  # the opening quote of a quoted sentence: "到2028年形成…
    name = _NAME_LEAD_RE.sub("", name)
    name = _NAME_TAIL_RE.sub("", name)
    name = name.strip(" \t\u3000，,、；;。：:的")
    chained = _ACTION_CHAIN_RE.sub("", name)
    if len(chained) >= 4:
        name = _NAME_LEAD_RE.sub("", chained)
    trimmed = _LEADING_ACTION_RE.sub("", name)
    if len(trimmed) >= 4:
        name = trimmed
    if "占" in name[1:]:
        name = _INNER_HEDGE_RE.sub("", name)
        if not name.endswith(("比例", "比重", "份额", "比率", "率", "占比")):
            name += "比例"
    if len(name) > _NAME_MAX:
        name = _cut_outside_brackets(name, _NAME_KEEP)
    return name


# A name of up to _NAME_MAX characters stays whole (国家融资担保基金和银行业金融机构承担的风险责任比例); a
# longer one keeps its last words, cut where a phrase starts (after 的, 、, 和 …), never inside a word.
_NAME_KEEP = 24
_NAME_MAX = 32
_PHRASE_BREAK = "的、，,和及与"


# Measure words that name nothing alone (达到2000人的规模: the scale of what?).
_BARE_MEASURES = frozenset({"规模", "数量", "总量", "总数", "人数", "个数", "数目", "水平", "比例", "比重"})
# A sentence's subject: its opening words, up to a preposition, a modal, a verb of change or a comma.
_SUBJECT_RE = re.compile(
    r"([\u4e00-\u9fff（）()A-Za-z]{2,16}?)(?=从|在|对于|将|要|已|把|被|由|向|以|到|至|逐步|力争|计划|共|[，,：:])"
)
_NOT_A_SUBJECT_RE = re.compile(
    r"^(?:其中|同时|此外|目前|今年|明年|全年|届时|为此|为|对|在|据|经|按|根据|通过|围绕)"
)


def with_subject(name: str, text: str, sentence_start: int, position: int) -> str:
    """A bare measure word (规模, 数量, 比例 …) named by the subject of its sentence, the first clause that
    opens with one (clauses inside quotes or brackets are not the sentence's): "为贯彻落实…“…，适当扩大
    规模”的精神，内地西藏初中班从现有招生规模基础上，逐步扩大，1998年达到2000人的规模" → 内地西藏初中班
    规模. Unchanged when no clause before the number opens with a subject."""
    if name not in _BARE_MEASURES:
        return name
    depth = 0
    opens = True  # at the start of a clause of the sentence
    for at in range(sentence_start, position):
        char = text[at]
        if opens and depth == 0:
            subject = _SUBJECT_RE.match(text, at, position)
            if subject is not None and not _NOT_A_SUBJECT_RE.match(subject.group(1)):
                words = clean_name(subject.group(1))
                if len(words) >= 2 and not words.endswith(name) and not _NOT_A_SUBJECT_RE.match(words):
                    return words + name
        opens = False
        if char in _OPENING:
            depth += 1
        elif char in _CLOSING:
            depth = max(0, depth - 1)
        elif char in "，," and depth == 0:
            opens = True
    return name


def _cut_outside_brackets(name: str, keep: int) -> str:
    """The last `keep` characters of a long name, moved right to where a phrase starts (if one does
    before its last words) and past a bracket it would start inside."""
    cut = len(name) - keep
    if name[cut - 1] not in _PHRASE_BREAK:
        cut = next((at + 1 for at in range(cut, len(name) - 4) if name[at] in _PHRASE_BREAK), cut)
    depth = 0
    for char in name[:cut]:
        depth = depth + 1 if char in _OPENING else max(0, depth - 1) if char in _CLOSING else depth
    if depth == 0:
        return name[cut:]
    for index in range(cut, len(name)):
        if name[index] in _OPENING:
            depth += 1
        elif name[index] in _CLOSING:
            depth -= 1
            if depth == 0:
                return name[index + 1 :] or name[cut:]
    return name[cut:]


_OPENING = "（(“《【"
_CLOSING = "）)”》】"

_DONE_BY_RE = re.compile(r"^.*(?:实施|开展|推进|推动|完成|进行|组织|加快|加强)")
_ALT_UNIT_LEAD_RE = re.compile(r"^[（(][^（）()]{1,3}[）)]")
_QUANTIFIER_LEAD = r"^(?:一批|一系列|若干|一些|多个|[一二两三四五六七八九十\d]+[个家所批])"


def object_built_before(scan: str, clause_start: int, verb: str) -> str:
    """The object of the same verb in the clause before: "建设一批X，每个市州至少建设1个" → X."""
    window = scan[max(0, clause_start - 60) : max(0, clause_start - 1)]
    previous = re.split(r"[，,；;。]", window)[-1]
    at = previous.rfind(verb)
    if at == -1:
        return ""
    obj = re.sub(_QUANTIFIER_LEAD, "", previous[at + len(verb) :])
    # 完成A改造3000万平方米，完成B改造2000万平方米 / 开展…培训超过5000万人次，其中农民工参加培训1750万人次:
    # the clause before counted its own
    if re.match(r"(?:超过|达到|达|不少于|不低于|至少|约|近|逾|突破)?\s*\d", obj):
        return ""
    return clean_name(obj) if len(obj) >= 2 else ""


_DIGIT_RE = re.compile(r"\d")
_WORK_NAME_CHARS = 4


def named_before(scan: str, position: int, verb: str) -> str:
    """A fuller name for a count named only by its verb, from the clause before it:
    "…家庭实施适老化改造，改造不少于5万户" → 适老化改造."""
    window = scan[max(0, position - 60) : position]
    clause_end = max(window.rfind(ch) for ch in "，,；;")
    if clause_end == -1:
        return ""
    previous = re.split(r"[，,；;。、]", window[:clause_end])[-1]
    if verb == "完成" and verb not in previous and not _DIGIT_RE.search(previous):
        # 机动车道井盖井框处置，完成400个: what is completed is the work the clause before names
        return clean_name(previous) if len(previous) >= _WORK_NAME_CHARS else ""
    if verb and verb not in previous:
        return ""
    phrase = previous[: previous.rfind(verb) + len(verb)] if verb else previous
    phrase = _DONE_BY_RE.sub("", phrase)
    return clean_name(phrase) if len(phrase) > len(verb) + 1 else ""


_OBJECT_STOP_RE = re.compile(
    "大力|积极|加快|深入|全面|着力|力争|进一步|切实|广泛|持续|不断|开展|实施|推进|推动|参与|参加|承担|提供"
)


_COUNTED_ITEM_RE = re.compile(
    r"[^、，,。；;：:]{0,6}?(?:\d|[一二两三四五六七八九十百千万]+(?:[个所家条项座万亿]|多|余))"
)


_LISTED_KIND_RE = re.compile(r"、[^、]+?等([^、等]+)$")


def object_after(text: str, start: int, limit: int) -> tuple[str, int]:
    """The thing counted after a unit ("5个全国领先、行业主导的互联网工业平台" → 互联网工业平台)."""
    end = start
    while end < limit and text[end] not in CLAUSE_BREAK:
        # stop before the next counted thing: "和150个…", "、1000Mbps…"
        if (
            text[end] in "和及与、"
            and end + 1 < limit
            and (text[end + 1].isdigit() or text[end + 1] in "一二两三四五六七八九十")
        ):
            break
        # …and before the next item of a list that counts each ("城市联动、覆盖千所以上高校")
        if text[end] == "、" and _COUNTED_ITEM_RE.match(text, end + 1, min(limit, end + 10)):
            break
        # …and before what is done with it: "10个左右技术技能人才紧缺领域大力开展职业培训"
        if end - start >= 2 and _OBJECT_STOP_RE.match(text, end):
            break
        end += 1
    phrase = text[start:end]
    phrase = _ALT_UNIT_LEAD_RE.sub("", phrase)  # 500条（个）…
    # 力争达到180MW（本方案口径不含物流仓储领域）: an aside after the count counts nothing
    stripped = _LONG_ASIDE_RE.sub("", phrase).strip(" \t\u3000")
    if "的" in stripped:
        tail = stripped.rsplit("的", 1)[1]
        if len(tail) >= 2:
            stripped = tail
    listed = _LISTED_KIND_RE.search(stripped)  # 建筑与小区、…等海绵重点项目: the kind the list names
    if listed is not None and len(listed.group(1)) >= 2:
        stripped = listed.group(1)
    return stripped[:24], end
