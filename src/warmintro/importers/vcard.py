"""vCard 2.1, 3.0 and 4.0 files, many cards each, as phones and mail programs write them.

vobject does the lexing (unfolding, 2.1 quoted-printable soft breaks, parameters, groups).
Its value decoding is not used: it keeps only the text before the first unescaped comma
of a NOTE or FN, and 2.1 writers never escape commas, so notes would lose words.
"""

from __future__ import annotations

import io
import quopri
import re
from pathlib import Path

from vobject.base import ParseError, getLogicalLines, parseLine

from warmintro.importers.common import Progress, address_book_contact, file_time, report_progress
from warmintro.importers.parsed import ImportFailure, ParsedFile
from warmintro.model.contact import split_full_name

FORMAT = "vcard"

# Pictures and keys can be megabytes of base64; nothing here needs them.
_IGNORED = {"PHOTO", "LOGO", "SOUND", "KEY"}
# Gmail's vCards carry its system groups as plain categories.
_SYSTEM_CATEGORIES = {"mycontacts", "starred", "my contacts"}
_NEWLINES = re.compile(r"\r\n|\r")


def looks_like_vcard(text: str) -> bool:
    return text.lstrip("\ufeff \t\r\n").upper().startswith("BEGIN:VCARD")


class _Card:
    __slots__ = ("line", "version", "props")

    def __init__(self, line: int):
        self.line = line
        self.version = "3.0"
        self.props: list[tuple[str, dict[str, list[str]], str, int]] = []


def parse(text: str, parsed: ParsedFile, progress: Progress | None = None) -> None:
    path = parsed.path
    noted_at = file_time(path)
    total = len(re.findall(r"(?im)^BEGIN:VCARD", text))
    text = _NEWLINES.sub("\n", text)
    physical = text.split("\n")
    card: _Card | None = None
    done = 0
    for logical, number in getLogicalLines(io.StringIO(text), allowQP=True):
        if not logical.strip():
            continue
        # vobject numbers a line that follows a blank line by the blank line (and the first as 0).
        number = max(number, 1)
        while number <= len(physical) and not physical[number - 1].strip():
            number += 1
        try:
            name, params, value, _group = parseLine(logical, number)
        except ParseError:
            raise ImportFailure(path, number, None, f"not a vCard line: {_preview(logical)}") from None
        name = name.upper()
        if name == "BEGIN" and value.strip().upper() == "VCARD":
            if card is not None:
                raise ImportFailure(path, card.line, None,
                                    f"card never ends (END:VCARD missing before line {number})")
            card = _Card(number)
            continue
        if card is None:
            raise ImportFailure(path, number, name, "text outside any BEGIN:VCARD … END:VCARD card")
        if name == "END":
            contact = _contact(card, parsed, noted_at)
            if contact is not None:
                parsed.contacts.append(contact)
            card = None
            done += 1
            report_progress(progress, done, total, every=200)
            continue
        if name == "VERSION":
            card.version = value.strip()
        elif name not in _IGNORED:
            card.props.append((name, _params(params), value, number))
    if card is not None:
        raise ImportFailure(path, card.line, None, "card never ends (END:VCARD missing; truncated file?)")


def _preview(text: str) -> str:
    text = " ".join(text.split())
    return repr(text[:40] + ("…" if len(text) > 40 else ""))


def _params(raw: list[list[str]]) -> dict[str, list[str]]:
    """Parameters by upper-case name; 2.1's bare 'TEL;CELL' becomes TYPE=CELL."""
    out: dict[str, list[str]] = {}
    for name, *values in raw:
        if not values:
            name, values = ("ENCODING" if name.upper() in ("QUOTED-PRINTABLE", "BASE64", "B") else "TYPE"), [name]
        out.setdefault(name.upper(), []).extend(v for vs in values for v in vs.split(","))
    return out


