"""Story grouping: ``newskit.stories``, ``story_table``, ``outlet_story_coverage`` and the corpus
methods that carry story ids, tested on generated corpora with known stories and on the seeds."""

from __future__ import annotations

import dataclasses
from collections import defaultdict

import numpy as np
import pandas as pd
import pytest

import newskit
from newskit.stories import story_map
from newskit.stories.diagnostics import DIAGNOSTIC_COLUMNS
from newskit.stories.group import STORY_COLUMNS
from newskit.stories.table import OUTLET_STORY_COLUMNS, STORY_TABLE_COLUMNS
from newskit.synthetic import make_corpus


def bcubed_f1(predicted: list[str], truth: list[str]) -> float:
    """B-cubed F1 of a clustering against the true labels (Amigó et al. 2009)."""
    by_p, by_t = defaultdict(set), defaultdict(set)
    for i, (p, t) in enumerate(zip(predicted, truth, strict=True)):
        by_p[p].add(i)
        by_t[t].add(i)
    precision = recall = 0.0
    for p, t in zip(predicted, truth, strict=True):
        both = len(by_p[p] & by_t[t])
        precision += both / len(by_p[p])
        recall += both / len(by_t[t])
    precision, recall = precision / len(predicted), recall / len(predicted)
    return 2 * precision * recall / (precision + recall)


def test_bcubed_f1_scores_what_it_should():
    assert bcubed_f1(["a", "a", "b"], ["x", "x", "y"]) == 1.0
    assert bcubed_f1(["a", "a", "a"], ["x", "x", "y"]) < 0.8
    assert bcubed_f1(["a", "b", "c"], ["x", "x", "x"]) == 0.5


def _scored(frame: pd.DataFrame) -> float:
    corpus = newskit.load_corpus(frame)
    found = newskit.stories(corpus)
    assert list(found.columns) == STORY_COLUMNS
    assert found["article_id"].tolist() == corpus.ids
    return bcubed_f1(found["story_id"].tolist(), frame["story"].tolist())


@pytest.mark.parametrize(
    "spec",
    [
        {"n_stories": 100, "n_outlets": 3, "seed": 1},
        {"n_stories": 100, "n_outlets": 3, "seed": 7},
        {"n_stories": 30, "n_outlets": 5, "seed": 3, "coverage": 0.6},
        {"n_stories": 60, "n_outlets": 4, "seed": 5, "p_undated": 0.3, "p_no_outlet": 0.2},
        {"n_stories": 20, "n_outlets": 2, "seed": 6, "span_days": 10},
    ],
    ids=lambda s: "-".join(f"{k}={v}" for k, v in s.items()),
)
def test_recovers_generated_stories(spec):
    assert _scored(make_corpus(**spec)) >= 0.97


@pytest.mark.slow
def test_recovers_1000_articles_from_20_outlets():
    assert _scored(make_corpus(50, 20, seed=2)) >= 0.97


@pytest.mark.parametrize("n_outlets", [2, 3, 7, 15])
def test_one_story_is_one_story(n_outlets):
    corpus = newskit.load_corpus(make_corpus(1, n_outlets, seed=n_outlets))
    assert newskit.stories(corpus)["story_id"].nunique() == 1


def test_the_seeds_are_one_story(seeds):
    found = newskit.stories(seeds)
    assert found["story_id"].unique().tolist() == ["S001"]
    assert found["n_articles"].eq(5).all()
    assert found["similarity"].between(0, 1).all()


def test_a_single_article_is_its_own_story(seeds):
    found = newskit.stories(seeds[:1])
    assert found.to_dict("records") == [
        {"article_id": seeds[0].id, "story_id": "S001", "n_articles": 1, "similarity": 1.0}
    ]


def test_the_same_text_weeks_apart_is_another_story():
    # A story's articles, and the same articles again five weeks later under other ids: alike
    # word for word, so only the dates can tell them apart.
    frame = make_corpus(6, 3, seed=8, p_undated=0, p_no_outlet=0)
    later = frame.copy()
    later["id"] = later["id"] + "-later"
    later["date"] = (pd.to_datetime(later["date"]) + pd.Timedelta(days=35)).dt.strftime("%Y-%m-%d")
    later["story"] = later["story"] + "-later"
    both = pd.concat([frame, later], ignore_index=True)
    assert _scored(both) >= 0.97
    # Without dates the twins are one story each: content alone groups undated articles.
    undated = both.assign(date=None)
    found = newskit.stories(newskit.load_corpus(undated))
    assert found["story_id"].nunique() == 6
    assert (
        bcubed_f1(found["story_id"].tolist(), undated["story"].str.removesuffix("-later").tolist())
        >= 0.97
    )


