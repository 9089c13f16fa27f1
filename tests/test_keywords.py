"""Keyphrases: list quality on the seeds and on made-up text, spans, table, concordance, cache."""

from __future__ import annotations

import gc
import math
import re

import pandas as pd
import pytest

import newskit
from newskit.corpus.segment import sentence_spans
from newskit.keywords import yake_adapter
from newskit.keywords.keyphrases import (
    CONCORDANCE_COLUMNS,
    KEYWORD_COLUMNS,
    SPAN_COLUMNS,
    TABLE_COLUMNS,
)
from newskit.resources.stopwords import NOUN_ING, STOPWORDS, TIME_WORDS, VERB_FRAGMENTS

MADE_UP = {
    "fed": (
        "Federal Reserve Chair Jerome Powell warned on Tuesday that inflation remains stubborn. "
        "Federal Reserve Chair Jerome Powell said the central bank would keep interest rates "
        "high. Analysts said Powell’s remarks pushed bond yields higher.\n\n"
        "Also Read | Top 5 quotes by Sergio Gor on tariffs\n\n"
        "Markets Rally\n"
        "Investors cheered the 90-day pauses on tariffs. The 90-day pauses followed 30 percent "
        "tariffs on steel imports. Minister Ana Costa lead high-stakes negotiations tackling "
        "tariffs with European officials.\n\n"
        "Trade War Fears\n"
        "The trade war between the two countries escalated. Economists expect the trade war to "
        "slow growth, and the central bank may cut interest rates. Steel imports fell sharply.\n"
    ),
    "port": (
        "Port Authority Director Maria Lopez opened the new container terminal in Valencia. "
        "The container terminal doubles the port’s capacity.\n\n"
        "Advertisement\n\n"
        "Shipping Costs\n"
        "Shipping costs rose 12 percent this year, the Port Authority said. Container terminal "
        "workers said automation worries them. Maria Lopez said the 24-hour operations start "
        "in June. SHIPPING COSTS remain the main worry for exporters.\n"
    ),
    "quake": (
        "A powerful earthquake struck eastern Turkey early Monday, killing at least 42 people "
        "and toppling hundreds of buildings, Interior Minister Ali Yerlikaya said.\n\n"
        "The earthquake was felt as far away as Syria. Rescue teams searched the rubble in "
        "Malatya. Engineers said many buildings in Malatya were built before stricter building "
        "codes took effect. The earthquake left thousands homeless, and officials said the "
        "building codes were often ignored. Critics blamed Yerlikaya for the slow response.\n"
    ),
    "wrap": (
        "Central bankers in Frankfurt met on Monday to weigh the interest\r\n"
        "rate path. The European Central Bank kept the interest rate path unchanged,\r\n"
        "and European Central Bank officials said the interest rate path\r\n"
        "depends on inflation in the euro area.\r\n"
    ),
}


@pytest.fixture(scope="module")
def seed_keywords(seeds: newskit.Corpus) -> pd.DataFrame:
    return newskit.keywords(seeds, top=10)


@pytest.fixture
def made_up(make_corpus) -> newskit.Corpus:
    return make_corpus(MADE_UP)


def _edges(keyword: str) -> tuple[str, str]:
    words = [w.lower().replace("’", "'") for w in keyword.split()]
    return words[0], words[-1]


