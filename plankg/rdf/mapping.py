"""The mapping between the store-neutral graph and RDF, derived from plan.ttl.

Every choice the export makes is here, in one place, and the import reads it backwards:

- IRIs come from stable ids under a configurable base: ``{base}{label-lowercase}/{id}``; evidence
  spans are ``{entity}#evidence``, qualified links ``{base}link/{type}/{source}/{target}``, source
  documents ``{base}document/{doc_id}``. No store-internal id ever appears.
- Classes: ``pk:<Label>`` plus the standard superclasses plan.ttl declares (``skos:Concept`` for
  concepts and sectors, ``prov:Entity`` for plans), written out because harvesters do not infer.
- Properties: where plan.ttl declares a standard super-property (``pk:name ⊑ rdfs:label``,
  ``pk:title ⊑ dcterms:title``, ``pk:codes ⊑ skos:notation`` …) the standard term is written in its
  place; otherwise the ``pk:`` term. The datatype is the property's ``rdfs:range``; names and texts
  carry ``@zh``. SKOS concepts also get ``skos:prefLabel``; sector codes also link to the code list.
- Evidence (``doc_id``/``span_start``/``span_end``): ``prov:wasDerivedFrom <document>`` and
  ``pk:evidence <span>``, the span being a ``pk:Span`` with ``pk:start``, ``pk:end`` and
  ``dcterms:isPartOf <document>``.
- Relationships: the direct triple (``task pk:supports goal``) and, because RDF triples cannot carry
  properties, a ``pk:QualifiedLink`` resource per link with ``pk:linkSource``, ``pk:linkTarget``,
  ``pk:linkType``, ``pk:score``, ``pk:method`` and the same evidence as nodes.

Terms are light (an IRI is a ``str``, a literal a ``Lit``) so that the N-Triples writer can stream
without building rdflib objects; ``to_rdflib_term`` converts when a real graph is wanted.
"""

from __future__ import annotations

import csv
import io
import math
import re
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass
from decimal import Decimal
from functools import cache
from importlib import resources
from typing import Any, NamedTuple
from urllib.parse import quote, unquote

from rdflib import OWL, RDF, RDFS, XSD, BNode, Literal, Namespace, URIRef
from rdflib.term import Node

from plankg.ontology.records import GraphNode, GraphRelationship, PlanSubgraph, PropertyValue
from plankg.ontology.schema import PK, PropertySpec, load_schema, ontology_graph

SKOS = Namespace("http://www.w3.org/2004/02/skos/core#")
DCTERMS = Namespace("http://purl.org/dc/terms/")
PROV = Namespace("http://www.w3.org/ns/prov#")

PREFIXES: dict[str, str] = {
    "pk": str(PK),
    "rdf": str(RDF),
    "rdfs": str(RDFS),
    "xsd": str(XSD),
    "owl": str(OWL),
    "skos": str(SKOS),
    "dcterms": str(DCTERMS),
    "prov": str(PROV),
    "eli": "http://data.europa.eu/eli/ontology#",
}

TEXT_LANGUAGE = "zh"
# Human-readable text written in the document's language; every other string is a plain literal.
LANGUAGE_TAGGED_KEYS = frozenset({"name", "title", "text", "alt_names", "issuer", "region"})
EVIDENCE_KEYS = ("doc_id", "span_start", "span_end")
SPAN_FRAGMENT = "#evidence"

# Code lists that sector codes (``COFOG:07.4``, ``GB4754:I65``) link to, by code prefix: a code-list
# namespace under the base IRI, since neither list publishes dereferenceable code IRIs of its own.
# The export describes each code it uses (notation, scheme, COFOG's English label) once.
CODE_LISTS: dict[str, str] = {
    "COFOG": "codelist/cofog/",
    "GB4754": "codelist/gb4754-2017/",
    "GB": "codelist/gb4754-2017/",
}
CODE_LIST_TITLES: dict[str, str] = {
    "codelist/cofog/": "Classification of the Functions of Government (COFOG 1999)",
    "codelist/gb4754-2017/": "GB/T 4754-2017 Industrial classification for national economic activities",
}
COFOG_FILE = "data/cofog.csv"

