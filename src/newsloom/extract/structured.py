"""Machine-readable metadata of an HTML page: JSON-LD objects, meta tags and schema.org microdata."""
from __future__ import annotations

import html
import json
import re
from collections.abc import Iterator
from functools import cached_property
from typing import Any

_SPACE = re.compile(r"\s+")
_BYLINE_MARK = re.compile(r"author|byline|writer|creator|posted-by|autor|verfasser", re.IGNORECASE)
_NOT_BYLINES = {"script", "style", "meta", "link", "img", "body", "html", "article", "section"}
_ARTICLE_TYPE = re.compile(r"article|posting|report|story|review|recipe|webpage|creativework|video", re.IGNORECASE)


def squash(text: str | None) -> str:
    """Collapse whitespace runs to one space and strip."""
    return _SPACE.sub(" ", text or "").strip()


def unescape(text: str | None) -> str:
    """Squash a metadata value, decoding entities that were escaped twice ("&amp;#8211;")."""
    return squash(html.unescape(text)) if text and "&" in text else squash(text)


def _load_json(text: str) -> Any:
    """Parse a JSON-LD block, tolerating trailing commas, control characters and HTML comments around it."""
    text = text.strip().removeprefix("<!--").removesuffix("-->").strip()
    try:
        return json.loads(text, strict=False)
    except json.JSONDecodeError:
        try:
            return json.loads(re.sub(r",\s*([}\]])", r"\1", text), strict=False)
        except json.JSONDecodeError:
            return None


def _walk(data: Any) -> Iterator[dict[str, Any]]:
    """Yield every object in parsed JSON-LD, `@graph` members and nested `mainEntity` objects included."""
    stack = [data]
    while stack:
        item = stack.pop()
        if isinstance(item, list):
            stack.extend(reversed(item))
        elif isinstance(item, dict):
            yield item
            for key in ("@graph", "mainEntity", "mainEntityOfPage"):
                if isinstance(item.get(key), (list, dict)):
                    stack.append(item[key])


def _types(obj: dict[str, Any]) -> str:
    """The object's `@type` values as one string."""
    kind = obj.get("@type", "")
    return " ".join(kind) if isinstance(kind, list) else str(kind)


def names(value: Any) -> list[str]:
    """Names of JSON-LD people or organisations given as a string, an object or a list of them."""
    if isinstance(value, list):
        return [name for item in value for name in names(item)]
    if isinstance(value, dict):
        value = value.get("name")
        if isinstance(value, list):
            value = value[0] if value else None
    return [unescape(value)] if isinstance(value, str) and value.strip() else []


class Structured:
    """Index of a parsed page for the metadata finders: JSON-LD objects (article-like first), meta tags, `<h1>` and
    `<time>` elements, and on demand microdata and the elements whose class or id names an author."""

    def __init__(self, tree: Any) -> None:
        self.tree = tree
        objects: list[dict[str, Any]] = []
        self.tags: dict[str, list[str]] = {}
        self.headings: list[Any] = []
        self.times: list[Any] = []
        for element in tree.iter("script", "meta", "h1", "time"):
            if element.tag == "script":
                if "ld+json" in (element.get("type") or "") and element.text:
                    objects.extend(_walk(_load_json(element.text)))
            elif element.tag == "meta":
                self._add_meta(element)
            elif element.tag == "h1":
                self.headings.append(element)
            elif element.get("datetime"):
                self.times.append(element)
        articles = [obj for obj in objects if _ARTICLE_TYPE.search(_types(obj))]
        self.objects = articles + [obj for obj in objects if obj not in articles]

    @cached_property
    def items(self) -> dict[str, list[Any]]:
        """Microdata elements by their `itemprop`."""
        found: dict[str, list[Any]] = {}
        for element in self.tree.xpath("//*[@itemprop]"):
            found.setdefault(element.get("itemprop", "").strip(), []).append(element)
        return found

    @cached_property
    def bylines(self) -> list[Any]:
        """Elements whose class or id names an author or byline."""
        marked = (value.getparent() for value in self.tree.xpath("//@class | //@id") if _BYLINE_MARK.search(value))
        return [element for element in dict.fromkeys(marked) if element.tag not in _NOT_BYLINES]

    def _add_meta(self, meta: Any) -> None:
        """Record a meta tag's content under each of its names."""
        content = unescape(meta.get("content"))
        for attr in ("property", "name", "itemprop"):
            key = (meta.get(attr) or "").strip().lower()
            if key and content:
                self.tags.setdefault(key, []).append(content)

    def meta(self, *keys: str) -> str | None:
        """Content of the first of these meta tags present (keys in lower case)."""
        for key in keys:
            if self.tags.get(key):
                return self.tags[key][0]
        return None

    def ld(self, prop: str, article_only: bool = False) -> Any:
        """Value of `prop` in the first JSON-LD object having it (article-like objects searched first)."""
        for obj in self.objects:
            if article_only and not _ARTICLE_TYPE.search(_types(obj)):
                break
            if obj.get(prop):
                return obj[prop]
        return None

    def ld_names(self, prop: str) -> list[str]:
        """Names of the first JSON-LD object's `prop` that names anybody (author, publisher)."""
        for obj in self.objects:
            found = names(obj.get(prop))
            if found:
                return list(dict.fromkeys(found))
        return []

    def microdata(self, prop: str) -> list[str]:
        """Values of schema.org microdata `itemprop=prop` elements (their `name` child when they have one)."""
        found = []
        for element in self.items.get(prop, []):
            if element.tag == "meta":
                continue
            inner = element.xpath('.//*[@itemprop="name"]')
            value = (inner[0].get("content") or inner[0].text_content()) if inner else (
                element.get("content") or element.text_content())
            if squash(value):
                found.append(squash(value))
        return found
