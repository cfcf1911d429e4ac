import pytest

from graph.build.quotes import QuoteNotFound, locate, nearest

TEXT = "DHS said “opt out” is possible. Later DHS said opt out is not possible — in Oct. 2010."


def test_offsets_count_code_points() -> None:
    found = locate(TEXT, "in Oct. 2010")
    assert TEXT[found.start : found.end] == "in Oct. 2010"
    # the curly quotes and the dash are one code point each, not three bytes
    assert found.start == TEXT.index("in Oct. 2010")
    assert found.suffix == "." and found.prefix.endswith("— ")


def test_ambiguous_needs_occurrence() -> None:
    with pytest.raises(QuoteNotFound, match="occurs 2 times"):
        locate(TEXT, "DHS said")
    second = locate(TEXT, "DHS said", occurrence=2)
    assert second.start == TEXT.index("DHS said", 1)
    with pytest.raises(QuoteNotFound, match="occurrence 3 asked"):
        locate(TEXT, "DHS said", occurrence=3)


def test_missing_quote_shows_nearest_passage() -> None:
    with pytest.raises(QuoteNotFound, match="closest passage: 'opt out is not possible'"):
        locate(TEXT, "opt-out is not possible")
    assert nearest(TEXT, "is not posible") == "is not possible"[:14]
