"""The options every command shares: where the project is, and where its output goes."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

import click

F = TypeVar("F", bound=Callable[..., Any])


def root_option() -> Callable[[F], F]:
    """--root: the project folder (holding data/ and ontology/)."""
    return click.option(
        "--root", type=click.Path(file_okay=False, path_type=Path), default=None,
        help="Project folder (holding data/ and ontology/); default: $SCOMM_ROOT or this checkout.",
    )


def out_option(also: str = "") -> Callable[[F], F]:
    """--out: the output folder holding the built graph and store; `also` adds what else goes there."""
    return click.option(
        "--out", "out_dir", type=click.Path(file_okay=False, path_type=Path), default=None,
        help=("Output folder holding the built graph and store; default: out/ under the project. " + also).strip(),
    )
