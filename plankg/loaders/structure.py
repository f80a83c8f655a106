"""The outline of a Chinese plan text: paragraphs, headings, sections, and the goal / direction / task
items they hold.

The genre has a few shapes, all handled by the same pass:
  - numbered headings (第一章 第一节 一、 （一） 1. （1） ① —— and half-width variants), whose nesting
    level is the order in which each numbering style first appears;
  - plain headings (a short line without sentence punctuation, e.g. a news summary's "实现五大目标：…"),
    and labelled paragraphs ("具体指标：到2022年，…");
  - items written as a lead sentence followed by their body ("基础支撑能级跃升。信息通信网络…"),
    as numbered headings, or as inline enumerations (一是…；二是…).

Sections are classified by the words of their heading: a heading that *is* a label (发展目标, 基本原则,
重点任务, 实现五大目标 …) says what its items are; background, guiding-thought and safeguard sections
(发展基础, 指导思想, 保障措施, 组织实施 …) hold no items. An unlabelled numbered section whose
sub-sections are unlabelled too (二、丰富赛事活动，完善赛事体系; 第三章 建设数字基础设施) is a task: in
the genre, the body chapters between the framework (要求/原则/目标) and the safeguards are the tasks.

Also read: a 解读's question headings (《规划》的主要目标有哪些？ → goals, 部署了哪些重点任务？ → tasks,
出台的背景是什么？/ 如何确保落地？ → no items); a news report's loose paragraphs — one that announces
items (部署了四个方面的重点任务。) followed by 一是…/二是… paragraphs, and, when the document has no goal
section at all, the first "《规划》提出，到2025年，…" paragraph as its goals; indicator tables whose cells
are separated by single spaces; a web page's furniture (分享到, 相关链接, 主办, 网站标识码 …) is not text,
and a signature with its date (落款) closes the sections before it.

Decisions (documented here because they shape the output):
  - 基本原则 / 发展定位 / 发展路径 sections are *directions* (they orient the tasks, as 重点方向 do); when
    written as one paragraph, its 坚持… sentences are the directions, named by their first clause;
  - 重点领域 / 发展重点 / 重点工程 / 专项行动 sections are *tasks*;
  - a goal section written as prose yields one goal per sentence (guiding-thought sentences dropped);
  - sub-tasks are the numbered sub-sections or lead-sentence paragraphs of a task, or else the
    clauses (split on ；; 。) of a single-paragraph task; deeper levels stay inside their sub-task.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Literal

from plankg.loaders.quantities import chinese_to_number

Kind = Literal["goal", "direction", "task"]
Label = Literal["goal", "direction", "task", "skip", "container"]

SENTENCE_END = "。！？!?"
CLAUSE_END = "。！？!?；;"
_STRIP = " \t\u3000\xa0\ufeff\u200b"
_EDGE_PUNCT = _STRIP + "，,、：:；;。！？!?…"


def ordinal_value(token: str) -> int | None:
    if token.isdigit():
        return int(token)
    if token in "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳" and len(token) == 1:
        return ord(token) - ord("①") + 1
    return chinese_to_number(token)


# ---------------------------------------------------------------- paragraphs


@dataclass
class Paragraph:
    start: int
    end: int
    text: str
    form: str = "prose"  # heading | headed | labelled | plain_heading | lead | prose | meta | title
    style: str | None = None  # numbering style of a numbered paragraph
    ordinal: int | None = None
    content_start: int = 0  # after the numbering marker
    title_start: int = 0  # the heading words / lead sentence (no terminal punctuation)
    title_end: int = 0
    body_start: int | None = None  # where the text after the title begins (None: no body)

    @property
    def title(self) -> str:
        return _slice(self, self.title_start, self.title_end)

    @property
    def body_text(self) -> str:
        return "" if self.body_start is None else _slice(self, self.body_start, self.end)


def _slice(par: Paragraph, start: int, end: int) -> str:
    return par.text[start - par.start : end - par.start]


_LINE_RE = re.compile(r"[^\r\n\u2028\u2029\x0b\x0c\x85]+")


def split_paragraphs(text: str) -> list[Paragraph]:
    paragraphs = []
    for match in _LINE_RE.finditer(text):
        raw = match.group()
        stripped_left = raw.lstrip(_STRIP)
        core = stripped_left.rstrip(_STRIP)
        if not core:
            continue
        start = match.start() + (len(raw) - len(stripped_left))
        paragraphs.append(Paragraph(start=start, end=start + len(core), text=core))
    return paragraphs


_CN_ORD = "一二三四五六七八九十百零〇两"
_MARKERS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("chapter", re.compile(rf"第([{_CN_ORD}\d]+)章[\s\u3000]*")),
    ("section", re.compile(rf"第([{_CN_ORD}\d]+)节[\s\u3000]*")),
    ("part", re.compile(rf"第([{_CN_ORD}\d]+)(?:部分|篇)[\s\u3000]*[、，：:]?[\s\u3000]*")),
    ("cn", re.compile(rf"([{_CN_ORD}]+)[\s\u3000]*[、．.][\s\u3000]*")),
    (
        "cn_paren",
        re.compile(rf"[（(][\s\u3000]*([{_CN_ORD}]+)[\s\u3000]*[）)][\s\u3000]*[、.．]?[\s\u3000]*"),
    ),
    ("ar", re.compile(r"(\d{1,2})[\s\u3000]*(?:[、．]|\.(?!\d))[\s\u3000]*")),
    ("ar_paren", re.compile(r"[（(][\s\u3000]*(\d{1,2})[\s\u3000]*[）)][\s\u3000]*[、.．]?[\s\u3000]*")),
    ("ar_half", re.compile(r"(\d{1,2})[)）][\s\u3000]*")),
    ("circled", re.compile(r"([①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳])[\s\u3000]*")),
    ("bullet", re.compile(r"(——|—|－－|--|[●•·▪◆◇■□★☆※►▶])[\s\u3000]*()")),
)

_DOC_NUMBER_RE = re.compile(r"^[\u4e00-\u9fff]{1,12}[〔\[［(（【]\s*\d{4}\s*[〕\]］)）】]\s*\d+\s*号$")
_DATE_LINE_RE = re.compile(
    r"^(?:\d{4}|[〇零一二三四五六七八九]{4})\s*年\s*[\d〇一二三四五六七八九十]{1,3}\s*月"
    r"\s*[\d〇一二三四五六七八九十]{1,3}\s*日$"
)
_ORG_LINE_RE = re.compile(
    r"^[\u4e00-\u9fff（）()、\s]{2,40}(?:国务院|办公厅|办公室|人民政府|委员会|发展改革委|"
    r"局|厅|部|委|署|院|中心|政府)$"
)
_SALUTATION_RE = re.compile(r"^各.{2,80}[：:]$")
_PUBLIC_NOTE_RE = re.compile(r"^[（(](?:此件|本件).{0,10}[）)]$")
# A web page's furniture around the text, and a news page's byline: never part of the plan.
_PAGE_CHROME_RE = re.compile(
    r"^[（(【\[]?\s*(?:分享到|相关链接|相关文件|相关阅读|相关新闻|附件下载|主办单位|主办|承办|协办|网站标识码|"
    r"联系电话|联系我们|联系方式|版权所有|Copyright|©|打印本页|打印|关闭窗口|关闭|扫一扫|责任编辑|编辑|来源|"
    r"信息来源|文章来源|发布时间|发布日期|发文日期|浏览次数|点击数|阅读次数|字号|当前位置|您现在的位置|网站地图|"
    r"索\s*引\s*号|主题分类|发文机关|发布机构|成文日期|发文字号|上一篇|下一篇)\s*[：:】\]）)]?",
    re.IGNORECASE,
)
_DISCOURSE_START = (
    "根据",
    "《",
    "日前",
    "近日",
    "同时",
    "此外",
    "另外",
    "为",
    "按照",
    "近年来",
    "但",
    "到",
    "经过",
    "截至",
    "目前",
    "其中",
    "据",
    "记者",
    "今年",
    "去年",
    "从",
    "自",
    "在",
    "对",
    "通过",
    "随着",
    "当前",
    "与此同时",
    "围绕",
    "以",
    "本",
)
_QUESTION_LINE_RE = re.compile(
    r"^(?:[一二三四五六七八九十\d]+\s*[、.．]\s*)?(?:问|提问|Q)\s*[：:][^。；;]{2,60}[？?]$"
)
_INLINE_ORDINAL_RE = re.compile(rf"^(?:[{_CN_ORD}]+是|[第其][{_CN_ORD}]+[，,、：:])")
_LABEL_TEXT_RE = re.compile(r"^([^\s，。；：:,;《》“”\"'（）()、]{2,14})[：:]")


_YEAR_IN_RE = re.compile(r"\d{4}年")
_HEAD_COLON_RE = re.compile(r"([^，。；：:,;]{1,15})[：:]")
_COMMA_RE = re.compile(r"[，,；;]")
_COLON_RE = re.compile(r"[：:]")
_QUOTES_SPACES_RE = re.compile(r"[\s\u3000“”\"]")
_SPACES_RE = re.compile(r"[\s\u3000]")
_OPEN_QUOTES = "“《（(「『【‘"
_CLOSE_QUOTES = "”》）)」』】’"
_STOPS_RE: dict[str, re.Pattern[str]] = {}


def _find_sentence_end(text: str, start: int, terminals: str = SENTENCE_END) -> int:
    """Index of the first terminal punctuation at or after start, outside quotes and brackets; -1 if none.
    A "." ends a sentence after a CJK character unless a digit follows (2.0 is a number)."""
    stops = _STOPS_RE.get(terminals)
    if stops is None:  # the regex engine jumps to the characters that matter
        stops = _STOPS_RE[terminals] = re.compile(
            "[" + re.escape(_OPEN_QUOTES + _CLOSE_QUOTES + terminals + ".") + "]"
        )
    depth = 0
    for match in stops.finditer(text, start):
        ch = match.group()
        i = match.start()
        if ch in _OPEN_QUOTES:
            depth += 1
        elif ch in _CLOSE_QUOTES:
            depth = max(0, depth - 1)
        elif (ch in terminals and depth == 0) or (
            ch == "."
            and depth == 0
            and i > 0
            and _is_cjk(text[i - 1])
            and (i + 1 == len(text) or not text[i + 1].isdigit())
        ):
            return i
    return -1


def _is_cjk(ch: str) -> bool:
    return "\u4e00" <= ch <= "\u9fff"


def _classify_paragraph(par: Paragraph) -> None:
    text = par.text
    if (
        _DOC_NUMBER_RE.match(text)
        or _DATE_LINE_RE.match(text)
        or _PUBLIC_NOTE_RE.match(text)
        or _PAGE_CHROME_RE.match(text)
        or (
            _SALUTATION_RE.match(text)
            and ("人民政府" in text or "部委" in text or "单位" in text or "机构" in text or "部门" in text)
        )
    ):
        par.form = "meta"
        return
    for style, pattern in _MARKERS:
        match = pattern.match(text)
        if match is None or match.end() >= len(text):
            continue
        if (
            style == "cn"
            and text[match.end() - 1] in ".．"
            and match.end() < len(text)
            and text[match.end()].isdigit()
        ):
            continue
        par.style = style
        par.ordinal = ordinal_value(match.group(1)) if style != "bullet" else None
        if style != "bullet" and par.ordinal is None:
            par.style = None
            continue
        par.content_start = par.start + match.end()
        break
    else:
        par.content_start = par.start
    content = text[par.content_start - par.start :]
    stripped_end = len(content.rstrip(_EDGE_PUNCT))
    has_terminal = _find_sentence_end(content, 0, CLAUSE_END) != -1
    par.title_start = par.content_start
    if par.style is not None:
        end = _title_end(content)
        if end is None:  # a heading line: no sentence punctuation at all
            par.form = "heading"
            par.title_end = par.content_start + stripped_end
            return
        title_end, body_at = end
        par.title_end = par.content_start + title_end
        rest = content[body_at:].strip(_STRIP)
        if not rest:
            par.form = "heading"
            return
        par.form = "headed"
        par.body_start = (
            par.content_start + body_at + (len(content[body_at:]) - len(content[body_at:].lstrip(_STRIP)))
        )
        return
    # unnumbered paragraphs
    label = _LABEL_TEXT_RE.match(content)
    if label and classify_title(label.group(1)) not in (None, "skip"):
        after = content[label.end() :].strip(_STRIP)
        if after and (has_terminal or len(after) > 40):
            par.form = "labelled"
            par.title_end = par.start + len(label.group(1))
            par.body_start = (
                par.start
                + label.end()
                + (len(content[label.end() :]) - len(content[label.end() :].lstrip(_STRIP)))
            )
            return
    if _QUESTION_LINE_RE.match(content):  # 问：《方案》提出了哪些主要目标？ heads its answer
        par.form = "plain_heading"
        par.title_end = par.start + stripped_end
        return
    if not has_terminal and len(content) <= 40:
        if _ORG_LINE_RE.match(content) and len(content) <= 24:
            par.form = "meta"
            return
        par.form = "plain_heading"
        par.title_end = par.start + stripped_end
        return
    first_end = _find_sentence_end(content, 0)
    if first_end != -1 and content[first_end + 1 :].strip(_STRIP):
        lead = content[:first_end]
        if (
            (
                (len(lead) <= 24 and lead.count("，") + lead.count(",") == 0)
                or (len(lead) <= 14 and lead.count("，") + lead.count(",") == 1)
            )
            and not lead.startswith(_DISCOURSE_START)
            and "：" not in lead
            and not _YEAR_IN_RE.search(lead)
        ):
            par.form = "lead"
            ordinal = _INLINE_ORDINAL_RE.match(lead)  # 一是推动绿色低碳转型发展。…: the name has no 一是
            if ordinal and first_end - ordinal.end() >= 2:
                par.title_start = par.start + ordinal.end()
            par.title_end = par.start + first_end
            par.body_start = (
                par.start
                + first_end
                + 1
                + (len(content[first_end + 1 :]) - len(content[first_end + 1 :].lstrip(_STRIP)))
            )
            return
    par.form = "prose"


def _title_end(content: str) -> tuple[int, int] | None:
    """(end of the heading words, start of the body) of a numbered paragraph; None for a bare heading."""
    colon = _HEAD_COLON_RE.match(content)
    if colon and classify_title(colon.group(1)) is not None:
        return colon.end() - 1, colon.end()
    end = _find_sentence_end(content, 0)
    if end == -1:
        if _find_sentence_end(content, 0, CLAUSE_END) == -1 and len(content) <= 60:
            return None
        end = len(content)
    sentence = content[:end]
    if len(sentence) > 40:
        comma = _COMMA_RE.search(sentence)
        if comma and comma.start() >= 4:
            return comma.start(), end + 1 if end < len(content) else end
    return end, end + 1


# ---------------------------------------------------------------- heading classification

_SKIP_RE = re.compile(
    "背景|发展基础|发展环境|现实基础|工作基础|基础与形势|基础和形势|面临形势|形势|发展现状|现状|回顾|成就|机遇|挑战|"
    "指导思想|总体思路|指导方针|编制依据|规划依据|保障措施|保障机制|实施保障|组织保障|政策保障|要素保障|"
    "强化保障|保障体系|组织实施|规划实施|实施机制|组织领导|监测评估|评估考核|考核评估|附则|名词解释|"
    "重大意义|重要意义|财政支持|资金支持|起草|出台|必要性|主要依据|适用范围|总则"
)
_LABEL_VERBS = (
    "实现|锁定|完成|明确|聚焦|突出|围绕|推进|实施|落实|把握|坚持|确立|提出|部署|抓好|开展|推动|打造|强化"
)
_LABEL_MODIFIERS = (
    "主要|重点|重大|总体|具体|发展|近期|中期|远期|远景|核心|关键|基本|战略|工作|主攻|专项|规划|预期性|约束性|"
    "年度|阶段性|分阶段|量化|主要发展|重点发展|建设|改革|行动|攻坚|提升|优先"
)
_LABEL_WORDS = {
    "目标": "goal",
    "指标": "goal",
    "愿景": "goal",
    "发展目标": "goal",
    "方向": "direction",
    "原则": "direction",
    "定位": "direction",
    "路径": "direction",
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
    rf"^(?:{_LABEL_VERBS})?(?:到?\d{{4}}年|“?十[一二三四五]五”?)?(?:[{_CN_ORD}\d]+(?:大|个|项|方面|类|条|方面的)?)?"
    rf"(?:{_LABEL_MODIFIERS})*"
    r"(目标|指标|愿景|方向|原则|定位|路径|任务|工程|行动|举措|措施|工作|领域|重点|项目|计划)"
    r"(?:体系|清单|表|和要求|与要求)?$"
)
_CONTAINER_RE = re.compile("总体要求|总体框架|主要内容|解读|要点|总体部署|总体安排|基本要求|主要做法")
_CONTENT_KEYWORDS = (
    ("goal", re.compile("目标|指标")),
    ("direction", re.compile("方向|原则|定位")),
    ("task", re.compile("任务|重点工程|重大工程|专项行动|主要举措|重点举措")),
)
_COUNT_RE = re.compile(
    rf"([{_CN_ORD}\d]+)(?:大|个方面的?|方面的?|个|项|类|条)(?:重点|主要|核心|发展|战略|关键|重大)*"
    r"(目标|指标|方向|原则|任务|工程|行动|举措|领域)"
)


def main_title(title: str) -> str:
    """The part of a heading before its subtitle ("实现五大目标：互联网用户数超千万" → "实现五大目标");
    a question's "问：" is not the heading."""
    title = _ASK_PREFIX_RE.sub("", title)
    head = _COLON_RE.split(title, maxsplit=1)[0].strip(_EDGE_PUNCT)
    return head or title.strip(_EDGE_PUNCT)


