"""Sections by meaning, walked: a labelled section's items (sub-sections, enumerations, lead paragraphs,
or sentences of prose), an unlabelled numbered section as a task, and the loose paragraphs of a news
report or an interpretation (see `reports`).

In the genre, the body chapters between the framework (要求/原则/目标) and the safeguards are the tasks:
an unlabelled numbered section whose sub-sections are unlabelled too (二、丰富赛事活动，完善赛事体系;
第三章 建设数字基础设施) is a task. A task's sub-tasks are its numbered sub-sections or lead-sentence
paragraphs, or else the clauses (split on ；; 。) of its single paragraph; deeper levels stay inside.
"""

from __future__ import annotations

import dataclasses
import re

from plankg.loaders.structure.annexes import ANNEX_OPENING_RE, mark_definition_annexes
from plankg.loaders.structure.clauses import (
    ACTION_TITLE_RE,
    AIM_END_RE,
    CASES_LEAD_RE,
    END_STATE_TITLE_RE,
    IDEOLOGY_RE,
    INSTRUCTION_RE,
    PRINCIPLE_RE,
    PRINCIPLE_TO_AIM_RE,
    REPORTING_LEAD_RE,
    SUMMARY_ENDINGS,
    TIME_LEAD_RE,
    clauses,
    enumerations,
)
from plankg.loaders.structure.headings import (
    COUNT_RE,
    Kind,
    fallback_kind,
    heading_count,
    is_pure_label,
    is_question,
)
from plankg.loaders.structure.items import (
    PLURAL,
    Item,
    Outline,
    enum_item,
    paragraph_item,
    principle_items,
)
from plankg.loaders.structure.numerals import ordinal_of
from plankg.loaders.structure.paragraphs import (
    INLINE_ORDINAL_RE,
    Paragraph,
    classify_paragraph,
    split_paragraphs,
)
from plankg.loaders.structure.punctuation import CLAUSE_END, SENTENCE_END, trim
from plankg.loaders.structure.reports import (
    announced_goals,
    loose_paragraph_items,
    mark_reader_letters,
    reported_goals,
)
from plankg.loaders.structure.sections import (
    Section,
    build_sections,
    has_inline_body,
    has_kind_descendant,
    has_labelled_descendant,
)
from plankg.loaders.tables import find_tables, merge_measure_lists

# 一是 / 二是 opening a paragraph of a series (not 第一，, which also opens what a plan contains)
_SERIES_OPENER_RE = re.compile(r"^[一二三四五六七八九十]+是")


