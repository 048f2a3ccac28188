"""The pipeline runs the same under the in-process and process-pool executors."""
import pytest

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
    import newsloom.compare.story as compare_story

    def broken(story, anns, fixes):
        raise RuntimeError("boom")

    monkeypatch.setattr(compare_story, "analyze_story", broken)
    (tmp_path / "a.txt").write_text(OTHER_REPORT, encoding="utf-8")
    with SQLiteStore(":memory:") as store:
        brief = Pipeline(store).run([tmp_path])
    assert len(brief.stories) == 1 and len(brief.stories[0].reports) == 1
    assert brief.stories[0].quotes == []


def test_claims_are_embedded_once_and_only_where_a_story_has_two_reports(tmp_path, monkeypatch):
    import newsloom.annotate.embeddings as embeddings
    from newsloom.annotate.embeddings import unpack

    encoded = []
    real = embeddings.embed_claims
    monkeypatch.setattr(embeddings, "embed_claims",
                        lambda claims, texts, *encode: encoded.extend(claims) or real(claims, texts, *encode))
    (tmp_path / "one").mkdir()
    (tmp_path / "one" / "a.txt").write_text(OTHER_REPORT, encoding="utf-8")
    with SQLiteStore(tmp_path / "news.db") as store:
        pipeline = Pipeline(store)
        pipeline.ingest([tmp_path / "one"])
        pipeline.build_stories()
        pipeline.brief()
        assert encoded == [] and all(c.vectors is None for a in store.annotated() for c in a.claims)
        (tmp_path / "two").mkdir()
        (tmp_path / "two" / "b.txt").write_text(OTHER_REPORT.replace("Monday", "Tuesday"), encoding="utf-8")
        pipeline.ingest([tmp_path / "two"])
        assert encoded == []  # ingest never encodes
        assert [len(s.report_ids) for s in pipeline.build_stories()] == [2]
        first = pipeline.brief()
        claims = [c for a in store.annotated() for c in a.claims]
        assert claims and len(encoded) == len(claims)
        assert all(unpack(c.vectors).shape == (1 + len(c.facets), 384) for c in claims)
        encoded.clear()
        again = pipeline.brief()
    assert encoded == []  # the kept embeddings are reused
    assert again.to_dict() == first.to_dict()


def test_a_failing_encoder_loses_no_report(tmp_path, monkeypatch):
    import newsloom.annotate.embeddings as embeddings

    def broken(claims, texts, *encode):
        raise RuntimeError("no encoder")

    monkeypatch.setattr(embeddings, "embed_claims", broken)
    (tmp_path / "a.txt").write_text(OTHER_REPORT, encoding="utf-8")
    (tmp_path / "b.txt").write_text(OTHER_REPORT.replace("Monday", "Tuesday"), encoding="utf-8")
    with SQLiteStore(":memory:") as store:
        brief = Pipeline(store).run([tmp_path])
        anns = store.annotated()
    assert [s.status for s in brief.inputs] == ["ok", "ok"] and len(anns) == 2
    assert [len(s.reports) for s in brief.stories] == [2]
    assert all(c.vectors is None for a in anns for c in a.claims)


def test_a_second_run_places_only_the_new_reports(tmp_path, monkeypatch):
    import newsloom.pipeline as pipeline_module
    import newsloom.stories as stories_module

    (tmp_path / "one").mkdir()
    (tmp_path / "two").mkdir()
    (tmp_path / "one" / "a.txt").write_text(CHROME_REPORT, encoding="utf-8")
    (tmp_path / "two" / "b.txt").write_text(OTHER_REPORT, encoding="utf-8")
    with SQLiteStore(tmp_path / "news.db") as store:
        pipeline = Pipeline(store)
        pipeline.ingest([tmp_path / "one"])
        assert [len(s.report_ids) for s in pipeline.build_stories()] == [1]
        assert store.get_state(pipeline_module.STORY_INDEX)
        pipeline.ingest([tmp_path / "two"])
        monkeypatch.setattr("newsloom.stories.clustering.REGROUP_GROWTH", 3.0)  # 1 -> 2 reports is no doubling here
        full = stories_module.grouped
        monkeypatch.setattr(stories_module, "grouped", lambda anns: pytest.fail("grouped everything anew"))
        kept = pipeline.build_stories()
        assert [len(s.report_ids) for s in kept] == [2]
        monkeypatch.setattr(stories_module, "grouped", full)
        rebuilt = pipeline.build_stories(rebuild=True)
    assert [(s.id, s.report_ids, s.edges) for s in kept] == [(s.id, s.report_ids, s.edges) for s in rebuilt]


