"""Shared fixtures: the real spaCy-backed coder (loaded once per session) and paths to ../shared."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
EXAMPLE = SHARED / "examples" / "nato-lavrov-2015-05-19.txt"
EXAMPLE_GOLD = SHARED / "examples" / "nato-lavrov-2015-05-19.gold.json"


def shared_path(*parts: str) -> Path:
    """A path under ../shared, skipping the calling test cleanly when it is absent."""
    p = SHARED.joinpath(*parts)
    if not p.exists():
        pytest.skip(f"shared data not available: {p}")
    return p


@pytest.fixture(scope="session")
def coder():
    """One real Coder (spaCy model, knowledge base, lexicon, gazetteer) for the whole test session."""
    from eventcoder.coder import Coder

    return Coder()


@pytest.fixture(scope="session")
def code_text(coder):
    """Code a text as one body block with a publication date: ``code_text(text, "2015-05-19")``."""
    from datetime import date

    from eventcoder.article import Article, TextBlock

    def run(text: str, published: str | None = "2020-06-10", **kw):
        art = Article(id="t", text=text, blocks=[TextBlock("body", 0, len(text))],
                      published=date.fromisoformat(published) if published else None, **kw)
        return coder.code(art)

    return run
