"""newskit: compare how several news outlets covered the same story.

load → clean → segment → analyses (keywords, overlap, claims) → figures → views.
"""

from newskit.align import align
from newskit.candidates import candidate_pairs
from newskit.claims import numeric_claims
from newskit.clean import boilerplate_rules
from newskit.compare import compare_claims
from newskit.corpus import Corpus, load_corpus, seeds_path
from newskit.coverage import coverage
from newskit.distinctive import distinctive_terms
from newskit.errors import ArticleError, CorpusError, CorpusSourceError
from newskit.keywords import concordance, keyword_spans, keyword_table, keywords
from newskit.overlap import overlap_matrix
from newskit.quotes import shared_quotes
from newskit.records import Article, Removal, Rule
from newskit.reuse import reuse_graph
from newskit.segment import sentences, tokens
from newskit.similarity import similarity

__version__ = "0.1.0"

__all__ = [
    "Article",
    "ArticleError",
    "Corpus",
    "CorpusError",
    "CorpusSourceError",
    "Removal",
    "Rule",
    "align",
    "boilerplate_rules",
    "candidate_pairs",
    "compare_claims",
    "concordance",
    "coverage",
    "distinctive_terms",
    "keyword_spans",
    "keyword_table",
    "keywords",
    "load_corpus",
    "numeric_claims",
    "overlap_matrix",
    "reuse_graph",
    "seeds_path",
    "sentences",
    "shared_quotes",
    "similarity",
    "tokens",
]