def test_an_unreadable_kept_index_means_grouping_anew(tmp_path, caplog):
    import newsloom.pipeline as pipeline_module

    (tmp_path / "a.txt").write_text(CHROME_REPORT, encoding="utf-8")
    (tmp_path / "b.txt").write_text(OTHER_REPORT, encoding="utf-8")
    with SQLiteStore(":memory:") as store:
        pipeline = Pipeline(store)
        pipeline.ingest([tmp_path])
        store.put_state(pipeline_module.STORY_INDEX, b"not an index")
        with caplog.at_level("WARNING", logger="newsloom"):
            stories = pipeline.build_stories()
        assert [len(s.report_ids) for s in stories] == [2]
        assert "grouping every report anew" in caplog.text
        assert store.get_state(pipeline_module.STORY_INDEX).startswith(b"newsloom.story-index/")


class _Planted:
    """Unpickling this creates the file at `path`."""

    def __init__(self, path):
        self.path = str(path)

    def __reduce__(self):
        return open, (self.path, "w")


@pytest.mark.parametrize("header", [b"newsloom.story-index/1\n", b"newsloom.story-index/2\n"])
def test_a_crafted_kept_index_runs_nothing_and_stories_are_grouped_anew(tmp_path, header):
    import pickle

    import newsloom.pipeline as pipeline_module
    from newsloom.stories import StoryIndex

    marker = tmp_path / "ran"
    payload = pickle.dumps(_Planted(marker))
    pickle.loads(payload).close()  # the payload is live: unpickled, it creates the marker
    assert marker.exists()
    marker.unlink()
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.txt").write_text(CHROME_REPORT, encoding="utf-8")
    (tmp_path / "in" / "b.txt").write_text(OTHER_REPORT, encoding="utf-8")
    with SQLiteStore(tmp_path / "shared.db") as store:
        Pipeline(store).ingest([tmp_path / "in"])
        store.put_state(pipeline_module.STORY_INDEX, header + payload)
    with SQLiteStore(tmp_path / "shared.db") as store:
        pipeline = Pipeline(store)
        stories = pipeline.build_stories()
        assert not marker.exists()
        assert pipeline.placed is None and [len(s.report_ids) for s in stories] == [2]
        assert StoryIndex.loads(store.get_state(pipeline_module.STORY_INDEX)).report_ids()


def test_a_store_that_doubled_is_grouped_anew(tmp_path, monkeypatch):
    import newsloom.stories as stories_module

    (tmp_path / "one").mkdir()
    (tmp_path / "two").mkdir()
    (tmp_path / "one" / "a.txt").write_text(CHROME_REPORT, encoding="utf-8")
    (tmp_path / "two" / "b.txt").write_text(OTHER_REPORT, encoding="utf-8")
    calls = []
    real = stories_module.grouped_streamed

    def counted(anns, load):
        anns = list(anns)
        calls.append(len(anns))
        return real(anns, load)

    monkeypatch.setattr(stories_module, "grouped_streamed", counted)
    with SQLiteStore(":memory:") as store:
        pipeline = Pipeline(store)
        pipeline.ingest([tmp_path / "one"])
        pipeline.build_stories()
        pipeline.ingest([tmp_path / "two"])
        assert [len(s.report_ids) for s in pipeline.build_stories()] == [2]
    assert calls == [1, 2]


def test_stories_are_stored_when_the_index_cannot_be_kept(tmp_path, monkeypatch, caplog):
    from newsloom.store import StoreError

    (tmp_path / "a.txt").write_text(OTHER_REPORT, encoding="utf-8")
    with SQLiteStore(":memory:") as store:
        pipeline = Pipeline(store)
        pipeline.ingest([tmp_path])

        def full(name, value):
            raise StoreError("disk full")

        monkeypatch.setattr(store, "put_state", full)
        with caplog.at_level("WARNING", logger="newsloom"):
            stories = pipeline.build_stories()
        assert store.stories() == stories and len(stories) == 1
    assert "story index not kept: disk full" in caplog.text