_ASK_PREFIX_RE = re.compile(r"^\s*(?:[一二三四五六七八九十\d]+\s*[、.．]?\s*)?(?:问|提问|Q)\s*[：:]\s*")
_QUESTION_RE = re.compile(r"[？?]$|哪些|什么|如何|怎样|怎么|为何|为什么|是否|几个方面|哪几")
# What a question heading asks about, in order: the first that fits says what its answer holds.
_QUESTION_KINDS: tuple[tuple[Label, re.Pattern[str]], ...] = (
    (
        "skip",
        re.compile(
            "背景|意义|必要|依据|过程|历程|起草|编制|出台|保障|落实|落地|组织实施|如何实施|推进机制|组织领导|"
            "考核|评估|资金|适用|对象|申报|亮点|特点"
        ),
    ),
    ("goal", re.compile("目标|指标")),
    ("direction", re.compile("方向|原则|定位|思路")),
    ("task", re.compile("任务|举措|措施|工程|行动|重点|内容|工作")),
)


def _question_label(compact: str) -> Label | None:
    asked = re.sub(r"《[^》]*》", "", compact)
    for kind, pattern in _QUESTION_KINDS:
        if pattern.search(asked):
            return kind
    return None


def classify_title(title: str) -> Label | None:
    """What a heading says its section holds; None for an unlabelled heading."""
    main = main_title(title)
    main_compact = _QUOTES_SPACES_RE.sub("", main)
    label = _LABEL_RE.match(main_compact)
    if label:
        word = label.group(1)
        if word == "措施" and "保障" in main_compact:
            return "skip"
        return _LABEL_WORDS[word]  # type: ignore[return-value]
    if _QUESTION_RE.search(main_compact):
        return _question_label(main_compact)
    content_kinds = [kind for kind, pattern in _CONTENT_KEYWORDS if pattern.search(main_compact)]
    short = len(main_compact) <= 12 or main_compact.endswith(("解读", "要求"))
    if (short and _CONTAINER_RE.search(main_compact)) or len(content_kinds) >= 2:
        return "container"
    if _SKIP_RE.search(main_compact):
        return "container" if content_kinds else "skip"  # 指导思想和发展目标
    return None


