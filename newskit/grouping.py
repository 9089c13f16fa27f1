"""Connected groups: which items end up together when some pairs are linked.

Used wherever newskit clusters things across articles (claims about the same fact, copies of one
quotation, sentences carrying one fact).
"""

from __future__ import annotations

from collections.abc import Iterable


def connected_groups(n: int, links: Iterable[tuple[int, int]]) -> list[list[int]]:
    """Group items ``0 … n-1`` so that linked items share a group (union-find).

    ``links`` may be a lazy iterable. Returns the groups, each with its members ascending,
    ordered by their smallest member; unlinked items are groups of one.
    """
    parent = list(range(n))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for i, j in links:
        ri, rj = root(i), root(j)
        if ri != rj:
            parent[max(ri, rj)] = min(ri, rj)
    groups: dict[int, list[int]] = {}
    for i in range(n):
        groups.setdefault(root(i), []).append(i)
    return list(groups.values())
