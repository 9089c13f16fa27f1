"""coverage: facts as clusters of aligned sentences, one column per outlet."""

from __future__ import annotations

import pytest

from newskit import coverage
from newskit.reuse.coverage import COVERAGE_LONG_COLUMNS

A = (
    "Heavy rain flooded the river valley on Tuesday, forcing hundreds of families to leave "
    "their homes. The regional governor declared a state of emergency and asked the army for "
    "boats."
)
B = (
    "Hundreds of families were forced from their homes on Tuesday after torrential rain "
    "flooded the valley along the river. Volunteers filled sandbags near the old stone bridge."
)
C = "Torrential rain flooded the river valley on Tuesday and hundreds of families left their homes."


def test_wide_table_has_one_column_per_outlet(make_corpus) -> None:
    meta = "file,outlet\na.txt,Alpha\nb.txt,Beta\nc.txt,Gamma\n"
    c = make_corpus({"a": A, "b": B, "c": C}, metadata=meta)
    wide = coverage(c)
    assert list(wide.columns) == ["fact_id", "n_outlets", "fact", "Alpha", "Beta", "Gamma"]
    top = wide.iloc[0]
    assert top["n_outlets"] == 3 and top["fact"].startswith("Heavy rain")
    assert top["Beta"].startswith("Hundreds") and top["Gamma"] == C
    # what only one outlet adds
    only = wide[wide["n_outlets"] == 1]
    assert set(only["fact"]) == {A.split(". ")[1], B.split(". ")[1]}
    assert (only[["Alpha", "Beta", "Gamma"]] != "").sum(axis=1).eq(1).all()
    assert list(coverage(c, min_outlets=2)["fact_id"]) == [0]


def test_long_form_offsets(make_corpus) -> None:
    c = make_corpus({"a": A, "b": B})
    long = coverage(c, form="long")
    assert list(long.columns) == COVERAGE_LONG_COLUMNS
    for r in long.itertuples():
        assert c[r.article_id].raw[r.start : r.end] == r.text
    assert long["column"].tolist()[:2] == ["a", "b"]  # no outlet: the id is the column


def test_seeds(seeds) -> None:
    wide = coverage(seeds)
    assert wide.columns[3:].tolist() == [
        "Bloomberg",
        "Noah Wire Services",
        "Newslooks",
        "AP",
        "Kurdistan24",
    ]
    assert wide["n_outlets"].is_monotonic_decreasing
    windsor = wide[wide["AP"].str.contains("Windsor Castle")]
    assert windsor["n_outlets"].item() >= 3 and "Windsor" in windsor["Newslooks"].item()
    with pytest.raises(ValueError, match="form"):
        coverage(seeds, form="tall")  # type: ignore[arg-type]
