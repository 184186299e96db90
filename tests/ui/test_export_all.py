"""File > Export > Export All Formats, and the CSV-for-Excel (BOM) option."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
from PySide6.QtWidgets import QMenu

from annotator.core import edits, read_project
from annotator.core.export import EXPORTERS
from annotator.ui import dialogs, export_menu
from annotator.ui.main_window import MainWindow


def _export_menu(window: MainWindow) -> QMenu:
    file_menu = next(a.menu() for a in window.menuBar().actions() if a.text() == "&File")
    assert isinstance(file_menu, QMenu)
    menu = next(a.menu() for a in file_menu.actions() if a.text() == "&Export")
    assert isinstance(menu, QMenu)
    return menu


def test_export_all_writes_every_format_and_csv_can_carry_a_bom(
        sample_window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    window = sample_window
    project = window.session.project
    assert project is not None
    window.session.edit(edits.add_claim, "A", 0, 20, "quote")
    menu = _export_menu(window)
    actions = {a.objectName(): a for a in menu.actions()}
    monkeypatch.setattr(dialogs, "ask_folder", lambda *_a: str(tmp_path))
    actions["export_all"].trigger()
    names = sorted(p.name for p in tmp_path.iterdir())
    stem = window.session.display_name
    for exporter in EXPORTERS.values():
        assert f"{stem}{exporter.suffix}" in names
    assert read_project(tmp_path / f"{stem}.xml").claims == project.claims
    plain = (tmp_path / f"{stem}.claims.csv").read_bytes()
    assert not plain.startswith(export_menu.UTF8_BOM)
    assert "Exported" in window.statusBar().currentMessage()

    actions["export_csv_bom"].setChecked(True)  # remembered for the next exports
    target = tmp_path / "excel"
    target.mkdir()
    monkeypatch.setattr(dialogs, "ask_folder", lambda *_a: str(target))
    actions["export_all"].trigger()
    data = (target / f"{stem}.claims.csv").read_bytes()
    assert data.startswith(export_menu.UTF8_BOM)
    with (target / f"{stem}.claims.csv").open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.reader(handle))
    assert rows[0][0] == "claim_id" or not rows[0][0].startswith("\ufeff")
    assert len(rows) == 1 + len(project.claims)
    assert not (target / f"{stem}.html").read_bytes().startswith(export_menu.UTF8_BOM)
