"""Read a plan document (.txt .md .html .htm .docx .pdf) into one exact text that spans index into.

The format is chosen by the file extension and verified by the content's magic bytes; text encodings are
detected (BOM, strict UTF-8, then GB18030 vs Big5 by plausibility). Every failure raises
`DocumentReadError` naming the file and the reason, before anything downstream sees the document.

What the returned text is, per format:
- .txt/.md: the decoded text with only BOM removal and newline normalisation (\\r\\n, \\r -> \\n).
- .html/.htm: the visible text (no script/style/nav/head/hidden elements); each block element and <br>
  becomes its own line; runs of HTML whitespace inside a line collapse to one space. A table row of
  short cells (an indicator table's row) is one line, its cells separated by tabs (an empty cell stays
  an empty field), so the row stays a row; a row holding long text or a nested table (a page laid out
  with tables) gives one line per block as before.
- .docx: body paragraphs in document order, one per line; table rows as HTML rows are (a cell merged
  down from the row above is an empty field, one merged across columns is read once; cells with long
  text or nested tables give their paragraphs as lines).
- .pdf: pdfminer's text; each text block's lines are re-joined where the PDF wrapped a sentence
  (see `_join_wrapped_lines`), one paragraph per line, page breaks become line breaks.
Rendered formats (html, docx, pdf) drop blank lines and ASCII whitespace at line ends; full-width
characters, ideographic spaces and punctuation are always kept as written.

Encoding detection knows UTF-8/16/32 (UTF-16/32 need a BOM), GB18030/GBK/GB2312 and Big5. Other legacy
encodings are refused as undecodable, except EUC-KR, whose Hangul bytes are valid common GB2312
characters and so reads as (nonsense) Chinese: out of scope for Chinese plan documents.
"""

from __future__ import annotations

import codecs
import hashlib
import io
import itertools
import os
import re
import stat
import unicodedata
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path, PurePath

from bs4.element import NavigableString, PageElement, PreformattedString, Tag

from plankg.ontology.records import DocumentInfo

SUPPORTED_EXTENSIONS: tuple[str, ...] = (".txt", ".md", ".html", ".htm", ".docx", ".pdf")
FORMAT_BY_EXTENSION: dict[str, str] = {
    ".txt": "txt",
    ".md": "md",
    ".html": "html",
    ".htm": "html",
    ".docx": "docx",
    ".pdf": "pdf",
}
MAX_DOCUMENT_MB_ENV = "PLANKG_MAX_DOCUMENT_MB"
DEFAULT_MAX_DOCUMENT_MB = 50.0
_MIB = 1024 * 1024
# A .docx is a zip; refuse one that inflates to more than this many times the size limit (zip bomb).
_DOCX_MAX_EXPANSION = 10

# Share of sampled non-ASCII characters that must be common CJK characters or CJK punctuation for a
# GB18030/Big5 decoding to count as real text (real text scores > 0.9, wrong-codec decodings far lower).
_MIN_PLAUSIBILITY = 0.6
_PLAUSIBILITY_SAMPLE = 20_000
# Control bytes other than \t \n \v \f \r and ESC; above this share the data is binary, not text.
_CONTROL_BYTES = bytes([*range(0x00, 0x09), *range(0x0E, 0x1B), *range(0x1C, 0x20), 0x7F])
_MAX_CONTROL_SHARE = 0.01


class DocumentReadError(Exception):
    """A document that cannot be read; str() is "<path>: <reason>"."""

    def __init__(self, path: str, reason: str) -> None:
        super().__init__(f"{path}: {reason}")
        self.path = path
        self.reason = reason

    def __reduce__(self) -> tuple[type[DocumentReadError], tuple[str, str]]:
        return (type(self), (self.path, self.reason))


class DocumentTooLargeError(DocumentReadError):
    """Over the size limit (an HTTP API answers 413 for this one)."""


