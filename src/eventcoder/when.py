"""Event dates: when did the event in a clause happen, resolved against the story's publication date.

Three public entry points, used by :mod:`eventcoder.coder`:

* :func:`parse_date_expression` resolves one temporal expression (the text of a spaCy ``DATE`` entity such
  as "Tuesday", "last February", "late March", "three months ago") to an :class:`EventDate`;
* :func:`event_date` finds the expression that belongs to an event's own clause and resolves it;
* :func:`story_date` is the fallback when the clause gives no date (``source="story"``).

Resolution rules (docs/dates-places.md has the full table and the measured accuracy):

* Relative expressions are resolved against the publication date: weekdays, "yesterday", "last/this/next
  <weekday|week|month|year|month name>", "early/mid/late <month|year>", "N days/weeks/months/years ago",
  "earlier this week/month/year". Calendar expressions with a month name or a year ("Feb. 3", "March 2014",
  "in 2014") are parsed by dateparser; a missing year is inferred from the publication date.
* Precision: a weekday, "yesterday" or a day of the month gives ``day``; a month name, "last month",
  "N months ago" and week-level expressions give ``month`` (a week is not a precision of the output contract,
  DESIGN.md §4, so it is reported as the month holding its reference day); a year gives ``year``.
* An event is never dated after the publication date unless the text says it is to come: the clause is
  future (``future=True``), the expression itself points forward ("next week", "tomorrow", "later this
  month") or it names an explicit calendar year later than the story.
* Durations are not dates: "for the first time in three months", "three years", "the past week", "decades"
  give None. So do decades ("the 1990s"), vague spans ("recent days") and seasons without a year.
* With no publication date only absolute expressions (ones that name a year) resolve.
"""

from __future__ import annotations

import calendar
import logging
import re
from dataclasses import dataclass
from datetime import date, timedelta
from typing import TYPE_CHECKING

from .nlp import sentence_ents

if TYPE_CHECKING:  # spaCy types only for annotations; spaCy is loaded by eventcoder.nlp
    from spacy.tokens import Span, Token

log = logging.getLogger(__name__)

PRECISIONS = ("day", "month", "year")
_RANK = {"year": 0, "month": 1, "day": 2}


@dataclass(frozen=True)
class EventDate:
    """The date of an event (DESIGN.md §4 ``date``/``date_precision``; ``Event.date_source``).

    Attributes:
        value: ``"YYYY-MM-DD"``, ``"YYYY-MM"`` or ``"YYYY"`` matching ``precision``.
        precision: ``"day"``, ``"month"`` or ``"year"``.
        source: ``"clause"`` (the event's own clause dates it) or ``"story"`` (publication date fallback).
        text: the words it came from (the DATE entity text), None for the story fallback.
    """

    value: str
    precision: str
    source: str
    text: str | None = None


# --------------------------------------------------------------------------------------------------
# Lexicon of temporal words (English calendar and number words; no external source needed)

_MONTHS = {name.lower(): i for i, name in enumerate(calendar.month_name) if name}
_MONTHS.update({name.lower(): i for i, name in enumerate(calendar.month_abbr) if name})
_MONTHS["sept"] = 9
_WEEKDAYS = {name.lower(): i for i, name in enumerate(calendar.day_name)}  # Monday == 0
_WEEKDAYS.update({name.lower(): i for i, name in enumerate(calendar.day_abbr)})
_WEEKDAYS.update({"tues": 1, "wed": 2, "thur": 3, "thurs": 3})
_NUMBERS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20,
    "thirty": 30, "forty": 40, "fifty": 50, "a couple of": 2, "couple of": 2,
}
_UNITS = {"day": "day", "days": "day", "week": "week", "weeks": "week", "month": "month",
          "months": "month", "year": "year", "years": "year"}
_MONTH_RE = "|".join(sorted(_MONTHS, key=len, reverse=True))
_WEEKDAY_RE = "|".join(sorted(_WEEKDAYS, key=len, reverse=True))
_NUM_RE = "|".join(sorted((re.escape(k) for k in _NUMBERS), key=len, reverse=True)) + r"|\d{1,3}"
_PART_OF_DAY = r"(?:\s+(?:morning|afternoon|evening|night|overnight))?"
_EDGE = r"(?P<edge>early|mid|middle|late|the end of|the start of|the beginning of|the middle of|end of|start of)"

