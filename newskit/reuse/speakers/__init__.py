"""Who said each quotation of an article: its speaker, the speech verb, how it was found.

``attribute(article, marks)`` takes the article's quotations as ``(open mark, close mark)``
offsets and returns one ``Attribution(speaker, speech_verb, how)`` per quotation. It reads the
article once, one module per step:

1. ``narrative``: ``raw`` with the words inside every quotation blanked, so a name or a verb
   inside a quotation is never read as an attribution; its sentences and paragraphs.
2. ``names``: the names outside the quotations, titles left out.
3. ``cast``: what the article says each name is (a person, an organisation, a place), a
   person's gender and fullest form.
4. ``events``: each speech verb with its subject, before or after it.
5. ``pronouns``: the named subjects in text order; who "he", "she", "the company", "the
   statement" stand for.
6. ``attribution``: the walk over the quotations, each speaker with ``how`` it was found
   (``"same sentence"``, ``"pronoun"``, ``"run"``, ``"previous sentence"``, ``"next
   paragraph"``, ``"none"``).

Everything here is a handful of regex passes and one walk over the quotations: linear in the
article's length. The word lists it reads are in ``newskit.resources.quotes``.
"""

from newskit.reuse.speakers.attribution import Attribution, How, attribute

__all__ = ["Attribution", "How", "attribute"]