@dataclass(frozen=True)
class SourceDocument:
    """One read document: `text` is exactly what every evidence span indexes into."""

    text: str = field(repr=False)
    path: str
    sha256: str
    encoding: str | None
    format: str
    doc_id: str = ""

    def __post_init__(self) -> None:
        if not self.doc_id:
            object.__setattr__(self, "doc_id", doc_id_for(self.sha256))

    @property
    def chars(self) -> int:
        return len(self.text)

    def info(self) -> DocumentInfo:
        return DocumentInfo(
            id=self.doc_id,
            path=self.path,
            sha256=self.sha256,
            chars=self.chars,
            encoding=self.encoding,
            format=self.format,
        )

    @classmethod
    def from_text(cls, text: str, path: str = "<text>", format: str = "txt") -> SourceDocument:
        """A document made from a string (tests, pasted text): hashed as its UTF-8 bytes."""
        sha256 = hashlib.sha256(text.encode("utf-8")).hexdigest()
        return cls(text=text, path=path, sha256=sha256, encoding="utf-8", format=format)


def doc_id_for(sha256: str) -> str:
    return "doc-" + sha256[:16]


# ---------------------------------------------------------------- entry points


def read_document(path: Path | str, *, max_bytes: int | None = None) -> SourceDocument:
    """Read and decode the document at `path`; the size limit is checked before reading it."""
    shown = str(path)
    limit = max_document_bytes() if max_bytes is None else max_bytes
    try:
        with open(path, "rb") as handle:
            status = os.fstat(handle.fileno())
            if not stat.S_ISREG(status.st_mode):
                raise DocumentReadError(shown, "not a regular file")
            # the extension is checked once the path is known to be a file: a missing path or a
            # directory is reported as such, not as "no file extension"
            extension = _check_extension(shown)
            _check_size(shown, status.st_size, limit)
            # Read at most one byte past the limit, in case the file grew since fstat.
            data = handle.read(limit + 1)
    except FileNotFoundError:
        raise DocumentReadError(shown, "no such file") from None
    except IsADirectoryError:
        raise DocumentReadError(shown, "is a directory, not a file") from None
    except PermissionError:
        raise DocumentReadError(shown, "permission denied") from None
    except OSError as error:
        raise DocumentReadError(shown, f"cannot read file: {error.strerror or error}") from None
    _check_size(shown, len(data), limit)
    return _read(data, shown, extension, limit)


def read_bytes(data: bytes, filename: str, *, max_bytes: int | None = None) -> SourceDocument:
    """Decode an uploaded document; `filename` picks the format and names the document."""
    limit = max_document_bytes() if max_bytes is None else max_bytes
    extension = _check_extension(filename)
    _check_size(filename, len(data), limit)
    return _read(bytes(data), filename, extension, limit)


def max_document_bytes() -> int:
    """The size limit in bytes: PLANKG_MAX_DOCUMENT_MB (MiB, may be fractional), default 50."""
    raw = os.environ.get(MAX_DOCUMENT_MB_ENV, "").strip()
    if not raw:
        return int(DEFAULT_MAX_DOCUMENT_MB * _MIB)
    try:
        megabytes = float(raw)
    except ValueError:
        megabytes = -1.0
    if not megabytes > 0:
        raise ValueError(f"{MAX_DOCUMENT_MB_ENV} must be a positive number of megabytes, got {raw!r}")
    return int(megabytes * _MIB)


def _read(data: bytes, shown: str, extension: str, limit: int) -> SourceDocument:
    document_format = FORMAT_BY_EXTENSION[extension]
    if not data:
        raise DocumentReadError(shown, "empty document (0 bytes)")
    encoding: str | None = None
    if document_format in ("txt", "md"):
        text, encoding = _decode_text(data, shown)
        text = _normalise_newlines(text)
    elif document_format == "html":
        text, encoding = _read_html(data, shown)
    elif document_format == "docx":
        text = _read_docx(data, shown, limit)
    else:
        text = _read_pdf(data, shown)
    if not text or text.isspace():
        if document_format in ("txt", "md"):
            raise DocumentReadError(shown, "empty document (only whitespace)")
        raise DocumentReadError(shown, f"empty document (no text in the .{extension.lstrip('.')})")
    sha256 = hashlib.sha256(data).hexdigest()
    return SourceDocument(text=text, path=shown, sha256=sha256, encoding=encoding, format=document_format)


