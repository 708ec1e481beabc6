"""The pure function ``Article -> CodedArticle`` that runs the stages in order.

This is the one thing the CLI, the engines, the API and the tests call. It does no I/O and keeps no
state beyond the loaded models and knowledge base, so the local engine, the Spark engine and the
HTTP API code an article identically.

Stages, each reading the parsed document and adding one layer:
parse (:mod:`.nlp`) → actors (:mod:`.actors`) → events (:mod:`.events`) → dates (:mod:`.when`) →
places (:mod:`.where`) → scores (:mod:`.ontology`) → merge headline/caption events with body events.
"""

from __future__ import annotations

import functools
import logging
import re
from collections.abc import Iterable, Iterator

from .article import Article, CodedArticle, Entity, Event, Quote

log = logging.getLogger(__name__)

#: Verbs of appeal (CAMEO 1.1b3 §02 "Appeal": urge, ask, call for, plead) as against demand (§10): the
#: PLOVER type is REQUEST either way; the CAMEO code (and so Goldstein and the Phoenix class) differs.
_APPEAL_VERBS = {"urge", "call", "ask", "appeal", "request", "plead", "implore", "beg", "encourage", "invite",
                 "petition", "seek", "exhort", "entreat"}
#: REQUEST mode → CAMEO appeal code (CAMEO 1.1b3: 023 aid, 024 political reform, 025 yield, 026 meet).
_APPEAL_CODES = {"assist": "023", "change": "024", "yield": "025", "meet": "026"}

#: Measures and acts aimed at a place's population when no one else is named (PLOVER manual 2.0: the
#: recipient of COERCE/CONCEDE/SANCTION/AID is whoever the measure applies to; forces mobilised in a
#: foreign place face that country).
_PLACE_TARGETED = {"CONCEDE", "COERCE", "SANCTION", "AID", "ASSAULT", "RETREAT", "MOBILIZE"}

#: Place-targeted types that a state also does to its own people ("imposed a curfew in Cizre").
_OWN_PEOPLE = {"COERCE", "CONCEDE"}

#: Event types whose unplaced civilian recipients take the country of the event's place.
_PLACED_VICTIMS = {"ASSAULT", "COERCE", "AID", "PROTEST", "MOBILIZE"}

#: Sectors whose members act where they live: an actor or recipient of such a sector that nothing else
#: resolves takes the country of the event's place ("police fired tear gas at protesters *in Tbilisi*",
#: "detained 16 journalists in Diyarbakir"), as ICEWS and the PLOVER gold code them. Armed forces (MIL)
#: are left out: troops often act abroad.
_LOCAL_SECTORS = {"COP", "JUD", "CVL", "REF", "LAB", "EDU", "JRN", "MED", "OPP", "PTY", "LEG", "GOV", "UAF",
                  "REB", "REL", "BUS", "ELI", "CRM", "AGR", "ENV", "SPY"}

#: Words for people held by a state, whose protests are aimed at the state holding them.
_DETAINEES = ("prisoner", "inmate", "detainee")
#: Nouns of protest whose ending (CONCEDE) is a concession to the protesters' own government.
_PROTEST_NOUNS = {"strike", "protest", "boycott", "demonstration", "sit-in", "blockade", "march", "walkout", "rally"}

_QUOTE = re.compile(r"[\"\u201c]([^\"\u201c\u201d]{2,600}?)[\"\u201d]")


