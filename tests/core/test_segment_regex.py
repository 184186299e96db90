"""`regex_plans.sub` must find exactly the matches (and groups) `re.sub` finds, for every
pattern pysbd's processing hands it: respelt patterns, gates and needed characters."""

from __future__ import annotations

import random
import re

import pytest

from annotator.core.segment import regex_plans as segment_regex
from annotator.core.segment.regex_table import TABLE
from tests.conftest import SAMPLE_A
from tests.core import regex_derive
from tests.core.test_segment_pysbd import _all_rules, _rule_texts


def _shown(match: re.Match[str]) -> str:
    """A replacement that spells out the match and its groups, so any difference shows."""
    return f"<{match.group()}|{match.groups()}|{match.start()}>"


@pytest.fixture(scope="module")
def used_patterns() -> list[tuple[str, int]]:
    """Every (pattern, flags) pysbd's processing subs with, on generated and real blocks."""
    return regex_derive.used_patterns()


def test_respelt_patterns_are_the_ones_pysbd_uses(used_patterns: list[tuple[str, int]]) -> None:
    used = {p for p, _ in used_patterns}
    assert set(segment_regex.RESPELT) <= used
    assert set(segment_regex.GATES) <= used
    respelt = [p for p in used if regex_derive.lookbehind_first(p)]
    assert len(respelt) > 15  # the generic respelling is exercised


def test_the_table_is_what_re_s_parser_derives(used_patterns: list[tuple[str, int]]) -> None:
    """Every pattern pysbd uses has its plan in the table or the abbreviation template (so
    none runs slower than it could), and each plan is what the parser-based derivation
    gives on this Python; the table file is exactly what the generator writes."""
    from pathlib import Path

    for pattern, flags in used_patterns:
        derived = regex_derive.derive(pattern, flags)
        known = (TABLE.get((pattern, int(flags))) or segment_regex.abbreviation_plan(
            pattern, flags) or ((), pattern))
        assert known == derived, (pattern, flags)
    table = Path(segment_regex.__file__).with_name("regex_table.py")
    assert table.read_text(encoding="utf-8") == regex_derive.table_source()


def test_the_abbreviation_template_is_the_derivation_for_every_abbreviation() -> None:
    """pysbd builds these rules per abbreviation and spelling, so they cannot all be in the
    table: the template must give the parser's plan for each of them."""
    from pysbd.abbreviation_replacer import replace_pre_number_abbr, replace_prepositive_abbr
    from pysbd.lang.english import English

    tails = {r"(?=(\s\d|\s+\())", r"(?=(\s|:\d+))",
             r"(?=((\.|\:|-|\?|,)|(\s([a-z]|I\s|I'm|I'll|\d|\())))"}
    assert replace_pre_number_abbr.__code__.co_consts.count(
        r"(?<=\s{abbr})\.(?=(\s\d|\s+\())") == 1
    assert replace_prepositive_abbr.__code__.co_consts.count(
        r"(?<=\s{abbr})\.(?=(\s|:\d+))") == 1
    covered = 0
    for abbr in English.Abbreviation.ABBREVIATIONS:
        for spelling in {abbr, abbr.upper(), abbr.capitalize()}:
            for tail in tails:
                for shown in {spelling, re.escape(spelling)}:
                    pattern = rf"(?<=\s{shown})\.{tail}"
                    plan = segment_regex.abbreviation_plan(pattern)
                    if plan is not None:
                        assert plan == regex_derive.derive(pattern, 0), pattern
                        covered += 1
    assert covered > 1000
    assert segment_regex.abbreviation_plan(r"(?<=\sMr)\.(?=\sKG)") is None  # other tails


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
    assert regex_derive.lookbehind_first(r"(?<=\d)\.(?=\S)") == r"\.(?<=(?:\d)\.)(?=\S)"
    assert regex_derive.lookbehind_first(r"(?<=a|b)\.") == r"\.(?<=(?:a|b)\.)"
    for pattern in (r"(?<=\))\s", r"(?<=\S)\.{3}", r"(?<=[)])x", r"\.(?<=a)", r"(?<=a)(b)",
                    r"(?<=a)\.*", r"(?<=(a))\."):
        assert regex_derive.lookbehind_first(pattern) is None, pattern


def test_needed_strings_come_only_from_parts_every_match_has() -> None:
    needed = regex_derive.needed
    assert needed(r"(?<=\r\d)\.(?=(\s\S)|\))", 0) == ("\r", ".")
    assert needed(r"\.\.\.(?=\s+[A-Z])", 0) == ("...",)
    assert needed(r"(?<=Co)\.(?=\sKG)", 0) == ("Co", "KG", ".")
    assert needed(r"(?<!x)ab(?!c)", 0) == ("ab",)  # not x, c: negative look-arounds
    assert needed(r"(ab)+c|d", 0) == ()  # an alternation at the top
    assert needed(r"(ab)+c", 0) == ("c",)  # not ab: repeated
    assert needed(r"abc", re.IGNORECASE) == ()
    assert needed(r"(?i)abc", 0) == ()
    assert needed(r"a(?i:b)c", 0) == ()
