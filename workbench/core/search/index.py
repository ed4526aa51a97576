"""The clause index on disk: the only module of the workbench that imports Whoosh.

Whoosh holds, per clause (``ANALYZER_VERSION``): a posting field of the terms of
:mod:`workbench.core.search.analysis`, columns with the folded text and heading,
and stored fields with the display text and the document's metadata.

Whoosh's own matchers walk postings one at a time in Python, which at 60,000
clauses costs several hundred milliseconds for a common bigram. So a search
reads the folded columns once into memory (refreshed per segment after writes),
finds candidates through the postings of a query term's rarest token when that
is selective (or scans the folded texts when it is not: a C-speed substring
test per clause), keeps the candidates whose folded text contains the term, and
scores them with :mod:`workbench.core.search.ranking`.

The lifecycle: an index is rebuilt in a sibling folder that replaces the old
one by renaming once it is complete; incremental writes take the one writer
lock with a timeout; an index that is missing, stale, of another analyzer or
unreadable reports so through :class:`IndexState`.
"""

from __future__ import annotations

import dataclasses
import gc
import json
import logging
import os
import shutil
import threading
import uuid
import warnings
import weakref
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

from whoosh import index as whoosh_index
from whoosh.analysis import Token, Tokenizer
from whoosh.fields import COLUMN, ID, STORED, FieldType, Schema
from whoosh.filedb.filestore import FileStorage
from whoosh.formats import Existence
from whoosh.index import LockError
from whoosh.util.filelock import try_for

from workbench.core.search.analysis import BODY, index_terms
from workbench.core.search.folding import fold_compact
from workbench.core.search.query import (
    Chunk,
    ParsedQuery,
    Slot,
    Term,
    literal_chunk,
    parse_query,
    query_slots,
    query_term,
)
from workbench.core.search.ranking import (
    Judged,
    judge,
    rank,
    rank_graceful,
)
from workbench.core.search.snippets import make_snippet_kinds
from workbench.core.search.suggest import near_spellings, respell
from workbench.core.search.thesaurus import Thesaurus
from workbench.core.search.types import (
    MATCH_MISSING,
    MATCH_SYNONYM,
    NOTICE_INDEX_UNAVAILABLE,
    NOTICE_MALFORMED,
    NOTICE_NO_TERMS,
    NOTICE_PARTIAL,
    NOTICE_SYNONYMS,
    TIER_PHRASE,
    TIER_STRICT,
    IndexBusyError,
    IndexRecord,
    IndexState,
    SearchFilters,
    SearchHit,
    SearchResponse,
)

log = logging.getLogger(__name__)

_T = TypeVar("_T")


META_NAME = "workbench-index.json"
INDEX_NAME = "MAIN"

# Relative cost of reading one posting vs testing one folded text (measured, roughly).
POSTING_COST, SCAN_COST = 4.0, 1.0

BUILD_BATCH = 2500  # clauses per segment written by a rebuild
BUILD_LIMIT_MB = 256  # Whoosh's memory budget for sorting one batch's postings


class ClauseTokenizer(Tokenizer):
    """Whoosh tokenizer over :func:`index_terms`; its input is already folded and compacted.

    Whoosh pickles it into the index's table of contents: keep its name, module
    and attributes stable, and change ``ANALYZER_VERSION`` when its output changes.
    """

    def __eq__(self, other: object) -> bool:
        return type(other) is type(self)

    def __hash__(self) -> int:
        return hash(type(self).__name__)

    def __call__(  # type: ignore[override]
        self,
        value: str,
        positions: bool = False,
        chars: bool = False,
        keeporiginal: bool = False,
        removestops: bool = True,
        start_pos: int = 0,
        start_char: int = 0,
        tokenize: bool = True,
        mode: str = "",
        **kwargs: Any,
    ) -> Iterator[Token]:
        t = Token(positions, chars, removestops=removestops, mode=mode, **kwargs)
        for pos, text in enumerate(index_terms(value)):
            t.text = text
            t.boost = 1.0
            t.stopped = False
            if keeporiginal:
                t.original = text
            if positions:
                t.pos = start_pos + pos
            if chars:
                t.startchar = t.endchar = start_char
            yield t


