"""Render a brief as its versioned JSON document, checked against the schema first."""
from __future__ import annotations

import json

from newsloom.model import Brief
from newsloom.brief.schema import validate

__all__ = ["to_json"]


def to_json(brief: Brief, indent: int | None = 2) -> str:
    """Return the brief as JSON (`newsloom.brief/1`); raise `BriefValidationError` if it breaks the schema."""
    doc = brief.to_dict()
    validate(doc)
    doc = {"schema": doc.pop("schema"), **doc}
    return json.dumps(doc, ensure_ascii=False, indent=indent)
