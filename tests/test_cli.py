"""The ``newskit`` command line: arguments reach the report, errors give clear exit codes."""

from __future__ import annotations

from pathlib import Path

import pytest

from newskit.app import cli
from newskit.app.report import Report


@pytest.fixture
def calls(monkeypatch):
    """Replace the report builder by a recorder; returns the list of (args, kwargs) it got."""
    seen: list[tuple[tuple, dict]] = []

    def fake(*args, **kwargs):
        seen.append((args, kwargs))
        return Report(index=Path(kwargs.get("out", "report")) / "index.html", pages=[])

    monkeypatch.setattr("newskit.report.build_report", fake)
    return seen


@pytest.mark.parametrize(
    ("argv", "corpus", "out", "show_code", "timeout"),
    [
        (["report"], None, "report", False, 600),
        (["report", "my/articles"], "my/articles", "report", False, 600),
        (["report", "a.csv", "-o", "site"], "a.csv", "site", False, 600),
        (["report", "--out", "x", "--show-code", "--timeout", "30"], None, "x", True, 30),
    ],
)
def test_report_arguments_reach_build_report(calls, argv, corpus, out, show_code, timeout):
    assert cli.main(argv) == 0
    ((args, kwargs),) = calls
    assert args == (corpus, out)
    assert kwargs["show_code"] is show_code and kwargs["timeout"] == timeout
    assert kwargs["notebooks"][0].name == "00_corpus.ipynb"


def test_notebooks_option_picks_the_folder(calls, tmp_path):
    (tmp_path / "05_mine.ipynb").write_text("{}")
    assert cli.main(["report", "--notebooks", str(tmp_path)]) == 0
    assert [p.name for p in calls[0][1]["notebooks"]] == ["05_mine.ipynb"]


def test_bad_corpus_exits_2_naming_it(tmp_path, capsys):
    missing = tmp_path / "nowhere"
    assert cli.main(["report", str(missing), "-o", str(tmp_path / "out")]) == cli.EXIT_USAGE
    err = capsys.readouterr().err
    assert err.startswith("newskit report: error:") and "nowhere" in err


def test_empty_notebooks_folder_exits_1(tmp_path, capsys):
    assert cli.main(["report", "--notebooks", str(tmp_path)]) == cli.EXIT_FAILED
    assert "holds no .ipynb notebooks" in capsys.readouterr().err


def test_failed_notebook_exits_1_with_the_message(monkeypatch, capsys):
    from newskit.app.report import ReportError

    def fail(*_args, **_kwargs):
        raise ReportError("notebooks/01_x.ipynb: cell 3 failed (`boom()`): ValueError: no")

    monkeypatch.setattr("newskit.report.build_report", fail)
    assert cli.main(["report"]) == cli.EXIT_FAILED
    assert "01_x.ipynb: cell 3 failed" in capsys.readouterr().err


@pytest.mark.parametrize("argv", [[], ["nonsense"], ["report", "a", "b"]])
def test_usage_errors_exit_2(argv, capsys):
    with pytest.raises(SystemExit) as exit_:
        cli.main(argv)
    assert exit_.value.code == 2
    assert "usage: newskit" in capsys.readouterr().err


def test_every_command_is_listed_in_help(capsys):
    with pytest.raises(SystemExit):
        cli.main(["--help"])
    out = capsys.readouterr().out
    for name in cli.COMMANDS:
        assert name in out


def test_columns_and_folder_options_reach_the_loader_through_a_spec(calls, tmp_path):
    import json

    import pandas as pd

    import newskit

    table = tmp_path / "export.csv"
    pd.DataFrame(
        {
            "words": ["A tram line was approved on Tuesday. Work starts soon."],
            "when": ["2024-04-02"],
        }
    ).to_csv(table, index=False)
    out = tmp_path / "site"
    argv = [
        "report",
        str(table),
        "-o",
        str(out),
        "--columns",
        "text=words,date=when",
        "--recursive",
    ]
    assert cli.main(argv) == 0
    ((args, _),) = calls
    spec_path = Path(args[0])
    assert spec_path == out / "corpus.corpus.json"
    spec = json.loads(spec_path.read_text())
    assert spec["columns"] == {"text": "words", "date": "when"}
    assert spec["recursive"] is True and spec["outlet_from"] is None
    corpus = newskit.load_corpus(spec_path)  # what each notebook does with CORPUS
    assert corpus[0].date.isoformat() == "2024-04-02"
    assert corpus.source == str(table.resolve())


def test_outlet_from_alone_writes_a_spec(calls):
    assert cli.main(["report", "arts", "--outlet-from", "folder"]) == 0
    assert Path(calls[0][0][0]).name == "corpus.corpus.json"


@pytest.mark.parametrize("bad", ["text", "=body", "text="])
def test_bad_columns_option_exits_2(calls, bad, capsys, tmp_path):
    (tmp_path / "a.csv").write_text("body\nSome text here.\n")
    assert (
        cli.main(["report", str(tmp_path / "a.csv"), "-o", str(tmp_path / "o"), "--columns", bad])
        == cli.EXIT_USAGE
    )
    assert "write FIELD=COLUMN" in capsys.readouterr().err


def test_spec_with_unknown_keys_is_refused(tmp_path):
    import newskit
    from newskit.errors import CorpusSourceError

    spec = tmp_path / "x.corpus.json"
    spec.write_text('{"source": "arts", "colums": {}}')
    with pytest.raises(CorpusSourceError, match="a corpus spec is a JSON object with 'source'"):
        newskit.load_corpus(spec)
