"""Bulk-withdraw: pending invitations oldest first, stale ones pre-selected, withdrawn in one action."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import DataTable, Header, Static

from warmintro.exporting import checklist_format, withdraw_checklist
from warmintro.model.durations import humanize_span
from warmintro.model.invite import Invite, cooldown_until
from warmintro.tui.widgets.dialogs import Ask, Confirm
from warmintro.tui.widgets.card import safe
from warmintro.tui.widgets.footer import Footer

MARK_ON, MARK_OFF = "[x]", "[ ]"


def default_checklist_path(today) -> str:
    return str(Path("~").expanduser() / f"warmintro-withdraw-{today:%Y-%m-%d}.md")


class WithdrawScreen(Screen):
    DEFAULT_CSS = """
    WithdrawScreen #withdraw-table { height: 2fr; }
    WithdrawScreen #cooldown-table { height: 1fr; }
    """
    BINDINGS = [
        Binding("space", "toggle", "Toggle", id="withdraw-toggle", tooltip="Select or unselect this invitation"),
        Binding("a", "select_stale", "All stale", id="withdraw-all-stale",
                tooltip="Select every invitation older than the stale limit"),
        Binding("n", "select_none", "None", id="withdraw-none", tooltip="Unselect everything"),
        Binding("w", "withdraw", "Withdraw…", id="withdraw-go",
                tooltip="Record the selected invitations as withdrawn (asks first)"),
        Binding("u", "undo", "Undo", id="withdraw-undo", tooltip="Undo the last action"),
    ]

    def __init__(self, older_than_days: float | None = None):
        super().__init__()
        self.older_than_days = older_than_days
        self.selected: set[str] = set()
        self.invite_ids: list[str] = []

    @property
    def stale_days(self) -> float:
        if self.older_than_days is not None:
            return self.older_than_days
        return self.app.store.settings.stale_after_days

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(id="withdraw-summary")
        yield DataTable(id="withdraw-table", cursor_type="row", zebra_stripes=True)
        yield Static(Text("In the re-invite cooldown", style="bold"))
        yield DataTable(id="cooldown-table", cursor_type="none")
        yield Footer()

    def on_mount(self) -> None:
        table = self.query_one("#withdraw-table", DataTable)
        table.add_column("", key="mark", width=3)
        table.add_column("Name", key="name")
        table.add_column("Sent", key="sent")
        table.add_column("Age", key="age")
        table.add_column("Profile", key="url")
        cooldown = self.query_one("#cooldown-table", DataTable)
        cooldown.add_column("Name", key="name")
        cooldown.add_column("Withdrawn", key="withdrawn")
        cooldown.add_column("Can be invited again", key="until")
        cooldown.can_focus = False
        self.selected = {inv.id for inv in self.pending() if self.is_stale(inv)}
        self.app.store_changed.subscribe(self, lambda _: self.reload())
        self.reload()
        table.focus()

    def pending(self) -> list[Invite]:
        return sorted((inv for inv in self.app.store.invites.values() if inv.is_open), key=lambda i: i.sent_at)

    def is_stale(self, invite: Invite) -> bool:
        return self.app.store.now() - invite.sent_at >= timedelta(days=self.stale_days)

    def reload(self) -> None:
        store = self.app.store
        now = store.now()
        pending = self.pending()
        self.invite_ids = [inv.id for inv in pending]
        self.selected &= set(self.invite_ids)
        table = self.query_one("#withdraw-table", DataTable)
        cursor = table.cursor_row
        table.clear()
        for inv in pending:
            contact = store.contacts.get(inv.contact_id)
            name = safe(contact.display_name if contact else inv.contact_id)
            url = contact.linkedin_url if contact else ""
            style = "bold" if self.is_stale(inv) else ""
            table.add_row(Text(self.mark(inv.id)), Text(name, style=style), Text(f"{inv.sent_at:%d %b %Y}"),
                          Text(humanize_span(inv.sent_at, now)), Text(url or "—", style="dim"), key=inv.id)
        if pending:
            table.move_cursor(row=min(cursor, len(pending) - 1))
        self.show_cooldowns()
        self.update_summary()

    def show_cooldowns(self) -> None:
        """Everyone withdrawn whose cooldown has not ended, soonest free first."""
        store = self.app.store
        now = store.now()
        days = store.settings.reinvite_cooldown_days
        rows = []
        for inv in store.invites.values():
            until = cooldown_until(inv, days)
            if until is not None and until > now:
                rows.append((until, inv))
        table = self.query_one("#cooldown-table", DataTable)
        table.clear()
        for until, inv in sorted(rows, key=lambda r: r[0]):
            contact = store.contacts.get(inv.contact_id)
            table.add_row(Text(safe(contact.display_name if contact else inv.contact_id)),
                          Text(f"{inv.status_at:%d %b %Y}"), Text(f"{until:%d %b %Y}"), key=inv.id)

    def mark(self, invite_id: str) -> str:
        return MARK_ON if invite_id in self.selected else MARK_OFF

    def update_summary(self) -> None:
        stale = sum(1 for inv in self.pending() if self.is_stale(inv))
        text = Text(f"{len(self.invite_ids)} pending, {stale} older than {self.stale_days:g} days; "
                    f"{len(self.selected)} selected. ")
        text.append("Space toggles, a = all stale, n = none, w = withdraw.", style="dim")
        self.query_one("#withdraw-summary", Static).update(text)

    def refresh_marks(self) -> None:
        table = self.query_one("#withdraw-table", DataTable)
        with self.app.batch_update():
            for invite_id in self.invite_ids:
                table.update_cell(invite_id, "mark", Text(self.mark(invite_id)))
        self.update_summary()

    def current_id(self) -> str | None:
        table = self.query_one("#withdraw-table", DataTable)
        if not self.invite_ids:
            return None
        return self.invite_ids[table.cursor_row]

    def action_toggle(self) -> None:
        invite_id = self.current_id()
        if invite_id is None:
            return
        self.selected ^= {invite_id}
        self.refresh_marks()
        table = self.query_one("#withdraw-table", DataTable)
        table.move_cursor(row=table.cursor_row + 1)

    @on(DataTable.RowSelected)
    def toggle_on_enter(self) -> None:
        self.action_toggle()

    def action_select_stale(self) -> None:
        self.selected = {inv.id for inv in self.pending() if self.is_stale(inv)}
        self.refresh_marks()

    def action_select_none(self) -> None:
        self.selected = set()
        self.refresh_marks()

    def action_undo(self) -> None:
        self.app.undo_last()

    @work(exclusive=True, group="withdraw")
    async def action_withdraw(self) -> None:
        ids = [i for i in self.invite_ids if i in self.selected]
        if not ids:
            self.notify("Nothing selected: space selects, a selects all stale.", severity="warning")
            return
        days = self.app.store.settings.reinvite_cooldown_days
        question = (f"Withdraw {len(ids)} invitation{'s' if len(ids) != 1 else ''}? Each person can be "
                    f"invited again after {days} days. (u undoes.)")
        if not await self.app.push_screen_wait(Confirm(question)):
            return
        rows = self.checklist_rows(ids)
        if self.app.act(self.app.store.withdraw, ids) is None:
            return
        self.selected -= set(ids)
        urls = [row["linkedin_url"] for row in rows if row["linkedin_url"]]
        if urls:
            self.app.copy_to_clipboard("\n".join(urls))
        self.notify(f"Withdrew {len(ids)}; {len(urls)} profile URLs copied. Now withdraw them on LinkedIn.")
        path = await self.app.push_screen_wait(
            Ask("Write the checklist to (.md or .csv; Esc skips):", value=str(default_checklist_path(self.app.store.now()))))
        if path:
            self.write_checklist(rows, path)

    def checklist_rows(self, ids: list[str]) -> list[dict]:
        store = self.app.store
        now = store.now()
        rows = []
        for invite_id in ids:
            inv = store.invites[invite_id]
            contact = store.contacts.get(inv.contact_id)
            rows.append({"name": contact.display_name if contact else inv.contact_id,
                         "linkedin_url": contact.linkedin_url if contact else "",
                         "sent_at": inv.sent_at.isoformat(), "age": humanize_span(inv.sent_at, now)})
        return rows

    def write_checklist(self, rows: list[dict], path: str) -> None:
        from warmintro.store.files import atomic_write

        target = Path(path).expanduser()
        try:
            atomic_write(target, withdraw_checklist(rows, checklist_format(str(target))).encode("utf-8"))
        except OSError as exc:
            self.notify(f"{target}: {exc.strerror}", markup=False, title="Checklist not written", severity="error")
            return
        self.notify(f"Checklist written to {target}", markup=False)
