"""`segment_regex.sub` must find exactly the matches (and groups) `re.sub` finds, for every
pattern pysbd's processing hands it: respelt patterns, gates and needed characters."""

from __future__ import annotations

import random
import re
from typing import Any

import pytest

from annotator.core import segment_pysbd, segment_regex
from tests.conftest import SAMPLE_A, SAMPLE_B
from tests.core.test_segment_pysbd import _all_rules, _blocks, _rule_texts


def _shown(match: re.Match[str]) -> str:
    """A replacement that spells out the match and its groups, so any difference shows."""
    return f"<{match.group()}|{match.groups()}|{match.start()}>"


@pytest.fixture(scope="module")
def used_patterns() -> list[tuple[str, int]]:
    """Every (pattern, flags) pysbd's processing subs with, on generated and real blocks."""
    seen: dict[tuple[str, int], None] = {}
    plan = segment_regex.plan

    def recording(pattern: str, flags: int = 0) -> Any:
        seen[pattern, flags] = None
        return plan(pattern, flags)

    segment_regex.PLANS.clear()  # else patterns planned before skip `plan`
    segment_regex.plan = recording  # type: ignore[assignment]
    try:
        blocks = _blocks(31, 600)
        for path in (SAMPLE_A, SAMPLE_B):
            blocks += path.read_text(encoding="utf-8").split("\n")
        blocks += ['"Yahoo! Yes," she said (aside) "no." He came . . . and left. . . . Go!!!',
                   "Mr. Smith and Dr. Who saw no. 5 at 3 p.m. It is 9.5 and e.g. a.b.c. here.",
                   "See the file .pdf now. It is Co. KG and P.M. Then A.M. Words.12 Then."]
        for block in blocks:
            if block.strip():
                segment_pysbd.process(block)
    finally:
        segment_regex.plan = plan  # type: ignore[assignment]
    return list(seen)


def test_respelt_patterns_are_the_ones_pysbd_uses(used_patterns: list[tuple[str, int]]) -> None:
    used = {p for p, _ in used_patterns}
    assert set(segment_regex.RESPELT) <= used
    assert set(segment_regex.GATES) <= used
    respelt = [p for p in used if segment_regex.lookbehind_first(p)]
    assert len(respelt) > 15  # the generic respelling is exercised


def _texts(patterns: list[str], count: int) -> list[str]:
    rules = _all_rules()
    base = _rule_texts(rules, count)
    chars = sorted({c for p in patterns for c in p if not c.isalnum()} | set("aZ1 .!?\"'()"))
    pieces = [*chars, "Mr", "Co", " KG", "no", "P∯M", "a∯m", ". . . ", "...", "!!!", " (x) ",
              ".12 ", "[1]", "a.b.", " .pdf ", "Yahoo!", "°", "A", "9", "\r", "\n", "e.g."]
    rng = random.Random(41)
    return base + ["".join(rng.choice(pieces) for _ in range(rng.randint(0, 20)))
                   for _ in range(count)]


def test_sub_finds_what_re_sub_finds(used_patterns: list[tuple[str, int]]) -> None:
    patterns = [p for p, _ in used_patterns]
    texts = _texts(patterns, 1500)
    texts += SAMPLE_A.read_text(encoding="utf-8").split("\n")
    skipped = 0
    for pattern, flags in used_patterns:
        compiled = re.compile(pattern, flags)
        for text in texts:
            expected = compiled.sub(_shown, text)
            assert segment_regex.sub(pattern, _shown, text, flags=flags) == expected, (
                pattern, text)
            skipped += expected == text
    assert skipped > 1000


def test_lookbehind_first_refuses_what_it_cannot_respell() -> None:
    assert segment_regex.lookbehind_first(r"(?<=\d)\.(?=\S)") == r"\.(?<=(?:\d)\.)(?=\S)"
    assert segment_regex.lookbehind_first(r"(?<=a|b)\.") == r"\.(?<=(?:a|b)\.)"
    for pattern in (r"(?<=\))\s", r"(?<=\S)\.{3}", r"(?<=[)])x", r"\.(?<=a)", r"(?<=a)(b)",
                    r"(?<=a)\.*", r"(?<=(a))\."):
        assert segment_regex.lookbehind_first(pattern) is None, pattern


def test_needed_strings_come_only_from_parts_every_match_has() -> None:
    needed = segment_regex._needed
    assert needed(r"(?<=\r\d)\.(?=(\s\S)|\))", 0) == ("\r", ".")
    assert needed(r"\.\.\.(?=\s+[A-Z])", 0) == ("...",)
    assert needed(r"(?<=Co)\.(?=\sKG)", 0) == ("Co", "KG", ".")
    assert needed(r"(?<!x)ab(?!c)", 0) == ("ab",)  # not x, c: negative look-arounds
    assert needed(r"(ab)+c|d", 0) == ()  # an alternation at the top
    assert needed(r"(ab)+c", 0) == ("c",)  # not ab: repeated
    assert needed(r"abc", re.IGNORECASE) == ()
    assert needed(r"(?i)abc", 0) == ()
    assert needed(r"a(?i:b)c", 0) == ()
