"""One article through the annotate stage: parse it, then find every span the later stages use."""
from __future__ import annotations

from typing import TYPE_CHECKING

from newsloom.annotate.claims import find_claims
from newsloom.annotate.corrections import find_corrections
from newsloom.annotate.dates import find_dates
from newsloom.annotate.embeddings import embed_claims
from newsloom.annotate.entities import doc_mentions
from newsloom.annotate.headline_quotes import headline_quotes
from newsloom.annotate.nlp import parse
from newsloom.annotate.quotes import find_quotes
from newsloom.annotate.sources import find_sources
from newsloom.model import Annotated, Article

if TYPE_CHECKING:
    from spacy.tokens import Doc


def annotate(article: Article, vectors: bool = True, doc: Doc | None = None) -> Annotated:
    """Parse an article and attach every span the later stages use (and claim embeddings unless `vectors` is off).

    `doc` is the article's text already parsed (as `parse` gives it), when it was parsed with others.
    """
    doc = parse(article.text) if doc is None else doc
    mentions = doc_mentions(doc)
    dates = find_dates(doc, article.published)
    quotes = find_quotes(doc, mentions, article.report_id)
    corrections = find_corrections(article.text, article.published)
    claims = [c for c in find_claims(doc, mentions, dates, quotes, article.report_id)
              if not any(n.start < c.end and c.start < n.end for n in corrections)]  # a notice is not a claim
    quotes += headline_quotes(article.title, quotes, mentions, article.report_id, article.text)
    if vectors and claims:
        embed_claims(claims, {article.report_id: article.text})
    sentences = [(s.start_char, s.end_char) for s in doc.sents]
    sources = find_sources(article.text, sentences, mentions, article.lang)
    return Annotated(article=article, sentences=sentences, mentions=mentions, dates=dates, quotes=quotes, claims=claims,
                     sources=sources, corrections=corrections)
