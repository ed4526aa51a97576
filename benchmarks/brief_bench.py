"""PDF brief benchmark: a 20-page brief, its build time, file size and peak memory.

    python benchmarks/brief_bench.py [ROUNDS]

The brief is GB/T 9704 pages of real clause text from the bundled corpus (headings,
body paragraphs and a long table) in the bundled CJK TrueType faces, embedded and
subset. The baseline, in the same process, lays out the same structure in ReportLab's
built-in Helvetica (nothing embedded) with Latin text, grown to the same page count;
ratios are CJK / baseline. "cold" includes parsing the font files (once a process);
"warm" is the median of ROUNDS builds after that.

Budgets: 20 pages in ≤ 1.5 s (cold) and ≤ 1 MB.
"""

from __future__ import annotations

import datetime as dt
import resource
import statistics
import sys
import time
import tracemalloc
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from exporters.pdf_fonts import BriefFonts, Role  # noqa: E402
from exporters.pdf_layout import BriefDocument  # noqa: E402

PAGES = 20
CREATED = dt.datetime(2026, 11, 24, 9, 0).astimezone()


def corpus_paragraphs() -> list[str]:
    text = (ROOT / "resources" / "documents" / "national-bioeconomy-14th-five-year-plan.txt").read_text(
        encoding="utf-8"
    )
    sentences = [s.strip() + "。" for s in text.replace("\n", "").split("。") if len(s.strip()) > 10]
    return ["".join(sentences[i : i + 3]) for i in range(0, len(sentences), 3)]


def latin_paragraphs(count: int) -> list[str]:
    words = (
        "the plan supports innovative drugs medical devices and biotechnology platforms with grants of up to"
    ).split()
    return [" ".join(words[(i + j) % len(words)] for j in range(60)) + "." for i in range(count)]


def build(fonts: BriefFonts | None, paragraphs: list[str], body_count: int, rows: int) -> tuple[bytes, int]:
    brief = BriefDocument(
        title="基准简报 benchmark brief", subject="brief_bench", fonts=fonts, created=CREATED
    )
    brief.title(paragraphs[0][:30])
    for n in range(body_count):
        if n % 8 == 0:
            brief.heading(1, paragraphs[n % len(paragraphs)][:18])
        if n % 8 == 4:
            brief.heading(2, paragraphs[(n + 1) % len(paragraphs)][:20])
        brief.paragraph(paragraphs[n % len(paragraphs)])
    brief.table(
        ["No.", "Item", "Detail"],
        [
            [str(i), paragraphs[i % len(paragraphs)][:12], paragraphs[(i + 3) % len(paragraphs)][:50]]
            for i in range(rows)
        ],
        [0.1, 0.3, 0.6],
    )
    data = brief.build()
    return data, brief.page_count


def sized_to(pages: int, make: Callable[[int], tuple[bytes, int]]) -> int:
    """The number of body paragraphs that gives ``pages`` pages (by bisection)."""
    low, high = 1, 400
    while low < high:
        mid = (low + high) // 2
        if make(mid)[1] < pages:
            low = mid + 1
        else:
            high = mid
    return low


def helvetica_fonts() -> BriefFonts:
    names = {role: "Helvetica" for role in Role}
    return BriefFonts(names, {role: [("Helvetica", {})] for role in Role})


def measure(
    make: Callable[[], tuple[bytes, int]], rounds: int, fresh: Callable[[], None]
) -> dict[str, float]:
    """Cold and warm times untraced (tracemalloc slows Python code many times over),
    then one more cold build under tracemalloc for the peak."""
    fresh()
    start = time.perf_counter()
    data, pages = make()
    cold = time.perf_counter() - start
    warm = []
    for _ in range(rounds):
        start = time.perf_counter()
        make()
        warm.append(time.perf_counter() - start)
    fresh()
    tracemalloc.start()
    make()
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return {"pages": pages, "cold": cold, "warm": statistics.median(warm), "size": len(data), "peak": peak}


def main() -> int:
    rounds = int(sys.argv[1]) if len(sys.argv) > 1 else 5
    cjk_text = corpus_paragraphs()
    latin = latin_paragraphs(len(cjk_text))
    rows = 40

    # Size both documents first (this also parses the CJK faces; the cold run below
    # starts from a fresh font registry to count that cost).
    from exporters import pdf_fonts

    base_fonts = helvetica_fonts()
    base_count = sized_to(PAGES, lambda n: build(base_fonts, latin, n, rows))
    probe = pdf_fonts.load_brief_fonts(pdf_fonts.resolve_fonts(search_dirs=[]))
    cjk_count = sized_to(PAGES, lambda n: build(probe, cjk_text, n, rows))

    def cjk() -> tuple[bytes, int]:
        fonts = pdf_fonts.load_brief_fonts(pdf_fonts.resolve_fonts(search_dirs=[]))
        return build(fonts, cjk_text, cjk_count, rows)

    baseline = measure(lambda: build(base_fonts, latin, base_count, rows), rounds, lambda: None)
    brief = measure(
        cjk, rounds, pdf_fonts._loaded.clear
    )  # forget parsed faces: cold means parsing them again
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024

    print(f"PDF brief benchmark: {PAGES}-page target, {rounds} warm rounds, Python {sys.version.split()[0]}")
    print()
    print("| brief | pages | cold build | warm build (median) | file size | peak traced memory |")
    print("|---|---:|---:|---:|---:|---:|")
    for name, m in (
        ("CJK, bundled TrueType, embedded subsets", brief),
        ("baseline: Helvetica, Latin, nothing embedded", baseline),
    ):
        print(
            f"| {name} | {m['pages']:.0f} | {m['cold'] * 1000:.0f} ms | {m['warm'] * 1000:.0f} ms | "
            f"{m['size'] / 1024:.0f} KiB | {m['peak'] / 2**20:.1f} MiB |"
        )
    print(
        f"| ratio CJK / baseline | | {brief['cold'] / baseline['cold']:.1f}× | "
        f"{brief['warm'] / baseline['warm']:.1f}× | "
        f"{brief['size'] / baseline['size']:.1f}× | {brief['peak'] / baseline['peak']:.1f}× |"
    )
    print()
    print(f"Process peak RSS: {rss:.0f} MiB")
    ok_time = brief["cold"] <= 1.5
    ok_size = brief["size"] <= 1024 * 1024
    ok_pages = brief["pages"] >= PAGES
    print(
        f"Budget: ≥ {PAGES} pages {'met' if ok_pages else 'MISSED'}; ≤ 1.5 s cold "
        f"{'met' if ok_time else 'MISSED'}; ≤ 1 MB {'met' if ok_size else 'MISSED'}"
    )
    return 0 if ok_time and ok_size and ok_pages else 1


if __name__ == "__main__":
    raise SystemExit(main())
