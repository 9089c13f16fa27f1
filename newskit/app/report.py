"""``newskit report``: run every notebook on a corpus and write an HTML report.

``build_report(corpus, out)`` executes ``notebooks/*.ipynb`` in name order, ``CORPUS`` injected
after the cell tagged ``parameters`` by papermill (its convention and its code), each in a fresh
kernel started in the notebook's folder, and writes into ``out``:

- ``NN_name.html`` per notebook: its markdown and outputs (code hidden unless ``show_code``),
  plotly charts interactive (``plotly.min.js`` is written once beside the pages, so the report
  works offline), widget panels shown as they were first displayed;
- ``NN_name.TABLE.csv`` for every table the notebook shows (see below), linked under the table;
- ``index.html`` linking the pages and their CSV files.

On a corpus of several stories (``newskit.stories``), the notebooks whose ``parameters`` cell
sets ``STORY`` are per-story: they run once for each of the ``stories`` largest stories, on that
story's articles, as ``NN_name.STORY_ID.html`` (tables ``NN_name.STORY_ID.TABLE.csv``); the
others (the corpus and stories pages) run once on the whole corpus. The index lists the
corpus-level pages, then every story (size, outlets, dates, label) with links to its pages.

Conventions for notebook authors (what the report relies on):

1. File name ``notebooks/NN_name.ipynb``; pages are built in name order.
2. One code cell tagged ``parameters`` holding ``CORPUS = None`` (None means the bundled seeds);
   load with ``newskit.load_corpus(CORPUS)``. The report replaces it with a path. A per-story
   notebook also holds ``STORY = None`` and selects with ``newskit.app.stories.pick_story``;
   the report passes a file of one story's articles and ``STORY = "all"``.
3. Name the tables you show with ``newskit.app.report.table(frame, "name")`` as the last line of a
   cell: it returns the frame unchanged apart from a name in ``frame.attrs``, so the notebook
   output (and nbval) is exactly that of the plain frame. In the report every DataFrame (or
   Styler) a notebook displays is written as CSV, in full (not the truncated display), named
   ``NN_name.TABLE.csv``; a frame shown without a name gets ``table-1``, ``table-2``, … in display
   order. Names: lower-case letters, digits, ``-`` and ``_``. A Styler showing article text
   needs ``.format(escape="html")`` (pandas does not escape Stylers by default; the report
   turns that on for its pages).
4. Plotly figures: pin ``pio.renderers.default = "plotly_mimetype"`` in the first code cell (for
   nbval); the report turns those outputs into interactive charts itself.
5. Widget panels (``newskit.views.Panel``) appear in the report as their first rendering, with a
   note that their controls work in JupyterLab.
6. Keep every article text that reaches HTML escaped (``newskit.views.escape``; DataFrames and
   plotly figures are escaped by pandas and by newskit's figures).
"""

from __future__ import annotations

import copy
import html
import itertools
import os
import re
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

import pandas as pd

Shown = TypeVar("Shown")  # a DataFrame or a pandas Styler

TABLE_ATTR = "newskit.table"
SETUP_TAG = "newskit-report-setup"
PLOTLY_MIME = "application/vnd.plotly.v1+json"
WIDGET_VIEW_MIME = "application/vnd.jupyter.widget-view+json"
WIDGET_STATE_MIME = "application/vnd.jupyter.widget-state+json"
PLOTLY_JS = "plotly.min.js"
#: Stories that get their own per-story pages by default (the largest ones).
DEFAULT_STORIES = 5
_TABLE_NAME = re.compile(r"^[a-z0-9][a-z0-9_-]*$")
_INSERTED_TAGS = {SETUP_TAG, "injected-parameters", "papermill-error-cell-tag"}
_STATIC_NOTE = (
    '<p class="nk-static-note" style="color:#666;font-size:0.85em;font-style:italic">'
    "Interactive panel, shown as first displayed: open the notebook in JupyterLab to use its "
    "controls.</p>"
)


class ReportError(RuntimeError):
    """A notebook could not be run or rendered; the message names the notebook (and cell)."""


# --------------------------------------------------------------------------- notebook side


