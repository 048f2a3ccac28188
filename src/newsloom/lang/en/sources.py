"""English cues of cited upstream sources: agencies, outlets, state media, official transcripts, anonymity."""
from __future__ import annotations

from newsloom.lang.sourcecues import SourceCues

AGENCIES: dict[str, tuple[str, ...]] = {
    "Reuters": ("Reuters",),
    "The Associated Press": ("The Associated Press", "the Associated Press", "Associated Press", "AP"),
    "Agence France-Presse": ("Agence France-Presse", "Agence France Presse", "AFP"),
    "TASS": ("TASS", "Tass"),
    "Interfax": ("Interfax-Ukraine", "Interfax"),
    "RIA Novosti": ("RIA Novosti",),
    "Xinhua": ("Xinhua",),
    "Bloomberg": ("Bloomberg News", "Bloomberg"),
    "dpa": ("Deutsche Presse-Agentur", "dpa"),
    "Anadolu Agency": ("Anadolu Agency", "Anadolu"),
    "Kyodo News": ("Kyodo News", "Kyodo"),
    "Yonhap": ("Yonhap",),
    "Ukrinform": ("Ukrinform",),
    "UNIAN": ("UNIAN",),
    "PA Media": ("PA Media", "the Press Association", "Press Association"),
    "ANSA": ("ANSA",),
    "EFE": ("EFE",),
}

OUTLETS: dict[str, tuple[str, ...]] = {
    "The New York Times": ("The New York Times", "the New York Times", "New York Times"),
    "The Washington Post": ("The Washington Post", "the Washington Post", "Washington Post"),
    "The Wall Street Journal": ("The Wall Street Journal", "the Wall Street Journal", "Wall Street Journal"),
    "Financial Times": ("The Financial Times", "the Financial Times", "Financial Times"),
    "The Guardian": ("The Guardian", "the Guardian"),
    "The Economist": ("The Economist", "the Economist"),
    "CNN": ("CNN",),
    "BBC": ("the BBC", "BBC News", "BBC"),
    "NBC News": ("NBC News", "NBC"),
    "CBS News": ("CBS News", "CBS"),
    "ABC News": ("ABC News",),
    "Fox News": ("Fox News",),
    "NPR": ("NPR",),
    "Politico": ("Politico", "POLITICO"),
    "Axios": ("Axios",),
    "Forbes": ("Forbes",),
    "Al Jazeera": ("Al Jazeera",),
    "Kommersant": ("Kommersant",),
    "Izvestia": ("Izvestia",),
    "The Kyiv Independent": ("The Kyiv Independent", "the Kyiv Independent", "Kyiv Independent"),
    "Der Spiegel": ("Der Spiegel", "Spiegel"),
    "Le Monde": ("Le Monde",),
}

CUES = SourceCues(
    agencies=AGENCIES,
    outlets=OUTLETS,
    short_forms=("The Post", "the Post", "The Times", "the Times", "The Journal", "the Journal"),
    outlet_nouns=("news agency", "newspaper", "daily", "weekly", "magazine", "broadcaster", "TV channel",
                  "television channel", "radio station", "news site", "website", "tabloid", "outlet"),
    state_media_re=(r"(?:(?:the\s+)?(?:[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?\s+)?)"
                    r"state(?:-|\s)(?:(?:controlled|run|owned|affiliated|backed)\s+)?"
                    r"(?:media|television|TV|broadcaster|news\s+agency|news|press|outlets?|channel|radio)\b"),
    state_media_name="state media",
    origin_cues=("told", "in an interview with", "in an interview aired on", "in an interview on", "interview with",
                 "speaking to", "speaking with", "speaking on", "spoke to", "spoke with", "talking to", "aired on",
                 "broadcast on", "in comments published by", "published by", "in comments to"),
    relay_cues=("according to a report by", "according to a report in", "according to reporting by",
                "according to", "in remarks reported by", "as reported by", "first reported by", "reported by",
                "as translated by", "translated by", "as quoted by", "quoted by", "cited by", "via"),
    relay_verbs=("first reported", "has reported", "reported", "reports", "reporting", "wrote", "writes",
                 "said", "says", "cited", "quoted", "published", "broadcast", "aired", "revealed"),
    official_docs=("transcript", "statement", "readout", "press release", "communique", "communiqué", "video"),
    official_verbs=("released", "published", "issued", "posted", "put out", "distributed"),
    official_body_re=r"(?:the\s+)?(?:[A-Z][\w’'.-]*\s+)*(?:[A-Z][\w’'.-]*)",
    official_words_re=(r"\b(?:Ministry|Office|Department|Government|Kremlin|White House|Council|Commission|Police|"
                       r"Prosecutor|Court|Army|Military|Embassy|Parliament|Authority|Service|Agency of)\b"),
    anonymous_re=(
        r"\b(?i:according)\s+to\s+(?:unnamed\s+|anonymous\s+)?(?:sources|people|a\s+person|a\s+source)"
        r"(?:\s+(?:familiar\s+with|close\s+to|briefed\s+on)(?:\s+the)?(?:\s+[a-z]+)?)?\b",
        r"\b(?:(?i:a|an|one|two|three|several|some|other)\s+)?(?:[a-z]+\s+)?(?:person|people|sources?|officials?|"
        r"diplomats?|insiders?|academics?|analysts?|experts?|aides?|advisers?|lawmakers?|executives?)\s+(?:familiar\s+with|close\s+to|briefed\s+on|with\s+(?:direct\s+)?knowledge\s+of)\b",
        r"\b(?:who\s+)?spoke\s+on\s+(?:the\s+)?condition\s+of\s+anonymity\b",
        r"\b(?:who\s+)?(?:declined|asked|requested)\s+not\s+to\s+be\s+(?:named|identified)\b",
    ),
    anonymous_name="anonymous source",
    not_a_name_after=("Street", "St", "Road", "Avenue", "Square", "Building", "Tower", "Institute", "Foundation",
                      "Prize", "Award", "Awards", "Stylebook", "Fellowship", "Center", "Centre", "Lane",
                      "Terminal", "Index", "Stadium", "Park", "Hall", "School"),
)
