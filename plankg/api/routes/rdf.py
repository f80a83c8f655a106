"""Linked data: the RDF export, the JSON-LD context, dereferenceable entity IRIs and SPARQL.

Formats are chosen by the `Accept` header (q-values honoured; 406 when nothing offered fits), or for
/export by `?format=`. Entity IRIs ({PLANKG_BASE_IRI}{type}/{id}) dereference at /id/{type}/{id}:
HTML for browsers, Turtle, JSON-LD, N-Triples or RDF/XML for machines (Cool URIs for the Semantic Web).
"""

from __future__ import annotations

import html
import json
import threading
from collections import defaultdict
from collections.abc import Iterator
from functools import cache
from typing import Annotated, Any, Literal
from urllib.parse import parse_qs, quote

from fastapi import APIRouter, Path, Query, Request
from fastapi.responses import Response, StreamingResponse
from rdflib import RDF, RDFS, Graph, URIRef
from rdflib import Literal as RdfLiteral
from starlette.concurrency import run_in_threadpool

from plankg import queries
from plankg.api.deps import SettingsDep, StoreDep
from plankg.api.problems import ProblemError
from plankg.api.rdf_export import FORMATS, RdfFormat, export, rdf_format
from plankg.api.sparql import (
    GRAPH_FORMATS,
    SOLUTION_FORMATS,
    SparqlError,
    SparqlService,
    parse_query,
    service_description,
)
from plankg.graph.port import GraphStore
from plankg.ontology.rdf_mapping import PREFIXES, SPAN_FRAGMENT, RdfMapping, jsonld_context
from plankg.ontology.schema import PK
from plankg.settings import Settings

router = APIRouter(tags=["linked data"])

JSONLD_CONTEXT_PATH = "/context.jsonld"
IRI_PATH_SAFE = "-._~!$&'()*+,;=:@/"
HTML = "text/html"
# Offered in this order: a client that accepts several equally (*/*, no Accept) gets the first.
RDF_MEDIA_TYPES = [fmt.media_type for fmt in FORMATS.values()]
_ALIASES = {"application/json": "application/ld+json", "application/xhtml+xml": HTML}


# ---------------------------------------------------------------- content negotiation


def _accept_ranges(accept: str) -> list[tuple[str, float]]:
    ranges = []
    for part in accept.split(","):
        media, *params = (p.strip() for p in part.split(";"))
        if not media:
            continue
        q = 1.0
        for param in params:
            name, _, value = param.partition("=")
            if name.strip().lower() == "q":
                try:
                    q = min(max(float(value), 0.0), 1.0)
                except ValueError:
                    q = 0.0
        ranges.append((media.lower(), q))
    return ranges


def negotiate(accept: str | None, offers: list[str]) -> str | None:
    """The offer the client prefers (RFC 9110 §12.5.1): each offer gets the q of the most specific
    range that matches it; highest q wins, ties go to the earlier offer; None when every q is 0."""
    if not accept or not accept.strip():
        return offers[0]
    ranges = _accept_ranges(accept)
    best: tuple[float, int] | None = None
    chosen = None
    for index, offer in enumerate(offers):
        main_type = offer.split("/")[0]
        q_by_specificity: dict[int, float] = {}
        for media, q in ranges:
            media = _ALIASES.get(media, media)
            if media == offer:
                q_by_specificity[2] = max(q, q_by_specificity.get(2, 0.0))
            elif media == f"{main_type}/*":
                q_by_specificity[1] = max(q, q_by_specificity.get(1, 0.0))
            elif media == "*/*":
                q_by_specificity[0] = max(q, q_by_specificity.get(0, 0.0))
        if not q_by_specificity:
            continue
        q = q_by_specificity[max(q_by_specificity)]
        if q > 0 and (best is None or q > best[0]):
            best, chosen = (q, index), offer
    return chosen


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


def describe(graph: Graph, iri: str, *, max_incoming: int = 1000) -> Graph:
    """The resource's description: its own triples and evidence span, the triples pointing at it, the
    qualified links it takes part in (with their spans), and the labels of everything it links to.
    A much-linked resource (a popular concept) shows its first `max_incoming` links of each kind."""
    subject = URIRef(iri)
    out = Graph()
    for prefix, namespace in PREFIXES.items():
        out.bind(prefix, namespace, override=True)

    def add_resource(resource: URIRef) -> None:
        for triple in graph.triples((resource, None, None)):
            out.add(triple)
        span = URIRef(str(resource) + SPAN_FRAGMENT)
        for triple in graph.triples((span, None, None)):
            out.add(triple)

    add_resource(subject)
    incoming = links = 0
    for source, predicate, _ in graph.triples((None, None, subject)):
        if predicate in (PK.linkSource, PK.linkTarget):
            if links < max_incoming:
                add_resource(URIRef(str(source)))
                links += 1
        elif incoming < max_incoming:
            out.add((source, predicate, subject))
            incoming += 1
    for node in set(out.subjects()) | {o for o in out.objects() if isinstance(o, URIRef)}:
        for label in graph.objects(node, RDFS.label):
            out.add((node, RDFS.label, label))
    return out