def fallback_kind(title: str) -> Kind | None:
    """The content kind a container heading names when it has no sub-sections (总体要求与目标 → goal)."""
    main = _QUOTES_SPACES_RE.sub("", main_title(title))
    found = [(pattern.search(main), kind) for kind, pattern in _CONTENT_KEYWORDS]
    hits = sorted((m.start(), kind) for m, kind in found if m)
    return hits[0][1] if hits else None  # type: ignore[return-value]


def heading_count(title: str) -> tuple[int, Kind] | None:
    """实现五大目标 → (5, "goal"); None when the heading states no count."""
    match = _COUNT_RE.search(_SPACES_RE.sub("", main_title(title)))
    if not match:
        return None
    count = ordinal_value(match.group(1))
    kind = _LABEL_WORDS.get(match.group(2))
    if count is None or kind not in ("goal", "direction", "task"):
        return None
    return count, kind  # type: ignore[return-value]


# ---------------------------------------------------------------- sections


@dataclass
class Section:
    heading: Paragraph | None
    level: int
    children: list[Section] = field(default_factory=list)
    body: list[Paragraph] = field(default_factory=list)  # paragraphs before the first sub-section
    tail: list[Paragraph] = field(default_factory=list)  # paragraphs after the sub-sections
    subtitles: list[Paragraph] = field(default_factory=list)
    inline: bool = False  # a headed paragraph whose body is on its own line

    @property
    def title(self) -> str:
        return self.heading.title if self.heading else ""

    @property
    def label(self) -> Label | None:
        return classify_title(self.title) if self.heading else "container"

    @property
    def start(self) -> int:
        return self.heading.start if self.heading else 0

    @property
    def end(self) -> int:
        ends = [self.heading.end] if self.heading else [0]
        ends += [p.end for p in self.subtitles + self.body + self.tail]
        ends += [c.end for c in self.children]
        return max(ends)

    @property
    def own_end(self) -> int:
        """End of the heading and its body, before the first sub-section."""
        ends = [self.heading.end] if self.heading else [0]
        ends += [p.end for p in self.subtitles + self.body]
        return max(ends)

    def paragraphs(self) -> list[Paragraph]:
        out = ([self.heading] if self.heading else []) + self.subtitles + self.body
        for child in self.children:
            out += child.paragraphs()
        return out + self.tail


