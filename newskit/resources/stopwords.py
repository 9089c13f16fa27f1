"""Word tables used by ``newskit.keywords`` and ``newskit.keywords.distinctive``.

All entries are lower case; words are compared after ``newskit.corpus.segment``'s normalisation
(lower case, plain apostrophes and hyphens, a possessive ``'s`` removed). Extend a table by
building a new frozenset from it, e.g. ``STOPWORDS | {"reportedly"}``.

``STOPWORDS``: function words. A keyphrase never starts or ends with one (``"of the talks"``,
``"talks in"``), and distinctive-terms n-grams never include one at an edge.
``VERB_FRAGMENTS``: words that are (nearly always) verbs in news prose; a keyphrase is cut at them
(``"Lifeng lead high-stakes negotiations tackling tariffs"`` → ``"high-stakes negotiations"``).
Built from ``VERB_LEMMAS`` (regular inflections made by rule) and ``IRREGULAR_VERB_FORMS``.
``WEAK_MODIFIERS``: vague adjectives and adverbs dropped from the start of a phrase
(``"recent surveys"`` → ``"surveys"``, ``"extended 90-day pauses"`` → ``"90-day pauses"``).
``NAME_PREFIXES``: country prefixes dropped from the start of a name, so outlets' variants
merge (``"U.S. Treasury Secretary Scott Bessent"`` → ``"Treasury Secretary Scott Bessent"``).
``NOUN_ING``: ``-ing`` words that are nouns and may end a phrase (``"money laundering"``).
``LY_WORDS``: words ending in ``-ly`` that are not adverbs (``"supply chains"``, ``"Italy"``).
``DEMONYMS``: nationality adjectives; a name made of one alone (``"Chinese"``) is no keyphrase,
though it may start one (``"Chinese imports"``).
``DETERMINERS``: words after which an ``-ing`` word is an adjective (``"the rising prices"``).
``TIME_WORDS``: months, weekdays and other time words, never a phrase edge; nor are
``TIME_ABBREVIATIONS`` (``"Jan"`` without its period, ``"GMT"``).
``NAME_CONNECTORS``: lower-case words allowed inside a name between capitalised words
(``"Ministry of Commerce"``, ``"Secretary of State Marco Rubio"``).
``HONORIFICS``: courtesy titles; a keyphrase drops them from the start of a name (``"Mr.
Powell"`` → ``"Powell"``) and ``distinctive_terms`` shows them apart from content terms.
``SCALE_WORDS``: words that make a number an amount (``"$1.375 billion"``, ``"12 percent"``);
a number with one is a keyphrase candidate of its own, a bare number never starts one.
``VERB_MARKERS``: words after which a lower-case word is a verb (``"would build"``, ``"to repay
loans"``): a keyphrase is cut there.
``PREDICATE_ADJECTIVES``: adjectives that follow their noun as a predicate (``"farmers
unable"``, ``"rates steady"``); a keyphrase is cut at them.
``ED_NOUNS``: words ending in ``-ed`` that are not verbs (``"hundred"``, ``"speed"``).
``GENERIC_NOUNS``: nouns too general to be a keyphrase on their own (``"people"``, ``"end"``,
``"thousands"``); they may still end a longer one (``"displaced people"``).
``EVALUATIVE_ADJECTIVES``: words that judge rather than describe; a keyphrase never starts
with one (``"talented Deputy Secretary"``, ``"massive security breach"`` → ``"security
breach"``).
``NUMBER_WORDS``: counting words; like a number, a keyphrase never starts with one (``"three
missions"`` → ``"missions"``).
``KEYWORD_SKIP``: regexes (multi-line mode) for text that never gives a keyphrase: the dateline
place at a paragraph start (``"WASHINGTON —"``, ``"DES MOINES, Iowa —"``, ``"Tirana, Albania
(CNN)"``; its named group ``place`` is the place, which is then no keyphrase of the article
anywhere), byline lines (``"By Jane Mercer"``), credit lines (``"Reporting by Jane Mercer;
Editing by Tom Li"``), photo captions and credits (``"Image caption …"``, ``"(Taylor
Turner/The Washington Post)"``), copyright lines, transcript speaker labels (``"SCOTT HORSLEY,
BYLINE:"``), "Read more" lines, web addresses and handles (``"@RT_com"``).
"""

