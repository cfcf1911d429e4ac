"""The extractor's word lists, kept as data in graph/ingest/cues.yaml (see its comments)."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

CUES_FILE = Path(__file__).with_name("cues.yaml")


@lru_cache(maxsize=1)
def data() -> dict[str, Any]:
    """graph/ingest/cues.yaml: position cues, hedges, idioms, fractions, titles and places."""
    return yaml.safe_load(CUES_FILE.read_text(encoding="utf-8")) or {}
