"""Every user action as one named, durable, undoable operation on the database."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime
from typing import Iterable

from warmintro.model.contact import CONTACT_FIELDS, Contact, Note, new_id
from warmintro.model.gauge import check_send
from warmintro.model.invite import InvalidTransition, Invite, InviteStatus, cooldown_until
from warmintro.model.policy import Policy
from warmintro.model.settings import Settings, validate
from warmintro.store.errors import OperationRefused
from warmintro.store.store import JournalledStore


class Store(JournalledStore):
    """The database with its vocabulary: what a person can do to their network, one action at a time."""

    # ----- contacts ------------------------------------------------------------------------

    def add_contact(self, contact: Contact) -> Contact:
        with self.transaction("add", f"add {contact.display_name}") as txn:
            if contact.id in self._objs["contacts"]:
                raise OperationRefused(f"a contact with id {contact.id!r} already exists")
            if contact.added_at is None:
                contact = contact.copy(added_at=self.now())
            txn.put_contact(contact)
        return self.contacts[contact.id]

    def update_contact(self, contact_id: str, **changes) -> Contact:
        if "id" in changes:
            raise OperationRefused("a contact's id cannot be changed")
        unknown = sorted(set(changes) - CONTACT_FIELDS)
        if unknown:
            raise OperationRefused(f"a contact has no field {unknown[0]!r}")
        with self.transaction("edit") as txn:
            current = self.contact(contact_id)
            txn.label = f"edit {current.display_name}"
            txn.put_contact(current.copy(**changes))
        return self.contacts[contact_id]

    def delete_contact(self, contact_id: str) -> None:
        """Remove a person entered by mistake (quick-add's remove); refused once they have invitations."""
        with self.transaction("delete") as txn:
            current = self.contact(contact_id)
            txn.label = f"delete {current.display_name}"
            if self.invites_for(contact_id):
                raise OperationRefused(f"{current.display_name} has invitations on record; not deleted")
            txn.delete("contacts", contact_id)

    def add_note(self, contact_id: str, text: str) -> Contact:
        text = text.strip()
        if not text:
            raise OperationRefused("the note is empty")
        with self.transaction("note") as txn:
            current = self.contact(contact_id)
            txn.label = f"note on {current.display_name}"
            updated = current.copy()
            updated.notes.append(Note(at=self.now(), text=text))
            txn.put_contact(updated)
        return self.contacts[contact_id]

    def skip(self, contact_id: str) -> None:
        with self.transaction("skip") as txn:
            current = self.contact(contact_id)
            txn.label = f"skip {current.display_name}"
            txn.put_contact(current.copy(skipped_at=self.now()))

    def snooze(self, contact_id: str, until: datetime) -> None:
        if until <= self.now():
            raise OperationRefused("a snooze must end in the future")
        with self.transaction("snooze") as txn:
            current = self.contact(contact_id)
            txn.label = f"snooze {current.display_name}"
            txn.put_contact(current.copy(snoozed_until=until))

    def never(self, contact_id: str, reason: str) -> None:
        with self.transaction("never") as txn:
            current = self.contact(contact_id)
            txn.label = f"never {current.display_name}"
            txn.put_contact(current.copy(never_reason=reason.strip() or "no reason given"))

    def mark_not_on_linkedin(self, contact_id: str) -> None:
        with self.transaction("not-on-linkedin") as txn:
            current = self.contact(contact_id)
            txn.label = f"{current.display_name} is not on LinkedIn"
            txn.put_contact(current.copy(not_on_linkedin=True))

    # ----- invitations ---------------------------------------------------------------------

    def cooldown_ends(self, contact_id: str) -> datetime | None:
        """When a withdrawn person may be invited again, if that is still in the future."""
        now = self.now()
        ends = [cooldown_until(inv, self.settings.reinvite_cooldown_days) for inv in self.invites_for(contact_id)]
        future = [end for end in ends if end is not None and end > now]
        return max(future) if future else None

    def open_invite(self, contact_id: str) -> Invite | None:
        for invite in self.invites_for(contact_id):
            if invite.is_open:
                return invite
        return None

    def send_invite(self, contact_id: str, message: str, *, segment: str = "", template: str = "",
                    approach: str = "") -> Invite:
        """Record an invitation the user is sending by hand. Refused at any limit, with the reason."""
        message = message.strip()
        with self.transaction("send") as txn:
            contact = self.contact(contact_id)
            txn.label = f"invite {contact.display_name}"
            if contact.connected:
                raise OperationRefused(f"{contact.display_name} is already a connection")
            pending = self.open_invite(contact_id)
            if pending is not None:
                raise OperationRefused(f"{contact.display_name} already has an invitation pending since "
                                       f"{pending.sent_at:%d %b %Y}")
            cooldown = self.cooldown_ends(contact_id)
            if cooldown is not None:
                raise OperationRefused(f"{contact.display_name} is in the re-invite cooldown until {cooldown:%d %b %Y}")
            settings = self.settings
            if len(message) > settings.effective_note_limit:
                raise OperationRefused(f"the note is {len(message)} characters; the limit is "
                                       f"{settings.effective_note_limit}")
            now = self.now()
            gauge = self.gauge(now)
            refusal = check_send(gauge, now, with_note=bool(message), settings=settings)
            if refusal is not None:
                raise OperationRefused(refusal.message)
            invite = Invite(id=new_id(), contact_id=contact_id, sent_at=now, message=message,
                            segment=segment, template=template, approach=approach)
            txn.put_invite(invite)
            txn.put_contact(contact.copy(skipped_at=None, snoozed_until=None))
        return self.invites[invite.id]

    def record_outcome(self, invite_id: str, status: InviteStatus | str) -> Invite:
        """Accepted, ignored or "I don't know" (a strike). Acceptance queues a thank-you follow-up."""
        status = InviteStatus(status)
        with self.transaction("outcome") as txn:
            invite = self.invite(invite_id)
            contact = self.contacts.get(invite.contact_id)
            name = contact.display_name if contact else invite.contact_id
            txn.label = f"{name}: {status.value}"
            now = self.now()
            try:
                updated = invite.transition(status, now)
            except InvalidTransition as exc:
                raise OperationRefused(f"{name}: {exc}") from None
            txn.put_invite(updated)
            if status is InviteStatus.ACCEPTED and contact is not None:
                txn.put_contact(contact.copy(connected=True, connected_on=now.date()))
                txn.put("followups", {"id": new_id(), "contact_id": contact.id, "invite_id": invite.id,
                                      "kind": "thanks", "created_at": now.isoformat(), "done_at": None})
        return self.invites[invite_id]

    def withdraw(self, invite_ids: Iterable[str]) -> list[Invite]:
        """Withdraw many at once: one action, one undo; each person's re-invite cooldown starts now."""
        ids = list(dict.fromkeys(invite_ids))
        if not ids:
            raise OperationRefused("no invitations selected")
        with self.transaction("withdraw", f"withdraw {len(ids)} invitation{'s' if len(ids) != 1 else ''}") as txn:
            now = self.now()
            for invite_id in ids:
                invite = self.invite(invite_id)
                try:
                    txn.put_invite(invite.transition(InviteStatus.WITHDRAWN, now))
                except InvalidTransition as exc:
                    raise OperationRefused(f"invitation {invite_id}: {exc}") from None
        return [self.invites[i] for i in ids]

    def complete_followup(self, followup_id: str) -> None:
        with self.transaction("followup-done", "follow-up done") as txn:
            doc = self._docs["followups"].get(followup_id)
            if doc is None:
                raise OperationRefused(f"no follow-up with id {followup_id!r}")
            txn.put("followups", {**doc, "done_at": self.now().isoformat()})

    # ----- settings, templates, strikes ----------------------------------------------------

    def set_settings(self, settings: Settings) -> Settings:
        validate(settings)
        with self.transaction("settings", "change settings") as txn:
            txn.put_meta("settings", settings.to_dict())
        return self.settings

    def set_theme(self, name: str) -> None:
        """The chosen theme, kept for next time; not on the undo stack, so `u` still undoes the last action."""
        with self.transaction("theme", f"theme {name}") as txn:
            txn.undoable = False
            txn.put_meta("settings", replace(self.settings, theme=name).to_dict())

    @property
    def policy(self) -> Policy:
        return Policy.from_dict(self.meta("policy"))

    def set_policy(self, policy: Policy) -> None:
        """The friending policy: its text and the rules the queue applies. Undoable like any action."""
        with self.transaction("policy", "change the friending policy") as txn:
            txn.put_meta("policy", policy.to_dict())

    def set_template(self, segment: str, text: str | None) -> None:
        """A segment's own note template; None goes back to the shipped default."""
        with self.transaction("template", f"template for {segment}") as txn:
            if text is None:
                if segment in self._docs["templates"]:
                    txn.delete("templates", segment)
            else:
                txn.put("templates", {"segment": segment, "text": text})

    def set_recorded_strikes(self, recorded: int) -> None:
        """LinkedIn's warning says how many strikes, not who gave them: the count is settable."""
        with self.transaction("strikes", f"strikes set to {recorded}") as txn:
            attributed = self.count_invites(InviteStatus.IDK.value)
            if recorded < attributed:
                raise OperationRefused(f"{attributed} strikes are already recorded against named people; "
                                       "record fewer by changing those outcomes")
            txn.put_meta("strikes_extra", recorded - attributed)

    def set_meta(self, key: str, value, label: str | None = None) -> None:
        with self.transaction("meta", label or f"set {key}") as txn:
            txn.put_meta(key, value)

    # ----- imports -------------------------------------------------------------------------

    def import_batch(self, contacts: Iterable[Contact], invites: Iterable[Invite], label: str) -> int:
        """All of an import in one transaction: it lands whole or not at all."""
        with self.transaction("import", label) as txn:
            for contact in contacts:
                txn.put_contact(contact)
            for invite in invites:
                txn.put_invite(invite)
            count = len(txn.changes)
        return count