# IRI path characters kept as they are; everything else in an id is percent-encoded.
IRI_SAFE = "-._~!$&'()*+,;=:@"


_SAFE_SEGMENT = re.compile(r"[A-Za-z0-9\-._~!$&'()*+,;=:@]*")


def iri_segment(text: str) -> str:
    """An id as one IRI path segment: kept when already safe (the common, fast case), else
    percent-encoded as UTF-8."""
    if _SAFE_SEGMENT.fullmatch(text):
        return text
    return quote(text, safe=IRI_SAFE)


class Lit(NamedTuple):
    """An RDF literal: lexical form, datatype IRI (None for a simple string) and language tag."""

    lexical: str
    datatype: str | None = None
    language: str | None = None


# Lit(...) runs a Python-level __new__; the export builds millions, so it calls tuple's directly.
_new_lit = tuple.__new__
Term = str | Lit  # a str is an IRI
Triple = tuple[str, str, Term]


@dataclass(frozen=True)
class PropertyMapping:
    key: str
    spec: PropertySpec
    predicate: str  # the term written and read back
    extra_predicates: tuple[str, ...]  # also written (e.g. skos:prefLabel), not read back
    datatype: str | None  # None: simple literal
    language: str | None
    lexical: Callable[[Any], str]  # the value's lexical form for the range (chosen once, here)

    def literal(self, value: Any) -> Lit:
        return Lit(self.lexical(value), self.datatype, self.language)


@dataclass(frozen=True)
class ClassMapping:
    label: str
    segment: str  # IRI path segment: the label in lower case
    class_iri: str
    types: tuple[str, ...]  # rdf:type objects, pk class first
    properties: tuple[PropertyMapping, ...]  # exported, in schema order, without evidence keys


@dataclass(frozen=True)
class LinkMapping:
    type: str
    segment: str
    link_type_iri: str  # the pk: property, named by pk:linkType
    predicate: str  # the direct triple's predicate (a standard super-property where declared)
    properties: tuple[PropertyMapping, ...]


def _standard_super_property(prop: URIRef) -> URIRef | None:
    """The non-pk super-property plan.ttl declares for a pk property, if any."""
    for parent in ontology_graph().objects(prop, RDFS.subPropertyOf):
        if isinstance(parent, URIRef) and not str(parent).startswith(str(PK)):
            return parent
    return None


def _standard_super_classes(cls: URIRef) -> list[str]:
    return sorted(
        str(parent)
        for parent in ontology_graph().objects(cls, RDFS.subClassOf)
        if isinstance(parent, URIRef) and not str(parent).startswith(str(PK))
    )


def _property_mapping(spec: PropertySpec, *, skos_concept: bool) -> PropertyMapping:
    standard = _standard_super_property(spec.iri)
    predicate = str(standard) if standard is not None else str(spec.iri)
    extra: tuple[str, ...] = ()
    if spec.key == "name" and skos_concept:
        extra = (str(SKOS.prefLabel),)
    language = TEXT_LANGUAGE if spec.key in LANGUAGE_TAGGED_KEYS and spec.value_type == "string" else None
    datatype = None if spec.xsd_type == XSD.string or language else str(spec.xsd_type)
    return PropertyMapping(spec.key, spec, predicate, extra, datatype, language, _lexical_form(spec))


def _exported(spec: PropertySpec) -> bool:
    return not spec.store_only and spec.key not in EVIDENCE_KEYS


