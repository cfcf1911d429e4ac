"""SIGKILL at each step of a publish leaves the complete old output or the complete new one.

`build`, `import` and `viz` are run as real processes with $SCOMM_FAULT_POINT naming a step
of their publish (graph/folders.py): the process kills itself there with SIGKILL. Then the
output folder is read as a user would (out/graph.nq, out/store, out/viz/...) and compared
with the hashes of a complete old and a complete new output. A run afterwards succeeds (the
lock died with the killed process) and leaves no half-written generation behind.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import signal
import subprocess
import sys
from pathlib import Path

import pyoxigraph
import pytest

from graph.build.pipeline import OUTPUT_FILES
from graph.folders import Project

FILES = [name for name in OUTPUT_FILES if name != "store"]
STEPS = ["staged", "renamed", "link-made", "switched"]
FIX = Path(__file__).resolve().parents[1] / "fixtures" / "scale"
REPO = Path(__file__).resolve().parents[2]
MARK = "Kill-test marker"


def scomm(*args: str, fault: str | None = None, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    env.pop("SCOMM_FAULT_POINT", None)
    if fault:
        env["SCOMM_FAULT_POINT"] = fault
    return subprocess.run([sys.executable, "-m", "graph", *args], env=env, capture_output=True, text=True, timeout=600)


def digests(out: Path) -> dict[str, str]:
    return {name: hashlib.sha256((out / name).read_bytes()).hexdigest() for name in FILES}


def store_has_mark(out: Path) -> bool:
    store = pyoxigraph.Store.read_only(str(out / "store"))
    return bool(store.query(f'ASK {{ GRAPH ?g {{ ?s ?p ?o FILTER(CONTAINS(STR(?o), "{MARK}")) }} }}'))


def tree_digest(folder: Path) -> str:
    h = hashlib.sha256()
    for path in sorted(p for p in folder.rglob("*") if p.is_file()):
        h.update(str(path.relative_to(folder)).encode() + b"\0" + path.read_bytes())
    return h.hexdigest()


def leftovers(out: Path, kind: str) -> list[str]:
    current = os.readlink(out / (".build" if kind == "build" else kind))
    return sorted(p.name for p in out.glob(f".{kind}-*") if p.name != current)


def mark_data(root: Path) -> None:
    """Change the data so that the new build differs from the old one (a source's title)."""
    path = root / "data" / "sources.yaml"
    text = path.read_text(encoding="utf-8")
    start = text.index("title:")
    end = text.index("\n", start)
    path.write_text(text[:start] + f'title: "{MARK}"' + text[end:], encoding="utf-8")


@pytest.fixture()
def old_and_new(mini: Project, tmp_path: Path) -> tuple[Project, Path, dict[str, str], dict[str, str]]:
    """The mini project built once (the old output, kept as a template), and the hashes of a
    complete new build of changed data."""
    template = tmp_path / "template"
    assert scomm("build", "--root", str(mini.root), "--out", str(template)).returncode == 0
    old = digests(template)
    mark_data(mini.root)
    fresh = tmp_path / "fresh"
    assert scomm("build", "--root", str(mini.root), "--out", str(fresh)).returncode == 0
    new = digests(fresh)
    assert old != new
    return mini, template, old, new


def test_build_killed_at_each_step_of_its_publish(old_and_new: tuple[Project, Path, dict[str, str], dict[str, str]], tmp_path: Path) -> None:
    mini, template, old, new = old_and_new
    checked = 0
    for step in [*STEPS, "linked"]:
        out = tmp_path / f"out-{step}"
        shutil.copytree(template, out, symlinks=True)
        run = scomm("build", "--root", str(mini.root), "--out", str(out), fault=f"build:{step}")
        assert run.returncode == -signal.SIGKILL, run.stderr
        seen = digests(out)
        assert seen in (old, new), f"killed at build:{step}: out/ holds a mix of outputs"
        assert store_has_mark(out) == (seen == new), f"killed at build:{step}: the store and the files disagree"
        checked += 1
    again = scomm("build", "--root", str(mini.root), "--out", str(out))
    assert again.returncode == 0, again.stderr
    assert digests(out) == new and store_has_mark(out)
    assert leftovers(out, "build") == []
    print(f"\nbuild: {checked} kill points checked")


def test_import_killed_at_each_step_of_its_publish(mini: Project, tmp_path: Path) -> None:
    template = tmp_path / "template"
    assert scomm("build", "--root", str(mini.root), "--out", str(template)).returncode == 0
    args = ["import", str(FIX / "activation-good.csv"), "--mapping", str(FIX / "activation.yaml"), "--root", str(mini.root)]
    for step in STEPS:
        out = tmp_path / f"out-{step}"
        shutil.copytree(template, out, symlinks=True)
        run = scomm(*args, "--out", str(out), fault=f"build:{step}")
        assert run.returncode == -signal.SIGKILL, run.stderr
        table = out / "imports" / "test-activation.nq"
        store = pyoxigraph.Store.read_only(str(out / "store"))
        in_store = bool(store.query("ASK { GRAPH <https://w3id.org/scomm-kg/graph/import/test-activation> { ?s ?p ?o } }"))
        assert table.exists() == in_store, f"killed at build:{step}: the table and the store disagree"
        assert digests(out) == digests(template)
    again = scomm(*args, "--out", str(out))
    assert again.returncode == 0, again.stderr
    assert leftovers(out, "build") == []


def test_viz_killed_at_each_step_of_its_publish(old_and_new: tuple[Project, Path, dict[str, str], dict[str, str]], tmp_path: Path) -> None:
    mini, template, old, new = old_and_new
    first = scomm("viz", "--program", "beta-program", "--out", str(template))
    if first.returncode != 0:
        pytest.skip(f"scomm viz does not run on the mini project: {first.stderr[-300:]}")
    old_site = tree_digest(template / "viz")
    assert scomm("build", "--root", str(mini.root), "--out", str(template)).returncode == 0
    reference = tmp_path / "reference"
    shutil.copytree(template, reference, symlinks=True)
    assert scomm("viz", "--program", "beta-program", "--out", str(reference)).returncode == 0
    new_site = tree_digest(reference / "viz")
    for step in ["staged", "switched"]:  # just before and just after the one exchange (viz runs are slow)
        out = tmp_path / f"out-{step}"
        shutil.copytree(template, out, symlinks=True)
        run = scomm("viz", "--program", "beta-program", "--out", str(out), fault=f"viz:{step}")
        assert run.returncode == -signal.SIGKILL, run.stderr
        assert (out / "viz" / "index.html").is_file(), f"killed at viz:{step}: no out/viz"
        assert tree_digest(out / "viz") in (old_site, new_site), f"killed at viz:{step}: a mixed site"
    again = scomm("viz", "--program", "beta-program", "--out", str(out))
    assert again.returncode == 0, again.stderr
    assert tree_digest(out / "viz") == new_site


def test_a_second_run_on_the_same_output_is_refused_while_the_first_holds_it(mini_built: Project) -> None:
    from graph.errors import ScommError
    from graph.folders import output_lock

    holder = subprocess.Popen(
        [sys.executable, "-c", "import sys, time; from pathlib import Path; from graph.folders import output_lock\n"
         f"with output_lock(Path({str(mini_built.out_dir)!r})):\n    print('held', flush=True); time.sleep(30)"],
        stdout=subprocess.PIPE, text=True, env={**os.environ, "PYTHONPATH": str(REPO)},
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "held"
        with pytest.raises(ScommError, match=f"another scomm command \\(process {holder.pid}\\) is writing"):
            with output_lock(mini_built.out_dir):
                pass
        run = scomm("build", "--root", str(mini_built.root), "--out", str(mini_built.out_dir))
        assert run.returncode == 2 and "another scomm command" in run.stderr
    finally:
        holder.kill()
        holder.wait()
    with output_lock(mini_built.out_dir):
        pass
