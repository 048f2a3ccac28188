"""The whole visible text of an HTML page, as a reader selecting all and copying it would get it."""
from __future__ import annotations

import re
from typing import Any

_SKIP = {"script", "style", "noscript", "template", "head", "title", "meta", "link", "svg", "iframe", "object",
         "embed", "select", "option", "input", "textarea", "canvas", "audio", "video", "map", "area"}
_BLOCKS = {"address", "article", "aside", "blockquote", "body", "dd", "details", "dialog", "div", "dl", "dt",
           "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr",
           "li", "main", "nav", "ol", "p", "pre", "section", "summary", "table", "tbody", "thead", "tfoot", "tr",
           "ul", "caption", "center", "menu", "legend"}
_CELLS = {"td", "th"}
_HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.IGNORECASE)
_SPACE = re.compile(r"[ \t\r\f\v\u00a0\u200b]+")
_BLANKS = re.compile(r"\n\s*\n(?:\s*\n)+")


def _hidden(element: Any) -> bool:
    """True for an element a browser does not show."""
    return element.get("hidden") is not None or bool(_HIDDEN_STYLE.search(element.get("style") or ""))


def _walk(element: Any, out: list[str]) -> None:
    """Append the visible text of an element and its descendants, with line breaks around blocks."""
    tag = element.tag if isinstance(element.tag, str) else ""
    if tag in _SKIP or not tag or _hidden(element):
        return
    block = tag in _BLOCKS
    if block or tag == "br":
        out.append("\n")
    if element.text:
        out.append(element.text)
    for child in element:
        _walk(child, out)
        if child.tail:
            out.append(child.tail)
    if block:
        out.append("\n")
    elif tag in _CELLS:
        out.append(" ")  # cells of a row stay on one line


def visible_text(tree: Any) -> str:
    """Render a parsed page's visible text: blocks on their own lines, scripts, styles and hidden parts left out."""
    body = tree.find(".//body")
    out: list[str] = []
    _walk(body if body is not None else tree, out)
    lines = (_SPACE.sub(" ", line).strip() for line in "".join(out).split("\n"))
    return _BLANKS.sub("\n\n", "\n".join(lines)).strip() + "\n"
