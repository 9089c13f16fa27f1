"""Driving JupyterLab and Voilà pages as a person would: menus, dialogs, controls, looking.

Everything here goes through what a user sees and clicks: the Run menu, the "Select Kernel"
dialog, the news toast, a drop-down's options, a toggle button, a text box, a slider handle.
What the test checks is read from the page: cell prompts, error outputs, the panel's output
text and the data of the plotly figure drawn in it.
"""

from __future__ import annotations

import contextlib
import time
from pathlib import Path
from typing import Any

import pytest

from .interactions import Interaction

try:
    from playwright.sync_api import TimeoutError as PlaywrightTimeout
except ImportError:  # the browser tests skip without playwright (conftest.browser_context)
    PlaywrightTimeout = TimeoutError  # type: ignore[misc,assignment]

# Deadlines for things that never happen, not budgets: each wait returns as soon as its
# condition holds, and these are far above what a loaded machine needs (the 1,000-article
# notebook runs in 1-4 minutes with two test suites and other work on two cores).
RUN_ALL_TIMEOUT = 900.0
CHANGE_TIMEOUT = 300.0
OUTPUT_TIMEOUT_MS = 300_000
KERNEL_TIMEOUT = 300.0
POLL_MS = 2_000  # longest pause between two looks at the page (a wait returns at once when met)
RUN_ALL_TRIES = 3
NOT_STARTED_S = 30.0  # an idle kernel and no cell scheduled this long after Run All: it was lost
STABLE_MS = 500  # two looks this far apart that agree: the output has stopped changing
CHANGED_OUTLINE = "3px solid #e4572e"  # marks the control the test changed, in screenshots

# JavaScript read from the page. A fingerprint of an output area: its visible text plus the
# data and title of every plotly figure drawn in it (a redrawn figure changes one of them).
_FINGERPRINT_JS = """(el) => {
  const plots = [...el.querySelectorAll('.js-plotly-plot')].map((g) => JSON.stringify([
    (g.data || []).map((t) => [t.type, t.name, t.x, t.y, t.z, t.text, t.labels, t.values]),
    g.layout && g.layout.title && g.layout.title.text,
  ]));
  return el.innerText + '\\u0000' + plots.join('|');
}"""

# Outline the control just changed (and only it) so the screenshot shows which one it was.
_OUTLINE_JS = """([selector, outline]) => {
  document.querySelectorAll('[data-nk-changed]').forEach((el) => {
    el.style.outline = ''; el.removeAttribute('data-nk-changed');
  });
  const el = document.querySelector(selector);
  if (el) { el.style.outline = outline; el.setAttribute('data-nk-changed', '1'); }
}"""

# Progress of "Run All Cells" in the visible notebook: prompts of code cells and any traceback.
_RUN_STATE_JS = """() => {
  const nb = document.querySelector('.jp-NotebookPanel:not(.lm-mod-hidden)');
  if (!nb) return {prompts: [], errors: []};
  const prompts = [...nb.querySelectorAll('.jp-CodeCell .jp-InputPrompt')]
    .map((e) => e.textContent.trim());
  const errors = [...nb.querySelectorAll(
      '.jp-OutputArea-output[data-mime-type="application/vnd.jupyter.stderr"]')]
    .map((e) => e.innerText).filter((t) => t.includes('Traceback'));
  return {prompts, errors};
}"""


# True when the run is over: every code cell has a number in its prompt, or one failed.
_RUN_OVER_JS = (
    "() => { const s = ("
    + _RUN_STATE_JS
    + ")(); return s.errors.length > 0 || (s.prompts.length > 0 && s.prompts.every("
    "(p) => /^\\[\\d+\\]:?$/.test(p))); }"
)


def answer_prompts(page: Any) -> list[str]:
    """Answer JupyterLab's first-open questions whenever they appear, as a person would.

    "Select Kernel" (asked on a notebook's first open): keep the proposed kernel, click Select.
    The news toast ("notified about official Jupyter news?"): click No. Returns the list the
    answers given are appended to (for the test's log).
    """
    answered: list[str] = []
    kernel_dialog = page.locator(".jp-Dialog").filter(has_text="Select Kernel")
    news = page.locator(".jp-Notification-Toast-wrapper, .Toastify__toast").filter(
        has_text="Jupyter news"
    )

    def select_kernel(_dialog: Any) -> None:
        _answer_kernel_dialog(page, answered)

    def no_news(_toast: Any) -> None:
        # a click in the page: the toast may be gone or redrawn by the time it lands
        if page.evaluate(_NO_NEWS_JS):
            answered.append("Jupyter news: No")

    # no_wait_after: JupyterLab can stack a second "Select Kernel" dialog under the first;
    # waiting for "the" dialog to hide would then wait forever (the handler runs again instead)
    page.add_locator_handler(kernel_dialog, select_kernel, no_wait_after=True)
    page.add_locator_handler(news, no_news, no_wait_after=True)
    return answered


