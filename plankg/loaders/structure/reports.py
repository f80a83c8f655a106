"""A news report's or an interpretation's loose paragraphs, outside any labelled section: a paragraph
that lists items itself (《规划》提出三大目标：一是…；二是…), one that announces them
(部署了四个方面的重点任务。) followed by 一是…/二是… paragraphs, and — when the document has no goal
section at all — the first "《规划》提出，到2025年，…" paragraph, whose sentences are the goals."""

from __future__ import annotations

import re

from plankg.loaders.structure.clauses import (
    INLINE_KIND_RE,
    REPORTING_LEAD_RE,
    TIME_LEAD_RE,
    clauses,
    enumerations,
)
from plankg.loaders.structure.headings import Kind, heading_count
from plankg.loaders.structure.items import PLURAL, Item, Outline, enum_item, paragraph_item
from plankg.loaders.structure.numerals import ordinal_value
from plankg.loaders.structure.paragraphs import INLINE_ORDINAL_RE, Paragraph
from plankg.loaders.structure.punctuation import SENTENCE_END, STRIP, trim


def reported_goals(outline: Outline) -> None:
    """A news report names no goal section, but says what the plan sets out to reach:
    "《规划》提出，到2025年，…。" — its sentences are the goals (the first such paragraph only)."""
    taken = outline.skipped + outline.target_sections
    for par in outline.paragraphs:
        if par.form not in ("prose", "lead") or any(s <= par.start < e for s, e in taken):
            continue
        report = REPORTING_LEAD_RE.match(par.text)
        if report is None or not TIME_LEAD_RE.match(par.text[report.end() :].lstrip(STRIP)):
            continue
        for s, e in clauses(outline.text, par.start + report.end(), par.end, SENTENCE_END):
            time_lead = TIME_LEAD_RE.match(outline.text, s)
            name_start = time_lead.end() if time_lead else s
            if e - name_start >= 4:
                name = trim(outline.text, name_start, e)
                outline.goals.append(Item(kind="goal", name=name, span=(s, e)))
        if outline.goals:
            outline.target_sections.append((par.start, par.end))
            return


def loose_paragraph_items(outline: Outline, pars: list[Paragraph]) -> None:
    """Items in paragraphs outside any labelled section (a news report's): a paragraph that lists
    them itself ("三大目标：一是…"), or one that announces them ("部署了四个方面的重点任务。") with
    the items as the paragraphs that follow ("一是夯实数字基础设施。…")."""
    index = 0
    while index < len(pars):
        par = pars[index]
        followers = _announced_followers(pars, index)
        if followers is None:
            _inline_items(outline, par)
            index += 1
            continue
        kind, count, items_pars = followers
        items = [paragraph_item(outline.text, p, kind) for p in items_pars]
        getattr(outline, PLURAL[kind]).extend(items)
        outline.target_sections.append((par.start, items_pars[-1].end))
        if count is not None and count != len(items):
            outline.warnings.append(
                f"paragraph {par.text[:30]!r} announces {count} {kind}s but {len(items)} were found"
            )
        index += 1 + len(items_pars)


def _announced_followers(
    pars: list[Paragraph], index: int
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
        ordinal = INLINE_ORDINAL_RE.match(follower.text)
        expected = len(followers) + 1
        if follower.form != "lead" or ordinal is None or ordinal_of(ordinal.group()) != expected:
            break
        followers.append(follower)
    return (kind, count, followers) if len(followers) >= 2 else None


def _inline_items(outline: Outline, par: Paragraph) -> None:
    """A prose paragraph that lists items itself: "《规划》提出三大目标：一是…；二是…；三是…。"."""
    colon = re.search(r"[：:]", par.text[:80])
    if colon is None:
        return
    intro = par.text[: colon.start()]
    intro = re.sub(r"《[^》]*》", lambda m: "＿" * len(m.group()), intro)  # 《行动计划》 names no kind
    last = [
        (max(m.end() for m in pattern.finditer(intro)), kind)
        for kind, pattern in INLINE_KIND_RE
        if pattern.search(intro)
    ]
    enum = enumerations(outline.text, par) if last else []
    if not enum or enum[0][0] < par.start + colon.start():
        return
    kind = max(last)[1]  # the kind named closest to the colon: "围绕上述目标，…部署了四项重点任务："
    items = [enum_item(outline.text, content_start, end, kind) for _, content_start, end in enum]
    for item in items:
        item.clause = False
    getattr(outline, {"goal": "goals", "direction": "directions", "task": "tasks"}[kind]).extend(items)
    outline.target_sections.append((par.start, par.end))
    count = heading_count(intro)
    if count is not None and count[1] == kind and count[0] != len(items):
        outline.warnings.append(
            f"paragraph {intro!r} announces {count[0]} {kind}s but {len(items)} were found"
        )


def ordinal_of(marker: str) -> int | None:
    """一是 → 1, 第三， → 3, 其二 → 2."""
    return ordinal_value(re.sub(r"^[第其]|是$|[，,、：:]$", "", marker))
