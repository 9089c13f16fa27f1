"""Speech events: each speech verb of the narrative with its subject.

``speech_events(cast)`` finds each speech verb (``newskit.resources.quotes.SPEECH_VERBS``) with
its subject: the name, pronoun or noun phrase before it (``Maynard said``; ``Lawan Zanna, the
father of …, said``; ``the company said``), or after it when it follows a quotation (``“…,” said
senior adviser Kellyanne Conway``; ``according to Jeremy Chan``). A participle (``saying:``)
takes the subject of its sentence. ``told``, ``asked`` and the like never take the name after
them (``told the Enquirer``). ``sentence_subject`` gives the subject of a sentence: the name,
pronoun or noun phrase that opens it, after any opening adverbial.
"""

from __future__ import annotations

import re
from itertools import islice
from typing import Literal, NamedTuple

from newskit.resources.quotes import (
    ADDRESSEE_VERBS,
    COORDINATORS,
    DETERMINERS,
    DOCUMENT_NOUNS,
    GENDER_WORDS,
    LEAD_WORDS,
    NOT_DESCRIPTOR_WORDS,
    NOT_NAME_WORDS,
    ORG_NOUNS,
    POSSESSIVES,
    SPEAKER_PRONOUNS,
    SPEECH_PARTICIPLES,
    SPEECH_PHRASES,
    SPEECH_VERBS,
    SPOKESPERSON_NOUNS,
    SUBJECT_VERB_GAP_WORDS,
)
from newskit.reuse.speakers.cast import Cast
from newskit.reuse.speakers.names import Mention, is_time, norm
from newskit.reuse.speakers.narrative import clause_start

_SPEECH = re.compile(
    r"\b("
    + "|".join(
        sorted(SPEECH_VERBS | SPEECH_PARTICIPLES | set(SPEECH_PHRASES), key=len, reverse=True)
    )
    + r"|According)\b"
)
_TOKEN = re.compile(r"[\w’'‐‑.-]+|[,;:—–()]")
# "X said (by telephone) that she …": the pronoun that refers back to the subject
_THAT_PRONOUN = re.compile(r"(?:[^.;:”\"]{0,50}?\bthat|)\s+(he|she)\b")
# Words allowed between a verb and the name after it: "said senior adviser X", "said a local
# farmer, John Mills", "said the Southwest Research Institute’s Alan Stern".
_DESCRIPTOR_GAP = re.compile(
    r"(?:(?:the|a|an|another)\s+)?(?:(?!(?:"
    + "|".join(sorted(NOT_DESCRIPTOR_WORDS))
    + r")\b)[a-z0-9][\w’'-]*,?\s*){0,4}"
)
# 1-3 lower-case role words between two names: "SpaceX founder Elon Musk".
_ROLE_GAP = re.compile(r"[ \t]+(?:[a-z][\w-]*[ \t]+){1,3}")
_PREP_BEFORE = re.compile(r"\b(?:of|for|at|from|with)[ \t]+(?:the[ \t]+)?$")
_AND_BEFORE = re.compile(r"\band[ \t]+(?:(?:the|his|her|a)[ \t]+)?(?:[a-z][\w-]*[ \t]+){0,2}$")
_LEAD = re.compile(r"\s*([A-Z][a-z]+)\b[^,.;:!?”\"]{0,80},\s*")
_LOWER_NEXT = re.compile(r"[ \t]+(?:[’']s[ \t]+)?[a-z]")
# A noun phrase and the comma before its apposition: "The company's chief, " in "The
# company's chief, Tim Cook, said".
_APPOSITION = re.compile(r"[^,.;:!?”\"]{3,100}?,[ \t]+")
_WHO_BEFORE = re.compile(r",[ \t]+who\b[^,.;]{0,40}$")
_QUOTED_AS = re.compile(r"\bquoted\s+(.+?)\s+as\s+$")
_NOUN_AFTER = re.compile(r"\s*(?:a|an|the)\s+((?:[\w’'-]+\s+){0,4}?)(\w+)\b")
_OF_TAIL = re.compile(r"\s+(?:for|of|at)\s+(?:the\s+)?")


