"""Settings: the limits the app works to, edited with validation and saved as one undoable action."""

from __future__ import annotations

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.widgets import Button, Header, Input, Label, Static

from warmintro.model.settings import Settings, SettingsError
from warmintro.tui.screens.base import SubScreen
from warmintro.tui.widgets.footer import Footer

# (field, label, why it matters): the order is the order on screen.
FIELDS = (
    ("my_name", "Your name", "Signs your notes: it fills {my_name} in every template."),
    ("account", "LinkedIn account", "free or premium; free: 5 notes a month, 200 characters."),
    ("lifetime_cap", "Lifetime cap", "Invitations ever; reported as 3,000. It never frees up."),
    ("weekly_cap", "Weekly cap", "About 100 a rolling week is the common report."),
    ("daily_batch", "Daily batch", "How many a day; never more than the weekly cap."),
    ("strike_threshold", "Strike threshold", "\"I don't know\" answers before LinkedIn restricts (reported: 5)."),
    ("note_limit", "Note limit", "Characters in a note, 1-300; empty or 'auto': 200 free, 300 premium."),
    ("stale_after_days", "Stale after (days)", "An invitation unanswered this long will almost surely never be."),
    ("reinvite_cooldown_days", "Re-invite cooldown (days)", "After a withdrawal LinkedIn blocks re-inviting."),
    ("pending_soft_cap", "Pending soft cap", "Too many outstanding invitations restrict the account."),
    ("update_interval_days", "Update interval (days)", "A networking update at most this often."),
)

TEXT_FIELDS = ("my_name", "account")


def field_text(settings: Settings, name: str) -> str:
    value = getattr(settings, name)
    return "auto" if value is None else str(value)


def apply_edits(settings: Settings, edits: dict[str, str]) -> Settings:
    """All edits at once, whatever their order: raising the weekly cap and the batch together must work.

    Each pass applies what it can; a pass that applies nothing raises the first field's error.
    """
    pending = dict(edits)
    if "account" in pending:
        pending["account"] = pending["account"].strip().lower()
    while pending:
        errors: list[SettingsError] = []
        tried = len(pending)
        for name, text in list(pending.items()):
            try:
                settings = settings.with_value(name, text)
            except SettingsError as exc:
                errors.append(exc)
            else:
                del pending[name]
        if len(errors) == tried:
            raise errors[0]
    return settings


def check_against_use(settings: Settings, gauge) -> None:
    """Limits the model cannot judge alone: a lifetime cap below what is already spent is a typo, not a plan."""
    used = gauge.lifetime.used
    if settings.lifetime_cap < used:
        raise SettingsError(f"lifetime_cap: {settings.lifetime_cap} is below the {used} invitations "
                            "already sent; the lifetime cap never frees up")


class SettingsScreen(SubScreen):
    SUB_TITLE = "Settings: the limits the app works to"
    AUTO_FOCUS = "#set-my_name"
    DEFAULT_CSS = """
    SettingsScreen VerticalScroll { padding: 0 2; }
    SettingsScreen .setting { height: 1; margin-top: 1; }
    SettingsScreen .setting Label { width: 28; }
    SettingsScreen .setting Input { width: 12; }
    SettingsScreen .setting Input.-text { width: 24; }
    SettingsScreen .why { color: $text-muted; padding-left: 2; width: 1fr; }
    SettingsScreen .field-error { color: $error; padding-left: 28; height: auto; display: none; }
    SettingsScreen .field-error.-shown { display: block; }
    SettingsScreen #settings-status { margin: 1 0; height: auto; }
    SettingsScreen #save { margin-left: 28; }
    """

    BINDINGS = [
        Binding("ctrl+s", "save", "Save", id="settings-save", tooltip="Save every edited limit"),
        Binding("ctrl+r", "revert", "Revert", id="settings-revert", tooltip="Back to the saved values"),
    ]

    def compose(self) -> ComposeResult:
        yield Header()
        with VerticalScroll():
            for name, label, why in FIELDS:
                with Horizontal(classes="setting"):
                    yield Label(Text(label), classes="label")
                    yield Input(id=f"set-{name}", select_on_focus=True, compact=True,
                                classes="-text" if name in TEXT_FIELDS else "")
                    yield Static(Text(why), classes="why")
                yield Static(id=f"error-{name}", classes="field-error")
            yield Static(id="settings-status")
            yield Button("Save", id="save", variant="primary")
        yield Footer()

    def redraw(self) -> None:
        settings = self.app.store.settings
        for name, _label, _why in FIELDS:
            self.query_one(f"#set-{name}", Input).value = field_text(settings, name)
            self.query_one(f"#error-{name}", Static).update("")
            self.query_one(f"#error-{name}", Static).remove_class("-shown")
        self.query_one("#settings-status", Static).update("")

    def edits(self) -> dict[str, str]:
        saved = self.app.store.settings
        found = {}
        for name, _label, _why in FIELDS:
            text = self.query_one(f"#set-{name}", Input).value
            if text.strip() != field_text(saved, name):
                found[name] = text
        return found

    @on(Input.Changed)
    def check_field(self, event: Input.Changed) -> None:
        """Say what is wrong with a field as it is typed, before any save is attempted."""
        name = (event.input.id or "").removeprefix("set-")
        error = self.query_one(f"#error-{name}", Static)
        try:
            check_against_use(apply_edits(self.app.store.settings, {name: event.value}), self.app.store.gauge())
        except SettingsError as exc:
            # A cross-field rule may be met by another pending edit; the save decides, this only warns.
            error.update(Text(str(exc)))
            error.add_class("-shown")
            event.input.add_class("-invalid")
        else:
            error.update("")
            error.remove_class("-shown")
            event.input.remove_class("-invalid")

    @on(Button.Pressed, "#save")
    @on(Input.Submitted)
    def action_save(self) -> None:
        status = self.query_one("#settings-status", Static)
        edits = self.edits()
        if not edits:
            status.update(Text("Nothing changed."))
            return
        try:
            updated = apply_edits(self.app.store.settings, edits)
            check_against_use(updated, self.app.store.gauge())
        except SettingsError as exc:
            status.update(Text(f"Not saved: {exc}", style="bold"))
            self.app.notify(str(exc), title="Setting not saved", severity="error", markup=False)
            return
        if self.app.act(self.app.store.set_settings, updated):
            self.app.notify("Saved: " + ", ".join(sorted(edits)), title="Settings", markup=False)
            self.redraw()

    def action_revert(self) -> None:
        self.redraw()
