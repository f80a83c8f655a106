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
from plankg.ontology.records import DocumentGraph, Extraction
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
    skipped: str | None = None  # why nothing was written (`skip_reason`), None when loaded


def skip_reason(extraction: Extraction) -> str | None:
    """Why a document is not loaded unless the caller insists: it is not a plan (a regulation, a
    reply letter, an appointment notice …), with the cue that said so."""
    if extraction.document.genre != "not_a_plan":
        return None
    evidence = extraction.document.genre_evidence
    because = f" ({evidence.rule}: {evidence.cue})" if evidence else ""
    return f"not a plan{because}"


def load_source(
    store: GraphStore,
    source: SourceDocument,
    *,
    force: bool = False,
    any_genre: bool = False,
    overrides_path: Path | None = None,
) -> LoadOutcome:
    """Extract one decoded document and write its subgraph in one transaction; a document that is not a
    plan is skipped (nothing written, `skipped` says why) unless `any_genre`."""
    extraction = extract_document(source, overrides_path=overrides_path)
    reason = None if any_genre else skip_reason(extraction)
    if reason is not None:
        return LoadOutcome(
            path=source.path,
            plan_id=extraction.plan.id,
            title=extraction.plan.title,
            changed=False,
            nodes=0,
            relationships=0,
            skipped=reason,
        )
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
    store: GraphStore,
    data: bytes,
    filename: str,
    *,
    force: bool = False,
    any_genre: bool = False,
    overrides_path: Path | None = None,
) -> LoadOutcome:
    return load_source(
        store, read_bytes(data, filename), force=force, any_genre=any_genre, overrides_path=overrides_path
    )


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