def table(frame: Shown, name: str) -> Shown:
    """Name a table a notebook shows, for the report's CSV export; returns the frame to display.

    ``frame``: a DataFrame or a pandas ``Styler``; ``name``: lower-case letters, digits, ``-``,
    ``_``, unique in the notebook (becomes ``NN_notebook.NAME.csv`` beside the notebook's report
    page). A DataFrame comes back as a shallow copy carrying the name in ``attrs`` and displays
    exactly like ``frame``; a Styler comes back as is, its data named. Use it as the last line of
    a cell: ``table(corpus.frame(), "overview")``.
    """
    if not isinstance(name, str) or not _TABLE_NAME.match(name):
        raise ValueError(
            f"table name {name!r} must be lower-case letters, digits, '-' or '_' "
            "(it becomes a CSV file name)"
        )
    if isinstance(frame, pd.DataFrame):
        named = frame.copy(deep=False)
        named.attrs[TABLE_ATTR] = name
        return named  # type: ignore[return-value]
    data = getattr(frame, "data", None)
    if isinstance(data, pd.DataFrame):  # a Styler: name its data, keep its styling
        data.attrs[TABLE_ATTR] = name
        return frame
    raise TypeError(f"table() takes a DataFrame or a Styler, not {type(frame).__name__}")


def interactive_tables(*, page_length: int = 10) -> None:
    """Show every DataFrame from here on as a searchable, sortable, paged table (itables).

    Call it in a notebook's first code cell. The DataTables code is embedded in that cell's
    output (itables' offline mode), so the tables work without the network, in JupyterLab and
    in the report; the text form of a frame (what nbval compares) is unchanged. Stylers keep
    pandas' HTML. Table ids are numbered in display order (``itables_nk1``, …), so outputs are
    deterministic.
    """
    import itables
    from IPython import get_ipython

    itables.options.display_logo_when_loading = False
    itables.options.pageLength = page_length
    itables.options.classes = "display compact"
    if get_ipython() is not None:
        from pandas.io.formats.style import Styler

        styled = Styler._repr_html_
        itables.init_notebook_mode(all_interactive=True, connected=False)
        # A Styler keeps pandas' own HTML: its colours would be lost in a DataTable, and
        # itables refuses Stylers unless all HTML in them is trusted (allow_html).
        Styler._repr_html_ = styled  # type: ignore[method-assign]
        # Table ids numbered in display order instead of itables' random ones, so that a
        # notebook re-executed top to bottom is saved byte-identical.
        pd.DataFrame._repr_html_ = _datatable_html  # type: ignore[method-assign]
        pd.Series._repr_html_ = _datatable_html  # type: ignore[attr-defined]


_TABLE_IDS = itertools.count(1)


def _datatable_html(frame: Any) -> str:
    import itables

    return itables.to_html_datatable(
        frame, table_id=f"itables_nk{next(_TABLE_IDS)}", connected=False
    )


class _TableCapture:
    """In a report run, writes each DataFrame the notebook displays as CSV (see ``table``)."""

    def __init__(self, prefix: str) -> None:
        self.prefix = Path(prefix)  # OUT/NN_name: tables go to OUT/NN_name.TABLE.csv
        self.count = 0

    def csv_name(self, frame: pd.DataFrame) -> str:
        name = frame.attrs.get(TABLE_ATTR)
        if not name:
            self.count += 1
            name = f"table-{self.count}"
        return f"{self.prefix.name}.{name}.csv"

    def frame_html(self, frame: pd.DataFrame) -> str:
        shown = frame._repr_html_() or frame.to_html()
        return shown + self._write(frame)

    def styler_html(self, styler: Any) -> str:
        return styler._repr_html_() + self._write(styler.data)

    def _write(self, frame: pd.DataFrame) -> str:
        file = self.csv_name(frame)
        frame.to_csv(self.prefix.parent / file, index=_keeps_index(frame))
        return (
            f'<p class="nk-csv" style="font-size:0.85em">Download this table: '
            f'<a href="{html.escape(file)}">{html.escape(file)}</a></p>'
        )


def _keeps_index(frame: pd.DataFrame) -> bool:
    """Write the index to CSV only when it carries information (named, or not 0..n-1)."""
    index = frame.index
    if any(n is not None for n in index.names):
        return True
    return not isinstance(index, pd.RangeIndex) or not index.equals(pd.RangeIndex(len(frame)))


