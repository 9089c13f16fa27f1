"""Web pages: main text without page furniture, metadata from the page, .txt files of HTML,
every script, declared charsets, titles without the site's name."""

from __future__ import annotations

import datetime as dt
import re
import warnings

import pytest
from news_pages import (
    FURNITURE_TEXTS,
    JA_PARAGRAPHS,
    LOOSE_FURNITURE,
    NEWSLETTER_BOX,
    PARAGRAPHS,
    PAYWALL_BOX,
    ZH_PARAGRAPHS,
    news_page,
)

import newskit
from newskit.corpus.html import MIN_WORDS, extract_page, looks_like_html, word_count
from newskit.resources.pages import FURNITURE as FURNITURE_RULES
from newskit.resources.pages import MAX_NOTICE_CHARS

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
    assert got.date_source == "page-text"
    assert "date guessed by htmldate from the page text (no date in its metadata)" in got.notes


def test_copyright_year_alone_is_not_a_date():
    html = page(date_meta=False).replace(
        '<link rel="canonical" href="https://ledger.example.org/news/ferry-pier-vote">', ""
    )
    got = extract_page(html)
    assert got is not None
    assert got.date is None and got.date_source is None
    # the footer's copyright line is left out of the date search: no year is even guessed
    assert not any("htmldate" in note for note in got.notes)
    in_body = html.replace("</article>", "<p>Copyright 2024, the Coastal Ledger</p></article>")
    got = extract_page(in_body)
    assert got is not None and got.date is None
    assert "htmldate found only a year (2024) in the page text; date left unknown" in got.notes


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
        ("<body><div><p>one</p></div></body>", True),
        ("<div class='story'><p>One paragraph.</p><p>Two.</p><script>x</script></div>", True),
        (
            "HTTP/1.1 200 OK\nContent-Type: text/html\n\n<!DOCTYPE html>\n<html><p>x</p></html>",
            True,
        ),
        ("Notes\n<div><p>one</p><p>two</p><script>x</script></div>", False),
        ("Prices rose <b>sharply</b> on Monday.", False),
        ("The <html> tag starts a page, as the tutorial said.", False),
        (
            "<p> and <div> are the tags our designers argued about. The new site uses <div> "
            "for every block and <p> for each paragraph, the editor said.",
            False,
        ),
    ],
)
def test_looks_like_html(text, expected):
    assert looks_like_html(text) is expected


def test_word_count_counts_scripts_without_spaces():
    assert word_count("The council met on Monday.") == 5
    assert word_count("政府今天宣布") == pytest.approx(4.0)  # 6 Han characters, 1.5 a word
    assert word_count("ニュース") == pytest.approx(2.0)  # 4 kana, 2 a word
    assert word_count("市立図書館が再開館した。") == pytest.approx(8 / 1.5 + 3 / 2)
    assert word_count("2024 年 — 東京") == pytest.approx(1 + 3 / 1.5)  # "—" is no word
    for paragraphs in (ZH_PARAGRAPHS, JA_PARAGRAPHS):
        text = "\n\n".join(paragraphs)
        assert 650 <= len(text) <= 1100
        assert len(text.split()) < MIN_WORDS <= word_count(text)  # the old count dropped them


@pytest.mark.parametrize(
    ("paragraphs", "lang", "site", "charset"),
    [
        (ZH_PARAGRAPHS, "zh", "海港日报", "utf-8"),
        (ZH_PARAGRAPHS, "zh", "海港日报", "gb18030"),
        (JA_PARAGRAPHS, "ja", "みなと新聞", "utf-8"),
        (JA_PARAGRAPHS, "ja", "みなと新聞", "shift_jis"),
    ],
)
def test_chinese_and_japanese_article_pages_load(tmp_path, paragraphs, lang, site, charset):
    html = news_page(
        title=paragraphs[0][:12],
        site_name=site,
        paragraphs=paragraphs,
        lang=lang,
        charset=charset,
        byline="记者 张明" if lang == "zh" else "山田太郎",
        url=None,
        footer=f"<footer>Copyright 2024 {site}</footer>",
    )
    (tmp_path / "page.html").write_bytes(html.encode(charset))
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # nothing skipped, nothing to warn about
        corpus = newskit.load_corpus(tmp_path, errors="raise")
    art = corpus["page"]
    for p in paragraphs:
        assert p in art.raw
    assert art.outlet == site
    assert art.date == dt.date(2024, 3, 5)
    assert art.encoding == ("utf-8" if charset == "utf-8" else f"{charset} (declared)")
    assert corpus.skipped.empty


