"""The vectorised stages give exactly what their former plain-Python versions gave.

The references below are the implementations before vectorising (copied, not imported), run
on random inputs built to hit the awkward cases: repeated shingles, typos, drift between
the two sides, duplicate stems and arbitrary (non-dyadic) IDF weights, so float sums must
be added in the same order to agree to the last bit.
"""

from __future__ import annotations

import random
import re
from bisect import bisect_left, bisect_right, insort
from dataclasses import dataclass
from itertools import accumulate

import numpy as np

from annotator.core.align import verbatim, wordhash
from annotator.core.align.candidates import candidate_pairs, frequency_cap
from annotator.core.align.verbatim import (
    _NEAREST_FIRST,
    MAX_GAP,
    MAX_REPEAT,
    MIN_PIECE,
    SHINGLE,
    copied_passages,
)
from annotator.core.align.wordhash import word_ids
from benchmarks.quality_metrics import sentence_pairs, snap_to_sentences
from tests.core.cut_texts import cut_texts

_PLAIN_WORD = re.compile(r"\w+", re.UNICODE)


def _ref_seeds(tok_a: list[str], tok_b: list[str]) -> list[tuple[int, int]]:
    def hashes(tokens: list[str]) -> list[tuple[str, ...]]:
        return [tuple(tokens[k : k + SHINGLE]) for k in range(len(tokens) - SHINGLE + 1)]

    h_a, h_b = hashes(tok_a), hashes(tok_b)
    count_a: dict[tuple[str, ...], int] = {}
    count_b: dict[tuple[str, ...], int] = {}
    for h in h_a:
        count_a[h] = count_a.get(h, 0) + 1
    for h in h_b:
        count_b[h] = count_b.get(h, 0) + 1
    where_b: dict[tuple[str, ...], list[int]] = {}
    for j, h in enumerate(h_b):
        where_b.setdefault(h, []).append(j)
    return [(i, j) for i, h in enumerate(h_a)
            if count_a[h] <= MAX_REPEAT and 0 < count_b.get(h, 0) <= MAX_REPEAT
            for j in where_b[h]]


@dataclass
class _RefRun:
    first_i: int
    first_j: int
    last_i: int
    last_j: int
    seeds: list[tuple[int, int]]


def _ref_chain(seeds: list[tuple[int, int]]) -> list[_RefRun]:
    runs: list[_RefRun] = []
    open_by_diagonal: dict[int, int] = {}
    for i, j in seeds:
        d = i - j
        found = -1
        for shift in _NEAREST_FIRST:
            r = open_by_diagonal.get(d + shift)
            if r is not None and (i - runs[r].last_i <= MAX_GAP + SHINGLE
                                  and j > runs[r].last_j - SHINGLE):
                found = r
                break
        if found < 0:
            runs.append(_RefRun(i, j, i, j, [(i, j)]))
            found = len(runs) - 1
        else:
            run = runs[found]
            run.last_i, run.last_j = i, max(run.last_j, j)
            run.seeds.append((i, j))
        open_by_diagonal[d] = found
    return runs


def _ref_join(runs: list[_RefRun]) -> list[_RefRun]:
    joined: list[_RefRun] = []
    for run in sorted(runs, key=lambda r: (r.first_i, r.first_j)):
        for prev in reversed(joined[-3:]):
            di, dj = run.first_i - prev.last_i, run.first_j - prev.last_j
            if ((0 <= di <= MAX_GAP + SHINGLE and 0 <= dj <= 4 * MAX_GAP)
                    or (0 <= dj <= MAX_GAP + SHINGLE and 0 <= di <= 4 * MAX_GAP)):
                prev.last_i, prev.last_j = max(prev.last_i, run.last_i), max(prev.last_j,
                                                                              run.last_j)
                prev.seeds.extend(run.seeds)
                prev.seeds.sort()
                break
        else:
            joined.append(run)
    return joined


