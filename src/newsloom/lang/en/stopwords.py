"""English stop words: spaCy's list, loaded from its word-list file without importing spaCy (which loads torch)."""
from __future__ import annotations

from importlib.util import find_spec, module_from_spec, spec_from_file_location
from pathlib import Path


def _spacy_stop_words() -> frozenset[str]:
    """The words of `spacy/lang/en/stop_words.py`, its own module run alone (it imports nothing)."""
    spacy = find_spec("spacy")
    if spacy is None or spacy.origin is None:
        raise ImportError("spaCy is not installed: its English stop words are needed")
    spec = spec_from_file_location(f"{__name__}._spacy", Path(spacy.origin).parent / "lang" / "en" / "stop_words.py")
    if spec is None or spec.loader is None:
        raise ImportError("spaCy's English stop words were not found")
    module = module_from_spec(spec)
    spec.loader.exec_module(module)
    return frozenset(module.STOP_WORDS)


STOP_WORDS = _spacy_stop_words()
