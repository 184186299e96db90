"""Opening and aligning a mid-size pair keeps the UI thread's work proportional to the view:
no aligning or segmenting here, no highlighter pass over every block, and only the links
and blocks in view (not all of them) painted. Structural, so it cannot flake."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from pytestqt.qtbot import QtBot

from annotator.core import document as document_module
from annotator.ui.main_window import MainWindow
from annotator.ui.view import layers as pane_layers
from annotator.ui.worker import align_child
from tests.ui.conftest import wait_aligned

NAMES = ("Alvarez", "Brooks", "Chen", "Dubois", "Eriksen", "Farah", "Gupta", "Hoffmann")


def _article(verb: str, paragraphs: int) -> str:
    """Distinct paragraphs (every number and name pairing differs), reworded per side."""
    return "\n\n".join(
        f"Minister {NAMES[i % 8]} {verb} on day {i} that the budget for district {i * 7} "
        f"would rise by {i * 13 + 5} million after {i % 5 + 2} weeks of talks. "
        f"Critics in ward {i * 3 + 1} warned that {i * 11 + 9} jobs were at risk."
        for i in range(paragraphs))


def test_open_and_align_a_long_pair_without_whole_document_work(
        qtbot: QtBot, window: MainWindow, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*_args: Any, **_kwargs: Any) -> Any:
        raise AssertionError("aligned or segmented on the UI process")

    monkeypatch.setattr(align_child, "align_documents", refuse)
    monkeypatch.setattr(document_module, "sentences", refuse)
    formatted: list[int] = []
    highlight = pane_layers.LayeredHighlighter.highlightBlock

    def counting(self: pane_layers.LayeredHighlighter, text: str) -> None:
        formatted.append(self.currentBlock().blockNumber())
        highlight(self, text)

    monkeypatch.setattr(pane_layers.LayeredHighlighter, "highlightBlock", counting)
    path_a, path_b = tmp_path / "a.txt", tmp_path / "b.txt"
    path_a.write_text(_article("said", 300), encoding="utf-8")
    path_b.write_text(_article("told reporters", 300), encoding="utf-8")
    assert window.open_pair(path_a, path_b)
    wait_aligned(qtbot, window)
    view = window.view
    qtbot.waitUntil(lambda: not window.session.turns.pending(), timeout=10_000)
    project = window.session.project
    assert project is not None and len(project.links) > 60
    assert project.doc_a.segmented  # sentences came from the worker
    assert view.pane_a.layer("links")  # the tints are there...
    assert window.claims.taxonomy_actions  # (the claim keys came in a turn of their own)
    assert formatted == []  # ...painted per visible block, never formatted into every block
    window.view.gutter.grab()
    assert 0 < len(window.view.gutter.painted) < len(project.links) / 2
    pane = window.view.pane_a
    pane.viewport().grab()
    assert 0 < pane.painted_blocks < pane.document().blockCount() / 4
