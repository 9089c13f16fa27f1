"""Tables used by the text-reuse analyses (``similarity``, ``align``, ``graph``).

Every table is plain data a user can read and extend. Words are lower case.

``STOPWORDS``: function words left out of the content terms that
``newskit.reuse.similarity`` compares (``the``, ``will``, ``said``…); "The talks will resume" →
terms ``talk``, ``resume``.
``PHRASES``: multi-word names read as one term before tokenising ("United States" → ``us``).
``EQUIVALENTS``: spellings and demonyms of one name read as one term
("U.S.", "US", "American", "America" → ``us``; "Chinese" → ``china``).
``SYNONYMS``: everyday newswire paraphrases read as one term ("discussions", "negotiations",
"talks" → ``talk``). Keep it small and general: each entry should be a paraphrase any rewriter
might use, never a fact of one story.
``SUFFIXES``: the light stemmer's rules, tried in order, as ``(suffix, replacement, min_stem)``:
"negotiations" → "negotiation" → "negotiat"; "meetings" → "meeting" → "meet".
``EMBEDDED_POST``, ``SINGLE_OPEN``, ``SINGLE_CLOSE``: quoted material that ``reuse_graph`` does
not count as reused text (an embedded post, a quotation in single marks).
``PRESS_RELEASE``: what marks an article as an organisation's own press release (a ticker
announcement, a newswire's dateline, the "forward-looking statements" notice): it is the source
of the news articles that reproduce its sentences.
The tables for quotations and their speakers are in ``newskit.resources.quotes``.
"""

from __future__ import annotations

from newskit.resources.rule import Rule


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# Function words and reporting glue: they say nothing about which passage was reused.
# Example: "This will be the fourth round" -> content terms: fourth, round.
STOPWORDS: frozenset[str] = _words(
    """
    a an the and or but nor so yet if then than that this these those there here it its it's
    he him his she her hers they them their theirs we us' our ours you your i me my mine who
    whom whose which what when where why how whether while as at by for from in into of off on
    onto out over to up upon with within without about above after against along amid among
    around before behind below beneath beside between beyond down during except inside like
    near past since through throughout toward towards under until unlike via
    is are was were be been being am do does did doing done have has had having will would
    shall should can could may might must ought not no yes also too very just only even still
    already again ever never now soon then once more most much many some any each every all
    both either neither other another such same own few several lot lots
    said says say saying told tell tells according
    one's s t don't didn't won't can't isn't aren't wasn't weren't hasn't haven't hadn't
    mr mrs ms
    """
)

# Multi-word names read as one term (matched case-insensitively on whole words, before
# tokenising). Example: "the United States and the United Kingdom" -> us, uk.
PHRASES: dict[str, str] = {
    "united states of america": "us",
    "united states": "us",
    "united kingdom": "uk",
    "great britain": "uk",
    "european union": "eu",
    "united nations": "un",
    "per cent": "percent",
}

# One term for the spellings and demonyms of a place (a rewrite swaps them freely).
# Example: "U.S. and Chinese counterparts" ~ "American and Chinese delegations".
EQUIVALENTS: dict[str, str] = {
    "u.s.": "us",
    "u.s": "us",
    "usa": "us",
    "u.s.a.": "us",
    "america": "us",
    "american": "us",
    "americans": "us",
    "u.k.": "uk",
    "u.k": "uk",
    "britain": "uk",
    "british": "uk",
    "e.u.": "eu",
    "chinese": "china",
    "beijing's": "beijing",
    "spanish": "spain",
    "japanese": "japan",
    "russian": "russia",
    "ukrainian": "ukraine",
    "indian": "india",
    "german": "germany",
    "french": "france",
    "european": "europe",
    "%": "percent",
    "pct": "percent",
}

# Everyday newswire paraphrases, each group read as its first word.
# Example: "fourth round of discussions" ~ "fourth round of negotiations".
SYNONYMS: dict[str, tuple[str, ...]] = {
    "talk": (
        "talks",
        "discuss",
        "discussion",
        "discussions",
        "negotiation",
        "negotiations",
        "dialogue",
    ),
    "meet": ("meeting", "meetings", "met", "session", "sessions"),
    "agreement": ("agreements", "deal", "deals", "accord", "pact"),
    "official": ("officials", "counterpart", "counterparts", "delegation", "delegations"),
    "government": ("governments", "administration", "nations", "nation", "countries", "country"),
    "travel": ("travels", "traveling", "travelling", "heads", "head", "visit", "visits", "trip"),
    "pause": ("pauses", "paused", "truce", "freeze", "freezes", "suspension"),
    "increase": ("increasing", "escalating", "escalation", "rising", "rise", "hike", "hikes"),
    "buy": ("purchase", "purchases", "buyer", "buyers", "acquire"),
    "sell": ("sale", "sold", "divest", "divests", "divestiture", "divestment"),
    "law": ("legislation", "bill", "statute"),
    "medicine": ("medicines", "pharmaceuticals", "drugs"),
    "challenge": ("challenges", "problem", "problems"),
    "ban": ("bans", "banned", "prohibit", "prohibits", "prohibition"),
    "support": ("supported", "supports", "back", "backed", "favor", "favour"),
    "expect": ("expected", "slated", "scheduled"),
    "war": ("wars", "conflict", "conflicts"),
    "percent": ("percentage",),
}

