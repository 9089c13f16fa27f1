"""compare_claims: groups across outlets, agreement within rounding, disagreements."""

from __future__ import annotations

import shutil
from pathlib import Path

import pandas as pd
import pytest

import newskit
from newskit.claims.compare import GROUP_COLUMNS, compare_claims, stem

SEEDS = Path(__file__).resolve().parent.parent / "seeds"
BLOOMBERG, NOAH, NEWSLOOKS, AP, K24 = (
    "000_5edfcbc6f2ce9f7a",
    "001_9c818c48c1241c76",
    "002_d09e47004eca7c4b",
    "003_9f741c860b40ed27",
    "004_399b47718ae4d695",
)


@pytest.fixture(scope="module")
def seed_claims(seeds) -> pd.DataFrame:
    return newskit.numeric_claims(seeds)


@pytest.fixture(scope="module")
def seed_groups(seed_claims) -> pd.DataFrame:
    return compare_claims(seed_claims)


def _group_with(groups: pd.DataFrame, claims: pd.DataFrame, article: str, surface: str):
    """The group holding the first claim with this surface in this article."""
    rows = claims[(claims["article_id"] == article) & (claims["surface"] == surface)].index
    hits = [g for _, g in groups.iterrows() if rows[0] in g["claim_rows"]]
    assert len(hits) == 1, f"{surface!r} of {article} is in {len(hits)} groups"
    return hits[0]


def _members(group, claims: pd.DataFrame) -> set[tuple[str, str]]:
    return {(claims.at[i, "article_id"], claims.at[i, "surface"]) for i in group["claim_rows"]}


def test_columns(seed_groups):
    assert list(seed_groups.columns) == GROUP_COLUMNS
    assert seed_groups["agree"].all()  # the seeds do not contradict each other
    assert (seed_groups["n_outlets"] >= 2).all()


def test_tiktok_deadline_four_ways(seed_groups, seed_claims):
    """Sept. 17 / Wednesday / Wednesday / by September 17: one group, and Newslooks'
    undated "Wednesday" joins it by weekday and context."""
    g = _group_with(seed_groups, seed_claims, BLOOMBERG, "Sept. 17")
    members = _members(g, seed_claims)
    assert {(BLOOMBERG, "Sept. 17"), (AP, "Wednesday"), (K24, "September 17"),
            (NEWSLOOKS, "Wednesday")} <= members  # fmt: skip
    assert g["n_outlets"] == 4 and g["agree"] and g["value"] == "2025-09-17"
    # Kurdistan24's "meetings expected to continue through Wednesday" is another fact.
    through = seed_claims[(seed_claims["article_id"] == K24) & (seed_claims["surface"] ==
                                                                "Wednesday")].index  # fmt: skip
    assert not set(through) & set(g["claim_rows"])


@pytest.mark.parametrize(
    ("article", "surface", "outlets", "value"),
    [
        (BLOOMBERG, "three times", {"Bloomberg", "Newslooks", "AP"}, "3"),
        (AP, "fourth", {"Noah Wire Services", "Newslooks", "AP"}, "4"),
        (AP, "one-third", {"Noah Wire Services", "Newslooks", "AP"}, "0.333"),
        (AP, "50%", {"Newslooks", "AP"}, "0.5"),
        (AP, "March 2023", {"Newslooks", "AP"}, "2023-03"),
        (AP, "90-day", {"Bloomberg", "Noah Wire Services", "Newslooks", "AP"}, "90"),
    ],
)
def test_seed_groups(seed_groups, seed_claims, article, surface, outlets, value):
    g = _group_with(seed_groups, seed_claims, article, surface)
    assert set(g["outlets"].split(", ")) == outlets
    assert g["value"] == value and g["agree"] and g["dissent"] == ""


def test_pew_shares_stay_apart(seed_groups, seed_claims):
    """'one-third support' today and '50% in March 2023' are different facts."""
    third = _group_with(seed_groups, seed_claims, AP, "one-third")
    fifty = _group_with(seed_groups, seed_claims, AP, "50%")
    assert third["group"] != fifty["group"]
    # Bloomberg's TikTok "90-day extension" is not the tariff pauses.
    pauses = _group_with(seed_groups, seed_claims, AP, "90-day")
    extension = seed_claims[(seed_claims["article_id"] == BLOOMBERG)
                            & seed_claims["context"].str.contains("extension")].index  # fmt: skip
    assert not set(extension) & set(pauses["claim_rows"])


