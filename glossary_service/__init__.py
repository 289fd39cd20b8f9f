"""Plain-language multilingual glossary of cancer terms, as a Flask service.

``create_app`` is imported lazily (PEP 562), so importing the engine or the
content loader (the pybabel extractor, the tools) never loads Flask.
"""

from __future__ import annotations

from ._version import __version__

__all__ = ["__version__", "create_app"]


def __getattr__(name: str):
    if name == "create_app":
        from .app import create_app

        return create_app
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
