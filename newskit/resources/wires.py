"""Wire services and how an article shows it carries their copy, kept as data.

``WIRE_NAMES`` maps every way a wire is written (lower case) to its display name
("the associated press" → "AP"). ``WIRE_RULES`` are the ``WireRule`` records that
``newskit.corpus.wire.detect_wire`` applies in order; the first that matches names the wire (a
rule's ``wire`` group counts only when ``WIRE_NAMES`` knows it).
They look for *credits* (a wire dateline, a byline, the wire's copyright furniture, "… contributed
to this report", a wire feed's web address), never for a mere citation: "told the Associated
Press", "Reuters reported" and a photo credit ("(Matt Rourke/Associated Press)", "Image copyright
AFP") say nothing about whose text the article is. Add rules with
``load_corpus(path, wires=[*WIRE_RULES, WireRule(...)])``.
"""

from __future__ import annotations

from newskit.resources.rule import WireRule

# Every spelling of a wire service, lower case, and its display name (the names newskit's outlet
# table uses too). Example: "the associated press" -> "AP".
WIRE_NAMES: dict[str, str] = {
    "ap": "AP",
    "the ap": "AP",
    "associated press": "AP",
    "the associated press": "AP",
    "apnews.com": "AP",
    "reuters": "Reuters",
    "thomson reuters": "Reuters",
    "reuters news": "Reuters",
    "reuters.com": "Reuters",
    "afp": "AFP",
    "agence france-presse": "AFP",
    "agence france presse": "AFP",
    "afp.com": "AFP",
    "bloomberg": "Bloomberg",
    "bloomberg news": "Bloomberg",
    "bloomberg.com": "Bloomberg",
    "upi": "UPI",
    "united press international": "UPI",
    "upi.com": "UPI",
    "xinhua": "Xinhua",
    "xinhua news agency": "Xinhua",
    "xinhuanet.com": "Xinhua",
    "dpa": "dpa",
    "deutsche presse-agentur": "dpa",
    "pa": "PA Media",
    "pa media": "PA Media",
    "press association": "PA Media",
    "the press association": "PA Media",
    "ani": "ANI",
    "asian news international": "ANI",
    "pti": "PTI",
    "press trust of india": "PTI",
    "ians": "IANS",
    "efe": "EFE",
    "ansa": "ANSA",
    "kyodo": "Kyodo",
    "kyodo news": "Kyodo",
    "yonhap": "Yonhap",
    "yonhap news agency": "Yonhap",
    "tass": "TASS",
    "cp": "The Canadian Press",
    "canadian press": "The Canadian Press",
    "the canadian press": "The Canadian Press",
    "aap": "AAP",
    "australian associated press": "AAP",
}

# A wire's name as written in a credit (dateline, byline, sign-off). Abbreviations are
# case-sensitive ("AP", never "ap"); full names take an optional "The".
_WIRE = (
    r"(?P<wire>AP|Reuters|AFP|UPI|Xinhua|dpa|ANI|PTI|IANS|EFE|ANSA|Kyodo|Yonhap|TASS|AAP|"
    r"Bloomberg(?: News)?|(?:The )?Associated Press|Agence France-Presse|"
    r"United Press International|Press Trust of India|(?:The )?Canadian Press|PA Media|"
    r"(?:the )?Press Association|Deutsche Presse-Agentur|Thomson Reuters)"
)

# Meta keys (any case) whose value may credit a wire: a page's publisher, a table's credit
# column. Example: a JSON-LD publisher "Associated Press" on a newspaper's page of AP copy.
WIRE_META_KEYS: tuple[str, ...] = (
    "wire",
    "credit",
    "publisher",
    "byline",
    "author",
    "agency",
    "copyright",
)

