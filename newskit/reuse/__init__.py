"""Question 2, who reused whose text: overlap, candidate pairs, alignment, quotes, reuse graph.

``overlap`` (n-gram containment) → ``candidates`` (article pairs worth aligning) →
``similarity`` (sentence scorer) → ``align`` (passages with offsets) → ``quotes``, ``graph``
(who rewrote whom), ``coverage`` (facts × outlets) and ``outlets`` (who copies whom across
the corpus, ``outlet_reuse``), each built on ``align``'s output.
"""

from newskit.reuse.align import align
from newskit.reuse.candidates import candidate_pairs
from newskit.reuse.coverage import coverage
from newskit.reuse.graph import reuse_graph
from newskit.reuse.outlets import outlet_reuse
from newskit.reuse.overlap import overlap_matrix
from newskit.reuse.quotes import shared_quotes
from newskit.reuse.similarity import similarity

__all__ = [
    "align",
    "candidate_pairs",
    "coverage",
    "outlet_reuse",
    "overlap_matrix",
    "reuse_graph",
    "shared_quotes",
    "similarity",
]