#: Leading words that only introduce the expression ("on Tuesday", "since 2014", "by Friday").
_LEAD = re.compile(r"^(?:(?:on|in|at|during|since|by|until|till|from|as of|as early as|as recently as|"
                   r"sometime|some time|earlier|later|over|the|of)\s+)+")
#: Words that make an expression forward-looking on its own.
_FORWARD = re.compile(r"\b(?:next|tomorrow|coming|upcoming|later this|later next)\b")
#: Durations and spans that are not a point in time.
_DURATION = re.compile(
    r"\b(?:for|past|last|previous|recent|coming|next|first|within|over|throughout)\s+(?:the\s+)?"
    r"(?:(?:" + _NUM_RE + r"|few|several|many)\s+)(?:days?|weeks?|months?|years?|decades?|hours?)\b"
    r"|\b(?:the first time in|the first .* in)\b|\bdecades?\b|\bcentur(?:y|ies)\b|\b\d{2,4}s\b"
    r"|\brecent (?:days|weeks|months|years)\b|\b(?:days|weeks|months|years)\b(?! ago)$"
)


def _fmt(d: date, precision: str) -> str:
    if precision == "day":
        return d.isoformat()
    if precision == "month":
        return f"{d.year:04d}-{d.month:02d}"
    return f"{d.year:04d}"


def _add_months(d: date, n: int) -> date:
    y, m = divmod(d.month - 1 + n, 12)
    year, month = d.year + y, m + 1
    return date(year, month, min(d.day, calendar.monthrange(year, month)[1]))


def _normalise(expr: str) -> str:
    s = expr.strip().lower()
    s = s.replace("\u2019", "'").replace("\u2013", "-").replace("\u2014", "-")
    s = re.sub(r"\bmid-?\s*", "mid ", s)
    s = re.sub(r"[,;:!?]+$", "", s).strip()
    s = re.sub(r"\s+", " ", s)
    return s


def _number(word: str) -> int | None:
    word = word.strip()
    if word.isdigit():
        return int(word)
    return _NUMBERS.get(word)


def _later(a: tuple[date, str], published: date) -> bool:
    """True when the period (start date, precision) begins after the publication date."""
    d, precision = a
    if precision == "day":
        return d > published
    if precision == "month":
        return (d.year, d.month) > (published.year, published.month)
    return d.year > published.year


# --------------------------------------------------------------------------------------------------
# Expression resolution


