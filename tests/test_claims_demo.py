"""The numbers notebook on a user's corpus: no demonstration data in any table, CSV or page."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from newskit.app.report import build_report

NOTEBOOK = Path(__file__).resolve().parent.parent / "notebooks" / "03_numbers.ipynb"
ARTICLES = {
    "alpha_1.txt": "A new poll found that 41% of voters back the canal plan. The vote is on "
    "Tuesday, and the canal would cost $2.1 billion over 12 years.",
    "beta_1.txt": "Some 41% of voters back the canal plan, a poll found. The canal would cost "
    "$2.1 billion, and the vote is on Tuesday.",
    "gamma_1.txt": "Only 38% of voters back the canal plan, according to a new poll. Lawmakers "
    "said the canal would cost $2.4 billion.",
}
OUTLETS = {"alpha_1": "Alpha Post", "beta_1": "Beta Wire", "gamma_1": "Gamma News"}
# What the demonstration (seeds + a made-up article) would bring in.
FOREIGN = ("Made-up", "made_up", "Bloomberg", "Kurdistan24", "Newslooks", "Noah Wire", "AP:")


@pytest.mark.slow
def test_numbers_notebook_on_a_user_corpus_shows_only_its_articles(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for name, text in ARTICLES.items():
        (corpus / name).write_text(text, encoding="utf-8")
    (corpus / "metadata.csv").write_text(
        "file,outlet,date\n"
        + "".join(f"{k}.txt,{v},2025-05-0{i + 1}\n" for i, (k, v) in enumerate(OUTLETS.items())),
        encoding="utf-8",
    )
    out = tmp_path / "out"
    build_report(corpus, out, notebooks=[NOTEBOOK], progress=None)
    csvs = sorted(out.glob("03_numbers.*.csv"))
    assert any(p.name == "03_numbers.claims.csv" for p in csvs)
    seen_outlets: set[str] = set()
    for path in csvs:
        text = path.read_text(encoding="utf-8")
        for word in FOREIGN:
            assert word not in text, f"{path.name} contains {word!r}"
        for row in csv.DictReader(text.splitlines()):
            if row.get("outlet"):
                assert row["outlet"] in OUTLETS.values(), (path.name, row)
                seen_outlets.add(row["outlet"])
            for outlet in filter(None, (row.get("outlets") or "").split(", ")):
                assert outlet in OUTLETS.values(), (path.name, row)
            if row.get("article_id"):
                assert row["article_id"] in OUTLETS, (path.name, row)
    assert seen_outlets == set(OUTLETS.values())
    page = (out / "03_numbers.html").read_text(encoding="utf-8")
    for word in ("Made-up Daily", "Bloomberg", "Kurdistan24"):
        assert word not in page
    assert "runs on the bundled seeds only" in page
    # The user's own disagreement is found: 38% against 41%, $2.4 against $2.1 billion.
    groups = next(p for p in csvs if p.name == "03_numbers.agreement.csv").read_text()
    assert "Gamma News" in groups and "False" in groups
