"""newskit: compare how several news outlets covered the same story.

Data flows one way, and the folders follow it:

- ``corpus/``: load → clean → segment (``Corpus``, ``Article``, sentences, tokens);
- ``stories/``: which articles tell the same story (read by every cross-article analysis);
- ``keywords/``, ``reuse/``, ``claims/``: the three questions, pure functions over the corpus
  returning DataFrames;
- ``figures/`` (plotly) and ``views/`` (ipywidgets panels), built from those frames;
- ``app/``: the report, the dashboard and the command line;
- ``resources/``: the rules kept as data (boilerplate, abbreviations, stopwords, number words);
- ``synthetic/``: generated corpora with known stories, for tests and benchmarks only.

``newskit.keywords`` is the keyphrase function; its module is ``newskit.keywords.keyphrases``.
Likewise ``newskit.stories`` is the grouping function (module ``newskit.stories.group``).
"""

from newskit.app import report
from newskit.claims import compare_claims, disagreements, numeric_claims
from newskit.corpus import (
    Article,
    Corpus,
    LoadWarning,
    Removal,
    Rule,
    WireRule,
    boilerplate_rules,
    load_corpus,
    seeds_path,
    sentences,
    tokens,
)
from newskit.errors import ArticleError, CorpusError, CorpusSourceError
from newskit.keywords import (
    concordance,
    distinctive_terms,
    keyword_spans,
    keyword_table,
    keywords,
)
from newskit.reuse import (
    align,
    candidate_pairs,
    coverage,
    outlet_reuse,
    overlap_matrix,
    reuse_graph,
    shared_quotes,
    similarity,
)
from newskit.stories import outlet_story_coverage, stories, story_diagnostics, story_table

__version__ = "0.1.0"

__all__ = [
    "Article",
    "ArticleError",
    "Corpus",
    "CorpusError",
    "CorpusSourceError",
    "LoadWarning",
    "Removal",
    "Rule",
    "WireRule",
    "align",
    "boilerplate_rules",
    "candidate_pairs",
    "compare_claims",
    "concordance",
    "coverage",
    "disagreements",
    "distinctive_terms",
    "keyword_spans",
    "keyword_table",
    "keywords",
    "load_corpus",
    "numeric_claims",
    "outlet_reuse",
    "outlet_story_coverage",
    "overlap_matrix",
    "report",
    "reuse_graph",
    "seeds_path",
    "sentences",
    "shared_quotes",
    "similarity",
    "stories",
    "story_diagnostics",
    "story_table",
    "tokens",
]
