"""Who reused whose text: ``reuse_graph(corpus) -> DataFrame``, one edge per two articles that
share aligned passages (``newskit.align``), each with its ``relation``:

- ``copy``: one article reproduces or rewrites the other; ``source_id`` → ``derived_id``.
- ``shared_wire``: both carry the same outside copy, named in ``common_source``: a wire ("AP",
  "Reuters", …), the outlet of an article of the corpus both copy (two papers running one
  syndicated story), or ``"unknown common source"``. There is no direction (``source_id`` is
  the more covered article).
- ``independent``: they share only quotations (of a person, a statement, an embedded post),
  stock phrases or a few loosely paraphrased facts.

How an edge is decided, in this order:

1. **Reused text.** Passages that are quotations on either side (``newskit.reuse.evidence``:
   double or single marks, embedded posts; a sentence matched several times, once as a
   quotation's very words, is that quotation in every match) do not count, nor do close
   passages of fewer than ``MIN_CLOSE_WORDS`` words (stock phrases); a sentence matched to
   several counts once. The
   two articles reused text when at least ``MIN_CLOSE`` passages are close (verbatim, near
   verbatim, or scored ``CLOSE_SCORE`` or more); or when one close passage comes with one
   article naming the other's outlet ("…, Perry told The Washington Post") or with both copies
   of a passage saying someone spoke to a wire ("…, told AFP"); or when at least ``MIN_RUN``
   passages come in the same order in both, making ``RUN_SHARE`` of the shorter article (a
   rewrite follows its source sentence by sentence). Otherwise the edge is ``independent``,
   unless one close passage without quotations is, in both articles' versions, also shared
   with a third article carrying a wire: that sentence is the wire's copy (a distinctive
   background sentence of PA's story two papers both run), so the edge is ``shared_wire``.
2. **A press release** (``newskit.resources.reuse.PRESS_RELEASE``: "Acme (NASDAQ: ACME) today
   announced", a newswire's dateline) is the source of an article that reproduces it: ``copy``
   (the organisation's own text; no release copies a news article).
   **A wire's own article.** An article published by a wire (its outlet is "AP",
   ``apnews.com``, …) is the source of an article that credits no wire: ``copy`` ("Newslooks
   rewrote AP's text"). If the other one credits the same wire, both carry its copy.
3. **Wire copy** (``Article.wire``, from ``newskit.corpus.wire``). An article *carries* the wire
   it credits (dateline, copyright, feed address, …) and the wires credited by the articles it
   reused text with (a wire's own article carries only its own). Two articles that carry a wire
   in common are ``shared_wire`` with it (the one both credit; else by
   ``newskit.resources.wires.WIRE_PRECEDENCE``: AP, Reuters, AFP before the national agencies
   that redistribute them), never a copy of each other; so is a pair whose shared passages, in
   both articles, say someone spoke to a wire.
4. **Copy, when one is plausibly first.** Without any wire, votes decide the direction: the
   earlier ``date`` (``VOTES["date"]``) and the outlet the other one names
   (``VOTES["names"]``). An article is **plausibly first** when the votes favour it; it is then
   the source of a ``copy``. Containment decides how far dates count: two articles that are
   both at least ``SAME_TEXT`` the same words (verbatim or near-verbatim passages) are two
   copies of one text, and their dates say who published (or was crawled) first, not whose
   text it is; and it never gives a direction by itself, since a trimmed copy is as contained
   as an original that was expanded. When no vote is cast or they cancel (same day or
   undated, no credit, or the same text), neither is plausibly first: ``shared_wire`` with
   ``"unknown common source"``.
5. **Common source in the corpus.** Two articles that are both copies of a third (not settled
   by one naming the other), and share mostly text each also shares with it (``FORK``), share
   its text: ``shared_wire`` whose ``common_source`` is that article's outlet.

``share`` is the share of the source's text (sentence characters) aligned to the other article,
``derived_share`` the same for the other one, quotations included; an edge is reported when
``share`` is at least ``min_share``. ``confidence`` grows with ``share`` and how clear the
relation is; ``evidence`` spells out every signal in words. Only articles of the same story are
linked (``newskit.stories``), unless ``across_stories=True``; alignments passed in are filtered
the same way. Measured on the real edges labelled by reading (``benchmarks/eval_reuse.py``,
``benchmarks/data/reuse_labels.md``).
"""

from __future__ import annotations

import bisect
import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

