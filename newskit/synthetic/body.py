"""Body text of real weight for generated articles: how long real news is, and what fills it.

A generated article of ``length="real"`` keeps its story's lead, facts, quote and background
(``newskit.synthetic.generate``) and adds body sentences until it reaches a length drawn from
the distribution real articles have. What was measured (``benchmarks/measure_weight.py``
prints the same figures for real and generated text):

=========================  ==========  =====  ============  ==========  ============
                           Giveme5W1H  seeds  ECB+ (chosen  generated   generated
                           (213)       (5)    sentences)    ``"real"``  ``"short"``
=========================  ==========  =====  ============  ==========  ============
characters, median         3,076       2,947  1,441         2,933       681
characters, 90th pct       7,900       —      4,570         7,532       834
characters, 99th pct       19,648      —      7,873         17,899      928
paragraphs, median         17          14     12            15          5
characters per paragraph   159         170    110           183         139
words per sentence, mean   24          23     20            20          13
distinct words / words     0.51        0.57   0.61          0.50        0.76
distinct in 10,000 words   2,663       —      2,003         2,314       1,135
distinct in 100,000 words  10,669      —      8,742         10,754      —
capitalised words          19.6%       22.3%  17.5%         17.7%       18.9%
numbers                    2.6%        2.0%   3.3%          2.6%        3.4%
=========================  ==========  =====  ============  ==========  ============

Generated: ``make_corpus(100, 5, seed=1)``, 500 articles. ``LENGTH_MEDIAN`` and
``LENGTH_SIGMA`` give a log-normal with the Giveme5W1H median and 90th percentile (full web
articles, as the seeds are); its 99th percentile is then about 17,000 characters. Body
sentences are made of English function words and a made-up vocabulary (``lexicon``:
pronounceable words, used with Zipf's law): a word's frequency, not its meaning, is what
tokenising, YAKE and story grouping feel. Each story has its own topic words,
people and organisations, which its articles share, as real coverage does; the rest of each
sentence comes from the common vocabulary of all stories.
"""

from __future__ import annotations

import bisect
import itertools
import math
import random
from dataclasses import dataclass
from functools import lru_cache

LENGTH_MEDIAN = 3000  # characters (Giveme5W1H: 3,076; seeds: 2,947)
LENGTH_SIGMA = 0.76  # log-normal sigma: 90th percentile 7,900 characters (Giveme5W1H: 7,900)
LENGTH_MIN, LENGTH_MAX = 400, 40_000

_ONSETS = [
    "b",
    "bl",
    "br",
    "c",
    "ch",
    "cl",
    "cr",
    "d",
    "dr",
    "f",
    "fl",
    "fr",
    "g",
    "gl",
    "gr",
    "h",
    "j",
    "k",
    "l",
    "m",
    "n",
    "p",
    "pl",
    "pr",
    "qu",
    "r",
    "s",
    "sc",
    "sh",
    "sk",
    "sl",
    "sm",
    "sn",
    "sp",
    "st",
    "str",
    "t",
    "th",
    "tr",
    "v",
    "w",
    "wh",
    "z",
]
_VOWELS = [
    "a",
    "e",
    "i",
    "o",
    "u",
    "a",
    "e",
    "i",
    "o",
    "u",
    "a",
    "e",
    "o",
    "ai",
    "ea",
    "ee",
    "ou",
    "oa",
]
_CODAS = ["", "", "", "n", "r", "s", "l", "m", "t", "nd", "st", "rt", "nt", "ck", "ll", "x"]
_ADJ_ENDINGS = ("al", "ic", "ous", "ive", "ary", "ful", "ent", "ish", "able")
_DETERMINERS = ("the", "the", "the", "a", "its", "their", "this", "that", "some", "another")
_PREPOSITIONS = (
    "in", "in", "of", "on", "for", "with", "from", "after", "before", "over", "during",
    "about", "against", "between", "into", "through", "across", "under", "near", "since",
)  # fmt: skip
_AUXILIARIES = ("", "", "", "had ", "has ", "would have ", "could not be ", "was later ")
_SAYS = ("said", "said", "told reporters", "said in a statement", "wrote", "added")
_ROLES = (
    "a spokesperson for", "the director of", "an analyst at", "a lawyer for", "the head of",
    "a senior official at", "a researcher with", "a member of",
)  # fmt: skip
_ORG_KINDS = ("Council", "Institute", "Group", "Authority", "Foundation", "Agency", "Partners")
_LINKS = ("as", "while", "because", "after", "before", "although", "until")
_WHEN = (
    "last year", "this week", "in 2019", "in 2021", "in 2023", "on Monday", "on Friday",
    "in March", "in October", "last month", "since 2015", "by 2030",
)  # fmt: skip
_UNITS = ("percent", "people", "homes", "kilometres", "days", "tonnes", "jobs", "votes")


