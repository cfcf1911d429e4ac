"""Where the project's files are (root, data, ontology, output), and how outputs are written whole.

An output is swapped whole, at every instant (SIGKILL included) the complete previous one or
the complete new one. Each output is written into a new generation folder inside the output
folder (`out/.build-XXXX`) and then switched in by renaming one symbolic
link over the old one, the only step a reader can see:

    out/.build    -> .build-XXXX         (switched in one rename)
    out/graph.nq  -> .build/graph.nq     (stable links: the paths users know keep working)
    out/store     -> .build/store
    out/imports   -> .build/imports

A folder of its own (`out/analysis/`, `out/viz/`) stays a real folder: the new one is written
beside it and the two are exchanged in one step (Linux `renameat2(RENAME_EXCHANGE)`), then
the old one is removed.

Old generations and half-written ones (a killed run) are removed by the next run. A run
holds an exclusive lock on `out/.scomm.lock` (fcntl), so a second one on the same output
refuses with a message naming the first.
"""

from __future__ import annotations

import fcntl
import os
import secrets
import shutil
import signal
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from graph.errors import ScommError

LOCK_NAME = ".scomm.lock"
BUILD_LINK = ".build"


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


# ------------------------------------------------------------------ whole swaps and the lock


class Busy(ScommError):
    """Another scomm command is writing to the same output folder (exit 2)."""


_held: dict[str, int] = {}


@contextmanager
def output_lock(out_dir: Path) -> Iterator[None]:
    """Hold the output folder's lock (re-entrant within a process); Busy if another has it."""
    out_dir.mkdir(parents=True, exist_ok=True)
    key = os.path.realpath(out_dir)
    if key in _held:
        _held[key] += 1
        try:
            yield
        finally:
            _held[key] -= 1
        return
    fd = os.open(os.path.join(key, LOCK_NAME), os.O_RDWR | os.O_CREAT, 0o644)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        holder = os.read(fd, 64).decode("ascii", "replace").strip() or "unknown"
        os.close(fd)
        raise Busy(
            f"another scomm command (process {holder}) is writing to {out_dir}; "
            "wait for it to finish, or give another --out"
        ) from None
    os.ftruncate(fd, 0)
    os.write(fd, f"{os.getpid()}\n".encode("ascii"))
    _held[key] = 1
    try:
        yield
    finally:
        del _held[key]
        os.close(fd)


def fault_point(name: str) -> None:
    """A place the kill tests stop a run at (SIGKILL when $SCOMM_FAULT_POINT names it)."""
    if os.environ.get("SCOMM_FAULT_POINT") == name:
        os.kill(os.getpid(), signal.SIGKILL)


def new_generation(parent: Path, kind: str) -> Path:
    """An empty folder to write a new output into: `parent/.KIND-XXXX.partial`."""
    parent.mkdir(parents=True, exist_ok=True)
    return Path(tempfile.mkdtemp(prefix=f".{kind}-{secrets.token_hex(4)}", suffix=".partial", dir=parent))


def switch(generation: Path, link: Path, kind: str) -> Path:
    """Make the complete `generation` folder current: `link` points to it after one rename.

    Then remove the older generations of this kind and any half-written one.
    """
    fault_point(f"{kind}:staged")
    os.chmod(generation, 0o755)
    final = link.parent / f".{kind}-{secrets.token_hex(6)}"
    os.rename(generation, final)
    fault_point(f"{kind}:renamed")
    tmp = link.with_name(f".{link.name}.{secrets.token_hex(4)}.link")
    os.symlink(final.name, tmp)
    fault_point(f"{kind}:link-made")
    if link.is_dir() and not link.is_symlink():  # a folder from before generations: moved aside once
        os.rename(link, link.with_name(f".{kind}-legacy{secrets.token_hex(4)}"))
    os.replace(tmp, link)
    fault_point(f"{kind}:switched")
    collect(link.parent, kind, keep=final.name)
    return final


