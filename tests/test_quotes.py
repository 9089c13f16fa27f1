"""shared_quotes: quotations found in two or more articles, trimmed or re-punctuated."""

from __future__ import annotations

import pandas as pd
import pytest

import newskit
from newskit import shared_quotes
from newskit.reuse.quotes import (
    QUOTATION_COLUMNS,
    QUOTE_COLUMNS,
    corpus_people,
    corpus_quotations,
    quotations,
    quote_spans,
    quotes_match,
)
from newskit.reuse.speakers.people import PEOPLE_COLUMNS, merge_people

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


# --- speakers from the sentence and its neighbours; terms kept apart -------------------------


def _speakers(make_corpus, text: str) -> list[tuple[str | None, str]]:
    a = make_corpus({"a": text})["a"]
    return [(q.speaker, q.attribution) for q in quotations(a) if q.kind == "quote"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (  # a run: the second quotation of one speaker has no attribution of its own
            "“The river is rising fast,” Mayor Tom Hale said. “We will open the shelters tonight.”",
            [("Tom Hale", "same sentence"), ("Tom Hale", "run")],
        ),
        (  # a run continued in the next paragraph
            "“The river is rising fast,” said Tom Hale.\n\n“We will open the shelters tonight.”",
            [("Tom Hale", "same sentence"), ("Tom Hale", "run")],
        ),
        (  # the speaker is the subject of the sentence before
            "Yoshihiro Naito, 77, opposed the plan. “The commitment has kept us safe.”",
            [("Yoshihiro Naito", "previous sentence")],
        ),
        (  # "X writes:" then the quotation in the next paragraph
            "At Time, Rana Foroohar writes:\n\n“Voters know this system is broken.”",
            [("Rana Foroohar", "previous sentence")],
        ),
        (  # "She writes:": the pronoun resolved
            "Rana Foroohar is an economist. She writes:\n\n“Voters know this system is broken.”",
            [("Rana Foroohar", "pronoun")],
        ),
        (  # a paragraph-final quotation attributed at the start of the next paragraph
            "The council met on Monday.\n\n“We cannot wait for another flood.”\n\n"
            "Mayor Ana Ruiz said the vote would come in May.",
            [("Ana Ruiz", "next paragraph")],
        ),
        (  # "said <title> <Name>" and "<Name>, <description>, said"
            "“We will not back down,” said senior adviser Kellyanne Conway. “The deal is "
            "dead,” Barry Pavel, director of the Scowcroft Center at the Atlantic Council, "
            "said.",
            [("Kellyanne Conway", "same sentence"), ("Barry Pavel", "same sentence")],
        ),
        (  # "he" is the last person who was a subject, not the last name written
            "Chris Christie attacked Sen. Ted Cruz on Tuesday. “Nobody will vote for that "
            "plan,” he said.",
            [("Chris Christie", "pronoun")],
        ),
        (  # gender from a title: "she" skips the man named since
            "Ms. Ana Lerner spoke first. Her husband, Mr. Tom Lerner, nodded. “We are proud "
            "of her work,” she said.",
            [("Ana Lerner", "pronoun")],
        ),
        (  # "told <Name>": the name after "told" is the listener
            "“We are ready,” Kim Jong-un told Reuters on Friday.",
            [("Kim Jong-un", "same sentence")],
        ),
        (  # a weekday (misspelt too) and a sentence-opening adverb are never speakers
            "Then Wedensday came. “We were not told anything,” Then said Maria Okafor.",
            [("Maria Okafor", "same sentence")],
        ),
        (  # "the zoo said": the organisation named earlier with that noun
            "The Cincinnati Zoo opened at noon. “The gorilla exhibit is closed,” the zoo said.",
            [("Cincinnati Zoo", "same sentence")],
        ),
        (  # "an Equifax spokesperson": the organisation
            "“The incident was reported to regulators,” an Equifax spokesperson told NPR.",
            [("Equifax", "same sentence")],
        ),
        (  # a place written as one is not the person "he" stands for
            "Governor Luis Fortuño visited Puerto Rico, and the storm hit Puerto Rico hard. "
            "“We will rebuild,” he said.",
            [("Luis Fortuño", "pronoun")],
        ),
    ],
)
def test_speakers_in_context(make_corpus, text: str, expected: list) -> None:
    assert _speakers(make_corpus, text) == expected


