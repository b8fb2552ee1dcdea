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
