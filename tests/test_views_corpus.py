"""The article reader: exact text, removed spans, sentence marks, escaping, and every control."""

from __future__ import annotations

from html.parser import HTMLParser

import pytest

import newskit
from newskit.corpus.segment import sentence_spans
from newskit.views.corpus import article_html, reader_panel

XSS_TEXT = (
    "Officials met in Madrid on Sunday. <script>alert(1)</script> The <b>talks</b> went on.\n"
    "\n"
    "Advertisement\n"
    "Negotiators said a deal was close & more talks would follow."
)


class _TextOf(HTMLParser):
    """Collects the text inside ``.nk-text``: all of it, without the ``<sup>`` labels, plus
    the text of each ``del.nk-removed`` and ``span.nk-sentence``."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.text: list[str] = []
        self.removed: list[tuple[str, str]] = []  # (rule, text)
        self.sentences: list[str] = []
        self._in_text = self._in_sup = 0
        self._open: list[tuple[str, str]] = []  # (tag, what) stack inside nk-text

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        classes = (a.get("class") or "").split()
        if "nk-text" in classes:
            self._in_text = 1
            return
        if not self._in_text:
            return
        if tag == "sup":
            self._in_sup += 1
        elif tag == "del":
            self.removed.append((a["data-rule"], ""))
            self._open.append(("del", "removed"))
        elif tag == "span" and "nk-sentence" in classes:
            self.sentences.append("")
            self._open.append(("span", "sentence"))

    def handle_endtag(self, tag):
        if tag == "sup" and self._in_sup:
            self._in_sup -= 1
        elif self._open and self._open[-1][0] == tag:
            self._open.pop()
        elif tag == "div" and self._in_text:
            self._in_text = 0

    def handle_data(self, data):
        if not self._in_text or self._in_sup:
            return
        self.text.append(data)
        for _, what in self._open:
            if what == "removed":
                rule, text = self.removed[-1]
                self.removed[-1] = (rule, text + data)
            else:
                self.sentences[-1] += data


def _parse(markup: str) -> _TextOf:
    parser = _TextOf()
    parser.feed(markup)
    return parser


@pytest.mark.parametrize("sentences", [False, True])
def test_reader_shows_raw_text_exactly_with_every_removed_span(seeds, sentences):
    for article in seeds:
        parsed = _parse(article_html(article, sentences=sentences))
        assert "".join(parsed.text) == article.raw
        assert parsed.removed == [(r.rule, article.raw[r.start : r.end]) for r in article.removed]


def test_reader_without_removed_shows_the_cleaned_text(seeds):
    for article in seeds:
        parsed = _parse(article_html(article, removed=False))
        assert "".join(parsed.text) == article.text
        assert parsed.removed == []


def test_reader_marks_every_sentence_with_its_exact_text(seeds):
    for article in seeds:
        parsed = _parse(article_html(article, sentences=True))
        spans = sentence_spans(article)
        assert parsed.sentences == [article.raw[s.start : s.end] for s in spans]
        assert _parse(article_html(article, sentences=False)).sentences == []


def test_reader_on_made_up_text(make_corpus):
    corpus = make_corpus({"a": "Talks resumed. Both sides spoke.\n\nAdvertisement\nMore later."})
    article = corpus["a"]
    markup = article_html(article, sentences=True)
    parsed = _parse(markup)
    assert parsed.removed == [("advertisement", "Advertisement\n")]
    assert parsed.sentences == ["Talks resumed.", "Both sides spoke.", "More later."]
    assert 'data-rule="advertisement"' in markup
    assert "[advertisement]</sup>" in markup


def test_reader_escapes_article_text_title_and_rule_names(make_corpus):
    """Acceptance: <script> and <b> in an article show as text in the reader."""
    rules = [newskit.Rule(name="ad<i>", pattern=r"^Advertisement\n", example="Advertisement\n")]
    corpus = make_corpus(
        {"x": XSS_TEXT},
        metadata='file,outlet,title\nx.txt,<b>Outlet</b>,"<script>alert(2)</script> title"\n',
        rules=rules,
    )
    markup = article_html(corpus["x"], sentences=True)
    for dangerous in ("<script>", "</script>", "<b>", "<i>"):
        assert dangerous not in markup
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in markup
    assert "&lt;b&gt;talks&lt;/b&gt;" in markup
    assert "&lt;script&gt;alert(2)&lt;/script&gt; title" in markup
    assert "&lt;b&gt;Outlet&lt;/b&gt;" in markup
    assert 'data-rule="ad&lt;i&gt;"' in markup
    assert "close &amp; more" in markup
    panel = reader_panel(corpus)
    assert "<script>" not in panel.html and "&lt;script&gt;" in panel.html
    assert "".join(_parse(markup).text) == corpus["x"].raw


def test_panel_article_control_switches_article(seeds):
    panel = reader_panel(seeds)
    first, last = seeds.ids[0], seeds.ids[-1]
    assert f'data-article="{first}"' in panel.html
    panel.controls["article"].value = last
    assert f'data-article="{last}"' in panel.html
    assert "".join(_parse(panel.html).text) == seeds[last].raw


def test_panel_sentences_control_toggles_sentence_marks(seeds):
    panel = reader_panel(seeds, article=seeds.ids[2])
    assert 'class="nk-sentence"' not in panel.html
    panel.controls["sentences"].value = True
    assert panel.html.count('class="nk-sentence"') == len(sentence_spans(seeds[2]))
    panel.controls["sentences"].value = False
    assert 'class="nk-sentence"' not in panel.html


def test_panel_removed_control_hides_boilerplate(seeds):
    panel = reader_panel(seeds)
    n = len(seeds[0].removed)
    assert n > 0 and panel.html.count('class="nk-removed"') == n
    panel.controls["removed"].value = False
    assert 'class="nk-removed"' not in panel.html
    assert "".join(_parse(panel.html).text) == seeds[0].text


def test_panel_options_are_labelled_with_outlets(seeds):
    panel = reader_panel(seeds)
    labels = [label for label, _ in panel.controls["article"].options]
    assert labels[3] == "003_9f741c860b40ed27 — AP"
    assert panel.controls["article"].value == seeds.ids[0]


@pytest.mark.parametrize(
    ("articles", "kwargs", "error"),
    [([], {}, ValueError), (None, {"article": "nope"}, KeyError)],
)
def test_panel_bad_arguments(seeds, articles, kwargs, error):
    with pytest.raises(error):
        reader_panel(seeds if articles is None else articles, **kwargs)
