import pytest

from warmintro.model.contact import Contact
from warmintro.store import OperationRefused, Store

from .conftest import FIXED, add_pending


def test_delete_is_durable_and_undoable(store, tmp_path):
    store.add_contact(Contact(id="a", first_name="Ana"))
    store.add_contact(Contact(id="b", first_name="Rui"))
    store.delete_contact("a")
    assert "a" not in store.contacts and store.undo_label == "delete Ana"
    with Store.open(tmp_path / "db.json", clock=lambda: FIXED) as again:
        assert set(again.contacts) == {"b"}
    store.undo()
    assert store.contacts["a"].first_name == "Ana"


def test_delete_is_refused_for_someone_with_invitations(store):
    add_pending(store, "Ana Silva", 3)
    with pytest.raises(OperationRefused, match="invitations on record"):
        store.delete_contact("c-ana-silva")
    assert "c-ana-silva" in store.contacts
