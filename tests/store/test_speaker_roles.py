"""A quote's speaker role is kept with the annotations and comes back as it went in."""
from dataclasses import replace

from .conftest import make_annotated, make_report


def test_speaker_role_round_trip(store):
    report = make_report(1)
    store.add_report(report)
    ann = make_annotated(report)
    quotes = [replace(ann.quotes[0], speaker_role="Mayor", basis="role", confidence=0.75), ann.quotes[1]]
    ann = replace(ann, quotes=quotes)
    store.put_annotated(ann)
    back = store.get_annotated(report.id)
    assert back is not None
    assert [q.speaker_role for q in back.quotes] == ["Mayor", None]
    assert back == ann


def test_why_nobody_is_named_round_trip(store):
    report = make_report(2)
    store.add_report(report)
    ann = make_annotated(report)
    doubted = replace(ann.quotes[0], speaker=None, basis="pronoun", confidence=0.0,
                      doubt="“she” could be Ann Lee or Jo Kay")
    ann = replace(ann, quotes=[doubted, ann.quotes[1]])
    store.put_annotated(ann)
    back = store.get_annotated(report.id)
    assert back is not None and [q.doubt for q in back.quotes] == ["“she” could be Ann Lee or Jo Kay", ""]


def test_a_headline_quotation_keeps_its_part(store):
    report = make_report(3)
    store.add_report(report)
    ann = make_annotated(report)
    ann = replace(ann, quotes=[replace(ann.quotes[0], part="title"), ann.quotes[1]])
    store.put_annotated(ann)
    back = store.get_annotated(report.id)
    assert back is not None and [q.part for q in back.quotes] == ["title", "text"]
    assert [q.part for q in back.body_quotes] == ["text"]
