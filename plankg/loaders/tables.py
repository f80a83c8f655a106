"""Indicator tables: one indicator per data row of a table whose header names its value columns."""

from __future__ import annotations

import re

from plankg.loaders.indicators import IndicatorMatch
from plankg.loaders.quantities import normalize_unit, parse_unit
from plankg.loaders.structure import Paragraph, Table

_TABLE_VALUE_RE = re.compile(
    r"^([≥≤><＞＜]|大于等于|小于等于|不低于|不高于|不少于|不超过)?\s*(-?\d+(?:\.\d+)?)\s*(%|％|‰)?\s*(以上|以下|以内|左右)?$"
)
_EMPTY_CELL = {"—", "-", "－", "——", "/", "／", "…", "", "无", "暂无"}
_ATTRIBUTE_CELLS = {"预期性", "约束性", "预期", "约束", "引导性", "指导性"}
_SYMBOL_COMPARATORS = {
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
}
_BASELINE_WORDS = ("基期", "现状", "基准", "基数", "实际")


def _value_columns(header: list[str], default_year: int | None) -> tuple[int, int | None, int | None]:
    """(number of value columns, index of the baseline among them, target year) from a table header."""
    columns: list[tuple[int | None, bool]] = []  # (year, is baseline)
    for cell in header:
        year = re.search(r"(\d{4})", cell)
        if year or cell in ("目标值", "基期值", "现状值", "基准值", "预期值", "规划目标"):
            columns.append((int(year.group(1)) if year else None, any(w in cell for w in _BASELINE_WORDS)))
    if not columns:
        return 0, None, default_year
    years = [y for y, _ in columns if y is not None]
    baseline_index = next((i for i, (_, is_base) in enumerate(columns) if is_base), None)
    if baseline_index is None and len(columns) >= 2 and years and columns[0][0] == min(years):
        baseline_index = 0
    target_year = max(years) if years else default_year
    return len(columns), baseline_index, target_year


def table_indicators(table: Table, text: str, *, default_year: int | None = None) -> list[IndicatorMatch]:
    """One indicator per data row: name, unit (unit column or the name's （万个）), target value in the
    latest year column, baseline in the earliest; comparator from ≥/≤/以上 or else from_to / "="."""
    count, baseline_index, target_year = _value_columns(table.header, default_year)
    if count == 0:
        return []
    has_unit_column = any(c in ("单位", "计量单位") for c in table.header)
    cells: list[tuple[Paragraph, str]] = [(par, cell) for par, row in table.rows for cell in row]
    results: list[IndicatorMatch] = []
    name: tuple[Paragraph, str] | None = None
    unit = ""
    values: list[str] = []
    for par, cell in cells:
        is_value = bool(_TABLE_VALUE_RE.match(cell)) or cell in _EMPTY_CELL
        if name is None or (
            not values and not is_value and not (has_unit_column and not unit and _is_unit(cell))
        ):
            if is_value or cell in _ATTRIBUTE_CELLS or not re.search("[\u4e00-\u9fff]", cell):
                continue  # serial numbers, attribute words
            name, unit, values = (par, cell), "", []
            continue
        if has_unit_column and not unit and not values and _is_unit(cell):
            unit = cell.strip("（）()")
            continue
        if is_value:
            values.append(cell)
        if len(values) == count:
            match = _table_row(name, unit, values, baseline_index, par, text, target_year)
            if match is not None:
                results.append(match)
            name, unit, values = None, "", []
    return results


def _is_unit(cell: str) -> bool:
    bare = cell.strip("（）()")
    parsed, _, end = parse_unit(bare, 0)
    return (bool(parsed) and end == len(bare)) or bare in ("%", "％", "‰")


def _table_row(
    name_cell: tuple[Paragraph, str],
    unit: str,
    values: list[str],
    baseline_index: int | None,
    last: Paragraph,
    text: str,
    target_year: int | None,
) -> IndicatorMatch | None:
    name_par, name = name_cell
    paren = re.search(r"[（(]([^（）()]{1,8})[）)]$", name)
    if paren and (not unit) and (_is_unit(paren.group(1)) or paren.group(1) in ("%", "％")):
        unit = paren.group(1)
    if paren:
        name = name[: paren.start()].strip()
    target_index = len(values) - 1 if baseline_index != len(values) - 1 else len(values) - 2
    target = _TABLE_VALUE_RE.match(values[target_index])
    if target is None:
        return None
    symbol, number, percent, suffix = target.groups()
    unit = unit or percent or ""
    comparator = _SYMBOL_COMPARATORS.get(symbol or "") or _SUFFIX_MAP.get(suffix or "")
    baseline = None
    if baseline_index is not None and baseline_index != target_index:
        base = _TABLE_VALUE_RE.match(values[baseline_index])
        baseline = float(base.group(2)) if base else None
    if comparator is None:
        comparator = "from_to" if baseline is not None else "="
    norm_unit, factor = normalize_unit(unit)
    value = float(number)
    span = (name_par.start, last.end)
    return IndicatorMatch(
        name=name,
        value=value,
        unit=unit,
        comparator=comparator,
        span=span,
        number_start=span[0],
        baseline=baseline,
        target_year=target_year,
        normalized_value=value * factor,
        normalized_unit=norm_unit,
    )


_SUFFIX_MAP = {"以上": ">=", "以下": "<=", "以内": "<=", "左右": "="}
