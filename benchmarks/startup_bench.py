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

import time
T0 = float(sys.argv[3])

class FirstPaint(QObject):
    # the first paint, then (for the workbench) the first paint with its panels attached
    painted = False

    def eventFilter(self, obj, event):
        if event.type() == QEvent.Type.Paint:
            if not self.painted:
                self.painted = True
                print("painted", time.time() - T0, flush=True)
            if mode == "bare" or getattr(window, "workspace", None) is not None:
                print("ready", time.time() - T0, flush=True)
                os._exit(0)
        return False

if mode == "bare":
    app = QApplication([])
    window = QMainWindow()
    window.setCentralWidget(QLabel("hello"))
    window.resize(1400, 860)
    watcher = FirstPaint()
    window.installEventFilter(watcher)
    window.show()
else:
    from workbench.app import create_application, start_window
    app = create_application()
    watcher = FirstPaint()
    from PySide6.QtWidgets import QMainWindow as _MW
    _show = _MW.show
    def show_with_watch(self):
        self.installEventFilter(watcher)
        _show(self)
    _MW.show = show_with_watch
    window = start_window(__import__("pathlib").Path(data_dir), lambda m: os._exit(2))
app.exec()
"""


def run_child(mode: str, data_dir: Path) -> tuple[float, float]:
    """(seconds to the first paint, seconds to the first paint with the library shown)."""
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    out = subprocess.run(
        [sys.executable, "-c", CHILD.format(root=str(ROOT)), mode, str(data_dir), repr(time.time())],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    marks = dict(line.split() for line in out.stdout.splitlines() if line.startswith(("painted", "ready")))
    if "ready" not in marks:
        raise RuntimeError(f"{mode} did not paint: {out.stderr[-2000:]}")
    return float(marks["painted"]), float(marks["ready"])


def main() -> None:
    rounds = int(sys.argv[1]) if len(sys.argv) > 1 else 5
    with tempfile.TemporaryDirectory() as tmp:
        data = Path(tmp) / "data"
        first = run_child("ours", data)  # first start: seeds the library
        bare = [run_child("bare", data)[0] for _ in range(rounds)]
        ours = [run_child("ours", data) for _ in range(rounds)]
    b = statistics.median(bare)
    paint = statistics.median(p for p, _ in ours)
    ready = statistics.median(r for _, r in ours)
    print(f"Start-up benchmark: process start → first painted main window, offscreen, median of {rounds}")
    print()
    print("| window | first paint s | ratio to bare | library shown s | ratio to bare |")
    print("|---|---:|---:|---:|---:|")
    print(f"| bare PySide6 QMainWindow | {b:.2f} | 1.0× | {b:.2f} | 1.0× |")
    print(
        f"| 政策工作台 (seeded data folder) | {paint:.2f} | {paint / b:.2f}× | {ready:.2f} | {ready / b:.2f}× |"
    )
    print(
        f"| 政策工作台 first start (seeds 5 documents) | {first[0]:.2f} | {first[0] / b:.2f}× | {first[1]:.2f} |"
        f" {first[1] / b:.2f}× |"
    )
    print()
    ok = paint <= 1.5 and paint / b <= 1.5
    print(f"Budget for the first painted window, ≤ 1.5 s and ≤ 1.5× bare: {'within' if ok else 'OVER'}")


if __name__ == "__main__":
    main()
