"""What /id/{type}/{id} answers: a resource's description (its triples, evidence, links and the labels
of its neighbours) and a plain HTML page of it for people.

`describe_in_store` reads the description from named queries (the node, its links in and out, the
nodes at their other ends), so dereferencing one IRI costs a few lookups, not the whole graph in
memory; it gives the same triples `describe` finds in the full export."""

from __future__ import annotations

import html
from collections import defaultdict

from rdflib import RDF, RDFS, Graph, URIRef
from rdflib import Literal as RdfLiteral

from plankg import queries
from plankg.graph.port import GraphStore, Row
from plankg.ontology.schema import PK
from plankg.rdf.export import FORMATS, to_rdflib_graph
from plankg.rdf.mapping import CODE_LISTS, PREFIXES, SPAN_FRAGMENT, RdfMapping, Triple

MAX_LINKS = 1000  # links of each direction, and nodes of a document, a description shows at most


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


# ---------------------------------------------------------------- from the store


def _node_properties(node: Row) -> tuple[str, dict[str, object]]:
    """(label, properties) of a node as a query returns it ({"_label": …, "id": …, …})."""
    properties = {key: value for key, value in node.items() if not key.startswith("_")}
    return str(node["_label"]), properties


def _link_rows(store: GraphStore, node_id: str, direction: str) -> list[Row]:
    return queries.run(store, f"entity_links_{direction}", {"id": node_id, "limit": MAX_LINKS})


def _node_description(
    store: GraphStore, mapping: RdfMapping, label: str, node_id: str
) -> list[Triple] | None:
    found = [row["node"] for row in queries.run(store, "node_by_id", {"id": node_id})]
    node = next((n for n in found if n.get("_label") == label), None)
    if node is None:
        return None
    triples = mapping.node_triples(*_node_properties(node))
    for direction in ("out", "in"):
        for row in _link_rows(store, node_id, direction):
            other_label, other = _node_properties(row["other"])
            link = row["link"]
            ends = (label, node_id, other_label, str(other["id"]))
            if direction == "in":
                ends = (ends[2], ends[3], ends[0], ends[1])
            properties = {key: value for key, value in link.items() if not key.startswith("_")}
            triples += mapping.link_triples(str(link["_type"]), *ends, properties)
            triples += mapping.node_triples(other_label, other)  # for its label
    return triples


def _link_description(store: GraphStore, mapping: RdfMapping, iri: str) -> list[Triple] | None:
    """A qualified link: {base}link/{type}/{source class}/{source id}/{target class}/{target id}."""
    parts = iri[len(mapping.base) :].split("/")
    if len(parts) != 6 or parts[0] != "link":
        return None
    source = mapping.parse_node_iri(mapping.base + "/".join(parts[2:4]))
    target = mapping.parse_node_iri(mapping.base + "/".join(parts[4:6]))
    if source is None or target is None:
        return None
    triples = _node_description(store, mapping, *source)
    if triples is None:
        return None
    # the source's description holds each of its links; only those made from this IRI are kept
    link_triples = [t for t in triples if t[0] == iri or t[0] == iri + SPAN_FRAGMENT]
    if not link_triples:
        return None
    wanted = {mapping.node_iri(*source), mapping.node_iri(*target)}
    labels = [t for t in triples if t[0] in wanted]
    return link_triples + labels


def _document_description(store: GraphStore, mapping: RdfMapping, doc_id: str) -> list[Triple] | None:
    rows = queries.run(store, "document_entities", {"doc_id": doc_id, "limit": MAX_LINKS})
    triples: list[Triple] = []
    for row in rows:
        triples += mapping.node_triples(*_node_properties(row["node"]))
    return triples or None


def _code_description(store: GraphStore, mapping: RdfMapping, iri: str) -> list[Triple] | None:
    for scheme, path in CODE_LISTS.items():
        prefix = mapping.base + path
        if not iri.startswith(prefix) or len(iri) == len(prefix):
            continue
        code = f"{scheme}:{iri[len(prefix) :]}"
        if mapping.code_iri(code) != iri:
            continue
        rows = queries.run(store, "sectors_with_code", {"code": code})
        if rows:
            triples = mapping.code_triples([code])
            for row in rows:
                triples += mapping.node_triples(*_node_properties(row["node"]))
            return triples
    return None


def describe_in_store(store: GraphStore, mapping: RdfMapping, iri: str) -> Graph | None:
    """The description `describe` gives of an entity, link, document or code IRI, read from named
    queries; None when the store knows nothing about it."""
    if not iri.startswith(mapping.base):
        return None
    node = mapping.parse_node_iri(iri)
    document = mapping.parse_document_iri(iri)
    if node is not None:
        triples = _node_description(store, mapping, *node)
    elif document is not None:
        triples = _document_description(store, mapping, document)
    elif iri[len(mapping.base) :].startswith("link/"):
        triples = _link_description(store, mapping, iri)
    else:
        triples = _code_description(store, mapping, iri)
    if not triples:
        return None
    description = describe(to_rdflib_graph(triples), iri)
    return description if any(description.triples((URIRef(iri), None, None))) else None
