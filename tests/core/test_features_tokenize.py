"""The memoised `tokenize` must give exactly what the plain per-word definition gives."""

from __future__ import annotations

import random

from annotator.core.align.features import (
    _NUMBER,
    _WORD,
    STOPWORDS,
    Tokens,
    _canonical_number,
    fold,
    idf_table,
    stem,
    tokenize,
)


def reference_tokenize(text: str) -> Tokens:
    """The straightforward definition (the implementation before memoisation)."""
    content: list[str] = []
    numbers: set[str] = set()
    names: set[str] = set()
    index = -1
    for index, match in enumerate(_WORD.finditer(text)):
        raw = match.group()
        if _NUMBER.match(raw):
            numbers.add(_canonical_number(raw))
            content.append(_canonical_number(raw))
            continue
        word = fold(raw).replace("’", "'").split("'")[0]
        if not word or word in STOPWORDS:
            continue
        if index > 0 and raw[:1].isupper():
            names.add(word)
        content.append(stem(word))
    return Tokens(tuple(content), frozenset(numbers), frozenset(names), index + 1)


def reference_idf(passages: list[tuple[str, ...]]) -> dict[str, float]:
    import math
    from collections import Counter

    df: Counter[str] = Counter()
    for words in passages:
        df.update(set(words))
    return {w: math.log((1 + len(passages)) / (1 + n)) + 1.0 for w, n in df.items()}


CASES = [
    "",
    "   ",
    "...",
    "The U.S. said on Jan. 5 that it would sanction Nicolás Maduro.",
    "NICOLÁS MADURO sanctioned; Señor Peña's café — naïve Zoë!",
    "It cost $1,200.50 (up 3.5% from 1,100.) in 2024, said Mr. O'Neill.",
    "Don’t you think it’s the workers’ union’s call? 'Yes,' she said.",
    "She's here. He'd go. They'll see. Rock 'n' roll, rock’n’roll, ’90s and '90s.",
    "Ünïcödé ﬁnal ﬂow ＦＵＬＬＷＩＤＴＨ ２０２４ ½ ² İstanbul ß STRASSE Straße",
    "e.g. i.e. a.m. 3 p.m. 10,000 1.2.3 4,5,6 v1.2 COVID-19 F-35 9/11 24/7",
    "Said Said said SAID According To The Report, Mrs. Smith told MS. Jones.",
    "\"Quoted,\" he said. «Guillemets» and “curly” and ‘single’ quotes.",
    "日本語の文と English mixed: 東京 Tokyo 2020年",
    "A a I i O'Brien o'brien McDonald's mcdonald’s 'tis ’twas",
    "Numbers: 0 00 007 1. 1, 1,000,000 3.14159 .5 5. -3 +4 1e10 0x1F",
    "Under_score snake_case __dunder__ CamelCase HTTPServer iPhone eBay",
]


def _random_text(rng: random.Random) -> str:
    words = [w for case in CASES for w in case.split()] + ["the", "and", "The", "And", "1,2"]
    return " ".join(rng.choice(words) for _ in range(rng.randint(0, 40)))


def test_tokenize_equals_reference_on_edge_cases() -> None:
    for text in CASES:
        assert tokenize(text) == reference_tokenize(text), text


def test_tokenize_equals_reference_on_random_text() -> None:
    rng = random.Random(6)
    texts = [_random_text(rng) for _ in range(500)]
    for text in texts:
        assert tokenize(text) == reference_tokenize(text), text
    tokenize.cache_clear()  # the per-word memo is now warm: compare again without the per-text one
    for text in texts:
        assert tokenize(text) == reference_tokenize(text), text


def test_idf_table_equals_reference() -> None:
    rng = random.Random(7)
    passages = [tokenize(_random_text(rng)).content for _ in range(200)]
    assert idf_table(passages) == reference_idf(passages)
    assert idf_table(iter(passages)) == reference_idf(passages)  # any iterable
    assert idf_table([]) == {}
    assert idf_table([frozenset(p) for p in passages]) == reference_idf(passages)  # sets as is


def test_the_c_stemmer_stems_like_the_pure_python_one() -> None:
    """PyStemmer is used when installed; it must stem exactly as snowballstemmer does, on every
    distinct word of the benchmark pairs and quality corpora (98k words; the system's older
    libstemmer 2.2 differed on 44 of them, e.g. "added")."""
    import gzip
    from pathlib import Path

    import pytest

    stemmer_c = pytest.importorskip("Stemmer")
    import snowballstemmer

    from annotator.core.align.features import _stemmer

    raw = (Path(__file__).parent / "data" / "stem_words.txt.gz").read_bytes()
    words = gzip.decompress(raw).decode("utf-8").split()
    assert len(words) > 90_000
    fast = stemmer_c.Stemmer("english").stemWords(words)
    plain = snowballstemmer.stemmer("english").stemWords(words)
    assert [w for w, x, y in zip(words, fast, plain, strict=True) if x != y] == []
    assert type(_stemmer()).__module__ == "Stemmer"  # the fast one is the one in use


def test_fold_fast_path_for_ascii_matches_the_unicode_definition() -> None:
    import string
    import unicodedata

    def reference(word: str) -> str:
        decomposed = unicodedata.normalize("NFKD", word.casefold())
        return "".join(ch for ch in decomposed if not unicodedata.combining(ch))

    rng = random.Random(2)
    words = ["".join(rng.choices(string.printable, k=rng.randint(0, 12))) for _ in range(3000)]
    words += ["Nicolás", "STRASSE", "Straße", "ﬁne", "İstanbul", "Ǆ", "ÅNGSTRÖM", "naïve"]
    assert [fold(w) for w in words] == [reference(w) for w in words]


def test_tokenize_spans_is_tokenize_per_span() -> None:
    """The whole-text pass must give what tokenising each span on its own gives, also for
    spans that cut through words, overlap, are empty or hold no word."""
    from annotator.core.align.spantokens import SpanTokens

    rng = random.Random(4)
    pieces = [*CASES, "3.5", "U.S.", "rock’n’roll", "x", " ", "\n\n", "—", "2,000.", "O'Neill"]
    for _ in range(300):
        text = " ".join(rng.choices(pieces, k=rng.randint(0, 12)))
        cuts = sorted(rng.choices(range(len(text) + 1), k=rng.randint(0, 8)))
        spans = list(zip([0, *cuts], [*cuts, len(text)], strict=True))
        spans += [tuple(sorted(rng.choices(range(len(text) + 1), k=2))) for _ in range(3)]
        got = SpanTokens(text, spans)
        assert list(got) == [tokenize(text[s:e]) for s, e in spans]
        assert list(got) == [reference_tokenize(text[s:e]) for s, e in spans]
    assert list(SpanTokens("", [(0, 0)])) == [Tokens((), frozenset(), frozenset(), 0)]
