"""What must be true of a patient for each warning sign: the `criteria:` of docs/_data/warning-signs.yml.

A patient is a set of facts, each `namespace:value` ("symptom:numbness", "body:arm", "onset:sudden").
A sign's criteria, in YAML a clinician can edit:

    criteria:
      any:                          # the sign fits when ONE of these alternatives holds
        - symptom: [numbness, weakness]      # every key must hold; within a list, any one value
          body: [face, arm, leg]
          side: [one]
          onset: [sudden]
        - symptom: [pain]
          and symptom: [weakness, numbness]  # a second list in the same namespace: one of each
          body: [back]
      unless:                       # ... and none of these holds (same shape as an alternative)
        - when: [after-leaning]
        - sign: [stroke, tia]        # "not when one of these (more urgent) signs fits"

The values are fixed below, each with its plain meaning; an unknown value is an error with the file's
line. `side`, `onset`, `course` and `lasted` are single-valued: a patient has one of each (onset uses
only the time words of evidence brief §8). Some facts imply others ("a cramp is a pain"); a patient's
facts are always read with what they imply (IMPLIES). An `unless` may name signs, but only signs of a
more urgent tier: excluding a sign because a more urgent one fits can never lower a patient's tier.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import yaml

from scripts.model import datafile
from scripts.model.signs import TIERS
from scripts.problems import Problem, display_path

# namespace -> value -> plain meaning. The one list of words that criteria, cases and vignettes may use.
VOCABULARY: dict[str, dict[str, str]] = {
    "symptom": {
        "numbness": "numb: dull or lost feeling",
        "tingling": "pins and needles, tingling or burning",
        "weakness": "weak: cannot lift, grip, push or stand on it as before",
        "pain": "any pain or ache",
        "throbbing-pain": "a throbbing or cramping pain that stays (hours or days), as in a calf with a clot",
        "radiating-pain": "pain that shoots down an arm or leg from the neck or back (sciatica, a trapped nerve)",
        "tightness": "pressure, squeezing or tightness",
        "heaviness": "a heavy or dragging feeling",
        "tenderness": "muscles that hurt when pressed",
        "cramp": "a muscle cramp: a sudden painful tightening that goes within minutes",
        "long-cramp": "a cramp that lasts longer than 10 minutes",
        "stiffness": "stiff muscles, or a stiff jaw that is hard to open",
        "spasm": "muscles that tighten by themselves and will not let go, or jerk (not an ordinary cramp)",
        "swelling": "swollen",
        "clumsy-hands": "clumsy hands: trouble with buttons, writing or picking up small things",
        "cannot-use-hands": "cannot use the hands at all, for example for buttons",
        "walking-trouble": "cannot walk normally: unsteady, stumbling or legs that will not do what you want",
        "cannot-walk": "cannot walk or stand at all",
        "cannot-lift-arms": "cannot lift the arms",
        "foot-drop": "a foot that drags or slaps when you walk",
        "face-droop": "one side of the face droops",
        "speech-trouble": "speech slurred, muddled or hard to get out",
        "swallowing-trouble": "trouble swallowing",
        "sight-loss": "loss of sight: all or part of what you see goes dark or missing",
        "blurred-sight": "blurred, misty or flickering sight (still there)",
        "double-vision": "seeing double",
        "eye-pain-moving": "pain when you move your eye",
        "balance-loss": "losing your balance: cannot stand or walk straight",
        "pee-trouble": "new difficulty starting to pee, or cannot pee",
        "bladder-not-felt": "not feeling when the bladder is full",
        "incontinence": "new loss of control of the bladder or bowels",
        "erection-problems": "erection problems",
    },
    "body": {
        "face": "the face",
        "mouth": "the lips or around the mouth",
        "jaw": "the jaw",
        "eye": "an eye",
        "neck": "the neck",
        "back": "the back",
        "chest": "the chest",
        "tummy": "the tummy, including just below the ribs",
        "arm": "an arm (the whole arm, including the hand)",
        "hand": "a hand or fingers",
        "leg": "a leg (the whole leg, including the foot)",
        "foot": "a foot or toes",
        "saddle": "around the bottom, genitals or inner thighs (where you sit on a saddle)",
        "genitals": "the genitals",
    },
    "skin": {
        "cold": "cold to touch",
        "pale-or-blue": "pale, blue or grey (harder to see on brown or black skin)",
        "red": "red or darker than usual",
        "hot": "hot or warm to touch",
        "spreading-redness": "redness that is spreading",
        "dark-or-black": "toes or skin turning dark or black",
        "sore": "a cut, blister, sore, wound or ulcer",
        "sore-not-healing": "a sore that does not heal",
        "rash": "a rash",
        "rash-not-fading": "a rash that does not fade when a glass is pressed on it",
        "shingles-rash": "a rash you think is shingles (often a painful band of blisters on one side)",
    },
    "with": {
        "fever": "a fever: 38 C or more, or feeling hot and shivery",
        "sweating": "sweating",
        "feeling-sick": "feeling sick or being sick",
        "breathless": "breathless, or trouble breathing",
        "light-headed": "light-headed or faint",
        "dizziness": "dizzy: the room spins or you feel off balance",
        "headache": "a bad headache",
        "confusion": "confused, or not making sense",
        "drowsy": "drowsy or hard to wake",
        "shaking": "shaking or trembling",
        "unwell": "feeling unwell",
        "very-unwell": "feeling very unwell",
        "stiff-neck": "a stiff neck (cannot bend the chin to the chest)",
        "coughing-blood": "coughing up blood",
        "racing-heartbeat": "a racing, pounding or uneven heartbeat",
        "dark-urine": "dark (brown or cola-coloured) urine",
        "weight-loss": "weight loss you cannot explain",
        "pain-below-ribs": "pain just below the ribs (upper tummy)",
        "ringing-ears": "ringing or buzzing in the ears",
        "bruising": "bruising or bleeding you cannot explain",
    },
    "when": {
        "night": "at night",
        "rest": "at rest, when sitting or lying still",
        "stops-sleep": "wakes you up or stops you sleeping",
        "stops-work": "stops you working or doing your daily things",
        "moving-eases": "eases when you move about",
        "constant-severe": "severe and constant: does not ease when you change position",
        "hang-leg-eases": "eases when you hang the leg down over the bed",
        "walking": "comes when you walk and gets better when you sit or bend forward",
        "effort-rest-eases": "comes on with effort (walking uphill, stairs) and goes within a few minutes of rest",
        "walking-rest-eases": "comes when you walk and stops within minutes when you stand still and rest",
        "after-leaning": "came after leaning or lying on the arm or leg, and goes within minutes of moving it",
    },
    "context": {
        "diabetes": "has diabetes",
        "insulin-or-sulfonylurea": "takes insulin or a diabetes tablet such as gliclazide (a sulfonylurea)",
        "cancer": "has cancer now or had it in the past",
        "pregnant": "is pregnant",
        "statin": "takes a statin",
        "neck-injury": "a fall, accident or blow that hurt the neck",
        "back-injury": "a fall, accident or blow that hurt the back",
        "neck-treatment": "neck manipulation or 'cracking', by anyone, in the past few days",
        "wound": "a recent cut, bite, burn or wound",
        "dirty-wound": "a wound with soil, manure or dirt in it",
        "not-vaccinated": "not sure of being fully vaccinated against tetanus",
        "thyroid-surgery": "recent surgery on the thyroid, parathyroid or neck",
        "injects-drugs": "injects drugs",
        "weak-immune": "a weak immune system (illness or medicines)",
        "steroids-osteoporosis": "osteoporosis or long-term steroid tablets",
        "water-tablets": "takes water tablets (diuretics)",
        "vomiting-diarrhoea": "has been sick or had diarrhoea",
        "nitrous-oxide": "uses nitrous oxide ('laughing gas')",
        "quinine": "takes quinine for cramps",
        "child": "the patient is a child (under 16)",
    },
    # single-valued below: a patient has at most one of each
    "side": {
        "one": "one side of the body only (or one limb)",
        "both": "both sides (both hands, both feet, both legs)",
    },
    "onset": {  # evidence brief §8's time words, and only those
        "sudden": "came on suddenly: within seconds or minutes",
        "hours": "came on fast, over hours: within a day",
        "days": "came on over days: 2 to 14 days",
        "weeks": "came on over weeks",
        "months": "came on, or crept up, over months",
    },
    "course": {
        "went-away": "came and went: it has gone now",
        "keeps-coming-back": "comes and goes: it keeps coming back",
        "getting-worse": "is getting worse",
        "spreading": "is spreading to more of the body",
        "steady": "has stayed the same",
    },
    "lasted": {
        "minutes": "has lasted, or lasts each time, under an hour",
        "hours": "has lasted 1 to 24 hours",
        "few-days": "has lasted 1 to 3 days",
        "under-4-weeks": "has lasted more than a few days (4 days to 4 weeks)",
        "over-4-weeks": "has lasted 4 weeks or more",
    },
}
SINGLE = ("side", "onset", "course", "lasted")
SIGN = "sign"  # the key of an `unless` that names signs
AND = "and "  # "and symptom": a second list in the same namespace
KEYS = ("any", "unless")

# A fact and what it always brings with it, in one step (read transitively).
IMPLIES: dict[str, tuple[str, ...]] = {
    "symptom:long-cramp": ("symptom:cramp",),  # a long cramp is a cramp
    "symptom:cramp": ("symptom:pain",),  # a cramp hurts
    "symptom:throbbing-pain": ("symptom:pain",),
    "symptom:radiating-pain": ("symptom:pain",),
    "symptom:foot-drop": ("symptom:weakness", "body:foot"),  # foot drop is weakness of the foot
    "symptom:cannot-lift-arms": ("symptom:weakness", "body:arm"),
    "symptom:cannot-walk": ("symptom:walking-trouble",),
    "symptom:cannot-use-hands": ("symptom:clumsy-hands",),
    "body:hand": ("body:arm",),  # the arm includes the hand
    "body:foot": ("body:leg",),  # the leg includes the foot
    "body:genitals": ("body:saddle",),
    "skin:spreading-redness": ("skin:red",),
    "skin:sore-not-healing": ("skin:sore",),
    "skin:sore": ("context:wound",),  # an open sore is a wound (tetanus)
    "skin:rash-not-fading": ("skin:rash",),
    "skin:shingles-rash": ("skin:rash",),
    "with:very-unwell": ("with:unwell",),
    "when:stops-sleep": ("when:night",),
    "context:dirty-wound": ("context:wound",),
    "context:insulin-or-sulfonylurea": ("context:diabetes",),
    "course:keeps-coming-back": ("course:went-away",),  # each episode went away
    "course:spreading": ("course:getting-worse",),
}


@dataclass(frozen=True)
class Group:
    """One list of an alternative: the patient has at least one of `values` in `namespace`."""

    namespace: str
    values: tuple[str, ...]
    line: int

    @property
    def facts(self) -> frozenset[str]:
        return frozenset(f"{self.namespace}:{v}" for v in self.values)


@dataclass(frozen=True)
class Alternative:
    """All groups hold (and, in an `unless`, the patient fits one of `signs`)."""

    groups: tuple[Group, ...]
    line: int
    signs: tuple[str, ...] = ()


@dataclass(frozen=True)
class Criteria:
    """A sign as the triage engine and the overlap check see it."""

    id: str
    tier: str
    text: str
    any: tuple[Alternative, ...]
    unless: tuple[Alternative, ...]
    line: int  # the `criteria:` line (or the sign's first line when it has none)


# ------------------------------------------------------------------ facts

_CLOSURES: dict[tuple | frozenset, frozenset[str]] = {}  # IMPLIES is fixed: each set of facts is closed once


def closure(facts) -> frozenset[str]:
    """The facts with everything they imply."""
    key = facts if isinstance(facts, (tuple, frozenset)) else tuple(facts)
    found = _CLOSURES.get(key)
    if found is None:
        seen, todo = set(key), list(key)
        while todo:
            for implied in IMPLIES.get(todo.pop(), ()):
                if implied not in seen:
                    seen.add(implied)
                    todo.append(implied)
        found = frozenset(seen)
        if len(_CLOSURES) > 100_000:  # a long-lived process (the triage engine asks for many patients)
            _CLOSURES.clear()
        _CLOSURES[key] = found
    return found


def meaning(fact: str) -> str:
    namespace, _, value = fact.partition(":")
    return VOCABULARY.get(namespace, {}).get(value, "")


def parse_patient(facts) -> tuple[frozenset[str], list[tuple[str, str]]]:
    """A patient's facts (a list of "namespace:value"), and what is wrong with them as (message, fix)."""
    errors: list[tuple[str, str]] = []
    chosen: dict[str, str] = {}
    if not isinstance(facts, list) or not facts:
        return frozenset(), [("the case has no facts", "give a list such as [symptom:numbness, body:arm, onset:sudden]")]
    for fact in facts:
        if not isinstance(fact, str) or ":" not in fact:
            errors.append((f"'{fact}' is not a fact", "write namespace:value, e.g. symptom:numbness"))
            continue
        namespace, _, value = fact.partition(":")
        if namespace not in VOCABULARY:
            errors.append((f"'{fact}' has the unknown namespace '{namespace}'", f"use one of: {', '.join(VOCABULARY)}"))
        elif value not in VOCABULARY[namespace]:
            errors.append((f"'{fact}' has the unknown {namespace} '{value}'", f"{namespace} is one of: {', '.join(VOCABULARY[namespace])}"))
        elif namespace in SINGLE and chosen.setdefault(namespace, value) != value:
            errors.append((f"'{fact}': a patient has one {namespace} (already {namespace}:{chosen[namespace]})", "keep one of them"))
    return frozenset(f for f in facts if isinstance(f, str)), errors


