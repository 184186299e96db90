"""The status bar's permanent part: link counts, coverage, and alignment progress + cancel."""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QLabel, QMainWindow, QProgressBar, QPushButton, QWidget

from ..session import Session
from ..window.status_bar import MessageBar
from .no_counterpart import progress_text


class StatusArea(QObject):
    """Gives the window a MessageBar (messages elided, never drawn over the counters), fills
    it from the session and keeps it current."""

    def __init__(self, session: Session, window: QMainWindow) -> None:
        bar = MessageBar()
        window.setStatusBar(bar)
        super().__init__(bar)
        self.session = session
        self.counts_label = QLabel()
        self.counts_label.setAccessibleName("Link counts")
        self.coverage_label = QLabel()
        self.review_label = QLabel()  # unmatched passages marked "no counterpart" / all
        self.review_label.setAccessibleName("Unmatched passages reviewed")
        self.review_label.setToolTip("Passages without a partner that you marked as having no "
                                     "counterpart (D), of all of them (U steps through those left)")
        self.coverage_label.setAccessibleName("Coverage")
        self.progress = QProgressBar()
        self.progress.setRange(0, 100)
        self.progress.setFixedWidth(140)
        self.progress.setAccessibleName("Alignment progress")
        self.progress.setFormat("Aligning… %p%")
        self.cancel_button = QPushButton("Cancel")
        self.cancel_button.setAccessibleName("Cancel alignment")
        self.cancel_button.clicked.connect(session.cancel_alignment)
        self.bar = bar
        for widget in (self.progress, self.cancel_button):
            widget.hide()
            bar.add_counter(widget)
        for label in (self.counts_label, self.review_label, self.coverage_label):
            label.setMinimumWidth(60)  # may be clipped: the window can still get narrow
        # coverage is an overview figure: it steps aside while a long message shows
        bar.add_counters((self.counts_label, self.review_label, self.coverage_label),
                         yielding=(self.coverage_label,))
        session.links_changed.connect(self.update)
        session.project_replaced.connect(self.update)
        session.reviewed_changed.connect(self.update)
        session.alignment_running.connect(self._on_alignment_running)
        session.alignment_progress.connect(lambda f: self.progress.setValue(round(f * 100)))
        self.update()

    def add_counters(self, widgets: tuple[QWidget, ...], yielding: tuple[QWidget, ...]) -> None:
        """More counters after these (the claim controller's), some yielding to messages."""
        self.bar.add_counters(widgets, yielding)

    def update(self, _ids: object = None) -> None:
        if self.session.project is None:
            self.counts_label.setText(
                "Open two articles: File ▸ Open Pair (Ctrl+O), or drop them on the window")
            self.coverage_label.setText("")
            self.review_label.setText("")
            return
        c = self.session.counts()
        reviewed = c["accepted"] + c["manual"] + c["rejected"]
        self.review_label.setText(progress_text(self.session))
        self.counts_label.setText(f"{sum(c.values())} links · {c['proposed']} to review")
        self.counts_label.setToolTip(
            f"{sum(c.values())} links: {c['proposed']} proposed · {c['accepted']} accepted · "
            f"{c['manual']} manual · {c['rejected']} rejected ({reviewed} reviewed)")
        if self.session.long_pair:
            self.session.turns.defer("coverage", self._update_coverage)  # a turn of its own
        else:
            self._update_coverage()

    def _update_coverage(self) -> None:
        if self.session.project is not None:
            cov_a, cov_b = self.session.coverage()
            self.coverage_label.setText(f"A in B {cov_a:.0%} · B in A {cov_b:.0%}")
            self.coverage_label.setToolTip("Coverage: the share of A's text that has a partner "
                                           "in B, and of B's in A")

    def _on_alignment_running(self, running: bool) -> None:
        if running:
            self.progress.setValue(0)  # while hidden: a visible bar repaints the window now
        self.progress.setVisible(running)
        self.cancel_button.setVisible(running)
        if not running:
            self.update()
