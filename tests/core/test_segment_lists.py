"""`list_rules_apply`'s cheap pre-checks never change its answer."""

from __future__ import annotations

import random

from annotator.core.segment.lists import (
    _ALPHABETS,
    _LETTERED,
    _NUMBERED,
    _letters_consecutive,
    _numbers_consecutive,
    list_rules_apply,
)


def reference(block: str) -> bool:
    """The function without pre-checks: every pattern on every block."""
    for pattern in _NUMBERED:
        found = pattern.findall(block)
        if len(found) > 1 and _numbers_consecutive([int(x) for x in found]):
            return True
    for pattern in _LETTERED:
        found = pattern.findall(block)
        for alphabet in _ALPHABETS:
            items = [x for x in found if x in alphabet]
            if items and _letters_consecutive(items, alphabet):
                return True
    return False


PIECES = ["1.", "2.", "3)", "4)", "10.", "(a)", "(b)", "a.", "b.", "i.", "ii.", "iii)", "iv)",
          "(iv)", "x)", "-1.", "⁃2.", "word", "The", "end.", "April", "9.", "3", "p.m.", "٣.",
          "٤.", "²", "(", ")", "-", "\u00a0", "e.g.", "c)", "d)", "v.", "vi."]


def test_list_rules_apply_equals_reference() -> None:
    rng = random.Random(11)
    hits = 0
    for _ in range(4000):
        seps = [" ", "  ", "\t", ""]
        block = "".join(rng.choice(PIECES) + rng.choice(seps) for _ in range(rng.randint(1, 12)))
        expected = reference(block)
        hits += expected
        assert list_rules_apply(block) == expected, block
    assert hits > 200  # the sample does exercise lists