def _check_extension(shown: str) -> str:
    supported = " ".join(SUPPORTED_EXTENSIONS)
    extension = PurePath(shown).suffix.lower()
    if not extension:
        raise DocumentReadError(shown, f"no file extension, cannot tell the format (supported: {supported})")
    if extension not in FORMAT_BY_EXTENSION:
        raise DocumentReadError(shown, f"unsupported format '{extension}' (supported: {supported})")
    return extension


def _check_size(shown: str, size: int, limit: int) -> None:
    if size > limit:
        size_text, limit_text = _format_sizes(size, limit)
        raise DocumentTooLargeError(
            shown, f"file too large: {size_text} (limit {limit_text} — set {MAX_DOCUMENT_MB_ENV})"
        )


def _format_sizes(size: int, limit: int) -> tuple[str, str]:
    """Both sizes in MB, with just enough decimals that they differ and the limit is not 0."""
    for decimals in range(7):
        size_text, limit_text = f"{size / _MIB:.{decimals}f}", f"{limit / _MIB:.{decimals}f}"
        if size_text != limit_text and float(limit_text) > 0:
            return f"{size_text} MB", f"{limit_text} MB"
    return f"{size} bytes", f"{limit} bytes"


def _normalise_newlines(text: str) -> str:
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    return text


# ---------------------------------------------------------------- binary sniffing

_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"%PDF-", "a PDF document"),
    (b"PK\x03\x04", "a ZIP archive"),
    (b"PK\x05\x06", "a ZIP archive"),
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF87a", "a GIF image"),
    (b"GIF89a", "a GIF image"),
    (b"II*\x00", "a TIFF image"),
    (b"MM\x00*", "a TIFF image"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "an OLE2 file (legacy .doc/.xls/.ppt or an encrypted Office file)"),
    (b"{\\rtf", "an RTF document"),
    (b"\x1f\x8b", "gzip-compressed data"),
    (b"BZh", "bzip2-compressed data"),
    (b"\xfd7zXZ\x00", "xz-compressed data"),
    (b"7z\xbc\xaf\x27\x1c", "a 7z archive"),
    (b"Rar!\x1a\x07", "a RAR archive"),
    (b"\x7fELF", "an ELF executable"),
    (b"SQLite format 3\x00", "an SQLite database"),
)


def _sniff_binary(data: bytes) -> str | None:
    """Name the kind of a well-known binary file (a zip is looked into for Office documents)."""
    for magic, kind in _MAGIC:
        if data.startswith(magic):
            if kind == "a ZIP archive":
                return _zip_kind(data)
            if kind == "a PDF document":
                return "a PDF document — rename it to .pdf"
            return kind
    return None


def _zip_kind(data: bytes) -> str:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            names = set(archive.namelist())
    except (zipfile.BadZipFile, OSError, EOFError):
        return "a ZIP archive"
    if "word/document.xml" in names:
        return "a Word .docx document — rename it to .docx"
    if "xl/workbook.xml" in names:
        return "an Excel .xlsx workbook"
    if "ppt/presentation.xml" in names:
        return "a PowerPoint .pptx presentation"
    return "a ZIP archive"


def _binary_error(shown: str, kind: str | None) -> DocumentReadError:
    detail = f" ({kind})" if kind else ""
    return DocumentReadError(shown, f"binary data{detail}, not a text document")


# ---------------------------------------------------------------- text decoding

