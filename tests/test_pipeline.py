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


def test_claim_embeddings_are_stored_in_batches(tmp_path, monkeypatch):
    import newsloom.pipeline as pipeline_module
    from newsloom.annotate.embeddings import unpack

    calls = []
    real = pipeline_module.embed_claims
    monkeypatch.setattr(pipeline_module, "EMBED_BATCH", 2)
    monkeypatch.setattr(pipeline_module, "embed_claims", lambda claims, texts: calls.append(len(texts)) or real(claims, texts))
    for i, text in enumerate([CHROME_REPORT, OTHER_REPORT, OTHER_REPORT.replace("Monday", "Tuesday")]):
        (tmp_path / f"{i}.txt").write_text(text, encoding="utf-8")
    with SQLiteStore(":memory:") as store:
        Pipeline(store).ingest([tmp_path])
        anns = store.annotated()
    assert calls == [2, 1]
    claims = [c for a in anns for c in a.claims]
    assert claims and all(unpack(c.vectors).shape == (1 + len(c.facets), 384) for c in claims)


def test_a_failing_encoder_loses_no_report(tmp_path, monkeypatch):
    import newsloom.pipeline as pipeline_module

    def broken(claims, texts):
        raise RuntimeError("no encoder")

    monkeypatch.setattr(pipeline_module, "embed_claims", broken)
    (tmp_path / "a.txt").write_text(OTHER_REPORT, encoding="utf-8")
    with SQLiteStore(":memory:") as store:
        statuses = Pipeline(store).ingest([tmp_path])
        anns = store.annotated()
    assert [s.status for s in statuses] == ["ok"] and len(anns) == 1
    assert all(c.vectors is None for c in anns[0].claims)
