"""Which spans hold a position, answered without scanning every span: what keeps the extractor's cost
linear in the text when a document has thousands of sections and items."""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterable
from itertools import accumulate


class SpanSet:
    """A fixed set of (start, end) spans; `holds(position)` is true when start <= position < end for
    one of them (O(log n))."""

    def __init__(self, spans: Iterable[tuple[int, int]]) -> None:
        ordered = sorted(spans)
        self._starts = [start for start, _ in ordered]
        self._max_end = list(accumulate((end for _, end in ordered), max))  # furthest end so far

    def holds(self, position: int) -> bool:
        index = bisect_right(self._starts, position)
        return index > 0 and self._max_end[index - 1] > position


class SpanSweep:
    """Spans (start, end, value) met by windows that move forward through the text: `overlapping(a, b)`
    gives the spans overlapping [a, b) for windows whose a and b never decrease, in O(spans met)."""

    def __init__(self, spans: Iterable[tuple[int, int, str]]) -> None:
        self._pending = sorted(spans, reverse=True)  # popped from the end: by start
        self._active: list[tuple[int, int, str]] = []

    def overlapping(self, start: int, end: int) -> list[tuple[int, int, str]]:
        while self._pending and self._pending[-1][0] < end:
            self._active.append(self._pending.pop())
        self._active = [span for span in self._active if span[1] > start]
        return [span for span in self._active if span[0] < end]


class GrowingSpans:
    """Spans added one by one, kept as a sorted union of disjoint runs: `overlaps(a, b)` asks whether
    [a, b) meets any span added so far, in O(log n)."""

    def __init__(self, spans: Iterable[tuple[int, int]] = ()) -> None:
        self._starts: list[int] = []
        self._ends: list[int] = []
        for start, end in spans:
            self.add(start, end)

    def add(self, start: int, end: int) -> None:
        if end <= start:
            return
        # runs touching [start, end) merge into one: first run ending at or after start, through the
        # last run starting at or before end
        first = bisect_left(self._ends, start)
        last = bisect_right(self._starts, end)
        if first < last:
            start = min(start, self._starts[first])
            end = max(end, self._ends[last - 1])
        self._starts[first:last] = [start]
        self._ends[first:last] = [end]

    def overlaps(self, start: int, end: int) -> bool:
        index = bisect_left(self._ends, start + 1)  # first run ending after start
        return index < len(self._starts) and self._starts[index] < end

    def covered(self, start: int, end: int) -> int:
        """How many characters of [start, end) the runs hold."""
        index = bisect_left(self._ends, start + 1)  # first run ending after start
        inside = 0
        while index < len(self._starts) and self._starts[index] < end:
            inside += min(end, self._ends[index]) - max(start, self._starts[index])
            index += 1
        return inside

    def end_at(self, position: int) -> int | None:
        """Where the run holding `position` ends, or None when no run holds it."""
        index = bisect_right(self._starts, position) - 1
        if index >= 0 and self._ends[index] > position:
            return self._ends[index]
        return None

    def first_start(self, start: int, end: int) -> int | None:
        """Where the first span meeting [start, end) begins (at `start` if one runs into it), or None."""
        index = bisect_left(self._ends, start + 1)
        if index < len(self._starts) and self._starts[index] < end:
            return max(start, self._starts[index])
        return None
