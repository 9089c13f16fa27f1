"""Every span newskit reports on the seeds slices raw text to exactly its text."""

import newskit


def test_sentences_tokens_removed_slice_raw(seeds):
    raw = {a.id: a.raw for a in seeds}
    for df in (newskit.sentences(seeds), newskit.tokens(seeds), seeds.removed()):
        assert len(df) > 0
        for row in df.itertuples():
            assert raw[row.article_id][row.start : row.end] == row.text
