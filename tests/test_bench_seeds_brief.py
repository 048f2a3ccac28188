"""bench/seeds_brief.py: the README excerpt cuts every text and names the outlets on each side."""
from bench.seeds_brief import cut, excerpt
from tests.brief.sample import make_brief


def test_cut_keeps_short_text_and_cuts_long_text_on_one_line():
    assert cut("a  short\ntext", 20) == "a short text"
    long = cut("word " * 40, 30)
    assert len(long) <= 30 and long.endswith("\u2026")
    assert "|" not in cut("left | right", 30)


def test_excerpt_tables_hold_no_text_longer_than_the_width():
    story = make_brief().stories[0]
    lines = excerpt(story, 25)
    assert lines[2] == "| Report | Published | Derivation |"
    assert any(line.startswith("| Disagreement |") for line in lines)
    cut_texts = [piece.strip().strip("\u201c\u201d") for line in lines for cell in line.strip("|").split("|")
                 for piece in cell.split(" / ") if piece.strip().strip("\u201c\u201d").endswith("\u2026")]
    assert cut_texts and all(len(t) <= 25 for t in cut_texts)
