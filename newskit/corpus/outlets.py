"""One display name per outlet.

``canonical_outlets(articles, outlets=None)`` names each article's outlet, once for a corpus:

1. What the file said is compared ignoring case and runs of spaces: ``"nyt"``, ``"NYT"`` and
   ``" NYT "`` are one outlet.
2. A user mapping (``load_corpus(..., outlets={"nyt": "The New York Times"})``, keys compared
   the same way; a key may also be a domain) gives the display name; failing that, a
   well-known outlet's other names (``OUTLET_ALIASES``: ``"nyt"``, ``"New York Times"`` →
   ``"The New York Times"``) do.
3. An article without an outlet is named from its URL's domain: a well-known domain by the
   table ``newskit.resources.outlets.OUTLET_DOMAINS``, any other by an outlet of the corpus
   whose name spells the domain (``eveningbulletin.com`` → ``"The Evening Bulletin"``), else by
   the domain itself (``www.the-herald.com`` → ``"The Herald"``).
4. Otherwise the display name is the spelling the corpus uses most for that outlet (ties: the
   one seen first), with its spaces collapsed.

The article keeps what the file said in ``outlet_raw`` (``None`` when it said nothing).

Web pages name their site in many places, not all of them names. ``page_outlet`` takes the
first candidate that is a name (``og:site_name``, then the site's name in the page title, then
``application-name``, then a JSON-LD publisher that spells the page's domain) and rejects, with a
note, what ``outlet_name_problem`` finds is not one: an address, a phone number, a URL, a
copyright line, a description, the headline, a section name, or a wire service on a site that
is not the wire's own (the site that published the page is the outlet; the wire goes to
``Article.wire``). With none left, the domain names the outlet (rule 3 above).
``split_title`` takes the site's name off a page title (``"… | Malay Mail"``).
"""

from __future__ import annotations

import dataclasses
import re
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from newskit.corpus.records import Article
from newskit.corpus.wire import wire_name
from newskit.resources.outlets import (
    HOST_PREFIXES,
    MAX_NAME_CHARS,
    MAX_NAME_WORDS,
    NOT_A_NAME,
    OUTLET_ALIASES,
    OUTLET_DOMAINS,
    SECOND_LEVEL_SUFFIXES,
    SECTION_NAMES,
)
from newskit.resources.pages import TITLE_SEPARATORS

_ALIASES = {
    **{outlet_name.casefold(): outlet_name for outlet_name in OUTLET_DOMAINS.values()},
    **{
        outlet_name.casefold().removeprefix("the "): outlet_name
        for outlet_name in OUTLET_DOMAINS.values()
    },
    **OUTLET_ALIASES,
}


def outlet_key(name: str) -> str:
    """The comparison key of an outlet name: lower case (casefold), spaces collapsed."""
    return " ".join(name.split()).casefold()


def domain(url: str | None) -> str | None:
    """The host of ``url`` in lower case without ``www.``/``m.``-like prefixes, or ``None``.

    ``"https://www.NYTimes.com/2025/x.html"`` → ``"nytimes.com"``; a URL without a scheme
    (``"apnews.com/article/x"``) works too."""
    if not url or not url.strip():
        return None
    text = url.strip()
    if "//" not in text:
        text = "//" + text
    try:
        host = urlsplit(text).hostname
    except ValueError:
        return None
    if not host or "." not in host:
        return None
    labels = host.lower().rstrip(".").split(".")
    while len(labels) > 2 and labels[0] in HOST_PREFIXES:
        labels.pop(0)
    return ".".join(labels)


def _spelled(name: str) -> str:
    """An outlet name as a domain spells it: ``"The Evening Bulletin"`` → ``eveningbulletin``."""
    return "".join(ch for ch in outlet_key(name).removeprefix("the ") if ch.isalnum())


