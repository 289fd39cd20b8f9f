"""Plain-language multilingual glossary of cancer terms, as a Flask service."""

from __future__ import annotations

import logging
from collections.abc import Mapping
from pathlib import Path

from flask import Flask
from flask_babel import Babel

from . import headers, negotiation, settings
from ._version import __version__
from .content import load_content
from .errors import register_error_handlers
from .glossary import Glossary

babel = Babel()


__all__ = ["__version__", "create_app"]


def create_app(config: Mapping | None = None) -> Flask:
    """Build the service. ``config`` overrides the environment (tests use it).

    Content and catalogs are loaded and checked here: a broken content file
    stops start-up with a message naming the file and term.
    """
    app = Flask(__name__)
    app.config.update(settings.from_environ())
    if config:
        app.config.update(config)
    logging.getLogger(__name__).setLevel(app.config["GLOSSARY_LOG_LEVEL"])

    translations_dir = Path(app.config["GLOSSARY_TRANSLATIONS_DIR"])
    content = load_content(Path(app.config["GLOSSARY_CONTENT_DIR"]))
    glossary = Glossary(content, translations_dir)
    if app.config["GLOSSARY_PRELOAD_LOCALES"]:
        glossary.load_all()
    app.extensions["glossary"] = glossary

    app.config["BABEL_TRANSLATION_DIRECTORIES"] = str(translations_dir)
    babel.init_app(app, locale_selector=negotiation.locale_selector)

    from .api import bp as api_bp
    from .health import bp as health_bp
    from .pages import bp as pages_bp
    from .widget import bp as widget_bp

    app.register_blueprint(api_bp)
    app.register_blueprint(health_bp)
    app.register_blueprint(pages_bp)
    app.register_blueprint(widget_bp)
    negotiation.init_app(app)
    headers.init_app(app)
    register_error_handlers(app)
    return app
