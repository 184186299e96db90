"""Plain pysbd: the reference the fast path must equal, and the version it was proven on.

The fast path (`fast`, `pysbd_rules`, `abbr`, `regex_plans`, `lists`) reads pysbd's rules and
reuses its functions' code, so it is exact only for the pysbd it was compared with.
`fast_path_ok()` says whether the installed pysbd is that one; `splitter` falls back to plain
pysbd (the same sentences, slower) with a warning when it is not.
"""

from __future__ import annotations

from functools import lru_cache

PYSBD_VERSION = "0.3.4"  # pinned in pyproject.toml; tests/core/test_segment_*.py prove it


def installed_pysbd() -> str:
    import pysbd

    return str(getattr(pysbd, "__version__", "unknown"))


def fast_path_ok() -> bool:
    """Whether the installed pysbd is the version the fast path was proven against."""
    return installed_pysbd() == PYSBD_VERSION


@lru_cache(maxsize=1)
def _segmenter():  # type: ignore[no-untyped-def]
    import pysbd

    return pysbd.Segmenter(language="en", clean=False, char_span=False)


def pysbd_split(block: str) -> list[str]:
    """Sentences of one block as plain pysbd sees them (texts, not offsets): the reference."""
    return [s for s in _segmenter().segment(block) if s.strip()]
