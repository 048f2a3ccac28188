"""Render a brief as one self-contained HTML page whose evidence links jump to the marked words."""
from __future__ import annotations

from functools import lru_cache

from jinja2 import Environment, PackageLoader, StrictUndefined

from newsloom.model import Brief
from newsloom.brief.render_markdown import CLAIM_COUNTS
from newsloom.brief.view import input_counts, story_views

__all__ = ["to_html"]


@lru_cache(maxsize=1)
def _environment() -> Environment:
    env = Environment(loader=PackageLoader("newsloom.brief", "templates"), autoescape=True,
                      undefined=StrictUndefined, trim_blocks=True, lstrip_blocks=True)
    env.filters["signed"] = lambda x: f"{x:+.2f}"
    return env


def to_html(brief: Brief) -> str:
    """Return the brief as a standalone HTML document (inline CSS and script, no external assets)."""
    return _environment().get_template("brief.html.j2").render(
        brief=brief, views=story_views(brief), counts=input_counts(brief.inputs), claim_counts=CLAIM_COUNTS)
