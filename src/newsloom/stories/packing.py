"""Data-only bytes: a JSON head (plain values, and each array's dtype, shape and place) then raw arrays.

Reading never runs code and never trusts a size it cannot check against the bytes at hand: anything
malformed raises ValueError.
"""
from __future__ import annotations

import json
import math
from typing import Any, TypeVar

import numpy as np
from numpy.typing import DTypeLike

HEAD_LENGTH = 8  # little-endian byte count of the JSON head
ALIGN = 8  # arrays start at multiples of this many bytes after the head
DTYPES = {dtype.str: dtype for dtype in map(np.dtype, ("<i4", "<i8", "<u4", "<u8", "<f4", "<f8", "|b1"))}
T = TypeVar("T")


def _little(dtype: DTypeLike) -> np.dtype:
    """A numeric dtype in little-endian byte order."""
    return np.dtype(dtype).newbyteorder("<")


def pack(values: dict[str, Any], arrays: dict[str, np.ndarray]) -> bytes:
    """JSON-able `values` and numeric `arrays` as one bytes object (read back with `Packed`)."""
    places: dict[str, list[Any]] = {}
    chunks: list[Any] = []
    offset = 0
    for name, array in arrays.items():
        array = np.ascontiguousarray(array, dtype=_little(array.dtype))
        pad = -offset % ALIGN
        chunks.append(b"\0" * pad)
        offset += pad
        places[name] = [array.dtype.str, list(array.shape), offset]
        chunks.append(array.reshape(-1).view(np.uint8))
        offset += array.nbytes
    head = json.dumps({"values": values, "arrays": places}, separators=(",", ":")).encode("ascii")
    head += b" " * (-(HEAD_LENGTH + len(head)) % ALIGN)
    return b"".join([len(head).to_bytes(HEAD_LENGTH, "little"), head, *chunks])


class Packed:
    """The values and arrays of `pack` bytes, each checked when asked for."""

    def __init__(self, data: bytes | memoryview) -> None:
        """Read the head; ValueError when it is missing, longer than the bytes or not a JSON object."""
        if len(data) < HEAD_LENGTH:
            raise ValueError("too short for a head")
        size = int.from_bytes(bytes(data[:HEAD_LENGTH]), "little")
        if size > len(data) - HEAD_LENGTH:
            raise ValueError("head longer than the bytes")
        try:
            head = json.loads(bytes(data[HEAD_LENGTH:HEAD_LENGTH + size]).decode("utf-8"))
        except RecursionError as exc:
            raise ValueError("head nested too deeply") from exc
        if not isinstance(head, dict):
            raise ValueError("head is not an object")
        self._values = _typed(head.get("values"), dict, "values")
        self._body = memoryview(data)[HEAD_LENGTH + size:]
        places = _typed(head.get("arrays"), dict, "arrays")
        self._places = {name: _place(name, place) for name, place in places.items()}
        end = 0
        for start, stop, name in sorted((offset, offset + math.prod(shape) * DTYPES[kind].itemsize, name)
                                        for name, (kind, shape, offset) in self._places.items()):
            if start < end:
                raise ValueError(f"{name}: overlaps another array")
            end = max(end, stop)
        if end > len(self._body):
            raise ValueError("arrays run past the end of the bytes")

    def value(self, name: str, kind: type[T]) -> T:
        """A plain value of exactly the given type (int, float, bool, str, list or dict)."""
        value = self._values.get(name)
        if kind is float and type(value) is int:
            value = float(value)
        return _typed(value, kind, name)

    def strings(self, name: str) -> list[str]:
        """A list of strings."""
        items = self.value(name, list)
        if not {*map(type, items)} <= {str}:
            raise ValueError(f"{name}: not all strings")
        return items

    def array(self, name: str, dtype: DTypeLike, ndim: int = 1) -> np.ndarray:
        """A read-only array of the given dtype and number of dimensions."""
        if name not in self._places:
            raise ValueError(f"{name}: no such array")
        kind, shape, offset = self._places[name]
        want = _little(dtype)
        if kind != want.str or len(shape) != ndim:
            raise ValueError(f"{name}: {kind} of {len(shape)} dimensions, expected {want.str} of {ndim}")
        array = np.frombuffer(self._body, dtype=want, count=math.prod(shape), offset=offset).reshape(shape)
        if want.kind == "b" and np.any(array.view(np.uint8) > 1):
            raise ValueError(f"{name}: booleans other than 0 and 1")
        if want.kind == "f" and not np.all(np.isfinite(array)):
            raise ValueError(f"{name}: numbers that are not finite")
        return array


def _place(name: str, place: Any) -> tuple[str, list[int], int]:
    """An array's dtype, shape and offset as the head gives them, checked for form (not yet for room)."""
    if not (isinstance(place, list) and len(place) == 3):
        raise ValueError(f"{name}: not a dtype, shape and offset")
    kind, shape, offset = place
    if kind not in DTYPES:
        raise ValueError(f"{name}: dtype {kind!r} not allowed")
    if not (isinstance(shape, list) and all(type(n) is int and n >= 0 for n in shape)):
        raise ValueError(f"{name}: bad shape {shape!r}")
    if type(offset) is not int or offset < 0:
        raise ValueError(f"{name}: bad offset {offset!r}")
    return kind, shape, offset


def _typed(value: Any, kind: type[T], name: str) -> T:
    """`value` when it is exactly of `kind`, else ValueError."""
    if type(value) is not kind:
        raise ValueError(f"{name}: expected {kind.__name__}, got {type(value).__name__}")
    return value
