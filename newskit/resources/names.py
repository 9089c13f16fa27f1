"""Tables for telling names from titles, and one outlet's spellings from another's.

Used by ``newskit.keywords.names`` (keyphrases and distinctive terms). Lower-case entries;
abbreviations are written without their period.

``TITLE_VARIANTS``: abbreviated titles and the word they abbreviate (``"sen"`` →
``"senator"``); ``distinctive_terms`` counts both spellings as one term, and lists each spelling
as house style.
``ROLE_WORDS``: words that, capitalised before a person's name, are a title or role rather than
part of the name (``"Texas Rep. Blake Farenthold"``, ``"Treasury Secretary Scott Bessent"``,
``"Police Chief Wolfgang Albers"``); with the honorifics, the abbreviations above and
``TITLE_ABBREVIATIONS``. Lower-case role nouns before a name (``"quarterback Drew Stanton"``,
``"actor Gary Sinise"``) are cut off the same way.
``ORG_WORDS``: last words of names that are no person (``"White House"``, ``"Supreme
Court"``): such a name never stands for a person, and its last word alone (``"House"``) is
never read as the short form of it.
``MEDIA_WORDS``: words an outlet's name may end with (``"Fox News"``, ``"Sun Online"``) when
matching names the text uses against the outlet's code or web address.
``CREDIT_NAMES``: agency and picture-desk names that are credits, not content (``"associated
press"``, ``"getty images"``): they never join a keyphrase and count as house style.
"""

from __future__ import annotations


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# Example: "sen" in "Sen. Ted Cruz" is "senator".
TITLE_VARIANTS: dict[str, str] = {
    "sen": "senator",
    "sens": "senators",
    "rep": "representative",
    "reps": "representatives",
    "gov": "governor",
    "govs": "governors",
    "gen": "general",
    "lt": "lieutenant",
    "col": "colonel",
    "capt": "captain",
    "cmdr": "commander",
    "cmdt": "commandant",
    "adm": "admiral",
    "sgt": "sergeant",
    "maj": "major",
    "cpl": "corporal",
    "pvt": "private",
    "rev": "reverend",
    "atty": "attorney",
    "prof": "professor",
    "pres": "president",
    "supt": "superintendent",
    "insp": "inspector",
    "det": "detective",
    "amb": "ambassador",
    "sec": "secretary",
    "asst": "assistant",
    "dept": "department",
}

# Example: "secretary" in "Treasury Secretary Scott Bessent".
ROLE_WORDS: frozenset[str] = _words(
    """
    president vice senator senators representative representatives congressman congresswoman
    congressmen delegate governor lieutenant mayor secretary minister ministers premier
    chancellor judge judges justice chief chairman chairwoman chair chairperson director
    spokesman spokeswoman spokesperson general colonel captain sergeant admiral commander
    major corporal officer ambassador attorney prosecutor sheriff detective inspector
    superintendent commissioner professor doctor reverend coach manager executive ceo cfo coo
    founder co-founder candidate nominee speaker leader deputy acting assistant associate
    senior special envoy adviser advisor aide counsel counselor analyst economist strategist
    correspondent reporter editor columnist anchor host producer writer author actor actress
    singer rapper star model comedian musician artist director filmmaker player quarterback
    receiver linebacker forward guard striker goalkeeper pitcher shortstop catcher boxer
    champion rookie veteran agent trooper constable marshal ranger soldier sgt spokesperson
    pastor bishop cardinal rabbi imam cleric priest father mr mrs ms miss dr messrs mmes mx
    investor billionaire businessman businesswoman entrepreneur mogul tycoon activist lawyer
    attorney-general minister-president first lady
    """
)

# Titles that are part of the name as people use it ("Pope Francis", "Prince Harry"): never
# cut off. Example: "pope".
KEPT_TITLES: frozenset[str] = _words(
    "pope king queen prince princess emperor empress sheikh emir sultan lord lady sir dame saint st"
)

# Example: "house" in "White House".
ORG_WORDS: frozenset[str] = _words(
    """
    house court courts party department ministry office council committee commission agency
    service services bureau university college school academy hospital center centre institute
    foundation association union league company corporation corp inc ltd llc plc group bank
    fund trust times post news journal herald tribune press gazette street avenue road
    boulevard river lake sea ocean mountain mountains island islands city county state states
    nations republic kingdom airport airlines airways station church cathedral mosque temple
    police army navy force forces guard club team stadium arena park square bridge tower hall
    museum zoo program programme project act bill law fc series cup games bowl
    """
)

# Example: "news" in "Fox News".
MEDIA_WORDS: frozenset[str] = _words(
    """
    news post times journal herald tribune daily online network channel tv radio media
    magazine press gazette globe mail star telegraph express standard observer chronicle
    today digital com
    """
)

# Example: ("associated", "press") in "(Elaine Thompson/Associated Press)".
CREDIT_NAMES: frozenset[tuple[str, ...]] = frozenset(
    tuple(name.split())
    for name in (
        "ap",
        "afp",
        "reuters",
        "xinhua",
        "upi",
        "dpa",
        "epa",
        "efe",
        "ansa",
        "associated press",
        "the associated press",
        "agence france-presse",
        "agence france presse",
        "press association",
        "getty",
        "getty images",
        "shutterstock",
        "alamy",
        "landov",
        "imagechina",
        "rex features",
        "ap photo",
        "facebook twitter pinterest",
        "flynet",  # "Fame Flynet", a picture agency
        "fameflynet",
        "buzz60",  # video agencies credited under a video
        "newslook",
        "newsy",
        "storyful",
        "backgrid",
    )
)
