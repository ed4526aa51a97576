"""Test set-up shared by every test: offscreen Qt before any QApplication exists."""

from __future__ import annotations

import os
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

ROOT = Path(__file__).resolve().parents[1]
DOCUMENTS_DIR = ROOT / "resources" / "documents"
