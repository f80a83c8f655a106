"""Document → Extraction: the plan, its goals, directions, tasks (with sub-tasks) and indicators, the
sectors and concepts they mention, and the links between them; every record traced to its span.

Ids are stable ASCII: the plan's comes from its normalised title and region (a revised document of the
same plan keeps it), the others from the plan id, their place and a short hash of their name, so
re-extracting an unchanged document gives the same ids.
"""

from __future__ import annotations

import dataclasses
import hashlib
import re
from bisect import bisect_right
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path

from plankg.loaders.genre import PROGRAMME_FROM_YEAR, classify_genre
from plankg.loaders.goal_clauses import with_learned_goal
from plankg.loaders.indicators import IndicatorMatch, find_indicators, stated_year
from plankg.loaders.links import apply_overrides, infer_links
from plankg.loaders.metadata import EDITION_PERIODS, extract_metadata
from plankg.loaders.non_targets import condition_lists
from plankg.loaders.plan_context import plan_citations, with_measures, with_plan_context
from plankg.loaders.plan_facts import issue_year
from plankg.loaders.prose import PARTLY_PROSE_GENRES, fill_from_prose, sets_ahead
from plankg.loaders.quantities import canonical_unit
from plankg.loaders.reading import SourceDocument, read_document
from plankg.loaders.spans import SpanSet, SpanSweep
from plankg.loaders.structure import Item, Outline, all_items, parse_outline
from plankg.loaders.tables import table_indicators
from plankg.loaders.task_sentences import weigh_tasks
from plankg.loaders.vocabulary import TextAnalysis, analyse, concepts_for_matches
from plankg.ontology.records import (
    ConceptRecord,
    DocumentInfo,
    EntityRecord,
    Extraction,
    IndicatorRecord,
    LinkRecord,
    PlanInfo,
    SectorRecord,
    TaskRecord,
)

STRUCTURE_METHOD = "structure"
LEXICON_METHOD = "lexicon"
# A report the rules read nothing in is read by the models where the genre model holds it news on no plan
# below this: on the untouched validation half three documents gained and none lost; at 0.3 a test document
# on no plan was given items; at 0.2 (the genre model of the thirty-second session) one fewer gained on each
# half.
SURELY_ON_A_PLAN = 0.25
_TARGET_CUE_RE = re.compile(
    rf"{PROGRAMME_FROM_YEAR}|"
    r"到\s*\d{4}\s*年|\d{4}\s*年(?:底|末)|力争|目标|预计|将|拟|规划期末|十[三四五]五(?:末|期末)|"
    r"指标(?:值)?(?:设定|确定)为|"  # …高价值发明专利的指标设定为大于22件
    # the year's plan a report gives: 今年全年计划新改建农村公路10万公里
    r"(?:今年|明年|年内)(?:全年)?计划|(?:今年|明年|年内)[，,][^。；，,]{0,10}?计划|"  # 今年，广西计划实施…
    # …工程明确，…下降13.5%; 通知要求项目…比例不低于60%
    r"(?:方案|规划|意见|计划|工程|行动|任务|通知|措施|政策|报告)》?[，,]?(?:还|也|进一步)?(?:明确|提出|要求)|"
    # 根据意见，…费率统一控制在0.3%左右: what the reported document sets
    r"(?:根据|按照|依据)《?(?:方案|规划|意见|计划|通知|措施)》?[，,]|"
    # …确保粮食产量稳定在1.4万亿斤左右: what a measure is to secure
    r"确保|"
    # 脱贫人口务工规模需保持在3000万人以上: a level the year's work must hold
    r"(?:需|需要|要|必须)(?:保持|稳定|控制)在|"
    # 党员5年内参加…不少于20天: the span a plan gives (一年内就举办28场: what was done in one)
    r"[\d一二三四五六七八九十]+\s*年内(?![^，。；]*?(?:就|已|共))"
)

_BREAKDOWN_RE = re.compile(r"\s*其中[，,：:]")


def short_hash(text: str, length: int) -> str:
    return hashlib.sha1(text.encode("utf-8")).hexdigest()[:length]


def normalize_name(name: str) -> str:
    """Whitespace, quotes and punctuation removed: the form ids and matching use."""
    return re.sub(r"[\s\u3000“”\"'‘’「」《》，,。；;：:、！？!?（）()—\-·]", "", name)


