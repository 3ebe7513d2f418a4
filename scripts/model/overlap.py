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

An `unless` that names a more urgent sign ("- sign: [tia]") excludes the patients that sign fits: it
records that the more urgent sign takes them, so the two no longer overlap.

Search (exact, and fast enough for every build). A witness has one slot per list of the alternative
plus one per open single-valued namespace. Whether a witness counts depends only on the facts that
the criteria involved mention: some can only help it count (B's alternatives, and the `unless` of a
sign that an `unless` names), others can only stop it (an `unless`, and the alternatives of a sign
an `unless` names). So a slot value that brings at least the helping facts and at most the stopping
facts of another makes it redundant, "unknown" beats a value that only stops, and every remaining
combination is checked exactly. When B's `unless` names A (or A's names B) no witness can count,
since the one that fits excludes the other; such pairs are not searched.
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
    return TIERS.index(tier)  # 0 = the most urgent


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
    if _names(a, b) or _names(b, a):
        return None  # a witness fits both only if neither is excluded, and then the one named excludes the other
    helps, hurts = mentioned.effects(b, a)
    for alternative in a.any:
        slots = _slots(alternative, helps, hurts)
        if not _possible(b, slots):
            continue
        for choice in itertools.product(*slots):
            chosen = tuple(f for f in choice if f)
            matcher = Matcher(signs, closure(chosen))
            if matcher.excluded_by(a):
                continue
            matched = matcher.alternative(b)
            if matched is not None:
                return Overlap(a, b, alternative, matched, chosen)
    return None


def _names(sign: Criteria, other: Criteria) -> bool:
    """Does an `unless` of `sign` consist of `other` fitting, and nothing more?"""
    return any(not alt.groups and other.id in alt.signs for alt in sign.unless)


def _slots(alternative: Alternative, helps: frozenset[str], hurts: frozenset[str]) -> list[list[str | None]]:
    """Per list of the alternative, and per open single-valued namespace: the values worth trying."""
    slots = [_best(_expand(group.namespace, group.facts), helps, hurts) for group in alternative.groups]
    for namespace in SINGLE:
        if all(group.namespace != namespace for group in alternative.groups):
            slots.append(_best([None, *(f"{namespace}:{v}" for v in VOCABULARY[namespace])], helps, hurts))
    return slots


def _possible(b: Criteria, slots: list[list[str | None]]) -> bool:
    """A quick test: could any choice of the slots meet every list of one of b's alternatives?"""
    reachable = set()
    for slot in slots:
        for fact in slot:
            if fact:
                reachable |= closure([fact])
    return any(all(group.facts & reachable for group in alt.groups) for alt in b.any)


def _expand(namespace: str, listed: frozenset[str]) -> tuple[str, ...]:
    """The listed values first, then every other value of the namespace that implies one of them."""
    if listed not in _EXPANDED:
        others = [f"{namespace}:{v}" for v in VOCABULARY[namespace] if f"{namespace}:{v}" not in listed
                  and closure([f"{namespace}:{v}"]) & listed]
        _EXPANDED[listed] = tuple(sorted(listed) + others)
    return _EXPANDED[listed]


_BEST: dict[tuple, list[str | None]] = {}


def _best(candidates, helps: frozenset[str], hurts: frozenset[str]) -> list[str | None]:
    """`_undominated`, once per set of candidates and facts (most pairs of signs ask the same)."""
    key = (tuple(candidates), helps, hurts)
    if key not in _BEST:
        _BEST[key] = _undominated(key[0], helps, hurts)
    return _BEST[key]


def _undominated(candidates, helps: frozenset[str], hurts: frozenset[str]) -> list[str | None]:
    """The candidates no other candidate beats: one that brings every fact that could help the witness
    and no fact that could hurt it more than another is at least as good (the test below is monotone in
    both), so only the undominated ones are tried; among equals, the first (listed words first)."""
    effects = []
    for fact in candidates:
        implied = closure([fact]) if fact else frozenset()
        effects.append((fact, implied & helps, implied & hurts))
    kept = []
    for i, (fact, good, bad) in enumerate(effects):
        beaten = any(g2 >= good and b2 <= bad and ((g2, b2) != (good, bad) or j < i)
                     for j, (_, g2, b2) in enumerate(effects) if j != i)
        if not beaten:
            kept.append(fact)
    return kept


class _Mentions:
    """The facts that decide whether a witness counts, split by the way they act, computed once per sign.

    `helps`: facts that can only make the witness count (b's alternatives; the `unless` of a sign that an
    `unless` names). `hurts`: facts that can only stop it (an `unless`; the alternatives of a sign that
    an `unless` names). A fact in both is kept exactly as it is.
    """

    def __init__(self, signs: list[Criteria]) -> None:
        self.by_id = {s.id: s for s in signs}
        self._cache: dict[tuple[str, bool, bool], tuple[frozenset[str], frozenset[str]]] = {}

    def effects(self, b: Criteria, a: Criteria) -> tuple[frozenset[str], frozenset[str]]:
        b_help, b_hurt = self._facts(b, True, True)
        a_help, a_hurt = self._facts(a, True, False)
        return b_help | a_help, b_hurt | a_hurt

    def _facts(self, sign: Criteria, positive: bool, with_any: bool) -> tuple[frozenset[str], frozenset[str]]:
        """(helps, hurts) of "the sign fits" (with_any) or "the sign is not excluded" (not with_any), where
        `positive` says whether that makes the witness count (True) or stops it (False)."""
        key = (sign.id, positive, with_any)
        if key not in self._cache:
            fits: set[str] = set()  # facts that make the sign fit
            spoils: set[str] = set()  # facts that exclude it
            helps: set[str] = set()
            hurts: set[str] = set()
            if with_any:
                for alternative in sign.any:
                    for group in alternative.groups:
                        fits |= group.facts
            for alternative in sign.unless:
                for group in alternative.groups:
                    spoils |= group.facts
                for name in alternative.signs:
                    if name in self.by_id:  # the named sign fitting excludes this one: the opposite way
                        inner_helps, inner_hurts = self._facts(self.by_id[name], not positive, True)
                        helps |= inner_helps
                        hurts |= inner_hurts
            if positive:
                helps |= fits
                hurts |= spoils
            else:
                helps |= spoils
                hurts |= fits
            self._cache[key] = (frozenset(helps), frozenset(hurts))
        return self._cache[key]
