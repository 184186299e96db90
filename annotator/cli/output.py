"""Writing the project a subcommand made: to a file, atomically (`save_project`), or with
"-" to standard output, where the subcommand's own report then goes to standard error."""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TextIO

from annotator.core import Project, ProjectFileError, project_to_bytes, save_project
from annotator.core.atomic import same_file


def write_project(project: Project, output: str, inputs: Sequence[str | Path] = ()) -> bool:
    """Write `project`; False after an error line on standard error. Never over one of
    `inputs`, the files the user gave to read (`-o b.txt` typed for `-o b.xml`)."""
    if output == "-":
        sys.stdout.buffer.write(project_to_bytes(project))
        sys.stdout.flush()
        return True
    if output.endswith(("/", os.sep)):  # Path() would drop the slash and write a file
        print(f"error: cannot write {output}: that names a folder; give the project "
              "file's name (e.g. pair.xml)", file=sys.stderr)
        return False
    if clash := next((str(p) for p in inputs if same_file(output, p)), None):
        print(f"error: {output} is the input {clash}; writing the project there would "
              "replace it: choose another -o", file=sys.stderr)
        return False
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