@lru_cache(maxsize=1)
def lexicon() -> dict[str, tuple[str, ...]]:
    """The made-up vocabulary, by kind (``noun``, ``adjective``, ``verb`` in the past tense,
    ``adverb``), most common first; the same in every process (seeded)."""
    rng = random.Random(20240524)
    seen: set[str] = set()

    def stem() -> str:
        while True:
            n = rng.choice((1, 1, 2, 2, 2, 3))
            word = "".join(rng.choice(_ONSETS) + rng.choice(_VOWELS) for _ in range(n))
            word += rng.choice(_CODAS)
            if 3 <= len(word) <= 10 and word not in seen:
                seen.add(word)
                return word

    def by_length(words: list[str]) -> tuple[str, ...]:  # the commonest words are short
        return tuple(sorted(words, key=len))

    nouns = by_length([stem() for _ in range(20_000)])
    adjectives = by_length(
        [stem().rstrip("aeiou") + rng.choice(_ADJ_ENDINGS) for _ in range(3_000)]
    )
    verbs = by_length([stem().rstrip("e") + "ed" for _ in range(3_000)])
    adverbs = tuple(a + "ly" for a in adjectives[:800])
    return {"noun": nouns, "adjective": adjectives, "verb": verbs, "adverb": adverbs}


@lru_cache(maxsize=8)
def _zipf(n: int) -> tuple[float, ...]:
    """Cumulative Zipf weights (exponent 1) over ranks 1..n."""
    return tuple(itertools.accumulate(1.0 / r for r in range(1, n + 1)))


@dataclass
class StoryWords:
    """What one story's articles share beyond its facts: topic words, people, organisations."""

    nouns: tuple[str, ...]
    adjectives: tuple[str, ...]
    verbs: tuple[str, ...]
    people: tuple[str, ...]
    orgs: tuple[str, ...]
    places: tuple[str, ...]


def story_words(
    rng: random.Random, first: tuple[str, ...], last: tuple[str, ...], places: tuple[str, ...]
) -> StoryWords:
    """Draw a story's own words: topic words from the rarer part of the vocabulary, people
    from the given first and last names, organisations named after its words."""
    lex = lexicon()
    nouns = tuple(rng.sample(lex["noun"][800:], 60))
    return StoryWords(
        nouns=nouns,
        adjectives=tuple(rng.sample(lex["adjective"][200:], 12)),
        verbs=tuple(rng.sample(lex["verb"][200:], 12)),
        people=tuple(f"{rng.choice(first)} {rng.choice(last)}" for _ in range(6)),
        orgs=tuple(f"the {nouns[i].capitalize()} {rng.choice(_ORG_KINDS)}" for i in range(3)),
        places=tuple(places),
    )


def target_length(rng: random.Random) -> int:
    """An article length in characters, drawn from the log-normal of real articles."""
    x = rng.lognormvariate(math.log(LENGTH_MEDIAN), LENGTH_SIGMA)
    return int(min(LENGTH_MAX, max(LENGTH_MIN, x)))


