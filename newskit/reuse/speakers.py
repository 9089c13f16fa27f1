"""Who said each quotation of an article: its speaker, the speech verb, how it was found.

``attribute(article, marks)`` takes the article's quotations as ``(open mark, close mark)``
offsets and returns one ``Attribution(speaker, speech_verb, how, name_at)`` per quotation. It
reads the article once:

1. The narrative: ``raw`` with the words inside every quotation blanked (their final ``.,!?``
   kept), so a name or a verb inside a quotation is never read as an attribution. Its units are
   the article's sentences, joined where a quotation runs across a sentence end.
2. The cast: runs of capitalised words (``Sen. Carolyn B. Maloney``, ``Kim Jong-un``,
   ``Abu Muhammad al-Adnani``, ``University of Louisville``) without the function words and
   sentence adverbs that open them (``As Ofeibea`` → ``Ofeibea``), without times and weekdays
   (misspelt ones too) and with titles left out of the name (``Japanese Prime Minister Shinzo
   Abe`` → ``Shinzo Abe``). A name after a preposition or with a possessive (``the father of
   Aisha Zanna``, ``Bruce Steinberg's sister``) modifies another noun and is never a subject.
   A name is a person unless the article writes it as a place (``in Puerto Rico``) or an
   organisation (``Interior Ministry``, ``the White House``, ``NATO``); a person's gender comes
   from the text (a title, a role such as "spokeswoman", the pronoun that follows them).
   A speaker is given in the fullest form the article uses (``Maynard`` → ``Thane Maynard``).
3. Speech events: each speech verb (``newskit.resources.quotes.SPEECH_VERBS``) with its
   subject: the name, pronoun or noun phrase before it (``Maynard said``; ``Lawan Zanna, the
   father of …, said``; ``the company said``), or after it when it follows a quotation
   (``“…,” said senior adviser Kellyanne Conway``; ``according to Jeremy Chan``). A participle
   (``saying:``) takes the subject of its sentence. ``told``, ``asked`` and the like never take
   the name after them (``told the Enquirer``).
4. Each quotation's speaker, with ``how`` it was found:

   - ``"same sentence"``: the attribution right after the quotation (“…,” X said), else the last
     speech event before it in its sentence (X said that “…”), else one after it, else the
     sentence's subject (Mr. Tillerson reaffirmed that “…”);
   - ``"pronoun"``: the attribution is "he"/"she" (or "it"/"they" for an organisation): the
     last person who was a subject before it, of the pronoun's gender where the text gives one;
   - ``"run"``: no attribution of its own, it continues the quotations of the previous speaker
     (the next sentence or paragraph, with no other subject in between);
   - ``"previous sentence"``: the subject of the sentence before it in its paragraph, or of a
     paragraph that ends with ``:`` ("She writes:");
   - ``"next paragraph"``: a paragraph-final quotation whose attribution opens the next
     paragraph;
   - ``"none"``: no speaker.

   "The company said" is the last organisation the article names with that noun ("the zoo" →
   "Cincinnati Zoo"); "the statement said" the speaker of the quotation before it; "an Equifax
   spokesperson" the organisation named with the spokesperson.

Everything here is a handful of regex passes and one walk over the quotations: linear in the
article's length.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Sequence
from typing import Literal, NamedTuple

from rapidfuzz import fuzz

from newskit.corpus.records import Article
from newskit.corpus.segment import sentence_spans
from newskit.resources.abbreviations import TITLE_ABBREVIATIONS
from newskit.resources.quotes import (
    ADDRESSEE_VERBS,
    DOCUMENT_NOUNS,
    GENDER_WORDS,
    LEAD_WORDS,
    NOT_BEFORE_SPEAKERS,
    NOT_NAME_WORDS,
    ORG_NOUNS,
    ORG_WORDS,
    PLACE_NAME_WORDS,
    PLACE_PREPOSITIONS,
    SPEAKER_PRONOUNS,
    SPEECH_PARTICIPLES,
    SPEECH_PHRASES,
    SPEECH_VERBS,
    SPOKESPERSON_NOUNS,
    TIME_NAMES,
    TITLE_WORDS,
)
from newskit.resources.reuse import STOPWORDS


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


How = Literal["same sentence", "pronoun", "run", "previous sentence", "next paragraph", "none"]

# A speech event this close after a quotation's closing mark is its attribution (characters).
NEAR_AFTER = 40
# How far back a pronoun looks for the person it stands for (characters).
PRONOUN_REACH = 2500
# A paragraph's attribution that opens the next paragraph lies within this many characters.
NEXT_PARAGRAPH_CHARS = 60

_UPPER = "".join(c for c in map(chr, range(0x41, 0x250)) if c.isupper())
_CAP_WORD = (
    r"(?:[" + _UPPER + r"](?:\.[" + _UPPER + r"])+\.?"  # initials: U.S., A.Q.
    r"|[" + _UPPER + r"][a-z]{0,3}\.(?=[ \t]+[" + _UPPER + r"])"  # Mr., Sen., Jr., Conn.
    r"|[" + _UPPER + r"][\w’'‐‑-]*"  # Maynard, O’Brien, Pierre-Henry
    r"|[a-z]{1,3}[" + _UPPER + r"][\w’'‐‑-]*"  # deVere, iTele, McX
    r"|(?:al|el|ad|ul|bin)[-‐‑][" + _UPPER + r"][\w’'‐‑-]*"  # al-Adnani
    r"|#\w+)"  # #Chibokgirls
)
_GLUE = r"(?:de|van|von|der|den|du|da|di|le|la|del|dos|das|bin|ibn|al|el|abu|y|&)"
_RUN = re.compile(
    r"(?<![\w’'#@])" + _CAP_WORD + r"(?:[ \t]+(?:" + _GLUE + r"[ \t]+)?" + _CAP_WORD + r")*"
)
_OF_JOIN = re.compile(r"[ \t]+(?:of|for)[ \t]+(?:the[ \t]+)?")
_TOKEN = re.compile(r"[\w’'‐‑.-]+|[,;:—–()]")
_SPEECH = re.compile(
    r"\b("
    + "|".join(
        sorted(SPEECH_VERBS | SPEECH_PARTICIPLES | set(SPEECH_PHRASES), key=len, reverse=True)
    )
    + r"|According)\b"
)
_LOWER_WORD = re.compile(r"(?<![\w’'-])[a-z][a-z’'-]+")
# "X said (by telephone) that she …": the pronoun that refers back to the subject
_THAT_PRONOUN = re.compile(r"(?:[^.;:”\"]{0,50}?\bthat|)\s+(he|she)\b")
_DETERMINERS = _words("the a an another its his her their this that our my")
_POSSESSIVES = _words("its his her their our my")
# Lower-case words allowed between a subject and its verb: "Musk has already announced".
_BETWEEN = _words(
    """
    also later earlier previously then recently repeatedly again already once first later
    publicly reportedly simply quickly just never not has have had was were is are would will
    did does do could should might may initially originally subsequently separately further
    often still
    """
)
_WEEKDAYS = [w for w in TIME_NAMES if w.endswith("day") and len(w) > 5]
_PRONOUN_WORDS = _words("he she his her him hers himself herself")
# Words allowed between a verb and the name after it: "said senior adviser X", "said a local
# farmer, John Mills", "said the Southwest Research Institute’s Alan Stern".
_DESCRIPTOR_GAP = re.compile(
    r"(?:(?:the|a|an|another)\s+)?(?:(?!(?:that|to|he|she|it|they|we|in|on|at|by|for|with|from|of|"
    r"and|but|as|this|when|while)\b)[a-z0-9][\w’'-]*,?\s*){0,4}"
)
# 1-3 lower-case role words between two names: "SpaceX founder Elon Musk".
_ROLE_GAP = re.compile(r"[ \t]+(?:[a-z][\w-]*[ \t]+){1,3}")
_PREP_BEFORE = re.compile(r"\b(?:of|for|at|from|with)[ \t]+(?:the[ \t]+)?$")
_AND_BEFORE = re.compile(r"\band[ \t]+(?:(?:the|his|her|a)[ \t]+)?(?:[a-z][\w-]*[ \t]+){0,2}$")
_LEAD = re.compile(r"\s*([A-Z][a-z]+)\b[^,.;:!?”\"]{0,80},\s*")
_LOWER_NEXT = re.compile(r"[ \t]+(?:[’']s[ \t]+)?[a-z]")
_SENTENCE_END = re.compile(r"[.!?;]\s")
_NOT_BREAK = re.compile(r"[^\r\n]")
_INNER_POSSESSIVE = re.compile(r"[’']s(?=[ \t]+\S)")
_ROLE_SPLIT = re.compile(r"[\s,-]+")
_APPOSITIVE = re.compile(r",\s+(?:(?:a|an|the|his|her)\s+)?(?:[\w-]+\s+){0,2}?([a-z]+)\b")
_WHO_BEFORE = re.compile(r",[ \t]+who\b[^,.;]{0,40}$")


class Attribution(NamedTuple):
    """A quotation's speaker (or None), the verb that attributed it, how it was found."""

    speaker: str | None
    speech_verb: str | None
    how: How


