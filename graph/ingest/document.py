"""`scomm ingest`: copy a document into the corpus and record it in the manifest.

The document is plain text or HTML (converted to text with the standard library's
html.parser). It is refused when empty, binary, in an encoding that cannot be told, or
already in the corpus (same SHA-256), and when its id is taken by another file. UTF-8
plain text without a byte-order mark or carriage returns is copied byte for byte; other
input is stored as the UTF-8 text it decodes to, with "\\n" line ends. The manifest, the
copy and the review file are checked on a temporary copy of the project first, then
written, so that a failure leaves nothing behind.
"""

from __future__ import annotations

import codecs
import difflib
import hashlib
import re
import shutil
import tempfile
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path

from graph import dates
from graph.ingest import yaml_edit as yamledit
from graph.errors import DataError, UsageError
from graph.build.load import Curated, load
from graph.folders import Project, project as make_project
from graph.build.pipeline import check
from graph.folders import write_atomic, write_text_atomic
from graph.ingest.review import review_path, write_review

HTML_SUFFIXES = (".html", ".htm", ".xhtml")
BINARY_MAGIC = {b"%PDF": "a PDF", b"PK\x03\x04": "a ZIP or Office file", b"\x89PNG": "a PNG image",
                b"GIF8": "a GIF image", b"\xff\xd8\xff": "a JPEG image", b"\xd0\xcf\x11\xe0": "an old Office file"}
BLOCK_TAGS = frozenset(
    "p div br li h1 h2 h3 h4 h5 h6 tr section article header footer ul ol table blockquote pre hr dd dt "
    "title main nav aside figure figcaption address".split()
)
SKIP_TAGS = frozenset({"script", "style", "noscript", "template", "svg"})


@dataclass
class Ingested:
    source: str
    file: str
    sha256: str
    review: str | None


def ingest(
    project: Project, path: Path, title: str, date: str | None = None, publisher: str | None = None,
    url: str | None = None, ident: str | None = None, perspective: str = "descriptive",
    encoding: str | None = None, review: bool = True, author: str | list[str] | None = None,
    publisher_type: str | None = None,
) -> Ingested:
    """Add the document at `path` to the corpus; all or nothing. A publisher or author the
    register does not know is proposed as a new entity in the review file (keeping it sets the
    source's field), never matched to a place: "Washington Post" is no hint for Washington.
    `author`: one author or several (a joint letter); each is an id, name or alias or a new name."""
    text, verbatim = read_document(path, encoding)
    data = verbatim if verbatim is not None else text.encode("utf-8")
    digest = hashlib.sha256(data).hexdigest()
    curated = load(project)
    ident = ident or _slug_for(title, date)
    _refuse_duplicates(project, curated, digest, ident)
    if date is not None:
        try:
            dates.parse(date)
        except ValueError as exc:
            raise UsageError(f"--date: {exc}") from None
    corpus = project.data_dir / "corpus"
    name = f"corpus/{_next_number(corpus):03d}_{digest[:16]}.txt"
    record: dict[str, str | list[str]] = {"id": ident, "file": name, "sha256": digest, "title": title}
    if date:
        record["date"] = date
    roles: list[tuple[str, str, str]] = []
    authors = [author] if isinstance(author, str) else list(author or [])
    known_authors: list[str] = []
    for role, given in (("publisher", publisher), *(("author", a) for a in authors)):
        if not given:
            continue
        known = _entity_id(curated, given, f"--{role}", new_ok=True)
        if known is not None and role == "author":
            known_authors += [known] if known not in known_authors else []
            continue
        if known is not None:
            record[role] = known
            continue
        if not review:
            raise UsageError(f"--{role} {given!r} is not in the register; drop --no-review so that it is proposed "
                             "as a new entity, or add it to data/entities first")
        type_ = publisher_type if role == "publisher" and publisher_type else _role_type(role, given)
        roles.append((role, given, type_))
    if known_authors:
        record["author"] = known_authors[0] if len(known_authors) == 1 else known_authors
    record["perspective"] = perspective
    if url:
        record["url"] = url
    manifest_path = project.data_dir / "sources.yaml"
    manifest = yamledit.append_to_list(manifest_path.read_text(encoding="utf-8"), [record])
    review_text = _trial(project, name, data, manifest, ident, review, roles)
    write_atomic(project.data_dir / name, data)
    write_text_atomic(manifest_path, manifest)
    written_review = None
    if review_text is not None:
        target = review_path(project, ident)
        write_text_atomic(target, review_text)
        written_review = project.relative(target)
    return Ingested(ident, name, digest, written_review)


