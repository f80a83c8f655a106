"""Document → extraction → store: the load path shared by `plankg load`, `plankg demo` and POST /plans.

Loaders never talk to a store; this glue module is the one place that hands an extracted
PlanSubgraph to a GraphStore. `load_many` is the many-document path: extraction in worker processes,
each document written whole or not at all in the calling process (runs of new plans share a
transaction, redone one by one if it fails), every document ending in one `DocumentResult`.
"""

from __future__ import annotations

import multiprocessing
import os
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from enum import StrEnum
from itertools import islice
from multiprocessing import forkserver
from multiprocessing.context import BaseContext
from pathlib import Path

from plankg import queries
from plankg.graph.port import (
    GraphStore,
    InvalidGraph,
    PlanCollision,
    StoreError,
    StoreUnavailable,
    WriteResult,
)
from plankg.loaders import extract_document, to_plan_subgraph
from plankg.loaders.reading import (
    SUPPORTED_EXTENSIONS,
    DocumentReadError,
    DocumentTooLargeError,
    SourceDocument,
    read_bytes,
    read_document,
)
from plankg.loaders.subgraph import with_search_terms
from plankg.ontology.records import Extraction, PlanSubgraph
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


@dataclass(frozen=True)
class PreparedDocument:
    """A document extracted and laid out as a graph, not yet written (what a worker process returns).
    A document that is not loaded has no graph and says why in `skipped`."""

    path: str
    plan_id: str
    title: str
    graph: PlanSubgraph | None
    warnings: list[str]
    skipped: str | None = None


def prepare_source(
    source: SourceDocument, *, any_genre: bool = False, overrides_path: Path | None = None
) -> PreparedDocument:
    """Extract one document; one that is not a plan is skipped unless `any_genre`."""
    extraction = extract_document(source, overrides_path=overrides_path)
    reason = None if any_genre else skip_reason(extraction)
    return PreparedDocument(
        path=source.path,
        plan_id=extraction.plan.id,
        title=extraction.plan.title,
        graph=None if reason is not None else to_plan_subgraph(extraction, source.text),
        warnings=list(extraction.warnings),
        skipped=reason,
    )


def write_prepared(
    store: GraphStore, prepared: PreparedDocument, *, force: bool = False, replace: bool = False
) -> LoadOutcome:
    """Write one prepared document's subgraph in one transaction (a skipped one: nothing)."""
    if prepared.graph is None:
        return LoadOutcome(
            path=prepared.path,
            plan_id=prepared.plan_id,
            title=prepared.title,
            changed=False,
            nodes=0,
            relationships=0,
            skipped=prepared.skipped,
        )
    return _outcome(prepared, store.write_document(prepared.graph, force=force, replace=replace))


def _outcome(prepared: PreparedDocument, written: WriteResult) -> LoadOutcome:
    assert prepared.graph is not None
    return LoadOutcome(
        path=prepared.path,
        plan_id=written.plan_id,
        title=prepared.title,
        changed=written.changed,
        nodes=len(prepared.graph.nodes),
        relationships=len(prepared.graph.relationships),
        warnings=prepared.warnings,
    )


def load_source(
    store: GraphStore,
    source: SourceDocument,
    *,
    force: bool = False,
    any_genre: bool = False,
    replace: bool = False,
    overrides_path: Path | None = None,
) -> LoadOutcome:
    """Extract one decoded document and write its subgraph in one transaction; a document that is not a
    plan is skipped (nothing written, `skipped` says why) unless `any_genre`."""
    prepared = prepare_source(source, any_genre=any_genre, overrides_path=overrides_path)
    return write_prepared(store, prepared, force=force, replace=replace)


def load_path(
    store: GraphStore,
    path: Path | str,
    *,
    force: bool = False,
    any_genre: bool = False,
    replace: bool = False,
    overrides_path: Path | None = None,
) -> LoadOutcome:
    source = read_document(path)
    return load_source(
        store, source, force=force, any_genre=any_genre, replace=replace, overrides_path=overrides_path
    )


def load_paths(
    store: GraphStore,
    paths: Iterable[Path | str],
    *,
    force: bool = False,
    overrides_path: Path | None = None,
    on_done: Callable[[LoadOutcome], None] | None = None,
) -> list[LoadOutcome]:
    """Load documents one by one in this process (the Python API's `kg.load`); each is its own
    transaction, so a bad one leaves the rest loaded. Every document is read and checked first, so a bad
    path fails before anything is written. `load_many` is the many-document path with a result each."""
    sources = [read_document(p) for p in paths]
    outcomes = []
    for source in sources:
        outcome = load_source(store, source, force=force, overrides_path=overrides_path)
        outcomes.append(outcome)
        if on_done is not None:
            on_done(outcome)
    return outcomes


