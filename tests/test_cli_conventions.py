"""CLI conventions, through the real `scomm` command: -h, --format, progress on a terminal only.

The progress test runs the command under a pseudo-terminal (pty) as a user's shell would,
then the same command with standard error on a pipe, where nothing but the result shows.
"""

from __future__ import annotations

import csv
import io
import json
import os
import pty
import select
import subprocess
import sys
import time
from pathlib import Path

import click
import pytest
from click.testing import CliRunner

from graph.cli import main
from graph.folders import Project

REPO = Path(__file__).resolve().parent.parent


def _commands() -> list[tuple[str, click.Command]]:
    ctx = click.Context(main)
    return [(name, main.get_command(ctx, name)) for name in main.list_commands(ctx)]  # type: ignore[misc]


@pytest.mark.parametrize("flag", ["-h", "--help"])
def test_every_command_answers_h_and_help(flag: str) -> None:
    runner = CliRunner()
    top = runner.invoke(main, [flag])
    assert top.exit_code == 0 and "Usage:" in top.output
    for name, _ in _commands():
        result = runner.invoke(main, [name, flag])
        assert result.exit_code == 0, (name, result.output)
        assert "Usage:" in result.output, name


def test_commands_that_print_tables_take_format() -> None:
    # every command whose output is rows (a table or a listing of records) offers --format
    tabular = {"query", "stats", "path", "ego", "timeline", "disagreements"}
    for name, command in _commands():
        if name in tabular:
            assert any(p.name == "fmt" for p in command.params), name


def _scomm(args: list[str], tty: bool, env: dict[str, str]) -> tuple[int, str, str]:
    """Run the CLI with stderr on a pseudo-terminal (tty=True) or a pipe; (code, stdout, stderr)."""
    full_env = {**os.environ, "PYTHONPATH": str(REPO), **env}
    full_env.pop("SCOMM_PROGRESS", None)
    command = [sys.executable, "-m", "graph", *args]
    if not tty:
        run = subprocess.run(command, capture_output=True, text=True, env=full_env, timeout=600)
        return run.returncode, run.stdout, run.stderr
    leader, follower = pty.openpty()
    proc = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=follower, env=full_env)
    os.close(follower)
    seen = b""
    deadline = time.monotonic() + 600
    while time.monotonic() < deadline:
        ready, _, _ = select.select([leader], [], [], 0.2)
        if ready:
            try:
                chunk = os.read(leader, 4096)
            except OSError:
                break
            if not chunk:
                break
            seen += chunk
        elif proc.poll() is not None:
            break
    out = proc.stdout.read().decode("utf-8") if proc.stdout else ""
    code = proc.wait(timeout=60)
    os.close(leader)
    return code, out, seen.decode("utf-8", "replace")


def test_progress_shows_on_a_terminal_and_nowhere_else(mini_built: Project, tmp_path: Path) -> None:
    args = ["build", "--root", str(mini_built.root), "--out", str(tmp_path / "out")]
    env = {"SCOMM_PROGRESS_AFTER": "0"}  # show at once: the mini build is quick
    code, out, err = _scomm(args, tty=True, env=env)
    assert code == 0, err
    assert "building the graph" in err and " s" in err
    assert "built" in out
    code, out, err = _scomm(args, tty=False, env=env)
    assert code == 0 and "built" in out
    assert "building the graph" not in err and "\r" not in err


def test_format_csv_and_json_are_machine_readable(mini_built: Project) -> None:
    runner = CliRunner()
    base = ["--root", str(mini_built.root), "--out", str(mini_built.out_dir)]
    as_csv = runner.invoke(main, ["disagreements", *base, "--format", "csv"])
    assert as_csv.exit_code == 0, as_csv.output
    rows = list(csv.DictReader(io.StringIO(as_csv.output)))
    as_json = json.loads(runner.invoke(main, ["disagreements", *base, "--format", "json"]).output)
    text = runner.invoke(main, ["disagreements", *base]).output
    assert rows and len(rows) == len(as_json)
    # each pair, both statements named, in all three forms: the counts add up
    assert [(r["a_statement_id"], r["b_statement_id"]) for r in rows] == [(r["a_statement_id"], r["b_statement_id"]) for r in as_json]
    assert all(r["a_statement_id"] in text and r["b_statement_id"] in text for r in rows)