@cache
def class_mappings() -> dict[str, ClassMapping]:
    schema = load_schema()
    mappings = {}
    for label, spec in schema.nodes.items():
        supers = _standard_super_classes(spec.iri)
        skos_concept = str(SKOS.Concept) in supers
        mappings[label] = ClassMapping(
            label=label,
            segment=label.lower(),
            class_iri=str(spec.iri),
            types=(str(spec.iri), *supers),
            properties=tuple(
                _property_mapping(p, skos_concept=skos_concept) for p in spec.properties if _exported(p)
            ),
        )
    return mappings


@cache
def link_mappings() -> dict[str, LinkMapping]:
    mappings = {}
    for rel_type, spec in load_schema().relationships.items():
        standard = _standard_super_property(spec.iri)
        mappings[rel_type] = LinkMapping(
            type=rel_type,
            segment=rel_type.lower(),
            link_type_iri=str(spec.iri),
            predicate=str(standard) if standard is not None else str(spec.iri),
            properties=tuple(
                _property_mapping(p, skos_concept=False) for p in spec.properties if _exported(p)
            ),
        )
    return mappings


# ---------------------------------------------------------------- literals


def _decimal_lexical(value: float) -> str:
    if not math.isfinite(value):
        raise ValueError(f"{value!r} has no xsd:decimal form")
    text = format(Decimal(repr(float(value))), "f")
    return text if "." in text else text + ".0"


def _double_lexical(value: float) -> str:
    value = float(value)
    if math.isnan(value):
        return "NaN"
    if math.isinf(value):
        return "INF" if value > 0 else "-INF"
    return repr(value)


def _gyear_lexical(value: Any) -> str:
    year = int(value)
    return f"{year:04d}" if year >= 0 else f"-{-year:04d}"


def _lexical_form(spec: PropertySpec) -> Callable[[Any], str]:
    if spec.value_type == "string":
        return str
    lexical: dict[URIRef, Callable[[Any], str]] = {
        XSD.boolean: lambda value: "true" if value else "false",
        XSD.gYear: _gyear_lexical,
        XSD.integer: lambda value: str(int(value)),
        XSD.decimal: _decimal_lexical,
        XSD.double: _double_lexical,
    }
    try:
        return lexical[spec.xsd_type]
    except KeyError:
        raise ValueError(f"{spec.key}: no literal form for range {spec.xsd_type}") from None


_GYEAR = re.compile(r"^(-?\d{4,})")


def from_literal(mapping: PropertyMapping, literal: Literal) -> str | int | float | bool:
    """Read a value back in the store's Python type (the inverse of PropertyMapping.literal)."""
    lexical = str(literal)
    value_type = mapping.spec.value_type
    if value_type == "string":
        return lexical
    if value_type == "bool":
        return lexical.strip() in ("true", "1")
    if value_type == "int":
        if mapping.spec.xsd_type == XSD.gYear:
            match = _GYEAR.match(lexical.strip())
            if match is None:
                raise ValueError(f"{mapping.key}: {lexical!r} is not an xsd:gYear")
            return int(match.group(1))
        return int(lexical.strip())
    return float(lexical.strip())


# ---------------------------------------------------------------- IRIs