def plan_id_for(title: str, region: str | None) -> str:
    title_key = re.sub(r"[（(]\s*\d{4}\s*[-—–~～至到]+\s*\d{4}\s*年?\s*[）)]", "", title)
    return "plan-" + short_hash(f"{normalize_name(title_key)}|{region or ''}", 12)


def extract_path(path: Path | str, *, overrides_path: Path | str | None = None) -> Extraction:
    """Read and extract one document; raises DocumentReadError for unreadable input."""
    document = read_document(Path(path))
    return extract_document(document, overrides_path=overrides_path)


def extract_text(
    text: str,
    *,
    path: str = "<text>",
    sha256: str | None = None,
    doc_id: str | None = None,
    overrides_path: Path | str | None = None,
) -> Extraction:
    """Extract from an already decoded text (spans index `text` itself)."""
    document = SourceDocument.from_text(text, path=path)
    if sha256 is not None or doc_id is not None:
        document = SourceDocument(
            text=text,
            path=path,
            sha256=sha256 or document.sha256,
            encoding=document.encoding,
            format=document.format,
            doc_id=doc_id or "",
        )
    return extract_document(document, overrides_path=overrides_path)


def extract_document(document: SourceDocument, *, overrides_path: Path | str | None = None) -> Extraction:
    text = document.text
    genre = classify_genre(text)
    looking_back = _looks_back(text)
    outline = parse_outline(text)
    if genre.genre == "not_a_plan":  # a regulation's articles are not tasks, its numbers not targets
        outline = dataclasses.replace(outline, goals=[], directions=[], tasks=[], tables=[], paragraphs=[])
        outline.warnings = [f"not a plan: {genre.reason}"]
    else:
        structured_tasks = bool(outline.tasks)
        outline = fill_from_prose(outline, genre.genre)  # running text for kinds structure did not find
        # a report the rules read nothing in is mostly news of something else, but not where the genre
        # model holds it clearly on a plan: there the models read its tasks and aim
        surely_on_a_plan = not (outline.goals or outline.tasks or outline.directions) and (
            genre.no_plan_probability is not None and genre.no_plan_probability < SURELY_ON_A_PLAN
        )
        if genre.genre in PARTLY_PROSE_GENRES and not structured_tasks:  # structure wins where it exists
            outline = weigh_tasks(outline, surely_on_a_plan=surely_on_a_plan)
        ruled_goal = bool(outline.goals)
        if looking_back:  # a completed plan's results (经过五年的努力，…进一步提升) are no aims
            outline.goals = _ahead_only(outline.goals, text)
            # nor its tasks, before the report turns to what comes next (“十五五”时期，…将在五个方面着力)
            ahead = _AHEAD_RE.search(text, _TITLE_CHARS)
            turn = ahead.start() if ahead else len(text)
            outline.tasks = [
                t
                for t in outline.tasks
                if t.span[0] >= turn or _WILL_BEFORE_RE.search(text, max(0, t.span[0] - 8), t.span[0])
            ]
        if genre.genre in PARTLY_PROSE_GENRES and outline.tasks and (outline.goals or not ruled_goal):
            # the aims no rule tells from a task, weighed against the tasks kept (as in its training); a
            # review's, like the rules' goals, only if they look ahead, and none where every goal the rules
            # found in it looked back
            outline = with_learned_goal(outline, genre.genre, surely_on_a_plan=surely_on_a_plan)
            if looking_back:
                outline.goals = _ahead_only(outline.goals, text)
    first_line = (outline.title.start, outline.title.end) if outline.title else None
    meta = extract_metadata(text, first_line)
    title = meta.title or Path(document.path).stem or "untitled"
    plan_id = plan_id_for(title, meta.region)
    plan = PlanInfo(
        id=plan_id,
        title=title,
        region=meta.region,
        period_start=meta.period_start,
        period_end=meta.period_end,
        issuer=meta.issuer,
        edition=meta.edition,
        span=meta.title_span,
    )
    plan = with_plan_context(plan, text)
    goals = _entities(outline.goals, text, f"{plan_id}-goal")
    directions = _entities(outline.directions, text, f"{plan_id}-dir")
    tasks = _tasks(outline.tasks, text, f"{plan_id}-task")
    subjects = _subject_spans(outline, goals, tasks)
    reported = genre.genre in PARTLY_PROSE_GENRES
    indicators = with_measures(
        _indicators(outline, text, plan_id, meta.period_end, subjects, looking_back, reported)
    )
    warnings = list(outline.warnings)
    del outline  # its paragraphs and sections are not needed past here: memory for the analysis below

    links: list[LinkRecord] = []
    for task in tasks:
        if task.parent is not None:
            links.append(
                LinkRecord(
                    type="PART_OF",
                    source=task.id,
                    target=task.parent,
                    score=1.0,
                    method=STRUCTURE_METHOD,
                    span=task.span,
                )
            )
    for indicator in indicators:
        if indicator.subject is not None:
            links.append(
                LinkRecord(
                    type="MEASURES",
                    source=indicator.id,
                    target=indicator.subject,
                    score=1.0,
                    method=STRUCTURE_METHOD,
                    span=indicator.span,
                )
            )
    # One segmentation of the document, where entities are: the lexicon links and the link inference
    # both read it.
    analysis = analyse(text, _merged_spans(r.span for r in (*goals, *directions, *tasks, *indicators)))
    sectors, concepts, vocabulary_links = _vocabulary_links(
        text, analysis, goals, directions, tasks, indicators
    )
    links += vocabulary_links
    inferred = infer_links(goals, directions, tasks, text, analysis=analysis)
    if overrides_path is not None:
        inferred = apply_overrides(
            inferred, plan_id, Path(overrides_path), goals=goals, directions=directions, tasks=tasks
        )
    links += inferred
    return Extraction(
        document=DocumentInfo(
            id=document.doc_id,
            path=document.path,
            sha256=document.sha256,
            chars=len(text),
            encoding=document.encoding,
            format=document.format,
            genre=genre.genre,
            genre_evidence=genre.evidence,
        ),
        plan=plan,
        goals=goals,
        directions=directions,
        tasks=tasks,
        indicators=indicators,
        sectors=sectors,
        concepts=concepts,
        links=links,
        citations=plan_citations(plan, text),
        warnings=warnings,
    )


