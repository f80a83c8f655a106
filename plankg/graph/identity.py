"""Is a document the stored plan's own source, edited, or a different document that maps to its id?

A plan's id comes from its title and region, so two documents can map to one id: an edited version of
the plan (it should replace the stored one) or another document (a summary, an action plan carrying
the same title) that must not silently replace it. The source counts as the same when the file name
is the same and the text is near the stored one by character-shingle similarity.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import PureWindowsPath

SHINGLE_CHARS = 4
# Jaccard similarity of the texts' 4-character shingles from which an edit counts as the same document:
# revising targets or sentences stays well above (the seed with every digit changed: 0.92; its first
# half alone: 0.50), two documents of the corpus are far below (≤ 0.03).
NEAR_SIMILARITY = 0.5
# Longer texts are compared on a deterministic sample of shingles (about one in SAMPLE_EVERY), which
# estimates the same Jaccard similarity without holding every shingle of a 50 MiB text.
SAMPLE_ABOVE_CHARS = 200_000
SAMPLE_EVERY = 16

_SPACE_RE = re.compile(r"\s+")


@dataclass(frozen=True)
class SourceComparison:
    same_name: bool
    similarity: float | None  # None: the stored plan kept no text to compare with

    @property
    def same_source(self) -> bool:
        near = self.similarity is None or self.similarity >= NEAR_SIMILARITY
        return self.same_name and near

    def describe(self) -> str:
        parts = [] if self.same_name else ["another file name"]
        if self.similarity is not None and self.similarity < NEAR_SIMILARITY:
            parts.append(f"a different text: {self.similarity:.0%} alike")
        return ", ".join(parts) or "the same document"


def file_name(path: str | None) -> str:
    """The file name of a stored path, whichever separator it was written with."""
    return PureWindowsPath(path or "").name.casefold()


def compare_sources(
    stored_path: str | None, stored_text: str | None, new_path: str | None, new_text: str | None
) -> SourceComparison:
    similarity = None
    if stored_text is not None and new_text is not None:
        similarity = text_similarity(stored_text, new_text)
    return SourceComparison(same_name=file_name(stored_path) == file_name(new_path), similarity=similarity)


def text_similarity(a: str, b: str) -> float:
    """Jaccard similarity of the two texts' character shingles (whitespace ignored)."""
    sample = max(len(a), len(b)) > SAMPLE_ABOVE_CHARS
    left, right = _shingles(a, sample), _shingles(b, sample)
    if not left and not right:
        return 1.0
    return len(left & right) / len(left | right)


def _shingles(text: str, sample: bool) -> set[int]:
    compact = _SPACE_RE.sub("", text)
    hashes = (hash(compact[i : i + SHINGLE_CHARS]) for i in range(max(1, len(compact) - SHINGLE_CHARS + 1)))
    if sample:
        return {h for h in hashes if h % SAMPLE_EVERY == 0}
    return set(hashes)
