"""The command palette (Ctrl+P): every screen by name, and every theme.

Built from state each time it opens, so a theme file added since start, or a screen
another branch adds to screen_for, shows up without a second list to keep in step.
"""

from __future__ import annotations

from functools import partial
from typing import Callable, NamedTuple

from textual.command import DiscoveryHit, Hit, Hits, Provider


class PaletteCommand(NamedTuple):
    title: str
    help: str
    run: Callable[[], None]


# (palette name, screen_for name, what it is for)
SCREENS = (
    ("review", "review", "One person at a time, with the gauge in view"),
    ("quick-add", "add", "Capture people met tonight while memory is fresh"),
    ("withdraw", "withdraw", "Withdraw stale invitations in bulk"),
    ("outcomes", "outcomes", "Record who accepted, ignored or did not know you"),
    ("insight", "insight", "Charts: pace, acceptance, time to accept, strikes"),
    ("templates", "templates", "Per-segment note templates with a live preview"),
    ("policy", "policy", "Your friending policy: who you want in your network, and who it keeps out"),
    ("settings", "settings", "Limits: caps, batch, strikes, note limit, stale days"),
    ("follow-ups", "follow-ups", "Accepted people to thank or touch base with"),
    ("updates", "updates", "Connections due a networking update"),
)


class WarmintroCommands(Provider):
    def commands(self) -> list[PaletteCommand]:
        app = self.app
        found = [PaletteCommand(f"Open {title}", help, partial(app.action_open_screen, name))
                 for title, name, help in SCREENS]
        found.append(PaletteCommand("Help", "Every key of this screen, and what the gauge means", app.action_help))
        # Textual's own "Theme" command already opens the full list; this adds each theme by name.
        for theme_name in sorted(app.available_themes):
            found.append(PaletteCommand(f"Theme: {theme_name}", "Switch to this theme; it is kept for next time",
                                        partial(setattr, app, "theme", theme_name)))
        return found

    async def discover(self) -> Hits:
        for command in self.commands():
            if not command.title.startswith("Theme: "):  # the theme list is one entry away
                yield DiscoveryHit(command.title, command.run, help=command.help)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for command in self.commands():
            score = matcher.match(command.title)
            if score > 0:
                yield Hit(score, matcher.highlight(command.title), command.run, text=command.title, help=command.help)