# ---------------------------------------------------------------- records


def _name(text: str, item: Item) -> str:
    return text[item.name[0] : item.name[1]].strip()


def _unique(prefix: str, order: int, name: str, used: set[str]) -> str:
    candidate = f"{prefix}-{order:02d}-{short_hash(normalize_name(name), 6)}"
    bump = 1
    while candidate in used:  # only when the same place repeats; keeps ids distinct
        candidate = f"{prefix}-{order:02d}-{short_hash(normalize_name(name) + str(bump), 6)}"
        bump += 1
    used.add(candidate)
    return candidate


def _entities(items: Sequence[Item], text: str, prefix: str) -> list[EntityRecord]:
    used: set[str] = set()
    records = []
    for order, item in enumerate(items, start=1):
        name = _name(text, item)
        records.append(
            EntityRecord(
                id=_unique(prefix, order, name, used),
                name=name,
                text=text[item.span[0] : item.span[1]],
                span=item.span,
                order=order,
            )
        )
    return records


# What a task's text says beside its sub-tasks: the deadline of the work above
# (以上工作要在2019年2月底前完成), a sentence announcing the measures that follow (抓好以下几方面工作),
# or a clause that only frames the next ones in time or sequence (下一步，…; 这几年，…; 同时，…).
_NOT_A_SUB_TASK_RE = re.compile(
    r"^(?:以上|上述|该项|此项|这项|前述)(?:各项)?工作[^，,。；;]{0,8}?(?:于|在)[^，,。；;]{0,14}(?:前|底|内)完成$"
    r"|(?:以下|下列|如下)(?:几)?(?:个|项)?(?:方面)?(?:的)?(?:工作|措施|意见|任务|要求)$"
    r"|^(?:同时|此外|另外|下一步|接下来|今后|未来|目前|当前|这几年|近年来|近几年|今年以来|(?:19|20)\d{2}\s*年(?:以来)?)$"
)