def _capture_tables(prefix: str) -> _TableCapture:
    """Install the CSV export of displayed tables in the running IPython kernel (report only)."""
    from IPython import get_ipython
    from pandas.io.formats.style import Styler

    capture = _TableCapture(prefix)
    # Stylers do not escape cell text unless asked; in the report every one does.
    pd.set_option("styler.format.escape", "html")
    formatter = get_ipython().display_formatter.formatters["text/html"]
    formatter.for_type(pd.DataFrame, capture.frame_html)
    formatter.for_type(Styler, capture.styler_html)
    return capture


# --------------------------------------------------------------------------- report side


@dataclass
class NotebookPage:
    """One notebook's result in a report: its page, its CSV tables, and its error if it failed."""

    notebook: Path
    page: Path
    title: str
    summary: str = ""
    tables: list[Path] = field(default_factory=list)
    error: str | None = None
    seconds: float = 0.0
    story: str | None = None


@dataclass
class Report:
    """What ``build_report`` wrote: ``index`` (index.html) and one ``NotebookPage`` each."""

    index: Path
    pages: list[NotebookPage]

    @property
    def failed(self) -> list[NotebookPage]:
        """The pages whose notebook raised an error."""
        return [p for p in self.pages if p.error]


def notebooks_folder() -> Path:
    """The ``notebooks/`` folder of this newskit checkout."""
    return Path(__file__).resolve().parents[2] / "notebooks"


def find_notebooks(folder: Path | str | None = None) -> list[Path]:
    """The notebooks a report runs: ``folder/*.ipynb`` in name order (default ``notebooks/``)."""
    folder = Path(folder) if folder is not None else notebooks_folder()
    if not folder.is_dir():
        raise ReportError(
            f"no notebooks folder at {folder}; run the report from a newskit checkout "
            "or pass --notebooks DIR"
        )
    found = sorted(p for p in folder.glob("*.ipynb") if not p.name.startswith("."))
    if not found:
        raise ReportError(f"{folder} holds no .ipynb notebooks")
    return found


def build_report(
    corpus: str | os.PathLike[str] | None = None,
    out: str | os.PathLike[str] = "report",
    *,
    notebooks: Iterable[Path | str] | None = None,
    show_code: bool = False,
    timeout: int = 600,
    stories: int = DEFAULT_STORIES,
    progress: Callable[[str], None] | None = print,
) -> Report:
    """Execute each notebook on ``corpus`` and write ``out/index.html`` with one page each.

    ``corpus``: a path ``newskit.load_corpus`` accepts (None: the bundled seeds); it is loaded
    once first so a bad corpus fails fast with ``CorpusError``. ``notebooks``: the notebooks to
    run (default: ``find_notebooks()``). ``timeout``: seconds allowed per cell. ``stories``: how
    many of the largest stories get their own per-story pages when the corpus holds several
    (0: none; the per-story notebooks then run on the largest story, as their default).
    ``progress`` receives one line per notebook run. Every notebook is attempted; if any
    failed, ``ReportError`` is raised at the end naming each failed notebook and cell (the
    index and the pages of the others are written, and the failed notebook's page shows its
    traceback).
    """
    from newskit.app.stories import with_stories
    from newskit.corpus.corpus import load_corpus

    say = progress or (lambda _line: None)
    corpus_path = None if corpus is None else str(Path(corpus).resolve())
    loaded = load_corpus(corpus_path)  # fail fast, with the loader's clear message
    paths = [Path(p).resolve() for p in (notebooks or find_notebooks())]
    out_dir = Path(out).resolve()
    out_dir.mkdir(parents=True, exist_ok=True)
    _write_plotlyjs(out_dir)
    label = corpus_path or "the bundled seeds"
    story_table = None
    if any(_per_story(p) for p in paths):
        loaded, story_table = with_stories(loaded)
    runs: list[tuple[Path, dict[str, Any], str, str, str | None]] = []  # path, params, stem, …
    picked = _picked_stories(story_table, stories)
    for path in paths:
        if picked and _per_story(path):
            for sid, story_label in picked:
                subset = _story_file(loaded, sid, out_dir)
                params = {"CORPUS": str(subset), "STORY": "all"}
                runs.append((path, params, f"{path.stem}.{_slug(sid)}", story_label, sid))
        else:
            runs.append((path, {"CORPUS": corpus_path}, path.stem, "", None))
    pages: list[NotebookPage] = []
    say(
        f"newskit report: {len(paths)} notebooks on {label} ({len(loaded)} articles"
        + (f", {len(story_table)} stories, pages for {len(picked)}" if picked else "")
        + f"): {len(runs)} runs → {out_dir}"
    )
    for i, (path, params, stem, story_label, sid) in enumerate(runs, 1):
        name = f"{path.name}" + (f" [story {sid}]" if sid is not None else "")
        say(f"[{i}/{len(runs)}] {name} …")
        page = _run_one(path, params, out_dir, show_code, timeout, stem=stem)
        page.story = sid
        if sid is not None:
            page.title = f"{page.title} — {story_label}"
        pages.append(page)
        status = "FAILED" if page.error else "ok"
        say(
            f"[{i}/{len(runs)}] {name} {status} in {page.seconds:.1f} s → "
            f"{page.page.name}" + (f" + {len(page.tables)} CSV" if page.tables else "")
        )
    index = out_dir / "index.html"
    index.write_text(
        _index_html(pages, label, len(loaded), story_table=story_table), encoding="utf-8"
    )
    say(f"wrote {index}")
    report = Report(index=index, pages=pages)
    if report.failed:
        raise ReportError("\n".join(p.error for p in report.failed if p.error))
    return report


