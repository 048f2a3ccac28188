"""Speaker fixes are kept apart from the reports: they round-trip, replace per quote and outlive re-annotation."""
from newsloom.model import SpeakerFix
from newsloom.store import SQLiteStore

from .conftest import make_annotated, make_report


def fix(report_id: str, start: int = 10, speaker: str | None = "Ilse Varga", at: str = "2026-12-01T10:00:00+00:00"):
    return SpeakerFix(report_id, start, start + 20, "the bridge will close", speaker, "ana", at, "checked the video",
                      "Tomas Reyes")


def test_fixes_round_trip_and_replace_per_quote(store):
    first, unattributed = fix("r1"), fix("r2", speaker=None, at="2026-12-02T09:00:00+00:00")
    store.put_speaker_fix(first)
    store.put_speaker_fix(unattributed)
    assert store.speaker_fixes() == [first, unattributed]
    assert store.speaker_fixes(["r2"]) == [unattributed] and store.speaker_fixes([]) == []
    again = fix("r1", speaker="Mara Lind", at="2026-12-03T09:00:00+00:00")
    store.put_speaker_fix(again)
    assert store.speaker_fixes() == [unattributed, again]
    assert store.delete_speaker_fix("r1", 10, 30) is True
    assert store.delete_speaker_fix("r1", 10, 30) is False
    assert store.speaker_fixes() == [unattributed]


def test_fixes_outlive_new_annotations_and_reopening(tmp_path):
    path = tmp_path / "fixes.db"
    report = make_report(1)
    with SQLiteStore(path) as store:
        store.add_report(report)
        store.put_annotated(make_annotated(report))
        store.put_speaker_fix(fix(report.id))
        store.put_annotated(make_annotated(report))  # annotated again, as after an upgrade
    with SQLiteStore(path) as store:
        assert store.speaker_fixes() == [fix(report.id)]
