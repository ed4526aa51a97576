"""readers: a user's file to text, or a refusal with a reason code. Every input file is made here."""

from __future__ import annotations

import io
import pickle
import random
import struct
import zipfile
import zlib
from pathlib import Path

import docx
import pytest
from docx.oxml import parse_xml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from reportlab.lib.pdfencrypt import StandardEncryption
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.cidfonts import UnicodeCIDFont
from reportlab.pdfgen import canvas

from tests.conftest import ROOT
from workbench.core.corpus.readers import (
    DEFAULT_MAX_BYTES,
    SUPPORTED_SUFFIXES,
    DecodeError,
    ReadError,
    ReadErrorReason,
    ReadResult,
    decode_text_bytes,
    read_document_file,
)

BUNDLED = ROOT / "resources/documents/hunan-biomedicine-innovation-opinions-2026.txt"

TITLE = "湖南省人民政府办公厅关于促进生物医药产业创新发展的若干意见"
CLAUSES = [
    "（一）支持生物医药创新平台建设。对新获批的国家级科技创新中心，每个平台每年一次性奖补500万元，"
    "连续支持3年，由相关专项资金予以支持。",
    "（二）支持产品研发创新。加大科研投入，引导与整合社会资源投入药品、医疗器械、化妆品研发生产，"
    "重点支持创新生物医药产业项目。",
    "（三）支持临床试验能力建设。对新增的“国家药物临床试验机构”给予奖励；对开展Ⅰ期临床试验的，"
    "按照实际投入的20%给予补助，最高不超过200万元。（省卫生健康委、省药品监管局按职责分工负责）",
    "（四）加快创新产品审评审批。对列入《湖南省生物医药重点产品目录》的品种，提供“一对一”服务。",
]
# A few hundred characters, so the encoding guess has material to work on.
CHINESE = TITLE + "\n" + "\n".join(CLAUSES) + "\n"
# The same sentences in traditional characters, as a Big5 file from Taiwan or Hong Kong would have them.
TRADITIONAL = (
    "湖南省人民政府辦公廳關於促進生物醫藥產業創新發展的若干意見\n"
    "（一）支持生物醫藥創新平台建設。對新獲批的國家級科技創新中心，每個平台每年一次性獎補500萬元，"
    "連續支持3年，由相關專項資金予以支持。\n"
    "（二）支持產品研發創新。加大科研投入，引導與整合社會資源投入藥品、醫療器械、化妝品研發生產，"
    "重點支持創新生物醫藥產業項目。\n"
)


def write(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


def refusal(path: Path, **kwargs: int) -> ReadErrorReason:
    """The reason ``path`` is refused; also checks that the error names the file."""
    with pytest.raises(ReadError) as info:
        read_document_file(path, **kwargs)
    assert info.value.path == path
    assert path.name in str(info.value)
    return info.value.reason


# --- .txt: encodings ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("codec", "reported"),
    [
        ("utf-8", "utf-8"),
        ("utf-8-sig", "utf-8-sig"),
        ("gb18030", "gb18030"),
        ("gbk", "gb18030"),  # gb18030 is a superset of GBK and GB2312
        ("gb2312", "gb18030"),
        ("utf-16", "utf-16"),  # Python writes a BOM
        ("utf-16-le", "utf-16-le"),  # no BOM: detected from the data
        ("utf-16-be", "utf-16-be"),
    ],
)
def test_the_same_chinese_text_reads_back_from_every_encoding(tmp_path: Path, codec: str, reported: str):
    path = write(tmp_path, f"policy-{codec}.txt", CHINESE.encode(codec))
    result = read_document_file(path)
    assert result == ReadResult(CHINESE, "txt", reported)


def test_big5_traditional_text_reads_back(tmp_path: Path):
    path = write(tmp_path, "big5.txt", TRADITIONAL.encode("big5"))
    result = read_document_file(path)
    assert result.text == TRADITIONAL
    assert result.encoding == "big5"


