"""Loading: sources, metadata, encodings, and every bad-input case named by file and reason."""

from __future__ import annotations

import datetime as dt
import json
import shutil
import warnings
from pathlib import Path

import pandas as pd
import pytest

import newskit
from newskit.errors import ArticleError, CorpusError, CorpusSourceError

SEEDS = Path(__file__).resolve().parent.parent / "seeds"


def test_seeds_load_with_metadata(seeds):
    assert seeds.ids == [
        "000_5edfcbc6f2ce9f7a",
        "001_9c818c48c1241c76",
        "002_d09e47004eca7c4b",
        "003_9f741c860b40ed27",
        "004_399b47718ae4d695",
    ]
    outlets = [a.outlet for a in seeds]
    assert outlets == ["Bloomberg", "Noah Wire Services", "Newslooks", "AP", "Kurdistan24"]
    dates = [a.date for a in seeds]
    assert dates == [dt.date(2025, 9, 12), None, None, dt.date(2025, 9, 12), dt.date(2025, 9, 14)]
    assert seeds.skipped.empty


def test_seeds_are_byte_identical_to_shared_originals():
    shared = SEEDS.parent.parent / "shared" / "seeds"
    if not shared.is_dir():
        pytest.skip("../shared/seeds is not beside this checkout")
    names = sorted(p.name for p in shared.glob("*.txt"))
    assert names == sorted(p.name for p in SEEDS.glob("*.txt"))
    for name in names:
        assert (shared / name).read_bytes() == (SEEDS / name).read_bytes()


def test_metadata_read_from_text_without_metadata_csv(tmp_path):
    for p in SEEDS.glob("*.txt"):
        shutil.copy(p, tmp_path / p.name)
    corpus = newskit.load_corpus(tmp_path)
    got = {a.id[:3]: (a.outlet, a.date, a.title) for a in corpus}
    assert got["000"] == ("Bloomberg", dt.date(2025, 9, 12), None)
    assert got["001"] == ("Noah Wire Services", None, None)
    assert got["002"] == (
        "Newslooks",
        None,
        "Bessent to Meet Chinese Officials in Spain for TikTok, Trade Talks",
    )
    assert got["003"] == ("AP", dt.date(2025, 9, 12), None)
    assert got["004"] == ("Kurdistan24", dt.date(2025, 9, 14), None)
    assert corpus["002_d09e47004eca7c4b"].author == "J. Mansour"


def test_metadata_csv_wins_over_text(make_corpus):
    corpus = make_corpus(
        {"a": " date 2024-01-02 LONDON (Reuters) - Prices rose.", "b": "Plain text here."},
        metadata="file,outlet,date,title,url,notes\na.txt,Reuters UK,2024-01-03,T,http://x/a,n\n"
        "b,,,,,\n",
    )
    a, b = corpus["a"], corpus["b"]
    assert (a.outlet, a.date, a.title, a.url) == (
        "Reuters UK",
        dt.date(2024, 1, 3),
        "T",
        "http://x/a",
    )
    assert a.text == "Prices rose."
    assert (b.outlet, b.date) == (None, None)  # empty metadata cells do not erase anything


def test_frame_columns_and_counts(seeds):
    frame = seeds.frame()
    assert list(frame.columns) == [
        "id", "outlet", "date", "title", "url", "n_chars", "n_words", "n_sentences",
        "n_removed", "encoding", "source", "outlet_raw", "wire", "wire_evidence", "story_id", "date_source", "extractor",
        "notes",
    ]  # fmt: skip
    ap = frame.set_index("id").loc["003_9f741c860b40ed27"]
    assert ap.n_sentences == 15
    assert ap.n_removed == 2
    assert ap.n_chars == len(seeds["003_9f741c860b40ed27"].text)
    assert pd.api.types.is_datetime64_any_dtype(frame["date"])


