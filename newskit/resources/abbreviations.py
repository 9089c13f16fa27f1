"""Tables used by ``newskit.corpus.segment`` to find sentence boundaries.

``ABBREVIATIONS``: words written with a final period that usually do not end a sentence
(``Sept. 17``, ``Dr. Chan``). Lower-case keys; matched without the period, case-insensitively.
``TERMINAL_ABBREVIATIONS``: abbreviations that often do end a sentence (``… to the U.S.``):
after them a boundary is made only when the next word is a common sentence opener
(``SENTENCE_STARTERS``) or a quotation/heading starts.
"""

from __future__ import annotations


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# Titles, months, and other abbreviations that are followed by more of the same sentence.
ABBREVIATIONS: frozenset[str] = _words(
    """
    mr mrs ms dr prof sen rep gov gen lt col capt cmdr adm sgt maj st mt ft rev hon pres
    sec supt insp det amb messrs mmes jr sr
    jan feb mar apr jun jul aug sep sept oct nov dec
    mon tue tues wed thu thur thurs fri sat sun
    no nos vol vols fig figs ch chap pp p para approx est dept univ assn bros
    vs v etc al cf e.g i.e ca
    """
)

# Abbreviations (without their final period, lower-case, inner periods kept) that can end a
# sentence: we split after them only when a sentence opener follows.
TERMINAL_ABBREVIATIONS: frozenset[str] = _words(
    "u.s u.k u.n e.u u.s.a d.c a.m p.m inc corp co ltd llc plc jr sr etc"
)

# Words that commonly open a sentence; after a terminal abbreviation they signal a boundary.
SENTENCE_STARTERS: frozenset[str] = _words(
    """
    a an the this that these those there then thus it its he she they we i you his her their
    our my but and or so yet if when while after before since although though however
    meanwhile still also in on at for from with as by of to not no nor one some many most
    both each every all what who which where why how despite during under over among
    """
)

# Characters that open and close quotations and brackets.
OPENERS = "“‘\"'([{«"
CLOSERS = "”’\"')]}»"
# A line that starts with one of these (after spaces) is a bullet item.
BULLETS = ("- ", "• ", "* ", "– ", "— ", "· ", "▪ ", "► ")

# Abbreviated titles that stand before a name; a keyphrase keeps them inside the name ("Rep.
# Carolyn B. Maloney") and never ends with one ("Ohio Rep."). Lower case, without the period.
# Example: "sen" in "Sen. Joni K. Ernst".
TITLE_ABBREVIATIONS: frozenset[str] = _words(
    """
    sen rep reps gov gen lt col capt cmdr adm sgt maj cpl pvt st mt ft rev hon pres supt insp
    det amb atty mr mrs ms dr prof messrs mmes
    """
)

# Month abbreviations written with a period before a day ("Sept. 11"). Example: "sept".
MONTH_ABBREVIATIONS: frozenset[str] = _words("jan feb mar apr jun jul aug sep sept oct nov dec")
