"""The disagreements of ``compare_claims``, one row per dissenting claim, both sentences side
by side.

``disagreements(groups, claims)`` reads the groups whose ``agree`` is False and, for each claim
among their ``dissent_rows``, pairs it with the claim of the group's reference value (the value
most outlets state) from another outlet whose sentence is most like its own, so that a reader sees
the two sentences that disagree next to each other.
"""

from __future__ import annotations

import pandas as pd

from newskit.claims.facts import build_facts
from newskit.claims.values import compatible, shown

DISAGREEMENT_COLUMNS = [
    "group",
    "kind",
    "confidence",
    "value",
    "outlet",
    "surface",
    "sentence",
    "article_id",
    "start",
    "end",
    "dissent_value",
    "dissent_outlet",
    "dissent_surface",
    "dissent_sentence",
    "dissent_article_id",
    "dissent_start",
    "dissent_end",
    "evidence",
]


def disagreements(groups: pd.DataFrame, claims: pd.DataFrame) -> pd.DataFrame:
    """One row per dissenting claim of each group of ``groups`` (``compare_claims`` of
    ``claims``) whose ``agree`` is False, in the order of ``groups`` (disagreements come first
    there).

    Columns: ``group``, ``kind``, ``confidence`` (the group's), ``value`` (the reference value)
    with the ``outlet``, ``surface``, ``sentence``, ``article_id``, ``start``, ``end`` of the
    reference claim that says it (``article.raw[start:end]`` is the surface); the same six for
    the dissenting claim (``dissent_value``, ``dissent_outlet``, ``dissent_surface``,
    ``dissent_sentence``, ``dissent_article_id``, ``dissent_start``, ``dissent_end``);
    ``evidence`` (the group's). Empty (with these columns) when every group agrees.
    """
    if groups.empty or "dissent_rows" not in groups:
        return pd.DataFrame(columns=DISAGREEMENT_COLUMNS)
    disputed = groups[groups["agree"].fillna(True).eq(False)]
    if disputed.empty:
        return pd.DataFrame(columns=DISAGREEMENT_COLUMNS)
    wanted = sorted({r for rows in disputed["claim_rows"] for r in rows}, key=str)
    facts = {f.row: f for f in build_facts(claims.loc[wanted])}
    out = []
    for _, g in disputed.iterrows():
        members = [facts[r] for r in g["claim_rows"] if r in facts]
        dissent = set(g["dissent_rows"])
        agreeing = [m for m in members if m.row not in dissent]
        for d in (m for m in members if m.row in dissent):
            sides = [m for m in agreeing if m.outlet != d.outlet and not compatible(m, d)]
            if not sides:
                continue
            ref = max(sides, key=lambda m: (_jaccard(m.wide, d.wide), -_order(m.row)))
            out.append(
                {
                    "group": g["group"],
                    "kind": g["kind"],
                    "confidence": g["confidence"],
                    "value": shown(ref),
                    "outlet": ref.outlet,
                    "surface": ref.surface,
                    "sentence": ref.sentence,
                    "article_id": ref.article,
                    "start": int(claims.at[ref.row, "start"]),
                    "end": int(claims.at[ref.row, "end"]),
                    "dissent_value": shown(d),
                    "dissent_outlet": d.outlet,
                    "dissent_surface": d.surface,
                    "dissent_sentence": d.sentence,
                    "dissent_article_id": d.article,
                    "dissent_start": int(claims.at[d.row, "start"]),
                    "dissent_end": int(claims.at[d.row, "end"]),
                    "evidence": g["evidence"],
                }
            )
    return pd.DataFrame(out, columns=DISAGREEMENT_COLUMNS)


def _jaccard(a: frozenset[str], b: frozenset[str]) -> float:
    """How alike two sentences' terms are, as a share of all their terms: a headline that
    repeats a few words of a long sentence is not its closest match."""
    return len(a & b) / len(a | b) if a or b else 0.0


def _order(row: object) -> int:
    return row if isinstance(row, int) else 0
