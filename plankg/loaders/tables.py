"""Indicator tables (专栏1 “十四五”时期主要指标, 表1 …): found in the paragraphs, read row by row.

Layouts real pages give, all read the same way:
  - one row per line, cells separated by tabs (HTML and .docx tables as reading.py renders them), bars
    or wide spaces, or by single spaces (a table pasted from a PDF or a web page);
  - one cell per line (gov.cn pages copied as text): the header cells, then the data cells in reading
    order. Rows are cut at the attribute cell (约束性/预期性) when the table has an attribute column,
    else at the next serial number (序号), else at numbered names (1．…), else every header-width cells.

The header says what each column is: serial (序号), category (类别, 领域: a merged cell that only the
first row of its group carries), name (指标, 指标名称), unit (单位), values (2020年 / 基期值 / 现状值 →
baseline, 2025年 / 目标值 → target, 年均/累计 → a change or yearly rate), attribute (属性 → binding for
约束性, expected for 预期性) and notes (备注). A row shorter than the header lacks its leading merged
cells, so its cells are matched to the header's columns from the right.

Each data row with a number in its target (or change) column is one indicator: the name without its
numbering and with its bracketed unit taken out (森林覆盖率（%） → 森林覆盖率, %), the baseline, the target
year from the header. A value cell may be a bare number (65, ≥95, 〔13.5〕 — 〔〕 marks a five-year
cumulative figure, 60.6* a footnoted one) or a target in words (下降15%, 年均增长8%, 控制在5.5%以内), read
by the prose finder. Table paragraphs are marked form "table": the structure code takes no goals or
tasks from them.
"""

from __future__ import annotations

import dataclasses
import re
from bisect import bisect_left
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from plankg.loaders.indicators import IndicatorMatch, find_indicators
from plankg.loaders.metadata import EDITION_NAME, EDITION_PERIODS
from plankg.loaders.quantities import normalize_unit, parse_unit
from plankg.loaders.target_kinds import level_direction, verb_direction

if TYPE_CHECKING:
    from plankg.loaders.structure.paragraphs import Paragraph

_STRIP = " \t\u3000\xa0\ufeff\u200b"


@dataclass
class Cell:
    text: str
    start: int
    end: int


@dataclass
class Table:
    """An indicator table: its header cells and its data rows, each cell with its place in the text."""

    header: list[str]
    rows: list[list[Cell]] = field(default_factory=list)
    start: int = 0
    end: int = 0
    # a yearly schedule (rows by region, columns by year): only its total row holds the plan's targets
    schedule: Schedule | None = None


@dataclass
class Schedule:
    """What a yearly schedule's total row measures: the caption's subject, the words over the year
    columns (分年度招生任务 → 招生任务), the unit (单位：人) and, per value column, its year (None: no year
    column, e.g. 1995年招生人数 or 扩招)."""

    subject: str
    measure: str
    unit: str
    years: list[int | None]


# ---------------------------------------------------------------- the header

_SERIAL_WORDS = ("序号", "编号")
_CATEGORY_WORDS = ("类别", "类型", "领域", "维度", "一级指标", "方面", "分类")
_NAME_WORDS = ("指标名称", "二级指标", "主要指标", "具体指标", "指标项", "指标", "名称", "项目")
_UNIT_WORDS = ("单位", "计量单位")
_ATTRIBUTE_WORDS = ("指标属性", "指标性质", "属性", "性质")
_NOTE_WORDS = ("备注", "说明")


def _is_note(cell: str) -> bool:
    """A column of notes (备注, 说明, 指标说明与指引), not of names though it says 指标."""
    return any(word in cell for word in _NOTE_WORDS)


_BASELINE_WORDS = ("基期", "现状", "基准", "基数", "实际", "现值", "完成")
_CHANGE_WORDS = ("年均", "累计", "增速", "增幅", "增长")
_TARGET_WORDS = ("目标", "预期", "规划")
_YEAR_RE = re.compile(r"(\d{4})")
_EDITION_RE = re.compile(rf"{EDITION_NAME}(?:时期|期末|末)?")  # “十五五”目标值: due in 2030
_YEAR_WORD_RE = re.compile(r"\d{4}\s*年?(?:底|末)?")
# A header cell of a one-cell-per-line table: a column word, a year (2020年, （2025年）), or both.
_HEADER_CELL_RE = re.compile(
    rf"^[（(]?(?:\d{{4}}\s*年?(?:底|末)?|{_EDITION_RE.pattern})?[）)]?(?:"
    r"序号|编号|类别|类型|指标类别|指标类型|领域|维度|方面|分类|一级指标|二级指标|指标|指标名称|(?:主要|具体|关键|核心)指标|指标项|"
    r"指标值|名称|项目|(?:近期|中期|远期)规划(?:值|目标值?)?|"
    r"单位|计量单位|属性|指标属性|性质|指标性质|备注|(?:指标)?说明(?:与指引)?|"
    r"[年均累计增速增长幅值/、／（）()]+|(?:规划|预期)?目标值?|基期值?|现状值?|基准值?|预期值?|实际值?|预计|基数|完成值?"
    r")?[（(]?(?:\d{4}\s*年?)?[）)]?$"
)


@dataclass
class _Columns:
    """What each header column holds."""

    width: int
    name: int | None = None
    unit: int | None = None
    attribute: int | None = None
    serial: int | None = None
    category: int | None = None
    baseline: int | None = None
    target: int | None = None
    change: int | None = None
    target_year: int | None = None
    baseline_year: int | None = None
    change_is_yearly: bool = False
    # every target column, by year (目标值（2025年） | 目标值（2035年）): each row sets a target per column
    targets: list[tuple[int, int | None]] = field(default_factory=list)


