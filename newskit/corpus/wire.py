"""Which wire service's copy an article carries: ``detect_wire`` and the rules it applies.

An article carries wire copy when it credits the wire (a dateline, a byline, the wire's
copyright furniture, a contribution credit), sits under a wire feed's address, has a wire as its
publisher or credit in its metadata, or is published by the wire itself. The rules are data
(``newskit.resources.wires``); the first that matches decides. ``Article.wire`` holds the wire's
display name (``"AP"``, ``"Reuters"``, …) or None, ``Article.wire_evidence`` what matched.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from functools import lru_cache
from typing import Any

import pandas as pd

from newskit.resources.rule import WireRule
from newskit.resources.wires import WIRE_META_KEYS, WIRE_NAMES, WIRE_RULES

FIELDS = ("text", "url", "meta")
WIRE_RULE_COLUMNS = ["name", "field", "wire", "pattern", "example", "description"]


def wire_rules() -> pd.DataFrame:
    """The default wire rules as a table: ``name, field, wire, pattern, example, description``
    (``wire`` empty where the pattern's ``wire`` group names it)."""
    return pd.DataFrame(
        [[getattr(r, c) for c in WIRE_RULE_COLUMNS] for r in WIRE_RULES], columns=WIRE_RULE_COLUMNS
    )


def as_wire_rules(rules: Sequence[WireRule] | pd.DataFrame | None) -> tuple[WireRule, ...]:
    """``None`` → the default ``WIRE_RULES``; ``WireRule`` records or a frame with ``name,
    field, pattern`` (and optionally ``wire, example, description``) → a checked tuple.
    Raises ``ValueError`` naming a rule whose field is unknown or whose pattern does not
    compile, or that names no wire."""
    if rules is None:
        return WIRE_RULES
    if isinstance(rules, pd.DataFrame):
        missing = {"name", "field", "pattern"} - set(rules.columns)
        if missing:
            raise ValueError(f"wire rules need columns {sorted(missing)}")
        rules = [
            WireRule(**{c: ("" if pd.isna(v) else str(v)) for c, v in row.items()})
            for row in rules[[c for c in WIRE_RULE_COLUMNS if c in rules.columns]].to_dict(
                "records"
            )
        ]
    checked = []
    for rule in rules:
        if rule.field not in FIELDS:
            raise ValueError(f"wire rule {rule.name!r}: field must be one of {FIELDS}")
        try:
            compiled = re.compile(rule.pattern)
        except re.error as exc:
            raise ValueError(f"wire rule {rule.name!r}: bad pattern ({exc})") from exc
        if not rule.wire and "wire" not in compiled.groupindex:
            raise ValueError(
                f"wire rule {rule.name!r} names no wire: give wire='AP' or a (?P<wire>…) group"
            )
        checked.append(rule)
    return tuple(checked)


@lru_cache(maxsize=256)
def _compiled(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern)


def wire_name(name: str | None) -> str | None:
    """The display name of a wire written ``name`` (any case, "The …"), or None if not a wire:
    ``wire_name("the Associated Press") == "AP"``."""
    if not name:
        return None
    key = re.sub(r"\s+", " ", str(name)).strip().strip(".").lower()
    if key in WIRE_NAMES:
        return WIRE_NAMES[key]
    parts = key.split(".")  # a host: uk.reuters.com → reuters.com
    for i in range(1, len(parts) - 1):
        found = WIRE_NAMES.get(".".join(parts[i:]))
        if found:
            return found
    return None


def detect_wire(
    raw: str,
    *,
    url: str | None = None,
    meta: Mapping[str, Any] | None = None,
    outlet: str | None = None,
    rules: Sequence[WireRule] = WIRE_RULES,
) -> tuple[str | None, str | None]:
    """The wire an article's copy comes from, and the evidence: ``(wire, evidence)``.

    ``raw``: the article as read; ``url``; ``meta``: its metadata (keys in any case; a ``wire``
    value is taken as given); ``outlet``: the outlet as read (an article published by a wire
    is that wire's copy). ``evidence`` names what matched (``'outlet "Reuters"'``, ``'dateline
    "(AP) —"'``, ``'url …/aponline/…'``). ``(None, None)`` when nothing credits a wire.
    """
    meta = {str(k).lower(): v for k, v in (meta or {}).items() if v is not None and v == v}
    given = meta.get("wire")
    if isinstance(given, str) and given.strip():
        return wire_name(given) or given.strip(), "metadata wire"
    by_outlet = wire_name(outlet)
    if by_outlet:
        return by_outlet, f'outlet "{outlet}"'
    values = [str(meta[k]) for k in WIRE_META_KEYS if isinstance(meta.get(k), str)]
    for rule in rules:
        if rule.field == "text":
            targets = [raw]
        elif rule.field == "url":
            targets = [url] if url else []
        else:
            targets = values
        pattern = _compiled(rule.pattern)
        for target in targets:
            if rule.needs and not any(n in target for n in rule.needs):
                continue
            for match in pattern.finditer(target):
                wire = rule.wire or wire_name(match.groupdict().get("wire"))
                if wire:
                    return wire, f'{rule.name} "{_short(match.group(0))}"'
    return None, None


def _short(text: str, limit: int = 80) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"
