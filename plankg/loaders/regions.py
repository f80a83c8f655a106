"""Administrative divisions: a plan's region as a GB/T 2260 code, its level and its parent chain.

The division table is the one the cpca library ships and maintains (`cpca/resources/adcodes.csv`,
12-digit codes: PPCCDD000000). It is read directly, without importing cpca, whose import pulls in
pandas for its address matcher (≈ 0.5 s that `plankg load` does not need).
"""

from __future__ import annotations

import csv
import importlib.util
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Literal

Level = Literal["national", "province", "city", "district"]

NATIONAL_CODE = "000000"  # GB/T 2260 has no code for the country; six zeros keep codes one shape
NATIONAL_NAME = "全国"
_NATIONAL_ALIASES = ("全国", "中国", "国家", "中华人民共和国")
_LEVEL_RANK: dict[str, int] = {"national": 0, "province": 1, "city": 2, "district": 3}
# Rows of the table that group divisions without being one (市辖区 of a municipality, 省直辖…).
_PLACEHOLDERS = {"市辖区", "县", "省直辖县级行政区划", "自治区直辖县级行政区划"}
_SUFFIX_RE = re.compile(
    r"(?:维吾尔自治区|壮族自治区|回族自治区|特别行政区|自治区|自治州|地区|盟|省|市|区|县)$"
)


@dataclass(frozen=True)
class Division:
    code: str  # six digits
    name: str  # as the table writes it: 山东省, 青岛市
    level: Level
    parent: str | None  # parent's code; None for the country

    @property
    def short_name(self) -> str:
        return short_name(self.name)


def short_name(name: str) -> str:
    """山东省 → 山东, 青岛市 → 青岛, 内蒙古自治区 → 内蒙古; a two-character name stays whole (和县)."""
    short = _SUFFIX_RE.sub("", name)
    return short if len(short) >= 2 else name


def _table_path() -> Path:
    spec = importlib.util.find_spec("cpca")
    if spec is None or not spec.submodule_search_locations:
        raise RuntimeError("the cpca package (division codes) is not installed: pip install cpca")
    return Path(next(iter(spec.submodule_search_locations))) / "resources" / "adcodes.csv"


@cache
def divisions() -> dict[str, Division]:
    """Every division by six-digit code, the country included."""
    rows: dict[str, str] = {}
    with _table_path().open(encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            rows[row["adcode"][:6]] = row["name"]
    table: dict[str, Division] = {NATIONAL_CODE: Division(NATIONAL_CODE, NATIONAL_NAME, "national", None)}
    for code, name in rows.items():
        if name in _PLACEHOLDERS:
            continue
        province, city = code[:2] + "0000", code[:4] + "00"
        if code == province:
            table[code] = Division(code, name, "province", NATIONAL_CODE)
        elif code == city:
            table[code] = Division(code, name, "city", province)
        else:
            parent = city if city in rows and rows[city] not in _PLACEHOLDERS else province
            table[code] = Division(code, name, "district", parent)
    return table


@cache
def _by_name() -> dict[str, Division]:
    """Full and short names to divisions; a name two divisions share goes to the higher level (朝阳 →
    朝阳市, not 朝阳区), then the lower code."""
    index: dict[str, Division] = {}
    ranked = sorted(divisions().values(), key=lambda d: (_LEVEL_RANK[d.level], d.code), reverse=True)
    for division in ranked:
        for name in {division.name, division.short_name}:
            index[name] = division
    national = divisions()[NATIONAL_CODE]
    for alias in _NATIONAL_ALIASES:
        index[alias] = national
    return index


def resolve_region(name: str | None) -> Division | None:
    """The division a region name or code denotes (青岛, 青岛市, 370200, 全国), or None."""
    if not name:
        return None
    name = name.strip()
    if name.isdigit():
        return divisions().get(name[:6].ljust(6, "0"))
    return _by_name().get(name) or _by_name().get(short_name(name))


def chain(division: Division) -> list[Division]:
    """The division and its ancestors up to the country: [青岛市, 山东省, 全国]."""
    table = divisions()
    out = [division]
    while out[-1].parent is not None:
        out.append(table[out[-1].parent])
    return out


def leading_division(title: str) -> str | None:
    """The division name a title begins with (青岛市信息化… → 青岛市), or None."""
    index = _by_name()
    for length in range(min(12, len(title)), 1, -1):
        if title[:length] in index and index[title[:length]].code != NATIONAL_CODE:
            return title[:length]
    return None