def _column_roles(header: list[str], default_year: int | None) -> _Columns:
    columns = _Columns(width=len(header))
    values: list[tuple[int, int | None, str]] = []  # (column, year, role)
    for index, cell in enumerate(header):
        bare = re.sub(r"[\s（）()]", "", cell)
        year_match = _YEAR_RE.search(bare)
        edition = _EDITION_RE.search(bare)
        year = int(year_match.group(1)) if year_match else None
        if year is None and edition is not None:
            year = EDITION_PERIODS[edition.group(1)][1]
        words = _EDITION_RE.sub("", _YEAR_WORD_RE.sub("", bare))
        if words in _SERIAL_WORDS:
            columns.serial = index
        elif words == "类型" and columns.category is not None:
            # 指标类别 … 类型 (约束性/预期性): a second kind column is the attribute
            columns.attribute = index
        elif words in _CATEGORY_WORDS and columns.category is None and year is None:
            columns.category = index
        elif any(w in words for w in _ATTRIBUTE_WORDS):
            columns.attribute = index
        elif words in _UNIT_WORDS:
            columns.unit = index
        elif _is_note(words):
            continue
        elif year is None and any(w in words for w in _NAME_WORDS):
            if columns.name is not None and columns.category is None:
                columns.category = columns.name  # 一级指标 | 二级指标: the first is the group
            columns.name = index
        elif any(w in words for w in _CHANGE_WORDS):
            values.append((index, year, "change"))
            columns.change_is_yearly = "年均" in words or "增速" in words
        elif year is not None or any(w in words for w in (*_BASELINE_WORDS, *_TARGET_WORDS)):
            role = "baseline" if any(w in words for w in _BASELINE_WORDS) else "target"
            values.append((index, year, role))
    years = [year for _, year, role in values if year is not None and role != "change"]
    plain = [(i, y) for i, y, role in values if role == "target"]
    if not any(role == "baseline" for *_, role in values) and len(plain) >= 2 and years:
        # 2020年 | 2025年: the earliest year is the baseline — unless every dated column names itself a
        # target (2025年指标 | 2035年指标: a target for each year)
        named = all(re.search("目标|指标", header[i]) for i, y, _ in values if y is not None)
        earliest = None if named else min(years)
        values = [(i, y, "baseline" if y == earliest else r) for i, y, r in values]
    for index, year, role in values:
        if role == "baseline":
            columns.baseline, columns.baseline_year = index, year
        elif role == "target" and (columns.target is None or (year or 0) >= (columns.target_year or 0)):
            columns.target, columns.target_year = index, year
        elif role == "change":
            columns.change = index
    if columns.target_year is None:
        later = [y for y in years if columns.baseline_year is None or y > columns.baseline_year]
        columns.target_year = max(later) if later else default_year
    dated = sorted((year, index) for index, year, role in values if role == "target" and year is not None)
    if len({year for year, _ in dated}) == len(dated) >= 2 and dated[-1][1] == columns.target:
        columns.targets = [(index, year) for year, index in dated]
    else:
        columns.targets = [(columns.target, columns.target_year)] if columns.target is not None else []
    return columns


_TARGET_ONLY_RE = re.compile(r"(?:预期|规划)?目标值?")


def is_header(cells: list[str]) -> bool:
    """A header names its indicator column (指标, 名称, 项目) and at least one value column; a two-column
    one only as 指标名称 | 预期目标 (a name and its target, nothing else)."""
    if len(cells) == 2:
        return cells[0] in _NAME_WORDS and _TARGET_ONLY_RE.fullmatch(cells[1]) is not None
    if len(cells) < 3 or any(len(cell) > 16 for cell in cells):
        return False
    names = any("指标" in c or c in ("名称", "项目") for c in cells)
    values = any(
        _YEAR_RE.search(c) or any(w in c for w in ("目标", "基期", "现状", "预期值", "年均", "累计"))
        for c in cells
    )
    return names and values


# ---------------------------------------------------------------- finding tables in paragraphs

_CELL_SPLIT_RE = re.compile(r"\t|[ \u3000]*[|｜][ \u3000]*| {2,}|\u3000+")
# A table pasted from a PDF or a web page often keeps one plain space between cells.
_SPACED_CELL_SPLIT_RE = re.compile(r"[\t \u3000\xa0]+|[ \u3000]*[|｜][ \u3000]*")
_NUMERIC_CELL_RE = re.compile(
    r"^[≥≤><＞＜约〔\[［]?\s*-?\d+(?:\.\d+)?\s*(?:%|％|‰)?[〕\]］*]?$|^[—\-－/／…]+$"
)
_SENTENCE_END_RE = re.compile(r"[。；;：:！？]$")
_CLAUSE_PUNCT_RE = re.compile(r"[。；;，,！？]")
# What ends a run of one-cell-per-line cells: a note, the next box or table, a heading of the text
# (第五部分：主要任务 too).
_AFTER_TABLE_RE = re.compile(
    r"^(?:注[：:①1]|说明[：:]|资料来源|数据来源|专栏|附?表\s*[\d一二三四五六七八九十]"
    r"|第[一二三四五六七八九十\d]+(?:[章节篇]|部分)|[一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[）)])"
)
_CAPTION_RE = re.compile(
    r"^(?:附?表\s*[\d一二三四五六七八九十]*|专栏\s*[\d一二三四五六七八九十]*)|指标"
    r"|^[^。；;，,]{0,20}指标(?:一览)?表$"  # 主要指标表
    r"|^[^。；;，,]{0,24}主要指标$"  # “十五五”发展目标、主要指标
    r"|^[^。；;，,]{0,20}指标[^。；;，,]{0,6}目标值?$"  # 主要指标预期目标
)
# the notes under a table: 注： 1、…采用数据…, then 2.城市易涝点消除比例，即…: what the rows mean
_NOTE_RE = re.compile(r"^\s*(?:注|说明|备注)\s*[：:]")
_DEFINITION_NOTE_RE = re.compile(
    r"^\s*[\d一二三四五六七八九十]{1,2}\s*[.、．]\s*[^，。；]{2,40}?[，,]?\s*(?:即|是指|指)"
)


def _cells(par: Paragraph, splitter: re.Pattern[str]) -> list[Cell]:
    """The cells of a row paragraph with their places; an empty cell between two tabs is kept."""
    cells: list[Cell] = []
    position = 0
    text = par.text
    for match in [*splitter.finditer(text), None]:
        end = match.start() if match else len(text)
        raw = text[position:end]
        core = raw.strip(_STRIP)
        lead = len(raw) - len(raw.lstrip(_STRIP))
        start = par.start + position + lead
        if core or (match is not None and match.group() == "\t"):
            cells.append(Cell(core, start, start + len(core)))
        position = match.end() if match else len(text)
    return cells


