"""The big questions answered five ways, side by side, at 2M+ quads (issue 15 items 1-3; not a
test: prints figures, asserts nothing).

    python bench/bench_scale.py --work DIR --queries event-participants --skip-http --skip-rdflib
    python bench/bench_answers.py --work DIR [--runs 3] [--timeout 120]

needs a store made by bench_scale.py (DIR/store, with its stored answers DIR/answers, which it
writes again if they are missing or of an older version) and, for the columnar table,
`pip install duckdb pyarrow`. Every figure is measured in this run, on this store:

1. For each big question (stances-on, opponents, activation-and-opt-out,
   statements-without-source): the question as it was joined at question time
   (tests/fixtures/queries-joined/) and as the library asks it, on raw pyoxigraph; a user's own
   SPARQL over the flat shortcuts (ontology/shortcuts.ttl) where the library does not already
   read them; the stored answer read back from its file (the SPARQL JSON parsed into rows, and
   the table `scomm query` prints); the stored answer through the HTTP endpoint (`scomm
   serve`) and the same question on the endpoint's engine (its text with a comment added);
   and a columnar table beside the store (one flat row per statement, Parquet, DuckDB), the
   same question in SQL, its rows compared with the SPARQL answer's.
2. Every library query through the endpoint (urllib, SPARQL JSON, the whole body read) as a
   client sends it, with the raw engine's time for the same text, and each target of issue
   15 item 1 as met or NOT met.

SPARQL figures are CPU time of a fresh querying process that reads every value of every
answer (wall time in brackets), median of --runs after a warm-up; "> N s" means the
warm-up and runs did not finish in --timeout seconds of wall time.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path
from collections.abc import Callable
from typing import Any

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "bench"))

from bench_scale import SMALL, in_child, peak_mib, sample_params  # noqa: E402

BIG = ("stances-on", "opponents", "activation-and-opt-out", "statements-without-source")
JOINED = REPO / "tests" / "fixtures" / "queries-joined"
SCOMM = "https://w3id.org/scomm-kg/ontology#"
PROGRAM = "https://w3id.org/scomm-kg/id/secure-communities"
OPT_OUT = "https://w3id.org/scomm-kg/vocab/position/seeks-opt-out"
OPPOSES = "https://w3id.org/scomm-kg/vocab/position/opposes"

# A user's own SPARQL for the two big questions whose library query keeps its joins: the same
# question read from the statement node's flat shortcuts (actor's name, source identifier,
# first quote) instead of joining through the actor, the source document and the evidence.
SHORTCUT_SPARQL = {
    "activation-and-opt-out": """PREFIX scomm: <https://w3id.org/scomm-kg/ontology#>
PREFIX owl: <http://www.w3.org/2002/07/owl#>
PREFIX dcterms: <http://purl.org/dc/terms/>
PREFIX schema: <https://schema.org/>
PREFIX prov: <http://www.w3.org/ns/prov#>
PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
SELECT ?jurisdiction ?name ?fips ?activated ?table ?sourceRow ?optOut ?stance ?source
WHERE {
  ?stance scomm:position <https://w3id.org/scomm-kg/vocab/position/seeks-opt-out> ;
          scomm:actor ?jurisdiction ; scomm:actorName ?name ; scomm:sourceIdentifier ?source .
  OPTIONAL { ?stance dcterms:date ?optOut }
  OPTIONAL { ?jurisdiction owl:sameAs ?ref . ?ref scomm:fips ?fips }
  OPTIONAL {
    ?jurisdiction owl:sameAs ?ref .
    ?ref scomm:activationDate ?activated .
    ?value rdf:subject ?ref ; rdf:object ?activated ; rdf:predicate scomm:activationDate ;
           scomm:sourceRow ?sourceRow ; prov:wasDerivedFrom ?tableNode .
    ?tableNode schema:name ?table .
  }
}
ORDER BY ?name ?optOut ?source
""",
    "statements-without-source": """PREFIX scomm: <https://w3id.org/scomm-kg/ontology#>
