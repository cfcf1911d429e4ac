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
    """The passage of the document most like the quote, of about its length."""
    width = len(quote)
    if width >= len(text):
        return text
    anchor = _best_anchor(text, quote)
    best, best_ratio = "", -1.0
    step = max(1, width // 8)
    lo = max(0, anchor - width)
    hi = min(len(text) - width, anchor + width)
    for start in range(lo, hi + 1, step):
        window = text[start : start + width]
        ratio = difflib.SequenceMatcher(None, quote, window, autojunk=False).ratio()
        if ratio > best_ratio:
            best, best_ratio = window, ratio
    return best


def _best_anchor(text: str, quote: str) -> int:
    """A likely start: where the longest word of the quote appears, else the best block match."""
    words = sorted({w for w in quote.split() if len(w) > 3}, key=len, reverse=True)
    for word in words:
        position = text.find(word)
        if position != -1:
            return max(0, position - quote.find(word))
    matcher = difflib.SequenceMatcher(None, text, quote, autojunk=False)
    block = matcher.find_longest_match(0, len(text), 0, len(quote))
    return max(0, block.a - block.b)
