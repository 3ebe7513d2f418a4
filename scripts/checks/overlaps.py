"""Warning-sign criteria: valid words (scripts/model/criteria.py) and no tier overlaps (scripts/model/overlap.py).

Every sign in docs/_data/warning-signs.yml says in `criteria:` what must be true of the patient. This
check reports criteria that use unknown words, and stops the build when two signs of different tiers
fit the same patient without one excluding the other, naming both signs and that patient.
"""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path

from scripts import siteconfig
from scripts.model import criteria, overlap, signs
from scripts.model.signs import DATA_FILE
from scripts.problems import Problem, display_path

# The overlap search takes a second or so, the same every build; its answer depends only on the signs
# file and the code of the search, so it is kept (in the folder Zensical keeps its cache in, which git
# ignores and `make clean` removes) and worked out again when either changes.
CACHE = Path(".cache") / "checks" / "overlaps.json"


def check(config: dict) -> list[Problem]:
    path = siteconfig.docs_dir(config) / DATA_FILE
    if not path.is_file():
        return []  # the signs check says when pages need the file
    return check_file(path, Path(config["config_dir"]) / CACHE if config.get("config_dir") else None)


def check_file(path: Path, cache: Path | None = None) -> list[Problem]:
    found = signs.read_cached(path)
    if found.problems:
        return []  # the content model reports them, and overlaps mean something only once every sign reads
    shown = display_path(path)
    key = _key(path)
    kept = _read(cache, key)
    if kept is not None:
        return [Problem(shown, *each) for each in kept]
    problems = [overlap_problem(shown, each) for each in overlap.find(found.criteria)]
    _write(cache, key, [[p.line, p.message, p.fix, p.severity] for p in problems])
    return problems


def _key(path: Path) -> str:
    digest = hashlib.sha256(path.read_bytes())
    for module in (criteria, overlap, signs):  # the vocabulary, the search and the tiers
        digest.update(Path(module.__file__).read_bytes())
    return digest.hexdigest()


def _read(cache: Path | None, key: str) -> list | None:
    try:
        data = json.loads(cache.read_text(encoding="utf-8")) if cache else None
    except (OSError, ValueError):
        return None
    return data["problems"] if isinstance(data, dict) and data.get("key") == key and isinstance(data.get("problems"), list) else None


def _write(cache: Path | None, key: str, problems: list) -> None:
    if cache is None:
        return
    try:
        cache.parent.mkdir(parents=True, exist_ok=True)
        temporary = cache.with_name(f"{cache.name}.{os.getpid()}")
        temporary.write_text(json.dumps({"key": key, "problems": problems}), encoding="utf-8")
        temporary.replace(cache)
    except OSError:
        pass  # a folder we may not write to: the next build works it out again


def overlap_problem(shown: str, found: overlap.Overlap) -> Problem:
    higher, lower = found.higher, found.lower
    patient = ", ".join(found.witness) or "no facts at all"
    built = f"(from line {found.alternative.line} of '{found.first.id}'; it fits line {found.matched.line} of '{found.second.id}')"
    return Problem(shown, lower.line,
                   f"signs '{higher.id}' ({higher.tier}) and '{lower.id}' ({lower.tier}) both fit a patient with {patient} {built}",
                   f"add to '{lower.id}' an `unless:` naming the facts that tell them apart, or '- sign: [{higher.id}]' if "
                   f"'{higher.id}' should take this patient; or narrow one of the two signs (and its words) so the patient "
                   "fits only one")
