"""Linked data: the RDF export, the JSON-LD context, dereferenceable entity IRIs and SPARQL.

Formats are chosen by the `Accept` header (q-values honoured; 406 when nothing offered fits), or for
/export by `?format=`. Entity IRIs ({PLANKG_BASE_IRI}{type}/{id}) dereference at /id/{type}/{id}:
HTML for browsers, Turtle, JSON-LD, N-Triples or RDF/XML for machines (Cool URIs for the Semantic Web).
"""

from __future__ import annotations

import json
import threading
from collections.abc import Iterator
from functools import cache
from typing import Annotated, Any, Literal
from urllib.parse import parse_qs, quote

from fastapi import APIRouter, Path, Query, Request
from fastapi.responses import Response, StreamingResponse
from starlette.concurrency import run_in_threadpool

from plankg import queries
from plankg.api.deps import SettingsDep, StoreDep
from plankg.api.problems import ProblemError
from plankg.graph.port import GraphStore
from plankg.rdf.describe import describe_in_store, render_html
from plankg.rdf.export import FORMATS, RdfFormat, export, rdf_format
from plankg.rdf.mapping import RdfMapping, jsonld_context
from plankg.rdf.negotiation import HTML, RDF_MEDIA_TYPES, negotiate
from plankg.rdf.sparql import (
    GRAPH_FORMATS,
    SOLUTION_FORMATS,
    SparqlError,
    SparqlService,
    parse_query,
    service_description,
)
from plankg.settings import Settings

router = APIRouter(tags=["linked data"])

JSONLD_CONTEXT_PATH = "/context.jsonld"
IRI_PATH_SAFE = "-._~!$&'()*+,;=:@/"


def _not_acceptable(accept: str | None, offers: list[str]) -> ProblemError:
    return ProblemError(
        406,
        "not-acceptable",
        f"nothing offered here fits Accept: {accept!r}; offered: {', '.join(offers)}",
    )


# ---------------------------------------------------------------- shared state


@cache
def _mapping(base_iri: str) -> RdfMapping:
    return RdfMapping(base_iri)


_service_lock = threading.Lock()


def sparql_service(request: Request, settings: Settings) -> SparqlService:
    """The app's one SPARQL service (its graph cache lives as long as the app)."""
    state = request.app.state
    with _service_lock:
        service: SparqlService | None = getattr(state, "sparql_service", None)
        if service is None:
            service = SparqlService(
                _mapping(settings.base_iri),
                timeout_seconds=settings.sparql_timeout_seconds,
                memory_mb=settings.sparql_memory_mb,
            )
            state.sparql_service = service
    return service


def _plan_exists(store: GraphStore, plan: str) -> bool:
    return any(row["id"] == plan for row in queries.run(store, "export_plan_versions", {}))


def _media(fmt: RdfFormat) -> str:
    return f"{fmt.media_type}; charset=utf-8" if fmt.name != "xml" else fmt.media_type


# ---------------------------------------------------------------- export


_RDF_CONTENT: dict[str, Any] = {media: {} for media in RDF_MEDIA_TYPES}


@router.get(
    "/export",
    summary="The graph (or one plan) as RDF",
    description="Turtle, JSON-LD, N-Triples or RDF/XML, chosen by `format` or else by `Accept` "
    "(text/turtle, application/ld+json, application/n-triples, application/rdf+xml; q-values honoured; "
    "406 otherwise). N-Triples and Turtle stream. Relationship scores, methods and evidence are kept as "
    "pk:QualifiedLink resources beside each direct triple. The JSON-LD context is the one at "
    f"{JSONLD_CONTEXT_PATH}, inline.",
    response_class=Response,
    responses={200: {"content": _RDF_CONTENT, "description": "The RDF export"}, 406: {}},
)
def export_rdf(
    request: Request,
    store: StoreDep,
    settings: SettingsDep,
    format: Annotated[
        Literal["ttl", "jsonld", "nt", "xml"] | None,
        Query(description="Overrides Accept: ttl, jsonld, nt or xml."),
    ] = None,
    plan: Annotated[
        str | None,
        Query(max_length=300, description="Only this plan (its id) and the concepts and sectors it links."),
    ] = None,
) -> Response:
    accept = request.headers.get("accept")
    if format is not None:
        fmt = rdf_format(format)
    else:
        media = negotiate(accept, RDF_MEDIA_TYPES)
        if media is None:
            raise _not_acceptable(accept, RDF_MEDIA_TYPES)
        fmt = next(f for f in FORMATS.values() if f.media_type == media)
    if plan and not _plan_exists(store, plan):
        raise ProblemError(404, "not-found", f"no plan with id {plan!r}")
    chunks = export(store, _mapping(settings.base_iri), fmt, plan=plan or None)
    # Read the first chunk now: a store failure becomes a problem answer, not a broken stream.
    first = next(chunks, b"")

    def body() -> Iterator[bytes]:
        yield first
        yield from chunks

    filename = f"plankg{'-' + plan if plan else ''}.{fmt.extension}"
    return StreamingResponse(
        body(),
        media_type=_media(fmt),
        headers={"Content-Disposition": f"inline; filename*=UTF-8''{quote(filename)}", "Vary": "Accept"},
    )


