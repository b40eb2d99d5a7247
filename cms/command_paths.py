"""Path arguments of management commands, checked before a command reads or writes anything.

Every command that takes a path (``export_articles --output DIR``, ``import_articles PATH...``,
``seo_audit --output FILE``) checks it here, so a path under a file, in a folder that cannot be
written (``/proc``) or missing ends the command with one line naming the argument and exit code
2 (bad arguments), never with a traceback halfway through the work.
"""

from __future__ import annotations

import os
from pathlib import Path

from django.core.management.base import CommandError

BAD_ARGUMENTS = 2


def bad_path(argument: str, value: str | os.PathLike[str], problem: str) -> CommandError:
    """``"--output out/x: not a folder"``; ``argument`` is empty for a positional path."""
    prefix = f"{argument} " if argument else ""
    return CommandError(f"{prefix}{value}: {problem}", returncode=BAD_ARGUMENTS)


def _blocking_file(path: Path) -> Path | None:
    """The existing file that stands where ``path`` needs a folder (``a.txt`` for
    ``a.txt/out``), or None."""
    for ancestor in [path, *path.parents]:
        if ancestor.exists():
            return None if ancestor.is_dir() else ancestor
    return None


def output_folder(value: str, *, argument: str = "--output") -> Path:
    """The folder ``value``, created now (with its parents) so that a folder that cannot exist
    or be written is reported before the command does any work."""
    path = Path(value)
    blocker = _blocking_file(path)
    if blocker == path:
        raise bad_path(argument, value, "is a file, not a folder")
    if blocker is not None:
        raise bad_path(argument, value, f"cannot create the folder: {blocker} is a file")
    existing = next(ancestor for ancestor in [path, *path.parents] if ancestor.exists())
    if is_kernel_folder(existing):
        raise bad_path(argument, value, f"cannot create the folder: {existing} is not writable")
    try:
        path.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise bad_path(argument, value, f"cannot create the folder: {error.strerror}") from None
    if not os.access(path, os.W_OK | os.X_OK) or is_kernel_folder(path):
        raise bad_path(argument, value, "the folder is not writable")
    return path


def output_file(value: str, *, argument: str = "--output") -> Path:
    """The file ``value`` checked for writing: not a folder, in an existing folder that can be
    written (``/proc`` cannot, whatever the permissions say), the file itself writable. Nothing
    is created or truncated here."""
    path = Path(value)
    if path.is_dir():
        raise bad_path(argument, value, "is a folder, not a file")
    blocker = _blocking_file(path.parent)
    if blocker is not None:
        raise bad_path(argument, value, f"cannot write the file: {blocker} is a file")
    folder = path.parent
    if not folder.is_dir():
        raise bad_path(argument, value, f"cannot write the file: no folder {folder}")
    if path.exists():
        if not os.access(path, os.W_OK):
            raise bad_path(argument, value, "the file is not writable")
        return path
    if not os.access(folder, os.W_OK | os.X_OK) or is_kernel_folder(folder):
        raise bad_path(argument, value, f"cannot write the file: {folder} is not writable")
    return path


def is_kernel_folder(folder: Path) -> bool:
    """Kernel file systems (``/proc``, ``/sys``) where even root cannot create files."""
    resolved = folder.resolve()
    return any(
        resolved == Path(root) or Path(root) in resolved.parents for root in ("/proc", "/sys")
    )


def input_path_problem(path: Path) -> str:
    """Why ``path`` (a file or folder to read that does not exist) cannot be read."""
    blocker = _blocking_file(path.parent)
    if blocker is not None:
        return f"no such file or folder ({blocker} is a file)"
    return "no such file or folder"
