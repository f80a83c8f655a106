"""Writers of GraphTables for the tools researchers use, through the well-kept libraries of the
`analysis` extra: CSV (UTF-8 with BOM, so Excel reads Chinese) and Excel via pandas and openpyxl,
Parquet via pyarrow, GraphML and GEXF via NetworkX.

Every file is written beside its target and renamed into place, so a failed export leaves no half file.
"""

from __future__ import annotations

import importlib
import io
import zipfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from types import ModuleType
from typing import IO, TYPE_CHECKING, Any

from plankg.analysis.tables import ColumnType, GraphTables, Table

if TYPE_CHECKING:
    import networkx as nx
    import pandas as pd
    import pyarrow as pa

FORMATS = ("csv", "xlsx", "parquet", "graphml", "gexf")
LIST_SEPARATOR = "|"  # how a list (alt names, codes) stands in one CSV, Excel or GraphML cell
EXCEL_CELL_LIMIT = 32767  # characters Excel holds in one cell


class AnalysisExtraMissing(RuntimeError):
    """A library of the `analysis` extra is not installed."""


def require(module: str, fmt: str) -> ModuleType:
    try:
        return importlib.import_module(module)
    except ImportError:
        raise AnalysisExtraMissing(
            f"the {fmt} export needs {module.split('.')[0]}: pip install 'plankg[analysis]'"
        ) from None


# ---------------------------------------------------------------- typed frames


def _arrow_type(kind: ColumnType) -> pa.DataType:
    pa = require("pyarrow", "parquet")
    return {
        "string": pa.string(),
        "int": pa.int64(),
        "float": pa.float64(),
        "bool": pa.bool_(),
        "list": pa.list_(pa.string()),
    }[kind]


def to_arrow(table: Table) -> pa.Table:
    """The table with a schema from its column types (ints stay ints with nulls, lists stay lists)."""
    pa = require("pyarrow", "parquet")
    schema = pa.schema([pa.field(c.name, _arrow_type(c.type)) for c in table.columns])
    return pa.Table.from_pylist(table.rows, schema=schema)


def to_pandas(table: Table, *, flat_lists: bool = False) -> pd.DataFrame:
    """A DataFrame with pandas' nullable dtypes (Int64, Float64, boolean, string); lists stay Python
    lists unless `flat_lists` joins them with LIST_SEPARATOR for a spreadsheet cell."""
    pd = require("pandas", "table")
    dtypes = {
        "string": pd.StringDtype(),
        "int": pd.Int64Dtype(),
        "float": pd.Float64Dtype(),
        "bool": pd.BooleanDtype(),
        "list": object,
    }
    rows = table.rows
    if flat_lists:
        lists = [c.name for c in table.columns if c.type == "list"]
        rows = [{**row, **{name: _joined(row[name]) for name in lists}} for row in rows]
    frame = pd.DataFrame.from_records(rows, columns=table.column_names)
    for column in table.columns:
        kind = "string" if flat_lists and column.type == "list" else column.type
        frame[column.name] = frame[column.name].astype(dtypes[kind])
    return frame


def _joined(value: list[str] | None) -> str | None:
    return None if value is None else LIST_SEPARATOR.join(value)


# ---------------------------------------------------------------- network


def to_networkx(tables: GraphTables) -> nx.MultiDiGraph:
    """A directed multigraph: nodes keyed by id with `label` (the Chinese name, Gephi's node label),
    `type` (the node label: Goal, Task …) and their table's columns; edges keyed by relationship type
    with `label` (the type), `weight` (the score, 1.0 for a structural link without one), `score`,
    `method`, `evidence` and the plan columns. Nulls are left out and lists joined with
    LIST_SEPARATOR, as GraphML and GEXF hold scalars only."""
    nx = require("networkx", "network")
    graph = nx.MultiDiGraph()
    for table in tables.nodes.values():
        for row in table.rows:
            attributes = _scalars(row, table, skip={"id", "name"})
            graph.add_node(row["id"], label=row.get("name") or row["id"], type=table.name, **attributes)
    for table in tables.links.values():
        for row in table.rows:
            attributes = _scalars(
                row,
                table,
                skip={f"{end}_{part}" for end in ("source", "target") for part in ("id", "type", "name")},
            )
            score = row.get("score")
            graph.add_edge(
                row["source_id"],
                row["target_id"],
                key=table.name,
                label=table.name,
                weight=1.0 if score is None else score,
                **attributes,
            )
    return graph


