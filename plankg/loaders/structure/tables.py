"""Indicator tables: a header row naming its 指标 column and years or 目标值, then data rows — cells
separated by tabs, bars or wide spaces, by single spaces (pasted from a PDF or a web page), or one cell
per line (as DOCX and HTML tables come out). Their paragraphs are marked form "table" and hold no items."""

from __future__ import annotations

import re
from dataclasses import dataclass

from plankg.loaders.structure.paragraphs import Paragraph
from plankg.loaders.structure.punctuation import CLAUSE_END, STRIP, find_sentence_end

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
    return [cell.strip(STRIP) for cell in splitter.split(text.strip(" |｜")) if cell.strip(STRIP)]


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
            and find_sentence_end(par.text, 0, CLAUSE_END + "，,") == -1
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
            paragraphs[header_end].text.strip(STRIP)
        ):
            header_end += 1
        header = [p.text.strip(STRIP) for p in paragraphs[index:header_end]]
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
                table.rows.append((cell, [cell.text.strip(STRIP)]))
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
