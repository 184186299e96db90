"""How `annotator.core.segment.regex_table` was derived, with re's own (private) parser.

The package must not depend on `re._parser` (CPython may change it in any release), so the
plans are derived here, once, for the patterns pysbd (the pinned version) hands the fast
path, and written into `regex_table.py`; tests/core/test_segment_regex.py checks the table
against this derivation on the Python running the tests.

    .venv/bin/python -m tests.core.regex_derive > annotator/core/segment/regex_table.py
"""

from __future__ import annotations

import re
import sys
from re import _parser as sre_parse  # type: ignore[attr-defined]
from typing import Any

_LOOKBEHIND = re.compile(r"\(\?<=([^()]*)\)(\\[^\w\s]|[^\\()\[\]{}|.*+?^$])(?![*+?{])")


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


def needed(pattern: str, flags: int) -> tuple[str, ...]:
    """Strings every text with a match of `pattern` contains (none if unsure): the runs of
    literals in the top-level sequence, in a group there or in a positive look-around (not
    inside an alternation, a repeat or a negative look-around), longest first."""
    try:
        parsed = sre_parse.parse(pattern, flags)
        if (flags | parsed.state.flags) & re.IGNORECASE:
            return ()
        runs = _literal_runs(parsed)
    except (AttributeError, TypeError, ValueError):
        return ()
    return tuple(sorted(set(runs), key=lambda run: (-len(run), run)))


def _literal_runs(items: Any) -> list[str]:
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


def derive(pattern: str, flags: int) -> tuple[tuple[str, ...], str]:
    """(needed strings, the pattern respelt) as the table holds them."""
    from annotator.core.segment.regex_plans import RESPELT

    return needed(pattern, flags), RESPELT.get(pattern) or lookbehind_first(pattern) or pattern


def used_patterns() -> list[tuple[str, int]]:
    """Every (pattern, flags) pysbd's processing subs with, on generated and real blocks."""
    from annotator.core.segment import pysbd_rules, regex_plans
    from tests.conftest import SAMPLE_A, SAMPLE_B
    from tests.core.test_segment_pysbd import _all_rules, _blocks

    seen: dict[tuple[str, int], None] = {}
    plan = regex_plans.plan

    def recording(pattern: str, flags: int = 0) -> Any:
        seen[pattern, flags] = None
        return plan(pattern, flags)

    regex_plans.PLANS.clear()  # else patterns planned before skip `plan`
    regex_plans.plan = recording  # type: ignore[assignment]
    try:
        blocks = _blocks(31, 600)
        for path in (SAMPLE_A, SAMPLE_B):
            blocks += path.read_text(encoding="utf-8").split("\n")
        blocks += ['"Yahoo! Yes," she said (aside) "no." He came . . . and left. . . . Go!!!',
                   "Mr. Smith and Dr. Who saw no. 5 at 3 p.m. It is 9.5 and e.g. a.b.c. here.",
                   "See the file .pdf now. It is Co. KG and P.M. Then A.M. Words.12 Then."]
        for block in blocks:
            if block.strip():
                pysbd_rules.process(block)
    finally:
        regex_plans.plan = plan  # type: ignore[assignment]
        regex_plans.PLANS.clear()
    for rule in _all_rules():  # every Rule, met in these blocks or not
        seen.setdefault((rule.pattern, 0), None)
    return list(seen)


def table_source() -> str:
    """The text of regex_table.py: the plans of every used pattern the abbreviation
    template (`regex_plans.abbreviation_plan`) does not cover."""
    from annotator.core.segment.regex_plans import abbreviation_plan

    rows = []
    for pattern, flags in sorted(used_patterns(), key=lambda pf: (pf[0], int(pf[1]))):
        if abbreviation_plan(pattern, flags) is not None:
            continue
        need, spelt = derive(pattern, flags)
        if need or spelt != pattern:
            rows.append(f"    ({pattern!r}, {int(flags)}): ({need!r}, {spelt!r}),")
    return '\n'.join([
        '"""Plans of the pysbd patterns the fast path substitutes with: per (pattern, flags),',
        "the strings every match needs and the pattern respelt literal-first (same matches and",
        "groups). Derived by tests/core/regex_derive.py for pysbd " + _pysbd() + "; checked by",
        'tests/core/test_segment_regex.py. Generated: do not edit by hand."""',
        "",
        "from __future__ import annotations",
        "",
        "# ruff: noqa: E501",
        "TABLE: dict[tuple[str, int], tuple[tuple[str, ...], str]] = {",
        *rows,
        "}",
        "",
    ])


def _pysbd() -> str:
    from annotator.core.segment.reference import PYSBD_VERSION

    return PYSBD_VERSION


if __name__ == "__main__":
    sys.stdout.write(table_source())
