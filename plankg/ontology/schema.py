"""The Python view of plan.ttl: node and relationship specs, derived from the ontology file.

Nothing here declares a type; every label, property and relationship comes from plan.ttl, so adding
a property there adds it to the model, the store schemas and the RDF export at once.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from typing import Literal

from rdflib import OWL, RDF, RDFS, XSD, Graph, Namespace, URIRef
from rdflib import Literal as RdfLiteral
from rdflib.collection import Collection

PK = Namespace("https://w3id.org/plankg/ontology#")
ONTOLOGY_FILE = "plan.ttl"

ValueType = Literal["string", "int", "float", "bool"]

_XSD_TO_VALUE_TYPE: dict[URIRef, ValueType] = {
    XSD.string: "string",
    XSD.integer: "int",
    XSD.gYear: "int",
    XSD.date: "string",
    XSD.decimal: "float",
    XSD.double: "float",
    XSD.boolean: "bool",
}


@dataclass(frozen=True)
class PropertySpec:
    """One property of a node or relationship."""

    key: str
    iri: URIRef
    value_type: ValueType
    xsd_type: URIRef
    multi_valued: bool = False
    required: bool = False
    store_only: bool = False


@dataclass(frozen=True)
class NodeSpec:
    label: str
    iri: URIRef
    plan_owned: bool
    properties: tuple[PropertySpec, ...]
    names: dict[str, str] = field(hash=False)  # rdfs:label by language: {"en": "Goal", "zh": "目标"}

    def prop(self, key: str) -> PropertySpec:
        for prop in self.properties:
            if prop.key == key:
                return prop
        raise KeyError(f"{self.label} has no property {key!r}")

    @property
    def keys(self) -> tuple[str, ...]:
        return tuple(p.key for p in self.properties)


@dataclass(frozen=True)
class RelationshipSpec:
    type: str
    iri: URIRef
    pairs: tuple[tuple[str, str], ...]  # (source label, target label)
    properties: tuple[PropertySpec, ...]
    names: dict[str, str] = field(hash=False)  # rdfs:label by language: {"en": "supports", "zh": "支撑"}

    def joins(self, source_label: str, target_label: str) -> bool:
        return (source_label, target_label) in self.pairs

    @property
    def keys(self) -> tuple[str, ...]:
        return tuple(p.key for p in self.properties)


@dataclass(frozen=True)
class OntologySchema:
    nodes: dict[str, NodeSpec]
    relationships: dict[str, RelationshipSpec]

    def node(self, label: str) -> NodeSpec:
        try:
            return self.nodes[label]
        except KeyError:
            raise KeyError(f"the ontology has no node label {label!r}") from None

    def relationship(self, rel_type: str) -> RelationshipSpec:
        try:
            return self.relationships[rel_type]
        except KeyError:
            raise KeyError(f"the ontology has no relationship type {rel_type!r}") from None

    # the names of the classes every node and every link belong to (pk:Entity, pk:QualifiedLink)
    entity_names: dict[str, str]
    link_names: dict[str, str]

    @property
    def plan_owned_labels(self) -> tuple[str, ...]:
        return tuple(label for label, spec in self.nodes.items() if spec.plan_owned)

    @property
    def plan_label(self) -> str:
        """The label of the node that owns a plan's subgraph (the class pk:Plan)."""
        return next(label for label, spec in self.nodes.items() if spec.iri == PK.Plan)


def ontology_path() -> str:
    return str(resources.files(__package__).joinpath(ONTOLOGY_FILE))


@cache
def ontology_graph() -> Graph:
    graph = Graph()
    graph.parse(ontology_path(), format="turtle")
    return graph


def _flag(graph: Graph, subject: URIRef, predicate: URIRef) -> bool:
    value = graph.value(subject, predicate)
    return isinstance(value, RdfLiteral) and bool(value.toPython())


def _domain_classes(graph: Graph, prop: URIRef) -> list[URIRef]:
    domain = graph.value(prop, RDFS.domain)
    if domain is None:
        return []
    union = graph.value(domain, OWL.unionOf)
    if union is not None:
        return [URIRef(str(c)) for c in Collection(graph, union)]
    return [URIRef(str(domain))]


def _names(graph: Graph, subject: URIRef) -> dict[str, str]:
    """rdfs:label by language tag (labels without one are left out)."""
    return {
        label.language: str(label)
        for label in graph.objects(subject, RDFS.label)
        if isinstance(label, RdfLiteral) and label.language
    }


def _property_spec(graph: Graph, prop: URIRef) -> PropertySpec:
    key = str(graph.value(prop, PK.key))
    xsd_type = graph.value(prop, RDFS.range)
    if xsd_type not in _XSD_TO_VALUE_TYPE:
        raise ValueError(f"{prop}: range {xsd_type} has no store type; add it to _XSD_TO_VALUE_TYPE")
    return PropertySpec(
        key=key,
        iri=prop,
        value_type=_XSD_TO_VALUE_TYPE[URIRef(str(xsd_type))],
        xsd_type=URIRef(str(xsd_type)),
        multi_valued=_flag(graph, prop, PK.multiValued),
        required=_flag(graph, prop, PK.required),
        store_only=_flag(graph, prop, PK.storeOnly),
    )


@cache
def load_schema() -> OntologySchema:
    """Read plan.ttl into node and relationship specs (cached: the file ships with the package)."""
    graph = ontology_graph()
    label_of: dict[URIRef, str] = {
        URIRef(str(cls)): str(label) for cls, label in graph.subject_objects(PK.nodeLabel)
    }
    node_props: dict[str, list[PropertySpec]] = {label: [] for label in label_of.values()}
    link_props: list[PropertySpec] = []
    for prop in sorted(graph.subjects(RDF.type, OWL.DatatypeProperty)):
        if graph.value(prop, PK.key) is None:
            continue
        spec = _property_spec(graph, URIRef(str(prop)))
        for cls in _domain_classes(graph, URIRef(str(prop))):
            if cls == PK.Entity:
                for props in node_props.values():
                    props.append(spec)
            elif cls == PK.QualifiedLink:
                link_props.append(spec)
            else:
                node_props[label_of[cls]].append(spec)

    nodes = {
        label: NodeSpec(
            label=label,
            iri=cls,
            plan_owned=_flag(graph, cls, PK.planOwned),
            properties=tuple(sorted(node_props[label], key=_property_order)),
            names=_names(graph, cls),
        )
        for cls, label in sorted(label_of.items(), key=lambda item: item[1])
    }
    relationships: dict[str, RelationshipSpec] = {}
    for prop, rel_type in sorted(graph.subject_objects(PK.relType)):
        pairs = []
        for pair in graph.objects(prop, PK.fromTo):
            source, target = list(Collection(graph, pair))
            pairs.append((label_of[URIRef(str(source))], label_of[URIRef(str(target))]))
        relationships[str(rel_type)] = RelationshipSpec(
            type=str(rel_type),
            iri=URIRef(str(prop)),
            pairs=tuple(sorted(pairs)),
            properties=tuple(sorted(link_props, key=_property_order)),
            names=_names(graph, URIRef(str(prop))),
        )
    return OntologySchema(
        nodes=nodes,
        relationships=relationships,
        entity_names=_names(graph, PK.Entity),
        link_names=_names(graph, PK.QualifiedLink),
    )


def _property_order(spec: PropertySpec) -> tuple[int, str]:
    # id first, so store DDL reads naturally and the primary key is the first column.
    return (0 if spec.key == "id" else 1, spec.key)