@pytest.fixture
def with_made_up(tmp_path):
    def make(text: str, name: str = "999_madeup") -> newskit.Corpus:
        folder = tmp_path / "c"
        shutil.copytree(SEEDS, folder)
        (folder / f"{name}.txt").write_text(text, encoding="utf-8")
        corpus = newskit.load_corpus(folder)
        # a one-sentence article is too short for newskit.stories to join it to the seeds'
        # story by its words: the test says it is about that story
        return corpus.with_stories({a.id: "madrid" for a in corpus})

    return make


@pytest.mark.parametrize(
    ("text", "disputed", "against"),
    [
        ("Trump has extended the TikTok sale deadline four times during his second term.",
         "four times", "three times"),
        ("A new poll found that 40% of Americans support a TikTok ban.", "40%", "one-third"),
    ],
)  # fmt: skip
def test_disagreement_is_flagged(with_made_up, text, disputed, against):
    corpus = with_made_up(text)
    claims = newskit.numeric_claims(corpus)
    groups = compare_claims(claims)
    g = _group_with(groups, claims, "999_madeup", disputed)
    assert not g["agree"]
    assert f"999_madeup: {disputed}" in g["dissent"]
    assert against in g["values"] and "AP" in g["values"]
    # every other group still agrees
    assert groups.loc[groups["group"] != g["group"], "agree"].all()


@pytest.mark.parametrize("share", ["33%", "one-third", "33 percent", "a third"])
def test_one_third_agrees_with_33_percent(with_made_up, share):
    corpus = with_made_up(f"A new poll found that {share} of Americans support a TikTok ban.")
    claims = newskit.numeric_claims(corpus)
    groups = compare_claims(claims)
    g = _group_with(groups, claims, "999_madeup", share)
    assert g["agree"] and g["n_outlets"] == 4


def test_made_up_corpus_of_its_own(make_corpus):
    corpus = make_corpus(
        {
            "a": "Officials said 1,200 people were evacuated on Tuesday after the flood.",
            "b": "About 1,200 people were evacuated after the flood, officials said.",
            "c": "Some 2,000 people were evacuated after the flood, the mayor said.",
            "d": "The city budget grew 4% this year.",
        },
        metadata="file,outlet,date\na.txt,A,2025-05-02\nb.txt,B,2025-05-02\nc.txt,C,\nd.txt,D,\n",
    )
    groups = compare_claims(newskit.numeric_claims(corpus))
    assert len(groups) == 1
    g = groups.iloc[0]
    assert g["outlets"] == "A, B, C" and not g["agree"] and g["dissent"].startswith("C: Some")


def test_bad_input():
    with pytest.raises(ValueError, match="numeric_claims"):
        compare_claims(pd.DataFrame({"x": [1]}))


def test_empty():
    assert list(compare_claims(newskit.numeric_claims([])).columns) == GROUP_COLUMNS


@pytest.mark.parametrize(
    ("word", "expected"),
    [("Tariffs", "tariff"), ("extended", "extend"), ("TikTok’s", "tiktok"), ("paused", "paus"),
     ("pauses", "paus"), ("duties", "duty"), ("talks", "talk")],
)  # fmt: skip
def test_stem(word, expected):
    assert stem(word) == expected


QUAKE = {
    "reuters": ("Reuters", "2025-03-04",
                "A magnitude 7.1 earthquake struck southern Peru on Monday, killing at least 45 "
                "people and injuring more than 300, officials said. About 1,200 homes were "
                "destroyed. Rescue teams will work through Thursday."),
    "ap": ("AP", "2025-03-04",
           "At least 45 people were killed when a 7.1-magnitude quake struck Peru on Monday. "
           "Some 1,200 homes collapsed. The government declared a 60-day state of emergency."),
    "bbc": ("BBC", "2025-03-05",
            "The death toll from Monday's earthquake in Peru has risen to 52, with 310 people "
            "injured. Around 1,000 homes were destroyed. President Boluarte declared a 90-day "
            "state of emergency in three regions."),
    "local": ("El Diario", None,
              "Officials said 45 people were killed and 1,200 homes were destroyed on Monday."),
}  # fmt: skip