# ---------------------------------------------------------------- many documents


class Status(StrEnum):
    LOADED = "loaded"  # written (new, or a changed version replacing its plan)
    UNCHANGED = "unchanged"  # the same source (sha256) is already loaded: nothing written
    SKIPPED = "skipped"  # deliberately not loaded (e.g. not a plan); `reason` says why
    FAILED = "failed"  # could not be loaded; `reason` says why, `failure` what kind of cause


class Failure(StrEnum):
    UNREADABLE = "unreadable"  # the document cannot be read or decoded (bad input)
    TOO_LARGE = "too_large"  # over the document size limit (bad input)
    INVALID = "invalid"  # extraction or its graph is refused (bad input)
    COLLISION = "collision"  # another document's plan has this id (refused without replace)
    INTERNAL = "internal"  # a bug: the extractor or the store failed unexpectedly


@dataclass(frozen=True)
class DocumentResult:
    path: str
    status: Status
    reason: str = ""
    failure: Failure | None = None
    outcome: LoadOutcome | None = None


def collect_paths(inputs: Iterable[Path | str]) -> list[Path]:
    """Files named directly, and the supported documents under each folder (recursively, sorted;
    hidden files and folders are left out). A named path that does not exist is kept, so reading it
    reports it."""
    found: list[Path] = []
    for raw in inputs:
        path = Path(raw)
        if not path.is_dir():
            found.append(path)
            continue
        for root, dirs, files in os.walk(path):
            dirs[:] = sorted(d for d in dirs if not d.startswith("."))
            found.extend(
                Path(root) / name
                for name in sorted(files)
                if not name.startswith(".") and Path(name).suffix.lower() in SUPPORTED_EXTENSIONS
            )
    return list(dict.fromkeys(found))  # a file named twice is loaded once


def loaded_sources(store: GraphStore) -> frozenset[str]:
    """The sha256 of every loaded plan's source: a document with one of these is unchanged."""
    return frozenset(row["sha256"] for row in queries.run(store, "export_plan_versions", {}) if row["sha256"])


def prepare_path(
    path: str, *, loaded: frozenset[str], force: bool, any_genre: bool, overrides_path: Path | None
) -> PreparedDocument | DocumentResult:
    """Read and extract one document (runs in a worker process); never raises for a bad document."""
    try:
        source = read_document(path)
    except DocumentReadError as exc:
        return _unreadable(path, exc)
    if source.sha256 in loaded and not force:
        return DocumentResult(path, Status.UNCHANGED)
    return _prepared_or_failed(source, any_genre, overrides_path)


def _unreadable(path: str, exc: DocumentReadError) -> DocumentResult:
    failure = Failure.TOO_LARGE if isinstance(exc, DocumentTooLargeError) else Failure.UNREADABLE
    return DocumentResult(path, Status.FAILED, exc.reason, failure)


def _prepared_or_failed(
    source: SourceDocument, any_genre: bool, overrides_path: Path | None
) -> PreparedDocument | DocumentResult:
    try:
        return prepare_source(source, any_genre=any_genre, overrides_path=overrides_path)
    except ValueError as exc:  # a graph that breaks the ontology, a malformed overrides file
        return DocumentResult(source.path, Status.FAILED, str(exc), Failure.INVALID)
    except Exception as exc:  # an extractor bug must not stop the other documents
        return DocumentResult(source.path, Status.FAILED, f"extraction failed: {exc!r}", Failure.INTERNAL)


def load_upload(
    store: GraphStore,
    data: bytes,
    filename: str,
    *,
    force: bool = False,
    any_genre: bool = False,
    replace: bool = False,
    overrides_path: Path | None = None,
) -> DocumentResult:
    """Read, extract and write one uploaded document; a bad one is a FAILED result, never an exception
    (only an unreachable store raises)."""
    try:
        source = read_bytes(data, filename)
    except DocumentReadError as exc:
        return _unreadable(filename, exc)
    prepared = _prepared_or_failed(source, any_genre, overrides_path)
    if isinstance(prepared, DocumentResult):
        return prepared
    return write_result(store, prepared, force=force, replace=replace)