@dataclass
class Item:
    """One goal, direction or task found in the outline, with its sub-items (tasks only)."""

    kind: Kind
    name: tuple[int, int]
    span: tuple[int, int]
    children: list[Item] = field(default_factory=list)
    clause: bool = False  # a clause of a paragraph, not a paragraph of its own


@dataclass
class Outline:
    text: str
    paragraphs: list[Paragraph]
    root: Section
    title: Paragraph | None
    goals: list[Item] = field(default_factory=list)
    directions: list[Item] = field(default_factory=list)
    tasks: list[Item] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    skipped: list[tuple[int, int]] = field(default_factory=list)  # sections that hold no items
    target_sections: list[tuple[int, int]] = field(default_factory=list)  # goal/direction/task sections
    heading_spans: list[tuple[int, int]] = field(default_factory=list)  # headings that are not items
    tables: list[Table] = field(default_factory=list)


def build_sections(paragraphs: list[Paragraph]) -> tuple[Section, Paragraph | None]:
    style_rank: dict[str, int] = {}
    root = Section(heading=None, level=0)
    stack: list[Section] = [root]
    title_par: Paragraph | None = None
    for index, par in enumerate(paragraphs):
        if (
            index == 0
            and par.form in ("plain_heading", "heading", "prose", "lead")
            and par.style is None
            and (par.form == "plain_heading" or len(par.text) <= 60)
        ):
            par.form = "title"
            title_par = par
            continue
        if par.form in ("meta", "table"):
            if par.form == "meta" and _DATE_LINE_RE.match(par.text) and _signed(paragraphs, index):
                del stack[1:]  # a signature and its date close the text (a notice's, or the page's)
            continue
        top = stack[-1]
        if par.form in ("heading", "headed") and par.style is not None:
            rank = style_rank.setdefault(par.style, len(style_rank) + 1)
            while len(stack) > 1 and stack[-1].level >= rank:
                stack.pop()
            section = Section(heading=par, level=rank, inline=par.form == "headed")
            stack[-1].children.append(section)
            stack.append(section)
            continue
        if par.form == "plain_heading":
            if _is_subtitle(top, par):
                top.subtitles.append(par)
                continue
            while len(stack) > 1 and (
                stack[-1].heading is None or stack[-1].heading.style is None or stack[-1].inline
            ):
                stack.pop()
            section = Section(heading=par, level=stack[-1].level + 1)
            stack[-1].children.append(section)
            stack.append(section)
            continue
        if par.form == "labelled":
            while len(stack) > 1 and stack[-1].inline:
                stack.pop()
            section = Section(heading=par, level=stack[-1].level + 1, inline=True)
            stack[-1].children.append(section)
            continue
        # lead or prose paragraph: body of the innermost open section
        while len(stack) > 1 and stack[-1].inline and not _ends_with_colon(stack[-1].heading):
            stack.pop()
        target = stack[-1]
        (target.tail if target.children else target.body).append(par)
    return root, title_par