def collect(parent: Path, kind: str, keep: str | None) -> None:
    """Remove generations of `kind` other than `keep` (older ones, half-written ones)."""
    for path in parent.glob(f".{kind}-*"):
        if path.name != keep and not path.name.endswith(".link"):
            if path.is_symlink() or path.is_file():
                path.unlink(missing_ok=True)
            else:
                shutil.rmtree(path, ignore_errors=True)
    for path in parent.glob(".*.link"):
        if path.is_symlink() and not path.exists():
            path.unlink(missing_ok=True)


def current_generation(out_dir: Path) -> Path | None:
    """The folder `out/.build` points to (None before the first build in this layout)."""
    link = out_dir / BUILD_LINK
    return link.resolve() if link.is_symlink() and link.exists() else None


def publish_build(out_dir: Path, generation: Path, names: list[str]) -> None:
    """Switch the build generation in, then make sure each name in out/ is a stable link."""
    final = switch(generation, out_dir / BUILD_LINK, "build")
    for name in names:
        path = out_dir / name
        if not (final / name).exists():
            continue
        wanted = f"{BUILD_LINK}/{name}"
        if path.is_symlink() and os.readlink(path) == wanted:
            continue
        tmp = out_dir / f".{name}.{secrets.token_hex(4)}.link"
        os.symlink(wanted, tmp)
        if path.is_dir() and not path.is_symlink():  # the layout before generations, replaced once
            aside = out_dir / f".build-legacy-{name}-{secrets.token_hex(4)}"
            os.rename(path, aside)
            os.replace(tmp, path)
            shutil.rmtree(aside, ignore_errors=True)
        else:
            os.replace(tmp, path)
    fault_point("build:linked")


def copy_generation(out_dir: Path, kind: str = "build") -> Path:
    """A new generation holding a copy of the current build output (for changes such as an import)."""
    generation = new_generation(out_dir, kind)
    current = current_generation(out_dir)
    if current is not None:
        shutil.rmtree(generation)
        shutil.copytree(current, generation, symlinks=True)
    else:  # the layout before generations: copy the files out/ holds
        for name in os.listdir(out_dir):
            source = out_dir / name
            if name.startswith(".") or name in ("analysis", "viz"):
                continue
            if source.is_dir():
                shutil.copytree(source, generation / name, symlinks=True)
            elif source.is_file():
                shutil.copy2(source, generation / name)
    return generation


_RENAME_EXCHANGE = 2


def _exchange(a: Path, b: Path) -> bool:
    """Swap two paths in one atomic step (Linux renameat2); False where it is not supported."""
    import ctypes

    try:
        libc = ctypes.CDLL(None, use_errno=True)
        renameat2 = libc.renameat2
    except (OSError, AttributeError):
        return False
    at_fdcwd = -100
    if renameat2(at_fdcwd, os.fsencode(a), at_fdcwd, os.fsencode(b), _RENAME_EXCHANGE) == 0:
        return True
    errno = ctypes.get_errno()
    if errno in (22, 38, 95):  # EINVAL, ENOSYS, EOPNOTSUPP: not on this system or file system
        return False
    raise OSError(errno, os.strerror(errno), str(b))


def swap_folder(new: Path, target: Path, kind: str) -> None:
    """Put the complete folder `new` in place of `target` in one step, then remove the old one.

    At every instant `target` is the whole old folder or the whole new one.
    """
    fault_point(f"{kind}:staged")
    os.chmod(new, 0o755)
    if target.is_symlink():
        target.unlink()
    if not target.exists():
        os.rename(new, target)
        fault_point(f"{kind}:switched")
        return
    if not _exchange(new, target):  # elsewhere: two renames, the old folder moved aside first
        aside = target.with_name(f".{target.name}.old-{secrets.token_hex(4)}")
        os.rename(target, aside)
        os.rename(new, target)
        new = aside
    fault_point(f"{kind}:switched")
    shutil.rmtree(new, ignore_errors=True)