def read_document(path: Path, encoding: str | None = None) -> tuple[str, bytes | None]:
    """The document's text, and its bytes when they can be kept verbatim; DataError if unusable."""
    if not path.is_file():
        raise UsageError(f"{path}: no such file")
    data = path.read_bytes()
    if not data.strip():
        raise DataError(f"{path}: the file is empty; give a document with text")
    for magic, kind in BINARY_MAGIC.items():
        if data.startswith(magic):
            raise DataError(f"{path}: this is {kind}, not text; convert it to plain text or HTML first")
    nul = data.find(b"\x00", 0, 8192)
    if nul != -1 and not data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        raise DataError(f"{path}: binary data (a NUL byte at offset {nul}); give a plain-text or HTML document")
    text = _decode(path, data, encoding)
    controls = sum(1 for c in text if ord(c) < 32 and c not in "\n\r\t\f")
    if controls > max(2, len(text) // 100):
        raise DataError(f"{path}: {controls} control characters: this looks like binary data, not text")
    is_html = path.suffix.lower() in HTML_SUFFIXES or re.match(r"\s*(<!doctype html|<html)", text[:512], re.IGNORECASE)
    if is_html:
        text = html_to_text(text)
        if not text.strip():
            raise DataError(f"{path}: the HTML holds no text")
        return text, None
    if "\r" in text or data.startswith(codecs.BOM_UTF8) or encoding or text.encode("utf-8") != data:
        return text.replace("\r\n", "\n").replace("\r", "\n").lstrip("\ufeff"), None
    return text, data


def _decode(path: Path, data: bytes, encoding: str | None) -> str:
    if encoding:
        try:
            return data.decode(encoding)
        except LookupError:
            raise UsageError(f"--encoding {encoding}: unknown encoding name") from None
        except UnicodeDecodeError as exc:
            raise DataError(f"{path}: not valid {encoding} at byte {exc.start} ({exc.reason})") from None
    for bom, name in ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16")):
        if data.startswith(bom):
            try:
                return data.decode(name)
            except UnicodeDecodeError as exc:
                raise DataError(f"{path}: starts with a {name} byte-order mark but is not valid {name} at byte {exc.start}") from None
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        declared = re.search(rb"<meta[^>]+charset=[\"']?([A-Za-z0-9_.:-]+)", data[:4096], re.IGNORECASE)
        if declared is not None:
            name = declared.group(1).decode("ascii")
            try:
                return data.decode(name)
            except LookupError:
                raise DataError(f"{path}: declares the unknown charset {name!r}; pass --encoding") from None
            except UnicodeDecodeError as inner:
                raise DataError(f"{path}: declares charset {name} but is not valid {name} at byte {inner.start}") from None
        line = data[: exc.start].count(b"\n") + 1
        raise DataError(
            f"{path}:{line}: not UTF-8 (byte 0x{data[exc.start]:02x} at offset {exc.start}) and no charset is "
            "declared, so the encoding is unknown; pass --encoding (e.g. cp1252, latin-1) or convert the file to UTF-8"
        ) from None


class _TextParser(HTMLParser):
    """Collects the visible text of an HTML page, one block per line."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skipping = 0
        self.pre = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in SKIP_TAGS:
            self.skipping += 1
        elif tag in BLOCK_TAGS:
            self.parts.append("\n")
            if tag == "li":
                self.parts.append("- ")
            self.pre += tag == "pre"

    def handle_endtag(self, tag: str) -> None:
        if tag in SKIP_TAGS:
            self.skipping = max(0, self.skipping - 1)
        elif tag in BLOCK_TAGS and tag != "li":  # the next item's start line ends an item
            self.parts.append("\n\n" if tag in ("p", "h1", "h2", "h3", "h4", "h5", "h6", "title", "table", "ul", "ol") else "\n")
            self.pre -= tag == "pre" and self.pre > 0

    def handle_data(self, data: str) -> None:
        if self.skipping:
            return
        self.parts.append(data if self.pre else re.sub(r"\s+", " ", data))


def html_to_text(html: str) -> str:
    """The visible text of an HTML document: blocks on their own lines, lists as `- ` items."""
    parser = _TextParser()
    parser.feed(html)
    parser.close()
    lines = [re.sub(r"[ \t]+", " ", line).strip() for line in "".join(parser.parts).split("\n")]
    text = "\n".join(lines)
    text = re.sub(r"\n{3,}", "\n\n", text).strip()
    return text + "\n"


def _refuse_duplicates(project: Project, curated: Curated, digest: str, ident: str) -> None:
    for record in curated.sources.values():
        if record.values["sha256"] == digest:
            raise DataError(f"{record.where}: this document is already in the corpus as source {record.id!r} (same SHA-256); nothing done")
    if ident in curated.sources:
        record = curated.sources[ident]
        raise DataError(
            f"{record.where}: source id {ident!r} already names another file ({record.values['file']}, SHA-256 "
            f"{record.values['sha256'][:12]}...); a changed file under an existing id is refused: ingest it with "
            "another --id, or edit the manifest by hand and re-check that source's quotes"
        )
    if ident in curated.entities or ident in curated.statements:
        raise UsageError(f"id {ident!r} is already used by an entity or a statement; pass another --id")


PLACE_TYPES = frozenset({"state", "county", "city", "district", "country", "territory", "region"})


def _entity_id(curated: Curated, given: str, option: str, new_ok: bool = False) -> str | None:
    """The entity a publisher or author option names. A place never publishes: its names are not
    matched. With `new_ok`, a name the register does not hold gives None (to be proposed), unless
    it is a near-miss spelling of a known publisher's name (a typo: refused with the fix)."""
    able = {i: r for i, r in curated.entities.items() if r.values.get("type") not in PLACE_TYPES}
    if given in able:
        return given
    forms: dict[str, str] = {}
    for ident, record in sorted(able.items()):
        for form in [record.values["name"], *record.values.get("aliases", [])]:
            forms.setdefault(str(form).lower(), ident)
    if given.lower() in forms:
        return forms[given.lower()]
    if new_ok:
        typo = difflib.get_close_matches(given.lower(), list(forms), n=1, cutoff=0.9)
        if not typo:
            return None
        raise UsageError(f"{option} {given!r} is not in the register; did you mean {forms[typo[0]]} ({typo[0]!r})? "
                         "(a name not close to any known one is proposed as a new entity)")
    close = difflib.get_close_matches(given, list(able), n=3, cutoff=0.5)
    hint = f"; did you mean {', '.join(close)}?" if close else ""
    raise UsageError(f"{option} {given!r} is not an entity id, name or alias of data/entities{hint} (add the entity first)")


def _role_type(role: str, name: str) -> str:
    """The type a new publisher or author most likely has (graph/ingest/review.py `role_type`)."""
    from graph.ingest.review import role_type

    return role_type(role, name)


def _slug_for(title: str, date: str | None) -> str:
    words = re.findall(r"[a-z0-9]+", title.lower())[:6]
    year = date[:4] if date else ""
    return "-".join([*words, year]).strip("-") or "document"


def _next_number(corpus: Path) -> int:
    numbers = [int(m.group(1)) for p in corpus.glob("*.txt") if (m := re.match(r"(\d+)_", p.name))]
    return max(numbers, default=-1) + 1


def _trial(project: Project, name: str, data: bytes, manifest: str, ident: str, review: bool,
           roles: list[tuple[str, str, str]] | None = None) -> str | None:
    """Check the project with the new document on a temporary copy; the review file's text."""
    with tempfile.TemporaryDirectory(prefix="scomm-ingest-") as temp:
        root = Path(temp)
        shutil.copytree(project.data_dir, root / "data", ignore=shutil.ignore_patterns("review"))
        shutil.copytree(project.ontology_dir, root / "ontology")
        (root / "data" / name).parent.mkdir(parents=True, exist_ok=True)
        (root / "data" / name).write_bytes(data)
        (root / "data" / "sources.yaml").write_text(manifest, encoding="utf-8")
        trial = make_project(root, root / "out")
        checked = check(trial)
        if not review:
            return None
        path = write_review(trial, ident, curated=checked.curated, roles=roles)
        return path.read_text(encoding="utf-8")


