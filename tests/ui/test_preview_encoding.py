"""The extraction preview lets the user read a guessed-encoding file in another encoding."""

from __future__ import annotations

from pathlib import Path

from pytestqt.qtbot import QtBot

from annotator.core.inputs import read_source
from annotator.ui.extraction_preview import PreviewPage


def test_a_guessed_encoding_can_be_changed_in_the_preview(qtbot: QtBot, tmp_path: Path) -> None:
    path = tmp_path / "euro.txt"
    path.write_bytes("Le conseil a voté 40 € pour le pont, a dit l’élu.\n".encode("cp1252"))
    found = read_source(path)
    page = PreviewPage("A", str(path), found)
    qtbot.addWidget(page)
    assert page.encoding is not None and page.encoding.currentText() == "cp1252"
    assert any("cp1252" in label.text() for label in page.notes)
    page.encoding.setCurrentText("utf-8")  # not valid UTF-8: refused, still cp1252
    assert page.encoding.currentText() == "cp1252"
    assert "not valid utf-8" in page.notes[0].text()
    assert "40 €" in page.text.toPlainText()
    other = "mac-roman"  # a choice the combo offers beyond the guess
    page.encoding.setCurrentText(other)
    assert page.result().encoding == other
    assert page.text.toPlainText().strip() == path.read_bytes().decode(other).strip()
    assert "as you chose" in page.notes[0].text()


def test_a_certain_encoding_offers_no_choice(qtbot: QtBot, tmp_path: Path) -> None:
    path = tmp_path / "plain.txt"
    path.write_text("Le conseil a voté 40 € pour le pont.\n", encoding="utf-8")
    page = PreviewPage("A", str(path), read_source(path))
    qtbot.addWidget(page)
    assert page.encoding is None