def outlet_from_url(url: str | None, mapping: Mapping[str, str] | None = None) -> str | None:
    """A display name for the site ``url`` is on: from ``mapping`` (keys are domains), then
    ``OUTLET_DOMAINS`` (the domain or a parent domain), then made readable from the domain
    (``the-herald.co.uk`` → ``"The Herald"``); ``None`` without a usable URL."""
    host = domain(url)
    if host is None:
        return None
    tables = [{outlet_key(k): v for k, v in (mapping or {}).items()}, OUTLET_DOMAINS]
    labels = host.split(".")
    for i in range(len(labels) - 1):
        parent = ".".join(labels[i:])
        for table in tables:
            if parent in table:
                return table[parent]
    suffix2 = ".".join(labels[-2:])
    site = labels[-3] if suffix2 in SECOND_LEVEL_SUFFIXES and len(labels) >= 3 else labels[-2]
    words = site.replace("_", "-").split("-")
    return " ".join(w[:1].upper() + w[1:] for w in words if w) or None


def canonical_outlets(
    articles: Iterable[Article], outlets: Mapping[str, str] | None = None
) -> list[Article]:
    """The articles with ``outlet`` set to one display name per outlet and ``outlet_raw`` to
    what the file said (see the module doc for the rules); the order is kept.

    The steps (``outlet_names`` → ``outlet_forms`` → ``choose_outlets`` → ``apply_outlets``)
    also run on parts of a corpus whose summaries are merged in corpus order
    (``merge_given``, ``merge_forms``), as ``newskit.app.dask`` does."""
    items = list(articles)
    names = outlet_names(items, outlets)
    forms = outlet_forms(names, names.given)
    return apply_outlets(items, names, choose_outlets(forms), names.given)


@dataclass
class OutletNames:
    """Step 1 for some articles: each article's name before merging (``named``: ``(name,
    chosen by the user)``), the positions named from a domain spelled out (``from_url``) and the
    names written out, keyed by how a domain would spell them (``given``: the last one wins)."""

    named: list[tuple[str | None, bool]]
    from_url: set[int]
    given: dict[str, str]


@dataclass
class OutletForms:
    """Step 2: the spellings seen per outlet key (``forms``, in order of first sight) and the
    display names a user mapping or alias fixed (``fixed``: the first one wins)."""

    forms: dict[str, Counter[str]] = field(default_factory=dict)
    fixed: dict[str, str] = field(default_factory=dict)


def outlet_names(
    articles: Iterable[Article], outlets: Mapping[str, str] | None = None
) -> OutletNames:
    """Step 1 of ``canonical_outlets``: what each article would be named, before the names of
    the whole corpus are compared."""
    mapping = {outlet_key(k): str(v) for k, v in (outlets or {}).items()}
    named: list[tuple[str | None, bool]] = []  # (name, chosen by the user)
    from_url: set[int] = set()  # positions named from a domain spelled out, not from a table
    for a in articles:
        raw = a.outlet
        if raw is not None and str(raw).strip():
            key = outlet_key(str(raw))
            if key in mapping:
                named.append((mapping[key], True))
            elif key in _ALIASES:
                named.append((_ALIASES[key], True))
            else:
                named.append((" ".join(str(raw).split()), False))
        else:
            from_user = outlet_from_url(a.url, mapping)
            user = from_user is not None and outlet_from_url(a.url) != from_user
            if from_user is not None and not user and domain(a.url) not in OUTLET_DOMAINS:
                from_url.add(len(named))
            named.append((from_user, user))
    given = {
        _spelled(name): name for i, (name, _) in enumerate(named) if name and i not in from_url
    }
    return OutletNames(named, from_url, given)


def merge_given(parts: Iterable[Mapping[str, str]]) -> dict[str, str]:
    """``OutletNames.given`` of consecutive parts of a corpus, in order, as one."""
    out: dict[str, str] = {}
    for given in parts:
        out.update(given)
    return out


def _renamed(names: OutletNames, given: Mapping[str, str]) -> list[tuple[str | None, bool]]:
    """``names.named`` with each name made from a domain replaced by the corpus's spelling."""
    named = list(names.named)
    for i in names.from_url:
        name = named[i][0]
        if name is not None and _spelled(name) in given:
            named[i] = (given[_spelled(name)], False)
    return named


