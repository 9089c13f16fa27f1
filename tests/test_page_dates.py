"""A web page's publication date: its metadata first (never a draft's or an update's date),
then its URL, then htmldate's search of the page without sidebars and image paths."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from news_pages import SIDEBAR, json_ld, news_page

import newskit
from newskit.corpus.html import extract_page
from newskit.corpus.page_dates import DATE_SOURCES, parse_date_value, url_date

D = dt.date


def test_date_published_wins_over_a_draft_date_created() -> None:
    html = news_page(
        published=None,
        head='<meta name="date_created" content="2023-11-02">',
        ld=json_ld(
            dateCreated="2023-11-02T08:00:00Z",
            datePublished="2024-03-05T09:30:00Z",
            dateModified="2024-03-06T12:00:00Z",
        ),
    )
    got = extract_page(html)
    assert got is not None
    assert (got.date, got.date_source) == (D(2024, 3, 5), "page")
    assert not any("date" in note for note in got.notes)  # the page's own metadata: no note


def test_article_date_wins_over_the_page_and_an_embedded_video() -> None:
    graph = {
        "@context": "https://schema.org",
        "@graph": [
            {"@type": "WebPage", "@id": "#page", "datePublished": "2019-06-01"},
            {"@type": "VideoObject", "uploadDate": "2018-01-09", "datePublished": "2018-01-09"},
            {"@type": "NewsArticle", "headline": "Pier", "datePublished": "2024-03-05"},
        ],
    }
    ld = f'<script type="application/ld+json">{json.dumps(graph)}</script>'
    got = extract_page(news_page(published=None, ld=ld))
    assert got is not None and got.date == D(2024, 3, 5)


def test_local_date_as_written_whatever_the_time_zone() -> None:
    got = extract_page(news_page(published="2024-03-05T23:30:00-05:00"))
    assert got is not None and got.date == D(2024, 3, 5)


def test_sidebar_image_paths_date_nothing() -> None:
    html = news_page(
        published=None, sidebar=SIDEBAR, footer="", url="https://www.harbourledger.test/pier"
    )  # htmldate's search of the whole page took 2020-12-08 from the sidebar's image path
    got = extract_page(html)
    assert got is not None
    assert got.date is None and got.date_source is None
    text_dated = html.replace("</h1>", "</h1><p class='dateline'>Published 5 March 2024</p>")
    got = extract_page(text_dated)
    assert got is not None
    assert (got.date, got.date_source) == (D(2024, 3, 5), "page-text")
    assert "date guessed by htmldate from the page text (no date in its metadata)" in got.notes


def test_url_date_when_the_metadata_has_none() -> None:
    html = news_page(published=None, url="https://www.harbourledger.test/2024/03/05/pier-vote/")
    got = extract_page(html)
    assert got is not None
    assert (got.date, got.date_source) == (D(2024, 3, 5), "url")
    assert "date taken from the URL path (2024/03/05); the page's metadata states none" in got.notes
    # metadata beats the URL (a story filed under one day, published the next)
    got = extract_page(news_page(published="2024-03-06", url="https://x.test/2024/03/05/a"))
    assert got is not None and (got.date, got.date_source) == (D(2024, 3, 6), "page")


def test_a_month_alone_is_not_a_date() -> None:
    html = news_page(published=None, url=None).replace(
        "</h1>", "</h1><p class='dateline'>Harbour news, issue 12/2020</p>"
    )
    got = extract_page(html)
    assert got is not None
    assert got.date is None
    assert "htmldate found only a month (2020-12) in the page text; date left unknown" in got.notes


def test_date_source_and_notes_reach_the_frame(tmp_path) -> None:
    (tmp_path / "meta.html").write_text(news_page(), encoding="utf-8")
    (tmp_path / "url.html").write_text(
        news_page(published=None, url="https://harbourledger.test/2024/03/05/pier"),
        encoding="utf-8",
    )
    frame = newskit.load_corpus(tmp_path).frame().set_index("id")
    assert frame.loc["meta", "date_source"] == "page"
    assert frame.loc["url", "date_source"] == "url"
    assert "URL path" in frame.loc["url", "notes"]
    assert set(frame["date_source"]) <= set(DATE_SOURCES)


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2024-03-05T09:30:00Z", D(2024, 3, 5)),
        ("2024-03-05", D(2024, 3, 5)),
        ("2024/03/05 09:30", D(2024, 3, 5)),
        ("20240305", D(2024, 3, 5)),
        ("1709631000", D(2024, 3, 5)),  # Unix time
        ("Tue, 05 Mar 2024 09:30:00 GMT", D(2024, 3, 5)),
        ("March 5, 2024", D(2024, 3, 5)),
        ("March 2024", None),  # no day
        ("2024", None),
        ("1889-03-05", None),  # before the web
        ("2099-03-05", None),  # the future
        ("not a date", None),
    ],
)
def test_parse_date_value(value, expected) -> None:
    assert parse_date_value(value, today=D(2025, 1, 1)) == expected


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("https://x.test/2024/03/05/pier", (D(2024, 3, 5), "2024/03/05")),
        ("https://x.test/news/2024-3-5-pier.html", (D(2024, 3, 5), "2024-3-5")),
        ("https://x.test/20240305/pier", (D(2024, 3, 5), "20240305")),
        ("https://x.test/2024/03/pier", None),  # no day
        ("https://x.test/article/12345678/pier", None),
        ("https://x.test/2024/13/45/pier", None),
    ],
)
def test_url_date(url, expected) -> None:
    assert url_date(url, today=D(2025, 1, 1)) == expected


def test_utc_timestamp_a_day_off_the_url_gives_way_to_the_local_date() -> None:
    url = "https://blog.harbourledger.test/2024/03/06/pier-vote/"
    got = extract_page(news_page(published="2024-03-05T23:30:00+00:00", url=url))
    assert got is not None
    assert (got.date, got.date_source) == (D(2024, 3, 6), "url")
    assert any("in UTC (2024-03-05T23:30:00+00:00), a day off" in n for n in got.notes)
    # a local time with its offset is the local date: the metadata stands
    got = extract_page(news_page(published="2024-03-05T23:30:00-05:00", url=url))
    assert got is not None and (got.date, got.date_source) == (D(2024, 3, 5), "page")
