"""Chinese numerals as a plan writes them: 二十五, 两千五百, the ordinals of numbered headings (三, 12, ③)."""

from __future__ import annotations

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
# The characters of an ordinal in a heading marker or an enumeration (一、 （十二） 二是).
CN_ORD = "一二三四五六七八九十百零〇两"


def chinese_to_number(numeral: str) -> int | None:
    """二十五 → 25, 两千五百 → 2500, 一千 → 1000, 千万 → 10000000; None if not a well-formed numeral."""
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
            if group == 0:
                group = 1
            if total and unit > total:
                total = (total + group) * unit
            else:
                total += group * unit
            group, digit, last_small_unit = 0, None, 10_000
    return total + group + (digit or 0)


def ordinal_value(token: str) -> int | None:
    if token.isdigit():
        return int(token)
    if token in "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳" and len(token) == 1:
        return ord(token) - ord("①") + 1
    return chinese_to_number(token)