def _schema() -> Schema:
    return Schema(
        clause_id=ID(stored=True, unique=True),
        doc_id=ID(stored=True),
        # scorable only so that Whoosh keeps a length column: without one it stats a
        # file for every posting it writes
        body=FieldType(Existence(), ClauseTokenizer(), scorable=True),
        fbody=COLUMN(),  # folded compact display text, UTF-8
        fhead=COLUMN(),  # folded compact heading, UTF-8
        did=COLUMN(),  # doc id, UTF-8
        text=STORED(),  # display text, for snippets
        meta=STORED(),  # the document's folded title and filter values
    )


def _document(r: IndexRecord, folded_title: str) -> dict[str, Any]:
    body = fold_compact(r.text).text
    return {
        "clause_id": r.clause_id,
        "doc_id": r.doc_id,
        "body": body,
        "fbody": body.encode("utf-8"),
        "fhead": fold_compact(r.heading).text.encode("utf-8"),
        "did": r.doc_id.encode("utf-8"),
        "text": r.text,
        "meta": {
            "title": folded_title,
            "level": r.level or "",
            "region": r.region,
            "issuer": r.issuer,
            "year": r.issued_year,
        },
    }


def _folded_title(r: IndexRecord) -> str:
    return fold_compact(r.doc_title if not r.doc_number else f"{r.doc_title} {r.doc_number}").text


def _documents(records: Iterable[IndexRecord]) -> Iterator[tuple[IndexRecord, dict[str, Any]]]:
    last: tuple[str, str | None, str] | None = None
    for r in records:
        if last is None or last[:2] != (r.doc_title, r.doc_number):
            last = (r.doc_title, r.doc_number, _folded_title(r))
        yield r, _document(r, last[2])


# --------------------------------------------------------------------------
# The in-memory view of one searcher
# --------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _DocInfo:
    title: str  # folded compact title and 文号
    level: str
    region: str | None
    issuer: str | None
    year: int | None


class _Segment:
    """The folded columns of one Whoosh segment (kept while the segment lives)."""

    def __init__(self, reader: Any) -> None:
        self.body = _column(reader, "fbody")
        self.head = _column(reader, "fhead")
        self.did = _column(reader, "did")


def _column(reader: Any, name: str) -> list[str]:
    """A UTF-8 column of a segment reader, decoded, one string per document."""
    n = reader.doc_count_all()
    if not reader.has_column(name):
        return [""] * n
    column = reader.column_reader(name, translate=False)
    try:
        # The one read of Whoosh's private attributes, on purpose: a VarBytesColumn stores its
        # values back to back, and Whoosh has no public call that reads them in bulk. The public
        # iterator (the fallback below) does a seek and a read per document, 2.3 times slower
        # here, paid on every segment each time a searcher is opened after a write. Should a
        # Whoosh release rename these attributes, the fallback keeps the search correct.
        lengths, dbfile, base = column._lengths, column._dbfile, column._basepos
        data = memoryview(dbfile.get(base, sum(lengths)))
    except AttributeError:  # another column implementation
        values = [str(v, "utf-8") for v in column]
    else:
        values = []
        pos = 0
        for length in lengths:
            values.append(str(data[pos : pos + length], "utf-8"))
            pos += length
        data.release()
    return values + [""] * (n - len(values))


