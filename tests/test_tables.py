"""Tables (CSV, JSONL, Parquet, DataFrames): recognised column names, columns=, dotted paths,
extra columns kept as metadata, and the error when no text column can be found."""

from __future__ import annotations

import datetime as dt
import json

import pandas as pd
import pytest

import newskit
from newskit.corpus.corpus import LoadWarning
from newskit.errors import CorpusSourceError

TEXT_A = "Officials in Lisbon approved a new tram line on Tuesday. Work starts in May."
TEXT_B = "The tram line will cost 310 million euros, the city said. Critics object."


def _scraper_frame(text_name: str = "body") -> pd.DataFrame:
    return pd.DataFrame(
        {
            "id": ["a", "b"],
            "source": ["Lisbon Daily", "Porto Post"],
            "published": ["2024-04-02T08:00:00Z", "2024-04-03"],
            "headline": ["Tram line approved", "Tram line costs"],
            "link": ["https://ld.example/tram", "https://pp.example/tram"],
            text_name: [TEXT_A, TEXT_B],
            "section": ["city", "business"],
        }
    )


@pytest.mark.parametrize(
    "text_name", ["text", "body", "content", "article", "full_text", "story", "Body", " CONTENT "]
)
def test_recognised_text_column_names(text_name):
    with pytest.warns(LoadWarning) as caught:
        corpus = newskit.load_corpus(_scraper_frame(text_name))
    assert [a.raw for a in corpus] == [TEXT_A, TEXT_B]
    messages = " ".join(str(w.message) for w in caught)
    if text_name.strip().lower() != "text":
        assert f"text from {text_name!r}" in messages
    assert "date from 'published'" in messages
    assert "title from 'headline'" in messages
    assert "url from 'link'" in messages
    assert "outlet from 'source'" in messages


@pytest.mark.parametrize(
    ("column", "field", "value"),
    [
        ("published", "date", dt.date(2024, 4, 2)),
        ("publish_date", "date", dt.date(2024, 4, 2)),
        ("pub_date", "date", dt.date(2024, 4, 2)),
        ("datetime", "date", dt.date(2024, 4, 2)),
        ("headline", "title", "Tram approved"),
        ("link", "url", "https://x.example/t"),
        ("source", "outlet", "Lisbon Daily"),
        ("publisher", "outlet", "Lisbon Daily"),
        ("site", "outlet", "Lisbon Daily"),
        ("media_name", "outlet", "Lisbon Daily"),
    ],
)
def test_recognised_metadata_column_names(column, field, value):
    raw = {
        "published": "2024-04-02 08:00",
        "headline": "Tram approved",
        "link": "https://x.example/t",
    }.get(column, "Lisbon Daily")
    if field == "date":
        raw = "2024-04-02 08:00"
    frame = pd.DataFrame({"text": [TEXT_A], column: [raw]})
    with pytest.warns(LoadWarning, match=f"{field} from {column!r}"):
        corpus = newskit.load_corpus(frame)
    assert getattr(corpus[0], field) == value


def test_scraper_csv_keeps_everything(tmp_path):
    path = tmp_path / "export.csv"
    _scraper_frame().to_csv(path, index=False)
    with pytest.warns(LoadWarning, match="kept as metadata.*section"):
        corpus = newskit.load_corpus(path)
    a = corpus["a"]
    assert (a.outlet, a.date, a.title, a.url) == (
        "Lisbon Daily", dt.date(2024, 4, 2), "Tram line approved", "https://ld.example/tram")  # fmt: skip
    assert a.date_source == "metadata"
    assert dict(a.meta) == {"section": "city"}
    frame = corpus.frame()
    assert list(frame["section"]) == ["city", "business"]
    assert frame.groupby("section").size().to_dict() == {"business": 1, "city": 1}


def test_columns_option_overrides_and_case(tmp_path):
    frame = pd.DataFrame(
        {"Words": [TEXT_A], "When": ["2024-05-01"], "Name": ["Tram"], "body": ["not this one"]}
    )
    corpus = newskit.load_corpus(frame, columns={"text": "words", "date": "When", "title": "Name"})
    art = corpus[0]
    assert art.raw == TEXT_A
    assert art.date == dt.date(2024, 5, 1)
    assert art.title == "Tram"
    assert dict(art.meta) == {"body": "not this one"}  # not used: kept, not dropped


