"""The main window: actions, menus, toolbar, docks, status bar, file dialogs. Wiring only.

Every action calls a session operation or asks the comparison view to show something; no
model logic lives here.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QByteArray, QSettings, Qt, QTimer
from PySide6.QtGui import (
    QAction,
    QActionGroup,
    QCloseEvent,
    QDragEnterEvent,
    QDropEvent,
    QKeySequence,
)
from PySide6.QtWidgets import (
    QApplication,
    QDockWidget,
    QMainWindow,
    QMenu,
    QToolBar,
)

from annotator.core import DocumentLoadError, LinkStatus, ProjectFileError

from . import dialogs
from .autosave import Autosaver, install_emergency_autosave
from .claim_tools import ClaimTools
from .commands import CLAIM
from .comparison_view import ComparisonView
from .export_menu import build_export_menu
from .link_list import LinkList
from .recent import recent_projects, remember_project
from .session import Session
from .status_area import StatusArea
from .theme import apply_theme
from .threshold import ThresholdControl

APP_NAME = "Annotator"
Shortcut = QKeySequence | QKeySequence.StandardKey | str
TEXT_SUFFIXES = {".txt", ".text", ".md", ".markdown"}


class MainWindow(QMainWindow):
    def __init__(self, session: Session | None = None) -> None:
        super().__init__()
        self.session = session or Session(self)
        self.view = ComparisonView(self.session)
        self.setCentralWidget(self.view)
        self.setAcceptDrops(True)
        self.setWindowTitle(APP_NAME)
        self.resize(1360, 820)
        self.actions_by_name: dict[str, QAction] = {}
        self._build_actions()
        self._build_menus_and_toolbar()
        self._build_dock()
        self._build_status_bar()
        s = self.session
        s.file_state_changed.connect(self._update_title)
        s.project_replaced.connect(self._on_project_replaced)
        s.links_changed.connect(self._update_actions)
        s.settings_changed.connect(lambda: self.threshold.set_value(s.settings.threshold))
        s.current_changed.connect(self._update_actions)
        s.alignment_running.connect(self._on_alignment_running)
        s.alignment_failed.connect(
            lambda msg: dialogs.show_error(self, "Alignment failed", msg))
        self.threshold.threshold_requested.connect(self._on_threshold_requested)
        self.claims = ClaimTools(self)  # claim docks, keys, highlights and curves
        self.autosaver = Autosaver(self.session)
        self.autosaver.failed.connect(lambda msg: self.statusBar().showMessage(msg, 10000))
        self._on_project_replaced()
        self._restore_layout()

    # --- construction ------------------------------------------------------------------
    def _action(self, name: str, text: str, slot: Callable[[], object],
                shortcut: Shortcut | None = None, tip: str = "",
                checkable: bool = False) -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        action.setToolTip(f"{tip or text.replace('&', '').rstrip('…')}"
                          + (f" ({action.shortcut().toString()})" if shortcut else ""))
        action.setStatusTip(tip or text.replace("&", ""))
        action.setCheckable(checkable)
        action.triggered.connect(lambda _checked=False: slot())
        self.addAction(action)  # shortcuts work wherever the focus is in the window
        self.actions_by_name[name] = action
        return action

    def _build_actions(self) -> None:
        a, s = self._action, self.session
        a("open_pair", "&Open Pair…", self.open_pair_dialog, QKeySequence.StandardKey.Open,
          "Open two articles to compare")
        a("open_project", "Open &Project…", self.open_project_dialog, "Ctrl+Shift+O")
        a("save", "&Save", self.save, QKeySequence.StandardKey.Save, "Save the project")
        a("save_as", "Save &As…", self.save_as, "Ctrl+Shift+S")
        a("quit", "&Quit", self.close, QKeySequence.StandardKey.Quit)
        undo = s.undo_stack.createUndoAction(self, "&Undo")
        undo.setShortcut(QKeySequence("Ctrl+Z"))
        redo = s.undo_stack.createRedoAction(self, "&Redo")
        redo.setShortcuts([QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")])
        for name, action in (("undo", undo), ("redo", redo)):
            self.addAction(action)
            self.actions_by_name[name] = action
        a("next_link", "&Next Link", lambda: s.step_link(1), "Alt+Down")
        a("prev_link", "&Previous Link", lambda: s.step_link(-1), "Alt+Up")
        a("next_unmatched", "Next &Unmatched Passage", lambda: self.step_unmatched(1), "U",
          "Jump to the next passage without a partner")
        a("prev_unmatched", "Previous Unmatched Passage", lambda: self.step_unmatched(-1),
          "Shift+U")
        a("accept", "&Accept and Next", lambda: s.decide_and_advance(LinkStatus.ACCEPTED), "A",
          "Accept the selected link and go to the next one to review")
        a("reject", "&Reject and Next", lambda: s.decide_and_advance(LinkStatus.REJECTED), "R",
          "Reject the selected link and go to the next one to review")
        a("link_selection", "&Link Selections", self.link_selections, "L",
          "Link the text selected in A with the text selected in B")
        a("remove_link", "Re&move Link", self.remove_current_link, QKeySequence.StandardKey.Delete,
          "Delete the selected link or claim")
        a("realign", "Re-&align", lambda: s.realign(self.threshold.value()), "F5",
          "Run the aligner again (accepted, manual and rejected links are kept)")
        a("cancel_align", "&Cancel Alignment", s.cancel_alignment, "Esc")
        sync = a("sync_scroll", "&Synchronized Scrolling", lambda: None, "Ctrl+K",
                 "Keep aligned passages level while scrolling", checkable=True)
        sync.setChecked(True)
        sync.toggled.connect(self._on_sync_toggled)

    def _build_menus_and_toolbar(self) -> None:
        acts = self.actions_by_name
        menu = self.menuBar()
        file_menu = menu.addMenu("&File")
        file_menu.addActions([acts["open_pair"], acts["open_project"]])
        self.recent_menu = QMenu("Open &Recent", self)
        self.recent_menu.aboutToShow.connect(self._fill_recent_menu)
        file_menu.addMenu(self.recent_menu)
        file_menu.addSeparator()
        file_menu.addActions([acts["save"], acts["save_as"]])
        file_menu.addMenu(build_export_menu(
            self, self.session, lambda msg: self.statusBar().showMessage(msg, 6000),
            lambda msg: dialogs.show_error(self, "Cannot export", msg)))
        file_menu.addSeparator()
        file_menu.addAction(acts["quit"])
        edit = menu.addMenu("&Edit")
        edit.addActions([acts["undo"], acts["redo"]])
        links = menu.addMenu("&Links")
        links.addActions([acts["next_link"], acts["prev_link"], acts["next_unmatched"],
                          acts["prev_unmatched"]])
        links.addSeparator()
        links.addActions([acts["accept"], acts["reject"], acts["link_selection"],
                          acts["remove_link"]])
        links.addSeparator()
        links.addActions([acts["realign"], acts["cancel_align"]])
        view = menu.addMenu("&View")
        view.addAction(acts["sync_scroll"])
        theme_menu = view.addMenu("&Theme")
        group = QActionGroup(self)
        for scheme in ("auto", "light", "dark"):
            act = theme_menu.addAction({"auto": "Follow &System", "light": "&Light",
                                        "dark": "&Dark"}[scheme])
            act.setCheckable(True)
            act.setChecked(scheme == QSettings().value("theme", "auto"))
            act.triggered.connect(lambda _c=False, sc=scheme: self.set_theme(sc))
            group.addAction(act)
        self.view_menu = view
        help_menu = menu.addMenu("&Help")
        help_menu.addAction("&Keyboard Shortcuts", self.show_shortcuts)

        bar = QToolBar("Main toolbar")
        bar.setObjectName("mainToolbar")
        bar.setMovable(False)
        bar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        bar.addActions([acts["open_pair"], acts["save"]])
        bar.addSeparator()
        bar.addActions([acts["prev_link"], acts["next_link"]])
        bar.addSeparator()
        bar.addActions([acts["accept"], acts["reject"], acts["link_selection"],
                        acts["remove_link"]])
        bar.addSeparator()
        # the threshold sits before the buttons that also have menu entries and shortcuts, so
        # a narrow window folds those away first and the threshold stays reachable
        self.threshold = ThresholdControl()
        bar.addWidget(self.threshold)
        bar.addSeparator()
        bar.addActions([acts["undo"], acts["redo"]])
        bar.addSeparator()
        bar.addAction(acts["sync_scroll"])
        for name, short in (("open_pair", "Open"), ("prev_link", "◀ Prev"), ("next_link", "Next ▶"),
                            ("accept", "✓ Accept"), ("reject", "✗ Reject"),
                            ("link_selection", "Link"), ("remove_link", "Remove"),
                            ("sync_scroll", "Sync scroll"), ("undo", "Undo"), ("redo", "Redo")):
            acts[name].setIconText(short)  # what a text-only toolbar button shows
        self.addToolBar(bar)
        self.toolbar = bar

    def _build_dock(self) -> None:
        self.link_list = LinkList(self.session)
        dock = QDockWidget("Links", self)
        dock.setObjectName("linksDock")
        dock.setWidget(self.link_list)
        dock.setFeatures(QDockWidget.DockWidgetFeature.DockWidgetMovable
                         | QDockWidget.DockWidgetFeature.DockWidgetClosable)
        self.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, dock)
        self.resizeDocks([dock], [190], Qt.Orientation.Vertical)
        self.links_dock = dock
        self.view_menu.addAction(dock.toggleViewAction())

    def _build_status_bar(self) -> None:
        self.status_area = StatusArea(self.session, self.statusBar())
        area = self.status_area  # short names that tests and later panels use
        self.counts_label, self.coverage_label = area.counts_label, area.coverage_label
        self.progress, self.cancel_button = area.progress, area.cancel_button

    # --- rendering ------------------------------------------------------------------------
    def _on_project_replaced(self) -> None:
        self.threshold.set_value(self.session.settings.threshold)
        self._update_title()
        self._update_actions()

    def _update_title(self) -> None:
        name = self.session.display_name
        self.setWindowTitle(f"{name}[*] — {APP_NAME}" if name else APP_NAME)
        self.setWindowModified(self.session.modified)

    def _update_actions(self, *_args: object) -> None:
        has_project = self.session.project is not None
        has_link = self.session.current_link() is not None
        acts = self.actions_by_name
        for name in ("save", "save_as", "next_link", "prev_link", "next_unmatched",
                     "prev_unmatched", "link_selection", "realign"):
            acts[name].setEnabled(has_project)
        for name in ("accept", "reject", "remove_link"):
            acts[name].setEnabled(has_link)
        if self.session.current[0] == CLAIM:
            acts["remove_link"].setEnabled(True)
        self.threshold.setEnabled(has_project)
        link = self.session.current_link()
        if link is not None:
            self.statusBar().showMessage(
                f"Link {link.id} · score {link.score:.2f} · {link.status.value} — "
                "green: shared words, amber: changed words")

    def _on_alignment_running(self, running: bool) -> None:
        self.actions_by_name["cancel_align"].setEnabled(running)
        self._update_actions()

    # --- file operations ---------------------------------------------------------------
    def open_pair(self, path_a: str | Path, path_b: str | Path) -> bool:
        if not self.maybe_save():
            return False
        try:
            self.session.open_pair(path_a, path_b)
        except DocumentLoadError as exc:
            dialogs.show_error(self, "Cannot open the articles", str(exc))
            return False
        return True

    def open_project(self, path: str | Path) -> bool:
        if not self.maybe_save():
            return False
        try:
            self.session.open_project(path)
        except ProjectFileError as exc:
            dialogs.show_error(self, "Cannot open the project", str(exc))
            return False
        remember_project(path)
        return True

    def open_pair_dialog(self) -> None:
        pair = dialogs.ask_pair(self, str(QSettings().value("lastDir", "")))
        if pair is not None:
            QSettings().setValue("lastDir", str(Path(pair[0]).parent))
            self.open_pair(*pair)

    def open_project_dialog(self) -> None:
        path = dialogs.ask_project(self, str(QSettings().value("lastDir", "")))
        if path is not None:
            self.open_project(path)

    def save(self) -> bool:
        if self.session.project is None:
            return False
        if self.session.path is None:
            return self.save_as()
        return self._save_to(self.session.path)

    def save_as(self) -> bool:
        if self.session.project is None:
            return False
        suggestion = str(self.session.path or Path(
            str(QSettings().value("lastDir", "")), f"{self.session.display_name}.xml"))
        path = dialogs.ask_save_path(self, suggestion)
        return self._save_to(Path(path)) if path else False

    def _save_to(self, path: Path) -> bool:
        try:
            self.session.save(path)
        except (ProjectFileError, OSError) as exc:
            dialogs.show_error(self, "Cannot save the project", str(exc))
            return False
        remember_project(path)
        self.statusBar().showMessage(f"Saved {path}", 4000)
        return True

    def maybe_save(self) -> bool:
        """True when it is fine to drop the current project (saved, discarded or none)."""
        if not self.session.modified or self.session.project is None:
            return True
        answer = dialogs.ask_unsaved(self, self.session.display_name)
        if answer is dialogs.Unsaved.SAVE:
            return self.save()
        return answer is dialogs.Unsaved.DISCARD

    def _fill_recent_menu(self) -> None:
        self.recent_menu.clear()
        items = recent_projects()
        for path in items:
            act = self.recent_menu.addAction(Path(path).name)
            act.setToolTip(path)
            act.triggered.connect(lambda _c=False, p=path: self.open_project(p))
        if not items:
            self.recent_menu.addAction("No recent projects").setEnabled(False)

    # --- link actions that need the panes --------------------------------------------------
    def link_selections(self) -> None:
        span_a = self.view.pane_a.selected_span()
        span_b = self.view.pane_b.selected_span()
        if span_a is None or span_b is None:
            self.statusBar().showMessage(
                "Select a passage in A and a passage in B, then press L to link them.", 6000)
            return
        self.session.add_manual_link(span_a, span_b)
        self.view.pane_a.clear_selection()
        self.view.pane_b.clear_selection()

    def remove_current_link(self) -> None:
        if self.session.current[0] == CLAIM:  # Delete removes whatever is selected
            self.claims._guard(self.claims.delete_current)
            return
        link = self.session.current_link()
        if link is not None:
            self.session.remove_link(link.id)

    def step_unmatched(self, direction: int) -> None:
        """Next unmatched passage after the cursor of the focused pane (A by default)."""
        view = self.view
        pane = view.pane_b if view.pane_b.hasFocus() else view.pane_a
        cursor = pane.cp_pos(pane.textCursor().selectionStart() if direction < 0
                             else pane.textCursor().selectionEnd())
        found = self.session.next_unmatched(pane.side, cursor - (1 if direction > 0 else 0),
                                            direction)
        if found is None:
            self.statusBar().showMessage(f"Every passage of {pane.side} has a partner.", 4000)
            return
        self.session.select("", "")
        view.reveal_passage(pane.side, *found)
        pane.setFocus()

    def show_shortcuts(self) -> None:
        lines = [f"{act.shortcut().toString(QKeySequence.SequenceFormat.NativeText):<14}"
                 f"{act.text().replace('&', '')}"
                 for act in [*self.actions_by_name.values(), *self.claims.actions.values()]
                 if not act.shortcut().isEmpty()]
        dialogs.show_info(self, "Keyboard shortcuts", "\n".join(lines))

    # --- other slots ---------------------------------------------------------------------
    def _on_threshold_requested(self, value: float) -> None:
        if self.session.project is not None and value != self.session.settings.threshold:
            self.session.realign(value)

    def _on_sync_toggled(self, on: bool) -> None:
        self.view.sync.enabled = on
        if on:
            self.view.sync.follow("A")

    def set_theme(self, scheme: str) -> None:
        QSettings().setValue("theme", scheme)
        app = QApplication.instance()
        if isinstance(app, QApplication):
            apply_theme(app, scheme)

    # --- drag and drop, closing -----------------------------------------------------------
    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if event.mimeData().hasUrls():
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        paths = [u.toLocalFile() for u in event.mimeData().urls() if u.isLocalFile()]
        event.acceptProposedAction()
        # open after the drop returns, so a message box never runs inside the drag loop
        QTimer.singleShot(0, lambda: self.open_paths(paths))

    def start(self, paths: list[str]) -> None:
        """At launch: offer to recover a crashed session's work, else open `paths`."""
        install_emergency_autosave(self.autosaver)
        if not self.autosaver.offer(self) and paths:
            self.open_paths(paths)

    def open_paths(self, paths: list[str]) -> bool:
        """Open what the user handed us: one project XML, or two articles (A then B)."""
        if len(paths) == 1 and Path(paths[0]).suffix.lower() == ".xml":
            return self.open_project(paths[0])
        if len(paths) == 2:
            return self.open_pair(paths[0], paths[1])
        dialogs.show_error(self, "Cannot open",
                           "Drop two article files (A, then B) or one project .xml file.")
        return False

    def _restore_layout(self) -> None:
        settings = QSettings()
        geometry, state = settings.value("window/geometry"), settings.value("window/state")
        if isinstance(geometry, QByteArray):
            self.restoreGeometry(geometry)
        if isinstance(state, QByteArray):
            self.restoreState(state)

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.maybe_save():
            settings = QSettings()
            settings.setValue("window/geometry", self.saveGeometry())
            settings.setValue("window/state", self.saveState())
            self.session.shutdown()
            self.autosaver.close()  # a clean exit leaves nothing to recover
            event.accept()
        else:
            event.ignore()

