"""bench/speed.py times each stage in one process, claim embeddings inside compare as the pipeline does."""
from pathlib import Path

from bench import speed

CORPUS = Path(__file__).resolve().parents[1] / "samples" / "corpus"


def test_run_once_times_every_stage():
    times = speed.run_once([CORPUS / "a1.html", CORPUS / "a3.txt"])
    assert set(times) == {"ingest", "extract", "annotate", "stories", "compare", "reports"}
    assert times["reports"] == 2
    assert all(times[stage] >= 0 for stage in ("ingest", "extract", "annotate", "stories", "compare"))