def open_notebook(page: Any, url: str) -> list[str]:
    """Open a notebook URL in JupyterLab; wait until its cells are on screen and its kernel is
    idle, answering first-open questions as they come.

    Returns the list of first-open questions answered (it grows if more appear later).
    """
    answered = answer_prompts(page)
    page.goto(url)
    page.locator(".jp-NotebookPanel .jp-Cell").first.wait_for(
        state="visible", timeout=OUTPUT_TIMEOUT_MS
    )
    deadline = time.monotonic() + KERNEL_TIMEOUT
    while not _kernel_idle(page, answered):
        if time.monotonic() > deadline:
            pytest.fail(f"the notebook's kernel was not idle within {KERNEL_TIMEOUT}s")
    return answered


# True when the status bar says the kernel is connected and idle ("Python 3 (ipykernel) | Idle").
_STATUS_BAR_IDLE_JS = """() => [...document.querySelectorAll('.jp-StatusBar-Item')]
  .some((e) => /\\|\\s*Idle\\s*$/.test(e.innerText) && !/No Kernel/.test(e.innerText))"""

# Click No on the news question ("notified about official Jupyter news?") if it is up.
_NO_NEWS_JS = """() => {
  const toast = [...document.querySelectorAll('.jp-Notification-Toast-wrapper, .Toastify__toast')]
    .find((t) => t.innerText.includes('Jupyter news'));
  const no = toast && [...toast.querySelectorAll('button')].find((b) => b.innerText.trim() === 'No');
  if (no) no.click();
  return Boolean(no);
}"""

# Click Select in every "Select Kernel" dialog that is up; returns how many there were.
_SELECT_KERNEL_JS = """() => {
  const dialogs = [...document.querySelectorAll('.jp-Dialog')]
    .filter((d) => d.innerText.includes('Select Kernel'));
  dialogs.forEach((d) => { const b = d.querySelector('.jp-Dialog-button.jp-mod-accept');
                           if (b) b.click(); });
  return dialogs.length;
}"""


def _answer_kernel_dialog(page: Any, answered: list[str]) -> None:
    """Click Select in the "Select Kernel" dialogs that are up (also when called while waiting
    on the page, where the locator handlers do not run: they run only when Playwright acts).
    A click in the page itself, so it never waits for a dialog to go."""
    for _ in range(page.evaluate(_SELECT_KERNEL_JS)):
        answered.append("Select Kernel: Select")


def _kernel_idle(page: Any, answered: list[str]) -> bool:
    """Answer a kernel dialog if one is up; then wait up to ``POLL_MS`` for the kernel to be
    connected and idle (the status bar; the toolbar's indicator says idle before a kernel is
    even attached). True when it is."""
    _answer_kernel_dialog(page, answered)
    try:
        page.wait_for_function(_STATUS_BAR_IDLE_JS, timeout=POLL_MS)
    except PlaywrightTimeout:
        return False
    return True


