"""Keeping in touch: the follow-up list (thank the people who accepted) and the networking updates due.

Both lists say what to write; the user sends it by hand on LinkedIn and marks it here.
"""

from __future__ import annotations

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import DataTable, Header, Static

from warmintro.model.contact import Contact
from warmintro.model.keep_in_touch import (FollowUp, UpdateDue, commercial_refusal, open_followups,
                                           suggested_note, updates_due)
from warmintro.tui.screens.base import SubScreen
from warmintro.tui.widgets.card import safe, safe_lines
from warmintro.tui.widgets.footer import Footer

LIST_CSS = """
{name} #kit-title {{ padding: 0 1; text-style: bold; color: $primary; }}
{name} DataTable {{ height: 1fr; }}
{name} #kit-detail {{ height: auto; min-height: 4; border: round $panel; padding: 0 1; }}
{name} #kit-empty {{ padding: 1 2; color: $text-muted; }}
"""


class KeepInTouchList(SubScreen):
    """A table of people with the suggested note of the highlighted one below it."""

    TITLE_TEXT = ""

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(Text(self.TITLE_TEXT), id="kit-title")
        yield DataTable(id="kit-table", cursor_type="row", zebra_stripes=True)
        yield Static(id="kit-detail")
        yield Footer()

    @property
    def table(self) -> DataTable:
        return self.query_one("#kit-table", DataTable)

    def current_key(self) -> str | None:
        table = self.table
        if table.row_count == 0:
            return None
        return table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value

    def fill(self, rows: list[tuple[str, tuple[Text, ...]]], empty: str) -> None:
        """Replace the rows, keeping the cursor on the same person when they are still listed."""
        table = self.table
        keep = self.current_key()
        table.clear()
        for key, cells in rows:
            table.add_row(*cells, key=key)
        if keep is not None and keep in table.rows:
            table.move_cursor(row=table.get_row_index(keep))
        if not rows:
            self.query_one("#kit-detail", Static).update(Text(empty))
        else:
            self.show_detail()

    @on(DataTable.RowHighlighted)
    def show_detail(self) -> None:
        key = self.current_key()
        if key is not None:
            self.query_one("#kit-detail", Static).update(self.detail(key))

    def detail(self, key: str) -> Text:
        return Text()

    def contact_for(self, key: str) -> Contact:
        raise NotImplementedError

    def action_toggle_opt_in(self) -> None:
        key = self.current_key()
        if key is None:
            return
        contact = self.contact_for(key)
        self.app.act(self.app.store.update_contact, contact.id, opt_in_commercial=not contact.opt_in_commercial)


def opt_in_cell(contact: Contact) -> Text:
    return Text("yes" if contact.opt_in_commercial else "no")


class FollowUpsScreen(KeepInTouchList):
    SUB_TITLE = "Follow-ups"
    DEFAULT_CSS = LIST_CSS.format(name="FollowUpsScreen")
    TITLE_TEXT = "Follow-ups: thank the people who accepted, in your own words"
    BINDINGS = [
        Binding("d", "done", "Done", id="followup-done", tooltip="Mark the thank-you as sent"),
        Binding("c", "copy", "Copy note", id="followup-copy", tooltip="Copy the suggested note to edit and send"),
        Binding("o", "toggle_opt_in", "Opt-in", id="followup-opt-in",
                tooltip="Record that they asked for offers (press again to clear)"),
    ]

    def on_mount(self) -> None:
        self.table.add_columns("Accepted", "Name", "Company", "Opted in")

    def followups(self) -> dict[str, FollowUp]:
        store = self.app.store
        return {f.id: f for f in open_followups(store.followups.values(), store.contacts, store.settings)}

    def redraw(self) -> None:
        rows = [(f.id, (Text(f"{f.created_at:%d %b}"), Text(safe(f.contact.display_name)), Text(safe(f.contact.company)),
                        opt_in_cell(f.contact)))
                for f in self.followups().values()]
        self.fill(rows, "No follow-ups waiting. Recording that someone accepted adds a thank-you here.")

    def detail(self, key: str) -> Text:
        followup = self.followups().get(key)
        if followup is None:
            return Text()
        return Text.assemble(("Suggested note: ", "bold"), safe_lines(followup.suggested_note))

    def contact_for(self, key: str) -> Contact:
        return self.followups()[key].contact

    def action_done(self) -> None:
        key = self.current_key()
        if key is not None:
            self.app.act(self.app.store.complete_followup, key)

    def action_copy(self) -> None:
        followup = self.followups().get(self.current_key() or "")
        if followup is not None:
            self.app.copy_to_clipboard(followup.suggested_note)
            self.app.notify("Suggested note copied: make it yours before sending.", markup=False)


class UpdatesScreen(KeepInTouchList):
    SUB_TITLE = "Networking updates"
    DEFAULT_CSS = LIST_CSS.format(name="UpdatesScreen")
    TITLE_TEXT = "Networking updates due: connections you have not been in touch with for a while"
    BINDINGS = [
        Binding("u", "updated", "Updated", id="update-sent", tooltip="Record that you sent them an update today"),
        Binding("m", "commercial", "Commercial sent", id="update-commercial",
                tooltip="Record a commercial message: only for people who opted in"),
        Binding("o", "toggle_opt_in", "Opt-in", id="update-opt-in",
                tooltip="Record that they asked for offers (press again to clear)"),
    ]

    def on_mount(self) -> None:
        self.table.add_columns("Days", "Name", "Company", "Last in touch", "Opted in")

    def due(self) -> dict[str, UpdateDue]:
        store = self.app.store
        return {d.contact.id: d for d in updates_due(store.contacts.values(), store.settings, store.now())}

    def redraw(self) -> None:
        rows = [(cid, (Text(str(d.days_since), justify="right"), Text(safe(d.contact.display_name)),
                       Text(safe(d.contact.company)), Text(f"{d.last_contact:%d %b %Y}"), opt_in_cell(d.contact)))
                for cid, d in self.due().items()]
        interval = self.app.store.settings.update_interval_days
        self.fill(rows, f"Nobody is due: everyone has heard from you in the last {interval} days.")

    def detail(self, key: str) -> Text:
        contact = self.app.store.contacts.get(key)
        if contact is None:
            return Text()
        interval = self.app.store.settings.update_interval_days
        return Text.assemble(("Suggested opening: ", "bold"), safe_lines(suggested_note(
                                 contact, "update", self.app.store.settings.my_name)),
                             "\n", (f"Once marked, they are not due again for {interval} days.", "italic"))

    def contact_for(self, key: str) -> Contact:
        return self.app.store.contact(key)

    def action_updated(self) -> None:
        key = self.current_key()
        if key is not None:
            self.app.act(self.app.store.update_contact, key, last_interaction=self.app.store.now())

    def action_commercial(self) -> None:
        """A commercial message goes only to people who opted in; otherwise refuse and say why."""
        key = self.current_key()
        if key is None:
            return
        refusal = commercial_refusal(self.contact_for(key))
        if refusal is not None:
            self.app.notify(refusal, title="Not done", severity="warning", timeout=10, markup=False)
            return
        self.app.act(self.app.store.update_contact, key, last_interaction=self.app.store.now())
