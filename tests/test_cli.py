"""The `newsloom` command on hand-written inputs: contracts of analyze, extract, quotes, cluster and the store."""
import json

import pytest
from typer.testing import CliRunner

from newsloom.brief import validate
from newsloom.cli import app

CHROME_REPORT = (
    "Only logged in members can reply and interact with the post.\n"
    "Join Harbour Chat for FREE \u00bb\n\n"
    "Ferry strike ends after three days\n\n"
    "By Mira Dalton\nThe Bay Courier\n\n"
    "The ferry strike in Harbourville ended on Friday after the union accepted a new pay offer from the operator.\n\n"
    "\u201cWe got what we came for,\u201d union leader Petra Lund told reporters outside the depot. "
    "\u201cThe boats will sail again on Monday.\u201d\n\n"
    "The operator said the deal would cost it about two million euros a year.\n\n"
    "Read more\nCity council delays vote on bridge tolls\n"
)
OTHER_REPORT = (
    "Harbourville ferry workers return after strike\n\n"
    "Ferry workers in Harbourville voted on Friday to accept the operator's pay offer, ending a three-day strike.\n\n"
    "\u201cWe got what we came for,\u201d said Petra Lund, who leads the ferry workers' union.\n\n"
    "Services will resume on Monday, the operator said."
)


@pytest.fixture()
def inputs(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "courier.txt").write_text(CHROME_REPORT, encoding="utf-8")
    (folder / "wire.txt").write_text(OTHER_REPORT, encoding="utf-8")
    (folder / "empty.txt").write_text("", encoding="utf-8")
    records = [{"text": OTHER_REPORT.replace("Monday", "Tuesday"), "url": "https://example.org/a"}, "not json"]
    (folder / "records.jsonl").write_text(
        "\n".join(json.dumps(r) if isinstance(r, dict) else r for r in records) + "\n", encoding="utf-8"
    )
    return folder


runner = CliRunner()


def _lines(result):
    return [json.loads(line) for line in result.stdout.splitlines() if line.strip()]


def test_analyze_json_validates_and_accounts_for_every_input(inputs):
    result = runner.invoke(app, ["analyze", str(inputs), "--format", "json"])
    assert result.exit_code == 0, result.output
    doc = json.loads(result.stdout)
    validate(doc)
    status = {i["source"].split("/")[-1]: i["status"] for i in doc["inputs"]}
    assert status["courier.txt"] == status["wire.txt"] == "ok"
    assert status["empty.txt"] == "skipped"
    assert status["records.jsonl#2"] == "failed"
    assert any(q["speaker"] == "Petra Lund" for s in doc["stories"] for q in s["quotes"])


def test_analyze_json_is_written_story_by_story_as_the_whole_brief_would_be(inputs, tmp_path):
    from newsloom.brief import to_json
    from newsloom.pipeline import analyze

    out = tmp_path / "out" / "brief.json"
    to_file = runner.invoke(app, ["analyze", str(inputs), "-o", str(out), "--executor", "local", "--quiet"])
    to_stdout = runner.invoke(app, ["analyze", str(inputs), "--executor", "local", "--quiet"])
    assert to_file.exit_code == to_stdout.exit_code == 0, to_file.output + to_stdout.output
    expected = to_json(analyze([inputs], executor="local"))
    assert out.read_text(encoding="utf-8") == expected and to_stdout.stdout == expected + "\n"
    assert list(out.parent.iterdir()) == [out]  # no partial file left beside it


def test_quotes_offsets_index_the_input_text(inputs):
    result = runner.invoke(app, ["quotes", str(inputs / "courier.txt"), "--jsonl"])
    assert result.exit_code == 0, result.output
    (row,) = _lines(result)
    raw = CHROME_REPORT
    quote = next(q for q in row["quotes"] if "came for" in q["text"])
    assert raw[quote["start"] : quote["end"]] == quote["text"]
    assert raw[quote["speaker_start"] : quote["speaker_end"]] == "Petra Lund"
    assert quote["speaker"] == "Petra Lund" and quote["kind"] == "direct"
    assert (quote["speaker_role"], quote["basis"]) == ("union leader", "cue") and quote["confidence"] > 0.5
    carried = next(q for q in row["quotes"] if "sail again" in q["text"])
    assert (carried["speaker"], carried["basis"]) == ("Petra Lund", "carried")


