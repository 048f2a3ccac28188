"""Claims of an article: clause splitting, opinion filtering, and facets (embedded clauses)."""
import pytest

from newsloom.annotate import annotate
from newsloom.annotate.embeddings import unpack
from newsloom.model import Article

TEXT = (
    "Since taking office in May, Mayor Ilse Varga has worked to strengthen ties with the port, "
    "notably backing the harbour union in two council votes.\n\n"
    "It's unclear what the council will decide about the Calderra terminal next year.\n\n"
    "The council approved the Calderra ferry terminal on Tuesday."
)


@pytest.fixture(scope="module")
def ann():
    return annotate(Article(report_id="r", source="r.txt", text=TEXT, published="2025-05-18"))


def test_embedded_clause_is_a_facet_of_its_claim(ann):
    claim = next(c for c in ann.claims if "Since taking office" in c.text)
    facets = [TEXT[s:e] for s, e in claim.facets]
    assert "notably backing the harbour union in two council votes" in facets
    assert all(claim.start <= s < e <= claim.end for s, e in claim.facets)


def test_each_claim_carries_embeddings_of_its_views(ann):
    for claim in ann.claims:
        vectors = unpack(claim.vectors)
        assert vectors.shape == (1 + len(claim.facets), 384)


def test_outlet_uncertainty_is_not_a_claim(ann):
    assert not any("unclear" in c.text for c in ann.claims)
    assert any("approved the Calderra ferry terminal" in c.text for c in ann.claims)


def test_embeddings_can_be_left_out():
    ann = annotate(Article(report_id="r", source="r.txt", text=TEXT), vectors=False)
    assert ann.claims and all(c.vectors is None for c in ann.claims)


def test_coordinated_clauses_split_only_when_each_has_a_subject():
    text = ("The council approved the Calderra terminal on Tuesday\u2014over loud protests\u2014and the mayor "
            "signed the lease on Wednesday. The port authority praised the deal and expects ships in 2027.")
    ann = annotate(Article(report_id="r", source="r.txt", text=text), vectors=False)
    texts = [c.text for c in ann.claims]
    assert "The council approved the Calderra terminal on Tuesday\u2014over loud protests" in texts
    assert "the mayor signed the lease on Wednesday." in texts
    assert "The port authority praised the deal and expects ships in 2027." in texts


SPEAKERS = (
    "The harbour vote last week, in which councillor Ada Brun warned that the lease was \u201ca gamble with "
    "the town\u2019s future,\u201d has been seen here as a gift to the ferry company.\n\n"
    "Harbour master Tomas Elling said the terminal would open in June.\n\n"
    "\u201cThe ships will come in spring,\u201d Elling said, but if the weather holds \u201cthe first may dock "
    "in March.\u201d\n\n"
    "Former mayor Ivo Dancz gloated over the \u201cproper thrashing\u201d of \u201cthe arrogant fool\u201d Brun, and port "
    "spokeswoman Lena Ostrova marveled at Varga\u2019s \u201cpatience\u201d in not firing him on the spot."
)


@pytest.fixture(scope="module")
def spoken():
    return annotate(Article(report_id="r", source="r.txt", text=SPEAKERS), vectors=False).claims


def _claim(claims, opening):
    return next(c for c in claims if c.text.startswith(opening))


def test_a_quote_in_a_side_clause_does_not_make_the_claim_its_speakers(spoken):
    assert _claim(spoken, "The harbour vote last week").speaker is None


def test_the_subject_of_the_main_speech_verb_is_the_claims_speaker(spoken):
    assert _claim(spoken, "Harbour master Tomas Elling said").speaker == "Tomas Elling"
    assert _claim(spoken, "\u201cThe ships will come").speaker == "Tomas Elling"


def test_a_second_speaker_clause_the_parser_hung_inside_the_first_is_its_own_claim(spoken):
    dancz = _claim(spoken, "Former mayor Ivo Dancz gloated")
    ostrova = _claim(spoken, "port spokeswoman Lena Ostrova marveled")
    assert "Ostrova" not in dancz.text
    assert (dancz.speaker, ostrova.speaker) == ("Ivo Dancz", "Lena Ostrova")
