"""How the whole pipeline grows with the curated data: 1x, 10x, 100x the corpus (not a test).

    python bench/bench_growth.py [--factors 1,10,100] [--runs 3] [--timeout 900] [--skip-viz]
                                 [--work DIR [--fresh]] [--report-only]

For each factor, `bench/synth_yaml.py` writes a project N times the corpus; then, each
timed as a whole process (interpreter start included, bytecode cache on) and interleaved
with the raw engines on the same data so that a busy machine slows both alike (medians of
--runs, one run at 100x and above unless --runs-large says otherwise):

- `scomm validate`, `scomm build`, `scomm analyze`, `scomm viz` (the explorer);
- the build's answering step alone (graph/store/answers.py: every library question without
  a required parameter answered on the built store, as `scomm build` does last), in its
  own process, so that its share of the build shows;
- the raw engines on the build's own graph.nq: a pyoxigraph bulk load, an rdflib
  Dataset parse;
- every library query on the built store, each way in its own process (median of --runs
  after a warm-up, CPU and wall time of the query alone): what `scomm query NAME` does to
  print its table (the stored answer when there is one, else the SPARQL run), the
  project's SPARQL path (graph.store.query.run and the table, as the API and the endpoint
  run it), and a raw pyoxigraph `Store.query` of the same text, every value read; at the
  smallest factor also on rdflib (the parsed graph.nq, `Dataset(default_union=True)`).

An rdflib query process that needs more than 6 GiB of address space fails with a memory error
(printed as such). A step that runs longer than its time limit is stopped and printed as "did not finish in
N s"; the rest goes on. With --work DIR every figure is written to DIR/results.json as soon
as it is measured, and a run started again with the same --work takes up where the last
one stopped (the projects built there are reused; --fresh starts over); --report-only
prints the tables from what DIR/results.json holds. Prints each figure at each factor,
its ratio to the raw pyoxigraph load at the same factor, the load average when it was
taken, and the growth exponent between factors: log(CPU ratio) / log(factor ratio),
against the curated data (the factor), so 1 means linear, 2 quadratic. The reference
layer (26k triples) is the same at every factor, so fixed costs pull the exponent from 1x
to 10x below 1; the one from 10x to 100x says more.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import resource
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
# The build's answering step alone, on the store the build wrote (as pipeline.py calls it).
ANSWERS = """import sys
from pathlib import Path
from graph.store import answers
answers.write((Path(sys.argv[1]) / "store").resolve().parent)
"""
# One library query in its own process, one way: argv = out dir, query, runs, bench dir, how.
QUERY = """import json, statistics, sys, time
from pathlib import Path
import pyoxigraph
from graph.store import answers
from graph.store import query as q
sys.path.insert(0, sys.argv[4])
from bench_scale import sample_params
out = Path(sys.argv[1])
store = pyoxigraph.Store.read_only(str(out / "store"))
local = q.LocalBackend(store)
query = q.library()[sys.argv[2]]
params = sample_params(query)
text = q.bind(query, params)
def sparql():
    result = q.run(local, query, params)
    result.to_table()
    return len(result.rows)
def project():
    table = answers.stored(out, query, params, "table")
    return sparql() if table is None else table.count("\\n") - 3
def raw():
    solutions = store.query(text, use_default_graph_as_union=True)
    names = [v.value for v in solutions.variables]
    return len([[s[n] for n in names] for s in solutions])
how = sys.argv[5]
fn = {"project": project, "sparql": sparql, "raw": raw}[how]
fn()
walls, cpus, rows = [], [], 0
for _ in range(int(sys.argv[3])):
    t, c = time.perf_counter(), time.process_time()
    rows = fn()
    walls.append(time.perf_counter() - t)
    cpus.append(time.process_time() - c)
stored = how == "project" and answers.stored(out, query, params, "table") is not None
print(json.dumps({"wall": statistics.median(walls), "cpu": statistics.median(cpus), "rows": rows, "stored": stored}))
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
WAYS = ("project", "sparql", "raw")

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


