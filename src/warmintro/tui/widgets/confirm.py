"""Small modals that return typed results: a yes/no confirmation and a one-line question."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Label


class Confirm(ModalScreen[bool]):
    """Ask once; y/Enter confirms, n/Escape declines."""

    DEFAULT_CSS = """
    Confirm { align: center middle; }
    Confirm > Vertical { width: 70; height: auto; border: thick $warning; background: $surface; padding: 1 2; }
    Confirm Label { width: 100%; }
    """
    BINDINGS = [
        Binding("y,enter", "answer(True)", "Yes", id="confirm-yes", tooltip="Go ahead"),
        Binding("n,escape", "answer(False)", "No", id="confirm-no", tooltip="Leave everything as it is"),
    ]

    def __init__(self, question: str):
        super().__init__()
        self.question = question

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Label(Text(self.question))
            yield Label(Text("y / Enter: yes     n / Esc: no", style="dim"))

    def action_answer(self, value: bool) -> None:
        self.dismiss(value)


class Ask(ModalScreen[str | None]):
    """One line of text, prefilled; Enter returns it, Escape returns None."""

    DEFAULT_CSS = """
    Ask { align: center middle; }
    Ask > Vertical { width: 80; height: auto; border: thick $primary; background: $surface; padding: 1 2; }
    Ask Label { width: 100%; }
    """
    BINDINGS = [Binding("escape", "cancel", "Cancel", id="ask-cancel", tooltip="Close without an answer")]

    def __init__(self, question: str, value: str = ""):
        super().__init__()
        self.question = question
        self.value = value

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Label(Text(self.question))
            yield Input(value=self.value, id="answer")

    def on_input_submitted(self, event: Input.Submitted) -> None:
        self.dismiss(event.value)

    def action_cancel(self) -> None:
        self.dismiss(None)
