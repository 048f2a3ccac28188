"""Grammatical gender of the people an article names, so "she said" is not given to a man."""
from __future__ import annotations

import importlib.util
import itertools
import sqlite3
from bisect import bisect_left
from collections import Counter, defaultdict
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from newsloom.model import Mention

if TYPE_CHECKING:
    from spacy.tokens import Span

PRONOUN_GENDER = {"he": "m", "him": "m", "his": "m", "himself": "m", "she": "f", "her": "f", "hers": "f",
                  "herself": "f"}
_HONORIFICS = {"mr": "m", "mr.": "m", "sir": "m", "mrs": "f", "mrs.": "f", "ms": "f", "ms.": "f", "miss": "f",
               "madam": "f", "dame": "f", "lady": "f", "lord": "m"}
_NOUNS = {
    "f": {"spokeswoman", "congresswoman", "chairwoman", "businesswoman", "actress", "wife", "mother", "daughter",
          "sister", "grandmother", "woman", "girl", "queen", "widow", "councilwoman", "first lady", "niece",
          "aunt", "mom", "princess", "duchess", "stateswoman", "anchorwoman", "policewoman"},
    "m": {"spokesman", "congressman", "chairman", "businessman", "actor", "husband", "father", "son", "brother",
          "grandfather", "man", "boy", "king", "widower", "councilman", "nephew", "uncle", "dad", "prince",
          "duke", "statesman", "anchorman", "policeman"},
}
_FEMALE_NAMES = (
    "mary patricia jennifer linda elizabeth barbara susan jessica sarah karen nancy lisa betty margaret sandra "
    "ashley kimberly emily donna michelle dorothy carol amanda melissa deborah stephanie rebecca sharon laura "
    "cynthia kathleen amy shirley angela helen anna brenda pamela nicole emma samantha katherine christine "
    "debra rachel catherine carolyn janet ruth maria heather diane virginia julie joyce victoria olivia kelly "
    "christina lauren joan evelyn judith megan cheryl andrea hannah martha jacqueline frances gloria ann "
    "teresa kathryn sara janice jean alice madison doris abigail julia judy grace denise amber marilyn "
    "beverly danielle theresa sophia marie diana brittany natalie isabella charlotte rose alexis kayla "
    "hillary hilary nikki carly condoleezza sonia elena ruth kellyanne huma sheryl oprah michele nancy "
    "angela theresa marine ivanka melania chelsea tulsi kirsten amy kamala elizabeth debbie jill dana "
    "hope sarah stacey stacy meghan gwen kristen katie kate jane joni susana nikki mia ana eva irene ines inès "
    "ilse annika sabine orla mirela yvonne claire valerie marsha lindsey tammy donna loretta kelly ayanna"
)
_MALE_NAMES = (
    "james robert john michael william david richard joseph thomas charles christopher daniel matthew "
    "anthony mark donald steven paul andrew joshua kenneth kevin brian george timothy ronald edward jason "
    "jeffrey ryan jacob gary nicholas eric jonathan stephen larry justin scott brandon benjamin samuel "
    "gregory alexander frank patrick raymond jack dennis jerry tyler aaron jose adam nathan henry douglas "
    "zachary peter kyle ethan walter noah jeremy christian keith roger terry gerald harold sean austin carl "
    "arthur lawrence dylan jesse jordan bryan billy joe bruce gabriel logan albert willie alan juan wayne "
    "elijah randy roy vincent ralph eugene russell bobby mason philip louis barack bernie bernard ted marco "
    "jeb mitt mike chris rand ben newt rudy reince corey bill hugh lindsey mitch harry chuck tim tom jim "
    "joe al dick rick ricky steve dmitry vladimir sergei sergey recep xi shinzo francois emmanuel boris "
    "nigel angelo luis carlos jorge mohammed muhammad ahmed omar hassan ali tomas luca dominik ruben "
    "reid evan marty martin bob rob ron jon jonah jared kellan paul pete rahm lou ed "
    "kevin newt jeff jeffrey stephen hank fred freddy herman rex sean elliott eliot todd "
    "nate eli ira nikita bibi"
)
_FIRST_NAMES = {"f": set(_FEMALE_NAMES.split()), "m": set(_MALE_NAMES.split())}
# Family names that lead a person's name where it is written family name first (Chinese, Korean, Vietnamese):
# the register gives some of them a gender as if they were first names ("Ban Ki-moon", "Moon Jae-in").
FAMILY_NAMES_FIRST = frozenset("""
wang zhang chen yang huang zhao zhou xu sun zhu guo liang xie song tang feng deng peng zeng xiao tian dong
yuan jiang cheng shen yao kong wong chan cheung leung chow tsai chang chung
park choi jung kang yoon jang shin kwon hwang jeon moon
nguyen tran pham hoang phan dang duong
ban kim lee li lim han seo cho ko hu wu yu ye du su lu le vu vo ho ly ngo bui ma jin min sun lin liu luo gao xie
cai ren wei ding
""".split())
# First names common for both men and women (or a man in one country, a woman in another): no gender.
UNISEX = frozenset("""
alex alexis andrea angel ariel ashley avery bailey blair bobbie brett cameron carroll carson casey charlie
chris christian dale dana devon drew elliott emerson frances francis frankie gale harper hayden jackie jaden
jamie jan jean jesse jessie jo jody jordan kai kelly kendall kennedy kerry kim kris kyle lee leslie lindsay
lindsey logan lou lynn marion mel micah morgan nicky nicola noel parker pat payton peyton quinn reese rene
riley river robin rory rowan ryan sage sam sandy sasha shannon shawn shay simone skyler stacy stevie sydney
tatum taylor terry toni tracy val whitney yuri
""".split())


