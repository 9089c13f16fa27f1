"""Synthetic multi-story corpora with known story labels: the team's own ground truth.

``make_corpus(n_stories, n_outlets, seed=...)`` writes news-like articles about ``n_stories``
made-up events, each covered by (by default) every one of ``n_outlets`` made-up outlets, and
returns them as a DataFrame that ``newskit.load_corpus`` reads (``id, outlet, date, title, url,
text``) plus the true label in ``story``.

What makes it a real test of story grouping, text reuse and claim comparison:

- stories come in kinds (shootings, award ceremonies, storms, trade talks, …); stories of one
  kind share their vocabulary and happen days or weeks apart, with different people, places
  and numbers, so only the specifics tell them apart;
- each outlet writes its own version: its own choice and order of facts, its own phrasing, curly
  or straight quote marks, numbers in digits or words;
- some articles copy sentences from an earlier article of their story, verbatim or lightly
  reworded (``p_copy``), and a few are near-complete rewrites of one;
- numbers agree across a story's articles except where an outlet states a different value
  (``p_disagree``);
- dates spread over ``span_days``; some articles lack a date (``p_undated``) or an outlet
  (``p_no_outlet``).

Everything is drawn from ``random.Random(seed)``: the same arguments give the same frame.
"""

from __future__ import annotations

import datetime as dt
import random
import re
from dataclasses import dataclass, field
from typing import Literal

import pandas as pd

from newskit.synthetic.body import StoryWords, body_sentences, story_words, target_length

SYNTHETIC_COLUMNS = ["id", "outlet", "date", "title", "url", "text", "story"]


def _words(text: str, sep: str | None = None) -> tuple[str, ...]:
    return tuple(w.strip() for w in text.split(sep) if w.strip())


_FIRST = _words(
    "Aaron Abigail Adrian Aisha Alba Alejandro Amara Anders Anika Ansel Arjun Astrid Beatrix "
    "Benedikt Bianca Boris Callum Camila Cedric Chiara Cyrus Dalia Damian Dara Delphine Dmitri "
    "Edda Elias Elif Emeka Esther Fabian Farah Felix Fiona Gareth Greta Gustavo Hana Hamid "
    "Harriet Hector Ines Ingrid Isaac Ivana Jamal Janek Jasmine Joaquin Jonah Judith Kaito "
    "Kalinda Kamal Katya Keanu Kenji Kiri Lars Leila Lionel Lorena Lucian Mads Magnus Maren "
    "Marisol Mateo Meera Milan Mira Nadia Naveen Nell Nikolai Noor Oksana Olufemi Orla Oscar "
    "Pablo Paloma Petra Priya Quentin Rafael Ramona Rashid Renata Rhys Rosa Rufus Sabine Samir "
    "Selma Soren Stellan Sunita Tamsin Tariq Teodor Thea Tobias Ulla Umar Valeria Viktor Wanda "
    "Wen Xavier Yara Yusuf Zainab Zelda Zoran"
)
_LAST = _words(
    "Abernathy Achebe Adeyemi Alvarez Andersen Arkwright Baptiste Barrow Becker Belmonte "
    "Bergstrom Blackwood Bosco Brennan Calloway Castellanos Chandrasekar Cho Costa Dalgaard "
    "Delacroix Drummond Dubois Eastwick Ekwueme Falkner Fernsby Fitzgerald Galloway Garrido "
    "Gonzaga Greenhalgh Haddad Halvorsen Hargreaves Hollis Ibarra Iverson Jablonski Jovanovic "
    "Kaczmarek Kapoor Kellerman Kowalczyk Lachance Lindqvist Lombardi Lundgren Macintyre "
    "Madsen Marchetti Mbeki Mendelsohn Moreau Nakamura Navarro Nkemelu Novak Oduya Okafor "
    "Olsen Ortega Pacheco Pemberton Petrov Quintero Radcliffe Ramaswamy Reinholt Rocha "
    "Rosenthal Salazar Sandoval Schreiber Sellers Serrano Shapiro Sokolov Stavros Strand "
    "Takahashi Tanaka Thornbury Toivonen Underhill Valdez Vasquez Vollmer Wainwright Weatherby "
    "Whitlock Winslow Yamamoto Yilmaz Zabala Zeller Zimmerman Zorrilla"
)
_PLACES = _words(
    "Ashford|Bellhaven|Brookmere|Carrow Bay|Cedar Falls|Clearwater Ridge|Dunmore|Eastport|"
    "Elmsworth|Fairhaven|Fenwick|Glenrock|Granton|Harrowgate|Highcliff|Holloway Springs|"
    "Ironbridge|Juniper Hills|Kestrel Point|Kingsbury|Lakeview|Larkfield|Lowell Creek|"
    "Maple Grove|Marston|Millbrook|Newhaven|Northwick|Oakridge|Old Harbor|Pinecrest|Port Ellis|"
    "Quarry Hill|Ravenswood|Redmond Flats|Riverton|Rockport|Saltmarsh|Sandown|Silver Lake|"
    "Southgate|Stonebridge|Sunnyvale Heights|Thornfield|Timberline|Upton|Valemont|Westbrook|"
    "Whitby Cove|Willow Creek|Windham|Yarrow|Zephyr Bay",
    "|",
)
_REGIONS = _words(
    "the Northern Province|the Coastal District|the Lake Region|the Southern Valley", "|"
)
_STREETS = _words("Market Harbor Station Mill Church Bridge Orchard Canal Union Quarry")
_WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
_NUMBER_WORDS = _words(
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
    "fifteen sixteen seventeen eighteen nineteen twenty"
)
_OUTLET_PARTS = (
    (
        "Harbor",
        "Midland",
        "Northern",
        "Capital",
        "Lakeside",
        "Evening",
        "Daily",
        "Valley",
        "Coastal",
        "Metro",
        "Union",
        "Pioneer",
        "Summit",
        "Frontier",
        "Civic",
    ),
    (
        "Post",
        "Courier",
        "Herald",
        "Ledger",
        "Gazette",
        "Tribune",
        "Observer",
        "Sentinel",
        "Chronicle",
        "Dispatch",
        "Record",
        "Bulletin",
        "Monitor",
        "Times",
        "Wire",
    ),
)

