"""Checklist item 4 (docs/curation.md): the quote alone supports the statement.

Runs the rule of scripts/quote_check.py over the curated data: every statement whose quote
lacks its actor's name or alias or what a stance or claim is about (`target`, `about`) (or, for a figure, the words of what it counts; for a post
dated from the text, its date) must carry a `note` that explains it ("Item 4: ...")."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[2]


def _checker():
    spec = importlib.util.spec_from_file_location("quote_check", ROOT / "scripts" / "quote_check.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("quote_check", module)
    spec.loader.exec_module(module)
    return module


def test_every_flagged_statement_carries_an_explaining_note() -> None:
    unexplained = [flag.line() for flag in _checker().check(ROOT) if not flag.noted]
    assert not unexplained, "quotes that do not support their statement alone (add the passage that does, or an 'Item 4:' note):\n" + "\n".join(unexplained)


def _project(tmp_path: Path, statements: dict) -> Path:
    (tmp_path / "data" / "entities").mkdir(parents=True)
    (tmp_path / "data" / "statements").mkdir(parents=True)
    (tmp_path / "data" / "entities" / "people.yaml").write_text(yaml.safe_dump([
        {"id": "pablo-alvarado", "type": "person", "name": "Pablo Alvarado"},
        {"id": "dhs", "type": "agency", "name": "Department of Homeland Security", "aliases": ["DHS"]},
        {"id": "secure-communities", "type": "program", "name": "Secure Communities", "aliases": ["SComm"]},
    ]))
    (tmp_path / "data" / "statements" / "doc.yaml").write_text(yaml.safe_dump({"source": "doc", **statements}))
    return tmp_path


def test_the_rule_flags_what_the_review_found(tmp_path: Path) -> None:
    root = _project(tmp_path, {
        "stances": [
            {"id": "neighbour-only", "actor": "pablo-alvarado", "quote": "the so-called Secure Communities program"},
            {"id": "named", "actor": "pablo-alvarado", "quote": ["the so-called Secure Communities program", "said Pablo Alvarado"]},
            {"id": "document-itself", "actor": "doc", "quote": "Insecurities about Secure Communities"},
            {"id": "explained", "actor": "pablo-alvarado", "quote": "they released", "note": "Item 4: no passage names him."},
        ],
        "figures": [
            {"id": "what-counted", "measure": "jurisdictions-activated", "reported_by": "dhs", "quote": "DHS: from 14 jurisdictions in 2008"},
            {"id": "counted", "measure": "jurisdictions-activated", "reported_by": "dhs", "quote": "DHS expanded Secure Communities from 14 jurisdictions in 2008"},
        ],
        "posts": [
            {"id": "undated-quote", "person": "pablo-alvarado", "date": "2010-09", "quote": "Pablo Alvarado"},
            {"id": "post-dated", "person": "pablo-alvarado", "date": "2010-09-14", "date_basis": "post-date", "quote": "Pablo Alvarado"},
        ],
    })
    flags = {flag.id: flag for flag in _checker().check(root)}
    assert set(flags) == {"neighbour-only", "explained", "what-counted", "undated-quote"}
    assert flags["explained"].noted and not flags["neighbour-only"].noted


def test_the_rule_flags_a_target_or_base_named_only_nearby(tmp_path: Path) -> None:
    """Review-sample-3 errors: "When someone opposes it" (target in the sentence before),
    an increase whose base "compared to fiscal year 2008" is left out of the quote."""
    root = _project(tmp_path, {
        "stances": [
            {"id": "pronoun-target", "actor": "doc", "target": "secure-communities", "quote": "When someone opposes it"},
            {"id": "named-target", "actor": "doc", "target": "secure-communities", "quote": ["When someone opposes it", "SCOMM is a weak form"]},
            {"id": "program-target", "actor": "doc", "target": "secure-communities", "quote": "could opt out of the program"},
        ],
        "claims": [
            {"id": "dragnet", "actor": "doc", "about": "secure-communities", "quote": "The broad dragnet deports"},
            {"id": "dragnet-noted", "actor": "doc", "about": "secure-communities", "quote": "The broad dragnet deports", "note": "Item 4: the dragnet is the program named earlier."},
        ],
        "figures": [
            {"id": "no-base", "measure": "removals-increase", "reported_by": "dhs", "quote": "DHS: increases of more than 23,000 removals", "note": "Fiscal year 2010 compared with fiscal year 2008."},
            {"id": "base", "measure": "removals-increase", "reported_by": "dhs", "quote": ["DHS: fiscal year 2010 increases of more than 23,000 removals", "compared to fiscal year 2008"], "note": "Fiscal year 2010 compared with fiscal year 2008."},
            {"id": "open-period", "measure": "removals", "reported_by": "dhs", "quote": "DHS: This year alone, 1,000 removals", "date_note": "calendar or fiscal year is not said (fiscal 2010)"},
        ],
    })
    flags = {flag.id: flag for flag in _checker().check(root)}
    assert set(flags) == {"pronoun-target", "dragnet", "dragnet-noted", "no-base"}
    assert flags["dragnet-noted"].noted and not flags["dragnet"].noted
    assert flags["no-base"].missing == ["base/period 2008", "base/period 2010"]