_BOMS: tuple[tuple[bytes, str, str], ...] = (
    # UTF-32 first: its little-endian BOM starts with the UTF-16 one.
    (codecs.BOM_UTF32_LE, "utf-32-le", "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be", "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8", "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16-le", "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be", "utf-16-be"),
)
_CONTROL_CHARS = re.compile("[\x00-\x08\x0e-\x1a\x1c-\x1f\x7f]")
_NON_ASCII = re.compile("[^\x00-\x7f]")


def _decode_text(data: bytes, shown: str, declared: str | None = None) -> tuple[str, str]:
    """Decode text bytes; returns (text without BOM, encoding name). `declared` is an HTML charset."""
    for bom, codec, name in _BOMS:
        if data.startswith(bom):
            try:
                text = data[len(bom) :].decode(codec)
            except UnicodeDecodeError as error:
                raise DocumentReadError(
                    shown, f"cannot decode text: invalid {name} at byte {error.start + len(bom)}"
                ) from None
            if _control_share(len(_CONTROL_CHARS.findall(text)), len(text)) > _MAX_CONTROL_SHARE:
                raise _binary_error(shown, None)
            return text, name
    kind = _sniff_binary(data)
    if kind:
        raise _binary_error(shown, kind)
    if b"\x00" in data:
        raise _binary_error(shown, "contains NUL bytes")
    controls = len(data) - len(data.translate(None, _CONTROL_BYTES))
    if _control_share(controls, len(data)) > _MAX_CONTROL_SHARE:
        raise _binary_error(shown, "too many control characters")
    if declared:
        try:
            return data.decode(declared), declared
        except UnicodeDecodeError:
            pass  # a wrong declaration is common: detect instead
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError as error:
        utf8_error = error
    decoded = _decode_chinese_legacy(data)
    if decoded is None:
        raise DocumentReadError(
            shown,
            "cannot decode text: not UTF-8, GB18030 or Big5"
            f" (first invalid UTF-8 byte at offset {utf8_error.start})",
        )
    return decoded


def _control_share(controls: int, total: int) -> float:
    return controls / total if total else 0.0


def _decode_chinese_legacy(data: bytes) -> tuple[str, str] | None:
    """GB18030 (a superset of GBK/GB2312) or Big5, whichever decodes strictly into plausible text.

    Both codecs accept much of each other's byte sequences, so a strict decode proves little: each
    decoding is scored by how common its characters are in its own script (see `_plausibility`), and
    GB18030 wins ties (mainland documents are the common case, and very short texts can tie).
    """
    best: tuple[float, str, str] | None = None
    for script, family in (("gb", ("gb18030",)), ("big5", ("big5", "cp950", "big5hkscs"))):
        for codec in family:
            try:
                text = data.decode(codec)
            except UnicodeDecodeError:
                continue
            score = _plausibility(text, script)
            if best is None or score > best[0]:
                best = (score, text, codec)
            break
    if best is None or best[0] < _MIN_PLAUSIBILITY:
        return None
    return best[1], best[2]


def _plausibility(text: str, script: str) -> float:
    """Score the first non-ASCII characters: 1 for a common character or CJK punctuation of the codec's
    own script, 0.5 for one common only in the other script (traditional text can be stored as GBK),
    0 otherwise. A wrong-codec decoding yields rare characters, kana, private-use or mixed-script ones.
    """
    sample = [match.group() for match in itertools.islice(_NON_ASCII.finditer(text), _PLAUSIBILITY_SAMPLE)]
    if not sample:
        return 1.0
    own, other = _common_characters(script), _common_characters("big5" if script == "gb" else "gb")
    points = sum(1.0 if character in own else 0.5 if character in other else 0.0 for character in sample)
    return points / len(sample)