def write_result(
    store: GraphStore, prepared: PreparedDocument, *, force: bool, replace: bool
) -> DocumentResult:
    """Write one prepared document; a store that becomes unreachable stops the run (StoreUnavailable
    propagates), any other refusal is this document's result."""
    if prepared.skipped is not None:
        return DocumentResult(prepared.path, Status.SKIPPED, prepared.skipped)
    try:
        outcome = write_prepared(store, prepared, force=force, replace=replace)
    except PlanCollision as exc:
        return DocumentResult(prepared.path, Status.FAILED, exc.refusal, Failure.COLLISION)
    except InvalidGraph as exc:
        return DocumentResult(prepared.path, Status.FAILED, str(exc), Failure.INVALID)
    except StoreUnavailable:
        raise
    except Exception as exc:
        return DocumentResult(prepared.path, Status.FAILED, f"write failed: {exc}", Failure.INTERNAL)
    status = Status.LOADED if outcome.changed else Status.UNCHANGED
    return DocumentResult(prepared.path, status, outcome=outcome)


# Starting extraction workers costs ~1.3 s of CPU before their first document (a forkserver importing
# the extractor and loading its dictionaries), the extraction of ~60 documents: fewer than this are
# extracted in the loading process unless jobs are asked for (measured on gov-2019, 48 documents:
# 2.6 s in one process, 3.4 s with two workers).
PARALLEL_FROM = 60


def default_jobs(documents: int | None = None) -> int:
    """Worker processes for `documents` documents when none are asked for: the CPU count, or 1 for
    fewer than PARALLEL_FROM documents."""
    if documents is not None and documents < PARALLEL_FROM:
        return 1
    return os.cpu_count() or 1


def load_many(
    store: GraphStore,
    paths: Iterable[Path | str],
    *,
    jobs: int | None = None,
    force: bool = False,
    any_genre: bool = False,
    replace: bool = False,
    overrides_path: Path | None = None,
    on_result: Callable[[DocumentResult], None] | None = None,
) -> list[DocumentResult]:
    """Load documents: extracted in `jobs` worker processes, written here in the order given, each
    atomically: up to WRITE_BATCH documents go to `GraphStore.write_documents` together (new plans share
    one transaction; a run that fails is redone one by one, so a bad document costs only itself). One
    bad document never stops the rest; one that is not a plan is skipped unless `any_genre`."""
    names = [str(p) for p in paths]
    workers = jobs or default_jobs(len(names))
    if workers > 1 and len(names) > 1:
        start_workers()  # warms up while the loaded documents are looked up
    loaded = loaded_sources(store)
    results: list[DocumentResult] = []
    options = _PrepareOptions(loaded=loaded, force=force, any_genre=any_genre, overrides_path=overrides_path)
    batch: list[PreparedDocument | DocumentResult] = []

    def flush() -> None:
        for result in write_results(store, batch, force=force, replace=replace):
            results.append(result)
            if on_result is not None:
                on_result(result)
        batch.clear()

    for prepared in _prepared(names, workers, options, window=WRITE_BATCH):
        batch.append(prepared)
        if len(batch) >= WRITE_BATCH:
            flush()
    flush()
    return results


# Documents handed to the store together: a transaction's commit (~75 ms on the embedded store) is
# shared by the run of new plans among them, while progress still moves every few documents.
WRITE_BATCH = 32


def write_results(
    store: GraphStore,
    documents: list[PreparedDocument | DocumentResult],
    *,
    force: bool,
    replace: bool,
) -> list[DocumentResult]:
    """Results in order for documents already decided (DocumentResult) and prepared ones, the graphs
    of the latter written by one `write_documents` call; a store that becomes unreachable stops the run."""
    graphs = {d.path: d.graph for d in documents if isinstance(d, PreparedDocument) and d.graph is not None}
    by_path: dict[str, WriteResult | StoreError] = {}
    try:
        written = store.write_documents(list(graphs.values()), force=force, replace=replace)
        by_path = dict(zip(graphs, written, strict=True))
    except StoreUnavailable:
        raise
    except Exception:  # a bug in the batch path: each document again on its own, with its own result
        pass
    results = []
    for document in documents:
        if isinstance(document, DocumentResult):
            results.append(document)
        elif document.path in by_path:
            results.append(_written(document, by_path[document.path]))
        else:  # skipped (no graph), or the batch path failed
            results.append(write_result(store, document, force=force, replace=replace))
    return results


