"""Issue 14.6: leftovers of killed writes are cleaned (only ours, only unheld); none on failure."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from annotator.core import atomic, save_project

from .helpers import ROOT, small_project

_HOLDER = """
import sys, time
from pathlib import Path
from annotator.core.atomic import _open_temp
fd, temp = _open_temp(Path(sys.argv[1]))
import os; os.write(fd, b"half a project")
print(temp, flush=True)
time.sleep(120)
"""


def _age(path: Path, seconds: float = 3600) -> None:
    old = time.time() - seconds
    os.utime(path, (old, old))


def test_a_killed_writers_temp_file_is_removed_by_the_next_save(tmp_path: Path) -> None:
    target = tmp_path / "pair.xml"
    child = subprocess.Popen([sys.executable, "-c", _HOLDER, str(target)], cwd=ROOT,
                             stdout=subprocess.PIPE, text=True)
    try:
        temp = Path(child.stdout.readline().strip())  # type: ignore[union-attr]
        _age(temp)
        save_project(small_project(), target)
        assert temp.exists()  # its writer is alive and holds the lock: left alone
    finally:
        child.send_signal(signal.SIGKILL)
        child.wait()
        child.stdout.close()  # type: ignore[union-attr]
    _age(temp)
    save_project(small_project(), target)
    assert not temp.exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["pair.xml"]


def test_leftovers_of_the_older_writer_are_removed_too(tmp_path: Path) -> None:
    target = tmp_path / "pair.xml"
    old = tmp_path / ".pair.xml.k3j_x9a2.tmp"  # tempfile.mkstemp's naming
    old.write_bytes(b"<?xml")
    _age(old)
    save_project(small_project(), target)
    assert not old.exists()


def test_other_files_and_recent_temps_are_never_touched(tmp_path: Path) -> None:
    target = tmp_path / "pair.xml"
    keep = [tmp_path / ".pair.xml.notes.tmp", tmp_path / ".other.xml.k3j_x9a2.tmp",
            tmp_path / "pair.xml.bak", tmp_path / f".pair.xml.{'a' * 16}.annotator.tmp"]
    for path in keep[:3]:
        path.write_bytes(b"user data")
        _age(path)
    keep[3].write_bytes(b"being written right now")  # young: may belong to a live writer
    save_project(small_project(), target)
    assert all(path.exists() for path in keep)


def test_a_failed_write_leaves_no_temp_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "pair.xml"

    def full_disk(fd: int) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(atomic.os, "fsync", full_disk)
    with pytest.raises(OSError, match="No space"):
        save_project(small_project(), target)
    assert list(tmp_path.iterdir()) == []
