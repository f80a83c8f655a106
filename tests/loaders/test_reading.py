"""Reading documents: every format yields the seed text; every bad input fails with a clear error.

The .docx, .html and .pdf inputs are generated here from the seed document (python-docx, string
templates, and a tiny PDF writer below that needs no font: it uses the non-embedded standard CJK font
STSong-Light, which pdfminer decodes through its bundled Adobe-GB1 CMaps).
"""

from __future__ import annotations

import hashlib
import io
import zipfile
from pathlib import Path

import docx
import pytest

from plankg.loaders.reading import (
    SUPPORTED_EXTENSIONS,
    DocumentReadError,
    DocumentTooLargeError,
    SourceDocument,
    max_document_bytes,
    read_bytes,
    read_document,
)
from plankg.ontology.records import DocumentInfo
from tests.support.corpus import SEED_DOCUMENT

SEED_PATH = SEED_DOCUMENT
SEED_BYTES = SEED_PATH.read_bytes()
SEED_TEXT = SEED_BYTES.decode("utf-8")
SEED_LINES = SEED_TEXT.split("\n")

# Written for this test in traditional characters: Big5 cannot hold most simplified ones.
TRADITIONAL_TEXT = (
    "臺北市智慧城市發展計畫（2021-2025年）\n"
    "一、發展目標\n"
    "到2025年，建成國際領先的智慧城市，寬頻網路覆蓋率達到百分之九十五以上，政府服務線上辦理率超過百分之八十。\n"
    "二、重點任務\n"
    "（一）加強資訊基礎建設。推動第五代行動通訊網路建設，擴大公共區域免費無線網路服務範圍。\n"
    "（二）發展數位經濟。支持資訊服務業、電子商務與文化創意產業創新發展，培育新興產業。\n"
    "三、保障措施\n"
    "強化組織領導，完善財政支持政策，健全人才培育機制，確保各項任務如期完成。\n"
)


def _read_error(path: Path) -> DocumentReadError:
    with pytest.raises(DocumentReadError) as caught:
        read_document(path)
    error = caught.value
    assert error.path == str(path)
    assert str(error) == f"{path}: {error.reason}"
    return error


def _bytes_error(data: bytes, filename: str) -> DocumentReadError:
    with pytest.raises(DocumentReadError) as caught:
        read_bytes(data, filename)
    error = caught.value
    assert error.path == filename
    assert str(error) == f"{filename}: {error.reason}"
    return error


# ---------------------------------------------------------------- plain text and encodings


def test_seed_text_reads_exactly_with_provenance_fields() -> None:
    document = read_document(SEED_PATH)
    assert document.text == SEED_TEXT
    assert (document.format, document.encoding, document.path) == ("txt", "utf-8", str(SEED_PATH))
    assert document.sha256 == hashlib.sha256(SEED_BYTES).hexdigest()
    assert document.doc_id == "doc-" + document.sha256[:16]
    assert document.chars == len(SEED_TEXT)
    assert document.info() == DocumentInfo(
        id=document.doc_id,
        path=str(SEED_PATH),
        sha256=document.sha256,
        chars=len(SEED_TEXT),
        encoding="utf-8",
        format="txt",
    )
    assert "text" not in repr(document)  # a 50 MB text must not end up in logs


def test_upload_and_file_of_the_same_bytes_are_the_same_document(tmp_path: Path) -> None:
    path = tmp_path / "plan.txt"
    path.write_bytes(SEED_BYTES)
    uploaded = read_bytes(SEED_BYTES, "uploads/青岛规划.TXT")
    assert uploaded.text == read_document(path).text
    assert uploaded.doc_id == read_document(path).doc_id
    assert uploaded.path == "uploads/青岛规划.TXT"


@pytest.mark.parametrize(
    ("codec", "expected_encoding"),
    [
        ("gb18030", "gb18030"),
        ("gbk", "gb18030"),  # GB18030 is a superset of GBK: same bytes, same characters
        ("gb2312-compatible", "gb18030"),
        ("utf-8-sig", "utf-8-sig"),
        ("utf-16", "utf-16-le"),
        ("utf-16-be-bom", "utf-16-be"),
        ("utf-32", "utf-32-le"),
    ],
)
def test_seed_in_other_encodings_decodes_to_the_same_text(codec: str, expected_encoding: str) -> None:
    if codec == "gb2312-compatible":
        # Every character of the seed (“ ” and full-width forms too) is in GB2312, the oldest form.
        data = SEED_TEXT.encode("gb2312")
    elif codec == "utf-16-be-bom":
        data = b"\xfe\xff" + SEED_TEXT.encode("utf-16-be")
    else:
        data = SEED_TEXT.encode(codec)
    document = read_bytes(data, "seed.txt")
    assert document.text == SEED_TEXT
    assert document.encoding == expected_encoding
    assert document.sha256 == hashlib.sha256(data).hexdigest()