def limit_memory() -> None:
    """In a child before it starts: at most MEMORY_LIMIT of address space (rdflib took 12 GB
    on one library query at 1x within its time limit, on a machine others share)."""
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY_LIMIT, MEMORY_LIMIT))


MEMORY_LIMIT = 6 * 1024**3


def run_json(cmd: list[str], env: dict[str, str], timeout: float, capped: bool = False) -> dict[str, Any] | None:
    try:
        done = subprocess.run(cmd, check=False, env=env, capture_output=True, text=True, timeout=timeout,
                              preexec_fn=limit_memory if capped else None)
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


def save(path: Path | None, results: dict[str, Any]) -> None:
    """Write the results so far (atomically), so that a stopped run loses nothing measured."""
    if path is None:
        return
    tmp = path.with_suffix(".tmp")
    tmp.write_text(json.dumps(results, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    tmp.replace(path)


def main() -> None:
    from synth_yaml import synthesize

    from graph.store import query as q

    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--factors", default="1,10,100")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--runs-large", type=int, default=1, help="runs at 100x and above")
    parser.add_argument("--timeout", type=float, default=900.0, help="seconds before a step is stopped")
    parser.add_argument("--query-timeout", type=float, default=300.0, help="seconds for one query process (warm-up and runs)")
    parser.add_argument("--rdflib-timeout", type=float, default=300.0)
    parser.add_argument("--skip-viz", action="store_true")
    parser.add_argument("--work", type=Path, help="keep the projects and results.json here, and resume from them")
    parser.add_argument("--fresh", action="store_true", help="with --work: forget earlier results and rebuild")
    parser.add_argument("--report-only", action="store_true", help="with --work: print the tables from results.json")
    args = parser.parse_args()
    factors = [int(f) for f in args.factors.split(",")]
    results_path = args.work / "results.json" if args.work else None
    results: dict[str, Any] = {"factors": {}}
    if results_path and results_path.exists() and not args.fresh:
        results = json.loads(results_path.read_text(encoding="utf-8"))
    if args.report_only:
        report([f for f in factors if str(f) in results["factors"]], results["factors"], args)
        return
    env = dict(os.environ, PYTHONPATH=str(REPO))
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    py = sys.executable
    names = sorted(q.library())
    print(f"load average {load_average()} at the start (2 cores)", file=sys.stderr, flush=True)
    with tempfile.TemporaryDirectory(prefix="bench-growth-") as tmp:
        work = args.work or Path(tmp)
        work.mkdir(parents=True, exist_ok=True)
        env["PYTHONPYCACHEPREFIX"] = str(Path(tmp) / "pycache")
        for factor in factors:
            root = work / f"x{factor}"
            out = root / "out"
            nq = root / "graph.nq"
            cli = [py, "-m", "graph"]
            fr: dict[str, Any] = results["factors"].setdefault(str(factor), {})
            if not (fr.get("built") and (out / "store").exists() and nq.exists()):
                fr.clear()
                fr["counts"] = synthesize(factor, root)
                first = run(cli + ["build", "--root", str(root), "--out", str(out)], env, args.timeout)  # warm-up, and the data
                if first[0] is None:
                    print(f"  {factor}x: the build did not finish in {args.timeout:.0f} s; stopping here", file=sys.stderr)
                    fr["failed"] = f"the build did not finish in {args.timeout:.0f} s"
                    save(results_path, results)
                    break
                shutil.copy(out / "graph.nq", nq)
                fr.update(built=True, quads=nq.read_bytes().count(b"\n"), load_start=load_average())
                save(results_path, results)
            runs = args.runs if factor < 100 else args.runs_large
            commands = {
                "scomm validate": cli + ["validate", "--root", str(root)],
                "scomm build": cli + ["build", "--root", str(root), "--out", str(out)],
                "raw pyoxigraph load": [py, "-c", RAW_OX, str(nq), str(root / "raw")],
                "answering step (in the build)": [py, "-c", ANSWERS, str(out)],
                "scomm analyze": cli + ["analyze", "--root", str(root), "--out", str(out)],
            }
            if not args.skip_viz:
                commands["scomm viz (the explorer)"] = cli + ["viz", "--root", str(root), "--out", str(out)]
            steps: dict[str, list[dict[str, Any]]] = fr.setdefault("steps", {})
            for i in range(runs):
                for name, cmd in commands.items():
                    if len(steps.get(name, [])) > i:
                        continue
                    shutil.rmtree(root / "raw", ignore_errors=True)
                    wall, cpu = run(cmd, env, args.timeout)
                    steps.setdefault(name, []).append({"wall": wall, "cpu": cpu, "load": load_average(), "limit": args.timeout})
                    save(results_path, results)
            if "raw rdflib parse" not in steps:
                wall, cpu = run([py, "-c", RAW_RDFLIB, str(nq)], env, args.rdflib_timeout)
                steps["raw rdflib parse"] = [{"wall": wall, "cpu": cpu, "load": load_average(), "limit": args.rdflib_timeout}]
                save(results_path, results)
            print(f"  {factor}x: {fr['counts']} {fr['quads']:,} quads, load average {load_average()}: " + ", ".join(
                f"{k} {fig[1]:.2f} s CPU" if fig[1] is not None else f"{k} -" for k, fig in figures(steps).items()),
                file=sys.stderr, flush=True)
            queries: dict[str, dict[str, Any]] = fr.setdefault("queries", {})
            ways = [*WAYS, "rdflib"] if factor == factors[0] else list(WAYS)
            for name in names:
                for how in ways:
                    if how in queries.get(name, {}) and "error" not in queries[name][how]:
                        continue
                    if how == "rdflib":
                        cmd = [py, "-c", QUERY_RDFLIB, str(nq), name, str(REPO / "bench")]
                        limit = args.rdflib_timeout
                    else:
                        cmd = [py, "-c", QUERY, str(out), name, str(runs), str(REPO / "bench"), how]
                        limit = args.query_timeout
                    got = run_json(cmd, env, limit, capped=how == "rdflib")
                    queries.setdefault(name, {})[how] = dict(got or {"timeout": limit}, load=load_average())
                    save(results_path, results)
            fr["load_end"] = load_average()
            save(results_path, results)
    done = [f for f in factors if str(f) in results["factors"] and results["factors"][str(f)].get("built")]
    report(done, results["factors"], args)


def figures(steps: dict[str, list[dict[str, Any]]]) -> dict[str, tuple[float | None, float | None]]:
    """Median wall and CPU seconds of each step's finished runs (None when none finished)."""
    out: dict[str, tuple[float | None, float | None]] = {}
    for name, times in steps.items():
        done = [t for t in times if t["wall"] is not None]
        out[name] = (statistics.median(t["wall"] for t in done) if done else None,
                     statistics.median(t["cpu"] for t in done) if done else None)
    return out


def report(factors: list[int], results: dict[str, dict[str, Any]], args: argparse.Namespace) -> None:
    if not factors:
        print("nothing measured yet")
        return
    fr = {f: results[str(f)] for f in factors}
    figs = {f: figures(fr[f].get("steps", {})) for f in factors}
    pairs = list(zip(factors, factors[1:]))
    print(f"factors {factors}; quads " + ", ".join(f"{fr[f]['quads']:,}" for f in factors)
          + "; statements " + ", ".join(f"{fr[f]['counts']['statements']:,}" for f in factors))
    for f in factors:
        loads = [t["load"].split()[0] for ts in fr[f].get("steps", {}).values() for t in ts]
        loads += [r["load"].split()[0] for ways in fr[f].get("queries", {}).values() for r in ways.values()]
        if loads:
            print(f"  {f}x: load average (1 min) {min(loads, key=float)}-{max(loads, key=float)} while measured (2 cores)")
    print()
    print("| step | " + " | ".join(f"{f}x wall s | {f}x CPU s | {f}x CPU / raw ox" for f in factors)
          + "".join(f" | growth {a}x->{b}x" for a, b in pairs) + " |")
    print("|---|" + "---:|" * (3 * len(factors) + len(pairs)))
    order = ["scomm validate", "scomm build", "answering step (in the build)", "raw pyoxigraph load", "scomm analyze",
             "scomm viz (the explorer)", "raw rdflib parse"]
    names = sorted({n for f in factors for n in figs[f]}, key=lambda n: (order.index(n) if n in order else len(order), n))
    for name in names:
        cells = []
        for f in factors:
            wall, cpu = figs[f].get(name, (None, None))
            raw_cpu = figs[f].get("raw pyoxigraph load", (None, None))[1]
            limit = max((t["limit"] for t in fr[f].get("steps", {}).get(name, [])), default=None)
            if wall is None:
                cells += [f"did not finish in {limit:.0f} s" if limit else "-", "-", "-"]
            else:
                cells += [f"{wall:.2f}", f"{cpu or 0:.2f}", f"{cpu / raw_cpu:.1f}" if cpu and raw_cpu else "-"]
        grows = [growth(figs[a].get(name, (None, None))[1], figs[b].get(name, (None, None))[1], b / a) for a, b in pairs]
        print(f"| {name} | " + " | ".join(cells) + "".join(f" | {g}" for g in grows) + " |")
    print()
    print("Library queries, each way in its own process, CPU ms of the query alone (median), wall ms in brackets: "
          "`scomm query` = what `scomm query NAME` does to print its table (* the stored answer written at build "
          "time; otherwise the SPARQL run), SPARQL = the project's SPARQL path (API, endpoint), raw = pyoxigraph "
          f"`Store.query` of the same text; rdflib at {factors[0]}x on the parsed graph.nq.")
    print()
    print("| query | " + " | ".join(f"{f}x rows | {f}x scomm query | {f}x SPARQL | {f}x raw" for f in factors)
          + f" | rdflib {factors[0]}x" + "".join(f" | SPARQL growth {a}x->{b}x" for a, b in pairs) + " |")
    print("|---|" + "---:|" * (4 * len(factors) + 1 + len(pairs)))

    def ms(r: dict[str, Any] | None, star: bool = False, wall: bool = True) -> str:
        if r is None:
            return "-"
        if "timeout" in r:
            return f"did not finish in {r['timeout']:.0f} s"
        if "error" in r:
            return f"error: {r['error']}"
        text = f"{r['cpu'] * 1000:.1f}" + ("*" if star and r.get("stored") else "")
        return text + (f" ({r['wall'] * 1000:.0f})" if wall else "")

    qnames = sorted({n for f in factors for n in fr[f].get("queries", {})})
    for name in qnames:
        cells = []
        for f in factors:
            ways = fr[f].get("queries", {}).get(name, {})
            rows = next((str(ways[w]["rows"]) for w in WAYS if w in ways and "rows" in ways[w]), "-")
            cells += [rows, ms(ways.get("project"), star=True), ms(ways.get("sparql")), ms(ways.get("raw"), wall=False)]
        cells.append(ms(fr[factors[0]].get("queries", {}).get(name, {}).get("rdflib"), wall=False))
        grows = []
        for a, b in pairs:
            ra = fr[a].get("queries", {}).get(name, {}).get("sparql") or {}
            rb = fr[b].get("queries", {}).get(name, {}).get("sparql") or {}
            grows.append(growth(ra.get("cpu"), rb.get("cpu"), b / a))
        print(f"| {name} | " + " | ".join(cells) + "".join(f" | {g}" for g in grows) + " |")


if __name__ == "__main__":
    main()
