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
"""

from __future__ import annotations

import dataclasses
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from newskit.corpus.records import Article
from newskit.resources.outlets import (
    HOST_PREFIXES,
    OUTLET_ALIASES,
    OUTLET_DOMAINS,
    SECOND_LEVEL_SUFFIXES,
)

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
