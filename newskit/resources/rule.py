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
