"""brief stage: render a `model.Brief` as versioned JSON, Markdown or a self-contained HTML page."""
from __future__ import annotations

from newsloom.model import Brief
from newsloom.brief.render_html import to_html
from newsloom.brief.render_json import to_json, write_json
from newsloom.brief.render_markdown import to_markdown
from newsloom.brief.schema import BriefValidationError, load_schema, validate
from newsloom.brief.view import evidence_text

__all__ = ["FORMATS", "BriefValidationError", "evidence_text", "load_schema", "render", "to_html",
           "to_json", "to_markdown", "validate", "write_json"]

_RENDERERS = {"json": to_json, "md": to_markdown, "html": to_html}
FORMATS = tuple(_RENDERERS)


def render(brief: Brief, fmt: str) -> str:
    """Render the brief as "json", "md" or "html"."""
    try:
        renderer = _RENDERERS[fmt]
    except KeyError:
        raise ValueError(f"unknown brief format {fmt!r}; expected one of {', '.join(FORMATS)}") from None
    return renderer(brief)
