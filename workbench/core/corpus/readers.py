"""Turn a user's file into text, or refuse it with a reason code.

.txt in any common Chinese encoding (charset-normalizer does the guessing, we
check its answer), .docx through python-docx, .pdf with a text layer through
pypdf, .xlsx (a plan's indicator table kept as a workbook) through openpyxl: one
line per row, cells joined by a tab, as a .docx table comes out.
The text is returned as decoded, line endings normalised to ``\\n`` and
nothing else changed: the clause parser must see the noise as it is.

Every refusal is a :class:`ReadError` carrying a :class:`ReadErrorReason`; the
UI words the reason, ``detail`` is for logs and tooltips.
"""

from __future__ import annotations

import codecs
import io
import logging
import unicodedata
import zipfile
from collections import Counter
from dataclasses import dataclass
from enum import StrEnum
from functools import lru_cache
from os import PathLike
from pathlib import Path
from typing import TYPE_CHECKING, Literal

if TYPE_CHECKING:
    from lxml.etree import _Element

log = logging.getLogger(__name__)

DEFAULT_MAX_BYTES = 20 * 1024 * 1024
# The longest text a document may have: ~1500 pages, far beyond any policy document; parsing
# a 19 MB text took a minute and a gigabyte. A .txt above MAX_TXT_BYTES is refused unread.
MAX_TEXT_CHARS = 3_000_000
MAX_TXT_BYTES = 10 * 1024 * 1024
SUPPORTED_SUFFIXES = (".txt", ".docx", ".pdf", ".xlsx")

_MIN_PDF_TEXT = 20  # non-white-space characters below which a PDF counts as a scan
# Encodings a Chinese .txt plausibly uses once UTF-8 has failed. gb18030 decodes GBK and GB2312 too;
# cp950 is Big5 as Windows writes it (a superset with a few more characters).
_CJK_ENCODINGS = ["gb18030", "big5", "cp950"]
# UTF-16 without a BOM. Data with NUL bytes can only be this (any ASCII character or line break in
# UTF-16 has one); a run of pure hanzi has none, so it is tried with the Chinese encodings too
# (measured: it costs GB18030/Big5 detection nothing from ~10 characters up).
_UTF16_ENCODINGS = ["utf_16_le", "utf_16_be"]
# charset-normalizer's default (0.2) drops real policy text heavy in “”、（） (measured on the bundled
# documents); our own check of the decoded text below is the stricter gate.
_CHAOS_THRESHOLD = 0.5
_SAMPLE_CHARS = 20_000  # enough to judge a decoding; keeps the check cheap on 20 MB files
_TEXT_CONTROLS = frozenset("\t\n\v\f\r\x1a")  # \x1a: DOS end-of-file marker, still seen in old files


class ReadErrorReason(StrEnum):
    NOT_FOUND = "not_found"
    UNREADABLE = "unreadable"  # permission or I/O error, or not a regular file
    EMPTY = "empty"  # 0 bytes, or only white space once decoded
    TOO_LARGE = "too_large"
    BINARY = "binary"
    UNDECODABLE = "undecodable"
    NO_TEXT_LAYER = "no_text_layer"  # PDF without extractable text: a scan
    CORRUPT = "corrupt"  # broken or encrypted .docx/.pdf
    UNSUPPORTED_TYPE = "unsupported_type"


class ReadError(Exception):
    """A file refused, with the reason code the UI translates."""

    def __init__(self, path: Path, reason: ReadErrorReason, detail: str = "") -> None:
        # All three go to Exception so the error survives pickling (worker processes).
        super().__init__(path, reason, detail)
        self.path, self.reason, self.detail = path, reason, detail

    def __str__(self) -> str:
        return f"{self.path.name}: {self.reason.value}" + (f": {self.detail}" if self.detail else "")


class DecodeError(ValueError):
    """:func:`decode_text_bytes` failed; ``reason`` is BINARY, UNDECODABLE or EMPTY."""

    def __init__(self, reason: ReadErrorReason, detail: str = "") -> None:
        super().__init__(reason, detail)
        self.reason, self.detail = reason, detail

    def __str__(self) -> str:
        return self.detail or self.reason.value