@cache
def _common_characters(script: str) -> frozenset[str]:
    """Common characters of a script read off the codecs themselves, no data file needed.

    "gb": GB2312 rows A1-A3 (punctuation, full-width forms) and level 1 (B0-D7: the 3,755 most used
    simplified characters). "big5": Big5 A140-A3BF (punctuation, symbols) and A440-C67E (the 5,401
    most used traditional characters).
    """
    if script == "gb":
        codec, leads, trails = "gb2312", [*range(0xA1, 0xA4), *range(0xB0, 0xD8)], list(range(0xA1, 0xFF))
    else:
        codec, leads, trails = "big5", list(range(0xA1, 0xC7)), [*range(0x40, 0x7F), *range(0xA1, 0xFF)]
    characters: set[str] = set()
    for lead in leads:
        for trail in trails:
            try:
                characters.add(bytes((lead, trail)).decode(codec))
            except UnicodeDecodeError:
                continue
    return frozenset(characters)


# ---------------------------------------------------------------- HTML

_HTML_DROP = ("script", "style", "nav", "noscript", "template", "head", "iframe", "object", "svg", "select")
_HTML_BLOCKS = frozenset(
    (
        *("address", "article", "aside", "blockquote", "body", "caption", "center", "dd", "details"),
        *("dialog", "div", "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form", "header"),
        *("h1", "h2", "h3", "h4", "h5", "h6", "hgroup", "hr", "html", "legend", "li", "main", "menu"),
        *("ol", "option", "p", "pre", "section", "summary", "table", "tbody", "td", "tfoot", "th"),
        *("thead", "title", "tr", "ul"),
    )
)
_HTML_WHITESPACE = re.compile(r"[ \t\n\r\f]+")
_META_CHARSET = re.compile(
    rb"""<meta[^>]*?charset\s*=\s*["']?\s*([a-z0-9_\-:.]+)|<\?xml[^>]*encoding\s*=\s*["']([a-z0-9_\-:.]+)""",
    re.IGNORECASE,
)
_HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.IGNORECASE)
# Labels as browsers read them (WHATWG Encoding): the GB2312/GBK family is decoded as its superset.
_CHARSET_ALIASES = {
    "gb2312": "gb18030",
    "gbk": "gb18030",
    "x-gbk": "gb18030",
    "cp936": "gb18030",
    "big5": "big5hkscs",
    "big5-hkscs": "big5hkscs",
    "x-x-big5": "big5hkscs",
    "utf-16": "utf-8",  # a meta tag read as ASCII cannot really mean UTF-16: browsers use UTF-8
    "utf-16le": "utf-8",
    "utf-16be": "utf-8",
    "iso-8859-1": "cp1252",
    "latin1": "cp1252",
    "ascii": "cp1252",
    "us-ascii": "cp1252",
}
# Sentinel for "line break here" while HTML whitespace collapses; NUL cannot survive _decode_text.
_BREAK = "\x00"
# Sentinel for "next table cell" in a row kept as one line (becomes a tab once whitespace collapsed).
_CELL = "\x01"
_CELL_EDGE_RE = re.compile(" *\x01 *")
# A row is kept as one line when each of its cells is at most this long (an indicator table's cells).
_MAX_ROW_CELL_CHARS = 100


def _declared_charset(data: bytes) -> str | None:
    match = _META_CHARSET.search(data[:4096])
    if not match:
        return None
    label = (match.group(1) or match.group(2)).decode("ascii").lower()
    label = _CHARSET_ALIASES.get(label, label)
    try:
        return codecs.lookup(label).name
    except LookupError:
        return None


def _read_html(data: bytes, shown: str) -> tuple[str, str]:
    from bs4 import BeautifulSoup

    markup, encoding = _decode_text(data, shown, declared=_declared_charset(data))
    # lxml (installed with python-docx) parses large pages many times faster than html.parser.
    soup = BeautifulSoup(markup, "lxml")
    pieces = _visible_pieces(soup)
    flat = "".join(pieces)
    flat = _HTML_WHITESPACE.sub(lambda match: _collapsed_whitespace(flat, match), flat)
    flat = _CELL_EDGE_RE.sub("\t", flat)
    lines = (line.strip(" ") for line in flat.split(_BREAK))
    return "\n".join(line for line in lines if line and not line.isspace()), encoding


