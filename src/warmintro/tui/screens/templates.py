"""Templates: one note template per segment, edited with a live preview on a sample person and the lint.

The preview uses a real person of that segment when there is one, so the user sees what the
review will prefill tomorrow; a fictional sample stands in for an empty segment.
"""

from __future__ import annotations

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.widgets import Header, OptionList, Static, TextArea
from textual.widgets.option_list import Option

from warmintro.model import icebreak
from warmintro.model.common import Network, best_mutual, best_phrase, common_ground
from warmintro.model.contact import Contact
from warmintro.model.notes import DEFAULT_TEMPLATES, PLACEHOLDERS, NoteContext, lint, render
from warmintro.model.segments import LABELS, SEGMENTS, segment_of
from warmintro.tui.screens.base import SubScreen
from warmintro.tui.widgets.card import safe, safe_lines
from warmintro.tui.widgets.footer import Footer
from warmintro.tui.widgets.note_editor import lint_text

SAMPLE = Contact(id="sample", first_name="Jordan", last_name="Lee", company="Northwind", position="Product lead",
                 event="PyCon", how_we_met="talked about testing", mutual=["Bo Chen"],
                 admire="your talk on property-based testing", why_connect="I'm starting a testing guild in Lisbon.")


def sample_for(segment: str, contacts, approach: str = icebreak.COMMON) -> Contact:
    """The first person of the segment with what the approach needs, else the fictional sample."""
    needs = {icebreak.COMPLIMENT: "admire", icebreak.DIRECT: "why_connect"}.get(approach)
    for contact in contacts:
        if contact.first_name and segment_of(contact) == segment and (needs is None or getattr(contact, needs)):
            return contact
    return SAMPLE


