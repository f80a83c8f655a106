"""GET /ontology.json: node labels and link types with their names, as plan.ttl declares them — so a
frontend (the explorer page among them) never writes the schema or its Chinese names again."""

from __future__ import annotations

from fastapi import APIRouter
from pydantic import BaseModel

from plankg.ontology.schema import PK, load_schema

router = APIRouter(tags=["ontology"])


class NodeLabel(BaseModel):
    label: str
    iri: str
    names: dict[str, str]  # rdfs:label by language, e.g. {"en": "Goal", "zh": "目标"}
    plan_owned: bool  # goes with its plan; false: shared vocabulary (Concept, Sector)


class LinkType(BaseModel):
    type: str
    iri: str
    names: dict[str, str]
    ends: list[tuple[str, str]]  # the (source label, target label) pairs it may join


class Ontology(BaseModel):
    ontology: str  # the ontology's namespace
    entity: dict[str, str]  # names of a node of any label (pk:Entity)
    link: dict[str, str]  # names of a link of any type (pk:QualifiedLink)
    node_labels: list[NodeLabel]
    link_types: list[LinkType]


@router.get(
    "/ontology.json",
    response_model=Ontology,
    summary="Node labels and link types with their English and Chinese names (from plan.ttl)",
)
def ontology() -> Ontology:
    schema = load_schema()
    return Ontology(
        ontology=str(PK),
        entity=schema.entity_names,
        link=schema.link_names,
        node_labels=[
            NodeLabel(label=spec.label, iri=str(spec.iri), names=spec.names, plan_owned=spec.plan_owned)
            for spec in schema.nodes.values()
        ],
        link_types=[
            LinkType(type=spec.type, iri=str(spec.iri), names=spec.names, ends=list(spec.pairs))
            for spec in schema.relationships.values()
        ],
    )
