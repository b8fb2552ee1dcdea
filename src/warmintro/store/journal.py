"""The append-only journal: one checksummed JSON line per acknowledged action.

A line is acknowledged only after write + fsync return, so a kill can leave at
most one torn line at the very end; that line was never acknowledged and is cut
off. A bad line anywhere else means the file was damaged, and the store refuses
to guess.
"""

from __future__ import annotations

import errno
import json
import os
import zlib
from pathlib import Path

from warmintro.store.errors import StoreCorrupt
from warmintro.store.files import fsync_dir, open_private


def encode(record: dict) -> bytes:
    body = json.dumps(record, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    return b"%08x " % zlib.crc32(body) + body + b"\n"


def decode(line: bytes) -> dict | None:
    """The record, or None when the line is torn or damaged."""
    if len(line) < 10 or line[8:9] != b" ":
        return None
    body = line[9:]
    try:
        if int(line[:8], 16) != zlib.crc32(body):
            return None
        return json.loads(body)
    except ValueError:
        return None


class Journal:
    """Reads new lines from where this process left off and appends durably.

    Compaction replaces the journal file with an empty one; a reader still
    holding the old file finishes it before moving to the new one, so no
    record is skipped.
    """

    def __init__(self, path: Path):
        self.path = path
        self._fd = -1
        self._ino = None
        self._offset = 0
        self._pending = b""
        self.records_in_file = 0  # lines read or written in the current file (after a compaction: the new one)
        self._open_current()

    def _open_current(self) -> None:
        existed = self.path.exists()
        fd = open_private(self.path, os.O_RDWR | os.O_APPEND)
        if not existed:
            fsync_dir(self.path.parent)
        if self._fd >= 0:
            os.close(self._fd)
        self._fd = fd
        self._ino = os.fstat(fd).st_ino
        self._offset = 0
        self._pending = b""
        self.records_in_file = 0

    def _read_new(self) -> tuple[list[dict], int]:
        """Complete records after the offset; a trailing partial line stays pending."""
        size = os.fstat(self._fd).st_size
        records: list[dict] = []
        if size <= self._offset:
            return records, size
        data = os.pread(self._fd, size - self._offset, self._offset)
        lines = data.split(b"\n")
        tail = lines.pop()  # b"" when data ends with a newline
        consumed = self._offset
        for line in lines:
            record = decode(line)
            if record is None:
                # Only a line without its newline can be torn: the newline is the last byte a write
                # puts down, and a line is acknowledged only once it is all on disk. A whole line that
                # does not check out was damaged afterwards; dropping it would lose an acknowledged action.
                number = os.pread(self._fd, consumed, 0).count(b"\n") + 1
                raise StoreCorrupt(f"{self.path}: line {number} (byte {consumed}) is damaged")
            records.append(record)
            consumed += len(line) + 1
        self._offset = consumed
        self._pending = tail
        self.records_in_file += len(records)
        return records, size

    def read_new(self) -> list[dict]:
        """Every record added since the last call, following a compaction if one happened."""
        records, _ = self._read_new()
        try:
            current = os.stat(self.path).st_ino
        except FileNotFoundError:
            current = None
        if current != self._ino:
            if self._pending:
                # A torn line in a journal another process already compacted was never acknowledged.
                self._pending = b""
            self._open_current()
            more, _ = self._read_new()
            records.extend(more)
        return records

    def cut_torn_tail(self) -> bool:
        """Drop a torn last line left by a killed writer. Call only under the exclusive lock."""
        if not self._pending:
            return False
        os.ftruncate(self._fd, self._offset)
        os.fsync(self._fd)
        self._pending = b""
        return True

    def append(self, record: dict) -> None:
        """Durable before it returns. On failure the file is cut back so no half line remains."""
        data = encode(record)
        start = self._offset
        size = os.fstat(self._fd).st_size
        if size != start:
            # Only a torn tail can sit past what was read, and only under the exclusive lock
            # may it be cut; anything else means the bookkeeping is wrong: refuse to write.
            if self._pending and size == start + len(self._pending):
                self.cut_torn_tail()
            else:
                raise OSError(errno.EIO, f"the journal is {size} bytes, expected {start}")
        try:
            view = memoryview(data)
            while view:
                written = os.write(self._fd, view)
                view = view[written:]
            os.fsync(self._fd)
        except OSError:
            try:
                os.ftruncate(self._fd, start)
            except OSError:
                pass
            raise
        self._offset = start + len(data)
        self.records_in_file += 1

    def count_bytes(self) -> int:
        return self._offset

    def reset(self, base: dict) -> None:
        """Start a fresh journal holding only *base* (after a snapshot has absorbed this one).

        The base line is written before the rename, so no reader ever finds the new
        journal empty and mistakes it for one that needs nothing from the snapshot.
        """
        new = self.path.with_name(self.path.name + ".new")
        fd = open_private(new, os.O_RDWR | os.O_TRUNC)
        try:
            data = memoryview(encode(base))
            while data:
                data = data[os.write(fd, data):]
            os.fsync(fd)
        finally:
            os.close(fd)
        os.replace(new, self.path)
        fsync_dir(self.path.parent)
        self._open_current()
        self._read_new()

    def close(self) -> None:
        if self._fd >= 0:
            os.close(self._fd)
            self._fd = -1
