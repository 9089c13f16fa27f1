"""Question 3, whether the numbers agree: numeric claims, their dates, and cross-outlet comparison.

``extract`` scans sentences with the number grammar (``numbers`` reads numerals and number words,
``grammar`` holds the patterns, ``builders``/``date_builders`` turn matches into claims,
``context`` finds hedges and what a number is about; tables in ``newskit.resources.numbers``),
``dates`` resolves what a date says against the article's date, ``compare`` groups claims about
the same thing across outlets.
"""

from newskit.claims.compare import compare_claims
from newskit.claims.extract import numeric_claims

__all__ = ["compare_claims", "numeric_claims"]