def test_corpus_is_indexable_and_immutable(seeds):
    assert seeds[3] is seeds["003_9f741c860b40ed27"]
    assert "003_9f741c860b40ed27" in seeds and "nope" not in seeds
    assert [a.id for a in seeds[1:3]] == seeds.ids[1:3]
    assert seeds.select(["004_399b47718ae4d695", "000_5edfcbc6f2ce9f7a"]).ids == [
        "000_5edfcbc6f2ce9f7a",
        "004_399b47718ae4d695",
    ]
    with pytest.raises(KeyError, match="nope"):
        seeds["nope"]
    with pytest.raises(AttributeError):
        seeds[0].text = "changed"  # type: ignore[misc]


@pytest.mark.parametrize(
    ("data", "encoding", "text"),
    [
        ("Café news.\n".encode(), "utf-8", "Café news.\n"),
        (b"\xef\xbb\xbfCaf\xc3\xa9 news.", "utf-8-sig", "Café news."),
        (b"Caf\xe9 news \x93quoted\x94.", "cp1252 (fallback)", "Café news “quoted”."),
        ("Café news.".encode("utf-16"), "utf-16", "Café news."),
    ],
)
def test_encodings(tmp_path, data, encoding, text):
    (tmp_path / "a.txt").write_bytes(data)
    corpus = newskit.load_corpus(tmp_path)
    assert corpus["a"].encoding == encoding
    assert corpus["a"].raw == text
    assert corpus.frame().loc[0, "encoding"] == encoding


@pytest.mark.parametrize("newline", ["\r\n", "\r"])
def test_line_ends_kept_and_handled(tmp_path, newline):
    body = newline.join(["First paragraph here.", "", "Advertisement", "", "Second one. Third."])
    (tmp_path / "a.txt").write_bytes(body.encode())
    art = newskit.load_corpus(tmp_path)["a"]
    assert art.raw == body  # nothing translated
    assert "Advertisement" not in art.text
    sents = newskit.sentences([art])
    assert list(sents.text) == ["First paragraph here.", "Second one.", "Third."]
    for row in sents.itertuples():
        assert art.raw[row.start : row.end] == row.text


def _bad(tmp_path: Path, name: str, data: bytes) -> Path:
    folder = tmp_path / "c"
    folder.mkdir(exist_ok=True)
    (folder / "good.txt").write_text("A good article about tariffs.", encoding="utf-8")
    (folder / name).write_bytes(data)
    return folder


@pytest.mark.parametrize(
    ("name", "data", "reason"),
    [
        ("empty.txt", b"", "the file is empty"),
        ("blank.txt", b"  \n\t \n", "only whitespace"),
        ("binary.txt", b"PK\x03\x04\x00\x00abc", "binary file"),
        ("bad.txt", b"\x81\x8d\x8f bytes", "not valid UTF-8"),
        ("ads.txt", b"Advertisement\n", "nothing is left after removing boilerplate"),
    ],
)
def test_bad_files_raise_or_skip(tmp_path, name, data, reason):
    folder = _bad(tmp_path, name, data)
    with pytest.raises(ArticleError, match=reason) as info:
        newskit.load_corpus(folder)
    assert name in str(info.value) and info.value.file.endswith(name)
    corpus = newskit.load_corpus(folder, errors="skip")
    assert corpus.ids == ["good"]
    skipped = corpus.skipped
    assert len(skipped) == 1
    assert skipped.loc[0, "file"].endswith(name)
    assert reason in skipped.loc[0, "reason"]


def test_unreadable_file(tmp_path, monkeypatch):
    folder = _bad(tmp_path, "locked.txt", b"text")
    real = Path.read_bytes

    def deny(self):
        if self.name == "locked.txt":
            raise PermissionError(13, "Permission denied")
        return real(self)

    monkeypatch.setattr(Path, "read_bytes", deny)
    with pytest.raises(CorpusError, match=r"locked\.txt: cannot be read \(Permission denied\)"):
        newskit.load_corpus(folder)
    assert (
        newskit.load_corpus(folder, errors="skip")
        .skipped.loc[0, "reason"]
        .startswith("cannot be read")
    )