def test_columns_option_errors_name_the_problem():
    frame = pd.DataFrame({"words": [TEXT_A]})
    with pytest.raises(CorpusSourceError, match=r"has no column 'txt'.*columns are: words"):
        newskit.load_corpus(frame, columns={"text": "txt"})
    with pytest.raises(ValueError, match=r"unknown field 'texts'"):
        newskit.load_corpus(frame, columns={"texts": "words"})


def test_jsonl_nested_fields_by_dotted_path(tmp_path):
    path = tmp_path / "scrape.jsonl"
    rows = [
        {
            "id": "a",
            "content": {"body": TEXT_A, "lang": "en"},
            "meta": {"published": "2024-04-02", "tags": ["tram"]},
        },
        {
            "id": "b",
            "content": {"body": TEXT_B, "lang": "pt"},
            "meta": {"published": "2024-04-03", "tags": []},
        },
    ]
    path.write_text("\n".join(json.dumps(r) for r in rows) + "\n", encoding="utf-8")
    with pytest.warns(LoadWarning, match=r"kept as metadata.*content\.lang.*meta\.tags"):
        corpus = newskit.load_corpus(
            path, columns={"text": "content.body", "date": "meta.published"}
        )
    assert [a.raw for a in corpus] == [TEXT_A, TEXT_B]
    assert [a.date for a in corpus] == [dt.date(2024, 4, 2), dt.date(2024, 4, 3)]
    assert corpus["a"].meta["content.lang"] == "en"
    assert list(corpus.frame()["content.lang"]) == ["en", "pt"]


def test_parquet_with_struct_column(tmp_path):
    pytest.importorskip("pyarrow")
    path = tmp_path / "export.parquet"
    frame = pd.DataFrame(
        {
            "id": ["a", "b"],
            "content": [{"body": TEXT_A}, {"body": TEXT_B}],
            "published": pd.to_datetime(["2024-04-02 08:00", "2024-04-03 09:00"]),
            "publisher": ["Lisbon Daily", "Porto Post"],
        }
    )
    frame.to_parquet(path)
    corpus = newskit.load_corpus(path, columns={"text": "content.body"})
    assert [a.raw for a in corpus] == [TEXT_A, TEXT_B]
    assert [a.date for a in corpus] == [dt.date(2024, 4, 2), dt.date(2024, 4, 3)]
    assert [a.outlet for a in corpus] == ["Lisbon Daily", "Porto Post"]
    assert corpus["a"].source.endswith("export.parquet, row 1")


def test_parquet_plain(tmp_path):
    pytest.importorskip("pyarrow")
    path = tmp_path / "plain.parquet"
    _scraper_frame("full_text").to_parquet(path)
    with pytest.warns(LoadWarning, match="text from 'full_text'"):
        corpus = newskit.load_corpus(path)
    assert corpus.ids == ["a", "b"]
    assert corpus["b"].meta == {"section": "business"}


def test_no_text_column_error_lists_columns_and_the_fix(tmp_path):
    path = tmp_path / "odd.csv"
    pd.DataFrame(
        {"id": ["a"], "source": ["X"], "words_of_the_article": [TEXT_A], "n": ["3"]}
    ).to_csv(path, index=False)
    with pytest.raises(CorpusSourceError) as info:
        newskit.load_corpus(path)
    message = str(info.value)
    assert "columns: id, source, words_of_the_article, n" in message
    assert "columns={'text': 'words_of_the_article'}" in message
    assert "body" in message  # the recognised names are listed


def test_synthetic_style_story_column_is_metadata_not_text():
    frame = pd.DataFrame({"id": ["x"], "outlet": ["A"], "text": [TEXT_A], "story": ["s1"]})
    corpus = newskit.load_corpus(frame)
    assert corpus[0].raw == TEXT_A
    assert corpus[0].meta == {"story": "s1"}


def test_a_story_id_column_gives_the_articles_their_stories():
    from newskit.synthetic import make_corpus

    frame = make_corpus(4, 3, seed=2).rename(columns={"story": "story_id"})
    corpus = newskit.load_corpus(frame)
    assert [a.story_id for a in corpus] == list(frame["story_id"])
    assert list(corpus.frame()["story_id"]) == list(frame["story_id"])  # not also a meta column
    assert "meta.story_id" not in corpus.frame().columns
    al = newskit.align(corpus)
    story = dict(zip(frame["id"], frame["story_id"], strict=True))
    assert len(al) and all(
        story[a] == story[b] for a, b in zip(al["a_id"], al["b_id"], strict=True)
    )
    assert set(newskit.numeric_claims(corpus)["story_id"]) <= set(frame["story_id"])
