"""Made-up multi-story corpora for the figure, view, notebook and report tests.

A stand-in with the columns of the shared contract's ``newskit.corpus.synthetic.make_corpus``
(``id, outlet, date, title, url, text, story``), deterministic from ``seed``: each story has its
own vocabulary of names and topic words, so its articles share wording; an outlet's article may
copy sentences of an earlier one in its story; some articles lack outlet or date on request.
"""

from __future__ import annotations

import datetime as dt
import random

import pandas as pd

_SYLLABLES = ["ka", "lo", "mi", "ren", "sa", "tor", "vel", "du", "pha", "zen", "qui", "bro"]
_VERBS = ["said", "announced", "reported", "warned", "confirmed", "denied"]


def _word(rng: random.Random) -> str:
    return "".join(rng.choice(_SYLLABLES) for _ in range(rng.randint(2, 3)))


def frame(
    n_stories: int,
    n_outlets: int,
    *,
    per_story: int | None = None,
    seed: int = 1,
    undated: float = 0.0,
    no_outlet: float = 0.0,
) -> pd.DataFrame:
    """``n_stories`` stories; each covered by ``per_story`` outlets (default: all of them,
    at most 3), one article each, dates spread over several weeks."""
    rng = random.Random(seed)
    outlets = [f"Outlet {_word(rng).title()} {k}" for k in range(n_outlets)]
    per_story = per_story or min(3, n_outlets)
    start = dt.date(2025, 1, 1)
    rows = []
    for s in range(n_stories):
        names = [_word(rng).title() for _ in range(4)]
        topic = [_word(rng) for _ in range(12)]
        day = start + dt.timedelta(days=rng.randint(0, 60))
        sentences = [
            f"{rng.choice(names)} {rng.choice(_VERBS)} that {rng.randint(2, 99)} "
            f"{' '.join(rng.sample(topic, 5))} in {rng.choice(names)}."
            for _ in range(10)
        ]
        chosen = rng.sample(outlets, per_story) if per_story <= n_outlets else outlets
        for k, outlet in enumerate(chosen):
            own = sentences[: 6 + k] if k else sentences
            rng.shuffle(own := list(own))
            text = " ".join(own)
            rows.append(
                {
                    "id": f"s{s:03d}_{k}",
                    "outlet": None if rng.random() < no_outlet else outlet,
                    "date": None
                    if rng.random() < undated
                    else (day + dt.timedelta(days=k)).isoformat(),
                    "title": f"{names[0]} and {names[1]}: {topic[0]} {topic[1]}",
                    "url": f"https://example.org/{s}/{k}",
                    "text": text,
                    "story": f"story-{s}",
                }
            )
    return pd.DataFrame(rows)