class RdfMapping:
    """IRIs and triples for one base IRI (``PLANKG_BASE_IRI``)."""

    def __init__(self, base_iri: str) -> None:
        if not re.match(r"^[a-zA-Z][a-zA-Z0-9+.-]*:", base_iri):
            raise ValueError(f"base IRI {base_iri!r} is not absolute")
        self.base = base_iri if base_iri.endswith(("/", "#")) else base_iri + "/"
        self.classes = class_mappings()
        self.links = link_mappings()
        self._label_by_segment = {m.segment: label for label, m in self.classes.items()}
        self._link_type_by_iri = {m.link_type_iri: t for t, m in self.links.items()}
        self._document_prefix = self.base + "document/"
        self._class_prefix = {label: f"{self.base}{m.segment}/" for label, m in self.classes.items()}

    # -- building
    def node_iri(self, label: str, node_id: str) -> str:
        return f"{self._class_prefix[label]}{iri_segment(node_id)}"

    def document_iri(self, doc_id: str) -> str:
        return self._document_prefix + iri_segment(doc_id)

    def code_iri(self, code: str) -> str | None:
        scheme, _, notation = code.partition(":")
        path = CODE_LISTS.get(scheme)
        if path is None or not notation:
            return None
        return self.base + path + iri_segment(notation)

    def code_triples(self, codes: Iterable[str]) -> list[Triple]:
        """The code-list entries sector codes link to, each once: a skos:Concept with its notation
        (and COFOG's English label where the list has one) in its skos:ConceptScheme, described too."""
        out: list[Triple] = []
        schemes: set[str] = set()
        for code in sorted(set(codes)):
            scheme_prefix, _, notation = code.partition(":")
            path = CODE_LISTS.get(scheme_prefix)
            code_iri = self.code_iri(code)
            if path is None or code_iri is None:
                continue
            scheme = self.base + path.rstrip("/")
            if scheme not in schemes:
                schemes.add(scheme)
                out.append((scheme, _RDF_TYPE, _SKOS_SCHEME))
                out.append((scheme, _DCTERMS_TITLE, Lit(CODE_LIST_TITLES[path], None, "en")))
            out.append((code_iri, _RDF_TYPE, _SKOS_CONCEPT))
            out.append((code_iri, _SKOS_NOTATION, Lit(notation)))
            out.append((code_iri, _SKOS_IN_SCHEME, scheme))
            label = cofog_labels().get(notation) if path == CODE_LISTS["COFOG"] else None
            if label:
                out.append((code_iri, _SKOS_PREF_LABEL, Lit(label, None, "en")))
        return out

    # -- reading back
    def parse_node_iri(self, iri: str) -> tuple[str, str] | None:
        """(label, id) of an entity IRI made by node_iri, or None."""
        if not iri.startswith(self.base):
            return None
        segment, slash, encoded = iri[len(self.base) :].partition("/")
        label = self._label_by_segment.get(segment)
        if label is None or not slash or not encoded or "#" in encoded:
            return None
        return label, unquote(encoded)

    def parse_document_iri(self, iri: str) -> str | None:
        if not iri.startswith(self._document_prefix):
            return None
        return unquote(iri[len(self._document_prefix) :])

    def link_type_of(self, link_type_iri: str) -> str | None:
        return self._link_type_by_iri.get(link_type_iri)

    # -- triples
    def _evidence(self, out: list[Triple], subject: str, properties: Mapping[str, Any]) -> None:
        doc_id = properties.get("doc_id")
        start = properties.get("span_start")
        end = properties.get("span_end")
        document = self.document_iri(doc_id) if doc_id else None
        if document is not None:
            out.append((subject, _PROV_DERIVED, document))
        if start is None or end is None:
            return
        span = subject + SPAN_FRAGMENT
        out.append((subject, _PK_EVIDENCE, span))
        out.append((span, _RDF_TYPE, _PK_SPAN))
        out.append((span, _PK_START, _new_lit(Lit, (str(int(start)), _XSD_INTEGER, None))))
        out.append((span, _PK_END, _new_lit(Lit, (str(int(end)), _XSD_INTEGER, None))))
        if document is not None:
            out.append((span, _DCTERMS_PART_OF, document))

    @staticmethod
    def _properties(
        out: list[Triple], subject: str, mappings: Iterable[PropertyMapping], properties: Mapping[str, Any]
    ) -> None:
        for mapping in mappings:
            value = properties.get(mapping.key)
            if value is None:
                continue
            for item in value if mapping.spec.multi_valued else (value,):
                literal = _new_lit(Lit, (mapping.lexical(item), mapping.datatype, mapping.language))
                out.append((subject, mapping.predicate, literal))
                for extra in mapping.extra_predicates:
                    out.append((subject, extra, literal))

    def node_triples(self, label: str, properties: Mapping[str, Any]) -> list[Triple]:
        """Triples describing one node; properties are the store's (``id`` included). A list, not a
        generator: the export makes millions of these, and appending is cheaper than nested yields."""
        mapping = self.classes[label]
        node_id = properties.get("id")
        if not node_id:
            raise ValueError(f"{label} node without an id: {dict(properties)!r:.200}")
        subject = self._class_prefix[label] + iri_segment(str(node_id))
        out: list[Triple] = [(subject, _RDF_TYPE, rdf_type) for rdf_type in mapping.types]
        self._properties(out, subject, mapping.properties, properties)
        if label == "Sector":
            for code in properties.get("codes") or ():
                code_iri = self.code_iri(code)
                if code_iri is not None:
                    out.append((subject, _SKOS_CLOSE_MATCH, code_iri))
        self._evidence(out, subject, properties)
        if label == "Plan" and properties.get("doc_id"):
            # The source document, named once by the plan that was read from it.
            document = self.document_iri(str(properties["doc_id"]))
            out.append((document, _RDF_TYPE, _PROV_ENTITY))
            out.append((document, _DCTERMS_IDENTIFIER, Lit(str(properties["doc_id"]))))
        return out

    def relationship_triples(self, rel: GraphRelationship) -> list[Triple]:
        return self.link_triples(
            rel.type, rel.source_label, rel.source_id, rel.target_label, rel.target_id, rel.properties
        )

    def link_triples(
        self,
        rel_type: str,
        source_label: str,
        source_id: str,
        target_label: str,
        target_id: str,
        properties: Mapping[str, Any],
    ) -> list[Triple]:
        """The direct triple and the qualified link resource of one relationship."""
        mapping = self.links[rel_type]
        source_segment, target_segment = iri_segment(source_id), iri_segment(target_id)
        source = self._class_prefix[source_label] + source_segment
        target = self._class_prefix[target_label] + target_segment
        link = (
            f"{self.base}link/{mapping.segment}/{self.classes[source_label].segment}/{source_segment}/"
            f"{self.classes[target_label].segment}/{target_segment}"
        )
        out: list[Triple] = [
            (source, mapping.predicate, target),
            (link, _RDF_TYPE, _PK_QUALIFIED_LINK),
            (link, _PK_LINK_SOURCE, source),
            (link, _PK_LINK_TARGET, target),
            (link, _PK_LINK_TYPE, mapping.link_type_iri),
        ]
        self._properties(out, link, mapping.properties, properties)
        self._evidence(out, link, properties)
        return out

    def graph_triples(self, graph: PlanSubgraph) -> Iterator[Triple]:
        codes: set[str] = set()
        for node in graph.nodes:
            yield from self.node_triples(node.label, {**node.properties, "id": node.id})
            codes.update(node.properties.get("codes") or ())  # type: ignore[arg-type]
        for rel in graph.relationships:
            yield from self.relationship_triples(rel)
        yield from self.code_triples(codes)

    # -- RDF → store-neutral records
    def nodes_from_rdf(self, graph: Any) -> list[GraphNode]:
        """Every entity of an rdflib Graph written by node_triples, as GraphNodes."""
        nodes = []
        for label, mapping in self.classes.items():
            for subject in sorted(graph.subjects(RDF.type, URIRef(mapping.class_iri))):
                parsed = self.parse_node_iri(str(subject))
                if parsed is None or parsed[0] != label:
                    raise ValueError(f"{subject} is typed {label} but is not a {label} IRI under {self.base}")
                properties = self._read_properties(graph, subject, mapping.properties)
                properties.update(self._read_evidence(graph, subject))
                node_id = properties.pop("id", None) or parsed[1]
                if node_id != parsed[1]:
                    raise ValueError(f"{subject}: pk:id {node_id!r} differs from the IRI's id")
                nodes.append(GraphNode(label=label, id=str(node_id), properties=properties))
        return nodes

    def relationships_from_rdf(self, graph: Any) -> list[GraphRelationship]:
        rels = []
        for link in sorted(graph.subjects(RDF.type, URIRef(_PK_QUALIFIED_LINK))):
            source = graph.value(link, URIRef(_PK_LINK_SOURCE))
            target = graph.value(link, URIRef(_PK_LINK_TARGET))
            link_type = graph.value(link, URIRef(_PK_LINK_TYPE))
            rel_type = self.link_type_of(str(link_type)) if link_type is not None else None
            ends = (
                self.parse_node_iri(str(source)) if source is not None else None,
                self.parse_node_iri(str(target)) if target is not None else None,
            )
            if rel_type is None or ends[0] is None or ends[1] is None:
                raise ValueError(f"qualified link {link} lacks a known pk:linkType, source or target")
            properties = self._read_properties(graph, link, self.links[rel_type].properties)
            properties.update(self._read_evidence(graph, link))
            rels.append(
                GraphRelationship(
                    type=rel_type,
                    source_label=ends[0][0],
                    source_id=ends[0][1],
                    target_label=ends[1][0],
                    target_id=ends[1][1],
                    properties=properties,
                )
            )
        return rels

    def _read_properties(
        self, graph: Any, subject: Node, mappings: Iterable[PropertyMapping]
    ) -> dict[str, PropertyValue]:
        properties: dict[str, PropertyValue] = {}
        for mapping in mappings:
            literals = [
                o
                for o in graph.objects(subject, URIRef(mapping.predicate))
                if isinstance(o, Literal)
                and (mapping.language is None or o.language in (None, mapping.language))
            ]
            if not literals:
                if mapping.spec.multi_valued:
                    properties[mapping.key] = []  # an empty list leaves no triple; the loaders write []
                continue
            if mapping.spec.multi_valued:
                # RDF values are a set; read them in the order the file gives them, which for a
                # plankg export (and rdflib's parsers) is the order the list had in the store.
                properties[mapping.key] = [str(from_literal(mapping, lit)) for lit in literals]
            elif len(literals) > 1:
                raise ValueError(f"{subject}: {len(literals)} values for single-valued {mapping.predicate}")
            else:
                properties[mapping.key] = from_literal(mapping, literals[0])
        return properties

    def _read_evidence(self, graph: Any, subject: Node) -> dict[str, PropertyValue]:
        evidence: dict[str, PropertyValue] = {}
        document = graph.value(subject, URIRef(_PROV_DERIVED))
        if document is not None:
            evidence["doc_id"] = self.parse_document_iri(str(document))
        span = graph.value(subject, URIRef(_PK_EVIDENCE))
        if span is not None:
            start = graph.value(span, URIRef(_PK_START))
            end = graph.value(span, URIRef(_PK_END))
            if start is None or end is None:
                raise ValueError(f"{subject}: evidence span {span} lacks pk:start or pk:end")
            evidence["span_start"] = int(str(start))
            evidence["span_end"] = int(str(end))
        return evidence


