"""Who the names of one article are: people, organisations or places, their gender, full names.

``cast(nar)`` reads the evidence the article gives for each name (``mentions``): a name is a
person unless the article writes it as a place (``in Puerto Rico``) or an organisation
(``Interior Ministry``, ``the White House``, ``NATO``); a title or an apposition (``Daphne
Burandé, 15,``; ``Jack Blum, an adviser``) makes it a person. A person's gender comes from the
text: a title, a role such as "spokeswoman", the pronoun that follows them. ``Cast.full`` gives
a person's fullest form in the article (``Maynard`` → ``Thane Maynard``).
"""

from __future__ import annotations

import bisect
import re
from collections import Counter
from dataclasses import dataclass, field

from newskit.resources.abbreviations import TITLE_ABBREVIATIONS
from newskit.resources.quotes import (
    GENDER_WORDS,
    ORG_WORDS,
    PERSONAL_PRONOUNS,
    PLACE_NAME_WORDS,
    PLACE_PREPOSITIONS,
    SPEECH_PARTICIPLES,
    SPEECH_VERBS,
    SUBJECT_VERB_GAP_WORDS,
    TITLE_WORDS,
)
from newskit.resources.reuse import STOPWORDS
from newskit.reuse.speakers.names import Mention, initials, mentions, norm
from newskit.reuse.speakers.narrative import Narrative, word_before

_ROLE_SPLIT = re.compile(r"[\s,-]+")
_APPOSITIVE = re.compile(r",\s+(?:(?:a|an|the|his|her)\s+)?(?:[\w-]+\s+){0,2}?([a-z]+)\b")
# After a person's name: an age or a description ("Daphne Burandé, 15,"; "Jack Blum, an
# adviser"; "Coleman, who …").
PERSON_AFTER = re.compile(r",\s+(?:\d{1,3},|an?\s|who\s)")
_NEXT_LOWER = re.compile(r"[ \t]+([a-z][a-z-]+)\b")
_NOT_NOUN = SPEECH_VERBS | SPEECH_PARTICIPLES | SUBJECT_VERB_GAP_WORDS | STOPWORDS


@dataclass
class Cast:
    """The names of one article with what the article says they are. ``gender`` grows while
    the article is read (a pronoun resolved to a name tells its gender)."""

    nar: Narrative
    mentions: list[Mention]
    m_starts: list[int]
    person: set[str] = field(default_factory=set)
    org: set[str] = field(default_factory=set)
    place: set[str] = field(default_factory=set)
    gender: dict[str, str] = field(default_factory=dict)
    full_by_word: dict[str, list[tuple[int, str]]] = field(default_factory=dict)
    # how often each name is written as a person (a title, an age, a description after it)
    # and as something else (a place, an institution, a modifier of a common noun)
    n_person: Counter[str] = field(default_factory=Counter)
    n_other: Counter[str] = field(default_factory=Counter)
    # what the corpus writes names as (``newskit.reuse.speakers.people.People``)
    corpus_person: frozenset[str] = frozenset()
    corpus_not_person: frozenset[str] = frozenset()

    def is_person(self, name: str) -> bool:
        """True when the article writes ``name`` as a person (a title, an age, a role that
        tells a gender), else unless it writes it as a place or an organisation, else what the
        corpus writes it as (``corpus_person``, ``corpus_not_person``); a one-word name needs
        evidence (a title, a role, the surname of a full name)."""
        if name in self.person or name in self.gender:
            return True  # a title, an age, a role: "Michael Sheen, her boyfriend"
        if name in self.org or name in self.place:
            return False
        if name in self.corpus_person:
            return True
        if name in self.corpus_not_person:
            return False
        words = name.split()
        if len(words) == 1:
            return name in self.full_by_word or name in self.gender
        if norm(words[0]) in PLACE_NAME_WORDS or any(norm(w) in STOPWORDS for w in words):
            return False
        return not all(norm(w) in TITLE_WORDS or norm(w) in ORG_WORDS for w in words)

    def full(self, name: str, pos: int) -> str:
        """The fullest form of a person's ``name`` the article uses: ``Maynard`` → ``Thane
        Maynard`` (the nearest before ``pos`` when there are several)."""
        if not self.is_person(name):
            return name
        words = name.split()
        found = [
            (at, full)
            for w in set(words)
            for at, full in self.full_by_word.get(w, [])
            if len(full.split()) > len(words) and _contains(full.split(), words)
        ]
        if not found:
            return name
        before = [f for f in found if f[0] <= pos]
        return max(before, key=lambda f: f[0])[1] if before else min(found)[1]

    def mentions_in(self, lo: int, hi: int) -> list[Mention]:
        """The names that start in ``[lo, hi)``."""
        return self.mentions[
            bisect.bisect_left(self.m_starts, lo) : bisect.bisect_left(self.m_starts, hi)
        ]

    def mention_ending(self, pos: int) -> Mention | None:
        """The name that ends right before ``pos`` (spaces and an apostrophe between)."""
        k = bisect.bisect_right(self.m_starts, pos) - 1
        if k >= 0:
            m = self.mentions[k]
            if m.end <= pos and not self.nar.text[m.end : pos].strip(" \t’'"):
                return m
        return None

    def mention_after(self, pos: int) -> Mention | None:
        """The first name that starts after ``pos``."""
        k = bisect.bisect_right(self.m_starts, pos)
        return self.mentions[k] if k < len(self.mentions) else None