class _Mention(NamedTuple):
    start: int  # offsets of the whole run in raw
    end: int
    name: str  # without titles and opening words
    title: str  # the title words left out, lower case
    modifier: bool  # after a preposition, or possessive: never a subject
    after_the: bool


class _Subject(NamedTuple):
    kind: Literal["name", "pronoun", "noun"]
    text: str  # the name; the pronoun; the noun phrase's head
    pos: int
    org: str | None = None  # a noun phrase's organisation ("Equifax" in "an Equifax spokesperson")


class _Event(NamedTuple):
    start: int
    end: int
    verb: str
    subject: _Subject | None


def attribute(
    article: Article,
    marks: Sequence[tuple[int, int]],
    is_quote: Callable[[int, bool], bool] = lambda k, attributed: True,
) -> list[Attribution]:
    """One ``Attribution`` per quotation. ``marks``: the open and close mark offsets of the
    article's quotations, in text order. ``is_quote(k, attributed)`` says whether quotation
    ``k`` is a quotation rather than a term (terms never continue a run); ``attributed`` tells
    it whether a speech verb follows the quotation in its sentence (“No fight,” she wrote)."""
    reader = _Reader(article, marks)
    quote = [is_quote(k, reader.near_after(k) is not None) for k in range(len(reader.marks))]
    return reader.run(quote)