import pandas as pd

from newskit.corpus.records import Article
from newskit.corpus.segment import sentence_spans
from newskit.corpus.wire import wire_name
from newskit.reuse.align import align
from newskit.reuse.evidence import (
    names_outlet,
    outlet_mentions,
    pick_wire,
    press_release,
    quoted_fraction,
    quoted_spans,
    wire_attributions,
)
from newskit.reuse.overlap import shingles
from newskit.stories import Stories, story_map, within_stories

REUSE_COLUMNS = [
    "source_id",
    "derived_id",
    "share",
    "derived_share",
    "confidence",
    "evidence",
    "relation",
    "common_source",
]
RELATIONS = ("copy", "shared_wire", "independent")
UNKNOWN_SOURCE = "unknown common source"
DEFAULT_MIN_SHARE = 0.3
# A passage at least this similar (or verbatim / near verbatim) is reused wording.
CLOSE_SCORE = 0.75
# A close passage shorter than this (words, on either side) is a stock phrase ("The Cubs are
# World Series champions.").
MIN_CLOSE_WORDS = 8
# Close passages (outside quotations) that make two articles share text.
MIN_CLOSE = 2
# Passages in the same order in both articles (outside quotations) that make a rewrite, when
# they are at least this share of the shorter article's sentences.
MIN_RUN = 3
RUN_SHARE = 0.4
# A passage this much inside quotation marks (on either side) is quoted material.
QUOTED = 0.5
# Weight of each vote for a direction when no wire decides.
VOTES = {"date": 1.5, "names": 1.5}
# Two articles this much the same words (the share of each one's sentences in verbatim or near
# verbatim passages) are two copies of one text: their dates say who published first, not
# whose text it is.
SAME_TEXT = 0.8
# Two copies of one article share its text when at least this share of the passages they share
# is also shared with it, on both sides.
FORK = 0.5
_CLOSE_KINDS = frozenset({"verbatim", "near_verbatim"})


@dataclass
class _Pair:
    """What two aligned articles share (``a`` comes first in ``align``'s output)."""

    a: Article
    b: Article
    cov_a: float
    cov_b: float
    n_passages: int
    n_quoted: int = 0
    n_text: int = 0
    n_close: int = 0
    n_run: int = 0
    same_a: float = 0.0  # share of a's sentences in verbatim / near-verbatim passages
    same_b: float = 0.0
    run_share: float = 0.0
    attributed: set[str] = field(default_factory=set)
    names: tuple[str | None, str | None] = (None, None)  # how a names b's outlet, b a's
    # each side's passages of the articles' own text (outside quotations)
    spans: tuple[list, list] = field(default_factory=lambda: ([], []))
    # the close passages with no quotation in them on either side, as (a's span, b's span)
    close: list[tuple[tuple[int, int], tuple[int, int]]] = field(default_factory=list)
    reused: bool = False
    relation: str = "independent"
    forward: bool = True  # a is the source (copy) / the more covered (otherwise)
    common: str | None = None
    by_names: bool = False
    clarity: float = 0.4
    evidence: list[str] = field(default_factory=list)


