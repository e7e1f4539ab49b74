"""Stage 6, fuse: the only stage that looks across articles.

Public entry: :class:`EntityRegistry` (canonical entities across articles).
Stories, event fusion and quote groups come next.
"""
from .entities import EntityRegistry

__all__ = ["EntityRegistry"]
