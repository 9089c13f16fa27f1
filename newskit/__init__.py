"""newskit: compare how several news outlets covered the same story.

load → clean → segment → analyses (keywords, overlap, claims) → figures → views.
"""

from newskit.claims import numeric_claims
from newskit.clean import boilerplate_rules
from newskit.compare import compare_claims
from newskit.corpus import Corpus, load_corpus, seeds_path
from newskit.distinctive import distinctive_terms
from newskit.errors import ArticleError, CorpusError, CorpusSourceError
from newskit.keywords import concordance, keyword_spans, keyword_table, keywords
from newskit.records import Article, Removal, Rule
from newskit.segment import sentences, tokens

__version__ = "0.1.0"

__all__ = [
    "Article",
    "ArticleError",
    "Corpus",
    "CorpusError",
    "CorpusSourceError",
    "Removal",
    "Rule",
    "boilerplate_rules",
    "compare_claims",
    "concordance",
    "distinctive_terms",
    "keyword_spans",
    "keyword_table",
    "keywords",
    "load_corpus",
    "numeric_claims",
    "seeds_path",
    "sentences",
    "tokens",
]
