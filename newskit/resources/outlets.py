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

What a web page offers as its site's name is checked before it names an outlet
(``newskit.corpus.outlets.outlet_name_problem``): ``NOT_A_NAME`` lists what such a value must not
look like (an address, a phone number, a URL, a copyright line, a description), each with an
example; ``SECTION_NAMES`` are names of a site's sections ("World", "Politik", "国际"), never an
outlet's; a name longer than ``MAX_NAME_CHARS`` characters or ``MAX_NAME_WORDS`` words is a
description.
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

MAX_NAME_CHARS = 60
"""An outlet name longer than this is a description or a headline ("Breaking news, analysis…")."""
MAX_NAME_WORDS = 8
"""An outlet name of more words than this is a description or a headline."""

# What a site name from a page's metadata must not look like: (what it is, pattern, example).
# Patterns are searched case-insensitively in the name (entities already decoded).
NOT_A_NAME: tuple[tuple[str, str, str], ...] = (
    (
        "a web address",
        r"://|^www\.|^[\w-]+(?:\.[\w-]+)+/|\.(?:html?|php|aspx?)\b",
        "https://www.ledger.example.org/",
    ),
    ("an e-mail address", r"[\w.+-]+@[\w-]+\.[\w.]+", "newsdesk@ledger.example.org"),
    (
        "a copyright line",
        r"^\W*(?:©|\(c\)|copyright\b)|all rights reserved",
        "© 2016 Ledger Media Group",
    ),
    (
        "a phone number",
        r"\b(?:tel|phone|fax|telefon|tél)\b\s*[.:]?\s*[+(\d]|\bcall us\b|\+?\(?\d[\d ().-]{6,}\d",
        "Tel. +44 20 7946 0958",
    ),
    (
        "a postal address",
        r"\b\d{1,5}[a-z]?,?\s+(?:[\w.'’-]+\s+){0,4}(?:street|st|avenue|ave|road|rd|boulevard|blvd|"
        r"lane|ln|drive|dr|way|place|pl|square|sq|suite|floor|strasse|straße|str|platz|weg|allee|"
        r"rue|calle|via)\b|\b(?:p\.?\s?o\.?\s+box|postfach)\b|\b(?:strasse|straße|str\.|platz|weg)"
        r"\s+\d|\b\d{5}(?:-\d{4})?\b|\b[A-Z]{1,2}\d[A-Z\d]?\s+\d[A-Z]{2}\b",
        "12 Harbour Street, Portside PS1 4QA",
    ),
    (
        "a description",
        r"[a-z]{3,}\.\s+\w|[,;]\s+\S+.*[,;]\s+\S|\s[-–—]\s.*\s[-–—]\s",
        "Breaking news, sport, weather and more. Your local source.",
    ),
    ("not a name (no letters)", r"^[\W\d_]*$", "2016"),
)

# Section names of news sites, lower case (English, German, French, Spanish, Italian,
# Portuguese, Chinese, Japanese). Example: "World" on a page whose og:site_name says "World".
SECTION_NAMES: frozenset[str] = frozenset(
    line.strip()
    for line in """
    news
    home
    homepage
    home page
    front page
    world
    world news
    us
    u.s.
    us news
    uk
    uk news
    politics
    business
    economy
    markets
    finance
    money
    tech
    technology
    science
    health
    sport
    sports
    entertainment
    culture
    arts
    lifestyle
    life
    style
    travel
    food
    opinion
    opinions
    editorial
    editorials
    comment
    commentary
    analysis
    local
    local news
    national
    national news
    international
    latest
    latest news
    breaking news
    top stories
    top news
    headlines
    features
    video
    videos
    photos
    gallery
    weather
    education
    environment
    climate
    crime
    nation
    metro
    region
    regional
    asia
    europe
    africa
    americas
    middle east
    blog
    blogs
    article
    articles
    story
    stories
    live
    nachrichten
    startseite
    politik
    wirtschaft
    kultur
    panorama
    meinung
    lokales
    welt
    inland
    ausland
    aktuell
    aktuelles
    actualités
    actualites
    accueil
    monde
    politique
    économie
    société
    noticias
    inicio
    portada
    mundo
    política
    economía
    deportes
    cultura
    sociedad
    opinión
    notizie
    cronaca
    esteri
    politica
    economia
    notícias
    início
    esportes
    新闻
    首页
    国际
    国内
    财经
    体育
    娱乐
    科技
    社会
    军事
    ニュース
    国際
    政治
    経済
    スポーツ
    トップ
    """.splitlines()
    if line.strip()
)