# ------------------------------------------------------------------ matching

def alternative_holds(alternative: Alternative, facts: frozenset[str], fits) -> bool:
    """Every list meets a fact of the patient (and, in an `unless`, one of the named signs fits)."""
    return all(group.facts & facts for group in alternative.groups) and \
        (not alternative.signs or any(fits(sign) for sign in alternative.signs))


class Matcher:
    """Which signs fit a patient (facts already closed), with `unless` naming other signs resolved once each."""

    def __init__(self, signs: list[Criteria], facts: frozenset[str]) -> None:
        self.by_id = {sign.id: sign for sign in signs}
        self.facts = facts
        self._fits: dict[str, bool] = {}

    def alternative(self, sign: Criteria) -> Alternative | None:
        """The first alternative of the sign that holds, unless the sign is excluded."""
        found = next((alt for alt in sign.any if alternative_holds(alt, self.facts, self.fits)), None)
        if found is None or self.excluded_by(sign):
            return None
        return found

    def excluded_by(self, sign: Criteria) -> Alternative | None:
        return next((alt for alt in sign.unless if alternative_holds(alt, self.facts, self.fits)), None)

    def fits(self, sign_id: str) -> bool:
        if sign_id not in self._fits:
            self._fits[sign_id] = False  # guards a loop; validation forbids one (unless names more urgent signs only)
            sign = self.by_id.get(sign_id)
            self._fits[sign_id] = sign is not None and self.alternative(sign) is not None
        return self._fits[sign_id]