_RDF_TYPE = str(RDF.type)
_XSD_INTEGER = str(XSD.integer)
_PK_SPAN = str(PK.Span)
_PK_START = str(PK.start)
_PK_END = str(PK.end)
_PK_EVIDENCE = str(PK.evidence)
_PK_QUALIFIED_LINK = str(PK.QualifiedLink)
_PK_LINK_SOURCE = str(PK.linkSource)
_PK_LINK_TARGET = str(PK.linkTarget)
_PK_LINK_TYPE = str(PK.linkType)
_PROV_DERIVED = str(PROV.wasDerivedFrom)
_PROV_ENTITY = str(PROV.Entity)
_DCTERMS_PART_OF = str(DCTERMS.isPartOf)
_DCTERMS_IDENTIFIER = str(DCTERMS.identifier)
_SKOS_CLOSE_MATCH = str(SKOS.closeMatch)
_SKOS_CONCEPT = str(SKOS.Concept)
_SKOS_SCHEME = str(SKOS.ConceptScheme)
_SKOS_NOTATION = str(SKOS.notation)
_SKOS_IN_SCHEME = str(SKOS.inScheme)
_SKOS_PREF_LABEL = str(SKOS.prefLabel)
_DCTERMS_TITLE = str(DCTERMS.title)


@cache
def cofog_labels() -> dict[str, str]:
    """COFOG code → English label, from the code list shipped beside plan.ttl ("(CS)" marks dropped)."""
    text = resources.files("plankg.ontology").joinpath(COFOG_FILE).read_text(encoding="utf-8")
    return {
        row["Code"].strip(): re.sub(r"\s*\((CS|IS)\)\s*$", "", " ".join(row["Description_EN"].split()))
        for row in csv.DictReader(io.StringIO(text))
        if row.get("Code")
    }


