"""The selected link's line in the status bar ("Link l3 · score 0.87 · proposed — green:
shared words…"), and taking it down again.

The line is shown without a timeout, since it describes what stays selected. So it must go
when the selection leaves the link: deleting the link, Alt+1 moving on to the next unmatched
passage, or a click outside any link otherwise left "Link m1 · manual" on the bar with nothing
selected, and a fact-checker read the state of a link that was gone. It is taken down only
while it is still what the bar shows, so a message that replaced it (what a key just did)
keeps its time.
"""

from __future__ import annotations

from PySide6.QtWidgets import QStatusBar

from annotator.core.queries.links import score_label

from ..session import Session


class LinkMessage:
    """Keeps the status bar's line about the selected link in step with the selection."""

    def __init__(self, session: Session, bar: QStatusBar) -> None:
        self.session = session
        self.bar = bar
        self.shown = ""  # the line this object put up last ("" when none is up)

    def update(self) -> None:
        """Show the selected link's line, or take ours down when no link is selected."""
        link = self.session.current_link()
        if link is not None:
            score = f"{label} · " if (label := score_label(link)) else ""
            self.shown = (f"Link {link.id} · {score}{link.status.value} — "
                          "green: shared words, amber: changed words")
            self.bar.showMessage(self.shown)
            return
        if self.shown and self.bar.currentMessage() == self.shown:
            self.bar.clearMessage()
        self.shown = ""
