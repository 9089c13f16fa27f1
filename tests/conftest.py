"""Shared fixtures: the seed corpus and a factory for small corpora made up in tests."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

import newskit

SEEDS = Path(__file__).resolve().parent.parent / "seeds"


@pytest.fixture(scope="session")
def seeds() -> newskit.Corpus:
    """The five bundled seed articles, cleaned."""
    return newskit.load_corpus(SEEDS)


@pytest.fixture
def make_corpus(tmp_path: Path) -> Callable[..., newskit.Corpus]:
    """Build a corpus from ``{id: text}`` (plus optional metadata rows) written as .txt files."""

    def make(texts: dict[str, str], metadata: str | None = None, **kwargs) -> newskit.Corpus:
        folder = tmp_path / "corpus"
        folder.mkdir(exist_ok=True)
        for name, text in texts.items():
            (folder / f"{name}.txt").write_text(text, encoding="utf-8", newline="")
        if metadata is not None:
            (folder / "metadata.csv").write_text(metadata, encoding="utf-8")
        return newskit.load_corpus(folder, **kwargs)

    return make
