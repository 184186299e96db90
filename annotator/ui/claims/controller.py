"""The claim controller: claim widgets, actions and keys, clicks, joined to the session.

One object joins the claim widgets (panel, editor, palette, pane highlights, gutter curves)
to the session and turns keys and clicks into claim operations. It knows its host only
through `ClaimHost`; the host places the widgets (docks), the menu and the status labels.
Keyboard scheme: a claim type's key (1-6 by default) tags the selection; M marks the current
claim as the source of a link and Shift+relation key links it to the current claim; J jumps to
a partner; Alt+Right / Alt+Left step through claims, Alt+Shift+Right / Alt+Shift+Left through
unlinked claims, T / Shift+T through aligned passages nobody has tagged yet; Shift+Del deletes
the claim; F2 edits it.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import Protocol

from PySide6.QtCore import QObject, QSettings, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QLabel, QMenu, QWidget

from annotator.core import Claim, Project, ProjectFileError, edits, read_taxonomy
from annotator.core.edits import CLAIM
from annotator.core.queries import claims as q

from .. import dialogs
from ..session import Session
from ..view.comparison_view import ComparisonView
from ..view.text_pane import TextPane
from ..window.actions import make_action
from .bands import ClaimLinkOverlay
from .current import current_claim, require_project, side_of
from .editor import ClaimEditor
from .highlights import ClaimHighlighter, doc_id
from .mouse import ClaimMouse
from .navigation import ClaimNavigator
from .palette import TaxonomyPalette, relation_key
from .panel import ClaimPanel

BIG_SELECTION = 1500  # characters: a claim this long is more likely a stray Ctrl+A; asked


class ClaimHost(Protocol):
    """What the controller needs from the window that holds it."""

    def action_owner(self) -> QWidget:
        """The widget whose shortcuts are live (the claim actions are added to it)."""
        ...

    def say(self, message: str, msecs: int = 8000) -> None:
        """Show a short message (the status bar)."""
        ...

    def reveal_claim_editor(self) -> None:
        """Make the claim editor visible (its dock raised)."""
        ...


class ClaimController(QObject):
    def __init__(self, session: Session, view: ComparisonView, host: ClaimHost) -> None:
        super().__init__(host.action_owner())
        self.session = session
        self.view = view
        self.host = host
        self.owner = host.action_owner()
        self.panes: dict[str, TextPane] = {"A": view.pane_a, "B": view.pane_b}
        self.marked = ""
        self.nav = ClaimNavigator(session, view, self.say)
        self.highlighter = ClaimHighlighter(session, self.panes)
        self.bands = ClaimLinkOverlay(session, view.gutter, view.pane_a, view.pane_b)
        self.panel = ClaimPanel(session)
        self.editor = ClaimEditor(session, self.selection_in)
        self.palette = TaxonomyPalette(session)
        self.marked_label = QLabel()
        self.marked_label.setAccessibleName("Marked claim")
        self.counts_label = QLabel()
        self.counts_label.setAccessibleName("Claim counts")
        self.status_widgets = (self.marked_label, self.counts_label)
        self.actions: dict[str, QAction] = {}
        self.taxonomy_actions: list[QAction] = []
        self.bound_keys: dict[str, str] = {}
        self.key_clashes: list[str] = []
        self.menu = QMenu("&Claims", self.owner)
        self._build_actions()
        self._connect()
        self.refresh_taxonomy()

    # --- construction ----------------------------------------------------------------------
    def _action(self, name: str, text: str, slot: Callable[[], object],
                shortcut: str = "", tip: str = "") -> QAction:
        action = make_action(self.owner, text, partial(self.run, slot), shortcut, tip)
        self.actions[name] = action
        return action

    def _build_actions(self) -> None:
        a, nav = self._action, self.nav
        a("mark", "&Mark as Link Source", self.mark_current, "M",
          "Mark the current claim; then select a claim in the other article and press "
          "Shift+relation key to link them")
        a("jump", "&Jump to Partner", nav.jump_to_partner, "J",
          "Go to the claim linked to this one (again: the next partner)")
        a("next_claim", "&Next Claim", lambda: nav.step_claim(1), "Alt+Right")
        a("prev_claim", "&Previous Claim", lambda: nav.step_claim(-1), "Alt+Left")
        a("next_unlinked", "Next &Unlinked Claim", lambda: nav.step_unlinked(1),
          "Alt+Shift+Right")
        a("prev_unlinked", "Previous Unlinked Claim", lambda: nav.step_unlinked(-1),
          "Alt+Shift+Left")
        a("next_untagged", "Next Un&tagged Aligned Passage", lambda: nav.step_untagged(1), "T",
          "Jump to the next aligned passage of the focused article with no claim in it")
        a("prev_untagged", "Previous Untagged Aligned Passage", lambda: nav.step_untagged(-1),
          "Shift+T")
        a("edit", "&Edit Claim", self.edit_current, "F2", "Go to the claim editor")
        a("delete", "&Delete Claim", self.delete_current, "Shift+Del",
          "Delete the current claim and its links")
        a("load_taxonomy", "Load &Taxonomy…", self.load_taxonomy, "",
          "Replace the claim types and relations with those of a taxonomy file")
        self.tag_menu = QMenu("&Tag Selection As", self.owner)
        self.link_menu = QMenu("&Link Marked Claim to Current As", self.owner)
        self.menu.addMenu(self.tag_menu)
        self.menu.addSeparator()
        self.menu.addAction(self.actions["mark"])
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

    def refresh_taxonomy(self) -> None:
        """(Re)build the per-type and per-relation actions from the project's taxonomy.

        A taxonomy's key that another command already uses (or an earlier type of the same
        taxonomy) is left unbound and reported, since an ambiguous key would do nothing."""
        for action in self.taxonomy_actions:
            self.owner.removeAction(action)
            action.deleteLater()
        self.actions = {k: a for k, a in self.actions.items() if a not in self.taxonomy_actions}
        self.taxonomy_actions = []
        self.bound_keys = {}
        self.tag_menu.clear()
        self.link_menu.clear()
        taken = {a.shortcut().toString(): a.text().replace("&", "")
                 for a in self.owner.actions() if not a.shortcut().isEmpty()}
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
        self.palette.tag_requested.connect(lambda t: self.run(lambda: self.tag(t)))
        self.palette.link_requested.connect(lambda r: self.run(lambda: self.link_marked(r)))
        self.palette.load_requested.connect(lambda: self.run(self.load_taxonomy))
        s.taxonomy_changed.connect(self._on_taxonomy_changed)
        self.editor.message.connect(self.say)
        self.panel.activated.connect(self.nav.go_to_claim)
        self.editor.jump_requested.connect(lambda cid: self.session.select(CLAIM, cid))
        self.mouse = ClaimMouse(self.session, self.panes, self, self)

    # --- helpers ---------------------------------------------------------------------------
    def say(self, message: str, msecs: int = 8000) -> None:
        self.host.say(message, msecs)

    def run(self, slot: Callable[[], object]) -> None:
        """Run a user command; a refused edit becomes a message, not a crash."""
        try:
            slot()
        except edits.ClaimEditError as exc:
            self.say(str(exc))

    def current_claim(self) -> Claim | None:
        return current_claim(self.session)

    def _project(self) -> Project:
        return require_project(self.session)

    def side_of(self, claim: Claim) -> str:
        return side_of(self._project(), claim)

    def tag_actions(self) -> list[QAction]:
        return self.tag_menu.actions()

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
            raise edits.ClaimEditError("Select the claim's text in one article, then press "
                                     "its type's key.")
        side, (start, end) = target
        text = self._project().document(doc_id(self._project(), side)).text
        if end - start > BIG_SELECTION and not dialogs.confirm(
                self.owner, "Tag a long selection?",
                f"The selection is {end - start:,} characters"
                f"{' (all of article ' + side + ')' if end - start >= len(text.strip()) else ''}"
                f". Tag all of it as {edits.type_label(self._project().taxonomy, type_id)}?"):
            return ""
        claim_id = self.session.edit(edits.add_claim, doc_id(self._project(), side), start, end,
                                 type_id)
        self.panes[side].clear_selection()
        self.say(f"Tagged {claim_id}. M marks it for linking; F2 edits it.")
        return claim_id

    def mark_current(self) -> None:
        claim = self.current_claim()
        if claim is None:
            raise edits.ClaimEditError("Select a claim first (click it, or Alt+Right).")
        self.marked = claim.id
        self._show_marked()
        other = "B" if self.side_of(claim) == "A" else "A"
        self.say(f"{claim.id} marked. Select its partner in {other} and press Shift+relation "
                 "key (Shift+S same claim, Shift+P paraphrased…).")

    def link_marked(self, relation: str) -> str:
        claim = self.current_claim()
        project = self._project()
        if not self.marked or self.marked not in project.claims:
            raise edits.ClaimEditError("Mark a claim first (M), then select its partner.")
        if claim is None:
            raise edits.ClaimEditError("Select the partner claim in the other article.")
        link_id = self.session.edit(edits.link_claims, self.marked, claim.id, relation)
        self.say(f"Linked {self.marked} → {claim.id}: "
                 f"{edits.relation_label(project.taxonomy, relation)}.")
        return link_id

    def edit_current(self) -> None:
        if self.current_claim() is None:
            raise edits.ClaimEditError("Select a claim first.")
        self.host.reveal_claim_editor()
        # a keyboard reason, so the style draws the focus ring where the user now is
        self.editor.type_combo.setFocus(Qt.FocusReason.TabFocusReason)

    def load_taxonomy(self) -> None:
        """Claims > Load Taxonomy: ask for a taxonomy file and make it the project's."""
        self._project()
        path = dialogs.ask_taxonomy(self.owner, str(QSettings().value("lastDir", "")))
        if path:
            self.load_taxonomy_from(path)

    def load_taxonomy_from(self, path: str | Path) -> bool:
        try:
            taxonomy = read_taxonomy(path)
        except ProjectFileError as exc:
            dialogs.show_error(self.owner, "Cannot load the taxonomy", str(exc))
            return False
        self.session.edit(edits.set_taxonomy, taxonomy)
        lacking = edits.orphans(self._project(), taxonomy)
        note = (f" {len(lacking)} claim(s) or link(s) use a type or relation it lacks: "
                + ", ".join(lacking[:8]) + ("…" if len(lacking) > 8 else "")) if lacking else ""
        self.say(f"Taxonomy {taxonomy.name} loaded (Ctrl+Z restores the previous one).{note}")
        return True

    def delete_current(self) -> None:
        claim = self.current_claim()
        if claim is None:
            raise edits.ClaimEditError("Select a claim first.")
        self.session.edit(edits.remove_claim, claim.id)
        self.say(f"Deleted {claim.id} (Ctrl+Z brings it back).")

    # --- reacting to the session -------------------------------------------------------------
    def _on_project_replaced(self) -> None:
        self.marked = ""
        self.nav.forget_jump()
        self._show_marked()
        if self.session.long_pair:  # a turn of its own, so opening never waits for it
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
        self.counts_label.setMinimumWidth(60)  # may be clipped: the window can still get narrow

    def _update_actions(self) -> None:
        has_claim = self.current_claim() is not None
        has_project = self.session.project is not None
        for name in ("mark", "jump", "edit", "delete"):
            self.actions[name].setEnabled(has_claim)
        for name in ("next_claim", "prev_claim", "next_unlinked", "prev_unlinked",
                     "next_untagged", "prev_untagged"):
            self.actions[name].setEnabled(has_project)

    def _on_current_changed(self, kind: str, item_id: str) -> None:
        if kind != CLAIM:
            self.nav.forget_jump()
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
        self.say(f"{claim.id}: {edits.type_label(self._project().taxonomy, claim.type)}"
                 f" — {len(others)} linked claim{'s' if len(others) != 1 else ''}", 6000)
