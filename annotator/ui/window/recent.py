"""The recent-projects list, kept in QSettings (tests point QSettings at a temporary path)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QMenu

KEY = "recentProjects"
LIMIT = 10


def recent_projects() -> list[str]:
    """Most recent first; files that no longer exist are dropped."""
    value = QSettings().value(KEY, [])
    items = [value] if isinstance(value, str) else list(value) if isinstance(value, list) else []
    return [str(p) for p in items if Path(str(p)).is_file()][:LIMIT]


def remember_project(path: str | Path) -> list[str]:
    path = str(Path(path).resolve())
    items = [path, *(p for p in recent_projects() if p != path)][:LIMIT]
    settings = QSettings()
    settings.setValue(KEY, items)
    settings.sync()
    return items


def fill_recent_menu(menu: QMenu, open_project: Callable[[str], object]) -> None:
    """File > Open Recent, filled as it opens: one entry per project, newest first."""
    menu.clear()
    items = recent_projects()
    for path in items:
        act = menu.addAction(Path(path).name)
        act.setToolTip(path)
        act.triggered.connect(lambda _c=False, p=path: open_project(p))
    if not items:
        menu.addAction("No recent projects").setEnabled(False)
