"""Tables used to find quotations and their speakers (``newskit.reuse.quotes``,
``newskit.reuse.speakers``).

Every table is plain data a user can read and extend; each says what it is for with an example.
Words are lower case unless the table says otherwise.
"""

from __future__ import annotations

from newskit.resources.reuse import STOPWORDS


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# Quotation marks: opening mark -> closing mark. Straight double quotes pair with themselves;
# a double prime (″) is read as a straight quote. Example: “…” and "…".
QUOTE_MARKS: dict[str, str] = {"“": "”", '"': '"', "«": "»", "„": "“", "″": "”"}

# Verbs that attribute a quotation to whoever is their subject: "“…,” Bessent said";
# "said Jeremy Chan"; "Bessent described his talks … as “very fulsome.”"; "Beijing urged
# Washington … “…”". Example: "said", "tweeted", "according".
SPEECH_VERBS: frozenset[str] = _words(
    """
    said says say saying told tells tell added adds stated states noted notes warned warns
    urged urges described describes called calls argued argues insisted insists explained
    explains wrote writes declared declares announced announces asked asks replied replies
    acknowledged acknowledges according characterized characterised continued continues
    recalled recalls posted posts tweeted tweets testified testifies shouted shouts exclaimed
    responded responds remarked remarks admitted admits conceded concedes cautioned cautions
    predicted predicts emphasized emphasizes emphasised emphasises stressed stresses promised
    promises vowed vows countered counters complained complains observed observes suggested
    suggests asserted asserts maintained maintains pledged pledges recounted recounts
    reiterated reiterates answered answers joked jokes quipped quips reported reports
    threatened threatens claimed claims denied denies confirmed confirms agreed agrees
    concluded concludes boasted boasts lamented laments praised praises condemned condemns
    demanded demands estimated estimates wondered wonders whispered yelled screamed sang
    uttered uttering reads
    """
)

# Participles that attribute a quotation to the subject of their sentence: "Nicely described
# the scene, saying: “…”". Example: "saying".
SPEECH_PARTICIPLES: frozenset[str] = _words(
    """
    saying adding noting writing telling explaining arguing insisting warning calling
    describing asking declaring stating tweeting
    """
)

# Speech verbs whose following name is the person spoken to, never the speaker: "Nicely told
# the Enquirer" (the Enquirer is not the speaker). Example: "told".
ADDRESSEE_VERBS: frozenset[str] = _words(
    "told tells tell urged urges called calls described describes asked asks praised condemned"
)

# Pronouns that stand for a speaker named earlier, with the gender they carry:
# "“…,” she said" → the last woman who was a subject. Example: "she": "f".
SPEAKER_PRONOUNS: dict[str, str | None] = {"he": "m", "she": "f", "they": None, "it": None}

# Words that tell a person's gender where the text gives it: a title before a name ("Ms.
# Lerner"), a role beside it ("a spokeswoman, Liz Einbinder"), a pronoun that refers back to
# it. Example: "mrs": "f".
GENDER_WORDS: dict[str, str] = {
    **dict.fromkeys(
        _words(
            """
            mr sir lord king prince father brother son husband spokesman chairman congressman
            businessman councilman actor he his him himself grandfather uncle nephew boyfriend
            """
        ),
        "m",
    ),
    **dict.fromkeys(
        _words(
            """
            ms mrs miss lady dame queen princess mother sister daughter wife spokeswoman
            chairwoman congresswoman businesswoman councilwoman actress she her hers herself
            grandmother aunt niece girlfriend mom
            """
        ),
        "f",
    ),
}

# Titles and roles written before a name, left out of the speaker (lower case, without a final
# period): "Japanese Prime Minister Shinzo Abe" → "Shinzo Abe"; "Slidell Police Chief Randy
# Fandal" → "Randy Fandal". A title alone is kept ("Prince"). Example: "minister".
TITLE_WORDS: frozenset[str] = _words(
    """
    mr mrs ms miss dr prof professor sen senator rep representative gov governor president
    vice prime minister secretary general gen lt col maj capt captain sgt cpl officer chief
    deputy assistant director mayor judge justice rabbi rev reverend father pope king queen
    prince princess sheikh imam ambassador chancellor commissioner superintendent sheriff
    coach chairman chairwoman chair ceo spokesman spokeswoman spokesperson lord lady sir dame
    attorney defender dean head leader premier congressman congresswoman adviser advisor
    founder co-founder cofounder sister brother alhaji mallam hon amb atty supt insp det
    cmdr adm pres state foreign interior defense defence finance president-elect
    """
)

