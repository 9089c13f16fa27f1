"""newskit.app.dask on a 2-worker LocalCluster: every table of a run equals the in-process one
(values and dtypes) on the seeds, a generated corpus and multi-file sources; the output is
resolved, staged and checked as README's "Large corpora" says. Worker loss: test_dask_failures.
"""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pandas as pd
import pytest

import newskit
from newskit.app import cli
from newskit.app.dask import (
    TABLES,
    RunError,
    RunOptions,
    RunSetupError,
    in_process_tables,
    read_output,
    run_distributed,
    run_in_process,
)
from newskit.app.dask.output import MANIFEST

distributed = pytest.importorskip("dask.distributed")
dd = pytest.importorskip("dask.dataframe")


@pytest.fixture(scope="module")
def client():
    with (
        distributed.LocalCluster(
            n_workers=2, processes=False, threads_per_worker=1, dashboard_address=None
        ) as cluster,
        distributed.Client(cluster) as c,
    ):
        yield c


def assert_equal_to_in_process(run, corpus: newskit.Corpus, options: RunOptions | None = None):
    """Every table of ``run`` equals the in-process frame: values, dtypes, order."""
    want = in_process_tables(corpus, options)
    assert run.n_articles == len(corpus)
    for name in TABLES:
        pd.testing.assert_frame_equal(run.read(name), want[name], obj=name)


def _made_up(n: int = 24) -> pd.DataFrame:
    """Articles nobody has seen: three invented stories, each retold by several outlets with
    one shared sentence and a number, plus words of their own."""
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
                    f'"We have waited long enough for this," said Mayor Ilse Brandt of district {s}.'
                ),
            }
        )
    return pd.DataFrame(rows)


# --- equality with the in-process tables ------------------------------------------------------


def test_seeds_in_small_parts_equal_in_process(client, seeds, tmp_path: Path):
    run = run_distributed(
        newskit.seeds_path(), tmp_path / "out", client=client, rows_per_part=2, story_part_size=1
    )
    assert run.n_parts == 3  # 5 files, 2 per part, read by the workers with metadata.csv
    assert_equal_to_in_process(run, seeds)
    assert run.read("claims")["story_id"].notna().all()
    assert run.read("alignments").shape[0] > 0 and run.read("claim_groups").shape[0] > 0


@pytest.mark.slow
def test_generated_corpus_from_a_dask_frame_equals_in_process(client, tmp_path: Path, monkeypatch):
    from newskit.app.dask import exchange
    from newskit.app.dask import run as run_module
    from newskit.synthetic import make_corpus

    # small shards and buckets, so that every exchange and numbering step has several
    monkeypatch.setattr(run_module, "SHARD_ARTICLES", 12)
    monkeypatch.setattr(run_module, "ID_BUCKET", 10)
    monkeypatch.setattr(exchange, "BUCKET_ROWS", 25)
    frame = make_corpus(12, 5, seed=3).drop(columns="story")
    corpus = newskit.load_corpus(frame)
    run = run_distributed(
        dd.from_pandas(frame, npartitions=3), tmp_path / "out", client=client, story_part_size=8
    )
    assert run.n_parts == 3 and run.n_story_parts > 2
    assert_equal_to_in_process(run, corpus)
    assert run.read("stories")["story_id"].nunique() == 12


@pytest.mark.slow
def test_a_list_of_table_files_in_row_chunks_equals_in_process(client, tmp_path: Path):
    frame = _made_up(30)
    frame.iloc[:12].to_json(tmp_path / "a.jsonl", orient="records", lines=True)
    frame.iloc[12:20].drop(columns="id").to_csv(tmp_path / "b.csv", index=False)
    frame.iloc[20:29].to_parquet(tmp_path / "c.parquet", index=False, row_group_size=2)
    (tmp_path / "d.txt").write_text(frame.loc[29, "text"], encoding="utf-8")
    paths = [tmp_path / n for n in ("a.jsonl", "b.csv", "c.parquet", "d.txt")]
    run = run_distributed(paths, tmp_path / "out", client=client, rows_per_part=4)
    # 12 JSON lines in 3 byte ranges, 8 CSV rows streamed into 2 chunks, 9 Parquet rows in row
    # groups of 2 gathered into 3 chunks, one text file
    assert run.n_parts == 3 + 2 + 3 + 1
    corpus = newskit.load_corpus([str(p) for p in paths])
    assert corpus.ids[12:14] == ["b-1", "b-2"] and corpus.ids[-1] == "d"
    assert_equal_to_in_process(run, corpus)


