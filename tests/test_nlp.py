"""Tests for eventcoder.nlp: tok2vec windows and groups give exactly the vectors of one pass; the faster
attribute ruler and lemmatizer give spaCy's annotations."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from eventcoder import nlp as nlp_mod

EXAMPLE = Path(__file__).resolve().parents[2] / "shared" / "examples" / "nato-lavrov-2015-05-19.txt"


@pytest.fixture(scope="module")
def whole():
    return nlp_mod.load(nlp_mod.DEFAULT_MODEL)


def _fresh():
    """A new copy of the model (the shared one stays as loaded), set up as :func:`nlp_mod.load` does but
    with no tok2vec windows: each batch is embedded in one piece."""
    import spacy

    nlp = spacy.load(nlp_mod.DEFAULT_MODEL)
    nlp_mod.keep_prefixes_joined(nlp)
    nlp.add_pipe("paragraph_boundaries", before="parser")
    nlp_mod.fast_attribute_ruler(nlp.get_pipe("attribute_ruler"))
    nlp_mod.fast_lemmatizer(nlp.get_pipe("lemmatizer"))
    return nlp


@pytest.fixture(scope="module")
def one_piece():
    return _fresh()


@pytest.fixture(scope="module")
def windowed():
    """Embedding 50 tokens at a time."""
    nlp = _fresh()
    assert nlp_mod.bound_tok2vec_memory(nlp, window=50) == ["tok2vec", "ner"]
    assert nlp_mod.bound_tok2vec_memory(nlp, window=50) == ["tok2vec", "ner"]  # again: no second wrapper
    return nlp


def _annotations(doc) -> list[tuple]:
    return [(t.tag_, t.pos_, t.dep_, t.head.i, t.lemma_, t.ent_iob_, t.ent_type_, t.is_sent_start) for t in doc]


@pytest.mark.skipif(not EXAMPLE.exists(), reason="example article not in ../shared")
def test_tok2vec_windows_give_the_same_vectors_and_annotations(whole, one_piece, windowed):
    """Windows of 50 tokens (the example is cut in eight), groups of short documents up to 50 tokens, and
    the loaded pipeline's groups of 2,000 tokens all give the vectors and annotations of one piece."""
    text = EXAMPLE.read_text(encoding="utf-8")
    texts = [text, "Short one.", "", "Another short one, of a few more words.", text[:1500], "A third."]
    ref = list(one_piece.pipe(texts, batch_size=len(texts)))
    for model in (windowed, whole):
        assert getattr(model.get_pipe("tok2vec").model._func, "windowed", False)
        for a, b in zip(ref, model.pipe(texts, batch_size=len(texts)), strict=True):
            assert np.array_equal(a.tensor, b.tensor)
            assert _annotations(a) == _annotations(b)
    doc = windowed(text)
    assert len(doc) == 373 and len(doc.ents) == 52  # "anti-government" is one token (keep_prefixes_joined)


def test_tok2vec_windows_are_for_prediction_only(windowed):
    model = windowed.get_pipe("tok2vec").model
    doc = windowed.make_doc("word " * 60)
    vectors, backprop = model._func(model, [doc], False)  # 60 tokens: three windows
    assert vectors[0].shape == (60, 96)
    with pytest.raises(NotImplementedError):
        backprop([vectors[0]])


def test_fast_attribute_ruler_finds_spacys_matches(whole):
    """The loaded pipeline's attribute ruler matches through FastAttributeMatch, with spaCy's own result:
    one-token rules (tag map, word exceptions, NOT_IN tests), a rule with two alternatives ("gets"/"got")
    and the longer patterns left to a Matcher ("ain't", "gonna", "Let's")."""
    ruler = whole.get_pipe("attribute_ruler")
    assert isinstance(ruler.match, nlp_mod.FastAttributeMatch)
    text = ("Y'all gonna see: it ain't nothin'. There is a man who gets what he got, and I do not know whether "
            "they'd come.\n\nLet's go, said the minister, who has met them.")
    doc = whole(text, disable=["attribute_ruler", "lemmatizer", "ner"])
    fast = ruler.match(doc)
    assert fast == type(ruler).match(ruler, doc)
    assert len(fast) >= len(doc) - 2  # nearly every token gets its tag map rule
    done = whole(text)
    lemmas = {t.text: t.lemma_ for t in done}
    assert (lemmas["ai"], lemmas["gon"], lemmas["'s"], lemmas["gets"], lemmas["got"]) == ("be", "go", "us", "get", "get")
    assert [t.pos_ for t in done if t.lower_ == "not"] == ["PART"]
    assert nlp_mod.fast_attribute_ruler(ruler) is None and isinstance(ruler.match, nlp_mod.FastAttributeMatch)


