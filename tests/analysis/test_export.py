"""`plankg export --format csv|xlsx|parquet|graphml|gexf`: the graph for analysis tools, read back by
pandas, openpyxl, pyarrow and NetworkX with the counts the store reports (`plankg stats`), on both
backends."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
import zipfile
from collections import Counter
from pathlib import Path

import networkx as nx
import openpyxl
import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from typer.testing import CliRunner

from plankg import queries
from plankg.analysis import writers
from plankg.analysis.tables import GraphTables, read_graph_tables
from plankg.cli import app
from plankg.graph import Counts, GraphStore
from tests.support.api import seed_text
from tests.support.corpus import SEED_DOCUMENT

PLAN_COLUMNS = ["plan_id", "plan_title", "plan_region", "plan_period_start", "plan_period_end", "plan_issuer"]


@pytest.fixture(scope="module")
def exported(seeded: GraphStore) -> tuple[GraphTables, Counts]:
    return read_graph_tables(seeded), seeded.counts()


def table_counts(counts: Counts) -> dict[str, int]:
    """The store's counts per label and type, leaving out the zeros (an empty table has no rows to
    compare; a backend may list a declared label with no node)."""
    return nonempty({**counts.nodes, **counts.relationships})


def nonempty(sizes: dict[str, int]) -> dict[str, int]:
    return {name: size for name, size in sizes.items() if size}


def test_tables_hold_what_the_store_counts(exported: tuple[GraphTables, Counts]) -> None:
    tables, counts = exported
    assert nonempty({t.name: len(t.rows) for t in tables.tables()}) == table_counts(counts)
    assert set(tables.nodes) >= set(counts.nodes) and set(tables.links) >= set(counts.relationships)


def test_plan_columns_stand_beside_each_goal_task_and_indicator(exported: tuple[GraphTables, Counts]) -> None:
    tables, _ = exported
    (plan,) = tables.nodes["Plan"].rows
    assert plan["title"] and "青岛" in plan["title"] and plan["period_start"] < plan["period_end"]
    for label in ("Goal", "Task", "Indicator", "Direction"):
        rows = tables.nodes[label].rows
        assert rows, label
        for row in rows:
            assert [row[c] for c in PLAN_COLUMNS] == [
                plan["id"],
                plan["title"],
                plan["region"],
                plan["period_start"],
                plan["period_end"],
                plan["issuer"],
            ]
    measured = [r for r in tables.nodes["Indicator"].rows if r["goal_id"] or r["task_id"]]
    assert len(measured) == len(tables.links["MEASURES"].rows)
    subtasks = [r for r in tables.nodes["Task"].rows if r["parent_id"]]
    assert len(subtasks) == len(tables.links["PART_OF"].rows)


def test_links_carry_score_method_and_the_evidence_text(exported: tuple[GraphTables, Counts]) -> None:
    tables, _ = exported
    text = seed_text()
    supports = tables.links["SUPPORTS"].rows
    assert supports
    for row in supports:
        assert 0 < row["score"] <= 1 and row["method"]
        assert row["evidence"] == text[row["span_start"] : row["span_end"]] and row["evidence"]
        assert row["source_type"] == "Task" and row["target_type"] == "Goal"
        assert row["source_name"] and row["target_name"] and row["plan_title"]


def test_csv_folder_and_zip_read_back_by_pandas(exported: tuple[GraphTables, Counts], tmp_path: Path) -> None:
    tables, counts = exported
    written = writers.write(tables, "csv", tmp_path / "csv")
    assert len(written) == len(tables.tables())
    sizes = {}
    for path in written:
        assert path.read_bytes().startswith(b"\xef\xbb\xbf"), "Excel needs the BOM to read UTF-8"
        frame = pd.read_csv(path, encoding="utf-8-sig")
        sizes[path.stem] = len(frame)
    assert nonempty(sizes) == table_counts(counts)
    goals = pd.read_csv(tmp_path / "csv" / "Goal.csv", encoding="utf-8-sig")
    assert list(goals["plan_title"].unique()) == [tables.nodes["Plan"].rows[0]["title"]]
    assert goals["plan_period_start"].dtype.kind == "i", "ints stay ints, not 2016.0"

    (archive_path,) = writers.write(tables, "csv", tmp_path / "tables.zip")
    with zipfile.ZipFile(archive_path) as archive:
        assert sorted(archive.namelist()) == sorted(f"{t.name}.csv" for t in tables.tables())
        with archive.open("Indicator.csv") as member:
            assert len(pd.read_csv(member, encoding="utf-8-sig")) == counts.nodes["Indicator"]


def test_xlsx_has_one_sheet_per_table(exported: tuple[GraphTables, Counts], tmp_path: Path) -> None:
    tables, counts = exported
    (path,) = writers.write(tables, "xlsx", tmp_path / "graph.xlsx")
    workbook = openpyxl.load_workbook(path, read_only=True)
    assert workbook.sheetnames == [t.name for t in tables.tables()]
    sizes = {name: sum(1 for _ in workbook[name].iter_rows(min_row=2)) for name in workbook.sheetnames}
    assert nonempty(sizes) == table_counts(counts)
    header = [cell.value for cell in next(workbook["Task"].iter_rows(max_row=1))]
    assert header == tables.nodes["Task"].column_names
    names = {row[1] for row in workbook["Goal"].iter_rows(min_row=2, values_only=True)}
    assert names == {row["name"] for row in tables.nodes["Goal"].rows}


def test_parquet_keeps_the_types(exported: tuple[GraphTables, Counts], tmp_path: Path) -> None:
    tables, counts = exported
    written = writers.write(tables, "parquet", tmp_path / "parquet")
    sizes = {path.stem: pq.read_table(path).num_rows for path in written}
    assert nonempty(sizes) == table_counts(counts)
    indicators = pq.read_table(tmp_path / "parquet" / "Indicator.parquet").schema
    assert indicators.field("value").type == pa.float64()
    assert indicators.field("target_year").type == pa.int64()
    assert indicators.field("plan_period_start").type == pa.int64()
    assert pq.read_table(tmp_path / "parquet" / "Sector.parquet").schema.field("codes").type == pa.list_(
        pa.string()
    )
    assert (
        pq.read_table(tmp_path / "parquet" / "Concept.parquet").schema.field("candidate").type == pa.bool_()
    )
    assert pq.read_table(tmp_path / "parquet" / "SUPPORTS.parquet").schema.field("score").type == pa.float64()


@pytest.mark.parametrize("fmt", ["graphml", "gexf"])
def test_network_files_read_back_by_networkx(
    exported: tuple[GraphTables, Counts], tmp_path: Path, fmt: str
) -> None:
    tables, counts = exported
    path = tmp_path / f"graph.{fmt}"
    writers.write(tables, fmt, path)
    graph = nx.read_graphml(path) if fmt == "graphml" else nx.read_gexf(path)
    assert graph.is_directed()
    assert Counter(data["type"] for _, data in graph.nodes(data=True)) == Counter(counts.nodes)
    assert Counter(data["label"] for _, _, data in graph.edges(data=True)) == Counter(counts.relationships)
    goal = tables.nodes["Goal"].rows[0]
    assert graph.nodes[goal["id"]]["label"] == goal["name"]  # the Chinese label
    assert graph.nodes[goal["id"]]["plan_title"] == goal["plan_title"]
    support = tables.links["SUPPORTS"].rows[0]
    found = graph.get_edge_data(support["source_id"], support["target_id"])
    # the readers return a simple DiGraph when no two links share their ends
    (edge,) = [d for d in found.values() if d["label"] == "SUPPORTS"] if graph.is_multigraph() else [found]
    assert float(edge["score"]) == support["score"] and edge["method"] == support["method"]
    assert edge["evidence"] == support["evidence"]


def test_gexf_declares_attributes_and_labels_every_node(
    exported: tuple[GraphTables, Counts], tmp_path: Path
) -> None:
    """What Gephi reads: <attributes> declared per class, a label on each node, weights on edges."""
    tables, counts = exported
    path = tmp_path / "graph.gexf"
    writers.write(tables, "gexf", path)
    root = ET.parse(path).getroot()
    ns = {"g": root.tag.split("}")[0].strip("{")}
    declared = {
        block.get("class"): {a.get("title"): a.get("type") for a in block.findall("g:attribute", ns)}
        for block in root.iter(f"{{{ns['g']}}}attributes")
    }
    assert declared["node"]["type"] == "string" and declared["node"]["plan_period_start"] in (
        "long",
        "integer",
    )
    assert declared["edge"]["score"] == "double"
    nodes = root.findall(".//g:nodes/g:node", ns)
    assert len(nodes) == sum(counts.nodes.values())
    assert all(node.get("label") for node in nodes)
    edges = root.findall(".//g:edges/g:edge", ns)
    assert len(edges) == sum(counts.relationships.values())
    assert all(float(edge.get("weight")) > 0 for edge in edges)


def test_one_plan_only(seeded: GraphStore, tmp_path: Path) -> None:
    plan_id = queries.run(seeded, "plans", {})[0]["id"]
    tables = read_graph_tables(seeded, plan=plan_id)
    for label in ("Goal", "Task", "Indicator"):
        assert {row["plan_id"] for row in tables.nodes[label].rows} == {plan_id}
    mentioned = {row["target_id"] for row in tables.links["MENTIONS"].rows}
    assert mentioned <= {row["id"] for row in tables.nodes["Concept"].rows}


def test_cli_writes_each_format_and_refuses_bad_input(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PLANKG_STORE", "embedded")
    monkeypatch.setenv("PLANKG_DATA_DIR", str(tmp_path / "data"))
    runner = CliRunner()
    assert runner.invoke(app, ["load", str(SEED_DOCUMENT)]).exit_code == 0
    stats = json.loads(runner.invoke(app, ["stats", "--json"]).stdout)
    assert runner.invoke(app, ["export", "-f", "csv", "-o", str(tmp_path / "g.zip")]).exit_code == 0
    with zipfile.ZipFile(tmp_path / "g.zip") as archive:
        sizes = {
            Path(n).stem: len(pd.read_csv(archive.open(n), encoding="utf-8-sig")) for n in archive.namelist()
        }
    assert nonempty(sizes) == nonempty({**stats["nodes"], **stats["relationships"]})
    result = runner.invoke(app, ["export", "-f", "xlsx", "-o", str(tmp_path / "g.xlsx")])
    assert result.exit_code == 0, result.output
    assert "Concept" in openpyxl.load_workbook(tmp_path / "g.xlsx").sheetnames
    result = runner.invoke(app, ["export", "-f", "graphml"])
    assert result.exit_code == 0 and result.stdout.startswith("<?xml")
    missing_output = runner.invoke(app, ["export", "-f", "parquet"])
    assert missing_output.exit_code == 2 and "-o PATH" in missing_output.output
    unknown_plan = runner.invoke(
        app, ["export", "-f", "csv", "--plan", "plan-nope", "-o", str(tmp_path / "x")]
    )
    assert unknown_plan.exit_code == 2 and "plan-nope" in unknown_plan.output
    assert not (tmp_path / "x").exists()