def _ref_overlaps(side: list[tuple[int, int, int]], lo: int, hi: int, half: float) -> bool:
    k = bisect_left(side, (lo, -1, -1))
    for m in range(max(0, k - verbatim.NEIGHBOURS), min(len(side), k + verbatim.NEIGHBOURS)):
        other_lo, other_hi, _ = side[m]
        if min(hi, other_hi) - max(lo, other_lo) + SHINGLE >= half:
            return True
    return False


def _ref_claim(runs: list[_RefRun]) -> list[_RefRun]:
    kept: list[_RefRun] = []
    sides: tuple[list[tuple[int, int, int]], list[tuple[int, int, int]]] = ([], [])
    for run in sorted(runs, key=lambda r: (r.first_i - r.last_i, r.first_i, r.first_j)):
        half = (run.last_i - run.first_i + SHINGLE) / 2
        spans = ((run.first_i, run.last_i), (run.first_j, run.last_j))
        if any(_ref_overlaps(side, lo, hi, half)
               for side, (lo, hi) in zip(sides, spans, strict=True)):
            continue
        for side, (lo, hi) in zip(sides, spans, strict=True):
            insort(side, (lo, hi, len(kept)))
        kept.append(run)
    return sorted(kept, key=lambda r: (r.first_i, r.first_j))


def _ref_pieces(first: int, last: int, cut_words: list[int]) -> list[tuple[int, int]]:
    lo = bisect_left(cut_words, first + MIN_PIECE)
    hi = bisect_right(cut_words, last + 1 - MIN_PIECE)
    bounds = [first, *cut_words[lo:hi], last + 1]
    return [(bounds[k], bounds[k + 1] - 1) for k in range(len(bounds) - 1)]


def _ref_covered(run: _RefRun, first: int, last: int) -> bool:
    lo = bisect_left(run.seeds, (first - SHINGLE + 1, -1))
    hi = bisect_right(run.seeds, (last, 1 << 62))
    covered, reach = 0, first
    for i, _ in run.seeds[lo:hi]:
        start, end = max(i, reach), min(i + SHINGLE, last + 1)
        if end > start:
            covered += end - start
            reach = end
    return 4 * covered >= last - first + 1


def _ref_partner(run: _RefRun, w: int) -> int:
    k = max(0, bisect_right(run.seeds, (w, 1 << 62)) - 1)
    i, j = run.seeds[k]
    return max(run.first_j, min(run.last_j + SHINGLE - 1, j + (w - i)))


def _ref_copied(text_a: str, text_b: str, cuts: list[int]) -> list[tuple[object, ...]]:
    """The copy stage before `cut_pieces`: a Python loop per run, piece and seed."""
    words = [[w.casefold() for w in _PLAIN_WORD.findall(t)] for t in (text_a, text_b)]
    runs = _ref_chain(_ref_seeds(*words))
    joined = [r for r in _ref_join(runs) if r.last_i + SHINGLE - r.first_i >= verbatim.MIN_WORDS]
    long_runs = _ref_claim(joined)
    span_a = [m.span() for m in _PLAIN_WORD.finditer(text_a)]
    span_b = [m.span() for m in _PLAIN_WORD.finditer(text_b)]
    cut_words = sorted({bisect_left(span_a, (c, -1)) for c in cuts})
    out = []
    for run in long_runs:
        for wa0, wa1 in _ref_pieces(run.first_i, run.last_i + SHINGLE - 1, cut_words):
            wb0, wb1 = _ref_partner(run, wa0), _ref_partner(run, wa1)
            if wb1 >= wb0 and _ref_covered(run, wa0, wa1):  # insertions are no copies
                out.append(((span_a[wa0][0], span_a[wa1][1]), (span_b[wb0][0], span_b[wb1][1]),
                            wa1 - wa0 + 1))
    return out


def _noisy_copy(rng: random.Random, words: list[str]) -> list[str]:
    out = []
    for w in words:
        roll = rng.random()
        if roll < 0.03:
            continue  # dropped word: the two sides drift
        out.append(w + "x" if roll < 0.06 else w)  # typo
        if roll > 0.98:
            out.append(rng.choice(words))  # inserted word
    return out


