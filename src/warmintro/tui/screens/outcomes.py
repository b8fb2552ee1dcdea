"""Recording outcomes: what became of each pending invitation, strikes without a name, and thank-yous."""

from __future__ import annotations

from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import DataTable, Header, Label, Static

from warmintro.model.durations import humanize_span
from warmintro.model.invite import InviteStatus
from warmintro.tui.widgets.dialogs import Ask
from warmintro.tui.widgets.card import safe
from warmintro.tui.widgets.footer import Footer


class OutcomesScreen(Screen):
    DEFAULT_CSS = """
    OutcomesScreen #outcome-table { height: 2fr; }
    OutcomesScreen #followup-table { height: 1fr; }
    """
    BINDINGS = [
        Binding("c", "record('accepted')", "Accepted", id="outcome-accepted",
                tooltip="They accepted: marks them connected and queues a thank-you"),
        Binding("i", "record('ignored')", "Ignored", id="outcome-ignored", tooltip="No answer; still outstanding"),
        Binding("x", "record('idk')", "I don't know", id="outcome-idk",
                tooltip="They answered 'I don't know this person': a strike"),
        Binding("s", "strikes", "Strikes…", id="outcome-strikes",
                tooltip="Set the strike count LinkedIn's warning gave you"),
        Binding("d", "followup_done", "Thanked", id="outcome-followup-done",
                tooltip="Mark the highlighted thank-you follow-up as done"),
        Binding("u", "undo", "Undo", id="outcome-undo", tooltip="Undo the last action"),
    ]

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(id="outcome-summary")
        yield DataTable(id="outcome-table", cursor_type="row", zebra_stripes=True)
        yield Label("Say thanks / touch base")
        yield DataTable(id="followup-table", cursor_type="row")
        yield Footer()

    def on_mount(self) -> None:
        table = self.query_one("#outcome-table", DataTable)
        for key, label in (("name", "Name"), ("status", "Status"), ("sent", "Sent"), ("age", "Age")):
            table.add_column(label, key=key)
        followups = self.query_one("#followup-table", DataTable)
        followups.add_column("Name", key="name")
        followups.add_column("Accepted", key="since")
        self.app.store_changed.subscribe(self, lambda _: self.reload())
        self.reload()
        table.focus()

    def reload(self) -> None:
        store = self.app.store
        now = store.now()
        waiting = sorted((inv for inv in store.invites.values() if inv.is_open), key=lambda inv: inv.sent_at)
        table = self.query_one("#outcome-table", DataTable)
        row = table.cursor_row
        table.clear()
        for inv in waiting:
            contact = store.contacts.get(inv.contact_id)
            table.add_row(Text(safe(contact.display_name if contact else inv.contact_id)), Text(inv.status.value),
                          Text(f"{inv.sent_at:%d %b %Y}"), Text(humanize_span(inv.sent_at, now)), key=inv.id)
        if waiting:
            table.move_cursor(row=min(row, len(waiting) - 1))
        followups = self.query_one("#followup-table", DataTable)
        followups.clear()
        for doc in sorted(store.followups.values(), key=lambda d: d["created_at"]):
            if doc.get("done_at"):
                continue
            contact = store.contacts.get(doc["contact_id"])
            followups.add_row(Text(safe(contact.display_name if contact else doc["contact_id"])),
                              Text(doc["created_at"][:10]), key=doc["id"])
        gauge = store.gauge()
        self.query_one("#outcome-summary", Static).update(Text(
            f"{len(waiting)} waiting for an answer. Strikes: {gauge.strikes.used} of {gauge.strikes.cap}."))

    def highlighted_key(self, table_id: str) -> str | None:
        table = self.query_one(table_id, DataTable)
        if table.row_count == 0:
            return None
        return table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value

    def action_record(self, status: str) -> None:
        invite_id = self.highlighted_key("#outcome-table")
        if invite_id is None:
            self.notify("No invitation is waiting for an answer.")
            return
        invite = self.app.act(self.app.store.record_outcome, invite_id, InviteStatus(status))
        if invite is not None:
            self.notify(f"Recorded: {self.app.store.undo_label}", markup=False)

    @work(exclusive=True, group="outcomes")
    async def action_strikes(self) -> None:
        current = self.app.store.gauge().strikes.used
        answer = await self.app.push_screen_wait(Ask("Strikes LinkedIn says you have (a whole number):", value=str(current)))
        if answer is None:
            return
        try:
            count = int(answer.strip())
        except ValueError:
            self.notify(f"{answer!r} is not a whole number.", markup=False, severity="warning")
            return
        if self.app.act(self.app.store.set_recorded_strikes, count) is not None:
            self.notify(f"Strikes set to {count}.")

    def action_followup_done(self) -> None:
        followup_id = self.highlighted_key("#followup-table")
        if followup_id is None:
            self.notify("No thank-you is waiting.")
            return
        self.app.act(self.app.store.complete_followup, followup_id)

    def action_undo(self) -> None:
        self.app.undo_last()
