"""The main window: actions, menus, toolbar, docks, status bar, file dialogs. Wiring only.

Every action calls a session operation or asks the comparison view to show something; no
model logic lives here.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QSettings, Qt, QTimer
from PySide6.QtGui import (
    QAction,
    QCloseEvent,
    QDragEnterEvent,
    QDropEvent,
    QKeySequence,
    QResizeEvent,
)
from PySide6.QtWidgets import QApplication, QMainWindow, QMenu, QWidget

from annotator import __version__
from annotator.core import DocumentLoadError, LinkStatus, ProjectFileError
from annotator.core.edits import CLAIM
from annotator.core.queries.overlaps import overlaps

from . import dialogs
from .assist.controller import AssistController, place_assist_tools
from .autosave import Autosaver
from .claims.controller import ClaimController
from .export_menu import build_export_menu
from .import_menu import build_import_menu
from .links.link_list import LinkList
from .links.review import LinkReview, add_link_edit_actions
from .links.status_area import StatusArea
from .links.suggestions import SuggestionTools
from .links.threshold import ThresholdControl
from .open_articles import read_articles
from .replace_text import ReplaceText
from .session import Session
from .theme import add_theme_menu, choose_theme
from .view.actions import add_view_actions
from .view.comparison_view import ComparisonView
from .window.actions import Shortcut, guard_editor_fields, make_action
from .window.docks import SideDocks, add_dock, restore_layout, save_layout, scrolling
from .window.launch import launch
from .window.link_message import LinkMessage
from .window.recent import fill_recent_menu, remember_project
from .window.title import window_title
from .window.toolbar import build_toolbar

APP_NAME = "Annotator"


class MainWindow(QMainWindow):
    def __init__(self, session: Session | None = None) -> None:
        super().__init__()
        self.session = session or Session(self)
        self.view = ComparisonView(self.session)
        self.review = LinkReview(self.session, self.view, self.say,
                                 lambda: self.claims.actions["delete"].trigger())
        self.setCentralWidget(self.view)
        self.setAcceptDrops(True)
        self.setWindowTitle(APP_NAME)
        self.resize(1360, 820)
        self.actions_by_name: dict[str, QAction] = {}
        app = QApplication.instance()
        if app is not None:
            guard_editor_fields(app)
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
        s.notice.connect(lambda msg: self.say(msg, 10000))
        self.threshold.threshold_requested.connect(s.realign_if_changed)
        self.threshold.done.connect(lambda: self.view.pane_a.setFocus())  # A, R, L work again
        self.claims = ClaimController(self.session, self.view, self)
        self._place_claim_tools()
        self.assist = AssistController(self.session, self.view, self.claims.panel, self)
        self.flags_dock = place_assist_tools(self, self.assist)
        self.suggestions = SuggestionTools(self)  # suggested partners: dock, ghosts, Alt+1..3
        self.autosaver = Autosaver(self.session)
        self.autosaver.failed.connect(lambda msg: self.statusBar().showMessage(msg, 10000))
        self._on_project_replaced()
        restore_layout(self)
        self.side_docks.after_restore()

    # --- construction ------------------------------------------------------------------
    def _action(self, name: str, text: str, slot: Callable[[], object],
                shortcut: Shortcut | None = None, tip: str = "",
                checkable: bool = False) -> QAction:
        action = make_action(self, text, slot, shortcut, tip, checkable)
        self.actions_by_name[name] = action
        return action

    def _build_actions(self) -> None:
        a, s = self._action, self.session
        a("open_pair", "&Open Pair…", self.open_pair_dialog, QKeySequence.StandardKey.Open,
          "Open two articles to compare")
        a("open_url", "Open &URL…", self.open_url_dialog, "Ctrl+Shift+U",
          "Open two articles from web addresses (or files)")
        a("open_project", "Open &Project…", self.open_project_dialog, "Ctrl+Shift+O")
        a("save", "&Save", self.save, QKeySequence.StandardKey.Save, "Save the project")
        a("save_as", "Save &As…", self.save_as, "Ctrl+Shift+S")
        a("quit", "&Quit", self.close, QKeySequence.StandardKey.Quit)
        self.replace_text = ReplaceText(s, self.view, self, self.say, self.actions_by_name)
        undo = s.undo_stack.createUndoAction(self, "&Undo")
        undo.setShortcut(QKeySequence("Ctrl+Z"))
        redo = s.undo_stack.createRedoAction(self, "&Redo")
        redo.setShortcuts([QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")])
        for name, action in (("undo", undo), ("redo", redo)):
            self.addAction(action)
            self.actions_by_name[name] = action
        a("next_link", "&Next Link", lambda: s.step_link(1), "Alt+Down")
        a("prev_link", "&Previous Link", lambda: s.step_link(-1), "Alt+Up")
        step = self.review.step_unmatched
        a("next_unmatched", "Next &Unmatched Passage", lambda: step(1), "U",
          "Jump to the next passage without a partner still to review (skips reviewed ones)")
        a("prev_unmatched", "Previous Unmatched Passage", lambda: step(-1), "Shift+U")
        a("accept", "&Accept and Next", lambda: s.decide_and_advance(LinkStatus.ACCEPTED), "A",
          "Accept the selected link and go to the next one to review")
        a("reject", "&Reject and Next", lambda: s.decide_and_advance(LinkStatus.REJECTED), "R",
          "Reject the selected link and go to the next one to review")
        a("link_selection", "&Link Selections", self.review.link_selections, "L",
          "Link the text selected in A with the text selected in B")
        a("remove_link", "Re&move Link", self.review.remove_current,
          QKeySequence.StandardKey.Delete, "Delete the selected link or claim")
        a("realign", "Re-&align", lambda: s.realign(self.threshold.value()), "F5",
          "Run the aligner again (accepted, manual and rejected links are kept)")
        a("cancel_align", "&Cancel Alignment", s.cancel_alignment, "Esc")
        sync = a("sync_scroll", "&Synchronized Scrolling", lambda: None, "Ctrl+K",
                 "Keep aligned passages level while scrolling", checkable=True)
        sync.setChecked(True)
        sync.toggled.connect(self.view.sync.set_enabled)
        add_view_actions(a, self.view)  # find and zoom

    def _build_menus_and_toolbar(self) -> None:
        acts = self.actions_by_name
        menu = self.menuBar()
        file_menu = menu.addMenu("&File")
        file_menu.addActions([acts["open_pair"], acts["open_url"], acts["open_project"]])
        self.recent_menu = QMenu("Open &Recent", self)
        self.recent_menu.aboutToShow.connect(
            lambda: fill_recent_menu(self.recent_menu, self.open_project))
        file_menu.addMenu(self.recent_menu)
        file_menu.addSeparator()
        file_menu.addActions([acts["save"], acts["save_as"]])
        file_menu.addMenu(self.replace_text.menu)
        file_menu.addMenu(build_export_menu(
            self, self.session, lambda msg: self.statusBar().showMessage(msg, 6000),
            lambda msg: dialogs.show_error(self, "Cannot export", msg)))
        file_menu.addMenu(build_import_menu(
            self, self.session, lambda msg: dialogs.show_info(self, "Claims imported", msg),
            lambda msg: dialogs.show_error(self, "Cannot import", msg)))
        file_menu.addSeparator()
        file_menu.addAction(acts["quit"])
        edit = menu.addMenu("&Edit")
        edit.addActions([acts["undo"], acts["redo"]])
        edit.addSeparator()
        edit.addActions([acts["find"], acts["find_next"], acts["find_prev"]])
        links = menu.addMenu("&Links")
        links.addActions([acts["next_link"], acts["prev_link"], acts["next_unmatched"],
                          acts["prev_unmatched"]])
        links.addSeparator()
        links.addActions([acts["accept"], acts["reject"], acts["link_selection"],
                          acts["remove_link"]])
        links.addSeparator()
        links.addActions([acts["realign"], acts["cancel_align"]])
        links.addSeparator()
        links.addActions(add_link_edit_actions(self._action, self.review))
        view = menu.addMenu("&View")
        view.addAction(acts["sync_scroll"])
        view.addSeparator()
        view.addActions([acts["zoom_in"], acts["zoom_out"], acts["zoom_reset"]])
        add_theme_menu(view, self.set_theme)
        self.view_menu = view
        help_menu = menu.addMenu("&Help")
        help_menu.addAction("&Keyboard Shortcuts", self.show_shortcuts)
        help_menu.addAction("&About Annotator", lambda: dialogs.show_about(self, __version__))

        self.threshold = ThresholdControl()
        bar = build_toolbar(acts, self.threshold)
        self.addToolBar(bar)
        self.toolbar = bar

    def _build_dock(self) -> None:
        self.link_list = LinkList(self.session, self.review)
        self.links_dock = add_dock(self, "Links", "linksDock", self.link_list,
                                   Qt.DockWidgetArea.BottomDockWidgetArea, self.view_menu)
        self.resizeDocks([self.links_dock], [190], Qt.Orientation.Vertical)

    def _place_claim_tools(self) -> None:
        """The claim controller's widgets in docks, its menu before View, its labels."""
        claims, right = self.claims, Qt.DockWidgetArea.RightDockWidgetArea
        self.setCorner(Qt.Corner.BottomRightCorner, right)  # the editor gets full height
        menu = self.view_menu
        self.palette_dock = add_dock(self, "Claim Types", "claimTypesDock",
                                     scrolling(claims.palette), right, menu)
        self.editor_dock = add_dock(self, "Claim", "claimDock", claims.editor, right, menu)
        self.panel_dock = add_dock(self, "Claims", "claimsDock", claims.panel,
                                   Qt.DockWidgetArea.BottomDockWidgetArea, menu)
        self.tabifyDockWidget(self.links_dock, self.panel_dock)
        self.side_docks = SideDocks(self, [self.palette_dock, self.editor_dock], self.links_dock)
        self.side_docks.fit()
        self.menuBar().insertMenu(self.view_menu.menuAction(), claims.menu)
        self.status_area.add_counters(claims.status_widgets, yielding=(claims.counts_label,))

    # --- the claim controller's host ---------------------------------------------------------
    def action_owner(self) -> QWidget:
        return self

    def say(self, message: str, msecs: int = 8000) -> None:
        self.statusBar().showMessage(message, msecs)

    def reveal_claim_editor(self) -> None:
        self.editor_dock.show()
        self.editor_dock.raise_()

    def _build_status_bar(self) -> None:
        self.status_area = area = StatusArea(self.session, self)  # + short names:
        self.counts_label, self.coverage_label = area.counts_label, area.coverage_label
        self.progress, self.cancel_button = area.progress, area.cancel_button
        self.link_message = LinkMessage(self.session, self.statusBar())

    # --- rendering ------------------------------------------------------------------------
    def _on_project_replaced(self) -> None:
        self.links_dock.raise_()  # a new pair starts with its links
        self.threshold.set_value(self.session.settings.threshold)
        self._update_title()
        self._update_actions()

    def _update_title(self) -> None:
        self.setWindowTitle(window_title(self.session, APP_NAME))
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
        self.link_message.update()

    def _on_alignment_running(self, running: bool) -> None:
        self.actions_by_name["cancel_align"].setEnabled(running)
        self._update_actions()

    # --- file operations ---------------------------------------------------------------
    def open_pair(self, path_a: str | Path, path_b: str | Path) -> bool:
        """Read two articles (files or URLs) off the UI thread, show what was extracted from
        anything but plain text, then open them; on any failure what was open stays open."""
        if not self.maybe_save():
            return False
        sources = [str(path_a), str(path_b)]
        found = read_articles(self, sources)
        if found is None:
            return False
        try:
            self.session.open_extracted(found[0], sources[0], found[1], sources[1])
        except DocumentLoadError as exc:
            dialogs.show_error(self, "Cannot open the articles", str(exc))
            return False
        return True

    def open_url_dialog(self) -> None:
        sources = dialogs.ask_sources(self, str(QSettings().value("lastDir", "")))
        if sources is not None:
            self.open_pair(*sources)

    def open_project(self, path: str | Path) -> bool:
        if not self.maybe_save():
            return False
        try:
            self.session.open_project(path)
        except ProjectFileError as exc:
            dialogs.show_error(self, "Cannot open the project", str(exc))
            return False
        remember_project(path)
        project = self.session.project
        found = overlaps(project.links.values()) if project is not None else []
        if found:
            self.say(f"{found[0].describe()}{f' (and {len(found) - 1} more)' if found[1:] else ''}"
                     ": `annotator validate` lists them.", 15000)
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

    # --- other slots ---------------------------------------------------------------------
    def show_shortcuts(self) -> None:
        dialogs.show_shortcuts(self, [*self.actions_by_name.values(),
                                      *self.claims.actions.values(),
                                      *self.assist.actions.values(),
                                      *self.suggestions.actions.values()])

    def set_theme(self, scheme: str) -> None:
        choose_theme(scheme)

    # --- drag and drop, closing -----------------------------------------------------------
    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if event.mimeData().hasUrls():
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        # files, and web addresses dragged from a browser's address bar or a link
        paths = [u.toLocalFile() if u.isLocalFile() else u.toString()
                 for u in event.mimeData().urls()
                 if u.isLocalFile() or u.scheme() in ("http", "https")]
        event.acceptProposedAction()
        # open after the drop returns, so a message box never runs inside the drag loop
        QTimer.singleShot(0, lambda: self.open_paths(paths))

    def start(self, paths: list[str]) -> None:
        """At launch: recovery first, then `paths` (see launch.py)."""
        self.companion = launch(self, paths, type(self))

    def open_paths(self, paths: list[str]) -> bool:
        """Open what the user handed us: one project XML, or two articles (A then B)."""
        if len(paths) == 1 and Path(paths[0]).suffix.lower() == ".xml":
            return self.open_project(paths[0])
        if len(paths) == 2:
            return self.open_pair(paths[0], paths[1])
        dialogs.show_error(self, "Cannot open", "Drop two articles (files or web addresses; "
                           "A, then B) or one project .xml file.")
        return False

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if hasattr(self, "side_docks"):  # not while the window is still being built
            self.side_docks.fit()

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.maybe_save():
            save_layout(self)
            self.session.shutdown()
            self.autosaver.close()  # a clean exit leaves nothing to recover
            event.accept()
        else:
            event.ignore()