def outlet_forms(names: OutletNames, given: Mapping[str, str]) -> OutletForms:
    """Step 2: the spellings of each outlet, once the names made from domains are replaced by
    the ones ``given`` (``merge_given`` of every part) spells out."""
    out = OutletForms()
    for name, user in _renamed(names, given):
        if name is None:
            continue
        key = outlet_key(name)
        if user:
            out.fixed.setdefault(key, name)
        out.forms.setdefault(key, Counter())[name] += 1
    return out


def merge_forms(parts: Iterable[OutletForms]) -> OutletForms:
    """``OutletForms`` of consecutive parts of a corpus, in order, as one."""
    out = OutletForms()
    for part in parts:
        for key, name in part.fixed.items():
            out.fixed.setdefault(key, name)
        for key, counter in part.forms.items():
            out.forms.setdefault(key, Counter()).update(counter)
    return out


def choose_outlets(forms: OutletForms) -> dict[str, str]:
    """Step 3: the display name of each outlet key: the fixed one, else the spelling used most
    (ties: the one seen first)."""
    chosen = dict(forms.fixed)
    for key, counter in forms.forms.items():
        if key not in chosen:
            chosen[key] = max(counter.items(), key=lambda kv: kv[1])[0]  # first seen on ties
    return chosen


def apply_outlets(
    articles: Iterable[Article],
    names: OutletNames,
    chosen: Mapping[str, str],
    given: Mapping[str, str],
) -> list[Article]:
    """Step 4: the articles with their display names (``outlet``) and what the file said
    (``outlet_raw``)."""
    out = []
    for a, (name, _user) in zip(articles, _renamed(names, given), strict=True):
        raw = a.outlet if a.outlet is not None and str(a.outlet).strip() else None
        display = chosen[outlet_key(name)] if name is not None else None
        out.append(dataclasses.replace(a, outlet=display, outlet_raw=raw))
    return out


_NOT_A_NAME = [(what, re.compile(pattern, re.IGNORECASE)) for what, pattern, _ in NOT_A_NAME]
_TITLE_SPLIT = re.compile(f"({TITLE_SEPARATORS})")


def outlet_name_problem(
    name: str, *, headlines: Sequence[str] = (), sections: Sequence[str] = ()
) -> str | None:
    """Why ``name`` (a site name read from a web page) is not an outlet's name, or ``None``
    when it is one: ``"a postal address"``, ``"a phone number"``, ``"a web address"``,
    ``"a copyright line"``, ``"a description"``, ``"the headline"``, ``"a section name"``, …
    (``newskit.resources.outlets.NOT_A_NAME``, ``SECTION_NAMES``). ``headlines``: the page's
    title and headlines; ``sections``: its section names."""
    for what, pattern in _NOT_A_NAME:
        if pattern.search(name):
            return what
    key = outlet_key(name)
    if len(name) > MAX_NAME_CHARS or len(name.split()) > MAX_NAME_WORDS:
        return "a description or a headline (too long for a name)"
    if key in SECTION_NAMES or key in {outlet_key(s) for s in sections}:
        return "a section name"
    if any(key == outlet_key(h) for h in headlines if h):
        return "the headline"
    return None


def same_site(name: str, other: str) -> bool:
    """True if two site names are the same name (case, spaces, a leading "The" and
    punctuation aside): ``"The Times of India"`` and ``"Times of India"``."""
    return bool(_spelled(name)) and _spelled(name) == _spelled(other)


def spells_domain(name: str, url: str | None) -> bool:
    """True if ``name`` is the name the page's domain spells: ``"Malay Mail"`` on
    ``malaymail.com``, ``"Times of India"`` on ``timesofindia.indiatimes.com``, ``"BBC News"``
    on ``bbc.co.uk`` (the site's own label starting the name, or the other way round)."""
    host = domain(url)
    spelled = _spelled(name)
    if host is None or len(spelled) < 3:
        return False
    labels = host.split(".")
    suffix = 2 if ".".join(labels[-2:]) in SECOND_LEVEL_SUFFIXES else 1
    site_labels = [label.replace("-", "") for label in labels[:-suffix]]
    whole = "".join(ch for ch in outlet_key(name) if ch.isalnum())
    if spelled in site_labels or whole in site_labels:
        return True
    own = site_labels[-1] if site_labels else ""
    return len(own) >= 3 and (spelled.startswith(own) or own.startswith(spelled))