@pytest.mark.parametrize(
    "text",
    [
        # Passages on which charset-normalizer's own first choice (3.4) is UTF-16-BE, Big5 or nothing;
        # checking its candidates for mojibake, and a looser chaos threshold, get them right.
        "细分领域优势，构建生物医药中高端产业链。到 2025 年，全市生物医药产业规模突破 2000 亿元，",
        "协同创新平台，鼓励探索“医学+工业”“医院+工厂”“医生+工程师”等多维度医工协同创新模式，"
        "全面推进成果转化产业化增量式突破。（责任单位：湖南湘江新区管委会、市发展改革委、市科技局）",
        "HNPR—2026—01011\n\n湖南省",
        "NK、同种异体CAR—T、TCR—T等多",
        "湖南湘江新区管委",
        "合。到2023年底，",  # as Big5: 磁﹝善2023爛菁ㄛ — GBK punctuation turns into bopomofo/small forms
        "动，发布 2023 ",
    ],
)
def test_short_gbk_passages_are_not_mistaken_for_big5_or_utf16(text: str):
    assert decode_text_bytes(text.encode("gbk")) == (text, "gb18030")


@pytest.mark.parametrize("codec", ["utf-8", "gb18030", "utf-16"])
def test_crlf_and_lone_cr_become_lf(tmp_path: Path, codec: str):
    windows = TITLE + "\r\n" + "\r\n".join(CLAUSES) + "\r\n"
    old_mac = TITLE + "\r" + CLAUSES[0] + "\r"
    assert read_document_file(write(tmp_path, "crlf.txt", windows.encode(codec))).text == CHINESE
    assert read_document_file(write(tmp_path, "cr.txt", old_mac.encode(codec))).text == (
        TITLE + "\n" + CLAUSES[0] + "\n"
    )


def test_bundled_document_reencoded_to_gb18030_reads_back_equal(tmp_path: Path):
    original = BUNDLED.read_bytes().decode("utf-8")
    path = write(tmp_path, BUNDLED.name, original.encode("gb18030"))
    result = read_document_file(path)
    assert result.encoding == "gb18030"
    assert result.text == original.replace("\r\n", "\n")


def test_noise_reaches_the_parser_untouched(tmp_path: Path):
    noisy = "**一、总体要求**\n<p>（一）　指导思想。</p>  \n\t- 2 -\n\n\n&nbsp;第三条\u3000\u00a0 \n"
    for codec in ("utf-8", "gb18030"):
        assert read_document_file(write(tmp_path, "noisy.txt", noisy.encode(codec))).text == noisy


def test_decode_text_bytes_reports_the_encoding_and_keeps_line_endings():
    assert decode_text_bytes(CHINESE.encode("gbk")) == (CHINESE, "gb18030")
    assert decode_text_bytes(b"\xef\xbb\xbfabc\r\n") == ("abc\r\n", "utf-8-sig")
    assert decode_text_bytes("政策\r\n".encode("utf-16")) == ("政策\r\n", "utf-16")


def test_decode_text_bytes_raises_a_value_error_carrying_the_reason():
    with pytest.raises(ValueError) as info:
        decode_text_bytes(b"\x00\x01\x02\x03" * 100)
    assert isinstance(info.value, DecodeError)
    assert info.value.reason is ReadErrorReason.BINARY


# --- .txt: refusals ------------------------------------------------------------------------------


def _png_bytes() -> bytes:
    def chunk(kind: bytes, body: bytes) -> bytes:
        return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))

    header = struct.pack(">IIBBBBB", 16, 16, 8, 2, 0, 0, 0)  # 16×16 RGB
    pixels = zlib.compress(b"".join(b"\x00" + bytes(range(48)) for _ in range(16)))
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", pixels) + chunk(b"IEND", b"")


def _zip_bytes() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("policy.txt", CHINESE)
        archive.writestr("data.bin", bytes(range(256)))
    return buffer.getvalue()


def test_empty_file_is_empty(tmp_path: Path):
    assert refusal(write(tmp_path, "empty.txt", b"")) is ReadErrorReason.EMPTY