def _texts(cells: list[Cell]) -> list[str]:
    return [cell.text for cell in cells if cell.text]


def _is_spaced_row(cells: list[Cell], header_width: int) -> bool:
    """A data row of a single-space table: about as many cells as the header, some of them numbers
    (a heading such as "第三章 构建…" splits in two and has none)."""
    numeric = sum(1 for cell in cells if _NUMERIC_CELL_RE.match(cell.text))
    return len(cells) >= max(3, header_width - 2) and numeric >= 1


def _may_be_cell(par: Paragraph) -> bool:
    text = par.text
    return (
        len(text) <= 60
        and not _SENTENCE_END_RE.search(text)
        and not _AFTER_TABLE_RE.match(text)
        and len(_CLAUSE_PUNCT_RE.findall(text)) <= 1
    )


def _may_be_wordy_cell(paragraphs: list[Paragraph], index: int, *, noted: bool = False) -> bool:
    """A target written out in a cell (至2026年底，全面启动…；2027年全面完成…), read as a cell when the table
    goes on after it: not a sentence closed by 。 (unless the table has a column of notes, whose cells are
    sentences: 参照上海2035总体规划中…的指标要求。), and the next line a cell again."""
    text = paragraphs[index].text
    return (
        len(text) <= _WORDY_CELL_MAX
        and (noted or not text.endswith("。"))
        and not _AFTER_TABLE_RE.match(text)
        and index + 1 < len(paragraphs)
        and _may_be_cell(paragraphs[index + 1])
    )


_WORDY_CELL_MAX = 80


def _notes_end(paragraphs: list[Paragraph], after: int) -> int:
    """Past the notes under a table starting at paragraphs[after] (注：…, then numbered definitions …，即…):
    what the rows mean, the table's and no items."""
    if after >= len(paragraphs) or not _NOTE_RE.match(paragraphs[after].text):
        return after
    end = after + 1
    while end < len(paragraphs) and _DEFINITION_NOTE_RE.match(paragraphs[end].text):
        end += 1
    return end


def _mark_notes(paragraphs: list[Paragraph], starts: list[int], table: Table) -> None:
    after = bisect_left(starts, table.end)
    for par in paragraphs[after : _notes_end(paragraphs, after)]:
        par.form = "table"


def find_tables(paragraphs: list[Paragraph]) -> list[Table]:
    """Every indicator table among the paragraphs; its paragraphs (and its caption) get form "table"."""
    tables: list[Table] = []
    # where year cells (1996年) stand: a yearly schedule is looked for only where its header could hold two
    years = [i for i, p in enumerate(paragraphs) if len(p.text) <= 6 and _BARE_YEAR_RE.match(p.text)]
    index = 0
    while index < len(paragraphs):
        year_at = bisect_left(years, index)
        found = (
            _row_table(paragraphs, index)
            or _cell_table(paragraphs, index)
            or (
                _schedule_table(paragraphs, index)
                if year_at + 1 < len(years) and years[year_at + 1] <= index + _SCHEDULE_HEADER_MAX
                else None
            )
        )
        if found is None:
            index += 1
            continue
        table, index = found
        tables.append(table)
    starts = [p.start for p in paragraphs]
    for table in tables:  # a caption line ("表1 “十四五”主要指标", "专栏1 …") belongs to its table
        at = bisect_left(starts, table.start) - 1  # the paragraph before the table's first
        if at >= 0 and len(paragraphs[at].text) <= 60 and _CAPTION_RE.match(paragraphs[at].text):
            paragraphs[at].form = "table"
        _mark_notes(paragraphs, starts, table)
    _mark_boxes(paragraphs)
    _mark_captioned_grids(paragraphs)
    return tables


# 表1 嘉定区海绵城市达标评估推进计划表, then its cells one per line (年份 / 达标区域 / 25.20 / 25% …): a grid
# no header was recognised in is still a table, never goals or tasks
_GRID_CAPTION_RE = re.compile(r"^附?表\s*[\d一二三四五六七八九十]+\s*\S[^。；;！？]{0,40}$")
_GRID_CELL_MAX = 30
_GRID_MIN_CELLS = 6


# 图1 嘉定区海绵城市达标推进计划示意图: a figure's caption (the figure is not in the text) is no heading
_FIGURE_CAPTION_RE = re.compile(
    r"^图\s*[\d一二三四五六七八九十]+(?:[-—.．]\d+)?[\s\u3000：:]*[^。；;！？，,]{2,40}$"
)


def _mark_captioned_grids(paragraphs: list[Paragraph]) -> None:
    """Give form "table" to a caption and the run of short cell lines under it (see _GRID_CAPTION_RE), and
    to a figure's caption."""
    index = 0
    while index < len(paragraphs):
        caption = paragraphs[index]
        if _FIGURE_CAPTION_RE.match(caption.text):
            caption.form = "table"
        if caption.form == "table" or not _GRID_CAPTION_RE.match(caption.text):
            index += 1
            continue
        end = index + 1
        while (
            end < len(paragraphs)
            and paragraphs[end].form not in ("heading", "table")
            and len(paragraphs[end].text) <= _GRID_CELL_MAX
            and _may_be_cell(paragraphs[end])
        ):
            end += 1
        if end - index - 1 >= _GRID_MIN_CELLS:
            end = _notes_end(paragraphs, end)  # 注：…按照100.9平方公里计: what the grid's figures mean
            for par in paragraphs[index:end]:
                par.form = "table"
        index = end  # a caption inside this run has a shorter run: read once (linear)


# ---------------------------------------------------------------- lists of measures (序号 | 举措 | 内容)

_MEASURE_COLUMN_RE = re.compile(r"举措|任务|措施|事项|项目|名称|内容|工作")
_LIST_HEADER_CELL_MAX = 10
_MAX_SERIAL_SKIP = 10  # rows a published list may leave out (（本文有删减）)


def _serial(par: Paragraph) -> int | None:
    found = _SERIAL_RE.match(par.text)
    return int(found.group(1)) if found else None


