"""Command line: ``checklist evaluate|list|export|import``: subsidy applications (湘政办发〔2026〕15号)."""

from __future__ import annotations

import argparse
from typing import Any


def register(sub: Any) -> None:
    """Add this module's subcommands to the main parser's ``sub``."""
