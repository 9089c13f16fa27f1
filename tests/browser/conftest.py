"""Fixtures for the real-browser tests: headless Chromium, a JupyterLab server, Voilà.

Both servers are the environment's own executables (``jupyter-lab``, ``voila`` next to the
running Python), listen on a free localhost port, require a random token, and serve a temporary
copy of the notebooks, so running cells in the browser never rewrites the committed ones. The
kernels import this checkout's newskit (it is put first on PYTHONPATH).

Chromium is Debian's (``/usr/bin/chromium``, or ``$NEWSKIT_CHROMIUM``), driven by Playwright;
no browser is ever downloaded. When it cannot start, the tests skip on a developer's machine and
FAIL in CI (``CI`` set to true), so a broken CI browser is never a silent pass.
"""

from __future__ import annotations

import contextlib
import os
import re
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import pytest

from newskit.app.dashboard import kernel_env

from .interactions import SCRATCH, VOILA_NOTEBOOK
from .scratch import write_scratch_notebook

ROOT = Path(__file__).resolve().parents[2]
NOTEBOOKS = ROOT / "notebooks"
ARTIFACTS = ROOT / "test-artifacts"
CHROMIUM = os.environ.get("NEWSKIT_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    # what a root user on a closed network needs: no sandbox (root), no GPU, and no calls home
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]
VIEWPORT = {"width": 1280, "height": 860}
SERVER_START_TIMEOUT = 300.0
"""Seconds a server may take to answer: a deadline for a server that never comes up, far
above what a loaded machine needs (JupyterLab starts in 5-60 s)."""
PORT_ATTEMPTS = 5


def in_ci() -> bool:
    """True when running in CI, where a browser that cannot start is a failure."""
    return os.environ.get("CI", "").lower() in {"1", "true", "yes"}


def _unavailable(reason: str) -> None:
    if in_ci():
        pytest.fail(f"browser test cannot run in CI: {reason}", pytrace=False)
    pytest.skip(reason)


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@dataclass(frozen=True)
class Server:
    """A running Jupyter-family server: where it is and its token."""

    base: str
    token: str
    root: Path
    log: Path

    def url(self, path: str) -> str:
        """``base/path`` with the token as a query parameter."""
        sep = "&" if "?" in path else "?"
        return f"{self.base}/{path.lstrip('/')}{sep}token={self.token}"


def _executable(name: str) -> str:
    exe = Path(sys.executable).parent / name
    if not exe.exists():
        pytest.fail(f"{name} is not installed next to {sys.executable}; install '.[dev]'")
    return str(exe)


class _PortTaken(Exception):
    """The server could not listen on the port chosen for it: someone else took it since."""


_PORT_TAKEN = re.compile(r"already in use|no available port|Address already in use", re.I)


def _wait_until_up(proc: subprocess.Popen, url: str, log: Path) -> None:
    """Wait until ``url`` answers 200, the server exits, or ``SERVER_START_TIMEOUT`` passes.
    Raises ``_PortTaken`` when the server exited because its port was taken meanwhile."""
    deadline = time.monotonic() + SERVER_START_TIMEOUT
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            text = log.read_text(errors="replace")
            if _PORT_TAKEN.search(text):
                raise _PortTaken(text[-500:])
            pytest.fail(f"server exited ({proc.returncode}):\n{text[-3000:]}")
        try:
            with urllib.request.urlopen(url, timeout=10) as response:
                if response.status == 200:
                    return
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            pass
        with contextlib.suppress(subprocess.TimeoutExpired):
            proc.wait(timeout=0.5)  # the poll interval; returns at once if the server exits
    pytest.fail(
        f"server did not answer {url} in {SERVER_START_TIMEOUT}s:\n{log.read_text()[-3000:]}"
    )


@contextmanager
def _serving(
    command: Callable[[int], list[str]],
    check: Callable[[int], str],
    *,
    root: Path,
    home: Path,
    name: str,
) -> Iterator[int]:
    """Run ``command(port)`` on a free port with Jupyter's config/data/runtime dirs under
    ``home`` until ``check(port)`` answers; yield the port; stop the server afterwards.

    A free port can be taken by another process (another test run) between the moment it is
    found and the moment the server listens: then the server is started again on another port.
    """
    env = kernel_env()
    for var, sub in [
        ("JUPYTER_CONFIG_DIR", "config"),
        ("JUPYTER_DATA_DIR", "data"),
        ("JUPYTER_RUNTIME_DIR", "runtime"),
        ("JUPYTERLAB_SETTINGS_DIR", "settings"),
        ("JUPYTERLAB_WORKSPACES_DIR", "workspaces"),
        ("IPYTHONDIR", "ipython"),
    ]:
        env[var] = str(home / sub)
    env["PYTHONHASHSEED"] = "0"
    log = home / f"{name}.log"
    for attempt in range(1, PORT_ATTEMPTS + 1):
        port = _free_port()
        with open(log, "wb") as out:
            proc = subprocess.Popen(
                command(port),
                cwd=root,
                env=env,
                stdout=out,
                stderr=subprocess.STDOUT,
                start_new_session=True,
            )
        try:
            try:
                _wait_until_up(proc, check(port), log)
            except _PortTaken:
                if attempt == PORT_ATTEMPTS:
                    pytest.fail(f"{name}: {PORT_ATTEMPTS} free ports were all taken in turn")
                continue
            yield port
            return
        finally:
            _stop_group(proc)


