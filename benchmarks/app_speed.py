"""How the desktop app feels on a long pair, measured offscreen.

    QT_QPA_PLATFORM=offscreen .venv/bin/python benchmarks/app_speed.py [--size 100k]

Opens the make_pairs.py pair of the given size in the real main window and measures:
- time from open_pair() to the first painted window with the alignment shown;
- the longest stall of the UI thread meanwhile (a 5 ms timer records gaps between its ticks),
  and the most CPU time the UI thread used between two ticks (what the stall would be on an
  idle machine: on shared cores the wall-clock gap also counts time the thread waited);
- the time to repaint the comparison view per scroll step through pane A, against the same
  scroll steps in two bare QPlainTextEdits holding the same texts (Qt's own cost, same run),
  with synchronized scrolling off (the bare panes do not move B; ours do), and against bare
  panes that move B to the same share of its text each step (Qt's cost of moving both);
- wheel scrolling: 3 lines a step from a third of the way down, against bare panes that
  both move;
- saving the pair as a project, then opening it: the times and the stalls;
- changing the threshold (as the spin box does, debounced): time until the new alignment is
  applied and painted, with the same two stall measures (the worker re-aligns from memoised
  scores; applying thousands of changed links must still come in short turns);
- for the first measure's floor: the core alone in this process (segment both texts, then
  align()), since the app's worker process does exactly that before anything can be shown.
Records the table in RESULTS.md (section "app").
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from PySide6.QtCore import QCoreApplication, QElapsedTimer, QTimer  # noqa: E402
from PySide6.QtWidgets import QApplication, QHBoxLayout, QPlainTextEdit, QWidget  # noqa: E402

from annotator.ui.links.threshold import DEBOUNCE_MS  # noqa: E402
from benchmarks.results_md import write_section  # noqa: E402
from benchmarks.speed import PAIRS, make_pairs  # noqa: E402


class StallMeter:
    """Longest gap between ticks of a fast timer: how long the UI thread was blocked."""

    def __init__(self) -> None:
        self.clock = QElapsedTimer()
        self.timer = QTimer()
        self.timer.setInterval(5)
        self.timer.timeout.connect(self._tick)
        self.last = 0
        self.worst = 0
        self.last_cpu = 0.0
        self.worst_cpu = 0.0

    def _tick(self) -> None:
        now, cpu = self.clock.elapsed(), time.thread_time()
        self.worst = max(self.worst, now - self.last)
        self.worst_cpu = max(self.worst_cpu, cpu - self.last_cpu)
        self.last, self.last_cpu = now, cpu

    def start(self) -> None:
        self.clock.start()
        self.last, self.worst = 0, 0
        self.last_cpu, self.worst_cpu = time.thread_time(), 0.0
        self.timer.start()

    def stop(self) -> tuple[int, int]:
        """The longest gap between ticks and the most UI-thread CPU time in one, in ms."""
        self.timer.stop()
        self._tick()
        return self.worst, round(self.worst_cpu * 1000)


WHEEL_LINES = 3  # lines one mouse-wheel notch scrolls (Qt's default)


def ensure_pair(size: str) -> Path:
    make_pairs([size])  # the speed benchmark's pairs: same seed, same files
    return PAIRS / size


def scroll_frames(
    app: QCoreApplication, widget: QWidget, bar_owner: QPlainTextEdit, steps: int,
    lines: int = 0, follower: QPlainTextEdit | None = None,
) -> list[float]:
    """Milliseconds to repaint `widget` after each scroll step of `bar_owner`'s scroll bar:
    page-sized jumps through the whole text, or, with `lines`, that many lines a step from a
    third of the way down (what a mouse-wheel notch does). A `follower` is moved to the same
    share of its own text each step, as a bare stand-in for synchronized scrolling."""
    bar = bar_owner.verticalScrollBar()
    stride = lines or max(1, (bar.maximum() - bar.minimum()) // steps)
    first = bar.minimum() + (bar.maximum() // 3 if lines else 0)
    times = []
    for k in range(steps):
        bar.setValue(first + k * stride)
        start = time.perf_counter()
        if follower is not None:
            other = follower.verticalScrollBar()
            share = (bar.value() - bar.minimum()) / max(1, bar.maximum() - bar.minimum())
            other.setValue(other.minimum() + round(share * (other.maximum() - other.minimum())))
        app.processEvents()
        widget.repaint()
        times.append((time.perf_counter() - start) * 1000)
    return times


def settle(app: QCoreApplication, window: QWidget, busy: Callable[[], bool]) -> None:
    """Run the event loop until `busy()` is false and the deferred redraws are done, then
    paint the window."""
    while busy():
        app.processEvents()
        time.sleep(0.002)
    app.processEvents()
    window.repaint()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--size", default="100k")
    parser.add_argument("--steps", type=int, default=60)
    parser.add_argument("--no-record", action="store_true")
    args = parser.parse_args(argv)
    pair = ensure_pair(args.size)
    app = QApplication.instance() or QApplication([sys.argv[0]])
    from annotator.app import configure_application
    from annotator.ui.main_window import MainWindow

    configure_application(app)  # type: ignore[arg-type]
    window = MainWindow()
    window.resize(1440, 900)
    window.show()
    app.processEvents()
    meter = StallMeter()
    meter.start()
    start = time.perf_counter()
    window.open_pair(pair / "A.txt", pair / "B.txt")
    session = window.session
    settle(app, window, lambda: session.aligning or session.turns.pending())
    first_paint = time.perf_counter() - start
    stall, stall_cpu = meter.stop()
    links = len(session.project.links) if session.project else 0

    threshold = round(min(0.95, session.settings.threshold + 0.1), 2)
    meter.start()
    start = time.perf_counter()
    window.threshold.spin.setValue(threshold)  # debounced, then re-aligned in the worker
    settle(app, window, lambda: session.settings.threshold != threshold or session.aligning
           or session.turns.pending())
    realign = time.perf_counter() - start - DEBOUNCE_MS / 1000
    realign_stall, realign_cpu = meter.stop()
    realigned = len(session.project.links) if session.project else 0

    with tempfile.TemporaryDirectory() as folder:  # the same pair saved, then opened again
        saved = Path(folder) / "pair.xml"
        meter.start()
        start = time.perf_counter()
        session.save(saved)
        saving = time.perf_counter() - start
        save_stall, save_cpu = meter.stop()
        meter.start()
        start = time.perf_counter()
        window.open_project(saved)
        settle(app, window, lambda: session.aligning or session.turns.pending())
        reopen = time.perf_counter() - start
        reopen_stall, reopen_cpu = meter.stop()
    ours = scroll_frames(app, window.view, window.view.pane_a, args.steps)
    wheel = scroll_frames(app, window.view, window.view.pane_a, args.steps, lines=WHEEL_LINES)
    window.view.sync.enabled = False
    unsynced = scroll_frames(app, window.view, window.view.pane_a, args.steps)
    window.view.sync.enabled = True

    bare = QWidget()
    row = QHBoxLayout(bare)
    edits = []
    for name in ("A.txt", "B.txt"):
        edit = QPlainTextEdit()
        edit.setReadOnly(True)
        edit.setPlainText((pair / name).read_text(encoding="utf-8"))
        row.addWidget(edit)
        edits.append(edit)
    bare.resize(1440, 900)
    bare.show()
    app.processEvents()
    baseline = scroll_frames(app, bare, edits[0], args.steps)
    both = scroll_frames(app, bare, edits[0], args.steps, follower=edits[1])
    bare_wheel = scroll_frames(app, bare, edits[0], args.steps, lines=WHEEL_LINES,
                               follower=edits[1])

    from annotator.core import Document, align

    doc_a, doc_b = Document.load(pair / "A.txt", "A"), Document.load(pair / "B.txt", "B")
    start = time.perf_counter()
    _ = doc_a.sentences, doc_b.sentences
    segmenting = time.perf_counter() - start
    start = time.perf_counter()
    align(doc_a, doc_b)
    aligning = time.perf_counter() - start

    def p95(values: list[float]) -> float:
        return sorted(values)[int(0.95 * (len(values) - 1))]

    med_ours, med_base = statistics.median(ours), statistics.median(baseline)
    med_both = statistics.median(both)
    lines = [
        "| measure | annotator | bare QPlainTextEdit x2 | ratio |",
        "|---|---|---|---|",
        f"| open pair to first painted window with {links} links | {first_paint:.2f} s | - | - |",
        f"| of which the core alone, in one process: segment + align() | {segmenting:.2f} s + "
        f"{aligning:.2f} s | - | - |",
        f"| longest UI-thread stall while opening and aligning (most CPU in one) | {stall} ms "
        f"({stall_cpu} ms) | - | - |",
        f"| threshold to {threshold:.2f}: request to repainted window with {realigned} links "
        f"(less the {DEBOUNCE_MS} ms debounce) | {realign:.2f} s | - | - |",
        f"| longest UI-thread stall while re-aligning (most CPU in one) | {realign_stall} ms "
        f"({realign_cpu} ms) | - | - |",
        f"| save the project (written and checked) | {saving:.2f} s | - | - |",
        f"| longest UI-thread stall while saving (most CPU in one) | {save_stall} ms "
        f"({save_cpu} ms) | - | - |",
        f"| open the saved project to painted window | {reopen:.2f} s | - | - |",
        f"| longest UI-thread stall while opening it (most CPU in one) | {reopen_stall} ms "
        f"({reopen_cpu} ms) | - | - |",
        f"| scroll repaint, median per frame | {med_ours:.1f} ms | {med_base:.1f} ms | "
        f"{med_ours / max(1e-6, med_base):.1f}x |",
        f"| scroll repaint, 95th percentile | {p95(ours):.1f} ms | {p95(baseline):.1f} ms | "
        f"{p95(ours) / max(1e-6, p95(baseline)):.1f}x |",
        f"| scroll repaint, median, synchronized scrolling off | "
        f"{statistics.median(unsynced):.1f} ms | {med_base:.1f} ms | "
        f"{statistics.median(unsynced) / max(1e-6, med_base):.1f}x |",
        f"| scroll repaint, median, bare panes both moved each step | {med_ours:.1f} ms | "
        f"{med_both:.1f} ms | {med_ours / max(1e-6, med_both):.1f}x |",
        f"| wheel scroll ({WHEEL_LINES} lines a step; bare: both moved), median per frame | "
        f"{statistics.median(wheel):.1f} ms | {statistics.median(bare_wheel):.1f} ms | "
        f"{statistics.median(wheel) / max(1e-6, statistics.median(bare_wheel)):.1f}x |",
        f"| wheel scroll, 95th percentile | {p95(wheel):.1f} ms | {p95(bare_wheel):.1f} ms | "
        f"{p95(wheel) / max(1e-6, p95(bare_wheel)):.1f}x |",
    ]
    table = "\n".join(lines)
    load = os.getloadavg()
    table += (f"\n\nLoad average at the end: {load[0]:.2f} (1 min), {load[1]:.2f} (5 min) on "
              f"{os.cpu_count()} cores.")
    print(table)
    if not args.no_record:
        write_section(
            "app",
            f"Desktop app on the {args.size}-word pair (offscreen)",
            table,
            "QT_QPA_PLATFORM=offscreen python benchmarks/app_speed.py"
            + ("" if argv is None else " " + " ".join(argv)),
        )
    window.session.undo_stack.setClean()
    window.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
