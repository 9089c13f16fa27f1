"""Distinctive terms: the Monroe et al. (2008) log-odds pinned by hand, groups, seeds."""

from __future__ import annotations

import math

import pytest

import newskit
from newskit.keywords.distinctive import DISTINCTIVE_COLUMNS
from newskit.resources.stopwords import STOPWORDS

FRUIT_META = "file,outlet\nA.txt,Alpha\nB.txt,Beta\n"


@pytest.fixture
def fruit(make_corpus) -> newskit.Corpus:
    # Alpha uses apple 2, banana 1 (n = 3); Beta banana 1, cherry 1 (n = 2). Corpus n = 5.
    return make_corpus({"A": "Apple apple banana.", "B": "Banana cherry."}, metadata=FRUIT_META)


def test_hand_computed_example(fruit):
    # prior α0 = 5 (the corpus size), so α_w is the corpus count: apple 2, banana 2, cherry 1.
    # Alpha vs Beta, apple (y_i = 2, y_j = 0, α = 2):
    #   δ = ln((2+2)/(3+5-2-2)) - ln((0+2)/(2+5-0-2)) = ln(4/4) - ln(2/5) = 0.916291
    #   σ² = 1/(2+2) + 1/(0+2) = 0.75, z = 0.916291 / 0.866025 = 1.058041
    # Alpha vs Beta, banana (y_i = 1, y_j = 1, α = 2):
    #   δ = ln(3/(3+5-1-2)) - ln(3/(2+5-1-2)) = ln(0.6) - ln(0.75) = -0.223144
    #   σ² = 1/3 + 1/3, z = -0.223144 / 0.816497 = -0.273293
    # Beta vs Alpha, cherry (y_i = 1, y_j = 0, α = 1):
    #   δ = ln(2/(2+5-1-1)) - ln(1/(3+5-0-1)) = ln(2/5) - ln(1/7) = 1.029619
    #   σ² = 1/2 + 1/1 = 1.5, z = 1.029619 / 1.224745 = 0.840681
    df = newskit.distinctive_terms(fruit, ngram=(1, 1))
    assert list(df.columns) == DISTINCTIVE_COLUMNS
    got = {(r.group, r.term): r for r in df.itertuples(index=False)}
    expected = {
        ("Alpha", "apple"): (0.916291, 1.058041, 2, 0),
        ("Alpha", "banana"): (-0.223144, -0.273293, 1, 1),
        ("Beta", "banana"): (0.223144, 0.273293, 1, 1),
        ("Beta", "cherry"): (1.029619, 0.840681, 1, 0),
    }
    assert set(got) == set(expected)
    for key, (delta, z, n_in, n_out) in expected.items():
        row = got[key]
        assert row.log_odds == pytest.approx(delta, abs=1e-6)
        assert row.z == pytest.approx(z, abs=2e-6)
        assert (row.count_in, row.count_out) == (n_in, n_out)
    assert df["group"].tolist() == ["Alpha", "Alpha", "Beta", "Beta"]  # corpus order, z desc


def test_prior_strength_changes_the_result(fruit):
    weak = newskit.distinctive_terms(fruit, ngram=(1, 1), prior=0.5)
    apple = weak[(weak.group == "Alpha") & (weak.term == "apple")].iloc[0]
    # α = 0.5 · 2/5 = 0.2, α0 = 0.5
    delta = math.log(2.2 / (3 + 0.5 - 2.2)) - math.log(0.2 / (2 + 0.5 - 0.2))
    assert apple.log_odds == pytest.approx(delta)
    assert apple.z == pytest.approx(delta / math.sqrt(1 / 2.2 + 1 / 0.2))


def test_two_groups_are_mirror_images(seeds):
    two = seeds.select(["003_9f741c860b40ed27", "004_399b47718ae4d695"])
    df = newskit.distinctive_terms(two)
    df = df[df["kind"] == "content"]  # a spelling may be a style term too ("fbi")
    ap = df[df.group == "AP"].set_index("term")
    k24 = df[df.group == "Kurdistan24"].set_index("term")
    shared = ap.index.intersection(k24.index)
    assert len(shared) > 10
    for term in shared:
        assert ap.loc[term, "z"] == pytest.approx(-k24.loc[term, "z"])


def test_any_number_of_groups(make_corpus):
    texts = {
        "a": "Tariffs on steel rose. Steel mills closed.",
        "b": "Tariffs on grain fell. Grain farmers cheered.",
        "c": "Tariffs on chips held. Chips makers waited.",
    }
    corpus = make_corpus(texts)
    df = newskit.distinctive_terms(corpus, by="article")
    assert df["group"].unique().tolist() == ["a", "b", "c"]
    for group, word in [("a", "steel"), ("b", "grain"), ("c", "chips")]:
        top = df[df.group == group].iloc[0]
        assert top.term == word and top.z > 0 and top.count_out == 0
    tariffs = df[df.term == "tariffs"]
    assert len(tariffs) == 3 and (tariffs["z"].abs() < 0.5).all()


def test_grouping_by_mapping_and_function(seeds):
    wires = {"003_9f741c860b40ed27", "000_5edfcbc6f2ce9f7a"}
    mapping = {a.id: ("wire" if a.id in wires else "other") for a in seeds}
    by_map = newskit.distinctive_terms(seeds, mapping)
    by_fn = newskit.distinctive_terms(seeds, lambda a: "wire" if a.id in wires else "other")
    assert by_map.equals(by_fn)
    assert set(by_map["group"]) == {"wire", "other"}
    with pytest.raises(newskit.CorpusError, match="no entry"):
        newskit.distinctive_terms(seeds, {seeds.ids[0]: "x"})


