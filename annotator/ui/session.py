"""The one QObject over the core Project: every operation, the undo stack, changed-signals.

Widgets read from `session.project` and call session methods; they never mutate the model.
Each edit is an `EditCommand` of item-level `Change`s pushed on `undo_stack`; `_apply` is the
single place the model changes, and it emits one signal per item kind that changed, so a
widget listens only to what it draws. Claims (issue 4) plug in by building changes of kind
"claim" / "claim_link"; `_apply` and the signals already handle them.

Signals:
    project_replaced(): a different project (open pair/project, close); re-render everything.
    links_changed(list): ids of alignment links added, removed or modified.
    claims_changed(list): ids of claims added, removed or modified.
    claim_links_changed(list): ids of claim links added, removed or modified.
    settings_changed(): alignment settings (threshold, method) changed.
    taxonomy_changed(): the project's claim taxonomy was replaced (or restored by undo).
    current_changed(str, str): the selected item as (kind, id); ("", "") when none.
    file_state_changed(): path, name or unsaved-changes state changed (title, actions).
    alignment_running(bool), alignment_progress(float), alignment_failed(str): the worker.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from functools import partial
from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoStack

from annotator.core import (
    AlignmentLink,
    AlignOptions,
    AlignSettings,
    Document,
    LinkStatus,
    Project,
    Span,
    link_diff,
    new_project,
    read_project,
    save_project,
)
from annotator.core.align import WordOp

from .align_worker import AlignRunner
from .background import call_off_ui_thread
from .commands import (
    CLAIM,
    CLAIM_LINK,
    LINK,
    SETTINGS,
    TAXONOMY,
    AlignCommand,
    Change,
    EditCommand,
    apply_change,
)
from .link_facts import LinkFacts, LinkSummary, summarize
from .link_index import LinkIndex
from .link_queries import link_at, next_gap, step_from, with_status
from .proposals import anchors_unchanged, facts_after, facts_after_edit, proposal_changes
from .turns import TurnQueue

SEGMENT_ON_UI_THREAD_LIMIT = 50_000  # characters: shorter texts segment in well under 100 ms
APPLY_ALIGNMENT = "apply alignment"  # the deferred step that applies a diffed result
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

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.project: Project | None = None
        self.path: Path | None = None
        self.undo_stack = QUndoStack(self)
        self.undo_stack.cleanChanged.connect(self._on_clean_changed)
        self.current: tuple[str, str] = ("", "")
        self._pending_settings = AlignSettings()
        self._initial_alignment = False
        self._facts = LinkFacts(None)  # derived views of the links, until they change
        self._link_version = 0  # counts link changes: a diffed alignment checks it
        self.turns = TurnQueue(self)  # redraws of a long pair, one per event-loop turn
        self._aligner = AlignRunner(self)
        self._aligner.started.connect(lambda: self.alignment_running.emit(True))
        self._aligner.progress.connect(self.alignment_progress)
        self._aligner.finished.connect(self._on_alignment_finished)
        self._aligner.cancelled.connect(self._on_alignment_stopped)
        self._aligner.failed.connect(self._on_alignment_failed)
        self._aligner.segmented.connect(self._on_segmented)

    def _on_clean_changed(self, _clean: bool) -> None:
        self.file_state_changed.emit()

    # --- whole-project operations -------------------------------------------------------
    def open_pair(self, path_a: str | Path, path_b: str | Path) -> None:
        """Load two text files and start aligning them. Raises DocumentLoadError."""
        doc_a = Document.load(path_a, "A")
        doc_b = Document.load(path_b, "B")
        name = f"{Path(path_a).stem} vs {Path(path_b).stem}"
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
        """Split a loaded project's texts into sentences in the worker, then re-render links.

        Only the shading of unmatched passages needs sentences; on a long text segmenting
        takes seconds, which must not stall the window. (Aligning segments in its worker.)
        """
        project = self.project
        if project is None or all(doc.segmented or len(doc.text) <= SEGMENT_ON_UI_THREAD_LIMIT
                                  for doc in (project.doc_a, project.doc_b)):
            return
        self._aligner.segment(project.doc_a, project.doc_b)

    def _on_segmented(self, doc_a: object, doc_b: object) -> None:
        project = self.project
        if project is not None and doc_a is project.doc_a and doc_b is project.doc_b:
            self.links_changed.emit(list(project.links))

    def set_project(self, project: Project | None, path: Path | None,
                    align: bool = False, summary: LinkSummary | None = None) -> None:
        """Replace the whole state (no undo across projects); `align` starts the initial
        alignment before the widgets take the new texts, so the worker starts sooner; a
        `summary` of the project's links saves computing it here."""
        self._aligner.shutdown()
        self.alignment_running.emit(False)
        self.project = project
        self.path = path
        self._facts = LinkFacts(project, summary)
        self._initial_alignment = align and project is not None
        self.current = ("", "")
        if self._initial_alignment:
            self.realign()
        self.undo_stack.clear()
        self.undo_stack.setClean()
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
        self._aligner.shutdown()

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
        touched: dict[str, list[str]] = {}
        for change in changes:
            apply_change(project, change, checked=not aligned)
            touched.setdefault(change.kind, []).append(change.id)
        if LINK in touched:
            self._facts = facts if facts is not None else facts_after_edit(
                self._facts, project, changes)
            self._link_version += 1
        if self.current[1] and self.current[1] in touched.get(self.current[0], []) and (
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

    def push(self, text: str, changes: Sequence[Change]) -> None:
        """Do `changes` as one undoable step named `text` (no-op when empty)."""
        if changes:
            self.undo_stack.push(EditCommand(text, changes, self._apply))

    def _exists(self, kind: str, item_id: str) -> bool:
        project = self.project
        if project is None:
            return False
        if kind == LINK:
            return item_id in project.links
        if kind == CLAIM:
            return item_id in project.claims
        return kind == CLAIM_LINK and item_id in project.claim_links

    # --- link operations -----------------------------------------------------------------
    def set_link_status(self, link_id: str, status: LinkStatus) -> None:
        link = self._require().links[link_id]
        if link.status is not status:
            verb = {LinkStatus.ACCEPTED: "Accept", LinkStatus.REJECTED: "Reject"}.get(
                status, "Mark")
            self.push(f"{verb} link {link_id}",
                      [Change(LINK, link_id, link, link.with_status(status))])

    def add_manual_link(self, a: tuple[int, int], b: tuple[int, int]) -> str:
        """Link a range of A with a range of B (code points); returns the new link's id."""
        project = self._require()
        link_id = project.new_id("m")
        link = AlignmentLink(link_id, (Span(*a),), (Span(*b),), 1.0, LinkStatus.MANUAL, "manual")
        self.push(f"Add link {link_id}", [Change(LINK, link_id, None, link)])
        self.select(LINK, link_id)
        return link_id

    def remove_link(self, link_id: str) -> None:
        link = self._require().links[link_id]
        self.push(f"Remove link {link_id}", [Change(LINK, link_id, link, None)])

    # --- alignment -----------------------------------------------------------------------
    def realign(self, threshold: float | None = None) -> None:
        """Re-run the aligner in the worker (anchors kept); applied as one undoable step."""
        project = self._require()
        settings = project.settings
        if threshold is not None:
            settings = replace(settings, threshold=round(float(threshold), 4))
        self._pending_settings = settings
        options = AlignOptions(threshold=settings.threshold, method=settings.method)
        self._aligner.start(project.doc_a, project.doc_b, options, project.anchors())

    def cancel_alignment(self) -> None:
        self._aligner.cancel()

    def wait_for_alignment(self, msecs: int = -1) -> bool:
        return self._aligner.wait(msecs)

    @property
    def aligning(self) -> bool:
        """A job is running, or its result waits for its turn to be applied."""
        return self._aligner.running or self.turns.pending(APPLY_ALIGNMENT)

    @property
    def long_pair(self) -> bool:
        """Whether redraws (tints, shade, coverage) should wait for an event-loop turn of
        their own rather than add up to one long stall."""
        project = self.project
        return project is not None and len(project.doc_a.text) + len(project.doc_b.text) > LONG_PAIR

    def _on_alignment_finished(self, proposals: list[AlignmentLink],
                               anchors: list[AlignmentLink],
                               summary: LinkSummary | None = None, now: bool = False) -> None:
        project = self.project
        if project is None:
            return
        if not anchors_unchanged(project, anchors):
            self.realign(self._pending_settings.threshold)  # decisions changed meanwhile
            return
        edits, final = proposal_changes(project, proposals)
        facts = facts_after(project, summary, final)
        settings = self._pending_settings
        if settings != project.settings:
            edits.insert(0, Change(SETTINGS, "align", project.settings, settings))
        version = self._link_version
        apply = partial(self._apply_alignment, project, version, edits, facts,
                        (proposals, anchors))
        if self.long_pair and not now:
            self.turns.defer(APPLY_ALIGNMENT, apply)  # the diff took this turn
        else:
            apply()

    def _apply_alignment(self, project: Project, version: int, edits: list[Change],
                         facts: LinkFacts | None,
                         result: tuple[list[AlignmentLink], list[AlignmentLink]]) -> None:
        """Apply a diffed alignment, unless the project was replaced or a newer job started
        since; if the links were edited since, diff again first."""
        if self.project is not project or self._aligner.running:
            return
        if self._link_version != version:
            self._on_alignment_finished(*result, None, now=True)
            return
        if self._initial_alignment:
            self._initial_alignment = False
            # the initial proposals are part of opening the pair, not an edit to undo
            self._apply(edits, facts, aligned=True)
        elif edits:
            self.undo_stack.push(AlignCommand(
                f"Re-align at {self._pending_settings.threshold:.2f}", edits,
                lambda changes, after: self._apply(changes, after, aligned=True),
                self._facts, facts))
        self.alignment_running.emit(False)

    def _on_alignment_stopped(self) -> None:
        self.alignment_running.emit(False)
        self.settings_changed.emit()  # controls fall back to the project's threshold

    def _on_alignment_failed(self, message: str) -> None:
        self.alignment_running.emit(False)
        self.alignment_failed.emit(message)
        self.settings_changed.emit()

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
        self.set_link_status(link.id, status)
        if self.step_link(1, only=LinkStatus.PROPOSED) is None:
            self.step_link(1)

    def unmatched(self, side: str) -> list[tuple[int, int]]:
        """Sentences of one side that no accepted, manual or proposed link covers (half+)."""
        project = self.project
        if project is None:
            return []
        doc = project.doc_a if side == "A" else project.doc_b
        if not doc.segmented and len(doc.text) > SEGMENT_ON_UI_THREAD_LIMIT:
            # segmenting a long text takes seconds: a worker does it (aligning, or
            # segment_in_background) and the panes re-render when it is done
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