def _written(prepared: PreparedDocument, written: WriteResult | StoreError) -> DocumentResult:
    if isinstance(written, PlanCollision):
        return DocumentResult(prepared.path, Status.FAILED, written.refusal, Failure.COLLISION)
    if isinstance(written, StoreError):
        return DocumentResult(prepared.path, Status.FAILED, str(written), Failure.INVALID)
    status = Status.LOADED if written.changed else Status.UNCHANGED
    return DocumentResult(prepared.path, status, outcome=_outcome(prepared, written))


def start_workers() -> BaseContext:
    """The context extraction workers start in, its forkserver started now (idempotent).

    forkserver/spawn, not fork: the parent holds an open store and its threads. The forkserver warms
    the extractor once (plankg.loaders.warm: the dictionaries) and imports this module (what a worker
    runs), and the workers fork from it warm. Starting it does not wait for the warm-up, so a caller
    that starts it before opening the store overlaps the two (the first worker waits for the server)."""
    if "forkserver" not in multiprocessing.get_all_start_methods():
        return multiprocessing.get_context("spawn")
    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload(["plankg.loaders.warm", "plankg.pipeline"])
    forkserver.ensure_running()
    return context


@dataclass(frozen=True)
class _PrepareOptions:
    loaded: frozenset[str]
    force: bool
    any_genre: bool
    overrides_path: Path | None

    def prepare(self, path: str) -> PreparedDocument | DocumentResult:
        return prepare_path(
            path,
            loaded=self.loaded,
            force=self.force,
            any_genre=self.any_genre,
            overrides_path=self.overrides_path,
        )


# The options of the run a worker process serves, set once when it starts (`_serve`): a task then
# sends only a path, not the sha256 of every loaded plan.
_worker_options: _PrepareOptions | None = None


def _serve(options: _PrepareOptions) -> None:
    global _worker_options
    _worker_options = options


def _prepare_in_worker(path: str) -> PreparedDocument | DocumentResult:
    assert _worker_options is not None, "a worker prepares documents only after _serve"
    return _worker_options.prepare(path)


def _prepared(
    paths: list[str], jobs: int, options: _PrepareOptions, *, window: int = 0
) -> Iterator[PreparedDocument | DocumentResult]:
    """Prepared documents in the given order; at most max(2 × jobs, window) are in flight (workers keep
    extracting while the caller writes a batch of `window`), so memory stays bounded."""
    if jobs <= 1 or len(paths) <= 1:
        for path in paths:
            yield options.prepare(path)
        return
    context = start_workers()
    with ProcessPoolExecutor(
        max_workers=min(jobs, len(paths)), mp_context=context, initializer=_serve, initargs=(options,)
    ) as pool:
        broken = False

        def submit(path: str) -> Future[PreparedDocument | DocumentResult] | None:
            nonlocal broken
            if not broken:
                try:
                    return pool.submit(_prepare_in_worker, path)
                except BrokenProcessPool:
                    broken = True
            return None  # the pool is broken: prepared here instead

        upcoming = iter(paths)
        pending = deque((path, submit(path)) for path in islice(upcoming, max(2 * jobs, window)))
        while pending:
            path, future = pending.popleft()
            yield options.prepare(path) if future is None else _worker_result(path, future)
            next_path = next(upcoming, None)
            if next_path is not None:
                pending.append((next_path, submit(next_path)))


def _worker_result(
    path: str, future: Future[PreparedDocument | DocumentResult]
) -> PreparedDocument | DocumentResult:
    try:
        return future.result()
    except BrokenProcessPool:  # a worker died (killed for memory …) while this document was in flight
        reason = "a worker process died while extracting it (out of memory?)"
        return DocumentResult(path, Status.FAILED, reason, Failure.INTERNAL)


def read_rdf_export(
    path: Path | str, *, rdf_format: str | None = None, base_iri: str | None = None
) -> list[PlanSubgraph]:
    """An RDF export read back into one PlanSubgraph per plan (plankg.rdf.importer), each node's
    search terms recomputed as the loaders compute them (the export leaves that index out)."""
    return [
        graph.model_copy(update={"nodes": [with_search_terms(node) for node in graph.nodes]})
        for graph in load_rdf_file(path, rdf_format=rdf_format, base_iri=base_iri)
    ]