def _decode(params: dict[str, list[str]], value: str, path: Path, line: int, name: str) -> str:
    encodings = {e.upper() for e in params.get("ENCODING", [])}
    if "QUOTED-PRINTABLE" not in encodings:
        return value
    charset = (params.get("CHARSET") or ["utf-8"])[0]
    raw = quopri.decodestring(value.encode("utf-8", "surrogateescape"))
    for encoding in (charset, "utf-8", "cp1252"):
        try:
            return raw.decode(encoding)
        except (LookupError, UnicodeDecodeError):
            continue
    raise ImportFailure(path, line, name, f"quoted-printable text is not {charset}")


_ESCAPES = {"n": "\n", "N": "\n", ",": ",", ";": ";", ":": ":", "\\": "\\"}


_ESCAPED = re.compile(r"\\(.)")


def _unescape(value: str, version: str) -> str:
    if "\\" not in value:  # most values: nothing escaped, and a 30k-card file has 300,000 of them
        return value
    if version.startswith("2"):
        return value.replace("\\;", ";")
    return _ESCAPED.sub(lambda m: _ESCAPES.get(m.group(1), m.group(0)), value)


def _split(value: str, sep: str) -> list[str]:
    """Split on *sep* where it is not backslash-escaped."""
    return re.split(r"(?<!\\)" + re.escape(sep), value)


def _contact(card: _Card, parsed: ParsedFile, noted_at):
    path = parsed.path
    fn = ""
    n_parts: list[str] = []
    org = ""
    title = ""
    emails: list[str] = []
    phones: list[str] = []
    urls: list[str] = []
    tags: list[str] = []
    notes: list[str] = []
    birthday = ""
    for name, params, raw, line in card.props:
        value = _decode(params, raw, path, line, name)
        if name == "FN":
            fn = fn or _unescape(value, card.version).strip()
        elif name == "N":
            n_parts = [_unescape(p, card.version).strip() for p in _split(value, ";")]
        elif name == "ORG":
            org = org or _unescape(_split(value, ";")[0], card.version).strip()
        elif name == "TITLE":
            title = title or _unescape(value, card.version).strip()
        elif name == "EMAIL":
            emails.append(_unescape(value, card.version).strip())
        elif name == "TEL":
            phones.append(_unescape(value, card.version).strip().removeprefix("tel:"))
        elif name in ("URL", "X-SOCIALPROFILE"):
            urls.append(_unescape(value, card.version).strip())
            users = params.get("X-USER", [])
            if users and "linkedin" in ",".join(params.get("TYPE", [])).casefold():
                urls.append(f"https://www.linkedin.com/in/{users[0]}")
        elif name == "CATEGORIES":
            tags.extend(t for t in (_unescape(t, card.version).strip() for t in _split(value, ","))
                        if t.lstrip("* ").casefold() not in _SYSTEM_CATEGORIES)
        elif name == "NOTE":
            notes.append(_unescape(value, card.version))
        elif name == "BDAY":
            birthday = birthday or _birthday(_unescape(value, card.version).strip())
    given = n_parts[1] if len(n_parts) > 1 else ""
    family = n_parts[0] if n_parts else ""
    if not (given or family):
        if fn and "@" not in fn:
            given, family = split_full_name(fn)
        elif org:
            # A card for a company or a front desk: the organisation is its name.
            given = org
    return address_book_contact(
        parsed, first=given, last=family, emails=emails, phones=phones, urls=urls,
        company=org, position=title, tags=tags, note="\n".join(n for n in notes if n.strip()),
        birthday=birthday, noted_at=noted_at,
    )


def _birthday(value: str) -> str:
    """vCard 4.0 writes 19061209 or --1209; the app keeps ISO-like 1906-12-09 or --12-09."""
    if m := re.fullmatch(r"(\d{4})(\d{2})(\d{2})", value):
        return f"{m[1]}-{m[2]}-{m[3]}"
    if m := re.fullmatch(r"--(\d{2})-?(\d{2})", value):
        return f"--{m[1]}-{m[2]}"
    return value.split("T")[0]