def _visible_pieces(soup: Tag) -> list[str]:
    """The visible strings in document order, with _BREAK wherever a block starts or ends or a <br> is.

    One walk with an explicit stack: no recursion limit on deep pages and no tree edits (inserting
    markers into a bs4 tree costs a sibling search each, quadratic on long pages).
    """
    pieces: list[str] = []
    # (children still to visit, the parent is a block, inside <pre>)
    stack: list[tuple[Iterator[PageElement], bool, bool]] = [(iter(soup.contents), False, False)]
    while stack:
        children, in_block, in_pre = stack[-1]
        child = next(children, None)
        if child is None:
            stack.pop()
            if in_block:
                pieces.append(_BREAK)
        elif isinstance(child, Tag):
            if child.name == "br":
                pieces.append(_BREAK)
            elif child.name == "tr" and not _hidden(child) and (row := _row_pieces(child)) is not None:
                pieces.extend(row)
            elif child.name not in _HTML_DROP and not _hidden(child):
                is_block = child.name in _HTML_BLOCKS
                if is_block:
                    pieces.append(_BREAK)
                stack.append((iter(child.contents), is_block, in_pre or child.name == "pre"))
        elif isinstance(child, NavigableString) and not isinstance(child, PreformattedString):
            text = str(child)
            pieces.append(_normalise_newlines(text).replace("\n", _BREAK) if in_pre else text)
    return pieces


def _row_pieces(row: Tag) -> list[str] | None:
    """A table row of two or more short cells as one line, cells joined by _CELL; None for any other row."""
    cells = [c for c in row.find_all(("td", "th"), recursive=False) if not _hidden(c)]
    if len(cells) < 2 or any(cell.find("table") is not None for cell in cells):
        return None
    texts = []
    for cell in cells:
        text = "".join(_visible_pieces(cell)).replace(_BREAK, " ")
        if len(text.strip()) > _MAX_ROW_CELL_CHARS:
            return None
        texts.append(text)
    return [_BREAK, _CELL.join(texts), _BREAK]


def _hidden(tag: Tag) -> bool:
    style = tag.get("style")
    return tag.has_attr("hidden") or (isinstance(style, str) and _HIDDEN_STYLE.search(style) is not None)


def _collapsed_whitespace(text: str, match: re.Match[str]) -> str:
    """HTML whitespace renders as one space, but a source line break between two Chinese characters
    renders as nothing (CSS Text 3 segment-break rule), so hard-wrapped Chinese is not split by spaces."""
    if "\n" in match.group() or "\r" in match.group():
        before, after = text[match.start() - 1 : match.start()], text[match.end() : match.end() + 1]
        if _is_wide(before) and _is_wide(after):
            return ""
    return " "


def _is_wide(character: str) -> bool:
    return bool(character) and unicodedata.east_asian_width(character) in "WF"


# ---------------------------------------------------------------- DOCX


def _read_docx(data: bytes, shown: str, limit: int) -> str:
    if not data.startswith((b"PK\x03\x04", b"PK\x05\x06")):
        raise DocumentReadError(shown, _not_a_container_reason(data, ".docx", "not a zip archive"))
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, OSError, EOFError) as error:
        raise DocumentReadError(shown, f"truncated or corrupt .docx (broken zip archive: {error})") from None
    with archive:
        names = set(archive.namelist())
        inflated = sum(member.file_size for member in archive.infolist())
    if "word/document.xml" not in names:
        kind = _zip_kind(data)
        what = kind if kind != "a ZIP archive" else "a zip archive without word/document.xml"
        raise DocumentReadError(shown, f"not a .docx: {what}")
    if inflated > _DOCX_MAX_EXPANSION * limit:
        size_text, limit_text = _format_sizes(inflated, _DOCX_MAX_EXPANSION * limit)
        raise DocumentReadError(shown, f".docx inflates to {size_text} (limit {limit_text}: a zip bomb?)")

    import docx

    try:
        document = docx.Document(io.BytesIO(data))
        lines = list(_docx_lines(document))
    # python-docx and the zip/XML layers below it raise many kinds of errors on damaged files
    # (BadZipFile, zlib.error, XMLSyntaxError, KeyError, ValueError...): all mean "corrupt".
    except Exception as error:
        raise DocumentReadError(
            shown, f"truncated or corrupt .docx ({type(error).__name__}: {error})"
        ) from None
    return "\n".join(lines)


