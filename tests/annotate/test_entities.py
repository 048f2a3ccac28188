"""Canonical names within an article and aliases across a story."""
import pytest

from spacy.tokens import Doc

from newsloom.annotate.entities import (
    _relabel_not_people, _relabel_people, _relabel_speakers, _split_at_comma, _surname_mentions, clean_name,
    doc_mentions, person_name,
)
from newsloom.annotate.nlp import load_nlp, parse
from newsloom.compare.entities import story_aliases
from newsloom.model import Mention


def test_a_persons_name_drops_a_lowercase_word_run_into_it_but_keeps_a_particle():
    assert person_name("talk Dave Varga") == "Dave Varga"
    assert person_name("de Blasio") == "de Blasio"
    assert person_name("Q. Adaeze Okafor") == "Adaeze Okafor"  # a transcript's question label
    assert person_name("A. Philip Randolph") == "A. Philip Randolph"


def test_a_common_short_form_stands_for_the_one_full_name_it_shortens():
    from newsloom.annotate.entities import expand_person

    assert expand_person("Sam", ["Samuel Achterberg", "Ann Lee"]) == "Samuel Achterberg"
    assert expand_person("Bill", ["William Hale", "Bill Ray"]) == "Bill Ray"  # a full name opened by it wins
    assert expand_person("Sam", ["Samuel Achterberg", "Samantha Orr"]) == "Sam"  # two it may stand for
    assert expand_person("Ann", ["Annika Brandt"]) == "Ann"  # not a short form: another woman


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



def _mentions(body: str, *names: str) -> list[Mention]:
    """A PERSON mention of each name, at its first occurrence after the previous one."""
    out, at = [], 0
    for name in names:
        start = body.index(name, at)
        out.append(Mention(text=name, start=start, end=start + len(name), label="PERSON"))
        at = start + len(name)
    return out


def test_a_full_names_surname_written_like_a_place_stays_a_person():
    body = ("Rosa Vantongeren spoke on Monday. Filings show losses in Vantongeren company accounts. "
            "Vantongeren said the losses were legal. Donors sent aid to Velmora.")
    mentions = _mentions(body, "Rosa Vantongeren", "Vantongeren", "Vantongeren", "Velmora")
    _relabel_not_people(mentions, body)
    assert [m.label for m in mentions] == ["PERSON", "PERSON", "PERSON", "GPE"]  # Velmora: no full name, a place



def test_a_full_name_the_tagger_missed_is_not_taken_for_a_namesake():
    body = ("Tilde Oyelaran spoke. Marten Oyelaran spoke. Marten Oyelaran said more. Tilde Oyelaran, his daughter, "
            "noted the rule. Oyelaran left.")
    tagged = _mentions(body, "Tilde Oyelaran", "Marten Oyelaran", "Marten Oyelaran")  # the second Tilde untagged
    for m in tagged:
        m.canonical = m.text
    found = {(m.start, m.end): m.canonical for m in _surname_mentions(body, tagged)}
    second = body.index("Tilde Oyelaran,")
    assert found[(second, second + len("Tilde Oyelaran"))] == "Tilde Oyelaran"
    assert found[(body.index("Oyelaran left"), body.index(" left"))] == "Marten Oyelaran"  # named most
    assert len(found) == 2


def test_one_place_tag_does_not_make_a_full_names_surname_a_place():
    body = "Ilario Brandvold spoke. Brandvold said more. Brandvold left. Voters in Brandvold country cheered."
    mentions = _mentions(body, "Ilario Brandvold", "Brandvold", "Brandvold", "Brandvold")
    mentions[3].label = "LOC"  # the tagger's one slip
    _relabel_not_people(mentions, body)
    assert [m.label for m in mentions] == ["PERSON", "PERSON", "PERSON", "LOC"]
    _relabel_people(mentions)
    assert {m.label for m in mentions} == {"PERSON"}


