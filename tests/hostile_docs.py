"""Generators of hostile documents that once cost extraction or annotation far too much; each returns bytes."""
from __future__ import annotations

import random

_NAMES = ("Ilse Varga", "Tomas Reyes", "Dana Okafor", "Martin Keller", "Sarah Lindqvist", "Omar Haddad",
          "Claire Dubois", "Peter Novak", "Anna Moretti", "Kevin Walsh")
_ORGS = ("the city council", "the harbour authority", "Havlund Maritime", "the transport ministry", "the union",
         "the state audit office", "Northern Rail", "the port police")
_PLACES = ("Harborville", "Brennic", "the old quay", "the river district", "Kessel Bay", "the north shore")
_CUES = ("said", "told reporters", "added", "warned", "argued", "said on Tuesday")
_PROSE = (
    "{org} approved a budget of {n} million euros for {place} on {day}, ending a dispute that had lasted {m} years.",
    "\u201c{quote},\u201d {name} {cue}.",
    "{name} said that {org} would review the contracts before {day}.",
    "According to {name}, about {n} residents attended the meeting in {place}.",
    "\u201c{quote}. {quote},\u201d said {name}, who has worked for {org} for {m} years.",
    "The plan, which {org} announced in {place}, drew criticism from {name}.",
    "{name} called the vote \u201chistoric\u201d and said {org} had listened to residents.",
    "Work on the first phase is expected to start in {place} next month and to cost {n} million euros.",
)
_QUOTES = ("We waited long enough", "The numbers were never checked", "This will change how the region travels",
           "There is still a lot of work ahead", "The money is finally in place", "Nobody asked the fishermen")
_DAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday")


def prose_text(size: int, seed: int = 1) -> bytes:
    """Realistic news prose of about `size` bytes: paragraphs of names, numbers, dates and attributed quotes."""
    rng = random.Random(seed)
    paragraphs: list[str] = []
    total = 0
    while total < size:
        sentences = [rng.choice(_PROSE).format(
            org=rng.choice(_ORGS), place=rng.choice(_PLACES), name=rng.choice(_NAMES), cue=rng.choice(_CUES),
            quote=rng.choice(_QUOTES), day=rng.choice(_DAYS), n=rng.randint(2, 900), m=rng.randint(2, 12),
        ) for _ in range(rng.randint(1, 4))]
        paragraph = " ".join(sentences)
        paragraph = paragraph[0].upper() + paragraph[1:]
        paragraphs.append(paragraph)
        total += len(paragraph.encode("utf-8")) + 2
    return "\n\n".join(paragraphs).encode("utf-8")


def many_attributes_html(attributes: int = 200_000, per_element: int | None = None) -> bytes:
    """An article page carrying `attributes` attributes (`a0="x" a1="x" ...`), on one element or `per_element` each."""
    body = "".join(f"<p>{p}</p>" for p in prose_text(3_000).decode("utf-8").split("\n\n"))
    per = per_element or attributes
    elements = []
    for first in range(0, attributes, per):
        attrs = " ".join(f'a{i}="x"' for i in range(first, min(first + per, attributes)))
        elements.append(f"<div {attrs}>.</div>")
    return (f"<html><head><title>Council approves ferry terminal</title></head><body><article>"
            f"<h1>Council approves ferry terminal</h1>{body}{''.join(elements)}</article></body></html>").encode("utf-8")


def curly_quotes_text(size: int = 600_000, seed: int = 2) -> bytes:
    """About `size` bytes of curly quotation marks (“ ” ‘ ’) repeated, mixed with some words, in one paragraph."""
    rng = random.Random(seed)
    pieces = ("\u201c", "\u201d", "\u2018", "\u2019", "\u201c\u201d", "\u2018\u2019", "said", "the", "council", "word")
    out: list[str] = []
    total = 0
    while total < size:
        piece = rng.choice(pieces)
        out.append(piece + (" " if rng.random() < 0.5 else ""))
        total += len(out[-1].encode("utf-8"))
    return "".join(out).encode("utf-8")


def unbalanced_quotes_text(size: int = 544_000) -> bytes:
    """About `size` bytes of one paragraph of prose where quotations open (“) far more often than they close."""
    sentences = prose_text(size).decode("utf-8").replace("\u201d", "").replace("\n\n", " ").split(". ")
    out = [("\u201c" if i % 3 == 0 else "") + s + ("\u201d" if i % 400 == 399 else "") for i, s in enumerate(sentences)]
    return ". ".join(out).encode("utf-8")


def one_line_text(size: int = 10_000_000) -> bytes:
    """`size` bytes of words on one line with no line break."""
    words = "the council said the ferry terminal would open in June and cost more than planned "
    return (words * (size // len(words) + 1))[:size].encode("utf-8")