def merge_measure_lists(text: str, paragraphs: list[Paragraph]) -> None:
    """A list of measures written one cell per line (序号 / 改革举措 / 主要内容 / 指导部门 / 推广范围, then
    1 / name / content / office / scope …, with group rows such as 一、知识产权保护方面 between them): each
    row is one item. Its cells from the name on become one lead paragraph named by the name cell (so the
    office and scope cells are no items of their own); the header and serial cells get form "table".
    An indicator table's header (a value column: 2025年, 目标值) is left to `find_tables`."""
    index = 0
    while index < len(paragraphs):
        if paragraphs[index].text not in _SERIAL_WORDS:
            index += 1
            continue
        header_end = index + 1
        while (
            header_end < len(paragraphs)
            and _serial(paragraphs[header_end]) is None
            and len(re.sub(r"\s", "", paragraphs[header_end].text)) <= _LIST_HEADER_CELL_MAX
            and not _CLAUSE_PUNCT_RE.search(paragraphs[header_end].text)
        ):
            header_end += 1
        header = [re.sub(r"\s", "", p.text) for p in paragraphs[index:header_end]]
        name_column = next((i for i, cell in enumerate(header) if _MEASURE_COLUMN_RE.search(cell)), None)
        if len(header) < 3 or name_column is None or name_column == 0 or is_header(header):
            index += 1
            continue
        rows = _measure_rows(paragraphs, header_end, len(header))
        if len(rows) < 2:
            index += 1
            continue
        for par in paragraphs[index:header_end]:
            par.form = "table"
        for serial_at, cells_end in reversed(rows):  # from the end: merging shifts what follows
            paragraphs[serial_at].form = "table"
            name_at = serial_at + name_column
            if name_at >= cells_end:
                continue
            paragraphs[name_at:cells_end] = [_merged_row(text, paragraphs[name_at:cells_end])]
        index = header_end


def _measure_rows(paragraphs: list[Paragraph], start: int, width: int) -> list[tuple[int, int]]:
    """(serial index, end index) of each row: a rising serial number (a list cut short skips some) and at
    most width - 1 cells after it; group rows (一、…) may stand before a serial. The list ends where
    neither follows a row."""
    rows: list[tuple[int, int]] = []
    cursor, last = start, 0
    while cursor < len(paragraphs):
        serial = _serial(paragraphs[cursor])
        if serial is None or not last < serial <= last + _MAX_SERIAL_SKIP:
            groups = cursor
            while groups < len(paragraphs) and groups - cursor < 3 and paragraphs[groups].style is not None:
                groups += 1  # group rows
            following = _serial(paragraphs[groups]) if groups < len(paragraphs) else None
            if groups == cursor or following is None or not last < following <= last + _MAX_SERIAL_SKIP:
                break
            cursor = groups
            continue
        end = cursor + 1
        while end < len(paragraphs) and end - cursor < width and _serial(paragraphs[end]) != serial + 1:
            end += 1
        rows.append((cursor, end))
        cursor, last = end, serial
    return rows


def _merged_row(text: str, cells: list[Paragraph]) -> Paragraph:
    """One lead paragraph over a row's cells, named by the first."""
    first, last = cells[0], cells[-1]
    return dataclasses.replace(
        first,
        end=last.end,
        text=text[first.start : last.end],
        form="lead",
        style=None,
        ordinal=None,
        content_start=first.start,
        title_start=first.start,
        title_end=first.end,
        body_start=cells[1].start if len(cells) > 1 else None,
    )


# ---------------------------------------------------------------- boxes (专栏)

_BOX_CAPTION_RE = re.compile(r"^专栏\s*[\d一二三四五六七八九十]*[\s\u3000：:]*[^。；;！？]{0,40}$")
# A box's project line without numbering: "智能工厂建设项目：建成…", "数据中心工程。建设…".
_BOX_ITEM_RE = re.compile(
    r"^([^，,。：:；;“”]{2,24}?(?:工程|项目|行动|计划|专项|平台|中心|基地|示范区|试点))\s*[：:。]"
)
_OUTLINE_STYLES = ("chapter", "section", "part", "cn", "cn_paren")


def _mark_boxes(paragraphs: list[Paragraph]) -> None:
    """专栏 boxes inside a task: the caption is no item (marked like a table's); each project line
    (X工程。… / X项目：…) becomes a lead paragraph, so the task it sits in takes it as a sub-task (a
    numbered project line already is one). Its numbers are read as indicators like any paragraph's."""
    for index, caption in enumerate(paragraphs):
        if caption.form == "table" or not _BOX_CAPTION_RE.match(caption.text):
            continue
        caption.form = "table"
        for par in paragraphs[index + 1 :]:
            if (
                par.style in _OUTLINE_STYLES
                or _BOX_CAPTION_RE.match(par.text)
                or par.text.startswith(("注：", "注:"))
                or par.form in ("table", "meta")
            ):
                break
            item = _BOX_ITEM_RE.match(par.text) if par.style is None else None
            if item is None:
                continue
            body = item.end() + len(par.text[item.end() :]) - len(par.text[item.end() :].lstrip(_STRIP))
            if body >= len(par.text):
                continue
            par.form = "lead"
            par.title_start, par.title_end = par.start, par.start + len(item.group(1))
            par.body_start = par.start + body


def _row_table(paragraphs: list[Paragraph], index: int) -> tuple[Table, int] | None:
    """A table written one row per line, starting at paragraphs[index] if that is its header."""
    par = paragraphs[index]
    if len(par.text) > 200 or not ("指标" in par.text or "名称" in par.text or "项目" in par.text):
        return None
    header = _cells(par, _CELL_SPLIT_RE)
    spaced = False
    if not is_header(_texts(header)) and len(par.text) <= 120 and not _CLAUSE_PUNCT_RE.search(par.text):
        header, spaced = _cells(par, _SPACED_CELL_SPLIT_RE), True
    if not is_header(_texts(header)):
        return None
    table = Table(header=[c.text for c in header], start=par.start, end=par.end)
    par.form = "table"
    splitter = _SPACED_CELL_SPLIT_RE if spaced else _CELL_SPLIT_RE
    index += 1
    while index < len(paragraphs):
        row_par = paragraphs[index]
        row = _cells(row_par, splitter)
        if len(row) < 2 or _SENTENCE_END_RE.search(row_par.text) or _AFTER_TABLE_RE.match(row_par.text):
            break
        if spaced and not _is_spaced_row(row, len(header)):
            break
        row_par.form = "table"
        table.rows.append(row)
        table.end = row_par.end
        index += 1
    return table, index