def test_one_large_jsonl_is_read_by_many_tasks(client, tmp_path: Path):
    frame = _made_up(9)
    text = "\ufeff" + frame.to_json(orient="records", lines=True).replace("\n", "\r\n", 2)
    text = text.replace("\r\n", "\r\n\n", 1)  # a blank line keeps its number
    (tmp_path / "one.jsonl").write_bytes(text.encode("utf-8"))
    run = run_distributed(tmp_path / "one.jsonl", tmp_path / "out", client=client, rows_per_part=2)
    assert run.n_parts >= 4
    corpus = newskit.load_corpus(tmp_path / "one.jsonl")
    got = run.read("articles")
    pd.testing.assert_frame_equal(got, corpus.with_stories(run.read("stories")).frame())
    assert got["encoding"].unique().tolist() == ["utf-8-sig"]


def test_folder_with_metadata_and_notes_equals_in_process(client, seeds, tmp_path: Path):
    folder = tmp_path / "articles"
    shutil.copytree(newskit.seeds_path(), folder)
    (folder / "notes.md").write_text("not an article")
    meta = pd.read_csv(folder / "metadata.csv", dtype=str, keep_default_na=False)
    meta.loc[len(meta)] = ["gone.txt", "Nobody", "", "", ""]  # names no file
    meta.to_csv(folder / "metadata.csv", index=False)
    run = run_distributed(folder, tmp_path / "out", client=client, rows_per_part=2, errors="skip")
    corpus = newskit.load_corpus(folder, errors="skip")
    skipped = run.read("skipped")
    pd.testing.assert_frame_equal(skipped, corpus.skipped)
    assert skipped["reason"].str.startswith("ignored:").sum() == 1
    assert skipped["file"].str.endswith("metadata.csv").sum() == 1
    assert_equal_to_in_process(run, corpus)
    assert run.read("articles")["outlet"].tolist() == corpus.frame()["outlet"].tolist()


def test_story_options_reach_the_workers(client, tmp_path: Path):
    """A fixed threshold, days and relative give the tables newskit.stories gives with them."""
    frame = _made_up(12)
    options = RunOptions(threshold=0.7, days=1, relative=0.0)
    run = run_distributed(
        frame, tmp_path / "out", client=client, rows_per_part=4, story_part_size=3, options=options
    )
    corpus = newskit.load_corpus(frame)
    assert_equal_to_in_process(run, corpus, options)
    want = newskit.stories(corpus, threshold=0.7, days=1, relative=0.0)["story_id"]
    assert run.read("stories")["story_id"].tolist() == want.tolist()
    assert want.nunique() != newskit.stories(corpus)["story_id"].nunique()  # the options matter
    manifest = json.loads((tmp_path / "out" / MANIFEST).read_text())
    assert manifest["story_threshold"] == 0.7 and manifest["options"]["relative"] == 0.0


def test_outlet_names_are_made_canonical_over_the_whole_corpus(client, tmp_path: Path):
    frame = _made_up(6)
    frame["outlet"] = ["THE VALLEY OBSERVER", "Harbour Post", "Harbour Post"] + [
        "The Valley Observer"
    ] * 3
    run = run_distributed(frame, tmp_path / "out", client=client, rows_per_part=3)
    outlets = run.read("articles")["outlet"].tolist()
    assert outlets == newskit.load_corpus(frame).frame()["outlet"].tolist()
    assert outlets[0] == "The Valley Observer"  # the spelling most used, in another part


