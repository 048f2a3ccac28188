"""Data-only bytes: values and arrays come back as written; anything malformed is a ValueError."""
from __future__ import annotations

import json

import numpy as np
import pytest

from newsloom.stories.packing import HEAD_LENGTH, Packed, pack


def relabel(data: bytes, change) -> bytes:
    """The bytes with their JSON head passed through `change` (the arrays left as they are)."""
    size = int.from_bytes(data[:HEAD_LENGTH], "little")
    head = json.loads(data[HEAD_LENGTH:HEAD_LENGTH + size])
    change(head)
    text = json.dumps(head).encode("ascii")
    return len(text).to_bytes(HEAD_LENGTH, "little") + text + data[HEAD_LENGTH + size:]


def sample() -> bytes:
    """Bytes holding a few values and arrays."""
    return pack({"n": 3, "x": 0.1, "on": True, "names": ["a", "é\ud800"]},
                {"ints": np.arange(5, dtype=np.int32), "grid": np.ones((2, 3), np.float64),
                 "flags": np.array([True, False]), "none": np.empty((0, 4), np.uint64)})


def test_values_and_arrays_come_back_as_written():
    packed = Packed(sample())
    assert packed.value("n", int) == 3 and packed.value("x", float) == 0.1 and packed.value("on", bool) is True
    assert packed.strings("names") == ["a", "é\ud800"] and packed.value("n", float) == 3.0
    assert packed.array("ints", np.int32).tolist() == [0, 1, 2, 3, 4]
    assert packed.array("grid", np.float64, 2).shape == (2, 3) and packed.array("flags", np.bool_).tolist() == [1, 0]
    assert packed.array("none", np.uint64, 2).shape == (0, 4)


@pytest.mark.parametrize("ask", [
    lambda p: p.value("n", bool), lambda p: p.value("on", int), lambda p: p.value("missing", int),
    lambda p: p.strings("n"), lambda p: p.array("ints", np.int64), lambda p: p.array("ints", np.int32, 2),
    lambda p: p.array("missing", np.int32),
])
def test_values_and_arrays_of_another_kind_are_refused(ask):
    with pytest.raises(ValueError):
        ask(Packed(sample()))


@pytest.mark.parametrize("lie", [
    lambda h: h["arrays"]["ints"].__setitem__(1, [10**15]),  # far more values than the bytes hold
    lambda h: h["arrays"]["ints"].__setitem__(1, [7]),  # running into the next array
    lambda h: h["arrays"]["ints"].__setitem__(1, [-1]),
    lambda h: h["arrays"]["ints"].__setitem__(2, 10**12),
    lambda h: h["arrays"]["ints"].__setitem__(2, "0"),
    lambda h: h["arrays"]["ints"].__setitem__(0, "<i8"),
    lambda h: h["arrays"]["grid"].__setitem__(0, "|O"),
    lambda h: h["arrays"].__setitem__("ints", None),
])
def test_a_lying_array_description_is_refused(lie):
    with pytest.raises(ValueError):
        packed = Packed(relabel(sample(), lie))
        for name, dtype, ndim in (("ints", np.int32, 1), ("grid", np.float64, 2)):
            packed.array(name, dtype, ndim)


def test_non_finite_numbers_and_odd_booleans_are_refused():
    data = pack({}, {"f": np.array([1.0, np.nan]), "b": np.array([2], np.uint8)})
    data = relabel(data, lambda h: h["arrays"]["b"].__setitem__(0, "|b1"))
    with pytest.raises(ValueError):
        Packed(data).array("f", np.float64)
    with pytest.raises(ValueError):
        Packed(data).array("b", np.bool_)


@pytest.mark.parametrize("data", [
    b"", b"\x01", (10**9).to_bytes(HEAD_LENGTH, "little") + b"{}", (4).to_bytes(HEAD_LENGTH, "little") + b"\xff\xfe[]",
    (2).to_bytes(HEAD_LENGTH, "little") + b"[]", (100_000).to_bytes(HEAD_LENGTH, "little") + b"[" * 100_000,
    (9).to_bytes(HEAD_LENGTH, "little") + b'{"values"}',
])
def test_a_missing_or_malformed_head_is_refused(data):
    with pytest.raises(ValueError):
        Packed(data)


def test_empty_arrays_may_share_a_place_but_full_ones_may_not_overlap():
    data = pack({}, {"a": np.empty(0, np.int32), "b": np.arange(4, dtype=np.int64), "c": np.empty(0, np.int64)})
    assert Packed(data).array("b", np.int64).tolist() == [0, 1, 2, 3]
    with pytest.raises(ValueError):
        Packed(relabel(data, lambda h: h["arrays"]["c"].__setitem__(1, [1])))  # reads past the end
    with pytest.raises(ValueError):
        Packed(relabel(data, lambda h: h["arrays"]["a"].__setitem__(1, [1])))  # runs into b
