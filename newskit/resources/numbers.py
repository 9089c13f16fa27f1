"""Tables used by ``newskit.claims``, ``newskit.claims.dates`` and ``newskit.claims.compare``.

Every table is plain data with a comment and examples, so a reader can check and extend it.
Keys are lower case; phrases are matched case-insensitively unless a table says otherwise.
"""

from __future__ import annotations


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# Cardinal number words → value. "two" → 2, "twenty" → 20 (compounds such as "twenty-five" and
# "two hundred" are read by combining these; see newskit.claims).
UNITS: dict[str, int] = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19,
}  # fmt: skip
TENS: dict[str, int] = {
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
    "eighty": 80, "ninety": 90,
}  # fmt: skip

# Scale words after a number: "1.5 million" → 1_500_000, "$3bn" → 3e9, "90k" → 90_000,
# "12 bln" → 1.2e10, "3.5 k" → 3500, "2 lakh" → 200_000, "5 crore" → 5e7, "4 dozen" → 48.
SCALES: dict[str, float] = {
    "hundred": 1e2, "thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12,
    "lakh": 1e5, "lac": 1e5, "crore": 1e7, "dozen": 12,
    "k": 1e3, "m": 1e6, "mn": 1e6, "mln": 1e6, "bn": 1e9, "bln": 1e9, "b": 1e9, "tn": 1e12,
    "trn": 1e12,
}  # fmt: skip
# Scale words written as words, in a spelled-out number or after digits with a space: "forty-five
# thousand", "2 lakh", "4 dozens". "hundred" and "dozen" multiply the group before them ("fifteen
# hundred" → 1500); the others close a group ("three hundred and five thousand" → 305,000).
WORD_SCALES: tuple[str, ...] = (
    "hundred", "thousand", "million", "billion", "trillion", "lakh", "crore", "dozen",
)  # fmt: skip
# Abbreviated scales written after digits with a space ("12 bln rupees", "3.5 k views"); glued
# ones ("$3bn", "90k", "1.2m homes") also take "m" and "b", which alone after a space are metres
# or a letter.
SPACED_SCALES: tuple[str, ...] = ("bn", "bln", "mn", "mln", "tn", "trn", "k")
# Words for zero in spoken decimals: "nought point nought four" → 0.04, "two point oh five".
ZERO_WORDS: frozenset[str] = frozenset({"zero", "nought", "naught", "oh", "o", "nil"})
# Quantities before "a"/"an" and a scale: "half a million" → 500,000, "a quarter of a million"
# → 250,000, "three quarters of a billion" → 7.5e8, "half a dozen" → 6.
SCALE_FRACTIONS: dict[str, float] = {
    "half a": 0.5, "half an": 0.5, "a quarter of a": 0.25, "one quarter of a": 0.25,
    "three quarters of a": 0.75, "a third of a": 1 / 3, "two thirds of a": 2 / 3,
}  # fmt: skip

# Fractions after a spelled-out number: "two and a half million" → 2.5e6, "forty two and a
# third" → 42.333.
WORD_FRACTIONS: dict[str, float] = {
    "half": 1 / 2, "third": 1 / 3, "quarter": 1 / 4, "fourth": 1 / 4, "fifth": 1 / 5,
}  # fmt: skip
# Vulgar fraction characters: "2½ miles" → 2.5, "¾ of" → 0.75.
VULGAR_FRACTIONS: dict[str, float] = {
    "½": 1 / 2, "⅓": 1 / 3, "⅔": 2 / 3, "¼": 1 / 4, "¾": 3 / 4, "⅕": 1 / 5, "⅖": 2 / 5,
    "⅗": 3 / 5, "⅘": 4 / 5, "⅙": 1 / 6, "⅚": 5 / 6, "⅛": 1 / 8, "⅜": 3 / 8, "⅝": 5 / 8,
    "⅞": 7 / 8,
}  # fmt: skip
# Sign words before a number: "minus five degrees" → -5, "negative 0.3%" → -0.3. A sign
# written as a character ("-4.1%", "−15C", "+3.2%") counts when nothing but a space or an opening
# bracket comes before it ("10-15" is a range, "COVID-19" a name).
SIGN_WORDS: frozenset[str] = frozenset({"minus", "negative"})
# Denominators of fractions written with digits: "3/4 of the ballots" → 0.75, "2 1/4 feet" →
# 2.25. Others ("9/11", "24/7") are names or dates, not fractions; the numerator must be smaller.
DIGIT_DENOMINATORS: frozenset[int] = frozenset({2, 3, 4, 5, 6, 8, 10, 16, 32, 64, 100})

# Words that stand for a number on their own: "a dozen eggs" → 12, "a couple of weeks" → 2.
NUMBER_NOUNS: dict[str, int] = {"dozen": 12, "score": 20}

