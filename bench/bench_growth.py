"""How the whole pipeline grows with the curated data: 1x, 10x, 100x the corpus (not a test).

    python bench/bench_growth.py [--factors 1,10,100] [--runs 3] [--timeout 900] [--skip-viz]

For each factor, `bench/synth_yaml.py` writes a project N times the corpus; then, each
timed as a whole process (interpreter start included, bytecode cache on) and interleaved
with the raw engines on the same data so that a busy machine slows both alike (medians of
--runs, one run at 100x and above unless --runs-large says otherwise):

- `scomm validate`, `scomm build`, `scomm analyze`, `scomm viz`;
- the raw engines on the build's own graph.nq: a pyoxigraph bulk load, an rdflib
  Dataset parse;
- every library query on the built store, each in its own process: through the project's
  path (graph.store.query) and as a raw pyoxigraph `Store.query` of the same text, wall
  and CPU time of the query alone; at the smallest factor also on rdflib (the parsed
  graph.nq, `Dataset(default_union=True)`).

A step that runs longer than --timeout seconds is stopped and printed as "did not
finish in N s". Prints each figure at each factor, its ratio to the raw pyoxigraph load
at the same factor, and the growth exponent between factors: log(time ratio) / log(factor
ratio), against the curated data (the factor), so 1 means linear, 2 quadratic. The
reference layer (26k triples) is the same at every factor, so fixed costs pull the
exponent from 1x to 10x below 1; the one from 10x to 100x says more.
"""

from __future__ import annotations

import argparse
import json
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
# One library query in its own process: the project's path, then the raw engine on the same text.
QUERY = """import json, sys, time
import pyoxigraph
from graph.store import query as q
sys.path.insert(0, sys.argv[4])
from bench_scale import sample_params, time_select
store = pyoxigraph.Store.read_only(sys.argv[1])
query = q.library()[sys.argv[2]]
text = q.bind(query, sample_params(query))
runs = int(sys.argv[3])
wall, cpu, rows = time_select(q.LocalBackend(store), text, runs)
def raw():
    solutions = store.query(text, use_default_graph_as_union=True)
    return [[s[v] for v in solutions.variables] for s in solutions]
raw()
walls, cpus = [], []
for _ in range(runs):
    t, c = time.perf_counter(), time.process_time()
    raw()
    walls.append(time.perf_counter() - t)
    cpus.append(time.process_time() - c)
walls.sort(); cpus.sort()
print(json.dumps({"wall": wall, "cpu": cpu, "rows": rows, "raw_wall": walls[len(walls) // 2], "raw_cpu": cpus[len(cpus) // 2]}))
"""
QUERY_RDFLIB = """import json, sys, time
from rdflib import Dataset
from graph.store import query as q
sys.path.insert(0, sys.argv[3])
from bench_scale import sample_params
dataset = Dataset(default_union=True)
dataset.parse(sys.argv[1], format="nquads")
query = q.library()[sys.argv[2]]
text = q.bind(query, sample_params(query))
t, c = time.perf_counter(), time.process_time()
rows = len(list(dataset.query(text)))
print(json.dumps({"wall": time.perf_counter() - t, "cpu": time.process_time() - c, "rows": rows}))
"""

Timing = tuple[float | None, float]


def run(cmd: list[str], env: dict[str, str], timeout: float) -> Timing:
    """Wall and CPU seconds of one process (wall None when stopped at the timeout)."""
    before = os.times()
    started = time.perf_counter()
    try:
        subprocess.run(cmd, check=True, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=timeout)
    except subprocess.TimeoutExpired:
        return None, 0.0
    wall = time.perf_counter() - started
    after = os.times()
    return wall, (after.children_user - before.children_user) + (after.children_system - before.children_system)