@pytest.mark.parametrize(
    ("text", "kinds"),
    [
        ("He called it a “tough choice” and left.", ["term"]),
        ("The gorilla exhibit would remain closed “until further notice,” the zoo said.", ["term"]),
        ('He released "Man of the Woods," his weakest album.', ["term"]),  # a title
        ("“I'm retiring,” Arians said.", ["quote"]),  # a clause
        ("He said talks would go on. “Negotiations will continue,” he said.", ["quote"]),
        ("“No fight,” Silverman wrote.", ["quote"]),  # a whole utterance, attributed
        ("The Kremlin dismissed the claims as “a series of fibs.”", ["quote"]),  # four words
        (  # a short phrase the article repeats is a slogan or nickname
            "Say goodbye to “No risk it, no biscuit.” His “no risk it, no biscuit” offense won.",
            ["term", "term"],
        ),
    ],
)
def test_terms_are_kept_apart(make_corpus, text: str, kinds: list[str]) -> None:
    assert [q.kind for q in quotations(make_corpus({"a": text})["a"])] == kinds


@pytest.mark.parametrize(
    ("text", "quoted"),
    [
        ("“No fight,” Silverman wrote.", ["No fight"]),  # its kind needs the reading
        ("They called it “No fight” in June.", []),  # a term: nobody said it
        (
            "He called it a “tough choice.” “We will fix the bridge now,” the mayor said.",
            ["We will fix the bridge now"],
        ),
        ("No quotation here.", []),
    ],
)
def test_quote_spans_are_the_quotes_of_quotations(make_corpus, text: str, quoted: list) -> None:
    article = make_corpus({"a": text})["a"]
    want = [(q.start, q.end, q.words) for q in quotations(article) if q.kind == "quote"]
    assert quote_spans(article) == want
    assert [article.raw[s:e] for s, e, _w in want] == quoted


def test_shared_quotes_never_offer_terms(make_corpus) -> None:
    a = "The mayor called the plan a “fiscal cliff” and said “We will fix the bridge now.”"
    b = "Critics say the “fiscal cliff” looms. “We will fix the bridge now,” the mayor said."
    c = make_corpus({"a": a, "b": b})
    assert {q.kind for q in quotations(c["a"])} == {"term", "quote"}
    df = shared_quotes(c, across_stories=True)
    assert list(df["text"].str.rstrip(".")) == ["We will fix the bridge now"] * 2
    aligned = newskit.align(c)
    assert "fiscal cliff" not in set(aligned.loc[aligned["kind"] == "quote", "a_text"])


def test_shared_quote_takes_the_speaker_another_article_names(make_corpus) -> None:
    a = "“We will fix the bridge before winter,” Mayor Ana Ruiz said on Monday."
    b = "Residents were told: “We will fix the bridge before winter.” Work starts soon."
    df = shared_quotes(make_corpus({"a": a, "b": b}), across_stories=True)
    assert list(df["speaker"]) == ["Ana Ruiz", "Ana Ruiz"]
    assert list(df["attribution"]) == ["same sentence", "other article"]


def test_corpus_people_tells_the_names_an_article_leaves_unclear(make_corpus) -> None:
    c = make_corpus(
        {
            "a": "Mayor Okafor opened the bridge on Monday.",
            "b": "Police chief Jan Berg spoke first. Later Okafor said the bridge was safe.\n"
            "“We checked every bolt on it twice this week,” she said.",
            "c": "Aid reached the town in Puerto Rico on Friday.",
            "d": "Schools in Puerto Rico stayed shut on Friday.",
        }
    )
    people = corpus_people(c)
    frame = people.frame().set_index("name")
    assert list(people.frame().columns) == PEOPLE_COLUMNS
    # a title in article a makes "Okafor" a person; article b alone does not tell
    assert frame.loc["Okafor", "kind"] == "person"
    assert frame.loc["Okafor", ["n_articles", "n_person", "n_speaker"]].tolist() == [2, 1, 1]
    assert frame.loc["Puerto Rico", "kind"] == "not person"
    assert frame.loc["Puerto Rico", ["n_other", "n_person"]].tolist() == [2, 0]
    assert [q.speaker for q in quotations(c["b"])] == [None]
    found = quotations(c["b"], people=people)
    assert [(q.speaker, q.attribution) for q in found] == [("Okafor", "pronoun")]


