"""Offline sentence embeddings: unit length, paraphrases closer than unrelated sentences, repeats reused."""
import numpy as np

from newsloom.annotate import embeddings
from newsloom.annotate.embeddings import embed, length_batches


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


def test_texts_are_batched_longest_first_with_texts_of_near_length():
    assert length_batches([3, 50, 4, 49, 5], size=2) == [[1, 3], [4, 2], [0]]
    assert length_batches([], size=16) == []


def test_batched_texts_come_back_in_the_order_given_as_if_encoded_alone(monkeypatch):
    monkeypatch.setattr(embeddings, "BATCH_SIZE", 2)
    texts = ["Rain.", "The harbour authority said on Tuesday that the new lease would run for forty years.",
             "Rain.", "Ships wait.", "A landslide buried the mountain railway near the tunnel after a week of storms."]
    together = embed(texts)
    alone = np.concatenate([embed([t]) for t in texts])
    assert np.allclose(together, alone, atol=1e-5)
