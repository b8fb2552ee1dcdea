"""Quick-add after an event: the event is typed once, then one person per Enter, each saved at once."""

from __future__ import annotations

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen, Screen
from textual.widgets import DataTable, Header, Input, Label, Static

from warmintro.model.contact import (Contact, Note, clean_text, merge_contacts, new_id, normalize_email,
                                     normalize_linkedin_url, split_full_name)
from warmintro.model.duplicates import likely_duplicates
from warmintro.model.durations import DurationError, parse_day
from warmintro.tui.widgets.dialogs import Confirm
from warmintro.tui.widgets.card import safe
from warmintro.tui.widgets.footer import Footer

# (input id, label, placeholder); the event fields stay for the whole batch.
EVENT_FIELDS = [("event", "Event", "e.g. Lisbon Tech Meetup"), ("met_on", "Date", "today, yesterday, 20 Nov")]
PERSON_FIELDS = [
    ("name", "Name *", "first and last name"),
    ("company", "Company", ""),
    ("position", "Position", ""),
    ("reach", "Email or URL", "ana@example.com or linkedin.com/in/ana"),
    ("how", "How we met", "what we talked about"),
    ("tags", "Tags", "comma separated"),
]


class DuplicateChoice(ModalScreen[str]):
    """"merge", "add" (a different person) or "back" (edit the form)."""

    DEFAULT_CSS = """
    DuplicateChoice { align: center middle; }
    DuplicateChoice > Vertical { width: 80; height: auto; border: thick $warning; background: $surface; padding: 1 2; }
    DuplicateChoice Label { width: 100%; }
    """
    BINDINGS = [
        Binding("m", "choose('merge')", "Merge", id="dup-merge", tooltip="Add what you typed to the existing person"),
        Binding("a", "choose('add')", "Add anyway", id="dup-add", tooltip="They are a different person"),
        Binding("escape", "choose('back')", "Back", id="dup-back", tooltip="Return to the form"),
    ]

    def __init__(self, name: str, matches: list[tuple[Contact, str]]):
        super().__init__()
        self.person = name
        self.matches = matches

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Label(Text(f"{self.person} may already be in your database:"))
            for contact, reason in self.matches[:5]:
                line = Text("  • ") + Text(safe(contact.display_name), style="bold")
                if contact.company:
                    line += Text(f" ({safe(contact.company)})")
                yield Label(line + Text(f" — {reason}", style="dim"))
            yield Label(Text("m: merge into the first   a: add as a new person   Esc: back", style="dim"))

    def action_choose(self, choice: str) -> None:
        self.dismiss(choice)


