"""Web pages → article text and metadata: the one place that calls trafilatura.

``extract_page(html)`` returns a ``Page``: the main text of the page (trafilatura: navigation,
cookie banners, scripts, related links, comments and footers are left out; paragraphs are joined
by a blank line, so sentences never run from one paragraph into the next; tables are left out,
as their cells do not read as sentences) and what the page says about itself:

- ``text``: paywall, newsletter, advertising and "read more" furniture the extractor would keep
  is pruned first (rules as data: ``newskit.resources.pages.FURNITURE``; what went is noted);
- ``title``: without the site's name (``"… | Malay Mail"`` → ``"…"``; ``outlets.split_title``);
- ``sitename`` (→ outlet): the site that published the page — ``og:site_name``, else the site's
  name in the title, else an ``application-name`` or a publisher that spells the domain —, never
  an address, a URL, a description, the headline, a section name, nor a wire service on another
  site (``outlets.page_outlet``); ``None`` lets the domain name it;
- ``credits``: who published and who holds the copyright (``publisher``, ``copyright``), kept
  as metadata: ``newskit.corpus.wire`` reads a wire credit there (``Article.wire``);
- ``date`` and ``date_source``: ``newskit.corpus.page_dates`` (the page's metadata first);
- ``encoding``: how the bytes were decoded (``decode_page``: a byte-order mark, UTF-8, the
  charset the page declares, else trafilatura's guess).

A page whose text is shorter than ``MIN_WORDS`` words holds no article: ``extract_page``
returns ``None``. Words are counted for every script (``word_count``): Chinese, Japanese, Thai
and other scripts written without spaces count by characters.

``looks_like_html(text)`` tells a ``.txt`` file that is really a saved web page, by its
document structure.
"""

from __future__ import annotations

import codecs
import datetime as dt
import re
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from newskit.corpus.outlets import domain, page_outlet, same_site, spells_domain, split_title
from newskit.corpus.page_dates import page_date
from newskit.corpus.page_meta import PageMeta, read_page_meta
from newskit.corpus.wire import wire_name
from newskit.resources.pages import FURNITURE, MAX_FURNITURE_CHARS, MAX_NOTICE_CHARS
from newskit.resources.scripts import UNSPACED_SCRIPTS

MIN_WORDS = 20
"""A page whose extracted text has fewer words than this (``word_count``) has no article text
(menus, error pages)."""

EXTRACTOR = "trafilatura"

_HTML_START = re.compile(
    r"\A\ufeff?\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*"
    r"<(?:!doctype\s+html|html[\s>]|head[\s>]|body[\s>])",
    re.IGNORECASE | re.DOTALL,
)
_HTML_LINE = re.compile(r"^[ \t]*<(?:!doctype\s+html|html[\s>])", re.IGNORECASE | re.MULTILINE)
_HTML_END = re.compile(r"</(?:html|body)\s*>", re.IGNORECASE)
_TAG = re.compile(r"</?[a-zA-Z][\w:-]*(?:\s[^<>]*)?/?>")
_DECLARED = re.compile(
    rb"""<meta[^>]+charset\s*=\s*["']?\s*([\w.:-]+)|<\?xml[^>]+encoding\s*=\s*["']([\w.:-]+)""",
    re.IGNORECASE,
)
# What browsers read a declared charset as (the WHATWG Encoding Standard): the superset that
# pages labelled with the narrower name are in fact written in.
_SUPERSETS = {
    "gb2312": "gb18030",
    "gbk": "gb18030",
    "x-gbk": "gb18030",
    "shift_jis": "cp932",
    "shift-jis": "cp932",
    "sjis": "cp932",
    "x-sjis": "cp932",
    "euc-kr": "cp949",
    "big5": "big5hkscs",
    "iso-8859-1": "cp1252",
    "latin1": "cp1252",
    "latin-1": "cp1252",
    "us-ascii": "cp1252",
    "ascii": "cp1252",
    "iso-8859-9": "cp1254",
    "tis-620": "cp874",
    "iso-8859-11": "cp874",
}
_UNSPACED = [(re.compile(f"[{s.ranges}]"), s.chars_per_word) for s in UNSPACED_SCRIPTS]
_ALL_UNSPACED = re.compile("[" + "".join(s.ranges for s in UNSPACED_SCRIPTS) + "]")
_WORD = re.compile(r"\w")
_BOX_RULES = [(r.name, re.compile(r.pattern, re.I)) for r in FURNITURE if r.kind == "box"]
_TEXT_RULES = [(r.name, re.compile(r.pattern, re.I)) for r in FURNITURE if r.kind == "text"]
# a class or id naming the article's own text ("paywall-content", "article-body premium")
_CONTENT_NAME = re.compile(r"content|body|article|story|entry|text|main", re.I)
_CHROME = frozenset({"head", "nav", "header", "footer"})
_BOX_TAGS = frozenset(["div", "section", "aside", "form", "p", "span", "ul", "figure"])
_BLOCK_TAGS = frozenset(
    ["p", "div", "li", "h2", "h3", "h4", "h5", "h6", "span", "strong", "em", "b", "a"]
)


