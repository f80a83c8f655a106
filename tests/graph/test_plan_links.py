"""Many plans on both backends: regions with their parent chain, comparable metadata, and the
plan-to-plan links the write path makes (CITES, IMPLEMENTS, SUCCEEDS), whichever plan comes first.
Real documents from ../shared/corpus plus edited copies (tests/support/corpus_variants.py)."""

from __future__ import annotations

from pathlib import Path

import pytest

from plankg.graph import GraphStore
from plankg.loaders import extract_document
from plankg.loaders.reading import read_document
from plankg.loaders.regions import chain, resolve_region
from plankg.pipeline import load_path
from tests.support.corpus_variants import other_city, qingdao_13th, qingdao_14th, vocational, write
from tests.support.graphs import links


def titles(store: GraphStore) -> dict[str, str]:
    return {
        row["file"]: row["title"]
        for row in store.read("MATCH (p:Plan) RETURN p.source_path AS file, p.title AS title")
    }


def test_division_chain_comes_from_the_division_table() -> None:
    qingdao = resolve_region("青岛")
    assert qingdao is not None
    assert [(d.name, d.level) for d in chain(qingdao)] == [
        ("青岛市", "city"),
        ("山东省", "province"),
        ("全国", "national"),
    ]
    assert resolve_region("370200") == qingdao
    assert resolve_region("市南区") is not None and chain(resolve_region("市南区"))[1] == qingdao
    assert resolve_region("不存在的地方") is None


def test_metadata_of_a_state_council_plan(tmp_path: Path) -> None:
    [path] = write(tmp_path, vocational())
    plan = extract_document(read_document(path)).plan
    assert (plan.doc_number, plan.issue_date) == ("国发〔2019〕4号", "2019-01-24")
    assert (plan.region_code, plan.region_level) == ("000000", "national")


def test_metadata_of_editions(tmp_path: Path) -> None:
    old, new = (
        extract_document(read_document(p)).plan for p in write(tmp_path, qingdao_13th(), qingdao_14th())
    )
    assert (old.edition_rank, new.edition_rank) == (13, 14)
    assert old.topic == new.topic == "信息化发展规划"
    assert old.series_key == new.series_key
    assert (old.region_code, old.region_level) == ("370200", "city")


@pytest.mark.parametrize("order", ["old-first", "new-first"])
def test_links_resolve_whichever_plan_comes_first(store: GraphStore, tmp_path: Path, order: str) -> None:
    paths = write(tmp_path, qingdao_13th(), vocational(), qingdao_14th())
    if order == "new-first":
        paths.reverse()
    for path in paths:
        load_path(store, path)
    by_file = {Path(k).name: v for k, v in titles(store).items()}
    old, new, national = by_file["qingdao-13th.txt"], by_file["qingdao-14th.txt"], by_file["vocational.txt"]
    assert links(store, "SUCCEEDS") == {(new, old, "edition-series")}
    assert (new, national, "title-match") in links(store, "IMPLEMENTS")
    assert {(new, old, "title-match"), (new, national, "title-match")} <= links(store, "CITES")
    # evidence: the span of the citation in the citing document
    [row] = store.read(
        "MATCH (a:Plan)-[r:IMPLEMENTS]->(b:Plan) "
        "RETURN a.source_text AS text, r.span_start AS s, r.span_end AS e"
    )
    assert row["text"][row["s"] : row["e"]] == "贯彻落实《国家职业教育改革实施方案》"
    # idempotent: loading again (forced) changes no link
    before = (links(store, "CITES"), links(store, "IMPLEMENTS"), links(store, "SUCCEEDS"))
    for path in paths:
        load_path(store, path, force=True)
    assert (links(store, "CITES"), links(store, "IMPLEMENTS"), links(store, "SUCCEEDS")) == before
    counts = store.counts().relationships
    assert (counts["SUCCEEDS"], counts["IMPLEMENTS"]) == (1, 1)


def test_deleting_a_plan_leaves_its_citations_dangling_until_it_returns(
    store: GraphStore, tmp_path: Path
) -> None:
    national, newer = write(tmp_path, vocational(), qingdao_14th())
    first = load_path(store, national)
    load_path(store, newer)
    assert store.counts().relationships["IMPLEMENTS"] == 1
    store.delete_plan(first.plan_id)
    assert store.counts().relationships["IMPLEMENTS"] == 0
    assert store.counts().nodes["Citation"] >= 2  # the newer plan still names both titles
    load_path(store, national)
    assert store.counts().relationships["IMPLEMENTS"] == 1


def test_plans_in_a_province_include_its_cities(store: GraphStore, tmp_path: Path) -> None:
    for path in write(tmp_path, qingdao_13th(), other_city("济南"), other_city("杭州"), vocational()):
        load_path(store, path)
    rows = store.read(
        "MATCH (p:Plan)-[:IN_REGION]->(:Region)-[:WITHIN*0..3]->(a:Region {code: $code}) "
        "RETURN p.region AS region",
        {"code": "370000"},
    )
    assert sorted(row["region"] for row in rows) == ["济南", "青岛"]
    regions = {
        row["code"]: row["level"]
        for row in store.read("MATCH (r:Region) RETURN r.code AS code, r.level AS level")
    }
    assert regions == {
        "000000": "national",
        "370000": "province",
        "370200": "city",
        "370100": "city",
        "330000": "province",
        "330100": "city",
    }


def test_rdf_export_carries_plan_links_and_metadata_in_standard_terms(
    store: GraphStore, tmp_path: Path
) -> None:
    import pyshacl
    from rdflib import RDF, XSD, Graph, Literal, Namespace, URIRef
    from rdflib.namespace import DCTERMS, PROV, SKOS

    from plankg.rdf.export import FORMATS, export
    from plankg.rdf.mapping import RdfMapping
    from tests.support.rdf import shapes

    eli = Namespace("http://data.europa.eu/eli/ontology#")
    old, national, new = (
        load_path(store, p) for p in write(tmp_path, qingdao_13th(), vocational(), qingdao_14th())
    )
    mapping = RdfMapping("https://w3id.org/plankg/id/")
    data = Graph().parse(data=b"".join(export(store, mapping, FORMATS["ttl"])), format="turtle")
    iri = {o.plan_id: URIRef(mapping.node_iri("Plan", o.plan_id)) for o in (old, national, new)}
    assert (iri[new.plan_id], PROV.wasRevisionOf, iri[old.plan_id]) in data
    assert (iri[new.plan_id], DCTERMS.references, iri[national.plan_id]) in data
    assert (iri[national.plan_id], eli.id_local, Literal("国发〔2019〕4号")) in data
    assert (iri[national.plan_id], eli.date_document, Literal("2019-01-24", datatype=XSD.date)) in data
    qingdao = URIRef(mapping.node_iri("Region", "region-370200"))
    assert (qingdao, RDF.type, SKOS.Concept) in data
    assert (qingdao, SKOS.notation, Literal("370200")) in data
    assert (qingdao, SKOS.broader, URIRef(mapping.node_iri("Region", "region-370000"))) in data
    conforms, _, report = pyshacl.validate(data, shacl_graph=shapes(), inference="none")
    assert conforms, report