def check_list(corpus: newskit.Corpus, df: pd.DataFrame) -> None:
    """Every acceptance rule for a keyword list, on every article of ``corpus``."""
    assert list(df.columns) == KEYWORD_COLUMNS
    for article in corpus:
        part = df[df["article_id"] == article.id]
        assert len(part) > 0, article.id
        assert part["rank"].tolist() == list(range(1, len(part) + 1))
        assert part["score"].is_monotonic_decreasing
        keys = [k.lower() for k in part["keyword"]]
        assert len(set(keys)) == len(keys), "case duplicates"
        sets = [frozenset(k.replace("’", "'").split()) for k in keys]
        for i, a in enumerate(sets):
            for j, b in enumerate(sets):
                assert i == j or not a <= b, (keys[i], keys[j])
        sents = sentence_spans(article)
        for kw, start, end, count in part[
            ["keyword", "first_start", "first_end", "count"]
        ].itertuples(index=False):
            # words are joined by one space; a hard-wrapped occurrence may hold a line end
            assert kw in " ".join(article.text.split()), kw
            assert " ".join(article.raw[start:end].split()).lower() == kw.lower()
            assert any(s.start <= start and end <= s.end for s in sents), f"{kw} crosses"
            assert not any(r.start < end and start < r.end for r in article.removed)
            first, last = _edges(kw)
            event = re.fullmatch(r"\S+ \d{1,2} \S.*", kw)  # "Sept. 11 attacks" opens with a month
            name = all(w[:1].isupper() for w in kw.split())  # "He Lifeng": a name, "He" no stopword
            for edge in (first, last):
                assert edge not in STOPWORDS or name, kw
                assert edge not in TIME_WORDS or (edge == first and event), kw
                assert edge not in VERB_FRAGMENTS or edge in NOUN_ING or kw[0].isupper(), kw
            assert count >= 1


def test_seed_lists_meet_every_rule(seeds, seed_keywords):
    check_list(seeds, seed_keywords)
    assert (seed_keywords.groupby("article_id").size() == 10).all()


def test_made_up_lists_meet_every_rule(made_up):
    check_list(made_up, newskit.keywords(made_up, top=15))


@pytest.mark.parametrize(
    ("article", "present", "absent"),
    [
        # Whole names, without their titles, not YAKE's fragments of them.
        (
            "000_5edfcbc6f2ce9f7a",
            ["Scott Bessent", "He Lifeng"],
            [
                "Treasury Secretary Scott",
                "Secretary Scott Bessent",
                "Vice Premier",
                "Treasury Secretary Scott Bessent",
                "Bessent",
            ],
        ),
        # No verb fragment: YAKE's "Lifeng lead high-stakes".
        (
            "004_399b47718ae4d695",
            ["high-stakes negotiations"],
            ["Lifeng lead high-stakes", "lead high-stakes negotiations"],
        ),
        # Sergio Gor is only in an "Also Read" line (boilerplate).
        ("000_5edfcbc6f2ce9f7a", [], ["Sergio Gor", "Top 7 comments"]),
    ],
)
def test_seed_examples(seed_keywords, article, present, absent):
    listed = set(seed_keywords.loc[seed_keywords["article_id"] == article, "keyword"])
    for kw in present:
        assert kw in listed
    for kw in absent:
        assert kw not in listed


def test_no_boilerplate_anywhere_in_seeds(seeds):
    df = newskit.keywords(seeds, top=30)
    assert not df["keyword"].str.contains("Gor|Also Read|Reference Map|Register", regex=True).any()


@pytest.mark.parametrize(
    ("article", "present", "absent"),
    [
        (
            "fed",
            ["Jerome Powell", "trade war", "90-day pauses"],
            ["Reserve Chair Jerome", "Federal", "Sergio Gor", "Rally Investors", "Trade War"],
        ),
        ("fed", ["Ana Costa"], ["Costa lead high-stakes", "negotiations tackling"]),
        # an evaluative adjective never opens a phrase ("powerful earthquake" -> "earthquake")
        ("quake", ["earthquake", "Ali Yerlikaya"], ["powerful earthquake"]),
        ("quake", ["building codes"], ["toppling hundreds", "Yerlikaya"]),  # -ing verb
        (
            "wrap",
            ["interest rate path", "European Central Bank", "Frankfurt"],
            ["rate path depends"],
        ),
        (
            "port",
            ["Maria Lopez", "container terminal"],
            ["Port Authority Director Maria Lopez", "Director Maria", "Container Terminal"],
        ),
    ],
)
def test_made_up_examples(made_up, article, present, absent):
    df = newskit.keywords(made_up, top=15)
    listed = set(df.loc[df["article_id"] == article, "keyword"])
    for kw in present:
        assert kw in listed, (kw, sorted(listed))
    for kw in absent:
        assert kw not in listed, kw


