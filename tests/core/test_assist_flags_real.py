"""Look-alikes found by reading flags on real article rewrites (news_synth): unattributed
reports, an institution and its parts, demonstrative sources, a source whose name the
other side lost, rounded figures. Each is a general case, checked here on new sentences."""

from __future__ import annotations

import pytest

from annotator.core import Document
from annotator.core.assist.check import raw_flags
from annotator.core.assist.features import features_of
from annotator.core.assist.passages import compare_passage
from annotator.core.assist.sources import find_attributions
from annotator.core.document import Span

from .assist_helpers import aligned
from .test_assist_flags import evidence, kinds, story


@pytest.mark.parametrize(("one", "other"), [
    # a report is what was said, not who said it
    ("Unconfirmed reports indicate the ferry was overloaded.",
     "Reports indicate the ferry was overloaded."),
    ("Later revelations confirmed that the ferry was overloaded.",
     "It was revealed on Monday that the ferry was overloaded."),
    ("The recent remarks by the harbour master about the ferry caused anger.",
     "The harbour master's comments about the ferry caused anger."),
    # an institution, its members and what it issues are one source
    ("The verdict criticised the ferry company for the overloading.",
     "The court criticised the ferry company for the overloading."),
    ("Officers said the ferry was overloaded.", "Police said the ferry was overloaded."),
    # a demonstrative refers back to a source named earlier
    ("These inspectors said the ferry was overloaded.",
     "Inspectors from the port authority said the ferry was overloaded."),
    # the other side attributes it, to a name the text lost
    ("According to the US Coast Guard, the ferry was overloaded.",
     "According to the, the ferry was overloaded."),
])
def test_same_or_no_source_is_not_flagged(one: str, other: str) -> None:
    assert "attribution" not in kinds(story(one), story(other))


def test_a_named_agencys_reports_are_a_source() -> None:
    a = story("Local witnesses said a large explosion preceded the fire at the depot.")
    b = story("The Associated Press reports say a large explosion preceded the fire at the depot.")
    assert evidence(a, b, "attribution") == ("Local witnesses said",
                                             "The Associated Press reports say")


def test_unattributed_report_against_a_named_accuser_is_a_dropped_source() -> None:
    """Not "A credits 'Further allegations'": allegations are what was said."""
    project = aligned(story("Further allegations accuse him of copying the teaching notes."),
                      story("Modern Schooling accused him of copying the teaching notes."))
    (flag,) = [r for r in raw_flags(project) if r.kind == "attribution"]
    assert flag.explanation == ("source dropped: B credits “Modern Schooling”, A states it "
                                "without a source")


@pytest.mark.parametrize(("one", "other"), [
    ("Farmers planted just under 200,000 hectares of poppies.",
     "Farmers planted 193,000 hectares of poppies."),
    ("The garden will hold more than 50 vegetable varieties.",
     "The garden will hold 54 vegetable varieties."),
    ("About 1,200 people attended the march in the capital.",
     "1,150 people attended the march in the capital."),
])
def test_exact_figure_inside_the_other_sides_rounding_is_not_flagged(one: str,
                                                                     other: str) -> None:
    assert "number" not in kinds(story(one), story(other))


@pytest.mark.parametrize(("one", "other"), [
    ("The garden will hold more than 50 vegetable varieties.",
     "The garden will hold over 55 vegetable varieties."),  # both rounded, differently
    ("Farmers planted just under 200,000 hectares of poppies.",
     "Farmers planted 150,000 hectares of poppies."),  # far outside the rounding
    ("Farmers planted nearly 200,000 hectares of poppies.",
     "Farmers planted 205,000 hectares of poppies."),  # "nearly" is below, not above
])
def test_figures_outside_the_rounding_are_flagged(one: str, other: str) -> None:
    assert "number" in kinds(story(one), story(other))


def test_institution_named_in_the_sentence_before_is_no_dropped_source() -> None:
    """"Judges" (capitalised only because it starts the sentence) is a role, not a name; the
    other side names the court one sentence before the aligned one."""
    a = ("A shop worker in Assen was sacked for giving a colleague free cheese. Judges argued "
         "that a slice of cheese hardly justified the dismissal, and awarded the worker lost "
         "wages, holiday pay and interest. The chain said it would appeal.")
    b = ("A shop worker in Assen was sacked for giving a colleague free cheese. Now a court in "
         "Assen has ordered the chain to pay her, since a warning would have been enough. The "
         "compensation covers lost wages, holiday pay and interest. The chain said it would "
         "appeal.")
    assert "attribution" not in kinds(a, b)
    assert "attribution" in kinds(a, b.replace("Now a court in Assen has ordered the chain to "
                                               "pay her, since a warning would have been "
                                               "enough. ", ""))


