"""`warmintro import`: read every file, plan, show the summary, then write it all in one transaction.

Every file is read before the database is opened, so a bad file stops the import before
anything is locked or written (imports are all-or-nothing).
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TextIO

from warmintro.gcpause import no_cyclic_gc
from warmintro.importers import ImportFailure, ParsedFile, read_file
from warmintro.model.identity import plan_import


def run_import(args, db_path: Path, out: TextIO | None = None, err: TextIO | None = None) -> int:
    with no_cyclic_gc():
        return _run_import(args, db_path, out, err)


def _run_import(args, db_path: Path, out: TextIO | None, err: TextIO | None) -> int:
    out = out or sys.stdout
    err = err or sys.stderr
    parsed: list[ParsedFile] = []
    for name in args.files:
        progress = _Progress(Path(name).name, err)
        try:
            parsed.append(read_file(Path(name), args.fmt, progress=progress))
        except ImportFailure as failure:
            progress.clear()
            err.write(f"{failure}\n")
            return 1
        progress.clear()

    from warmintro.store import Store

    with Store.open(db_path) as store:
        plan = plan_import(parsed, dict(store.contacts), dict(store.invites), tag=args.tag, now=store.now())
        for line in plan.summary_lines():
            out.write(line + "\n")
        if args.dry_run:
            out.write("dry run: nothing written\n")
            return 0
        if plan.contacts or plan.invites:
            label = "import " + ", ".join(p.path.name for p in parsed)
            store.import_batch(plan.contacts, plan.invites, label)
    return 0


class _Progress:
    """A one-line counter on a terminal; silent when stderr is a pipe or a file."""

    def __init__(self, name: str, stream: TextIO):
        self.name = name
        self.stream = stream
        self.shown = False
        self.live = bool(getattr(stream, "isatty", lambda: False)())

    def __call__(self, done: int, total: int | None) -> None:
        if not self.live:
            return
        of = f"/{total}" if total else ""
        self.stream.write(f"\rreading {self.name}: {done}{of}")
        self.stream.flush()
        self.shown = True

    def clear(self) -> None:
        if self.shown:
            self.stream.write("\r\x1b[K")
            self.stream.flush()
            self.shown = False
