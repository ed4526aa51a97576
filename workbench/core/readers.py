"""Turn a user's file into text, or refuse it with a reason code.

.txt in any common Chinese encoding (charset-normalizer does the guessing),
.docx through python-docx, .pdf with a text layer through pypdf. The text is
returned as decoded, line endings normalised to ``\\n`` and nothing else
changed: the clause parser must see the noise as it is.
"""

from __future__ import annotations

import codecs
import logging
import unicodedata
import zipfile
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path
from typing import Literal

log = logging.getLogger(__name__)

DEFAULT_MAX_BYTES = 20 * 1024 * 1024
SUPPORTED_SUFFIXES = (".txt", ".docx", ".pdf")
_MIN_PDF_TEXT = 20  # non-white-space characters below which a PDF counts as a scan
_CHINESE_ENCODINGS = ["utf_8", "gb18030", "big5", "utf_16", "utf_16_le", "utf_16_be"]


class ReadErrorReason(StrEnum):
    NOT_FOUND = "not_found"
    UNREADABLE = "unreadable"
    EMPTY = "empty"
    TOO_LARGE = "too_large"
    BINARY = "binary"
    UNDECODABLE = "undecodable"
    NO_TEXT_LAYER = "no_text_layer"
    CORRUPT = "corrupt"
    UNSUPPORTED_TYPE = "unsupported_type"


class ReadError(Exception):
    def __init__(self, path: Path, reason: ReadErrorReason, detail: str = "") -> None:
        super().__init__(f"{path.name}: {reason.value}{': ' + detail if detail else ''}")
        self.path, self.reason, self.detail = path, reason, detail


class DecodeError(ValueError):
    def __init__(self, reason: ReadErrorReason, detail: str = "") -> None:
        super().__init__(detail or reason.value)
        self.reason, self.detail = reason, detail


@dataclass(frozen=True, slots=True)
class ReadResult:
    text: str
    format: Literal["txt", "docx", "pdf"]
    encoding: str | None


def read_document_file(path: Path, max_bytes: int = DEFAULT_MAX_BYTES) -> ReadResult:
    suffix = path.suffix.lower()
    if suffix not in SUPPORTED_SUFFIXES:
        raise ReadError(path, ReadErrorReason.UNSUPPORTED_TYPE, suffix or "no suffix")
    try:
        size = path.stat().st_size
    except FileNotFoundError:
        raise ReadError(path, ReadErrorReason.NOT_FOUND) from None
    except OSError as exc:
        raise ReadError(path, ReadErrorReason.UNREADABLE, str(exc)) from None
    if size > max_bytes:
        raise ReadError(path, ReadErrorReason.TOO_LARGE, f"{size} bytes > {max_bytes}")
    if size == 0:
        raise ReadError(path, ReadErrorReason.EMPTY)
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise ReadError(path, ReadErrorReason.UNREADABLE, str(exc)) from None
    if suffix == ".txt":
        try:
            text, encoding = decode_text_bytes(data)
        except DecodeError as exc:
            raise ReadError(path, exc.reason, exc.detail) from None
        result = ReadResult(_normalise_newlines(text), "txt", encoding)
    elif suffix == ".docx":
        result = ReadResult(_normalise_newlines(_docx_text(path, data)), "docx", None)
    else:
        result = ReadResult(_normalise_newlines(_pdf_text(path, data)), "pdf", None)
    if not result.text.strip():
        raise ReadError(path, ReadErrorReason.NO_TEXT_LAYER if suffix == ".pdf" else ReadErrorReason.EMPTY)
    return result


def decode_text_bytes(data: bytes) -> tuple[str, str]:
    """(text, encoding) for the bytes of a text file, or DecodeError."""
    for bom, name in ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16")):
        if data.startswith(bom):
            try:
                return data.decode(name), name
            except UnicodeDecodeError as exc:
                raise DecodeError(ReadErrorReason.UNDECODABLE, str(exc)) from None
    utf16 = _looks_like_utf16(data)
    if b"\x00" in data and not utf16:
        raise DecodeError(ReadErrorReason.BINARY, "NUL bytes")
    if not utf16:
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError:
            pass
        else:
            _check_plausible(text)
            return text, "utf-8"
    from charset_normalizer import from_bytes

    candidates = [utf16] if utf16 else _CHINESE_ENCODINGS
    best = from_bytes(data, cp_isolation=candidates).best()
    if best is None:
        raise DecodeError(ReadErrorReason.BINARY if _mostly_control(data) else ReadErrorReason.UNDECODABLE)
    text = str(best)
    _check_plausible(text)
    return text, codecs.lookup(best.encoding).name


