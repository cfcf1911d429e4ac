"""Benchmark at nationwide scale (not a test): prints figures side by side, asserts nothing.

    python bench/bench_scale.py [--stances 100000] [--events 20000] [--runs 5]

1. Builds the real project into a temporary folder and imports the real activation table
   (../shared/data/sc_activation_by_county.csv) when it is there.
2. Makes a synthetic nationwide graph of the build's own shape: one curated-style entity
   per real county of the reference layer (with owl:sameAs to its FIPS IRI), and
   copies of the real stances and events (every triple of each statement node, the stance's
   direct triple), each stance given a county as actor.
3. In a child process: loads the N-Quads with raw `pyoxigraph.Store.bulk_load` and with
   the project's `graph.store.create_store`, runs every library query (median of --runs)
   on the store and through `scomm serve`'s server over HTTP, and reports its peak memory.
4. In another child: parses the same N-Quads into rdflib's in-memory Dataset
   (default_union) and runs each query once, stopped after --rdflib-timeout seconds.
"""

from __future__ import annotations

import argparse
import multiprocessing as mp
import re
import resource
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

BASE = "https://w3id.org/scomm-kg/"
SCOMM = BASE + "ontology#"
RDF_TYPE = "<http://www.w3.org/1999/02/22-rdf-syntax-ns#type>"
SKIP = (f"<{SCOMM}corroborates>", f"<{SCOMM}contradicts>")
EVENT = "napolitano-letter-to-lofgren-2010-09"  # an event of the real corpus with participants
LINE = re.compile(r"^(<[^>]*>) (<[^>]*>) (.*) (<[^>]*>) \.$")


def template(work: Path) -> tuple[bytes, Any]:
    """The real build (and the real activation import), as N-Quads, and its project."""
    from graph.records.imports import import_table
    from graph.folders import project
    from graph.build.pipeline import build

    proj = project(REPO, work / "out")
    build(proj)
    table = REPO.parent / "shared" / "data" / "sc_activation_by_county.csv"
    if table.exists():
        import_table(proj, table, REPO / "data" / "imports" / "sc-activation.yaml", keep_good_rows=True)
    imports = b"".join(p.read_bytes() for p in sorted((proj.out_dir / "imports").glob("*.nq")))
    return (proj.out_dir / "graph.nq").read_bytes() + imports, proj


SORT_KEY = f"<{SCOMM}sortKey>"
ACTOR_NAME = f"<{SCOMM}actorName>"
EARLIEST = f"<{SCOMM}earliestDate>"


