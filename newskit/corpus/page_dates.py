"""The publication date of a web page: the one place that calls htmldate.

``page_date(tree, meta, urls)`` tries, in order, and says which one answered
(``PageDate.source``, shown as ``date_source`` in ``corpus.frame()``):

1. ``"page"`` — a publication date the page's metadata states: JSON-LD ``datePublished`` of
   the article (never ``dateCreated``, a draft's date, nor ``dateModified``), then the
   ``<meta>`` keys of ``newskit.resources.pages.PUBLISHED_META`` (``article:published_time``,
   ``pubdate``, ``dc.date.issued``, …), then microdata ``itemprop="datePublished"``; the day
   as written, whatever the time zone — except that a UTC timestamp one day off the date in the
   page's URL gives way to the URL's (local) date, with a note;
2. ``"url"`` — a full date in the page's URL path (``/2024/03/05/``), with a note;
3. ``"page-text"`` — htmldate's search of the page (``original_date=True``: the first
   publication rather than an update), fast then extensive, with a note. Parts of the page
   about other pages (sidebars, related links, teasers: ``newskit.resources.pages.ELSEWHERE``)
   and link and image addresses are left out of that search, so a sidebar's
   ``/uploads/2020/12/08/`` dates nothing; a bare year or month (a copyright line, "December
   2020"), which htmldate pads to the 1st, is not taken as a date.
"""

from __future__ import annotations

import copy
import datetime as dt
import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

from newskit.corpus.page_meta import PageMeta
from newskit.resources.pages import ELSEWHERE, MONTH_NAMES

DATE_SOURCES = {
    "page": "a publication date the page's metadata states (JSON-LD, <meta>, microdata)",
    "url": "a date in the page's URL path",
    "page-text": "htmldate's search of the page's markup and text (a guess)",
}
"""The ``date_source`` values a web page's date can have, and what each means."""

EARLIEST = dt.date(1990, 1, 1)
"""Dates before this are not publication dates of web pages (a typo, a birth date)."""

ONE_DAY = dt.timedelta(days=1)
# A timestamp in UTC ("…T23:30:00Z", "…T23:30:00+00:00"): its date may not be the local one.
_UTC = re.compile(r"\d\d:\d\d(?::\d\d(?:\.\d+)?)?\s*(?:Z|UTC|GMT|[+-]00:?00)\s*$", re.I)
_ISO = re.compile(r"\s*((?:19|20)\d\d)[-/.](\d\d?)[-/.](\d\d?)(?!\d)")
_COMPACT = re.compile(r"\s*((?:19|20)\d\d)(\d\d)(\d\d)(?:T|\s|$)")
_EPOCH = re.compile(r"\s*(\d{10})(\d{3})?\s*$")
_URL_DATE = re.compile(
    r"(?<![\d])((?:19|20)\d\d)[/_.-](0?[1-9]|1[0-2])[/_.-](0?[1-9]|[12]\d|3[01])(?![\d])"
    r"|/((?:19|20)\d\d)(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])/"
)
_URL_ATTRIBUTES = (
    "href",
    "src",
    "srcset",
    "data-src",
    "data-srcset",
    "data-original",
    "data-lazy-src",
    "data-href",
    "data-url",
    "poster",
    "action",
)
_ELSEWHERE_XPATH = (
    "//aside | //nav | //footer[not(ancestor::article)] | "
    "//body//*[re:test(@class, '{0}', 'i') or re:test(@id, '{0}', 'i')]"
).format("|".join(ELSEWHERE))
_REGEX_NS = {"re": "http://exslt.org/regular-expressions"}


@dataclass(frozen=True)
class PageDate:
    """A page's publication date, where it came from (a key of ``DATE_SOURCES``, or ``None``
    when there is no date) and a note for the user when it is not the page's metadata."""

    date: dt.date | None
    source: str | None
    note: str | None = None


def page_date(tree: Any, meta: PageMeta, urls: Iterable[str | None] = ()) -> PageDate:
    """The publication date of the page ``tree`` (lxml; left unchanged) whose metadata is
    ``meta``; ``urls``: the page's addresses (where it was fetched from, its canonical link)."""
    today = dt.date.today()
    in_url = None
    for url in dict.fromkeys(u for u in (*urls, *meta.urls) if u):
        in_url = url_date(url, today=today)
        if in_url is not None:
            break
    for _where, value in meta.published:
        date = parse_date_value(value, today=today)
        if date is None:
            continue
        if in_url is not None and abs(in_url[0] - date) == ONE_DAY and _UTC.search(value):
            return PageDate(
                in_url[0],
                "url",
                f"date taken from the URL path ({in_url[1]}): the page's metadata gives the "
                f"time in UTC ({value}), a day off the local date",
            )
        return PageDate(date, "page")
    if in_url is not None:
        return PageDate(
            in_url[0],
            "url",
            f"date taken from the URL path ({in_url[1]}); the page's metadata states none",
        )
    searched = _without_elsewhere(tree)
    for extensive in (False, True):
        date = _htmldate(searched, extensive=extensive)
        if date is None:
            continue
        padded = _padded(date, searched)
        if padded is not None:
            found = str(date.year) if padded == "year" else f"{date:%Y-%m}"
            return PageDate(
                None,
                None,
                f"htmldate found only a {padded} ({found}) in the page text; date left unknown",
            )
        return PageDate(
            date,
            "page-text",
            "date guessed by htmldate from the page text (no date in its metadata)",
        )
    return PageDate(None, None)