# Ordinal words → value. "the fourth round" → 4 (quantulum3 reads "fourth" as 0.25: we don't).
ORDINALS: dict[str, int] = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
    "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13,
    "fourteenth": 14, "fifteenth": 15, "sixteenth": 16, "seventeenth": 17, "eighteenth": 18,
    "nineteenth": 19, "twentieth": 20, "thirtieth": 30, "fortieth": 40, "fiftieth": 50,
    "hundredth": 100,
}  # fmt: skip

# Fraction denominators (singular and plural) → value of one part. "one-third" → 1/3,
# "two-thirds" → 2/3, "a quarter of" → 0.25, "Another third oppose" → 1/3, "half of" → 0.5.
DENOMINATORS: dict[str, float] = {
    "half": 1 / 2, "halves": 1 / 2, "third": 1 / 3, "thirds": 1 / 3, "quarter": 1 / 4,
    "quarters": 1 / 4, "fourth": 1 / 4, "fourths": 1 / 4, "fifth": 1 / 5, "fifths": 1 / 5,
    "sixth": 1 / 6, "sixths": 1 / 6, "eighth": 1 / 8, "eighths": 1 / 8, "tenth": 1 / 10,
    "tenths": 1 / 10,
}  # fmt: skip

# Determiners that make "third"/"quarter"/"fifth" a fraction: "a third of voters",
# "another third oppose", "one in three" is handled as a ratio pattern.
FRACTION_DETERMINERS: dict[str, float] = {"a": 1, "an": 1, "one": 1, "another": 1}

# Words around "a third"/"a quarter" that make it a fraction: "fell by a third",
# "more than a quarter", "a third in June", "cut by a half." (see also ORDINAL_HEADS).
FRACTION_LEADS: frozenset[str] = _words(
    """by than about around nearly almost roughly over under some only just least most fully
    barely"""
)
FRACTION_FOLLOWERS: frozenset[str] = _words(
    """in on at since from to over during after before compared versus last this and or
    between among year more less fewer higher lower larger smaller bigger cheaper"""
)

# Nouns after "a third"/"another third" that make it an ordinal, not a fraction:
# "a third round of talks" → ordinal 3; "another third oppose a ban" → fraction 1/3.
ORDINAL_HEADS: frozenset[str] = _words(
    """round rounds time times term terms day straight consecutive place party wave phase
    stage year week month quarter attempt try vote meeting summit session game leg season
    country person world option way reading edition trip visit"""
)

# Multiplier words → factor. "doubled" → 2, "tripled" → 3, "halved" → 0.5, "twice" → 2.
MULTIPLIER_WORDS: dict[str, float] = {
    "twice": 2, "double": 2, "doubled": 2, "doubles": 2, "doubling": 2, "triple": 3,
    "tripled": 3, "triples": 3, "tripling": 3, "quadruple": 4, "quadrupled": 4,
    "quadruples": 4, "halved": 0.5, "halves": 0.5, "halving": 0.5, "thrice": 3,
}  # fmt: skip

# Counted repetitions that are not claims: "at times", "many times" (no number in them).
VAGUE_TIMES: frozenset[str] = _words("many several multiple numerous countless few some other")

# Magnitudes: a size written without a number. Value range (low, high) and unit.
# "tariffs reaching triple digits" → 100..999 (unit percent when the sentence is about rates);
# "millions of users" → low 1e6, high 999,999,999.
DIGIT_MAGNITUDES: dict[str, tuple[float, float]] = {
    "single": (0, 9),
    "double": (10, 99),
    "triple": (100, 999),
    "quadruple": (1000, 9999),
}
PLURAL_MAGNITUDES: dict[str, tuple[float, float]] = {
    "dozens": (24, 99), "scores": (40, 99), "hundreds": (100, 999), "thousands": (1e3, 999_999),
    "tens of thousands": (1e4, 99_999), "hundreds of thousands": (1e5, 999_999),
    "millions": (1e6, 999_999_999), "tens of millions": (1e7, 99_999_999),
    "hundreds of millions": (1e8, 999_999_999), "billions": (1e9, 999_999_999_999),
    "trillions": (1e12, 999_999_999_999_999),
}  # fmt: skip
# Words in the sentence that make a digit magnitude a percentage: "tariffs reaching triple
# digits" → unit percent; "inflation in double digits" → unit percent.
RATE_WORDS: frozenset[str] = _words(
    """tariff tariffs duty duties rate rates inflation levy levies tax taxes interest growth
    unemployment percent percentage yield yields margin margins"""
)

