"""The RDF mapping and serialisers on hand-built graphs (no store): every format parses to the same
graph, N-Triples escaping survives a real parser, SHACL accepts good data and names bad data, and
RDF reads back to the same nodes and links."""

from __future__ import annotations

import json
from pathlib import Path

import pyshacl
import pytest
from rdflib import RDF, Graph, Literal, Namespace, URIRef
from rdflib.compare import isomorphic
from rdflib.namespace import SH

from plankg.ontology.records import PlanSubgraph
from plankg.ontology.schema import load_schema
from plankg.pipeline import read_rdf_export
from plankg.rdf.export import FORMATS, ntriples_line, serialize, to_rdflib_graph
from plankg.rdf.importer import infer_base_iri, plan_subgraphs
from plankg.rdf.mapping import PK, Lit, RdfMapping, class_mappings, jsonld_context, link_mappings
from tests.support.rdf import BASE, shapes
from tests.support.rdf_sample import DOC_ID, SOURCE_TEXT, covers_ontology, sample_graph

PKSH = Namespace("https://w3id.org/plankg/shapes#")


def export_bytes(graph: PlanSubgraph, fmt: str, base: str = BASE) -> bytes:
    mapping = RdfMapping(base)
    return b"".join(serialize(mapping.graph_triples(graph), FORMATS[fmt], mapping))


def parsed(graph: PlanSubgraph, fmt: str, base: str = BASE) -> Graph:
    return Graph().parse(data=export_bytes(graph, fmt, base), format=FORMATS[fmt].rdflib_format)


def comparable(
    graph: PlanSubgraph,
) -> tuple[dict[tuple[str, str], dict[str, object]], dict[tuple[str, ...], dict]]:
    """Nodes and links by key; store-only search terms left out, lists as sorted (RDF values are sets)."""
    nodes = {
        (n.label, n.id): {
            k: sorted(v) if isinstance(v, list) else v for k, v in n.properties.items() if k != "terms"
        }
        for n in graph.nodes
    }
    links = {
        (r.type, r.source_label, r.source_id, r.target_label, r.target_id): dict(r.properties)
        for r in graph.relationships
    }
    return nodes, links


def test_sample_covers_every_label_and_relationship_type() -> None:
    assert covers_ontology(sample_graph())


def test_every_format_parses_to_the_same_graph() -> None:
    graph = sample_graph()
    reference = to_rdflib_graph(RdfMapping(BASE).graph_triples(graph))
    counts = {}
    for fmt in FORMATS:
        result = parsed(graph, fmt)
        counts[fmt] = len(result)
        assert isomorphic(result, reference), fmt
    assert len(set(counts.values())) == 1 and counts["nt"] == len(reference) > 100


def test_ntriples_stream_has_one_line_per_distinct_triple() -> None:
    data = export_bytes(sample_graph(), "nt").decode("utf-8")
    lines = data.splitlines()
    assert len(lines) == len(set(lines)) == len(Graph().parse(data=data, format="nt"))
    assert all(line.endswith(" .") for line in lines)


@pytest.mark.parametrize(
    "text",
    [
        'quote " backslash \\ newline \n return \r tab \t',
        "controls \x00\x01\x08\x0b\x0c\x1f\x7f end",
        "智慧社区 — ＩＰｖ６ 𠀋 emoji 🚀 and \u2028 line separator",
        "\\u0041 is not an escape here, nor is \\n",
        "",
    ],
)
def test_ntriples_literals_survive_a_real_parser(text: str) -> None:
    line = ntriples_line(("http://example.org/s", "http://example.org/p", Lit(text, None, "zh")))
    result = Graph().parse(data=line, format="nt")
    (obj,) = list(result.objects())
    assert obj == Literal(text, lang="zh")
    typed = ntriples_line(("http://example.org/s", "http://example.org/p", Lit(text)))
    (plain,) = list(Graph().parse(data=typed, format="nt").objects())
    assert str(plain) == text and plain.datatype is None and plain.language is None


@pytest.mark.parametrize("node_id", ["a b", "x/y", "q?#frag", "100%", "<tag>", "ümlaut", "t{1}|^`\\"])
def test_awkward_ids_make_valid_iris_that_read_back(node_id: str) -> None:
    mapping = RdfMapping(BASE)
    iri = mapping.node_iri("Task", node_id)
    assert mapping.parse_node_iri(iri) == ("Task", node_id)
    line = ntriples_line((iri, str(RDF.type), str(PK.Task)))
    (subject,) = list(Graph().parse(data=line, format="nt").subjects())
    assert str(subject) == iri


