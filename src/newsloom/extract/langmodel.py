"""py3langid's model kept decompressed in the user's cache, so each fresh worker loads it without LZMA."""
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


def _decompressed(model: Path) -> Path | None:
    """A decompressed copy of `model` in the cache (made once, named by its size and time), or None if unwritable."""
    info = model.stat()
    target = cache_dir() / f"langid-{info.st_size}-{int(info.st_mtime)}.npz"
    if target.is_file():
        return target
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile(dir=target.parent, suffix=".part", delete=False) as tmp:
            with lzma.open(model) as src:
                shutil.copyfileobj(src, tmp, length=1 << 20)
        os.replace(tmp.name, target)  # whole file or none: readers never see a partial copy
    except OSError:
        return None
    return target


def _from_cache(cached: Path) -> langid.LanguageIdentifier:
    """py3langid's classifier built from a decompressed model, as py3langid's own loader builds it."""
    from py3langid.modelio import _to_array

    with np.load(cached, allow_pickle=False) as data:
        ptc, pc, classes, nextmove, row, out = (data[k] for k in _KEYS)
        return langid.LanguageIdentifier(
            np.asarray(ptc), np.asarray(pc), classes.tolist(), _to_array(nextmove), out.tolist(),
            tk_row=_to_array(row))


def load_identifier() -> None:
    """Install py3langid's default classifier from the cached copy of its model (py3langid's own load if none)."""
    if langid.IDENTIFIER is not None:
        return
    cached = _decompressed(langid.MODEL_DIR / langid.MODEL_FILE)
    try:
        langid.IDENTIFIER = _from_cache(cached) if cached is not None else langid._load_identifier()
    except (ImportError, KeyError, OSError, TypeError, ValueError):  # a copy or py3langid we cannot read
        langid.IDENTIFIER = langid._load_identifier()