def test_duplicate_ids_from_a_list_of_paths(tmp_path):
    for sub in ("x", "y"):
        (tmp_path / sub).mkdir()
        (tmp_path / sub / "same.txt").write_text(f"Article from {sub}.", encoding="utf-8")
    paths = [tmp_path / "x" / "same.txt", tmp_path / "y" / "same.txt"]
    with pytest.raises(ArticleError, match=r"y/same\.txt: duplicate id 'same'"):
        newskit.load_corpus(paths)
    corpus = newskit.load_corpus(paths, errors="skip")
    assert corpus["same"].raw == "Article from x."
    assert "duplicate id" in corpus.skipped.loc[0, "reason"]


def test_csv_source_columns_case_insensitive(tmp_path):
    path = tmp_path / "arts.csv"
    pd.DataFrame(
        {
            "ID": ["a", "b"],
            "Source": ["AP", "Reuters"],
            "Date": ["2025-09-12", "2025-09-13T08:00:00Z"],
            "TEXT": ["One. Two.", "Three."],
        }
    ).to_csv(path, index=False)
    corpus = newskit.load_corpus(path)
    assert corpus.ids == ["a", "b"]
    assert [a.outlet for a in corpus] == ["AP", "Reuters"]
    assert corpus["b"].date == dt.date(2025, 9, 13)
    assert corpus["a"].source.endswith("arts.csv, row 1")


def test_csv_row_without_text_and_bad_date(tmp_path):
    path = tmp_path / "arts.csv"
    path.write_text("id,text,date\na,Fine text.,2025-01-01\nb,,2025-01-01\nc,More.,soon\n")
    with pytest.raises(ArticleError, match=r"arts\.csv, row 2: has no text"):
        newskit.load_corpus(path)
    corpus = newskit.load_corpus(path, errors="skip")
    assert corpus.ids == ["a"]
    assert list(corpus.skipped["row"]) == [2, 3]
    assert "'soon' is not a date" in corpus.skipped.loc[1, "reason"]


def test_csv_without_text_column_always_raises(tmp_path):
    path = tmp_path / "arts.csv"
    path.write_text("id,words\na,Some text.\n")
    for errors in ("raise", "skip"):
        with pytest.raises(
            CorpusSourceError,
            match=r"arts\.csv: has no article-text column \(columns: id, words\).*columns=\{'text': 'words'\}",
        ):
            newskit.load_corpus(path, errors=errors)


def test_jsonl_source_and_bad_lines(tmp_path):
    path = tmp_path / "arts.jsonl"
    lines = [
        json.dumps({"id": "a", "text": "Fine.", "outlet": "AP"}),
        "{not json",
        "",
        json.dumps(["a list"]),
        json.dumps({"id": "d", "text": "  "}),
        json.dumps({"text": "No id here."}),
    ]
    path.write_text("\n".join(lines), encoding="utf-8")
    with pytest.raises(ArticleError, match=r"arts\.jsonl, row 2: not valid JSON"):
        newskit.load_corpus(path)
    corpus = newskit.load_corpus(path, errors="skip")
    assert corpus.ids == ["a", "arts-6"]
    assert list(corpus.skipped["row"]) == [2, 4, 5]
    assert corpus["a"].outlet == "AP"


def test_dataframe_source():
    df = pd.DataFrame({"text": ["Alpha beta.", "Gamma."], "outlet": ["X", None]})
    corpus = newskit.load_corpus(df)
    assert corpus.ids == ["row-1", "row-2"]
    assert [a.outlet for a in corpus] == ["X", None]


def test_folder_reports_ignored_files(tmp_path):
    (tmp_path / "a.txt").write_text("Text.", encoding="utf-8")
    (tmp_path / "notes.md").write_text("# not an article", encoding="utf-8")
    (tmp_path / "sub").mkdir()
    corpus = newskit.load_corpus(tmp_path)
    reasons = dict(
        zip(
            corpus.skipped["file"].map(lambda f: Path(f).name),
            corpus.skipped["reason"],
            strict=True,
        )
    )
    assert reasons == {
        "notes.md": "ignored: not an article file (.txt, .html, .htm, .warc)",
        "sub": "ignored: a folder (subfolders are read with recursive=True)",
    }


