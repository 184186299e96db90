"""Two cores give the one-core result: same sentences, same links, same scores; the fallbacks
are taken where they must be; a child's failure surfaces as the one-core run's."""

from __future__ import annotations

import multiprocessing
import os
import random
import threading
import warnings
from collections.abc import Iterator

import pytest

from annotator.core import Cancelled, Document
from annotator.core.align import pipeline
from annotator.core.align.spantokens import (
    SpanTokens,
    StemIds,
    TextTokens,
    doc_stems,
    merge_stems,
)
from annotator.core.align.speed import twocore
from annotator.core.pair import align_documents, segment_pair
from tests.core.cut_texts import cut_texts

_NAMES = ["Maduro", "Caracas", "Straße", "Nicolás", "O'Brien", "U.S.", "Dr. Ruiz", "Jan."]


def _sentence(rng: random.Random, vocab: list[str]) -> str:
    words = rng.choices(vocab, k=rng.randint(4, 24))
    if rng.random() < 0.3:
        words.insert(rng.randrange(len(words)), rng.choice(_NAMES))
    if rng.random() < 0.2:
        words.append(f"{rng.randint(1, 9999):,}")
    end = rng.choice([".", ".", ".", "?", "!", ".\u201d", '."'])
    return " ".join(words).capitalize() + end


