"""The `warmintro` command: parses arguments, opens the database, hands over. No logic of its own."""

from __future__ import annotations

import argparse
import json
import sys
from datetime import timedelta
from pathlib import Path
from typing import Callable, Sequence

from warmintro import __version__
from warmintro.config import resolve_db_path
from warmintro.model.timeutil import local_now


class UsageError(Exception):
    """Bad arguments: exit status 2, one line naming the option."""


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="warmintro",
        description="Grow your LinkedIn network one deliberate invitation at a time.",
    )
    parser.add_argument("--db", metavar="PATH", help="database file (default: $WARMINTRO_DB, then your user data dir)")
    parser.add_argument("--demo", action="store_true", help="work on a fresh temporary copy of the demo database")
    parser.add_argument("--version", action="version", version=f"warmintro {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    sub.add_parser("review", help="the review session (default)")

    add = sub.add_parser("add", help="quick-add people you met; with NAME it runs without a screen")
    add.add_argument("name", nargs="?", metavar="NAME")
    add.add_argument("--company", default="")
    add.add_argument("--position", default="")
    add.add_argument("--email", default="")
    add.add_argument("--url", default="", help="LinkedIn profile URL")
    add.add_argument("--event", default="")
    add.add_argument("--met-on", default="", metavar="DATE")
    add.add_argument("--note", default="", metavar="TEXT")
    add.add_argument("--tag", action="append", default=[], metavar="T", help="repeatable")

    imp = sub.add_parser("import", help="import LinkedIn exports and address books")
    imp.add_argument("files", nargs="+", metavar="FILE")
    imp.add_argument("--format", dest="fmt", default=None, metavar="F",
                     help="linkedin-connections, linkedin-invitations, google, outlook or vcard")
    imp.add_argument("--tag", default=None, metavar="T", help="tag every person in this batch (their segment)")
    imp.add_argument("--dry-run", action="store_true", help="show what would change; write nothing")

    wd = sub.add_parser("withdraw", help="withdraw stale pending invitations")
    wd.add_argument("--older-than", default=None, metavar="DURATION", help="e.g. 21d, 3w, '2 weeks'")
    wd.add_argument("--export", default=None, metavar="FILE", help="write the checklist (.csv or .md)")
    wd.add_argument("--yes", action="store_true", help="withdraw without a screen")

    st = sub.add_parser("status", help="the gauge: limits used and left")
    st.add_argument("--json", action="store_true")

    ex = sub.add_parser("export", help="export contacts or invitations")
    ex.add_argument("what", choices=["contacts", "invites"])
    ex.add_argument("--format", dest="fmt", choices=["json", "csv"], default="json")
    ex.add_argument("-o", "--output", default=None, metavar="FILE")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    from warmintro.store import OperationRefused, StoreError

    parser = build_parser()
    args = parser.parse_args(argv)
    command = args.command or "review"
    try:
        db_path = _database(args)
        return COMMANDS[command](args, db_path)
    except UsageError as exc:
        print(f"warmintro {command}: {exc}", file=sys.stderr)
        return 2
    except (StoreError, OperationRefused) as exc:
        print(f"warmintro: {exc}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 130


def _database(args) -> Path:
    if args.demo:
        from warmintro.demo import create_demo_db

        return create_demo_db(local_now())
    return resolve_db_path(args.db)


def _open(db_path: Path):
    from warmintro.store import Store

    return Store.open(db_path)


def _terminal_safe(text: str) -> str:
    """What goes to a terminal shows names as text: a contact named with an escape sequence must not
    set the clipboard or hide a link there. Piped or written to a file, the data stays as it is."""
    if sys.stdout.isatty():
        from warmintro.display import safe_lines

        return safe_lines(text)
    return text


def _write_output(text: str, output: str | None) -> None:
    if output is None:
        sys.stdout.write(_terminal_safe(text))
        return
    from warmintro.store.files import atomic_write

    atomic_write(Path(output), text.encode("utf-8"))


def cmd_review(args, db_path: Path, start: str = "review", **options) -> int:
    from warmintro.gcpause import pause_for_start

    pause_for_start()  # until the first screen is up: the app's on_mount turns the collector back on
    from warmintro.tui.app import make_app

    with _open(db_path) as store:
        app = make_app(store, start=start, **options)
        app.run()
    return app.return_code or 0


def cmd_add(args, db_path: Path) -> int:
    if args.name is None:
        return cmd_review(args, db_path, start="add")
    from warmintro.model.contact import (Contact, Note, clean_text, new_id, normalize_email,
                                         normalize_linkedin_url, split_full_name)
    from warmintro.model.durations import DurationError, parse_day

    first, last = split_full_name(args.name)
    if not first:
        raise UsageError("NAME: a name is required")
    email = normalize_email(args.email) if args.email else ""
    if args.email and not email:
        raise UsageError(f"--email: {args.email!r} is not an email address")
    url = normalize_linkedin_url(args.url) if args.url else ""
    if args.url and not url:
        raise UsageError(f"--url: {args.url!r} is not a LinkedIn profile URL (linkedin.com/in/…)")
    now = local_now()
    met_on = None
    if args.met_on or args.event:
        try:
            met_on = parse_day(args.met_on, now)
        except DurationError as exc:
            raise UsageError(f"--met-on: {exc}") from None
    event = clean_text(args.event)
    tags = list(dict.fromkeys(clean_text(t) for t in args.tag if clean_text(t)))
    sources = ["quick-add"] + ([f"event:{event}"] if event else [])
    contact = Contact(
        id=new_id(), first_name=first, last_name=last, emails=[email] if email else [], linkedin_url=url,
        company=clean_text(args.company), position=clean_text(args.position), tags=tags, sources=sources,
        event=event, met_on=met_on, how_we_met=args.note.strip(), segment="event" if event else "",
        added_at=now, last_interaction=now if event else None,
        notes=[Note(at=now, text=args.note.strip())] if args.note.strip() else [],
    )
    with _open(db_path) as store:
        store.add_contact(contact)
    print(contact.id)
    return 0


def cmd_import(args, db_path: Path) -> int:
    from warmintro.importing import run_import

    return run_import(args, db_path)


def cmd_withdraw(args, db_path: Path) -> int:
    from warmintro.exporting import checklist_format, withdraw_checklist
    from warmintro.model.durations import DurationError, duration_days
    from warmintro.model.durations import humanize_span
    from warmintro.model.invite import stale_open_invites

    now = local_now()
    older_than_days = None
    if args.older_than:
        try:
            older_than_days = duration_days(args.older_than, now)
        except DurationError as exc:
            raise UsageError(f"--older-than: {exc}") from None
    if not args.yes and not args.export:
        return cmd_review(args, db_path, start="withdraw", older_than_days=older_than_days)
    with _open(db_path) as store:
        days = older_than_days if older_than_days is not None else store.settings.stale_after_days
        stale = stale_open_invites(store.invites.values(), now, timedelta(days=days))
        rows = []
        for inv in stale:
            contact = store.contacts.get(inv.contact_id)
            rows.append({"name": contact.display_name if contact else inv.contact_id,
                         "linkedin_url": contact.linkedin_url if contact else "",
                         "sent_at": inv.sent_at.isoformat(), "age": humanize_span(inv.sent_at, now)})
        if args.export:
            _write_output(withdraw_checklist(rows, checklist_format(args.export)), args.export)
        if args.yes:
            if stale:
                store.withdraw([inv.id for inv in stale])
            until = now + timedelta(days=store.settings.reinvite_cooldown_days)
            print(f"withdrew {len(stale)} invitation{'s' if len(stale) != 1 else ''} older than {days:g} days"
                  + (f"; they can be invited again from {until:%d %b %Y}" if stale else ""))
        else:
            print(f"{len(stale)} invitation{'s' if len(stale) != 1 else ''} older than {days:g} days "
                  f"written to {args.export}; nothing withdrawn (add --yes to record them as withdrawn)")
    return 0


def cmd_status(args, db_path: Path) -> int:
    from warmintro.reports import status_dict, status_table

    with _open(db_path) as store:
        status = status_dict(store)
    if args.json:
        print(json.dumps(status))
    else:
        print(_terminal_safe(status_table(status)))
    return 0


def cmd_export(args, db_path: Path) -> int:
    from warmintro import exporting

    with _open(db_path) as store:
        if args.what == "contacts":
            rows = [exporting.contact_row(c) for c in store.contacts.values()]
            columns = exporting.CONTACT_COLUMNS
        else:
            invites = sorted(store.invites.values(), key=lambda inv: inv.sent_at)
            rows = [exporting.invite_row(i) for i in invites]
            columns = exporting.INVITE_COLUMNS
    text = exporting.to_json(rows) if args.fmt == "json" else exporting.to_csv(rows, columns)
    _write_output(text, args.output)
    return 0


COMMANDS: dict[str, Callable[..., int]] = {
    "review": cmd_review,
    "add": cmd_add,
    "import": cmd_import,
    "withdraw": cmd_withdraw,
    "status": cmd_status,
    "export": cmd_export,
}
