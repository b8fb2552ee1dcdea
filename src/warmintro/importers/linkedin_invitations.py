"""LinkedIn's Invitations.csv: invitations sent and received, accepted ones included."""

from __future__ import annotations

from warmintro.importers.common import Progress, Table, filled_rows, parse_local_datetime
from warmintro.importers.parsed import INCOMING, OUTGOING, ImportFailure, ParsedFile, ParsedInvitation
from warmintro.model.contact import clean_text, normalize_linkedin_url

FORMAT = "linkedin-invitations"
REQUIRED = ("From", "To", "Sent At", "Direction")
NO_NAME = "invitations with no name for the other person"


def parse(table: Table, parsed: ParsedFile, progress: Progress | None = None) -> None:
    for line, row in filled_rows(table, progress):
        direction = table.cell(row, "Direction").strip().upper()
        if direction not in (INCOMING, OUTGOING):
            raise ImportFailure(table.path, line, "Direction",
                                f"expected OUTGOING or INCOMING, found {direction or 'nothing'!r}")
        sent_at = parse_local_datetime(table.cell(row, "Sent At"), table.path, line, "Sent At")
        invitation = ParsedInvitation(
            direction=direction,
            from_name=clean_text(table.cell(row, "From")),
            to_name=clean_text(table.cell(row, "To")),
            sent_at=sent_at,
            message=table.cell(row, "Message").strip(),
            inviter_url=normalize_linkedin_url(table.cell(row, "inviterProfileUrl")),
            invitee_url=normalize_linkedin_url(table.cell(row, "inviteeProfileUrl")),
            line=line,
        )
        if not invitation.other_name and not invitation.other_url:
            parsed.skip(NO_NAME)
            continue
        parsed.invitations.append(invitation)