@router.get(
    JSONLD_CONTEXT_PATH,
    summary="The JSON-LD @context of the export",
    response_class=Response,
    responses={200: {"content": {"application/ld+json": {}}}},
)
def context_document() -> Response:
    body = json.dumps({"@context": jsonld_context()}, ensure_ascii=False, indent=2)
    return Response(body, media_type="application/ld+json", headers={"Cache-Control": "public, max-age=3600"})


# ---------------------------------------------------------------- dereferencing


@router.get(
    "/id/{type}/{entity_id:path}",
    summary="Dereference an entity IRI",
    description="`{PLANKG_BASE_IRI}{type}/{id}` described with its links: HTML for browsers; Turtle, "
    "JSON-LD, N-Triples or RDF/XML by Accept (default Turtle).",
    response_class=Response,
    responses={200: {"content": {HTML: {}, **_RDF_CONTENT}}, 404: {}, 406: {}},
)
def dereference(
    request: Request,
    store: StoreDep,
    settings: SettingsDep,
    type: Annotated[str, Path(max_length=50, examples=["task"])],
    entity_id: Annotated[str, Path(max_length=600)],
) -> Response:
    accept = request.headers.get("accept")
    offers = [*RDF_MEDIA_TYPES, HTML]
    media = negotiate(accept, offers)
    if media is None:
        raise _not_acceptable(accept, offers)
    mapping = _mapping(settings.base_iri)
    label = next((c.label for c in mapping.classes.values() if c.segment == type), None)
    if label is not None:
        iri = mapping.node_iri(label, entity_id)
    else:  # documents, qualified links: paths of their own
        iri = f"{mapping.base}{quote(type, safe='')}/{quote(entity_id, safe=IRI_PATH_SAFE)}"
    description = describe_in_store(store, mapping, iri)
    if description is None:
        raise ProblemError(404, "not-found", f"nothing is known about {iri}")
    headers = {"Vary": "Accept", "Content-Location": str(request.url.path)}
    if media == HTML:
        return Response(render_html(description, iri, mapping.base), media_type=HTML, headers=headers)
    fmt = next(f for f in FORMATS.values() if f.media_type == media)
    if fmt.name == "jsonld":
        data = description.serialize(format="json-ld", context=jsonld_context(), auto_compact=True)
    else:
        data = description.serialize(format=fmt.rdflib_format)
    return Response(data.encode("utf-8"), media_type=_media(fmt), headers=headers)


# ---------------------------------------------------------------- SPARQL


_SPARQL_RESULT_CONTENT: dict[str, Any] = {media: {} for media in [*SOLUTION_FORMATS, *GRAPH_FORMATS]}


def _answer_sparql(request: Request, store: GraphStore, settings: Settings, text: str) -> Response:
    try:
        parsed = parse_query(text)
    except SparqlError as exc:
        raise ProblemError(exc.status, exc.slug, exc.detail) from None
    offers = list(GRAPH_FORMATS if parsed.gives_graph else SOLUTION_FORMATS)
    if parsed.form == "AskQuery":
        offers.remove("text/csv")  # SPARQL CSV is for variable bindings only
    accept = request.headers.get("accept")
    media = negotiate(accept, offers)
    if media is None:
        raise _not_acceptable(accept, offers)
    rdflib_format = (GRAPH_FORMATS if parsed.gives_graph else SOLUTION_FORMATS)[media]
    try:
        data = sparql_service(request, settings).run(store, parsed, rdflib_format)
    except SparqlError as exc:
        raise ProblemError(exc.status, exc.slug, exc.detail) from None
    charset = "" if media.endswith("xml") else "; charset=utf-8"
    return Response(data, media_type=media + charset, headers={"Vary": "Accept"})


