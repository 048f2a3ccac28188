"""Web chrome that survives into extracted text, in several languages: "read more" lists, prompts, credits, labels."""
from __future__ import annotations

import re

# Headings that open a list of other articles, comments or contact details (the article is over).
_SECTION_END = re.compile(
    r"^(?:mehr zum thema|mehr (?:dazu|zu diesem thema|aus|themen|artikel)|weitere (?:artikel|themen|beiträge|"
    r"informationen|infos|meldungen|nachrichten|news)|(?:das )?(?:thema )?könnte (?:sie|dich) (?:auch )?interessieren|"
    r"auch interessant|ebenfalls interessant|lesen sie (?:auch|mehr)|zum weiterlesen|schon gelesen|empfohlene (?:beiträge|"
    r"artikel)|top-?themen|meist ?gelesen|viel gelesen|ähnliche (?:beiträge|artikel)|verwandte (?:beiträge|artikel)|"
    r"kommentare?|kommentar schreiben|\d+ kommentare?|lust auf mehr|originalpublikation|zusatzinformationen|kontakt|"
    r"ansprechpartner(?:in)?|pressekontakt|über diese reihe|beiträge aus dem forum|vorschau auf den nächsten artikel|"
    r"auch auf|le puede interesar|te puede interesar|notas? relacionadas?|contenido relacionado|art[ií]culos? "
    r"relacionados?|m[aá]s noticias|lo m[aá]s le[ií]do|m[aá]s sobre|[àa] lire aussi|lire aussi|voir aussi|"
    r"sur le m[eê]me sujet|articles? li[ée]s|leggi anche|potrebbe interessarti|articoli correlati|czytaj (?:też|także|"
    r"więcej)|zobacz (?:też|także|również)|you may also like|you might also like|related (?:articles|stories|posts|"
    r"content|topics)|more (?:from|on)|read next|recommended|(?:artigos|posts|not[ií]cias|mat[eé]rias) relacionad[oa]s|"
    r"leia (?:tamb[eé]m|mais)|veja (?:tamb[eé]m|mais))\b(?:\s+[^\s:]+){0,6}\s*[:.!?]?$"
    r"|^(?:about|über|sobre|à propos de|a proposito di)\s+[\w.&'’-]+(?:\s+[\w.&'’-]+){0,4}$",
    re.IGNORECASE,
)
# "Read also: <headline>" lines inside the article.
_INLINE_MORE = re.compile(
    r"^(?:lesen sie (?:auch|mehr|hier)|auch lesen|mehr (?:zum thema|dazu|lesen)|siehe auch|weiterlesen|lea (?:también|"
    r"más|además)|lea|vea (?:también|más)|mira|mire|le puede interesar|te puede interesar|puedes ver|podría interesarte|"
    r"[àa] lire (?:aussi|également)|lire aussi|voir aussi|leggi anche|czytaj (?:też|także|więcej)|zobacz (?:też|także)|"
    r"dowiedz się więcej|leia (?:tamb[eé]m|mais)|veja (?:tamb[eé]m|mais)|read more|read also|also read|see also|related|"
    r"watch|listen)\s*[:›»>|–-]\s*\S",
    re.IGNORECASE,
)
# Prompts to subscribe, follow, log in or support, and rights notices (a line up to 30 words).
_PROMPT = re.compile(
    r"\b(?:newsletter|abonnieren|abonnez|subscribe|subscribers?|subscription|suscr[ií]b\w*|jetzt (?:anmelden|registrieren|"
    r"lesen|kaufen)|folgen sie uns|folge uns|s[ií]guenos|[úu]nete|suivez-nous|follow (?:us|the|our)|sign up|log ?in|"
    r"eingeloggt|unterstütze|support us|hazte miembro|become a member|werde mitglied)\b",
    re.IGNORECASE,
)
_RIGHTS_NOTICE = re.compile(
    r"\b(?:alle rechte vorbehalten|all rights reserved|todos los derechos reservados|tous droits réservés|"
    r"tutti i diritti riservati)\b",
    re.IGNORECASE,
)
# A prompt speaks to the reader ("you", "our", "please") or opens with its verb ("Subscribe now").
_ADDRESS = re.compile(
    r"\b(?:you|your|yours|we|our|us|please|bitte|ihr|ihre|ihren|dich|dein|deine|uns|unser|unsere|vous|votre|vos|"
    r"nous|notre|usted|ustedes|nuestr[oa]s?|tu|tus|nos|tenemos|[úu]nete|siga-nos|saiba|"
    r"only (?:logged|registered|signed|members|subscribers)|members only|logged[- ]in (?:members|users|readers)|"
    r"to (?:reply|comment))\b|^\W*(?:subscribe|sign|log|register|follow|join|click|tap|download|support|donate|"
    r"accept|create|get|read|watch|listen|share|abonnieren|jetzt|werbung|anzeige|advertisement|sponsored|publicidad)\b",
    re.IGNORECASE,
)
_FORMAL_YOU = re.compile(r"(?<=\w )(?:Sie|Ihnen|Ihre?[mnrs]?)\b")  # German "Sie" inside a sentence speaks to the reader
# Words that make a short line (up to 12 words) a prompt or a notice: ads, cookies, messenger channels.
_SHORT_PROMPT = re.compile(
    r"\b(?:anmelden|registrieren|cookies?|datenschutzerklärung|privacy policy|spenden|donate|anzeige|werbung|affiliate|"
    r"sponsored|gesponsert|telegram|whatsapp|app store|google play)\b",
    re.IGNORECASE,
)
_CREDIT = re.compile(
    r"^(?:foto|fotos|fot\.|bild|bilder|photo|photos|image|images|titelbild|beitragsbild|crédits? photos?|credit|"
    r"copyright|abbildung \d+|image illustrative)\s*[:.]|^\(?(?:foto|bild|photo|credit)\s*:|^(?:©|\(c\)\s)"
    r"|(?:getty images|shutterstock|istock|dpa|afp|reuters|imago)\s*\)?$|^bild anzeigen$",
    re.IGNORECASE,
)
_LABEL = re.compile(
    r"^(?:kategorie|category|categoría|tags?|schlagwörter|stichwörter|themen|release date|news date|letzte änderung|"
    r"last modified|aktualisiert am|stand)\b\s*:?",
    re.IGNORECASE,
)
_SECTION_WORDS, _INLINE_WORDS, _PROMPT_WORDS, _SHORT_WORDS, _CREDIT_WORDS = 12, 40, 30, 12, 25
_NEWS_SENTENCE_WORDS = 6  # a statement this long, ending in a full stop, can name cookies or logins as news
_CLOSERS = "\"'”’»)]"


