"""Story figures and the scale limits of the existing figures, on made-up frames."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from newskit.figures import (
    coverage_figure,
    keyword_heatmap,
    lengths_figure,
    outlet_reuse_frame,
    outlet_reuse_heatmap,
    overlap_heatmap,
    reuse_figure,
    story_coverage_figure,
    story_timeline,
)


def _articles(n_stories: int, per_story: int, n_outlets: int) -> pd.DataFrame:
    rows = []
    for s in range(n_stories):
        for k in range(per_story):
            rows.append(
                {
                    "id": f"a{s}_{k}",
                    "outlet": f"O{(s + k) % n_outlets}",
                    "date": pd.Timestamp("2025-01-01") + pd.Timedelta(days=s + k),
                    "title": f"Story {s} <b>part</b> {k}",
                    "story_id": f"s{s}",
                }
            )
    return pd.DataFrame(rows)


def _coverage(arts: pd.DataFrame) -> pd.DataFrame:
    """The frame of ``newskit.outlet_story_coverage``, made up from an articles frame."""
    g = arts.groupby(["story_id", "outlet"])
    cov = g.agg(n_articles=("id", "size"), first_date=("date", "min")).reset_index()
    cov["is_first"] = cov["first_date"] == cov.groupby("story_id")["first_date"].transform("min")
    return cov


def test_coverage_figure_reads_outlet_story_coverage(seeds) -> None:
    import newskit

    corpus = seeds.with_stories(newskit.stories(seeds))
    cov = newskit.outlet_story_coverage(corpus)
    fig = story_coverage_figure(cov, newskit.story_table(corpus))
    heat = fig.data[0]
    assert len(heat.y) == 1 and len(heat.x) == 5  # the seeds: one story, five outlets
    firsts = [x for x, t in zip(heat.x, heat.text[0], strict=True) if t == "1st"]
    assert firsts and set(firsts) == set(cov.loc[cov["is_first"], "outlet"])


def test_story_figures_show_the_largest_stories_only() -> None:
    arts = _articles(100, 3, 3)
    big = pd.DataFrame(
        [
            {
                "id": f"x{k}",
                "outlet": "O0",
                "date": pd.Timestamp("2025-03-01"),
                "title": "big",
                "story_id": "s99",
            }
            for k in range(5)
        ]
    )
    arts = pd.concat([arts, big], ignore_index=True)
    fig = story_timeline(arts, top=40)
    rows = fig.layout.yaxis.categoryarray
    assert len(rows) == 40 and rows[0] == "s99"  # largest first
    assert "the 40 largest of 100 stories" in fig.layout.title.text
    assert fig.layout.height < 1100
    assert sorted(t.name for t in fig.data) == ["O0", "O1", "O2"]
    # hover carries the title, escaped
    assert "Story 0 &lt;b&gt;part&lt;/b&gt; 0" in {c[0] for t in fig.data for c in t.customdata}
    cov = story_coverage_figure(_coverage(arts), top=30)
    heat = cov.data[0]
    assert len(heat.y) == 30 and list(heat.x) == ["O0", "O1", "O2"]
    assert heat.y[0] == "s99" and heat.z[0][0] == 6  # 5 + the story's own O0 article
    assert sum(t == "1st" for row in heat.text for t in row) >= 30


def test_outlet_reuse_frame_and_heatmap() -> None:
    arts = pd.DataFrame({"id": ["a", "b", "c", "d"], "outlet": ["AP", "NL", "NL", None]})
    edges = pd.DataFrame(
        {"source_id": ["a", "a", "b"], "derived_id": ["b", "c", "d"], "share": [0.8, 0.4, 0.5]}
    )
    f = outlet_reuse_frame(edges, arts)
    assert f.iloc[0].to_dict() == {
        "source_outlet": "AP",
        "derived_outlet": "NL",
        "n_edges": 2,
        "share": pytest.approx(0.6),
        "max_share": 0.8,
        "n_shared_wire": 0,
    }
    # with relations: only copies count as reuse; shared wire copy is counted apart, both ways
    rel = edges.assign(relation=["copy", "shared_wire", "independent"])
    f3 = outlet_reuse_frame(rel, arts).set_index(["source_outlet", "derived_outlet"])
    assert f3.loc[("AP", "NL"), ["n_edges", "n_shared_wire"]].tolist() == [1, 1]
    assert f3.loc[("NL", "AP"), ["n_edges", "n_shared_wire"]].tolist() == [0, 1]
    assert ("NL", "(unknown outlet)") not in f3.index  # independent: not reuse
    # with stories, an edge between two stories is not counted
    f2 = outlet_reuse_frame(edges, arts.assign(story_id=["s1", "s1", "s2", "s1"]))
    assert f2[["source_outlet", "derived_outlet", "n_edges"]].values.tolist() == [
        ["AP", "NL", 1],
        ["NL", "(unknown outlet)", 1],
    ]
    fig = outlet_reuse_heatmap(f)
    names = list(fig.data[0].x)
    z = np.array(fig.data[0].z, dtype=float)
    assert z[names.index("AP"), names.index("NL")] == 2
    assert z[names.index("NL"), names.index("(unknown outlet)")] == 1
    assert np.isnan(z[names.index("NL"), names.index("AP")])
    assert "reused" in fig.data[0].hovertemplate
    wire = outlet_reuse_heatmap(f3.reset_index(), value="n_shared_wire", relation="shared_wire")
    assert "carry the same copy" in wire.data[0].hovertemplate
    assert wire.layout.title.text.startswith("Who carries the same wire copy")


def test_overlap_heatmap_names_articles_by_outlet_and_aggregates_at_scale() -> None:
    arts = _articles(2, 2, 2)
    ids = list(arts["id"])
    m = pd.DataFrame(np.eye(4) * 0.5 + 0.1, index=ids, columns=ids)
    fig = overlap_heatmap(m, articles=arts)
    assert list(fig.data[0].y) == ["O0 1", "O1 1", "O1 2", "O0 2"]
    assert "Story 0 &lt;b&gt;part&lt;/b&gt; 0" in fig.data[0].hovertext[0][0]
    arts300 = _articles(100, 3, 3)
    ids = list(arts300["id"])
    story = arts300["story_id"].to_numpy()
    values = np.where(story[:, None] == story[None, :], 0.6, 0.01)  # high within a story
    big = pd.DataFrame(values, index=ids, columns=ids)
    fig = overlap_heatmap(big, articles=arts300)
    assert len(fig.data[0].y) == 3 and fig.layout.height <= 1000
    assert fig.data[0].z[0][1] == pytest.approx(0.6)  # pairs of different stories left out
    assert np.isnan(fig.data[0].z[0][0])  # no outlet has two articles in one story here
    assert "mean by outlet over 300 articles (pairs within a story)" in fig.layout.title.text
    no_story = overlap_heatmap(big, articles=arts300.drop(columns="story_id"))
    assert no_story.data[0].z[0][1] == pytest.approx((99 * 0.01 + 0.6) / 100)
    cut = overlap_heatmap(big)  # no outlets: the most overlapping articles
    assert len(cut.data[0].y) == 40 and "of 300 articles" in cut.layout.title.text


def test_reuse_figure_keeps_strongest_edges_labelled_by_outlet() -> None:
    arts = _articles(100, 3, 3)
    edges = pd.DataFrame(
        {
            "source_id": [f"a{s}_0" for s in range(100)],
            "derived_id": [f"a{s}_1" for s in range(100)],
            "share": [s / 100 for s in range(100)],
            "confidence": [0.5] * 100,
        }
    )
    fig = reuse_figure(edges, arts)
    assert len(fig.layout.annotations) == 40
    assert "the 40 strongest of 100 edges" in fig.layout.title.text
    assert len(fig.data[0].x) == 80  # only articles in a drawn edge
    small = reuse_figure(edges.head(2), _articles(2, 2, 2))
    assert list(small.data[0].text) == ["O0 1", "O1 1", "O1 2", "O0 2"]
    # copies are arrows, shared wire copy dashed lines, independent edges are not drawn
    rel = edges.head(3).assign(
        relation=["copy", "shared_wire", "independent"], common_source=[None, "AP", None]
    )
    mixed = reuse_figure(rel, arts)
    assert len(mixed.layout.annotations) == 1
    dashed = [t for t in mixed.data if t.mode == "lines"]
    assert len(dashed) == 1 and dashed[0].line.dash == "dash" and "AP copy" in dashed[0].hovertext
    assert "1 copies" in mixed.layout.title.text and "1 shared wire copy" in mixed.layout.title.text


def test_coverage_and_lengths_and_keywords_stay_small() -> None:
    wide = pd.DataFrame(
        {
            "fact_id": range(436),
            "n_outlets": [i % 3 + 1 for i in range(436)],
            "fact": ["f"] * 436,
            "AP": ["x"] * 436,
            "NL": [None] * 436,
        }
    )
    fig = coverage_figure(wide)
    assert len(fig.data[0].y) == 60 and "60 most carried of 436 facts" in fig.layout.title.text
    frame = _articles(100, 3, 3).assign(n_words=100, n_chars=600, n_sentences=5, n_removed=0)
    lf = lengths_figure(frame)
    assert [t.type for t in lf.data] == ["box"] * 3 and sum(len(t.y) for t in lf.data) == 300
    few = lengths_figure(frame.head(4))
    assert list(few.layout.xaxis.ticktext) == ["O0", "O1 1", "O2", "O1 2"]
    table = pd.DataFrame(
        {"keyword": [f"k{i}" for i in range(200)], "outlet": "AP", "count": 1, "rank": 1}
    )
    kh = keyword_heatmap(table)
    assert len(kh.data[0].y) == 50 and "first 50 of 200" in kh.layout.title.text