@pytest.mark.parametrize("codec", ["big5", "cp950"])
def test_traditional_text_in_big5_decodes(codec: str) -> None:
    data = TRADITIONAL_TEXT.encode(codec)
    # The trap: these bytes are also valid GB18030, decoding to nonsense characters.
    assert data.decode("gb18030") != TRADITIONAL_TEXT
    document = read_bytes(data, "taipei.txt")
    assert document.text == TRADITIONAL_TEXT
    assert document.encoding == "big5"


@pytest.mark.parametrize("line", SEED_LINES[:8])
def test_single_gbk_lines_are_not_mistaken_for_big5(line: str) -> None:
    assert read_bytes(line.encode("gbk"), "line.txt").text == line


def test_only_newlines_are_normalised_everything_else_is_kept() -> None:
    text = '\ufeff一、总体要求\r\n　　（一）指导思想：坚持创新发展,\t半角,全角，“引号”"quotes"  \r末行。\r\n'
    document = read_bytes(text.encode("utf-8"), "plan.md")
    assert document.format == "md"
    assert document.encoding == "utf-8-sig"
    assert document.text == text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n")


# ---------------------------------------------------------------- HTML


def _html(body: str, head: str = "") -> str:
    return f"<!DOCTYPE html><html><head>{head}<title>标题不算正文</title></head><body>{body}</body></html>"


def _seed_html_body() -> str:
    paragraphs = []
    for index, line in enumerate(SEED_LINES):
        # Hard-wrap every third paragraph in the source: the break must not become a space.
        shown = line[:10] + "\n      " + line[10:] if index % 3 == 0 and len(line) > 12 else line
        paragraphs.append(f"<h2>{shown}</h2>" if index == 0 else f"<p>{shown}</p>")
    return (
        "<nav><a href='/'>首页</a> | <a href='/zc'>政策</a></nav>"
        "<script>var hidden = '脚本不算正文';</script><style>p { color: red }</style>"
        "<!-- 注释不算正文 --><div hidden>隐藏的</div><div style='display: none'>也隐藏</div>"
        "<article>" + "\n".join(paragraphs) + "</article>"
    )


def test_html_with_declared_gbk_charset_yields_the_seed_paragraphs_as_lines() -> None:
    page = _html(
        _seed_html_body(), head='<meta http-equiv="Content-Type" content="text/html; charset=gb2312">'
    )
    document = read_bytes(page.encode("gbk"), "plan.html")
    assert document.format == "html"
    assert document.encoding == "gb18030"
    assert document.text == SEED_TEXT


def test_html_without_charset_and_with_a_wrong_one_is_detected() -> None:
    undeclared = _html(_seed_html_body()).encode("gb18030")
    assert read_bytes(undeclared, "plan.htm").text == SEED_TEXT
    lying = _html(_seed_html_body(), head='<meta charset="utf-8">').encode("gbk")
    assert read_bytes(lying, "plan.htm").text == SEED_TEXT


def test_html_blocks_and_breaks_become_lines_and_table_rows_tab_separated_lines() -> None:
    body = (
        "<p>第一段<b>加粗</b>  文字</p>第二段<br>第二行<ul><li>一项</li><li>二项</li></ul>"
        "<table><tr><th>指标</th><td>2020年</td></tr><tr><td>网办率</td><td>90%</td></tr></table>"
        "<pre>保留\n  换行</pre>Word one\n two"
    )
    document = read_bytes(_html(body).encode("utf-8"), "page.html")
    assert document.text.split("\n") == [
        "第一段加粗 文字",
        "第二段",
        "第二行",
        "一项",
        "二项",
        "指标\t2020年",
        "网办率\t90%",
        "保留",
        "换行",
        "Word one two",
    ]


# ---------------------------------------------------------------- DOCX