# Percent signs and words. "50%" / "30 percent" / "12 per cent" → unit percent;
# "2 percentage points" → unit "percentage point"; "5 basis points" → unit "basis point".
PERCENT_WORDS: dict[str, str] = {
    "%": "percent", "percent": "percent", "per cent": "percent", "pct": "percent", "pc": "percent",
    "percentage point": "percentage point", "percentage points": "percentage point",
    "basis point": "basis point", "basis points": "basis point", "bps": "basis point",
}  # fmt: skip

# Currencies: symbols and codes before a number ("$5 billion", "US$3", "€20m", "RMB 10"),
# and words after one ("10 billion yuan", "300 euros", "Rs 5 crore"). Value → ISO 4217 code.
CURRENCY_SYMBOLS: dict[str, str] = {
    "us$": "USD", "$": "USD", "a$": "AUD", "c$": "CAD", "hk$": "HKD", "nz$": "NZD",
    "s$": "SGD", "€": "EUR", "£": "GBP", "¥": "JPY", "₹": "INR", "₩": "KRW", "₽": "RUB",
    "usd": "USD", "eur": "EUR", "gbp": "GBP", "jpy": "JPY", "cny": "CNY", "rmb": "CNY",
    "chf": "CHF", "inr": "INR", "rs": "INR", "rs.": "INR",
}  # fmt: skip
CURRENCY_WORDS: dict[str, str] = {
    "dollar": "USD", "dollars": "USD", "euro": "EUR", "euros": "EUR", "pound": "GBP",
    "pounds": "GBP", "sterling": "GBP", "yuan": "CNY", "renminbi": "CNY", "yen": "JPY",
    "rupee": "INR", "rupees": "INR", "won": "KRW", "rouble": "RUB", "roubles": "RUB",
    "ruble": "RUB", "rubles": "RUB", "franc": "CHF", "francs": "CHF",
    # a pound, dollar, peso or rupee of a named country: "1 million Egyptian pounds"
    "egyptian pounds": "EGP", "egyptian pound": "EGP", "lebanese pounds": "LBP",
    "syrian pounds": "SYP", "sudanese pounds": "SDG", "australian dollars": "AUD",
    "canadian dollars": "CAD", "hong kong dollars": "HKD", "new zealand dollars": "NZD",
    "singapore dollars": "SGD", "taiwan dollars": "TWD", "zimbabwe dollars": "ZWL",
    "us dollars": "USD", "u.s. dollars": "USD", "swiss francs": "CHF", "indian rupees": "INR",
    "pakistani rupees": "PKR", "mexican pesos": "MXN", "philippine pesos": "PHP",
    "argentine pesos": "ARS",
}  # fmt: skip

# Units of time for durations: "90-day extension" → 90 day; "two years" → 2 year.
DURATION_UNITS: dict[str, str] = {
    "second": "second", "seconds": "second", "minute": "minute", "minutes": "minute",
    "hour": "hour", "hours": "hour", "day": "day", "days": "day", "week": "week",
    "weeks": "week", "month": "month", "months": "month", "year": "year", "years": "year",
    "decade": "decade", "decades": "decade", "century": "century", "centuries": "century",
}  # fmt: skip

# Hedges written before a number, as written ("about one-third", "more than 200"). The bound
# says what the hedge does to low/high: "lower" → the number is a lower bound (low = value),
# "upper" → an upper bound (high = value), "approx" → approximate (no bound).
HEDGES: dict[str, str] = {
    "about": "approx", "around": "approx", "roughly": "approx", "approximately": "approx",
    "some": "approx", "an estimated": "approx", "estimated": "approx", "circa": "approx",
    "close to": "approx", "nearly": "upper", "almost": "upper", "just under": "upper",
    "less than": "upper", "fewer than": "upper", "under": "upper", "below": "upper",
    "up to": "upper", "at most": "upper", "no more than": "upper", "as many as": "upper",
    "as much as": "upper", "as high as": "upper", "more than": "lower", "over": "lower",
    "above": "lower", "at least": "lower", "upwards of": "lower", "just over": "lower",
    "well over": "lower", "no less than": "lower", "in excess of": "lower",
    "exceeding": "lower", "only": "exact", "just": "exact", "exactly": "exact",
    "precisely": "exact", "a mere": "exact", "plus or minus": "approx",
}  # fmt: skip
# Hedges written after a number: "90 days or more", "200 or so".
POST_HEDGES: dict[str, str] = {
    "or more": "lower", "or so": "approx", "plus": "lower", "or fewer": "upper",
    "or less": "upper",
}  # fmt: skip
# Hedges joined to a number by a hyphen (or, after digits, one space): "thirty-odd",
# "4,500-odd", "a 100-plus crowd", "20-ish". The bound as in HEDGES.
SUFFIX_HEDGES: dict[str, str] = {"odd": "lower", "plus": "lower", "ish": "approx"}
# Words joined to a number by a hyphen that are no unit: "a 20-something", "a 100-plus",
# "a 15-strong team", "a 2-year-old" (durations and ages have their own patterns).
NOT_HYPHEN_UNITS: frozenset[str] = _words(
    """odd plus ish nil something somethings strong fold old year years day days week weeks month
    months hour hours minute minutes second seconds decade decades century centuries time
    times way ways hundred thousand million billion trillion dollar dollars"""
)
# Hyphenated units that make a number a change in percentage points: "a 3-percentage-point drop".
PERCENT_POINT_WORDS: frozenset[str] = frozenset({"percentage-point", "percent-point"})
# Qualifiers before a date, kept in the hedge column: "by September 17", "since April".
DATE_QUALIFIERS: frozenset[str] = _words("by until before after since through from")

