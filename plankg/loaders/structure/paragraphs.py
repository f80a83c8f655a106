"""Paragraphs and what each one is by its own shape: a numbered heading (第一章 第一节 一、 （一） 1. （1） ①
——, full- and half-width), a numbered heading with its body on the same line, a plain heading (a short
line without sentence punctuation), a labelled paragraph (具体指标：到2022年，…), a lead sentence and its
body (基础支撑能级跃升。信息通信网络…), prose, or furniture (see `notices`)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from plankg.loaders.structure.headings import classify_title
from plankg.loaders.structure.notices import is_furniture, is_org_line
from plankg.loaders.structure.numerals import CN_ORD, ordinal_value
from plankg.loaders.structure.punctuation import (
    CLAUSE_END,
    EDGE_PUNCT,
    STRIP,
    find_sentence_end,
)


@dataclass
class Paragraph:
    start: int
    end: int
    text: str
    # heading | headed | labelled | plain_heading | lead | prose | meta | title | table | annex
    form: str = "prose"
    style: str | None = None  # numbering style of a numbered paragraph
    ordinal: int | None = None
    content_start: int = 0  # after the numbering marker
    title_start: int = 0  # the heading words / lead sentence (no terminal punctuation)
    title_end: int = 0
    body_start: int | None = None  # where the text after the title begins (None: no body)

    @property
    def title(self) -> str:
        return _slice(self, self.title_start, self.title_end)


def _slice(par: Paragraph, start: int, end: int) -> str:
    return par.text[start - par.start : end - par.start]


_LINE_RE = re.compile(r"[^\r\n\u2028\u2029\x0b\x0c\x85]+")


def split_paragraphs(text: str) -> list[Paragraph]:
    paragraphs = []
    for match in _LINE_RE.finditer(text):
        raw = match.group()
        stripped_left = raw.lstrip(STRIP)
        core = stripped_left.rstrip(STRIP)
        if not core:
            continue
        start = match.start() + (len(raw) - len(stripped_left))
        paragraphs.append(Paragraph(start=start, end=start + len(core), text=core))
    return paragraphs


_MARKERS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("chapter", re.compile(rf"第([{CN_ORD}\d]+)章[\s\u3000]*")),
    ("section", re.compile(rf"第([{CN_ORD}\d]+)节[\s\u3000]*")),
    ("part", re.compile(rf"第([{CN_ORD}\d]+)(?:部分|篇)[\s\u3000]*[、，：:]?[\s\u3000]*")),
    # 第一条（工作目标）: an article headed by its subject in brackets, alone on its line
    ("article", re.compile(rf"第([{CN_ORD}\d]+)条[\s\u3000]*[（(](?=[^（）()\s]{{2,12}}[）)][\s\u3000]*$)")),
    ("cn", re.compile(rf"([{CN_ORD}]+)[\s\u3000]*[、．.][\s\u3000]*")),
    (
        "cn_paren",
        re.compile(rf"[（(][\s\u3000]*([{CN_ORD}]+)[\s\u3000]*[）)][\s\u3000]*[、.．]?[\s\u3000]*"),
    ),
    ("ar", re.compile(r"(\d{1,2})[\s\u3000]*(?:[、．]|\.(?!\d))[\s\u3000]*")),
    ("ar_paren", re.compile(r"[（(][\s\u3000]*(\d{1,2})[\s\u3000]*[）)][\s\u3000]*[、.．]?[\s\u3000]*")),
    ("ar_half", re.compile(r"(\d{1,2})[)）][\s\u3000]*")),
    ("circled", re.compile(r"([①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳])[\s\u3000]*")),
    ("bullet", re.compile(r"(——|—|－－|--|[●•·▪◆◇■□★☆※►▶])[\s\u3000]*()")),
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
    r"^(?:[一二三四五六七八九十\d]+\s*[、.．]\s*)?(?:问|提问|Q|记者)\s*[：:][^。；;]{2,60}[？?]$"
)
INLINE_ORDINAL_RE = re.compile(rf"^(?:[{CN_ORD}]+是|[第其][{CN_ORD}]+[，,、：:])")
_LABEL_TEXT_RE = re.compile(r"^([^\s，。；：:,;《》“”\"'（）()、]{2,14})[：:]")


_YEAR_IN_RE = re.compile(r"\d{4}年")
_HEAD_COLON_RE = re.compile(r"([^，。；：:,;]{1,15})[：:]")
_COMMA_RE = re.compile(r"[，,；;]")


def classify_paragraph(par: Paragraph) -> None:
    """Set the paragraph's form, numbering and title / body boundaries from its own text."""
    text = par.text
    if is_furniture(text):
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
    stripped_end = len(content.rstrip(EDGE_PUNCT))
    if par.style == "article":  # 工作目标）: the subject without its closing bracket
        stripped_end = len(content[:stripped_end].rstrip("）) \u3000"))
    has_terminal = find_sentence_end(content, 0, CLAUSE_END) != -1
    par.title_start = par.content_start
    if par.style is not None:
        end = _title_end(content)
        if end is None:  # a heading line: no sentence punctuation at all
            par.form = "heading"
            par.title_end = par.content_start + stripped_end
            return
        title_end, body_at = end
        par.title_end = par.content_start + title_end
        setting = _SETTING_CLAUSE_RE.match(content, 0, title_end)
        if setting and title_end - setting.end() >= 4:  # （二）为使…相同步，…要…: the purpose names nothing
            par.title_start = par.content_start + setting.end()
        rest = content[body_at:].strip(STRIP)
        if not rest:
            par.form = "heading"
            return
        par.form = "headed"
        par.body_start = (
            par.content_start + body_at + (len(content[body_at:]) - len(content[body_at:].lstrip(STRIP)))
        )
        return
    # unnumbered paragraphs
    label = _LABEL_TEXT_RE.match(content)
    if label and classify_title(label.group(1)) not in (None, "skip"):
        after = content[label.end() :].strip(STRIP)
        if after and (has_terminal or len(after) > 40):
            par.form = "labelled"
            par.title_end = par.start + len(label.group(1))
            par.body_start = (
                par.start
                + label.end()
                + (len(content[label.end() :]) - len(content[label.end() :].lstrip(STRIP)))
            )
            return
    if _QUESTION_LINE_RE.match(content):  # 问：《方案》提出了哪些主要目标？ heads its answer
        par.form = "plain_heading"
        par.title_end = par.start + stripped_end
        return
    if not has_terminal and len(content) <= 40:
        if is_org_line(content):
            par.form = "meta"
            return
        par.form = "plain_heading"
        par.title_end = par.start + stripped_end
        return
    first_end = find_sentence_end(content, 0)
    if first_end != -1 and content[first_end + 1 :].strip(STRIP):
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
            ordinal = INLINE_ORDINAL_RE.match(lead)  # 一是推动绿色低碳转型发展。…: the name has no 一是
            if ordinal and first_end - ordinal.end() >= 2:
                par.title_start = par.start + ordinal.end()
            par.title_end = par.start + first_end
            par.body_start = (
                par.start
                + first_end
                + 1
                + (len(content[first_end + 1 :]) - len(content[first_end + 1 :].lstrip(STRIP)))
            )
            return
    par.form = "prose"