from __future__ import annotations


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# Function words: articles, pronouns, auxiliaries, prepositions, conjunctions, quantifiers and
# discourse words. Example: "the", "would", "between", "however".
STOPWORDS: frozenset[str] = _words(
    """
    a about above according across after afterwards again against ago all almost alone along
    already also although always am among amongst an and another any anybody anyhow anyone
    anything anyway anywhere are around as at away back be became because become becomes
    becoming been before beforehand behind being below beside besides between beyond both but by
    can cannot could did do does doing done down during each either else elsewhere enough
    especially etc even ever every everybody everyone everything everywhere except far few for
    former formerly from further furthermore had has have having he hence her here hereby herein
    hers herself him himself his how however i if in indeed instead into is it its itself just
    last least less lest like likely many may maybe me meanwhile might mine more moreover most
    mostly much must my myself namely neither never nevertheless next no nobody none nor not
    nothing now nowhere of off often on once one ones only onto or other others otherwise ought
    our ours ourselves out over own per perhaps quite rather really same several shall she
    should since so some somebody somehow someone something sometime sometimes somewhat
    somewhere soon still such than that the their theirs them themselves then thence there
    thereafter thereby therefore therein thereupon these they this those though through
    throughout thru thus to together too toward towards under unless unlike until unto up upon
    us very via was we well were what whatever when whence whenever where whereas whereby
    wherein whether which while whither who whoever whole whom whose why will with within
    without would yet you your yours yourself yourselves
    despite amid amidst ahead including regarding concerning near nearly alongside versus vs
    plus minus excluding following roughly approximately whose
    's n't 'll 're 've 'd 'm mr mrs ms dr
    say says said saying tell tells told telling
    get gets got getting make makes made making take takes took taken taking go goes went gone
    going come comes came coming see sees saw seen seeing give gives gave given giving
    put puts let lets set sets
    """
)

# Verbs of news prose, by lemma; their -s, -ed and -ing forms are made by rule (tackle →
# tackles, tackled, tackling; discuss → discusses, discussed, discussing). Words that are just as
# often nouns in news ("trade", "talks", "deal", "ban", "visit", "plan", "pause", "export") are
# left out on purpose. Example: "lead" in "He Lifeng lead high-stakes negotiations".
VERB_LEMMAS: frozenset[str] = _words(
    """
    concede depend maintain predict prefer reckon reiterate
    agree need rely repay protect merge violate bring revive postpone divert derail shut quit
    verify investigate sue restore steal evacuate flee destroy injure kill soar unveil hire
    resign retire elect condemn determine allege
    accept accuse achieve acknowledge add admit advocate affect agree allow announce appear
    approve argue arrive ask attend avert avoid become begin believe boost bridge cause cite
    combat confirm consider continue contribute convince criticise criticize decide declare
    deepen defend deny describe discuss emphasise emphasize ensure enter establish expect
    explain express face fail find follow frame gain grow happen help highlight hint hold
    illustrate impose include indicate insist intend join keep know launch lay lead leave
    mandate mark meet note oppose prevent proceed prompt propose provide raise reach receive
    recognise recognize reflect reject remain remove represent require resolve respond resume
    reveal say see seek seem sell send serve signify slip solidify speak spiral stabilise
    stabilize stand start stave stay stop strengthen suggest tackle tell threaten travel try
    thank turn undermine underscore urge utilise utilize want warn weigh welcome win wish worry
    """
)

# Irregular forms (past tense, participles and a few -s/-ing forms the rules get wrong).
# Example: "met" (meet), "led" (lead), "struck" (strike).
IRREGULAR_VERB_FORMS: frozenset[str] = _words(
    """
    is are was were be been being am has have had having do does did done doing
    began begun became bought brought built caught chose chosen drew drawn drove fell felt
    fought found flew forgot froze grew grown heard held hid kept knew known laid led left lent
    lost meant met paid ran rose sat sent shown sold spent spoke spoken stood struck swore
    taught thought threw thrown understood won wore wrote written scheduled slated heads
    rose risen rises fell fallen
    says said told took taken went gone came gave given saw seen made got gotten
    lies lay lying dies died dying ties tied tying
    fled stole stolen shutting quitting repaid overpaid underpaid prepaid
    """
)

