"""Who a pronoun or a noun phrase stands for: the last person (or organisation) who was a subject.

``timeline(cast, events)`` lists the named subjects of the article in text order (speech-event
subjects and sentence subjects, a sentence-opening "he"/"she" counted as the person it stands
for); the speakers of the quotations read so far are added to it as the article is read
(``Timeline.records``). ``antecedent`` resolves "he"/"she" to the last person who was a subject,
of the pronoun's gender where the text gives one ("it"/"they" to an organisation);
``resolve`` turns any subject into a speaker: a name as is, a pronoun's antecedent, "the
company" → the last organisation named with that noun ("the zoo" → "Cincinnati Zoo"), "the
statement" → the last speaker, "an Equifax spokesperson" → "Equifax".
"""

from __future__ import annotations

import bisect
from collections.abc import Iterator
from dataclasses import dataclass, field

from newskit.resources.quotes import DOCUMENT_NOUNS, ORG_NOUNS, SPEAKER_PRONOUNS
from newskit.reuse.speakers.cast import Cast
from newskit.reuse.speakers.events import Event, Subject, sentence_subject
from newskit.reuse.speakers.narrative import word_before

# How far back a pronoun looks for the person it stands for (characters).
PRONOUN_REACH = 2500


@dataclass
class Timeline:
    """The subjects of one article in text order, and the quotation speakers found so far."""

    cast: Cast
    subjects: list[tuple[int, str]] = field(default_factory=list)  # (position, name)
    sub_pos: list[int] = field(default_factory=list)
    records: list[tuple[int, str]] = field(default_factory=list)  # (position, speaker)

    def latest(self, pos: int) -> Iterator[tuple[int, str]]:
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


def timeline(c: Cast, events: list[Event]) -> Timeline:
    """The named subjects of the article (speech-event subjects, sentence subjects), each
    pronoun resolved to the subject before it."""
    found: dict[int, Subject] = {}
    for e in events:
        if e.subject is not None and e.subject.kind in ("name", "pronoun"):
            found[e.subject.pos] = e.subject
    nar = c.nar
    for us, ue in nar.units:
        if (us, ue) in nar.headings:
            continue
        sub = sentence_subject(c, us, ue)
        if sub is not None and sub.kind in ("name", "pronoun"):
            found.setdefault(sub.pos, sub)
    t = Timeline(c)
    for pos in sorted(found):
        sub = found[pos]
        name = sub.text if sub.kind == "name" else antecedent(t, sub.text, pos)
        if name is not None:
            t.subjects.append((pos, name))
            t.sub_pos.append(pos)
    return t


def antecedent(t: Timeline, pronoun: str, pos: int) -> str | None:
    """The person (he, she) or organisation (it, they) a pronoun at ``pos`` stands for: the
    last subject before it, of its gender where the text gives one (and then its gender is
    known)."""
    c = t.cast
    gender = SPEAKER_PRONOUNS.get(pronoun)
    want_person = pronoun in ("he", "she")
    for at, name in t.latest(pos):
        if pos - at > PRONOUN_REACH:
            return None
        if want_person != c.is_person(name):
            continue
        g = c.gender.get(name) or c.gender.get(c.full(name, at))
        if gender and g and g != gender:
            continue
        if gender and not g:
            c.gender[name] = gender
        return name
    return None


def resolve(t: Timeline, subj: Subject, pos: int) -> str | None:
    """The speaker a subject names: a name as is, a pronoun's antecedent, an organisation for
    "the company" or "an Equifax spokesperson", the last speaker for "the statement"."""
    if subj.kind == "name":
        return subj.text
    if subj.kind == "pronoun":
        return antecedent(t, subj.text, pos)
    if subj.org:
        return subj.org
    if subj.text in DOCUMENT_NOUNS:
        for _at, name in t.latest(pos):
            return name
        return None
    if subj.text in ORG_NOUNS:
        c = t.cast
        for m in reversed(c.mentions_in(0, pos)):
            named = word_before(c.nar.text, m.start) == subj.text  # "law firm Mossack Fonseca"
            if named or subj.text in m.name.lower().split():
                return m.name
        for at, name in t.latest(pos):
            if pos - at > PRONOUN_REACH:
                break
            if name in c.org:
                return name
    return None
