"""Showing user data on a terminal: names, notes and companies are data, never escape sequences.

Escape (ANSI, OSC 8 links, OSC 52 clipboard writes), bidi overrides and invisible characters would
let a contact's name restyle, reorder, hide or impersonate text on the user's screen, so they are
shown as \\uXXXX. Zero-width joiners and non-joiners are left alone: emoji and Persian names need them.
"""

from __future__ import annotations

_CONTROL = {cp: f"\\u{cp:04x}" for cp in (*range(0x00, 0x20), 0x7F, *range(0x80, 0xA0), 0x061C, 0x200B,
                                           *range(0x200E, 0x2010), 0x2028, 0x2029, *range(0x202A, 0x202F),
                                           *range(0x2066, 0x206A), 0xFEFF)}
_CONTROL_BUT_NEWLINE = {cp: text for cp, text in _CONTROL.items() if cp != 0x0A}


def safe(value: object) -> str:
    """Plain text with control, bidi and invisible characters shown as \\uXXXX."""
    return str(value).translate(_CONTROL)


def safe_lines(value: object) -> str:
    """Like safe, but line breaks stay line breaks: for notes and previews that span lines."""
    return str(value).translate(_CONTROL_BUT_NEWLINE)