def _tasks(items: Sequence[Item], text: str, prefix: str) -> list[TaskRecord]:
    used: set[str] = set()
    records: list[TaskRecord] = []
    for order, item in enumerate(items, start=1):
        name = _name(text, item)
        task_id = _unique(prefix, order, name, used)
        records.append(
            TaskRecord(
                id=task_id,
                name=name,
                text=text[item.span[0] : item.span[1]],
                span=item.span,
                order=order,
                parent=None,
            )
        )
        own = normalize_name(name)  # the first clause naming the task is no sub-task of it
        children = [
            c
            for c in item.children
            if normalize_name(said := _name(text, c)) != own and not _NOT_A_SUB_TASK_RE.search(said)
        ]
        for sub_order, child in enumerate(children, start=1):
            child_name = _name(text, child)
            records.append(
                TaskRecord(
                    id=_unique(task_id, sub_order, child_name, used),
                    name=child_name,
                    text=text[child.span[0] : child.span[1]],
                    span=child.span,
                    order=sub_order,
                    parent=task_id,
                )
            )
    return records


def _subject_spans(
    outline: Outline, goals: list[EntityRecord], tasks: list[TaskRecord]
) -> list[tuple[int, int, str]]:
    """(start, end, id) of the goals and tasks whose own paragraphs can hold an indicator."""
    spans = [(g.span[0], g.span[1], g.id) for g in goals]
    clause_spans = {child.span for item in outline.tasks for child in item.children if child.clause}
    for task in tasks:
        if task.parent is not None and task.span in clause_spans:
            continue  # a clause of its task's paragraph: the paragraph (the task) is the subject
        spans.append((task.span[0], task.span[1], task.id))
    return spans


