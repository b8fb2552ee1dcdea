"""Durable, private file primitives: owner-only modes, fsync of file and directory, atomic replace, a lock."""

from __future__ import annotations

import errno
import fcntl
import os
import time
from pathlib import Path

from warmintro.store.errors import StoreBusy, StoreError

PRIVATE = 0o600


def open_private(path: Path, flags: int) -> int:
    """Open (creating with mode 0600) and force the mode even under a permissive umask."""
    fd = os.open(path, flags | os.O_CREAT, PRIVATE)
    try:
        os.fchmod(fd, PRIVATE)
    except OSError:
        os.close(fd)
        raise
    return fd


def fsync_dir(directory: Path) -> None:
    """Make a rename or a new file's directory entry survive a power cut."""
    fd = os.open(directory, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def atomic_write(path: Path, data: bytes) -> None:
    """Temp file, fsync, rename, fsync the directory: the file is either old or new, never half."""
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    fd = open_private(tmp, os.O_WRONLY | os.O_TRUNC)
    try:
        view = memoryview(data)
        while view:
            written = os.write(fd, view)
            view = view[written:]
        os.fsync(fd)
    except BaseException:
        os.close(fd)
        try:
            tmp.unlink()
        except OSError:
            pass
        raise
    os.close(fd)
    os.replace(tmp, path)
    fsync_dir(path.parent)


def describe_os_error(exc: OSError, path: Path) -> str:
    reason = {
        errno.ENOSPC: "the disk is full",
        errno.EROFS: "the file system is read-only",
        errno.EACCES: "permission denied",
        errno.EDQUOT: "the disk quota is exceeded",
    }.get(exc.errno, exc.strerror or str(exc))
    return f"{path}: could not save: {reason}"


class FileLock:
    """An advisory flock on a side file: exclusive to write, shared to read.

    TinyDB does not lock, so two terminals (a review and a quick-add) would
    otherwise overwrite each other's changes.
    """

    def __init__(self, path: Path, timeout: float = 10.0):
        self.path = path
        self.timeout = timeout
        try:
            self._fd = open_private(path, os.O_RDWR)
        except OSError as exc:
            raise StoreError(f"{path}: cannot open the lock file: {exc.strerror}") from exc
        self._depth = 0
        self._mode = 0

    def acquire(self, exclusive: bool) -> None:
        if self._depth:
            if exclusive and self._mode != fcntl.LOCK_EX:
                raise RuntimeError("cannot upgrade a shared lock while holding it")
            self._depth += 1
            return
        mode = fcntl.LOCK_EX if exclusive else fcntl.LOCK_SH
        deadline = time.monotonic() + self.timeout
        delay = 0.001
        while True:
            try:
                fcntl.flock(self._fd, mode | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() >= deadline:
                    raise StoreBusy(f"{self.path}: another warmintro has held the database for "
                                    f"{self.timeout:.0f} s; try again") from None
                time.sleep(delay)
                delay = min(delay * 2, 0.05)
        self._mode = mode
        self._depth = 1

    def release(self) -> None:
        self._depth -= 1
        if self._depth == 0:
            fcntl.flock(self._fd, fcntl.LOCK_UN)

    def exclusive(self):
        return _Held(self, True)

    def shared(self):
        return _Held(self, False)

    def close(self) -> None:
        os.close(self._fd)


class _Held:
    def __init__(self, lock: FileLock, exclusive: bool):
        self.lock = lock
        self.exclusive = exclusive

    def __enter__(self):
        self.lock.acquire(self.exclusive)
        return self.lock

    def __exit__(self, *exc):
        self.lock.release()
