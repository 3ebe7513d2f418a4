"""Tier overlaps: two warning signs of different tiers that the same patient fits, neither excluding it.

Evidence brief §8 gives each sign one tier. If a reader fits a "soon" sign word for word while a "999"
sign fits them too, and nothing in either sign's criteria says which one wins, the guide sends that
reader two ways (clinical review 2026-12-03: M2, M5, M7, M13, M14). This module finds such pairs from
the criteria alone (scripts/model/criteria.py), fast enough to run on every build.

Definition. Signs A and B have different tiers. A *witness* is a patient built from ONE alternative
of A, and from nothing else:
  - for each list of the alternative, exactly one value: a listed value, or any value that implies a
    listed one (criteria.IMPLIES: "cramp" for "pain", "keeps-coming-back" for "went-away");
  - each single-valued namespace (side, onset, course, lasted) that the alternative leaves open is set
    to any value, or left unknown (A says nothing about it, so every value is a patient A fits);
  - no other facts; then everything the facts imply is added.
A and B OVERLAP when some witness from some alternative of A fits B (one of B's alternatives holds)
while neither A's nor B's `unless` excludes it. Both directions are tried (witnesses from A's
alternatives, then from B's). A patient who has A's facts plus unrelated extra facts is not a
witness: two separate problems at once are not two tiers for the same words.

Search. A witness has one slot per list of the alternative plus one per open single-valued namespace.
Values that no criterion involved (B's alternatives, A's and B's `unless`, and the signs those name)
can tell apart are interchangeable, so each slot keeps one value per distinct effect; the product of
the slots left is small (typically under a hundred), and every candidate is checked exactly.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass

from scripts.model.criteria import SINGLE, VOCABULARY, Alternative, Criteria, Matcher, closure
from scripts.model.signs import TIERS

_EXPANDED: dict[frozenset, tuple[str, ...]] = {}


@dataclass(frozen=True)
class Overlap:
    first: Criteria  # the sign whose alternative built the witness
    second: Criteria
    alternative: Alternative  # of `first`
    matched: Alternative  # of `second`
    witness: tuple[str, ...]  # the facts chosen (before what they imply)

    @property
    def higher(self) -> Criteria:
        return min((self.first, self.second), key=lambda s: _rank(s.tier))

    @property
    def lower(self) -> Criteria:
        return max((self.first, self.second), key=lambda s: _rank(s.tier))


def _rank(tier: str) -> int:
    return TIERS.index(tier)


def find(signs: list[Criteria]) -> list[Overlap]:
    """One overlap per pair of signs of different tiers that overlap (the first witness found)."""
    mentioned = _Mentions(signs)
    found = []
    for first, second in itertools.combinations(signs, 2):
        if first.tier == second.tier:
            continue
        overlap = _overlap(first, second, signs, mentioned) or _overlap(second, first, signs, mentioned)
        if overlap:
            found.append(overlap)
    return found


def _overlap(a: Criteria, b: Criteria, signs: list[Criteria], mentioned: _Mentions) -> Overlap | None:
    relevant = mentioned.of(b, full=True) | mentioned.of(a, full=False)
    for alternative in a.any:
        slots = _slots(alternative, relevant)
        for choice in itertools.product(*slots):
            chosen = tuple(f for f in choice if f)
            matcher = Matcher(signs, closure(chosen))
            if matcher.excluded_by(a):
                continue
            matched = matcher.alternative(b)
            if matched is not None:
                return Overlap(a, b, alternative, matched, chosen)
    return None


def _slots(alternative: Alternative, relevant: frozenset[str]) -> list[list[str | None]]:
    """Per list of the alternative, and per open single-valued namespace: the values worth trying."""
    slots = []
    for group in alternative.groups:
        slots.append(_distinct(_expand(group.namespace, group.facts), relevant))
    open_single = [ns for ns in SINGLE if all(g.namespace != ns for g in alternative.groups)]
    for namespace in open_single:
        slots.append([None, *_distinct([f"{namespace}:{v}" for v in VOCABULARY[namespace]], relevant, drop_inert=True)])
    return slots


def _expand(namespace: str, listed: frozenset[str]) -> tuple[str, ...]:
    """The listed values first, then every other value of the namespace that implies one of them."""
    key = listed
    if key not in _EXPANDED:
        ordered = sorted(listed)
        others = [f"{namespace}:{v}" for v in VOCABULARY[namespace] if f"{namespace}:{v}" not in listed
                  and closure([f"{namespace}:{v}"]) & listed]
        _EXPANDED[key] = tuple(ordered + others)
    return _EXPANDED[key]


def _distinct(candidates, relevant: frozenset[str], drop_inert: bool = False) -> list[str]:
    """One candidate per distinct effect on the relevant facts (the first, so listed words are preferred)."""
    kept, effects = [], set()
    for fact in candidates:
        effect = closure([fact]) & relevant
        if drop_inert and not effect:
            continue  # the same as leaving the namespace unknown
        if effect not in effects:
            effects.add(effect)
            kept.append(fact)
    return kept


class _Mentions:
    """The facts a sign's criteria look at (with the signs its `unless` names), computed once per sign."""

    def __init__(self, signs: list[Criteria]) -> None:
        self.by_id = {s.id: s for s in signs}
        self._cache: dict[tuple[str, bool], frozenset[str]] = {}

    def of(self, sign: Criteria, full: bool) -> frozenset[str]:
        key = (sign.id, full)
        if key not in self._cache:
            facts: set[str] = set()
            for alternative in (*(sign.any if full else ()), *sign.unless):
                for group in alternative.groups:
                    facts |= group.facts
                for other in alternative.signs:
                    if other in self.by_id:
                        facts |= self.of(self.by_id[other], full=True)
            self._cache[key] = frozenset(facts)
        return self._cache[key]
