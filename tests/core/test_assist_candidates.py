"""Claim candidates of each kind, the user's dismissals, and accepting a candidate or a flag."""

from __future__ import annotations

from annotator.core import Document, new_project
from annotator.core.assist.actions import apply_resolution, claim_for, resolve_flag
from annotator.core.assist.candidates import find_candidates
from annotator.core.assist.check import check_project
from annotator.core.assist.model import Dismissal, FlagState

from .assist_helpers import aligned

TEXT = ("A wildfire destroyed 85 houses on 1 March 2024, the county fire service said. "
        "“We lost everything,” said resident Ana Ruiz. The blaze was allegedly started by a "
        "campfire. Damage could reach $45 million, according to insurers.")


def project_of(text: str = TEXT):  # type: ignore[no-untyped-def]
    return new_project(Document.from_text("A", text), Document.from_text("B", "Nothing."))


def found(text: str = TEXT) -> dict[str, list[str]]:
    by_kind: dict[str, list[str]] = {}
    for c in find_candidates(project_of(text), "A"):
        by_kind.setdefault(c.kind, []).append(c.exact)
    return by_kind


def test_each_kind() -> None:
    assert found() == {
        "statistic": ["85 houses", "$45 million"],
        "date": ["1 March 2024"],
        "attribution": ["the county fire service said", "said resident Ana Ruiz",
                        "according to insurers"],
        "quote": ["“We lost everything,”"],
        "hedge": ["The blaze was allegedly started by a campfire.",
                  "Damage could reach $45 million, according to insurers."],
    }


def test_quote_carries_its_speaker_and_statistic_its_source() -> None:
    by_kind = {c.kind: c for c in find_candidates(project_of(), "A")}
    assert by_kind["quote"].attributes == (("speaker", "resident Ana Ruiz"),)
    assert by_kind["quote"].claim_type == "quote"
    houses = next(c for c in find_candidates(project_of(), "A") if c.exact == "85 houses")
    assert houses.attributes == (("source", "the county fire service"),)
    assert by_kind["statistic"].attributes == (("source", "insurers"),)


def test_plain_text_has_no_candidates() -> None:
    assert found("The weather was pleasant and the town was quiet.") == {}


def test_dismissed_and_claimed_candidates_are_not_offered_again() -> None:
    project = project_of()
    first = find_candidates(project, "A")
    quote = next(c for c in first if c.kind == "quote")
    project.assist.dismissed[quote.id] = Dismissal.of(quote)
    statistic = next(c for c in first if c.kind == "statistic")
    project.put_claim(claim_for(project, statistic))
    left = find_candidates(project, "A")
    assert quote not in left and statistic not in left
    assert len(left) == len(first) - 2
    assert quote in find_candidates(project, "A", include_dismissed=True)


def test_accepting_fills_type_and_speaker() -> None:
    project = project_of()
    quote = next(c for c in find_candidates(project, "A") if c.kind == "quote")
    claim = claim_for(project, quote)
    assert (claim.type, claim.exact, claim.attrs["speaker"]) == (
        "quote", "“We lost everything,”", "resident Ana Ruiz")
    assert project.claims == {}  # nothing becomes a claim until the caller puts it


def test_flag_becomes_two_claims_and_a_claim_link() -> None:
    project = aligned("A landslide destroyed 85 houses in Orvik. Roads stayed shut.",
                      "A landslide destroyed 58 houses in Orvik. Roads stayed shut.")
    flag = check_project(project)[0]
    resolution = resolve_flag(project, flag)
    apply_resolution(project, resolution)
    link = next(iter(project.claim_links.values()))
    assert link.relation == "number-changed"
    source, target = project.claims[link.source], project.claims[link.target]
    assert (source.doc, source.exact, source.type) == (
        "A", "A landslide destroyed 85 houses in Orvik.", "statistic")
    assert target.exact == "A landslide destroyed 58 houses in Orvik."
    assert project.assist.flags[flag.id].state == FlagState.LINKED
    assert project.assist.flags[flag.id].made == link.id
    # the same evidence again reuses the claims
    again = resolve_flag(project, flag)
    assert again.new_claims == ()


def test_omission_becomes_one_claim() -> None:
    project = aligned("Power was cut to 30,000 homes. Repairs could take three days, the "
                      "utility said.", "Power was cut to 30,000 homes.")
    flag = next(f for f in check_project(project) if f.kind == "omission")
    resolution = resolve_flag(project, flag)
    assert resolution.claim_link is None
    assert [c.exact for c in resolution.new_claims] == [
        "Repairs could take three days, the utility said."]
    assert resolution.flag.made == resolution.new_claims[0].id


def test_edits_are_undoable_change_lists() -> None:
    from annotator.core.edits import apply_change, apply_edit
    from annotator.core.edits.assist import (
        accept_candidate,
        dismiss_candidate,
        dismiss_flag,
        flag_to_claim_link,
        record_flags,
    )

    def undo(project, edit) -> None:  # type: ignore[no-untyped-def]
        for change in reversed(edit.changes):
            apply_change(project, change.inverted())

    project = aligned("A landslide destroyed 85 houses in Orvik. Roads stayed shut.",
                      "A landslide destroyed 58 houses in Orvik. Roads stayed shut.")
    recorded = record_flags(project, check_project(project))
    apply_edit(project, recorded)
    assert list(project.assist.flags) == ["f1"]
    to_link = flag_to_claim_link(project, "f1")
    apply_edit(project, to_link)
    assert len(project.claims) == 2 and len(project.claim_links) == 1
    assert project.assist.flags["f1"].state == FlagState.LINKED
    undo(project, to_link)
    assert project.claims == {} and project.claim_links == {}
    assert project.assist.flags["f1"].state == FlagState.OPEN
    dismissed = dismiss_flag(project, "f1")
    apply_edit(project, dismissed)
    assert project.assist.flags["f1"].state == FlagState.DISMISSED
    assert record_flags(project, check_project(project)).changes == []  # a re-check keeps it

    candidate = find_candidates(project, "A")[0]
    dismissal = dismiss_candidate(project, candidate)
    apply_edit(project, dismissal)
    assert candidate not in find_candidates(project, "A")
    undo(project, dismissal)
    assert candidate in find_candidates(project, "A")
    accepted = accept_candidate(project, candidate)
    apply_edit(project, accepted)
    assert project.claims[accepted.result].exact == candidate.exact
