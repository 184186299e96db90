"""Two cores for one long pair: a forked child works on document A while this process works
on document B, and hands its results back in order.

Much of aligning one pair is per-document work (sentences, tokens, stems, word ids), and a
pair has two documents. A fork costs milliseconds and shares everything loaded so far, so for
a long pair the child needs nothing sent to it; it sends back compact products (numpy arrays,
a few strings), pickled into an in-memory file and announced by a short frame on a pipe, so
the child never blocks on a parent that is busy with B.

Nothing here changes a result. Whatever the child fails to deliver (an exception, a crash, a
kill) the parent computes itself with the same function, so errors surface exactly as on one
core. One core is used when fork is missing, when ANNOTATOR_WORKERS=1, for short pairs (where
forking costs more than it saves), and, unless ANNOTATOR_WORKERS asks for two, in a daemonic
multiprocessing worker (a pool already spreads pairs over the cores), off Linux, or on one
usable CPU.

The second core must be free for this to pay: on a machine whose cores are all busy the two
processes share what one would get (Linux's autogroup scheduling gives a terminal session
one share however many processes it runs), and the extra work (a second cold word memo, no
segmentation cache shared between A and B) is then paid for nothing. benchmarks/RESULTS.md
has the measurements behind keeping it.
"""

from __future__ import annotations

import contextlib
import multiprocessing
import os
import pickle
import signal
import struct
import sys
import tempfile
import time
import warnings
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import TypeVar

T = TypeVar("T")
U = TypeVar("U")

ENV = "ANNOTATOR_WORKERS"
MIN_CHARS = 150_000  # both texts together (~25k words): below this one core is as fast
# kind (b"R" result, b"E" error), offset and length in the store, the child's CPU s since the
# fork, its private MB
_FRAME = struct.Struct("<cqqdd")

MEASURE = False
"""When True every child's CPU time and memory are kept in `measured` (for the benchmarks)."""


@dataclass
class Timing:
    """One child, measured: its CPU seconds since the fork and its private memory (MB) at each
    result, and this process's CPU seconds since the fork at each `get`."""

    child_cpu: list[float] = field(default_factory=list)
    private_mb: list[float] = field(default_factory=list)
    asked_cpu: list[float] = field(default_factory=list)

    def wait(self) -> float:
        """Seconds this process would have waited for the child on two idle cores: CPU times
        do not depend on what else the shared machine runs, wall times do."""
        mine = waited = 0.0
        for k, asked in enumerate(self.asked_cpu):
            mine = max(mine, asked + waited)
            if k < len(self.child_cpu) and self.child_cpu[k] > mine:
                waited += self.child_cpu[k] - mine
                mine = self.child_cpu[k]
        return waited


measured: list[Timing] = []


def cores() -> int:
    """How many cores one pair may use here: 1 or 2. ANNOTATOR_WORKERS decides when set;
    else 1 in a daemonic worker (a pool's: the pool spreads pairs over the cores), off Linux,
    or where this process may run on one CPU only (taskset, a container's cpuset)."""
    if not hasattr(os, "fork"):
        return 1
    value = os.environ.get(ENV, "").strip()
    if value:
        try:
            return 1 if int(value) <= 1 else 2
        except ValueError:
            return 1
    if multiprocessing.current_process().daemon or not sys.platform.startswith("linux"):
        return 1  # macOS: system libraries are not fork-safe (Python spawns there too)
    usable = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    return 2 if (usable or 1) >= 2 else 1


def worth_forking(chars: int) -> bool:
    """Whether a pair of `chars` code points together should use a child process."""
    return chars >= MIN_CHARS and cores() >= 2


