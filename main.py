"""政策工作台 — entry point. ``python main.py --help`` lists the commands."""

from __future__ import annotations

import sys

from workbench.cli import main

if __name__ == "__main__":
    sys.exit(main())
