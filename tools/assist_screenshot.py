"""Render the README screenshots of claim assistance (issue 17) on the bundled sample pair.

    QT_QPA_PLATFORM=offscreen .venv/bin/python tools/assist_screenshot.py docs/screenshots

Writes the pictures named in OUTPUTS (`--help` lists them); settings, autosaves and the
model for "default" as in tools/screenshots.py (`private_settings`).
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from tools.screenshots import parse_args, private_settings, screenshot_of_sample


def _assist_demo(window: object) -> None:
    from annotator.core.assist.model import FlagState
    from annotator.ui.main_window import MainWindow

    assert isinstance(window, MainWindow)
    assist = window.assist
    assist.find_candidates()
    assist.check()
    project = window.session.project
    assert project is not None
    flags = [f for f in project.assist.flags_sorted() if f.state == FlagState.OPEN]
    quoted = next((f for f in flags if "quotation" in f.explanation), flags[0] if flags else None)
    if quoted is not None:
        assist.choose("flag", quoted.id)


DEMO = Path(__file__).resolve().parents[1] / "tests" / "data" / "assist"


def _number_flag_demo(window: object) -> None:
    """The demo pair checked, its number flag selected."""
    from annotator.ui.main_window import MainWindow

    assert isinstance(window, MainWindow)
    window.assist.check()
    project = window.session.project
    assert project is not None
    number = next(f for f in project.assist.flags_sorted() if f.kind == "number")
    window.assist.choose("flag", number.id)


def _candidates_demo(window: object) -> None:
    from annotator.ui.main_window import MainWindow

    assert isinstance(window, MainWindow)
    assist = window.assist
    assist.find_candidates()
    window.panel_dock.raise_()
    quote = next((c for c in assist.candidates if c.kind == "quote"), None)
    if quote is not None:
        assist.choose("candidate", quote.id)


OUTPUTS = {  # file name: what it shows (for --help)
    "assist.png": "the demo pair checked, one flag of each kind, the number flag selected",
    "assist-sample.png": "the sample pair checked",
    "assist-candidates.png": "claim candidates on the sample pair, one selected",
    "assist-dark-small.png": "the sample pair checked, dark, 1000 x 680",
}


def main(argv: list[str] | None = None) -> int:
    args = parse_args(sys.argv[1:] if argv is None else argv, "tools/assist_screenshot.py",
                      OUTPUTS, "claim assistance")
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    out_dir: Path = args.out_dir
    with private_settings():
        print(screenshot_of_sample(out_dir / "assist.png", "light", (1500, 920),
                                   _number_flag_demo, (DEMO / "orvik_a.txt", DEMO / "orvik_b.txt")))
        for name, scheme, size, demo in (
                ("assist-sample.png", "light", (1500, 920), _assist_demo),
                ("assist-candidates.png", "light", (1500, 920), _candidates_demo),
                ("assist-dark-small.png", "dark", (1000, 680), _assist_demo)):
            print(screenshot_of_sample(out_dir / name, scheme, size, demo))
    return 0


if __name__ == "__main__":
    sys.exit(main())