class _View:
    """Everything a search needs from one searcher, as Python lists by global docnum."""

    def __init__(self, searcher: Any, segments: dict[str, _Segment]) -> None:
        self.searcher = searcher
        self.reader = searcher.reader()
        self.leaves: list[tuple[Any, int]] = list(self.reader.leaf_readers())
        body: list[str] = []
        head: list[str] = []
        did: list[str | None] = []
        live: dict[str, _Segment] = {}
        for reader, _offset in self.leaves:
            key = _segment_key(reader)
            seg = segments.get(key) if key else None
            if seg is None:
                seg = _Segment(reader)
            if key:
                live[key] = seg
            seg_body, seg_head = seg.body, seg.head
            seg_did: list[str | None] = list(seg.did)
            if reader.has_deletions():
                seg_body, seg_head = list(seg_body), list(seg_head)
                for x in range(len(seg_body)):
                    if reader.is_deleted(x):
                        seg_body[x], seg_head[x], seg_did[x] = "", "", None
            body.extend(seg_body)
            head.extend(seg_head)
            did.extend(seg_did)
        segments.clear()
        segments.update(live)
        self.body, self.head, self.did = body, head, did
        alive = [i for i, doc_id in enumerate(did) if doc_id is not None]
        self.size = len(alive)
        self.avg_body = max(sum(len(body[i]) for i in alive) / len(alive), 1.0) if alive else 1.0
        self.avg_head = max(sum(len(head[i]) for i in alive) / len(alive), 1.0) if alive else 1.0
        first: dict[str, int] = {}
        for i in alive:
            doc_id = did[i]
            if doc_id is not None and doc_id not in first:
                first[doc_id] = i
        self.docs: dict[str, _DocInfo] = {}
        for doc_id, i in first.items():
            meta = self.searcher.stored_fields(i).get("meta") or {}
            self.docs[doc_id] = _DocInfo(
                meta.get("title", ""),
                meta.get("level", ""),
                meta.get("region"),
                meta.get("issuer"),
                meta.get("year"),
            )
        lengths = [len(info.title) for info in self.docs.values()]
        self.avg_title = max(sum(lengths) / len(lengths), 1.0) if lengths else 1.0
        self._filters: dict[SearchFilters, set[int]] = {}
        self._df: dict[str, int] = {}  # document frequency per token, as read

    def doc_frequency(self, token: str) -> int:
        df = self._df.get(token)
        if df is None:
            df = self._df[token] = int(self.reader.doc_frequency(BODY, token))
        return df

    def postings(self, token: str) -> list[int]:
        btext = token.encode("utf-8")
        out: list[int] = []
        for reader, offset in self.leaves:
            if (BODY, btext) in reader:
                out.extend(offset + i for i in reader.postings(BODY, btext).all_ids())
        return out

    def estimate(self, chunk: Chunk) -> tuple[int, str | None]:
        """An upper bound on the chunk's document frequency, and the token that gives it."""
        if not chunk.tokens:
            return self.size, None
        return min((self.doc_frequency(t), t) for t in set(chunk.tokens))

    def matches(self, chunk: Chunk, within: set[int] | None = None) -> tuple[set[int], int]:
        """The docnums whose folded text contains ``chunk`` (only those in ``within``,
        if given) and its document frequency: exact, or the estimate when testing
        ``within`` alone was cheaper than finding every match."""
        df, token = self.estimate(chunk)
        if df == 0:
            return set(), 0
        body = self.body
        use_postings = token is not None and df * POSTING_COST < self.size * SCAN_COST
        full_cost = df * POSTING_COST if use_postings else self.size * SCAN_COST
        if within is not None and token is not None and len(within) * SCAN_COST < full_cost:
            occurs = chunk.occurs
            return {i for i in within if occurs(body[i])}, df
        lit = chunk.literal
        if use_postings and token is not None:
            found = [i for i in self.postings(token) if lit in body[i]]
        else:
            found = [i for i, t in enumerate(body) if lit in t]
        if chunk.regex is not None:
            search = chunk.regex.search
            found = [i for i in found if search(body[i])]
        result = set(found)
        return (result & within if within is not None else result), len(result)

    def allowed(self, filters: SearchFilters) -> set[int] | None:
        if filters == SearchFilters():
            return None
        cached = self._filters.get(filters)
        if cached is None:
            ok = {
                d
                for d, info in self.docs.items()
                if (filters.doc_ids is None or d in filters.doc_ids)
                and (filters.level is None or info.level == filters.level)
                and (filters.region is None or info.region == filters.region)
                and (filters.issuer is None or info.issuer == filters.issuer)
                and (filters.year is None or info.year == filters.year)
            }
            cached = {i for i, d in enumerate(self.did) if d in ok} if ok else set()
            if len(self._filters) >= 16:
                self._filters.pop(next(iter(self._filters)))
            self._filters[filters] = cached
        return cached


def _phrase(parsed: ParsedQuery) -> Chunk | None:
    """The query's plain terms run together, when there are several: a clause holding
    them so ranks first."""
    items = [g[0] for g in parsed.groups if len(g) == 1 and not g[0].phrase]
    if len(items) < 2 or len(items) != len(parsed.groups):
        return None
    return literal_chunk("".join(fold_compact(i.text).text for i in items))


def _segment_key(reader: Any) -> str:
    try:
        seg = reader.segment()
        return f"{seg.segment_id()}"
    except Exception:  # a reader that is not a plain segment reader
        return ""


# --------------------------------------------------------------------------
# The index
# --------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Meta:
    analyzer_version: int
    fingerprint: str
    pending: bool = False  # set while an incremental write is under way
    build: str = ""  # one id per rebuild: another instance's rebuild shows as a new id

    def dumps(self) -> str:
        return json.dumps(dataclasses.asdict(self), ensure_ascii=False)

    def but(self, **changes: Any) -> _Meta:
        return dataclasses.replace(self, **changes)


