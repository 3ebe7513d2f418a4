"""`python -m scripts.triage CASE [--signs FILE]`: the tier for one patient, the signs that fit and why.

CASE is a JSON or YAML file: a list of facts, or a mapping with `facts:` (and optionally `id` and
`story`), for example {"facts": ["symptom:numbness", "body:arm", "side:one", "onset:sudden"]}.
The words are those of scripts/model/criteria.py. Exit status: 0 with an answer, 2 for bad input.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path

import yaml

from scripts.model import criteria
from scripts.model.signs import DATA_FILE
from scripts.triage import SELF_CARE, triage

ACTIONS = {
    "emergency": "call the emergency number now, or go to A&E",
    "today": "get help the same day (urgent advice line or an urgent GP appointment)",
    "soon": "book a GP appointment (within about 2 weeks)",
    SELF_CARE: "no warning sign fits: look after it at home, and watch for the signs",
}
CLINIC = re.compile(r"\{\{\s*clinic\.(\w+)\s*\}\}")


def display_path(path: Path) -> str:
    """The path as typed from where the user stands, if it can be."""
    try:
        return str(path.resolve().relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(path)


def read_case(path: Path) -> tuple[list | None, str | None]:
    """The case's facts, or the `FILE[:LINE]: message; fix` that says why not."""
    shown = display_path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as err:
        return None, f"{shown}: cannot read the case ({err.__class__.__name__}); give a JSON or YAML file saved as UTF-8"
    try:
        data = json.loads(text) if path.suffix.lower() == ".json" else yaml.safe_load(text)
    except json.JSONDecodeError as err:
        return None, f"{shown}:{err.lineno}: the case is not valid JSON ({err.msg}); fix the JSON, e.g. {{\"facts\": [\"symptom:numbness\"]}}"
    except yaml.YAMLError as err:
        mark = getattr(err, "problem_mark", None)
        where = f":{mark.line + 1}" if mark else ""
        return None, f"{shown}{where}: the case is not valid YAML; fix it, e.g. 'facts: [symptom:numbness, body:arm]'"
    facts = data.get("facts") if isinstance(data, dict) else data
    facts, errors = criteria.parse_patient(facts)
    if errors:
        return None, "\n".join(f"{shown}: {message}; {fix}" for message, fix in errors)
    return sorted(facts), None


def plain(text: str) -> str:
    """A sign's text for a terminal: no bold marks, settings shown by name."""
    return CLINIC.sub(lambda m: f"[{m.group(1).replace('_', ' ')}]", text.replace("**", ""))


def report(shown: str, facts: list[str], result) -> str:
    lines = [f"{shown}: {result.tier.upper()}: {ACTIONS[result.tier]}",
             f"  patient: {', '.join(facts)}"]
    if result.matches:
        lines.append("  signs that fit (most urgent first):")
    for match in result.matches:
        lines.append(f"  - {match.sign.id} ({match.sign.tier}), alternative at line {match.alternative.line}: "
                     + "; ".join(match.because))
        lines.append(f"      {plain(match.sign.text)}")
    fitting = {match.sign.id for match in result.matches}
    for sign, spoiler in result.excluded:
        said = "; ".join([f"{g.namespace}: {' or '.join(g.values)}" for g in spoiler.groups]
                         + [f"{name} fits" for name in spoiler.signs if name in fitting])
        lines.append(f"  (not counted: {sign.id} ({sign.tier}), excluded by its 'unless' at line {spoiler.line}: {said})")
    for wanted, sign in result.ask:
        said = " and ".join(f"{fact} ({criteria.meaning(fact)})" for fact in wanted)
        lines.append(f"  ask: if {said}, then {sign.id} ({sign.tier}) fits")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m scripts.triage", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("case", type=Path, help="a JSON or YAML file with the patient's facts")
    parser.add_argument("--signs", type=Path, default=Path("docs") / DATA_FILE, help="the warning-signs file (default: %(default)s)")
    args = parser.parse_args(argv)
    facts, error = read_case(args.case)
    if error:
        print(error)
        return 2
    if not args.signs.is_file():
        print(f"{display_path(args.signs)}: the warning-signs file does not exist; run from the project folder or give --signs")
        return 2
    signs, problems = criteria.read(args.signs)
    if problems:
        for problem in problems:
            print(problem)
        return 2
    print(report(display_path(args.case), facts, triage(facts, signs)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