def test_one_and_an_are_the_same_value() -> None:
    """A's "one" is B's "an", not B's price (whose currency sign the text lost)."""
    a = story("Passengers can rent a tablet on domestic flights over one hour.")
    b = story("Passengers can rent a tablet for 10 on domestic flights longer than an hour.")
    assert "number" not in kinds(a, b)
    changed = b.replace("an hour", "two hours")
    assert "number" in kinds(a, changed)


@pytest.mark.parametrize(("one", "other"), [
    # "an unconfirmed report" and "his own label" are nouns, not "X reports" or "X labels"
    ("An unconfirmed report put the number of arrests at 200 in the city.",
     "The number of arrests in the city reached 200."),
    ("He set up his own label to sell the recordings of the band.",
     "He has established a label to sell the recordings of the band."),
    ("Preliminary estimates suggest up to a dozen miners died in the blast.",
     "Up to twelve miners are thought to have died in the blast."),
])
def test_nouns_that_look_like_speech_verbs_are_no_sources(one: str, other: str) -> None:
    assert "attribution" not in kinds(story(one), story(other))


@pytest.mark.parametrize(("one", "other"), [
    ("Observers believe he may be the first fan to publish a series himself.",
     "He is thought to be the first fan to publish a series himself."),
    ("Forecasters said this could be the strongest wind event since 2017.",
     "Forecasters said this is forecast to be the strongest wind event since 2017."),
])
def test_hedged_on_both_sides_in_other_words_is_not_flagged(one: str, other: str) -> None:
    assert "hedge" not in kinds(story(one), story(other))


def test_certainty_against_a_hedge_is_still_flagged() -> None:
    a = story("Forecasters said this could be the strongest wind event since 2017.")
    b = story("Forecasters said this will certainly be the strongest wind event since 2017.")
    assert "hedge" in kinds(a, b)


def test_a_person_described_as_of_the_named_organisation_is_the_same_source() -> None:
    a = story("Harbour Watch said the ruling was a historic step for the fishermen.")
    b = story("Mia Laine, a lawyer at Harbour Watch, said the ruling was a historic step for the "
              "fishermen.")
    assert "attribution" not in kinds(a, b)
    other = b.replace("a lawyer at Harbour Watch", "a lawyer for the port")
    assert "attribution" in kinds(a, other)


def test_a_word_moved_across_the_quotation_marks_is_no_altered_quote() -> None:
    a = story("A critic called him the league's “original troubled genius” on Sunday.")
    b = story("A critic called him “the league's original troubled genius” on Sunday.")
    assert "quote" not in kinds(a, b)
    changed = b.replace("original troubled", "original tormented")
    assert "quote" in kinds(a, changed)


def test_a_year_both_articles_name_is_no_changed_year() -> None:
    """A passage aligned loosely (A's first title with B's last) pairs 1972 with 1989; B
    names 1972 too, one sentence before, so no year changed."""
    a = Document.from_text("A", "Ruiz clinched his first world title in 1972, earning the "
                                "nickname Hurricane.")
    b_text = ("He became world champion in 1972. His final world title came in 1989, and his "
              "play earned him the nickname Hurricane.")
    first_end = b_text.index("His")
    for text, flagged in ((b_text, False), (b_text.replace("1972", "1973"), True)):
        b = Document.from_text("B", text)
        raws = compare_passage(features_of(a), [Span(0, len(a.text))], features_of(b),
                               [Span(first_end, len(text))])
        assert ("number" in [r.kind for r in raws]) is flagged


@pytest.mark.parametrize("sentence", [
    "However, their recent actions indicate a shift in priorities.",
    "Unconfirmed reports indicate the ferry was overloaded.",
    "The figures showed a steep fall in exports.",
])
def test_what_indicates_something_is_no_source(sentence: str) -> None:
    assert find_attributions(sentence) == []
