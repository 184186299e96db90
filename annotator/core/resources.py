"""The shipped resources (schema, default taxonomy): package data inside `annotator/resources/`,
read through importlib.resources, so any install (wheel, `--user`, `--target`, zip, editable)
finds them wherever it put the package."""

from __future__ import annotations

from importlib.resources import files


def resource_bytes(relative: str) -> bytes:
    """The content of a shipped resource, e.g. "taxonomy/default.xml"."""
    resource = files("annotator").joinpath("resources", *relative.split("/"))
    if not resource.is_file():
        raise FileNotFoundError(f"annotator's resource {relative!r} is missing from the install")
    return resource.read_bytes()