# Vague modifiers dropped from the start of a phrase. Example: "recent" in "recent surveys",
# "extended" in "extended 90-day pauses", "pressing" in "pressing national security".
WEAK_MODIFIERS: frozenset[str] = _words(
    """
    additional alleged broad broader certain complete considerable current different due early
    earlier entire existing extended extensive final first former full further future general
    great greater high higher important initial key large larger last late later latest likely
    long major many more most much multiple new newer next numerous ongoing other overall
    particular past possible potential pressing previous prior real recent recently related
    renewed second significant similar simple single small specific steep strong such third
    total upcoming various whole wider wide big biggest main certain fourth several few
    increasing escalating growing continuing remaining improving slowly particularly sharply
    highly widely repeatedly immediately notable
    """
)

# -ing words that are nouns (they may end a phrase; other -ing words after a noun start a new
# phrase). Example: "laundering" in "money laundering", "spending" in "defence spending".
NOUN_ING: frozenset[str] = _words(
    """
    banking bombing briefing building ceiling clothing dumping earnings evening farming
    financing fishing funding hearing housing lending licensing lobbying manufacturing
    marketing meeting meetings mining morning offering painting planning polling pricing
    printing processing rating ratings recording rulings ruling saving savings setting
    shipping shooting spending standing suffering surfing testing trading training
    understanding warming wedding writing laundering landing opening outing spring string thing
    things king wing during
    """
)

# Words ending in -ly that are not adverbs. Example: "supply" in "supply chains".
LY_WORDS: frozenset[str] = _words(
    """
    supply ally rally italy july family assembly reply anomaly monopoly oligopoly butterfly
    jelly belly bully holy ugly daily weekly monthly quarterly yearly early friendly elderly
    only lily emily kelly sally molly billy wholly folly
    """
)

# Nationality adjectives. Example: "Chinese" alone is no keyphrase; "Chinese imports" may be.
DEMONYMS: frozenset[str] = _words(
    """
    american british chinese spanish french german italian japanese korean russian ukrainian
    indian pakistani iranian iraqi israeli palestinian turkish kurdish syrian saudi egyptian
    european african asian canadian mexican brazilian argentine australian dutch belgian swiss
    swedish norwegian danish finnish polish greek irish scottish welsh english portuguese
    taiwanese vietnamese thai indonesian malaysian filipino nigerian kenyan western eastern
    northern southern arab muslim christian jewish
    """
)

# Lower-case words allowed inside a capitalised name. Example: "of" in "Ministry of Commerce".
NAME_CONNECTORS: frozenset[str] = _words("of de la del von van der")


def verb_forms(lemmas: frozenset[str]) -> frozenset[str]:
    """The lemmas with their regular -s, -ed and -ing forms (``tackle`` → ``tackles``,
    ``tackled``, ``tackling``; ``stop`` → ``stopped``; ``try`` → ``tries``, ``tried``)."""
    out: set[str] = set()
    for lemma in lemmas:
        out.add(lemma)
        if lemma.endswith("e") and not lemma.endswith(("ee", "ye", "oe")):
            stem = lemma[:-1]
            out |= {lemma + "s", lemma + "d", stem + "ing"}
        elif lemma.endswith(("ee", "ye", "oe")):  # agree -> agreed, agreeing
            out |= {lemma + "s", lemma + "d", lemma + "ing"}
        elif lemma.endswith("y") and lemma[-2:-1] not in "aeiou":
            out |= {lemma[:-1] + "ies", lemma[:-1] + "ied", lemma + "ing"}
        elif lemma.endswith(("s", "sh", "ch", "x", "z")):
            out |= {lemma + "es", lemma + "ed", lemma + "ing"}
        else:
            out |= {lemma + "s", lemma + "ed", lemma + "ing"}
            if (
                len(lemma) <= 4
                and lemma[-1] not in "aeiouwxy"
                and lemma[-2] in "aeiou"
                and lemma[-3:-2] not in ("", "a", "e", "i", "o", "u")
            ):  # stop → stopped, plan → planned
                out |= {lemma + lemma[-1] + "ed", lemma + lemma[-1] + "ing"}
    return frozenset(out)


VERB_FRAGMENTS: frozenset[str] = verb_forms(VERB_LEMMAS) | IRREGULAR_VERB_FORMS

