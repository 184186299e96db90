"""Claim assistance in the window: candidates on request, discrepancy flags on
request, and one key to accept (Y) or dismiss (X) the selected candidate or flag.

Candidates are proposals only: they are listed (Claims dock, grey) and underlined quietly,
and become claims only by Y, with type and speaker or source filled in. A flag turns into a
claim link with the matching relation by Y. Every change goes through `Session.edit`, so one
Ctrl+Z undoes it; dismissals and flags are saved with the project.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import Protocol

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QDockWidget, QMainWindow, QMenu, QToolBar, QWidget

from annotator.core import edits
from annotator.core.assist.candidates import KIND_LABELS, find_candidates
from annotator.core.assist.check import check_project
from annotator.core.assist.model import Candidate, FlagState
from annotator.core.edits import assist as assist_edits

from ..claims.panel import ClaimPanel
from ..session import Session
from ..view.comparison_view import ComparisonView
from ..view.text_pane import TextPane
from ..window.actions import make_action
from ..window.docks import add_dock
from ..worker.background import call_off_ui_thread
from .highlights import AssistTooltips, assist_layer, candidate_tip, flag_tip, is_dark
from .panel import FlagPanel

CANDIDATE, FLAG = "candidate", "flag"


class AssistHost(Protocol):
    def action_owner(self) -> QWidget: ...

    def say(self, message: str, msecs: int = 8000) -> None: ...


class AssistController(QObject):
    def __init__(self, session: Session, view: ComparisonView, claim_panel: ClaimPanel,
                 host: AssistHost) -> None:
        super().__init__(host.action_owner())
        self.session = session
        self.host = host
        self.view = view
        self.owner = host.action_owner()
        self.panes: dict[str, TextPane] = {"A": view.pane_a, "B": view.pane_b}
        self.claim_panel = claim_panel
        self.flag_panel = FlagPanel()
        self.flags_dock: QDockWidget | None = None  # placed by place_assist_tools
        self.found: list[Candidate] = []  # the last F6's result; `candidates` is what is left
        self.candidates: list[Candidate] = []
        self.current: tuple[str, str] = ("", "")
        self.actions: dict[str, QAction] = {}
        self.menu = QMenu("A&ssist", self.owner)
        self._build_actions()
        self.tooltips = AssistTooltips(self.panes, self._tips_at)
        session.project_replaced.connect(self._on_project_replaced)
        session.assist_changed.connect(lambda _ids: self._on_decisions_changed(flags=True))
        session.claims_changed.connect(lambda _ids: self._on_decisions_changed(flags=False))
        for pane in self.panes.values():
            pane.text_replaced.connect(self.render)
        claim_panel.candidate_chosen.connect(lambda cid: self.choose(CANDIDATE, cid))
        self.flag_panel.chosen.connect(lambda fid: self.choose(FLAG, fid))
        self._update_actions()

    # --- construction ----------------------------------------------------------------------
    def _action(self, name: str, text: str, slot: Callable[[], object], shortcut: str,
                tip: str = "") -> QAction:
        action = make_action(self.owner, text, partial(self.run, slot), shortcut, tip)
        self.actions[name] = action
        self.menu.addAction(action)
        return action

    def _build_actions(self) -> None:
        a = self._action
        a("candidates", "Find Claim &Candidates", self.find_candidates, "F6",
          "Find checkable statements in both articles: quotations, figures, dates, "
          "sources, hedged statements (nothing becomes a claim until you accept it)")
        a("check", "Check for &Discrepancies", self.check, "F7",
          "Compare aligned passages: changed numbers, altered quotes, changed sources, "
          "hedges, statements with no counterpart")
        self.menu.addSeparator()
        a("accept", "&Accept Candidate or Flag", self.accept, "Y",
          "Accept the selected candidate as a claim, or turn the selected flag into a claim "
          "link")
        a("dismiss", "Dis&miss Candidate or Flag", self.dismiss, "X",
          "Dismiss the selected candidate or flag (saved with the project)")
        a("next", "&Next Candidate or Flag", lambda: self.step(1), "G",
          "Go to the next candidate or open flag")
        a("previous", "&Previous Candidate or Flag", lambda: self.step(-1), "Shift+G")
        for name, short in (("candidates", "Candidates"), ("check", "Check")):
            self.actions[name].setIconText(short)

    # --- commands --------------------------------------------------------------------------
    def run(self, slot: Callable[[], object]) -> None:
        try:
            slot()
        except edits.ClaimEditError as exc:
            self.host.say(str(exc))

    def _project(self):  # type: ignore[no-untyped-def]
        project = self.session.project
        if project is None:
            raise edits.ClaimEditError("Open a pair of articles first.")
        return project

    def find_candidates(self) -> None:
        project = self._project()
        self.found = [*find_candidates(project, project.doc_a.id),
                      *find_candidates(project, project.doc_b.id)]
        self.candidates = self._open_candidates()
        self._show_candidates()
        self.host.say(f"{len(self.candidates)} claim candidates. Y accepts the selected one, "
                      "X dismisses it, G goes to the next.")
        if self.candidates:
            self.choose(CANDIDATE, self.candidates[0].id)

    def check(self) -> None:
        project = self._project()
        snapshot = project.snapshot()
        flags = call_off_ui_thread(lambda: check_project(snapshot))
        self.session.edit(assist_edits.record_flags, flags)
        open_flags = [f for f in flags if f.state == FlagState.OPEN]
        if self.flags_dock is not None:
            self.flags_dock.show()
            self.flags_dock.raise_()
        self.host.say(f"{len(open_flags)} open discrepancy flags. Y turns the selected one into "
                      "a claim link, X dismisses it.")
        self._refresh()
        if open_flags:
            self.choose(FLAG, open_flags[0].id)

    def accept(self) -> None:
        kind, item_id = self.current
        if kind == CANDIDATE:
            candidate = self._candidate(item_id)
            claim_id = self.session.edit(assist_edits.accept_candidate, candidate)
            self._after_decision(candidate.id)
            self.host.say(f"{claim_id}: {KIND_LABELS[candidate.kind].lower()} accepted as a "
                          "claim (Ctrl+Z undoes it).")
        elif kind == FLAG:
            made = self.session.edit(assist_edits.flag_to_claim_link, item_id)
            self.host.say(f"Flag {item_id} is now {made} (Ctrl+Z undoes it).")
            self._after_decision(item_id)
        else:
            raise edits.ClaimEditError("Select a candidate or a flag first (F6, F7, then G).")

    def dismiss(self) -> None:
        kind, item_id = self.current
        if kind == CANDIDATE:
            candidate = self._candidate(item_id)
            self.session.edit(assist_edits.dismiss_candidate, candidate)
            self._after_decision(candidate.id)
            self.host.say("Candidate dismissed; it will not be offered again.")
        elif kind == FLAG:
            self.session.edit(assist_edits.dismiss_flag, item_id)
            self.host.say(f"Flag {item_id} dismissed.")
            self._after_decision(item_id)
        else:
            raise edits.ClaimEditError("Select a candidate or a flag first (F6, F7, then G).")

    def step(self, direction: int) -> None:
        items = self._items()
        if not items:
            raise edits.ClaimEditError(
                "No candidates or flags: Find Candidates (F6) or Check (F7).")
        index = items.index(self.current) if self.current in items else -1
        if index < 0:
            index = 0 if direction > 0 else len(items) - 1
        else:
            index = (index + direction) % len(items)
        self.choose(*items[index])

    def choose(self, kind: str, item_id: str) -> None:
        """Make a candidate or flag the selected item and show both its sides."""
        self.current = (kind, item_id)
        project = self.session.project
        if project is not None:
            if kind == CANDIDATE:
                c = self._find_candidate(item_id)
                if c is not None:
                    side = "A" if c.doc == project.doc_a.id else "B"
                    self.panes[side].center_on(c.start, c.end)
                    item = self.claim_panel.candidate_row(item_id)
                    if item is not None and self.claim_panel.tree.currentItem() is not item:
                        self.claim_panel.tree.setCurrentItem(item)
            elif kind == FLAG and item_id in project.assist.flags:
                flag = project.assist.flags[item_id]
                with self.view.sync.suspended():
                    if flag.a is not None:
                        self.panes["A"].center_on(flag.a.start, flag.a.end)
                    if flag.b is not None:
                        self.panes["B"].center_on(flag.b.start, flag.b.end)
                self.host.say(f"{flag.id} {flag.kind}: {flag.explanation}", 15000)
        self._refresh()

    # --- helpers -------------------------------------------------------------------------------
    def _items(self) -> list[tuple[str, str]]:
        items = [(CANDIDATE, c.id) for c in self.candidates]
        project = self.session.project
        if project is not None:
            items += [(FLAG, f.id) for f in project.assist.flags_sorted()
                      if f.state == FlagState.OPEN]
        return items

    def _find_candidate(self, cand_id: str) -> Candidate | None:
        return next((c for c in self.candidates if c.id == cand_id), None)

    def _candidate(self, cand_id: str) -> Candidate:
        found = self._find_candidate(cand_id)
        if found is None:
            raise edits.ClaimEditError("That candidate is gone; find candidates again (F6).")
        return found

    def _after_decision(self, done: str) -> None:
        """Move on to the next candidate or flag, as a reviewer works down a list."""
        items = self._items()
        self._show_candidates()
        self.current = ("", "")
        if items:
            self.choose(*items[0])
        else:
            self._refresh()
        del done

    def _show_candidates(self) -> None:
        project = self.session.project
        rows = []
        if project is not None:
            for c in self.candidates:
                side = "A" if c.doc == project.doc_a.id else "B"
                rows.append((c.id, side, KIND_LABELS[c.kind], c.exact, candidate_tip(c)))
        self.claim_panel.set_candidates(rows)
        self.render()

    def _on_project_replaced(self) -> None:
        self.found, self.candidates = [], []
        self.current = ("", "")
        self.claim_panel.set_candidates([])
        self._refresh()

    def _open_candidates(self) -> list[Candidate]:
        """The found candidates no claim covers and nobody dismissed, whose text is unchanged."""
        project = self.session.project
        if project is None:
            return []
        claimed = {(c.doc, c.start, c.end) for c in project.claims.values()}
        texts = {project.doc_a.id: project.doc_a.text, project.doc_b.id: project.doc_b.text}
        return [c for c in self.found if (c.doc, c.start, c.end) not in claimed
                and not project.assist.is_dismissed(c)
                and texts.get(c.doc, "")[c.start:c.end] == c.exact]

    def _on_decisions_changed(self, *, flags: bool) -> None:
        """Accepting, dismissing, making a claim some other way, and undoing or redoing any of
        them: the candidate list follows at once (an undone acceptance is a candidate again)."""
        candidates = self._open_candidates()
        if candidates != self.candidates:
            self.candidates = candidates
            self._show_candidates()
            self._update_actions()
        if flags:
            self._refresh()

    def _refresh(self) -> None:
        project = self.session.project
        flags = project.assist.flags_sorted() if project is not None else []
        self.flag_panel.show_flags(flags, self.current[1] if self.current[0] == FLAG else "")
        self.render()
        self._update_actions()

    def render(self) -> None:
        project = self.session.project
        current = self.current[1]
        for side, pane in self.panes.items():
            if project is None:
                pane.set_layer("assist", [])
                continue
            doc = project.doc_a.id if side == "A" else project.doc_b.id
            mine = [c for c in self.candidates if c.doc == doc]
            pane.set_layer("assist", assist_layer(side, mine, project.assist.flags_sorted(),
                                                  current, is_dark(pane)))

    def _update_actions(self) -> None:
        has_project = self.session.project is not None
        self.actions["candidates"].setEnabled(has_project)
        self.actions["check"].setEnabled(has_project)
        has_item = self.current[0] in (CANDIDATE, FLAG)
        for name in ("accept", "dismiss"):
            self.actions[name].setEnabled(has_item)
        self.actions["next"].setEnabled(bool(self._items()))
        self.actions["previous"].setEnabled(bool(self._items()))

    def _tips_at(self, side: str, offset: int) -> list[str]:
        project = self.session.project
        if project is None:
            return []
        doc = project.doc_a.id if side == "A" else project.doc_b.id
        tips = [candidate_tip(c) for c in self.candidates
                if c.doc == doc and c.start <= offset < c.end]
        for flag in project.assist.flags_sorted():
            span = flag.a if side == "A" else flag.b
            if span is not None and span.start <= offset < span.end:
                tips.append(flag_tip(flag))
        return tips


def place_assist_tools(window: QMainWindow, assist: AssistController) -> QDockWidget:
    """Toolbar buttons after the others, the Assist menu before View, the Flags dock tabbed
    with the Claims list (the window's `toolbar`, `view_menu` and `panel_dock`)."""
    toolbar: QToolBar = window.toolbar  # type: ignore[attr-defined]
    view_menu: QMenu = window.view_menu  # type: ignore[attr-defined]
    claims_dock: QDockWidget = window.panel_dock  # type: ignore[attr-defined]
    toolbar.addSeparator()
    toolbar.addActions([assist.actions["candidates"], assist.actions["check"]])
    dock = add_dock(window, "Flags", "flagsDock", assist.flag_panel,
                    Qt.DockWidgetArea.BottomDockWidgetArea, view_menu)
    window.tabifyDockWidget(claims_dock, dock)
    claims_dock.raise_()
    window.menuBar().insertMenu(view_menu.menuAction(), assist.menu)
    assist.flags_dock = dock
    return dock
