"""In-document actor resolution: every noun phrase that names an actor gets an :class:`Entity`.

Rules, applied to the head token of a noun phrase (spaCy dependency parse):

1. Titles and appositions bind a name to a role: "Russian Foreign Minister Sergei Lavrov",
   "Lavrov, Russia's foreign minister", "NATO Secretary-General Jens Stoltenberg". What the title
   words give (country from a country name/adjective/possessive, organisation from an alias, sector
   from the role lexicon) is collected for each person over the whole document first, so that a
   later bare "Lavrov" or "Stoltenberg" uses it.
2. The knowledge base fills what the article does not say, by the story date (office holders with
   terms; a person out of office is sector ELI).
3. Names of countries, organisations and seats of power resolve through the knowledge base
   ("Moscow", "the Kremlin" → the Russian government; "NATO" → IGO/NATO).
4. Role and group nouns take their sector from the role lexicon and their country from their
   modifiers: "Russia's top diplomat" (possessive), "Ukrainian troops" (adjective), "rebels in
   eastern Ukraine" (locative "in"/"of"/"from"); "pro-Moscow"/"anti-Kyiv" never give the country.
   Appositions name one actor ("X, the UN relief coordinator"; "the Teachers' Union (TU), the umbrella
   union"): a side that resolves to nothing takes the other's entity, and a bracketed acronym keeps it.
5. Descriptions and pronouns refer back: "the alliance"/"the bloc" → the last organisation;
   "the country" → the last country; "he"/"she" → the last person; "they" → the last group,
   organisation or country; "it"/"its" → the last organisation or country.
6. Nothing resolves → code ``UNK`` with the words kept (and a sector when a role noun gave one).
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from datetime import date

from spacy.symbols import ADJ, NOUN, PRON, PROPN

from ..article import Entity
from .kb import KBActor, KnowledgeBase, norm

_PERSON_PRON = {"he", "she", "him", "her", "his", "hers", "himself", "herself"}
_PLURAL_PRON = {"they", "them", "their", "theirs", "themselves"}
_IT_PRON = {"it", "its", "itself"}
_REFLEXIVE = {"themselves", "himself", "herself", "itself"}
#: Descriptions that refer back to an organisation / a country mentioned before.
#: Nouns for the people who speak or act for a group: they take the group's code and sector.
_MEMBER_NOUNS = {"leader", "head", "chief", "member", "official", "spokesman", "spokeswoman", "spokesperson",
                 "representative", "supporter", "activist", "militant", "fighter", "commander", "delegate"}
_ORG_DESCRIPTORS = {"alliance", "bloc", "organization", "organisation", "body", "union", "group", "agency"}
_COUNTRY_DESCRIPTORS = {"country", "nation", "state", "republic", "kingdom"}
_GOVERNMENT_WORDS = {"government", "administration", "regime", "cabinet"}
#: Envoys to an organisation are their state's ("Trump's U.N. ambassador").
_ENVOYS = {"ambassador", "envoy", "representative", "delegate", "emissary", "permanent representative"}
#: Titles of US legislators and governors: with no country of their own, a US story's ("Sen.", "Gov.").
_US_TITLES = {"senator", "congressman", "congresswoman", "governor", "house speaker", "senate majority leader",
              "senate minority leader", "majority leader", "minority leader", "lieutenant governor"}
#: Members of the two US parties, as written (a US story's: "Sweden Democrats" is a name of its own).
_US_PARTY_WORDS = {"Democrats", "Republicans", "Democrat", "Republican", "GOP"}
#: A US legislator's party and state after the name: "(R-S.C.)", ", D-Calif.,", "(I-Vt.)".
_PARTY_STATE = re.compile(r"^\s*[(,]\s*[RDI]-[A-Z]")
#: Years after leaving office that a bare surname still means that person: a judgement from the development
#: reading, not a published figure ("Savimbi" three years after his death is still he, tests/test_actors.py;
#: "Rice" eight years after Condoleezza Rice's term, "Martin" seven after Paul Martin's, are others).
_SURNAME_YEARS = 4
#: Country codes that name no state: unknown, international and non-state actors (PLOVER manual 2.0 §Non-state).
NON_STATE_CODES = frozenset({"UNK", "IGO", "NGO", "IMG", "MNC", "ISM", "UNO", "EUR"})
_NEGATING_PREFIX = {"pro", "anti", "non", "ex"}
#: Reporting verbs whose subject a pronoun in the reported clause usually is ("the rebels said they ...").
_REPORTING = {"say", "announce", "claim", "state", "declare", "insist", "warn", "vow", "deny", "tell", "add"}
#: "Iranian-backed militias", "US-trained units": the sponsor is not the actor ("Vietnamese-led" is).
_SPONSORED = {"backed", "sponsored", "funded", "supported", "allied", "aligned", "trained", "armed", "financed"}
#: Relations whose possessor or of-object is another state or group: "Israel's ally", "allies of Russia"
#: (not "opponents of Rwanda's Senate" or "his rival": those are usually of the same country).
_RELATIONAL = {"ally", "proxy", "enemy", "foe", "adversary", "partner", "neighbour", "neighbor", "client",
               "patron", "sponsor", "backer"}
_NUMERIC_LABELS = {"CARDINAL", "QUANTITY", "ORDINAL", "MONEY", "PERCENT"}
#: Quantity and group nouns whose "of" phrase names the actor.
_QUANTITY = {"thousand", "thousands", "hundred", "hundreds", "dozen", "dozens", "score", "scores", "million",
             "millions", "group", "number", "handful", "crowd", "team", "delegation", "couple", "some", "member",
             "members",
             # shares of a group: "one third of the guerrillas", "half of the protesters", "the majority of"
             "third", "thirds", "half", "quarter", "quarters", "fifth", "fifths", "majority", "bulk",
             "rest", "remainder"}
#: Heads of organisation names that say "an association of people", not a state body.
_NGO_HEADS = {"association", "federation", "society", "foundation", "forum", "network", "watch", "coalition",
              "committee", "institute"}
#: Participles that place a group where it belongs: "based in", "affiliated with".
_BELONGING = {"base", "headquarter", "locate", "affiliate"}
_ARMED = {"MIL", "PRM", "REB", "SPY", "UAF"}
#: Nouns that name an actor only as the head of a role phrase ("a peace movement", roles.tsv), and are
#: otherwise common nouns ("the movement of journalists").
_PHRASE_ONLY_HEADS = {"movement", "movements"}
#: Parts of an organisation that act for it: "the UNITA militarist wing", "the Islamic Jihad movement",
#: "the armed wing of Hamas" are that organisation.
_ORG_PARTS = {"wing", "wings", "arm", "branch", "faction", "factions", "movement", "cell", "cells", "offshoot"}
#: Places named after the group that holds them ("guerrilla camps", "rebel positions"): that group.
_HELD_PLACES = {"camp", "base", "stronghold", "position", "hideout", "hideaway", "bastion", "outpost",
                "redoubt", "enclave", "headquarters", "post", "garrison", "bunker", "trench"}
#: Areas named by who holds them: "rebel-held territory", "Taliban-controlled districts".
_HELD_AREAS = {"territory", "area", "region", "zone", "town", "village", "city", "district", "province",
               "part", "neighbourhood", "neighborhood", "pocket", "suburb"}
_HOLDING = {"hold", "held", "control", "controlled", "occupy", "occupied", "run"}
#: Group nouns that, with a people's adjective, name an ethnic group rather than a state ("the Albanian
#: minority", "the Serb population of the province"); "population" only with a place after it (below).
_ETHNIC_HEADS = {"minority", "minorities", "population", "populations"}
#: Common nouns that name a place a population lives in ("the Albanian population *of the province*").
_PLACE_NOUNS = {"territory", "area", "region", "zone", "town", "village", "city", "district", "province",
                "country", "state", "republic", "island", "valley", "enclave", "capital", "north", "south",
                "east", "west"}
#: Last words of the names of facilities, which belong to the country they stand in ("the Esfahan Uranium
#: Conversion Facility in Iran", "the Kovlar Steel Plant near Kiev").
_FACILITIES = {"facility", "facilities", "plant", "plants", "reactor", "reactors", "complex", "site", "prison",
               "jail", "refinery", "mine", "factory", "works", "dam", "airport", "airbase", "port", "terminal",
               "pipeline", "centre", "center", "laboratory", "laboratories", "station"}
#: Words that make an armed force an international one when no country or organisation is named.
_INTERNATIONAL = {"international", "multinational", "multi-national"}
_MOD_DEPS = {"compound", "amod", "poss", "nmod", "nummod", "det", "npadvmod"}
_LOC_PREPS = {"of", "in", "from"}


def _who(e: Entity) -> str:
    """The person an entity stands for: its full name when known, else its words."""
    return norm(e.name or e.entity_text or "")


#: Parts of speech (spaCy symbol ids) of the tokens that head a candidate mention.
_NOMINAL = frozenset({NOUN, PROPN, PRON})
#: Parts of speech of the words that may name a country of the story (:meth:`DocActors._city_elsewhere`).
_NAME_POS = frozenset({PROPN, ADJ, NOUN})


@functools.lru_cache(maxsize=4)
def _string_ids(words: frozenset[str]) -> frozenset[int]:
    """spaCy string ids (hashes) of ``words``, to test token arrays against them."""
    from spacy.strings import get_string_id

    return frozenset(get_string_id(w) for w in words)


#: Weekday names the tagger runs into a person's name ("President Trump Sunday said ...").
_WEEKDAYS = frozenset({"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"})


@dataclass
class Mention:
    """A resolved actor mention: token span ``[start, end)``, head token index, entity, and flags."""

    start: int
    end: int
    head: int
    entity: Entity
    person: bool = False
    plural: bool = False
    subject: bool = False


class DocActors:
    """Resolves the actor mentions of one parsed article.

    Args:
        doc: the spaCy ``Doc`` of the article text (offsets equal to ``Article.text``).
        kb: the knowledge base.
        published: the story date, used to pick office holders.
        skip: token indices that are never actors (the dateline).
    """

    def __init__(self, doc, kb: KnowledgeBase, published: date | None, skip: set[int] | None = None,
                 gazetteer=None):
        from spacy.attrs import DEP, ORTH, POS, SPACY

        self.doc = doc
        rows = doc.to_array([ORTH, SPACY, POS, DEP]).T.tolist()
        strings = doc.vocab.strings
        #: the text of each token (its orth string), read once from the token arrays
        self.texts: list[str] = [strings[o] for o in rows[0]]
        self.text = "".join(t + " " if sp else t for t, sp in zip(self.texts, rows[1], strict=True))
        self.gazetteer = gazetteer
        self.kb = kb
        self.published = published
        self.skip = skip or set()
        self.ent_of: dict[int, object] = {}
        for ent in doc.ents:
            if ent.label_ in _NUMERIC_LABELS:
                continue  # "Thousands of students": numbers are not names
            for t in ent:
                self.ent_of[t.i] = ent
        self._known_names()
        self.cache: dict[int, Entity | None] = {}
        self.mentions: list[Mention] = []
        self.bindings: dict[str, Entity] = {}
        self._names_by_surname: dict[str, set[str]] | None = None
        self._doc_codes = None
        self._story_countries: set[str] | None = None
        self.acronyms: dict[str, Entity] = {}  # "(NUT)" after a resolved name: later "NUT" is that actor
        self._title_index = None
        self._bind_people()
        # every noun, proper noun and pronoun heads a candidate (not a compound, unless part of a name); read
        # from the token arrays, so that only the candidates become Token objects
        compound = strings["compound"]
        for i, (pos, dep) in enumerate(zip(rows[2], rows[3], strict=True)):
            if pos not in _NOMINAL or i in self.skip or (dep == compound and i not in self.ent_of):
                continue
            ent = self.ent_of.get(i)
            if ent is not None and i != ent.root.i:
                continue
            self.entity(doc[i])

    def _known_names(self) -> None:
        """Name people the tagger missed: two or three capitalised proper nouns outside any entity that
        spell a person of the knowledge base ("Theresa May has met ...": the small model tags no PERSON
        there). They become PERSON spans for the rest of the resolution."""
        from spacy.attrs import LOWER
        from spacy.tokens import Span

        firsts = self.kb.person_first_words
        first_ids = _string_ids(firsts)
        lowers = self.doc.to_array(LOWER).tolist()
        doc, i = self.doc, 0
        while i < len(doc):
            if lowers[i] not in first_ids or doc[i].lower_ not in firsts or doc[i].i in self.ent_of:
                i += 1
                continue
            for n in (3, 2):
                toks = doc[i:i + n]
                if len(toks) < n or any(t.i in self.ent_of or t.pos_ != "PROPN" or not t.text[:1].isupper()
                                        for t in toks):
                    continue
                if any(a.kind == "person" for a in self.kb.lookup(toks.text)):
                    span = Span(doc, i, i + n, label="PERSON")
                    for t in span:
                        self.ent_of[t.i] = span
                    i += n - 1
                    break
            i += 1

    # -- public ----------------------------------------------------------------------------------------
    def entity(self, tok) -> Entity | None:
        """The entity the noun phrase headed by ``tok`` names, or None when it names no actor."""
        if tok.i in self.cache:
            return self.cache[tok.i]
        ent = self.ent_of.get(tok.i)
        if ent is not None and tok.i != ent.root.i:
            tok = ent.root
            if tok.i in self.cache:
                return self.cache[tok.i]
        self.cache[tok.i] = None  # guards against cycles
        result, person, plural = self._resolve(tok)
        if _weak(result):
            result = self._apposed(tok) or result
        else:  # an apposition resolved while this side was in progress takes it now
            for c in [c for c in tok.children if c.dep_ == "appos"] + ([tok.head] if tok.dep_ == "appos" else []):
                if c.i in self.cache and _weak(self.cache[c.i]) and self.cache[c.i] is not None:
                    old = self.cache[c.i]
                    self.cache[c.i] = new = self._copy(result, c, "apposition")
                    new.start, new.end, new.entity_text = old.start, old.end, old.entity_text
                    for m in self.mentions:
                        if m.head == c.i:
                            m.entity = new
        if result is not None and result.org is None:
            self._people_of_a_place(tok, result)
            if result.sector is None and (self._is_people(tok) or "; people of" in (result.rule or "")):
                # "Palestinians", "Iraqi Kurds", "ethnic Albanians": a people, i.e. civilians (PLOVER GSR practice);
                # "the Russians" with the article usually means the state and keeps no sector, unless a place
                # says where they live ("the Albanians of southern Serbia")
                result.sector = "CVL"
        self.cache[tok.i] = result
        if result is not None:
            span = self.ent_of.get(tok.i)
            s, e = (span.start, span.end) if span is not None else (tok.left_edge.i, tok.i + 1)
            subj = tok.dep_ in ("nsubj", "nsubjpass") or (tok.dep_ == "conj" and tok.head.dep_ == "nsubj")
            self.mentions.append(Mention(s, e, tok.i, result, person, plural, subj))
        return result

    def _apposed(self, tok) -> Entity | None:
        """Appositions name one actor: "Kenzo Oshima, the UN relief coordinator", "the Teachers' Union
        (TU), the umbrella union" — a side that resolves to nothing better (no code, or a guess from the
        gazetteer) takes the other side's entity. An acronym in brackets is bound for its later mentions."""
        sides = [c for c in tok.children if c.dep_ == "appos"]
        if tok.dep_ == "appos":
            sides.append(tok.head)
        for c in sides:
            other = self.entity(c)
            if not _weak(other):
                e = self._copy(other, tok, "apposition")
                ent = self.ent_of.get(tok.i)
                if ent is not None and ent.label_ == "ORG" and len(ent) == 1 and ent.text.isupper():
                    self.acronyms[ent.text] = e
                return e
        return None

    def _people_country(self, tok, misspelt: bool = False, text: str | None = None) -> str | None:
        """The country of a people without a state named by ``tok`` ("Igbo", "Hutus", "Kurds";
        ``data/peoples.tsv``): its one country, or, when it lives in several, the one the story names
        (Hutus in a story naming Burundi → BDI); None when that is not decided or ``tok`` is part of a name.
        With ``misspelt``, a word one edit from a people's form counts as that form ("Chenchen refugees",
        :meth:`KnowledgeBase.near_people`). ``text`` is a form of several words that starts at ``tok``
        ("Crimean Tatars", "Irish nationalist")."""
        key = norm(text or tok.text)
        if misspelt and key not in self.kb.peoples:
            key = self.kb.near_people(tok.text) or key
        codes = self.kb.peoples.get(key) if tok.text[:1].isupper() else None
        ent = self.ent_of.get(tok.i)
        if not codes or (ent is not None and ent.label_ == "PERSON" and len(ent) > 1 and text is None):
            return None
        return self._story_people_code(codes)

    def _story_people_code(self, codes: tuple[str, ...]) -> str | None:
        """One code of a people's countries: the only one, or the only one the story names."""
        if len(codes) > 1:
            codes = [c for c in codes if c in self._doc_country_codes()]
        return codes[0] if len(codes) == 1 else None

    def _name_with_of(self, start: int, end: int) -> list[KBActor]:
        """Organisations named by tokens ``start``.. up to 6 words past ``end`` when token ``end`` is "of"
        ("the Liberation Tigers | of Tamil Eelam"), or by up to 3 words before ``start`` ("Immigration and |
        Customs Enforcement"): a name the tagger cut."""
        spans = [(start, stop) for stop in range(min(end + 6, len(self.doc)), end + 1, -1)
                 if self.doc[end: end + 1].text.lower() == "of"]
        spans += [(a, end) for a in range(max(0, start - 3), start)
                  if self.doc[a].pos_ == "PROPN" and all(t.lower_ != "of" for t in self.doc[a:start])]
        for a, b in spans:
            hits = [h for h in self.kb.lookup(self.doc[a:b].text) if h.kind == "org"]
            if hits:
                return hits
        return []

    def _place_country(self, tok) -> str | None:
        """Country of a place word (a country, "south Serbia", a city the gazetteer knows), else None."""
        ent = self.ent_of.get(tok.i)
        if tok.pos_ != "PROPN" and (ent is None or ent.label_ not in ("GPE", "LOC")):
            return None
        code = (self.kb.country_of_word(ent.text) if ent is not None else None) or self.kb.country_of_word(tok.text)
        if code is None and self.gazetteer is not None and ent is not None and ent.label_ in ("GPE", "LOC"):
            place = self.gazetteer.resolve(ent.text)
            code = place.country if place is not None else None
        return code

    def _near_country(self, word: str) -> str | None:
        """:meth:`KnowledgeBase.near_country`, unless the gazetteer knows ``word`` as a place of another country:
        "Indiana" is a US state, not a misspelt "Indian" (the gazetteer knows "Afganistan" as Afghanistan)."""
        fixed = self.kb.near_country(word)
        if fixed is not None and self.gazetteer is not None:
            place = self.gazetteer.resolve(word)
            if place is not None and place.country != self.kb.country_of_word(fixed):
                return None
        return fixed

    def _city_elsewhere(self, text: str, code: str) -> str | None:
        """The other country whose city a capital's name means here: "Tripoli" in a story that names Lebanon
        and not Libya is the Lebanese port (GeoNames knows both), not Libya's government. None when the story
        names the capital's own country (by name, adjective or demonym), names no country the gazetteer has
        a city of that name in, or there is no gazetteer."""
        if self.gazetteer is None:
            return None
        if self._story_countries is None:
            from spacy.attrs import POS

            # distinct words (the result is a set): proper nouns, adjectives and nouns, and place entities
            words = {self.texts[i] for i, pos in enumerate(self.doc.to_array(POS).tolist()) if pos in _NAME_POS}
            words.update(e.text for e in self.doc.ents if e.label_ in ("GPE", "NORP", "LOC"))
            self._story_countries = {c for w in words if (c := self.kb.country_of_word(w))
                                     and not any(a.kind == "metonym" for a in self.kb.lookup(w))}
        if code in self._story_countries or not self._story_countries:
            return None
        from ..where import PlaceContext

        place = self.gazetteer.resolve(text, PlaceContext(countries=set(self._story_countries)))
        other = place.country if place is not None else None
        return other if other and other != code and other in self._story_countries else None

    def _is_people(self, tok) -> bool:
        """True for a bare plural demonym or ethnonym ("Palestinians", "ethnic Albanians"), not "the Russians"."""
        if tok.tag_ not in ("NNPS", "NNS") or not tok.text[:1].isupper() or tok.lower_ in self.kb.role_heads:
            return False
        if any(c.dep_ == "det" and c.lower_ == "the" for c in tok.children):
            return False
        if tok.i > 0 and norm(self.doc[tok.i - 1: tok.i + 1].text) in self.kb.peoples:
            return True  # "Crimean Tatars"
        return self.kb.country_of_word(tok.text) is not None or norm(tok.text) in self.kb.peoples or any(
            x.lower_ == "ethnic" for x in tok.subtree if x.i < tok.i) or any(
            c.dep_ in ("amod", "compound") and self.kb.country_of_word(c.text) for c in tok.children)

    def _people_of_a_place(self, tok, e: Entity) -> None:
        """Ethnic groups take the country they live in (PLOVER/CAMEO practice: "Bosnian Serbs" → BIH,
        "Albanians in southern Serbia" → SRB, "ethnic Albanian guerrillas operating in Macedonia" → MKD).

        Applies to a people noun, i.e. a demonym ("Serbs", "Albanians") or a group noun modified by
        "ethnic"; never to roles such as troops or officials ("Russian troops in Ukraine" stay RUS).
        The place is an in/of phrase on the noun or on a participle describing it ("living in", "operating
        in"); failing that, a country adjective on a demonym ("*Bosnian* Serbs"). An "ethnic" group with
        no place keeps no country (UNK): its kin state is not the actor.
        """
        demonym = (self.kb.country_of_word(tok.text) or norm(tok.text) in self.kb.peoples) \
            and tok.tag_ in ("NNPS", "NNS", "NNP") and tok.text[:1].isupper() and tok.lower_ not in self.kb.role_heads
        preps = [c for c in tok.children if c.dep_ == "prep" and c.lower_ in ("in", "of", "from")]
        ethnic = any(x.lower_ == "ethnic" for x in tok.subtree if x.i < tok.i) or self._ethnic_head(tok, preps)
        if not (demonym or ethnic):
            return
        preps += [p for c in tok.children if c.dep_ == "acl" for p in c.children
                  if p.dep_ == "prep" and p.lower_ in ("in", "from")]
        for p in preps:
            for x in p.children:
                code = self._place_country(x) if x.dep_ == "pobj" else None
                if code:
                    e.code = code
                    e.rule = f"{e.rule}; people of {x.text}"
                    return
        if demonym:
            own = self.kb.country_of_word(tok.text)
            for c in tok.children:
                code = self.kb.country_of_word(c.text) if c.dep_ in ("amod", "compound") and c.i < tok.i else None
                if code and code != own:
                    e.code = code
                    e.rule = f"{e.rule}; {c.text} {tok.text}: the country they live in"
                    return
        if ethnic and e.code != "UNK" and not any(norm(x.text) in self.kb.peoples for x in tok.subtree):
            e.code = "UNK"
            e.rule = f"{e.rule}; ethnic group with no place named: no country"

    def _ethnic_head(self, tok, preps: list) -> bool:
        """True for a minority or population named by a people's adjective, which is an ethnic group like
        "ethnic Albanians" (so it takes the country it lives in, not its kin state's): "the Albanian
        minority", "the Serb population *of the province*", "the Hungarian population *in Romania*". A
        population with no place after it ("the Iraqi population") is the country's people and stays
        theirs. Source: PLOVER/CAMEO practice for ethnic groups (see :meth:`_people_of_a_place`)."""
        lemma = tok.lemma_.lower()
        if lemma not in _ETHNIC_HEADS or not any(
                c.dep_ in ("amod", "compound") and c.i < tok.i and (
                    self.kb.country_of_word(c.text) or norm(c.text) in self.kb.peoples) for c in tok.children):
            return False
        if not lemma.startswith("population"):
            return True
        return any(x.dep_ == "pobj" and (x.lemma_.lower() in _PLACE_NOUNS or self._place_country(x))
                   for p in preps for x in p.children)

    def entities(self, tok) -> list[Entity]:
        """Entities of ``tok`` and of its coordinated conjuncts ("Russia and China" → two entities); a
        group noun with coordinated country adjectives is one entity per country ("Hungarian and
        Romanian officials" → HUN and ROU officials)."""
        out: list[Entity] = []
        group = self._quantity_of(tok)  # "scores of Sierra Leonean and Liberian refugees": each group
        if group is not None and _conjuncts(group) and "quantity of" in (getattr(self.entity(tok), "rule", "")
                                                                           or ""):
            return self.entities(group)
        if tok.lower_ in ("they", "them") and not _conjuncts(tok):
            group = self._plural_antecedent(tok)
            if group is not None:
                return [self._copy(e, tok, "pronoun for a coordinated subject") for e in self.entities(group)]
        ent = self.ent_of.get(tok.i)
        heads = [tok, *_conjuncts(tok)]
        if ent is not None:  # "Barack/nsubj Obama/pobj and Putin/conj": conjuncts hang on any name token
            for t in ent:
                heads.extend(c for c in _conjuncts(t) if c not in heads and c.i not in range(ent.start, ent.end))
        for t in heads:
            e = self.entity(t)
            if e is None or any(e.start == o.start and e.code == o.code for o in out):
                continue
            shared = t is not tok and out and out[0].code != "UNK" and e.code == "UNK" and e.sector == out[0].sector
            if shared and not any(c.dep_ in ("amod", "compound", "poss") for c in t.children) and any(
                    c.dep_ in ("amod", "compound", "nmod") and self.kb.country_of_word(c.text) == out[0].code
                    for c in tok.children if c.i < tok.i):
                # "Israeli helicopters and tanks": one country word for two nouns of one sector
                e = self._copy(e, t, f"country word shared with '{tok.text}'")
                e.code = out[0].code
            out.append(e)
            for adj in t.children:
                if adj.dep_ not in ("amod", "nmod", "compound") or adj.i > t.i:  # "US and British activists"
                    continue
                for c in _conjuncts(adj):
                    code = self.kb.country_of_word(c.text)
                    if code and code != e.code:
                        out.append(Entity(e.entity_text, code=code, sector=e.sector, org=None, name=None,
                                          start=e.start, end=e.end, rule="coordinated country adjective"))
        return out

    def _quantity_of(self, tok):
        """The of-object of a quantity or group noun ("thousands *of students*"), else None."""
        if tok.lemma_.lower() not in _QUANTITY:
            return None
        of = next((c for c in tok.children if c.dep_ == "prep" and c.lower_ == "of"), None)
        return _child_dep(of, "pobj") if of is not None else None

    def _plural_antecedent(self, tok):
        """The coordinated subject "they" refers to ("Obama and Putin said *they* will..."), or None."""
        for t in reversed(self.doc[max(0, tok.i - 60): tok.i]):
            if t.dep_ in ("nsubj", "nsubjpass") and t.pos_ in ("PROPN", "NOUN") and _conjuncts(t):
                return t
        return None

    def country_hint(self, tok) -> str | None:
        """A country code found anywhere in ``tok``'s subtree (adjectives, names), for recipients such
        as "future Russian military activities" → RUS. None when there is none or several differ."""
        codes = set()
        for t in tok.subtree:
            if _negated_prefix(t):
                continue
            c = self.kb.country_of_word(t.text)
            if c and any(a.kind == "metonym" for a in self.kb.lookup(t.text)):
                c = self._city_elsewhere(t.text, c) or c  # "militias in Tripoli" in a story about Lebanon
            if c:
                codes.add(c)
        return codes.pop() if len(codes) == 1 else None

    # -- people ----------------------------------------------------------------------------------------
    def _bind_people(self) -> None:
        """First pass: what titles and appositions say about each person, merged per name and surname."""
        for ent in self.doc.ents:
            if ent.label_ != "PERSON" or ent.root.i in self.skip or self.title_case(ent.root):
                continue
            name_toks = [t for t in ent if not self._is_title_word(t) and t.tag_ != "POS"
                         and t.lower_ not in _WEEKDAYS]  # "President Trump *Sunday*": the date is no name
            if not name_toks:
                continue
            name = " ".join(t.text for t in name_toks)
            info = self._describe(self._title_tokens(ent), ent.root)
            if not (info.get("code") or info.get("sector") or info.get("org")):
                continue
            if not info.get("code") and info.get("role") is not None and info["role"].term in _US_TITLES and (
                    info["role"].term == "house speaker" or self._us_story()
                    or _PARTY_STATE.match(self.doc[ent.end: ent.end + 6].text)):
                info["code"] = "USA"  # "Sen. Lindsey Graham (R-S.C.)", "Gov. Jerry Brown" in a US story
            keys = [norm(name)]
            if len(name_toks) > 1:
                keys.append(norm(name_toks[-1].text))
            for k in keys:
                old = self.bindings.get(k)
                new = Entity(name, code=info.get("code") or "UNK", sector=info.get("sector"),
                             org=info.get("org"), name=name, rule="title")
                if old is None or (old.code == "UNK" and new.code != "UNK"):
                    if old is not None and new.sector is None:
                        new.sector = old.sector
                    self.bindings[k] = new
                elif old.sector is None and new.sector:
                    old.sector = new.sector

    def _is_title_word(self, t) -> bool:
        return bool(self.kb.role(t.text)) or t.text.lower() in ("secretary", "general", "-", "mr", "mrs", "ms",
                                                                  "mr.", "mrs.", "ms.", "dr", "dr.")

    def _title_tokens(self, ent) -> list:
        """Words describing the person named by ``ent``: title words in and before the name, and appositions."""
        toks = [t for t in ent if self._is_title_word(t)]
        root = ent.root
        for c in root.children:
            if c.i < ent.start and c.dep_ in ("compound", "amod", "poss", "nmod", "punct"):
                toks.extend(c.subtree)
            if c.dep_ == "appos":
                toks.extend(c.subtree)
            if c.dep_ == "prep" and c.lower_ == "of" and any(  # "King Hassan *of Morocco*"
                    g.dep_ == "pobj" and g.ent_type_ == "GPE" for g in c.children):
                toks.extend(c.subtree)
        if root.dep_ == "appos":  # "the foreign minister, Sergei Lavrov"
            toks.extend(t for t in root.head.subtree if t.i < root.head.i + 1 and t.i < ent.start)
        return sorted(set(toks), key=lambda t: t.i)

    def _person_entity(self, ent_text: str, tok) -> Entity | None:
        k = norm(ent_text)
        bound = self.bindings.get(k)
        if bound is None and len(k.split()) == 1:
            bound = self.bindings.get(k)
        if bound is None and len(k.split()) > 1:
            bound = self.bindings.get(k.split()[-1]) if self._surname_unique(k.split()[-1]) else None
        full = bound.name if bound is not None and bound.name else ent_text
        if bound is None and len(k.split()) == 1 and tok.i > 0 and self.doc[tok.i - 1].lower_ == "the":
            return None  # "asked *the Hill* to authorize the war": a name with an article is no person's surname
        if bound is None and len(k.split()) == 1 and (named := self._full_names().get(k)):
            # "Rice denied ..." after "Susan Rice", "murdering Martin" after "Trayvon Martin": the person the
            # document names in full, never an office holder who shares the surname (Condoleezza Rice, Paul
            # Martin); that person's own office when the knowledge base has one
            known = {a.name for a in (self.kb.person(n, self.published) for n in sorted(named)) if a is not None}
            if len(known) != 1:  # (one known person among them: "Trump" beside "Donald Trump" and "Melania Trump")
                return None
            full = known.pop()
        # "Reid" after "Senate Majority Leader Harry Reid": the full name the document bound, never another
        # office holder of that surname (John Reid)
        kb = self.kb.person(full if len(norm(full).split()) > len(k.split()) else ent_text, self.published)
        if kb is None and bound is not None and bound.code == "UNK" and bound.sector == "GOV":
            kb = self.kb.near_person(ent_text, self.published)  # "President Bouteflicka": a misspelt leader
            if kb is None:  # "President Francois Mitterand" out of his term: a titled former leader, dated
                near = self.kb.near_person(ent_text, self.published, anytime=True)
                kb = self.kb.person(near.name, self.published) if near is not None else None
        if bound is not None:
            e = Entity(ent_text, code=bound.code, sector=bound.sector, org=bound.org, name=bound.name,
                       rule="title binding")
            if kb is not None and (e.code == "UNK" or (e.org is None and kb.org and e.code == kb.code)):
                e.code, e.org = kb.code, kb.org or e.org
                e.sector = e.sector or kb.sector
                e.name, e.identifier_id = kb.name, kb.wikidata
            elif kb is not None and kb.code == e.code:
                e.name, e.identifier_id = kb.name, kb.wikidata
            return e
        if kb is not None and len(k.split()) == 1 and full == ent_text and self.published and self._stale(kb):
            return None  # a bare surname shared with an office holder long out of office ("Martin" in 2013 is
            # not Paul Martin, "Rahman" not Mujibur Rahman); the document's full name or a title would have bound
            # that person
        if kb is not None:
            return Entity(ent_text, code=kb.code, sector=kb.sector, org=kb.org, name=kb.name,
                          identifier_id=kb.wikidata, rule=f"office holder ({kb.role or 'former'})")
        return None

    def _sitting_holder(self, name: str, tok) -> Entity | None:
        """The person entity of a one-word ``name`` that is the surname of an office holder in office on the
        story's date, for a name the tagger missed or mislabelled; None otherwise."""
        kbp = self.kb.person(name, self.published)
        return self._person_entity(name, tok) if kbp is not None and kbp.sector not in (None, "ELI") else None

    def _stale(self, kb) -> bool:
        """True when the person ``kb`` left office more than :data:`_SURNAME_YEARS` years before the story."""
        terms = [a for a in self.kb.lookup(kb.name) if a.kind == "person"]
        if not terms or kb.sector != "ELI":
            return False
        ends = [a.end for a in terms if a.end]
        return len(ends) == len(terms) and (self.published - max(ends)).days > 365 * _SURNAME_YEARS

    def _doc_country_codes(self) -> set[str | None]:
        """Codes of the country words (names, adjectives, demonyms, capitals) the document uses, computed once."""
        if self._doc_codes is None:
            self._doc_codes = {self.kb.country_of_word(t) for t in set(self.texts)} | {
                self.kb.country_of_word(e.text) for e in self.doc.ents}
        return self._doc_codes

    def _us_story(self) -> bool:
        """True when the story names the United States (its name, adjective, capital or a US place)."""
        return "USA" in self._doc_country_codes()

    def _full_names(self) -> dict[str, set[str]]:
        """Surname (normalised) → the full names (two words or more) of PERSON entities in the document."""
        if self._names_by_surname is None:
            out: dict[str, set[str]] = {}
            for ent in self.doc.ents:
                if ent.label_ != "PERSON":
                    continue
                toks = [t for t in ent if not self._is_title_word(t) and t.tag_ != "POS" and t.is_alpha]
                if len(toks) > 1:
                    out.setdefault(norm(toks[-1].text), set()).add(" ".join(t.text for t in toks))
            self._names_by_surname = out
        return self._names_by_surname

    def _surname_unique(self, surname: str) -> bool:
        return True

    # -- main rule -------------------------------------------------------------------------------------
    def _resolve(self, tok) -> tuple[Entity | None, bool, bool]:
        low = tok.lower_
        if tok.pos_ == "PRON" or tok.tag_ in ("PRP", "PRP$"):
            return self._pronoun(tok)
        ent = self.ent_of.get(tok.i)
        if ent is not None and ent.label_ in ("DATE", "TIME"):
            # "met with President Bashar Assad Tuesday": the date swallowed the name as its compound
            for c in tok.children:
                if c.dep_ == "compound" and c.i in self.ent_of and self.ent_of[c.i].label_ not in ("DATE", "TIME"):
                    e = self.entity(c)
                    if e is not None:
                        return e, e.rule is not None and "person" in (e.rule or ""), False
            return None, False, False
        if ent is not None:
            r = self._named(ent, tok)
            if r[0] is not None or (ent.label_ not in ("ORG", "NORP", "PERSON")
                                    and not any(c.dep_ == "appos" for c in tok.children)
                                    and not (len(ent) == 1 and tok.tag_ in ("NN", "NNS"))):
                return r  # (a lone common noun the tagger called a place, "*Gunmen* abducted", is a role word)
        if ent is None and tok.pos_ in ("NOUN", "PROPN") and tok.text.istitle() and tok.dep_ != "compound" \
                and not self.kb.role(tok.text) and (e := self._sitting_holder(tok.text, tok)) is not None:
            return e, True, False  # "Trump vowed ..." tagged a common noun: the office holder
        # a name the tagger missed: "Downing Street", "White House" (compound chain + head)
        start = tok.i
        while start > 0 and self.doc[start - 1].dep_ == "compound" and self.doc[start - 1].head.i in range(start, tok.i + 1):
            start -= 1
        if (tok.pos_ == "PROPN" or start < tok.i) and not self.doc[start: tok.i + 1].text.islower():
            hits = [h for h in self.kb.lookup(self.doc[start: tok.i + 1].text, self.published) if h.kind != "person"]
            if not hits and tok.left_edge.i < start and tok.left_edge.i >= tok.i - 6:  # "the Lord's Resistance Army"
                hits = [h for h in self.kb.lookup(self.doc[tok.left_edge.i: tok.i + 1].text) if h.kind == "org"]
            hits = hits or self._name_with_of(start, tok.i + 1) or (
                self.kb.lookup(self._near_country(tok.text) or "") if start == tok.i else [])  # "Ethopia"
            if hits:
                e = _from_kb(self.doc[start: tok.i + 1].text, _best(hits))
                e.start, e.end = self.doc[start].idx, tok.idx + len(tok)
                return e, False, False
            code = self.kb.adjectives.get(norm(self.doc[start: tok.i + 1].text))
            conj = next((c for c in tok.children if c.dep_ == "conj"), None)
            shared = self.entity(conj) if code and conj is not None else None
            if shared is not None and shared.sector:
                # "Sierra Leonean and Liberian refugees": the parser heads the first adjective; it shares
                # the noun of its conjunct
                e = Entity(self.doc[start: tok.i + 1].text, code=code, sector=shared.sector,
                           rule=f"country adjective sharing the noun of '{shared.entity_text}'")
                e.start, e.end = self.doc[start].idx, tok.idx + len(tok)
                return e, False, True
        # "Thousands of Chilean students", "a group of Yoruba leaders": the people are in the of-phrase
        p = self._quantity_of(tok)
        e = self.entity(p) if p is not None else None
        if e is not None:
            return self._copy(e, tok, "quantity of"), False, True
        # "leaders of the opposition coalition", "a spokesman for the rebels": the group's own code and sector
        if tok.lemma_.lower() in _MEMBER_NOUNS:
            for c in tok.children:
                if c.dep_ == "prep" and c.lower_ in ("of", "for"):
                    p = _child_dep(c, "pobj")
                    e = self.entity(p) if p is not None else None
                    if e is not None and (e.org or e.sector not in (None, "GOV")):
                        m = self._copy(e, tok, f"{tok.lower_} of")
                        if e.sector == "ELI" and tok.lemma_.lower() != "leader":
                            m.sector = "OPP"  # "supporters of former President X": the opposition, not elites
                        return m, False, tok.tag_ in ("NNS", "NNPS")
        # "his Belgian counterpart Didier Reynders": the apposed name is the actor
        for c in tok.children:
            if c.dep_ == "appos" and c.i in self.ent_of and self.ent_of[c.i].label_ in ("PERSON", "ORG"):
                e = self.entity(c)
                if not _weak(e):
                    return self._copy(e, tok, "apposition"), True, False
        # common noun phrase (or an entity the rules above could not place)
        subject = tok.dep_ in ("nsubj", "nsubjpass") or (tok.dep_ == "pobj" and tok.head.dep_ == "agent")
        held = self._held_place(tok)
        if held is not None:
            return held, False, True
        part = self._org_part(tok) if ent is None and tok.lemma_.lower() in _ORG_PARTS else None
        if part is not None:
            return part, False, tok.tag_ in ("NNS", "NNPS")
        if (tok.pos_ == "NOUN" and ent is None and low not in self.kb.role_heads
                and tok.lemma_.lower() not in self.kb.role_heads
                and low not in _ORG_DESCRIPTORS and low not in _COUNTRY_DESCRIPTORS and not subject):
            return None, False, False  # not a role noun: "the case", "relations", "activities"
        mods = self._np_tokens(tok)
        info = self._describe(mods, tok)
        role = info.get("role")
        if low in _PHRASE_ONLY_HEADS and (role is None or role.term.split()[-1] != low):
            return None, False, False  # "the movement of troops" is no actor; "a peace movement" is
        if low in _ORG_DESCRIPTORS and not info.get("code") and not info.get("org") and any(
                c.dep_ == "det" and c.lower_ in ("the", "this", "that") for c in tok.children):
            # "*the alliance*" refers back; "union leaders", "a group of farmers" do not
            ref = self._antecedent(lambda m: m.entity.org is not None or m.entity.code in ("IGO", "NGO"), tok)
            if ref is not None and tok.dep_ not in ("compound",):
                e = self._copy(ref, tok, "description refers back")
                e.sector = info.get("sector")
                return e, False, False
        if low in _COUNTRY_DESCRIPTORS and not info.get("code") and any(t.lower_ == "that" or t.lower_ == "the"
                                                                          for t in tok.children):
            ref = self._antecedent(lambda m: m.entity.code not in ("UNK", "IGO", "NGO", "IMG", "MNC")
                                   and m.entity.org is None, tok)
            if ref is not None:
                return self._copy(ref, tok, "description refers back"), False, False
        if role is not None and role.kind == "person" and role.rank == 1 and tok.tag_ == "NN" and not info.get("code") \
                and not info.get("org") and [c.lower_ for c in tok.children if c.dep_ != "compound"] == ["the"]:
            # "President Barack Obama spoke ... *the president* urged Congress": the last person the story gave
            # that title refers back (PLOVER manual 2.0 §Actors: resolve the mention in its article)
            term = role.term.lower()
            ref = self._antecedent(lambda m: m.person and m.entity.code not in ("UNK",) and m.entity.sector == role.sector
                                   and term in (w := self.doc[max(0, m.start - 4): m.end].text.lower())
                                   and "former" not in w and "late" not in w.split(), tok)
            if ref is not None:
                return self._copy(ref, tok, "title refers back"), False, False
        if low in _GOVERNMENT_WORDS and tok.tag_ == "NN" and not info.get("code") and not info.get("org") and \
                [c.lower_ for c in tok.children] == ["the"]:
            # "The White House said ... *the administration* would impose sanctions", "President Kenyatta
            # spoke ... *the government* banned the protest": the last government the story named
            ref = self._antecedent(lambda m: m.entity.sector == "GOV" and m.entity.org is None and
                                   m.entity.code not in NON_STATE_CODES, tok)
            govs = {m.entity.code for m in self.mentions if m.head < tok.i and m.entity.sector == "GOV"
                    and m.entity.org is None and m.entity.code not in NON_STATE_CODES}
            if ref is not None and len(govs) == 1:  # (several governments named: which one is unclear)
                e = self._copy(ref, tok, "government refers back")
                e.name, e.identifier_id = None, None
                return e, False, False
        poss = next((c for c in tok.children if c.dep_ == "poss"), None)
        if low in _COUNTRY_DESCRIPTORS and not info.get("code") and poss is not None:
            # "Putin said *his country* will not lift the ban": the country of the possessor, as a state
            owner = self.entity(poss)
            if owner is not None and owner.code not in NON_STATE_CODES:
                e = self._copy(owner, tok, f"the country of '{poss.text}'")
                e.sector, e.org, e.name, e.identifier_id = None, None, None, None
                return e, False, False
        if info.get("descriptor_org") and not info.get("org") and not info.get("code"):
            ref = self._antecedent(lambda m: m.entity.org is not None, tok)
            if ref is not None:
                info["code"], info["org"] = ref.code, ref.org
        if low.rstrip("s") in _RELATIONAL or tok.lemma_.lower() in _RELATIONAL:
            info.setdefault("code", "UNK")  # "Russia's allies": an actor, but not Russia
            info["self_named"] = True
        if not (role or info.get("code") or info.get("org")):
            return None, False, False
        if role is None and ent is None and tok.pos_ != "PROPN" and not info.get("self_named") and not (
                subject and tok.tag_ in ("NNS", "NNPS") and info.get("code")) and not (
                subject and info.get("org")) and not (
                tok.lemma_.lower() in _MEMBER_NOUNS and info.get("org_named")):
            # ("the APEC forum agreed": an organisation's name on the subject noun is that organisation;
            # "new EU members", "Hamas members": the members of a named organisation act as it)
            # "Russian military activities": a country word on a non-actor noun is a hint, not an actor;
            # but the plural subject of an act ("Palestinian suicide bombers killed ...") is its people
            return None, False, False
        text = self.doc[tok.left_edge.i: tok.i + 1].text if tok.left_edge.i >= tok.i - 6 else tok.text
        e = Entity(
            text,
            code=info.get("code") or "UNK",
            sector=info.get("sector"),
            org=info.get("org"),
            name=info.get("name"),
            rule=info.get("rule", "role lexicon"),
        )
        self._span(e, tok)
        if e.code == "UNK" and not e.org and e.sector == "MIL" and any(
                t.lower_.startswith("peacekeep") or t.lower_ in _INTERNATIONAL for t in mods if t.i <= tok.i):
            # "a regional peacekeeping force", "peacekeepers", "a multinational force": no country named, the
            # force of an intergovernmental organisation (PLOVER manual 2.0 §Non-state actor names: IGO)
            e.code, e.rule = "IGO", f"{e.rule}; an international force"
        kind = role.kind if role else "institution"
        return e, kind == "person", kind == "group" or tok.tag_ in ("NNS", "NNPS")

    def _org_part(self, tok) -> Entity | None:
        """The organisation a part of it names (:data:`_ORG_PARTS`): a wing, faction, branch or cell acts for
        its organisation, as PLOVER codes a group's armed wing with the group (manual 2.0 §Sector codes, REB:
        "armed opposition groups"). The organisation is a name among the noun's left modifiers ("the UNITA
        militarist wing", "the radical Palestinian Islamic Jihad movement") or, except for "movement" and
        "arm" (motion, weapons), its of-object ("the armed wing of Hamas"). Only a known organisation
        counts (knowledge base, code not UNK). None otherwise."""
        cands = [c for c in tok.children if c.i < tok.i and c.dep_ in ("compound", "amod", "nmod")]
        if tok.lemma_.lower() not in ("movement", "arm"):
            cands += [x for c in tok.children if c.dep_ == "prep" and c.lower_ == "of"
                      for x in c.children if x.dep_ == "pobj"]
        for c in cands:
            e = self.entity(c) if c.i in self.ent_of or c.pos_ == "PROPN" else None
            if e is not None and e.code != "UNK" and "knowledge base (org)" in (e.rule or ""):
                part = self._copy(e, tok, f"part ({tok.lemma_.lower()}) of")
                own = {self.kb.country_of_word(m.text) for m in [*tok.children, *c.children]
                       if m.i < c.i and m.dep_ in ("amod", "compound", "nmod")} - {None}
                if len(own) == 1 and own != {e.code}:  # "its Saudi Hezbollah arm": that country's branch
                    part.code, part.org = own.pop(), None
                part.start, part.end = self.doc[tok.left_edge.i].idx, tok.idx + len(tok)
                part.entity_text = self.text[part.start:part.end]
                return part
        return None

    def _held_place(self, tok) -> Entity | None:
        """The group that holds a place named after it: "Kampuchean guerrilla camps", "a rebel stronghold",
        "army positions", "Albanian rebel-held territory" are the guerrillas, rebels, army (the target of an
        attack on them, as CAMEO 19x codes the side whose positions are hit, PLOVER manual 2.0 §ASSAULT).
        Only for the nouns of :data:`_HELD_PLACES` with a role noun of an armed or political group among
        their left modifiers, and for areas (:data:`_HELD_AREAS`) "held" or "controlled" by one; the country
        comes from the other modifiers ("Karen" → MMR, "Albanian" → ALB). None otherwise."""
        lemma = tok.lemma_.lower()
        if tok.pos_ != "NOUN" or lemma not in _HELD_PLACES | _HELD_AREAS:
            return None
        mods = [c for c in tok.children if c.i < tok.i and c.dep_ in ("compound", "amod", "nmod")]
        # "rebel-held territory", "militia-controlled areas": the holder hangs on the participle
        holders = [g for c in mods if c.lemma_.lower() in _HOLDING for g in c.children if g.dep_ in
                   ("npadvmod", "compound", "nmod")]
        mods = holders + (mods if lemma in _HELD_PLACES else [])
        role = next((r for r in (self.kb.role(c.text) or self.kb.role(c.lemma_) for c in mods)
                     if r is not None and r.sector in _ARMED | {"PTY", "OPP"}), None)
        if role is None:
            return None
        info = self._describe(self._np_tokens(tok), tok)
        e = Entity(self.doc[tok.left_edge.i: tok.i + 1].text, code=info.get("code") or "UNK",
                   sector=role.sector, org=info.get("org"), name=info.get("name"), rule="place held by a group")
        self._span(e, tok)
        return e

    def _named(self, ent, tok) -> tuple[Entity | None, bool, bool]:
        label = ent.label_
        text = ent.text
        name_text = " ".join(t.text for t in ent if not self._is_title_word(t) and t.tag_ != "POS"
                             and t.lower_ not in _WEEKDAYS) or text
        known_place = label in ("GPE", "LOC", "NORP") and any(
            h.kind in ("country", "metonym") for h in self.kb.lookup(text))
        if label in ("GPE", "LOC") and len(ent) == 1 and self._is_place_use(tok) and not any(
                a.kind == "person" for a in self.kb.lookup(text)):
            known_place = True  # "a rally *in Lagos*": a place, not the surname of Ricardo Lagos
        if not known_place and (norm(name_text) in self.bindings or self.kb.person(name_text, self.published)):
            e = self._person_entity(name_text, tok)
            if e is not None:
                self._span(e, tok, ent)
                return e, True, False
        code = self._people_country(tok) if len(ent) == 1 and not self.kb.lookup(text) else (
            self._people_country(ent[0], text=text) if len(ent) > 1 else None)  # "Crimean Tatars"
        if code:
            e = Entity(text, code=code, rule=f"people living in {code}")
            self._span(e, tok)
            return e, False, tok.tag_ in ("NNS", "NNPS")
        if label == "PERSON":
            hits = [h for h in self.kb.lookup(text) if h.kind in ("country", "metonym", "org")]
            if hits and self.kb.person(name_text, self.published) is None:  # "Armenia" tagged PERSON
                e = _from_kb(text, _best(hits))
                self._span(e, tok, ent)
                return e, False, False
            e = self._person_entity(name_text, tok)
            code = (self.kb.country_of_word(ent.root.text) or self.kb.adjectives.get(norm(ent[0].text))
                    if e is None else None)
            if code and not any(self._is_title_word(t) for t in ent):
                # "Bosnian Serbs said their forces...", "ban Ugandan opposition candidates", "Rwandan Hutu": a
                # people or a country adjective the tagger took for a person's name (a group: "they" refers to it)
                e = Entity(text, code=code, rule="demonym tagged as a name")
                self._span(e, tok, ent)
                return e, False, ent.root.tag_ in ("NNS", "NNPS")
            if e is None and self.title_case(tok):
                return None, False, False  # "Urges Ukraine Withdrawal": headline case fools the tagger
            if e is None:
                info = self._describe(self._title_tokens(ent), ent.root)
                if info.get("code") or info.get("sector"):
                    e = Entity(text, code=info.get("code") or "UNK", sector=info.get("sector"),
                               org=info.get("org"), name=name_text, rule="title")
                else:
                    e = Entity(text, code="UNK", name=name_text, rule="unresolved person")
            self._span(e, tok, ent)
            return e, True, False
        if label == "ORG" and all(t.is_lower or t.pos_ == "DET" for t in ent):
            return None, False, False  # "navy", "a congress": common nouns, read as such by the caller
        fixed = self._near_country(text) if len(ent) == 1 and label in ("GPE", "NORP", "ORG", "LOC") else None
        hits = self.kb.lookup(fixed or text, self.published)  # "Afganistan", "Quatar": a misspelt country or capital
        if not hits and label == "ORG":
            hits = self._name_with_of(ent.start, ent.end)
        words = [t for t in ent if t.pos_ != "DET"]
        own = self.kb.adjectives.get(norm(words[0].text)) if not hits and len(words) > 1 else None
        if own:  # "Iranian Revolutionary Guards", "the Russian Duma": a known name after a country adjective
            hits = [h for h in self.kb.lookup(" ".join(t.text for t in words[1:])) if h.kind == "org"]
            if hits and _best(hits).code != own and self.kb.countries.get(_best(hits).code):
                hits = [KBActor(own, "org", sector=_best(hits).sector, name=_best(hits).name)]
        info = {}
        if not hits and label == "ORG":
            # "the Russian Foreign Ministry", "the U.S. Senate", "Saddam Hussein's Baath Party": describe the
            # words and the name's possessor
            info = self._describe([*ent, *(x for c in ent.root.children if c.dep_ == "poss" for x in c.subtree)],
                                  tok)
            if info.get("code") or info.get("org"):
                e = Entity(text, code=info.get("code") or "UNK", sector=info.get("sector") or _company(ent),
                           org=info.get("org"), name=info.get("name"), rule="name words")
                self._span(e, tok, ent)
                return e, False, False
        if not hits and text in self.acronyms:
            e = self._copy(self.acronyms[text], tok, "acronym bound in the document")
            self._span(e, tok, ent)
            return e, False, False
        if not hits and tok.dep_ == "compound" and self.kb.country_of_word(f"{text} {tok.head.text}"):
            return None, False, False  # "Sierra" in "Sierra Leonean": part of a country word
        if not hits and tok.dep_ == "pobj" and self.kb.role(f"{tok.head.head.text} {tok.head.text} {text}"):
            return None, False, False  # "State" in "Secretary of State": part of a title
        if not hits and label == "ORG" and len(ent) == 1 and (e := self._sitting_holder(text, tok)) is not None:
            self._span(e, tok, ent)  # "Trump pledged ..." tagged as an organisation: the office holder
            return e, True, False
        if not hits and label == "ORG" and not self.title_case(tok):
            # an organisation nothing resolves is kept, with its words and code UNK (never dropped), and the
            # sector its words give ("the Foreign Affairs Ministry" GOV, "Parliament" LEG)
            e = Entity(text, code="UNK", sector=info.get("sector") or _company(ent), name=text,
                       rule="unresolved organisation")
            placed = self._facility_country(ent)
            if placed is not None:
                e.code, e.rule = placed, "facility in a country"
            if ent.root.lower_ in ("committee", "subcommittee", "caucus", "panel") and any(
                    t.text in ("House", "Senate", "Congressional") for t in ent):
                # "the House Intelligence Committee", "the Senate Foreign Relations Committee": a committee of
                # a legislature (LEG); the US Congress's when the story names the US
                us = any(m.entity.code == "USA" for m in self.mentions)
                e.code, e.sector, e.rule = ("USA" if us else "UNK"), "LEG", "committee of a legislature"
            elif ent.root.lower_ in _NGO_HEADS and not any(self.kb.country_of_word(t.text) for t in ent):
                # "the Association of African Jurists", "the Ceasefire Violations Committee": an association
                # that names no country is non-governmental (as the PLOVER gold records code them)
                e.code, e.rule = "NGO", "association named with no country"
            self._span(e, tok, ent)
            return e, False, False
        if hits:
            best = _best(hits)
            other = self._city_elsewhere(text, best.code) if best.kind == "metonym" else None
            if other:  # "Tripoli" in a story about Lebanon: a Lebanese city, its people (cities are CVL)
                best = KBActor(other, "city", sector="CVL", name=text)
            e = _from_kb(text, best)
            if best.kind in ("country", "city") and self._is_place_use(tok):
                return None, False, False
            self._span(e, tok, ent)
            return e, False, best.kind in ("country",)
        if label == "GPE" and self.gazetteer is not None and not self._is_place_use(tok):
            place = self.gazetteer.resolve(text)
            if place is not None and place.country and place.feature != "country":
                # a city as an actor: its country, civilians (PLOVER GSR convention: capitals GOV, cities CVL)
                e = Entity(text, code=place.country, sector="CVL", name=place.name, rule="gazetteer city")
                self._span(e, tok, ent)
                return e, False, False
        if label in ("GPE", "LOC") and not self._is_place_use(tok):
            codes = {self.kb.country_of_word(t.text) for t in ent} - {None}
            if len(codes) == 1:  # "South Lebanon", "northern Iraq": the country named inside
                e = Entity(text, code=codes.pop(), rule="country named in a region")
                self._span(e, tok, ent)
                return e, False, False
        if label == "NORP":
            code = self.kb.country_of_word(fixed or text)
            if code:
                e = Entity(text, code=code, rule="demonym")
                self._span(e, tok, ent)
                return e, False, True
            if text in _US_PARTY_WORDS and self._us_story():
                # "Democrats accused Republicans ...", "House Democrats" in a US story: the US parties (PTY)
                e = Entity(text, code="USA", sector="PTY", rule="US party members in a US story")
                self._span(e, tok, ent)
                return e, False, text.endswith("s")
        return None, False, False

    def _facility_country(self, ent) -> str | None:
        """The country a named facility stands in: "the Tarvan Uranium Enrichment Facility (TUEF) in central
        Iran" → IRN. Only for a name ending in a facility word (:data:`_FACILITIES`) and a place phrase
        ("in"/"at"/"near" a country or a town the gazetteer knows) right after it, a bracketed acronym
        skipped: the parser often hangs that phrase on the verb, but a facility is where it stands. PLOVER
        manual 2.0 §Country names: an actor takes the country it is associated with. None otherwise."""
        if ent.root.lower_ not in _FACILITIES:
            return None
        doc, i = self.doc, ent.end
        if i < len(doc) and doc[i].text == "(":
            close = next((j for j in range(i + 1, min(i + 8, len(doc))) if doc[j].text == ")"), None)
            i = close + 1 if close is not None else i
        preps = [c for c in ent.root.children if c.dep_ == "prep" and c.i > ent.root.i]  # "Plant near Kharkiv"
        if i < len(doc):
            preps.append(doc[i])
        for p in preps:
            obj = _child_dep(p, "pobj") if p.lower_ in ("in", "at", "near") else None
            code = self._place_country(obj) if obj is not None else None
            if code is None and obj is not None and obj.pos_ == "PROPN" and self.gazetteer is not None:
                place = self.gazetteer.resolve(obj.text)  # a town the tagger put inside the name
                code = place.country if place is not None else None
            if code:
                return code
        return None

    def _branch_country(self, tok, hit: KBActor) -> str | None:
        """The country whose branch of a transnational armed group or movement (code IMG or ISM) a possessive
        names: "*Yemen's* al-Qaeda commander", "*Somalia's* Islamic State cell" → YEM, SOM. The possessive
        hangs on the organisation's name or on the noun the name modifies. A group that fights in one state
        is coded as that state's rebels (PLOVER manual 2.0 §Sector codes REB; the practice of
        ``organizations.tsv`` for Boko Haram and al-Qaeda in Iraq). None for any other organisation."""
        if hit.kind != "org" or hit.code not in ("IMG", "ISM"):
            return None
        holders = [tok] + ([tok.head] if tok.dep_ in ("compound", "amod", "nmod") else [])
        for x in holders:
            for c in x.children:
                if c.dep_ == "poss" and not _negated_prefix(c):
                    code = self.kb.country_of_word(c.text)
                    if code:
                        return code
        return None

    def title_case(self, tok) -> bool:
        """True when ``tok``'s sentence is in headline case (most words capitalised)."""
        # the line around tok, at most 20 tokens each way (not tok.sent: no O(n²) on huge one-line texts);
        # words: alphabetic tokens of more than 3 letters
        if self._title_index is None:
            self._title_index = self._title_counts()
        line_start, line_end, words, capitals = self._title_index
        i = tok.i
        lo = max(i - 20, line_start[i])
        hi = min(i + 20, line_end[i])
        n = words[hi + 1] - words[lo]
        return n >= 3 and (capitals[hi + 1] - capitals[lo]) / n > 0.8

    def _title_counts(self) -> tuple[list[int], list[int], list[int], list[int]]:
        """For :meth:`title_case`, per token ``i``: the first token of its line (after the last token before
        ``i`` that holds a line break), the last (the first token from ``i`` on that holds one, or the last
        token), and running counts before each token of words (alphabetic, more than 3 letters) and of
        those with a capital initial."""
        from spacy.attrs import IS_ALPHA

        texts = self.texts
        n = len(texts)
        breaks = [i for i, t in enumerate(texts) if "\n" in t]  # a token's trailing space is never a break
        line_start, line_end = [0] * n, [n - 1] * n
        start = 0
        for b in breaks:
            for j in range(start, b + 1):
                line_start[j] = start
                line_end[j] = b
            start = b + 1
        for j in range(start, n):
            line_start[j] = start
        words, capitals = [0], [0]
        for t, alpha in zip(texts, self.doc.to_array(IS_ALPHA).tolist(), strict=True):
            word = bool(alpha) and len(t) > 3
            words.append(words[-1] + word)
            capitals.append(capitals[-1] + (word and t[0].isupper()))
        return line_start, line_end, words, capitals

    def _is_place_use(self, tok) -> bool:
        """True when a country name is used as a place, not an actor: "in Ukraine", "from Iraq"."""
        return tok.dep_ == "pobj" and tok.head.lower_ in ("in", "into", "inside", "across", "throughout",
                                                          "near")

    def _pronoun(self, tok) -> tuple[Entity | None, bool, bool]:
        low = tok.lower_
        speaker = self._speaker(tok)
        if speaker is not None:
            return speaker
        if low in _PERSON_PRON:
            # "he would only welcome *him* in Jerusalem": an object pronoun is never its clause's subject
            other = self._clause_subject_name(tok)
            ref = self._antecedent(lambda m: m.person and m.subject and _who(m.entity) != other, tok)
            ref = ref or self._antecedent(lambda m: m.person and _who(m.entity) != other, tok)
            return (self._copy(ref, tok, "pronoun"), True, False) if ref else (None, False, False)
        if low in _REFLEXIVE:
            return None, False, False  # reflexive: the actor itself, never a separate recipient
        if low in _PLURAL_PRON:
            # "Two bombers killed 23 people ... when *they* blew themselves up": like he/she, "they" is
            # first the last plural subject, then any group, organisation or country before it
            ref = self._antecedent(lambda m: m.subject and (m.plural or (not m.person)), tok)
            ref = ref or self._antecedent(lambda m: m.plural or (not m.person), tok)
            return (self._copy(ref, tok, "pronoun"), False, True) if ref else (None, False, False)
        if low in _IT_PRON and not _expletive(tok):
            # a country is a mention "they" may also refer to (plural), but "it" is its usual pronoun
            ref = self._antecedent(lambda m: not m.person and (not m.plural or m.entity.org is not None
                                                               or "(country)" in (m.entity.rule or "")), tok)
            return (self._copy(ref, tok, "pronoun"), False, False) if ref else (None, False, False)
        return None, False, False

    def _clause_subject_name(self, tok) -> str | None:
        """For an object pronoun ("welcome *him*", "spoke to *her*"), who its clause's subject is (see
        :func:`_who`), else None: a non-reflexive object pronoun never refers to its own clause's subject."""
        if tok.dep_ not in ("dobj", "dative", "pobj"):
            return None
        verb = tok.head.head if tok.dep_ == "pobj" else tok.head
        subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        if subj is None or subj.i == tok.i:
            return None
        e = self.entity(subj)
        return _who(e) if e is not None else None

    def _speaker(self, tok) -> tuple[Entity, bool, bool] | None:
        """The subject of the reporting verb a pronoun's clause depends on: "Militants loyal to X said *they*
        attempted ...", "Bosnian Serbs said *their* forces had withdrawn" (the speaker speaks of itself), when
        number and person agree (he/she: a person; they: a group, organisation or country; it: no person)."""
        subj = tok if tok.dep_ in ("nsubj", "nsubjpass") else tok.head if tok.dep_ == "poss" else None
        verb = subj.head if subj is not None and subj.dep_ in ("nsubj", "nsubjpass") else None
        if verb is None or verb.dep_ != "ccomp" or verb.head.lemma_ not in _REPORTING:
            return None
        said = next((c for c in verb.head.children if c.dep_ == "nsubj" and c.i < tok.i), None)
        e = self.entity(said) if said is not None and said.pos_ != "PRON" else None
        m = next((m for m in self.mentions if m.head == said.i), None) if e is not None else None
        if m is None or m.entity.code == "UNK":
            return None
        low = tok.lower_
        if (low in _PERSON_PRON) != m.person or (low in _PLURAL_PRON and not (m.plural or m.entity.org)):
            return None
        return self._copy(e, tok, "pronoun for the speaker"), m.person, m.plural

    def _antecedent(self, pred, tok) -> Entity | None:
        for m in reversed(self.mentions):
            if m.head >= tok.i or m.start <= tok.i < m.end:
                continue
            if tok.i - m.head > 400:
                break
            if pred(m):
                return m.entity
        return None

    def _copy(self, ref: Entity, tok, rule: str) -> Entity:
        e = Entity(tok.text, code=ref.code, sector=ref.sector, org=ref.org, name=ref.name,
                   identifier_id=ref.identifier_id, rule=f"{rule} → {ref.entity_text}")
        self._span(e, tok)
        return e

    def _span(self, e: Entity, tok, ent=None) -> None:
        if ent is not None:
            e.start, e.end = ent.start_char, ent.end_char
        else:
            left = tok.left_edge if tok.left_edge.i >= tok.i - 6 else tok
            e.start, e.end = left.idx, tok.idx + len(tok)
            e.entity_text = self.text[e.start:e.end]

    # -- descriptions ----------------------------------------------------------------------------------
    def _np_tokens(self, tok) -> list:
        """The head and its left modifiers, plus "of/in/from X" and appositions on its right, and the
        place or organisation that says where a civilian group belongs ("villagers *near Kandahar*", "a
        newspaper *based in Beirut*", "workers *affiliated with the Serbian union*"; never for armed
        forces, which are often based abroad)."""
        toks = [tok]
        role = self.kb.role(tok.lemma_) or self.kb.role(tok.text)
        armed = bool(role and role.sector in _ARMED)
        for c in tok.children:
            if (c.i < tok.i and c.dep_ in _MOD_DEPS) or c.dep_ == "appos" or (
                    c.i > tok.i and c.dep_ == "prep" and (c.lower_ in _LOC_PREPS or (c.lower_ == "near" and not armed))):
                toks.extend(c.subtree)
            elif c.dep_ == "acl" and c.lemma_ in _BELONGING and not armed:
                toks.extend(x for p in c.children if p.dep_ == "prep" and p.lower_ in ("in", "with")
                            for x in p.subtree)
            elif c.dep_ == "amod" and c.lower_ == "loyal":  # "gunmen loyal to Aidid": the leader's country
                toks.extend(x for p in c.children if p.dep_ == "prep" and p.lower_ == "to" for x in p.subtree)
        nxt = tok.nbor(1) if tok.lemma_ in ("party", "side", "faction") and tok.i + 1 < len(tok.doc) else None
        war = _child_dep(nxt, "pobj") if nxt is not None and nxt.lower_ in ("to", "in") else None
        if war is not None and war.lemma_ in ("conflict", "war", "fighting", "hostility"):
            # "parties to the conflict in Iraq" (the parser hangs "to the conflict" on the verb)
            toks.extend(x for p in war.children if p.dep_ == "prep" and p.lower_ == "in" for x in p.subtree)
        return sorted(set(toks), key=lambda t: t.i)

    def _describe(self, toks: list, head) -> dict:
        """Country, organisation and sector that the words ``toks`` give (see the module's rules 3–4)."""
        info: dict = {}
        if not toks:
            return info
        idx = {t.i for t in toks}
        # roles: the longest role term ending at the head (or at any token), e.g. "foreign minister"
        best_role = group = None
        heads = self.kb.role_heads
        for t in toks:
            if t.lower_ not in heads and t.lemma_.lower() not in heads:
                continue
            for n in range(min(self.kb.max_role_words, 4), 0, -1):
                start = t.i - n + 1
                if start < 0 or any(i not in idx for i in range(start, t.i + 1)):
                    continue
                words = self.doc[start: t.i + 1].text
                r = self.kb.role(words)
                if r is not None:
                    score = (t.i == head.i, n, -r.rank)
                    if best_role is None or score > best_role[0]:
                        best_role = (score, r)
                    if t.head.i == head.i and t.i < head.i and r.sector != "GOV":
                        group = r  # "a *rebel* spokesman", "*army* commander": the group the member speaks for
                    break
        if best_role is not None:
            r = best_role[1]
            info["role"], info["sector"] = r, r.sector
            if head.lemma_.lower() in _MEMBER_NOUNS and group is not None and r.sector in ("GOV", "MIL"):
                info["sector"] = group.sector  # "a rebel spokesman", "rebel commanders", "police chief"
            if r.kind == "person" and any(t.lower_ in ("former", "ousted", "deposed") for t in toks if t.i < head.i):
                info["sector"] = "ELI"  # "former Nigerian military ruler" (PLOVER manual 2.0 §Sector codes: ELI)
        # "Red Cross officials", "Municipality Association officials": staff speak with their organisation's
        # sector (leaders keep GOV, as the PLOVER gold records code "al-Qaeda leaders")
        member = (head.lemma_.lower() in _MEMBER_NOUNS - {"leader", "head", "chief", "commander"}
                  and info.get("sector") == "GOV" and group is None)
        if member and any(t.lower_ in _NGO_HEADS for t in toks if t.i < head.i):
            info["sector"] = "SOC"
        # a name split by the tagger across its compound chain: "Islamic State militants"
        start = head.i
        while start > 0 and self.doc[start - 1].dep_ == "compound" and self.doc[start - 1].i in idx:
            start -= 1
        if start < head.i:
            chain = self.doc[start: head.i].text
            hits = [h for h in self.kb.lookup(chain) if h.kind != "person"]
            for n in range(min(4, head.i - start), 1, -1):  # "the *United Nations* Emergency Relief Coordinator"
                if hits:
                    break
                for a in range(start, head.i - n + 1):
                    hits = [h for h in self.kb.lookup(self.doc[a: a + n].text) if h.kind == "org"]
                    if hits:
                        break
            if hits:
                h = _best(hits)
                info["code"] = h.code
                if h.kind == "org":
                    info["org"], info["name"] = h.org, h.name
                    info["org_named"] = True
                if h.sector and (not info.get("sector") or member):
                    info["sector"] = h.sector
        # "Israel's militia ally", "allies of Russia": the other party of a relation is not the actor
        other = {x.i for r in toks if r.lemma_.lower() in _RELATIONAL for c in r.children
                 if c.dep_ == "poss" or (c.dep_ == "prep" and c.lower_ == "of") for x in c.subtree}
        i = 0
        toks_sorted = sorted((t for t in toks if t.i not in other), key=lambda t: t.i)
        while i < len(toks_sorted):
            t = toks_sorted[i]
            if t.is_punct or t.pos_ in ("DET", "ADP", "CCONJ"):
                i += 1
                continue
            if _negated_prefix(t):
                i += 1
                continue
            if t.tag_ == "PRP$" and t.lower_ in _PERSON_PRON | _PLURAL_PRON | _IT_PRON:
                ref = self.entity(t)
                if ref is not None and not info.get("code") and ref.code != "UNK" and t.i != head.i:
                    if best_role is not None and best_role[1].kind != "person":
                        info.setdefault("code", ref.code)
                        if ref.org:
                            info.setdefault("org", ref.org)
                i += 1
                continue
            # multi-word names: try the entity span first
            ent = self.ent_of.get(t.i)
            cand_texts = []
            if ent is not None and all(x.i in idx for x in ent):
                cand_texts.append((ent.text, ent.end - ent.start))
            cand_texts.append((t.text, 1))
            if t.i + 1 in idx and norm(self.doc[t.i: t.i + 2].text) in self.kb.peoples:
                cand_texts.insert(0, (self.doc[t.i: t.i + 2].text, 2))  # "Irish nationalist guerrillas"
            used = 1
            for text, n in cand_texts:
                hits = [h for h in self.kb.lookup(text, self.published)
                        if h.kind != "person" and not (n == 1 and t.is_lower)]
                code = self.kb.country_of_word(text) or (
                    self._people_country(t) if n == 1 else self._people_country(t, text=text)) or (
                    self.kb.country_of_word(self._near_country(text) or "") if t.pos_ == "PROPN" else None) or (
                    # "Chenchen refugees": a misspelt people on a role noun
                    self._people_country(t, misspelt=True) if n == 1 and t.pos_ == "PROPN" and t.i != head.i
                    and t.dep_ in ("compound", "amod") else None)
                if hits:
                    h = _best(hits)
                    branch = self._branch_country(ent.root if ent is not None else t, h)
                    if branch:  # "Iraq's al-Qaeda frontman": the group's branch in that country
                        info["code"], info["org"] = branch, None
                        info["name"], info["branch"] = None, True
                        if h.sector and (not info.get("sector") or member):
                            info["sector"] = h.sector
                    elif info.get("branch") and h.kind == "org":
                        pass  # the branch's own organisation named again
                    elif h.kind == "org":
                        info["org_named"] = True
                        if not info.get("org") and h.org:
                            info["org"] = h.org
                            info["code"] = h.code
                            info["name"] = h.name
                        elif not info.get("code"):
                            info["code"] = h.code
                        if h.sector and (not info.get("sector") or member):
                            info["sector"] = h.sector
                    elif not info.get("code"):
                        other = self._city_elsewhere(text, h.code) if h.kind == "metonym" else None
                        info["code"] = other or h.code
                        if h.kind == "metonym" and not other and not info.get("sector") and t.i == head.i:
                            info["sector"] = "GOV"
                    if t.i == head.i or (ent is not None and ent.root.i == head.i):
                        info["self_named"] = True
                    used = n
                    break
                if not code and self.gazetteer is not None and t.i != head.i and (
                        (ent is not None and ent.label_ == "GPE") or (
                            # "the mayor *of Melitopol*", "residents *of Aleppo*": the tagger often mislabels
                            # or misses a town after a role noun
                            (ent is None or ent.label_ not in ("PERSON", "ORG")) and t.pos_ == "PROPN"
                            and t.dep_ == "pobj" and t.head.lower_ in _LOC_PREPS
                            and t.head.head.i == head.i and info.get("role") is not None)):
                    place = self.gazetteer.resolve(ent.text if ent is not None else t.text)
                    code = place.country if place is not None else None
                if code and not info.get("code"):
                    info["code"] = code
                    if t.i == head.i:
                        info["self_named"] = True
                    used = n
                    break
                if t.lower_ in _ORG_DESCRIPTORS and t.i != head.i and any(
                        c.dep_ == "det" and c.lower_ in ("the", "this", "that")
                        for c in list(t.children) + (list(head.children) if t.dep_ == "compound" else [])):
                    info["descriptor_org"] = True  # "the alliance('s) chief", not "union leaders"
            if (not info.get("code") and ent is not None and ent.label_ in ("PERSON", "NORP") and t.i != head.i
                    and info.get("role") is not None and (ent.root.dep_ in ("compound", "poss") or (
                        ent.root.dep_ == "pobj" and ent.root.head.head.lower_ == "loyal"))):
                # "the Bush administration", "Putin's government": the leader's country
                kb = self.kb.person(ent.text, self.published)
                if kb is not None and kb.code not in ("UNK", "IGO"):
                    info["code"] = kb.code
            i += used
        role = info.get("role")
        if role is not None and role.term in _ENVOYS and info.get("code") in ("IGO", "UNO", "EUR"):
            # "Trump's U.N. ambassador", "America's NATO envoy": a state's envoy *to* the organisation
            owner = next((self.entity(t) for t in toks if t.dep_ == "poss" and t.i < head.i), None)
            if owner is not None and owner.code not in NON_STATE_CODES:
                info.update(code=owner.code, org=None, name=None, sector="GOV")
        return info