def _relative(s: str, pub: date, future: bool) -> tuple[date, str] | None:
    """Resolve relative expressions against ``pub``. Returns (reference day, precision) or None."""
    # today / yesterday / tomorrow and parts of those days
    if re.fullmatch(r"(?:today|tonight|this (?:morning|afternoon|evening)|earlier today|later today|"
                    r"today's|this day)", s):
        return pub, "day"
    if re.fullmatch(r"(?:yesterday(?: (?:morning|afternoon|evening))?|last night|the previous day|"
                    r"the day before)", s):
        return pub - timedelta(days=1), "day"
    if s == "the day before yesterday":
        return pub - timedelta(days=2), "day"
    if re.fullmatch(r"tomorrow(?: (?:morning|afternoon|evening|night))?", s):
        return pub + timedelta(days=1), "day"
    if s == "the day after tomorrow":
        return pub + timedelta(days=2), "day"

    # weekday: "Tuesday", "last Tuesday", "next Friday", "this Sunday", "Tuesday night"
    m = re.fullmatch(r"(?:(?P<rel>last|this|next|this past|this coming|coming|past) )?(?P<wd>"
                     + _WEEKDAY_RE + r")\.?" + _PART_OF_DAY, s)
    if m:
        wd = _WEEKDAYS[m["wd"]]
        rel = m["rel"]
        back = (pub.weekday() - wd) % 7  # days since the most recent such weekday (0 = publication day)
        ahead = (wd - pub.weekday()) % 7
        if rel in ("last", "this past", "past"):
            return pub - timedelta(days=back or 7), "day"
        if rel in ("next", "this coming", "coming"):
            return pub + timedelta(days=ahead or 7), "day"
        if future:
            return pub + timedelta(days=ahead), "day"
        return pub - timedelta(days=back), "day"

    # week / weekend
    m = re.fullmatch(r"(?:(?P<rel>last|this|next|earlier this|later this|the|this past|this coming|past|"
                     r"the previous|the following) )?(?P<unit>week|weekend)", s)
    if m and m["unit"] == "week" and m["rel"] is None:
        m = None
    if m:
        rel, unit = m["rel"], m["unit"]
        if unit == "weekend":
            sat = pub - timedelta(days=(pub.weekday() - 5) % 7)  # most recent Saturday (or today)
            if rel in ("next", "this coming", "the following") or (rel in ("this", "the") and future):
                sat = pub + timedelta(days=(5 - pub.weekday()) % 7 or 7)
            elif rel in ("last", "this past", "past", "the previous") and pub.weekday() in (5, 6):
                sat = sat - timedelta(days=7)
            return sat, "month"
        if rel in ("last", "past", "the previous", "this past"):
            return pub - timedelta(days=7), "month"
        if rel in ("next", "the following", "this coming"):
            return pub + timedelta(days=7), "month"
        return pub, "month"

    # month-level: last/this/next month, earlier this month, early this month
    m = re.fullmatch(r"(?:(?:the )?(?:early|mid|middle|late|end|start|beginning) (?:of )?)?"
                     r"(?P<rel>last|this|next|earlier this|later this|the previous|the following|"
                     r"the past|past) month", s)
    if m:
        rel = m["rel"]
        if rel in ("last", "the previous", "the past", "past"):
            return _add_months(pub.replace(day=1), -1), "month"
        if rel in ("next", "the following"):
            return _add_months(pub.replace(day=1), 1), "month"
        return pub.replace(day=1), "month"

    # year-level: last/this/next year, earlier this year, late last year
    m = re.fullmatch(r"(?:(?:the )?(?:early|mid|middle|late|end|start|beginning) (?:of )?)?"
                     r"(?P<rel>last|this|next|earlier this|later this|the previous|the following|"
                     r"the past|past) year", s)
    if m:
        rel = m["rel"]
        if rel in ("last", "the previous", "the past", "past"):
            return date(pub.year - 1, 1, 1), "year"
        if rel in ("next", "the following"):
            return date(pub.year + 1, 1, 1), "year"
        return date(pub.year, 1, 1), "year"

    # N units ago / N units from now / in N units (future only)
    m = re.fullmatch(r"(?:about |some |nearly |almost |more than |over |roughly |just |only )?"
                     r"(?P<n>" + _NUM_RE + r") (?P<unit>days?|weeks?|months?|years?) "
                     r"(?P<dir>ago|earlier|before|from now|later|hence)", s)
    if not m and future:
        m = re.fullmatch(r"in (?P<n>" + _NUM_RE + r") (?P<unit>days?|weeks?|months?|years?)(?P<dir>)", s)
    if m:
        n = _number(m["n"])
        if n is None:
            return None
        unit = _UNITS[m["unit"]]
        sign = -1 if m["dir"] in ("ago", "earlier", "before") else 1
        if unit == "day":
            return pub + timedelta(days=sign * n), "day"
        if unit == "week":
            return pub + timedelta(days=sign * 7 * n), "month"
        if unit == "month":
            return _add_months(pub.replace(day=1), sign * n), "month"
        return date(pub.year + sign * n, 1, 1), "year"

    # month name without a year: "February", "last February", "late March", "mid-March", "next May"
    m = re.fullmatch(r"(?:" + _EDGE + r" )?(?:(?P<rel>last|this|next|this past|this coming|past|coming) )?"
                     r"(?:" + _EDGE.replace("edge", "edge2") + r" )?(?P<mon>" + _MONTH_RE + r")\.?", s)
    if m:
        mon = _MONTHS[m["mon"]]
        rel = m["rel"]
        this_year = date(pub.year, mon, 1)
        if rel in ("last", "this past", "past"):
            year = pub.year if mon < pub.month else pub.year - 1
        elif rel in ("next", "this coming", "coming"):
            year = pub.year if mon > pub.month else pub.year + 1
        elif future:
            year = pub.year if mon >= pub.month else pub.year + 1
        else:
            year = pub.year if this_year <= pub else pub.year - 1
        return date(year, mon, 1), "month"
    return None