class Subject(NamedTuple):
    """Who a speech verb or a sentence is about."""

    kind: Literal["name", "pronoun", "noun"]
    text: str  # the name; the pronoun; the noun phrase's head
    pos: int
    org: str | None = None  # a noun phrase's organisation ("Equifax" in "an Equifax spokesperson")


class Event(NamedTuple):
    """A speech verb and its subject (None when it has none)."""

    start: int
    end: int
    verb: str
    subject: Subject | None


def speech_events(c: Cast) -> list[Event]:
    """The speech events of the narrative in text order; learns genders from "X said that
    she …" into ``c.gender``."""
    events: list[Event] = []
    for m in _SPEECH.finditer(c.nar.text):
        e = _event(c, m, events)
        if e is not None:
            events.append(e)
    _gender_from_events(c, events)
    return events


def _event(c: Cast, m: re.Match, events: list[Event]) -> Event | None:
    text, verb = c.nar.text, m.group(1).lower()
    vs, ve = m.start(), m.end()
    if verb == "according":
        if not text.startswith(" to ", ve):
            return None
        return Event(vs, ve, verb, subject_after(c, ve + 3))
    us, _ue = c.nar.unit_of(vs)
    clause = max(us, clause_start(text, us, vs))
    left = text[clause:vs]
    if verb in SPEECH_PARTICIPLES or verb == "quoted as saying":
        quoted = _QUOTED_AS.search(left)
        if quoted:
            return Event(vs, ve, verb, _subject_in(c, clause + quoted.start(1), vs))
        for e in reversed(events):
            if e.start < us:
                break
            if e.subject is not None:
                return Event(vs, ve, verb, e.subject)
        return Event(vs, ve, verb, sentence_subject(c, us, vs))
    stripped = left.rstrip()
    words = stripped.split()
    if words and all(
        (norm(w) in NOT_NAME_WORDS and w.lower() not in SPEAKER_PRONOUNS) or is_time(w)
        for w in words
    ):
        stripped = ""  # "“…,” then said X"; but "He said the Japanese government …"
    last = stripped[-1:]
    if verb not in ADDRESSEE_VERBS and (not stripped or last in '”"»'):
        after = subject_after(c, ve)
        if after is not None:
            return Event(vs, ve, verb, after)
    if verb not in ADDRESSEE_VERBS and last == ",":
        after = subject_after(c, ve)  # "…, said Mallam Garba Shehu"
        if after is not None:
            return Event(vs, ve, verb, after)
    return Event(vs, ve, verb, _subject_before(c, clause, vs))


def _subject_in(c: Cast, lo: int, hi: int) -> Subject | None:
    for m in c.mentions_in(lo, hi):
        if not m.modifier:
            return Subject("name", m.name, m.start)
    return None


def subject_after(c: Cast, pos: int) -> Subject | None:
    """The speaker named after a verb: "said senior adviser X", "said SpaceX founder Elon
    Musk", "according to Y", "said a spokesman for the agency"."""
    text = c.nar.text
    end = min(len(text), pos + 80)
    for m in c.mentions_in(pos, end):
        gap = " ".join(w for w in text[pos : m.start].split() if not is_time(w))
        if not _DESCRIPTOR_GAP.fullmatch(gap):
            break
        if text[m.end - 2 : m.end] in ("’s", "'s") or text[m.end - 1] in "’'":
            pos = m.end  # "the Southwest Research Institute’s Alan Stern"
            continue
        head = _head(c, m)
        return Subject("name", head.name, head.start)
    noun = _NOUN_AFTER.match(text[pos:end])
    if noun and noun.group(2).lower() in SPOKESPERSON_NOUNS | ORG_NOUNS:
        return _noun_subject(c, pos + noun.start(), pos + noun.end(), noun.group(2))
    return None