# Words for times and dates: never a keyphrase edge ("talks on Monday" gives no "Monday";
# "late October" gives nothing). Example: "september", "sept.", "week".
TIME_WORDS: frozenset[str] = _words(
    """
    january february march april may june july august september october november december
    jan. feb. mar. apr. jun. jul. aug. sep. sept. oct. nov. dec. sept
    monday tuesday wednesday thursday friday saturday sunday today tomorrow yesterday tonight
    week weeks weekend month months year years day days time times morning afternoon evening
    night decade decades century quarter overnight
    """
)

# Month abbreviations written without their period and time zones: like TIME_WORDS, never a
# keyphrase edge (``"Jan 1, 2018"`` gives no ``"Jan"``). Example: "gmt".
TIME_ABBREVIATIONS: frozenset[str] = _words(
    "jan feb aug sep oct nov dec gmt utc est edt cst cdt pst pdt bst cet"
)

# Country prefixes dropped from the start of a name. Example: "U.S." in "U.S. Treasury
# Secretary Scott Bessent", "US" in "US President Donald Trump".
NAME_PREFIXES: frozenset[str] = _words("u.s. us u.s.a. usa u.k. uk e.u. eu un u.n.")

# Suffixes of adjectives: a one-word phrase of a common (not capitalised) word with one of these
# is no keyphrase ("economic", "diplomatic", "strategic"), unless listed in
# ``ADJECTIVE_SUFFIX_NOUNS`` ("republic", "initiative").
ADJECTIVE_SUFFIXES: tuple[str, ...] = ("ic", "ical", "ous", "ive", "ful", "less", "able", "ible")

# Nouns that end like adjectives. Example: "initiative", "executive", "traffic".
ADJECTIVE_SUFFIX_NOUNS: frozenset[str] = _words(
    """
    republic topic clinic traffic music logic panic public mechanic fabric graphic critic
    rhetoric epidemic pandemic arithmetic tactic statistic economics politics
    executive initiative representative incentive objective offensive explosive narrative
    alternative detective relative perspective directive collective motive archive
    detective native captive fugitive conservative progressive legislative
    table cable label vegetable timetable constable stable
    """
)

# Words after which an -ing word starts a noun phrase as an adjective ("the escalating
# tariffs", "of rising prices"); after other words ("and toppling hundreds", ", pushing
# yields") it is a verb and is left out. Example: "the".
DETERMINERS: frozenset[str] = _words(
    "the a an its their his her our your my this that these those of amid such any some no"
)

# Courtesy titles. Example: "mr" in "Mr. Powell".
HONORIFICS: frozenset[str] = _words("mr mrs ms miss dr messrs mmes mx")

# Scale and unit words that belong to the number before them. Example: "billion".
SCALE_WORDS: frozenset[str] = _words(
    """
    hundred thousand million billion trillion percent per-cent pct dollars dollar euros euro
    pounds yuan yen rupees
    """
)

# Words after which a lower-case word is a verb. Example: "would" in "would build a factory".
VERB_MARKERS: frozenset[str] = _words(
    """
    to will would can could should shall may might must did does do didn't don't doesn't
    won't wouldn't can't cannot couldn't shouldn't 'll 'd
    """
)

# Adjectives that stand after their noun. Example: "unable" in "farmers unable to repay".
PREDICATE_ADJECTIVES: frozenset[str] = _words(
    """
    unable able likely unlikely steady unchanged ready willing eager reluctant due aware
    afraid sure certain responsible north south east west
    """
)

# Words ending in -ed that are not verbs. Example: "hundred".
ED_NOUNS: frozenset[str] = _words(
    """
    hundred kindred sacred naked wicked rugged ragged beloved speed greed breed steed tweed
    shed seabed hotbed watershed
    """
)