def urgency(tier: str) -> int:
    """0 for the most urgent tier."""
    return TIERS.index(tier)


# ------------------------------------------------------------------ reading and checking the data file

EXAMPLE = "'criteria:' / '  any:' / '    - symptom: [numbness]' / '      body: [arm]'"


def read(path: Path) -> tuple[list[Criteria], list[Problem]]:
    """Every sign's criteria from a data file (the triage command's `--signs`, the tests' fixtures)."""
    root, problems = datafile.compose(path, "the warning-signs file")
    if root is None:
        return [], problems
    return from_root(display_path(path), root)


def from_root(shown: str, root) -> tuple[list[Criteria], list[Problem]]:
    """Every sign's criteria from the data file's node tree, with `FILE:LINE` problems for what is
    wrong in them. Problems of the file as a whole (not a list, a sign without id or tier) are the
    signs model's to report (scripts/model/signs.py): here they only stop the reading."""
    if not isinstance(root, yaml.SequenceNode):
        return [], []
    entries = []
    for node in root.value:
        if isinstance(node, yaml.MappingNode):
            keys = {k.value: (k, v) for k, v in node.value if isinstance(k, yaml.ScalarNode)}
            entries.append((node, keys))
    tiers = {}
    for _, keys in entries:
        sign_id, tier = _scalar(keys.get("id")), _scalar(keys.get("tier"))
        if sign_id and tier in TIERS:
            tiers.setdefault(sign_id, tier)
    signs, problems = [], []
    for node, keys in entries:
        sign_id, tier = _scalar(keys.get("id")), _scalar(keys.get("tier"))
        if not sign_id or tier not in TIERS:
            continue  # the signs model reports a missing id or tier
        parsed, found = _parse_sign(shown, sign_id, tier, _scalar(keys.get("text")) or "", keys.get("criteria"),
                                    node.start_mark.line + 1, tiers)
        problems += found
        if parsed is not None:
            signs.append(parsed)
    return signs, problems