class _Reader:
    """One article's narrative, cast and speech events."""

    def __init__(self, article: Article, marks: Sequence[tuple[int, int]]) -> None:
        self.raw = raw = article.raw
        self.marks = list(marks)
        self.narr = _narrative(raw, self.marks)
        self.units = _units(article, self.marks)
        self.headings = {(s.start, s.end) for s in sentence_spans(article) if s.is_heading}
        self.unit_starts = [s for s, _e in self.units]
        self.paras = _paragraph_starts(raw)
        self.lower = frozenset(w.replace("’", "'") for w in _LOWER_WORD.findall(raw))
        self.mentions = self._mentions()
        self.m_starts = [m.start for m in self.mentions]
        self._evidence()
        self.events: list[_Event] = []
        for m in _SPEECH.finditer(self.narr):
            e = self._event(m)
            if e is not None:
                self.events.append(e)
        self.e_starts = [e.start for e in self.events]
        self._gender_from_events()
        self.records: list[tuple[int, str]] = []  # (position, speaker) of the quotations so far
        self.subjects: list[tuple[int, str]] = []
        self.sub_pos: list[int] = []
        self._subjects()

    # --- units and paragraphs -------------------------------------------------------------

    def unit_of(self, pos: int) -> tuple[int, int]:
        k = bisect.bisect_right(self.unit_starts, pos) - 1
        if k < 0 or self.units[k][1] < pos:
            return pos, pos
        return self.units[k]

    def unit_before(self, start: int) -> tuple[int, int] | None:
        k = bisect.bisect_left(self.unit_starts, start) - 1
        return self.units[k] if k >= 0 else None

    def para_of(self, pos: int) -> int:
        return bisect.bisect_right(self.paras, pos) - 1

    # --- the cast ---------------------------------------------------------------------------

    def _mentions(self) -> list[_Mention]:
        narr = self.narr
        merged: list[list[int]] = []
        runs = []
        for m in _RUN.finditer(narr):
            s = m.start()
            for p in _INNER_POSSESSIVE.finditer(narr, m.start(), m.end()):
                runs.append((s, p.end()))  # "Japan’s Ambassador": two names
                s = p.end() + 1
            if s < m.end():
                runs.append((s, m.end()))
        for s, e in runs:
            if merged:
                # "University of Louisville", "Secretary of State Rex Tillerson": one name
                ps, pe = merged[-1]
                last = narr[ps:pe].split()[-1].lower().rstrip(".")
                if (
                    _OF_JOIN.fullmatch(narr, pe, s)
                    and (last in ORG_WORDS or last in TITLE_WORDS)
                    and not _is_time(narr[s:e].split()[0])
                ):
                    merged[-1][1] = e
                    continue
            merged.append([s, e])
        # capitalised words written inside a sentence: names, not sentence-opening words
        self.midcaps = set()
        for s, e in merged:
            words = narr[s:e].split()
            self.midcaps.update(words[1:] if _starts_clause(narr, s) else words)
        out = []
        heads = sorted(self.headings)
        starts = [h[0] for h in heads]
        for s, e in merged:
            k = bisect.bisect_right(starts, s) - 1
            if k >= 0 and heads[k][0] <= s < heads[k][1]:
                continue  # a headline: every word capitalised
            if s > 0 and narr[s - 1] in "(/":
                continue  # a credit: "(Jordan Strauss/Invision/AP)"
            m = self._mention(s, e)
            if m is not None:
                out.append(m)
        return out

    def _mention(self, s: int, e: int) -> _Mention | None:
        narr = self.narr
        words = narr[s:e].split()
        at_start = _starts_clause(narr, s)
        after_the = False
        pos = s
        while words:
            w = words[0]
            low = _norm(w)
            if low in TITLE_ABBREVIATIONS or low in TITLE_WORDS:
                break
            if low == "the":
                after_the = True
            common = at_start and pos == s and low in self.lower and not _verb_next(narr, e)
            if (
                low in NOT_NAME_WORDS
                or _is_time(w)
                or common
                or (w.isupper() and _dateline(narr, s, e))
            ):
                pos = narr.index(w, pos) + len(w)
                words.pop(0)
                continue
            break
        while words and _is_time(words[-1]):
            words.pop()
        if not words:
            return None
        start = narr.index(words[0], pos)
        if at_start and len(words) == 1 and not _verb_next(narr, e):
            w = words[0]
            if w not in self.midcaps and not w.isupper():
                return None  # "Flags will fly …": a capitalised word only because it opens
        before = _word_before(narr, start)
        if before == "the":
            after_the = True
            i = narr.rfind("the", 0, start)
            before = _word_before(narr, i)
        last = words[-1]
        possessive = last.endswith(("’s", "'s", "s’", "s'"))
        if possessive:
            words[-1] = re.sub(r"(?:[’']s|(?<=s)[’'])$", "", last)
        modifier = possessive or before in NOT_BEFORE_SPEAKERS
        title, name = _split_title(words)
        if not name:
            return None
        if len(name) == 1 and (_norm(name[0]) in NOT_NAME_WORDS or len(name[0]) < 2):
            return None
        if len(name[-1]) > 2 and not _initials(name[-1]):
            name[-1] = name[-1].rstrip(".")
        return _Mention(start, e, " ".join(name), " ".join(title).lower(), modifier, after_the)

    def _evidence(self) -> None:
        """Person, organisation and place evidence per name, gender where given, full names."""
        self.place: set[str] = set()
        self.org: set[str] = set()
        self.person: set[str] = set()
        self.gender: dict[str, str] = {}
        narr = self.narr
        for m in self.mentions:
            key = m.name
            words = key.split()
            if _word_before(narr, m.start) in PLACE_PREPOSITIONS and not m.title:
                self.place.add(key)
            if (
                m.after_the
                or any(_norm(w) in ORG_WORDS for w in words)
                or (len(words) == 1 and (words[0].isupper() or words[0][0] == "#"))
            ):
                self.org.add(key)
            if m.title:
                for t in m.title.split():
                    t = t.rstrip(".")
                    if t in TITLE_ABBREVIATIONS or t in TITLE_WORDS:
                        self.person.add(key)
                    g = GENDER_WORDS.get(t)
                    if g:
                        self.gender.setdefault(key, g)
            if key not in self.gender:
                # "spokeswoman Liz Einbinder", "her ex-boyfriend Jimmy Kimmel"; "Kris Hoce, the
                # chairman of …"
                before = _ROLE_SPLIT.split(narr[max(0, m.start - 30) : m.start].lower().rstrip())
                after = _APPOSITIVE.match(narr, m.end, m.end + 40)
                for w in before[-1:] + ([after.group(1).lower()] if after else []):
                    g = GENDER_WORDS.get(w)
                    if g and w not in _PRONOUN_WORDS:
                        self.gender[key] = g
                        break
            if re.match(r",\s+(?:\d{1,3},|an?\s|who\s)", narr[m.end : m.end + 8]):
                self.person.add(key)  # "Daphne Burandé, 15,"; "Jack Blum, an adviser"
        self.full_by_word: dict[str, list[tuple[int, str]]] = {}
        for m in self.mentions:
            words = m.name.split()
            if 2 <= len(words) <= 5 and self.is_person(m.name):
                for w in set(words):
                    if not _initials(w):
                        self.full_by_word.setdefault(w, []).append((m.start, m.name))

    def is_person(self, name: str) -> bool:
        """True unless the article writes ``name`` as a place or an organisation; a one-word
        name needs evidence (a title, a role, the surname of a full name)."""
        if name in self.person:
            return True
        if name in self.org or name in self.place:
            return False
        words = name.split()
        if len(words) == 1:
            return name in getattr(self, "full_by_word", {}) or name in self.gender
        if _norm(words[0]) in PLACE_NAME_WORDS or any(_norm(w) in STOPWORDS for w in words):
            return False
        return not all(_norm(w) in TITLE_WORDS or _norm(w) in ORG_WORDS for w in words)

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

    # --- speech events ----------------------------------------------------------------------

    def _event(self, m: re.Match) -> _Event | None:
        narr, verb = self.narr, m.group(1).lower()
        vs, ve = m.start(), m.end()
        if verb == "according":
            if not narr.startswith(" to ", ve):
                return None
            return _Event(vs, ve, verb, self._subject_after(ve + 3))
        us, _ue = self.unit_of(vs)
        clause = max(us, _clause_start(narr, us, vs))
        left = narr[clause:vs]
        if verb in SPEECH_PARTICIPLES or verb == "quoted as saying":
            quoted = re.search(r"\bquoted\s+(.+?)\s+as\s+$", left)
            if quoted:
                return _Event(vs, ve, verb, self._subject_in(clause + quoted.start(1), vs))
            for e in reversed(self.events):
                if e.start < us:
                    break
                if e.subject is not None:
                    return _Event(vs, ve, verb, e.subject)
            return _Event(vs, ve, verb, self._sentence_subject(us, vs))
        stripped = left.rstrip()
        words = stripped.split()
        if words and all(_norm(w) in NOT_NAME_WORDS or _is_time(w) for w in words):
            stripped = ""  # "“…,” then said X"
        last = stripped[-1:]
        if verb not in ADDRESSEE_VERBS and (not stripped or last in '”"»'):
            after = self._subject_after(ve)
            if after is not None:
                return _Event(vs, ve, verb, after)
        if verb not in ADDRESSEE_VERBS and last == ",":
            after = self._subject_after(ve)  # "…, said Mallam Garba Shehu"
            if after is not None:
                return _Event(vs, ve, verb, after)
        return _Event(vs, ve, verb, self._subject_before(clause, vs))

    def _subject_in(self, lo: int, hi: int) -> _Subject | None:
        for m in self._mentions_in(lo, hi):
            if not m.modifier:
                return _Subject("name", m.name, m.start)
        return None

    def _subject_after(self, pos: int) -> _Subject | None:
        """The speaker named after a verb: "said senior adviser X", "said SpaceX founder Elon
        Musk", "according to Y", "said a spokesman for the agency"."""
        narr = self.narr
        end = min(len(narr), pos + 80)
        for m in self._mentions_in(pos, end):
            gap = " ".join(w for w in narr[pos : m.start].split() if not _is_time(w))
            if not _DESCRIPTOR_GAP.fullmatch(gap):
                break
            if self.narr[m.end - 2 : m.end] in ("’s", "'s") or self.narr[m.end - 1] in "’'":
                pos = m.end  # "the Southwest Research Institute’s Alan Stern"
                continue
            head = self._head(m)
            return _Subject("name", head.name, head.start)
        noun = re.match(r"\s*(?:a|an|the)\s+((?:[\w’'-]+\s+){0,4}?)(\w+)\b", narr[pos:end])
        if noun and noun.group(2).lower() in SPOKESPERSON_NOUNS | ORG_NOUNS:
            return self._noun_subject(pos + noun.start(), pos + noun.end(), noun.group(2))
        return None

    def _head(self, m: _Mention) -> _Mention:
        """ "SpaceX founder Elon Musk": the name after a name and a role."""
        if len(m.name.split()) > 1 and self.is_person(m.name):
            return m  # "Chris Christie attacked Ted Cruz": a person, then a verb
        k = bisect.bisect_right(self.m_starts, m.start)
        if k < len(self.mentions):
            nxt = self.mentions[k]
            gap = _ROLE_GAP.fullmatch(self.narr, m.end, nxt.start)
            if (
                gap
                and not nxt.modifier
                and not any(w.endswith("ed") or w in SPEECH_VERBS for w in gap.group().split())
            ):
                return nxt
        return m

    def _subject_before(self, clause: int, vs: int) -> _Subject | None:
        narr = self.narr
        toks = [(t.group(), t.start()) for t in _TOKEN.finditer(narr, clause, vs)]
        j = len(toks) - 1
        while j >= 0 and (toks[j][0].lower() in _BETWEEN or _is_time(toks[j][0])):
            j -= 1  # "Musk has already announced", "the newspaper Friday said"
        if j < 0:
            return None
        word, at = toks[j]
        who = _WHO_BEFORE.search(narr, clause, vs)
        if who is not None:
            m = self._mention_ending(who.start())  # "Coleman, who in turn said"
            if m is not None and not m.modifier:
                return _Subject("name", m.name, m.start)
        if word.lower() in ("and", "but", "then", "also"):
            us, _ue = self.unit_of(vs)
            return self._sentence_subject(us, vs)  # "The campaign thanked … and added"
        if word.lower() in SPEAKER_PRONOUNS:
            return _Subject("pronoun", word.lower(), at)
        m = self._mention_ending(at + len(word))
        if m is not None and m.start >= clause:
            while m.modifier and not m.name.isupper():
                # "Rabbi Jacob Luski of Congregation B’nai Israel said": the name the
                # modifier belongs to; "a spokesman for the Foreign Ministry said"
                prep = _PREP_BEFORE.search(narr, max(clause, m.start - 12), m.start)
                if prep is None:
                    break
                owner = self._mention_ending(prep.start())
                if owner is not None and owner.start >= clause:
                    m = owner
                    continue
                k = bisect.bisect_right([t[1] for t in toks], prep.start()) - 1
                if k >= 0 and toks[k][0][:1].islower():
                    return self._noun_phrase(toks, k)
                break
            if not m.modifier or m.name.isupper():
                both = _AND_BEFORE.search(narr, max(clause, m.start - 30), m.start)
                if both is not None:
                    first = self._mention_ending(both.start())
                    if first is not None and not first.modifier and first.start >= clause:
                        m = first  # "Mr. Pavel and the co-author Robert A. Manning said"
                return _Subject("name", m.name, m.start)
        if word[:1].islower() and word.isalpha():
            np = self._noun_phrase(toks, j)
            if np is not None:
                return np
        if word == ",":
            # "Lawan Zanna, the father of …, said": the first name of the clause before ","
            for m in self._mentions_in(clause, vs):
                if not m.modifier and narr[m.end : m.end + 1] == ",":
                    return _Subject("name", m.name, m.start)
        if toks:
            first = self._mentions_in(toks[0][1], toks[0][1] + 1)
            if first and not first[0].modifier:
                return _Subject("name", first[0].name, first[0].start)
        return None

    def _noun_phrase(self, toks: list[tuple[str, int]], j: int) -> _Subject | None:
        """A noun phrase ending at token ``j``: "the company", "an Equifax spokesperson",
        "a spokesman for the Foreign Ministry"."""
        head, at = toks[j]
        start = None
        for i in range(j, max(-1, j - 7), -1):
            w = toks[i][0]
            if w.lower() in _DETERMINERS:
                start = toks[i][1]
                break
            if w in ",;:()—–" or w.lower() in SPEECH_VERBS:
                break
        if start is None:
            return None
        return self._noun_subject(start, at + len(head), head)

    def _noun_subject(self, start: int, end: int, head: str) -> _Subject | None:
        narr = self.narr
        head_low = head.lower()
        inside = self._mentions_in(start, end)
        org = None
        if inside:
            org = " ".join(m.name for m in inside)
            if head_low in ORG_NOUNS:
                org = f"{org} {head_low}"
        elif head_low in SPOKESPERSON_NOUNS:
            tail = re.match(r"\s+(?:for|of|at)\s+(?:the\s+)?", narr[end : end + 12])
            if tail:
                after = self._mentions_in(end + tail.end(), end + tail.end() + 1)
                if after:
                    org = after[0].name
        if (
            head_low in ORG_NOUNS
            or head_low in DOCUMENT_NOUNS
            or head_low in SPOKESPERSON_NOUNS
            or org
        ):
            return _Subject("noun", head_low, start, org)
        return None

    def _mention_ending(self, pos: int) -> _Mention | None:
        k = bisect.bisect_right(self.m_starts, pos) - 1
        if k >= 0:
            m = self.mentions[k]
            if m.end <= pos and not self.narr[m.end : pos].strip(" \t’'"):
                return m
        return None

    def _mentions_in(self, lo: int, hi: int) -> list[_Mention]:
        """The names that start in ``[lo, hi)``."""
        return self.mentions[
            bisect.bisect_left(self.m_starts, lo) : bisect.bisect_left(self.m_starts, hi)
        ]

    def _sentence_subject(self, lo: int, hi: int) -> _Subject | None:
        """The subject of the sentence ``narr[lo:hi]``: the name, pronoun or noun phrase that
        opens it, after any opening adverbial ("On Monday, the firm released a statement";
        "Speaking in South Sudan's capital, Juba, Mr. Kiir denounced …")."""
        narr = self.narr
        pos = lo
        while True:
            lead = _LEAD.match(narr, pos, hi)
            if (
                lead is None
                or not lead.group(1)
                or (_norm(lead.group(1)) not in LEAD_WORDS and not lead.group(1).endswith("ing"))
            ):
                break
            pos = lead.end()
        toks = [(t.group(), t.start()) for t in _TOKEN.finditer(narr, pos, min(hi, pos + 200))]
        if not toks:
            return None
        word, at = toks[0]
        if word.lower() in SPEAKER_PRONOUNS and word.lower() != "it":
            return _Subject("pronoun", word.lower(), at)
        names = [m for m in self._mentions_in(at, min(hi, at + 150)) if not m.modifier]
        if word.lower() in _POSSESSIVES:
            names = []  # "Her LinkedIn profile said": the profile, not LinkedIn
        if names and names[0].start <= at + 4 + len(word):
            for m in names:
                if _LOWER_NEXT.match(narr, m.end):
                    return _Subject("name", self._head(m).name, m.start)
            return _Subject("name", names[0].name, names[0].start)
        if word.lower() in _DETERMINERS:
            for i in range(1, min(6, len(toks))):
                w = toks[i][0]
                if not w.isalpha() or w.lower() in SPEECH_VERBS:
                    break
                if w[:1].islower():
                    sub = self._noun_subject(at, toks[i][1] + len(w), w)
                    if sub is not None:
                        return sub
        return None

    def _gender_from_events(self) -> None:
        """ "X said that she …": the first he/she/his/her after a named subject's verb."""
        for e in self.events:
            s = e.subject
            if s is None or s.kind != "name" or s.text in self.gender or not self.is_person(s.text):
                continue
            _us, ue = self.unit_of(e.start)
            m = _THAT_PRONOUN.match(self.narr, e.end, min(ue, e.end + 80))
            if m:
                self.gender[s.text] = GENDER_WORDS[m.group(1).lower()]

    def _subjects(self) -> None:
        """Named subjects in text order (speech-event subjects, sentence subjects), a
        sentence-opening "he"/"she" counted as the person it stands for."""
        found: dict[int, _Subject] = {}
        for e in self.events:
            if e.subject is not None and e.subject.kind in ("name", "pronoun"):
                found[e.subject.pos] = e.subject
        for us, ue in self.units:
            if (us, ue) in self.headings:
                continue
            sub = self._sentence_subject(us, ue)
            if sub is not None and sub.kind in ("name", "pronoun"):
                found.setdefault(sub.pos, sub)
        for pos in sorted(found):
            sub = found[pos]
            name = sub.text if sub.kind == "name" else self._antecedent(sub.text, pos)
            if name is not None:
                self.subjects.append((pos, name))
                self.sub_pos.append(pos)

    def _latest(self, pos: int):
        """The subjects and quotation speakers before ``pos``, latest first."""
        i = bisect.bisect_left(self.sub_pos, pos) - 1
        j = len(self.records) - 1
        while j >= 0 and self.records[j][0] >= pos:
            j -= 1
        while i >= 0 or j >= 0:
            if j < 0 or (i >= 0 and self.subjects[i][0] > self.records[j][0]):
                yield self.subjects[i]
                i -= 1
            else:
                yield self.records[j]
                j -= 1

    def _antecedent(self, pronoun: str, pos: int) -> str | None:
        """The person (he, she) or organisation (it, they) a pronoun at ``pos`` stands for:
        the last subject before it, of its gender where the text gives one."""
        gender = SPEAKER_PRONOUNS.get(pronoun)
        want_person = pronoun in ("he", "she")
        for at, name in self._latest(pos):
            if pos - at > PRONOUN_REACH:
                return None
            if want_person != self.is_person(name):
                continue
            g = self.gender.get(name) or self.gender.get(self.full(name, at))
            if gender and g and g != gender:
                continue
            if gender and not g:
                self.gender[name] = gender
            return name
        return None

    def _resolve(self, subj: _Subject, pos: int) -> str | None:
        """The speaker a subject names: a name as is, a pronoun's antecedent, an
        organisation for "the company" or "an Equifax spokesperson", the last speaker for
        "the statement"."""
        if subj.kind == "name":
            return subj.text
        if subj.kind == "pronoun":
            return self._antecedent(subj.text, pos)
        if subj.org:
            return subj.org
        if subj.text in DOCUMENT_NOUNS:
            for _at, name in self._latest(pos):
                return name
            return None
        if subj.text in ORG_NOUNS:
            for m in reversed(self._mentions_in(0, pos)):
                named = _word_before(self.narr, m.start) == subj.text  # "law firm Mossack Fonseca"
                if named or subj.text in m.name.lower().split():
                    return m.name
            for at, name in self._latest(pos):
                if pos - at > PRONOUN_REACH:
                    break
                if name in self.org:
                    return name
        return None

    # --- quotations -------------------------------------------------------------------------

    def near_after(self, k: int) -> _Event | None:
        """The speech event right after quotation ``k`` ("“…,” Maynard said"), if any."""
        _o, c = self.marks[k]
        nxt = self.marks[k + 1][0] if k + 1 < len(self.marks) else len(self.narr)
        _us, ue = self.unit_of(c)
        i = bisect.bisect_right(self.e_starts, c)
        if i < len(self.events):
            e = self.events[i]
            if e.start < min(ue, nxt, c + NEAR_AFTER) and not _SENTENCE_END.search(
                self.narr, c + 1, e.start
            ):
                return e
        return None

    def run(self, is_quote: Sequence[bool]) -> list[Attribution]:
        out: list[Attribution] = []
        last_quote: tuple[int, str | None, int] | None = None  # (k, speaker, attribution end)
        for k, (o, c) in enumerate(self.marks):
            subj, verb, how, used_end = self._find(k, last_quote)
            if how == "run" and last_quote is not None:
                speaker = last_quote[1]
            else:
                speaker = self._resolve(subj, o) if subj is not None else None
            if subj is not None and subj.kind == "pronoun":
                how = "pronoun"
            if speaker is None:
                how = "none"
            else:
                speaker = self.full(speaker, o)
                self.records.append((o, speaker))
            if verb is None and speaker is None:
                near = self.near_after(k)  # "“…,” the union warned": a verb, no speaker
                verb = near.verb if near is not None else None
            out.append(Attribution(speaker, verb, how))
            if is_quote[k]:
                # the rest of its sentence describes the speaker ("said Jeremy Chan, an analyst
                # at Eurasia Group"): a run continues after it
                end = max(c, used_end, self.unit_of(c)[1]) if how != "run" else max(c, used_end)
                last_quote = (k, speaker, end)
        return out

    def _find(self, k: int, last_quote) -> tuple[_Subject | None, str | None, How, int]:
        """The subject that attributes quotation ``k``, its verb, how it was found and where
        its attribution ends."""
        o, c = self.marks[k]
        narr = self.narr
        prev_close = self.marks[k - 1][1] if k else -1
        nxt = self.marks[k + 1][0] if k + 1 < len(self.marks) else len(narr)
        uo_s, _uo_e = self.unit_of(o)
        _uc_s, uc_e = self.unit_of(c)
        near = self.near_after(k)
        if near is not None and near.subject is not None:
            return near.subject, near.verb, "same sentence", near.end
        before = [e for e in self._events_in(max(uo_s, prev_close + 1), o) if e.subject]
        if not before and prev_close > uo_s:
            before = [e for e in self._events_in(uo_s, prev_close) if e.subject]
        if before:
            return before[-1].subject, before[-1].verb, "same sentence", before[-1].end
        after = [e for e in self._events_in(c, min(uc_e, nxt)) if e.subject]
        if after:
            return after[0].subject, after[0].verb, "same sentence", after[0].end
        if o - uo_s > 3:
            sub = self._sentence_subject(uo_s, o)
            if sub is not None and (sub.kind != "noun" or sub.org or sub.text in ORG_NOUNS):
                return sub, None, "same sentence", o
        p = self.para_of(o)
        if p > 0 and not narr[self.paras[p] : o].strip():
            # the paragraph before ends with ":" ("She writes:")
            prev = narr[self.paras[p - 1] : self.paras[p]].rstrip()
            if prev.endswith(":"):
                us, ue = self.unit_of(self.paras[p - 1] + len(prev) - 1)
                sub = self._unit_subject(us, ue)
                if sub is not None:
                    return sub[0], sub[1], "previous sentence", o
        prev_unit = self.unit_before(uo_s)
        same_para = prev_unit is not None and self.para_of(prev_unit[0]) == p
        run_ok = self._run_ok(last_quote, o)
        if run_ok and (not same_para or self.marks[last_quote[0]][1] >= prev_unit[0]):
            return None, None, "run", o
        if same_para:
            sub = self._unit_subject(*prev_unit)
            if sub is not None and (sub[0].kind != "name" or self.is_person(sub[0].text)):
                return sub[0], sub[1], "previous sentence", o
        if run_ok:
            return None, None, "run", o
        # a paragraph-final quotation, attributed at the start of the next paragraph
        q = self.para_of(c)
        if q + 1 < len(self.paras) and not narr[c + 1 : self.paras[q + 1]].strip(' \t\n\r.,”"'):
            start = self.paras[q + 1]
            i = bisect.bisect_left(self.e_starts, start)
            if i < len(self.events) and self.events[i].start < min(
                start + NEXT_PARAGRAPH_CHARS, nxt
            ):
                e = self.events[i]
                if e.subject is not None:
                    return e.subject, e.verb, "next paragraph", e.end
        return None, None, "none", o

    def _unit_subject(self, us: int, ue: int) -> tuple[_Subject, str | None] | None:
        """The last speech event's subject in a sentence, else the sentence's subject."""
        evs = [e for e in self._events_in(us, ue) if e.subject is not None]
        if evs:
            return evs[-1].subject, evs[-1].verb
        sub = self._sentence_subject(us, ue)
        return (sub, None) if sub is not None else None

    def _run_ok(self, last_quote, o: int) -> bool:
        """True when the quotation at ``o`` can continue the run of ``last_quote``: at most
        one paragraph apart, nothing between them names another subject."""
        if last_quote is None or last_quote[1] is None:
            return False
        k, _speaker, end = last_quote
        if self.para_of(o) - self.para_of(self.marks[k][1]) > 1:
            return False
        if len(self.narr[end:o].strip()) > 400:
            return False
        if any(e.subject is not None for e in self._events_in(end, o)):
            return False
        return not any(not m.modifier for m in self._mentions_in(end, o))

    def _events_in(self, lo: int, hi: int) -> list[_Event]:
        """The speech events that start in ``[lo, hi)``."""
        return self.events[
            bisect.bisect_left(self.e_starts, lo) : bisect.bisect_left(self.e_starts, hi)
        ]