def test_undated_articles_group_by_content():
    frame = make_corpus(40, 3, seed=12, p_undated=1.0)
    assert frame["date"].isna().all()
    assert _scored(frame) >= 0.95


def test_deterministic():
    corpus = newskit.load_corpus(make_corpus(40, 4, seed=4))
    pd.testing.assert_frame_equal(newskit.stories(corpus), newskit.stories(corpus))


def test_threshold_sets_the_granularity():
    corpus = newskit.load_corpus(make_corpus(30, 4, seed=9))
    counts = [
        newskit.stories(corpus, threshold=t, relative=0)["story_id"].nunique()
        for t in (0.05, 0.3, 0.95)
    ]
    assert counts[0] <= counts[1] <= counts[2]
    assert counts[0] < 30 < counts[2]
    # the relative rule keeps stories of one kind apart even at a low threshold
    assert newskit.stories(corpus, threshold=0.05)["story_id"].nunique() == 30
    auto = newskit.stories(corpus)
    assert 0.03 <= auto.attrs["threshold"] <= 0.3
    for bad in ({"threshold": 0}, {"threshold": "high"}, {"days": 0}, {"relative": 1.5}):
        with pytest.raises(ValueError):
            newskit.stories(corpus, **bad)


def test_corpus_carries_story_ids():
    frame = make_corpus(5, 3, seed=2)
    corpus = newskit.load_corpus(frame)
    assert corpus.frame()["story_id"].isna().all()
    found = newskit.stories(corpus)
    assigned = corpus.with_stories(found)
    assert assigned.frame()["story_id"].tolist() == found["story_id"].tolist()
    assert [a.story_id for a in assigned] == found["story_id"].tolist()
    one = assigned.story("S002")
    assert one.ids == found.loc[found["story_id"] == "S002", "article_id"].tolist()
    assert {a.story_id for a in one} == {"S002"}
    # story ids do not change what an article is
    assert assigned[0] == corpus[0]
    with pytest.raises(KeyError, match="S999"):
        assigned.story("S999")
    with pytest.raises(ValueError, match="with_stories"):
        corpus.story("S001")
    with pytest.raises(ValueError, match="no story for articles"):
        corpus.with_stories(found.iloc[1:])
    assert corpus.with_stories({a: "x" for a in corpus.ids}).story("x").ids == corpus.ids


def test_story_map_resolution(seeds):
    assert set(story_map(seeds).values()) == {"S001"}
    assert set(story_map(seeds, across_stories=True).values()) == {"all"}
    given = {a.id: ("A" if k < 2 else "B") for k, a in enumerate(seeds)}
    assert story_map(seeds, given) == given
    carried = seeds.with_stories(given)
    assert story_map(carried) == given
    # an article without a story is a story of its own
    partial = story_map(seeds, {**given, seeds[4].id: None})
    assert partial[seeds[4].id] not in {"A", "B"}


def test_story_table():
    frame = make_corpus(8, 3, seed=5, p_no_outlet=0)
    corpus = newskit.load_corpus(frame)
    table = newskit.story_table(corpus, newskit.stories(corpus))
    assert list(table.columns) == STORY_TABLE_COLUMNS
    assert table["n_articles"].sum() == len(corpus)
    assert table["n_articles"].is_monotonic_decreasing
    assert (table["n_outlets"] == 3).all()
    assert (table["first_date"] <= table["last_date"]).all()
    by_story = frame.assign(date=pd.to_datetime(frame["date"]))
    assigned = corpus.with_stories(newskit.stories(corpus))
    for row in table.itertuples():
        members = by_story[by_story["id"].isin(assigned.story(row.story_id).ids)]
        earliest = members.sort_values("date", kind="stable").iloc[0]
        assert row.label == earliest["title"]
        assert row.outlets == ", ".join(sorted(members["outlet"].unique()))
        assert len(row.terms.split(", ")) == 5