def _scalar(pair) -> str | None:
    if pair is None or not isinstance(pair[1], yaml.ScalarNode):
        return None
    return pair[1].value


def _parse_sign(shown: str, sign_id: str, tier: str, text: str, pair, line: int,
                tiers: dict[str, str]) -> tuple[Criteria | None, list[Problem]]:
    problems: list[Problem] = []

    def problem(at: int, message: str, fix: str) -> None:
        problems.append(Problem(shown, at, f"the criteria of '{sign_id}': {message}", fix))

    if pair is None:
        problems.append(Problem(shown, line, f"the sign '{sign_id}' has no 'criteria'",
                                "add 'criteria:' with 'any:' alternatives (see scripts/model/criteria.py), e.g. " + EXAMPLE))
        return None, problems
    key_node, node = pair
    at = key_node.start_mark.line + 1
    if not isinstance(node, yaml.MappingNode):
        problem(at, "'criteria' must be a mapping with 'any:' (and 'unless:')", "write e.g. " + EXAMPLE)
        return None, problems
    parts: dict[str, tuple] = {}
    for key, value in node.value:
        name = key.value if isinstance(key, yaml.ScalarNode) else None
        if name not in KEYS:
            problem(key.start_mark.line + 1, f"unknown key '{name}'", "use only 'any:' (alternatives) and 'unless:' (exclusions)")
        elif name in parts:
            problem(key.start_mark.line + 1, f"'{name}' is given twice", f"keep one '{name}:' list")
        else:
            parts[name] = (key, value)
    if "any" not in parts:
        problem(at, "there is no 'any:' list of alternatives", "add 'any:' with at least one alternative, e.g. " + EXAMPLE)
    alternatives: dict[str, list[Alternative]] = {"any": [], "unless": []}
    for name, (key, value) in parts.items():
        if not isinstance(value, yaml.SequenceNode) or not value.value:
            problem(key.start_mark.line + 1, f"'{name}' must be a list of alternatives ('- namespace: [values]')",
                    f"write '{name}:' followed by lines '- symptom: [numbness]'")
            continue
        for item in value.value:
            alternative = _parse_alternative(item, name == "unless", sign_id, tier, tiers, problem)
            if alternative is not None:
                alternatives[name].append(alternative)
    if problems:
        return None, problems
    return Criteria(sign_id, tier, text, tuple(alternatives["any"]), tuple(alternatives["unless"]), at), problems


