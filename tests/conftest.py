"""Fixtures shared by every test folder: a pinned clock and a temporary store."""

from __future__ import annotations

import os
from datetime import datetime, timezone

import pytest

from warmintro.store import Store

FIXED_NOW = datetime(2026, 11, 18, 9, 30, tzinfo=timezone.utc)  # a Wednesday


@pytest.fixture(autouse=True)
def _keep_user_data_out(tmp_path_factory, monkeypatch):
    """No test may read or write the developer's real database, config or themes."""
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("XDG_DATA_HOME", str(home / "data"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / "config"))
    monkeypatch.delenv("WARMINTRO_DB", raising=False)


@pytest.fixture
def now() -> datetime:
    return FIXED_NOW


@pytest.fixture
def db_path(tmp_path):
    return tmp_path / "warmintro.json"


@pytest.fixture
def store(db_path):
    with Store.open(db_path, clock=lambda: FIXED_NOW) as opened:
        yield opened


@pytest.fixture
def failing_journal(monkeypatch):
    """fail(store, errno): the store's next journal writes fail as a full, read-only or forbidden disk would.

    monkeypatch.undo() gives the space back.
    """
    import errno
    import os

    from warmintro.store import journal as journal_mod

    real = os.write

    def fail(store, code: int = errno.ENOSPC) -> None:
        def write(fd, data):
            if fd == store._journal._fd:
                raise OSError(code, os.strerror(code))
            return real(fd, data)

        monkeypatch.setattr(journal_mod.os, "write", write)

    return fail
