"""Canonical names within an article and aliases across a story."""
from newsloom.annotate.entities import clean_name
from newsloom.compare.entities import story_aliases


def test_clean_name_strips_titles_and_possessives():
    assert clean_name("Mayor Ilse Varga") == "Ilse Varga"
    assert clean_name("Peskov\u2019s") == "Peskov"
    assert clean_name("President Donald Trump") == "Donald Trump"


def test_story_aliases_merge_spelling_variants():
    names = [("PERSON", "Volodymyr Zelensky"), ("PERSON", "Volodymyr Zelenskyy"), ("PERSON", "Volodymyr Zelenskyy"),
             ("PERSON", "Sergei Lavrov"), ("PERSON", "Sergey Lavrov"), ("PERSON", "Lavrov"),
             ("PERSON", "Peskov"), ("PERSON", "Dmitry Peskov"), ("PERSON", "Dmitry Medvedev")]
    alias = story_aliases(names)
    assert alias["Volodymyr Zelensky"] == alias["Volodymyr Zelenskyy"] == "Volodymyr Zelenskyy"
    assert alias["Sergei Lavrov"] == alias["Sergey Lavrov"] == alias["Lavrov"]
    assert alias["Peskov"] == "Dmitry Peskov"
    assert alias["Dmitry Medvedev"] == "Dmitry Medvedev"


def test_surname_mentions_take_full_name(annotated):
    by_text = {m.text: m.canonical for m in annotated.mentions}
    assert by_text.get("Dana Okafor") == "Dana Okafor"
    assert any(m.canonical == "Ilse Varga" for m in annotated.mentions)