class Coder:
    """Codes articles into events. Load once, call many times.

    Args:
        model: spaCy model package name (default :data:`eventcoder.nlp.DEFAULT_MODEL`).
        show_negated: also return negated and hypothetical events (``modality`` says which); by default
            they are dropped (issue: a negated event is never emitted as the positive event).
        actor_dictionaries: PETRARCH/TABARI actor or agent dictionary files to add to the knowledge base.
    """

    def __init__(self, model: str | None = None, show_negated: bool = False,
                 actor_dictionaries: Iterable[str] = ()):
        from . import nlp
        from .actors.kb import KnowledgeBase, default_kb
        from .events.lexicon import default_lexicon

        self.nlp = nlp.load(model or nlp.DEFAULT_MODEL)
        self.show_negated = show_negated
        dicts = list(actor_dictionaries)
        if dicts:
            from .actors import dictionaries

            self.kb = KnowledgeBase()
            for path in dicts:
                dictionaries.load_into(self.kb, path)
        else:
            self.kb = default_kb()
        self.lexicon = default_lexicon()
        self._gazetteer = None

    @property
    def gazetteer(self):
        """The place gazetteer (loaded on first use)."""
        if self._gazetteer is None:
            from . import where

            self._gazetteer = where.default_gazetteer()
        return self._gazetteer

    # -- public ----------------------------------------------------------------------------------------
    def code(self, article: Article) -> CodedArticle:
        """Code one article. Never raises for odd text; an article with no events gives ``events == []``."""
        return next(self.code_many([article]))

    def code_many(self, articles: Iterable[Article], batch_size: int = 16) -> Iterator[CodedArticle]:
        """Code a stream of articles lazily, parsing them in batches with ``nlp.pipe``."""
        from .nlp import article_doc

        def texts(items):
            for a in items:  # block starts are sentence starts (the parser keeps what article_doc presets)
                yield article_doc(self.nlp, _parse_text(a), [b.start for b in a.blocks]), a

        for doc, article in self.nlp.pipe(texts(articles), as_tuples=True, batch_size=batch_size):
            try:
                yield self._code_doc(article, doc)
            except Exception:  # noqa: BLE001 - a coding bug must not lose the batch
                log.exception("coding failed for story %s", article.id)
                yield CodedArticle(article=article)

    def classify(self, text: str, source: str, target: str) -> str:
        """PLOVER type of the event ``source`` does to ``target`` in ``text`` ("NONE" when there is none).

        ``source`` and ``target`` are substrings of ``text`` (a span not found verbatim, as happens in
        hand-made pair sets, aligns with nothing and the sentence's events decide). Among the sentence's
        events, the one whose actor words overlap ``source`` and recipient words overlap ``target`` wins;
        then one with either side overlapping; then the most confident event of the sentence.
        """
        from .article import TextBlock

        art = Article(id="pair", text=text, blocks=[TextBlock("body", 0, len(text))])
        coded = self.code(art)
        found = pick_pair_event(coded.events, text, source, target)
        if found != "NONE":
            return found
        return self._nearest_trigger(text, source, target)

    def _nearest_trigger(self, text: str, source: str, target: str) -> str:
        """Fallback for a given pair when no full event was coded: the type of the lexicon trigger closest
        to the two spans in the dependency tree (the pair is given, so the arguments need not resolve)."""
        from .actors.resolve import DocActors
        from .events.extract import Extractor

        doc = self.nlp(text)
        ex = Extractor(doc, DocActors(doc, self.kb, None), self.lexicon, [], set())
        anchors = []
        for words in (source, target):
            i = text.find(words) if words else -1
            if i >= 0:
                span = doc.char_span(i, i + len(words), alignment_mode="expand")
                if span is not None:
                    anchors.append(span.root)
        best = None
        for tok in doc:
            row = ex.match(tok)
            if row is None or row.event in ("REPORT", "NONE"):
                continue
            dist = sum(_tree_distance(tok, a) for a in anchors) if anchors else 0
            if best is None or dist < best[0]:
                best = (dist, row.event)
        return best[1] if best else "NONE"

    # -- stages ----------------------------------------------------------------------------------------
    def _code_doc(self, article: Article, doc) -> CodedArticle:
        from . import when, where
        from .actors.resolve import DocActors
        from .events.contexts import event_contexts
        from .events.extract import Extractor

        gaz = self.gazetteer
        datelines = dateline_spans(article)
        # whitespace tokens and datelines, read from arrays (no Token objects: this runs on every token)
        starts = doc.to_array("IDX").tolist()
        spaces = doc.to_array("IS_SPACE").tolist()
        skip = {i for i, sp in enumerate(spaces) if sp}
        for s, e, _ in datelines:
            skip.update(i for i, at in enumerate(starts) if s <= at < e)
        actors = DocActors(doc, self.kb, article.published, skip=skip, gazetteer=gaz)
        quotes = [(m.start(1), m.end(1)) for m in _QUOTE.finditer(article.text)]
        cands = Extractor(doc, actors, self.lexicon, quotes, skip).run()

        dateline = article.dateline or (datelines[0][2] if datelines else None)
        dateline_place = where.dateline_place(dateline, gaz) if dateline else None
        ctx = where.place_context(doc.ents, dateline_place, gaz)
        events: list[Event] = []
        for c in cands:
            if c.modality in ("negated", "hypothetical") and not self.show_negated:
                continue
            sent = c.trigger.sent
            block = article.block_at(c.trigger.idx)
            d = when.event_date(sent, c.trigger, article.published)
            if d is not None and _after(d.value, article.published) and c.modality not in ("future", "hypothetical"):
                # "the party's 2016 nominee", "its 2030 target": a later date in an asserted clause names
                # something else; an event is never dated after publication unless it is to come
                c.rules.append(f"clause date {d.value} is after publication and the event is asserted: story date")
                d = None
            if d is None:
                d = when.story_date(article.published)
            place_ctx = ctx if block == "body" else where.PlaceContext(countries=ctx.countries, regions=ctx.regions)
            own_place = where.event_place(sent, c.trigger, gaz, place_ctx)
            if own_place is None and c.event == "ASSAULT":
                # "a roadside bombing *near Samarra* killed ...", "killed in a car bomb explosion *in Beirut*":
                # the place of the attack told through its means
                for means in _means_nouns(c.trigger):
                    own_place = where.event_place(sent, means, gaz, place_ctx)
                    if own_place is not None:
                        c.rules.append(f"place from the means of the attack '{means.text}'")
                        break
            place = own_place or where.locate_event(sent, c.trigger, gaz, place_ctx, d, article.published)
            if (not c.recipient and own_place is not None and own_place.country and c.event in _PLACE_TARGETED
                    and (own_place.country not in {e.code for e in c.actor} or c.event in _OWN_PEOPLE)
                    and (c.event != "MOBILIZE" or all(e.code not in ("UNK", own_place.country) for e in c.actor))):
                # a curfew imposed or lifted by a government in its own country is on its own people
                # "lifted the curfew in Montenegro", "suspended aid deliveries in Baghdad": the people there
                # forces mobilised in another country's place ("troops on alert in the West Bank") face that
                # country, not its civilians
                c.recipient = [Entity(own_place.name, code=own_place.country,
                                      sector=None if c.event == "MOBILIZE" else "CVL",
                                      rule="population of the event's place")]
                c.rules.append(f"recipient: the population of {own_place.name}")
            if place is not None and place.country:
                for e in c.recipient:  # "killed 23 people" in Tel Aviv: the victims are of the place's country
                    if e.code == "UNK" and e.sector in ("CVL", "REF", "UNK", None) and c.event in _PLACED_VICTIMS:
                        e.code = place.country
                        e.rule = f"{e.rule}; country of the event's place"
                if c.event == "PROTEST":  # "thousands of people blocked streets in Hong Kong": local protesters
                    for e in c.actor:
                        if e.code == "UNK" and e.sector in ("CVL", "LAB", "EDU", "REF", "UNK", None):
                            e.code = place.country
                            e.rule = f"{e.rule}; protesters of the event's place"
                # (not the actors of a meeting or visit: "his visit to Saudi Arabia" is no Saudi's, and talks are
                # often held in a third country)
                for e in (*(c.actor if c.event not in ("CONSULT", "AGREE") else ()), *c.recipient):
                    if e.code == "UNK" and e.sector in _LOCAL_SECTORS and not e.org:
                        e.code = place.country
                        e.rule = f"{e.rule}; {e.sector} of the event's place"
            _domestic(c.actor, c.recipient)
            if c.event == "THREATEN" and not c.recipient and any(
                    t.lemma_.lower() in _DOMESTIC_MEASURES for t in doc[c.trigger.i:c.trigger.sent.end]):
                # "threatened to impose a curfew in Algiers": a state's curfew or martial law falls on its own
                # people (as the same measure imposed does, PLOVER manual 2.0, §COERCE curfew/martial-law)
                own = {e.code for e in c.actor if e.sector in ("GOV", "MIL", "COP")} - _NON_STATE
                if len(own) == 1:
                    code = own.pop()
                    c.recipient = [Entity(f"people of {code}", code=code, sector="CVL", rule="threatened measure")]
                    c.mode = c.mode or "restrict"  # PLOVER manual 2.0, THREATEN modes: restrict
                    c.rules.append("threatened curfew or martial law: on the state's own people")
            ended = c.event == "CONCEDE" and bool(c.actor) and all(e.sector in _DOMESTIC_GROUPS for e in c.actor) \
                and any(x.dep_ in ("dobj", "nsubjpass") and x.lemma_.lower() in _PROTEST_NOUNS for x in c.trigger.children)
            held = c.event == "PROTEST" and place is not None and bool(place.country) and all(
                e.rule == "domestic protest" for e in c.recipient) and any(
                w in (e.entity_text or "").lower() for e in c.actor for w in _DETAINEES)
            if (c.event == "PROTEST" or ended) and (not c.recipient or held):
                # "called off a four-day strike": a protest ended is a concession to whom it was aimed at
                # "ethnic Albanians demonstrated in Serbia": a domestic protest is aimed at that government
                own = {e.code for e in c.actor} - _NON_STATE
                if held:  # "Palestinian prisoners rioted at a jail in northern Israel": against their jailers
                    c.recipient = [Entity(f"government of {place.country}", code=place.country, sector="GOV",
                                          rule="protest by detainees: the state holding them")]
                    c.rules.append("protest by detainees: directed at the state where they are held")
                elif len(own) == 1:
                    code = own.pop()
                    c.recipient = [Entity(f"government of {code}", code=code, sector="GOV", rule="domestic protest")]
                    c.rules.append("domestic protest: directed at the protesters' own government")
            scores = _scores(c)
            ev = Event(
                story_id=article.id,
                event=c.event,
                actor=c.actor,
                recipient=c.recipient,
                event_text=c.event_text,
                sequence=c.sent_index,
                start=c.start,
                end=c.end,
                sentence=sent.text.strip(),
                mode=[c.mode] if c.mode else [],
                cameo=scores["cameo"],
                goldstein=scores["goldstein"],
                quad_code=scores["quad_code"],
                plover_score=scores["plover_score"],
                date=d.value if d else None,
                date_precision=d.precision if d else None,
                date_source=d.source if d else None,
                event_loc=place,
                modality=c.modality,
                speaker=c.speaker,
                quoted=c.quoted,
                confidence=_confidence(c),
                explanation="; ".join(c.rules),
                symmetric=c.symmetric,
                block=block,
                cite_info={
                    "url": article.url,
                    "title": article.title,
                    "publication": article.publisher,
                    "published": article.published.isoformat() if article.published else None,
                },
            )
            ev.context = event_contexts(ev, sent, article.published)  # PLOVER contexts and auxiliary modes
            events.append(ev)
        events = merge_events(events)
        entities = [m.entity for m in sorted(actors.mentions, key=lambda m: m.start)]
        quote_records = _quotes(doc, article, actors, quotes)
        return CodedArticle(article=article, entities=entities, events=events, quotes=quote_records)