def _indicators(
    outline: Outline,
    text: str,
    plan_id: str,
    period_end: int | None,
    subjects: list[tuple[int, int, str]],
    looking_back: bool,
    reported: bool,
) -> list[IndicatorRecord]:
    # Span lookups by bisection and forward sweeps, not scans of every span: linear in the text.
    skipped = SpanSet(outline.skipped)
    targets = SpanSet(outline.target_sections)
    headings = SpanSet(outline.heading_spans)
    conditions = SpanSet(condition_lists(outline.paragraphs))  # thresholds of eligibility, not targets
    # a sentence the model took for a task is no sign its numbers are targets: they need a cue of their own
    learned = {item.span for item in all_items(outline.tasks) if item.learned}  # sub-tasks of a lead too
    ruled = [(s, e) for s, e, _ in subjects if (s, e) not in learned]
    items = SpanSet(ruled + [direction.span for direction in outline.directions])
    subject_sweep = SpanSweep(subjects)
    issued = issue_year(text)
    closing = _closing_period_re(issued)
    found: list[tuple[IndicatorMatch, str | None, bool]] = []
    for par in outline.paragraphs:
        if par.form in ("meta", "title", "table", "annex"):
            continue  # a table's numbers are read row by row below
        if skipped.holds(par.start):
            continue
        in_heading = headings.holds(par.start)
        nearby = subject_sweep.overlapping(par.start, par.end)
        matches = list(_paragraph_indicators(text, par.start, par.end, period_end))
        subject_at = _innermost_subjects(nearby, [match.number_start for _, _, match in matches])
        first_goal = min((s for s, _, sid in nearby if "-goal-" in sid), default=None)
        for window_start, window_end, match in matches:
            position = match.number_start
            if conditions.holds(position):
                continue
            if (looking_back or closing is not None) and _told_of_the_past(
                text, window_start, window_end, position, None if looking_back else closing
            ):
                continue  # “十四五”期间，全国已就业残疾人达901万人 in a 2025 report: the period's record
            stated = stated_year(text, window_start, position) if issued is not None else None
            if stated is not None and (
                stated < issued - 1
                or (
                    reported
                    and stated == issued - 1
                    and not _sets_ahead(text, window_start, window_end, position)
                )
            ):
                # 2023年年底前完成30个 in a 2025 text: a deadline long passed, a record, not a target (a plan
                # issued in 2022 may still set its 2021 targets: a year's lateness is common; a 2026 report's
                # 到2025年底，全国累计识别帮扶超700万 that nothing set stands behind tells what is past)
                continue
            if issued is not None and _year_end_record(text, window_start, position, issued):
                continue  # 2025年末，我国常住人口城镇化率达67.89% in a 2026 text: the last year's figure
            subject = subject_at.get(position)
            inside = items.holds(position)
            # a paragraph that states a goal goes on setting targets after it (…各有2家进入全国前十强。
            # 经济开发区规上亩均税收达到37万元以上): a later sentence needs no cue of its own
            goal_before = first_goal is not None and first_goal < position
            if not inside and not goal_before and not targets.holds(position):
                # the sentence's time cue holds for all its ；-clauses (到2025年，…；完成5.3亿吨…改造)
                sentence_start = _sentence_start(text, window_start, position)
                if _BREAKDOWN_RE.match(text, sentence_start) and sentence_start - 1 > window_start:
                    # 其中，…不少于20个: a breakdown of the sentence before, under its cue
                    before = max(text.rfind(ch, window_start, sentence_start - 1) for ch in "。！？")
                    sentence_start = max(before + 1, window_start)
                year_ahead = _YEAR_LEAD_RE.match(text, sentence_start)  # 2025年，山西…抓好616个… in 2025
                if not _TARGET_CUE_RE.search(text, sentence_start, position + 1) and not (
                    year_ahead and issued is not None and int(year_ahead.group(1)) >= issued
                ):
                    continue
            if issued is not None and match.target_year in (None, period_end):
                # 政府工作报告提出，今年国内生产总值增长5%左右: due at the end of the year it is issued in,
                # not at the end of the plan period a report on a five-year plan falls back on
                opening = _sentence_start(text, window_start, position)
                said = _THIS_OR_NEXT_YEAR_RE.search(text, opening, position)
                if said is not None and stated_year(text, opening, position) is None:
                    match = dataclasses.replace(match, target_year=issued + (said.group() == "明年"))
            found.append((match, subject, in_heading and not inside))
    paragraph_ends = [p.end for p in outline.paragraphs]
    table_sweep = SpanSweep(subjects)
    scheduled: set[int] = set()  # the matches read from yearly schedules
    tabled: set[int] = set()  # the matches read from any table
    for table in outline.tables:
        index = bisect_right(paragraph_ends, table.start)  # the paragraphs ending before the table
        while index > 0 and outline.paragraphs[index - 1].form == "table":
            index -= 1
        anchor = outline.paragraphs[index - 1].start if index else table.start
        if skipped.holds(anchor) or skipped.holds(table.start):
            continue  # e.g. a 发展基础 table of achievements
        nearby = table_sweep.overlapping(table.start, table.end)
        for match in table_indicators(table, text, default_year=period_end):
            tabled.add(id(match))
            if table.schedule is not None:
                scheduled.add(id(match))
            containing = [(e - s, sid) for s, e, sid in nearby if s <= match.span[0] and match.span[1] <= e]
            found.append((match, min(containing)[1] if containing else None, False))
    # a heading that restates a target of its section ("互联网用户数超千万") is not a second indicator
    stated = {m.normalized_value for m, _, heading_only in found if not heading_only}
    kept = [
        (m, subject)
        for m, subject, heading_only in found
        if not heading_only or m.normalized_value not in stated
    ]
    records: list[IndicatorRecord] = []
    seen: set[str] = set()
    kept = _without_breakdowns(kept, text)
    for match, subject in _without_restatements(kept, scheduled, tabled):
        key = f"{subject}|{match.name}|{match.value:g}|{match.span[0]}-{match.span[1]}"
        indicator_id = f"{plan_id}-ind-{short_hash(key, 8)}"
        if indicator_id in seen:  # a table row with the same value for two years (100% in 2025 and 2035)
            indicator_id = f"{plan_id}-ind-{short_hash(f'{key}|{match.target_year}', 8)}"
        if indicator_id in seen:
            continue
        seen.add(indicator_id)
        records.append(
            IndicatorRecord(
                id=indicator_id,
                name=match.name,
                value=match.value,
                unit=canonical_unit(match.unit),
                comparator=match.comparator,  # type: ignore[arg-type]
                baseline=match.baseline,
                target_year=match.target_year,
                subject=subject,
                span=match.span,
                text=text[match.span[0] : match.span[1]],
                normalized_value=match.normalized_value,
                normalized_unit=match.normalized_unit,
                target_kind=match.target_kind,
                direction=match.direction,
                baseline_year=match.baseline_year,
                attribute=match.attribute,  # type: ignore[arg-type]
            )
        )
    return records


# Counters of people: 2000人 and 2000名 state the same count.
_PERSON_UNITS = {"名": "人", "位": "人"}