_QUALIFIER_CELL_RE = re.compile(r"^[（(][^（）()]{1,20}[）)]$")
_VALUE_HEAD_RE = re.compile(rf"(?:{'|'.join(_BASELINE_WORDS + _TARGET_WORDS)})")
_VALUE_WORD_RE = re.compile(rf"^(?:{'|'.join(_BASELINE_WORDS + _TARGET_WORDS)})值?$")  # 目标值, 完成值 …


def _wrapped_attribute(joined: list[str], cell: str) -> bool:
    """指标 / 属性 after a name column (指标名称): the 指标属性 column wrapped, not a second name column (a
    header 序号 / 指标 / 属性 / 目标值 has 指标 as its names and 属性 as its attributes)."""
    names_before = any(c in _NAME_WORDS and c != "指标" for c in joined[:-1])
    return cell == "属性" and joined[-1] == "指标" and names_before


def _spread_qualifiers(cells: list[str]) -> list[str]:
    """现状 / 近期规划 / （2025年） / （2030年）: a run of bracketed years under as many value columns
    before it, one to each (现状（2025年）, 近期规划（2030年）): a two-row header given one cell per line."""
    out: list[str] = []
    index = 0
    while index < len(cells):
        run_end = index
        while run_end < len(cells) and _QUALIFIER_CELL_RE.match(cells[run_end]):
            run_end += 1
        count = run_end - index
        if count >= 2 and len(out) >= count and all(_VALUE_HEAD_RE.search(head) for head in out[-count:]):
            for offset in range(count):
                out[len(out) - count + offset] += cells[index + offset]
            index = run_end
        else:
            out.extend(cells[index : max(run_end, index + 1)])
            index = max(run_end, index + 1)
    return out


def _rejoined_header(cells: list[str]) -> list[str]:
    """Header cells a page wrapped onto two lines, joined again: 基准值 / （2020年） → 基准值（2020年）,
    指标 / 属性 → 指标属性, “十五五” / 目标值 → “十五五”目标值, 2030年 / 目标值 → 2030年目标值 (a bracketed
    qualifier, 属性 alone or a value word under its period or year heads no column of its own)."""
    # 指标值 over 现状 | 近期规划: the head of the value columns, no column of its own
    cells = [cell for cell in _spread_qualifiers(cells) if cell != "指标值"]
    joined: list[str] = []
    for cell in cells:
        previous = joined[-1] if joined else ""
        # “十五五” / 目标值, 2025年 / 现状值: a value word under its period or year
        edition_over_value = _VALUE_WORD_RE.match(cell) and (
            _EDITION_RE.fullmatch(previous) or _YEAR_WORD_RE.fullmatch(previous)
        )
        if joined and (
            _QUALIFIER_CELL_RE.match(cell) or _wrapped_attribute(joined, cell) or edition_over_value
        ):
            joined[-1] += cell
        else:
            joined.append(cell)
    return joined


def _cell_table(paragraphs: list[Paragraph], index: int) -> tuple[Table, int] | None:
    """A table written one cell per line, starting at paragraphs[index] if a header starts there."""
    header_end = index
    while header_end < len(paragraphs) and _HEADER_CELL_RE.match(paragraphs[header_end].text):
        header_end += 1
    header = _rejoined_header([p.text for p in paragraphs[index:header_end]])
    if header_end - index < 2 or not is_header(header):
        return None
    table = Table(header=header, start=paragraphs[index].start, end=paragraphs[header_end - 1].end)
    for par in paragraphs[index:header_end]:
        par.form = "table"
    cursor = header_end
    stream: list[Cell] = []
    noted = any(_is_note(cell) for cell in header)
    while cursor < len(paragraphs) and (
        _may_be_cell(paragraphs[cursor]) or _may_be_wordy_cell(paragraphs, cursor, noted=noted)
    ):
        par = paragraphs[cursor]
        par.form = "table"
        stream.append(Cell(par.text, par.start, par.end))
        table.end = par.end
        cursor += 1
    table.rows = [_rejoined_row(row, len(header)) for row in _cut_rows(stream, _column_roles(header, None))]
    return table, cursor


# （2021年-2025年）, （2025年较2020年下降）: the period a value covers, under it
_PERIOD_NOTE_RE = re.compile(r"^[（(]\s*\d{4}\s*年?[^（）()]{0,16}[）)]$")


def _is_words(cell: str) -> bool:
    """Chinese words and no number: a name or a note, not a value."""
    return re.search("[\u4e00-\u9fff]", cell) is not None and not _has_number(cell)


def _is_name_part(cell: str) -> bool:
    """Words of an indicator's name: no number, attribute or bare unit."""
    return (
        _is_words(cell)
        and cell not in _ATTRIBUTES
        and not _is_unit(cell.strip("（）()"))
        and _QUALIFIER_CELL_RE.match(cell) is None
    )


def _rejoined_row(row: list[Cell], width: int) -> list[Cell]:
    """A row with more cells than the header, where the page wrapped a cell: a unit under its number
    (120.14 / 平方公里), a bracketed note under its name (供水水质综合合格率 / （国标GB5749-2006）) or under
    its value (36 / （2021年-2025年）: the period a baseline covers), or a name run onto a second line
    (年均土地储备计划 / 规模（平方公里）)."""
    if len(row) <= width:
        return row
    joined: list[Cell] = []
    for cell in row:
        previous = joined[-1] if joined else None
        wrapped = previous is not None and (
            (_is_unit(cell.text) and _VALUE_RE.match(previous.text) is not None)
            or (
                _QUALIFIER_CELL_RE.match(cell.text) is not None
                and _VALUE_RE.match(cell.text.strip("（）()")) is None
                and _is_words(previous.text)
            )
            or (_PERIOD_NOTE_RE.match(cell.text) is not None and _VALUE_RE.match(previous.text) is not None)
            or (len(joined) == 1 and _is_name_part(previous.text) and _is_name_part(cell.text))
        )
        if wrapped and previous is not None:
            joined[-1] = Cell(previous.text + cell.text, previous.start, cell.end)
        else:
            joined.append(cell)
    return joined if len(joined) == width else row


