"""compare_claims compares only numbers that state the same fact, and says why.

The cases are the false disagreements of real news (votes to end a filibuster against votes to
keep one going; the first against the second black senator; two events of one Friday), the
evidence columns, related numbers, unit conversions and near bounds.
"""

from __future__ import annotations

import pandas as pd
import pytest

import newskit
from newskit.claims.compare import GROUP_COLUMNS, compare_claims
from newskit.claims.disagreements import DISAGREEMENT_COLUMNS, disagreements


def _claims(texts: dict[str, tuple[str, str]], date: str = "2025-11-06") -> pd.DataFrame:
    rows = [(k, o, date, t) for k, (o, t) in texts.items()]
    corpus = newskit.load_corpus(pd.DataFrame(rows, columns=["id", "outlet", "date", "text"]))
    return newskit.numeric_claims(corpus, stories={a.id: "s" for a in corpus})


def _surfaces(group: pd.Series, claims: pd.DataFrame) -> set[tuple[str, str]]:
    return {(claims.at[i, "article_id"], claims.at[i, "surface"]) for i in group["claim_rows"]}


INJURED = {
    "a": ("Daily", "A tourist ship struck a bridge on the Rhine. Police say 27 people are injured."),
    "b": ("Times", "A tourist ship struck a bridge on the Rhine and 25 people were injured, police "
                   "said on Wednesday."),
    "c": ("Post", "Police said 25 people were injured when the ship struck the bridge."),
}  # fmt: skip


def test_a_disagreement_says_why_with_both_sentences():
    claims = _claims(INJURED)
    groups = compare_claims(claims)
    assert list(groups.columns) == GROUP_COLUMNS
    g = groups.iloc[0]  # disagreements come first
    assert not g["agree"] and g["relation"] == "same_fact"
    assert _surfaces(g, claims) == {("a", "27"), ("b", "25"), ("c", "25")}
    assert g["value"] == "25" and g["dissent"] == "Daily: 27 (27)"
    assert [claims.at[i, "surface"] for i in g["dissent_rows"]] == ["27"]
    assert g["dissent_sentences"] == "Daily: Police say 27 people are injured."
    assert 0.5 <= g["confidence"] <= 1
    # the evidence quotes both sentences of the link and says what matched
    assert "Police say 27 people are injured." in g["evidence"]
    assert "25 people were injured" in g["evidence"]
    assert "counts the same: injure, people" in g["evidence"]


def test_disagreements_side_by_side_with_offsets():
    claims = _claims(INJURED)
    table = disagreements(compare_claims(claims), claims)
    assert list(table.columns) == DISAGREEMENT_COLUMNS
    assert len(table) == 1
    row = table.iloc[0]
    assert (row["value"], row["dissent_value"]) == ("25", "27")
    assert row["dissent_outlet"] == "Daily" and row["outlet"] in {"Times", "Post"}
    assert row["dissent_sentence"] == "Police say 27 people are injured."
    texts = {k: t for k, (_o, t) in INJURED.items()}
    assert texts[row["article_id"]][row["start"] : row["end"]] == "25"
    assert texts[row["dissent_article_id"]][row["dissent_start"] : row["dissent_end"]] == "27"


def test_no_disagreement_no_rows():
    claims = _claims({k: v for k, v in INJURED.items() if k != "a"})
    groups = compare_claims(claims)
    assert groups["agree"].all() and (groups["dissent_rows"].str.len() == 0).all()
    assert disagreements(groups, claims).empty
    assert list(disagreements(groups, claims).columns) == DISAGREEMENT_COLUMNS


@pytest.mark.parametrize(
    "texts",
    [
        # the same counted thing, another predicate: votes to end against votes to keep
        {"a": ("A", "Sixty votes are needed to end a filibuster in the Senate."),
         "b": ("B", "He has the 41 votes to keep one going in the Senate.")},
        # an ordinal of another thing: the first since 1881, the second from the state
        {"a": ("A", "Scott is the first black senator from the South since 1881."),
         "b": ("B", "Scott is the second black senator from the state of South Carolina.")},
        # a part of a count, not the count
        {"a": ("A", "Five people died when the wall collapsed in the quake."),
         "b": ("B", "Four other people died when the wall collapsed in the quake.")},
        # far apart: 23 states allow it, the two states suing
        {"a": ("A", "Medical marijuana is legal in 23 states, the report said."),
         "b": ("B", "The two states suing their neighbour over marijuana are Nebraska and "
                    "Oklahoma.")},
    ],
)  # fmt: skip
def test_numbers_of_different_facts_never_disagree(texts):
    groups = compare_claims(_claims(texts), related=True)
    assert not groups["agree"].eq(False).any()


def test_two_events_of_one_friday_are_not_one_fact():
    claims = _claims(
        {
            "a": ("A", "The fire broke out at the church on Friday night, officials said."),
            "b": ("B", "The mayor resigned on Friday after a council vote."),
        }
    )
    assert compare_claims(claims).empty


def test_related_numbers_are_listed_apart_never_as_disagreements():
    claims = _claims(
        {
            "a": ("A", "Police say 27 people are injured, four of them seriously."),
            "b": ("B", "Police said four people with more serious injuries were released."),
        }
    )
    plain = compare_claims(claims)
    both = compare_claims(claims, related=True)
    assert set(plain["relation"]) <= {"same_fact"}
    related = both[both["relation"] == "related"]
    assert len(related) >= 1 and related["agree"].isna().all()
    assert not both["agree"].eq(False).any()
    assert (related["dissent"] == "").all() and related["evidence"].str.len().gt(0).all()


