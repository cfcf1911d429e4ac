"""Reading SPARQL text as tokens (strings, IRIs and comments set apart), without an engine.

pyoxigraph gives no algebra, so the checks a query must pass before it runs are made on its
tokens: `SERVICE` (a request to another server) is refused, nesting and length are bounded,
and a dataset clause (`FROM`, `FROM NAMED`) is noticed. The same tokens say where the WHERE
clause opens, for endpoints that cannot take bound values any other way.

The scan is conservative: SPARQL's `\\uXXXX` escapes are decoded and the text scanned again,
so a keyword cannot hide in an escape; a word in doubt is refused, never let through.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from graph.errors import UsageError

MAX_QUERY_CHARS = 100_000
MAX_NESTING = 64

_TOKEN = re.compile(
    r"""
    (?P<comment>\#[^\n\r]*)
  | (?P<iri><[^<>"{}|^`\\\x00-\x20]*>)
  | (?P<string>\"\"\"(?:[^"\\]|\\.|"(?!""))*\"\"\"|'''(?:[^'\\]|\\.|'(?!''))*'''|"(?:[^"\\\n\r]|\\.)*"|'(?:[^'\\\n\r]|\\.)*')
  | (?P<var>[?$][^\W]\w*)
  | (?P<pname>(?:[^\W\d_][\w.-]*)?:(?:[\w:%-]|\\.|\.(?=[\w:%-]))*)
  | (?P<word>[^\W\d][\w-]*)
  | (?P<open>[{(\[])
  | (?P<close>[})\]])
  | (?P<space>\s+)
  | (?P<other>.)
    """,
    re.VERBOSE | re.DOTALL,
)
_ESCAPE = re.compile(r"\\u([0-9A-Fa-f]{4})|\\U([0-9A-Fa-f]{8})")
FORMS = ("SELECT", "ASK", "CONSTRUCT", "DESCRIBE")
UPDATES = ("INSERT", "DELETE", "LOAD", "CLEAR", "DROP", "CREATE", "ADD", "MOVE", "COPY", "WITH")


@dataclass(frozen=True)
class Token:
    kind: str
    text: str
    start: int


@dataclass(frozen=True)
class Shape:
    """What the checks found: the query form and whether it names its own dataset."""

    form: str | None
    names_dataset: bool
    depth: int


def tokens(text: str) -> list[Token]:
    """Every token but white space, with its offset in `text`."""
    return [Token(m.lastgroup or "other", m.group(), m.start()) for m in _TOKEN.finditer(text) if m.lastgroup != "space"]


def _decoded(text: str) -> str:
    def one(match: re.Match[str]) -> str:
        code = int(match.group(1) or match.group(2), 16)
        return chr(code) if code <= 0x10FFFF else "\ufffd"

    return _ESCAPE.sub(one, text)


def check(text: str, max_chars: int = MAX_QUERY_CHARS, max_nesting: int = MAX_NESTING) -> Shape:
    """Refuse, with a UsageError saying why, what the endpoint will not run; else its shape."""
    if len(text) > max_chars:
        raise UsageError(f"the query is {len(text):,} characters long; the limit is {max_chars:,}")
    variants = [text]
    decoded = _decoded(text)
    if decoded != text:
        variants.append(decoded)
    shape: Shape | None = None
    for variant in variants:
        found = tokens(variant)
        words = {t.text.upper() for t in found if t.kind == "word"}
        if "SERVICE" in words:
            raise UsageError(
                "SERVICE is refused: queries are answered from this graph's own data only, "
                "never by sending a request to another server"
            )
        depth = deepest = 0
        for token in found:
            if token.kind == "open":
                depth += 1
                if depth > max_nesting:
                    raise UsageError(f"the query nests brackets more than {max_nesting} deep")
                deepest = max(deepest, depth)
            elif token.kind == "close":
                depth -= 1
        if shape is None:
            form = next((t.text.upper() for t in found if t.kind == "word" and t.text.upper() in FORMS), None)
            shape = Shape(form=form, names_dataset="FROM" in words, depth=deepest)
    assert shape is not None
    return shape


def is_update(text: str) -> bool:
    """Whether the text reads as a SPARQL Update (its first keyword is an update operation)."""
    for token in tokens(text):
        if token.kind == "word":
            upper = token.text.upper()
            if upper in ("PREFIX", "BASE"):
                continue
            return upper in UPDATES
    return False


def where_brace(text: str) -> int | None:
    """The offset just after the `{` that opens the query's WHERE clause (None if none)."""
    found = tokens(text)
    depth = 0
    seen_form = False
    for i, token in enumerate(found):
        if token.kind == "word" and token.text.upper() in FORMS and depth == 0:
            seen_form = True
        if token.kind == "open":
            if token.text == "{" and depth == 0 and seen_form:
                previous = found[i - 1] if i else None
                # `CONSTRUCT { template } WHERE { ... }`: the template is not the WHERE clause
                if previous is not None and previous.kind == "word" and previous.text.upper() == "CONSTRUCT":
                    depth += 1
                    continue
                return token.start + 1
            depth += 1
        elif token.kind == "close":
            depth -= 1
    return None
