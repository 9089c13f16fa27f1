"""The ``newskit`` command: ``newskit SUBCOMMAND [ARGS]``.

Each subcommand lives in its own module, which owns its arguments through a
``main(argv) -> int`` function; this table maps the names to those modules.
"""

from __future__ import annotations

import importlib
import sys
from collections.abc import Sequence

COMMANDS: dict[str, tuple[str, str]] = {
    # name: (module with main(argv), one-line help)
    "dashboard": ("newskit.dashboard", "open the notebooks as a Voilà dashboard"),
}


def main(argv: Sequence[str] | None = None) -> int:
    """Run ``newskit SUBCOMMAND ARGS``; return its exit status (2 for an unknown command)."""
    args = list(sys.argv[1:] if argv is None else argv)
    if not args or args[0] in {"-h", "--help"} or args[0] not in COMMANDS:
        lines = [f"  {name:<10} {help_}" for name, (_, help_) in COMMANDS.items()]
        print("usage: newskit COMMAND [ARGS]\n\ncommands:\n" + "\n".join(lines))
        return 0 if args and args[0] in {"-h", "--help"} else 2
    module = importlib.import_module(COMMANDS[args[0]][0])
    return module.main(args[1:])


if __name__ == "__main__":
    sys.exit(main())