# Months: full names and abbreviations (with or without the period) → month number.
# Matched case-sensitively with a capital ("May" the month, not "may" the verb).
MONTHS: dict[str, int] = {
    "January": 1, "February": 2, "March": 3, "April": 4, "May": 5, "June": 6, "July": 7,
    "August": 8, "September": 9, "October": 10, "November": 11, "December": 12,
    "Jan": 1, "Feb": 2, "Mar": 3, "Apr": 4, "Jun": 6, "Jul": 7, "Aug": 8, "Sep": 9,
    "Sept": 9, "Oct": 10, "Nov": 11, "Dec": 12,
}  # fmt: skip
# Words before a bare month name that make it a date: "in March", "since April",
# "A January deadline". A bare "March" without one of these (e.g. a verb) is not a date.
MONTH_LEADS: frozenset[str] = _words(
    """in since by until till from through to before after during last next this early late
    mid a an the of each every until between and or since"""
)

# Weekdays and their number (Monday = 0, as in datetime.date.weekday()).
WEEKDAYS: dict[str, int] = {
    "Monday": 0, "Tuesday": 1, "Wednesday": 2, "Thursday": 3, "Friday": 4, "Saturday": 5,
    "Sunday": 6, "Mon": 0, "Tue": 1, "Tues": 1, "Wed": 2, "Thu": 3, "Thurs": 3, "Fri": 4,
    "Sat": 5, "Sun": 6,
}  # fmt: skip

# Vague parts of a month or year → (first day, last day); None = the month's last day.
# "early November" → Nov 1–10; "mid-March" → Mar 11–20; "late October" → Oct 21–31.
VAGUE_PARTS: dict[str, tuple[int, int | None]] = {
    "early": (1, 10), "the beginning of": (1, 10), "the start of": (1, 10),
    "mid": (11, 20), "mid-": (11, 20), "the middle of": (11, 20), "late": (21, None),
    "the end of": (21, None),
}  # fmt: skip

# Parts of a decade → (first, last) year offsets: "the 1990s" → 1990–1999,
# "the mid-1990s" → 1994–1996, "the early 2000s" → 2000–2003, "late 1980s" → 1987–1989.
DECADE_PARTS: dict[str, tuple[int, int]] = {
    "": (0, 9),
    "early": (0, 3),
    "mid": (4, 6),
    "late": (7, 9),
}

# Parts of a year: "the first half of 2025" → Jan–Jun; "the third quarter" → Jul–Sep.
YEAR_PARTS: dict[str, tuple[int, int]] = {
    "first quarter": (1, 3), "second quarter": (4, 6), "third quarter": (7, 9),
    "fourth quarter": (10, 12), "q1": (1, 3), "q2": (4, 6), "q3": (7, 9), "q4": (10, 12),
    "first half": (1, 6), "second half": (7, 12), "spring": (3, 5), "summer": (6, 8),
    "autumn": (9, 11), "fall": (9, 11), "winter": (12, 2),
    # only with a year: "the first nine months of 2024", "the first six months of the year"
    "h1": (1, 6), "h2": (7, 12),
    "first three months": (1, 3), "first six months": (1, 6), "first nine months": (1, 9),
}  # fmt: skip

# Words between a number and its unit of time: "10 consecutive years", "two more weeks".
DURATION_ADJECTIVES: frozenset[str] = _words(
    "consecutive straight successive more full additional further long"
)

# Words of a game: "the second quarter" in their sentence is the game's, not the year's.
SPORTS_WORDS: frozenset[str] = _words(
    """touchdown touchdowns field-goal fumble fumbled interception quarterback halftime
    half-time overtime inning innings rebound rebounds punt punted kickoff yard yards layup dunk
    three-pointer buzzer"""
) | frozenset({"field goal", "free throw", "free throws"})