class TemplatesScreen(SubScreen):
    SUB_TITLE = "Templates: one note per segment"
    AUTO_FOCUS = "#segments"
    DEFAULT_CSS = """
    TemplatesScreen #templates-body { padding: 0 1; }
    TemplatesScreen #segments { width: 34; height: 100%; }
    TemplatesScreen #template-side { padding-left: 2; width: 1fr; }
    TemplatesScreen #template { height: 8; }
    TemplatesScreen #template-state { height: 1; color: $text-muted; }
    TemplatesScreen #placeholders { height: auto; color: $text-muted; margin-bottom: 1; }
    TemplatesScreen #preview-title { text-style: bold; color: $primary; margin-top: 1; }
    TemplatesScreen #preview { height: auto; border: round $primary; padding: 0 1; }
    TemplatesScreen #preview-lint { height: auto; }
    """

    BINDINGS = [
        Binding("ctrl+s", "save", "Save", id="templates-save", tooltip="Save this segment's template"),
        Binding("ctrl+r", "shipped", "Shipped default", id="templates-default",
                tooltip="Go back to the template the app ships for this segment"),
        Binding("ctrl+b", "approach", "Approach", id="templates-approach",
                tooltip="Common ground, an honest compliment, or why you want to connect: each has its templates"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.segment = SEGMENTS[0]
        self.network: Network | None = None
        self.approach = icebreak.COMMON
        self.drafts: dict[tuple[str, str], str] = {}  # unsaved text of (approach, segment) the user moved away from
        self.warned_unsaved = False

    def compose(self) -> ComposeResult:
        yield Header()
        with Horizontal(id="templates-body"):
            yield OptionList(*(Option(Text(LABELS[s]), id=s) for s in SEGMENTS), id="segments")
            with Vertical(id="template-side"):
                yield Static(id="template-state")
                yield TextArea(id="template", soft_wrap=True, tab_behavior="focus")
                yield Static(Text("Placeholders: " + " ".join("{%s}" % p for p in PLACEHOLDERS)),
                             id="placeholders")
                yield Static(id="preview-title")
                yield Static(id="preview")
                yield Static(id="preview-lint")
        yield Footer()

    def on_mount(self) -> None:
        self.network = Network.build(self.app.store.contacts.values())
        self.query_one("#segments", OptionList).highlighted = 0

    # SubScreen calls redraw on mount and whenever the store changes (another terminal, say).
    def redraw(self) -> None:
        if self.is_mounted and self.edited():
            self.show_state()  # never throw away what the user is typing
            return
        self.load_segment(self.segment)

    def edited(self) -> bool:
        return self.query_one("#template", TextArea).text.strip() != self.saved_text(self.segment).strip()

    def key(self, segment: str) -> str:
        return icebreak.template_key(self.approach, segment)

    def saved_text(self, segment: str) -> str:
        return self.app.store.templates.get(self.key(segment)) or \
            icebreak.default_template(self.approach, segment, DEFAULT_TEMPLATES)

    def load_segment(self, segment: str) -> None:
        self.segment = segment
        self.query_one("#template", TextArea).load_text(self.drafts.pop((self.approach, segment), None)
                                                        or self.saved_text(segment))
        self.show_state()
        self.preview()

    def show_state(self) -> None:
        custom = self.key(self.segment) in self.app.store.templates
        edited = self.edited()
        state = Text.assemble((LABELS[self.segment], "bold"), " · ", (icebreak.LABELS[self.approach], "bold"), " · ",
                              "your own template" if custom else "the shipped default",
                              (" · unsaved changes (ctrl+s saves)" if edited else "", "bold yellow"))
        self.query_one("#template-state", Static).update(state)

    @on(OptionList.OptionHighlighted, "#segments")
    def segment_chosen(self, event: OptionList.OptionHighlighted) -> None:
        if event.option.id and event.option.id != self.segment:
            self.keep_draft()
            self.load_segment(event.option.id)

    def keep_draft(self) -> None:
        if self.edited():
            self.drafts[(self.approach, self.segment)] = self.query_one("#template", TextArea).text

    def action_approach(self) -> None:
        self.keep_draft()
        self.approach = icebreak.next_approach(self.approach)
        self.load_segment(self.segment)

    @on(TextArea.Changed, "#template")
    def preview(self) -> None:
        store = self.app.store
        template = self.query_one("#template", TextArea).text
        person = sample_for(self.segment, store.contacts.values(), self.approach)
        ground = common_ground(person, self.network) if self.network is not None and person is not SAMPLE else []
        context = NoteContext(my_name=store.settings.my_name or "Alex",
                              common=best_phrase(ground) or "we both know Bo Chen", mutual=best_mutual(ground))
        note = render(template, person, context)
        limit = store.settings.effective_note_limit
        title = Text.assemble("Preview for ", (safe(person.display_name), "bold"),
                              (" (a sample: nobody in this segment yet)" if person is SAMPLE else "", "dim"),
                              (f" · {len(note.strip())}/{limit}", "dim"))
        self.query_one("#preview-title", Static).update(title)
        self.query_one("#preview", Static).update(Text(safe_lines(note)))
        self.query_one("#preview-lint", Static).update(lint_text(lint(note, person, limit=limit,
                                                                      approach=self.approach)))
        self.show_state()

    def action_save(self) -> None:
        text = self.query_one("#template", TextArea).text.strip()
        if not text:
            self.notify("An empty template would send no note; ctrl+r goes back to the shipped default.",
                        title="Not saved", severity="warning")
            return
        if self.app.act(self.app.store.set_template, self.key(self.segment), text):
            self.drafts.pop((self.approach, self.segment), None)
            self.notify(f"Template for {LABELS[self.segment]} saved.", markup=False)
            self.show_state()

    def action_shipped(self) -> None:
        if self.app.act(self.app.store.set_template, self.key(self.segment), None):
            self.drafts.pop((self.approach, self.segment), None)
            self.notify(f"{LABELS[self.segment]}: back to the shipped default.", markup=False)
            self.load_segment(self.segment)

    def action_back(self) -> None:
        unsaved = sorted({*self.drafts, *([(self.approach, self.segment)] if self.edited() else [])})
        if unsaved and not self.warned_unsaved:
            self.warned_unsaved = True
            self.notify("Unsaved: " + ", ".join(f"{LABELS[s]} ({icebreak.LABELS[a]})" for a, s in unsaved)
                        + ". ctrl+s saves; Escape again leaves without saving.",
                        title="Templates", severity="warning", markup=False)
            return
        super().action_back()
