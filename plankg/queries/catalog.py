"""The query catalog: reads the .cypher files of plankg/queries and their headers (see the package
docstring for the header format)."""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from importlib.resources.abc import Traversable
from typing import Any

from plankg.graph.port import GraphStore, Row

GENERIC = ""  # the backend key of a file that runs everywhere
BACKENDS = ("embedded", "neo4j")


class UnknownQuery(KeyError):
    """No named query (or no variant for this backend) by that name."""

    def __str__(self) -> str:
        return str(self.args[0]) if self.args else "unknown query"


class QueryParameterError(ValueError):
    """Parameters missing, unexpected, or of the wrong type for a named query."""


@dataclass(frozen=True)
class QueryParam:
    name: str
    type: str  # string, int, float, bool, list, or "" when the header does not say
    description: str = ""
    required: bool = True

    def accepts(self, value: Any) -> bool:
        if value is None:
            return not self.required
        checks: dict[str, tuple[type, ...]] = {
            "string": (str,),
            "int": (int,),
            "float": (int, float),
            "bool": (bool,),
            "list": (list, tuple),
        }
        if self.type not in checks:
            return True
        if self.type in ("int", "float") and isinstance(value, bool):
            return False
        return isinstance(value, checks[self.type])


@dataclass(frozen=True)
class QueryInfo:
    name: str
    answers: str
    params: tuple[QueryParam, ...]
    backends: tuple[str, ...]  # "" (all) and/or the backends with their own file
    notes: tuple[str, ...] = field(default=())

    def __str__(self) -> str:
        return self.answers


_HEADER_LINE = re.compile(r"^//\s?(\w+):\s*(.*)$")
_CONTINUATION = re.compile(r"^//\s{2,}(\S.*)$")
_TYPE_WORDS: tuple[tuple[str, str], ...] = (
    ("list", "list"),
    ("strings", "string"),
    ("string", "string"),
    ("integer", "int"),
    ("ints", "int"),
    ("int", "int"),
    ("float", "float"),
    ("number", "float"),
    ("boolean", "bool"),
    ("bool", "bool"),
)


def _parse_header(source: str) -> tuple[dict[str, str], list[str]]:
    fields: dict[str, str] = {}
    notes: list[str] = []
    last: str | None = None
    for line in source.splitlines():
        stripped = line.strip()
        if not stripped:
            continue
        if not stripped.startswith("//"):
            break
        continuation = _CONTINUATION.match(stripped)
        if continuation and last is not None:
            fields[last] += " " + continuation.group(1).strip()
            continue
        header = _HEADER_LINE.match(stripped)
        if header and header.group(1) in ("name", "answers", "params"):
            last = header.group(1)
            fields[last] = header.group(2).strip()
        else:
            last = None
            notes.append(stripped[2:].strip())
    return fields, notes


def _split_top_level(text: str) -> list[str]:
    """Split at commas outside parentheses (descriptions hold commas and apostrophes freely)."""
    parts: list[str] = []
    depth = 0
    current: list[str] = []
    for char in text:
        if char == "(":
            depth += 1
        elif char == ")":
            depth = max(0, depth - 1)
        elif char == "," and depth == 0:
            parts.append("".join(current).strip())
            current = []
            continue
        current.append(char)
    if "".join(current).strip():
        parts.append("".join(current).strip())
    return parts


def parse_params(text: str) -> tuple[QueryParam, ...]:
    """The parameters a `// params:` line declares (see the module docstring)."""
    text = text.strip()
    if text.lower().strip("() ") in ("", "none"):
        return ()
    params: list[QueryParam] = []
    waiting: list[str] = []  # names sharing the next parenthesised description
    for part in _split_top_level(text):
        match = re.match(r"^([A-Za-z_]\w*)\s*(?:\((.*)\))?\s*$", part, re.DOTALL)
        if not match:
            raise ValueError(f"cannot read parameter {part!r}")
        name, description = match.group(1), (match.group(2) or "").strip()
        if not match.group(2):
            waiting.append(name)
            continue
        value_type = ""
        head = description.lower()
        for word, kind in _TYPE_WORDS:
            if re.match(rf"^{word}\b", head):
                value_type = kind
                break
        required = "optional" not in head
        for shared in [*waiting, name]:
            params.append(QueryParam(shared, value_type, description, required))
        waiting = []
    params.extend(QueryParam(name, "") for name in waiting)
    return tuple(params)


