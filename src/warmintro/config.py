"""Where warmintro keeps its files. Computed when asked, never at import time,
so tests and `--db` can point elsewhere without monkeypatching a module global."""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

APP_NAME = "warmintro"
DB_ENV = "WARMINTRO_DB"


def data_dir() -> Path:
    return platformdirs.user_data_path(APP_NAME, appauthor=False)


def config_dir() -> Path:
    return platformdirs.user_config_path(APP_NAME, appauthor=False)


def user_themes_dir() -> Path:
    return config_dir() / "themes"


def default_db_path() -> Path:
    return data_dir() / "warmintro.json"


def resolve_db_path(cli_value: str | None) -> Path:
    """--db wins, then $WARMINTRO_DB, then the platform's user data dir."""
    if cli_value:
        return Path(cli_value).expanduser()
    env = os.environ.get(DB_ENV)
    if env:
        return Path(env).expanduser()
    return default_db_path()
