"""Render a brief as its versioned JSON document, checked against the schema first."""
from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import asdict
from typing import TextIO

from newsloom.model import SCHEMA_ID, Brief, InputStatus, StoryBrief, brief_dict
from newsloom.brief.schema import BriefValidationError, validate

__all__ = ["to_json", "write_json"]


def to_json(brief: Brief, indent: int | None = 2) -> str:
    """Return the brief as JSON (`newsloom.brief/1`); raise `BriefValidationError` if it breaks the schema."""
    doc = brief.to_dict()
    validate(doc)
    doc = {"schema": doc.pop("schema"), **doc}
    return json.dumps(doc, ensure_ascii=False, indent=indent)


def write_json(inputs: list[InputStatus], stories: Iterable[StoryBrief], out: TextIO, indent: int | None = 2) -> int:
    """Write the same text as `to_json`, one story at a time (each checked on its own); returns how many stories.

    Only one story's document is held at once, so memory does not grow with the number of stories.
    A story that breaks the schema raises `BriefValidationError` after the stories before it were written.
    """
    head = {"schema": SCHEMA_ID, "inputs": [asdict(i) for i in inputs], "stories": []}
    validate(head)
    text = json.dumps(head, ensure_ascii=False, indent=indent)
    cut = text.rindex("[]")
    out.write(text[:cut] + "[")
    pad = "" if indent is None else "\n" + " " * (2 * indent)
    seen: set[str] = set()
    for count, story in enumerate(stories):
        doc = brief_dict(story)
        if doc["id"] in seen:
            raise BriefValidationError([f"$.stories[{count}].id: duplicate story id {doc['id']!r}"])
        seen.add(doc["id"])
        validate({"schema": SCHEMA_ID, "inputs": [], "stories": [doc]})
        body = json.dumps(doc, ensure_ascii=False, indent=indent)
        if pad:
            out.write(("," if count else "") + pad + body.replace("\n", pad))
        else:
            out.write((", " if count else "") + body)
    if seen and pad:
        out.write(pad[: 1 + (indent or 0)])  # the closing bracket one level out
    out.write("]" + text[cut + 2:])
    return len(seen)
