"""What `warmintro status` shows: one dictionary, printed as JSON or as a small table with bars."""

from __future__ import annotations

from warmintro.model.gauge import Gauge, bar
from warmintro.model.queue import build_queue, group_invites, today_target
from warmintro.store import Store


def status_dict(store: Store) -> dict:
    gauge: Gauge = store.gauge()
    now = store.now()
    policy = store.policy
    queue = build_queue(store.contacts, group_invites(store.invites.values()), store.settings, now, policy=policy)
    return {
        "contacts": len(store.contacts),
        "queue": len(queue),
        "invites": {
            "sent": gauge.counts["sent"],
            "pending": gauge.counts["pending"],
            "accepted": gauge.counts["accepted"],
            "withdrawn": gauge.counts["withdrawn"],
            "idk": gauge.counts["idk"],
            "ignored": gauge.counts["ignored"],
            "stale": gauge.stale,
        },
        "lifetime": {"used": gauge.lifetime.used, "cap": gauge.lifetime.cap},
        "week": {"used": gauge.week.used, "cap": gauge.week.cap},
        # The same target the review works to: the daily batch, capped by the week, lifetime and strikes.
        "today": {"used": gauge.today.used, "target": today_target(gauge)},
        "strikes": {"recorded": gauge.strikes.used, "threshold": gauge.strikes.cap},
        "notes_month": {"used": gauge.notes_month.used, "cap": gauge.notes_month.cap},
        "pending": {"open": gauge.pending.used, "soft_cap": gauge.pending.cap},
        "account": store.settings.account,
        "policy": {"text": policy.text, "rules": policy.rules(), "excluded": len(queue.excluded),
                   "excluded_by_reason": queue.excluded_by_reason()},
    }


def status_table(status: dict) -> str:
    rows = [
        ("lifetime", status["lifetime"]["used"], status["lifetime"]["cap"]),
        ("this week", status["week"]["used"], status["week"]["cap"]),
        ("today", status["today"]["used"], status["today"]["target"]),
        ("strikes", status["strikes"]["recorded"], status["strikes"]["threshold"]),
        ("pending", status["pending"]["open"], status["pending"]["soft_cap"]),
    ]
    if status["notes_month"]["cap"] is not None:
        rows.insert(4, ("notes (month)", status["notes_month"]["used"], status["notes_month"]["cap"]))
    lines = [f"{label:<14} {bar(used, cap)} {used:>5} / {cap}" for label, used, cap in rows]
    inv = status["invites"]
    lines.append("")
    lines.append(f"contacts {status['contacts']}   to review {status['queue']}")
    policy = status["policy"]
    if policy["text"] or policy["rules"]:
        lines.append("")
        if policy["text"]:
            lines.append(f"policy: {policy['text']}")
        for rule in policy["rules"]:
            lines.append(f"  rule: {rule}")
        reasons = ", ".join(f"{n} {why}" for why, n in policy["excluded_by_reason"].items())
        lines.append(f"  not offered by the policy: {policy['excluded']}" + (f" ({reasons})" if reasons else ""))
    lines.append(f"invitations sent {inv['sent']}: pending {inv['pending']} (stale {inv['stale']}), "
                 f"accepted {inv['accepted']}, withdrawn {inv['withdrawn']}, ignored {inv['ignored']}, "
                 f"\"I don't know\" {inv['idk']}")
    return "\n".join(lines)
