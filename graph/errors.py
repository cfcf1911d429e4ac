"""The one exception hierarchy; the CLI turns these into exit codes (1 data, 2 usage)."""

from __future__ import annotations

from collections.abc import Iterable


class ScommError(Exception):
    """Base of every error the project raises on purpose."""

    exit_code = 2


class DataError(ScommError):
    """The curated data, the corpus or the shapes are invalid (exit 1)."""

    exit_code = 1


class DataErrors(DataError):
    """Several data problems found in one run, reported together."""

    def __init__(self, messages: Iterable[str], note: str = "") -> None:
        self.messages = list(messages)
        count = len(self.messages)
        head = f"{count} problem{'s' if count != 1 else ''} found:"
        # the note (what was or was not done) follows the list and is not one of the problems
        super().__init__("\n".join([head, *(f"  {m}" for m in self.messages), *([note] if note else [])]))


class UsageError(ScommError):
    """The command was called wrongly (exit 2)."""

    exit_code = 2
