"""What changed in the stories, on the web: Atom feeds of update events (desk-wide and per story), "what's new" lists."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timezone
from xml.etree.ElementTree import Element, SubElement, tostring

from fastapi import APIRouter, HTTPException, Request
from fastapi.responses import Response
from fastapi.templating import Jinja2Templates

from newsloom.model import StoryUpdate
from newsloom.watch.events import utc_iso
from newsloom.web.desk import Desk

ATOM_NS = "http://www.w3.org/2005/Atom"
ATOM_TYPE = "application/atom+xml; charset=utf-8"
FEED_ENTRIES = 50  # newest update events an Atom feed carries
PAGE_ENTRIES = 20  # newest update events a story page lists


@dataclass(frozen=True)
class WhatsNew:
    """A story page's list of update events, newest first, and the time it runs from."""

    since: str
    updates: list[StoryUpdate]


def _add(parent: Element, tag: str, text: str | None = None, **attrs: str) -> Element:
    """Append an Atom element with optional text and attributes."""
    child = SubElement(parent, tag, attrs)
    if text is not None:
        child.text = text
    return child


def atom_feed(title: str, feed_url: str, page_url: str, base: str, updates: list[StoryUpdate]) -> bytes:
    """An Atom 1.0 feed of update events: each entry links to its story page and names the reports it rests on."""
    feed = Element("feed", xmlns=ATOM_NS)
    _add(feed, "id", feed_url)
    _add(feed, "title", title)
    _add(feed, "updated", updates[0].at if updates else datetime.now(timezone.utc).isoformat(timespec="seconds"))
    _add(feed, "link", rel="self", type="application/atom+xml", href=feed_url)
    _add(feed, "link", rel="alternate", type="text/html", href=page_url)
    _add(_add(feed, "author"), "name", "newsloom")
    _add(feed, "generator", "newsloom")
    for u in updates:
        link = f"{base}stories/{u.story_id}#update-{u.seq}"
        entry = _add(feed, "entry")
        _add(entry, "id", link)
        _add(entry, "title", u.text)
        _add(entry, "updated", u.at)
        _add(entry, "link", rel="alternate", type="text/html", href=link)
        _add(entry, "category", term=u.kind)
        _add(entry, "summary", f"{u.text} (reports: {', '.join(u.reports) or 'none'})")
    return b'<?xml version="1.0" encoding="utf-8"?>\n' + tostring(feed, encoding="utf-8", xml_declaration=False)


def updates_router(desk: Desk, templates: Jinja2Templates) -> APIRouter:
    """The Atom routes, and the story page's `whats_new(story_id, since)` helper for its templates."""
    router = APIRouter()
    store = desk.store

    def whats_new(story_id: str, since: str | None = None) -> WhatsNew:
        """The newest update events of a story (those at or after `since` when it is an ISO time)."""
        when = utc_iso(since) if since else None
        found = store.updates(story_id, when, PAGE_ENTRIES)
        return WhatsNew(when or (found[-1].at if found else ""), found)

    templates.env.globals["whats_new"] = whats_new

    @router.get("/updates.atom")
    def desk_feed(request: Request) -> Response:
        """Atom feed of what changed in every story, newest first."""
        base = str(request.base_url)
        body = atom_feed("newsloom: what changed in the stories", f"{base}updates.atom", base, base,
                         store.updates(limit=FEED_ENTRIES))
        return Response(body, media_type=ATOM_TYPE)

    @router.get("/stories/{story_id}/updates.atom")
    @router.get("/story/{story_id}/updates.atom")
    def story_feed(request: Request, story_id: str) -> Response:
        """Atom feed of what changed in one story, newest first."""
        found = store.updates(story_id, limit=FEED_ENTRIES)
        story = desk.story(story_id)
        if story is None and not found:
            raise HTTPException(404, f"no story {story_id!r} in this store")
        base = str(request.base_url)
        page = f"{base}stories/{story_id}"
        return Response(atom_feed(f"newsloom: what changed in story {story_id}", f"{page}/updates.atom", page,
                                  base, found), media_type=ATOM_TYPE)

    return router

