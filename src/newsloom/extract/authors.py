"""The author of an HTML page: structured data first, then the visible byline, cleaned to the names alone."""
from __future__ import annotations

import re
from typing import Any

from newsloom.extract.metadata import DATE_RE, person_name
from newsloom.extract.structured import Structured, squash

_PREFIX = re.compile(
    r"^(?:(?:post author|text|written|posted|published|publiziert|reported|words|story|interview|photos?|fotos?|"
    r"bild|autor(?:in)?|author|auteur|autore|redakteur(?:in)?|verfasst|geschrieben|eingestellt|erstellt|"
    r"veröffentlicht|ein beitrag|beitrag|artikel|view all posts|all posts|more posts|more|alle beiträge|zeige|"
    r"mehr|posts|über|about|und|and)\b\s*[:|·-]?\s*)*"
    r"(?:by|von|vom|par|por|di|da|door|av|af|od|przez|from)?\b\s*[:|·-]?\s*",
    re.IGNORECASE,
)
_CUT = re.compile(
    r"\s*(?:[|•·\n/»→]|\s[-–—]\s|\s@|\s(?:am|on|le|el|il|vor)\b|(?:\b|(?<=[a-z]))(?:updated|published|aktualisiert|"
    r"veröffentlicht|stand|posted|read more|follow|shares?|alle artikel|mehr)\b|\s\d|(?<=[a-zäöüß])\d{1,2}\.\s).*$",
    re.IGNORECASE | re.DOTALL,
)
_URL = re.compile(r"https?:|www\.|\w\.(?:com|de|org|net)\b|@\w+\.\w|^/")
_GLUED = re.compile(r"\b((?:post )?author|autor|von|by)(?=(?-i:[A-Z]))", re.IGNORECASE)
_NOT_NAME = re.compile(r"\b(?:admin|wordpressadmin|name|anonymous|unknown|no author|guest)\b", re.IGNORECASE)
_SMALL = {"von", "van", "der", "den", "de", "del", "della", "da", "di", "du", "la", "le", "y", "e", "i", "et", "und",
          "and", "zu", "bin", "al", "dos", "das"}
_NOT_ATTR = re.compile(r"avatar|img|image|photo|bio|description|about|comment|date|time|box-?title", re.IGNORECASE)
_MAX_WORDS = 12
_MARKER = re.compile(r"(?:^|\W)(?:by|von|par|por|door|przez|autor(?:in)?|author|auteur|verfasst|geschrieben|"
                     r"gespeichert|text)\b", re.IGNORECASE)
_NAME = r"(?-i:[A-ZÀ-ÞĀ-Ž][\w.'’-]*(?:\s+(?:von|van|de|der|del|la|le|da|di|dos|y|und|and|&|,)?\s*[A-ZÀ-ÞĀ-Ž][\w.'’-]*){0,5})"
_TEXT_BYLINE = re.compile(
    r"(?:^|[\s|•·(])(?:(?:posted|written|geschrieben|verfasst|gespeichert|eingestellt|veröffentlicht|erstellt)\s+"
    r"(?:von|by)\s*:?\s*([\w.'’-]+(?:\s+" + _NAME + r")?)|(?:autor(?:in)?|author|auteur|text|redaktion)\s*:\s*"
    r"([\w.'’-]+(?:\s+" + _NAME + r")?))|^(?:by|von|par|por|door|przez)\s+(" + _NAME + r")",
    re.IGNORECASE,
)
_LEAD = re.compile(r"^[\W\d]+")
_CREDIT = re.compile(r"\b(?:theme|design(?:ed)?|powered|hosted|photos?|fotos?|bild|illustration|image|quelle|"
                     r"source|copyright|template|developed|made)\s+(?:by|von|par|por)\b|©|\(c\)", re.IGNORECASE)