#: State sectors: a government, its forces, police, courts, legislature and services.
_STATE_SECTORS = {None, "GOV", "MIL", "COP", "JUD", "LEG", "SPY"}
#: The state's civil arms, which act at home (armies and whole countries often act abroad: "Israeli troops
#: killed five civilians" says nothing of the civilians' country).
_CIVIL_STATE_SECTORS = {"GOV", "COP", "JUD", "LEG", "SPY"}
#: Groups that exist within one country: the opponents, subjects and targets of its state.
_DOMESTIC_GROUPS = {"REB", "OPP", "PTY", "CVL", "JRN", "LAB", "EDU", "CRM", "REL", "ELI", "MED", "BUS", "UAF"}
#: Groups defined by opposing their own state.
_OPPONENTS = {"REB", "OPP", "PTY"}


def _domestic(actor: list[Entity], recipient: list[Entity]) -> None:
    """Domestic dyads (PLOVER gold practice): a government, its police or courts acting on an unplaced
    group of rebels, opposition, civilians, journalists... act on their own people ("the Sudanese government accused *Darfur rebels*"
    → SDN REB); rebels, opposition or parties acting against a state are that state's ("the opposition
    demanded that *the Kenyan government* resign" → KEN OPP); courts and police acting on a state's
    officials are that state's. Only entities still coded UNK change, and
    only when the other side is one country; the entity's ``rule`` says so. Mutates in place."""
    def one_state(side: list[Entity], sectors=_STATE_SECTORS) -> str | None:
        codes = {e.code for e in side if e.sector in sectors and not e.org}
        codes = {c for c in codes if len(c) == 3 and c not in _NON_STATE}
        return codes.pop() if len(codes) == 1 and len(side) == 1 else None

    state = one_state(actor, _CIVIL_STATE_SECTORS)
    if state is not None:
        for e in recipient:
            if e.code == "UNK" and e.sector in _DOMESTIC_GROUPS and not e.org:
                e.code = state
                e.rule = f"{e.rule}; {e.sector} acted on by the state of {state}: domestic"
    state = one_state(recipient)
    if state is not None:
        for e in actor:
            if e.code == "UNK" and e.sector in _OPPONENTS and not e.org:
                e.code = state
                e.rule = f"{e.rule}; {e.sector} acting against the state of {state}: domestic"
    # "Judge Rivera opened investigations against 28 Chilean government officials": courts and police
    # act on their own state's officials
    officials = {e.code for e in recipient if e.sector in ("GOV", "LEG", "MIL", "COP", "JUD") and not e.org}
    officials -= _NON_STATE
    if len(officials) == 1:
        code = officials.pop()
        for e in actor:
            if e.code == "UNK" and e.sector in ("JUD", "COP") and not e.org:
                e.code = code
                e.rule = f"{e.rule}; {e.sector} acting on officials of {code}: domestic"