def _per_story(path: Path) -> bool:
    """Whether the notebook's ``parameters`` cell sets ``STORY`` (a per-story notebook)."""
    import nbformat

    nb = nbformat.read(path, as_version=4)
    return any(
        "parameters" in c.metadata.get("tags", []) and re.search(r"^STORY\s*=", c.source, re.M)
        for c in nb.cells
    )


def _picked_stories(table: pd.DataFrame | None, n: int) -> list[tuple[str, str]]:
    """``(story_id, title)`` of the ``n`` largest stories, when there are at least two."""
    if table is None or len(table) < 2 or n <= 0:
        return []
    picked = []
    for row in table.head(n).itertuples(index=False):
        text = str(getattr(row, "label", "") or "")
        text = text if len(text) <= 70 else text[:69] + "…"
        picked.append(
            (str(row.story_id), f"story {row.story_id} ({row.n_articles} articles) {text}")
        )
    return picked


def _slug(story_id: str) -> str:
    return re.sub(r"[^A-Za-z0-9_-]+", "-", story_id).strip("-") or "story"


def _story_file(corpus: Any, story_id: str, out_dir: Path) -> Path:
    """Write one story's articles as JSONL for its notebooks (kept beside the pages as data)."""
    folder = out_dir / "stories"
    folder.mkdir(exist_ok=True)
    target = folder / f"{_slug(story_id)}.jsonl"
    if not target.exists():
        rows = [
            {
                "id": a.id,
                "outlet": a.outlet,
                "date": a.date.isoformat() if a.date else None,
                "title": a.title,
                "url": a.url,
                "text": a.raw,
                "story_id": a.story_id,  # the page keeps the story found on the whole corpus
            }
            for a in corpus
            if getattr(a, "story_id", None) == story_id
        ]
        pd.DataFrame(rows).to_json(target, orient="records", lines=True, force_ascii=False)
    return target


