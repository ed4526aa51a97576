"""Search benchmark: index build time and query latency, next to SQLite FTS5 (trigram).

    python benchmarks/search_bench.py [DOCS]

Two corpora: the five bundled documents, and DOCS generated documents
(default 2,000) made from them. For each: the time to build the index from
SQLite, and p50/p95 latency of the top 20 hits *with snippets* over a fixed
list of realistic queries. The baseline is an FTS5 table with the trigram
tokenizer over the same clause texts, in the same process; ratios are
Whoosh / FTS5. FTS5 trigram finds nothing for two-character Chinese queries,
so its hit counts are shown too: it is a speed baseline, not a substitute.

Budgets: bundled index rebuilt in ≤ 2 s; p95 ≤ 100 ms at 2,000 documents;
peak memory ≤ 300 MB.
"""

from __future__ import annotations

import json
import re
import resource
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
import warnings
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
warnings.filterwarnings("ignore", category=SyntaxWarning)

from benchmarks.corpus_gen import generate_corpus  # noqa: E402
from workbench.core.search.service import Query  # noqa: E402
from workbench.core.workspace import Workspace  # noqa: E402

QUERIES = [
    "生物医药",
    "医药产业",
    "医疗器械",
    "细胞治疗",
    "创新药",
    "器械",
    "药",
    "国家级科技创新中心",
    '"一次性奖补"',
    "500万元",
    "CAR-T",
    "4000亿元",
    "种业 育种",
    "知识产权保护",
    "融资担保",
    "中药 OR 中医药",
    "生物安全 -疫情",
    "临床试验",
    "产业规模",
    "专精特新",
    "人才 引进",
    "数据 场景 应用",
]
ROUNDS = 3


def fts5_baseline(ws: Workspace) -> sqlite3.Connection:
    conn = sqlite3.connect(":memory:")
    conn.execute("CREATE VIRTUAL TABLE f USING fts5(clause_id UNINDEXED, text, tokenize='trigram')")
    rows = ws.db.execute("SELECT id, text FROM clauses").fetchall()
    conn.executemany("INSERT INTO f VALUES (?, ?)", rows)
    conn.commit()
    return conn


def fts5_query(text: str) -> str:
    terms = [t for t in re.split(r"\s+|OR", text.replace('"', " ")) if t and not t.startswith("-")]
    return " ".join(f'"{t}"' for t in terms) or '""'


def time_queries(run) -> tuple[float, float, float]:  # type: ignore[no-untyped-def]
    samples, hits = [], []
    for _ in range(ROUNDS):
        for q in QUERIES:
            start = time.perf_counter()
            n = run(q)
            samples.append((time.perf_counter() - start) * 1000)
            hits.append(n)
    samples.sort()
    p95 = samples[int(len(samples) * 0.95) - 1]
    return statistics.median(samples), p95, statistics.mean(hits)


def peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def measure_whoosh(data_dir: Path) -> dict[str, float]:
    """Child process: rebuild the index from the store, then time queries."""
    ws = Workspace.open(data_dir, seed=False)
    before = peak_mb()
    start = time.perf_counter()
    ws.search.rebuild()
    build = time.perf_counter() - start
    ws.search.search(Query("预热"))  # the first query opens the searcher and loads jieba
    p50, p95, hits = time_queries(lambda q: len(ws.search.search(Query(q, limit=20)).results))
    clauses = ws.db.execute("SELECT count(*) FROM clauses").fetchone()[0]
    return {
        "build": build,
        "p50": p50,
        "p95": p95,
        "hits": hits,
        "clauses": clauses,
        "peak": peak_mb(),
        "before": before,
    }


def measure_fts5(data_dir: Path) -> dict[str, float]:
    ws = Workspace.open(data_dir, seed=False)
    start = time.perf_counter()
    fts = fts5_baseline(ws)
    build = time.perf_counter() - start

    def run(q: str) -> int:
        try:
            sql = "SELECT clause_id, snippet(f, 1, '【', '】', '…', 40) FROM f WHERE f MATCH ? ORDER BY rank LIMIT 20"
            return len(fts.execute(sql, [fts5_query(q)]).fetchall())
        except sqlite3.OperationalError:
            return 0

    p50, p95, hits = time_queries(run)
    return {"build": build, "p50": p50, "p95": p95, "hits": hits, "peak": peak_mb()}


def in_child(kind: str, data_dir: Path) -> dict[str, float]:
    """Each measurement in a fresh process, so that peak memory is its own."""
    code = (
        "import json, sys, warnings; warnings.filterwarnings('ignore', category=SyntaxWarning); "
        f"sys.path.insert(0, {str(ROOT)!r}); from benchmarks.search_bench import measure_{kind}; "
        f"from pathlib import Path; print(json.dumps(measure_{kind}(Path({str(data_dir)!r}))))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


def rows_for(label: str, w: dict[str, float], f: dict[str, float]) -> list[tuple[str, str, str, str]]:
    return [
        (
            f"{label}: index build ({int(w['clauses'])} clauses)",
            f"{w['build']:.2f} s",
            f"{f['build']:.2f} s",
            f"{w['build'] / f['build']:.1f}×",
        ),
        (
            f"{label}: query p50 (top 20 + snippets)",
            f"{w['p50']:.1f} ms",
            f"{f['p50']:.1f} ms",
            f"{w['p50'] / f['p50']:.1f}×",
        ),
        (f"{label}: query p95", f"{w['p95']:.1f} ms", f"{f['p95']:.1f} ms", f"{w['p95'] / f['p95']:.1f}×"),
        (f"{label}: mean hits per query (of 20)", f"{w['hits']:.1f}", f"{f['hits']:.1f}", ""),
        (
            f"{label}: peak RSS of the process",
            f"{w['peak']:.0f} MB",
            f"{f['peak']:.0f} MB",
            f"{w['peak'] / f['peak']:.1f}×",
        ),
    ]


def main() -> None:
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 2000
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        Workspace.open(root / "bundled").close()
        rows += rows_for(
            "bundled (5 docs)", in_child("whoosh", root / "bundled"), in_child("fts5", root / "bundled")
        )
        ws = Workspace.open(root / "generated", seed=False)
        start = time.perf_counter()
        outcomes = ws.library.import_files(generate_corpus(count, root / "corpus"))
        import_s = time.perf_counter() - start
        assert all(o.ok for o in outcomes)
        ws.close()
        rows += rows_for(
            f"generated ({count} docs)",
            in_child("whoosh", root / "generated"),
            in_child("fts5", root / "generated"),
        )
    print(
        f"Search benchmark ({len(QUERIES)} queries × {ROUNDS} rounds; generated corpus imported in "
        f"{import_s:.0f} s, without index)"
    )
    print("Each column measured in a fresh process; ratio = ours / FTS5.")
    print()
    print("| measure | Whoosh (ours) | FTS5 trigram | ratio |")
    print("|---|---:|---:|---:|")
    for r in rows:
        print("| " + " | ".join(r) + " |")


if __name__ == "__main__":
    main()
