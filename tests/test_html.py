"""Web pages: main text without page furniture, metadata from the page, .txt files of HTML."""

from __future__ import annotations

import datetime as dt

import pytest

import newskit
from newskit.corpus.html import extract_page, looks_like_html

PARAGRAPHS = [
    "The city council voted seven to two on Monday night to close the old ferry pier after "
    "engineers found that three of its timber piles had rotted through.",
    "Repairs would cost about 4.2 million dollars, according to a report presented to the "
    "council, more than twice the amount set aside in this year's budget.",
    "“We cannot ask people to walk on a structure we know is failing,” said councillor Ines "
    "Barros, who proposed the closure. Ferry services will move to the north terminal in April.",
    "Local business owners said the move would cut foot traffic along the waterfront, where a "
    "dozen cafes depend on passengers waiting for the morning boats.",
]
FURNITURE = [
    "We use cookies",
    "Accept all cookies",
    "Subscribe today",
    "Opinion",
    "tracking pixel",
    "Bridge repairs delayed again",
    "Fishing quotas cut",
    "that pier was a danger",
    "Typical council",
    "All rights reserved",
    "Privacy policy",
    "dataLayer",
    "position:fixed",
]


def page(
    *, date_meta: bool = True, title: str = "Harbour city votes to close old ferry pier"
) -> str:
    """A made-up news page with the usual furniture around four article paragraphs."""
    published = (
        '<meta property="article:published_time" content="2024-03-05T09:30:00Z">'
        if date_meta
        else ""
    )
    body = "\n".join(f"<p>{p}</p>" for p in PARAGRAPHS)
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<title>{title} | The Coastal Ledger</title>
<meta property="og:site_name" content="The Coastal Ledger">
<meta property="og:title" content="{title}">
<meta name="author" content="Mara Kowalczyk">
{published}
<link rel="canonical" href="https://ledger.example.org/news/ferry-pier-vote">
<script>window.dataLayer = window.dataLayer || []; function t(){{ console.log("tracking pixel"); }}</script>
<style>.cookie{{position:fixed}}</style>
</head><body>
<div class="cookie-banner" id="cookie-consent"><p>We use cookies to improve your experience. Accept all cookies or manage your preferences.</p><button>Accept</button></div>
<header><a href="/">The Coastal Ledger</a><nav><ul><li><a href="/news">News</a></li><li><a href="/opinion">Opinion</a></li><li><a href="/subscribe">Subscribe today</a></li></ul></nav></header>
<main><article><h1>{title}</h1><p class="byline">By Mara Kowalczyk</p>
{body}
</article>
<aside class="related"><h3>Related stories</h3><ul><li><a href="/a">Bridge repairs delayed again</a></li><li><a href="/b">Fishing quotas cut for spring season</a></li></ul></aside>
<section id="comments" class="comments"><h3>Comments</h3><div class="comment"><p>Great news, that pier was a danger to everyone walking there!</p></div><div class="comment"><p>Typical council, always closing things instead of fixing them.</p></div></section>
</main>
<footer><p>Copyright 2024 The Coastal Ledger. All rights reserved.</p><a href="/privacy">Privacy policy</a></footer>
</body></html>"""


def test_extract_page_keeps_article_and_drops_furniture():
    got = extract_page(page())
    assert got is not None
    for p in PARAGRAPHS:
        assert p in got.text
    for junk in FURNITURE:
        assert junk not in got.text, junk
    assert got.title == "Harbour city votes to close old ferry pier"
    assert got.date == dt.date(2024, 3, 5)
    assert got.sitename == "The Coastal Ledger"
    assert got.author == "Mara Kowalczyk"
    assert got.url == "https://ledger.example.org/news/ferry-pier-vote"
    assert "\n\n" in got.text  # paragraphs are blocks of their own


def test_folder_of_html_pages_loads_articles(tmp_path):
    (tmp_path / "ledger.html").write_text(page(), encoding="utf-8")
    (tmp_path / "other.htm").write_text(
        page(title="Ferry pier to shut after council vote").replace(
            "seven to two", "by seven votes to two"
        ),
        encoding="utf-8",
    )
    corpus = newskit.load_corpus(tmp_path)
    assert corpus.ids == ["ledger", "other"]
    art = corpus["ledger"]
    assert art.outlet == "The Coastal Ledger"
    assert art.date == dt.date(2024, 3, 5)
    assert art.title == "Harbour city votes to close old ferry pier"
    assert art.extractor == "trafilatura"
    assert "<p>" not in art.raw and "We use cookies" not in art.raw
    frame = corpus.frame().set_index("id")
    assert frame.loc["ledger", "extractor"] == "trafilatura"
    assert frame.loc["ledger", "date_source"] == "page"
    assert frame.loc["ledger", "source"].endswith("ledger.html")
    # offsets point into the extracted text
    sents = newskit.sentences(corpus)
    for row in sents.itertuples():
        assert corpus[row.article_id].raw[row.start : row.end] == row.text
    assert PARAGRAPHS[0] in set(sents.text)


def test_txt_file_holding_html_is_detected_and_noted(tmp_path):
    (tmp_path / "saved.txt").write_text(page(), encoding="utf-8")
    (tmp_path / "plain.txt").write_text(
        "A plain article about the <b>ferry</b> pier vote.", encoding="utf-8"
    )
    corpus = newskit.load_corpus(tmp_path)
    saved = corpus["saved"]
    assert saved.extractor == "trafilatura"
    assert not saved.raw.lstrip().startswith("<")
    assert PARAGRAPHS[1] in saved.raw
    notes = corpus.frame().set_index("id")["notes"]
    assert "read as HTML" in notes["saved"]
    assert corpus["plain"].extractor is None  # a stray tag does not make a web page
    assert corpus["plain"].raw.startswith("A plain article")


def test_page_without_date_metadata_gets_htmldate_guess_with_a_note():
    got = extract_page(page(date_meta=False).replace("<h1>", "<p>Published 5 March 2024</p><h1>"))
    assert got is not None
    assert got.date == dt.date(2024, 3, 5)
    assert got.notes == ("date guessed by htmldate from the page text (no date in its metadata)",)


def test_copyright_year_alone_is_not_a_date():
    html = page(date_meta=False).replace(
        '<link rel="canonical" href="https://ledger.example.org/news/ferry-pier-vote">', ""
    )
    got = extract_page(html)
    assert got is not None
    assert got.date is None
    assert got.notes == ("htmldate found only a year (2024) in the page text; date left unknown",)


def test_page_without_article_text_is_skipped_with_reason(tmp_path):
    (tmp_path / "good.html").write_text(page(), encoding="utf-8")
    (tmp_path / "menu.html").write_text(
        "<html><body><nav><a href='/'>Home</a> <a href='/news'>News</a></nav>"
        "<footer>Copyright</footer></body></html>",
        encoding="utf-8",
    )
    corpus = newskit.load_corpus(tmp_path)
    assert corpus.ids == ["good"]
    skipped = corpus.skipped
    assert len(skipped) == 1
    assert skipped.iloc[0]["file"].endswith("menu.html")
    assert "no article text" in skipped.iloc[0]["reason"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("<!DOCTYPE html>\n<html><head></head><body>x</body></html>", True),
        ("  \n<html lang='en'><head><title>t</title>", True),
        ("<?xml version='1.0'?>\n<!-- saved -->\n<html>", True),
        ("Notes\n<div><p>one</p><p>two</p><script>x</script></div>", True),
        ("Prices rose <b>sharply</b> on Monday.", False),
        ("The <html> tag starts a page, as the tutorial said.", False),
    ],
)
def test_looks_like_html(text, expected):
    assert looks_like_html(text) is expected