# Shared by every kind: what wire copy pads a story with.
_GENERIC = (
    "{org} did not immediately respond to a request for comment.",
    "It was not immediately clear what {official} would do next.",
    "This story has been updated with additional details.",
    "Officials said more information would be released in the coming days.",
    "Local media reported the news earlier on {weekday}.",
)

# One entry per kind of story. Slots in braces are filled per story ({place}, {person},
# {official}, {org}, {venue}, {detail}, {weekday}, {region}) or per fact ({n}).
_KINDS: dict[str, dict[str, tuple[str, ...]]] = {
    "shooting": {
        "title": (
            "{n_killed} killed in shooting at {venue} in {place}",
            "Gunman opens fire at {venue} in {place}, police say",
        ),
        "lead": (
            "A gunman opened fire at {venue} in {place} on {weekday}, killing {n_killed} people "
            "and wounding {n_hurt} others, police said.",
            "{n_killed} people were killed and {n_hurt} wounded when a man opened fire inside "
            "{venue} in {place} on {weekday} afternoon, authorities said.",
        ),
        "facts": (
            "Police Chief {official} said officers arrived within {n_minutes} minutes of the "
            "first call.",
            "The suspect, identified as {person}, {n_age}, was taken into custody near "
            "{street} Street.",
            "Investigators recovered {n_casings} shell casings from the scene, according to {org}.",
            "Witnesses described hearing several shots before people ran from {venue}.",
            "The wounded were taken to {place} General Hospital, where {n_critical} remained in "
            "critical condition.",
            "Detectives were examining {detail} found in the suspect's car.",
        ),
        "quotes": (
            "We heard the shots and everybody just started running",
            "This is a tragedy for every family in {place}",
            "Our officers ran toward the danger, and they saved lives today",
        ),
        "background": (
            "It was the {ordinal} mass shooting in {region} this year.",
            "Residents held a vigil outside {venue} on {weekday} night.",
        ),
        "venue": (
            "a grocery store",
            "a community center",
            "a shopping mall",
            "a nightclub",
            "a bus depot",
            "a warehouse",
        ),
        "detail": (
            "a handwritten note",
            "two rifles",
            "a laptop",
            "a stack of receipts",
            "a box of ammunition",
            "a map of the building",
        ),
    },
    "ceremony": {
        "title": (
            "{person} wins top prize at {place} film awards",
            "'{work}' sweeps {place} awards night",
        ),
        "lead": (
            "{person} won best director at the {ordinal} {place} Film Awards on {weekday} for "
            "“{work}”, which took {n_awards} prizes in all.",
            "The drama “{work}” dominated the {place} Film Awards on {weekday} night, winning "
            "{n_awards} awards including best director for {person}.",
        ),
        "facts": (
            "The ceremony at {venue} drew about {n_guests} guests, organisers said.",
            "{official}, who chairs the academy, announced {n_categories} new categories for "
            "next year.",
            "The film had received {n_nominations} nominations, more than any other this season.",
            "Tickets for the public screening sold out in {n_minutes} minutes.",
            "The best actress award went to {person2} for her role in a family drama set in "
            "{place2}.",
            "Presenters arrived on a red carpet lined with {detail}.",
        ),
        "quotes": (
            "I made this film for everyone who ever felt unseen",
            "This award belongs to the whole crew",
            "We never expected the night to go like this",
        ),
        "background": (
            "The awards, first held in {year}, are the oldest film prizes in {region}.",
            "Last year's ceremony was postponed after a dispute over the jury.",
        ),
        "venue": (
            "the Grand Theatre",
            "the Opera House",
            "the Civic Auditorium",
            "the Royal Pavilion",
            "the Palace Hall",
        ),
        "detail": (
            "paper lanterns",
            "white roses",
            "vintage projectors",
            "golden banners",
            "potted palms",
        ),
    },
    "storm": {
        "title": (
            "Storm {storm} batters {place}, leaving {n_homes} homes without power",
            "{place} cleans up after Storm {storm}",
        ),
        "lead": (
            "Storm {storm} tore through {place} on {weekday}, knocking out power to {n_homes} "
            "homes and flooding low-lying streets, officials said.",
            "Residents of {place} were without electricity on {weekday} after Storm {storm} "
            "brought winds of up to {n_wind} kilometres per hour.",
        ),
        "facts": (
            "The weather service recorded {n_rain} millimetres of rain in {n_hours} hours.",
            "{official}, the mayor of {place}, declared a local emergency.",
            "Crews from {org} were working to restore power by {weekday2}.",
            "At least {n_roads} roads were closed by fallen trees and debris.",
            "Emergency shelters at {venue} took in {n_sheltered} people overnight.",
            "Farmers reported losses of {detail} across {region}.",
        ),
        "quotes": (
            "We have never seen water this high on our street",
            "Please stay off the roads until crews have cleared them",
            "The damage is worse than anything since the last big flood",
        ),
        "background": (
            "It was the {ordinal} named storm to hit {region} this season.",
            "Forecasters had warned of the storm for several days.",
        ),
        "venue": (
            "the high school gym",
            "the convention centre",
            "the fairgrounds",
            "a church hall",
            "the sports arena",
        ),
        "detail": (
            "apple orchards",
            "grain silos",
            "greenhouses",
            "dairy barns",
            "vineyards",
        ),
    },
    "trade": {
        "title": (
            "{place} and {place2} resume trade talks over tariffs",
            "Negotiators in {place} near deal on {detail} tariffs",
        ),
        "lead": (
            "Trade negotiators from {place} and {place2} resumed talks on {weekday} over tariffs "
            "of {n_pct}% on {detail}, officials said.",
            "Officials from {place} and {place2} met on {weekday} to try to end a dispute over "
            "{n_pct}% duties on {detail}.",
        ),
        "facts": (
            "Trade minister {official} said the two sides had agreed on {n_points} of the "
            "outstanding points.",
            "Exports of {detail} fell by {n_drop}% last quarter, according to {org}.",
            "The current truce expires in {n_days} days.",
            "{person}, an economist at {org2}, said a deal could lift growth.",
            "The delegations will meet again in {place3} next month.",
            "Shipping firms have rerouted {n_ships} vessels since the dispute began.",
        ),
        "quotes": (
            "We are closer than we have been in months",
            "Nobody wins a trade war, and both sides know it",
            "The details still matter, and we are not there yet",
        ),
        "background": (
            "The dispute began when {place} raised duties in {year}.",
            "Business groups in {region} have urged both governments to settle.",
        ),
        "venue": ("the trade ministry", "a lakeside hotel", "the chamber of commerce"),
        "detail": (
            "steel",
            "soybeans",
            "semiconductors",
            "timber",
            "electric cars",
            "fertiliser",
            "aluminium",
        ),
    },
    "election": {
        "title": (
            "{person} wins {place} mayoral race",
            "{place} elects {person} as mayor after tight race",
        ),
        "lead": (
            "{person} was elected mayor of {place} on {weekday}, winning {n_share}% of the vote "
            "against incumbent {official}.",
            "Voters in {place} chose {person} as their next mayor on {weekday}, ending "
            "{official}'s {n_years} years in office.",
        ),
        "facts": (
            "Turnout was {n_turnout}%, the election commission said.",
            "{person} campaigned on building {n_homes} affordable homes.",
            "{official} conceded in a speech at {venue} late on {weekday}.",
            "The council will also have {n_seats} new members.",
            "A recount was requested in {n_districts} districts, according to {org}.",
            "{person}'s campaign focused on {detail}.",
        ),
        "quotes": (
            "Tonight the people of {place} voted for change",
            "I called to congratulate my opponent and wish the city well",
            "The hard work starts tomorrow morning",
        ),
        "background": (
            "The race was the most expensive in the city's history.",
            "{place} has not elected a new mayor since {year}.",
        ),
        "venue": ("city hall", "a campaign office", "a downtown hotel", "the union hall"),
        "detail": (
            "public transit",
            "housing costs",
            "policing",
            "the harbour redevelopment",
            "school funding",
        ),
    },
    "court": {
        "title": (
            "Court strikes down {place} {detail} law",
            "Judge rules against {place} over {detail}",
        ),
        "lead": (
            "A federal judge on {weekday} struck down a {place} law on {detail}, ruling that it "
            "violated the state constitution.",
            "Judge {official} ruled on {weekday} that {place}'s {detail} ordinance was "
            "unconstitutional, siding with a group of {n_plaintiffs} residents.",
        ),
        "facts": (
            "The ruling runs to {n_pages} pages.",
            "{person}, a lawyer for the plaintiffs, said the city had ignored earlier warnings.",
            "The city has {n_days} days to appeal.",
            "The law had been in force for {n_years} years, according to {org}.",
            "About {n_people} people had been fined under the ordinance.",
            "Lawyers for {place} argued the rules protected {detail2}.",
        ),
        "quotes": (
            "The court has confirmed what we said from the start",
            "We respectfully disagree and are reviewing our options",
            "This decision restores basic rights to thousands of people",
        ),
        "background": (
            "The case was filed in {year}.",
            "Similar laws have been challenged elsewhere in {region}.",
        ),
        "venue": ("the district courthouse", "the appeals court", "the federal building"),
        "detail": (
            "street vending",
            "short-term rentals",
            "curfews",
            "noise limits",
            "protest permits",
        ),
    },
    "strike": {
        "title": (
            "{org} workers strike in {place} over pay",
            "Strike halts {detail} in {place}",
        ),
        "lead": (
            "About {n_workers} workers at {org} walked off the job in {place} on {weekday}, "
            "halting {detail} in a dispute over pay.",
            "Workers at {org} in {place} began a strike on {weekday}, demanding a {n_pct}% raise "
            "and shorter shifts.",
        ),
        "facts": (
            "Union leader {person} said talks had broken down after {n_weeks} weeks.",
            "The company offered a raise of {n_offer}%, which the union rejected.",
            "Pickets gathered outside {venue} from early morning.",
            "{official}, a company spokesperson, said contingency plans were in place.",
            "The strike could cost the region {n_money} million a week, according to {org2}.",
            "Customers were told to expect delays to {detail} within days.",
        ),
        "quotes": (
            "We are not asking for the moon, just a fair wage",
            "Our door remains open for talks",
            "Nobody wants to be out here, but we had no choice",
        ),
        "background": (
            "It is the first strike at the company since {year}.",
            "Unions across {region} have pressed for higher wages this year.",
        ),
        "venue": ("the main gate", "the depot", "the headquarters", "the port terminal"),
        "detail": (
            "bus services",
            "container shipping",
            "car production",
            "mail deliveries",
            "rail freight",
        ),
    },
    "wildfire": {
        "title": (
            "Wildfire near {place} forces {n_evacuated} to evacuate",
            "Crews battle fire in hills above {place}",
        ),
        "lead": (
            "A wildfire in the hills above {place} forced {n_evacuated} people from their homes "
            "on {weekday} as it spread across {n_hectares} hectares, fire officials said.",
            "Firefighters battled a blaze near {place} on {weekday} that had burned "
            "{n_hectares} hectares and destroyed {n_buildings} buildings.",
        ),
        "facts": (
            "Fire chief {official} said the blaze was {n_pct}% contained.",
            "About {n_crews} crews and {n_aircraft} aircraft were fighting the fire.",
            "Evacuees were sheltering at {venue}.",
            "{person}, who lives on {street} Road, said the flames came within metres of the "
            "house.",
            "The cause was under investigation by {org}.",
            "Smoke reached {place2}, where officials warned of poor air quality and {detail}.",
        ),
        "quotes": (
            "We grabbed the dog and the photo albums and drove",
            "The wind is our biggest enemy right now",
            "We will not stop until every family can go home",
        ),
        "background": (
            "It was the {ordinal} large fire in {region} this summer.",
            "A drought has left the hills unusually dry.",
        ),
        "venue": (
            "the county fairgrounds",
            "a middle school",
            "the racetrack",
            "the community college",
        ),
        "detail": ("school closures", "cancelled flights", "power cuts", "road closures"),
    },
    "outbreak": {
        "title": (
            "Health officials investigate {detail} outbreak in {place}",
            "{n_cases} sick in {place} {detail} outbreak",
        ),
        "lead": (
            "Health officials in {place} said on {weekday} that {n_cases} people had fallen ill "
            "in an outbreak of {detail} linked to {venue}.",
            "An outbreak of {detail} in {place} has sickened {n_cases} people, {n_hospital} of "
            "whom are in hospital, officials said on {weekday}.",
        ),
        "facts": (
            "Dr. {official}, the city's health officer, said the source had been traced to "
            "{venue}.",
            "Inspectors closed {n_sites} food outlets as a precaution.",
            "The first cases were reported {n_days} days ago, according to {org}.",
            "{person}, whose daughter fell ill, said the family had eaten there twice.",
            "Laboratory results are expected within {n_hours} hours.",
            "Officials urged anyone with symptoms to call the hotline.",
        ),
        "quotes": (
            "We are confident we have found the source",
            "My daughter has never been this sick",
            "There is no risk to the wider public at this time",
        ),
        "background": (
            "The last outbreak of this size in {region} was in {year}.",
            "The health department has asked for extra inspectors.",
        ),
        "venue": (
            "a school cafeteria",
            "a seafood restaurant",
            "a wedding reception",
            "a food market",
            "a bakery",
        ),
        "detail": ("salmonella", "norovirus", "listeria", "E. coli", "hepatitis A"),
    },
    "closure": {
        "title": (
            "{org} to close {place} plant, cutting {n_jobs} jobs",
            "{place} plant closure to cost {n_jobs} jobs",
        ),
        "lead": (
            "{org} said on {weekday} it would close its {detail} plant in {place}, cutting "
            "{n_jobs} jobs by the end of the year.",
            "About {n_jobs} workers will lose their jobs after {org} announced on {weekday} that "
            "its {place} {detail} factory would shut.",
        ),
        "facts": (
            "Chief executive {official} blamed falling demand and rising energy costs.",
            "The plant opened in {year} and produced {n_units} units last year.",
            "{person}, who has worked there for {n_years} years, said staff learned the news "
            "by email.",
            "The company will move production to {place2}, according to {org2}.",
            "Shares of {org} rose {n_pct}% after the announcement.",
            "The town council will meet at {venue} to discuss the closure.",
        ),
        "quotes": (
            "This was a very difficult decision for the company",
            "Half this town works at that plant",
            "We will fight to keep these jobs here",
        ),
        "background": (
            "It is the {ordinal} factory closure in {region} this year.",
            "The plant is the largest employer in {place}.",
        ),
        "venue": ("the town hall", "the library", "the union office"),
        "detail": ("paper", "glass", "battery", "furniture", "textile", "tyre"),
    },
}

