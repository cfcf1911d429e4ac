"""graph/ingest/lexicon.py: the extractor's word lists (graph/ingest/cues.yaml) as data."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from graph.build import yaml_source
from graph.build.vocabulary import Vocabulary
from graph.errors import DataError
from graph.ingest import lexicon
from tests.ingest.test_reported_acts import stances


def test_the_cue_file_reads_with_the_strict_reader_no_key_twice() -> None:
    """A list named twice in cues.yaml would silently keep only its last value under a plain YAML
    reader (it happened: two refuses-to-join lists): the project's strict reader refuses it."""
    strict = yaml_source.read(lexicon.CUES_FILE, "graph/ingest/cues.yaml")
    assert set(strict) == set(lexicon.data())


def test_a_key_written_twice_is_named_with_its_line(tmp_path: Path) -> None:
    twice = tmp_path / "cues.yaml"
    twice.write_text("refuses:\n- decline\nrefuses:\n- refuse\n", encoding="utf-8")
    with pytest.raises(DataError, match=r"cues.yaml:3: key 'refuses' appears twice"):
        yaml_source.read(twice, "cues.yaml")


def test_a_star_in_a_cue_phrase_stands_for_up_to_that_many_words() -> None:
    """One pattern for every list of phrases (benefits, not_cues, clauses, genres): a `*` once
    needed two spaces around an empty gap and never matched a word in it."""
    pattern = re.compile(lexicon.phrase_pattern("keeps * safe"))
    assert pattern.search("keeps safe") and pattern.search("keeps our   communities safe")
    assert not pattern.search("keeps one two three four safe")  # more than three words
    assert re.search(lexicon.phrase_pattern("keeps * safe", 4), "keeps one two three four safe")


def test_a_speaker_who_says_the_program_keeps_people_safe_supports_it(vocab: Vocabulary) -> None:
    found = stances("“The Beta Program keeps our communities safe,” said John Doe.", vocab)
    assert ("john-doe", "beta-program", "supports") in found


def test_every_word_of_a_cue_list_is_text() -> None:
    """YAML 1.1 reads a bare on, off, yes, no, true, false or null as a boolean or nothing: "on" in three
    word lists was `True` and never matched (found in session 16). Every item of a word list is text."""
    def items(node: object, path: str) -> list[str]:
        if isinstance(node, dict):
            return [bad for key, value in node.items() for bad in items(value, f"{path}.{key}")]
        if isinstance(node, list):
            return [f"{path}: {item!r}" for item in node if isinstance(item, bool) or item is None] + [
                bad for item in node for bad in items(item, path)]
        return []
    assert items(lexicon.data(), "cues") == []