# --- helpers ---------------------------------------------------------------------------------


def _narrative(raw: str, marks: Sequence[tuple[int, int]]) -> str:
    """``raw`` with the words of every quotation replaced by spaces (line breaks and the
    quotation's final ``.,!?;:`` kept), so offsets stay the same."""
    pieces, at = [], 0
    for o, c in marks:
        if o + 1 < at:
            continue
        last = c - 1
        while last > o and raw[last].isspace():
            last -= 1
        keep = raw[last] if last > o and raw[last] in ".,!?;:" else " "
        inner = _NOT_BREAK.sub(" ", raw[o + 1 : last]) + keep + " " * (c - last - 1)
        pieces += [raw[at : o + 1], inner if last > o else " " * (c - o - 1)]
        at = c
    pieces.append(raw[at:])
    return "".join(pieces)


def _units(article: Article, marks: Sequence[tuple[int, int]]) -> list[tuple[int, int]]:
    """The article's sentences, joined where a quotation spans a sentence end (within one
    paragraph)."""
    out: list[list[int]] = []
    k = 0
    for sent in sentence_spans(article):
        s, e = sent.start, sent.end
        while k < len(marks) and marks[k][1] < s:
            k += 1  # marks[k] is the first quotation that closes at or after s
        joined = out and k < len(marks) and marks[k][0] < out[-1][1]
        if joined and "\n" not in article.raw[out[-1][1] : s]:
            out[-1][1] = e
            continue
        out.append([s, e])
    return [(s, e) for s, e in out]


