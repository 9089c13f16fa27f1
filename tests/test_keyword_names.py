"""Names and spellings (``newskit.keywords.names``), and what keyphrases and distinctive terms
do with them: one keyphrase per entity, spelling variants counted as one term, outlets' own
names learned from the corpus."""

from __future__ import annotations

import gc
import re
from collections import Counter

import pandas as pd
import pytest

import newskit
from newskit.keywords.distinctive import (
    context_counts,
    distinctive_frame,
    distinctive_rows,
    finish_context,
    name_counts,
    term_context,
    term_counts,
)
from newskit.keywords.keyphrases import own_name_counts, own_names, own_names_of
from newskit.keywords.names import (
    _run_names,
    acronym_key,
    is_role,
    outlet_identities,
    outlet_leads,
    outlet_names,
    person_start,
    spells,
    title_key,
)
from newskit.resources.names import TITLE_VARIANTS


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("F.B.I.", "fbi"),
        ("FBI", "fbi"),
        ("U.S.", "u.s."),  # "us" is a word: the dotted form is the key
        ("US", "u.s."),
        ("NATO", "nato"),
        ("Nato", None),
        ("SHIPPING", None),  # shouting, not an acronym
        ("fbi", None),
    ],
)
def test_acronym_key(text, key):
    assert acronym_key(text) == key


@pytest.mark.parametrize(("abbr", "spelled"), sorted(TITLE_VARIANTS.items()))
def test_every_title_variant_is_spelled_out(abbr, spelled):
    assert title_key(abbr + ".") == spelled
    assert title_key(spelled) == spelled


@pytest.mark.parametrize(
    ("word", "role"),
    [("sen.", True), ("senator", True), ("mr", True), ("quarterback", True), ("pope", False),
     ("farenthold", False), ("st.", False)],
)  # fmt: skip
def test_is_role(word, role):
    assert is_role(word) is role


@pytest.mark.parametrize(
    ("run", "name"),
    [
        ("Texas Rep. Blake Farenthold", "Blake Farenthold"),
        ("Secretary of State Marco A. Rubio", "Marco A. Rubio"),
        ("Minister of Foreign Affairs Wang Yi", "Wang Yi"),
        ("Chinese Vice Premier He Lifeng", "He Lifeng"),
        ("President George W. Bush", "George W. Bush"),
        ("Pope Francis", "Pope Francis"),
        ("Vice Premier", ""),
    ],
)
def test_person_start(run, name):
    words = run.split()
    keys = [w.lower() for w in words]
    initials = [bool(re.fullmatch(r"[A-Z]\.", w)) for w in words]
    assert " ".join(words[person_start(keys, initials) :]) == name


@pytest.mark.parametrize(
    ("identity", "written", "exact", "abbrev"),
    [
        ("hpo", "HuffPost", False, True),
        ("hpo", "Huffington Post", False, True),
        ("huffingtonpost", "Huffington Post", True, True),
        ("nyt", "The New York Times", False, True),
        ("nyt", "New York City", False, False),
        ("fox", "Fox News", False, True),
        ("fox", "Fort Knox", False, False),
        ("washingtonpost", "Washington", False, False),
        ("cnn", "CNN", True, True),
    ],
)
def test_spells(identity, written, exact, abbrev):
    assert spells(identity, written.split()) == (exact, abbrev)


def test_spells_leaves_no_cyclic_garbage():
    # keywords runs without full collections: what it calls per article must free itself. The
    # collector keeps what it finds (DEBUG_SAVEALL), and none of it may come from spells: other
    # threads of the test session may leave garbage of their own meanwhile.
    spells("nyt", ["The", "New", "York", "Times"])  # warm: caches and compiled patterns
    gc.collect()
    gc.disable()
    gc.set_debug(gc.DEBUG_SAVEALL)
    try:
        for _ in range(20):
            assert spells("nyt", ["The", "New", "York", "Times"]) == (False, True)
        gc.collect()
        ours = [
            o
            for o in gc.garbage
            if getattr(o, "__module__", None) == spells.__module__
            or getattr(getattr(o, "f_code", None), "co_filename", "").endswith("names.py")
        ]
        assert ours == []
    finally:
        gc.set_debug(0)
        gc.garbage.clear()
        gc.enable()


