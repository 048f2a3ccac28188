"""A parsed document's text, joined once per document (spaCy joins its tokens anew at every `doc.text`)."""
from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Doc

_KEY = "newsloom.text"


def doc_text(doc: Doc) -> str:
    """The document's text; kept on the document after the first call, so later steps read it for nothing."""
    text = doc.user_data.get(_KEY)
    if text is None:
        text = doc.user_data[_KEY] = doc.text
    return text


def keep_text(doc: Doc, text: str) -> Doc:
    """The document, told the text it was parsed from (spaCy's tokens give that text back exactly), so that
    `doc_text` reads it without joining the tokens."""
    doc.user_data[_KEY] = text
    return doc