# Relative periods → (unit, offset), resolved against the article's date (TimeML/TIMEX3 news
# conventions). "today", "tonight", "this morning" → the article's date; "next week" → the ISO
# week after the article's; "last month" → the month before; "this weekend" → the coming
# Saturday–Sunday; "last quarter" → the quarter before the article's; "a year earlier" → the
# year before; "the past year" → the twelve months up to the article's date; "year-end" → the
# last month of the article's year; "this summer" → the summer of the article's year.
RELATIVE_PERIODS: dict[str, tuple[str, int]] = {
    "this week": ("week", 0), "next week": ("week", 1), "last week": ("week", -1),
    "the coming week": ("week", 1), "the past week": ("week", -1),
    "the previous week": ("week", -1), "this weekend": ("weekend", 0),
    "next weekend": ("weekend", 1), "last weekend": ("weekend", -1),
    "the weekend": ("weekend", 0), "this month": ("month", 0), "next month": ("month", 1),
    "last month": ("month", -1), "the coming month": ("month", 1),
    "the previous month": ("month", -1), "a month earlier": ("month", -1),
    "earlier this month": ("month", 0), "later this month": ("month", 0),
    "earlier this week": ("week", 0), "later this week": ("week", 0),
    "a week earlier": ("week", -1), "a day earlier": ("day", -1),
    "this year": ("year", 0), "next year": ("year", 1), "last year": ("year", -1),
    "a year earlier": ("year", -1), "a year before": ("year", -1),
    "the year before": ("year", -1), "the previous year": ("year", -1),
    "the prior year": ("year", -1), "a year later": ("year", 1),
    "the following year": ("year", 1), "the coming year": ("year", 1),
    "earlier this year": ("year_before", 0), "later this year": ("year_after", 0),
    "the past year": ("past_year", 0), "the last year": ("past_year", 0),
    "the past 12 months": ("past_year", 0), "the last 12 months": ("past_year", 0),
    "the past twelve months": ("past_year", 0),
    "year-end": ("year_end", 0), "year end": ("year_end", 0),
    "the end of the year": ("year_end", 0), "the end of this year": ("year_end", 0),
    "this quarter": ("quarter", 0), "next quarter": ("quarter", 1),
    "last quarter": ("quarter", -1), "the previous quarter": ("quarter", -1),
    "the current quarter": ("quarter", 0),
    "this spring": ("spring", 0), "this summer": ("summer", 0), "this autumn": ("autumn", 0),
    "this fall": ("autumn", 0), "this winter": ("winter", 0), "last spring": ("spring", -1),
    "last summer": ("summer", -1), "last autumn": ("autumn", -1), "last fall": ("autumn", -1),
    "last winter": ("winter", -1), "next spring": ("spring", 1), "next summer": ("summer", 1),
    "next autumn": ("autumn", 1), "next fall": ("autumn", 1), "next winter": ("winter", 1),
    "yesterday": ("day", -1), "tomorrow": ("day", 1), "today": ("day", 0),
    "tonight": ("day", 0), "this morning": ("day", 0), "this afternoon": ("day", 0),
    "this evening": ("day", 0), "earlier today": ("day", 0), "later today": ("day", 0),
    "last night": ("day", -1), "yesterday morning": ("day", -1),
}  # fmt: skip

# Holidays, resolved by rule in the year the tense and the article's date choose ("Thanksgiving
# Day" in a story of 2 November 1998 → 1998-11-26; "last Christmas" → the one before).
# Rules: ("fixed", month, day); ("nth", month, weekday (Monday = 0), n; -1 = the last);
# ("easter", offset in days); ("after", other holiday, offset in days). Election Day is the
# Tuesday after the first Monday of November. Names are matched as written, capitalised.
HOLIDAYS: dict[str, tuple] = {
    "New Year's Day": ("fixed", 1, 1), "New Year's Eve": ("fixed", 12, 31),
    "New Year's": ("fixed", 1, 1), "Christmas Eve": ("fixed", 12, 24),
    "Christmas Day": ("fixed", 12, 25), "Christmas": ("fixed", 12, 25),
    "Boxing Day": ("fixed", 12, 26), "Valentine's Day": ("fixed", 2, 14),
    "St. Patrick's Day": ("fixed", 3, 17), "St Patrick's Day": ("fixed", 3, 17),
    "Halloween": ("fixed", 10, 31), "Veterans Day": ("fixed", 11, 11),
    "Veterans' Day": ("fixed", 11, 11), "Armistice Day": ("fixed", 11, 11),
    "Remembrance Day": ("fixed", 11, 11), "Bastille Day": ("fixed", 7, 14),
    "Independence Day": ("fixed", 7, 4), "Canada Day": ("fixed", 7, 1),
    "Australia Day": ("fixed", 1, 26), "Groundhog Day": ("fixed", 2, 2),
    "May Day": ("fixed", 5, 1), "Guy Fawkes Night": ("fixed", 11, 5),
    "Juneteenth": ("fixed", 6, 19), "Flag Day": ("fixed", 6, 14),
    "Thanksgiving Day": ("nth", 11, 3, 4), "Thanksgiving": ("nth", 11, 3, 4),
    "Labor Day": ("nth", 9, 0, 1), "Memorial Day": ("nth", 5, 0, -1),
    "Martin Luther King Day": ("nth", 1, 0, 3), "Martin Luther King Jr. Day": ("nth", 1, 0, 3),
    "Presidents' Day": ("nth", 2, 0, 3), "Presidents Day": ("nth", 2, 0, 3),
    "Columbus Day": ("nth", 10, 0, 2), "Mother's Day": ("nth", 5, 6, 2),
    "Father's Day": ("nth", 6, 6, 3), "Election Day": ("after", "first Monday of November", 1),
    "Easter Sunday": ("easter", 0), "Easter Monday": ("easter", 1), "Easter": ("easter", 0),
    "Good Friday": ("easter", -2), "Palm Sunday": ("easter", -7),
    "Ash Wednesday": ("easter", -46), "Black Friday": ("after", "Thanksgiving", 1),
    "Cyber Monday": ("after", "Thanksgiving", 4),
}  # fmt: skip
# Words before a one-word holiday that make it a date: "over Christmas", "until Easter",
# "last Thanksgiving" (not "Christmas trees", "Easter eggs").
HOLIDAY_LEADS: frozenset[str] = _words(
    "in on at by before after until till since over during through from around for this last next"
)
# Holidays that only "after" refers to.
HOLIDAY_ANCHORS: dict[str, tuple] = {"first Monday of November": ("nth", 11, 0, 1)}

