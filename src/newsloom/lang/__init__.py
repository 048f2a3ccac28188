"""Word lists by language, one package per language code (`en`, ...), looked up by `Article.lang`."""
from __future__ import annotations

from newsloom.lang.en.sources import CUES as EN_SOURCE_CUES
from newsloom.lang.sourcecues import SourceCues

__all__ = ["SourceCues", "source_cues"]

DEFAULT = "en"
SOURCE_CUES: dict[str, SourceCues] = {"en": EN_SOURCE_CUES}


def source_cues(lang: str | None) -> SourceCues:
    """The source-citation cues of a language (its base code: "en-GB" reads "en"); English when unknown."""
    code = (lang or DEFAULT).split("-", 1)[0].split("_", 1)[0].lower()
    return SOURCE_CUES.get(code, SOURCE_CUES[DEFAULT])
