"""A news report's or an interpretation's loose paragraphs, outside any labelled section: a paragraph
that lists items itself (《规划》提出三大目标：一是…；二是…), one that announces them
(部署了四个方面的重点任务。) followed by 一是…/二是… paragraphs, and — when the document has no goal
section at all — the first "《规划》提出，到2025年，…" paragraph, whose sentences are the goals, a
paragraph a lead announces as the goal (…工作的目标是：), or a dated aim stated in the preamble before
the first numbered heading (…逐步扩大，1998年达到2000人的规模。). A reader's letter that a Q&A page answers
(读者关切 / 我是一名林农，想…) is furniture."""

from __future__ import annotations

import re
from itertools import pairwise

from plankg.loaders.spans import SpanSet
from plankg.loaders.structure.clauses import (
    ACTION_TITLE_RE,
    AIM_IS_A_DECISION_RE,
    FIGURE_PART_RE,
    INLINE_KIND_RE,
    REPORTING_LEAD_RE,
    TIME_LEAD_RE,
    clauses,
    dated_parts,
    enumerations,
)
from plankg.loaders.structure.headings import Kind, heading_count
from plankg.loaders.structure.items import PLURAL, Item, Outline, enum_item, paragraph_item
from plankg.loaders.structure.numerals import ordinal_of, ordinal_value
from plankg.loaders.structure.paragraphs import INLINE_ORDINAL_RE, Paragraph
from plankg.loaders.structure.punctuation import SENTENCE_END, STRIP, trim

_READER_LABEL_RE = re.compile(r"\s*(?:读者关切|读者来信|读者提问|网友留言|网友提问)\s*$")


def mark_reader_letters(paragraphs: list[Paragraph]) -> None:
    """读者关切 / 我是一名林农，想在…增加收入。请问国家是否有相应的政策保障？: the reader's letter a Q&A
    page answers is the reader's words, not the plan's: furniture, like the byline."""
    for label, letter in pairwise(paragraphs):
        if _READER_LABEL_RE.match(label.text):
            label.form = letter.form = "meta"


def reported_goals(outline: Outline) -> None:
    """A news report names no goal section, but says what the plan sets out to reach:
    "《规划》提出，到2025年，…。" — its sentences are the goals (the first such paragraph only)."""
    taken = outline.skipped + outline.target_sections
    lead_done = False
    for par in outline.paragraphs:
        if par.form not in ("prose", "lead") or any(s <= par.start < e for s, e in taken):
            continue
        report = REPORTING_LEAD_RE.match(par.text)
        opening = not lead_done and report is None and TIME_LEAD_RE.match(par.text) is not None
        lead_done = True
        if opening:  # 到2030年，邮政行业寄递业务量达到2900亿件……日前，《…规划》发布: the lead opens on them
            _lead_goals(outline, par)
            continue
        if report is None or not TIME_LEAD_RE.match(par.text[report.end() :].lstrip(STRIP)):
            continue
        sentence_parts = (
            dated_parts(outline.text, s, e, TIME_LEAD_RE)
            for s, e in clauses(outline.text, par.start + report.end(), par.end, SENTENCE_END)
        )
        for s, e in (trim(outline.text, *part) for parts in sentence_parts for part in parts):
            if _TASKS_TOLD_RE.search(outline.text, s, e) or FIGURE_PART_RE.match(outline.text, s):
                # 《规划》部署了…重点任务。一是…, 搭建“156”…体系。“1”是依托…: the goals end where the tasks
                # are told, or the parts that build the aim
                break
            if _GOALS_LOOKED_AT_RE.search(outline.text, s, e):
                continue
            time_lead = TIME_LEAD_RE.match(outline.text[s:e])  # (^ holds only at a slice's start)
            name_start = s + time_lead.end() if time_lead else s
            if e - name_start >= 4:
                name = trim(outline.text, name_start, e)
                outline.goals.append(Item(kind="goal", name=name, span=(s, e)))
        if outline.goals:  # the goal sentences read, the rest of the paragraph left to the prose reader
            outline.target_sections.append((outline.goals[0].span[0], outline.goals[-1].span[1]))
            return