class QueryCatalog:
    """The named queries in one directory (by default this package's own .cypher files)."""

    def __init__(self, directory: Traversable | None = None) -> None:
        self.directory = directory or resources.files("plankg.queries")
        self._texts: dict[str, dict[str, str]] = {}
        self._info: dict[str, QueryInfo] = {}
        self._load()

    def _load(self) -> None:
        for entry in sorted(self.directory.iterdir(), key=lambda e: e.name):
            if not entry.name.endswith(".cypher"):
                continue
            stem = entry.name.removesuffix(".cypher")
            name, _, backend = stem.partition(".")
            if backend and backend not in BACKENDS:
                raise ValueError(f"{entry.name}: unknown backend {backend!r} (expected one of {BACKENDS})")
            source = entry.read_text(encoding="utf-8")
            fields, notes = _parse_header(source)
            if fields.get("name") != name:
                found = fields.get("name")
                raise ValueError(f"{entry.name}: header `// name:` must be {name!r}, found {found!r}")
            if not fields.get("answers"):
                raise ValueError(f"{entry.name}: header `// answers:` is missing")
            params = parse_params(fields.get("params", ""))
            info = QueryInfo(name, fields["answers"], params, (), tuple(notes))
            known = self._info.get(name)
            if known and known.params != info.params:
                raise ValueError(f"{entry.name}: its params differ from another variant of {name!r}")
            self._texts.setdefault(name, {})[backend or GENERIC] = source
            self._info[name] = QueryInfo(
                name, info.answers, info.params, tuple(sorted(self._texts[name])), info.notes
            )

    def names(self) -> list[str]:
        return sorted(self._texts)

    def describe(self, name: str) -> QueryInfo:
        try:
            return self._info[name]
        except KeyError:
            raise UnknownQuery(f"no named query {name!r}") from None

    def text(self, name: str, backend: str) -> str:
        """The Cypher for this backend: `name.<backend>.cypher` if present, else `name.cypher`."""
        variants = self._texts.get(name)
        if variants is None:
            raise UnknownQuery(f"no named query {name!r}")
        if backend in variants:
            return variants[backend]
        if GENERIC in variants:
            return variants[GENERIC]
        raise UnknownQuery(f"named query {name!r} has no variant for the {backend} backend")

    def check_params(self, name: str, params: Mapping[str, Any] | None) -> dict[str, Any]:
        """The parameters to send: required ones present and of their declared type, no strays;
        optional ones absent are sent as null."""
        info = self.describe(name)
        given = dict(params or {})
        declared = {p.name: p for p in info.params}
        problems: list[str] = []
        missing = [p.name for p in info.params if p.required and p.name not in given]
        if missing:
            problems.append(f"missing {', '.join(missing)}")
        unexpected = sorted(set(given) - set(declared))
        if unexpected:
            problems.append(f"unexpected {', '.join(unexpected)}")
        for key, value in given.items():
            param = declared.get(key)
            if param and not param.accepts(value):
                problems.append(f"{key} must be {param.type}, got {type(value).__name__}")
        if problems:
            expected = ", ".join(f"{p.name} ({p.type or 'any'})" for p in info.params) or "none"
            raise QueryParameterError(f"query {name!r}: {'; '.join(problems)} (parameters: {expected})")
        for param in info.params:
            given.setdefault(param.name, None)
        return given

    def run(self, store: GraphStore, name: str, params: Mapping[str, Any] | None = None) -> list[Row]:
        checked = self.check_params(name, params)
        return store.read(self.text(name, store.backend), checked)


@cache
def catalog() -> QueryCatalog:
    return QueryCatalog()


def names() -> list[str]:
    return catalog().names()


def describe(name: str) -> QueryInfo:
    return catalog().describe(name)


def text(name: str, backend: str) -> str:
    return catalog().text(name, backend)


def run(store: GraphStore, name: str, params: Mapping[str, Any] | None = None) -> list[Row]:
    """Run a named query on a store after checking its parameters against the header."""
    return catalog().run(store, name, params)


def pages(
    store: GraphStore, name: str, params: Mapping[str, Any] | None = None, *, page_size: int
) -> Iterator[Row]:
    """Every row of a named query that takes `skip` and `limit`, read a page at a time in its order."""
    skip = 0
    while True:
        rows = run(store, name, {**(params or {}), "skip": skip, "limit": page_size})
        yield from rows
        if len(rows) < page_size:
            return
        skip += page_size
