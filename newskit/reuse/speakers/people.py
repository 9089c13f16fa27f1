"""Names a whole corpus writes as people, and names it writes as places or institutions.

One article often names a speaker too briefly to tell what the name is ("Trump said"; "Samir,
his father, said"); the other articles of the corpus usually tell. ``name_evidence(cast,
events)`` counts, for each name of one article, how the article writes it (``cast`` counts the
first and the last while it reads the names):

- as a person: with a person's title (``President Trump``, ``Mr. Abe``), with an age or a
  description after it (``Daphne Burandé, 15,``; ``Jack Blum, an adviser``), with a gender (a
  role word before it, ``he``/``she`` referring back to it: ``Albers said that he …``);
- as a speaker: the subject of a speech verb (``Maynard said``; ``said Jeremy Chan``): people
  and organisations both speak;
- as something else: after a place preposition (``in Puerto Rico``), after "the" (``the White
  House``), with an organisation word (``Interior Ministry``), or as a modifier of a common
  noun (``the Japanese government``, ``Political Science professor``, ``Western Lowland
  gorilla``).

A person's surname counts for the surname alone too ("Donald Trump" → "Trump").
``people_from(evidence)`` adds those counts over the corpus (once per corpus; each article is
read once) into ``People``: ``person`` holds the names written as people more often than as
anything else, ``not_person`` those written as places, institutions or modifiers and never as a
person or a speaker. ``Cast.is_person`` reads them when the article itself does not tell.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

import pandas as pd

from newskit.reuse.speakers.cast import Cast
from newskit.reuse.speakers.events import Event
from newskit.reuse.speakers.names import initials

PEOPLE_COLUMNS = ["name", "n_articles", "n_person", "n_speaker", "n_other", "kind"]
# A name is a person for the corpus when it is written as one at least this often and at least
# as often as it is written as something else.
MIN_PERSON = 1
# A name is not a person when it is written as a place, an institution or a modifier at least
# this often and never as a person or a speaker.
MIN_OTHER = 2

# (n_person, n_speaker, n_other) per name in one article
Evidence = dict[str, tuple[int, int, int]]


@dataclass(frozen=True)
class People:
    """What a corpus writes its names as: ``person`` (people), ``not_person`` (places,
    institutions, modifiers), and the counts behind them (``counts[name] = (n_articles,
    n_person, n_speaker, n_other)``)."""

    person: frozenset[str] = frozenset()
    not_person: frozenset[str] = frozenset()
    counts: tuple[tuple[str, int, int, int, int], ...] = ()

    def frame(self) -> pd.DataFrame:
        """One row per name: ``name, n_articles, n_person, n_speaker, n_other, kind``
        (``"person"``, ``"not person"`` or ``"unknown"``), most written first."""
        rows = [
            (n, a, p, s, o, _kind(n, self))
            for n, a, p, s, o in sorted(self.counts, key=lambda r: (-r[1], r[0]))
        ]
        return pd.DataFrame(rows, columns=PEOPLE_COLUMNS)


def _kind(name: str, people: People) -> str:
    if name in people.person:
        return "person"
    return "not person" if name in people.not_person else "unknown"


def name_evidence(c: Cast, events: Iterable[Event]) -> Evidence:
    """How one article writes each of its names: ``{name: (n_person, n_speaker, n_other)}``."""
    person = c.n_person.copy()
    for name in c.gender:
        person[name] += 1
    speaker: Counter[str] = Counter()
    for e in events:
        if e.subject is not None and e.subject.kind == "name":
            speaker[e.subject.text] += 1
    other = c.n_other
    out: Evidence = {}
    for name in person.keys() | speaker.keys() | other.keys():
        out[name] = (person[name], speaker[name], other[name])
    for name, (p, s, _o) in list(out.items()):
        words = name.split()
        if p and 2 <= len(words) <= 4 and not initials(words[-1]):
            # "Donald Trump" written as a person: so is "Trump"
            q, t, u = out.get(words[-1], (0, 0, 0))
            out[words[-1]] = (q + p, t + s, u)
    return out


def people_from(evidence: Iterable[Evidence]) -> People:
    """``People`` from the ``name_evidence`` of every article of a corpus."""
    totals: dict[str, list[int]] = {}
    for ev in evidence:
        for name, (p, s, o) in ev.items():
            t = totals.setdefault(name, [0, 0, 0, 0])
            t[0] += 1
            t[1] += p
            t[2] += s
            t[3] += o
    return _people(totals)


def merge_people(*parts: People) -> People:
    """One ``People`` for a corpus read in parts: the counts of ``parts`` added up, and the
    names judged again on the totals (equal to ``people_from`` over the whole corpus)."""
    totals: dict[str, list[int]] = {}
    for part in parts:
        for name, a, p, s, o in part.counts:
            t = totals.setdefault(name, [0, 0, 0, 0])
            t[0] += a
            t[1] += p
            t[2] += s
            t[3] += o
    return _people(totals)


def _people(totals: dict[str, list[int]]) -> People:
    person = {n for n, (_a, p, _s, o) in totals.items() if p >= MIN_PERSON and p >= o}
    not_person = {n for n, (_a, p, s, o) in totals.items() if o >= MIN_OTHER and p == 0 and s == 0}
    counts = tuple((n, a, p, s, o) for n, (a, p, s, o) in totals.items())
    return People(frozenset(person), frozenset(not_person), counts)
