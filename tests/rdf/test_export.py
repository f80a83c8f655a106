"""The RDF export of real stores (embedded LadybugDB and Neo4j) holding the extracted seed plan:
every format parses to the same graph, SHACL finds nothing wrong (and does find a broken indicator),
both backends give the same export rows, and Neo4j → RDF → embedded reproduces the graph."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from rdflib import RDF, Graph, URIRef
from typer.testing import CliRunner, Result

from plankg.cli import app
from plankg.graph import GraphStore, open_store
from plankg.loaders import read_document, to_plan_subgraph
from plankg.loaders.extract import extract_text
from plankg.pipeline import load_path, read_rdf_export
from plankg.rdf import export as rdf_export
from plankg.rdf.export import FORMATS, NODE, export, store_rows
from plankg.rdf.mapping import PK, RdfMapping, class_mappings
from plankg.settings import Settings, get_settings
from tests.support.corpus import SEED_DOCUMENT
from tests.support.rdf import BASE, export_graph, violations
from tests.support.stores import wipe

SECOND_DOCUMENT = SEED_DOCUMENT.with_name("state-council-office-2018-123-government-new-media.txt")


def graph_state(store: GraphStore) -> dict[str, Any]:
    """Every node and link with its properties (nulls dropped: LadybugDB reports other tables'
    columns as null), keyed by type and ids; plus the store's counts."""
    nodes: dict[tuple[str, str], dict[str, Any]] = {}
    links: dict[tuple[str, ...], dict[str, Any]] = {}
    for kind, row in store_rows(store, page_size=97):  # a page size that does not divide the counts
        props = {k: v for k, v in (row["properties"] or {}).items() if v is not None}
        if kind == NODE:
            nodes[(row["label"], props["id"])] = props
        else:
            key = (row["type"], row["source_label"], row["source_id"], row["target_label"], row["target_id"])
            links[key] = props
    counts = store.counts()
    return {"nodes": nodes, "links": links, "node_counts": counts.nodes, "link_counts": counts.relationships}


def test_seed_export_parses_in_every_format_to_the_same_triples(seeded: GraphStore) -> None:
    graphs = {fmt: export_graph(seeded, fmt) for fmt in FORMATS}
    sizes = {fmt: len(graph) for fmt, graph in graphs.items()}
    assert len(set(sizes.values())) == 1, sizes
    reference = graphs["nt"]
    for fmt, graph in graphs.items():
        assert set(graph) == set(reference), fmt
    # Every stored node is one typed resource; every link one qualified link.
    counts = seeded.counts()
    for label, mapping in class_mappings().items():
        assert len(set(reference.subjects(RDF.type, URIRef(mapping.class_iri)))) == counts.nodes[label], label
    assert len(set(reference.subjects(RDF.type, PK.QualifiedLink))) == sum(counts.relationships.values())


def test_ntriples_export_streams_one_line_per_triple(seeded: GraphStore) -> None:
    mapping = RdfMapping(BASE)
    chunks = list(export(seeded, mapping, FORMATS["nt"]))
    lines = b"".join(chunks).decode("utf-8").splitlines()
    assert len(lines) == len(Graph().parse(data="\n".join(lines), format="nt"))


