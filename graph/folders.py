"""Where the project's files are (root, data, ontology, output), and how outputs are written whole."""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
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
        return Path(__file__).parent / "store" / "queries"

    def relative(self, path: Path) -> str:
        """The path as a reader of error messages wants it: relative to the root."""
        try:
            # the folder resolved, the name kept: a link is named as itself, not its target
            return str((path.parent.resolve() / path.name).relative_to(self.root.resolve()))
        except (ValueError, RuntimeError, OSError):  # outside the root, or a symbolic link loop
            try:
                return os.path.relpath(os.path.abspath(path), self.root)
            except ValueError:
                return str(path)


def project(root: Path | None = None, out_dir: Path | None = None) -> Project:
    """The project at `root`, else $SCOMM_ROOT, else the checkout holding this package."""
    if root is None:
        env = os.environ.get("SCOMM_ROOT")
        root = Path(env) if env else Path(__file__).resolve().parent.parent
    root = root.resolve()
    return Project(root=root, out_dir=(out_dir or root / "out").resolve())


@contextmanager
def staging(out_dir: Path) -> Iterator[Path]:
    """A temporary folder beside `out_dir` to write into; removed if anything fails."""
    out_dir.parent.mkdir(parents=True, exist_ok=True)
    stage = Path(tempfile.mkdtemp(prefix=f".{out_dir.name}-staging-", dir=out_dir.parent))
    try:
        yield stage
    finally:
        shutil.rmtree(stage, ignore_errors=True)


def publish(stage: Path, out_dir: Path, names: list[str]) -> None:
    """Move the named files and folders from the staging folder into `out_dir`.

    Each file replaces its old version in one rename, so a reader never sees half a file;
    a folder (the store) is swapped in by two renames.
    """
    out_dir.mkdir(parents=True, exist_ok=True)
    for name in names:
        source, target = stage / name, out_dir / name
        if source.is_dir():
            old = out_dir / f".{name}.old"
            shutil.rmtree(old, ignore_errors=True)
            if target.exists():
                os.replace(target, old)
            os.replace(source, target)
            shutil.rmtree(old, ignore_errors=True)
        else:
            os.replace(source, target)


def write_atomic(path: Path, data: bytes) -> None:
    """Write one file so that it is either the old or the whole new content."""
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, tmp = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
        os.chmod(tmp, 0o644)  # mkstemp makes files only the owner can read
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def write_text_atomic(path: Path, text: str) -> None:
    """Write UTF-8 text so that the file is either the old or the whole new content."""
    write_atomic(path, text.encode("utf-8"))
