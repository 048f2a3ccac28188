"""Large stories align claims through distinct claims and blocks, and find what the dense alignment finds."""
import numpy as np

import newsloom.compare.corroboration as corroboration
from newsloom.compare.claim_blocks import ClaimSimilarity, blocks, candidate_group_pairs, distinct_keys
from newsloom.compare.contradictions import number_disagreements
from newsloom.compare.corroboration import align_claims


def test_distinct_keys_number_first_seen():
    keys, first = distinct_keys(["a", "b", "a", "c", "b"])
    assert keys.tolist() == [0, 1, 0, 2, 1] and first == [0, 1, 3]


def test_similarity_reads_distinct_claims_and_zeroes_one_report():
    distinct = np.array([[1.0, 0.7], [0.7, 1.0]])
    keys = np.array([0, 1, 0, 1])
    reports = np.array(["a", "a", "b", "c"])
    sim = ClaimSimilarity(distinct, keys, reports)
    dense = np.array([[0.0, 0.0, 1.0, 0.7], [0.0, 0.0, 0.7, 1.0], [1.0, 0.7, 0.0, 0.7], [0.7, 1.0, 0.7, 0.0]])
    assert sim.shape == (4, 4)
    assert sim[0, 2] == 1.0 and sim[0, 1] == 0.0 and isinstance(sim[1, 3], float)
    assert np.array_equal(sim[:, [2, 3]], dense[:, [2, 3]])
    assert np.array_equal(sim[np.ix_([0, 3], [1, 2])], dense[np.ix_([0, 3], [1, 2])])
    assert np.array_equal(sim.dense([0, 1, 2, 3]), dense)


def test_blocks_follow_chains_of_alike_claims():
    distinct = np.array([[1.0, 0.7, 0.1], [0.7, 1.0, 0.2], [0.1, 0.2, 1.0]])
    assert blocks(distinct, np.array([0, 2, 1, 0, 2]), 0.6) == [[0, 2, 3], [1, 4]]


def test_candidate_pairs_share_a_claim_or_a_speaker_in_the_same_reports():
    reports = np.array(["a", "b", "a", "b", "c"])
    speakers = ["Ada", "Ada", "Ada", "Ada", None]
    pairs = candidate_group_pairs([[0, 1], [2, 3], [1, 4], [4]], reports, speakers)
    assert pairs == {(0, 1), (0, 2), (2, 3)}


def test_block_alignment_finds_the_dense_groups(story_anns, monkeypatch):
    def groups(aligned):
        return sorted(sorted((c.report_id, c.start, c.end, c.text) for c in g.members) for g in aligned)

    dense, dense_sim = align_claims(story_anns)
    monkeypatch.setattr(corroboration, "DENSE_CLAIMS", 0)
    blocked, blocked_sim = align_claims(story_anns)
    assert isinstance(blocked_sim, ClaimSimilarity)
    assert groups(blocked) == groups(dense)
    assert any(len(g.reports) > 1 for g in blocked)
    claims = [c for a in story_anns for c in a.claims]
    assert number_disagreements(claims, blocked_sim) == number_disagreements(claims, dense_sim)
