"""The one QObject over the core Project: every operation, the undo stack, changed-signals.

Widgets read from `session.project` and call session methods; they never mutate the model.
Every edit is a core `Edit` (`annotator.core.edits`: claims, claim links, taxonomy and
alignment links alike) run through `Session.edit`, which pushes its item-level `Change`s as
one `EditCommand` on `undo_stack`; `_apply` is the single place the model changes, and it
emits one signal per item kind that changed, so a widget listens only to what it draws.

Signals:
    project_replaced(): a different project (open pair/project, close); re-render everything.
    links_changed(list): ids of alignment links added, removed or modified.
    claims_changed(list), claim_links_changed(list): ids of claims / claim links changed.
    settings_changed(): alignment settings (threshold, method) changed.
    taxonomy_changed(): the project's claim taxonomy was replaced (or restored by undo).
    current_changed(str, str): the selected item as (kind, id); ("", "") when none.
    file_state_changed(): path, name or unsaved-changes state changed (title, actions).
    alignment_running(bool), alignment_progress(float), alignment_failed(str): the worker.
    assist_changed(list): ids of discrepancy flags or dismissed candidates changed.
    reviewed_changed(list): ids of passages marked or unmarked "no counterpart".
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from functools import partial
from pathlib import Path
from typing import Concatenate, ParamSpec

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoStack

from annotator.core import (
    AlignmentLink,
    AlignSettings,
    Document,
    LinkStatus,
    Project,
    link_diff,
    new_project,
    read_project,
    save_project,
)
from annotator.core import edits as core_edits
from annotator.core.align import WordOp
from annotator.core.edits import (
    CLAIM,
    CLAIM_LINK,
    DISMISSAL,
    FLAG,
    LINK,
    REVIEWED,
    SETTINGS,
    TAXONOMY,
    Change,
    Edit,
    apply_change,
)
from annotator.core.edits.proposals import facts_after_edit
from annotator.core.inputs import Extracted, is_url, read_source
from annotator.core.queries.link_facts import LinkFacts, LinkSummary, summarize
from annotator.core.queries.link_index import LinkIndex
from annotator.core.queries.links import link_at, next_gap, step_from, with_status

from .commands import EditCommand
from .links.selection import follow_link
from .worker.background import call_off_ui_thread
from .worker.realign import APPLY_ALIGNMENT, Realigner
from .worker.turns import TurnQueue

P = ParamSpec("P")

SEGMENT_ON_UI_THREAD_LIMIT = 50_000  # characters: shorter texts segment in well under 100 ms


def split_by_worker(doc: Document) -> bool:
    """A long text not split into sentences yet: a worker does it (it takes seconds)."""
    return not doc.segmented and len(doc.text) > SEGMENT_ON_UI_THREAD_LIMIT
__all__ = ["APPLY_ALIGNMENT", "Session"]
LONG_PAIR = 100_000  # characters in both texts: past this, each heavy redraw gets its own turn


class Session(QObject):
    project_replaced = Signal()
    links_changed = Signal(list)
    claims_changed = Signal(list)
    claim_links_changed = Signal(list)
    settings_changed = Signal()
    taxonomy_changed = Signal()
    current_changed = Signal(str, str)
    file_state_changed = Signal()
    alignment_running = Signal(bool)
    alignment_progress = Signal(float)
    alignment_failed = Signal(str)
    notice = Signal(str)  # something the user should know that no widget shows (status bar)
    assist_changed = Signal(list)  # ids of discrepancy flags / dismissed candidates changed
    reviewed_changed = Signal(list)  # ids of passages marked reviewed ("no counterpart")

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.project: Project | None = None
        self.path: Path | None = None
        self.undo_stack = QUndoStack(self)
        self.undo_stack.cleanChanged.connect(self._on_clean_changed)
        self.current: tuple[str, str] = ("", "")
        self._facts = LinkFacts(None)  # derived views of the links, until they change
        self.link_version = 0  # counts link changes: a diffed alignment checks it
        self.turns = TurnQueue(self)  # redraws of a long pair, one per event-loop turn
        self.realigner = Realigner(self)

    def _on_clean_changed(self, _clean: bool) -> None:
        self.file_state_changed.emit()

    # --- whole-project operations -------------------------------------------------------
    def open_pair(self, path_a: str | Path, path_b: str | Path) -> None:
        """Load two articles (files or URLs), start aligning. Raises DocumentLoadError."""
        self.open_extracted(read_source(path_a), str(path_a), read_source(path_b), str(path_b))

    def open_extracted(self, found_a: Extracted, source_a: str, found_b: Extracted,
                       source_b: str) -> None:
        """Freeze two readers' results (as the preview left them) and start aligning. In a
        thread: detecting a language first loads its model (seconds, for non-English text)."""
        doc_a, doc_b = call_off_ui_thread(lambda: (Document.from_extracted(found_a, "A", source_a),
                                                   Document.from_extracted(found_b, "B", source_b)))
        name = f"{_short_name(source_a, doc_a)} vs {_short_name(source_b, doc_b)}"
        self.set_project(new_project(doc_a, doc_b, name=name), None, align=True)

    def open_project(self, path: str | Path) -> None:
        """Load a saved project exactly as it was. Raises ProjectFileError. The file is read,
        and its links indexed and counted, in a thread: a long project does not freeze the
        window meanwhile."""
        def read() -> tuple[Project, LinkSummary]:
            project = read_project(path)
            return project, summarize(project.doc_a, project.doc_b, project.links.values())

        project, summary = call_off_ui_thread(read)
        self.set_project(project, Path(path), summary=summary)
        self.segment_in_background()

    def segment_in_background(self) -> None:
        """Split a loaded project's long texts (split_by_worker) in the worker, then re-render
        links: only the shading of unmatched passages needs sentences. (Aligning splits too.)"""
        project = self.project
        if project is None or not any(map(split_by_worker, (project.doc_a, project.doc_b))):
            return
        self.realigner.segment(project.doc_a, project.doc_b)

    def set_project(self, project: Project | None, path: Path | None,
                    align: bool = False, summary: LinkSummary | None = None) -> None:
        """Replace the whole state (no undo across projects); `align` starts the initial
        alignment before the widgets take the new texts, so the worker starts sooner; a
        `summary` of the project's links saves computing it here."""
        self.realigner.runner.shutdown()
        self.alignment_running.emit(False)
        self.project = project
        self.path = path
        self._facts = LinkFacts(project, summary)
        self.realigner.initial = align and project is not None
        self.current = ("", "")
        if self.realigner.initial:
            self.realign()
        self.undo_stack.clear()
        self.undo_stack.setClean()
        self.project_replaced.emit()
        self.current_changed.emit("", "")
        self.file_state_changed.emit()

    def swap_project(self, project: Project) -> None:
        """Put another state of the same work in place (an article's text replaced, an orphan
        placed, and their undo): file path and undo history stay, the widgets redraw."""
        self.realigner.runner.shutdown()
        self.alignment_running.emit(False)
        self.project = project
        self._facts = LinkFacts(project)
        self.link_version += 1
        self.current = ("", "")
        self.project_replaced.emit()
        self.current_changed.emit("", "")
        self.file_state_changed.emit()

    def save(self, path: str | Path | None = None) -> Path:
        """Write the project XML atomically. Raises ProjectFileError or OSError. A copy is
        written in a thread (a long project takes a third of a second to serialise and
        check), so the window keeps painting meanwhile."""
        project = self._require()
        target = Path(path) if path is not None else self.path
        if target is None:
            raise ValueError("no file name to save to")
        written_at = self.undo_stack.index()
        call_off_ui_thread(partial(save_project, project.snapshot(), target))
        self.path = target
        if self.undo_stack.index() == written_at:  # else an alignment landed meanwhile:
            self.undo_stack.setClean()            # the file lacks it, so stay modified
        self.file_state_changed.emit()
        return target

    def shutdown(self) -> None:
        self.realigner.runner.shutdown()

    @property
    def modified(self) -> bool:
        return self.project is not None and not self.undo_stack.isClean()

    @property
    def display_name(self) -> str:
        if self.project is None:
            return ""
        if self.path is not None:
            return self.path.name
        return self.project.name or "Untitled pair"

    # --- the single mutation point ------------------------------------------------------
    def _apply(self, changes: Sequence[Change], facts: LinkFacts | None = None,
               aligned: bool = False) -> None:
        """Apply changes; `facts` describe the links afterwards (else computed when asked
        for); `aligned` links come from the aligner and skip the checks hand edits get."""
        project = self._require()
        selected = self.current_link()
        touched: dict[str, list[str]] = {}
        for change in changes:
            apply_change(project, change, checked=not aligned)
            touched.setdefault(change.kind, []).append(change.id)
        if LINK in touched:
            self._facts = facts if facts is not None else facts_after_edit(
                self._facts, project, changes)
            self.link_version += 1
        if aligned and selected is not None and selected.id in touched.get(LINK, []):
            self._follow(selected)
        elif self.current[1] and self.current[1] in touched.get(self.current[0], []) and (
                not self._exists(*self.current)):
            self.select("", "")
        if LINK in touched:
            self.links_changed.emit(touched[LINK])
        if CLAIM in touched:
            self.claims_changed.emit(touched[CLAIM])
        if CLAIM_LINK in touched:
            self.claim_links_changed.emit(touched[CLAIM_LINK])
        if SETTINGS in touched:
            self.settings_changed.emit()
        if TAXONOMY in touched:
            self.taxonomy_changed.emit()
        if FLAG in touched or DISMISSAL in touched:
            self.assist_changed.emit(touched.get(FLAG, []) + touched.get(DISMISSAL, []))
        if REVIEWED in touched:
            self.reviewed_changed.emit(touched[REVIEWED])

    def apply_aligned(self, changes: Sequence[Change], facts: LinkFacts | None) -> None:
        """Apply the aligner's changes (no per-link checks), with the link facts after."""
        self._apply(changes, facts, aligned=True)

    @property
    def link_facts(self) -> LinkFacts:
        return self._facts

    def _follow(self, before: AlignmentLink) -> None:
        """Keep the selection on the passage the user was looking at when the aligner's
        links changed under it: the link that now holds it, or none, said out loud."""
        project = self._require()
        now = follow_link(before, project.links.get(before.id), self.link_index())
        if now is None:
            self.select("", "")
            self.notice.emit(f"The selected link {before.id} is gone after re-aligning; "
                             "nothing is selected.")
        elif now.id != before.id:
            self.select(LINK, now.id)
            self.notice.emit(f"After re-aligning, the passage of {before.id} is in {now.id}.")

    def push(self, text: str, changes: Sequence[Change]) -> None:
        """Do `changes` as one undoable step named `text` (no-op when empty)."""
        if changes:
            self.undo_stack.push(EditCommand(text, changes, self._apply))

    def edit(self, make: Callable[Concatenate[Project | None, P], Edit],
             *args: P.args, **kwargs: P.kwargs) -> str:
        """Run a core edit function (`annotator.core.edits`) on the open project as one
        undoable step; selects the item when the edit says so; returns the edit's result
        (the id it is about). Raises ClaimEditError (or the edit's own error) unchanged."""
        edit = make(self.project, *args, **kwargs)
        self.push(edit.text, edit.changes)
        if edit.select is not None:
            self.select(*edit.select)
        return edit.result

    def _exists(self, kind: str, item_id: str) -> bool:
        project = self.project
        if project is None:
            return False
        return item_id in {LINK: project.links, CLAIM: project.claims,  # type: ignore[operator]
                           CLAIM_LINK: project.claim_links}.get(kind, ())

    # --- alignment (in the worker: see worker/realign.py) ----------------------------------
    def realign(self, threshold: float | None = None) -> None:
        """Re-run the aligner in the worker (anchors kept); applied as one undoable step."""
        self.realigner.start(self._require(), threshold)

    def realign_if_changed(self, threshold: float) -> None:
        """The threshold control settled on a value: re-align when a pair is open and the
        value is not the project's already."""
        if self.project is not None and threshold != self.settings.threshold:
            self.realign(threshold)

    def cancel_alignment(self) -> None:
        self.realigner.runner.cancel()

    def wait_for_alignment(self, msecs: int = -1) -> bool:
        return self.realigner.runner.wait(msecs)

    @property
    def aligning(self) -> bool:
        """A job is running, or its result waits for its turn to be applied."""
        return self.realigner.busy

    @property
    def long_pair(self) -> bool:
        """Whether redraws (tints, shade, coverage) should wait for an event-loop turn of
        their own rather than add up to one long stall."""
        project = self.project
        return project is not None and len(project.doc_a.text) + len(project.doc_b.text) > LONG_PAIR

    # --- selection and queries ------------------------------------------------------------
    def select(self, kind: str, item_id: str) -> None:
        if (kind, item_id) != self.current:
            self.current = (kind, item_id)
            self.current_changed.emit(kind, item_id)

    def current_link(self) -> AlignmentLink | None:
        if self.project is None or self.current[0] != LINK:
            return None
        return self.project.links.get(self.current[1])

    def links_in_order(self) -> list[AlignmentLink]:
        """Links in A's reading order; sorted here when the position index is not built yet
        (building it takes 20+ ms on the 100k pair: the view does that when it paints)."""
        if self._facts.has_index or self.project is None:
            return list(self.link_index().links)
        return self.project.links_sorted()

    def link_index(self) -> LinkIndex:
        """The links indexed by position (cached until the links change)."""
        return self._facts.index()

    def link_at(self, side: str, offset: int) -> AlignmentLink | None:
        """The smallest non-rejected link whose side `side` covers `offset`."""
        return link_at(self.link_index(), side, offset)

    def step_link(self, direction: int, *, only: LinkStatus | None = None) -> str | None:
        """Select the next (direction=1) or previous (-1) link in A's reading order."""
        target = step_from(with_status(self.link_index().links, only), self.current_link(),
                           direction)
        if target is not None:
            self.select(LINK, target)
        return target

    def decide_and_advance(self, status: LinkStatus) -> None:
        """Accept or reject the current link, then move to the next one still proposed."""
        link = self.current_link()
        if link is None:
            return
        self.edit(core_edits.set_link_status, link.id, status)
        if self.step_link(1, only=LinkStatus.PROPOSED) is None:
            self.step_link(1)

    def unmatched(self, side: str) -> list[tuple[int, int]]:
        """Sentences of one side that no accepted, manual or proposed link covers (half+)."""
        project = self.project
        if project is None:
            return []
        doc = project.doc_a if side == "A" else project.doc_b
        if split_by_worker(doc):  # (aligning, or segment_in_background): panes re-render then
            return []
        return self._facts.unmatched(side)

    def next_unmatched(self, side: str, after: int, direction: int = 1) -> tuple[int, int] | None:
        return next_gap(self.unmatched(side), after, direction)

    def word_ops(self, link: AlignmentLink) -> list[WordOp]:
        project = self._require()
        return link_diff(project.doc_a, project.doc_b, link)

    def counts(self) -> dict[str, int]:
        return self._facts.counts()

    def coverage(self) -> tuple[float, float]:
        """Share of A found in B and of B found in A."""
        return self._facts.coverage()

    @property
    def settings(self) -> AlignSettings:
        return self.project.settings if self.project is not None else AlignSettings()

    def _require(self) -> Project:
        if self.project is None:
            raise RuntimeError("no project is open")
        return self.project


def _short_name(source: str, doc: Document) -> str:
    """A file's stem, or for a web address the article's title (cut to 40 characters)."""
    return doc.title[:40].strip() if is_url(source) else Path(source).stem