def cast(nar: Narrative) -> Cast:
    """The ``Cast`` of one article's narrative."""
    found, _midcaps = mentions(nar)
    c = Cast(nar, found, [m.start for m in found])
    text = nar.text
    for m in found:
        key = m.name
        words = key.split()
        place = word_before(text, m.start) in PLACE_PREPOSITIONS and not m.title
        if place:
            c.place.add(key)
        org_word = any(norm(w) in ORG_WORDS for w in words)
        if (
            m.after_the
            or org_word
            or (len(words) == 1 and (words[0].isupper() or words[0][0] == "#"))
        ):
            c.org.add(key)
        titled = False
        if m.title:
            for t in m.title.split():
                t = t.rstrip(".")
                if t in TITLE_ABBREVIATIONS or t in TITLE_WORDS:
                    c.person.add(key)
                    titled = True
                g = GENDER_WORDS.get(t)
                if g:
                    c.gender.setdefault(key, g)
        if key not in c.gender:
            # "spokeswoman Liz Einbinder", "her ex-boyfriend Jimmy Kimmel"; "Kris Hoce, the
            # chairman of …"
            before = _ROLE_SPLIT.split(text[max(0, m.start - 30) : m.start].lower().rstrip(" \t,"))
            after = _APPOSITIVE.match(text, m.end, m.end + 40)
            for w in before[-1:] + ([after.group(1).lower()] if after else []):
                g = GENDER_WORDS.get(w)
                if g and w not in PERSONAL_PRONOUNS:
                    c.gender[key] = g
                    break
        described = PERSON_AFTER.match(text[m.end : m.end + 8]) is not None
        if described:
            c.person.add(key)  # "Daphne Burandé, 15,"; "Jack Blum, an adviser"
        if titled or described:
            c.n_person[key] += 1
        elif place or m.after_the or org_word or _modifies_noun(text, m.end, m.modifier):
            c.n_other[key] += 1
    for m in found:
        words = m.name.split()
        if 2 <= len(words) <= 5 and c.is_person(m.name):
            for w in set(words):
                if not initials(w):
                    c.full_by_word.setdefault(w, []).append((m.start, m.name))
    return c


def _modifies_noun(text: str, end: int, modifier: bool) -> bool:
    """True when the name right before ``end`` modifies a common noun ("the Japanese
    government", "Political Science professor"); possessives and verbs do not count."""
    if modifier and text[end - 2 : end] in ("’s", "'s"):
        return False
    nxt = _NEXT_LOWER.match(text, end)
    if nxt is None:
        return False
    w = nxt.group(1)
    return w not in _NOT_NOUN and not w.endswith(("ed", "s", "ing"))


def _contains(full: list[str], part: list[str]) -> bool:
    n = len(part)
    return any(full[i : i + n] == part for i in range(len(full) - n + 1))