def _random_pair(rng: random.Random) -> tuple[str, str, list[int]]:
    vocab = [f"w{k}" for k in range(rng.choice([6, 30, 400]))]  # few words: repeated shingles
    pieces_a: list[list[str]] = []
    pieces_b: list[list[str]] = []
    for _ in range(rng.randint(1, 8)):
        shared = [rng.choice(vocab) for _ in range(rng.randint(5, 120))]
        pieces_a.append(shared)
        pieces_b.append(_noisy_copy(rng, shared) if rng.random() < 0.7 else shared)
        pieces_a.append([rng.choice(vocab) for _ in range(rng.randint(0, 40))])
        pieces_b.append([rng.choice(vocab) for _ in range(rng.randint(0, 40))])
    rng.shuffle(pieces_b)  # moved passages
    seps = [" ", "  ", ", ", ". ", "\n", " — "]
    text_a = "".join(w + rng.choice(seps) for p in pieces_a for w in p)
    text_b = "".join(w + rng.choice(seps) for p in pieces_b for w in p)
    cuts = sorted({m.end() for m in re.finditer(r"\. ", text_a)} | {0})
    return text_a, text_b, cuts


def test_copy_stage_matches_the_plain_version() -> None:
    rng = random.Random(11)
    found = 0
    for _ in range(150):
        text_a, text_b, cuts = _random_pair(rng)
        got = [(p.a, p.b, p.words) for p in copied_passages(text_a, text_b, cuts)]
        assert got == _ref_copied(text_a, text_b, cuts)
        found += len(got)
    assert found > 100  # the inputs do contain copies


def test_seeds_and_runs_match_the_plain_version() -> None:
    rng = random.Random(5)
    for _ in range(150):
        text_a, text_b, _cuts = _random_pair(rng)
        tok_a, tok_b = ([w.casefold() for w in _PLAIN_WORD.findall(t)] for t in (text_a, text_b))
        seeds_i, seeds_j = verbatim._seeds(word_ids(text_a)[0], word_ids(text_b)[0])
        seeds = list(zip(seeds_i.tolist(), seeds_j.tolist(), strict=True))
        assert seeds == _ref_seeds(tok_a, tok_b)
        runs, label = verbatim._chain(seeds_i, seeds_j)
        ref = _ref_chain(seeds)
        assert [(r.first_i, r.first_j, r.last_i, r.last_j) for r in runs] == [
            (r.first_i, r.first_j, r.last_i, r.last_j) for r in ref]
        assert [[s for s, k in zip(seeds, label.tolist(), strict=True) if k == r]
                for r in range(len(runs))] == [r.seeds for r in ref]
        joined, into = verbatim._join(runs)
        ref_joined = _ref_join(ref)
        assert [(r.first_i, r.first_j, r.last_i, r.last_j) for r in joined] == [
            (r.first_i, r.first_j, r.last_i, r.last_j) for r in ref_joined]
        assert [sorted(s for s, k in zip(seeds, into[label].tolist(), strict=True) if k == r)
                for r in range(len(joined))] == [r.seeds for r in ref_joined]


WORDY = ["", "  ", "a", " Straße, ĳ ﬁne 3.5 — naïve\nend.", "x" * 5 + " y", "snake_case",
         "Ünïcödé ＦＵＬＬ ２０２４ ½ ² İstanbul STRASSE", "東京 都 ¿qué? Ñandú", "e\u0301cole",
         "a" * 200 + " " + "b" * 49 + "A" * 48, "Σίσυφος ΣΊΣΥΦΟΣ", "\ud800 lone surrogate"]


def test_word_ids_are_the_regex_words_folded() -> None:
    rng = random.Random(8)
    texts = list(WORDY)
    pool = [w for t in WORDY for w in t.split()] + ["-", ","]
    for _ in range(200):
        texts.append(" ".join(rng.choices(pool, k=rng.randint(0, 15))))
    for text in texts:
        ids, starts, ends = word_ids(text)
        matches = list(_PLAIN_WORD.finditer(text))
        assert list(zip(starts.tolist(), ends.tolist(), strict=True)) == [m.span() for m in matches]
        folded = [m.group().casefold() for m in matches]
        pairs = [(x, y) for x in range(len(ids)) for y in range(len(ids))]
        assert [ids[x] == ids[y] for x, y in pairs] == [folded[x] == folded[y] for x, y in pairs]
        if "\ud800" not in text:  # both routes give the same ids
            regex_ids, regex_starts, _ = wordhash._by_regex(text)
            assert ids.tolist() == regex_ids.tolist() and starts.tolist() == regex_starts.tolist()
    one = word_ids("Straße strasse STRASSE")[0]  # "ß" folds to two letters: the regex route
    assert one[0] == one[1] == one[2]