class QuickAddScreen(Screen):
    DEFAULT_CSS = """
    QuickAddScreen #quick-form { width: 1fr; padding: 0 1; }
    QuickAddScreen #quick-batch { width: 1fr; }
    QuickAddScreen .row { height: 1; margin-top: 1; }
    QuickAddScreen .row Label { width: 14; }
    QuickAddScreen .row Input { width: 1fr; }
    QuickAddScreen .error { color: $error; height: auto; padding-left: 14; }
    QuickAddScreen #quick-status { margin-top: 1; }
    """
    BINDINGS = [
        Binding("ctrl+s", "save", "Save person", id="quick-save", tooltip="Save and clear for the next person",
                priority=True),
        Binding("ctrl+b", "focus_batch", "Batch list", id="quick-batch",
                tooltip="Move to the list of people added this batch (up/down to choose)"),
        # Not ctrl+e / ctrl+d: the form's Input fields use those for end-of-line and delete.
        Binding("f2", "edit", "Edit", id="quick-edit", tooltip="Load the highlighted batch entry into the form"),
        Binding("ctrl+r", "remove", "Remove", id="quick-remove", tooltip="Remove the highlighted batch entry"),
        Binding("escape", "new_person", "Clear", id="quick-clear", tooltip="Clear the person fields, back to Name"),
    ]

    def __init__(self):
        super().__init__()
        self.batch: list[str] = []
        self.editing: str | None = None

    def compose(self) -> ComposeResult:
        yield Header()
        with Horizontal():
            with Vertical(id="quick-form"):
                for key, label, placeholder in EVENT_FIELDS + PERSON_FIELDS:
                    with Horizontal(classes="row"):
                        yield Label(label)
                        yield Input(placeholder=placeholder, id=key, compact=True)
                    yield Static(id=f"{key}-error", classes="error")
                yield Static(id="quick-status")
            with Vertical(id="quick-batch"):
                yield Label("Added this batch")
                yield DataTable(id="batch-table", cursor_type="row")
        yield Footer()

    def on_mount(self) -> None:
        table = self.query_one("#batch-table", DataTable)
        table.add_column("Name", key="name", width=24)
        table.add_column("Company", key="company", width=22)
        self.query_one("#event", Input).focus()
        self.status("Type the event once; Enter saves each person and clears the form.")

    def status(self, message: str) -> None:
        self.query_one("#quick-status", Static).update(Text(message, style="dim"))

    def value(self, key: str) -> str:
        return self.query_one(f"#{key}", Input).value

    def set_error(self, key: str, message: str) -> None:
        self.query_one(f"#{key}-error", Static).update(Text(message))

    @on(Input.Submitted)
    def submitted(self, event: Input.Submitted) -> None:
        if event.input.id in ("event", "met_on"):
            self.query_one("#met_on" if event.input.id == "event" else "#name", Input).focus()
            return
        self.action_save()

    def build_contact(self) -> Contact | None:
        """The form as a Contact, or None after showing each bad field's one-line reason."""
        for key, *_ in EVENT_FIELDS + PERSON_FIELDS:
            self.set_error(key, "")
        now = self.app.store.now()
        ok = True
        first, last = split_full_name(self.value("name"))
        if not first:
            self.set_error("name", "A name is required.")
            ok = False
        try:
            met_on = parse_day(self.value("met_on"), now)
        except DurationError as exc:
            self.set_error("met_on", str(exc))
            ok, met_on = False, None
        reach = self.value("reach").strip()
        email = url = ""
        if reach:
            if "@" in reach and "linkedin" not in reach.lower():
                email = normalize_email(reach)
                if not email:
                    self.set_error("reach", f"{reach!r} is not an email address.")
                    ok = False
            else:
                url = normalize_linkedin_url(reach)
                if not url:
                    self.set_error("reach", "Not a LinkedIn profile URL (linkedin.com/in/…) or an email.")
                    ok = False
        if not ok:
            self.status("Not saved: fix the field marked in red.")
            return None
        event = clean_text(self.value("event"))
        how = self.value("how").strip()
        tags = list(dict.fromkeys(t for t in (clean_text(x) for x in self.value("tags").split(",")) if t))
        return Contact(
            id=new_id(), first_name=first, last_name=last, emails=[email] if email else [], linkedin_url=url,
            company=clean_text(self.value("company")), position=clean_text(self.value("position")), tags=tags,
            sources=["quick-add"] + ([f"event:{event}"] if event else []), event=event, met_on=met_on,
            how_we_met=how, segment="event" if event else "", added_at=now, last_interaction=now,
            notes=[Note(at=now, text=how)] if how else [],
        )

    @work(exclusive=True, group="quick-add")
    async def action_save(self) -> None:
        contact = self.build_contact()
        if contact is None:
            return
        store = self.app.store
        if self.editing is not None:
            fields = {f: getattr(contact, f) for f in ("first_name", "last_name", "emails", "linkedin_url", "company",
                                                         "position", "tags", "event", "met_on", "how_we_met")}
            if self.app.act(store.update_contact, self.editing, **fields) is not None:
                self.after_save(self.editing, f"Updated {safe(contact.display_name)}.")
            return
        others = [c for c in store.contacts.values() if c.id not in self.batch]
        matches = likely_duplicates(contact, others)
        if matches:
            choice = await self.app.push_screen_wait(DuplicateChoice(safe(contact.display_name), matches))
            if choice == "back":
                return
            if choice == "merge":
                keep = matches[0][0]
                merged = merge_contacts(keep, contact)
                changes = {name: getattr(merged, name) for name in merged.__struct_fields__ if name != "id"}
                if self.app.act(store.update_contact, keep.id, **changes) is not None:
                    self.after_save(keep.id, f"Merged into {safe(keep.display_name)}.")
                return
        if self.app.act(store.add_contact, contact) is not None:
            self.after_save(contact.id, f"Saved {safe(contact.display_name)}. Next person:")

    def after_save(self, contact_id: str, message: str) -> None:
        if contact_id not in self.batch:
            self.batch.append(contact_id)
        self.editing = None
        self.redraw_batch()
        self.action_new_person()
        self.status(message)

    def redraw_batch(self) -> None:
        table = self.query_one("#batch-table", DataTable)
        table.clear()
        contacts = self.app.store.contacts
        self.batch = [cid for cid in self.batch if cid in contacts]
        for cid in self.batch:
            table.add_row(Text(safe(contacts[cid].display_name)), Text(safe(contacts[cid].company)), key=cid)

    def action_new_person(self) -> None:
        for key, *_ in PERSON_FIELDS:
            self.query_one(f"#{key}", Input).value = ""
            self.set_error(key, "")
        self.editing = None
        self.query_one("#name", Input).focus()

    def action_focus_batch(self) -> None:
        self.query_one("#batch-table", DataTable).focus()

    def highlighted(self) -> str | None:
        table = self.query_one("#batch-table", DataTable)
        if not self.batch:
            self.notify("Nobody added in this batch yet.")
            return None
        return self.batch[min(table.cursor_row, len(self.batch) - 1)]

    @on(DataTable.RowSelected, "#batch-table")
    def edit_on_enter(self) -> None:
        self.action_edit()

    def action_edit(self) -> None:
        cid = self.highlighted()
        if cid is None:
            return
        c = self.app.store.contacts[cid]
        values = {"name": c.full_name, "company": c.company, "position": c.position,
                  "reach": c.emails[0] if c.emails else c.linkedin_url, "how": c.how_we_met, "tags": ", ".join(c.tags)}
        for key, text in values.items():
            self.query_one(f"#{key}", Input).value = text
        self.editing = cid
        self.query_one("#name", Input).focus()
        self.status(f"Editing {safe(c.display_name)}; Enter saves, Esc cancels.")

    @work(exclusive=True, group="quick-add")
    async def action_remove(self) -> None:
        cid = self.highlighted()
        if cid is None:
            return
        store = self.app.store
        name = safe(store.contacts[cid].display_name)
        if not await self.app.push_screen_wait(Confirm(f"Remove {name} from the database?")):
            return
        # Undo keeps the journal honest when it is the very action that added them.
        if store.undo_label == f"add {name}" and self.batch and self.batch[-1] == cid:
            done = self.app.act(store.undo)
        else:
            done = self.app.act(store.delete_contact, cid)
        if done is not None:
            self.redraw_batch()
            self.status(f"Removed {name}.")
