"""Offline sentence embeddings: unit length, paraphrases closer than unrelated sentences, repeats reused."""
import numpy as np

from newsloom.annotate.embeddings import embed


def test_paraphrase_is_closer_than_an_unrelated_sentence():
    vectors = embed([
        "The council approved the harbour lease on Tuesday.",
        "On Tuesday the harbour lease was approved by the council.",
        "A landslide buried the mountain railway near the tunnel.",
        "The council approved the harbour lease on Tuesday.",
    ])
    assert vectors.shape == (4, 384)
    assert np.allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-4)
    assert vectors[0] @ vectors[1] > vectors[0] @ vectors[2] + 0.3
    assert np.array_equal(vectors[0], vectors[3])


def test_no_texts_gives_an_empty_matrix():
    assert embed([]).shape == (0, 384)
