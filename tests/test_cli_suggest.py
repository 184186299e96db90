"""`annotator suggest`: every unmatched sentence with its ranked candidates, readable or JSON."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from annotator.cli import main
from annotator.core import (
    AlignmentLink,
    Document,
    LinkStatus,
    Span,
    align,
    new_project,
    save_project,
)
from tests.conftest import SAMPLE_A, SAMPLE_B


def _sentence(doc: Document, phrase: str) -> list[int]:
    at = doc.text.index(phrase)
    seg = next(s for s in doc.sentences if s.start <= at < s.end)
    return [seg.start, seg.end]


def test_json_lists_every_unmatched_sentence_with_ranked_candidates() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "annotator", "suggest", str(SAMPLE_A), str(SAMPLE_B), "--json",
         "-k", "3"], capture_output=True, check=True)
    items = json.loads(result.stdout)
    a, b = Document.load(SAMPLE_A, "A"), Document.load(SAMPLE_B, "B")
    links = align(a, b)
    linked_a = {(s.start, s.end) for link in links for s in link.a}
    assert {item["doc"] for item in items} == {"A", "B"}
    for item in items:
        doc, other = (a, b) if item["doc"] == "A" else (b, a)
        start, end = item["span"]
        assert any(s.start == start and s.end == end for s in doc.sentences)
        assert len(item["candidates"]) <= 3  # none when nothing scores 0.001
        scores = [c["score"] for c in item["candidates"]]
        assert scores == sorted(scores, reverse=True)
        for c in item["candidates"]:
            assert any([s.start, s.end] == c["span"] for s in other.sentences)
    assert sum(len(item["candidates"]) == 3 for item in items) > len(items) / 2
    spans_a = [tuple(item["span"]) for item in items if item["doc"] == "A"]
    assert not set(spans_a) & linked_a
    october = next(i for i in items if i["span"] == _sentence(a, "reported October request"))
    partners = [_sentence(b, "In light of the growing threats"),  # it has two
                _sentence(b, "Reports indicate that he reached out")]
    assert any(p in [c["span"] for c in october["candidates"]] for p in partners)


def test_readable_listing_shows_sentences_scores_and_k(capsys: pytest.CaptureFixture[str],
                                                       ) -> None:
    assert main(["suggest", str(SAMPLE_A), str(SAMPLE_B), "-k", "1"]) == 0
    out = capsys.readouterr().out
    assert "unmatched sentences in A" in out
    assert "Despite Maduro’s reported October request" in out
    assert "    1. 0." in out and "    2. " not in out


def test_a_saved_project_is_taken_with_its_links(tmp_path: Path,
                                                 capsys: pytest.CaptureFixture[str]) -> None:
    a, b = Document.load(SAMPLE_A, "A"), Document.load(SAMPLE_B, "B")
    project = new_project(a, b)
    project.replace_proposals(align(a, b))
    sa, sb = _sentence(a, "reported October request"), _sentence(b, "In light of the growing")
    project.put_link(AlignmentLink("m1", (Span(*sa),), (Span(*sb),), 1.0, LinkStatus.MANUAL))
    path = tmp_path / "pair.xml"
    save_project(project, path)
    assert main(["suggest", str(path), "--json"]) == 0
    items = json.loads(capsys.readouterr().out)
    assert sa not in [i["span"] for i in items if i["doc"] == "A"]  # now linked
    assert sb not in [i["span"] for i in items if i["doc"] == "B"]
    assert len(items) < len(a.sentences) + len(b.sentences)


def test_bad_input_gives_a_message_not_a_traceback(tmp_path: Path,
                                                   capsys: pytest.CaptureFixture[str]) -> None:
    broken = tmp_path / "broken.xml"
    broken.write_text("<project", encoding="utf-8")
    assert main(["suggest", str(broken)]) == 2
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    assert main(["suggest", str(empty), str(SAMPLE_B)]) == 2
    assert main(["suggest", str(SAMPLE_A), str(SAMPLE_B), str(SAMPLE_A)]) == 2
    assert "error:" in capsys.readouterr().err
    with pytest.raises(SystemExit):
        main(["suggest", str(SAMPLE_A), str(SAMPLE_B), "-k", "0"])