def _signed(paragraphs: list[Paragraph], index: int) -> bool:
    """A date line right after an organisation's name (落款): the end of a text."""
    return (
        index > 0
        and paragraphs[index - 1].form == "meta"
        and bool(_ORG_LINE_RE.match(paragraphs[index - 1].text))
    )


def _ends_with_colon(heading: Paragraph | None) -> bool:
    """A headed paragraph ending with a colon introduces the paragraphs after it."""
    return heading is not None and heading.text.rstrip().endswith(("：", ":"))


def _has_inline_body(heading: Paragraph | None) -> bool:
    return heading is not None and heading.body_start is not None


def _is_subtitle(section: Section, par: Paragraph) -> bool:
    heading = section.heading
    if heading is None or section.body or section.children or section.subtitles:
        return False
    if heading.form != "plain_heading" and heading.form != "heading":
        return False
    if classify_title(par.title) is not None:
        return False
    return heading.text.rstrip().endswith(("：", ":")) or classify_title(heading.title) not in (
        None,
        "container",
    )


# ---------------------------------------------------------------- items


_ENUM_RE = re.compile(
    rf"(?:(?<=^)|(?<=[，。；;：:,]))[\s\u3000]*(?:([{_CN_ORD}]+)是|第([{_CN_ORD}]+)[，,、]|"
    rf"[（(]([{_CN_ORD}]+)[）)])"
)
_PRINCIPLE_RE = re.compile(r"坚持(?!以习近平|以马克思)")
_IDEOLOGY_RE = re.compile(r"为指导|^(?:坚持|全面贯彻|深入贯彻|认真贯彻|高举|牢固树立|以习近平|深入学习)")
_TIME_LEAD_RE = re.compile(
    r"^(?:到|至|经过|再用|力争|通过|用)[^，,]{0,16}(?:年|末|时间|期|底)[^，,]{0,4}[，,]"
)
_INLINE_KIND_RE: tuple[tuple[Kind, re.Pattern[str]], ...] = (
    ("goal", re.compile("目标")),
    ("direction", re.compile("方向|原则")),
    ("task", re.compile("任务|举措|工程|行动|重点工作")),
)
_SUMMARY_ENDINGS = ("任务", "目标", "方向", "原则", "如下", "：", ":", "方面")
_REPORTING_LEAD_RE = re.compile(
    r"^(?:答[：:])?(?:《[^》]{1,30}》|[^，,。]{0,8}(?:规划|方案|意见|文件))(?:明确)?(?:提出|指出|明确|要求|强调)"
    r"(?:了)?[，,：:]?"
)
_RESPONSIBLE_RE = re.compile(r"^[（(][^（）()]*(?:负责|牵头|参与|配合)[^（）()]*[）)]$")


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start] in _EDGE_PUNCT:
        start += 1
    while end > start and text[end - 1] in _EDGE_PUNCT:
        end -= 1
    return start, end


def _clauses(text: str, start: int, end: int, terminals: str = CLAUSE_END) -> list[tuple[int, int]]:
    spans = []
    cursor = start
    while cursor < end:
        stop = _find_sentence_end(text[:end], cursor, terminals)
        stop = end if stop == -1 else stop
        s, e = _trim(text, cursor, stop)
        piece = text[s:e]
        if e - s >= 2 and not _RESPONSIBLE_RE.match(piece) and sum(map(_is_cjk, piece)) >= 2:
            spans.append((s, e))
        cursor = stop + 1
    return spans


def _enumerations(text: str, par: Paragraph) -> list[tuple[int, int, int]]:
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