# Number slots: (low, high) of the true value; each story draws its own.
_RANGES = {
    "n_killed": (2, 9),
    "n_hurt": (3, 20),
    "n_minutes": (3, 15),
    "n_age": (19, 64),
    "n_casings": (12, 80),
    "n_critical": (1, 4),
    "n_awards": (3, 9),
    "n_guests": (800, 3000),
    "n_categories": (2, 5),
    "n_nominations": (8, 14),
    "n_homes": (1200, 90000),
    "n_wind": (90, 160),
    "n_rain": (60, 240),
    "n_hours": (6, 48),
    "n_roads": (12, 60),
    "n_sheltered": (40, 600),
    "n_share": (51, 68),
    "n_pct": (5, 45),
    "n_points": (3, 12),
    "n_drop": (4, 30),
    "n_days": (10, 90),
    "n_ships": (20, 140),
    "n_turnout": (31, 68),
    "n_seats": (3, 9),
    "n_districts": (2, 7),
    "n_years": (4, 16),
    "n_plaintiffs": (6, 40),
    "n_pages": (30, 120),
    "n_people": (300, 4000),
    "n_workers": (400, 6000),
    "n_weeks": (3, 12),
    "n_offer": (2, 6),
    "n_money": (3, 40),
    "n_evacuated": (500, 12000),
    "n_hectares": (300, 9000),
    "n_buildings": (4, 60),
    "n_crews": (20, 90),
    "n_aircraft": (4, 18),
    "n_cases": (12, 140),
    "n_hospital": (3, 20),
    "n_sites": (2, 8),
    "n_jobs": (150, 2400),
    "n_units": (20000, 90000),
}

