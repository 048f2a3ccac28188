"""py3langid's model kept decompressed in the user's cache, one array a file, mapped into each worker, not read whole."""
from __future__ import annotations

import lzma
import os
import shutil
import tempfile
from pathlib import Path

import numpy as np
from py3langid import langid

_KEYS = ("ptc", "pc", "classes", "nextmove", "nextmove_row", "out_feat")


def cache_dir() -> Path:
    """Where newsloom keeps files it can rebuild ($NEWSLOOM_CACHE, else $XDG_CACHE_HOME/newsloom)."""
    if os.environ.get("NEWSLOOM_CACHE"):
        return Path(os.environ["NEWSLOOM_CACHE"])
    return Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "newsloom"


def _write_arrays(model: Path, folder: Path) -> None:
    """Decompress py3langid's model (an LZMA-compressed .npz) into one .npy file per array in `folder`."""
    with tempfile.TemporaryFile(suffix=".npz") as npz:
        with lzma.open(model) as src:
            shutil.copyfileobj(src, npz, length=1 << 20)
        npz.seek(0)
        with np.load(npz, allow_pickle=False) as data:
            for key in _KEYS:
                np.save(folder / f"{key}.npy", data[key], allow_pickle=False)


def _decompressed(model: Path) -> Path | None:
    """A folder of the model's arrays in the cache (made once, named by the model's size and time), or None."""
    info = model.stat()
    target = cache_dir() / f"langid-{info.st_size}-{int(info.st_mtime)}"
    if (target / f"{_KEYS[-1]}.npy").is_file():
        return target
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        part = Path(tempfile.mkdtemp(dir=target.parent, suffix=".part"))
        try:
            _write_arrays(model, part)
            os.replace(part, target)  # whole folder or none: readers never see a partial copy
        finally:
            shutil.rmtree(part, ignore_errors=True)  # left only when another process made the folder first
    except OSError:
        return target if (target / f"{_KEYS[-1]}.npy").is_file() else None
    return target


def _words(array: np.ndarray) -> memoryview:
    """An unsigned-integer array as a memoryview of Python ints, indexed as py3langid's stdlib arrays are."""
    return memoryview(np.ascontiguousarray(array)).cast("B").cast({2: "H", 4: "I", 8: "Q"}[array.dtype.itemsize])


def _from_cache(cached: Path) -> langid.LanguageIdentifier:
    """py3langid's classifier over the cached arrays, memory-mapped: pages are read as the classifier touches them."""
    ptc, pc, classes, nextmove, row, out = (np.load(cached / f"{k}.npy", mmap_mode="r", allow_pickle=False)
                                            for k in _KEYS)
    return langid.LanguageIdentifier(
        np.asarray(ptc), np.asarray(pc), classes.tolist(), _words(nextmove), out.tolist(), tk_row=_words(row))


def load_identifier() -> None:
    """Install py3langid's default classifier from the cached copy of its model (py3langid's own load if none)."""
    if langid.IDENTIFIER is not None:
        return
    cached = _decompressed(langid.MODEL_DIR / langid.MODEL_FILE)
    try:
        langid.IDENTIFIER = _from_cache(cached) if cached is not None else langid._load_identifier()
    except (ImportError, KeyError, OSError, TypeError, ValueError):  # a copy or py3langid we cannot read
        langid.IDENTIFIER = langid._load_identifier()
