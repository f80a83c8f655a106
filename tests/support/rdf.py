"""RDF checks shared by the RDF and table tests: the SHACL shapes, a store's export parsed back, and
what SHACL finds wrong in it."""

from __future__ import annotations

from importlib import resources
from typing import Any

import pyshacl
from rdflib import RDF, Graph
from rdflib.namespace import SH

from plankg.graph import GraphStore
from plankg.rdf.export import FORMATS, export
from plankg.rdf.mapping import RdfMapping

BASE = "https://w3id.org/plankg/id/"


def shapes() -> Graph:
    graph = Graph()
    graph.parse(str(resources.files("plankg.ontology").joinpath("shapes.ttl")), format="turtle")
    return graph


def export_graph(store: GraphStore, fmt: str = "nt", plan: str | None = None) -> Graph:
    mapping = RdfMapping(BASE)
    data = b"".join(export(store, mapping, FORMATS[fmt], plan=plan))
    return Graph().parse(data=data, format=FORMATS[fmt].rdflib_format)


def violations(data: Graph) -> list[tuple[Any, Any]]:
    conforms, report, _ = pyshacl.validate(data, shacl_graph=shapes(), inference="none")
    results = [
        (report.value(r, SH.focusNode), report.value(r, SH.resultPath))
        for r in report.subjects(RDF.type, SH.ValidationResult)
    ]
    assert conforms == (not results)
    return results
