"""Report-to-story similarity: the IDF-weighted view of a report, kept while the statistics stand still."""
from __future__ import annotations

from pytest import approx

from newsloom.stories.similarity import (
    NUMBER,
    Centroid,
    DocFreq,
    ReportFeatures,
    Weighted,
    entity_similarity,
    text_similarity,
)
from tests.stories import news
from tests.stories.news import make


def features(rid: str, text: str, date: str) -> ReportFeatures:
    """Features of an invented derailment report."""
    return ReportFeatures.of(make(rid, text, date, news.DERAILMENT))


def fitted(*feats: ReportFeatures) -> tuple[DocFreq, DocFreq]:
    """Term and entity statistics counting the given reports."""
    terms, entities = DocFreq(), DocFreq()
    for f in feats:
        terms.add(f.terms)
        entities.add(f.entities)
    return terms, entities


def test_view_is_kept_until_a_document_is_counted():
    report = features("a", news.TRAIN_ORIGINAL, "2024-03-09")
    terms, entities = fitted(report)
    view = report.weighted(terms, entities)
    assert report.weighted(terms, entities) is view
    term = next(iter(report.terms))
    terms.add([term])
    fresh = report.weighted(terms, entities)
    assert fresh is not view
    assert dict((t, w) for t, w, _ in fresh.terms)[term] < dict((t, w) for t, w, _ in view.terms)[term]
    other_terms, _ = fitted(report)
    assert report.weighted(other_terms, entities) is not fresh  # another statistics object, another view


def test_view_holds_idf_weights_and_their_totals():
    report = features("a", news.TRAIN_ORIGINAL, "2024-03-09")
    terms, entities = fitted(report, features("b", news.TRAIN_REWRITE, "2024-03-10"))
    view = Weighted.of(report.terms, report.entities, terms, entities)
    assert view.terms_sq == approx(sum((w * terms.idf(t)) ** 2 for t, w in report.terms.items()))
    for numbers in (False, True):
        rows, total = view.parts[numbers]
        assert {k for k, _, _ in rows} == {k for k in report.entities if k.startswith(NUMBER) == numbers}
        assert total == approx(sum(report.entities[k] * entities.idf(k) for k, _, _ in rows))
        assert all(weighted == approx(report.entities[k] * idf) for k, weighted, idf in rows)


def test_scores_with_and_without_a_view_agree():
    wire = features("a", news.TRAIN_ORIGINAL, "2024-03-09")
    rewrite = features("b", news.TRAIN_REWRITE, "2024-03-10")
    terms, entities = fitted(wire, rewrite)
    story = Centroid()
    story.add(rewrite)
    story.add(wire)
    view = wire.weighted(terms, entities)
    for member in (False, True):
        assert text_similarity(wire, story, terms, member, view) == text_similarity(wire, story, terms, member)
        for numbers in (False, True):
            with_view = entity_similarity(wire, story, entities, member, numbers, view=view)
            assert with_view == entity_similarity(wire, story, entities, member, numbers)
    assert 0.0 < text_similarity(wire, story, terms, member=True, view=view) < 1.0
