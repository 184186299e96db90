"""Atomic file writes: a crash or full disk never leaves a half-written file behind.

The data goes to a hidden temporary file beside the target, is fsynced, then renamed over the
target. The file keeps what the user expects of a file: a new one gets the usual mode (0666
minus the umask), an overwritten one keeps its mode (and owner, where allowed), and a symlinked
path is written through to the file it points at, the link left in place.

While it is written the temporary file is flock()ed. A process killed mid-write leaves it
behind; the next write to the same target removes such leftovers, but only files named as this
writer names them, that nobody holds locked and that have not changed for a while.
"""

from __future__ import annotations

import contextlib
import os
import re
import secrets
import stat
import time
from pathlib import Path

try:
    import fcntl
except ImportError:  # not POSIX: no locks, so leftovers are never judged dead
    fcntl = None  # type: ignore[assignment]

STALE_AFTER_S = 120.0  # a leftover untouched this long, and unlocked, belongs to a dead writer
_SUFFIX = ".annotator.tmp"


def _temp_pattern(name: str) -> re.Pattern[str]:
    """Our temporary names for `name`, this writer's and the older mkstemp-based one's."""
    ours = rf"[0-9a-f]{{16}}{re.escape(_SUFFIX)}"
    return re.compile(rf"\.{re.escape(name)}\.(?:{ours}|[a-z0-9_]{{8}}\.tmp)")


def write_target(path: Path) -> Path:
    """The file a write to `path` must replace: the end of a symlink chain, else `path`."""
    if path.is_symlink():
        return Path(os.path.realpath(path))
    return path


def clean_stale_temps(target: Path, *, older_than: float = STALE_AFTER_S) -> list[Path]:
    """Remove leftover temporary files of earlier writes to `target`; returns those removed."""
    pattern = _temp_pattern(target.name)
    removed: list[Path] = []
    try:
        entries = list(os.scandir(target.parent))
    except OSError:
        return removed
    now = time.time()
    for entry in entries:
        if not pattern.fullmatch(entry.name):
            continue
        with contextlib.suppress(OSError):
            if _remove_if_dead(Path(entry.path), now - older_than):
                removed.append(Path(entry.path))
    return removed


def _remove_if_dead(path: Path, cutoff: float) -> bool:
    flags = os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_NOFOLLOW", 0)
    fd = os.open(path, flags)
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode) or info.st_uid != os.getuid() or info.st_mtime > cutoff:
            return False
        if fcntl is None:
            return False
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            return False  # a live writer holds it
        now = os.lstat(path)
        if (now.st_ino, now.st_dev) != (info.st_ino, info.st_dev):
            return False
        os.unlink(path)
        return True
    finally:
        os.close(fd)


def _open_temp(target: Path) -> tuple[int, Path]:
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0)
    for _ in range(100):
        temp = target.with_name(f".{target.name}.{secrets.token_hex(8)}{_SUFFIX}")
        try:
            fd = os.open(temp, flags, 0o666)  # the umask applies, as for any new file
        except FileExistsError:
            continue
        if fcntl is not None:
            fcntl.flock(fd, fcntl.LOCK_EX)
        return fd, temp
    raise FileExistsError(f"no free temporary name beside {target}")


def _keep_mode_and_owner(fd: int, target: Path) -> None:
    try:
        old = os.stat(target)
    except OSError:
        return  # a new file: the umask decided its mode
    if not stat.S_ISREG(old.st_mode):
        return
    os.fchmod(fd, stat.S_IMODE(old.st_mode))
    with contextlib.suppress(OSError):  # only root may give a file away; keep ours then
        os.fchown(fd, old.st_uid, old.st_gid)


def same_file(target: str | Path, other: str | Path) -> bool:
    """Whether writing `target` would overwrite `other` (the same file by another name too)."""
    a, b = Path(target), Path(other)
    try:
        return a.resolve() == b.resolve() or (a.exists() and b.exists() and a.samefile(b))
    except OSError:
        return False


def atomic_write_bytes(path: Path, data: bytes) -> None:
    """Write to a temporary file beside the target, fsync, then rename over the target."""
    target = write_target(Path(path))
    clean_stale_temps(target)
    fd, temp = _open_temp(target)
    try:
        with os.fdopen(fd, "wb") as handle:
            _keep_mode_and_owner(handle.fileno(), target)
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
            os.replace(temp, target)  # still locked: a cleaner never sees it unlocked
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temp)
        raise
    if hasattr(os, "O_DIRECTORY"):
        with contextlib.suppress(OSError):
            dir_fd = os.open(target.parent, os.O_DIRECTORY)
            try:
                os.fsync(dir_fd)
            finally:
                os.close(dir_fd)