class _OutlineBuilder:
    def __init__(
        self, text: str, paragraphs: list[Paragraph], root: Section, title: Paragraph | None
    ) -> None:
        self.text = text
        self.outline = Outline(text=text, paragraphs=paragraphs, root=root, title=title)

    # -- walking the section tree
    def walk(self, section: Section) -> None:
        label = section.label
        if section.heading is not None and label == "skip":
            if not _has_kind_descendant(section):
                self.outline.skipped.append((section.start, section.end))
                return
            label = "container"  # 总体思路 holding 指导思想 / 基本原则 / 发展目标
        if section.heading is not None and label in ("goal", "direction", "task"):
            self.take(section, label)
            return
        if section.heading is not None and label == "container" and not section.children:
            kind = fallback_kind(section.title)
            if kind:
                self.take(section, kind)
            return
        if section.heading is not None and label is None and self.is_default_task(section):
            self.outline.target_sections.append((section.start, section.end))
            self.outline.tasks.append(self.task_item(section))
            return
        if section.heading is not None:
            self.outline.heading_spans.append((section.heading.start, section.heading.end))
        for pars in (section.body, section.tail):
            self.loose_paragraph_items(pars)
        for child in section.children:
            self.walk(child)

    def reported_goals(self) -> None:
        """A news report names no goal section, but says what the plan sets out to reach:
        "《规划》提出，到2025年，…。" — its sentences are the goals (the first such paragraph only)."""
        taken = self.outline.skipped + self.outline.target_sections
        for par in self.outline.paragraphs:
            if par.form not in ("prose", "lead") or any(s <= par.start < e for s, e in taken):
                continue
            report = _REPORTING_LEAD_RE.match(par.text)
            if report is None or not _TIME_LEAD_RE.match(par.text[report.end() :].lstrip(_STRIP)):
                continue
            for s, e in _clauses(self.text, par.start + report.end(), par.end, SENTENCE_END):
                time_lead = _TIME_LEAD_RE.match(self.text, s)
                name_start = time_lead.end() if time_lead else s
                if e - name_start >= 4:
                    name = _trim(self.text, name_start, e)
                    self.outline.goals.append(Item(kind="goal", name=name, span=(s, e)))
            if self.outline.goals:
                self.outline.target_sections.append((par.start, par.end))
                return

    def loose_paragraph_items(self, pars: list[Paragraph]) -> None:
        """Items in paragraphs outside any labelled section (a news report's): a paragraph that lists
        them itself ("三大目标：一是…"), or one that announces them ("部署了四个方面的重点任务。") with
        the items as the paragraphs that follow ("一是夯实数字基础设施。…")."""
        index = 0
        while index < len(pars):
            par = pars[index]
            followers = self.announced_followers(pars, index)
            if followers is None:
                self.inline_items(par)
                index += 1
                continue
            kind, count, items_pars = followers
            items = [self.paragraph_item(p, kind) for p in items_pars]
            getattr(self.outline, _PLURAL[kind]).extend(items)
            self.outline.target_sections.append((par.start, items_pars[-1].end))
            if count is not None and count != len(items):
                self.outline.warnings.append(
                    f"paragraph {par.text[:30]!r} announces {count} {kind}s but {len(items)} were found"
                )
            index += 1 + len(items_pars)

    def announced_followers(
        self, pars: list[Paragraph], index: int
    ) -> tuple[Kind, int | None, list[Paragraph]] | None:
        par = pars[index]
        if par.form != "prose" or len(par.text) > 80:
            return None
        counted = heading_count(par.text)
        if counted is None:
            return None
        count, kind = counted
        followers = []
        for follower in pars[index + 1 :]:
            ordinal = _INLINE_ORDINAL_RE.match(follower.text)
            expected = len(followers) + 1
            if follower.form != "lead" or ordinal is None or _ordinal_of(ordinal.group()) != expected:
                break
            followers.append(follower)
        return (kind, count, followers) if len(followers) >= 2 else None

    def inline_items(self, par: Paragraph) -> None:
        """A prose paragraph that lists items itself: "《规划》提出三大目标：一是…；二是…；三是…。"."""
        colon = re.search(r"[：:]", par.text[:80])
        if colon is None:
            return
        intro = par.text[: colon.start()]
        intro = re.sub(r"《[^》]*》", lambda m: "＿" * len(m.group()), intro)  # 《行动计划》 names no kind
        last = [
            (max(m.end() for m in pattern.finditer(intro)), kind)
            for kind, pattern in _INLINE_KIND_RE
            if pattern.search(intro)
        ]
        enum = _enumerations(self.text, par) if last else []
        if not enum or enum[0][0] < par.start + colon.start():
            return
        kind = max(last)[1]  # the kind named closest to the colon: "围绕上述目标，…部署了四项重点任务："
        items = [self.enum_item(content_start, end, kind) for _, content_start, end in enum]
        for item in items:
            item.clause = False
        getattr(self.outline, {"goal": "goals", "direction": "directions", "task": "tasks"}[kind]).extend(
            items
        )
        self.outline.target_sections.append((par.start, par.end))
        count = heading_count(intro)
        if count is not None and count[1] == kind and count[0] != len(items):
            self.outline.warnings.append(
                f"paragraph {intro!r} announces {count[0]} {kind}s but {len(items)} were found"
            )

    def is_default_task(self, section: Section) -> bool:
        heading = section.heading
        if heading is None or heading.style is None or heading.style == "bullet":
            return False
        if not (section.children or section.body or heading.body_start is not None):
            return False
        return not _has_labelled_descendant(section)

    def take(self, section: Section, kind: Kind) -> None:
        self.outline.target_sections.append((section.start, section.end))
        self.outline.heading_spans.append((section.heading.start, section.heading.end))  # type: ignore[union-attr]
        items = self.items_of(section, kind)
        getattr(self.outline, {"goal": "goals", "direction": "directions", "task": "tasks"}[kind]).extend(
            items
        )
        count = heading_count(section.title)
        if count is None:
            intro = next((p for p in section.body if p.form == "prose"), None)
            if intro is not None:
                found = heading_count(intro.text)
                count = found if found and found[1] == kind else None
        if count is not None and count[1] == kind and count[0] != len(items):
            self.outline.warnings.append(
                f"section {section.title!r} announces {count[0]} {kind}s but {len(items)} were found"
            )

    def items_of(self, section: Section, kind: Kind) -> list[Item]:
        items: list[Item] = []
        children = [c for c in section.children if c.label != "skip"]
        if children:
            for child in children:
                child_label = child.label
                if (
                    child_label == kind
                    and _is_pure_label(child.title)
                    and (child.children or child.body or _has_inline_body(child.heading))
                ):
                    items += self.items_of(child, kind)
                elif (
                    child_label in ("goal", "direction", "task")
                    and child_label != kind
                    and _is_pure_label(child.title)
                ):
                    self.walk(child)
                else:
                    items.append(self.section_item(child, kind))
            return items
        paragraphs = (
            [section.heading] if section.heading and section.heading.body_start is not None else []
        ) + [p for p in section.body]
        for par in paragraphs:
            enum = _enumerations(self.text, par)
            if enum:
                for _, content_start, end in enum:
                    items.append(self.enum_item(content_start, end, kind))
        if items:
            return items
        leads = [p for p in section.body if p.form == "lead"]
        if leads:
            return [self.paragraph_item(p, kind) for p in leads]
        sentences: list[tuple[int, int]] = []  # of a direction section written as prose
        if kind == "goal" or _is_pure_label(section.title):
            for par in paragraphs:
                body_start = par.body_start if par.body_start is not None else par.content_start
                for s, e in _clauses(self.text, body_start, par.end, SENTENCE_END):
                    sentence = self.text[s:e]
                    report = _REPORTING_LEAD_RE.match(sentence)
                    if report:
                        s += report.end()
                        sentence = self.text[s:e]
                    if not sentence or (
                        _IDEOLOGY_RE.search(sentence)
                        and not (kind == "direction" and _PRINCIPLE_RE.match(sentence))
                    ):
                        continue
                    if kind != "goal" and (_COUNT_RE.search(sentence) or sentence.endswith(_SUMMARY_ENDINGS)):
                        continue  # "《规划》明确了八项重点任务" announces the items, is not one
                    if kind == "direction":
                        sentences.append((s, e))
                        continue
                    time_lead = _TIME_LEAD_RE.match(sentence)
                    name_start = s + (time_lead.end() if time_lead else 0)
                    items.append(Item(kind=kind, name=_trim(self.text, name_start, e), span=(s, e)))
            items += self.principle_items(sentences)
        return items

    def principle_items(self, sentences: list[tuple[int, int]]) -> list[Item]:
        """Directions written as prose (基本原则。坚持A，…。坚持B，…。): the sentences that state a
        principle (坚持…) are the items, named by their first clause; any others are their bodies.
        Without such sentences every sentence is an item."""
        stated = [(s, e) for s, e in sentences if _PRINCIPLE_RE.match(self.text, s)]
        if not stated:
            return [Item(kind="direction", name=(s, e), span=(s, e)) for s, e in sentences]
        items = []
        for index, (start, end) in enumerate(stated):
            next_start = stated[index + 1][0] if index + 1 < len(stated) else len(self.text)
            span = (start, max([end, *(e for s, e in sentences if start < s < next_start)]))
            first = _find_sentence_end(self.text[:end], start, CLAUSE_END + "，,")
            name = _trim(self.text, start, first if first != -1 and first - start >= 4 else end)
            items.append(Item(kind="direction", name=name, span=span))
        return items

    def section_item(self, section: Section, kind: Kind) -> Item:
        if kind == "task":
            return self.task_item(section)
        heading = section.heading
        assert heading is not None
        name = _trim(self.text, heading.title_start, heading.title_end)
        return Item(kind=kind, name=name, span=(heading.start, section.end))

    def task_item(self, section: Section) -> Item:
        heading = section.heading
        assert heading is not None
        name = _trim(self.text, heading.title_start, heading.title_end)
        children: list[Item] = []
        for child in section.children:
            if child.label == "skip":
                continue
            child_heading = child.heading
            assert child_heading is not None
            children.append(
                Item(
                    kind="task",
                    name=_trim(self.text, child_heading.title_start, child_heading.title_end),
                    span=(child.start, child.end),
                )
            )
        if not children:
            for par in [heading, *section.body]:
                for _, content_start, end in _enumerations(self.text, par):
                    item = self.enum_item(content_start, end, "task")
                    children.append(item)
        if not children:
            children = [self.paragraph_item(p, "task", split=False) for p in section.body if p.form == "lead"]
        if not children and not section.body and heading.body_start is not None:
            children = [
                Item(kind="task", name=span, span=span, clause=True)
                for span in _clauses(self.text, heading.body_start, heading.end)
            ]
        elif not children and heading.body_start is None and len(section.body) == 1:
            only = section.body[0]  # "3、深化融合应用。" + one paragraph of clauses
            children = [
                Item(kind="task", name=span, span=span, clause=True)
                for span in _clauses(self.text, only.start, only.end)
            ]
        if children and not all(c.clause for c in children):
            own_end = section.own_end if section.children else heading.end
            if section.body and not section.children:
                own_end = max(
                    [heading.end]
                    + [p.end for p in section.body if p.form != "lead"]
                    + [p.end for p in section.subtitles]
                )
                first_lead = next((p for p in section.body if p.form == "lead"), None)
                if first_lead is not None:
                    own_end = max(
                        [heading.end]
                        + [p.end for p in section.subtitles]
                        + [p.end for p in section.body if p.end < first_lead.start]
                    )
            span = (heading.start, own_end)
        else:
            span = (heading.start, section.end)
        return Item(kind="task", name=name, span=span, children=children)

    def paragraph_item(self, par: Paragraph, kind: Kind, split: bool = True) -> Item:
        name = _trim(self.text, par.title_start, par.title_end)
        children: list[Item] = []
        if kind == "task" and split and par.body_start is not None:
            enum = _enumerations(self.text, par)
            if enum:
                children = [self.enum_item(c, e, "task") for _, c, e in enum]
            else:
                children = [
                    Item(kind="task", name=span, span=span, clause=True)
                    for span in _clauses(self.text, par.body_start, par.end)
                ]
        return Item(kind=kind, name=name, span=(par.start, par.end), children=children)

    def enum_item(self, content_start: int, end: int, kind: Kind) -> Item:
        span = _trim(self.text, content_start, end)
        first = _find_sentence_end(self.text[: span[1]], span[0], CLAUSE_END + "，,")
        name = _trim(self.text, span[0], first if first != -1 else span[1])
        if name[1] - name[0] < 4:
            name = span
        return Item(kind=kind, name=name, span=span, clause=True)