def test_datatypes_follow_the_ontology_ranges() -> None:
    result = parsed(sample_graph(), "ttl")
    indicator = URIRef(f"{BASE}indicator/qd-info-13-i1")
    value = result.value(indicator, PK.value)
    assert value is not None and value.datatype == URIRef("http://www.w3.org/2001/XMLSchema#decimal")
    year = result.value(indicator, PK.targetYear)
    assert year is not None and str(year) == "2020" and year.datatype.endswith("#gYear")
    label = result.value(indicator, URIRef("http://www.w3.org/2000/01/rdf-schema#label"))
    assert label is not None and label.language == "zh"
    score = next(result.objects(None, PK.score))
    assert score.datatype.endswith("#double")


def test_no_store_only_property_is_exported() -> None:
    store_only = {p.iri for spec in load_schema().nodes.values() for p in spec.properties if p.store_only}
    result = parsed(sample_graph(), "nt")
    assert store_only and not set(result.predicates()) & store_only


def test_relationships_keep_score_method_and_evidence_as_qualified_links() -> None:
    result = parsed(sample_graph(), "ttl")
    task, goal = URIRef(f"{BASE}task/qd-info-13-t1"), URIRef(f"{BASE}goal/qd-info-13-g1")
    assert (task, PK.supports, goal) in result
    (link,) = [
        lk for lk in result.subjects(PK.linkType, PK.supports) if result.value(lk, PK.linkSource) == task
    ]
    assert result.value(link, PK.linkTarget) == goal
    assert float(result.value(link, PK.score)) == pytest.approx(0.72)
    assert str(result.value(link, PK.method)) == "term-overlap"
    span = result.value(link, PK.evidence)
    start, end = int(result.value(span, PK.start)), int(result.value(span, PK.end))
    assert SOURCE_TEXT[start:end] == "建设智慧社区"
    assert str(result.value(span, URIRef("http://purl.org/dc/terms/isPartOf"))).endswith(f"document/{DOC_ID}")


def test_jsonld_carries_the_published_context_inline() -> None:
    document = json.loads(export_bytes(sample_graph(), "jsonld"))
    assert document["@context"] == jsonld_context()
    # Compaction worked: terms, not full IRIs, name the properties.
    entries = document["@graph"]
    assert any("supports" in entry for entry in entries)
    assert not any(key.startswith("http") for entry in entries for key in entry)


def test_context_defines_every_predicate_the_export_uses() -> None:
    context = jsonld_context()
    prefixes = {k: v for k, v in context.items() if isinstance(v, str) and v.startswith("http")}

    def expand(value: str) -> str:
        prefix, _, local = value.partition(":")
        return prefixes[prefix] + local if prefix in prefixes else value

    defined = {expand(v if isinstance(v, str) else v["@id"]) for k, v in context.items() if k not in prefixes}
    used = {str(p) for p in parsed(sample_graph(), "nt").predicates()} - {str(RDF.type)}
    assert used <= defined


def test_shacl_accepts_the_sample() -> None:
    conforms, _, text = pyshacl.validate(
        parsed(sample_graph(), "ttl"), shacl_graph=shapes(), inference="none"
    )
    assert conforms, text


def test_shacl_reports_an_indicator_without_value() -> None:
    conforms, report, _ = pyshacl.validate(
        parsed(sample_graph(with_value=False), "ttl"), shacl_graph=shapes(), inference="none"
    )
    assert not conforms
    results = list(report.subjects(RDF.type, SH.ValidationResult))
    assert len(results) == 1
    assert report.value(results[0], SH.focusNode) == URIRef(f"{BASE}indicator/qd-info-13-i1")
    assert report.value(results[0], SH.resultPath) == PK.value


def test_shacl_reports_a_comparator_outside_the_list_and_a_missing_span() -> None:
    data = parsed(sample_graph(), "ttl")
    indicator, task = URIRef(f"{BASE}indicator/qd-info-13-i1"), URIRef(f"{BASE}task/qd-info-13-t1")
    data.set((indicator, PK.comparator, Literal("about")))
    data.remove((task, PK.evidence, None))
    conforms, report, _ = pyshacl.validate(data, shacl_graph=shapes(), inference="none")
    assert not conforms
    flagged = {
        (report.value(r, SH.focusNode), report.value(r, SH.resultPath))
        for r in report.subjects(RDF.type, SH.ValidationResult)
    }
    assert flagged == {(indicator, PK.comparator), (task, PK.evidence)}