def test_a_conversion_in_parentheses_states_the_same_depth():
    claims = _claims(
        {
            "a": ("A", "The quake struck at a depth of just 10 kilometres (6 miles), the USGS said."),
            "b": ("B", "The quake struck at a depth of six miles, the survey said."),
        }
    )  # fmt: skip
    g = compare_claims(claims).iloc[0]
    assert g["agree"] and g["n_outlets"] == 2
    assert {s for _, s in _surfaces(g, claims)} >= {"6", "six"}


def test_a_speed_meets_a_speed_in_other_units_never_a_length():
    claims = _claims(
        {
            "a": ("A", "Winds of 120 km/h tore roofs off homes along the coast."),
            "b": ("B", "Winds of 75 mph tore roofs off homes along the coast."),
            "c": ("C", "The storm tore roofs off homes along 120 km of the coast."),
        }
    )  # fmt: skip
    g = compare_claims(claims).iloc[0]
    assert g["agree"] and g["n_outlets"] == 2
    assert {s for _, s in _surfaces(g, claims)} == {"120", "75"}
    assert "C" not in str(g.to_dict())


@pytest.mark.parametrize(("first", "second", "agree"),
                         [("nearly 300,000", "300,000", True),
                          ("nearly 235,000", "nearly 300,000", False)])  # fmt: skip
def test_nearly_is_just_below(first, second, agree):
    claims = _claims(
        {
            "a": ("A", f"The agency received {first} comments on the endangered species rule."),
            "b": ("B", f"The agency has received {second} comments on the endangered species "
                       "rule."),
        }
    )  # fmt: skip
    g = compare_claims(claims).iloc[0]
    assert bool(g["agree"]) is agree


def test_street_numbers_are_names():
    claims = _claims(
        {
            "a": ("A", "She was struck on 117th Street near 97th Avenue."),
            "b": ("B", "She was struck on 117th Street near 97th Avenue, police said."),
        }
    )
    assert compare_claims(claims).empty


def test_a_dateline_is_not_the_date_of_an_event():
    claims = _claims(
        {
            "a": ("A", "Monday 16 September 2013\nA climber died on the mountain."),
            "b": ("B", "16 September 2013\nRescuers recovered the body of a climber."),
        }
    )
    assert compare_claims(claims).empty


def test_the_same_words_agree_whatever_the_article_dates():
    rows = [("a", "A", "2017-12-02", "Falcon Heavy to launch next month from the Cape."),
            ("b", "B", "2018-01-03", "Falcon Heavy to launch next month from the Cape.")]  # fmt: skip
    corpus = newskit.load_corpus(pd.DataFrame(rows, columns=["id", "outlet", "date", "text"]))
    claims = newskit.numeric_claims(corpus, stories={"a": "s", "b": "s"})
    assert set(claims["date"]) == {"2018-01", "2018-02"}  # read against each article's date
    g = compare_claims(claims).iloc[0]
    assert g["agree"] and g["n_outlets"] == 2


# The misses and false flags of the first pass on real news (paraphrased).
@pytest.mark.parametrize(
    "texts",
    [
        {  # "fell" / "slipped": one fall, two ages of one boy
            "a": ("Daily", "A gorilla was killed after a 4-year-old boy fell into the gorilla "
                           "enclosure at the city zoo."),
            "b": ("Times", "After a 3-year-old boy slipped into the gorilla enclosure at the city "
                           "zoo, keepers killed the gorilla."),
        },
        {  # the next word differs ("with Alleyne" / "of herself") but is in the other sentence
            "a": ("Daily", "The singer posted four photos with Alleyne on Instagram."),
            "b": ("Times", "The singer posted three photos of herself with Alleyne on Instagram."),
        },
        {  # the same verb before and noun after: "received nearly N comments"
            "a": ("Daily", "The agency received nearly 235,000 comments on the species proposal."),
            "b": ("Times", "Since May the department has received nearly 300,000 comments, most "
                           "of them opposing the changes."),
        },
    ],
)  # fmt: skip
def test_one_fact_told_in_other_words_disagrees(texts):
    groups = compare_claims(_claims(texts))
    assert len(groups) == 1 and not groups.iloc[0]["agree"]
    assert groups.iloc[0]["relation"] == "same_fact"


@pytest.mark.parametrize(
    "texts",
    [
        {  # each sentence names a game the other article never mentions
            "a": ("Daily", "Tyler Hansbrough had 24 points in a 108-70 rout of the Charleston "
                           "Cougars."),
            "b": ("Times", "Tyler Hansbrough scored 20 points in a 91-73 victory over "
                           "Evansville."),
        },
        {  # "New Jersey" is a name, "his jersey" a shirt: no shared word
            "a": ("Daily", "Cheeks also played with Atlanta and New Jersey before retiring in "
                           "1993."),
            "b": ("Times", "Cheeks had his No. 10 jersey retired on Feb. 6, 1995."),
        },
    ],
)  # fmt: skip
def test_two_events_told_alike_never_disagree(texts):
    groups = compare_claims(_claims(texts))
    assert not (groups["agree"] == False).any()  # noqa: E712