@pytest.mark.parametrize("text, name, after", [
    # a first name of the register only, and the surname speaks alone; "Tech said" is no person's surname speaking
    ("Brett Okonkwo hosted the show. Later Okonkwo said the feud was over. Virginia Tech said nothing.",
     "Brett Okonkwo", " said nothing"),
    # a common first name is enough; "Virginia" here names a place
    ("Carly Okonkwo backed the ferry deal. Virginia Tech stayed out of it.", "Carly Okonkwo", " stayed"),
])
def test_a_first_name_and_surname_taken_for_an_organisation_is_a_person(text: str, name: str, after: str):
    doc = parse(text)
    mentions = [Mention(text=name, start=0, end=len(name), label="ORG"),
                Mention(text="Virginia Tech", start=doc.text.index("Virginia"), end=doc.text.index(after), label="ORG")]
    _relabel_speakers(doc, mentions)
    assert [m.label for m in mentions] == ["PERSON", "ORG"]


def test_a_common_first_name_left_out_of_a_surname_taken_for_an_organisation_joins_it():
    doc = parse("\u201cFares will rise,\u201d said Ana Reyes, director of Riders for Rail.")
    at = doc.text.index("Reyes")
    mentions = [Mention(text="Reyes", start=at, end=at + len("Reyes"), label="ORG")]
    _relabel_speakers(doc, mentions)
    assert [(m.text, m.label) for m in mentions] == [("Ana Reyes", "PERSON")]


def test_spans_that_name_no_entity_of_their_own_are_dropped():
    from newsloom.annotate import load_nlp

    text = ("Donald Trump met Oskar Tallin in Varnholm on Monday. Norway stayed away.\n\n"
            "Future of Harbour Relations\n\n"
            "After the meetings in Oslo wrapped up, Secretary of State Marco Lund extolled the deal. "
            "The tension between Trump and Tallin reportedly reached a boiling point. "
            "Norway welcomed the preliminary U.S.-Norway talks on Monday.")
    doc = load_nlp()(text)
    names = {m.canonical for m in doc_mentions(doc)}
    assert not names & {"Future of Harbour Relations", "State", "Trump and Tallin", "U.S.-Norway"}, names
    assert {"Donald Trump", "Oskar Tallin", "Marco Lund", "Norway", "Oslo"} <= names


def test_an_outlet_named_by_its_last_word_is_that_outlet():
    from newsloom.annotate import load_nlp

    text = ("A senior official told The Washington Post that the plan was dead. "
            "A retired diplomat told The Post that talks would resume.")
    mentions = doc_mentions(load_nlp()(text))
    post = [m for m in mentions if m.text.endswith("Post")]
    assert len(post) == 2 and {m.canonical for m in post} == {"Washington Post"}


def test_a_bracketed_first_name_and_a_title_opened_by_a_name_are_resolved():
    from newsloom.annotate import load_nlp
    from newsloom.annotate.entities import doc_mentions, expand_person

    assert expand_person("Oskar", [], "if President (Oskar) Tallin agrees, talks resume") == "Oskar Tallin"
    assert expand_person("Oskar", ["Oskar Tallin"], "Oskar spoke first.") == "Oskar Tallin"
    assert expand_person("Oskar", ["Oskar Tallin", "Oskar Lund"], "Oskar spoke first.") == "Oskar"
    text = ("Donald Trump spoke on Monday. Trump National Security Advisor Michael Waltz told reporters on Sunday "
            "that talks would resume.")
    names = {m.canonical for m in doc_mentions(load_nlp()(text))}
    assert "Trump National Security" not in names and "Michael Waltz" in names, names


def test_a_one_word_name_written_as_a_place_is_found_in_one_pass_over_the_text():
    from newsloom.annotate.entities import _place_like

    text = ("Aid went in Veldor and its allies. Orsk's forces held; Tarnwick\u2019s government fell. "
            "A trip to Lindhaven-based firms. Brannock spoke in Harlow's favour. In Quillon nothing moved.")
    assert [w for w in ("Veldor", "Orsk", "Tarnwick", "Lindhaven", "Brannock", "Harlow", "Quillon")
            if _place_like(w, text)] == ["Veldor", "Orsk", "Tarnwick", "Lindhaven", "Harlow"]
    assert _place_like("Port-Ardell", "Aid went in Port-Ardell.") and not _place_like("Port-Ardell", "Port-Ardell spoke.")


