"""A live blog's timestamped entries."""
from newsloom.annotate.live_blog import live_entries, same_entry

BLOG = "9:02 p.m. \u2014 Doors open.\n\n9:30 p.m. \u2014 A recess.\n\n9:45 p.m. \u2014 The vote.\n"


def test_three_timestamped_paragraphs_make_a_live_blog():
    entries = live_entries(BLOG)
    assert [BLOG[e : e + 4] for e in entries] == ["9:02", "9:30", "9:45"]
    assert same_entry(entries, BLOG.index("Doors"), BLOG.index("open"))
    assert not same_entry(entries, BLOG.index("Doors"), BLOG.index("recess"))


def test_a_text_with_fewer_entries_is_one_piece():
    text = "9:02 p.m. \u2014 Doors open.\n\nThe council met at 9:30 p.m. to vote.\n"
    assert live_entries(text) == []
    assert same_entry([], 0, len(text) - 1)
