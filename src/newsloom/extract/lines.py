"""Split plain text into lines with offsets and classify each: prose, heading, date, byline or web chrome."""
from __future__ import annotations

import re
from dataclasses import dataclass
from enum import Enum
from functools import cached_property

from newsloom.extract.chrome import is_chrome, is_section_end, reports_news
from newsloom.extract.metadata import DATE_RE


class Kind(Enum):
    """What a line of copied web text is."""

    BLANK = "blank"
    PROSE = "prose"  # a paragraph (or part of one) of running text
    HEADING = "heading"  # a short line that is not a sentence: headline, section label, name
    TITLE = "title"  # the article's headline, or a repeat of it
    DATE = "date"  # a dateline such as "March 2, 2025 at 5:35 pm"
    BYLINE = "byline"  # "By NAME", "by · Outlet"
    TEASER = "teaser"  # a promo blurb selling the article (kept out of the body)
    CHROME = "chrome"  # page furniture dropped wherever it is: captions, prompts, "N min read"
    SECTION = "section"  # a heading that opens other stories or comments ("Read more", "Related"): usually the end
    BARRIER = "barrier"  # a line that ends the article: comment metadata, bios, footers


@dataclass
class Line:
    """One line of the input: its stripped text, its offset in the input, and its class."""

    index: int
    start: int
    text: str
    kind: Kind = Kind.BLANK

    @cached_property
    def words(self) -> int:
        """Number of words (see `count_words`)."""
        return count_words(self.text)


_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af]")
_CJK_CHARS_PER_WORD = 2