#: Last words of company names ("Malaysia Airlines", "Deutsche Bank"); a word list misses many companies.
_COMPANY_WORDS = {"airlines", "airways", "bank", "corp", "corporation", "company", "co", "inc", "ltd",
                  "plc", "llc", "ag", "sa", "gmbh", "holdings", "motors", "petroleum", "oil", "energy",
                  "telecom", "telecommunications", "steel", "mining", "pharmaceuticals", "industries"}


def _company(ent) -> str | None:
    """BUS (PLOVER sector: business) for an organisation named like a company, else None."""
    last = ent[-1].lower_.rstrip(".")
    return "BUS" if last in _COMPANY_WORDS and len(ent) > 1 else None


def _child_dep(tok, dep: str):
    """The first child of ``tok`` with dependency ``dep``, else None."""
    return next((c for c in tok.children if c.dep_ == dep), None)


def _conjuncts(tok) -> list:
    """Coordinated tokens of ``tok``; in a list of names "The US, Russia, and Switzerland" the parser
    makes the middle names appositions, so a proper-noun apposition that itself has a conjunct counts."""
    out = []
    for c in tok.children:
        if c.dep_ == "conj" or (c.dep_ == "appos" and tok.pos_ == "PROPN" and c.pos_ == "PROPN"
                                and any(g.dep_ == "conj" for g in c.children)):
            out.append(c)
            out.extend(_conjuncts(c))
    return out