_NON_STATE = {"UNK", "IGO", "UNO", "EUR", "NGO", "ISM", "IMG", "MNC"}


#: Measures a state takes against its own population (curfews, martial law, states of emergency).
_DOMESTIC_MEASURES = {"curfew", "martial", "emergency", "lockdown"}


def _means_nouns(trigger) -> list:
    """Nouns that name how an attack was done: its subject when the act has no human doer ("a roadside
    *bombing* killed") and the objects of its in/by phrases ("killed in a car bomb *explosion*")."""
    out = [c for c in trigger.children if c.dep_ == "nsubj" and c.pos_ == "NOUN"]
    for c in trigger.children:
        if c.dep_ in ("prep", "agent") and c.lower_ in ("in", "by"):
            out.extend(x for x in c.children if x.dep_ == "pobj" and x.pos_ == "NOUN")
    if not out and trigger.dep_ == "conj" and trigger.head.i != trigger.i:
        return _means_nouns(trigger.head)  # "a bombing killed one soldier and *wounded* two": the same means
    return out


def _tree_distance(a, b) -> int:
    """Number of dependency arcs between tokens ``a`` and ``b`` (same sentence), else a large number."""
    if a.sent != b.sent:
        return 100
    up_a = [a, *a.ancestors]
    up_b = [b, *b.ancestors]
    ids_b = {t.i: n for n, t in enumerate(up_b)}
    for n, t in enumerate(up_a):
        if t.i in ids_b:
            return n + ids_b[t.i]
    return 100


