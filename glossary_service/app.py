"""``create_app``: settings, content, catalogs and the web layer, wired once."""

from __future__ import annotations

import logging
from collections.abc import Mapping
from pathlib import Path

from flask import Flask
from flask_babel import Babel

from . import settings
from .content import load_content
from .glossary import Glossary

babel = Babel()


def create_app(config: Mapping | None = None) -> Flask:
    """Build the service. ``config`` overrides the environment (tests use it).

    Content and catalogs are loaded and checked here: a broken content file
    stops start-up with a message naming the file and term.
    """
    from .web import negotiation, register

    # The package's name, so templates/ and static/ beside the package are found.
    app = Flask(__package__)
    # "/api/v1//terms/x" is no address of ours: a 404 problem, not a redirect
    # whose Location Werkzeug would build from the request's Host header.
    app.url_map.merge_slashes = False
    app.config.update(settings.from_environ())
    if config:
        app.config.update(config)
    logging.getLogger(__package__).setLevel(app.config["GLOSSARY_LOG_LEVEL"])

    translations_dir = Path(app.config["GLOSSARY_TRANSLATIONS_DIR"])
    content = load_content(Path(app.config["GLOSSARY_CONTENT_DIR"]))
    glossary = Glossary(content, translations_dir)
    if app.config["GLOSSARY_PRELOAD_LOCALES"]:
        glossary.load_all()

    app.config["BABEL_TRANSLATION_DIRECTORIES"] = str(translations_dir)
    babel.init_app(app, locale_selector=negotiation.locale_selector)
    register(app, glossary)
    from .cli import cli

    app.cli.add_command(cli)
    return app
