"""Issue 16 (file permissions): written files get the usual mode, keep theirs, follow symlinks."""

from __future__ import annotations

import os
import stat
from collections.abc import Iterator
from pathlib import Path

import pytest

from annotator.core import read_project, save_project
from annotator.core.export import EXPORTERS

from .helpers import small_project


@pytest.fixture
def umask_022() -> Iterator[None]:
    old = os.umask(0o022)
    yield
    os.umask(old)


def _mode(path: Path) -> int:
    return stat.S_IMODE(os.stat(path).st_mode)


def test_a_new_file_follows_the_umask(tmp_path: Path, umask_022: None) -> None:
    save_project(small_project(), tmp_path / "pair.xml")
    assert _mode(tmp_path / "pair.xml") == 0o644
    os.umask(0o002)
    EXPORTERS["html"].write(small_project(), tmp_path / "pair.html")
    assert _mode(tmp_path / "pair.html") == 0o664


def test_overwriting_keeps_the_files_mode(tmp_path: Path, umask_022: None) -> None:
    path = tmp_path / "pair.xml"
    path.write_text("old")
    os.chmod(path, 0o664)
    save_project(small_project(), path)
    assert _mode(path) == 0o664
    os.chmod(path, 0o600)
    save_project(small_project(), path)
    assert _mode(path) == 0o600


def test_a_symlinked_path_is_written_through(tmp_path: Path, umask_022: None) -> None:
    real = tmp_path / "store" / "pair.xml"
    real.parent.mkdir()
    real.write_text("old")
    os.chmod(real, 0o640)
    link = tmp_path / "pair.xml"
    link.symlink_to(real)
    save_project(small_project(), link)
    assert link.is_symlink() and os.readlink(link) == str(real)
    assert read_project(real) == small_project() and _mode(real) == 0o640
    assert sorted(p.name for p in real.parent.iterdir()) == ["pair.xml"]