def test_a_pipeline_holds_its_index_until_another_replaces_it(tmp_path, monkeypatch):
    from newsloom.stories import StoryIndex

    for i, text in enumerate([CHROME_REPORT, OTHER_REPORT, OTHER_REPORT.replace("Monday", "Tuesday")]):
        (tmp_path / str(i)).mkdir()
        (tmp_path / str(i) / "r.txt").write_text(text, encoding="utf-8")
    monkeypatch.setattr("newsloom.stories.clustering.REGROUP_GROWTH", 10.0)
    loads = []
    real = StoryIndex.loads
    monkeypatch.setattr(StoryIndex, "loads", classmethod(lambda cls, data: loads.append(len(data)) or real(data)))
    with SQLiteStore(tmp_path / "news.db") as store:
        first, second = Pipeline(store), Pipeline(store)
        first.ingest([tmp_path / "0"])
        first.build_stories()
        first.ingest([tmp_path / "1"])
        first.build_stories()
        assert loads == []  # its own index, held in memory
        second.ingest([tmp_path / "2"])
        second.build_stories()
        assert len(loads) == 1  # read from the store
        first.build_stories()
        assert len(loads) == 2  # the second pipeline replaced it: read again
        assert sum(len(s.report_ids) for s in store.stories()) == 3


def test_the_package_analyze_takes_the_pipeline_options(tmp_path, monkeypatch):
    """`newsloom.analyze` passes limits and the other options on to the pipeline."""
    import newsloom
    import newsloom.pipeline as pipeline_module
    from newsloom.workers import Limits

    seen = {}
    monkeypatch.setattr(pipeline_module, "analyze", lambda paths, **kw: seen.update(kw) or "brief")
    assert newsloom.analyze([tmp_path], limits=None, follow_links=True) == "brief"
    assert seen == {"workers": 1, "limits": None, "follow_links": True}
    newsloom.analyze([tmp_path], workers=2, limits=Limits(5, 100))
    assert seen["limits"] == Limits(5, 100) and seen["workers"] == 2


@pytest.mark.parametrize("guarded", [False, True])
def test_ingest_holds_a_bounded_number_of_reports_in_flight(tmp_path, monkeypatch, guarded):
    from newsloom.executors import LocalExecutor
    from newsloom.pipeline import ANNOTATE, over_limit, warm_parser
    from newsloom.workers import GuardedExecutor, Limits

    count = 2 * ANNOTATE.size + 3
    for i in range(count):
        (tmp_path / f"{i}.txt").write_text(OTHER_REPORT.replace("Monday", f"Monday, day {i},"), encoding="utf-8")
    documents = (GuardedExecutor(over_limit, workers=1, limits=Limits(), warmup=warm_parser) if guarded
                 else LocalExecutor())
    read, ahead = [], []
    with SQLiteStore(":memory:") as store:
        real_get, real_finish = store.get_report, store.finish_report
        monkeypatch.setattr(store, "get_report", lambda rid: read.append(rid) or real_get(rid))

        def finish(report_id, *args):
            ahead.append(len(read) - len(ahead))
            return real_finish(report_id, *args)

        monkeypatch.setattr(store, "finish_report", finish)
        try:
            Pipeline(store, documents=documents).ingest([tmp_path])
        finally:
            documents.close()
        assert len(store.annotated_ids()) == count
    # reports read but not yet stored: a batch in this process, two batches per worker process
    assert len(ahead) == count and max(ahead) <= (2 * ANNOTATE.size if guarded else ANNOTATE.size)


def test_story_briefs_read_each_storys_articles_only_when_it_is_compared(tmp_path, monkeypatch):
    """Compare holds the articles of the stories in flight, never all of the store's (bounded at any size)."""
    from bench.scale_out import write_corpus

    write_corpus(tmp_path / "in", 10, seed=5)
    with SQLiteStore(tmp_path / "news.db") as store:
        pipeline = Pipeline(store)
        pipeline.ingest([tmp_path / "in"])
        stories = pipeline.build_stories()
        assert len(stories) == 2
        whole = pipeline.brief()
        read: list[str] = []
        real = store.get_annotated
        monkeypatch.setattr(store, "get_annotated", lambda rid: read.append(rid) or real(rid))
        monkeypatch.setattr(store, "annotated", lambda: pytest.fail("every article read at once"))
        streamed = pipeline.story_briefs()
        first = next(streamed)
        assert read == stories[0].report_ids  # the second story's articles are not read yet
        assert [first, *streamed] == whole.stories


