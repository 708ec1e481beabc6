"""Actors: the knowledge base (:mod:`.kb`) and in-document resolution (:mod:`.resolve`)."""

from .kb import KnowledgeBase, default_kb
from .resolve import DocActors

__all__ = ["DocActors", "KnowledgeBase", "default_kb"]
