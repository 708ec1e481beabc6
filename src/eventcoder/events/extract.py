"""Candidate events from the dependency parse: triggers, their arguments, modality and attribution.

For every verb and event noun whose lemma is in the trigger lexicon (:mod:`.lexicon`):

* **Arguments.** The actor is the subject (``nsubj``); in the passive the ``by`` agent, with the
  passive subject as recipient; conjoined verbs share their subject; a control verb's complement
  takes its controller ("urged Russia to withdraw": Russia). The recipient comes from the trigger
  row's slots (object, ``on``/``with``/``to``/``against`` objects, the object of a control verb).
  Coordinated actors become lists ("Russia and China" → two entities), never joined codes.
* **Control verbs.** "called on the Russians to withdraw" is REQUEST with the mode that the
  complement gives (withdraw → yield); the complement is the content of the request, not an event.
* **Reporting verbs** ("said", "told", "according to") are attribution, not events: the reported
  clause's event gets ``speaker`` set, and ``quoted`` when its trigger is inside quotation marks.
* **Nominal events**: "a meeting between A and B", "talks with X", "sanctions on B", a light verb
  with an event noun ("attend a signing ceremony", "hold talks"); a nominal event that only refers
  back to another ("It was the first meeting ...") is not a new event, and one attached by
  "since"/"after"/"before" to an event with participants inherits them.
* **Modality**: ``negated`` (not/never, or denied); ``alleged`` (inside an accusation or claim);
  ``future`` (will/shall, or under plan/intend/want/expect); ``hypothetical`` (if/unless, could/might).
  Negated and alleged content of another event is not emitted as its own event.
  PLOVER manual 2.0, §AGREE: a cooperative act (CONSULT, SUPPORT, COOPERATE, AID) reported in the
  future is coded AGREE.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass, field, replace

from spacy.symbols import ADJ, AUX, NOUN, PROPN, VERB

from ..actors.resolve import NON_STATE_CODES, DocActors
from ..article import Entity
from .lexicon import Lexicon, Trigger

#: Verbs whose object is the subject of their "to V" complement (object control).
OBJECT_CONTROL = {
    "urge", "call", "ask", "tell", "order", "press", "force", "invite", "encourage", "persuade", "request",
    "allow", "permit", "warn", "demand", "pressure", "pressurize", "push", "appeal", "implore", "beg",
    "advise", "instruct", "compel", "require", "authorize", "authorise", "help", "convince", "oblige",
    "prompt", "lead", "cause", "spur", "drive", "enable", "provoke", "trigger",
}
#: Verbs that state intent: their complement is a future event.
INTENT = {"plan", "intend", "want", "hope", "seek", "aim", "expect", "prepare", "wish", "schedule",
          "mean", "look", "consider", "decide", "plot", "scheme"}
#: Words of sport matches (with a score like "2-1", they make "beat" and "defeated" no conflict).
SPORT = {"qualifier", "match", "tournament", "championship", "league", "cup", "semifinal", "semi-final",
         "quarterfinal", "goal", "striker", "midfielder", "goalkeeper", "olympics", "medal", "stadium", "fifa",
         "uefa", "playoff", "innings", "wicket", "rugby", "football", "soccer", "cricket", "tennis", "basketball"}
_SCORE = re.compile(r"^\d{1,3}-\d{1,3}$")
_WIN_VERBS = {"beat", "defeat", "thrash", "rout", "crush", "edge", "down", "overcome", "hammer", "trounce", "outplay",
              "eliminate", "knock", "shock", "stun", "upset", "sink", "topple"}
#: Intent verbs that also take another party's act as their complement: a wish or expectation about it.
_WISH = frozenset({"want", "hope", "expect", "wish"})
#: Verbs of weighing an option: what they govern is not decided ("considering sanctions").
DELIBERATION = {"consider", "weigh", "mull", "contemplate", "debate", "discuss", "study", "explore", "eye"}
#: Nouns whose clausal content is alleged (the accused act is not asserted).
ALLEGATION_NOUNS = {"accusation", "allegation", "claim", "charge", "report", "rumor", "rumour", "suspicion"}
#: Nouns introducing a referred-to earlier event ("since talks in Munich").
TEMPORAL_PREPS = {"since", "after", "before", "following", "during", "ahead", "until"}
#: Prepositions that make an event noun a topic ("concern over the attack"), not a reported event.
TOPIC_PREPS = {"against", "about", "over", "regarding", "concerning", "on", "for", "toward", "towards"}
#: Light verbs: their event-noun object carries the event ("attend a ceremony", "hold talks").
LIGHT_VERBS = {"hold", "attend", "have", "conduct", "host", "stage", "launch", "carry", "begin", "start",
               "resume", "join", "open", "sign", "impose", "announce", "order", "take", "make", "give",
               "reach", "conclude", "complete", "continue", "organize", "organise", "lead", "mount",
               "deliver", "provide", "send", "offer", "issue", "lodge", "file", "express", "extend", "undertake",
               "wage", "step", "unleash", "call", "approve"}
_COOPERATIVE = {"CONSULT", "SUPPORT", "COOPERATE", "AID"}
#: Adjectives of intent ("willing to", "ready to"): the complement is an offer (PLOVER manual 2.0, §AGREE).
WILLING = {"willing", "ready", "prepared", "eager", "keen", "determined", "open", "committed"}
#: Nouns for armed forces.
TROOPS = {"troop", "force", "soldier", "military", "army", "unit", "contingent", "peacekeeper", "battalion",
          "brigade", "navy", "warship", "personnel", "platoon", "detachment", "regiment"}
#: Announced future conflictual acts are threats (PLOVER manual 2.0, §THREATEN): type → {mode → threat mode}.
#: Not MOBILIZE: a planned deployment ("plans to deploy troops to Belarus") is future MOBILIZE, no threat to its host.
_THREAT_MODE = {
    "ASSAULT": {"": "violence"},
    "COERCE": {"": "restrict", "arrest": "arrest", "deport": "expel", "seize": "territory"},
    "SANCTION": {"": "relations", "expel": "expel"},
    "PROTEST": {"": None},
}
#: Places and dwellings whose people are civilians when attacked or targeted.
_POPULATED_PLACES = {"town", "village", "city", "home", "house", "neighbourhood", "neighborhood", "district",
                     "settlement", "camp", "area", "suburb", "market", "school", "hospital", "street", "region"}
#: Types whose recipient is never a place named in the clause: meetings happen at a venue, demands and
#: accusations have topics, protests have their own target rule.
_NO_PLACE_RECIPIENT = {"CONSULT", "REQUEST", "ACCUSE", "PROTEST"}
#: Sectors of a state's arms (and a country named as such): their orders are acts of the state.
_STATE_ARMS = {None, "GOV", "MIL", "COP", "JUD", "LEG", "SPY"}
#: Staff whose withdrawal reduces relations rather than retreating (PLOVER manual 2.0, §SANCTION withdraw).
_NON_MILITARY_STAFF = {"peacekeeper", "observer", "monitor", "inspector", "diplomat", "envoy", "ambassador"}
#: Nouns of promises: their "to" phrase names whom the promise was made to.
_PROMISES = {"commitment", "promise", "pledge", "obligation", "vow", "undertaking"}
#: Event nouns whose "of" phrase is the doer ("the withdrawal *of Serbian forces*").
_AGENT_OF_NOUNS = {"withdrawal", "resignation", "departure", "disarmament", "surrender", "pullout", "retreat",
                   "demobilization", "demobilisation", "pull-out"}
#: Nouns of proposals and demands: their "from"/"by" phrase or possessor names whose they are.
_PROPOSALS = {"demand", "request", "call", "offer", "proposal", "appeal", "plan", "invitation", "initiative",
              "ultimatum", "plea", "bid", "resolution", "proposition", "overture"}
#: Verbs whose "in"/"for" phrase is an act their subject takes part in ("engaged in", "gathered for").
_TAKING_PART = {"engage", "involve", "participate", "converge", "gather", "assemble", "join", "mass"}
#: Entity labels whose words name something (an organisation, building, law, work), not an event.
_NAME_LABELS = {"ORG", "FAC", "WORK_OF_ART", "PRODUCT", "LAW"}
#: Parts of speech (spaCy symbol ids) of the tokens that :meth:`Extractor.match` may match: verbs, auxiliaries,
#: nouns, proper nouns, adjectives (participles).
_TRIGGER_POS = frozenset({VERB, AUX, NOUN, PROPN, ADJ})
#: Documents that speak for their authors ("a report alleged", "the statement accused").
_DOCUMENTS = {"report", "statement", "study", "document", "letter", "communique", "resolution", "dossier",
              "investigation", "probe", "inquiry", "audit", "survey", "memo", "paper"}
#: Nouns of demonstrations, whose target is that of the acts done during them.
_DEMONSTRATIONS = {"demonstration", "protest", "rally", "march", "sit-in", "riot"}
#: Nouns of an attempted act ("an *attempt* to assassinate the governor"): CAMEO 1.1b3 185 for killings.
_ATTEMPTS = {"attempt", "bid"}
#: Dependencies of a noun phrase in a clause (not a conjunct the parser took for a verb's).
_NOMINAL_DEPS = {"nsubj", "nsubjpass", "dobj", "pobj", "appos", "attr", "ROOT"}
#: Shares of a population that a poll reports ("77 *percent* of Americans", "a *majority* of Kenyans").
_POLL_SHARES = {"percent", "%", "majority", "plurality", "minority", "proportion", "share", "third", "quarter",
                "fifth", "half", "most"}
#: Types of stance that polls report.
_STANCES = {"SUPPORT", "AGREE", "REJECT", "ACCUSE", "REQUEST"}
#: Participles that tie a ship, aircraft, firm or coalition to a country ("Greek-*flagged*", "Israeli-*owned*",
#: "the US-*led* war"; not "-backed": a sponsor is not the party).
_FLAGGED = {"flag", "flagged", "own", "owned", "register", "registered", "operate", "operated", "lead", "led"}
#: Adjectives of an expletive "it is ... to V" ("it is *hard* to guarantee safety"), unlike "it is *willing* to".
_EXPLETIVE_ADJ = {"hard", "easy", "difficult", "important", "possible", "impossible", "necessary", "essential",
                  "vital", "crucial", "tough", "dangerous", "safe", "wise", "unwise", "illegal", "unfair", "fair",
                  "costly", "expensive", "impractical", "unrealistic", "unreasonable", "reasonable", "useful",
                  "pointless", "critical", "imperative", "urgent"}
#: Sectors of people who are no armed force.
_CIVILIANS = {"CVL", "REF", "LAB", "EDU", "JRN", "MED", "REL", "BUS", "AGR", "ENV"}
#: Mishaps and disasters that kill without an attacker (PLOVER manual 2.0, §ASSAULT needs an actor's force).
_MISHAPS = {"accident", "crash", "collision", "earthquake", "quake", "flood", "flooding", "storm", "hurricane",
            "cyclone", "typhoon", "avalanche", "landslide", "mudslide", "stampede", "heatwave", "tornado",
            "tsunami", "wildfire", "blaze"}
#: Verbs of buying and selling (COOPERATE economic exchange, CAMEO 061/062).
_TRADE_VERBS = {"buy", "purchase", "sell", "acquire"}
#: Verbs of standing a force down (CAMEO 1.1b3 0873).
_STAND_DOWN = {"demobilize", "demobilise", "demobilized", "demobilised"}
#: Verbs of travel whose "for" phrase names the event the travellers go to take part in ("negotiators
#: *return to Geneva for* talks", "the envoy *arrived for* a meeting").
_GOING_FOR = {"arrive", "come", "fly", "go", "head", "return", "travel", "sit", "convene", "reconvene"}
#: Purposes that make a deployment help ("to help the army", "to protect civilians").
_HELP_VERBS = {"help", "assist", "aid", "protect", "support", "train", "bolster", "secure"}
#: Words that make a deployment a peacekeeping one.
_PEACEKEEPING = {"peacekeeping", "peacekeeper", "peace-keeping", "peacekeep"}
#: Adjectives of an attack made in words.
_VERBAL_ADJECTIVES = {"scathing", "verbal", "blistering", "stinging", "withering", "extraordinary", "personal",
                      "bitter", "sharp", "vitriolic", "furious", "rhetorical", "thinly-veiled", "veiled", "fresh"}
#: Resolver rules that mark an entity as a named person.
_PERSON_RULES = ("person", "office holder", "title binding", "apposition")
#: Words that place an "attack" in speech ("telling Obama", "talk shows", "a campaign ad") ...
_SPEECH_CUES = frozenset({"tell", "argue", "criticize", "criticise", "debate", "speech", "interview", "ad",
                          "advertisement", "rhetoric", "tweet", "show", "editorial", "column", "critic", "opponent",
                          "rival", "campaign", "candidate", "nominee", "voter", "senator", "congressman"})
#: ... and words that place it in violence (a fight, a weapon, a casualty, an armed force).
_VIOLENCE_CUES = frozenset({"kill", "wound", "injure", "dead", "die", "death", "bomb", "bombing", "gun", "gunman",
                            "gunfire", "shoot", "shot", "fire", "missile", "rocket", "explosion", "blast", "casualty",
                            "troop", "soldier", "militant", "rebel", "insurgent", "weapon", "knife", "stab",
                            "airstrike", "army", "police", "fighter", "terrorist", "attacker", "victim", "hostage",
                            "shell", "shelling", "raid", "assault", "explode", "grenade", "drone", "strike"})
#: Sectors of people who attack with words: officials, politicians, journalists (not armed, not crowds).
_VERBAL_SECTORS = {"GOV", "ELI", "OPP", "PTY", "LEG", "JRN", "JUD"}
#: Participles tagged as adjectives that report the verb's act ("is opposed to").
PARTICIPLES = {"opposed": "oppose", "committed": "commit"}
#: Weapons that stand as the subject of an attack with no stated perpetrator ("a roadside bomb killed").
WEAPONS = {"bomb", "device", "ied", "mine", "landmine", "rocket", "missile", "shell", "mortar", "grenade", "drone",
           "explosive", "gunfire", "bullet", "projectile", "blast", "explosion", "bombing", "car", "booby"}
#: Armed vehicles and units that name the perpetrator's side in "killed by Israeli *tank* fire".
ARMOUR = {"tank", "artillery", "helicopter", "gunship", "warplane", "jet", "aircraft", "gunboat", "warship",
          "sniper", "troop", "soldier", "force"}
#: Verbs that say an event goes on, starts or grows, with the event noun as subject.
ASPECTUAL = {"continue", "resume", "erupt", "spread", "escalate", "intensify", "rage", "persist", "begin",
             "start", "break", "mount", "grow", "enter"}
#: Nouns that measure an amount of something: "tons of aid", "a batch of vaccines".
MEASURES = {"ton", "tonne", "tons", "tonnes", "worth", "batch", "shipment", "consignment", "load", "amount",
            "quantity", "package", "kilogram", "kg", "litre", "liter", "barrel", "dose", "million", "billion",
            "thousand", "hundred", "lot", "supply", "convoy", "planeload", "truckload", "number", "part", "parts",
            "much", "most", "half", "rest", "swathe", "swath", "portion", "some", "many", "all", "several",
            "dozen", "few", "majority", "series", "couple", "pair", "volley", "salvo", "barrage"}
#: Object nouns that take their meaning from a compound: "mediation efforts", "curfew hours".
_LIGHT_HEADS = {"effort", "hour", "regime", "order", "process"}
#: Nouns that count or group events: the event is their "of" phrase ("a new round of talks").
_ROUNDS = {"round", "series", "wave", "spate", "string", "set", "cycle", "stage", "phase", "day", "week", "month",
           "hour", "year"}
#: Control verbs whose complement did not happen ("failed to reach a deal": a refusal when cooperative).
FAILED = {"fail"}
#: Cooperative or yielding acts whose negation is a refusal (REJECT), with the REJECT mode they give.
_REFUSABLE = {"RETREAT": "yield", "CONCEDE": "yield", "AID": "assist", "COOPERATE": "assist",
              "SUPPORT": None, "AGREE": None, "CONSULT": "meet"}
#: Adverbs that make a report an allegation (PLOVER auxiliary modes: alleged).
_ALLEGED_ADVERBS = {"allegedly", "reportedly", "purportedly", "supposedly", "apparently", "reputedly"}
#: Conflictual event types (PLOVER quads 3 and 4).
_CONFLICT = {"REQUEST", "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"}
#: Sectors of armed actors (PLOVER manual 2.0, §Sector codes): their "attack" is physical.
_ARMED = {"MIL", "REB", "PRM", "UAF", "SPY", "COP", "CRM"}
_HYPOTHETICAL_MARKS = {"if", "unless", "whether"}
#: Subjects that deny the act ("*none* was wounded", "*nobody* was arrested").
_NEGATIVE_SUBJECTS = {"none", "nobody", "nothing", "no-one"}
#: Verbs whose complement did not happen ("pretended to fire", "feigned").
_COUNTERFACTUAL = {"pretend", "feign", "imagine", "dream"}
_HYPOTHETICAL_AUX = {"could", "might", "may"}
_FUTURE_AUX = {"will", "shall", "'ll", "wo"}


@dataclass
class Candidate:
    """An event found in the parse, before dating, placing and scoring.

    ``start``/``end``: character span of the evidence clause; ``sent_index``: sentence number in the doc.
    """

    trigger: object  # spaCy Token
    row: Trigger
    event: str
    mode: str | None
    actor: list[Entity]
    recipient: list[Entity]
    start: int
    end: int
    sent_index: int
    event_text: str
    modality: str = "asserted"
    speaker: Entity | None = None
    quoted: bool = False
    symmetric: bool = False
    rules: list[str] = field(default_factory=list)
    confidence: float = 0.6


#: Verbs whose negation reaches their complement ("did not *go* so far as to call for", "is not *able* to").
_NEGATABLE_HEADS = frozenset({"seem", "appear", "try", "attempt", "manage", "be", "go", "dare", "bother", "care",
                              "able", "need", "mean", "want", "have", "get", "begin", "start", "continue"})

#: Verbs that need an object: with a subject and none, a headline's passive ("Ambassador arrested"), or a
#: conjunct that shares a passive's patient ("were tied to stakes and shot").
_PATIENT_VERBS = frozenset({"arrest", "detain", "jail", "imprison", "execute", "kidnap", "abduct", "expel", "deport",
                            "extradite", "indict", "convict", "sentence", "injure", "wound", "shoot", "behead",
                            "hang", "torture", "sack", "oust", "free", "release", "kill", "murder", "assassinate"})
#: Event nouns whose possessor is the patient ("*Macaire's* arrest", "the journalist's murder").
_PATIENT_NOUNS = frozenset({"arrest", "detention", "release", "execution", "killing", "murder", "assassination",
                            "kidnapping", "abduction", "trial", "conviction", "indictment", "deportation", "expulsion",
                            "extradition", "imprisonment", "jailing", "capture", "sentencing", "ouster", "removal",
                            "beheading", "torture", "death", "sacking", "dismissal"})

#: Verbs of vowing: a vow of force is a threat, of nothing the lexicon codes no promise.
_VOWS = frozenset({"vow", "pledge", "promise", "swear"})
#: Complements that make a vow a threat of force ("vowed to crush the rebels").
_VIOLENT_VOWS = frozenset({"crush", "destroy", "tame", "annihilate", "obliterate", "wipe", "eliminate", "punish",
                           "avenge", "retaliate", "smash", "exterminate", "eradicate", "defeat"})

#: Things counted when a figure is "hit" ("hit 100 cases"), never the target of an attack.
_COUNTED = frozenset({"case", "infection", "point", "percent", "vote", "dollar", "barrel", "ton", "mark", "level",
                      "subscriber", "view", "download", "degree", "mile", "follower", "signature", "sale", "unit"})

#: Verbs that name something by a judgement ("called the probe *a hoax*", "described it *as illegal*").
_NAMING_VERBS = frozenset({"call", "label", "brand", "describe", "characterize", "characterise", "dub", "deem"})
#: Judgements that make a statement about a party a criticism (PLOVER manual 2.0, §ACCUSE disapprove).
_NEGATIVE_JUDGEMENTS = frozenset({
    "hoax", "sham", "farce", "disgrace", "travesty", "violation", "outrage", "lie", "fraud", "scam", "mistake",
    "failure", "disaster", "insult", "crime", "provocation", "atrocity", "betrayal", "embarrassment", "catastrophe",
    "aggression", "liar", "racist", "fiasco", "blunder", "hypocrite", "coward", "traitor", "propaganda",
    "unacceptable", "illegal", "outrageous", "shameful", "disgraceful", "ridiculous", "absurd", "irresponsible",
    "reckless", "unconstitutional", "wrong", "illegitimate", "unlawful", "dishonest", "corrupt", "incompetent",
    "misguided", "naive", "weak", "foolish", "hypocritical", "provocative", "counterproductive", "baseless",
    "pathetic", "appalling", "deplorable", "unjustified", "unfounded", "insulting", "offensive", "inappropriate",
    "extreme", "dangerous", "destabilizing", "destabilising", "hostile", "unfair", "unjust", "cruel", "inhumane",
    "weakness", "affront", "shame", "scandal", "nonsense"})

#: Acts of a party that a judgement criticises even when the party is not named ("called the probe a hoax").
_JUDGED_ACTS = frozenset({"probe", "investigation", "inquiry", "deal", "agreement", "policy", "plan", "decision",
                          "proposal", "law", "bill", "strategy", "program", "programme", "order", "ruling", "move",
                          "action", "ban", "annexation", "election", "referendum", "vote", "war", "invasion"})

#: Cooperative verbs whose compound subject acts together towards a third party, not towards each other.
_ONE_SIDED = frozenset({"offer", "propose", "promise", "pledge", "vow", "praise", "welcome", "support", "back",
                        "endorse", "commend", "urge", "call", "demand", "donate", "send", "provide", "announce"})

#: Verbs that issue a threat ("issued a threat", "renewed its threat to close the strait").
_ISSUING_VERBS = frozenset({"issue", "make", "repeat", "renew", "carry", "deliver", "voice", "send", "level",
                            "follow", "escalate", "step", "reiterate", "back", "announce", "post", "tweet"})

#: Market words that are the subject of verbs of movement, never actors ("the index retreated").
_MARKET_WORDS = frozenset({"index", "market", "stock", "share", "price", "dollar", "euro", "yen", "yuan", "currency",
                           "bond", "yield", "gold", "rate", "nasdaq", "dow", "inflation"})

#: Verbs of travel: a visit only when officials travel (PLOVER manual 2.0, §CONSULT visit).
_TRAVEL_VERBS = frozenset({"travel", "go", "fly", "head", "arrive", "return", "come", "journey", "trip"})
_OFFICIAL_SECTORS = frozenset({"GOV", "LEG", "MIL", "ELI", "JUD", "OPP", "PTY", "COP", "SPY", "IGO"})

#: Verbs that end an act named by their -ing complement ("stopped fighting", "refrained from attacking").
_STOPPING = frozenset({"stop", "cease", "halt", "quit", "end", "suspend", "refrain", "finish", "discontinue"})

#: Verbs whose active use puts the object before this preposition ("accused *Iran* of", "charged *him* with"):
#: with a subject, the preposition and no object they are a reduced passive ("officials accused of X").
_OBJECT_FIRST = {"accuse": "of", "suspect": "of", "convict": "of", "charge": "with"}

#: CAMEO 1.1b3 codes of an expressed intent to yield, by RETREAT mode (035x "express intent to ...").
_INTENT_TO_YIELD = {"release": "0353", "withdraw": "0356", "ceasefire": "0356", "disarm": "0356",
                    "access": "0355"}
#: Codes that name no state or territory.
#: Verbs of killing: a crowd that kills commits an assault, not only a riot.
_LETHAL = frozenset({"kill", "murder", "lynch", "behead", "execute", "shoot", "stab", "slaughter", "massacre"})
#: Nouns for crowds whose violence is rioting (CAMEO 1.1b3 145).
_CROWDS = frozenset({"protester", "protestor", "demonstrator", "rioter", "mob", "crowd"})
#: Nouns for the parts and kinds of a named group ("the UNITA militarist *wing*", "the Islamic Jihad *movement*").
_GROUP_NOUNS = frozenset({"movement", "wing", "faction", "group", "organisation", "organization", "front", "splinter"})
#: Measures a state or body imposes and lifts ("UN sanctions were lifted": the UN lifted them).
_MEASURE_NOUNS = frozenset({"sanction", "embargo", "ban", "blockade", "curfew", "restriction", "tariff", "siege",
                            "boycott", "moratorium"})
#: Verbs of perceiving or telling an event: their subject is neither its doer nor its target.
_WITNESS_VERBS = frozenset({"witness", "see", "watch", "hear", "film", "photograph", "describe", "recall",
                            "remember", "recount", "mourn", "commemorate", "cover", "document", "handle",
                            "mishandle", "prevent", "investigate", "probe", "show", "depict", "simulate", "portray",
                            "predict", "foresee"})
#: Verbs of undergoing an act: their subject is its target ("survived the bombing", "fleeing persecution",
#: "received threats").
_VICTIM_VERBS = frozenset({"survive", "suffer", "endure", "escape", "sustain", "face", "flee", "receive", "draw",
                           "earn", "attract", "incur"})
#: Modifiers of an event noun that make it unreal or not yet real (PLOVER auxiliary modes).
_UNREAL_MODS = frozenset({"proposed", "possible", "potential", "prospective", "hypothetical", "would-be",
                          "threatened", "mooted", "contemplated", "rumoured", "rumored"})
_PLANNED_MODS = frozenset({"planned", "scheduled", "upcoming", "forthcoming", "expected", "intended"})
#: Verbs of getting something from another party ("*extracted* concessions", "*won* support from X").
_GETTING_VERBS = frozenset({"extract", "wrest", "win", "obtain", "gain", "get", "wring", "secure"})
#: Verbs of harm whose present participle after an attack tells its toll ("shelled the city, *killing* 20").
_TOLL_VERBS = frozenset({"kill", "wound", "injure", "maim", "hurt"})


class Extractor:
    """Finds candidate events in a parsed document.

    Args:
        doc: spaCy ``Doc``; actors: the document's :class:`DocActors`; lexicon: the trigger lexicon;
        quote_spans: character spans ``[(start, end)]`` inside quotation marks; skip: token indices to ignore.
    """

    def __init__(self, doc, actors: DocActors, lexicon: Lexicon, quote_spans: list[tuple[int, int]],
                 skip: set[int]):
        self.doc = doc
        self.actors = actors
        self.lex = lexicon
        self.quotes = quote_spans
        self.skip = skip
        self.sent_index = {}
        control = lexicon.control_verbs
        for n, s in enumerate(doc.sents):
            for t in s:
                self.sent_index[t.i] = n
                if t.dep_ == "advcl" and t.i >= 2 and t.head.i == t.i - 2 and doc[t.i - 1].lower_ == "to" \
                        and t.head.lemma_.lower() in control:
                    # "the rebels have sworn *to fight*": the small parser hangs a control verb's "to V"
                    # right after it as an adverbial clause; it is the verb's complement
                    t.dep_ = "xcomp"

    # -- matching --------------------------------------------------------------------------------------
    def match(self, tok) -> Trigger | None:
        """The most specific lexicon row whose conditions ``tok`` meets, or None."""
        lemma = tok.lemma_.lower()
        if tok.pos_ in ("VERB", "AUX"):
            pos = "VERB"
            lemma = PARTICIPLES.get(tok.lower_, lemma) if lemma == tok.lower_ else lemma
        elif tok.pos_ in ("NOUN", "PROPN"):
            pos = "NOUN"
        elif tok.pos_ == "ADJ" and tok.lower_ in PARTICIPLES and tok.dep_ in ("acomp", "ROOT"):
            pos, lemma = "VERB", PARTICIPLES[tok.lower_]  # "Israel is *opposed* to French mediation"
        else:
            return None
        rows = self.lex.candidates(lemma, pos)
        if not rows and pos == "NOUN" and tok.lower_ != lemma:
            rows = self.lex.candidates(tok.lower_, pos)
        if tok.dep_ == "acl" and tok.tag_ == "VBN" and _child(tok, "dobj") is None:
            # "a video *released* by the group": the modified noun is the participle's object, and it may be
            # one that blocks the verb
            head = tok.head.lemma_.lower()
            for row in rows:
                if row.event in ("NONE", "REPORT") and any(k == "obj" and head in v for k, v in row.requires):
                    return row
        for row in rows:
            if all(self._holds(tok, k, v) for k, v in row.requires):
                return row
        return None

    def _holds(self, tok, kind: str, values: frozenset[str]) -> bool:
        kids = list(tok.children)
        if kind == "prt":  # spaCy also tags particles as advmod or prep ("stepped down", "pulled out"), but a
            # preposition with an object is none ("let free activists *in the face of* protests")
            return any(c.dep_ in ("prt", "advmod", "prep") and c.lower_ in values
                       and not (c.dep_ == "prep" and _child(c, "pobj") is not None) for c in kids)
        if kind == "prep":
            if any(c.dep_ in ("prep", "agent", "dative", "prt") and c.lower_ in values and not _temporal(c)
                   for c in kids):
                return True
            for c in kids:  # "pulled out *of*": the preposition under the particle
                if c.dep_ in ("prt", "advmod") and any(g.dep_ == "prep" and g.lower_ in values for g in c.children):
                    return True
                if c.dep_ == "advcl" and "for" in values and any(m.dep_ == "mark" and m.lower_ == "for"
                                                                 for m in c.children):
                    return True  # "called *for* Rice to resign": the preposition marks a clause
            obj = _child(tok, "dobj")  # "placed the blame on X", "pushed the case for Y"
            return obj is not None and any(c.dep_ == "prep" and c.lower_ in values for c in obj.children)
        if kind == "obj":
            objs = [c for c in kids if c.dep_ in ("dobj", "nsubjpass", "attr", "oprd")]
            if not objs and tok.dep_ == "relcl" and not any(c.dep_ == "nsubj" and c.tag_ in ("WDT", "WP")
                                                            for c in kids):
                objs = [tok.head]  # "the balance *it strikes*", "the deal they struck": the modified noun
            if not objs:  # control verbs: "allowed *convoys* to enter" parses the object as the clause subject
                comp = _complement(tok)
                if comp is not None:
                    objs = [c for c in comp.children if c.dep_ == "nsubj"]
            if "*" in values:
                return bool(objs)
            objs += [c for o in objs for c in o.children if c.dep_ == "conj"]  # "photographs and *intelligence*"
            # "25,000 tons *of food aid*", "$50,000 worth *of goods*": the measured noun is the object
            objs += [m for o in objs if (m := _measured(o)) is not o]
            # "ended *mediation* efforts", "eased *curfew* hours": the compound names the thing
            objs += [c for o in objs if o.lemma_.lower() in _LIGHT_HEADS for c in o.children if c.dep_ == "compound"]
            return any(o.lemma_.lower() in values or o.lower_ in values for o in objs) or (
                "money" in values and tok.lemma_.lower() in ("release", "disburse", "allocate", "unfreeze", "transfer")
                and any(o.ent_type_ == "MONEY" for o in objs))  # "released *$221 million*" (not a donor's "gave $33,000")
        if kind == "xcomp":  # a "to V" complement only ("allow refugees to return" is parsed ccomp); "warned
            # that ..." is no control verb
            return any((c.dep_ == "xcomp" or (c.dep_ == "ccomp" and _to_infinitive(c)))
                       and c.pos_ in ("VERB", "AUX") and (not values or c.lemma_.lower() in values) for c in kids)
        if kind == "mod":  # the word's own modifiers, or its object's ("staged a *joint* exercise")
            objs = [c for c in kids if c.dep_ == "dobj"] if tok.pos_ in ("VERB", "AUX") else []
            return any(c.dep_ in ("compound", "amod", "nmod", "npadvmod", "advmod")
                       and (c.lemma_.lower() in values or c.lower_ in values)
                       for c in kids + [g for o in objs for g in o.children])
        if kind == "pred":  # a predicative complement: "found the party *guilty*"
            return any(c.dep_ in ("ccomp", "xcomp", "oprd", "acomp") and ("*" in values or c.lemma_.lower() in values)
                       for c in kids)
        if kind == "purpose":  # a "to V" purpose or complement: "gathered *to watch* the fireworks"
            return any(c.dep_ in ("advcl", "xcomp") and _to_infinitive(c) and c.lemma_.lower() in values for c in kids)
        if kind == "opobj":  # the object of its object's preposition: "took control *of the Senate*"
            obj = _child(tok, "dobj")
            return obj is not None and any(c.dep_ == "prep" and any(
                g.dep_ == "pobj" and g.lemma_.lower() in values for g in c.children) for c in obj.children)
        if kind == "cpobj":  # the object of its complement's preposition: "refused to respond *to a demand*"
            comp = _complement(tok)
            return comp is not None and self._holds(comp, "pobj", values)
        if kind == "pobj":  # the object of one of its prepositions: "used civilians *as human shields*"
            return any(c.dep_ in ("prep", "agent") and not _temporal(c) and any(
                g.dep_ == "pobj" and g.lemma_.lower() in values for g in c.children) for c in kids)
        if kind == "head":  # a noun governed by one of these verbs: "took to the streets", "staged a strike",
            # or modified by their participle: "a strike *called* by the unions"
            v = _governing_verb(tok)
            return (v is not None and v.lemma_.lower() in values) or any(
                c.dep_ == "acl" and c.tag_ == "VBN" and c.lemma_.lower() in values for c in kids)
        if kind == "noneg":
            return not any(c.dep_ == "neg" for c in kids)
        return False

    # -- main loop -------------------------------------------------------------------------------------
    def run(self) -> list[Candidate]:
        """All candidate events of the document, in text order (negated ones included, marked)."""
        from spacy.attrs import POS

        out: list[Candidate] = []
        consumed: set[int] = set()
        for i, pos in enumerate(self.doc.to_array(POS).tolist()):
            # only verbs, nouns and adjectives match a trigger (match), allege or oblige: the others are
            # skipped from the part-of-speech array, without making Token objects
            if pos not in _TRIGGER_POS or i in self.skip or i in consumed:
                continue
            tok = self.doc[i]
            ent = self.actors.ent_of.get(tok.i)
            if ent is not None and ent.label_ in _NAME_LABELS and len(ent) > 1 and tok.pos_ in ("NOUN", "PROPN"):
                continue  # "US *Border Patrol*", "Human Rights *Watch*": a word of a name, not an event
            row = self.match(tok)
            if (row is None or row.event == "REPORT") and self.lex.reporting.get(tok.lemma_.lower()) == "allege" \
                    and tok.pos_ == "VERB":
                cand = self._allegation(tok)
                if cand is not None:
                    out.append(cand)
                continue
            if row is None and tok.pos_ in ("VERB", "AUX") and any(
                    c.dep_ == "aux" and c.lower_ in ("must", "should") for c in tok.children):
                cand = self._obligation(tok)
                if cand is not None:
                    out.append(cand)
                continue
            if tok.pos_ == "VERB" and (
                    (tok.lemma_.lower() in _NAMING_VERBS and (row is None or row.event == "NONE" or row.mode == "phone"))
                    or (self.lex.reporting.get(tok.lemma_.lower()) == "report" and (row is None or row.event == "REPORT"))):
                cand = self._judgement(tok)
                if cand is not None:
                    out.append(cand)
                    continue
            if row is None or row.event in ("REPORT", "NONE"):
                continue
            if row.pos == "VERB":
                cand = self._verb_event(tok, row, consumed)
            else:
                cand = self._noun_event(tok, row)
            if cand is not None:
                out.append(cand)
        return self._drop_held_before_release(
            self._drop_sport(self._one_attack(self._drop_purposes(self._drop_protest_purposes(out)))))

    def _drop_held_before_release(self, cands: list[Candidate]) -> list[Candidate]:
        """The detention of people whose release the sentence reports is their background, not a second event:
        "released the mayor of Nablus, a Hamas member *jailed* over a year ago", "the civilians *imprisoned*
        for acting against Moscow were released". The PLOVER manual 2.0 (§RETREAT, release) codes the
        release; the arrest it ends happened earlier and is told as a property of the released. A COERCE
        arrest candidate whose trigger is a participle or relative clause (acl, relcl) of a released noun
        (the object or passive subject of a release, an apposition or conjunct of it, or "the release *of*
        X") is dropped."""
        released: set[int] = set()
        for c in cands:
            if (c.event, c.mode) != ("RETREAT", "release"):
                continue
            t = c.trigger
            nouns = [x for x in t.children if x.dep_ in ("dobj", "nsubjpass")] + [
                x for p in t.children if p.dep_ == "prep" and p.lower_ == "of" for x in p.children if x.dep_ == "pobj"]
            while nouns:
                n = nouns.pop()
                if n.i not in released:
                    released.add(n.i)
                    nouns.extend(x for x in n.children if x.dep_ in ("appos", "conj"))
                    # "the mayor of Jenin, a Hamas member jailed ...": the parser hangs the apposition on the
                    # of-phrase
                    nouns.extend(a for p in n.children if p.dep_ == "prep" and p.lower_ == "of"
                                 for x in p.children if x.dep_ == "pobj" for a in x.children if a.dep_ == "appos")
        release_verbs = {c.trigger.i for c in cands if (c.event, c.mode) == ("RETREAT", "release")}
        if not release_verbs:
            return cands

        def misparsed_participle(t) -> bool:
            # "The civilians imprisoned for ... were released": the parser made the participle the main verb
            # and the passive release its conjunct, which then has no subject of its own
            return _child(t, "dobj") is None and any(
                x.dep_ == "conj" and x.i in release_verbs and _child(x, "auxpass") is not None
                and _child(x, "nsubjpass") is None and _child(x, "nsubj") is None for x in t.children)

        return [c for c in cands if not (
            (c.event, c.mode) == ("COERCE", "arrest") and (
                (c.trigger.dep_ in ("acl", "relcl") and c.trigger.head.i in released)
                or (c.trigger.dep_ == "advcl" and c.trigger.tag_ == "VBN" and c.trigger.head.i in release_verbs)
                or misparsed_participle(c.trigger)))]  # ("*Arrested* in 2010, the activist was released")

    def _one_attack(self, cands: list[Candidate]) -> list[Candidate]:
        """An attack's toll told in a participle clause ("rebels shelled Juba, *killing* about 20 people", "the
        camp was attacked by militiamen, *killing* 156 people") is the same attack, not a second one: the
        PLOVER manual 2.0 (§ASSAULT) codes an attack once, and its casualties are a property of it. A
        candidate whose trigger is a present participle of a harm verb in an adverbial clause of an ASSAULT
        candidate's trigger, with no actor the attack lacks, is dropped; its victims become the attack's
        recipients when the attack names none. Likewise the acts a riot is told through ("prisoners
        rioted, *setting fire* to their mattresses", CAMEO 1.1b3 145)."""
        by_trigger = {c.trigger.i: c for c in cands if c.event == "ASSAULT" or (c.event, c.mode) == ("PROTEST", "riot")}
        # "Russia's *attack* on Ukraine *killed* thousands": the attack noun is the subject of its toll verb, one
        # attack; the verb's event keeps the noun's target as recipient
        means = {}
        for c in cands:
            subj = _child(c.trigger, "nsubj") if c.event == "ASSAULT" and c.trigger.pos_ == "VERB" else None
            if subj is not None and subj.i in by_trigger and by_trigger[subj.i] is not c:
                means[subj.i] = c
        for i, verb_cand in means.items():
            noun_cand = by_trigger[i]
            if _codes(noun_cand.actor) != _codes(verb_cand.actor):
                continue
            if noun_cand.recipient:
                verb_cand.recipient = noun_cand.recipient
                verb_cand.rules.append(f"recipient: the target of '{noun_cand.trigger.text}', the same attack")
            if noun_cand.mode and not verb_cand.mode:  # "an *air strike* ... killed": the means says how
                verb_cand.mode, verb_cand.row = noun_cand.mode, noun_cand.row
        keep = []
        for c in cands:
            t = c.trigger
            if t.i in means and _codes(c.actor) == _codes(means[t.i].actor):
                continue
            host = by_trigger.get(t.head.i) if t.dep_ == "advcl" and t.head.i != t.i else None
            # a riot's own acts ("prisoners rioted, *setting fire* to mattresses") are the riot
            part = host is not None and (t.lemma_.lower() in _TOLL_VERBS or host.event == "PROTEST")
            if (part and host is not c and c.event in ("ASSAULT", "PROTEST") and t.tag_ == "VBG"
                    and {e.code for e in c.actor} <= {e.code for e in host.actor}):
                if c.recipient and not host.recipient:
                    host.recipient = c.recipient
                    host.rules.append(f"recipient: the toll of the attack '{t.text} {c.recipient[0].entity_text}'")
                else:
                    host.rules.append(f"toll '{t.text}' is the same attack")
                continue
            keep.append(c)
        return keep

    def _drop_sport(self, cands: list[Candidate]) -> list[Candidate]:
        """Sport is not conflict: "Brazil beat Argentina 1-0 in a World Cup qualifier" has no ASSAULT. A
        conflictual candidate of a verb of winning whose sentence has a score ("1-0") or a sports word
        is dropped."""
        keep = []
        for c in cands:
            if c.event in ("ASSAULT", "COERCE", "THREATEN") and c.trigger.lemma_.lower() in _WIN_VERBS and any(
                    _SCORE.match(t.text) or t.lemma_.lower() in SPORT for t in c.trigger.sent):
                continue  # only verbs of winning: "a bomb at a football stadium" is still an attack
            keep.append(c)
        return keep

    def _drop_purposes(self, cands: list[Candidate]) -> list[Candidate]:
        """An act's purpose clause ("visited Dakar *to mediate*", "telephoned Kozyrev *to discuss*",
        "offered troops *to help* him") says what the act is for, not that a second act happened: a
        candidate whose trigger is a to-infinitive adverbial clause of another candidate's trigger is
        dropped when both have the same actor, unless it is a use of force ("opened fire to disperse")."""
        by_trigger = {c.trigger.i: c for c in cands}
        keep = []
        for c in cands:
            t = c.trigger
            if t.pos_ == "NOUN" and t.dep_ == "dobj" and t.head.dep_ == "advcl" and _to_infinitive(t.head) \
                    and t.head.head.i in by_trigger:
                t = t.head  # "will meet in Minsk *to continue talks*": the talks are the meeting's purpose
            host = by_trigger.get(t.head.i) if t.dep_ == "advcl" and t.head.i != t.i else None
            if c.event in ("ASSAULT", "COERCE"):
                host = None  # "opened fire to disperse the crowd": force used for a purpose is itself an act
            purpose = _to_infinitive(t)
            same = host is not None and t.tag_ == "VBG" and host.event == c.event  # "called X, discussing ..."
            if host is not None and host is not c and (purpose or same) and \
                    {e.code for e in c.actor} <= {e.code for e in host.actor}:
                continue
            keep.append(c)
        return keep

    def _drop_protest_purposes(self, cands: list[Candidate]) -> list[Candidate]:
        """A demand or complaint that is the purpose of a protest ("staged a hunger strike *to demand*
        reforms", "blocked roads *demanding* his return", "marched *to protest* the law") is what the
        protest is about, not a second event (PLOVER manual 2.0, §PROTEST: the protest is coded)."""
        protests = {c.trigger.i for c in cands if c.event == "PROTEST"}
        if not protests:
            return cands
        hosts = set(protests)
        for c in cands:  # "staged demonstrations", "began a hunger strike": the verb hosting a protest noun
            if c.event == "PROTEST" and c.trigger.dep_ in ("dobj", "pobj", "nsubj"):
                hosts.add(c.trigger.head.i)
                if c.trigger.head.dep_ == "prep":
                    hosts.add(c.trigger.head.head.i)
        keep = []
        for c in cands:
            if c.event in ("REQUEST", "ACCUSE") and c.trigger.i not in protests:
                t, purpose = c.trigger, False
                for _ in range(3):
                    said = t.dep_ == "ccomp" and t.head.tag_ == "VBG"  # "staged rallies, *saying he must resign*"
                    if (t.dep_ not in ("advcl", "xcomp", "acl", "conj", "pcomp", "prep") and not said) \
                            or t.head.i == t.i:
                        break
                    t = t.head
                    if t.i in hosts:
                        purpose = True
                        break
                if purpose:
                    continue
            keep.append(c)
        return keep

    # -- verbs -----------------------------------------------------------------------------------------
    def _verb_event(self, tok, row: Trigger, consumed: set[int]) -> Candidate | None:
        rules = [row.describe()]
        if row.event == "SUPPORT" and tok.tag_ == "VBN" and (tok.dep_ == "acl" or (
                tok.dep_ == "relcl" and _child(tok, "auxpass") is not None)):
            # "government forces *backed by* Russian warplanes", "the army, which is backed by US troops": who
            # the forces are, not an act
            return None
        # light verb + event noun object: the noun's row decides the event when more specific
        obj = _child(tok, "dobj")
        if obj is not None and obj.lemma_.lower() in _ROUNDS:  # "began a new round *of* joint exercises"
            inner = next((x for c in obj.children if c.dep_ == "prep" and c.lower_ == "of"
                          for x in c.children if x.dep_ == "pobj"), None)
            obj = inner if inner is not None else obj
        if obj is not None and tok.lemma_.lower() in LIGHT_VERBS and not row.requires:
            nrow = self.match(obj)
            if nrow is not None and nrow.event not in ("REPORT", "NONE"):
                consumed.add(obj.i)
                row = nrow
                rules.append(f"light verb '{tok.lemma_}' + {nrow.describe()}")
        if self._is_content_of_event(tok):
            return None
        if row.mode == "convict" and any(c.dep_ in ("ccomp", "xcomp", "oprd", "acomp") and c.lemma_.lower() in (
                "guilty", "liable", "culpable") and _child(c, "neg") is not None for c in tok.children):
            # "found Zimmerman *not guilty*": an acquittal (PLOVER manual 2.0, §CONCEDE: "formal pardons,
            # acquittals, and amnesties ... should be coded as CONCEDE"), as the lexicon codes "acquit"
            rules.append("found not guilty: an acquittal, CONCEDE (PLOVER manual 2.0, §CONCEDE)")
            row = replace(row, event="CONCEDE", mode=None, cameo="080")
        if row.event == "THREATEN" and tok.lemma_.lower() in ("warn", "caution") and any(
                c.dep_ == "ccomp" and (c.tag_ == "VBD" or any(a.dep_ == "aux" and a.lower_ in ("has", "have", "had")
                                                             for a in c.children))
                and not any(a.dep_ == "aux" and a.tag_ == "MD" for a in c.children) for c in tok.children):
            return None  # "Rogers warned the indecisiveness ... *gave* the advantage to Putin": a warning about what
            # happened is a judgement, no threat (PLOVER manual 2.0, §THREATEN: a future act of the actor's)
        if row.event == "AGREE" and tok.lemma_.lower() in ("agree", "concur") and any(
                c.dep_ == "ccomp" and not _to_infinitive(c) for c in tok.children) and not any(
                c.dep_ in ("xcomp", "prep", "dobj") for c in tok.children):
            return None  # "Graham agreed that the bill lacks the votes": sharing an opinion, no agreement (§AGREE)
        if tok.lemma_.lower() in ("retaliate", "respond", "react", "reply", "hit") and any(
                p.dep_ == "prep" and p.lower_ == "by" and any(
                    g.dep_ == "pcomp" and (r2 := self.match(g)) is not None and r2.event not in ("REPORT", "NONE")
                    for g in p.children) for p in tok.children):
            return None  # "Beijing retaliated *by raising duties*": the act named after "by" is the event
        if row.event == "CONCEDE" and tok.lemma_.lower() == "regret" and any(c.dep_ == "ccomp" for c in tok.children):
            return None  # "China regrets that it will have to take countermeasures": no apology (§CONCEDE)
        if row.event in _STANCES and re.search(r"^\D{0,40}?\b\d{1,3} ?[-–] ?\d{1,3}\b", self.doc[tok.i + 1: tok.i + 8].text):
            return None  # "Republicans support the cutoff 71-25": a poll's split, no act
        if tok.lemma_.lower() == "seize" and obj is None and _child(tok, "nsubjpass") is None and any(
                c.dep_ == "prep" and c.lower_ in ("on", "upon") for c in tok.children):
            return None  # "Trump has seized on Clinton-era policies": took up an argument, no seizure
        if row.event == "CONCEDE" and tok.lemma_.lower() in ("concede", "admit", "acknowledge") and any(
                c.dep_ == "ccomp" for c in tok.children):
            return None  # "he conceded that challenges remain": granting a point, no concession (§CONCEDE)
        if row.event == "AGREE" and tok.lemma_.lower() in _VOWS and (
                comp := _complement(tok)) is not None and getattr(self.match(comp), "event", None) == "NONE":
            return None  # "vowed to burn the midnight oil": the lexicon rules the complement out, nothing promised
        if row.event == "AGREE" and tok.lemma_.lower() in _VOWS and (
                cc := next((c for c in tok.children if c.dep_ == "ccomp"), None)) is not None and (
                (r := self.match(cc)) is not None and r.event == "ASSAULT" or cc.lemma_.lower() in _VIOLENT_VOWS):
            # "Trump vowed that ... the U.S. would target sites", "Tehran vowed it would retaliate": a threat
            rules.append(f"vow that one would '{cc.lemma_}': a threat of force (PLOVER manual 2.0, §THREATEN)")
            row = replace(row, event="THREATEN", mode="violence", cameo="138", recipient=("obj",))
            tok_for_recipient = cc
        elif row.event == "AGREE" and tok.lemma_.lower() in _VOWS and (
                comp := _complement(tok)) is not None and self.match(comp) is None and (
                comp.lemma_.lower() in _VIOLENT_VOWS or any(
                    p.dep_ == "prep" and p.lower_ == "with" and any(g.lemma_.lower() in ("fire", "force", "fury")
                                                                   for g in p.children) for p in comp.children)
                or any(c.dep_ == "dobj" and c.lemma_.lower() in ("fire", "fury", "force", "war", "destruction",
                                                                  "retaliation", "revenge", "vengeance", "hell")
                       for c in comp.children)):  # ("pledged to unleash *fire and fury* on North Korea")
            # "vowed to *tame* the US dotard *with fire*", "vowed to crush the rebels": a threat (§THREATEN)
            rules.append(f"vow to '{comp.lemma_}': a threat of force (PLOVER manual 2.0, §THREATEN)")
            row = replace(row, event="THREATEN", mode="violence", cameo="138", recipient=("obj",))
            tok_for_recipient = comp
        else:
            tok_for_recipient = None
        if row.event in ("COERCE", "ASSAULT") and obj is None and _child(tok, "nsubjpass") is None and \
                tok.dep_ not in ("acl", "relcl") and any(c.dep_ == "ccomp" and c.i > tok.i for c in tok.children):
            return None  # "the BBC rounds up *what officials said*": force is used on people, not on a clause
        stopper = tok.head if tok.dep_ in ("xcomp", "dobj", "pcomp") and tok.tag_ == "VBG" else None
        if stopper is not None and tok.dep_ == "pcomp":
            stopper = stopper.head if stopper.lower_ == "from" else None  # "refrained *from* attacking"
        if stopper is not None and stopper.lemma_.lower() in _STOPPING and not any(
                c.dep_ in ("prt", "advmod") and c.lower_ == "up" for c in stopper.children):  # ("ended up expelling")
            # "they have stopped fighting", "refrained from attacking": the act is what ends, no act of its own;
            # ending a fight is a ceasefire (PLOVER manual 2.0, §RETREAT ceasefire; CAMEO 1.1b3 0871)
            if row.event in ("COOPERATE", "AID") and stopper.lemma_.lower() != "refrain":
                # "China may stop purchasing US farm goods": ending trade or aid (PLOVER manual 2.0, §SANCTION
                # discontinue; CAMEO 1.1b3 162 stop material aid, 163 embargo or boycott)
                rules.append(f"'{stopper.text} {tok.text}': ending cooperation, SANCTION/discontinue")
                row = replace(row, event="SANCTION", mode="discontinue", cameo="162" if row.event == "AID" else "163")
            elif row.event != "ASSAULT" or stopper.lemma_.lower() == "refrain":
                return None
            else:
                rules.append(f"'{stopper.text} {tok.text}': ending the fight, RETREAT/ceasefire (PLOVER manual 2.0, §RETREAT)")
                row = replace(row, event="RETREAT", mode="ceasefire", cameo="0871", recipient=("recip",) + row.recipient)
        if tok.dep_ == "acl" and tok.head.lemma_.lower() in _ATTEMPTS and row.event == "ASSAULT" and \
                tok.lemma_.lower() in ("assassinate", "kill", "murder"):
            row = replace(row, cameo="185")  # CAMEO 1.1b3 185: attempt to assassinate
        actor_tok, passive = self.subject(tok)
        if tok.lemma_.lower() == "strike" and any(
                p.dep_ == "prep" and p.lower_ == "with" and any(g.dep_ == "pcomp" for g in p.children)
                for p in tok.children) and any(c.dep_ in ("nsubj", "nsubjpass") and c.tag_ == "PRP" for c in tok.children):
            return None  # "I am really *struck with* how the Republicans behaved": an impression
        if actor_tok is not None and actor_tok.lemma_.lower() in _MARKET_WORDS and passive is None:
            return None  # "the index *retreated* on Monday", "the dollar fell": a market moves, no one acts
        if tok.lemma_.lower() == "blame" and tok.dep_ == "xcomp" and tok.head.lemma_ == "be" and passive is None:
            if _child(tok.head, "neg") is not None:
                return None  # "sanctuary cities *aren't to blame*": a defence, no accusation
            # "telling voters that the EPA *is to blame*": the speaker blames the subject (§ACCUSE)
            actor_tok, passive = self._reporting_subject(tok), actor_tok
            rules.append("'is to blame': the speaker blames the subject")
        actors = self._entities(actor_tok)
        if not actors and row.event in ("ACCUSE", "REQUEST", "REJECT", "THREATEN", "SUPPORT"):
            actors = self._document_author(actor_tok)  # "a report *by Human Rights Watch* accused ..."
        if actors and actor_tok is not None and actor_tok.lower_ in ("it", "they") and actor_tok.dep_ == "nsubj":
            # "Berlin rejected the calls, saying *it* was withholding aid": the subject pronoun of a reported
            # clause is its speaker, not the nearest name ("Belarus")
            speaker = self._reporting_subject(tok)
            said = self._entities(speaker) if speaker is not None and speaker.pos_ != "PRON" else []
            if said and _codes(said) != _codes(actors) and all(e.sector in (None, "GOV") for e in said):
                actors = said
                rules.append(f"'{actor_tok.text}' in a clause reported by '{speaker.text}': the speaker")
        if not actors and passive is not None:
            actors = self._instrument_actor(tok, rules)
        if not actors and passive is None and actor_tok is not None and row.event == "ASSAULT":
            actors = self._means_owner(actor_tok)  # "an air strike *launched by Israel* killed three people"
            if actors:
                rules.append(f"actor from the means of the attack '{actor_tok.text}'")
        if not actors and passive is not None and row.event in ("MOBILIZE", "AID") and (
                passive.lemma_.lower() in TROOPS | _PEACEKEEPING):
            # "2,000 Russian soldiers were deployed to X": forces sent by no named deployer act for their side
            actors, passive = self._entities(passive), None
            if actors:
                rules.append("forces deployed with no stated deployer: the forces' own side")
        if not actors and passive is not None and (row.event, row.mode) == ("RETREAT", "disarm") and \
                tok.lemma_.lower() in _STAND_DOWN:
            # "a third of the guerrillas have been demobilized": a force stood down with no one named doing it
            # stands itself down (CAMEO 1.1b3 0873, demobilize armed forces, is the force's own side's act)
            patients = self._entities(passive) or self._inner_entities(passive, [])
            if patients and all(e.sector in _ARMED for e in patients):
                actors, passive = patients, None
                rules.append("force demobilized with no stated agent: the force itself")
        owned = False  # "UN sanctions against Iran were lifted", "Israel's blockade was eased": its owner acts
        if not actors and passive is not None and passive.lemma_.lower() in _MEASURE_NOUNS:
            actors = [e for c in passive.children if c.dep_ in ("poss", "compound") for e in self._entities(c)]
            owned = bool(actors)
            if owned:
                rules.append(f"actor: the owner of the measure '{passive.text}'")
        if row.event == "ASSAULT" and row.mode == "explosives" and _child(tok, "dobj") is None and passive is None \
                and actor_tok is not None and actor_tok.pos_ == "PRON" and tok.lemma_.lower() in ("blow", "explode"):
            # "minor wounds when *it* blew up": the device went off; its owner is not named
            rules.append("device blew up: unidentified attackers (UAF)")
            actors = [Entity("unidentified attackers", code="UNK", sector="UAF", start=tok.idx, end=tok.idx + len(tok),
                             rule="no stated agent")]
        if not actors:
            actors = self._unstated_agent(tok, row, actor_tok, passive, rules)
        if not actors:
            actors = self._unresolved(actor_tok, rules)
        if not actors and actor_tok is not None and actor_tok.lower_ in ("it", "they", "he", "she"):
            # "Action Against Hunger says *it* is providing food": the speaker the pronoun stands for, kept
            # as UNK when nothing resolves it
            speaker = self._reporting_subject(tok)
            actors = self._unresolved(speaker, rules) if speaker is not None and not self._entities(speaker) else []
        if row.event == "ASSAULT" and (
                any(c.dep_ == "dobj" and c.pos_ == "NUM" for c in tok.children)
                or any(c.dep_ == "prep" and c.lower_ in ("to", "from", "by") and any(
                    x.pos_ == "NUM" or any(n.dep_ == "nummod" for n in x.children) for x in c.children)
                       for c in tok.children)):
            return None  # "the index *hit 55*", "*rocketed* from 46 to 60": a figure, not an attack
        if row.event == "ASSAULT" and tok.lemma_.lower() == "hit" and (o := _child(tok, "dobj")) is not None and any(
                c.dep_ == "nummod" for c in o.children) and o.lemma_.lower() in _COUNTED:
            return None  # "it hit 100 cases on Feb. 20": a count reached, not an attack
        if row.event == "ASSAULT" and tok.lemma_.lower() == "fight" and _child(tok, "dobj") is None and any(
                c.dep_ in ("xcomp", "advcl") and _to_infinitive(c) for c in tok.children) and not any(
                c.dep_ == "prep" and c.lower_ in ("against", "with") for c in tok.children):
            return None  # "residents *fought to block* the units": a struggle for something, not combat
        if tok.lemma_.lower() == "fire" and (o := _child(tok, "dobj")) is not None and o.i in self.actors.ent_of \
                and self.actors.ent_of[o.i].label_ == "PERSON":
            return None  # "why he fired FBI Director James Comey": a dismissal, not shooting
        if tok.lemma_.lower() == "fire" and passive is not None and (passive.tag_ == "PRP" or (
                passive.i in self.actors.ent_of and self.actors.ent_of[passive.i].label_ == "PERSON") or (
                self.actors.kb.role(passive.lemma_) is not None)) and not any(
                c.dep_ == "prep" and c.lower_ in ("at", "on", "upon") for c in tok.children):
            return None  # "she was fired the next day": dismissed, not shot at
        if row.event == "PROTEST" and tok.lemma_.lower() == "demonstrate" and any(
                c.dep_ == "ccomp" for c in tok.children):
            return None  # "Trump demonstrated that he cannot ...": showing, not a demonstration
        if row.event == "ACCUSE" and tok.dep_ == "acl" and tok.tag_ == "VBN":
            return None  # "two nationals *suspected by the West of* blowing up a plane": who they are, not an act
        if actor_tok is not None and actor_tok.lemma_.lower() in _POLL_SHARES and row.event in _STANCES and all(
                e.sector in ("CVL", None) and e.code != "UNK" for e in actors):
            return None  # "77 percent of Americans would back a licensing policy": a poll finding, not an act
        if row.event == "MOBILIZE" and obj is None and actors and all(e.sector in _CIVILIANS for e in actors):
            return None  # "1,600 Hondurans had amassed at the border": a crowd, not forces mobilised
        if row.event == "ASSAULT" and passive is not None and any(
                x.lemma_.lower() in _MISHAPS for c in tok.children if c.dep_ == "prep" and c.lower_ in ("in", "by")
                for x in c.children if x.dep_ == "pobj"):
            return None  # "two members were killed *in accidents*", "died in the earthquake": no attacker
        if row.event == "CONSULT" and tok.lemma_.lower() in ("talk", "speak") and not _child(tok, "dobj") and any(
                c.dep_ == "prep" and c.lower_ in ("about", "of") for c in tok.children) and not any(
                c.dep_ == "prep" and c.lower_ in ("with", "to") for c in tok.children) and len(actors) == 1:
            return None  # "talked about Mexico sending ...": a statement (CAMEO 01), no one talked with
        if row.event == "COOPERATE" and tok.lemma_.lower() in _TRADE_VERBS and any(
                c.dep_ in ("prep", "prt") and c.lower_ == "into" for c in tok.children):
            return None  # "does not buy into this narrative": believing, not trade
        if tok.lemma_.lower() in ("surround", "encircle") and actors and all(
                e.sector in ("JRN", "CVL", "EDU", "MED", "BUS", "REL", "LAB") for e in actors):
            return None  # "surrounded by the press", "by well-wishers": a crowd, not a siege (CAMEO 191 needs force)
        refuser = self._ruled_out(tok) if row.event in _REFUSABLE else None
        if refuser:
            # "(X said) removing the sanctions is out of the question": X refuses the act (CAMEO 12)
            rules.append(f"'{tok.text} ... out of the question': a refusal by the speaker (PLOVER manual 2.0, §REJECT)")
            actors, row = refuser, Trigger(row.lemma, row.pos, "REJECT", _REFUSABLE[row.event], "120",
                                           row.recipient, row.requires, row.source)
        if (row.lemma, row.mode) == ("bomb", "aerial") and actors and all(
                e.sector in _ARMED - {"MIL"} or e.code in ("IMG", "UAF") for e in actors):
            # "militants bombed a church": a non-state group's bombing is by explosives (CAMEO 183), not aircraft
            row = replace(row, mode="explosives", cameo="183")
            rules.append("bombing by a non-state armed group: explosives (CAMEO 183)")
        if row.event == "ACCUSE" and row.requires and actors and all(e.sector in _ARMED for e in actors):
            plain = next((r for r in self.lex.candidates(tok.lemma_.lower(), "VERB") if not r.requires), None)
            if plain is not None and plain.event == "ASSAULT":
                rules.append("armed actor: the physical sense of the verb")
                row = plain
        recipients = self._recipients(tok, row, passive)
        if not recipients and row.event == "REQUEST":  # "called for *Rice* to resign": the one asked to act
            recipients = [e for c in tok.children if c.dep_ == "advcl" and any(
                m.dep_ == "mark" and m.lower_ == "for" for m in c.children)
                for x in c.children if x.dep_ == "nsubj" for e in self._entities(x)]  # ("for Stone *to be
            # pardoned*": the one to be pardoned is no addressee)
        if tok_for_recipient is not None and not recipients:  # the vow's target: "tame *the US dotard*"
            recipients = self._entities(_child(tok_for_recipient, "dobj")) or self._hinted_recipient(
                tok_for_recipient, actors, rules)
        if row.event == "REQUEST" and obj is not None and obj.lemma_.lower() in _AGENT_OF_NOUNS:
            # "demanded the withdrawal *of Serbian forces* from Bosnia": those asked to go, not the place
            doers = [e for x in obj.children if x.dep_ == "prep" and x.lower_ == "of"
                     for p in x.children if p.dep_ == "pobj" for e in self._entities(p)]
            if doers:
                recipients = doers
                rules.append(f"recipient: who is to act in '{obj.text} of'")
        if owned:  # "UN sanctions *against Iran* were lifted": the measure's target
            recipients = [e for c in passive.children if c.dep_ == "prep" and c.lower_ in ("against", "on", "of")
                          for x in c.children if x.dep_ == "pobj" for e in self._entities(x)] or recipients
        elif passive is not None:  # "a camp for Congolese refugees was attacked": the words inside the subject
            recipients = (self._entities(passive) or self._inner_entities(passive, actors)
                          or self._modifier_country(passive, {e.code for e in actors}) or recipients)
        if row.event == "ACCUSE":  # the accused, not the audience: "complained to the UN *over Israeli raids*"
            target = self._accused(tok, actors)
            if target:
                recipients = target
                rules.append("recipient: the accused in an over/about/against/of/into phrase")
        comp = _complement(tok)
        if not recipients and comp is not None:
            recipients = self._complement_recipient(comp, actors, rules)
        if not recipients:
            recipients = self._object_recipient(tok, actors, rules)
        if not recipients and comp is not None:
            recipients = self._object_recipient(comp, actors, rules)
        if not recipients:
            recipients = self._hinted_recipient(tok, actors, rules,
                                                deep=row.event in ("REQUEST", "ACCUSE", "THREATEN", "SANCTION"))
        if not recipients and row.event in ("ASSAULT", "COERCE", "RETREAT", "SANCTION"):
            recipients = self._place_recipient(tok, actors, rules)
        if not recipients and row.event in ("ASSAULT", "COERCE"):
            # "police opened fire *to disperse demonstrators*": force used on the object of its purpose
            purpose = next((c for c in tok.children if c.dep_ in ("advcl", "xcomp") and _to_infinitive(c)), None)
            generic = obj is not None and obj.lemma_.lower() in ("operation", "campaign", "drive", "crackdown")
            if generic and purpose is not None and (prow := self.match(purpose)) is not None and \
                    prow.event not in ("REPORT", "NONE"):
                return None  # "launched operations *to detain* 110 people": the purpose is the act, coded there
            recipients = self._entities(_child(purpose, "dobj")) if purpose is not None and not generic else []
            if recipients:
                rules.append(f"target: the object of the purpose '{purpose.lemma_}'")
        if not recipients and row.event == "THREATEN":
            # "threatened to strike unless *Baghdad* accepted": the condition's subject is the target
            for c in [*tok.children, *(comp.children if (comp := _complement(tok)) is not None else [])]:
                if c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in ("if", "unless") for m in c.children):
                    ents = [e for e in self._entities(_child(c, "nsubj")) if e.code not in {a.code for a in actors}]
                    if ents:
                        recipients = ents
                        rules.append("threat target: the subject of its condition")
                        break
        if not recipients and row.event in ("COERCE", "SANCTION"):
            # "impose restrictions on its labour market *for new EU members*": whom a measure is for
            own = {e.code for e in actors}
            on = [x for h in [tok] + [c for c in tok.children if c.dep_ == "dobj"] for c in h.children
                  if c.dep_ == "prep" and c.lower_ in ("on", "against") for x in c.children if x.dep_ == "pobj"]
            recipients = [e for x in on for p in x.children if p.dep_ == "prep" and p.lower_ == "for"
                          for y in p.children if y.dep_ == "pobj" for e in self._entities(y)
                          if e.code not in own or _other_party(e, actors)]
            if recipients:
                rules.append("recipient: whom the measure is for")
        if not recipients and row.event == "REJECT":
            # "declined to resign *despite growing pressure by the commission*": whose pressure is refused
            own = {e.code for e in actors}
            for x in (x for h in [tok] + ([comp] if comp is not None else []) for c in h.children
                      if c.dep_ == "prep" and c.lower_ == "despite" for x in c.children if x.dep_ == "pobj"):
                recipients = [e for o in [x] + [y for p in x.children if p.dep_ == "prep" and p.lower_ in
                                                  ("by", "from", "of") for y in p.children if y.dep_ == "pobj"]
                              + [c for c in x.children if c.dep_ == "poss"]
                              for e in self._entities(o) if e.code not in own or _other_party(e, actors)]
                if recipients:
                    rules.append(f"recipient: whose '{x.text}' the refusal defies")
                    break
        if not recipients and row.event == "PROTEST":
            recipients = self._protest_target(tok, actors, rules)
        if not recipients and row.event == "MOBILIZE":
            # "mobilized reservists for a possible war *against Iraq*": the adversary named in the purpose
            for t in tok.subtree:
                if t.dep_ == "pobj" and t.head.lower_ == "against" and t.i > tok.i:
                    recipients = [e for e in self._entities(t) if e.code not in {a.code for a in actors}]
                    if recipients:
                        rules.append(f"recipient: the adversary 'against {t.text}'")
                        break
        if not recipients and row.event in ("ASSAULT", "COERCE", "MOBILIZE"):
            recipients = self._target_place(tok, actors, rules)
        if all(e.code == "UNK" for e in recipients) and "swap" not in row.recipient and (
                row.event not in _NO_PLACE_RECIPIENT or row.mode == "investigate"):
            dest = self._destination(tok, comp, actors, rules)
            if dest and recipients:  # "a field hospital in Mozambique": the unplaced recipient is of that country
                for e in recipients:
                    e.code, e.rule = dest[0].code, f"{e.rule}; of the destination {dest[0].entity_text}"
            elif dest:
                recipients = dest
        if "swap" in row.recipient and recipients:  # "hosted X", "received aid from X": X is the actor
            actors, recipients = recipients, actors
            rules.append("actor and recipient swapped (host/receive)")
        event, mode = row.event, row.mode
        # control verbs: mode from the complement
        if comp is not None and event in ("REQUEST", "REJECT", "AGREE", "THREATEN") and not mode:
            family = "THREATEN" if event == "THREATEN" else "REQUEST"
            prt = next((c.lower_ for c in comp.children if c.dep_ == "prt"), None)
            cm = (self.lex.complement.get(f"{comp.lemma_.lower()} {prt}") if prt else None) or \
                self.lex.complement.get(comp.lemma_.lower(), {})
            mode = cm.get(family) or mode
            if comp.lemma_.lower() == "strike" and _child(comp, "dobj") is None and actors and all(
                    e.sector in _CIVILIANS for e in actors):
                # "teachers' unions threatened to strike": a labour strike (CAMEO 133, threaten with
                # political dissent or protest), not violence
                mode, row = None, replace(row, cameo="133")
            if mode:
                rules.append(f"complement '{comp.lemma_}' → mode {mode}")
        if event == "REQUEST":
            blame = self._called_measure(tok, actors, rules)
            if blame is not None:  # "called for sanctions against Moscow": a criticism of Moscow
                event, mode, recipients = blame
        if comp is not None and event == "AGREE" and comp.dep_ == "xcomp":
            # "vowed to fight on", "pledged to retaliate": a promised conflictual act is a threat
            crow = self.match(comp)
            if crow is not None and crow.event in _THREAT_MODE and not (
                    crow.event == "MOBILIZE" and _helping_purpose(comp) is not None):  # "offered to send troops to help"
                threat = _THREAT_MODE[crow.event]
                event, mode = "THREATEN", threat.get(crow.mode or "", threat[""])
                rules.append(f"promise of {crow.event} ('{comp.lemma_}'): THREATEN (PLOVER manual 2.0, §THREATEN)")
        symmetric = event == "CONSULT" and bool(recipients)  # meetings have no direction (PLOVER §CONSULT)
        obj = _child(tok, "dobj")
        if obj is not None and event in ("SUPPORT", "AGREE", "COOPERATE", "CONSULT") and all(
                e.code == "UNK" or "country of the story" in (e.rule or "") for e in actors):
            first, others, between = self._participants(obj)
            if between:  # "the two ministers signed a treaty *between Russia and Belgium*": the parties
                actors, recipients, symmetric = first, others, True
                rules.append(f"parties named by 'between' on '{obj.text}'")
        if not recipients and len(actors) > 1 and event in ("CONSULT", "SUPPORT", "COOPERATE", "AGREE") and (
                event in ("CONSULT", "COOPERATE") or tok.lemma_.lower() not in _ONE_SIDED):
            # (not for one-sided acts: "Britain and the US *offered* themselves as guarantors" is one actor list,
            # PLOVER manual 2.0, §"actor" and "recipient": compound entities)
            actors, recipients, symmetric = actors[:1], actors[1:], True
            rules.append("compound actor of a symmetric event split into actor and recipient")
        if not actors:
            return None
        if event in ("CONSULT", "REQUEST") and (all(e.sector == "JRN" for e in actors) or (
                (event == "CONSULT" or tok.lemma_.lower() == "tell") and recipients
                and all(e.sector == "JRN" for e in recipients))):
            return None  # "NPR asked the insurers to comment", "he told CBS", "a debate hosted by MSNBC": news
            # gathering and interviews, no political interaction (PLOVER manual 2.0, §CONSULT)
        if event == "CONSULT" and not recipients and not symmetric and len(actors) == 1 and \
                tok.lemma_.lower() in ("discuss", "speak", "talk") and (
                actor_tok is None or actor_tok.tag_ not in ("NNS", "NNPS")):
            return None  # "by discussing the plan on the talk shows", "he spoke with a sense of urgency": no party
        if event == "CONSULT" and row.mode == "visit" and recipients and tok.lemma_.lower() in _TRAVEL_VERBS and all(
                r.code == a.code and r.code not in NON_STATE_CODES for r in recipients for a in actors):
            return None  # "Tillerson flew from Malaysia to Washington": home, no visit to a host
        if event == "CONSULT" and row.mode == "visit" and tok.lemma_.lower() in _TRAVEL_VERBS and all(
                e.sector not in _OFFICIAL_SECTORS and e.code not in ("IGO", "UNO", "EUR") and not e.org
                and not (e.sector is None and e.code != "UNK") for e in actors):
            return None  # "the elder Kouachi had traveled to Yemen": a private trip, no visit to a host (§CONSULT)
        if row.lemma == "call" and row.mode == "phone" and any(c.dep_ in ("oprd", "xcomp") for c in tok.children):
            return None  # "called Putin's incursion 'an act of weakness'": a naming, no phone call
        if row.lemma == "call" and row.mode == "phone" and not any(e.code != "UNK" or e.sector for e in recipients):
            return None  # "called the shots", "called the election": a phone call needs someone called
        if event == "REQUEST" and tok.lemma_.lower() in ("order", "force", "compel") and comp is not None and \
                actors and all(e.sector in _STATE_ARMS for e in actors):
            crow = self.match(comp)
            if crow is not None and crow.event in ("COERCE", "SANCTION"):
                # "the government ordered the newspaper to suspend publication": a state's order is the act
                rules.append(f"a state's order to {comp.lemma_}: {crow.event} (PLOVER manual 2.0, §{crow.event})")
                event, mode = crow.event, crow.mode
        if event == "CONSULT" and recipients and all(e.sector == "JRN" for e in recipients):
            return None  # talking to the press is a statement (CAMEO 01), not a consultation
        if (event, mode) == ("CONSULT", "visit") and tok.lemma_.lower() in ("visit", "tour", "travel") and (
                not recipients or {e.code for e in recipients} <= {e.code for e in actors} - {"UNK"}):
            return None  # "touring a kitchen", "the country, which he last visited": a visit needs a foreign host
        if event == "COOPERATE" and tok.lemma_.lower() in _TRADE_VERBS and not recipients:
            return None  # "bought two mortar kits": a purchase with no counterpart named is no exchange between actors
        start, end = self._clause_span(tok)
        cand = Candidate(
            trigger=tok, row=row, event=event, mode=mode, actor=actors, recipient=recipients,
            start=start, end=end, sent_index=self.sent_index.get(tok.i, 0),
            event_text=self._event_text(tok, row, comp), symmetric=symmetric, rules=rules,
        )
        self._modality(cand, tok)
        self._reinterpret(cand, tok, passive)
        self._reclassify(cand, tok)
        self._conditional_threat(cand, tok)
        return cand

    def _ruled_out(self, tok) -> list[Entity]:
        """The speaker who rules out the act ``tok`` names as a clausal subject: "removing the sanctions is
        *out of the question*", "a withdrawal is not an option", said by X → [X]; [] otherwise."""
        be = tok.head
        if tok.dep_ not in ("csubj", "nsubj") or be.lemma_ != "be":
            return []
        ruled = any(p.lower_ == "out" and any(q.lower_ == "of" and any(x.lower_ == "question" for x in q.subtree)
                                             for q in p.children) for p in be.children) or (
            any(c.dep_ == "neg" for c in be.children) and any(
                c.dep_ == "attr" and c.lemma_.lower() == "option" for c in be.children))
        if not ruled:
            return []
        h = be
        while h.dep_ in ("ccomp", "xcomp", "conj") and h.head.i != h.i:
            h = h.head
            if self.lex.reporting.get(h.lemma_.lower()) == "report":
                return self._entities(self.subject(h)[0])
        return []

    def _conditional_threat(self, cand: Candidate, tok) -> None:
        """A harmful act announced on a condition is a threat (PLOVER manual 2.0, §THREATEN): "may halt
        mediation *if* cooperation founders", "will withdraw its force *unless* a ceasefire is arranged"
        (a withdrawal only with "unless": "will withdraw if attacked no more" is an offer)."""
        if cand.modality not in ("future", "hypothetical"):
            return
        marks = {m.lower_ for c in tok.children if c.dep_ == "advcl" for m in c.children if m.dep_ == "mark"}
        if cand.event in _THREAT_MODE and marks & {"if", "unless"}:
            threat = _THREAT_MODE[cand.event]
            mode = threat.get(cand.mode or "", threat[""])
        elif cand.event in ("RETREAT", "SANCTION") and "unless" in marks:
            mode = "relations"
        else:
            return
        cand.rules.append(f"{cand.event} on a condition: THREATEN (PLOVER manual 2.0, §THREATEN)")
        cand.event, cand.mode, cand.modality = "THREATEN", mode, "asserted"

    def _called_measure(self, verb, actors: list[Entity], rules: list[str]):
        """A call for a punitive measure against a third party is a criticism of that party: "called for
        sanctions against Moscow", "demanded an investigation into the killings by the army" → ACCUSE
        (disapprove, or investigate for inquiries) with the measure's target as recipient, as both PLOVER
        gold sets code it (PLOVER manual 2.0, §ACCUSE). Returns ``(event, mode, recipients)`` or None."""
        nouns = [x for c in verb.children if c.dep_ == "prep" and c.lower_ == "for"
                 for x in c.children if x.dep_ == "pobj"]
        nouns += [c for c in verb.children if c.dep_ == "dobj"]
        own = {e.code for e in actors}
        for n in nouns:
            row = self.match(n)
            if row is None or row.event not in ("SANCTION", "COERCE", "ACCUSE"):
                continue
            for c in n.children:
                if c.dep_ != "prep" or c.lower_ not in ("against", "on", "into", "of", "over"):
                    continue
                p = _child(c, "pobj")
                if p is None:
                    continue
                ents = [e for e in self._entities(p) if e.code not in own or e.code == "UNK" or _other_party(e, actors)] or \
                    self._inner_entities(p, actors) or self._modifier_country(p, own)
                if ents:
                    mode = "investigate" if row.mode == "investigate" else "disapprove"
                    rules.append(f"a call for '{n.text}' against {ents[0].entity_text}: ACCUSE/{mode} "
                                 "(PLOVER manual 2.0, §ACCUSE)")
                    return "ACCUSE", mode, ents
        return None

    def _obligation(self, verb) -> Candidate | None:
        """"X said/declared that Y must do Z" for a Z that is no event of its own: X demands Z of Y
        (PLOVER manual 2.0, §REQUEST); the mode comes from Z when the complement table knows it."""
        t, speaker_tok = verb, None
        for _ in range(4):
            if t.dep_ not in ("ccomp", "conj", "acl", "relcl") or t.head is t:
                break
            t = t.head
            if self.lex.reporting.get(t.lemma_.lower()) in ("report", "allege") or t.pos_ == "NOUN":
                speaker_tok = self.subject(t)[0] if t.pos_ != "NOUN" else (
                    _child(t.head, "nsubj") if t.dep_ in ("dobj", "attr") else None)
                break
        if speaker_tok is None:
            return None
        actors = self._entities(speaker_tok)
        targets = self._entities(_child(verb, "nsubj") or _child(verb, "nsubjpass"))
        if not actors or not targets:
            return None
        if {(e.code, e.org) for e in actors} == {(e.code, e.org) for e in targets} and not any(
                _other_sector(e, actors) for e in targets):
            return None  # one side telling itself what it must do ("the UN said the EU must mediate" is two)
        mode = self.lex.complement.get(verb.lemma_.lower(), {}).get("REQUEST")
        row = Trigger(verb.lemma_.lower(), "VERB", "REQUEST", mode, None, ())
        start, end = self._clause_span(verb)
        cand = Candidate(trigger=verb, row=row, event="REQUEST", mode=mode, actor=actors, recipient=targets,
                         start=start, end=end, sent_index=self.sent_index.get(verb.i, 0),
                         event_text=f"must {verb.text}",
                         rules=[f"'{t.text} that ... must {verb.lemma_}': an obligation stated by another is a "
                                "demand (PLOVER manual 2.0, §REQUEST)"])
        cand.speaker = actors[0]
        cand.quoted = any(s0 <= verb.idx < e0 for s0, e0 in self.quotes)
        return cand

    def _document_author(self, tok) -> list[Entity]:
        """The author of a document that speaks as subject ("a report *by Human Rights Watch* accused",
        "a report released *in the Rwandan capital* alleged"): the entities of its by/from phrase, else the
        state whose capital or country it was released in. [] for other subjects or when none is named."""
        if tok is None or tok.lemma_.lower() not in _DOCUMENTS:
            return []
        ents = [e for c in tok.children if c.dep_ in ("prep", "agent") and c.lower_ in ("by", "from")
                for x in c.children if x.dep_ == "pobj" for e in self._entities(x)]
        ents += [e for a in tok.children if a.dep_ == "acl" for c in a.children
                 if c.dep_ in ("agent", "prep") and c.lower_ == "by" for x in c.children if x.dep_ == "pobj"
                 for e in self._entities(x)]
        if ents:
            return ents
        for a in tok.children:  # "released Tuesday *in the Rwandan capital*": the government there
            if a.dep_ != "acl" or a.lemma_.lower() not in ("release", "publish", "issue", "present", "unveil"):
                continue
            for x in (x for c in a.children if c.dep_ == "prep" and c.lower_ == "in" for x in c.children
                      if x.dep_ == "pobj"):
                place = [e for e in self._entities(x) if len(e.code) == 3 and e.code not in NON_STATE_CODES] or (
                    self._modifier_country(x, set()) if x.lemma_.lower() in ("capital", "city", "country") else [])
                if place:
                    return [Entity(place[0].entity_text, code=place[0].code, sector="GOV", start=place[0].start,
                                   end=place[0].end, rule="government where the document was released")]
        return []

    def _allegation(self, verb) -> Candidate | None:
        """"X claimed/alleged that Y attacked Z": an accusation by X against Y (PLOVER manual 2.0, §ACCUSE,
        mode allege); the alleged act itself is not asserted and is not coded. When Y is X itself, the claim
        is of X's own act (CAMEO 1.1b3 015): no accusation (the act is coded by the main loop)."""
        comp = next((c for c in verb.children if c.dep_ == "ccomp"), None)
        if comp is None:
            return None
        inner = None
        for t in comp.subtree:
            r = self.match(t)
            if r is not None and r.event in _CONFLICT and t.pos_ in ("VERB", "AUX"):
                inner = t
                break
            if r is not None and r.event in _CONFLICT and t.pos_ == "NOUN" and t.dep_ == "dobj" and \
                    t.head.pos_ == "VERB":
                inner = t.head  # "that the French military helped to plan and *carry out killings*"
                break
        if inner is None:
            return None
        subj = self.subject(verb)[0]
        actors = self._entities(subj) or self._document_author(subj)
        accused = self._entities(self.subject(inner)[0])
        if not actors or not accused:
            return None
        if self._claims_own_act(verb, inner):
            return None  # "the Houthis claimed that they had attacked the airport": a claim of one's own act
            # (CAMEO 1.1b3 015), not an accusation; the act itself is coded, its modality "alleged"
        row = Trigger(verb.lemma_.lower(), "VERB", "ACCUSE", "allege", "112", ())
        start, end = self._clause_span(verb)
        cand = Candidate(trigger=verb, row=row, event="ACCUSE", mode="allege", actor=actors, recipient=accused,
                         start=start, end=end, sent_index=self.sent_index.get(verb.i, 0),
                         event_text=f"{verb.text} ... {inner.text}",
                         rules=[f"allegation verb '{verb.lemma_}' with a conflictual act '{inner.lemma_}' "
                                "(PLOVER manual 2.0, §ACCUSE allege)"])
        self._modality(cand, verb)
        return cand

    def _judgement(self, verb) -> Candidate | None:
        """Criticism told as a judgement (PLOVER manual 2.0, §ACCUSE disapprove: "criticize, condemn, denounce"):
        "X said Y was *wrong*", "X says Y's plans are *too weak*", "X called Y *a disgrace*", "X described Y as
        *illegal*". The speaker is the actor, Y (or the party Y belongs to) the recipient. Nothing when the
        judgement is negated ("was not wrong"), names no one, or is the speaker's of itself ("we were wrong")."""
        lemma = verb.lemma_.lower()
        target = word = None
        if lemma in _NAMING_VERBS:
            target = _child(verb, "dobj")
            word = next((c for c in verb.children if c.dep_ in ("oprd", "xcomp", "ccomp", "acomp") and (
                c.lemma_.lower() in _NEGATIVE_JUDGEMENTS or any(  # "a *criminal* act", "a *flagrant* violation"
                    a.dep_ == "amod" and a.lemma_.lower() in _NEGATIVE_JUDGEMENTS | {"criminal", "flagrant", "terrorist"}
                    for a in c.children) or (c.lemma_.lower() == "act" and any(  # "an act of terror / war"
                        g.lemma_.lower() in ("terror", "terrorism", "war", "aggression") for p in c.children
                        if p.dep_ == "prep" for g in p.children)))), None) or next(
                (x for p in verb.children if p.dep_ == "prep" and p.lower_ == "as" for x in p.subtree
                 if x.lemma_.lower() in _NEGATIVE_JUDGEMENTS), None)
            if word is None and target is not None:  # "called Putin's incursion *an act of weakness*" (apposition)
                word = next((c for c in target.children if c.dep_ == "appos" and (
                    c.lemma_.lower() in _NEGATIVE_JUDGEMENTS or any(
                        g.lemma_.lower() in _NEGATIVE_JUDGEMENTS for p in c.children if p.dep_ == "prep"
                        for g in p.children))), None)
            if word is None and target is not None and target.lemma_.lower() in _NEGATIVE_JUDGEMENTS:
                # "called Trump a pathological liar" parsed with "liar" as the object and the name on it
                word, target = target, next((c for c in target.children if c.dep_ in ("nmod", "compound")
                                             and c.i in self.actors.ent_of), None)
        else:
            comp = next((c for c in verb.children if c.dep_ == "ccomp" and c.lemma_ == "be"), None)
            if comp is not None and _child(comp, "neg") is None:
                target = _child(comp, "nsubj")
                word = next((c for c in comp.children if c.dep_ in ("acomp", "attr")
                             and c.lemma_.lower() in _NEGATIVE_JUDGEMENTS and _child(c, "neg") is None), None)
        if word is None or target is None or target.tag_ in ("WP", "WDT", "EX") or target.lower_ in ("it", "this", "that"):
            return None
        subj = self.subject(verb)[0]
        rules: list[str] = []
        actors = self._entities(subj) or self._document_author(subj) or self._unresolved(subj, rules)
        if not actors:
            return None
        recipients = [e for e in self._entities(target) if not _same_party(e, actors)] or self._inner_entities(
            target, actors)
        if recipients and all(_same_party(e, actors) for e in recipients):
            return None
        if not recipients and not ((r := self.match(target)) is not None and r.event not in ("REPORT", "NONE")
                                   or target.lemma_.lower() in _JUDGED_ACTS):
            return None  # "called the weather a disaster": no party, no act of one
        row = Trigger(lemma, "VERB", "ACCUSE", "disapprove", "111", ())
        start, end = self._clause_span(verb)
        cand = Candidate(trigger=verb, row=row, event="ACCUSE", mode="disapprove", actor=actors, recipient=recipients,
                         start=start, end=end, sent_index=self.sent_index.get(verb.i, 0),
                         event_text=f"{verb.text} ... {word.text}",
                         rules=[f"judgement '{word.text}' of '{target.text}' by the speaker: criticism "
                                "(PLOVER manual 2.0, §ACCUSE disapprove)"] + rules)
        self._modality(cand, verb)
        return cand

    def _claims_own_act(self, claim, act) -> bool:
        """True when the subject of the claim verb ``claim`` is also the doer of ``act`` ("the Taliban
        claimed that *they* had attacked the school"): a claim of responsibility, not an accusation."""
        actors = self._entities(self.subject(claim)[0])
        doers = self._entities(self.subject(act)[0])
        if not actors or not doers:
            return False
        # "Russia claimed *its forces* had captured the village": a state's own armed forces are its own side
        own = {(e.code, e.sector) for e in actors} | {(e.code, s) for e in actors if _is_state(e) for s in _STATE_ARMS}
        return {(e.code, e.sector) for e in doers} <= own

    def _reinterpret(self, cand: Candidate, tok, passive) -> None:
        """Rules that change what an act means from how it is reported (PLOVER manual 2.0):

        * "Y must/should do Z", said by X: X demands it of Y (REQUEST, §REQUEST), mode from Z;
        * "Y is willing/ready/prepared to do Z" for a cooperative or yielding Z: intent (§AGREE);
        * SANCTION/withdraw by an armed actor, or of troops: a military withdrawal (RETREAT/withdraw, §RETREAT).
        """
        aux = {c.lower_ for c in tok.children if c.dep_ in ("aux", "auxpass")}
        sp = cand.speaker  # another: a different country, or the same country's other side (rebels on the
        # government); "Russia said it must respond" is the actor's own obligation
        if aux & {"must", "should"} and sp is not None and sp.code != "UNK" and not any(
                e.code == sp.code and (e.sector == sp.sector or not e.sector or not sp.sector) for e in cand.actor):
            mode = self.lex.complement.get(tok.lemma_.lower(), {}).get("REQUEST")
            cand.rules.append(f"'{'/'.join(sorted(aux & {'must', 'should'}))}' said by another: REQUEST")
            cand.recipient, cand.actor = cand.actor, [cand.speaker]
            cand.event, cand.mode, cand.modality, cand.symmetric = "REQUEST", mode, "asserted", False
            return
        if cand.event == "SANCTION" and cand.mode == "withdraw":
            obj = _child(tok, "dobj")
            if all(e.sector in _ARMED for e in cand.actor) or (obj is not None and obj.lemma_.lower() in TROOPS):
                cand.rules.append("withdrawal by or of armed forces: RETREAT/withdraw (PLOVER manual 2.0, §RETREAT)")
                cand.event = "RETREAT"
        willing = tok
        while willing.dep_ in ("advcl", "conj") and willing.head.pos_ in ("VERB", "AUX"):
            willing = willing.head  # "willing to send resources *to help* Colombia": the purpose shares the offer
        if willing.dep_ == "xcomp" and ((willing.head.pos_ == "ADJ" and willing.head.lemma_.lower() in WILLING) or (
                willing.head.lower_ == "committed" and willing.head.dep_ in ("acomp", "ROOT", "ccomp"))):
            tok = willing
            if cand.event in _THREAT_MODE and cand.modality == "asserted":
                # "is prepared to impose martial law": readiness to coerce or attack is a threat (§THREATEN)
                threat = _THREAT_MODE[cand.event]
                cand.rules.append(f"'{tok.head.text} to' {cand.event}: a threat (PLOVER manual 2.0, §THREATEN)")
                cand.event, cand.mode = "THREATEN", threat.get(cand.mode or "", threat[""])
            elif cand.event in _COOPERATIVE | {"RETREAT", "CONCEDE"}:
                cand.rules.append(f"'{tok.head.text} to' {cand.event}: intent coded AGREE (PLOVER manual 2.0, §AGREE)")
                cand.event, cand.mode, cand.modality = "AGREE", None, "asserted"

    def _reclassify(self, cand: Candidate, tok) -> None:
        """Type rules that look past the trigger word (verbal and nominal triggers alike):

        * withdrawing peacekeepers, observers or diplomats is SANCTION/withdraw, not a military retreat
          (PLOVER manual 2.0, §SANCTION withdraw: "non-military resources (e.g. aid, observers, diplomats,
          peacekeepers)");
        * troops deployed on a peacekeeping mission are AID (CAMEO 1.1b3 074, provide peacekeeping);
        * an "attack" by politicians or officials, or a "scathing/verbal/blistering" one, is a verbal
          attack: ACCUSE/disapprove (§ACCUSE);
        * troops sent "to help/assist/protect" someone are military assistance: AID (CAMEO 1.1b3 074);
        * a storming by armed men is an assault, not a riot, nor a raid when they are not the state's
          (CAMEO 1.1b3 190; PLOVER manual 2.0, §PROTEST covers crowds, §COERCE seize the authorities' raids);
        * opening borders or access to refugees or foreign people is granting them entry: AID (CAMEO 1.1b3
          075, asylum).
        """
        obj = _child(tok, "dobj")
        words = {tok.lemma_.lower()} | ({obj.lemma_.lower()} if obj is not None else set())
        if obj is not None:  # "withdrew a contingent *of 200 peacekeepers*": what the group is made of
            words |= {x.lemma_.lower() for c in obj.children if c.dep_ == "prep" and c.lower_ == "of"
                      for x in c.children if x.dep_ == "pobj"}
        probe = next((c for c in tok.children if c.dep_ in ("advcl", "xcomp") and _to_infinitive(c)
                      and (r := self.match(c)) is not None and r.mode == "investigate"), None)
        if cand.row.event in ("AID", "MOBILIZE", "CONSULT") and probe is not None:
            # "sent experts to Saudi Arabia *to investigate* the attacks": the mission is an investigation
            cand.rules.append(f"sent to {probe.lemma_}: ACCUSE/investigate (CAMEO 1.1b3 09; PLOVER manual 2.0, §ACCUSE)")
            cand.event, cand.mode = "ACCUSE", "investigate"
            return
        helped = _helping_purpose(tok)
        if cand.event == "SUPPORT" and tok.lemma_.lower() == "reach" and obj is not None and obj.lemma_.lower() in (
                "consensus", "understanding") and any(
                c.dep_ == "acl" and _to_infinitive(c)
                for c in obj.children):
            # "reached a consensus *to exchange information*": a commitment to a future act (§AGREE); a
            # document ("reached an agreement to ...") is a finalised agreement (§SUPPORT)
            cand.rules.append("agreement reached to do something: AGREE (PLOVER manual 2.0, §AGREE)")
            cand.event, cand.mode = "AGREE", None
        elif cand.event == "COERCE" and cand.mode == "deport" and cand.recipient and all(
                e.code in ("IGO", "NGO") or e.sector == "NGO" for e in cand.recipient):
            # "forced the UN refugee agency out of the country": an organisation expelled, not a person deported
            cand.rules.append("organisation expelled: SANCTION/expel (PLOVER manual 2.0, §SANCTION expel)")
            cand.event, cand.mode = "SANCTION", "expel"
        elif cand.event == "MOBILIZE" and helped is not None:
            cand.rules.append("troops sent to help: military assistance, AID (CAMEO 1.1b3 074; PLOVER manual 2.0, §AID)")
            cand.event, cand.mode = "AID", None
            obj = _child(helped, "dobj") or next((g for c in helped.children if c.dep_ in ("ccomp", "xcomp")
                                                  for g in c.children if g.dep_ == "nsubj"), None)
            if obj is not None and all(e.code == "UNK" for e in cand.recipient):
                cand.recipient = self._entities(obj) or cand.recipient  # "to help *the Iraqi army*"
        elif cand.actor and ((cand.event == "PROTEST" and cand.mode == "riot" and all(
                e.sector in _ARMED - {"COP"} for e in cand.actor)) or (
                cand.event == "COERCE" and words & {"storm", "raid"} and all(
                e.sector in {"REB", "UAF", "CRM"} for e in cand.actor))):
            cand.rules.append("storming by an armed group: ASSAULT (CAMEO 1.1b3 190; PLOVER manual 2.0, §ASSAULT)")
            cand.event, cand.mode = "ASSAULT", None
        elif cand.event == "RETREAT" and cand.mode == "access" and cand.recipient and all(
                e.sector in ("REF", "CVL") for e in cand.recipient):  # "to refugees", "to Syrians and Iraqis"
            cand.rules.append("entry opened to refugees: AID (CAMEO 1.1b3 075, grant asylum; PLOVER manual 2.0, §AID)")
            cand.event, cand.mode = "AID", None
        elif cand.event in ("RETREAT", "SANCTION") and cand.mode == "withdraw" and words & _NON_MILITARY_STAFF:
            cand.rules.append("withdrawal of non-military staff: SANCTION/withdraw (PLOVER manual 2.0, §SANCTION)")
            cand.event = "SANCTION"
        elif cand.event == "MOBILIZE" and words & {"exercise", "drill", "game", "maneuver", "manoeuvre", "wargame"} and (
                len({e.code for e in cand.actor} - {"UNK"}) >= 2 or any(
                c.dep_ == "amod" and c.lower_ in ("joint", "combined", "bilateral", "multinational")
                for n in (tok, obj) if n is not None for c in n.children)):
            # "French and Egyptian warships launched war games", "performed joint war games": military cooperation
            cand.rules.append("joint exercise of two countries: COOPERATE (CAMEO 1.1b3 062, §COOPERATE)")
            cand.event, cand.mode = "COOPERATE", None
            if not cand.recipient and len(cand.actor) > 1:
                cand.actor, cand.recipient, cand.symmetric = cand.actor[:1], cand.actor[1:], True
        elif (cand.event == "MOBILIZE" or (cand.event == "CONSULT" and cand.actor and all(
                e.sector == "MIL" for e in cand.actor))) and any(t.lemma_.lower() in _PEACEKEEPING for t in tok.sent):
            # "peacekeeping troops have arrived in Bosnia": not a visit but the provision of peacekeepers
            cand.rules.append("deployment for peacekeeping: AID (CAMEO 1.1b3 074; PLOVER manual 2.0, §AID)")
            cand.event, cand.mode = "AID", None
        elif cand.event == "ASSAULT" and obj is not None and any(
                c.lower_ in _PEACEKEEPING for c in obj.children if c.dep_ in ("amod", "compound")):
            # "launched a peacekeeping operation in Mali": the provision of peacekeepers, not an attack
            cand.rules.append("peacekeeping operation: AID (CAMEO 1.1b3 074; PLOVER manual 2.0, §AID)")
            cand.event, cand.mode = "AID", None
        elif cand.event in ("ASSAULT", "COERCE") and cand.mode in (None, "destroy", "primitive", "seize") and cand.actor \
                and tok.lemma_.lower() not in _LETHAL and all(self._protesting(e) for e in cand.actor):
            # "protesters torched police cars", "a mob demolished the building": violence by a crowd is a riot
            # (CAMEO 1.1b3 145; PLOVER manual 2.0, §PROTEST riot)
            cand.rules.append("violence by protesters: PROTEST/riot (CAMEO 1.1b3 145; PLOVER manual 2.0, §PROTEST)")
            cand.event, cand.mode = "PROTEST", "riot"
        elif cand.event == "REJECT" and tok.lemma_.lower() in ("block", "obstruct", "barricade") and cand.actor \
                and all(self._protesting(e) for e in cand.actor):
            # "protesters tried to block the delegations from entering": a crowd's blockade, not a veto
            cand.rules.append("blocking by protesters: PROTEST/obstruct (CAMEO 1.1b3 144; PLOVER manual 2.0, §PROTEST)")
            cand.event, cand.mode = "PROTEST", "obstruct"
        elif cand.event == "PROTEST" and cand.mode == "demo" and tok.lemma_.lower() == "protest" and tok.pos_ in (
                "VERB", "AUX") and cand.actor and all(_is_state(e) for e in cand.actor):
            # "Japan protested against the missile tests", "the ministry protested the arrest": a state's
            # protest is diplomatic (PLOVER manual 2.0, §PROTEST: "diplomatic protests ... are ACCUSE disapprove")
            cand.rules.append("a state's protest is diplomatic: ACCUSE/disapprove (PLOVER manual 2.0, §PROTEST)")
            cand.event, cand.mode = "ACCUSE", "disapprove"
        elif cand.event == "ASSAULT" and words & {"attack", "assail", "broadside", "tirade", "clash", "fight", "battle",
                                                  "spar", "feud"}:
            noun = obj if obj is not None and obj.lemma_.lower() == "attack" else tok
            verbal = any(c.dep_ == "amod" and c.lemma_.lower() in _VERBAL_ADJECTIVES for c in noun.children)
            people = bool(cand.actor) and all(
                e.sector in _VERBAL_SECTORS and any(k in (e.rule or "") for k in _PERSON_RULES) for e in cand.actor)
            lemmas = {t.lemma_.lower() for t in tok.sent}
            # "Critics warmed up their attacks on Sunday talk shows", "Romney launched an attack, *telling*
            # Obama ...": words of speech around it and none of violence, by people who are not armed
            spoken = bool(cand.actor) and bool(lemmas & _SPEECH_CUES) and not lemmas & _VIOLENCE_CUES and all(
                e.sector in _VERBAL_SECTORS or (e.sector is None and e.code == "UNK") for e in cand.actor)
            if verbal or ((people or spoken) and not lemmas & _VIOLENCE_CUES):
                cand.rules.append("an attack in words (by officials or politicians, or 'scathing'): ACCUSE/disapprove "
                                  "(PLOVER manual 2.0, §ACCUSE)")
                cand.event, cand.mode = "ACCUSE", "disapprove"

    def subject(self, tok):
        """(actor head token or None, passive-subject token or None) for a verb."""
        passive = _child(tok, "nsubjpass")
        if passive is not None and tok.lower_ in PARTICIPLES and _child(tok, "agent") is None:
            return passive, None  # "Israel is opposed to X": a stance, its subject the actor
        if passive is not None:
            agent = _child(tok, "agent")
            if agent is None:
                # "was accused of misusing funds *by government officials*": the parser hangs the agent at the
                # clause's end on the active gerund, which takes no agent
                agent = next((b for p in tok.children if p.dep_ == "prep" for g in p.children
                              if g.dep_ == "pcomp" and g.tag_ == "VBG" and _child(g, "auxpass") is None
                              for b in g.children if b.dep_ == "prep" and b.lower_ == "by"
                              and self._entities(_child(b, "pobj"))), None)
            pobj = _child(agent, "pobj") if agent is not None else None
            if passive.tag_ in ("WDT", "WP") and tok.dep_ == "relcl":
                passive = tok.head  # "the Afghan army, *which* is backed by US troops": the antecedent
            return pobj, passive
        if tok.dep_ == "conj" and (_child(tok, "agent") is not None or _child(tok, "auxpass") is not None):
            # "were arrested and later *released by Putin*": a conjoined passive shares the patient
            hs, hp = self.subject(tok.head)
            agent = _child(tok, "agent")
            return (_child(agent, "pobj") if agent is not None else None), (hp or hs)
        subj = _child(tok, "nsubj")
        if subj is None:  # "Hungary/nsubj is/auxpass opposed": the parser hung the subject on the auxiliary
            subj = next((g for a in tok.children if a.dep_ in ("aux", "auxpass") for g in a.children
                         if g.dep_ == "nsubj"), None)
        if subj is not None and tok.tag_ == "VBN" and tok.lower_ not in PARTICIPLES and \
                _child(tok, "auxpass") is not None and _child(tok, "agent") is None:
            return None, subj  # "11 protesters/nsubj were/auxpass injured": a passive the parser half-labelled
        if subj is not None and tok.tag_ in ("VBN", "VBD") and tok.dep_ == "ROOT" and not any(
                c.dep_ in ("aux", "auxpass", "dobj") for c in tok.children) and any(
                c.dep_ == "conj" and _child(c, "auxpass") is not None for c in tok.children):
            return None, subj  # "The civilians *imprisoned* for ... were released by Putin": a reduced relative
            # the parser took for the main verb, its passive partner conjoined
        if subj is not None and tok.tag_ in ("VBN", "VBD") and tok.dep_ == "ROOT" and \
                tok.lemma_.lower() in _PATIENT_VERBS and not any(
                c.dep_ in ("aux", "auxpass", "dobj", "ccomp", "xcomp", "prt", "dative") for c in tok.children):
            return None, subj  # "UK ambassador in Iran *arrested*": a headline's passive (these verbs need an object)
        if subj is not None and tok.tag_ in ("VBN", "VBD") and (prep := _OBJECT_FIRST.get(tok.lemma_.lower())) and not any(
                c.dep_ in ("aux", "auxpass", "dobj", "ccomp") for c in tok.children) and any(
                c.dep_ == "prep" and c.lower_ == prep for c in tok.children):
            return None, subj  # "(she hoped) French officials *accused of* playing a role ... would be indicted":
            # these verbs take their object before the of/with phrase, so one without is a reduced passive
        if subj is not None and subj.lower_ not in ("who", "which", "that"):
            return subj, None
        if subj is not None and tok.dep_ == "relcl":
            return tok.head, None
        dep = tok.dep_
        head = tok.head
        if head is tok:
            return None, None
        if dep == "xcomp" and head.pos_ == "ADJ":
            s = self.subject(head)[0]
            if s is not None and s.lower_ == "it" and head.dep_ == "acomp" and head.lemma_.lower() in _EXPLETIVE_ADJ:
                return None, None  # "*it* is hard to guarantee safety": an expletive subject names no one
            return s, None
        if dep == "xcomp":
            hp = _child(head, "nsubjpass")
            if hp is not None and _child(head, "agent") is None:
                return hp, None  # "Obama is scheduled to attend", "troops were ordered to withdraw"
            if head.lemma_.lower() in OBJECT_CONTROL:
                ctrl = self._control_object(head)
                if ctrl is not None:
                    return ctrl, None
            return self.subject(head)[0], None
        if dep == "conj" and (head.pos_ in ("VERB", "AUX") or _child(head, "nsubj") is not None):
            # (a head with a subject is a verb the tagger took for a noun: "the government *rejects* and
            # condemns the decision")
            hs, hp = self.subject(head)  # "was indicted by the court *and will resign*": the same subject
            if hp is not None and (tok.tag_ == "VBN" or tok.lemma_.lower() in _PATIENT_VERBS) and not any(
                    c.dep_ in ("aux", "dobj") for c in tok.children):  # ("were tied to stakes and *shot*")
                return hs, hp  # "20 people were killed *or wounded*": the passive shared, patient and agent
            return (hp if hp is not None else hs), None
        if dep == "relcl":
            return head, None
        if dep == "acl" and tok.tag_ == "VB" and head.lemma_.lower() in _ATTEMPTS:
            # "*their* attempt to seize the airport", "gunmen *made* an attempt to assassinate the mayor": the
            # one who attempts; "an attempt to assassinate the governor was thwarted": no one named
            owner = _child(head, "poss")
            if owner is not None:
                return owner, None
            if head.dep_ == "dobj" and head.head.pos_ in ("VERB", "AUX"):
                return self.subject(head.head)[0], None
            return None, None
        if dep == "acl":
            agent = _child(tok, "agent")
            if agent is not None:  # "warplanes *supported by Russia*": the modified noun is the patient
                return _child(agent, "pobj"), (head if tok.tag_ == "VBN" else None)
            if tok.tag_ == "VBG" and head.dep_ in ("dobj", "pobj") and head.head.pos_ in ("VERB", "AUX"):
                # "issued a declaration *demanding* that ...", "released a statement *condemning* ...": the
                # issuer speaks through the document, unless the document names its author ("vetoed a
                # *Security Council* resolution censuring ...")
                author = next((c for c in head.children if c.dep_ in ("poss", "compound") and c.i in self.actors.ent_of
                               and self.actors.ent_of[c.i].label_ in ("ORG", "GPE", "NORP", "PERSON")), None)
                if author is not None:
                    return author, None
                if self.actors.kb.role(head.lemma_) is not None:
                    return head, None  # "used tear gas to disperse *demonstrators* protesting ...": people act
                return self.subject(head.head if head.dep_ == "dobj" else head.head.head)[0], None
            if head.dep_ in ("nsubj", "dep") and head.head.i > tok.i and tok.tag_ in ("VBD", "VBN") and \
                    self.lex.reporting.get(head.head.lemma_.lower()) == "report" and any(
                    c.dep_ == "nsubj" and c.i != head.i for c in head.head.children):
                return head, None  # "Palestinian youths *resorted* to ..., officials said": the reporting verb has
                # two subjects, so the first clause's verb was hung on its own subject
            if head.dep_ == "ROOT" and (tok.tag_ == "VBD" or (tok.tag_ == "VBN" and _child(tok, "dobj") is not None)):
                return head, None  # "The Iraqi air force *carried out* air strikes": the parser took the main
                # verb for a modifier of its subject (a finite verb, or a participle with an object)
            if tok.tag_ == "VBN" and _child(tok, "dobj") is None:
                return None, head  # "10 soldiers *killed* in Ukraine": a reduced passive, its noun the patient
            return None, None
        if dep in ("advcl", "pcomp"):
            h = head if dep == "advcl" else head.head
            agent = _child(tok, "agent") if tok.tag_ == "VBN" else None
            if agent is not None:  # "the sailors landed, *surrounded by the press*": the press did it to them
                return _child(agent, "pobj"), self.subject(h)[0]
            if _child(tok, "auxpass") is not None and _child(tok, "nsubjpass") is None:
                return None, self.subject(h)[0]  # "is facing difficulties *after being indicted*": the subject's
                # own passive
            if dep == "advcl" and tok.tag_ == "VBN" and tok.i < h.i and not any(
                    c.dep_ in ("aux", "auxpass", "dobj", "nsubj", "mark") for c in tok.children):
                hs, hp = self.subject(h)
                return None, (hp if hp is not None else hs)  # "*Contacted* on Friday, the White House declined":
                # a fronted participle is passive, its patient the main clause's subject, its agent unstated
            return self.subject(h)[0], None
        if dep in ("acomp", "attr") and head.pos_ in ("AUX", "VERB"):  # "Syria is *willing* to withdraw"
            return self.subject(head)[0], None
        return None, None

    def _control_object(self, verb):
        """The controller of an object-control verb: "urged *Russia* to", "called on *the Russians* to"."""
        obj = _child(verb, "dobj")
        if obj is not None:
            return obj
        for c in verb.children:
            if c.dep_ == "prep" and c.lower_ in ("on", "upon", "to", "for"):
                p = _child(c, "pobj")
                if p is not None:
                    return p
        return None

    def _entities(self, tok) -> list[Entity]:
        """Entities of the noun phrase headed by ``tok``; a relative pronoun stands for its antecedent
        ("refugees, *whom* authorities blame", "the town *which* rebels shelled"), and "others" after a
        conjoined verb for that verb's object ("killed one soldier and wounded *two others*")."""
        if tok is None:
            return []
        if tok.lower_ == "others" and tok.dep_ == "dobj" and tok.head.dep_ == "conj":
            # "killed one U.S. soldier and wounded *two others*": more of the first verb's victims
            first = _child(tok.head.head, "dobj")
            if first is not None and first.i != tok.i:
                return self.actors.entities(first)
        if tok.tag_ in ("WP", "WDT") and tok.lower_ in ("whom", "which", "who", "that") and tok.dep_ in (
                "dobj", "pobj", "nsubjpass") and tok.head.dep_ == "relcl":
            tok = tok.head.head
        elif tok.tag_ in ("WP", "WDT") and tok.dep_ == "pobj" and tok.head.head.dep_ == "relcl":
            tok = tok.head.head.head  # "the country *to which* it sent troops"
        return self.actors.entities(tok)

    def _recipients(self, tok, row: Trigger, passive) -> list[Entity]:
        for slot in row.recipient:
            if slot in ("recip", "swap"):
                continue  # recip: a compound subject is split below; swap: handled by the caller
            toks = self._slot(tok, slot)
            for t in toks:
                ents = self._entities(t)
                if not ents and slot == "of":
                    ents = self._linked_party(t)
                if not ents and slot.startswith("prep:"):  # "hack into the computers *of South Korean officers*"
                    ents = [e for c in t.children if c.dep_ == "prep" and c.lower_ == "of"
                            for x in c.children if x.dep_ == "pobj" for e in self._entities(x)]
                if not ents and slot.startswith(("prep:", "obj:")):  # "strikes against *Islamic State* targets"
                    ents = [e for c in t.children if c.dep_ == "compound" and (
                        (c.i in self.actors.ent_of and self.actors.ent_of[c.i].label_ in ("ORG", "NORP", "GPE"))
                        or c.pos_ == "PROPN") for e in self._entities(c)]
                if not ents and slot in ("prep:in", "prep:at") and (code := self.actors.country_hint(t)):
                    # "sought refuge *in Germany*": the lexicon names the place as the one addressed
                    ents = [Entity(t.text, code=code, start=t.idx, end=t.idx + len(t), rule="country of the place")]
                if not ents and t.lemma_.lower() in _PROPOSALS | _PROMISES:
                    # "conceded to demands *from UNITA*", "rejected an offer *by Kabul*": whose proposal it is;
                    # "reneged on his commitment *to the Zambian people*": whom the promise was made to
                    preps = ("to",) if t.lemma_.lower() in _PROMISES else ("from", "by")
                    for o in [x for c in t.children if c.dep_ == "prep" and c.lower_ in preps
                              for x in c.children if x.dep_ == "pobj"] + [c for c in t.children if c.dep_ == "poss"]:
                        ents = self._entities(o)
                        if ents:
                            break
                if ents:
                    return ents
        return []

    def _protest_target(self, tok, actors: list[Entity], rules: list[str]) -> list[Entity]:
        """Whom a protest is against (PLOVER manual 2.0, §PROTEST): the target named in its purpose clause
        or an against/over phrase ("to protest *Sweden's* decision", "in protest against the *Israeli*
        military", "to demand reforms from *Suharto's government*"); else, for a domestic protest, the
        protesters' own government."""
        clauses = [c for c in tok.children if c.dep_ in ("advcl", "xcomp", "acl", "prep")]
        for c in clauses:
            if c.dep_ == "prep" and c.lower_ not in ("against", "over", "in", "at") and not (
                    c.lower_ == "during" and any(g.dep_ == "pobj" and g.lemma_.lower() in _DEMONSTRATIONS
                                                 for g in c.children)):
                continue  # ("threw stones *during demonstrations against* the army": the demonstrations' target)
            for t in c.subtree:
                if t.dep_ in ("poss", "pobj", "dobj", "amod", "compound") and t.i != tok.i and t.pos_ != "PRON":
                    # (a pronoun there is the protesters themselves: "to show *their* anger at X")
                    ents = [e for e in self._entities(t) if e.code != "UNK"] if t.dep_ in ("poss", "pobj", "dobj") else []
                    if not ents:
                        code = self.actors.kb.country_of_word(t.text)
                        if code and t.dep_ in ("amod", "compound", "poss"):
                            ents = [Entity(t.text, code=code, start=t.idx, end=t.idx + len(t), rule="country word")]
                    if ents:
                        rules.append(f"protest target from '{c.text} ...'")
                        return ents
        codes = {e.code for e in actors} - {"UNK", "IGO", "NGO", "IMG", "MNC", "ISM"}
        if len(codes) == 1:
            code = codes.pop()
            rules.append("domestic protest: directed at the protesters' own government")
            return [Entity(f"government of {code}", code=code, sector="GOV", rule="domestic protest")]
        return []

    def _unstated_agent(self, verb, row: Trigger, subj, passive, rules: list[str]) -> list[Entity]:
        """The actor of an act whose doer the sentence does not name (PLOVER gold practice):

        * an attack told in the passive or with a weapon as subject ("was killed in a car bomb
          explosion", "a roadside bomb killed two soldiers") has unidentified attackers: sector UAF;
        * an arrest, detention, deportation or investigation in the passive ("was arrested in Lebanon", "was
          put under investigation in Italy") is the authorities': sector GOV.

        The code stays UNK here; the coder gives it the country of the event's place when one is named
        (see ``coder._LOCAL_SECTORS``). Returns [] for every other act.
        """
        weapon = subj is not None and (
            subj.lemma_.lower() in WEAPONS or ((r := self.match(subj)) is not None and r.event == "ASSAULT"))
        if subj is not None and not weapon:
            return []  # a doer is named but unresolved ("by a Ukrainian protestor"): not unidentified
        if weapon and subj.lemma_.lower() not in WEAPONS:
            # "regime forces carried out *the attack* that killed ...": the doer of the attack it names
            gov = _governing_verb(subj)
            doer = self._entities(_child(subj, "poss")) or (
                self._entities(self.subject(gov)[0]) if gov is not None and gov.i != verb.i else [])
            if doer:
                rules.append(f"actor: the doer of '{subj.text}'")
                return doer
        if passive is not None and row.mode in ("expel", "deport"):
            # "two inspectors have been expelled *from North Korea*": the country they were expelled from
            places = [e for c in verb.children if c.dep_ == "prep" and c.lower_ == "from"
                      for x in c.children if x.dep_ == "pobj" for e in self._entities(x) if len(e.code) == 3
                      and e.code not in NON_STATE_CODES]
            if places:
                rules.append(f"expulsion with no stated agent: the government of {places[0].entity_text}")
                return [Entity(places[0].entity_text, code=places[0].code, sector="GOV", start=places[0].start,
                               end=places[0].end, rule="the expelling country")]
        attempted = verb.dep_ == "acl" and verb.head.lemma_.lower() in _ATTEMPTS and subj is None \
            and verb.head.dep_ in _NOMINAL_DEPS
        if row.event == "ASSAULT" and (passive is not None or weapon or attempted):
            # "a mortar bomb was fired at Israel *from the Gaza Strip*", "a rocket launched from Syria hit ...":
            # unnamed attackers are of the place they fired from, not of the place they hit
            origin = [e for h in [verb] + ([subj] + [a for a in subj.children if a.dep_ == "acl"] if weapon else [])
                      for c in h.children if c.dep_ == "prep" and c.lower_ == "from"
                      for x in c.children if x.dep_ == "pobj" for e in self._entities(x)
                      if e.code not in NON_STATE_CODES and e.sector is None]
            if origin:
                rules.append(f"attack with no stated perpetrator fired from {origin[0].entity_text}: "
                             "unidentified attackers (UAF) of that place")
                return [Entity("unidentified attackers", code=origin[0].code, sector="UAF", start=verb.idx,
                               end=verb.idx + len(verb), rule="no stated agent; of the place fired from")]
            rules.append("attack with no stated perpetrator: unidentified attackers (UAF)")
            who, sector = "unidentified attackers", "UAF"
        elif passive is not None and ((row.event == "COERCE" and row.mode in ("arrest", "expel", "deport", "restrict"))
                                      or (row.event == "ACCUSE" and row.mode == "investigate")):
            rules.append("arrest or investigation with no stated agent: the authorities (GOV)")
            who, sector = "the authorities", "GOV"
        else:
            return []
        return [Entity(who, code="UNK", sector=sector, start=verb.idx, end=verb.idx + len(verb),
                       rule="no stated agent")]

    def _protesting(self, e: Entity) -> bool:
        """True when entity ``e`` names a crowd of protesters ("protesters", "a mob", "rioters")."""
        if e.start is None or e.end is None:
            return False
        span = self.doc.char_span(e.start, e.end, alignment_mode="expand")
        if span is None or len(span) == 0:
            return False
        root = span.root  # "thousands *of protesters*": the people counted
        heads = [root] + [g for p in root.children if p.dep_ == "prep" and p.lower_ == "of"
                          for g in p.children if g.dep_ == "pobj"]
        return any(h.lemma_.lower() in _CROWDS for h in heads)

    def _reporting_subject(self, tok):
        """The subject of the reporting verb whose clause holds ``tok`` ("X says it is providing"), or None."""
        t = tok
        for _ in range(3):
            if t.dep_ not in ("ccomp", "conj", "xcomp") or t.head.i == t.i:
                return None
            t = t.head
            if self.lex.reporting.get(t.lemma_.lower()) == "report":
                return self.subject(t)[0]
        return None

    def _linked_party(self, noun) -> list[Entity]:
        """The other party of a tie the event is about: "a suspension of air links *with Serbia*", "the
        suspension of flights *to Israel*" (the with/to/between phrase of ``noun``)."""
        return [e for c in noun.children if c.dep_ == "prep" and c.lower_ in ("with", "to", "between")
                for x in c.children if x.dep_ == "pobj" for e in self._entities(x)]

    def _unresolved(self, tok, rules: list[str]) -> list[Entity]:
        """A named doer that nothing in the knowledge base or the role lexicon resolves ("the UNITA militarist
        wing", "the Palestinian Islamic Jihad movement") is kept as code UNK with its words, never dropped
        (issue 4): a proper noun heads the phrase, or a name the tagger found (person, organisation, group)
        heads it (a group noun: "movement", "wing"). A common noun with no name ("the plan", "prices") or an
        event noun ("the crash") is no actor: []."""
        if tok is None or tok.pos_ == "PRON":
            return []
        named = tok.pos_ == "PROPN" or tok.ent_type_ in ("PERSON", "ORG", "NORP") or (
            tok.text.isupper() and tok.is_alpha and len(tok) > 1) or (
            tok.lemma_.lower() in _GROUP_NOUNS and any(
                t.ent_type_ in ("PERSON", "ORG", "NORP", "GPE") for t in tok.subtree if t.i < tok.i))
        if not named or self.match(tok) is not None:
            return []  # "the MH17 crash", "a Security Council resolution": an event or a document, no doer
        left = min((t.i for t in tok.subtree if t.dep_ in ("det", "amod", "compound", "nmod", "poss")
                    or t.i == tok.i), default=tok.i)
        span = self.doc[left: tok.i + 1]
        rules.append(f"actor '{span.text}' unresolved: UNK")
        return [Entity(span.text, code="UNK", start=span.start_char, end=span.end_char, rule="unresolved name")]

    def _instrument_actor(self, verb, rules: list[str]) -> list[Entity]:
        """The perpetrator of a passive act named only through its means: "were killed *in Israeli tank
        shelling*", "died in a Saudi-led air strike", "two raids *in which* 20 people were killed" → the owner
        of the attack (:meth:`_means_owner`)."""
        for c in verb.children:
            if c.dep_ not in ("prep", "agent") or c.lower_ not in ("in", "by", "during", "after"):
                continue
            p = _child(c, "pobj")
            if p is not None and p.tag_ in ("WDT", "WP") and verb.dep_ == "relcl":
                p = verb.head  # "Israeli air raids *in which* 20 people were killed": the raids
            ents = self._means_owner(p) if p is not None else []
            if ents:
                rules.append(f"actor from the means of the act '{c.text} ... {p.text}'")
                return ents
        return []

    def _means_owner(self, p) -> list[Entity]:
        """Who carried out an attack noun ("shelling", "air strike") or used a weapon ("tank fire") ``p``:
        its possessor, its "by" phrase ("an air strike *by government forces*", "a raid *carried out by*
        X"), or a country word among its modifiers ("Israeli tank shelling", "a Saudi-led air strike").
        [] when ``p`` is neither an attack noun nor a weapon, or names no owner."""
        r = self.match(p)
        if (r is None or r.event not in ("ASSAULT", "COERCE")) and p.lemma_.lower() not in WEAPONS | ARMOUR:
            return []
        poss = _child(p, "poss")
        ents = self._entities(poss) if poss is not None else []
        if not ents:  # "killed in an air strike *by government forces*", "a strike *launched by* Israel"
            by = next((x for c2 in p.children if c2.dep_ == "prep" and c2.lower_ == "by"
                       for x in c2.children if x.dep_ == "pobj"), None)
            if by is None:
                by = next((x for a in p.children if a.dep_ == "acl" and a.tag_ == "VBN"
                           for g in a.children if g.dep_ == "agent" for x in g.children if x.dep_ == "pobj"), None)
            ents = self._entities(by) if by is not None else []
        if not ents:
            for m in p.children:
                if m.dep_ in ("amod", "compound"):
                    for t in m.subtree:
                        code = self.actors.kb.country_of_word(t.text)
                        if code:
                            return [Entity(t.text, code=code, start=t.idx, end=t.idx + len(t),
                                           rule="country word on the means of the attack")]
        return ents

    def _target_place(self, verb, actors: list[Entity], rules: list[str]) -> list[Entity]:
        """The people of the place an attack is aimed at, when no victim is named: "fired shells *at
        targets in Jericho*" → the civilians of Jericho's country (PLOVER manual 2.0, §ASSAULT:
        one-sided violence has the victims as recipient)."""
        gaz = self.actors.gazetteer
        if gaz is None:
            return []
        own = {e.code for e in actors}
        preps = ("at", "on", "against", "into")
        if (r := self.match(verb)) is not None and r.event == "MOBILIZE" and own - {"UNK"}:
            # "exercises *in Alaska*", "warships *off* Taiwan": a show of force there (when whose forces is
            # known: "the army was put on alert in Dhaka" is most likely that country's own army)
            preps += ("in", "near", "off")
        for c in verb.children:
            if c.dep_ == "dobj" or (c.dep_ == "prep" and c.lower_ in preps):
                for t in _phrase(c):
                    ent = self.actors.ent_of.get(t.i)
                    if ent is None or ent.label_ != "GPE" or t.i != ent.root.i:
                        continue
                    place = gaz.resolve(ent.text)
                    if place is not None and place.country and place.country not in own:
                        rules.append(f"recipient: the people of the targeted place '{ent.text}'")
                        sector = None if r is not None and r.event == "MOBILIZE" else "CVL"  # a show of force: the state
                        return [Entity(ent.text, code=place.country, sector=sector, start=ent.start_char,
                                       end=ent.end_char, rule="targeted place")]
        return []

    def _place_recipient(self, verb, actors: list[Entity], rules: list[str]) -> list[Entity]:
        """The side whose place or property an act is aimed at or leaves, when no recipient is named: a
        country word or a place name in the verb's at/from/out-of phrase ("fired at a *Philippine* supply
        vessel", "withdrew from the city of *Kherson*", "pulled out of the *Jenin* refugee camp"). The people
        of a populated place (town, camp) are CVL. Never the actor's own country."""
        own = {e.code for e in actors}
        preps = [c for c in verb.children if c.dep_ == "prep" and c.lower_ in ("at", "from")]
        preps += [g for c in verb.children if c.dep_ in ("prt", "advmod", "prep") and c.lower_ == "out"
                  for g in c.children if g.dep_ == "prep" and g.lower_ == "of"]
        gaz = self.actors.gazetteer
        for prep in preps:
            obj = _child(prep, "pobj")
            if obj is None:
                continue
            code = self.actors.country_hint(obj)
            if code is None and gaz is not None:
                names = {self.actors.ent_of[t.i] for t in obj.subtree if t.i in self.actors.ent_of
                         and self.actors.ent_of[t.i].label_ in ("GPE", "LOC", "FAC", "ORG")}
                places = {p.country for p in (gaz.resolve(e.text) for e in names) if p is not None and p.country}
                code = places.pop() if len(places) == 1 else None
            if code and code not in own:
                rules.append(f"recipient: the country of the place in '{prep.text} {obj.text}'")
                sector = "CVL" if obj.lemma_.lower() in _POPULATED_PLACES | {"camp"} else None
                return [Entity(obj.text, code=code, sector=sector, start=obj.idx, end=obj.idx + len(obj),
                               rule="place of the act")]
        return []

    def _destination(self, verb, comp, actors: list[Entity], rules: list[str]) -> list[Entity]:
        """The country where an act is carried to, when no recipient is named: a place inside the object or
        the complement ("opened an embassy *in Tehran*", "agreed to set up a centre *in Tokyo*", "contribute
        troops to a force *in Liberia*", "rejected a call for its forces to be deployed *in East Timor*"),
        or, for material acts, a place the verb is aimed at ("sent aid *to Haiti*"). The people of that
        country are the recipient, as the PLOVER gold codes them. Never the actor's own country."""
        gaz = self.actors.gazetteer
        own = {e.code for e in actors}
        scope: list = []
        for c in verb.children:
            if c.dep_ == "dobj" or (c.dep_ in ("prep", "dative") and c.lower_ in ("to", "into")):
                scope.extend(_phrase(c, _SIDE_CLAUSES))  # not purposes or relative clauses inside it
        if comp is not None:
            scope.extend(t for t in _phrase(comp, _SIDE_CLAUSES) if t.i != comp.i)
        for t in sorted(set(scope), key=lambda t: t.i):
            ent = self.actors.ent_of.get(t.i)
            if ent is None or ent.label_ not in ("GPE", "LOC") or t.i != ent.root.i:
                continue
            if t.dep_ != "pobj" or t.head.lower_ not in ("in", "to", "into", "inside"):
                continue
            code = self.actors.kb.country_of_word(ent.text)
            if code is None and gaz is not None:
                place = gaz.resolve(ent.text)
                code = place.country if place is not None else None
            host = t.head.head  # "a village *in Cambodia*", "the biggest Cambodian refugee camp *in Thailand*"
            mods = {c.lemma_.lower() for c in host.children if c.dep_ in ("amod", "compound")}
            people = {self.actors.kb.country_of_word(c.text) for c in host.children
                      if c.dep_ in ("amod", "compound")} - {None}
            if len(people) == 1 and host.lemma_.lower() in _POPULATED_PLACES | {"camp"}:
                code = people.pop()  # a camp of Cambodian refugees in Thailand holds Cambodians
            if code and code not in own:
                rules.append(f"recipient: the country of the destination '{ent.text}'")
                # "retook a village *in Cambodia*": the people of a populated place
                sector = "REF" if "refugee" in mods else (
                    "CVL" if host.lemma_.lower() in _POPULATED_PLACES | {"camp"} else None)
                return [Entity(ent.text, code=code, sector=sector, start=ent.start_char, end=ent.end_char,
                               rule="destination")]
        return []

    def _modifier_country(self, noun, own: set[str]) -> list[Entity]:
        """A one-country entity from the adjective/compound/possessive words of ``noun`` ("*Israeli*
        targets", "a *U.S.* request"), other than the actor's own country; [] when none or several."""
        mods = [m for m in noun.children if m.dep_ in ("amod", "poss", "compound")]
        mods += [g for m in mods if m.lemma_.lower() in _FLAGGED for g in m.children
                 if g.dep_ in ("npadvmod", "compound", "amod", "nmod")]  # "a *Greek*-owned tanker"
        found = {self.actors.kb.country_of_word(m.text) for m in mods} - {None} - own
        if len(found) != 1:
            return []
        code = found.pop()
        m = next(m for m in mods if self.actors.kb.country_of_word(m.text) == code)
        return [Entity(m.text, code=code, sector=self._noun_sector(noun), start=m.idx, end=m.idx + len(m),
                       rule="country word")]

    def _noun_sector(self, noun) -> str | None:
        """Sector of the people a noun stands for: its role ("*Chinese* authorities" → GOV, "*Mexican*
        immigrants" → REF/CVL) or, for a populated place or dwelling ("*Iraqi* towns"), civilians."""
        role = self.actors.kb.role(noun.lemma_) or self.actors.kb.role(noun.text)
        if role is not None:
            return role.sector
        return "CVL" if noun.lemma_.lower() in _POPULATED_PLACES else None

    def _accused(self, verb, actors: list[Entity]) -> list[Entity]:
        """Who an accusation, criticism or investigation is about: the doer of the act it names ("crimes *by
        X*"), the object of over/about/against/of/into/for on the verb or on its object, or an actor
        (possessor, by-agent, country word) inside it."""
        own = {e.code for e in actors}
        heads = [verb] + [c for c in verb.children if c.dep_ == "dobj"]
        if len(heads) == 1:
            # "denounced as an ugly crime *Serbia's suppression* of ...": the object shifted after its "as"
            # phrase, which the parser takes for an apposition there
            for shifted in (a for p in verb.children if p.dep_ == "prep" and p.lower_ == "as"
                            for x in p.children if x.dep_ == "pobj" for a in x.children if a.dep_ == "appos"):
                ents = [e for e in self._entities(shifted) if e.code not in own or _other_party(e, actors)] \
                    or self._inner_entities(shifted, actors)
                if ents:
                    return ents
                heads.append(shifted)
            # "condemned as unacceptable *allegations by Rwanda*": the adjective is the predicate, the bare noun
            # after it the object
            heads += [x for p in verb.children if p.dep_ == "prep" and p.lower_ == "as" for x in p.children
                      if x.dep_ == "pobj" and x.i == p.i + 2 and x.nbor(-1).dep_ == "amod" and x.tag_ in ("NN", "NNS")]
        for h in heads[1:]:
            # "accused *the gang* of smuggling migrants": the object itself when it names a party;
            # "condemned *Russia's* annexation of four Ukrainian regions": the object's owner, before any
            # entity inside its of-phrase
            ents = [e for e in self._entities(h) if e.code not in own or _other_party(e, actors)] or [
                e for c in h.children if c.dep_ == "poss" and h.lemma_.lower() not in _PATIENT_NOUNS
                for e in self._entities(c) if e.code not in own or _other_party(e, actors)]
            if ents:
                return ents
        for h in heads[1:] + ([verb] if _child(verb, "nsubjpass") is None else []):
            # "investigating killings *by Peruvian guerrillas* against civilians": the doer of the act (the
            # parser may hang the "by" phrase on an active verb)
            for x in (g for c in h.children if c.dep_ in ("prep", "agent") and c.lower_ == "by"
                      for g in c.children if g.dep_ == "pobj"):
                ents = [e for e in self._entities(x) if e.code not in own or _other_party(e, actors)]
                if ents:
                    return ents
        for h in heads:
            for c in h.children:
                if c.dep_ != "prep" or c.lower_ not in ("over", "about", "against", "of", "into", "for", "on"):
                    continue
                p = _child(c, "pobj")
                if p is None:
                    continue
                ents = [e for e in self._entities(p) if e.code not in own or _other_party(e, actors)]
                if not ents:
                    ents = self._inner_entities(p, actors)
                if not ents:
                    for x in p.subtree:  # "into alleged crimes committed *by Croat forces*"
                        if x.dep_ == "pobj" and x.head.lower_ == "by":
                            ents = [e for e in self._entities(x) if e.code not in own or _other_party(e, actors)]
                            if ents:
                                break
                if not ents:
                    ents = self._modifier_country(p, own)
                if ents:
                    return ents
        return []

    def _inner_entities(self, noun, actors: list[Entity]) -> list[Entity]:
        """Actors named inside a non-actor noun phrase: its possessor or its prepositional objects."""
        own = {e.code for e in actors}
        cands = [c for c in noun.children if c.dep_ == "poss"]
        cands += [x for c in noun.children if c.dep_ == "prep" and c.lower_ not in ("in", "at", "near", "into")
                  for x in c.children if x.dep_ == "pobj"]
        for c in cands:
            ents = [e for e in self._entities(c) if e.code not in own or _other_party(e, actors)]
            if ents:
                return ents
        return []

    def _object_recipient(self, verb, actors: list[Entity], rules: list[str]) -> list[Entity]:
        """The recipient named inside the direct object: its possessor ("welcomed *Reagan's* statement"),
        or the object of its to/for/with/by/of/from/against/on phrase ("continue military aid *to
        Mozambique*", "demanded the withdrawal *of Serbian forces*", "rejected calls *by Belarus*")."""
        obj = _child(verb, "dobj")
        if obj is None:  # "insisted *on its demands that* Burundi's government grant ...": the demand's addressee
            obj = next((x for c in verb.children if c.dep_ == "prep" and c.lower_ in ("on", "upon")
                        for x in c.children if x.dep_ == "pobj" and x.lemma_.lower() in _PROPOSALS), None)
            if obj is None:
                return []
        own = {e.code for e in actors}
        cands = []
        if _measured(obj) is not obj:  # "suspended part *of a military aid program for Bosnia*"
            obj = _measured(obj)
            cands.append(obj)  # "captured part *of a Karen guerrilla stronghold*": the counted noun itself
        cands += [c for c in obj.children if c.dep_ == "poss"]
        # "a United Nations appeal": a name compounded onto the object
        cands += [c for c in obj.children if c.dep_ in ("compound", "nmod") and (
            (c.i in self.actors.ent_of and self.actors.ent_of[c.i].label_ in ("ORG", "GPE", "PERSON"))
            or (c.text[:1].isupper() and c.i not in self.actors.ent_of))]  # "an *ECOWAS* demand" (untagged)
        for c in obj.children:
            if c.dep_ == "prep" and c.lower_ in ("to", "for", "with", "by", "of", "from", "against", "on", "over"):
                cands.extend(x for x in c.children if x.dep_ == "pobj")
            if c.dep_ == "acl":  # "prevented the demonstration *staged by students*"
                cands.extend(x for a in c.children if a.dep_ == "agent" for x in a.children if x.dep_ == "pobj")
            if c.dep_ in ("acl", "ccomp") and any(m.dep_ == "mark" and m.lower_ == "that" for m in c.children):
                cands.extend(x for x in c.children if x.dep_ == "nsubj")  # "its demand *that Israel* ease ..."
        for c in cands:
            ents = [e for e in self._entities(c) if e.code not in own or _other_party(e, actors)]
            if ents:
                rules.append(f"recipient inside the object '{obj.text}'")
                return ents
            ents = self._modifier_country(c, own)
            if ents:
                rules.append(f"recipient from country word '{ents[0].entity_text}' inside the object")
                return ents
        return []

    def _complement_recipient(self, comp, actors: list[Entity], rules: list[str]) -> list[Entity]:
        """The recipient inside a control verb's complement: its subject when it differs from the actor
        ("demanded that *Mugabe* abandon"), its object, or its to/for/against/with/from object
        ("offered to hand over *to Britain*", "threatened to shell *Iraqi* towns")."""
        own = {e.code for e in actors}
        cands = [c for c in comp.children if c.dep_ in ("nsubj", "nsubjpass") and comp.dep_ == "ccomp"]
        cands += [c for c in comp.children if c.dep_ in ("dobj", "dative")]
        cands += [x for c in comp.children if c.dep_ in ("prep", "dative") and c.lower_ in
                  ("to", "for", "against", "with", "from", "on", "between")
                  for x in c.children if x.dep_ == "pobj"]
        for c in cands:
            ents = [e for e in self._entities(c) if e.code not in own or e.code == "UNK" or _other_party(e, actors)]
            if ents:
                rules.append(f"recipient from the complement '{comp.text}'")
                return ents
        for c in cands:  # "threatened to suspend trade talks *with Mercosur*": the other party of a tie
            ents = [e for e in self._linked_party(c) if e.code not in own or _other_party(e, actors)] or [
                e for p in c.children if p.dep_ == "prep" and p.lower_ in ("to", "with")
                for x in p.children if x.dep_ == "pobj"
                for e in self._modifier_country(x, own)]  # "assistance to the *US*-led war"
            if ents:
                rules.append(f"recipient: the other party of '{c.text}' in the complement")
                return ents
        for c in cands:
            ents = self._modifier_country(c, own)
            if ents:
                rules.append(f"recipient from country word '{ents[0].entity_text}' in the complement")
                return ents
        for c in cands:  # "refused to respond to a demand *from the US President*"
            ents = self._inner_entities(c, actors)
            if ents:
                rules.append(f"recipient named inside '{c.text}' in the complement")
                return ents
        return []

    def _hinted_recipient(self, tok, actors: list[Entity], rules: list[str], deep: bool = False) -> list[Entity]:
        """A recipient named only by a country word inside the object ("pushed the case for transparency
        in future *Russian* military activities" → RUS), when it differs from the actor's country."""
        own = {e.code for e in actors}
        for c in tok.children:
            if c.dep_ == "dobj" or (c.dep_ == "prep" and c.lower_ in ("for", "about", "over", "against", "on", "to")):
                if not deep:  # only the object's own modifiers: "attacked *Ukrainian* positions"
                    head = c if c.dep_ == "dobj" else _child(c, "pobj")
                    if head is None:
                        continue
                    head = _measured(head)  # "dozens *of Estonian* websites"
                    mods = [m for m in head.children if m.dep_ in ("amod", "poss", "compound")]
                    # "a *Greek*-flagged tanker", "a Greek-owned ship": the country word on the participle
                    mods += [g for m in mods if m.lemma_.lower() in _FLAGGED for g in m.children
                             if g.dep_ in ("npadvmod", "compound", "amod", "nmod")]
                    found = {self.actors.kb.country_of_word(m.text) for m in mods} - {None}
                    code = found.pop() if len(found) == 1 else None
                else:
                    code = self.actors.country_hint(c)
                    head = c if c.dep_ == "dobj" else _child(c, "pobj")
                    mods = self._modifier_country(_measured(head), own) if head is not None and not code and \
                        head.lemma_.lower() not in _POPULATED_PLACES | {"camp"} else []  # (places: _destination)
                    if mods:  # several countries in the phrase: the noun's own word ("two *Brazilian* men
                        # sought in the slaying of two American missionaries")
                        rules.append(f"recipient from country word '{mods[0].entity_text}' in the object")
                        return mods
                if code and code not in own:
                    words = next((t for t in c.subtree if self.actors.kb.country_of_word(t.text) == code), c)
                    rules.append(f"recipient from country word '{words.text}' in the object")
                    return [Entity(words.text, code=code, start=words.idx, end=words.idx + len(words),
                                   rule="country word in the object")]
        return []

    def _slot(self, tok, slot: str) -> list:
        if slot.startswith("obj:"):  # inside the direct object: "accepted *Iran's* offer", "the offer *of* X"
            obj = _child(tok, "dobj") or _child(tok, "nsubjpass")
            if obj is None:
                return []
            obj = _measured(obj)  # "suspended part *of a military aid program for Bosnia*"
            sub = slot[4:]
            if sub == "poss":
                return [c for c in obj.children if c.dep_ == "poss"]
            out = [x for c in obj.children if c.dep_ == "prep" and c.lower_ == sub
                   for x in c.children if x.dep_ == "pobj"]
            if not out and obj.dep_ == "dobj":  # the parser hung the object's preposition on the verb:
                # "issued arrest warrants | *for* two Brazilian men"
                out = [x for c in tok.children if c.dep_ == "prep" and c.lower_ == sub and c.i > obj.i
                       for x in c.children if x.dep_ == "pobj"]
            return out
        if slot == "obj":  # "defaced dozens *of Estonian websites*": the measured noun
            objs = [_measured(c) for c in tok.children if c.dep_ == "dobj"]
            if not objs:  # "kidnapped *up to 16* advisers": the parser took the quantity for a particle
                objs = [x for c in tok.children if c.dep_ in ("prt", "advmod") and c.lower_ == "up"
                        for p in c.children if p.dep_ == "prep" and p.lower_ == "to"
                        for x in p.children if x.dep_ == "pobj" and any(n.dep_ == "nummod" for n in x.children)]
            return objs
        if slot == "iobj":
            return [c for c in tok.children if c.dep_ in ("dative", "iobj")]
        if slot.startswith("prep:"):
            want = slot[5:]
            out = []
            for c in tok.children:
                if c.dep_ in ("prep", "dative", "agent") and c.lower_ == want:
                    out.extend(x for x in c.children if x.dep_ == "pobj")
                    if not any(x.dep_ == "pobj" for x in c.children):
                        out.extend(_stranded_object(c))
                elif c.dep_ in ("prt", "advmod", "prep") and c.lower_ in ("out", "away", "back", "off", "up"):
                    # "pulled its troops *out of* Ethiopia": the preposition under the particle
                    out.extend(x for g in c.children if g.dep_ == "prep" and g.lower_ == want
                               for x in g.children if x.dep_ == "pobj")
            obj = _child(tok, "dobj")
            if obj is not None and not out:  # "placed the blame on NATO": prep under the object, or under
                # its last conjunct ("launched artillery, mortar and rocket fire *against* the camps")
                for o in (obj, *_conj_chain(obj)):
                    for c in o.children:
                        if c.dep_ == "prep" and c.lower_ == want:
                            out.extend(x for x in c.children if x.dep_ == "pobj")
            return out
        if slot == "ccomp_subj":  # "demanded that *Mugabe* abandon ..."
            return [x for c in tok.children if c.dep_ in ("ccomp", "xcomp")
                    for x in c.children if x.dep_ in ("nsubj", "nsubjpass")]
        if slot == "comp_from":  # "refused to respond to a demand *from the US President*"
            comp = _complement(tok)
            return [] if comp is None else [
                x for p in comp.children if p.dep_ == "prep" for o in p.children if o.dep_ == "pobj"
                for q in o.children if q.dep_ == "prep" and q.lower_ == "from" for x in q.children if x.dep_ == "pobj"]
        if slot == "xcomp_subj":
            c = self._control_object(tok)
            return [c] if c is not None else []
        if slot == "poss":
            return [c for c in tok.children if c.dep_ == "poss"]
        if slot == "of":
            return [x for c in tok.children if c.dep_ == "prep" and c.lower_ == "of"
                    for x in c.children if x.dep_ == "pobj"]
        return []

    def _is_content_of_event(self, tok) -> bool:
        """True when ``tok`` is the content of another trigger ("called on X to *withdraw*", "accused X of
        *shelling*", "denied *aiding*", "agreed to *meet*"), which codes it instead."""
        t = tok
        via_prep = False
        for _ in range(6):
            if t.dep_ not in ("xcomp", "ccomp", "pcomp", "conj", "relcl", "acl", "pobj", "advcl", "prep") \
                    and not (t.dep_ == "dobj" and via_prep and t.head.dep_ in ("pcomp", "xcomp")) \
                    or t.head is t:  # (an object reached from its phrase: "accused of playing a role *in* X")
                return False
            h = t.head
            via_prep = False
            if t.dep_ == "conj":
                t = h
                continue
            if t.dep_ == "pobj" and h.dep_ == "prep":
                t = h.head if h.head is not h else h
                h = t
                via_prep = True
                if self.match(h) is not None and self.match(h).event not in ("REPORT", "NONE"):
                    return True
                continue
            lemma = h.lemma_.lower()
            attempt = lemma in _ATTEMPTS and t.dep_ == "acl" and t is tok and h.dep_ in _NOMINAL_DEPS \
                and (r := self.match(tok)) is not None \
                and r.event in ("ASSAULT", "COERCE")  # "an attempt to assassinate the governor": an attack attempted
            # is an attack (CAMEO 185), unless the attempt is itself the content of another event
            if h.pos_ in ("NOUN", "PROPN") and t.dep_ in ("acl", "ccomp") and not attempt and any(
                    c.dep_ in ("aux", "mark") and c.lower_ in ("to", "that") for c in t.children):
                return True  # "its demand that Israel *ease* ...", "a plan to *attack*": not asserted
            kind = self.lex.reporting.get(lemma)
            if kind in ("report",) and t.dep_ in ("ccomp", "advcl"):
                return False
            if kind == "allege" and self._claims_own_act(h, tok):
                return False  # "the Houthis claimed they had attacked the airport": their own act, coded
            if kind in ("deny", "allege") and t.dep_ == "ccomp" and t.i < h.i and any(
                    c.dep_ == "dobj" and c.lemma_.lower() in ALLEGATION_NOUNS for c in h.children):
                return False  # "X accused Y of Z, *a charge* Y denies": the parser hung the main clause on "denies"
            if kind in ("deny", "allege"):
                return True
            if h.pos_ == "NOUN" and lemma in ALLEGATION_NOUNS:
                return True
            r = self.match(h)
            if r is not None and r.event not in ("REPORT", "NONE") and (t.dep_ in ("xcomp", "ccomp", "pcomp", "acl") or (
                    t.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ == "for" for m in t.children))):
                return True  # ("called for Rice *to resign*")
            if t.dep_ == "pcomp" and h.dep_ == "prep" and h.lower_ == "by" and t is tok and h.head.lemma_.lower() in (
                    "retaliate", "respond", "react", "reply", "hit"):
                return False  # "retaliated *by raising* duties": the means is an act of its own
            if t.dep_ == "pcomp" and h.dep_ == "prep":
                hh = h.head
                r2 = self.match(hh) if hh is not h else None
                if r2 is not None and r2.event not in ("REPORT", "NONE"):
                    return True  # "accused Russia of *backing*", "denied *aiding*"
                if self.lex.reporting.get(hh.lemma_.lower()) in ("deny", "allege") or (
                        hh.pos_ == "NOUN" and hh.lemma_.lower() in ALLEGATION_NOUNS):
                    return True
                t = h
                continue
            t = h
        return False

    # -- nouns -----------------------------------------------------------------------------------------
    def _participants(self, noun) -> tuple[list[Entity], list[Entity], bool]:
        """(actor, recipient, symmetric) from a nominal event's own words."""
        for c in noun.children:
            if c.dep_ == "prep" and c.lower_ in ("between", "among", "amongst"):
                p = _child(c, "pobj")
                ents = self._entities(p) if p is not None else []
                if len(ents) >= 2:
                    return ents[:1], ents[1:], True
        poss = _child(noun, "poss")
        actor = self._entities(poss) if poss is not None else []
        recipient: list[Entity] = []
        if actor and noun.lemma_.lower() in _PATIENT_NOUNS:  # "Macaire's arrest": the arrested
            actor, recipient = [], actor
        if actor and (row := self.match(noun)) is not None and row.event == "ASSAULT" and any(
                c.dep_ == "amod" and (c.tag_ == "JJS" or c.lower_ in ("terrorist", "terror")) for c in noun.children):
            # "France's deadliest terrorist attack", "its worst attack in 50 years": where it struck, not who
            actor, recipient = [], actor
        for c in noun.children:
            if c.dep_ == "prep" and c.lower_ in ("with", "on", "against", "to", "of", "by", "into"):
                p = _child(c, "pobj")
                if p is None:
                    continue
                if p.lemma_.lower() in ALLEGATION_NOUNS:  # "investigation into an allegation *that the NPFL* ..."
                    p = next((x for a in p.children if a.dep_ in ("acl", "ccomp") for x in a.children
                              if x.dep_ in ("nsubj", "nsubjpass")), p)
                ents = self._entities(p) or (self._linked_party(p) if c.lower_ == "of" else [])
                if not ents:
                    continue
                if c.lower_ == "by" and not actor:
                    actor = ents
                elif not recipient and c.lower_ != "by":
                    recipient = ents
        if not actor:  # "a demonstration *organised by students*", "talks *hosted by Norway*": the agent
            agent = next((a for c in noun.children if c.dep_ == "acl" and c.tag_ == "VBN"
                          for a in c.children if a.dep_ == "agent"), None)
            p = _child(agent, "pobj") if agent is not None else None
            actor = self._entities(p) if p is not None else []
        if not recipient and noun.lemma_.lower() in ALLEGATION_NOUNS:
            # "allegations by Rwanda *that France* had played a role": the accused is the content's subject
            # (never the accuser: a pronoun resolved back to the accuser names no one new)
            subj = next((x for a in noun.children if a.dep_ in ("acl", "ccomp") for x in a.children
                         if x.dep_ in ("nsubj", "nsubjpass")), None)
            recipient = [e for e in self._entities(subj) if e.code not in {a.code for a in actor}]
        return actor, recipient, False

    def _noun_event(self, noun, row: Trigger) -> Candidate | None:
        rules = [row.describe()]
        if noun.dep_ in ("compound",):
            return None
        head = noun.head
        if row.event == "THREATEN" and noun.lemma_.lower() == "threat" and not (
                (head.pos_ in ("VERB", "AUX") and head.lemma_.lower() in _ISSUING_VERBS and noun.dep_ in ("dobj", "nsubjpass"))
                or any(c.dep_ == "acl" and _to_infinitive(c) for c in noun.children)
                or any(p.dep_ in ("prep", "agent") and p.lower_ in ("from", "by") for p in list(noun.children) + (
                    list(head.children) if head.lemma_.lower() in ("receive", "get") else []))  # "threats from X"
                or any(p.dep_ == "prep" and p.lower_ == "of" and any(
                    g.lemma_.lower() in ("force", "sanction", "tariff", "retaliation", "war", "strike", "attack",
                                         "action", "violence", "invasion", "military") or self.match(g) is not None
                    for g in p.children) for p in noun.children)):
            return None  # "North Korea's nuclear threat", "the principal threat of the moment": a danger, not a
            # threat someone made (PLOVER manual 2.0, §THREATEN: "threats, coercive or forceful warnings")
        if head.lemma_.lower() == "call" and noun.dep_ in ("dobj", "oprd") and any(k == "head" for k, _ in row.requires) \
                and (noun.dep_ == "oprd" or any(c.dep_ == "oprd" for c in head.children)):
            return None  # "called the Sept. 11 strike an act of terror": named, not a strike called
        # a copular reference to an event already reported: "It was the first meeting between ..."
        if noun.dep_ in ("attr",) and head.lemma_ == "be":
            return None
        if self._inside_other_trigger(noun):
            return None
        top = noun  # "concerned about *the large number of* military exercises": the measure is the topic
        if noun.dep_ == "pobj" and head.lower_ == "of" and _measured(head.head).i == noun.i:
            top = head.head
        gov = _governing_verb(noun)  # "held talks on X" reports talks; "exercises *conducted* by X" may be a topic
        governed = gov is not None and any(k == "head" and gov.lemma_.lower() in v for k, v in row.requires)
        going = (top.head.lower_ == "for" and top.head.head.lemma_.lower() in _GOING_FOR | _TAKING_PART) or (
            top.head.lower_ == "on" and row.event == "PROTEST" and top.head.head.lemma_.lower() in ("be", "remain", "stay"))
        if top.dep_ == "pobj" and top.head.lower_ in TOPIC_PREPS and not governed and not going \
                and top.head.head.lemma_.lower() not in ("responsible", "guilty", "culpable"):
            return None  # a topic, not a report: "the position against Moscow's annexation of Crimea"
        actor, recipient, symmetric = self._participants(noun)
        if symmetric and row.cameo.startswith("045") and noun.head.pos_ in ("VERB", "AUX"):
            # "undertook a mediation mission between Syria and Arafat": the mediator acts, the parties receive
            mediator = self._entities(self.subject(noun.head)[0])
            if mediator:
                actor, recipient, symmetric = mediator, actor + recipient, False
                rules.append("mediation: the parties 'between' are the recipients")
        # light verb: "Lavrov and Reynders attend a signing ceremony", "workers went on strike"
        gov = _governing_verb(noun) if any(k == "head" for k, _ in row.requires) else None
        if gov is not None and not actor:
            subj, _ = self.subject(gov)
            actor = self._entities(subj) or self._unresolved(subj, rules)
            if actor:
                rules.append(f"event noun governed by '{gov.lemma_}'")
            if not recipient and "obj" in row.recipient:  # "engaged *Filipino peacekeepers* in a firefight"
                recipient = self._entities(_child(gov, "dobj"))
        elif noun.dep_ == "pobj" and head.lower_ == "of" and head.head.lemma_.lower() in _ROUNDS \
                and head.head.dep_ in ("dobj", "nsubjpass") and not actor:
            # "began a new round of joint exercises": the verb that governs the counting noun
            subj, _ = self.subject(head.head.head)
            actor = self._entities(subj)
            if actor:
                rules.append(f"event noun in '{head.head.text} of' governed by '{head.head.head.lemma_}'")
        elif noun.dep_ == "pobj" and head.lower_ in ("for", "of") and head.head.pos_ == "ADJ" and \
                head.head.lemma_.lower() in ("responsible", "guilty", "culpable") and not actor:
            # "the LRA is *responsible for* mass killings": the one responsible is the doer
            subj, _ = self.subject(head.head.head) if head.head.dep_ == "acomp" else (None, None)
            actor = self._entities(subj)
            if actor:
                rules.append(f"event noun that '{subj.text}' is {head.head.lower_} {head.lower_}")
        elif noun.dep_ == "pobj" and not actor and (
                (head.lower_ in ("in", "for") and head.head.lemma_.lower() in _TAKING_PART)
                or (head.lower_ == "for" and head.head.lemma_.lower() in _GOING_FOR)
                or (head.lower_ == "on" and row.event == "PROTEST" and head.head.lemma_.lower() in ("be", "remain", "stay"))):
            # ("has been *on hunger strike* for 80 days": the one on strike)
            # "Serb forces were engaged *in ethnic cleansing*", "thousands were converging *for a rally*",
            # "negotiators return to Geneva *for talks*"
            v = head.head
            subj, passive = self.subject(v)
            actor = self._entities(subj if subj is not None else passive)
            if actor:
                rules.append(f"event noun that '{v.lemma_} {head.lower_}' takes part in")
            if not recipient:  # "engaged in ethnic cleansing ... *against the Albanian population*"
                recipient = [e for c in v.children if c.dep_ == "prep" and c.lower_ in ("against", "on")
                             for x in c.children if x.dep_ == "pobj" for e in self._entities(x)]
        elif noun.dep_ in ("dobj", "nsubjpass") and head.pos_ in ("VERB", "AUX"):
            if head.lemma_.lower() in _NAMING_VERBS and any(c.dep_ in ("oprd", "xcomp", "acomp") and (
                    c.lemma_.lower() in _NEGATIVE_JUDGEMENTS or any(a.lemma_.lower() in _NEGATIVE_JUDGEMENTS
                                                                    for a in c.children)) for c in head.children):
                return None  # "Trump called *the investigation* a hoax": named and judged, not reported
            hrow = self.match(head)
            if hrow is not None and hrow.event not in ("REPORT", "NONE") and hrow.requires:
                return None  # the verb row codes it
            subj, _ = self.subject(head)
            subj_ents = self._entities(subj)
            if head.lemma_.lower() in _WITNESS_VERBS:
                subj_ents = []  # "tourists *saw* the shelling", "a journalist *witnessed* the attack": no doer
            elif noun.lemma_.lower() in _PATIENT_NOUNS and _child(noun, "poss") is not None and head.lemma_.lower() not in ASPECTUAL | {
                    "carry", "conduct", "make", "order", "authorize", "authorise", "approve", "announce", "secure"}:
                subj_ents = []  # "Raab called *Macaire's arrest* a violation": who reacts to it did not do it
            elif noun.dep_ == "dobj" and (head.lemma_.lower() in _VICTIM_VERBS or (
                    head.lemma_.lower() in _GETTING_VERBS and row.event in ("CONCEDE", "SUPPORT", "AID", "AGREE"))):
                # ("their negotiators *extracted* concessions": the other side conceded to them)
                # "the minister *survived* the bombing": the subject suffered the act, the noun's doer did it
                recipient, subj_ents = recipient or subj_ents, []
                if subj_ents or recipient:
                    rules.append(f"'{head.lemma_}': its subject suffered the act")
                if not actor:  # "received threats *from militants*", "extracted concessions *from Turkey*"
                    actor = [e for h in (head, noun) for c in h.children if c.dep_ == "prep" and c.lower_ == "from"
                             for x in c.children if x.dep_ == "pobj" for e in self._entities(x)]
            if subj_ents:
                if not actor:
                    actor = subj_ents
                elif actor and recipient == [] and symmetric is False and _codes(actor) != _codes(subj_ents) and (
                        head.lemma_.lower() in LIGHT_VERBS or head.lemma_.lower() in ASPECTUAL):
                    # (but "the committee completed *its* investigation": the possessor is the subject itself)
                    recipient = actor  # "X launched its offensive on Y"; but "protesters celebrated *the prime
                    actor = subj_ents  # minister's* resignation": the noun's own doer stays
                rules.append(f"event noun object of '{head.lemma_}'")
        if not actor and noun.dep_ == "nsubj" and head.lemma_.lower() in ASPECTUAL:
            # "Palestinian riots ... are still continuing": the country word on the event noun is its actor
            actor = self._modifier_country(noun, set())
            if actor:
                rules.append(f"'{actor[0].entity_text} {noun.text}' {head.lemma_}: the country word is the actor")
        # "since talks in Munich": inherit the participants of the event it is compared with
        if not actor and noun.dep_ == "pobj" and head.lower_ in TEMPORAL_PREPS:
            ref = head.head
            if ref.pos_ in ("NOUN", "PROPN"):
                a2, r2, s2 = self._participants(ref)
                if a2:
                    actor, recipient, symmetric = a2, r2, s2
                    rules.append(f"participants of '{ref.text}' it is compared with")
        if not actor:
            return None
        if row.event == "PROTEST" and noun.lemma_.lower() in ("rally", "march") and all(
                e.sector in ("GOV", "ELI") for e in actor):
            return None  # "his near-daily rallies": a leader's campaign rallies are no protest against anyone
        if not recipient and row.event == "PROTEST":
            where = gov or (head if head.pos_ in ("VERB", "AUX") and head.lemma_.lower() not in ASPECTUAL else noun)
            recipient = self._protest_target(where, actor, rules)
        if len(actor) > 1 and not recipient and row.event in ("CONSULT", "SUPPORT", "COOPERATE", "AGREE"):
            actor, recipient, symmetric = actor[:1], actor[1:], True
        if row.event in ("CONSULT",) and recipient:
            symmetric = True
        if noun.dep_ in ("dobj", "nsubjpass") and head.pos_ in ("VERB", "AUX"):
            start, end = self._clause_span(head)
            trig = head
        else:
            start, end = _span_chars(list(noun.subtree))
            trig = noun
        cand = Candidate(
            trigger=noun, row=row, event=row.event, mode=row.mode, actor=actor, recipient=recipient,
            start=start, end=end, sent_index=self.sent_index.get(noun.i, 0),
            event_text=(f"{head.text} ... {noun.text}" if trig is head else noun.text),
            symmetric=symmetric, rules=rules, confidence=0.5,
        )
        self._modality(cand, trig)
        self._reclassify(cand, noun)
        return cand

    def _inside_other_trigger(self, noun) -> bool:
        """A nominal event inside another event's words ("a ceremony of an *agreement*") is its content."""
        t = noun
        for _ in range(6):
            if t.head is t:
                return False
            h = t.head
            if t.dep_ in ("pobj",) and h.dep_ == "prep" and h.lower_ in TEMPORAL_PREPS:
                return False
            if t.dep_ == "prep" and t.lower_ in ("of", "for") and h.pos_ == "VERB" and (
                    self.lex.reporting.get(h.lemma_.lower()) in ("allege", "deny")
                    or getattr(self.match(h), "event", None) == "ACCUSE"):
                return True  # "accused of playing a role in the *genocide*": what the accused is said to have done
            if t.dep_ in ("xcomp", "ccomp") and h.pos_ in ("VERB", "AUX"):
                r = self.match(h)  # "agreed to postpone *the demonstration*": the content of an agreement
                if r is not None and r.event not in ("REPORT", "NONE"):
                    return True
            if h.pos_ in ("NOUN", "PROPN", "VERB") and h is not noun:
                r = self.match(h)
                if r is not None and r.event not in ("REPORT", "NONE") and (
                        t.dep_ in ("pobj", "dobj", "compound") or (t.dep_ == "prep" and t.i != noun.i and h.pos_ == "NOUN")):
                    # ("a hunger strike in protest *of* the government's refusal": the refusal is the topic)
                    if not (h.pos_ == "VERB" and t.dep_ == "dobj" and not r.requires
                            and h.lemma_.lower() in LIGHT_VERBS):
                        return True
                if h.pos_ in ("NOUN",) and h.lemma_.lower() in ALLEGATION_NOUNS:
                    return True
            t = h
        return False

    # -- modality, attribution, spans ------------------------------------------------------------------
    def _modality(self, cand: Candidate, tok) -> None:
        chain = [tok]
        t = tok
        for _ in range(6):
            if t.head is t or t.dep_ not in ("xcomp", "ccomp", "conj", "advcl", "pcomp", "prep", "pobj", "dobj",
                                             "acomp") and not (
                    t.dep_ == "acl" and t.head.pos_ == "NOUN" and t.head.dep_ == "dobj"):  # ("raids *to capture*")
                break
            t = t.head
            chain.append(t)
        negated = any(c.dep_ == "neg" for c in tok.children) or any(
            c.dep_ in ("nsubj", "nsubjpass") and c.lower_ in _NEGATIVE_SUBJECTS for c in tok.children) or any(
            c.dep_ == "det" and c.lower_ == "no" and not any(s0 <= c.idx < e0 for s0, e0 in self.quotes)
            for n in {cand.trigger, _child(tok, "dobj"), _child(tok, "nsubjpass")} if n is not None
            for c in n.children) or (  # "engaged in *no* discussion", "*no* talks were held" (a chanted "No X!" is a slogan)
            cand.trigger.i == tok.i and any(t.lower_ in ("nothing", "none") for c in tok.children
                                            if c.dep_ in ("dobj", "advmod", "npadvmod") for t in c.subtree))
        own_neg = negated
        hypothetical_self = tok.lemma_.lower() in DELIBERATION and cand.trigger.i != tok.i  # noun event under it
        if cand.trigger.pos_ == "NOUN":
            mods = {c.lower_ for c in cand.trigger.children if c.dep_ in ("amod", "compound", "advmod")}
            hypothetical_self = hypothetical_self or bool(mods & _UNREAL_MODS)  # "a *proposed* ban", "*possible* sanctions"
            planned = bool(mods & _PLANNED_MODS)  # "the *planned* visit", "an *upcoming* summit"
        else:
            planned = False
        if tok.dep_ == "xcomp" and any(c.dep_ == "neg" for c in tok.head.children):
            negated = True
        first = tok
        while first.dep_ == "conj" and first.head.i != first.i:
            first = first.head
        yet_to = first.dep_ == "xcomp" and first.head.lemma_.lower() == "have" and any(
            c.lower_ == "yet" for c in first.head.children)
        if first.dep_ == "pcomp" and first.head.lower_ in ("without", "of") and (
                first.head.lower_ == "without" or first.head.head.lower_ == "instead"
                or any(c.lower_ == "instead" for c in first.head.children)):
            yet_to = True  # "*without being fired*", "prepared to tweak NAFTA *instead of withdrawing*": not done
        if first.dep_ in ("xcomp", "dobj") and first.tag_ == "VBG" and first.head.lemma_.lower() in (
                "resist", "avoid", "refuse", "decline", "oppose", "reject"):
            negated = True  # "Mexico did, however, *resist signing* an agreement": a refusal (§REJECT)
        if any(a.pos_ == "NOUN" and a.lemma_.lower() in ("report", "sign", "evidence", "indication", "word", "record")
               and any(d.dep_ == "det" and d.lower_ == "no" for d in a.children)
               for a in itertools.islice(tok.ancestors, 4)):
            negated = yet_to = True  # "there were *no reports* of Americans who were killed": not reported
        if any(c.dep_ in ("nsubj", "nsubjpass") and any(d.dep_ == "det" and d.lower_ == "no" and d.i < c.i
                                                         for d in c.subtree) for c in tok.children):
            negated = yet_to = True  # "*No* other sitting US president has ever visited": never done
        if any(t3.lemma_.lower() in ("unwilling", "reluctant", "hesitant", "loath") for t3 in chain[1:]):
            hypothetical_self = True  # "the CIA is *unwilling* to send officers": not done, no act
        if tok.dep_ == "xcomp" and tok.head.lower_ == "about" and any(c.lower_ == "to" for c in tok.children):
            planned = True  # "the plan that Obama is *about to* endorse": future
        if any(t3.lemma_.lower() in ("guilty", "responsible", "culpable", "liable") and _child(t3, "neg") is not None
               for t3 in chain[1:]):
            yet_to = True  # "found Zimmerman *not guilty* of murdering Martin": the act not established
        if yet_to:
            negated = True  # "authorities have yet to confirm or release the identity": not done (no refusal)
        if (first.dep_ in ("advcl", "xcomp") and _to_infinitive(first) and any(
                c.dep_ == "dobj" and c.lower_ in ("nothing", "little") for c in first.head.children)) or (
                first.dep_ in ("acl", "relcl") and first.head.lower_ in ("nothing", "little")
                and first.head.dep_ == "dobj"):
            negated = yet_to = True  # "Russia has done *nothing* to honor its commitment": not done (no refusal)
        aux = {c.lower_ for c in tok.children if c.dep_ in ("aux", "auxpass")}
        conj, be = tok, {"be", "been", "being", "is", "are", "was", "were", "to"}
        while not aux - be and conj.dep_ == "conj" and conj.head.i != conj.i:
            conj = conj.head  # "must submit and *hand over* their territory": the first verb's modal governs
            aux |= {c.lower_ for c in conj.children if c.dep_ in ("aux", "auxpass")} - be
        if any(t2.pos_ == "ADJ" and t2.lemma_.lower() in ("capable", "able", "unable", "incapable")
               for t2 in [tok.head, tok.head.head]):
            hypothetical_self = True  # "hackers *capable of* launching cyber warfare": a capability, not an act
        if tok.sent.text.rstrip().endswith("?"):
            hypothetical_self = True  # "Does the United States condemn its partner?": asked, not asserted
        if tok.tag_ == "VBG" and tok.dep_ == "pcomp" and tok.head.lower_ in TOPIC_PREPS - {"against", "for"}:
            hypothetical_self = True  # "concerned *about killing* civilians": a topic, not an act
        future = planned or bool(aux & _FUTURE_AUX) or ("going" in aux) or (
            tok.lemma_.lower() in INTENT and cand.trigger.i != tok.i)  # "preparing *an offensive*": intended
        hypothetical = bool(aux & _HYPOTHETICAL_AUX) or hypothetical_self
        speaker = None
        for below, h in itertools.pairwise(chain):
            lemma = h.lemma_.lower()
            kind = self.lex.reporting.get(lemma)
            if (below.dep_ in ("xcomp", "acl") or (below.dep_ == "dobj" and below is not tok)) and any(
                    a.dep_ == "aux" and a.lower_ in _FUTURE_AUX for a in h.children):
                future = True  # "will continue *to shell*", "will include *raids* to capture": the verb above's
            if lemma == "set" and below.dep_ == "xcomp" and h.tag_ == "VBN":
                future = True  # "diplomats were *set to* meet on Monday": scheduled
            if lemma in _WISH and any(c.dep_ in ("nsubj", "nsubjpass") and c.tag_ not in ("PRP", "WP")
                                      for c in below.children):
                # "Obama wants Putin to attack", "hoped officials would be indicted": another's act wished
                # for or expected is neither that party's intent nor an act
                hypothetical = True
            elif lemma in INTENT or kind == "intend":
                future = True
            if lemma in DELIBERATION or lemma in _COUNTERFACTUAL:
                hypothetical = True  # "is considering sanctions": weighed, not decided; "pretended to fire"
            if kind == "report" and speaker is None:
                s, _ = self.subject(h)
                if s is not None:
                    ents = self._entities(s)
                    speaker = ents[0] if ents else None
            if kind == "allege":
                cand.modality = "alleged"
            neg_above = any(c.dep_ == "neg" for c in h.children) and kind != "report" and not (
                below.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in (
                    "because", "since", "as", "when", "after", "before", "while", "although", "though", "if")
                    for m in below.children)) and (
                lemma in _NEGATABLE_HEADS or lemma in INTENT or lemma in WILLING or self.match(h) is not None
                or lemma in self.lex.control_verbs)
            if neg_above and own_neg:
                negated, hypothetical = False, True  # "that doesn't mean they won't talk": asserts nothing
            elif neg_above and (h.dep_ != "ROOT" or below.dep_ in ("xcomp", "acomp") or (
                    below.dep_ == "advcl" and lemma == "go" and any(c.lower_ == "far" for c in h.children))):
                # "does not seem to want to make concessions", "was not ready to call for": a negated control
                # verb; not a clause's other verb ("it *shouldn't take forever* for Britain to deliver", "*don't
                # worry* that the US will abandon")
                negated = True
                if any(t3.lemma_.lower() in ("able", "manage", "succeed") for t3 in chain):
                    yet_to = True  # "they haven't been able to agree": not achieved, no refusal
            if lemma in FAILED and tok.dep_ == "xcomp" and tok.head.i == h.i:
                negated = True  # "failed to reach agreement": the act did not happen
        if cand.event == "ASSAULT" and any(c.dep_ == "advmod" and c.lower_ in ("accidentally", "inadvertently")
                                           for t2 in chain for c in t2.children):
            negated = True  # "accidentally collided ... and was destroyed": no attack
        if cand.event in ("ASSAULT", "COERCE") and any(
                t2.dep_ == "advcl" and _to_infinitive(t2)
                and t2.head.pos_ in ("VERB", "AUX") and ((r := self.match(t2.head)) is None or r.event in ("REPORT", "NONE"))
                for t2 in chain):
            # "recruited men to leave their homes *to help commit* murder": a harmful purpose is intended, not
            # done (the purpose of a coded act, "opened fire to disperse", is judged with that act)
            hypothetical = True
        if any(c.dep_ == "advmod" and c.lower_ in _ALLEGED_ADVERBS for c in tok.children):
            cand.modality = "alleged"  # "Iran allegedly attacked a tanker"
        if any(h2.lemma_.lower() == "need" and b2.dep_ == "xcomp" for b2, h2 in itertools.pairwise(chain)) or any(
                c.dep_ == "advmod" and c.lower_ in ("likely", "probably", "possibly", "perhaps", "maybe")
                for c in tok.children):
            hypothetical = True  # "the West *needs to* be ready to commit forces", "will *likely* sell": not done
        if aux & {"must", "should", "ought"} or any(
                a.dep_ == "aux" and a.lower_ in ("must", "should", "ought") for t2 in chain[1:] for a in t2.children):
            # (or a verb above it: "must ensure security *to allow* food to reach civilians")
            # "Israel must ease restrictions", "saying he must resign": an obligation, not an act that
            # happened; _reinterpret turns it into the speaker's REQUEST when a speaker is named
            hypothetical = True
        if ("would" in aux or "could" in aux) and tok.dep_ == "relcl" and any(
                c.dep_ == "det" and c.lower_ in ("a", "an", "any") for c in tok.head.children):
            hypothetical = True  # "choose a secretary of State *who would remove* sanctions": a wished-for act
        if "would" in aux and not speaker and any((e.rule or "").startswith("no stated agent") for e in cand.actor):
            hypothetical = True  # "such a strike would kill thousands": a prediction about no one's act
        elif "would" in aux:
            future = True  # reported future ("the EU would hold talks"); "if"/"unless" clauses make it hypothetical
        for t2 in chain:
            if any(c.dep_ == "mark" and c.lower_ in _HYPOTHETICAL_MARKS for c in t2.children):
                hypothetical = True
                break
            if (t2.dep_ in ("acl", "relcl", "advcl", "ccomp", "pcomp") and t2.head.lower_ in ("case", "event")
                    and t2.head.head.lower_ == "in") or any(
                    c.dep_ == "prep" and c.lower_ == "in" and c.i < t2.i and any(
                        g.dep_ == "pobj" and g.lower_ == "case" for g in c.children) for c in t2.children):
                hypothetical = True  # "in reserve *in case* Russia launches an incursion": a contingency
                break
            if "can" in aux and any(m.dep_ in ("mark", "advmod") and m.lower_ in ("so", "that") and m.i < t2.i
                                    for m in t2.children):
                hypothetical = True  # "basing interceptors in space *so the US can strike* missiles": a capability
                break
        if tok.tag_ in ("VB", "VBP", "VBZ") and any(c.dep_ == "mark" and c.lower_ in ("before", "until", "till")
                                                   for c in tok.children):
            hypothetical = True  # "must agree *before they demobilize*": a condition, not yet done
        # "according to X"
        for c in self.doc[max(0, tok.i - 40): tok.i + 40]:
            if self.sent_index.get(c.i) != self.sent_index.get(tok.i):
                continue
            if c.lower_ == "according" and c.i + 1 < len(self.doc) and self.doc[c.i + 1].lower_ == "to":
                p = [x for x in self.doc[c.i + 1].children if x.dep_ == "pobj"]
                if p:
                    ents = self._entities(p[0])
                    speaker = speaker or (ents[0] if ents else None)
        cand.speaker = speaker
        cand.quoted = any(s <= tok.idx < e for s, e in self.quotes)
        never = (any(c.dep_ == "neg" and c.lower_ == "never" for c in tok.children) and tok.tag_ in ("VBD", "VBN")) or (
            cand.event == "CONSULT" and (tok.tag_ == "VBN" or bool(aux & {"did", "has", "have", "had"})))
        never = never or yet_to  # ("he has not spoken with X since 2010": a meeting that did not happen, not refused)
        if negated and cand.event in _REFUSABLE and not never:  # ("he *never traveled* to X": a fact denied)
            # "will not lift the ban", "did not give permission": a refusal (PLOVER manual 2.0, §REJECT)
            cand.rules.append(f"negated {cand.event}: a refusal, coded REJECT (PLOVER manual 2.0, §REJECT)")
            cand.event, cand.mode = "REJECT", _REFUSABLE[cand.event]
            cand.modality = "asserted"
        elif negated:
            cand.modality = "negated"
        elif hypothetical:
            cand.modality = "hypothetical"
        elif future and cand.modality == "asserted":
            cand.modality = "future"
        if cand.event == "ASSAULT" and cand.modality == "future" and cand.actor and all(
                e.sector in _ARMED for e in cand.actor) and any(
                h.lemma_.lower() == "prepare" and h.pos_ == "VERB" for h in chain):
            # "the army prepared to resume shelling": forces readying an attack (PLOVER manual 2.0, §MOBILIZE)
            cand.rules.append("armed forces preparing an attack: MOBILIZE (PLOVER manual 2.0, §MOBILIZE)")
            cand.event, cand.mode, cand.modality = "MOBILIZE", "troops", "asserted"
        elif cand.modality == "future" and cand.event in _COOPERATIVE:
            # future RETREAT and CONCEDE stay as they are, with future modality (PLOVER manual 2.0, §AGREE,
            # potential ambiguities), although the older PLOVER gold codes "will release" as AGREE
            cand.rules.append(f"future {cand.event} coded AGREE (PLOVER manual 2.0, §AGREE)")
            cand.event, cand.mode = "AGREE", None
        elif cand.modality == "future" and cand.event == "RETREAT" and speaker is not None and (
                {e.code for e in cand.actor} & ({speaker.code} - NON_STATE_CODES)) and not any(
                m.dep_ == "mark" and m.lower_ == "unless" for c in tok.children if c.dep_ == "advcl"
                for m in c.children):  # "will withdraw unless ...": a threat (_conditional_threat)
            # "Israel announced it would free 150 prisoners", "Moscow said it will pull its troops out": a
            # side's own announcement of its future retreat is a verbal concession (PLOVER manual 2.0,
            # §RETREAT and §CONCEDE: "announced...would withdraw troops" is RETREAT + future, coded CONCEDE);
            # its CAMEO code is the expressed intent to yield (CAMEO 1.1b3 035x). A bare "will withdraw"
            # stays future RETREAT.
            cand.rules.append("announced future RETREAT: CONCEDE (PLOVER manual 2.0, §RETREAT, §CONCEDE)")
            cand.row = replace(cand.row, event="CONCEDE", mode=None, cameo=_INTENT_TO_YIELD.get(cand.mode, "035"))
            cand.event, cand.mode = "CONCEDE", None
        elif cand.modality == "future" and cand.event in _THREAT_MODE:
            mode = _THREAT_MODE[cand.event].get(cand.mode or "", _THREAT_MODE[cand.event][""])
            cand.rules.append(f"future {cand.event} announced: THREATEN (PLOVER manual 2.0, §THREATEN)")
            cand.event, cand.mode = "THREATEN", mode

    def _clause_span(self, tok) -> tuple[int, int]:
        """Characters of ``tok``'s clause: its subtree without conjoined clauses and edge punctuation."""
        toks = [tok]
        stack = [c for c in tok.children if not (c.dep_ in ("conj", "cc") and c.pos_ in ("VERB", "AUX", "CCONJ"))]
        while stack:
            c = stack.pop()
            toks.append(c)
            stack.extend(c.children)
        if tok.dep_ in ("conj", "xcomp", "ccomp"):
            s, _ = self.subject(tok)
            if s is not None and self.sent_index.get(s.i) == self.sent_index.get(tok.i) and s.i < tok.i:
                toks.extend(s.subtree)
        return _span_chars(toks)

    def _event_text(self, tok, row: Trigger, comp) -> str:
        parts = [tok]
        for c in tok.children:
            if c.dep_ == "prt":
                parts.append(c)
            if c.dep_ in ("prep", "dative") and any(c.lower_ in v for k, v in row.requires if k == "prep"):
                parts.append(c)
            if c.dep_ == "dobj" and any(k == "obj" for k, _ in row.requires):
                parts.append(c)
        words = " ".join(t.text for t in sorted({t.i: t for t in parts}.values(), key=lambda t: t.i))
        if comp is not None:
            words += f" ... to {comp.text}"
        return words