def _absolute(s: str, pub: date | None, future: bool) -> tuple[date, str, bool] | None:
    """Calendar expressions naming a month or a year. Returns (day, precision, names_year) or None."""
    # a bare or qualified year: "2014", "in 2014", "early 2014", "the end of 2014", "fiscal 2014"
    m = re.fullmatch(r"(?:(?:" + _EDGE + r"|the spring of|the summer of|the autumn of|the fall of|"
                     r"the winter of|spring|summer|autumn|fall|winter|fiscal|calendar year) )?"
                     r"(?P<y>1[89]\d\d|20\d\d)", s)
    if m:
        return date(int(m["y"]), 1, 1), "year", True
    # month + year without a day: "March 2014", "late March 2014", "March of 2014"
    m = re.fullmatch(r"(?:" + _EDGE + r" )?(?P<mon>" + _MONTH_RE + r")\.?,? (?:of )?(?P<y>1[89]\d\d|20\d\d)", s)
    if m:
        return date(int(m["y"]), _MONTHS[m["mon"]], 1), "month", True
    # a day of a month, optionally with weekday and year: "Feb. 3", "3 February 2013", "Tuesday, May 19"
    if not re.search(r"\b(?:" + _MONTH_RE + r")\b", s) and not re.search(r"\d{1,4}[/-]\d{1,2}[/-]\d{1,4}", s):
        return None
    if not re.search(r"\d", s):
        return None
    import dateparser  # imported here: it is slow to import and only this branch needs it

    has_year = bool(re.search(r"\b(?:1[89]\d\d|20\d\d)\b", s)) or bool(re.search(r"\d[/-]\d{1,2}[/-]\d", s))
    if pub is None and not has_year:
        return None
    base = pub or date(2000, 1, 1)
    from datetime import datetime

    settings = {"RELATIVE_BASE": datetime(base.year, base.month, base.day), "RETURN_TIME_AS_PERIOD": True,
                "PREFER_DAY_OF_MONTH": "first", "PREFER_DATES_FROM": "future" if future else "past",
                "DATE_ORDER": "MDY"}
    text = re.sub(r"\b(" + _WEEKDAY_RE + r")\.?,?\s+", "", s)  # "Tuesday, May 19" -> "May 19"
    text = re.sub(r"(\d)(?:st|nd|rd|th)\b", r"\1", text)
    try:
        data = dateparser.date.DateDataParser(languages=["en"], settings=settings).get_date_data(text)
    except (ValueError, TypeError, OverflowError, KeyError, AttributeError, re.error) as err:
        # dateparser raises assorted errors on odd strings; treat them as unparsed
        log.debug("dateparser failed on %r: %s", s, err)
        return None
    if data is None or data.date_obj is None or data.period not in ("day", "month", "year"):
        return None
    d = data.date_obj.date()
    precision = data.period
    if precision == "month":
        d = d.replace(day=1)
    if not has_year and pub is not None:
        # infer the year: the latest such day not after publication (past) or the next one (future);
        # Feb. 29 takes the nearest leap year in that direction
        step = 1 if future else -1
        for year in range(pub.year, pub.year + 9 * step, step):
            try:
                cand = d.replace(year=year)
            except ValueError:
                continue
            if (cand >= pub) if future else (cand <= pub):
                d = cand
                break
        else:
            return None
    return d, precision, has_year