def parse_date_value(value: str, *, today: dt.date | None = None) -> dt.date | None:
    """The date a metadata value states (``"2024-03-05T09:30:00-05:00"`` → 2024-03-05, the day
    as written, whatever the time zone; ``"20240305"``; a Unix time; ``"March 5, 2024"``), or
    ``None`` for a value that gives no full date or one outside 1990 … tomorrow."""
    today = today or dt.date.today()
    date = None
    for pattern in (_ISO, _COMPACT):
        match = pattern.match(value)
        if match:
            date = _date(*match.groups())
            break
    else:
        epoch = _EPOCH.match(value)
        if epoch:
            date = dt.datetime.fromtimestamp(int(epoch.group(1)), dt.timezone.utc).date()
        else:
            date = _free_date(value)
    if date is None or not EARLIEST <= date <= today + dt.timedelta(days=1):
        return None
    return date


def url_date(url: str, *, today: dt.date | None = None) -> tuple[dt.date, str] | None:
    """The full date in a URL's path (``/2024/03/05/``, ``/2024-03-05-``, ``/20240305/``) and
    how it is written there, or ``None``."""
    try:
        path = urlsplit(url).path
    except ValueError:
        return None
    today = today or dt.date.today()
    for match in _URL_DATE.finditer(path):
        parts = [g for g in match.groups() if g is not None]
        date = _date(*parts)
        if date is not None and EARLIEST <= date <= today + dt.timedelta(days=1):
            return date, match.group(0).strip("/")
    return None


def _date(year: str, month: str, day: str) -> dt.date | None:
    try:
        return dt.date(int(year), int(month), int(day))
    except ValueError:
        return None


def _free_date(value: str) -> dt.date | None:
    """A date written in words (``"Tue, 05 Mar 2024 09:30:00 GMT"``), only when it names the
    day, month and year (two different defaults must give the same date)."""
    from dateutil import parser

    if len(value) > 60 or not re.search(r"\d", value):
        return None
    try:
        one = parser.parse(value, default=dt.datetime(2001, 1, 1), fuzzy=False)
        two = parser.parse(value, default=dt.datetime(2002, 2, 2), fuzzy=False)
    except (ValueError, OverflowError, TypeError):
        return None
    return one.date() if one.date() == two.date() else None


def _without_elsewhere(tree: Any) -> Any:
    """A copy of the page without the parts about other pages and without link and image
    addresses (where dates of other pages live)."""
    pruned = copy.deepcopy(tree)
    for element in pruned.xpath(_ELSEWHERE_XPATH, namespaces=_REGEX_NS):
        parent = element.getparent()
        if parent is not None:
            element.drop_tree()
    for body in pruned.iter("body"):
        for element in body.iter():
            for attribute in _URL_ATTRIBUTES:
                if attribute in element.attrib:
                    del element.attrib[attribute]
    return pruned


def _htmldate(tree: Any, *, extensive: bool) -> dt.date | None:
    from htmldate import find_date

    try:
        # url="": htmldate would otherwise read a date from the canonical link, which
        # page_date has looked at already (and says so)
        found = find_date(tree, extensive_search=extensive, original_date=True, url="")
    except (ValueError, TypeError):
        return None
    return _date(*found[:10].split("-")) if found else None


def _padded(date: dt.date, tree: Any) -> str | None:
    """``"year"`` or ``"month"`` when htmldate's date is one it padded to the 1st (a copyright
    line's year, a month alone): the page never writes that day; else ``None``."""
    if date.day != 1:
        return None
    from lxml import html as lxml_html

    text = lxml_html.tostring(tree, encoding="unicode")
    y, m = date.year, date.month
    names = "|".join(name for name, number in MONTH_NAMES.items() if number == m)
    day_one = re.compile(
        rf"{y}[-/.]0?{m}[-/.]0?1(?!\d)|(?<!\d)0?1[-/.]0?{m}[-/.]{y}|(?<!\d)0?{m}/0?1/{y}"
        rf"|(?<!\d)1(?:st|er|\.|º)?\s+(?:de\s+)?(?:{names})\b|\b(?:{names})\.?\s+1(?:st)?(?!\d)"
        rf"|{y}\s*年\s*0?{m}\s*月\s*0?1\s*日",
        re.IGNORECASE,
    )
    if day_one.search(text):
        return None
    return "year" if m == 1 else "month"
