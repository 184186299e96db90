"""`annotator`: the command-line subcommands, or the desktop app when none is named."""

from __future__ import annotations

import difflib
import sys
from pathlib import Path

SUBCOMMANDS = {"align", "batch", "validate", "bench", "export", "import", "reanchor",
               "check", "suggest"}


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if args and (args[0] in SUBCOMMANDS or args[0] in {"-h", "--help", "--version"}):
        from annotator.cli import main as cli_main

        return cli_main(args)
    if args and _mistyped_subcommand(args[0]):
        return 2
    from annotator.app import main as app_main

    return app_main(args)


def _mistyped_subcommand(word: str) -> bool:
    """A bare word that is no file is a subcommand typed wrong: say so and list them."""
    if word.startswith("-") or any(c in word for c in "./\\") or Path(word).exists():
        return False
    close = difflib.get_close_matches(word, sorted(SUBCOMMANDS), n=1, cutoff=0.5)
    hint = f" Did you mean '{close[0]}'?" if close else ""
    print(f"annotator: '{word}' is neither a subcommand nor a file.{hint}\n"
          f"Subcommands: {', '.join(sorted(SUBCOMMANDS))} (annotator SUBCOMMAND --help); "
          "with no subcommand, `annotator [A B | project.xml]` opens the desktop app.",
          file=sys.stderr)
    return True


if __name__ == "__main__":
    sys.exit(main())
