"""Sentence and clause ends, and the edges of a span: the punctuation every other shape relies on."""

from __future__ import annotations

import re

SENTENCE_END = "。！？!?"
CLAUSE_END = "。！？!?；;"
STRIP = " \t\u3000\xa0\ufeff\u200b"
EDGE_PUNCT = STRIP + "，,、：:；;。！？!?…"
# List bullets a line may open with (• 依托自贸试验区…): no part of an item's name or text.
BULLETS = "•●▪◆■◇□★☆▶►"

COLON_RE = re.compile(r"[：:]")
QUOTES_SPACES_RE = re.compile(r"[\s\u3000“”\"]")
SPACES_RE = re.compile(r"[\s\u3000]")
_OPEN_QUOTES = "“《（(「『【‘"
_CLOSE_QUOTES = "”》）)」』】’"
_STOPS_RE: dict[str, re.Pattern[str]] = {}


def find_sentence_end(text: str, start: int, terminals: str = SENTENCE_END, end: int | None = None) -> int:
    """Index of the first terminal punctuation in text[start:end], outside quotes and brackets; -1 if none.
    A "." ends a sentence after a CJK character unless a digit follows (2.0 is a number). The text is
    never copied, so scanning a long text clause by clause stays linear."""
    if end is None:
        end = len(text)
    stops = _STOPS_RE.get(terminals)
    if stops is None:  # the regex engine jumps to the characters that matter
        stops = _STOPS_RE[terminals] = re.compile(
            "[" + re.escape(_OPEN_QUOTES + _CLOSE_QUOTES + terminals + ".") + "]"
        )
    depth = 0
    for match in stops.finditer(text, start, end):
        ch = match.group()
        i = match.start()
        if ch in _OPEN_QUOTES:
            depth += 1
        elif ch in _CLOSE_QUOTES:
            depth = max(0, depth - 1)
        elif (ch in terminals and depth == 0) or (
            ch == "."
            and depth == 0
            and i > 0
            and is_cjk(text[i - 1])
            and (i + 1 == end or not text[i + 1].isdigit())
        ):
            return i
    return -1


def is_cjk(ch: str) -> bool:
    return "\u4e00" <= ch <= "\u9fff"


def trim(text: str, start: int, end: int) -> tuple[int, int]:
    """The span without the spaces and punctuation at its edges."""
    while start < end and (text[start] in EDGE_PUNCT or text[start] in BULLETS):
        start += 1
    while end > start and text[end - 1] in EDGE_PUNCT:
        end -= 1
    return start, end