@dataclass(frozen=True)
class Page:
    """What one web page holds: ``text`` (paragraphs separated by blank lines) and metadata
    (see the module doc): ``date_source`` is ``"page"``, ``"url"`` or ``"page-text"``
    (``newskit.corpus.page_dates.DATE_SOURCES``); ``credits`` maps ``publisher``/
    ``copyright`` to who the page credits; ``notes`` say what was guessed or passed over."""

    text: str
    title: str | None
    date: dt.date | None
    author: str | None
    sitename: str | None
    url: str | None
    notes: tuple[str, ...] = ()
    date_source: str | None = None
    credits: Mapping[str, str] = field(default_factory=dict)
    encoding: str = "utf-8"


def word_count(text: str) -> float:
    """The length of ``text`` in words, for every script: runs of letters between spaces count
    one each; characters of scripts written without spaces (Chinese, Japanese, Thai, …) count
    ``1 / chars_per_word`` each (``newskit.resources.scripts``): ``"政府今天宣布"`` ≈ 4."""
    total = 0.0
    for pattern, chars_per_word in _UNSPACED:
        total += len(pattern.findall(text)) / chars_per_word
    rest = _ALL_UNSPACED.sub(" ", text)
    return total + sum(1 for token in rest.split() if _WORD.search(token))


def looks_like_html(text: str) -> bool:
    """True if ``text`` is a web page by its structure: it starts with a doctype, ``<html>``,
    ``<head>`` or ``<body>``; or a line starts one and ``</html>`` or ``</body>`` closes it (a
    page saved after a header); or it starts with a tag and markup makes up a fifth of it (a
    fragment). Prose that mentions ``<div>`` or ``<p>`` is not a web page."""
    head = text[:5000]
    if _HTML_START.match(head):
        return True
    if _HTML_LINE.search(head) and _HTML_END.search(text):
        return True
    stripped = head.lstrip("\ufeff \t\r\n")
    if not re.match(r"<[a-zA-Z]", stripped):
        return False
    tags = _TAG.findall(stripped)
    closing = sum(1 for t in tags if t.startswith("</"))
    return closing >= 3 and sum(map(len, tags)) >= 0.2 * len("".join(stripped.split()))