# Light stemmer: (suffix, replacement, minimum length of what is left). First match wins, and
# the rules run twice (meetings -> meeting -> meet). Example: "escalations" -> "escalat".
SUFFIXES: tuple[tuple[str, str, int], ...] = (
    ("ss", "ss", 2),  # keeps "discuss", "press" whole
    ("ies", "y", 3),
    ("sses", "ss", 3),
    ("ations", "at", 3),
    ("ation", "at", 3),
    ("ions", "", 4),
    ("ion", "", 4),
    ("ings", "", 4),
    ("ing", "", 4),
    ("ed", "", 4),
    ("es", "e", 3),
    ("s", "", 3),
    ("e", "", 4),
)

# Quoted material besides the quotations ``newskit.reuse.quotes`` finds: what two articles share
# inside these is someone's words, not one outlet's text reused by another.
# ``EMBEDDED_POST``: a social-media post embedded in a page, as a paragraph ending in the
# author's handle and the date. Example: "No fight. We just live in different countries & it got
# hard. — Sarah Silverman (@SarahKSilverman) February 5, 2018".
EMBEDDED_POST = (
    r"(?m)^[^\n]*[—–-][ \t]*[^\n()]{1,80}\(@\w{1,30}\)[ \t]+[A-Z][a-z]+\.? \d{1,2},? \d{4}"
    r"[ \t]*$"
)
# ``SINGLE_OPEN``, ``SINGLE_CLOSE``: a quotation in single marks within one paragraph, the
# British house style (‘…’ or '…'): it opens with a mark that starts a word and closes at the
# next mark that ends one (not the apostrophe of "don't"), at most ``SINGLE_MAX_CHARS`` later.
# Example: "'If it sounds too good to be true, it probably is,' Fandal said."
SINGLE_OPEN = r"(?m)(?:^|(?<=[\s(\[—–-]))[‘'](?=[\w“\"])"
SINGLE_CLOSE = r"[’'](?!\w)"
SINGLE_MAX_CHARS = 600

# An organisation's own press release, by the marks only a release carries (any one is enough;
# searched in the article's text). ``reuse_graph`` makes a release the source of an article that
# shares text with it: a company's words reproduced by a news site are the company's text, and
# no release copies a news article. A news item quoting a ticker ("shares of Apple (NASDAQ:
# AAPL) rose", "AMD (NYSE: AMD) announced … Monday") is not a release: the ticker must open an
# announcement made "today", in the company's own voice.
PRESS_RELEASE: tuple[Rule, ...] = (
    Rule(
        "ticker announcement",
        r"\((?:NYSE|NASDAQ|Nasdaq|NasdaqGS|NasdaqGM|AMEX|NYSE American|NYSE MKT|TSX|TSXV|LSE|ASX"
        r"|OTC[A-Z]*)[ \t]*:[ \t]*[A-Z][A-Za-z.]{0,7}\)(?:,[^,\n]{1,80},)?[ \t]+"
        r"(?:today[ \t]+announced|announced[ \t]+today)\b",
        example="AMD (NYSE: AMD) today announced it has signed a definitive agreement",
        description="A company named with its ticker, announcing today: a release's first "
        "sentence.",
    ),
    Rule(
        "newswire dateline",
        r"/(?:PRNewswire|PR Newswire|PRNewswire-FirstCall|PRWeb)(?:-[\w]+)*/"
        r"|\((?:BUSINESS WIRE|GLOBE NEWSWIRE|Marketwired|ACCESSWIRE|PRNewswire)\)",
        example="SUNNYVALE, Calif., Feb. 29, 2012 /PRNewswire/ -- AMD today announced",
        description="The dateline of a release distributed by a newswire.",
    ),
    Rule(
        "forward-looking statements",
        r"(?m)^[ \t]*(?:Forward-Looking Statements|Cautionary Statement Regarding "
        r"Forward-Looking Statements|Safe Harbor Statement)[ \t]*:?[ \t]*$",
        example="Forward-Looking Statements",
        description="The heading of the legal notice that closes a listed company's release.",
    ),
)
