"""newskit.parallel: map_articles in processes gives the one-process result, and stays quiet
under pytest; the per-article stages give the same frames with n_jobs=2."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

import newskit
from newskit import parallel
from newskit.corpus import segment
from newskit.reuse import candidates as _candidates
from newskit.stories import group as _stories_group
from newskit.stories.parts import story_parts
from newskit.synthetic import make_corpus


def _shout(text: str) -> str:
    if text == "boom":
        raise RuntimeError("boom in a worker")
    return f"{text.upper()}:{os.getpid()}"


def test_two_processes_keep_order_and_values():
    items = [f"item {i}" for i in range(50)]
    one = parallel.map_articles(_shout, items, n_jobs=1)
    two = parallel.map_articles(_shout, items, n_jobs=2)
    assert [x.split(":")[0] for x in one] == [x.split(":")[0] for x in two]
    assert [x.split(":")[0] for x in two] == [i.upper() for i in items]
    # the work really ran in other processes (at most two; a busy machine may start one late)
    pids = {x.split(":")[1] for x in two}
    assert str(os.getpid()) not in pids
    assert 1 <= len(pids) <= 2


def test_closures_work_in_forked_workers():
    offset = 7
    assert parallel.map_articles(lambda x: x + offset, list(range(20)), n_jobs=2) == [
        x + 7 for x in range(20)
    ]


def test_an_error_in_a_worker_is_raised_here():
    with pytest.raises(RuntimeError, match="boom in a worker"):
        parallel.map_articles(_shout, ["a"] * 10 + ["boom"] + ["b"] * 10, n_jobs=2)


def test_few_items_and_empty_input_stay_in_this_process():
    assert parallel.map_articles(_shout, [], n_jobs=2) == []
    (only,) = parallel.map_articles(_shout, ["x"], n_jobs=2)
    assert only == f"X:{os.getpid()}"


@pytest.mark.parametrize(
    ("env", "arg", "expected"),
    [
        ({"NEWSKIT_PROGRESS": "0"}, None, False),
        ({"NEWSKIT_PROGRESS": "1"}, None, True),
        ({}, None, False),  # under pytest
        ({"NEWSKIT_PROGRESS": "1"}, False, False),
        ({"NEWSKIT_PROGRESS": "0"}, True, True),
    ],
)
def test_progress_setting(monkeypatch, env, arg, expected):
    monkeypatch.delenv("NEWSKIT_PROGRESS", raising=False)
    for k, v in env.items():
        monkeypatch.setenv(k, v)
    assert parallel.progress_enabled(arg) is expected


def test_progress_bars_are_quiet_under_pytest(capfd, monkeypatch):
    monkeypatch.setattr(parallel, "PROGRESS_DELAY", 0.0)
    parallel.map_articles(_shout, [str(i) for i in range(30)], n_jobs=2, desc="quiet")
    newskit.tokens(newskit.load_corpus())
    out, err = capfd.readouterr()
    assert "quiet" not in out + err
    assert "%|" not in out + err


def test_progress_bar_shows_in_a_terminal_run(tmp_path: Path):
    """Outside pytest (a plain script), a long stage draws a tqdm bar on stderr."""
    script = tmp_path / "run.py"
    script.write_text(
        "import time\n"
        "from newskit import parallel\n"
        "parallel.PROGRESS_DELAY = 0.0\n"
        "parallel.map_articles(time.sleep, [0.01] * 20, desc='sleeping')\n"
    )
    env = {k: v for k, v in os.environ.items() if k != "PYTEST_CURRENT_TEST"}
    env.pop("NEWSKIT_PROGRESS", None)
    done = subprocess.run(
        [sys.executable, str(script)], capture_output=True, text=True, env=env, check=True
    )
    assert "sleeping:" in done.stderr
    assert "/20 [" in done.stderr  # tqdm's "n/total [elapsed" counter
    # a notebook kernel started by nbval inherits PYTEST_CURRENT_TEST: no bar there
    env["PYTEST_CURRENT_TEST"] = "notebooks/00_corpus.ipynb::Cell 3 (call)"
    quiet = subprocess.run(
        [sys.executable, str(script)], capture_output=True, text=True, env=env, check=True
    )
    assert "sleeping" not in quiet.stderr


def test_a_batch_larger_than_the_yake_cache_runs_yake_once_per_text(monkeypatch):
    from newskit.keywords import yake_adapter

    monkeypatch.setattr(yake_adapter, "CACHE_SIZE", 3)
    yake_adapter.clear_cache()
    texts = [
        f"Harbour pilots in Velmora counted {k} ferries and {k + 2} tugboats." for k in range(8)
    ]
    runs = yake_adapter.RUNS["yake"]
    scores = yake_adapter.ngram_scores_many(texts)
    assert yake_adapter.RUNS["yake"] == runs + 8
    assert len(yake_adapter._CACHE) == 3
    assert scores[0] == yake_adapter.ngram_scores(texts[0])  # recomputed after eviction, same
    assert "harbour pilots" in scores[0]


def test_a_daemon_process_maps_in_itself(monkeypatch):
    """Daemonic processes (Dask's worker processes) may not start children: map in place."""

    class Daemon:
        daemon = True

    monkeypatch.setattr(parallel.multiprocessing, "current_process", lambda: Daemon())
    out = parallel.map_articles(_shout, [str(i) for i in range(20)], n_jobs=2)
    assert {x.split(":")[1] for x in out} == {str(os.getpid())}


@pytest.mark.parametrize(
    ("n_jobs", "n_items", "jobs"), [(2, 3, 1), (2, 4, 2), (3, 100, 3), (1, 100, 1), (4, 0, 1)]
)
def test_effective_jobs_is_one_per_min_per_worker_items_at_most(n_jobs, n_items, jobs):
    assert parallel.MIN_PER_WORKER == 2
    assert parallel.effective_jobs(n_jobs, n_items) == jobs


def test_effective_jobs_is_one_in_a_daemon_and_every_core_for_minus_one(monkeypatch):
    monkeypatch.setattr(parallel.os, "cpu_count", lambda: 6)
    assert parallel.effective_jobs(-1, 100) == 6

    class Daemon:
        daemon = True

    monkeypatch.setattr(parallel.multiprocessing, "current_process", lambda: Daemon())
    assert parallel.effective_jobs(-1, 100) == 1


def test_chunked_shares_items_among_the_jobs_in_order():
    items = list(range(10))
    assert parallel.chunked(items, 2) == [[0, 1], [2, 3], [4, 5], [6, 7], [8, 9]]
    assert parallel.chunked(items, 1) == [[0, 1, 2], [3, 4, 5], [6, 7, 8], [9]]
    assert parallel.chunked(items, 2, most=1) == [[k] for k in items]
    assert parallel.chunked([], 2) == []


def test_resolve_jobs():
    assert parallel.resolve_jobs(3) == 3
    assert parallel.resolve_jobs(-1) == (os.cpu_count() or 1)


def _copies(seeds: newskit.Corpus, n: int) -> pd.DataFrame:
    """A made-up corpus: each seed ``n`` times with a distinct closing sentence."""
    rows = [
        {"id": f"{a.id}-{k}", "outlet": a.outlet, "text": a.raw + f"\n\nFollow-up number {k} ran."}
        for k in range(n)
        for a in seeds
    ]
    return pd.DataFrame(rows)


def test_stages_with_two_jobs_equal_one(seeds):
    frame = _copies(seeds, 6)
    one = newskit.load_corpus(frame)
    two = newskit.load_corpus(frame, n_jobs=2)
    assert list(one) == list(two)
    assert one.frame().equals(two.frame())
    segment._sentence_spans.cache_clear()
    segment._token_table.cache_clear()
    pd.testing.assert_frame_equal(newskit.tokens(one), newskit.tokens(two, n_jobs=2))
    pd.testing.assert_frame_equal(newskit.sentences(one), newskit.sentences(two, n_jobs=2))


def test_sentences_with_two_jobs_keep_the_workers_spans_here(seeds):
    corpus = newskit.load_corpus(_copies(seeds, 6))
    segment._sentence_spans.cache_clear()
    newskit.sentences(corpus, n_jobs=2)  # split in two forked workers
    info = segment._sentence_spans.cache_info()
    assert info.currsize == len(corpus) == 30
    kept = [segment.sentence_spans(a) for a in corpus]
    assert segment._sentence_spans.cache_info().hits == info.hits + 30  # none split again
    assert not segment._FROM_WORKERS
    segment._sentence_spans.cache_clear()
    assert kept == [segment.sentence_spans(a) for a in corpus]
    assert sum(map(len, kept)) > 30 and any(s.is_heading for spans in kept for s in spans)


def test_numeric_claims_with_two_jobs_equal_one():
    corpus = newskit.load_corpus(make_corpus(8, 3, seed=4))
    one = newskit.numeric_claims(corpus)
    two = newskit.numeric_claims(corpus, n_jobs=2)
    assert len(one) > 100 and one["story_id"].notna().all()
    pd.testing.assert_frame_equal(one, two)


def test_stories_with_two_jobs_equal_one():
    frame = make_corpus(12, 4, seed=5)
    corpus = newskit.load_corpus(frame.drop(columns=["story"]))
    _stories_group._similar_pairs.cache_clear()
    one = newskit.stories(corpus)
    _stories_group._similar_pairs.cache_clear()
    two = newskit.stories(corpus, n_jobs=2)
    assert one["story_id"].nunique() == 12
    pd.testing.assert_frame_equal(one, two)
    assert one.attrs == two.attrs


def test_story_parts_hold_whole_stories_in_corpus_order_balanced_by_pairs():
    frame = pd.DataFrame({"id": [f"a{k}" for k in range(12)], "text": ["Some words."] * 12})
    articles = list(newskit.load_corpus(frame))
    # one story of 6 articles (15 pairs), two of 3 (3 pairs each), none for the last 0
    story = {a.id: "big" if k < 6 else ("s1" if k < 9 else "s2") for k, a in enumerate(articles)}
    parts = story_parts(articles, story, 2)
    ids = [[a.id for a in part] for part in parts]
    assert ids == [["a0", "a1", "a2", "a3", "a4", "a5"], ["a6", "a7", "a8", "a9", "a10", "a11"]]
    assert story_parts(articles, story, 10) == [articles[:6], articles[6:9], articles[9:]]
    assert story_parts(articles, {a.id: "one" for a in articles}, 4) == [articles]


def test_candidate_pairs_with_two_jobs_equal_one():
    frame = make_corpus(10, 4, seed=6)
    corpus = newskit.load_corpus(frame.drop(columns=["story"]))
    truth = dict(zip(frame["id"], frame["story"], strict=True))
    one = newskit.candidate_pairs(corpus, stories=truth)
    _candidates._RECENT.clear()  # else the second call is answered from the first
    two = newskit.candidate_pairs(corpus, stories=truth, n_jobs=2)
    assert len(one) > 20 and {truth[x] for x in one["a_id"]} == set(truth.values())
    pd.testing.assert_frame_equal(one, two)


def test_align_with_two_jobs_equals_one():
    frame = make_corpus(8, 4, seed=7)
    corpus = newskit.load_corpus(frame.drop(columns=["story"]))
    truth = dict(zip(frame["id"], frame["story"], strict=True))
    one = newskit.align(corpus, stories=truth)
    two = newskit.align(corpus, stories=truth, n_jobs=2)
    assert len(one) > 50 and set(one["kind"]) >= {"verbatim", "paraphrase"}
    pd.testing.assert_frame_equal(one, two)


def test_keywords_and_own_names_with_two_jobs_equal_one():
    from newskit.keywords import yake_adapter
    from newskit.keywords.keyphrases import own_names

    frame = make_corpus(6, 4, seed=8).drop(columns=["story"])
    # outlets that name themselves in their own articles, as papers do
    frame["text"] = [
        f"{text}\n\nThe mayor told the {outlet} on Friday that more would follow."
        for text, outlet in zip(frame["text"], frame["outlet"].fillna("Nobody"), strict=True)
    ]
    corpus = newskit.load_corpus(frame)
    names = own_names(corpus)
    assert len(names) >= 3
    assert own_names(corpus, n_jobs=2) == names
    yake_adapter.clear_cache()
    one = newskit.keywords(corpus)
    yake_adapter.clear_cache()
    two = newskit.keywords(corpus, n_jobs=2)
    assert len(one) == 10 * len(corpus)
    pd.testing.assert_frame_equal(one, two)
    # the names matter here: two jobs pick these outlets' articles again once they are known
    blind = newskit.keywords(corpus, own_names={})
    assert not blind.equals(one)
    pd.testing.assert_frame_equal(blind, newskit.keywords(corpus, own_names={}, n_jobs=2))


def test_keywords_with_two_jobs_score_long_articles_in_pieces_like_one(monkeypatch):
    from newskit.keywords import keyphrases, yake_adapter

    frame = make_corpus(3, 4, seed=3, length="real").drop(columns=["story"])
    corpus = newskit.load_corpus(frame)
    monkeypatch.setattr(keyphrases, "YAKE_CHUNK_CHARS", 1500)  # forked workers inherit it
    cut = [a.id for a in corpus if len(keyphrases._yake_chunks(keyphrases._yake_text(a))) > 1]
    assert len(cut) >= 6
    yake_adapter.clear_cache()
    one = newskit.keywords(corpus, top=10**6)
    yake_adapter.clear_cache()
    two = newskit.keywords(corpus, top=10**6, n_jobs=2)
    assert set(two["article_id"]) >= set(cut)
    pd.testing.assert_frame_equal(one, two)


def test_keywords_workers_read_the_yake_cache_and_leave_it_as_it_was(monkeypatch):
    """With two jobs, workers use the scores this process cached and send none back."""
    from newskit.keywords import keyphrases, yake_adapter

    corpus = newskit.load_corpus(make_corpus(3, 4, seed=9).drop(columns=["story"]))
    yake_adapter.clear_cache()
    two = newskit.keywords(corpus, n_jobs=2)
    assert len(yake_adapter._CACHE) == 0  # scored in the workers, kept there
    one = newskit.keywords(corpus)
    cached = dict(yake_adapter._CACHE)
    assert len(cached) == len({keyphrases._yake_text(a) for a in corpus}) > 6

    def no_yake(*args, **kwargs):
        raise AssertionError("YAKE ran for a cached text")

    monkeypatch.setattr(yake_adapter, "_run", no_yake)  # forked workers inherit it
    again = newskit.keywords(corpus, n_jobs=2, top=5)
    assert dict(yake_adapter._CACHE) == cached
    pd.testing.assert_frame_equal(one, two)
    pd.testing.assert_frame_equal(again, one[one["rank"] <= 5].reset_index(drop=True))


def test_load_with_two_jobs_reports_bad_rows_like_one():
    frame = pd.DataFrame({"id": [f"a{i}" for i in range(12)], "text": ["Some words here."] * 12})
    frame.loc[5, "text"] = "Advertisement"  # nothing left after the boilerplate rules
    one = newskit.load_corpus(frame, errors="skip")
    two = newskit.load_corpus(frame, errors="skip", n_jobs=2)
    assert one.ids == two.ids
    pd.testing.assert_frame_equal(one.skipped, two.skipped)
    with pytest.raises(newskit.ArticleError, match="row 6: nothing is left"):
        newskit.load_corpus(frame, n_jobs=2)


def test_tokens_frame_holds_no_python_strings(seeds):
    toks = newskit.tokens(seeds)
    assert isinstance(toks["article_id"].dtype, pd.CategoricalDtype)
    assert list(toks["article_id"].cat.categories) == seeds.ids
    for col in ("text", "norm"):
        assert toks[col].dtype != object
        assert "pyarrow" in str(toks[col].array.dtype.storage)
    assert {str(toks[c].dtype) for c in ("sent_id", "tok_id", "start", "end")} == {"int32"}
    row = toks.iloc[123]
    assert seeds[row.article_id].raw[row.start : row.end] == row.text