def test_metadata_row_for_missing_file(make_corpus):
    meta = "file,outlet\na.txt,AP\nghost.txt,Reuters\n"
    with pytest.raises(ArticleError, match=r"metadata\.csv, row 2: names 'ghost\.txt'"):
        make_corpus({"a": "Text."}, metadata=meta)
    corpus = make_corpus({"a": "Text."}, metadata=meta, errors="skip")
    assert corpus["a"].outlet == "AP"
    assert len(corpus.skipped) == 1


@pytest.mark.parametrize(
    ("source", "message"),
    [
        ("does/not/exist", "no such file or folder"),
        ([], "the list of paths is empty"),
        (42, "cannot read a corpus from int"),
    ],
)
def test_unusable_sources_always_raise(source, message):
    with pytest.raises(CorpusSourceError, match=message):
        newskit.load_corpus(source, errors="skip")


def test_no_articles_left_raises_even_when_skipping(tmp_path):
    (tmp_path / "a.txt").write_bytes(b"")
    with pytest.raises(
        CorpusSourceError, match=r"no articles could be loaded.*a\.txt: the file is empty"
    ):
        newskit.load_corpus(tmp_path, errors="skip")
    empty = tmp_path / "empty"
    empty.mkdir()
    with pytest.raises(CorpusSourceError, match=r"the folder has no \.txt, \.html or \.warc files"):
        newskit.load_corpus(empty)


def test_errors_mode_is_checked():
    with pytest.raises(ValueError, match="errors must be"):
        newskit.load_corpus(None, errors="ignore")  # type: ignore[arg-type]


def test_article_over_max_chars_is_refused_naming_the_limit(tmp_path):
    (tmp_path / "big.txt").write_text("Word " * 3000, encoding="utf-8")
    (tmp_path / "small.txt").write_text("A small article. It loads.", encoding="utf-8")
    with pytest.raises(
        ArticleError,
        match=r"big\.txt: has 15,000 characters, over the limit of 10,000; raise it with load_corpus\(\.\.\., max_chars=15_001\)",
    ):
        newskit.load_corpus(tmp_path, max_chars=10_000)
    corpus = newskit.load_corpus(tmp_path, max_chars=10_000, errors="skip")
    assert corpus.ids == ["small"]
    assert "over the limit of 10,000" in corpus.skipped.iloc[0]["reason"]
    assert newskit.load_corpus(tmp_path, max_chars=None).ids == ["big", "small"]