def _docx_lines(container: object) -> list[str]:
    """Paragraphs and table cells in document order; a merged cell is read once."""
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    out: list[str] = []
    for block in container.iter_inner_content():  # type: ignore[attr-defined]
        if isinstance(block, Paragraph):
            out.extend(_rendered_lines(block.text))
        elif isinstance(block, Table):
            # A merged cell appears once per grid column it spans, as the same <w:tc> element.
            # Keep the elements themselves: ids of freed lxml proxies get reused.
            seen: list[object] = []
            for row in block.rows:
                line = _docx_row_line(row.cells, seen)
                if line is not None:
                    out.append(line)
                    continue
                for cell in row.cells:
                    if any(cell._tc is element for element in seen):
                        continue
                    seen.append(cell._tc)
                    out.extend(_docx_lines(cell))
    return out


def _docx_row_line(cells: list, seen: list[object]) -> str | None:  # type: ignore[type-arg]
    """A row of two or more short cells as one line, cells joined by tabs (a cell merged down from the
    row above is an empty field, one merged across columns counts once); None for any other row."""
    fields: list[str] = []
    row_elements: list[object] = []
    for cell in cells:
        if any(cell._tc is element for element in row_elements):
            continue  # merged across columns: read once
        row_elements.append(cell._tc)
        if cell.tables:
            return None
        if any(cell._tc is element for element in seen):
            fields.append("")  # merged down from the row above
            continue
        text = " ".join(_rendered_lines(cell.text))
        if len(text) > _MAX_ROW_CELL_CHARS:
            return None
        fields.append(text)
    if len(row_elements) < 2:
        return None
    if not any(fields):
        return None
    seen.extend(row_elements)
    return "\t".join(fields)


def _rendered_lines(text: str) -> list[str]:
    lines = (line.strip(" \t") for line in _normalise_newlines(text).split("\n"))
    return [line for line in lines if line and not line.isspace()]


# ---------------------------------------------------------------- PDF


def _read_pdf(data: bytes, shown: str) -> str:
    if b"%PDF-" not in data[:1024]:
        raise DocumentReadError(shown, _not_a_container_reason(data, ".pdf", "no %PDF- header"))
    if b"%%EOF" not in data[-2048:]:
        raise DocumentReadError(shown, "truncated or corrupt .pdf (no %%EOF marker at the end)")

    from pdfminer.high_level import extract_text
    from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect, PDFTextExtractionNotAllowed

    try:
        raw = extract_text(io.BytesIO(data))
    except PDFPasswordIncorrect:
        raise DocumentReadError(shown, "encrypted .pdf (needs a password)") from None
    except PDFTextExtractionNotAllowed:
        raise DocumentReadError(shown, "the .pdf forbids text extraction") from None
    except PDFEncryptionError as error:
        raise DocumentReadError(shown, f"encrypted .pdf ({error})") from None
    # pdfminer raises many unrelated exception types on damaged files (PSException, KeyError,
    # TypeError, zlib.error...): all mean the PDF cannot be read.
    except Exception as error:
        raise DocumentReadError(
            shown, f"truncated or corrupt .pdf ({type(error).__name__}: {error})"
        ) from None
    unmapped = len(_UNMAPPED_GLYPH.findall(raw))
    mapped = sum(map(len, _UNMAPPED_GLYPH.sub("", raw).split()))
    if unmapped > _MAX_UNMAPPED_SHARE * (mapped + unmapped):
        raise DocumentReadError(
            shown, f"the .pdf's fonts do not map {unmapped} glyphs to characters (its text cannot be read)"
        )
    text = _pdf_paragraphs(raw)
    if not text:
        raise DocumentReadError(shown, "empty document (no text in the .pdf — a scanned PDF needs OCR)")
    return text


