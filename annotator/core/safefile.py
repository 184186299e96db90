"""Reading a file the user named without ever blocking on it.

A FIFO, a device or a socket would block `open()` or `read()` forever (the UI thread too), so
the path is checked with stat() before it is opened, opened non-blocking, and checked again on
the open descriptor (the path may have been swapped in between). Only regular files are read,
and never more than the caller's limit.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

from .limits import over_limit


class FileRefused(Exception):
    """The path is not something we read (a folder, a FIFO, too big...); message for the user."""


def _kind(mode: int) -> str:
    if stat.S_ISDIR(mode):
        return "a folder"
    if stat.S_ISFIFO(mode):
        return "a named pipe (FIFO)"
    if stat.S_ISSOCK(mode):
        return "a socket"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    return "not a regular file"


def check_regular(path: str | Path, limit: int) -> os.stat_result:
    """stat() the path; raises FileRefused unless it is a regular file within `limit` bytes.
    OSError (missing, no permission) passes through for the caller to word."""
    info = os.stat(path)
    if not stat.S_ISREG(info.st_mode):
        raise FileRefused(f"{Path(path).name}: is {_kind(info.st_mode)}, not a file to open.")
    if info.st_size > limit:
        raise FileRefused(over_limit(Path(path).name, info.st_size, limit))
    return info


def read_regular_file(path: str | Path, limit: int) -> bytes:
    """The bytes of a regular file of at most `limit` bytes; never blocks on a FIFO or device."""
    check_regular(path, limit)
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0)
    fd = os.open(path, flags)
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise FileRefused(f"{Path(path).name}: is {_kind(info.st_mode)}, not a file to open.")
        chunks, total = [], 0
        while chunk := os.read(fd, 1 << 20):
            total += len(chunk)
            if total > limit:
                raise FileRefused(over_limit(Path(path).name, total, limit))
            chunks.append(chunk)
        return b"".join(chunks)
    finally:
        os.close(fd)