# ---------------------------------------------------------------- rdflib terms


def to_rdflib_term(term: Term) -> Node:
    if isinstance(term, Lit):
        if term.language:
            return Literal(term.lexical, lang=term.language)
        return Literal(term.lexical, datatype=URIRef(term.datatype) if term.datatype else None)
    if term.startswith("_:"):
        return BNode(term[2:])
    return URIRef(term)


# ---------------------------------------------------------------- JSON-LD context


def _local_name(iri: str) -> str:
    return re.split(r"[#/]", iri)[-1]


@cache
def jsonld_context() -> dict[str, Any]:
    """The published JSON-LD @context: prefixes, one term per predicate and class the export uses,
    with datatype, language and @id coercion, so the export compacts to plain JSON values."""
    context: dict[str, Any] = dict(PREFIXES)
    terms: dict[str, Any] = {}

    def compact(iri: str) -> str:
        for prefix, namespace in PREFIXES.items():
            if iri.startswith(namespace):
                return f"{prefix}:{iri[len(namespace) :]}"
        return iri

    def add(iri: str, definition: dict[str, Any]) -> None:
        name = _local_name(iri)
        if name == "id":  # keep "id" free: it reads as "@id" to most JSON-LD users
            name = "pkId"
        existing = terms.get(name)
        if existing is not None and existing["@id"] != compact(iri):
            name = compact(iri).replace(":", "_")
        terms[name] = {"@id": compact(iri), **definition}

    for mapping in class_mappings().values():
        for cls in mapping.types:
            terms.setdefault(_local_name(cls), compact(cls))
        for prop in mapping.properties:
            definition: dict[str, Any] = {}
            if prop.language:
                definition["@language"] = prop.language
            elif prop.datatype:
                definition["@type"] = compact(prop.datatype)
            for predicate in (prop.predicate, *prop.extra_predicates):
                add(predicate, definition)
    for link in link_mappings().values():
        add(link.predicate, {"@type": "@id"})
        for prop in link.properties:
            add(prop.predicate, {"@type": compact(prop.datatype)} if prop.datatype else {})
    for cls in (_PK_SPAN, _PK_QUALIFIED_LINK, _PROV_ENTITY, _SKOS_SCHEME):
        terms.setdefault(_local_name(cls), compact(cls))
    for iri in (
        _PK_EVIDENCE,
        _PK_LINK_SOURCE,
        _PK_LINK_TARGET,
        _PK_LINK_TYPE,
        _PROV_DERIVED,
        _DCTERMS_PART_OF,
        _SKOS_CLOSE_MATCH,
        _SKOS_IN_SCHEME,
    ):
        add(iri, {"@type": "@id"})
    for iri in (_PK_START, _PK_END):
        add(iri, {"@type": "xsd:integer"})
    add(_DCTERMS_IDENTIFIER, {})
    for name, definition in sorted(terms.items()):
        if isinstance(definition, dict) and list(definition) == ["@id"]:
            definition = definition["@id"]
        context[name] = definition
    return context