@pytest.mark.parametrize("words, person", [
    (["Brett", "O\u2019Donnell"], True),  # a register first name and a surname with an apostrophe
    (["Maryam", "Violet"], True),
    (["Sean", "Smith-Jones"], True),
    (["Virginia", "Tech", "Police"], False),
    (["Police", "Violet"], False),
])
def test_a_first_name_of_the_register_and_a_surname_read_as_a_persons_name(words: list[str], person: bool):
    from newsloom.annotate.entities import _first_and_surname

    assert _first_and_surname(words) is person


def test_a_headline_verb_after_a_name_is_not_part_of_it():

    doc = load_nlp()("Obama Says African-American Museum Tells a Story of Hope\n\nPresident Obama spoke on Saturday.")
    people = {m.text for m in doc_mentions(doc) if m.label == "PERSON"}
    assert "Obama" in people and not any(name.endswith("Says") for name in people)


def test_a_first_name_and_surname_the_tagger_left_out_as_a_subject_are_a_person():
    words = ["Fox", "News", "\u2019", "Bret", "Baier", "noticed", "it", ".", "Mr", "Farage", "agreed", "."]
    doc = Doc(load_nlp().vocab, words=words, spaces=[True, False, True, True, True, True, False, True, True, True,
                                                      False, False],
              pos=["PROPN", "PROPN", "PUNCT", "PROPN", "PROPN", "VERB", "PRON", "PUNCT", "PROPN", "PROPN", "VERB",
                   "PUNCT"],
              deps=["compound", "poss", "case", "compound", "nsubj", "ROOT", "dobj", "punct", "compound", "nsubj",
                    "ROOT", "punct"],
              heads=[1, 4, 1, 4, 5, 5, 5, 5, 9, 10, 10, 10],
              sent_starts=[True] + [False] * 7 + [True] + [False] * 3,
              ents=["B-ORG", "I-ORG", "O", "O", "O", "O", "O", "O", "O", "O", "O", "O"])
    people = [m.text for m in doc_mentions(doc) if m.label == "PERSON"]
    assert people == ["Bret Baier"]  # not "Mr Farage": an honorific is no first name


def test_an_untagged_name_subject_leaves_out_the_role_noun_before_it():
    words = ["Retired", "porter", "Hugo", "Brannock", "went", "home", "."]
    doc = Doc(load_nlp().vocab, words=words, spaces=[True, True, True, True, True, False, False],
              pos=["VERB", "NOUN", "PROPN", "PROPN", "VERB", "ADV", "PUNCT"],
              deps=["amod", "compound", "compound", "nsubj", "ROOT", "advmod", "punct"],
              heads=[1, 3, 3, 4, 4, 4, 4], sent_starts=[True] + [False] * 6)
    assert [m.text for m in doc_mentions(doc) if m.label == "PERSON"] == ["Hugo Brannock"]


def test_an_honorific_without_a_full_stop_is_no_part_of_the_name():
    assert person_name("Ms Quell") == "Quell"
    assert person_name("Dr Anna Keck") == "Anna Keck"


@pytest.mark.parametrize("words, titled", [
    (["Councillor", "June", "Tillet"], True),
    (["Deputy", "Mayor", "Ana", "Reyes"], True),
    (["Councillor", "Tillet"], False),  # no first name: the tagger's label stands
    (["Harbour", "Board"], False),
])
def test_role_words_before_a_first_name_and_surname_make_a_titled_name(words: list[str], titled: bool):
    from newsloom.annotate.entities import _titled_name

    assert _titled_name(words) is titled


@pytest.mark.parametrize("name, label", [
    ("Greybank Minerals", "ORG"), ("Marlow Foods", "ORG"), ("Ann Mining", "PERSON"),
])
def test_a_name_ending_in_a_company_word_is_an_organisation(name: str, label: str):
    mentions = [Mention(text=name, start=0, end=len(name), label="PERSON")]
    _relabel_not_people(mentions, name + " said it.")
    assert mentions[0].label == label


