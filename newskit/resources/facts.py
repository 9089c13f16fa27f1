"""Tables used by ``newskit.claims.compare`` to tell whether two numbers state the same fact.

Every table is plain data with an example; words are lower case unless a table says otherwise.
"""

from __future__ import annotations


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# A number followed by one of these words is part of a name or a label, not a value to compare:
# "117th Street", "the 97th Precinct", "the Second Amendment", "a .38-caliber revolver",
# "the 32-bit version", "a 12-gauge shotgun". Matched on the first word after the number.
NAME_HEADS: frozenset[str] = _words(
    """
    street st avenue ave road rd boulevard blvd lane drive highway route interstate precinct
    district ward amendment caliber calibre bit gauge
    """
)

# Words that change what a number counts or when ("four *other* people died", "*another* two",
# "the *past* two seasons", "the *first* three days", "$281 million *in cash*"), read in the two
# words before the number and the three after it. Two numbers whose clauses disagree on these
# are never the same fact. Each line is one group: "past" on one side and "previous" on the
# other agree.
SCOPE_WORDS: tuple[frozenset[str], ...] = (
    _words("other others another additional more further extra"),
    _words("cash"),
    _words("stock shares"),
    _words("past last previous prior earlier former"),
    _words("next coming future upcoming"),
    _words("first initial opening"),
    _words("remaining still"),
    _words("each per every apiece"),
)

# Words that name one happening in different words, read as one term when comparing the
# clauses around two numbers ("*killing* 12 people" / "12 people *died*" / "12 *dead*";
# "*fell* 600 metres" / "*fallen* some 700 metres"). Keep it to paraphrases any outlet uses.
FACT_SYNONYMS: dict[str, tuple[str, ...]] = {
    "kill": ("killed", "killing", "kills", "died", "dead", "death", "deaths", "fatalities",
             "toll", "perished", "lives"),
    "injure": ("injured", "injuring", "injuries", "injury", "wounded", "wounding", "hurt"),
    "fall": ("fell", "fallen", "falling", "falls", "plunged", "plunge", "slipped", "slipping",
             "tumbled", "tumbling", "tumble"),
    "arrest": ("arrested", "arresting", "arrests", "detained", "detain", "custody"),
    "people": ("people", "persons", "person"),
    "extend": ("extended", "extending", "extends", "extension", "postponed", "postpone",
               "delayed", "delay", "pushed"),
}  # fmt: skip

# Units of length, mass and area that outlets convert between, as (dimension, size in the base
# unit: metre, kilogram, square metre). "10 kilometres (6 miles)" and "6 miles" state one depth:
# 10 km = 10,000 m and 6 mi = 9,656 m agree within the rounding of "6".
UNIT_SIZES: dict[str, tuple[str, float]] = {
    "km": ("length", 1000.0),
    "kilometer": ("length", 1000.0),
    "kilometers": ("length", 1000.0),
    "kilometre": ("length", 1000.0),
    "kilometres": ("length", 1000.0),
    "m": ("length", 1.0),
    "meter": ("length", 1.0),
    "meters": ("length", 1.0),
    "metre": ("length", 1.0),
    "metres": ("length", 1.0),
    "cm": ("length", 0.01),
    "centimeters": ("length", 0.01),
    "centimetres": ("length", 0.01),
    "mile": ("length", 1609.344),
    "miles": ("length", 1609.344),
    "mi": ("length", 1609.344),
    "foot": ("length", 0.3048),
    "feet": ("length", 0.3048),
    "ft": ("length", 0.3048),
    "yard": ("length", 0.9144),
    "yards": ("length", 0.9144),
    "inch": ("length", 0.0254),
    "inches": ("length", 0.0254),
    "in.": ("length", 0.0254),
    "kg": ("mass", 1.0),
    "kilogram": ("mass", 1.0),
    "kilograms": ("mass", 1.0),
    "kilos": ("mass", 1.0),
    "pound": ("mass", 0.45359237),
    "pounds": ("mass", 0.45359237),
    "lb": ("mass", 0.45359237),
    "lbs": ("mass", 0.45359237),
    "tonne": ("mass", 1000.0),
    "tonnes": ("mass", 1000.0),
    "ton": ("mass", 953.0),  # short (907 kg) or long (1,016 kg): the middle, within 7%
    "tons": ("mass", 953.0),
    "hectare": ("area", 10_000.0),
    "hectares": ("area", 10_000.0),
    "acre": ("area", 4046.86),
    "acres": ("area", 4046.86),
    "m²": ("area", 1.0),
    "km²": ("area", 1_000_000.0),
    "sq mi": ("area", 2_589_988.0),
    "sq ft": ("area", 0.09290304),
    "km/h": ("speed", 1 / 3.6),
    "mph": ("speed", 0.44704),
    "m/s": ("speed", 1.0),
}
# How far a converted value may be from the other: conversions are rounded ("15 km (10 miles)"
# is 9.3 miles) and "ton" is either of two tons.
CONVERTED_TOLERANCE = 0.08
