"""The corpus: load articles, clean boilerplate, cut sentences and tokens (read by every analysis).

``load`` reads sources into raw records, ``clean`` finds boilerplate spans, ``records`` holds the
immutable ``Article``, ``corpus`` builds the ``Corpus``, ``segment`` cuts sentences and tokens
with offsets into ``Article.raw``. Nothing here imports an analysis, a figure or a view.
"""

from newskit.corpus.clean import boilerplate_rules
from newskit.corpus.corpus import Corpus, LoadWarning, load_corpus, seeds_path
from newskit.corpus.records import Article, Removal
from newskit.corpus.segment import sentences, tokens
from newskit.resources.rule import Rule, WireRule

__all__ = [
    "Article",
    "Corpus",
    "LoadWarning",
    "Removal",
    "Rule",
    "WireRule",
    "boilerplate_rules",
    "load_corpus",
    "seeds_path",
    "sentences",
    "tokens",
]
