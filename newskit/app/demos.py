"""Demonstrations for the notebooks, on the bundled seeds only: never on a user's corpus.

``numbers_demo()`` is what a disagreement looks like: the five seeds plus one **made-up**
article (an invented outlet, "Made-up Daily (demo)", that states two numbers differently from
the seeds), all in one story, through ``numeric_claims``, ``compare_claims`` and
``disagreements``. The numbers notebook shows it in its own section, only when it runs on the
seeds, so no table, CSV or panel of a user's corpus ever holds the made-up article.
"""

from __future__ import annotations

import pandas as pd

from newskit.claims.compare import compare_claims
from newskit.claims.disagreements import disagreements
from newskit.claims.extract import numeric_claims
from newskit.corpus.corpus import load_corpus

MADE_UP_OUTLET = "Made-up Daily (demo)"
MADE_UP_TEXT = (
    "Trump has extended the TikTok sale deadline four times during his second term. "
    "A new poll found that 40% of Americans support a TikTok ban."
)
DEMO_COLUMNS = ["kind", "value", "outlet", "sentence", "dissent_value", "dissent_outlet",
                "dissent_sentence"]  # fmt: skip


def numbers_demo() -> pd.DataFrame:
    """The disagreements between the seeds and the made-up article, as ``disagreements``
    reports them (columns ``DEMO_COLUMNS``: what is disputed, the seed outlet and its sentence,
    the made-up value, outlet and sentence)."""
    made_up = load_corpus(
        pd.DataFrame(
            {
                "id": ["made_up"],
                "outlet": [MADE_UP_OUTLET],
                "date": ["2025-09-13"],
                "text": [MADE_UP_TEXT],
            }
        )
    )
    articles = [*load_corpus(None), *made_up]
    # The made-up article is about the seeds' story: say so (two sentences are too few for
    # newskit.stories to tell by its words).
    claims = numeric_claims(articles, stories={a.id: "madrid" for a in articles}, progress=False)
    table = disagreements(compare_claims(claims), claims)
    return table[table["dissent_outlet"] == MADE_UP_OUTLET][DEMO_COLUMNS].reset_index(drop=True)
