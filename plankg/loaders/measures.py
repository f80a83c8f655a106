"""Harmonised measures: which entry of the indicator vocabulary (ontology/data/indicators.yaml) an
indicator states a target for, so the same measure can be put side by side across plans."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from importlib import resources

import yaml

VOCABULARY_FILE = "indicators.yaml"


@dataclass(frozen=True)
class Measure:
    id: str
    name: str
    alt_names: tuple[str, ...]
    unit: str


@cache
def measures() -> dict[str, Measure]:
    path = resources.files("plankg.ontology").joinpath("data", VOCABULARY_FILE)
    entries = yaml.safe_load(path.read_text(encoding="utf-8"))
    return {
        entry["id"]: Measure(
            id=entry["id"],
            name=entry["name"],
            alt_names=tuple(entry.get("alt_names") or ()),
            unit=str(entry.get("unit") or ""),
        )
        for entry in entries
    }


@cache
def _names_longest_first() -> tuple[tuple[str, str], ...]:
    pairs = {(name.lower(), m.id) for m in measures().values() for name in (m.name, *m.alt_names)}
    return tuple(sorted(pairs, key=lambda pair: (-len(pair[0]), pair)))


def measure_of(name: str, text: str = "") -> str | None:
    """The measure id whose name the indicator's name holds, else its sentence; None when neither."""
    for haystack in (name.lower(), text.lower()):
        for needle, measure_id in _names_longest_first():
            if needle in haystack:
                return measure_id
    return None


def find_measure(query: str) -> Measure | None:
    """The measure a researcher asks for: by id, name or alt name (exact, then contained either way)."""
    query = query.strip().lower()
    if not query:
        return None
    if query in measures():
        return measures()[query]
    for needle, measure_id in _names_longest_first():
        if needle == query:
            return measures()[measure_id]
    for needle, measure_id in _names_longest_first():
        if query in needle or needle in query:
            return measures()[measure_id]
    return None
