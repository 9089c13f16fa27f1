"""load_corpus on a list of paths: each path read by its kind, tables as their rows."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

import newskit


def _rows(prefix: str, n: int) -> pd.DataFrame:
    return pd.DataFrame(
        {
            "id": [f"{prefix}-{k}" for k in range(n)],
            "outlet": ["Daily Ledger", "Harbour Post"] * (n // 2) + ["Daily Ledger"] * (n % 2),
            "text": [f"The {prefix} council met on day {k} and voted 5 to 2." for k in range(n)],
        }
    )


def test_a_list_of_jsonl_files_loads_their_rows(tmp_path: Path):
    _rows("may", 3).to_json(tmp_path / "may.jsonl", orient="records", lines=True)
    _rows("june", 2).to_json(tmp_path / "june.jsonl", orient="records", lines=True)
    corpus = newskit.load_corpus([tmp_path / "may.jsonl", tmp_path / "june.jsonl"])
    assert corpus.ids == ["may-0", "may-1", "may-2", "june-0", "june-1"]
    assert corpus["june-1"].text == "The june council met on day 1 and voted 5 to 2."
    assert corpus["may-1"].outlet == "Harbour Post"
    assert corpus["may-0"].source == f"{tmp_path / 'may.jsonl'}, row 1"


def test_a_list_mixing_tables_and_text_files_keeps_list_order(tmp_path: Path):
    _rows("a", 2).drop(columns="id").to_csv(tmp_path / "a.csv", index=False)
    _rows("b", 2).to_parquet(tmp_path / "b.parquet", index=False)
    (tmp_path / "note.txt").write_text("A single article about the harbour vote.\n")
    corpus = newskit.load_corpus(
        [tmp_path / "a.csv", tmp_path / "note.txt", tmp_path / "b.parquet"]
    )
    # a table without ids names its rows FILESTEM-ROW, as when it is the whole source
    assert corpus.ids == ["a-1", "a-2", "note", "b-0", "b-1"]
    assert corpus["note"].raw == "A single article about the harbour vote.\n"


def test_a_missing_table_in_a_list_raises_or_is_skipped(tmp_path: Path):
    _rows("a", 2).to_csv(tmp_path / "a.csv", index=False)
    paths = [tmp_path / "a.csv", tmp_path / "gone.jsonl"]
    with pytest.raises(newskit.ArticleError, match=r"gone\.jsonl: no such file"):
        newskit.load_corpus(paths)
    corpus = newskit.load_corpus(paths, errors="skip")
    assert corpus.ids == ["a-0", "a-1"]
    skipped = corpus.skipped
    assert skipped["file"].tolist() == [str(tmp_path / "gone.jsonl")]
    assert skipped["row"].isna().all()
    assert skipped["reason"].tolist() == ["no such file; check the path"]


def test_a_table_without_text_in_a_list_is_reported_with_its_name(tmp_path: Path):
    pd.DataFrame({"id": ["x"], "words": ["w"]}).to_csv(tmp_path / "bad.csv", index=False)
    _rows("a", 2).to_csv(tmp_path / "a.csv", index=False)
    with pytest.raises(newskit.CorpusSourceError, match=r"bad\.csv: has no article-text column"):
        newskit.load_corpus([tmp_path / "bad.csv", tmp_path / "a.csv"])
    corpus = newskit.load_corpus([tmp_path / "bad.csv", tmp_path / "a.csv"], errors="skip")
    assert corpus.ids == ["a-0", "a-1"]
    assert corpus.skipped["file"].tolist() == [str(tmp_path / "bad.csv")]


def test_the_same_id_in_two_listed_tables_is_a_duplicate(tmp_path: Path):
    _rows("a", 2).to_csv(tmp_path / "one.csv", index=False)
    _rows("a", 3).to_json(tmp_path / "two.jsonl", orient="records", lines=True)
    with pytest.raises(newskit.ArticleError, match=r"two\.jsonl, row 1: duplicate id 'a-0'"):
        newskit.load_corpus([tmp_path / "one.csv", tmp_path / "two.jsonl"])
    corpus = newskit.load_corpus([tmp_path / "one.csv", tmp_path / "two.jsonl"], errors="skip")
    assert corpus.ids == ["a-0", "a-1", "a-2"]
    assert corpus.skipped["row"].tolist() == [1, 2]
