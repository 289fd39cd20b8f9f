"""A cold start that serves one term by its id (the Lambda's commonest first
request) builds no index and loads no matching module: those come on the
first lookup, search or annotate. Checked in a fresh interpreter."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

CHILD = """
import sys
from glossary_service import create_app
client = create_app({"TESTING": True}).test_client()
assert client.get("/api/v1/terms/metastasis?lang=es").status_code == 200
assert client.get("/terms/metastasis?lang=es").status_code == 200
loaded = [m for m in ("glossary_service.engine.index", "glossary_service.engine.fuzzy",
          "glossary_service.engine.export") if m in sys.modules]
print(",".join(loaded))
"""


def test_a_term_by_id_loads_no_index_module():
    out = subprocess.run(
        [sys.executable, "-c", CHILD], cwd=ROOT, capture_output=True, text=True, check=True
    ).stdout.strip()
    assert out == "", f"loaded on the cold path: {out}"
