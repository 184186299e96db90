"""Figures found in text and compared by value: the same value written differently is equal."""

from __future__ import annotations

import pytest

from annotator.core.assist.quantities import Quantity, find_quantities


def only(text: str) -> Quantity:
    found = find_quantities(text)
    assert len(found) == 1, found
    return found[0]


@pytest.mark.parametrize(
    ("one", "other"),
    [
        ("1,240 residents", "1240 residents"),
        ("4% of voters", "4 percent of voters"),
        ("4 per cent of voters", "4% of voters"),
        ("fifteen percent of staff", "15% of staff"),
        ("on 1 March", "on March 1"),
        ("on July 1, 2025", "on 1 July 2025"),
        ("a 34-year-old man", "a man aged 34"),
        ("twenty-two parties", "22 parties"),
        ("$4.5 million", "$4.5m"),
        ("€20 million", "20 million euros"),
    ],
)
def test_same_value_written_differently(one: str, other: str) -> None:
    assert only(one).same_value(only(other))


@pytest.mark.parametrize(
    ("one", "other"),
    [
        ("85 houses", "58 houses"),
        ("$45 million", "$4.5 million"),
        ("€20 million", "€200 million"),
        ("on 14 September", "on 4 September"),
        ("in 2015", "in 2016"),
        ("$45 million", "€45 million"),
        ("at 4 a.m.", "at 5 a.m."),
    ],
)
def test_different_values(one: str, other: str) -> None:
    a, b = only(one), only(other)
    assert not a.same_value(b)
    assert a.comparable(b)


def test_families_and_spans() -> None:
    text = "It cost $45 million, 4% more, on 1 March 2024, at 9 a.m. on Monday: 300 homes in 2019."
    found = {q.text: q.family for q in find_quantities(text)}
    assert found == {"$45 million": "money", "4%": "percent", "1 March 2024": "date",
                     "9 a.m.": "time", "Monday": "weekday", "300": "count", "2019": "year"}
    for q in find_quantities(text):
        assert text[q.start:q.end] == q.text


def test_codes_and_names_are_not_figures() -> None:
    assert find_quantities("COVID-19 and F-16 jets in Q3") == []


def test_may_the_month_is_a_date_not_a_hedge() -> None:
    from annotator.core.assist.hedges import find_hedges

    assert [q.family for q in find_quantities("on 3 May")] == ["date"]
    assert find_hedges("It opened on 3 May.") == []
    assert [h.kind for h in find_hedges("It may open.")] == ["probability"]


def test_month_alone_is_a_date() -> None:
    june, july = only("It reports in June."), only("It reports in July.")
    assert (june.family, june.text) == ("date", "June")
    assert not june.same_value(july) and june.comparable(july)
    assert find_quantities("May we ask?") == []


def test_might_the_noun_is_no_hedge() -> None:
    from annotator.core.assist.hedges import find_hedges

    assert find_hedges("Russia showcased its military might by sending bombers.") == []
    assert [h.text for h in find_hedges("It might rain.")] == ["might"]
