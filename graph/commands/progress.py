"""Progress on the terminal for work that takes more than a moment, silent elsewhere.

Shown on standard error only when it is a terminal (a pipe, a file or CI sees nothing)
and only once the work has taken longer than SHOW_AFTER seconds, so quick runs do not
flicker. `SCOMM_PROGRESS_AFTER` (seconds) changes that delay; `SCOMM_PROGRESS=0` turns it
off, `SCOMM_PROGRESS=1` shows it even when standard error is not a terminal (for tests).
"""

from __future__ import annotations

import os
import sys
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import TextIO

SHOW_AFTER = 2.0
WIDTH = 24
FRAMES = "|/-\\"


def _enabled(stream: TextIO) -> bool:
    forced = os.environ.get("SCOMM_PROGRESS", "")
    if forced in ("0", "1"):
        return forced == "1"
    return stream.isatty()


class Progress:
    """One line on the terminal: a bar when the total is known, else a spinner; elapsed time."""

    def __init__(self, label: str, total: int | None, stream: TextIO) -> None:
        self.label, self.total, self.stream = label, total, stream
        self.done = 0
        self.started = time.monotonic()
        self.shown = False
        self._lock = threading.Lock()

    def advance(self, steps: int = 1) -> None:
        with self._lock:
            self.done += steps

    def line(self, tick: int) -> str:
        elapsed = time.monotonic() - self.started
        if self.total:
            filled = min(WIDTH, int(WIDTH * self.done / self.total))
            bar = "#" * filled + "-" * (WIDTH - filled)
            return f"\r{self.label} [{bar}] {self.done}/{self.total} {elapsed:5.1f} s"
        return f"\r{self.label} {FRAMES[tick % len(FRAMES)]} {elapsed:5.1f} s"

    def draw(self, tick: int) -> None:
        self.stream.write(self.line(tick))
        self.stream.flush()
        self.shown = True

    def clear(self) -> None:
        if self.shown:
            self.stream.write("\r" + " " * (len(self.line(0)) + 2) + "\r")
            self.stream.flush()


@contextmanager
def progress(label: str, total: int | None = None, stream: TextIO | None = None) -> Iterator[Callable[[int], None]]:
    """Show progress while the block runs; yields advance(steps) for work with a known total."""
    out = stream or sys.stderr
    bar = Progress(label, total, out)
    if not _enabled(out):
        yield bar.advance
        return
    after = float(os.environ.get("SCOMM_PROGRESS_AFTER", SHOW_AFTER))
    stop = threading.Event()

    def run() -> None:
        if stop.wait(after):
            return
        tick = 0
        while not stop.is_set():
            bar.draw(tick)
            tick += 1
            stop.wait(0.1)

    thread = threading.Thread(target=run, name="scomm-progress", daemon=True)
    thread.start()
    try:
        yield bar.advance
    finally:
        stop.set()
        thread.join()
        bar.clear()
