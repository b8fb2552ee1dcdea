"""What can go wrong with the database, phrased for the person who owns it."""

from __future__ import annotations


class StoreError(Exception):
    """A problem with the database files; the message is one line a user can act on."""


class StoreCorrupt(StoreError):
    """A file will not parse. It is never overwritten; the message names the newest good backup."""


class StoreBusy(StoreError):
    """Another warmintro held the lock for too long."""


class OperationRefused(ValueError):
    """The action is not allowed now (already invited, in cooldown, at a limit…); nothing was written."""
