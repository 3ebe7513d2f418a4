"""The triage engine: which warning signs fit a patient, and so which tier of help they need.

A patient is a list of facts in the words of scripts/model/criteria.py ("symptom:numbness",
"onset:sudden"). Every sign whose criteria fit counts (evidence brief §8: any one sign is enough);
the most urgent tier among them is the answer, and "self-care" when none fits. Pure functions over
the model: `python -m scripts.triage CASE` is the command around them.
"""

from __future__ import annotations

from dataclasses import dataclass

from scripts.model.criteria import SINGLE, VOCABULARY, Alternative, Criteria, Matcher, closure, urgency

SELF_CARE = "self-care"


@dataclass(frozen=True)
class Match:
    sign: Criteria
    alternative: Alternative  # the first alternative of the sign that holds
    because: tuple[str, ...]  # per list of that alternative, the patient's facts that meet it


@dataclass(frozen=True)
class Result:
    tier: str  # emergency | today | soon | self-care
    matches: tuple[Match, ...]  # most urgent first
    excluded: tuple[tuple[Criteria, Alternative], ...]  # signs that fit but whose `unless` holds (sign, the unless)
    ask: tuple[tuple[tuple[str, ...], Criteria], ...]  # (facts not given, a more urgent sign they would make fit)


def triage(patient, signs: list[Criteria]) -> Result:
    """The tier and the fitting signs for a patient (facts already checked with criteria.parse_patient)."""
    given = frozenset(patient)
    facts = closure(given)
    matcher = Matcher(signs, facts)
    matches, excluded = [], []
    for sign in signs:
        alternative = matcher.alternative(sign)
        if alternative is not None:
            matches.append(Match(sign, alternative, _because(alternative, facts, given)))
            continue
        held = next((alt for alt in sign.any if all(g.facts & facts for g in alt.groups)), None)
        spoiler = matcher.excluded_by(sign) if held else None
        if spoiler is not None:
            excluded.append((sign, spoiler))
    matches.sort(key=lambda m: urgency(m.sign.tier))
    tier = matches[0].sign.tier if matches else SELF_CARE
    return Result(tier, tuple(matches), tuple(excluded), _ask(given, signs, tier))


def _because(alternative: Alternative, facts: frozenset[str], given: frozenset[str]) -> tuple[str, ...]:
    said = []
    for group in alternative.groups:
        met = sorted(group.facts & facts)
        said.append(" or ".join(f if f in given else f"{f} (implied)" for f in met))
    if alternative.signs:
        said.append(f"fits {' or '.join(alternative.signs)}")
    return tuple(said)


def _ask(given: frozenset[str], signs: list[Criteria], tier: str) -> tuple[tuple[tuple[str, ...], Criteria], ...]:
    """More urgent signs that would fit if the patient had said their side, onset, course or how long it
    lasted (what they did not say), with the facts that would do it: what to ask next."""
    missing = {ns for ns in SINGLE if not any(f.startswith(ns + ":") for f in given)}
    limit = urgency(tier) if tier != SELF_CARE else len(VOCABULARY)
    found = []
    for sign in signs:
        if urgency(sign.tier) >= limit:
            continue
        for alternative in sign.any:
            wanted = tuple(f"{g.namespace}:{g.values[0]}" for g in alternative.groups if g.namespace in missing)
            if wanted and Matcher(signs, closure(given | set(wanted))).alternative(sign) is not None:
                found.append((wanted, sign))
                break
    return tuple(found)