@dataclass(frozen=True, slots=True)
class ReadResult:
    text: str
    format: Literal["txt", "docx", "pdf", "xlsx"]
    encoding: str | None  # the codec name for .txt, None otherwise


def read_document_file(path: Path | str | PathLike[str], max_bytes: int = DEFAULT_MAX_BYTES) -> ReadResult:
    """The text of a .txt/.docx/.pdf/.xlsx file, or :class:`ReadError` saying why not."""
    path = Path(path)
    # A missing file is NOT_FOUND whatever its name; a present one is judged by its suffix first,
    # so a 30 MB .png is "unsupported" rather than "too large".
    try:
        st = path.stat()
    except FileNotFoundError:
        raise ReadError(path, ReadErrorReason.NOT_FOUND) from None
    except OSError as exc:
        raise ReadError(path, ReadErrorReason.UNREADABLE, _os_detail(exc)) from None
    suffix = path.suffix.lower()
    if suffix not in SUPPORTED_SUFFIXES:
        raise ReadError(path, ReadErrorReason.UNSUPPORTED_TYPE, suffix or "no suffix")
    if not path.is_file():
        raise ReadError(path, ReadErrorReason.UNREADABLE, "not a regular file")
    if st.st_size > max_bytes:
        raise ReadError(path, ReadErrorReason.TOO_LARGE, f"{st.st_size} bytes > {max_bytes}")
    if suffix == ".txt" and st.st_size > min(max_bytes, MAX_TXT_BYTES):
        limit = min(max_bytes, MAX_TXT_BYTES)
        raise ReadError(path, ReadErrorReason.TOO_LARGE, f"{st.st_size} bytes > {limit}")
    try:
        with path.open("rb") as fh:
            data = fh.read(max_bytes + 1)  # the file may have grown since stat()
    except OSError as exc:
        raise ReadError(path, ReadErrorReason.UNREADABLE, _os_detail(exc)) from None
    if len(data) > max_bytes:
        raise ReadError(path, ReadErrorReason.TOO_LARGE, f"more than {max_bytes} bytes")
    if not data:
        raise ReadError(path, ReadErrorReason.EMPTY, "0 bytes")

    encoding: str | None = None
    if suffix == ".txt":
        try:
            text, encoding = decode_text_bytes(data)
        except DecodeError as exc:
            raise ReadError(path, exc.reason, exc.detail) from None
        fmt: Literal["txt", "docx", "pdf", "xlsx"] = "txt"
    elif suffix == ".docx":
        text, fmt = _docx_text(path, data), "docx"
    elif suffix == ".xlsx":
        text, fmt = _xlsx_text(path, data), "xlsx"
    else:
        text, fmt = _pdf_text(path, data), "pdf"
    if not text.strip():
        raise ReadError(path, ReadErrorReason.EMPTY, "only white space")
    if len(text) > MAX_TEXT_CHARS:
        raise ReadError(path, ReadErrorReason.TOO_LARGE, f"{len(text)} characters > {MAX_TEXT_CHARS}")
    return ReadResult(_normalise_newlines(text), fmt, encoding)


# --- .txt -----------------------------------------------------------------------------------------


