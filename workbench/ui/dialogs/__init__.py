"""Dialogs, imported when first used (they cost start-up time)."""
