"""The pipeline runs the same under the in-process and process-pool executors."""
from newsloom.executors import LocalExecutor, ProcessExecutor
from newsloom.pipeline import Pipeline
from newsloom.store import SQLiteStore

from tests.test_cli import CHROME_REPORT, OTHER_REPORT


def _run(tmp_path, executor):
    for name, text in {"a.txt": CHROME_REPORT, "b.txt": OTHER_REPORT}.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    with SQLiteStore(":memory:") as store:
        brief = Pipeline(store, executor).run([tmp_path])
    return brief


def test_executors_give_the_same_brief(tmp_path):
    local = _run(tmp_path, LocalExecutor())
    pooled = _run(tmp_path, ProcessExecutor(workers=2))
    assert local.to_dict() == pooled.to_dict()
    assert [len(s.reports) for s in local.stories] == [2]


def test_progress_reports_each_stage(tmp_path):
    (tmp_path / "a.txt").write_text(OTHER_REPORT, encoding="utf-8")
    seen = []
    with SQLiteStore(":memory:") as store:
        Pipeline(store, progress=lambda stage, done, total: seen.append(stage)).run([tmp_path])
    assert {"extract+annotate", "stories", "compare"} <= set(seen)


def test_a_story_that_fails_to_compare_keeps_its_reports(tmp_path, monkeypatch):
    import newsloom.pipeline as pipeline

    def broken(story, anns):
        raise RuntimeError("boom")

    monkeypatch.setattr(pipeline, "analyze_story", broken)
    (tmp_path / "a.txt").write_text(OTHER_REPORT, encoding="utf-8")
    with SQLiteStore(":memory:") as store:
        brief = Pipeline(store).run([tmp_path])
    assert len(brief.stories) == 1 and len(brief.stories[0].reports) == 1
    assert brief.stories[0].quotes == []