def run_json(cmd: list[str], env: dict[str, str], timeout: float) -> dict[str, Any] | None:
    try:
        done = subprocess.run(cmd, env=env, capture_output=True, text=True, timeout=timeout)
    except subprocess.TimeoutExpired:
        return None
    if done.returncode != 0:
        return {"error": (done.stderr.strip().splitlines() or ["failed"])[-1][:120]}
    result: dict[str, Any] = json.loads(done.stdout)
    return result


def growth(small: float | None, large: float | None, ratio: float) -> str:
    if not small or not large or ratio <= 1:
        return "-"
    return f"{math.log(large / small) / math.log(ratio):.2f}"


def load_average() -> str:
    return " ".join(f"{x:.2f}" for x in os.getloadavg())


def main() -> None:
    from synth_yaml import synthesize

    from graph.store import query as q

    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--factors", default="1,10,100")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--runs-large", type=int, default=1, help="runs at 100x and above")
    parser.add_argument("--timeout", type=float, default=900.0, help="seconds before a step is stopped")
    parser.add_argument("--query-timeout", type=float, default=300.0)
    parser.add_argument("--rdflib-timeout", type=float, default=300.0)
    parser.add_argument("--skip-viz", action="store_true")
    parser.add_argument("--work", type=Path, help="keep the synthetic projects here (default: a temporary folder)")
    args = parser.parse_args()
    factors = [int(f) for f in args.factors.split(",")]
    env = dict(os.environ, PYTHONPATH=str(REPO))
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    py = sys.executable
    results: dict[int, dict[str, Any]] = {}
    names = sorted(q.library())
    print(f"load average {load_average()} at the start (2 cores)", file=sys.stderr, flush=True)
    with tempfile.TemporaryDirectory(prefix="bench-growth-") as tmp:
        work = args.work or Path(tmp)
        env["PYTHONPYCACHEPREFIX"] = str(Path(tmp) / "pycache")
        for factor in factors:
            root = work / f"x{factor}"
            counts = synthesize(factor, root)
            out = root / "out"
            cli = [py, "-m", "graph"]
            first = run(cli + ["build", "--root", str(root), "--out", str(out)], env, args.timeout)  # warm-up, and the data
            if first[0] is None:
                print(f"  {factor}x: the build did not finish in {args.timeout:.0f} s; stopping here", file=sys.stderr)
                break
            nq = root / "graph.nq"
            shutil.copy(out / "graph.nq", nq)
            quads = nq.read_bytes().count(b"\n")
            runs = args.runs if factor < 100 else args.runs_large
            commands = {
                "scomm validate": cli + ["validate", "--root", str(root)],
                "scomm build": cli + ["build", "--root", str(root), "--out", str(out)],
                "raw pyoxigraph load": [py, "-c", RAW_OX, str(nq), str(root / "raw")],
                "scomm analyze": cli + ["analyze", "--root", str(root), "--out", str(out)],
            }
            if not args.skip_viz:
                commands["scomm viz"] = cli + ["viz", "--root", str(root), "--out", str(out)]
            steps: dict[str, list[Timing]] = {}
            for _ in range(runs):
                for name, cmd in commands.items():
                    shutil.rmtree(root / "raw", ignore_errors=True)
                    steps.setdefault(name, []).append(run(cmd, env, args.timeout))
            steps["raw rdflib parse"] = [run([py, "-c", RAW_RDFLIB, str(nq)], env, args.rdflib_timeout)]
            figures: dict[str, tuple[float | None, float | None]] = {}
            for name, times in steps.items():
                walls = [w for w, _ in times if w is not None]
                cpus = [c for w, c in times if w is not None]
                figures[name] = (statistics.median(walls) if walls else None, statistics.median(cpus) if cpus else None)
            queries: dict[str, Any] = {}
            for name in names:
                queries[name] = run_json([py, "-c", QUERY, str(out / "store"), name, str(runs), str(REPO / "bench")],
                                         env, args.query_timeout)
                if factor == factors[0]:
                    queries[name + " (rdflib)"] = run_json([py, "-c", QUERY_RDFLIB, str(nq), name, str(REPO / "bench")],
                                                           env, args.query_timeout)
            results[factor] = {"counts": counts, "quads": quads, "steps": figures, "queries": queries}
            print(f"  {factor}x: {counts} {quads:,} quads, load average {load_average()}: " + ", ".join(
                f"{k} {v[0]:.2f}s" if v[0] else f"{k} -" for k, v in figures.items()), file=sys.stderr, flush=True)
    done = [f for f in factors if f in results]
    report(done, results, args)


