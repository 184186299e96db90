"""Opening web pages, Word, PDF and URLs in the app: preview first, metadata in the headers,
clear errors that leave the open project alone."""

from __future__ import annotations

import time
from dataclasses import replace
from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPointF, Qt, QTimer, QUrl
from PySide6.QtGui import QDropEvent, QGuiApplication
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QProgressDialog, QPushButton

from annotator.core.inputs import read_source
from annotator.ui import dialogs
from annotator.ui.extraction_preview import ExtractionPreview
from annotator.ui.main_window import MainWindow
from annotator.ui.open_sources import OpenSourcesDialog
from tests.local_server import serve

from .conftest import Dialogs, wait_aligned

DATA = Path(__file__).resolve().parents[1] / "data" / "inputs"
PAGE, DOCX, PDF = DATA / "harbour_article.html", DATA / "council.docx", DATA / "press_release.pdf"


def test_open_pair_previews_then_shows_metadata_in_headers(
        window: MainWindow, qtbot, answers: Dialogs) -> None:  # type: ignore[no-untyped-def]
    assert window.open_pair(PAGE, PDF)
    wait_aligned(qtbot, window)
    [items] = answers.reviewed
    assert [(label, Path(src).name, f.meta.kind) for label, src, f in items] == [
        ("A", "harbour_article.html", "html"), ("B", "press_release.pdf", "pdf")]
    project = window.session.project
    assert project is not None and project.links
    assert project.doc_a.meta.site == "The Coastal Courier"
    titles = window.view.titles
    assert titles["A"].text() == ("A · The Coastal Courier · 2026-03-12 · "
                                  "Harbour dredging to start in April, authority says")
    assert titles["B"].text() == "B · 2026-03-12 · Port authority finishes the harbour survey"
    assert "by Tom Reyes" in titles["A"].toolTip()
    assert "read with trafilatura" in titles["A"].toolTip()


def test_plain_text_opens_without_a_preview(window: MainWindow, qtbot,  # type: ignore[no-untyped-def]
                                            answers: Dialogs, tmp_path: Path) -> None:
    a, b = tmp_path / "a.txt", tmp_path / "b.md"
    a.write_text("One sentence here. Another one.\n", "utf-8")
    b.write_text("# Head\n\nOne *sentence* here.\n", "utf-8")
    assert window.open_pair(a, b)
    wait_aligned(qtbot, window)
    assert answers.reviewed == []
    assert window.session.project.doc_b.text == "Head\n\nOne sentence here."
    assert window.view.titles["A"].text() == "A · a.txt"


def test_the_preview_edits_are_what_the_project_keeps(
        window: MainWindow, qtbot, answers: Dialogs) -> None:  # type: ignore[no-untyped-def]
    found = read_source(DOCX)
    edited = replace(found.trimmed(len("Council approves the new budget"), len(found.text)),
                     meta=found.meta.with_fields(title="Budget vote", date="2026-03-09"))
    answers.review_answer = [edited, read_source(PAGE)]
    assert window.open_pair(DOCX, PAGE)
    wait_aligned(qtbot, window)
    doc = window.session.project.doc_a
    assert doc.title == "Budget vote" and doc.meta.date == "2026-03-09"
    assert doc.text.startswith("The city council approved")
    assert window.view.titles["A"].text() == "A · 2026-03-09 · Budget vote"