def _parse_alternative(node, in_unless: bool, sign_id: str, tier: str, tiers: dict[str, str], problem) -> Alternative | None:
    at = node.start_mark.line + 1
    if not isinstance(node, yaml.MappingNode) or not node.value:
        problem(at, "an alternative must be 'namespace: [values]' lines", "write e.g. '- symptom: [numbness]' on this line")
        return None
    groups, signs, ok, seen = [], (), True, set()
    for key, value in node.value:
        name = str(key.value) if isinstance(key, yaml.ScalarNode) else ""
        line = key.start_mark.line + 1
        values = _values(value)
        if values is None:
            problem(line, f"'{name}' must be a list of values in brackets", f"write '{name}: [value, value]'")
            ok = False
            continue
        if name in seen:
            problem(line, f"'{name}' is given twice in one alternative", f"merge the two '{name}' lists")
            ok = False
            continue
        seen.add(name)
        if name == SIGN:
            if not in_unless:
                problem(line, "'sign:' can only be used in 'unless:'", "move it to 'unless:', or list the facts the sign needs")
                ok = False
                continue
            for other in values:
                if other not in tiers:
                    problem(line, f"'unless' names the unknown sign '{other}'", "use a sign id from this file")
                    ok = False
                elif urgency(tiers[other]) >= urgency(tier):
                    problem(line, f"'unless' names '{other}' ({tiers[other]}), which is not more urgent than '{sign_id}' ({tier})",
                            "name only signs of a more urgent tier (they take over the patient), or list facts instead")
                    ok = False
            signs = tuple(values)
            continue
        namespace = name.removeprefix(AND)
        if namespace not in VOCABULARY:
            problem(line, f"unknown namespace '{name}'",
                    f"use one of: {', '.join(VOCABULARY)} (or 'and NAMESPACE' for a second list){', sign' if in_unless else ''}")
            ok = False
            continue
        if name.startswith(AND) and namespace in SINGLE:
            problem(line, f"'{name}': a patient has one {namespace}, so a second list can never hold with the first",
                    f"put all the {namespace} values in one list")
            ok = False
            continue
        if name.startswith(AND) and namespace not in seen:
            problem(line, f"'{name}' comes without '{namespace}'", f"write '{namespace}:' first, then '{name}:'")
            ok = False
            continue
        for value_name in values:
            if value_name not in VOCABULARY[namespace]:
                problem(line, f"unknown {namespace} '{value_name}'", f"{namespace} is one of: {', '.join(VOCABULARY[namespace])}")
                ok = False
        if len(set(values)) != len(values):
            problem(line, f"'{name}' lists a value twice", "list each value once")
            ok = False
        groups.append(Group(namespace, tuple(values), line))
    if ok and not groups and not signs:
        problem(at, "an alternative with nothing in it", "list at least one 'namespace: [values]'")
        return None
    return Alternative(tuple(groups), at, signs) if ok else None


def _values(node) -> list[str] | None:
    if isinstance(node, yaml.SequenceNode) and node.value and all(isinstance(v, yaml.ScalarNode) and v.value for v in node.value):
        return [str(v.value) for v in node.value]
    return None
