"""Items — the goals, directions and tasks an outline holds — and the ways a paragraph gives them: as a
lead sentence and its body, as an inline enumeration, or as principles stated in prose (坚持…)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from plankg.loaders.structure.clauses import PRINCIPLE_RE, SCOPE_ONLY_RE, action_name, clauses, enumerations
from plankg.loaders.structure.headings import Kind
from plankg.loaders.structure.punctuation import CLAUSE_END, find_sentence_end, trim

if TYPE_CHECKING:
    from collections.abc import Iterator

    from plankg.loaders.structure.paragraphs import Paragraph
    from plankg.loaders.structure.sections import Section
    from plankg.loaders.tables import Table


@dataclass
class Item:
    """One goal, direction or task found in the outline, with its sub-items (tasks only)."""

    kind: Kind
    name: tuple[int, int]
    span: tuple[int, int]
    children: list[Item] = field(default_factory=list)
    clause: bool = False  # a clause of a paragraph, not a paragraph of its own
    # found by a learned model (a report's tasks by the sentence model, its goal by the goal-clause
    # model), not by a rule; a learned task's numbers need a cue of their own
    learned: bool = False


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
    answers: list[tuple[int, int]] = field(default_factory=list)  # answers to unlabelled questions
    preamble_aims: bool = False  # the goals are the dated aims of the text before any numbered heading
    tables: list[Table] = field(default_factory=list)


def all_items(items: list[Item]) -> Iterator[Item]:
    """The items and their sub-items, depth first."""
    for item in items:
        yield item
        yield from all_items(item.children)


# The Outline attribute holding each kind of item.
PLURAL = {"goal": "goals", "direction": "directions", "task": "tasks"}


def principle_items(text: str, sentences: list[tuple[int, int]]) -> list[Item]:
    """Directions written as prose (基本原则。坚持A，…。坚持B，…。): the sentences that state a
    principle (坚持…) are the items, named by their first clause; any others are their bodies.
    Without such sentences every sentence is an item."""
    stated = [(s, e) for s, e in sentences if PRINCIPLE_RE.match(text, s)]
    if not stated:
        return [Item(kind="direction", name=(s, e), span=(s, e)) for s, e in sentences]
    items = []
    for index, (start, end) in enumerate(stated):
        next_start = stated[index + 1][0] if index + 1 < len(stated) else len(text)
        span = (start, max([end, *(e for s, e in sentences if start < s < next_start)]))
        first = find_sentence_end(text, start, CLAUSE_END + "，,", end)
        name = trim(text, start, first if first != -1 and first - start >= 4 else end)
        items.append(Item(kind="direction", name=name, span=span))
    return items


def paragraph_item(text: str, par: Paragraph, kind: Kind, split: bool = True) -> Item:
    """An item written as a lead sentence and its body; a task's sub-tasks are its enumeration or clauses."""
    name = trim(text, par.title_start, par.title_end)
    children: list[Item] = []
    if kind == "task" and split and par.body_start is not None:
        enum = enumerations(text, par)
        if enum:
            children = [enum_item(text, c, e, "task") for _, c, e in enum]
        else:
            children = [
                Item(kind="task", name=action_name(text, *span), span=span, clause=True)
                for span in clauses(text, par.body_start, par.end)
                if not _scope_alone(text, *span)
            ]
    return Item(kind=kind, name=name, span=(par.start, par.end), children=children)


def _scope_alone(text: str, start: int, end: int) -> bool:
    """一方面 / 针对国家重大战略等需求 on its own: a clause naming no action."""
    return SCOPE_ONLY_RE.match(text, start) is not None and action_name(text, start, end)[0] == start


def enum_item(text: str, content_start: int, end: int, kind: Kind) -> Item:
    """An item of an inline enumeration, named by its first clause."""
    span = trim(text, content_start, end)
    first = find_sentence_end(text, span[0], CLAUSE_END + "，,", span[1])
    name = trim(text, span[0], first if first != -1 else span[1])
    if name[1] - name[0] < 4:
        name = span
    return Item(kind=kind, name=name, span=span, clause=True)
