"""pysbd's substitutions with the same result, spelt so that re scans less.

Most of pysbd's rules start with a look-behind (`(?<=\\d)\\.`): re then tries the look-behind
at every position of the text, where a pattern starting with a literal lets it jump from one
occurrence of that literal to the next. Each piece pysbd decides runs ~100 such subs, most
of them finding nothing. `plan` gives, per pattern:

- strings every text with a match contains (the sub is skipped without one);
- a "gate": a fast pattern every match contains a match of (skipped without one); with no
  match, `re.sub` returns the text unchanged, so skipping changes nothing;
- the pattern respelt with the same matches and groups: `(?<=X)L...` as `L(?<=(?:X)L)...`
  for a literal `L` (both assert X right before L), or a hand-written equivalent.

The first and last come from `regex_table` (derived once with re's own parser, which is
private to CPython, so the package never calls it) and, for the abbreviation rules pysbd
builds per abbreviation, from `abbreviation_plan`. A pattern in neither runs as it is.
`FAST_RE` stands in for the `re` module in pysbd's functions (see `pysbd_rules`); tests
compare each respelt pattern's subs with the original's on real and generated text.
"""

from __future__ import annotations

import re
import types
from functools import cache
from typing import Any

from pysbd.exclamation_words import ExclamationWords
from pysbd.lang.common.common import Common
from pysbd.lang.common.standard import Standard

from .regex_table import TABLE

# Patterns that do not start with look-behind + literal, respelt by hand (same groups).
RESPELT: dict[str, str] = {
    # (\.|∯) as group 1 either way; the look-behind moved after it
    Common.NUMBERED_REFERENCE_REGEX: Common.NUMBERED_REFERENCE_REGEX.replace(
        r"(?<=[^\d\s])(\.|∯)", r"([.∯])(?<=[^\d\s][.∯])", 1
    ),
    # \.{3} as three literal dots, the first one before the look-behind
    Standard.EllipsisRules.FourConsecutiveRule.pattern: r"\.(?<=\S\.)\.\.(?=\.\s[A-Z])",
}

# Necessary conditions: every match of the key contains a match of the gate.
GATES: dict[str, str] = {
    # ".x." ends every match (the letter is never a newline)
    Common.MULTI_PERIOD_ABBREVIATION_REGEX: r"\..\.",
    # three of "!" / "?" in a row
    Common.CONTINUOUS_PUNCTUATION_REGEX: r"[!?][!?][!?]",
    # ". . ." inside "(\s\.){3}\s" and "(\.\s){3}\."
    Standard.EllipsisRules.ThreeSpaceRule.pattern: r"\.\s\.\s\.",
    Standard.EllipsisRules.FourSpaceRule.pattern: r"\.\s\.\s\.",
    # WithMultiplePeriodsAndEmailRule: a word character, ".", a word character
    Standard.Abbreviation.WithMultiplePeriodsAndEmailRule.pattern: r"\.(?<=\w\.)\w",
    # every exclamation word has one of these
    ExclamationWords.EXCLAMATION_REGEX: "[!ǃ]",
    # a quote, then " (" somewhere later
    Common.PARENS_BETWEEN_DOUBLE_QUOTES_REGEX: r"\s\(",
}


# pysbd's per-abbreviation rules: `(?<=\s{abbr})\.(?=...)` with one of three look-aheads;
# `abbr` is letters and digits, re.escape'd punctuation included
_ABBREVIATION_RULE = re.compile(
    r"\(\?<=\\s((?:[A-Za-z0-9]|\\[^A-Za-z0-9\s])+)\)\\\.(\(\?=.*)\Z", re.DOTALL)
_ABBREVIATION_TAILS = frozenset({
    r"(?=(\s\d|\s+\())",  # replace_pre_number_abbr
    r"(?=(\s|:\d+))",  # replace_prepositive_abbr
    r"(?=((\.|\:|-|\?|,)|(\s([a-z]|I\s|I'm|I'll|\d|\())))",  # replace_period_of_abbr
})


def abbreviation_plan(pattern: str, flags: int = 0) -> tuple[tuple[str, ...], str] | None:
    """(needed strings, respelt pattern) of one of pysbd's per-abbreviation rules, or None
    for any other pattern. The look-behind is white space and the abbreviation's literal
    characters, so `\\.(?<=(?:\\s{abbr})\\.)` asserts the same as `(?<=\\s{abbr})\\.`, and a
    match needs the abbreviation's text and the period."""
    m = _ABBREVIATION_RULE.match(pattern)
    if flags or m is None or m.group(2) not in _ABBREVIATION_TAILS:
        return None
    abbr = re.sub(r"\\(.)", r"\1", m.group(1))
    need = tuple(sorted({abbr, "."}, key=lambda run: (-len(run), run)))
    return need, f"\\.(?<=(?:\\s{m.group(1)})\\.){m.group(2)}"


Plan = tuple[tuple[str, ...], re.Pattern[str] | None, re.Pattern[str]]


@cache
def plan(pattern: str, flags: int = 0) -> Plan:
    """(strings every text with a match contains, a gate pattern, the pattern respelt)."""
    gate = GATES.get(pattern)
    need, spelt = (TABLE.get((pattern, int(flags))) or abbreviation_plan(pattern, flags)
                   or ((), pattern))
    return (
        need,
        re.compile(gate) if gate is not None else None,
        re.compile(spelt, flags),
    )


def sub(pattern: Any, repl: Any, string: str, count: int = 0, flags: int = 0) -> str:
    """`re.sub(pattern, repl, string, count, flags)` by `plan` (same result)."""
    found = PLANS.get(pattern) if flags == 0 else None
    if found is None:
        if not isinstance(pattern, str):
            result: str = re.sub(pattern, repl, string, count=count, flags=flags)
            return result
        found = plan(pattern, flags)
        if flags == 0:
            PLANS[pattern] = found
    needed, gate, compiled = found
    for part in needed:
        if part not in string:
            return string
    if gate is not None and gate.search(string) is None:
        return string
    return compiled.sub(repl, string, count)


PLANS: dict[str, Plan] = {}  # plan() by pattern for flags 0, without functools' key


class _FastRe(types.ModuleType):
    """The `re` module with `sub` going through `plan`; everything else is re's own."""

    def __getattr__(self, name: str) -> Any:
        return getattr(re, name)


FAST_RE = _FastRe("regex_plans.FAST_RE")
FAST_RE.sub = sub  # type: ignore[attr-defined]
