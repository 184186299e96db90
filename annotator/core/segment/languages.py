"""Sentence splitting for a document's language: plain pysbd with that language's rules.

The fast path (`fast_split`) is proven identical to pysbd's English rules only, so English
(and any language pysbd has no rules for) keeps it; every other language runs plain pysbd
with its own abbreviations and number rules ("seit dem 3. März" is one German sentence).
pysbd's lists miss titles and amounts news copy uses all the time ("Sr. García", "dhr.
Jansen", "40 mln. euro"): they are added here, to a copy of that language's rules only.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from ..language import sentence_rules
from .splitter import SentenceSplitter

# rules language -> (titles that precede a name, more abbreviations), lower case, no dot
EXTRA: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "es": (("sr", "sra", "srta", "dr", "dra", "lic", "ing", "prof", "d", "dña", "excmo", "sto",
            "sta"), ("mill", "aprox", "núm")),
    "nl": (("dr", "dhr", "mevr", "mr", "prof", "ir", "ing", "drs", "st"),
           ("mln", "mld", "mrd", "ca", "nr", "blz")),
    "de": (("dr", "prof", "hr", "fr", "st", "dipl"), ("mio", "mrd", "bzw", "usw", "ca", "nr")),
    "fr": (("m", "mm", "mme", "mlle", "dr", "pr", "me", "mgr", "st", "ste"),
           ("env", "cf", "mds", "md")),
    "it": (("sig", "sigg", "dott", "avv", "ing", "prof", "dr", "on", "sen", "gen"),
           ("mln", "mld", "ca", "pag")),
}


def _language_class(rules: str) -> Any:
    """pysbd's rules for `rules` with the EXTRA titles and abbreviations (a subclass: the
    English rules the fast path was proven on are never touched)."""
    from pysbd.languages import LANGUAGE_CODES

    base = LANGUAGE_CODES[rules]
    titles, more = EXTRA.get(rules, ((), ()))
    if not titles and not more:
        return base
    abbreviation = type("Abbreviation", (base.Abbreviation,), {
        "ABBREVIATIONS": [*base.Abbreviation.ABBREVIATIONS, *titles, *more],
        "PREPOSITIVE_ABBREVIATIONS": [*base.Abbreviation.PREPOSITIVE_ABBREVIATIONS, *titles],
    })
    return type(base.__name__, (base,), {"Abbreviation": abbreviation})


@lru_cache(maxsize=32)
def _segmenter(rules: str) -> Any:
    import pysbd

    segmenter = pysbd.Segmenter(language=rules, clean=False, char_span=False)
    segmenter.language_module = _language_class(rules)
    return segmenter


def _split_with(rules: str, block: str) -> list[str]:
    return [s for s in _segmenter(rules).segment(block) if s.strip()]


@lru_cache(maxsize=32)
def splitter_for(language: str) -> SentenceSplitter | None:
    """The splitter for `language` (ISO 639-1); None means the default, English fast path."""
    rules = sentence_rules(language)
    if rules == "en":
        return None

    def split(block: str) -> list[str]:
        return _split_with(rules, block)

    return split
