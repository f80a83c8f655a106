"""examples/researcher.ipynb runs clean from top to bottom (nbclient, a real Jupyter kernel, real corpus
documents, a temporary store), draws its chart, and is committed without outputs."""

from __future__ import annotations

import os
from pathlib import Path

import nbformat
import pytest
from nbclient import NotebookClient

from tests.support.corpus import REPO

NOTEBOOK = REPO / "examples" / "researcher.ipynb"


def test_committed_without_outputs() -> None:
    notebook = nbformat.read(NOTEBOOK, as_version=4)
    nbformat.validate(notebook)
    for cell in notebook.cells:
        if cell.cell_type == "code":
            assert cell.outputs == [] and cell.execution_count is None, "strip the outputs before committing"


@pytest.mark.timeout(900)
def test_notebook_runs_clean(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PLANKG_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("PLANKG_STORE", "embedded")
    monkeypatch.setenv("MPLBACKEND", "module://matplotlib_inline.backend_inline")
    # the kernel imports this checkout's plankg, whatever is installed
    monkeypatch.setenv("PYTHONPATH", os.pathsep.join([str(REPO), os.environ.get("PYTHONPATH", "")]))
    notebook = nbformat.read(NOTEBOOK, as_version=4)
    client = NotebookClient(
        notebook, timeout=600, kernel_name="python3", resources={"metadata": {"path": str(NOTEBOOK.parent)}}
    )
    client.execute()  # raises CellExecutionError, with the cell and traceback, when a cell fails
    outputs = [output for cell in notebook.cells if cell.cell_type == "code" for output in cell.outputs]
    assert not [o for o in outputs if o.output_type == "error"]
    assert any("image/png" in o.get("data", {}) for o in outputs), "the chart was not drawn"
    html = "".join(o.get("data", {}).get("text/html", "") for o in outputs)
    assert "ConceptTasksAcross:" in html and "betweenness" in html
    assert (tmp_path / "data").is_dir(), "the notebook wrote somewhere else than PLANKG_DATA_DIR"