def test_outlet_identities_from_code_domain_and_url():
    frame = pd.DataFrame(
        {
            "id": ["a", "b"],
            "outlet": ["hpo", "www.thesun.co.uk"],
            "url": ["https://www.huffingtonpost.com/entry/x", None],
            "text": ["Some text here.", "Other text here."],
        }
    )
    a, b = newskit.load_corpus(frame)
    assert {"hpo", "huffingtonpost"} <= outlet_identities(a)
    assert {"thesun", "sun"} <= outlet_identities(b)


def _runs(outlet: str, texts: list[str]):
    ids = frozenset({outlet})
    for text in texts:
        yield outlet, ids, [tuple(m.split()) for m in re.findall(r"[A-Z]\w+(?: [A-Z]\w+)*", text)]


def test_outlet_names_need_their_own_articles_to_use_them():
    hpo = ["HuffPost asked Trump.", "Trump told HuffPost.", "Harry Potter fans met.", "Rain fell."]
    fox = ["Fox News reported it.", "Trump spoke.", "Rain fell.", "He told Fox News so."]
    nyt = ["Trump spoke to The New York Times.", "Congress met.", "The New York Times asked."]
    runs = [*_runs("hpo", hpo), *_runs("fox", fox), *_runs("nyt", nyt)]
    names = outlet_names(runs)
    assert ("huffpost",) in names["hpo"]
    assert ("harry", "potter") not in names["hpo"]  # spells "hpo", but in one article only
    assert ("fox", "news") in names["fox"]
    assert ("new", "york", "times") in names["nyt"] and ("the", "times") in names["nyt"]
    assert ("trump",) not in names.get("hpo", ())


# --- keyphrases: one per entity -----------------------------------------------------------------

ENTITY_TEXTS = {
    "farenthold": (
        "WASHINGTON ― Representative Blake Farenthold resigned on Friday. Texas Rep. Blake "
        "Farenthold faced an ethics inquiry over a harassment settlement. Farenthold said the "
        "harassment settlement was paid with public money. The ethics inquiry will end. "
        "Tea Party supporters cheered, Tea Party leaders were silent and the Greater Phoenix Tea "
        "Party said nothing. A talented Deputy Secretary spoke. Farenthold repaid $84,000, about "
        "10 percent of the total.\n"
    ),
    "raib": (
        "LONDON — The Rail Accident Investigation Branch (RAIB) said the tram was speeding. "
        "RAIB inspectors examined the tram track near the bend. The tram derailed at the bend, "
        "and the RAIB report blamed speed. Croydon tram passengers were hurt.\n"
    ),
    "colts": (
        "Colts Rally Past Chiefs Behind Andrew Luck!\n"
        "In the fourth quarter Luck hit Wayne for the winning touchdown. Reggie Wayne caught "
        "nine passes. The Colts beat Chiefs fans into silence. North Korean threats worried "
        "nobody, the North Korean regime said, and North Korean media agreed.\n"
    ),
}


@pytest.fixture(scope="module")
def entity_keywords() -> pd.DataFrame:
    frame = pd.DataFrame({"id": list(ENTITY_TEXTS), "text": list(ENTITY_TEXTS.values())})
    corpus = newskit.load_corpus(frame)
    return newskit.keywords(corpus, top=10)


def _listed(kw: pd.DataFrame, aid: str) -> list[str]:
    return list(kw.loc[kw["article_id"] == aid, "keyword"])


