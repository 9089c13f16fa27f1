"""Names and their spellings: titles, acronyms, and the names outlets use for themselves.

Shared by ``keyphrases`` (one keyphrase per entity) and ``distinctive`` (spelling variants
counted as one term). Word tables live in ``newskit.resources.names``.

- ``title_key``: an abbreviated title's spelled-out form (``"sen."`` → ``"senator"``).
- ``is_role``: whether a word, before a name, is a title or role (``"Rep."``, ``"Secretary"``).
- ``acronym_key``: one key for the dotted and undotted spellings of an acronym (``"F.B.I."`` and
  ``"FBI"`` → ``"fbi"``; ``"U.S."`` and ``"US"`` → ``"u.s."``, since ``"us"`` is a word).
- ``person_start``: where the person's name starts in a capitalised run
  (``"Texas Rep. Blake Farenthold"`` → at ``"Blake"``).
- ``outlet_names``: the names a corpus's outlets use for themselves, learned from the corpus:
  each outlet's code, web address and URLs are matched against the capitalised names its own
  articles use ("HuffPost" and "Huffington Post" for an outlet coded ``"hpo"``; "The New York
  Times" for ``nytimes.com``), see the function.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache

from newskit.corpus.outlets import domain, outlet_from_url
from newskit.corpus.records import Article
from newskit.resources.abbreviations import TITLE_ABBREVIATIONS
from newskit.resources.names import KEPT_TITLES, MEDIA_WORDS, ROLE_WORDS, TITLE_VARIANTS
from newskit.resources.outlets import HOST_PREFIXES, SECOND_LEVEL_SUFFIXES
from newskit.resources.stopwords import HONORIFICS, NAME_CONNECTORS, STOPWORDS

MAX_OUTLET_NAME_WORDS = 4
_DOTTED = re.compile(r"(?:[A-Za-z]\.){2,}")
_CAMEL = re.compile(r"[A-Z]+(?![a-z])|[A-Z]?[a-z]+|\d+")


@lru_cache(maxsize=4096)
def title_key(key: str) -> str:
    """The spelled-out form of an abbreviated title (``"sen."``, ``"sen"`` → ``"senator"``);
    any other lower-case key unchanged."""
    return TITLE_VARIANTS.get(key.rstrip("."), key)


@lru_cache(maxsize=16384)
def is_role(key: str) -> bool:
    """Whether a lower-case word is a title or role when it stands before a name (``"rep."``,
    ``"secretary"``, ``"mr"``, ``"quarterback"``); titles kept with names (``"pope"``) are not."""
    bare = key.rstrip(".")
    if bare in KEPT_TITLES:
        return False
    return (
        bare in ROLE_WORDS
        or bare in HONORIFICS
        or bare in TITLE_VARIANTS
        or (key.endswith(".") and bare in TITLE_ABBREVIATIONS)
    )


@lru_cache(maxsize=16384)
def acronym_key(text: str) -> str | None:
    """One lower-case key for an acronym however it is dotted, or ``None`` for a word that is
    no acronym. ``"F.B.I."``, ``"FBI"`` → ``"fbi"``; ``"U.S."``, ``"US"`` → ``"u.s."`` (the
    dotted form when the plain one is a common word)."""
    if _DOTTED.fullmatch(text):
        letters = text.replace(".", "")
    elif 2 <= len(text) <= 6 and text.isalpha() and text.isupper():
        letters = text
    else:
        return None
    plain = letters.lower()
    if plain in STOPWORDS or plain in ("am", "pm"):
        return ".".join(plain) + "."
    return plain


def person_start(keys: Sequence[str], initials: Sequence[bool]) -> int:
    """Where a person's name starts in a capitalised run (lower-case ``keys``; ``initials``
    marks middle initials such as ``"B."``): after the last title or role word, and after an
    ``of``-phrase that follows it (``"Secretary of State Marco A. Rubio"`` → ``"Marco A.
    Rubio"``). 0 when the run starts with the name; ``len(keys)`` when nothing follows the
    title (``"Vice Premier"``)."""
    last = -1
    for i, k in enumerate(keys):
        if is_role(k):
            last = i
    start = last + 1
    if start < len(keys) and any(keys[j] in NAME_CONNECTORS for j in range(start, len(keys))):
        # "Secretary of State Marco A. Rubio", "Minister of Foreign Affairs Wang Yi": the name is
        # the last two words (with the initials between them).
        words = [j for j in range(start, len(keys)) if not initials[j]]
        if len(words) >= 2 and all(keys[j] not in NAME_CONNECTORS for j in words[-2:]):
            start = words[-2]
        else:
            start = len(keys)
    return start


# --- the names outlets use for themselves ------------------------------------------------------


def _site(host: str) -> str:
    """The registrable label of a host: ``www.dailymail.co.uk`` → ``dailymail``."""
    labels = [x for x in host.split(".") if x]
    while len(labels) > 2 and labels[0] in HOST_PREFIXES:
        labels.pop(0)
    if len(labels) >= 3 and ".".join(labels[-2:]) in SECOND_LEVEL_SUFFIXES:
        return labels[-3]
    return labels[-2] if len(labels) >= 2 else labels[0]


def _compact(text: str) -> str:
    """Letters and digits of a name, lower case, without a leading "the"."""
    words = text.lower().split()
    if len(words) > 1 and words[0] == "the":
        words = words[1:]
    return "".join(ch for ch in "".join(words) if ch.isalnum())


def outlet_identities(article: Article) -> frozenset[str]:
    """What an article says about its outlet, compacted: its outlet code or name, what the file
    gave, and the site of its URL (``"hpo"``, ``"huffingtonpost"``, ``"newyorktimes"``)."""
    out = set()
    for value in (article.outlet, article.outlet_raw):
        if not value:
            continue
        value = value.strip()
        if " " not in value and "." in value.strip("."):
            host = domain(value)
            if host:
                out.add(_compact(_site(host)))
                named = outlet_from_url(value)
                if named:
                    out.add(_compact(named))
                continue
        out.add(_compact(value))
    if article.url:
        host = domain(article.url)
        if host:
            out.add(_compact(_site(host)))
            named = outlet_from_url(article.url)
            if named:
                out.add(_compact(named))
    for x in list(out):  # "thesun.co.uk" is also "Sun"
        if x.startswith("the") and len(x) > 5:
            out.add(x[3:])
    return frozenset(x for x in out if x)


def _parts(words: Sequence[str]) -> list[str]:
    """The words of a name split at case changes and dots, lower case: ``["HuffPost"]`` →
    ``["huff", "post"]``, ``["RT.com"]`` → ``["rt", "com"]``."""
    out: list[str] = []
    for w in words:
        pieces = _CAMEL.findall(w)
        out.extend(p.lower() for p in pieces if p)
    if len(out) > 1 and out[0] == "the":
        out = out[1:]
    return out


def spells(identity: str, words: Sequence[str]) -> tuple[bool, bool]:
    """Whether the written name ``words`` spells the compact ``identity``: ``(exact, abbrev)``.

    Exact: its letters are the identity (``"Huffington Post"`` for ``huffingtonpost``).
    Abbreviation: each part gives the identity a non-empty prefix, in order, a trailing media
    word (``MEDIA_WORDS``) possibly none (``"HuffPost"`` and ``"Huffington Post"`` for ``hpo``,
    ``"New York Times"`` for ``nyt``, ``"Fox News"`` for ``fox``)."""
    parts = _parts(words)
    if not parts or not identity:
        return False, False
    if "".join(parts) == identity:
        return True, True
    if len(identity) < 3:
        return False, False
    return False, _abbreviates(identity, tuple(parts), 0, 0, {})


def _abbreviates(
    identity: str, parts: tuple[str, ...], i: int, j: int, memo: dict[tuple[int, int], bool]
) -> bool:
    """Whether ``parts[j:]`` spell ``identity[i:]`` as ``spells``' abbreviation, memoised in
    ``memo`` (a plain dict: a cached closure calling itself is a reference cycle, garbage only
    the collector frees, made twice an article)."""
    got = memo.get((i, j))
    if got is None:
        got = memo[(i, j)] = _abbreviates_once(identity, parts, i, j, memo)
    return got


def _abbreviates_once(
    identity: str, parts: tuple[str, ...], i: int, j: int, memo: dict[tuple[int, int], bool]
) -> bool:
    if j == len(parts):
        return i == len(identity)
    part = parts[j]
    if part in MEDIA_WORDS and j > 0 and _abbreviates(identity, parts, i, j + 1, memo):
        return True
    n = len(identity)
    k = 1
    while k <= len(part) and i + k <= n and identity[i + k - 1] == part[k - 1]:
        if _abbreviates(identity, parts, i + k, j + 1, memo):
            return True
        k += 1
    return False


def outlet_leads(identities: Iterable[Iterable[str]]) -> frozenset[str]:
    """The first letters of every outlet identity of a corpus (``outlet_identities`` of each
    article): a written name starting with another letter spells no outlet of the corpus."""
    return frozenset(i[:1] for ids in identities for i in ids)


@dataclass
class OutletNameCounts:
    """What ``outlet_names`` counts over a corpus, mergeable over its parts (``merge``): per
    candidate name (lower-case words) the articles of each outlet using it (``seen``), the
    outlets whose identity it spells (``matched``, outlet -> spelled exactly) and the articles
    per outlet (``n_articles``)."""

    seen: dict[tuple[str, ...], Counter[str]] = field(default_factory=dict)
    matched: dict[tuple[str, ...], dict[str, bool]] = field(default_factory=dict)
    n_articles: Counter[str] = field(default_factory=Counter)

    def merge(self, other: OutletNameCounts) -> OutletNameCounts:
        """These counts and another part's as one."""
        out = OutletNameCounts(
            {k: Counter(c) for k, c in self.seen.items()},
            {k: dict(m) for k, m in self.matched.items()},
            Counter(self.n_articles),
        )
        for key, c in other.seen.items():
            out.seen.setdefault(key, Counter()).update(c)
        for key, m in other.matched.items():
            got = out.matched.setdefault(key, {})
            for outlet, exact in m.items():
                got[outlet] = got.get(outlet, False) or exact
        out.n_articles.update(other.n_articles)
        return out


def outlet_names(
    runs: Iterable[tuple[str, frozenset[str], Iterable[tuple[str, ...]]]],
) -> dict[str, frozenset[tuple[str, ...]]]:
    """The names outlets use for themselves, per outlet, as lower-case word tuples, learned
    from a corpus.

    ``runs``: per article, ``(outlet, identities, names)``: its outlet, ``outlet_identities``
    and the capitalised word runs it writes (as written, e.g. ``("HuffPost",)``, ``("The",
    "New", "York", "Times")``). A run of one to four words (or part of a longer run) is an
    outlet's name when it spells one of the outlet's identities (``spells``) and its own
    articles use it at least three times as often (per article) as other outlets' articles,
    in at least two and 5 % of them when it is an abbreviation; a name of several words
    spelled exactly needs only one article. A name ending in a media word also stands as
    ``"The Times"``/``"The Post"``. In parts: ``outlet_leads`` over the whole corpus, then
    ``outlet_name_counts`` per part, merged, then ``decide_outlet_names``.
    """
    items = list(runs)
    leads = outlet_leads(identities for _o, identities, _n in items)
    return decide_outlet_names(outlet_name_counts(items, leads))


def outlet_name_counts(
    runs: Iterable[tuple[str, frozenset[str], Iterable[tuple[str, ...]]]],
    leads: Iterable[str],
) -> OutletNameCounts:
    """``outlet_names``'s counts over ``runs`` (see there), for names starting with one of
    ``leads`` (``outlet_leads`` of the whole corpus)."""
    leads = frozenset(leads)
    out = OutletNameCounts()
    seen, matched = out.seen, out.matched
    for outlet, identities, names in runs:
        out.n_articles[outlet] += 1
        used: set[tuple[str, ...]] = set()
        for run in names:
            used.update(_run_names(run if type(run) is tuple else tuple(run), leads))
        keys = {tuple(map(str.lower, name)): name for name in used}
        for key, name in keys.items():
            counter = seen.get(key)
            if counter is None:  # (setdefault would make a Counter for every name)
                counter = seen[key] = Counter()
            counter[outlet] += 1
            lead = key[1][:1] if len(key) > 1 and key[0] == "the" else key[0][:1]
            for identity in identities:
                if identity[:1] != lead:
                    continue
                exact, abbrev = spells(identity, name)
                if abbrev:
                    got = matched.setdefault(key, {})
                    got[outlet] = got.get(outlet, False) or exact
    return out


@lru_cache(maxsize=65536)
def _run_names(run: tuple[str, ...], leads: frozenset[str]) -> tuple[tuple[str, ...], ...]:
    """The parts of a capitalised run that may name an outlet, in order: every run of one to
    ``MAX_OUTLET_NAME_WORDS`` words starting at a word (or after a ``"The"``) whose first letter
    is one of ``leads``. Cached: runs such as ``("Trump",)`` repeat across a corpus."""
    out = []
    for a in range(len(run)):
        word = run[a + 1] if run[a].lower() == "the" and a + 1 < len(run) else run[a]
        if word[:1].lower() not in leads:
            continue  # spells no outlet of the corpus
        for b in range(a + 1, min(len(run), a + MAX_OUTLET_NAME_WORDS) + 1):
            out.append(run[a:b])
    return tuple(out)


def decide_outlet_names(counts: OutletNameCounts) -> dict[str, frozenset[tuple[str, ...]]]:
    """``outlet_names`` from the counts of the whole corpus (see there)."""
    out: dict[str, set[tuple[str, ...]]] = {}
    n_articles = counts.n_articles
    total = sum(n_articles.values())
    for key, outlets in counts.matched.items():
        seen = counts.seen[key]
        for outlet, exact in outlets.items():
            n_o, df_o = n_articles[outlet], seen[outlet]
            rest_n = total - n_o
            rest_df = sum(seen.values()) - df_o
            concentrated = rest_n == 0 or df_o / n_o >= 3 * rest_df / rest_n
            if (exact and (len(key) > 1 or concentrated)) or (
                df_o >= max(2, 0.05 * n_o) and concentrated
            ):
                bare = key[1:] if len(key) > 1 and key[0] == "the" else key
                names = out.setdefault(outlet, set())
                names.add(bare)
                if len(bare) > 1 and bare[-1] in MEDIA_WORDS:
                    names.add(("the", bare[-1]))
    return {outlet: frozenset(names) for outlet, names in out.items()}
