"""Folders of folders: recursive=True, outlet_from="folder", mixed .txt and .html files."""

from __future__ import annotations

import datetime as dt

import pytest

import newskit
from newskit.errors import CorpusSourceError


def _tree(root):
    (root / "cnn").mkdir()
    (root / "fox" / "2024").mkdir(parents=True)
    (root / "cnn" / "storm.txt").write_text(
        "A storm hit the coast on Friday. Power failed.", encoding="utf-8"
    )
    (root / "fox" / "2024" / "storm.txt").write_text(
        "The storm cut power to thousands. Crews worked.", encoding="utf-8"
    )
    (root / "fox" / "notes.md").write_text("not an article", encoding="utf-8")
    (root / "top.txt").write_text(
        "A top-level article about the storm. It ended.", encoding="utf-8"
    )


def test_subfolders_are_not_read_by_default(tmp_path):
    _tree(tmp_path)
    corpus = newskit.load_corpus(tmp_path)
    assert corpus.ids == ["top"]
    reasons = set(corpus.skipped["reason"])
    assert "ignored: a folder (subfolders are read with recursive=True)" in reasons


def test_recursive_reads_nested_folders_with_path_ids(tmp_path):
    _tree(tmp_path)
    corpus = newskit.load_corpus(tmp_path, recursive=True)
    assert corpus.ids == ["cnn/storm", "fox/2024/storm", "top"]
    assert [a.outlet for a in corpus] == [None, None, None]
    skipped = corpus.skipped
    assert list(skipped["file"].map(lambda f: f.split("/")[-1])) == ["notes.md"]


def test_outlet_from_folder(tmp_path):
    _tree(tmp_path)
    corpus = newskit.load_corpus(tmp_path, recursive=True, outlet_from="folder")
    got = {a.id: a.outlet for a in corpus}
    # the folder name is what the file "said"; "cnn" is a well-known outlet's alias
    assert got == {"cnn/storm": "CNN", "fox/2024/storm": "2024", "top": None}
    assert corpus["cnn/storm"].outlet_raw == "cnn"
    assert "outlet from the folder name" in corpus.frame().set_index("id").loc["cnn/storm", "notes"]


def test_outlet_from_folder_loses_to_metadata_csv_and_beats_text(tmp_path):
    (tmp_path / "wire").mkdir()
    (tmp_path / "wire" / "a.txt").write_text(
        "LONDON (Reuters) - Shares fell. Bonds rose.", encoding="utf-8"
    )
    (tmp_path / "wire" / "b.txt").write_text(
        "PARIS (AFP) - Rain fell. Roads closed.", encoding="utf-8"
    )
    (tmp_path / "wire" / "metadata.csv").write_text(
        "file,outlet,date\nb.txt,Agence,2024-01-02\n", encoding="utf-8"
    )
    corpus = newskit.load_corpus(tmp_path, recursive=True, outlet_from="folder")
    assert corpus["wire/a"].outlet == "wire"
    assert corpus["wire/b"].outlet == "Agence"
    assert corpus["wire/b"].date == dt.date(2024, 1, 2)
    assert corpus["wire/b"].date_source == "metadata"
    assert corpus["wire/a"].notes == ("outlet from the folder name",)
    assert corpus["wire/b"].notes == ()


def test_bad_outlet_from_and_empty_tree(tmp_path):
    (tmp_path / "a.txt").write_text("Text here. More.", encoding="utf-8")
    with pytest.raises(ValueError, match="outlet_from must be 'folder'"):
        newskit.load_corpus(tmp_path, outlet_from="file")
    empty = tmp_path / "empty"
    (empty / "deeper").mkdir(parents=True)
    with pytest.raises(CorpusSourceError, match=r"the folder has no \.txt, \.html or \.warc files"):
        newskit.load_corpus(empty, recursive=True)