SELECT ?statement
WHERE {
  ?statement a scomm:Statement .
  FILTER (NOT EXISTS { ?statement scomm:sourceIdentifier ?id } || NOT EXISTS { ?statement scomm:quoteText ?quote })
}
ORDER BY ?statement
""",
}

# The same questions in SQL over the columnar table: a second definition of each.
SQL = {
    "stances-on": f"""
SELECT statement, actor, actorName, positionNotation, date, sourceId, quote FROM statements
WHERE target = '{PROGRAM}' AND actor IS NOT NULL AND positionNotation IS NOT NULL AND actorName IS NOT NULL
  AND sourceId IS NOT NULL AND quote IS NOT NULL AND sortKey IS NOT NULL
ORDER BY sortKey""",
    "opponents": f"""
WITH RECURSIVE opposing(concept) AS (
  SELECT '{OPPOSES}' UNION SELECT b.concept FROM broader b JOIN opposing o ON b.broader = o.concept)
SELECT actor, actorName, positionNotation, date, sourceId, quote, statement FROM statements
WHERE position IN (SELECT concept FROM opposing) AND target = '{PROGRAM}' AND actor IS NOT NULL
  AND positionNotation IS NOT NULL AND actorName IS NOT NULL AND doc IS NOT NULL AND sourceId IS NOT NULL
  AND quote IS NOT NULL AND sortKey IS NOT NULL
ORDER BY sortKey""",
    "activation-and-opt-out": f"""
SELECT s.actor, j.name, j.fips, j.activated, j.tableName, j.sourceRow, s.date, s.statement,
       COALESCE(s.docId, s.doc)
FROM statements s JOIN jurisdictions j ON j.entity = s.actor
WHERE s.position = '{OPT_OUT}' AND s.doc IS NOT NULL
ORDER BY j.name, s.date NULLS FIRST, COALESCE(s.docId, s.doc)""",
    "statements-without-source": """