def long_pair(seed: int = 3, paragraphs: int = 120) -> tuple[str, str]:
    """A and B sharing verbatim paragraphs (the copy stage), reworded and reordered ones (the
    candidates), sentences only one side has, and headline-like lines without a full stop."""
    rng = random.Random(seed)
    vocab = ["".join(rng.choices("abcdefghijklmnoprstuvwyz", k=rng.randint(2, 9)))
             for _ in range(600)] + ["the", "of", "and", "said", "naïve", "rock’n’roll"]
    paras_a = [[_sentence(rng, vocab) for _ in range(rng.randint(1, 6))]
               for _ in range(paragraphs)]
    paras_b: list[list[str]] = []
    for para in paras_a:
        roll = rng.random()
        if roll < 0.45:
            paras_b.append(list(para))  # copied
        elif roll < 0.75:  # reworded: a word dropped per sentence, sentences reordered
            reworded = []
            for s in para:
                words = s.split()
                del words[rng.randrange(len(words))]
                reworded.append(" ".join(words) or s)
            rng.shuffle(reworded)
            paras_b.append(reworded)
        elif roll < 0.85:
            continue  # only A has it
        else:
            paras_b.append([_sentence(rng, vocab) for _ in range(rng.randint(1, 4))])
    for _ in range(len(paras_b) // 8):  # some paragraphs moved
        k, m = rng.randrange(len(paras_b)), rng.randrange(len(paras_b))
        paras_b[k], paras_b[m] = paras_b[m], paras_b[k]

    def text(paras: list[list[str]]) -> str:
        head = "A headline without a stop\n\n"
        return head + "\n\n".join(" ".join(p) for p in paras) + "\n"

    return text(paras_a), text(paras_b)


def _links(text_a: str, text_b: str) -> tuple[list[tuple[object, ...]], list[object]]:
    a, b = Document.from_text("A", text_a), Document.from_text("B", text_b)
    links = align_documents(a, b)
    rows = [(link.id, link.a, link.b, link.score, link.status, link.method) for link in links]
    return rows, [a.sentences, b.sentences]


@pytest.fixture
def forks(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[int]]:
    """Two cores for any pair size; the list collects the pids of the children forked."""
    monkeypatch.setenv(twocore.ENV, "2")  # also on a CI machine with one CPU
    monkeypatch.setattr(twocore, "MIN_CHARS", 0)
    pids: list[int] = []
    real_fork = os.fork

    def fork() -> int:
        pid = real_fork()
        if pid:
            pids.append(pid)
        return pid

    monkeypatch.setattr(os, "fork", fork)
    yield pids


def _reaped(pid: int) -> bool:
    try:
        os.waitpid(pid, os.WNOHANG)
    except ChildProcessError:
        return True
    return False


def test_two_cores_give_the_one_core_links_and_scores(forks: list[int],
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    text_a, text_b = long_pair()
    two = _links(text_a, text_b)
    assert len(forks) == 2  # segmentation, then A's stems and the copy stage
    assert all(_reaped(pid) for pid in forks)
    monkeypatch.setenv(twocore.ENV, "1")
    one = _links(text_a, text_b)
    assert len(forks) == 2  # no fork on one core
    assert two == one
    assert len(one[0]) > 50 and any(row[3] >= 0.9 for row in one[0])  # copies
    assert any(row[3] < 0.9 for row in one[0])  # and links of the pair model


def test_segment_pair_splits_both_documents_as_one_core_does(forks: list[int]) -> None:
    text_a, text_b = long_pair(seed=5, paragraphs=40)
    a, b = Document.from_text("A", text_a), Document.from_text("B", text_b)
    segment_pair(a, b)
    assert len(forks) == 1
    assert a.segmented and b.segmented
    fresh_a, fresh_b = Document.from_text("A", text_a), Document.from_text("B", text_b)
    assert (a.sentences, b.sentences) == (fresh_a.sentences, fresh_b.sentences)
    segment_pair(a, b)  # already split: nothing to do, no fork
    assert len(forks) == 1


def test_stems_merged_after_the_fact_equal_one_shared_numbering() -> None:
    rng = random.Random(8)
    for _ in range(60):
        texts, spans = cut_texts(rng, max_words=50, max_cuts=10)
        toks = [SpanTokens(t, s) for t, s in zip(texts, spans, strict=True)]
        shared = StemIds()
        want = [tok.stems(shared) for tok in toks]
        ids, got_a, got_b = merge_stems(doc_stems(toks[0]), doc_stems(toks[1]))
        assert list(ids.items()) == list(shared.items())
        for (o1, s1), (o2, s2) in zip(want, [got_a, got_b], strict=True):
            assert o1.tolist() == o2.tolist() and s1.tolist() == s2.tolist()
        for tok, text, sp in zip(toks, texts, spans, strict=True):
            assert list(TextTokens(text, sp)) == list(tok)


def _in_daemon(queue: multiprocessing.Queue, workers: str | None) -> None:  # type: ignore[type-arg]
    if workers is None:
        os.environ.pop(twocore.ENV, None)
    else:
        os.environ[twocore.ENV] = workers
    twocore.Child.pid = 0
    twocore.MIN_CHARS = 0
    text_a, text_b = long_pair(seed=4, paragraphs=15)
    rows, _ = _links(text_a, text_b)
    queue.put((twocore.cores(), twocore.Child.pid != 0, len(rows)))


@pytest.mark.parametrize(("workers", "cores"), [(None, 1), ("2", 2)])
def test_a_daemonic_worker_stays_on_one_core_unless_told(workers: str | None,
                                                         cores: int) -> None:
    """A pool's daemonic workers already share the cores out; the env var overrides that
    (the app's one alignment process is daemonic too)."""
    ctx = multiprocessing.get_context("fork")
    queue = ctx.Queue()
    process = ctx.Process(target=_in_daemon, args=(queue, workers), daemon=True)
    process.start()
    got = queue.get(timeout=60)
    process.join(10)
    assert got[:2] == (cores, cores == 2) and got[2] > 0


def test_the_env_var_and_short_pairs_keep_one_core(monkeypatch: pytest.MonkeyPatch) -> None:
    def no_fork() -> int:
        raise AssertionError("forked")

    monkeypatch.setattr(os, "fork", no_fork)
    monkeypatch.setenv(twocore.ENV, "1")
    assert twocore.cores() == 1 and not twocore.worth_forking(10**9)
    text_a, text_b = long_pair(seed=6, paragraphs=10)
    assert _links(text_a, text_b)[0]
    monkeypatch.setenv(twocore.ENV, "2")
    assert twocore.cores() == 2
    assert not twocore.worth_forking(twocore.MIN_CHARS - 1)
    assert len(text_a) + len(text_b) < twocore.MIN_CHARS
    assert _links(text_a, text_b)[0]  # a news-sized pair: no fork
    monkeypatch.delenv(twocore.ENV)
    monkeypatch.setattr(os, "sched_getaffinity", lambda pid: {0})
    assert twocore.cores() == 1  # pinned to one CPU


def test_an_exception_in_the_child_surfaces_as_on_one_core(
        forks: list[int], monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(*_args: object) -> list[object]:
        raise ValueError("copy stage broke")

    monkeypatch.setattr(pipeline, "copied_passages", broken)
    text_a, text_b = long_pair(seed=7, paragraphs=20)
    with pytest.raises(ValueError, match="copy stage broke"):
        _links(text_a, text_b)
    assert len(forks) == 2 and all(_reaped(pid) for pid in forks)
    monkeypatch.setenv(twocore.ENV, "1")
    with pytest.raises(ValueError, match="copy stage broke"):
        _links(text_a, text_b)


def test_a_failing_segmentation_of_a_surfaces_as_on_one_core(
        forks: list[int], monkeypatch: pytest.MonkeyPatch) -> None:
    import annotator.core.pair as document

    text_a, text_b = long_pair(seed=9, paragraphs=20)
    real = document.sentences

    def sentences(text: str) -> list[object]:
        if text.startswith(text_a[:50]):
            raise RuntimeError("cannot split A")
        return real(text)  # type: ignore[return-value]

    monkeypatch.setattr(document, "sentences", sentences)
    monkeypatch.setattr(Document, "sentences", property(lambda d: sentences(d.text)))
    a, b = Document.from_text("A", text_a), Document.from_text("B", text_b)
    with pytest.raises(RuntimeError, match="cannot split A"):
        segment_pair(a, b)
    assert len(forks) == 1 and _reaped(forks[0])


def test_a_child_that_dies_is_replaced_by_the_parent(forks: list[int],
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    text_a, text_b = long_pair(seed=10, paragraphs=30)
    want = _links(text_a, text_b)
    parent, real = os.getpid(), pipeline.copied_passages

    def dies_in_child(*args: object) -> object:
        if os.getpid() != parent:
            os._exit(3)
        return real(*args)  # type: ignore[arg-type]

    monkeypatch.setattr(pipeline, "copied_passages", dies_in_child)
    assert _links(text_a, text_b) == want
    assert all(_reaped(pid) for pid in forks)


def test_cancelling_kills_and_reaps_the_child(forks: list[int]) -> None:
    text_a, text_b = long_pair(seed=11, paragraphs=40)
    a, b = Document.from_text("A", text_a), Document.from_text("B", text_b)
    with pytest.raises(Cancelled):
        align_documents(a, b, progress=lambda fraction: fraction < 0.3)
    assert len(forks) == 2 and all(_reaped(pid) for pid in forks)


def test_batch_pool_workers_stay_on_one_core(tmp_path: object,
                                             monkeypatch: pytest.MonkeyPatch) -> None:
    """`annotator batch` already runs a pair per core: its workers must not fork (and they
    are not daemonic, so the env var has to say it), unless the pool has one worker."""
    from concurrent.futures import Future
    from pathlib import Path

    import annotator.cli.batch as batch

    initializers: list[object] = []

    class Pool:  # runs jobs here, and keeps what the real pool would have been given
        def __init__(self, max_workers: int, initializer: object = None) -> None:
            initializers.append(initializer)

        def __enter__(self) -> Pool:
            return self

        def __exit__(self, *exc: object) -> None:
            return None

        def submit(self, fn: object, job: object) -> Future[object]:
            future: Future[object] = Future()
            future.set_result(fn(job))  # type: ignore[operator]
            return future

    monkeypatch.setattr(batch, "ProcessPoolExecutor", Pool)
    root = Path(str(tmp_path))
    text_a, text_b = long_pair(seed=12, paragraphs=4)
    (root / "a.txt").write_text(text_a, encoding="utf-8")
    (root / "b.txt").write_text(text_b, encoding="utf-8")
    (root / "pairs.tsv").write_text("p1\ta.txt\tb.txt\np2\ta.txt\tb.txt\n", encoding="utf-8")
    assert batch.run_batch(root / "pairs.tsv", root / "out", jobs=2) == 0
    assert batch.run_batch(root / "pairs.tsv", root / "out1", jobs=1) == 0
    assert initializers[1] is None and callable(initializers[0])
    monkeypatch.setenv(twocore.ENV, "2")  # restored after the test
    initializers[0]()  # type: ignore[operator]
    assert os.environ[twocore.ENV] == "1" and twocore.cores() == 1


def test_a_failed_fork_means_one_core(forks: list[int], monkeypatch: pytest.MonkeyPatch) -> None:
    text_a, text_b = long_pair(seed=13, paragraphs=20)
    monkeypatch.setenv(twocore.ENV, "1")
    want = _links(text_a, text_b)
    monkeypatch.setenv(twocore.ENV, "2")

    def no_memory() -> int:
        raise OSError(12, "Cannot allocate memory")

    monkeypatch.setattr(os, "fork", no_memory)
    assert _links(text_a, text_b) == want


def test_child_hands_back_items_in_order_and_the_parent_fills_in_the_rest() -> None:
    import numpy as np

    def work() -> Iterator[object]:
        yield np.arange(200_000)  # larger than a pipe's buffer: the store takes it
        yield {"stems": ["a", "b"]}
        raise KeyError("third item")

    with twocore.Child(work) as child:
        assert child.get(0, lambda: None).tolist() == list(range(200_000))  # type: ignore[union-attr]
        assert child.get(1, dict) == {"stems": ["a", "b"]}
        assert child.get(2, lambda: "made here") == "made here"
        with pytest.raises(RuntimeError):
            child.get(0, lambda: None)
    assert _reaped(child.pid)


def test_forking_beside_other_threads_warns_nothing() -> None:
    """Python 3.12+ warns on every fork of a multi-threaded process (numpy's BLAS pool, the app
    worker's reader thread); the child only computes and leaves by os._exit, so the warning
    would be noise in the app's terminal. (On 3.11 there is no such warning to catch.)"""
    stop = threading.Event()
    beside = threading.Thread(target=stop.wait)
    beside.start()
    try:
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            with twocore.Child(lambda: [6 * 7]) as child:
                assert child.get(0, lambda: 0) == 42
    finally:
        stop.set()
        beside.join()
    assert not [w for w in caught if issubclass(w.category, DeprecationWarning)]