@pytest.mark.parametrize("fmt", ["nt", "ttl"])
def test_export_streams_while_it_reads_the_store(
    seeded: GraphStore, fmt: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The first chunk is written after a few pages of rows are read, long before the last."""
    pages: list[str] = []
    real_run = rdf_export.queries.run

    def counting_run(store: GraphStore, name: str, params: dict[str, Any]) -> list[dict[str, Any]]:
        pages.append(name)
        return real_run(store, name, params)

    monkeypatch.setattr(rdf_export.queries, "run", counting_run)
    chunks = export(seeded, RdfMapping(BASE), FORMATS[fmt], page_size=20)
    next(chunks)
    read_before_first_chunk = len(pages)
    rest = b"".join(chunks)
    assert rest
    # 64 KiB chunks: a few pages of 20 rows fill the first one; the seed takes about 30 pages.
    assert read_before_first_chunk < len(pages) // 2


def test_seed_export_conforms_to_the_shapes(seeded: GraphStore) -> None:
    data = export_graph(seeded, "ttl")
    assert len(data) > 1000
    assert violations(data) == []


def test_shacl_reports_an_indicator_stored_without_value(store: GraphStore) -> None:
    source = read_document(SEED_DOCUMENT)
    graph = to_plan_subgraph(extract_text(source.text, path=source.path, sha256=source.sha256), source.text)
    indicators = [n for n in graph.nodes if n.label == "Indicator"]
    assert indicators, "the seed has indicators"
    broken = indicators[0]
    props = {k: v for k, v in broken.properties.items() if k != "value"}
    graph.nodes[graph.nodes.index(broken)] = broken.model_copy(update={"properties": props})
    store.write_document(graph)
    assert violations(export_graph(store, "ttl")) == [
        (URIRef(RdfMapping(BASE).node_iri("Indicator", broken.id)), PK.value)
    ]


def test_plan_export_holds_the_plan_and_the_vocabulary_it_uses(store: GraphStore) -> None:
    seed = load_path(store, SEED_DOCUMENT)
    other = load_path(store, SECOND_DOCUMENT)
    mapping = RdfMapping(BASE)
    for plan_id, absent in ((seed.plan_id, other.plan_id), (other.plan_id, seed.plan_id)):
        data = export_graph(store, "ttl", plan=plan_id)
        plans = {str(o) for o in data.objects(None, PK.planId)}
        assert plans == {plan_id}
        assert not list(data.triples((URIRef(mapping.node_iri("Plan", absent)), None, None)))
        # Every link end is described in the same file, and the file is valid on its own.
        for link in data.subjects(RDF.type, PK.QualifiedLink):
            for end in (data.value(link, PK.linkSource), data.value(link, PK.linkTarget)):
                assert data.value(end, RDF.type) is not None, end
        assert violations(data) == []
    whole = export_graph(store, "nt")
    parts = export_graph(store, "nt", plan=seed.plan_id) + export_graph(store, "nt", plan=other.plan_id)
    owned = {s for s in whole.subjects(PK.planId, None)}
    assert owned == {s for s in parts.subjects(PK.planId, None)}


@pytest.mark.neo4j
def test_both_backends_give_the_same_export_rows(embedded_store: GraphStore, neo4j_store: GraphStore) -> None:
    """export_nodes / export_relationships have a text per backend; their rows must not differ."""

    def rows(store: GraphStore, plan: str | None = None) -> list[tuple[str, dict[str, Any], dict[str, Any]]]:
        return [
            (
                kind,
                {k: v for k, v in row.items() if k != "properties"},
                {k: v for k, v in (row["properties"] or {}).items() if v is not None},
            )
            for kind, row in store_rows(store, plan=plan, page_size=50)
        ]

    stores = {"embedded": embedded_store, "neo4j": wipe(neo4j_store)}
    plans = {name: load_path(store, SEED_DOCUMENT).plan_id for name, store in stores.items()}
    assert plans["embedded"] == plans["neo4j"]
    whole = {name: rows(store) for name, store in stores.items()}
    assert len(whole["embedded"]) > 400
    assert whole["embedded"] == whole["neo4j"]  # same rows in the same order, page after page
    one_plan = {name: rows(store, plans[name]) for name, store in stores.items()}
    assert one_plan["embedded"] == one_plan["neo4j"]
    assert 0 < len(one_plan["embedded"]) <= len(whole["embedded"])


@pytest.mark.neo4j
def test_neo4j_to_rdf_to_embedded_gives_the_same_graph(neo4j_store: GraphStore, tmp_path: Path) -> None:
    source = wipe(neo4j_store)
    load_path(source, SEED_DOCUMENT)
    load_path(source, SECOND_DOCUMENT)  # two plans sharing concepts and sectors
    dump = tmp_path / "graph.nt"
    dump.write_bytes(b"".join(export(source, RdfMapping(BASE), FORMATS["nt"])))
    target = open_store(Settings(store="embedded", data_dir=tmp_path / "embedded"))
    try:
        for document in read_rdf_export(dump):
            assert target.write_document(document).changed
        before, after = graph_state(source), graph_state(target)
        assert after["node_counts"] == before["node_counts"]
        assert after["link_counts"] == before["link_counts"]
        assert sum(before["link_counts"].values()) > 400  # hundreds of links of every kind
        assert after["links"] == before["links"]
        assert after["nodes"] == before["nodes"]  # search terms included: recomputed as the loader does
        # Loading the same export again changes nothing (same plan ids and sha256).
        assert not any(target.write_document(d).changed for d in read_rdf_export(dump))
    finally:
        target.close()


@pytest.fixture
def plankg(monkeypatch: pytest.MonkeyPatch) -> Iterator[Callable[[list[str], Path], Result]]:
    """Run a plankg command in-process on an embedded store in `data_dir` (settings re-read)."""
    runner = CliRunner()

    def invoke(args: list[str], data_dir: Path) -> Result:
        monkeypatch.setenv("PLANKG_STORE", "embedded")
        monkeypatch.setenv("PLANKG_DATA_DIR", str(data_dir))
        get_settings.cache_clear()
        return runner.invoke(app, args)

    yield invoke
    get_settings.cache_clear()


def test_cli_exports_and_imports_back(plankg: Callable[[list[str], Path], Result], tmp_path: Path) -> None:
    first, second = tmp_path / "first", tmp_path / "second"
    with open_store(Settings(store="embedded", data_dir=first)) as store:
        plan_id = load_path(store, SEED_DOCUMENT).plan_id
        expected = graph_state(store)
    dump = tmp_path / "seed.ttl"
    done = plankg(["export", "--format", "ttl", "--plan", plan_id, "-o", str(dump)], first)
    assert done.exit_code == 0, done.output
    assert len(Graph().parse(dump, format="turtle")) > 1000
    done = plankg(["import-rdf", str(dump)], second)
    assert done.exit_code == 0, done.output
    assert f"loaded: {plan_id}" in done.stdout
    with open_store(Settings(store="embedded", data_dir=second)) as store:
        assert graph_state(store) == expected

    to_stdout = plankg(["export", "--format", "nt"], first)
    assert to_stdout.exit_code == 0
    lines = to_stdout.stdout.splitlines()
    assert len(lines) == len(set(lines)) == len(Graph().parse(data=to_stdout.stdout, format="nt"))


def test_cli_refuses_bad_input_and_writes_nothing(
    plankg: Callable[[list[str], Path], Result], tmp_path: Path
) -> None:
    bad_format = plankg(["export", "--format", "yaml"], tmp_path / "a")
    assert bad_format.exit_code == 2 and "unknown RDF format" in bad_format.stderr
    no_plan = plankg(["export", "--plan", "no-such-plan"], tmp_path / "a")
    assert no_plan.exit_code == 2 and "no plan" in no_plan.stderr
    not_rdf = tmp_path / "notes.ttl"
    not_rdf.write_text("this is not turtle", encoding="utf-8")
    refused = plankg(["import-rdf", str(not_rdf)], tmp_path / "b")
    assert refused.exit_code == 2 and "not valid RDF" in refused.stderr
    with open_store(Settings(store="embedded", data_dir=tmp_path / "b")) as store:
        assert sum(store.counts().nodes.values()) == 0
