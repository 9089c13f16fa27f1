"""What a saved web page says about itself, and what on it is not the article: tables used by
``newskit.corpus.html``, ``newskit.corpus.page_meta`` and ``newskit.corpus.page_dates``.

``PUBLISHED_META``: the ``<meta>`` keys (``property``, ``name`` or ``itemprop``, lower case) that
state when the page was *published*, most explicit first. Keys that say when it was created (a
draft), modified or updated are left out on purpose: they are not the publication date.
``ARTICLE_TYPES`` / ``PAGE_TYPES`` / ``MEDIA_TYPES``: JSON-LD ``@type`` values of an article, of
the page around it, and of embedded media whose dates belong to the media, not the article.
``ELSEWHERE``: class/id tokens of page parts about *other* pages (sidebars, related links,
teasers): the date search ignores them, so a sidebar's ``/uploads/2020/12/08/`` never dates
the article.
``FURNITURE``: ``PageRule`` records for paywall, newsletter, advertising and "read more"
furniture that the extractor would otherwise keep: a ``box`` rule matches an element's class or
id (a box longer than ``MAX_FURNITURE_CHARS`` characters of text is kept: it is the article
itself under a paywall class), a ``text`` rule a short block's whole text.
``TITLE_SEPARATORS``: what separates a headline from the site's name in a page title
(``"… | Malay Mail"``, ``"… - Times of India"``, ``"…_新华网"``).
"""

from __future__ import annotations

from typing import Literal, NamedTuple


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# Example: <meta property="article:published_time" content="2024-03-05T09:30:00Z">.
PUBLISHED_META: tuple[str, ...] = (
    "article:published_time",
    "og:article:published_time",
    "og:published_time",
    "article:published",
    "article.published",
    "article:published_date",
    "article:publicationdate",
    "datepublished",
    "date_published",
    "published_time",
    "published_date",
    "publication_date",
    "publish_date",
    "publish-date",
    "publishdate",
    "pubdate",
    "parsely-pub-date",
    "sailthru.date",
    "dc.date.issued",
    "dcterms.issued",
    "dc.date.publication",
    "citation_publication_date",
    "cxenseparse:recs:publishtime",
    "article_date_original",
    "dcsext.articlefirstpublished",
    "bt:pubdate",
    "article:post_date",
    "displaydate",
    "dc.date",
    "dcterms.date",
    "dc:date",
)

# Example: {"@type": "NewsArticle", "datePublished": "2024-03-05T09:30:00Z"}.
ARTICLE_TYPES: frozenset[str] = _words(
    """
    Article NewsArticle ReportageNewsArticle AnalysisNewsArticle OpinionNewsArticle
    BackgroundNewsArticle ReviewNewsArticle AskPublicNewsArticle SatiricalArticle
    BlogPosting LiveBlogPosting SocialMediaPosting Report ScholarlyArticle TechArticle
    """
)
# Example: {"@type": "WebPage", "datePublished": "2024-03-05"}.
PAGE_TYPES: frozenset[str] = _words("WebPage ItemPage AboutPage CollectionPage")
# Example: {"@type": "VideoObject", "uploadDate": "2019-01-01", "datePublished": "2019-01-01"}.
MEDIA_TYPES: frozenset[str] = _words(
    "VideoObject ImageObject AudioObject MediaObject Clip Comment Review Product"
)

# Example: <aside class="sidebar"> or <div id="related-stories">.
ELSEWHERE: tuple[str, ...] = (
    "sidebar",
    "side-bar",
    "related",
    "recommend",
    "most-?(?:read|popular|viewed|shared)",
    "more-?(?:stories|news|articles)",
    "read-?next",
    "trending",
    "teaser",
    "widget",
    "outbrain",
    "taboola",
    "promo",
)

MAX_FURNITURE_CHARS = 800
"""A furniture box with more text than this is kept (the article itself under a paywall class)."""
MAX_NOTICE_CHARS = 300
"""A block of more characters than this is an article paragraph, whatever its first words."""


class PageRule(NamedTuple):
    """Page furniture the extractor drops: ``name``; ``kind`` — ``"box"`` (``pattern`` is
    searched in an element's class and id, case-insensitive) or ``"text"`` (``pattern`` must
    match the whole text of a block of fewer than ``MAX_FURNITURE_CHARS`` characters, case-
    insensitive); ``example`` — a class or a text it matches."""

    name: str
    kind: Literal["box", "text"]
    pattern: str
    example: str


