"""Boilerplate and metadata rules applied by ``newskit.corpus.clean``.

Each rule is a regular expression compiled with ``re.MULTILINE``. It is matched against the raw
text with line ends folded to ``\n`` (offsets unchanged) and with what earlier rules removed
blanked out, so ``^`` also matches right after a removed header. A match is removed from the
article text; a group named ``cut`` narrows what is removed. Named groups ``date``, ``outlet``,
``title`` and ``author`` are read as metadata (the first rule that finds one wins;
``metadata.csv`` wins over all of them). A group named ``dateline_date`` holds the date of a
wire dateline (``March 3``, ``Jan. 5, 2024``): it dates the article when nothing else does
(``date_source="dateline"`` in ``corpus.frame()``). Every rule carries an example it must remove
(tested).
"""

from __future__ import annotations

from newskit.resources.numbers import MONTHS
from newskit.resources.rule import Rule

_LINE_END = r"[ \t]*(?:\n|\Z)"
_MONTH = "(?:" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
_PLACE = r"[A-Z][A-Z.'’-]*(?:[ \t]+[A-Z][A-Z.'’-]*)*"
_WIRE = r"\((?P<outlet>AP|AFP|Reuters|Bloomberg|[A-Z][\w&.'’ -]{1,40}?)\)"

BOILERPLATE_RULES: tuple[Rule, ...] = (
    Rule(
        "date_header",
        r"\A[ \t]*date[ \t]+(?P<date>\d{4}-\d{2}-\d{2})(?:[ \t]+|[ \t]*\n)",
        " date 2025-09-12 (Bloomberg) -- US Treasury Secretary Scott Bessent will meet",
        "A leading ` date YYYY-MM-DD` line or prefix written by the scraper.",
    ),
    Rule(
        "slash_header",
        r"\A[ \t]*(?P<title>[^/\n]{10,200}?)/[ \t]*(?P<outlet>[^/\n]{2,40}?)/[ \t]*"
        r"[A-Z][A-Z .,'’-]+/[ \t]*(?P<author>[^/\n]{2,60}?)/[ \t]*(?:[A-Z][A-Za-z ]{2,30}/[ \t]*)?",
        "Bessent to Meet Chinese Officials/ Newslooks/ WASHINGTON/ J. Mansour/ Morning Edition/ "
        "U.S. Treasury Secretary",
        "A `Title/ Outlet/ PLACE/ Author/ Edition/` header run into the first paragraph.",
    ),
    Rule(
        "dated_dateline",
        r"^[ \t]*" + _PLACE + r"(?:,[ \t]*(?:[A-Z][a-z]+\.?|[A-Z]\.[A-Z]\.)(?:[ \t]+[A-Z][a-z]+)*)?"
        r",[ \t]*(?P<dateline_date>" + _MONTH + r"[ \t]*\d{1,2}(?:,[ \t]*\d{4})?)"  # , Jan. 5, 2024
        r"[ \t]*(?:[—–]|--?)?[ \t]*" + _WIRE + r"[ \t]*(?:—|–|--?)[ \t]*",
        "NAIROBI, March 3 (Reuters) - Kenya's central bank held its main lending rate",
        "A wire dateline with a date: `LONDON, Sept 17 (Reuters) -`, `WASHINGTON, Jan. 5, 2024 "
        "(AP) —`; the date dates the article when nothing else does.",
    ),
    Rule(
        "dateline",
        r"^[ \t]*(?:[A-Z][A-Z.'’-]*(?:[ \t]+[A-Z][A-Z.'’-]*)*"  # PLACE
        r"(?:,[ \t]*(?:[A-Z][a-z]+\.?|[A-Z]\.[A-Z]\.)(?:[ \t]+[A-Z][a-z]+)*)?"  # , Turkey / , Ore.
        r"(?:,[ \t]*[A-Z][a-z]{2,4}\.?[ \t]*\d{1,2})?"  # , Sept 12
        r"[ \t]*(?:[—–]|--?)?[ \t]*)?"
        r"\((?P<outlet>AP|AFP|Reuters|Bloomberg|[A-Z][\w&.'’ -]{1,40}?)\)"  # (AP)
        r"[ \t]*(?:—|–|--?)[ \t]*",
        "WASHINGTON — (AP) — U.S. Treasury Secretary Scott Bessent will travel to Madrid",
        "A wire dateline at the start of a paragraph: `(Bloomberg) --`, `ERBIL (Kurdistan24) —`.",
    ),
    Rule(
        "advertisement",
        r"^[ \t]*(?:Advertisement|ADVERTISEMENT|Sponsored|SPONSORED|"
        r"Story continues below(?: this)? advertisement)" + _LINE_END,
        "Advertisement\n",
        "An ad marker on a line of its own.",
    ),
    Rule(
        "related_link",
        r"^[ \t]*(?:Also [Rr]ead|ALSO READ|Read [Mm]ore|READ MORE|Related|RELATED|"
        r"Read [Aa]lso|Must [Rr]ead)[ \t]*[|:][^\n]*" + _LINE_END,
        "Also Read | Top 7 comments by Sergio Gor amid Donald Trump tariff row\n",
        "A related-link line: `Also Read | …`, `READ MORE: …`.",
    ),
    Rule(
        "comment_prompt",
        r"^[ \t]*(?:You must (?:Register or Login|[Ll]og ?in|be logged in|sign in)|"
        r"Log ?in to (?:post a )?comment|Comments are closed)[^\n]*" + _LINE_END,
        "You must Register or Login to post a comment.",
        "A comment-section prompt.",
    ),
    Rule(
        "reference_map",
        r"^[ \t]*(?:📌[ \t]*)?(?:Reference Map|References|Sources):[ \t]*\n"
        r"(?:[ \t]*[-•*–][^\n]*(?:\n|\Z))*",
        "📌 Reference Map:\n- Paragraph 1 – [1], [4]\n- Paragraph 2 – [2]\n",
        "A reference block: its heading line and the list under it.",
    ),
    Rule(
        "source_credit",
        r"^[ \t]*Source:[ \t]*(?P<outlet>[^\n]{2,80}?)[ \t]*\s*\Z",
        "Source: Noah Wire Services",
        "A `Source: …` credit as the article's last line (read as the outlet).",
    ),
)
