"""The data model's own rules: what a quote's speaker shows as."""
from newsloom.model import SPEAKER_THRESHOLD, Quote


def test_shown_speaker_hides_a_name_below_the_threshold():
    sure = Quote("r", "words", 0, 5, "partial", speaker="Ann Lee", confidence=0.85)
    weak = Quote("r", "words", 0, 5, "partial", speaker="Ann Lee", confidence=SPEAKER_THRESHOLD - 0.01)
    legacy = Quote("r", "words", 0, 5, "partial", speaker="Ann Lee")  # stored before confidences were kept
    nobody = Quote("r", "words", 0, 5, "partial", confidence=0.9)
    assert [q.shown_speaker for q in (sure, weak, legacy, nobody)] == ["Ann Lee", None, "Ann Lee", None]
    assert weak.speaker == "Ann Lee"  # the name found is kept
