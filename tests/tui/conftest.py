"""A review app over a temporary demo database with a pinned clock; the browser is never opened."""

from __future__ import annotations

import pytest

from warmintro.demo import create_demo_db
from warmintro.store import Store
from warmintro.tui.app import make_app
from datetime import datetime, timezone

FIXED_NOW = datetime(2026, 11, 18, 9, 30, tzinfo=timezone.utc)  # same Wednesday as tests/conftest.py


@pytest.fixture
def demo_store(tmp_path):
    path = create_demo_db(FIXED_NOW, tmp_path)
    with Store.open(path, clock=lambda: FIXED_NOW) as store:
        yield store


@pytest.fixture
def opened_urls(monkeypatch):
    from warmintro.tui.app import WarmintroApp

    urls: list[str] = []
    monkeypatch.setattr(WarmintroApp, "open_url", lambda self, url, new_tab=True: urls.append(url))
    return urls


@pytest.fixture
def review_app(demo_store, opened_urls):
    return make_app(demo_store, start="review")


@pytest.fixture
def store(db_path):
    """A fresh database whose user has already told the app their name (the first-run question is tested apart)."""
    from warmintro.model.settings import Settings

    with Store.open(db_path, clock=lambda: FIXED_NOW) as opened:
        opened.set_settings(Settings(my_name="Alex"))
        yield opened
