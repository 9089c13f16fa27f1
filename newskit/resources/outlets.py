"""Tables used by ``newskit.corpus.outlets`` to name outlets.

``OUTLET_DOMAINS``: well-known news domains (without ``www.``) → the outlet's display name. An
article without an outlet but with a URL on one of these domains (or a subdomain of one:
``edition.cnn.com``) gets that name; any other domain gets a readable name made from the
domain itself (``dailyclarion.co.uk`` → ``"Dailyclarion"``, ``the-herald.com`` → ``"The
Herald"``). Extend it with ``{**OUTLET_DOMAINS, "example.org": "Example News"}`` passed as
``load_corpus(..., outlets=...)``, whose keys may also be domains.
``SECOND_LEVEL_SUFFIXES``: public suffixes of two labels (``co.uk``), so the readable fallback
names the site, not the suffix.
``HOST_PREFIXES``: host labels that say nothing about the outlet (``www``, ``m``, ``amp``).
``OUTLET_ALIASES``: other ways files name a well-known outlet (lower case, single spaces) → its
display name (``"nyt"`` → ``"The New York Times"``); every display name of ``OUTLET_DOMAINS``
is an alias of itself (``"new york times"`` and ``"the new york times"`` both count).
"""

from __future__ import annotations


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# Example: "https://www.nytimes.com/2025/09/14/us/politics/talks.html" -> "The New York Times".
OUTLET_DOMAINS: dict[str, str] = {
    "nytimes.com": "The New York Times",
    "washingtonpost.com": "The Washington Post",
    "wsj.com": "The Wall Street Journal",
    "usatoday.com": "USA Today",
    "latimes.com": "Los Angeles Times",
    "chicagotribune.com": "Chicago Tribune",
    "bostonglobe.com": "The Boston Globe",
    "apnews.com": "AP",
    "reuters.com": "Reuters",
    "bloomberg.com": "Bloomberg",
    "afp.com": "AFP",
    "cnn.com": "CNN",
    "foxnews.com": "Fox News",
    "nbcnews.com": "NBC News",
    "cbsnews.com": "CBS News",
    "abcnews.go.com": "ABC News",
    "npr.org": "NPR",
    "pbs.org": "PBS",
    "politico.com": "Politico",
    "thehill.com": "The Hill",
    "axios.com": "Axios",
    "huffpost.com": "HuffPost",
    "breitbart.com": "Breitbart",
    "nypost.com": "New York Post",
    "newsweek.com": "Newsweek",
    "time.com": "Time",
    "theatlantic.com": "The Atlantic",
    "bbc.co.uk": "BBC",
    "bbc.com": "BBC",
    "theguardian.com": "The Guardian",
    "ft.com": "Financial Times",
    "economist.com": "The Economist",
    "independent.co.uk": "The Independent",
    "telegraph.co.uk": "The Telegraph",
    "aljazeera.com": "Al Jazeera",
    "dw.com": "DW",
    "france24.com": "France 24",
    "scmp.com": "South China Morning Post",
    "xinhuanet.com": "Xinhua",
    "globaltimes.cn": "Global Times",
    "livemint.com": "Mint",
    "kurdistan24.net": "Kurdistan24",
    "newslooks.com": "Newslooks",
    "cnbc.com": "CNBC",
    "forbes.com": "Forbes",
    "businessinsider.com": "Business Insider",
}

# Example: "co.uk" in "independent.co.uk".
SECOND_LEVEL_SUFFIXES: frozenset[str] = _words(
    """
    co.uk org.uk ac.uk gov.uk com.au net.au org.au co.nz co.in co.jp co.za com.br com.cn
    com.mx com.tr com.sg com.hk co.kr
    """
)

# Example: "www" in "www.nytimes.com", "m" in "m.cnn.com".
HOST_PREFIXES: frozenset[str] = _words("www www1 www2 m mobile amp edition")

# Example: "nyt" -> "The New York Times", "associated press" -> "AP".
OUTLET_ALIASES: dict[str, str] = {
    "nyt": "The New York Times",
    "ny times": "The New York Times",
    "new york times": "The New York Times",
    "wapo": "The Washington Post",
    "washington post": "The Washington Post",
    "wsj": "The Wall Street Journal",
    "wall street journal": "The Wall Street Journal",
    "associated press": "AP",
    "the associated press": "AP",
    "reuters news": "Reuters",
    "bloomberg news": "Bloomberg",
    "agence france-presse": "AFP",
    "fox": "Fox News",
    "guardian": "The Guardian",
    "bbc news": "BBC",
    "la times": "Los Angeles Times",
    "npr news": "NPR",
}
