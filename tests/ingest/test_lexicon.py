"""graph/ingest/lexicon.py: the extractor's word lists (graph/ingest/cues.yaml) as data."""

from __future__ import annotations

from pathlib import Path

import pytest

from graph.build import yaml_source
from graph.errors import DataError
from graph.ingest import lexicon


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