SELECT statement FROM statements WHERE doc IS NULL OR evidence = 0 ORDER BY statement""",
}

COLUMNS = {  # the flat row per statement: column -> predicate (the statement node's value)
    "kind": SCOMM + "statementKind", "actor": SCOMM + "actor", "actorName": SCOMM + "actorName",
    "target": SCOMM + "target", "position": SCOMM + "position", "positionNotation": SCOMM + "positionNotation",
    "date": "http://purl.org/dc/terms/date", "earliest": SCOMM + "earliestDate", "latest": SCOMM + "latestDate",
    "doc": "http://purl.org/dc/terms/source", "sourceId": SCOMM + "sourceIdentifier", "quote": SCOMM + "quoteText",
    "sortKey": SCOMM + "sortKey",
}
JURISDICTIONS = """PREFIX scomm: <https://w3id.org/scomm-kg/ontology#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
PREFIX owl: <http://www.w3.org/2002/07/owl#>
PREFIX schema: <https://schema.org/>
PREFIX prov: <http://www.w3.org/ns/prov#>
PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
SELECT ?entity ?name ?fips ?activated ?tableName ?sourceRow WHERE {
  { SELECT DISTINCT ?entity WHERE { ?st scomm:position <%s> ; scomm:actor ?entity } }
  ?entity skos:prefLabel ?name .
  OPTIONAL { ?entity owl:sameAs ?ref . ?ref scomm:fips ?fips }
  OPTIONAL {
    ?entity owl:sameAs ?ref .
    ?ref scomm:activationDate ?activated .
    ?value rdf:subject ?ref ; rdf:object ?activated ; rdf:predicate scomm:activationDate ;
           scomm:sourceRow ?sourceRow ; prov:wasDerivedFrom ?tableNode .
    ?tableNode schema:name ?tableName .
  }
}""" % OPT_OUT


def _timed(once: Callable[[], list[list[str | None]]], runs: int, queue: Any) -> None:
    """Run `once` once to warm up, then `runs` times; the medians, the last rows and the peak memory."""
    once()
    wall, cpu, rows = [], [], []
    for _ in range(runs):
        t, c = time.perf_counter(), time.process_time()
        rows = once()
        wall.append(time.perf_counter() - t)
        cpu.append(time.process_time() - c)
    queue.put({"seconds": statistics.median(wall), "cpu": statistics.median(cpu), "rows": rows, "peak_mib": peak_mib()})


def value(term: Any) -> str | None:
    return None if term is None else term.value


# ------------------------------------------------------------------ in child processes


def sparql_phase(store_path: Path, text: str, runs: int, queue: Any) -> None:
    """Raw pyoxigraph on the store, union default graph, every value of every answer read."""
    import pyoxigraph

    store = pyoxigraph.Store.read_only(str(store_path))

    def once() -> list[list[str | None]]:
        solutions = store.query(text, use_default_graph_as_union=True)
        names = [v.value for v in solutions.variables]  # type: ignore[union-attr]
        return [[value(s[n]) for n in names] for s in solutions]  # type: ignore[union-attr]

    _timed(once, runs, queue)


def columnar_phase(store_path: Path, parquet: Path, queue: Any) -> None:
    """The columnar table beside the store: one flat row per statement, read from the store
    (its shortcuts and a few direct values), written as Parquet; and two small side tables
    the SQL needs (the position hierarchy, the opt-out jurisdictions with their records)."""
    import pyarrow as pa
    import pyarrow.parquet as pq
    import pyoxigraph as ox

    started, cpu = time.perf_counter(), time.process_time()
    store = ox.Store.read_only(str(store_path))
    rdf_type = ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")
    statements = sorted({q.subject.value for q in store.quads_for_pattern(None, rdf_type, ox.NamedNode(SCOMM + "Statement"))})
    index = {s: n for n, s in enumerate(statements)}
    table: dict[str, list[Any]] = {"statement": statements}
    for column, predicate in COLUMNS.items():
        cells: list[Any] = [None] * len(statements)
        for quad in store.quads_for_pattern(None, ox.NamedNode(predicate), None):
            row = index.get(quad.subject.value)
            if row is not None:
                cells[row] = int(quad.object.value) if column == "sortKey" else quad.object.value
        table[column] = cells
    evidence = [0] * len(statements)
    for quad in store.quads_for_pattern(None, ox.NamedNode(SCOMM + "evidence"), None):
        row = index.get(quad.subject.value)
        if row is not None:
            evidence[row] += 1
    table["evidence"] = evidence
    ids: dict[str, str] = {}
    for quad in store.quads_for_pattern(None, ox.NamedNode("http://purl.org/dc/terms/identifier"), None):
        ids.setdefault(quad.subject.value, quad.object.value)
    table["docId"] = [None if d is None else ids.get(d) for d in table["doc"]]
    pq.write_table(pa.table(table), parquet)
    broader = [(q.subject.value, q.object.value) for q in
               store.quads_for_pattern(None, ox.NamedNode("http://www.w3.org/2004/02/skos/core#broader"), None)]
    pq.write_table(pa.table({"concept": [b[0] for b in broader], "broader": [b[1] for b in broader]}),
                   parquet.with_name("broader.parquet"))
    solutions = store.query(JURISDICTIONS, use_default_graph_as_union=True)
    names = [v.value for v in solutions.variables]  # type: ignore[union-attr]
    found = [[value(s[n]) for n in names] for s in solutions]  # type: ignore[union-attr]
    pq.write_table(pa.table({n: [r[i] for r in found] for i, n in enumerate(names)}), parquet.with_name("jurisdictions.parquet"))
    queue.put({"seconds": time.perf_counter() - started, "cpu": time.process_time() - cpu, "rows": len(statements),
               "bytes": parquet.stat().st_size, "peak_mib": peak_mib()})


def sql_phase(parquet: Path, name: str, runs: int, queue: Any) -> None:
    """The question in SQL, DuckDB over the Parquet files (views: read at each query)."""
    import duckdb

    con = duckdb.connect()
    con.execute("SET threads TO 1")
    for view, path in (("statements", parquet), ("broader", parquet.with_name("broader.parquet")),
                       ("jurisdictions", parquet.with_name("jurisdictions.parquet"))):
        con.execute(f"CREATE VIEW {view} AS SELECT * FROM read_parquet('{path}')")

    def once() -> list[list[str | None]]:
        return [[None if v is None else str(v) for v in row] for row in con.execute(SQL[name]).fetchall()]

    _timed(once, runs, queue)


def answers_phase(work: Path, queue: Any) -> None:
    from graph.store import answers

    started, cpu = time.perf_counter(), time.process_time()
    answers.write(work)
    queue.put({"seconds": time.perf_counter() - started, "cpu": time.process_time() - cpu})


# ------------------------------------------------------------------ in this process


def timed(fn: Any, runs: int) -> tuple[float, float, Any]:
    result = fn()
    wall, cpu = [], []
    for _ in range(runs):
        t, c = time.perf_counter(), time.process_time()
        result = fn()
        wall.append(time.perf_counter() - t)
        cpu.append(time.process_time() - c)
    return statistics.median(wall), statistics.median(cpu), result


def post(url: str, text: str, timeout: float) -> tuple[str | None, bytes]:
    data = urllib.parse.urlencode({"query": text}).encode()
    request = urllib.request.Request(url, data=data, headers={
        "Accept": "application/sparql-results+json", "Content-Type": "application/x-www-form-urlencoded"})
    with urllib.request.urlopen(request, timeout=timeout) as response:
        return response.headers.get("Scomm-Answer"), response.read()


def http_timed(url: str, text: str, runs: int, timeout: float) -> dict[str, Any] | None:
    """Median wall seconds of a request (the whole answer received), after a warm-up."""
    try:
        said, body = post(url, text, timeout)
        times = []
        for _ in range(runs):
            t = time.perf_counter()
            said, body = post(url, text, timeout)
            times.append(time.perf_counter() - t)
    except (urllib.error.URLError, TimeoutError, ConnectionError):
        return None
    return {"seconds": statistics.median(times), "stored": said is not None, "bytes": len(body), "body": body}


def json_rows(body: bytes) -> list[list[str | None]]:
    doc = json.loads(body)
    names = doc["head"]["vars"]
    return [[b[n]["value"] if n in b else None for n in names] for b in doc["results"]["bindings"]]


def compare(mine: list[list[str | None]] | None, reference: list[list[str | None]]) -> str:
    if mine is None:
        return "-"
    if mine == reference:
        return "same rows, same order"
    if sorted(mine, key=repr) == sorted(reference, key=repr):
        return "same rows, other order"
    return f"DIFFERENT ({len(mine)} rows against {len(reference)})"


def ms(r: dict[str, Any] | None, limit: float, key: str = "cpu") -> str:
    if r is None:
        return f"> {limit:.0f} s"
    text = f"{r[key] * 1000:,.0f}" if r[key] >= 0.01 else f"{r[key] * 1000:.1f}"
    return text + (f" ({r['seconds'] * 1000:,.0f})" if key == "cpu" else "")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--work", type=Path, required=True, help="The folder bench_scale.py --work filled (store/, answers/).")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--timeout", type=float, default=120.0, help="Stop a SPARQL query (and the endpoint's engine) after this many seconds.")
    parser.add_argument("--port", type=int, default=0, help="The endpoint's port (else a free one).")
    parser.add_argument("--skip-columnar", action="store_true")
    parser.add_argument("--skip-library", action="store_true", help="Only the big questions, not every library query through the endpoint.")
    parser.add_argument("--questions", default=",".join(BIG), help="The big questions to compare (comma-separated library names).")
    args = parser.parse_args()

    import pyoxigraph

    from graph.store import answers
    from graph.store import query as q
    from graph.store.serve import Server, free_port

    store_path = args.work / "store"
    load_before = os.getloadavg()
    quads = len(pyoxigraph.Store.read_only(str(store_path)))
    print(f"store {store_path}: {quads:,} quads; load average {load_before[0]:.1f} on {os.cpu_count()} cores at the start")
    if answers.for_endpoint(store_path) is None:
        wrote = in_child(answers_phase, args.work)
        assert wrote is not None
        print(f"stored answers written (as build/import/analyze write them): {wrote['cpu']:.1f} s CPU, {wrote['seconds']:.1f} s wall")
    library = q.library()
    parquet = args.work / "statements.parquet"
    columnar = None
    if not args.skip_columnar:
        columnar = in_child(columnar_phase, store_path, parquet)
        assert columnar is not None
        print(f"columnar table (one flat row per statement, Parquet, with 2 side tables): {columnar['rows']:,} rows, "
              f"{columnar['bytes'] / 2**20:.1f} MiB, made from the store in {columnar['cpu']:.1f} s CPU ({columnar['seconds']:.1f} s wall)")
    port = args.port or free_port()
    server = Server(store_path, read_only=True, port=port, timeout_s=int(args.timeout))
    server.start()
    limit = args.timeout
    figures: dict[str, dict[str, Any]] = {}
    try:
        for name in args.questions.split(","):
            query = library[name]
            text = answers.endpoint_text(query)
            f: dict[str, Any] = {}
            if (JOINED / f"{name}.rq").exists():
                joined = q.bind(q.parse_query((JOINED / f"{name}.rq").read_text(encoding="utf-8"), name), {})
                if joined != text:
                    f["joined"] = in_child(sparql_phase, store_path, joined, args.runs, limit=limit)
            f["library"] = in_child(sparql_phase, store_path, text, args.runs, limit=limit)
            if name in SHORTCUT_SPARQL:
                f["shortcuts"] = in_child(sparql_phase, store_path, SHORTCUT_SPARQL[name], args.runs, limit=limit)
            found = answers.for_endpoint(store_path)
            hit = found.lookup(text, "json") if found else None
            reference: list[list[str | None]] = []
            if hit is not None:
                path = hit[1]

                def read_back(path: Path = path) -> list[list[str | None]]:
                    parsed = pyoxigraph.parse_query_results(path=path, format=pyoxigraph.QueryResultsFormat.JSON)
                    names = [v.value for v in parsed.variables]  # type: ignore[union-attr]
                    return [[value(s[n]) for n in names] for s in parsed]  # type: ignore[union-attr]

                wall, cpu, reference = timed(read_back, args.runs)
                f["read"] = {"seconds": wall, "cpu": cpu}
                table = path.with_name(f"{name}.table")
                wall, cpu, _ = timed(lambda: table.read_text(encoding="utf-8"), args.runs)
                f["table"] = {"seconds": wall, "cpu": cpu}
            f["http"] = http_timed(server.query_url, text, args.runs, limit)
            f["http_engine"] = http_timed(server.query_url, text + "\n# my own copy of the question\n", 1, limit)
            if columnar is not None:
                f["sql"] = in_child(sql_phase, parquet, name, args.runs, limit=limit)
            if not reference and f["library"] is not None:
                reference = f["library"]["rows"]
            f["reference_rows"] = len(reference)
            for key in ("joined", "library", "shortcuts", "sql"):
                if key in f:
                    f[key + "_same"] = compare(f[key]["rows"] if f[key] else None, reference)
            if f["http"] is not None:
                f["http_same"] = compare(json_rows(f["http"]["body"]), reference)
            figures[name] = f
            print(f"  {name}: done", file=sys.stderr, flush=True)

        endpoint: dict[str, tuple[dict[str, Any] | None, dict[str, Any] | None, int | None]] = {}
        if not args.skip_library:
            for name, query in library.items():
                text = q.bind(query, sample_params(query))
                over_http = http_timed(server.query_url, text, args.runs, limit)
                raw = in_child(sparql_phase, store_path, text, 1, limit=limit)
                rows = len(json_rows(over_http["body"])) if over_http else (len(raw["rows"]) if raw else None)
                endpoint[name] = (over_http, raw, rows)
                print(f"  endpoint {name}: {None if over_http is None else over_http['seconds']}", file=sys.stderr, flush=True)
    finally:
        server.stop()

    load_after = os.getloadavg()
    print()
    print(f"The big questions at {quads:,} quads: CPU ms of the querying process (wall ms in brackets), or wall ms for HTTP.")
    print("joined = the question joined at question time (before the shortcuts); library = the library's SPARQL")
    print("(stances-on and opponents read the flat shortcuts); shortcuts = a user's own SPARQL over the flat")
    print("shortcuts; read = the stored SPARQL JSON parsed into rows; table = the stored table read (scomm query);")
    print("http stored / http engine = the endpoint, the stored answer / the same question on its engine;")
    print("sql = DuckDB over the Parquet table, one thread. Rows compared with the stored answer's.")
    print()
    head = f"{'question':26} {'rows':>7} {'joined':>16} {'library':>16} {'shortcuts':>16} {'read':>7} {'table':>6} {'http stored':>11} {'http engine':>11} {'sql':>12}"
    print(head)
    for name, f in figures.items():
        def cell(key: str, kind: str = "cpu") -> str:
            if key not in f:
                return "-"
            return ms(f[key], limit, kind)

        print(f"{name:26} {f['reference_rows']:>7,} {cell('joined'):>16} {cell('library'):>16} {cell('shortcuts'):>16} "
              f"{cell('read', 'seconds'):>7} {cell('table', 'seconds'):>6} {cell('http', 'seconds'):>11} "
              f"{cell('http_engine', 'seconds'):>11} {cell('sql'):>12}")
    print()
    for name, f in figures.items():
        same = "; ".join(f"{key}: {f[key + '_same']}" for key in ("joined", "library", "shortcuts", "http", "sql") if key + "_same" in f)
        print(f"  {name}: {same}")
    if endpoint:
        print()
        print(f"Every library query through the endpoint (`scomm serve`, urllib, SPARQL JSON, wall ms of the whole answer;")
        print(f"* = the stored answer), and raw pyoxigraph on the same text in this run (CPU ms, wall in brackets).")
        print(f"Target (issue 15 item 1): <= 100 ms for an answer of <= {SMALL:,} rows, else <= 1 s.")
        print()
        print(f"{'query':28} {'rows':>7} {'endpoint ms':>12} {'raw engine':>18}  target")
        met_all = True
        for name, (over_http, raw, rows) in endpoint.items():
            target = 100 if rows is not None and rows <= SMALL else 1000
            met = over_http is not None and over_http["seconds"] * 1000 <= target
            met_all &= met
            cell = "> %.0f s" % limit if over_http is None else f"{over_http['seconds'] * 1000:,.1f}{'*' if over_http['stored'] else ''}"
            print(f"{name:28} {'?' if rows is None else rows:>7} {cell:>12} {ms(raw, limit):>18}  <= {target} ms: {'met' if met else 'NOT met'}")
        print()
        print(f"issue 15 item 1 through the SPARQL endpoint at {quads:,} quads (every library query <= 1 s, "
              f"selective ones <= 100 ms): {'met' if met_all else 'NOT met'}")
    print(f"load average {load_before[0]:.1f} at the start, {load_after[0]:.1f} at the end, on {os.cpu_count()} cores")


if __name__ == "__main__":
    main()
