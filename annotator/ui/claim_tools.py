"""Claim work wired into the main window: docks, actions and keys, clicks, context menu.

One object joins the claim widgets (panel, editor, palette, pane highlights, gutter curves)
to the window and turns keys and clicks into claim operations. Keyboard scheme: a claim
type's key (1-6 by default) tags the selection; M marks the current claim as the source of a
link and Shift+relation key links it to the current claim; J jumps to a partner; Alt+Right /
Alt+Left step through claims, Alt+Shift+Right / Alt+Shift+Left through unlinked claims, T /
Shift+T through aligned passages nobody has tagged yet; Shift+Del deletes the claim; F2
edits it.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QSettings, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QDockWidget, QLabel, QMenu, QWidget

from annotator.core import Claim, Project, ProjectFileError, read_taxonomy

from . import claim_dialogs, dialogs
from . import claim_ops as ops
from . import claim_queries as q
from .claim_bands import ClaimLinkOverlay
from .claim_editor import ClaimEditor
from .claim_highlights import ClaimHighlighter, doc_id
from .claim_mouse import ClaimMouse
from .claim_navigation import ClaimNavigation
from .claim_panel import ClaimPanel
from .commands import CLAIM
from .taxonomy_palette import TaxonomyPalette, relation_key
from .text_pane import TextPane

if TYPE_CHECKING:
    from .main_window import MainWindow


class ClaimTools(ClaimNavigation, QObject):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.session = window.session
        self.view = window.view
        self.panes: dict[str, TextPane] = {"A": self.view.pane_a, "B": self.view.pane_b}
        self.marked = ""
        self._jump: tuple[str, int] | None = None  # (origin claim, partner index)
        self.highlighter = ClaimHighlighter(self.session, self.panes)
        self.bands = ClaimLinkOverlay(self.session, self.view.gutter, self.view.pane_a,
                                      self.view.pane_b)
        self.panel = ClaimPanel(self.session)
        self.editor = ClaimEditor(self.session, self.selection_in)
        self.palette = TaxonomyPalette(self.session)
        self.marked_label = QLabel()
        self.marked_label.setAccessibleName("Marked claim")
        self.counts_label = QLabel()
        self.counts_label.setAccessibleName("Claim counts")
        window.statusBar().addPermanentWidget(self.marked_label)
        window.statusBar().addPermanentWidget(self.counts_label)
        self.actions: dict[str, QAction] = {}
        self.taxonomy_actions: list[QAction] = []
        self.bound_keys: dict[str, str] = {}
        self.key_clashes: list[str] = []
        self.menu = QMenu("&Claims", window)
        self._build_docks()
        self._build_actions()
        self._connect()
        self.refresh_taxonomy()

    # --- construction ----------------------------------------------------------------------
    def _dock(self, title: str, name: str, widget: QWidget,
              area: Qt.DockWidgetArea) -> QDockWidget:
        dock = QDockWidget(title, self.window)
        dock.setObjectName(name)
        dock.setWidget(widget)
        dock.setFeatures(QDockWidget.DockWidgetFeature.DockWidgetMovable
                         | QDockWidget.DockWidgetFeature.DockWidgetClosable)
        self.window.addDockWidget(area, dock)
        self.window.view_menu.addAction(dock.toggleViewAction())
        return dock

    def _build_docks(self) -> None:
        right = Qt.DockWidgetArea.RightDockWidgetArea
        self.window.setCorner(Qt.Corner.BottomRightCorner, right)  # editor gets full height
        self.palette_dock = self._dock("Claim Types", "claimTypesDock", self.palette, right)
        self.editor_dock = self._dock("Claim", "claimDock", self.editor, right)
        self.panel_dock = self._dock("Claims", "claimsDock", self.panel,
                                     Qt.DockWidgetArea.BottomDockWidgetArea)
        self.window.resizeDocks([self.palette_dock, self.editor_dock], [330, 470],
                                Qt.Orientation.Vertical)
        self.window.resizeDocks([self.editor_dock], [340], Qt.Orientation.Horizontal)
        links_dock = getattr(self.window, "links_dock", None)
        if isinstance(links_dock, QDockWidget):
            self.window.tabifyDockWidget(links_dock, self.panel_dock)
            self.panel_dock.raise_()

    def _action(self, name: str, text: str, slot: Callable[[], object],
                shortcut: str = "", tip: str = "") -> QAction:
        action = QAction(text, self.window)
        if shortcut:
            action.setShortcut(QKeySequence(shortcut))
        label = text.replace("&", "").rstrip("…")
        action.setToolTip(f"{tip or label}" + (f" ({shortcut})" if shortcut else ""))
        action.setStatusTip(tip or label)
        action.triggered.connect(lambda _checked=False: self._guard(slot))
        self.window.addAction(action)
        self.actions[name] = action
        return action

    def _build_actions(self) -> None:
        a = self._action
        a("mark", "&Mark as Link Source", self.mark_current, "M",
          "Mark the current claim; then select a claim in the other article and press "
          "Shift+relation key to link them")
        a("jump", "&Jump to Partner", self.jump_to_partner, "J",
          "Go to the claim linked to this one (again: the next partner)")
        a("next_claim", "&Next Claim", lambda: self.step_claim(1), "Alt+Right")
        a("prev_claim", "&Previous Claim", lambda: self.step_claim(-1), "Alt+Left")
        a("next_unlinked", "Next &Unlinked Claim", lambda: self.step_unlinked(1),
          "Alt+Shift+Right")
        a("prev_unlinked", "Previous Unlinked Claim", lambda: self.step_unlinked(-1),
          "Alt+Shift+Left")
        a("next_untagged", "Next Un&tagged Aligned Passage", lambda: self.step_untagged(1), "T",
          "Jump to the next aligned passage of the focused article with no claim in it")
        a("prev_untagged", "Previous Untagged Aligned Passage", lambda: self.step_untagged(-1),
          "Shift+T")
        a("edit", "&Edit Claim", self.edit_current, "F2", "Go to the claim editor")
        a("delete", "&Delete Claim", self.delete_current, "Shift+Del",
          "Delete the current claim and its links")
        a("load_taxonomy", "Load &Taxonomy…", self.load_taxonomy, "",
          "Replace the claim types and relations with those of a taxonomy file")
        self.tag_menu = QMenu("&Tag Selection As", self.window)
        self.link_menu = QMenu("&Link Marked Claim to Current As", self.window)
        self.menu.addMenu(self.tag_menu)
        self.menu.addSeparator()
        for name in ("mark",):
            self.menu.addAction(self.actions[name])
        self.menu.addMenu(self.link_menu)
        self.menu.addAction(self.actions["jump"])
        self.menu.addSeparator()
        for name in ("next_claim", "prev_claim", "next_unlinked", "prev_unlinked",
                     "next_untagged", "prev_untagged"):
            self.menu.addAction(self.actions[name])
        self.menu.addSeparator()
        self.menu.addActions([self.actions["edit"], self.actions["delete"]])
        self.menu.addSeparator()
        self.menu.addAction(self.actions["load_taxonomy"])
        bar = self.window.menuBar()
        bar.insertMenu(self.window.view_menu.menuAction(), self.menu)

    def refresh_taxonomy(self) -> None:
        """(Re)build the per-type and per-relation actions from the project's taxonomy.

        A taxonomy's key that another command already uses (or an earlier type of the same
        taxonomy) is left unbound and reported, since an ambiguous key would do nothing."""
        for action in self.taxonomy_actions:
            self.window.removeAction(action)
            action.deleteLater()
        self.actions = {k: a for k, a in self.actions.items() if a not in self.taxonomy_actions}
        self.taxonomy_actions = []
        self.bound_keys = {}
        self.tag_menu.clear()
        self.link_menu.clear()
        taken = {a.shortcut().toString(): a.text().replace("&", "")
                 for a in self.window.actions() if not a.shortcut().isEmpty()}
        clashes: list[str] = []
        project = self.session.project
        if project is not None:
            entries = [(f"tag:{ct.id}", ct.label, partial(self.tag, ct.id), ct.shortcut,
                        f"Tag the selection as {ct.label}", self.tag_menu)
                       for ct in project.taxonomy.claim_types]
            entries += [(f"link:{rel.id}", rel.label, partial(self.link_marked, rel.id),
                         relation_key(rel.shortcut),
                         f"Link the marked claim to the current one: {rel.label}",
                         self.link_menu) for rel in project.taxonomy.relations]
            for name, label, slot, key, tip, menu in entries:
                key = QKeySequence(key).toString() if key else ""
                if key and key in taken:
                    clashes.append(f"{key} ({label}; already {taken[key]})")
                    key = ""
                act = self._action(name, label, slot, key, tip)
                if key:
                    taken[key] = label
                    self.bound_keys[name] = key
                menu.addAction(act)
                self.taxonomy_actions.append(act)
        self.palette.refresh(self.bound_keys)
        self.panel.refresh_taxonomy()
        self._update_actions()
        self.key_clashes = clashes
        if clashes:
            self.say("Keys left unbound because they are taken: " + ", ".join(clashes))

    def _connect(self) -> None:
        s = self.session
        s.project_replaced.connect(self._on_project_replaced)
        s.current_changed.connect(self._on_current_changed)
        s.claims_changed.connect(lambda _ids: self._on_claims_changed())
        s.claim_links_changed.connect(lambda _ids: self._show_marked())
        self.palette.tag_requested.connect(lambda t: self._guard(lambda: self.tag(t)))
        self.palette.link_requested.connect(lambda r: self._guard(lambda: self.link_marked(r)))
        self.palette.load_requested.connect(lambda: self._guard(self.load_taxonomy))
        s.taxonomy_changed.connect(self._on_taxonomy_changed)
        self.editor.message.connect(self.say)
        self.panel.activated.connect(self._go_to_claim)
        self.editor.jump_requested.connect(lambda cid: self.session.select(CLAIM, cid))
        self.mouse = ClaimMouse(self)

    # --- helpers ---------------------------------------------------------------------------
    def say(self, message: str) -> None:
        self.window.statusBar().showMessage(message, 8000)

    def _guard(self, slot: Callable[[], object]) -> None:
        """Run a user command; a refused edit becomes a status-bar message, not a crash."""
        try:
            slot()
        except ops.ClaimEditError as exc:
            self.say(str(exc))

    def current_claim(self) -> Claim | None:
        project = self.session.project
        kind, item_id = self.session.current
        return project.claims.get(item_id) if project is not None and kind == CLAIM else None

    def _project(self) -> Project:
        if self.session.project is None:
            raise ops.ClaimEditError("Open a pair of articles first.")
        return self.session.project

    def side_of(self, claim: Claim) -> str:
        return "A" if claim.doc == self._project().doc_a.id else "B"

    def selection_in(self, side: str) -> tuple[int, int] | None:
        return self.panes[side].selected_span()

    def _target_selection(self) -> tuple[str, tuple[int, int]] | None:
        """The selection to tag: the focused pane's, else the only pane with one."""
        for side, pane in self.panes.items():
            span = pane.selected_span()
            if pane.hasFocus() and span is not None:
                return side, span
        found = [(side, span) for side, pane in self.panes.items()
                 if (span := pane.selected_span()) is not None]
        return found[0] if len(found) == 1 else None

    # --- commands ----------------------------------------------------------------------------
    def tag(self, type_id: str) -> str:
        target = self._target_selection()
        if target is None:
            raise ops.ClaimEditError("Select the claim's text in one article, then press "
                                     "its type's key.")
        side, (start, end) = target
        claim_id = ops.add_claim(self.session, doc_id(self._project(), side), start, end,
                                 type_id)
        self.panes[side].clear_selection()
        self.say(f"Tagged {claim_id}. M marks it for linking; F2 edits it.")
        return claim_id

    def mark_current(self) -> None:
        claim = self.current_claim()
        if claim is None:
            raise ops.ClaimEditError("Select a claim first (click it, or Alt+Right).")
        self.marked = claim.id
        self._show_marked()
        other = "B" if self.side_of(claim) == "A" else "A"
        self.say(f"{claim.id} marked. Select its partner in {other} and press Shift+relation "
                 "key (Shift+S same claim, Shift+P paraphrased…).")

    def link_marked(self, relation: str) -> str:
        claim = self.current_claim()
        project = self._project()
        if not self.marked or self.marked not in project.claims:
            raise ops.ClaimEditError("Mark a claim first (M), then select its partner.")
        if claim is None:
            raise ops.ClaimEditError("Select the partner claim in the other article.")
        link_id = ops.link_claims(self.session, self.marked, claim.id, relation)
        self.say(f"Linked {self.marked} → {claim.id}: "
                 f"{ops.relation_label(project.taxonomy, relation)}.")
        return link_id

    def edit_current(self) -> None:
        if self.current_claim() is None:
            raise ops.ClaimEditError("Select a claim first.")
        self.editor_dock.show()
        self.editor_dock.raise_()
        self.editor.type_combo.setFocus()

    def load_taxonomy(self) -> None:
        """Claims > Load Taxonomy: ask for a taxonomy file and make it the project's."""
        self._project()
        path = claim_dialogs.ask_taxonomy(self.window, str(QSettings().value("lastDir", "")))
        if path:
            self.load_taxonomy_from(path)

    def load_taxonomy_from(self, path: str | Path) -> bool:
        try:
            taxonomy = read_taxonomy(path)
        except ProjectFileError as exc:
            dialogs.show_error(self.window, "Cannot load the taxonomy", str(exc))
            return False
        lacking = ops.set_taxonomy(self.session, taxonomy)
        note = (f" {len(lacking)} claim(s) or link(s) use a type or relation it lacks: "
                + ", ".join(lacking[:8]) + ("…" if len(lacking) > 8 else "")) if lacking else ""
        self.say(f"Taxonomy {taxonomy.name} loaded (Ctrl+Z restores the previous one).{note}")
        return True

    def delete_current(self) -> None:
        claim = self.current_claim()
        if claim is None:
            raise ops.ClaimEditError("Select a claim first.")
        ops.remove_claim(self.session, claim.id)
        self.say(f"Deleted {claim.id} (Ctrl+Z brings it back).")

    # --- reacting to the session -------------------------------------------------------------
    def _on_project_replaced(self) -> None:
        self.marked = ""
        self._jump = None
        self._show_marked()
        if self.session.long_pair:  # a turn of its own: 15-30 ms off opening's stall
            self.session.turns.defer("taxonomy", self.refresh_taxonomy)
        else:
            self.refresh_taxonomy()

    def _on_taxonomy_changed(self) -> None:
        self.refresh_taxonomy()
        self.highlighter.render()
        self.editor.load()
        self.bands.update()

    def _on_claims_changed(self) -> None:
        project = self.session.project
        if self.marked and (project is None or self.marked not in project.claims):
            self.marked = ""
        self._show_marked()
        self._update_actions()

    def _show_marked(self) -> None:
        self.marked_label.setText(f"Linking from {self.marked}" if self.marked else "")
        project = self.session.project
        if project is None:
            self.counts_label.setText("")
            return
        in_a = sum(1 for c in project.claims.values() if c.doc == project.doc_a.id)
        self.counts_label.setText(f"Claims: {in_a} in A · {len(project.claims) - in_a} in B · "
                                  f"{len(project.claim_links)} claim links")

    def _update_actions(self) -> None:
        has_claim = self.current_claim() is not None
        has_project = self.session.project is not None
        for name in ("mark", "jump", "edit", "delete"):
            self.actions[name].setEnabled(has_claim)
        for name in ("next_claim", "prev_claim", "next_unlinked", "prev_unlinked",
                     "next_untagged", "prev_untagged"):
            self.actions[name].setEnabled(has_project)

    def _on_current_changed(self, kind: str, item_id: str) -> None:
        self._jump = None if kind != CLAIM else self._jump
        self._update_actions()
        claim = self.current_claim()
        if claim is None:
            return
        side = self.side_of(claim)
        others = q.partners(self._project(), claim.id)
        with self.view.sync.suspended():
            self.panes[side].center_on(claim.start, claim.end)
            if others:
                self.panes["B" if side == "A" else "A"].center_on(others[0].start, others[0].end)
        self.window.statusBar().showMessage(
            f"{claim.id}: {ops.type_label(self._project().taxonomy, claim.type)}"
            f" — {len(others)} linked claim{'s' if len(others) != 1 else ''}", 6000)