def test_short_page_in_any_script_is_skipped_with_a_warning(tmp_path):
    menu = "".join(f"<li><a href='/{i}'>栏目{i}</a></li>" for i in range(4))
    (tmp_path / "menu.html").write_text(
        f"<!DOCTYPE html><html><body><main><p>首页</p><p>新闻中心</p><ul>{menu}</ul></main>"
        "</body></html>",
        encoding="utf-8",
    )
    (tmp_path / "zh.html").write_text(news_page(paragraphs=ZH_PARAGRAPHS), encoding="utf-8")
    with pytest.warns(newskit.LoadWarning, match=r"1 input skipped .*1 × no article text"):
        corpus = newskit.load_corpus(tmp_path, errors="raise")
    assert corpus.ids == ["zh"]
    assert list(corpus.skipped["file"].map(lambda f: f.split("/")[-1])) == ["menu.html"]


def test_txt_page_is_decoded_by_its_declared_charset(tmp_path):
    from news_pages import CS_PARAGRAPHS

    html = news_page(
        title="Rada zavře staré molo", site_name="Přístavní listy", paragraphs=CS_PARAGRAPHS,
        lang="cs", charset="windows-1250", url=None, footer="",
    )  # fmt: skip
    data = html.encode("windows-1250")
    with pytest.raises(UnicodeDecodeError):
        data.decode("cp1252")  # "ť" (0x9d) is no Windows-1252 character: no fallback reads it
    (tmp_path / "saved.txt").write_bytes(data)
    (tmp_path / "saved_too.html").write_bytes(data)
    corpus = newskit.load_corpus(tmp_path)
    for ident in ("saved", "saved_too"):
        art = corpus[ident]
        assert "Jana Šťastná" in art.raw and "chuť podnikat" in art.raw
        assert art.encoding == "windows-1250 (declared)"
        assert art.outlet == "Přístavní listy"
    assert "read as HTML" in corpus.frame().set_index("id").loc["saved", "notes"]


def test_plain_text_mentioning_tags_is_read_as_text(tmp_path):
    prose = (
        "The paper's new website went live on Monday. Designers argued for weeks about the "
        "markup: every block is a <div>, each paragraph a <p>, and the <head> of each page now "
        "carries the story's date.\n\nReaders mostly noticed the larger type."
    )
    (tmp_path / "prose.txt").write_text(prose, encoding="utf-8")
    corpus = newskit.load_corpus(tmp_path)
    art = corpus["prose"]
    assert art.extractor is None and art.raw == prose
    assert corpus.skipped.empty


@pytest.mark.parametrize(
    ("title_tag", "url", "title", "outlet"),
    [
        ("Ferry pier to close | Malay Mail", "https://www.malaymail.com/news/x", "Ferry pier to close", "Malay Mail"),
        ("Ferry pier to close - Times of India", "https://timesofindia.indiatimes.com/city/x.cms", "Ferry pier to close", "Times of India"),
        ("Ferry pier to close - City - Times of India", "https://timesofindia.indiatimes.com/x", "Ferry pier to close", "Times of India"),
        ("Harbour Ledger — Ferry pier to close", "https://harbourledger.test/x", "Ferry pier to close", "Harbour Ledger"),
        ("地铁五号线开通_海港日报", None, "地铁五号线开通", "海港日报"),
        # the last part names no site: the title stays whole
        ("Ferry pier to close - what it means for you", "https://www.malaymail.com/x", "Ferry pier to close - what it means for you", "Malaymail"),
    ],
)  # fmt: skip
def test_title_loses_the_site_suffix_that_names_the_outlet(title_tag, url, title, outlet):
    # no og:site_name: the outlet comes from the title, else the domain
    html = news_page(title=title, title_tag=title_tag, site_name=None, url=url)
    if title_tag.startswith("地铁"):
        html = html.replace(f'content="{title}"', 'content="地铁五号线开通"')
    got = extract_page(html)
    assert got is not None
    assert got.title == title
    if got.sitename is not None:
        assert got.sitename == outlet
    else:  # named from the domain downstream
        from newskit.corpus.outlets import outlet_from_url

        assert outlet_from_url(url) == outlet