# Text that never gives a keyphrase, as (name, regex, example); regexes run in multi-line mode.
_DASH = r"(?:—|–|―|‒|−|--?)"  # em, en, horizontal bar (HuffPost), figure, minus, hyphen(s)
_AGENCY = r"\((?:AP|Reuters|AFP|CNN|UPI|dpa|Xinhua|Bloomberg|[A-Z][A-Za-z.]{1,15})\)"
KEYWORD_SKIP: tuple[tuple[str, str, str], ...] = (
    (
        "dateline",
        r"^[ \t]*(?P<place>[A-Z][A-Z.'’-]+(?:[ \t]+[A-Z][A-Z.'’-]+)*)"  # PLACE
        r"(?:,[ \t]*[A-Z][A-Za-z.]*(?:[ \t]+[A-Z][A-Za-z.]*)?)?"  # , Iowa / , Calif.
        r"(?:,[ \t]*[A-Z][a-z]{2,8}\.?[ \t]*\d{1,2})?"  # , Sept. 12
        r"[ \t]*(?:\([^()\n]{1,40}\)[ \t]*)?" + _DASH + r"[ \t]*",  # (AP) —
        "DES MOINES, Iowa — A second year of drought",
    ),
    (
        "dateline (agency)",
        r"^[ \t]*(?P<place>[A-Z][A-Za-z.'’-]+(?:[ \t]+[A-Z][A-Za-z.'’-]+){0,2})"  # Tirana
        r"(?:,[ \t]*[A-Z][A-Za-z.]*(?:[ \t]+[A-Z][A-Za-z.]*)?)?[ \t]*"  # , Albania
        + _AGENCY
        + r"[ \t]*(?:"
        + _DASH
        + r"[ \t]*)?",  # (CNN)
        "Tirana, Albania (CNN) Some will try to downplay it",
    ),
    (
        "dateline (place, dash)",
        r"^[ \t]*(?P<place>[A-Z][a-z]+(?:[ \t]+[A-Z][a-z]+)?)"  # Detroit
        r"(?:,[ \t]*[A-Z][A-Za-z.]*(?:[ \t]+[A-Z][A-Za-z.]*)?)?"  # , Mich.
        r"[ \t]+(?:—|–|―)[ \t]+(?=[A-Z])",  # –
        "Detroit – It’s a bird. It’s a plane.",
    ),
    (
        "byline",
        r"^[ \t]*By[ \t]+[A-Z][\w.'’-]*(?:[ \t,|]+(?:[A-Z][\w.'’-]*|and|of|the|in))*[ \t]*$",
        "By Jane Mercer",
    ),
    (
        "credits",
        r"^[ \t]*\(?(?:Additional )?(?:[Rr]eporting|[Ww]riting|[Ee]diting)[ \t]+by[ \t][^\n]*$",
        "Reporting by Jane Mercer; Editing by Tom Li",
    ),
    (
        "caption line",
        r"^[ \t]*(?:Image (?:copyright|caption)|Enlarge this image|toggle caption|Photos?(?:graph)?"
        r"(?:er)?:|\(Photo:|FILE[ \t]*" + _DASH + r"|Getty[ \t]*-|AP:|Reuters[ \t]|"
        r"(?:Scroll|Swipe) (?:down|left|right)|Read more|READ MORE|Related(?: Stories)?:|"
        r"Read or Share this story|Most Read In|Skip in Skip|Hide Caption)[^\n]*$"
        r"|^[ \t]*(?:Getty(?: Images)?|PA|AP|AFP|EPA|Reuters|Rex(?: Features)?)[ \t]*$",
        "Image caption The Taliban claimed responsibility for the attack",
    ),
    (
        "gallery label",
        r"Hide Caption[ \t]*\d+[ \t]*of[ \t]*\d+|^[ \t]*Photos?:(?=[ \t])"
        r"|Skip in Skip x Embed x Share(?: CLOSE(?:[ \t]+[A-Z0-9'’:,-]+(?!\w))*)?"
        r"|JUST WATCHED[^\n]*?Replay More Videos[ .…]*(?:MUST WATCH\b)?"
        r"|Replay More Videos[ .…]*|MUST WATCH\b",
        "Photos: Shocking celebrity splits … Hide Caption 1 of 59",
    ),
    (
        "photo credit",
        r"[(\[](?:Photo(?:graph)?:?[ \t]*)?[A-Z][^()\[\]\n/]{0,60}/[^()\[\]\n]{1,60}[)\]]"
        r"|\((?:Getty(?: Images)?|PA|AP(?: Photo)?|AFP|EPA|Reuters|Rex(?: Features)?)\)"
        r"|Photographer:[^\n]{1,80}",
        "(Taylor Turner/The Washington Post)",
    ),
    (
        "copyright",
        r"^[ \t]*(?:Copyright|©|\(c\))[ \t][^\n]*$",
        "Copyright 2017 The Associated Press. All rights reserved.",
    ),
    (
        "web address",
        # each alternative opens with a plain character, so the regex engine jumps to those
        # (a leading \b or look-behind made it try every position: a third of the skip scan)
        r"https?://[^\s)\]]+|w(?<!\ww)ww\.[^\s)\]]+|p(?<!\wp)ic\.twitter\.com/\S+"
        r"|@(?<![\w.]@)\w+",
        "— RT (@RT_com) December 23, 2017 https://t.co/eVogsTGFcx",
    ),
    (
        "speaker label",
        r"^[ \t]*[A-Z][A-Z.'’-]+(?:[ \t]+[A-Z][A-Z.'’-]+)*(?:,[ \t]*[A-Z][A-Z ]+)?:(?=\s|$)",
        "SCOTT HORSLEY, BYLINE: Good to be with you, Ari.",
    ),
)

