"""Short forms of first names: which full first names each one may stand for."""
from newsloom.annotate.nicknames import short_form_of


def test_a_short_form_stands_for_the_names_it_shortens_only():
    assert short_form_of("Sam", "Samuel") and short_form_of("sam", "Samantha")
    assert short_form_of("Bill", "William") and short_form_of("Jim", "James")
    assert not short_form_of("Ann", "Annika")  # a name of its own, not a short form
    assert not short_form_of("Sam", "Simon")