def reuse_graph(
    corpus: Iterable[Article],
    *,
    min_share: float = DEFAULT_MIN_SHARE,
    alignments: pd.DataFrame | None = None,
    stories: Stories = None,
    across_stories: bool = False,
) -> pd.DataFrame:
    """Edges between articles that share aligned text, each with its relation.

    Returns ``source_id, derived_id, share, derived_share, confidence, evidence, relation,
    common_source``: ``relation`` is ``copy`` (``source_id`` → ``derived_id``), ``shared_wire``
    (both carry ``common_source``: a wire such as ``"AP"``, the outlet of a corpus article both
    copy, or ``"unknown common source"``; ``source_id`` is then the more covered one) or
    ``independent`` (only quotations or loose paraphrases in common; ``common_source`` empty
    unless ``shared_wire``). ``share`` is the share of ``source_id``'s text (sentence
    characters) aligned to the other article, ``derived_share`` the same for ``derived_id``;
    ``confidence`` in [0, 1]; ``evidence`` one sentence per signal. Edges with ``share`` below
    ``min_share`` are left out. Pass ``alignments`` (``newskit.align`` output) to reuse them.
    Only articles of the same story are linked (``stories``: ``newskit.stories`` output or
    ``{article_id: story_id}``; None: the ids the articles carry, or computed) unless
    ``across_stories=True``. Sorted by ``confidence`` (highest first), then ids. The rules are
    in this module's documentation.
    """
    articles = list(corpus)
    by_id = {a.id: a for a in articles}
    story = story_map(articles, stories, across_stories=across_stories)
    al = align(articles, stories=story) if alignments is None else within_stories(alignments, story)
    cache = _Cache()
    pairs = [
        _measure(by_id[a_id], by_id[b_id], sub, cache)
        for (a_id, b_id), sub in al.groupby(["a_id", "b_id"], sort=True)
    ]
    carried = _carried(pairs)
    wire_text = _wire_text(pairs)
    for p in pairs:
        _decide(p, carried, wire_text, cache)
    _common_sources(pairs)
    rows = []
    for p in pairs:
        src, der = (p.a, p.b) if p.forward else (p.b, p.a)
        share, der_share = (p.cov_a, p.cov_b) if p.forward else (p.cov_b, p.cov_a)
        if share < min_share:
            continue
        confidence = round(min(1.0, share / 0.6) * p.clarity, 3)
        rows.append(
            (
                src.id,
                der.id,
                round(share, 3),
                round(der_share, 3),
                confidence,
                "; ".join(p.evidence),
                p.relation,
                p.common,
            )
        )
    out = pd.DataFrame(rows, columns=REUSE_COLUMNS)
    out = out.sort_values(["confidence", "source_id", "derived_id"], ascending=[False, True, True])
    return out.reset_index(drop=True)


class _Cache:
    """Per-article work, done once per article."""

    def __init__(self) -> None:
        self.sentences: dict[str, list[tuple[int, int]]] = {}
        self.quoted: dict[str, list[tuple[int, int]]] = {}
        self.grams: dict[str, frozenset] = {}
        self.mentions: dict[str, tuple[re.Pattern[str], ...]] = {}
        self.named: dict[tuple[str, str], str | None] = {}
        self.releases: dict[str, str | None] = {}

    def sents(self, a: Article) -> list[tuple[int, int]]:
        if a.id not in self.sentences:
            self.sentences[a.id] = [(s.start, s.end) for s in sentence_spans(a) if not s.is_heading]
        return self.sentences[a.id]

    def quotes(self, a: Article) -> list[tuple[int, int]]:
        if a.id not in self.quoted:
            self.quoted[a.id] = quoted_spans(a)
        return self.quoted[a.id]

    def shingles(self, a: Article) -> frozenset:
        if a.id not in self.grams:
            self.grams[a.id] = shingles(a, n=3)
        return self.grams[a.id]

    def release(self, a: Article) -> str | None:
        if a.id not in self.releases:
            self.releases[a.id] = press_release(a)
        return self.releases[a.id]

    def names(self, text: Article, outlet: Article) -> str | None:
        """The name by which ``text`` names ``outlet``'s outlet (never its own), or None."""
        if not outlet.outlet or text.outlet == outlet.outlet:
            return None
        key = (text.id, outlet.outlet)
        if key not in self.named:
            if outlet.id not in self.mentions:
                self.mentions[outlet.id] = outlet_mentions(outlet)
            self.named[key] = names_outlet(text, self.mentions[outlet.id])
        return self.named[key]


