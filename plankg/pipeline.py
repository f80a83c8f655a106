"""Document → extraction → store: the load path shared by `plankg load`, `plankg demo` and POST /plans.

Loaders never talk to a store; this glue module is the one place that hands an extracted
DocumentGraph to a GraphStore.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from plankg.graph.port import GraphStore
from plankg.loaders import extract_document, to_document_graph
from plankg.loaders.graph_builder import with_search_terms
from plankg.loaders.reading import SourceDocument, read_bytes, read_document
from plankg.ontology.records import DocumentGraph
from plankg.rdf.importer import load_rdf_file


@dataclass(frozen=True)
class LoadOutcome:
    path: str
    plan_id: str
    title: str
    changed: bool  # False: the same document was already loaded, nothing written
    nodes: int
    relationships: int
    warnings: list[str] = field(default_factory=list)


def load_source(
    store: GraphStore, source: SourceDocument, *, force: bool = False, overrides_path: Path | None = None
) -> LoadOutcome:
    """Extract one decoded document and write its subgraph in one transaction."""
    extraction = extract_document(source, overrides_path=overrides_path)
    graph = to_document_graph(extraction, source.text)
    result = store.write_document(graph, force=force)
    return LoadOutcome(
        path=source.path,
        plan_id=result.plan_id,
        title=extraction.plan.title,
        changed=result.changed,
        nodes=len(graph.nodes),
        relationships=len(graph.relationships),
        warnings=list(extraction.warnings),
    )


def load_path(
    store: GraphStore, path: Path | str, *, force: bool = False, overrides_path: Path | None = None
) -> LoadOutcome:
    return load_source(store, read_document(path), force=force, overrides_path=overrides_path)


def load_bytes(
    store: GraphStore, data: bytes, filename: str, *, force: bool = False, overrides_path: Path | None = None
) -> LoadOutcome:
    return load_source(store, read_bytes(data, filename), force=force, overrides_path=overrides_path)


def load_paths(
    store: GraphStore,
    paths: Iterable[Path | str],
    *,
    force: bool = False,
    overrides_path: Path | None = None,
    on_done: Callable[[LoadOutcome], None] | None = None,
) -> list[LoadOutcome]:
    """Load documents one by one; each is its own transaction, so a bad one leaves the rest loaded.
    Every document is read and checked first, so a bad path fails before anything is written."""
    sources = [read_document(p) for p in paths]
    outcomes = []
    for source in sources:
        outcome = load_source(store, source, force=force, overrides_path=overrides_path)
        outcomes.append(outcome)
        if on_done is not None:
            on_done(outcome)
    return outcomes


def read_rdf_export(
    path: Path | str, *, rdf_format: str | None = None, base_iri: str | None = None
) -> list[DocumentGraph]:
    """An RDF export read back into one DocumentGraph per plan (plankg.rdf.importer), each node's
    search terms recomputed as the loaders compute them (the export leaves that index out)."""
    return [
        graph.model_copy(update={"nodes": [with_search_terms(node) for node in graph.nodes]})
        for graph in load_rdf_file(path, rdf_format=rdf_format, base_iri=base_iri)
    ]
