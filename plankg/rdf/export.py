"""RDF export: the store read through named queries, mapped by plankg.rdf.mapping.

N-Triples and Turtle are written here, line by line, so a large graph streams with memory bounded by
one page of store rows; JSON-LD and RDF/XML go through rdflib (they need the whole graph anyway).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache

from rdflib import Graph, URIRef
from rdflib.term import Node

from plankg import queries
from plankg.graph.port import GraphStore, Row
from plankg.rdf.mapping import PREFIXES, Lit, RdfMapping, Triple, jsonld_context, to_rdflib_term

DEFAULT_PAGE_SIZE = 5000
_CHUNK_CHARS = 1 << 16
_LITERAL_CACHE = 100_000


@dataclass(frozen=True)
class RdfFormat:
    name: str
    media_type: str
    rdflib_format: str
    extension: str
    streams: bool  # True: written line by line here, without an in-memory graph


FORMATS: dict[str, RdfFormat] = {
    "ttl": RdfFormat("ttl", "text/turtle", "turtle", "ttl", True),
    "nt": RdfFormat("nt", "application/n-triples", "nt", "nt", True),
    "jsonld": RdfFormat("jsonld", "application/ld+json", "json-ld", "jsonld", False),
    "xml": RdfFormat("xml", "application/rdf+xml", "xml", "rdf", False),
}
FORMAT_ALIASES = {
    "turtle": "ttl",
    "ntriples": "nt",
    "n-triples": "nt",
    "json-ld": "jsonld",
    "rdf": "xml",
    "rdfxml": "xml",
    "rdf+xml": "xml",
}


def rdf_format(name: str) -> RdfFormat:
    key = FORMAT_ALIASES.get(name.lower(), name.lower())
    try:
        return FORMATS[key]
    except KeyError:
        raise ValueError(f"unknown RDF format {name!r}; choose one of {', '.join(FORMATS)}") from None


# ---------------------------------------------------------------- N-Triples terms
# RDF 1.1 N-Triples (canonical form of RDF 1.2): in strings, BS TAB LF FF CR " \ as ECHAR, the other
# C0 controls and DEL as UCHAR; in IRIs, the characters IRIREF forbids as UCHAR.

_STRING_ESCAPES: dict[int, str] = {c: f"\\u{c:04X}" for c in [*range(0x20), 0x7F]}
_STRING_ESCAPES.update(
    {0x08: "\\b", 0x09: "\\t", 0x0A: "\\n", 0x0C: "\\f", 0x0D: "\\r", 0x22: '\\"', 0x5C: "\\\\"}
)
_IRI_ESCAPES: dict[int, str] = {c: f"\\u{c:04X}" for c in [*range(0x21), *map(ord, '<>"{}|^`\\')]}
_IRI_NEEDS_ESCAPE = re.compile(r'[\x00-\x20<>"{}|^`\\]')


@lru_cache(maxsize=1 << 16)
def nt_iri(iri: str) -> str:
    if _IRI_NEEDS_ESCAPE.search(iri):
        iri = iri.translate(_IRI_ESCAPES)
    return f"<{iri}>"


def nt_string(text: str) -> str:
    return '"' + text.translate(_STRING_ESCAPES) + '"'


def nt_literal(literal: Lit) -> str:
    quoted = nt_string(literal.lexical)
    if literal.language:
        return f"{quoted}@{literal.language}"
    if literal.datatype:
        return f"{quoted}^^{nt_iri(literal.datatype)}"
    return quoted


def nt_term(term: str | Lit) -> str:
    if isinstance(term, Lit):
        return nt_literal(term)
    if term.startswith("_:"):
        return term
    return nt_iri(term)


def ntriples_line(triple: Triple) -> str:
    subject, predicate, obj = triple
    return f"{nt_term(subject)} {nt_iri(predicate)} {nt_term(obj)} .\n"


def ntriples_lines(triples: Iterable[Triple]) -> Iterator[str]:
    for triple in triples:
        yield ntriples_line(triple)


# ---------------------------------------------------------------- Turtle

# A prefixed name's local part: PN_LOCAL without the escapes we never need (percent-encoded ids fit).
_PN_LOCAL = re.compile(
    r"^(?:[A-Za-z0-9_:]|%[0-9A-Fa-f]{2})"
    r"(?:(?:[A-Za-z0-9_\-.:]|%[0-9A-Fa-f]{2})*(?:[A-Za-z0-9_\-:]|%[0-9A-Fa-f]{2}))?$"
)


class TurtleNames:
    """Prefixed names for IRIs under the standard namespaces and the per-type id namespaces."""

    def __init__(self, mapping: RdfMapping) -> None:
        self.prefixes = dict(PREFIXES)
        for cls in mapping.classes.values():
            self.prefixes[cls.segment] = f"{mapping.base}{cls.segment}/"
        self.prefixes["document"] = mapping.document_iri("")
        # Longest namespace first, so an id namespace wins over a shorter one containing it.
        self._ordered = sorted(self.prefixes.items(), key=lambda item: -len(item[1]))
        self.name = lru_cache(maxsize=1 << 16)(self._name)

    def _name(self, iri: str) -> str:
        for prefix, namespace in self._ordered:
            if iri.startswith(namespace):
                local = iri[len(namespace) :]
                if local and _PN_LOCAL.match(local):
                    return f"{prefix}:{local}"
        return nt_iri(iri)

    def term(self, term: str | Lit) -> str:
        if isinstance(term, Lit):
            if term.datatype in _TURTLE_BARE and _TURTLE_BARE[term.datatype].match(term.lexical):
                return term.lexical  # Turtle's own integer, decimal and boolean forms
            quoted = nt_string(term.lexical)
            if term.language:
                return f"{quoted}@{term.language}"
            if term.datatype:
                return f"{quoted}^^{self.name(term.datatype)}"
            return quoted
        if term.startswith("_:"):
            return term
        return self.name(term)

    def header(self) -> str:
        return "".join(f"@prefix {p}: {nt_iri(ns)} .\n" for p, ns in self.prefixes.items()) + "\n"


_RDF_TYPE = PREFIXES["rdf"] + "type"
_TURTLE_BARE = {
    PREFIXES["xsd"] + "integer": re.compile(r"^[+-]?[0-9]+$"),
    PREFIXES["xsd"] + "decimal": re.compile(r"^[+-]?[0-9]*\.[0-9]+$"),
    PREFIXES["xsd"] + "boolean": re.compile(r"^(?:true|false)$"),
}


def turtle_lines(triples: Iterable[Triple], names: TurtleNames) -> Iterator[str]:
    """Turtle with a subject block per run of triples that share a subject (the mapping emits each
    resource's triples together); a subject seen again later simply starts another block."""
    yield names.header()
    current: str | None = None
    current_predicate: str | None = None
    for subject, predicate, obj in triples:
        if subject != current:
            if current is not None:
                yield " .\n\n"
            current, current_predicate = subject, predicate
            verb = "a" if predicate == _RDF_TYPE else names.name(predicate)
            yield f"{names.term(subject)} {verb} {names.term(obj)}"
        elif predicate == current_predicate:
            yield f", {names.term(obj)}"
        else:
            current_predicate = predicate
            verb = "a" if predicate == _RDF_TYPE else names.name(predicate)
            yield f" ;\n    {verb} {names.term(obj)}"
    if current is not None:
        yield " .\n"


def chunked(pieces: Iterable[str], size: int = _CHUNK_CHARS) -> Iterator[bytes]:
    buffer: list[str] = []
    length = 0
    for piece in pieces:
        buffer.append(piece)
        length += len(piece)
        if length >= size:
            yield "".join(buffer).encode("utf-8")
            buffer.clear()
            length = 0
    if buffer:
        yield "".join(buffer).encode("utf-8")


def to_rdflib_graph(triples: Iterable[Triple]) -> Graph:
    """An rdflib Graph of the triples. Each IRI becomes one URIRef object, reused (rdflib validates
    every IRI it is given, and a resource's IRI recurs in every triple about it)."""
    graph = Graph()
    for prefix, namespace in PREFIXES.items():
        graph.bind(prefix, namespace, override=True)
    add = graph.add
    iris: dict[str, URIRef] = {}
    literals: dict[Lit, Node] = {}

    def iri(text: str) -> URIRef:
        term = iris.get(text)
        if term is None:
            term = iris[text] = URIRef(text)
        return term

    for subject, predicate, obj in triples:
        if isinstance(obj, Lit):
            literal = literals.get(obj)
            if literal is None:
                literal = to_rdflib_term(obj)
                if len(literals) < _LITERAL_CACHE:  # methods, units, years … recur; texts do not
                    literals[obj] = literal
            add((iri(subject), iri(predicate), literal))
        else:
            add((iri(subject), iri(predicate), iri(obj)))
    return graph


def serialize(triples: Iterable[Triple], fmt: RdfFormat, mapping: RdfMapping) -> Iterator[bytes]:
    """The export in one format, as a stream of byte chunks."""
    if fmt.name == "nt":
        yield from chunked(ntriples_lines(triples))
    elif fmt.name == "ttl":
        yield from chunked(turtle_lines(triples, TurtleNames(mapping)))
    elif fmt.name == "jsonld":
        graph = to_rdflib_graph(triples)
        # The published context, inline: a reader needs no network to expand it.
        yield graph.serialize(format="json-ld", context=jsonld_context(), auto_compact=True).encode("utf-8")
    else:
        graph = to_rdflib_graph(triples)
        yield graph.serialize(format=fmt.rdflib_format).encode("utf-8")


# ---------------------------------------------------------------- reading the store


def _page(store: GraphStore, name: str, plan: str, page_size: int) -> Iterator[Row]:
    skip = 0
    while True:
        rows = queries.run(store, name, {"plan": plan, "skip": skip, "limit": page_size})
        yield from rows
        if len(rows) < page_size:
            return
        skip += page_size


NODE, RELATIONSHIP = "node", "relationship"


def store_rows(
    store: GraphStore, *, plan: str | None = None, page_size: int = DEFAULT_PAGE_SIZE
) -> Iterator[tuple[str, Row]]:
    """Every node row, then every relationship row, of the store (or of one plan with the shared
    concepts and sectors it links to), a page at a time: (NODE | RELATIONSHIP, row)."""
    plan_filter = plan or ""
    for row in _page(store, "export_nodes", plan_filter, page_size):
        yield NODE, row
    for row in _page(store, "export_relationships", plan_filter, page_size):
        yield RELATIONSHIP, row


def row_triples(rows: Iterable[tuple[str, Row]], mapping: RdfMapping) -> Iterator[Triple]:
    """Triples of export rows. Rows go straight to the mapping (no record objects: this is the hot
    path of a large export); null properties, which LadybugDB reports for other tables' columns,
    are skipped by the mapping."""
    node_triples, link_triples = mapping.node_triples, mapping.link_triples
    codes: set[str] = set()
    for kind, row in rows:
        if kind == NODE:
            properties = row["properties"]
            yield from node_triples(row["label"], properties)
            codes.update(properties.get("codes") or ())
        else:
            yield from link_triples(
                row["type"],
                row["source_label"],
                row["source_id"],
                row["target_label"],
                row["target_id"],
                row["properties"] or {},
            )
    yield from mapping.code_triples(codes)  # the code-list entries the sectors link to, once each


def store_triples(
    store: GraphStore, mapping: RdfMapping, *, plan: str | None = None, page_size: int = DEFAULT_PAGE_SIZE
) -> Iterator[Triple]:
    return row_triples(store_rows(store, plan=plan, page_size=page_size), mapping)


def export(
    store: GraphStore,
    mapping: RdfMapping,
    fmt: RdfFormat,
    *,
    plan: str | None = None,
    page_size: int = DEFAULT_PAGE_SIZE,
) -> Iterator[bytes]:
    """The store (or one plan) in one RDF format, as byte chunks; N-Triples and Turtle are produced
    while the store is read, a page of rows at a time."""
    return serialize(store_triples(store, mapping, plan=plan, page_size=page_size), fmt, mapping)
