"""Where a run writes and which scheduler it runs on, both checked on the driver before anything
is created: ``resolve_output(out)`` and ``check_scheduler(address)``.

An output is resolved once, here: a local path becomes absolute (relative paths are taken from
the driver's working folder, never from the workers'), an fsspec URL (``file:///…``,
``s3://bucket/run``, ``memory://…``) keeps its protocol. Workers receive the resolved
``Output`` (an fsspec file system and an absolute path) and write through it.
"""

from __future__ import annotations

import os
import posixpath
import re
from dataclasses import dataclass
from typing import Any

#: Protocols a Dask scheduler listens on.
SCHEDULER_PROTOCOLS = ("tcp", "tls", "ucx", "ws", "wss", "inproc")
#: The port ``dask scheduler`` listens on by default (named in messages).
DEFAULT_PORT = 8786
_HOST_PORT = re.compile(r"^(?:\[(?P<ip6>[0-9A-Fa-f:.]+)\]|(?P<host>[^:\[\]/]+)):(?P<port>\d+)$")


class RunSetupError(ValueError):
    """A run cannot start: a bad output address, scheduler address or option. Raised before
    anything is created."""


@dataclass(frozen=True)
class Output:
    """A resolved output: ``fs`` (an fsspec file system), ``path`` (absolute, in ``fs``) and
    ``url`` (what to show the user: the local path, or the URL with its protocol)."""

    fs: Any
    path: str
    url: str

    @property
    def local(self) -> bool:
        """Whether the output is on this machine's file system."""
        return "file" in _protocols(self.fs)

    def join(self, *parts: str) -> str:
        """A path inside this output's file system."""
        return posixpath.join(self.path, *parts)

    def show(self, path: str) -> str:
        """``path`` (in ``fs``) as the user would write it."""
        return path if self.local else self.fs.unstrip_protocol(path)

    def sibling(self, name: str) -> Output:
        """An output beside this one (same parent folder), named ``name``."""
        path = posixpath.join(posixpath.dirname(self.path.rstrip("/")), name)
        return Output(self.fs, path, self.show(path))


def resolve_output(out: str | os.PathLike) -> Output:
    """Resolve ``out`` (a path or an fsspec URL) on the driver: an absolute local path, or a
    URL's file system and path. Raises ``RunSetupError`` for an empty address, an unknown
    protocol or the root folder."""
    import fsspec

    text = os.fspath(out).strip()
    if not text:
        raise RunSetupError("the output address is empty; give a folder, e.g. -o out/")
    try:
        if "://" in text:
            fs, path = fsspec.core.url_to_fs(text)
        else:
            fs = fsspec.filesystem("file")
            path = os.path.abspath(os.path.expanduser(text))
    except (ValueError, ImportError) as exc:
        raise RunSetupError(
            f"cannot write to {text!r} ({exc}); give a local folder or an fsspec URL such as "
            "s3://bucket/run (with its fsspec package installed)"
        ) from exc
    if "file" in _protocols(fs):
        path = os.path.abspath(path)  # a file:// URL relative to the driver's folder
    path = path.rstrip("/") or "/"
    if path in ("/", "") or posixpath.dirname(path) == path:
        raise RunSetupError(f"{text!r} is a root folder; give a folder inside it, e.g. {text}/out")
    output = Output(fs, path, path if "file" in _protocols(fs) else fs.unstrip_protocol(path))
    return output


def _protocols(fs: Any) -> tuple[str, ...]:
    protocol = fs.protocol
    return (protocol,) if isinstance(protocol, str) else tuple(protocol)


def check_scheduler(address: str) -> str:
    """The Dask scheduler ``address`` as ``PROTOCOL://HOST:PORT`` (a bare ``HOST:PORT`` is
    ``tcp://``). Raises ``RunSetupError`` naming the fix for a web address (``http://``: the
    dashboard, not the scheduler), an unknown protocol or a missing port."""
    text = address.strip()
    protocol, sep, location = text.partition("://")
    if not sep:
        protocol, location = "tcp", text
    protocol = protocol.lower()
    example = f"tcp://{_host_of(location) or 'HOST'}:{DEFAULT_PORT}"
    if protocol in ("http", "https"):
        raise RunSetupError(
            f"--scheduler {address!r} is a web address (the dashboard's); give the scheduler's "
            f"own address, e.g. {example}"
        )
    if protocol not in SCHEDULER_PROTOCOLS:
        raise RunSetupError(
            f"--scheduler {address!r}: unknown protocol {protocol!r}; use one of "
            f"{', '.join(SCHEDULER_PROTOCOLS)}, e.g. {example}"
        )
    if protocol == "inproc":
        return f"{protocol}://{location}"
    match = _HOST_PORT.match(location)
    if match is None:
        raise RunSetupError(
            f"--scheduler {address!r} has no port (or no host); write HOST:PORT, e.g. {example}"
        )
    port = int(match["port"])
    if not 0 < port < 65536:
        raise RunSetupError(f"--scheduler {address!r}: port {port} is out of range (1-65535)")
    return f"{protocol}://{location}"


def _host_of(location: str) -> str:
    return location.split("/")[0].rsplit(":", 1)[0] if ":" in location else location.split("/")[0]
