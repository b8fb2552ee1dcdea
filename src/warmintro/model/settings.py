"""The limits and preferences the app works to; every default comes from DESIGN.md's table of facts."""

from __future__ import annotations

from dataclasses import asdict, dataclass, fields


class SettingsError(ValueError):
    pass


@dataclass(slots=True)
class Settings:
    lifetime_cap: int = 3000
    weekly_cap: int = 100
    daily_batch: int = 10
    strike_threshold: int = 5
    account: str = "premium"  # "free" or "premium"
    note_limit: int | None = None  # None: 200 on a free account, 300 otherwise
    free_notes_per_month: int = 5
    reinvite_cooldown_days: int = 21
    pending_soft_cap: int = 500
    stale_after_days: int = 21
    week_mode: str = "rolling"  # "rolling" seven days, or "iso" calendar week
    update_interval_days: int = 30
    recent_event_days: int = 14
    my_name: str = ""
    theme: str = "warmintro-dark"

    @property
    def effective_note_limit(self) -> int:
        if self.note_limit is not None:
            return self.note_limit
        return 200 if self.account == "free" else 300

    @property
    def notes_month_cap(self) -> int | None:
        return self.free_notes_per_month if self.account == "free" else None

    def to_dict(self) -> dict:
        return asdict(self)

    @classmethod
    def from_dict(cls, raw: dict) -> "Settings":
        known = {f.name for f in fields(cls)}
        return validate(cls(**{k: v for k, v in raw.items() if k in known}))

    def with_value(self, name: str, text: str) -> "Settings":
        """A copy with one setting parsed from user text; raises SettingsError naming the field."""
        spec = {f.name: f for f in fields(self)}
        if name not in spec:
            raise SettingsError(f"unknown setting {name!r}")
        current = getattr(self, name)
        if name == "note_limit" and text.strip().lower() in ("", "auto", "none"):
            value = None
        elif isinstance(current, int) or name == "note_limit":
            try:
                value = int(text.strip())
            except ValueError:
                raise SettingsError(f"{name}: {text!r} is not a whole number") from None
        else:
            value = text.strip()
        data = self.to_dict()
        data[name] = value
        return validate(Settings(**data))


_POSITIVE = ("lifetime_cap", "weekly_cap", "daily_batch", "strike_threshold", "reinvite_cooldown_days",
             "pending_soft_cap", "stale_after_days", "update_interval_days", "recent_event_days")


def validate(settings: Settings) -> Settings:
    for name in _POSITIVE:
        value = getattr(settings, name)
        if not isinstance(value, int) or isinstance(value, bool) or value < 1:
            raise SettingsError(f"{name}: must be a whole number of at least 1, not {value!r}")
    if settings.free_notes_per_month < 0:
        raise SettingsError("free_notes_per_month: must not be negative")
    if settings.account not in ("free", "premium"):
        raise SettingsError(f"account: must be 'free' or 'premium', not {settings.account!r}")
    if settings.week_mode not in ("rolling", "iso"):
        raise SettingsError(f"week_mode: must be 'rolling' or 'iso', not {settings.week_mode!r}")
    if settings.note_limit is not None and not (1 <= settings.note_limit <= 300):
        raise SettingsError("note_limit: must be between 1 and 300 (LinkedIn's own limit)")
    if settings.daily_batch > settings.weekly_cap:
        raise SettingsError("daily_batch: must not exceed weekly_cap")
    return settings
