"""Writing the project a subcommand made: to a file, atomically (`save_project`), or with
"-" to standard output, where the subcommand's own report then goes to standard error."""

from __future__ import annotations

import sys
from typing import TextIO

from annotator.core import Project, ProjectFileError, project_to_bytes, save_project


def write_project(project: Project, output: str) -> bool:
    """Write `project`; False after an error line on standard error."""
    if output == "-":
        sys.stdout.buffer.write(project_to_bytes(project))
        sys.stdout.flush()
        return True
    try:
        save_project(project, output)
    except (OSError, ProjectFileError) as exc:
        print(f"error: cannot write {output}: {getattr(exc, 'strerror', None) or exc}",
              file=sys.stderr)
        return False
    return True


def report_stream(output: str | None) -> TextIO:
    """Where a subcommand's report goes: standard error when the project takes stdout."""
    return sys.stderr if output == "-" else sys.stdout
