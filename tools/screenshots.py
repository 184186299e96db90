"""Render the README screenshots of the window on the bundled sample pair.

    QT_QPA_PLATFORM=offscreen .venv/bin/python tools/screenshots.py docs/screenshots

Writes the pictures named in OUTPUTS (`--help` lists them). The window reads and writes
QSettings (theme, zoom, its geometry and dock layout on close) and autosaves, so a run does
all of that in a temporary folder (`private_settings`): the user's own configuration would
otherwise change the pictures, and the run would change it. Tooling, not the product: it
lives outside the package.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication

ROOT = Path(__file__).resolve().parents[1]
SAMPLE_A = ROOT / "samples" / "000_7ef15a09e7207d90.txt"
SAMPLE_B = ROOT / "samples" / "001_f395bdecfdbba89e.txt"
DEFAULT_OUT = ROOT / "docs" / "screenshots"
OUTPUTS = {  # file name: what it shows (for --help; a test checks a run writes exactly these)
    "comparison.png": "the comparison view, light: a link accepted, a passage marked reviewed",
    "comparison-dark.png": "the same, dark",
    "claims.png": "tagged, nested and linked claims",
    "suggestions.png": "an unmatched sentence with its suggested partners",
    "window-1024.png": "a small window, 1024 x 700 (docks folded into tabs), light",
    "window-1024-dark.png": "the same, dark",
    "window-1600.png": "a large window, 1600 x 1000, light",
    "window-1600-dark.png": "the same, dark",
}


def screenshot_of_sample(path: Path, scheme: str, size: tuple[int, int],
                         prepare: Callable[[object], object],
                         pair: tuple[Path, Path] = (SAMPLE_A, SAMPLE_B)) -> Path:
    """Open the sample pair (or `pair`) in a fresh window, let `prepare(window)` set it up,
    grab it."""
    from annotator.app import configure_application
    from annotator.ui.main_window import MainWindow
    from annotator.ui.theme import apply_theme

    app = QApplication.instance()
    if not isinstance(app, QApplication):
        app = QApplication([sys.argv[0]])
    configure_application(app)
    apply_theme(app, scheme)
    path.parent.mkdir(parents=True, exist_ok=True)
    window = MainWindow()
    window.resize(*size)
    window.show()
    window.open_pair(*pair)
    window.session.wait_for_alignment()
    for _ in range(5):
        app.processEvents()
    prepare(window)
    for _ in range(5):
        app.processEvents()
    window.grab().save(str(path))
    window.session.undo_stack.setClean()
    window.close()
    window.deleteLater()
    app.processEvents()
    return path


def _review_demo(window: object) -> None:
    """Accept the first link and select the second, as a reviewer would."""
    from annotator.core import LinkStatus, edits
    from annotator.ui.main_window import MainWindow

    assert isinstance(window, MainWindow)
    session = window.session
    links = session.links_in_order()
    if links:
        session.edit(edits.set_link_status, links[0].id, LinkStatus.ACCEPTED)
        session.edit(edits.set_link_note, links[0].id, "Headline reworded; same claim")
        session.select("link", links[min(1, len(links) - 1)].id)
    gaps = session.unmatched("A")
    if gaps:  # one passage without a partner checked: "no counterpart" (violet-grey shade)
        session.edit(edits.toggle_reviewed, "A", *gaps[0])


def take_screenshots(out_dir: Path, size: tuple[int, int] = (1440, 900),
                     stem: str = "comparison") -> list[Path]:
    """The comparison view in light and dark."""
    return [screenshot_of_sample(out_dir / f"{stem}{tail}.png", scheme, size, _review_demo)
            for scheme, tail in (("light", ""), ("dark", "-dark"))]


def take_size_screenshots(out_dir: Path) -> list[Path]:
    """A small (1024 x 700: docks folded into tabs) and a large window, light and dark."""
    return [*take_screenshots(out_dir, (1024, 700), "window-1024"),
            *take_screenshots(out_dir, (1600, 1000), "window-1600")]


# (document, quoted text, claim type); then links between claims by index, with a relation
DEMO_CLAIMS = (
    ("A", "its allies Russia and China show little signs of support", "opinion"),
    ("A", "Venezuelan President Nicolás Maduro faces escalating geopolitical isolation",
     "factual"),
    ("A", "Despite years of political, financial, and military backing from both China and "
          "Russia", "factual"),
    ("A", "significant US military deployment to the Caribbean region, including a "
          "nuclear-powered submarine, surveillance aircraft, and approximately 15,000 troops",
     "factual"),
    ("A", "approximately 15,000 troops", "statistic"),
    ("B", "Venezuela's allies Russia and China are slinking away", "opinion"),
    ("B", "Venezuelan President Nicolás Maduro is encountering dwindling support from his "
          "traditional allies, Russia and China", "factual"),
    ("B", "Russia and China have supported Maduro’s administration through military "
          "equipment, financial aid, and training", "factual"),
    ("B", "Vladimir Rouvinski, an international relations professor at Icesi University, noted",
     "attribution"),
    ("B", "two nuclear-capable bombers to Venezuela in 2018", "statistic"),
)
DEMO_LINKS = ((0, 5, "paraphrase"), (1, 6, "same"), (2, 7, "elaborates"))
CURRENT = 1


def annotate_demo(window: object) -> list[str]:
    """Tag and link the demo claims in a window showing the sample pair; returns claim ids."""
    from annotator.core import edits
    from annotator.ui.main_window import MainWindow

    assert isinstance(window, MainWindow)
    session = window.session
    project = session.project
    assert project is not None
    ids = []
    for doc, part, type_id in DEMO_CLAIMS:
        text = project.document(doc).text
        start = text.index(part)
        ids.append(session.edit(edits.add_claim, doc, start, start + len(part), type_id))
    session.edit(edits.set_claim_attribute, ids[8], "source", "Vladimir Rouvinski")
    for source, target, relation in DEMO_LINKS:
        session.edit(edits.link_claims, ids[source], ids[target], relation)
    session.select("claim", ids[CURRENT])
    return ids


def _claims_demo(window: object) -> None:
    annotate_demo(window)


def take_claims_screenshot(out_dir: Path, size: tuple[int, int] = (1500, 920)) -> Path:
    """The sample pair with the demo claims tagged and linked (light theme)."""
    return screenshot_of_sample(out_dir / "claims.png", "light", size, _claims_demo)


def _suggestions_demo(window: object) -> None:
    """The "October request" sentence, which the aligner leaves unlinked, stepped to as U
    would, with its suggested partners (scored in the worker: wait for them)."""
    import time

    from annotator.ui.main_window import MainWindow

    assert isinstance(window, MainWindow)
    app = QApplication.instance()
    deadline = time.monotonic() + 30
    while window.suggestions.table is None and time.monotonic() < deadline:
        if app is not None:
            app.processEvents()
        time.sleep(0.02)
    project = window.session.project
    assert project is not None
    at = project.doc_a.text.index("reported October request")
    sentence = next(s for s in project.doc_a.sentences if s.start <= at < s.end)
    window.view.pane_a.setFocus()
    window.view.reveal_passage("A", sentence.start, sentence.end)


def take_suggestions_screenshot(out_dir: Path, size: tuple[int, int] = (1440, 900)) -> Path:
    """An unmatched sentence with its suggested partners: list, ghost bands, underlines."""
    return screenshot_of_sample(out_dir / "suggestions.png", "light", size, _suggestions_demo)


@contextmanager
def private_settings() -> Iterator[Path]:
    """QSettings (both scopes, INI files) and autosaves (AUTOSAVE_ENV) in a fresh temporary
    folder, deleted on exit, and the default install's model for "default" (an installed
    extra would change the links shown); what was there before is restored (callers in
    tests)."""
    ini, scopes = QSettings.Format.IniFormat, (QSettings.Scope.UserScope,
                                               QSettings.Scope.SystemScope)
    format_before = QSettings.defaultFormat()
    # no getter for setPath's value: a settings file's location tells it (<path>/org/app.ini)
    paths_before = [str(Path(QSettings(ini, scope, "o", "a").fileName()).parent.parent)
                    for scope in scopes]
    from annotator.core.align.methods import DEFAULT_ENV, DEFAULT_INSTALL
    from annotator.core.recovery import AUTOSAVE_ENV

    env_before = {name: os.environ.get(name) for name in (AUTOSAVE_ENV, DEFAULT_ENV)}
    with tempfile.TemporaryDirectory(prefix="annotator-screenshots-") as scratch:
        folder = Path(scratch)
        try:
            QSettings.setDefaultFormat(ini)
            QSettings.setPath(ini, QSettings.Scope.UserScope, str(folder / "config"))
            # not /etc/xdg either: the pictures depend on nothing outside the repository
            QSettings.setPath(ini, QSettings.Scope.SystemScope, str(folder / "system"))
            os.environ[AUTOSAVE_ENV] = str(folder / "autosave")
            os.environ[DEFAULT_ENV] = DEFAULT_INSTALL  # reaches the spawned align worker
            yield folder
        finally:
            QSettings.setDefaultFormat(format_before)
            for scope, path in zip(scopes, paths_before, strict=True):
                QSettings.setPath(ini, scope, path)
            for name, value in env_before.items():
                if value is None:
                    os.environ.pop(name, None)
                else:
                    os.environ[name] = value


def parse_args(argv: list[str], prog: str = "tools/screenshots.py",
               outputs: dict[str, str] | None = None,
               subject: str = "the window on the bundled sample pair") -> argparse.Namespace:
    """The output folder; --help names the pictures, so a user knows what gets replaced."""
    outputs = OUTPUTS if outputs is None else outputs
    width = max(map(len, outputs))
    files = "\n".join(f"  {name:<{width}}  {what}" for name, what in outputs.items())
    parser = argparse.ArgumentParser(
        prog=prog,
        formatter_class=argparse.RawDescriptionHelpFormatter,
        description=f"Render the README screenshots of {subject},\nheadless unless "
                    "QT_QPA_PLATFORM says otherwise.",
        epilog=f"Writes into OUT_DIR:\n{files}\n\nSettings and autosaves of the run go to a "
               "temporary folder, deleted at the end:\nyour own configuration is never read "
               "or changed.")
    parser.add_argument("out_dir", metavar="OUT_DIR", nargs="?", type=Path,
                        default=DEFAULT_OUT,
                        help="folder for the pictures, created if missing "
                             "(default: docs/screenshots of this repository)")
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    args = parse_args(sys.argv[1:] if argv is None else argv)
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    out_dir: Path = args.out_dir
    with private_settings():
        for path in [*take_screenshots(out_dir), take_claims_screenshot(out_dir),
                     take_suggestions_screenshot(out_dir), *take_size_screenshots(out_dir)]:
            print(path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