@pytest.mark.parametrize("content", [" \n\t\r\n", "\u3000\u3000\n", "\ufeff  \n"])
def test_white_space_only_is_empty(tmp_path: Path, content: str):
    assert refusal(write(tmp_path, "blank.txt", content.encode("utf-8"))) is ReadErrorReason.EMPTY


def test_bom_only_is_empty(tmp_path: Path):
    assert refusal(write(tmp_path, "bom.txt", b"\xef\xbb\xbf")) is ReadErrorReason.EMPTY


@pytest.mark.parametrize(("name", "data"), [("image.txt", _png_bytes()), ("archive.txt", _zip_bytes())])
def test_binary_renamed_to_txt_is_binary(tmp_path: Path, name: str, data: bytes):
    assert refusal(write(tmp_path, name, data)) is ReadErrorReason.BINARY


@pytest.mark.parametrize("seed", range(5))
def test_random_bytes_are_binary_or_undecodable(tmp_path: Path, seed: int):
    data = random.Random(seed).randbytes(4096)
    reason = refusal(write(tmp_path, "random.txt", data))
    assert reason in (ReadErrorReason.BINARY, ReadErrorReason.UNDECODABLE)


def test_control_characters_without_nul_are_binary(tmp_path: Path):
    data = bytes(b for b in random.Random(7).randbytes(4096) if b)  # no NUL, plenty of C0 controls
    assert refusal(write(tmp_path, "controls.txt", data)) is ReadErrorReason.BINARY


def test_non_chinese_legacy_encoding_is_undecodable(tmp_path: Path):
    # Windows-1252 accents: not UTF-8, and as GB18030/Big5/UTF-16 they come out as gibberish.
    data = ("Règlement général: état des lieux, coût à prévoir; déjà validé. " * 20).encode("cp1252")
    assert refusal(write(tmp_path, "french.txt", data)) is ReadErrorReason.UNDECODABLE


@given(st.binary(max_size=2000))
@settings(max_examples=300, deadline=None)
def test_decode_text_bytes_returns_text_or_a_decode_error(data: bytes):
    try:
        text, encoding = decode_text_bytes(data)
    except DecodeError as exc:
        assert exc.reason in (ReadErrorReason.BINARY, ReadErrorReason.UNDECODABLE, ReadErrorReason.EMPTY)
    else:
        assert isinstance(text, str) and encoding


# --- .docx ---------------------------------------------------------------------------------------


def make_docx(path: Path) -> Path:
    document = docx.Document()
    document.add_heading(TITLE, level=1)
    document.add_paragraph(CLAUSES[0])
    table = document.add_table(rows=3, cols=3)
    values = [("序号", "事项", "奖补标准"), ("1", "国家级平台", "500万元"), ("2", "", "")]
    for row, row_values in zip(table.rows, values, strict=True):
        for cell, value in zip(row.cells, row_values, strict=True):
            cell.text = value
    merged = table.cell(2, 1).merge(table.cell(2, 2))  # one cell over two columns: its text once
    merged.text = "省级平台"
    merged.add_paragraph("（按年度考核）")
    tabbed = document.add_paragraph(CLAUSES[1])
    tabbed.add_run().add_tab()
    tabbed.add_run("（第二段）")
    document.add_paragraph("")
    document.add_paragraph(CLAUSES[2])
    document.save(str(path))
    return path


def test_docx_paragraphs_and_tables_read_back_in_order(tmp_path: Path):
    result = read_document_file(make_docx(tmp_path / "policy.docx"))
    assert result.format == "docx"
    assert result.encoding is None
    assert result.text.split("\n") == [
        TITLE,
        CLAUSES[0],
        "序号\t事项\t奖补标准",
        "1\t国家级平台\t500万元",
        "2\t省级平台",
        "（按年度考核）",
        CLAUSES[1] + "\t（第二段）",
        "",
        CLAUSES[2],
    ]


