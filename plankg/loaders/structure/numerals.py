"""Chinese numerals as a plan writes them: 二十五, 两千五百, the ordinals of numbered headings (三, 12, ③)."""

from __future__ import annotations

import re

from plankg.loaders.quantities import CN_NUMERAL_CHARS, chinese_to_number

__all__ = ["CN_NUMERAL_CHARS", "CN_ORD", "chinese_to_number", "ordinal_of", "ordinal_value"]

# The characters of an ordinal in a heading marker or an enumeration (一、 （十二） 二是).
CN_ORD = "一二三四五六七八九十百零〇两"


def ordinal_value(token: str) -> int | None:
    if token.isdigit():
        return int(token)
    if token in "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳" and len(token) == 1:
        return ord(token) - ord("①") + 1
    return chinese_to_number(token)


def ordinal_of(marker: str) -> int | None:
    """一是 → 1, 第三， → 3, 其二 → 2."""
    return ordinal_value(re.sub(r"^[第其]|是$|[，,、：:]$", "", marker))