class Child:
    """`work()`'s items computed in a forked child. `get(k, fallback)` is item k, or
    `fallback()` computed here when the child could not deliver it. Use as a context manager:
    leaving it (results taken or not, exception or not) kills and reaps the child."""

    pid: int = 0  # the last child forked (tests check it is reaped)

    def __init__(self, work: Callable[[], Iterable[object]]) -> None:
        """Fork; OSError (no memory or processes to spare) when the child cannot start."""
        self._store = _store()
        try:
            read_end, write_end = os.pipe()
        except OSError:
            os.close(self._store)
            raise
        self._timing = Timing()
        self._cpu_at_fork = time.process_time()
        try:
            pid = _fork()
        except OSError:
            for fd in (read_end, write_end, self._store):
                os.close(fd)
            raise
        if pid == 0:  # the child: never returns
            os.close(read_end)
            _child_main(work, write_end, self._store)
        if MEASURE:
            measured.append(self._timing)
        os.close(write_end)
        Child.pid = self.pid = pid
        self._pipe = read_end
        self._results: list[bytes | None] = []
        self._done = False  # the child sent everything it will send
        self._reaped = False

    def get(self, k: int, fallback: Callable[[], T]) -> T:
        """Item k from the child (waiting for it), else fallback() computed here. Each item
        is handed out once: the parent keeps the object, not its bytes too."""
        self._timing.asked_cpu.append(time.process_time() - self._cpu_at_fork)
        while len(self._results) <= k and not self._done:
            self._receive()
        if k < len(self._results):
            data, self._results[k] = self._results[k], None
            if data is None:
                raise RuntimeError(f"item {k} was taken already")
            value: T = pickle.loads(data)
            return value
        return fallback()

    def _receive(self) -> None:
        frame = _read_exactly(self._pipe, _FRAME.size)
        if len(frame) < _FRAME.size:  # the child died or finished
            self._done = True
            return
        kind, offset, length, cpu, private = _FRAME.unpack(frame)
        if kind != b"R":  # the child failed: the parent computes the rest itself
            self._done = True
            return
        self._timing.child_cpu.append(cpu)
        self._timing.private_mb.append(private)
        self._results.append(os.pread(self._store, length, offset))

    def close(self) -> None:
        """Kill the child if it still runs, reap it and free the pipe and store."""
        if not self._reaped:
            self._reaped = True
            with contextlib.suppress(ProcessLookupError):
                os.kill(self.pid, signal.SIGKILL)
            with contextlib.suppress(ChildProcessError):
                os.waitpid(self.pid, 0)
            os.close(self._pipe)
            os.close(self._store)

    def __enter__(self) -> Child:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def start(work: Callable[[], Iterable[object]], chars: int) -> Child | None:
    """A child computing `work()` for a pair of `chars` code points, or None where one core
    is the better choice or the system cannot fork now (the caller then does it all)."""
    if not worth_forking(chars):
        return None
    try:
        return Child(work)
    except OSError:
        return None


def pair(first: Callable[[], T], second: Callable[[], U], chars: int) -> tuple[T, U]:
    """(first(), second()), first in a child when the pair is long enough. As on one core,
    when both fail the exception is first()'s."""
    child = start(lambda: [first()], chars)
    if child is None:
        return first(), second()
    with child:
        try:
            b = second()
        except BaseException:
            child.get(0, first)  # raises first()'s exception where one core would have
            raise
        return child.get(0, first), b


def _fork() -> int:
    """os.fork() without Python 3.12's warning about forking a multi-threaded process (numpy's
    BLAS pool, the app worker's reader thread): the child only computes, writes its results and
    leaves by os._exit, so it never waits on a lock another thread held at the fork."""
    with warnings.catch_warnings():
        warnings.filterwarnings("ignore", "This process .* is multi-threaded", DeprecationWarning)
        return os.fork()


def _store() -> int:
    """A file descriptor for the child's results: in memory where the system allows."""
    if hasattr(os, "memfd_create"):
        with contextlib.suppress(OSError):
            return os.memfd_create("annotator-twocore", os.MFD_CLOEXEC)
    with tempfile.TemporaryFile() as handle:
        return os.dup(handle.fileno())


def _read_exactly(fd: int, size: int) -> bytes:
    chunks, got = [], 0
    while got < size:
        chunk = os.read(fd, size - got)
        if not chunk:
            break
        chunks.append(chunk)
        got += len(chunk)
    return b"".join(chunks)


def _write_all(fd: int, data: bytes) -> None:
    view = memoryview(data)
    while view:
        view = view[os.write(fd, view) :]


def _private_mb() -> float:
    """This process's private (unshared) memory, MB: what forking it really cost."""
    try:
        with open("/proc/self/smaps_rollup", encoding="ascii") as f:
            fields = dict(line.split(":", 1) for line in f if ":" in line)
    except OSError:
        return float("nan")
    kb = sum(int(fields.get(k, "0 kB").split()[0]) for k in ("Private_Clean", "Private_Dirty"))
    return kb / 1024


def _child_main(work: Callable[[], Iterable[object]], pipe: int, store: int) -> None:
    """Run in the forked child: compute, store, announce; exit without any cleanup of the
    parent's (no atexit handlers, no flushing of inherited buffers, no Qt)."""
    code = 1
    try:
        offset = 0
        items: Iterator[object] = iter(work())
        for item in items:
            data = pickle.dumps(item, protocol=pickle.HIGHEST_PROTOCOL)
            _pwrite_all(store, data, offset)
            private = _private_mb() if MEASURE else 0.0
            frame = _FRAME.pack(b"R", offset, len(data), time.process_time(), private)
            _write_all(pipe, frame)
            offset += len(data)
        code = 0
    except BaseException:  # whatever is missing, the parent computes itself
        with contextlib.suppress(BaseException):
            _write_all(pipe, _FRAME.pack(b"E", 0, 0, 0.0, 0.0))
    finally:
        os._exit(code)


def _pwrite_all(fd: int, data: bytes, offset: int) -> None:
    view = memoryview(data)
    while view:
        written = os.pwrite(fd, view, offset)
        view, offset = view[written:], offset + written
