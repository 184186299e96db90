"""The fast abbreviation search must rewrite every line exactly as pysbd's own method does.

Lines are compared at the method (what pysbd's Processor calls per line) and end to end
(`Processor` with the fast replacer against plain pysbd), on real text and on generated lines
dense in pysbd's abbreviations, in every case, before every character its rules look at.
"""

from __future__ import annotations

import random
import re

import pytest
from pysbd.lang.english import English
from pysbd.processor import Processor

from annotator.core.segment import pysbd_split
from annotator.core.segment.abbr import (
    _AS_SENTENCE_BOUNDARY,
    FastAbbreviationReplacer,
    candidates,
)
from annotator.core.segment.pysbd_rules import FastEnglish, process
from tests.conftest import SAMPLE_A, SAMPLE_B

_ABBRS = English.Abbreviation.ABBREVIATIONS
_AFTER = [
    ".", "..", ". ", ".  ", ".:", ".:3", ".-", ".?", ".,", ". a", ". A", ". I ", ". I'm",
    ". I'll", ". 3", ".  (", ". (", ". The", ". He", ".\t", ".\u00a0x", ".\u2003b", "", " ",
    "s.", "x.", ". It", ".\r", "'s.", ". i", "..."
]
_BEFORE = [" ", " ", "  ", "\t", "", "(", '"', "'", "\u00a0", "-", ".", "x"]
_WORDS = ["word", "The", "I", "said", "3", "(a)", "U.S.", "e.g.", "i.e.", "Ph.D.", "a.m.",
          "{", "}", "{mr} x", "İs", "ıs", "ſt", "\u212ay", "É", "ü", "—", "”", "nothing",
          "Nov", "St", "p", "pp", "v", "no"]


def _case(rng: random.Random, word: str) -> str:
    return rng.choice([word, word.upper(), word.title(), "".join(
        c.upper() if rng.random() < 0.5 else c for c in word)])


def _line(rng: random.Random) -> str:
    parts = []
    for _ in range(rng.randint(1, 14)):
        if rng.random() < 0.6:
            word = _case(rng, rng.choice(_ABBRS))
            parts.append(rng.choice(_BEFORE) + word + rng.choice(_AFTER))
        else:
            parts.append(rng.choice(_BEFORE) + rng.choice(_WORDS) + rng.choice(_AFTER))
    return "".join(parts)


def _both(line: str) -> tuple[str, str]:
    ref = English.AbbreviationReplacer(line, English).search_for_abbreviations_in_string(line)
    got = FastAbbreviationReplacer(line, English).search_for_abbreviations_in_string(line)
    return got, ref


def test_generated_lines_equal_pysbd_method() -> None:
    rng = random.Random(2026)
    changed = 0
    for _ in range(1500):
        line = _line(rng)
        got, ref = _both(line)
        assert got == ref, line
        changed += ref != line
    assert changed > 750  # the lines do exercise the substitutions


def test_generated_blocks_equal_plain_pysbd() -> None:
    rng = random.Random(7)
    for _ in range(200):
        block = " ".join(_line(rng) for _ in range(rng.randint(1, 3))).strip()
        if block:
            for got_all in (Processor(block, FastEnglish).process(), process(block)):
                got = [s.strip() for s in got_all if s.strip()]
                assert got == [s.strip() for s in pysbd_split(block) if s.strip()], block


@pytest.mark.parametrize("path", [SAMPLE_A, SAMPLE_B], ids=["sample_a", "sample_b"])
def test_sample_lines_equal_pysbd_method(path: object) -> None:
    text = path.read_text(encoding="utf-8")  # type: ignore[attr-defined]
    for line in text.splitlines():
        got, ref = _both(line)
        assert got == ref, line


@pytest.mark.parametrize(
    "line",
    [
        "Mr. Smith and mr. Jones met MR. Brown. No. 5 is no. 6, see p. 12 and pp. (3).",
        "It is. is. Is. IS. is: is- is? is, is.. is. a is. I is. I'm is. 3 is. (x)",
        "Ask Dr. Who at St. Paul's Fig. 3 v. Smith vs. Jones Gen. Lee Ph. D. ph.d. Ph.D.",
        "e.g. the U.S. and u.s. and eXg. and i.e. then e g. and U S. e.g.. u.s.: i.e.-",
        "{mr} Ms. {no} No. x {st} St. a",
        "İs. ıs. ſt. \u212ay. Is. st. ky.",
        "Nov. 3 and nov. and Nov.. and Sept. 9, Jan.-Feb. etc., etc. etc.? etc.: etc.",
        "word.Mr. x.No. 5 (Mr. A) 'Mr. B' \"No. 4\" -Dr. x",
        "\tMr.\tx\u00a0Dr.\u00a0y\u2003St.\u2003z Co.\u3000a",
        "",
        "no",
        "Mr.",
        ".",
    ],
)
def test_edge_lines_equal_pysbd_method(line: str) -> None:
    got, ref = _both(line)
    assert got == ref


def test_candidates_equal_the_pattern() -> None:
    pattern = re.compile(r"(?<!\S)([A-Za-z]+)\.")
    rng = random.Random(31)
    for _ in range(3000):
        line = _line(rng)
        assert candidates(line) == pattern.findall(line), line


def test_sentence_boundary_pattern_is_pysbds() -> None:
    starters = "|".join(rf"(?=\s{w}\s)" for w in English.AbbreviationReplacer.SENTENCE_STARTERS)
    pysbds = rf"(U∯S|U\.S|U∯K|E∯U|E\.U|U∯S∯A|U\.S\.A|I|i.v|I.V)∯({starters})"
    assert _AS_SENTENCE_BOUNDARY.pattern == pysbds
