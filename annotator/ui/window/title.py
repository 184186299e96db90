"""The window title: what is being compared, then the project file.

File names such as "000_7ef15a09e7207d90.txt vs 001_f395bdecfdbba89e.txt" say little in a
task bar or window switcher; the documents' titles (as the pane headers derive them, from
metadata or a headline first line) say which story this is, and the project file name says
where the work is kept: "Title A ↔ Title B — project.xml[*] — Annotator".
"""

from __future__ import annotations

from ..pane_header import document_title
from ..session import Session

TITLE_CHARS = 60  # each document's part; a window switcher shows the start of the title


def short(text: str, limit: int = TITLE_CHARS) -> str:
    """`text` cut at a word boundary to at most `limit` characters, with "…" when cut."""
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    cut = text[: limit - 1]
    space = cut.rfind(" ")
    return (cut[:space] if space > limit // 2 else cut).rstrip(" ,;:·-—") + "…"


def window_title(session: Session, app_name: str) -> str:
    """The titles of A and B, the project's file name (or "not saved"), the modified marker
    Qt fills in ([*]) and the app's name; only the app's name while nothing is open."""
    project = session.project
    if project is None:
        return app_name
    a, b = (short(document_title(doc)) or doc.id for doc in (project.doc_a, project.doc_b))
    where = session.path.name if session.path is not None else "not saved"
    return f"{a} ↔ {b} — {where}[*] — {app_name}"
