"""The extractor's word lists, kept as data in graph/ingest/cues.yaml (see its comments)."""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

CUES_FILE = Path(__file__).with_name("cues.yaml")


@lru_cache(maxsize=1)
def data() -> dict[str, Any]:
    """graph/ingest/cues.yaml: position cues, hedges, idioms, fractions, titles and places."""
    return yaml.safe_load(CUES_FILE.read_text(encoding="utf-8")) or {}


def phrase_pattern(phrase: str, most: int = 3) -> str:
    """A cues.yaml phrase as a regex: its words with any run of spaces between them, a `*` standing
    for up to `most` words ("keeps * safe" matches "keeps our communities safe")."""
    words = phrase.split()
    return "".join(rf"(?:\S+\s+){{0,{most}}}?" if word == "*" else re.escape(word) + (r"\s+" if i < len(words) - 1 else "")
                   for i, word in enumerate(words))
