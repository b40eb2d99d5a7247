"""Counted nouns for command output: "1 file", "2 files", never "1 files" or "file(s)"."""

from __future__ import annotations


def plural(count: int, singular: str, plural_form: str | None = None) -> str:
    """``plural(1, "file")`` -> "1 file"; ``plural(2, "file")`` -> "2 files";
    ``plural(2, "entry", "entries")`` -> "2 entries"."""
    word = singular if count == 1 else (plural_form or f"{singular}s")
    return f"{count} {word}"