def test_numbers_are_claims_not_keyphrases(made_up):
    df = newskit.keywords(made_up, top=40)
    listed = set(df["keyword"])
    assert "90-day pauses" in listed  # a number inside a word stays
    assert "tariffs" in listed or "steel imports" in listed
    assert not any(re.fullmatch(r"[$\d.,]+(?: \w+)?", k) for k in listed), listed  # "12 percent"
    assert not any(k.split()[-1].isdigit() for k in listed)  # no "June 24"-like tails


def test_case_variants_merge_and_count_together(made_up):
    df = newskit.keywords(made_up, top=40)
    port = df[df["article_id"] == "port"]
    row = port[port["keyword"].str.lower() == "shipping costs"]
    assert len(row) == 1
    assert row["keyword"].item() == "Shipping costs"  # body form beats heading and capitals
    assert row["count"].item() == 3  # heading, body, and "SHIPPING COSTS"


def test_score_is_monotone_transform_of_yake(seed_keywords):
    expected = [math.log10(1 + 1 / h) for h in seed_keywords["yake_score"]]
    assert seed_keywords["score"].tolist() == pytest.approx(expected)
    for _, part in seed_keywords.groupby("article_id"):
        assert part["yake_score"].is_monotonic_increasing


def test_changing_top_or_dedup_does_not_rerun_yake(seeds):
    yake_adapter.clear_cache()
    newskit.keywords(seeds, top=10)
    runs = yake_adapter.RUNS["yake"]
    newskit.keywords(seeds, top=3)
    newskit.keywords(seeds.select([seeds.ids[0]]), top=5)
    newskit.keywords(seeds, top=10, dedup_lim=0.5)
    assert yake_adapter.RUNS["yake"] == runs
    newskit.keywords(seeds, top=10, max_ngram=2)
    assert yake_adapter.RUNS["yake"] == runs + len(seeds)


def test_top_is_a_prefix_of_a_longer_list(seeds, seed_keywords):
    short = newskit.keywords(seeds, top=4)
    for aid, part in short.groupby("article_id"):
        longer = seed_keywords[seed_keywords["article_id"] == aid]
        assert part["keyword"].tolist() == longer["keyword"].tolist()[:4]


# Near-duplicate phrases, for the dedup threshold: YAKE's similarity of "steel exports" and
# "steel exporters" is 0.82, of "grain farmers" and "grain farms" 0.77.
NEAR_DUPLICATES = {
    "a": (
        "Steel exporters warned about falling steel exports on Monday. Steel exports fell as steel "
        "exporters cut output in Ohio. Steel exporters and steel exports dominate the port of "
        "Cleveland."
    ),
    "b": (
        "Grain farmers sold their grain farms in Iowa. Grain farms shrank while grain farmers "
        "protested in Des Moines. Grain farmers lost grain farms to banks."
    ),
}


def near_duplicates() -> newskit.Corpus:
    frame = pd.DataFrame(
        {"id": list(NEAR_DUPLICATES), "outlet": ["Alpha", "Beta"],
         "text": list(NEAR_DUPLICATES.values())}
    )  # fmt: skip
    return newskit.load_corpus(frame)


def test_dedup_threshold_removes_similar_phrases():
    corpus = near_duplicates()
    loose = newskit.keywords(corpus, top=10, dedup_lim=1.0)
    strict = newskit.keywords(corpus, top=10, dedup_lim=0.5)
    assert {"steel exports", "grain farms"} <= set(loose["keyword"])
    assert not {"steel exports", "grain farms"} & set(strict["keyword"])
    from newskit.keywords.keyphrases import _phrase_key

    # every pair of kept keys is at most as similar as the threshold
    for _aid, part in strict.groupby("article_id"):
        keys = [_phrase_key(k) for k in part["keyword"]]
        for i, a in enumerate(keys):
            for b in keys[i + 1 :]:
                assert yake_adapter.similarity(a, b) <= 0.3