def test_one_entry_per_person_fullest_name_counts_added(entity_keywords):
    listed = _listed(entity_keywords, "farenthold")
    assert "Blake Farenthold" in listed
    assert not any("Farenthold" in k for k in listed if k != "Blake Farenthold"), listed
    row = entity_keywords[entity_keywords["keyword"] == "Blake Farenthold"].iloc[0]
    assert row["count"] == 4  # two titled forms and two bare surnames
    assert set(row["variants"].split("; ")) == {
        "Farenthold",
        "Representative Blake Farenthold",
        "Texas Rep. Blake Farenthold",
    }


def test_phrases_built_on_one_name_are_that_name(entity_keywords):
    listed = _listed(entity_keywords, "farenthold")
    party = [k for k in listed if "Tea Party" in k]
    assert party == ["Tea Party"], listed


def test_no_numbers_datelines_or_judging_adjectives(entity_keywords):
    for aid in ENTITY_TEXTS:
        listed = _listed(entity_keywords, aid)
        assert not any(re.search(r"\d", k) for k in listed), listed
        assert not any(k.upper() in ("WASHINGTON", "LONDON") for k in listed), listed
        assert not any(k.split()[0].lower() == "talented" for k in listed), listed
        assert "Deputy Secretary" not in listed  # a title without a name


def test_no_clause_of_two_names_and_a_verb(entity_keywords):
    listed = _listed(entity_keywords, "colts")
    # "Luck hit Wayne", "Colts beat Chiefs": a headline's clause; the names are found alone
    assert not any(re.search(r"\b(?:hit|beat)\b", k) for k in listed), listed
    assert "Reggie Wayne" in listed, listed


def test_a_title_case_line_is_a_headline(entity_keywords):
    listed = _listed(entity_keywords, "colts")
    # capitalised only because the line is a title: "Rally", "Past" are no name words
    assert not any(re.search(r"\b(?:Rally|Past|Behind)\b", k) for k in listed), listed


def test_phrases_built_on_one_demonym_name_are_one_entry(entity_keywords):
    listed = _listed(entity_keywords, "colts")
    korean = [k for k in listed if k.startswith("North Korean")]
    assert len(korean) == 1, listed
    row = entity_keywords[entity_keywords["keyword"] == korean[0]].iloc[0]
    assert row["count"] == 3 and len(row["variants"].split("; ")) == 2


def test_an_acronym_joins_the_name_it_spells(entity_keywords):
    listed = _listed(entity_keywords, "raib")
    assert "Rail Accident Investigation Branch" in listed, listed
    assert not any(k.startswith("RAIB") for k in listed), listed


def test_outlet_own_name_is_no_keyphrase():
    texts = [
        "HuffPost reported that the senator voted against the asylum bill. The asylum bill "
        "passed. HuffPost asked the senator why.",
        "The asylum bill passed the Senate. Critics of the asylum bill told HuffPost it was cruel.",
        "Farmers protested the drought plan. HuffPost readers asked about the drought plan.",
    ]
    frame = pd.DataFrame(
        {"id": ["h1", "h2", "h3", "f1"], "outlet": ["hpo", "hpo", "hpo", "fox"],
         "text": [*texts, "Farmers protested the drought plan in Ohio. The plan failed."]}
    )  # fmt: skip
    kw = newskit.keywords(newskit.load_corpus(frame), top=10)
    hpo = kw[kw["outlet"] == "hpo"]
    assert not hpo["keyword"].str.contains("HuffPost").any(), list(hpo["keyword"])
    assert hpo["keyword"].str.lower().isin(["asylum bill", "drought plan"]).any()


# --- distinctive terms: content, not house style ------------------------------------------------