def _ref_candidates(stems_a, stems_b, idf, per_sentence):  # type: ignore[no-untyped-def]
    """The implementation before vectorising: one small grid per stem."""
    n_a, n_b = len(stems_a), len(stems_b)
    if not n_a or not n_b:
        return []
    shared = set().union(*map(set, stems_a)) & set().union(*map(set, stems_b))
    ids = {stem: k for k, stem in enumerate(sorted(shared))}
    post: list[list[list[int]]] = []
    for stem_sets in (stems_a, stems_b):
        lists: list[list[int]] = [[] for _ in ids]
        for index, stems in enumerate(stem_sets):
            for stem in stems:
                if stem in ids:
                    lists[ids[stem]].append(index)
        post.append(lists)
    keys, weights = [], []
    for stem, k in ids.items():
        rows, cols = post[0][k], post[1][k]
        if len(rows) > frequency_cap(n_a) or len(cols) > frequency_cap(n_b):
            continue
        grid = (np.asarray(rows, dtype=np.int64)[:, None] * n_b
                + np.asarray(cols, dtype=np.int64)[None, :]).ravel()
        keys.append(grid)
        weights.append(np.full(grid.size, idf.get(stem, 1.0)))
    chosen = {(0, 0)}
    if keys:
        pair_keys, inverse = np.unique(np.concatenate(keys), return_inverse=True)
        votes = np.bincount(inverse, weights=np.concatenate(weights))
        rows_i, cols_j = pair_keys // n_b, pair_keys % n_b
        for major, minor in ((rows_i, cols_j), (cols_j, rows_i)):
            order = np.lexsort((minor, -votes, major))
            ranked = major[order]
            starts = np.searchsorted(ranked, ranked, side="left")
            keep = order[np.arange(ranked.size) - starts < per_sentence]
            chosen.update(zip(rows_i[keep].tolist(), cols_j[keep].tolist(), strict=True))
    return sorted(chosen)


def _stem_doc(rng: random.Random, vocab: list[str]) -> list[object]:
    """Frozensets as the pipeline passes them, and lists with repeats as allowed."""
    return [(frozenset if rng.random() < 0.7 else list)(rng.choices(vocab, k=rng.randint(0, 12)))
            for _ in range(rng.randint(0, 90))]


def test_candidates_match_the_plain_version_to_the_last_bit() -> None:
    rng = random.Random(3)
    for _ in range(60):
        vocab = [f"s{k}" for k in range(rng.randint(3, 300))]
        idf = {w: rng.uniform(0.5, 9.0) for w in vocab if rng.random() < 0.9}

        a, b = _stem_doc(rng, vocab), _stem_doc(rng, vocab)
        per = rng.randint(1, 7)
        assert candidate_pairs(a, b, idf, per) == _ref_candidates(a, b, idf, per)  # type: ignore[arg-type]


def _ref_snap(spans: list[tuple[int, int]], sentences: list[tuple[int, int]]) -> list[int]:
    return [k for k, (s, e) in enumerate(sentences)
            if e > s and sum(max(0, min(y, e) - max(x, s)) for x, y in spans) >= 0.5 * (e - s)]


