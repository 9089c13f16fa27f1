"""Driving JupyterLab and Voilà pages as a person would: menus, dialogs, controls, looking.

Everything here goes through what a user sees and clicks: the Run menu, the "Select Kernel"
dialog, the news toast, a drop-down's options, a toggle button, a text box, a slider handle.
What the test checks is read from the page: cell prompts, error outputs, the panel's output
text and the data of the plotly figure drawn in it.
"""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

import pytest

from .interactions import Interaction

RUN_ALL_TIMEOUT = 180.0
CHANGE_TIMEOUT = 30.0
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

    def select_kernel(dialog: Any) -> None:
        dialog.locator(".jp-Dialog-button.jp-mod-accept").click()
        answered.append("Select Kernel: Select")

    def no_news(toast: Any) -> None:
        toast.get_by_role("button", name="No", exact=True).click()
        answered.append("Jupyter news: No")

    page.add_locator_handler(kernel_dialog, select_kernel)
    page.add_locator_handler(news, no_news)
    return answered


def open_notebook(page: Any, url: str) -> list[str]:
    """Open a notebook URL in JupyterLab and wait until its cells are on screen.

    Returns the list of first-open questions answered (it grows if more appear later).
    """
    answered = answer_prompts(page)
    page.goto(url)
    page.locator(".jp-NotebookPanel .jp-Cell").first.wait_for(state="visible", timeout=60_000)
    _settle_dialogs(page, answered)
    return answered


def _settle_dialogs(page: Any, answered: list[str], seconds: float = 3.0) -> None:
    """Give first-open questions a moment to appear and answer them (handlers only run when
    Playwright acts, so look here too)."""
    deadline = time.monotonic() + seconds
    dialog = page.locator(".jp-Dialog").filter(has_text="Select Kernel")
    while time.monotonic() < deadline:
        if dialog.count():
            dialog.locator(".jp-Dialog-button.jp-mod-accept").click()
            answered.append("Select Kernel: Select")
            break
        page.wait_for_timeout(200)


def run_all_cells(page: Any) -> None:
    """Run > Run All Cells from the menu bar; wait until every code cell has run, or fail."""
    page.locator(".lm-MenuBar-itemLabel").get_by_text("Run", exact=True).click()
    page.locator(".lm-Menu-content").get_by_text("Run All Cells", exact=True).click()
    deadline = time.monotonic() + RUN_ALL_TIMEOUT
    state: dict = {}
    while time.monotonic() < deadline:
        state = page.evaluate(_RUN_STATE_JS)
        if state["errors"]:
            pytest.fail("a cell failed in JupyterLab:\n" + "\n".join(state["errors"])[-3000:])
        prompts = state["prompts"]
        if prompts and all(p.startswith("[") and p[1:-2].isdigit() for p in prompts):
            return
        page.wait_for_timeout(300)
    pytest.fail(f"Run All Cells did not finish in {RUN_ALL_TIMEOUT}s: prompts {state}")


def panel_locator(page: Any, panel: str) -> Any:
    """The panel ``nk-panel-<panel>`` on the page (the first, if shown twice)."""
    return page.locator(f".nk-panel-{panel}").first


def wait_for_output(page: Any, row: Interaction) -> str:
    """Wait until the row's panel shows some output; return its fingerprint."""
    output = panel_locator(page, row.panel).locator(".nk-output").first
    output.scroll_into_view_if_needed()
    _expected(output, "html").wait_for(state="visible", timeout=60_000)
    return fingerprint(output)


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
    """Wait until the output differs from ``before``, shows ``row.expect`` and is stable."""
    output = panel_locator(page, row.panel).locator(".nk-output").first
    deadline = time.monotonic() + CHANGE_TIMEOUT
    last = None
    while time.monotonic() < deadline:
        now = fingerprint(output)
        visible = _expected(output, row.expect).is_visible()
        if now != before and visible and now == last:
            return now
        last = now
        page.wait_for_timeout(400)
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
    page.wait_for_timeout(300)
    for name, element in [("control", control), ("output", output)]:
        assert in_view(element), f"{row.notebook}: the changed {name} is out of the screenshot"
    page.screenshot(path=str(path))
    return path


# Scroll an element to the top of its scrolling container, leaving a little air above it.
_SCROLL_TO_TOP_JS = """(el) => {
  el.scrollIntoView({block: 'start'});
  let p = el.parentElement;
  const scrolls = (q) => q.scrollHeight > q.clientHeight
    && /auto|scroll/.test(getComputedStyle(q).overflowY);
  while (p && !scrolls(p)) p = p.parentElement;
  if (p) p.scrollTop -= 40;
}"""