# ---------------------------------------------------------------- yearly schedules

_BARE_YEAR_RE = re.compile(r"^(\d{4})\s*年?$")
_SCHEDULE_NUMBER_RE = re.compile(r"^(\d+(?:\.\d+)?)(?:[（(][^（）()]{0,8}[）)])?$")  # 120（扩招）
_TOTAL_WORDS = ("总计", "合计", "总数", "全国合计", "全国总计", "总量")
_UNIT_LINE_RE = re.compile(r"^(?:计量)?单位[：:]\s*([^\s，。；]{1,6})$")
_SCHEDULE_CAPTION_TAIL_RE = re.compile(r"(?:计划|安排|分解|任务|一览|情况|汇总)*表$")
_YEARLY_WORDS_RE = re.compile(r"^(?:分年度|分年|年度|逐年|各年)")
_SCHEDULE_HEADER_MAX = 16  # header cells and the first row's label: bounds the scan from each paragraph


def _schedule_table(paragraphs: list[Paragraph], index: int) -> tuple[Table, int] | None:
    """A yearly schedule written one cell per line (单位：人 / 省（市） / 1995年招生人数 / 扩招 / 分年度招生
    任务 / 1996年 / 1997年 / 1998年, then 总计 / 1445 / 555 / 1600 / 1800 / 2000, then a row per region):
    header cells, then rows of a label and numbers. A header cell standing over the year cells after it
    (分年度招生任务) groups them and is no column. Only a table with a total row and year columns is one."""
    header_end = index
    while (
        header_end < len(paragraphs)
        and header_end - index <= _SCHEDULE_HEADER_MAX
        and len(paragraphs[header_end].text) <= 16
        and not _SCHEDULE_NUMBER_RE.match(paragraphs[header_end].text)
        and not _SENTENCE_END_RE.search(paragraphs[header_end].text)
    ):
        header_end += 1
    header = [p.text for p in paragraphs[index:header_end]]
    if (
        len(header) < 4
        or len(header) > _SCHEDULE_HEADER_MAX
        or _BARE_YEAR_RE.match(header[0])
        or sum(1 for cell in header if _BARE_YEAR_RE.match(cell)) < 2
    ):
        return None
    label_at = header_end - 1  # the last header-like cell is the first row's label (总计, 江苏)
    header = header[:-1]
    columns, measure = _schedule_columns(header[1:])
    rows: list[list[Cell]] = []
    cursor = label_at
    while cursor < len(paragraphs) and _may_be_cell(paragraphs[cursor]):
        par = paragraphs[cursor]
        if _SCHEDULE_NUMBER_RE.match(par.text):
            if not rows or len(rows[-1]) > len(columns):
                break  # more numbers than columns: not this table
            rows[-1].append(Cell(par.text, par.start, par.end))
        else:
            if rows and len(rows[-1]) == 1:
                break  # a label with no numbers: the table is over
            rows.append([Cell(par.text, par.start, par.end)])
        cursor += 1
    if len(rows) < 2 or any(len(row) != len(columns) + 1 for row in rows):
        return None
    if not any(row[0].text in _TOTAL_WORDS for row in rows):
        return None
    caption_at, unit = index - 1, ""
    if caption_at >= 0 and (unit_line := _UNIT_LINE_RE.match(paragraphs[caption_at].text)):
        unit, caption_at = unit_line.group(1), caption_at - 1
    caption = paragraphs[caption_at].text if caption_at >= 0 else ""
    caption = caption if len(caption) <= 40 else ""
    subject = _SCHEDULE_CAPTION_TAIL_RE.sub("", caption)
    for par in paragraphs[max(caption_at, 0) if caption else index : cursor]:
        par.form = "table"
    schedule = Schedule(subject=subject, measure=measure, unit=unit, years=columns)
    table = Table(header=header, rows=rows, start=paragraphs[index].start, end=paragraphs[cursor - 1].end)
    table.schedule = schedule
    return table, cursor


def _schedule_columns(cells: list[str]) -> tuple[list[int | None], str]:
    """The year of each value column, and the words of a group cell over the years (分年度招生任务 →
    招生任务), which is dropped from the columns."""
    years: list[int | None] = []
    measure = ""
    for position, cell in enumerate(cells):
        year = _BARE_YEAR_RE.match(cell)
        if year:
            years.append(int(year.group(1)))
            continue
        following = cells[position + 1 : position + 3]
        if len(following) == 2 and all(_BARE_YEAR_RE.match(c) for c in following):
            measure = _YEARLY_WORDS_RE.sub("", cell)  # a group cell over the year columns
            continue
        years.append(None)
    return years, measure


def _schedule_indicators(table: Table, schedule: Schedule) -> list[IndicatorMatch]:
    """One target per year column, from the total row."""
    total = next(row for row in table.rows if row[0].text in _TOTAL_WORDS)
    results = []
    norm_unit, factor = normalize_unit(schedule.unit)
    for year, cell in zip(schedule.years, total[1:], strict=True):
        number = _SCHEDULE_NUMBER_RE.match(cell.text)
        if year is None or number is None:
            continue
        value = float(number.group(1))
        results.append(
            IndicatorMatch(
                name=f"{schedule.subject}{year}年{schedule.measure}",
                value=value,
                unit=schedule.unit,
                comparator="=",
                span=(total[0].start, cell.end),
                number_start=cell.start,
                target_year=year,
                normalized_value=value * factor,
                normalized_unit=norm_unit,
            )
        )
    return results


_SERIAL_RE = re.compile(r"^(\d{1,2})[.．、]?$")
_NUMBERED_NAME_RE = re.compile(r"^\d{1,2}\s*[.．、]\s*(?=\D)")
_ATTRIBUTES = {
    "约束性": "binding",
    "约束": "binding",
    "预期性": "expected",
    "预期": "expected",
    "引导性": "expected",
    "指导性": "expected",
}


