"""What a web page says about itself in its markup: ``<meta>`` tags, JSON-LD, ``<title>``, links.

``read_page_meta(tree)`` reads a parsed page (an lxml tree) into a ``PageMeta``: the site name
the page gives (``og:site_name``), its title and headlines, its sections, who published and who
holds the copyright (JSON-LD ``publisher``/``copyrightHolder``, ``dc.publisher``,
``dc.rights``), the authors JSON-LD names, the publication dates it states (JSON-LD
``datePublished`` of the article first, then the ``<meta>`` keys of
``newskit.resources.pages.PUBLISHED_META``, then microdata) and its canonical URLs. Values are
read as written, HTML entities decoded (``&amp;copy;`` → ``©``) and spaces collapsed; choosing
among them is ``newskit.corpus.html``'s job.
"""

from __future__ import annotations

import html
import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from newskit.resources.pages import ARTICLE_TYPES, MEDIA_TYPES, PAGE_TYPES, PUBLISHED_META

_SITE_KEYS = ("og:site_name", "og:sitename")
_APP_KEYS = ("application-name", "apple-mobile-web-app-title")
_HEADLINE_KEYS = ("og:title", "twitter:title", "headline", "sailthru.title")
_SECTION_KEYS = ("article:section", "section", "parsely-section")
_PUBLISHER_KEYS = ("publisher", "dc.publisher", "dcterms.publisher", "citation_publisher")
_CREDIT_KEYS = ("copyright", "dc.rights", "dcterms.rights", "rights", "dcterms.rightsholder")
_URL_KEYS = ("og:url",)


@dataclass(frozen=True)
class PageMeta:
    """What a page's markup states about it (each tuple in order of preference, no repeats).

    ``site_name``: ``og:site_name``; ``app_name``: ``application-name``; ``title``: the
    ``<title>``; ``headlines``: ``og:title``, ``twitter:title``, JSON-LD ``headline``, the first
    ``<h1>``; ``sections``: ``article:section``, JSON-LD ``articleSection``; ``publishers`` and
    ``credits`` (copyright holders and rights lines) name who published the text;
    ``authors``: JSON-LD author names; ``published``: ``(where, value)`` pairs of stated
    publication dates, as written; ``urls``: the canonical link and ``og:url``.
    """

    site_name: str | None = None
    app_name: str | None = None
    title: str | None = None
    headlines: tuple[str, ...] = ()
    sections: tuple[str, ...] = ()
    publishers: tuple[str, ...] = ()
    credits: tuple[str, ...] = ()
    authors: tuple[str, ...] = ()
    published: tuple[tuple[str, str], ...] = ()
    urls: tuple[str, ...] = ()


def read_page_meta(tree: Any) -> PageMeta:
    """Read a page's ``<meta>`` tags, JSON-LD, title and links (``tree``: an lxml HTML tree)."""
    metas = _meta_tags(tree)
    objects = list(_json_ld(tree))
    by_id = {o["@id"]: o for o in objects if isinstance(o.get("@id"), str)}
    articles = [o for o in objects if _types(o) & ARTICLE_TYPES]
    pages = [o for o in objects if _types(o) & PAGE_TYPES and not _types(o) & ARTICLE_TYPES]
    others = [o for o in objects if not _types(o) & (ARTICLE_TYPES | PAGE_TYPES | MEDIA_TYPES)]
    dated = articles or pages or others

    published: list[tuple[str, str]] = []
    for obj in dated:
        for value in _strings(obj.get("datePublished")):
            published.append(("JSON-LD datePublished", value))
    for key in PUBLISHED_META:
        for value in metas.get(key, ()):
            published.append((f"<meta {key}>", value))
    for element in tree.xpath('//*[@itemprop="datePublished"][not(self::meta)]'):
        value = element.get("datetime") or element.get("content") or element.text_content()
        if value and value.strip():
            published.append(("itemprop datePublished", _clean(value)))

    title_element = tree.find(".//title")
    h1 = tree.find(".//h1")
    headlines = [v for k in _HEADLINE_KEYS for v in metas.get(k, ())]
    headlines += [h for o in articles for h in _strings(o.get("headline"))]
    if h1 is not None:
        headlines.append(_clean(h1.text_content()))
    sections = [v for k in _SECTION_KEYS for v in metas.get(k, ())]
    sections += [s for o in articles for s in _strings(o.get("articleSection"))]
    publishers = [n for o in articles + pages for n in _names(o.get("publisher"), by_id)]
    publishers += [v for k in _PUBLISHER_KEYS for v in metas.get(k, ()) if "://" not in v]
    credits = [v for k in _CREDIT_KEYS for v in metas.get(k, ())]
    credits += [
        n
        for o in articles
        for key in ("copyrightHolder", "sourceOrganization", "creditText")
        for n in _names(o.get(key), by_id)
    ]
    authors = [n for o in articles for n in _names(o.get("author"), by_id)]
    urls = [
        link.get("href", "").strip()
        for link in tree.xpath('//link[@rel="canonical"][@href]')
        if link.get("href", "").strip()
    ]
    urls += [v for k in _URL_KEYS for v in metas.get(k, ())]
    return PageMeta(
        site_name=_first(v for k in _SITE_KEYS for v in metas.get(k, ())),
        app_name=_first(v for k in _APP_KEYS for v in metas.get(k, ())),
        title=_clean(title_element.text_content()) or None if title_element is not None else None,
        headlines=_unique(headlines),
        sections=_unique(sections),
        publishers=_unique(publishers),
        credits=_unique(credits),
        authors=_unique(authors),
        published=tuple(dict.fromkeys(p for p in published if p[1])),
        urls=_unique(urls),
    )


