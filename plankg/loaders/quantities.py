"""Numbers and units in Chinese plan text: Chinese numerals (二十五, 两千五百), full-width digits, magnitudes
(万, 亿 …), the units a target is counted or measured in (个, 万户, 亿元, %, 微克/立方米 …) and their
normalisation (200万户 → 2000000 户). Knows nothing of what a target is: see indicators.py.
"""

from __future__ import annotations

import re
from functools import lru_cache

CN_NUMERAL_CHARS = "零〇一二两三四五六七八九十百千万亿"
_CN_DIGITS = {
    "零": 0,
    "〇": 0,
    "一": 1,
    "二": 2,
    "两": 2,
    "三": 3,
    "四": 4,
    "五": 5,
    "六": 6,
    "七": 7,
    "八": 8,
    "九": 9,
}
_CN_SMALL_UNITS = {"十": 10, "百": 100, "千": 1000}
_CN_BIG_UNITS = {"万": 10_000, "亿": 100_000_000}


def chinese_to_number(numeral: str) -> int | None:
    """二十五 → 25, 两千五百 → 2500, 一千 → 1000, 千万 → 10000000, 万亿 → 10¹²; None if not a well-formed
    numeral."""
    if not numeral or any(ch not in CN_NUMERAL_CHARS for ch in numeral):
        return None
    total = 0  # completed 万/亿 groups
    group = 0  # the group being built (below 万)
    digit: int | None = None
    last_small_unit = 10_000
    for ch in numeral:
        if ch in _CN_DIGITS:
            if digit is not None and digit != 0 and _CN_DIGITS[ch] != 0:
                return None  # two digits in a row (十三五 style) is not a number
            digit = _CN_DIGITS[ch]
        elif ch in _CN_SMALL_UNITS:
            unit = _CN_SMALL_UNITS[ch]
            if unit >= last_small_unit:
                return None
            group += (1 if digit is None else digit) * unit
            digit = None
            last_small_unit = unit
        else:
            unit = _CN_BIG_UNITS[ch]
            group += digit or 0
            if group == 0 and not total:
                group = 1  # 万元 → 1 万; but 万亿 is 万 × 亿, not (万 + 1) × 亿
            if total and unit > total:
                total = (total + group) * unit
            else:
                total += group * unit
            group, digit, last_small_unit = 0, None, 10_000
    return total + group + (digit or 0)


FULLWIDTH_DIGITS = str.maketrans("０１２３４５６７８９．", "0123456789.")
FULLWIDTH_DIGIT_RE = re.compile("[０-９．]")

MAGNITUDES: tuple[tuple[str, float], ...] = (
    ("万亿", 1e12),
    ("千亿", 1e11),
    ("百亿", 1e10),
    ("十亿", 1e9),
    ("亿", 1e8),
    ("千万", 1e7),
    ("百万", 1e6),
    ("十万", 1e5),
    ("万", 1e4),
    ("千", 1e3),
    ("百", 1e2),
)
COUNT_UNITS = (
    "个",
    "家",
    "所",
    "项",
    "条",
    "座",
    "台",
    "套",
    "处",
    "只",
    "件",
    "张",
    "部",
    "辆",
    "艘",
    "架",
    "名",
    "位",
    "人次",
    "人",
    "户次",
    "户",
    "种",
    "支",
    "间",
    "栋",
    "幢",
    "片",
    "床",
    "场次",
    "场",
    "篇",
    "册",
    "份",
    "学时",  # 不少于20天或160学时: hours of training
    "课时",
    "批次",
    "棵",
    "株",
    "头",
    "口",
    "块",
    "座次",
    "门",
    "款",
    "枚",
    "宗",
    "例",
    "盏",
    "根",
    "对",
    "组",
    "队",
    "村",
    "镇",
    "校",
    "园",
    "站",
    "基站",
    "标准箱",
    "标箱",
    "TEU",
    "辆次",
    "架次",
    "件次",
    "人年",
    "床位",
)
MEASURE_UNITS = (
    "%",
    "％",
    "‰",
    "个百分点",
    "百分点",
    "元",
    "美元",
    "欧元",
    "吨标准煤",
    "吨标煤",
    "吨",
    "千克",
    "公斤",
    "斤",  # 粮食综合生产能力达到1.4万亿斤
    "克",
    "公顷",
    "亩",
    "平方公里",
    "平方千米",
    "平方米",
    "平米",  # 80万平米: the everyday short form of 平方米
    "立方米",
    "微克",
    "毫克",
    "毫升",
    "分贝",
    "千米",
    "公里",
    "厘米",
    "毫米",  # 平均地面沉降量控制在6毫米/年以内
    "米",
    "千瓦时",
    "千瓦",
    "兆瓦",
    "吉瓦",
    "瓦",
    "度",
    "倍",
    "级",  # 抗御6级地震: a magnitude or grade (千亿级, 二级 are classes: see indicators.py)
    "分",
    "岁",
    "Mbps",
    "Gbps",
    "Kbps",
    "bps",
    "MB",
    "GB",
    "TB",
    "PB",
    "EB",
    "Tbps",
    "kWh",
    "kW",
    "MW",
    "GW",
    "km",
    "m²",
    "㎡",
    "Pflops",
    "PFlops",
    "PFLOPS",
    "EFLOPS",
)
TIME_UNITS = ("个工作日", "工作日", "个小时", "小时", "分钟", "个月", "天", "周", "毫秒", "秒")
BASE_UNITS = tuple(sorted(set(COUNT_UNITS + MEASURE_UNITS + TIME_UNITS), key=len, reverse=True))
LATIN_UNITS = {u for u in BASE_UNITS if u.isascii()}
STRONG_UNITS = {"%", "％", "‰", "个百分点", "百分点"}