def _cut_rows(stream: list[Cell], columns: _Columns) -> list[list[Cell]]:
    """The rows of a one-cell-per-line table (see the module docstring for the cuts)."""
    rows: list[list[Cell]] = []
    current: list[Cell] = []
    last_is_attribute = columns.attribute is not None and columns.attribute >= columns.width - 1
    expected_serial = 1
    numbered = any(_NUMBERED_NAME_RE.match(c.text) for c in stream)
    for index, cell in enumerate(stream):
        if last_is_attribute:
            current.append(cell)
            if cell.text in _ATTRIBUTES:
                rows.append(current)
                current = []
            continue
        serial = _SERIAL_RE.match(cell.text)
        starts = (
            (columns.serial is not None and serial is not None and int(serial.group(1)) == expected_serial)
            if columns.serial is not None
            else bool(_NUMBERED_NAME_RE.match(cell.text))
        )
        if starts and _value_before_serial(stream, index, current, columns):
            starts = False  # 约束性 / 2 / 2 / 新增专用绿地面积: row 1's value 2 comes before serial 2
        if starts:
            expected_serial += 1
            finished, current = _split_leading_category(current, columns)
            if finished:
                rows.append(finished)
        current.append(cell)
        if columns.serial is None and not numbered and len(current) == columns.width:
            rows.append(current)  # nothing marks a row: every header-width cells make one
            current = []
    if current:
        rows.append(current)
    return rows


def _value_before_serial(stream: list[Cell], index: int, current: list[Cell], columns: _Columns) -> bool:
    """The cell reads as the next serial number but the row it would close lacks a cell and the same
    number follows it: it is the row's last cell (a value equal to the next serial)."""
    if not current or len(current) >= columns.width or index + 1 >= len(stream):
        return False
    return stream[index + 1].text == stream[index].text


def _split_leading_category(current: list[Cell], columns: _Columns) -> tuple[list[Cell], list[Cell]]:
    """(the row that ends, the start of the next) at a serial: the category cell a group's first row opens
    with (发展规模 / 1 / 建设用地总规模 …) goes to the next row when the category column comes before the
    serial one."""
    if columns.category is None or columns.serial is None or columns.category > columns.serial:
        return current, []
    if not any(_SERIAL_RE.match(cell.text) for cell in current):  # the table's first cells: the category
        return [], current
    if len(current) > columns.width - columns.serial and not _NUMERIC_CELL_RE.match(current[-1].text):
        return current[:-1], current[-1:]
    return current, []


# ---------------------------------------------------------------- rows → indicators

_VALUE_RE = re.compile(
    r"^(?P<symbol>[≥≤><＞＜]|大于等于|小于等于|不低于|不高于|不少于|不超过|约)?\s*"
    r"(?P<open>[〔\[［])?(?P<number>-?\d+(?:\.\d+)?)"
    # 〔3000—4000〕 in a target column: at least its low end
    r"(?P<range>\s*(?:%|％)?\s*(?:—|－|-|–|~|～|至)\s*\d+(?:\.\d+)?)?"
    r"(?P<close>[〕\]］])?\s*(?P<percent>%|％|‰)?\s*\*?"
    r"(?P<suffix>以上|以下|以内|左右)?(?:$|[、，,；;（(])"
)
_UNIT_TAIL_RE = re.compile(r"^(.*?\d)\s*([^\d\s%％‰（）()]{1,6})$")
_EMPTY = {"", "—", "-", "－", "——", "/", "／", "…", "无", "暂无"}
_SYMBOLS = {
    "≥": ">=",
    "大于等于": ">=",
    "不低于": ">=",
    "不少于": ">=",
    "≤": "<=",
    "小于等于": "<=",
    "不高于": "<=",
    "不超过": "<=",
    ">": ">",
    "＞": ">",
    "<": "<",
    "＜": "<",
    "约": "=",
}
_SUFFIXES = {"以上": ">=", "以下": "<=", "以内": "<=", "左右": "="}
# （万平方米）, and a unit naming its alternative count: （万套（间））
_UNIT_BRACKET_RE = re.compile(r"[（(]([^（）()]{1,8}(?:[（(][^（）()]{1,3}[）)])?)[）)]$")
_ALTERNATIVE_RE = re.compile(r"[（(][^（）()]{1,3}[）)]$")
# Units a table's header or name bracket gives that prose numbers never take (…年限（年）).
# 起/百万人, 人/百万人, 辆/万人: a count per so many people or things, a rate's unit
_RATE_UNIT_RE = re.compile(r"[\u4e00-\u9fff]{1,3}\s*[/／]\s*[十百千万亿]*[\u4e00-\u9fff]{1,3}")
_TABLE_ONLY_UNITS = {"年", "岁", "年/人", "元/人", "人/万人", "张/千人", "人/千人"}
_GROWTH_NAME_RE = re.compile(r"(?:年均)?(?:增长|增速|增幅|提高|提升|增加|下降|降低|减少|压减|缩减)(?:率)?$")


def table_indicators(table: Table, text: str, *, default_year: int | None = None) -> list[IndicatorMatch]:
    """One indicator per data row that has a number in its target or change column."""
    if table.schedule is not None:
        return _schedule_indicators(table, table.schedule)
    columns = _column_roles(table.header, default_year)
    if columns.target is None and columns.change is None:
        return []
    results: list[IndicatorMatch] = []
    for row in table.rows:
        aligned = _aligned(row, columns)
        for target in columns.targets[:-1]:  # the earlier dated targets: no change column stands in
            cell = _cell(aligned, target[0])
            if cell is not None and cell.text not in _EMPTY and _has_number(cell.text):
                earlier = dataclasses.replace(columns, target=target[0], target_year=target[1])
                match = _row_indicator(aligned, earlier, text)
                if match is not None:
                    results.append(match)
        match = _row_indicator(aligned, columns, text)
        if match is not None:
            results.append(match)
    return results


def _aligned(row: list[Cell], columns: _Columns) -> list[Cell | None]:
    """The row's cells in header columns. A row of header width maps cell to column. A shorter row
    lacks some cells: its leading merged ones (类别), or its unit when the name carries it (…（%）). So
    its name cell is found and put in the name column; the cells on each side of it fill the columns
    on that side, right-aligned (the cells missing are the leftmost of each side)."""
    width = columns.width
    if len(row) == width:
        return list(row)
    if len(row) > width or columns.name is None:
        return [None] * max(0, width - len(row)) + list(row[max(0, len(row) - width) :])
    at = _name_position(row, columns)
    left, right = row[:at], row[at + 1 :]
    before, after = columns.name, width - columns.name - 1
    if len(left) > before or len(right) > after:
        return [None] * (width - len(row)) + list(row)
    return [*([None] * (before - len(left))), *left, row[at], *([None] * (after - len(right))), *right]


