"""What ``reuse_graph`` reads in one article (once per article) and in one shared passage.

- ``quoted_spans(article)``: where the article gives someone's words: the quotations of
  ``newskit.reuse.quotes``, quotations in single marks (``SINGLE_QUOTATION``, the British house
  style) and embedded social-media posts (``EMBEDDED_POST``), as sorted ``(start, end)`` offsets
  into ``raw``. Two outlets quoting the same statement or tweet have not reused each other's text.
- ``outlet_mentions(article)``: regexes for the names an article's outlet goes by in running text
  (``www.washingtonpost.com`` → "the Washington Post"; ``Newsweek``); ``names_outlet`` says
  whether another article's text names it ("Perry told The Washington Post"): an article that
  names the outlet it shares text with took that text from it.
- ``wire_attributions(text)``: the wires a passage says someone spoke to ("…, the police chief
  told AFP"; ``newskit.resources.wires.WIRE_ATTRIBUTION``).
- ``pick_wire(wires)``: one wire of several, by ``WIRE_PRECEDENCE`` (AP, Reuters, AFP first).
- ``press_release(article)``: the mark that shows the article is an organisation's own press
  release (``newskit.resources.reuse.PRESS_RELEASE``: "AMD (NYSE: AMD) today announced …"), or
  None: a release is the source of the news articles that reproduce its sentences.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable, Sequence
from functools import lru_cache

from newskit.corpus.outlets import domain
from newskit.corpus.records import Article
from newskit.corpus.wire import wire_name
from newskit.resources.outlets import OUTLET_DOMAINS
from newskit.resources.reuse import (
    EMBEDDED_POST,
    PRESS_RELEASE,
    SINGLE_CLOSE,
    SINGLE_MAX_CHARS,
    SINGLE_OPEN,
)
from newskit.resources.wires import WIRE_ATTRIBUTION, WIRE_PRECEDENCE
from newskit.reuse.quotes import quotations

# A quotation in single marks shorter than this (characters) is a term or a nickname.
MIN_SINGLE_CHARS = 12
_POST = re.compile(EMBEDDED_POST)
_OPEN = re.compile(SINGLE_OPEN)
_CLOSE = re.compile(SINGLE_CLOSE)
_ATTRIBUTION = re.compile(WIRE_ATTRIBUTION)
_RELEASE = tuple((rule.name, re.compile(rule.pattern)) for rule in PRESS_RELEASE)


def quoted_spans(article: Article) -> list[tuple[int, int]]:
    """The spans of ``article.raw`` that give someone's words, merged and sorted."""
    spans = [(q.start, q.end) for q in quotations(article)]
    spans += [m.span() for m in _POST.finditer(article.raw)]
    spans += _single_quotations(article.raw)
    merged: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


def quoted_fraction(spans: Sequence[tuple[int, int]], start: int, end: int) -> float:
    """The share of ``[start, end)`` inside ``spans`` (``quoted_spans`` output)."""
    if end <= start:
        return 0.0
    inside = 0
    i = max(bisect.bisect_right(spans, (start, start)) - 1, 0)
    while i < len(spans) and spans[i][0] < end:
        lo, hi = max(spans[i][0], start), min(spans[i][1], end)
        inside += max(0, hi - lo)
        i += 1
    return inside / (end - start)


def outlet_mentions(article: Article) -> tuple[re.Pattern[str], ...]:
    """Regexes matching the names the article's outlet goes by in running text: its display
    name and, for an outlet written as a web address, the name ``OUTLET_DOMAINS`` gives it. A
    name that starts with "The" must be written with it ("the Guardian"); wires and names of
    fewer than three letters are left out."""
    names = set()
    for value in (article.outlet, article.outlet_raw, article.url):
        if not value:
            continue
        value = str(value).strip()
        if " " not in value and "." in value:
            name = _domain_name(value)
            if name:
                names.add(name)
        elif value and "/" not in value:
            names.add(value)
    return tuple(_mention(n) for n in sorted(names) if _mention(n) is not None)


def names_outlet(article: Article, mentions: Iterable[re.Pattern[str]]) -> str | None:
    """The name by which the article's cleaned text names an outlet (``outlet_mentions``
    output), or None."""
    for m in mentions:
        found = m.search(article.text)
        if found:
            return " ".join(found.group(0).split())
    return None


def wire_attributions(text: str) -> set[str]:
    """The wires ``text`` says someone spoke or wrote to ("… told AFP" → ``{"AFP"}``)."""
    return {w for m in _ATTRIBUTION.finditer(text) if (w := wire_name(m.group("wire")))}


def pick_wire(wires: Iterable[str]) -> str:
    """One wire of several: the first in ``WIRE_PRECEDENCE``, else the first alphabetically."""
    found = sorted(set(wires))
    ranked = [w for w in WIRE_PRECEDENCE if w in found]
    return ranked[0] if ranked else found[0]


def press_release(article: Article) -> str | None:
    """How the article shows it is a press release (``"ticker announcement: '(NYSE: AMD) today
    announced'"``, the first ``PRESS_RELEASE`` rule that matches its text), or None."""
    for name, pattern in _RELEASE:
        found = pattern.search(article.text)
        if found:
            return f"{name}: '{' '.join(found.group(0).split())}'"
    return None


def _single_quotations(raw: str) -> list[tuple[int, int]]:
    """Spans of quotations in single marks (without the marks), found in linear time: each
    opening mark is paired with the next closing mark of its paragraph."""
    closes = [m.start() for m in _CLOSE.finditer(raw)]
    spans: list[tuple[int, int]] = []
    for m in _OPEN.finditer(raw):
        start = m.end()
        if spans and start < spans[-1][1]:
            continue
        i = bisect.bisect_left(closes, start)
        if i == len(closes):
            break
        end = closes[i]
        if MIN_SINGLE_CHARS <= end - start <= SINGLE_MAX_CHARS and "\n" not in raw[start:end]:
            spans.append((start, end))
    return spans


def _domain_name(value: str) -> str | None:
    host = domain(value)
    if host is None:
        return None
    labels = host.split(".")
    for i in range(len(labels) - 1):
        name = OUTLET_DOMAINS.get(".".join(labels[i:]))
        if name:
            return name
    return None


@lru_cache(maxsize=1024)
def _mention(name: str) -> re.Pattern[str] | None:
    name = " ".join(name.split())
    if wire_name(name):
        return None
    rest = re.sub(r"^(?i:the)\s+", "", name)
    if sum(ch.isalpha() for ch in rest) < 3:
        return None
    words = r"\s+".join(re.escape(w) for w in rest.split())
    if rest != name:
        return re.compile(r"\b[Tt]he\s+" + words + r"\b")
    return re.compile(r"(?<![\w.])" + words + r"\b")