def test_fast_lemmatizer_gives_the_rule_lemmas_in_rule_order(whole):
    """The loaded pipeline lemmatizes whole documents (FastEnglishLemmatizer) with the lemmas that spaCy
    3.8.7's rule lemmatizer gives one token at a time, whichever spaCy 3.8 release is installed: exceptions
    ("mice", "went", "worse"), suffix rules in their order ("hoped" -> "hope", "rated" -> "rate"; spaCy
    3.8.8+ gives "hop", "rat"), the attribute ruler's lemmas ("is")."""
    import spacy
    from spacy.lang.en.lemmatizer import EnglishLemmatizer

    lem = whole.get_pipe("lemmatizer")
    assert isinstance(lem, nlp_mod.FastEnglishLemmatizer)
    text = ("Rebels attacked two villages on Monday and hoped the troops would have withdrawn; the mice went, "
            "and officials rated it worse. He is running, and Rebels attacked again.")
    doc = whole(text)
    lemmas: dict[str, str] = {}
    for t in doc:
        lemmas.setdefault(t.text, t.lemma_)  # first occurrences
    assert [lemmas[w] for w in ("Rebels", "attacked", "villages", "Monday", "hoped", "troops", "withdrawn",
                                "mice", "went", "rated", "worse", "is", "running")] == [
        "rebel", "attack", "village", "Monday", "hope", "troop", "withdraw", "mouse", "go", "rate", "bad", "be", "run"]
    # the same as lemmatizing token by token (repeated words come from the memo)
    by_token = whole(text, disable=["lemmatizer"])
    for t in by_token:
        if t.lemma == 0:
            t.lemma_ = lem.rule_forms(t)[0]
    assert [t.lemma_ for t in by_token] == [t.lemma_ for t in doc]
    if tuple(int(x) for x in spacy.__version__.split(".")[:3]) >= (3, 8, 8):  # spaCy's own loop agrees
        own = whole(text, disable=["lemmatizer"])
        EnglishLemmatizer.__call__(lem, own)
        assert [t.lemma_ for t in own] == [t.lemma_ for t in doc]
    nlp_mod.fast_lemmatizer(lem)
    assert type(lem) is nlp_mod.FastEnglishLemmatizer


def _presets(doc) -> list[tuple[str, bool | None]]:
    return [(t.text, t.is_sent_start) for t in doc if not t.is_space]


def test_block_starts_are_sentence_starts_and_opening_words_are_not(whole):
    """The first word at each block start starts a sentence, also where a blanked dateline leaves it
    mid-line; the next words of a paragraph or block do not, unless a full stop or a dash ends what comes
    before them; a start that falls inside a word is no start. The parser keeps all of it."""
    text = "Border\n\n" + " " * len("SANTIAGO — ") + "Chile and Argentina will hold talks on the dispute, the ministry said."
    body = text.index("Chile")
    doc = nlp_mod.article_doc(whole, text, [0, 8, body])
    assert _presets(doc)[:7] == [("Border", True), ("Chile", True), ("and", False), ("Argentina", False),
                                 ("will", False), ("hold", False), ("talks", None)]
    parsed = whole(doc)
    assert [s.text.strip() for s in parsed.sents] == ["Border", text[body:]]
    # a block start mid-line (a dateline that the reader left in the body, blanked)
    text = " " * len("LIMA, Feb 3 (Reuters) - ") + "Peru and Ecuador signed an agreement on Sunday."
    doc = nlp_mod.article_doc(whole, text, [0, text.index("Peru")])
    assert _presets(doc)[:3] == [("Peru", False), ("and", False), ("Ecuador", False)]  # the spaces start it
    assert [s.text for s in whole(doc).sents] == [text]
    # a paragraph opening with "Yes." or "PARIS —" may start a sentence after them
    doc = nlp_mod.article_doc(whole, "Cuba\n\nYes. Haiti and Cuba met.\n\nPARIS — Mali and Chad met.")
    assert _presets(doc) == [("Cuba", True), ("Yes", True), (".", False), ("Haiti", None), ("and", None),
                             ("Cuba", None), ("met", None), (".", None), ("PARIS", True), ("—", False),
                             ("Mali", None), ("and", None), ("Chad", None), ("met", None), (".", None)]
    # a start inside a word is ignored; marking again changes nothing
    doc = nlp_mod.article_doc(whole, "Fiji and Tonga met in Suva on Monday.", [2])
    first = _presets(doc)
    assert first[:6] == [("Fiji", True), ("and", False), ("Tonga", False), ("met", False), ("in", False),
                         ("Suva", None)]
    nlp_mod.mark_sentence_starts(doc, [2])
    assert _presets(doc) == first