def _measure(a: Article, b: Article, sub: pd.DataFrame, cache: _Cache) -> _Pair:
    """Coverage, quoted and close passages, wire attributions and outlet names of one pair."""
    p = _Pair(
        a,
        b,
        _coverage(cache.sents(a), zip(sub["a_start"], sub["a_end"], strict=True)),
        _coverage(cache.sents(b), zip(sub["b_start"], sub["b_end"], strict=True)),
        len(sub),
    )
    qa, qb = cache.quotes(a), cache.quotes(b)
    close_a: set[tuple[int, int]] = set()
    close_b: set[tuple[int, int]] = set()
    same: tuple[list, list] = ([], [])
    rows = list(sub.itertuples(index=False))
    sides = [
        (1.0, 1.0)
        if r.kind == "quote"
        else (quoted_fraction(qa, r.a_start, r.a_end), quoted_fraction(qb, r.b_start, r.b_end))
        for r in rows
    ]
    fractions = [max(f) for f in sides]
    # a sentence matched several times, once as a quotation's words, is that quotation in every
    # match (a tweet quoted in one paragraph and embedded as a post in another): a side holds
    # the quotation's words when it is quoted, or when its match is word for word and the other
    # side is quoted (a paraphrase of a quotation is not the quotation)
    in_quote: tuple[list, list] = ([], [])
    for r, (fa, fb) in zip(rows, sides, strict=True):
        same_words = r.kind == "quote" or r.kind in _CLOSE_KINDS
        if fa >= QUOTED or (same_words and fb >= QUOTED):
            in_quote[0].append((r.a_start, r.a_end))
        if fb >= QUOTED or (same_words and fa >= QUOTED):
            in_quote[1].append((r.b_start, r.b_end))
    for r, quoted in zip(rows, fractions, strict=True):
        if r.kind == "quote":
            p.n_quoted += 1
            continue
        p.attributed |= wire_attributions(r.a_text) & wire_attributions(r.b_text)
        if quoted < QUOTED:
            quoted = max(
                quoted,
                _overlap(in_quote[0], r.a_start, r.a_end),
                _overlap(in_quote[1], r.b_start, r.b_end),
            )
        if quoted >= QUOTED:
            p.n_quoted += 1
            continue
        p.n_text += 1
        p.spans[0].append((r.a_start, r.a_end))
        p.spans[1].append((r.b_start, r.b_end))
        if r.kind in _CLOSE_KINDS:
            same[0].append((r.a_start, r.a_end))
            same[1].append((r.b_start, r.b_end))
        words = min(len(r.a_text.split()), len(r.b_text.split()))
        if (r.kind in _CLOSE_KINDS or r.score >= CLOSE_SCORE) and words >= MIN_CLOSE_WORDS:
            close_a.add((r.a_start, r.a_end))
            close_b.add((r.b_start, r.b_end))
            if not quoted:
                p.close.append(((r.a_start, r.a_end), (r.b_start, r.b_end)))
    # a sentence matched to several others counts once
    p.n_close = min(len(close_a), len(close_b))
    p.same_a, p.same_b = _coverage(cache.sents(a), same[0]), _coverage(cache.sents(b), same[1])
    p.names = (cache.names(a, b), cache.names(b, a))
    p.n_run = _ordered_run(p.spans)
    p.run_share = p.n_run / max(1, min(len(cache.sents(a)), len(cache.sents(b))))
    # a wire attribution or a named outlet on the shared passages needs one close passage more;
    # a rewrite follows its source's order, sentence after sentence
    p.reused = (
        p.n_close >= MIN_CLOSE
        or ((bool(p.attributed) or any(p.names)) and p.n_close >= 1)
        or (p.n_run >= MIN_RUN and p.run_share >= RUN_SHARE)
    )
    p.evidence.append(
        f"{p.n_passages} aligned passages: {p.n_quoted} within quotations, {p.n_close} close "
        f"matches of the articles' own wording, {p.n_run} passages in the same order; "
        f"{p.cov_a:.0%} of {a.id} and {p.cov_b:.0%} of {b.id} is aligned to the other"
    )
    if a.date or b.date:
        p.evidence.append(f"dates: {a.id} {a.date or 'unknown'}, {b.id} {b.date or 'unknown'}")
    return p


def _overlap(spans: list[tuple[int, int]], start: int, end: int) -> float:
    """The largest share of ``[start, end)`` that one of ``spans`` covers."""
    if end <= start:
        return 0.0
    return max((max(0, min(e, end) - max(s, start)) / (end - start) for s, e in spans), default=0.0)


def _ordered_run(spans: tuple[list[tuple[int, int]], list[tuple[int, int]]]) -> int:
    """The most passages that come in the same order in both articles (a longest increasing
    subsequence of the passages' starts)."""
    tails: list[int] = []
    for _, b_start in sorted({(a[0], b[0]) for a, b in zip(*spans, strict=True)}):
        i = bisect.bisect_left(tails, b_start)
        if i == len(tails):
            tails.append(b_start)
        else:
            tails[i] = b_start
    return len(tails)


def _coverage(sents: list[tuple[int, int]], spans: Iterable[tuple[int, int]]) -> float:
    """Share of the sentence characters that touch an aligned span."""
    spans = list(spans)
    total = sum(e - s for s, e in sents)
    if not total:
        return 0.0
    hit = sum(e - s for s, e in sents if any(a < e and b > s for a, b in spans))
    return hit / total


def _own_wire(a: Article) -> str | None:
    """The wire that published the article itself (its outlet is a wire), else None."""
    return wire_name(a.outlet) or wire_name(a.outlet_raw)


