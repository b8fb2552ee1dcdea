"""Textual's Footer, rebuilt only when the keys it shows change.

Textual's Footer recomposes on every "bindings changed" signal, and a single focus change sends
three; each recompose mounts every key anew and styles it twice. At startup that was a quarter
of a second of work right after the first frame, when the first key press waits behind it.
"""

from __future__ import annotations

from textual.screen import Screen
from textual.widgets import Footer as TextualFooter


class Footer(TextualFooter):
    _pending = False
    _shown: tuple | None = None

    def bindings_changed(self, screen: Screen) -> None:
        self._bindings_ready = True
        if not screen.app.app_focus or not self.is_attached or screen is not self.screen or self._pending:
            return
        self._pending = True
        self.call_after_refresh(self._recompose_if_changed)

    async def _recompose_if_changed(self) -> None:
        self._pending = False
        if not self.is_attached:
            return
        shown = self._keys_shown()
        if shown != self._shown:
            self._shown = shown
            await self.recompose()

    def _keys_shown(self) -> tuple:
        """Everything compose() reads: each shown key, its label, whether it is enabled, its tooltip."""
        keys = tuple((binding.key, binding.description, binding.action, binding.group, enabled, tooltip)
                     for _node, binding, enabled, tooltip in self.screen.active_bindings.values()
                     if binding.show or binding.key == self.app.COMMAND_PALETTE_BINDING)
        return keys, self.compact, self.show_command_palette, self.combine_groups