def _head(c: Cast, m: Mention) -> Mention:
    """ "SpaceX founder Elon Musk": the name after a name and a role."""
    if len(m.name.split()) > 1 and c.is_person(m.name):
        return m  # "Chris Christie attacked Ted Cruz": a person, then a verb
    nxt = c.mention_after(m.start)
    if nxt is not None:
        gap = _ROLE_GAP.fullmatch(c.nar.text, m.end, nxt.start)
        if (
            gap
            and not nxt.modifier
            and not any(w.endswith("ed") or w in SPEECH_VERBS for w in gap.group().split())
        ):
            return nxt
    return m


def _subject_before(c: Cast, clause: int, vs: int) -> Subject | None:
    text = c.nar.text
    toks = [(t.group(), t.start()) for t in _TOKEN.finditer(text, clause, vs)]
    j = len(toks) - 1
    while j >= 0 and (toks[j][0].lower() in SUBJECT_VERB_GAP_WORDS or is_time(toks[j][0])):
        j -= 1  # "Musk has already announced", "the newspaper Friday said"
    if j < 0:
        return None
    word, at = toks[j]
    who = _WHO_BEFORE.search(text, clause, vs)
    if who is not None:
        m = c.mention_ending(who.start())  # "Coleman, who in turn said"
        if m is not None and not m.modifier:
            return Subject("name", m.name, m.start)
    if word.lower() in COORDINATORS:
        us, _ue = c.nar.unit_of(vs)
        return sentence_subject(c, us, vs)  # "The campaign thanked … and added"
    if word.lower() in SPEAKER_PRONOUNS:
        return Subject("pronoun", word.lower(), at)
    m = c.mention_ending(at + len(word))
    if m is not None and m.start >= clause:
        while m.modifier and not m.name.isupper():
            # "Rabbi Jacob Luski of Congregation B’nai Israel said": the name the
            # modifier belongs to; "a spokesman for the Foreign Ministry said"
            prep = _PREP_BEFORE.search(text, max(clause, m.start - 12), m.start)
            if prep is None:
                break
            owner = c.mention_ending(prep.start())
            if owner is not None and owner.start >= clause:
                m = owner
                continue
            k = _token_before(toks, prep.start())
            if k >= 0 and toks[k][0][:1].islower():
                return _noun_phrase(c, toks, k)
            break
        if not m.modifier or m.name.isupper():
            both = _AND_BEFORE.search(text, max(clause, m.start - 30), m.start)
            if both is not None:
                first = c.mention_ending(both.start())
                if first is not None and not first.modifier and first.start >= clause:
                    m = first  # "Mr. Pavel and the co-author Robert A. Manning said"
            return Subject("name", m.name, m.start)
    if word[:1].islower() and word.isalpha():
        np = _noun_phrase(c, toks, j)
        if np is not None:
            return np
    if word == ",":
        # "Lawan Zanna, the father of …, said": the first name of the clause before ","
        for m in c.mentions_in(clause, vs):
            if not m.modifier and text[m.end : m.end + 1] == ",":
                return Subject("name", m.name, m.start)
    if toks:
        first = c.mentions_in(toks[0][1], toks[0][1] + 1)
        if first and not first[0].modifier:
            return Subject("name", first[0].name, first[0].start)
    return None


def _token_before(toks: list[tuple[str, int]], pos: int) -> int:
    """The index of the last token that starts at or before ``pos`` (-1 if none)."""
    k = -1
    for i, (_t, at) in enumerate(toks):
        if at > pos:
            break
        k = i
    return k


def _noun_phrase(c: Cast, toks: list[tuple[str, int]], j: int) -> Subject | None:
    """A noun phrase ending at token ``j``: "the company", "an Equifax spokesperson",
    "a spokesman for the Foreign Ministry"."""
    head, at = toks[j]
    start = None
    for i in range(j, max(-1, j - 7), -1):
        w = toks[i][0]
        if w.lower() in DETERMINERS:
            start = toks[i][1]
            break
        if w in ",;:()—–" or w.lower() in SPEECH_VERBS:
            break
    if start is None:
        return None
    return _noun_subject(c, start, at + len(head), head)