def _scalars(row: dict[str, Any], table: Table, *, skip: set[str]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for column in table.columns:
        value = row.get(column.name)
        if column.name in skip or value is None:
            continue
        out[column.name] = _joined(value) if column.type == "list" else value
    return out


# ---------------------------------------------------------------- files


@contextmanager
def _atomic(path: Path) -> Iterator[Path]:
    """A path to write instead of `path`, renamed onto it only when the block succeeds."""
    partial = path.with_name(path.name + ".partial")
    try:
        yield partial
        partial.replace(path)
    finally:
        partial.unlink(missing_ok=True)


def csv_bytes(table: Table) -> bytes:
    text: str = to_pandas(table, flat_lists=True).to_csv(index=False)
    return text.encode("utf-8-sig")


def write_csv(tables: GraphTables, output: Path) -> list[Path]:
    """One <table>.csv per table, into a .zip when `output` ends so, else into the folder `output`."""
    if output.suffix.lower() == ".zip":
        with _atomic(output) as partial, zipfile.ZipFile(partial, "w", zipfile.ZIP_DEFLATED) as archive:
            for table in tables.tables():
                archive.writestr(f"{table.name}.csv", csv_bytes(table))
        return [output]
    return _write_folder(tables, output, "csv", lambda table, sink: sink.write(csv_bytes(table)))


def write_parquet(tables: GraphTables, output: Path) -> list[Path]:
    """One <table>.parquet per table into the folder `output`, typed from the ontology."""
    parquet = require("pyarrow.parquet", "parquet")
    return _write_folder(
        tables, output, "parquet", lambda table, sink: parquet.write_table(to_arrow(table), sink)
    )


def _write_folder(
    tables: GraphTables, output: Path, suffix: str, write_one: Callable[[Table, IO[bytes]], object]
) -> list[Path]:
    if output.exists() and not output.is_dir():
        raise FileExistsError(f"{output} exists and is not a folder")
    output.mkdir(parents=True, exist_ok=True)
    written = []
    for table in tables.tables():
        path = output / f"{table.name}.{suffix}"
        with _atomic(path) as partial, partial.open("wb") as sink:
            write_one(table, sink)
        written.append(path)
    return written


def write_xlsx(tables: GraphTables, output: Path) -> list[Path]:
    """One sheet per table. Characters Excel refuses (C0 controls) are dropped and a cell is cut at
    Excel's 32,767 characters; the other formats keep the text whole."""
    pd = require("pandas", "xlsx")
    require("openpyxl", "xlsx")
    illegal = require("openpyxl.cell.cell", "xlsx").ILLEGAL_CHARACTERS_RE
    with _atomic(output) as partial, pd.ExcelWriter(partial, engine="openpyxl") as workbook:
        for table in tables.tables():
            frame = to_pandas(table, flat_lists=True)
            for column in table.columns:
                if column.type in ("string", "list"):
                    frame[column.name] = frame[column.name].map(
                        lambda v: illegal.sub("", v)[:EXCEL_CELL_LIMIT], na_action="ignore"
                    )
            frame.to_excel(workbook, sheet_name=table.name, index=False)
    return [output]


def write_network(tables: GraphTables, fmt: str, sink: Path | IO[bytes]) -> None:
    """GraphML or GEXF (1.2, node labels and declared attributes, as Gephi reads) of the tables."""
    nx = require("networkx", fmt)
    graph = to_networkx(tables)
    writer = nx.write_graphml if fmt == "graphml" else nx.write_gexf
    if isinstance(sink, Path):
        with _atomic(sink) as partial:
            writer(graph, partial)
        return
    buffer = io.BytesIO()
    writer(graph, buffer)
    sink.write(buffer.getvalue())


def write(tables: GraphTables, fmt: str, output: Path) -> list[Path]:
    """Write the tables in one of FORMATS to `output`; returns the files written."""
    if fmt == "csv":
        return write_csv(tables, output)
    if fmt == "xlsx":
        return write_xlsx(tables, output)
    if fmt == "parquet":
        return write_parquet(tables, output)
    if fmt in ("graphml", "gexf"):
        write_network(tables, fmt, output)
        return [output]
    raise ValueError(f"unknown analysis format {fmt!r}; choose one of {', '.join(FORMATS)}")
