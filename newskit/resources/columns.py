"""Column names the loader recognises in tables (CSV, JSONL, Parquet, DataFrames).

For each article field, the names tried in order (case and surrounding space ignored); the first
present wins and the loader says which it used. ``load_corpus(..., columns={"text": "body"})``
overrides them. Every other column is kept as metadata (``Article.meta``, ``corpus.frame()``).
"""

from __future__ import annotations

COLUMN_NAMES: dict[str, tuple[str, ...]] = {
    "id": ("id", "article_id", "doc_id"),
    "text": ("text", "body", "content", "article", "full_text", "story"),
    "date": ("date", "published", "publish_date", "pub_date", "datetime", "published_at"),
    "title": ("title", "headline"),
    "url": ("url", "link"),
    "outlet": ("outlet", "source", "publisher", "site", "media_name"),
    "author": ("author", "byline"),
    "story_id": ("story_id",),
}
"""Article field → recognised column names, most specific first. Example: a scraper's CSV with
``id, source, published, headline, link, body`` loads as outlet, date, title, url and text.
A ``story_id`` column (``newskit.stories`` output joined to an export, or a report's per-story
file) gives the articles their stories, as ``Corpus.with_stories`` does."""
