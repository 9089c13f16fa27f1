"""Claims panels driven from pytest: every control changes what is shown."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

import newskit
from newskit.app.demos import DEMO_COLUMNS, MADE_UP_OUTLET, numbers_demo
from newskit.figures.claims import claim_timeline, disagreement_figure
from newskit.views import claims_agreement_panel, claims_panel, claims_reader_panel
from newskit.views.claims import ALL

SEEDS = Path(__file__).resolve().parent.parent / "seeds"
AP = "003_9f741c860b40ed27"
K24 = "004_399b47718ae4d695"


@pytest.fixture(scope="module")
def seed_claims(seeds):
    return newskit.numeric_claims(seeds)


@pytest.fixture
def with_made_up(tmp_path):
    folder = tmp_path / "c"
    shutil.copytree(SEEDS, folder)
    (folder / "999_madeup.txt").write_text(
        "Trump has extended the TikTok sale deadline four times during his second term. "
        "A new poll found that 40% of Americans support a TikTok ban.",
        encoding="utf-8",
    )
    corpus = newskit.load_corpus(folder)
    # two sentences are too few for newskit.stories to join the seeds' story: say it does
    return corpus.with_stories({a.id: "madrid" for a in corpus})


def _points(fig) -> int:
    return sum(len(t.x) for t in fig.data if t.mode == "markers")


def test_claims_panel_kind(seeds, seed_claims):
    panel = claims_panel(seeds, claims=seed_claims, rows=500)
    assert len(panel.table) == len(seed_claims)
    all_points = _points(panel.figure)
    panel.controls["kind"].value = "ordinal"
    assert set(panel.table["kind"]) == {"ordinal"}
    assert len(panel.table) == (seed_claims["kind"] == "ordinal").sum()
    assert _points(panel.figure) == 0  # ordinals are not dates
    panel.controls["kind"].value = "date"
    assert set(panel.table["kind"]) == {"date"}
    assert 0 < _points(panel.figure) < all_points


def test_claims_panel_outlet(seeds, seed_claims):
    panel = claims_panel(seeds, claims=seed_claims, rows=500)
    panel.controls["outlet"].value = "Kurdistan24"
    assert set(panel.table["outlet"]) == {"Kurdistan24"}
    assert len(panel.table) == (seed_claims["article_id"] == K24).sum()
    assert {t.name for t in panel.figure.data if t.mode == "markers"} == {"Kurdistan24"}


def test_claims_panel_hedge(seeds, seed_claims):
    panel = claims_panel(seeds, claims=seed_claims, rows=500)
    panel.controls["hedge"].value = "hedged"
    hedged = panel.table
    assert len(hedged) == seed_claims["hedge"].notna().sum() > 0
    assert hedged["hedge"].notna().all()
    panel.controls["hedge"].value = "not hedged"
    assert panel.table["hedge"].isna().all()
    assert len(panel.table) + len(hedged) == len(seed_claims)
    panel.controls["hedge"].value = ALL
    assert len(panel.table) == len(seed_claims)


def test_agreement_panel_controls(with_made_up):
    panel = claims_agreement_panel(with_made_up)
    every = panel.table
    assert (~every["agree"]).sum() == 2
    html = panel.items[0].to_html()
    assert html.count("#fde2e1") > 0  # disagreements are highlighted
    panel.controls["show"].value = "disagreements only"
    assert len(panel.table) == 2 and not panel.table["agree"].any()
    assert set(panel.table["dissent"].str.split(":").str[0]) == {"999_madeup"}
    panel.controls["show"].value = "disagreements side by side"
    html = panel.html
    assert html.count("nk-dispute") == 4  # two disagreements, two marked numbers each
    assert '<mark class="nk-dispute">four times</mark>' in html and "999_madeup" in html
    assert '<mark class="nk-dispute">40%</mark>' in html
    panel.controls["show"].value = "related numbers"
    assert panel.table is None or (panel.table["relation"] == "related").all()
    panel.controls["show"].value = "all groups"
    assert (panel.table["relation"] == "same_fact").all()
    panel.controls["min_outlets"].value = 4
    assert len(panel.table) < len(every)
    assert (panel.table["n_outlets"] >= 4).all()
    panel.controls["min_outlets"].value = 6
    assert panel.table is None and "No groups" in panel.html


def test_reader_panel_controls(seeds, seed_claims):
    panel = claims_reader_panel(seeds, claims=seed_claims)
    first = panel.html
    panel.controls["article"].value = AP
    html = panel.html
    assert html != first
    n_ap = (seed_claims["article_id"] == AP).sum()
    assert html.count('<mark class="nk-claim') == n_ap
    assert "WASHINGTON — (AP)" not in html  # the cleaned text only
    assert (
        '<mark class="nk-claim nk-kind-date" title="date, date 2025-09-17">Wednesday</mark>' in html
    )
    panel.controls["kind"].value = "fraction"
    assert panel.html.count('<mark class="nk-claim') == 2
    assert "nk-kind-date" not in panel.html


def test_reader_escapes_article_text(make_corpus):
    corpus = make_corpus({"evil": "Prices rose 5% <script>alert('x')</script> on Monday & more."})
    panel = claims_reader_panel(corpus)
    html = panel.html
    assert "<script>" not in html and "&lt;script&gt;" in html and "&amp; more" in html
    assert html.count("<mark") == 2


def test_timeline_hover_links_to_sentence(seed_claims):
    fig = claim_timeline(seed_claims)
    markers = [t for t in fig.data if t.mode == "markers"]
    # Noah Wire Services has no date: its "September 14 to 17" has no year and is not placed.
    assert {t.name for t in markers} == {"Bloomberg", "AP", "Kurdistan24", "Newslooks"}
    ap = next(t for t in markers if t.name == "AP")
    i = list(ap.x).index("2025-09-17")
    assert "next deadline coming up" in ap.text[i]
    article_id, start, end = ap.customdata[i]
    assert article_id == AP and end > start
    # Undated or yearless claims are not placed
    assert all(not str(x).startswith("--") for t in markers for x in t.x)


def test_panels_refuse_empty_corpus():
    with pytest.raises(newskit.CorpusError):
        claims_panel([])


def test_disagreement_figure_puts_both_sentences_side_by_side(with_made_up):
    claims = newskit.numeric_claims(with_made_up)
    table = newskit.disagreements(newskit.compare_claims(claims), claims)
    fig = disagreement_figure(table)
    cells = fig.data[0].cells.values
    assert len(cells) == 3 and len(cells[0]) == len(table) == 2
    assert any("<b>four times</b>" in c and "999_madeup" in c for c in cells[2])
    assert all("<b>" in c for c in cells[1])
    empty = disagreement_figure(table.iloc[0:0])
    assert "No disagreements" in empty.data[0].cells.values[1][0]


def test_numbers_demo_holds_the_made_up_article_only_in_its_own_table():
    demo = numbers_demo()
    assert list(demo.columns) == DEMO_COLUMNS
    assert set(demo["dissent_outlet"]) == {MADE_UP_OUTLET} and len(demo) == 2
    assert set(demo["outlet"]) <= {"AP", "Bloomberg", "Newslooks", "Noah Wire Services"}
    assert {"multiplier", "fraction+percent"} == set(demo["kind"])