def report(factors: list[int], results: dict[int, dict[str, Any]], args: argparse.Namespace) -> None:
    def cell(value: float | None, timeout: float) -> str:
        return f"did not finish in {timeout:.0f} s" if value is None else f"{value:.2f}"

    pairs = list(zip(factors, factors[1:]))
    print(f"factors {factors}; quads " + ", ".join(f"{results[f]['quads']:,}" for f in factors)
          + f"; statements " + ", ".join(f"{results[f]['counts']['statements']:,}" for f in factors)
          + f"; load average at the end {load_average()}")
    print()
    print("| step | " + " | ".join(f"{f}x wall s | {f}x CPU s | {f}x / raw ox" for f in factors)
          + "".join(f" | growth {a}x->{b}x" for a, b in pairs) + " |")
    print("|---|" + "---:|" * (3 * len(factors) + len(pairs)))
    for name in results[factors[0]]["steps"]:
        cells = []
        for f in factors:
            wall, cpu = results[f]["steps"].get(name, (None, None))
            raw = results[f]["steps"]["raw pyoxigraph load"][0]
            timeout = args.rdflib_timeout if "rdflib" in name else args.timeout
            cells += [cell(wall, timeout), "-" if cpu is None else f"{cpu:.2f}",
                      "-" if wall is None or not raw else f"{wall / raw:.1f}"]
        grows = [growth(results[a]["steps"][name][1], results[b]["steps"][name][1], b / a) for a, b in pairs]
        print(f"| {name} | " + " | ".join(cells) + "".join(f" | {g}" for g in grows) + " |")
    print()
    print("Library queries: project path (graph.store.query) and raw pyoxigraph `Store.query` on the same "
          f"store, CPU ms of the query alone (median); rdflib at {factors[0]}x on the parsed graph.nq.")
    print()
    print("| query | " + " | ".join(f"{f}x rows | {f}x ms | {f}x CPU ms | {f}x raw CPU ms" for f in factors)
          + f" | rdflib {factors[0]}x CPU ms" + "".join(f" | growth {a}x->{b}x" for a, b in pairs) + " |")
    print("|---|" + "---:|" * (4 * len(factors) + 1 + len(pairs)))
    for name in [n for n in results[factors[0]]["queries"] if not n.endswith("(rdflib)")]:
        cells = []
        for f in factors:
            r = results[f]["queries"].get(name)
            if r is None:
                cells += [f"did not finish in {args.query_timeout:.0f} s", "-", "-", "-"]
            elif "error" in r:
                cells += [f"error: {r['error']}", "-", "-", "-"]
            else:
                cells += [str(r["rows"]), f"{r['wall'] * 1000:.1f}", f"{r['cpu'] * 1000:.1f}", f"{r['raw_cpu'] * 1000:.1f}"]
        rd = results[factors[0]]["queries"].get(name + " (rdflib)")
        cells.append(f"did not finish in {args.query_timeout:.0f} s" if rd is None
                     else "error" if "error" in rd else f"{rd['cpu'] * 1000:.1f}")
        grows = []
        for a, b in pairs:
            ra, rb = results[a]["queries"].get(name), results[b]["queries"].get(name)
            ok = ra and rb and "error" not in ra and "error" not in rb
            grows.append(growth(ra["cpu"], rb["cpu"], b / a) if ok else "-")  # type: ignore[index]
        print(f"| {name} | " + " | ".join(cells) + "".join(f" | {g}" for g in grows) + " |")


if __name__ == "__main__":
    main()