STYLE_TEXTS = {
    "n1": (
        "Sen. Ted Cruz spoke to the F.B.I. about asylum. Mr. Cruz told The New York Times the "
        "F.B.I. must act on asylum. President Donald J. Trump agreed with Mr. Cruz on asylum. "
        "Mr. Trump spoke."
    ),
    "n2": (
        "Senator Ted Cruz met the F.B.I. on asylum claims. Mr. Cruz told The New York Times the "
        "asylum backlog is long. Mr. Trump said so too."
    ),
    "h1": (
        "Senator Ted Cruz attacked the FBI over nuclear talks. Cruz told HuffPost the nuclear "
        "talks failed. President Donald Trump disagreed with Cruz about nuclear talks."
    ),
    "h2": (
        "Ted Cruz said the FBI erred on nuclear talks. Donald Trump backed the nuclear talks, "
        "HuffPost reported. Trump spoke again."
    ),
}


@pytest.fixture(scope="module")
def style_corpus() -> newskit.Corpus:
    frame = pd.DataFrame(
        {"id": list(STYLE_TEXTS), "outlet": ["nyt", "nyt", "hpo", "hpo"],
         "text": list(STYLE_TEXTS.values())}
    )  # fmt: skip
    return newskit.load_corpus(frame)


def test_outlet_codes_are_display_names(style_corpus):
    # "nyt" is a well-known outlet's code: its articles are "The New York Times"'s
    assert [a.outlet for a in style_corpus] == ["The New York Times"] * 2 + ["hpo"] * 2


def test_variants_count_as_one_content_term(style_corpus):
    df = newskit.distinctive_terms(style_corpus)
    df["group"] = df["group"].map({"The New York Times": "nyt", "hpo": "hpo"})
    content = df[df["kind"] == "content"]
    terms = set(content["term"])
    # F.B.I./FBI, Sen./Senator, a name with and without title, first name or initial
    for style_term in ("f.b.i.", "sen.", "senator", "mr.", "j", "president donald", "cruz",
                       "trump", "mr. cruz", "huffpost", "new york times", "times"):  # fmt: skip
        assert style_term not in terms, style_term
    fbi = content[content["term"] == "fbi"].set_index("group")
    assert fbi.loc["nyt", "count_in"] == 3 and fbi.loc["hpo", "count_in"] == 2
    cruz = content[content["term"] == "ted cruz"].set_index("group")
    assert cruz.loc["nyt", "count_in"] == 5 and cruz.loc["hpo", "count_in"] == 4
    trump = content[content["term"] == "donald trump"].set_index("group")
    assert trump.loc["nyt", "count_in"] == 3 and trump.loc["hpo", "count_in"] == 3
    # what sets the outlets apart is what they write about
    top = content.groupby("group").head(3).groupby("group")["term"].apply(set)
    assert "asylum" in top["nyt"] and "nuclear" in top["hpo"], top


def test_skipped_text_and_video_credits_are_no_content():
    texts = {
        "c1": "JUST WATCHED Chibok girls freed Replay More Videos ... MUST WATCH Chibok girls "
        "freed 01:26\nThe Chibok girls were freed in May. Chibok parents wept. Video provided "
        "by Buzz60",
        "c2": "The Chibok girls came home. Chibok families celebrated the release in Abuja.",
        "d1": "Flood waters rose in Ohio. Farmers left their flooded farms.",
        "d2": "Ohio farmers asked for flood relief after the flood.",
    }
    frame = pd.DataFrame(
        {"id": list(texts), "outlet": ["cnn", "cnn", "wsj", "wsj"], "text": list(texts.values())}
    )
    df = newskit.distinctive_terms(newskit.load_corpus(frame), style="include")
    content = set(df.loc[df["kind"] == "content", "term"])
    assert "chibok" in content and "chibok girls" in content, content
    assert not any("watch" in t or "buzz60" in t for t in content), content
    assert "buzz60" in set(df.loc[df["kind"] == "style", "term"])


