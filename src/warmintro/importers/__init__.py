"""Readers for the files people export: each returns what it found and never writes anything.

    parsed = read_file(path)            # or read_file(path, fmt="google")
    plan = plan_import([parsed], ...)   # warmintro.model.identity
"""

from __future__ import annotations

from pathlib import Path

from warmintro.importers import google_csv, linkedin_connections, linkedin_invitations, outlook_csv, vcard
from warmintro.importers.common import DELIMITERS, Progress, Table, csv_rows, find_header, read_text, table_from
from warmintro.importers.parsed import INCOMING, OUTGOING, ImportFailure, ParsedFile, ParsedInvitation

__all__ = [
    "FORMATS", "INCOMING", "OUTGOING", "ImportFailure", "ParsedFile", "ParsedInvitation",
    "detect_format", "read_file",
]

# Checked in this order: the LinkedIn headers are the most specific.
_CSV_SIGNATURES: tuple[tuple[str, tuple[tuple[str, ...], ...]], ...] = (
    (linkedin_connections.FORMAT, (linkedin_connections.REQUIRED,)),
    (linkedin_invitations.FORMAT, (linkedin_invitations.REQUIRED,)),
    (google_csv.FORMAT, google_csv.SIGNATURES),
    (outlook_csv.FORMAT, outlook_csv.SIGNATURES),
)
_CSV_PARSERS = {
    linkedin_connections.FORMAT: linkedin_connections.parse,
    linkedin_invitations.FORMAT: linkedin_invitations.parse,
    google_csv.FORMAT: google_csv.parse,
    outlook_csv.FORMAT: outlook_csv.parse,
}
FORMATS = (*_CSV_PARSERS, vcard.FORMAT)

_SCAN_ROWS = 50


def detect_format(path: str | Path) -> str:
    """The format of *path*, judged by its content (never its name)."""
    path = Path(path)
    return _detect(read_text(path), path)


def read_file(path: str | Path, fmt: str | None = None, progress: Progress | None = None) -> ParsedFile:
    """Everything usable in *path*, or ImportFailure naming the file, line and field."""
    path = Path(path)
    if fmt is not None and fmt not in FORMATS:
        raise ImportFailure(path, None, None, f"unknown format {fmt!r}; choose one of {', '.join(FORMATS)}")
    text = read_text(path)
    fmt = fmt or _detect(text, path)
    parsed = ParsedFile(path=path, format=fmt)
    if fmt == vcard.FORMAT:
        if not vcard.looks_like_vcard(text):
            raise ImportFailure(path, 1, None, "not a vCard file (it does not begin with BEGIN:VCARD)")
        vcard.parse(text, parsed, progress)
        return parsed
    table = _find_table(text, path, fmt)
    if table is None:
        wanted = ", ".join(dict(_CSV_SIGNATURES)[fmt][0])
        raise ImportFailure(path, None, None, f"no {fmt} header row (looked for columns {wanted})")
    _CSV_PARSERS[fmt](table, parsed, progress)
    return parsed


def _header_at(rows, fmt: str) -> int | None:
    for signature in dict(_CSV_SIGNATURES)[fmt]:
        index = find_header(rows, signature, scan=_SCAN_ROWS)
        if index is not None:
            return index
    return None


def _find_table(text: str, path: Path, fmt: str) -> Table | None:
    for delimiter in DELIMITERS:
        if _header_at(csv_rows(text, path, limit=_SCAN_ROWS, delimiter=delimiter), fmt) is None:
            continue
        rows = csv_rows(text, path, delimiter=delimiter)
        return table_from(rows, _header_at(rows, fmt), path)
    return None


def _detect(text: str, path: Path) -> str:
    if vcard.looks_like_vcard(text):
        return vcard.FORMAT
    for delimiter in DELIMITERS:
        rows = csv_rows(text, path, limit=_SCAN_ROWS, delimiter=delimiter)
        for fmt, _ in _CSV_SIGNATURES:
            if _header_at(rows, fmt) is not None:
                return fmt
    if not text.strip():
        raise ImportFailure(path, None, None, "the file is empty")
    raise ImportFailure(path, None, None, "not a recognised export (LinkedIn Connections or Invitations, "
                                          "Google or Outlook CSV, vCard)")