def test_bad_rows_raise_or_are_skipped_as_in_process(client, tmp_path: Path):
    frame = _made_up(8)
    frame.loc[2, "text"] = "   "
    frame.loc[6, "id"] = "made-001"  # a duplicate id, in another part
    frame.to_csv(tmp_path / "bad.csv", index=False)
    with pytest.raises(newskit.ArticleError, match=r"bad\.csv, row 3: has no text"):
        run_distributed(tmp_path / "bad.csv", tmp_path / "out", client=client, rows_per_part=3)
    assert not (tmp_path / "out").exists()
    run = run_distributed(
        tmp_path / "bad.csv", tmp_path / "out", client=client, errors="skip", rows_per_part=3
    )
    corpus = newskit.load_corpus(tmp_path / "bad.csv", errors="skip")
    assert run.n_articles == 6
    pd.testing.assert_frame_equal(run.read("skipped"), corpus.skipped)
    assert run.read("skipped")["row"].tolist() == [3, 7]
    frame.loc[2, "text"] = "Now it has text about the harbour vote."
    frame.to_csv(tmp_path / "bad.csv", index=False)
    with pytest.raises(newskit.ArticleError, match=r"row 7: duplicate id 'made-001'"):
        run_distributed(tmp_path / "bad.csv", tmp_path / "out2", client=client, rows_per_part=3)


def test_missing_source_names_the_path(client, tmp_path: Path):
    with pytest.raises(newskit.CorpusSourceError, match="matches no files"):
        run_distributed(str(tmp_path / "*.jsonl"), tmp_path / "out", client=client)
    with pytest.raises(newskit.CorpusSourceError, match=r"none\.csv: no such file"):
        run_distributed(tmp_path / "none.csv", tmp_path / "out", client=client)
    assert not (tmp_path / "out").exists()


def test_in_process_run_writes_the_same_layout(tmp_path: Path, seeds):
    run = run_in_process(newskit.seeds_path(), tmp_path / "out")
    want = in_process_tables(seeds)
    for name in TABLES:
        pd.testing.assert_frame_equal(run.read(name), want[name], obj=name)


# --- outputs that can be trusted --------------------------------------------------------------


def _tree(folder: Path) -> dict[str, bytes]:
    return {
        str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()
    }


def test_a_failed_run_leaves_the_previous_output_untouched(client, tmp_path: Path):
    _made_up(6).to_json(tmp_path / "c.jsonl", orient="records", lines=True)
    out = tmp_path / "out"
    run_distributed(tmp_path / "c.jsonl", out, client=client)
    before = _tree(out)
    bad = _made_up(6)
    bad.loc[4, "text"] = ""
    bad.to_json(tmp_path / "bad.jsonl", orient="records", lines=True)
    with pytest.raises(newskit.ArticleError):
        run_distributed(tmp_path / "bad.jsonl", out, client=client)
    assert _tree(out) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["bad.jsonl", "c.jsonl", "out"]


def test_a_failing_task_fails_the_run_with_a_message_and_no_output(
    client, tmp_path: Path, monkeypatch
):
    from newskit.app.dask import work

    def broken(*args, **kwargs):
        raise ValueError("made to fail")

    monkeypatch.setattr(work, "story_tables", broken)  # threads share this module
    _made_up(6).to_json(tmp_path / "c.jsonl", orient="records", lines=True)
    with pytest.raises(RunError, match=r"made to fail.*not written"):
        run_distributed(tmp_path / "c.jsonl", tmp_path / "out", client=client)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["c.jsonl"]


def test_a_run_replaces_only_its_own_output(client, tmp_path: Path):
    out = tmp_path / "mine"
    out.mkdir()
    (out / "thesis.docx").write_text("keep me")
    with pytest.raises(RunSetupError, match="not the output of a newskit run"):
        run_distributed(newskit.seeds_path(), out, client=client)
    assert _tree(out) == {"thesis.docx": b"keep me"}


def test_read_output_refuses_an_incomplete_folder(tmp_path: Path):
    (tmp_path / "out" / "tokens").mkdir(parents=True)
    with pytest.raises(FileNotFoundError, match=f"no {MANIFEST}"):
        read_output(tmp_path / "out", "tokens")


