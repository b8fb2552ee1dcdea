"""The friending policy: the user's own words on who they want in their network, and the rules
the queue applies. The effect shows while editing: how many people each draft would keep out, and who."""

from __future__ import annotations

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.widgets import DataTable, Header, Input, Label, Static, Switch, TextArea

from warmintro.model.policy import FLAG_RULES, LIST_RULES, Policy, parse_list
from warmintro.model.queue import build_queue, group_invites
from warmintro.tui.screens.base import SubScreen
from warmintro.tui.widgets.card import safe
from warmintro.tui.widgets.footer import Footer

LIST_LABELS = {
    "include_tags": "Only these tags", "exclude_tags": "Never these tags",
    "include_segments": "Only these segments", "exclude_segments": "Never these segments",
    "include_companies": "Only these companies", "exclude_companies": "Never these companies",
    "include_locations": "Only these places", "exclude_locations": "Never these places",
}
PLACEHOLDERS = {
    "include_tags": "anyone", "exclude_tags": "e.g. recruiter, sales",
    "include_segments": "any: clients, chamber, event, former-colleagues, on-linkedin",
    "exclude_segments": "none", "include_companies": "any", "exclude_companies": "e.g. a competitor",
    "include_locations": "anywhere", "exclude_locations": "nowhere",
}
FLAG_LABELS = {
    "met_in_person_only": "Met in person only",
    "require_how_we_met": "Must have a note about how we know each other",
    "require_mutual": "Must have at least one mutual connection",
}


class PolicyScreen(SubScreen):
    SUB_TITLE = "Friending policy: who you want in your network"
    AUTO_FOCUS = "#policy-text"
    DEFAULT_CSS = """
    PolicyScreen #policy-form { width: 3fr; padding: 0 1; }
    PolicyScreen #policy-side { width: 2fr; padding: 0 1; }
    PolicyScreen #policy-text { height: 4; }
    PolicyScreen .rule { height: 1; margin-top: 1; }
    PolicyScreen .rule Label { width: 24; }
    PolicyScreen .rule Input { width: 1fr; }
    PolicyScreen .flag { height: 3; }
    PolicyScreen .flag Label { padding-top: 1; width: 1fr; }
    PolicyScreen .hint { color: $text-muted; }
    PolicyScreen #policy-effect { height: auto; margin-bottom: 1; }
    PolicyScreen #excluded { height: 1fr; }
    """
    BINDINGS = [
        Binding("ctrl+s", "save", "Save", id="policy-save", tooltip="Save the policy; the queue applies it at once"),
        Binding("ctrl+r", "revert", "Revert", id="policy-revert", tooltip="Back to the saved policy"),
    ]

    def compose(self) -> ComposeResult:
        yield Header()
        with Horizontal():
            with VerticalScroll(id="policy-form"):
                yield Label(Text("In your own words (shown on every card)", "bold"))
                yield TextArea(id="policy-text", soft_wrap=True, tab_behavior="focus")
                yield Static(Text("Lists are comma separated; companies and places match on a part.", "italic"),
                             classes="hint")
                for name in LIST_RULES:
                    with Horizontal(classes="rule"):
                        yield Label(LIST_LABELS[name])
                        yield Input(id=f"rule-{name}", compact=True, placeholder=PLACEHOLDERS[name])
                for name in FLAG_RULES:
                    with Horizontal(classes="flag"):
                        yield Switch(id=f"rule-{name}")
                        yield Label(FLAG_LABELS[name])
            with Vertical(id="policy-side"):
                yield Static(id="policy-effect")
                yield DataTable(id="excluded", cursor_type="row", zebra_stripes=True)
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#excluded", DataTable).add_columns("Not offered", "Why")

    def redraw(self) -> None:
        if self.is_mounted and self.draft() != self.app.store.policy:
            self.show_effect()  # never throw away what the user is typing
            return
        self.load(self.app.store.policy)

    def load(self, policy: Policy) -> None:
        self.query_one("#policy-text", TextArea).load_text(policy.text)
        for name in LIST_RULES:
            self.query_one(f"#rule-{name}", Input).value = ", ".join(getattr(policy, name))
        for name in FLAG_RULES:
            self.query_one(f"#rule-{name}", Switch).value = getattr(policy, name)
        self.show_effect()

    def draft(self) -> Policy:
        values: dict = {"text": self.query_one("#policy-text", TextArea).text.strip()}
        for name in LIST_RULES:
            values[name] = parse_list(self.query_one(f"#rule-{name}", Input).value)
        for name in FLAG_RULES:
            values[name] = self.query_one(f"#rule-{name}", Switch).value
        return Policy(**values)

    @on(Input.Changed)
    @on(Switch.Changed)
    @on(TextArea.Changed)
    def show_effect(self) -> None:
        store = self.app.store
        draft = self.draft()
        queue = build_queue(store.contacts, group_invites(store.invites.values()), store.settings, store.now(),
                            policy=draft)
        effect = Text()
        effect.append(f"{len(queue)} offered, {len(queue.excluded)} not offered", "bold")
        if draft != store.policy:
            effect.append("  · unsaved (ctrl+s saves)", "bold yellow")
        for reason, count in queue.excluded_by_reason().items():
            effect.append(f"\n  {count:>5}  {reason}")
        self.query_one("#policy-effect", Static).update(effect)
        table = self.query_one("#excluded", DataTable)
        table.clear()
        for contact, reason in queue.excluded[:500]:  # a list to look at, not to page through 30,000
            table.add_row(Text(safe(contact.display_name)), Text(reason), key=contact.id)

    def action_save(self) -> None:
        draft = self.draft()
        if draft == self.app.store.policy:
            self.notify("Nothing changed.")
            return
        if self.app.act(self.app.store.set_policy, draft):
            self.notify("Policy saved; the queue applies it now.", title="Policy")
            self.show_effect()

    def action_revert(self) -> None:
        self.load(self.app.store.policy)
