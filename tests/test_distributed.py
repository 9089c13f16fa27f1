"""newskit.app.distributed on a 2-worker LocalCluster: its Parquet outputs equal the in-process
functions' outputs, on the seeds and on a made-up corpus read as a Dask DataFrame and as files."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

import newskit
from newskit.app import cli
from newskit.app.distributed import read_output, run_distributed

distributed = pytest.importorskip("dask.distributed")
dd = pytest.importorskip("dask.dataframe")

IN_PROCESS = {
    "articles": lambda c: c.frame(),
    "sentences": newskit.sentences,
    "tokens": newskit.tokens,
    "keywords": newskit.keywords,
    "claims": newskit.numeric_claims,
    "stories": newskit.stories,
    "candidates": newskit.candidate_pairs,
}


@pytest.fixture(scope="module")
def client():
    with (
        distributed.LocalCluster(
            n_workers=2, processes=False, threads_per_worker=1, dashboard_address=None
        ) as cluster,
        distributed.Client(cluster) as c,
    ):
        yield c


def _plain(df: pd.DataFrame) -> pd.DataFrame:
    """Parquet round trips keep values but not every dtype: categoricals become text, dates
    keep their unit; compare values."""
    df = df.copy()
    for col in df.columns:
        if isinstance(df[col].dtype, pd.CategoricalDtype):
            df[col] = df[col].astype(str)
        elif str(df[col].dtype).startswith("datetime64"):
            df[col] = df[col].astype("datetime64[ns]")
    return df


def _assert_same(run, corpus: newskit.Corpus) -> None:
    for stage, func in IN_PROCESS.items():
        got, want = run.read(stage), func(corpus)
        assert list(got.columns) == list(want.columns), stage
        assert len(want) > 0, stage
        pd.testing.assert_frame_equal(_plain(got), _plain(want), check_dtype=False, obj=stage)


def _made_up(n: int = 24) -> pd.DataFrame:
    """Articles never seen: three invented stories, each retold by several outlets with one
    shared sentence, plus words of their own, so candidate pairs exist within stories only."""
    stories = [
        "The harbour authority of Velmora approved a dredging plan costing 42 million euros.",
        "Researchers at Tallin Cross counted 1,250 nesting terns on the eastern dunes.",
        "The Ostrava transit board raised bus fares by 15% starting in March 2026.",
    ]
    rows = []
    for k in range(n):
        s = k % len(stories)
        rows.append(
            {
                "id": f"made-{k:03d}",
                "outlet": f"Outlet {k % 5}",
                "date": f"2026-0{1 + k % 3}-1{k % 10}",
                "text": (
                    f"Report number {k} from desk {k * 7 % 13}.\n\n{stories[s]} "
                    f"Officials said the decision followed {k + 3} months of review. "
                    f"Residents of district {k % 4} asked about the timetable and costs."
                ),
            }
        )
    return pd.DataFrame(rows)


def test_seeds_equal_in_process(client, seeds, tmp_path: Path):
    run = run_distributed(newskit.seeds_path(), tmp_path / "out", client=client)
    assert run.n_articles == len(seeds)
    _assert_same(run, seeds)
    assert read_output(run.outputs["skipped"]).empty


def test_generated_corpus_equals_in_process(client, tmp_path: Path):
    from newskit.synthetic import make_corpus

    frame = make_corpus(6, 5, seed=3).drop(columns="story")
    corpus = newskit.load_corpus(frame)
    source = dd.from_pandas(frame, npartitions=2)
    run = run_distributed(source, tmp_path / "out", client=client)
    assert run.n_parts == 2 and run.n_articles == len(frame) == 30
    _assert_same(run, corpus)
    assert run.read("stories")["story_id"].nunique() > 1


def test_dask_dataframe_partitions_equal_in_process(client, tmp_path: Path):
    frame = _made_up()
    corpus = newskit.load_corpus(frame)
    source = dd.from_pandas(frame, npartitions=3)
    run = run_distributed(source, tmp_path / "out", client=client)
    assert run.n_parts == 3 and run.n_articles == len(frame)
    _assert_same(run, corpus)
    assert len(run.read("candidates")) > 0


def test_glob_of_table_files_and_rows_without_ids(client, tmp_path: Path):
    frame = _made_up(12).drop(columns="id")
    frame.iloc[:6].to_csv(tmp_path / "a.csv", index=False)
    frame.iloc[6:].to_parquet(tmp_path / "b.parquet", index=False)
    run = run_distributed(str(tmp_path / "*.*"), tmp_path / "out", client=client)
    ids = run.read("articles")["id"].tolist()
    assert ids == [f"a-{i}" for i in range(1, 7)] + [f"b-{i}" for i in range(1, 7)]
    want = newskit.load_corpus(tmp_path / "a.csv")
    got = run.read("tokens")
    pd.testing.assert_frame_equal(
        _plain(got[got.article_id.str.startswith("a-")]),
        _plain(newskit.tokens(want)),
        check_dtype=False,
    )


def test_bad_rows_raise_or_are_skipped(client, tmp_path: Path):
    frame = _made_up(6)
    frame.loc[2, "text"] = "   "
    frame.to_csv(tmp_path / "bad.csv", index=False)
    with pytest.raises(newskit.ArticleError, match=r"bad\.csv, row 3: has no text"):
        run_distributed(tmp_path / "bad.csv", tmp_path / "out", client=client)
    run = run_distributed(tmp_path / "bad.csv", tmp_path / "out", client=client, errors="skip")
    assert run.n_articles == 5
    skipped = read_output(run.outputs["skipped"])
    assert skipped["row"].tolist() == [3]


def test_folder_notes_are_kept_but_do_not_stop_the_run(client, seeds, tmp_path: Path):
    folder = tmp_path / "articles"
    folder.mkdir()
    for a in seeds:
        (folder / f"{a.id}.txt").write_text(a.raw, encoding="utf-8", newline="")
    (folder / "notes.md").write_text("not an article")
    run = run_distributed(folder, tmp_path / "out", client=client, stages=["articles"])
    assert run.n_articles == len(seeds)
    skipped = read_output(run.outputs["skipped"])
    assert skipped["reason"].tolist() == ["ignored: not an article file (.txt, .html, .htm, .warc)"]
    assert skipped["file"].str.endswith("notes.md").all()


def test_missing_source_names_the_path(client, tmp_path: Path):
    with pytest.raises(newskit.CorpusSourceError, match="matches no files"):
        run_distributed(str(tmp_path / "*.jsonl"), tmp_path / "out", client=client)


def test_cli_run_uses_the_scheduler_address(client, tmp_path: Path, capsys):
    _made_up(8).to_json(tmp_path / "c.jsonl", orient="records", lines=True)
    address = client.scheduler.address
    code = cli.main(
        ["run", str(tmp_path / "c.jsonl"), "--scheduler", address, "-o", str(tmp_path / "o")]
    )
    assert code == 0
    assert "8 articles" in capsys.readouterr().out
    got = read_output(tmp_path / "o" / "keywords")
    want = newskit.keywords(newskit.load_corpus(tmp_path / "c.jsonl"))
    pd.testing.assert_frame_equal(got, want, check_dtype=False)


def test_cli_run_bad_source_exits_2_before_connecting(tmp_path: Path, capsys):
    # the address is never contacted: the source is checked first
    argv = ["run", str(tmp_path / "none.csv"), "-o", str(tmp_path / "o")]
    assert cli.main([*argv, "--scheduler", "tcp://192.0.2.1:1"]) == 2
    assert "none.csv: no such file" in capsys.readouterr().err
