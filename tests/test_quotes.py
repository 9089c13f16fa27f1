"""shared_quotes: quotations found in two or more articles, trimmed or re-punctuated."""

from __future__ import annotations

import pytest

from newskit import shared_quotes
from newskit.reuse.quotes import QUOTE_COLUMNS, quotations, quotes_match

LONG = (
    "“We will rebuild every bridge and every road, and we will not leave anyone behind,” "
    "Governor Ana Ruiz said on Tuesday."
)
TRIMMED = "Officials promised to help. “We will not leave anyone behind,” said Ana Ruiz."
REPUNCT = (
    'Ruiz added: "we will rebuild every bridge, and every road; and we will not leave anyone '
    'behind"'
)
OTHER = "“Markets will decide,” the banker said. Rates stayed where they were."


def check_offsets(corpus, df) -> None:
    for r in df.itertuples(index=False):
        assert corpus[r.article_id].raw[r.start : r.end] == r.text


def test_trimmed_and_repunctuated_quotes_match(make_corpus) -> None:
    c = make_corpus({"a": LONG, "b": TRIMMED, "c": REPUNCT, "d": OTHER})
    df = shared_quotes(c)
    assert list(df.columns) == QUOTE_COLUMNS
    check_offsets(c, df)
    assert list(df["article_id"]) == ["a", "b", "c"]
    assert set(df["quote_id"]) == {0} and set(df["n_articles"]) == {3}
    assert df.loc[df["article_id"] == "b", "text"].item() == "We will not leave anyone behind"
    # titles are left out; "Ruiz" is all article c gives
    assert list(df["speaker"]) == ["Ana Ruiz", "Ana Ruiz", "Ruiz"]


def test_quote_in_one_article_only_is_not_shared(make_corpus) -> None:
    assert shared_quotes(make_corpus({"a": LONG, "d": OTHER})).empty


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("“The river is rising fast,” Mayor Tom Hale said.", "Tom Hale"),
        ("“The river is rising fast,” said Tom Hale, the mayor.", "Tom Hale"),
        ("Hale described the river as “rising fast and wide.”", "Hale"),
        ("“The river is rising fast,” he said.", None),
        ("According to Tom Hale, the river was “rising fast and wide.”", "Tom Hale"),
    ],
)
def test_speaker(make_corpus, text: str, speaker: str | None) -> None:
    c = make_corpus({"a": text})
    (q,) = quotations(c["a"])
    assert q.speaker == speaker


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [
        (
            "we will not leave anyone behind",
            "we will rebuild and we will not leave anyone behind",
            True,
        ),
        ("very fulsome", "very fulsome", True),
        ("very fulsome", "very close", False),
        ("", "very close", False),
    ],
)
def test_quotes_match(a: str, b: str, same: bool) -> None:
    assert quotes_match(a, b) is same


def test_seed_quotes(seeds) -> None:
    df = shared_quotes(seeds)
    check_offsets(seeds, df)
    # AP's long Bessent quote is trimmed by Newslooks; "very fulsome" is in both
    assert set(df["article_id"]) == {"002_d09e47004eca7c4b", "003_9f741c860b40ed27"}
    assert df["text"].str.startswith("We talked about").any()
    assert df["text"].str.startswith("We just need to de-risk").any()
    # "Bessent" in the attribution, "Treasury Secretary Scott Bessent" earlier in each article
    assert (df["speaker"] == "Scott Bessent").all()
    assert set(df["attribution"]) <= {"same sentence", "pronoun", "run"}


# --- quotations on made-up articles: marks, paragraphs, fragments, speakers ----------------

MIXED = (
    "CEDAR FALLS — The county board voted on Monday to close the old bridge.\n\n"
    "“We will win this fight,” she said Wednesday. The chair, Maria Okafor, had spoken first.\n\n"
    'Sen. Carolyn B. Maloney said "the bridge has been unsafe for years" and left.\n\n'
    "“It was,” he said. The board then moved on to the budget, which took two hours.\n\n"
    'Residents packed the hall. “Nobody asked us about the detour," said Tom Reyes, a farmer.\n\n'
    "“We have waited a decade for a ‘real plan’ on this road,” Okafor told reporters.\n\n"
    "“The money is there. The will was not.\n\n"
    "“Now it is,” she added.\n\n"
    "An unclosed “mark runs on here\n\nand this paragraph has “a proper quote inside it” too."
)