def _clean(value: str) -> str:
    """Entities decoded (twice: ``&amp;copy;`` is ``©``), runs of spaces made one."""
    for _ in range(2):
        value = html.unescape(value)
    return " ".join(value.split())


def _unique(values: Any) -> tuple[str, ...]:
    return tuple(dict.fromkeys(v for v in (_clean(str(x)) for x in values) if v))


def _first(values: Any) -> str | None:
    found = _unique(values)
    return found[0] if found else None


def _meta_tags(tree: Any) -> dict[str, list[str]]:
    """``<meta>`` values by key (``property``, ``name`` or ``itemprop``, lower case)."""
    out: dict[str, list[str]] = {}
    for element in tree.iter("meta"):
        value = element.get("content") or element.get("datetime")
        if not value or not value.strip():
            continue
        for attribute in ("property", "name", "itemprop"):
            key = (element.get(attribute) or "").strip().lower()
            if key:
                out.setdefault(key, []).append(_clean(value))
    return out


_JSON_JUNK = re.compile(r"<!--|-->|//\s*<!\[CDATA\[|//\s*\]\]>|<!\[CDATA\[|\]\]>")
_TRAILING_COMMA = re.compile(r",\s*([}\]])")


def _json_ld(tree: Any) -> Iterator[dict[str, Any]]:
    """Every JSON-LD object of the page: top-level ones, list items and ``@graph`` members."""
    for script in tree.xpath('//script[@type="application/ld+json"]'):
        text = script.text or ""
        data = None
        for attempt in (text, _TRAILING_COMMA.sub(r"\1", _JSON_JUNK.sub("", text))):
            try:
                data = json.loads(attempt, strict=False)
                break
            except ValueError:
                continue
        yield from _objects(data)


def _objects(data: Any) -> Iterator[dict[str, Any]]:
    if isinstance(data, list):
        for item in data:
            yield from _objects(item)
    elif isinstance(data, dict):
        yield data
        if "@graph" in data:
            yield from _objects(data["@graph"])


def _types(obj: dict[str, Any]) -> frozenset[str]:
    kind = obj.get("@type")
    values = kind if isinstance(kind, list) else [kind]
    return frozenset(str(v).rsplit("/", 1)[-1] for v in values if v)


def _strings(value: Any) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, list):
        return [v for v in value if isinstance(v, str)]
    return []


def _names(value: Any, by_id: dict[str, dict[str, Any]]) -> list[str]:
    """The names in a JSON-LD value: a string, ``{"name": …}``, an ``@id`` reference, a list."""
    if isinstance(value, list):
        return [n for v in value for n in _names(v, by_id)]
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        if "name" not in value and isinstance(value.get("@id"), str):
            value = by_id.get(value["@id"], value)
        return _strings(value.get("name"))
    return []