def synthesize(base: bytes, stances: int, events: int, dest: Path) -> int:
    """Write to `dest` the base graph plus county entities and copies of its stances and
    events, with the build's derived shortcuts (ontology/shortcuts.ttl) as the build would
    state them: a copy's actorName is its county's name, and the sort keys are ranked again
    over all. Lines are written as they are made (10M quads do not fit in memory as str).
    Returns the number of quads."""
    lines = base.decode("utf-8").splitlines()
    by_subject: dict[str, list[tuple[str, str, str, str]]] = {}
    kinds: dict[str, set[str]] = {}
    direct: dict[str, str] = {}
    counties: list[tuple[str, str]] = []
    kept: list[str] = []
    for line in lines:
        match = LINE.match(line)
        if not match:
            kept.append(line)
            continue
        s, p, o, g = match.groups()
        if p == SORT_KEY:
            continue
        kept.append(line)
        by_subject.setdefault(s, []).append((s, p, o, g))
        if p == RDF_TYPE:
            kinds.setdefault(o, set()).add(s)
        if p == f"<{SCOMM}directProperty>":
            direct[s] = o
        if p == f"<{SCOMM}entityType>" and o == f"<{BASE}vocab/entity-type/county>" and s.startswith(f"<{BASE}ref/fips/"):
            counties.append((s, s[len(BASE) + 10:-1]))
    stance_nodes = sorted(kinds.get(f"<{SCOMM}Stance>", set()))
    event_nodes = sorted(kinds.get(f"<{SCOMM}EventRecord>", set()))
    sink = dest.open("w", encoding="utf-8")
    written = 0

    class Out:
        """Lines written to the file at once (a list of 10M lines would not fit)."""

        @staticmethod
        def append(line: str) -> None:
            nonlocal written
            sink.write(line + "\n")
            written += 1

    out = Out()
    for line in kept:
        if line:
            out.append(line)
    del kept, lines
    registry = f"<{BASE}graph/registry>"
    actors = []
    names: dict[str, str] = {}
    for ref, fips in sorted(counties):
        actor = f"<{BASE}id/syn-county-{fips}>"
        actors.append(actor)
        names[actor] = f'"Synthetic county {fips}"'
        for p, o in (
            (RDF_TYPE, f"<{SCOMM}Jurisdiction>"), (RDF_TYPE, "<https://schema.org/AdministrativeArea>"),
            (RDF_TYPE, "<http://www.w3.org/ns/prov#Agent>"),
            (f"<{SCOMM}entityType>", f"<{BASE}vocab/entity-type/county>"),
            ("<http://www.w3.org/2004/02/skos/core#prefLabel>", f'"Synthetic county {fips}"'),
            ("<http://www.w3.org/2000/01/rdf-schema#label>", f'"Synthetic county {fips}"'),
            (f"<{SCOMM}fips>", f'"{fips}"'), ("<http://www.w3.org/2002/07/owl#sameAs>", ref),
        ):
            out.append(f"{actor} {p} {o} {registry} .")
    # (earliest date, actor name, IRI) of each node with an actor name, for the sort keys
    sortable: dict[str, tuple[str, str, str, str]] = {}

    def note(node: str, triples: list[tuple[str, str, str, str]]) -> None:
        name = next((o for _, p, o, _ in triples if p == ACTOR_NAME), None)
        if name is None:
            return
        start = next((o for _, p, o, _ in triples if p == EARLIEST), None)
        graph = next(g for _, p, _, g in triples if p == ACTOR_NAME)
        key = "" if start is None else "1" + start[1:start.index('"', 1)]
        sortable[node] = (key, name[1:name.rindex('"')], node[1:-1], graph)

    for node, triples in by_subject.items():
        note(node, triples)

    def copy(node: str, k: int, actor: str | None) -> None:
        new = node[:-1] + f"-syn-{k}>"
        target = position = graph = None
        triples = []
        for _, p, o, g in by_subject[node]:
            if p in SKIP:
                continue
            if p == f"<{SCOMM}actor>" and actor:
                o = actor
            if p == ACTOR_NAME and actor:
                o = names[actor]
            if p == f"<{SCOMM}target>":
                target = o
            if p == f"<{SCOMM}position>":
                position, graph = o, g
            if p == "<http://purl.org/dc/terms/identifier>":
                o = o[:-1] + f'-syn-{k}"'
            triples.append((new, p, o, g))
            out.append(f"{new} {p} {o} {g} .")
        note(new, triples)
        if actor and target and position in direct:
            out.append(f"{actor} {direct[position]} {target} {graph} .")

    for k in range(stances):
        copy(stance_nodes[k % len(stance_nodes)], k, actors[k % len(actors)])
    for k in range(events):
        copy(event_nodes[k % len(event_nodes)], k, None)
    integer = "<http://www.w3.org/2001/XMLSchema#integer>"
    for rank, node in enumerate(sorted(sortable, key=lambda n: sortable[n][:3]), start=1):
        out.append(f'{node} {SORT_KEY} "{rank}"^^{integer} {sortable[node][3]} .')
    sink.close()
    return written


def time_select(backend: Any, text: str, runs: int) -> tuple[float, float, int]:
    """Median wall and CPU seconds of a SELECT over `runs` runs after one warm-up, and its row count."""
    backend.select(text)
    wall, cpu, rows = [], [], 0
    for _ in range(runs):
        t, c = time.perf_counter(), time.process_time()
        _, found = backend.select(text)
        wall.append(time.perf_counter() - t)
        cpu.append(time.process_time() - c)
        rows = len(found)
    return statistics.median(wall), statistics.median(cpu), rows


