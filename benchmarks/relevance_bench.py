"""Relevance benchmark: does search find the clause a person means?

    python benchmarks/relevance_bench.py [CORPUS_DIR] [--docs N] [--no-speed] [--generated-dir DIR]

Runs the queries of ``benchmarks/relevance/queries.json`` (written as officials
and firm staff type them, each with the clauses that answer it) over the five
bundled documents plus, when CORPUS_DIR is given, the fetched documents of
``benchmarks/relevance/corpus-manifest.json`` (not in the repository; see that
file). Without CORPUS_DIR only the queries over the bundled documents run.

Prints, side by side: the graceful ranking (ours), the strict AND of before
(every term as written, BM25F), and SQLite FTS5 with the trigram tokenizer
(terms ANDed, bm25) over the same clauses: success@5, MRR (first relevant hit
in the top 20) and the zero-result rate over the queries where some clause
shares a word with the query. Then speed: the bundled index rebuild, and p50/p95
of the top 20 with snippets at N generated documents (default 2,000), the
graceful ranking against the strict AND in the same process.

Goals: success@5 ≥ 0.95, MRR ≥ 0.90, zero-result rate 0, p95 ≤ 100 ms, rebuild ≤ 2 s.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import re
import sqlite3
import statistics
import sys
import tempfile
import time
import warnings
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
warnings.filterwarnings("ignore", category=SyntaxWarning)

from benchmarks.corpus_gen import generate_corpus  # noqa: E402
from benchmarks.search_bench import QUERIES as SPEED_QUERIES  # noqa: E402
from workbench.core.search.folding import fold_compact  # noqa: E402
from workbench.core.search.query import parse_query, query_words  # noqa: E402
from workbench.core.search.service import Query  # noqa: E402
from workbench.core.workspace import Workspace  # noqa: E402

HERE = Path(__file__).resolve().parent / "relevance"
TOP = 20
ROUNDS = 3


def load_queries(corpus: Path | None, ws: Workspace) -> tuple[list[dict], int]:
    """The queries that can run, with their relevant clause ids resolved; and how many were skipped."""
    data = json.loads((HERE / "queries.json").read_text(encoding="utf-8"))
    files: dict[str, str] = {}
    if corpus is not None:
        manifest = json.loads((HERE / "corpus-manifest.json").read_text(encoding="utf-8"))
        for doc in manifest["documents"]:
            path = corpus / doc["file"]
            if not path.is_file():
                sys.exit(f"{path}: missing (see {HERE / 'corpus-manifest.json'})")
            digest = hashlib.sha256(path.read_bytes()).hexdigest()
            if digest != doc["sha256"]:
                sys.exit(f"{path}: not the file the labels were written for (sha256 {digest[:12]})")
            outcome = ws.library.import_file(path)
            if not outcome.ok:
                sys.exit(f"{path}: import failed: {outcome}")
            files[doc["file"]] = outcome.doc_id
    out, skipped = [], 0
    for q in data["queries"]:
        relevant = []
        for cid in q["relevant"]:
            if "#" in cid:
                name, path = cid.split("#", 1)
                if name not in files:
                    relevant = []
                    break
                cid = f"{files[name]}:{path}"
            relevant.append(cid)
        if not relevant:
            skipped += 1
            continue
        out.append({**q, "relevant": relevant})
    known = {r[0] for r in ws.db.execute("SELECT id FROM clauses")}
    for q in out:
        bad = [c for c in q["relevant"] if c not in known]
        if bad:
            sys.exit(f"{q['query']}: unknown clause ids {bad}")
    return out, skipped


def shares_a_word(query: str, texts: list[str]) -> bool:
    parsed = parse_query(query)
    for group in parsed.groups:
        for item in group:
            for w in query_words(item):
                if any(w.literal.occurs(t) for t in texts):
                    return True
    return False


def fts5(ws: Workspace) -> sqlite3.Connection:
    conn = sqlite3.connect(":memory:")
    conn.execute("CREATE VIRTUAL TABLE f USING fts5(clause_id UNINDEXED, text, tokenize='trigram')")
    conn.executemany("INSERT INTO f VALUES (?, ?)", ws.db.execute("SELECT id, text FROM clauses").fetchall())
    conn.commit()
    return conn


def fts5_ids(conn: sqlite3.Connection, query: str) -> list[str]:
    terms = [t for t in re.split(r"\s+|OR", query.replace('"', " ")) if t and not t.startswith("-")]
    expr = " ".join('"' + t.replace('"', "") + '"' for t in terms) or '""'
    try:
        sql = "SELECT clause_id FROM f WHERE f MATCH ? ORDER BY rank LIMIT ?"
        return [r[0] for r in conn.execute(sql, [expr, TOP])]
    except sqlite3.OperationalError:
        return []


def score(runs: dict[str, list[str]], queries: list[dict], eligible: set[str]) -> dict[str, float]:
    s5 = rr = zero = 0.0
    misses = []
    for q in queries:
        ids = runs[q["query"]]
        rel = set(q["relevant"])
        rank = next((k for k, c in enumerate(ids, 1) if c in rel), None)
        s5 += 1 if rank is not None and rank <= 5 else 0
        rr += 1 / rank if rank else 0
        if q["query"] in eligible and not ids:
            zero += 1
        if rank is None or rank > 5:
            misses.append(f"{q['query']} (rank {rank or '-'})")
    n = max(len(queries), 1)
    return {"s5": s5 / n, "mrr": rr / n, "zero": zero / max(len(eligible), 1), "misses": misses}  # type: ignore[dict-item]


def relevance(corpus: Path | None, tmp: Path) -> None:
    ws = Workspace.open(tmp / "relevance")
    queries, skipped = load_queries(corpus, ws)
    ws.search.ensure_current()
    texts = [fold_compact(r[0]).text for r in ws.db.execute("SELECT text FROM clauses")]
    eligible = {q["query"] for q in queries if shares_a_word(q["query"], texts)}
    conn = fts5(ws)
    systems = {
        "graceful (ours)": {
            q["query"]: [r.clause_id for r in ws.search.search(Query(q["query"], limit=TOP)).results]
            for q in queries
        },
        "strict AND (before)": {
            q["query"]: [
                r.clause_id for r in ws.search.search(Query(q["query"], limit=TOP, strict=True)).results
            ]
            for q in queries
        },
        "FTS5 trigram": {q["query"]: fts5_ids(conn, q["query"]) for q in queries},
    }
    results = {name: score(runs, queries, eligible) for name, runs in systems.items()}
    bundled = sum(1 for q in queries if q["corpus"] == "bundled")
    note = "" if corpus else f"; {skipped} skipped: no CORPUS_DIR"
    print(
        f"## Relevance: {len(queries)} queries ({bundled} over the bundled documents, "
        f"{len(queries) - bundled} over fetched ones{note}); "
        f"{len(eligible)} share a word with some clause"
    )
    print()
    print("| measure | graceful (ours) | strict AND (before) | FTS5 trigram | goal |")
    print("|---|---:|---:|---:|---|")
    for key, label, goal in (
        ("s5", "success@5", "≥ 0.95"),
        ("mrr", "MRR (top 20)", "≥ 0.90"),
        ("zero", "zero-result rate", "0"),
    ):
        cells = " | ".join(f"{results[n][key]:.3f}" for n in systems)
        print(f"| {label} | {cells} | {goal} |")
    print()
    print(
        "Not in the top five with the graceful ranking: "
        + ("; ".join(results["graceful (ours)"]["misses"]) or "none")
    )
    ws.close()


def timed(run, queries: list[str]) -> tuple[float, float]:  # type: ignore[no-untyped-def]
    samples = []
    for _ in range(ROUNDS):
        for q in queries:
            start = time.perf_counter()
            run(q)
            samples.append((time.perf_counter() - start) * 1000)
    samples.sort()
    return statistics.median(samples), samples[int(len(samples) * 0.95) - 1]


def speed(count: int, tmp: Path, generated: Path | None) -> None:
    bundled = Workspace.open(tmp / "bundled")
    start = time.perf_counter()
    bundled.search.rebuild()
    rebuild = time.perf_counter() - start
    bundled.close()
    folder = generated or tmp / "generated"
    reuse = (folder / "ready").exists()
    ws = Workspace.open(folder, seed=False)
    imported = 0.0
    if not reuse:
        start = time.perf_counter()
        outcomes = ws.library.import_files(generate_corpus(count, tmp / "corpus"))
        imported = time.perf_counter() - start
        assert all(o.ok for o in outcomes)
        (folder / "ready").write_text(str(count), encoding="utf-8")
    count = int((folder / "ready").read_text(encoding="utf-8"))
    ws.search.ensure_current()
    data = json.loads((HERE / "queries.json").read_text(encoding="utf-8"))
    queries = list(dict.fromkeys([*SPEED_QUERIES, *(q["query"] for q in data["queries"])]))
    ws.search.search(Query("预热"))  # opens the searcher and loads jieba
    clauses = ws.db.execute("SELECT count(*) FROM clauses").fetchone()[0]
    g50, g95 = timed(lambda q: ws.search.search(Query(q, limit=TOP)), queries)
    s50, s95 = timed(lambda q: ws.search.search(Query(q, limit=TOP, strict=True)), queries)
    print()
    print(
        f"## Speed: {len(queries)} queries × {ROUNDS} rounds, top {TOP} with snippets, "
        f"{count} generated documents ({clauses} clauses"
        + (f", imported in {imported:.0f} s)" if imported else ", imported before)")
    )
    print()
    print("| measure | graceful (ours) | strict AND (before) | ratio | goal |")
    print("|---|---:|---:|---:|---|")
    print(f"| query p50 | {g50:.1f} ms | {s50:.1f} ms | {g50 / s50:.1f}× | |")
    print(f"| query p95 | {g95:.1f} ms | {s95:.1f} ms | {g95 / s95:.1f}× | ≤ 100 ms |")
    print(f"| bundled index rebuild | {rebuild:.2f} s | | | ≤ 2 s |")
    ws.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.strip().splitlines()[0])
    parser.add_argument("corpus", nargs="?", type=Path, help="folder of the fetched documents (optional)")
    parser.add_argument("--docs", type=int, default=2000, help="generated documents for the speed part")
    parser.add_argument("--no-speed", action="store_true", help="relevance only")
    parser.add_argument(
        "--generated-dir",
        type=Path,
        default=None,
        help="keep the generated library here and reuse it next time",
    )
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        relevance(args.corpus, Path(tmp))
        if not args.no_speed:
            speed(args.docs, Path(tmp), args.generated_dir)


if __name__ == "__main__":
    main()