def run_all_cells(page: Any) -> None:
    """Run > Run All Cells from the menu bar; wait until every code cell has run, or fail.

    Scheduled cells show ``[*]`` at once. When none does while the kernel sits idle, the run
    was lost (sent while JupyterLab was still switching kernels): Run All is chosen again, as a
    person would, up to ``RUN_ALL_TRIES`` times."""
    deadline = time.monotonic() + RUN_ALL_TIMEOUT
    state: dict = {}
    answered: list[str] = []
    for attempt in range(1, RUN_ALL_TRIES + 1):
        page.locator(".lm-MenuBar-itemLabel").get_by_text("Run", exact=True).click()
        page.locator(".lm-Menu-content").get_by_text("Run All Cells", exact=True).click()
        lost_after = time.monotonic() + NOT_STARTED_S
        while time.monotonic() < deadline:
            _answer_kernel_dialog(page, answered)
            try:  # returns as soon as every cell has run or one failed
                page.wait_for_function(_RUN_OVER_JS, timeout=POLL_MS)
            except PlaywrightTimeout:
                state = page.evaluate(_RUN_STATE_JS)
                idle = page.evaluate(_STATUS_BAR_IDLE_JS)
                if time.monotonic() > lost_after and idle and _nothing_scheduled(state):
                    print(f"Run All Cells scheduled nothing (try {attempt}); choosing it again")
                    break
                continue
            state = page.evaluate(_RUN_STATE_JS)
            if state["errors"]:
                pytest.fail("a cell failed in JupyterLab:\n" + "\n".join(state["errors"])[-3000:])
            return
    state = page.evaluate(_RUN_STATE_JS)
    pytest.fail(f"Run All Cells did not finish in {RUN_ALL_TIMEOUT}s: prompts {state}")


def _nothing_scheduled(state: dict) -> bool:
    return bool(state["prompts"]) and all(p in ("[ ]:", "[ ]") for p in state["prompts"])


def panel_locator(page: Any, panel: str) -> Any:
    """The panel ``nk-panel-<panel>`` on the page (the first, if shown twice)."""
    return page.locator(f".nk-panel-{panel}").first


def wait_for_output(page: Any, row: Interaction) -> str:
    """Wait until the row's panel shows some output; return its fingerprint."""
    output = panel_locator(page, row.panel).locator(".nk-output").first
    output.scroll_into_view_if_needed()
    _expected(output, "html").wait_for(state="visible", timeout=OUTPUT_TIMEOUT_MS)
    deadline = time.monotonic() + CHANGE_TIMEOUT
    last = fingerprint(output)
    while time.monotonic() < deadline:  # drawn completely: the same on two looks in a row
        page.wait_for_timeout(STABLE_MS)
        now = fingerprint(output)
        if now == last:
            return now
        last = now
    pytest.fail(f"{row.notebook}: the output of panel {row.panel!r} never stopped changing")


def fingerprint(output: Any) -> str:
    """What the output area shows: its text and its figures' data."""
    return output.evaluate(_FINGERPRINT_JS)


def _expected(output: Any, expect: str) -> Any:
    if expect == "plot":
        return output.locator(".js-plotly-plot .main-svg").first
    if expect == "table":
        return output.locator("table").first
    return output.locator(".jp-OutputArea-output, .output_subarea").first


_OPTIONS_JS = """(s) => [...s.options].map((o) => [
    o.value, o.text.replace(/\\u00a0/g, " ").replace(/\\s+/g, " ").trim(), o.selected])"""


def change_control(page: Any, row: Interaction) -> str:
    """Change the row's control through the page as a person would; return what was chosen."""
    control = panel_locator(page, row.panel).locator(f".nk-control-{row.control}").first
    control.scroll_into_view_if_needed()
    if row.action == "select":
        select = control.locator("select").first
        # ipywidgets writes each option's text with non-breaking spaces (its value keeps the
        # label as given), and how a browser reports those spaces varies: compare labels with
        # plain spaces and pick options by value, which is exactly the label in Python.
        options = select.evaluate(_OPTIONS_JS)
        value_of = {label: value for value, label, _ in options}
        labels = [label for _, label, _ in options]
        chosen = [label for _, label, picked in options if picked]
        if select.evaluate("(s) => s.multiple"):
            # a list box: pick the labels given ("a|b"), or drop the last one picked
            wanted = row.value.split("|") if row.value is not None else chosen[:-1] or labels[:1]
            assert set(wanted) <= set(labels), f"{row}: {wanted} not all among {labels}"
            assert wanted != chosen, f"{row}: {wanted} is already what is picked"
            select.select_option(value=[value_of[label] for label in wanted])
            choice = "|".join(wanted)
        else:
            choice = row.value
            if choice is None:
                others = [label for label in labels if label not in chosen]
                assert others, f"{row}: the drop-down offers nothing else than {chosen}"
                choice = others[0]
            assert choice in labels, f"{row}: {choice!r} is not among the options {labels}"
            select.select_option(value=value_of[choice])
    elif row.action == "click":
        buttons = control.locator("button")
        checkbox = control.locator("input[type=checkbox]")
        if buttons.count():
            target = (
                buttons.filter(has_text=row.value).first
                if row.value is not None
                else control.locator("button:not(.mod-active)").first
            )
            choice = target.inner_text().strip()
            target.click()
        elif checkbox.count():
            checkbox.first.click()
            choice = "checked" if checkbox.first.is_checked() else "unchecked"
        else:
            control.click()
            choice = "clicked"
    elif row.action == "type":
        assert row.value is not None, f"{row}: say what to type"
        box = control.locator("input, textarea").first
        box.click()
        box.press("ControlOrMeta+a")
        box.press_sequentially(row.value, delay=40)
        box.press("Enter")
        choice = row.value
    elif row.action == "key":
        assert row.value is not None, f"{row}: say which key to press"
        handle = control.locator(".noUi-handle, [role=slider], input").first
        handle.click()
        handle.press(row.value)
        choice = row.value
    else:  # pragma: no cover - the table's Literal rules this out
        raise ValueError(row.action)
    page.evaluate(
        _OUTLINE_JS, [f".nk-panel-{row.panel} .nk-control-{row.control}", CHANGED_OUTLINE]
    )
    return choice