def test_cli_relative_output_from_another_folder(client, tmp_path: Path, monkeypatch, capsys):
    """Workers started in one folder, the command run from another with a relative -o: every
    table lands in the command's folder, every claim tagged, equal to the in-process run."""
    workers_cwd = Path.cwd()
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    _made_up(12).to_json(elsewhere / "c.jsonl", orient="records", lines=True)
    monkeypatch.chdir(elsewhere)
    address = client.scheduler.address
    code = cli.main(["run", "c.jsonl", "--scheduler", address, "-o", "out", "--part-size", "5"])
    assert code == 0, capsys.readouterr().err
    assert "12 articles in 3 parts" in capsys.readouterr().out
    assert (elsewhere / "out" / MANIFEST).is_file()
    assert not (workers_cwd / "out").exists()
    monkeypatch.chdir(workers_cwd)
    corpus = newskit.load_corpus(elsewhere / "c.jsonl")
    want = in_process_tables(corpus)
    for name in TABLES:
        pd.testing.assert_frame_equal(read_output(elsewhere / "out", name), want[name], obj=name)
    claims = read_output(elsewhere / "out", "claims")
    assert len(claims) and claims["story_id"].notna().all()


def test_cli_file_url_output(client, tmp_path: Path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    _made_up(6).to_json(tmp_path / "c.jsonl", orient="records", lines=True)
    url = (tmp_path / "out").as_uri()
    address = client.scheduler.address
    assert cli.main(["run", "c.jsonl", "--scheduler", address, "-o", url]) == 0
    assert (tmp_path / "out" / MANIFEST).is_file()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["c.jsonl", "out"]  # no stray file:
    assert len(read_output(url, "tokens")) == len(read_output(tmp_path / "out", "tokens")) > 0


def test_fsspec_memory_output(client, tmp_path: Path):
    # threads share this process's memory file system, as workers share a bucket
    _made_up(6).to_json(tmp_path / "c.jsonl", orient="records", lines=True)
    run = run_distributed(tmp_path / "c.jsonl", "memory://newskit-test/out", client=client)
    assert run.out == "memory:///newskit-test/out"
    corpus = newskit.load_corpus(tmp_path / "c.jsonl")
    pd.testing.assert_frame_equal(run.read("keywords"), newskit.keywords(corpus))


@pytest.mark.parametrize(
    ("address", "message"),
    [
        ("localhost", "has no port"),
        ("http://10.0.0.5:8787", "is a web address"),
        ("gopher://x:1", "unknown protocol"),
        ("tcp://x:99999", "out of range"),
    ],
)
def test_cli_bad_scheduler_address_exits_2_before_creating_anything(
    tmp_path: Path, capsys, address: str, message: str
):
    argv = ["run", str(newskit.seeds_path()), "-o", str(tmp_path / "o"), "--scheduler", address]
    assert cli.main(argv) == 2
    err = capsys.readouterr().err
    assert message in err and "tcp://" in err and "Traceback" not in err
    assert os.listdir(tmp_path) == []


def test_cli_unreachable_scheduler_exits_1_and_creates_nothing(tmp_path: Path, capsys):
    from newskit.app.dask import run as run_module

    argv = ["run", str(newskit.seeds_path()), "-o", str(tmp_path / "o")]
    old = run_module.CONNECT_TIMEOUT
    run_module.CONNECT_TIMEOUT = 2
    try:
        assert cli.main([*argv, "--scheduler", "tcp://127.0.0.1:9"]) == 1
    finally:
        run_module.CONNECT_TIMEOUT = old
    assert "cannot reach the Dask scheduler at tcp://127.0.0.1:9" in capsys.readouterr().err
    assert os.listdir(tmp_path) == []


@pytest.mark.parametrize(
    ("option", "message"),
    [
        (["--threshold", "high"], "expected 'auto' or a number, not 'high'"),
        (["--threshold", "1.5"], "the stories threshold must be 'auto' or in (0, 1], not 1.5"),
        (["--relative", "2"], "relative must be in [0, 1], not 2.0"),
    ],
)
def test_cli_bad_story_options_exit_2_before_creating_anything(
    tmp_path: Path, capsys, option: list[str], message: str
):
    argv = ["run", str(newskit.seeds_path()), "-o", str(tmp_path / "o"), *option]
    assert _exit_code([*argv, "--scheduler", "tcp://192.0.2.1:1"]) == 2
    assert message in capsys.readouterr().err
    assert os.listdir(tmp_path) == []


def _exit_code(argv: list[str]) -> int:
    try:
        return cli.main(argv)
    except SystemExit as exc:  # argparse refuses a value of the wrong type itself
        return int(exc.code)


def test_cli_bad_source_exits_2_before_connecting(tmp_path: Path, capsys):
    # the address is never contacted: the source is checked first
    argv = ["run", str(tmp_path / "none.csv"), "-o", str(tmp_path / "o")]
    assert cli.main([*argv, "--scheduler", "tcp://192.0.2.1:1"]) == 2
    assert "none.csv: no such file" in capsys.readouterr().err


def test_a_table_is_cut_into_about_sixteen_parts_by_default(tmp_path: Path):
    import fsspec

    from newskit.app.dask.source import RowsChunk, TableFile, plan_table

    frame = pd.DataFrame({"text": [f"Article {k} about the harbour." for k in range(400)]})
    frame.to_json(tmp_path / "t.jsonl", orient="records", lines=True)
    frame.to_csv(tmp_path / "t.csv", index=False)
    work = (fsspec.filesystem("file"), str(tmp_path / "work"))
    chunks = plan_table(TableFile(str(tmp_path / "t.jsonl"), True), None, 1, work)
    assert len(chunks) == 16 and [c.first_line for c in chunks[:2]] == [1, 26]
    chunks = plan_table(TableFile(str(tmp_path / "t.csv"), True), None, 2, work)
    assert len(chunks) == 8 and all(isinstance(c, RowsChunk) for c in chunks)
    assert [c.first_row for c in chunks[:2]] == [1, 52]  # 401 lines x 2 tables / 16


def _real_news() -> Path:
    """``../shared/realnews`` of the checkout (or of a folder above it, for a worktree)."""
    if os.environ.get("NEWSKIT_REALNEWS"):
        return Path(os.environ["NEWSKIT_REALNEWS"])
    for parent in Path(__file__).resolve().parents[1].parents:
        if (parent / "shared" / "realnews").is_dir():
            return parent / "shared" / "realnews"
    return Path("../shared/realnews")


REAL_NEWS = _real_news()


@pytest.mark.slow
@pytest.mark.skipif(
    not (REAL_NEWS / "giveme5w_calibration.jsonl").is_file(),
    reason="the real news of ../shared/realnews is not here (a fresh clone elsewhere)",
)
def test_cli_on_real_news_from_another_folder(client, tmp_path: Path, monkeypatch, capsys):
    """Real articles (a sample of both labelled sets, as two JSONL files), run from another
    folder with a relative -o: every table, alignments and claim groups included, equals the
    in-process run, every claim with its story."""
    news = tmp_path / "elsewhere" / "news"
    news.mkdir(parents=True)
    for name in ("giveme5w_calibration.jsonl", "ecbplus_calibration.jsonl"):
        lines = (REAL_NEWS / name).read_text(encoding="utf-8").splitlines(keepends=True)
        (news / name).write_text("".join(lines[:25]), encoding="utf-8")
    monkeypatch.chdir(tmp_path / "elsewhere")
    argv = ["run", "news/giveme5w_calibration.jsonl", "news/ecbplus_calibration.jsonl"]
    code = cli.main([*argv, "--scheduler", client.scheduler.address, "-o", "out"])
    assert code == 0, capsys.readouterr().err
    out = tmp_path / "elsewhere" / "out"
    corpus = newskit.load_corpus(
        [news / "giveme5w_calibration.jsonl", news / "ecbplus_calibration.jsonl"]
    )
    want = in_process_tables(corpus)
    for name in TABLES:
        pd.testing.assert_frame_equal(read_output(out, name), want[name], obj=name)
    claims = read_output(out, "claims")
    assert len(claims) > 100 and claims["story_id"].notna().all()
    assert len(read_output(out, "alignments")) > 0 and len(read_output(out, "claim_groups")) > 0


def test_rows_without_ids_are_numbered_across_parts(client, tmp_path: Path):
    frame = _made_up(7).drop(columns="id")
    run = run_distributed(frame, tmp_path / "out", client=client, rows_per_part=3)
    assert run.n_parts == 3
    assert run.read("articles")["id"].tolist() == [f"row-{k}" for k in range(1, 8)]
    pd.testing.assert_frame_equal(
        run.read("claims"), in_process_tables(newskit.load_corpus(frame))["claims"]
    )
