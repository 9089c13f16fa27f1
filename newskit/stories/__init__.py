"""Stories: which articles of a corpus tell the same story (upstream of every analysis).

``group`` finds the stories (``stories``) and resolves them for the cross-article analyses
(``story_map``); ``table`` summarises them (``story_table``, ``outlet_story_coverage``);
``diagnostics`` says how sure the grouping is (``story_diagnostics``).
Nothing here imports ``keywords``, ``reuse`` or ``claims``: they read the stories from here.

``newskit.stories`` is the grouping function; its module is ``newskit.stories.group``.
"""

from newskit.stories.diagnostics import story_diagnostics
from newskit.stories.group import (
    Stories,
    assigned_story,
    stories,
    story_map,
    within_stories,
)
from newskit.stories.table import outlet_story_coverage, story_table

__all__ = [
    "Stories",
    "assigned_story",
    "outlet_story_coverage",
    "stories",
    "story_diagnostics",
    "story_map",
    "story_table",
    "within_stories",
]