# Capitalised words that open a sentence or a clause and are never (the start of) a speaker's
# name: in "As Ofeibea explains" the name is "Ofeibea"; "Meanwhile" is never a speaker.
# Compared in lower case; the function words of ``STOPWORDS`` are added.
# Example: "meanwhile".
NOT_NAME_WORDS: frozenset[str] = STOPWORDS | _words(
    """
    meanwhile however still also instead indeed finally afterward afterwards previously
    separately additionally overall ultimately eventually recently currently perhaps maybe
    nevertheless nonetheless furthermore moreover otherwise therefore thus hence likewise
    similarly initially originally later earlier now then today tonight tomorrow yesterday
    asked speaking photo video advertisement watch read related enlarge caption image
    officials experts analysts witnesses residents police firefighters authorities
    """
)

# Capitalised words that name a time, never a speaker: in "“…,” she said Wednesday" the
# speaker is not "Wednesday". Compared after removing a final period and a possessive; a word
# one or two letters from a weekday or month (a misspelling, "Wedensday") counts too.
# Example: "Wednesday", "Sept", "Today".
TIME_NAMES: frozenset[str] = _words(
    """
    Monday Tuesday Wednesday Thursday Friday Saturday Sunday Mon Tue Tues Wed Thu Thur Thurs
    Fri Sat Sun January February March April May June July August September October November
    December Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec Today Tonight Tomorrow Yesterday
    Morning Afternoon Evening Night Noon Midnight Week Weekend Month Year Day AM PM EST EDT PST
    PDT GMT UTC JST AEST ET Earlier Later Last Next This
    """
)

# Words before a name that make it a place or a modifier of another noun, never the subject
# that said something: "a Democrat from New York", "the father of Aisha Zanna", "told the
# Cincinnati Enquirer". Example: "from".
NOT_BEFORE_SPEAKERS: frozenset[str] = _words(
    """
    in from of at to into near on for with by about against under over through between
    among than via including like across throughout toward towards within without
    outside inside around behind beyond told tells tell urged called described asked
    """
)

# Of those, the words that make a name a place wherever the article writes them before it
# ("in Puerto Rico", "from Costa Rica"): such a name is not a person a pronoun can stand for.
# Example: "in".
PLACE_PREPOSITIONS: frozenset[str] = _words(
    "in from at near into across throughout toward towards outside inside around"
)

# Words that make a name an organisation or a place rather than a person: "Interior
# Ministry", "Cincinnati Zoo", "Associated Press". Example: "ministry".
ORG_WORDS: frozenset[str] = _words(
    """
    ministry department agency office government administration council committee commission
    court police army navy force forces guard military media channel network press news
    times post journal herald tribune enquirer papers paper university college school
    institute center centre foundation association society union party group company corp
    corporation inc co ltd llc plc bank airlines airline zoo hospital club team league church
    temple congregation house senate congress parliament assembly state states republic
    kingdom nation nations island islands city county street road avenue park river lake sea
    ocean bay peninsula province region district coast airport station stadium fund project
    board authority service services campaign agency's org organisation organization
    """
)

# Head nouns that stand for an organisation named earlier: "the company said", "the zoo
# said". Resolved to the last organisation in the text whose name holds the noun ("the zoo" →
# "Cincinnati Zoo"). Example: "zoo".
ORG_NOUNS: frozenset[str] = _words(
    """
    company firm group zoo agency ministry government police newspaper paper campaign network
    organization organisation hospital university college team club council committee
    department office union party court bank airline embassy channel league foundation
    institute association service
    """
)

# Head nouns for a text that speaks for whoever issued it: "the statement said" → the
# speaker of the quotation before it, or the last subject. Example: "statement".
DOCUMENT_NOUNS: frozenset[str] = _words(
    """
    statement letter release report post memo document article tweet message note filing
    lawsuit complaint notice announcement email
    """
)

# Head nouns for a spokesperson who speaks for an organisation: "an Equifax spokesperson
# told NPR" → "Equifax". Example: "spokesperson".
SPOKESPERSON_NOUNS: frozenset[str] = _words(
    "spokesman spokeswoman spokesperson representative spokespeople official officials"
)

