"""Result values in one shape, whichever backend produced them.

Nodes become `{"_label": "Task", "id": …, <non-null properties>}`, relationships
`{"_type": "MENTIONS", <non-null properties>}`, paths `{"nodes": […], "relationships": […]}`.
Nulls are dropped from nodes because Ladybug returns every column of a table (null when unset)
while Neo4j returns only the properties a node has. Ladybug's INT128 sums (Decimal) become ints.
"""

from __future__ import annotations

import sys
from collections.abc import Mapping, Sequence
from decimal import Decimal
from typing import Any

from plankg.graph.port import Row


def _properties(items: Any) -> dict[str, Any]:
    return {key: plain(value) for key, value in items if value is not None}


def plain(value: Any) -> Any:
    """A JSON-friendly value: numbers, strings, bools, lists and dicts only."""
    if isinstance(value, bool | str | int | float) or value is None:
        return value
    if isinstance(value, Decimal):
        return int(value) if value == value.to_integral_value() else float(value)
    neo4j_graph = sys.modules.get("neo4j.graph")  # not imported: no value can be the driver's
    if neo4j_graph is not None and isinstance(
        value, neo4j_graph.Node | neo4j_graph.Relationship | neo4j_graph.Path
    ):
        return _neo4j_value(value, neo4j_graph)
    if isinstance(value, dict):
        if "_NODES" in value and "_RELS" in value:  # a Ladybug path
            return {
                "nodes": [plain(n) for n in value["_NODES"]],
                "relationships": [plain(r) for r in value["_RELS"]],
            }
        if "_LABEL" in value and "_ID" in value:  # a Ladybug node or relationship
            props = _properties((k, v) for k, v in value.items() if not k.startswith("_"))
            if "_SRC" in value:
                return {"_type": value["_LABEL"], **props}
            return {"_label": value["_LABEL"], **props}
        return {str(key): plain(item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return [plain(item) for item in value]
    return value


def _neo4j_value(value: Any, neo4j_graph: Any) -> Any:
    """A driver's node, relationship or path (looked up, not imported: the embedded query worker
    starts faster without the driver)."""
    if isinstance(value, neo4j_graph.Node):
        return {"_label": sorted(value.labels)[0] if value.labels else None, **_properties(value.items())}
    if isinstance(value, neo4j_graph.Relationship):
        return {"_type": value.type, **_properties(value.items())}
    if isinstance(value, neo4j_graph.Path):
        return {
            "nodes": [plain(n) for n in value.nodes],
            "relationships": [plain(r) for r in value.relationships],
        }
    return value


def plain_row(columns: list[str], values: Sequence[Any] | Mapping[str, Any]) -> Row:
    if isinstance(values, Mapping):
        values = [values[column] for column in columns]
    return {column: plain(value) for column, value in zip(columns, values, strict=True)}
