"""Attribution flags in every form an attribution takes ("according to X", "X said",
"said X", "X told reporters", "X says", "in a statement, X"), and the look-alikes that name
one source in two ways."""

from __future__ import annotations

import pytest

from annotator.core.assist.check import raw_flags
from annotator.core.assist.passages import Raw

from .assist_helpers import aligned

OPENING = ("Heavy storms closed the coastal road north of Varna on Monday. Crews worked "
           "through the night to clear fallen trees.")
CLOSING = "The regional council will meet on Friday to discuss emergency funding."


def article(middle: str, opening: str = OPENING) -> str:
    return f"{opening}\n\n{middle}\n\n{CLOSING}"


def attribution_flags(middle_a: str, middle_b: str, opening_b: str = OPENING) -> list[Raw]:
    project = aligned(article(middle_a), article(middle_b, opening_b))
    return [raw for raw in raw_flags(project) if raw.kind == "attribution"]


def sides(raw: Raw, middle_a: str, middle_b: str, opening_b: str = OPENING) -> tuple[str, str]:
    a, b = article(middle_a), article(middle_b, opening_b)
    assert raw.a is not None and raw.b is not None
    return a[raw.a.start:raw.a.end], b[raw.b.start:raw.b.end]


@pytest.mark.parametrize(("middle_a", "middle_b", "source_a", "source_b"), [
    ("Costs will rise sharply, according to analysts at Nordbank.",
     "Costs will rise sharply, according to analysts.", "analysts at Nordbank", "analysts"),
    ("The ferry will stop in May, said Jan Berg, director of Baltline.",
     "The ferry will stop in May, said a director.", "Jan Berg", "a director"),
    ("Prices will keep climbing, economist Marta Silva of Ostbank says.",
     "Prices will keep climbing, an economist says.", "Marta Silva", "an economist"),
])
def test_source_made_vaguer_in_every_form(middle_a: str, middle_b: str, source_a: str,
                                          source_b: str) -> None:
    flags = attribution_flags(middle_a, middle_b)
    assert len(flags) == 1
    got_a, got_b = sides(flags[0], middle_a, middle_b)
    assert source_a in got_a and source_b in got_b
    assert "vaguer" in flags[0].explanation


@pytest.mark.parametrize(("middle_a", "middle_b", "source_a", "source_b"), [
    ("The port will close for two weeks, Mayor Ana Ruiz said.",
     "The port will close for two weeks, the harbour master said.",
     "Mayor Ana Ruiz", "the harbour master"),
    ("The bridge is safe to use, engineer Lena Holm told reporters.",
     "The bridge is safe to use, the transport minister told reporters.",
     "engineer Lena Holm", "the transport minister"),
    ("In a statement, the Health Ministry said the clinic would reopen in June.",
     "In a statement, the hospital's owners said the clinic would reopen in June.",
     "the Health Ministry", "the hospital's owners"),
])
def test_statement_credited_to_a_different_source(middle_a: str, middle_b: str, source_a: str,
                                                  source_b: str) -> None:
    flags = attribution_flags(middle_a, middle_b)
    assert len(flags) == 1
    got_a, got_b = sides(flags[0], middle_a, middle_b)
    assert source_a in got_a and source_b in got_b
    assert flags[0].explanation == (f"different source: A credits “{source_a}”, "
                                    f"B credits “{source_b}”")


@pytest.mark.parametrize(("middle_a", "middle_b", "opening_b"), [
    ("The port will close for two weeks, Mayor Ana Ruiz said.",
     "Ruiz told reporters the port will close for two weeks.", OPENING),
    ("The port will close for two weeks, Mayor Ana Ruiz said.",
     "The port will close for two weeks, the mayor said.",
     "Mayor Ana Ruiz visited the harbour on Monday. " + OPENING),
    ("The port will close for two weeks, said Mayor Ana Ruiz.",
     "The port will close for two weeks, Ruiz said.", OPENING),
    ("Costs will rise sharply, according to Nordbank analysts.",
     "Costs will rise sharply, according to analysts at Nordbank.", OPENING),
    ("Costs will rise sharply, according to analysts at Nordbank.",
     "This year costs will rise sharply, according to analysts at Nordbank.", OPENING),
    ("The port will close for two weeks, Mayor Ana Ruiz said.",
     "The port will close for two weeks, the spokesperson said.",
     "Mayor Ana Ruiz's office answered questions on Monday. " + OPENING),
])
def test_one_source_named_two_ways_is_not_flagged(middle_a: str, middle_b: str,
                                                  opening_b: str) -> None:
    assert attribution_flags(middle_a, middle_b, opening_b) == []


def test_a_role_the_article_never_tied_to_the_name_is_another_source() -> None:
    """"The coastguard" refers back to "Baltline" only if B mentions Baltline somewhere;
    "the mayor" is Mayor Ana Ruiz once B has introduced her (the look-alike above)."""
    flags = attribution_flags("In a statement, Baltline said the route would close.",
                              "In a statement, the coastguard said the route would close.")
    assert len(flags) == 1
    assert "“Baltline”" in flags[0].explanation and "“the coastguard”" in flags[0].explanation
    assert attribution_flags(
        "In a statement, Baltline said the route would close.",
        "In a statement, the coastguard said the route would close.",
        "Baltline's ferries are run by the coastguard. " + OPENING) == []