def _paragraph_starts(raw: str) -> list[int]:
    starts = [0]
    for m in re.finditer(r"\n\s*", raw):
        starts.append(m.end())
    return starts


def _starts_clause(narr: str, s: int) -> bool:
    """True when ``s`` opens a paragraph or a sentence, or follows an opening mark, a dash or a
    colon: where any word is capitalised."""
    i = s
    while i > 0 and narr[i - 1] in " \t":
        i -= 1
    if i == 0 or narr[i - 1] in '\n\r“"‘(«—–:':
        return True
    while i > 0 and narr[i - 1] in '”’")»':
        i -= 1
    return i > 0 and narr[i - 1] in ".!?"


def _verb_next(narr: str, e: int) -> bool:
    nxt = re.match(r"\s+([a-z]+)", narr[e : e + 30])
    return bool(nxt and nxt.group(1) in SPEECH_VERBS)


def _dateline(narr: str, s: int, e: int) -> bool:
    """True for a dateline ("PARIS —", "TEMPE, Ariz. —") opening a paragraph."""
    return (s == 0 or narr[s - 1] == "\n") and bool(
        re.match(r"[\s,A-Za-z.]*\s*[—–(-]", narr[e : e + 12])
    )


def _word_before(narr: str, s: int) -> str:
    """The lower-case word right before ``s`` (spaces skipped), or ``""``."""
    i = s
    while i > 0 and narr[i - 1] in " \t":
        i -= 1
    j = i
    while j > 0 and (narr[j - 1].isalnum() or narr[j - 1] in "’'"):
        j -= 1
    return narr[j:i].lower()


