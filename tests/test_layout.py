"""The package layout keeps data flowing one way: corpus → analyses → figures → views → app.

Every ``import`` in every module under ``newskit/`` (top level or inside a function) is read with
``ast``; the rules below are checked on that graph.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "newskit"
ANALYSES = ("corpus", "keywords", "reuse", "claims", "stories")
# What the foundation must never reach: every analysis and everything downstream of them.
NOT_FROM_CORPUS = ("keywords", "reuse", "claims", "stories", "views", "figures", "app")
# Stories are found before the analyses run on them (load → … → stories → analyses).
NOT_FROM_STORIES = ("keywords", "reuse", "claims", "views", "figures", "app")
# What no analysis may reach: presentation code and its libraries.
NOT_FROM_ANALYSES = ("newskit.views", "newskit.figures", "newskit.app", "ipywidgets", "plotly")
# The rule tables are the most upstream of all: they import only each other.
NOT_FROM_RESOURCES = tuple(
    f"newskit.{p.stem}"
    for p in sorted(PACKAGE.iterdir())
    if p.stem not in ("resources", "__init__", "__pycache__") and (p.is_dir() or p.suffix == ".py")
)
# The generated-corpus maker is test and benchmark equipment: nothing in the pipeline uses it.
PIPELINE = (*ANALYSES, "figures", "views", "app", "resources")


def module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def is_module(name: str) -> bool:
    path = PACKAGE.parent.joinpath(*name.split("."))
    return path.with_suffix(".py").is_file() or (path / "__init__.py").is_file()


def imports_of(source: str, name: str, *, is_package: bool) -> set[str]:
    """Every module ``source`` imports; ``from pkg import sub`` counts as ``pkg.sub``."""
    found: set[str] = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = name.split(".") if is_package else name.split(".")[:-1]
                anchor = anchor[: len(anchor) - node.level + 1]
                base = ".".join([*anchor, base] if base else anchor)
            for alias in node.names:
                sub = f"{base}.{alias.name}"
                found.add(sub if is_module(sub) else base)
    return found


def import_graph(root: Path = PACKAGE) -> dict[str, set[str]]:
    graph = {}
    for path in sorted(root.rglob("*.py")):
        name = module_name(path)
        graph[name] = imports_of(path.read_text(), name, is_package=path.name == "__init__.py")
    return graph


GRAPH = import_graph()


def reaches(imported: str, forbidden: str) -> bool:
    return imported == forbidden or imported.startswith(forbidden + ".")


def violations(graph: dict[str, set[str]]) -> list[str]:
    found = []
    for module, imported in graph.items():
        parts = module.split(".")
        sub = parts[1] if len(parts) > 1 else ""
        rules: tuple[str, ...] = ()
        if sub == "corpus":
            rules = tuple(f"newskit.{s}" for s in NOT_FROM_CORPUS)
        if sub == "stories":
            rules = tuple(f"newskit.{s}" for s in NOT_FROM_STORIES)
        if sub in ANALYSES:
            rules = (*rules, *NOT_FROM_ANALYSES)
        if sub == "resources":
            rules = NOT_FROM_RESOURCES
        if sub in PIPELINE:
            rules = (*rules, "newskit.synthetic")
        found += [f"{module} imports {i}" for i in imported for r in rules if reaches(i, r)]
    return sorted(set(found))


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Import circles between newskit modules (a package's own ``__init__`` re-exporting its
    submodules is an edge like any other)."""
    edges = {m: {i for i in imps if i in graph and i != m} for m, imps in graph.items()}
    found, state, stack = [], {}, []

    def visit(m: str) -> None:
        state[m] = 1
        stack.append(m)
        for n in sorted(edges[m]):
            if state.get(n) == 1:
                found.append([*stack[stack.index(n) :], n])
            elif n not in state:
                visit(n)
        stack.pop()
        state[m] = 2

    for m in sorted(edges):
        if m not in state:
            visit(m)
    return found


def test_the_graph_sees_the_package() -> None:
    assert "newskit.corpus.segment" in GRAPH
    assert "newskit.corpus.segment" in GRAPH["newskit.keywords.keyphrases"]
    assert "newskit.app.args" in GRAPH["newskit.app.cli"]


def test_data_flows_one_way() -> None:
    assert violations(GRAPH) == []


def test_no_import_circles() -> None:
    assert cycles(GRAPH) == []


@pytest.mark.parametrize(
    ("module", "line", "expected"),
    [
        ("corpus/segment.py", "from newskit.keywords import keywords", "keywords"),
        ("corpus/clean.py", "from newskit.views import Panel", "views"),
        ("reuse/align.py", "import plotly.graph_objects as go", "plotly"),
        ("claims/compare.py", "from newskit.figures import claims", "figures"),
        ("keywords/distinctive.py", "import ipywidgets", "ipywidgets"),
        ("resources/boilerplate.py", "from newskit.corpus.records import Article", "corpus"),
        ("resources/numbers.py", "from newskit import parallel", "parallel"),
        ("corpus/load.py", "from newskit.synthetic import make_corpus", "synthetic"),
        ("app/report.py", "from newskit.synthetic import make_corpus", "synthetic"),
    ],
)
def test_a_forbidden_import_is_caught(module: str, line: str, expected: str) -> None:
    name = module_name(PACKAGE / module)
    added = imports_of(line, name, is_package=False)
    found = violations({**GRAPH, name: GRAPH[name] | added})
    assert len(found) == 1 and expected in found[0]


def test_a_circle_is_caught() -> None:
    graph = {
        **GRAPH,
        "newskit.corpus.records": GRAPH["newskit.corpus.records"] | {"newskit.corpus.segment"},
    }
    assert any("newskit.corpus.segment" in c for c in cycles(graph))