def dateline_spans(article: Article) -> list[tuple[int, int, str]]:
    """Dateline spans ``(start, end, place words)``: the reader's dateline blocks, or else a "PLACE —"
    opening the first body paragraph (HTML and JSONL readers leave it in the body text)."""
    from .ingest.text import _DATELINE

    spans = [(b.start, b.end, article.dateline or article.text[b.start:b.end].strip(" —–-"))
             for b in article.blocks if b.kind == "dateline"]
    if spans:
        return spans
    body = next((b for b in article.blocks if b.kind == "body"), None)
    start = body.start if body is not None else 0
    m = _DATELINE.match(article.text[start: start + 120])
    if m:
        return [(start, start + m.end(), m.group("place").strip())]
    return []


def _parse_text(article: Article) -> str:
    """The text given to the parser: the article text with the dateline blanked (same offsets)."""
    text = article.text
    for s, e, _ in dateline_spans(article):
        text = text[:s] + " " * (e - s) + text[e:]
    return text


def _after(value: str, published) -> bool:
    """True when the date ``value`` ("YYYY", "YYYY-MM" or "YYYY-MM-DD") lies wholly after ``published``."""
    if published is None or not value:
        return False
    pub = published.isoformat()[: len(value)]
    return value > pub


def _scores(c) -> dict:
    """CAMEO code, Goldstein, quad class and PLOVER score of a candidate: the trigger row's CAMEO code,
    unless the type changed (future → AGREE) or a mode made a more specific code available."""
    from . import ontology

    if c.mode and not ontology.is_valid_mode(c.event, c.mode):
        c.mode = None  # a complement's mode that this type does not have (AGREE has none)
    code = c.row.cameo if c.row.event == c.event else None
    if c.mode and (code is None or (len(code) == 3 and code.endswith("0"))):
        code = ontology.default_cameo(c.event, c.mode)
    if c.event == "REQUEST" and c.trigger.lemma_.lower() in _APPEAL_VERBS:
        code = _APPEAL_CODES.get(c.mode, "020")  # an appeal, not a demand: CAMEO 1.1b3 §02 vs §10
    try:
        return ontology.score(c.event, c.mode, code)
    except ontology.OntologyError:
        log.debug("bad CAMEO code %r for %s", code, c.event)
        return ontology.score(c.event, c.mode, None)