def parse_date_expression(expr: str, published: date | None, future: bool = False) -> EventDate | None:
    """Resolve one temporal expression to an :class:`EventDate` with ``source="clause"``.

    Args:
        expr: the expression, typically a spaCy DATE entity text ("Tuesday", "last February", "late March",
            "three months ago", "next week", "in 2014", "May 19", "yesterday", "earlier this month", "Feb. 3").
        published: the story's publication date; relative expressions resolve against it. With None only
            expressions that name a year resolve.
        future: the clause is about something to come, so "Friday" may fall after publication.

    Returns:
        The date, or None for durations ("the first time in three months"), decades, vague spans and
        anything unparsed. Precision: weekday/day-of-month/"yesterday" → day; month names, week- and
        month-level expressions → month; years → year. Never later than ``published`` unless ``future``,
        a forward word in the expression ("next", "tomorrow", "later this") or an explicit later year.
    """
    if not expr or not expr.strip():
        return None
    s = _normalise(expr)
    if re.search(r"\b(?:before|after|between|each|every|per|since the|until the)\b", s) and not re.search(
            r"the day (?:before|after)", s):
        return None
    if _DURATION.search(s):
        return None
    forward = bool(_FORWARD.search(s))
    s = _LEAD.sub("", s).strip()
    if not s:
        return None
    fut = future or forward
    resolved: tuple[date, str] | None = None
    names_year = False
    if published is not None:
        resolved = _relative(s, published, fut)
    if resolved is None:
        absolute = _absolute(s, published, fut)
        if absolute is not None:
            resolved, names_year = (absolute[0], absolute[1]), absolute[2]
    if resolved is None:
        return None
    d, precision = resolved
    if published is not None and not (fut or names_year) and _later(resolved, published):
        log.debug("date %r resolves after publication %s and the clause is not future", expr, published)
        return None
    return EventDate(value=_fmt(d, precision), precision=precision, source="clause", text=expr.strip())


def story_date(published: date | None) -> EventDate | None:
    """The fallback date: the publication day (``source="story"``, precision day), or None when unknown."""
    if published is None:
        return None
    return EventDate(value=published.isoformat(), precision="day", source="story", text=None)


# --------------------------------------------------------------------------------------------------
# Which DATE entity belongs to an event's clause

#: Verbs and adjectives that make their ``to``-infinitive complement an event still to come.
_PLAN_LEMMAS = frozenset({
    "plan", "intend", "expect", "schedule", "set", "due", "aim", "hope", "want", "prepare", "agree",
    "promise", "vow", "pledge", "threaten", "decide", "seek", "propose", "offer", "go", "likely", "poise",
    "slate", "wish", "arrange", "announce", "prepared", "ready", "willing", "about",
    # decisions and requests about a later act ("voted to hold elections", "urged Russia to withdraw")
    "vote", "order", "urge", "ask", "call", "invite", "authorize", "authorise", "instruct", "tell",
})
#: Modifiers of an event noun that make it future ("planned talks", "the upcoming summit").
_FUTURE_MODIFIERS = frozenset({"planned", "upcoming", "proposed", "scheduled", "next", "future",
                               "forthcoming", "expected", "coming", "prospective"})
_FUTURE_AUX = frozenset({"will", "shall", "'ll", "wo", "would", "'d"})
_CLAUSE_DEPS = frozenset({"relcl", "acl", "advcl", "ccomp", "xcomp", "csubj", "csubjpass", "pcomp", "parataxis"})
_DAY_WORDS = re.compile(r"\b(?:" + _WEEKDAY_RE + r"|yesterday|today|tonight|tomorrow|last night|"
                        r"this (?:morning|afternoon|evening))\b", re.IGNORECASE)


def _is_clause_head(tok: Token) -> bool:
    return tok.pos_ in ("VERB", "AUX") or tok.dep_ in _CLAUSE_DEPS or tok.dep_ == "ROOT"


#: Prepositions that relate another event in time ("the first meeting since talks in Munich last February"):
#: a date inside their phrase dates that other event, not the trigger above it.
_RELATING_PREPS = frozenset({"since", "after", "before", "until", "till", "following", "prior", "ahead"})


def _governor(tok: Token, stop: Token) -> Token | None:
    """The nearest clause head (or ``stop`` itself) above ``tok``; None when the path runs through a
    preposition that relates another event ("since talks ... last February" seen from "meeting")."""
    cur = tok
    while cur.head is not cur:
        cur = cur.head
        if cur is stop or cur.i == stop.i or _is_clause_head(cur):
            return cur
        if cur.lower_ in _RELATING_PREPS and cur.dep_ in ("prep", "mark"):
            return None
    return cur


def _nominal_host(trigger: Token) -> Token | None:
    """The verb a nominal trigger depends on as subject or object ("held talks", "talks were held")."""
    if (trigger.pos_ in ("NOUN", "PROPN") and trigger.dep_ in ("dobj", "nsubj", "nsubjpass", "attr")
            and trigger.head.pos_ in ("VERB", "AUX")):
        return trigger.head
    return None


