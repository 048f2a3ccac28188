"""Word lists by language, one package per language code (`en`, ...), looked up by `Article.lang`."""
from __future__ import annotations

from newsloom.lang.en.sources import CUES as EN_SOURCE_CUES
from newsloom.lang.sourcecues import SourceCues

__all__ = ["SourceCues", "base_code", "source_cues"]

DEFAULT = "en"
SOURCE_CUES: dict[str, SourceCues] = {"en": EN_SOURCE_CUES}


def base_code(lang: str | None) -> str:
    """A language tag's base code in lower case ("en-GB", "en_US" -> "en"); the default when none is given."""
    return (lang or DEFAULT).split("-", 1)[0].split("_", 1)[0].lower()


def source_cues(lang: str | None) -> SourceCues:
    """The source-citation cues of a language (its base code: "en-GB" reads "en"); English when unknown."""
    return SOURCE_CUES.get(base_code(lang), SOURCE_CUES[DEFAULT])
