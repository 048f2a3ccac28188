"""The language model's cached copy: made once, read back to the same classifier, skipped when unwritable."""
from __future__ import annotations

from pathlib import Path

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
    copies = list(fresh.glob("langid-*.npz"))
    assert len(copies) == 1 and not list(fresh.glob("*.part"))
    first = [langid.IDENTIFIER.classify(t) for t in TEXTS]
    langid.IDENTIFIER = None
    with monkeypatch.context() as m:  # read back from the copy this time: no decompressing, no py3langid load
        m.setattr(langmodel.lzma, "open", _refuse)
        m.setattr(langid, "_load_identifier", _refuse)
        langmodel.load_identifier()
    assert list(fresh.glob("langid-*.npz")) == copies
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
    (fresh / f"langid-{info.st_size}-{int(info.st_mtime)}.npz").write_bytes(b"not a model")
    langmodel.load_identifier()
    assert [langid.IDENTIFIER.classify(t) for t in TEXTS] == _own()
