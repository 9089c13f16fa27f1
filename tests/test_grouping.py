"""connected_groups: union-find groups in a stable order."""

import pytest

from newskit.grouping import connected_groups


@pytest.mark.parametrize(
    ("n", "links", "groups"),
    [
        (0, [], []),
        (3, [], [[0], [1], [2]]),
        (5, [(3, 1), (4, 0)], [[0, 4], [1, 3], [2]]),
        (4, [(0, 1), (2, 3), (1, 3)], [[0, 1, 2, 3]]),
        (4, iter([(2, 3), (3, 2)]), [[0], [1], [2, 3]]),
    ],
)
def test_connected_groups(n, links, groups):
    assert connected_groups(n, links) == groups
