"""Autosave side files for crash recovery, never touching the user's own file.

Each running app owns a session: `<id>.lock` (pid, hostname, process start stamp) written at
start, `<id>.annot.xml` (the project, atomically replaced on every autosave) and
`<id>.json` (original path, timestamps). A clean exit removes all three. At the next start,
sessions whose lock is missing or whose process is gone are offered for recovery; a session
whose process still runs (another window) is left alone. Locks from other hosts are treated
as alive, since their processes cannot be checked from here.
"""

from __future__ import annotations

import contextlib
import json
import os
import socket
import uuid
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from .annotations import Project
from .atomic import atomic_write_bytes, same_file
from .xmlio import ProjectFileError, project_to_bytes, read_project

APP_NAME = "annotator"
_PROJECT = ".annot.xml"
_META = ".json"
_LOCK = ".lock"


AUTOSAVE_ENV = "ANNOTATOR_AUTOSAVE_DIR"


def default_recovery_dir() -> Path:
    """$ANNOTATOR_AUTOSAVE_DIR when set (a portable install, a test run, the screenshot tools:
    XDG_DATA_HOME moves platformdirs' folder on Linux only), else platformdirs' per-user data
    dir + autosave/ (e.g. ~/.local/share/annotator/autosave)."""
    chosen = os.environ.get(AUTOSAVE_ENV)
    if chosen:
        return Path(chosen).expanduser()
    import platformdirs

    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False)) / "autosave"


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def _process_stamp(pid: int) -> str:
    """When a process started (Linux /proc), so a recycled pid is not mistaken for ours."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return ""
    fields = stat[stat.rfind(")") + 2 :].split()
    return fields[19] if len(fields) > 19 else ""


def _pid_alive(pid: int) -> bool:
    if pid <= 0:
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # exists, owned by someone else
    except OSError:
        return False
    return True


@dataclass(frozen=True)
class Lock:
    pid: int
    hostname: str
    stamp: str = ""

    @classmethod
    def current(cls) -> Lock:
        pid = os.getpid()
        return cls(pid, socket.gethostname(), _process_stamp(pid))

    def is_alive(self) -> bool:
        """True while the owning process may still run (unknown hosts count as alive)."""
        if self.hostname != socket.gethostname():
            return True
        if not _pid_alive(self.pid):
            return False
        return not self.stamp or _process_stamp(self.pid) in ("", self.stamp)


@dataclass(frozen=True)
class RecoveryEntry:
    """An autosave left by a session that did not exit cleanly."""

    session_id: str
    project_path: Path
    original: str  # the user's file, "" if the project was never saved
    saved_at: str  # ISO 8601, UTC
    name: str  # project name or document titles, for the recovery dialog


class RecoveryStore:
    """The folder of autosave sessions; injectable so tests never touch the real one."""

    def __init__(self, root: str | Path | None = None) -> None:
        self.root = Path(root) if root is not None else default_recovery_dir()

    def start_session(self, original: str | Path | None = None) -> AutosaveSession:
        """A new session for this process, with its lock written right away."""
        self.root.mkdir(parents=True, exist_ok=True)
        self.prune()
        session = AutosaveSession(self, uuid.uuid4().hex, str(original or ""))
        lock = Lock.current()
        atomic_write_bytes(session.lock_path, json.dumps(
            {"pid": lock.pid, "hostname": lock.hostname, "stamp": lock.stamp,
             "started": _now()}).encode())
        return session

    def _read_json(self, path: Path) -> dict[str, object]:
        try:
            data = json.loads(path.read_text("utf-8"))
        except (OSError, ValueError):
            return {}
        return data if isinstance(data, dict) else {}

    def _lock_of(self, session_id: str) -> Lock | None:
        data = self._read_json(self.root / (session_id + _LOCK))
        try:
            return Lock(int(str(data["pid"])), str(data["hostname"]), str(data.get("stamp", "")))
        except (KeyError, ValueError):
            return None

    def recoverable(self) -> list[RecoveryEntry]:
        """Autosaves whose session is gone, newest first; damaged metadata is tolerated."""
        if not self.root.is_dir():
            return []
        entries = []
        for project_path in self.root.glob("*" + _PROJECT):
            session_id = project_path.name[: -len(_PROJECT)]
            lock = self._lock_of(session_id)
            if lock is not None and lock.is_alive():
                continue
            meta = self._read_json(self.root / (session_id + _META))
            saved_at = str(meta.get("saved_at", "")) or _mtime(project_path)
            entries.append(RecoveryEntry(session_id, project_path, str(meta.get("original", "")),
                                         saved_at, str(meta.get("name", ""))))
        return sorted(entries, key=lambda e: (e.saved_at, e.session_id), reverse=True)

    def prune(self) -> None:
        """Remove locks and metadata of dead sessions that left no autosave behind."""
        for lock_path in self.root.glob("*" + _LOCK):
            session_id = lock_path.name[: -len(_LOCK)]
            if (self.root / (session_id + _PROJECT)).exists():
                continue
            lock = self._lock_of(session_id)
            if lock is None or not lock.is_alive():
                self.discard(session_id)

    def adopt(self, entry: RecoveryEntry) -> tuple[Project, AutosaveSession]:
        """Recover: load the autosave, protect it in a new session of ours, drop the old one.

        The old files are removed only after the new autosave is on disk, so a crash during
        recovery still leaves one copy.
        """
        project = self.load(entry)
        session = self.start_session(entry.original or None)
        session.save(project)
        self.discard(entry)
        return project, session

    def load(self, entry: RecoveryEntry) -> Project:
        """The autosaved project; raises ProjectFileError if the autosave is damaged."""
        return read_project(entry.project_path, f"autosave of {entry.original or entry.name}")

    def discard(self, entry: RecoveryEntry | str) -> None:
        """Delete an autosave session's files (after recovering it or on the user's word)."""
        session_id = entry if isinstance(entry, str) else entry.session_id
        for suffix in (_PROJECT, _META, _LOCK):
            with contextlib.suppress(FileNotFoundError):
                (self.root / (session_id + suffix)).unlink()


def _mtime(path: Path) -> str:
    try:
        return datetime.fromtimestamp(path.stat().st_mtime, UTC).isoformat(timespec="seconds")
    except OSError:
        return ""


class AutosaveSession:
    """This process's autosave slot: `save` while there are unsaved edits, `close` on exit."""

    def __init__(self, store: RecoveryStore, session_id: str, original: str) -> None:
        self.store, self.id, self.original = store, session_id, original

    @property
    def project_path(self) -> Path:
        return self.store.root / (self.id + _PROJECT)

    @property
    def meta_path(self) -> Path:
        return self.store.root / (self.id + _META)

    @property
    def lock_path(self) -> Path:
        return self.store.root / (self.id + _LOCK)

    def set_original(self, original: str | Path | None) -> None:
        """After Save As: the file a recovered project belongs to."""
        self.original = str(original or "")

    def save(self, project: Project) -> Path:
        """Autosave the project (validated, atomic); the user's file is never written."""
        data = project_to_bytes(project)
        target = self.project_path
        if self.original and same_file(target, self.original):
            raise ProjectFileError("refusing to autosave over the user's own file")
        atomic_write_bytes(target, data)
        name = project.name or f"{project.doc_a.title} / {project.doc_b.title}"
        atomic_write_bytes(self.meta_path, json.dumps(
            {"original": self.original, "saved_at": _now(), "name": name},
            ensure_ascii=False).encode("utf-8"))
        return target

    def clear(self) -> None:
        """Nothing to recover any more (the user saved); the session and its lock stay."""
        for path in (self.project_path, self.meta_path):
            with contextlib.suppress(FileNotFoundError):
                path.unlink()

    def close(self) -> None:
        """Clean exit: remove the autosave and the lock."""
        self.store.discard(self.id)




__all__ = ["AUTOSAVE_ENV", "AutosaveSession", "Lock", "RecoveryEntry", "RecoveryStore",
           "default_recovery_dir"]