def _without_restatements(
    found: list[tuple[IndicatorMatch, str | None]], scheduled: set[int], tabled: set[int]
) -> list[tuple[IndicatorMatch, str | None]]:
    """A target the text states again is no second indicator: a yearly schedule's total that the text
    states as a target (the same value, unit, target year and kind: "1998年达到2000人的规模", then the
    annexed schedule's 1998 total of 2000), or a goal's target restated by the task that pursues it
    (the same key and one name holding the other: 绿色生态城区示范项目 in 主要目标, again in 重点任务).
    An indicator table's rows stay, one per row and year. Lookup by key: linear."""
    stated: dict[tuple[object, ...], list[str]] = {}
    rows: dict[tuple[object, ...], list[str]] = {}
    for match, _ in found:
        if id(match) in tabled and id(match) not in scheduled:
            # kind aside: 新增提升7个美丽街区 restates the row's level of 7
            rows.setdefault(_restatement_key(match)[:3], []).append(match.name)
    kept: list[tuple[IndicatorMatch, str | None]] = []
    for match, subject in found:
        key = _restatement_key(match)
        if id(match) not in tabled and any(_near(match.name, row) for row in rows.get(key[:3], ())):
            continue  # 推动单位附属绿地开放共享5个 in the text, 新增附属绿地开放共享数量 | 5 in the table
        names = stated.get(key)
        restated = id(match) not in tabled and any(_alike(match.name, n) for n in names or ())
        if names is not None and (id(match) in scheduled or restated):
            continue
        if id(match) not in scheduled and id(match) not in tabled:
            stated.setdefault(key, []).append(match.name)
        kept.append((match, subject))
    return kept


_THIS_OR_NEXT_YEAR_RE = re.compile(r"今年|明年")
_YEAR_LEAD_RE = re.compile(r"\s*((?:19|20)\d{2})\s*年[，,]")  # a sentence opening with its year
# what a sentence sets for the future: a modal of intent, a year to reach, a plan
_FUTURE_RE = re.compile(r"将|力争|争取|到\s*\d{4}\s*年|预计|计划|目标是")


def _ahead_only(goals: list[Item], text: str) -> list[Item]:
    """The goals that look ahead (将, 力争, 到2030年 …): a review's others are the results it reports."""
    return [goal for goal in goals if _FUTURE_RE.search(text, *goal.span)]


def _closing_period_re(issued: int | None) -> re.Pattern[str] | None:
    """The five-year period closing in the year the document is issued (十四五 in 2025) or closed the year
    before (十四五 in 2026), as a sentence names it looking back: “十四五”期间, “十四五”以来, “十四五”时期."""
    if issued is None:
        return None
    closing = [name for name, (_, last) in EDITION_PERIODS.items() if last in (issued, issued - 1)]
    return re.compile(rf"[“\"]?(?:{'|'.join(closing)})[”\"]?(?:期间|以来|时期)") if closing else None


_COMPLETION_TITLE_RE = re.compile(r"完成[“\"]?十[一二三四五六]五[”\"]?规划|规划收官")
_TITLE_CHARS = 200  # a headline and its kicker
# where a completion report turns to what comes next: the next period or its plan (在“十五五”知识产权规划
# 编制方面，…将聚焦…), 下一步, 今后, 展望
_AHEAD_RE = re.compile(r"[“\"]?十[五六七]五[”\"]?(?:时期|期间|[\u4e00-\u9fff]{0,8}规划)|下一步|今后|展望")
# a task the speaker says will be done (…表示，将进一步优化行业发展环境): set ahead wherever it is told
_WILL_BEFORE_RE = re.compile(r"(?:将|下一步)[^，,。；;]{0,3}$")


def _looks_back(text: str) -> bool:
    """A report on a plan's completion (高质量完成“十四五”规划): what it counts was done, unless set ahead."""
    return _COMPLETION_TITLE_RE.search(text, 0, _TITLE_CHARS) is not None


def _told_of_the_past(
    text: str, start: int, end: int, position: int, closing: re.Pattern[str] | None
) -> bool:
    """Whether the number at `position` is told in a sentence with nothing set for the future (about
    the closing period, when `closing` is given): a record, not a target."""
    stops = [at for at in (text.find(ch, position, end) for ch in "。！？") if at != -1]
    sentence = text[_sentence_start(text, start, position) : min(stops, default=end)]
    named = closing is None or closing.search(sentence) is not None
    return named and _FUTURE_RE.search(sentence) is None