def _run_one(
    path: Path,
    params: dict[str, Any],
    out_dir: Path,
    show_code: bool,
    timeout: int,
    *,
    stem: str | None = None,
) -> NotebookPage:
    import nbformat
    from papermill.parameterize import parameterize_notebook

    started = time.perf_counter()
    stem = stem or path.stem
    page = NotebookPage(notebook=path, page=out_dir / f"{stem}.html", title=stem)
    for old in out_dir.glob(f"{stem}.*.csv"):  # tables of an earlier run
        old.unlink()
    nb = nbformat.read(path, as_version=4)
    page.title = _title(nb, stem)
    page.summary = _summary(nb)
    if not any("parameters" in c.metadata.get("tags", []) for c in nb.cells):
        page.error = (
            f"{path}: no cell is tagged 'parameters'; add a code cell `CORPUS = None` with that "
            "tag so the report can pass the corpus"
        )
        page.seconds = time.perf_counter() - started
        page.page.write_text(_error_page(page), encoding="utf-8")
        return page
    nb.cells.insert(
        0,
        nbformat.v4.new_code_cell(
            "import newskit.app.report\n"
            f"newskit.app.report._capture_tables({str(out_dir / stem)!r});",
            metadata={"tags": [SETUP_TAG]},
        ),
    )
    nb.metadata.setdefault("papermill", {})
    for cell in nb.cells:  # as papermill's own loader does before it parameterizes
        cell.metadata.setdefault("tags", [])
    nb = parameterize_notebook(nb, params)  # papermill's convention and code
    try:
        run_notebook(nb, cwd=path.parent, timeout=timeout)
    except CellError as exc:
        page.error = f"{path}: {exc}"
    except Exception as exc:  # the kernel died, timed out, or could not start
        page.error = f"{path}: could not be run: {type(exc).__name__}: {exc}"
    page.tables = sorted(out_dir.glob(f"{stem}.*.csv"))
    page.page.write_text(
        notebook_html(
            nb,
            title=page.title,
            show_code=show_code or bool(page.error),
            error=page.error,
            tables=[t.name for t in page.tables],
        ),
        encoding="utf-8",
    )
    page.seconds = time.perf_counter() - started
    return page


class CellError(ReportError):
    """A cell raised; the message names the cell as its author counts it (1-based, without the
    cells the report adds) and gives the first line of its code and the exception."""


def run_notebook(
    nb: Any, *, cwd: Path | str, timeout: int = 600, kernel_name: str | None = None
) -> None:
    """Execute ``nb`` in place (outputs and execution counts), in a fresh kernel started in
    ``cwd``. Raises ``CellError`` naming the first failing cell; the cells run so far keep their
    outputs, the failing one its traceback.
    """
    from nbclient.exceptions import CellExecutionError

    client = _notebook_client(
        nb,
        timeout=timeout,
        kernel_name=kernel_name or nb.metadata.get("kernelspec", {}).get("name", "python3"),
        resources={"metadata": {"path": str(cwd)}},
        record_timing=False,
        # nbclient routes what Output widgets show through the widget state: keep it on.
        store_widget_state=True,
        # ipykernel 7 logs a warning on every start (unencrypted local TCP) and an error on every
        # shutdown (KeyboardInterrupt); failures that matter reach us as cell errors or a dead
        # kernel.
        extra_arguments=["--IPKernelApp.log_level=CRITICAL"],
        # deadlines a loaded machine never reaches: nbclient's defaults (60 s to start a kernel,
        # 4 s for a cell's last output after its reply, then dropped silently) are reached there
        startup_timeout=300,
        iopub_timeout=60,
    )
    previous = os.environ.get("NEWSKIT_PROGRESS")
    os.environ["NEWSKIT_PROGRESS"] = "0"  # the kernel inherits it: no progress bar on a page
    try:
        client.execute()
    except CellExecutionError as exc:
        raise CellError(_cell_error(nb) or str(exc)) from exc
    finally:
        if previous is None:
            os.environ.pop("NEWSKIT_PROGRESS", None)
        else:
            os.environ["NEWSKIT_PROGRESS"] = previous


def _notebook_client(*args: Any, **kwargs: Any) -> Any:
    """An nbclient ``NotebookClient`` whose kernel channels are polled in short slices.

    nbclient waits for a cell's reply with one long ``poll`` on the shell socket; after a cell
    that creates widgets that poll can miss the reply and only return when its timeout runs
    out (jupyter/nbclient#312: a cell taking 0.1 s held for the whole 600 s). Polling in slices
    of a quarter second picks the reply up at once, with the same overall timeout.
    """
    from nbclient import NotebookClient

    class _Client(NotebookClient):
        async def async_start_new_kernel_client(self):  # type: ignore[override]
            kc = await super().async_start_new_kernel_client()
            for channel in (kc.shell_channel, kc.iopub_channel):
                channel.get_msg = _sliced(channel.get_msg)
            return kc

    return _Client(*args, **kwargs)


def _sliced(get_msg: Callable[..., Any], step: float = 0.25) -> Callable[..., Any]:
    from queue import Empty

    async def sliced(timeout: float | None = None) -> Any:
        deadline = None if timeout is None else time.monotonic() + timeout
        while True:
            wait = step if deadline is None else max(0.0, min(step, deadline - time.monotonic()))
            try:
                return await get_msg(timeout=wait)
            except Empty:
                if deadline is not None and time.monotonic() >= deadline:
                    raise

    return sliced


