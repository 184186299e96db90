"""Issue 14.1: whatever the app opens it can save and re-open; bigger is refused at open."""

from __future__ import annotations

from pathlib import Path

import pytest

from annotator.core import Document, DocumentLoadError, new_project, read_project, save_project
from annotator.core.limits import MAX_DOCUMENT_XML_BYTES
from annotator.core.recovery import RecoveryStore


def _save_and_reopen(text: str, tmp_path: Path) -> None:
    """Save, autosave (the recovery file) and read both back."""
    source = tmp_path / "article.txt"
    source.write_text(text, encoding="utf-8")
    doc = Document.load(source, "A")
    project = new_project(doc, Document.from_text("B", "A short second article."))
    project.put_claim(project.make_claim("A", 10, 40, "quote"))
    path = tmp_path / "big.xml"
    save_project(project, path)
    again = read_project(path)
    assert again.doc_a.text == doc.text and again.claims == project.claims
    session = RecoveryStore(tmp_path / "autosave").start_session(path)
    recovered = read_project(session.save(project))
    assert recovered == project


def test_an_article_over_ten_million_bytes_saves_and_reopens(tmp_path: Path) -> None:
    sentence = "The council approved the budget after a long debate about schools. "
    text = sentence * (10_500_000 // len(sentence))  # 10.5 MB: over libxml2's 10 MB text node
    _save_and_reopen(text, tmp_path)


def test_cjk_article_of_ten_megabytes_saves_and_reopens(tmp_path: Path) -> None:
    text = "市议会在长时间辩论后批准了预算。" * 215_000  # 3.4 M characters, 10.3 MB of UTF-8
    assert len(text.encode("utf-8")) > 10_000_000
    _save_and_reopen(text, tmp_path)


def test_an_article_too_big_to_store_is_refused_at_open(tmp_path: Path) -> None:
    source = tmp_path / "huge.txt"
    source.write_bytes(b"word & word " * (MAX_DOCUMENT_XML_BYTES // 12 + 1))
    with pytest.raises(DocumentLoadError, match=r"MiB is over the 16 MiB limit"):
        Document.load(source, "A")