def test_a_name_in_apposition_with_a_ministers_title_is_a_person():
    words = ["The", "foreign", "minister", ",", "Alina", "Roos", ",", "said", "so", "."]
    doc = Doc(load_nlp().vocab, words=words, spaces=[True, True, False, True, True, False, True, True, False, False],
              pos=["DET", "ADJ", "NOUN", "PUNCT", "PROPN", "PROPN", "PUNCT", "VERB", "ADV", "PUNCT"],
              tags=["DT", "JJ", "NN", ",", "NNP", "NNP", ",", "VBD", "RB", "."],
              lemmas=["the", "foreign", "minister", ",", "Alina", "Roos", ",", "say", "so", "."],
              deps=["det", "amod", "nsubj", "punct", "compound", "appos", "punct", "ROOT", "advmod", "punct"],
              heads=[2, 2, 7, 2, 5, 2, 2, 7, 7, 7], sent_starts=[True] + [False] * 9,
              ents=["O", "O", "O", "O", "B-ORG", "I-ORG", "O", "O", "O", "O"])
    assert [(m.text, m.label) for m in doc_mentions(doc) if m.text == "Alina Roos"] == [("Alina Roos", "PERSON")]


def test_a_name_written_with_an_age_is_a_whole_persons_name():
    from newsloom.annotate.entities import _aged_people

    text = "The men were Brodie Kallan, 44, and Tomek Ruszel, 29, who walked out. Unit Nine, 400, was shut."
    mentions = [Mention(text="Kallan", start=text.index("Kallan"), end=text.index("Kallan") + 6, label="ORG")]
    _aged_people(text, mentions)
    assert sorted((m.text, m.label) for m in mentions) == [("Brodie Kallan", "PERSON"), ("Tomek Ruszel", "PERSON")]


def test_a_first_name_and_a_hyphenated_surname_are_one_person():
    from newsloom.annotate.entities import _double_barrelled_people

    words = ["Emeka", "Holloway", "-", "Dunn", "walked", "out", "."]
    doc = Doc(load_nlp().vocab, words=words, spaces=[True, False, False, True, True, False, False],
              pos=["PROPN", "PROPN", "PUNCT", "PROPN", "VERB", "ADP", "PUNCT"],
              deps=["compound", "compound", "punct", "nsubj", "ROOT", "prt", "punct"],
              heads=[3, 3, 3, 4, 4, 4, 4], sent_starts=[True] + [False] * 6,
              ents=["O", "B-GPE", "O", "O", "O", "O", "O"])
    place = Mention(text="Holloway", start=6, end=14, label="GPE")
    found = _double_barrelled_people(doc, doc.text, [place])
    assert [(m.text, m.label) for m in found] == [("Emeka Holloway-Dunn", "PERSON")]


def test_a_hyphenated_surname_taken_for_a_place_after_a_first_name_is_a_person():
    words = ["Emeka", "Holloway-Dunn", "said", "so", "."]
    doc = Doc(load_nlp().vocab, words=words, spaces=[True, True, True, False, False],
              pos=["PROPN", "PROPN", "VERB", "ADV", "PUNCT"], deps=["compound", "nsubj", "ROOT", "advmod", "punct"],
              heads=[1, 2, 2, 2, 2], sent_starts=[True] + [False] * 4, ents=["O", "B-GPE", "O", "O", "O"])
    mentions = [Mention(text="Holloway-Dunn", start=6, end=19, label="GPE")]
    _relabel_speakers(doc, mentions)
    assert [(m.text, m.label) for m in mentions] == [("Emeka Holloway-Dunn", "PERSON")]


@pytest.mark.parametrize("text, parts", [
    ("the Harbour Courier, Ostrow & Lind Shipping", ["the Harbour Courier", "Ostrow & Lind Shipping"]),
    ("Ostrow & Lind, Inc.", ["Ostrow & Lind, Inc."]),  # a company suffix belongs to the name
    ("Lind, the contractor", ["Lind, the contractor"]),  # an apposition is no second name
])
def test_an_organisation_run_on_past_a_comma_into_another_name_is_two(text: str, parts: list[str]):
    split = _split_at_comma(Mention(text=text, start=10, end=10 + len(text), label="ORG"))
    assert [m.text for m in split] == parts
    assert all(text[m.start - 10 : m.end - 10] == m.text for m in split)