def _not_a_container_reason(data: bytes, extension: str, missing: str) -> str:
    """Why data is not the container its extension promises, naming what it really is if obvious."""
    kind = _sniff_binary(data)
    if kind:
        return f"not a {extension}: the file is {kind}"
    head = data[:4096]
    if b"\x00" not in head:
        try:
            head.decode("utf-8")
            looks_like_text = True
        except UnicodeDecodeError as error:
            # A multibyte character cut at the sample's end is still text.
            looks_like_text = error.start >= len(head) - 3
        if looks_like_text:
            return f"not a {extension}: the file holds plain text (rename it to .txt?)"
    return f"truncated or corrupt {extension} ({missing})"


# pdfminer writes "(cid:123)" for a glyph its font gives no Unicode for (no ToUnicode map).
_UNMAPPED_GLYPH = re.compile(r"\(cid:\d+\)")
_MAX_UNMAPPED_SHARE = 0.05
_SENTENCE_END = frozenset("。！？；：…!?;:.")
_CLOSERS = "”’」』）)】》〉\"'"
# A line starting like this opens a new item, so the line before it is never joined to it.
_ITEM_START = re.compile(
    r"\s*(第[一二三四五六七八九十百零〇\d]+[章节条部篇]|[一二三四五六七八九十百]+、|[（(][一二三四五六七八九十\d]+[）)]"
    r"|\d+(?:[.．](?!\d)|、)|[①-⑳]|[•·▪●■◆])"
)
_WRAP_MIN_WIDTH = 0.7


def _pdf_paragraphs(raw: str) -> str:
    """One paragraph per line from pdfminer text: blocks are separated by blank lines or page breaks."""
    paragraphs: list[str] = []
    for block in re.split(r"\n\s*\n|\f", _normalise_newlines(raw)):
        lines = [line.strip(" \t") for line in block.split("\n")]
        paragraphs.extend(_join_wrapped_lines([line for line in lines if line and not line.isspace()]))
    return "\n".join(paragraphs)


def _join_wrapped_lines(lines: list[str]) -> list[str]:
    """Re-join lines of one text block that the PDF wrapped in mid-sentence.

    A line is joined to the next when all hold: it does not end with sentence punctuation (。！？；：…
    ! ? ; : . — closing quotes and brackets after it are looked through), it is at least 70% as wide as
    the block's widest line (it reached the right margin: headings and paragraph ends are shorter),
    and the next line does not start a new item (一、 （一） 1. ① • ...). In a block that is mostly
    Chinese, lines join with no separator (Chinese wraps anywhere, even inside "2016-2020"); in any
    other block they join with one space (English wraps between words). Hyphenated words stay split.
    """
    if len(lines) < 2:
        return lines
    widths = [_display_width(line) for line in lines]
    widest = max(widths)
    # Wide characters count twice in a width, so a block of more than half wide characters has
    # wide characters taking more than two thirds of its width.
    wide_share = sum(width - len(line) for line, width in zip(lines, widths, strict=True)) / sum(widths)
    separator = "" if wide_share > 1 / 3 else " "
    joined = [lines[0]]
    for previous, line in itertools.pairwise(lines):
        ends_sentence = previous.rstrip(_CLOSERS)[-1:] in _SENTENCE_END
        reached_margin = _display_width(previous) >= _WRAP_MIN_WIDTH * widest
        if ends_sentence or not reached_margin or _ITEM_START.match(line):
            joined.append(line)
            continue
        joined[-1] += separator + line
    return joined


def _display_width(line: str) -> int:
    return sum(2 if _is_wide(character) else 1 for character in line)