def test_another_story():
    """Deaths and injuries stay apart; 1,000 vs 1,200 homes and 60 vs 90 days disagree."""
    frame = pd.DataFrame(
        [(k, o, d, t) for k, (o, d, t) in QUAKE.items()], columns=["id", "outlet", "date", "text"]
    )
    corpus = newskit.load_corpus(frame)
    claims = newskit.numeric_claims(corpus, stories={a.id: "quake" for a in corpus})
    groups = compare_claims(claims)
    killed = _group_with(groups, claims, "ap", "45")
    assert killed["agree"] and killed["outlets"] == "AP, El Diario, Reuters"
    injured = _group_with(groups, claims, "bbc", "310")
    assert injured["agree"] and "Reuters: more than 300" in injured["values"]
    homes = _group_with(groups, claims, "bbc", "1,000")
    assert not homes["agree"] and homes["dissent"] == "BBC: Around 1,000 (1e+03)"
    emergency = _group_with(groups, claims, "bbc", "90-day")
    assert not emergency["agree"] and emergency["outlets"] == "AP, BBC"
    monday = _group_with(groups, claims, "bbc", "Monday")
    assert monday["value"] == "2025-03-03" and monday["n_outlets"] == 3  # El Diario: no date


def _frame(texts: dict[str, tuple[str, str]], date: str = "2025-11-06", story=None):
    rows = [(k, o, date, t) for k, (o, t) in texts.items()]
    corpus = newskit.load_corpus(pd.DataFrame(rows, columns=["id", "outlet", "date", "text"]))
    return newskit.numeric_claims(corpus, stories=story or {a.id: "s" for a in corpus})


def test_rounded_money_agrees_within_stated_rounding():
    claims = _frame(
        {
            "a": ("A", "The city approved a $1.4 billion stadium deal on Monday."),
            "b": ("B", "Council members approved the $1.375 billion stadium deal."),
            "c": ("C", "The $1.4 billion stadium deal was approved by the council."),
        }
    )
    g = _group_with(compare_claims(claims), claims, "b", "$1.375 billion")
    assert g["agree"] and g["n_outlets"] == 3 and g["dissent"] == ""


def test_close_money_values_disagree():
    claims = _frame(
        {
            "a": ("A", "The harbour bridge repair will cost $3.5 billion, officials said."),
            "b": ("B", "Officials said the harbour bridge repair will cost $3.6 billion."),
        }
    )
    g = _group_with(compare_claims(claims), claims, "b", "$3.6 billion")
    assert not g["agree"]
    assert g["dissent"] in ("A: $3.5 billion (3.5e+09)", "B: $3.6 billion (3.6e+09)")


@pytest.mark.parametrize(
    ("first", "second"),
    [("two months", "two years"), ("two weeks", "two days"), ("$40", "40%")],
)
def test_units_must_match(first, second):
    claims = _frame(
        {
            "a": ("A", f"The striking nurses were out for {first} before the hospital deal."),
            "b": ("B", f"The striking nurses were out for {second} before the hospital deal."),
        }
    )
    assert compare_claims(claims).empty


def test_tally_is_one_claim_of_two_numbers():
    claims = _frame(
        {
            "a": ("A", "The assembly passed the water bill 134 to 63 on Thursday."),
            "b": ("B", "The water bill passed the assembly 134-63 on Thursday."),
            "c": ("C", "The assembly approved the water bill 134 to 36 on Thursday."),
        }
    )
    tallies = claims[claims["unit"] == "tally"]
    assert len(tallies) == 3 and (tallies["kind"] == "count").all()
    g = _group_with(compare_claims(claims), claims, "a", "134 to 63")
    assert not g["agree"] and g["dissent"] == "C: 134 to 36 (134-36)"
    assert "A: 134 to 63 (134-63)" in g["values"]


def test_ages_of_different_people_stay_apart():
    claims = _frame(
        {
            "a": ("A", "House Speaker Nancy Pelosi, 76, said she would step down."),
            "b": ("B", "Senate leader Chuck Schumer, 74, said he would step down."),
        }
    )
    assert compare_claims(claims).empty


def test_never_crashes_on_missing_dates_or_values():
    claims = _frame(
        {
            "a": ("A", "The valley held about 5 million people a century ago."),
            "b": ("B", "About 5 million people lived in the valley a century ago."),
        }
    )
    groups = compare_claims(claims)
    assert isinstance(groups, pd.DataFrame)
    broken = claims.copy()
    broken["date"] = float("nan")
    broken.loc[broken.index[0], "value"] = None
    broken["context"] = None
    assert list(compare_claims(broken).columns) == GROUP_COLUMNS


