"""What kind of target an indicator sets: a level, a change over the period, or a yearly rate.

- level: the value the measure reaches or stays within (达到85%, 控制在5.5%以内, 由20Mbps提升至100Mbps);
- change: how much it moves over the plan period (下降15%, 提高5个百分点, 增长1倍, 翻一番);
- rate: how much it moves each year (年均增长8%, 年平均增长30%).

A change or rate has a direction (increase / decrease) from its verb; a level has one only when its verb
says the measure is to rise or fall to it (提高到24.1% → increase, 降至1%以下 → decrease) or when the
text gives the baseline it starts from. "比2020年下降18%" gives the baseline year (2020), which is then
not the target year.
"""

from __future__ import annotations

import re
from typing import Literal

TargetKind = Literal["level", "change", "rate"]
ChangeDirection = Literal["increase", "decrease"]

_RISE_WORDS = ("增长", "提高", "提升", "增加", "扩大", "上升", "升", "增", "拓展", "扩展", "翻")
_FALL_WORDS = ("下降", "降低", "减少", "缩减", "压缩", "压减", "缩短", "减", "降")
# Before a growth verb, these make the change a yearly rate: 年均增长, 年平均增长, 每年提高.
# (比2020年增长, 比上年增长 are changes against a baseline year, not rates.)
_RATE_LEAD_RE = re.compile(r"(?:年均|年平均|平均每年|每年|逐年|平均|(?<![\d上去前同本当今明])年)\s*$")
# 比2020年 / 较2020年底 / 与2020年相比: the baseline year of a change.
BASELINE_YEAR_RE = re.compile(r"(?:同比|比|较|相比|相较于?|与|同)\s*(\d{4})\s*年(?:底|末)?(?:相比|比)?")
# 翻一番 / 翻两番 / 翻番: the measure doubles (N times).
DOUBLING_RE = re.compile(r"翻(?:([一二两三四1-4])番|番)")
_DOUBLING_COUNT = {"一": 1, "二": 2, "两": 2, "三": 3, "四": 4}


def verb_direction(verb: str) -> ChangeDirection | None:
    """增长/提高/提升至 → increase; 下降/降低/降至/压缩到 → decrease; any other word → None."""
    if verb.startswith(_FALL_WORDS):
        return "decrease"
    if verb.startswith(_RISE_WORDS):
        return "increase"
    return None


def growth_kind(before_verb: str) -> TargetKind:
    """A growth verb's target: a yearly rate after 年均/每年/平均, otherwise a change over the period."""
    return "rate" if _RATE_LEAD_RE.search(before_verb) else "change"


def baseline_year(clause: str) -> int | None:
    """The year a change is measured against (单位GDP能耗比2020年下降13.5% → 2020), if the clause says."""
    years = BASELINE_YEAR_RE.findall(clause)
    return int(years[-1]) if years else None


def doublings(match: re.Match[str]) -> int:
    """翻一番 → 1, 翻两番 → 2, 翻番 → 1."""
    count = match.group(1)
    if count is None:
        return 1
    return int(count) if count.isdigit() else _DOUBLING_COUNT[count]


def level_direction(comparator: str, value: float, baseline: float | None) -> ChangeDirection | None:
    """A level reached from a baseline rises or falls to it (由20Mbps提升至100Mbps; a table's 7.8 → 10);
    a bound on the far side of its baseline (5.2 now, <5.5 by 2025) is a cap or floor, not a move."""
    if baseline is None or baseline == value:
        return None
    if value > baseline and comparator in ("from_to", "=", ">=", ">"):
        return "increase"
    if value < baseline and comparator in ("from_to", "=", "<=", "<"):
        return "decrease"
    return None
