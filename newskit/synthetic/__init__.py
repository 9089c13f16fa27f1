"""Generated multi-story corpora with known story labels: test and benchmark equipment.

Not part of the load → clean → segment path: nothing in ``newskit.corpus`` or the analyses
imports it. ``make_corpus(n_stories, n_outlets, seed=...)`` returns a DataFrame that
``newskit.load_corpus`` reads, with the true story in ``story`` (module ``generate``).
"""

from newskit.synthetic.generate import SYNTHETIC_COLUMNS, make_corpus

__all__ = ["SYNTHETIC_COLUMNS", "make_corpus"]
