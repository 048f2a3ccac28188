"""Tone toward the main actors: the outlet's own words around each name, quotes left out."""
import pytest

from newsloom.annotate import annotate
from newsloom.compare.tone import main_actors, tone_toward
from newsloom.model import Article

WARM = ("Mayor Ilse Varga won wide praise on Tuesday for a brilliant and generous harbour plan. "
        "The Calderra council happily backed it.")
HARSH = ("Mayor Ilse Varga faced furious criticism on Tuesday over a disastrous, wasteful harbour plan. "
         "The Calderra council reluctantly backed it.")
QUOTED = ("\u201cThis is a disgraceful, corrupt and dishonest scheme,\u201d said Tomas Reyes about Mayor Ilse Varga. "
          "The Calderra council met on Tuesday.")


@pytest.fixture(scope="module")
def anns():
    texts = {"warm": WARM, "harsh": HARSH, "quoted": QUOTED}
    return {r: annotate(Article(report_id=r, source=f"{r}.txt", text=t), vectors=False) for r, t in texts.items()}


def test_main_actors_are_named_by_several_reports(anns):
    actors = main_actors(list(anns.values()), {})
    assert "Ilse Varga" in actors and "Tomas Reyes" not in actors


def test_tone_follows_the_outlets_words(anns):
    actors = ["Ilse Varga"]
    warm = tone_toward(anns["warm"], actors, {})["Ilse Varga"]
    harsh = tone_toward(anns["harsh"], actors, {})["Ilse Varga"]
    assert warm > 0.3 and harsh < -0.3


def test_quoted_insults_are_not_the_outlets_tone(anns):
    tone = tone_toward(anns["quoted"], ["Ilse Varga", "Nobody"], {})
    assert abs(tone["Ilse Varga"]) < 0.3 and "Nobody" not in tone