def _seed_docx(path: Path) -> None:
    document = docx.Document()
    document.add_heading(SEED_LINES[0], level=1)
    document.add_paragraph("")  # spacing paragraphs carry no text
    for line in SEED_LINES[1:]:
        document.add_paragraph(line)
    table = document.add_table(rows=2, cols=3)
    table.cell(0, 0).text = "指标"
    table.cell(0, 1).merge(table.cell(0, 2)).text = "目标值"
    table.cell(1, 0).text = "政务事项网办率"
    table.cell(1, 1).text = "90%以上"
    table.cell(1, 2).text = "2020年"
    document.add_paragraph("表后段落。")
    document.save(str(path))


def test_docx_paragraphs_in_order_then_table_rows(tmp_path: Path) -> None:
    path = tmp_path / "plan.docx"
    _seed_docx(path)
    document = read_document(path)
    assert document.format == "docx"
    assert document.encoding is None
    # a row is one line, cells tab-separated; the cell merged across two columns is read once
    rows = ["指标\t目标值", "政务事项网办率\t90%以上\t2020年", "表后段落。"]
    assert document.text == "\n".join([*SEED_LINES, *rows])


# ---------------------------------------------------------------- PDF

PAGE_TOP, LINE_HEIGHT, LINES_PER_PAGE = 800.0, 16.0, 44


def _pdf(
    pages: list[list[list[str]]], *, cjk: bool, paragraph_gap: float, unmapped_font: bool = False
) -> bytes:
    """A minimal PDF: pages of paragraphs of lines, 12 pt, at absolute positions.

    CJK text uses STSong-Light with the UniGB-UCS2-H encoding (strings are UTF-16BE code units), a
    standard font PDF readers supply themselves; other text uses Helvetica. `unmapped_font` writes
    CJK glyphs by bare glyph number (Identity-H, no ToUnicode map), as some PDF producers do.
    """
    objects: list[bytes] = [b"", b""]  # catalog and page tree, filled in last
    if unmapped_font:
        objects.append(
            b"<< /Type /Font /Subtype /CIDFontType2 /BaseFont /EmbeddedSubset /DW 1000"
            b" /CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >>"
            b" /FontDescriptor 4 0 R >>"
        )
        objects.append(
            b"<< /Type /FontDescriptor /FontName /EmbeddedSubset /Flags 4 /FontBBox [0 -200 1000 900]"
            b" /ItalicAngle 0 /Ascent 900 /Descent -200 /CapHeight 700 /StemV 80 >>"
        )
        objects.append(
            b"<< /Type /Font /Subtype /Type0 /BaseFont /EmbeddedSubset /Encoding /Identity-H"
            b" /DescendantFonts [3 0 R] >>"
        )
    elif cjk:
        objects.append(
            # CIDs 1-95 are Adobe-GB1's half-width ASCII glyphs: they take half the width, as in print.
            b"<< /Type /Font /Subtype /CIDFontType0 /BaseFont /STSong-Light /DW 1000 /W [1 95 500]"
            b" /CIDSystemInfo << /Registry (Adobe) /Ordering (GB1) /Supplement 4 >> /FontDescriptor 4 0 R >>"
        )
        objects.append(
            b"<< /Type /FontDescriptor /FontName /STSong-Light /Flags 6 /FontBBox [-25 -254 1000 880]"
            b" /ItalicAngle 0 /Ascent 880 /Descent -120 /CapHeight 880 /StemV 93 >>"
        )
        objects.append(
            b"<< /Type /Font /Subtype /Type0 /BaseFont /STSong-Light-UniGB-UCS2-H /Encoding /UniGB-UCS2-H"
            b" /DescendantFonts [3 0 R] >>"
        )
    else:
        objects.append(b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>")
    font_number = len(objects)
    page_numbers = []
    for paragraphs in pages:
        operations, y = [], PAGE_TOP
        for paragraph in paragraphs:
            for line in paragraph:
                if cjk:
                    shown = b"<" + line.encode("utf-16-be").hex().encode() + b">"
                else:
                    escaped = line.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")
                    shown = b"(" + escaped.encode("cp1252") + b")"
                operations.append(b"BT /F1 12 Tf 1 0 0 1 50 %.1f Tm %s Tj ET" % (y, shown))
                y -= LINE_HEIGHT
            y -= paragraph_gap
        stream = b"\n".join(operations)
        objects.append(b"<< /Length %d >>\nstream\n%s\nendstream" % (len(stream), stream))
        objects.append(
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents %d 0 R"
            b" /Resources << /Font << /F1 %d 0 R >> >> >>" % (len(objects), font_number)
        )
        page_numbers.append(len(objects))
    objects[0] = b"<< /Type /Catalog /Pages 2 0 R >>"
    kids = b" ".join(b"%d 0 R" % number for number in page_numbers)
    objects[1] = b"<< /Type /Pages /Kids [%s] /Count %d >>" % (kids, len(page_numbers))
    out = io.BytesIO()
    out.write(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(out.tell())
        out.write(b"%d 0 obj\n%s\nendobj\n" % (number, body))
    xref = out.tell()
    out.write(b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1))
    out.writelines(b"%010d 00000 n \n" % offset for offset in offsets)
    out.write(b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref))
    return out.getvalue()