def test_docx_run_text_outside_plain_runs_is_kept_and_deletions_dropped(tmp_path: Path):
    ns = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
    document = docx.Document()
    paragraph = document.add_paragraph("第一条")
    for xml in (
        f'<w:ins {ns} w:id="1" w:author="a"><w:r><w:t>（修订新增）</w:t></w:r></w:ins>',
        f'<w:del {ns} w:id="2" w:author="a"><w:r><w:delText>删除的文字</w:delText></w:r></w:del>',
        f"<w:hyperlink {ns}><w:r><w:t>《政策原文》</w:t></w:r></w:hyperlink>",
        f"<w:r {ns}><w:br/><w:t>换行后</w:t></w:r>",
    ):
        paragraph._p.append(parse_xml(xml))
    path = tmp_path / "tracked.docx"
    document.save(str(path))
    assert read_document_file(path).text == "第一条（修订新增）《政策原文》\n换行后"


def test_docx_without_text_is_empty(tmp_path: Path):
    path = tmp_path / "blank.docx"
    document = docx.Document()
    document.add_paragraph("   ")
    document.save(str(path))
    assert refusal(path) is ReadErrorReason.EMPTY


@pytest.mark.parametrize(
    ("name", "data"),
    [
        ("garbage.docx", b"this is not a word document" * 10),
        ("old-word.docx", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(500)),  # OLE2, i.e. a renamed .doc
        ("archive.docx", _zip_bytes()),  # a zip, but not a Word package
        ("truncated.docx", _zip_bytes()[:100]),
    ],
)
def test_broken_docx_is_corrupt(tmp_path: Path, name: str, data: bytes):
    assert refusal(write(tmp_path, name, data)) is ReadErrorReason.CORRUPT


# --- .pdf ----------------------------------------------------------------------------------------

pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))


def make_pdf(path: Path, pages: list[list[str]], *, encrypt: StandardEncryption | None = None) -> Path:
    pdf = canvas.Canvas(str(path), encrypt=encrypt)
    for lines in pages:
        pdf.setFont("STSong-Light", 11)  # reportlab resets the font on every page
        for number, line in enumerate(lines):
            pdf.drawString(50, 780 - 20 * number, line)
        pdf.showPage()
    pdf.save()
    return path


def test_pdf_with_a_chinese_text_layer_reads_back(tmp_path: Path):
    short = [CLAUSES[0][:30], CLAUSES[0][30:]]
    path = make_pdf(tmp_path / "policy.pdf", [[TITLE, *short], [CLAUSES[3]]])
    result = read_document_file(path)
    assert result.format == "pdf"
    assert result.encoding is None
    lines = [line.strip() for line in result.text.split("\n") if line.strip()]
    assert lines == [TITLE, *short, CLAUSES[3]]


def test_pdf_with_only_drawings_has_no_text_layer(tmp_path: Path):
    path = tmp_path / "scan.pdf"
    pdf = canvas.Canvas(str(path))
    pdf.rect(50, 50, 400, 600, fill=1)
    pdf.circle(300, 400, 80)
    pdf.showPage()
    pdf.rect(60, 60, 300, 300)
    pdf.setFont("Helvetica", 9)
    pdf.drawString(300, 30, "- 2 -")  # a page number stamped on a scan is not a text layer
    pdf.showPage()
    pdf.save()
    assert refusal(path) is ReadErrorReason.NO_TEXT_LAYER


def test_pdf_needing_a_password_is_corrupt_and_says_encrypted(tmp_path: Path):
    path = make_pdf(tmp_path / "locked.pdf", [[TITLE]], encrypt=StandardEncryption("secret", "owner"))
    with pytest.raises(ReadError) as info:
        read_document_file(path)
    assert info.value.path == path
    assert info.value.reason is ReadErrorReason.CORRUPT
    assert "encrypted" in info.value.detail


def test_pdf_with_only_an_owner_password_reads(tmp_path: Path):
    encrypt = StandardEncryption("", "owner", canPrint=0, canCopy=0)
    path = make_pdf(tmp_path / "restricted.pdf", [[TITLE, CLAUSES[0][:30]]], encrypt=encrypt)
    assert TITLE in read_document_file(path).text


