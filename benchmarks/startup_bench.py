"""Start-up benchmark: process start to the first painted main window.

    python benchmarks/startup_bench.py [ROUNDS]

Runs, as fresh processes in the same run, a bare PySide6 main window and the
workbench's window (offscreen), each exiting on its first paint, and reports
medians. Budget: ≤ 1.5 s and ≤ 1.5× the bare window (seeded data folder).
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

CHILD = r"""
import sys, os
sys.path.insert(0, {root!r})
import warnings; warnings.filterwarnings("ignore", category=SyntaxWarning)
from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QApplication, QMainWindow, QLabel
mode, data_dir = sys.argv[1], sys.argv[2]

class FirstPaint(QObject):
    def eventFilter(self, obj, event):
        if event.type() == QEvent.Type.Paint:
            print("painted", flush=True)
            os._exit(0)
        return False

if mode == "bare":
    app = QApplication([])
    window = QMainWindow()
    window.setCentralWidget(QLabel("hello"))
    window.resize(1400, 860)
else:
    from workbench.app import build_window
    window = build_window(__import__("pathlib").Path(data_dir))
    app = QApplication.instance()
watcher = FirstPaint()
window.installEventFilter(watcher)
window.show()
app.exec()
"""


def run_child(mode: str, data_dir: Path) -> float:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    start = time.perf_counter()
    out = subprocess.run(
        [sys.executable, "-c", CHILD.format(root=str(ROOT)), mode, str(data_dir)],
        env=env, capture_output=True, text=True, timeout=120,
    )
    elapsed = time.perf_counter() - start
    if "painted" not in out.stdout:
        raise RuntimeError(f"{mode} did not paint: {out.stderr[-2000:]}")
    return elapsed


def main() -> None:
    rounds = int(sys.argv[1]) if len(sys.argv) > 1 else 5
    with tempfile.TemporaryDirectory() as tmp:
        data = Path(tmp) / "data"
        first = run_child("ours", data)  # first start: seeds the library
        bare = [run_child("bare", data) for _ in range(rounds)]
        ours = [run_child("ours", data) for _ in range(rounds)]
    b, o = statistics.median(bare), statistics.median(ours)
    print(f"Start-up benchmark: process start → first painted main window, offscreen, median of {rounds}")
    print()
    print("| window | median s | ratio to bare |")
    print("|---|---:|---:|")
    print(f"| bare PySide6 QMainWindow | {b:.2f} | 1.0× |")
    print(f"| 政策工作台 (seeded data folder) | {o:.2f} | {o / b:.2f}× |")
    print(f"| 政策工作台 first start (seeding 5 documents) | {first:.2f} | {first / b:.2f}× |")
    print()
    ok = o <= 1.5 and o / b <= 1.5
    print(f"Budget ≤ 1.5 s and ≤ 1.5× bare: {'within' if ok else 'OVER'}")


if __name__ == "__main__":
    main()