# 2025年末， / 2025年底， opening what a sentence reports (not 到2025年底，, 力争2025年末，, 2025年底前)
_YEAR_END_RE = re.compile(r"(?<![到至争于将在])((?:19|20)\d{2})\s*年(?:末|底)[，,]")


def _year_end_record(text: str, start: int, position: int, issued: int) -> bool:
    """Whether the sentence holding `position` reports a figure as of the end of a year before `issued`."""
    opening = _sentence_start(text, start, position)
    stated = _YEAR_END_RE.search(text, opening, position)
    return stated is not None and int(stated.group(1)) < issued


def _sets_ahead(text: str, start: int, end: int, position: int) -> bool:
    """Whether the sentence holding `position` sets what is to come or quotes what a plan set."""
    stops = (text.find(ch, position, end) for ch in "。！？")
    sentence_end = min((at for at in stops if at != -1), default=end)
    opening = _sentence_start(text, start, position)
    return sets_ahead(text, opening, position, sentence_end)


def _sentence_start(text: str, start: int, position: int) -> int:
    """Where the sentence holding `position` starts, not before `start` (its paragraph window)."""
    return max(max(text.rfind(ch, start, position) for ch in "。！？") + 1, start)


_BREAKDOWN_GAP_CHARS = 40  # the lines of a yearly breakdown are short: one measure and its number each


def _without_breakdowns(
    found: list[tuple[IndicatorMatch, str | None]], text: str
) -> list[tuple[IndicatorMatch, str | None]]:
    """A target split by year is one target: lines in a row giving one measure a value each (an annex's
    2024 / 2025 / 2026 cells, 农村公路提档升级改造300公里。200公里。100公里。) whose values add up to a
    target the text states elsewhere (…提档升级改造600公里) are its breakdown, not targets of their own."""
    ordered = sorted(found, key=lambda pair: pair[0].number_start)
    totals: dict[str | None, set[float]] = {}
    for match, _ in ordered:
        totals.setdefault(match.normalized_unit, set()).add(round(match.normalized_value, 6))
    dropped: set[int] = set()
    start = 0
    while start < len(ordered):
        end = start + 1
        while end < len(ordered) and _next_line_of_run(ordered[end - 1][0], ordered[end][0], text):
            end += 1
        run = [match for match, _ in ordered[start:end]]
        total = round(sum(m.normalized_value for m in run), 6)
        if len(run) >= 2 and total in totals.get(run[0].normalized_unit, ()):
            dropped.update(id(m) for m in run)
        start = end
    return [pair for pair in found if id(pair[0]) not in dropped]


def _next_line_of_run(previous: IndicatorMatch, match: IndicatorMatch, text: str) -> bool:
    between = text[previous.span[1] : match.span[0]]
    return (
        match.normalized_unit == previous.normalized_unit
        and match.name == previous.name
        and between.count("\n") == 1
        and len(between) <= _BREAKDOWN_GAP_CHARS
    )


def _restatement_key(match: IndicatorMatch) -> tuple[object, ...]:
    unit = _PERSON_UNITS.get(match.normalized_unit or "", match.normalized_unit)
    return (match.normalized_value, unit, match.target_year, match.target_kind)


def _near(name: str, row: str) -> bool:
    """A text's name for a table row's measure: one holds the other, or they share enough of their words
    (character pairs, Dice ≥ 0.3: 单位附属绿地开放共享 / 新增附属绿地开放共享数量)."""
    if _alike(name, row):
        return True
    pairs, row_pairs = ({text[i : i + 2] for i in range(len(text) - 1)} for text in (name, row))
    return bool(pairs and row_pairs) and 2 * len(pairs & row_pairs) / (len(pairs) + len(row_pairs)) >= 0.3


def _alike(name: str, other: str) -> bool:
    """Two names of one measure: one holds the other (碳排放量 / 本市建筑领域碳排放量). Names that only share
    words (化学需氧量排放总量 / 氨氮排放总量) measure different things."""
    shorter, longer = sorted((name, other), key=len)
    return len(shorter) >= 4 and shorter in longer


# A paragraph longer than this (a page flattened to one line) is read in windows ending at a sentence
# end: a target's context is its own sentences, and reading stays linear in the text.
INDICATOR_WINDOW_CHARS = 4000