def _clause_start(narr: str, lo: int, vs: int) -> int:
    """Where the clause holding a verb at ``vs`` starts: after a closing quotation mark, a
    ``;`` or a ``:`` before it (or ``lo``)."""
    best = lo
    for ch in "”;:»":
        i = narr.rfind(ch, lo, vs)
        if i + 1 > best:
            best = i + 1
    for m in re.finditer(r"\"", narr[lo:vs]):
        # a straight mark followed by a space or comma closes a quotation
        i = lo + m.start()
        if i + 1 < len(narr) and (narr[i + 1] in " ,") and i + 1 > best:
            best = i + 1
    return best


def _is_time(word: str) -> bool:
    w = word.rstrip(".").removesuffix("’s").removesuffix("'s")
    if w in TIME_NAMES or (w[:1].isupper() and w.capitalize() in TIME_NAMES):
        return True
    # a weekday misspelt by a letter or two ("Wedensday")
    return (
        6 <= len(w) <= 11
        and w.endswith("day")
        and w[:1].isupper()
        and any(fuzz.ratio(w, t) >= 80 for t in _WEEKDAYS)
    )


def _norm(word: str) -> str:
    """A word in lower case without a final period or "'s" and with plain apostrophes."""
    return word.lower().rstrip(".").replace("’", "'").removesuffix("'s")


def _initials(word: str) -> bool:
    return bool(re.fullmatch(r"(?:[A-Z]\.)+", word))


def _split_title(words: list[str]) -> tuple[list[str], list[str]]:
    """``(title words, name words)``: "Japanese Prime Minister Shinzo Abe" → title
    "Japanese Prime Minister", name "Shinzo Abe"; an organisation keeps its words ("Foreign
    Ministry"); a title alone is the name ("Prince")."""
    last = -1
    for i, w in enumerate(words):
        low = w.lower().rstrip(".")
        if low in TITLE_WORDS or low in TITLE_ABBREVIATIONS:
            last = i
    if last < 0 or last == len(words) - 1:
        return [], words
    rest = words[last + 1 :]
    if rest[0].lower() in ("of", "for") or any(w.lower().rstrip(".") in ORG_WORDS for w in rest):
        return [], words
    return words[: last + 1], rest


def _contains(full: list[str], part: list[str]) -> bool:
    n = len(part)
    return any(full[i : i + n] == part for i in range(len(full) - n + 1))