def wait_for_change(page: Any, row: Interaction, before: str) -> str:
    """Wait until the output differs from ``before``, shows ``row.expect`` and has stopped
    changing (the same on two looks in a row: a redraw can come in steps)."""
    output = panel_locator(page, row.panel).locator(".nk-output").first
    expected = _expected(output, row.expect)
    deadline = time.monotonic() + CHANGE_TIMEOUT
    last = None
    while time.monotonic() < deadline:
        now = fingerprint(output)
        if now != before and now == last and expected.is_visible():
            return now
        last = now
        page.wait_for_timeout(STABLE_MS)
    pytest.fail(
        f"{row.notebook}: changing {row.control!r} ({row.action}) did not visibly change the "
        f"{row.expect} of panel {row.panel!r} within {CHANGE_TIMEOUT}s"
    )


def failure_evidence(page: Any, server: Any, path: Path) -> None:
    """After a failure: a screenshot (if the page still answers) and the server log's tail."""
    try:
        page.screenshot(path=str(path), timeout=10_000)
    except Exception as exc:  # the page may be what failed
        print(f"no failure screenshot: {exc}")
    if server.log.exists():
        print(f"--- end of {server.log.name} ---\n{server.log.read_text()[-4000:]}")


def screenshot(page: Any, row: Interaction, path: Path) -> Path:
    """Screenshot with the changed control and the panel's output both in view."""
    panel = panel_locator(page, row.panel)
    control = panel.locator(f".nk-control-{row.control}").first
    output = panel.locator(".nk-output").first  # its top: the first thing the panel shows
    view = page.viewport_size

    def in_view(element: Any) -> bool:
        box = element.bounding_box()
        return (
            box is not None
            and box["y"] >= 0
            and box["y"] + min(box["height"], 80) <= view["height"]
        )

    panel.evaluate(_SCROLL_TO_TOP_JS)
    if not (in_view(control) and in_view(output)):
        control.evaluate(_SCROLL_TO_TOP_JS)
    page.mouse.move(view["width"] - 5, view["height"] - 5)  # no hover toolbars over the figure
    with contextlib.suppress(PlaywrightTimeout):  # cosmetic: a toolbar still fading is no failure
        page.wait_for_function(_NO_TOOLBAR_JS, timeout=POLL_MS)
    for name, element in [("control", control), ("output", output)]:
        assert in_view(element), f"{row.notebook}: the changed {name} is out of the screenshot"
    page.screenshot(path=str(path))
    return path


# True when no plotly hover toolbar (modebar) is showing.
_NO_TOOLBAR_JS = """() => [...document.querySelectorAll('.modebar')]
  .every((m) => getComputedStyle(m).opacity === '0' || m.offsetParent === null)"""

# Scroll an element to the top of its scrolling container, leaving a little air above it.
_SCROLL_TO_TOP_JS = """(el) => {
  el.scrollIntoView({block: 'start'});
  let p = el.parentElement;
  const scrolls = (q) => q.scrollHeight > q.clientHeight
    && /auto|scroll/.test(getComputedStyle(q).overflowY);
  while (p && !scrolls(p)) p = p.parentElement;
  if (p) p.scrollTop -= 40;
}"""
