"""`segment_fast`'s `in`-based pre-checks must answer exactly what the regex they stand for
answers, on ASCII text (where they use `in`) and on text with non-ASCII characters."""

from __future__ import annotations

import random
from collections.abc import Callable

import pytest

from annotator.core.segment import fast as F
from annotator.core.segment.lists import _MAY_NUMBER, _may_number

_ALPHABET = [
    *"aZ 9.!?\"'()[]-{}\\&\r\nXKJYuhmo ",
    "--", "Yahoo!", "Y!J", "Yum!", "!Kung", "!Xun", "!Xuun", "ǃXo", "!Xũ", "“", "”", "‘", "«",
    "（", "「", "∯", "ȸ", "♨", "ᓰ", "é", "٣", "0", "5", '." ', "!' A", "?\" B", "-' Q",
]


def _texts(count: int, ascii_only: bool) -> list[str]:
    rng = random.Random(59 + ascii_only)
    alphabet = [c for c in _ALPHABET if c.isascii()] if ascii_only else _ALPHABET
    return ["".join(rng.choice(alphabet) for _ in range(rng.randint(1, 12))) for _ in range(count)]


@pytest.mark.parametrize(
    ("check", "regex_answer"),
    [
        (F._has_blockwide_char, lambda t: F._BLOCKWIDE.search(t) is not None),
        (F._has_exclamation_word, lambda t: F._EXCLAMATION_WORDS.search(t) is not None),
        (F._has_pair_trigger, lambda t: F._PAIR_TRIGGERS.search(t) is not None),
        (F._has_quote_at_end, lambda t: F._QUOTE_AT_END.search(t) is not None),
        (_may_number, lambda t: _MAY_NUMBER.search(t) is not None),
    ],
    ids=["blockwide", "exclamation", "pair_trigger", "quote_at_end", "may_number"],
)
def test_checks_equal_their_regex(
    check: Callable[[str], bool], regex_answer: Callable[[str], bool]
) -> None:
    answers = set()
    for ascii_only in (True, False):
        for text in _texts(20000, ascii_only):
            answer = regex_answer(text)
            assert check(text) == answer, text
            answers.add((ascii_only, answer))
    assert len(answers) == 4  # both answers seen, with and without non-ASCII text


def test_safe_text_equals_the_marker_substitution() -> None:
    from annotator.core.segment.splitter import _PYSBD_MARKERS, _safe

    for ascii_only in (True, False):
        for text in _texts(5000, ascii_only):
            assert _safe(text) == _PYSBD_MARKERS.sub(" ", text.replace("\n", " ")), text


def test_independent_cuts_equal_the_pairwise_test() -> None:
    """No span may start before a cut's right end and end after its terminal."""
    rng = random.Random(61)
    for _ in range(5000):
        spans = [(s, s + rng.randint(1, 12)) for s in rng.sample(range(40), rng.randint(0, 6))]
        candidates = []
        for last in rng.sample(range(40), rng.randint(1, 6)):
            left = last + rng.randint(0, 1)
            candidates.append((last, left, left + rng.randint(0, 3)))
        expected = sorted(
            (left, right)
            for last, left, right in candidates
            if not any(s < right and e > last for s, e in spans)
        )
        assert F._independent(candidates, list(spans)) == expected, (candidates, spans)
