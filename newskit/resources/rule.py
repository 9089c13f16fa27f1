"""The record a data-driven rule is written as (``Rule``), here so the rule tables in
``newskit.resources`` need nothing from the stages that apply them."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Rule:
    """A cleaning rule: ``name``, a regex ``pattern``, an ``example`` it removes, a
    ``description``. See ``newskit.resources.boilerplate`` for how patterns are applied."""

    name: str
    pattern: str
    example: str = ""
    description: str = ""


@dataclass(frozen=True)
class WireRule:
    """A rule that tells an article carries a wire service's copy (``newskit.resources.wires``).

    ``name`` says what it recognises; ``field`` where it looks: ``"text"`` (the article as read),
    ``"url"`` (its address) or ``"meta"`` (a metadata value: a page's publisher, a table's
    ``credit`` column, the author); ``pattern`` is a regex searched there. ``wire`` is the wire
    it names; when empty, the pattern's ``wire`` group names it, read through
    ``newskit.resources.wires.WIRE_NAMES``. ``example`` is a text the rule recognises.
    ``needs``: literal strings of which any text the pattern matches holds at least one (a
    pre-check far cheaper than the search; empty: always search).
    """

    name: str
    field: str
    pattern: str
    wire: str = ""
    example: str = ""
    description: str = ""
    needs: tuple[str, ...] = ()
