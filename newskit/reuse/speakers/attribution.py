"""Each quotation's speaker, with how it was found.

``read(article, marks)`` reads the article once (``narrative``, ``cast``, ``speech_events``);
``attribute(reading, people=…)`` lists its subjects (``timeline``) and walks over its
quotations in text order; ``people`` (``newskit.reuse.speakers.people``) tells it what the
corpus writes names as, where the article itself does not. A quotation's speaker is found, in
this order:

- ``"same sentence"``: the attribution right after the quotation (“…,” X said), else the last
  speech event before it in its sentence (X said that “…”), else one after it, else the
  sentence's subject (Mr. Tillerson reaffirmed that “…”);
- ``"pronoun"``: the attribution is "he"/"she" (or "it"/"they" for an organisation): the last
  person who was a subject before it, of the pronoun's gender where the text gives one;
- ``"run"``: no attribution of its own, it continues the quotations of the previous speaker
  (the next sentence or paragraph, with no other subject in between);
- ``"previous sentence"``: the subject of the sentence before it in its paragraph, or of a
  paragraph that ends with ``:`` ("She writes:");
- ``"next paragraph"``: a paragraph-final quotation whose attribution opens the next
  paragraph;
- ``"none"``: no speaker.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from typing import Literal, NamedTuple

from newskit.corpus.records import Article
from newskit.resources.quotes import ORG_NOUNS
from newskit.reuse.speakers.cast import Cast, cast
from newskit.reuse.speakers.events import Event, Subject, sentence_subject, speech_events
from newskit.reuse.speakers.narrative import narrative
from newskit.reuse.speakers.people import People
from newskit.reuse.speakers.pronouns import Timeline, resolve, timeline

How = Literal["same sentence", "pronoun", "run", "previous sentence", "next paragraph", "none"]

# A speech event this close after a quotation's closing mark is its attribution (characters).
NEAR_AFTER = 40
# A paragraph's attribution that opens the next paragraph lies within this many characters.
NEXT_PARAGRAPH_CHARS = 60
# A run continues over at most this many characters of narrative between two quotations.
RUN_GAP_CHARS = 400

_SENTENCE_END = re.compile(r"[.!?;]\s")


class Attribution(NamedTuple):
    """A quotation's speaker (or None), the verb that attributed it, how it was found."""

    speaker: str | None
    speech_verb: str | None
    how: How


@dataclass(frozen=True)
class Reading:
    """One article read once: its narrative and names (``cast``) and its speech events."""

    cast: Cast
    events: tuple[Event, ...]
    e_starts: tuple[int, ...]

    def events_in(self, lo: int, hi: int) -> tuple[Event, ...]:
        """The speech events that start in ``[lo, hi)``."""
        return self.events[
            bisect.bisect_left(self.e_starts, lo) : bisect.bisect_left(self.e_starts, hi)
        ]


@dataclass(frozen=True)
class _Article(Reading):
    """A reading with its subjects in text order, for the walk over the quotations."""

    timeline: Timeline


def read(article: Article, marks: Sequence[tuple[int, int]]) -> Reading:
    """The ``Reading`` of ``article`` whose quotations open and close at ``marks`` (the open
    and close mark offsets, in text order)."""
    c = cast(narrative(article, marks))
    events = tuple(speech_events(c))
    return Reading(c, events, tuple(e.start for e in events))


def attribute(
    reading: Reading,
    is_quote: Callable[[int, bool], bool] = lambda k, attributed: True,
    *,
    people: People | None = None,
) -> list[Attribution]:
    """One ``Attribution`` per quotation of a ``read`` article. ``is_quote(k, attributed)``
    says whether quotation ``k`` is a quotation rather than a term (terms never continue a
    run); ``attributed`` tells it whether a speech verb follows the quotation in its sentence
    (“No fight,” she wrote). ``people``: what the corpus writes names as (``people_from``)."""
    marks = reading.cast.nar.marks
    if not marks:
        return []
    c = replace(reading.cast, gender=dict(reading.cast.gender))
    if people is not None:
        c = replace(c, corpus_person=people.person, corpus_not_person=people.not_person)
    a = _Article(c, reading.events, reading.e_starts, timeline(c, list(reading.events)))
    quote = [is_quote(k, _near_after(a, k) is not None) for k in range(len(marks))]
    return _walk(a, quote)


def _near_after(a: _Article, k: int) -> Event | None:
    """The speech event right after quotation ``k`` ("“…,” Maynard said"), if any."""
    nar = a.cast.nar
    _o, c = nar.marks[k]
    nxt = nar.marks[k + 1][0] if k + 1 < len(nar.marks) else len(nar.text)
    _us, ue = nar.unit_of(c)
    i = bisect.bisect_right(a.e_starts, c)
    if i < len(a.events):
        e = a.events[i]
        if e.start < min(ue, nxt, c + NEAR_AFTER) and not _SENTENCE_END.search(
            nar.text, c + 1, e.start
        ):
            return e
    return None


