"""Re-anchoring claims on changed text: unchanged, moved, duplicated, edited, gone, hostile."""

from __future__ import annotations

from annotator.core import Document, new_project, project_to_bytes, read_project
from annotator.core.anchoring import AnchorStatus, reanchor, reanchor_claim, reanchor_claims

OLD = (
    "Budget talks stall 😀 in the capital.\n\n"
    "The minister said the plan was final. Officials said 12 percent of funds were cut. "
    "Critics disagreed, and the minister said the plan was final again later."
)


def _claim(text: str, needle: str, nth: int = 0, doc: str = "A"):  # type: ignore[no-untyped-def]
    project = new_project(Document.from_text("A", text), Document.from_text("B", "other"))
    start = -1
    for _ in range(nth + 1):
        start = text.index(needle, start + 1)
    return project.make_claim(doc, start, start + len(needle), "quote", claim_id="c1")


def test_unchanged_text_is_exact() -> None:
    claim = _claim(OLD, "12 percent of funds were cut")
    result = reanchor_claim(claim, OLD)
    assert result.anchor.status is AnchorStatus.EXACT and result.new == claim


def test_moved_text_is_found_with_new_offsets() -> None:
    claim = _claim(OLD, "12 percent of funds were cut")
    new = "UPDATE: a paragraph added at the top 🙂 with é and more words.\n\n" + OLD
    result = reanchor_claim(claim, new)
    assert result.anchor.status is AnchorStatus.MOVED and result.new is not None
    assert new[result.new.start : result.new.end] == claim.exact
    assert result.new.start == claim.start + new.index(OLD)
    assert result.new.prefix == new[result.new.start - 32 : result.new.start]


def test_duplicates_are_told_apart_by_context() -> None:
    second = _claim(OLD, "the minister said the plan was final", nth=0)
    # the lower-case occurrence is the second sentence's; move everything and add a decoy
    assert second.start > 0
    later = _claim(OLD, "minister said the plan was final", nth=1)
    new = OLD.replace("Critics disagreed, and", "Critics, in a long statement, disagreed and")
    new = "The minister said the plan was final. " + new  # a new copy at the very top
    result = reanchor(new, later.exact, later.prefix, later.suffix, later.start, later.end)
    assert result.status is AnchorStatus.MOVED
    assert new[result.end : result.end + 7] == " again "  # the one followed by "again"


def test_context_beats_a_coincidence_at_the_old_offset() -> None:
    text = "Alpha said yes to the budget. Beta said no. Gamma said yes to the tax rise."
    claim = _claim(text, "yes", nth=1)  # Gamma's
    new = "Gamma said yes to the tax rise. Alpha said yes to the budget. Beta said no."
    alpha = new.index("yes", new.index("yes") + 1)
    new = "x" * (claim.start - alpha) + new  # Alpha's "yes" now sits at Gamma's old offsets
    assert new[claim.start : claim.end] == "yes"  # an exact quote at the old offsets ...
    result = reanchor(new, claim.exact, claim.prefix, claim.suffix, claim.start, claim.end)
    assert result.status is AnchorStatus.MOVED  # ... but the wrong one: context decides
    assert new[result.end : result.end + 17] == " to the tax rise."


def test_slightly_edited_and_moved_quote_is_found_fuzzily() -> None:
    claim = _claim(OLD, "Officials said 12 percent of funds were cut.")
    new = ("A new lead paragraph pushes everything down quite a bit.\n\n"
           + OLD.replace("Officials said 12 percent", "Officials said 15.5 percent"))
    result = reanchor_claim(claim, new)
    assert result.anchor.status is AnchorStatus.FUZZY and result.new is not None
    assert result.new.exact == "Officials said 15.5 percent of funds were cut."
    assert result.anchor.score > 0.9


def test_edited_quote_far_from_its_old_place_uses_the_whole_text() -> None:
    body = " ".join(f"Filler sentence number {n} about nothing at all." for n in range(120))
    quote = "The central bank raised interest rates by half a point on Tuesday."
    old = quote + " " + body
    claim = _claim(old, quote)
    new = body + " The central bank raised its interest rates by half a point on Tuesday."
    result = reanchor(new, claim.exact, claim.prefix, claim.suffix, claim.start, claim.end)
    assert result.status is AnchorStatus.FUZZY
    assert new[result.start : result.end] == (
        "The central bank raised its interest rates by half a point on Tuesday.")


def test_deleted_passage_is_an_orphan() -> None:
    claim = _claim(OLD, "Officials said 12 percent of funds were cut.")
    new = OLD.replace("Officials said 12 percent of funds were cut. ", "")
    result = reanchor_claim(claim, new)
    assert result.anchor.status is AnchorStatus.ORPHAN and result.new is None
    assert result.old == claim


def test_bad_input_never_crashes() -> None:
    assert reanchor("", "x").status is AnchorStatus.ORPHAN
    assert reanchor("some text", "").status is AnchorStatus.ORPHAN
    assert reanchor("short", "a much longer quote than the text").status is AnchorStatus.ORPHAN
    found = reanchor("a b c d e", "c", start=10_000, end=-5)
    assert (found.start, found.end) == (4, 5)
    assert reanchor("tiny", "tiny", start=-3, end=99).status is AnchorStatus.EXACT


def test_reanchored_claims_are_valid_in_a_project() -> None:
    old_doc = Document.from_text("A", OLD)
    project = new_project(old_doc, Document.from_text("B", "other text"))
    for needle in ("😀 in the capital", "12 percent of funds were cut", "Critics disagreed"):
        start = OLD.index(needle)
        project.put_claim(project.make_claim("A", start, start + len(needle), "statistic"))
    new_text = "Preface with an emoji 🎉 and accents: x\u0301.\n\n" + OLD.replace(
        "Critics disagreed", "Critics strongly disagreed")
    new_doc = Document.from_text("A", new_text)
    results = reanchor_claims(project.claims.values(), new_doc)
    assert [r.anchor.status for r in results] == [
        AnchorStatus.MOVED, AnchorStatus.MOVED, AnchorStatus.FUZZY]
    fresh = new_project(new_doc, project.doc_b)
    for r in results:
        assert r.new is not None
        fresh.put_claim(r.new)
    assert read_project(project_to_bytes(fresh)) == fresh  # exact == text[start:end] holds
    assert results[2].new is not None and results[2].new.exact == "Critics strongly disagreed"