@pytest.mark.parametrize("full, short", [("Corvane Laboratories", "Corvane"), ("Brisco Analytics", "Brisco")])
def test_a_company_named_again_by_its_first_word_is_that_company(full: str, short: str):
    text = (f"The board ordered {full} to recall every bottle. {short} said in a statement that it had "
            "acted at once. Pell Mining and Pell Shipping did not comment; Pell declined to say more.")
    mentions = doc_mentions(parse(text))
    again = [m for m in mentions if m.text == short]
    assert again and all(m.canonical == full and m.label == "ORG" for m in again)
    assert all(m.canonical != "Pell Mining" for m in mentions if m.text == "Pell")  # two companies so opened


def test_a_name_written_with_its_peoples_adjective_is_a_place_not_a_person():
    text = ("Velmoria on Thursday ordered the envoy to leave. Velmorian officials said the letter was forged, and "
            "Ilse Varga, the foreign minister, called it an insult. Holt said nothing; Holter did.")
    mentions = [Mention(text=name, start=text.index(name), end=text.index(name) + len(name), label="PERSON")
                for name in ("Velmoria", "Ilse Varga", "Holt")]
    _relabel_not_people(mentions, text)
    assert [m.label for m in mentions] == ["GPE", "PERSON", "PERSON"]


def test_a_reef_is_a_place_and_a_union_or_ferry_line_a_body():
    text = ("Northskerry Ferries said the Gannet Reef was marked. The Skerry Seafarers' Union disagreed. Northskerry "
            "said it would cooperate.")
    labels = {(m.text, m.label, m.canonical) for m in doc_mentions(parse(text))}
    assert ("Gannet Reef", "LOC", "Gannet Reef") in labels
    assert ("Northskerry", "ORG", "Northskerry Ferries") in labels
    assert not any(label == "PERSON" for _, label, _ in labels)


def test_a_company_the_tagger_missed_in_full_still_names_its_short_form():
    text = ("Transport Minister Ilse Varga has promised that the independent inquiry into the grounding of the "
            "Northskerry Ferries vessel Marrowind will be led by a retired judge. In a brief statement, Northskerry "
            "said it welcomed the judge.")
    short = [m for m in doc_mentions(parse(text)) if m.text == "Northskerry"]
    assert short and all((m.label, m.canonical) == ("ORG", "Northskerry Ferries") for m in short)


def test_a_surname_after_another_first_name_is_another_person_but_not_in_a_heading():
    text = ("The captain, Radomir Esk, has not spoken since Sunday. His wife, Hanna Esk, said he had not slept.\n\n"
            "Harbour Officials Praise Esk\u2019s Calm\n\nThe port said Esk acted well.")
    esk = {m.start: m.canonical for m in doc_mentions(parse(text)) if m.text == "Esk"}
    hanna = text.index("Hanna Esk") + len("Hanna ")
    assert esk.get(hanna) != "Radomir Esk"
    assert esk.get(text.index("Esk\u2019s")) == "Radomir Esk" and esk.get(text.rindex("Esk")) == "Radomir Esk"


def test_a_tabloids_name_in_capitals_is_a_person_with_a_name_as_written():
    assert person_name("LEANNE DUGGAN-WEBB") == "Leanne Duggan-Webb"
    assert person_name("NATO") == "NATO"  # one word in capitals stays as it is
    assert person_name("USA TODAY") == "USA TODAY"  # no first name: not a name in capitals
    text = "MUSEUM OF SHAME\n\nFurious daughter LEANNE DUGGAN-WEBB, 34, said the staff were let down.\n"
    people = [m for m in doc_mentions(parse(text)) if m.label == "PERSON"]
    assert [m.canonical for m in people] == ["Leanne Duggan-Webb"]  # the heading in capitals names nobody
    dateline = "BUENA PARK, Calif. - Rallying workers, the senator promised change.\n"
    assert not [m for m in doc_mentions(parse(dateline)) if m.canonical == "Buena Park" and m.label == "PERSON"]


def test_a_nickname_the_text_gives_stands_for_the_full_name():
    from newsloom.annotate.entities import expand_person

    text = 'At the market, José Manuel Fontes, 72, known to everyone as "Zé do Porto", mends nets.'
    assert expand_person("Zé", ["José Manuel Fontes", "Rui Leite"], text) == "José Manuel Fontes"
    assert expand_person("Zé", ["José Manuel Fontes", "Rui Leite"], "Zé laughs.") == "Zé"
