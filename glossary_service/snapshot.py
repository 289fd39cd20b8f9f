"""Build-time snapshots that make a cold start cheap, checked by hash at start-up.

A package build saves what start-up would otherwise compute (the parsed
content files, every term's name in every catalog) beside its sources, each
entry with the SHA-256 of the file it was made from. Start-up uses an entry
only while its file is byte for byte that one; anything else is parsed again.
Standard library only: the content loader uses it too.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path


def digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def read(path: Path) -> dict:
    """A snapshot file's entries; an absent or broken file is no snapshot."""
    try:
        snapshot = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return snapshot if isinstance(snapshot, dict) else {}


def write(path: Path, entries: dict) -> Path:
    path.write_text(json.dumps(entries, ensure_ascii=False, sort_keys=True), encoding="utf-8")
    return path


def current(entry: object, data: bytes) -> bool:
    """Whether a saved entry was made from exactly these bytes."""
    return isinstance(entry, dict) and entry.get("sha256") == digest(data)
