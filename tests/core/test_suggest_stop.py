"""PairSuggestions can be stopped between its steps (the GUI's worker gives way to an
alignment), and a stop check that never says stop changes nothing."""

from __future__ import annotations

import pytest

from annotator.core import Cancelled, Document, align
from annotator.core import suggest as suggest_module
from annotator.core.align import scoring
from annotator.core.suggest import PairSuggestions

from ..conftest import SAMPLE_A, SAMPLE_B


@pytest.fixture
def sample() -> tuple[Document, Document]:
    return Document.load(SAMPLE_A, "A"), Document.load(SAMPLE_B, "B")


class Countdown:
    """A stop check that says stop on its `at`-th call, and counts its calls."""

    def __init__(self, at: int) -> None:
        self.at = at
        self.calls = 0

    def __call__(self) -> bool:
        self.calls += 1
        return self.calls >= self.at


def test_a_stop_check_that_says_stop_raises_cancelled_before_scoring(
        sample: tuple[Document, Document], monkeypatch: pytest.MonkeyPatch) -> None:
    a, b = sample
    links = align(a, b)
    monkeypatch.setattr(suggest_module, "ALL_PAIRS_LIMIT", 10)  # the long-pair path
    scored: list[int] = []
    real = suggest_module.score_pairs

    def counting(*args: object, **kwargs: object) -> object:
        scored.append(1)
        return real(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(suggest_module, "score_pairs", counting)
    stop = Countdown(1)
    with pytest.raises(Cancelled):
        PairSuggestions.for_links(a, b, links, stop=stop)
    assert stop.calls == 1 and not scored  # it stopped at the first check, before scoring


def test_every_check_of_a_long_pair_can_stop_it(sample: tuple[Document, Document],
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    a, b = sample
    links = align(a, b)
    monkeypatch.setattr(suggest_module, "ALL_PAIRS_LIMIT", 10)
    monkeypatch.setattr(scoring, "STOP_EVERY", 8)  # checks while scoring
    never = Countdown(10**9)
    whole = PairSuggestions.for_links(a, b, links, stop=never)
    assert never.calls >= 6  # between steps, within the vote and within the pair scoring
    for at in range(1, never.calls + 1):
        stop = Countdown(at)
        with pytest.raises(Cancelled):
            PairSuggestions.for_links(a, b, links, stop=stop)
        assert stop.calls == at  # nothing more is asked once it said stop
    plain = PairSuggestions.for_links(a, b, links)
    unmatched = plain.for_unmatched(links)
    assert whole.for_unmatched(links) == unmatched and unmatched


def test_a_short_pair_is_checked_too(sample: tuple[Document, Document]) -> None:
    a, b = sample
    with pytest.raises(Cancelled):
        PairSuggestions(a, b, stop=Countdown(1))
    never = Countdown(10**9)
    table = PairSuggestions(a, b, stop=never)
    assert never.calls >= 2 and table.complete
