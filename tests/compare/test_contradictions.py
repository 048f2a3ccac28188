"""Disagreements built from the quote ledger: who said a quote."""
from newsloom.compare.contradictions import speaker_disagreements
from newsloom.model import Evidence, QuoteGroup, Variant

LINE = "The harbour will be busy again before the summer is out"


def group(speaker: str | None, text: str, reports: list[str]) -> QuoteGroup:
    evidence = [Evidence(r, 0, len(text)) for r in reports]
    return QuoteGroup(speaker, text, reports, [Variant(text, reports, evidence)], evidence)


def test_same_words_in_two_mouths_is_a_disagreement():
    ledger = [group("Ilse Varga", LINE, ["a", "b"]), group("Dana Okafor", LINE + ", officials said", ["c"])]
    [dis] = speaker_disagreements(ledger)
    assert dis.about.startswith("who said \u201cThe harbour will be busy again")
    assert {p.text: p.reports for p in dis.positions} == {"Ilse Varga": ["a", "b"], "Dana Okafor": ["c"]}


def test_short_phrases_and_shared_reports_are_not_disagreements():
    assert not speaker_disagreements([group("Ilse Varga", "a historic day", ["a"]),
                                      group("Dana Okafor", "a historic day", ["b"])])
    assert not speaker_disagreements([group("Ilse Varga", LINE, ["a"]), group("Dana Okafor", LINE, ["a"])])
    assert not speaker_disagreements([group("Ilse Varga", LINE, ["a"]), group(None, LINE, ["b"])])


def test_times_of_day_are_not_counted_figures():
    import numpy as np

    from newsloom.compare.contradictions import number_disagreements
    from newsloom.model import Claim

    claims = [Claim("a", "The slide struck at 10.40 pm, burying 80 metres of track.", 0, 58),
              Claim("b", "The slide struck shortly before 11 pm, burying 60 metres of track.", 0, 66)]
    sim = np.array([[0.0, 0.9], [0.9, 0.0]])
    assert [d.about for d in number_disagreements(claims, sim)] == ["number of metres"]
