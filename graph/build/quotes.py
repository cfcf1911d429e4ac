"""Finding a quote in its document: exact offsets, or the nearest passage when absent."""

from __future__ import annotations

import difflib
from dataclasses import dataclass

CONTEXT = 32


@dataclass(frozen=True)
class Located:
    """A quote found in a document, with Web Annotation selector values."""

    exact: str
    start: int
    end: int
    prefix: str
    suffix: str


class QuoteNotFound(ValueError):
    """The quote is not in the document, or is ambiguous; the message says how to fix it."""


def occurrences(text: str, quote: str) -> list[int]:
    """Every start offset (in code points) of `quote` in `text`, overlapping ones too."""
    found: list[int] = []
    start = text.find(quote)
    while start != -1:
        found.append(start)
        start = text.find(quote, start + 1)
    return found


def locate(text: str, quote: str, occurrence: int | None = None) -> Located:
    """Locate the quote; raise QuoteNotFound naming the nearest passage or the ambiguity."""
    if not quote.strip():
        raise QuoteNotFound("quote is empty")
    starts = occurrences(text, quote)
    if not starts:
        raise QuoteNotFound(f"quote not found in the document; closest passage: {nearest(text, quote)!r}")
    if occurrence is None:
        if len(starts) > 1:
            raise QuoteNotFound(
                f"quote occurs {len(starts)} times (at offsets {', '.join(map(str, starts))}); "
                "add `occurrence: N` to say which"
            )
        occurrence = 1
    if not 1 <= occurrence <= len(starts):
        raise QuoteNotFound(f"occurrence {occurrence} asked but the quote occurs {len(starts)} time(s)")
    start = starts[occurrence - 1]
    end = start + len(quote)
    return Located(
        exact=quote,
        start=start,
        end=end,
        prefix=text[max(0, start - CONTEXT) : start],
        suffix=text[end : end + CONTEXT],
    )


def nearest(text: str, quote: str) -> str:
    """The passage of the document most like the quote, of the quote's length."""
    width = len(quote)
    if width >= len(text):
        return text
    step = max(1, width // 8)
    starts: set[int] = set()
    for anchor in _anchors(text, quote):
        starts.update(range(max(0, anchor - width), min(len(text) - width, anchor + width) + 1, step))
    coarse = max(sorted(starts), key=lambda start: _similarity(quote, text[start : start + width]))
    fine = range(max(0, coarse - step), min(len(text) - width, coarse + step) + 1)
    best = max(fine, key=lambda start: _similarity(quote, text[start : start + width]))
    return text[best : best + width]


def _similarity(a: str, b: str) -> float:
    return difflib.SequenceMatcher(None, a, b, autojunk=False).ratio()


def _anchors(text: str, quote: str, words: int = 3, per_word: int = 12) -> list[int]:
    """Likely starts: where the quote's longest words occur, else the best block match."""
    found: list[int] = []
    for word in sorted({w for w in quote.split() if len(w) > 3}, key=lambda w: (-len(w), w))[:words]:
        offset = quote.find(word)
        for position in occurrences(text, word)[:per_word]:
            found.append(max(0, position - offset))
    if not found:
        matcher = difflib.SequenceMatcher(None, text, quote, autojunk=False)
        block = matcher.find_longest_match(0, len(text), 0, len(quote))
        found.append(max(0, block.a - block.b))
    return found
