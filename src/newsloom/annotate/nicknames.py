"""Common short forms of English first names, for a first name alone that stands for a full name ("Sam")."""
from __future__ import annotations

# Short form -> the first names it shortens.
SHORT_FORMS: dict[str, frozenset[str]] = {k: frozenset(v.split()) for k, v in {
    "sam": "samuel samantha", "alex": "alexander alexandra alexis", "chris": "christopher christine christina",
    "dan": "daniel", "danny": "daniel", "ben": "benjamin", "tom": "thomas", "tommy": "thomas",
    "nick": "nicholas nicola", "matt": "matthew", "rob": "robert", "bob": "robert", "bobby": "robert",
    "bill": "william", "will": "william", "billy": "william", "jim": "james", "jimmy": "james", "mike": "michael",
    "mick": "michael", "liz": "elizabeth", "beth": "elizabeth", "kate": "katherine catherine kathryn",
    "katie": "katherine catherine kathryn", "pat": "patrick patricia", "ed": "edward edwin edmund",
    "eddie": "edward", "ted": "edward theodore", "teddy": "theodore edward", "theo": "theodore theodor",
    "fred": "frederick alfred", "jon": "jonathan", "joe": "joseph", "tony": "anthony", "andy": "andrew",
    "drew": "andrew", "steve": "steven stephen", "dave": "david", "greg": "gregory", "jeff": "jeffrey",
    "jen": "jennifer", "jenny": "jennifer", "meg": "margaret megan", "maggie": "margaret", "peggy": "margaret",
    "sue": "susan suzanne", "vicky": "victoria", "becky": "rebecca", "abby": "abigail", "gabe": "gabriel",
    "max": "maximilian maxwell", "nate": "nathan nathaniel", "zach": "zachary", "josh": "joshua",
    "charlie": "charles", "chuck": "charles", "hank": "henry", "harry": "henry", "larry": "lawrence",
    "jerry": "gerald jerome", "ron": "ronald", "don": "donald", "ray": "raymond", "rick": "richard",
    "dick": "richard", "rich": "richard", "walt": "walter", "phil": "philip phillip", "sandy": "alexandra sandra",
    "dot": "dorothy dorothea", "dottie": "dorothy dorothea", "bea": "beatrice beatrix", "trish": "patricia",
    "gerry": "gerald gerard", "jo": "joanna josephine johanna", "nat": "natalie nathan nathaniel", "al": "albert alan",
    "alf": "alfred", "sid": "sidney", "vic": "victor victoria", "mags": "margaret", "maddie": "madeleine madison",
}.items()}


def short_form_of(short: str, first: str) -> bool:
    """True when `short` is a common short form of the first name `first` ("Sam", "Samuel")."""
    return first.lower() in SHORT_FORMS.get(short.lower(), frozenset())