def test_opening_words_after_a_short_title_stay_in_their_sentence(whole):
    """en_core_web_sm cuts "Turkey" | "and" | "Greece signed ..." after a short title line; the paragraph
    component (plain ``nlp(text)``) and the block presets keep the sentence whole."""
    for text in ["Title: Accord\n\nTurkey and Greece signed an agreement on Monday.",
                 "Talks\n\nIndia and Nepal will hold talks on the river next week, officials said on Friday."]:
        expected = [p.strip() for p in text.split("\n\n")]
        assert [s.text.strip() for s in whole(text).sents] == expected
        assert [s.text.strip() for s in whole(nlp_mod.article_doc(whole, text, [0, text.index("\n\n") + 2])).sents] \
            == expected


def test_hyphenated_prefixes_stay_one_token_with_the_solid_words_lemma(whole):
    """"re-", "co-", "pre-", "non-", "anti-", "counter-", "de-" before a lower-case word stay joined (spaCy
    split every hyphen between letters); the lemma is the solid word's where that is the same word."""
    doc = whole("Both sides re-opened talks and pledged to co-operate on non-proliferation. Voters re-elected "
                "the mayor. Officials re-examined the anti-government leaflets. The army sought to pre-empt an "
                "attack. Both sides agreed to de-escalate. He re-signed the contract and re-launched the plan.")
    words = {t.text: (t.pos_, t.lemma_) for t in doc}
    assert words["re-opened"] == ("VERB", "reopen") and words["co-operate"] == ("VERB", "cooperate")
    assert words["re-elected"] == ("VERB", "reelect") and words["re-examined"] == ("VERB", "reexamine")
    assert words["pre-empt"] == ("VERB", "preempt") and words["de-escalate"] == ("VERB", "deescalate")
    assert words["non-proliferation"][1] in ("nonproliferation", "non-proliferation")  # noun or adjective
    assert words["anti-government"][1] == "anti-government"  # no such solid word
    assert words["re-signed"][1] == "re-sign" and words["re-launched"][1] == "re-launch"  # not "resign"
    assert "re" not in words and "-" not in words
    # other prefixes, a capital after the hyphen, and other dashes still split
    assert [t.text for t in whole.tokenizer("ex-minister anti-Kyiv well-known RE-RUN re--run (re-run)")] == [
        "ex", "-", "minister", "anti", "-", "Kyiv", "well", "-", "known", "RE", "-", "RUN", "re", "--", "run",
        "(", "re-run", ")"]
    assert nlp_mod.keep_prefixes_joined(whole)  # again: the same rule, not a second one
    assert [t.text for t in whole.tokenizer("re-examine")] == ["re-examine"]


def test_prefixed_lemma():
    index = {"reopen", "resign", "redeploy"}
    assert nlp_mod._prefixed_lemma("re", "open", index) == "reopen"
    assert nlp_mod._prefixed_lemma("re", "enter", set()) == "reenter"  # a vowel after the hyphen
    assert nlp_mod._prefixed_lemma("re", "deploy", index) == "redeploy"
    assert nlp_mod._prefixed_lemma("re", "sign", index) == "re-sign"  # another word written solid
    assert nlp_mod._prefixed_lemma("re", "launch", index) == "re-launch"  # not a known word