# House style: words an outlet's style puts in stories whatever they cover.
# ``HOUSE_STYLE_WORDS``: a term with one of these words is style (as is one with a courtesy title,
# ``HONORIFICS``, or a word of the corpus's own outlet names, which ``distinctive_terms`` adds):
# wire names and credit lines. Example: "reuters" in "reuters reported".
# ``HOUSE_STYLE_TERMS``: spellings that are style only on their own ("u.s." alone is style;
# "u.s. ban" is content). Example: "a.m.", "per cent".
# ``distinctive_terms(style="separate")`` lists style terms after the content terms.
HOUSE_STYLE_WORDS: frozenset[str] = _words(
    """
    ap afp reuters bloomberg xinhua upi dpa associated agence france-presse
    reporting editing contributed contributing staff writer correspondent photo photos
    caption getty newsletter subscribe pictured
    """
)
HOUSE_STYLE_TERMS: frozenset[str] = _words(
    """
    a.m. p.m. am pm pct per cent percent u.s. us u.k. uk u.n. un e.u. eu
    """
)

# Words a headline in title case leaves in lower case: a line of capitalised words and these
# only is a title. Example: "into" in "Lohan Checks into Betty Ford, Rehires Attorney".
TITLE_LOWER: frozenset[str] = _words(
    """
    a an and as at but by for from in into nor of off on onto or over per the to up upon via
    vs vs. with
    """
)

# Adjectives that judge: never the first word of a keyphrase. Example: "talented" in "talented
# Deputy Secretary", "massive" in "massive security breach".
EVALUATIVE_ADJECTIVES: frozenset[str] = _words(
    """
    talented gifted brilliant massive huge enormous gigantic vast tiny hefty whopping
    stunning shocking shocked astonishing astounding staggering surprising startling stark
    amazing incredible remarkable extraordinary spectacular sensational phenomenal impressive
    beautiful gorgeous lovely wonderful fantastic fabulous terrific excellent outstanding
    superb magnificent glorious perfect ideal awesome epic iconic legendary unprecedented
    dramatic brutal savage vicious horrific horrible horrendous terrible awful dreadful
    appalling atrocious heinous gruesome grisly harrowing horrifying terrifying frightening
    scary chilling disturbing disgusting outrageous shameful disgraceful controversial
    notorious infamous famous renowned celebrated acclaimed beloved prominent influential
    powerful mighty fierce bold audacious daring ambitious brave courageous heroic tragic
    devastating heartbreaking heartwarming touching inspiring bizarre strange weird odd
    hilarious funny sad grim bleak dire dismal disastrous catastrophic embattled disgraced
    beleaguered troubled outspoken fiery passionate dazzling thrilling exciting nervy worst
    best greatest finest top-notch so-called divisive sweeping sprawling lavish luxurious
    """
)

# Counting words, treated like numbers. Example: "three" in "three missions".
NUMBER_WORDS: frozenset[str] = _words(
    """
    zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen
    fifteen sixteen seventeen eighteen nineteen twenty thirty forty fifty sixty seventy eighty
    ninety dozen dozens half quarter double triple twice
    """
)

# Nouns that say nothing on their own. Example: "people" in "killing 42 people".
GENERIC_NOUNS: frozenset[str] = _words(
    """
    people thousands hundreds dozens millions billions end place part parts way ways thing
    things lot lots hand kind number side sides point fact move matter instance example
    """
)
