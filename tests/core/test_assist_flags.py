"""Discrepancy flags of each kind, the look-alikes that must not be flagged, and the gold set's
precision and recall (the issue's targets: 0.9 and 0.8 overall)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from annotator.core.assist.check import check_project, raw_flags
from annotator.core.assist.model import FlagState
from benchmarks.assist_quality import SETS, score

from .assist_helpers import aligned


def kinds(text_a: str, text_b: str) -> list[str]:
    return [raw.kind for raw in raw_flags(aligned(text_a, text_b))]


def evidence(text_a: str, text_b: str, kind: str) -> tuple[str | None, str | None]:
    project = aligned(text_a, text_b)
    raw = next(r for r in raw_flags(project) if r.kind == kind)
    return (text_a[raw.a.start:raw.a.end] if raw.a else None,
            text_b[raw.b.start:raw.b.end] if raw.b else None)


STORY = "Rescuers worked through the night in the valley. {} Roads into the town stayed shut."


def story(sentence: str) -> str:
    return STORY.format(sentence)


def test_changed_number() -> None:
    a = story("A landslide destroyed 85 houses in the village of Orvik on Sunday.")
    b = story("A landslide destroyed 58 houses in the village of Orvik on Sunday.")
    assert evidence(a, b, "number") == ("85", "58")


@pytest.mark.parametrize(("one", "other"), [("$45 million", "$4.5 million"),
                                            ("€20 million", "€200 million")])
def test_changed_amount(one: str, other: str) -> None:
    a = story(f"The council approved {one} for a new tram line on Tuesday.")
    b = story(f"The council approved {other} for a new tram line on Tuesday.")
    assert evidence(a, b, "number") == (one, other)


@pytest.mark.parametrize(("one", "other"), [
    ("About 1,240 residents were evacuated", "About 1240 residents were evacuated"),
    ("Unemployment fell to 4% in March", "Unemployment fell to 4 percent in March"),
    ("Fifteen percent of staff will go by 1 March", "15% of staff will go by March 1"),
    ("Police arrested a 34-year-old man at the station",
     "Police arrested a man, 34, at the station"),
])
def test_same_values_written_differently_are_not_flagged(one: str, other: str) -> None:
    assert kinds(story(one + "."), story(other + ".")) == []


def test_altered_quote() -> None:
    a = story("The mayor said: “We will rebuild every single home this year.”")
    b = story("The mayor said: “We will rebuild most homes this year.”")
    found = evidence(a, b, "quote")
    assert found == ("We will rebuild every single home this year.",
                     "We will rebuild most homes this year.")


def test_quoted_on_one_side_only() -> None:
    a = story("The minister said the plan was “a disaster for rural families” and left.")
    b = story("The minister said the plan would hurt rural families and left.")
    assert kinds(a, b) == ["quote"]


def test_identical_quote_with_speaker_named_differently_is_not_flagged() -> None:
    a = story("“The bridge is safe to use,” said Dr. Hanna Meyer, the city's chief engineer.")
    b = story("Chief engineer Hanna Meyer said: “The bridge is safe to use.”")
    assert kinds(a, b) == []


def test_source_made_vaguer() -> None:
    a = story("Analysts at Nordbank expect the central bank to raise rates in June.")
    b = story("Analysts expect the central bank to raise rates in June.")
    assert evidence(a, b, "attribution") == ("Analysts at Nordbank expect", "Analysts expect")


def test_source_changed_and_dropped() -> None:
    a = story("The health ministry said 12 patients were treated for smoke inhalation.")
    b = story("The fire brigade said 12 patients were treated for smoke inhalation.")
    assert kinds(a, b) == ["attribution"]
    a = story("According to the agency, nitrate levels in the river doubled since 2015.")
    b = story("Nitrate levels in the river doubled since 2015.")
    assert evidence(a, b, "attribution")[0] == "According to the agency"


def test_study_credited_to_vaguer_source() -> None:
    a = story("Researchers at the University of Leeds found that the drug helped 63 patients.")
    b = story("Scientists found that the drug helped 63 patients.")
    assert kinds(a, b) == ["attribution"]


def test_quote_credited_to_someone_else() -> None:
    a = story("“Nobody was warned,” said resident Paul Okafor.")
    b = story("“Nobody was warned,” said councillor Maria Lind.")
    assert kinds(a, b) == ["attribution"]


@pytest.mark.parametrize(("one", "other"), [
    ("Police say the man allegedly fired shots at a petrol station in Lindau.",
     "Police say the man fired shots at a petrol station in Lindau."),
    ("The merger is likely to be approved by regulators before the end of the year.",
     "The merger will certainly be approved by regulators before the end of the year."),
    ("Investigators believe the blaze was started by a faulty heater in the kitchen.",
     "The blaze was started by a faulty heater in the kitchen."),
    ("The striker has signed a three-year contract with Porto.",
     "The striker has reportedly signed a three-year contract with Porto."),
])
def test_hedge_removed_or_added(one: str, other: str) -> None:
    assert kinds(story(one), story(other)) == ["hedge"]


def test_hedge_about_something_the_other_side_does_not_say_is_not_flagged() -> None:
    """Loosely aligned passages: a modal in a side clause of one is no hedge removed."""
    from annotator.core.assist.features import features
    from annotator.core.assist.passages import compare_passage
    from annotator.core.document import Span

    a = "Moscow avoids actions that might trigger additional sanctions, the professor said."
    b = "Russia once sent two bombers to the region, the professor said."
    raws = compare_passage(features(a), [Span(0, len(a))], features(b), [Span(0, len(b))])
    assert [r.kind for r in raws if r.kind == "hedge"] == []


def test_same_hedge_in_other_words_is_not_flagged() -> None:
    a = story("The company allegedly dumped waste into the lake, prosecutors said on Monday.")
    b = story("Prosecutors said on Monday that the company had reportedly dumped waste into "
              "the lake.")
    assert kinds(a, b) == []


def test_omission_on_either_side() -> None:
    a = ("The storm cut power to 30,000 homes on Wednesday. Repairs could take three days, "
         "the utility said. Schools in the district will stay closed on Thursday.")
    b = ("The storm cut power to 30,000 homes on Wednesday. Schools in the district will stay "
         "closed on Thursday.")
    assert evidence(a, b, "omission") == ("Repairs could take three days, the utility said.",
                                          None)
    assert evidence(b, a, "omission") == (None, "Repairs could take three days, the utility "
                                                "said.")


def test_unchecked_extra_sentence_is_no_omission() -> None:
    a = story("It was a long night.")
    b = story("")
    assert kinds(a, b) == []


def test_recheck_keeps_ids_and_states() -> None:
    project = aligned(story("A landslide destroyed 85 houses in Orvik."),
                      story("A landslide destroyed 58 houses in Orvik."))
    first = check_project(project)
    assert [f.id for f in first] == ["f1"]
    project.assist.flags["f1"] = first[0].with_state(FlagState.DISMISSED)
    again = check_project(project)
    assert again == [first[0].with_state(FlagState.DISMISSED)]


def test_demo_pair_raises_one_flag_of_each_kind() -> None:
    folder = Path(SETS["dev"]).parent
    a = (folder / "orvik_a.txt").read_text(encoding="utf-8")
    b = (folder / "orvik_b.txt").read_text(encoding="utf-8")
    found = {(r.kind, a[r.a.start:r.a.end] if r.a else None,
              b[r.b.start:r.b.end] if r.b else None) for r in raw_flags(aligned(a, b))}
    assert found == {
        ("number", "85", "58"),
        ("number", "€20 million", "€200 million"),
        ("hedge", "believe", "The slope was weakened by a leaking water main."),
        ("attribution", "Analysts at Nordbank expect", "Analysts expect"),
        ("quote", "We will rebuild every single home, and we will do it this year.",
         "We will rebuild most homes, and we will do it this year."),
        ("omission", "Repairs to the road could take three weeks, the regional transport "
                     "office said.", None),
    }


@pytest.mark.parametrize("name", sorted(SETS))
def test_gold_set_precision_and_recall(name: str) -> None:
    pairs = json.loads(Path(SETS[name]).read_text(encoding="utf-8"))["pairs"]
    tally = score(pairs)
    assert tally.precision() >= 0.9, tally.notes
    assert tally.recall() >= 0.8, tally.notes


def test_lessons_from_rewritten_news() -> None:
    """Look-alikes met in real article rewrites (ABCD-Link news_synth), none a discrepancy."""
    from annotator.core.assist.sources import find_attributions

    assert find_attributions("Having said that, we go on. Conflicting reports have emerged.") == []
    assert find_attributions("Barack Obama, who recently stated his plan, smiled.") == []
    # a source the other article names in another sentence is moved, not dropped
    a = story("Salad Ali Jelle said the troops suffered no injuries in the ambush.")
    b = story("The troops suffered no injuries in the ambush. Salad Ali Jelle confirmed it.")
    assert "attribution" not in kinds(a, b)
    # figures of different things near each other are not one figure changed
    a = story("The pilot covers flights over one hour, and two law schools lost funding.")
    b = story("The pilot covers flights longer than an hour for 10 dollars, and schools lost "
              "funding under a 10-year-old law.")
    assert "number" not in kinds(a, b)


def test_single_quotation_marks() -> None:
    a = story("The senator said 'my family is so very important to me' on Saturday.")
    b = story("The senator said 'my family is important to me' on Saturday.")
    assert kinds(a, b) == ["quote"]


def test_clause_fragments_are_no_sources() -> None:
    from annotator.core.assist.sources import find_attributions

    def sources(text: str) -> list[str]:
        return [a.source for a in find_attributions(text)]

    assert sources("The remarks have sparked outrage across the state, he said.") == ["he"]
    assert sources("In her own press release she argued that it was wrong.") == ["she"]
    assert sources("Labor appears poised to win, Beattie said.") == ["Beattie"]
    assert sources("It grew, despite a multi-million-dollar U.S. effort, officials said.") == [
        "officials"]


def test_quoted_fragment_and_titles_are_not_flagged() -> None:
    a = story("She said the bill helps those who “do not pay federal income taxes,” she wrote.")
    b = story("She said: “The bill sends money to people who do not pay federal income taxes, "
              "including residents of Puerto Rico.”")
    assert "quote" not in kinds(a, b)
    a = story("Lessing, best known for her novel The Golden Notebook, won on Thursday.")
    b = story("Lessing (“The Golden Notebook”, 1962) won on Thursday.")
    assert "quote" not in kinds(a, b)


def test_added_cheese_and_trailing_adverbs() -> None:
    from annotator.core.assist.compare_sources import same_source
    from annotator.core.assist.sources import find_attributions

    assert find_attributions("A worker added cheese to the burger.") == []
    assert [a.source for a in find_attributions("Later, the mayor added: “No.”")] == [
        "the mayor"]
    assert [a.source for a in find_attributions("Authorities later confirmed it.")] == [
        "Authorities"]
    company, google = (find_attributions("The company said so.")[0],
                       find_attributions("Google said so.")[0])
    assert same_source(company, google)  # a definite role refers back to the named source


def test_infinitives_and_dangling_phrases_are_no_sources() -> None:
    from annotator.core.assist.sources import find_attributions

    assert find_attributions("Venezuela's struggle to maintain its alliances is hard.") == []
    assert find_attributions("The minister declined to comment on Monday.") == []