FIRST_NAME_VOTES = 1.5  # a common first name outweighs one pronoun chain, not an honorific and a chain
_QUOTE_MARKS = {'"', "\u201c", "\u201d", "''", "``"}


def is_first_name(word: str) -> bool:
    """True for a common first name of either list ("Sean", "Kelly")."""
    low = word.lower().strip(".")
    return low in _FIRST_NAMES["f"] or low in _FIRST_NAMES["m"]


def name_gender(canonical: str) -> str | None:
    """Gender suggested by a person's first name, when it is a common and unambiguous one.

    The short lists above decide first (a name on both is ambiguous); then the first-name register of
    the `gename` package, except for names given to both men and women (`UNISEX`).
    """
    first = canonical.split()[0].lower().strip(".") if canonical.split() else ""
    female, male = first in _FIRST_NAMES["f"], first in _FIRST_NAMES["m"]
    if female or male:
        return "f" if female and not male else "m" if male and not female else None
    if first in UNISEX or first in FAMILY_NAMES_FIRST or len(first) < 3 or not first.isalpha():
        return None
    return registered_gender(first)


@lru_cache(maxsize=1)
def _register() -> sqlite3.Connection | None:
    """The `gename` first-name register, opened read-only (None when the package is missing)."""
    spec = importlib.util.find_spec("gename")
    if spec is None or not spec.submodule_search_locations:
        return None
    path = Path(next(iter(spec.submodule_search_locations))) / "names.db"
    if not path.is_file():
        return None
    return sqlite3.connect(f"{path.as_uri()}?mode=ro&immutable=1", uri=True, check_same_thread=False)


@lru_cache(maxsize=4096)
def registered_gender(first: str) -> str | None:
    """"f" or "m" as the first-name register gives a (lower-case) first name, None when it lacks it."""
    register = _register()
    if register is None:
        return None
    row = register.execute("SELECT gender FROM name_gender WHERE name = ?", (first,)).fetchone()
    return {"F": "f", "M": "m"}.get(row[0]) if row else None


def honorific_gender(text: str, start: int, mention: str = "") -> str | None:
    """The gender an honorific gives a name mention ("Mr. Khan", "Mrs Lee"): the mention's first word or
    the word right before it."""
    before = text[max(0, start - 6) : start].split()
    words = mention.split()[:1] + before[-1:]
    for word in words:
        if word.lower() in _HONORIFICS:
            return _HONORIFICS[word.lower()]
    return None


def article_genders(
    text: str, sents: list[Span], people: list[Mention], roles: dict[str, str]
) -> dict[str, str]:
    """Gender per canonical person, by majority of the article's cues (honorifics, gendered role nouns,
    "he"/"she" opening the sentence after one naming only that person), else by the first name."""
    votes: dict[str, Counter[str]] = defaultdict(Counter)
    for person in people:
        if (gender := honorific_gender(text, person.start, person.text)) is not None:
            votes[person.canonical][gender] += 1
    for noun, canonical in roles.items():
        for gender, nouns in _NOUNS.items():
            if noun in nouns:
                votes[canonical][gender] += 1
    _chain_votes(sents, people, votes)
    genders: dict[str, str] = {}
    for canonical in dict.fromkeys(person.canonical for person in people):  # each person once, in order
        tally = Counter(votes.get(canonical, Counter()))
        if (guess := name_gender(canonical)) is not None:
            tally[guess] += FIRST_NAME_VOTES
        if tally["f"] != tally["m"]:
            genders[canonical] = "f" if tally["f"] > tally["m"] else "m"
    return genders


def _chain_votes(sents: list[Span], people: list[Mention], votes: dict[str, Counter[str]]) -> None:
    """A sentence naming one person, then a sentence whose subject is "he" or "she" before any name: a vote."""
    ordered = sorted(people, key=lambda m: m.start)
    starts = [m.start for m in ordered]
    for first, second in itertools.pairwise(sents):
        lo, hi = bisect_left(starts, first.start_char), bisect_left(starts, first.end_char)
        named = {m.canonical for m in ordered[lo:hi]}
        if len(named) != 1:
            continue
        for tok in second:
            if tok.ent_type_ == "PERSON" or tok.text in _QUOTE_MARKS:
                break  # '“My husband and I ...,” she explained' after "... supporting Donald Trump": not his
            if tok.dep_ == "nsubj" and tok.lower_ in {"he", "she"}:
                votes[named.pop()][PRONOUN_GENDER[tok.lower_]] += 1
                break


def role_gender(role: str | None) -> str | None:
    """Gender a role written with a name gives ("regional spokeswoman" -> "f"), when it gives one."""
    words = set((role or "").lower().split())
    found = {gender for gender, nouns in _NOUNS.items() if words & nouns}
    return found.pop() if len(found) == 1 else None
