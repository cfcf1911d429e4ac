"""graph/ingest/passages.py: sentences."""

from __future__ import annotations

from graph.ingest.passages import LONGEST_SENTENCE, sentences


def test_a_run_of_words_without_a_sentence_end_is_read_in_pieces_broken_at_a_space() -> None:
    # A text whose punctuation and line breaks were lost is one "sentence" of thousands of words:
    # what reads a sentence pair by pair or cue by cue took minutes on it. No sentence is longer
    # than LONGEST_SENTENCE; each piece ends at a space, its text is the document's at its offsets.
    text = " ".join(f"Gamma Agency said word{i} of the program" for i in range(800))
    spans = sentences(text)
    assert len(spans) > 1 and all(len(s.text) <= LONGEST_SENTENCE for s in spans)
    assert all(s.text == text[s.start : s.end] == s.text.strip() for s in spans)
    assert " ".join(s.text for s in spans) == text  # nothing lost, every break at a space
    word = "x" * (LONGEST_SENTENCE + 10)  # a "word" longer than a sentence is broken inside it
    assert [(s.start, s.end) for s in sentences(word)] == [(0, LONGEST_SENTENCE), (LONGEST_SENTENCE, len(word))]
    prose = "The county joined the program. It said so on Tuesday."
    assert [s.text for s in sentences(prose)] == ["The county joined the program.", "It said so on Tuesday."]