def sample_params(query: Any) -> dict[str, str]:
    by_name = {"umbrella": "dhs", "actor": "santa-clara-county", "event": EVENT}
    by_type = {"entity": "santa-clara-county", "source": "backgrounder-2011", "date": "2011-01-01", "int": "10", "string": "secure"}
    return {p.name: by_name.get(p.name) or by_type.get(p.type.split(":")[0], "x")
            for p in query.params if p.default is None and not p.optional}


def peak_mib() -> float:
    """This process's peak resident memory (VmHWM: unlike ru_maxrss, not inherited from the
    parent a spawned child was forked from)."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def load_phase(nq: Path, target: Path, how: str, queue: Any) -> None:
    """One load of the N-Quads file, in its own process: the raw pyoxigraph bulk load from
    the file, or the project's create_store (which streams the file the same way)."""
    import pyoxigraph

    from graph.store.embedded import create_store

    started, cpu = time.perf_counter(), time.process_time()
    if how == "raw":
        raw = pyoxigraph.Store(str(target))
        raw.bulk_load(path=str(nq), format=pyoxigraph.RdfFormat.N_QUADS)
        raw.flush()
        del raw
    else:
        create_store(target, nq)
    seconds, cpu_s = time.perf_counter() - started, time.process_time() - cpu
    peak = peak_mib()
    triples = len(pyoxigraph.Store.read_only(str(target)))
    queue.put({"seconds": seconds, "cpu_s": cpu_s, "triples": triples, "peak_mib": peak})


JOINED = REPO / "tests" / "fixtures" / "queries-joined"


def timed(fn: Any, runs: int) -> tuple[float, float, Any]:
    """Median wall and CPU seconds of `fn()` over `runs` runs after one warm-up, and its value."""
    value = fn()
    wall, cpu = [], []
    for _ in range(runs):
        t, c = time.perf_counter(), time.process_time()
        value = fn()
        wall.append(time.perf_counter() - t)
        cpu.append(time.process_time() - c)
    return statistics.median(wall), statistics.median(cpu), value


def query_phase(out_dir: Path, name: str, runs: int, how: str, queue: Any) -> None:
    """One library query on the built store (`out_dir`/store), median of `runs` after one
    warm-up, wall and CPU time, in one of three ways:

    - `project`: what `scomm query NAME` does to print its table: the stored answer when
      there is a current one (graph/store/answers.py), else the SPARQL run and rendered;
    - `sparql`: the project's SPARQL path (graph.store.query.run, as the API and `scomm
      serve` run it) and the table rendered;
    - `raw`: raw pyoxigraph, the same query text with its parameters bound, every value
      of every answer read (no rendering);
    - `joined`: as `sparql`, with the query as it was before the derived shortcuts (the
      joins done at question time, tests/fixtures/queries-joined/).
    """
    import pyoxigraph

    from graph.store import answers
    from graph.store import query as q

    store = pyoxigraph.Store.read_only(str(out_dir / "store"))
    local = q.LocalBackend(store)
    query = q.library()[name]
    params = sample_params(query)
    if how == "joined":
        query = q.parse_query((JOINED / f"{name}.rq").read_text(encoding="utf-8"), name)

    def sparql() -> int:
        result = q.run(local, query, params)
        result.to_table()
        return len(result.rows)

    def project() -> int:
        text = answers.stored(out_dir, query, params, "table")
        return sparql() if text is None else text.count("\n") - 3

    text = q.bind(query, params)

    def raw() -> int:
        solutions = store.query(text, use_default_graph_as_union=True)
        names = [v.value for v in solutions.variables]
        return len([[s[n] for n in names] for s in solutions])

    fn = {"project": project, "sparql": sparql, "joined": sparql, "raw": raw}[how]
    seconds, cpu, rows = timed(fn, runs)
    stored = how == "project" and answers.stored(out_dir, query, params, "table") is not None
    queue.put({"seconds": seconds, "cpu": cpu, "rows": rows, "peak_mib": peak_mib(), "stored": stored})


