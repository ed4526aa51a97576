"""Command line: ``indicators list|extract|record|import|export``: plan targets and their progress."""

from __future__ import annotations

import argparse
from typing import Any


def register(sub: Any) -> None:
    """Add this module's subcommands to the main parser's ``sub``."""
