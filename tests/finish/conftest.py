"""A demo database with a pinned clock, and the app built on it as the CLI builds it."""

from __future__ import annotations

import pytest

from warmintro.demo import demo_records
from warmintro.store import Store
from warmintro.tui.app import make_app


@pytest.fixture
def demo_store(db_path, now):
    with Store.open(db_path, clock=lambda: now) as store:
        contacts, invites, settings = demo_records(now)
        store.set_settings(settings)
        store.import_batch(contacts, invites, "demo data")
        yield store


@pytest.fixture
def app(demo_store):
    return make_app(demo_store)


@pytest.fixture(autouse=True)
def _no_cursor_blink(monkeypatch):
    from textual.widgets import Input, TextArea

    monkeypatch.setattr(Input, "cursor_blink", False, raising=False)
    monkeypatch.setattr(TextArea, "cursor_blink", False, raising=False)
