"""The `scomm` command line: thin commands over the library; errors become exit codes.

Exit codes: 0 ok, 1 invalid data or shapes, 2 usage or internal error.
"""

from __future__ import annotations

import importlib
import sys
from pathlib import Path

import click

from graph.commands.options import out_option, root_option
from graph.errors import ScommError

# Feature modules that add commands; each exposes COMMANDS: list[click.Command].
COMMAND_MODULES: tuple[str, ...] = (
    "graph.commands.build", "graph.commands.store", "graph.commands.records",
    "graph.commands.analysis", "graph.commands.viz", "graph.commands.ingest", "graph.commands.release",
)

ROOT_OPTION = root_option()
OUT_OPTION = out_option()


class _Group(click.Group):
    """Turns the project's errors into messages and exit codes, in one place."""

    def invoke(self, ctx: click.Context) -> object:
        try:
            return super().invoke(ctx)
        except ScommError as exc:
            click.echo(f"error: {exc}", err=True)
            sys.exit(exc.exit_code)
        except (click.exceptions.Exit, click.exceptions.Abort, click.ClickException, SystemExit):
            raise
        except KeyboardInterrupt:
            click.echo("error: interrupted", err=True)
            sys.exit(130)
        except BrokenPipeError:
            # the reader went away (`scomm query ... | head`): not an error of ours or theirs
            import os

            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
            sys.exit(0)
        except Exception as exc:  # anything else is a bug in scomm, not in the user's data
            if ctx.meta.get("scomm.debug"):
                raise
            where = _origin(exc)
            click.echo(
                f"error: internal error, this is a bug in scomm ({type(exc).__name__}: {_one_line(exc)}{where}); "
                "run again with --debug for the traceback and report it", err=True,
            )
            sys.exit(2)


def _one_line(exc: BaseException) -> str:
    text = " ".join(str(exc).split())
    return text[:200] + ("\u2026" if len(text) > 200 else "")


def _origin(exc: BaseException) -> str:
    tb = exc.__traceback__
    while tb is not None and tb.tb_next is not None:
        tb = tb.tb_next
    if tb is None:
        return ""
    return f" at {Path(tb.tb_frame.f_code.co_filename).name}:{tb.tb_lineno}"


@click.group(cls=_Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="scomm-kg")
@click.option("--debug", is_flag=True, help="Show the Python traceback of an internal error.")
@click.pass_context
def main(ctx: click.Context, debug: bool) -> None:
    """scomm-kg: an evidence-backed knowledge graph of the Secure Communities program.

    Every stance, event, relationship and figure in the graph is a statement by a source
    document, with the exact quote and its character offsets.

    Exit codes: 0 ok, 1 invalid data or shapes, 2 usage or internal error (an internal
    error prints one line; `scomm --debug COMMAND` shows its traceback).
    """
    ctx.meta["scomm.debug"] = debug


@main.command(name="all")
@ROOT_OPTION
@OUT_OPTION
@click.pass_context
def all_(ctx: click.Context, root: Path | None, out_dir: Path | None) -> None:
    """The main job: build the graph, then run the analyses and write the HTML views.

    The same as `scomm build`, then `scomm analyze` and `scomm viz`.
    """
    for name in ("build", "analyze", "viz"):
        command = main.get_command(ctx, name)
        if command is not None:
            accepted = {p.name for p in command.params}
            given = {k: v for k, v in (("root", root), ("out_dir", out_dir)) if k in accepted and v is not None}
            ctx.invoke(command, **given)


def _register() -> None:
    for module_name in COMMAND_MODULES:
        module = importlib.import_module(module_name)
        for command in module.COMMANDS:
            main.add_command(command)


_register()