_ORGS = (
    "the regional police",
    "the state emergency agency",
    "Northline Energy",
    "the port authority",
    "Castellan Industries",
    "the national statistics office",
    "Brightwater Holdings",
    "the county health department",
    "Meridian Logistics",
    "the transport union",
    "Aldergate Bank",
    "the chamber of commerce",
    "Halcyon Foods",
    "the forestry service",
    "Vantage Motors",
    "the workers' federation",
    "Crownfield University",
    "the water board",
)
_ORDINALS = ("second", "third", "fourth", "fifth", "sixth")
_STORM_NAMES = _words(
    "Alma Bruno Celia Dorian Edith Fergus Gilda Horace Iona Jasper Keira Lionel Maud Nestor "
    "Opal Percy Rhea Silas Tilda Ulric Vera Walter"
)
_WORKS = _words(
    "The Long Winter|Salt and Iron|A House by the River|Night Ferry|The Orchard Keeper|"
    "Paper Kingdoms|Echoes of August|The Glass Harbor|Lanterns|Under a Quiet Sky|"
    "The Cartographer|Small Hours|Wild Orchard|The Last Tram",
    "|",
)

# Light rewording for paraphrased copies: (pattern, replacement), applied where they match.
_REWORDINGS = (
    (r"\bsaid\b", "stated"),
    (r"\bofficials\b", "authorities"),
    (r"\bpeople\b", "residents"),
    (r"\babout\b", "roughly"),
    (r"\bAbout\b", "Roughly"),
    (r"\baccording to\b", "citing"),
    (r"\bon (Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b", r"\1"),
    (r"\bwere\b", "had been"),
    (r"\bbegan\b", "started"),
    (r"\bnear\b", "close to"),
    (r"%", " percent"),
    (r"\bhad\b", "has"),
    (r"\bwill\b", "would"),
)
_ATTRIBUTED = re.compile(r"\b(said|stated|according|citing|told|confirmed)\b")
# Attributions an outlet may hang on a plain statement of fact.
_ATTRIBUTIONS = (
    ", officials said",
    ", a spokesperson said",
    ", local officials confirmed",
    ", records show",
    ", according to people familiar with the matter",
)