def _name_position(row: list[Cell], columns: _Columns) -> int:
    """Where a row's name is: a numbered name (1．…), or the first words that are no serial number,
    value, unit or attribute — the second such when the first is its group's category."""
    for index, cell in enumerate(row):
        if _NUMBERED_NAME_RE.match(cell.text):
            return index
    words = [
        index
        for index, cell in enumerate(row)
        if re.search("[\u4e00-\u9fff]", cell.text)
        and cell.text not in _ATTRIBUTES
        and not _is_unit(cell.text.strip("（）()"))
        and not _VALUE_RE.match(cell.text)
    ]
    if not words:
        return 0
    if columns.category is not None and len(words) >= 2 and words[1] == words[0] + 1:
        return words[1]
    return words[0]


def _cell(row: list[Cell | None], index: int | None) -> Cell | None:
    return None if index is None else row[index]


def _row_indicator(row: list[Cell | None], columns: _Columns, text: str) -> IndicatorMatch | None:
    name_cell = _cell(row, columns.name) or next(
        (c for c in row if c and re.search("[\u4e00-\u9fff]", c.text) and c.text not in _ATTRIBUTES), None
    )
    if name_cell is None or not name_cell.text:
        return None
    name = _NUMBERED_NAME_RE.sub("", name_cell.text).strip(_STRIP)
    unit = ""
    unit_cell = _cell(row, columns.unit)
    if unit_cell is not None and unit_cell.text not in _EMPTY:
        unit = unit_cell.text.strip("（）()")
    bracket = _UNIT_BRACKET_RE.search(name)
    if bracket and _is_unit(bracket.group(1)):
        unit = unit or bracket.group(1)
        name = name[: bracket.start()].strip(_STRIP)
    attribute_cell = _cell(row, columns.attribute)
    attribute = _ATTRIBUTES.get(attribute_cell.text) if attribute_cell else None
    baseline_cell = _cell(row, columns.baseline)
    base = _VALUE_RE.match(baseline_cell.text) if baseline_cell else None
    baseline = float(base.group("number")) if base else None

    value_cell, in_change_column = _cell(row, columns.target), False
    if value_cell is None or value_cell.text in _EMPTY or not _has_number(value_cell.text):
        value_cell, in_change_column = _cell(row, columns.change), True
    if value_cell is None or value_cell.text in _EMPTY:
        return None
    cells = [c for c in row if c is not None and c.text]
    span = (min(name_cell.start, cells[0].start), max(c.end for c in cells))
    target_year = columns.target_year
    value_text = value_cell.text
    written_unit = _UNIT_TAIL_RE.match(value_text)  # 128.92平方公里: a unit written in the value cell
    if written_unit is not None and _is_unit(written_unit.group(2)):
        value_text, unit = written_unit.group(1), unit or written_unit.group(2)
    bare = _VALUE_RE.match(value_text)
    if bare is None:  # a target in words: 下降15%, 年均增长8%, 控制在5.5%以内
        found = find_indicators(text, value_cell.start, value_cell.end, default_year=target_year)
        if not found:
            return None
        match = found[0]
        match.name, match.span, match.number_start, match.attribute = name, span, value_cell.start, attribute
        if not match.unit and unit:
            match.unit = unit
            match.normalized_unit, factor = normalize_unit(unit)
            match.normalized_value = match.value * factor
        if match.target_kind == "level" and match.baseline is None and baseline is not None:
            match.baseline, match.baseline_year = baseline, columns.baseline_year
        return match
    value = float(bare.group("number"))
    unit = unit or bare.group("percent") or ""
    comparator = (
        _SYMBOLS.get(bare.group("symbol") or "")
        or _SUFFIXES.get(bare.group("suffix") or "")
        or (">=" if bare.group("range") else None)
    )
    cumulative = bare.group("open") is not None
    growth = _GROWTH_NAME_RE.search(name)
    if in_change_column or cumulative or growth:
        if growth:
            kind = "rate" if in_change_column and columns.change_is_yearly and not cumulative else "change"
            direction = verb_direction(growth.group().removeprefix("年均"))
            name = name[: growth.start()] or name
        elif cumulative:
            kind, direction = "change", None
        else:
            kind, direction = "level", None  # a level held every year (城镇调查失业率 <5.5 in 年均)
        comparator = comparator or "="
        baseline_year = columns.baseline_year if kind != "level" else None
        level_baseline = baseline if kind == "level" else None
    else:
        kind = "level"
        comparator = comparator or ("from_to" if baseline is not None else "=")
        direction = level_direction(comparator, value, baseline)
        baseline_year = columns.baseline_year if baseline is not None else None
        level_baseline = baseline
    norm_unit, factor = normalize_unit(unit)
    return IndicatorMatch(
        name=name,
        value=value,
        unit=unit,
        comparator=comparator,
        span=span,
        number_start=value_cell.start,
        baseline=level_baseline,
        target_year=target_year,
        normalized_value=value * factor,
        normalized_unit=norm_unit,
        target_kind=kind,  # type: ignore[arg-type]
        direction=direction,
        baseline_year=baseline_year,
        attribute=attribute,
    )


def _has_number(cell: str) -> bool:
    return bool(re.search(r"\d|[一二两三四五六七八九十]番", cell))


def _is_unit(text: str) -> bool:
    """A bracketed unit after an indicator's name: %, 万个, 亿吨标准煤, 年, 岁, 微克/立方米."""
    if text in ("%", "％", "‰"):
        return True
    text = _ALTERNATIVE_RE.sub("", text) or text  # 万套（间）: a 套 or a 间 counts the same
    unit, _, end = parse_unit(text, 0)
    return (
        (bool(unit) and end == len(text))
        or text in _TABLE_ONLY_UNITS
        or _RATE_UNIT_RE.fullmatch(text) is not None
    )
