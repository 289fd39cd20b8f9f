"""Build steps that belong to the app, as Flask CLI commands:
``flask --app glossary_service glossary snapshot``."""

from __future__ import annotations

from pathlib import Path

import click
from flask import current_app
from flask.cli import AppGroup

from .content import write_snapshot
from .glossary import write_names_snapshot
from .web import get_state

cli = AppGroup("glossary", help="Glossary build steps.")


@cli.command("snapshot")
def snapshot_command() -> None:
    """Save the parsed content and every catalog's term names for fast cold starts."""
    state = get_state(current_app)
    content_file = write_snapshot(Path(current_app.config["GLOSSARY_CONTENT_DIR"]))
    names_file = write_names_snapshot(state.glossary.content, state.glossary.translations_dir)
    click.echo(content_file.name)
    click.echo(names_file.name)
