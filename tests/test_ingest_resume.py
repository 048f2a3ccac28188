"""Ingest keeps each report's state: a re-run finishes what an interrupted run left, duplicates nothing, retries failures."""
from newsloom import pipeline as pipeline_module
from newsloom.model import InputStatus, Report
from newsloom.pipeline import Pipeline, ReportResult, over_limit
from newsloom.store import SQLiteStore

from tests.test_cli import CHROME_REPORT, OTHER_REPORT


def _folder(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text(CHROME_REPORT, encoding="utf-8")
    (folder / "b.txt").write_text(OTHER_REPORT, encoding="utf-8")
    return folder


def _statuses(store):
    return {s.source.rsplit("/", 1)[-1]: (s.status, s.reason) for s in store.inputs()}


def test_a_second_run_is_not_a_duplicate_of_itself(tmp_path):
    folder = _folder(tmp_path)
    (folder / "copy.txt").write_text(OTHER_REPORT, encoding="utf-8")
    with SQLiteStore(tmp_path / "s.db") as store:
        first = Pipeline(store).ingest([folder])
        again = Pipeline(store).ingest([folder])
        assert first == again
        statuses = _statuses(store)
    assert statuses["a.txt"] == statuses["b.txt"] == ("ok", "")
    assert statuses["copy.txt"][0] == "skipped" and statuses["copy.txt"][1].endswith("b.txt")


def test_reports_stored_but_not_processed_are_processed_by_the_next_run(tmp_path):
    folder = _folder(tmp_path)
    with SQLiteStore(tmp_path / "s.db") as store:
        for name in ("a.txt", "b.txt"):  # what a run killed after reading its inputs leaves
            store.add_report(Report.make(str(folder / name), (folder / name).read_bytes(), "text"))
        assert len(store.pending_reports()) == 2 and store.inputs() == []
        Pipeline(store).ingest([folder])
        assert store.pending_reports() == []
        assert {s for s, _ in _statuses(store).values()} == {"ok"}
        assert len(store.annotated_ids()) == 2
        assert {store.report_state(r).state for r in store.annotated_ids()} == {"annotated"}


def test_failures_stay_failed_until_retried(tmp_path, monkeypatch):
    folder = _folder(tmp_path)
    real = pipeline_module.ANNOTATE

    def broken_on_b(report: Report) -> ReportResult:
        return over_limit(report, "over the time limit (1 s per document)") if report.source.endswith("b.txt") \
            else real(report)

    with SQLiteStore(tmp_path / "s.db") as store:
        monkeypatch.setattr(pipeline_module, "ANNOTATE", broken_on_b)
        Pipeline(store).ingest([folder])
        assert _statuses(store)["b.txt"] == ("failed", "over the time limit (1 s per document)")
        monkeypatch.setattr(pipeline_module, "ANNOTATE", real)
        Pipeline(store).ingest([folder])  # a plain re-run leaves the failure alone
        assert _statuses(store)["b.txt"][0] == "failed"
        statuses = Pipeline(store).ingest([folder], retry_failed=True)
        assert {s.status for s in statuses} == {"ok"}
        assert _statuses(store)["b.txt"] == ("ok", "")
        assert [store.report_state(r).state for r in store.annotated_ids()] == ["annotated", "annotated"]


def test_an_unreadable_input_keeps_its_own_row(tmp_path):
    folder = _folder(tmp_path)
    with SQLiteStore(":memory:") as store:
        statuses = Pipeline(store).ingest([folder, tmp_path / "missing.txt"])
    assert InputStatus(str(tmp_path / "missing.txt"), "failed", "no such file or directory") in statuses
    assert sum(s.status == "ok" for s in statuses) == 2