# Words before a month that move it: "last June" → the June before the article's month, "next
# March" → the one after, "this March" → the article's year.
MONTH_MODIFIERS: dict[str, int] = {"last": -1, "next": 1, "this": 0, "past": -1, "coming": 1}
# "the year" is the article's year ("earnings for the year", "later in the year") except in
# titles: "player of the year".
YEAR_TITLE_WORDS: frozenset[str] = _words(
    """player person man woman coach car album song word team athlete rookie manager
    businessman entrepreneur teacher"""
)

# Words right after a month and day that make it the name of an event, not a date of the
# article's year: "the Sept. 11 attacks", "the July 4 holiday", "9/11 families".
EVENT_FOLLOWERS: frozenset[str] = _words(
    """attack attacks attackers hijackers terror terrorist terrorists terrorism commission
    memorial museum victims families generation era holiday holidays movement
    insurrection"""
)
# Words right before a bare month that make it a holiday's name: "the Fourth of July".
EVENT_BEFORE_MONTH: tuple[str, ...] = ("fourth of", "4th of")

# A word right before a past-tense cue that makes it future: "will be held", "is to be
# signed", "will meet" (but "a schedule released on Thursday" stays past).
FUTURE_AUXILIARIES: frozenset[str] = _words("will shall 'll be")

# Words that say which way a relative or yearless date points (see newskit.dates).
# "said last month", "was pushed back" → past; "next deadline is Wednesday", "will meet",
# "expected to continue through Wednesday" → future. Any other word ending in "-ed" reads
# as past unless it is listed in FUTURE_CUES ("expected", "scheduled"). Irregular past forms
# are listed when news uses them as nothing else ("fed", "lent", "shot", "found" as a verb
# of the present are left out).
PAST_CUES: frozenset[str] = _words(
    """was were had did said says told met held sent saw seen began came went took gave made
    led left rose fell hit struck won lost paid spent grew ago last earlier previous previously
    since former ended began launched conducted found been cut put shut quit bought sold
    brought thought fought won beat chose spoke wrote broke knew flew drew threw ran stood
    kept felt meant built struck
    became blew caught dealt drank drove ate fled forgot forgave froze got hung heard hid laid
    overcame rang rode sank sought shook slept slid sprang stole stuck swore swept swam swung
    taught tore understood woke wore withdrew upheld undertook oversaw sped spun wept arose
    clung crept dug flung knelt leapt mistook overtook rebuilt retook shrank stung strode
    withheld"""
)
FUTURE_CUES: frozenset[str] = _words(
    """will would shall 'll next coming upcoming looming expected scheduled planned slated
    due set likely ahead plans intends aims expire expires await awaits tomorrow later intend
    intending planning expect expects hopes hoping aiming seeks"""
)
# Modals that make a date ahead when they come before it in its clause ("the mayor could
# announce a decision on Friday"), not after it ("issued a warning in October that they could
# face …").
FUTURE_MODALS: frozenset[str] = _words("could might may should must can")
# Words ending in "-ed" that are not past tense ("indeed", "United States", "proceed").
ED_NOT_PAST: frozenset[str] = _words(
    """indeed proceed exceed succeed need needed speed embed hundred shred bred breed seed
    feed united red bed weed"""
)