_PLURAL = {"goal": "goals", "direction": "directions", "task": "tasks"}


def _ordinal_of(marker: str) -> int | None:
    """一是 → 1, 第三， → 3, 其二 → 2."""
    return ordinal_value(re.sub(r"^[第其]|是$|[，,、：:]$", "", marker))


def _is_pure_label(title: str) -> bool:
    return _LABEL_RE.match(_QUOTES_SPACES_RE.sub("", main_title(title))) is not None


def _has_kind_descendant(section: Section) -> bool:
    """A sub-section (any depth) labelled goal, direction or task, or a container naming one (总体要求
    与目标): what makes a background or safeguards heading a container after all (总体思路 holding
    基本原则 and 发展目标) — a page's "…政策解读" link under the safeguards does not."""
    return any(
        child.label in ("goal", "direction", "task")
        or (child.label == "container" and fallback_kind(child.title) is not None)
        or _has_kind_descendant(child)
        for child in section.children
    )


def _has_labelled_descendant(section: Section) -> bool:
    return any(child.label is not None or _has_labelled_descendant(child) for child in section.children)


# ---------------------------------------------------------------- indicator tables

_CELL_SPLIT_RE = re.compile(r"\t+|[ \u3000]*[|｜][ \u3000]*| {2,}|\u3000+")
_YEAR_HEADER_RE = re.compile(r"(\d{4})\s*年?")
_HEADER_CELL_RE = re.compile(
    r"^(?:序号|编号|类别|类型|领域|维度|一级指标|二级指标|指标|指标名称|主要指标|具体指标|指标项|单位|计量单位|属性|"
    r"指标属性|性质|备注|年均增速|年均增长|累计|目标值|基期值|现状值|基准值|预期值|规划目标|\d{4}\s*年?"
    r"(?:目标值|基期值|现状值|基准值|预期值|目标|现状|基数|实际|预计)?|[（(]?\d{4}\s*年?[）)]?)$"
)