def test_sentence_pairs_match_the_all_sentences_scan() -> None:
    rng = random.Random(9)
    for _ in range(200):
        cuts = sorted(rng.sample(range(1, 400), rng.randint(0, 30)))
        bounds = [0, *cuts, 400]
        sentences = [(bounds[k] + rng.randint(0, 2), bounds[k + 1])
                     for k in range(len(bounds) - 1)]
        if rng.random() < 0.2:  # overlapping or unordered sentences take the slow path
            rng.shuffle(sentences)
        spans = [(x, x + rng.randint(0, 60)) for x in rng.sample(range(400), rng.randint(0, 4))]
        assert snap_to_sentences(spans, sentences) == _ref_snap(spans, sentences)
    links = [([(0, 20)], [(5, 30), (40, 50)])]
    sents = [(0, 10), (11, 20), (21, 35), (40, 50)]
    assert sentence_pairs(links, sents, sents) == {
        (i, j) for i in _ref_snap(links[0][0], sents) for j in _ref_snap(links[0][1], sents)}


def test_flat_stems_idf_and_candidates_match_the_per_sentence_versions() -> None:
    """SpanTokens' (sentence, stem) arrays, flat_idf and candidate_arrays give what the
    per-sentence stem sets, idf_table and candidate_pairs give (also with word-cutting,
    overlapping and empty spans, which fall back to tokenising the span alone)."""
    from annotator.core.align.candidates import candidate_arrays
    from annotator.core.align.features import idf_table, tokenize
    from annotator.core.align.spantokens import SpanTokens, StemIds, flat_idf

    rng = random.Random(12)
    for _ in range(80):
        texts, spans = cut_texts(rng, max_words=60, max_cuts=12, overlap=0.3)
        ids = StemIds()
        toks = [SpanTokens(t, s) for t, s in zip(texts, spans, strict=True)]
        flat = [tok.stems(ids) for tok in toks]
        sets = [[frozenset(tokenize(t[s:e]).content) for s, e in sp]
                for t, sp in zip(texts, spans, strict=True)]
        for (owner, stem), doc_sets in zip(flat, sets, strict=True):
            names = list(ids)
            got = [frozenset(names[k] for k in stem[owner == m].tolist())
                   for m in range(len(doc_sets))]
            assert got == doc_sets
            assert owner.tolist() == sorted(owner.tolist())
        for tok, text, sp in zip(toks, texts, spans, strict=True):
            assert list(tok) == [tokenize(text[s:e]) for s, e in sp]
        idf = flat_idf(ids, [flat[0][1], flat[1][1]], len(spans[0]) + len(spans[1]))
        assert idf == idf_table(sets[0] + sets[1])
        per = rng.randint(1, 6)
        rows, cols = candidate_arrays(flat[0], len(spans[0]), flat[1], len(spans[1]), list(ids),
                                      idf, per)
        assert list(zip(rows.tolist(), cols.tolist(), strict=True)) == candidate_pairs(
            sets[0], sets[1], idf, per)


_SENTENCE_WORDS = ["Emma", "emma", "EMMA", "said", "no", "3.5", "naïve", "NAÏVE", "Σίσυφος",
                   "snake_case", "x", "¿qué?", "２０２４", "a\u0345b"]
_GAPS = [" ", "  ", "\t", "\n", "\xa0", "\u2003", "\x1c", ", ", " — ", ""]


def _sentence_pool(rng: random.Random) -> list[str]:
    return [" ".join(rng.choices(_SENTENCE_WORDS, k=rng.randint(1, 6)))
            for _ in range(rng.randint(5, 40))]


def _identical_case(rng: random.Random, pool: list[str]) -> tuple[str, list[tuple[int, int]]]:
    text, spans = "", []
    for _ in range(rng.randint(0, 25)):
        sentence = rng.choice(pool)
        sentence = "".join(c if rng.random() > 0.05 else c.swapcase() for c in sentence)
        sentence = rng.choice(_GAPS).join(sentence.split(" "))
        lead, trail = rng.choice(["", " ", "\n\t"]), rng.choice(["", ".", " ", "!\n"])
        start = len(text) + len(lead) - (rng.random() < 0.1)  # sometimes cut into a word
        text += lead + sentence + trail
        spans.append((max(0, start), len(text) - (rng.random() < 0.1)))
    if spans and rng.random() < 0.2:
        spans.append(spans[0])  # the same span twice
    if rng.random() < 0.1:
        spans.append((len(text), len(text)))  # empty
    return text, spans