def test_two_processes_give_the_same_list(seeds, seed_keywords):
    yake_adapter.clear_cache()
    parallel = newskit.keywords(seeds, top=10, n_jobs=2)
    pd.testing.assert_frame_equal(parallel, seed_keywords)


@pytest.mark.parametrize(
    ("kwargs", "error"),
    [
        ({"top": 0}, ValueError),
        ({"max_ngram": 0}, ValueError),
        ({"dedup_lim": 1.5}, ValueError),
        ({"colour": "red"}, TypeError),
    ],
)
def test_bad_options(seeds, kwargs, error):
    with pytest.raises(error):
        newskit.keywords(seeds, **kwargs)


# --- spans ----------------------------------------------------------------------------------


def test_spans_of_keyword_frame_map_to_raw(seeds, seed_keywords):
    spans = newskit.keyword_spans(seeds, seed_keywords)
    assert list(spans.columns) == SPAN_COLUMNS
    forms = {
        (r.article_id, r.keyword): {r.keyword.lower()} | {v.lower() for v in r.variants.split("; ")}
        for r in seed_keywords.itertuples(index=False)
    }
    for row in spans.itertuples(index=False):
        article = seeds[row.article_id]
        assert article.raw[row.start : row.end] == row.text
        assert " ".join(row.text.split()).lower() in forms[(row.article_id, row.keyword)]
        assert not any(r.start < row.end and row.start < r.end for r in article.removed)
    counts = spans.groupby(["article_id", "keyword"]).size()
    for row in seed_keywords.itertuples(index=False):
        # every mention: the keyword and the variants merged into it ("Bessent")
        assert counts[(row.article_id, row.keyword)] == row.count
        mine = spans[(spans.article_id == row.article_id) & (spans.keyword == row.keyword)]
        # the first time the keyword is written as shown, maybe inside a longer variant
        inside = (mine["start"] <= row.first_start) & (mine["end"] >= row.first_end)
        assert inside.any(), row
        assert not ((mine["text"].str.lower() == row.keyword.lower()) & (
            mine["start"] < row.first_start)).any()  # fmt: skip
    merged = seed_keywords[seed_keywords["variants"] != ""]
    assert len(merged) > 0  # some keyword stands for several forms
    for row in merged.itertuples(index=False):
        texts = set(spans.loc[(spans.article_id == row.article_id) & (spans.keyword == row.keyword),
                              "text"].str.lower())  # fmt: skip
        assert texts & {v.lower() for v in row.variants.split("; ")}, row


@pytest.mark.parametrize(
    ("phrase", "expected"),
    [
        ("tiktok", {"002_d09e47004eca7c4b": 13, "003_9f741c860b40ed27": 3}),  # possessives too
        ("US", {"000_5edfcbc6f2ce9f7a": 4}),  # capitals only: "us" would not count
        ("rare earth", {"001_9c818c48c1241c76": 1, "004_399b47718ae4d695": 2}),
        ("Sergio Gor", {"000_5edfcbc6f2ce9f7a": 0}),  # boilerplate
    ],
)
def test_spans_of_phrases(seeds, phrase, expected):
    spans = newskit.keyword_spans(seeds, [phrase])
    for aid, n in expected.items():
        part = spans[spans["article_id"] == aid]
        assert len(part) == n, (aid, part["text"].tolist())
        for row in part.itertuples(index=False):
            assert seeds[aid].raw[row.start : row.end] == row.text


def test_spans_on_made_up_text(made_up):
    spans = newskit.keyword_spans(made_up, "Maria Lopez")
    article = made_up["port"]
    assert [article.raw[s:e] for s, e in zip(spans.start, spans.end, strict=True)] == [
        "Maria Lopez",
        "Maria Lopez",
    ]
    assert newskit.keyword_spans(made_up, "Sergio Gor").empty


