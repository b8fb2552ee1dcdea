"""Theme files (TOML) turned into Textual themes: validate, convert, register, fall back.

A theme file is checked field by field before Textual sees it, so a typo in a user's
file becomes one line naming the file and the field instead of a traceback, and the
app starts with the other themes.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field
from importlib import resources
from importlib.resources.abc import Traversable
from pathlib import Path
from typing import Any, Iterable

from textual.color import Color, ColorParseError
from textual.theme import Theme

from warmintro import config

DEFAULT_THEME = "warmintro-dark"

# The app's own CSS variables; every theme may override them under [variables].
APP_VARIABLES = {
    "gauge-ok": "#4EBF71",
    "gauge-warning": "#ffa62b",
    "gauge-error": "#ba3c5b",
}

_COLOR_KEYS = ("primary", "secondary", "warning", "error", "success", "accent",
               "foreground", "background", "surface", "panel", "boost")
_ALLOWED_KEYS = {"name", "dark", "luminosity_spread", "text_alpha", "variables", *_COLOR_KEYS}
# The name becomes a CSS class (-theme-NAME), so it is kept to what a class allows.
_NAME_RE = re.compile(r"^[a-z0-9][a-z0-9-]*$")
_VARIABLE_RE = re.compile(r"^[a-z][a-z0-9-]*$")


class ThemeFileError(ValueError):
    """One problem in one file, already worded as "file: field: problem"."""


@dataclass
class ThemeLoadResult:
    themes: list[Theme] = field(default_factory=list)
    failures: list[str] = field(default_factory=list)


def theme_from_dict(raw: dict[str, Any], source: str) -> Theme:
    """A Textual Theme from parsed TOML; raises ThemeFileError naming *source* and the field."""

    def fail(name: str, problem: str) -> ThemeFileError:
        return ThemeFileError(f"{source}: {name}: {problem}")

    unknown = sorted(set(raw) - _ALLOWED_KEYS)
    if unknown:
        raise fail(unknown[0], "unknown key (allowed: " + ", ".join(sorted(_ALLOWED_KEYS)) + ")")
    for required in ("name", "primary"):
        if required not in raw:
            raise fail(required, "missing")
    name = raw["name"]
    if not isinstance(name, str) or not _NAME_RE.match(name):
        raise fail("name", f"{name!r} must be lower-case letters, digits and dashes")
    for key in _COLOR_KEYS:
        if key in raw:
            value = raw[key]
            if not isinstance(value, str):
                raise fail(key, f"{value!r} is not a colour string")
            try:
                Color.parse(value)
            except ColorParseError:
                raise fail(key, f"{value!r} is not a colour") from None
    if "dark" in raw and not isinstance(raw["dark"], bool):
        raise fail("dark", f"{raw['dark']!r} must be true or false")
    for key in ("luminosity_spread", "text_alpha"):
        if key in raw:
            value = raw[key]
            if isinstance(value, bool) or not isinstance(value, (int, float)) or not 0 <= value <= 1:
                raise fail(key, f"{value!r} must be a number from 0 to 1")
    variables = raw.get("variables", {})
    if not isinstance(variables, dict):
        raise fail("variables", "must be a table of name = \"value\"")
    for var_name, value in variables.items():
        if not _VARIABLE_RE.match(var_name):
            raise fail(f"variables.{var_name}", "name must be lower-case letters, digits and dashes")
        if not isinstance(value, str) or not value.strip():
            raise fail(f"variables.{var_name}", f"{value!r} must be a non-empty string")
    return Theme(**{key: value for key, value in raw.items() if key != "variables"}, variables=dict(variables))


def load_theme_file(path: Path | Traversable) -> Theme:
    source = path.name
    try:
        raw = tomllib.loads(path.read_text("utf-8"))
    except tomllib.TOMLDecodeError as exc:
        raise ThemeFileError(f"{source}: syntax: {exc}") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise ThemeFileError(f"{source}: file: cannot be read ({exc.__class__.__name__})") from None
    return theme_from_dict(raw, source)


def load_themes(files: Iterable[Path | Traversable]) -> ThemeLoadResult:
    result = ThemeLoadResult()
    for path in sorted(files, key=lambda p: p.name):
        try:
            result.themes.append(load_theme_file(path))
        except ThemeFileError as exc:
            result.failures.append(str(exc))
    return result


def shipped_theme_files() -> list[Traversable]:
    """The wheel carries them as warmintro/themes; a source checkout has them at the top level."""
    packaged = resources.files("warmintro").joinpath("themes")
    if packaged.is_dir():
        folder: Traversable = packaged
    else:
        folder = Path(__file__).resolve().parents[3] / "themes"
        if not folder.is_dir():
            return []
    return [entry for entry in folder.iterdir() if entry.name.endswith(".toml")]


def user_theme_files(folder: Path | None = None) -> list[Path]:
    folder = folder if folder is not None else config.user_themes_dir()
    if not folder.is_dir():
        return []
    return sorted(folder.glob("*.toml"))


def load_all_themes(user_folder: Path | None = None) -> ThemeLoadResult:
    """Shipped themes first, then the user's, so a user file may override a shipped theme by name."""
    shipped = load_themes(shipped_theme_files())
    user = load_themes(user_theme_files(user_folder))
    return ThemeLoadResult(shipped.themes + user.themes, shipped.failures + user.failures)


def register_themes(app, user_folder: Path | None = None) -> list[str]:
    """Register every theme that loads; return the one-line failures for the others."""
    result = load_all_themes(user_folder)
    for theme in result.themes:
        app.register_theme(theme)
    return result.failures


def choose_theme(app, wanted: str) -> str:
    """Switch to *wanted*, or to the default when it is no longer installed (a deleted user file)."""
    name = wanted if wanted in app.available_themes else DEFAULT_THEME
    if name not in app.available_themes:  # shipped files missing: a broken install, still start
        name = "textual-dark"
    app.theme = name
    return name
