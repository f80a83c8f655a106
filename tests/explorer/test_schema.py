"""The explorer page writes no schema of its own: its node labels, link types and their Chinese and
English names come from plan.ttl through GET /ontology.json. plan.ttl is read here with rdflib
directly (not through plankg.ontology.schema), so a mistake in the derivation fails too."""

from __future__ import annotations

import re
from importlib import resources
from pathlib import Path

from fastapi.testclient import TestClient
from rdflib import RDFS, Graph, Literal, Namespace
from rdflib.collection import Collection

from plankg.api import create_app
from plankg.settings import Settings
from tests.support.corpus import REPO

STATIC = REPO / "plankg" / "explorer" / "static"
PK = Namespace("https://w3id.org/plankg/ontology#")
CJK = re.compile(r"[\u3400-\u9fff]")
PAGE_ONLY_KINDS = {"SubTask"}  # a Task drawn as PART_OF another; named after PART_OF


def plan_ttl() -> Graph:
    graph = Graph()
    graph.parse(str(resources.files("plankg.ontology").joinpath("plan.ttl")), format="turtle")
    return graph


def names(graph: Graph, subject: object) -> dict[str, str]:
    return {
        label.language: str(label)
        for label in graph.objects(subject, RDFS.label)  # type: ignore[arg-type]
        if isinstance(label, Literal) and label.language
    }


def ttl_labels(graph: Graph) -> dict[str, dict[str, str]]:
    return {str(label): names(graph, cls) for cls, label in graph.subject_objects(PK.nodeLabel)}


def ttl_link_types(graph: Graph) -> dict[str, dict[str, str]]:
    return {str(rel): names(graph, prop) for prop, rel in graph.subject_objects(PK.relType)}


def js_object_keys(source: str, name: str) -> list[str]:
    """The keys of `const NAME = { Key: {...}, ... };` in a page script."""
    match = re.search(rf"const {name} = \{{\n(.*?)\n\}};", source, re.S)
    assert match, f"no {name} table"
    return re.findall(r"^\s+(\w+): \{", match.group(1), re.M)


def test_ontology_json_is_plan_ttl(tmp_path: Path) -> None:
    graph = plan_ttl()
    with TestClient(create_app(Settings(store="embedded", data_dir=tmp_path))) as client:
        body = client.get("/ontology.json").json()
    assert {n["label"]: n["names"] for n in body["node_labels"]} == ttl_labels(graph)
    assert {t["type"]: t["names"] for t in body["link_types"]} == ttl_link_types(graph)
    for link in body["link_types"]:
        prop = next(graph.subjects(PK.relType, Literal(link["type"])))
        pairs = {
            tuple(str(graph.value(cls, PK.nodeLabel)) for cls in Collection(graph, pair))
            for pair in graph.objects(prop, PK.fromTo)
        }
        assert {tuple(end) for end in link["ends"]} == pairs
    assert body["entity"] == names(graph, PK.Entity) and body["link"] == names(graph, PK.QualifiedLink)
    assert all(n["names"].get("zh") for n in body["node_labels"] + body["link_types"])


def test_the_page_styles_exactly_the_labels_and_link_types_of_plan_ttl() -> None:
    graph = plan_ttl()
    drawing = (STATIC / "graph.js").read_text(encoding="utf-8")
    app = (STATIC / "app.js").read_text(encoding="utf-8")
    assert set(js_object_keys(drawing, "NODE_STYLES")) == set(ttl_labels(graph)) | PAGE_ONLY_KINDS
    assert set(js_object_keys(drawing, "EDGE_STYLES")) == set(ttl_link_types(graph))
    result_types = re.search(r"const RESULT_TYPES = \[(.*?)\];", app)
    assert result_types
    assert set(re.findall(r'"(\w+)"', result_types.group(1))) == set(ttl_labels(graph))


def test_the_page_writes_no_chinese_name_of_a_label_or_link_type() -> None:
    """Names come from /ontology.json only: no table in the scripts holds Chinese, and no Chinese name
    of plan.ttl is spelled out in a script next to its label or link type."""
    graph = plan_ttl()
    drawing = (STATIC / "graph.js").read_text(encoding="utf-8")
    for table in ("NODE_STYLES", "EDGE_STYLES"):
        block = re.search(rf"const {table} = \{{\n(.*?)\n\}};", drawing, re.S)
        assert block and not CJK.search(block.group(1)), table
    scripts = "\n".join(path.read_text(encoding="utf-8") for path in STATIC.glob("*.js"))
    assert not re.search(r"\bzh:\s*\"[^\"]", scripts), "a Chinese name written in a script"
    for name, labels in {**ttl_labels(graph), **ttl_link_types(graph)}.items():
        assert not re.search(rf"\b{name}\b[^\n]{{0,40}}{re.escape(labels['zh'])}", scripts), name