def _cell_error(nb: Any) -> str | None:
    """Name the first cell with an error output by its position as the notebook's author sees
    it (1-based, not counting the cells the report inserts), its first line of code (not a
    comment) and the error."""
    position = 0
    for cell in nb.cells:
        if _INSERTED_TAGS & set(cell.metadata.get("tags", [])):
            continue
        position += 1
        for out in cell.get("outputs", []):
            if out.get("output_type") == "error":
                lines = [ln for ln in cell.source.splitlines() if ln.strip()]
                code = [ln for ln in lines if not ln.lstrip().startswith("#")] or lines
                first = code[0] if code else ""
                more = " …" if len(lines) > 1 else ""
                return (
                    f"cell {position} failed (`{first}`{more}): "
                    f"{out.get('ename')}: {out.get('evalue')}"
                )
    return None


def _title(nb: Any, default: str) -> str:
    for cell in nb.cells:
        if cell.cell_type == "markdown":
            for line in cell.source.splitlines():
                if line.startswith("#"):
                    return line.lstrip("#").strip() or default
    return default


def _summary(nb: Any) -> str:
    """The first paragraph of the notebook's first markdown cell, as plain text."""
    for cell in nb.cells:
        if cell.cell_type != "markdown":
            continue
        paragraphs = re.split(r"\n\s*\n", cell.source.strip())
        for paragraph in paragraphs:
            if paragraph.lstrip().startswith("#"):
                continue
            text = re.sub(r"[*_`]+", "", " ".join(paragraph.split()))
            return re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", text)  # [text](link) → text
        return ""
    return ""


def _write_plotlyjs(out_dir: Path) -> None:
    from plotly.offline import get_plotlyjs

    target = out_dir / PLOTLY_JS
    js = get_plotlyjs()
    if not target.exists() or target.stat().st_size != len(js.encode("utf-8")):
        target.write_text(js, encoding="utf-8")


# --------------------------------------------------------------------------- HTML


# The lab template, minus what would need the network (require.js, MathJax, mermaid, the
# widget manager), plus plotly.js from beside the page and a bar linking back to the index.
_TEMPLATE = """{%- extends 'lab/index.html.j2' -%}
{%- block html_head_js_requirejs -%}
<script src="PLOTLY_JS"></script>
{%- endblock html_head_js_requirejs -%}
{% block jupyter_widgets %}{% endblock jupyter_widgets %}
{%- block html_head_js_mathjax -%}{%- endblock html_head_js_mathjax -%}
{%- block html_head_js_mermaidjs -%}{%- endblock html_head_js_mermaidjs -%}
{%- block body_header -%}
{{ super() }}
<nav class="nk-nav" style="font-family:sans-serif;font-size:0.9em;padding:0.5em 1em;
border-bottom:1px solid #ddd;margin-bottom:1em">
<a href="index.html">← newskit report</a>{{ resources.nk_tables }}</nav>
{{ resources.nk_error }}
{%- endblock body_header -%}
""".replace("PLOTLY_JS", PLOTLY_JS)


def notebook_html(
    nb: Any,
    *,
    title: str,
    show_code: bool = False,
    error: str | None = None,
    tables: Iterable[str] = (),
) -> str:
    """An executed notebook as a standalone HTML page for the report.

    Plotly outputs become interactive charts (needing ``plotly.min.js`` beside the page), widget
    panels become the outputs they showed, the report's own setup cell is dropped. ``tables``
    (CSV file names) are linked in the page's top bar; ``error`` is shown above the notebook.
    """
    from jinja2 import DictLoader
    from nbconvert import HTMLExporter

    nb = _static_notebook(nb)
    nb.metadata["title"] = title
    exporter = HTMLExporter(
        template_name="lab",
        extra_loaders=[DictLoader({"newskit_report.html.j2": _TEMPLATE})],
        template_file="newskit_report.html.j2",
        exclude_input=not show_code,
        exclude_input_prompt=True,
        exclude_output_prompt=True,
    )
    links = "".join(f' · <a href="{html.escape(name)}">{html.escape(name)}</a>' for name in tables)
    resources = {
        "nk_tables": f" · tables as CSV:{links}" if links else "",
        "nk_error": (
            '<pre class="nk-error" style="color:#a00;white-space:pre-wrap;padding:0 1em">'
            f"{html.escape(error)}</pre>"
            if error
            else ""
        ),
    }
    body, _ = exporter.from_notebook_node(nb, resources=resources)
    return body


