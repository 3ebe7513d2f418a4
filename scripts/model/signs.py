"""The warning-signs model: docs/_data/warning-signs.yml read once, as Sign objects.

The checks (scripts/checks/signs.py) report problems in the file with FILE:LINE; the transforms
(scripts/transforms/signs.py) render the signs; the triage engine (scripts/triage) reads their
criteria. All of them get the signs from here.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import yaml

DATA_FILE = "_data/warning-signs.yml"
TIERS = ("emergency", "today", "soon")
TOPICS = ("general", "face", "arm", "hand", "leg", "feet", "back", "neck", "chest", "circulation",
          "diabetes", "cramps", "treatment", "medicines")

_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml when present: faster


@dataclass(frozen=True)
class Sign:
    id: str
    tier: str
    text: str
    why: str
    topics: tuple[str, ...]
    sources: tuple[str, ...] = ()
    watch: tuple[str, ...] = ()
    criteria: dict = field(default_factory=dict, compare=False, hash=False)  # see scripts/model/criteria.py
    # What to do, when the tier's own words are not enough ("treat a hypo now, and call 999 if ...");
    # the tier (card, engine, step-by-step check) stays the same.
    action: str = ""


_cache: dict[Path, tuple[int, list[Sign]]] = {}


def load(docs_dir: Path) -> list[Sign]:
    """The signs of docs/_data/warning-signs.yml, read once per process (again only if the file changes)."""
    path = Path(docs_dir) / DATA_FILE
    stamp = path.stat().st_mtime_ns
    cached = _cache.get(path)
    if cached and cached[0] == stamp:
        return cached[1]
    with path.open(encoding="utf-8") as handle:
        entries = yaml.load(handle, Loader=_Loader) or []
    signs = [Sign(str(e["id"]), str(e["tier"]), str(e["text"]).strip(), str(e.get("why", "")).strip(),
                  tuple(e.get("topics") or ()), tuple(e.get("sources") or ()), tuple(e.get("watch") or ()),
                  dict(e.get("criteria") or {}), str(e.get("action") or "").strip())
             for e in entries]
    _cache[path] = (stamp, signs)
    return signs