@dataclass
class Table:
    """An indicator table: header cells, then data cells (one paragraph per cell, or per row)."""

    header: list[str]
    rows: list[tuple[Paragraph, list[str]]]  # (evidence paragraph of the row, its cells)
    start: int = 0
    end: int = 0


def _row_cells(text: str, single_spaces: bool = False) -> list[str]:
    splitter = _SPACED_CELL_SPLIT_RE if single_spaces else _CELL_SPLIT_RE
    return [cell.strip(_STRIP) for cell in splitter.split(text.strip(" |｜")) if cell.strip(_STRIP)]


# A table pasted from a PDF or a web page often keeps one plain space between cells.
_SPACED_CELL_SPLIT_RE = re.compile(r"[\t \u3000\xa0]+|[ \u3000]*[|｜][ \u3000]*")
_NUMERIC_CELL_RE = re.compile(r"^[≥≤><＞＜约]?\s*-?\d+(?:\.\d+)?\s*(?:%|％|‰)?$|^[—\-－/／…]+$")


def _is_spaced_row(cells: list[str], header_width: int) -> bool:
    """A data row of a single-space table: about as many cells as the header, some of them numbers
    (a heading such as "第三章 构建…" splits in two and has none)."""
    numeric = sum(1 for cell in cells if _NUMERIC_CELL_RE.match(cell))
    return len(cells) >= max(3, header_width - 2) and numeric >= 1


def _is_header(cells: list[str]) -> bool:
    return (
        len(cells) >= 3
        and any("指标" in c or c in ("名称", "项目") for c in cells)
        and any(_YEAR_HEADER_RE.search(c) or c in ("目标值", "基期值", "现状值", "预期值") for c in cells)
    )


def find_tables(paragraphs: list[Paragraph]) -> list[Table]:
    """Indicator tables written as rows of cells (tab / | / wide-space separated) or, as DOCX and
    HTML tables often come out, one cell per line. Their paragraphs are marked form "table"."""
    tables: list[Table] = []
    index = 0
    while index < len(paragraphs):
        par = paragraphs[index]
        # A header row names its 指标 (名称, 项目) columns: only such a line is split into cells.
        may_head = len(par.text) <= 200 and ("指标" in par.text or "名称" in par.text or "项目" in par.text)
        cells = _row_cells(par.text) if may_head else [par.text]
        spaced = False
        if (
            may_head
            and not _is_header(cells)
            and len(par.text) <= 120
            and _find_sentence_end(par.text, 0, CLAUSE_END + "，,") == -1
        ):
            spaced_cells = _row_cells(par.text, single_spaces=True)
            if _is_header(spaced_cells):
                cells, spaced = spaced_cells, True
        if _is_header(cells):  # one row per paragraph
            table = Table(header=cells, rows=[], start=par.start, end=par.end)
            par.form = "table"
            index += 1
            while index < len(paragraphs):
                row = _row_cells(paragraphs[index].text, single_spaces=spaced)
                if len(row) < 2 or paragraphs[index].text.endswith(("。", "；")):
                    break
                if spaced and not _is_spaced_row(row, len(cells)):
                    break
                paragraphs[index].form = "table"
                table.rows.append((paragraphs[index], row))
                table.end = paragraphs[index].end
                index += 1
            tables.append(table)
            continue
        header_end = index
        while header_end < len(paragraphs) and _HEADER_CELL_RE.match(
            paragraphs[header_end].text.strip(_STRIP)
        ):
            header_end += 1
        header = [p.text.strip(_STRIP) for p in paragraphs[index:header_end]]
        if header_end - index >= 3 and _is_header(header):  # one cell per paragraph
            table = Table(header=header, rows=[], start=par.start, end=paragraphs[header_end - 1].end)
            for cell_par in paragraphs[index:header_end]:
                cell_par.form = "table"
            cursor = header_end
            while cursor < len(paragraphs):
                cell = paragraphs[cursor]
                if (
                    len(cell.text) > 30
                    or cell.text.endswith(("。", "；", "："))
                    or cell.style not in (None, "bullet")
                ):
                    break
                if cell.text.startswith(("注：", "注:", "说明")):
                    break
                cell.form = "table"
                table.rows.append((cell, [cell.text.strip(_STRIP)]))
                table.end = cell.end
                cursor += 1
            tables.append(table)
            index = cursor
            continue
        index += 1
    for table in tables:  # a caption line ("表1 “十四五”主要指标") belongs to its table
        before = [p for p in paragraphs if p.end <= table.start]
        if before and before[-1].form == "plain_heading" and _CAPTION_RE.match(before[-1].text):
            before[-1].form = "table"
    return tables


_CAPTION_RE = re.compile(r"^(?:附?表\s*[\d一二三四五六七八九十]*|专栏\s*[\d一二三四五六七八九十]*)|指标")


def parse_outline(text: str) -> Outline:
    paragraphs = split_paragraphs(text)
    for par in paragraphs:
        _classify_paragraph(par)
    tables = find_tables(paragraphs)
    root, title = build_sections(paragraphs)
    builder = _OutlineBuilder(text, paragraphs, root, title)
    builder.walk(root)
    if not builder.outline.goals:
        builder.reported_goals()
    outline = builder.outline
    outline.tables = tables
    if not (outline.goals or outline.directions or outline.tasks):
        outline.warnings.append("no goal, direction or task sections were recognised")
    return outline