def parse_number(token: str) -> float | None:
    if token in ("一半", "半数"):
        return 50.0
    if token[0].isdigit():
        try:
            return float(token.replace(",", "").replace("，", ""))
        except ValueError:
            return None
    number = chinese_to_number(token)
    return None if number is None else float(number)


_UNIT_RE = re.compile(
    "("
    + "|".join(map(re.escape, BASE_UNITS))
    + ")|("
    + "|".join(m for m, _ in MAGNITUDES)
    + ")("
    + "|".join(map(re.escape, BASE_UNITS))
    + ")?"
)
_MAGNITUDE_FACTOR = dict(MAGNITUDES)
_BASE_UNIT_RE = re.compile("|".join(map(re.escape, BASE_UNITS)))
_ABOUT = ("余", "多")  # 1.7万余个, 800多家: a little more than the number
UNIT_STARTS = re.escape("".join(sorted({u[0] for u in BASE_UNITS} | {m[0] for m, _ in MAGNITUDES})))
# A number: digits, 一半/半数, or a run of Chinese numerals — a one-character 一…九 only before a unit
# (一批, 统一, 进一步 are words; a bare digit needs a unit to count anything).
NUMBER_RE = re.compile(
    r"\d+(?:[,，]\d{3})*(?:\.\d+)?|一半|半数|[零〇一二两三四五六七八九十百千万亿]{2,}"
    r"|(?<!\d[余多])[十百千万亿]"  # 5300余万平方米: 万 the magnitude of the number before, not a number
    rf"|[一二两三四五六七八九](?=\s*[{UNIT_STARTS}])"  # not a lone 零 (零部件, 零售: words, no zero)
)
# What any number that can be a target starts with: a digit, 一半/半数, a Chinese numeral of two or more
# characters or a lone 十 (both can stand without a unit), or a one-character numeral before a unit.
MAY_HOLD_NUMBER_RE = re.compile(
    r"[0-9０-９]|一半|半数|十|[零〇一二两三四五六七八九十百千万亿]{2,}"
    rf"|[一二两三四五六七八九百千万亿]\s*[{UNIT_STARTS}]"
)
_PER_UNIT_RE = re.compile(
    r"\s*[/／]\s*(?:" + "|".join(map(re.escape, (*BASE_UNITS, "年", "日", "月", "人", "户", "千米"))) + ")"
)


def parse_unit(text: str, pos: int) -> tuple[str, float, int]:
    """(unit as written, magnitude factor, end offset) of the unit starting at pos; ("", 1, pos) if none.
    A rate is one unit: 微克/立方米, 万元/人, 吨/年."""
    if text[pos : pos + 1] in _ABOUT and text[pos + 1 : pos + 2]:
        # 800余万份, 30多个: "some more than" the number, the unit after it
        pos += 1 if _UNIT_RE.match(text, pos + 1) else 0
    match = _UNIT_RE.match(text, pos)
    if match is None:
        return "", 1.0, pos
    if match.group(1):  # a base unit (千瓦 is a unit, not 千 + 瓦)
        unit, factor, end = match.group(1), 1.0, match.end()
    else:
        unit = match.group(2) + (match.group(3) or "")
        factor, end = _MAGNITUDE_FACTOR[match.group(2)], match.end()
        if match.group(3) is None and text[end : end + 1] in _ABOUT and text[end + 1 : end + 2]:
            counted = _BASE_UNIT_RE.match(text, end + 1)  # 1.7万余个
            if counted is not None:
                unit, end = unit + counted.group(), counted.end()
    per = _PER_UNIT_RE.match(text, end)
    if per:
        unit, end = unit + text[end : per.end()], per.end()
    return unit, factor, end


@lru_cache(maxsize=4096)  # few units are ever written; each number asks several times
def normalize_unit(unit: str) -> tuple[str, float]:
    """万户 → ("户", 1e4); 亿元 → ("元", 1e8); % → ("%", 1); 万平米 → ("平方米", 1e4)."""
    for magnitude, factor in MAGNITUDES:
        if unit.startswith(magnitude) and unit not in BASE_UNITS:
            base = unit[len(magnitude) :]
            return _SAME_UNIT.get(base, base), factor
    return _SAME_UNIT.get(unit, unit), 1.0


_FULL_WIDTH_UNIT = {"％": "%"}
_SAME_UNIT = {"平米": "平方米", **_FULL_WIDTH_UNIT}  # one name per unit, so that values compare across plans


def canonical_unit(unit: str | None) -> str | None:
    """The unit as written, in half-width (１５％ and 15% are the same percent)."""
    return _FULL_WIDTH_UNIT.get(unit, unit) if unit else unit