def _static_notebook(nb: Any) -> Any:
    """A copy of ``nb`` where every output renders without a kernel or the network."""
    nb = copy.deepcopy(nb)
    state = nb.metadata.pop("widgets", {}).get(WIDGET_STATE_MIME, {}).get("state", {})
    counter = iter(range(1, 1_000_000))
    cells = []
    for cell in nb.cells:
        if SETUP_TAG in cell.metadata.get("tags", []):
            continue
        if cell.cell_type == "code":
            cell.outputs = _static_outputs(cell.outputs, state, counter)
        cells.append(cell)
    nb.cells = cells
    return nb


def _static_outputs(outputs: list, state: dict, counter: Iterator[int]) -> list:
    import nbformat

    result = []
    for out in outputs:
        data = out.get("data", {})
        if PLOTLY_MIME in data:
            result.append(
                nbformat.v4.new_output(
                    "display_data", data={"text/html": _plotly_html(data[PLOTLY_MIME], counter)}
                )
            )
        elif WIDGET_VIEW_MIME in data:
            model_id = data[WIDGET_VIEW_MIME].get("model_id", "")
            inner = [nbformat.from_dict(o) for o in _widget_outputs(model_id, state)]
            result.append(nbformat.v4.new_output("display_data", data={"text/html": _STATIC_NOTE}))
            result.extend(_static_outputs(inner, state, counter))
        else:
            result.append(out)
    return result


def _widget_outputs(model_id: str, state: dict, depth: int = 0) -> list[dict]:
    """The outputs an ``Output`` widget inside widget ``model_id`` showed, in layout order."""
    model = state.get(model_id)
    if model is None or depth > 50:
        return []
    fields = model.get("state", {})
    if model.get("model_name") == "OutputModel":
        return list(fields.get("outputs", []))
    found: list[dict] = []
    for child in fields.get("children", []):
        if isinstance(child, str) and child.startswith("IPY_MODEL_"):
            found.extend(_widget_outputs(child[len("IPY_MODEL_") :], state, depth + 1))
    return found


def _plotly_html(figure: dict, counter: Iterator[int]) -> str:
    import plotly.io as pio

    fig = {k: v for k, v in figure.items() if k != "config"}
    return pio.to_html(
        fig,
        config=figure.get("config"),
        include_plotlyjs=False,
        full_html=False,
        div_id=f"nk-figure-{next(counter)}",
        validate=False,
    )


def _error_page(page: NotebookPage) -> str:
    return (
        f"<!DOCTYPE html><html><head><meta charset='utf-8'><title>{html.escape(page.title)}"
        f"</title></head><body><p><a href='index.html'>← newskit report</a></p>"
        f"<pre style='color:#a00;white-space:pre-wrap'>{html.escape(page.error or '')}</pre>"
        "</body></html>"
    )


def _index_html(
    pages: list[NotebookPage],
    corpus: str,
    n_articles: int,
    *,
    story_table: pd.DataFrame | None = None,
) -> str:
    corpus_pages = [p for p in pages if p.story is None]
    items = [_index_item(p) for p in corpus_pages]
    stories = _stories_html(pages, story_table) if story_table is not None else ""
    return (
        "<!DOCTYPE html>\n<html lang='en'><head><meta charset='utf-8'>"
        "<title>newskit report</title><style>.nk-stories td,.nk-stories th{padding:2px 8px;"
        "vertical-align:top;text-align:left}.nk-stories tr:nth-child(even){background:#f5f5f5}"
        "</style></head>"
        "<body style='font-family:sans-serif;max-width:60em;margin:2em auto;line-height:1.5'>"
        "<h1>newskit report</h1>"
        f"<p>Corpus: <code>{html.escape(corpus)}</code> ({n_articles} articles). Each page is "
        "a notebook run on this corpus; charts are interactive; every table is also a CSV "
        "file.</p>"
        f"<ol>{''.join(items)}</ol>{stories}</body></html>\n"
    )