@dataclass
class _Story:
    index: int
    kind: str
    date: dt.date
    slots: dict[str, str]
    numbers: dict[str, int]
    articles: list[dict[str, object]] = field(default_factory=list)
    words: StoryWords | None = None  # topic words, people, organisations (length="real")


def make_corpus(
    n_stories: int,
    n_outlets: int,
    *,
    seed: int = 1,
    coverage: float = 1.0,
    p_copy: float = 0.3,
    p_disagree: float = 0.15,
    p_undated: float = 0.05,
    p_no_outlet: float = 0.03,
    span_days: int = 42,
    start: dt.date = dt.date(2025, 3, 3),
    length: Literal["short", "real"] = "short",
) -> pd.DataFrame:
    """Generate ``n_stories`` made-up news stories covered by ``n_outlets`` made-up outlets.

    Every outlet covers each story with probability ``coverage`` (each story keeps at least one
    article), so the default gives exactly ``n_stories * n_outlets`` articles. ``p_copy``: share
    of later articles that copy sentences (verbatim or lightly reworded) from an earlier article
    of their story; ``p_disagree``: chance an article states a number differently from the rest
    of its story; ``p_undated`` / ``p_no_outlet``: share of articles without a date / an outlet.
    Stories start within ``span_days`` days of ``start``; an article appears 0–3 days after its
    story starts.

    ``length="short"`` (the default, which tests use) gives articles of about 670 characters:
    lead, three to six facts, a quote and background. ``length="real"`` adds body sentences
    until each article has a length drawn from that of real news (median 3,000 characters, one
    in a hundred past 17,000; ``newskit.synthetic.body``), in paragraphs of real size, with the
    story's own topic words and people; benchmarks use it.

    Returns a DataFrame with columns ``id, outlet, date, title, url, text, story``: ``date`` an
    ISO string or None, ``outlet`` a string or None, ``story`` the true label (``"story-007"``).
    Rows are in a shuffled order. Deterministic: the same arguments give the same frame.
    """
    if n_stories < 1 or n_outlets < 1:
        raise ValueError("n_stories and n_outlets must be at least 1")
    if not 0 < coverage <= 1:
        raise ValueError("coverage must be in (0, 1]")
    if length not in ("short", "real"):
        raise ValueError(f"length must be 'short' or 'real', not {length!r}")
    rng = random.Random(seed)
    outlets = _outlet_names(n_outlets)
    # House style: curly or straight quotes, small numbers in words, and the rewordings the
    # outlet applies to its own sentences (so outlets rarely match word for word by chance).
    styles = {
        o: (rng.random() < 0.5, rng.random() < 0.3, tuple(rng.sample(_REWORDINGS, 4)))
        for o in outlets
    }
    kinds = list(_KINDS)
    stories = []
    for i in range(n_stories):
        kind = kinds[i % len(kinds)] if i < len(kinds) else rng.choice(kinds)
        date = start + dt.timedelta(days=rng.randrange(max(span_days, 1)))
        slots, numbers = _story_slots(rng, kind, date)
        story = _Story(i, kind, date, slots, numbers)
        if length == "real":
            places = (slots["place"], slots["place2"], slots["place3"])
            story.words = story_words(rng, _FIRST, _LAST, places)
        stories.append(story)
    rows = []
    for story in stories:
        covering = [o for o in outlets if rng.random() < coverage] or [rng.choice(outlets)]
        rng.shuffle(covering)
        for order, outlet in enumerate(covering):
            rows.append(_article(rng, story, outlet, order, styles[outlet], p_copy, p_disagree))
    rng.shuffle(rows)
    for n, row in enumerate(rows):
        row["id"] = f"art-{n:05d}"
        if rng.random() < p_undated:
            row["date"] = None
        if rng.random() < p_no_outlet:
            row["outlet"] = None
    return pd.DataFrame(rows, columns=SYNTHETIC_COLUMNS)


