"""A re-attached claim snaps to the words that match and never reaches into a neighbouring
sentence (QA, issue 14 item 8: "Professor Fernando Reyes Matta" became "Fernando Reyes Matta,
director" and was re-attached as "allies. Fernando Reyes Matta")."""

from __future__ import annotations

from pathlib import Path

from annotator.core import Document, new_project, read_project, save_project
from annotator.core.anchoring import AnchorStatus, reanchor
from tests.conftest import SAMPLE_A, SAMPLE_B

from .helpers import cli

OLD = SAMPLE_A.read_text(encoding="utf-8")
QUOTE = "Professor Fernando Reyes Matta"
NEW = "BREAKING. " + OLD.replace("Professor Fernando Reyes Matta, Director",
                                 "Fernando Reyes Matta, director")


def test_cli_reanchor_snaps_the_changed_claim_to_its_words(tmp_path: Path) -> None:
    project = new_project(Document.from_text("A", OLD), Document.load(SAMPLE_B, "B"))
    start = OLD.index(QUOTE)
    project.put_claim(project.make_claim("A", start, start + len(QUOTE), "attribution",
                                         claim_id="c2"))
    save_project(project, tmp_path / "re.xml")
    (tmp_path / "newA.txt").write_text(NEW, encoding="utf-8")
    out = tmp_path / "out.xml"
    result = cli("reanchor", str(tmp_path / "re.xml"), "--doc", "A",
                 str(tmp_path / "newA.txt"), "-o", str(out))
    assert result.returncode == 0, result.stderr
    claim = read_project(out).claims["c2"]
    assert claim.exact == "Fernando Reyes Matta"
    assert NEW[claim.start:claim.end] == "Fernando Reyes Matta"


def test_a_fuzzy_match_stays_in_one_sentence() -> None:
    old = "The vote was close. Senator Ana Ruiz, who chairs the panel, voted no."
    new = "The vote was close.\n\nAna Ruiz, who chairs the panel, voted no."
    quote = "Senator Ana Ruiz"
    start = old.index(quote)
    found = reanchor(new, quote, old[:start], old[start + len(quote):], start,
                     start + len(quote), min_score=0.6)
    assert found.status is AnchorStatus.FUZZY
    assert new[found.start:found.end] == "Ana Ruiz"


def test_a_quote_over_two_sentences_may_still_span_two() -> None:
    old = "It rained. The match was called off at noon. Fans left."
    new = "It rained hard. The match was called off at 1 pm. Fans left."
    quote = "It rained. The match was called off"
    found = reanchor(new, quote, "", old[len(quote):], 0, len(quote), min_score=0.6)
    assert found.status is AnchorStatus.FUZZY
    assert new[found.start:found.end].startswith("It rained hard. The match")