def _wrap(paragraph: str, width: int) -> list[str]:
    """Break a paragraph into lines of at most `width` full-width characters (ASCII counts half)."""
    lines, current, used = [], "", 0.0
    for character in paragraph:
        advance = 0.5 if character.isascii() else 1.0
        if used + advance > width:
            lines.append(current)
            current, used = "", 0.0
        current += character
        used += advance
    return [*lines, current]


def _paginate(paragraphs: list[list[str]]) -> list[list[list[str]]]:
    """Fill pages without splitting a paragraph (a page break always ends a paragraph in the reader)."""
    pages: list[list[list[str]]] = [[]]
    used = 0
    for lines in paragraphs:
        if used + len(lines) + 1 > LINES_PER_PAGE and pages[-1]:
            pages.append([])
            used = 0
        pages[-1].append(lines)
        used += len(lines) + 1
    return pages


@pytest.mark.parametrize("paragraph_gap", [14.0, 0.0], ids=["spaced-paragraphs", "no-paragraph-spacing"])
def test_pdf_rejoins_wrapped_lines_into_the_seed_paragraphs(tmp_path: Path, paragraph_gap: float) -> None:
    wrapped = [_wrap(line, 38) for line in SEED_LINES]
    assert sum(len(lines) > 1 for lines in wrapped) > 20  # most paragraphs really are wrapped
    path = tmp_path / "plan.pdf"
    path.write_bytes(_pdf(_paginate(wrapped), cjk=True, paragraph_gap=paragraph_gap))
    document = read_document(path)
    assert (document.format, document.encoding) == ("pdf", None)
    assert document.text == SEED_TEXT


def test_pdf_english_lines_join_with_a_space_and_headings_stay_apart() -> None:
    paragraphs = [
        ["1. General requirements"],
        [
            "The city will build a leading smart city by 2020, with",
            "broadband access of 100 Mbps for every home.",
        ],
        ["2. Tasks"],
        [
            "Build the northern cloud data centre and provide shared",
            "cloud services to every government agency",
        ],
    ]
    data = _pdf([paragraphs], cjk=False, paragraph_gap=0.0)
    assert read_bytes(data, "en.pdf").text.split("\n") == [
        "1. General requirements",
        "The city will build a leading smart city by 2020, with broadband access of 100 Mbps for every home.",
        "2. Tasks",
        "Build the northern cloud data centre and provide shared cloud services to every government agency",
    ]


# ---------------------------------------------------------------- bad input


@pytest.mark.parametrize("name", ["empty.txt", "empty.md", "empty.html", "empty.docx", "empty.pdf"])
def test_zero_byte_file_is_an_empty_document(tmp_path: Path, name: str) -> None:
    path = tmp_path / name
    path.write_bytes(b"")
    assert _read_error(path).reason == "empty document (0 bytes)"


def test_whitespace_only_text_is_an_empty_document() -> None:
    error = _bytes_error(" \r\n\t　\n".encode("utf-16"), "blank.txt")
    assert error.reason == "empty document (only whitespace)"


