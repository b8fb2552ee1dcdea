"""Shared reading machinery: bytes to text, CSV rows with line numbers, headers, dates."""

from __future__ import annotations

import codecs
import csv
import io
import re
from dataclasses import dataclass
from datetime import date, datetime, time, timezone
from functools import lru_cache
from pathlib import Path
from typing import Callable, Iterable, Iterator

from warmintro.importers.parsed import ImportFailure, ParsedFile
from warmintro.model.contact import Contact, Note, clean_text, new_id, normalize_email, normalize_linkedin_url
from warmintro.model.timeutil import ensure_aware

Progress = Callable[[int, "int | None"], None]

MULTI_SEP = " ::: "
NO_NAME_NO_EMAIL = "rows with no name and no email"

# Larger than any real export cell; the csv module's default (128 KiB) rejects long notes.
# The limit is process-wide in the csv module; raising it harms no other reader.
csv.field_size_limit(16 * 1024 * 1024)


def read_text(path: Path) -> str:
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise ImportFailure(path, None, None, f"cannot read the file: {exc.strerror or exc}") from None
    return decode_bytes(data, path)


def decode_bytes(data: bytes, path: Path) -> str:
    """Text from an export in whatever encoding its writer chose.

    Exports come as UTF-8 (with or without BOM), UTF-16 with BOM (Excel "Unicode text")
    or Windows-1252 (Outlook desktop). A NUL byte without a UTF-16 pattern means binary.
    """
    for bom, encoding in ((codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
                          (codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"),
                          (codecs.BOM_UTF16_BE, "utf-16")):
        if data.startswith(bom):
            try:
                return data.decode(encoding)
            except UnicodeDecodeError as exc:
                raise ImportFailure(path, _line_of(data, exc.start), None,
                                    f"not valid {encoding.upper()} text") from None
    if b"\x00" in data:
        guess = _bomless_utf16(data)
        if guess:
            try:
                return data.decode(guess)
            except UnicodeDecodeError:
                pass
        raise ImportFailure(path, _line_of(data, data.index(b"\x00")), None,
                            "binary data, not a text export")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("cp1252")
    except UnicodeDecodeError:
        # cp1252 leaves five bytes undefined; Latin-1 maps them, as Windows itself does.
        return data.decode("latin-1")


def _bomless_utf16(data: bytes) -> str | None:
    sample = data[:4096]
    even, odd = sample[0::2], sample[1::2]
    if odd and odd.count(0) > 0.4 * len(odd) and even.count(0) < 0.05 * len(even):
        return "utf-16-le"
    if even and even.count(0) > 0.4 * len(even) and odd.count(0) < 0.05 * len(odd):
        return "utf-16-be"
    return None


def _line_of(data: bytes, offset: int) -> int:
    return data.count(b"\n", 0, offset) + 1


# Excel re-saves with ';' where the decimal mark is a comma, and its "Unicode text" uses tabs.
DELIMITERS = (",", ";", "\t")


def csv_rows(text: str, path: Path, limit: int | None = None,
             delimiter: str = ",") -> list[tuple[int, list[str]]]:
    """Every CSV record with the line it starts on; a broken quote is one clear failure."""
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)
    rows: list[tuple[int, list[str]]] = []
    start = 1
    try:
        for row in reader:
            rows.append((start, row))
            start = reader.line_num + 1
            if limit is not None and len(rows) >= limit:
                break
    except csv.Error as exc:
        if limit is not None:
            return rows
        message = str(exc)
        if "unexpected end of data" in message:
            message = "a quoted field is never closed (the file may be truncated)"
        raise ImportFailure(path, start, None, f"not readable as CSV: {message}") from None
    return rows


@lru_cache(maxsize=1024)  # asked for each column's name on every row: a 30k file asks 200,000 times
def header_key(cell: str) -> str:
    return " ".join(cell.replace("\ufeff", "").strip().strip('"').casefold().split())


@dataclass(slots=True)
class Table:
    """The data rows under a header, read by column name so column order never matters."""

    path: Path
    header_line: int
    columns: dict[str, int]
    rows: list[tuple[int, list[str]]]

    def has(self, name: str) -> bool:
        return header_key(name) in self.columns

    def cell(self, row: list[str], *names: str) -> str:
        """The first non-empty cell among *names* (exports rename columns between versions)."""
        for name in names:
            index = self.columns.get(header_key(name))
            if index is not None and index < len(row):
                value = row[index]
                if value.strip():
                    return value
        return ""

    def cells_matching(self, row: list[str], pattern: re.Pattern) -> list[str]:
        return [row[i] for key, i in self.columns.items()
                if pattern.fullmatch(key) and i < len(row) and row[i].strip()]


def find_header(rows: Iterable[tuple[int, list[str]]], required: Iterable[str],
                scan: int = 50) -> int | None:
    """Index of the first row holding every *required* column name, looked for by content."""
    wanted = {header_key(r) for r in required}
    for index, (_, row) in enumerate(rows):
        if index >= scan:
            break
        if wanted <= {header_key(c) for c in row}:
            return index
    return None


def table_from(rows: list[tuple[int, list[str]]], header_index: int, path: Path) -> Table:
    line, header = rows[header_index]
    columns: dict[str, int] = {}
    for i, name in enumerate(header):
        columns.setdefault(header_key(name), i)
    return Table(path, line, columns, rows[header_index + 1:])


def is_blank(row: list[str]) -> bool:
    return not any(cell.strip() for cell in row)


def split_multi(value: str, sep: str = MULTI_SEP) -> list[str]:
    """Google joins several values in one cell with ' ::: '."""
    return [part.strip() for part in value.split(sep.strip()) if part.strip()]


def report_progress(progress: Progress | None, done: int, total: int | None, every: int = 500) -> None:
    if progress is not None and (done % every == 0 or done == total):
        progress(done, total)


def filled_rows(table: "Table", progress: Progress | None = None) -> Iterator[tuple[int, list[str]]]:
    """Each (line number, row) that holds anything, counting every row read for the progress line."""
    total = len(table.rows)
    for done, (line, row) in enumerate(table.rows, start=1):
        report_progress(progress, done, total)
        if not is_blank(row):
            yield line, row


_MONTHS = {m: i for i, m in enumerate(
    ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"), start=1)}
_DAY_MON_YEAR = re.compile(r"(\d{1,2})[ -]([A-Za-z]{3,9})\.?[ -](\d{4}|\d{2})")
_US_DATE = re.compile(
    r"(\d{1,2})/(\d{1,2})/(\d{4}|\d{2})"
    r"(?:,?\s*(\d{1,2}):(\d{2})(?::(\d{2}))?\s*([AaPp]\.?[Mm]\.?)?)?")
_ISO = re.compile(r"(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2}))?)?")
# What a spreadsheet in a European locale turns a date into when it re-saves the file.
_DOTTED = re.compile(r"(\d{1,2})\.(\d{1,2})\.(\d{4}|\d{2})")
_UTC_SUFFIX = re.compile(r"\s*(?:UTC|GMT|Z)$", re.IGNORECASE)


def _year(text: str) -> int:
    return int(text) + 2000 if len(text) == 2 else int(text)


@lru_cache(maxsize=4096)  # thousands of connections share a day; the result is immutable
def parse_date_time(value: str) -> tuple[date, time | None]:
    """The date (and time, if written) of the forms LinkedIn and Excel write.

    Seen: '09 Sep 2022', '9-Sep-22' (Excel), '1/8/18, 6:14 PM' (2018; US month first),
    ISO, and 09.09.2022 from European spreadsheets. A slashed date is always US order:
    guessing day-first for "31/1/22" would silently mix orders within one file.
    Newer exports put a narrow no-break space before PM. Raises ValueError.
    """
    text = " ".join(value.replace("\u202f", " ").replace("\xa0", " ").split())
    if m := _DAY_MON_YEAR.fullmatch(text):
        month = _MONTHS.get(m.group(2)[:3].casefold())
        if month is None:
            raise ValueError(value)
        return date(_year(m.group(3)), month, int(m.group(1))), None
    if m := _US_DATE.fullmatch(text):
        day = date(_year(m.group(3)), int(m.group(1)), int(m.group(2)))
        if m.group(4) is None:
            return day, None
        hour, minute, second = int(m.group(4)), int(m.group(5)), int(m.group(6) or 0)
        if m.group(7):
            if not 1 <= hour <= 12:
                raise ValueError(value)
            hour = hour % 12 + (12 if m.group(7)[0] in "Pp" else 0)
        return day, time(hour, minute, second)
    if m := _DOTTED.fullmatch(text):
        return date(_year(m.group(3)), int(m.group(2)), int(m.group(1))), None
    if m := _ISO.fullmatch(text):
        day = date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
        if m.group(4) is None:
            return day, None
        return day, time(int(m.group(4)), int(m.group(5)), int(m.group(6) or 0))
    raise ValueError(value)


def parse_date(value: str, path: Path, line: int, field: str) -> date:
    try:
        return parse_date_time(value)[0]
    except ValueError:
        raise ImportFailure(path, line, field, f"cannot read {value.strip()!r} as a date") from None


def parse_local_datetime(value: str, path: Path, line: int, field: str) -> datetime:
    """An aware datetime; exports write no zone, so the wall time is the user's local time."""
    try:
        text, utc = _UTC_SUFFIX.subn("", value.strip())
        day, at = parse_date_time(text)
        naive = datetime.combine(day, at or time(0, 0))
        return naive.replace(tzinfo=timezone.utc) if utc else ensure_aware(naive)
    except (ValueError, OverflowError, OSError):
        raise ImportFailure(path, line, field, f"cannot read {value.strip()!r} as a date and time") from None


def file_time(path: Path) -> datetime:
    """When the file was written: the honest date for a note read from it.

    A fixed date (not "now") keeps re-imports from adding the same note again.
    """
    try:
        return datetime.fromtimestamp(path.stat().st_mtime).astimezone()
    except (OSError, OverflowError, ValueError):
        return ensure_aware(datetime(2000, 1, 1))


def address_book_contact(parsed: ParsedFile, *, first: str, last: str, emails: Iterable[str] = (),
                         phones: Iterable[str] = (), urls: Iterable[str] = (), company: str = "",
                         position: str = "", tags: Iterable[str] = (), note: str = "",
                         birthday: str = "", noted_at: datetime | None = None,
                         location: str = "") -> Contact | None:
    """A Contact from address-book fields, or None (counted as skipped) without name and email."""
    first, last = clean_text(first), clean_text(last)
    kept_emails: list[str] = []
    seen: set[str] = set()
    for raw in emails:
        key = normalize_email(raw)
        if key and key not in seen:
            seen.add(key)
            kept_emails.append(raw.strip().removeprefix("mailto:").removeprefix("MAILTO:"))
    if not (first or last or kept_emails):
        parsed.skip(NO_NAME_NO_EMAIL)
        return None
    linkedin = next((u for u in map(normalize_linkedin_url, urls) if u), "")
    kept_tags: list[str] = []
    for tag in tags:
        tag = clean_text(tag)
        if tag and tag.casefold() not in {t.casefold() for t in kept_tags}:
            kept_tags.append(tag)
    kept_phones: list[str] = []
    for phone in phones:
        phone = clean_text(phone)
        if phone and phone not in kept_phones:
            kept_phones.append(phone)
    note = note.replace("\r\n", "\n").replace("\r", "\n").strip()
    return Contact(
        id=new_id(), first_name=first, last_name=last, emails=kept_emails, phones=kept_phones,
        linkedin_url=linkedin, company=clean_text(company), position=clean_text(position),
        location=clean_text(location), tags=kept_tags, sources=[parsed.source],
        notes=[Note(at=noted_at or file_time(parsed.path), text=note)] if note else [],
        birthday=clean_text(birthday),
    )