def is_future(trigger: Token) -> bool:
    """True when the trigger's clause speaks of an event still to come.

    Cues: a future or prospective auxiliary on the trigger ("will meet", "would meet"), a to-infinitive under
    a planning verb or adjective ("plans to visit", "is due to sign", "agreed to resume"), "be to" ("is to
    meet"), a prospective modifier on a nominal trigger ("planned talks", "the upcoming summit") or a future
    verb hosting it ("will hold talks"). Perfect auxiliaries cancel "would" ("would have met").
    """
    tok = trigger
    for _ in range(2):  # the trigger, then the verb hosting a nominal trigger
        kids = list(tok.children)
        aux = {c.lower_ for c in kids if c.dep_ in ("aux", "auxpass")}
        if aux & _FUTURE_AUX and "have" not in aux:
            return True
        if "going" in aux and any(c.lower_ == "to" for c in kids):
            return True
        if tok.dep_ == "xcomp" or (tok.dep_ in ("advcl", "ccomp") and "to" in aux):
            head = tok.head
            if head.lemma_.lower() in _PLAN_LEMMAS or head.lower_ in _PLAN_LEMMAS:
                return True
            if head.lemma_ == "be" and "to" in aux:
                return True
            # "is due to meet": xcomp hangs off the adjective; "is set to meet": off the participle
            if any(c.lemma_.lower() in _PLAN_LEMMAS for c in head.children if c.dep_ in ("acomp", "oprd")):
                return True
        if tok.pos_ in ("NOUN", "PROPN"):
            if any(c.lower_ in _FUTURE_MODIFIERS for c in kids if c.dep_ in ("amod", "compound", "nmod")):
                return True
            host = _nominal_host(tok)
            if host is None:
                return False
            tok = host
            continue
        return False
    return False


def _date_entities(sent: Span) -> list[Span]:
    ents = []
    for ent in sentence_ents(sent):
        if ent.label_ == "DATE" or (ent.label_ == "TIME" and _DAY_WORDS.search(ent.text)):
            ents.append(ent)
    return ents


def _belongs(ent: Span, trigger: Token) -> int | None:
    """How ``ent`` attaches to the trigger's clause: 0 directly, 1 through a host/conjunct; None if not."""
    if trigger.i in range(ent.start, ent.end):
        return None
    gov = _governor(ent.root, trigger)
    if gov is None:
        return None
    if gov.i == trigger.i:
        return 0
    host = _nominal_host(trigger)
    if host is not None and gov.i == host.i:
        return 1
    # a verb conjoined to another shares that verb's date ("met Tuesday and signed a deal")
    if trigger.dep_ == "conj" and trigger.head.pos_ in ("VERB", "AUX") and gov.i == trigger.head.i:
        return 2
    return None


def event_date(sent: Span, trigger: Token, published: date | None) -> EventDate | None:
    """Date an event from its own clause.

    Args:
        sent: the sentence (a spaCy ``Span`` from a parsed doc with NER).
        trigger: the event's trigger verb or noun (a ``Token`` inside ``sent``).
        published: the story's publication date (None when unknown).

    Returns:
        The :class:`EventDate` (``source="clause"``) from the DATE entities (and TIME entities naming a day,
        e.g. "Tuesday night") that attach to the trigger — as its modifier, through a preposition, or to the
        nominal event ("talks in Munich last February") or the verb that hosts it ("held talks on Friday") —
        and not to another clause's verb; None when the clause gives no date (then use :func:`story_date`).
        Of several, the most precise wins, then the most directly attached, then the nearest.
    """
    future = is_future(trigger)
    best: tuple[tuple[int, int, int], EventDate] | None = None
    for ent in _date_entities(sent):
        how = _belongs(ent, trigger)
        if how is None:
            continue
        if how == 2 and any(_belongs(e, trigger) in (0, 1) for e in _date_entities(sent)):
            continue
        ed = parse_date_expression(ent.text, published, future=future)
        if ed is None:
            continue
        distance = min(abs(ent.start - trigger.i), abs(ent.end - 1 - trigger.i))
        key = (_RANK[ed.precision], -how, -distance)
        if best is None or key > best[0]:
            best = (key, ed)
    return best[1] if best else None


__all__ = ["PRECISIONS", "EventDate", "event_date", "is_future", "parse_date_expression", "story_date"]