def test_documents_without_text_are_empty(tmp_path: Path) -> None:
    assert "empty document" in _bytes_error(_html("<script>x()</script>").encode(), "a.html").reason
    path = tmp_path / "blank.docx"
    blank = docx.Document()
    blank.add_paragraph("   ")
    blank.save(str(path))
    assert _read_error(path).reason == "empty document (no text in the .docx)"
    no_text_pdf = _pdf([[[]]], cjk=False, paragraph_gap=0.0)
    assert "empty document" in _bytes_error(no_text_pdf, "scan.pdf").reason


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (
            b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(64),
            "binary data (a PNG image), not a text document",
        ),
        (b"%PDF-1.7\n" + bytes(100), "a PDF document — rename it to .pdf"),
        (b"plan text\x00with a NUL byte", "binary data (contains NUL bytes)"),
        (bytes(range(1, 32)) * 50 + "规划".encode(), "binary data (too many control characters)"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(100), "legacy .doc"),
    ],
    ids=["png", "pdf", "nul", "controls", "ole2"],
)
def test_binary_data_with_a_text_extension_is_refused(data: bytes, expected: str) -> None:
    assert expected in _bytes_error(data, "plan.txt").reason


def test_docx_renamed_to_txt_is_named(tmp_path: Path) -> None:
    real_docx = tmp_path / "plan.docx"
    _seed_docx(real_docx)
    renamed = tmp_path / "plan.txt"
    renamed.write_bytes(real_docx.read_bytes())
    assert "Word .docx document — rename it to .docx" in _read_error(renamed).reason


def test_text_that_is_no_chinese_encoding_cannot_be_decoded() -> None:
    error = _bytes_error("Planning café résumé".encode("latin-1"), "western.txt")
    assert error.reason.startswith("cannot decode text: not UTF-8, GB18030 or Big5")