def _walk(a: _Article, is_quote: Sequence[bool]) -> list[Attribution]:
    """The attributions of the quotations, in text order."""
    nar, t = a.cast.nar, a.timeline
    out: list[Attribution] = []
    last_quote: tuple[int, str | None, int] | None = None  # (k, speaker, attribution end)
    for k, (o, c) in enumerate(nar.marks):
        subj, verb, how, used_end = _find(a, k, last_quote)
        if how == "run" and last_quote is not None:
            speaker = last_quote[1]
        else:
            speaker = resolve(t, subj, o) if subj is not None else None
        if subj is not None and subj.kind == "pronoun":
            how = "pronoun"
        if speaker is None:
            how = "none"
        else:
            speaker = a.cast.full(speaker, o)
            t.records.append((o, speaker))
        if verb is None and speaker is None:
            near = _near_after(a, k)  # "“…,” the union warned": a verb, no speaker
            verb = near.verb if near is not None else None
        out.append(Attribution(speaker, verb, how))
        if is_quote[k]:
            # the rest of its sentence describes the speaker ("said Jeremy Chan, an analyst
            # at Eurasia Group"): a run continues after it
            end = max(c, used_end, nar.unit_of(c)[1]) if how != "run" else max(c, used_end)
            last_quote = (k, speaker, end)
    return out


def _find(a: _Article, k: int, last_quote) -> tuple[Subject | None, str | None, How, int]:
    """The subject that attributes quotation ``k``, its verb, how it was found and where its
    attribution ends."""
    nar = a.cast.nar
    o, c = nar.marks[k]
    text = nar.text
    prev_close = nar.marks[k - 1][1] if k else -1
    nxt = nar.marks[k + 1][0] if k + 1 < len(nar.marks) else len(text)
    uo_s, _uo_e = nar.unit_of(o)
    _uc_s, uc_e = nar.unit_of(c)
    near = _near_after(a, k)
    if near is not None and near.subject is not None:
        return near.subject, near.verb, "same sentence", near.end
    before = [e for e in a.events_in(max(uo_s, prev_close + 1), o) if e.subject]
    if not before and prev_close > uo_s:
        before = [e for e in a.events_in(uo_s, prev_close) if e.subject]
    if before:
        return before[-1].subject, before[-1].verb, "same sentence", before[-1].end
    after = [e for e in a.events_in(c, min(uc_e, nxt)) if e.subject]
    if after:
        return after[0].subject, after[0].verb, "same sentence", after[0].end
    if o - uo_s > 3:
        sub = sentence_subject(a.cast, uo_s, o)
        if sub is not None and (sub.kind != "noun" or sub.org or sub.text in ORG_NOUNS):
            return sub, None, "same sentence", o
    p = nar.para_of(o)
    if p > 0 and not text[nar.paras[p] : o].strip():
        # the paragraph before ends with ":" ("She writes:")
        prev = text[nar.paras[p - 1] : nar.paras[p]].rstrip()
        if prev.endswith(":"):
            us, ue = nar.unit_of(nar.paras[p - 1] + len(prev) - 1)
            sub = _unit_subject(a, us, ue)
            if sub is not None:
                return sub[0], sub[1], "previous sentence", o
    prev_unit = nar.unit_before(uo_s)
    same_para = prev_unit is not None and nar.para_of(prev_unit[0]) == p
    run_ok = _run_ok(a, last_quote, o)
    if run_ok and (not same_para or nar.marks[last_quote[0]][1] >= prev_unit[0]):
        return None, None, "run", o
    if same_para:
        sub = _unit_subject(a, *prev_unit)
        if sub is not None and (sub[0].kind != "name" or a.cast.is_person(sub[0].text)):
            return sub[0], sub[1], "previous sentence", o
    if run_ok:
        return None, None, "run", o
    # a paragraph-final quotation, attributed at the start of the next paragraph
    q = nar.para_of(c)
    if q + 1 < len(nar.paras) and not text[c + 1 : nar.paras[q + 1]].strip(' \t\n\r.,”"'):
        start = nar.paras[q + 1]
        i = bisect.bisect_left(a.e_starts, start)
        if i < len(a.events) and a.events[i].start < min(start + NEXT_PARAGRAPH_CHARS, nxt):
            e = a.events[i]
            if e.subject is not None:
                return e.subject, e.verb, "next paragraph", e.end
    return None, None, "none", o


def _unit_subject(a: _Article, us: int, ue: int) -> tuple[Subject, str | None] | None:
    """The last speech event's subject in a sentence, else the sentence's subject."""
    evs = [e for e in a.events_in(us, ue) if e.subject is not None]
    if evs:
        return evs[-1].subject, evs[-1].verb
    sub = sentence_subject(a.cast, us, ue)
    return (sub, None) if sub is not None else None


def _run_ok(a: _Article, last_quote, o: int) -> bool:
    """True when the quotation at ``o`` can continue the run of ``last_quote``: at most one
    paragraph apart, nothing between them names another subject."""
    if last_quote is None or last_quote[1] is None:
        return False
    nar = a.cast.nar
    k, _speaker, end = last_quote
    if nar.para_of(o) - nar.para_of(nar.marks[k][1]) > 1:
        return False
    if len(nar.text[end:o].strip()) > RUN_GAP_CHARS:
        return False
    if any(e.subject is not None for e in a.events_in(end, o)):
        return False
    return not any(not m.modifier for m in a.cast.mentions_in(end, o))