def test_analysis_streams_through_a_store_on_disk_it_removes(tmp_path, monkeypatch):
    import newsloom.pipeline as pipeline_module
    from bench.scale_out import write_corpus

    write_corpus(tmp_path / "in", 5, seed=5)
    opened = []
    real = pipeline_module.SQLiteStore
    monkeypatch.setattr(pipeline_module, "SQLiteStore", lambda path: opened.append(path) or real(path))
    with pipeline_module.analysis([tmp_path / "in"], executor="local") as (inputs, stories):
        assert opened[0].is_file()  # not an in-memory store that grows with the inputs
        streamed = list(stories)
    assert not opened[0].exists() and len(inputs) == 5 and len(streamed) == 1
    assert pipeline_module.analyze([tmp_path / "in"], executor="local").stories == streamed


def _two_reports_of_one_story(folder):
    folder.mkdir()
    (folder / "a.txt").write_text(OTHER_REPORT, encoding="utf-8")
    (folder / "b.txt").write_text(OTHER_REPORT.replace("Monday", "Tuesday"), encoding="utf-8")
    return folder


@pytest.mark.parametrize("workers", [1, 2])
def test_analysis_encodes_claims_in_a_worker_of_their_own_and_briefs_the_same(tmp_path, monkeypatch, workers):
    from newsloom.claim_encoder import ClaimEncoder
    from newsloom.pipeline import analyze

    folder = _two_reports_of_one_story(tmp_path / "in")
    (folder / "c.txt").write_text(  # a story of its own
        "Library opens in Westmere\n\nThe new public library in Westmere opened its doors on Saturday to 2,000 "
        "visitors, the town council said.\n", encoding="utf-8")
    encoded: list[int] = []
    real = ClaimEncoder._encode
    monkeypatch.setattr(ClaimEncoder, "_encode", lambda self, texts: encoded.append(len(texts)) or real(self, texts))
    local = analyze([folder], executor="local")
    assert encoded == []  # in this process, compare encodes
    pooled = analyze([folder], workers=workers)  # compare in this process (1), or in 2 workers of its own
    assert len(encoded) == 1 and encoded[0] > 0
    assert pooled.to_dict() == local.to_dict() and pooled.stories[0].claims and len(pooled.stories) == 2


def test_a_story_whose_compare_worker_died_keeps_its_reports(tmp_path):
    from newsloom.model import Story
    from newsloom.pipeline import _compare_worker_lost

    folder = _two_reports_of_one_story(tmp_path / "in")
    with SQLiteStore(":memory:") as store:
        Pipeline(store).ingest([folder])
        anns = store.annotated()
    story = Story(id="s-1", report_ids=[a.report_id for a in anns])
    brief, fresh = _compare_worker_lost((story, anns, []), "worker process died (signal SIGKILL)")
    assert fresh == {} and [r.id for r in brief.reports] == story.report_ids and brief.claims == []


def test_a_failing_encoder_worker_leaves_the_claims_to_compare(tmp_path, monkeypatch, caplog):
    from newsloom.claim_encoder import ClaimEncoder
    from newsloom.pipeline import analyze

    def broken(self, texts):
        raise RuntimeError("no encoder worker")

    folder = _two_reports_of_one_story(tmp_path / "in")
    monkeypatch.setattr(ClaimEncoder, "_encode", broken)
    assert analyze([folder], workers=1).to_dict() == analyze([folder], executor="local").to_dict()
    assert "claim encoder worker failed" in caplog.text and "no encoder worker" in caplog.text


def test_an_encoder_started_but_never_used_stops_with_the_analysis():
    from newsloom import workers
    from newsloom.claim_encoder import ClaimEncoder, warm_encoder

    encoder = ClaimEncoder()
    encoder.start()
    early = [w for w in workers._EARLY if w.warmup is warm_encoder]
    assert len(early) == 1
    encoder.close()
    assert not any(w.warmup is warm_encoder for w in workers._EARLY) and early[0].process.poll() is not None
