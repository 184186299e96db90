"""File > Export: the project XML (what the CLI writes) and every core exporter.

An export is a copy: it never changes the project's own file name or its saved state. The
project XML goes through core `save_project`, which validates against the shipped schema and
re-reads the bytes before an atomic replace, so an invalid file is never written; the other
formats come from the core `EXPORTERS` registry, the same list the CLI offers.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from pathlib import Path

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QMenu, QWidget

from annotator.core import Project, ProjectFileError, save_project
from annotator.core.export import EXPORTERS, ExportError

from . import claim_dialogs
from .background import call_off_ui_thread
from .session import Session

PROJECT_XML = "project-xml"


def formats() -> list[tuple[str, str, str]]:
    """(name, suffix, description) of every export, the project XML first."""
    return [(PROJECT_XML, ".xml", "Project XML, validated (the format the CLI writes)")] + [
        (e.name, e.suffix, e.description) for e in EXPORTERS.values()]


def export_to(session: Session, name: str, path: str | Path) -> list[Path]:
    """Write export `name` of the session's project to `path`; returns the files written.

    Raises ExportError with a message for the user. A copy of the project is written in a
    thread (a long project's XCES or TEI takes a second), so the window keeps painting."""
    project = session.project
    if project is None:
        raise ExportError("Open a pair of articles first.")
    return call_off_ui_thread(partial(_write, project.snapshot(), name, Path(path)))


def _write(project: Project, name: str, path: Path) -> list[Path]:
    if name == PROJECT_XML:
        try:
            save_project(project, path)
        except (ProjectFileError, OSError) as exc:
            raise ExportError(f"{path}: {exc}") from exc
        return [path]
    exporter = EXPORTERS.get(name)
    if exporter is None:
        raise ExportError(f"Unknown export format {name!r}.")
    try:
        return exporter.write(project, path)
    except (ValueError, OSError) as exc:  # a renderer's refusal is a message, not a crash
        raise ExportError(f"{path}: {exc}") from exc


def _suggestion(session: Session, suffix: str) -> str:
    stem = session.path.stem if session.path is not None else (
        session.display_name or "annotations")
    folder = session.path.parent if session.path is not None else Path(
        str(QSettings().value("lastDir", "")) or ".")
    return str(folder / f"{stem}{suffix}")


def build_export_menu(parent: QWidget, session: Session,
                      report: Callable[[str], None],
                      error: Callable[[str], None]) -> QMenu:
    """A File > Export submenu; `report` gets success messages, `error` failures."""
    menu = QMenu("&Export", parent)
    menu.setToolTipsVisible(True)

    def run(name: str, suffix: str, description: str) -> None:
        if session.project is None:
            error("Open a pair of articles first.")
            return
        path = claim_dialogs.ask_export_path(parent, f"Export {description}",
                                             _suggestion(session, suffix), suffix, description)
        if not path:
            return
        try:
            written = export_to(session, name, path)
        except ExportError as exc:
            error(str(exc))
            return
        report("Exported " + ", ".join(p.name for p in written))

    for name, suffix, description in formats():
        action = menu.addAction(f"{description} (*{suffix})…")
        action.setObjectName(f"export_{name}")
        action.triggered.connect(lambda _c=False, n=name, s=suffix, d=description: run(n, s, d))
    def enable() -> None:
        for action in menu.actions():
            action.setEnabled(session.project is not None)

    menu.aboutToShow.connect(enable)
    return menu