WIRE_RULES: tuple[WireRule, ...] = (
    WireRule(
        "dateline",
        "text",
        r"(?m)^[ \t]*(?:[A-Z][\w.,'’ /-]{0,80}?[ \t]*)?(?:[—–-]{1,2}[ \t]*)?\(" + _WIRE + r"\)"
        r"[ \t]*(?:—|–|--?|:)",
        example="ERIMO, Japan, Oct 19 (Reuters) - Ever since North Korea lobbed two missiles",
        description="A wire dateline at the start of a paragraph: `BERLIN (AP) —`, "
        "`TOKYO/SEOUL (Reuters) -`, `(Bloomberg) --`.",
        needs=("(",),
    ),
    WireRule(
        "copyright",
        "text",
        r"(?:Copyright|©)[ \t]*(?:\(c\)[ \t]*)?\d{4},?[ \t]+" + _WIRE + r"\b",
        example="Copyright 2017 The Associated Press. All rights reserved.",
        description="The wire's copyright line.",
        needs=("Copyright", "©"),
    ),
    WireRule(
        "ap furniture",
        "text",
        r"This material may not be published, broadcast, rewritten,? or redistributed",
        wire="AP",
        example="This material may not be published, broadcast, rewritten or redistributed.",
        description="AP's redistribution notice under its stories.",
        needs=("This material may not be published",),
    ),
    WireRule(
        "reuters sign-off",
        "text",
        r"\((?:Reporting|Additional reporting) by [^()\n]{2,300}?;[ \t]*"
        r"(?:[Ee]diting|[Ww]riting|[Aa]dditional reporting) by [^()\n]{2,200}\)",
        wire="Reuters",
        example="(Reporting by Hyonhee Shin; Editing by Michael Perry)",
        description="Reuters' sign-off naming its reporters and editors.",
        needs=("eporting by",),
    ),
    WireRule(
        "credit line",
        "text",
        r"(?m)^[ \t]*[a-z]{1,4}(?:/[a-z]{1,4})+[ \t]*\(" + _WIRE + r"(?:,[ \t]*[\w -]{2,30})*\)"
        r"[ \t]*$",
        example="jm/dm (AFP, dpa)",
        description="Editors' initials with the wires used, closing an article (DW style).",
        needs=("(",),
    ),
    WireRule(
        "byline",
        "text",
        r"(?m)^[ \t]*By [A-Z][\w.'’ -]{1,60}?(?:,| and| of| for)?[ \t]+" + _WIRE + r"[ \t]*$",
        example="By Jane Smith, Associated Press",
        description="A byline that names the wire.",
        needs=("By ",),
    ),
    WireRule(
        "wire writer",
        "text",
        r"\b(?P<wire>AP|Associated Press|Reuters|AFP)(?: [A-Z][a-z]+){0,2} "
        r"(?:Writer|Correspondent|Reporter)s?\b",
        example="By JOSH BOAK, AP Economics Writer",
        description="A wire's staff title in a byline or credit.",
        needs=("Writer", "Correspondent", "Reporter"),
    ),
    WireRule(
        "contributed",
        "text",
        _WIRE + r"(?:[ \t]+(?:[a-z]+|[A-Z][\w.'’-]+)){0,8}?[ \t]+(?:contributed to this "
        r"(?:report|story|article)|contributed reporting)",
        example="The Associated Press contributed to this report.",
        description="A wire named in a contribution credit.",
        needs=("contributed ",),
    ),
    WireRule(
        "material from",
        "text",
        r"\b(?:Material|Information) from " + _WIRE + r" (?:was used|is included)",
        example="Material from Reuters was used in this report.",
        description="A wire named as the source of material used.",
        needs=("Material from ", "Information from "),
    ),
    WireRule(
        "source line",
        "text",
        r"(?m)^[ \t]*" + _WIRE + r"[ \t]*\|[ \t]*Updated:",
        example="Xinhua | Updated: 2017-09-15 17:52",
        description="A source line under the headline naming the wire (China Daily style).",
        needs=("Updated:",),
    ),
    WireRule(
        "updated line",
        "text",
        r"\bUpdated:[ \t]*\d{4}-\d\d-\d\d[ \t]+\d\d?:\d\d[ \t]*\(" + _WIRE + r"\)",
        example="Truck rams into crowd in Nice Updated: 2016-07-15 06:50 (Xinhua)",
        description="A wire named after the update time under the headline (China Daily style).",
        needs=("Updated:",),
    ),
    WireRule(
        "sign-off",
        "text",
        r"\n[ \t]*(?P<wire>AP|PA|Reuters|AFP|Xinhua|dpa|UPI|ANI|PTI|IANS|EFE|ANSA|AAP)[ \t]*\s*\Z",
        example="… it could be aimed at blocking adversaries during a crisis.\nReuters",
        description="The wire's bare name as the last line of the article (The Independent "
        "style): `Reuters`, `PA`.",
    ),
    WireRule(
        "wire address",
        "url",
        r"(?i)//(?:[\w-]+\.)*(?P<wire>apnews\.com|reuters\.com|afp\.com|upi\.com|"
        r"xinhuanet\.com)(?:[:/]|$)",
        example="https://apnews.com/article/north-korea-missile-0a1b2c",
        description="An address on a wire's own site.",
    ),
    WireRule(
        "ap feed path",
        "url",
        r"(?i)/(?:aponline|ap|ap-news|apwire|wires/ap|hosted\.ap\.org)/|//hosted\.ap\.org/",
        wire="AP",
        example="https://www.nytimes.com/aponline/2017/10/19/world/asia/ap-as-koreas.html",
        description="A newspaper's path for AP's feed.",
    ),
    WireRule(
        "reuters feed path",
        "url",
        r"(?i)/(?:reuters|wires/reuters)/",
        wire="Reuters",
        example="https://www.nytimes.com/reuters/2018/01/02/sports/football/02reuters-nfl.html",
        description="A newspaper's path for Reuters' feed.",
    ),
    WireRule(
        "afp feed path",
        "url",
        r"(?i)/(?:afp|wires/afp)/",
        wire="AFP",
        example="https://www.dailymail.co.uk/wires/afp/article-4712345/Quake-hits.html",
        description="A newspaper's path for AFP's feed.",
    ),
    WireRule(
        "pa feed path",
        "url",
        r"(?i)/wires/pa/",
        wire="PA Media",
        example="http://www.dailymail.co.uk/wires/pa/article-3919284/Tram-overturns.html",
        description="A newspaper's path for PA's feed.",
    ),
    WireRule(
        "metadata",
        "meta",
        r"(?i)^[\W_]*(?:by[ \t]+)?(?:\(c\)|©)?[ \t]*(?:\d{4}[ \t]+)?(?P<wire>[\w .&-]+?)[\W_]*$",
        example="Associated Press",
        description="A metadata value (publisher, credit, author) that is a wire's name in "
        "WIRE_NAMES.",
    ),
)

# Used by ``newskit.reuse_graph`` (additions for telling shared wire copy from copying).
# A passage naming a wire as whom someone spoke to: when both articles' copies of a shared
# passage carry it, both carry that wire's copy. Example: "…,” local police chief Sayed Kamal
# Sadat told AFP." (A citation in one article only proves nothing.)
WIRE_ATTRIBUTION = (
    r"\b(?:told|to|by|with)[ \t]+(?:[Tt]he[ \t]+)?(?P<wire>Associated Press|AP|Reuters|AFP|"
    r"Agence France-Presse|Xinhua|Bloomberg News|UPI|dpa|Press Association)\b"
)
# When two articles could both carry the copy of several wires (one credits PA, both share text
# with an article credited to AP), the first of these is named: national agencies and papers
# redistribute the global agencies' copy. Other wires follow in alphabetical order.
# Example: ("AP", "PA Media") -> "AP".
WIRE_PRECEDENCE: tuple[str, ...] = ("AP", "Reuters", "AFP")