def test_house_style_stays_visible_with_style_only(style_corpus):
    only = newskit.distinctive_terms(style_corpus, style="only").replace(
        "The New York Times", "nyt"
    )
    assert set(only["kind"]) == {"style"}
    nyt = set(only.loc[only["group"] == "nyt", "term"])
    hpo = set(only.loc[only["group"] == "hpo", "term"])
    assert {"f.b.i.", "sen.", "mr.", "j"} <= nyt, nyt
    assert {"fbi", "senator", "huffpost"} <= hpo, hpo
    assert "new york times" in nyt, nyt


# --- learned over the whole corpus, in parts (as the Dask run does) ----------------------------


def test_own_names_learned_in_parts_give_the_whole_corpus_keywords():
    texts = [
        "HuffPost reported that the senator voted against the asylum bill. HuffPost asked why.",
        "The asylum bill passed the Senate. Critics of the asylum bill told HuffPost it was cruel.",
        "Farmers protested the drought plan. HuffPost readers asked about the drought plan.",
        "Farmers protested the drought plan in Ohio. The plan failed, Fox News said.",
    ]
    frame = pd.DataFrame({"id": ["h1", "h2", "h3", "f1"], "outlet": ["hpo"] * 3 + ["fox"],
                          "text": texts})  # fmt: skip
    articles = list(newskit.load_corpus(frame))
    parts = [articles[:1], articles[1:]]
    leads = outlet_leads(outlet_identities(a) for p in parts for a in p)
    counts = [own_name_counts(p, leads) for p in parts]
    learned = own_names_of(counts[0].merge(counts[1]))
    assert learned == own_names(articles) and ("huffpost",) in learned["hpo"], learned
    whole = newskit.keywords(articles, top=10)
    in_parts = pd.concat([newskit.keywords(p, top=10, own_names=learned) for p in parts])
    pd.testing.assert_frame_equal(in_parts.reset_index(drop=True), whole)
    # without the corpus's names, a part of one HuffPost article learns nothing
    alone = newskit.keywords(parts[0], top=10)
    assert alone["keyword"].str.contains("HuffPost").any(), list(alone["keyword"])


def test_term_context_in_parts_gives_the_whole_corpus_distinctive_terms(style_corpus):
    articles = list(style_corpus)
    parts = [[articles[0], articles[2]], [articles[1], articles[3]]]
    first = [context_counts(p) for p in parts]
    merged = first[0].merge(first[1])
    second = [name_counts(p, merged) for p in parts]
    context = finish_context(merged, second[0].merge(second[1]))
    assert context == term_context(articles)
    counts = [term_counts(p, context=context) for p in parts]
    found = counts[0].merge(counts[1])
    assert found == term_counts(articles)
    rows = []
    for kind, by_group in found.kinds().items():
        total = sum(by_group.values(), Counter())
        sizes = {g: sum(c.values()) for g, c in by_group.items()}
        rows += distinctive_rows(by_group, total, sizes, kind)
    groups = list(dict.fromkeys(a.outlet for a in articles))
    pd.testing.assert_frame_equal(
        distinctive_frame(rows, groups, "separate"), newskit.distinctive_terms(articles)
    )
    # a part alone does not know the corpus's full names: "Trump" in n2 stays a bare word
    assert term_counts(parts[1]) != term_counts(parts[1], context=context)


def test_run_names_are_the_parts_starting_with_a_lead_in_order() -> None:
    # cached per run (issue 24): every part of one to four words from a word whose first
    # letter leads an outlet name, "The" looked through
    run = ("The", "New", "York", "Times", "Magazine", "Editor")
    assert _run_names(run, frozenset("nt")) == (
        ("The",), ("The", "New"), ("The", "New", "York"), ("The", "New", "York", "Times"),
        ("New",), ("New", "York"), ("New", "York", "Times"), ("New", "York", "Times", "Magazine"),
        ("Times",), ("Times", "Magazine"), ("Times", "Magazine", "Editor"),
    )  # fmt: skip
    assert _run_names(("Donald", "Trump"), frozenset("nt")) == (("Trump",),)
    assert _run_names(("Donald", "Trump"), frozenset("x")) == ()