# Phrases that contain a number word but state no number ("one of the biggest",
# "one another", "the first lady"). Matched case-insensitively against the words starting
# at the number.
IDIOMS: tuple[str, ...] = (
    "one of",
    "one another",
    "no one",
    "one day",
    "one by one",
    "one-on-one",
    "one-sided",
    "one way or another",
    "at first",
    "first of all",
    "first and foremost",
    "first lady",
    "first-hand",
    "firsthand",
    "second-hand",
    "secondhand",
    "second to none",
    "in the first place",
    "first amendment",
    "second amendment",
    "first responders",
    "first-ever",
    "first class",
    "first-class",
    "second-guess",
    "at times",
    "two-way",
    "two-thirds majority of the",
    "third party",
    "third parties",
    "third-party",
    "third world",
    "one-time",
    "zero-day",
    "zero day",
    "zero tolerance",
    "zero hour",
    "one-off",
    "first name",
    "fourth of july",
    "twice around",
    "doubled down",
    "doubling down",
    "doubles down",
    "fourth estate",
    "number one",
    "a few",
)
# Words right before a spelled-out number with no noun after it that make it a quantity: "the
# death toll rose to nineteen.", "the answer is minus one", "a family of four", "the tally stood
# at eleven"; without one ("the two, ...", "all three.") a lone number word is not a claim.
LONE_NUMBER_LEADS: frozenset[str] = _words(
    """to at is was were are be been by of from reached hit totalled totaled numbered stood
    stands equals equalled became becomes than"""
)
# Nouns after which "one" counts ("one person died", "at least one bomb"); elsewhere "one" is
# mostly a pronoun or an idiom ("one of", "one way", "at one point").
ONE_COUNT_NOUNS: frozenset[str] = _words(
    """death fatality casualty injury bomb rocket missile shell seat vote vehicle car truck
    plane aircraft helicopter ship boat"""
)
# People after "one": counted only beside a hedge ("at least one person") or a verb of harm or
# arrest ("killed one man", "one person was arrested"); "one woman told police" is "a woman".
ONE_PERSON_NOUNS: frozenset[str] = _words(
    """person man woman child boy girl baby teenager officer policeman soldier civilian
    victim survivor passenger pedestrian student worker suspect gunman attacker protester
    prisoner hostage patient"""
)
ONE_PERSON_VERBS: frozenset[str] = _words(
    """killed killing kills kill dead died dies injured injuring injures wounded wounding
    hurt arrested arresting arrests detained detaining rescued missing hospitalized
    hospitalised shot stabbed charged attacked"""
)
# Generic small numbers about the parties of a story ("the two sides"). Not reported unless
# ``numeric_claims(..., generic=True)`` asks for them; then they are kind "count".
GENERIC_COUNTS: tuple[str, ...] = (
    "two sides",
    "two countries",
    "two nations",
    "two governments",
    "two powers",
    "two leaders",
    "two men",
    "two women",
    "two delegations",
    "two largest",
    "two biggest",
    "two economies",
    "two superpowers",
    "two capitals",
    "two parties",
    "two of them",
    "both",
    "two companies",
    "two teams",
    "two presidents",
)
# Units written onto a number: "45C" → °C, "10km" → km. Other letters glued to a number make
# it a name ("5G", "3D"), which is not a claim.
GLUED_UNITS: dict[str, str] = {
    "c": "°C", "°c": "°C", "f": "°F", "°f": "°F", "km": "km", "kg": "kg", "mph": "mph",
    "kmh": "km/h", "mw": "MW", "gw": "GW", "kwh": "kWh", "mm": "mm", "cm": "cm", "ft": "ft",
    "lb": "lb", "lbs": "lb", "bpd": "barrels per day", "mt": "tonnes", "mg": "mg",
    "ml": "ml", "gb": "GB", "mb": "MB", "tb": "TB", "kb": "KB", "ghz": "GHz", "mhz": "MHz",
    "kw": "kW", "mwh": "MWh", "gwh": "GWh", "hp": "hp", "oz": "oz", "cc": "cc", "mi": "miles",
    "sqm": "m²", "sqft": "sq ft", "kph": "km/h", "nm": "nm", "kv": "kV",
}  # fmt: skip

