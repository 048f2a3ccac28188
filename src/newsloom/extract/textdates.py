"""Dates written out in page text, in the common numeric forms and with month names in several languages."""
from __future__ import annotations

import re
from datetime import date

_MONTHS = {
    1: "january jan januar janvier enero gennaio janeiro januari janv ene gen jänner января січня stycznia",
    2: "february feb februar février fevrier febrero febbraio fevereiro februari févr fevr февраля лютого lutego",
    3: "march mar märz maerz mars marzo março maart mär марта березня marca",
    4: "april apr avril abril aprile апреля квітня kwietnia",
    5: "may mai mayo maggio maio mei мая травня maja",
    6: "june jun juni juin junio giugno junho июня червня czerwca",
    7: "july jul juli juillet julio luglio julho juil июля липня lipca",
    8: "august aug août aout agosto augustus августа серпня sierpnia",
    9: "september sep sept septembre septiembre settembre setembro сентября вересня września",
    10: "october oct oktober octobre octubre ottobre outubro okt октября жовтня października",
    11: "november nov novembre noviembre novembro ноября листопада listopada",
    12: "december dec dezember décembre decembre diciembre dicembre dezembro dez déc dic декабря грудня grudnia",
}
_MONTH_NUMBER = {name: number for number, names in _MONTHS.items() for name in names.split()}
_MONTH = "|".join(sorted(_MONTH_NUMBER, key=len, reverse=True))
_DATE = re.compile(
    rf"\b(?:(?P<y1>\d{{4}})-(?P<m1>\d{{1,2}})-(?P<d1>\d{{1,2}})"
    rf"|(?P<d2>\d{{1,2}})\.\s?(?P<m2>\d{{1,2}})\.\s?(?P<y2>\d{{4}}|\d{{2}})"
    rf"|(?P<a3>\d{{1,2}})[/-](?P<b3>\d{{1,2}})[/-](?P<y3>\d{{4}})"
    rf"|(?P<d4>\d{{1,2}})(?:st|nd|rd|th|er|º)?\.?\s+(?:de\s+|of\s+)?(?P<m4>{_MONTH})\.?,?\s+(?:de\s+)?(?P<y4>\d{{4}})"
    rf"|(?P<m5>{_MONTH})\.?\s+(?P<d5>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<y5>\d{{4}}))(?!\d)",
    re.IGNORECASE,
)


def _make(year: int, month: int, day: int) -> str | None:
    """`YYYY-MM-DD` for a real calendar day, else None."""
    try:
        return date(year, month, day).isoformat()
    except ValueError:
        return None


def _from_match(match: re.Match[str], month_first: bool) -> str | None:
    """The date a match of `_DATE` spells, None when it is no calendar day."""
    g = match.groupdict()
    if g["y1"]:
        return _make(int(g["y1"]), int(g["m1"]), int(g["d1"]))
    if g["y2"]:
        year = int(g["y2"]) + (2000 if len(g["y2"]) == 2 else 0)
        return _make(year, int(g["m2"]), int(g["d2"]))
    if g["y3"]:
        first, second = int(g["a3"]), int(g["b3"])
        if first > 12 or (second <= 12 and not month_first):
            first, second = second, first
        return _make(int(g["y3"]), first, second)
    if g["y4"]:
        return _make(int(g["y4"]), _MONTH_NUMBER[g["m4"].lower()], int(g["d4"]))
    return _make(int(g["y5"]), _MONTH_NUMBER[g["m5"].lower()], int(g["d5"]))


def find_dates(text: str, month_first: bool = False) -> list[str]:
    """Every calendar date written in `text`, as `YYYY-MM-DD`, in order (slashed dates read day first unless told)."""
    found = (_from_match(m, month_first) for m in _DATE.finditer(text))
    return [d for d in found if d]
