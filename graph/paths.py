"""Where the project's files are: the repository root, data, ontology and output."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Project:
    """The folders one build reads and writes."""

    root: Path
    out_dir: Path

    @property
    def data_dir(self) -> Path:
        return self.root / "data"

    @property
    def ontology_dir(self) -> Path:
        return self.root / "ontology"

    @property
    def queries_dir(self) -> Path:
        return Path(__file__).parent / "queries"

    def relative(self, path: Path) -> str:
        """The path as a reader of error messages wants it: relative to the root."""
        try:
            return str(path.resolve().relative_to(self.root.resolve()))
        except ValueError:
            return str(path)


def project(root: Path | None = None, out_dir: Path | None = None) -> Project:
    """The project at `root`, else $SCOMM_ROOT, else the checkout holding this package."""
    if root is None:
        env = os.environ.get("SCOMM_ROOT")
        root = Path(env) if env else Path(__file__).resolve().parent.parent
    root = root.resolve()
    return Project(root=root, out_dir=(out_dir or root / "out").resolve())