class _OutlineBuilder:
    """Walks the section tree, taking each labelled section's items and the loose paragraphs' ones."""

    def __init__(
        self, text: str, paragraphs: list[Paragraph], root: Section, title: Paragraph | None
    ) -> None:
        self.text = text
        self.outline = Outline(text=text, paragraphs=paragraphs, root=root, title=title)

    # -- walking the section tree
    def walk(self, section: Section) -> None:
        label = section.label
        if section.heading is not None and label == "skip":
            if not has_kind_descendant(section):
                # 三、组织保障 … 附件：…任务分解表: the annex after the last section is not skipped with it
                annex = next((p.start for p in section.paragraphs() if ANNEX_OPENING_RE.match(p.text)), None)
                self.outline.skipped.append((section.start, annex if annex is not None else section.end))
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
        if section.heading is not None and label is None and is_question(section.heading.text):
            # 如何增强职业教育认可度？ names no task: its answer is running text, read as such
            self.outline.heading_spans.append((section.heading.start, section.heading.end))
            self.outline.answers.append((section.heading.end, section.end))
            return
        listed = self.counted_list_kind(section) if section.heading is not None and label is None else None
        if listed is not None:
            self.take(section, listed)
            return
        if section.heading is not None and label is None and self.states_goals(section):
            self.take(section, "goal")
            return
        if section.heading is not None and label is None and self.is_default_task(section):
            self.outline.target_sections.append((section.start, section.end))
            self.outline.tasks.append(self.task_item(section))
            return
        if section.heading is not None:
            self.outline.heading_spans.append((section.heading.start, section.heading.end))
        for pars in (section.body, section.tail):
            loose_paragraph_items(self.outline, pars)
        for child in section.children:
            self.walk(child)

    def counted_list_kind(self, section: Section) -> Kind | None:
        """The kind a heading counts (答：《规划》设置了4个方面的主要目标： → goal) when that many paragraphs
        numbered 一是…, 二是… and nothing else follow it: they are the items. None otherwise."""
        counted = heading_count(section.heading.text) if section.heading is not None else None
        if counted is None or section.children or len(section.body) != counted[0]:
            return None
        ordinals = [INLINE_ORDINAL_RE.match(par.text) for par in section.body]
        numbered = all(
            ordinal is not None and ordinal_of(ordinal.group()) == number
            for number, ordinal in enumerate(ordinals, 1)
        )
        return counted[1] if numbered else None

    def states_goals(self, section: Section) -> bool:
        """A section whose sub-sections are each headed by an end state to reach (（一）高质量发展取得显著
        成效。（二）科技自立自强水平大幅提高。…) under a heading that speaks of goals: they are the goals."""
        children = [c for c in section.children if c.heading is not None]
        return (
            len(children) >= 3
            and "目标" in section.title
            and all(END_STATE_TITLE_RE.search(c.title) for c in children)
        )

    def is_default_task(self, section: Section) -> bool:
        heading = section.heading
        if heading is None or heading.style is None or heading.style == "bullet":
            return False
        if not (section.children or section.body or heading.body_start is not None):
            # a one-sentence measure with no body of its own (（四）对…的社会团体，予以合并。) is a task
            return heading.text.endswith("。") and INSTRUCTION_RE.search(heading.text) is not None
        return not has_labelled_descendant(section) and not self.is_account(section)

    def is_account(self, section: Section) -> bool:
        """A numbered section that neither names an action in its title nor gives one in its text: an
        account of facts or an analysis (关于1996年度地震重点危险区的判定; an annex listing what is
        measured), not a task."""
        # 聚焦行业大模型研发应用，全面提升空间智能基础能力: the action may open any clause of the title
        acts = any(ACTION_TITLE_RE.match(clause.strip()) for clause in re.split(r"[，,；;]", section.title))
        return not acts and INSTRUCTION_RE.search(self.text, section.start, section.end) is None

    def take(self, section: Section, kind: Kind) -> None:
        self.outline.target_sections.append((section.start, section.end))
        self.outline.heading_spans.append((section.heading.start, section.heading.end))  # type: ignore[union-attr]
        items = self.items_of(section, kind)
        getattr(self.outline, PLURAL[kind]).extend(items)
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
                    and is_pure_label(child.title)
                    and (child.children or child.body or has_inline_body(child.heading))
                ):
                    items += self.items_of(child, kind)
                elif (
                    child_label in ("goal", "direction", "task")
                    and child_label != kind
                    and is_pure_label(child.title)
                ):
                    self.walk(child)
                else:
                    items.append(self.section_item(child, kind))
            return items
        paragraphs = (
            [section.heading] if section.heading and section.heading.body_start is not None else []
        ) + [p for p in section.body]
        for par in paragraphs:
            enum = enumerations(self.text, par)
            if enum:
                for _, content_start, end in enum:
                    items.append(enum_item(self.text, content_start, end, kind))
        if items:
            return items
        # the answer to a question on measures (…人民银行有什么举措？) told as a series: 一是深化…，持续
        # 推动…。 / 四是加强…建设。坚决…。, lead or prose paragraphs alike (an answer on goals is read
        # sentence by sentence below, its lead aim with its series)
        asked = section.heading is not None and section.heading.text.endswith(("？", "?"))
        series = [p for p in section.body if p.form in ("lead", "prose") and _SERIES_OPENER_RE.match(p.text)]
        if asked and kind == "task" and len(series) >= 2:
            return [paragraph_item(self.text, self._series_lead(p), kind) for p in series]
        leads = [p for p in section.body if p.form == "lead"]
        if leads:
            return [paragraph_item(self.text, p, kind) for p in leads]
        sentences: list[tuple[int, int]] = []  # of a direction section written as prose
        if kind == "goal" or is_pure_label(section.title):
            for par in paragraphs:
                body_start = par.body_start if par.body_start is not None else par.content_start
                # goals written as prose: one per sentence, or per clause where ； lists several
                terminals = CLAUSE_END if kind == "goal" else SENTENCE_END
                for s, e in clauses(self.text, body_start, par.end, terminals):
                    sentence = self.text[s:e]
                    report = REPORTING_LEAD_RE.match(sentence)
                    if report:
                        s += report.end()
                        sentence = self.text[s:e]
                    if not sentence or (
                        IDEOLOGY_RE.search(sentence)
                        and not (kind == "direction" and PRINCIPLE_RE.match(sentence))
                        and not (kind == "goal" and _states_aim_after_principle(sentence))
                    ):
                        continue
                    if kind != "goal" and (COUNT_RE.search(sentence) or sentence.endswith(SUMMARY_ENDINGS)):
                        continue  # "《规划》明确了八项重点任务" announces the items, is not one
                    announces = (
                        sentence.endswith(SUMMARY_ENDINGS)
                        and not TIME_LEAD_RE.match(sentence)
                        and not AIM_END_RE.search(sentence)  # …实现水安全韧性增强…的目标 states it
                    )
                    if kind == "goal" and announces:
                        continue  # "…提出了两个阶段性目标" announces the goals (到2025年，…如下 states one)
                    if kind == "direction":
                        sentences.append((s, e))
                        continue
                    time_lead = TIME_LEAD_RE.match(sentence)
                    name_start = s + (time_lead.end() if time_lead else 0)
                    items.append(Item(kind=kind, name=trim(self.text, name_start, e), span=(s, e)))
            items += principle_items(self.text, sentences)
        return items

    def _series_lead(self, par: Paragraph) -> Paragraph:
        """A prose paragraph of a series read as a lead and its body: 一是深化金融领域制度型开放，持续推动…
        is named by its first clause after the ordinal (a lead paragraph is one already)."""
        if par.form == "lead":
            return par
        opener = _SERIES_OPENER_RE.match(par.text)
        assert opener is not None
        start = par.start + opener.end()
        stops = [at for at in (self.text.find(ch, start, par.end) for ch in "，,。；;") if at != -1]
        lead_end = min(stops, default=par.end)
        body_start = lead_end + 1 if lead_end + 1 < par.end else None
        return dataclasses.replace(par, title_start=start, title_end=lead_end, body_start=body_start)

    def section_item(self, section: Section, kind: Kind) -> Item:
        if kind == "task":
            return self.task_item(section)
        heading = section.heading
        assert heading is not None
        name = trim(self.text, heading.title_start, heading.title_end)
        return Item(kind=kind, name=name, span=(heading.start, section.end))

    def task_item(self, section: Section) -> Item:
        heading = section.heading
        assert heading is not None
        name = trim(self.text, heading.title_start, heading.title_end)
        if CASES_LEAD_RE.search(self.text, *name):
            return Item(kind="task", name=name, span=(heading.start, section.end))
        children: list[Item] = []
        for child in section.children:
            if child.label == "skip":
                continue
            child_heading = child.heading
            assert child_heading is not None
            children.append(
                Item(
                    kind="task",
                    name=trim(self.text, child_heading.title_start, child_heading.title_end),
                    span=(child.start, child.end),
                )
            )
        if not children:
            for par in [heading, *section.body]:
                for _, content_start, end in enumerations(self.text, par):
                    item = enum_item(self.text, content_start, end, "task")
                    children.append(item)
        if not children:
            children = [
                paragraph_item(self.text, p, "task", split=False) for p in section.body if p.form == "lead"
            ]
        if not children and not section.body and heading.body_start is not None:
            children = [
                Item(kind="task", name=span, span=span, clause=True)
                for span in clauses(self.text, heading.body_start, heading.end)
            ]
        elif not children and heading.body_start is None and len(section.body) == 1:
            only = section.body[0]  # "3、深化融合应用。" + one paragraph of clauses
            children = [
                Item(kind="task", name=span, span=span, clause=True)
                for span in clauses(self.text, only.start, only.end)
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


def _states_aim_after_principle(sentence: str) -> bool:
    """坚持安全为重…，实现水安全韧性增强…的目标 / 坚持以人为本理念，…，形成…格局: a goal section's sentence
    opening on a principle states the aim all the same."""
    return AIM_END_RE.search(sentence) is not None or PRINCIPLE_TO_AIM_RE.match(sentence) is not None


def parse_outline(text: str) -> Outline:
    """The outline of a plan text with its goals, directions, tasks and indicator tables."""
    paragraphs = split_paragraphs(text)
    for par in paragraphs:
        classify_paragraph(par)
    mark_definition_annexes(paragraphs)
    mark_reader_letters(paragraphs)
    merge_measure_lists(text, paragraphs)
    tables = find_tables(paragraphs)
    root, title = build_sections(paragraphs)
    builder = _OutlineBuilder(text, paragraphs, root, title)
    builder.walk(root)
    if not builder.outline.goals:
        reported_goals(builder.outline)
    if not builder.outline.goals:
        announced_goals(builder.outline)
    outline = builder.outline
    outline.tables = tables
    if not (outline.goals or outline.directions or outline.tasks):
        outline.warnings.append("no goal, direction or task sections were recognised")
    return outline