def test_story_table_of_the_seeds_names_the_talks(seeds):
    table = newskit.story_table(seeds)
    assert len(table) == 1
    assert "bessent" in table["terms"].iloc[0]
    assert table["first_date"].iloc[0] == pd.Timestamp("2025-09-12")


def test_outlet_story_coverage():
    frame = make_corpus(6, 4, seed=3, p_no_outlet=0.2, p_undated=0.2)
    frame.loc[frame["outlet"].isna(), "url"] = None  # else the outlet is named from the URL
    corpus = newskit.load_corpus(frame)
    cov = newskit.outlet_story_coverage(corpus)
    assert list(cov.columns) == OUTLET_STORY_COLUMNS
    assert cov["n_articles"].sum() == len(corpus)
    assert (cov["lag_days"].dropna() >= 0).all()
    firsts = cov.groupby("story_id")["is_first"].any()
    dated = cov.groupby("story_id")["first_date"].apply(lambda d: d.notna().any())
    assert (firsts == dated).all()
    for row in cov[cov["is_first"]].itertuples():
        story_dates = cov.loc[cov["story_id"] == row.story_id, "first_date"]
        assert row.first_date == story_dates.min()
    if frame["outlet"].isna().any():
        assert "(no outlet)" in set(cov["outlet"])


def test_copy_keeps_story_id_out_of_equality():
    article = newskit.load_corpus()[0]
    assert dataclasses.replace(article, story_id="S9") == article
    assert dataclasses.replace(article, story_id="S9").story_id == "S9"


def test_the_seeds_stay_one_story_among_generated_ones(seeds):
    generated = make_corpus(30, 3, seed=5)
    real = pd.DataFrame(
        {
            "id": [a.id for a in seeds],
            "outlet": [a.outlet for a in seeds],
            "date": [a.date.isoformat() if a.date else None for a in seeds],
            "title": [a.title for a in seeds],
            "text": [a.raw for a in seeds],
            "story": "seeds",
        }
    )
    both = pd.concat([generated, real], ignore_index=True)
    found = newskit.stories(newskit.load_corpus(both))
    assert found.loc[found["article_id"].isin(real["id"]), "story_id"].nunique() == 1
    assert bcubed_f1(found["story_id"].tolist(), both["story"].tolist()) >= 0.97


def test_an_outlet_footer_does_not_join_its_stories():
    frame = make_corpus(40, 3, seed=1)
    footer = (
        "Follow {o} on social media for the latest from Harbor City. Copyright {o} Media Group."
    )
    frame["text"] = [
        t + "\n" + footer.format(o=o) if isinstance(o, str) else t
        for t, o in zip(frame["text"], frame["outlet"], strict=True)
    ]
    assert _scored(frame) >= 0.97


def test_story_diagnostics():
    frame = make_corpus(12, 3, seed=4, p_undated=0)
    corpus = newskit.load_corpus(frame)
    found = newskit.stories(corpus)
    diag = newskit.story_diagnostics(corpus, found)
    assert list(diag.columns) == DIAGNOSTIC_COLUMNS
    assert sorted(diag["story_id"]) == sorted(found["story_id"].unique())
    assert diag["n_articles"].sum() == len(corpus)
    several = diag[diag["n_articles"] > 1]
    assert several["cohesion"].between(0, 1).all()
    # found stories hang together far more than they resemble their nearest other story
    assert (several["cohesion"] > 2 * several["nearest_similarity"]).all()
    assert not diag["note"].str.contains("may be one story").any()
    assert set(diag["nearest_story"].dropna()) <= set(diag["story_id"])
    # None: the ids the articles carry, else computed
    pd.testing.assert_frame_equal(newskit.story_diagnostics(corpus), diag)
    pd.testing.assert_frame_equal(newskit.story_diagnostics(corpus.with_stories(found)), diag)


