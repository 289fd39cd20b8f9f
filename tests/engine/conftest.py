"""The engine tier: the real glossary's names, without Flask.

Overrides the root ``glossary`` fixture (which builds the Flask app) with the
glossary layer alone, so this tier exercises the engine on real data while
never loading the web layer.
"""

from __future__ import annotations

import pytest

from glossary_service.content import load_content
from glossary_service.glossary import Glossary


@pytest.fixture(scope="session")
def glossary(translations_dir) -> Glossary:
    return Glossary(load_content(), translations_dir)
