"""Autosave while editing and the recovery offer at start, over core `recovery`.

The first edit after an autosave (or after a save) schedules the next autosave `interval`
later, so an idle window never writes and a busy one writes at most once per interval. The
autosave is a side file in the recovery store, never the user's file; saving clears it and a
clean exit removes it with its lock, so only a crash leaves something to recover. A failing
autosave (disk full, read-only home) is reported once and never interrupts the user.
"""

from __future__ import annotations

import contextlib
import sys
from functools import partial
from types import TracebackType

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import QWidget

from annotator.core import Project, ProjectFileError
from annotator.core.recovery import AutosaveSession, RecoveryEntry, RecoveryStore

from . import dialogs
from .session import Session
from .worker.background import call_off_ui_thread

DEFAULT_INTERVAL_MS = 30_000


class Autosaver(QObject):
    """Signals: saved(str) with the side file's path; failed(str) with a message, once."""

    saved = Signal(str)
    failed = Signal(str)

    def __init__(self, session: Session, store: RecoveryStore | None = None,
                 interval_ms: int = DEFAULT_INTERVAL_MS) -> None:
        super().__init__(session)
        self.session = session
        self.store = store or RecoveryStore()
        self.slot: AutosaveSession | None = None
        self._reported = False
        self._recovered = False  # a recovered project stays protected until it is saved
        self._recovering = False
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(interval_ms)
        self.timer.timeout.connect(lambda: self.autosave_now(in_background=True))
        session.undo_stack.indexChanged.connect(lambda _i: self._schedule())
        session.file_state_changed.connect(self._on_file_state)
        session.project_replaced.connect(self._on_replaced)
        try:
            self.slot = self.store.start_session(session.path)
        except OSError as exc:
            self._report(f"Autosave is off: {exc}")

    def _schedule(self) -> None:
        if not self.timer.isActive():
            self.timer.start()

    def _needs_saving(self) -> bool:
        return self.session.project is not None and (
            self._recovered or not self.session.undo_stack.isClean())

    def _on_replaced(self) -> None:
        if not self._recovering and self.slot is not None:
            self._recovered = False  # another project: the user was asked about this one
            self.slot.set_original(self.session.path)
        self._on_file_state()

    def _on_file_state(self) -> None:
        if self.slot is None or self._recovering:
            return
        if self._recovered and self.session.path is not None:
            self._recovered = False  # saved to a real file at last
        if self.session.path is not None:
            self.slot.set_original(self.session.path)
        if not self._needs_saving():
            self.timer.stop()
            self.slot.clear()  # saved, or nothing edited yet: nothing to recover

    def autosave_now(self, in_background: bool = False) -> bool:
        """Write the side file if there are unsaved edits; True when one was written.
        `in_background` (the timer's saves) writes a copy in a thread while the window keeps
        painting: a long project takes a third of a second. The crash hook saves directly."""
        project = self.session.project
        slot = self.slot
        if slot is None or project is None or not self._needs_saving():
            return False
        try:
            if in_background:
                path = call_off_ui_thread(partial(slot.save, project.snapshot()))
            else:
                path = slot.save(project)
        except (OSError, ProjectFileError) as exc:
            self._report(f"Autosave failed: {exc}")
            return False
        self.saved.emit(str(path))
        return True

    def _report(self, message: str) -> None:
        if not self._reported:
            self._reported = True
            self.failed.emit(message)

    def recover(self, entry: RecoveryEntry) -> Project:
        """Take over a crashed session's autosave and open it in the session, unsaved.

        The autosave becomes this window's slot and keeps being written until the user
        saves, so a second crash before that still loses nothing. Raises ProjectFileError
        for a damaged autosave (which is then left where it is)."""
        project, slot = self.store.adopt(entry)
        if self.slot is not None:
            self.slot.close()
        self.slot = slot
        self._recovering = True
        try:
            self.session.set_project(project, None)
            self.session.segment_in_background()
        finally:
            self._recovering = False
        self._recovered = True
        self.session.undo_stack.resetClean()  # unsaved work: the title says so, close asks
        self.autosave_now()
        return project

    def offer(self, parent: QWidget | None) -> bool:
        """At start: if a crashed session left an autosave, ask what to do with it.

        Returns True when a project was recovered into the session."""
        try:
            entries = self.store.recoverable()
        except OSError:
            return False
        if not entries:
            return False
        answer = dialogs.ask_recovery(parent, entries)
        if answer == "discard":
            for entry in entries:
                self.store.discard(entry)
            return False
        if answer != "recover":
            return False
        try:
            self.recover(entries[0])
        except (OSError, ProjectFileError) as exc:
            self._report(f"The autosave could not be read: {exc}")
            return False
        return True

    def close(self) -> None:
        """Clean exit: nothing is left behind to recover."""
        self.timer.stop()
        if self.slot is not None:
            self.slot.close()
            self.slot = None



_RESCUE: dict[str, Autosaver] = {}


def install_emergency_autosave(saver: Autosaver) -> None:
    """Autosave once more before an unhandled exception is reported: whatever went wrong,
    the edits up to that moment are in the recovery file (the previous hook still runs).
    Installing again only changes which autosaver is used; hooks never pile up."""
    _RESCUE["saver"] = saver
    if getattr(sys.excepthook, "annotator_rescue", False):
        return
    previous = sys.excepthook

    def hook(kind: type[BaseException], value: BaseException,
             traceback: TracebackType | None) -> None:
        current = _RESCUE.get("saver")
        if current is not None:
            with contextlib.suppress(Exception):  # the rescue never hides the real error
                current.autosave_now()
        previous(kind, value, traceback)

    hook.annotator_rescue = True  # type: ignore[attr-defined]
    sys.excepthook = hook
