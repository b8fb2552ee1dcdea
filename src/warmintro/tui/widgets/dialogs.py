"""Small modals that return typed results: a yes/no confirmation, a one-line answer, the contact edit form."""

from __future__ import annotations

from dataclasses import dataclass

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, Static

_DIALOG_CSS = """
{name} {{ align: center middle; }}
{name} > Vertical {{ width: 72; height: auto; border: thick $primary; padding: 1 2; background: $surface; }}
{name} Horizontal {{ height: auto; margin-top: 1; }}
{name} Button {{ margin-right: 2; }}
{name} Label {{ width: 100%; }}
"""


class Confirm(ModalScreen[bool]):
    """Yes or no; Escape means no, so nothing risky happens by accident."""
    DEFAULT_CSS = _DIALOG_CSS.format(name="Confirm")
    BINDINGS = [Binding("escape,n", "answer(False)", "No", id="cancel", tooltip="Do nothing"),
                Binding("y", "answer(True)", "Yes", id="yes", tooltip="Confirm")]

    def __init__(self, question: Text | str, yes: str = "Yes", no: str = "No"):
        super().__init__()
        self.question, self.yes, self.no = question, yes, no

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static(Text(self.question) if isinstance(self.question, str) else self.question)
            with Horizontal():
                yield Button(f"{self.yes} (y)", variant="warning", id="yes")
                yield Button(f"{self.no} (n, Esc)", id="no")

    def on_mount(self) -> None:
        self.query_one("#no", Button).focus()

    def action_answer(self, value: bool) -> None:
        self.dismiss(value)

    @on(Button.Pressed)
    def pressed(self, event: Button.Pressed) -> None:
        self.dismiss(event.button.id == "yes")


class Ask(ModalScreen[str | None]):
    """One line of text, or None when cancelled."""
    DEFAULT_CSS = _DIALOG_CSS.format(name="Ask")
    BINDINGS = [Binding("escape", "cancel", "Cancel", id="cancel", tooltip="Do nothing")]

    def __init__(self, question: str, *, placeholder: str = "", value: str = ""):
        super().__init__()
        self.question, self.placeholder, self.value = question, placeholder, value

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Label(Text(self.question))
            yield Input(value=self.value, placeholder=self.placeholder, id="answer")
            yield Static(id="error")

    def action_cancel(self) -> None:
        self.dismiss(None)

    @on(Input.Submitted)
    def submitted(self, event: Input.Submitted) -> None:
        self.dismiss(event.value.strip())

    def show_error(self, message: str) -> None:
        self.query_one("#error", Static).update(Text(message, "bold red"))


@dataclass(frozen=True)
class ContactEdits:
    how_we_met: str
    tags: list[str]
    note: str  # a new dated note to add; "" for none
    admire: str = ""  # what I admire: the subject of a compliment note
    why_connect: str = ""  # the reason a direct note gives


class EditContact(ModalScreen[ContactEdits | None]):
    DEFAULT_CSS = _DIALOG_CSS.format(name="EditContact")
    BINDINGS = [Binding("escape", "cancel", "Cancel", id="cancel", tooltip="Keep everything as it was")]

    def __init__(self, how_we_met: str, tags: list[str], admire: str = "", why_connect: str = ""):
        super().__init__()
        self.how_we_met, self.tags, self.admire, self.why_connect = how_we_met, tags, admire, why_connect

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Label("How we met")
            yield Input(self.how_we_met, id="how_we_met")
            yield Label("Tags (comma separated)")
            yield Input(", ".join(self.tags), id="tags")
            yield Label("What I admire (an article, a talk, a project: for a compliment note)")
            yield Input(self.admire, id="admire")
            yield Label("Why I want to connect (for a direct note)")
            yield Input(self.why_connect, id="why_connect")
            yield Label("Add a note (dated today)")
            yield Input(id="note")
            with Horizontal():
                yield Button("Save (Enter)", variant="primary", id="save")
                yield Button("Cancel (Esc)", id="cancel")

    def action_cancel(self) -> None:
        self.dismiss(None)

    @on(Input.Submitted)
    @on(Button.Pressed, "#save")
    def save(self) -> None:
        tags = [t.strip() for t in self.query_one("#tags", Input).value.split(",") if t.strip()]
        self.dismiss(ContactEdits(self.query_one("#how_we_met", Input).value.strip(), tags,
                                  self.query_one("#note", Input).value.strip(),
                                  self.query_one("#admire", Input).value.strip(),
                                  self.query_one("#why_connect", Input).value.strip()))

    @on(Button.Pressed, "#cancel")
    def cancel(self) -> None:
        self.dismiss(None)


class EditTemplate(ModalScreen[str | None]):
    """A segment's note template; returns the new text, "" to go back to the shipped default, None to cancel."""
    DEFAULT_CSS = _DIALOG_CSS.format(name="EditTemplate") + "EditTemplate TextArea { height: 8; }"
    BINDINGS = [Binding("escape", "cancel", "Cancel", id="cancel", tooltip="Keep the template as it was"),
                Binding("ctrl+s", "save", "Save", id="save", tooltip="Save this segment's template")]

    def __init__(self, segment: str, text: str):
        super().__init__()
        self.segment, self.text = segment, text

    def compose(self) -> ComposeResult:
        from textual.widgets import TextArea

        with Vertical():
            from warmintro.model.notes import PLACEHOLDERS

            yield Label(Text(f"Template for {self.segment}. Placeholders: "
                             + " ".join("{%s}" % name for name in PLACEHOLDERS)))
            yield TextArea(self.text, id="template", soft_wrap=True)
            with Horizontal():
                yield Button("Save (ctrl+s)", variant="primary", id="save")
                yield Button("Shipped default", id="default")
                yield Button("Cancel (Esc)", id="cancel")

    def action_cancel(self) -> None:
        self.dismiss(None)

    def action_save(self) -> None:
        from textual.widgets import TextArea

        self.dismiss(self.query_one("#template", TextArea).text.strip())

    @on(Button.Pressed)
    def pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "save":
            self.action_save()
        else:
            self.dismiss("" if event.button.id == "default" else None)
