"""The quote ledger's grouping: short quotes join longer ones, and the word-count prefilter loses nothing."""
import random

from newsloom.compare.quote_ledger import QuoteUnit, _candidate_pairs, _groups, _same
from newsloom.compare.textsim import words


def unit(report: str, text: str, speaker: str | None = "Ilse Varga") -> QuoteUnit:
    return QuoteUnit(report, text, 0, len(text), speaker, "partial", words(text))


def test_a_quoted_word_joins_the_longer_quote_of_the_same_speaker():
    groups = _groups([unit("a", "a pragmatist"), unit("b", "The mayor is a pragmatist, that is all."),
                      unit("c", "a pragmatist", speaker="Tomas Reyes")])
    assert sorted(sorted(u.report for u in g) for g in groups) == [["a", "b"], ["c"]]


def test_prefilter_keeps_every_pair_the_full_comparison_accepts():
    rng = random.Random(3)
    vocab = ["the", "council", "will", "approve", "harbour", "lease", "ferry", "terminal", "this", "week", "after", "a", "long", "debate"]
    units = []
    for i in range(80):
        base = rng.sample(vocab, rng.randint(2, 9))
        if units and rng.random() < 0.5:  # a rewording of an earlier quote
            base = list(units[rng.randrange(len(units))].tokens)
            base[rng.randrange(len(base))] = rng.choice(vocab)
        units.append(unit(str(i % 7), " ".join(base), speaker=rng.choice(["A", "B", None])))
    brute = {(i, j) for i in range(len(units)) for j in range(i + 1, len(units)) if _same(units[i], units[j])}
    assert brute and brute <= set(_candidate_pairs(units))


def test_an_editors_insertion_is_not_another_wording():
    from newsloom.compare.quote_ledger import _variants
    from newsloom.compare.textsim import quote_words

    texts = ["The new (city) council is changing every rule.", "The new council is changing every rule."]
    units = [QuoteUnit(r, t, 0, len(t), "Ilse Varga", "direct", quote_words(t)) for r, t in zip("ab", texts)]
    [variant] = _variants(units)
    assert variant.reports == ["a", "b"]


def test_identical_paraphrases_are_one_line_with_both_reports():
    from newsloom.compare.quote_ledger import _attach_paraphrases
    from newsloom.model import Evidence, QuoteGroup, Variant

    quote = "We will open the new harbour terminal to ships in the spring"
    ev = Evidence("a", 0, len(quote))
    group = QuoteGroup("Ilse Varga", quote, ["a"], [Variant(quote, ["a"], [ev])], [ev])
    said = "the new harbour terminal would open to ships in the spring"
    indirect = [QuoteUnit(r, said, 0, len(said), "Ilse Varga", "indirect", words(said)) for r in ("b", "c")]
    _attach_paraphrases([group], indirect)
    [para] = group.paraphrases
    assert para.reports == ["b", "c"] and len(para.evidence) == 2


def _brute(units: list[QuoteUnit]) -> set[tuple[int, int]]:
    return {(i, j) for i in range(len(units)) for j in range(i + 1, len(units)) if _same(units[i], units[j])}


def test_candidate_index_finds_reworded_translated_and_truncated_quotes():
    said = "We will not approve the harbour lease until the ferry terminal is safe for every passenger"
    units = [
        unit("a", said),
        unit("b", said.replace("approve", "sign").replace("every", "each")),  # reworded
        unit("c", "We shall not approve the harbour lease before the ferry terminal is safe for all passengers"),  # translated
        unit("d", "until the ferry terminal is safe for every passenger"),  # truncated
        unit("e", "not approve the harbour lease", speaker=None),  # partial, unattributed
        unit("f", "The budget for schools rises by ten percent next year", speaker="Tomas Reyes"),
        unit("g", "budget for schools rises by ten percent", speaker="Tomas Reyes"),
    ]
    brute = _brute(units)
    found = _candidate_pairs(units)
    assert {(0, 1), (0, 2), (0, 3), (5, 6)} <= brute
    assert brute <= set(found)
    assert (0, 5) not in found and found == sorted(found)  # no shared words, no candidate; in index order


def test_candidate_index_matches_brute_force_on_a_large_story():
    rng = random.Random(11)
    vocab = [f"w{k}" for k in range(60)]
    quotes = [" ".join(rng.sample(vocab, rng.randint(3, 14))) for _ in range(40)]
    units = []
    for i in range(400):
        tokens = quotes[rng.randrange(len(quotes))].split()
        if rng.random() < 0.3:
            tokens = tokens[rng.randrange(len(tokens) // 2 + 1):]  # truncated
        if rng.random() < 0.3:
            tokens[rng.randrange(len(tokens))] = rng.choice(vocab)  # reworded
        units.append(unit(str(i % 50), " ".join(tokens), speaker=rng.choice(["A", "B", None])))
    assert _brute(units) <= set(_candidate_pairs(units))


def test_a_few_words_scattered_over_a_long_turn_are_not_a_quote_taken_from_it():
    turn = ("Thank you. In Vessen the two leaders agreed to a thirty-day cessation of hostilities in the border sector, "
            "and I will read the sentence of the joint note: both parties commit to refrain from all hostile acts.")
    short = "a 30-day cessation of all hostile acts"
    assert not _same(unit("a", turn, speaker="Mirela Anst"), unit("b", short, speaker=None))
    assert _same(unit("a", turn, speaker="Mirela Anst"), unit("b", "refrain from all hostile acts", speaker=None))


def test_a_weak_attribution_is_overruled_only_by_the_same_words():
    explicit = unit("a", "The water question has been handed to the technical teams, who meet on Monday.",
                    speaker="Mirela Anst")
    pronoun = QuoteUnit("b", "The water question goes to the technical teams tonight", 0, 10, "Annika Brandt", "direct",
                        words("The water question goes to the technical teams tonight"), basis="pronoun", confidence=0.65)
    assert not _same(explicit, pronoun)
    same = QuoteUnit("c", "The water question has been handed to the technical teams", 0, 10, "Annika Brandt", "direct",
                     words("The water question has been handed to the technical teams"), basis="pronoun",
                     confidence=0.65)
    assert _same(explicit, same)