def _looks_like_utf16(data: bytes) -> str | None:
    """UTF-16 without a BOM: NUL in every other byte of ASCII text, or a high share of them."""
    sample = data[:4000]
    if len(sample) < 4 or len(sample) % 2:
        return None
    even, odd = sample[0::2].count(0), sample[1::2].count(0)
    half = len(sample) // 2
    if odd > half * 0.3 and even < half * 0.05:
        return "utf_16_le"
    if even > half * 0.3 and odd < half * 0.05:
        return "utf_16_be"
    return None


def _mostly_control(data: bytes) -> bool:
    sample = data[:4000]
    control = sum(1 for b in sample if b < 0x20 and b not in (9, 10, 13))
    return control > len(sample) * 0.05


def _check_plausible(text: str) -> None:
    """Refuse what decoded but is not text: control characters, private-use and unassigned code points."""
    sample = text[:20000]
    if not sample:
        return
    bad = sum(1 for ch in sample if unicodedata.category(ch) in ("Cc", "Co", "Cn") and ch not in "\n\r\t\f")
    if bad > max(2, len(sample) * 0.01):
        raise DecodeError(ReadErrorReason.BINARY, f"{bad} control or unassigned characters")


def _normalise_newlines(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _docx_text(path: Path, data: bytes) -> str:
    import docx
    from docx.opc.exceptions import PackageNotFoundError

    if not zipfile.is_zipfile(path):
        raise ReadError(path, ReadErrorReason.CORRUPT, "not a .docx (zip) file")
    try:
        document = docx.Document(str(path))
    except (PackageNotFoundError, KeyError, ValueError, zipfile.BadZipFile) as exc:
        raise ReadError(path, ReadErrorReason.CORRUPT, str(exc)) from None
    except Exception as exc:  # lxml and friends raise a zoo of types for broken parts
        if type(exc).__module__.startswith(("lxml", "docx", "zipfile")):
            raise ReadError(path, ReadErrorReason.CORRUPT, str(exc)) from None
        raise
    lines: list[str] = []
    body = document.element.body
    for child in body.iterchildren():
        tag = child.tag.rsplit("}", 1)[-1]
        if tag == "p":
            lines.append("".join(t.text or "" for t in child.iter() if t.tag.endswith("}t")))
        elif tag == "tbl":
            for row in child.iter():
                if row.tag.endswith("}tr"):
                    cells = [
                        "".join(t.text or "" for t in cell.iter() if t.tag.endswith("}t"))
                        for cell in row.iterchildren()
                        if cell.tag.endswith("}tc")
                    ]
                    lines.append("\t".join(cells))
    return "\n".join(lines)


def _pdf_text(path: Path, data: bytes) -> str:
    import pypdf
    from pypdf.errors import FileNotDecryptedError, PdfReadError

    if not data.lstrip().startswith(b"%PDF"):
        raise ReadError(path, ReadErrorReason.CORRUPT, "not a PDF file")
    try:
        reader = pypdf.PdfReader(path)
        if reader.is_encrypted and not reader.decrypt(""):
            raise ReadError(path, ReadErrorReason.CORRUPT, "encrypted")
        pages = [page.extract_text() or "" for page in reader.pages]
    except ReadError:
        raise
    except FileNotDecryptedError:
        raise ReadError(path, ReadErrorReason.CORRUPT, "encrypted") from None
    except (PdfReadError, ValueError, KeyError, TypeError, AttributeError, IndexError) as exc:
        raise ReadError(path, ReadErrorReason.CORRUPT, str(exc)) from None
    text = "\n".join(pages)
    if sum(1 for ch in text if not ch.isspace()) < _MIN_PDF_TEXT:
        raise ReadError(path, ReadErrorReason.NO_TEXT_LAYER, f"{len(pages)} pages")
    return text
