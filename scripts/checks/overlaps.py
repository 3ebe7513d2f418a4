"""Warning-sign criteria: valid words (scripts/model/criteria.py) and no tier overlaps (scripts/model/overlap.py).

Every sign in docs/_data/warning-signs.yml says in `criteria:` what must be true of the patient. This
check reports criteria that use unknown words, and stops the build when two signs of different tiers
fit the same patient without one excluding the other, naming both signs and that patient.
"""

from __future__ import annotations

from pathlib import Path

from scripts import siteconfig
from scripts.model import overlap, signs
from scripts.model.signs import DATA_FILE
from scripts.problems import Problem, display_path


def check(config: dict) -> list[Problem]:
    path = siteconfig.docs_dir(config) / DATA_FILE
    if not path.is_file():
        return []  # the signs check says when pages need the file
    return check_file(path)


def check_file(path: Path) -> list[Problem]:
    found = signs.read_cached(path)
    if found.problems:
        return []  # the content model reports them, and overlaps mean something only once every sign reads
    return [overlap_problem(display_path(path), each) for each in overlap.find(found.criteria)]


def overlap_problem(shown: str, found: overlap.Overlap) -> Problem:
    higher, lower = found.higher, found.lower
    patient = ", ".join(found.witness) or "no facts at all"
    built = f"(from line {found.alternative.line} of '{found.first.id}'; it fits line {found.matched.line} of '{found.second.id}')"
    return Problem(shown, lower.line,
                   f"signs '{higher.id}' ({higher.tier}) and '{lower.id}' ({lower.tier}) both fit a patient with {patient} {built}",
                   f"add to '{lower.id}' an `unless:` naming the facts that tell them apart, or '- sign: [{higher.id}]' if "
                   f"'{higher.id}' should take this patient; or narrow one of the two signs (and its words) so the patient "
                   "fits only one")
