"""A throwaway Virtuoso 7.2 server (Debian's `virtuoso-opensource`) for the tests.

It runs from its own folder: a virtuoso.ini written here, pointing the database, its logs
and the allowed directories at that folder, SQL and HTTP on 127.0.0.1 only. A fresh
database comes up in about 5-15 s; `start` waits for the HTTP endpoint to answer, then
grants the anonymous SPARQL user the rights the Graph Store and Update endpoints need
(the /…-auth endpoints take the `dba` account with Digest authentication).
"""

from __future__ import annotations

import shutil
import socket
import subprocess
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

SERVER = "virtuoso-t"
ISQL = "isql-vt"
USER, PASSWORD = "dba", "dba"  # a fresh database's administrator
GRANTS = ('GRANT SPARQL_UPDATE TO "SPARQL";',
          "DB.DBA.RDF_DEFAULT_USER_PERMS_SET ('nobody', 7);",
          'GRANT EXECUTE ON DB.DBA.L_O_LOOK TO "SPARQL";')
# A role the database's own start-up has granted already: the grant holds, which is all we need
# (seen once in a full suite run: "role already assigned").
ALREADY = "already assigned"
VSP = Path("/var/lib/virtuoso-opensource-7/vsp")

INI = """\
[Database]
DatabaseFile       = {db}/virtuoso.db
ErrorLogFile       = {db}/virtuoso.log
LockFile           = {db}/virtuoso.lck
TransactionFile    = {db}/virtuoso.trx
xa_persistent_file = {db}/virtuoso.pxa
ErrorLogLevel      = 7
FileExtend         = 200
MaxCheckpointRemap = 2000
Striping           = 0
TempStorage        = TempDatabase

[TempDatabase]
DatabaseFile       = {db}/virtuoso-temp.db
TransactionFile    = {db}/virtuoso-temp.trx
MaxCheckpointRemap = 2000
Striping           = 0

[Parameters]
ServerPort           = 127.0.0.1:{sql_port}
DisableUnixSocket    = 1
DisableTcpSocket     = 0
MaxClientConnections = 10
CheckpointInterval   = 60
CaseMode             = 2
DirsAllowed          = ., {db}
NumberOfBuffers      = 10000
MaxDirtyBuffers      = 6000
ThreadsPerQuery      = 2

[HTTPServer]
ServerPort           = 127.0.0.1:{http_port}
ServerRoot           = {vsp}
MaxClientConnections = 10
ServerThreads        = 10
Charset              = UTF-8
EnabledGzipContent   = 0

[SPARQL]
ResultSetMaxRows           = 1000000
MaxQueryCostEstimationTime = 400
MaxQueryExecutionTime      = 300
"""


def installed() -> bool:
    return shutil.which(SERVER) is not None and shutil.which(ISQL) is not None


def port_free(port: int) -> bool:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            sock.bind(("127.0.0.1", port))
        except OSError:
            return False
    return True


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


class Virtuoso:
    """Start with `start()` (or `with Virtuoso(folder) as v:`), stop with `stop()`."""

    def __init__(self, folder: Path, sql_port: int = 18161, http_port: int = 18162) -> None:
        self.folder = folder
        self.sql_port = sql_port if port_free(sql_port) else free_port()
        self.http_port = http_port if port_free(http_port) else free_port()
        self.process: subprocess.Popen[bytes] | None = None

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self.http_port}"

    @property
    def sparql_url(self) -> str:
        """Queries, and SPARQL Update from the anonymous user (granted by `start`)."""
        return self.base + "/sparql"

    @property
    def sparql_auth_url(self) -> str:
        return self.base + "/sparql-auth"

    @property
    def gsp_url(self) -> str:
        return self.base + "/sparql-graph-crud"

    @property
    def gsp_auth_url(self) -> str:
        return self.base + "/sparql-graph-crud-auth"

    @property
    def log(self) -> str:
        path = self.folder / "db" / "virtuoso.log"
        return path.read_text(errors="replace")[-3000:] if path.exists() else ""

    def start(self, wait_s: float = 180.0) -> Virtuoso:
        db = self.folder / "db"
        db.mkdir(parents=True, exist_ok=True)
        ini = self.folder / "virtuoso.ini"
        ini.write_text(INI.format(db=db, sql_port=self.sql_port, http_port=self.http_port, vsp=VSP if VSP.is_dir() else db))
        output = open(self.folder / "stdout.log", "wb")
        self.process = subprocess.Popen([SERVER, "+foreground", "+configfile", str(ini)], cwd=db,
                                        stdout=output, stderr=subprocess.STDOUT)
        deadline = time.monotonic() + wait_s
        probe = self.sparql_url + "?" + urllib.parse.urlencode({"query": "ASK {}"})
        while True:
            if self.process.poll() is not None:
                raise RuntimeError(f"Virtuoso stopped at start (exit {self.process.returncode}):\n{self.log}")
            try:
                with urllib.request.urlopen(probe, timeout=5) as response:
                    if response.status == 200:
                        break
            except (urllib.error.URLError, OSError):
                pass
            if time.monotonic() > deadline:
                self.stop()
                raise RuntimeError(f"Virtuoso did not answer within {wait_s:g} s:\n{self.log}")
            time.sleep(0.25)
        for grant in GRANTS:
            try:
                self.isql(grant)
            except RuntimeError as exc:
                if ALREADY not in str(exc):
                    raise
        return self

    def isql(self, statements: str) -> str:
        """Run SQL as `dba` through Virtuoso's isql client; its output."""
        done = subprocess.run([ISQL, f"127.0.0.1:{self.sql_port}", USER, PASSWORD, f"exec={statements}"],
                              capture_output=True, text=True, timeout=60)
        if done.returncode != 0 or "*** Error" in done.stdout + done.stderr:
            raise RuntimeError(f"isql failed: {done.stdout}{done.stderr}")
        return done.stdout

    def stop(self) -> None:
        if self.process is None or self.process.poll() is not None:
            return
        self.process.terminate()
        try:
            self.process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait(timeout=10)

    def __enter__(self) -> Virtuoso:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()