class _Unusable(Exception):
    pass


def _open(directory: Path, readonly: bool = False) -> Any:
    """Open the Whoosh index without memory maps: the search keeps what it needs in
    memory itself, and mapped files would stay resident and could not be replaced
    on Windows while open."""
    return FileStorage(str(directory), supports_mmap=False, readonly=readonly).open_index(INDEX_NAME)


def _whoosh_call(fn: Callable[[], _T], what: str) -> _T:
    """Run a Whoosh call that may meet a damaged index; failures become :class:`_Unusable`.

    Whoosh 2.7.4 leaves a file open when it fails half-way through reading a
    damaged table of contents (``TOC.read``) or compound segment file, which
    Python reports as ``ResourceWarning: unclosed file`` once the file is
    collected. The error is turned into a message here, without keeping its
    traceback, so that the leaked file is collected inside this block, where
    that warning alone is ignored.
    """
    message = ""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ResourceWarning)
        try:
            return fn()
        except _Unusable as e:
            message = str(e)
        except Exception as e:  # Whoosh raises anything from EOFError to unpickling errors
            message = f"{what}: {e!r}"
        gc.collect()  # some of the leaked files sit in reference cycles
    raise _Unusable(message)


def _remove(path: Path) -> None:
    if path.is_dir() and not path.is_symlink():
        shutil.rmtree(path, ignore_errors=True)
    else:
        try:
            path.unlink(missing_ok=True)
        except OSError:
            log.debug("cannot remove %s", path, exc_info=True)


class _Handles:
    def __init__(self) -> None:
        self.ix: Any = None
        self.searcher: Any = None

    def close(self) -> None:
        for obj in (self.searcher, self.ix):
            if obj is not None:
                try:
                    obj.close()
                except Exception:  # closing over files already replaced
                    log.debug("closing the search index", exc_info=True)
        self.searcher = self.ix = None