class _Writer:
    """Writes body sentences for one story (one instance per article: its own draws)."""

    def __init__(self, rng: random.Random, words: StoryWords, curly: bool) -> None:
        self.rng = rng
        self.words = words
        self.lex = lexicon()
        self.quotes = ("\u201c", "\u201d") if curly else ('"', '"')

    def pick(self, kind: str, own: tuple[str, ...], p_own: float = 0.45) -> str:
        rng = self.rng
        if own and rng.random() < p_own:
            return rng.choice(own)
        pool = self.lex[kind]
        cum = _zipf(len(pool))
        return pool[min(len(pool) - 1, bisect.bisect_left(cum, rng.random() * cum[-1]))]

    def noun(self) -> str:
        return self.pick("noun", self.words.nouns)

    def noun_phrase(self) -> str:
        rng, w = self.rng, self.words
        x = rng.random()
        if x < 0.06:
            return rng.choice(w.people)
        if x < 0.11:
            return rng.choice(w.orgs)
        if x < 0.16:
            return f"{rng.choice(w.places)} {self.noun()}"
        if x < 0.24:
            return f"{self.number()} of the {self.noun()}"
        out = rng.choice(_DETERMINERS)
        if rng.random() < 0.5:
            out += " " + self.pick("adjective", w.adjectives)
        out += " " + self.noun()
        if rng.random() < 0.35:
            out += " of the " + self.noun()
        return out

    def clause(self, depth: int = 0) -> str:
        rng = self.rng
        out = self.noun_phrase() + " " + rng.choice(_AUXILIARIES)
        if rng.random() < 0.2:
            out += self.pick("adverb", ()) + " "
        out += self.pick("verb", self.words.verbs) + " " + self.noun_phrase()
        for p in (0.7, 0.25):
            if rng.random() < p:
                out += " " + rng.choice(_PREPOSITIONS) + " " + self.noun_phrase()
        extra = rng.random()
        if depth == 0 and extra < 0.25:
            out += f", which {self.pick('verb', self.words.verbs)} {self.noun_phrase()}"
        elif depth == 0 and extra < 0.45:
            out += f" {rng.choice(_LINKS)} {self.clause(1)}"
        elif extra < 0.6:
            out += f" in {rng.choice(self.words.places)} {rng.choice(_WHEN)}"
        return out

    def number(self) -> str:
        rng = self.rng
        kind = rng.random()
        if kind < 0.3:
            return f"{rng.randint(2, 99)} {rng.choice(_UNITS)}"
        if kind < 0.55:
            return f"{rng.randint(1, 60)}.{rng.randint(1, 9)} percent"
        if kind < 0.8:
            return f"${rng.randint(1, 900)} million"
        return f"{rng.randint(1, 99)},{rng.randint(0, 999):03d} {rng.choice(_UNITS)}"

    def sentence(self) -> str:
        rng, w = self.rng, self.words
        kind = rng.random()
        person, org = rng.choice(w.people), rng.choice(w.orgs)
        if kind < 0.25:
            text = f"{self.clause()}, {person} {rng.choice(_SAYS)}"
        elif kind < 0.4:
            text = f"{person}, {rng.choice(_ROLES)} {org}, said {self.clause()}"
        elif kind < 0.5:
            open_q, close_q = self.quotes
            text = f"{open_q}{_cap(self.clause())},{close_q} {person} {rng.choice(_SAYS)}"
        elif kind < 0.62:
            place = rng.choice(w.places)
            text = f"{rng.choice(_PREPOSITIONS)} {place}, {self.clause()}"
        elif kind < 0.78:
            text = (
                f"{self.noun_phrase()} {self.pick('verb', w.verbs)} {self.number()} "
                f"{rng.choice(_PREPOSITIONS)} {self.noun_phrase()}, according to {org}"
            )
        else:
            text = f"{self.clause()} and {self.pick('verb', w.verbs)} {self.noun_phrase()}"
        return _cap(text) + "."


def body_sentences(
    rng: random.Random, words: StoryWords, n_chars: int, *, curly: bool
) -> list[str]:
    """Body sentences, about ``n_chars`` characters in all (at least one when positive)."""
    writer = _Writer(rng, words, curly)
    out: list[str] = []
    total = 0
    while total < n_chars:
        s = writer.sentence()
        out.append(s)
        total += len(s) + 1
    return out


def _cap(text: str) -> str:
    return text[:1].upper() + text[1:]
