"""A speaker fix is kept in the store: it holds across rebuilt stories, a re-ingest and re-annotation with moved offsets."""
from dataclasses import replace

from newsloom.fixes import fix_states, record_fix
from newsloom.pipeline import Pipeline
from newsloom.store import SQLiteStore

from tests.test_cli_fix import DOCK, WIRE


def quote(brief):
    return next(q for s in brief.stories for q in s.quotes if "cuts night pay" in q.text)


def shifted(ann, by: int):
    """The annotations as a new extractor might give them: the same text behind a new first line."""
    lead = "x" * (by - 1) + "\n"
    return replace(ann, article=replace(ann.article, text=lead + ann.article.text),
                   quotes=[replace(q, start=q.start + by, end=q.end + by) for q in ann.quotes])


def test_a_fix_survives_rebuilds_reingests_and_moved_offsets(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "dock.txt").write_text(DOCK, encoding="utf-8")
    (folder / "wire.txt").write_text(WIRE, encoding="utf-8")
    with SQLiteStore(tmp_path / "news.db") as store:
        pipeline = Pipeline(store)
        pipeline.ingest([folder])
        pipeline.build_stories()
        report = quote(pipeline.brief()).evidence[0].report
        record_fix(store, report, "cuts night pay", "Ivo Marsh", by="ana")
        assert quote(pipeline.brief()).speaker == "Ivo Marsh"

        pipeline.ingest([folder])
        pipeline.ingest([folder], retry_failed=True)
        pipeline.build_stories(rebuild=True)
        assert quote(pipeline.brief()).speaker_basis == "corrected"
        assert quote(Pipeline(store).brief()).speaker == "Ivo Marsh"

        store.put_annotated(shifted(store.get_annotated(report), 12))
        pipeline.build_stories(rebuild=True)
        moved = quote(pipeline.brief())
        assert moved.speaker == "Ivo Marsh" and moved.correction.evidence[0].start > 12
        assert [s.state for s in fix_states(store)] == ["applied"]

        ann = store.get_annotated(report)
        store.put_annotated(replace(ann, quotes=[q for q in ann.quotes if "night pay" not in q.text]))
        brief = pipeline.brief()
        assert [s.state for s in fix_states(store)] == ["stale"]
        assert [f.speaker for s in brief.stories for f in s.stale_fixes] == ["Ivo Marsh"]
        assert quote(brief).speaker == "Oona Brandt"
