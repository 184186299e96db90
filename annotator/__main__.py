"""`annotator`: the command-line subcommands, or the desktop app when none is named."""

from __future__ import annotations

import sys

SUBCOMMANDS = {"align", "batch", "validate", "bench", "export"}


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if args and (args[0] in SUBCOMMANDS or args[0] in {"-h", "--help", "--version"}):
        from annotator.cli import main as cli_main

        return cli_main(args)
    from annotator.app import main as app_main

    return app_main(args)


if __name__ == "__main__":
    sys.exit(main())