def decode_page(data: bytes, *, charset: str | None = None) -> tuple[str | None, str]:
    """Decode a page's bytes: a byte-order mark, else UTF-8 when the bytes are valid UTF-8,
    else ``charset`` (from an HTTP header), else the charset the page declares (``<meta
    charset>``, ``http-equiv`` Content-Type, ``<?xml encoding?>``). Returns ``(text,
    encoding)``; ``(None, "")`` when none of these decodes it (trafilatura then guesses)."""
    for bom, name in (
        (codecs.BOM_UTF8, "utf-8-sig"),
        (codecs.BOM_UTF16_LE, "utf-16"),
        (codecs.BOM_UTF16_BE, "utf-16"),
    ):
        if data.startswith(bom):
            try:
                return data.decode(name), name
            except UnicodeDecodeError:
                break
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    declared = [charset] if charset else []
    declared += [
        (m.group(1) or m.group(2)).decode("ascii", "replace")
        for m in _DECLARED.finditer(data[:8192])
    ]
    for name in declared:
        try:
            codec = codecs.lookup(_SUPERSETS.get(name.lower(), name)).name
        except LookupError:
            continue
        if codec == "utf-8":
            continue  # declared, but the bytes are not that
        try:
            return data.decode(codec), f"{name.lower()} (declared)"
        except UnicodeDecodeError:
            pass
        text = data.decode(codec, "replace")
        bad = text.count("\ufffd")
        if bad <= max(10, len(text) // 1000):  # a few stray bytes in a page of that charset
            bytes_ = "byte" if bad == 1 else "bytes"
            return text, f"{name.lower()} (declared; {bad} bad {bytes_} replaced)"
    return None, ""


def extract_page(
    html: str | bytes, *, url: str | None = None, charset: str | None = None
) -> Page | None:
    """Extract the article in one web page (``str``, or ``bytes`` decoded by ``decode_page``).
    ``url``: where the page came from, if known (helps the date and the outlet); ``charset``:
    the one an HTTP header gave. Returns ``None`` when the page has no article text (fewer than
    ``MIN_WORDS`` words)."""
    import trafilatura

    encoding = "text (given decoded)"
    text: str | bytes = html
    if isinstance(html, bytes):
        decoded, encoding = decode_page(html, charset=charset)
        if decoded is None:
            encoding = "guessed by trafilatura"
        else:
            text = decoded
    tree = trafilatura.load_html(text)
    if tree is None:
        return None
    meta = read_page_meta(tree)
    found = page_date(tree, meta, [url])
    notes = [found.note] if found.note else []
    notes += _prune_furniture(tree)
    doc = trafilatura.bare_extraction(
        tree,
        url=url,
        with_metadata=True,
        include_comments=False,
        include_tables=False,
        date_extraction_params={"extensive_search": False, "original_date": True},
    )
    if doc is None or not doc.text or word_count(doc.text) < MIN_WORDS:
        return None
    paragraphs = [p.strip() for p in doc.text.splitlines() if p.strip()]
    page_url = _clean(doc.url) or url
    title, outlet, outlet_notes = _title_and_outlet(meta, _clean(doc.title) or meta.title, page_url)
    return Page(
        text="\n\n".join(paragraphs),
        title=title,
        date=found.date,
        author=_clean(doc.author),
        sitename=outlet,
        url=page_url,
        notes=tuple(notes + outlet_notes),
        date_source=found.source,
        credits=_credits(meta),
        encoding=encoding,
    )


def _title_and_outlet(
    meta: PageMeta, title: str | None, url: str | None
) -> tuple[str | None, str | None, list[str]]:
    """The title without the site's name, the outlet (or None) and notes on names passed over."""
    headlines = [h for h in meta.headlines if h]
    sites = [s for s in (meta.site_name, meta.app_name, *meta.publishers) if s]
    site_in_title = None
    for raw in dict.fromkeys(t for t in (title, meta.title) if t):
        headline, site = split_title(raw, sites=sites, url=url, headlines=headlines)
        if site is not None:
            site_in_title = site_in_title or site
            if raw == title:
                title = headline

    # application-name and a publisher are often an app's or a parent company's name: they
    # name the outlet only when they spell the page's domain (or no domain says otherwise)
    def own(name: str) -> bool:
        return domain(url) is None or spells_domain(name, url)

    candidates = [
        ("og:site_name", meta.site_name),
        ("the page title", site_in_title),
        *(("application-name", a) for a in [meta.app_name] if a and own(a)),
        *(("JSON-LD publisher", p) for p in meta.publishers if own(p)),
    ]
    outlet, notes = page_outlet(
        candidates, url=url, headlines=[*headlines, title or ""], sections=meta.sections
    )
    if title is not None and outlet is not None and same_site(title, outlet):
        title = None  # a title that is only the site's name names no article
    return title, outlet, notes


_RIGHTS = re.compile(r"[.,;]?\s*(?:all rights reserved|alle rechte vorbehalten)\b.*$", re.I)
_COPYRIGHT_MARK = re.compile(r"^\W*(?:copyright\b|\(c\)|©)\s*(?:\(c\)|©)?\s*", re.I)


def _credits(meta: PageMeta) -> dict[str, str]:
    """``publisher`` and ``copyright`` as the page gives them (a wire's name first when one of
    them is a wire), copyright lines as ``© YEAR HOLDER`` without "All rights reserved"."""
    out: dict[str, str] = {}
    copyrights = []
    for value in meta.credits:
        value = _RIGHTS.sub("", value).strip(" .,;")
        if _COPYRIGHT_MARK.match(value):
            value = _COPYRIGHT_MARK.sub("© ", value).strip()
        if value:
            copyrights.append(value)
    for key, values in (("publisher", list(meta.publishers)), ("copyright", copyrights)):
        if values:
            named = [v for v in values if wire_name(_holder(v))]
            out[key] = (named or values)[0]
    return out


def _holder(credit: str) -> str:
    """``"© 2016 The Associated Press"`` → ``"The Associated Press"``."""
    return _COPYRIGHT_MARK.sub("", credit).lstrip("0123456789 ,")


def _prune_furniture(tree: Any) -> list[str]:
    """Remove the ``FURNITURE`` boxes and notices from the page's body (``tree`` is changed);
    returns one note naming what went, or none."""
    removed: Counter[str] = Counter()
    gone: set[Any] = set()
    for element in list(tree.iter(*_BLOCK_TAGS, *_BOX_TAGS)):
        ancestors = list(element.iterancestors())
        if not ancestors or any(a in gone or a.tag in _CHROME for a in ancestors):
            continue  # the root, inside a removed box, or in the page's chrome (dropped anyway)
        names = f"{element.get('class', '')} {element.get('id', '')}".strip()
        rule = None
        if names and element.tag in _BOX_TAGS and not _CONTENT_NAME.search(names):
            rule = next((r for r, p in _BOX_RULES if p.search(names)), None)
        if rule is None and element.tag in _BLOCK_TAGS:
            text = element.text_content()
            if len(text) <= 2 * MAX_NOTICE_CHARS:  # (spaces still in)
                text = " ".join(text.split())
                if len(text) <= MAX_NOTICE_CHARS:
                    rule = next((r for r, p in _TEXT_RULES if p.fullmatch(text)), None)
        if rule is None or element.find(".//h1") is not None or _holds_article(element):
            continue
        element.drop_tree()
        gone.add(element)
        removed[rule] += 1
    if not removed:
        return []
    listed = ", ".join(f"{name} ({n})" for name, n in removed.items())
    return [f"page furniture removed before extraction: {listed}"]


def _holds_article(element: Any) -> bool:
    """True when a box holds article text, not a notice: more than ``MAX_FURNITURE_CHARS``
    characters, or two paragraphs of sentences (the article under a paywall class)."""
    if len(" ".join(element.text_content().split())) > MAX_FURNITURE_CHARS:
        return True
    long = [p for p in element.iter("p") if len(p.text_content().strip()) >= 120]
    return len(long) >= 2


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
