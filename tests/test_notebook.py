"""The example notebook (docs/notebooks/debate.ipynb) runs in a real Jupyter kernel.

nbclient starts the "python3" kernel (ipykernel's, installed by scripts/setup) with this
process's environment, so the kernel imports this checkout and reads the corpus built
for the tests through $SCOMM_OUT.
"""

from __future__ import annotations

import re
import time
from pathlib import Path

import pytest

from graph.api import open_graph
from graph.folders import Project

NOTEBOOK = Path(__file__).resolve().parent.parent / "docs" / "notebooks" / "debate.ipynb"


def test_the_example_notebook_runs_in_a_jupyter_kernel(corpus_built: Project, monkeypatch: pytest.MonkeyPatch,
                                                        tmp_path: Path) -> None:
    import nbformat
    from jupyter_client.kernelspec import KernelSpecManager
    from nbclient import NotebookClient

    assert "python3" in KernelSpecManager().find_kernel_specs(), "no python3 kernel: run scripts/setup"
    monkeypatch.setenv("SCOMM_OUT", str(corpus_built.out_dir))
    monkeypatch.setenv("MPLBACKEND", "module://matplotlib_inline.backend_inline")
    notebook = nbformat.read(NOTEBOOK, as_version=4)
    assert all(not c.get("outputs") for c in notebook.cells if c.cell_type == "code"), "stored without outputs"
    started = time.perf_counter()
    NotebookClient(notebook, timeout=300, kernel_name="python3", resources={"metadata": {"path": str(tmp_path)}}).execute()
    print(f"notebook ran in {time.perf_counter() - started:.1f} s")
    outputs = [o for c in notebook.cells if c.cell_type == "code" for o in c.outputs]
    assert not [o for o in outputs if o.output_type == "error"]
    text = "\n".join(o.get("text", "") + o.get("data", {}).get("text/plain", "") for o in outputs)
    # typed columns, as the notebook shows them
    assert re.search(r"earliest\s+datetime64", text) and re.search(r"precision\s+category", text)
    # every dated stance is drawn; the undated ones are counted apart, none dropped
    stances = open_graph(out_dir=corpus_built.out_dir).stances()
    dated = int((stances["earliest"].notna() & stances["latest"].notna()).sum())
    undated = int((stances["earliest"].isna() & stances["latest"].isna()).sum())
    half = len(stances) - dated - undated
    assert dated > 0
    assert (f"{len(stances)} stances: {dated} dated, drawn below; {half} open on one side, drawn to the chart's edge, "
            f"hatched; {undated} undated") in text
    assert "nif-2010-10-14" in text and "undated or spanning years" in text
    assert any("image/png" in o.get("data", {}) for o in outputs), "the figure is drawn"