def test_one_group_is_an_error(seeds):
    with pytest.raises(newskit.CorpusError, match="at least two groups"):
        newskit.distinctive_terms(seeds.select([seeds.ids[0]]))


@pytest.mark.parametrize("ngram", [(0, 1), (2, 1)])
def test_bad_ngram(seeds, ngram):
    with pytest.raises(ValueError):
        newskit.distinctive_terms(seeds, ngram=ngram)


def test_terms_have_no_stopword_edges_and_stay_in_sentences(seeds):
    df = newskit.distinctive_terms(seeds, ngram=(1, 3))
    for term in df.loc[df["kind"] == "content", "term"]:
        words = term.split()
        assert words[0] not in STOPWORDS and words[-1] not in STOPWORDS, term
        assert any(c.isalpha() for c in words[0] + words[-1])
    # "Advertisement" and the reference map are boilerplate; "Bessent. The" would cross
    assert not df["term"].isin(["advertisement", "reference map", "paragraph"]).any()
    for _, part in df.groupby(["group", "kind"], sort=False):
        assert part["z"].is_monotonic_decreasing  # within content terms, within style terms


@pytest.mark.parametrize(
    ("outlet", "particular"),
    [
        ("Noah Wire Services", ["nato", "pedro sanchez", "defence spending"]),
        ("Kurdistan24", ["semiconductor sector", "investigations", "earth exports"]),
        ("AP", ["chinese counterparts"]),
    ],
)
def test_seed_outlets_get_their_own_terms(seeds, outlet, particular):
    df = newskit.distinctive_terms(seeds)
    part = df[df.group == outlet].set_index("term")
    for term in particular:
        assert term in part.index, term
        assert part.loc[term, "count_out"] == 0 and part.loc[term, "z"] > 0, term


@pytest.mark.parametrize(
    ("outlet", "top_terms"),
    [
        ("Noah Wire Services", {"spain", "defence", "diplomatic engagements"}),
        ("Kurdistan24", {"technology", "disputes", "united states"}),
        ("Newslooks", {"tiktok ownership", "u.s.-china"}),
    ],
)
def test_seed_outlets_top_terms(seeds, outlet, top_terms):
    df = newskit.distinctive_terms(seeds)
    head = set(df[df.group == outlet].head(15)["term"])
    assert top_terms <= head, head


STYLE = {
    "a": (
        "Mr. Alvarez said the dam will open at 9 a.m. Ms. Pelosi said the dam is safe. "
        "Ms. Pelosi toured the dam. The Daily Clarion asked Mr. Alvarez about the dam."
    ),
    "b": "Engineers inspected the spillway. The spillway cracked and the reservoir fell.",
}


def style_corpus(make_corpus):
    meta = "file,outlet\na.txt,Daily Clarion\nb.txt,Valley Post\n"
    return make_corpus(STYLE, metadata=meta)


def test_style_terms_are_separated(make_corpus) -> None:
    c = style_corpus(make_corpus)
    df = newskit.distinctive_terms(c)  # style="separate"
    a = df[df["group"] == "Daily Clarion"]
    kinds = list(a["kind"])
    assert kinds == sorted(kinds)  # "content" rows first, then "style"
    style = set(a.loc[a["kind"] == "style", "term"])
    assert {"mr. alvarez", "ms. pelosi", "ms.", "mr.", "daily clarion"} <= style
    assert not {"clarion", "daily clarion", "daily", "ms.", "ms. pelosi"} & set(
        a.loc[a["kind"] == "content", "term"]
    )  # the outlet's own name and courtesy titles are no content
    assert "dam" in set(a.loc[a["kind"] == "content", "term"])
    assert a["term"].iloc[0] == "dam"
    assert a.loc[a["kind"] == "content", "z"].is_monotonic_decreasing


def test_style_include_and_only(make_corpus) -> None:
    c = style_corpus(make_corpus)
    both = newskit.distinctive_terms(c, style="include")
    only = newskit.distinctive_terms(c, style="only")
    sep = newskit.distinctive_terms(c)
    assert set(only["kind"]) == {"style"}
    assert len(both) == len(sep)
    assert set(map(tuple, both[["group", "term"]].to_numpy())) == set(
        map(tuple, sep[["group", "term"]].to_numpy())
    )
    for _, part in both.groupby("group", sort=False):
        assert part["z"].is_monotonic_decreasing
    with pytest.raises(ValueError, match="style"):
        newskit.distinctive_terms(c, style="hide")


def test_a_kind_with_one_term_has_no_difference(make_corpus):
    # one style word in the whole corpus: its log-odds cannot be compared, so they are 0
    meta = "file,outlet\na.txt,Alpha\nb.txt,Beta\n"
    corpus = make_corpus({"a": "Mr. Lee fixed the dam.", "b": "The dam broke."}, metadata=meta)
    only = newskit.distinctive_terms(corpus, style="only", ngram=(1, 1))
    assert only["term"].tolist() == ["mr."]
    assert only[["log_odds", "z"]].to_numpy().tolist() == [[0.0, 0.0]]
