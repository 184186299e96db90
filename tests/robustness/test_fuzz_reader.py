"""A bounded mutation fuzz of the project reader: whatever the bytes, it returns a project or
raises ProjectFileError (the project's own error type), never anything else, never hangs.

Runs for FUZZ_SECONDS (default 4) or FUZZ_ITERATIONS, whichever ends first, from a seed
printed on failure (FUZZ_SEED reproduces a run)."""

from __future__ import annotations

import os
import random
import re
import time

from annotator.core import ProjectFileError, read_project

from .helpers import small_project_xml

SNIPPETS = [
    b"<!-- c -->", b"<?pi x?>", b"<![CDATA[x]]>", b"&amp;", b"&bogus;", b"&#0;", b"&#x1F600;",
    b"9" * 4400, b"0" * 5000, b"-1", b"1e9", b"NaN", b"\x00", b"\xff\xfe", b"\xed\xa0\x80",
    b"<claim/>", b"</claims>", b"<link>", b'xmlns="urn:other"', b"<!DOCTYPE a>", b"\n",
    b'id="c1"', b'doc="A"', b'source="c2"', b"<orphans/>", b'formatVersion="2.0"', b"\t",
]


# Snippets that keep a file well-formed where markup may go, so the mutant reaches the schema
# and semantic checks instead of failing at the parser.
HARMLESS = [b"<!-- c -->", b"<?pi x?>", b"\n  ", b"<!---->"]
NUMBERS = [b"0", b"1", b"1000000", b"9" * 4400, b"0" * 5000 + b"7", b"18446744073709551617"]


def _mutate(rng: random.Random, data: bytes) -> bytes:
    for _ in range(1 if rng.random() < 0.5 else rng.randint(2, 4)):
        pos = rng.randrange(len(data) + 1)
        kind = rng.randrange(7)
        if kind == 6:  # a snippet where markup may go: before a tag or inside its attributes
            tags = [i for i in range(len(data)) if data[i : i + 1] in (b"<", b" ")]
            i = rng.choice(tags) if tags else pos
            pool = HARMLESS if data[i : i + 1] == b"<" and rng.random() < 0.7 else SNIPPETS
            data = data[:i] + rng.choice(pool) + data[i:]
        elif kind == 0:  # flip a byte
            if data:
                i = rng.randrange(len(data))
                data = data[:i] + bytes([rng.randrange(256)]) + data[i + 1 :]
        elif kind == 1:  # insert a snippet
            data = data[:pos] + rng.choice(SNIPPETS) + data[pos:]
        elif kind == 2:  # delete a range
            data = data[:pos] + data[pos + rng.randint(1, 40) :]
        elif kind == 3:  # duplicate a range
            chunk = data[pos : pos + rng.randint(1, 200)]
            data = data[:pos] + chunk + data[pos:]
        elif kind == 4:  # replace a quoted number by another
            numbers = [m for m in re.finditer(rb'"(\d+)"', data)]
            if numbers:
                m = rng.choice(numbers)
                data = data[: m.start(1)] + rng.choice(NUMBERS) + data[m.end(1) :]
        else:  # truncate
            data = data[:pos]
    return data


def test_the_reader_only_ever_raises_its_own_error() -> None:
    seed = int(os.environ.get("FUZZ_SEED", time.time_ns() % 2**32))
    budget = float(os.environ.get("FUZZ_SECONDS", "4"))
    limit = int(os.environ.get("FUZZ_ITERATIONS", "1000000"))
    rng = random.Random(seed)
    base = small_project_xml().encode("utf-8")
    deadline = time.monotonic() + budget
    runs = read = refused = 0
    while runs < limit and time.monotonic() < deadline:
        data = _mutate(rng, base)
        runs += 1
        try:
            read_project(data)
            read += 1
        except ProjectFileError as exc:
            refused += 1
            assert str(exc)
        except Exception as exc:  # the failure this test exists to find
            raise AssertionError(f"seed {seed}, run {runs}: {type(exc).__name__}: {exc}\n"
                                 f"input: {data[:2000]!r}") from exc
    print(f"fuzz: {runs} mutated files (seed {seed}): {read} read, {refused} refused")
    assert runs >= 50 and refused > 0