def test_quote_spans_are_the_words_between_their_marks(make_corpus) -> None:
    c = make_corpus({"a": MIXED})
    a = c["a"]
    qs = quotations(a)
    texts = [a.raw[q.start : q.end] for q in qs]
    assert texts == [
        "We will win this fight",
        "the bridge has been unsafe for years",
        "Nobody asked us about the detour",
        "We have waited a decade for a ‘real plan’ on this road",
        "The money is there. The will was not.\n\n“Now it is",
        "a proper quote inside it",
    ]
    for q in qs:
        # the marks sit right outside the span (after a trailing comma is left out)
        assert a.raw[q.start - 1] in '“"'
        assert a.raw[q.end : q.end + 2].lstrip(",")[:1] in '”"'
        assert "\n\n" not in a.raw[q.start : q.end] or a.raw[q.start : q.end].count("“") == 1


def test_speakers_are_names_never_times(make_corpus) -> None:
    c = make_corpus({"a": MIXED})
    got = [(q.speaker, q.speech_verb, q.attribution) for q in quotations(c["a"])]
    assert got == [
        (None, "said", "none"),  # "she" with no person before it
        ("Carolyn B. Maloney", "said", "same sentence"),  # "Sen." left out
        ("Tom Reyes", "said", "same sentence"),
        ("Maria Okafor", "told", "same sentence"),  # "Okafor": the full name given earlier
        ("Maria Okafor", "added", "pronoun"),  # "she" → the previous speaker
        (None, None, "none"),
    ]


@pytest.mark.parametrize(
    ("text", "speaker", "verb"),
    [
        (
            "Mayor Ana Ruiz toured the site. “We will win this fight,” she said Wednesday.",
            "Ana Ruiz",
            "said",
        ),
        ("“The levee held through the night,” said Ruiz on Sept. 12.", "Ruiz", "said"),
        ("“The levee held through the night,” said Tuesday the mayor.", None, "said"),
        ("“The levee held,” Gov. Tim Walz said in March.", "Tim Walz", "said"),
        (
            "Beijing urged Washington to act “based on mutual respect and trust.”",
            "Beijing",
            "urged",
        ),
        ("“Prices keep climbing every week,” the union warned.", None, "warned"),
        ("“Nobody asked us about it,” said a local farmer, John Mills, 54.", "John Mills", "said"),
        (
            "The Transit Authority offered 7%. Mayor Brandon J. Keller urged talks. “This city "
            "runs on buses,” he said.",
            "Brandon J. Keller",
            "said",
        ),
        ("“Nobody asked us about it,” Reuters reported.", "Reuters", "reported"),
        ('The crew laid a 6" pipe. "We are done here," foreman Ed Ruiz said.', "Ed Ruiz", "said"),
        ("A report from New York landed. “Prices keep climbing,” she said.", None, "said"),
    ],
)
def test_speaker_and_verb(make_corpus, text: str, speaker: str | None, verb: str) -> None:
    (q,) = quotations(make_corpus({"a": text})["a"])
    assert (q.speaker, q.speech_verb) == (speaker, verb)
    assert q.attribution == (
        "none" if speaker is None else "pronoun" if "he said" in text else "same sentence"
    )


@pytest.mark.parametrize(
    "text",
    [
        "“It was,” he said. Then the meeting ended.",
        "The mayor said “he said.” Nobody laughed.",
        "“Yes,” she said.",
        "He called it “a ” in print.",
    ],
)
def test_fragments_are_not_quotes(make_corpus, text: str) -> None:
    assert quotations(make_corpus({"a": text})["a"]) == []


def test_no_quote_across_a_paragraph_without_a_mark(make_corpus) -> None:
    text = (
        "“The talks went well, officials said.\n\n"
        "Markets rose in the afternoon and the dollar gained against the yen.\n\n"
        "Later a spokesman said the next round is set.”"
    )
    assert quotations(make_corpus({"a": text})["a"]) == []


def test_straight_marks_pair_by_direction(make_corpus) -> None:
    text = (
        'The "final offer" came late. "We reject it," said union head Li Wei. '
        "The “strike fund” is full."
    )
    a = make_corpus({"a": text})["a"]
    assert [a.raw[q.start : q.end] for q in quotations(a)] == [
        "final offer",
        "We reject it",
        "strike fund",
    ]