_CLAUSE_DEPS = {"acl", "relcl", "advcl", "ccomp", "xcomp", "conj", "parataxis"}


_SIDE_CLAUSES = {"advcl", "relcl", "parataxis", "conj"}


def _phrase(tok, skip: set[str] = _CLAUSE_DEPS) -> list:
    """``tok``'s subtree without the clauses (dependencies in ``skip``) inside it ("the demonstration
    *staged by students to protest ... Iraq*" stops at "demonstration"): the words of the phrase itself.
    An infinitival "relative" clause stays: it is the noun's content ("a call for forces *to be deployed
    in X*")."""
    out, stack = [], [tok]
    while stack:
        t = stack.pop()
        out.append(t)
        stack.extend(c for c in t.children if c.dep_ not in skip or (
            c.dep_ == "relcl" and _to_infinitive(c)))
    return sorted(out, key=lambda t: t.i)


def _helping_purpose(verb):
    """The purpose clause of help under ``verb`` ("sent troops *to help* the army"), or None."""
    return next((c for c in verb.children if c.dep_ in ("advcl", "xcomp", "ccomp") and c.lemma_.lower() in _HELP_VERBS
                 and _to_infinitive(c)), None)


def _to_infinitive(verb) -> bool:
    """True when ``verb`` heads a "to V" clause ("sent troops *to help*")."""
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)