def test_people_of_parts_merged_equal_the_whole_corpus_and_reach_shared_quotes(
    make_corpus,
) -> None:
    texts = {
        "a": "Mayor Okafor opened the bridge on Monday.",
        "b": "Later Okafor said the bridge was safe.\n"
        "“We checked every bolt on it twice this week,” she said.",
        "c": "Residents heard it: “We checked every bolt on it twice this week.”",
        "d": "Aid reached the town in Puerto Rico on Friday.",
        "e": "Schools in Puerto Rico stayed shut on Friday.",
    }
    c = make_corpus(texts)
    whole = corpus_people(c)
    # a run in parts (newskit run on Dask) reads the names part by part and adds them up
    parts = merge_people(
        corpus_people(c.select(["a", "d"])), corpus_people(c.select(["b", "c", "e"]))
    )
    assert parts.person == whole.person and parts.not_person == whole.not_person
    assert sorted(parts.counts) == sorted(whole.counts)
    assert "Okafor" in parts.person and "Puerto Rico" in parts.not_person
    # a story partition without article a still knows Okafor is a person when given the names
    sub = c.select(["b", "c"])
    alone = shared_quotes(sub, across_stories=True)
    given = shared_quotes(sub, across_stories=True, people=parts)
    assert alone["speaker"].isna().all()
    assert list(given["speaker"]) == ["Okafor", "Okafor"]
    assert list(given["attribution"]) == ["pronoun", "other article"]
    assert merge_people().person == frozenset()


def test_corpus_quotations_is_quotations_with_the_corpus_names(make_corpus) -> None:
    texts = {
        "a": "Mayor Okafor opened the bridge on Monday.",
        "b": "Later Okafor said the bridge was safe.\n"
        "“We checked every bolt on it twice this week,” she said. "
        "“It will hold,” she added, calling the repairs a “tough choice”.",
        "c": LONG,
        "d": "No quotation here.",
    }
    c = make_corpus(texts)
    df = corpus_quotations(c)
    assert list(df.columns) == QUOTATION_COLUMNS
    check_offsets(c, df)
    people = corpus_people(c)
    expected = [
        (a.id, q.start, q.end, q.kind, q.speaker, q.speech_verb, q.attribution)
        for a in c
        for q in quotations(a, people=people)
    ]
    got = df[["article_id", "start", "end", "kind", "speaker", "speech_verb", "attribution"]]
    assert [tuple(None if pd.isna(v) else v for v in r) for r in got.itertuples(index=False)] == (
        expected
    )
    assert list(df["article_id"]) == ["b", "b", "b", "c"]
    assert list(df["kind"]) == ["quote", "quote", "term", "quote"]
    assert list(df["speaker"][:2]) == ["Okafor", "Okafor"]
    alone = corpus_quotations(c, corpus_names=False)
    assert alone["speaker"][:2].isna().all()  # article b alone does not say Okafor is a person


def test_quotations_on_labelled_real_news() -> None:
    """The labelled real articles (benchmarks/data/quotes_labels.csv): quote recall, speaker
    accuracy and terms offered as quotes on the articles the rules were set on and on the
    held-out ones."""
    import importlib.util
    from pathlib import Path

    path = Path(__file__).resolve().parents[1] / "benchmarks" / "eval_quotes.py"
    spec = importlib.util.spec_from_file_location("eval_quotes", path)
    ev = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(ev)
    if not ev.REALNEWS.is_dir():
        pytest.skip(f"{ev.REALNEWS} is absent: the labelled real news are not on this machine")
    labels, corpora = ev.load()
    alone = {
        r.article_id: quotations(corpora[r.corpus][r.article_id])
        for r in labels[["corpus", "article_id"]].drop_duplicates().itertuples(index=False)
    }
    in_corpus = ev.found_quotations(labels, corpora)
    limits = {"tune": (0.95, 0.90), "heldout": (0.95, 0.88), "heldout2": (0.95, 0.75)}
    for split, (recall, accuracy) in limits.items():
        part = labels[labels["split"] == split]
        ids = part["article_id"].unique()
        f = ev.score(part, {k: in_corpus[k] for k in ids})
        assert f["quote_recall"] >= recall, (split, f)
        assert f["speaker_accuracy"] >= accuracy, (split, f)
        assert f["term_share"] <= 0.05, (split, f)
        # each article read alone: the names the corpus tells are not known
        g = ev.score(part, {k: alone[k] for k in ids})
        assert g["quote_recall"] == f["quote_recall"], split
        assert g["speaker_accuracy"] >= accuracy - 0.05, (split, g)