def test_paywall_newsletter_and_ad_furniture_is_removed_and_noted():
    html = news_page(inside=PAYWALL_BOX + "".join(LOOSE_FURNITURE), after=NEWSLETTER_BOX)
    got = extract_page(html)
    assert got is not None
    for p in PARAGRAPHS:
        assert p in got.text
    for junk in FURNITURE_TEXTS:
        assert junk not in got.text, junk
    (note,) = [n for n in got.notes if n.startswith("page furniture removed")]
    for rule in ("paywall box", "newsletter notice", "advertising label", "read-more line"):
        assert rule in note


def test_article_under_a_paywall_class_is_kept():
    body = "".join(f"<p>{p}</p>" for p in PARAGRAPHS)
    html = news_page(paragraphs=[]).replace(
        '<p class="byline">',
        f'<div class="article-body paywall-content">{body}</div><p class="byline">',
    )
    got = extract_page(html)
    assert got is not None
    for p in PARAGRAPHS:
        assert p in got.text


@pytest.mark.parametrize("bom", [b"\xef\xbb\xbf", b""])
def test_txt_page_with_a_byte_order_mark_is_a_page(tmp_path, bom):
    (tmp_path / "saved.txt").write_bytes(bom + page().encode("utf-8"))
    art = newskit.load_corpus(tmp_path)["saved"]
    assert art.extractor == "trafilatura" and PARAGRAPHS[0] in art.raw


@pytest.mark.parametrize("rule", FURNITURE_RULES, ids=lambda r: r.name)
def test_every_furniture_rule_matches_its_example(rule):
    pattern = re.compile(rule.pattern, re.IGNORECASE)
    if rule.kind == "box":
        assert pattern.search(rule.example)
    else:
        assert len(rule.example) <= MAX_NOTICE_CHARS and pattern.fullmatch(rule.example)


@pytest.mark.parametrize(
    "paragraph",
    [
        "Get ready for an email-free weekend, the company told its staff on Monday.",
        "Related to the vote, councillors also approved a new harbour budget.",
        "Print media has struggled for years, the report said.",
        "Facebook said on Monday it would cut jobs.",
        "Subscribers to the ferry pass will get a refund, the operator said.",
        "Tags on the old piles showed they were installed in 1962.",
    ],
)
def test_article_sentences_are_not_furniture(paragraph):
    assert not any(
        re.fullmatch(rule.pattern, paragraph, re.IGNORECASE)
        for rule in FURNITURE_RULES
        if rule.kind == "text"
    )
    got = extract_page(news_page(paragraphs=[*PARAGRAPHS, paragraph]))
    assert got is not None and paragraph in got.text


@pytest.mark.parametrize(
    ("declared", "written_in", "text", "label"),
    [
        ("gb2312", "gb18030", "朱镕基说，地铁五号线开通", "gb2312 (declared)"),  # 镕 is GBK only
        ("shift_jis", "cp932", "①号線が開通、髙橋さん", "shift_jis (declared)"),  # ① 髙: cp932
        ("iso-8859-1", "cp1252", "“Quoted” – 5 €", "iso-8859-1 (declared)"),
        ("windows-1250", "cp1250", "Šťastná", "windows-1250 (declared)"),
    ],
)
def test_declared_charset_is_read_as_browsers_read_it(declared, written_in, text, label):
    from newskit.corpus.html import decode_page

    data = f'<html><head><meta charset="{declared}"></head><body><p>{text}</p>'.encode(written_in)
    with pytest.raises(UnicodeDecodeError):
        data.decode("utf-8")
    decoded, encoding = decode_page(data)
    assert decoded is not None and text in decoded
    assert encoding == label


def test_a_few_stray_bytes_do_not_lose_the_page():
    from newskit.corpus.html import decode_page

    body = "Městská rada schválila uzavření mola. " * 20
    data = f'<meta charset="windows-1250"><p>{body}</p>'.encode("cp1250") + b"\x81"
    decoded, encoding = decode_page(data)
    assert decoded is not None and body in decoded
    assert encoding == "windows-1250 (declared; 1 bad byte replaced)"