def answers_phase(out_dir: Path, queue: Any) -> None:
    """The stored answers written as the build and `scomm import` write them (their cost)."""
    from graph.store import answers

    started, cpu = time.perf_counter(), time.process_time()
    rows = answers.write(out_dir)
    queue.put({"seconds": time.perf_counter() - started, "cpu": time.process_time() - cpu, "rows": rows, "peak_mib": peak_mib()})


def http_times(store_dir: Path, runs: int, limit: float) -> dict[str, float | None]:
    """Each library query through the Oxigraph server `scomm serve` runs, over HTTP."""
    from graph.store import query as q
    from graph.store.remote import EndpointError, RemoteBackend
    from graph.store.serve import Server

    times: dict[str, float | None] = {}
    with Server(store_dir, read_only=True, union=True, timeout_s=int(limit)) as server:
        remote = RemoteBackend(server.query_url, timeout=limit + 5, dataset="union")
        for name, query in q.library().items():
            text = q.bind(query, sample_params(query))
            try:
                remote.select(text)
                runs_s = []
                for _ in range(runs):
                    t = time.perf_counter()
                    remote.select(text)
                    runs_s.append(time.perf_counter() - t)
                times[name] = statistics.median(runs_s)
            except EndpointError:
                times[name] = None
            print(f"  http {name}: {times[name]}", file=sys.stderr, flush=True)
    return times


def _rdflib_query(dataset: Any, text: str, queue: Any) -> None:
    started = time.perf_counter()
    rows = list(dataset.query(text))
    queue.put((time.perf_counter() - started, len(rows)))


def phase_rdflib(nq: Path, limit: float, queue: Any) -> None:
    from rdflib import Dataset

    from graph.store import query as q

    started = time.perf_counter()
    dataset = Dataset(default_union=True)
    dataset.parse(str(nq), format="nquads")
    parse_s = time.perf_counter() - started
    ctx = mp.get_context("fork")
    timings: dict[str, tuple[float | None, int]] = {}
    for name, query in q.library().items():
        inner: Any = ctx.Queue()
        child = ctx.Process(target=_rdflib_query, args=(dataset, q.bind(query, sample_params(query)), inner))
        child.start()
        child.join(limit)
        if child.is_alive():
            child.terminate()
            child.join()
            timings[name] = (None, 0)
        else:
            timings[name] = inner.get() if not inner.empty() else (None, -1)
    peak = peak_mib()
    queue.put({"parse_s": parse_s, "queries": timings, "peak_mib": peak})


def in_child(target: Any, *args: Any, limit: float | None = None) -> dict[str, Any] | None:
    """Run `target(*args, queue)` in a fresh process; None if it takes longer than `limit`."""
    # spawn, not fork: the parent has opened RocksDB stores, whose threads do not survive a fork
    ctx = mp.get_context("spawn")
    queue: Any = ctx.Queue()
    child = ctx.Process(target=target, args=(*args, queue))
    child.start()
    try:
        result: dict[str, Any] = queue.get(timeout=limit)
    except Exception:  # queue.Empty: over the limit
        child.terminate()
        child.join()
        return None
    child.join()
    return result


SMALL = 1_000  # an answer of at most this many rows is "selective": target 100 ms, else 1 s
TEN_MILLION = 9_500_000  # at or above this many quads the run checks item 5's targets