def _index_item(p: NotebookPage) -> str:
    csv = "".join(
        f' <a class="nk-csv" href="{html.escape(t.name)}">{html.escape(t.name)}</a>'
        for t in p.tables
    )
    status = (
        f'<div class="nk-error" style="color:#a00">failed: {html.escape(p.error)}</div>'
        if p.error
        else ""
    )
    return (
        f'<li><a href="{html.escape(p.page.name)}">{html.escape(p.title)}</a> '
        f"<code>{html.escape(p.notebook.name)}</code>"
        + (f"<div>{html.escape(p.summary)}</div>" if p.summary else "")
        + (f'<div style="font-size:0.85em">tables as CSV:{csv}</div>' if csv else "")
        + f"{status}</li>"
    )


def _stories_html(pages: list[NotebookPage], table: pd.DataFrame) -> str:
    """The stories section of the index: one row per story, links to its per-story pages."""
    by_story: dict[str, list[NotebookPage]] = {}
    for p in pages:
        if p.story is not None:
            by_story.setdefault(p.story, []).append(p)
    rows = []
    for r in table.itertuples(index=False):
        sid = str(r.story_id)
        links = " · ".join(
            f'<a href="{html.escape(p.page.name)}">{html.escape(p.notebook.stem)}</a>'
            + (' <span class="nk-error" style="color:#a00">failed</span>' if p.error else "")
            for p in by_story.get(sid, [])
        )
        outlets = getattr(r, "outlets", "")
        outlets = ", ".join(map(str, outlets)) if isinstance(outlets, (list, tuple)) else outlets
        dates = " – ".join(
            str(d)[:10] for d in dict.fromkeys((r.first_date, r.last_date)) if pd.notna(d)
        )
        rows.append(
            f'<tr class="nk-story" data-story="{html.escape(sid)}"><td>{html.escape(sid)}</td>'
            f"<td>{r.n_articles}</td><td>{html.escape(str(outlets or ''))}</td>"
            f"<td>{html.escape(dates)}</td><td>{html.escape(str(r.label or ''))}</td>"
            f"<td>{links}</td></tr>"
        )
    n_linked = len(by_story)
    return (
        f"<h2>Stories</h2><p>{len(table)} stories, largest first. The {n_linked} largest have "
        "their own pages (per-story notebooks run on that story's articles; <code>newskit "
        "report --stories N</code> sets how many). The stories page above compares them all."
        f"</p>{_diagnostics_html(table)}"
        "<table class='nk-stories' style='border-collapse:collapse;font-size:0.9em'>"
        "<tr><th>story</th><th>articles</th><th>outlets</th><th>dates</th><th>label</th>"
        f"<th>pages</th></tr>{''.join(rows)}</table>"
    )


def _diagnostics_html(table: pd.DataFrame) -> str:
    """How sure the grouping is (``newskit.story_diagnostics`` columns of the story table):
    within-story versus nearest-story similarity, single articles, and stories that may be
    one; empty when the table has no such columns."""
    if "cohesion" not in table or "note" not in table:
        return ""
    singles = int((table["n_articles"] == 1).sum())
    close = [
        f"{html.escape(str(r.story_id))} and {html.escape(str(r.nearest_story))}"
        for r in table.itertuples(index=False)
        if "may be one story" in str(r.note) and str(r.story_id) < str(r.nearest_story)
    ]
    within = table["cohesion"].median()
    between = table["nearest_similarity"].median()
    alike = (
        f"a story's articles are on average {within:.2f} alike (median cohesion) against "
        f"{between:.2f} to the nearest other story; "
        if pd.notna(within) and pd.notna(between)
        else ""
    )
    return (
        f"<p class='nk-diagnostics'>How sure the grouping is: {alike}single-article stories: "
        f"{singles}. "
        + (
            f"May be one story: {', '.join(close[:10])}{' …' if len(close) > 10 else ''}. "
            if close
            else "No two stories look like one. "
        )
        + "The stories page lists every story's cohesion and nearest story; to fix the "
        "grouping by hand, export it, edit <code>story_id</code> and load it back with "
        "<code>corpus.with_stories(...)</code> (README, \u201cMany stories\u201d).</p>"
    )