def _is_state(e: Entity) -> bool:
    """True for a state or intergovernmental body speaking as such: a country or IGO code with no sector or
    the government's (``Kenya``, ``the Foreign Ministry``), not its people, parties or armed groups."""
    return (e.code not in ("UNK", "NGO", "MNC", "ISM", "IMG") or (e.code == "UNK" and e.sector == "GOV")) \
        and e.sector in (None, "GOV")


def _codes(ents: list[Entity]) -> set[str]:
    """The codes of ``ents``."""
    return {e.code for e in ents}


def _conj_chain(tok) -> list:
    """The conjuncts of ``tok`` in order ("artillery, *mortar*, and *rocket fire*")."""
    out, t = [], tok
    while (c := _child(t, "conj")) is not None:
        out.append(c)
        t = c
    return out


def _stranded_object(prep) -> list:
    """The object the parser took from a preposition and made the subject of the participle after it:
    "granted asylum *to* [five army officers] holed up in ..." (the noun phrase starts right after
    ``prep``). [] when there is none."""
    doc = prep.doc
    if prep.i + 1 >= len(doc):
        return []
    return [t for t in doc[prep.i + 1: min(len(doc), prep.i + 12)]
            if t.dep_ in ("nsubj", "nsubjpass") and t.left_edge.i == prep.i + 1 and t.head.i > t.i][:1]


