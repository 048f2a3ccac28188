"""Gender of the people an article names: first names, the first-name register, unisex names, votes."""
from newsloom.annotate import annotate
from newsloom.annotate.gender import UNISEX, name_gender, registered_gender
from newsloom.model import Article


def test_a_first_name_beyond_the_short_lists_comes_from_the_register():
    assert registered_gender("deja") == "f" and registered_gender("tad") == "m"
    assert name_gender("Deja Stewart") == "f" and name_gender("Tad Devine") == "m"


def test_a_name_given_to_both_men_and_women_has_no_gender():
    assert "taylor" in UNISEX and registered_gender("taylor") is not None
    assert name_gender("Taylor Brandt") is None and name_gender("Robin Okafor") is None


def test_words_that_are_no_first_names_have_no_gender():
    assert name_gender("Okafor") is None and name_gender("J. Okafor") is None and name_gender("") is None


def test_a_she_is_not_given_to_the_man_the_register_knows():
    text = ("Tad Pellow met Deja Quarles at the harbour.\n\n"
            "\u201cHe is radical enough,\u201d she said.")
    quotes = annotate(Article(report_id="r", source="r.txt", text=text), vectors=False).quotes
    assert next(q for q in quotes if "radical" in q.text).speaker == "Deja Quarles"


def test_a_family_name_written_first_gets_no_gender_from_the_register():
    assert registered_gender("ban") is not None
    assert name_gender("Ban Ki-moon") is None and name_gender("Moon Jae-in") is None


def test_men_the_register_lists_as_women_keep_their_gender():
    assert registered_gender("nate") == "f" and registered_gender("nikita") == "f"  # the register's own reading
    assert name_gender("Nate Brill") == "m" and name_gender("Nikita Orlov") == "m" and name_gender("Eli Dorn") == "m"
    assert name_gender("Li Wenliang") is None  # a family name written first
