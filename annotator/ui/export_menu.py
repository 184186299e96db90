"""File > Export: the project XML (what the CLI writes) and every core exporter.

An export is a copy: it never changes the project's own file name or its saved state. The
project XML goes through core `save_project`, which validates against the shipped schema and
re-reads the bytes before an atomic replace, so an invalid file is never written; the other
formats come from the core `EXPORTERS` registry, the same list the CLI offers. CSV cells that
would run as spreadsheet formulas are neutralised unless "Keep CSV Cells Exact" is checked
(the CLI's --raw-csv).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from functools import partial
from pathlib import Path

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QMenu, QWidget

from annotator.core import Project, ProjectFileError, save_project
from annotator.core.export import EXPORTERS, ExportError, raw_csv

from . import dialogs
from .session import Session
from .worker.background import call_off_ui_thread

PROJECT_XML = "project-xml"
BOM_KEY = "export/csvBom"  # QSettings: CSVs start with a UTF-8 BOM, so Excel reads them right
UTF8_BOM = b"\xef\xbb\xbf"
RAW_CSV_SETTING = "export/rawCsv"


def raw_csv_chosen() -> bool:
    return str(QSettings().value(RAW_CSV_SETTING, "false")).lower() == "true"


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
    return call_off_ui_thread(partial(_write, project.snapshot(), name, Path(path),
                                      raw_csv_chosen(), _bom()))


def export_all(session: Session, folder: str | Path) -> list[Path]:
    """Every format at once into `folder`, named after the project; the files written."""
    project = session.project
    if project is None:
        raise ExportError("Open a pair of articles first.")
    stem = Path(_suggestion(session, "")).name
    jobs = [(name, Path(folder) / f"{stem}{suffix}") for name, suffix, _d in formats()]
    snapshot, raw, bom = project.snapshot(), raw_csv_chosen(), _bom()
    return call_off_ui_thread(lambda: [p for name, path in jobs
                                       for p in _write(snapshot, name, path, raw, bom)])


def _bom() -> bool:
    return str(QSettings().value(BOM_KEY, "false")).lower() == "true"


def _write(project: Project, name: str, path: Path, raw: bool = False,
           bom: bool = False) -> list[Path]:
    if name == PROJECT_XML:
        try:
            save_project(project, path)
        except (ProjectFileError, OSError) as exc:
            raise ExportError(f"{path}: {exc}") from exc
        return [path]
    exporter = (raw_csv(EXPORTERS) if raw else EXPORTERS).get(name)
    if exporter is None:
        raise ExportError(f"Unknown export format {name!r}.")
    if bom and exporter.media_type == "text/csv":
        render = exporter.render
        exporter = replace(exporter, render=lambda p: UTF8_BOM + render(p))
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
        path = dialogs.ask_export_path(parent, f"Export {description}",
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
    menu.addSeparator()
    every = menu.addAction("Export &All Formats to a Folder…")
    every.setObjectName("export_all")

    def run_all() -> None:
        folder = dialogs.ask_folder(parent, "Export all formats to a folder",
                                    str(Path(_suggestion(session, "")).parent))
        if folder:
            try:
                written = export_all(session, folder)
            except ExportError as exc:
                error(str(exc))
                return
            report(f"Exported {len(written)} files to {folder}")

    every.triggered.connect(lambda _c=False: run_all())
    bom = menu.addAction("CSV for &Excel (with a UTF-8 BOM)")
    bom.setObjectName("export_csv_bom")
    bom.setCheckable(True)
    bom.setChecked(_bom())
    bom.toggled.connect(lambda on: QSettings().setValue(BOM_KEY, "true" if on else "false"))
    bom.setToolTip("Excel guesses the encoding of a CSV without a BOM wrongly; pandas and R "
                   "read either")

    raw = menu.addAction("Keep CSV Cells Exact (No Formula Protection)")
    raw.setObjectName("export_raw_csv")
    raw.setCheckable(True)
    raw.setChecked(raw_csv_chosen())
    raw.setToolTip("Off: a CSV cell starting with = + - @ gets a leading ' so a spreadsheet "
                   "never runs it. On: cells exactly as in the project, for pandas or R.")
    raw.toggled.connect(lambda on: QSettings().setValue(RAW_CSV_SETTING, "true" if on else "false"))

    def enable() -> None:
        for action in menu.actions():
            if action not in (raw, bom):
                action.setEnabled(session.project is not None)

    menu.aboutToShow.connect(enable)
    return menu
