"""The language model's cached copy: made once, mapped back to the same classifier, skipped when unwritable."""
from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from py3langid import langid

from newsloom.extract import langmodel

TEXTS = ["The minister said the talks would resume next week in Geneva.",
         "Le ministre a déclaré que les négociations reprendraient la semaine prochaine.",
         "Der Minister sagte, die Gespräche würden nächste Woche fortgesetzt.", "12 34"]


@pytest.fixture
def fresh(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Path:
    """No classifier loaded yet, and an empty cache folder."""
    monkeypatch.setattr(langid, "IDENTIFIER", None)
    monkeypatch.setenv("NEWSLOOM_CACHE", str(tmp_path / "cache"))
    return tmp_path / "cache"


def _own() -> list:
    """What py3langid's own loader classifies the texts as."""
    own = langid._load_identifier()
    return [own.classify(t) for t in TEXTS]


def test_cached_model_classifies_as_py3langid_does(fresh: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    expected = _own()
    langmodel.load_identifier()
    copies = list(fresh.glob("langid-*"))
    assert len(copies) == 1 and copies[0].is_dir() and not list(fresh.glob("*.part"))
    assert sorted(p.name for p in copies[0].iterdir()) == sorted(f"{k}.npy" for k in langmodel._KEYS)
    first = [langid.IDENTIFIER.classify(t) for t in TEXTS]
    langid.IDENTIFIER = None
    with monkeypatch.context() as m:  # read back from the copy this time: no decompressing, no py3langid load
        m.setattr(langmodel.lzma, "open", _refuse)
        m.setattr(langid, "_load_identifier", _refuse)
        langmodel.load_identifier()
    assert list(fresh.glob("langid-*")) == copies
    assert [langid.IDENTIFIER.classify(t) for t in TEXTS] == first == expected


def _refuse(*args: object, **kwargs: object) -> None:
    """Stands in for a slow path that must not run."""
    raise AssertionError("the cached copy was not used")


def test_unwritable_cache_falls_back_to_py3langid(fresh: Path) -> None:
    fresh.parent.mkdir(exist_ok=True)
    fresh.write_text("a file, not a folder")
    langmodel.load_identifier()
    assert [langid.IDENTIFIER.classify(t) for t in TEXTS] == _own()


def test_unreadable_copy_falls_back_to_py3langid(fresh: Path) -> None:
    fresh.mkdir()
    model = langid.MODEL_DIR / langid.MODEL_FILE
    info = model.stat()
    copy = fresh / f"langid-{info.st_size}-{int(info.st_mtime)}"
    copy.mkdir()
    for key in langmodel._KEYS:
        (copy / f"{key}.npy").write_bytes(b"not a model")
    langmodel.load_identifier()
    assert [langid.IDENTIFIER.classify(t) for t in TEXTS] == _own()


def test_cached_arrays_are_mapped_not_read(fresh: Path) -> None:
    langmodel.load_identifier()
    identifier = langid.IDENTIFIER
    assert isinstance(identifier.nb_ptc.base, np.memmap)
    assert isinstance(identifier.tk_nextmove, memoryview) and identifier.tk_nextmove.readonly