def _confidence(c) -> float:
    """0..1: lexicon rule base 0.6 (nominal 0.5), + 0.15 with a resolved recipient, − 0.2 per UNK side."""
    conf = c.confidence
    if c.recipient and all(e.code != "UNK" for e in c.recipient):
        conf += 0.15
    if any(e.code == "UNK" for e in c.actor):
        conf -= 0.2
    if c.recipient and any(e.code == "UNK" for e in c.recipient):
        conf -= 0.1
    if c.modality != "asserted":
        conf -= 0.1
    return max(0.05, min(0.95, conf))


def _codes(ents: list[Entity]) -> frozenset:
    """What makes two sides the same actor: code and organisation; for UNK, code and sector ("the army"
    and "Rebels" are both UNK but not one actor)."""
    return frozenset((e.code, e.org) if e.code != "UNK" else (e.code, e.sector) for e in ents)


def merge_events(events: list[Event]) -> list[Event]:
    """Drop repeats: a headline or caption event that a body event already reports (same type, same
    actor codes, recipient codes equal or missing on one side, same date), and repeats of one event in
    one sentence. The body event (it carries the evidence) is kept; a repeat in the same block that names
    the recipient the kept event lacks gives it that recipient. Mutates the kept events."""
    out: list[Event] = []
    body = [e for e in events if e.block == "body"]
    for e in events:
        sides = _codes(e.actor) | _codes(e.recipient) if e.symmetric else None
        dup = False
        pool = body if e.block in ("title", "caption") else out
        for o in pool:
            if o is e or o.event != e.event:
                continue
            if e.block == "body" and o.sequence != e.sequence:
                continue
            if sides is not None or o.symmetric:
                osides = _codes(o.actor) | _codes(o.recipient)
                esides = _codes(e.actor) | _codes(e.recipient)
                same = osides == esides or (e.block != "body" and esides <= osides)
            else:
                same = _codes(o.actor) == _codes(e.actor) and (
                    _codes(o.recipient) == _codes(e.recipient) or not e.recipient or not o.recipient)
            if same and (e.block == "body" or o.date == e.date or not e.date):
                dup = True
                if e.block == o.block and e.recipient and not o.recipient:
                    o.recipient = e.recipient  # "an air strike by Israel killed three people": one attack
                break
        if not dup:
            out.append(e)
    return out


def pick_pair_event(events: list[Event], text: str, source: str, target: str) -> str:
    """The event type that best matches the actor span ``source`` and recipient span ``target``."""
    if not events:
        return "NONE"

    def overlaps(ents: list[Entity], words: str) -> bool:
        i = text.find(words)
        if i < 0 or not words:
            return False
        j = i + len(words)
        return any(e.start < j and i < e.end for e in ents)

    def score(e: Event) -> tuple:
        a = overlaps(e.actor, source) or (e.symmetric and overlaps(e.recipient, source))
        r = overlaps(e.recipient, target) or (e.symmetric and overlaps(e.actor, target))
        return (a and r, a or r, e.confidence)

    return max(events, key=score).event


def _quotes(doc, article: Article, actors, spans: list[tuple[int, int]]) -> list[Quote]:
    """Direct quotations with their speaker: the subject of the reporting verb of the quote's sentence."""
    out = []
    for s, e in spans:
        span = doc.char_span(s, e, alignment_mode="expand")
        speaker = None
        speaker_text = None
        if span is not None:
            sent = span.sent
            best = None
            for t in sent:
                if t.lemma_.lower() in ("say", "tell", "add", "state", "declare", "note", "insist", "stress",
                                        "write", "ask", "warn", "explain", "restate") and t.pos_ == "VERB":
                    subj = next((c for c in t.children if c.dep_ == "nsubj"), None)
                    if subj is not None:
                        dist = min(abs(t.idx - s), abs(t.idx - e))
                        if best is None or dist < best[0]:
                            best = (dist, subj)
            if best is not None:
                ents = actors.entities(best[1])
                speaker = ents[0] if ents else None
                speaker_text = best[1].text
                if speaker is not None and speaker.name:
                    speaker_text = speaker.name
        out.append(Quote(text=article.text[s:e], start=s, end=e, speaker=speaker, speaker_text=speaker_text))
    return out


@functools.lru_cache(maxsize=1)
def default_coder() -> Coder:
    """The process-wide :class:`Coder` with default settings (loaded on first call)."""
    return Coder()


def code_article(article: Article, coder: Coder | None = None) -> CodedArticle:
    """Code ``article`` with ``coder`` (default: :func:`default_coder`)."""
    return (coder or default_coder()).code(article)
