"""Finding a quote in its document: exact offsets, or the nearest passage when absent."""

from __future__ import annotations

from dataclasses import dataclass

from rapidfuzz import fuzz

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
    """The passage of the document most like the quote, of the quote's length.

    rapidfuzz's partial-ratio alignment (a bit-parallel edit-distance search): milliseconds
    for any quote length, where a SequenceMatcher scan grew with the cube of the length.
    """
    width = len(quote)
    if width >= len(text):
        return text
    found = fuzz.partial_ratio_alignment(quote, text)
    if found is None or found.score == 0:
        return text[:width]
    start = found.dest_start
    return text[start : start + width] if found.dest_end - start < width else text[start : found.dest_end]
