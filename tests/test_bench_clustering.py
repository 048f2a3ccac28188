"""B-cubed and pairwise scores of bench/clustering.py on a hand-made five-item example; topic halves."""
from __future__ import annotations

from pytest import approx

from bench.clustering import b_cubed, even, odd, only, pairwise, topic

GOLD = {"a": "G1", "b": "G1", "c": "G1", "d": "G2", "e": "G2"}
SPLIT = {"a": "x", "b": "x", "c": "y", "d": "y", "e": "y"}  # {a,b} {c,d,e}
ONE = {k: "all" for k in GOLD}
SINGLETONS = {k: k for k in GOLD}


def test_b_cubed() -> None:
    """Per-item P: 1, 1, 1/3, 2/3, 2/3 -> 11/15; R: 2/3, 2/3, 1/3, 1, 1 -> 11/15."""
    assert b_cubed(GOLD, SPLIT) == approx((11 / 15, 11 / 15, 11 / 15))
    # one cluster: P = (3 * 3/5 + 2 * 2/5) / 5 = 13/25, R = 1, F1 = 26/38
    assert b_cubed(GOLD, ONE) == approx((13 / 25, 1.0, 13 / 19))
    # singletons: P = 1, R = (3 * 1/3 + 2 * 1/2) / 5 = 2/5, F1 = 4/7
    assert b_cubed(GOLD, SINGLETONS) == approx((1.0, 0.4, 4 / 7))
    assert b_cubed(GOLD, GOLD) == approx((1.0, 1.0, 1.0))


def test_pairwise() -> None:
    """Gold has 4 same-cluster pairs (ab ac bc de); SPLIT predicts 4 (ab cd ce de), 2 of them right."""
    assert pairwise(GOLD, SPLIT) == approx((0.5, 0.5, 0.5))
    # one cluster: 10 predicted pairs, 4 right -> P 0.4, R 1, F1 4/7
    assert pairwise(GOLD, ONE) == approx((0.4, 1.0, 4 / 7))
    # no predicted pairs: precision taken as 0
    assert pairwise(GOLD, SINGLETONS) == approx((0.0, 0.0, 0.0))
    assert pairwise(GOLD, GOLD) == approx((1.0, 1.0, 1.0))


def test_topic_halves():
    """ECB+ ids start with their topic; a half keeps the labels of its topics' documents."""
    labels = {"1_2ecb": "x", "12_3ecbplus": "y", "35_10ecb": "x"}
    assert [topic(d) for d in labels] == [1, 12, 35]
    assert only(labels, odd) == {"1_2ecb": "x", "35_10ecb": "x"}
    assert only(labels, even) == {"12_3ecbplus": "y"}


def test_arrival_in_batches_places_every_report_and_one_batch_is_the_one_shot() -> None:
    from bench.clustering import arrival_rows, in_batches, ours
    from tests.stories.test_clustering import mixed

    anns = mixed()
    one_shot = ours(anns)
    assert in_batches(anns, 1, seed=3, regroup=False) == one_shot
    for regroup in (True, False):
        assert set(in_batches(anns, 4, seed=3, regroup=regroup)) == set(one_shot)
    gold = {a.report_id: a.report_id[:2] for a in anns}
    rows = arrival_rows(anns, gold, one_shot, batches=4, orders=2)
    assert len(rows) == 4 and rows[0].startswith("| order 1, grouped anew at each doubling |")


def test_product_ids_are_the_ids_the_cli_gives_the_same_text_as_a_file(tmp_path) -> None:
    from bench.clustering import doc_id_of, product_ids, write_plain_files
    from newsloom.ingest import read_paths
    from tests.stories.news import make

    docs = [{"doc_id": "3_1ecb", "text": "A fire broke out in the old mill.\nNobody was hurt."},
            {"doc_id": "3_2ecbplus", "text": "Quake hits Malatya\nThe quake killed 31 people."}]
    write_plain_files(docs, tmp_path)
    from_files = {doc_id_of(r.source): r.id for r in read_paths([tmp_path])}
    renamed, doc_of = product_ids([make(d["doc_id"], d["text"]) for d in docs])
    assert {doc_of[a.report_id]: a.report_id for a in renamed} == from_files
    assert [a.article.text for a in renamed] == [d["text"] for d in docs]


def test_unplaced_documents_count_as_stories_of_their_own() -> None:
    from bench.clustering import unplaced

    docs = [{"doc_id": d, "text": ""} for d in ("a", "b", "c")]
    assert unplaced({"a": "s-1", "b": None}, docs) == {"a": "s-1", "b": "unplaced:b", "c": "unplaced:c"}


def test_cli_path_reads_the_story_of_each_file_from_newsloom_cluster(tmp_path) -> None:
    from bench.clustering import cli_cluster, path_row, unplaced, write_plain_files
    from tests.stories.test_clustering import FIGHT_2019, FIGHT_2023

    docs = [{"doc_id": f"{topic}_{i}ecb", "text": text}
            for topic, texts in ((1, FIGHT_2019), (2, FIGHT_2023)) for i, text in enumerate(texts)]
    docs.append({"doc_id": "3_1ecb", "text": "Too short."})
    folder = tmp_path / "docs"
    folder.mkdir()
    write_plain_files(docs, folder)
    labels = unplaced(cli_cluster(folder, workers=1), docs)
    assert set(labels) == {d["doc_id"] for d in docs} and labels["3_1ecb"] == "unplaced:3_1ecb"
    assert all(labels[d].startswith("s-") for d in labels if d != "3_1ecb")
    gold = {d["doc_id"]: d["doc_id"][0] for d in docs}
    assert path_row("cli", gold, labels, 1.0).startswith("| cli | ")


def test_annotations_are_kept_in_a_store_and_reused_only_for_the_same_text(tmp_path, monkeypatch) -> None:
    import bench.clustering as clustering

    docs = [{"doc_id": "d1", "gold": "G1", "text": "Mayor Ilse Varga opened the bridge in Port Ardell on Monday."}]
    first = clustering.annotate_docs(docs, tmp_path)
    assert (tmp_path / "annotations.db").exists() and not list(tmp_path.glob("*.pkl"))

    def refuse(*args, **kwargs):
        raise AssertionError("annotated again")

    monkeypatch.setattr(clustering, "annotate", refuse)
    again = clustering.annotate_docs(docs, tmp_path)
    assert again[0].article.text == first[0].article.text and again[0].mentions == first[0].mentions
    changed = [{**docs[0], "text": docs[0]["text"] + " It cost 4 million euros."}]
    try:
        clustering.annotate_docs(changed, tmp_path)
    except AssertionError as exc:
        assert "annotated again" in str(exc)
    else:
        raise AssertionError("a changed text was taken from the store")