def split_title(
    title: str, *, sites: Sequence[str] = (), url: str | None = None, headlines: Sequence[str] = ()
) -> tuple[str, str | None]:
    """A page title without the site's name, and that name: ``"Rates rise - Business - Times of
    India"`` on ``timesofindia.indiatimes.com`` → ``("Rates rise", "Times of India")`` (a section
    name next to it goes too). The name is the last (or first) part of the title, cut at
    ``newskit.resources.pages.TITLE_SEPARATORS``, when it is one of ``sites`` (the page's other
    site names), spells the domain of ``url``, or when the rest — or the part at the other end
    alone (``"Headline - Regional news - Site"``) — is one of ``headlines``; else
    ``(title, None)``."""
    pieces = _TITLE_SPLIT.split(title)  # part, separator, part, …
    parts = pieces[0::2]
    if len(parts) < 2:
        return title, None

    def names_site(part: str) -> bool:
        return any(same_site(part, s) for s in sites if s) or spells_domain(part, url)

    def is_headline(rest: list[str]) -> bool:
        text = outlet_key("".join(rest))
        return any(text == outlet_key(h) for h in headlines if h)

    for at_end in (True, False):
        site = parts[-1] if at_end else parts[0]
        rest = pieces[:-2] if at_end else pieces[2:]
        if not site.strip() or outlet_name_problem(site.strip()) is not None:
            continue
        if names_site(site) or is_headline(rest):
            while len(rest) > 2 and outlet_key(rest[-1 if at_end else 0]) in SECTION_NAMES:
                rest = rest[:-2] if at_end else rest[2:]
            headline = "".join(rest).strip()
            if headline:
                return headline, site.strip()
        # "Headline - Regional news - Site": the headline alone at one end, the site at the other
        lone = parts[0] if at_end else parts[-1]
        if len(parts) > 2 and is_headline([lone]):
            return lone.strip(), site.strip()
    return title, None


def _without_sections(name: str, sections: Sequence[str]) -> str:
    """``"Home | The Daily Planet"`` → ``"The Daily Planet"``: a site name joined to section
    names by a title separator is the one part that is a name (else the name stays whole)."""
    parts = [p.strip() for p in _TITLE_SPLIT.split(name)[0::2] if p.strip()]
    if len(parts) < 2:
        return name
    named = [p for p in parts if outlet_name_problem(p, sections=sections) is None]
    return named[0] if len(named) == 1 else name


def page_outlet(
    candidates: Sequence[tuple[str, str | None]],
    *,
    url: str | None = None,
    headlines: Sequence[str] = (),
    sections: Sequence[str] = (),
) -> tuple[str | None, list[str]]:
    """The outlet a web page names: the first of ``candidates`` (``(where, value)`` pairs in
    order of preference) that is a name and not a wire service on someone else's site; and a
    note for each candidate passed over. ``(None, notes)`` when none is: the domain of the
    page's URL then names the outlet (``canonical_outlets``)."""
    notes: list[str] = []
    own_wire = wire_name(domain(url))
    for where, value in candidates:
        if not value or not value.strip():
            continue
        name = _without_sections(" ".join(value.split()), sections)
        problem = outlet_name_problem(name, headlines=headlines, sections=sections)
        wire = wire_name(name)
        # a wire credited as publisher is whose copy it is, not whose site; a page's own
        # og:site_name may name the wire only on the wire's site (or with no URL to say)
        others = wire is not None and wire != own_wire and (url or where != "og:site_name")
        if problem is None and others:
            problem = f"the wire service {wire}, not the site that published the page"
        if problem is None:
            return name, notes
        shown = name if len(name) <= 60 else name[:59] + "…"
        notes.append(f'site name "{shown}" ({where}) is not the outlet: {problem}')
    return None, notes