def _single(values: list[str], name: str) -> str | None:
    if len(values) > 1:
        raise ProblemError(400, "bad-request", f"give one {name} parameter, not {len(values)}")
    return values[0] if values else None


def _refuse_dataset(params: dict[str, list[str]]) -> None:
    for name in ("default-graph-uri", "named-graph-uri"):
        if params.get(name):
            raise ProblemError(
                400, "dataset-not-supported", f"{name} is not supported: the endpoint has one default graph"
            )


_SPARQL_DESCRIPTION = (
    "SPARQL 1.1 Protocol, queries only (updates: 403), over the current graph (the RDF export, cached "
    "until the store changes), in a worker process with the server's time limit "
    "(PLANKG_SPARQL_TIMEOUT_SECONDS; over it: 504) and memory cap (PLANKG_SPARQL_MEMORY_MB; over it: 422). "
    "SELECT results as application/sparql-results+json (default), application/sparql-results+xml or "
    "text/csv; CONSTRUCT/DESCRIBE as Turtle, N-Triples, JSON-LD or RDF/XML, by Accept. Prefixes pk, rdf, "
    "rdfs, xsd, owl, skos, dcterms and prov are predeclared. Without `query`, GET answers the service "
    "description."
)


@router.get(
    "/sparql",
    summary="SPARQL query (GET)",
    description=_SPARQL_DESCRIPTION,
    response_class=Response,
    responses={200: {"content": _SPARQL_RESULT_CONTENT}, 400: {}, 403: {}, 406: {}, 422: {}, 504: {}},
)
def sparql_get(
    request: Request,
    store: StoreDep,
    settings: SettingsDep,
    query: Annotated[str | None, Query(description="The SPARQL query.")] = None,
) -> Response:
    params = parse_qs(request.url.query, keep_blank_values=True)
    _refuse_dataset(params)
    if params.get("update"):
        raise ProblemError(403, "read-only", "this endpoint answers queries only; SPARQL Update is refused")
    text = _single(params.get("query", []), "query")
    if text is None:
        return Response(service_description(str(request.url)), media_type="text/turtle; charset=utf-8")
    return _answer_sparql(request, store, settings, text)


@router.post(
    "/sparql",
    summary="SPARQL query (POST)",
    description=_SPARQL_DESCRIPTION
    + " POST either application/x-www-form-urlencoded with `query`, or application/sparql-query.",
    response_class=Response,
    responses={
        200: {"content": _SPARQL_RESULT_CONTENT},
        400: {},
        403: {},
        406: {},
        415: {},
        422: {},
        504: {},
    },
)
async def sparql_post(request: Request, store: StoreDep, settings: SettingsDep) -> Response:
    content_type = request.headers.get("content-type", "").split(";")[0].strip().lower()
    body = await request.body()
    try:
        text_body = body.decode("utf-8")
    except UnicodeDecodeError:
        raise ProblemError(400, "bad-request", "the request body is not UTF-8") from None
    url_params = parse_qs(request.url.query, keep_blank_values=True)
    _refuse_dataset(url_params)
    if content_type == "application/sparql-update":
        raise ProblemError(403, "read-only", "this endpoint answers queries only; SPARQL Update is refused")
    if content_type == "application/sparql-query":
        text = text_body
    elif content_type == "application/x-www-form-urlencoded":
        params = parse_qs(text_body, keep_blank_values=True)
        _refuse_dataset(params)
        if params.get("update"):
            raise ProblemError(
                403, "read-only", "this endpoint answers queries only; SPARQL Update is refused"
            )
        form_query = _single(params.get("query", []), "query")
        if form_query is None:
            raise ProblemError(400, "bad-request", "the form has no `query` field")
        text = form_query
    else:
        raise ProblemError(
            415,
            "unsupported-media-type",
            "POST a query as application/sparql-query or application/x-www-form-urlencoded, "
            f"not {content_type!r}",
        )
    return await run_in_threadpool(_answer_sparql, request, store, settings, text)
