"""Tasks of reports and interpretations weighed sentence by sentence by the learned sentence model.

A report tells its tasks in sentences of every shape, and rules written on one batch of real reports lift
the next batch little. So in a report or an interpretation the learned model (sentence_model.py) has a say:
a task the rules found whose sentences the model holds almost surely not a task is dropped, and a sentence
it holds a task with confidence, which no item covers yet, becomes a task. Thresholds were chosen by
leave-one-batch-out runs over the real-document gold (each batch scored by a model that never saw it).
Official plans keep their structure's tasks untouched: there structure beats any sentence model.
"""

from __future__ import annotations

from bisect import bisect_right

from plankg.loaders.prose import (
    NO_SECTIONS_WARNING,
    clauses,
    evidence_span,
    sentences,
    without_modal,
)
from plankg.loaders.sentence_model import model_text, sentence_model
from plankg.loaders.spans import GrowingSpans, SpanSet
from plankg.loaders.structure import Item, Outline, all_items

DROP_OTHER = 0.9  # a rule's task whose every sentence is this surely neither task nor goal is not one
ADD_ABOVE = 0.6  # a sentence scoring above this (and above goal and other) is a task
_NOT_TEXT_FORMS = ("meta", "title", "annex", "table")  # paragraphs that are no running text
_NAME_CHARS = 4  # a clause shorter than this is a link word (此外, 其中, 同时), not what the task does


def line_sentences(text: str) -> list[tuple[int, int]]:
    """Sentences line by line (a heading or title line without a full stop is a sentence of its own)."""
    found: list[tuple[int, int]] = []
    at = 0
    for line in text.splitlines(keepends=True):
        found += sentences(text, at, at + len(line.rstrip("\r\n")))
        at += len(line)
    return found


def running_text(outline: Outline) -> list[tuple[int, int]]:
    """The spans of the outline's paragraphs of running text: not its title, meta lines, annexes or tables."""
    return [(p.start, p.end) for p in outline.paragraphs if p.form not in _NOT_TEXT_FORMS]


def sentences_in(
    paragraphs: list[tuple[int, int]], sentences: list[tuple[int, int]]
) -> list[tuple[int, int]]:
    """The sentences that open inside the given paragraphs."""
    body = SpanSet(paragraphs)
    return [span for span in sentences if body.holds(span[0])]


def weigh_tasks(outline: Outline, *, surely_on_a_plan: bool = False) -> Outline:
    """The outline of a report or interpretation with its tasks weighed by the sentence model. Span
    lookups by bisection: linear in the text however many sentences and items it has."""
    if not (outline.goals or outline.tasks or outline.directions or surely_on_a_plan):
        return outline  # no rule found an aim or action: news of something else, unless surely on a plan
    text = outline.text
    model = sentence_model()
    paragraphs = running_text(outline)
    spans = sentences_in(paragraphs, line_sentences(text))
    ends = [end for _, end in spans]
    scores = [model.probabilities(model_text(text[start:end])) for start, end in spans]

    def other_score(span: tuple[int, int]) -> float:
        """The least `other` of the sentences the span meets; 0 when it meets none (a table cell)."""
        least = 0.0 if (i := bisect_right(ends, span[0])) >= len(spans) or spans[i][0] >= span[1] else 1.0
        while i < len(spans) and spans[i][0] < span[1]:
            least = min(least, scores[i]["other"])
            i += 1
        return least

    def kept(items: list[Item]) -> list[Item]:
        out: list[Item] = []
        for item in items:
            children = kept(item.children)
            if other_score(item.span) <= DROP_OTHER:
                item.children = children
                out.append(item)
            else:
                out += children  # a sub-task the model keeps outlives its dropped parent
        return out

    found = sum(1 for _ in all_items(outline.tasks))
    tasks = sorted(kept(outline.tasks), key=lambda item: item.span[0])
    if outline.tasks and not tasks:
        tasks = outline.tasks  # the model refines the tasks the rules found; it does not empty them
    dropped = found - sum(1 for _ in all_items(tasks))
    taken = GrowingSpans(item.span for item in tasks + outline.goals + outline.directions)
    added = [
        _sentence_task(text, start, end)
        for (start, end), p in zip(spans, scores, strict=True)
        if p["task"] > ADD_ABOVE and p["task"] == max(p.values()) and not taken.overlaps(start, end)
    ]
    if added:  # the text held tasks after all
        outline.warnings = [w for w in outline.warnings if w != NO_SECTIONS_WARNING]
    if added or dropped:
        outline.warnings.append(f"sentence model: {len(added)} tasks added, {dropped} dropped")
    outline.tasks = _under_their_leads(tasks, added, paragraphs)
    return outline


def _under_their_leads(tasks: list[Item], added: list[Item], paragraphs: list[tuple[int, int]]) -> list[Item]:
    """The added tasks, each as a sub-task of the task its paragraph opens with (要加强省外就业公共服务。
    通过访企拓岗…，深化东西部劳务协作。: the lead names the task, the sentence after it is its detail), else
    as tasks of their own. `tasks` and `paragraphs` are sorted by start."""
    paragraph_starts = [start for start, _ in paragraphs]
    task_starts = [item.span[0] for item in tasks]
    top = list(tasks)
    for item in added:
        at = item.span[0]
        paragraph_start = paragraph_starts[max(0, bisect_right(paragraph_starts, at) - 1)]
        before = bisect_right(task_starts, at) - 1  # added sentences overlap no task: this one ends before
        if before >= 0 and tasks[before].span[0] >= paragraph_start:
            tasks[before].children.append(item)
        else:
            top.append(item)
    return sorted(top, key=lambda item: item.span[0])


def _sentence_task(text: str, start: int, end: int) -> Item:
    """A task that is one sentence, named by its first clause of some words (此外，… / 其中，… link it to
    the sentence before: no name) without the modal (要加快… → 加快…)."""
    span = evidence_span(text, start, end)
    parts = clauses(text, *span) or [span]
    first = next((part for part in parts if part[1] - part[0] >= _NAME_CHARS), parts[0])
    task = Item(kind="task", name=without_modal(text, first), span=span, learned=True)
    # 七大行动的具体内容包括：实施…行动，…；实施…行动，…: the actions it lists, each a sub-task
    lead_end = text.find("：", *span)
    listed = clauses(text, lead_end + 1, span[1], marks="；;") if lead_end != -1 else []
    if len(listed) >= 2:
        task.children = [
            Item(kind="task", name=without_modal(text, part), span=part, clause=True, learned=True)
            for part in listed
        ]
    return task