@pytest.mark.parametrize(
    ("name", "data"),
    [
        ("garbage.pdf", b"definitely not a PDF file\n" * 20),
        ("header-only.pdf", b"%PDF-1.7\n" + b"\x00\x01garbage" * 50),
        ("image.pdf", _png_bytes()),
    ],
)
def test_broken_pdf_is_corrupt(tmp_path: Path, name: str, data: bytes):
    assert refusal(write(tmp_path, name, data)) is ReadErrorReason.CORRUPT


def test_truncated_pdf_is_refused_not_crashed(tmp_path: Path):
    whole = make_pdf(tmp_path / "whole.pdf", [[TITLE, CLAUSES[0][:30]]]).read_bytes()
    for cut in (len(whole) // 3, len(whole) // 2, len(whole) - 40):
        path = write(tmp_path, f"cut-{cut}.pdf", whole[:cut])
        try:
            result = read_document_file(path)
        except ReadError as exc:
            assert exc.path == path
            assert exc.reason in (ReadErrorReason.CORRUPT, ReadErrorReason.NO_TEXT_LAYER)
        else:
            assert TITLE in result.text  # pypdf may recover from a lost cross-reference table


@given(st.binary(min_size=1, max_size=600), st.sampled_from([".docx", ".pdf"]))
@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
def test_any_bytes_as_docx_or_pdf_give_a_read_error_or_text(tmp_path: Path, data: bytes, suffix: str):
    path = write(tmp_path, "fuzz" + suffix, (b"%PDF-1.4\n" if suffix == ".pdf" else b"") + data)
    try:
        read_document_file(path)
    except ReadError as exc:
        assert exc.path == path


# --- dispatch, size, existence ---------------------------------------------------------------------


@pytest.mark.parametrize("name", ["policy.doc", "table.xls", "scan.png", "notes.md", "README"])
def test_other_types_are_unsupported(tmp_path: Path, name: str):
    assert refusal(write(tmp_path, name, CHINESE.encode("utf-8"))) is ReadErrorReason.UNSUPPORTED_TYPE


def test_suffix_is_case_insensitive(tmp_path: Path):
    assert read_document_file(write(tmp_path, "POLICY.TXT", CHINESE.encode("gbk"))).text == CHINESE
    docx_path = make_docx(tmp_path / "tmp.docx").rename(tmp_path / "POLICY.DOCX")
    assert read_document_file(docx_path).format == "docx"


def test_file_over_the_limit_is_too_large(tmp_path: Path):
    data = CHINESE.encode("utf-8")
    path = write(tmp_path, "big.txt", data)
    assert refusal(path, max_bytes=len(data) - 1) is ReadErrorReason.TOO_LARGE
    assert read_document_file(path, max_bytes=len(data)).text == CHINESE
    assert DEFAULT_MAX_BYTES == 20 * 1024 * 1024


def test_missing_path_is_not_found(tmp_path: Path):
    assert refusal(tmp_path / "gone.txt") is ReadErrorReason.NOT_FOUND
    assert refusal(tmp_path / "gone.doc") is ReadErrorReason.NOT_FOUND


def test_a_directory_is_unreadable(tmp_path: Path):
    path = tmp_path / "folder.txt"
    path.mkdir()
    assert refusal(path) is ReadErrorReason.UNREADABLE


def test_io_error_is_unreadable(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    path = write(tmp_path, "locked.txt", CHINESE.encode("utf-8"))

    def denied(self: Path, *args: object, **kwargs: object) -> None:
        raise PermissionError(13, "Permission denied", str(self))

    monkeypatch.setattr(Path, "open", denied)
    assert refusal(path) is ReadErrorReason.UNREADABLE


def test_read_error_message_and_pickling(tmp_path: Path):
    error = ReadError(tmp_path / "a.pdf", ReadErrorReason.CORRUPT, "encrypted")
    assert str(error) == "a.pdf: corrupt: encrypted"
    copy = pickle.loads(pickle.dumps(error))
    assert (copy.path, copy.reason, copy.detail) == (error.path, error.reason, error.detail)
    assert SUPPORTED_SUFFIXES == (".txt", ".docx", ".pdf", ".xlsx")
