"""What reuse_graph reads in one article: quoted material, outlet names, wire attributions."""

from __future__ import annotations

import pandas as pd
import pytest

import newskit
from newskit.reuse.evidence import (
    names_outlet,
    outlet_mentions,
    pick_wire,
    quoted_fraction,
    quoted_spans,
    wire_attributions,
)


def _article(text: str, outlet: str | None = None, url: str | None = None) -> newskit.Article:
    frame = pd.DataFrame({"id": ["a"], "outlet": [outlet], "url": [url], "text": [text]})
    return newskit.load_corpus(frame)[0]


def test_quoted_spans_cover_double_and_single_quotes_and_embedded_posts() -> None:
    post = (
        "No fight. We just live in different countries & it got hard. — Sarah Silverman "
        "(@SarahKSilverman) February 5, 2018"
    )
    text = (
        "The comedian announced the split on Monday.\n"
        "“We are still friends and always will be,” she said.\n"
        "'If it sounds too good to be true, it probably is,' the police chief said.\n"
        f"{post}\n"
        "Sheen is based in Britain."
    )
    a = _article(text)
    spans = quoted_spans(a)
    quoted = [a.raw[s:e] for s, e in spans]
    assert "We are still friends and always will be" in quoted
    assert "If it sounds too good to be true, it probably is," in quoted
    assert post in quoted
    start = text.index("The comedian")
    assert quoted_fraction(spans, start, start + 20) == 0.0
    p = text.index(post)
    assert quoted_fraction(spans, p, p + len(post)) == 1.0
    # apostrophes are not quotation marks
    assert quoted_spans(_article("Britain's rivers rose and the players' bus was late.")) == []


@pytest.mark.parametrize(
    ("outlet", "url", "text", "found"),
    [
        (
            "www.washingtonpost.com",
            None,
            "“It rose,” he told The Washington Post.",
            "The Washington Post",
        ),
        ("www.theguardian.com", None, "the professor told the Guardian on Friday", "the Guardian"),
        (None, "https://www.newsweek.com/x", "emails obtained by Newsweek show", "Newsweek"),
        ("www.theguardian.com", None, "Guardian angels were praised.", None),  # not "the Guardian"
        ("AP", None, "the chief told AP on Monday", None),  # wires are read as wires
        ("www.example-daily.com", None, "Example Daily reported", None),  # not a known outlet
    ],
)
def test_outlet_mentions(outlet, url, text, found) -> None:
    named = _article("Body.", outlet=outlet, url=url)
    assert names_outlet(_article(text), outlet_mentions(named)) == found


def test_wire_attributions_and_pick_wire() -> None:
    assert wire_attributions("“It struck,” a police chief told AFP.") == {"AFP"}
    assert wire_attributions("he told the Associated Press on Monday") == {"AP"}
    assert wire_attributions("The AP poll found one-third agree.") == set()
    assert pick_wire(["PA Media", "AP"]) == "AP"
    assert pick_wire(["dpa", "ANI"]) == "ANI"