def _quotes_of_text(tmp_path, text: str) -> dict:
    """The one `quotes --jsonl` row of a text written to a file."""
    (tmp_path / "a.txt").write_text(text, encoding="utf-8")
    result = runner.invoke(app, ["quotes", str(tmp_path / "a.txt"), "--jsonl"])
    assert result.exit_code == 0, result.output
    (row,) = _lines(result)
    return row


def test_quotes_below_the_threshold_are_unattributed_as_in_the_brief(tmp_path):
    text = ("Mayor Ilse Varga cruised to a \u201ccomfortable and well-earned win\u201d on Sunday.\n\n"
            "\u201cWe did it together,\u201d Varga told supporters.")
    row = _quotes_of_text(tmp_path, text)
    framed = next(q for q in row["quotes"] if "well-earned" in q["text"])
    assert framed["speaker"] is None and framed["candidate_speaker"] == "Ilse Varga"
    assert framed["confidence"] < 0.5 and "below 0.5" in framed["why"] and "“cruised” does not say" in framed["why"]
    said = next(q for q in row["quotes"] if "together" in q["text"])
    assert said["speaker"] == "Ilse Varga" and "candidate_speaker" not in said


def test_quotes_say_why_a_pronoun_with_two_readings_names_nobody(tmp_path):
    text = ("Harbour chief Ann Lee toured the quay on Monday. The visit had been requested by the mayor, Jo Kay, who "
            "has called the quay \u201ca disgrace\u201d.\n\n\u201cThe timber is rotten through,\u201d she said.")
    row = _quotes_of_text(tmp_path, text)
    quote = next(q for q in row["quotes"] if "timber" in q["text"] and q["kind"] == "direct")
    assert quote["speaker"] is None and "candidate_speaker" not in quote
    assert quote["why"] == "unattributed: “she” could be Ann Lee or Jo Kay"


def test_extract_jsonl_one_line_per_record(inputs):
    result = runner.invoke(app, ["extract", str(inputs), "--jsonl"])
    assert result.exit_code == 0, result.output
    rows = {r["source"].split("/")[-1]: r for r in _lines(result)}
    assert set(rows) == {"courier.txt", "empty.txt", "records.jsonl#1", "records.jsonl#2", "wire.txt"}
    courier = rows["courier.txt"]
    assert courier["title"] == "Ferry strike ends after three days"
    assert courier["text"].startswith("The ferry strike in Harbourville")
    assert "Read more" not in courier["text"] and "Join Harbour Chat" not in courier["text"]
    assert rows["records.jsonl#2"]["status"] == "failed" and rows["records.jsonl#2"]["reason"]


def test_cluster_puts_both_reports_in_one_story(inputs):
    result = runner.invoke(app, ["cluster", str(inputs / "courier.txt"), str(inputs / "wire.txt"), "--jsonl"])
    assert result.exit_code == 0, result.output
    stories = {r["story"] for r in _lines(result)}
    assert len(stories) == 1 and None not in stories


def test_store_commands_and_reingest_is_a_no_op(inputs, tmp_path):
    db = str(tmp_path / "news.db")
    first = runner.invoke(app, ["ingest", str(inputs), "--db", db])
    assert first.exit_code == 0, first.output
    assert "3 ok" in first.output
    again = runner.invoke(app, ["ingest", str(inputs), "--db", db])
    assert "3 ok" in again.output and "0 reports processed in this run" in again.output
    assert "same content" not in again.output  # an input read again is not a duplicate of itself
    listed = runner.invoke(app, ["stories", "--db", db])
    assert listed.exit_code == 0 and listed.stdout.strip()
    assert "grouped all 3 reports anew" in listed.stderr
    kept = runner.invoke(app, ["stories", "--db", db])
    assert kept.stdout == listed.stdout and "placed 0 new reports in the story index kept" in kept.stderr
    rebuilt = runner.invoke(app, ["stories", "--db", db, "--rebuild"])
    assert rebuilt.exit_code == 0 and rebuilt.stdout == listed.stdout and "anew" in rebuilt.stderr
    brief = runner.invoke(app, ["brief", "--db", db, "--format", "md"])
    assert brief.exit_code == 0 and "Petra Lund" in brief.stdout


