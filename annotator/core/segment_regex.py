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

`FAST_RE` stands in for the `re` module in pysbd's functions (see `segment_pysbd`); tests
compare each respelt pattern's subs with the original's on real and generated text.
"""

from __future__ import annotations

import re
import types
from functools import cache
from re import _parser as sre_parse  # type: ignore[attr-defined]
from typing import Any

from pysbd.exclamation_words import ExclamationWords
from pysbd.lang.common.common import Common
from pysbd.lang.common.standard import Standard

_LOOKBEHIND = re.compile(r"\(\?<=([^()]*)\)(\\[^\w\s]|[^\\()\[\]{}|.*+?^$])(?![*+?{])")

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


def lookbehind_first(pattern: str) -> str | None:
    """`(?<=X)L rest` as `L(?<=(?:X)L) rest` (L one literal character, X without groups), or
    None when `pattern` does not start that way."""
    m = _LOOKBEHIND.match(pattern)
    if m is None:
        return None
    behind, literal = m.groups()
    try:  # check the split with re's own parser: look-behind X, then the literal
        head = sre_parse.parse(pattern)[:2]
        (assert_op, (direction, inner)), (literal_op, code) = head
        same = repr(inner) == repr(sre_parse.parse(behind))
    except (AttributeError, TypeError, ValueError, re.error):
        return None
    if not (assert_op is sre_parse.ASSERT and direction == -1 and same):
        return None
    if literal_op is not sre_parse.LITERAL or chr(code) != literal[-1]:
        return None
    return f"{literal}(?<=(?:{behind}){literal}){pattern[m.end():]}"


def _needed(pattern: str, flags: int) -> tuple[str, ...]:
    """Strings every text with a match of `pattern` contains (none if unsure): the runs of
    literals in the top-level sequence, in a group there or in a positive look-around (not
    inside an alternation, a repeat or a negative look-around), longest first."""
    try:  # re's parser is private: on a Python where it differs, skip nothing
        parsed = sre_parse.parse(pattern, flags)
        if (flags | parsed.state.flags) & re.IGNORECASE:
            return ()
        runs = _literal_runs(parsed)
    except (AttributeError, TypeError, ValueError):
        return ()
    return tuple(sorted(set(runs), key=lambda run: (-len(run), run)))


def _literal_runs(items: Any) -> list[str]:
    """The runs of consecutive literals of a parsed sequence, and of the sequences every
    match of it must also match (groups, positive look-arounds)."""
    runs: list[str] = []
    run = ""
    for op, av in items:
        if op is sre_parse.LITERAL:
            run += chr(av)
            continue
        if run:
            runs.append(run)
        run = ""
        if op is sre_parse.ASSERT:  # (direction, sequence)
            runs.extend(_literal_runs(av[1]))
        elif op is sre_parse.SUBPATTERN:  # (group, add flags, del flags, sequence)
            if av[1] & re.IGNORECASE:
                raise ValueError("case-insensitive group")
            runs.extend(_literal_runs(av[3]))
    if run:
        runs.append(run)
    return runs


Plan = tuple[tuple[str, ...], re.Pattern[str] | None, re.Pattern[str]]


@cache
def plan(pattern: str, flags: int = 0) -> Plan:
    """(strings every text with a match contains, a gate pattern, the pattern respelt)."""
    gate = GATES.get(pattern)
    spelt = RESPELT.get(pattern) or lookbehind_first(pattern) or pattern
    return (
        _needed(pattern, flags),
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


FAST_RE = _FastRe("segment_regex.FAST_RE")
FAST_RE.sub = sub  # type: ignore[attr-defined]