def test_cancelled_preview_and_bad_files_leave_the_open_project(
        window: MainWindow, qtbot, answers: Dialogs, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    assert window.open_pair(PAGE, DOCX)
    wait_aligned(qtbot, window)
    before = window.session.project
    answers.review_answer = None
    assert not window.open_pair(PDF, DOCX)
    assert window.session.project is before
    broken = tmp_path / "broken.docx"
    broken.write_bytes(b"not a zip")
    scan = tmp_path / "scan.pdf"
    import pypdf

    writer = pypdf.PdfWriter()
    writer.add_blank_page(100, 100)
    with scan.open("wb") as out:
        writer.write(out)
    assert not window.open_pair(broken, PAGE)
    assert not window.open_pair(PAGE, scan)
    assert window.session.project is before
    messages = [m for _t, m in answers.errors]
    assert "broken.docx: not a readable Word document" in messages[0]
    assert "run OCR first" in messages[1]


def test_open_url_fetches_and_previews(window: MainWindow, qtbot, answers: Dialogs,  # type: ignore[no-untyped-def]
                                       monkeypatch: pytest.MonkeyPatch) -> None:
    with serve() as base:
        monkeypatch.setattr(dialogs, "ask_sources", lambda *_a: (f"{base}/article", str(DOCX)))
        window.actions_by_name["open_url"].trigger()
        wait_aligned(qtbot, window)
        project = window.session.project
        assert project is not None
        assert project.doc_a.meta.url == f"{base}/article"
        assert project.name == "Harbour dredging to start in April, auth vs council"
        monkeypatch.setattr(dialogs, "ask_sources", lambda *_a: (f"{base}/missing", str(DOCX)))
        window.actions_by_name["open_url"].trigger()
    assert window.session.project is project
    assert "answered 404" in answers.errors[-1][1]


@pytest.mark.parametrize("how", ["button", "escape"])
def test_a_stalling_server_can_be_walked_away_from(window: MainWindow, qtbot, answers: Dialogs,  # type: ignore[no-untyped-def]
                                                    monkeypatch: pytest.MonkeyPatch,
                                                    how: str) -> None:
    """A server dripping a byte at a time holds a fetch for its whole timeout; Cancel in the
    busy dialog gives the window back at once, with what was open still open."""
    before = window.session.project
    seen: list[str] = []

    def cancel() -> None:
        busy = next(w for w in QApplication.topLevelWidgets()
                    if isinstance(w, QProgressDialog) and w.isVisible())
        seen.append(busy.labelText())
        if how == "escape":
            qtbot.keyClick(busy, Qt.Key.Key_Escape)
        else:
            qtbot.mouseClick(next(b for b in busy.findChildren(QPushButton)
                                  if b.text() == "Cancel"), Qt.MouseButton.LeftButton)

    with serve() as base:
        monkeypatch.setattr(dialogs, "ask_sources", lambda *_a: (f"{base}/drip", str(DOCX)))
        QTimer.singleShot(500, cancel)
        started = time.monotonic()
        window.actions_by_name["open_url"].trigger()
        assert time.monotonic() - started < 5  # the drip alone would take 20 s
    assert seen and f"{base}/drip" in seen[0]
    assert window.session.project is before and not answers.errors
    assert "cancelled" in window.statusBar().currentMessage()


def test_dropping_a_link_and_a_file(window: MainWindow, qtbot) -> None:  # type: ignore[no-untyped-def]
    with serve() as base:
        mime = QMimeData()
        mime.setUrls([QUrl(f"{base}/release.pdf"), QUrl.fromLocalFile(str(PAGE))])
        event = QDropEvent(QPointF(50, 50), Qt.DropAction.CopyAction, mime,
                           Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
        window.dropEvent(event)
        qtbot.waitUntil(lambda: window.session.project is not None, timeout=10_000)
        wait_aligned(qtbot, window)
    assert window.session.project.doc_a.meta.kind == "pdf"
    assert window.session.project.doc_b.meta.kind == "html"


def test_preview_page_trims_and_edits(qtbot) -> None:  # type: ignore[no-untyped-def]
    found = read_source(PAGE)
    dialog = ExtractionPreview([("A", str(PAGE), found), ("B", str(PDF), read_source(PDF))])
    qtbot.addWidget(dialog)
    page = dialog.pages[0]
    assert page.fields["site"].text() == "The Coastal Courier"
    text = page.text
    cursor = text.textCursor()
    start = found.text.index("The harbour authority")
    cursor.setPosition(start)
    text.setTextCursor(cursor)
    page.trim_start.click()
    end = text.toPlainText().index("\n\nThe work is expected")
    cursor = text.textCursor()
    cursor.setPosition(end)
    text.setTextCursor(cursor)
    page.trim_end.click()
    assert text.toPlainText() == found.text[start:found.text.index("\n\nThe work is expected")]
    assert "trimmed" in page.count.text()
    page.fields["author"].setText("  T. Reyes ")
    a, b = dialog.results()
    assert a.text == ("The harbour authority said on Tuesday that its survey of the eastern "
                      "basin was complete and that dredging would begin in April, two months "
                      "later than first planned.")
    assert a.meta.author == "T. Reyes"
    assert b.text == read_source(PDF).text
    page.reset.click()
    assert text.toPlainText() == found.text


def test_preview_trim_counts_emoji_as_one_character(qtbot) -> None:  # type: ignore[no-untyped-def]
    found = replace(read_source(PAGE), text="😀😀 junk\n\nReal article text.")
    dialog = ExtractionPreview([("A", "x.html", found)])
    qtbot.addWidget(dialog)
    page = dialog.pages[0]
    cursor = page.text.textCursor()
    cursor.setPosition(11)  # "Real" in UTF-16 units: each emoji takes two
    page.text.setTextCursor(cursor)
    assert page.text.textCursor().block().text() == "Real article text."
    page.trim_start.click()
    assert dialog.results()[0].text == "Real article text."


def test_open_sources_dialog(qtbot) -> None:  # type: ignore[no-untyped-def]
    QGuiApplication.clipboard().setText("https://example.org/news/1")
    dialog = OpenSourcesDialog()
    qtbot.addWidget(dialog)
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    assert dialog.edits["A"].text() == "https://example.org/news/1"
    assert not ok.isEnabled()
    dialog.edits["B"].setText(f"  {DOCX}  ")
    assert ok.isEnabled()
    assert dialog.sources() == ("https://example.org/news/1", str(DOCX))


def test_a_bare_www_address_gets_https(qtbot) -> None:  # type: ignore[no-untyped-def]
    dialog = OpenSourcesDialog()
    qtbot.addWidget(dialog)
    dialog.edits["A"].setText("www.example.org/story")
    dialog.edits["B"].setText("/tmp/b.html")
    assert dialog.sources() == ("https://www.example.org/story", "/tmp/b.html")


def test_a_plain_file_shows_its_headline_not_its_file_name(
        window: MainWindow, qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from annotator.ui.pane_header import headline

    a, b = tmp_path / "000_7ef15a09.txt", tmp_path / "b.txt"
    a.write_text("Harbour survey finds the pier unsafe\n\nThe survey, finished on Monday, "
                 "found cracks. Repairs start in May.\n", "utf-8")
    b.write_text("The survey found cracks in the pier,\nand repairs start in May.\n\nMore.\n",
                 "utf-8")
    assert window.open_pair(a, b)
    wait_aligned(qtbot, window)
    titles = window.view.titles
    assert titles["A"].text() == "A · Harbour survey finds the pier unsafe"
    assert "000_7ef15a09.txt" in titles["A"].toolTip()  # the file is still named
    assert titles["B"].text() == "B · b.txt"  # a wrapped first paragraph is no headline
    assert headline("Head\n\nOne") == ""  # one word: too short to tell
    assert headline("Ends like a sentence, it does.\n\nBody") == ""