def _negated_prefix(t) -> bool:
    """True for "Moscow" in "pro-Moscow" / "anti-Kyiv" / "Iranian-backed" (the country is not the actor)."""
    if t.i >= 2 and t.nbor(-1).text == "-" and t.nbor(-2).lower_ in _NEGATING_PREFIX:
        return True
    if t.i + 2 < len(t.doc) and t.nbor(1).text == "-" and t.nbor(2).lower_ in _SPONSORED:
        return True
    parts = t.text.lower().split("-")
    return len(parts) > 1 and (parts[0] in _NEGATING_PREFIX or parts[-1] in _SPONSORED)


#: Adjectives that describe an agent's stance: "it is *willing* to withdraw" refers to the actor.
_STANCE_ADJECTIVES = {"willing", "unwilling", "ready", "prepared", "able", "unable", "eager", "keen", "determined",
                      "reluctant", "committed", "opposed", "open", "resolved", "obliged", "entitled", "responsible"}


def _expletive(tok) -> bool:
    """"It" in "it was important to..." / "It was the first meeting" refers to nothing; "it is willing
    to", "it is ready to" refer to the actor named before."""
    if tok.dep_ == "expl":
        return True
    if tok.dep_ != "nsubj" or tok.head.lemma_ != "be":
        return False
    return not any(c.dep_ == "acomp" and c.lemma_.lower() in _STANCE_ADJECTIVES for c in tok.head.children)


def _weak(e: Entity | None) -> bool:
    """True when ``e`` says nothing sure: None, code UNK without an organisation, or a gazetteer guess."""
    return e is None or (e.code == "UNK" and not e.org) or (e.rule or "").startswith("gazetteer")


def _best(hits: list[KBActor]) -> KBActor:
    order = {"org": 0, "metonym": 1, "country": 2, "person": 3}
    return min(hits, key=lambda h: order.get(h.kind, 9))


def _from_kb(text: str, a: KBActor) -> Entity:
    return Entity(text, code=a.code, sector=a.sector, org=a.org, name=a.name, identifier_id=a.wikidata,
                  rule=f"knowledge base ({a.kind})")