# A numbered paragraph's first clause that gives the purpose or basis of its measure (为使…，为了…，根据…，
# 在…前提下，): the name is the clause after it.
_SETTING_CLAUSE_RE = re.compile(
    r"(?:为了?|为使|为确保|按照|根据|依据)[^，,。；;：:]{2,40}[，,]|在[^，,。；;：:]{2,40}(?:前提下|基础上)[，,]"
)


# A measure for whom a condition holds, its scope running over a comma: 对促进外贸、外资稳定增长，积极优化营商
# 环境成效明显的省（区、市），给予…
_SCOPE_RE = re.compile(r"对[^。；;：:的]{2,60}?[，,][^。；;：:，,]{2,60}?的[^。；;：:，,]{0,16}[，,]")


def _title_end(content: str) -> tuple[int, int] | None:
    """(end of the heading words, start of the body) of a numbered paragraph; None for a bare heading."""
    colon = _HEAD_COLON_RE.match(content)
    if colon and classify_title(colon.group(1)) is not None:
        return colon.end() - 1, colon.end()
    end = find_sentence_end(content, 0)
    if end == -1:
        if find_sentence_end(content, 0, CLAUSE_END) == -1 and len(content) <= 60:
            return None
        end = len(content)
    sentence = content[:end]
    if len(sentence) > 40:
        setting = _SETTING_CLAUSE_RE.match(sentence)
        comma = _COMMA_RE.search(sentence, setting.end() if setting else 0)
        scope = _SCOPE_RE.match(sentence)
        if scope and comma and "的" not in sentence[: comma.start()]:
            comma = _COMMA_RE.search(sentence, scope.end() - 1)  # 对A，B…的省（区、市），: the whole scope
        if comma and comma.start() >= 4:
            return comma.start(), end + 1 if end < len(content) else end
    return end, end + 1
