"""Autosave and crash recovery: a real crashed process, dead and recycled pids, damage."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from annotator.core import ProjectFileError, project_to_bytes, save_project
from annotator.core.recovery import AUTOSAVE_ENV, Lock, RecoveryStore, default_recovery_dir

from .export_sample import sample_project

ROOT = Path(__file__).resolve().parents[2]


def _dead_pid() -> int:
    child = subprocess.Popen([sys.executable, "-c", "pass"])
    child.wait()
    return child.pid


def test_a_crashed_process_leaves_a_recoverable_exact_project(tmp_path: Path) -> None:
    project = sample_project()
    user_file = tmp_path / "pair.xml"
    save_project(project, user_file)
    before = user_file.read_bytes()
    project.remove_claim("c5")  # an unsaved edit that only the autosave knows
    edited = tmp_path / "edited.xml"
    edited.write_bytes(project_to_bytes(project))
    store_dir = tmp_path / "autosave"
    script = textwrap.dedent(f"""
        import os
        from annotator.core import read_project
        from annotator.core.recovery import RecoveryStore
        session = RecoveryStore({str(store_dir)!r}).start_session({str(user_file)!r})
        session.save(read_project({str(edited)!r}))
        os._exit(3)  # crash: no close(), the lock stays behind
    """)
    result = subprocess.run([sys.executable, "-c", script], cwd=ROOT, check=False)
    assert result.returncode == 3
    store = RecoveryStore(store_dir)
    (entry,) = store.recoverable()
    assert entry.original == str(user_file) and entry.saved_at
    assert entry.name == 'Pair "one" <test>'
    assert store.load(entry) == project
    assert user_file.read_bytes() == before  # autosave never touched the user's file
    recovered, session = store.adopt(entry)
    assert recovered == project
    assert store.recoverable() == []  # the new session is alive (ours), the old one is gone
    assert session.original == str(user_file)
    session.close()
    assert list(store_dir.iterdir()) == []


def test_live_sessions_are_not_offered_and_clean_exit_removes_everything(tmp_path: Path) -> None:
    store = RecoveryStore(tmp_path)
    session = store.start_session()
    assert session.lock_path.exists()
    session.save(sample_project())
    assert store.recoverable() == []  # our own process still runs
    session.clear()  # the user saved: nothing to recover, lock stays
    assert not session.project_path.exists() and session.lock_path.exists()
    session.close()
    assert list(tmp_path.iterdir()) == []


def _fake_session(store_dir: Path, name: str, lock: dict[str, object] | None) -> Path:
    store_dir.mkdir(parents=True, exist_ok=True)
    project_path = store_dir / f"{name}.annot.xml"
    project_path.write_bytes(project_to_bytes(sample_project()))
    if lock is not None:
        (store_dir / f"{name}.lock").write_text(json.dumps(lock))
    return project_path


def test_lock_states(tmp_path: Path) -> None:
    host = socket.gethostname()
    _fake_session(tmp_path, "dead", {"pid": _dead_pid(), "hostname": host})
    _fake_session(tmp_path, "foreign", {"pid": 1, "hostname": host + "-elsewhere"})
    _fake_session(tmp_path, "nolock", None)
    _fake_session(tmp_path, "garbled", None)
    (tmp_path / "garbled.lock").write_text("{not json")
    _fake_session(tmp_path, "alive", {"pid": os.getpid(), "hostname": host,
                                      "stamp": Lock.current().stamp})
    found = {e.session_id for e in RecoveryStore(tmp_path).recoverable()}
    assert found == {"dead", "nolock", "garbled"}


@pytest.mark.skipif(not Path(f"/proc/{os.getpid()}/stat").exists(), reason="needs /proc")
def test_a_recycled_pid_does_not_keep_a_dead_session_hidden(tmp_path: Path) -> None:
    lock = {"pid": os.getpid(), "hostname": socket.gethostname(), "stamp": "1"}
    _fake_session(tmp_path, "recycled", lock)
    assert [e.session_id for e in RecoveryStore(tmp_path).recoverable()] == ["recycled"]


def test_damaged_autosave_is_listed_and_fails_cleanly(tmp_path: Path) -> None:
    path = _fake_session(tmp_path, "broken", {"pid": _dead_pid(), "hostname": socket.gethostname()})
    path.write_bytes(b"<annotationSet>half a fi")
    (tmp_path / "broken.json").write_text("[]")
    store = RecoveryStore(tmp_path)
    (entry,) = store.recoverable()
    assert entry.original == "" and entry.saved_at  # falls back to the file time
    with pytest.raises(ProjectFileError):
        store.load(entry)
    store.discard(entry)
    assert list(tmp_path.iterdir()) == []


def test_stale_locks_without_autosave_are_pruned(tmp_path: Path) -> None:
    (tmp_path / "gone.lock").write_text(json.dumps(
        {"pid": _dead_pid(), "hostname": socket.gethostname()}))
    session = RecoveryStore(tmp_path).start_session()
    assert sorted(p.name for p in tmp_path.iterdir()) == [session.lock_path.name]
    session.close()


def test_never_autosaves_over_the_users_file(tmp_path: Path) -> None:
    session = RecoveryStore(tmp_path).start_session()
    user_file = session.project_path
    user_file.write_bytes(b"the user's own work")
    session.set_original(user_file)
    with pytest.raises(ProjectFileError):
        session.save(sample_project())
    assert user_file.read_bytes() == b"the user's own work"
    session.close()


def test_missing_store_dir_and_default_location(tmp_path: Path,
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    assert RecoveryStore(tmp_path / "not-yet").recoverable() == []
    monkeypatch.delenv(AUTOSAVE_ENV, raising=False)
    assert default_recovery_dir().parts[-2:] == ("annotator", "autosave")


def test_the_autosave_folder_can_be_named(tmp_path: Path,
                                          monkeypatch: pytest.MonkeyPatch) -> None:
    """On every platform (XDG_DATA_HOME moves platformdirs' folder on Linux only)."""
    monkeypatch.setenv(AUTOSAVE_ENV, str(tmp_path / "mine"))
    session = RecoveryStore().start_session()
    assert session.save(sample_project()).parent == tmp_path / "mine"
    assert session.lock_path.parent == tmp_path / "mine"
