"""Command line: ``brief search|doc|indicators|checklist``: printable PDF briefs."""

from __future__ import annotations

import argparse
from typing import Any


def register(sub: Any) -> None:
    """Add this module's subcommands to the main parser's ``sub``."""