def _outlet_names(n: int) -> list[str]:
    first, second = _OUTLET_PARTS
    names = [f"The {a} {b}" for b in second for a in first]
    random.Random(0).shuffle(names)
    if n <= len(names):
        return names[:n]
    return names + [f"Outlet {i}" for i in range(len(names) + 1, n + 1)]


def _person(rng: random.Random) -> str:
    return f"{rng.choice(_FIRST)} {rng.choice(_LAST)}"


def _story_slots(
    rng: random.Random, kind: str, date: dt.date
) -> tuple[dict[str, str], dict[str, int]]:
    spec = _KINDS[kind]
    places = rng.sample(_PLACES, 3)
    orgs = rng.sample(_ORGS, 2)
    details = rng.sample(spec["detail"], 2)
    slots = {
        "place": places[0],
        "place2": places[1],
        "place3": places[2],
        "person": _person(rng),
        "person2": _person(rng),
        "official": _person(rng),
        "witness": _person(rng),
        "org": orgs[0],
        "org2": orgs[1],
        "venue": rng.choice(spec["venue"]),
        "detail": details[0],
        "detail2": details[1],
        "region": rng.choice(_REGIONS),
        "street": rng.choice(_STREETS),
        "weekday": _WEEKDAYS[date.weekday()],
        "weekday2": _WEEKDAYS[(date.weekday() + 2) % 7],
        "ordinal": rng.choice(_ORDINALS),
        "year": str(rng.randrange(1968, 2021)),
        "storm": rng.choice(_STORM_NAMES),
        "work": rng.choice(_WORKS),
    }
    numbers = {k: rng.randint(lo, hi) for k, (lo, hi) in _RANGES.items()}
    return slots, numbers


