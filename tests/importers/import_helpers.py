"""Paths and small helpers shared by the importer tests (a plain module: conftest is not importable by name)."""

from __future__ import annotations

from datetime import datetime, timezone
from pathlib import Path

from warmintro.importers import read_file

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "imports"
NOW = datetime(2026, 11, 22, 12, 0, tzinfo=timezone.utc)


def fixture(name: str) -> Path:
    return FIXTURES / name


def parse(name: str, fmt: str | None = None):
    return read_file(fixture(name), fmt)


def by_name(parsed) -> dict:
    return {c.display_name: c for c in parsed.contacts}