def _innermost_subjects(spans: list[tuple[int, int, str]], positions: list[int]) -> dict[int, str]:
    """The shortest of `spans` holding each position, found by one forward sweep (a flattened page is
    one paragraph holding every item: scanning them all per number would be quadratic)."""
    sweep = SpanSweep(spans)
    found: dict[int, str] = {}
    for position in sorted(set(positions)):
        holding = sweep.overlapping(position, position + 1)
        if holding:
            found[position] = min((e - s, sid) for s, e, sid in holding)[1]
    return found


def _paragraph_indicators(
    text: str, start: int, end: int, period_end: int | None
) -> Iterator[tuple[int, int, IndicatorMatch]]:
    """(window start, window end, match) for the targets of one paragraph, read window by window (a
    sentence is looked for inside its window: linear however long the paragraph)."""
    window_start = start
    while window_start < end:
        window_end = min(end, window_start + INDICATOR_WINDOW_CHARS)
        if window_end < end:  # close the window after its last sentence end, if any
            stop = max(
                text.rfind(ch, window_start + INDICATOR_WINDOW_CHARS // 2, window_end) for ch in "。！？；"
            )
            if stop != -1:
                window_end = stop + 1
        for match in find_indicators(text, window_start, window_end, default_year=period_end):
            yield window_start, window_end, match
        window_start = window_end


# ---------------------------------------------------------------- sectors and concepts


def _merged_spans(spans: Iterable[tuple[int, int]]) -> tuple[tuple[int, int], ...]:
    merged: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], end))
        else:
            merged.append((start, end))
    return tuple(merged)


def _vocabulary_links(
    text: str,
    analysis: TextAnalysis,
    goals: list[EntityRecord],
    directions: list[EntityRecord],
    tasks: list[TaskRecord],
    indicators: list[IndicatorRecord],
) -> tuple[list[SectorRecord], list[ConceptRecord], list[LinkRecord]]:
    """IN_SECTOR and MENTIONS links from one analysis of the document (`vocabulary.analyse`).

    Each entity gets the sectors and concepts found inside its own span (first occurrence as evidence);
    a match in the entity's name scores higher than one in its body.
    """
    entities: list[
        tuple[str, tuple[int, int], tuple[int, int], bool]
    ] = []  # id, span, name span, sector-able
    groups: tuple[tuple[Sequence[EntityRecord], bool], ...] = (
        (goals, True),
        (directions, False),
        (tasks, True),
    )
    for records, sector_able in groups:  # IN_SECTOR may not start at a Direction (ontology)
        for record in records:
            name_at = text.find(record.name, record.span[0], record.span[1])
            name_span = (name_at, name_at + len(record.name)) if name_at != -1 else (record.span[0],) * 2
            entities.append((record.id, record.span, name_span, sector_able))
    for indicator in indicators:
        entities.append((indicator.id, indicator.span, indicator.span, True))
    if not entities:
        return [], [], []
    sectors: dict[str, SectorRecord] = {}
    links: list[LinkRecord] = []
    used_concepts = []
    for entity_id, (start, end), (name_start, name_end), sector_able in entities:
        seen_sectors: set[str] = set()
        if sector_able:
            for sector_match in analysis.sectors_within(start, end):
                sector, s, e = sector_match.sector, sector_match.start, sector_match.end
                if sector.id not in seen_sectors:
                    seen_sectors.add(sector.id)
                    sectors[sector.id] = sector
                    in_name = name_start <= s and e <= name_end
                    links.append(
                        LinkRecord(
                            type="IN_SECTOR",
                            source=entity_id,
                            target=sector.id,
                            score=1.0 if in_name else 0.7,
                            method=LEXICON_METHOD,
                            span=(s, e),
                        )
                    )
        seen_concepts: set[str] = set()
        for match in analysis.concepts_within(start, end):
            s, e = match.start, match.end
            if match.concept.id not in seen_concepts:
                seen_concepts.add(match.concept.id)
                used_concepts.append(match)
                in_name = name_start <= s and e <= name_end
                score = (1.0 if in_name else 0.7) * (0.6 if match.candidate else 1.0)
                links.append(
                    LinkRecord(
                        type="MENTIONS",
                        source=entity_id,
                        target=match.concept.id,
                        score=round(score, 2),
                        method=LEXICON_METHOD,
                        span=(s, e),
                    )
                )
    concepts = concepts_for_matches(used_concepts)
    return sorted(sectors.values(), key=lambda s: s.id), concepts, links