def is_section_end(line: str) -> bool:
    """True for a heading that opens related articles, comments or contacts ("Mehr zum Thema", "Lire aussi")."""
    return len(line.split()) <= _SECTION_WORDS and bool(_SECTION_END.match(line))


def reports_news(line: str) -> bool:
    """True for a sentence told to nobody in particular: a prompt's word in it is news ("makes Ritz cookies")."""
    return (len(line.split()) >= _NEWS_SENTENCE_WORDS and line.rstrip(_CLOSERS).endswith(".")
            and not any(mark in line for mark in "!?¿¡") and not _ADDRESS.search(line) and not _FORMAL_YOU.search(line))


def is_chrome(line: str) -> bool:
    """True for a line of page furniture inside an article: "Read also: ...", prompts, credits, labels."""
    words = len(line.split())
    prompt = (words <= _PROMPT_WORDS and _PROMPT.search(line)) or (words <= _SHORT_WORDS and _SHORT_PROMPT.search(line))
    return bool(
        (words <= _INLINE_WORDS and _INLINE_MORE.match(line))
        or (prompt and not reports_news(line))
        or (words <= _PROMPT_WORDS and _RIGHTS_NOTICE.search(line))
        or (words <= _SHORT_WORDS and _LABEL.match(line))
        or (words <= _CREDIT_WORDS and _CREDIT.search(line))
    )
