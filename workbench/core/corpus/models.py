"""Plain data types shared by the core, the store and the exporters (no Qt)."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum


class ClauseKind(StrEnum):
    PREAMBLE = "preamble"  # title, 文号, addressees, opening paragraph
    CHAPTER = "chapter"  # 第X章
    SECTION = "section"  # 第X节
    ARTICLE = "article"  # 第X条
    PART = "part"  # 一、
    CLAUSE = "clause"  # （一）
    ITEM = "item"  # 1. / 1．
    SUBITEM = "subitem"  # （1）
    BOX = "box"  # 专栏一 / 专栏1
    CLOSING = "closing"  # 本意见自…施行 and the like, after the last numbered clause
    SIGNATURE = "signature"  # issuer, date, （此件主动公开）, 抄送


class NoiseKind(StrEnum):
    PAGE_NUMBER = "page_number"  # —3— inside the text, in sequence
    MARKUP = "markup"  # **bold**, <p>…</p>
    STRAY_LINE = "stray_line"  # a line repeating the tail of the line before it


class ImportProblem(StrEnum):
    """Why a file was not imported (the UI words them; reader reasons pass through)."""

    NOT_FOUND = "not_found"
    UNREADABLE = "unreadable"
    EMPTY = "empty"
    TOO_LARGE = "too_large"
    BINARY = "binary"
    UNDECODABLE = "undecodable"
    NO_TEXT_LAYER = "no_text_layer"
    CORRUPT = "corrupt"
    UNSUPPORTED_TYPE = "unsupported_type"
    DUPLICATE = "duplicate"  # the same text is already in the library
    DUPLICATE_NUMBER = "duplicate_number"  # a document with the same 文号 is already in the library
    CANCELLED = "cancelled"
    DISK_FULL = "disk_full"  # the disk filled while this file was stored: nothing of it was kept
    NOT_ATTEMPTED = "not_attempted"  # after the disk filled, the files left were not tried


@dataclass(frozen=True, slots=True)
class Noise:
    start: int
    end: int
    kind: NoiseKind


@dataclass(slots=True)
class Clause:
    """One node of a document's clause tree.

    ``span_start``/``span_end`` delimit the clause's *own* source text (up to
    its first child); the clauses of a document, in order, tile the source.
    """

    id: str
    path: str  # 三/（二）/1
    kind: ClauseKind
    level: int  # depth in the tree, 0 for preamble/closing/signature
    ordinal: int  # position in document order
    marker: str  # the marker as written, e.g. "(七)" or "１．"
    heading: str
    body: str  # display text without heading and responsibility line
    responsible: str | None
    text: str  # the whole clause as displayed: marker, heading, body, responsibility
    span_start: int
    span_end: int
    parent_id: str | None = None
    children: list[Clause] = field(default_factory=list)

    @property
    def label(self) -> str:
        """Marker and heading, or the start of the body when there is no heading."""
        title = self.heading or self.body.split("\n", 1)[0][:24]
        return f"{self.marker}{title}"


@dataclass(slots=True)
class ParsedDocument:
    source: str
    clauses: list[Clause]  # flat, in document order
    noise: list[Noise]

    @property
    def roots(self) -> list[Clause]:
        return [c for c in self.clauses if c.parent_id is None]


class ValidityStatus(StrEnum):
    NOT_YET = "not_yet_in_force"  # 尚未生效
    IN_FORCE = "in_force"  # 现行有效
    EXPIRED = "expired"  # 已失效
    REPEALED = "repealed"  # 已废止
    UNKNOWN = "unknown"  # no dates known


class Level(StrEnum):
    NATIONAL = "national"  # 国家
    PROVINCIAL = "provincial"  # 省
    MUNICIPAL = "municipal"  # 市
    OTHER = "other"