def _stop_group(proc: subprocess.Popen) -> None:
    """Stop the server and everything it started in its session (SIGTERM, then SIGKILL)."""
    for sig, wait in [(signal.SIGTERM, 20), (signal.SIGKILL, 5)]:
        try:
            os.killpg(proc.pid, sig)
        except ProcessLookupError:
            return
        try:
            proc.wait(timeout=wait)
            return
        except subprocess.TimeoutExpired:
            continue


@pytest.fixture(scope="session")
def served_notebooks(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A scratch copy of ``notebooks/`` plus the harness's scratch notebook."""
    root = tmp_path_factory.mktemp("lab-root")
    if NOTEBOOKS.is_dir():
        for path in sorted(NOTEBOOKS.glob("*.ipynb")):
            shutil.copy2(path, root / path.name)
    write_scratch_notebook(root / SCRATCH)
    return root


@pytest.fixture(scope="session")
def lab(served_notebooks: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    """JupyterLab on a free localhost port with a token, serving ``served_notebooks``."""
    home = tmp_path_factory.mktemp("lab-home")
    token = secrets.token_hex(16)
    # JupyterLab asks once whether to fetch its news (a toast); the answer is "Never" here
    # (a closed network), so the toast cannot cover a control while a test clicks
    news = home / "settings" / "@jupyterlab" / "apputils-extension"
    news.mkdir(parents=True)
    (news / "notification.jupyterlab-settings").write_text('{"fetchNews": "false"}\n')
    # and, as a person ticks "Always start the preferred kernel" in the Select Kernel dialog,
    # the notebooks' own kernel starts by itself: no dialog to race with the Run menu
    tracker = home / "settings" / "@jupyterlab" / "notebook-extension"
    tracker.mkdir(parents=True)
    (tracker / "tracker.jupyterlab-settings").write_text('{"autoStartDefaultKernel": true}\n')

    def command(port: int) -> list[str]:
        cmd = [
            _executable("jupyter-lab"),
            "--no-browser",
            "--ServerApp.ip=127.0.0.1",
            f"--ServerApp.port={port}",
            "--ServerApp.port_retries=0",
            f"--IdentityProvider.token={token}",
            f"--ServerApp.root_dir={served_notebooks}",
        ]
        if hasattr(os, "geteuid") and os.geteuid() == 0:
            cmd.append("--allow-root")  # CI containers run as root
        return cmd

    def server(port: int) -> Server:
        return Server(f"http://127.0.0.1:{port}", token, served_notebooks, home / "lab.log")

    with _serving(
        command,
        lambda port: server(port).url("api/status"),
        root=served_notebooks,
        home=home,
        name="lab",
    ) as port:
        yield server(port)


@pytest.fixture(scope="session")
def voila(served_notebooks: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    """``newskit dashboard`` (Voilà) on the seeds, serving the table's Voilà notebook only.

    Started as ``python -m newskit.app.dashboard SEEDS --notebooks DIR --no-browser``: the same code
    as ``newskit dashboard``, so the corpus injection and the Voilà command line are covered.
    """
    home = tmp_path_factory.mktemp("voila-home")
    only = tmp_path_factory.mktemp("voila-notebooks")
    shutil.copy2(served_notebooks / VOILA_NOTEBOOK, only / VOILA_NOTEBOOK)
    token = secrets.token_hex(16)

    def command(port: int) -> list[str]:
        return [
            sys.executable,
            "-m",
            "newskit.app.dashboard",
            str(ROOT / "seeds"),
            f"--notebooks={only}",
            f"--port={port}",
            f"--token={token}",
            "--no-browser",
        ]

    def server(port: int) -> Server:
        return Server(f"http://127.0.0.1:{port}", token, only, home / "voila.log")

    with _serving(
        command, lambda port: server(port).url(""), root=only, home=home, name="voila"
    ) as port:
        yield server(port)


@pytest.fixture(scope="session")
def browser_context(tmp_path_factory: pytest.TempPathFactory) -> Iterator[object]:
    """A headless Chromium (Debian's) with a fresh user-data dir, through Playwright."""
    try:
        from playwright.sync_api import Error, sync_playwright
    except ImportError:
        _unavailable("playwright is not installed (pip install -e '.[dev]')")
    if not Path(CHROMIUM).exists():
        _unavailable(f"{CHROMIUM} not found (apt-get install chromium, or set NEWSKIT_CHROMIUM)")
    profile = Path(tempfile.mkdtemp(prefix="newskit-chromium-"))
    with sync_playwright() as pw:
        try:
            context = pw.chromium.launch_persistent_context(
                str(profile),
                executable_path=CHROMIUM,
                headless=True,
                args=CHROMIUM_ARGS,
                viewport=VIEWPORT,
                device_scale_factor=1,
            )
        except Error as exc:
            _unavailable(f"chromium did not start: {exc}")
        context.set_default_timeout(120_000)  # a deadline for a loaded machine, not a budget
        try:
            yield context
        finally:
            context.close()
            shutil.rmtree(profile, ignore_errors=True)


@pytest.fixture(scope="session")
def artifacts() -> Path:
    """``test-artifacts/`` at the repo root (gitignored): the screenshots land here."""
    ARTIFACTS.mkdir(exist_ok=True)
    return ARTIFACTS