def _measured(noun):
    """The noun a measure or quantity counts ("25,000 tons *of food aid*", "some *of its troops*"), else
    ``noun`` itself (see :data:`MEASURES`)."""
    if noun.lemma_.lower() not in MEASURES:
        return noun
    return next((g for p in noun.children if p.dep_ == "prep" and p.lower_ == "of"
                 for g in p.children if g.dep_ == "pobj"), noun)


def _temporal(prep) -> bool:
    """True for a preposition whose object is a date or time ("*on* Saturday", "*on* Nov. 2"): "called
    Lavrov on Saturday" is no "called on"."""
    return any(x.dep_ == "pobj" and x.ent_type_ in ("DATE", "TIME") for x in prep.children)


def _child(tok, dep: str):
    if tok is None:
        return None
    for c in tok.children:
        if c.dep_ == dep:
            return c
    return None


def _governing_verb(tok):
    """The verb that governs a noun directly or through one preposition ("took *to the streets*")."""
    h = tok.head
    for _ in range(2):
        if h is tok or h is None:
            return None
        if h.pos_ in ("VERB", "AUX"):
            return h
        if h.dep_ != "prep" and h.pos_ != "ADP":
            return None
        tok, h = h, h.head
    return None


def _complement(tok):
    for c in tok.children:
        if c.dep_ in ("xcomp", "ccomp") and c.pos_ in ("VERB", "AUX") and not any(
                m.dep_ == "mark" and m.lower_ not in ("that", "whether", "if", "to") for m in c.children):
            return c  # not an adverbial clause the parser hung as a complement ("*after* a coup toppled")
    return None