def test_fixing_the_grouping_by_hand(tmp_path):
    # export, edit the story_id column, load it back: the documented fix-by-hand workflow
    frame = make_corpus(6, 4, seed=11, p_undated=0, p_no_outlet=0)
    corpus = newskit.load_corpus(frame)
    newskit.stories(corpus).to_csv(tmp_path / "stories.csv", index=False)
    edited = pd.read_csv(tmp_path / "stories.csv", dtype=str)
    first = edited["story_id"].iloc[0]
    members = edited.index[edited["story_id"] == first]
    edited.loc[members[:2], "story_id"] = "S999"  # split a story in two by mistake …
    single = edited.index[~edited["story_id"].isin([first, "S999"])][0]
    edited.loc[single, "story_id"] = "alone"  # … and take one article out of another
    fixed = corpus.with_stories(edited)
    assert [a.story_id for a in fixed] == edited["story_id"].tolist()
    diag = newskit.story_diagnostics(fixed).set_index("story_id")
    # the diagnostics point at the split: the two halves are each other's nearest, "may be one"
    assert diag.loc["S999", "nearest_story"] == first
    assert diag.loc["S999", "note"] == f"may be one story with {first}"
    assert diag.loc["alone", "note"].startswith("single article; may be one story with")
    assert newskit.story_table(fixed)["story_id"].isin(["S999", "alone"]).sum() == 2


def test_the_steps_run_in_parts_give_the_same_stories():
    # what a distributed run does: every combinable step on two parts, combined, then linked
    from scipy import sparse

    from newskit.stories import group as g

    frame = make_corpus(15, 4, seed=13)
    corpus = newskit.load_corpus(frame)
    articles = list(corpus)
    parts = [articles[:25], articles[25:]]
    bags = [[g.article_terms(a) for a in part] for part in parts]
    df = g.document_frequencies(bags[0]) + g.document_frequencies(bags[1])
    vocabulary = g.vocabulary_of(df)
    idf = g.term_weights(df, len(articles))
    matrix = sparse.vstack([g.term_vectors(b, idf, vocabulary) for b in bags]).tocsr()
    per_column = np.zeros(len(vocabulary), dtype=np.int64)
    for term, count in df.items():
        per_column[vocabulary[term]] = count
    pairs = g.candidate_pairs(matrix, per_column)
    half = len(pairs) // 2
    sims = np.concatenate(
        [g.pair_similarities(matrix, pairs[:half]), g.pair_similarities(matrix, pairs[half:])]
    )
    best = np.fmax(
        g.best_similarities(pairs[:half], sims[:half], len(articles)),
        g.best_similarities(pairs[half:], sims[half:], len(articles)),
    )
    threshold = min(max(g.AUTO_RATIO * float(np.nanmedian(best)), 0.03), 0.3)
    assert threshold == pytest.approx(g.auto_threshold(pairs, sims, len(articles)))
    groups = g.link(len(articles), [a.date for a in articles], pairs, sims, threshold)
    found = newskit.stories(corpus)
    assert found.attrs["threshold"] == round(threshold, 4)
    by_story = found.groupby("story_id")["article_id"].apply(sorted).tolist()
    assert sorted(by_story) == sorted(sorted(articles[k].id for k in m) for m in groups)


def test_the_report_says_how_sure_the_grouping_is():
    from newskit.app.report import _diagnostics_html
    from newskit.app.stories import with_stories

    frame = make_corpus(8, 3, seed=2)
    full, table = with_stories(newskit.load_corpus(frame))
    assert {"cohesion", "nearest_story", "nearest_similarity", "note"} <= set(table.columns)
    # split one story by hand: the report names the two halves
    edited = {a.id: a.story_id for a in full}
    first = table["story_id"].iloc[0]
    moved = [k for k, v in edited.items() if v == first][:2]
    edited.update(dict.fromkeys(moved, "S900"))
    _, table = with_stories(full.with_stories(edited))
    text = _diagnostics_html(table)
    assert f"May be one story: {min(first, 'S900')} and {max(first, 'S900')}" in text
    assert "single-article stories: 1." in text  # the story's third article, left alone
    assert _diagnostics_html(table.drop(columns=["cohesion"])) == ""


@pytest.mark.parametrize(("weak", "expected"), [(0.049, [[0, 1], [2]]), (0.05, [[0, 1, 2]])])
def test_linkage_leaves_out_pairs_below_the_link_floor(weak, expected):
    from newskit.stories import group as g

    threshold = 0.2
    assert g.LINK_FLOOR * threshold == pytest.approx(0.05)
    pairs = np.array([[0, 1], [0, 2], [1, 2]])
    # {0, 1} merge first; {0, 1} + {2} has mean (0.36 + weak) / 2: 0.205 reaches the
    # threshold only if the weak pair counts, and it counts only from 0.05 (the floor) up.
    sims = np.array([0.5, 0.36, weak])
    groups = g.link(3, [None, None, None], pairs, sims, threshold)
    assert sorted(groups) == expected