def decode_text_bytes(data: bytes) -> tuple[str, str]:
    """``(text, encoding)`` for the bytes of a text file, or :class:`DecodeError`.

    The text is exactly as decoded (a BOM is dropped, line endings are left alone).
    Order: BOM, strict UTF-8, then charset-normalizer among GB18030, Big5 and BOM-less UTF-16 (only
    UTF-16 when the data has NUL bytes), each answer checked to look like Chinese/ASCII text.
    """
    if not data:
        raise DecodeError(ReadErrorReason.EMPTY, "0 bytes")
    # UTF-32 first: its little-endian BOM starts with the UTF-16 one.
    for boms, name in (
        ((codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE), "utf-32"),
        ((codecs.BOM_UTF8,), "utf-8-sig"),
        ((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE), "utf-16"),
    ):
        if data.startswith(boms):
            try:
                text = data.decode(name)
            except UnicodeDecodeError as exc:
                raise DecodeError(ReadErrorReason.UNDECODABLE, f"{name} BOM but {exc.reason}") from None
            if _control_count(text) > _allowance(text):
                raise DecodeError(ReadErrorReason.BINARY, f"{name} BOM but control characters")
            return text, name

    has_nul = b"\x00" in data
    if not has_nul:
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError:
            pass
        else:
            # Strict UTF-8 success is strong evidence by itself; only rule out control-character junk.
            if _control_count(text) <= _allowance(text):
                return text, "utf-8"

    text_encoding = _guess(data, _UTF16_ENCODINGS if has_nul else _CJK_ENCODINGS + _UTF16_ENCODINGS)
    if text_encoding is not None:
        return text_encoding
    if has_nul:
        raise DecodeError(ReadErrorReason.BINARY, "NUL bytes and not UTF-16")
    if _control_byte_count(data) > _allowance(data):
        raise DecodeError(ReadErrorReason.BINARY, "control bytes")
    raise DecodeError(ReadErrorReason.UNDECODABLE, "not UTF-8, GB18030 or Big5")


def _guess(data: bytes, encodings: list[str]) -> tuple[str, str] | None:
    """charset-normalizer's candidates, checked; the most plausible wins, ties in its order."""
    from charset_normalizer import from_bytes

    best: tuple[int, str, str] | None = None
    for match in from_bytes(data, cp_isolation=encodings, threshold=_CHAOS_THRESHOLD):
        name = codecs.lookup(match.encoding).name
        try:
            # Decode the whole payload ourselves: on big inputs the library judges a prefix only.
            text = data.decode(name)
        except UnicodeDecodeError:
            continue
        oddity = _oddity(text)
        log.debug("encoding candidate %s: oddity %s", name, oddity)
        if oddity is not None and (best is None or oddity < best[0]):
            best = (oddity, text, name)
    return None if best is None else (best[1], best[2])


# Blocks that a real Chinese document hardly uses but a wrong guess produces in bulk: GBK punctuation
# read as Big5 comes out as bopomofo (，→ㄛ), small or vertical forms (、→﹜) and kana.
_MOJIBAKE_RANGES = ((0x3040, 0x30FF), (0x3100, 0x312F), (0x31A0, 0x31BF), (0xFE10, 0xFE6F))
_HANZI_RANGES = ((0x4E00, 0x9FFF), (0x3400, 0x4DBF))
# The "level 1" (most frequent) hanzi: GB2312 lead bytes B0–D7, Big5 lead bytes A4–C6.
_COMMON_HANZI = (("gb2312", 0xB0, 0xD7), ("big5", 0xA4, 0xC6))


@lru_cache(maxsize=65_536)
def _char_class(ch: str) -> Literal["ok", "control", "hanzi", "rare_hanzi", "odd"]:
    o = ord(ch)
    if o < 0x80:
        return "ok" if ch.isprintable() or ch in _TEXT_CONTROLS else "control"
    if unicodedata.category(ch) in ("Cc", "Cs", "Co", "Cn"):
        return "control"
    if any(lo <= o <= hi for lo, hi in _HANZI_RANGES):
        for codec, lo, hi in _COMMON_HANZI:
            try:
                lead = ch.encode(codec)[0]
            except UnicodeEncodeError:
                continue
            if lo <= lead <= hi:
                return "hanzi"
        return "rare_hanzi"
    if ch.isspace():
        return "ok"
    if any(lo <= o <= hi for lo, hi in _MOJIBAKE_RANGES):
        return "odd"
    # Punctuation, full-width forms, Greek, pinyin, ①, Ⅱ, ℃ …: what GB2312 or Big5 can write.
    for codec in ("gb2312", "big5"):
        try:
            ch.encode(codec)
        except UnicodeEncodeError:
            continue
        return "ok"
    return "odd"


