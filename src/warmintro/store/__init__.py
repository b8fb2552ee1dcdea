"""Keeping the user's network safe on disk: TinyDB snapshot, journal, lock, backups."""

from warmintro.store.actions import Store
from warmintro.store.errors import OperationRefused, StoreBusy, StoreCorrupt, StoreError

__all__ = ["Store", "StoreError", "StoreCorrupt", "StoreBusy", "OperationRefused"]
