"""The review session: one person at a time, a personal note, the gauge always in view.

Focus rests on the card so single keys act; `w` (or Tab) moves into the note and Escape comes back.
Every action goes through the store, which makes it durable before the next card appears.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import datetime

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen, Screen
from textual.widgets import Button, Header, Static, TextArea

from warmintro.gcpause import collect_between_keys, no_cyclic_gc
from warmintro.model.common import Network, best_mutual, best_phrase, common_ground
from warmintro.model.durations import DurationError, parse_when
from warmintro.model.gauge import Gauge, check_send, start_of_day
from warmintro.model import icebreak
from warmintro.model.notes import DEFAULT_TEMPLATES, NoteContext, render
from warmintro.model.queue import QueueEntry, blocked_reason, build_queue, group_invites, today_target
from warmintro.model.risk import HIGH, LOW, assess
from warmintro.tui.widgets.card import PersonCard, card_text, safe, safe_lines
from warmintro.tui.widgets.dialogs import Ask, Confirm, EditContact, EditTemplate
from warmintro.tui.widgets.footer import Footer
from warmintro.tui.widgets.gauge import GaugeBar, gauge_text
from warmintro.tui.widgets.lines import TextLines
from warmintro.tui.widgets.note_editor import NoteEditor
from warmintro.tui.widgets.redraw import show

from dateutil.relativedelta import relativedelta


# Seconds after a card is shown to draw the next one ahead: after its frame (about 25 ms after
# the key at 30k people here), before a reader's next key.
AHEAD_DELAY = 0.05


@dataclass
class SessionTally:
    started: datetime
    before: Gauge
    sent: list[str] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)
    snoozed: list[str] = field(default_factory=list)
    past_target: bool = False  # the user deliberately chose to go on past today's target


class SessionSummary(ModalScreen[bool]):
    """Shown when the target is met and on quit. True: go on reviewing past the target."""
    DEFAULT_CSS = """
    SessionSummary { align: center middle; }
    SessionSummary > Vertical { width: 116; max-width: 100%; height: auto; border: thick $success; padding: 1 2; background: $surface; }
    SessionSummary Horizontal { height: auto; margin-top: 1; }
    SessionSummary Button { margin-right: 2; }
    """
    BINDINGS = [Binding("escape", "close(False)", "Close", id="close", tooltip="Close the summary"),
                Binding("g", "close(True)", "Go on", id="go_on", tooltip="Deliberately review past today's target")]

    def __init__(self, title: str, body: Text, *, can_go_on: bool):
        super().__init__()
        self.title_text, self.body, self.can_go_on = title, body, can_go_on

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static(Text(self.title_text, "bold"))
            yield Static(self.body)
            with Horizontal():
                if self.can_go_on:
                    yield Button("Go on past the target (g)", variant="warning", id="go")
                yield Button("Done (Esc)", variant="primary", id="done")

    def action_close(self, go_on: bool) -> None:
        self.dismiss(go_on and self.can_go_on)

    @on(Button.Pressed)
    def pressed(self, event: Button.Pressed) -> None:
        self.dismiss(event.button.id == "go")


class ReviewScreen(Screen):
    AUTO_FOCUS = "PersonCard"

    BINDINGS = [
        Binding("s", "send", "Send", id="review.send",
                tooltip="Record the invitation, copy the note, open the profile"),
        Binding("ctrl+s", "send_from_note", "Send", id="review.send_from_note",
                tooltip="Send while writing the note"),
        Binding("w", "write", "Note", id="review.write", tooltip="Edit the note (Esc to leave it)"),
        Binding("k", "skip", "Skip", id="review.skip", tooltip="Not now; they come back another day"),
        Binding("z", "snooze", "Snooze", id="review.snooze", tooltip="Hide until a date: 3d, 2w, next monday"),
        Binding("n", "never", "Never", id="review.never", tooltip="Never offer this person again (with a reason)"),
        Binding("e", "edit", "Edit", id="review.edit", tooltip="Edit how we met, tags, what you admire and why connect; add a note"),
        # Kept out of the Footer (it is full at 120 columns): the note's heading names this key.
        Binding("ctrl+b", "approach", "Approach", id="review.approach", show=False,
                tooltip="Break the ice another way: common ground, a compliment, or why you want to connect"),
        Binding("t", "template", "Template", id="review.template", show=False,
                tooltip="Edit the note template of this person's segment and approach"),
        Binding("p", "policy", "Policy", id="review.policy",
                tooltip="Your friending policy, and the people it keeps out of the queue"),
        Binding("o", "not_on_linkedin", "No LinkedIn", id="review.not_on_linkedin",
                tooltip="Record that this person has no LinkedIn profile"),
        Binding("u", "undo", "Undo", id="review.undo", tooltip="Undo the last action (send too)"),
        Binding("question_mark", "help", "Help", id="review.help", tooltip="Show every key and what it does"),
        Binding("q", "quit_session", "Quit", id="review.quit", tooltip="Show the summary and leave; nothing is lost"),
        Binding("escape", "leave_note", "Done writing", id="review.leave_note",
                tooltip="Back to the card so single keys act"),
    ]

    def __init__(self, **_options):
        super().__init__()
        self.entry: QueueEntry | None = None
        self.passed: set[str] = set()  # skipped in this session: not offered again until the next one
        self._network: Network | None = None
        self._network_version = -1
        self._queue = None  # the queue as last built, and the store version it still describes
        self._queue_version = -1
        self.tally: SessionTally | None = None
        self.summary_shown = False
        self.approach = icebreak.COMMON
        self.ground = []
        self.excluded = 0  # people the friending policy keeps out of the queue
        self._ahead_timer = None
        self._shown_once = False
        self._passed_head = (None, 0)  # (queue, how many of its first entries are all in passed)

    def compose(self) -> ComposeResult:
        yield Header()
        yield GaugeBar(id="gauge")
        with Horizontal(id="body"):
            yield PersonCard(id="card")
            with Vertical(id="right"):
                yield TextLines(id="heading")
                yield NoteEditor(id="editor")
                yield Static(id="notice")
        yield Footer()

    # ----- state ------------------------------------------------------------------------------

    @property
    def store(self):
        return self.app.store

    def on_mount(self) -> None:
        self.tally = SessionTally(self.store.now(), self.store.gauge())
        self.app.store_changed.subscribe(self, self._store_changed)
        self.advance()
        if not self.store.settings.my_name.strip():
            self.ask_my_name()

    @work(exclusive=True, group="review-action")
    async def ask_my_name(self) -> None:
        """A fresh database does not know who signs the notes; every template ends with {my_name}."""
        name = await self.app.push_screen_wait(Ask(
            "First, your name as you sign your notes (it fills {my_name}; change it later in settings):",
            placeholder="e.g. Sam Rivera"))
        if not name:
            self.notify("Notes keep {my_name} until you set your name (Ctrl+P → settings).",
                        title="No name yet", severity="warning", markup=False)
            return
        if self.app.act(self.store.set_settings, replace(self.store.settings, my_name=name)):
            self.show_entry()

    @property
    def network(self) -> Network:
        """Who the user knows, rebuilt only when a change touched what it is built from."""
        if self._network is None or self._network_version != self.store.network_version:
            with no_cyclic_gc():
                self._network = Network.build(self.store.contacts.values())
            self._network_version = self.store.network_version
        return self._network

    def _store_changed(self, _=None) -> None:
        if self.entry is None:
            # Nobody was left; someone quick-added in another terminal may be now. With a person
            # on screen the card stays put: moving it under the user's fingers would be worse.
            self.advance()
        else:
            self.show_gauge()

    def target(self, gauge: Gauge) -> int:
        return today_target(gauge)

    def show_gauge(self) -> Gauge:
        gauge = self.store.gauge()
        self.query_one(GaugeBar).show(gauge, self.target(gauge))
        return gauge

    def queue(self):
        store = self.store
        gauge = store.gauge()
        notes_left = gauge.notes_month.left  # None on premium
        if self._queue is not None and self._queue_version == (store.version, notes_left):
            return self._queue
        with no_cyclic_gc():
            queue = self._queue = build_queue(store.contacts, group_invites(store.invites.values()), store.settings,
                                              store.now(), notes_left=notes_left, policy=store.policy)
        self.excluded = len(queue.excluded)
        self._queue_version = (store.version, notes_left)
        return queue

    def act_on_person(self, operation, *args, **kwargs):
        """Run an action on the person on screen. The queue built before it stays good: only that
        person changed, and next_entry checks each candidate afresh; any other change (another
        terminal's, say) moves the store on by more than one and the queue is built again."""
        before = self.store.version
        cached = self._queue_version
        result = self.app.act(operation, *args, **kwargs)
        if (result is not None and isinstance(cached, tuple) and cached[0] == before
                and self.store.version == before + 1):
            self._queue_version = (self.store.version, self.store.gauge().notes_month.left)
            if self._queue_version[1] != cached[1]:
                self._queue_version = -1  # a note was spent: a free account's order changes
        return result

    def next_entry(self, after: str | None = None) -> QueueEntry | None:
        """The first person in the queue still to review; with *after*, the one behind that person."""
        queue = self.queue()
        store = self.store
        settings, now = store.settings, store.now()
        # The queue's head of people passed in this session, scanned once: a long session would
        # otherwise walk every one of them twice a key (2 ms a key after 400 skips at 30k).
        # The head holds while people are only added to passed; an undo takes one out and
        # starts the scan again.
        head = self._passed_head[1] if self._passed_head[0] is queue else 0
        for index in range(head, len(queue)):
            entry = queue[index]
            cid = entry.contact.id
            if cid in self.passed:
                if index == head:
                    head += 1
                continue
            self._passed_head = (queue, head)
            if cid == after:
                continue
            contact = store.contacts.get(cid)
            if contact is None or blocked_reason(contact, store.invites_for(cid), settings, now) is not None:
                continue  # acted on since the queue was built
            return replace(entry, contact=contact)
        return None

    def advance(self) -> None:
        """Show the next person, after every action; offer the summary once the target is met."""
        gauge = self.show_gauge()
        self.entry = self.next_entry()
        self.show_entry()
        target = self.target(gauge)
        if (gauge.today.used >= target and self.tally and self.tally.sent and not self.tally.past_target
                and not self.summary_shown):
            self.summary_shown = True
            self.show_summary(f"Today's target is met ({gauge.today.used}/{target}).", can_go_on=True)

    def show_entry(self, keep_approach: bool = False) -> None:
        entry = self.entry
        if entry is None:
            empty = ("Nobody to review yet. Import LinkedIn's export or an address book "
                     "(warmintro import Connections.csv contacts.vcf), or quick-add people you met "
                     "(Ctrl+P, quick-add)." if not self.store.contacts else
                     "Nobody left to review today. Import more people, or come back tomorrow.")
            self.query_one(PersonCard).show(Text.assemble(self.policy_text(), Text(empty, "italic")))
            self.query_one("#heading", TextLines).show(Text())
            self.query_one("#notice", Static).update("")
            self.query_one(NoteEditor).clear()
            return
        self.show_card()
        if not keep_approach:
            self.approach = icebreak.suggested_approach(entry.contact, bool(self.ground))
        self.fill_note()

    def card_for(self, entry: QueueEntry) -> tuple[list, object, Text]:
        """(common ground, recognition risk, the card's text) for one person."""
        store = self.store
        contact, now = entry.contact, store.now()
        ground = common_ground(contact, self.network)
        risk = assess(contact, store.invites_for(contact.id), self.network, now)
        return ground, risk, Text.assemble(self.policy_text(),
                                           card_text(contact, ground, risk, entry.segment, entry.why, now))

    def show_card(self) -> None:
        self.ground, self.risk, text = self.card_for(self.entry)
        self.query_one(PersonCard).show(text)
        # Once this card's frame is out. call_after_refresh can run before that frame (the card has
        # not told the screen it is dirty yet), which would delay it by the drawing ahead.
        if self._ahead_timer is not None:
            self._ahead_timer.stop()
        self._ahead_timer = self.set_timer(AHEAD_DELAY, self.while_reading)

    def while_reading(self) -> None:
        """What the next key will not have to wait for, done while the user reads this card."""
        self._ahead_timer = None
        self.draw_next_card_ahead()
        collect_between_keys()

    def draw_next_card_ahead(self) -> None:
        """Whoever comes after the person on screen (whatever the user does with them), drawn
        now; the card takes the drawing only if its text is still the same."""
        if self.entry is None or not self.is_current:
            return
        following = self.next_entry(after=self.entry.contact.id)
        if following is None:
            return
        ground, _risk, card = self.card_for(following)
        self.query_one(PersonCard).render_ahead(card)
        text, heading, _notice = self.note_for(following, ground,
                                               icebreak.suggested_approach(following.contact, bool(ground)))
        self.query_one("#heading", TextLines).draw_ahead(heading)
        self.query_one(NoteEditor).draw_ahead(text, limit=self.store.settings.effective_note_limit)

    def on_screen_resume(self) -> None:
        """Back from the policy, templates or settings: the queue may have changed under the card."""
        if not self._shown_once:
            self._shown_once = True  # the first resume comes right after on_mount showed the card
            return
        if self.entry is None:
            self.advance()
            return
        queue = self.queue()
        current = self.entry.contact.id
        fresh = queue.entry_for(current)
        if fresh is None:
            self.advance()  # the policy now keeps this person out, say
        else:
            self.entry = fresh
            self.show_gauge()
            self.show_card()  # the note being written stays as it is

    def policy_text(self) -> Text:
        """The user's own words on who they want in their network, on every card, and what it keeps out."""
        policy = self.store.policy
        out = Text()
        if policy.text.strip():
            out.append("Your policy: ", "bold")
            out.append(safe(policy.text.strip()) + "\n", "italic")
        if self.excluded:
            out.append(f"{self.excluded} not offered by your policy (p to see who and why)\n", "dim")
        if out:
            out.append("\n")
        return out

    def template_for(self, segment: str, approach: str | None = None) -> str:
        approach = approach or self.approach
        key = icebreak.template_key(approach, segment)
        return self.store.templates.get(key) or icebreak.default_template(approach, segment, DEFAULT_TEMPLATES)

    def note_for(self, entry: QueueEntry, ground: list, approach: str) -> tuple[str, Text, Text]:
        """(the note, its heading, the notice under it) for *entry*, from their segment's template in *approach*."""
        store = self.store
        contact, now, settings = entry.contact, store.now(), store.settings
        context = NoteContext(my_name=settings.my_name, common=best_phrase(ground), mutual=best_mutual(ground))
        gauge = store.gauge()
        notes_spent = gauge.notes_month.cap is not None and gauge.notes_month.left == 0
        text = "" if notes_spent or not entry.note_advised and gauge.notes_month.cap is not None else \
            safe_lines(render(self.template_for(entry.segment, approach), contact, context))
        heading = Text.assemble(("Note for ", "dim"), (safe(contact.display_name), "bold"),
                                (f" · template: {entry.segment}\n", "dim"),
                                (icebreak.LABELS[approach], "bold"), (" (ctrl+b: another way)", "dim"))
        notice = Text()
        if notes_spent:
            first_next = start_of_day(now).replace(day=1) + relativedelta(months=1)
            notice.append(f"This month's personal notes are used ({gauge.notes_month.used}/{gauge.notes_month.cap}). ",
                          "bold yellow")
            notice.append("Invite without a note only someone who surely knows you (low risk), "
                          f"or snooze (z) until {first_next:%d %b}.", "yellow")
        elif gauge.notes_month.cap is not None and not entry.note_advised:
            notice.append("Low risk: they will know you without a note; save this month's notes for others.", "dim")
        return text, heading, notice

    def fill_note(self) -> None:
        """The note for the person on screen, in the current approach."""
        entry, store = self.entry, self.store
        text, heading, notice = self.note_for(entry, self.ground, self.approach)
        self.query_one(NoteEditor).load(entry.contact, text, limit=store.settings.effective_note_limit,
                                        sent=store.sent_notes(), approach=self.approach)
        self.query_one("#heading", TextLines).show(heading)
        show(self.query_one("#notice", Static), notice)

    def action_approach(self) -> None:
        if self.entry is None:
            return
        self.approach = icebreak.next_approach(self.approach)
        self.fill_note()

    def action_policy(self) -> None:
        self.app.action_open_screen("policy")

    # ----- actions ----------------------------------------------------------------------------

    def action_write(self) -> None:
        self.query_one(NoteEditor).write()

    def action_leave_note(self) -> None:
        self.query_one(PersonCard).focus()

    def on_descendant_focus(self) -> None:
        self.query_one(NoteEditor).follow_focus(self.focused)
        self.refresh_bindings()  # the Footer shows the writing keys only while writing

    def on_descendant_blur(self) -> None:
        self.refresh_bindings()

    def _writing(self) -> bool:
        return isinstance(self.focused, TextArea)

    def action_send_from_note(self) -> None:
        self.action_send()

    def check_action(self, action: str, parameters) -> bool | None:
        if action in ("leave_note", "send_from_note"):
            return self._writing()
        if action in ("send", "skip", "snooze", "never", "edit", "not_on_linkedin", "write", "template",
                      "approach") and self.entry is None:
            return None  # shown greyed: nobody on screen
        return True

    @work(exclusive=True, group="review-action")
    async def action_send(self) -> None:
        entry = self.entry
        if entry is None:
            return
        store, settings, now = self.store, self.store.settings, self.store.now()
        editor = self.query_one(NoteEditor)
        note = editor.text.strip()
        gauge = store.gauge()
        refusal = check_send(gauge, now, with_note=bool(note), settings=settings)
        if refusal is not None:
            self.notify(refusal.message, title=f"Refused: {refusal.limit} limit", severity="error", timeout=10,
                        markup=False)
            return
        if editor.blocked:
            self.notify("Fix the note first (red lines under it).", title="Not sent", severity="warning")
            return
        if not note and gauge.notes_month.cap is not None and gauge.notes_month.left == 0 and self.risk.level != LOW:
            self.notify("Without a note, invite only low-risk people who surely know you. Snooze (z) instead.",
                        title="Not sent", severity="warning", timeout=10)
            return
        high_risk = self.risk.level == HIGH
        if high_risk:
            high_pending = sum(1 for i in store.invites.values() if i.is_open and i.contact_id in store.contacts
                               and assess(store.contacts[i.contact_id], [], None, now).level == HIGH)
            if high_pending >= gauge.strike_headroom:
                self.notify(f"{high_pending} high-risk invitations are already pending; the strike headroom is "
                            f"{gauge.strike_headroom}. Wait for answers or withdraw some first.",
                            title="Refused: strike headroom", severity="error", timeout=10)
                return
        # Refusals come before questions: never ask "go on?" about a send that would be refused anyway.
        target = self.target(gauge)
        if gauge.today.used >= target and not self.tally.past_target:
            go_on = await self.app.push_screen_wait(Confirm(
                f"Today's target ({target}) is met. Invite more anyway?", yes="Go on"))
            if not go_on:
                return
            self.tally.past_target = True
        if high_risk:
            question = Text.assemble("High recognition risk: ", (safe(entry.contact.display_name), "bold"),
                                     " may not know who you are. A stranger's \"I don't know this person\" is a "
                                     "strike. Invite anyway?")
            if not await self.app.push_screen_wait(Confirm(question, yes="Invite anyway")):
                return
        invite = self.act_on_person(store.send_invite, entry.contact.id, note, segment=entry.segment,
                              template=icebreak.template_key(self.approach, entry.segment) if note else "",
                              approach=self.approach if note else "")
        if invite is None:
            return
        self.tally.sent.append(entry.contact.id)
        if note:
            self.app.copy_to_clipboard(note)
        if entry.contact.linkedin_url:
            self.app.open_url(entry.contact.linkedin_url)
        self.notify("Recorded the invitation to " + safe(entry.contact.display_name)
                    + ("; the note is on the clipboard." if note else "."), title="Sent", markup=False)
        self.advance()

    def action_skip(self) -> None:
        if self.entry and self.act_on_person(self.store.skip, self.entry.contact.id):
            self.passed.add(self.entry.contact.id)
            self.tally.skipped.append(self.entry.contact.id)
            self.advance()

    @work(exclusive=True, group="review-action")
    async def action_snooze(self) -> None:
        entry = self.entry
        if entry is None:
            return
        gauge = self.store.gauge()
        # With this month's notes spent, the honest default is to wait until they free up.
        notes_spent = gauge.notes_month.cap is not None and gauge.notes_month.left == 0
        answer = await self.app.push_screen_wait(Ask("Snooze until when? (3d, 2w, next monday, 2026-12-01)",
                                                     placeholder="2w", value="next month" if notes_spent else ""))
        if not answer:
            return
        try:
            until = parse_when(answer, self.store.now())
        except DurationError as exc:
            self.notify(str(exc), title="Not snoozed", severity="warning", markup=False)
            return
        if self.act_on_person(self.store.snooze, entry.contact.id, until):
            self.tally.snoozed.append(entry.contact.id)
            self.notify(f"Snoozed until {until:%a %d %b}.", markup=False)
            self.advance()

    @work(exclusive=True, group="review-action")
    async def action_never(self) -> None:
        entry = self.entry
        if entry is None:
            return
        reason = await self.app.push_screen_wait(Ask("Never offer this person again. Why?",
                                                     placeholder="e.g. recruiter, do not know them"))
        if reason is None:
            return
        if self.act_on_person(self.store.never, entry.contact.id, reason or "no reason given"):
            self.advance()

    @work(exclusive=True, group="review-action")
    async def action_edit(self) -> None:
        entry = self.entry
        if entry is None:
            return
        edits = await self.app.push_screen_wait(EditContact(entry.contact.how_we_met, entry.contact.tags,
                                                            entry.contact.admire, entry.contact.why_connect))
        if edits is None:
            return
        cid = entry.contact.id
        if self.app.act(self.store.update_contact, cid, how_we_met=edits.how_we_met, tags=edits.tags,
                        admire=edits.admire, why_connect=edits.why_connect) and edits.note:
            self.app.act(self.store.add_note, cid, edits.note)
        # Stay on the person just edited (their place in the queue may have moved), with the fresh record.
        queue = self.queue()
        self.entry = queue.entry_for(cid) or self.next_entry()
        self.show_gauge()
        self.show_entry(keep_approach=self.entry is not None and self.entry.contact.id == cid)

    @work(exclusive=True, group="review-action")
    async def action_template(self) -> None:
        entry = self.entry
        if entry is None:
            return
        segment = entry.segment
        key = icebreak.template_key(self.approach, segment)
        label = f"{segment} ({icebreak.LABELS[self.approach]})"
        text = await self.app.push_screen_wait(EditTemplate(label, self.template_for(segment)))
        if text is None:
            return
        # "" means the shipped default: the store forgets the segment's own text.
        if self.app.act(self.store.set_template, key, text or None):
            self.notify(f"Template for {label} saved.", markup=False)
            self.fill_note()

    def action_not_on_linkedin(self) -> None:
        if self.entry and self.act_on_person(self.store.mark_not_on_linkedin, self.entry.contact.id):
            self.notify("Recorded: not on LinkedIn.")
            self.advance()

    def action_undo(self) -> None:
        undone = self.app.undo_last()
        if undone is None:
            return
        # Whoever the undone skip was about is offered again, now; everyone else skipped in this
        # session stays passed, as a skip promises ("they come back another day").
        skipped = self._forget_last(undone)
        if skipped is not None:
            self.passed.discard(skipped)
        self._passed_head = (None, 0)
        self.advance()

    def _forget_last(self, undone: str) -> str | None:
        """Take the undone action out of the session's tally; returns who was skipped, for a skip."""
        if undone.startswith("invite ") and self.tally.sent:
            self.tally.sent.pop()
        elif undone.startswith("skip") and self.tally.skipped:
            return self.tally.skipped.pop()
        elif undone.startswith("snooze") and self.tally.snoozed:
            self.tally.snoozed.pop()
        return None

    def action_help(self) -> None:
        from textual.widgets import HelpPanel

        if self.query(HelpPanel):  # the same key closes it again
            self.app.action_hide_help_panel()
        else:
            self.app.action_show_help_panel()

    def summary_text(self) -> Text:
        tally = self.tally
        now = self.store.now()
        after = self.store.gauge()
        minutes = int((now - tally.started).total_seconds() // 60)
        out = Text()
        out.append(f"sent {len(tally.sent)} · skipped {len(tally.skipped)} · snoozed {len(tally.snoozed)} · "
                   f"time {minutes} min\n\n")
        out.append("before  ", "dim")
        out.append_text(gauge_text(tally.before, today_target(tally.before)))
        out.append("\nafter   ", "dim")
        out.append_text(gauge_text(after, today_target(after)))
        return out

    @work(exclusive=True, group="review-action")
    async def show_summary(self, title: str, *, can_go_on: bool) -> None:
        go_on = await self.app.push_screen_wait(SessionSummary(title, self.summary_text(), can_go_on=can_go_on))
        if go_on:
            self.tally.past_target = True

    @work(exclusive=True, group="review-action")
    async def action_quit_session(self) -> None:
        await self.app.push_screen_wait(SessionSummary("Session summary: everything is saved.",
                                                       self.summary_text(), can_go_on=False))
        self.app.exit()