class SearchIndex:
    """A Whoosh index of clauses in ``directory`` (created by :meth:`rebuild`).

    ``directory`` holds the Whoosh files and ``workbench-index.json`` (analyzer
    version, the caller's fingerprint, a pending flag set during incremental
    writes, a build id). A rebuild happens in a sibling directory that replaces
    ``directory`` by renaming once it is complete.
    """

    ANALYZER_VERSION: int = 1

    def __init__(self, directory: Path, writer_timeout: float = 10.0) -> None:
        self.directory = Path(directory)
        self.writer_timeout = writer_timeout
        self._lock = threading.RLock()
        # The open Whoosh objects; closed by close(), or when this object is collected
        # (Whoosh opens its files without memory maps: an unclosed one would leak).
        self._handles = _Handles()
        weakref.finalize(self, self._handles.close)
        self._view: _View | None = None
        self._segments: dict[str, _Segment] = {}
        self._seen_meta: tuple[int, int, int] | None = None
        self._opened_build = ""
        self.thesaurus: Thesaurus | None = None  # synonyms a search also finds; None: none
        self._found_damaged = False

    # --- metadata ----------------------------------------------------------

    @property
    def _meta_path(self) -> Path:
        return self.directory / META_NAME

    def _read_meta(self) -> _Meta | None:
        path = self._meta_path
        try:
            raw = json.loads(path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            return None
        except (OSError, ValueError) as e:
            raise _Unusable(f"unreadable {path}: {e}") from e
        try:
            return _Meta(
                int(raw["analyzer_version"]),
                str(raw["fingerprint"]),
                bool(raw.get("pending", False)),
                str(raw.get("build", "")),
            )
        except (KeyError, TypeError, ValueError) as e:
            raise _Unusable(f"bad {path}: {e}") from e

    @staticmethod
    def _write_meta(directory: Path, meta: _Meta) -> None:
        tmp = directory / f".{META_NAME}.{uuid.uuid4().hex}.tmp"
        with open(tmp, "w", encoding="utf-8") as f:
            f.write(meta.dumps())
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, directory / META_NAME)

    # --- state -------------------------------------------------------------

    def state(self, fingerprint: str) -> IndexState:
        d = self.directory
        if not d.is_dir() or not any(d.iterdir()):
            return IndexState.MISSING
        try:
            meta = self._read_meta()
        except _Unusable as e:
            log.warning("search index: %s", e)
            return IndexState.CORRUPT
        if meta is None:
            return IndexState.CORRUPT  # files, but no record of a finished build
        if meta.analyzer_version != self.ANALYZER_VERSION:
            return IndexState.ANALYZER_CHANGED
        if self._found_damaged:
            return IndexState.CORRUPT  # a search met what the check below could not see
        try:
            _whoosh_call(self._check_readable, f"cannot read {self.directory}")
        except _Unusable as e:
            log.warning("search index: %s", e)
            return IndexState.CORRUPT
        if meta.pending or meta.fingerprint != fingerprint:
            return IndexState.STALE
        return IndexState.OK

    def _check_readable(self) -> None:
        ix = _open(self.directory, readonly=True)
        try:
            with ix.reader() as r:
                for reader, _ in r.leaf_readers():
                    reader.doc_frequency(BODY, "的")  # the term dictionary
                    for name in ("fbody", "did"):
                        if reader.doc_count_all() and reader.has_column(name):
                            reader.column_reader(name, translate=False)[0]
                    for docnum in reader.all_doc_ids():
                        reader.stored_fields(docnum)
                        break
        finally:
            ix.close()

    # --- opening -------------------------------------------------------------

    def _open_ix(self) -> Any:
        if self._ix is None:
            try:
                meta = self._read_meta()
            except _Unusable:
                meta = None
            if meta is None or meta.analyzer_version != self.ANALYZER_VERSION:
                raise _Unusable(f"no usable index in {self.directory}")
            self._ix = _whoosh_call(lambda: _open(self.directory), f"cannot open {self.directory}")
        return self._ix

    def _meta_key(self) -> tuple[int, int, int] | None:
        try:
            st = os.stat(self._meta_path)
        except OSError:
            return None
        return (st.st_ino, st.st_mtime_ns, st.st_size)

    def _current_view(self) -> _View:
        key = self._meta_key()
        if self._searcher is not None and key != self._seen_meta:
            # The metadata changed on disk: a write here or elsewhere, or another
            # instance's rebuild (a new build id) that replaced the directory.
            try:
                meta = self._read_meta()
            except _Unusable:
                meta = None
            if meta is None or meta.build != self._opened_build:
                self._close_searcher()
        self._seen_meta = key

        def current() -> _View:
            if self._searcher is None:
                try:
                    meta = self._read_meta()
                except _Unusable:
                    meta = None
                self._opened_build = meta.build if meta else ""
                self._searcher = self._open_ix().searcher()
            elif not self._searcher.up_to_date():
                self._searcher = self._searcher.refresh()
                self._view = None
            if self._view is None:
                self._view = _View(self._searcher, self._segments)
            return self._view

        try:
            return _whoosh_call(current, f"cannot read {self.directory}")
        except _Unusable:
            self._close_searcher()
            raise

    @property
    def _ix(self) -> Any:
        return self._handles.ix

    @_ix.setter
    def _ix(self, value: Any) -> None:
        self._handles.ix = value

    @property
    def _searcher(self) -> Any:
        return self._handles.searcher

    @_searcher.setter
    def _searcher(self, value: Any) -> None:
        self._handles.searcher = value

    def _close_searcher(self) -> None:
        self._handles.close()
        self._view = None
        self._segments.clear()

    def close(self) -> None:
        with self._lock:
            self._close_searcher()

    # --- leftovers and other writers -----------------------------------------

    def clean_leftovers(self) -> int:
        """Remove ``.search-index.building-*`` / ``.old-*`` folders a killed rebuild left
        (one can hold a full index). Skipped while another instance is rebuilding."""
        parent = self.directory.parent
        name = self.directory.name
        leftovers = [*parent.glob(f".{name}.building-*"), *parent.glob(f".{name}.old-*")]
        if not leftovers:
            return 0
        rebuild_lock = FileStorage(str(parent)).lock(f".{name}.rebuild.lock")
        if not rebuild_lock.acquire(blocking=False):
            return 0  # a rebuild under way owns its folder
        try:
            for leftover in leftovers:
                _remove(leftover)
        finally:
            rebuild_lock.release()
        return len(leftovers)

    def wait_for_writer(self) -> bool:
        """Wait (up to the writer timeout) until no instance holds the index's write lock;
        True if one did (an importer updating the index), False if none was writing."""
        if not self.directory.is_dir():
            return False
        lock = FileStorage(str(self.directory)).lock(f"{INDEX_NAME}_WRITELOCK")
        if lock.acquire(blocking=False):
            lock.release()
            return False
        if try_for(lock.acquire, timeout=self.writer_timeout, delay=0.05):
            lock.release()
        return True

    # --- rebuild -------------------------------------------------------------

    def rebuild(
        self,
        records: Iterable[IndexRecord],
        total: int,
        fingerprint: str,
        progress: Callable[[int, int], None] | None = None,
        cancelled: Callable[[], bool] | None = None,
    ) -> bool:
        """Index ``records`` from scratch; False, with the old index untouched, if cancelled."""
        parent = self.directory.parent
        parent.mkdir(parents=True, exist_ok=True)
        name = self.directory.name
        rebuild_lock = FileStorage(str(parent)).lock(f".{name}.rebuild.lock")
        if not try_for(rebuild_lock.acquire, timeout=self.writer_timeout, delay=0.05):
            raise IndexBusyError(f"another instance is rebuilding {self.directory}")
        try:
            for leftover in [*parent.glob(f".{name}.building-*"), *parent.glob(f".{name}.old-*")]:
                _remove(leftover)  # from a crash; we hold the rebuild lock
            tmp = parent / f".{name}.building-{uuid.uuid4().hex}"
            tmp.mkdir()
            try:
                if not self._build(tmp, records, total, fingerprint, progress, cancelled):
                    shutil.rmtree(tmp, ignore_errors=True)
                    return False
                self._swap_in(tmp)
            except BaseException:
                shutil.rmtree(tmp, ignore_errors=True)
                raise
            return True
        finally:
            rebuild_lock.release()

    def _build(
        self,
        tmp: Path,
        records: Iterable[IndexRecord],
        total: int,
        fingerprint: str,
        progress: Callable[[int, int], None] | None,
        cancelled: Callable[[], bool] | None,
    ) -> bool:
        ix = whoosh_index.create_in(str(tmp), _schema(), indexname=INDEX_NAME)
        writer = None
        try:
            done = 0
            if progress:
                progress(0, total)
            for _record, doc in _documents(records):
                if cancelled is not None and cancelled():
                    return False
                if writer is None:
                    writer = ix.writer(limitmb=BUILD_LIMIT_MB)
                writer.add_document(**doc)
                done += 1
                if done % BUILD_BATCH == 0:
                    # One segment per batch: Whoosh sorts a batch's postings in
                    # memory, where a larger one would spill to sorted runs on disk.
                    writer.commit(merge=False)
                    writer = None
                if progress and done % 250 == 0:
                    progress(done, max(total, done))
            if cancelled is not None and cancelled():
                return False
            if writer is not None:
                writer.commit(merge=False)
                writer = None
            if progress:
                progress(done, max(total, done))
        finally:
            if writer is not None:
                writer.cancel()
            ix.close()
        self._write_meta(tmp, _Meta(self.ANALYZER_VERSION, fingerprint, build=uuid.uuid4().hex))
        return True

    def _swap_in(self, tmp: Path) -> None:
        with self._lock:
            self._close_searcher()
            old = self.directory.parent / f".{self.directory.name}.old-{uuid.uuid4().hex}"
            if self.directory.exists() or self.directory.is_symlink():
                live_lock = None
                if os.name != "nt" and self.directory.is_dir() and not self.directory.is_symlink():
                    # Wait for another instance's incremental write to finish. (On
                    # Windows its open lock file makes the rename fail instead.)
                    live_lock = FileStorage(str(self.directory)).lock(f"{INDEX_NAME}_WRITELOCK")
                    if not try_for(live_lock.acquire, timeout=self.writer_timeout, delay=0.05):
                        raise IndexBusyError(f"another instance is writing {self.directory}")
                try:
                    os.replace(self.directory, old)
                except OSError as e:
                    raise IndexBusyError(f"cannot replace {self.directory}: {e}") from e
                finally:
                    if live_lock is not None:
                        live_lock.release()
            os.replace(tmp, self.directory)
            _remove(old)
            self._found_damaged = False

    # --- incremental updates -------------------------------------------------

    def add_records(self, records: Iterable[IndexRecord], fingerprint: str) -> None:
        """Index ``records``, replacing every clause of their documents already indexed."""

        def apply(writer: Any) -> None:
            seen: set[str] = set()
            for record, doc in _documents(records):
                if record.doc_id not in seen:
                    seen.add(record.doc_id)
                    writer.delete_by_term("doc_id", record.doc_id)
                writer.add_document(**doc)

        self._incremental(apply, fingerprint)

    def remove_document(self, doc_id: str, fingerprint: str) -> None:
        self._incremental(lambda writer: writer.delete_by_term("doc_id", doc_id), fingerprint)

    def _incremental(self, apply: Callable[[Any], None], fingerprint: str) -> None:
        with self._lock:
            try:
                ix = self._open_ix()
            except _Unusable as e:
                # Nothing to update: state() is not OK, and the caller rebuilds.
                log.warning("search index not updated: %s", e)
                return
            try:
                writer = ix.writer(timeout=self.writer_timeout, delay=0.05)
            except LockError as e:
                raise IndexBusyError(f"another instance is writing {self.directory}") from e
            try:
                current = self._read_meta()  # as it is now that we hold the lock
                if current is None:
                    raise _Unusable("metadata vanished")
                self._write_meta(self.directory, current.but(pending=True))
                try:
                    apply(writer)
                except BaseException:
                    writer.cancel()
                    writer = None
                    self._write_meta(self.directory, current)  # nothing was written
                    raise
                writer.commit()
                writer = None
                # A write that crashed earlier left ``pending`` set: stay STALE until a rebuild.
                self._write_meta(self.directory, current.but(fingerprint=fingerprint))
            except _Unusable as e:
                log.warning("search index not updated: %s", e)
            finally:
                if writer is not None:
                    writer.cancel()

    # --- search ---------------------------------------------------------------

    def search(
        self,
        query: str,
        filters: SearchFilters = SearchFilters(),  # noqa: B008
        limit: int = 20,
        strict: bool = False,
    ) -> SearchResponse:
        """The best ``limit`` clauses for ``query``. Plain words rank gracefully (see
        :mod:`workbench.core.search.ranking`); ``strict`` keeps only the clauses that
        hold every term as written, by BM25F alone, without synonyms."""
        if not query or not query.strip():
            return SearchResponse([], [], 0)
        parsed = parse_query(query)
        notices = [NOTICE_MALFORMED] if parsed.malformed else []
        groups = [[t for t in (query_term(i) for i in g) if t is not None] for g in parsed.groups]
        groups = [g for g in groups if g]
        negatives = [t for t in (query_term(i) for i in parsed.negatives) if t is not None]
        if not groups:
            if not parsed.malformed:
                notices.append(NOTICE_NO_TERMS)
            return SearchResponse([], notices, 0)
        with self._lock:

            def run() -> tuple[list[SearchHit], int, list[str], int]:
                view = self._current_view()
                found, scored = self._evaluate(view, groups, negatives, filters)
                slots = query_slots(parsed, None if strict else self.thesaurus)
                if strict:
                    best = rank(view, found, scored, max(limit, 0))
                    judged = [judge(view, i, slots, -s, TIER_STRICT) for s, i in best]
                    total = len(found)
                else:
                    phrase = _phrase(parsed)
                    judged, total = self._ranked(
                        view, slots, found, scored, negatives, filters, phrase, limit
                    )
                needles = [c for c, _, _ in scored]
                hits = []
                for j in judged:
                    stored = view.searcher.stored_fields(j.docnum)
                    # a complete hit marks the terms as written; a partial one each word it holds
                    words = j.literal_chunks if j.tier < TIER_STRICT else []
                    snippet, marks, by_synonym = make_snippet_kinds(
                        stored.get("text", ""), [*needles, *words], j.synonym_chunks
                    )
                    hits.append(
                        SearchHit(
                            stored["clause_id"],
                            stored["doc_id"],
                            j.score,
                            snippet,
                            marks,
                            tuple(j.words),
                            by_synonym,
                            j.tier,
                        )
                    )
                suggestions = [] if strict else self._suggestions(view, query, parsed)
                return hits, total, suggestions, len(found)

            try:
                # A garbled segment may pass the open and fail in its postings or stored fields.
                hits, total, suggestions, complete = _whoosh_call(run, f"cannot read {self.directory}")
            except _Unusable as e:
                log.warning("search index: %s", e)
                self._close_searcher()
                self._found_damaged = self.directory.exists()
                return SearchResponse([], [*notices, NOTICE_INDEX_UNAVAILABLE], 0)
        if hits and all(any(w.how == MATCH_MISSING for w in h.words) for h in hits):
            notices.append(NOTICE_PARTIAL)
        if any(w.how == MATCH_SYNONYM for h in hits for w in h.words):
            notices.append(NOTICE_SYNONYMS)
        return SearchResponse(hits, notices, total, suggestions, complete)

    def _ranked(
        self,
        view: _View,
        slots: list[Slot],
        found: set[int],
        scored: list[tuple[Chunk, set[int], int]],
        negatives: list[Term],
        filters: SearchFilters,
        phrase: Chunk | None,
        limit: int,
    ) -> tuple[list[Judged], int]:
        """The best hits: the strict AND alone when it fills the page, else every tier."""
        limit = max(limit, 0)
        if len(found) >= limit:
            body = view.body
            first = {i for i in found if phrase.occurs(body[i])} if phrase is not None else set()
            best = rank(view, first, scored, limit)
            best += rank(view, found - first, scored, limit - len(best))
            judged = [
                judge(
                    view,
                    i,
                    slots,
                    -s + (TIER_PHRASE if i in first else TIER_STRICT) * 10.0,
                    TIER_PHRASE if i in first else TIER_STRICT,
                )
                for s, i in best
            ]
            return judged, len(found)

        def excluded(candidates: set[int]) -> set[int]:
            out: set[int] = set()
            for term in negatives:
                held: set[int] | None = set(candidates)
                for chunk in term.chunks:
                    held = view.matches(chunk, held)[0]
                    if not held:
                        break
                out |= held or set()
            return out

        return rank_graceful(view, slots, found, scored, view.allowed(filters), excluded, phrase, limit)

    @staticmethod
    def _suggestions(view: _View, query: str, parsed: ParsedQuery) -> list[str]:
        """Did you mean: each query term that no clause holds as written, respelled as the
        most common spelling one edit away that clauses hold (the query as a whole)."""

        def lookup(needle: str) -> list[int] | None:
            """Clauses that may hold ``needle``: the postings of its rarest pair, or None (all)."""
            pairs = [t for t in index_terms(needle) if len(t) == 2]
            if len(needle) < 2 or not pairs:
                return None
            df, pair = min((view.doc_frequency(t), t) for t in pairs)
            if df == 0:
                return []
            return view.postings(pair) if df * POSTING_COST < view.size * SCAN_COST else None

        fixed = query
        for group in parsed.groups:
            for item in group:
                text = fold_compact(item.text).text
                chunk = literal_chunk(text)
                # only a term a postings token of which no clause has: nothing holds it
                if chunk is None or view.estimate(chunk)[0]:
                    continue
                near = near_spellings(text, view.body, lookup)
                if near:
                    fixed = respell(fixed, text, near[0][0])
        return [fixed] if fixed != query else []

    @staticmethod
    def _evaluate(
        view: _View, groups: list[list[Term]], negatives: list[Term], filters: SearchFilters
    ) -> tuple[set[int], list[tuple[Chunk, set[int], int]]]:
        """The matching docnums, and each positive chunk with its matches and frequency.

        The most selective group is evaluated first; each later chunk is only tested
        on the clauses still in the running, when that is cheaper than finding all
        its matches (its frequency for scoring is then the postings' estimate).
        """
        estimates: dict[Chunk, int] = {}
        scored: dict[Chunk, tuple[Chunk, set[int], int]] = {}

        def estimate(chunk: Chunk) -> int:
            if chunk not in estimates:
                estimates[chunk] = view.estimate(chunk)[0]
            return estimates[chunk]

        def term_docs(term: Term, within: set[int] | None, record: bool) -> set[int]:
            docs = within
            for chunk in sorted(term.chunks, key=estimate):
                docs, df = view.matches(chunk, docs)
                if record and chunk not in scored:
                    scored[chunk] = (chunk, docs, df)
                if not docs:
                    return set()
            assert docs is not None
            return docs

        found = view.allowed(filters)  # None: every clause
        for group in sorted(groups, key=lambda g: sum(min(map(estimate, t.chunks)) for t in g)):
            found = set().union(*(term_docs(t, found, True) for t in group))
            if not found:
                break
        assert found is not None
        for term in negatives:
            if found:
                found -= term_docs(term, found, False)
        for group in groups:
            for term in group:
                if term.bonus is not None and found:
                    bonus = term.bonus
                    docs = {i for i in found if bonus.occurs(view.body[i])}
                    scored[bonus] = (bonus, docs, max(len(docs), 1))
        return found, list(scored.values())