def test_shared_quote_columns(make_corpus) -> None:
    c = make_corpus({"a": LONG, "b": TRIMMED})
    df = shared_quotes(c)
    assert list(df.columns) == QUOTE_COLUMNS
    assert list(df["speech_verb"]) == ["said", "said"]
    assert list(df["attribution"]) == ["same sentence", "same sentence"]


FIRST = ["Ana", "Tom", "Maria", "Li", "Sam", "Priya", "Jonas", "Carolyn"]
LAST = ["Ruiz", "Hale", "Okafor", "Wei", "Brandt", "Maloney", "Nair", "Keller"]
TITLES = ["Sen.", "Rep.", "Gov.", "Dr.", "Mayor", ""]
WORDS = "the plan will cut costs for farmers and open two new clinics before winter ends"
WHEN = ["Wednesday", "on Monday", "last week", "in March", "Sept. 3", ""]


def generated_article(rng) -> tuple[str, list[tuple[str, str | None]]]:
    """A made-up article and, per quotation, (its words, its speaker)."""
    paras, expected = [], []
    for _ in range(rng.randrange(3, 7)):
        title, person = rng.choice(TITLES), f"{rng.choice(FIRST)} {rng.choice(LAST)}"
        name = f"{title} {person}".strip()  # the speaker is the name without its title
        quote = " ".join(rng.sample(WORDS.split(), rng.randrange(3, 9))).capitalize()
        op, cl = rng.choice([("“", "”"), ('"', '"'), ("“", '"')])
        when = rng.choice(WHEN)
        form = rng.randrange(3)
        if form == 0:
            paras.append(f"{op}{quote},{cl} {name} said {when}.".replace(" .", "."))
            expected.append((quote, person))
        elif form == 1:
            paras.append(f"{op}{quote},{cl} said {name}.")
            expected.append((quote, person))
        else:
            paras.append(
                f"{name} spoke first. {op}{quote},{cl} she said {when}.".replace(" .", ".")
            )
            expected.append((quote, person))
        paras.append("The council will meet again after the holiday to vote on the budget.")
    return "\n\n".join(paras), expected


def test_generated_articles(make_corpus) -> None:
    import random

    rng = random.Random(7)
    texts, truth = {}, {}
    for k in range(40):
        texts[f"g{k:02d}"], truth[f"g{k:02d}"] = generated_article(rng)
    c = make_corpus(texts)
    for aid, expected in truth.items():
        a = c[aid]
        got = [(a.raw[q.start : q.end], q.speaker) for q in quotations(a)]
        assert got == expected, aid


def test_pronoun_skips_the_previous_speakers_description(make_corpus) -> None:
    text = (
        "“The summit is likely in late October,” said Jeremy Chan, an analyst on the China and "
        "Northeast Asia team at Eurasia Group.\n\n"
        "“The main task will be a deal on purchases,” he said."
    )
    qs = quotations(make_corpus({"a": text})["a"])
    assert [q.speaker for q in qs] == ["Jeremy Chan", "Jeremy Chan"]


def test_speakers_on_the_labelled_articles() -> None:
    from keyphrase_eval import eval_frame

    import newskit

    corpus = newskit.load_corpus(eval_frame())
    got = {a.id: [q.speaker for q in quotations(a)] for a in corpus}
    assert {k: v for k, v in got.items() if v} == {
        "bridge-funding": ["Carolyn B. Maloney"],  # "Maloney", in full as the article gives
        "memorial-anniversary": ["Angela Ruiz"],
        "transit-strike": ["Brandon J. Keller"],  # "he said", resolved
        "wildfire-evacuation": ["Lena Ortiz"],  # "Cal Fire Chief" left out
        "measles-outbreak": ["Philip K. Huang"],  # "he said", resolved
    }


def test_stray_marks_do_not_swallow_narrative(make_corpus) -> None:
    text = (
        "“We will rebuild the levee,” the mayor said.\n\n"
        'Crews laid a 6" pipe under Main Street and cleared the storm drains overnight.\n\n'
        "The council met at noon. Several members asked about the cost of the work.\n\n"
        '"The state will pay for most of it," said Ana Ruiz, the council chair.\n\n'
        "Work resumes Monday.”\n"
    )
    a = make_corpus({"a": text})["a"]
    got = [a.raw[q.start : q.end] for q in quotations(a)]
    assert got == ["We will rebuild the levee", "The state will pay for most of it"]