def clean_author(value: Any) -> str | None:
    """The names in a byline: "By Jane Doe | 2 May 2024" gives "Jane Doe"; None when no name is left."""
    if not isinstance(value, str):
        return None
    text = squash(value).lstrip("@")
    if _URL.search(text):
        return None
    text = _GLUED.sub(r"\1 ", DATE_RE.sub(" ", text))
    text = _PREFIX.sub("", text, count=1)
    text = _CUT.sub("", text).strip(" ,;:.-–—()[]")
    words = text.split()
    if not words or _NOT_NAME.search(text) or len(words) > _MAX_WORDS or not any(ch.isalpha() for ch in text):
        return None
    if len(words) > 1 and sum(w[0].islower() and w.lower() not in _SMALL for w in words) > 1:
        return None  # a phrase, not a name
    return person_name(text)


def _structured_names(data: Structured) -> list[str]:
    """Author names from JSON-LD, microdata and meta tags, best source first."""
    for names in (
        data.ld_names("author"),
        data.microdata("author"),
        [v for k in ("author", "article:author", "parsely-author", "sailthru.author", "dc.creator", "byl",
                     "citation_author") for v in data.tags.get(k, [])[:1]],
    ):
        cleaned = [c for c in (clean_author(n) for n in names) if c]
        if cleaned:
            return list(dict.fromkeys(cleaned))
    return []


def _visible_bylines(data: Structured) -> list[str]:
    """Texts of elements marked as the byline or author (rel=author, class/id naming the author)."""
    found = [squash(a.text_content()) for a in data.tree.xpath('//a[@rel="author"]')]
    for element in data.bylines:
        attrs = f"{element.get('class', '')} {element.get('id', '')}"
        if not _NOT_ATTR.search(attrs):
            text = squash(element.text_content())
            if text and len(text) <= 120:
                found.append(text)
    return found


def _site_key(name: str) -> str:
    """A name reduced for comparison with the site's names: no article, legal form or punctuation."""
    name = re.sub(r"^(?:the|die|der|das|la|le|el|il)\s+|\s+e\.?\s?v\.?$|\s+(?:gmbh|ag|inc|ltd|llc)\.?$", "",
                  name.strip().lower())
    return re.sub(r"\W+", "", name)


def _text_byline(tree: Any) -> str | None:
    """A name written after a byline marker in a short piece of visible text ("von Jane Doe", "Autor: jdoe")."""
    for node in tree.xpath("//body//text()[string-length(normalize-space()) > 1]"):
        if not _MARKER.search(node):
            continue
        parent = node.getparent()
        if parent is None or parent.tag in ("script", "style", "title", "option", "textarea"):
            continue
        text = squash(parent.text_content()) if len(parent) < 12 else squash(node)
        if len(text) > 200 or _CREDIT.search(text):
            continue
        text = _LEAD.sub("", DATE_RE.sub("", text))
        match = _TEXT_BYLINE.search(text)
        name = clean_author(next(g for g in match.groups() if g)) if match else None
        if name:
            return name
    return None


def _site_keys(data: Structured) -> set[str]:
    """Keys of the names the publisher goes by (not its domain: a blog is often named after its author)."""
    names = data.ld_names("publisher") + [n for n in (data.meta("og:site_name"), data.meta("application-name")) if n]
    return {_site_key(n) for n in names}


def page_author(data: Structured, host: str = "") -> str | None:
    """The article's author(s) as the page writes them, or None."""
    site_keys = _site_keys(data)
    own_keys = site_keys | {_site_key(host), _site_key(host.split(".")[0])} if host else site_keys
    names = _structured_names(data)
    people = [n for n in names if _site_key(n) not in own_keys]  # not the publisher named as the author
    if len(people) == 1 and " " in people[0]:
        return people[0]
    bylines = [c for c in (clean_author(b) for b in _visible_bylines(data)) if c and _site_key(c) not in site_keys]
    if people:
        for line in bylines:
            if len(people) > 1 and all(n.lower() in line.lower() for n in people):
                return line  # the page's own byline joins several names ("A and B"): keep its wording
            if len(people) == 1 and line.lower().startswith(people[0].lower() + " "):
                return line  # a first name in the metadata, the full name in the byline
        return "; ".join(people)
    found = bylines[0] if bylines else _text_byline(data.tree)
    if found and _site_key(found) not in site_keys:
        return found
    return "; ".join(names) or None
