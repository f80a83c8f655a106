"""RDF → PlanSubgraphs: read a plankg export back (any of its four formats), one graph per plan, so
`plankg import-rdf` loads it into any store through the normal write path.

The mapping is plankg.rdf.mapping read backwards. The base IRI is taken from the data (a
plan's IRI minus ``plan/{id}``) unless given, so an export made under another PLANKG_BASE_IRI loads too.
Search terms, a store-side index the export leaves out, are recomputed as the loaders compute them.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from pathlib import Path
from urllib.parse import quote

from rdflib import RDF, Graph

from plankg.ontology.records import GraphRelationship, PlanSubgraph
from plankg.ontology.schema import PK, load_schema
from plankg.rdf.mapping import IRI_SAFE, RdfMapping, class_mappings

_SUFFIX_FORMATS = {
    ".ttl": "turtle",
    ".turtle": "turtle",
    ".nt": "nt",
    ".ntriples": "nt",
    ".jsonld": "json-ld",
    ".json": "json-ld",
    ".rdf": "xml",
    ".xml": "xml",
    ".owl": "xml",
}


class RdfImportError(ValueError):
    """The file is not RDF plankg can load (unreadable, no plan, a link to an unknown node …)."""


def guess_format(path: Path) -> str:
    try:
        return _SUFFIX_FORMATS[path.suffix.lower()]
    except KeyError:
        raise RdfImportError(
            f"{path.name}: cannot tell the RDF format from the suffix; use one of "
            f"{', '.join(sorted(_SUFFIX_FORMATS))} or give the format"
        ) from None


def read_rdf(path: Path | str, rdf_format: str | None = None) -> Graph:
    path = Path(path)
    if not path.is_file():
        raise RdfImportError(f"{path}: no such file")
    graph = Graph()
    try:
        # JSON-LD exports carry their context inline, so parsing never fetches anything.
        graph.parse(path, format=rdf_format or guess_format(path))
    except RdfImportError:
        raise
    except Exception as exc:
        raise RdfImportError(f"{path.name} is not valid RDF: {exc}") from exc
    return graph


def infer_base_iri(graph: Graph) -> str:
    """The base the export was made under: a plan's IRI is ``{base}plan/{id}``."""
    segment = class_mappings()["Plan"].segment
    bases = set()
    for plan in graph.subjects(RDF.type, PK.Plan):
        plan_id = graph.value(plan, PK.id)
        suffix = f"{segment}/{quote(str(plan_id), safe=IRI_SAFE)}"
        if plan_id is None or not str(plan).endswith(suffix):
            raise RdfImportError(f"plan {plan} has no pk:id matching its IRI")
        bases.add(str(plan)[: -len(suffix)])
    if not bases:
        raise RdfImportError("the RDF holds no pk:Plan: nothing to load")
    if len(bases) > 1:
        raise RdfImportError(f"plans are named under several base IRIs: {sorted(bases)}")
    return bases.pop()


def plan_subgraphs(graph: Graph, base_iri: str | None = None) -> list[PlanSubgraph]:
    """One PlanSubgraph per plan: its own nodes and links, and the shared concepts and sectors they
    reach (with the BROADER links among them). Shared nodes no plan reaches go with the first plan."""
    try:
        mapping = RdfMapping(base_iri or infer_base_iri(graph))
        nodes = mapping.nodes_from_rdf(graph)
        relationships = mapping.relationships_from_rdf(graph)
    except RdfImportError:
        raise
    except ValueError as exc:
        raise RdfImportError(str(exc)) from exc
    schema = load_schema()
    by_key = {(n.label, n.id): n for n in nodes}
    plans = sorted(n.id for n in nodes if n.label == "Plan")
    owner: dict[tuple[str, str], str] = {}
    for node in nodes:
        if schema.node(node.label).plan_owned:
            plan_id = node.id if node.label == "Plan" else node.properties.get("plan_id")
            if plan_id not in plans:
                raise RdfImportError(
                    f"{node.label} {node.id} belongs to plan {plan_id!r}, which the RDF lacks"
                )
            owner[(node.label, node.id)] = str(plan_id)

    broader: dict[tuple[str, str], list[GraphRelationship]] = defaultdict(list)
    rels_by_plan: dict[str, list[GraphRelationship]] = defaultdict(list)
    for rel in relationships:
        source, target = (rel.source_label, rel.source_id), (rel.target_label, rel.target_id)
        for end in (source, target):
            if end not in by_key:
                raise RdfImportError(f"a {rel.type} link refers to {end[0]} {end[1]}, which the RDF lacks")
        if source in owner:
            rels_by_plan[owner[source]].append(rel)
        else:
            broader[source].append(rel)  # a link between shared nodes: BROADER

    placed: set[tuple[str, str]] = set()
    graphs = []
    for index, plan_id in enumerate(plans):
        keys = [key for key, plan in owner.items() if plan == plan_id]
        rels = list(rels_by_plan[plan_id])
        shared = _reach(
            {(r.target_label, r.target_id) for r in rels if (r.target_label, r.target_id) not in owner},
            broader,
        )
        if index == 0:  # vocabulary no plan links to still belongs in the store
            shared |= _reach({key for key in by_key if key not in owner}, broader)
        placed |= shared
        rels += [rel for key in sorted(shared) for rel in broader.get(key, [])]
        plan_node = by_key[("Plan", plan_id)]
        sha = plan_node.properties.get("source_sha256")
        if not isinstance(sha, str):
            raise RdfImportError(f"plan {plan_id} has no pk:sourceSha256")
        graphs.append(
            PlanSubgraph(
                plan_id=plan_id,
                source_sha256=sha,
                nodes=[by_key[key] for key in sorted(keys)] + [by_key[key] for key in sorted(shared)],
                relationships=rels,
            )
        )
    return graphs


def _reach(
    start: Iterable[tuple[str, str]], broader: dict[tuple[str, str], list[GraphRelationship]]
) -> set[tuple[str, str]]:
    """The shared nodes and every node above them along BROADER."""
    seen: set[tuple[str, str]] = set()
    stack = list(start)
    while stack:
        key = stack.pop()
        if key in seen:
            continue
        seen.add(key)
        stack.extend((r.target_label, r.target_id) for r in broader.get(key, []))
    return seen


def load_rdf_file(
    path: Path | str, *, rdf_format: str | None = None, base_iri: str | None = None
) -> list[PlanSubgraph]:
    """Read an RDF file into PlanSubgraphs, each validated against the ontology."""
    graphs = plan_subgraphs(read_rdf(path, rdf_format), base_iri)
    for document in graphs:
        try:
            document.validate_against_ontology()
        except (ValueError, KeyError) as exc:
            raise RdfImportError(f"plan {document.plan_id}: {exc}") from exc
    return graphs