def test_large_article_loads_whole_with_a_note(tmp_path):
    from newskit.corpus.corpus import LARGE_CHARS

    text = "Prices rose again. " * (LARGE_CHARS // 19 + 10)
    (tmp_path / "large.txt").write_text(text, encoding="utf-8")
    corpus = newskit.load_corpus(tmp_path)
    assert corpus["large"].raw == text  # never truncated
    (note,) = corpus["large"].notes  # corpus.frame()["notes"] shows it
    assert note == f"large article: {len(text):,} characters (over {LARGE_CHARS:,})"


def test_file_too_big_for_max_chars_is_refused_before_reading(tmp_path):
    (tmp_path / "huge.txt").write_bytes(b"word " * 2000)  # 10,000 bytes
    with pytest.raises(
        ArticleError,
        match=r"huge\.txt: is 10,000 bytes, more than 2,000 characters \(the max_chars limit\)",
    ):
        newskit.load_corpus(tmp_path, max_chars=2_000)


def test_anything_skipped_is_counted_in_a_load_warning(tmp_path):
    (tmp_path / "a.txt").write_text("An article about the harbour.", encoding="utf-8")
    (tmp_path / "b.txt").write_text("Another article about the harbour.", encoding="utf-8")
    (tmp_path / "README.md").write_text("# notes", encoding="utf-8")
    (tmp_path / "notes.md").write_text("# more notes", encoding="utf-8")
    (tmp_path / "menu.html").write_text(
        "<html><body><nav><a href='/'>Home</a></nav><p>Menu</p></body></html>", encoding="utf-8"
    )
    for errors in ("raise", "skip"):  # passed over on purpose: a warning whatever errors= says
        with pytest.warns(newskit.LoadWarning) as caught:
            corpus = newskit.load_corpus(tmp_path, errors=errors)
        (message,) = [str(w.message) for w in caught if "skipped" in str(w.message)]
        assert message.startswith("3 inputs skipped (see corpus.skipped): ")
        assert "2 × ignored: not an article file" in message
        assert "1 × no article text in the web page" in message
        assert corpus.ids == ["a", "b"] and len(corpus.skipped) == 3


def test_bad_rows_skipped_are_counted_by_reason(tmp_path):
    frame = pd.DataFrame(
        {"id": ["a", "b", "c", "d"], "text": ["Text one.", "", "Text three.", "  "],
         "date": ["2024-01-02", "2024-01-03", "not a date", "2024-01-05"]}
    )  # fmt: skip
    with pytest.warns(newskit.LoadWarning, match="3 inputs skipped") as caught:
        corpus = newskit.load_corpus(frame, errors="skip")
    assert corpus.ids == ["a"]
    (message,) = [str(w.message) for w in caught if "skipped" in str(w.message)]
    assert "2 × has no text" in message
    assert "1 × date … is not a date" in message


def test_nothing_skipped_no_warning(tmp_path):
    (tmp_path / "a.txt").write_text("An article about the harbour.", encoding="utf-8")
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        newskit.load_corpus(tmp_path)


def test_jsonl_read_in_chunks_gives_the_corpus_read_whole(tmp_path, monkeypatch):
    path = tmp_path / "many.jsonl"
    lines = [
        json.dumps({"id": "a", "text": "First story.", "n": 1}),
        "{not json",
        "",
        json.dumps({"id": "b", "text": "Second story.", "section": "world"}),
        json.dumps({"id": "c", "text": " "}),
        json.dumps({"id": "d", "text": "Fourth story.", "n": 4, "headline": "Late title"}),
        json.dumps({"id": "e", "text": "Fifth story.", "date": "not a date"}),
        json.dumps({"id": "f", "content": {"body": "Nested."}, "text": "Sixth story."}),
    ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")

    def load() -> tuple[newskit.Corpus, list[str]]:
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            corpus = newskit.load_corpus(path, errors="skip", progress=False)
        return corpus, [str(w.message) for w in caught]

    whole, whole_warnings = load()
    monkeypatch.setattr("newskit.corpus.load.JSONL_CHUNK_BYTES", 16)  # about a line a chunk
    corpus, caught = load()
    assert corpus.ids == ["a", "b", "d", "f"]
    assert list(corpus.skipped["row"]) == [2, 5, 7]
    # a column some rows lack is read as the whole file gives it: whole numbers become floats
    assert [repr(a.meta.get("n")) for a in corpus] == ["1.0", "None", "4.0", "None"]
    assert corpus["d"].title == "Late title"
    assert corpus["f"].meta["content.body"] == "Nested."
    assert sum("recognised column names" in w for w in caught) == 1
    assert caught == whole_warnings
    assert list(corpus) == list(whole)
    assert [a.meta for a in corpus] == [a.meta for a in whole]
    assert corpus.skipped.equals(whole.skipped)


def test_jsonl_decoded_as_windows_1252_when_a_late_line_is_not_utf8(tmp_path, monkeypatch):
    path = tmp_path / "old.jsonl"
    first = json.dumps({"id": "a", "text": "Plain story."}).encode()
    late = json.dumps({"id": "b", "text": "Caf\u00e9 story."}, ensure_ascii=False)
    path.write_bytes(first + b"\n" + late.encode("cp1252") + b"\n")
    monkeypatch.setattr("newskit.corpus.load.JSONL_CHUNK_BYTES", 8)
    corpus = newskit.load_corpus(path, progress=False)
    assert [a.encoding for a in corpus] == ["cp1252 (fallback)"] * 2
    assert corpus["b"].raw == "Caf\u00e9 story."


def test_a_json_row_is_flattened_as_json_normalize_flattens_it():
    from newskit.corpus.load import _flatten_json

    row = {"id": "a1", "content": {"body": "Text.", "meta": {"lang": "en"}}, "tags": ["x"]}
    flat = _flatten_json(row)
    assert flat == {"id": "a1", "content.body": "Text.", "content.meta.lang": "en", "tags": ["x"]}
    assert list(pd.json_normalize([row], sep=".").columns) == list(flat)