def count_words(text: str) -> int:
    """Whitespace-separated words; in Chinese, Japanese or Korean text, about one word per two characters."""
    return max(len(text.split()), len(_CJK.findall(text)) // _CJK_CHARS_PER_WORD)


_CLOSERS = "\"'”’»)]*"
_SMALL_WORDS = {"a", "an", "the", "of", "in", "on", "at", "to", "for", "and", "or", "but", "with", "by", "from",
                "as", "is", "vs", "via", "into", "over", "after", "than"}
_AGENCIES = r"(?:Getty Images|AFP|AP|AP Photo|Reuters|EPA|EPA-EFE|Shutterstock|Alamy|iStock|Bloomberg|Associated Press|Unsplash)"
_CAPTION = re.compile(
    rf"\[\+\]|{_AGENCIES}\s*\)?\s*$|\((?:[^()]*[/|])?[^()]*\b(?:photo|image|credit|via)\b[^()]*\)\s*$"
    r"|^(?:photo|image|picture|photograph|credit|caption)s?(?: credit)?\s*[:|]|^photo by\b",
    re.IGNORECASE,
)
_CALL_TO_ACTION = re.compile(
    r"\b(?:log ?in|logged in|sign ?(?:in|up)|subscribe|register|newsletter|cookies?|accept all|create an account|"
    r"already a (?:member|subscriber)|members? only|free trial|join\b.*\bfor free|download (?:the|our) app)\b|[»›→]\s*$",
    re.IGNORECASE,
)
_READ_TIME = re.compile(r"^\d+\s*-?\s*min(?:ute)?s?\.?\s+read\b", re.IGNORECASE)
_UI_WORDS = re.compile(
    r"^(?:advertisement|advert|sponsored(?: content)?|ad|video|photo|photos|gallery|watch|listen(?: to this article)?|"
    r"play|share(?: this)?(?: article)?|print|email|save|follow|open in app|copy link|tweet|skip to (?:main )?content|"
    r"menu|search|home|close|caption|image|images|image \d+ of \d+|\d+ (?:/ )?of \d+|share this:?)$",
    re.IGNORECASE,
)
_INLINE_MORE = re.compile(r"^(?:read more|read also|also read|related|see also|watch|more|recommended)\s*[:›»>|–-]\s*\S", re.IGNORECASE)
_SECTION_END = re.compile(
    r"^(?:read more|show more|see more|load more|view more|more (?:stories|news|articles|headlines)|"
    r"related(?: articles| stories| content| coverage| posts| news| reading)?|further reading|"
    r"recommended(?: for you| stories| reading)?|you (?:may|might) also like|most (?:read|popular|viewed|shared)|"
    r"trending(?: now| stories)?|latest(?: news| stories| articles)?|top stories|more from [\w .'’&-]{1,40}|"
    r"editor'?s picks|what to read next|keep reading|up next|explore further|more information|further information|"
    r"sources?|references|citation|provided by|related topics|more in [\w .'’&-]{1,30}|more on this story)\s*[:»›]?$",
    re.IGNORECASE,
)
_COMMENTS = re.compile(
    r"^(?:avatar|about the author|comments?|comments? \(\d+\)|post(?: a)? comment|leave a (?:comment|reply)|"
    r"add (?:a )?comment|(?:view|show|hide|load) (?:all )?comments|join the (?:conversation|discussion)|reply|"
    r"kommentare?|kommentar schreiben|commentaires?|comentarios?|commenti)\s*[:»›]?$"
    r"|^\[?\s*\d+ (?:comments?|responses?|replies|reactions|kommentare?|commentaires?|comentarios?)\b.{0,60}$"
    r"|^(?:top|most) (?:rated |liked |popular )?comments\b|^[\w.-]{2,30}(?: [\w.-]+){0,2} (?:says|said|wrote|schrieb):$",
    re.IGNORECASE,
)
_COMMENT_META = re.compile(r"^(?!by\b)[^\s·|]{2,40}(?: [^\s·|]+){0,2} · [^·]{1,40}$", re.IGNORECASE)
_REPLY = re.compile(r"^@\w{2,}\b(?!\s*:\s*[\"“‘'])")  # "@bob agreed": a reply; '@bob: "..."' quotes a post
_PIPE_MENU = re.compile(r"^[\w' ]{1,25}(?:\s*\|\s*[\w' ]{1,25}){2,}$")
_FORUM_NOTE = re.compile(r"^(?:OP|original poster)(?: note)?\s*:", re.IGNORECASE)
_COPYRIGHT_LINE = re.compile(r"^(?:©|\(c\)\s|copyright\b)|\ball rights reserved\b", re.IGNORECASE)
_YEAR = re.compile(r"\b(?:19|20)\d\d\b")
_RIGHTS = re.compile(r"\brights\b|\bcopyright\b", re.IGNORECASE)
_BIO = re.compile(
    r"^(?:we are|i am|i'm)\b|^[A-Z][\w.'’-]+(?: [A-Z][\w.'’-]+){0,3} is (?:an?|the) (?:[\w'’&-]+ ){0,4}"
    r"(?:reporter|journalist|correspondent|editor|writer|columnist|contributor|producer)\b"
)
_FIRST_PLURAL = re.compile(r"\b(?:we|our|us)\b", re.IGNORECASE)
_NEWS_WORDS = re.compile(r"\b(?:news|readers?|journalism|newsroom|updates|stories)\b", re.IGNORECASE)
_PROMO = re.compile(
    r"(?:^|[.!?]\s+)(?:read on|find out|discover|learn|click|tap|watch|see|don'?t miss|stay tuned|subscribe|sign up)"
    r"\b[^.!?]*!\s*$",
    re.IGNORECASE,
)
_BYLINE = re.compile(r"^(?:written |posted |reported |words )?(?:by|von|par|por|door)\b:?\s*(.*)$", re.IGNORECASE)
_ROLES = re.compile(r"\b(?:staff|senior|chief|writer|reporter|correspondent|editor|contributor|and)\b", re.IGNORECASE)
_TIME = re.compile(r"\b\d{1,2}[:.]\d{2}(?:\s*[ap]\.?m\.?)?|\b\d{1,2}\s*[ap]\.?m\.?", re.IGNORECASE)
_DATE_FILLER = {"updated", "published", "posted", "on", "at", "last", "modified", "edt", "est", "gmt", "utc",
                "bst", "cet", "cest", "pst", "pdt", "et", "|", "-", "–", "·", "•", "/", ","}


_NUMBER_GAP = re.compile(r"(?<=\d) ?([:/.]) ?(?=\d)")
_UNPUNCTUATED_PROSE = 25  # words a line needs to count as prose without sentence punctuation (else: a headline)
_AGO = re.compile(r"^(?:updated\s+)?\d+\s*(?:s|m|h|d|mins?|minutes?|hrs?|hours?|days?|weeks?)\s+ago\b(?:\s+at\s+"
                  r"\d{1,2}[:.]\d{2}\s*(?:[ap]\.?m\.?)?)?$", re.IGNORECASE)
_LEGAL = re.compile(r"\bregistered trademarks?\b|\bnot intended to diagnose\b|\bterms of (?:use|service)\b.*\bprivacy\b",
                    re.IGNORECASE)
_COOKIES = re.compile(r"\bcookies?\b.*\b(?:website|site|browser|experience|consent|accept|privacy)\b|"
                      r"\b(?:website|site|browser|experience|consent|accept|privacy)\b.*\bcookies?\b", re.IGNORECASE)


def split_lines(text: str) -> list[Line]:
    """Split text into lines, recording where each line's stripped text starts in `text`."""
    lines: list[Line] = []
    offset = 0
    for index, raw in enumerate(text.splitlines(keepends=True)):
        body = raw.rstrip("\r\n")
        stripped = body.strip()
        lead = len(body) - len(body.lstrip())
        lines.append(Line(index, offset + lead, stripped))
        offset += len(raw)
    return lines


def ends_sentence(text: str) -> bool:
    """True when a line ends with sentence punctuation (closing quotes and brackets ignored, spaced or not)."""
    return text.rstrip(_CLOSERS + " \u00a0").endswith((".", "!", "?", "…", "。", "！", "？"))


def capitalised_share(text: str) -> float:
    """Share of a line's content words that start with a capital letter (high for headlines)."""
    words = [w.strip("\"'“”‘’()[]:,") for w in text.split()]
    words = [w for w in words if w and w[0].isalpha() and w.lower() not in _SMALL_WORDS]
    if not words:
        return 0.0
    return sum(w[0].isupper() for w in words) / len(words)


def close_number_gaps(text: str) -> str:
    """Spaces around ":", "/" and "." between digits taken out ("02: 24" -> "02:24", "11 / 09 / 2010")."""
    return _NUMBER_GAP.sub(r"\1", text)


def is_date_line(text: str) -> bool:
    """True for a short line that is mostly a date (and time), e.g. a dateline."""
    text = close_number_gaps(text)
    if len(text.split()) > 16 or not DATE_RE.search(text):
        return False
    rest = _TIME.sub(" ", DATE_RE.sub(" ", text))
    leftover = [w for w in re.split(r"\s+", rest.lower()) if w and w.strip(".,:") not in _DATE_FILLER]
    return len(leftover) <= 3


def is_about_blurb(text: str) -> bool:
    """True for an outlet's or author's self-description ("We are the news team of ...")."""
    if text[:1] in "\"“‘'":
        return False
    if _BIO.search(text) and len(text.split()) <= 80:
        return True
    return len(_FIRST_PLURAL.findall(text)) >= 3 and bool(_NEWS_WORDS.search(text)) and len(text.split()) <= 120


def is_prose(text: str) -> bool:
    """True for running text: a sentence, a long line, or a wrapped continuation line."""
    words = count_words(text)
    headline_like = words <= 20 and capitalised_share(text) >= 0.75
    if (ends_sentence(text) or text.endswith(":")) and words >= 3 and not headline_like:
        return True
    if text[:1].islower() and words >= 4:
        return True
    return (words >= _UNPUNCTUATED_PROSE and not headline_like) or len(text) >= 200


def classify(text: str) -> Kind:
    """Classify one stripped line on its own (context rules come later)."""
    if not text:
        return Kind.BLANK
    words = count_words(text)
    if _SECTION_END.match(text) or is_section_end(text):
        return Kind.SECTION
    if _COMMENTS.match(text) or _COMMENT_META.match(text) or _REPLY.match(text):
        return Kind.BARRIER
    if _COPYRIGHT_LINE.search(text) and words <= 30:
        return Kind.BARRIER if _YEAR.search(text) or _RIGHTS.search(text) else Kind.CHROME  # else a photo credit
    if is_about_blurb(text):
        return Kind.BARRIER
    if _CAPTION.search(text) or _READ_TIME.match(text) or _UI_WORDS.match(text) or _INLINE_MORE.match(text):
        return Kind.CHROME
    if _PIPE_MENU.match(text) or _FORUM_NOTE.match(text) or (words <= 15 and _CALL_TO_ACTION.search(text) and not reports_news(text)):
        return Kind.CHROME
    if is_chrome(text):
        return Kind.CHROME
    if is_byline(text):
        return Kind.BYLINE
    if is_date_line(text) or _AGO.match(text):
        return Kind.DATE
    if words <= 120 and (_COOKIES.search(text) or _LEGAL.search(text)):
        return Kind.CHROME
    if words <= 60 and _PROMO.search(text):
        return Kind.TEASER
    return Kind.PROSE if is_prose(text) else Kind.HEADING


def is_byline(text: str) -> bool:
    """True for "By NAME", "By NAME, Outlet", "by · Outlet" lines (not sentences that start with "By")."""
    match = _BYLINE.match(text)
    if not match or len(text.split()) > 12 or ends_sentence(text):
        return False
    rest = _ROLES.sub(" ", match.group(1))
    return not rest.strip(" ·|•-–—") or capitalised_share(rest) >= 0.75


_OUTLET_WORDS = re.compile(
    r"\b(?:news|press|agency|service|wire|times|post|herald|ledger|sentinel|echo|review|journal|gazette|courier|"
    r"chronicle|tribune|standard|examiner|advertiser|lantern|daily|weekly|radio|tv|television|broadcasting|network|"
    r"monitor|digest|observer|mail|telegraph|express|record|globe|bulletin|dispatch|inquirer|voice|online|magazine|"
    r"media|channel|newspaper)\b",
    re.IGNORECASE,
)
_BYLINE_ROLE = re.compile(r"\b(?:reporter|correspondent|editor|writer|columnist|contributor|staff|desk|special)\b",
                          re.IGNORECASE)
_WEEKDAY = r"(?:mon|tues|wednes|thurs|fri|satur|sun)day"
_MONTH_DAY = re.compile(
    rf"^(?:{_WEEKDAY},?\s+)?(?:\d{{1,2}}\s+)?(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|"
    rf"aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?(?:\s+\d{{1,2}})?$|^{_WEEKDAY}$",
    re.IGNORECASE,
)
_STAFF_CREDIT = re.compile(r"^(.+?)\s+staff$", re.IGNORECASE)
_TRAILING_ROLE = re.compile(r"\s+(?:staff\s+)?(?:writer|reporter|columnist|correspondent)$", re.IGNORECASE)


def has_clock_time(text: str) -> bool:
    """True when a piece of text holds a time of day ("08: 06AM", "5:35 pm", "9am")."""
    return bool(_TIME.search(close_number_gaps(text)))


def is_date_piece(text: str) -> bool:
    """A dateline piece: a full date, or a day and month without the year ("Oct. 19", "Tuesday")."""
    return is_date_line(text) or bool(_MONTH_DAY.match(text))


def _outlet_piece(piece: str, after_comma: bool) -> str | None:
    """A byline piece as an outlet name, or None for a role, a date or a place.

    After the author's comma only a name with a newsroom word ("Kestrel News Agency", "The Sentinel") counts:
    "By NAME, Port Elsinge" gives where the reporter writes from, not the outlet.
    """
    kept = [p.strip() for p in piece.split(",") if p.strip() and not is_date_piece(p.strip())]
    dated = len(kept) < len([p for p in piece.split(",") if p.strip()])
    if not kept:
        return None
    name = _TRAILING_ROLE.sub("", kept[0]).strip()
    newsroom = bool(_OUTLET_WORDS.search(name)) or name.startswith("The ")
    if (after_comma or dated) and not newsroom:
        return None
    if _BYLINE_ROLE.search(name) and not newsroom:
        return None
    if name != kept[0] and len(name.split()) < 2:
        return None  # "Herald columnist": too little left to name the outlet
    return name or None


def byline_parts(text: str) -> tuple[str | None, str | None]:
    """Split a byline into `(author, outlet)`: "By NAME", "by · Outlet", "By NAME | Outlet", "By NAME, Outlet".

    Roles ("Chief Reporter"), datelines ("GREYWICK, England, 13 October") and places are passed over.
    """
    match = _BYLINE.match(text)
    if not match:
        return None, None
    parts = [p.strip() for p in re.split(r"\s*[·|•]\s*|\s+[-–—]\s+", match.group(1))]
    first = parts[0].split(",") if parts else [""]
    author = first[0].strip() or None
    staff = _STAFF_CREDIT.match(author or "")
    if staff:  # "By SportsDesk 24 staff": the outlet's own credit, not a person
        author = None
        if len(staff.group(1).split()) >= 2:
            return None, staff.group(1)
    pieces = [(p.strip(), True) for p in first[1:] if not p.strip().lower().startswith("with ")]
    pieces += [(p, False) for p in parts[1:]]
    for piece, after_comma in pieces:
        outlet = _outlet_piece(piece, after_comma) if piece else None
        if outlet:
            return author, outlet
    return author, None
