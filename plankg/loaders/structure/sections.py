"""The outline tree: sections nested by their headings. A numbering style's level is the order in which
it first appears; a plain heading opens a section under the innermost numbered one; a labelled paragraph
is a section of its own; other paragraphs are the body (before sub-sections) or tail (after) of the
innermost open section. The first short line is the document's title."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cached_property

from plankg.loaders.structure.headings import Label, classify_title, fallback_kind
from plankg.loaders.structure.notices import DATE, DATE_LINE_RE, ORG_LINE_RE
from plankg.loaders.structure.numerals import ordinal_of
from plankg.loaders.structure.paragraphs import INLINE_ORDINAL_RE, Paragraph


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

    @cached_property
    def label(self) -> Label | None:  # read many times while walking: classified once
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


# a dash subtitle that dates the text under its title (a report's or a speech's:
# ——二〇二五年三月五日在第十四届全国人民代表大会第三次会议上)
_DATED_SUBTITLE_RE = re.compile(rf"\s*[—–]{{1,2}}\s*{DATE}")


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
        if title_par is not None and index == 1 and _DATED_SUBTITLE_RE.match(par.text):
            # ——二〇二五年三月五日在…会议上: the title's dateline, not a dash-bullet heading
            par.form = "meta"
        if par.form in ("meta", "table", "annex"):
            if par.form == "meta" and DATE_LINE_RE.match(par.text) and _signed(paragraphs, index):
                del stack[1:]  # a signature and its date close the text (a notice's, or the page's)
            continue
        if _CLOSING_FORMULA_RE.match(par.text):
            del stack[1:]  # 特此通知: the notice's body ends (its signature, annex and tables follow)
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
        # lead or prose paragraph: body of the innermost open section (a headed paragraph's section holds
        # the paragraphs after it only when it ends with a colon or they are its parts)
        while (
            len(stack) > 1
            and stack[-1].inline
            and not _ends_with_colon(stack[-1].heading)
            and not _is_part_of(stack[-1], par)
        ):
            stack.pop()
        target = stack[-1]
        (target.tail if target.children else target.body).append(par)
    return root, title_par


_CLOSING_FORMULA_RE = re.compile(r"^\s*(?:特此(?:通知|通告|公告|函告|批复|报告)|此复)[。.]?\s*$")


def _signed(paragraphs: list[Paragraph], index: int) -> bool:
    """A date line right after an organisation's name (落款): the end of a text."""
    return (
        index > 0
        and paragraphs[index - 1].form == "meta"
        and bool(ORG_LINE_RE.match(paragraphs[index - 1].text))
    )


def _is_part_of(section: Section, par: Paragraph) -> bool:
    """Whether `par` is a part of a numbered headed paragraph's section: a lead paragraph after leads
    (（一）着力建设强大国内市场。… then 深入实施提振消费专项行动。…), or the next of its 一是, 二是 …
    (（一）大力提振消费…。 then 一是实施…。 二是扩大…。)."""
    if section.heading is None or section.heading.style is None:
        return False
    if par.form == "lead" and (not section.body or section.body[-1].form == "lead"):
        return True  # the body holds only what this let in: its last paragraph says which kind
    ordinal = INLINE_ORDINAL_RE.match(par.text)
    return ordinal is not None and ordinal_of(ordinal.group()) == len(section.body) + 1


def _ends_with_colon(heading: Paragraph | None) -> bool:
    """A headed paragraph ending with a colon introduces the paragraphs after it."""
    return heading is not None and heading.text.rstrip().endswith(("：", ":"))


def has_inline_body(heading: Paragraph | None) -> bool:
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


def has_kind_descendant(section: Section) -> bool:
    """A sub-section (any depth) labelled goal, direction or task, or a container naming one (总体要求
    与目标): what makes a background or safeguards heading a container after all (总体思路 holding
    基本原则 and 发展目标) — a page's "…政策解读" link under the safeguards does not."""
    return any(
        child.label in ("goal", "direction", "task")
        or (child.label == "container" and fallback_kind(child.title) is not None)
        or has_kind_descendant(child)
        for child in section.children
    )


def has_labelled_descendant(section: Section) -> bool:
    return any(child.label is not None or has_labelled_descendant(child) for child in section.children)