def test_identical_sentences_match_the_plain_version() -> None:
    from annotator.core.align import identical

    rng = random.Random(21)
    found = 0
    for n in range(400):
        pool = _sentence_pool(rng)
        if n % 7 == 0:
            pool.append(rng.choice(["Straße ist gut", "İstanbul is big", "\ud800 lone one two"]))
        (text_a, spans_a), (text_b, spans_b) = (_identical_case(rng, pool) for _ in range(2))
        got = verbatim.identical_sentences(text_a, spans_a, text_b, spans_b)
        assert got == identical.identical_plain(text_a, spans_a, text_b, spans_b,
                                                verbatim.MIN_SAME_WORDS)
        found += len(got)
    assert found > 200


def test_word_counts_are_findall_per_span() -> None:
    from annotator.core.align.identical import word_counts

    rng = random.Random(23)
    for text in [*WORDY, "".join(rng.choices("ab _.\n\tü½ß", k=300))]:
        spans = [(rng.randint(0, len(text)), rng.randint(0, len(text))) for _ in range(40)]
        assert word_counts(text, spans) == [len(_PLAIN_WORD.findall(text[s:e]))
                                            for s, e in spans]
    assert word_counts("one two", [(-3, 7), (0, 99)]) == [1, 2]  # Python's slicing rules


def test_vote_places_and_top_partners_match_the_float_sorts() -> None:
    """candidates' packed-integer sorts give what the stable float and argsorts gave: the
    first k pairs of each sentence by (best vote, partner), also where the packed values do
    not fit 62 bits (np.lexsort then)."""
    from annotator.core.align.candidates import _stable_order, _top, _vote_places

    rng = np.random.default_rng(4)
    for pairs, stems, spread in [(1, 5, 3), (500, 3, 20), (5000, 40, 300), (60_000, 9000, 1 << 40)]:
        weight = rng.uniform(1.0, 9.0, stems).round(int(rng.integers(1, 4)))
        keys = np.unique(rng.integers(0, 300 * spread, pairs))  # distinct (major, minor)
        major, minor = keys // 300, keys % 300
        votes_per_pair = rng.choice([1, 1, 1, 2, 3], keys.size)
        code = rng.integers(0, stems, int(votes_per_pair.sum()))
        pair = np.repeat(np.arange(keys.size), votes_per_pair)
        new = np.r_[True, pair[1:] != pair[:-1]]
        votes = np.bincount(pair, weights=weight[code], minlength=keys.size)
        place = _vote_places(votes, weight, code[new], new)
        by_vote = np.argsort(-votes, kind="stable")
        for per in (1, 6):
            order = by_vote[np.argsort(major[by_vote], kind="stable")]
            ranked = major[order]
            first = np.searchsorted(ranked, ranked, side="left")
            take = order[np.arange(ranked.size) - first < per]
            want = sorted(zip(major[take].tolist(), minor[take].tolist(), strict=True))
            got = _top(major, place, minor, per)
            assert sorted(zip(got[0].tolist(), got[1].tolist(), strict=True)) == want
        shuffled = rng.permutation(keys) % (7 * spread)  # repeats, and 2^40 keys: no packing
        order, ranked = _stable_order(shuffled)
        assert order.tolist() == np.argsort(shuffled, kind="stable").tolist()
        assert ranked.tolist() == shuffled[order].tolist()
    huge = np.array([1 << 60, 5, 1 << 60, 3], dtype=np.int64)  # too wide to pack
    assert _stable_order(huge)[0].tolist() == [3, 1, 0, 2]


def _ref_covered_sentences(segs: list[tuple[int, int]], spans: list[object]) -> set[int]:
    """The per-sentence loop the pipeline used before cover.covered."""
    if not spans:
        return set()
    ordered = sorted(s if isinstance(s, tuple) else (s.start, s.end)  # type: ignore[attr-defined]
                     for s in spans)
    starts = [s for s, _ in ordered]
    reach = list(accumulate((e for _, e in ordered), max))
    out = set()
    for i, (seg_start, seg_end) in enumerate(segs):
        k = bisect_left(starts, seg_end) - 1
        while k >= 0 and reach[k] > seg_start:
            start, end = ordered[k]
            if min(seg_end, end) - max(seg_start, start) > 0.5 * (seg_end - seg_start):
                out.add(i)
                break
            k -= 1
    return out


