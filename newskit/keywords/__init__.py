"""Question 1, what each outlet emphasises: keyphrases, keyword tables, distinctive terms.

``keyphrases`` runs YAKE (through ``yake_adapter``, the one place that calls it) and merges its
output into whole names and noun phrases; ``distinctive`` ranks the terms that set a group of
articles apart (weighted log-odds).
"""

from newskit.keywords.distinctive import distinctive_terms
from newskit.keywords.keyphrases import concordance, keyword_spans, keyword_table, keywords

__all__ = ["concordance", "distinctive_terms", "keyword_spans", "keyword_table", "keywords"]