def _noun_subject(c: Cast, start: int, end: int, head: str) -> Subject | None:
    text = c.nar.text
    head_low = head.lower()
    inside = c.mentions_in(start, end)
    org = None
    if inside:
        org = " ".join(m.name for m in inside)
        if head_low in ORG_NOUNS:
            org = f"{org} {head_low}"
    elif head_low in SPOKESPERSON_NOUNS:
        tail = _OF_TAIL.match(text[end : end + 12])
        if tail:
            after = c.mentions_in(end + tail.end(), end + tail.end() + 1)
            if after:
                org = after[0].name
    if head_low in ORG_NOUNS or head_low in DOCUMENT_NOUNS or head_low in SPOKESPERSON_NOUNS:
        return Subject("noun", head_low, start, org)
    return None


def sentence_subject(c: Cast, lo: int, hi: int) -> Subject | None:
    """The subject of the sentence ``text[lo:hi]``: the name, pronoun or noun phrase that
    opens it, after any opening adverbial ("On Monday, the firm released a statement";
    "Speaking in South Sudan's capital, Juba, Mr. Kiir denounced …")."""
    text = c.nar.text
    pos = lo
    while True:
        lead = _LEAD.match(text, pos, hi)
        if (
            lead is None
            or not lead.group(1)
            or (norm(lead.group(1)) not in LEAD_WORDS and not lead.group(1).endswith("ing"))
        ):
            break
        pos = lead.end()
    # the first words are all it reads
    toks = [
        (t.group(), t.start()) for t in islice(_TOKEN.finditer(text, pos, min(hi, pos + 200)), 6)
    ]
    if not toks:
        return None
    word, at = toks[0]
    if word.lower() in SPEAKER_PRONOUNS and word.lower() != "it":
        return Subject("pronoun", word.lower(), at)
    names = [m for m in c.mentions_in(at, min(hi, at + 150)) if not m.modifier]
    if word.lower() in POSSESSIVES:
        names = []  # "Her LinkedIn profile said": the profile, not LinkedIn
    if names and names[0].start <= at + 4 + len(word):
        if text[names[0].end : names[0].end + 1] == "," and c.is_person(names[0].name):
            # "Koichi Nakano, Political Science professor at …, told CNN"
            return Subject("name", names[0].name, names[0].start)
        for m in names:
            if _LOWER_NEXT.match(text, m.end):
                return Subject("name", _head(c, m).name, m.start)
        return Subject("name", names[0].name, names[0].start)
    if word.lower() in DETERMINERS:
        for i in range(1, min(6, len(toks))):
            w = toks[i][0]
            if not w.isalpha() or w.lower() in SPEECH_VERBS:
                break
            if w[:1].islower():
                sub = _noun_subject(c, at, toks[i][1] + len(w), w)
                if sub is not None:
                    return sub
        named = _APPOSITION.match(text, at, min(hi, at + 120))
        if named is not None:
            # "The de facto Hamas prime minister in Gaza, Ismail Haniyeh, issued …"
            for m in c.mentions_in(named.end(), named.end() + 1):
                if not m.modifier and text[m.end : m.end + 1] == ",":
                    return Subject("name", m.name, m.start)
    return None


def _gender_from_events(c: Cast, events: list[Event]) -> None:
    """ "X said that she …": the first he/she/his/her after a named subject's verb."""
    for e in events:
        s = e.subject
        if s is None or s.kind != "name" or s.text in c.gender or not c.is_person(s.text):
            continue
        _us, ue = c.nar.unit_of(e.start)
        m = _THAT_PRONOUN.match(c.nar.text, e.end, min(ue, e.end + 80))
        if m:
            c.gender[s.text] = GENDER_WORDS[m.group(1).lower()]
