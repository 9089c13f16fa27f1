"""Cross-article analyses work within stories: no output pairs, groups or links articles of
different stories unless ``across_stories=True``; per-article work is done once per article."""

from __future__ import annotations

import importlib
from collections import Counter

import pandas as pd
import pytest

import newskit
from newskit.synthetic import make_corpus

# The modules, not the functions of the same name that newskit.reuse re-exports.
align_module = importlib.import_module("newskit.reuse.align")
coverage_module = importlib.import_module("newskit.reuse.coverage")
graph_module = importlib.import_module("newskit.reuse.graph")
quotes_module = importlib.import_module("newskit.reuse.quotes")


@pytest.fixture(scope="module")
def generated() -> tuple[newskit.Corpus, dict[str, str]]:
    """30 stories × 4 outlets with many copies; stories of one kind reuse stock quotes."""
    frame = make_corpus(30, 4, seed=21, p_copy=0.7)
    corpus = newskit.load_corpus(frame)
    return corpus, dict(zip(frame["id"], frame["story"], strict=True))


def _pairs_mixed(frame: pd.DataFrame, a: str, b: str, truth: dict[str, str]) -> int:
    return sum(truth[x] != truth[y] for x, y in zip(frame[a], frame[b], strict=True))


def test_align_candidates_graph_stay_within_stories(generated):
    corpus, truth = generated
    al = newskit.align(corpus, stories=truth)
    assert len(al) > 50 and set(al["kind"]) >= {"verbatim", "quote"}
    assert _pairs_mixed(al, "a_id", "b_id", truth) == 0
    assert _pairs_mixed(newskit.candidate_pairs(corpus, stories=truth), "a_id", "b_id", truth) == 0
    edges = newskit.reuse_graph(corpus, stories=truth, alignments=al)
    assert len(edges) > 0
    assert _pairs_mixed(edges, "source_id", "derived_id", truth) == 0
    for r in al.itertuples():
        assert corpus[r.a_id].raw[r.a_start : r.a_end] == r.a_text


def test_quotes_and_coverage_stay_within_stories(generated):
    corpus, truth = generated
    quotes = newskit.shared_quotes(corpus, stories=truth)
    assert len(quotes) > 0
    assert (
        quotes.groupby("quote_id")["article_id"]
        .agg(lambda s: len({truth[x] for x in s}))
        .eq(1)
        .all()
    )
    # Stories of one kind share stock quotes: across stories they do group.
    across = newskit.shared_quotes(corpus, across_stories=True)
    assert (
        across.groupby("quote_id")["article_id"].agg(lambda s: len({truth[x] for x in s})).max() > 1
    )
    long = newskit.coverage(corpus, stories=truth, form="long")
    assert (
        long.groupby("fact_id")["article_id"].agg(lambda s: len({truth[x] for x in s})).eq(1).all()
    )
    assert (long["story_id"] == long["article_id"].map(truth)).all()
    assert (long["n_outlets"] > 1).any()


def test_overlap_matrix_compares_within_stories(generated):
    corpus, truth = generated
    sub = corpus[:24]
    m = newskit.overlap_matrix(sub, stories=truth)
    for a in m.index:
        for b in m.columns:
            assert (truth[a] == truth[b]) == (not pd.isna(m.loc[a, b]))
    full = newskit.overlap_matrix(sub, across_stories=True)
    assert not full.isna().any().any()


def test_computed_stories_are_used_by_default(generated):
    corpus, truth = generated
    found = newskit.stories(corpus)
    assigned = corpus.with_stories(found)
    by_default = newskit.align(corpus)
    pd.testing.assert_frame_equal(by_default, newskit.align(assigned))
    pd.testing.assert_frame_equal(by_default, newskit.align(corpus, stories=found))
    story = dict(zip(found["article_id"], found["story_id"], strict=True))
    assert _pairs_mixed(by_default, "a_id", "b_id", story) == 0
    # across_stories links some articles of different stories (stock quotes, stock sentences)
    across = newskit.align(corpus, across_stories=True)
    assert _pairs_mixed(across, "a_id", "b_id", truth) > 0


def test_quotations_and_sentence_units_run_once_per_article(generated, monkeypatch):
    corpus, truth = generated
    calls: Counter = Counter()
    unit_calls: Counter = Counter()
    real_quotes, real_units = align_module.quote_spans, align_module.sentence_units

    def counting_quotations(article, **kwargs):
        calls[article.id] += 1
        return real_quotes(article, **kwargs)

    def counting_units(article, **kwargs):
        unit_calls[article.id] += 1
        return real_units(article, **kwargs)

    monkeypatch.setattr(align_module, "quote_spans", counting_quotations)
    monkeypatch.setattr(align_module, "sentence_units", counting_units)
    al = newskit.align(corpus, stories=truth)
    paired = set(al["a_id"]) | set(al["b_id"])
    assert len(paired) > 20
    assert max(calls.values()) == 1 and set(calls) >= paired
    assert max(unit_calls.values()) == 1 and len(unit_calls) == len(corpus)

    # shared_quotes reads each article once (its quotations and names, for the corpus names)
    calls.clear()
    real_read = quotes_module._read

    def counting_read(article, min_words):
        calls[article.id] += 1
        return real_read(article, min_words)

    monkeypatch.setattr(quotes_module, "_read", counting_read)
    newskit.shared_quotes(corpus, stories=truth)
    assert max(calls.values()) == 1 and len(calls) == len(corpus)


def test_graph_and_coverage_reuse_given_alignments(generated, monkeypatch):
    corpus, truth = generated
    al = newskit.align(corpus, stories=truth)
    expected_edges = newskit.reuse_graph(corpus, stories=truth)
    expected_facts = newskit.coverage(corpus, stories=truth, form="long")

    def no_align(*args, **kwargs):
        raise AssertionError("align ran again")

    monkeypatch.setattr(graph_module, "align", no_align)
    monkeypatch.setattr(coverage_module, "align", no_align)
    pd.testing.assert_frame_equal(
        newskit.reuse_graph(corpus, stories=truth, alignments=al), expected_edges
    )
    pd.testing.assert_frame_equal(
        newskit.coverage(corpus, stories=truth, alignments=al, form="long"), expected_facts
    )
    # alignments across stories are filtered back to the stories
    across = align_module.align(corpus, across_stories=True)
    edges = newskit.reuse_graph(corpus, stories=truth, alignments=across)
    assert _pairs_mixed(edges, "source_id", "derived_id", truth) == 0


def test_seeds_unchanged_by_story_awareness(seeds):
    # The seeds are one story: within-story results are the corpus-wide results.
    pd.testing.assert_frame_equal(newskit.align(seeds), newskit.align(seeds, across_stories=True))
    pd.testing.assert_frame_equal(
        newskit.shared_quotes(seeds), newskit.shared_quotes(seeds, across_stories=True)
    )


def test_reuse_graph_and_coverage_take_an_empty_alignment_frame(seeds):
    one = seeds.select([seeds[0].id])
    empty = newskit.align(one)
    assert empty.empty and "a_id" in empty.columns
    assert newskit.reuse_graph(one, alignments=empty).empty
    facts = newskit.coverage(one, alignments=empty, form="long")
    assert len(facts) > 0 and (facts["n_outlets"] == 1).all()  # every sentence its own fact