def test_truncated_docx(tmp_path: Path) -> None:
    path = tmp_path / "plan.docx"
    _seed_docx(path)
    path.write_bytes(path.read_bytes()[: path.stat().st_size // 2])
    assert _read_error(path).reason.startswith("truncated or corrupt .docx")


def test_docx_with_broken_xml_inside(tmp_path: Path) -> None:
    source = tmp_path / "plan.docx"
    _seed_docx(source)
    broken = tmp_path / "broken.docx"
    with zipfile.ZipFile(source) as original, zipfile.ZipFile(broken, "w") as damaged:
        for item in original.infolist():
            content = original.read(item)
            damaged.writestr(item, content[:500] if item.filename == "word/document.xml" else content)
    assert _read_error(broken).reason.startswith("truncated or corrupt .docx (")


def test_docx_that_inflates_far_beyond_the_limit(tmp_path: Path) -> None:
    path = tmp_path / "bomb.docx"
    _seed_docx(path)
    with zipfile.ZipFile(path, "a", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("word/media/padding.bin", bytes(4 * 1024 * 1024))  # deflates to ~4 KB
    data = path.read_bytes()
    assert len(data) < 200_000
    with pytest.raises(DocumentReadError, match=r"\.docx inflates to [45] MB \(limit 2 MB: a zip bomb\?\)"):
        read_bytes(data, "bomb.docx", max_bytes=200_000)
    assert read_bytes(data, "bomb.docx").text.startswith(SEED_LINES[0])  # fine under the default limit


def test_zip_that_is_not_a_docx(tmp_path: Path) -> None:
    path = tmp_path / "sheet.docx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("xl/workbook.xml", "<workbook/>")
    assert _read_error(path).reason == "not a .docx: an Excel .xlsx workbook"


def test_docx_holding_plain_text_is_named() -> None:
    error = _bytes_error(SEED_BYTES, "plan.docx")
    assert error.reason == "not a .docx: the file holds plain text (rename it to .txt?)"


def test_docx_holding_garbage() -> None:
    error = _bytes_error(b"\x01\x02\x03\xff\xfe garbage" * 10, "plan.docx")
    assert error.reason == "truncated or corrupt .docx (not a zip archive)"


def test_pdf_whose_fonts_give_no_characters() -> None:
    data = _pdf(_paginate([_wrap(SEED_LINES[2], 38)]), cjk=True, paragraph_gap=0.0, unmapped_font=True)
    reason = _bytes_error(data, "plan.pdf").reason
    assert reason.startswith("the .pdf's fonts do not map")
    assert f"{len(SEED_LINES[2])} glyphs" in reason


def test_truncated_pdf() -> None:
    data = _pdf(_paginate([_wrap(line, 38) for line in SEED_LINES]), cjk=True, paragraph_gap=14.0)
    error = _bytes_error(data[: len(data) // 2], "plan.pdf")
    assert error.reason.startswith("truncated or corrupt .pdf")


def test_pdf_with_damaged_body() -> None:
    data = _pdf([[["Some text"]]], cjk=False, paragraph_gap=0.0)
    damaged = data[:15] + b"1 0 obj << /Type /Catalog /Pages 99 0 R >> endobj\n%%EOF\n"
    error = _bytes_error(damaged, "plan.pdf")
    assert error.reason.startswith(("truncated or corrupt .pdf", "empty document"))


def test_pdf_extension_on_other_content() -> None:
    assert _bytes_error(SEED_BYTES, "plan.pdf").reason == (
        "not a .pdf: the file holds plain text (rename it to .txt?)"
    )
    png = b"\x89PNG\r\n\x1a\n" + bytes(64)
    assert _bytes_error(png, "scan.pdf").reason == "not a .pdf: the file is a PNG image"


@pytest.mark.parametrize(
    ("filename", "reason"),
    [
        ("budget.xlsx", "unsupported format '.xlsx' (supported: .txt .md .html .htm .docx .pdf)"),
        ("old.doc", "unsupported format '.doc' (supported: .txt .md .html .htm .docx .pdf)"),
        ("README", "no file extension, cannot tell the format (supported: .txt .md .html .htm .docx .pdf)"),
    ],
)
def test_unsupported_or_missing_extension(tmp_path: Path, filename: str, reason: str) -> None:
    path = tmp_path / filename
    path.write_bytes(SEED_BYTES)
    assert _read_error(path).reason == reason
    assert _bytes_error(SEED_BYTES, filename).reason == reason
    assert SUPPORTED_EXTENSIONS == (".txt", ".md", ".html", ".htm", ".docx", ".pdf")


def test_missing_file_and_directory(tmp_path: Path) -> None:
    assert _read_error(tmp_path / "absent.txt").reason == "no such file"
    folder = tmp_path / "folder.txt"
    folder.mkdir()
    assert _read_error(folder).reason == "is a directory, not a file"


# ---------------------------------------------------------------- size


def test_file_over_the_default_limit_is_refused_before_reading(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("PLANKG_MAX_DOCUMENT_MB", raising=False)
    path = tmp_path / "huge.txt"
    with path.open("wb") as handle:  # sparse: 61 MiB on paper, nothing on disk
        handle.truncate(61 * 1024 * 1024)
    error = _read_error(path)
    assert isinstance(error, DocumentTooLargeError)
    assert error.reason == "file too large: 61 MB (limit 50 MB — set PLANKG_MAX_DOCUMENT_MB)"


def test_limit_comes_from_the_environment(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "plan.txt"
    path.write_bytes(SEED_BYTES)  # about 9 KB
    monkeypatch.setenv("PLANKG_MAX_DOCUMENT_MB", "0.005")
    assert max_document_bytes() == int(0.005 * 1024 * 1024)
    assert _read_error(path).reason.startswith("file too large: 0.009 MB (limit 0.005 MB")
    assert _bytes_error(SEED_BYTES, "upload.txt").reason.startswith("file too large")
    assert read_bytes(SEED_BYTES, "upload.txt", max_bytes=len(SEED_BYTES)).text == SEED_TEXT
    monkeypatch.setenv("PLANKG_MAX_DOCUMENT_MB", "lots")
    with pytest.raises(ValueError, match="PLANKG_MAX_DOCUMENT_MB must be a positive number"):
        read_document(path)


def test_a_file_just_under_the_default_limit_is_read_whole(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """About 50 MB of GB18030 with CRLF line ends (the slowest text path); timing is in benchmarks/."""
    monkeypatch.delenv("PLANKG_MAX_DOCUMENT_MB", raising=False)
    chunk = SEED_TEXT.replace("\n", "\r\n").encode("gb18030") + b"\r\n"
    copies = max_document_bytes() // len(chunk)
    path = tmp_path / "big.txt"
    path.write_bytes(chunk * copies)
    document = read_document(path)
    assert document.encoding == "gb18030"
    assert document.chars == copies * (len(SEED_TEXT) + 1)
    assert document.text[: len(SEED_TEXT)] == SEED_TEXT
    assert "\r" not in document.text


def test_source_document_from_text_matches_a_read_document() -> None:
    made = SourceDocument.from_text(SEED_TEXT, path=str(SEED_PATH))
    assert made == read_document(SEED_PATH)