def test_covered_sentences_match_the_plain_walk() -> None:
    from annotator.core.align import cover
    from annotator.core.document import Span

    rng = random.Random(24)
    for n in range(300):
        bounds = sorted(rng.sample(range(1, 2000), rng.randint(0, 60)))
        segs = [(a + rng.randint(0, 3), b) for a, b in zip([0, *bounds], [*bounds, 2000],
                                                          strict=True)]
        segs += [(5, 5)] * (n % 3 == 0)  # an empty sentence is never covered
        spans: list[object] = []
        for _ in range(rng.randint(0, 40)):
            a = rng.randrange(2000)
            b = a + rng.choice([1, 5, 30, 200, 1500])  # long spans nest around many others
            spans.append((a, b) if rng.random() < 0.5 else Span(a, min(b, 2000)))
        assert cover.covered(segs, spans) == _ref_covered_sentences(  # type: ignore[arg-type]
            segs, spans)


def test_claim_matches_the_plain_version() -> None:
    """_claim skips the overlap check for runs near no other: same runs kept as checking all."""
    rng = random.Random(25)
    dropped = 0
    for _ in range(300):
        runs = []
        for _ in range(rng.randint(0, 60)):
            i, j = rng.randrange(3000), rng.randrange(3000)
            length = rng.choice([25, 30, 60, 200])
            runs.append((i, j, i + length, j + length + rng.randint(-4, 4)))
        fast = verbatim._claim([verbatim.Run(*r) for r in runs])
        plain = _ref_claim([_RefRun(*r, []) for r in runs])
        got = [(r.first_i, r.first_j, r.last_i, r.last_j) for r in fast]
        assert got == [(r.first_i, r.first_j, r.last_i, r.last_j) for r in plain]
        dropped += len(runs) - len(got)
    assert dropped > 100


def test_grouped_hashes_are_sorted_also_when_top_bits_collide() -> None:
    rng = np.random.default_rng(26)
    for size, top in [(1, 1 << 64), (2, 4), (50, 64), (1000, 1 << 20), (5000, 1 << 64)]:
        hashes = rng.integers(0, top, size, dtype=np.uint64, endpoint=False) if top < 1 << 63 \
            else rng.integers(0, 1 << 63, size, dtype=np.uint64) * np.uint64(2)
        order, ranked = verbatim._grouped(hashes)
        assert sorted(order.tolist()) == list(range(size))
        assert ranked.tolist() == sorted(hashes.tolist()) == hashes[order].tolist()


def test_candidates_with_skipped_sentences_are_the_filtered_full_result() -> None:
    from annotator.core.align.candidates import candidate_arrays

    rng = np.random.default_rng(27)
    for _ in range(150):
        stems = int(rng.integers(1, 60))
        names = [f"s{k:03d}" for k in rng.permutation(stems)]
        idf = {w: float(rng.uniform(0.5, 9.0)) for w in names if rng.random() < 0.9}
        docs = []
        for _side in range(2):
            n = int(rng.integers(1, 80))
            owner = np.repeat(np.arange(n), rng.integers(0, 8, n))
            key = np.unique(owner * stems + rng.integers(0, stems, owner.size))  # distinct
            docs.append(((key // stems, key % stems), n))
        (a, n_a), (b, n_b) = docs
        per = int(rng.integers(1, 7))
        skip = (rng.random(n_a) < rng.random(), rng.random(n_b) < rng.random())
        full = zip(*(x.tolist() for x in candidate_arrays(a, n_a, b, n_b, names, idf, per)),
                   strict=True)
        want = [(i, j) for i, j in full if not skip[0][i] and not skip[1][j]]
        rows, cols = candidate_arrays(a, n_a, b, n_b, names, idf, per, skip)
        assert list(zip(rows.tolist(), cols.tolist(), strict=True)) == want
