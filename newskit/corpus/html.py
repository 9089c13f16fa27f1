"""Web pages → article text and metadata: the one place that calls trafilatura and htmldate.

``extract_page(html)`` returns a ``Page``: the main text of the page (trafilatura: navigation,
cookie banners, scripts, related links, comments and footers are left out; paragraphs are joined
by a blank line, so sentences never run from one paragraph into the next; tables are left out,
as their cells do not read as sentences) and what the page says
about itself: title, author, site name (→ outlet), canonical URL, publication date. The date
comes from the page's metadata (``<meta>`` tags, JSON-LD, ``<time>``, the URL, read by htmldate
inside trafilatura); when that finds none, htmldate's extensive search of the page text is tried
and the guess is flagged in ``Page.notes`` (a bare year, such as a copyright line, which htmldate
pads to 1 January, is not taken as a date). A page whose text has fewer than
``MIN_WORDS`` words holds no article: ``extract_page`` returns ``None``.

``looks_like_html(text)`` tells a ``.txt`` file that is really a saved web page.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

MIN_WORDS = 20
"""A page whose extracted text has fewer words than this has no article text (menus, errors)."""

EXTRACTOR = "trafilatura"

_HTML_START = re.compile(
    r"\A\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html[\s>]|head[\s>])",
    re.IGNORECASE | re.DOTALL,
)
_HTML_TAGS = re.compile(r"<(?:body|div|p|head|meta|script|title)[\s>/]", re.IGNORECASE)


@dataclass(frozen=True)
class Page:
    """What one web page holds: ``text`` (paragraphs separated by blank lines) and metadata."""

    text: str
    title: str | None
    date: dt.date | None
    author: str | None
    sitename: str | None
    url: str | None
    notes: tuple[str, ...] = ()


def looks_like_html(text: str) -> bool:
    """True if ``text`` is a web page: it starts with a doctype, ``<html>`` or ``<head>``, or its
    first 2,000 characters hold at least three HTML structure tags."""
    if _HTML_START.match(text[:5000]):
        return True
    return len(_HTML_TAGS.findall(text[:2000])) >= 3


def extract_page(html: str | bytes, *, url: str | None = None) -> Page | None:
    """Extract the article in one web page (``str``, or ``bytes`` in any encoding the page
    declares). ``url``: where the page came from, if known (helps the date and the site name).
    Returns ``None`` when the page has no article text (fewer than ``MIN_WORDS`` words)."""
    import trafilatura

    doc = trafilatura.bare_extraction(
        html,
        url=url,
        with_metadata=True,
        include_comments=False,
        include_tables=False,
        date_extraction_params={"extensive_search": False, "original_date": True},
    )
    if doc is None or not doc.text or len(doc.text.split()) < MIN_WORDS:
        return None
    paragraphs = [p.strip() for p in doc.text.splitlines() if p.strip()]
    notes: list[str] = []
    date = iso_date(doc.date)
    if date is None:
        date = iso_date(_guess_date(html, url))
        if date is not None and _year_only(date, html):
            notes.append(
                f"htmldate found only a year ({date.year}) in the page text; date left unknown"
            )
            date = None
        elif date is not None:
            notes.append("date guessed by htmldate from the page text (no date in its metadata)")
    return Page(
        text="\n\n".join(paragraphs),
        title=_clean(doc.title),
        date=date,
        author=_clean(doc.author),
        sitename=_clean(doc.sitename),
        url=_clean(doc.url) or url,
        notes=tuple(notes),
    )


def _guess_date(html: str | bytes, url: str | None) -> str | None:
    from htmldate import find_date

    try:
        return find_date(html, extensive_search=True, original_date=True, url=url)
    except (ValueError, TypeError):
        return None


def _year_only(date: dt.date, html: str | bytes) -> bool:
    """True when htmldate's 1 January is a year it padded (a copyright line, say): the page
    never writes that day."""
    if (date.month, date.day) != (1, 1):
        return False
    text = html.decode("utf-8", "replace") if isinstance(html, bytes) else html
    y = date.year
    day_one = re.compile(
        rf"{y}-0?1-0?1|0?1/0?1/{y}|{y}/0?1/0?1|\bJan(?:uary)?\.?\s+1(?:st)?\b|\b1(?:st)?\s+Jan",
        re.IGNORECASE,
    )
    return day_one.search(text) is None


def iso_date(value: str | None) -> dt.date | None:
    """The date an ISO timestamp starts with (``"2025-03-04T10:00:00Z"`` → 2025-03-04), or
    ``None`` for no value or one that does not start with a date."""
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value[:10])
    except ValueError:
        return None


def _clean(value: str | None) -> str | None:
    if value is None:
        return None
    value = " ".join(value.split())
    return value or None