def _say(rng: random.Random, value: int, words: bool) -> str:
    if words and value < len(_NUMBER_WORDS):
        return _NUMBER_WORDS[value]
    return f"{value:,}"


def _fill(
    template: str, story: _Story, numbers: dict[str, int], rng: random.Random, words: bool
) -> str:
    def slot(match: re.Match[str]) -> str:
        key = match.group(1)
        if key in numbers:
            return _say(rng, numbers[key], words)
        return story.slots[key]

    text = re.sub(r"\{(\w+)\}", slot, template)
    return text[:1].upper() + text[1:]


def _reword(sentence: str, rules: tuple[tuple[str, str], ...] = _REWORDINGS) -> str:
    out = sentence
    for pattern, repl in rules:
        out = re.sub(pattern, repl, out, count=1)
    return out


def _article(
    rng: random.Random,
    story: _Story,
    outlet: str,
    order: int,
    style: tuple[bool, bool, tuple[tuple[str, str], ...]],
    p_copy: float,
    p_disagree: float,
) -> dict[str, object]:
    curly, words, house = style
    spec = _KINDS[story.kind]
    numbers = dict(story.numbers)
    if order > 0 and rng.random() < p_disagree:  # this outlet states one number differently
        key = rng.choice(sorted(numbers))
        numbers[key] = max(1, numbers[key] + rng.choice((-1, 1)) * max(1, numbers[key] // 5))

    def fill(template: str) -> str:
        # The outlet's own wording: its house rewordings, some others at random, and at times
        # an attribution, so two outlets rarely state a fact in identical words by chance.
        text = _reword(_fill(template, story, numbers, rng, words), house)
        text = _reword(text, tuple(r for r in _REWORDINGS if rng.random() < 0.3))
        if rng.random() < 0.35 and text.endswith(".") and not _ATTRIBUTED.search(text):
            text = text[:-1] + rng.choice(_ATTRIBUTIONS) + "."
        return text

    # Sentences are keyed by the fact they state, so a copied sentence replaces this
    # outlet's own wording of the same fact instead of repeating it.
    target = target_length(rng) if story.words is not None else 0
    lead = rng.choice(spec["lead"])
    sentences = [("lead", fill(lead))]
    facts = rng.sample(spec["facts"], rng.randint(3, len(spec["facts"])))
    sentences += [(f"fact:{t}", fill(t)) for t in facts]
    speaker = rng.choice((story.slots["official"], story.slots["witness"], story.slots["person"]))
    open_q, close_q = ("\u201c", "\u201d") if curly else ('"', '"')
    verb = rng.choice(("said", "told reporters", "told local radio"))
    quote = f"{open_q}{fill(rng.choice(spec['quotes']))},{close_q} {speaker} {verb}."
    sentences.insert(rng.randint(1, len(sentences)), ("quote", quote))
    sentences.append(("background", fill(rng.choice(spec["background"]))))
    if rng.random() < 0.6:
        sentences.append(("generic", fill(rng.choice(_GENERIC))))
    if story.words is not None:  # real weight: body sentences among the facts, lead first
        core = sum(len(t) + 1 for _, t in sentences)
        for i, text in enumerate(body_sentences(rng, story.words, target - core, curly=curly)):
            sentences.insert(rng.randint(1, len(sentences)), (f"body:{story.index}:{i}", text))
    if story.articles and rng.random() < p_copy:
        source = rng.choice(story.articles)
        source_sents: list[tuple[str, str]] = list(source["_sentences"])  # type: ignore[call-overload]
        if rng.random() < 0.25:  # a near-complete rewrite of the earlier article
            sentences = [(k, _reword(t) if rng.random() < 0.5 else t) for k, t in source_sents]
        else:
            for key, text in rng.sample(source_sents, min(len(source_sents), rng.randint(1, 3))):
                copied = (key, _reword(text) if rng.random() < 0.5 else text)
                keys = [k for k, _ in sentences]
                if key in keys:
                    sentences[keys.index(key)] = copied
                else:
                    sentences.insert(rng.randint(1, len(sentences)), copied)
    paragraphs, para = [], []
    for _, text in sentences:
        para.append(text)
        size = rng.randint(1, 3) if story.words is None else rng.choices((1, 2, 3), (9, 8, 3))[0]
        if len(para) >= size:
            paragraphs.append(" ".join(para))
            para = []
    if para:
        paragraphs.append(" ".join(para))
    # Later articles of a story appear on the same day as the one before them or a day later,
    # at most three days after the first, so a copy never predates its source.
    previous = story.articles[-1]["_day"] if story.articles else 0
    day = 0 if not story.articles else min(3, int(previous) + rng.randint(0, 1))  # type: ignore[call-overload]
    date = story.date + dt.timedelta(days=day)
    title = _fill(rng.choice(spec["title"]), story, numbers, rng, False)
    slug = re.sub(r"[^a-z0-9]+", "-", title.lower()).strip("-")
    domain = re.sub(r"[^a-z]+", "", outlet.lower().removeprefix("the ")) + ".example"
    row: dict[str, object] = {
        "outlet": outlet,
        "date": date.isoformat(),
        "title": title,
        "url": f"https://{domain}/{date:%Y/%m/%d}/{slug}",
        "text": "\n\n".join(paragraphs) + "\n",
        "story": f"story-{story.index:03d}",
        "_sentences": tuple(sentences),
        "_day": day,
    }
    story.articles.append(row)
    return row