# Units of more than one word or with a slash, after a number (case-insensitive; any white
# space between words) → the unit reported: "20 km/h" is a speed, not 20 km; "50 square metres"
# an area, not 50 "square". Lengths, areas and speeds are compared across units (facts
# UNIT_SIZES).
COMPOUND_UNITS: dict[str, str] = {
    "km/h": "km/h", "km/hr": "km/h", "kilometres per hour": "km/h", "km per hour": "km/h",
    "kilometres an hour": "km/h", "kilometers an hour": "km/h", "light years": "light-years",
    "light-years": "light-years",
    "kilometers per hour": "km/h", "miles per hour": "mph", "miles an hour": "mph",
    "m/s": "m/s", "metres per second": "m/s", "meters per second": "m/s",
    "square metres": "m²", "square meters": "m²", "sq m": "m²", "square kilometres": "km²",
    "square kilometers": "km²", "sq km": "km²", "square miles": "sq mi", "square mile": "sq mi",
    "sq mi": "sq mi", "square feet": "sq ft", "square foot": "sq ft", "sq ft": "sq ft",
    "cubic metres": "m³", "cubic meters": "m³", "degrees celsius": "°C", "degrees centigrade": "°C",
    "degrees fahrenheit": "°F", "kilowatt hours": "kWh", "kilowatt-hours": "kWh",
    "megawatt hours": "MWh", "megawatt-hours": "MWh", "barrels per day": "barrels per day",
    "barrels a day": "barrels per day",
}  # fmt: skip

# Verbs of change: "rose from 50% to 60%" states two values, not a range 50–60.
CHANGE_VERBS: frozenset[str] = _words(
    """rose rise rises risen fell fall falls fallen grew grow grows increased increase
    decreased decrease dropped drop drops climbed climb jumped jump slipped slip declined
    decline cut cuts raised raise lowered lower surged surge plunged plunge slid slide
    went moved changed shrank soared sank"""
)

# Street words: "10 Downing Street", "1600 Pennsylvania Avenue" are addresses, not counts.
STREET_WORDS: frozenset[str] = _words(
    "Street St Road Rd Avenue Ave Boulevard Blvd Lane Square Place Drive Way Plaza"
)

# Words before a number that make it a label, not a quantity ("Section 232", "Paragraph 1",
# "COVID-19", "Flight 370", "Top 7").
LABEL_WORDS: frozenset[str] = _words(
    """section article chapter paragraph para rule title route flight no. no number room page
    figure fig table item part resolution amendment clause phase top level grade class
    covid covid- g pg version v model boeing airbus episode season hr hr. h.r. s."""
)

# Words after a number that are never its unit (the unit of a count is a noun): prepositions,
# adverbs, conjunctions, pronouns. "42 against", "3 now" have no unit.
NOT_UNITS: frozenset[str] = _words(
    """against for over about around above below under into onto upon via per than then now
    so too also only just still even ago apiece each overall altogether respectively there here
    this that these those it its they them he she we you who which what when where while
    whereas if though although because but nor yet not no yes out off up down back away again
    later earlier before after since until till during within without among amid between
    across along behind beyond toward towards near besides instead either neither both all
    some any most more less many much few several such other another same as like unlike"""
)
# Adjectives between a number and its noun, skipped to find the unit: "the full 12 federal
# judges" → judges; "3,000 new jobs" → jobs. A count with only an adjective after it has no
# unit ("the vote was 12 full").
UNIT_ADJECTIVES: frozenset[str] = _words(
    """full federal new old more other additional extra major minor key top senior junior local
    national international foreign domestic regional state public private former current
    previous possible potential total separate different similar big small large huge great
    high low long short young elderly older younger armed unarmed civilian military american
    british chinese european russian indian african french german japanese israeli
    palestinian ukrainian mexican canadian australian iranian syrian afghan iraqi full-time
    part-time first last next remaining missing confirmed suspected alleged registered
    eligible undocumented wounded injured dead known unknown further main leading average
    annual monthly weekly daily"""
)
# Words in a sentence that make "points" percentage points: "rose 3 points to 45% in the
# poll", "leads by 5 points among likely voters", "cut rates by 2 points".
POINTS_CONTEXT: frozenset[str] = _words(
    """percent percentage poll polls polling survey surveys vote votes voters rate rates
    approval lead leads margin inflation unemployment yield yields turnout share"""
)

# Label words that name something only when capitalised: "Bill 134", "the Act 10 vote"; but
# "passed the bill 134 to 63" is a vote tally.
CAPITALISED_LABEL_WORDS: frozenset[str] = _words("bill act")

# Words that carry no topic for comparing claims (besides the usual function words).
CONTEXT_STOPWORDS: frozenset[str] = _words(
    """a an the and or but nor of to in on at by for from with without as into onto about
    over under than then that this these those there here it its it's they them their he him
    his she her we our you your i me my who whom whose which what when where why how is are
    was were be been being am do does did done has have had having will would shall should
    can could may might must not no so such also just only very more most less least much
    many some any all each every other another both either neither said says say saying told
    according while after before since until though although because if whether up down out
    off again further once now still yet even today new latest last next first us u.s. its’ s
    per cent percent one two three way ’s 's amid among between within during through
    toward towards against upon""".replace("’", "'")
)
