"""Follows: stories and entities a person follows are kept, listed oldest first and dropped on unfollow."""
import pytest

from newsloom.store import SQLiteStore, StoreError
from newsloom.store.base import Follow
from newsloom.store.migrations import FOLLOWS, MIGRATIONS


def test_follow_unfollow_and_list(store):
    assert store.follows() == []
    assert store.follow("story", "s-0123456789") is True
    assert store.follow("story", "s-0123456789") is False  # followed already: no second row
    assert store.follow("entity", "Marta Kessling") is True
    found = store.follows()
    assert {(f.kind, f.target) for f in found} == {("story", "s-0123456789"), ("entity", "Marta Kessling")}
    assert all(isinstance(f, Follow) and f.at.endswith("+00:00") for f in found)
    assert [f.target for f in store.follows("entity")] == ["Marta Kessling"]
    assert store.unfollow("story", "s-0123456789") is True
    assert store.unfollow("story", "s-0123456789") is False
    assert [f.kind for f in store.follows()] == ["entity"]


def test_follow_refuses_unknown_kinds_and_empty_names(store):
    with pytest.raises(StoreError, match="follow a story or an entity"):
        store.follow("outlet", "Daily")
    with pytest.raises(StoreError, match="without its id or name"):
        store.follow("entity", "  ")
    assert store.follows() == []


def test_follows_survive_reopening_and_a_store_made_before_them(tmp_path):
    path = tmp_path / "follows.db"
    with SQLiteStore(path, migrations=MIGRATIONS[:11]) as old:  # a store from before follows
        assert old.schema_version == 11
    with SQLiteStore(path) as store:
        assert store.schema_version == len(MIGRATIONS) >= FOLLOWS.version == 12
        store.follow("entity", "Harbour Board")
    with SQLiteStore(path) as store:
        assert [(f.kind, f.target) for f in store.follows()] == [("entity", "Harbour Board")]
