"""The person card: who they are, where they came from, what you share, and how likely they are to know you.

Every value is user data, so it goes in as rich Text (never markup) with control characters made visible.
"""

from __future__ import annotations

from datetime import datetime

from rich.text import Text
from textual.widgets import Static

from warmintro.model.common import Ground
from warmintro.model.contact import Contact
from warmintro.model.durations import humanize_age
from warmintro.model.risk import Risk
from warmintro.display import safe, safe_lines  # noqa: F401  (the screens import them from here)

_RISK_STYLE = {"low": "bold green", "medium": "bold yellow", "high": "bold red"}
def card_text(contact: Contact, ground: list[Ground], risk: Risk, segment: str, why: str, now: datetime) -> Text:
    out = Text()
    out.append(safe(contact.display_name), "bold")
    out.append("\n")
    role = " at ".join(safe(v) for v in (contact.position, contact.company) if v)
    if role:
        out.append(role + "\n")
    for label, value in (("location", contact.location), ("LinkedIn", contact.linkedin_url),
                         ("segment", segment), ("tags", ", ".join(contact.tags)),
                         ("from", ", ".join(contact.sources)), ("event", contact.event),
                         ("how we met", contact.how_we_met), ("introduced by", contact.introduced_by),
                         ("I admire", contact.admire), ("why connect", contact.why_connect)):
        if value:
            out.append(f"{label}: ", "dim")
            out.append(safe(value) + "\n")
    if contact.last_interaction is not None:
        out.append("last interaction: ", "dim")
        out.append(humanize_age(contact.last_interaction, now) + "\n")
    if contact.not_on_linkedin:
        out.append("not on LinkedIn\n", "yellow")
    for note in contact.notes[-3:]:
        out.append(f"{note.at:%Y-%m-%d} ", "dim")
        out.append(safe(note.text) + "\n")
    out.append("\nRecognition risk: ", "dim")
    out.append(risk.level, _RISK_STYLE[risk.level])
    out.append(f"  ({why})\n", "dim")
    for reason in risk.reasons:
        out.append(f"  • {safe(reason)}\n")
    out.append("\nCommon ground\n", "dim")
    if not ground:
        out.append("  nothing found: say how you know each other\n", "italic")
    for item in ground:
        out.append(f"  • {safe(item.reason)}\n")
    return out


class PersonCard(Static, can_focus=True):
    DEFAULT_CSS = """
    PersonCard { width: 1fr; padding: 0 1; border: round $primary; height: 1fr; overflow-y: auto; }
    PersonCard:focus { border: round $accent; }
    """

    def show(self, content: Text) -> None:
        """Show the next person, redrawn in place: the layout fixes the card's box (1fr by 1fr) and a
        Static's scroll height does not follow its text, so a layout pass, which redraws the whole
        screen, would change nothing but the time to the next frame."""
        self.update(content, layout=False)
