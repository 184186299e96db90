"""Issue 14.8: replacing an article's text keeps claims and decided links, lists orphans, and
never moves a claim to a place whose context does not match."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from annotator.core import (
    AlignmentLink,
    ClaimLink,
    Document,
    LinkStatus,
    Span,
    align,
    new_project,
    read_project,
    save_project,
)
from annotator.core.anchoring import AnchorStatus, reanchor_claims
from annotator.core.replace_text import delete_orphan, place_orphan, replace_document
from tests.conftest import SAMPLE_A, SAMPLE_B

from .helpers import ROOT, cli

OLD = SAMPLE_A.read_text(encoding="utf-8")
SENTENCES = [m for m in re.finditer(r"[A-Z][^.!?\n]{20,}[.!?]", OLD)]
GONE = "Washington has conducted strikes targeting alleged drug smuggling operations"


def _project():  # type: ignore[no-untyped-def]
    """Claims on every sentence of A (and two in B), claim links, decided and proposed links."""
    project = new_project(Document.from_text("A", OLD), Document.load(SAMPLE_B, "B"))
    for n, m in enumerate(SENTENCES):
        project.put_claim(project.make_claim("A", m.start(), m.end(), "factual",
                                             claim_id=f"a{n}", note=f"note {n}"))
    b = project.doc_b.text
    project.put_claim(project.make_claim("B", 0, b.index("\n"), "quote", claim_id="b0"))
    project.put_claim(project.make_claim("B", 100, 140, "quote", claim_id="b1"))
    gone = next(n for n, m in enumerate(SENTENCES) if m.group().startswith(GONE))
    project.put_claim_link(ClaimLink("r1", "a0", "b0", "same"))
    project.put_claim_link(ClaimLink("r2", f"a{gone}", "b1", "paraphrase", "keep me"))
    project.replace_proposals(align(project.doc_a, project.doc_b))
    first = SENTENCES[0]
    project.put_link(AlignmentLink("m1", (Span(first.start(), first.end()),), (Span(0, 20),),
                                   1.0, LinkStatus.MANUAL, "manual"))
    return project, gone


def _edited() -> str:
    new = "UPDATE: this article was corrected on Friday.\n\n" + OLD
    new = new.replace("approximately 15,000 troops", "about 15,000 troops")
    return re.sub(GONE + r"[^.]*\.\s*", "", new)


def test_replacing_a_text_reattaches_claims_and_lists_orphans() -> None:
    project, gone = _project()
    new_text = _edited()
    updated, report = replace_document(project, "A", Document.from_text("A", new_text))
    assert set(updated.orphans) == {f"a{gone}"}  # the deleted sentence's claim, kept aside
    assert updated.orphans[f"a{gone}"] == project.claims[f"a{gone}"]
    for cid, claim in updated.claims.items():
        old = project.claims[cid]
        assert claim.note == old.note and claim.type == old.type
        if claim.doc == "B":
            assert claim == old
            continue
        assert new_text[claim.start : claim.end] == claim.exact
        if "15,000" not in old.exact:
            assert claim.exact == old.exact  # untouched sentences moved verbatim
    assert "r2" in updated.orphan_links and "r1" in updated.claim_links
    assert "m1" in updated.links and updated.links["m1"].a[0].start == project.links[
        "m1"].a[0].start + len("UPDATE: this article was corrected on Friday.\n\n")
    assert all(link.status.is_anchor for link in updated.links.values())
    assert report.proposals_dropped == len(project.links) - 1
    text = "\n".join(report.lines())
    assert f"ORPHANED: a{gone}" in text and "1 orphaned" in text
    assert len(report.claims_with(AnchorStatus.MOVED)) >= len(SENTENCES) - 2


def test_orphans_survive_a_save_and_can_be_placed_or_deleted(tmp_path: Path) -> None:
    project, gone = _project()
    updated, _ = replace_document(project, "A", Document.from_text("A", _edited()))
    save_project(updated, tmp_path / "out.xml")
    again = read_project(tmp_path / "out.xml")
    assert again == updated
    orphan = again.orphans[f"a{gone}"]
    claim = place_orphan(again, orphan.id, 0, 10)
    assert claim.note == orphan.note and claim.id in again.claims and not again.orphans
    assert "r2" in again.claim_links and not again.orphan_links
    save_project(again, tmp_path / "placed.xml")
    assert read_project(tmp_path / "placed.xml") == again
    updated2, _ = replace_document(project, "A", Document.from_text("A", _edited()))
    assert [cl.id for cl in delete_orphan(updated2, f"a{gone}")] == ["r2"]


def test_putting_the_old_text_back_places_the_orphans_again() -> None:
    project, gone = _project()
    updated, _ = replace_document(project, "A", Document.from_text("A", _edited()))
    restored, _ = replace_document(updated, "A", Document.from_text("A", OLD))
    assert not restored.orphans and not restored.orphan_links
    assert restored.claims[f"a{gone}"] == project.claims[f"a{gone}"]


def test_a_short_quote_whose_mention_is_deleted_is_an_orphan_not_a_move() -> None:
    text = ("Maduro said the talks were over. Later that week the foreign minister, speaking "
            "in Caracas, said Maduro would travel to Moscow in the spring.")
    project = new_project(Document.from_text("A", text), Document.from_text("B", "Other."))
    start = text.index("Maduro")  # the first mention, in the sentence that will be deleted
    project.put_claim(project.make_claim("A", start, start + 6, "attribution", claim_id="c1"))
    new = text.replace("Maduro said the talks were over. ", "")
    [result] = reanchor_claims(project.claims.values(), Document.from_text("A", new))
    assert result.anchor.status is AnchorStatus.ORPHAN


UNRELATED = (
    "The national team from China beat Russia 3-1 in Saturday's friendly in Kazan. Analysts "
    "had expected a draw, but the visitors showed little signs of fatigue. Support from the "
    "travelling fans was loud. The coach, speaking after the match, said the White House of "
    "football is the training ground. Military discipline, he said, beats talent. In the "
    "second half Russia pressed and China defended; the strategic priority was the counter. "
    "Officials said attendance reached 15,000 despite the rain. The return match is in Beijing "
    "in the spring, and both teams will support a joint youth programme.\n"
)


def test_no_claim_moves_into_a_completely_different_article() -> None:
    project = new_project(Document.from_text("A", OLD), Document.from_text("B", "Other."))
    words = ["Russia", "China", "Maduro", "support", "15,000 troops", "little signs of support",
             "strategic priority", "White House", "Beijing", "military", "analysts",
             "Venezuela", "Washington", "Chávez", "sanctions"]
    for word in words:
        start = OLD.find(word)
        if start >= 0:
            project.put_claim(project.make_claim("A", start, start + len(word), "quote"))
    assert len(project.claims) >= 12
    results = reanchor_claims(project.claims.values(), Document.from_text("A", UNRELATED))
    assert [r.old.exact for r in results if r.new is not None] == []


@pytest.mark.parametrize("where", ["before", "inside", "after"])
def test_edits_before_inside_and_after_claims_keep_them_right(where: str) -> None:
    project, _ = _project()
    new = OLD
    for m in reversed(SENTENCES):
        s, e = m.start(), m.end()
        if where == "before":
            new = new[:s] + "Indeed, " + new[s:]
        elif where == "after":
            new = new[:e] + " (corrected)" + new[e:]
        else:
            mid = s + (e - s) // 2
            while new[mid] != " ":
                mid += 1
            new = new[:mid] + " reportedly" + new[mid:]
    results = reanchor_claims(project.claims.values(), Document.from_text("A", new))
    ok = 0
    for r in results:
        assert r.new is not None, (where, r.old.exact)
        expected = r.old.exact if where != "inside" else None
        if expected is not None:
            ok += r.new.exact == expected
        else:
            ok += r.new.exact.replace(" reportedly", "") == r.old.exact
    assert ok == len(results)


def test_cli_reanchor_writes_the_project_and_reports(tmp_path: Path) -> None:
    project, gone = _project()
    save_project(project, tmp_path / "pair.xml")
    (tmp_path / "new.txt").write_text(_edited(), encoding="utf-8")
    out = tmp_path / "out.xml"
    result = cli("reanchor", str(tmp_path / "pair.xml"), "--doc", "A", str(tmp_path / "new.txt"),
                 "-o", str(out))
    assert result.returncode == 0, result.stderr
    assert f"ORPHANED: a{gone}" in result.stdout and "Re-aligned:" in result.stdout
    written = read_project(out)
    assert f"a{gone}" in written.orphans and "m1" in written.links
    assert any(link.status is LinkStatus.PROPOSED for link in written.links.values())
    bad = cli("reanchor", str(tmp_path / "pair.xml"), "--doc", "C", str(tmp_path / "new.txt"),
              "-o", str(out))
    assert bad.returncode == 2 and "--doc must be A or B" in bad.stderr


def test_the_new_version_keeps_its_format_file_extractor_and_language(tmp_path: Path) -> None:
    """The README: every document records its format, file name and extractor, and its
    language, in the project file; a replaced article lost all of them (origin and language
    were dropped from the document put in the old one's place)."""
    page = ROOT / "tests" / "data" / "inputs" / "harbour_article.html"
    project = new_project(Document.from_text("A", OLD), Document.load(SAMPLE_B, "B"))
    updated, _report = replace_document(project, "A", Document.load(page, "A"))
    doc = updated.doc_a
    assert (doc.meta.kind, doc.meta.file, doc.meta.extractor) == (
        "html", "harbour_article.html", "trafilatura")
    assert doc.language == "en"
    save_project(updated, tmp_path / "out.xml")
    again = read_project(tmp_path / "out.xml").doc_a
    assert again.meta == doc.meta and again.language == "en"


def test_no_align_does_not_report_a_realignment(tmp_path: Path) -> None:
    """`--no-align` skips the re-alignment (README); the report said the dropped proposals
    were "to be re-aligned" all the same."""
    project, _gone = _project()
    save_project(project, tmp_path / "pair.xml")
    (tmp_path / "new.txt").write_text(_edited(), encoding="utf-8")
    result = cli("reanchor", str(tmp_path / "pair.xml"), "--doc", "A", str(tmp_path / "new.txt"),
                 "-o", str(tmp_path / "out.xml"), "--no-align")
    assert result.returncode == 0, result.stderr
    assert "re-aligned (--no-align)" in result.stdout and "to be re-aligned" not in result.stdout
    assert "Re-aligned:" not in result.stdout
