"""`pysbd_rules.process` must give exactly what plain pysbd's Processor gives.

It runs pysbd's own code with list scans skipped when they cannot find an item and the
between-punctuation patterns spelt quote-first; compared here on list-, quote- and
number-heavy generated blocks, the samples, and with each skip condition tested on its own.
"""

from __future__ import annotations

import random
import re

import pytest
from pysbd import punctuation_replacer
from pysbd.lang.english import English
from pysbd.lists_item_replacer import ListItemReplacer as L
from pysbd.processor import Processor
from pysbd.utils import Rule, Text

from annotator.core.segment import paragraphs, reference, splitter
from annotator.core.segment import pysbd_rules as segment_pysbd
from annotator.core.segment import regex_plans as segment_regex
from tests.conftest import SAMPLE_A, SAMPLE_B

_TOKENS = [
    "1.", "2.", "3.", "10.", "11.", "1)", "2)", "3)", "(1)", "(2)", "a.", "b.", "c.", "a)",
    "b)", "(a)", "(b)", "(i)", "(ii)", "(iii)", "i.", "ii.", "iv)", "v)", "x.", "-1.", "-2.",
    "⁃3.", "٣.", "Item", "word", "the", "The", "He", "said.", "end.", "Mr.", "U.S.", "9.5",
    "'", "'Yes,'", "'em", "‘No.’", "‘", "’", '"', '"Go."', "“Hi.”", "--", "(see", "it.)",
    "[x.]", "«a.»", "?", "!", "...", "for", "12", "Jan.", "p.m.", "\t", "e.g.", "A.", "I",
]


def _blocks(seed: int, count: int) -> list[str]:
    rng = random.Random(seed)
    out = []
    for _ in range(count):
        tokens = [rng.choice(_TOKENS) for _ in range(rng.randint(1, 24))]
        out.append("".join(t + rng.choice([" ", " ", "  ", ""]) for t in tokens).strip())
    return [b for b in out if b]


def _plain(block: str) -> list[str]:
    result: list[str] = Processor(block, English).process()
    return result


def test_generated_blocks_equal_plain_pysbd() -> None:
    blocks = _blocks(13, 1500)
    for block in blocks:
        assert segment_pysbd.process(block) == _plain(block), block
    rewritten = sum(L(block).add_line_break() != block for block in blocks)
    assert rewritten > 200  # the blocks do exercise pysbd's list rules


def test_sample_paragraphs_equal_plain_pysbd() -> None:
    for path in (SAMPLE_A, SAMPLE_B):
        text = path.read_text(encoding="utf-8")
        for para in paragraphs(text):
            block = text[para.start : para.end].replace("\n", " ")
            assert segment_pysbd.process(block) == _plain(block), block


def test_list_scans_are_skipped_only_when_they_would_find_nothing() -> None:
    digit, dot, dot_start, paren = (
        segment_pysbd._DIGIT_ITEM,
        segment_pysbd._LETTER_DOT,
        segment_pysbd._LETTER_DOT_AT_START,
        segment_pysbd._LETTER_PAREN,
    )
    alphabet = list("ab1290 .)(\t-⁃٣ivxIA\u00a0\n\r")
    rng = random.Random(17)
    texts = _blocks(21, 1000) + [
        "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 12))) for _ in range(20000)
    ]
    for text in texts:
        if not digit.search(text):
            assert not re.findall(L.NUMBERED_LIST_REGEX_1, text), text
            assert not re.findall(L.NUMBERED_LIST_PARENS_REGEX, text), text
        if not (dot_start.match(text) or dot.search(text)):
            assert not re.findall(L.ALPHABETICAL_LIST_WITH_PERIODS, text), text
        if not paren.search(text):
            assert not re.findall(L.ALPHABETICAL_LIST_WITH_PARENS, text), text


def _all_rules() -> list[Rule]:
    """Every Rule pysbd's English processing applies (classes nested one level included)."""
    owners: list[object] = [English, L, punctuation_replacer.EscapeRegexReservedCharacters,
                            punctuation_replacer.SubEscapedRegexReservedCharacters]
    owners += [v for v in vars(English).values() if isinstance(v, type)]
    owners += [v for base in English.__mro__ for v in vars(base).values() if isinstance(v, type)]
    rules = {}
    for owner in owners:
        for name in dir(owner):
            value = getattr(owner, name)
            for rule in value if isinstance(value, list) else [value]:
                if isinstance(rule, Rule):
                    rules[rule.pattern, rule.replacement] = rule
    return list(rules.values())


def _rule_texts(rules: list[Rule], count: int) -> list[str]:
    chars = set("aZ1 .\n\r\t'\"!?()[]-\\&")
    for rule in rules:
        chars.update(c for c in rule.pattern + rule.replacement if not c.isalnum() or ord(c) > 127)
    alphabet = [*sorted(chars), "P∯M", "a∯m", "Co", " KG", "'s ", "jpg ", "&ᓴ&", "..."]
    rng = random.Random(23)
    return ["".join(rng.choice(alphabet) for _ in range(rng.randint(0, 16))) for _ in range(count)]


def test_fast_text_apply_equals_pysbd_text_apply() -> None:
    rules = _all_rules()
    assert len(rules) > 50
    skipped = 0
    for text in _rule_texts(rules, 3000):
        for rule in rules:
            expected = Text(text).apply(rule)
            assert segment_pysbd.FastText(text).apply(rule) == expected, (rule, text)
            needed = segment_regex.plan(rule.pattern)[0]
            skipped += any(part not in text for part in needed)
        assert segment_pysbd.FastText(text).apply(*rules) == Text(text).apply(*rules), text
    assert skipped > 1000  # the skip is exercised


def test_replace_punctuation_equals_pysbd() -> None:
    rules = _all_rules()
    whole = re.compile(r"(?s).+")
    for text in _rule_texts(rules, 5000):
        match = whole.fullmatch(text)
        if match is None:
            continue
        for kind in (None, "single"):
            expected = punctuation_replacer.replace_punctuation(match, kind)
            assert segment_pysbd.replace_punctuation(match, kind) == expected, text


def test_the_shortcuts_are_on_for_the_pinned_pysbd() -> None:
    """The pin in pyproject.toml, the installed pysbd and the proven version agree (else the
    fast path is off and the tests above compare plain pysbd with itself)."""
    import tomllib
    from pathlib import Path

    pyproject = Path(__file__).resolve().parents[2] / "pyproject.toml"
    deps = tomllib.loads(pyproject.read_text(encoding="utf-8"))["project"]["dependencies"]
    assert f"pysbd=={reference.PYSBD_VERSION}" in deps
    assert reference.fast_path_ok()
    splitter._fast_splitter.cache_clear()
    assert splitter._fast_splitter() is not reference.pysbd_split


def test_an_unknown_pysbd_falls_back_to_plain_pysbd(monkeypatch: pytest.MonkeyPatch) -> None:
    """Another pysbd (a new release) must not meet shortcuts proven on the pinned one: the
    splitter warns and runs plain pysbd, whose sentences are the reference anyway."""
    import pysbd

    monkeypatch.setattr(pysbd, "__version__", "0.4.0")
    splitter._fast_splitter.cache_clear()
    try:
        with pytest.warns(RuntimeWarning, match="pysbd 0.4.0"):
            chosen = splitter._fast_splitter()
        assert chosen is reference.pysbd_split
        text = "Dr. Smith arrived at 5 p.m. on Jan. 3. \"We won,\" he said. It rained."
        assert splitter.sentences(text) == splitter.sentences(text, reference.pysbd_split)
    finally:
        splitter._fast_splitter.cache_clear()