def verdict(met: bool) -> str:
    return "met" if met else "NOT met"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--stances", type=int, default=100_000)
    parser.add_argument("--events", type=int, default=20_000)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--rdflib-timeout", type=float, default=120.0)
    parser.add_argument("--query-timeout", type=float, default=120.0, help="Stop an Oxigraph query after this many seconds.")
    parser.add_argument("--skip-rdflib", action="store_true")
    parser.add_argument("--skip-http", action="store_true", help="Do not time the queries through `scomm serve`.")
    parser.add_argument("--joined", action="store_true", help="Also time the queries as they were before the shortcuts.")
    parser.add_argument("--work", type=Path, help="Keep the synthetic graph and stores in this folder (else a temporary one).")
    parser.add_argument("--reuse", action="store_true", help="With --work: reuse its graph, stores and load figures.")
    parser.add_argument("--queries", help="Only these library queries (comma-separated names).")
    args = parser.parse_args()
    import json
    import os

    with tempfile.TemporaryDirectory(prefix="bench-scale-") as tmp:
        work = args.work or Path(tmp)
        work.mkdir(parents=True, exist_ok=True)
        nq = work / "synthetic.nq"
        figures = work / "load.json"
        if args.reuse and figures.exists():
            load = json.loads(figures.read_text())
            quads = load["quads"]
        else:
            base, _ = template(work / "base")
            quads = synthesize(base, args.stances, args.events, nq)
            raw = in_child(load_phase, nq, work / "raw", "raw")
            load = in_child(load_phase, nq, work / "store", "project")
            assert raw is not None and load is not None
            load.update(raw_s=raw["seconds"], raw_cpu=raw["cpu_s"], raw_peak=raw["peak_mib"], project_s=load["seconds"],
                        quads=quads, mib=nq.stat().st_size / 2**20)
            written = in_child(answers_phase, work)
            assert written is not None
            load.update(answers_s=written["seconds"], answers_cpu=written["cpu"])
            figures.write_text(json.dumps(load))
        print(f"synthetic graph: {quads:,} quads ({load['mib']:.0f} MiB N-Quads), "
              f"{args.stances:,} stance copies, {args.events:,} event copies, all real counties as actors")
        if "raw_s" not in load:  # a reused store loaded by the project's create_store only
            load.update(raw_s=float("nan"), raw_cpu=float("nan"), raw_peak=float("nan"))
        print(f"  loaded: raw {load['raw_s']:.2f} s, project {load['project_s']:.2f} s", file=sys.stderr, flush=True)
        from graph.store import query as q

        ways = ["project", "sparql", "raw"] + (["joined"] if args.joined else [])
        timings: dict[str, dict[str, dict[str, Any] | None]] = {}
        chosen = args.queries.split(",") if args.queries else list(q.library())
        for name in chosen:
            timings[name] = {}
            for how in ways:
                if how == "joined" and not (JOINED / f"{name}.rq").exists():
                    continue
                timings[name][how] = in_child(query_phase, work, name, args.runs, how, limit=args.query_timeout)
                print(f"  {how} {name}: {timings[name][how]}", file=sys.stderr, flush=True)
        http = {} if args.skip_http else http_times(work / "store", args.runs, args.query_timeout)
        rd = None if args.skip_rdflib else in_child(phase_rdflib, nq, args.rdflib_timeout)
    peak = max([load["peak_mib"], *(r["peak_mib"] for t in timings.values() for r in t.values() if r)])
    print(f"store: {load['triples']:,} quads; load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores at the end")
    print(f"load: project create_store {load['project_s']:.2f} s, raw pyoxigraph bulk_load {load['raw_s']:.2f} s "
          f"(ratio {load['project_s'] / load['raw_s']:.2f}; target within 2x)"
          + (f"; rdflib Dataset parse {rd['parse_s']:.1f} s" if rd else ""))
    print(f"load CPU: project {load['cpu_s']:.2f} s, raw {load['raw_cpu']:.2f} s")
    if "answers_cpu" in load:
        print(f"stored answers (graph/store/answers.py, as build and import write them): {load['answers_cpu']:.1f} s CPU, "
              f"{load['answers_s']:.1f} s wall")
    else:
        print("stored answers: not written for this store (the project path runs the SPARQL)")
    print(f"peak memory of the load: project {load['peak_mib']:.0f} MiB, raw bulk_load {load['raw_peak']:.0f} MiB "
          f"(ratio {load['peak_mib'] / load['raw_peak']:.2f}; target <= 1.1: {verdict(load['peak_mib'] <= 1.1 * load['raw_peak'])})")
    print(f"peak memory: oxigraph processes {peak:.0f} MiB"
          + (f"; rdflib process {rd['peak_mib']:.0f} MiB" if rd else ""))
    print()
    print("Each library query, CPU ms of the querying process (median of the runs; wall ms in brackets):")
    print("project = what `scomm query NAME` does to print its table (the stored answer when there is one: *);")
    print("sparql = the project's SPARQL path and the table rendered (API, `scomm serve`); raw = raw pyoxigraph,")
    print(f"every value of every answer read. Target (issue 15 item 1): <= 100 ms for an answer of <= {SMALL:,} rows, else <= 1 s.")
    print()
    head = f"{'query':28} {'rows':>6} {'project':>18} {'sparql':>18} {'raw':>18} {'proj/raw':>8}"
    if args.joined:
        head += f" {'joined':>10}"
    if http:
        head += f" {'http ms':>9}"
    if rd:
        head += f" {'rdflib ms':>10}"
    print(head + "  target")
    over = f">{args.query_timeout:.0f}s"

    def cell(r: dict[str, Any] | None, star: bool = False) -> str:
        if r is None:
            return over
        return f"{r['cpu'] * 1000:.1f}{'*' if star and r.get('stored') else ''} ({r['seconds'] * 1000:.0f})"

    met_all, small_ms = True, []
    for name, t in timings.items():
        project, sparql, raw_r = t.get("project"), t.get("sparql"), t.get("raw")
        rows = next((r["rows"] for r in (project, sparql, raw_r) if r), None)
        limit_ms = 100 if rows is not None and rows <= SMALL else 1000
        met = project is not None and project["cpu"] * 1000 <= limit_ms
        met_all &= met
        if rows is not None and rows <= SMALL:
            small_ms.append((name, None if project is None else project["cpu"] * 1000))
        ratio = f"{project['cpu'] / raw_r['cpu']:.2f}" if project and raw_r and raw_r["cpu"] > 0 else "-"
        line = f"{name:28} {'?' if rows is None else rows:>6} {cell(project, True):>18} {cell(sparql):>18} {cell(raw_r):>18} {ratio:>8}"
        if args.joined:
            line += f" {cell(t['joined']) if 'joined' in t else '-':>10}"
        if http:
            line += f" {over if http.get(name) is None else format(http[name] * 1000, '.1f'):>9}"
        if rd:
            rd_s, _ = rd["queries"][name]
            line += f" {'>' + format(args.rdflib_timeout, '.0f') + 's' if rd_s is None else format(rd_s * 1000, '.0f'):>10}"
        print(f"{line}  <= {limit_ms} ms: {verdict(met)}")
    print()
    some = "" if len(timings) == len(q.library()) else f" (only the {len(timings)} queries run)"
    print(f"issue 15 item 1 (every library query <= 1 s, selective ones <= 100 ms, at {quads:,} quads){some}: {verdict(met_all)}")
    if quads >= TEN_MILLION:
        mem_ok = load["peak_mib"] < 8 * 1024
        sel_ok = all(ms is not None and ms <= 100 for _, ms in small_ms)
        print(f"issue 15 item 5 ({quads:,} quads): load peak memory {load['peak_mib']:.0f} MiB < 8 GiB: {verdict(mem_ok)}; "
              f"selective queries <= 100 ms: {verdict(sel_ok)}"
              + ("" if sel_ok else " (" + ", ".join(f"{n} {'?' if ms is None else format(ms, '.0f')} ms" for n, ms in small_ms if ms is None or ms > 100) + ")"))
    else:
        print(f"issue 15 item 5 (10M quads): not checked at this size (run with --stances 360000 --events 72000)")


if __name__ == "__main__":
    main()
