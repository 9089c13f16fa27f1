"""Who said each quotation of an article: its speaker, the speech verb, how it was found.

``read(article, marks)`` reads an article whose quotations open and close at ``marks``;
``attribute(reading, people=…)`` returns one ``Attribution(speaker, speech_verb, how)`` per
quotation. Each article is read once, one module per step:

1. ``narrative``: ``raw`` with the words inside every quotation blanked, so a name or a verb
   inside a quotation is never read as an attribution; its sentences and paragraphs.
2. ``names``: the names outside the quotations, titles left out.
3. ``cast``: what the article says each name is (a person, an organisation, a place), a
   person's gender and fullest form.
4. ``events``: each speech verb with its subject, before or after it.
5. ``pronouns``: the named subjects in text order; who "he", "she", "the company", "the
   statement" stand for.
6. ``people``: what a whole corpus writes each name as (a person, a speaker, a place or an
   institution), added up once per corpus from each article's reading; it decides for the
   names an article leaves unclear.
7. ``attribution``: the walk over the quotations, each speaker with ``how`` it was found
   (``"same sentence"``, ``"pronoun"``, ``"run"``, ``"previous sentence"``, ``"next
   paragraph"``, ``"none"``).

Everything here is a handful of regex passes and one walk over the quotations: linear in the
article's length. The word lists it reads are in ``newskit.resources.quotes``.
"""

from newskit.reuse.speakers.attribution import Attribution, How, Reading, attribute, read
from newskit.reuse.speakers.people import (
    Evidence,
    People,
    merge_people,
    name_evidence,
    people_from,
)

__all__ = [
    "Attribution",
    "Evidence",
    "How",
    "People",
    "Reading",
    "attribute",
    "merge_people",
    "name_evidence",
    "people_from",
    "read",
]
