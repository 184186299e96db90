"""What one claim edit costs the UI thread as claims accumulate, in the real main window.

    QT_QPA_PLATFORM=offscreen .venv/bin/python benchmarks/claim_edit_speed.py [--claims 2000]

Builds a project of the given number of claims (both articles, a claim link for every
2.4 claims, as in the issue's 1,067 claims and 450 links), opens it in the main window and
runs a cycle of user edits through the session, as the keys and menus do: tag a claim, write
a note, link it, retype it, undo, redo, delete. Each edit's cost is the UI thread's CPU time
(time.thread_time) from the edit until every resulting event and repaint has been processed:
the time the window is busy on an idle machine (wall time on this shared machine also counts
waiting for a core). The same cycle on a project of --baseline claims (default 20) in the same
run gives the ratio: edits should cost what they change, not what the project holds.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from PySide6.QtWidgets import QApplication  # noqa: E402

from annotator.core import ClaimLink, Document, Project, new_project  # noqa: E402
from annotator.core.edits import (  # noqa: E402
    add_claim,
    link_claims,
    remove_claim,
    set_claim_note,
    set_claim_type,
)

SAMPLES = sorted((ROOT / "samples").glob("*.txt"))
STEP = 120  # characters per claim slot


def build(claims: int) -> Project:
    """Two articles long enough for `claims` claims (every STEP characters), half on each."""
    texts = [p.read_text(encoding="utf-8") for p in SAMPLES]
    per_doc = claims // 2 + 20
    docs = []
    for doc_id, text in zip("AB", texts, strict=True):
        body = (text + "\n\n") * (per_doc * STEP // len(text) + 1)
        docs.append(Document.from_text(doc_id, body))
    project = new_project(docs[0], docs[1])
    for n in range(claims):
        doc = "A" if n % 2 == 0 else "B"
        start = (n // 2) * STEP
        text = project.document(doc).text
        while text[start].isspace():
            start += 1
        project.put_claim(project.make_claim(doc, start, start + 60, "quote", claim_id=f"c{n}"))
    for n in range(int(claims / 2.4)):
        a, b = f"c{2 * n}", f"c{2 * n + 1}"
        if a in project.claims and b in project.claims:
            project.put_claim_link(ClaimLink(f"k{n}", a, b, "same"))
    return project


def settle(app: QApplication) -> None:
    for _ in range(3):
        app.processEvents()


def measure(window: object, app: QApplication, claims: int, rounds: int) -> dict[str, list[float]]:
    from annotator.ui.main_window import MainWindow

    assert isinstance(window, MainWindow)
    session = window.session
    session.set_project(build(claims), None)
    settle(app)
    project = session.project
    assert project is not None
    times: dict[str, list[float]] = {}

    def timed(name: str, action: Callable[[], object]) -> object:
        t = time.thread_time()
        result = action()
        settle(app)
        times.setdefault(name, []).append((time.thread_time() - t) * 1000)
        return result

    text_a = project.doc_a.text
    for r in range(rounds):
        middle = ((claims // 4 + r * 7) % (claims // 2)) * STEP + 70  # between claims, mid-text
        while text_a[middle].isspace():
            middle += 1
        window.view.pane_a.center_on(middle, middle + 30)
        settle(app)
        cid = str(timed("tag", lambda m=middle: session.edit(add_claim, "A", m, m + 25,
                                                             "statistic")))
        timed("note", lambda c=cid, r=r: session.edit(set_claim_note, c, f"round {r}"))
        partner = f"c{((claims // 2 + r * 7) % claims) | 1}"
        timed("link", lambda c=cid, p=partner: session.edit(link_claims, c, p, "paraphrase"))
        timed("retype", lambda c=cid: session.edit(set_claim_type, c, "factual"))
        timed("undo", session.undo_stack.undo)
        timed("redo", session.undo_stack.redo)
        timed("delete", lambda c=cid: session.edit(remove_claim, c))
    return times


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--claims", type=int, default=2000)
    parser.add_argument("--baseline", type=int, default=20)
    parser.add_argument("--rounds", type=int, default=12)
    args = parser.parse_args()
    app = QApplication.instance() or QApplication(sys.argv)
    from annotator.ui.main_window import MainWindow

    window = MainWindow()
    window.resize(1360, 860)
    window.show()
    settle(app)
    results = {}
    for claims in (args.baseline, args.claims):
        measure(window, app, claims, 2)  # warm-up: imports, caches, first paint
        results[claims] = measure(window, app, claims, args.rounds)
    window.session.set_project(None, None)
    window.close()
    base, big = results[args.baseline], results[args.claims]
    print(f"UI-thread CPU ms per edit, median (max) over {args.rounds} rounds")
    print(f"| edit | {args.baseline} claims | {args.claims} claims | ratio |")
    print("|---|---|---|---|")
    for name in big:
        b, g = statistics.median(base[name]), statistics.median(big[name])
        print(f"| {name} | {b:.1f} ({max(base[name]):.1f}) | {g:.1f} ({max(big[name]):.1f}) | "
              f"{g / max(b, 0.01):.1f}x |")
    every = [t for ts in big.values() for t in ts]
    print(f"all edits at {args.claims} claims: median {statistics.median(every):.1f} ms, "
          f"max {max(every):.1f} ms (target < 50 ms)")


if __name__ == "__main__":
    main()
