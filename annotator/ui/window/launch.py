"""What a fresh window does at launch: offer to recover a crashed session's work, then open
the files named on the command line, in a second window when the recovered work is not
theirs (before, Recover silently dropped them)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Protocol, TypeVar

from ..autosave import Autosaver, install_emergency_autosave


class Launchable(Protocol):
    autosaver: Autosaver

    def open_paths(self, paths: list[str]) -> bool: ...

    def say(self, message: str, msecs: int = ...) -> None: ...

    def show(self) -> None: ...


W = TypeVar("W", bound=Launchable)


def launch(window: W, paths: list[str], new_window: Callable[[], W]) -> W | None:
    """Recovery first, then `paths`; returns the second window if one was opened."""
    install_emergency_autosave(window.autosaver)
    if not window.autosaver.offer(window):  # type: ignore[arg-type]
        if paths:
            window.open_paths(paths)
        return None
    slot = window.autosaver.slot
    original = slot.original if slot is not None else ""
    if len(paths) == 1 and original and Path(original).resolve() == Path(paths[0]).resolve():
        window.say(f"Recovered the unsaved changes to {Path(original).name}; save to keep "
                   "them.", 15000)
        return None
    if not paths:
        return None
    other = new_window()
    other.show()
    other.open_paths(paths)
    window.say("Recovered your unsaved work in this window; "
               f"{' and '.join(Path(p).name for p in paths)} opened in a second one.", 15000)
    return other