def test_missing_path_fails_with_one_line(tmp_path):
    result = runner.invoke(app, ["analyze", str(tmp_path / "nope")])
    assert result.exit_code == 1
    assert "no input could be read" in result.output and "no such file or directory" in result.output
    assert len(result.output.strip().splitlines()) == 1


def test_missing_path_is_a_failed_input_and_the_run_goes_on(inputs, tmp_path):
    missing = str(tmp_path / "nope.txt")
    result = runner.invoke(app, ["analyze", str(inputs / "wire.txt"), missing, "--format", "json"])
    assert result.exit_code == 0, result.output
    doc = json.loads(result.stdout)
    status = {i["source"]: (i["status"], i["reason"]) for i in doc["inputs"]}
    assert status[missing] == ("failed", "no such file or directory")
    assert status[str(inputs / "wire.txt")][0] == "ok" and doc["stories"]
    assert "no such file or directory" in result.stderr


def test_extract_goes_on_past_a_missing_path(inputs, tmp_path):
    result = runner.invoke(app, ["extract", str(tmp_path / "nope.txt"), str(inputs / "wire.txt")])
    assert result.exit_code == 0, result.output
    rows = {r["source"].split("/")[-1]: r["status"] for r in _lines(result)}
    assert rows == {"nope.txt": "failed", "wire.txt": "ok"}


def test_run_where_no_input_could_be_read_exits_non_zero(tmp_path):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "gone.txt").symlink_to(tmp_path / "nowhere")
    result = runner.invoke(app, ["extract", str(tmp_path / "in"), str(tmp_path / "nope.txt")])
    assert result.exit_code == 1 and "no input could be read: all 2 inputs failed" in result.stderr
    assert [r["status"] for r in _lines(result)] == ["failed", "failed"]
    stored = runner.invoke(app, ["ingest", str(tmp_path / "nope.txt"), str(tmp_path / "nah"), "--db",
                                 str(tmp_path / "n.db")])
    assert stored.exit_code == 1 and "no input could be read" in stored.stderr
    assert not (tmp_path / "n.db").exists()


@pytest.mark.parametrize("command", [["brief"], ["stories"], ["brief", "--format", "json"]])
def test_store_commands_refuse_a_missing_store(tmp_path, command):
    db = tmp_path / "typo.db"
    result = runner.invoke(app, [*command, "--db", str(db)])
    assert result.exit_code == 1
    assert f"no store at {db}" in result.stderr and "--create" in result.stderr
    assert not db.exists() and list(tmp_path.iterdir()) == []


def test_store_commands_create_a_store_when_asked(tmp_path):
    db = tmp_path / "new" / "news.db"
    result = runner.invoke(app, ["brief", "--db", str(db), "--create", "--format", "json"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["stories"] == [] and db.exists()
    again = runner.invoke(app, ["stories", "--db", f"sqlite:///{db}"])
    assert again.exit_code == 0, again.output


def test_memory_store_needs_no_create():
    result = runner.invoke(app, ["stories", "--db", "sqlite://"])
    assert result.exit_code == 0, result.output


def test_format_all_writes_three_briefs(inputs, tmp_path):
    out = tmp_path / "out"
    result = runner.invoke(app, ["analyze", str(inputs / "wire.txt"), "--format", "all", "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert {p.name for p in out.iterdir()} == {"brief.json", "brief.md", "brief.html"}


def test_a_headline_quotation_is_marked_and_its_offsets_index_the_input(tmp_path):
    text = ("Harbour Post > Local > Transport\n\nMayor: \u201cThe pier will be rebuilt by spring\u201d\n\nBy Ana Lima\n\n"
            "The harbour board met on Tuesday to discuss the pier, which storms damaged in January.\n\n"
            "\u201cThe pier will be rebuilt by spring, whatever it costs,\u201d Mayor Tomas Brandt said.\n")
    row = _quotes_of_text(tmp_path, text)
    (head,) = [q for q in row["quotes"] if q.get("part") == "title"]
    assert text[head["start"] : head["end"]] == head["text"] == "The pier will be rebuilt by spring"
    assert head["speaker"] == "Tomas Brandt"
    assert text[head["speaker_start"] : head["speaker_end"]] == "Tomas Brandt"
    assert all("part" not in q for q in row["quotes"] if q is not head)