def _span_chars(toks: list) -> tuple[int, int]:
    toks = sorted(toks, key=lambda t: t.i)
    while len(toks) > 1 and (toks[0].is_punct or toks[0].is_space):
        toks = toks[1:]
    while len(toks) > 1 and (toks[-1].is_punct or toks[-1].is_space):
        toks = toks[:-1]
    return toks[0].idx, toks[-1].idx + len(toks[-1])


def _same_party(e: Entity, actors: list[Entity]) -> bool:
    """True when ``e`` is one of ``actors`` (same name, or same known code and sector)."""
    return any((e.name and e.name == a.name) or (e.code == a.code and e.code != "UNK" and e.sector == a.sector)
               for a in actors)


def _other_party(e: Entity, actors: list[Entity]) -> bool:
    """True when ``e`` shares a code with the actors but is another party: a domestic dyad
    (:func:`_other_sector`), or another organisation under the same non-state code ("the EU threatened to
    suspend talks *with Mercosur*": both IGO, two parties)."""
    return _other_sector(e, actors) or (
        e.code in NON_STATE_CODES and e.code != "UNK" and bool(e.org)
        and all(a.code != e.code or (a.org and a.org != e.org) for a in actors))


def _other_sector(e: Entity, actors: list[Entity]) -> bool:
    """True when ``e`` is of every actor's country but of another sector ("the Mozambican government
    accepted demands *from Mozambican rebels*"): a domestic dyad, so the recipient is kept although it
    shares the actor's country code (PLOVER gold practice: GOV > REB of one state). An actor with no
    sector is the state itself, and one state's government, forces, police and courts are one side."""
    return e.sector is not None and bool(actors) and all(  # "Croatia is investigating Croatian extremists"
        a.code == e.code and e.sector not in _STATE_ARMS if a.sector is None
        else a.code == e.code and a.sector != e.sector and not (a.sector in _STATE_ARMS and e.sector in _STATE_ARMS)
        for a in actors)
