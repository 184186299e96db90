"""Faster spellings of segmentation regexes and loops must give exactly the old answers.

Each rewrite is compared with the form it replaced (pysbd's own pattern, the old
per-character paragraph pattern, the one-pattern opener scan) on generated text that is dense
in the characters those patterns look at, and on the sample articles.
"""

from __future__ import annotations

import random
import re

from hypothesis import given, settings
from hypothesis import strategies as st
from pysbd.between_punctuation import BetweenPunctuation as BP

from annotator.core.segment import fast as segment_fast
from annotator.core.segment import lists as segment_lists
from annotator.core.segment import splitter as segment
from tests.conftest import SAMPLE_A, SAMPLE_B

_ALPHABET = [*"ab Ab.'‘’\"\t\n\u00a0()-,?!", "'s", " '", "' ", "\n\n", " \n \n"]


def _texts(seed: int, count: int) -> list[str]:
    rng = random.Random(seed)
    out = [SAMPLE_A.read_text(encoding="utf-8"), SAMPLE_B.read_text(encoding="utf-8")]
    for _ in range(count):
        out.append("".join(rng.choice(_ALPHABET) for _ in range(rng.randint(0, 60))))
    return out


def test_literal_first_patterns_find_what_pysbds_find() -> None:
    pairs = [
        (segment_fast._SINGLE, BP.BETWEEN_SINGLE_QUOTES_REGEX),
        (segment_fast._LEADING_APOSTROPHE, BP.WORD_WITH_LEADING_APOSTROPHE),
        (dict(segment_fast._PAIRED)["‘"], BP.BETWEEN_SINGLE_QUOTE_SLANTED_REGEX),
    ]
    for text in _texts(3, 5000):
        for fast, pattern in pairs:
            expected = [m.span() for m in re.finditer(pattern, text)]
            assert [m.span() for m in fast.finditer(text)] == expected, (pattern, text)
        assert bool(segment_fast._SINGLE_OPENER.search(text)) == bool(re.search(r"\s'", text))


def _old_paragraphs(text: str) -> list[segment.Segment]:
    """`paragraphs` as it was: one per-character pattern, then a character-by-character trim."""
    if segment._BLANK_LINE.search(text):
        pieces = [m.span() for m in re.finditer(r"(?:[^\n]|\n(?![ \t]*\n))+", text)]
    else:
        pieces = [m.span() for m in re.finditer(r"[^\n]+", text)]
    result: list[segment.Segment] = []
    for start, end in pieces:
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        if start < end:
            result.append(segment.Segment(start, end, len(result)))
    return result


def test_paragraphs_equal_the_old_pattern_on_samples() -> None:
    for text in _texts(4, 0):
        assert segment.paragraphs(text) == _old_paragraphs(text)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("ab \t\n\r\u00a0\u2028\x0c.")), max_size=80))
def test_paragraphs_equal_the_old_pattern(text: str) -> None:
    assert segment.paragraphs(text) == _old_paragraphs(text)


def test_openers_equal_the_one_pattern() -> None:
    rng = random.Random(12)
    alphabet = list("。．.！!?？）」)'\"”（「(“ \t\u00a0ab")
    texts = _texts(5, 200) + [
        "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 14))) for _ in range(20000)
    ]
    for text in texts:
        expected = [m.span() for m in segment_fast._OPENER_AT_START.finditer(text)]
        assert [m.span() for m in segment_fast._openers(text)] == expected, text


def test_may_number_equals_the_pattern() -> None:
    rng = random.Random(14)
    alphabet = [*"ab 1 9.)٣²⁵é", "\u0966", "."]
    for _ in range(20000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 10)))
        expected = segment_lists._MAY_NUMBER.search(text) is not None
        assert segment_lists._may_number(text) == expected, text