def _carried(pairs: list[_Pair]) -> dict[str, set[str]]:
    """The wires each article may carry: the one it credits (only its own, for a wire's own
    article) and those credited by the articles it reused text with."""
    carried: dict[str, set[str]] = defaultdict(set)
    for p in pairs:
        for x, y in ((p.a, p.b), (p.b, p.a)):
            if x.wire:
                carried[x.id].add(x.wire)
            if p.reused and y.wire and not _own_wire(x) and not _own_wire(y):
                carried[x.id].add(y.wire)
    return carried


def _wire_text(pairs: list[_Pair]) -> dict[str, list[tuple[tuple[int, int], str, str]]]:
    """Per article, its close passages shared with an article that carries a wire (credits it,
    or is the wire's own): ``(span, wire, that article's id)``."""
    found: dict[str, list[tuple[tuple[int, int], str, str]]] = defaultdict(list)
    for p in pairs:
        for x, y, side in ((p.a, p.b, 0), (p.b, p.a, 1)):
            wire = y.wire or _own_wire(y)
            if wire:
                found[x.id] += [(pair[side], wire, y.id) for pair in p.close]
    return found


def _wire_passage(p: _Pair, wire_text: dict[str, list[tuple[tuple[int, int], str, str]]]) -> set:
    """The wires of a third article whose copy holds a close passage of the pair (one without
    quotations), in both articles' versions of it: a distinctive sentence of AP's story both
    carry, not a quotation with its attribution, which any outlet writes alike."""
    found: set[str] = set()
    for span_a, span_b in p.close:
        wires = []
        for x, span in ((p.a, span_a), (p.b, span_b)):
            wires.append(
                {
                    (w, y)
                    for s, w, y in wire_text.get(x.id, ())
                    if y not in (p.a.id, p.b.id) and s[0] < span[1] and span[0] < s[1]
                }
            )
        found |= {w for w, _ in wires[0]} & {w for w, _ in wires[1]}
    return found


def _decide(
    p: _Pair,
    carried: dict[str, set[str]],
    wire_text: dict[str, list[tuple[tuple[int, int], str, str]]],
    cache: _Cache,
) -> None:
    """Set the pair's relation, direction, common source, clarity and evidence."""
    a, b = p.a, p.b
    p.forward = p.cov_a >= p.cov_b
    c_ab, c_ba = (
        _contained(cache.shingles(a), cache.shingles(b)),
        _contained(cache.shingles(b), cache.shingles(a)),
    )
    p.evidence.append(
        f"3-gram containment {a.id} in {b.id} {c_ab:.2f}, {b.id} in {a.id} {c_ba:.2f}"
    )
    for x in (a, b):
        if x.wire:
            p.evidence.append(f"{x.id} carries {x.wire} copy ({x.wire_evidence})")
    if not p.reused:
        wires = _wire_passage(p, wire_text)
        if wires:
            wire = pick_wire(wires)
            p.relation, p.common, p.clarity = "shared_wire", wire, 0.6
            p.evidence.insert(
                0,
                f"shared_wire: both carry {wire} copy (the passage they share is in an article "
                f"carrying {wire}, in both their versions)",
            )
            return
        p.relation, p.clarity = "independent", 0.8 if p.n_close == 0 else 0.6
        p.evidence.insert(0, "independent: they share only quotations or loose paraphrases")
        return
    rel_a, rel_b = cache.release(a), cache.release(b)
    if bool(rel_a) != bool(rel_b):
        src, der, why, forward = (a, b, rel_a, True) if rel_a else (b, a, rel_b, False)
        p.relation, p.forward, p.clarity = "copy", forward, 0.9
        p.evidence.insert(
            0, f"copy: {src.id} is a press release ({why}); {der.id} reproduces its text"
        )
        return
    own_a, own_b = _own_wire(a), _own_wire(b)
    for src, der, own, forward in ((a, b, own_a, True), (b, a, own_b, False)):
        if own and not der.wire and not _own_wire(der):
            p.relation, p.forward, p.clarity = "copy", forward, 1.0
            p.evidence.insert(
                0,
                f"copy: {src.id} is {own}'s own article and {der.id} credits no wire: "
                f"{der.outlet or der.id} rewrote {own}'s text",
            )
            return
    common = carried.get(a.id, set()) & carried.get(b.id, set())
    if common or p.attributed:
        wire = a.wire if a.wire and a.wire == b.wire else pick_wire(common or p.attributed)
        credited = [x.id for x in (a, b) if x.wire == wire]
        if credited:
            why = f"{' and '.join(credited)} credit{'s' if len(credited) == 1 else ''} {wire}"
        elif common:
            why = f"both share text with articles credited to {wire}"
        else:
            why = f"their shared passages say someone spoke to {wire}"
        p.relation, p.common = "shared_wire", wire
        p.clarity = 1.0 if len(credited) == 2 else 0.8
        p.evidence.insert(0, f"shared_wire: both carry {wire} copy ({why})")
        return
    votes, reasons = _votes(p)
    total = sum(votes)
    if total:
        p.relation, p.forward = "copy", total > 0
        p.by_names = any(p.names)
        p.clarity = 0.4 + 0.6 * min(1.0, abs(total) / 3)
        src, der = (a, b) if p.forward else (b, a)
        p.evidence.insert(0, f"copy: {src.id} is plausibly first ({'; '.join(reasons)})")
    else:
        p.relation, p.common, p.clarity = "shared_wire", UNKNOWN_SOURCE, 0.4
        why = "; ".join(reasons) if reasons else "no date or credit says which"
        p.evidence.insert(0, f"shared_wire: neither is plausibly first ({why}): {UNKNOWN_SOURCE}")


