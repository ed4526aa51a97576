"""Task ledger benchmark: the matrix of units × plans over a large library.

    python benchmarks/tasks_bench.py [DOCS] [--data-dir DIR]

DOCS generated documents (default 1,000, made from the bundled ones by
benchmarks/corpus_gen.py: other cities, 文号 and figures) are imported into a
throw-away data folder (or DIR, kept and reused when it already holds them:
importing takes a minute or two). Then, for the whole library:

- tasks: every responsibility line read from SQLite, parsed, units resolved
  through the unit table, deadlines found (cold: parse and unit caches empty,
  the unit table read from disk; warm: as the panel's second refresh);
- matrix: counts of units × plans from those tasks;
- one unit: the reports of one department across every plan (its status,
  overdue marks, the targets of the same clause joined in);
- after one plan changed: the tab's refresh when one plan is imported, re-read
  or removed (only that plan derived again, the others kept in order);
- the baseline, in the same process: one SQL query over the same clauses
  counting raw responsibility lines per document (no parsing, no names), the
  floor any matrix pays for reading the clauses.

Budget: tasks + matrix of 1,000 documents, cold, under 1 s.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
import warnings
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
warnings.filterwarnings("ignore", category=SyntaxWarning)

from benchmarks.corpus_gen import generate_corpus  # noqa: E402
from workbench.core.tasks.extraction import parse_responsibility  # noqa: E402
from workbench.core.tasks.units import UnitTable  # noqa: E402
from workbench.core.workspace import Workspace  # noqa: E402

ROUNDS = 5
BUDGET_S = 1.0


def best_and_median(run: Callable[[], object], rounds: int = ROUNDS) -> tuple[float, float]:
    times = []
    for _ in range(rounds):
        start = time.perf_counter()
        run()
        times.append(time.perf_counter() - start)
    return min(times), statistics.median(times)


def prepare(data_dir: Path, count: int) -> Workspace:
    ws = Workspace.open(data_dir)
    have = len(ws.library.documents())
    wanted = count + 5  # the bundled five stay
    if have < wanted:
        with tempfile.TemporaryDirectory() as corpus:
            paths = generate_corpus(count, Path(corpus))[have - 5 :]
            start = time.perf_counter()
            outcomes = ws.library.import_files(paths)
            failed = [o for o in outcomes if not o.ok]
            print(
                f"imported {len(outcomes) - len(failed)} documents in {time.perf_counter() - start:.1f} s"
                + (f" ({len(failed)} refused: {failed[0].problem})" if failed else ""),
                file=sys.stderr,
            )
    return ws


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("docs", nargs="?", type=int, default=1000, help="generated documents (default 1000)")
    parser.add_argument("--data-dir", type=Path, default=None, help="a data folder to keep and reuse")
    args = parser.parse_args()
    holder = None
    if args.data_dir is None:
        holder = tempfile.TemporaryDirectory(prefix="tasks-bench-")
        data_dir = Path(holder.name)
    else:
        data_dir = args.data_dir
    ws = prepare(data_dir, args.docs)
    service = ws.tasks
    docs = len(ws.library.documents())

    def baseline() -> object:
        return ws.db.execute(
            "SELECT doc_id, count(*), sum(length(responsible) - length(replace(responsible, '、', '')) + 1) "
            "FROM clauses WHERE responsible IS NOT NULL GROUP BY doc_id"
        ).fetchall()

    def cold() -> object:
        parse_responsibility.cache_clear()
        service._units = lambda: UnitTable.for_data_dir(data_dir)  # read from disk again
        return service.matrix(service.tasks())

    def warm_tasks() -> object:
        return service.tasks()

    tasks = service.tasks()

    def matrix_only() -> object:
        return service.matrix(tasks)

    matrix = service.matrix(tasks)
    unit = matrix.units[0]

    def one_unit() -> object:
        return service.reports(unit_names=[unit], tasks=tasks)

    one_doc = tasks[len(tasks) // 2].doc_id

    def after_one_import() -> object:  # what the tab does when one plan is imported or re-read
        return service.matrix(service.tasks_after(tasks, {one_doc}))

    base = best_and_median(baseline)
    rows = [
        ("baseline: SQL count of responsibility lines", base),
        ("tasks + matrix, cold (the budget)", best_and_median(cold)),
        ("tasks, warm caches", best_and_median(warm_tasks)),
        ("matrix from tasks", best_and_median(matrix_only)),
        (f"one unit's reports ({unit})", best_and_median(one_unit)),
        ("tasks + matrix after one plan changed (the tab's refresh)", best_and_median(after_one_import)),
    ]
    print(f"\n{docs} documents, {len(tasks)} tasks, {len(matrix.units)} units × {len(matrix.plans)} plans\n")
    print("| step | best (s) | median (s) | × baseline (median) |")
    print("|---|---:|---:|---:|")
    for name, (best, median) in rows:
        print(f"| {name} | {best:.3f} | {median:.3f} | {median / base[1]:.1f} |")
    cold_median = rows[1][1][1]
    verdict = "within" if cold_median < BUDGET_S else "OVER"
    print(f"\nbudget: tasks + matrix (cold) < {BUDGET_S:.0f} s — {verdict} ({cold_median:.3f} s)")
    ws.close()
    if holder is not None:
        holder.cleanup()
    return 0 if cold_median < BUDGET_S else 1


if __name__ == "__main__":
    raise SystemExit(main())
