"""Import benchmark: documents per second for reading + parsing + storing (+ indexing).

    python benchmarks/import_bench.py [COUNT]

Generates COUNT documents (default 1,000) from the bundled corpus and imports
them into a fresh data folder. The baseline, run in the same process on the
same files, only reads each file and stores its raw text in SQLite: the ratio
says what parsing, metadata extraction and the clause tables cost on top.
Budget: 1,000 documents, search index included, in under 180 s.
"""

from __future__ import annotations

import hashlib
import resource
import sys
import tempfile
import time
import warnings
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
warnings.filterwarnings("ignore", category=SyntaxWarning)

from benchmarks.corpus_gen import generate_corpus  # noqa: E402
from db.connection import open_database  # noqa: E402
from workbench.core.workspace import Workspace  # noqa: E402

BUDGET_SECONDS = 180.0


def baseline(paths: list[Path], data_dir: Path) -> float:
    db = open_database(data_dir / "baseline.sqlite3")
    db.execute("CREATE TABLE raw (sha TEXT PRIMARY KEY, name TEXT, text TEXT)")
    start = time.perf_counter()
    with db.atomic():
        for p in paths:
            text = p.read_text(encoding="utf-8")
            db.execute(
                "INSERT INTO raw VALUES (?, ?, ?)", [hashlib.sha256(text.encode()).hexdigest(), p.name, text]
            )
    return time.perf_counter() - start


def full_import(paths: list[Path], data_dir: Path, with_index: bool) -> tuple[float, int]:
    ws = Workspace.open(data_dir, seed=False)
    start = time.perf_counter()
    if with_index:
        from workbench.core.search.service import SearchService

        search = SearchService(ws.library, data_dir / "index")
        search.ensure_current()
    outcomes = ws.library.import_files(paths)
    elapsed = time.perf_counter() - start
    failed = [o for o in outcomes if not o.ok]
    assert not failed, failed[:3]
    clauses = ws.db.execute("SELECT count(*) FROM clauses").fetchone()[0]
    ws.close()
    return elapsed, clauses


def main() -> None:
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 1000
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        paths = generate_corpus(count, root / "corpus")
        base = baseline(paths, root / "base")
        rows = [("baseline: read + store raw text", base, None)]
        parse_time, clauses = full_import(paths, root / "full", with_index=False)
        rows.append(("read + parse + metadata + store", parse_time, clauses))
        try:
            import workbench.core.search.service  # noqa: F401
        except ImportError:
            pass
        else:
            index_time, clauses = full_import(paths, root / "full-index", with_index=True)
            rows.append(("… + search index kept current", index_time, clauses))
        peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(
        f"Import benchmark: {count} generated documents, {Path('/proc/cpuinfo').read_text().count('processor')} cores"
    )
    print()
    print("| stage | total s | docs/s | ratio to baseline | clauses |")
    print("|---|---:|---:|---:|---:|")
    for name, seconds, n in rows:
        print(
            f"| {name} | {seconds:.2f} | {count / seconds:.0f} | {seconds / base:.1f}× | {n if n is not None else ''} |"
        )
    print()
    worst = rows[-1][1]
    verdict = "within" if worst * 1000 / count < BUDGET_SECONDS else "OVER"
    print(
        f"Projected for 1,000 documents: {worst * 1000 / count:.1f} s ({verdict} the {BUDGET_SECONDS:.0f} s"
        f" budget); peak RSS {peak_mb:.0f} MB"
    )


if __name__ == "__main__":
    main()