def _votes(p: _Pair) -> tuple[list[float], list[str]]:
    """Signed votes (positive: ``a`` is the source) and the reasons, in words."""
    a, b = p.a, p.b
    votes: list[float] = []
    reasons: list[str] = []
    if min(p.same_a, p.same_b) >= SAME_TEXT:
        reasons.append(f"both are {SAME_TEXT:.0%} or more the same words: dates do not order them")
    elif a.date and b.date and a.date != b.date:
        votes.append(VOTES["date"] * (1 if a.date < b.date else -1))
        first = a if a.date < b.date else b
        reasons.append(f"{first.id} is earlier")
    a_names, b_names = p.names
    if bool(a_names) != bool(b_names):
        votes.append(VOTES["names"] * (1 if b_names else -1))
        namer, named, name = (b, a, b_names) if b_names else (a, b, a_names)
        reasons.append(f"{namer.id} names {named.id}'s outlet ({name})")
    return votes, reasons


def _common_sources(pairs: list[_Pair]) -> None:
    """Two copies of one corpus article share its text, when what they share is mostly text
    each also shares with it (a fork, not a chain of copies) and neither names the other."""
    sources: dict[str, set[str]] = defaultdict(set)
    by_ids: dict[tuple[str, str], _Pair] = {}
    for p in pairs:
        by_ids[p.a.id, p.b.id] = by_ids[p.b.id, p.a.id] = p
        if p.relation == "copy":
            src, der = (p.a, p.b) if p.forward else (p.b, p.a)
            sources[der.id].add(src.id)
    for p in pairs:
        wired = p.relation == "shared_wire" and p.common != UNKNOWN_SOURCE
        if not p.reused or p.by_names or wired:
            continue
        for c_id in sorted((sources[p.a.id] & sources[p.b.id]) - {p.a.id, p.b.id}):
            qa, qb = by_ids[p.a.id, c_id], by_ids[p.b.id, c_id]
            if min(_explained(p, p.a, qa), _explained(p, p.b, qb)) < FORK:
                continue
            c = qa.a if qa.a.id == c_id else qa.b
            name = _own_wire(c) or c.outlet or c.id
            p.relation, p.common, p.forward, p.clarity = (
                "shared_wire",
                name,
                p.cov_a >= p.cov_b,
                0.7,
            )
            p.evidence[0] = f"shared_wire: both are copies of {c.id} ({name}), not of each other"
            break


def _explained(p: _Pair, x: Article, q: _Pair) -> float:
    """The share of ``x``'s passages shared in ``p`` that ``x`` also shares in ``q``."""
    mine = p.spans[0] if p.a.id == x.id else p.spans[1]
    other = q.spans[0] if q.a.id == x.id else q.spans[1]
    if not mine:
        return 0.0
    return sum(any(s < e2 and s2 < e for s2, e2 in other) for s, e in mine) / len(mine)


def _contained(a: frozenset, b: frozenset) -> float:
    """Share of ``a``'s shingles found in ``b`` (0 when ``a`` has none)."""
    return len(a & b) / len(a) if a else 0.0