def test_groups_never_cross_stories():
    texts = {
        "a": ("A", "Officials said 1,200 people were evacuated after the flood."),
        "b": ("B", "Officials said 1,200 people were evacuated after the flood."),
    }
    same = _frame(texts, story={"a": "s1", "b": "s1"})
    assert len(compare_claims(same)) == 1
    apart = _frame(texts, story={"a": "s1", "b": "s2"})
    assert "story_id" in apart and compare_claims(apart).empty
    assert len(compare_claims(apart, across_stories=True)) == 1


def test_story_id_column_from_articles():
    corpus = newskit.load_corpus(
        pd.DataFrame({"id": ["a"], "outlet": ["A"], "text": ["Some 30 people came."]})
    )
    computed = newskit.stories(corpus).set_index("article_id")["story_id"]
    assert list(newskit.numeric_claims(corpus)["story_id"]) == [computed["a"]]
    claims = newskit.numeric_claims(corpus.with_stories({"a": "s7"}))
    assert list(claims["story_id"]) == ["s7"] and list(claims["surface"]) == ["30"]
    claims = newskit.numeric_claims(corpus, stories={"a": "s9"})
    assert list(claims["story_id"]) == ["s9"]


def test_a_chain_of_close_values_still_names_dissenters():
    """about 1,000 ≈ 1,080 ≈ about 1,170, but 1,000 ≠ 1,170: agree is False and dissent
    is never empty."""
    claims = _frame(
        {
            "a": ("A", "About 1,000 homes in Tarn were flooded by the river."),
            "b": ("B", "The river flooded 1,080 homes in Tarn."),
            "c": ("C", "About 1,170 homes in Tarn were flooded by the river."),
        }
    )
    g = _group_with(compare_claims(claims), claims, "b", "1,080")
    assert not g["agree"] and g["dissent"]
    assert "A: About 1,000" in g["dissent"] and "C: About 1,170" in g["dissent"]


def test_claims_frame_without_new_columns():
    """A frame saved before unit/story_id/context existed still compares."""
    claims = _frame(
        {
            "a": ("A", "Officials said 1,200 people were evacuated after the flood."),
            "b": ("B", "Officials said 1,200 people were evacuated after the flood."),
        }
    ).drop(columns=["unit", "story_id", "hedge", "date_end", "weekday"])
    assert len(compare_claims(claims)) == 1


def test_today_in_two_stories_of_a_day_is_not_a_shared_fact():
    claims = _frame(
        {
            "a": ("A", "The mayor said today that the bridge will close."),
            "b": ("B", "Rain fell today across the bridge district."),
        }
    )
    assert (claims["surface"] == "today").sum() == 2
    assert compare_claims(claims).empty


TAXES = {
    "a": ("A", "Grant paid an effective tax rate of 35.7% in 2005, the documents show. Over "
               "eight years his average rate was 31.6%. The headline figure of $1.4 billion in "
               "losses stunned analysts. The bill passed 134 to 63."),
    "b": ("B", "Okafor paid an effective tax rate of 36% that year, his returns show. The "
               "records show losses of $1.375 billion. A 134-to-63 vote sent the bill to the "
               "Senate."),
    "c": ("C", "The documents show Grant paid a 35.7% effective tax rate in 2005. Losses "
               "reached $1.4 billion, the records show. The House passed the bill 134-63 on "
               "Wednesday."),
}  # fmt: skip


def test_subjects_decide_groups():
    """Grant's 35.7% (2005) in A and C; not Okafor's 36%, not the eight-year 31.6%; the
    $1.4 billion headline figure and the 134-63 tally in all three."""
    claims = _frame(TAXES)
    groups = compare_claims(claims)
    rate = _group_with(groups, claims, "a", "35.7%")
    assert _members(rate, claims) == {("a", "35.7%"), ("c", "35.7%")} and rate["agree"]
    assert not (claims["surface"].isin(["36%", "31.6%"]) & claims.index.isin(
        [i for rows in groups["claim_rows"] for i in rows])).any()  # fmt: skip
    money = _group_with(groups, claims, "b", "$1.375 billion")
    assert money["outlets"] == "A, B, C" and money["agree"]
    tally = _group_with(groups, claims, "b", "134-to-63")
    assert tally["outlets"] == "A, B, C" and tally["agree"] and tally["value"] == "134-63"
