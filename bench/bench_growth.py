"""How the whole pipeline grows with the curated data: 1x, 10x, 100x the corpus (not a test).

    python bench/bench_growth.py [--factors 1,10,100] [--runs 3] [--rdflib-timeout 120]

For each factor, `bench/synth_yaml.py` writes a project N times the corpus; then, each
timed as a whole process (interpreter start included) and interleaved with the raw
engines on the same data so that a busy machine slows both alike (medians of --runs):

- `scomm validate`, `scomm build`, `scomm analyze`, `scomm viz`;
- the raw engines on the build's own graph.nq: a pyoxigraph bulk load, an rdflib
  Dataset parse;
- every library query on the built store (wall and CPU time of the query alone).

Prints a table with each figure at each factor, its ratio to the raw pyoxigraph load at
the same factor, and the growth exponent between the smallest and largest factor (1 means
linear, 2 quadratic), and the queries' growth likewise.
"""

from __future__ import annotations

import argparse
import math
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "bench"))

RAW_OX = """import sys, pyoxigraph
store = pyoxigraph.Store(sys.argv[2])
store.bulk_load(path=sys.argv[1], format=pyoxigraph.RdfFormat.N_QUADS)
store.flush()
"""
RAW_RDFLIB = """import sys
from rdflib import Dataset
Dataset(default_union=True).parse(sys.argv[1], format="nquads")
"""
QUERIES = """import json, sys
import pyoxigraph
from graph.store import query as q
sys.path.insert(0, sys.argv[3])
from bench_scale import sample_params, time_select
backend = q.LocalBackend(pyoxigraph.Store.read_only(sys.argv[1]))
out = {}
for name, query in q.library().items():
    wall, cpu, rows = time_select(backend, q.bind(query, sample_params(query)), int(sys.argv[2]))
    out[name] = {"wall": wall, "cpu": cpu, "rows": rows}
print(json.dumps(out))
"""


def run(cmd: list[str], env: dict[str, str], timeout: float | None = None) -> tuple[float | None, float]:
    """Wall and CPU seconds of one process (None wall when over the timeout)."""
    before = os.times()
    started = time.perf_counter()
    try:
        subprocess.run(cmd, check=True, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=timeout)
    except subprocess.TimeoutExpired:
        return None, 0.0
    wall = time.perf_counter() - started
    after = os.times()
    return wall, (after.children_user - before.children_user) + (after.children_system - before.children_system)


def growth(small: float | None, large: float | None, factor: float) -> str:
    if not small or not large or factor <= 1:
        return "-"
    return f"{math.log(large / small) / math.log(factor):.2f}"


def main() -> None:
    from synth_yaml import synthesize

    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--factors", default="1,10,100")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--rdflib-timeout", type=float, default=300.0)
    parser.add_argument("--skip-viz", action="store_true")
    args = parser.parse_args()
    factors = [int(f) for f in args.factors.split(",")]
    env = dict(os.environ, PYTHONPATH=str(REPO))
    py = sys.executable
    results: dict[int, dict[str, Any]] = {}
    with tempfile.TemporaryDirectory(prefix="bench-growth-") as tmp:
        for factor in factors:
            root = Path(tmp) / f"x{factor}"
            counts = synthesize(factor, root)
            out = root / "out"
            cli = [py, "-m", "graph"]
            run(cli + ["build", "--root", str(root), "--out", str(out)], env)  # warm-up and the data
            nq = root / "graph.nq"
            shutil.copy(out / "graph.nq", nq)
            quads = nq.read_bytes().count(b"\n")
            steps: dict[str, list[tuple[float | None, float]]] = {}
            commands = {
                "scomm validate": cli + ["validate", "--root", str(root)],
                "scomm build": cli + ["build", "--root", str(root), "--out", str(out)],
                "raw pyoxigraph load": [py, "-c", RAW_OX, str(nq), str(root / "raw")],
                "scomm analyze": cli + ["analyze", "--root", str(root), "--out", str(out)],
            }
            if not args.skip_viz:
                commands["scomm viz"] = cli + ["viz", "--root", str(root), "--out", str(out)]
            for _ in range(args.runs):
                for name, cmd in commands.items():
                    shutil.rmtree(root / "raw", ignore_errors=True)
                    steps.setdefault(name, []).append(run(cmd, env))
            steps["raw rdflib parse"] = [run([py, "-c", RAW_RDFLIB, str(nq)], env, timeout=args.rdflib_timeout)]
            figures = {}
            for name, times in steps.items():
                walls = [w for w, _ in times if w is not None]
                figures[name] = (statistics.median(walls) if walls else None, statistics.median(c for _, c in times))
            done = subprocess.run([py, "-c", QUERIES, str(out / "store"), str(args.runs), str(REPO / "bench")],
                                  env=env, capture_output=True, text=True, check=True)
            import json

            results[factor] = {"counts": counts, "quads": quads, "steps": figures, "queries": json.loads(done.stdout)}
            print(f"  {factor}x: {counts} {quads:,} quads: " + ", ".join(
                f"{k} {v[0]:.2f}s" if v[0] else f"{k} -" for k, v in figures.items()), file=sys.stderr, flush=True)
    first, last = factors[0], factors[-1]
    scale = (results[last]["quads"] / results[first]["quads"]) if last != first else 1
    print(f"factors {factors}; quads " + ", ".join(f"{results[f]['quads']:,}" for f in factors)
          + f"; growth exponent from {first}x to {last}x against the quads ({scale:.1f}x)")
    print()
    header = "| step | " + " | ".join(f"{f}x wall s | {f}x CPU s | {f}x / raw ox" for f in factors) + " | growth |"
    print(header)
    print("|---|" + "---:|" * (3 * len(factors) + 1))
    for name in results[first]["steps"]:
        cells = []
        for f in factors:
            wall, cpu = results[f]["steps"][name]
            raw = results[f]["steps"]["raw pyoxigraph load"][0]
            cells += ["-" if wall is None else f"{wall:.2f}", f"{cpu:.2f}", "-" if wall is None or not raw else f"{wall / raw:.1f}"]
        g = growth(results[first]["steps"][name][1], results[last]["steps"][name][1], scale)
        print(f"| {name} | " + " | ".join(cells) + f" | {g} |")
    print()
    print("| query | " + " | ".join(f"{f}x rows | {f}x ms | {f}x CPU ms" for f in factors) + " | growth |")
    print("|---|" + "---:|" * (3 * len(factors) + 1))
    for name in results[first]["queries"]:
        cells = []
        for f in factors:
            r = results[f]["queries"][name]
            cells += [str(r["rows"]), f"{r['wall'] * 1000:.1f}", f"{r['cpu'] * 1000:.1f}"]
        g = growth(results[first]["queries"][name]["cpu"], results[last]["queries"][name]["cpu"], scale)
        print(f"| {name} | " + " | ".join(cells) + f" | {g} |")


if __name__ == "__main__":
    main()
