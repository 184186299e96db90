"""Aligning the open pair in the worker and applying the result to the session.

The aligner runs in the worker process (`AlignRunner`); its proposals come back as one
undoable step ("Re-align at 0.35"), or, for a freshly opened pair, as part of opening it. A
result is re-diffed when the links were edited while it ran, dropped when the pair was
replaced or a newer run started, and applied in a turn of its own on a long pair.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from functools import partial
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject

from annotator.core import AlignmentLink, AlignOptions, AlignSettings, Document, Project
from annotator.core.edits import SETTINGS, Change
from annotator.core.edits.proposals import anchors_unchanged, facts_after, proposal_changes
from annotator.core.queries.link_facts import LinkFacts, LinkSummary

from ..commands import AlignCommand
from .align_worker import AlignRunner

if TYPE_CHECKING:
    from ..session import Session

APPLY_ALIGNMENT = "apply alignment"  # the deferred step that applies a diffed result


class Realigner(QObject):
    def __init__(self, session: Session) -> None:
        super().__init__(session)
        self.session = session
        self.pending_settings = AlignSettings()
        self.initial = False  # the running job is a fresh pair's first alignment
        self.runner = AlignRunner(self)
        self.runner.started.connect(lambda: session.alignment_running.emit(True))
        self.runner.progress.connect(session.alignment_progress)
        self.runner.finished.connect(self.on_finished)
        self.runner.cancelled.connect(self._on_stopped)
        self.runner.failed.connect(self._on_failed)
        self.runner.segmented.connect(self._on_segmented)

    @property
    def busy(self) -> bool:
        """A job is running, or its result waits for its turn to be applied."""
        return self.runner.running or self.session.turns.pending(APPLY_ALIGNMENT)

    def start(self, project: Project, threshold: float | None = None) -> None:
        settings = project.settings
        if threshold is not None:
            settings = replace(settings, threshold=round(float(threshold), 4))
        self.pending_settings = settings
        options = AlignOptions(threshold=settings.threshold, method=settings.method)
        self.runner.start(project.doc_a, project.doc_b, options, project.anchors())

    def segment(self, doc_a: Document, doc_b: Document) -> None:
        self.runner.segment(doc_a, doc_b)

    def _on_segmented(self, doc_a: object, doc_b: object) -> None:
        project = self.session.project
        if project is not None and doc_a is project.doc_a and doc_b is project.doc_b:
            self.session.links_changed.emit(list(project.links))

    def on_finished(self, proposals: list[AlignmentLink], anchors: list[AlignmentLink],
                    summary: LinkSummary | None = None, now: bool = False) -> None:
        session = self.session
        project = session.project
        if project is None:
            return
        if not anchors_unchanged(project, anchors):
            self.start(project, self.pending_settings.threshold)  # decisions changed meanwhile
            return
        edits, final = proposal_changes(project, proposals)
        settings = self.pending_settings
        if settings != project.settings:
            edits.insert(0, Change(SETTINGS, "align", project.settings, settings))
        apply = partial(self._apply, project, session.link_version, edits,
                        partial(facts_after, project, summary, final), (proposals, anchors))
        if session.long_pair and not now:
            session.turns.defer(APPLY_ALIGNMENT, apply)  # the diff took this turn
        else:
            apply()

    def _apply(self, project: Project, version: int, edits: list[Change],
               make_facts: Callable[[], LinkFacts | None],
               result: tuple[list[AlignmentLink], list[AlignmentLink]]) -> None:
        """Apply a diffed alignment, unless the project was replaced or a newer job started
        since; if the links were edited since, diff again first. The link facts are made
        here, in the applying turn, which leaves the diffing turn shorter."""
        session = self.session
        if session.project is not project or self.runner.running:
            return
        if session.link_version != version:
            self.on_finished(*result, None, now=True)
            return
        facts = make_facts()
        if self.initial:
            self.initial = False
            # the initial proposals are part of opening the pair, not an edit to undo
            session.apply_aligned(edits, facts)
        elif edits:
            session.undo_stack.push(AlignCommand(
                f"Re-align at {self.pending_settings.threshold:.2f}", edits,
                session.apply_aligned, session.link_facts, facts))
        session.alignment_running.emit(False)

    def _on_stopped(self) -> None:
        self.session.alignment_running.emit(False)
        self.session.settings_changed.emit()  # controls fall back to the project's threshold

    def _on_failed(self, message: str) -> None:
        self.session.alignment_running.emit(False)
        self.session.alignment_failed.emit(message)
        self.session.settings_changed.emit()
