"""Theme files: good ones load, each kind of broken one gives one line naming file and field, the app starts."""

from __future__ import annotations

import pytest

from warmintro import config
from warmintro.store import Store
from warmintro.tui.app import make_app
from warmintro.tui.themes import DEFAULT_THEME, load_all_themes, load_themes

SHIPPED = ("warmintro-dark", "warmintro-light", "warmintro-high-contrast")

GOOD = """
name = "mine"
primary = "#336699"
foreground = "#eeeeee"
boost = "#ffffff10"
dark = true
[variables]
gauge-ok = "green"
"""


def write(folder, filename, text):
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / filename
    path.write_text(text, "utf-8")
    return path


def test_shipped_themes_load_without_failures():
    result = load_all_themes()
    assert result.failures == []
    assert {t.name for t in result.themes} >= set(SHIPPED)


def test_a_good_user_theme_keeps_foreground_boost_and_variables(tmp_path):
    result = load_themes([write(tmp_path, "mine.toml", GOOD)])
    (theme,) = result.themes
    assert theme.foreground == "#eeeeee" and theme.boost == "#ffffff10"
    assert theme.variables == {"gauge-ok": "green"}


@pytest.mark.parametrize("text, field", [
    ('name = "x"\nprimary = "#123456"\ncolour = "red"\n', "colour"),
    ('primary = "#123456"\n', "name"),
    ('name = "x"\n', "primary"),
    ('name = "Bad Name"\nprimary = "#123456"\n', "name"),
    ('name = "x"\nprimary = "not-a-colour"\n', "primary"),
    ('name = "x"\nprimary = 12\n', "primary"),
    ('name = "x"\nprimary = "#123456"\ndark = "yes"\n', "dark"),
    ('name = "x"\nprimary = "#123456"\ntext_alpha = 3\n', "text_alpha"),
    ('name = "x"\nprimary = "#123456"\nvariables = 5\n', "variables"),
    ('name = "x"\nprimary = "#123456"\n[variables]\ngauge-ok = 1\n', "variables.gauge-ok"),
    ('name = "x"\nprimary = "#123456\n', "syntax"),
])
def test_each_broken_file_gives_one_line_naming_file_and_field(tmp_path, text, field):
    result = load_themes([write(tmp_path, "broken.toml", text)])
    assert result.themes == []
    (message,) = result.failures
    assert "\n" not in message
    assert message.startswith(f"broken.toml: {field}: ")


async def test_app_starts_with_broken_user_theme_and_warns_once(demo_store):
    folder = config.user_themes_dir()
    write(folder, "a-broken.toml", 'name = "x"\nprimary = "nope"\n')
    write(folder, "b-broken.toml", 'name = "y"\n')
    write(folder, "mine.toml", GOOD)
    app = make_app(demo_store)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        assert app.theme == DEFAULT_THEME
        assert "mine" in app.available_themes
        skipped = [n for n in app._notifications if n.title == "Theme files skipped"]
        assert len(skipped) == 1
        assert "a-broken.toml: primary:" in skipped[0].message
        assert "b-broken.toml: primary: missing" in skipped[0].message


async def test_chosen_theme_persists_across_restarts(db_path, now):
    with Store.open(db_path, clock=lambda: now) as store:
        app = make_app(store)
        async with app.run_test(size=(120, 40)) as pilot:
            assert app.theme == DEFAULT_THEME
            app.theme = "warmintro-light"
            await pilot.pause()
    with Store.open(db_path, clock=lambda: now) as store:
        assert store.settings.theme == "warmintro-light"
        app = make_app(store)
        async with app.run_test(size=(120, 40)):
            assert app.theme == "warmintro-light"


async def test_unknown_saved_theme_falls_back_to_default(demo_store):
    demo_store.set_settings(demo_store.settings.__class__(theme="deleted-theme"))
    app = make_app(demo_store)
    async with app.run_test(size=(120, 40)):
        assert app.theme == DEFAULT_THEME


async def test_switching_theme_is_kept_but_not_undone_by_u(demo_store):
    demo_store.skip(next(iter(demo_store.contacts)))
    app = make_app(demo_store)
    async with app.run_test(size=(120, 40)) as pilot:
        app.theme = "warmintro-light"
        await pilot.pause()
        assert demo_store.settings.theme == "warmintro-light"
        assert demo_store.undo_label is not None and demo_store.undo_label.startswith("skip")
