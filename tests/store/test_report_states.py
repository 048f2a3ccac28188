"""Each stored report's state moves with its results, on every backend."""
from newsloom.model import InputStatus

from .conftest import make_annotated, make_article, make_report


def test_states_follow_the_results_and_pending_skips_finished_reports(store):
    reports = [make_report(n) for n in range(4)]
    for r in reports:
        store.add_report(r)
    assert store.pending_reports() == [r.id for r in reports]
    assert store.report_state(reports[0].id).state == "stored"
    store.put_article(make_article(reports[0]))
    assert store.report_state(reports[0].id).state == "extracted"
    store.finish_report(reports[1].id, "annotated", InputStatus(reports[1].source, "ok"), make_annotated(reports[1]))
    store.finish_report(reports[2].id, "failed", InputStatus(reports[2].source, "failed", "over the time limit"))
    assert store.report_state(reports[2].id).reason == "over the time limit"
    assert store.get_annotated(reports[1].id) == make_annotated(reports[1])
    assert store.pending_reports() == [reports[0].id, reports[3].id]
    assert store.pending_reports(retry=("failed",)) == [reports[0].id, reports[2].id, reports[3].id]
    assert store.pending_reports(retry=("annotated", "skipped", "failed")) == [r.id for r in reports]
    assert store.input_status(reports[2].source) == InputStatus(reports[2].source, "failed", "over the time limit")
    assert store.report_state("nope") is None and store.input_status("nope") is None
