from __future__ import annotations

import pytest


@pytest.fixture
def write(tmp_path):
    """Write text or bytes to a file in tmp_path and return its path."""

    def _write(name: str, data: str | bytes, encoding: str = "utf-8") -> Path:
        path = tmp_path / name
        path.write_bytes(data if isinstance(data, bytes) else data.encode(encoding))
        return path

    return _write


@pytest.fixture
def local_zone(monkeypatch):
    """Run with a named local zone, so 'interpreted in the local zone' is observable."""
    import time

    def _set(zone: str) -> None:
        monkeypatch.setenv("TZ", zone)
        time.tzset()

    yield _set
    monkeypatch.undo()
    time.tzset()
