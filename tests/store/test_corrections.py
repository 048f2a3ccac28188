"""Correction notices are kept with the annotations and come back as they went in."""
from dataclasses import replace

from newsloom.model import Correction

from .conftest import make_annotated, make_report


def test_corrections_round_trip(store):
    report = make_report(1)
    store.add_report(report)
    ann = make_annotated(report)
    notices = [Correction("correction", "CORRECTION (6/8): Updated.", 0, 10, "6/8", "2025-06-08"),
               Correction("editor's note", "Editor's note: none.", 12, 20)]
    ann = replace(ann, corrections=notices)
    store.put_annotated(ann)
    assert store.get_annotated(report.id).corrections == notices
    store.put_annotated(replace(ann, corrections=[]))
    assert store.get_annotated(report.id).corrections == []