# Subject pronouns and auxiliaries: a short quotation holding one is a clause ("I'm
# retiring", "negotiations will continue"), not a term. Example: "we", "will".
CLAUSE_WORDS: frozenset[str] = _words(
    """
    i we you he she it they there this that i'm we're you're he's she's it's they're there's
    that's i'll we'll you'll he'll she'll it'll they'll i've we've you've they've i'd we'd
    you'd he'd she'd they'd is are was were will would can could should must may might shall
    has have had do does did won't can't don't doesn't didn't isn't aren't wasn't weren't
    shouldn't wouldn't couldn't let's
    """
)

# Short words that stay lower case in a title of a work: "Until the End of Time" is a title
# because every other word is capitalised. Example: "of".
TITLE_SMALL_WORDS: frozenset[str] = _words(
    "a an the of in on at to for and or but nor with by from as vs via de la le"
)

# Longest quotation that is a term when it is not a clause (words): "tough choice" is a term,
# "a series of fibs" a quotation. Example: 3.
TERM_MAX_WORDS = 3

# Words that, alone or with each other, make a quotation a fragment rather than a quote:
# "It was", "he said." (function words are taken from ``STOPWORDS``).
# Example: "it", "was", "he", "said".
QUOTE_FRAGMENT_WORDS: frozenset[str] = STOPWORDS | SPEECH_VERBS

# Speech verbs of more than one word: "“…,” Alemán pointed out"; "Gowdy went on to call the
# situation “…”". Example: "pointed out".
SPEECH_PHRASES: tuple[str, ...] = (
    "pointed out",
    "points out",
    "went on to say",
    "went on to call",
    "went on to describe",
    "quoted as saying",
)

# First words of place names: a name that opens with one is a place, never a person a pronoun
# stands for ("North Korea", "Puerto Rico", "New York"). Example: "north".
PLACE_NAME_WORDS: frozenset[str] = _words(
    """
    north south east west northern southern eastern western new united san santa los las st
    saint costa puerto port fort mount lake cape gulf
    """
)

# Words that open a sentence with an adverbial phrase before its subject ("On Monday, the
# firm …"; "Speaking in Beijing, Chinese Foreign Minister Wang Yi …"). Compared in lower
# case; a word ending in "-ing" counts too. Example: "on".
LEAD_WORDS: frozenset[str] = _words(
    """
    on in at by after before asked earlier later back hours minutes days weeks months since
    during meanwhile but and so yet still however then now also when while as if although
    though because once until like unlike despite with without for from under among
    according instead indeed separately last this
    """
)

# Lower-case words allowed between a subject and its speech verb: "Musk has already
# announced", "Gowdy later said". Example: "already".
SUBJECT_VERB_GAP_WORDS: frozenset[str] = _words(
    """
    also later earlier previously then recently repeatedly again already once first later
    publicly reportedly simply quickly just never not has have had was were is are would will
    did does do could should might may initially originally subsequently separately further
    often still
    """
)

# Words that end the description between a verb and the name after it: in "said senior adviser
# Kellyanne Conway" the words between are a description; in "said that Conway …" or "said in
# Washington" they are not. Example: "that".
NOT_DESCRIPTOR_WORDS: frozenset[str] = _words(
    "that to he she it they we in on at by for with from of and but as this when while"
)

# Words that open a noun phrase: "the company said", "an Equifax spokesperson". Example: "the".
DETERMINERS: frozenset[str] = _words("the a an another its his her their this that our my")

# Possessive determiners: a name after one is not the sentence's subject ("Her LinkedIn
# profile said": the profile, not LinkedIn). Example: "her".
POSSESSIVES: frozenset[str] = _words("its his her their our my")

# Forms of "he" and "she": a gender word that is one of them is a pronoun, not a role beside a
# name. Example: "him".
PERSONAL_PRONOUNS: frozenset[str] = _words("he she his her him hers himself herself")

# Words that join two verbs of one subject: "The campaign thanked … and added": the subject of
# "added" is the sentence's. Example: "and".
COORDINATORS: frozenset[str] = _words("and but then also")

# Lower-case particles inside a name: "Charles de Gaulle", "Abu Bakr al Baghdadi", "Procter &
# Gamble". Example: "van".
NAME_PARTICLES: frozenset[str] = _words(
    "de van von der den du da di le la del dos das bin ibn al el abu y &"
)

# Auxiliaries: a short quotation that opens with one has no subject ("was Russian" is a term).
# Example: "was".
AUXILIARIES: frozenset[str] = _words(
    "is are was were will would can could should must may might has have had do does did"
)
