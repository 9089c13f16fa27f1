"""Question 3, whether the numbers agree: numeric claims, their dates, and cross-outlet comparison.

``extract`` scans sentences with the number grammar (``numbers`` reads numerals and number words,
``grammar`` holds the patterns, ``builders``/``date_builders`` turn matches into claims,
``context`` finds hedges and what a number is about; tables in ``newskit.resources.numbers``),
``dates`` resolves what a date says against the article's date, ``compare`` groups the claims
that state the same fact across outlets (``facts`` reads each claim once, ``evidence`` weighs
two claims, ``values`` says when two values agree), ``disagreements`` lists each disagreement
with both sentences.
"""

from newskit.claims.compare import compare_claims
from newskit.claims.disagreements import disagreements
from newskit.claims.extract import numeric_claims

__all__ = ["compare_claims", "disagreements", "numeric_claims"]
