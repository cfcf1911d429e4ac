"""The corpus build against a raw pyoxigraph load of its own output (not a test).

    python bench/bench_build.py [--runs 5] [--data DIR]

Times, as whole processes (interpreter start and imports included) and interleaved run by
run so that a busy machine slows all alike: `scomm build` into a temporary folder, a
process that only bulk-loads the build's graph.nq into a new Oxigraph store, and `scomm
all` (build, analyze, viz; target <= 4 s). Prints the
medians of wall and CPU time, their ratios, the targets (build <= 1 s and <= 5x the raw
load, on wall time) as met or NOT met, the load average before and after (wall figures
mean something only on a quiet machine; CPU figures less so), and the build's stages
timed inside one process.

Both processes run with Python's bytecode cache on (in a temporary folder), as an
installed scomm does: with PYTHONDONTWRITEBYTECODE set, every run would compile the
project's modules again (about 50 ms), which a user never pays.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
RAW = """import sys, pyoxigraph
store = pyoxigraph.Store(sys.argv[2])
store.bulk_load(path=sys.argv[1], format=pyoxigraph.RdfFormat.N_QUADS)
store.flush()
"""


def load_average() -> str:
    try:
        return " ".join(f"{x:.2f}" for x in os.getloadavg())
    except OSError:
        return "unknown"


def timed(cmd: list[str], env: dict[str, str]) -> tuple[float, float]:
    """Wall and CPU seconds (user + system, children included) of one process."""
    before = os.times()
    started = time.perf_counter()
    subprocess.run(cmd, check=True, env=env, stdout=subprocess.DEVNULL)
    wall = time.perf_counter() - started
    after = os.times()
    return wall, (after.children_user - before.children_user) + (after.children_system - before.children_system)


def stages(root: Path, out: Path) -> dict[str, float]:
    """The build's stages, timed inside this process."""
    from graph.build import pipeline
    from graph.build.dataset import build_dataset
    from graph.build.load import load
    from graph.build.validate import validate
    from graph.build.vocabulary import ontology_triples
    from graph.folders import project

    proj = project(root, out)
    times: dict[str, float] = {}
    t = time.perf_counter()
    curated = load(proj)
    times["load and check records"] = time.perf_counter() - t
    t = time.perf_counter()
    dataset = build_dataset(curated, ontology_triples(proj.ontology_dir))
    times["build the quads"] = time.perf_counter() - t
    t = time.perf_counter()
    validate(dataset.quads, curated, proj.ontology_dir / "shapes.ttl")
    times["validate (the shapes' checks)"] = time.perf_counter() - t
    t = time.perf_counter()
    pipeline.build(proj, out)
    times["whole build (again, in-process)"] = time.perf_counter() - t
    return times


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--root", type=Path, default=REPO, help="The project folder (data/, ontology/) to build.")
    args = parser.parse_args()
    env = dict(os.environ, PYTHONPATH=str(REPO))
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    started_load = load_average()
    with tempfile.TemporaryDirectory(prefix="bench-build-") as tmp:
        work = Path(tmp)
        env["PYTHONPYCACHEPREFIX"] = str(work / "pycache")
        build_cmd = [sys.executable, "-m", "graph", "build", "--root", str(args.root), "--out", str(work / "out")]
        subprocess.run(build_cmd, check=True, env=env, stdout=subprocess.DEVNULL)  # warm-up, and the output to load
        nq = work / "graph.nq"
        shutil.copy(work / "out" / "graph.nq", nq)
        quads = nq.read_bytes().count(b"\n")
        all_cmd = [sys.executable, "-m", "graph", "all", "--root", str(args.root), "--out", str(work / "out-all")]
        subprocess.run(all_cmd, check=True, env=env, stdout=subprocess.DEVNULL)  # warm-up
        builds, raws, alls = [], [], []
        for _ in range(args.runs):
            builds.append(timed(build_cmd, env))
            shutil.rmtree(work / "raw", ignore_errors=True)
            raws.append(timed([sys.executable, "-c", RAW, str(nq), str(work / "raw")], env))
            alls.append(timed(all_cmd, env))
        inner = stages(args.root, work / "out2")
    bw, bc = statistics.median(b[0] for b in builds), statistics.median(b[1] for b in builds)
    rw, rc = statistics.median(r[0] for r in raws), statistics.median(r[1] for r in raws)
    print(f"output: {quads:,} quads; {args.runs} interleaved runs of each, medians; "
          f"load average {started_load} before, {load_average()} after (2 cores)")
    print(f"scomm build:       wall {bw:.2f} s, CPU {bc:.2f} s   (runs: {', '.join(f'{w:.2f}/{c:.2f}' for w, c in builds)})")
    print(f"raw pyoxigraph:    wall {rw:.2f} s, CPU {rc:.2f} s   (a process that bulk-loads graph.nq)")
    print(f"ratio build / raw: wall {bw / rw:.1f}x, CPU {bc / rc:.1f}x")
    aw, ac = statistics.median(a[0] for a in alls), statistics.median(a[1] for a in alls)
    print(f"scomm all:         wall {aw:.2f} s, CPU {ac:.2f} s   (build, analyze, viz; {aw / rw:.1f}x the raw load)")
    met = lambda ok: "met" if ok else "NOT met"  # noqa: E731
    raw = f"raw load in the same run {rw:.2f} s wall, {rc:.2f} s CPU"
    loads = f"load average {started_load} before, {load_average()} after, 2 cores"
    print(f"targets (medians of {args.runs} interleaved runs, whole processes; {loads}):")
    print(f"  target build <= 1 s (wall):          {met(bw <= 1)} ({bw:.2f} s wall, {bc:.2f} s CPU; {raw})")
    print(f"  target build <= 5x raw load (wall):  {met(bw <= 5 * rw)} ({bw / rw:.1f}x wall, {bc / rc:.1f}x CPU; {raw})")
    print(f"  target scomm all <= 4 s (wall):      {met(aw <= 4)} ({aw:.2f} s wall, {ac:.2f} s CPU; {raw})")
    print("stages inside one process:")
    for name, seconds in inner.items():
        print(f"  {name:40} {seconds:.2f} s")


if __name__ == "__main__":
    main()