def _oddity(text: str) -> int | None:
    """None if ``text`` does not look like Chinese/ASCII text, else a count of odd characters (lower is better).

    Measured on the bundled documents: rare hanzi are < 0.1 % of hanzi and odd characters none;
    a wrong guess among gb18030/big5/utf-16 makes most hanzi rare or most characters odd.
    """
    counts = Counter(_char_class(ch) for ch in text[:_SAMPLE_CHARS])
    total = sum(counts.values())
    if counts["control"] + counts["odd"] > max(2, total // 50):
        return None
    hanzi = counts["hanzi"] + counts["rare_hanzi"]
    if hanzi >= 10 and counts["rare_hanzi"] * 5 > hanzi:
        return None
    return counts["rare_hanzi"] + counts["odd"] + counts["control"]


def _control_count(text: str) -> int:
    sample = text[:_SAMPLE_CHARS]
    return sum(
        1 for ch in sample if ch not in _TEXT_CONTROLS and unicodedata.category(ch) in ("Cc", "Cs", "Cn")
    )


def _control_byte_count(data: bytes) -> int:
    sample = data[: _SAMPLE_CHARS * 2]
    return sum(1 for b in sample if b < 0x20 and chr(b) not in _TEXT_CONTROLS) + sample.count(0x7F)


def _allowance(sample: str | bytes) -> int:
    """How many stray control characters a real text may have: a couple, or 1 %."""
    return max(2, min(len(sample), _SAMPLE_CHARS) // 100)


def _normalise_newlines(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _os_detail(exc: OSError) -> str:
    return exc.strerror or type(exc).__name__


# --- .docx ----------------------------------------------------------------------------------------

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
# Containers whose children are more body blocks (content controls, custom XML, tracked moves).
_BLOCK_WRAPPERS = {f"{_W}sdt", f"{_W}sdtContent", f"{_W}customXml", f"{_W}ins", f"{_W}moveTo"}
# Run-level elements that stand for a character; python-docx maps them the same way.
_RUN_CHARS = {
    f"{_W}tab": "\t",
    f"{_W}ptab": "\t",
    f"{_W}br": "\n",
    f"{_W}cr": "\n",
    f"{_W}noBreakHyphen": "-",
}
# Runs inside these are not the paragraph's own text: deletions, and text boxes/objects anchored in it
# (mc:AlternateContent repeats a text box in Choice and Fallback, so it would also come out twice).
_SKIP_RUNS_UNDER = {
    f"{_W}del",
    f"{_W}moveFrom",
    f"{_W}txbxContent",
    f"{_W}drawing",
    f"{_W}pict",
    f"{_W}object",
}


def _docx_text(path: Path, data: bytes) -> str:
    import docx

    if not zipfile.is_zipfile(io.BytesIO(data)):
        raise ReadError(path, ReadErrorReason.CORRUPT, "not a .docx (zip) file")
    try:
        document = docx.Document(io.BytesIO(data))
        body = document.element.body
    except Exception as exc:  # noqa: BLE001 - only library code above; broken parts raise a zoo of types
        raise ReadError(path, ReadErrorReason.CORRUPT, f"{type(exc).__name__}: {exc}") from None
    return "\n".join(_block_lines(body))


def _xlsx_text(path: Path, data: bytes) -> str:
    """Each sheet's name, then its rows: cells joined by a tab, empty cells kept (they hold the
    column places of merged 类别 cells), numbers as written (5800, not 5800.0)."""
    import openpyxl

    if not zipfile.is_zipfile(io.BytesIO(data)):
        raise ReadError(path, ReadErrorReason.CORRUPT, "not an .xlsx (zip) file")
    try:
        book = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception as exc:  # noqa: BLE001 - only library code above; broken parts raise a zoo of types
        raise ReadError(path, ReadErrorReason.CORRUPT, f"{type(exc).__name__}: {exc}") from None
    lines: list[str] = []
    try:
        for sheet in book.worksheets:
            lines.append(str(sheet.title))
            for row in sheet.iter_rows(values_only=True):
                cells = ["" if v is None else _xlsx_cell(v) for v in row]
                while cells and not cells[-1]:
                    cells.pop()
                if cells:
                    lines.append("\t".join(c.replace("\n", " ") for c in cells))
    finally:
        book.close()
    return "\n".join(lines)


def _xlsx_cell(value: object) -> str:
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


def _block_lines(container: _Element) -> list[str]:
    """One line per paragraph, one per table row (cells joined by a tab), in document order."""
    lines: list[str] = []
    for child in container.iterchildren():
        tag = child.tag
        if tag == f"{_W}p":
            lines.append(_paragraph_text(child))
        elif tag == f"{_W}tbl":
            lines.extend(_table_lines(child))
        elif tag in _BLOCK_WRAPPERS:
            lines.extend(_block_lines(child))
    return lines


def _table_lines(tbl: _Element) -> list[str]:
    lines: list[str] = []
    for tr in tbl.iter(f"{_W}tr"):
        if _nearest(tr, f"{_W}tbl") is not tbl:
            continue  # a row of a nested table: it comes out inside its cell
        cells = [
            # A cell's own paragraphs stay separate lines, so a clause inside a cell still starts a line.
            "\n".join(_block_lines(tc))
            for tc in tr.iter(f"{_W}tc")
            if _nearest(tc, f"{_W}tr") is tr
        ]
        lines.append("\t".join(cells))
    return lines


def _paragraph_text(p: _Element) -> str:
    parts: list[str] = []
    for r in p.iter(f"{_W}r"):
        if _nearest(r, f"{_W}p") is not p or any(a.tag in _SKIP_RUNS_UNDER for a in r.iterancestors()):
            continue
        for el in r.iterchildren():
            if el.tag == f"{_W}t":
                parts.append(el.text or "")
            elif el.tag in _RUN_CHARS:
                parts.append(_RUN_CHARS[el.tag])
    return "".join(parts)


def _nearest(el: _Element, tag: str) -> _Element | None:
    return next(el.iterancestors(tag), None)


# --- .pdf -----------------------------------------------------------------------------------------


class _Collect(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.DEBUG)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(record.getMessage())


def _pdf_text(path: Path, data: bytes) -> str:
    """pypdf's own warnings about a damaged file (``EOF marker not found``) go to our log
    at debug level instead of the terminal: the refusal or the text is what counts."""
    pypdf_log = logging.getLogger("pypdf")
    handler = _Collect()
    pypdf_log.addHandler(handler)
    propagate, pypdf_log.propagate = pypdf_log.propagate, False
    try:
        return _pdf_text_quietly(path, data)
    finally:
        pypdf_log.removeHandler(handler)
        pypdf_log.propagate = propagate
        for message in handler.messages:
            log.debug("pypdf on %s: %s", path.name, message)


def _pdf_text_quietly(path: Path, data: bytes) -> str:
    import pypdf
    from pypdf.errors import FileNotDecryptedError

    # The header may follow some junk, but must come within the first KiB (as readers accept it).
    if b"%PDF-" not in data[:1024]:
        raise ReadError(path, ReadErrorReason.CORRUPT, "not a PDF file")
    try:
        reader = pypdf.PdfReader(io.BytesIO(data))
        if reader.is_encrypted and not reader.decrypt(""):
            raise ReadError(path, ReadErrorReason.CORRUPT, "encrypted, needs a password")
        pages = reader.pages
        page_count = len(pages)
    except ReadError:
        raise
    except FileNotDecryptedError:
        raise ReadError(path, ReadErrorReason.CORRUPT, "encrypted, needs a password") from None
    except Exception as exc:  # noqa: BLE001 - only pypdf above; malformed files raise many types
        raise ReadError(path, ReadErrorReason.CORRUPT, _pdf_detail(exc)) from None

    texts: list[str] = []
    for number in range(page_count):
        try:
            texts.append(pages[number].extract_text() or "")
        except Exception as exc:  # noqa: BLE001 - pypdf only; a partial document would lose clauses silently
            raise ReadError(path, ReadErrorReason.CORRUPT, f"page {number + 1}: {_pdf_detail(exc)}") from None
    text = "\n".join(texts)
    if sum(1 for ch in text if not ch.isspace()) < _MIN_PDF_TEXT:
        raise ReadError(path, ReadErrorReason.NO_TEXT_LAYER, f"{page_count} pages, no text layer")
    return text


def _pdf_detail(exc: Exception) -> str:
    from pypdf.errors import DependencyError

    if isinstance(exc, DependencyError):  # AES needs the optional cryptography package
        return f"encrypted, cannot decrypt: {exc}"
    return f"{type(exc).__name__}: {exc}"
