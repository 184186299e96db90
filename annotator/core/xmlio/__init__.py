"""The project XML: write, read, validate. See annotator/resources/annotator.rng.

Reading is defensive (parse: hardened parser and schema; checks: what a grammar cannot say;
read: building the model). Writing (write) validates what it produced before it touches the
disk.
"""

from __future__ import annotations

from .checks import semantic_problems
from .parse import (
    FORMAT_VERSION,
    MAX_FILE_BYTES,
    NS,
    ProjectFileError,
    parse_bytes,
    schema,
    schema_problems,
)
from .read import default_taxonomy, read_project, read_taxonomy, validate_file
from .write import project_to_bytes, save_project

__all__ = [
    "FORMAT_VERSION",
    "MAX_FILE_BYTES",
    "NS",
    "ProjectFileError",
    "default_taxonomy",
    "parse_bytes",
    "project_to_bytes",
    "read_project",
    "read_taxonomy",
    "save_project",
    "schema",
    "schema_problems",
    "semantic_problems",
    "validate_file",
]