FURNITURE: tuple[PageRule, ...] = (
    PageRule(
        "paywall box",
        "box",
        r"pay-?wall|reg-?wall|registration-?wall|meter(?:ed)?-?(?:wall|prompt|banner)|"
        r"^tp-(?:container|modal|backdrop)|piano-|subscriber-?only|subscri(?:be|ption)-?"
        r"(?:box|banner|prompt|promo|cta|wall|offer|module)|premium-?(?:banner|prompt|promo|box)",
        "paywall-prompt",
    ),
    PageRule(
        "newsletter box",
        "box",
        r"newsletter|news-?letter|sign-?up|email-?(?:capture|signup|optin|alerts?)|opt-?in",
        "newsletter-signup",
    ),
    PageRule(
        "advertising box",
        "box",
        r"advert|(?:^|[\s_-])ad-?(?:slot|unit|container|wrapper|box)|dfp-|gpt-ad|sponsored",
        "ad-slot",
    ),
    PageRule(
        "promotion box",
        "box",
        r"inline-?promo|promo-?(?:box|block|unit)|call-?to-?action|(?:^|[\s_-])cta(?:$|[\s_-])|"
        r"also-?read|read-?more-?(?:box|links?)|more-?(?:stories|on-this)|recommended",
        "inline-promo",
    ),
    PageRule(
        "newsletter notice",
        "text",
        r"(?:sign[ -]?up|subscribe|register|join|get (?:our|the|a|your))\b[^.!?]{0,160}\b"
        r"(?:newsletters?|e-?mails?|"
        r"inbox|briefings?|alerts)\b.*|[^.!?]{0,60}\bnewsletters?|"
        r".{0,80}\bnewsletter\b.{0,20}\babonnieren.*|"
        r"jetzt (?:kostenlos )?(?:anmelden|abonnieren).*",
        "Sign up for our morning newsletter and get the day's news in your inbox.",
    ),
    PageRule(
        "paywall notice",
        "text",
        r"(?:this (?:article|story|content) is (?:only )?(?:for|available (?:to|for)|reserved "
        r"for) (?:our )?(?:paying )?(?:subscribers|members)|subscribe (?:now|today|to (?:continue|"
        r"keep) reading|for (?:full|unlimited) access)|already (?:a )?(?:subscriber|member|"
        r"registered)\??|(?:to )?continue reading,? (?:please )?(?:subscribe|log ?in|sign ?in)|"
        r"you(?: have|'ve|’ve) (?:reached|used) (?:your|all(?: of)? your|the) "
        r"(?:(?:free|monthly) )?(?:articles?|stories|limit|maximum)|log ?in to (?:continue|read)|"
        r"become a (?:subscriber|member)|unlock (?:this|unlimited|full)|"
        r"weiterlesen mit|jetzt (?:weiterlesen|testen|abonnieren)).*",
        "Subscribe now to continue reading. Already a subscriber? Log in.",
    ),
    PageRule(
        "advertising label",
        "text",
        r"(?:advertisement|advertising|anzeige|werbung|publicité|sponsored(?: content)?|"
        r"(?:story|article) continues below(?: this)?(?: advertisement| ad)?|continue reading "
        r"(?:below|the main story))\W*",
        "ADVERTISEMENT",
    ),
    PageRule(
        "read-more line",
        "text",
        r"(?:read more|read also|also read|more on this(?: story)?|related(?: stories| articles|"
        r" coverage)?|see also|recommended(?: for you)?|most read|trending now|you may also like|"
        r"you might also like|mehr zum thema|auch interessant|das könnte (?:sie|dich) auch "
        r"interessieren|lesen sie auch|ähnliche (?:beiträge|artikel)|weitere artikel|verwandte "
        r"artikel|(?:à )?lire aussi|sur le même sujet|leer más|te puede interesar|noticias "
        r"relacionadas|leggi anche|potrebbe interessarti)(?:\s*:\s*.{0,200}|\W{0,3})",
        "Read more: Council delays the bridge repairs again",
    ),
    PageRule(
        "comment prompt",
        "text",
        r"(?:leave a (?:comment|reply)|post a comment|add a comment|write a comment|join the "
        r"(?:conversation|discussion)|kommentar (?:schreiben|verfassen|hinzufügen)|kommentieren|"
        r"hinterlasse(?:n sie)? einen kommentar|\d+ (?:comments?|kommentare))\W*",
        "Leave a comment",
    ),
    PageRule(
        "tag line",
        "text",
        r"(?:tags?|schlagw(?:ö|o)rter|schlagworte|themen|topics|filed under|posted in|getaggt "
        r"mit|kategorien?|categories)\s*:.{0,250}",
        "Tags: ferry, harbour, council",
    ),
    PageRule(
        "share buttons",
        "text",
        r"(?:share(?: this(?: article| story| page)?)?|teilen|diese geschichte teilen|drucken|"
        r"print|e-?mail|whatsapp|facebook|twitter|pinterest|linkedin)(?:[\W_]+(?:share|teilen|"
        r"drucken|print|e-?mail|whatsapp|facebook|twitter|x|pinterest|linkedin|reddit|"
        r"telegram|copy link))*[\W_]*",
        "Share: Facebook · X · WhatsApp · E-Mail",
    ),
    PageRule(
        "share line",
        "text",
        r"(?:share (?:this (?:article|story|page)|on (?:facebook|twitter|x|whatsapp|linkedin))|"
        r"follow us on \w+|teilen auf \w+)[^.]{0,80}",
        "Share this article on Facebook, X or WhatsApp",
    ),
)

# Month names (English, German, French, Spanish, Italian, Portuguese, Dutch; lower case) and
# their numbers, to tell a date written with its day from a month htmldate padded to the 1st.
# Example: "1 March 2024", "1. März 2024", "1er mars 2024".
MONTH_NAMES: dict[str, int] = {
    name: number
    for number, names in enumerate(
        [
            "january jan januar jänner janvier enero gennaio janeiro januari",
            "february feb februar février fevrier febrero febbraio fevereiro februari",
            "march mar märz maerz mars marzo março maart",
            "april apr avril abril aprile",
            "may mai mayo maggio maio mei",
            "june jun juni juin junio giugno junho",
            "july jul juli juillet julio luglio julho",
            "august aug août aout agosto augustus",
            "september sep sept septembre septiembre settembre setembro",
            "october oct oktober octobre octubre ottobre outubro",
            "november nov novembre noviembre novembro",
            "december dec dezember décembre decembre diciembre dicembre dezembro",
        ],
        start=1,
    )
    for name in names.split()
}

# Example: "Stocks fall as rates rise - Times of India", "标题_新华网".
TITLE_SEPARATORS = r"\s+(?:[|\-–—·•»~]|--|::)\s+|\s*[｜|_]\s*"