def test_span_errors(seeds):
    with pytest.raises(newskit.CorpusError, match="lacks columns"):
        newskit.keyword_spans(seeds, pd.DataFrame({"keyword": ["x"]}))
    with pytest.raises(newskit.CorpusError, match="not in the corpus"):
        newskit.keyword_spans(seeds, pd.DataFrame({"article_id": ["nope"], "keyword": ["x"]}))


# --- table and concordance --------------------------------------------------------------------


def test_keyword_table_on_seeds(seeds, seed_keywords):
    table = newskit.keyword_table(seeds, seed_keywords)
    assert list(table.columns) == TABLE_COLUMNS
    outlets = [a.outlet for a in seeds]
    n_keywords = table["keyword"].nunique()
    assert len(table) == n_keywords * len(outlets)
    bessent = table[table["keyword"] == "Scott Bessent"]
    assert set(bessent["n_outlets"]) == {5} and set(bessent["n_top"]) == {5}
    assert bessent["in_top"].all()
    assert table["n_top"].is_monotonic_decreasing
    assert (table["n_outlets"] >= table["n_top"]).all()
    assert (table["n_outlets"] == 1).any()  # something only one outlet uses
    for row in table.itertuples(index=False):
        assert row.in_top == (not math.isnan(row.rank))
    # counts agree with keyword_spans
    spans = newskit.keyword_spans(seeds, sorted(set(table["keyword"])))
    outlet_of = {a.id: a.outlet for a in seeds}
    spans["outlet"] = spans["article_id"].map(outlet_of)
    counted = spans.groupby(["keyword", "outlet"]).size()
    for row in table.itertuples(index=False):
        assert counted.get((row.keyword, row.outlet), 0) == row.count


def test_keyword_table_computes_keywords_when_not_given(made_up):
    table = newskit.keyword_table(made_up, top=5)
    assert set(table["outlet"]) == {
        "fed",
        "port",
        "quake",
        "wrap",
    }  # no outlet known: the article id
    assert table.groupby("outlet")["in_top"].sum().max() <= 5


def test_concordance(seeds):
    df = newskit.concordance(seeds, "rare earth")
    assert list(df.columns) == CONCORDANCE_COLUMNS
    assert df["article_id"].value_counts().to_dict() == {
        "004_399b47718ae4d695": 2,
        "001_9c818c48c1241c76": 1,
        "002_d09e47004eca7c4b": 1,
    }
    for row in df.itertuples(index=False):
        article = seeds[row.article_id]
        sent = sentence_spans(article)[row.sent_id]
        assert article.raw[row.start : row.end] == row.match
        assert row.left + row.match + row.right == article.raw[sent.start : sent.end]
    cut = newskit.concordance(seeds, "rare earth", width=10)
    assert all(len(x) <= 11 for x in cut["left"])


def test_keywords_restores_the_gc_thresholds(made_up):
    before = gc.get_threshold()
    assert len(newskit.keywords(made_up, top=3)) == 12
    assert gc.get_threshold() == before
    with pytest.raises(ValueError, match="top must be at least 1"):
        newskit.keywords(made_up, top=0)
    assert gc.get_threshold() == before


def test_full_collections_pause_until_the_last_overlapping_block_ends():
    from newskit.keywords.keyphrases import _NO_FULL, _young_collections_only

    before = gc.get_threshold()
    first, second = _young_collections_only(), _young_collections_only()
    first.__enter__()
    second.__enter__()  # another thread's keywords, begun before the first ends
    assert gc.get_threshold() == (before[0], before[1], _NO_FULL)
    first.__exit__(None, None, None)
    assert gc.get_threshold() == (before[0], before[1], _NO_FULL)
    second.__exit__(None, None, None)
    assert gc.get_threshold() == before