def _local_href(iri: str, base: str) -> str | None:
    if iri.startswith(base):
        return "/id/" + iri[len(base) :]
    return None


def _compact(iri: str) -> str:
    for prefix, namespace in PREFIXES.items():
        if iri.startswith(namespace):
            return f"{prefix}:{iri[len(namespace) :]}"
    return iri


def render_html(description: Graph, iri: str, base: str) -> str:
    """A plain page for people: the resource's properties, then what links to it."""
    subject = URIRef(iri)
    esc = html.escape

    def term_html(term: object) -> str:
        if isinstance(term, URIRef):
            href = _local_href(str(term), base) or str(term)
            labels = list(description.objects(term, RDFS.label))
            text = esc(_compact(str(term)))
            if labels:
                text = f"{esc(str(labels[0]))} <small>{text}</small>"
            return f'<a href="{esc(href)}">{text}</a>'
        if isinstance(term, RdfLiteral):
            suffix = (
                f" <small>@{esc(term.language)}</small>"
                if term.language
                else (f" <small>{esc(_compact(str(term.datatype)))}</small>" if term.datatype else "")
            )
            return f'<span class="literal">{esc(str(term))}</span>{suffix}'
        return esc(str(term))

    def table(rows: list[tuple[str, str]]) -> str:
        body = "".join(f"<tr><th>{p}</th><td>{o}</td></tr>" for p, o in rows)
        return f"<table>{body}</table>"

    title = next((str(label) for label in description.objects(subject, RDFS.label)), iri)
    types = ", ".join(_compact(str(t)) for t in description.objects(subject, RDF.type))
    own = [
        (esc(_compact(str(p))), term_html(o))
        for p, o in sorted(description.predicate_objects(subject), key=lambda po: (str(po[0]), str(po[1])))
        if p != RDF.type
    ]
    span = URIRef(iri + SPAN_FRAGMENT)
    evidence = [
        (esc(_compact(str(p))), term_html(o)) for p, o in description.predicate_objects(span) if p != RDF.type
    ]
    incoming = [
        (f"{term_html(s)} {esc(_compact(str(p)))}", "this")
        for s, p in sorted(description.subject_predicates(subject), key=lambda sp: (str(sp[1]), str(sp[0])))
        if p not in (PK.linkSource, PK.linkTarget)
    ]
    qualified: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for link in set(description.subjects(PK.linkSource, subject)) | set(
        description.subjects(PK.linkTarget, subject)
    ):
        for p, o in sorted(description.predicate_objects(link), key=lambda po: str(po[0])):
            if p != RDF.type:
                qualified[str(link)].append((esc(_compact(str(p))), term_html(o)))
    sections = [f"<h2>Description</h2>{table(own)}"]
    if evidence:
        sections.append(f"<h2>Evidence</h2>{table(evidence)}")
    if incoming:
        sections.append(
            "<h2>Linked from</h2><ul>" + "".join(f"<li>{s} {o}</li>" for s, o in incoming) + "</ul>"
        )
    if qualified:
        sections.append(
            "<h2>Qualified links</h2>"
            + "".join(
                f'<h3><a href="{esc(_local_href(link, base) or link)}">{esc(link)}</a></h3>{table(rows)}'
                for link, rows in sorted(qualified.items())
            )
        )
    path = _local_href(iri, base) or iri
    alternates = " · ".join(
        f'<a href="{esc(path)}" type="{fmt.media_type}">{fmt.name}</a>' for fmt in FORMATS.values()
    )
    return f"""<!doctype html>
<html lang="zh"><head><meta charset="utf-8"><title>{esc(title)} — plankg</title>
{"".join(f'<link rel="alternate" type="{f.media_type}" href="{esc(path)}">' for f in FORMATS.values())}
<style>body{{font-family:system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem}}
table{{border-collapse:collapse;width:100%}}th,td{{border-bottom:1px solid #ddd;padding:.3rem;text-align:left;
vertical-align:top}}th{{width:14rem;font-weight:normal;color:#555}}.literal{{white-space:pre-wrap}}</style>
</head><body><h1>{esc(title)}</h1><p><code>{esc(iri)}</code><br>{esc(types)}</p>
{"".join(sections)}
<p><small>Also as {alternates} (send the Accept header).</small></p></body></html>"""


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
    graph = sparql_service(request, settings).graph(store)
    description = describe(graph, iri)
    if not any(description.triples((URIRef(iri), None, None))):
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
        200: {"content": _SPARQL_RESULT_CONTENT}, 400: {}, 403: {}, 406: {}, 415: {}, 422: {}, 504: {}
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
