"""The "same text" counter, kept in the snapshot beside the invitations it counts.

Counting 10,000 sent notes again on every start took 60-95 ms of the way to the first card at
30k people (bench/tui_bench.py). The fold writes the counter with a fingerprint of the notes it
counted; a start takes it only when the invitations it reads have exactly those notes, in that
order, and the same counting rules. Anything else (a file written by another version, or by
hand) is counted afresh. Journal records after the fold then move it on, change by change.
"""

from __future__ import annotations

import zlib
from collections import Counter
from typing import Any, Iterable, Mapping

from warmintro.model.invite import Invite

NOTE_COUNTS_KEY = "_sent_note_counts"
# Bumped whenever note_key changes what counts as the same text: older counts are then ignored.
COUNTING_RULES = 1


def fingerprint(invites: Iterable[Invite]) -> str:
    messages = [invite.message for invite in invites]
    joined = "\x1f".join(messages).encode("utf-8", "surrogatepass")
    return f"{len(messages)}:{zlib.crc32(joined):08x}"


def counts_doc(counter: Mapping[str, int], invites: Iterable[Invite]) -> dict[str, Any]:
    return {"key": NOTE_COUNTS_KEY, "rules": COUNTING_RULES, "of": fingerprint(invites), "value": dict(counter)}


def counts_from(doc: Any, invites: Iterable[Invite]) -> Counter | None:
    """The counter the snapshot holds, if it counts exactly these invitations; else None."""
    if not isinstance(doc, dict) or doc.get("rules") != COUNTING_RULES or doc.get("of") != fingerprint(invites):
        return None
    value = doc.get("value")
    if not isinstance(value, dict) or not all(type(n) is int and n > 0 for n in value.values()):
        return None
    return Counter(value)