def _lead_goals(outline: Outline, par: Paragraph) -> None:
    """The dated sentence a news lead opens on (up to an ellipsis or the sentence end), as one goal."""
    text = outline.text
    ellipsis, stop = text.find("……", par.start, par.end), text.find("。", par.start, par.end)
    end = min((at for at in (ellipsis, stop + 1 if stop != -1 else -1) if at != -1), default=par.end)
    s, e = trim(text, par.start, end)
    e = end if text[end - 1 : end] == "。" else e  # a sentence keeps its full stop, as prose goals do
    if e - s >= 8 and not _PAST_RE.search(text, s, e):  # 到2024年，…已经达到232个: reached
        outline.goals.append(Item(kind="goal", name=(s, e), span=(s, e)))
        outline.target_sections.append((s, e))


# 同时，对2035年目标作了展望。: that the plan looks further ahead, no aim stated (a sentence saying only
# that: …作了展望，并提出加快形成…总体布局 goes on to state an aim)
_GOALS_LOOKED_AT_RE = re.compile(r"对[^，,。；;]{0,12}目标(?:作|做)(?:了|出)?(?:展望|安排)。?$")
_TASKS_TOLD_RE = re.compile(r"任务|举措|措施|部署|^\s*[一二三四五六七八九十]是")


# "我局建议“九五”期间我国防震减灾工作的目标是：" — a short lead that announces the goal as what follows
_GOAL_ANNOUNCED_RE = re.compile(r"(?<!上述)(?<!实现)目标(?:是|为|如下|主要是)?[：:]$")
# a clause that opens with the year to reach ("1998年达到2000人的规模", "到2000年基本建成…")
_DATED_AIM_RE = re.compile(
    r"(?:(?:到|至|于|力争|争取|计划)\s*)?(?:19|20)\d{2}\s*年(?:底|末)?(?:前)?[，,]?\s*"
    r"(?=(?:全面|基本|初步)?(?:达到|实现|建成|形成|完成|覆盖|普及))"
)
# in a plan's preamble (numbered parts follow), a clause led by "到2025年，" states an aim whatever its verb
_YEAR_LEAD_RE = re.compile(r"(?:力争|争取)?到\s*(?:19|20)\d{2}\s*年(?:底|末)?(?:前)?[，,]")
# clauses before the year that are not the aim's subject: a purpose or basis (为贯彻落实…的精神), quoted
# text, a fact of the past
_NOT_SUBJECT_RE = re.compile(
    r"^(?:为|根据|按照|依据|围绕|贯彻|遵照)|[”》]|(?:明确|提出|指出|要求|强调|表示|介绍)[，,]?$"  # 方案明确，
)
_PAST_RE = re.compile(r"已|以来|截至|同比|去年|了")
_MAX_SUBJECT_CLAUSES = 3


def announced_goals(outline: Outline) -> None:
    """When no section names the goals: the paragraph after a lead announcing the goal ("…的目标是："),
    else the dated aims of the preamble (the text before the first numbered heading), each from its
    subject to the end of its sentence."""
    text = outline.text
    taken = SpanSet(outline.skipped)
    paragraphs = [p for p in outline.paragraphs if not taken.holds(p.start)]
    for lead, follower in pairwise(paragraphs):
        if (
            lead.form in ("prose", "lead", "plain_heading")
            and len(lead.text) <= 80
            and _GOAL_ANNOUNCED_RE.search(lead.text)
            and follower.form in ("prose", "lead")
        ):
            for s, e in clauses(text, follower.start, follower.end, SENTENCE_END):
                outline.goals.append(Item(kind="goal", name=trim(text, s, e), span=(s, e)))
            outline.target_sections.append((follower.start, follower.end))
            return
    numbered = any(par.style not in (None, "bullet") for par in paragraphs)
    for par in paragraphs:
        if par.style not in (None, "bullet"):
            break  # the preamble ends at the first numbered heading
        if par.form not in ("prose", "lead"):
            continue
        for s, e in clauses(text, par.start, par.end, SENTENCE_END):
            aim = _dated_aim(text, s, e, year_lead=numbered)
            if aim is not None:
                outline.goals.append(Item(kind="goal", name=trim(text, *aim), span=aim))
                outline.target_sections.append(aim)
                outline.preamble_aims = True