@pytest.mark.parametrize(
    ("path", "bad"),
    [(PK.targetKind, "about 15%"), (PK.changeDirection, "sideways"), (PK.indicatorAttribute, "约束性")],
)
def test_shacl_reports_a_target_kind_direction_or_attribute_outside_its_list(path: URIRef, bad: str) -> None:
    data = parsed(sample_graph(), "ttl")
    indicator = URIRef(f"{BASE}indicator/qd-info-13-i1")
    assert data.value(indicator, path) is not None  # the sample carries every indicator property
    data.set((indicator, path, Literal(bad)))
    conforms, report, _ = pyshacl.validate(data, shacl_graph=shapes(), inference="none")
    assert not conforms
    flagged = {
        (report.value(r, SH.focusNode), report.value(r, SH.resultPath))
        for r in report.subjects(RDF.type, SH.ValidationResult)
    }
    assert flagged == {(indicator, path)}


def test_shapes_cover_every_class_and_link_type() -> None:
    graph = shapes()
    targeted = set(graph.objects(None, SH.targetClass))
    assert {URIRef(m.class_iri) for m in class_mappings().values()} <= targeted
    link_type_lists = [
        list(graph.items(graph.value(prop, SH["in"])))
        for prop in graph.subjects(SH.path, PK.linkType)
        if graph.value(prop, SH["in"]) is not None
    ]
    assert [set(items) for items in link_type_lists] == [
        {URIRef(m.link_type_iri) for m in link_mappings().values()}
    ]


@pytest.mark.parametrize("fmt", list(FORMATS))
def test_rdf_reads_back_to_the_same_nodes_and_links(fmt: str) -> None:
    original = sample_graph()
    (back,) = plan_subgraphs(parsed(original, fmt))
    assert back.plan_id == original.plan_id and back.source_sha256 == original.source_sha256
    assert comparable(back) == comparable(original)
    back.validate_against_ontology()


def test_an_export_read_back_gets_its_search_terms_recomputed(tmp_path: Path) -> None:
    dump = tmp_path / "plan.ttl"
    mapping = RdfMapping(BASE)
    dump.write_bytes(b"".join(serialize(mapping.graph_triples(sample_graph()), FORMATS["ttl"], mapping)))
    (back,) = read_rdf_export(dump)
    assert comparable(back) == comparable(sample_graph())
    assert all(n.properties.get("terms") for n in back.nodes if n.label in ("Task", "Goal"))


def test_another_base_iri_is_used_and_read_from_the_data() -> None:
    base = "http://data.example.gov.cn/plankg/"
    data = parsed(sample_graph(), "nt", base=base)
    assert all(str(s).startswith(base) for s in data.subjects())
    assert infer_base_iri(data) == base
    (back,) = plan_subgraphs(data)
    assert comparable(back) == comparable(sample_graph())


def test_two_plans_sharing_concepts_split_into_one_graph_each() -> None:
    first, second = sample_graph("plan-a"), sample_graph("plan-b")
    mapping = RdfMapping(BASE)
    merged = to_rdflib_graph([*mapping.graph_triples(first), *mapping.graph_triples(second)])
    graphs = {g.plan_id: g for g in plan_subgraphs(merged)}
    assert set(graphs) == {"plan-a", "plan-b"}
    for plan_id, original in (("plan-a", first), ("plan-b", second)):
        assert comparable(graphs[plan_id]) == comparable(original)


def test_sector_codes_link_to_described_code_list_entries() -> None:
    result = parsed(sample_graph(), "ttl")
    skos = Namespace("http://www.w3.org/2004/02/skos/core#")
    sector = URIRef(f"{BASE}sector/sector-community-services")
    assert {str(n) for n in result.objects(sector, skos.notation)} == {"COFOG:10.7", "GB4754:O80"}
    cofog = URIRef(f"{BASE}codelist/cofog/10.7")
    gb = URIRef(f"{BASE}codelist/gb4754-2017/O80")
    assert set(result.objects(sector, skos.closeMatch)) == {cofog, gb}
    assert str(result.value(cofog, skos.notation)) == "10.7"
    assert result.value(cofog, skos.prefLabel) == Literal("Social exclusion n.e.c.", lang="en")
    assert (result.value(cofog, skos.inScheme), RDF.type, skos.ConceptScheme) in result
    assert result.value(gb, skos.prefLabel) is None and str(result.value(gb, skos.notation)) == "O80"