def _dated_aim(text: str, start: int, end: int, *, year_lead: bool) -> tuple[int, int] | None:
    """The aim of one sentence: the clause opening with its year and the clauses naming its subject
    before it (not a purpose, basis or quotation), to the sentence end; None when it states none."""
    cuts = [start] + [i + 1 for i in range(start, end) if text[i] in "，,"]
    for index, cut in enumerate(cuts):
        dated = _DATED_AIM_RE.match(text, cut) or (year_lead and _YEAR_LEAD_RE.match(text, cut))
        if not dated or _PAST_RE.search(text, cut, end):
            continue
        if AIM_IS_A_DECISION_RE.search(text, cut, cuts[index + 1] if index + 1 < len(cuts) else end):
            continue  # 到2035年建成健康中国是中共中央作出的一项战略决策: what the aim is, said of it
        first = index
        while first > 0 and index - first < _MAX_SUBJECT_CLAUSES:
            before = text[cuts[first - 1] : cuts[first]]
            if _NOT_SUBJECT_RE.search(before) or _PAST_RE.search(before) or ACTION_TITLE_RE.match(before):
                break  # 推动…，提高…，到2029年基本实现…: the measures before it are not its subject
            first -= 1
        return trim(text, cuts[first], end)
    return None


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
    if par.form not in ("prose", "plain_heading"):  # 答：《规划》设置了4个方面的主要目标： reads as a heading
        return None
    counted = heading_count(par.text) if len(par.text) <= 80 else None  # (past an answer's 答：)
    if counted is None:
        return _unnumbered_goals(pars, index) if par.form == "prose" else None
    count, kind = counted
    followers = []
    for follower in pars[index + 1 :]:
        ordinal = INLINE_ORDINAL_RE.match(follower.text)
        expected = len(followers) + 1
        if follower.form not in ("lead", "prose") or ordinal is None:
            break
        if ordinal_of(ordinal.group()) != expected:
            break
        followers.append(follower)
    return (kind, count, followers) if len(followers) >= 2 else None


# …提出了“十五五”时期人社事业发展七大目标18项指标，…: a count of goals the plan sets, inside a sentence
_GOALS_COUNTED_RE = re.compile(
    r"(?:提出|明确|确定|设定|设置)了?[^。；;]{0,40}?([二三四五六七八九十]|[2-9])(?:大|个|项)(?:主要|发展)?目标"
)


def _unnumbered_goals(pars: list[Paragraph], index: int) -> tuple[Kind, int, list[Paragraph]] | None:
    """A paragraph that counts the plan's goals in passing (《规划》…提出了…七大目标18项指标，…。) and
    closes with it, followed by that many unnumbered prose paragraphs: each opens on one goal (就业保持
    总体稳定，高质量充分就业取得新进展。“十五五”时期，…)."""
    par = pars[index]
    counted = _GOALS_COUNTED_RE.search(par.text)
    if counted is None or INLINE_ORDINAL_RE.search(par.text, counted.end()) is not None:
        return None
    count = ordinal_value(counted.group(1))
    followers = pars[index + 1 : index + 1 + (count or 0)]
    if not count or len(followers) != count:
        return None
    if any(p.form != "prose" or INLINE_ORDINAL_RE.match(p.text) or len(p.text) > 300 for p in followers):
        return None
    return "goal", count, followers


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
